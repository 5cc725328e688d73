#include "host/http/host_rate_limiter.h"

#include <algorithm>
#include <cctype>
#include <chrono>

namespace hamhub::host {

namespace {

std::string normaliseHost(std::string_view host) {
  std::string out(host);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

HostRateLimiter::HostRateLimiter(double requestsPerSecond, double burst)
    : defaultRate_(requestsPerSecond), defaultBurst_(std::max(1.0, burst)) {}

void HostRateLimiter::setHostRate(std::string_view host, double requestsPerSecond, double burst) {
  std::lock_guard lock(mutex_);
  auto key = normaliseHost(host);
  Bucket& bucket = bucketFor(key, SteadyClock::now());
  bucket.ratePerSecond = requestsPerSecond;
  bucket.burst = std::max(1.0, burst);
  bucket.tokens = std::min(bucket.tokens, bucket.burst);
}

HostRateLimiter::Bucket& HostRateLimiter::bucketFor(const std::string& host,
                                                    SteadyClock::time_point now) {
  auto [it, inserted] = buckets_.try_emplace(host);
  Bucket& bucket = it->second;
  if (inserted) {
    bucket.ratePerSecond = defaultRate_;
    bucket.burst = defaultBurst_;
    bucket.tokens = defaultBurst_;
    bucket.updated = now;
    return bucket;
  }
  const std::chrono::duration<double> elapsed = now - bucket.updated;
  bucket.tokens = std::min(bucket.burst, bucket.tokens + elapsed.count() * bucket.ratePerSecond);
  bucket.updated = now;
  return bucket;
}

void HostRateLimiter::refund(const std::string& host) {
  std::lock_guard lock(mutex_);
  Bucket& bucket = bucketFor(host, SteadyClock::now());
  bucket.tokens = std::min(bucket.burst, bucket.tokens + 1);
}

Status HostRateLimiter::acquire(std::string_view host, const CancelHook& isCancelled,
                                SteadyClock::time_point deadline) {
  const auto key = normaliseHost(host);
  SteadyClock::time_point readyAt;
  {
    std::lock_guard lock(mutex_);
    const auto now = SteadyClock::now();
    Bucket& bucket = bucketFor(key, now);
    if (bucket.ratePerSecond <= 0) return Status::ok();
    // Taking the token now, even into debt, reserves our place in line: waiters leave in the
    // order they arrived and the spacing stays exact however many threads share the host.
    bucket.tokens -= 1;
    if (bucket.tokens >= 0) return Status::ok();
    const std::chrono::duration<double> wait(-bucket.tokens / bucket.ratePerSecond);
    readyAt = now + std::chrono::duration_cast<SteadyClock::duration>(wait);
  }
  if (readyAt > deadline) {
    refund(key);
    return Status::error("rate limit for " + key + " leaves no time before the deadline",
                         "timeout");
  }
  if (!sleepUntilUnlessCancelled(readyAt, isCancelled)) {
    refund(key);
    return Status::error("cancelled while waiting for the rate limit of " + key, "cancelled");
  }
  return Status::ok();
}

}  // namespace hamhub::host

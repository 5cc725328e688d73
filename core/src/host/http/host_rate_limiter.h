#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "hamhub/status.h"
#include "host/http/cancellable_wait.h"

namespace hamhub::host {

/// A token bucket per host name, shared by every client that talks to that host, so parallel
/// harvests of one government site are throttled together rather than each on its own.
///
/// Thread-safe. Share one instance (e.g. through std::shared_ptr) between clients.
class HostRateLimiter {
 public:
  /// @param requestsPerSecond the sustained rate per host; 0 or less means unlimited.
  /// @param burst how many requests may go out back to back after a quiet period (at least 1).
  explicit HostRateLimiter(double requestsPerSecond, double burst = 1);

  HostRateLimiter(const HostRateLimiter&) = delete;
  HostRateLimiter& operator=(const HostRateLimiter&) = delete;

  /// A different rate for one host (e.g. a fragile regional JDIH site). Takes effect for the
  /// next request to that host.
  void setHostRate(std::string_view host, double requestsPerSecond, double burst = 1);

  /// Blocks until a request to `host` may go out.
  /// @return ok; `cancelled` when `isCancelled` turned true while waiting; `timeout` when the
  ///         wait would end after `deadline` (returned at once, without waiting in vain).
  Status acquire(std::string_view host, const CancelHook& isCancelled,
                 SteadyClock::time_point deadline = SteadyClock::time_point::max());

 private:
  struct Bucket {
    double ratePerSecond = 0;
    double burst = 1;
    double tokens = 1;  // may go negative: each waiter reserves its slot up front
    SteadyClock::time_point updated;
  };

  Bucket& bucketFor(const std::string& host, SteadyClock::time_point now);
  void refund(const std::string& host);

  std::mutex mutex_;
  double defaultRate_;
  double defaultBurst_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace hamhub::host

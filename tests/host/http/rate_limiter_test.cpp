#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "host/http/host_rate_limiter.h"
#include "host/http/poco_http_client.h"
#include "host/http/redact_url.h"
#include "support/test_http_server.h"

namespace hamhub::host {
namespace {

using namespace std::chrono_literals;
using test::TestHttpServer;

double msSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

class HttpRateLimiterTest : public ::testing::Test {};

TEST_F(HttpRateLimiterTest, spacesRequestsOfClientsSharingTheLimiter) {
  TestHttpServer server;
  std::vector<std::chrono::steady_clock::time_point> arrivals;
  std::mutex mutex;
  server.route("/feed", [&](TestHttpServer::Request&, TestHttpServer::Response& response) {
    {
      std::lock_guard lock(mutex);
      arrivals.push_back(std::chrono::steady_clock::now());
    }
    TestHttpServer::sendText(response, 200, "ok");
  });
  auto limiter = std::make_shared<HostRateLimiter>(10.0);  // one request per 100 ms
  PocoHttpClient first(HttpClientConfig{}, limiter);
  PocoHttpClient second(HttpClientConfig{}, limiter);
  HttpRequest request;
  request.url = server.url("/feed");
  const auto start = std::chrono::steady_clock::now();

  std::thread other([&] {
    for (int i = 0; i < 2; ++i) EXPECT_TRUE(second.fetch(request));
  });
  for (int i = 0; i < 2; ++i) EXPECT_TRUE(first.fetch(request));
  other.join();

  ASSERT_EQ(arrivals.size(), 4u);
  EXPECT_GE(msSince(start), 290);
  // The limiter holds the i-th request back until start + i × 100 ms; a request cannot arrive before
  // it leaves, so these lower bounds hold however late a loaded machine delivers each one (gaps
  // between arrivals do not: a delayed request can land just before the next).
  std::sort(arrivals.begin(), arrivals.end());
  for (std::size_t i = 1; i < arrivals.size(); ++i) {
    const std::chrono::duration<double, std::milli> since = arrivals[i] - start;
    EXPECT_GE(since.count(), 100.0 * static_cast<double>(i) - 5) << "request " << i;
  }
}

TEST_F(HttpRateLimiterTest, limitsEachHostSeparately) {
  HostRateLimiter limiter(1.0);
  const auto start = std::chrono::steady_clock::now();

  EXPECT_TRUE(limiter.acquire("a.example", {}));
  EXPECT_TRUE(limiter.acquire("b.example", {}));
  EXPECT_TRUE(limiter.acquire("C.example", {}));

  EXPECT_LT(msSince(start), 100);
}

TEST_F(HttpRateLimiterTest, allowsBurstThenWaits) {
  HostRateLimiter limiter(20.0, 3);  // 50 ms per request after 3 at once
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.acquire("h", {}));
  EXPECT_LT(msSince(start), 30);
  EXPECT_TRUE(limiter.acquire("h", {}));
  EXPECT_GE(msSince(start), 45);
}

TEST_F(HttpRateLimiterTest, stopsWaitingWhenCancelled) {
  HostRateLimiter limiter(0.5);  // one request per 2 s
  ASSERT_TRUE(limiter.acquire("slow.example", {}));
  std::atomic<bool> cancel{false};
  std::thread canceller([&] {
    std::this_thread::sleep_for(100ms);
    cancel = true;
  });
  const auto start = std::chrono::steady_clock::now();

  Status waited = limiter.acquire("slow.example", [&] { return cancel.load(); });
  canceller.join();

  EXPECT_EQ(waited.reason(), "cancelled");
  EXPECT_LT(msSince(start), 500);
}

TEST_F(HttpRateLimiterTest, refusesAWaitThatWouldPassTheDeadline) {
  HostRateLimiter limiter(0.5);
  ASSERT_TRUE(limiter.acquire("slow.example", {}));
  const auto start = std::chrono::steady_clock::now();

  Status waited = limiter.acquire("slow.example", {}, start + 200ms);

  EXPECT_EQ(waited.reason(), "timeout");
  EXPECT_LT(msSince(start), 100);
}

TEST_F(HttpRateLimiterTest, appliesPerHostOverride) {
  HostRateLimiter limiter(0);  // unlimited by default
  limiter.setHostRate("fragile.example", 0.5);
  EXPECT_TRUE(limiter.acquire("fragile.example", {}));
  EXPECT_TRUE(limiter.acquire("other.example", {}));
  EXPECT_TRUE(limiter.acquire("other.example", {}));
  EXPECT_EQ(
      limiter.acquire("fragile.example", {}, std::chrono::steady_clock::now() + 100ms).reason(),
      "timeout");
}

class HttpRedactUrlTest : public ::testing::Test {};

TEST_F(HttpRedactUrlTest, removesUserinfoAndKeepsTheRest) {
  EXPECT_EQ(redactUrl("https://user:pa@ss@host.example:8443/p?q=1#f"),
            "https://host.example:8443/p?q=1#f");
  EXPECT_EQ(redactUrl("http://host/path@x"), "http://host/path@x");
  EXPECT_EQ(redactUrl("http://host"), "http://host");
  EXPECT_EQ(redactUrl("not a url"), "not a url");
}

}  // namespace
}  // namespace hamhub::host

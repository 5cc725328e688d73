#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/ThreadPool.h>

namespace hamhub::test {

/// A real HTTP(S) server on 127.0.0.1 with an ephemeral port, for integration tests (in the
/// spirit of Go's httptest.NewServer). Routes are lambdas over Poco's request and response, so
/// a handler can do anything a misbehaving government site does: drip bytes, stall, lie about
/// Content-Length, close mid-body.
///
/// Starts in the constructor, stops in the destructor; handlers blocked in `sleepFor` wake up
/// at once when the server stops, so a stalled route never holds a test.
class TestHttpServer {
 public:
  using Request = Poco::Net::HTTPServerRequest;
  using Response = Poco::Net::HTTPServerResponse;
  using Handler = std::function<void(Request&, Response&)>;

  enum class Scheme { kHttp, kHttps };

  /// HTTPS uses a self-signed certificate for CN/IP 127.0.0.1 made with the openssl CLI.
  explicit TestHttpServer(Scheme scheme = Scheme::kHttp);
  ~TestHttpServer();

  TestHttpServer(const TestHttpServer&) = delete;
  TestHttpServer& operator=(const TestHttpServer&) = delete;

  /// Serves `path` (exact match, query ignored) with `handler`; replaces an earlier route.
  /// Unknown paths answer 404. May be called while the server runs.
  void route(const std::string& path, Handler handler);

  std::uint16_t port() const { return port_; }
  /// e.g. "http://127.0.0.1:40123/feed".
  std::string url(std::string_view path = "/") const;
  /// How many requests reached `path`.
  int hits(const std::string& path) const;

  /// For handlers: sleeps, but returns early (false) when the server is stopping.
  bool sleepFor(std::chrono::milliseconds duration);

  /// The PEM certificate the HTTPS variant presents (empty for plain HTTP); usable as a CA file.
  const std::string& certificateFile() const { return certificateFile_; }

  // Helpers for handlers.
  static void sendText(Response& response, int status, std::string_view body,
                       const std::string& contentType = "text/plain");
  /// gzip-compresses `data` (for Content-Encoding: gzip responses).
  static std::string gzip(std::string_view data);

 private:
  class Factory;

  Handler find(const std::string& path);

  Scheme scheme_;
  std::string certificateFile_;
  std::uint16_t port_ = 0;
  mutable std::mutex mutex_;
  std::map<std::string, Handler> routes_;
  std::map<std::string, int> hits_;
  std::condition_variable stopCv_;
  bool stopping_ = false;
  Poco::ThreadPool pool_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

/// A TCP listener that accepts connections and never says a word: the stalled-server case.
class SilentServer {
 public:
  SilentServer();
  ~SilentServer();
  SilentServer(const SilentServer&) = delete;
  SilentServer& operator=(const SilentServer&) = delete;

  std::uint16_t port() const { return port_; }
  std::string url(std::string_view path = "/") const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::uint16_t port_ = 0;
};

/// A port on 127.0.0.1 where nothing listens (bound once, then closed), for connection refusal.
std::uint16_t closedPort();

}  // namespace hamhub::test

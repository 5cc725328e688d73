#include <atomic>
#include <chrono>
#include <sstream>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include <Poco/DeflatingStream.h>

#include "host/http/poco_http_client.h"
#include "support/test_http_server.h"

namespace hamhub::host {
namespace {

using namespace std::chrono_literals;
using test::SilentServer;
using test::TestHttpServer;
using Request = TestHttpServer::Request;
using Response = TestHttpServer::Response;

class HttpClientTest : public ::testing::Test {
 protected:
  static HttpClientConfig fastConfig() {
    HttpClientConfig config;
    config.connectTimeoutMs = 2000;
    config.readTimeoutMs = 2000;
    config.totalTimeoutMs = 5000;
    return config;
  }

  static HttpRequest get(std::string url) {
    HttpRequest request;
    request.url = std::move(url);
    return request;
  }

  static double msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
  }

  TestHttpServer server_;
};

TEST_F(HttpClientTest, returnsStatusHeadersBodyAndTimings) {
  std::string userAgent;
  std::string acceptEncoding;
  server_.route("/feed", [&](Request& request, Response& response) {
    userAgent = request.get("User-Agent", "");
    acceptEncoding = request.get("Accept-Encoding", "");
    response.set("X-Source", "kanwil");
    TestHttpServer::sendText(response, 200, "hello", "application/json");
  });
  PocoHttpClient client(fastConfig());

  auto response = client.fetch(get(server_.url("/feed")));

  ASSERT_TRUE(response) << response.status().message();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->reason, "OK");
  EXPECT_EQ(response->body, "hello");
  EXPECT_EQ(response->bodyBytes, 5u);
  EXPECT_EQ(response->header("x-source"), "kanwil");
  EXPECT_EQ(response->contentType(), "application/json");
  EXPECT_EQ(response->finalUrl, server_.url("/feed"));
  EXPECT_GT(response->elapsedMs, 0);
  EXPECT_EQ(userAgent, "hamhub/0.1");
  EXPECT_EQ(acceptEncoding, "gzip, deflate");
}

TEST_F(HttpClientTest, returnsErrorStatusesAsResponsesWithTheirBody) {
  server_.route("/down", [](Request&, Response& response) {
    TestHttpServer::sendText(response, 503, "<h1>Sedang dalam pemeliharaan</h1>", "text/html");
  });
  PocoHttpClient client(fastConfig());

  auto response = client.fetch(get(server_.url("/down")));

  ASSERT_TRUE(response) << response.status().message();
  EXPECT_EQ(response->status, 503);
  EXPECT_NE(response->body.find("pemeliharaan"), std::string::npos);
  EXPECT_EQ(checkHttpStatus(*response, server_.url("/down")).reason(), "maintenance-status");
}

TEST_F(HttpClientTest, answersHeadWithHeadersAndNoBody) {
  server_.route("/doc.pdf", [](Request&, Response& response) {
    response.setContentType("application/pdf");
    response.setContentLength64(123456);
    response.send();
  });
  PocoHttpClient client(fastConfig());
  HttpRequest request = get(server_.url("/doc.pdf"));
  request.method = "HEAD";

  auto response = client.fetch(request);

  ASSERT_TRUE(response) << response.status().message();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->header("Content-Length"), "123456");
  EXPECT_TRUE(response->body.empty());
}

TEST_F(HttpClientTest, sendsMethodBodyAndCustomHeaders) {
  std::string seen;
  server_.route("/api", [&](Request& request, Response& response) {
    std::string body(static_cast<std::size_t>(request.getContentLength()), '\0');
    request.stream().read(body.data(), static_cast<std::streamsize>(body.size()));
    seen = request.getMethod() + " " + request.get("X-Token", "") + " " + body;
    TestHttpServer::sendText(response, 201, "created");
  });
  PocoHttpClient client(fastConfig());
  HttpRequest request = get(server_.url("/api"));
  request.method = "POST";
  request.body = R"({"a":1})";
  request.headers = {{"X-Token", "t1"}, {"Content-Type", "application/json"}};

  auto response = client.fetch(request);

  ASSERT_TRUE(response) << response.status().message();
  EXPECT_EQ(response->status, 201);
  EXPECT_EQ(seen, R"(POST t1 {"a":1})");
}

TEST_F(HttpClientTest, decodesGzipAndDeflateBodies) {
  const std::string text(100000, 'a');
  server_.route("/gz", [&](Request&, Response& response) {
    response.set("Content-Encoding", "gzip");
    TestHttpServer::sendText(response, 200, TestHttpServer::gzip(text));
  });
  server_.route("/deflate", [&](Request&, Response& response) {
    std::ostringstream compressed;
    Poco::DeflatingOutputStream deflater(compressed, Poco::DeflatingStreamBuf::STREAM_ZLIB);
    deflater << text;
    deflater.close();
    response.set("Content-Encoding", "deflate");
    TestHttpServer::sendText(response, 200, compressed.str());
  });
  PocoHttpClient client(fastConfig());

  auto gzipped = client.fetch(get(server_.url("/gz")));
  auto deflated = client.fetch(get(server_.url("/deflate")));

  ASSERT_TRUE(gzipped) << gzipped.status().message();
  EXPECT_EQ(gzipped->body, text);
  EXPECT_EQ(gzipped->bodyBytes, text.size());
  ASSERT_TRUE(deflated) << deflated.status().message();
  EXPECT_EQ(deflated->body, text);
}

TEST_F(HttpClientTest, reportsCorruptGzipAsIo) {
  server_.route("/gz", [](Request&, Response& response) {
    response.set("Content-Encoding", "gzip");
    TestHttpServer::sendText(response, 200, "this is not gzip at all");
  });
  PocoHttpClient client(fastConfig());

  auto response = client.fetch(get(server_.url("/gz")));

  ASSERT_FALSE(response);
  EXPECT_EQ(response.status().reason(), "io");
}

TEST_F(HttpClientTest, namesAContentEncodingItCannotRead) {
  server_.route("/br", [](Request&, Response& response) {
    response.set("Content-Encoding", "br");
    TestHttpServer::sendText(response, 200, "\x0b\x02\x80[]");
  });
  server_.route("/identity", [](Request&, Response& response) {
    response.set("Content-Encoding", "Identity");
    TestHttpServer::sendText(response, 200, "[]");
  });
  PocoHttpClient client(fastConfig());

  auto brotli = client.fetch(get(server_.url("/br")));
  auto identity = client.fetch(get(server_.url("/identity")));

  ASSERT_FALSE(brotli);
  EXPECT_EQ(brotli.status().reason(), "invalid-payload");
  EXPECT_NE(brotli.status().message().find("encoded as 'br'"), std::string::npos) << brotli.status().message();
  ASSERT_TRUE(identity) << identity.status().message();
  EXPECT_EQ(identity->body, "[]");
}

TEST_F(HttpClientTest, refusesGzipBombByDecodedSize) {
  const std::string bomb = TestHttpServer::gzip(std::string(64 * 1024 * 1024, '\0'));
  server_.route("/bomb", [&](Request&, Response& response) {
    response.set("Content-Encoding", "gzip");
    TestHttpServer::sendText(response, 200, bomb);
  });
  HttpClientConfig config = fastConfig();
  config.maxBodyBytes = 1024 * 1024;
  PocoHttpClient client(config);

  auto response = client.fetch(get(server_.url("/bomb")));

  ASSERT_FALSE(response);
  EXPECT_LT(bomb.size(), config.maxBodyBytes);
  EXPECT_EQ(response.status().reason(), "too-large");
  EXPECT_NE(response.status().message().find(server_.url("/bomb")), std::string::npos);
}

TEST_F(HttpClientTest, refusesDeclaredContentLengthAboveLimitBeforeReadingTheBody) {
  server_.route("/huge", [&](Request&, Response& response) {
    response.setContentLength64(10 * 1024 * 1024);
    response.send() << "only a few bytes, then silence" << std::flush;
    server_.sleepFor(10s);
  });
  HttpClientConfig config = fastConfig();
  config.readTimeoutMs = 5000;
  PocoHttpClient client(config);
  HttpRequest request = get(server_.url("/huge"));
  request.maxBodyBytes = 1024 * 1024;  // the lower of request and client limit applies
  const auto start = std::chrono::steady_clock::now();

  auto response = client.fetch(request);

  ASSERT_FALSE(response);
  EXPECT_EQ(response.status().reason(), "too-large");
  EXPECT_LT(msSince(start), 1000);
}

TEST_F(HttpClientTest, timesOutOnServerThatAcceptsButNeverAnswers) {
  SilentServer silent;
  HttpClientConfig config = fastConfig();
  config.readTimeoutMs = 300;
  PocoHttpClient client(config);
  const auto start = std::chrono::steady_clock::now();

  auto response = client.fetch(get(silent.url("/feed")));

  ASSERT_FALSE(response);
  EXPECT_EQ(response.status().reason(), "timeout");
  EXPECT_EQ(response.status().message(), silent.url("/feed") + ": no response within 300 ms");
  EXPECT_LT(msSince(start), 1500);
}

TEST_F(HttpClientTest, stopsSlowDripAtTheTotalDeadline) {
  server_.route("/drip", [&](Request&, Response& response) {
    response.setContentLength64(1000);
    std::ostream& out = response.send();
    for (int i = 0; i < 1000; ++i) {
      out << 'x' << std::flush;
      if (!server_.sleepFor(50ms)) return;
    }
  });
  HttpClientConfig config = fastConfig();
  config.totalTimeoutMs = 500;
  PocoHttpClient client(config);
  const auto start = std::chrono::steady_clock::now();

  auto response = client.fetch(get(server_.url("/drip")));

  ASSERT_FALSE(response);
  EXPECT_EQ(response.status().reason(), "timeout");
  EXPECT_NE(response.status().message().find("total limit of 500 ms"), std::string::npos)
      << response.status().message();
  EXPECT_LT(msSince(start), 1500);
}

TEST_F(HttpClientTest, reportsBodyCutShortOfContentLengthAsIo) {
  server_.route("/cut", [](Request&, Response& response) {
    response.setContentLength64(1000);
    response.send() << std::string(100, 'x') << std::flush;
    // Returning without the rest closes the connection (keep-alive is off).
  });
  PocoHttpClient client(fastConfig());

  auto response = client.fetch(get(server_.url("/cut")));

  ASSERT_FALSE(response);
  EXPECT_EQ(response.status().reason(), "io");
  EXPECT_NE(response.status().message().find("100 of 1000"), std::string::npos)
      << response.status().message();
}

TEST_F(HttpClientTest, followsRelativeRedirectAndReportsFinalUrl) {
  server_.route("/old/feed", [](Request&, Response& response) {
    response.set("Location", "../new/feed?page=2");
    TestHttpServer::sendText(response, 301, "moved");
  });
  server_.route("/new/feed", [](Request& request, Response& response) {
    TestHttpServer::sendText(response, 200, "new " + request.getURI());
  });
  PocoHttpClient client(fastConfig());

  auto response = client.fetch(get(server_.url("/old/feed")));

  ASSERT_TRUE(response) << response.status().message();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "new /new/feed?page=2");
  EXPECT_EQ(response->finalUrl, server_.url("/new/feed?page=2"));
}

TEST_F(HttpClientTest, refusesRedirectLoopAfterTheLimit) {
  server_.route("/loop", [](Request&, Response& response) {
    response.set("Location", "/loop");
    TestHttpServer::sendText(response, 302, "");
  });
  HttpClientConfig config = fastConfig();
  config.maxRedirects = 3;
  PocoHttpClient client(config);

  auto response = client.fetch(get(server_.url("/loop")));

  ASSERT_FALSE(response);
  EXPECT_EQ(response.status().reason(), "too-many-redirects");
  EXPECT_EQ(server_.hits("/loop"), 4);
}

TEST_F(HttpClientTest, turnsPostIntoGetOn303) {
  server_.route("/submit", [](Request&, Response& response) {
    response.set("Location", "/done");
    TestHttpServer::sendText(response, 303, "");
  });
  std::string method;
  server_.route("/done", [&](Request& request, Response& response) {
    method = request.getMethod();
    TestHttpServer::sendText(response, 200, "ok");
  });
  PocoHttpClient client(fastConfig());
  HttpRequest request = get(server_.url("/submit"));
  request.method = "POST";
  request.body = "x=1";

  auto response = client.fetch(request);

  ASSERT_TRUE(response) << response.status().message();
  EXPECT_EQ(method, "GET");
}

TEST_F(HttpClientTest, sendsBasicAuthFromRequestAndFromUrl) {
  std::string authorization;
  server_.route("/private", [&](Request& request, Response& response) {
    authorization = request.get("Authorization", "");
    TestHttpServer::sendText(response, 200, "ok");
  });
  PocoHttpClient client(fastConfig());
  HttpRequest request = get(server_.url("/private"));
  request.username = "kanwil";
  request.password = "rahasia";

  ASSERT_TRUE(client.fetch(request));
  EXPECT_EQ(authorization, "Basic a2Fud2lsOnJhaGFzaWE=");

  authorization.clear();
  auto viaUrl = client.fetch(
      get("http://kanwil:rahasia@127.0.0.1:" + std::to_string(server_.port()) + "/private"));
  ASSERT_TRUE(viaUrl) << viaUrl.status().message();
  EXPECT_EQ(authorization, "Basic a2Fud2lsOnJhaGFzaWE=");
  EXPECT_EQ(viaUrl->finalUrl, server_.url("/private"));
}

TEST_F(HttpClientTest, dropsCredentialsWhenRedirectLeavesTheOrigin) {
  TestHttpServer other;
  std::string otherAuthorization = "unset";
  other.route("/landing", [&](Request& request, Response& response) {
    otherAuthorization = request.get("Authorization", "");
    TestHttpServer::sendText(response, 200, "ok");
  });
  server_.route("/away", [&](Request&, Response& response) {
    response.set("Location", other.url("/landing"));
    TestHttpServer::sendText(response, 302, "");
  });
  PocoHttpClient client(fastConfig());
  HttpRequest request = get(server_.url("/away"));
  request.username = "kanwil";
  request.password = "rahasia";
  request.headers = {{"Authorization", "Bearer token"}};

  auto response = client.fetch(request);

  ASSERT_TRUE(response) << response.status().message();
  EXPECT_EQ(otherAuthorization, "");
}

TEST_F(HttpClientTest, keepsCredentialsOnRedirectWithinTheOrigin) {
  std::string authorization;
  server_.route("/here", [](Request&, Response& response) {
    response.set("Location", "/private");
    TestHttpServer::sendText(response, 307, "");
  });
  server_.route("/private", [&](Request& request, Response& response) {
    authorization = request.get("Authorization", "");
    TestHttpServer::sendText(response, 200, "ok");
  });
  PocoHttpClient client(fastConfig());
  HttpRequest request = get(server_.url("/here"));
  request.username = "kanwil";
  request.password = "rahasia";

  auto response = client.fetch(request);

  ASSERT_TRUE(response) << response.status().message();
  EXPECT_EQ(authorization, "Basic a2Fud2lsOnJhaGFzaWE=");
}

TEST_F(HttpClientTest, returnsNotModifiedForMatchingETag) {
  std::string ifNoneMatch;
  server_.route("/etag", [&](Request& request, Response& response) {
    ifNoneMatch = request.get("If-None-Match", "");
    response.set("ETag", "\"v1\"");
    if (ifNoneMatch == "\"v1\"") {
      response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NOT_MODIFIED);
      response.send();
      return;
    }
    TestHttpServer::sendText(response, 200, "full body");
  });
  PocoHttpClient client(fastConfig());

  auto first = client.fetch(get(server_.url("/etag")));
  ASSERT_TRUE(first) << first.status().message();
  HttpRequest again = get(server_.url("/etag"));
  again.ifNoneMatch = first->header("ETag");
  auto second = client.fetch(again);

  ASSERT_TRUE(second) << second.status().message();
  EXPECT_EQ(first->status, 200);
  EXPECT_TRUE(second->notModified());
  EXPECT_TRUE(second->body.empty());
  EXPECT_EQ(ifNoneMatch, "\"v1\"");
  EXPECT_TRUE(checkHttpStatus(*second, again.url));
}

TEST_F(HttpClientTest, sendsIfModifiedSince) {
  std::string seen;
  server_.route("/lm", [&](Request& request, Response& response) {
    seen = request.get("If-Modified-Since", "");
    TestHttpServer::sendText(response, 200, "x");
  });
  PocoHttpClient client(fastConfig());
  HttpRequest request = get(server_.url("/lm"));
  request.ifModifiedSince = "Wed, 21 Oct 2015 07:28:00 GMT";

  ASSERT_TRUE(client.fetch(request));
  EXPECT_EQ(seen, request.ifModifiedSince);
}

TEST_F(HttpClientTest, streamsLargeBodyInBoundedChunks) {
  constexpr std::size_t kTotal = 20 * 1024 * 1024;
  server_.route("/big", [&](Request&, Response& response) {
    response.setChunkedTransferEncoding(true);
    std::ostream& out = response.send();
    const std::string piece(1024 * 1024, 'r');
    for (std::size_t sent = 0; sent < kTotal; sent += piece.size()) out << piece;
  });
  HttpClientConfig config = fastConfig();
  config.maxBodyBytes = 64 * 1024 * 1024;
  PocoHttpClient client(config);
  std::size_t bytes = 0;
  std::size_t largestChunk = 0;
  int chunks = 0;

  auto response = client.fetch(get(server_.url("/big")), [&](std::string_view chunk) {
    bytes += chunk.size();
    largestChunk = std::max(largestChunk, chunk.size());
    ++chunks;
    return Status::ok();
  });

  ASSERT_TRUE(response) << response.status().message();
  EXPECT_EQ(bytes, kTotal);
  EXPECT_EQ(response->bodyBytes, kTotal);
  EXPECT_TRUE(response->body.empty());
  EXPECT_LE(largestChunk, 64u * 1024);
  EXPECT_GE(chunks, 320);
}

TEST_F(HttpClientTest, buffersNonSuccessBodyInsteadOfStreamingIt) {
  server_.route("/maint", [](Request&, Response& response) {
    TestHttpServer::sendText(response, 503, "maintenance");
  });
  PocoHttpClient client(fastConfig());
  bool handlerCalled = false;

  auto response = client.fetch(get(server_.url("/maint")), [&](std::string_view) {
    handlerCalled = true;
    return Status::ok();
  });

  ASSERT_TRUE(response) << response.status().message();
  EXPECT_EQ(response->status, 503);
  EXPECT_EQ(response->body, "maintenance");
  EXPECT_FALSE(handlerCalled);
}

TEST_F(HttpClientTest, returnsTheBodyHandlersOwnStatusWhenItAborts) {
  server_.route("/feed", [](Request&, Response& response) {
    TestHttpServer::sendText(response, 200, std::string(300000, 'x'));
  });
  PocoHttpClient client(fastConfig());

  auto response = client.fetch(get(server_.url("/feed")), [](std::string_view) {
    return Status::error("record 7 is not JSON", "invalid-payload");
  });

  ASSERT_FALSE(response);
  EXPECT_EQ(response.status().reason(), "invalid-payload");
  EXPECT_EQ(response.status().message(), "record 7 is not JSON");
}

TEST_F(HttpClientTest, stopsWaitingForTheResponseWhenCancelled) {
  SilentServer silent;
  std::atomic<bool> cancel{false};
  HttpClientConfig config = fastConfig();
  config.readTimeoutMs = 10000;
  config.totalTimeoutMs = 20000;
  PocoHttpClient client(config, nullptr, [&] { return cancel.load(); });
  std::thread canceller([&] {
    std::this_thread::sleep_for(200ms);
    cancel = true;
  });
  const auto start = std::chrono::steady_clock::now();

  auto response = client.fetch(get(silent.url("/feed")));
  canceller.join();

  ASSERT_FALSE(response);
  EXPECT_EQ(response.status().reason(), "cancelled");
  EXPECT_LT(msSince(start), 1000);
}

TEST_F(HttpClientTest, stopsReadingTheBodyWhenCancelled) {
  server_.route("/drip", [&](Request&, Response& response) {
    response.setContentLength64(1000);
    std::ostream& out = response.send();
    for (int i = 0; i < 1000; ++i) {
      out << 'x' << std::flush;
      if (!server_.sleepFor(20ms)) return;
    }
  });
  std::atomic<bool> cancel{false};
  PocoHttpClient client(fastConfig(), nullptr, [&] { return cancel.load(); });
  std::thread canceller([&] {
    std::this_thread::sleep_for(200ms);
    cancel = true;
  });
  const auto start = std::chrono::steady_clock::now();
  auto cancelled = client.fetch(get(server_.url("/drip")));
  canceller.join();

  ASSERT_FALSE(cancelled);
  EXPECT_EQ(cancelled.status().reason(), "cancelled");
  EXPECT_LT(msSince(start), 1000);
}

TEST_F(HttpClientTest, reportsRefusedConnection) {
  const auto port = test::closedPort();
  PocoHttpClient client(fastConfig());
  const std::string url = "http://127.0.0.1:" + std::to_string(port) + "/feed";

  auto response = client.fetch(get(url));

  ASSERT_FALSE(response);
  EXPECT_EQ(response.status().reason(), "connect-refused");
  EXPECT_EQ(response.status().message(), url + ": connection refused");
}

TEST_F(HttpClientTest, keepsPasswordsOutOfErrorMessages) {
  const auto port = test::closedPort();
  PocoHttpClient client(fastConfig());

  auto response = client.fetch(get("http://admin:s3cret@127.0.0.1:" + std::to_string(port) + "/x"));

  ASSERT_FALSE(response);
  EXPECT_EQ(response.status().message().find("s3cret"), std::string::npos);
  EXPECT_EQ(response.status().message().find("admin"), std::string::npos);
}

TEST_F(HttpClientTest, reportsUnresolvableHostQuickly) {
  PocoHttpClient client(fastConfig());
  const auto start = std::chrono::steady_clock::now();

  auto response = client.fetch(get("http://no-such-host.invalid/"));

  ASSERT_FALSE(response);
  EXPECT_EQ(response.status().reason(), "dns");
  EXPECT_NE(response.status().message().find("http://no-such-host.invalid/"), std::string::npos);
  EXPECT_LT(msSince(start), 1000);
}

TEST_F(HttpClientTest, rejectsInvalidUrls) {
  PocoHttpClient client(fastConfig());

  for (const char* url : {"", "not a url", "ftp://127.0.0.1/x", "http:///nohost", "http://[::1"}) {
    auto response = client.fetch(get(url));
    ASSERT_FALSE(response) << url;
    EXPECT_EQ(response.status().reason(), "invalid-url") << url;
  }
}

TEST_F(HttpClientTest, retriesTransportFailuresWhenConfigured) {
  SilentServer silent;
  HttpClientConfig config = fastConfig();
  config.readTimeoutMs = 150;
  config.transportRetries = 2;
  config.retryBackoffMs = 10;
  PocoHttpClient client(config);
  const auto start = std::chrono::steady_clock::now();

  auto response = client.fetch(get(silent.url("/feed")));

  ASSERT_FALSE(response);
  EXPECT_EQ(response.status().reason(), "timeout");
  EXPECT_GE(msSince(start), 3 * 150);
}

TEST_F(HttpClientTest, refusesSelfSignedCertificateByDefault) {
  TestHttpServer tls(TestHttpServer::Scheme::kHttps);
  tls.route("/feed", [](Request&, Response& response) {
    TestHttpServer::sendText(response, 200, "secret");
  });
  PocoHttpClient client(fastConfig());

  auto response = client.fetch(get(tls.url("/feed")));

  ASSERT_FALSE(response);
  EXPECT_EQ(response.status().reason(), "tls");
  EXPECT_NE(response.status().message().find(tls.url("/feed")), std::string::npos);
}

TEST_F(HttpClientTest, acceptsSelfSignedCertificateWhenVerificationIsOff) {
  TestHttpServer tls(TestHttpServer::Scheme::kHttps);
  tls.route("/feed", [](Request&, Response& response) {
    TestHttpServer::sendText(response, 200, "secret");
  });
  HttpClientConfig config = fastConfig();
  config.verifyTls = false;
  PocoHttpClient client(config);

  auto response = client.fetch(get(tls.url("/feed")));

  ASSERT_TRUE(response) << response.status().message();
  EXPECT_EQ(response->body, "secret");
}

TEST_F(HttpClientTest, trustsCertificateFromConfiguredCaFile) {
  TestHttpServer tls(TestHttpServer::Scheme::kHttps);
  tls.route("/feed", [](Request&, Response& response) {
    TestHttpServer::sendText(response, 200, "secret");
  });
  HttpClientConfig config = fastConfig();
  config.caFile = tls.certificateFile();
  PocoHttpClient client(config);

  auto response = client.fetch(get(tls.url("/feed")));

  ASSERT_TRUE(response) << response.status().message();
  EXPECT_EQ(response->body, "secret");
}

TEST_F(HttpClientTest, refusesTrustedCertificateIssuedForAnotherHostName) {
  TestHttpServer tls(TestHttpServer::Scheme::kHttps);
  tls.route("/feed", [](Request&, Response& response) {
    TestHttpServer::sendText(response, 200, "secret");
  });
  HttpClientConfig config = fastConfig();
  config.caFile = tls.certificateFile();  // trusted, but issued for 127.0.0.1 only
  PocoHttpClient client(config);

  auto response = client.fetch(get("https://localhost:" + std::to_string(tls.port()) + "/feed"));

  ASSERT_FALSE(response);
  EXPECT_EQ(response.status().reason(), "tls");
}

TEST_F(HttpClientTest, timesOutWhenTlsHandshakeStalls) {
  SilentServer silent;
  HttpClientConfig config = fastConfig();
  config.connectTimeoutMs = 300;
  PocoHttpClient client(config);
  const std::string url = "https://127.0.0.1:" + std::to_string(silent.port()) + "/feed";
  const auto start = std::chrono::steady_clock::now();

  auto response = client.fetch(get(url));

  ASSERT_FALSE(response);
  EXPECT_EQ(response.status().reason(), "timeout");
  EXPECT_EQ(response.status().message(), url + ": TLS handshake did not complete within 300 ms");
  EXPECT_LT(msSince(start), 1000);
}

TEST_F(HttpClientTest, reportsMissingCaFileAsTlsErrorOnHttpsOnly) {
  HttpClientConfig config = fastConfig();
  config.caFile = "/nonexistent/ca.pem";
  PocoHttpClient client(config);
  server_.route("/plain", [](Request&, Response& response) {
    TestHttpServer::sendText(response, 200, "ok");
  });

  auto https = client.fetch(get("https://127.0.0.1:1/feed"));
  auto plain = client.fetch(get(server_.url("/plain")));

  ASSERT_FALSE(https);
  EXPECT_EQ(https.status().reason(), "tls");
  EXPECT_TRUE(plain) << plain.status().message();
}

}  // namespace
}  // namespace hamhub::host

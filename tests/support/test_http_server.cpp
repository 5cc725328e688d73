#include "support/test_http_server.h"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <Poco/DeflatingStream.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/URI.h>

namespace hamhub::test {

namespace {

// One self-signed certificate per test process; generating an RSA key costs a noticeable
// fraction of a second, and every HTTPS server in the process can present the same one.
class SelfSignedCertificate {
 public:
  static const SelfSignedCertificate& instance() {
    static SelfSignedCertificate certificate;
    return certificate;
  }

  std::string keyFile;
  std::string certFile;

 private:
  SelfSignedCertificate() {
    std::string pattern = (std::filesystem::temp_directory_path() / "hamhub-tls-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    keyFile = (dir_ / "key.pem").string();
    certFile = (dir_ / "cert.pem").string();
    const std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -days 1"
        " -addext subjectAltName=IP:127.0.0.1 -keyout '" +
        keyFile + "' -out '" + certFile + "' >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0) {
      throw std::runtime_error("openssl could not create a test certificate");
    }
  }
  ~SelfSignedCertificate() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  std::filesystem::path dir_;
};

Poco::Net::Context::Ptr serverContext() {
  const auto& certificate = SelfSignedCertificate::instance();
  Poco::Net::Context::Params params;
  params.privateKeyFile = certificate.keyFile;
  params.certificateFile = certificate.certFile;
  params.verificationMode = Poco::Net::Context::VERIFY_NONE;
  params.loadDefaultCAs = false;
  return new Poco::Net::Context(Poco::Net::Context::SERVER_USE, params);
}

class RouteHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit RouteHandler(TestHttpServer::Handler handler) : handler_(std::move(handler)) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    try {
      handler_(request, response);
    } catch (...) {
      // A handler that writes to a connection the client already dropped throws; the test
      // asserts on the client's side, so there is nothing to report here.
    }
  }

 private:
  TestHttpServer::Handler handler_;
};

}  // namespace

class TestHttpServer::Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(TestHttpServer& server) : server_(server) {}

  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest& request) override {
    std::string path;
    try {
      path = Poco::URI(request.getURI()).getPath();
    } catch (const Poco::Exception&) {
      path = request.getURI();
    }
    Handler handler = server_.find(path);
    if (!handler) {
      handler = [](Request&, Response& response) { sendText(response, 404, "no such route"); };
    }
    return new RouteHandler(std::move(handler));
  }

 private:
  TestHttpServer& server_;
};

TestHttpServer::TestHttpServer(Scheme scheme) : scheme_(scheme), pool_(2, 32) {
  const Poco::Net::SocketAddress address("127.0.0.1", 0);
  Poco::Net::ServerSocket socket;
  if (scheme_ == Scheme::kHttps) {
    Poco::Net::initializeSSL();
    socket = Poco::Net::SecureServerSocket(address, 64, serverContext());
    certificateFile_ = SelfSignedCertificate::instance().certFile;
  } else {
    socket = Poco::Net::ServerSocket(address, 64);
  }
  port_ = socket.address().port();
  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(32);
  params->setMaxQueued(64);
  params->setKeepAlive(false);
  params->setTimeout(Poco::Timespan(10, 0));
  server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), pool_, socket, params);
  server_->start();
}

TestHttpServer::~TestHttpServer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stopCv_.notify_all();
  // Poco's accept loop notices a stop only between 250 ms polls; connecting wakes it at once,
  // which keeps each test's teardown from costing a quarter second.
  std::atomic<bool> stopped{false};
  std::thread waker([&] {
    while (!stopped) {
      try {
        Poco::Net::StreamSocket socket;
        socket.connect(Poco::Net::SocketAddress("127.0.0.1", port_), Poco::Timespan(0, 100000));
      } catch (const Poco::Exception&) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  });
  server_->stopAll(true);
  stopped = true;
  waker.join();
  pool_.joinAll();
  server_.reset();
  if (scheme_ == Scheme::kHttps) Poco::Net::uninitializeSSL();
}

void TestHttpServer::route(const std::string& path, Handler handler) {
  std::lock_guard lock(mutex_);
  routes_[path] = std::move(handler);
}

TestHttpServer::Handler TestHttpServer::find(const std::string& path) {
  std::lock_guard lock(mutex_);
  ++hits_[path];
  auto it = routes_.find(path);
  return it == routes_.end() ? Handler() : it->second;
}

std::string TestHttpServer::url(std::string_view path) const {
  return std::string(scheme_ == Scheme::kHttps ? "https" : "http") +
         "://127.0.0.1:" + std::to_string(port_) + std::string(path);
}

int TestHttpServer::hits(const std::string& path) const {
  std::lock_guard lock(mutex_);
  auto it = hits_.find(path);
  return it == hits_.end() ? 0 : it->second;
}

bool TestHttpServer::sleepFor(std::chrono::milliseconds duration) {
  std::unique_lock lock(mutex_);
  return !stopCv_.wait_for(lock, duration, [this] { return stopping_; });
}

void TestHttpServer::sendText(Response& response, int status, std::string_view body,
                              const std::string& contentType) {
  response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  response.setContentType(contentType);
  response.setContentLength64(static_cast<Poco::Int64>(body.size()));
  response.send().write(body.data(), static_cast<std::streamsize>(body.size()));
}

std::string TestHttpServer::gzip(std::string_view data) {
  std::ostringstream out;
  {
    Poco::DeflatingOutputStream deflater(out, Poco::DeflatingStreamBuf::STREAM_GZIP);
    deflater.write(data.data(), static_cast<std::streamsize>(data.size()));
    deflater.close();
  }
  return out.str();
}

struct SilentServer::Impl {
  Poco::Net::ServerSocket socket;
};

SilentServer::SilentServer() : impl_(std::make_unique<Impl>()) {
  // Listening without ever accepting is enough: the kernel completes the handshake from its
  // backlog, so a client connects, sends its request and hears nothing back.
  impl_->socket = Poco::Net::ServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0), 16);
  port_ = impl_->socket.address().port();
}

SilentServer::~SilentServer() = default;

std::string SilentServer::url(std::string_view path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + std::string(path);
}

std::uint16_t closedPort() {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0), 1);
  const std::uint16_t port = socket.address().port();
  socket.close();
  return port;
}

}  // namespace hamhub::test

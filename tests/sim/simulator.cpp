#include "simulator.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <initializer_list>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <utility>

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>

#include "export_tables.h"
#include "jdih_content.h"
#include "legacy_cms.h"
#include "regions.h"
#include "schema_drift.h"

namespace hamhub::sim {

namespace {

using Clock = std::chrono::steady_clock;
using Request = Poco::Net::HTTPServerRequest;
using Response = Poco::Net::HTTPServerResponse;

std::string htmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string maintenancePage(const std::string& name, bool status503) {
  const std::string n = htmlEscape(name);
  if (status503) {
    return "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\"><title>503 Layanan Tidak Tersedia</title>"
           "</head>\n<body><h1>Situs sedang dalam pemeliharaan</h1>\n<p>Mohon maaf, situs JDIH " +
           n + " sedang dalam perbaikan. Silakan kunjungi kembali beberapa saat lagi.</p>\n</body></html>\n";
  }
  return "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\"><title>JDIH " + n +
         "</title>\n<style>body{font-family:sans-serif;text-align:center;margin-top:10%}</style></head>\n<body>\n"
         "<img src=\"/assets/img/logo.png\" alt=\"Logo\">\n<h1>Situs sedang dalam pemeliharaan</h1>\n"
         "<p>Mohon maaf, situs sedang dalam perbaikan untuk meningkatkan layanan kami.</p>\n"
         "<p>Jaringan Dokumentasi dan Informasi Hukum " +
         n + "</p>\n</body></html>\n";
}

// nginx's own error page, e.g. for `return 502;` or `limit_req_status 429;`.
std::string statusPage(Poco::Net::HTTPResponse::HTTPStatus status) {
  const std::string line = std::to_string(static_cast<int>(status)) + " " +
                           Poco::Net::HTTPResponse::getReasonForStatus(status);
  return "<html>\n<head><title>" + line + "</title></head>\n<body>\n<center><h1>" + line +
         "</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n";
}

std::string sourceIdOf(const SiteSpec& spec) {
  // Export sites are labelled "kkpham-16", "opd-16.71"; JDIH sites by their region code alone.
  std::string id = spec.label.rfind(spec.content + "-", 0) == 0 ? spec.label : spec.content + "-" + spec.label;
  for (char& c : id) {
    if (c == '.' || c == '/' || c == '_') c = '-';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return id;
}

std::string httpDate(Poco::Timestamp t) {
  return Poco::DateTimeFormatter::format(t, Poco::DateTimeFormat::HTTP_FORMAT);
}

}  // namespace

class Simulator::Impl {
 public:
  struct Site {
    SiteSpec spec;
    std::string name;  // "Kota Lubuk Linggau"
    std::unique_ptr<SiteContent> content;
    mutable std::mutex mutex;
    SiteBehaviour behaviour;
    Clock::time_point since;
    std::uint64_t requestsSince = 0;  // since the behaviour was set: rate-limited's after_requests
    std::atomic<std::uint64_t> requests{0};

    // Takes effect with the next request; the flapping clock and rate-limited's count start again.
    void switchTo(SiteBehaviour next) {
      std::lock_guard lock(mutex);
      behaviour = std::move(next);
      since = Clock::now();
      requestsSince = 0;
    }
  };

  explicit Impl(SimOptions options);
  ~Impl() { stop(); }

  void start();
  void stop();
  void handle(Request& request, Response& response);
  std::string baseUrl() const {
    return (options_.tls == TlsMode::kNone ? "http" : "https") + std::string("://127.0.0.1:") + std::to_string(port_);
  }

  SimOptions options_;
  std::vector<std::unique_ptr<Site>> sites_;
  std::unordered_map<std::string, std::size_t> byPrefix_;
  std::uint16_t port_ = 0;
  std::unique_ptr<TlsCertificate> certificate_;  // with TLS: made by the first start()

 private:
  class Handler;
  class Factory;

  // Sleeps; false when the simulator stops meanwhile.
  bool sleepFor(std::chrono::milliseconds duration) {
    std::unique_lock lock(stopMutex_);
    return !stopCv_.wait_for(lock, duration, [this] { return stopping_; });
  }
  // Keeps a connection open without answering (stall, no-answer) until `hold` passes or stop().
  void hold(Poco::Net::StreamSocket socket, std::chrono::seconds duration);
  void reap();
  // The listening socket: plain, or TLS with certificate_.
  Poco::Net::ServerSocket listen();

  Site* route(const std::string& path);
  void control(const std::string& path, const Poco::URI& uri, Request& request, Response& response);
  void send(Request& request, Response& response, const Payload& payload, const SiteBehaviour& behaviour,
            const std::string& contentType);
  void sendPaged(Response& response, const Payload& payload, const Poco::URI& uri, const SiteBehaviour& behaviour);
  void sendTruncated(Request& request, const Payload& payload, const SiteBehaviour& behaviour);
  void sendOversized(Response& response, const SiteContent& content, const SiteBehaviour& behaviour);
  static void sendText(Response& response, Poco::Net::HTTPResponse::HTTPStatus status, std::string_view body,
                       const std::string& contentType);
  static bool notModified(const Request& request, const Payload& payload);

  std::unique_ptr<Poco::ThreadPool> pool_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
  bool running_ = false;

  std::mutex stopMutex_;
  std::condition_variable stopCv_;
  bool stopping_ = false;

  struct Held {
    Poco::Net::StreamSocket socket;
    Clock::time_point until;
  };
  std::mutex heldMutex_;
  std::condition_variable heldCv_;
  std::vector<Held> held_;
  std::thread reaper_;
};

class Simulator::Impl::Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(Impl& impl) : impl_(impl) {}
  void handleRequest(Request& request, Response& response) override {
    try {
      impl_.handle(request, response);
    } catch (const Poco::Exception&) {
      // The client went away mid-answer (or the simulator is stopping): nothing to tell anyone.
    } catch (const std::exception&) {
    }
  }

 private:
  Impl& impl_;
};

class Simulator::Impl::Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(Impl& impl) : impl_(impl) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Request&) override { return new Handler(impl_); }

 private:
  Impl& impl_;
};

Simulator::Impl::Impl(SimOptions options) : options_(std::move(options)) {
  const std::size_t n = options_.sites.size();
  sites_.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const SiteSpec& spec = options_.sites[i];
    const auto& kinds = exportKinds();
    if (spec.content != "jdih" && std::find(kinds.begin(), kinds.end(), spec.content) == kinds.end())
      throw std::invalid_argument("site " + spec.label + ": unknown content '" + spec.content + "'");
    if (findRegion(spec.subject) == nullptr) {
      throw std::invalid_argument("site " + spec.label + ": unknown subject '" + spec.subject + "'");
    }
    if (!byPrefix_.emplace(spec.prefix, i).second) {
      throw std::invalid_argument("site " + spec.label + ": prefix " + spec.prefix + " is used twice");
    }
  }
  // Generation is CPU-bound and independent per site: spread it over the cores.
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      const SiteSpec& spec = options_.sites[i];
      const Region& region = *findRegion(spec.subject);
      auto site = std::make_unique<Site>();
      site->spec = spec;
      site->name = std::string(region.name);
      site->behaviour = spec.behaviour;
      site->since = Clock::now();
      const std::string host = spec.host.empty() ? "jdih." + std::string(region.domain) : spec.host;
      // A fixed, seed-independent Last-Modified per site keeps every response byte-for-byte repeatable.
      const Poco::Timestamp lastModified = Poco::DateTime(2025, 6, 30, 1, 0, 0).timestamp() -
                                           static_cast<Poco::Timestamp::TimeDiff>(i % 1000) * 37 * 60 * 1000000;
      if (spec.content == "jdih") {
        site->content = std::make_unique<JdihContent>(
            JdihGenerator(options_.seed, i, region, host, options_.incompleteShare), spec.documents, lastModified);
      } else {
        site->content = std::make_unique<TableContent>(makeExportGenerator(spec.content, options_.seed, region),
                                                       lastModified);
      }
      sites_[i] = std::move(site);
    }
  };
  const std::size_t threads =
      std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, std::max<std::size_t>(n, 1));
  std::vector<std::thread> workers;
  for (std::size_t t = 1; t < threads; ++t) workers.emplace_back(work);
  work();
  for (auto& t : workers) t.join();
}

void Simulator::Impl::start() {
  if (running_) return;
  {
    std::lock_guard lock(stopMutex_);
    stopping_ = false;
  }
  Poco::Net::ServerSocket socket = listen();
  port_ = socket.address().port();
  const int threads = std::max(options_.threads, 4);
  pool_ = std::make_unique<Poco::ThreadPool>(4, threads + 8, 60);
  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(threads);
  params->setMaxQueued(4096);
  params->setKeepAlive(true);
  params->setMaxKeepAliveRequests(10000);
  params->setKeepAliveTimeout(Poco::Timespan(5, 0));
  params->setTimeout(Poco::Timespan(30, 0));
  params->setServerName("127.0.0.1");
  params->setSoftwareVersion("nginx");
  server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), *pool_, socket, params);
  server_->start();
  reaper_ = std::thread([this] { reap(); });
  running_ = true;
}

Poco::Net::ServerSocket Simulator::Impl::listen() {
  const Poco::Net::SocketAddress address(options_.bindAddress, options_.port);
  constexpr int kBacklog = 1024;
  if (options_.tls == TlsMode::kNone) return Poco::Net::ServerSocket(address, kBacklog);
  // Once per process and never undone: Poco's SSL initialisation is reference-counted.
  static const bool initialised = [] {
    Poco::Net::initializeSSL();
    return true;
  }();
  (void)initialised;
  if (!certificate_) certificate_ = std::make_unique<TlsCertificate>(options_.tls);
  Poco::Net::Context::Params params;
  params.privateKeyFile = certificate_->privateKeyFile().string();
  params.certificateFile = certificate_->certificateFile().string();
  params.verificationMode = Poco::Net::Context::VERIFY_NONE;  // clients present no certificate
  params.cipherList = "DEFAULT";
  // The TLS handshake happens in the worker thread on the first read, so the accept loop never waits.
  return Poco::Net::SecureServerSocket(address, kBacklog,
                                       new Poco::Net::Context(Poco::Net::Context::SERVER_USE, params));
}

void Simulator::Impl::stop() {
  if (!running_) return;
  {
    std::lock_guard lock(stopMutex_);
    stopping_ = true;
  }
  stopCv_.notify_all();
  {
    std::lock_guard lock(heldMutex_);
    for (auto& h : held_) {
      try {
        h.socket.close();
      } catch (const Poco::Exception&) {
      }
    }
    held_.clear();
  }
  heldCv_.notify_all();
  reaper_.join();
  // Poco's accept loop notices a stop only between 250 ms polls; a connection wakes it at once.
  std::atomic<bool> stopped{false};
  std::thread waker([&] {
    while (!stopped) {
      try {
        Poco::Net::StreamSocket s;
        s.connect(Poco::Net::SocketAddress("127.0.0.1", port_), Poco::Timespan(0, 100000));
      } catch (const Poco::Exception&) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  });
  server_->stopAll(true);
  stopped = true;
  waker.join();
  pool_->joinAll();
  server_.reset();
  pool_.reset();
  running_ = false;
}

void Simulator::Impl::hold(Poco::Net::StreamSocket socket, std::chrono::seconds duration) {
  std::lock_guard lock(heldMutex_);
  held_.push_back({std::move(socket), Clock::now() + duration});
  heldCv_.notify_all();
}

void Simulator::Impl::reap() {
  std::unique_lock lock(heldMutex_);
  for (;;) {
    {
      std::lock_guard stopLock(stopMutex_);
      if (stopping_) return;
    }
    const auto now = Clock::now();
    auto due = Clock::time_point::max();
    for (auto it = held_.begin(); it != held_.end();) {
      if (it->until <= now) {
        try {
          it->socket.close();
        } catch (const Poco::Exception&) {
        }
        it = held_.erase(it);
      } else {
        due = std::min(due, it->until);
        ++it;
      }
    }
    heldCv_.wait_until(lock, std::min(due, now + std::chrono::milliseconds(500)));
  }
}

Simulator::Impl::Site* Simulator::Impl::route(const std::string& path) {
  // Prefixes are one or more whole segments ("/site3", "/jdih/16.73"); try the shortest first.
  for (std::size_t end = path.find('/', 1);; end = path.find('/', end + 1)) {
    auto it = byPrefix_.find(path.substr(0, end));
    if (it != byPrefix_.end()) return sites_[it->second].get();
    if (end == std::string::npos) return nullptr;
  }
}

void Simulator::Impl::sendText(Response& response, Poco::Net::HTTPResponse::HTTPStatus status, std::string_view body,
                               const std::string& contentType) {
  response.setStatusAndReason(status);
  response.setContentType(contentType);
  response.sendBuffer(body.data(), body.size());
}

bool Simulator::Impl::notModified(const Request& request, const Payload& payload) {
  if (request.has("If-None-Match")) {
    const std::string& tags = request.get("If-None-Match");
    if (tags.find('*') != std::string::npos) return true;
    // Weak comparison, as RFC 9110 asks for If-None-Match: W/"x" matches "x".
    return tags.find(payload.etag) != std::string::npos;
  }
  if (request.has("If-Modified-Since")) {
    Poco::DateTime since;
    int tz = 0;
    if (Poco::DateTimeParser::tryParse(request.get("If-Modified-Since"), since, tz)) {
      return payload.lastModified.epochTime() <=
             (since.timestamp() - static_cast<Poco::Timestamp::TimeDiff>(tz) * 1000000).epochTime();
    }
  }
  return false;
}

void Simulator::Impl::send(Request& request, Response& response, const Payload& payload, const SiteBehaviour& behaviour,
                           const std::string& contentType) {
  if (behaviour.kind == Behaviour::kEtag) {
    response.set("ETag", payload.etag);
    response.set("Last-Modified", httpDate(payload.lastModified));
    response.set("Cache-Control", "no-cache");
    if (notModified(request, payload)) {
      response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NOT_MODIFIED);
      response.setContentLength(0);
      response.send();
      return;
    }
  }
  if (behaviour.kind == Behaviour::kStall) {
    // Promise the whole body, deliver the start of it, then go quiet.
    Poco::Net::StreamSocket socket = static_cast<Poco::Net::HTTPServerRequestImpl&>(request).detachSocket();
    const std::size_t part = std::min(behaviour.settings.stallAfterBytes, payload.body.size());
    std::string head = "HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: " + contentType +
                       "\r\nContent-Length: " + std::to_string(payload.body.size()) + "\r\n\r\n";
    head.append(payload.body, 0, part);
    socket.sendBytes(head.data(), static_cast<int>(head.size()));
    hold(std::move(socket), behaviour.settings.hold);
    return;
  }
  response.setContentType(contentType);
  const std::size_t bps = behaviour.kind == Behaviour::kSlow ? behaviour.settings.dripBytesPerSecond : 0;
  if (bps == 0) {
    response.sendBuffer(payload.body.data(), payload.body.size());
    return;
  }
  response.setContentLength64(static_cast<Poco::Int64>(payload.body.size()));
  std::ostream& out = response.send();
  const std::size_t slice = std::max<std::size_t>(1, bps / 10);
  for (std::size_t pos = 0; pos < payload.body.size() && out.good(); pos += slice) {
    out.write(payload.body.data() + pos, static_cast<std::streamsize>(std::min(slice, payload.body.size() - pos)));
    out.flush();
    if (pos + slice < payload.body.size() && !sleepFor(std::chrono::milliseconds(100))) return;
  }
}

void Simulator::Impl::sendPaged(Response& response, const Payload& payload, const Poco::URI& uri,
                                const SiteBehaviour& behaviour) {
  std::size_t page = 1;
  std::size_t limit = behaviour.settings.pageSize;
  for (const auto& [key, value] : uri.getQueryParameters()) {
    try {
      if (key == "page") page = static_cast<std::size_t>(std::max(1L, std::stol(value)));
      if (key == "limit") limit = static_cast<std::size_t>(std::max(1L, std::stol(value)));
    } catch (const std::exception&) {
      sendText(response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "{\"error\":\"page and limit are numbers\"}",
               "application/json; charset=UTF-8");
      return;
    }
  }
  const std::size_t total = payload.items.size();
  const std::size_t first = page - 1 > total / limit ? total : std::min(total, (page - 1) * limit);
  const std::size_t last = first + std::min(limit, total - first);
  std::string body = payload.envelopeHead + "[";
  if (first < last) {
    const std::size_t begin = payload.items[first].first;
    const std::size_t end = payload.items[last - 1].first + payload.items[last - 1].second;
    body.append(payload.body, begin, end - begin);
  }
  body += ']';
  body += payload.envelopeTail;
  response.set("X-Total-Count", std::to_string(total));
  sendText(response, Poco::Net::HTTPResponse::HTTP_OK, body, payload.contentType);
}

void Simulator::Impl::sendTruncated(Request& request, const Payload& payload, const SiteBehaviour& behaviour) {
  std::size_t cut = behaviour.settings.truncateAt;
  if (cut == 0) {
    cut = payload.body.size() / 2;
    if (!payload.items.empty()) {
      const auto& middle = payload.items[payload.items.size() / 2];
      cut = middle.first + middle.second / 2;
    }
  }
  cut = std::min(cut, payload.body.size() > 0 ? payload.body.size() - 1 : 0);
  // No Content-Length: the body ends where the connection does, as when a PHP worker dies mid-output.
  Poco::Net::StreamSocket socket = static_cast<Poco::Net::HTTPServerRequestImpl&>(request).detachSocket();
  std::string head =
      "HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: " + payload.contentType + "\r\nConnection: close\r\n\r\n";
  head.append(payload.body, 0, cut);
  std::size_t sent = 0;
  while (sent < head.size()) {
    const int n =
        socket.sendBytes(head.data() + sent, static_cast<int>(std::min<std::size_t>(head.size() - sent, 1 << 20)));
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  socket.shutdownSend();
  socket.close();
}

void Simulator::Impl::sendOversized(Response& response, const SiteContent& content, const SiteBehaviour& behaviour) {
  response.setContentType("application/json; charset=UTF-8");
  response.setChunkedTransferEncoding(true);
  std::ostream& out = response.send();
  out.put('[');
  std::uint64_t written = 1;
  for (std::uint64_t n = 0; written < behaviour.settings.oversizeBytes && out.good(); ++n) {
    if (n > 0) out.put(',');
    const std::string item = content.extraItem(n);
    out.write(item.data(), static_cast<std::streamsize>(item.size()));
    written += item.size() + (n > 0 ? 1 : 0);
    if ((n & 255) == 255) {
      std::lock_guard lock(stopMutex_);
      if (stopping_) return;
    }
  }
  out.put(']');
}

void Simulator::Impl::control(const std::string& path, const Poco::URI& uri, Request& request, Response& response) {
  std::map<std::string, std::string> query;
  for (const auto& [k, v] : uri.getQueryParameters()) query[k] = v;
  auto siteIndex = [&]() -> std::optional<std::size_t> {
    const std::string key = query.count("site") ? query["site"] : "";
    for (std::size_t i = 0; i < sites_.size(); ++i) {
      if (sites_[i]->spec.label == key || sites_[i]->spec.subject == key) return i;
    }
    try {
      const std::size_t i = std::stoul(key);
      if (i < sites_.size()) return i;
    } catch (const std::exception&) {
    }
    return std::nullopt;
  };
  const std::string json = "application/json; charset=UTF-8";
  if (path == "/_sim/sites") {
    JsonWriter w;
    w.beginArray();
    for (const auto& site : sites_) {
      SiteBehaviour b;
      {
        std::lock_guard lock(site->mutex);
        b = site->behaviour;
      }
      auto snap = site->content->snapshot();
      w.beginObject().key("label").value(site->spec.label).key("subject").value(site->spec.subject);
      w.key("name").value(site->name).key("prefix").value(site->spec.prefix);
      w.key("behaviour").value(behaviourName(b.kind));
      w.key("requests").value(static_cast<std::int64_t>(site->requests.load()));
      w.key("version").value(static_cast<std::int64_t>(snap->version));
      w.key("documents").value(static_cast<std::int64_t>(snap->at(site->content->primaryPath()).items.size()));
      w.endObject();
    }
    w.endArray();
    sendText(response, Poco::Net::HTTPResponse::HTTP_OK, w.str(), json);
    return;
  }
  if (request.getMethod() != Poco::Net::HTTPRequest::HTTP_POST) {
    sendText(response, Poco::Net::HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "{\"error\":\"use POST\"}", json);
    return;
  }
  auto index = siteIndex();
  if (!index) {
    sendText(response, Poco::Net::HTTPResponse::HTTP_NOT_FOUND, "{\"error\":\"no such site\"}", json);
    return;
  }
  Site& site = *sites_[*index];
  try {
    if (path == "/_sim/mutate") {
      Mutation m;
      if (query.count("add")) m.add = std::stoi(query["add"]);
      if (query.count("change")) m.change = std::stoi(query["change"]);
      if (query.count("remove")) m.remove = std::stoi(query["remove"]);
      const MutationResult r = site.content->mutate(m);
      JsonWriter w;
      w.beginObject();
      using Ids = std::pair<const char*, const std::vector<std::string>*>;
      for (const auto& [key, ids] :
           std::initializer_list<Ids>{{"added", &r.added}, {"changed", &r.changed}, {"removed", &r.removed}}) {
        w.key(key).beginArray();
        for (const auto& id : *ids) w.value(id);
        w.endArray();
      }
      w.endObject();
      sendText(response, Poco::Net::HTTPResponse::HTTP_OK, w.str(), json);
      return;
    }
    if (path == "/_sim/behaviour") {
      SiteBehaviour b = SiteBehaviour::parse(query.count("set") ? query["set"] : "");
      site.switchTo(std::move(b));
      sendText(response, Poco::Net::HTTPResponse::HTTP_OK, "{\"ok\":true}", json);
      return;
    }
  } catch (const std::exception& e) {
    JsonWriter w;
    w.beginObject().key("error").value(e.what()).endObject();
    sendText(response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, w.str(), json);
    return;
  }
  sendText(response, Poco::Net::HTTPResponse::HTTP_NOT_FOUND, "{\"error\":\"unknown control path\"}", json);
}

void Simulator::Impl::handle(Request& request, Response& response) {
  using Status = Poco::Net::HTTPResponse::HTTPStatus;
  const Poco::URI uri(request.getURI());
  const std::string path = uri.getPath();
  response.set("Server", "nginx");
  if (path.rfind("/_sim/", 0) == 0) {
    control(path, uri, request, response);
    return;
  }
  Site* site = route(path);
  if (site == nullptr) {
    if (path == "/") {
      std::string index = "hamhub-sim: " + std::to_string(sites_.size()) + " simulated sites\n";
      for (const auto& s : sites_) index += s->spec.label + " " + s->spec.prefix + s->content->primaryPath() + "\n";
      sendText(response, Status::HTTP_OK, index, "text/plain; charset=UTF-8");
    } else {
      sendText(response, Status::HTTP_NOT_FOUND, "<html><body><h1>404 Not Found</h1></body></html>\n", "text/html");
    }
    return;
  }
  ++site->requests;
  std::string sub = path.substr(site->spec.prefix.size());
  if (sub.empty()) sub = "/";

  SiteBehaviour behaviour;
  Clock::time_point since;
  std::uint64_t nth = 0;  // this request's number since the behaviour was set, from 1
  {
    std::lock_guard lock(site->mutex);
    behaviour = site->behaviour;
    since = site->since;
    nth = ++site->requestsSince;
  }
  const BehaviourSettings& settings = behaviour.settings;

  // Availability: the whole site.
  switch (behaviour.kind) {
    case Behaviour::kNoAnswer: {
      response.setKeepAlive(false);
      hold(static_cast<Poco::Net::HTTPServerRequestImpl&>(request).detachSocket(), settings.hold);
      return;
    }
    case Behaviour::kBasicAuth: {
      bool ok = false;
      try {
        if (request.hasCredentials()) {
          Poco::Net::HTTPBasicCredentials credentials(request);
          ok = credentials.getUsername() == settings.username && credentials.getPassword() == settings.password;
        }
      } catch (const Poco::Exception&) {
        ok = false;
      }
      if (!ok) {
        response.set("WWW-Authenticate", "Basic realm=\"JDIH " + site->name + "\"");
        sendText(response, Status::HTTP_UNAUTHORIZED,
                 "<html><head><title>401 Authorization Required</title></head><body><h1>401 Authorization "
                 "Required</h1></body></html>\n",
                 "text/html");
        return;
      }
      break;
    }
    case Behaviour::kFlapping: {
      const auto period = std::max<std::chrono::milliseconds::rep>(1, settings.flapPeriod.count());
      const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - since).count();
      if ((elapsed / period) % 2 == 0) break;
      [[fallthrough]];
    }
    case Behaviour::kMaintenance503:
      response.set("Retry-After", std::to_string(settings.retryAfter.count()));
      sendText(response, Status::HTTP_SERVICE_UNAVAILABLE, maintenancePage(site->name, true),
               "text/html; charset=UTF-8");
      return;
    case Behaviour::kMaintenancePage:
      sendText(response, Status::HTTP_OK, maintenancePage(site->name, false), "text/html; charset=UTF-8");
      return;
    case Behaviour::kRateLimited:
      if (nth <= settings.afterRequests) break;
      response.set("Retry-After", std::to_string(settings.retryAfter.count()));
      sendText(response, Status::HTTP_TOO_MANY_REQUESTS, statusPage(Status::HTTP_TOO_MANY_REQUESTS), "text/html");
      return;
    case Behaviour::kServerError: {
      const auto status = static_cast<Status>(settings.status);
      sendText(response, status, statusPage(status), "text/html");
      return;
    }
    case Behaviour::kRedirectLoop: {
      const bool looped = uri.getRawQuery().find("loop=1") != std::string::npos;
      response.set("Location", baseUrl() + path + (looped ? "" : "?loop=1"));
      sendText(response, Status::HTTP_FOUND, "<html><body>302 Found</body></html>\n", "text/html");
      return;
    }
    case Behaviour::kSlow:
      if (!sleepFor(settings.delay)) return;
      break;
    default:
      break;
  }

  const auto snapshot = site->content->snapshot();
  const std::string primary = site->content->primaryPath();
  if (sub == primary) {
    const Payload& feed = snapshot->at(primary);
    switch (behaviour.kind) {
      case Behaviour::kRss:
        sendText(response, Status::HTTP_NOT_FOUND, "<html><body><h1>404 Not Found</h1></body></html>\n", "text/html");
        return;
      case Behaviour::kZeroResults:
        sendText(response, Status::HTTP_OK, "0 results", "text/html; charset=UTF-8");
        return;
      case Behaviour::kSchemaDrift:
        sendText(response, Status::HTTP_OK, driftedFeed(feed), feed.contentType);
        return;
      case Behaviour::kLegacyCms:
        sendText(response, Status::HTTP_OK, legacyCmsFeed(feed), feed.contentType);
        return;
      case Behaviour::kHtml:
        send(request, response, snapshot->at("/"), behaviour, "text/html; charset=UTF-8");
        return;
      case Behaviour::kWrongContentType:
        send(request, response, feed, behaviour, "text/html; charset=UTF-8");
        return;
      case Behaviour::kTruncated:
        sendTruncated(request, feed, behaviour);
        return;
      case Behaviour::kOversized:
        sendOversized(response, *site->content, behaviour);
        return;
      case Behaviour::kPaged:
        sendPaged(response, feed, uri, behaviour);
        return;
      default:
        send(request, response, feed, behaviour, feed.contentType);
        return;
    }
  }
  const Payload* page = snapshot->find(sub);
  if (page == nullptr) {
    sendText(response, Status::HTTP_NOT_FOUND, "<html><body><h1>404 Not Found</h1></body></html>\n", "text/html");
    return;
  }
  send(request, response, *page, behaviour, page->contentType);
}

// --- Simulator ---

Simulator::Simulator(SimOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Simulator::~Simulator() = default;

void Simulator::start() { impl_->start(); }
void Simulator::stop() { impl_->stop(); }
std::uint16_t Simulator::port() const { return impl_->port_; }
std::string Simulator::baseUrl() const { return impl_->baseUrl(); }

std::filesystem::path Simulator::certificateFile() const {
  return impl_->certificate_ ? impl_->certificate_->certificateFile() : std::filesystem::path();
}

std::size_t Simulator::siteCount() const { return impl_->sites_.size(); }
const SiteSpec& Simulator::site(std::size_t i) const { return impl_->sites_.at(i)->spec; }

std::optional<std::size_t> Simulator::findSite(std::string_view labelOrSubject) const {
  for (std::size_t i = 0; i < impl_->sites_.size(); ++i) {
    if (impl_->sites_[i]->spec.label == labelOrSubject) return i;
  }
  for (std::size_t i = 0; i < impl_->sites_.size(); ++i) {
    if (impl_->sites_[i]->spec.subject == labelOrSubject) return i;
  }
  return std::nullopt;
}

std::string Simulator::pageUrl(std::size_t i, std::string_view path) const {
  return baseUrl() + impl_->sites_.at(i)->spec.prefix + std::string(path);
}

std::string Simulator::siteUrl(std::size_t i) const {
  const auto& site = *impl_->sites_.at(i);
  return pageUrl(
      i, behaviour(i).kind == Behaviour::kRss ? std::string(JdihContent::kRssPath) : site.content->primaryPath());
}

SiteBehaviour Simulator::behaviour(std::size_t i) const {
  const auto& site = *impl_->sites_.at(i);
  std::lock_guard lock(site.mutex);
  return site.behaviour;
}

void Simulator::setBehaviour(std::size_t i, SiteBehaviour behaviour) {
  impl_->sites_.at(i)->switchTo(std::move(behaviour));
}

MutationResult Simulator::mutate(std::size_t i, const Mutation& mutation) {
  return impl_->sites_.at(i)->content->mutate(mutation);
}

std::shared_ptr<const ContentSnapshot> Simulator::content(std::size_t i) const {
  return impl_->sites_.at(i)->content->snapshot();
}

std::string Simulator::feedBody(std::size_t i) const {
  const auto& site = *impl_->sites_.at(i);
  return site.content->snapshot()->at(site.content->primaryPath()).body;
}

std::uint64_t Simulator::requests(std::size_t i) const { return impl_->sites_.at(i)->requests.load(); }

std::string Simulator::sourceId(std::size_t i) const { return sourceIdOf(impl_->sites_.at(i)->spec); }

JsonValue Simulator::sourceConfig(std::size_t i) const {
  const auto& site = *impl_->sites_.at(i);
  const SiteBehaviour b = behaviour(i);
  JsonValue options = site.content->sourceOptions();
  // The jdih connector reads an RSS/Atom feed from `rss_url` when it has no JSON `url`.
  options.set(b.kind == Behaviour::kRss ? "rss_url" : "url", siteUrl(i));
  if (b.kind == Behaviour::kBasicAuth) {
    options.set("username", b.settings.username);
    options.set("password", b.settings.password);
  }
  if (b.kind == Behaviour::kPaged) {
    options.set("page_param", "page");
    options.set("limit_param", "limit");
    options.set("page_size", static_cast<std::int64_t>(b.settings.pageSize));
  }
  JsonValue source = JsonValue::Object{};
  source.set("id", sourceId(i));
  source.set("connector", std::string(site.content->kind()));
  source.set("subject", site.spec.subject);
  source.set("schedule", "0 2 * * *");
  source.set("enabled", true);
  source.set("description",
             "Simulated " + site.content->title() + " (hamhub-sim, behaviour " + std::string(behaviourName(b.kind)) + ")");
  source.set("options", std::move(options));
  return source;
}

void Simulator::writeSources(const std::filesystem::path& dir) const {
  std::filesystem::create_directories(dir);
  for (std::size_t i = 0; i < siteCount(); ++i) {
    const auto file = dir / (sourceId(i) + ".json");
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << toJson(sourceConfig(i), 2) << '\n';
    if (!out) throw std::runtime_error("cannot write " + file.string());
  }
}

}  // namespace hamhub::sim

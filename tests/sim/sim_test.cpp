// Tests of hamhub-sim: every behaviour answers as specified, over real HTTP on 127.0.0.1.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/URI.h>
#include <gtest/gtest.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "hamhub/json.h"
#include "jdih_content.h"
#include "legacy_cms.h"
#include "simulator.h"

namespace hamhub::sim {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

struct Reply {
  int status = 0;
  std::map<std::string, std::string> headers;
  std::string body;
  std::string error;  // the exception that ended the exchange, if any
  bool has(const std::string& name) const { return headers.count(name) > 0; }
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

// One GET over `session` (plain or TLS); a failure, TLS handshake included, ends up in Reply::error.
Reply exchange(Poco::Net::HTTPClientSession& session, const Poco::URI& uri,
               const std::map<std::string, std::string>& headers, std::chrono::milliseconds timeout) {
  Reply reply;
  session.setTimeout(Poco::Timespan(std::chrono::duration_cast<std::chrono::microseconds>(timeout).count()));
  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, uri.getPathAndQuery(),
                                 Poco::Net::HTTPMessage::HTTP_1_1);
  for (const auto& [k, v] : headers) request.set(k, v);
  try {
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    reply.status = response.getStatus();
    for (const auto& [k, v] : response) reply.headers[k] = v;
    // Straight from the stream buffer, so that bytes read before a timeout are kept and the
    // timeout itself reaches the catch below (std::istream would swallow both).
    std::streambuf* buffer = in.rdbuf();
    char chunk[16384];
    for (;;) {
      const std::streamsize available = buffer->in_avail();
      if (available > 0) {
        const auto n = buffer->sgetn(chunk, std::min<std::streamsize>(available, sizeof chunk));
        reply.body.append(chunk, static_cast<std::size_t>(n));
        continue;
      }
      const int c = buffer->sbumpc();
      if (c == std::char_traits<char>::eof()) break;
      reply.body.push_back(static_cast<char>(c));
    }
  } catch (const Poco::Exception& e) {
    reply.error = e.displayText();
  } catch (const std::exception& e) {
    reply.error = e.what();
  }
  return reply;
}

Reply fetch(const std::string& url, const std::map<std::string, std::string>& headers = {},
            std::chrono::milliseconds timeout = 5s) {
  const Poco::URI uri(url);
  Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
  return exchange(session, uri, headers, timeout);
}

// Why OpenSSL refused the last certificate on this thread: Poco's exception says only "certificate
// verify failed".
thread_local std::string refusal;

int recordRefusal(int ok, X509_STORE_CTX* store) {
  if (ok == 0) refusal = X509_verify_cert_error_string(X509_STORE_CTX_get_error(store));
  return ok;
}

// GET over HTTPS as hamhub's client does it: the chain and the host name verified, trusting
// `caFile` alone (none: nothing).
Reply fetchTls(const std::string& url, const std::filesystem::path& caFile) {
  Poco::Net::Context::Params params;
  params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
  params.caLocation = caFile.string();
  params.cipherList = "DEFAULT";
  Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::CLIENT_USE, params);
  // OpenSSL's verdict, not Poco's callback (it would ask the process-wide SSLManager what to do).
  SSL_CTX_set_verify(context->sslContext(), SSL_VERIFY_PEER, recordRefusal);
  refusal.clear();
  const Poco::URI uri(url);
  Poco::Net::HTTPSClientSession session(uri.getHost(), uri.getPort(), context);
  return exchange(session, uri, {}, 5s);
}

JsonValue parseFeed(const std::string& body) {
  JsonParseOptions options;
  options.maxBytes = 1ULL << 30;
  auto parsed = parseJson(body, options);
  if (!parsed.isOk()) ADD_FAILURE() << parsed.status().message();
  return parsed.isOk() ? *parsed : JsonValue(JsonValue::Array{});
}

// hamhub-sim as a process, with the first `lines` lines it prints.
class SimProcess {
 public:
  SimProcess(const std::vector<std::string>& args, std::size_t lines)
      : process_(Poco::Process::launch(HAMHUB_SIM_BINARY, args, nullptr, &out_, nullptr)) {
    Poco::PipeInputStream stdoutStream(out_);
    std::string line;
    while (lines_.size() < lines && std::getline(stdoutStream, line)) lines_.push_back(line);
  }
  const std::vector<std::string>& lines() const { return lines_; }
  /// SIGTERM; the exit code.
  int stop() {
    Poco::Process::requestTermination(process_.id());
    return process_.wait();
  }

 private:
  Poco::Pipe out_;
  Poco::ProcessHandle process_;
  std::vector<std::string> lines_;
};

class SimulatorTest : public ::testing::Test {
 protected:
  // A started simulator with `sites` generic sites of `docs` documents each.
  Simulator& start(std::size_t sites = 1, std::size_t docs = 20, std::uint64_t seed = 16) {
    return start(genericScenario(sites, docs, seed));
  }
  Simulator& start(SimOptions options) {
    options.threads = 16;
    sim_ = std::make_unique<Simulator>(std::move(options));
    sim_->start();
    return *sim_;
  }
  Simulator& withBehaviour(SiteBehaviour behaviour, std::size_t docs = 20) {
    Simulator& sim = start(1, docs);
    sim.setBehaviour(0, std::move(behaviour));
    return sim;
  }
  static SiteBehaviour parse(const char* text) { return SiteBehaviour::parse(text); }

  std::unique_ptr<Simulator> sim_;
};

TEST_F(SimulatorTest, normalSiteServesTheWholeFeedAsJson) {
  Simulator& sim = start(2, 30);
  EXPECT_EQ(sim.siteUrl(1), sim.baseUrl() + "/site1/integrasi/jdihn");
  const Reply r = fetch(sim.siteUrl(1));
  ASSERT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(r.header("Content-Type").rfind("application/json", 0), 0u);
  EXPECT_EQ(r.header("Content-Length"), std::to_string(r.body.size()));
  EXPECT_EQ(r.body, sim.feedBody(1));
  const JsonValue feed = parseFeed(r.body);
  ASSERT_TRUE(feed.isArray());
  EXPECT_EQ(feed.asArray().size(), 30u);
}

TEST_F(SimulatorTest, documentsCarryTheJdihnFieldsAndNameTheirKabKota) {
  Simulator& sim = start(sumselScenario(200));
  const std::size_t linggau = *sim.findSite("16.73");
  const JsonValue feed = parseFeed(sim.feedBody(linggau));
  const std::set<std::string> jenis = {"Peraturan Daerah", "Peraturan Wali Kota", "Keputusan Wali Kota",
                                       "Instruksi Wali Kota", "Surat Edaran"};
  const std::set<std::string> status = {"Berlaku", "Tidak Berlaku", "Dicabut", "Diubah"};
  std::size_t incomplete = 0, ham = 0;
  for (const JsonValue& d : feed.asArray()) {
    for (const char* field : {"idData",
                              "tahun_pengundangan",
                              "tanggal_pengundangan",
                              "jenis",
                              "noPeraturan",
                              "judul",
                              "noPanggil",
                              "singkatanJenis",
                              "tempatTerbit",
                              "penerbit",
                              "deskripsiFisik",
                              "isbn",
                              "status",
                              "bahasa",
                              "fileDownload",
                              "urlDownload",
                              "urlDetailPeraturan",
                              "operasi",
                              "nomorIndukBuku",
                              "display"}) {
      EXPECT_NE(d.find(field), nullptr) << field << " in " << toJson(d);
    }
    const std::string judul = memberText(d, "judul");
    EXPECT_NE(judul.find("Lubuk Linggau"), std::string::npos) << judul;
    EXPECT_NE(judul.find(" tentang "), std::string::npos) << judul;
    EXPECT_TRUE(jenis.count(memberText(d, "jenis"))) << memberText(d, "jenis");
    EXPECT_TRUE(status.count(memberText(d, "status"))) << memberText(d, "status");
    EXPECT_EQ(memberText(d, "operasi"), "4");
    EXPECT_EQ(memberText(d, "display"), "1");
    const std::string date = memberText(d, "tanggal_pengundangan");
    EXPECT_EQ(date.size(), 10u);
    EXPECT_EQ(date.substr(0, 4), memberText(d, "tahun_pengundangan"));
    bool missing = false;
    for (const char* field : {"subjek", "teuBadan", "tanggal_penetapan", "sumber", "bidangHukum"}) {
      const std::string v = memberText(d, field);
      if (v.empty() || v == "-") missing = missing || std::string(field) != "sumber";
    }
    incomplete += missing ? 1 : 0;
    for (const char* topic :
         {"Disabilitas", "Anak", "Bantuan Hukum", "Gender", "Hak Asasi Manusia", "Pelayanan Publik"}) {
      if (judul.find(topic) != std::string::npos) {
        ++ham;
        break;
      }
    }
  }
  EXPECT_GT(incomplete, 5u);
  EXPECT_LT(incomplete, 50u);
  EXPECT_GT(ham, 30u);
}

TEST_F(SimulatorTest, sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot) {
  Simulator a(genericScenario(4, 50, 16));
  Simulator b(genericScenario(4, 50, 16));
  Simulator c(genericScenario(4, 50, 17));
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(a.feedBody(i), b.feedBody(i)) << i;
    EXPECT_NE(a.feedBody(i), c.feedBody(i)) << i;
    EXPECT_EQ(a.content(i)->at(JdihContent::kRssPath).body, b.content(i)->at(JdihContent::kRssPath).body);
  }
  EXPECT_NE(a.feedBody(0), a.feedBody(1));
}

TEST_F(SimulatorTest, feedsVaryFromSiteToSiteLikeRealOnes) {
  Simulator sim(genericScenario(24, 40));
  std::set<std::string> seen;
  for (std::size_t i = 0; i < sim.siteCount(); ++i) {
    const JsonValue feed = parseFeed(sim.feedBody(i));
    for (const JsonValue& d : feed.asArray()) {
      seen.insert(d.find("idData")->isString() ? "id:string" : "id:int");
      seen.insert(d.find("operasi")->isString() ? "flag:string" : "flag:int");
      const JsonValue* isbn = d.find("isbn");
      seen.insert(isbn->isNull() ? "empty:null" : "empty:" + isbn->asString());
      for (const char* key : {"urlabstrak", "urlAbstrak", "lastUpdated", "last_updated", "abstrak"}) {
        if (d.find(key) != nullptr) seen.insert(key);
      }
    }
  }
  for (const char* want : {"id:string", "id:int", "flag:string", "flag:int", "empty:-", "empty:", "empty:null",
                           "urlabstrak", "urlAbstrak", "lastUpdated", "last_updated", "abstrak"}) {
    EXPECT_TRUE(seen.count(want)) << want;
  }
}

TEST_F(SimulatorTest, documentsAverageAboutTheReferenceSize) {
  Simulator sim(genericScenario(34, 100));
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < sim.siteCount(); ++i) bytes += sim.feedBody(i).size();
  const double average = static_cast<double>(bytes) / (34.0 * 100.0);
  EXPECT_GT(average, 800.0);
  EXPECT_LT(average, 960.0);
}

TEST_F(SimulatorTest, etagSiteAnswers304ToIfNoneMatchAndIfModifiedSince) {
  Simulator& sim = withBehaviour(Behaviour::kEtag);
  const Reply first = fetch(sim.siteUrl(0));
  ASSERT_EQ(first.status, 200) << first.error;
  const std::string etag = first.header("ETag");
  const std::string lastModified = first.header("Last-Modified");
  ASSERT_FALSE(etag.empty());
  ASSERT_FALSE(lastModified.empty());
  EXPECT_EQ(fetch(sim.siteUrl(0)).header("ETag"), etag);

  const Reply byTag = fetch(sim.siteUrl(0), {{"If-None-Match", etag}});
  EXPECT_EQ(byTag.status, 304);
  EXPECT_TRUE(byTag.body.empty());
  EXPECT_EQ(fetch(sim.siteUrl(0), {{"If-Modified-Since", lastModified}}).status, 304);
  EXPECT_EQ(fetch(sim.siteUrl(0), {{"If-None-Match", "\"other\""}}).status, 200);

  sim.mutate(0);
  const Reply changed = fetch(sim.siteUrl(0), {{"If-None-Match", etag}});
  EXPECT_EQ(changed.status, 200);
  EXPECT_NE(changed.header("ETag"), etag);
  EXPECT_EQ(fetch(sim.siteUrl(0), {{"If-Modified-Since", lastModified}}).status, 200);
}

TEST_F(SimulatorTest, pagedSiteCoversEveryDocumentExactlyOnce) {
  Simulator& sim = withBehaviour(parse("paged,page_size=25"), 123);
  std::vector<std::string> ids;
  int pages = 0;
  for (int page = 1; page < 100; ++page) {
    const Reply r = fetch(sim.siteUrl(0) + "?page=" + std::to_string(page) + "&limit=10");
    ASSERT_EQ(r.status, 200) << r.error;
    EXPECT_EQ(r.header("X-Total-Count"), "123");
    const JsonValue items = parseFeed(r.body);
    if (items.asArray().empty()) break;
    ++pages;
    for (const JsonValue& d : items.asArray()) ids.push_back(memberText(d, "idData"));
  }
  EXPECT_EQ(pages, 13);
  std::vector<std::string> all;
  const JsonValue whole = parseFeed(sim.feedBody(0));
  for (const JsonValue& d : whole.asArray()) all.push_back(memberText(d, "idData"));
  EXPECT_EQ(ids, all);                                                     // same order, no duplicates, nothing missing
  EXPECT_EQ(parseFeed(fetch(sim.siteUrl(0)).body).asArray().size(), 25u);  // no parameters: page 1 of page_size
  EXPECT_EQ(sim.sourceConfig(0).find("options")->find("page_size")->asInt(), 25);
}

TEST_F(SimulatorTest, basicAuthSiteRefusesWrongCredentialsAndAcceptsTheRightOnes) {
  Simulator& sim = withBehaviour(parse("basic-auth,user=jdih,password=s3cret"));
  const Reply none = fetch(sim.siteUrl(0));
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(none.header("WWW-Authenticate").rfind("Basic realm=", 0), 0u);
  auto auth = [](const char* user, const char* password) {
    std::string header;
    Poco::Net::HTTPRequest request;
    Poco::Net::HTTPBasicCredentials(user, password).authenticate(request);
    return std::map<std::string, std::string>{{"Authorization", request.get("Authorization")}};
  };
  EXPECT_EQ(fetch(sim.siteUrl(0), auth("jdih", "wrong")).status, 401);
  const Reply ok = fetch(sim.siteUrl(0), auth("jdih", "s3cret"));
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, sim.feedBody(0));
  const JsonValue options = *sim.sourceConfig(0).find("options");
  EXPECT_EQ(options.find("username")->asString(), "jdih");
  EXPECT_EQ(options.find("password")->asString(), "s3cret");
}

TEST_F(SimulatorTest, slowSiteWaitsBeforeAnsweringAndCanDripTheBody) {
  Simulator& sim = withBehaviour(parse("slow,delay_ms=300"), 5);
  auto t0 = Clock::now();
  EXPECT_EQ(fetch(sim.siteUrl(0)).status, 200);
  EXPECT_GE(Clock::now() - t0, 300ms);

  const std::size_t size = sim.feedBody(0).size();
  sim.setBehaviour(0, parse(("slow,delay_ms=0,drip_bps=" + std::to_string(size * 2)).c_str()));
  t0 = Clock::now();
  const Reply dripped = fetch(sim.siteUrl(0));
  EXPECT_EQ(dripped.body, sim.feedBody(0));
  EXPECT_GE(Clock::now() - t0, 300ms);  // half a second's worth, in tenths
}

TEST_F(SimulatorTest, maintenance503SiteSendsRetryAfterAndAnIndonesianPage) {
  Simulator& sim = withBehaviour(parse("maintenance-503,retry_after_s=120"));
  for (const std::string& url : {sim.siteUrl(0), sim.pageUrl(0, "/")}) {
    const Reply r = fetch(url);
    EXPECT_EQ(r.status, 503);
    EXPECT_EQ(r.header("Retry-After"), "120");
    EXPECT_EQ(r.header("Content-Type").rfind("text/html", 0), 0u);
    EXPECT_NE(r.body.find("Situs sedang dalam pemeliharaan"), std::string::npos);
  }
}

TEST_F(SimulatorTest, maintenancePageSiteAnswers200WithMaintenanceWording) {
  Simulator& sim = withBehaviour(Behaviour::kMaintenancePage);
  const Reply r = fetch(sim.siteUrl(0));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Content-Type").rfind("text/html", 0), 0u);
  EXPECT_NE(r.body.find("Situs sedang dalam pemeliharaan"), std::string::npos);
  EXPECT_NE(r.body.find("Mohon maaf, situs sedang dalam perbaikan"), std::string::npos);
}

TEST_F(SimulatorTest, truncatedSiteCutsTheJsonMidDocumentAndClosesTheConnection) {
  Simulator& sim = withBehaviour(Behaviour::kTruncated, 40);
  const Reply r = fetch(sim.siteUrl(0));
  const std::string full = sim.feedBody(0);
  EXPECT_EQ(r.status, 200) << r.error;
  EXPECT_FALSE(r.has("Content-Length"));
  EXPECT_GT(r.body.size(), full.size() / 3);
  EXPECT_LT(r.body.size(), full.size());
  EXPECT_EQ(full.compare(0, r.body.size(), r.body), 0);
  const char last = r.body.back();
  EXPECT_TRUE(last != '}' && last != ',') << "cut between documents, not inside one";
  EXPECT_FALSE(parseJson(r.body).isOk());
}

TEST_F(SimulatorTest, wrongContentTypeSiteServesTheJsonFeedAsHtml) {
  Simulator& sim = withBehaviour(Behaviour::kWrongContentType);
  const Reply r = fetch(sim.siteUrl(0));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Content-Type").rfind("text/html", 0), 0u);
  EXPECT_EQ(r.body, sim.feedBody(0));
}

TEST_F(SimulatorTest, htmlSiteServesAnOrdinaryHomePageWithoutMaintenanceWords) {
  Simulator& sim = withBehaviour(Behaviour::kHtml);
  const Reply r = fetch(sim.siteUrl(0));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Content-Type").rfind("text/html", 0), 0u);
  EXPECT_NE(r.body.find("<html"), std::string::npos);
  for (const char* word : {"pemeliharaan", "perbaikan", "maintenance"}) {
    EXPECT_EQ(r.body.find(word), std::string::npos) << word;
  }
}

TEST_F(SimulatorTest, oversizedSiteStreamsAValidArrayLargerThanTheLimit) {
  Simulator& sim = withBehaviour(parse("oversized,oversize_bytes=3000000"), 5);
  const Reply r = fetch(sim.siteUrl(0));
  EXPECT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(r.header("Transfer-Encoding"), "chunked");
  EXPECT_FALSE(r.has("Content-Length"));
  EXPECT_GE(r.body.size(), 3000000u);
  EXPECT_LT(r.body.size(), 3010000u);
  EXPECT_GT(parseFeed(r.body).asArray().size(), 2500u);  // about 1 KB a document
}

TEST_F(SimulatorTest, flappingSiteAlternatesBetweenUpAnd503) {
  Simulator& sim = start(1, 5);
  const auto t0 = Clock::now();
  sim.setBehaviour(0, parse("flapping,flap_ms=400"));
  std::vector<int> statuses;
  for (auto at : {150ms, 550ms, 950ms, 1350ms}) {
    std::this_thread::sleep_until(t0 + at);
    statuses.push_back(fetch(sim.siteUrl(0)).status);
  }
  EXPECT_EQ(statuses, (std::vector<int>{200, 503, 200, 503}));
}

TEST_F(SimulatorTest, flappingEveryTwoSecondsIsSeenByAClientPollingEverySecond) {
  Simulator& sim = start(1, 5);
  const auto t0 = Clock::now();
  sim.setBehaviour(0, parse("flapping,flap_ms=2000"));
  std::vector<int> statuses;
  for (auto at : {1000ms, 3000ms}) {
    std::this_thread::sleep_until(t0 + at);
    statuses.push_back(fetch(sim.siteUrl(0)).status);
  }
  EXPECT_EQ(statuses, (std::vector<int>{200, 503}));
}

TEST_F(SimulatorTest, rateLimitedSiteAnswersNormallyThen429WithRetryAfter) {
  Simulator& sim = withBehaviour(parse("rate-limited,after_requests=3,retry_after_s=30"));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(fetch(sim.siteUrl(0)).body, sim.feedBody(0)) << "request " << i + 1;
  for (const std::string& url : {sim.siteUrl(0), sim.pageUrl(0, "/")}) {
    const Reply r = fetch(url);
    EXPECT_EQ(r.status, 429);
    EXPECT_EQ(r.header("Retry-After"), "30");
    EXPECT_NE(r.body.find("429 Too Many Requests"), std::string::npos);
    EXPECT_LT(r.body.size(), 500u);
  }
  // Setting the behaviour again starts the count again; by default the first request is refused.
  sim.setBehaviour(0, parse("rate-limited,after_requests=1"));
  EXPECT_EQ(fetch(sim.siteUrl(0)).status, 200);
  EXPECT_EQ(fetch(sim.siteUrl(0)).status, 429);
  sim.setBehaviour(0, Behaviour::kRateLimited);
  const Reply refused = fetch(sim.siteUrl(0));
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(refused.header("Retry-After"), "3600");
}

TEST_F(SimulatorTest, serverErrorSiteAnswersItsStatusWithASmallPageOnEveryPath) {
  Simulator& sim = withBehaviour(Behaviour::kServerError);
  const Reply r = fetch(sim.siteUrl(0));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.header("Content-Type").rfind("text/html", 0), 0u);
  EXPECT_NE(r.body.find("<h1>500 Internal Server Error</h1>"), std::string::npos) << r.body;
  for (const char* word : {"pemeliharaan", "perbaikan", "maintenance", "unavailable"}) {
    EXPECT_EQ(r.body.find(word), std::string::npos) << word;
  }
  for (const char* status : {"502", "404"}) {
    sim.setBehaviour(0, parse((std::string("server-error,status=") + status).c_str()));
    for (const std::string& url : {sim.siteUrl(0), sim.pageUrl(0, "/")}) {
      const Reply other = fetch(url);
      EXPECT_EQ(std::to_string(other.status), status) << url;
      EXPECT_NE(other.body.find(std::string("<h1>") + status + " "), std::string::npos) << other.body;
    }
  }
  EXPECT_THROW(parse("server-error,status=200"), std::invalid_argument);
  EXPECT_THROW(parse("server-error,status=600"), std::invalid_argument);
}

TEST_F(SimulatorTest, schemaDriftSiteServesTheSameDocumentsUnderOtherFieldNames) {
  Simulator& sim = withBehaviour(Behaviour::kSchemaDrift, 30);
  const Reply r = fetch(sim.siteUrl(0));
  ASSERT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(r.header("Content-Type").rfind("application/json", 0), 0u);
  const JsonValue drifted = parseFeed(r.body);
  const JsonValue original = parseFeed(sim.feedBody(0));
  ASSERT_TRUE(drifted.isArray());
  ASSERT_EQ(drifted.asArray().size(), original.asArray().size());
  for (std::size_t i = 0; i < drifted.asArray().size(); ++i) {
    const JsonValue& d = drifted.asArray()[i];
    ASSERT_TRUE(d.isObject());
    for (const char* gone : {"idData", "judul", "jenis", "noPeraturan", "tanggal_pengundangan"}) {
      EXPECT_EQ(d.find(gone), nullptr) << gone;
    }
    EXPECT_EQ(memberText(d, "id_data"), memberText(original.asArray()[i], "idData"));
    EXPECT_EQ(memberText(d, "title"), memberText(original.asArray()[i], "judul"));
    EXPECT_NE(d.find("download_url"), nullptr);
    EXPECT_NE(d.find("singkatan_jenis"), nullptr);  // any other camelCase key becomes snake_case
  }
  EXPECT_EQ(fetch(sim.pageUrl(0, "/feed.rss")).body, sim.content(0)->at(JdihContent::kRssPath).body);
}

TEST_F(SimulatorTest, legacyCmsSiteWritesTitlesInLatin1WithHtmlReferences) {
  Simulator& sim = withBehaviour(Behaviour::kLegacyCms, 12);
  const Reply r = fetch(sim.siteUrl(0));
  ASSERT_EQ(r.status, 200) << r.error;
  // The raw byte E9, not UTF-8: the body must be read byte for byte, not through a JSON parser
  // (which would repair it).
  std::size_t titles = 0;
  for (std::size_t at = r.body.find("\"judul\":\""); at != std::string::npos; at = r.body.find("\"judul\":\"", at + 1)) {
    EXPECT_EQ(r.body.compare(at + 9, std::string_view(kLegacyTitlePrefix).size(), kLegacyTitlePrefix), 0);
    ++titles;
  }
  EXPECT_EQ(titles, 12u);
}

TEST_F(SimulatorTest, zeroResultsSiteAnswersTheLiteralText) {
  Simulator& sim = withBehaviour(Behaviour::kZeroResults);
  const Reply r = fetch(sim.siteUrl(0));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "0 results");
}

TEST_F(SimulatorTest, stallSiteSendsHeadersAndPartOfTheBodyThenGoesQuiet) {
  Simulator& sim = withBehaviour(parse("stall,stall_after_bytes=1000"));
  const auto t0 = Clock::now();
  const Reply r = fetch(sim.siteUrl(0), {}, 400ms);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Content-Length"), std::to_string(sim.feedBody(0).size()));
  EXPECT_EQ(r.body, sim.feedBody(0).substr(0, 1000));
  EXPECT_NE(r.error.find("Timeout"), std::string::npos) << r.error;
  EXPECT_GE(Clock::now() - t0, 400ms);
}

TEST_F(SimulatorTest, noAnswerSiteAcceptsTheConnectionButNeverAnswers) {
  Simulator& sim = withBehaviour(Behaviour::kNoAnswer);
  const Reply r = fetch(sim.siteUrl(0), {}, 300ms);
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.error.find("Timeout"), std::string::npos) << r.error;
  EXPECT_EQ(sim.requests(0), 1u);
}

TEST_F(SimulatorTest, redirectLoopSiteSendsTheClientBackAndForth) {
  Simulator& sim = withBehaviour(Behaviour::kRedirectLoop);
  const Reply first = fetch(sim.siteUrl(0));
  EXPECT_EQ(first.status, 302);
  EXPECT_EQ(first.header("Location"), sim.siteUrl(0) + "?loop=1");
  const Reply second = fetch(first.header("Location"));
  EXPECT_EQ(second.status, 302);
  EXPECT_EQ(second.header("Location"), sim.siteUrl(0));
}

TEST_F(SimulatorTest, rssSitePublishesRssAndAtomButNoJsonFeed) {
  Simulator& sim = withBehaviour(Behaviour::kRss, 30);
  EXPECT_EQ(sim.siteUrl(0), sim.pageUrl(0, "/feed.rss"));
  const Reply rss = fetch(sim.siteUrl(0));
  EXPECT_EQ(rss.status, 200);
  EXPECT_EQ(rss.header("Content-Type").rfind("application/rss+xml", 0), 0u);
  EXPECT_NE(rss.body.find("<rss version=\"2.0\">"), std::string::npos);
  auto count = [](const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count(rss.body, "<item>"), 20u);
  const Reply atom = fetch(sim.pageUrl(0, "/feed.atom"));
  EXPECT_EQ(atom.header("Content-Type").rfind("application/atom+xml", 0), 0u);
  EXPECT_EQ(count(atom.body, "<entry>"), 20u);
  EXPECT_EQ(fetch(sim.pageUrl(0, "/integrasi/jdihn")).status, 404);
}

TEST_F(SimulatorTest, everySiteServesAHomePageAndCountsRequests) {
  Simulator& sim = start(3, 5);
  for (std::size_t i = 0; i < 3; ++i) {
    const Reply r = fetch(sim.pageUrl(i, "/"));
    EXPECT_EQ(r.status, 200);
    EXPECT_NE(r.body.find("Jaringan Dokumentasi dan Informasi Hukum"), std::string::npos);
    EXPECT_EQ(fetch(sim.pageUrl(i, "")).status, 200);
    EXPECT_EQ(fetch(sim.pageUrl(i, "/nothing-here")).status, 404);
  }
  EXPECT_EQ(sim.requests(0), 3u);
  EXPECT_EQ(fetch(sim.baseUrl() + "/site9/integrasi/jdihn").status, 404);
}

TEST_F(SimulatorTest, mutationAddsChangesAndRemovesDocumentsDeterministically) {
  Simulator& sim = start(1, 30);
  Simulator twin(genericScenario(1, 30));
  const std::string before = sim.feedBody(0);
  const MutationResult m = sim.mutate(0, {.add = 2, .change = 1, .remove = 1});
  ASSERT_EQ(m.added.size(), 2u);
  ASSERT_EQ(m.changed.size(), 1u);
  ASSERT_EQ(m.removed.size(), 1u);
  EXPECT_EQ(twin.mutate(0, {.add = 2, .change = 1, .remove = 1}).changed, m.changed);
  EXPECT_EQ(twin.feedBody(0), sim.feedBody(0));

  std::map<std::string, std::string> statusBefore, statusAfter;
  const JsonValue oldFeed = parseFeed(before);
  for (const JsonValue& d : oldFeed.asArray()) statusBefore[memberText(d, "idData")] = memberText(d, "status");
  const JsonValue newFeed = parseFeed(fetch(sim.siteUrl(0)).body);
  for (const JsonValue& d : newFeed.asArray()) statusAfter[memberText(d, "idData")] = memberText(d, "status");
  EXPECT_EQ(statusAfter.size(), 31u);
  for (const auto& id : m.added) EXPECT_TRUE(statusAfter.count(id) && !statusBefore.count(id)) << id;
  EXPECT_FALSE(statusAfter.count(m.removed[0]));
  EXPECT_NE(statusAfter[m.changed[0]], statusBefore[m.changed[0]]);
  EXPECT_EQ(sim.content(0)->version, 1u);
}

TEST_F(SimulatorTest, controlEndpointsMutateAndListSites) {
  Simulator& sim = start(2, 10);
  Poco::Net::HTTPClientSession session("127.0.0.1", sim.port());
  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/_sim/mutate?site=site1&add=3&change=0&remove=0");
  request.setContentLength(0);
  session.sendRequest(request);
  Poco::Net::HTTPResponse response;
  std::stringstream body;
  body << session.receiveResponse(response).rdbuf();
  EXPECT_EQ(response.getStatus(), 200);
  EXPECT_EQ(parseFeed(body.str()).find("added")->asArray().size(), 3u);
  EXPECT_EQ(parseFeed(sim.feedBody(1)).asArray().size(), 13u);
  const JsonValue sites = parseFeed(fetch(sim.baseUrl() + "/_sim/sites").body);
  ASSERT_EQ(sites.asArray().size(), 2u);
  EXPECT_EQ(sites.asArray()[1].find("documents")->asInt(), 13);
}

TEST_F(SimulatorTest, sumselScenarioHasSeventeenKabKotaWithLubukLinggauInMaintenance) {
  Simulator& sim = start(sumselScenario(5));
  const std::vector<std::string> codes = {"16.01", "16.02", "16.03", "16.04", "16.05", "16.06",
                                          "16.07", "16.08", "16.09", "16.10", "16.11", "16.12",
                                          "16.13", "16.71", "16.72", "16.73", "16.74"};
  ASSERT_EQ(sim.siteCount(), codes.size());
  for (std::size_t i = 0; i < codes.size(); ++i) {
    EXPECT_EQ(sim.site(i).subject, codes[i]);
    EXPECT_EQ(sim.siteUrl(i), sim.baseUrl() + "/jdih/" + codes[i] + "/integrasi/jdihn");
    EXPECT_EQ(sim.behaviour(i).kind, codes[i] == "16.73" ? Behaviour::kMaintenance503 : Behaviour::kNormal);
    EXPECT_EQ(fetch(sim.siteUrl(i)).status, codes[i] == "16.73" ? 503 : 200);
  }
  EXPECT_NE(sim.feedBody(*sim.findSite("16.74")).find("Prabumulih"), std::string::npos);
}

TEST_F(SimulatorTest, behaviourArgumentsParseNamesAndSettings) {
  EXPECT_EQ(allBehaviours().size(), 21u);
  for (Behaviour b : allBehaviours()) EXPECT_EQ(parseBehaviourName(behaviourName(b)), b);
  const SiteBehaviour slow = parse("slow,delay_ms=500,drip_bps=2000");
  EXPECT_EQ(slow.kind, Behaviour::kSlow);
  EXPECT_EQ(slow.settings.delay, 500ms);
  EXPECT_EQ(slow.settings.dripBytesPerSecond, 2000u);
  EXPECT_THROW(parse("sloww"), std::invalid_argument);
  EXPECT_THROW(parse("slow,delay=5"), std::invalid_argument);
  EXPECT_THROW(parse("slow,delay_ms=abc"), std::invalid_argument);

  SimOptions options = sumselScenario(5);
  applyBehaviourArgument(options, "16.71=basic-auth,user=a,password=b");
  applyBehaviourArgument(options, "0=paged");
  EXPECT_EQ(options.sites[13].behaviour.kind, Behaviour::kBasicAuth);
  EXPECT_EQ(options.sites[13].behaviour.settings.password, "b");
  EXPECT_EQ(options.sites[0].behaviour.kind, Behaviour::kPaged);
  EXPECT_THROW(applyBehaviourArgument(options, "99=paged"), std::invalid_argument);
}

TEST_F(SimulatorTest, scenarioFileDescribesSitesAndBehaviours) {
  const auto file =
      std::filesystem::temp_directory_path() / ("hamhub-sim-scenario-" + std::to_string(::getpid()) + ".json");
  std::ofstream(file) << R"({
    // two sites for one kab/kota, one of them flapping
    "seed": 7, "docs": 12,
    "sites": [{"subject": "16.71"}, {"label": "plg-2", "subject": "16.71", "prefix": "/plg2", "docs": 3,
               "behaviour": {"name": "flapping", "flap_ms": 1000}}],
    "behaviours": {"16.71": "etag"}
  })";
  const SimOptions options = loadScenario(file);
  std::filesystem::remove(file);
  ASSERT_EQ(options.sites.size(), 2u);
  EXPECT_EQ(options.seed, 7u);
  EXPECT_EQ(options.sites[0].prefix, "/jdih/16.71");
  EXPECT_EQ(options.sites[0].documents, 12u);
  EXPECT_EQ(options.sites[0].behaviour.kind, Behaviour::kEtag);
  EXPECT_EQ(options.sites[1].documents, 3u);
  EXPECT_EQ(options.sites[1].behaviour.kind, Behaviour::kFlapping);
  EXPECT_EQ(options.sites[1].behaviour.settings.flapPeriod, 1000ms);
}

TEST_F(SimulatorTest, aStarGivesEverySiteTheBehaviourAndNamedSitesKeepTheirOwn) {
  SimOptions options = genericScenario(3, 5);
  applyBehaviourArgument(options, "*=slow,delay_ms=200");
  applyBehaviourArgument(options, "site1=etag");
  EXPECT_EQ(options.sites[0].behaviour.kind, Behaviour::kSlow);
  EXPECT_EQ(options.sites[1].behaviour.kind, Behaviour::kEtag);
  EXPECT_EQ(options.sites[2].behaviour.settings.delay, 200ms);

  const auto file =
      std::filesystem::temp_directory_path() / ("hamhub-sim-star-" + std::to_string(::getpid()) + ".json");
  std::ofstream(file) << R"({"sites": 3, "docs": 5,
                            "behaviours": {"1": "etag", "*": {"name": "slow", "delay_ms": 200}}})";
  const SimOptions fromFile = loadScenario(file);
  std::filesystem::remove(file);
  EXPECT_EQ(fromFile.sites[1].behaviour.kind, Behaviour::kEtag) << "a named site wins over *, wherever it stands";
  Simulator& sim = start(fromFile);
  for (std::size_t i : {0, 2}) {
    const auto t0 = Clock::now();
    EXPECT_EQ(fetch(sim.siteUrl(i)).status, 200);
    EXPECT_GE(Clock::now() - t0, 200ms) << i;
  }
}

TEST_F(SimulatorTest, stopReturnsPromptlyWhileClientsAreHeldOrWaiting) {
  SimOptions options = genericScenario(3, 5);
  options.sites[0].behaviour = parse("slow,delay_ms=20000");
  options.sites[1].behaviour = Behaviour::kStall;
  options.sites[2].behaviour = Behaviour::kNoAnswer;
  Simulator& sim = start(std::move(options));
  std::vector<std::thread> clients;
  for (std::size_t i = 0; i < 3; ++i) clients.emplace_back([&sim, i] { fetch(sim.siteUrl(i), {}, 30s); });
  while (sim.requests(0) + sim.requests(1) + sim.requests(2) < 3) std::this_thread::sleep_for(5ms);
  std::this_thread::sleep_for(50ms);
  const auto t0 = Clock::now();
  sim.stop();
  for (auto& t : clients) t.join();
  EXPECT_LT(Clock::now() - t0, 2s);
}

TEST_F(SimulatorTest, manyConcurrentClientsGetEveryFeedIntact) {
  Simulator& sim = start(32, 50);
  std::atomic<int> good{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 16; ++c) {
    clients.emplace_back([&, c] {
      for (std::size_t i = 0; i < sim.siteCount(); ++i) {
        const std::size_t site = (i + static_cast<std::size_t>(c)) % sim.siteCount();
        if (fetch(sim.siteUrl(site)).body == sim.feedBody(site)) ++good;
      }
    });
  }
  for (auto& t : clients) t.join();
  EXPECT_EQ(good.load(), 16 * 32);
}

TEST_F(SimulatorTest, printSourcesWritesOneValidSourceFilePerSite) {
  const auto dir = std::filesystem::temp_directory_path() / ("hamhub-sim-sources-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  SimProcess process({"--scenario", "sumsel", "--docs", "5", "--port", "0", "--behaviour",
                      "16.71=basic-auth,user=plg,password=rahasia", "--behaviour", "16.72=paged", "--print-sources",
                      dir.string()},
                     18);
  const std::vector<std::string>& lines = process.lines();
  // The files are written after the lines are printed; wait for the last one.
  for (int i = 0; i < 200 && !std::filesystem::exists(dir / "jdih-16-74.json"); ++i) std::this_thread::sleep_for(10ms);
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(process.stop(), 0);

  ASSERT_EQ(lines.size(), 18u);
  EXPECT_EQ(lines[0].rfind("hamhub-sim listening on http://127.0.0.1:", 0), 0u) << lines[0];
  const std::string base = lines[0].substr(std::string("hamhub-sim listening on ").size(), lines[0].find(' ', 24) - 24);
  EXPECT_EQ(lines[16], "16.73 maintenance-503 " + base + "/jdih/16.73/integrasi/jdihn");

  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    ++files;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = parseJson(text.str());
    ASSERT_TRUE(parsed.isOk()) << entry.path() << ": " << parsed.status().message();
    const JsonValue& source = *parsed;
    const std::string subject = source.find("subject")->asString();
    EXPECT_EQ(source.find("id")->asString(), "jdih-" + subject.substr(0, 2) + "-" + subject.substr(3));
    EXPECT_EQ(entry.path().filename().string(), source.find("id")->asString() + ".json");
    EXPECT_EQ(source.find("connector")->asString(), "jdih");
    EXPECT_EQ(source.find("schedule")->asString(), "0 2 * * *");
    EXPECT_TRUE(source.find("enabled")->asBool());
    const JsonValue& options = *source.find("options");
    EXPECT_EQ(options.find("url")->asString(), base + "/jdih/" + subject + "/integrasi/jdihn");
    EXPECT_EQ(options.find("username") != nullptr, subject == "16.71");
    EXPECT_EQ(options.find("page_size") != nullptr, subject == "16.72");
    if (subject == "16.71") {
      EXPECT_EQ(options.find("password")->asString(), "rahasia");
    }
  }
  EXPECT_EQ(files, 17u);
  std::filesystem::remove_all(dir);
}

// --- HTTPS ---

TEST_F(SimulatorTest, selfSignedTlsSiteIsServedOnlyToAClientTrustingItsCertificate) {
  SimOptions options = genericScenario(1, 20);
  options.tls = TlsMode::kSelfSigned;
  Simulator& sim = start(std::move(options));
  EXPECT_EQ(sim.siteUrl(0), "https://127.0.0.1:" + std::to_string(sim.port()) + "/site0/integrasi/jdihn");
  EXPECT_EQ(sim.sourceConfig(0).find("options")->find("url")->asString(), sim.siteUrl(0));
  const std::filesystem::path certificate = sim.certificateFile();
  ASSERT_TRUE(std::filesystem::exists(certificate));

  const Reply untrusted = fetchTls(sim.siteUrl(0), {});
  EXPECT_EQ(untrusted.status, 0);
  EXPECT_NE(untrusted.error.find("certificate verify failed"), std::string::npos) << untrusted.error;
  EXPECT_EQ(refusal, "self-signed certificate");

  const Reply trusted = fetchTls(sim.siteUrl(0), certificate);
  ASSERT_EQ(trusted.status, 200) << trusted.error << " / " << refusal;
  EXPECT_EQ(trusted.body, sim.feedBody(0));
  EXPECT_EQ(fetch(sim.siteUrl(0)).status, 0) << "plain HTTP gets no answer from the HTTPS port";

  sim_.reset();
  EXPECT_FALSE(std::filesystem::exists(certificate.parent_path())) << "the private directory outlived the simulator";
}

TEST_F(SimulatorTest, expiredTlsSiteIsRefusedEvenByAClientTrustingItsCertificate) {
  SimOptions options = genericScenario(1, 5);
  options.tls = TlsMode::kExpired;
  Simulator& sim = start(std::move(options));
  const Reply r = fetchTls(sim.siteUrl(0), sim.certificateFile());
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.error.find("certificate verify failed"), std::string::npos) << r.error;
  EXPECT_EQ(refusal, "certificate has expired");
}

TEST_F(SimulatorTest, tlsBehavioursStillApplyAndRedirectsStayOnHttps) {
  SimOptions options = genericScenario(2, 5);
  options.tls = TlsMode::kSelfSigned;
  options.sites[0].behaviour = parse("server-error,status=502");
  options.sites[1].behaviour = Behaviour::kRedirectLoop;
  Simulator& sim = start(std::move(options));
  EXPECT_EQ(fetchTls(sim.siteUrl(0), sim.certificateFile()).status, 502);
  EXPECT_EQ(fetchTls(sim.siteUrl(1), sim.certificateFile()).header("Location"), sim.siteUrl(1) + "?loop=1");
}

TEST_F(SimulatorTest, tlsFlagServesHttpsAndPrintCertWritesTheCertificateToTrust) {
  const auto file = std::filesystem::temp_directory_path() / ("hamhub-sim-cert-" + std::to_string(::getpid()) + ".pem");
  SimProcess process({"--sites", "1", "--docs", "3", "--tls", "self-signed", "--print-cert", file.string()}, 2);
  ASSERT_EQ(process.lines().size(), 2u);
  EXPECT_EQ(process.lines()[0].rfind("hamhub-sim listening on https://127.0.0.1:", 0), 0u) << process.lines()[0];
  const std::string url = process.lines()[1].substr(process.lines()[1].rfind(' ') + 1);
  EXPECT_EQ(url.rfind("https://", 0), 0u) << url;
  const Reply r = fetchTls(url, file);
  EXPECT_EQ(r.status, 200) << r.error << " / " << refusal;
  EXPECT_EQ(process.stop(), 0);
  std::filesystem::remove(file);
}

// --- application exports (KKPHAM, SAPA-HAM, OPD, SKM) ---

SimOptions exportScenario() {
  SimOptions options = sumselScenario(5);
  addExportSites(options);
  return options;
}

TEST_F(SimulatorTest, kkphamExportIsASemicolonCsvWithBomCoveringEveryKabKota) {
  Simulator& sim = start(exportScenario());
  const auto site = sim.findSite("kkpham-16");
  ASSERT_TRUE(site.has_value());
  EXPECT_EQ(sim.siteUrl(*site), sim.baseUrl() + "/kkpham/export/kkpham-2024.csv");
  const Reply r = fetch(sim.siteUrl(*site));
  ASSERT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(r.header("Content-Type").rfind("text/csv", 0), 0u);
  ASSERT_EQ(r.body.rfind("\xEF\xBB\xBFNo;Kabupaten/Kota;Tahun;Kriteria;", 0), 0u);
  std::size_t lines = static_cast<std::size_t>(std::count(r.body.begin(), r.body.end(), '\n'));
  EXPECT_EQ(lines, 1u + 17u * 10u * 3u);
  // Names as Kanwil staff write them, which only the alias table resolves.
  EXPECT_NE(r.body.find(";Kota Pagaralam;2024;"), std::string::npos);
  EXPECT_NE(r.body.find(";Muba;2024;"), std::string::npos);
  EXPECT_NE(r.body.find(";;"), std::string::npos) << "some indicators lack data dukung";
  const Reply again = fetch(sim.siteUrl(*site), {{"If-None-Match", r.header("ETag")}});
  EXPECT_EQ(again.status, 304);
}

TEST_F(SimulatorTest, ranhamExportListsReportsPerPeriodWithTwoKabKotaLateForB08) {
  Simulator& sim = start(exportScenario());
  const Reply r = fetch(sim.siteUrl(*sim.findSite("ranham-16")));
  ASSERT_EQ(r.status, 200) << r.error;
  const JsonValue rows = parseFeed(r.body);
  ASSERT_TRUE(rows.isArray());
  std::map<std::string, std::set<std::string>> periods;
  for (const JsonValue& row : rows.asArray()) {
    EXPECT_TRUE(row.find("tahun")->isInteger());
    EXPECT_TRUE(row.find("no_aksi")->isInteger());
    periods[row.find("kode_wilayah")->asString()].insert(row.find("periode")->asString());
  }
  EXPECT_EQ(periods.size(), 18u) << "the province and its 17 kab/kota";
  EXPECT_EQ(periods["16.71"], (std::set<std::string>{"B04", "B08"}));
  EXPECT_EQ(periods["16.13"], (std::set<std::string>{"B04"}));
  EXPECT_EQ(rows.asArray().size(), (18u + 16u) * 4u);
}

TEST_F(SimulatorTest, opdApiWrapsItsItemsAndPagesThem) {
  Simulator& sim = start(exportScenario());
  const std::size_t site = *sim.findSite("opd-16.71");
  const Reply first = fetch(sim.siteUrl(site) + "?page=1&limit=25");
  ASSERT_EQ(first.status, 200) << first.error;
  const JsonValue page = parseFeed(first.body);
  ASSERT_TRUE(page.isObject());
  EXPECT_EQ(page.find("data")->find("items")->asArray().size(), 25u);
  EXPECT_EQ(page.find("meta")->find("total")->asInt(), 60);
  const Reply last = fetch(sim.siteUrl(site) + "?page=3&limit=25");
  EXPECT_EQ(parseFeed(last.body).find("data")->find("items")->asArray().size(), 10u);
  const Reply past = fetch(sim.siteUrl(site) + "?page=4&limit=25");
  EXPECT_TRUE(parseFeed(past.body).find("data")->find("items")->asArray().empty());
  const JsonValue source = sim.sourceConfig(site);
  const JsonValue& options = *source.find("options");
  EXPECT_EQ(options.find("mode")->asString(), "rest");
  EXPECT_EQ(options.find("items_pointer")->asString(), "/data/items");
}

TEST_F(SimulatorTest, skmExportHasNineAnswersBetweenOneAndFourPerRespondent) {
  Simulator& sim = start(exportScenario());
  const Reply r = fetch(sim.siteUrl(*sim.findSite("skm-16.71")));
  ASSERT_EQ(r.status, 200) << r.error;
  const JsonValue rows = parseFeed(r.body);
  ASSERT_TRUE(rows.isArray());
  EXPECT_EQ(rows.asArray().size(), 4u * 2u * 30u);
  for (const JsonValue& row : rows.asArray()) {
    for (int u = 1; u <= 9; ++u) {
      const JsonValue* answer = row.find("U" + std::to_string(u));
      ASSERT_TRUE(answer != nullptr && answer->isInteger());
      EXPECT_GE(answer->asInt(), 1);
      EXPECT_LE(answer->asInt(), 4);
    }
  }
}

TEST_F(SimulatorTest, exportMutationsReviseRemoveAndAppendRowsByKey) {
  Simulator& sim = start(exportScenario());
  const std::size_t site = *sim.findSite("kkpham-16");
  const std::string before = sim.feedBody(site);
  const MutationResult m = sim.mutate(site, {.add = 2, .change = 3, .remove = 1});
  EXPECT_EQ(m.added.size(), 2u);
  EXPECT_EQ(m.changed.size(), 3u);
  ASSERT_EQ(m.removed.size(), 1u);
  EXPECT_NE(sim.feedBody(site), before);
  EXPECT_NE(m.added[0].find("|2025|"), std::string::npos) << m.added[0];
}

TEST_F(SimulatorTest, exportSitesGetSourceFilesForTheirConnectors) {
  Simulator& sim = start(exportScenario());
  std::set<std::string> ids;
  for (std::size_t i = 0; i < sim.siteCount(); ++i) {
    const JsonValue source = sim.sourceConfig(i);
    if (source.find("connector")->asString() == "jdih") continue;
    ids.insert(source.find("id")->asString() + ":" + source.find("connector")->asString() + ":" +
               source.find("subject")->asString());
    EXPECT_EQ(source.find("options")->find("url")->asString(), sim.siteUrl(i));
  }
  EXPECT_EQ(ids, (std::set<std::string>{"kkpham-16:kkpham:16", "ranham-16:ranham:16", "opd-16-71:opd:16.71",
                                        "skm-16-71:opd:16.71"}));
}

}  // namespace
}  // namespace hamhub::sim

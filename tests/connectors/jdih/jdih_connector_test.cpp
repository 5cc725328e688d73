#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/connector_options.h"
#include <boost/dll/shared_library.hpp>

#include <hamhub/connector.h>
#include <hamhub/json.h>
#include <hamhub/manifest.h>
#include <hamhub/plugin.h>

#include "dates.h"
#include "document_normaliser.h"
#include "jdih_connector.h"
#include "jdih_options.h"
#include "jenis_map.h"
#include "json_feed_body.h"
#include "host/http/poco_http_client.h"
#include "rss_feed_body.h"
#include "status_map.h"
#include "support/test_http_server.h"

namespace hamhub::jdih {
namespace {

using test::TestHttpServer;
using Request = TestHttpServer::Request;
using Response = TestHttpServer::Response;

// ---- Test doubles for what the host lends a connector ---------------------------------------

class CapturingLogger final : public Logger {
 public:
  void log(LogLevel level, std::string_view message) override {
    std::lock_guard lock(mutex_);
    lines_.emplace_back(level, std::string(message));
  }
  std::vector<std::string> at(LogLevel level) const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    for (const auto& [l, line] : lines_) {
      if (l == level) out.push_back(line);
    }
    return out;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::pair<LogLevel, std::string>> lines_;
};

class TestContext final : public Context {
 public:
  TestContext(const Options& options, HttpClient& http) : options_(options), http_(http) {}
  std::string_view sourceId() const override { return "jdih-test"; }
  const std::vector<std::string>& subjects() const override { return subjects_; }
  const Options& options() const override { return options_; }
  HttpClient& http() override { return http_; }
  Logger& log() override { return logger_; }
  bool cancelled() const override { return cancelled_; }
  std::optional<std::string> resolveSubject(std::string_view) const override { return std::nullopt; }

  CapturingLogger logger_;
  std::atomic<bool> cancelled_{false};

 private:
  const Options& options_;
  HttpClient& http_;
  std::vector<std::string> subjects_{"16.07"};
};

class RecordingSink final : public RecordSink {
 public:
  Status emit(Record record) override {
    ++emitted;
    if (onEmit) {
      if (Status status = onEmit(record); !status) return status;
    }
    if (keepRecords) records.push_back(std::move(record));
    return Status::ok();
  }
  void reject(std::string_view key, std::string_view message) override {
    rejects.emplace_back(std::string(key), std::string(message));
  }
  Status checkpoint(const Cursor& cursor) override {
    checkpoints.push_back(cursor);
    return Status::ok();
  }

  bool keepRecords = true;
  std::function<Status(const Record&)> onEmit;
  std::size_t emitted = 0;
  std::vector<Record> records;
  std::vector<std::pair<std::string, std::string>> rejects;
  std::vector<Cursor> checkpoints;
};

Options optionsWith(const std::map<std::string, JsonValue>& values) { return ::hamhub::test::optionsWith(kOptions, values); }

JsonValue payloadOf(const Record& record) { return ::hamhub::test::payloadOf(record); }

std::string str(const JsonValue& object, const char* name) {
  const JsonValue* value = object.find(name);
  return value != nullptr && value->isString() ? value->asString() : std::string("<not a string>");
}

bool isNull(const JsonValue& object, const char* name) {
  const JsonValue* value = object.find(name);
  return value != nullptr && value->isNull();
}

// Resident memory now, from /proc (not the peak: other tests in this process raised that).
std::int64_t residentKb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stoll(line.substr(6));
  }
  return -1;
}

// One JDIHN document of about `padding` bytes more than its fields, deterministic in `i`.
std::string generatedDocument(int i, std::size_t padding) {
  const std::string id = std::to_string(i);
  return R"({"idData":")" + id +
         R"(","tahun_pengundangan":"2021","tanggal_pengundangan":"2021-05-04",)"
         R"("jenis":"Peraturan Bupati","singkatanJenis":"Perbup","noPeraturan":")" +
         id + R"(","judul":"Peraturan Bupati Nomor )" + id + R"( Tahun 2021 tentang )" +
         std::string(padding, 'x') +
         R"(","status":"Berlaku","subjek":"HAM, Pelayanan Publik","bahasa":"Indonesia",)"
         R"("urlDetailPeraturan":"https://jdih.example.go.id/dokumen/)" +
         id + R"(","operasi":"4","display":1})";
}

const char* const kNormalFeed = R"json([
  {"idData": "101", "tahun_pengundangan": "2021", "tanggal_pengundangan": "2021-03-04",
   "tanggal_penetapan": "02-03-2021", "jenis": "Peraturan Bupati", "singkatanJenis": "-", "noPeraturan": "5",
   "judul": "Peraturan Bupati Banyuasin Nomor 5 Tahun 2021 tentang Pelayanan Publik Berbasis HAM",
   "noPanggil": "-", "tempatTerbit": "Pangkalan Balai", "penerbit": "", "deskripsiFisik": null,
   "sumber": "BD 2021 (5)", "subjek": "HAM, Pelayanan Publik; Desa / HAM", "isbn": "-", "status": "Berlaku",
   "bahasa": "Indonesia", "bidangHukum": "Hukum Tata Negara", "teuBadan": "Kabupaten Banyuasin",
   "nomorIndukBuku": "-", "fileDownload": "perbup-5-2021.pdf",
   "urlDownload": "https://jdih.example.go.id/files/perbup-5-2021.pdf",
   "urlDetailPeraturan": "https://jdih.example.go.id/dokumen/101", "operasi": "4", "display": "1",
   "abstrak": "Mengatur pelayanan publik berbasis HAM.", "urlabstrak": "https://jdih.example.go.id/abstrak/101.pdf",
   "pemrakarsa": "Bagian Hukum", "lastUpdated": "2021-03-05 10:00:00"},
  {"idData": 102, "tahun_pengundangan": 2022, "tanggal_pengundangan": "2022-07-01 00:00:00",
   "jenis": "Peraturan Daerah", "singkatanJenis": "Perda", "noPeraturan": 3, "judul": "Peraturan Daerah Nomor 3 Tahun 2022",
   "status": "Tidak Berlaku", "urlAbstrak": "https://jdih.example.go.id/abstrak/102.pdf", "operasi": 4,
   "display": 1, "last_updated": "2022-07-02", "lampiran": [{"nama": "a.pdf"}],
   "urlDownload": "https://jdih.example.go.id/files/perda-3-2022.pdf"},
  {"idData": "103", "tahun_pengundangan": "-", "tanggal_pengundangan": "0000-00-00", "tanggal_penetapan": null,
   "jenis": "Peraturan Wali Kota", "judul": "Perwali tanpa tanggal", "status": "Mencabut"}
])json";

// ---- The fixture --------------------------------------------------------------------------------

class JdihConnectorTest : public ::testing::Test {
 protected:
  // The host's real client, as a harvest run gets it (short timeouts keep fault tests quick).
  static std::unique_ptr<host::PocoHttpClient> makeClient(std::uint64_t maxBodyBytes = 256u * 1024 * 1024) {
    host::HttpClientConfig config;
    config.maxBodyBytes = maxBodyBytes;
    config.connectTimeoutMs = 2000;
    config.readTimeoutMs = 5000;
    return std::make_unique<host::PocoHttpClient>(config);
  }

  void serve(const std::string& path, int status, std::string body,
             std::string contentType = "application/json") {
    server_.route(path, [status, body = std::move(body), contentType = std::move(contentType)](
                            Request&, Response& response) {
      TestHttpServer::sendText(response, status, body, contentType);
    });
  }

  Result<HarvestResult> harvest(const std::map<std::string, JsonValue>& values, const Cursor& cursor = "") {
    options_ = optionsWith(values);
    if (Status configured = connector_.configure(options_); !configured) return configured;
    context_ = std::make_unique<TestContext>(options_, *client_);
    return connector_.harvest(*context_, cursor, sink_);
  }

  Status check(const std::map<std::string, JsonValue>& values) {
    options_ = optionsWith(values);
    if (Status configured = connector_.configure(options_); !configured) return configured;
    context_ = std::make_unique<TestContext>(options_, *client_);
    return connector_.check(*context_);
  }

  TestHttpServer server_;
  std::unique_ptr<host::PocoHttpClient> client_ = makeClient();
  JdihConnector connector_;
  Options options_;
  std::unique_ptr<TestContext> context_;
  RecordingSink sink_;
};

// ---- JSON feed -------------------------------------------------------------------------------------

TEST_F(JdihConnectorTest, normalisesAFeedWithStringAndNumericIdsAndKeepsUnknownFieldsRaw) {
  serve("/integrasi", 200, kNormalFeed);

  auto result = harvest({{"url", server_.url("/integrasi")}});

  ASSERT_TRUE(result) << result.status().message();
  ASSERT_EQ(sink_.records.size(), 3u);
  EXPECT_TRUE(sink_.rejects.empty());
  EXPECT_EQ(result->completeKinds, std::vector<std::string>{"jdih.document"});

  const Record& first = sink_.records[0];
  EXPECT_EQ(first.kind, "jdih.document");
  EXPECT_EQ(first.key, "101");
  EXPECT_EQ(first.period, "2021");
  EXPECT_EQ(first.url, "https://jdih.example.go.id/dokumen/101");
  EXPECT_EQ(first.subject, "");
  const JsonValue p1 = payloadOf(first);
  EXPECT_EQ(str(p1, "id_data"), "101");
  EXPECT_EQ(str(p1, "document_type"), "peraturan");
  EXPECT_EQ(str(p1, "jenis"), "Peraturan Bupati");
  EXPECT_EQ(str(p1, "jenis_short"), "Perbup");  // "-" in singkatanJenis: derived from jenis
  EXPECT_EQ(str(p1, "number"), "5");
  EXPECT_EQ(p1.find("year")->asInt(), 2021);
  EXPECT_EQ(str(p1, "enacted_on"), "2021-03-02");
  EXPECT_EQ(str(p1, "promulgated_on"), "2021-03-04");
  EXPECT_EQ(str(p1, "status"), "berlaku");
  EXPECT_EQ(str(p1, "status_original"), "Berlaku");
  EXPECT_EQ(str(p1, "issuing_body"), "Kabupaten Banyuasin");
  EXPECT_EQ(toJson(*p1.find("subjects")), R"(["HAM","Pelayanan Publik","Desa"])");
  EXPECT_EQ(str(p1, "place"), "Pangkalan Balai");
  EXPECT_TRUE(isNull(p1, "publisher"));             // ""
  EXPECT_TRUE(isNull(p1, "physical_description"));  // null
  EXPECT_TRUE(isNull(p1, "call_number"));           // "-"
  EXPECT_TRUE(isNull(p1, "isbn"));
  EXPECT_EQ(str(p1, "file_name"), "perbup-5-2021.pdf");
  EXPECT_EQ(str(p1, "abstract_url"), "https://jdih.example.go.id/abstrak/101.pdf");
  EXPECT_EQ(str(p1, "last_updated"), "2021-03-05 10:00:00");
  const JsonValue* raw1 = p1.find("raw");
  ASSERT_TRUE(raw1 != nullptr && raw1->isObject());
  // Only what the normalised fields do not carry: unknown fields, and dates as written when the
  // normalisation rewrote them.
  EXPECT_EQ(str(*raw1, "pemrakarsa"), "Bagian Hukum");
  EXPECT_EQ(raw1->find("noPanggil"), nullptr);
  EXPECT_EQ(raw1->find("judul"), nullptr);

  const Record& second = sink_.records[1];
  EXPECT_EQ(second.key, "102");
  EXPECT_EQ(second.period, "2022");
  EXPECT_EQ(second.url, "https://jdih.example.go.id/files/perda-3-2022.pdf");  // no detail URL: the file
  const JsonValue p2 = payloadOf(second);
  EXPECT_EQ(str(p2, "id_data"), "102");
  EXPECT_EQ(str(p2, "number"), "3");
  EXPECT_EQ(p2.find("year")->asInt(), 2022);
  EXPECT_EQ(str(p2, "promulgated_on"), "2022-07-01");
  EXPECT_EQ(str(p2, "status"), "tidak berlaku");
  EXPECT_EQ(str(p2, "abstract_url"), "https://jdih.example.go.id/abstrak/102.pdf");
  EXPECT_EQ(str(p2, "last_updated"), "2022-07-02");
  EXPECT_EQ(toJson(*p2.find("raw")->find("lampiran")), R"([{"nama":"a.pdf"}])");
  EXPECT_EQ(p2.find("raw")->find("idData"), nullptr);  // carried as id_data
  EXPECT_EQ(str(*p2.find("raw"), "tanggal_pengundangan"), "2022-07-01 00:00:00");  // rewritten date, as written

  const JsonValue p3 = payloadOf(sink_.records[2]);
  EXPECT_EQ(sink_.records[2].period, "");
  EXPECT_TRUE(isNull(p3, "year"));
  EXPECT_TRUE(isNull(p3, "promulgated_on"));  // MySQL's zero date means none
  EXPECT_TRUE(isNull(p3, "enacted_on"));
  EXPECT_EQ(str(p3, "jenis_short"), "Perwal");
  EXPECT_EQ(str(p3, "status"), "mencabut");
  EXPECT_TRUE(isNull(p3, "subjects"));
}

TEST_F(JdihConnectorTest, writesTheSamePayloadBytesForTheSameFeed) {
  serve("/integrasi", 200, kNormalFeed);

  ASSERT_TRUE(harvest({{"url", server_.url("/integrasi")}}));
  std::vector<Record> first = std::move(sink_.records);
  sink_.records.clear();
  ASSERT_TRUE(harvest({{"url", server_.url("/integrasi")}}));

  ASSERT_EQ(first.size(), sink_.records.size());
  for (std::size_t i = 0; i < first.size(); ++i) EXPECT_EQ(first[i].payload, sink_.records[i].payload);
}

TEST_F(JdihConnectorTest, treatsZeroResultsTextAsEmptyFeed) {
  serve("/integrasi", 200, "  0 results\n", "text/html");
  serve("/quoted", 200, R"("0 results")");

  for (const char* path : {"/integrasi", "/quoted"}) {
    auto result = harvest({{"url", server_.url(path)}});

    ASSERT_TRUE(result) << path << ": " << result.status().message();
    EXPECT_TRUE(sink_.records.empty());
    EXPECT_TRUE(sink_.rejects.empty());
    EXPECT_EQ(result->completeKinds, std::vector<std::string>{"jdih.document"});
  }
}

TEST_F(JdihConnectorTest, treatsAnEmptyArrayAsEmptyFeed) {
  serve("/integrasi", 200, "[ ]");

  auto result = harvest({{"url", server_.url("/integrasi")}});

  ASSERT_TRUE(result) << result.status().message();
  EXPECT_TRUE(sink_.records.empty());
  EXPECT_EQ(result->completeKinds, std::vector<std::string>{"jdih.document"});
}

TEST_F(JdihConnectorTest, readsDocumentsWrappedInAnObject) {
  serve("/data", 200, R"({"status": true, "total": 2, "data": [{"idData": "1"}, {"idData": "2"}]})");
  serve("/laravel", 200,
        R"({"data": {"current_page": 1, "data": [{"idData": "3"}], "links": [{"url": null}]}})");
  serve("/php", 200,
        "\xEF\xBB\xBF"
        R"({"0": {"idData": "4"}, "2": {"idData": "5"}})");
  serve("/rows", 200, R"({"status": true, "data": {"rows": [{"idData": "6"}], "total": 1}})");

  ASSERT_TRUE(harvest({{"url", server_.url("/data")}}));
  ASSERT_TRUE(harvest({{"url", server_.url("/laravel")}}));
  ASSERT_TRUE(harvest({{"url", server_.url("/php")}}));
  auto result = harvest({{"url", server_.url("/rows")}});

  ASSERT_TRUE(result) << result.status().message();
  std::vector<std::string> keys;
  for (const auto& record : sink_.records) keys.push_back(record.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"1", "2", "3", "4", "5", "6"}));
}

TEST_F(JdihConnectorTest, pagesThroughThreePagesUntilAShortPage) {
  std::vector<std::string> queries;
  std::mutex mutex;
  server_.route("/paged", [&](Request& request, Response& response) {
    const std::string uri = request.getURI();
    {
      std::lock_guard lock(mutex);
      queries.push_back(uri.substr(uri.find('?') + 1));
    }
    std::string body;
    if (uri.find("page=1&") != std::string::npos) body = R"([{"idData":"1"},{"idData":"2"}])";
    if (uri.find("page=2&") != std::string::npos) body = R"([{"idData":"3"},{"idData":"4"}])";
    if (uri.find("page=3&") != std::string::npos) body = R"([{"idData":"5"}])";
    TestHttpServer::sendText(response, 200, body.empty() ? "0 results" : body, "application/json");
  });

  auto result = harvest({{"url", server_.url("/paged") + "?token=abc"}, {"page_size", 2}});

  ASSERT_TRUE(result) << result.status().message();
  EXPECT_EQ(queries, (std::vector<std::string>{"token=abc&page=1&limit=2", "token=abc&page=2&limit=2",
                                               "token=abc&page=3&limit=2"}));
  ASSERT_EQ(sink_.records.size(), 5u);
  EXPECT_EQ(sink_.records[4].key, "5");
  EXPECT_EQ(result->completeKinds, std::vector<std::string>{"jdih.document"});
}

TEST_F(JdihConnectorTest, stopsPagingAtAZeroResultsPageCountingFromFirstPage) {
  std::vector<std::string> uris;
  server_.route("/paged", [&](Request& request, Response& response) {
    const std::string uri = request.getURI();
    uris.push_back(uri);
    const bool first = uri.find("hal=0") != std::string::npos;
    TestHttpServer::sendText(response, 200, first ? R"([{"idData":"1"},{"idData":"2"}])" : "0 results",
                             "application/json");
  });

  auto result = harvest({{"url", server_.url("/paged")},
                         {"page_size", 2},
                         {"page_param", "hal"},
                         {"limit_param", ""},
                         {"first_page", 0}});

  ASSERT_TRUE(result) << result.status().message();
  EXPECT_EQ(server_.hits("/paged"), 2);
  EXPECT_EQ(sink_.records.size(), 2u);
  ASSERT_EQ(uris.size(), 2u);
  EXPECT_EQ(uris[1], "/paged?hal=1");
}

TEST_F(JdihConnectorTest, reportsSchemaDriftWhenASiteIgnoresThePageParameter) {
  serve("/paged", 200, R"([{"idData":"1"},{"idData":"2"}])");

  auto result = harvest({{"url", server_.url("/paged")}, {"page_size", 2}});

  ASSERT_FALSE(result);
  EXPECT_EQ(result.status().reason(), "schema-drift");
  EXPECT_NE(result.status().message().find("page 2 repeats page 1"), std::string::npos);
  EXPECT_EQ(server_.hits("/paged"), 2);
}

TEST_F(JdihConnectorTest, sendsValidatorsAndEmitsNothingWhenTheFeedIsNotModified) {
  std::string seenEtag;
  std::string seenSince;
  server_.route("/integrasi", [&](Request& request, Response& response) {
    seenEtag = request.get("If-None-Match", "");
    seenSince = request.get("If-Modified-Since", "");
    if (seenEtag == "\"v1\"") {
      response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NOT_MODIFIED);
      response.send();
      return;
    }
    response.set("ETag", "\"v1\"");
    response.set("Last-Modified", "Wed, 01 May 2024 10:00:00 GMT");
    TestHttpServer::sendText(response, 200, R"([{"idData":"1"}])", "application/json");
  });

  auto first = harvest({{"url", server_.url("/integrasi")}});
  ASSERT_TRUE(first) << first.status().message();
  EXPECT_EQ(first->next, R"({"etag":"\"v1\"","last_modified":"Wed, 01 May 2024 10:00:00 GMT"})");
  EXPECT_EQ(sink_.records.size(), 1u);
  EXPECT_EQ(seenEtag, "");

  RecordingSink second;
  context_ = std::make_unique<TestContext>(options_, *client_);
  auto again = connector_.harvest(*context_, first->next, second);

  ASSERT_TRUE(again) << again.status().message();
  EXPECT_EQ(seenEtag, "\"v1\"");
  EXPECT_EQ(seenSince, "Wed, 01 May 2024 10:00:00 GMT");
  EXPECT_EQ(again->next, first->next);
  EXPECT_TRUE(again->completeKinds.empty());
  EXPECT_EQ(second.emitted, 0u);
  EXPECT_TRUE(second.rejects.empty());
  EXPECT_TRUE(second.checkpoints.empty());
  EXPECT_EQ(server_.hits("/integrasi"), 2);
}

TEST_F(JdihConnectorTest, sendsBasicAuthCredentials) {
  server_.route("/private", [](Request& request, Response& response) {
    // "kanwil:rahasia 16" in base64.
    if (request.get("Authorization", "") != "Basic a2Fud2lsOnJhaGFzaWEgMTY=") {
      response.set("WWW-Authenticate", "Basic realm=\"jdih\"");
      TestHttpServer::sendText(response, 401, "unauthorised");
      return;
    }
    TestHttpServer::sendText(response, 200, R"([{"idData":"1"}])", "application/json");
  });

  auto result =
      harvest({{"url", server_.url("/private")}, {"username", "kanwil"}, {"password", "rahasia 16"}});
  auto refused = harvest({{"url", server_.url("/private")}, {"username", "kanwil"}, {"password", "salah"}});

  ASSERT_TRUE(result) << result.status().message();
  EXPECT_EQ(sink_.records.size(), 1u);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.status().reason(), "http-4xx");
}

// ---- What a site says instead of a feed ------------------------------------------------------

TEST_F(JdihConnectorTest, reportsMaintenanceStatusFor503WithRetryAfter) {
  server_.route("/integrasi", [](Request&, Response& response) {
    response.set("Retry-After", "120");
    TestHttpServer::sendText(response, 503, "<h1>Service Unavailable</h1>", "text/html");
  });

  auto result = harvest({{"url", server_.url("/integrasi")}});

  ASSERT_FALSE(result);
  EXPECT_EQ(result.status().reason(), "maintenance-status");
  EXPECT_NE(result.status().message().find("Retry-After: 120"), std::string::npos);
  EXPECT_NE(result.status().message().find(server_.url("/integrasi")), std::string::npos);
}

TEST_F(JdihConnectorTest, reportsAMaintenancePageServedWithStatus200) {
  serve("/integrasi", 200,
        "<!DOCTYPE html><html><head><title>JDIH Kota Palembang</title></head>"
        "<body><h1>Mohon maaf, situs sedang dalam PEMELIHARAAN</h1></body></html>",
        "text/html");

  auto result = harvest({{"url", server_.url("/integrasi")}});

  ASSERT_FALSE(result);
  EXPECT_EQ(result.status().reason(), "maintenance-page");
  EXPECT_NE(result.status().message().find(server_.url("/integrasi")), std::string::npos);
  EXPECT_NE(result.status().message().find("pemeliharaan"), std::string::npos);
  EXPECT_NE(result.status().message().find("JDIH Kota Palembang"), std::string::npos);
  EXPECT_TRUE(sink_.records.empty());
}

TEST_F(JdihConnectorTest, reportsAMaintenancePageBehindAnErrorStatus) {
  serve("/integrasi", 500, "<html><body>Website under maintenance</body></html>", "text/html");

  auto result = harvest({{"url", server_.url("/integrasi")}});

  ASSERT_FALSE(result);
  EXPECT_EQ(result.status().reason(), "maintenance-page");
  EXPECT_NE(result.status().message().find("HTTP 500"), std::string::npos);
}

TEST_F(JdihConnectorTest, reportsInvalidPayloadForHtmlWithoutMaintenanceKeywords) {
  serve("/integrasi", 200, "<html><head><title>Beranda</title></head><body>Selamat datang</body></html>",
        "text/html");

  auto result = harvest({{"url", server_.url("/integrasi")}});

  ASSERT_FALSE(result);
  EXPECT_EQ(result.status().reason(), "invalid-payload");
  EXPECT_NE(result.status().message().find("HTML"), std::string::npos);
  EXPECT_NE(result.status().message().find(server_.url("/integrasi")), std::string::npos);
}

TEST_F(JdihConnectorTest, reportsTruncatedJsonWithItsPosition) {
  serve("/integrasi", 200, "[{\"idData\": \"1\"},\n {\"idData\": \"2\", \"judul\": \"Perda");

  auto result = harvest({{"url", server_.url("/integrasi")}});

  ASSERT_FALSE(result);
  EXPECT_EQ(result.status().reason(), "invalid-payload");
  EXPECT_NE(result.status().message().find(server_.url("/integrasi")), std::string::npos);
  EXPECT_NE(result.status().message().find("line 2, column"), std::string::npos) << result.status().message();
}

TEST_F(JdihConnectorTest, acceptsJsonServedWithAWrongContentTypeAndWarns) {
  serve("/integrasi", 200, R"([{"idData":"1"}])", "text/html; charset=UTF-8");

  auto result = harvest({{"url", server_.url("/integrasi")}});

  ASSERT_TRUE(result) << result.status().message();
  EXPECT_EQ(sink_.records.size(), 1u);
  const auto warnings = context_->logger_.at(LogLevel::Warn);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("text/html"), std::string::npos);
}

TEST_F(JdihConnectorTest, readsTextThatIsNotUtf8AsWindows1252AndWarns) {
  // A site on a Latin-1 database: "é" as the single byte E9, "’" as 92, next to real UTF-8.
  serve("/integrasi", 200,
        "[{\"idData\":\"1\",\"judul\":\"Perda Caf\xE9 \x92HAM\x92\",\"teuBadan\":\"Kota \xC3\xA9\",\"x\xE9\":\"1\"}]");

  auto result = harvest({{"url", server_.url("/integrasi")}});

  ASSERT_TRUE(result) << result.status().message();
  ASSERT_EQ(sink_.records.size(), 1u);
  const JsonValue payload = payloadOf(sink_.records[0]);
  EXPECT_EQ(str(payload, "title"), "Perda Caf\u00e9 \u2019HAM\u2019");
  EXPECT_EQ(str(payload, "issuing_body"), "Kota \u00e9");
  ASSERT_NE(payload.find("raw"), nullptr);
  EXPECT_NE(payload.find("raw")->find("x\u00e9"), nullptr);
  const auto warnings = context_->logger_.at(LogLevel::Warn);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("2 texts were not valid UTF-8 and read as Windows-1252"), std::string::npos) << warnings[0];
}

TEST_F(JdihConnectorTest, decodesTheHtmlCharacterReferencesACmsLeftInItsText) {
  serve("/integrasi", 200,
        R"([{"idData":"1","judul":"Pajak &amp; Retribusi &#8211; Perda &quot;HAM&quot;&nbsp;","teuBadan":"&nbsp;",)"
        R"("urlDownload":"https://jdih.example.go.id/unduh?id=1&amp;f=pdf","sumber":"Hotel & Restoran &bogus; &#0;",)"
        R"("subjek":"HAK ASASI MANUSIA &amp; DISABILITAS; ANAK"}])");

  auto result = harvest({{"url", server_.url("/integrasi")}});

  ASSERT_TRUE(result) << result.status().message();
  ASSERT_EQ(sink_.records.size(), 1u);
  const JsonValue payload = payloadOf(sink_.records[0]);
  EXPECT_EQ(str(payload, "title"), "Pajak & Retribusi \u2013 Perda \"HAM\"");
  EXPECT_TRUE(payload.find("issuing_body")->isNull());  // nothing but a non-breaking space
  EXPECT_EQ(str(payload, "file_url"), "https://jdih.example.go.id/unduh?id=1&f=pdf");
  EXPECT_EQ(str(payload, "source"), "Hotel & Restoran &bogus; &#0;");  // not references: as written
  ASSERT_NE(payload.find("subjects"), nullptr);
  EXPECT_EQ(toJson(*payload.find("subjects")), R"(["HAK ASASI MANUSIA & DISABILITAS","ANAK"])");
}

TEST_F(JdihConnectorTest, passesTheClientsTooLargeErrorThrough) {
  std::string feed = "[";
  for (int i = 0; i < 100; ++i) feed += (i > 0 ? "," : "") + generatedDocument(i, 50);
  feed += "]";
  serve("/integrasi", 200, feed);
  client_ = makeClient(4096);

  auto result = harvest({{"url", server_.url("/integrasi")}});

  ASSERT_FALSE(result);
  EXPECT_EQ(result.status().reason(), "too-large");
}

TEST_F(JdihConnectorTest, reportsSchemaDriftForJsonThatIsNotAListOfDocuments) {
  serve("/object", 200, R"({"status": "ok", "count": 0, "peraturan": [{"idData": "1"}]})");
  serve("/string", 200, R"("tidak ada data")");

  auto object = harvest({{"url", server_.url("/object")}});
  auto string = harvest({{"url", server_.url("/string")}});

  ASSERT_FALSE(object);
  EXPECT_EQ(object.status().reason(), "schema-drift");
  EXPECT_NE(object.status().message().find("status, count, peraturan; it starts '{\"status\": \"ok\""),
            std::string::npos)
      << object.status().message();
  ASSERT_FALSE(string);
  EXPECT_EQ(string.status().reason(), "schema-drift");
}

TEST_F(JdihConnectorTest, reportsSchemaDriftWhenNoDocumentHasIdData) {
  serve("/integrasi", 200, R"([{"id": "1", "judul": "a"}, {"id": "2", "judul": "b"}])");

  auto result = harvest({{"url", server_.url("/integrasi")}});

  ASSERT_FALSE(result);
  EXPECT_EQ(result.status().reason(), "schema-drift");
  EXPECT_NE(result.status().message().find("field idData is missing from every document"), std::string::npos);
  EXPECT_TRUE(sink_.rejects.empty());  // one verdict, not a rejection per document
}

// ---- Documents that cannot be used --------------------------------------------------------------

TEST_F(JdihConnectorTest, rejectsADocumentWithAnInvalidDateAndEmitsTheRest) {
  serve("/integrasi", 200, R"([
    {"idData": "1", "tanggal_pengundangan": "2021-01-05"},
    {"idData": "2", "tanggal_pengundangan": "2021-13-45"},
    {"idData": "3", "tanggal_penetapan": "31/02/2021"},
    {"idData": "4", "tanggal_pengundangan": "05/01/2021", "tanggal_penetapan": "2021"}
  ])");

  auto result = harvest({{"url", server_.url("/integrasi")}});

  ASSERT_TRUE(result) << result.status().message();
  ASSERT_EQ(sink_.records.size(), 2u);
  EXPECT_EQ(sink_.records[0].key, "1");
  EXPECT_EQ(sink_.records[1].key, "4");
  EXPECT_EQ(str(payloadOf(sink_.records[1]), "promulgated_on"), "2021-01-05");
  EXPECT_EQ(str(payloadOf(sink_.records[1]), "enacted_on"), "2021");
  ASSERT_EQ(sink_.rejects.size(), 2u);
  EXPECT_EQ(sink_.rejects[0],
            std::make_pair(std::string("2"),
                           std::string("tanggal_pengundangan '2021-13-45' is not a date (YYYY-MM-DD)")));
  EXPECT_EQ(sink_.rejects[1],
            std::make_pair(std::string("3"),
                           std::string("tanggal_penetapan '31/02/2021' is not a date (YYYY-MM-DD)")));
  EXPECT_EQ(result->completeKinds, std::vector<std::string>{"jdih.document"});
}

TEST_F(JdihConnectorTest, rejectsDocumentsWithoutIdDataWhenOthersHaveIt) {
  serve("/integrasi", 200, R"([{"judul": "no id"}, "stray", {"idData": "-"}, {"idData": "7"}, [1]])");

  auto result = harvest({{"url", server_.url("/integrasi")}});

  ASSERT_TRUE(result) << result.status().message();
  ASSERT_EQ(sink_.records.size(), 1u);
  ASSERT_EQ(sink_.rejects.size(), 4u);
  EXPECT_EQ(sink_.rejects[0].second, "document 1 has no idData");
  EXPECT_EQ(sink_.rejects[1].second, "item 2 is a string, not a document object");
  EXPECT_EQ(sink_.rejects[2].second, "document 3: idData is empty");
  EXPECT_EQ(sink_.rejects[3].second, "item 5 is an array, not a document object");
}

TEST_F(JdihConnectorTest, failsPastTheDocumentCapAndWhenCancelled) {
  serve("/integrasi", 200, R"([{"idData":"1"},{"idData":"2"},{"idData":"3"},{"idData":"4"}])");

  auto capped = harvest({{"url", server_.url("/integrasi")}, {"max_documents", 3}});
  sink_.onEmit = [this](const Record&) {
    context_->cancelled_ = true;
    return Status::ok();
  };
  auto cancelled = harvest({{"url", server_.url("/integrasi")}});

  ASSERT_FALSE(capped);
  EXPECT_EQ(capped.status().reason(), "too-large");
  EXPECT_NE(capped.status().message().find("max_documents"), std::string::npos);
  ASSERT_FALSE(cancelled);
  EXPECT_EQ(cancelled.status().reason(), "cancelled");
}

// ---- RSS and Atom ----------------------------------------------------------------------------------

TEST_F(JdihConnectorTest, harvestsRss2ItemsAsAnIncompleteListing) {
  serve("/rss", 200, R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>JDIH Kabupaten Musi Banyuasin</title>
    <item>
      <title>Peraturan Bupati Musi Banyuasin Nomor 12 Tahun 2024 tentang Pelayanan Publik</title>
      <link>https://jdih.example.go.id/dokumen/view?id=12&amp;jenis=perbup</link>
      <guid isPermaLink="false">perbup-12-2024</guid>
      <pubDate>Wed, 01 May 2024 10:00:00 +0700</pubDate>
      <description><![CDATA[<p>Tentang <b>pelayanan</b> publik</p>]]></description>
      <category>HAM</category>
      <category>Pelayanan Publik</category>
      <enclosure url="https://jdih.example.go.id/files/perbup-12-2024.pdf?a=1&amp;b=2" type="application/pdf" length="1"/>
    </item>
    <item>
      <title>Surat Edaran Sekda</title>
      <link>https://jdih.example.go.id/dokumen/13</link>
      <dc:date>2024-05-02</dc:date>
    </item>
  </channel>
</rss>)",
        "application/rss+xml");

  auto result = harvest({{"rss_url", server_.url("/rss")}});

  ASSERT_TRUE(result) << result.status().message();
  EXPECT_TRUE(result->completeKinds.empty());
  ASSERT_EQ(sink_.records.size(), 2u);
  const Record& first = sink_.records[0];
  EXPECT_EQ(first.kind, "jdih.document");
  EXPECT_EQ(first.key, "perbup-12-2024");
  EXPECT_EQ(first.url, "https://jdih.example.go.id/dokumen/view?id=12&jenis=perbup");
  EXPECT_EQ(first.period, "2024");
  const JsonValue p = payloadOf(first);
  EXPECT_EQ(str(p, "title"), "Peraturan Bupati Musi Banyuasin Nomor 12 Tahun 2024 tentang Pelayanan Publik");
  EXPECT_EQ(str(p, "jenis_short"), "Perbup");
  EXPECT_EQ(str(p, "number"), "12");
  EXPECT_EQ(str(p, "last_updated"), "2024-05-01");
  EXPECT_EQ(str(p, "abstract"), "Tentang pelayanan publik");
  EXPECT_EQ(str(p, "file_url"), "https://jdih.example.go.id/files/perbup-12-2024.pdf?a=1&b=2");
  EXPECT_EQ(toJson(*p.find("subjects")), R"(["HAM","Pelayanan Publik"])");
  EXPECT_EQ(str(*p.find("raw"), "pubDate"), "Wed, 01 May 2024 10:00:00 +0700");
  EXPECT_EQ(toJson(*p.find("raw")->find("category")), R"(["HAM","Pelayanan Publik"])");

  EXPECT_EQ(sink_.records[1].key, "https://jdih.example.go.id/dokumen/13");  // no guid: the link
  EXPECT_EQ(str(payloadOf(sink_.records[1]), "last_updated"), "2024-05-02");
  EXPECT_EQ(str(payloadOf(sink_.records[1]), "jenis_short"), "SE");
}

TEST_F(JdihConnectorTest, harvestsAtomEntries) {
  serve("/atom", 200, R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>JDIH Kota Lubuklinggau</title>
  <id>urn:jdih:lubuklinggau</id>
  <entry>
    <id>urn:jdih:lubuklinggau:perwal-7-2023</id>
    <title type="text">Peraturan Wali Kota Lubuklinggau Nomor 7 Tahun 2023</title>
    <link rel="alternate" href="https://jdih.example.go.id/perwal/7-2023"/>
    <link rel="enclosure" href="https://jdih.example.go.id/perwal/7-2023.pdf"/>
    <updated>2023-08-17T09:30:00+07:00</updated>
    <summary>Ringkasan</summary>
    <category term="Kesehatan"/>
  </entry>
</feed>)",
        "application/atom+xml");

  auto result = harvest({{"rss_url", server_.url("/atom")}});

  ASSERT_TRUE(result) << result.status().message();
  ASSERT_EQ(sink_.records.size(), 1u);
  EXPECT_EQ(sink_.records[0].key, "urn:jdih:lubuklinggau:perwal-7-2023");
  EXPECT_EQ(sink_.records[0].url, "https://jdih.example.go.id/perwal/7-2023");
  EXPECT_EQ(sink_.records[0].period, "2023");
  const JsonValue p = payloadOf(sink_.records[0]);
  EXPECT_EQ(str(p, "jenis"), "Peraturan Wali Kota");
  EXPECT_EQ(str(p, "jenis_short"), "Perwal");
  EXPECT_EQ(str(p, "last_updated"), "2023-08-17");
  EXPECT_EQ(str(p, "abstract"), "Ringkasan");
  EXPECT_EQ(str(p, "file_url"), "https://jdih.example.go.id/perwal/7-2023.pdf");
  EXPECT_EQ(toJson(*p.find("subjects")), R"(["Kesehatan"])");
}

TEST_F(JdihConnectorTest, readsALatin1RssFeedWhateverTheChunking) {
  const std::string feed =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\"><channel>"
      "<item><guid>a</guid><title>Caf\xE9 &amp; Perda</title></item>"
      "<item><guid>b</guid><title>Kedua</title></item></channel></rss>";
  const std::vector<std::string> keywords;
  std::vector<FeedItem> items;
  RssFeedBody body("http://127.0.0.1/rss", keywords, [&](FeedItem&& item) {
    items.push_back(std::move(item));
    return Status::ok();
  });

  for (std::size_t at = 0; at < feed.size(); at += 5) {
    ASSERT_TRUE(body.consume(std::string_view(feed).substr(at, 5)));
  }
  const Status finished = body.finish(false);

  ASSERT_TRUE(finished) << finished.message();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].title, "Caf\xC3\xA9 & Perda");  // converted to UTF-8, &amp; decoded
  EXPECT_EQ(items[1].guid, "b");
}

TEST_F(JdihConnectorTest, readsRssAsCmsTemplatesWriteIt) {
  // Newlines before the declaration (PHP), HTML's named characters in text and attributes, and an
  // unknown name, which stays an error.
  const std::string feed =
      "\n\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>JDIH&nbsp;Kota</title>"
      "<item><guid>a</guid><title>Perda&nbsp;HAM &copy; 2019 &ndash; &eacute;&hellip;</title>"
      "<link>https://jdih.example.go.id/?a=1&amp;b=&lsquo;2&rsquo;</link></item>"
      "<item><guid>b</guid><title x=\"&nbsp;\">Kedua</title></item></channel></rss>";
  const std::vector<std::string> keywords;
  for (std::size_t chunk : {std::size_t{3}, feed.size()}) {
    std::vector<FeedItem> items;
    RssFeedBody body("http://127.0.0.1/rss", keywords, [&](FeedItem&& item) {
      items.push_back(std::move(item));
      return Status::ok();
    });
    for (std::size_t at = 0; at < feed.size(); at += chunk) {
      ASSERT_TRUE(body.consume(std::string_view(feed).substr(at, chunk)));
    }
    const Status finished = body.finish(false);
    ASSERT_TRUE(finished) << finished.message();
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].title, "Perda\u00a0HAM \u00a9 2019 \u2013 \u00e9\u2026");
    EXPECT_EQ(items[0].link, "https://jdih.example.go.id/?a=1&b=\u20182\u2019");
    EXPECT_EQ(items[1].title, "Kedua");
  }

  std::vector<FeedItem> none;
  RssFeedBody unknown("http://127.0.0.1/rss", keywords, [&](FeedItem&& item) {
    none.push_back(std::move(item));
    return Status::ok();
  });
  const std::string bad = "<rss version=\"2.0\"><channel><item><title>&bogus;</title></item></channel></rss>";
  Status status = unknown.consume(bad);
  if (status) status = unknown.finish(false);
  EXPECT_EQ(status.reason(), "invalid-payload");
  EXPECT_NE(status.message().find("Entity 'bogus' not defined"), std::string::npos) << status.message();
}

TEST_F(JdihConnectorTest, readsRssThatSaysUtf8ButIsNotWhateverTheChunking) {
  // Latin-1 bytes (E9, 92) next to real UTF-8 (C3 A9, E2 80 94) that a chunk boundary may split.
  const std::string feed =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>"
      "<item><guid>a</guid><title>Caf\xE9 \xC3\xA9\xE2\x80\x94 \x92HAM\x92</title></item></channel></rss>\xE9";
  const std::vector<std::string> keywords;
  for (std::size_t chunk = 1; chunk <= 7; ++chunk) {
    std::vector<FeedItem> items;
    RssFeedBody body("http://127.0.0.1/rss", keywords, [&](FeedItem&& item) {
      items.push_back(std::move(item));
      return Status::ok();
    });
    for (std::size_t at = 0; at < feed.size(); at += chunk) {
      ASSERT_TRUE(body.consume(std::string_view(feed).substr(at, chunk))) << chunk;
    }
    const Status finished = body.finish(false);
    // The stray byte after the root element is still content after the document: an error.
    EXPECT_FALSE(finished) << chunk;
    ASSERT_EQ(items.size(), 1u) << chunk;
    EXPECT_EQ(items[0].title, "Caf\u00e9 \u00e9\u2014 \u2019HAM\u2019") << chunk;
    EXPECT_TRUE(body.repairedEncoding());
  }

  // Through the connector: stored, with a warning that names the fix.
  serve("/rss", 200, feed.substr(0, feed.size() - 1), "application/rss+xml");
  auto result = harvest({{"rss_url", server_.url("/rss")}});
  ASSERT_TRUE(result) << result.status().message();
  ASSERT_EQ(sink_.records.size(), 1u);
  EXPECT_EQ(str(payloadOf(sink_.records[0]), "title"), "Caf\u00e9 \u00e9\u2014 \u2019HAM\u2019");
  const auto warnings = context_->logger_.at(LogLevel::Warn);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("not valid UTF-8"), std::string::npos) << warnings[0];
}

TEST_F(JdihConnectorTest, reportsAMaintenancePageAtTheRssUrl) {
  serve("/rss", 200, "<!DOCTYPE html>\n<html><body><p>Sedang dalam perbaikan</p></body></html>", "text/html");

  auto result = harvest({{"rss_url", server_.url("/rss")}});

  ASSERT_FALSE(result);
  EXPECT_EQ(result.status().reason(), "maintenance-page");
}

TEST_F(JdihConnectorTest, refusesABillionLaughsDocumentQuickly) {
  std::string doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    doc += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) doc += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    doc += "\">\n";
  }
  doc += "]>\n<rss version=\"2.0\"><channel><item><title>&lol9;</title><guid>1</guid></item></channel></rss>";
  serve("/rss", 200, doc, "application/rss+xml");
  const std::int64_t before = residentKb();

  auto result = harvest({{"rss_url", server_.url("/rss")}});

  ASSERT_FALSE(result);
  EXPECT_EQ(result.status().reason(), "invalid-payload");
  EXPECT_NE(result.status().message().find("declares the entity 'lol'"), std::string::npos)
      << result.status().message();
  EXPECT_TRUE(sink_.records.empty());
  EXPECT_LT(residentKb() - before, 16 * 1024);
}

TEST_F(JdihConnectorTest, refusesExternalEntitiesWithoutOpeningThem) {
  server_.route("/xxe.dtd", [](Request&, Response& response) {
    TestHttpServer::sendText(response, 200, "<!ENTITY leak \"leaked\">", "application/xml-dtd");
  });
  serve("/file", 200,
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
        "<rss version=\"2.0\"><channel><item><guid>1</guid><title>&xxe;</title></item></channel></rss>",
        "application/rss+xml");
  serve("/net", 200,
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY % remote SYSTEM \"" + server_.url("/xxe.dtd") +
            "\"> %remote;]>\n<rss version=\"2.0\"><channel><item><guid>1</guid><title>&leak;</title></item>"
            "</channel></rss>",
        "application/rss+xml");
  serve("/dtd", 200,
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"" + server_.url("/xxe.dtd") +
            "\">\n<rss "
            "version=\"2.0\"><channel><item><guid>1</guid><title>&leak;</title></item></channel></rss>",
        "application/rss+xml");

  auto file = harvest({{"rss_url", server_.url("/file")}});
  auto net = harvest({{"rss_url", server_.url("/net")}});
  auto dtd = harvest({{"rss_url", server_.url("/dtd")}});

  ASSERT_FALSE(file);
  EXPECT_EQ(file.status().reason(), "invalid-payload");
  EXPECT_NE(file.status().message().find("declares the entity 'xxe'"), std::string::npos);
  ASSERT_FALSE(net);
  EXPECT_EQ(net.status().reason(), "invalid-payload");
  // An external DTD is never fetched either: &leak; stays undeclared, and the item is not emitted
  // with the DTD's text.
  for (const auto& record : sink_.records) {
    EXPECT_EQ(record.payload.find("root:"), std::string::npos);
    EXPECT_EQ(record.payload.find("leaked"), std::string::npos);
  }
  // A DOCTYPE naming an external DTD (as RSS 0.91 feeds do) is fine, but the DTD is never
  // fetched: &leak; stays undeclared and the title empty.
  ASSERT_TRUE(dtd) << dtd.status().message();
  ASSERT_EQ(sink_.records.size(), 1u);
  EXPECT_TRUE(isNull(payloadOf(sink_.records[0]), "title"));
  EXPECT_EQ(server_.hits("/xxe.dtd"), 0);
}

// ---- Limits ------------------------------------------------------------------------------------

TEST_F(JdihConnectorTest, refusesDeeplyNestedJsonAndXml) {
  serve("/json", 200, std::string(100000, '[') + std::string(100000, ']'));
  std::string xml = "<rss><channel>";
  for (int i = 0; i < 5000; ++i) xml += "<a>";
  for (int i = 0; i < 5000; ++i) xml += "</a>";
  xml += "</channel></rss>";
  serve("/xml", 200, xml, "application/rss+xml");

  auto json = harvest({{"url", server_.url("/json")}});
  auto rss = harvest({{"rss_url", server_.url("/xml")}});

  ASSERT_FALSE(json);
  EXPECT_EQ(json.status().reason(), "invalid-payload");
  EXPECT_NE(json.status().message().find("nesting deeper than 64"), std::string::npos)
      << json.status().message();
  ASSERT_FALSE(rss);
  EXPECT_EQ(rss.status().reason(), "invalid-payload");
  EXPECT_NE(rss.status().message().find("deeper than 64"), std::string::npos) << rss.status().message();
}

TEST_F(JdihConnectorTest, streamsA50MegabyteFeedInBoundedMemory) {
  constexpr int kDocuments = 100000;
  constexpr std::size_t kPadding = 300;
  std::atomic<std::uint64_t> bytesSent{0};
  server_.route("/besar", [&](Request&, Response& response) {
    response.setContentType("application/json");
    response.setChunkedTransferEncoding(true);
    std::ostream& out = response.send();
    out << '[';
    for (int i = 0; i < kDocuments && out; ++i) {
      const std::string document = (i > 0 ? ",\n" : "") + generatedDocument(i, kPadding);
      out << document;
      bytesSent += document.size();
    }
    out << ']';
  });
  sink_.keepRecords = false;
  const std::int64_t baseline = residentKb();
  std::int64_t peak = baseline;
  sink_.onEmit = [&](const Record&) {
    if (sink_.emitted % 1000 == 0) peak = std::max(peak, residentKb());
    return Status::ok();
  };

  auto result = harvest({{"url", server_.url("/besar")}});

  ASSERT_TRUE(result) << result.status().message();
  EXPECT_EQ(sink_.emitted, static_cast<std::size_t>(kDocuments));
  EXPECT_GT(bytesSent.load(), 50u * 1000 * 1000);
  EXPECT_TRUE(sink_.checkpoints.empty());
  // Holding the body (or a DOM of it) would cost well over 50 MB; streaming costs one document.
  // AddressSanitizer quarantines freed memory, so resident size says nothing in such a build.
#if !defined(__SANITIZE_ADDRESS__)
  EXPECT_LT(peak - baseline, 24 * 1024) << "resident memory grew by " << (peak - baseline) << " KiB";
#endif
}

// Stored content hashes are taken over these bytes: a change to them makes every stored document
// count as updated on the next harvest. Change them only on purpose.
TEST_F(JdihConnectorTest, writesTheSamePayloadBytesAsEveryEarlierVersion) {
  auto item = parseJson(
      R"({"idData": 7, "tahun_pengundangan": "2022", "tanggal_pengundangan": "2022-07-01 00:00:00",
          "tanggal_penetapan": "-", "jenis": "Peraturan Daerah", "noPeraturan": 5,
          "judul": "  Perda \"Disabilitas\"\n ", "status": "Berlaku", "teuBadan": "Kota Lubuklinggau",
          "subjek": "HAM; Disabilitas / HAM", "bahasa": null, "urlDownload": "http://x/a.pdf",
          "lampiran": [{"nama": "a.pdf"}], "operasi": 4, "nomorIndukBuku": "-"})");
  ASSERT_TRUE(item.isOk());
  EXPECT_EQ(jdih::normaliseDocument(*item, *item).record.payload,
            R"({"id_data":"7","document_type":"peraturan","jenis":"Peraturan Daerah","jenis_short":"Perda",)"
            R"("number":"5","year":2022,"title":"Perda \"Disabilitas\"","enacted_on":null,)"
            R"("promulgated_on":"2022-07-01","status":"berlaku","status_original":"Berlaku",)"
            R"("issuing_body":"Kota Lubuklinggau","subjects":["HAM","Disabilitas"],"language":null,)"
            R"("legal_field":null,"place":null,"publisher":null,"source":null,"call_number":null,"isbn":null,)"
            R"("physical_description":null,"file_name":null,"file_url":"http://x/a.pdf","detail_url":null,)"
            R"("abstract":null,"abstract_url":null,"last_updated":null,)"
            R"("raw":{"lampiran":[{"nama":"a.pdf"}],"nomorIndukBuku":"-","tanggal_pengundangan":"2022-07-01 00:00:00"}})");
}

TEST_F(JdihConnectorTest, handsOutEachItemWithOnlyItsOwnMembersThoughTheirStorageIsReused) {
  // Items of different shapes one after another: longer, shorter, nested, not an object.
  const std::string feed =
      R"([{"idData": "1", "judul": "Peraturan Daerah yang cukup panjang", "lampiran": {"a": ["x"]}, "z": "zz"},)"
      R"( {"idData": 2, "judul": 5},)"
      R"( "not a document",)"
      R"( {"judul": null, "idData": "3", "lampiran": [1, {"b": "c"}]}])";
  const std::vector<std::string> keywords;
  std::vector<std::string> seen;
  JsonFeedBody body("http://127.0.0.1/feed", keywords, [&](const JsonValue& item, bool) {
    seen.push_back(toJson(item));
    return Status::ok();
  });
  for (std::size_t at = 0; at < feed.size(); at += 5) ASSERT_TRUE(body.consume(std::string_view(feed).substr(at, 5)));
  ASSERT_TRUE(body.finish(false));
  EXPECT_EQ(seen, (std::vector<std::string>{
                      R"({"idData":"1","judul":"Peraturan Daerah yang cukup panjang","lampiran":{"a":["x"]},"z":"zz"})",
                      R"({"idData":2,"judul":5})", R"("not a document")",
                      R"({"judul":null,"idData":"3","lampiran":[1,{"b":"c"}]})"}));
}

TEST_F(JdihConnectorTest, holdsOneDocumentAtATimeWhateverTheChunking) {
  std::string feed = "[";
  for (int i = 0; i < 2000; ++i) feed += (i > 0 ? "," : "") + generatedDocument(i, 300);
  feed += "]";
  const std::vector<std::string> keywords;
  std::size_t items = 0;
  JsonFeedBody body("http://127.0.0.1/feed", keywords, [&](const JsonValue&, bool) {
    ++items;
    return Status::ok();
  });

  for (std::size_t at = 0; at < feed.size(); at += 7) {
    ASSERT_TRUE(body.consume(std::string_view(feed).substr(at, 7)));
  }
  ASSERT_TRUE(body.finish(false));

  EXPECT_EQ(items, 2000u);
  EXPECT_LT(body.largestItemBytes(), 2048u);
}

// ---- check() -----------------------------------------------------------------------------------

TEST_F(JdihConnectorTest, checkReadsOnlyTheStartOfALargeFeed) {
  std::atomic<bool> finished{false};
  server_.route("/besar", [&](Request&, Response& response) {
    response.setContentType("application/json");
    response.setChunkedTransferEncoding(true);
    std::ostream& out = response.send();
    out << '[';
    for (int i = 0; i < 200000 && out; ++i) out << (i > 0 ? "," : "") << generatedDocument(i, 300);
    out << ']';
    out.flush();
    finished = static_cast<bool>(out);
  });

  Status status = check({{"url", server_.url("/besar")}});

  EXPECT_TRUE(status) << status.message();
  EXPECT_EQ(server_.hits("/besar"), 1);
  EXPECT_FALSE(finished);  // the connection was closed long before 70 MB were sent
}

TEST_F(JdihConnectorTest, checkClassifiesMaintenanceAndDrift) {
  serve("/page", 200, "<html><title>JDIH</title><body>Under maintenance</body></html>", "text/html");
  server_.route("/down", [](Request&, Response& response) {
    response.set("Retry-After", "3600");
    TestHttpServer::sendText(response, 503, "Service Unavailable");
  });
  serve("/drift", 200, R"([{"id": 1}, {"id": 2}])");
  serve("/empty", 200, "0 results", "text/plain");
  serve("/rss", 200, "<rss version=\"2.0\"><channel><title>x</title></channel></rss>", "application/rss+xml");

  EXPECT_EQ(check({{"url", server_.url("/page")}}).reason(), "maintenance-page");
  const Status down = check({{"url", server_.url("/down")}});
  EXPECT_EQ(down.reason(), "maintenance-status");
  EXPECT_NE(down.message().find("Retry-After: 3600"), std::string::npos);
  EXPECT_EQ(check({{"url", server_.url("/drift")}}).reason(), "schema-drift");
  EXPECT_TRUE(check({{"url", server_.url("/empty")}}));
  EXPECT_TRUE(check({{"rss_url", server_.url("/rss")}}));
  EXPECT_EQ(check({{"url", "http://127.0.0.1:" + std::to_string(test::closedPort()) + "/x"}}).reason(),
            "connect-refused");
}

// ---- The small vocabularies ------------------------------------------------------------------------

TEST_F(JdihConnectorTest, readsDatesTheWaySitesWriteThem) {
  const std::vector<std::pair<std::string, std::string>> valid = {
      {"2021-03-04", "2021-03-04"},
      {" 2021-3-4 ", "2021-03-04"},
      {"2021-03-04 10:11:12", "2021-03-04"},
      {"2021-03-04T10:11:12+07:00", "2021-03-04"},
      {"04-03-2021", "2021-03-04"},
      {"4/3/2021", "2021-03-04"},
      {"04.03.2021", "2021-03-04"},
      {"2024-02-29", "2024-02-29"},
      {"5 Mei 2021", "2021-05-05"},
      {"17 Agustus 1945", "1945-08-17"},
      {"Wed, 05 May 2021 10:00:00 +0700", "2021-05-05"},
      {"2021", "2021"},
      {"2021/03/04", "2021-03-04"}};
  for (const auto& [text, iso] : valid) {
    const ParsedDate date = parseDate(text);
    EXPECT_TRUE(date.valid()) << text;
    EXPECT_EQ(date.iso, iso) << text;
  }
  for (const char* empty : {"", "-", " ", "0000-00-00", "0000-00-00 00:00:00"}) {
    EXPECT_EQ(parseDate(empty).state, ParsedDate::State::Empty) << empty;
  }
  for (const char* invalid : {"2021-13-45", "2023-02-29", "31/02/2021", "20211", "0201", "2021-03", "kemarin",
                              "2021-03-04x", "32 Mei 2021", "5 Maybe 2021"}) {
    EXPECT_TRUE(parseDate(invalid).invalid()) << invalid;
  }
}

TEST_F(JdihConnectorTest, normalisesStatusJenisAndDocumentType) {
  EXPECT_EQ(normaliseStatus("Berlaku"), "berlaku");
  EXPECT_EQ(normaliseStatus(" Masih  Berlaku "), "berlaku");
  EXPECT_EQ(normaliseStatus("TIDAK BERLAKU"), "tidak berlaku");
  EXPECT_EQ(normaliseStatus("Dicabut"), "dicabut");
  EXPECT_EQ(normaliseStatus("Mengubah"), "mengubah");
  EXPECT_EQ(normaliseStatus("Diubah"), "diubah");
  EXPECT_EQ(normaliseStatus("Berlaku Sebagian"), "berlaku sebagian");  // unknown: kept, lower-cased
  EXPECT_EQ(normaliseStatus("-"), "");

  EXPECT_EQ(shortJenis("Peraturan Daerah Kabupaten Banyuasin"), "Perda");
  EXPECT_EQ(shortJenis("Peraturan Walikota"), "Perwal");
  EXPECT_EQ(shortJenis("Peraturan Wali Kota"), "Perwal");
  EXPECT_EQ(shortJenis("Keputusan Bupati"), "Kepbup");
  EXPECT_EQ(shortJenis("perwali"), "Perwali");
  EXPECT_EQ(shortJenis("Peraturan Pemerintah Pengganti Undang-Undang"), "Perppu");
  EXPECT_EQ(shortJenis("Naskah Akademik"), "");

  EXPECT_EQ(documentType("", "Peraturan Bupati"), "peraturan");
  EXPECT_EQ(documentType("", "Perwali"), "peraturan");
  EXPECT_EQ(documentType("Monografi Hukum", "Buku"), "monografi");
  EXPECT_EQ(documentType("", "Putusan Pengadilan Negeri"), "putusan");
  EXPECT_EQ(documentType("artikel", ""), "artikel");
  EXPECT_EQ(documentType("", "Naskah Akademik"), "");
}

// ---- configure() and the built plugin -------------------------------------------------------------

TEST_F(JdihConnectorTest, refusesOptionsThatMakeNoSense) {
  const auto reason = [this](const std::map<std::string, JsonValue>& values) {
    return connector_.configure(optionsWith(values)).reason();
  };
  EXPECT_EQ(reason({}), "invalid-option");
  EXPECT_EQ(reason({{"url", "ftp://jdih.example.go.id/feed"}}), "invalid-option");
  EXPECT_EQ(reason({{"url", "https://jdih.example.go.id/feed"}, {"password", "x"}}), "invalid-option");
  EXPECT_EQ(reason({{"url", "https://jdih.example.go.id/feed"}, {"page_size", -1}}), "invalid-option");
  EXPECT_EQ(reason({{"rss_url", "https://jdih.example.go.id/rss"}, {"page_size", 10}}), "invalid-option");
  EXPECT_TRUE(connector_.configure(optionsWith({{"url", "https://jdih.example.go.id/feed"}})));
}

TEST_F(JdihConnectorTest, loadsTheBuiltPluginAndReadsItsManifest) {
  boost::dll::shared_library library(JDIH_PLUGIN_FILE,
                                     boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  ASSERT_TRUE(library.has("hamhub_manifest"));
  ASSERT_TRUE(library.has("hamhub_create"));
  const auto& manifest = library.get_alias<const PluginManifest>("hamhub_manifest");

  EXPECT_STREQ(manifest.name, "jdih");
  EXPECT_EQ(manifest.kind, PluginKind::Connector);
  EXPECT_EQ(manifest.layout, kManifestLayout);
  EXPECT_EQ(manifest.apiMajor, static_cast<std::uint32_t>(HAMHUB_API_MAJOR));
  EXPECT_STREQ(manifest.abiTag, HAMHUB_ABI_TAG);
  ASSERT_EQ(manifest.optionCount, kOptionCount);
  EXPECT_STREQ(manifest.options[0].name, "url");
  bool passwordIsSecret = false;
  for (std::size_t i = 0; i < manifest.optionCount; ++i) {
    if (std::string(manifest.options[i].name) == "password") passwordIsSecret = manifest.options[i].secret;
  }
  EXPECT_TRUE(passwordIsSecret);

  auto& create = library.get_alias<Plugin*()>("hamhub_create");
  std::unique_ptr<Connector> connector(static_cast<Connector*>(create()));
  ASSERT_NE(connector, nullptr);
  EXPECT_EQ(connector->configure(optionsWith({})).reason(), "invalid-option");
  EXPECT_TRUE(connector->configure(optionsWith({{"url", server_.url("/x")}})));
  connector.reset();  // before the library unloads
}

}  // namespace
}  // namespace hamhub::jdih

// The opd connector's rest mode against a real HTTP server on 127.0.0.1: JSON pointers, the
// three kinds of paging, the incremental cursor, and what a bad answer does.

#include <gtest/gtest.h>

#include <Poco/Net/HTMLForm.h>

#include "opd_test_support.h"
#include "support/test_http_server.h"

namespace hamhub::opd {
namespace {

using hamhub::test::TestHttpServer;
using test::ConnectorDriver;
using test::payloadOf;

// A service listing of 7 items behind /data/items, paged by `page`/`limit` or `offset`/`limit`,
// with a next link at /links/next for the link-paged route.
std::string listing(int from, int to, const std::string& next = "") {
  std::string items;
  for (int i = from; i < to; ++i) {
    items += (items.empty() ? "" : ",") + std::string("{\"id\":") + std::to_string(i) +
             ",\"wilayah\":{\"kode\":\"" + (i % 2 == 0 ? "16.71" : "Pagaralam") + "\"},\"tahun\":\"2024\"," +
             "\"opd\":\"Disdukcapil\",\"nilai\":{\"jumlah\":" + std::to_string(i * 3) + ",\"rata\":1.5}," +
             "\"diubah\":\"2024-02-0" + std::to_string(i) + "\"}";
  }
  std::string doc = "{\"meta\":{\"total\":7},\"data\":{\"items\":[" + items + "]}";
  if (!next.empty()) doc += ",\"links\":{\"next\":" + next + "}";
  return doc + "}";
}

class OpdRestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.route("/page", [](TestHttpServer::Request& request, TestHttpServer::Response& response) {
      Poco::Net::HTMLForm form(request);
      const int page = std::stoi(form.get("page", "1"));
      const int limit = std::stoi(form.get("limit", "100"));
      const int from = 1 + (page - 1) * limit;
      TestHttpServer::sendText(response, 200, listing(from, std::min(from + limit, 8)), "application/json");
    });
    server_.route("/offset", [](TestHttpServer::Request& request, TestHttpServer::Response& response) {
      Poco::Net::HTMLForm form(request);
      const int from = 1 + std::stoi(form.get("offset", "0"));
      TestHttpServer::sendText(response, 200, listing(from, std::min(from + std::stoi(form.get("limit")), 8)),
                               "application/json");
    });
    server_.route("/linked", [](TestHttpServer::Request& request, TestHttpServer::Response& response) {
      Poco::Net::HTMLForm form(request);
      const int part = std::stoi(form.get("part", "0"));
      const std::string next = part < 2 ? "\"/linked?part=" + std::to_string(part + 1) + "\"" : "null";
      TestHttpServer::sendText(response, 200, listing(1 + part * 3, std::min(4 + part * 3, 8), next), "application/json");
    });
    server_.route("/since", [this](TestHttpServer::Request& request, TestHttpServer::Response& response) {
      Poco::Net::HTMLForm form(request);
      lastSince_ = form.get("updated_since", "");
      const int from = lastSince_.empty() ? 1 : 1 + std::stoi(lastSince_.substr(9));
      TestHttpServer::sendText(response, 200, listing(from, 6), "application/json");
    });
  }

  std::map<std::string, JsonValue> options(const std::string& path) {
    JsonValue::Object fields{{"key", "/id"},           {"subject", "/wilayah/kode"}, {"period", "/tahun"},
                             {"unit", "/opd"},         {"jumlah", "/nilai/jumlah"},  {"rata", "/nilai/rata"},
                             {"diubah", "/diubah"},    {"absent", "/nilai/tidak_ada"}};
    return {{"mode", "rest"}, {"url", server_.url(path)}, {"items_pointer", "/data/items"}, {"fields", fields}};
  }

  TestHttpServer server_;
  ConnectorDriver driver_;
  std::string lastSince_;
};

TEST_F(OpdRestTest, mapsItemsThroughJsonPointersIntoRecords) {
  auto opts = options("/page");
  auto result = driver_.harvest(opts);
  ASSERT_TRUE(result) << result.status().message();
  ASSERT_EQ(driver_.sink.records.size(), 7u);  // paging none: the first page has everything
  const Record& first = driver_.sink.records[0];
  EXPECT_EQ(first.key, "1");
  EXPECT_EQ(first.subject, "16.72");  // "Pagaralam" through the catalogue's aliases
  EXPECT_EQ(first.period, "2024");
  EXPECT_EQ(driver_.sink.records[1].subject, "16.71");
  const JsonValue payload = payloadOf(first);
  EXPECT_EQ(payload.find("unit")->asString(), "Disdukcapil");
  EXPECT_EQ(payload.find("jumlah")->asInt(), 3);
  EXPECT_DOUBLE_EQ(payload.find("rata")->asNumber(), 1.5);
  EXPECT_TRUE(payload.find("absent")->isNull());
  EXPECT_EQ(result->completeKinds, std::vector<std::string>{"opd.row"});
}

TEST_F(OpdRestTest, readsTextThatIsNotUtf8AsWindows1252AndSaysSo) {
  server_.route("/latin1", [](TestHttpServer::Request&, TestHttpServer::Response& response) {
    TestHttpServer::sendText(response, 200,
                             "{\"data\":{\"items\":[{\"id\":1,\"wilayah\":{\"kode\":\"16.71\"},\"tahun\":\"2024\","
                             "\"opd\":\"Dinas Pendidikan \x96 Bidang Caf\xE9\"}]}}",
                             "application/json");
  });
  auto result = driver_.harvest(options("/latin1"));
  ASSERT_TRUE(result) << result.status().message();
  ASSERT_EQ(driver_.sink.records.size(), 1u);
  EXPECT_EQ(payloadOf(driver_.sink.records[0]).find("unit")->asString(), "Dinas Pendidikan \u2013 Bidang Caf\u00e9");
  bool warned = false;
  for (const auto& line : driver_.logged()) warned = warned || line.find("1 text was not valid UTF-8") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST_F(OpdRestTest, pagesByPageNumberOffsetAndNextLinkUntilAnEmptyPage) {
  auto byPage = options("/page");
  byPage["paging"] = "page";
  byPage["page_size"] = 3;
  ASSERT_TRUE(driver_.harvest(byPage));
  EXPECT_EQ(driver_.sink.records.size(), 7u);
  EXPECT_EQ(server_.hits("/page"), 4);  // 3 + 3 + 1, then the empty page

  ConnectorDriver byOffset;
  auto offset = options("/offset");
  offset["paging"] = "offset";
  offset["page_size"] = 2;
  ASSERT_TRUE(byOffset.harvest(offset));
  EXPECT_EQ(byOffset.sink.records.size(), 7u);

  ConnectorDriver linked;
  auto next = options("/linked");
  next["paging"] = "next";
  next["next_pointer"] = "/links/next";
  auto result = linked.harvest(next);
  ASSERT_TRUE(result) << result.status().message();
  EXPECT_EQ(linked.sink.records.size(), 7u);
  EXPECT_EQ(server_.hits("/linked"), 3);
}

TEST_F(OpdRestTest, aServerIgnoringThePageParameterFailsInsteadOfLooping) {
  server_.route("/same", [](TestHttpServer::Request&, TestHttpServer::Response& response) {
    TestHttpServer::sendText(response, 200, listing(1, 4), "application/json");
  });
  auto opts = options("/same");
  opts["paging"] = "page";
  auto result = driver_.harvest(opts);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.status().reason(), "schema-drift");
  EXPECT_EQ(server_.hits("/same"), 2);
}

TEST_F(OpdRestTest, theCursorFieldsMaximumGoesOutAsTheCursorParameter) {
  auto opts = options("/since");
  opts["cursor_field"] = "diubah";
  opts["cursor_param"] = "updated_since";
  auto first = driver_.harvest(opts);
  ASSERT_TRUE(first) << first.status().message();
  EXPECT_EQ(driver_.sink.records.size(), 5u);
  EXPECT_EQ(lastSince_, "");
  EXPECT_EQ(first->next, R"({"cursor":"2024-02-05"})");
  EXPECT_TRUE(first->completeKinds.empty());
  ConnectorDriver again;
  auto second = again.harvest(opts, first->next);
  ASSERT_TRUE(second) << second.status().message();
  EXPECT_EQ(lastSince_, "2024-02-05");
  EXPECT_TRUE(again.sink.records.empty());
  EXPECT_EQ(second->next, first->next);
}

TEST_F(OpdRestTest, aPointerThatFindsNoArrayIsSchemaDriftNamingWhatIsThere) {
  auto missing = options("/page");
  missing["items_pointer"] = "/data/rows";
  auto result = driver_.harvest(missing);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.status().reason(), "schema-drift");
  EXPECT_NE(result.status().message().find("/data/rows"), std::string::npos) << result.status().message();
  EXPECT_NE(result.status().message().find("meta, data"), std::string::npos) << result.status().message();

  ConnectorDriver notArray;
  auto object = options("/page");
  object["items_pointer"] = "/meta";
  auto second = notArray.harvest(object);
  ASSERT_FALSE(second);
  EXPECT_NE(second.status().message().find("object, not an array"), std::string::npos) << second.status().message();
}

TEST_F(OpdRestTest, badPointerSyntaxIsAnOptionError) {
  auto opts = options("/page");
  opts["items_pointer"] = "data/items";
  auto result = driver_.harvest(opts);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.status().reason(), "invalid-option");
  opts["items_pointer"] = "/data/~2";
  EXPECT_FALSE(driver_.harvest(opts));
}

TEST_F(OpdRestTest, anItemWithoutItsKeyIsABadRow) {
  server_.route("/nokey", [](TestHttpServer::Request&, TestHttpServer::Response& response) {
    TestHttpServer::sendText(response, 200, R"({"data":{"items":[{"id":1,"tahun":"2024"},{"tahun":"2024"}]}})",
                             "application/json");
  });
  auto opts = options("/nokey");
  opts["fields"] = JsonValue(JsonValue::Object{{"key", "/id"}, {"period", "/tahun"}});
  auto rejected = driver_.harvest(opts);
  ASSERT_FALSE(rejected);
  EXPECT_NE(rejected.status().message().find("page 1, item 2"), std::string::npos) << rejected.status().message();
  ConnectorDriver skipping;
  opts["on_bad_row"] = "skip";
  ASSERT_TRUE(skipping.harvest(opts));
  EXPECT_EQ(skipping.sink.records.size(), 1u);
  EXPECT_EQ(skipping.sink.rejects.size(), 1u);
}

TEST_F(OpdRestTest, htmlInsteadOfJsonFailsQuotingThePage) {
  server_.route("/html", [](TestHttpServer::Request&, TestHttpServer::Response& response) {
    TestHttpServer::sendText(response, 200, "<!DOCTYPE html><html><title>Login SIAK</title></html>", "text/html");
  });
  auto result = driver_.harvest(options("/html"));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.status().reason(), "invalid-payload");
  EXPECT_NE(result.status().message().find("HTML"), std::string::npos);
  EXPECT_NE(result.status().message().find("Login SIAK"), std::string::npos);
}

TEST_F(OpdRestTest, truncatedJsonAndHttpErrorsFailTheRun) {
  server_.route("/cut", [](TestHttpServer::Request&, TestHttpServer::Response& response) {
    TestHttpServer::sendText(response, 200, R"({"data":{"items":[{"id":1},)", "application/json");
  });
  server_.route("/down", [](TestHttpServer::Request&, TestHttpServer::Response& response) {
    TestHttpServer::sendText(response, 503, "busy");
  });
  auto cutOptions = options("/cut");
  cutOptions["on_bad_row"] = "skip";  // the one whole item has no subject; the cut is the point
  auto cut = driver_.harvest(cutOptions);
  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.status().reason(), "invalid-payload");
  auto down = driver_.harvest(options("/down"));
  ASSERT_FALSE(down);
  EXPECT_EQ(down.status().reason(), "maintenance-status");
}

TEST_F(OpdRestTest, sendsTheBearerTokenAndHeaders) {
  std::string auth;
  std::string key;
  server_.route("/auth", [&](TestHttpServer::Request& request, TestHttpServer::Response& response) {
    auth = request.get("Authorization", "");
    key = request.get("X-Api-Key", "");
    TestHttpServer::sendText(response, 200, listing(1, 2), "application/json");
  });
  auto opts = options("/auth");
  opts["bearer_token"] = "t0ken";
  opts["headers"] = JsonValue(JsonValue::Object{{"X-Api-Key", "k3y"}});
  ASSERT_TRUE(driver_.check(opts));
  EXPECT_EQ(auth, "Bearer t0ken");
  EXPECT_EQ(key, "k3y");
}

TEST(JsonPointerTest, followsRfc6901) {
  auto doc = parseJson(R"({"a/b":{"m~n":[10,20]},"":1,"list":[{"x":true}]})");
  ASSERT_TRUE(doc);
  const auto at = [&](const char* text) {
    auto pointer = JsonPointer::parse(text);
    EXPECT_TRUE(pointer) << text;
    return pointer ? pointer->resolve(*doc) : nullptr;
  };
  EXPECT_EQ(at(""), &doc.value());
  EXPECT_EQ(at("/a~1b/m~0n/1")->asInt(), 20);
  EXPECT_EQ(at("/")->asInt(), 1);
  EXPECT_TRUE(at("/list/0/x")->asBool());
  EXPECT_EQ(at("/list/01"), nullptr);
  EXPECT_EQ(at("/list/1"), nullptr);
  EXPECT_EQ(at("/missing"), nullptr);
  EXPECT_FALSE(JsonPointer::parse("a"));
  EXPECT_FALSE(JsonPointer::parse("/a~"));
}

}  // namespace
}  // namespace hamhub::opd

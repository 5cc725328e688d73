#include <gtest/gtest.h>

#include <string>

#include "hamhub/json.h"
#include "hamhub/utf8.h"

namespace hamhub {
namespace {

// Records events as text so chunked and whole parses can be compared.
class EventLog final : public JsonHandler {
 public:
  std::string log;
  Status onNull() override { return add("null"); }
  Status onBool(bool v) override { return add(v ? "true" : "false"); }
  Status onNumber(std::string_view t) override { return add("n:" + std::string(t)); }
  Status onString(std::string_view v) override { return add("s:" + std::string(v)); }
  Status onKey(std::string_view k) override { return add("k:" + std::string(k)); }
  Status onStartObject() override { return add("{"); }
  Status onEndObject() override { return add("}"); }
  Status onStartArray() override { return add("["); }
  Status onEndArray() override { return add("]"); }

 private:
  Status add(const std::string& e) {
    log += e + "|";
    return Status::ok();
  }
};

class JsonTest : public ::testing::Test {};

// The events of `doc` fed in two chunks, split at `split`; "error" when the parse fails.
std::string parsedInTwo(const std::string& doc, std::size_t split, std::size_t* repaired = nullptr) {
  EventLog events;
  JsonPushParser p(events);
  if (!p.feed(doc.substr(0, split)) || !p.feed(doc.substr(split)) || !p.finish()) return "error";
  if (repaired != nullptr) *repaired = p.repairedStrings();
  return events.log;
}

TEST_F(JsonTest, parsesNestedDocumentInDocumentOrder) {
  auto v = parseJson(R"({"b":1,"a":[true,false,null,"x"],"c":{"d":-2.5e2}})");
  ASSERT_TRUE(v.isOk()) << v.status().message();
  ASSERT_TRUE(v->isObject());
  EXPECT_EQ(v->asObject()[0].first, "b");
  EXPECT_EQ(v->find("b")->asInt(), 1);
  EXPECT_EQ(v->find("a")->asArray().size(), 4u);
  EXPECT_TRUE(v->find("a")->asArray()[2].isNull());
  EXPECT_DOUBLE_EQ(v->find("c")->find("d")->asNumber(), -250.0);
  EXPECT_EQ(v->find("missing"), nullptr);
}

TEST_F(JsonTest, keepsLargeIntegerIdsExact) {
  auto v = parseJson(R"({"idData":9007199254740993})");
  ASSERT_TRUE(v.isOk());
  EXPECT_TRUE(v->find("idData")->isInteger());
  EXPECT_EQ(v->find("idData")->asInt(), 9007199254740993LL);
  EXPECT_EQ(toJson(*v), R"({"idData":9007199254740993})");
}

TEST_F(JsonTest, decodesEscapesAndSurrogatePairs) {
  auto v = parseJson(R"(["a\"b\\c\/d\n\t", "\u00e9\u20ac", "\ud83d\ude00", "\ud800x"])");
  ASSERT_TRUE(v.isOk()) << v.status().message();
  const auto& a = v->asArray();
  EXPECT_EQ(a[0].asString(), "a\"b\\c/d\n\t");
  EXPECT_EQ(a[1].asString(), "\xc3\xa9\xe2\x82\xac");
  EXPECT_EQ(a[2].asString(), "\xf0\x9f\x98\x80");
  EXPECT_EQ(a[3].asString(), "\xef\xbf\xbdx");  // a lone high surrogate becomes U+FFFD
}

// The parser and the writer scan strings eight bytes at a time: a byte that needs escaping must
// be found at every offset, whatever surrounds it, in whole and in chunked input.
TEST_F(JsonTest, findsBytesThatNeedEscapingAtEveryOffset) {
  const std::string specials = std::string("\"\\\n\x01\x1f", 5);
  for (std::size_t length = 1; length <= 20; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      for (const char special : specials) {
        // Neighbours that must not be mistaken for specials: UTF-8 bytes, DEL, space, '!'.
        std::string text(length, 'a');
        for (std::size_t k = 0; k < length; k += 3) text[k] = "\xc3\x7f !"[k % 4];
        text[at] = special;
        const std::string json = toJson(JsonValue(text));
        for (const char c : json) ASSERT_GE(static_cast<unsigned char>(c), 0x20) << "raw control byte in " << json;
        for (std::size_t chunk : {std::size_t{1}, std::size_t{7}, json.size()}) {
          EventLog events;
          JsonPushParser parser(events);
          for (std::size_t from = 0; from < json.size(); from += chunk) {
            ASSERT_TRUE(parser.feed(std::string_view(json).substr(from, chunk)).isOk());
          }
          ASSERT_TRUE(parser.finish().isOk());
          // The lone 0xC3 bytes are not UTF-8, so they come out read as Windows-1252.
          std::string expected;
          appendRepairedUtf8(expected, text);
          ASSERT_EQ(events.log, "s:" + expected + "|") << "length " << length << ", special at " << at;
        }
      }
    }
  }
}

TEST_F(JsonTest, reportsLineAndColumnOfSyntaxErrors) {
  auto v = parseJson("{\n  \"a\": 1,\n  \"b\" 2\n}");
  ASSERT_FALSE(v.isOk());
  EXPECT_EQ(v.status().reason(), "invalid-json");
  EXPECT_EQ(v.status().message(), "line 3, column 7: unexpected '2' (expected ':' after a key)");
}

TEST_F(JsonTest, rejectsTrailingGarbageSuchAsZeroResultsText) {
  auto v = parseJson("0 results");
  ASSERT_FALSE(v.isOk());
  EXPECT_NE(v.status().message().find("after the end of the document"), std::string::npos);
}

TEST_F(JsonTest, rejectsTruncatedAndEmptyDocuments) {
  EXPECT_NE(parseJson(R"([{"a":1},{"b":)").status().message().find("incomplete"), std::string::npos);
  EXPECT_NE(parseJson(R"(["abc)").status().message().find("inside a string"), std::string::npos);
  EXPECT_NE(parseJson("   ").status().message().find("empty"), std::string::npos);
}

TEST_F(JsonTest, rejectsInvalidTokens) {
  EXPECT_FALSE(parseJson("[01]").isOk());
  EXPECT_FALSE(parseJson("[1.]").isOk());
  EXPECT_FALSE(parseJson("[tru]").isOk());
  EXPECT_FALSE(parseJson("[nulll]").isOk());
  EXPECT_FALSE(parseJson("{\"a\":1,}").isOk());
  EXPECT_FALSE(parseJson("[\"a\nb\"]").isOk());
  EXPECT_FALSE(parseJson("[\"\\x\"]").isOk());
  EXPECT_FALSE(parseJson("{1:2}").isOk());
}

TEST_F(JsonTest, allowsCommentsOnlyWhenAsked) {
  const std::string text = "// hub config\n{ /* store */ \"store\": \"sqlite:x.db\" // trailing\n}";
  EXPECT_FALSE(parseJson(text).isOk());
  JsonParseOptions options;
  options.allowComments = true;
  auto v = parseJson(text, options);
  ASSERT_TRUE(v.isOk()) << v.status().message();
  EXPECT_EQ(v->find("store")->asString(), "sqlite:x.db");
  EXPECT_FALSE(parseJson("{} /* open", options).isOk());
}

TEST_F(JsonTest, enforcesDepthSizeAndStringLimits) {
  JsonParseOptions options;
  options.maxDepth = 3;
  EXPECT_EQ(parseJson("[[[[1]]]]", options).status().reason(), "too-deep");
  EXPECT_TRUE(parseJson("[[[1]]]", options).isOk());
  options.maxBytes = 8;
  EXPECT_EQ(parseJson("[1,2,3,4,5]", options).status().reason(), "too-large");
  options = {};
  options.maxStringBytes = 4;
  EXPECT_EQ(parseJson(R"(["abcde"])", options).status().reason(), "too-large");
  EXPECT_EQ(parseJson(R"({"abcde":1})", options).status().reason(), "too-large");
}

TEST_F(JsonTest, pushParserGivesTheSameEventsForEverySplitPoint) {
  const std::string doc =
      R"( {"idData":"12","judul":"Perda \"Disabilitas\" \u00e9","n":[1,-2.5e+3,true,false,null],)"
      R"("o":{},"a":[],"s":"\ud83d\ude00"} )";
  EventLog whole;
  {
    JsonPushParser p(whole);
    ASSERT_TRUE(p.feed(doc).isOk());
    ASSERT_TRUE(p.finish().isOk());
  }
  for (std::size_t split = 0; split <= doc.size(); ++split) {
    EXPECT_EQ(parsedInTwo(doc, split), whole.log) << "split at " << split;
  }
  EventLog bytes;
  JsonPushParser p(bytes);
  for (char c : doc) ASSERT_TRUE(p.feed(std::string_view(&c, 1)).isOk());
  ASSERT_TRUE(p.finish().isOk());
  EXPECT_EQ(bytes.log, whole.log);
}

TEST_F(JsonTest, pushParserRepairsStringsThatAreNotUtf8WhereverTheChunksSplitThem) {
  // A stray Latin-1 byte in a key and a value, a truncated sequence, and valid UTF-8 kept as it is.
  const std::string doc = "{\"caf\xE9\":\"\x93Perda\x94 \xC3\xA9 \xE2\x82\",\"ok\":\"\xE2\x82\xAC\"}";
  for (std::size_t split = 0; split <= doc.size(); ++split) {
    std::size_t repaired = 0;
    EXPECT_EQ(parsedInTwo(doc, split, &repaired),
              "{|k:caf\u00e9|s:\u201cPerda\u201d \u00e9 \u00e2\u201a|k:ok|s:\u20ac|}|")
        << "split at " << split;
    EXPECT_EQ(repaired, 2u);
  }
  auto value = parseJson("[\"\xFF\"]");
  ASSERT_TRUE(value);
  EXPECT_EQ(value->asArray()[0].asString(), "\u00ff");
}

TEST_F(JsonTest, pushParserStopsWithTheHandlersError) {
  class Stopper final : public JsonHandler {
   public:
    Status onNull() override { return Status::ok(); }
    Status onBool(bool) override { return Status::ok(); }
    Status onNumber(std::string_view) override { return Status::error("enough", "cancelled"); }
    Status onString(std::string_view) override { return Status::ok(); }
    Status onKey(std::string_view) override { return Status::ok(); }
    Status onStartObject() override { return Status::ok(); }
    Status onEndObject() override { return Status::ok(); }
    Status onStartArray() override { return Status::ok(); }
    Status onEndArray() override { return Status::ok(); }
  } stopper;
  JsonPushParser p(stopper);
  Status s = p.feed("[1,2]");
  EXPECT_EQ(s.reason(), "cancelled");
  EXPECT_EQ(p.finish().reason(), "cancelled");
}

TEST_F(JsonTest, writerEscapesAndSeparates) {
  JsonWriter w;
  w.beginObject().key("a").value("x\"\n\x01").key("b").beginArray().value(1).value(2.5).value(true).null().endArray();
  w.key("c").value(JsonValue(JsonValue::Object{{"d", JsonValue("e")}})).endObject();
  EXPECT_EQ(w.str(), R"({"a":"x\"\n\u0001","b":[1,2.5,true,null],"c":{"d":"e"}})");
  auto back = parseJson(w.str());
  ASSERT_TRUE(back.isOk());
  EXPECT_EQ(toJson(*back), w.str());
}

TEST_F(JsonTest, prettyPrintsWithIndent) {
  auto v = parseJson(R"({"a":[1,2],"b":{}})");
  ASSERT_TRUE(v.isOk());
  EXPECT_EQ(toJson(*v, 2), "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {}\n}");
}

TEST(Utf8Test, tellsWellFormedUtf8FromEverythingElse) {
  EXPECT_TRUE(isValidUtf8(""));
  EXPECT_TRUE(isValidUtf8("Peraturan Daerah Nomor 5 Tahun 2019"));
  EXPECT_TRUE(isValidUtf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));
  EXPECT_FALSE(isValidUtf8("caf\xE9"));              // Latin-1
  EXPECT_FALSE(isValidUtf8("\xC3"));                  // truncated
  EXPECT_FALSE(isValidUtf8("\xC0\xAF"));              // overlong '/'
  EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));          // a surrogate
  EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80"));      // past U+10FFFF
  EXPECT_FALSE(isValidUtf8("\x80 stray continuation"));
  // The ASCII fast path must not skip a high byte at any offset of its eight-byte steps.
  for (std::size_t at = 0; at < 24; ++at) {
    std::string text(24, 'a');
    text[at] = '\xE9';
    EXPECT_FALSE(isValidUtf8(text)) << at;
  }
}

TEST(Utf8Test, writesCodePointsOfEveryLength) {
  std::string out;
  for (char32_t cp : {U'A', U'\u00e9', U'\u20ac', U'\U0001F600'}) appendUtf8(out, cp);
  EXPECT_EQ(out, "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
}

TEST(Utf8Test, readsWindows1252WholeOrOnlyWhereTheBytesAreNotUtf8) {
  std::string whole;
  appendWindows1252AsUtf8(whole, "\x80 caf\xE9 \x81");
  EXPECT_EQ(whole, "\u20ac caf\u00e9 \u0081");
  std::string repaired;
  appendRepairedUtf8(repaired, "caf\xC3\xA9 caf\xE9 \x93ok\x94");
  EXPECT_EQ(repaired, "caf\u00e9 caf\u00e9 \u201cok\u201d");
  EXPECT_TRUE(isValidUtf8(repaired));
}

}  // namespace
}  // namespace hamhub

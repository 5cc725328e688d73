#include <gtest/gtest.h>

#include "host/normalise/normaliser.h"
#include "host/normalise/payload_fields.h"
#include "support/temp_dir.h"

namespace hamhub::host {
namespace {

class NormaliserTest : public ::testing::Test {
 protected:
  static StoredRecordWrite document(std::string payload) {
    StoredRecordWrite w;
    w.record.kind = "jdih.document";
    w.record.key = "101";
    w.record.subject = "16.73";
    w.record.payload = std::move(payload);
    w.isNew = true;
    return w;
  }
};

TEST_F(NormaliserTest, readsDottedPathsAndArraysButNothingInsideOtherArrays) {
  PayloadFields p;
  ASSERT_TRUE(p.read(R"({"title": "Perda 5", "year": 2021, "subjects": ["HAM", "ANAK"], "none": null,
                         "list": [{"title": "not me"}], "raw": {"pemrakarsa": "Bagian Hukum", "x": "-"}})",
                     {"title", "year", "subjects", "none", "raw.pemrakarsa", "raw.x", "absent"}));
  EXPECT_EQ(p.text("title"), "Perda 5");
  EXPECT_EQ(p.text("year"), "2021");
  ASSERT_NE(p.find("subjects"), nullptr);
  EXPECT_EQ(p.find("subjects")->items, (std::vector<std::string>{"HAM", "ANAK"}));
  EXPECT_EQ(p.text("raw.pemrakarsa"), "Bagian Hukum");
  EXPECT_TRUE(p.hasValue("raw.pemrakarsa"));
  EXPECT_FALSE(p.hasValue("raw.x"));    // "-" means empty
  EXPECT_FALSE(p.hasValue("none"));     // null
  EXPECT_FALSE(p.hasValue("absent"));
  EXPECT_FALSE(p.read("[1, 2]", {"title"}));
  EXPECT_FALSE(p.read(R"({"title": )", {"title"}));
}

TEST_F(NormaliserTest, unescapesWantedStringsAsTheJsonParserDoes) {
  PayloadFields p;
  // Escapes, a surrogate pair, a lone surrogate (U+FFFD) and a wanted value after skipped
  // containers that hold strings with quotes and brackets.
  ASSERT_TRUE(p.read(R"({"skip": {"a": ["x\"]", {"b": "}"}]}, "title": "Perda \"5\"\n\u00e9\ud83d\ude00\ud800x",
                         "n": -1.5e3, "t": true, "f": false, "subjects": ["A", 2, null, true, ["deep"], {"o": 1}]})",
                     {"title", "n", "t", "f", "subjects", "skip.a"}));
  EXPECT_EQ(p.text("title"), "Perda \"5\"\n\u00e9\U0001F600\uFFFDx");
  EXPECT_EQ(p.text("n"), "-1.5e3");
  EXPECT_EQ(p.text("t"), "true");
  EXPECT_EQ(p.text("f"), "false");
  EXPECT_EQ(p.find("subjects")->items, (std::vector<std::string>{"A", "2", "true"}));
  EXPECT_EQ(p.find("skip.a")->items, (std::vector<std::string>{"x\"]"}));
  // Reading again with the same paths starts from nothing.
  ASSERT_TRUE(p.read(R"({"n": null})", {"title", "n", "t", "f", "subjects", "skip.a"}));
  EXPECT_EQ(p.find("title"), nullptr);
  EXPECT_FALSE(p.hasValue("n"));
}

TEST_F(NormaliserTest, refusesEveryKindOfInvalidPayload) {
  PayloadFields p;
  const std::vector<std::string> paths = {"title"};
  for (const std::string bad :
       {R"({"title": "x"} trailing)", R"({"title": "x",})", R"({"title" "x"})", R"({"title": "\q"})",
        R"({"title": "\u12G4"})", "{\"title\": \"a\u0001b\"}", R"({"title": 01})", R"({"title": -})",
        R"({"title": nul})", R"({"title": truex})", R"({"a": [1, 2,]})", R"({"a": {"b" 1}})", R"({"title": "x")",
        R"({"a": [}})", R"({title: "x"})", R"({"title": "x"}})", "", "   ", "[]", R"("x")"}) {
    EXPECT_FALSE(p.read(bad, paths)) << bad;
  }
  std::string deep = "{\"a\": ";
  for (int i = 0; i < 70; ++i) deep += "[";
  for (int i = 0; i < 70; ++i) deep += "]";
  EXPECT_FALSE(p.read(deep + "}", paths)) << "nesting deeper than 64";
  EXPECT_TRUE(p.read(" \n{ \"title\" : \"x\" , \"e\": {}, \"l\": [ ] }\r\n", paths));
  EXPECT_EQ(p.text("title"), "x");
}

TEST_F(NormaliserTest, projectsAJdihDocumentAndListsItsMissingMandatoryMetadata) {
  ConfigIssues issues;
  const Normaliser normaliser = Normaliser::load(test::sourcePath("config/criteria"), issues);
  ASSERT_TRUE(issues.empty()) << issues.front().toString();
  auto d = normaliser.project(document(
      R"({"document_type": "peraturan", "jenis": "Peraturan Daerah", "jenis_short": "Perda", "number": "5",
          "year": 2021, "title": "Perda Disabilitas", "enacted_on": null, "promulgated_on": "2021-03-05",
          "status": "berlaku", "status_original": "Berlaku", "issuing_body": "Kota Lubuk Linggau",
          "subjects": ["DISABILITAS"], "language": "Indonesia", "legal_field": "-", "place": "Lubuk Linggau",
          "source": "LD 2021/5", "detail_url": "https://jdih.example.go.id/5", "file_url": null,
          "raw": {"pemrakarsa": "Bagian Hukum"}})"));
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->title, "Perda Disabilitas");
  EXPECT_EQ(d->year, 2021);
  EXPECT_EQ(d->subjects, "DISABILITAS");
  EXPECT_EQ(d->subject, "16.73");
  EXPECT_EQ(d->rulesVersion, "jdih-metadata@8/2019");
  std::vector<std::string> missing;
  for (const auto& [path, name] : d->missing) missing.push_back(path);
  EXPECT_EQ(missing, (std::vector<std::string>{"enacted_on", "legal_field"}));
}

TEST_F(NormaliserTest, leavesOtherRecordKindsAlone) {
  StoredRecordWrite w = document("{}");
  w.record.kind = "kkpham.value";
  EXPECT_FALSE(Normaliser().project(w).has_value());
}

}  // namespace
}  // namespace hamhub::host

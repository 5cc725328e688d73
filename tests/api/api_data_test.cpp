// The data endpoints over real HTTP: subjects, documents, scores with their explanation, alerts
// and acknowledging them; each scoped to the token's province.
#include "api/api_fixture.h"

namespace hamhub::host {
namespace {

const JsonValue& field(const JsonValue& object, const char* key) {
  const JsonValue* v = object.find(key);
  EXPECT_NE(v, nullptr) << key;
  static const JsonValue kNull;
  return v != nullptr ? *v : kNull;
}

TEST_F(ApiTest, listsSubjectsOfTheTokensProvinceAndRefusesAnotherOne) {
  EXPECT_EQ(ids(call("GET", "/api/v1/subjects", kAdmin).json, "id"),
            (std::vector<std::string>{"16", "16.71", "16.72", "16.73", "31", "31.71"}));
  EXPECT_EQ(ids(call("GET", "/api/v1/subjects", kSumsel).json, "id"),
            (std::vector<std::string>{"16", "16.71", "16.72", "16.73"}));
  EXPECT_EQ(ids(call("GET", "/api/v1/subjects?kind=kabkota&region=31", kAdmin).json, "id"),
            (std::vector<std::string>{"31.71"}));
  const Reply one = call("GET", "/api/v1/subjects/16.72", kSumsel);
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(field(one.json, "name").asString(), "Kota Pagar Alam");
  EXPECT_EQ(field(one.json, "province").asString(), "16");
  EXPECT_EQ(call("GET", "/api/v1/subjects/31.71", kSumsel).status, 403);
  EXPECT_EQ(call("GET", "/api/v1/subjects?region=31", kSumsel).status, 403);
  EXPECT_EQ(call("GET", "/api/v1/subjects/99.99", kAdmin).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/subjects?kind=village", kAdmin).status, 400);
  const Reply typo = call("GET", "/api/v1/subjects?regoin=16", kAdmin);
  EXPECT_EQ(typo.status, 400);
  EXPECT_NE(field(field(typo.json, "error"), "message").asString().find("regoin"), std::string::npos);
}

TEST_F(ApiTest, pagesDocumentsAndFiltersThoseLackingMetadata) {
  const Reply all = call("GET", "/api/v1/documents", kSumsel);
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(ids(all.json, "key"), (std::vector<std::string>{"1", "2", "3"}));
  const Reply missing = call("GET", "/api/v1/documents?missing_metadata=true", kAdmin);
  ASSERT_EQ(missing.json.asArray().size(), 1u);
  const JsonValue& fields = field(missing.json.asArray()[0], "missing_metadata");
  EXPECT_EQ(fields.asArray().size(), 2u);
  EXPECT_EQ(ids(call("GET", "/api/v1/documents?limit=1&offset=1", kAdmin).json, "key"), (std::vector<std::string>{"2"}));
  EXPECT_TRUE(call("GET", "/api/v1/documents", kJakarta).json.asArray().empty());
  EXPECT_EQ(call("GET", "/api/v1/documents?subject=16.71", kJakarta).status, 403);
  EXPECT_EQ(call("GET", "/api/v1/documents?source=jdih-16-71", kJakarta).status, 403);
  EXPECT_EQ(call("GET", "/api/v1/documents?limit=501", kAdmin).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/documents?offset=-1", kAdmin).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/documents?missing_metadata=yes", kAdmin).status, 400);
}

TEST_F(ApiTest, listsScoresWithPredicateNamesInEitherLanguage) {
  const Reply sumsel = call("GET", "/api/v1/scores?instrument=kkpham", kSumsel);
  ASSERT_EQ(sumsel.status, 200) << sumsel.body;
  EXPECT_EQ(ids(sumsel.json, "subject"), (std::vector<std::string>{"16.71", "16.72", "16.73"}));
  const JsonValue& pagarAlam = sumsel.json.asArray()[1];
  EXPECT_DOUBLE_EQ(field(pagarAlam, "total").asNumber(), 68.25);
  EXPECT_EQ(field(pagarAlam, "predicate_name").asString(), "Cukup Peduli HAM");
  EXPECT_EQ(field(pagarAlam, "name").asString(), "Kota Pagar Alam");
  EXPECT_DOUBLE_EQ(field(pagarAlam, "completeness").asNumber(), 0.8);
  const Reply english = call("GET", "/api/v1/scores?instrument=kkpham&subject=16.72&lang=en", kAdmin);
  EXPECT_EQ(field(english.json.asArray()[0], "predicate_name").asString(), "Fairly caring");
  EXPECT_EQ(call("GET", "/api/v1/scores?region=16", kAdmin).json.asArray().size(), 5u);
  EXPECT_EQ(call("GET", "/api/v1/scores?subject=31.71", kSumsel).status, 403);
  EXPECT_EQ(call("GET", "/api/v1/scores?lang=fr", kAdmin).status, 400);
}

TEST_F(ApiTest, explainsOneScoreWithItsCoachingListInBahasaIndonesiaOrEnglish) {
  const Reply id = call("GET", "/api/v1/scores/16.72/kkpham/2024", kSumsel);
  ASSERT_EQ(id.status, 200) << id.body;
  EXPECT_DOUBLE_EQ(field(id.json, "total").asNumber(), 68.25);
  EXPECT_EQ(field(id.json, "lang").asString(), "id");
  const JsonValue& steps = field(field(id.json, "coaching"), "steps");
  ASSERT_EQ(steps.asArray().size(), 1u);
  EXPECT_EQ(field(steps.asArray()[0], "action").asString(), "Kirim data dan data dukung untuk indikator 1.P");
  EXPECT_EQ(field(id.json, "indicators").asArray().size(), 2u);
  EXPECT_EQ(field(id.json, "history").asArray().size(), 1u);

  const Reply en = call("GET", "/api/v1/scores/16.72/kkpham/2024?lang=en", kSumsel);
  ASSERT_EQ(en.status, 200) << en.body;
  EXPECT_EQ(field(en.json, "predicate_name").asString(), "Fairly caring");
  const JsonValue& enSteps = field(field(en.json, "coaching"), "steps");
  EXPECT_EQ(field(enSteps.asArray()[0], "action").asString(),
            "Send the data and its data dukung for indicator 1.P (Indikator kedua)");
  EXPECT_EQ(field(field(en.json, "indicators").asArray()[1], "detail").asString(), "no data");

  EXPECT_EQ(call("GET", "/api/v1/scores/31.71/kkpham/2024", kSumsel).status, 403);
  EXPECT_EQ(call("GET", "/api/v1/scores/16.72/kkpham/2019", kSumsel).status, 404);
}

TEST_F(ApiTest, givesTheRegionOverviewOfTheTokensProvinceOnly) {
  const Reply overview = call("GET", "/api/v1/regions/16/completeness", kSumsel);
  ASSERT_EQ(overview.status, 200) << overview.body;
  EXPECT_EQ(field(field(overview.json, "province"), "name").asString(), "Sumatera Selatan");
  EXPECT_EQ(field(field(overview.json, "alerts_by_severity"), "critical").asInt(), 1);
  EXPECT_EQ(field(field(overview.json, "alerts_by_severity"), "warning").asInt(), 2);
  const JsonValue subjects = field(overview.json, "subjects");
  EXPECT_EQ(ids(subjects, "id"), (std::vector<std::string>{"16", "16.71", "16.72", "16.73"}));
  const JsonValue& linggau = subjects.asArray()[3];
  EXPECT_EQ(field(linggau, "open_alerts").asInt(), 2);
  EXPECT_EQ(field(linggau, "critical_alerts").asInt(), 1);
  const JsonValue& instruments = field(linggau, "instruments");
  ASSERT_EQ(instruments.asArray().size(), 1u);  // no RANHAM score yet
  const JsonValue& kkpham = instruments.asArray()[0];
  EXPECT_EQ(field(kkpham, "instrument").asString(), "kkpham");
  EXPECT_DOUBLE_EQ(field(kkpham, "total").asNumber(), 45.0);
  EXPECT_EQ(field(kkpham, "predicate_name").asString(), "Kurang Peduli HAM");
  EXPECT_FALSE(field(kkpham, "target_reached").asBool());
  EXPECT_DOUBLE_EQ(field(kkpham, "completeness").asNumber(), 0.5);
  EXPECT_EQ(field(kkpham, "open_alerts").asInt(), 1);
  EXPECT_EQ(field(field(kkpham, "missing").asArray()[0], "name").asString(), "Indikator kedua");
  EXPECT_TRUE(field(field(subjects.asArray()[1], "instruments").asArray()[0], "target_reached").asBool());

  const Reply english = call("GET", "/api/v1/regions/16/completeness?lang=en&instrument=kkpham", kAdmin);
  ASSERT_EQ(english.status, 200) << english.body;
  const JsonValue englishSubjects = field(english.json, "subjects");
  EXPECT_EQ(field(field(englishSubjects.asArray()[3], "instruments").asArray()[0], "predicate_name").asString(),
            "Not yet caring");
  EXPECT_EQ(call("GET", "/api/v1/regions/31/completeness", kSumsel).status, 403);
  EXPECT_EQ(call("GET", "/api/v1/regions/99/completeness", kAdmin).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/regions/16/completeness?lang=jv", kAdmin).status, 400);
}

TEST_F(ApiTest, readsAUnitsIdWithItsSlashFromThePath) {
  const Reply subject = call("GET", "/api/v1/subjects/16.71/lapas-palembang", kSumsel);
  EXPECT_EQ(subject.status, 404);
  EXPECT_EQ(field(field(subject.json, "error"), "message").asString(), "no subject '16.71/lapas-palembang'");
  const Reply score = call("GET", "/api/v1/scores/16.71/lapas-palembang/skm/2024", kSumsel);
  EXPECT_EQ(score.status, 404);
  EXPECT_EQ(field(field(score.json, "error"), "message").asString(), "no skm score of 16.71/lapas-palembang for period 2024");
  EXPECT_EQ(call("GET", "/api/v1/scores/31.71/lapas-salemba/skm/2024", kSumsel).status, 403);
  EXPECT_EQ(call("GET", "/api/v1/scores//kkpham/2024", kSumsel).status, 404);
}

TEST_F(ApiTest, listsAlertsOfTheTokensProvinceInItsLanguage) {
  const Reply sumsel = call("GET", "/api/v1/alerts", kSumsel);
  ASSERT_EQ(sumsel.status, 200) << sumsel.body;
  ASSERT_EQ(sumsel.json.asArray().size(), 3u);
  for (const auto& alert : sumsel.json.asArray()) {
    EXPECT_EQ(field(alert, "region").asString(), "16");
    EXPECT_EQ(field(alert, "message").asString(), field(alert, "message_id").asString());
    EXPECT_EQ(field(alert, "state").asString(), "open");
    EXPECT_TRUE(field(alert, "acknowledged_by").isNull());
  }
  const Reply english = call("GET", "/api/v1/alerts?subject=16.73&kind=ranham.&lang=en", kSumsel);
  ASSERT_EQ(english.json.asArray().size(), 1u);
  EXPECT_EQ(field(english.json.asArray()[0], "message").asString(),
            "Kota Lubuk Linggau's Aksi HAM report for 2024-B08 is missing");
  EXPECT_EQ(field(english.json.asArray()[0], "severity").asString(), "critical");
  EXPECT_EQ(call("GET", "/api/v1/alerts", kAdmin).json.asArray().size(), 4u);
  EXPECT_EQ(call("GET", "/api/v1/alerts?limit=1", kAdmin).json.asArray().size(), 1u);
  EXPECT_EQ(call("GET", "/api/v1/alerts?region=31", kSumsel).status, 403);
  EXPECT_EQ(call("GET", "/api/v1/alerts?subject=31.71", kSumsel).status, 403);
  EXPECT_EQ(call("GET", "/api/v1/alerts?state=closed", kAdmin).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/alerts?limit=0", kAdmin).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/alerts?limit=ten", kAdmin).status, 400);
  EXPECT_TRUE(call("GET", "/api/v1/alerts?state=resolved", kAdmin).json.asArray().empty());
}

TEST_F(ApiTest, anOperatorAcknowledgesAnAlertOfItsProvinceAsItsConfiguredName) {
  const Reply list = call("GET", "/api/v1/alerts?subject=16.72", kSumselOperator);
  ASSERT_EQ(list.json.asArray().size(), 1u);
  const std::string id = std::to_string(field(list.json.asArray()[0], "id").asInt());
  const std::string path = "/api/v1/alerts/" + id + "/acknowledge";

  EXPECT_EQ(call("POST", path, kSumsel).status, 403);  // a viewer
  EXPECT_EQ(call("POST", path, kJakarta).status, 403);  // another province
  EXPECT_EQ(call("POST", path, kSumselOperator, "[1, 2]").status, 400);
  EXPECT_EQ(call("POST", path, kSumselOperator, "{\"note\": ").status, 400);
  EXPECT_EQ(call("POST", path, kSumselOperator, "{\"reason\": \"x\"}").status, 400);
  EXPECT_EQ(call("GET", path, kSumselOperator).status, 405);
  EXPECT_EQ(call("POST", "/api/v1/alerts/99999/acknowledge", kAdmin).status, 404);
  EXPECT_EQ(call("POST", "/api/v1/alerts/abc/acknowledge", kAdmin).status, 400);

  const Reply done = call("POST", path, kSumselOperator, R"({"note": "dihubungi lewat telepon"})");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(field(done.json, "state").asString(), "acknowledged");
  EXPECT_EQ(field(done.json, "acknowledged_by").asString(), "Budi (Kanwil Sumsel)");
  EXPECT_TRUE(parseUtc(field(done.json, "acknowledged_at").asString()).has_value());
  EXPECT_EQ(ids(call("GET", "/api/v1/alerts?state=acknowledged", kSumsel).json, "subject"),
            (std::vector<std::string>{"16.72"}));

  // A token without a name acknowledges as ROLE@REGION.
  const Reply jakarta = call("GET", "/api/v1/alerts", kJakarta);
  const std::string other = std::to_string(field(jakarta.json.asArray()[0], "id").asInt());
  const Reply byRole = call("POST", "/api/v1/alerts/" + other + "/acknowledge", kJakarta);
  ASSERT_EQ(byRole.status, 200) << byRole.body;
  EXPECT_EQ(field(byRole.json, "acknowledged_by").asString(), "operator@31");
}

TEST_F(ApiTest, tellsTheDashboardWhoTheTokenBelongsTo) {
  const Reply me = call("GET", "/api/v1/me", kSumselOperator);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(field(me.json, "name").asString(), "Budi (Kanwil Sumsel)");
  EXPECT_EQ(field(me.json, "role").asString(), "operator");
  EXPECT_EQ(field(me.json, "region").asString(), "16");
  EXPECT_TRUE(field(call("GET", "/api/v1/me", kAdmin).json, "region").isNull());
}

TEST_F(ApiTest, servesTheDashboardWithoutAToken) {
  const Reply index = call("GET", "/");
  ASSERT_EQ(index.status, 200);
  EXPECT_EQ(index.contentType, "text/html; charset=utf-8");
  EXPECT_NE(index.body.find("<script src=\"/app.js\">"), std::string::npos);
  const Reply script = call("GET", "/app.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.contentType, "text/javascript; charset=utf-8");
  EXPECT_EQ(call("GET", "/../etc/passwd").status, 404);
  EXPECT_EQ(call("POST", "/index.html").status, 405);
}

}  // namespace
}  // namespace hamhub::host

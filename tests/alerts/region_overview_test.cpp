#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <optional>

#include "host/overview/region_overview.h"
#include "support/temp_dir.h"
#include "support/test_subjects.h"

namespace hamhub::host {
namespace {

using test::testSubject;

ScoreRow score(std::string subject, std::string period, double total, std::string predicate, double completeness,
               std::string missing) {
  ScoreRow row;
  row.subject = std::move(subject);
  row.instrument = "kkpham";
  row.version = "22/2021";
  row.period = std::move(period);
  row.total = total;
  row.predicate = std::move(predicate);
  row.completeness = completeness;
  row.inputHash = row.subject + row.period;
  row.computedAt = "2026-11-29T00:00:00Z";
  // The named form: results stored by earlier versions are read as they are.
  row.result = R"({"predicate_name": "Kabupaten/Kota Peduli HAM", "missing": [)" + missing +
               R"(], "criteria": [{"id": "6", "name": "Hak atas Kesehatan"}],
                  "indicators": [{"id": "6.P", "name": "Program layanan kesehatan", "criterion": "6"}],
                  "coaching": {"target": "peduli-ham"}})";
  return row;
}

class RegionOverviewTest : public ::testing::Test {
 protected:
  // A real SQLite store with the catalogue: Sumatera Selatan, Ogan Ilir, Palembang and `more`.
  void catalogue(std::vector<Subject> more) {
    catalogue_ = {testSubject("16", "Sumatera Selatan", SubjectKind::Province, "16"),
                  testSubject("16.10", "Ogan Ilir", SubjectKind::KabKota, "16"),
                  testSubject("16.71", "Kota Palembang", SubjectKind::KabKota, "16")};
    catalogue_.insert(catalogue_.end(), more.begin(), more.end());
    auto opened = Store::open("sqlite:hub.db", dir_.path());
    ASSERT_TRUE(opened.isOk()) << opened.status().message();
    store_ = std::move(opened).value();
    ASSERT_TRUE(store_->upsertSubjects(catalogue_));
  }

  hamhub::test::TempDir dir_;
  std::unique_ptr<Store> store_;
  std::vector<Subject> catalogue_;
};

TEST_F(RegionOverviewTest, readsEachSubjectsNewestScoreWithMissingItemsAndAlerts) {
  ASSERT_NO_FATAL_FAILURE(catalogue({testSubject("31", "DKI Jakarta", SubjectKind::Province, "31"),
                                     testSubject("31.71", "Kota Jakarta Pusat", SubjectKind::KabKota, "31")}));
  Store& store = *store_;
  const std::vector<Subject>& catalogue = catalogue_;
  ASSERT_TRUE(store.insertScores({score("16.10", "2023", 60, "", 0.5, R"("6.P")"),
                                  score("16.10", "2024", 70, "cukup", 0.8, R"("6.P")"),
                                  score("16.71", "2024", 90, "peduli-ham", 1, ""),
                                  score("31.71", "2024", 95, "peduli-ham", 1, "")}));
  AlertFinding late;
  late.key = "kkpham.data-dukung-missing|16.10|2024";
  late.kind = "kkpham.data-dukung-missing";
  late.severity = AlertSeverity::Critical;
  late.subject = "16.10";
  late.region = "16";
  late.messageId = late.messageEn = "x";
  ASSERT_TRUE(store.syncAlerts({late.kind}, {late}, "2026-11-29T00:00:00Z").isOk());

  const CriteriaCatalog criteria;
  auto overview = regionOverview(store, catalogue, criteria, "16");
  ASSERT_TRUE(overview.isOk()) << overview.status().message();
  ASSERT_EQ(overview->subjects.size(), 3u);
  EXPECT_EQ(overview->subjects[0].subject.id, "16");  // the province first
  const SubjectOverview& ogan = overview->subjects[1];
  EXPECT_EQ(ogan.subject.id, "16.10");
  ASSERT_EQ(ogan.instruments.size(), 1u);
  EXPECT_EQ(ogan.instruments[0].period, "2024");
  EXPECT_DOUBLE_EQ(ogan.instruments[0].total, 70);
  EXPECT_FALSE(ogan.instruments[0].targetReached);
  ASSERT_EQ(ogan.instruments[0].missing.size(), 1u);
  EXPECT_EQ(ogan.instruments[0].missing[0].name, "Program layanan kesehatan");
  EXPECT_EQ(ogan.instruments[0].missing[0].criterion, "Hak atas Kesehatan");
  EXPECT_EQ(ogan.instruments[0].openAlerts, 1);
  EXPECT_EQ(ogan.criticalAlerts, 1);
  EXPECT_TRUE(overview->subjects[2].instruments[0].targetReached);
  EXPECT_EQ(overview->alertsBySeverity["critical"], 1);

  OverviewOptions older;
  older.period = "2023";
  overview = regionOverview(store, catalogue, criteria, "16", older);
  ASSERT_TRUE(overview.isOk());
  EXPECT_DOUBLE_EQ(overview->subjects[1].instruments[0].total, 60);

  EXPECT_EQ(regionOverview(store, catalogue, criteria, "16.10").status().reason(), "not-found");
  EXPECT_EQ(regionOverview(store, catalogue, criteria, "99").status().reason(), "not-found");
}

TEST_F(RegionOverviewTest, showsTheWorstStateOfASubjectsJdihSitesNextToItsDocuments) {
  ASSERT_NO_FATAL_FAILURE(catalogue({testSubject("16.73", "Kota Lubuk Linggau", SubjectKind::KabKota, "16")}));
  Store& store = *store_;
  const std::vector<Subject>& catalogue = catalogue_;
  ASSERT_TRUE(store.syncSources({{"jdih-16-71", "jdih", {"16.71"}, true, "a"},
                                 {"jdih-16-71-dprd", "jdih", {"16.71"}, true, "b"},
                                 {"jdih-16-73", "jdih", {"16.73"}, true, "c"},
                                 {"jdih-16-10", "jdih", {"16.10"}, true, "d"}}));
  const auto observe = [&](const char* source, HealthState state) {
    SourceHealth h;
    h.source = source;
    h.state = state;
    h.since = h.checkedAt = "2026-11-29T00:00:00Z";
    ASSERT_TRUE(store.recordHealth(h, true, false));
  };
  observe("jdih-16-71", HealthState::Up);
  observe("jdih-16-71-dprd", HealthState::Down);
  observe("jdih-16-73", HealthState::Maintenance);  // jdih-16-10: never observed

  const CriteriaCatalog criteria;
  auto overview = regionOverview(store, catalogue, criteria, "16");
  ASSERT_TRUE(overview.isOk()) << overview.status().message();
  std::map<std::string, std::optional<HealthState>> states;
  for (const auto& s : overview->subjects) {
    if (s.documents) states[s.subject.id] = s.documents->siteState;
  }
  ASSERT_EQ(states.size(), 3u);
  EXPECT_EQ(states["16.71"], HealthState::Down);  // the worse of its two sites
  EXPECT_EQ(states["16.73"], HealthState::Maintenance);
  EXPECT_EQ(states["16.10"], std::nullopt);
}

}  // namespace
}  // namespace hamhub::host

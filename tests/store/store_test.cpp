#include "host/store/store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "host/store/migrations.h"
#include "store_test_env.h"
#include "support/temp_dir.h"

namespace hamhub::host {

// Names the backend in gtest output (and in the CTest names gtest_discover_tests derives).
void PrintTo(Backend backend, std::ostream* os) { *os << backendName(backend); }

namespace {

using hamhub::test::TempDir;
using test::PostgresSchema;
using ::testing::HasSubstr;
using ::testing::Not;

StoredRecordWrite write(std::string kind, std::string key, std::string hash, std::string subject = "16.72",
                        std::string url = "") {
  StoredRecordWrite w;
  w.record.kind = std::move(kind);
  w.record.key = key;
  w.record.subject = std::move(subject);
  w.record.period = "2024";
  w.record.url = url.empty() ? "https://jdih.example.go.id/doc/" + key : std::move(url);
  w.record.payload = R"({"title":"Perda )" + key + R"("})";
  w.contentHash = std::move(hash);
  w.isNew = true;
  return w;
}

Batch batchFor(std::string source, std::int64_t runId) {
  Batch b;
  b.source = std::move(source);
  b.runId = runId;
  b.fetchedAt = std::chrono::system_clock::now();
  return b;
}

// A batch of a new run of `source`.
Batch newRunBatch(Store& store, const std::string& source) {
  auto run = store.beginRun(source);
  EXPECT_TRUE(run.isOk()) << run.status().message();
  return batchFor(source, run.isOk() ? *run : 0);
}

Subject subject(std::string id, std::string name, SubjectKind kind, std::vector<std::string> aliases = {},
                std::string bps = "") {
  Subject s;
  s.id = std::move(id);
  s.name = std::move(name);
  s.kind = kind;
  s.province = "16";
  s.parent = kind == SubjectKind::Province ? "" : "16";
  s.kanwil = "Kanwil Sumatera Selatan";
  s.bpsCode = std::move(bps);
  s.aliases = std::move(aliases);
  return s;
}

// Each test gets an empty store of the backend it is instantiated for: a SQLite file in a temp dir,
// or its own schema on the PostgreSQL of the 'pg' CTest fixture.
class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::Sqlite) {
      url_ = "sqlite:var/hamhub.db";
      return;
    }
    const auto base = test::testPostgresUrl();
    if (!base) {
      if (test::skipPostgres()) GTEST_SKIP() << "HAMHUB_TEST_SKIP_PG=1: " << test::missingPostgresHelp();
      FAIL() << test::missingPostgresHelp();
    }
    schema_ = std::make_unique<PostgresSchema>(*base);
    url_ = schema_->url();
  }

  std::unique_ptr<Store> open() {
    auto store = Store::open(url_, dir_.path());
    EXPECT_TRUE(store.isOk()) << store.status().message();
    return store.isOk() ? std::move(store.value()) : nullptr;
  }

  void exec(const std::string& sql) { test::execSql(url_, dir_.path(), sql); }
  std::string query(const std::string& sql) { return test::querySql(url_, dir_.path(), sql); }

  std::vector<StoredRecord> all(Store& store, const std::string& source, bool includeWithdrawn = true) {
    RecordQuery q;
    q.source = source;
    q.includeWithdrawn = includeWithdrawn;
    auto records = store.records(q);
    EXPECT_TRUE(records.isOk()) << records.status().message();
    return records.isOk() ? records.value() : std::vector<StoredRecord>{};
  }

  TempDir dir_;
  std::unique_ptr<PostgresSchema> schema_;
  std::string url_;
};

TEST_P(StoreTest, appliesMigrationsOnceAndReopensIdempotently) {
  {
    auto store = open();
    ASSERT_TRUE(store);
    EXPECT_EQ(store->backend(), GetParam());
    EXPECT_EQ(store->schemaVersion(), latestSchemaVersion());
    ASSERT_TRUE(store->syncSources({{"jdih-16-72", "jdih", {"16.72"}, true, "h1"}}).isOk());
  }
  auto again = open();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->schemaVersion(), latestSchemaVersion());
  EXPECT_EQ(query("SELECT COUNT(*) FROM schema_migrations"), std::to_string(migrations().size()));
  auto sources = again->sources();
  ASSERT_TRUE(sources.isOk()) << sources.status().message();
  ASSERT_EQ(sources->size(), 1u);
  EXPECT_EQ(sources->front().subjects, std::vector<std::string>{"16.72"});
}

TEST_P(StoreTest, movesFindingsOfAnOlderStoreOntoTheirDocuments) {
  // A store at schema 6, findings still in their own table, built from the migrations themselves.
  if (GetParam() == Backend::Sqlite) std::filesystem::create_directories(dir_.path() / "var");
  for (const Migration& m : migrations()) {
    if (m.version > 6) break;
    const Dialect& dialect = Dialect::of(GetParam());
    if (m.version == 1) {
      exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    }
    for (const std::string_view statement : m.statements) {
      if (dialect.runsHere(statement)) exec(dialect.ddl(statement));
    }
    exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (" + std::to_string(m.version) +
         ", 'old', '2026-01-01T00:00:00Z')");
  }
  exec("INSERT INTO records (source, kind, natural_key, content_hash, payload, fetched_at, first_run, changed_run) "
       "VALUES ('s', 'jdih.document', '1', 'h', '{}', '2026-01-01T00:00:00Z', 1, 1), "
       "('s', 'jdih.document', '2', 'h', '{}', '2026-01-01T00:00:00Z', 1, 1)");
  exec("INSERT INTO documents (source, natural_key, record_kind, title, missing_count) "
       "VALUES ('s', '1', 'jdih.document', 'Perda 1', 2), ('s', '2', 'jdih.document', 'Perda 2', 0)");
  exec("INSERT INTO document_findings (source, natural_key, field, field_name, run_id) "
       "VALUES ('s', '1', 'abstract', 'Abstrak', 1), ('s', '1', 'subjects', 'Subjek', 1)");

  auto store = open();
  ASSERT_TRUE(store);
  EXPECT_EQ(store->schemaVersion(), latestSchemaVersion());
  auto docs = store->documents({});
  ASSERT_TRUE(docs.isOk()) << docs.status().message();
  ASSERT_EQ(docs->size(), 2u);
  const auto& first = (*docs)[0].document.key == "1" ? (*docs)[0] : (*docs)[1];
  const auto& second = (*docs)[0].document.key == "1" ? (*docs)[1] : (*docs)[0];
  using Missing = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(first.document.missing, (Missing{{"abstract", "Abstrak"}, {"subjects", "Subjek"}}));
  EXPECT_TRUE(second.document.missing.empty());
  EXPECT_EQ(query("SELECT COUNT(*) FROM document_findings WHERE natural_key = '1'"), "2");
}

TEST_P(StoreTest, indexesRecordsBesidesTheirKeyOnlyByKindAndSubject) {
  // Migration 8: one secondary index, which every reader by kind (and subject) uses.
  ASSERT_TRUE(open());
  const std::string indexes =
      GetParam() == Backend::Sqlite
          ? query("SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'index' "
                  "AND tbl_name = 'records' AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name)")
          : query("SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes "
                  "WHERE schemaname = current_schema() AND tablename = 'records' AND indexname <> 'records_pkey'");
  EXPECT_EQ(indexes, "records_kind_subject");
}

TEST_P(StoreTest, refusesSchemaNewerThanThisBuildKnows) {
  ASSERT_TRUE(open());
  exec(
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', "
      "'2030-01-01T00:00:00Z')");
  auto store = Store::open(url_, dir_.path());
  ASSERT_FALSE(store.isOk());
  EXPECT_EQ(store.status().reason(), "store-version");
  EXPECT_THAT(store.status().message(),
              HasSubstr("store schema version 999 is newer than this hamhub knows (" +
                        std::to_string(latestSchemaVersion()) + "); upgrade hamhub"));
}

TEST_P(StoreTest, findsSubjectsByIdBpsCodeAliasAndSpellingVariant) {
  auto store = open();
  ASSERT_TRUE(store);
  ASSERT_TRUE(
      store
          ->upsertSubjects({subject("16", "Sumatera Selatan", SubjectKind::Province, {"Sumsel"}),
                            subject("16.72", "Kota Pagar Alam", SubjectKind::KabKota, {"Pagar Alam"}, "1674"),
                            subject("16.73", "Kota Lubuk Linggau", SubjectKind::KabKota, {"Lubuk Linggau"}),
                            subject("16.05", "Kabupaten Musi Rawas", SubjectKind::KabKota)})
          .isOk());

  const auto idOf = [&](std::string_view needle) -> std::string {
    auto found = store->findSubject(needle);
    EXPECT_TRUE(found.isOk()) << found.status().message();
    return found.isOk() && found->has_value() ? (*found)->id : "<none>";
  };
  EXPECT_EQ(idOf("16.72"), "16.72");
  EXPECT_EQ(idOf("1674"), "16.72");  // BPS code, stored as given
  EXPECT_EQ(idOf("Pagaralam"), "16.72");
  EXPECT_EQ(idOf("Pagar Alam"), "16.72");
  EXPECT_EQ(idOf("KOTA PAGAR-ALAM"), "16.72");
  EXPECT_EQ(idOf("Lubuklinggau"), "16.73");
  EXPECT_EQ(idOf("Kab. Musi Rawas"), "16.05");
  EXPECT_EQ(idOf("Musirawas"), "16.05");
  EXPECT_EQ(idOf("sumsel"), "16");
  EXPECT_EQ(idOf("Palembang"), "<none>");

  auto pagarAlam = store->findSubject("pagaralam");
  ASSERT_TRUE(pagarAlam.isOk() && pagarAlam->has_value());
  EXPECT_EQ((*pagarAlam)->name, "Kota Pagar Alam");
  EXPECT_EQ((*pagarAlam)->kind, SubjectKind::KabKota);
  EXPECT_EQ((*pagarAlam)->bpsCode, "1674");
  EXPECT_EQ((*pagarAlam)->aliases, std::vector<std::string>{"Pagar Alam"});

  auto all = store->subjects();
  ASSERT_TRUE(all.isOk()) << all.status().message();
  ASSERT_EQ(all->size(), 4u);
  EXPECT_EQ(all->front().id, "16");
}

TEST_P(StoreTest, reseedingReplacesAliasesAndRejectsAnAliasClaimedTwice) {
  auto store = open();
  ASSERT_TRUE(store);
  ASSERT_TRUE(
      store->upsertSubjects({subject("16.72", "Kota Pagar Alam", SubjectKind::KabKota, {"Pagar Alam"})})
          .isOk());
  ASSERT_TRUE(
      store->upsertSubjects({subject("16.72", "Kota Pagaralam", SubjectKind::KabKota, {"Pagaralam Kota"})})
          .isOk());
  auto old = store->findSubject("Pagar Alam");
  ASSERT_TRUE(old.isOk());
  EXPECT_FALSE(old->has_value()) << "the old alias should be gone";
  auto renamed = store->findSubject("pagaralamkota");
  ASSERT_TRUE(renamed.isOk() && renamed->has_value());
  EXPECT_EQ((*renamed)->name, "Kota Pagaralam");

  const Status twice =
      store->upsertSubjects({subject("16.72", "Kota Pagar Alam", SubjectKind::KabKota, {"Pagar Alam"}),
                             subject("16.04", "Kabupaten Lahat", SubjectKind::KabKota, {"Pagaralam"})});
  ASSERT_FALSE(twice.isOk());
  EXPECT_THAT(twice.message(), HasSubstr("names both 16.72 and 16.04"));
}

TEST_P(StoreTest, reportsANameSharedBySeveralSubjectsAsAmbiguous) {
  auto store = open();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store
                  ->upsertSubjects({subject("16.72.opd.dinkes", "Dinas Kesehatan", SubjectKind::Opd),
                                    subject("16.73.opd.dinkes", "Dinas Kesehatan", SubjectKind::Opd)})
                  .isOk());
  auto found = store->findSubject("dinas kesehatan");
  ASSERT_FALSE(found.isOk());
  EXPECT_EQ(found.status().reason(), "ambiguous");
  EXPECT_THAT(found.status().message(), HasSubstr("16.72.opd.dinkes, 16.73.opd.dinkes"));
}

TEST_P(StoreTest, commitsBatchAndCursorTogether) {
  auto store = open();
  ASSERT_TRUE(store);
  auto run = store->beginRun("jdih-16-72");
  ASSERT_TRUE(run.isOk()) << run.status().message();

  Batch b = batchFor("jdih-16-72", *run);
  b.writes = {write("jdih.document", "1", "h1"), write("jdih.document", "2", "h2")};
  b.errors = {{"3", "missing title"}};
  b.cursor = R"({"page":1})";
  ASSERT_TRUE(store->commitBatch(b).isOk());

  const auto records = all(*store, "jdih-16-72");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].record.key, "1");
  EXPECT_EQ(records[0].firstRun, *run);
  EXPECT_EQ(records[0].changedRun, *run);
  EXPECT_FALSE(records[0].withdrawnRun.has_value());
  EXPECT_EQ(records[0].record.payload, R"({"title":"Perda 1"})");
  EXPECT_TRUE(std::regex_match(records[0].fetchedAt, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
  auto cursor = store->cursor("jdih-16-72");
  ASSERT_TRUE(cursor.isOk());
  EXPECT_EQ(cursor->value_or("<none>"), R"({"page":1})");
  EXPECT_EQ(query("SELECT message FROM record_errors"), "missing title");
  auto none = store->cursor("other");
  ASSERT_TRUE(none.isOk());
  EXPECT_FALSE(none->has_value());
}

DocumentWrite document(std::string key, std::string status, std::string promulgated,
                       std::vector<std::pair<std::string, std::string>> missing) {
  DocumentWrite d;
  d.key = std::move(key);
  d.recordKind = "jdih.document";
  d.subject = "16.72";
  d.jenis = "Peraturan Daerah";
  d.jenisShort = "Perda";
  d.year = 2024;
  d.title = "Perda " + d.key;
  d.status = std::move(status);
  d.promulgatedOn = std::move(promulgated);
  d.rulesVersion = "jdih-metadata@8/2019";
  d.missing = std::move(missing);
  return d;
}

TEST_P(StoreTest, keepsDocumentsWithTheirFindingsAndFiguresInTheRecordsTransaction) {
  auto store = open();
  ASSERT_TRUE(store);
  auto run = store->beginRun("jdih-16-72");
  ASSERT_TRUE(run.isOk());
  Batch b = batchFor("jdih-16-72", *run);
  b.writes = {write("jdih.document", "1", "h1"), write("jdih.document", "2", "h2"), write("jdih.document", "3", "h3")};
  b.documents = {document("1", "berlaku", "2024-03-01", {}),
                 document("2", "dicabut", "2023-01-05", {{"subjects", "Subjek"}, {"enacted_on", "Tanggal penetapan"}}),
                 document("3", "berlaku", "", {{"source", "Sumber"}})};
  ASSERT_TRUE(store->commitBatch(b).isOk());

  auto docs = store->documents({});
  ASSERT_TRUE(docs.isOk()) << docs.status().message();
  ASSERT_EQ(docs->size(), 3u);
  EXPECT_EQ((*docs)[0].document.key, "1");  // newest promulgation first
  EXPECT_EQ((*docs)[1].document.missing.size(), 2u);
  DocumentQuery missing;
  missing.missingMetadataOnly = true;
  EXPECT_EQ(store->documents(missing)->size(), 2u);
  DocumentQuery revoked;
  revoked.status = "dicabut";
  ASSERT_EQ(store->documents(revoked)->size(), 1u);
  EXPECT_EQ(store->documents(revoked)->front().document.missing[1].second, "Tanggal penetapan");  // rules order
  // SQL readers see one row per (document, field), in the rules' order.
  EXPECT_EQ(query("SELECT COUNT(*) FROM document_findings"), "3");
  EXPECT_EQ(query("SELECT field_name FROM document_findings WHERE natural_key = '2' AND field = 'enacted_on'"),
            "Tanggal penetapan");
  DocumentQuery province;  // what a Kanwil token's listing asks for: its province's subjects
  province.subjectsIn = {"16.71", "16.72"};
  EXPECT_EQ(store->documents(province)->size(), 3u);
  province.subjectsIn = {"16.71", "32.73"};
  EXPECT_TRUE(store->documents(province)->empty());

  auto figures = store->documentFigures();
  ASSERT_TRUE(figures.isOk()) << figures.status().message();
  ASSERT_EQ(figures->size(), 1u);
  EXPECT_EQ(figures->front().documents, 3);
  EXPECT_EQ(figures->front().complete, 1);
  EXPECT_EQ(figures->front().newestDate, "2024-03-01");

  // A new version replaces the findings; a withdrawn document leaves the figures.
  ASSERT_TRUE(store->finishRun(RunOutcome{*run, RunStatus::Success, {}, "", ""}));
  auto second = store->beginRun("jdih-16-72");
  Batch b2 = batchFor("jdih-16-72", *second);
  b2.writes = {write("jdih.document", "2", "h2b")};
  b2.documents = {document("2", "berlaku", "2023-01-05", {})};
  b2.withdrawals = {{"jdih.document", "3"}};
  ASSERT_TRUE(store->commitBatch(b2).isOk());
  EXPECT_EQ(store->documents(missing)->size(), 0u);
  EXPECT_EQ(query("SELECT COUNT(*) FROM document_findings WHERE natural_key = '2'"), "0");
  EXPECT_EQ(store->documentFigures()->front().documents, 2);
  EXPECT_EQ(store->documentFigures()->front().complete, 2);
  DocumentQuery all;
  all.includeWithdrawn = true;
  auto withWithdrawn = store->documents(all);
  ASSERT_EQ(withWithdrawn->size(), 3u);
  EXPECT_TRUE(withWithdrawn->back().withdrawn);
}

TEST_P(StoreTest, walksDocumentsOneAtATimeInListingOrderAndStopsWhenTold) {
  auto store = open();
  ASSERT_TRUE(store);
  Batch b = newRunBatch(*store, "jdih-16-72");
  for (int i = 0; i < 5; ++i) {
    const std::string key = std::to_string(i);
    b.writes.push_back(write("jdih.document", key, "h" + key));
    b.documents.push_back(document(key, "berlaku", "2024-01-0" + std::to_string(i + 1),
                                   i % 2 == 0 ? std::vector<std::pair<std::string, std::string>>{{"subjects", "Subjek"}}
                                              : std::vector<std::pair<std::string, std::string>>{}));
  }
  ASSERT_TRUE(store->commitBatch(b).isOk());

  std::vector<std::string> keys;
  DocumentQuery page;
  page.limit = 3;
  page.offset = 1;
  ASSERT_TRUE(store->forEachDocument(page, [&](const DocumentView& v) {
    keys.push_back(v.document.key + ":" + std::to_string(v.document.missing.size()));
    return Status::ok();
  }));
  // Newest promulgation first; each view's findings are its own, not left over from the last one.
  EXPECT_EQ(keys, (std::vector<std::string>{"3:0", "2:1", "1:0"}));

  int visited = 0;
  Status stopped = store->forEachDocument({}, [&](const DocumentView&) {
    return ++visited == 2 ? Status::error("enough", "cancelled") : Status::ok();
  });
  EXPECT_EQ(stopped.reason(), "cancelled");
  EXPECT_EQ(visited, 2);
  // The store is usable after a walk that stopped half-way.
  EXPECT_EQ(store->documents({})->size(), 5u);
}

TEST_P(StoreTest, keepsTheLastVersionOfARecordABatchNamesTwice) {
  // 70 rows: two whole 32-row statements and six single rows on SQLite. Key 3 comes again in the
  // same statement, key 5 in the next one, key 40 in the single rows; the last version wins.
  auto store = open();
  ASSERT_TRUE(store);
  Batch b = newRunBatch(*store, "jdih-16-72");
  for (int i = 0; i < 67; ++i) {
    b.writes.push_back(write("jdih.document", std::to_string(i), "h" + std::to_string(i)));
    b.documents.push_back(document(std::to_string(i), "berlaku", "2024-01-01", {}));
  }
  for (const char* again : {"3", "5", "40"}) {
    b.writes.insert(b.writes.begin() + (std::string(again) == "3" ? 10 : std::string(again) == "5" ? 40 : 67),
                    write("jdih.document", again, std::string("new") + again));
    b.documents.push_back(document(again, "dicabut", "2024-01-01", {{"subjects", "Subjek"}}));
  }
  ASSERT_EQ(b.writes.size(), 70u);
  ASSERT_TRUE(store->commitBatch(b).isOk());
  const auto records = all(*store, "jdih-16-72");
  ASSERT_EQ(records.size(), 67u);
  std::map<std::string, std::string> hashes;
  for (const auto& r : records) hashes[r.record.key] = r.contentHash;
  EXPECT_EQ(hashes["3"], "new3");
  EXPECT_EQ(hashes["5"], "new5");
  EXPECT_EQ(hashes["40"], "new40");
  EXPECT_EQ(hashes["66"], "h66");
  DocumentQuery revoked;
  revoked.status = "dicabut";
  auto docs = store->documents(revoked);
  ASSERT_TRUE(docs.isOk()) << docs.status().message();
  EXPECT_EQ(docs->size(), 3u);
  EXPECT_EQ(query("SELECT COUNT(*) FROM document_findings"), "3");
}

TEST_P(StoreTest, leavesNothingOfABatchWhoseWriteFailsAndKeepsTheEarlierCursor) {
  auto store = open();
  ASSERT_TRUE(store);
  auto run = store->beginRun("jdih-16-72");
  ASSERT_TRUE(run.isOk());
  Batch first = batchFor("jdih-16-72", *run);
  first.writes = {write("jdih.document", "1", "h1"), write("jdih.document", "2", "h2")};
  first.cursor = "c1";
  ASSERT_TRUE(store->commitBatch(first).isOk());

  // Make the third row of the next batch fail inside the database, after two rows went in.
  exec("CREATE UNIQUE INDEX test_one_url_per_record ON records (url)");
  Batch second = batchFor("jdih-16-72", *run);
  second.writes = {write("jdih.document", "3", "h3", "16.72", "https://x/3"),
                   write("jdih.document", "1", "h1-changed", "16.72", "https://x/1"),
                   write("jdih.document", "4", "h4", "16.72", "https://x/3")};
  second.withdrawals = {{"jdih.document", "2"}};
  second.errors = {{"5", "bad date"}};
  second.cursor = "c2";
  const Status failed = store->commitBatch(second);
  ASSERT_FALSE(failed.isOk());
  EXPECT_EQ(failed.reason(), "store");
  EXPECT_THAT(failed.message(), HasSubstr("commitBatch failed"));
  EXPECT_THAT(failed.message(), HasSubstr(store->describe()));

  const auto records = all(*store, "jdih-16-72");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].contentHash, "h1");
  EXPECT_FALSE(records[1].withdrawnRun.has_value());
  EXPECT_EQ(store->cursor("jdih-16-72")->value_or(""), "c1");
  EXPECT_EQ(query("SELECT COUNT(*) FROM record_errors"), "0");

  // The store is still usable after the rollback.
  exec("DROP INDEX test_one_url_per_record");
  ASSERT_TRUE(store->commitBatch(second).isOk());
  EXPECT_EQ(store->cursor("jdih-16-72")->value_or(""), "c2");
}

TEST_P(StoreTest, rollsBackRecordsWhenTheBatchNamesAnUnknownRun) {
  auto store = open();
  ASSERT_TRUE(store);
  Batch b = batchFor("jdih-16-72", 4242);  // record_errors.run_id must name a run
  b.writes = {write("jdih.document", "1", "h1")};
  b.errors = {{"2", "broken"}};
  b.cursor = "c";
  ASSERT_FALSE(store->commitBatch(b).isOk());
  EXPECT_TRUE(all(*store, "jdih-16-72").empty());
  EXPECT_FALSE(store->cursor("jdih-16-72")->has_value());
}

TEST_P(StoreTest, writesBatchesLargerThanOneStatementAndKeepsTheLastOfRepeatedWrites) {
  auto store = open();
  ASSERT_TRUE(store);
  auto run = store->beginRun("big");
  ASSERT_TRUE(run.isOk());
  Batch b = batchFor("big", *run);
  constexpr int kRecords = 2500;  // several multi-row statements on PostgreSQL
  for (int i = 0; i < kRecords; ++i) b.writes.push_back(write("jdih.document", std::to_string(i), "h"));
  b.writes.push_back(write("jdih.document", "7", "h-last"));
  for (int i = 0; i < kRecords; i += 2) b.withdrawals.push_back({"jdih.document", std::to_string(i)});
  for (int i = 0; i < 1500; ++i) b.errors.push_back({"e" + std::to_string(i), "unreadable"});
  ASSERT_TRUE(store->commitBatch(b).isOk());

  auto index = store->recordIndex("big");
  ASSERT_TRUE(index.isOk());
  EXPECT_EQ(index->size(), static_cast<std::size_t>(kRecords));
  EXPECT_EQ(index->find("jdih.document", "7")->content, contentHashDigest("h-last"));
  EXPECT_TRUE(index->find("jdih.document", "8")->withdrawn());
  EXPECT_FALSE(index->find("jdih.document", "9")->withdrawn());
  EXPECT_EQ(query("SELECT COUNT(*) FROM record_errors"), "1500");
}

// More records than one page of the scan (PostgreSQL reads them in pages of 20,000 along the key),
// with kinds interleaved so that a page ends inside a kind: every record is visited exactly once.
TEST_P(StoreTest, scansEveryRecordOfASourceExactlyOnceAcrossPages) {
  auto store = open();
  ASSERT_TRUE(store);
  auto run = store->beginRun("many");
  ASSERT_TRUE(run.isOk());
  Batch b = batchFor("many", *run);
  constexpr int kRecords = 20'500;
  for (int i = 0; i < kRecords; ++i) b.writes.push_back(write(i % 2 ? "t.a" : "t.b", std::to_string(i), "h"));
  ASSERT_TRUE(store->commitBatch(b).isOk());
  ASSERT_TRUE(store->commitBatch(batchFor("other", *run)).isOk());

  std::set<std::string> seen;
  std::size_t visits = 0;
  Status scanned = store->scanRecords("many", [&](std::string_view kind, std::string_view key, std::string_view hash,
                                                  bool withdrawn) {
    ++visits;
    EXPECT_EQ(hash, "h");
    EXPECT_FALSE(withdrawn);
    seen.insert(std::string(kind) + "/" + std::string(key));
  });
  ASSERT_TRUE(scanned.isOk()) << scanned.message();
  EXPECT_EQ(visits, static_cast<std::size_t>(kRecords));
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(kRecords));
}

TEST_P(StoreTest, tellsUnchangedRecordsThroughTheRecordIndex) {
  auto store = open();
  ASSERT_TRUE(store);
  auto run = store->beginRun("jdih-16-72");
  ASSERT_TRUE(run.isOk());
  Batch b = batchFor("jdih-16-72", *run);
  b.writes = {write("jdih.document", "1", "h1"), write("jdih.document", "2", "h2"),
              write("jdih.status", "1", "s1")};
  ASSERT_TRUE(store->commitBatch(b).isOk());

  auto index = store->recordIndex("jdih-16-72");
  ASSERT_TRUE(index.isOk()) << index.status().message();
  EXPECT_EQ(index->size(), 3u);
  const RecordIndex::Entry* doc1 = index->find("jdih.document", "1");
  ASSERT_NE(doc1, nullptr);
  EXPECT_EQ(doc1->content, contentHashDigest("h1"));
  EXPECT_FALSE(doc1->withdrawn());
  ASSERT_NE(index->find("jdih.status", "1"), nullptr);
  EXPECT_EQ(index->find("jdih.status", "1")->content, contentHashDigest("s1"));
  EXPECT_EQ(index->find("jdih.document", "9"), nullptr);

  auto other = store->recordIndex("jdih-16-73");
  ASSERT_TRUE(other.isOk());
  EXPECT_TRUE(other->empty());
}

TEST_P(StoreTest, withdrawsRecordsAndRestoresThemWhenTheyReappear) {
  auto store = open();
  ASSERT_TRUE(store);
  auto run1 = store->beginRun("jdih-16-72");
  ASSERT_TRUE(run1.isOk());
  Batch b1 = batchFor("jdih-16-72", *run1);
  b1.writes = {write("jdih.document", "1", "h1"), write("jdih.document", "2", "h2")};
  ASSERT_TRUE(store->commitBatch(b1).isOk());
  ASSERT_TRUE(store->finishRun(RunOutcome{*run1, RunStatus::Success, {}, "", ""}));

  auto run2 = store->beginRun("jdih-16-72");
  ASSERT_TRUE(run2.isOk());
  Batch b2 = batchFor("jdih-16-72", *run2);
  b2.withdrawals = {{"jdih.document", "2"}};
  ASSERT_TRUE(store->commitBatch(b2).isOk());
  ASSERT_TRUE(store->finishRun(RunOutcome{*run2, RunStatus::Success, {}, "", ""}));

  EXPECT_EQ(all(*store, "jdih-16-72", false).size(), 1u);
  auto withdrawn = all(*store, "jdih-16-72", true);
  ASSERT_EQ(withdrawn.size(), 2u);
  EXPECT_EQ(withdrawn[1].withdrawnRun, std::optional<std::int64_t>(*run2));
  EXPECT_TRUE(store->recordIndex("jdih-16-72")->find("jdih.document", "2")->withdrawn());

  auto run3 = store->beginRun("jdih-16-72");
  ASSERT_TRUE(run3.isOk());
  Batch b3 = batchFor("jdih-16-72", *run3);
  b3.writes = {write("jdih.document", "2", "h2-new")};
  b3.writes[0].isNew = false;
  ASSERT_TRUE(store->commitBatch(b3).isOk());

  auto back = all(*store, "jdih-16-72", false);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_FALSE(back[1].withdrawnRun.has_value());
  EXPECT_EQ(back[1].firstRun, *run1);
  EXPECT_EQ(back[1].changedRun, *run3);
  EXPECT_EQ(back[1].contentHash, "h2-new");
  EXPECT_FALSE(store->recordIndex("jdih-16-72")->find("jdih.document", "2")->withdrawn());
}

TEST_P(StoreTest, keepsRunBookkeepingNewestFirst) {
  auto store = open();
  ASSERT_TRUE(store);
  auto a1 = store->beginRun("a");
  auto b1 = store->beginRun("b");
  ASSERT_TRUE(a1.isOk() && b1.isOk());
  RunOutcome done{*a1, RunStatus::Success, {5, 1, 10, 2, 1}, "", ""};
  ASSERT_TRUE(store->finishRun(done).isOk());
  auto a2 = store->beginRun("a");
  ASSERT_TRUE(a2.isOk());
  EXPECT_LT(*a1, *b1);
  EXPECT_LT(*b1, *a2);

  RunOutcome timedOut{*b1, RunStatus::TimedOut, {}, "no answer in 300 s", "timeout"};
  ASSERT_TRUE(store->finishRun(timedOut).isOk());

  auto runs = store->runs(std::nullopt, 0);
  ASSERT_TRUE(runs.isOk()) << runs.status().message();
  ASSERT_EQ(runs->size(), 3u);
  EXPECT_EQ((*runs)[0].id, *a2);
  EXPECT_EQ((*runs)[0].status, RunStatus::Running);
  EXPECT_EQ((*runs)[0].endedAt, "");
  EXPECT_EQ((*runs)[0].pid, ::getpid());
  EXPECT_FALSE((*runs)[0].hostname.empty());
  EXPECT_EQ((*runs)[1].status, RunStatus::TimedOut);
  EXPECT_EQ((*runs)[1].error, "no answer in 300 s");
  EXPECT_EQ((*runs)[1].errorReason, "timeout");

  auto onlyA = store->runs(std::string("a"), 0);
  ASSERT_TRUE(onlyA.isOk());
  ASSERT_EQ(onlyA->size(), 2u);
  const RunRow& finished = (*onlyA)[1];
  EXPECT_EQ(finished.status, RunStatus::Success);
  EXPECT_EQ(finished.counts.added, 5);
  EXPECT_EQ(finished.counts.updated, 1);
  EXPECT_EQ(finished.counts.unchanged, 10);
  EXPECT_EQ(finished.counts.withdrawn, 2);
  EXPECT_EQ(finished.counts.failed, 1);
  EXPECT_TRUE(std::regex_match(finished.startedAt, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
  EXPECT_GE(finished.endedAt, finished.startedAt);
  EXPECT_EQ(store->runs(std::nullopt, 1)->size(), 1u);

  const Status again = store->finishRun(done);
  EXPECT_EQ(again.reason(), "conflict");
  EXPECT_THAT(again.message(), HasSubstr("already ended (success)"));
  EXPECT_EQ(store->finishRun(RunOutcome{999999, RunStatus::Failed, {}, "x", "y"}).reason(), "not-found");
  EXPECT_EQ(store->finishRun(RunOutcome{*a2, RunStatus::Running, {}, "", ""}).reason(), "invalid-argument");
}

TEST_P(StoreTest, syncsSourcesAndDisablesTheOnesNoLongerConfigured) {
  auto store = open();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store
                  ->syncSources({{"jdih-16-72", "jdih", {"16.72"}, true, "h1"},
                                 {"jdih-16-73", "jdih", {"16.73", "16"}, true, "h2"}})
                  .isOk());
  const std::string stamp = query("SELECT updated_at FROM sources WHERE id = 'jdih-16-72'");
  exec("UPDATE sources SET updated_at = 'unchanged' WHERE id = 'jdih-16-72'");
  ASSERT_TRUE(store->syncSources({{"jdih-16-72", "jdih", {"16.72"}, true, "h1"}}).isOk());
  EXPECT_EQ(query("SELECT updated_at FROM sources WHERE id = 'jdih-16-72'"), "unchanged")
      << "an unchanged source keeps its updated_at";
  EXPECT_FALSE(stamp.empty());

  auto sources = store->sources();
  ASSERT_TRUE(sources.isOk()) << sources.status().message();
  ASSERT_EQ(sources->size(), 2u);
  EXPECT_TRUE((*sources)[0].enabled);
  EXPECT_FALSE((*sources)[1].enabled);
  EXPECT_EQ((*sources)[1].subjects, (std::vector<std::string>{"16.73", "16"}));
  EXPECT_EQ((*sources)[1].configHash, "h2");

  EXPECT_EQ(store->syncSources({{"x", "jdih", {}, true, ""}, {"x", "jdih", {}, true, ""}}).reason(),
            "invalid-argument");
}

TEST_P(StoreTest, filtersRecordsBySourceKindAndSubjectAndPagesInKeyOrder) {
  auto store = open();
  ASSERT_TRUE(store);
  auto run = store->beginRun("s");
  ASSERT_TRUE(run.isOk());
  Batch b = batchFor("s", *run);
  for (const char* key : {"c", "a", "b", "d"}) b.writes.push_back(write("jdih.document", key, "h", "16.72"));
  b.writes.push_back(write("jdih.status", "a", "h", "16.73"));
  ASSERT_TRUE(store->commitBatch(b).isOk());

  RecordQuery q;
  q.kind = "jdih.document";
  q.limit = 2;
  q.offset = 1;
  auto page = store->records(q);
  ASSERT_TRUE(page.isOk()) << page.status().message();
  ASSERT_EQ(page->size(), 2u);
  EXPECT_EQ((*page)[0].record.key, "b");
  EXPECT_EQ((*page)[1].record.key, "c");

  RecordQuery bySubject;
  bySubject.subject = "16.73";
  auto status = store->records(bySubject);
  ASSERT_TRUE(status.isOk());
  ASSERT_EQ(status->size(), 1u);
  EXPECT_EQ((*status)[0].record.kind, "jdih.status");
  EXPECT_EQ(store->records(RecordQuery{})->size(), 5u);
}

TEST_P(StoreTest, servesSeveralThreadsAtOnce) {
  auto store = open();
  ASSERT_TRUE(store);
  constexpr int kThreads = 4;
  constexpr int kBatches = 5;
  std::vector<std::thread> threads;
  std::vector<Status> results(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const std::string source = "src-" + std::to_string(t);
      auto run = store->beginRun(source);
      if (!run) {
        results[t] = run.status();
        return;
      }
      for (int i = 0; i < kBatches; ++i) {
        Batch b = batchFor(source, *run);
        for (int k = 0; k < 20; ++k) b.writes.push_back(write("k", std::to_string(i * 100 + k), "h"));
        b.cursor = std::to_string(i);
        if (Status s = store->commitBatch(b); !s) {
          results[t] = s;
          return;
        }
        if (auto index = store->recordIndex(source); !index) {
          results[t] = index.status();
          return;
        }
      }
      results[t] =
          store->finishRun(RunOutcome{*run, RunStatus::Success, {kBatches * 20, 0, 0, 0, 0}, "", ""});
    });
  }
  for (auto& th : threads) th.join();
  for (const Status& s : results) EXPECT_TRUE(s.isOk()) << s.message();
  for (int t = 0; t < kThreads; ++t) {
    const std::string source = "src-" + std::to_string(t);
    EXPECT_EQ(all(*store, source).size(), static_cast<std::size_t>(kBatches * 20));
    EXPECT_EQ(store->cursor(source)->value_or(""), std::to_string(kBatches - 1));
  }
}

// Commits that wait for the connection are written together, each in a savepoint: the one that
// fails inside the database and the one whose chunks fail are rolled back alone.
TEST_P(StoreTest, writesWaitingCommitsTogetherAndRollsBackOnlyTheOnesThatFail) {
  auto store = open();
  ASSERT_TRUE(store);
  exec("CREATE UNIQUE INDEX test_one_url_per_record ON records (url)");
  const std::vector<std::string> sources = {"good-1", "bad-row", "good-2", "bad-chunk", "good-3"};
  std::map<std::string, std::int64_t> runs;
  runs["holder"] = *store->beginRun("holder");
  for (const std::string& source : sources) runs[source] = *store->beginRun(source);
  const auto batchOf = [&](const std::string& source) {
    Batch b = batchFor(source, runs[source]);
    for (int k = 0; k < 3; ++k) b.writes.push_back(write("jdih.document", source + "-" + std::to_string(k), "h"));
    b.cursor = source + "-cursor";
    return b;
  };

  // The holder keeps the connection until every other commit is queued behind it.
  std::atomic<int> started{0};
  Batch holderBatch = batchOf("holder");
  Status holder;
  std::thread holding([&] {
    holder = store->commitBatches(
        [&](Batch&) -> Result<bool> {
          for (int i = 0; i < 200 && started.load() < static_cast<int>(sources.size()); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
          }
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
          return false;
        },
        holderBatch);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));

  std::map<std::string, Status> results;
  std::mutex resultsMutex;
  std::vector<std::thread> committers;
  for (const std::string& source : sources) {
    committers.emplace_back([&, source] {
      Batch batch = batchOf(source);
      if (source == "bad-row") batch.writes[2].record.url = batch.writes[0].record.url;
      bool chunkSent = false;
      Batch chunkData = batchOf(source);
      chunkData.writes = {write("jdih.document", source + "-chunk", "h")};
      const Store::BatchSource chunks = [&](Batch& chunk) -> Result<bool> {
        if (source != "bad-chunk") return false;
        if (chunkSent) return Status::error("spill file unreadable", "io");
        chunk = chunkData;
        chunkSent = true;
        return true;
      };
      ++started;
      Status s = store->commitBatches(chunks, batch);
      std::lock_guard lock(resultsMutex);
      results[source] = s;
    });
  }
  for (auto& t : committers) t.join();
  holding.join();

  EXPECT_TRUE(holder.isOk()) << holder.message();
  for (const std::string source : {"holder", "good-1", "good-2", "good-3"}) {
    if (results.count(source) != 0) {
      EXPECT_TRUE(results[source].isOk()) << source << ": " << results[source].message();
    }
    EXPECT_EQ(all(*store, source).size(), 3u) << source;
    EXPECT_EQ(store->cursor(source)->value_or(""), source + "-cursor");
  }
  EXPECT_EQ(results["bad-row"].reason(), "store");
  EXPECT_THAT(results["bad-row"].message(), HasSubstr("commitBatch"));
  EXPECT_EQ(results["bad-chunk"].reason(), "io");
  EXPECT_THAT(results["bad-chunk"].message(), HasSubstr("spill file unreadable"));
  for (const std::string source : {"bad-row", "bad-chunk"}) {
    EXPECT_TRUE(all(*store, source).empty()) << source;
    EXPECT_FALSE(store->cursor(source)->has_value()) << source;
  }
}

// Cases that only exist on a server.
class StorePostgresTest : public StoreTest {};

TEST_P(StorePostgresTest, reconnectsAfterTheServerDroppedTheConnection) {
  const std::string app = "hamhub_test_" + std::to_string(::getpid());
  const std::string sideUrl = url_;  // the killer must not carry the victim's name
  url_ += "&application_name=" + app;
  auto store = open();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->beginRun("a").isOk());
  EXPECT_EQ(test::querySql(sideUrl, dir_.path(),
                           "SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE application_name = '" +
                               app + "') AS killed"),
            "1");
  // The call that meets the dead connection fails with a store error; the next one reconnects.
  auto first = store->runs(std::nullopt, 0);
  if (!first.isOk()) {
    EXPECT_EQ(first.status().reason(), "store");
  }
  auto second = store->runs(std::nullopt, 0);
  ASSERT_TRUE(second.isOk()) << second.status().message();
  EXPECT_EQ(second->size(), 1u);
}

TEST_P(StoreTest, keepsEveryScoreAsHistoryAndTheLatestAsCurrent) {
  auto store = open();
  ASSERT_TRUE(store);
  auto row = [](std::string subject, double total, std::string hash) {
    return ScoreRow{0, std::move(subject), "kkpham", "22/2021", "2024", total, total >= 75 ? "peduli-ham" : "",
                    0.9, std::move(hash), R"({"total":)" + std::to_string(total) + "}", "2026-11-29T06:00:00Z"};
  };
  ASSERT_TRUE(store->insertScores({row("16.10", 78.0, "h1"), row("16.11", 70.5, "h2")}));
  ASSERT_TRUE(store->insertScores({row("16.10", 71.5, "h3")}));

  ScoreQuery query;
  query.instrument = "kkpham";
  auto current = store->currentScores(query);
  ASSERT_TRUE(current.isOk()) << current.status().message();
  ASSERT_EQ(current->size(), 2u);
  EXPECT_EQ((*current)[0].subject, "16.10");
  EXPECT_DOUBLE_EQ((*current)[0].total, 71.5);
  EXPECT_EQ((*current)[0].inputHash, "h3");
  EXPECT_EQ((*current)[0].predicate, "");
  EXPECT_DOUBLE_EQ((*current)[1].completeness, 0.9);

  auto history = store->scoreHistory("16.10", "kkpham", "2024");
  ASSERT_TRUE(history.isOk()) << history.status().message();
  ASSERT_EQ(history->size(), 2u);
  EXPECT_DOUBLE_EQ((*history)[0].total, 71.5);  // newest first
  EXPECT_DOUBLE_EQ((*history)[1].total, 78.0);
  EXPECT_EQ((*history)[1].predicate, "peduli-ham");

  query.subject = "16.99";
  EXPECT_TRUE(store->currentScores(query)->empty());
}

// Health: the latest row per source, an event per state change, incidents opened and closed
// by the changes, and the state at a window's start found from the last change before it.
TEST_P(StoreTest, keepsHealthStateChangesAndIncidents) {
  auto store = open();
  ASSERT_TRUE(store);
  const auto health = [](HealthState state, std::string reason, std::string at, std::string since) {
    SourceHealth h;
    h.source = "jdih-16-73";
    h.state = state;
    h.reason = std::move(reason);
    h.detail = "seen at " + at;
    h.checkedAt = std::move(at);
    h.since = std::move(since);
    h.httpStatus = state == HealthState::Maintenance ? 503 : 200;
    h.latencyMs = 12.5;
    return h;
  };
  ASSERT_TRUE(store->recordHealth(health(HealthState::Up, "ok", "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z"), true, false));
  ASSERT_TRUE(store->recordHealth(health(HealthState::Up, "ok", "2026-11-01T00:05:00Z", "2026-11-01T00:00:00Z"), false, false));
  ASSERT_TRUE(store->recordHealth(
      health(HealthState::Maintenance, "maintenance-status", "2026-11-02T00:00:00Z", "2026-11-02T00:00:00Z"), true, false));
  ASSERT_TRUE(store->recordHealth(health(HealthState::Up, "ok", "2026-11-03T06:00:00Z", "2026-11-03T06:00:00Z"), true, false));
  SourceHealth planned = health(HealthState::Maintenance, "planned-maintenance", "2026-11-05T00:00:00Z", "2026-11-05T00:00:00Z");
  planned.failures = 0;
  planned.breakerOpen = true;
  ASSERT_TRUE(store->recordHealth(planned, true, true));

  auto rows = store->sourceHealth();
  ASSERT_TRUE(rows.isOk()) << rows.status().message();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].state, HealthState::Maintenance);
  EXPECT_EQ((*rows)[0].reason, "planned-maintenance");
  EXPECT_EQ((*rows)[0].since, "2026-11-05T00:00:00Z");
  EXPECT_DOUBLE_EQ((*rows)[0].latencyMs, 12.5);
  EXPECT_TRUE((*rows)[0].breakerOpen);

  auto incidents = store->incidents(std::nullopt, "");
  ASSERT_TRUE(incidents.isOk()) << incidents.status().message();
  ASSERT_EQ(incidents->size(), 2u);
  EXPECT_EQ((*incidents)[0].reason, "planned-maintenance");
  EXPECT_TRUE((*incidents)[0].planned);
  EXPECT_EQ((*incidents)[0].endedAt, "");
  EXPECT_EQ((*incidents)[1].state, HealthState::Maintenance);
  EXPECT_EQ((*incidents)[1].startedAt, "2026-11-02T00:00:00Z");
  EXPECT_EQ((*incidents)[1].endedAt, "2026-11-03T06:00:00Z");
  EXPECT_FALSE((*incidents)[1].planned);
  // Ended before the window: left out; still open: always in.
  auto recent = store->incidents(std::string("jdih-16-73"), "2026-11-04T00:00:00Z");
  ASSERT_TRUE(recent.isOk());
  ASSERT_EQ(recent->size(), 1u);
  EXPECT_TRUE((*recent)[0].planned);
  auto other = store->incidents(std::string("jdih-16-71"), "");
  ASSERT_TRUE(other.isOk());
  EXPECT_TRUE(other->empty());

  auto events = store->healthEvents(std::nullopt, "2026-11-02T12:00:00Z");
  ASSERT_TRUE(events.isOk()) << events.status().message();
  ASSERT_EQ(events->size(), 3u);  // the change before the window, then the two inside it
  EXPECT_EQ((*events)[0].at, "2026-11-02T00:00:00Z");
  EXPECT_EQ((*events)[0].state, HealthState::Maintenance);
  EXPECT_EQ((*events)[1].state, HealthState::Up);
  EXPECT_EQ((*events)[2].reason, "planned-maintenance");
}

TEST_P(StoreTest, refusesASecondRunningRunOfTheSameSource) {
  auto store = open();
  ASSERT_TRUE(store);
  auto first = store->beginRun("jdih-16-73");
  ASSERT_TRUE(first.isOk());
  auto second = store->beginRun("jdih-16-73");
  ASSERT_FALSE(second.isOk());
  EXPECT_EQ(second.status().reason(), "busy");
  EXPECT_NE(second.status().message().find("is already being harvested (run " + std::to_string(*first)), std::string::npos)
      << second.status().message();
  EXPECT_TRUE(store->beginRun("jdih-16-71").isOk());  // other sources are not held up
  ASSERT_TRUE(store->finishRun(RunOutcome{*first, RunStatus::Failed, {}, "x", "io"}));
  EXPECT_TRUE(store->beginRun("jdih-16-73").isOk());
}

TEST_P(StoreTest, startsAndEndsRunsOfManyThreadsTogetherAndStillRefusesASecondRunOfASource) {
  // Run rows are written in group transactions, each in its own savepoint: a refused start (one
  // source, two threads) must not undo the other runs' rows written with it.
  auto store = open();
  ASSERT_TRUE(store);
  constexpr int kThreads = 12;
  std::atomic<int> busy{0};
  std::mutex seenMutex;
  std::set<std::int64_t> ids;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const std::string source = t < 2 ? "shared" : "site" + std::to_string(t);
      for (int round = 0; round < 5; ++round) {
        auto id = store->beginRun(source);
        if (!id.isOk()) {
          EXPECT_EQ(id.status().reason(), "busy") << id.status().message();
          ++busy;
          continue;
        }
        {
          std::lock_guard lock(seenMutex);
          EXPECT_TRUE(ids.insert(*id).second);
        }
        EXPECT_TRUE(store->finishRun(RunOutcome{*id, RunStatus::Success, {1, 0, 0, 0, 0}, "", ""}));
      }
    });
  }
  for (auto& t : threads) t.join();
  auto runs = store->runs(std::nullopt, 0);
  ASSERT_TRUE(runs.isOk()) << runs.status().message();
  EXPECT_EQ(runs->size(), ids.size());
  EXPECT_EQ(static_cast<int>(ids.size()) + busy.load(), kThreads * 5);
  for (const RunRow& r : *runs) {
    EXPECT_EQ(r.status, RunStatus::Success) << r.id;
    EXPECT_EQ(r.counts.added, 1) << r.id;
  }
  auto running = store->runningRuns();
  ASSERT_TRUE(running.isOk());
  EXPECT_TRUE(running->empty());
}

TEST_P(StoreTest, listsRunsStillRunningOldestFirst) {
  auto store = open();
  ASSERT_TRUE(store);
  auto a = store->beginRun("a");
  auto b = store->beginRun("b");
  auto c = store->beginRun("c");
  ASSERT_TRUE(a.isOk() && b.isOk() && c.isOk());
  ASSERT_TRUE(store->finishRun(RunOutcome{*b, RunStatus::Success, {}, "", ""}));
  auto running = store->runningRuns();
  ASSERT_TRUE(running.isOk()) << running.status().message();
  ASSERT_EQ(running->size(), 2u);
  EXPECT_EQ((*running)[0].id, *a);
  EXPECT_EQ((*running)[1].id, *c);
}

TEST_P(StoreTest, findsEachConfiguredSourcesNewestEndedRunAndItsSummary) {
  auto store = open();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->syncSources({{"a", "jdih", {"16.72"}, true, "h"}, {"b", "jdih", {"16.73"}, true, "h"},
                                  {"c", "jdih", {"16.74"}, true, "h"}}));
  const auto ended = [&](const std::string& source, RunStatus status) {
    auto id = store->beginRun(source);
    EXPECT_TRUE(id.isOk());
    EXPECT_TRUE(store->finishRun(RunOutcome{*id, status, {}, "", ""}));
    return *id;
  };
  ended("a", RunStatus::Success);
  const std::int64_t aLast = ended("a", RunStatus::Failed);
  ASSERT_TRUE(store->beginRun("a").isOk());  // running: not an ended run
  ASSERT_TRUE(store->beginRun("b").isOk());  // b has nothing ended yet, c no run at all
  ended("gone", RunStatus::Success);         // not a configured source
  auto last = store->lastEndedRuns();
  ASSERT_TRUE(last.isOk()) << last.status().message();
  ASSERT_EQ(last->size(), 1u);
  EXPECT_EQ(last->front().id, aLast);
  EXPECT_EQ(last->front().status, RunStatus::Failed);

  auto summaries = store->runSummaries();
  ASSERT_TRUE(summaries.isOk()) << summaries.status().message();
  ASSERT_EQ(summaries->size(), 1u);
  const SourceRunSummary& a = summaries->front();
  EXPECT_EQ(a.source, "a");
  EXPECT_EQ(a.lastStatus, RunStatus::Failed);
  auto aRuns = store->runs(std::string("a"), 0);
  ASSERT_TRUE(aRuns.isOk());
  ASSERT_EQ(aRuns->size(), 3u);
  EXPECT_EQ(a.firstStartedAt, aRuns->back().startedAt);
  EXPECT_EQ(a.lastSuccessAt, aRuns->back().endedAt);  // the first run is its only success
  EXPECT_EQ(a.lastEndedAt, (*aRuns)[1].endedAt);
}

// Alerts: one live alert per key; re-evaluation moves last_seen only; a change raises the revision
// (a higher severity reopens an acknowledged alert); a key no longer found is resolved, and a key
// that comes back after that is a new alert.
TEST_P(StoreTest, deduplicatesAlertsAndResolvesThemWhenTheCauseIsGone) {
  auto store = open();
  ASSERT_TRUE(store);
  const auto finding = [](std::string key, AlertSeverity severity, std::string message) {
    AlertFinding f;
    f.key = key;
    f.kind = "ranham.report-missing";
    f.severity = severity;
    f.subject = "16.10";
    f.region = "16";
    f.messageId = message;
    f.messageEn = message + " (en)";
    return f;
  };
  const std::vector<std::string> scope{"ranham.report-missing"};
  auto first = store->syncAlerts(scope, {finding("k1", AlertSeverity::Warning, "a"), finding("k2", AlertSeverity::Info, "b")},
                                 "2026-04-20T00:00:00Z");
  ASSERT_TRUE(first.isOk()) << first.status().message();
  ASSERT_EQ(first->opened.size(), 2u);
  const auto k1 = first->opened[0];

  auto again = store->syncAlerts(scope, {finding("k1", AlertSeverity::Warning, "a"), finding("k2", AlertSeverity::Info, "b")},
                                 "2026-04-21T00:00:00Z");
  ASSERT_TRUE(again.isOk());
  EXPECT_TRUE(again->opened.empty());
  EXPECT_EQ(again->unchanged, 2u);
  auto row = store->alert(k1);
  ASSERT_TRUE(row.isOk() && row->has_value());
  EXPECT_EQ((*row)->firstSeen, "2026-04-20T00:00:00Z");
  EXPECT_EQ((*row)->lastSeen, "2026-04-21T00:00:00Z");
  EXPECT_EQ((*row)->revision, 1);

  auto acked = store->acknowledgeAlert(k1, "kanwil-16", "2026-04-21T01:00:00Z");
  ASSERT_TRUE(acked.isOk()) << acked.status().message();
  EXPECT_EQ(acked->state, AlertState::Acknowledged);
  EXPECT_EQ(acked->acknowledgedBy, "kanwil-16");

  // k1 becomes critical (the deadline passed): reopened, revision 2; k2 is gone: resolved.
  auto escalated = store->syncAlerts(scope, {finding("k1", AlertSeverity::Critical, "a late")}, "2026-05-01T00:00:00Z");
  ASSERT_TRUE(escalated.isOk());
  EXPECT_EQ(escalated->changed, std::vector<std::int64_t>{k1});
  EXPECT_EQ(escalated->resolved.size(), 1u);
  row = store->alert(k1);
  EXPECT_EQ((*row)->state, AlertState::Open);
  EXPECT_EQ((*row)->revision, 2);
  EXPECT_EQ((*row)->finding.severity, AlertSeverity::Critical);
  EXPECT_EQ((*row)->acknowledgedBy, "");

  // Other kinds are left alone by an evaluation that does not cover them.
  AlertFinding other = finding("s1", AlertSeverity::Warning, "down");
  other.kind = "source.down";
  ASSERT_TRUE(store->syncAlerts({"source.down"}, {other}, "2026-05-01T00:00:00Z").isOk());
  ASSERT_TRUE(store->syncAlerts(scope, {finding("k1", AlertSeverity::Critical, "a late")}, "2026-05-02T00:00:00Z").isOk());
  AlertQuery live;
  auto rows = store->alerts(live);
  ASSERT_TRUE(rows.isOk()) << rows.status().message();
  EXPECT_EQ(rows->size(), 2u);

  // Resolved, then found again: a new alert; the old one keeps its history.
  ASSERT_TRUE(store->syncAlerts(scope, {}, "2026-05-03T00:00:00Z").isOk());
  auto back = store->syncAlerts(scope, {finding("k1", AlertSeverity::Warning, "a")}, "2026-05-04T00:00:00Z");
  ASSERT_TRUE(back.isOk());
  ASSERT_EQ(back->opened.size(), 1u);
  EXPECT_NE(back->opened[0], k1);
  AlertQuery resolved;
  resolved.state = AlertState::Resolved;
  resolved.kind = "ranham.";
  rows = store->alerts(resolved);
  ASSERT_TRUE(rows.isOk());
  EXPECT_EQ(rows->size(), 2u);
  EXPECT_EQ(store->acknowledgeAlert(k1, "x", "2026-05-05T00:00:00Z").status().reason(), "conflict");
  EXPECT_EQ(store->acknowledgeAlert(999999, "x", "2026-05-05T00:00:00Z").status().reason(), "not-found");
  auto counts = store->alertCounts();
  ASSERT_TRUE(counts.isOk());
  EXPECT_EQ((counts->at({"open", "warning"})), 2);
}

// The notification outbox: one row per (channel, dedup) for good, whatever its status; due rows by
// time; a delivery's outcome recorded on the row.
TEST_P(StoreTest, keepsEachNotificationOncePerChannelAndRecordsDeliveries) {
  auto store = open();
  ASSERT_TRUE(store);
  const auto entry = [](std::string channel, std::string dedup, std::string at) {
    OutboxEntry e;
    e.channel = std::move(channel);
    e.dedup = std::move(dedup);
    e.kind = "alert";
    e.alertId = 7;
    e.region = "16";
    e.payload = R"({"id":"alert:7:1"})";
    e.nextAttemptAt = at;
    e.createdAt = at;
    return e;
  };
  auto added = store->enqueueNotifications({entry("mail", "alert:7:1", "2026-11-29T01:00:00Z"),
                                            entry("hook", "alert:7:1", "2026-11-29T01:00:00Z"),
                                            entry("mail", "alert:7:2", "2026-11-29T02:00:00Z")});
  ASSERT_TRUE(added.isOk()) << added.status().message();
  EXPECT_EQ(*added, 3u);
  added = store->enqueueNotifications({entry("mail", "alert:7:1", "2026-11-29T03:00:00Z")});
  ASSERT_TRUE(added.isOk()) << added.status().message();
  EXPECT_EQ(*added, 0u);

  auto due = store->dueNotifications("2026-11-29T01:30:00Z", 0);
  ASSERT_TRUE(due.isOk()) << due.status().message();
  ASSERT_EQ(due->size(), 2u);
  EXPECT_EQ((*due)[0].status, OutboxStatus::Pending);
  EXPECT_EQ((*due)[0].payload, R"({"id":"alert:7:1"})");

  // Two hub processes reading the same due row: the first claim wins.
  auto claimed = store->claimNotification((*due)[0].id, (*due)[0].nextAttemptAt, "2026-11-29T01:31:30Z");
  ASSERT_TRUE(claimed.isOk()) << claimed.status().message();
  EXPECT_TRUE(*claimed);
  EXPECT_FALSE(*store->claimNotification((*due)[0].id, (*due)[0].nextAttemptAt, "2026-11-29T01:31:30Z"));
  DeliveryRecord sent{(*due)[0].id, OutboxStatus::Sent, 1, (*due)[0].nextAttemptAt, "", "2026-11-29T01:30:00Z"};
  ASSERT_TRUE(store->recordDelivery(sent).isOk());
  DeliveryRecord retry{(*due)[1].id, OutboxStatus::Pending, 1, "2026-11-29T05:00:00Z", "HTTP 503 [maintenance-status]", ""};
  ASSERT_TRUE(store->recordDelivery(retry).isOk());
  due = store->dueNotifications("2026-11-29T04:00:00Z", 0);
  ASSERT_TRUE(due.isOk());
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].dedup, "alert:7:2");
  // Sent once, never enqueued again.
  added = store->enqueueNotifications({entry("mail", "alert:7:1", "2026-11-29T06:00:00Z")});
  EXPECT_EQ(*added, 0u);

  OutboxQuery pending;
  pending.status = OutboxStatus::Pending;
  pending.channel = "hook";
  auto rows = store->notifications(pending);
  ASSERT_TRUE(rows.isOk()) << rows.status().message();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].lastError, "HTTP 503 [maintenance-status]");
  EXPECT_EQ((*rows)[0].attempts, 1);
  EXPECT_EQ(store->recordDelivery({999999, OutboxStatus::Sent, 1, "", "", ""}).reason(), "not-found");
  EXPECT_EQ(store->enqueueNotifications({entry("", "x", "2026-11-29T01:00:00Z")}).status().reason(), "invalid-argument");
}

INSTANTIATE_TEST_SUITE_P(Postgres, StorePostgresTest, ::testing::Values(Backend::Postgres),
                         [](const ::testing::TestParamInfo<Backend>&) { return std::string("Postgres"); });

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         [](const ::testing::TestParamInfo<Backend>& param) {
                           return param.param == Backend::Sqlite ? std::string("Sqlite")
                                                                 : std::string("Postgres");
                         });

}  // namespace
}  // namespace hamhub::host

#include "support/dashboard_fixture.h"

#include <fstream>

#include "hamhub/json.h"
#include "support/test_subjects.h"

namespace hamhub::test {

namespace {

using host::AlertFinding;
using host::AlertSeverity;
using host::HealthState;
using host::Subject;
using host::SubjectKind;

using test::testSubject;

struct ScoreSeed {
  const char* subject;
  const char* instrument;
  const char* period;
  double total;
  const char* predicate;
  const char* predicateName;
  const char* predicateNameEn;
  double completeness;
};

// KKPHAM 22/2021 and RANHAM 53/2021 as config/criteria defines them (predicate ids and names).
constexpr ScoreSeed kScores[] = {
    {"16.71", "kkpham", "2024", 82.5, "peduli-ham", "Kabupaten/Kota Peduli HAM", "Human-rights-caring regency/city", 1.0},
    {"16.72", "kkpham", "2024", 68.25, "cukup-peduli", "Cukup Peduli HAM", "Fairly caring", 0.8},
    {"16.73", "kkpham", "2024", 45.0, "kurang-peduli", "Kurang Peduli HAM", "Not yet caring", 0.5},
    {"31.71", "kkpham", "2024", 90.0, "peduli-ham", "Kabupaten/Kota Peduli HAM", "Human-rights-caring regency/city", 1.0},
    {"16.71", "ranham", "2024-B08", 80.0, "baik", "Baik", "Good", 1.0},
    {"16.72", "ranham", "2024-B08", 55.5, "cukup", "Cukup", "Fair", 0.75},
    {"31.71", "ranham", "2024-B08", 70.0, "cukup", "Cukup", "Fair", 1.0},
};

// The named form of a stored result (score_result.h reads it back as it is): two indicators, the
// second missing unless the subject is complete, and the coaching step for it.
std::string scoreResult(const ScoreSeed& s) {
  const bool kkpham = std::string(s.instrument) == "kkpham";
  const std::string first = kkpham ? "1.S" : "substansi.perempuan";
  const std::string second = kkpham ? "1.P" : "substansi.anak";
  const bool complete = s.completeness >= 1.0;
  JsonValue indicators = JsonValue::Array{};
  const auto indicator = [&](const std::string& id, const char* name, double points, const char* state,
                             const char* detail) {
    JsonValue i = JsonValue::Object{};
    i.set("id", id);
    i.set("name", name);
    i.set("criterion", kkpham ? "1" : "substansi");
    i.set("points", points);
    i.set("max", 10.0);
    i.set("state", state);
    i.set("detail", detail);
    i.set("confidence", "A");
    i.set("evidence", JsonValue::Array{});
    indicators.push(std::move(i));
  };
  indicator(first, "Indikator pertama", 10.0, "valid", "10,00 dari 10,00 poin");
  indicator(second, "Indikator kedua", complete ? 10.0 : 0.0, complete ? "valid" : "missing",
            complete ? "10,00 dari 10,00 poin" : "belum ada data");
  JsonValue steps = JsonValue::Array{};
  if (!complete) {
    JsonValue step = JsonValue::Object{};
    step.set("indicator", second);
    step.set("gain", 10.0);
    step.set("action", "Kirim data dan data dukung untuk indikator " + second);
    steps.push(std::move(step));
  }
  JsonValue coaching = JsonValue::Object{};
  coaching.set("target", kkpham ? "peduli-ham" : "baik");
  coaching.set("target_name", kkpham ? "Kabupaten/Kota Peduli HAM" : "Baik");
  coaching.set("target_name_en", kkpham ? "Human-rights-caring regency/city" : "Good");
  coaching.set("target_min", 75.0);
  coaching.set("reaches_target", static_cast<std::int64_t>(complete ? 0 : 1));
  coaching.set("steps", std::move(steps));
  JsonValue out = JsonValue::Object{};
  out.set("subject", s.subject);
  out.set("instrument", s.instrument);
  out.set("version", kkpham ? "22/2021" : "53/2021");
  out.set("legal_basis", kkpham ? "Permenkumham 22/2021" : "Perpres 53/2021");
  out.set("period", s.period);
  out.set("total", s.total);
  out.set("scale", 100.0);
  out.set("predicate", s.predicate);
  out.set("predicate_name", s.predicateName);
  out.set("predicate_name_en", s.predicateNameEn);
  out.set("completeness", s.completeness);
  out.set("missing", complete ? JsonValue::Array{} : JsonValue::Array{JsonValue(second)});
  out.set("indicators", std::move(indicators));
  out.set("coaching", std::move(coaching));
  out.set("problems", JsonValue::Array{});
  return toJson(out);
}

AlertFinding finding(const std::string& kind, const std::string& subjectId, const std::string& region,
                     AlertSeverity severity, const std::string& messageId, const std::string& messageEn,
                     const std::string& source = "") {
  AlertFinding f;
  f.key = kind + "|" + subjectId;
  f.kind = kind;
  f.severity = severity;
  f.subject = subjectId;
  f.region = region;
  f.source = source;
  f.messageId = messageId;
  f.messageEn = messageEn;
  return f;
}

host::SourceHealth health(const std::string& source, HealthState state, const std::string& reason, int status) {
  host::SourceHealth h;
  h.source = source;
  h.state = state;
  h.reason = reason;
  h.since = h.checkedAt = "2026-11-28T00:00:00Z";
  h.httpStatus = status;
  h.latencyMs = 42;
  return h;
}

host::DocumentWrite document(const std::string& key, const std::string& promulgated, bool complete) {
  host::DocumentWrite d;
  d.key = key;
  d.recordKind = "jdih.document";
  d.subject = "16.71";
  d.jenis = "Peraturan Daerah";
  d.jenisShort = "Perda";
  d.number = key;
  d.year = 2024;
  d.title = "Peraturan Daerah Kota Palembang Nomor " + key + " Tahun 2024";
  d.status = "berlaku";
  d.promulgatedOn = promulgated;
  d.rulesVersion = "jdih-metadata@8/2019";
  if (!complete) d.missing = {{"subjek", "Subjek"}, {"tanggal_penetapan", "Tanggal penetapan"}};
  return d;
}

Status writeFile(const std::filesystem::path& path, const JsonValue& content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path);
  out << toJson(content, 2) << "\n";
  return out ? Status::ok() : Status::error("cannot write " + path.string(), "io");
}

}  // namespace

std::vector<Subject> dashboardSubjects() {
  return {testSubject("16", "Sumatera Selatan", SubjectKind::Province, "16"),
          testSubject("16.71", "Kota Palembang", SubjectKind::KabKota, "16"),
          testSubject("16.72", "Kota Pagar Alam", SubjectKind::KabKota, "16"),
          testSubject("16.73", "Kota Lubuk Linggau", SubjectKind::KabKota, "16"),
          testSubject("31", "DKI Jakarta", SubjectKind::Province, "31"),
          testSubject("31.71", "Kota Administrasi Jakarta Selatan", SubjectKind::KabKota, "31")};
}

std::vector<host::SourceConfig> dashboardSources() {
  std::vector<host::SourceConfig> out;
  for (const char* city : {"16.71", "16.73", "31.71"}) {
    host::SourceConfig s;
    s.id = std::string("jdih-") + city[0] + city[1] + "-" + (city + 3);
    s.connector = "jdih";
    s.subjects = {city};
    s.schedule = "0 2 * * *";
    s.enabled = false;
    out.push_back(std::move(s));
  }
  return out;
}

Status seedDashboardStore(host::Store& store) {
  if (Status s = store.upsertSubjects(dashboardSubjects()); !s) return s;
  if (Status s = store.recordHealth(health("jdih-16-71", HealthState::Up, "ok", 200), true, false); !s) return s;
  if (Status s = store.recordHealth(health("jdih-16-73", HealthState::Maintenance, "maintenance-status", 503), true, false);
      !s) {
    return s;
  }
  if (Status s = store.recordHealth(health("jdih-31-71", HealthState::Down, "timeout", 0), true, false); !s) return s;
  for (const char* id : {"jdih-16-71", "jdih-31-71"}) {
    auto run = store.beginRun(id);
    if (!run.isOk()) return run.status();
    if (std::string(id) == "jdih-16-71") {
      host::Batch batch;
      batch.source = id;
      batch.runId = *run;
      batch.fetchedAt = std::chrono::system_clock::now();
      for (const auto& [key, date, complete] :
           {std::tuple{"1", "2024-03-01", true}, {"2", "2024-02-01", false}, {"3", "2024-01-01", true}}) {
        host::StoredRecordWrite w;
        w.record = {"jdih.document", key, "16.71", "", "", std::string(R"({"judul":"Perda )") + key + "\"}"};
        w.contentHash = std::string("hash-") + key;
        w.isNew = true;
        batch.writes.push_back(std::move(w));
        batch.documents.push_back(document(key, date, complete));
      }
      if (Status s = store.commitBatch(batch); !s) return s;
    }
    if (Status s = store.finishRun(host::RunOutcome{*run, host::RunStatus::Success, {3, 0, 0, 0, 0}, "", ""}); !s) {
      return s;
    }
  }
  std::vector<host::ScoreRow> scores;
  for (const ScoreSeed& s : kScores) {
    host::ScoreRow row;
    row.subject = s.subject;
    row.instrument = s.instrument;
    row.version = std::string(s.instrument) == "kkpham" ? "22/2021" : "53/2021";
    row.period = s.period;
    row.total = s.total;
    row.predicate = s.predicate;
    row.completeness = s.completeness;
    row.inputHash = std::string("fixture-") + s.subject + s.instrument;
    row.result = scoreResult(s);
    row.computedAt = "2026-11-28T01:00:00Z";
    scores.push_back(std::move(row));
  }
  if (Status s = store.insertScores(scores); !s) return s;
  const std::vector<AlertFinding> findings = {
      finding("kkpham.below-target", "16.72", "16", AlertSeverity::Warning,
              "Kota Pagar Alam belum mencapai predikat Peduli HAM (nilai 68,25)",
              "Kota Pagar Alam has not reached the Peduli HAM predicate (score 68.25)"),
      finding("kkpham.below-target", "16.73", "16", AlertSeverity::Warning,
              "Kota Lubuk Linggau belum mencapai predikat Peduli HAM (nilai 45,00)",
              "Kota Lubuk Linggau has not reached the Peduli HAM predicate (score 45.00)"),
      finding("ranham.report-missing", "16.73", "16", AlertSeverity::Critical,
              "Laporan Aksi HAM 2024-B08 Kota Lubuk Linggau belum masuk",
              "Kota Lubuk Linggau's Aksi HAM report for 2024-B08 is missing"),
      finding("source.down", "31.71", "31", AlertSeverity::Critical, "Situs JDIH Jakarta Selatan tidak dapat diakses",
              "The JDIH site of Jakarta Selatan cannot be reached", "jdih-31-71"),
  };
  auto synced = store.syncAlerts({"kkpham.below-target", "ranham.report-missing", "source.down"}, findings,
                                 "2026-11-28T02:00:00Z");
  return synced.isOk() ? Status::ok() : synced.status();
}

Status writeDashboardConfig(const std::filesystem::path& dir) {
  const auto subjects = dashboardSubjects();
  for (const Subject& province : subjects) {
    if (province.kind != SubjectKind::Province) continue;
    JsonValue head = JsonValue::Object{};
    head.set("id", province.id);
    head.set("name", province.name);
    head.set("kind", "province");
    JsonValue members = JsonValue::Array{};
    for (const Subject& s : subjects) {
      if (s.province != province.id || s.id == province.id) continue;
      JsonValue m = JsonValue::Object{};
      m.set("id", s.id);
      m.set("name", s.name);
      members.push(std::move(m));
    }
    JsonValue file = JsonValue::Object{};
    file.set("province", std::move(head));
    file.set("subjects", std::move(members));
    if (Status s = writeFile(dir / "regions" / (province.id + ".json"), file); !s) return s;
  }
  for (const host::SourceConfig& source : dashboardSources()) {
    JsonValue file = JsonValue::Object{};
    file.set("id", source.id);
    file.set("connector", source.connector);
    file.set("subject", source.subjects.front());
    file.set("schedule", source.schedule);
    file.set("enabled", source.enabled);
    JsonValue options = JsonValue::Object{};
    // Never fetched (the source is disabled); the discard port, should it ever be.
    options.set("url", "http://127.0.0.1:9/integrasi/jdihn");
    file.set("options", std::move(options));
    if (Status s = writeFile(dir / "sources.d" / (source.id + ".json"), file); !s) return s;
  }
  return Status::ok();
}

}  // namespace hamhub::test

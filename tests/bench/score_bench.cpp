// Scoring at national scale: 38 provinces, 514 kab/kota and 5,000 service units with evidence for
// about half the indicators of every instrument (KKPHAM, RANHAM, P2HAM, SKM, IRH), stored as records
// in a fresh SQLite store. Measures a full rescore (read evidence, map, score, write every score
// with its explanation) and the incremental rescore of one subject after its evidence changed.
// Prints the figures against the targets (< 1 s, < 10 ms); asserts nothing.
//
//   score_bench [DIR]   (DIR: where the store goes; default a temp dir, removed afterwards)

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "host/criteria/criteria_loader.h"
#include "host/harvest/content_hash.h"
#include "host/scoring/score_runner.h"
#include "host/store/store.h"
#include "model_scorer.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kProvinces = 38;
constexpr int kKabKota = 514;
constexpr int kUnits = 5000;

double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Deterministic "about half": a cheap hash of the two numbers.
bool half(unsigned a, unsigned b) { return ((a * 2654435761u) ^ (b * 40503u)) % 100 < 50; }

struct Fixture {
  std::vector<hamhub::host::Subject> subjects;
  std::vector<hamhub::host::StoredRecordWrite> records;
};

void addRecord(Fixture& f, std::string kind, std::string key, std::string subject, std::string period,
               std::string payload) {
  hamhub::host::StoredRecordWrite w;
  w.record = hamhub::Record{std::move(kind), std::move(key), std::move(subject), std::move(period),
                            "https://bench.example/" + w.record.key, std::move(payload)};
  w.contentHash = hamhub::host::contentHash(w.record);
  w.isNew = true;
  f.records.push_back(std::move(w));
}

Fixture nation() {
  using hamhub::host::Subject;
  using hamhub::host::SubjectKind;
  Fixture f;
  std::vector<std::string> regions;
  for (int p = 0; p < kProvinces; ++p) {
    const std::string province = "p" + std::to_string(10 + p);
    f.subjects.push_back(Subject{province, "Provinsi " + province, SubjectKind::Province, "", province, "", "", {}});
    regions.push_back(province);
  }
  for (int k = 0; k < kKabKota; ++k) {
    const std::string province = "p" + std::to_string(10 + k % kProvinces);
    const std::string id = province + "." + std::to_string(100 + k);
    f.subjects.push_back(Subject{id, "Kabupaten " + id, SubjectKind::KabKota, province, province, "", "", {}});
    regions.push_back(id);
  }
  for (int u = 0; u < kUnits; ++u) {
    const std::string id = "unit" + std::to_string(u);
    f.subjects.push_back(Subject{id, "Lapas " + id, SubjectKind::Upt, "", "p10", "", "", {}});
  }
  // KKPHAM: half of the 30 components of each kab/kota, each with its data dukung.
  for (int k = 0; k < kKabKota; ++k) {
    const std::string& id = regions[static_cast<std::size_t>(kProvinces + k)];
    for (int c = 1; c <= 10; ++c) {
      for (const char* type : {"S", "P", "H"}) {
        if (!half(static_cast<unsigned>(k), static_cast<unsigned>(c * 3 + type[0]))) continue;
        const std::string code = std::to_string(c) + "." + type + "1";
        const std::string key = id + "|2024|" + code;
        const int value = type[0] == 'S' ? 8 : type[0] == 'P' ? 25 : 45;
        addRecord(f, "kkpham.indicator_value", key, id, "2024",
                  R"({"indicator":")" + code + R"(","value":)" + std::to_string(value) + "}");
        addRecord(f, "kkpham.data_dukung", key, id, "2024", R"({"indicator":")" + code + R"(","links":["x"]})");
      }
    }
  }
  // RANHAM: every province and kab/kota, three rounds, half of the four target groups.
  const char* groups[] = {"Perempuan", "Anak", "Penyandang Disabilitas", "Masyarakat Adat"};
  for (std::size_t r = 0; r < regions.size(); ++r) {
    for (const char* round : {"B04", "B08", "B12"}) {
      for (unsigned g = 0; g < 4; ++g) {
        if (!half(static_cast<unsigned>(r), g + static_cast<unsigned>(round[2]))) continue;
        addRecord(f, "ranham.report_entry", regions[r] + "|" + round + "|" + std::to_string(g), regions[r],
                  std::string("2024-") + round,
                  std::string(R"({"kelompok_sasaran":")") + groups[g] +
                      R"(","capaian":"Tercapai 70%","data_dukung":["https://x"]})");
      }
    }
  }
  // P2HAM: half of the 17 indicators of every unit; SKM: half of the units.
  const char* p2ham[] = {"guiding-block",      "ramp",          "toilet-disabilitas", "rambu-kelompok-rentan",
                         "parkir-disabilitas", "loket-khusus",  "maklumat-pelayanan", "sarana-pengaduan",
                         "informasi-pelayanan", "ruang-laktasi", "ruang-bermain-anak", "alat-bantu",
                         "tempat-ibadah",      "helpdesk",      "kursi-prioritas",    "petugas-siaga"};
  for (int u = 0; u < kUnits; ++u) {
    const std::string id = "unit" + std::to_string(u);
    for (unsigned i = 0; i < std::size(p2ham); ++i) {
      if (!half(static_cast<unsigned>(u), i)) continue;
      addRecord(f, "p2ham.indicator_value", id + "|" + p2ham[i], id, "2024",
                std::string(R"({"indicator":")") + p2ham[i] + R"(","value":"Ada","evidence_url":"https://x"})");
    }
    if (u % 2 == 0) {
      addRecord(f, "skm.ikm", id + "|2024-S1", regions[static_cast<std::size_t>(kProvinces + u % kKabKota)], "2024-S1",
                R"({"unit":")" + id + R"(","element_means_exact":{"U1":3.1,"U2":3.2,"U3":3.3,"U4":3.4,"U5":3.5,)"
                                      R"("U6":3.6,"U7":3.7,"U8":3.8,"U9":3.9}})");
    }
  }
  // IRH: one JDIH document per province and kab/kota (standing evidence).
  for (const auto& r : regions) addRecord(f, "jdih.document", r + "|1", r, "2019", R"({"title":"Perda"})");
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  spdlog::set_level(spdlog::level::warn);
  const bool keep = argc > 1;
  const fs::path dir = keep ? fs::path(argv[1]) : fs::temp_directory_path() / ("hamhub-score-bench-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);

  hamhub::host::ConfigIssues issues;
  const auto catalog = hamhub::host::CriteriaCatalog::load(fs::path(HAMHUB_SOURCE_DIR) / "config" / "criteria", issues);
  for (const auto& i : issues) std::cerr << i.toString() << "\n";
  auto opened = hamhub::host::Store::open("sqlite:hub.db", dir);
  if (!opened.isOk()) {
    std::cerr << opened.status().message() << "\n";
    return 1;
  }
  auto store = std::move(opened).value();

  Fixture f = nation();
  auto run = store->beginRun("bench");
  if (!run.isOk()) return std::cerr << run.status().message() << "\n", 1;
  hamhub::host::Batch batch;
  batch.source = "bench";
  batch.runId = *run;
  batch.fetchedAt = std::chrono::system_clock::now();
  batch.writes = f.records;
  if (auto s = store->upsertSubjects(f.subjects); !s) return std::cerr << s.message() << "\n", 1;
  if (auto s = store->commitBatch(batch); !s) return std::cerr << s.message() << "\n", 1;
  // One running run per source: the fixture's ends before the re-export's begins.
  if (auto s = store->finishRun({*run, hamhub::host::RunStatus::Success, {}, "", ""}); !s) {
    return std::cerr << s.message() << "\n", 1;
  }
  std::printf("national fixture: %zu subjects, %zu evidence records\n", f.subjects.size(), f.records.size());

  hamhub::scoring::ModelScorer scorer;
  hamhub::host::ScoreRunner runner(*store, catalog, scorer, f.subjects);
  // IRH periods come from no record (its evidence is standing), so it is scored for a given year.
  const std::vector<std::pair<std::string, std::optional<std::string>>> instruments = {
      {"kkpham", std::nullopt}, {"ranham", std::nullopt}, {"p2ham", std::nullopt}, {"skm", std::nullopt}, {"irh", "2024"}};

  std::size_t scored = 0;
  const auto full = Clock::now();
  for (const auto& [instrument, period] : instruments) {
    hamhub::host::ScoringOptions options;
    options.instrument = instrument;
    options.period = period;
    options.force = true;
    const auto started = Clock::now();
    auto summary = runner.run(options);
    if (!summary.isOk()) return std::cerr << summary.status().message() << "\n", 1;
    scored += summary->scored;
    std::printf("  %-7s %6zu scores %7.0f ms\n", instrument.c_str(), summary->scored, msSince(started));
  }
  const double fullMs = msSince(full);
  std::printf("full national rescore: %zu scores in %.0f ms (%.0f scores/s)   target < 1000 ms: %s\n", scored, fullMs,
              static_cast<double>(scored) * 1000.0 / fullMs, fullMs < 1000 ? "met" : "NOT met");

  // One kab/kota's KKPHAM value changes (a re-export): rescore that subject only.
  const std::string subject = f.subjects[kProvinces + 7].id;
  hamhub::host::Batch change;
  change.source = "bench";
  auto changeRun = store->beginRun("bench");
  if (!changeRun.isOk()) return std::cerr << changeRun.status().message() << "\n", 1;
  change.runId = *changeRun;
  change.fetchedAt = std::chrono::system_clock::now();
  Fixture one;
  addRecord(one, "kkpham.indicator_value", subject + "|2024|1.S1", subject, "2024", R"({"indicator":"1.S1","value":10})");
  change.writes = one.records;
  if (auto s = store->commitBatch(change); !s) return std::cerr << s.message() << "\n", 1;
  double best = 1e9;
  std::size_t incremental = 0;
  for (int i = 0; i < 5; ++i) {
    hamhub::host::ScoringOptions options;
    options.instrument = "kkpham";
    options.subject = subject;
    options.force = i > 0;  // the first run finds the change; the others repeat the work
    const auto start = Clock::now();
    auto summary = runner.run(options);
    const double ms = msSince(start);
    if (!summary.isOk()) return std::cerr << summary.status().message() << "\n", 1;
    if (i == 0) incremental = summary->scored;
    best = std::min(best, ms);
  }
  std::printf("incremental rescore of one kab/kota (%s, %zu score): best of 5 %.2f ms   target < 10 ms: %s\n",
              subject.c_str(), incremental, best, best < 10 ? "met" : "NOT met");
  if (!keep) fs::remove_all(dir);
  return 0;
}

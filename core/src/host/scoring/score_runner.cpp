#include "host/scoring/score_runner.h"

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>
#include <map>
#include <set>

#include "host/harvest/content_hash.h"
#include "host/scoring/evidence_mapper.h"
#include "host/scoring/score_result.h"
#include "host/scoring/site_figures.h"
#include "host/util/clock.h"

namespace hamhub::host {

namespace {

int yearOf(const std::string& period) { return period.size() >= 4 ? std::atoi(period.substr(0, 4).c_str()) : 0; }

// The input of one score in a canonical order, hashed: same model file and same evidence, same hash.
std::string inputHash(const CriteriaModel& model, const std::vector<EvidenceItem>& items) {
  std::string canonical;
  for (const auto& e : items) {
    for (const std::string* part : {&e.indicator, &e.code, &e.value, &e.source, &e.recordKind, &e.recordKey, &e.url}) {
      canonical += *part;
      canonical += '\x1f';
    }
    canonical += e.hasDataDukung ? "1\x1e" : "0\x1e";
  }
  return sha256Hex({model.fingerprint, model.version, canonical});
}

bool itemLess(const EvidenceItem& a, const EvidenceItem& b) {
  return std::tie(a.indicator, a.recordKind, a.source, a.recordKey, a.code) <
         std::tie(b.indicator, b.recordKind, b.source, b.recordKey, b.code);
}

}  // namespace

Status ScoreRunner::runModel(const CriteriaModel& model, const ScoringOptions& options, ScoringSummary& summary) {
  EvidenceMapper mapper(model);
  EvidenceSet evidence;
  for (const std::string& kind : mapper.recordKinds()) {
    if (kind == kJdihSiteKind) {
      auto sites = jdihSiteRecords(store_);
      if (!sites.isOk()) return sites.status();
      for (const StoredRecord& record : *sites) mapper.add(record, evidence);
      continue;
    }
    RecordQuery query;
    query.kind = kind;
    // One subject's rescore reads only its records (a unit "16.71/RSUD" lives in its region's).
    if (options.subject) query.subject = options.subject->substr(0, options.subject->find('/'));
    Status read = store_.forEachRecord(query, [&](const StoredRecord& record) { mapper.add(record, evidence); });
    if (!read) return read;
  }
  mapper.finish(evidence);
  for (auto& p : evidence.problems) summary.problems.push_back(model.instrument + ": " + p);

  std::set<std::string> periods;
  if (options.period) {
    periods.insert(*options.period);
  } else {
    for (const auto& p : evidence.periods) {
      // Another version of the instrument scores the periods it is in force for.
      if (model.period.valid(p) && catalog_.find(model.instrument, yearOf(p)) == &model) periods.insert(p);
    }
  }
  // Every subject the instrument assesses, plus units known only from their evidence.
  std::set<std::string> subjects;
  for (const Subject& s : subjects_) {
    const std::string kind = subjectKindName(s.kind);
    if (std::find(model.subjectKinds.begin(), model.subjectKinds.end(), kind) != model.subjectKinds.end()) {
      subjects.insert(s.id);
    }
  }
  for (const auto& [subject, byPeriod] : evidence.bySubject) subjects.insert(subject);
  if (options.subject) subjects = subjects.count(*options.subject) > 0 ? std::set<std::string>{*options.subject}
                                                                      : std::set<std::string>{};

  // Gather what needs scoring (sequential: store reads), then score in parallel: subjects are
  // independent and the scorer is stateless (scorer.h).
  std::vector<ScoreRequest> requests;
  std::vector<std::string> hashesToWrite;
  for (const std::string& period : periods) {
    ScoreQuery query;
    query.instrument = model.instrument;
    query.period = period;
    query.subject = options.subject;
    auto current = store_.currentHashes(query);
    if (!current.isOk()) return current.status();

    for (const std::string& subject : subjects) {
      ScoreRequest request{&model, subject, period, {}};
      if (auto it = evidence.bySubject.find(subject); it != evidence.bySubject.end()) {
        // A (subject, period) is gathered once: its items move; standing items serve every period.
        if (auto items = it->second.find(period); items != it->second.end()) request.evidence = std::move(items->second);
        if (auto items = it->second.find(std::string()); items != it->second.end()) {
          request.evidence.insert(request.evidence.end(), items->second.begin(), items->second.end());
        }
      }
      std::sort(request.evidence.begin(), request.evidence.end(), itemLess);
      std::string hash = inputHash(model, request.evidence);
      if (!options.force) {
        if (auto it = current->find(subject); it != current->end() && it->second == hash) {
          ++summary.unchanged;
          continue;
        }
      }
      requests.push_back(std::move(request));
      hashesToWrite.push_back(std::move(hash));
    }
  }
  std::vector<std::optional<ScoreRow>> scored(requests.size());
  std::vector<std::string> failures(requests.size());
  std::atomic<std::size_t> next{0};
  const std::string now = utcNow();
  auto work = [&] {
    for (std::size_t i = next++; i < requests.size(); i = next++) {
      const ScoreRequest& request = requests[i];
      auto result = scorer_.score(request);
      if (!result.isOk()) {
        failures[i] = model.instrument + " " + request.period + " " + request.subject + ": " + result.status().message();
        continue;
      }
      scored[i] = ScoreRow{0, request.subject, model.instrument, model.version, request.period, result->total,
                           result->predicate, result->completeness, hashesToWrite[i],
                           scoreResultJson(model, request, *result), now};
    }
  };
  const std::size_t threads =
      requests.size() < 64 ? 1 : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  std::vector<ScoreRow> rows;
  rows.reserve(requests.size());
  for (std::size_t i = 0; i < requests.size(); ++i) {
    if (scored[i]) {
      rows.push_back(std::move(*scored[i]));
    } else {
      ++summary.failed;
      summary.problems.push_back(std::move(failures[i]));
    }
  }
  if (Status stored = store_.insertScores(rows); !stored) return stored;
  summary.scored += rows.size();
  return Status::ok();
}

Result<ScoringSummary> ScoreRunner::run(const ScoringOptions& options) {
  ScoringSummary summary;
  bool any = false;
  for (const CriteriaModel& model : catalog_.models()) {
    if (options.instrument && model.instrument != *options.instrument) continue;
    if (options.period && catalog_.find(model.instrument, yearOf(*options.period)) != &model) continue;
    if (options.period && !model.period.valid(*options.period)) {
      return Status::error("period '" + *options.period + "' does not exist for " + model.instrument + " " +
                               model.version + " (" + model.legalBasis + ")",
                           "invalid-period");
    }
    any = true;
    if (Status s = runModel(model, options, summary); !s) return s;
  }
  if (!any && options.instrument) {
    const auto known = catalog_.instruments();
    std::string list;
    for (const auto& i : known) list += (list.empty() ? "" : ", ") + i;
    bool exists = std::find(known.begin(), known.end(), *options.instrument) != known.end();
    return Status::error(exists ? "no version of " + *options.instrument + " is in force in " + options.period.value_or("")
                                : "unknown instrument '" + *options.instrument + "' (known: " + list + ")",
                         "invalid-argument");
  }
  return summary;
}

}  // namespace hamhub::host

#include "host/scoring/score_runner.h"

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>
#include <map>
#include <set>

#include "host/harvest/content_hash.h"
#include "host/scoring/evidence_mapper.h"
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

std::string scoreResultJson(const CriteriaModel& model, const ScoreRequest& request, const ScoreResult& result) {
  JsonWriter w;
  w.beginObject();
  w.key("subject").value(request.subject);
  w.key("instrument").value(model.instrument);
  w.key("version").value(model.version);
  w.key("legal_basis").value(model.legalBasis);
  w.key("period").value(request.period);
  w.key("total").value(result.total);
  w.key("scale").value(model.scale);
  w.key("predicate").value(result.predicate);
  const Predicate* earned = model.predicateFor(result.total);
  w.key("predicate_name").value(earned != nullptr ? earned->name : "");
  w.key("predicate_name_en").value(earned != nullptr ? earned->nameEn : "");
  w.key("completeness").value(result.completeness);
  w.key("criteria").beginArray();
  for (std::size_t c = 0; c < result.criteria.size(); ++c) {
    w.beginObject();
    w.key("id").value(result.criteria[c].criterion);
    w.key("name").value(model.criteria[c].name);
    w.key("score").value(result.criteria[c].score);
    w.key("max").value(result.criteria[c].maxScore);
    w.endObject();
  }
  w.endArray();
  w.key("missing").beginArray();
  for (const auto& id : result.missing) w.value(id);
  w.endArray();
  w.key("indicators").beginArray();
  for (const auto& r : result.indicators) {
    const Indicator* indicator = model.findIndicator(r.indicator);
    w.beginObject();
    w.key("id").value(r.indicator);
    w.key("name").value(indicator != nullptr ? indicator->name : "");
    w.key("criterion").value(r.criterion);
    w.key("points").value(r.points);
    w.key("max").value(r.maxPoints);
    w.key("state").value(r.state);
    w.key("detail").value(r.detail);
    w.key("confidence").value(confidenceCode(indicator != nullptr ? indicator->confidence : Confidence::Assumption));
    w.key("evidence").beginArray();
    for (std::size_t index : r.evidence) {
      const EvidenceItem& e = request.evidence[index];
      w.beginObject();
      w.key("source").value(e.source);
      w.key("record_kind").value(e.recordKind);
      w.key("record_key").value(e.recordKey);
      w.key("code").value(e.code);
      w.key("value").value(e.value);
      w.key("data_dukung").value(e.hasDataDukung);
      w.key("url").value(e.url);
      w.key("fetched_at").value(e.fetchedAt);
      w.endObject();
    }
    w.endArray();
    w.endObject();
  }
  w.endArray();
  const Predicate* target = model.targetPredicate();
  w.key("coaching").beginObject();
  w.key("target").value(target != nullptr ? target->id : "");
  w.key("target_name").value(target != nullptr ? target->name : "");
  w.key("target_name_en").value(target != nullptr ? target->nameEn : "");
  w.key("target_min").value(target != nullptr ? target->min : 0.0);
  w.key("reaches_target").value(static_cast<std::int64_t>(result.reachesTarget));
  w.key("steps").beginArray();
  for (const auto& step : result.coaching) {
    w.beginObject();
    w.key("indicator").value(step.indicator);
    w.key("gain").value(step.gain);
    w.key("action").value(step.action);
    w.endObject();
  }
  w.endArray();
  w.endObject();
  w.key("problems").beginArray();
  for (const auto& p : result.problems) w.value(p);
  w.endArray();
  w.endObject();
  return w.take();
}

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
        for (const std::string& p : {period, std::string()}) {
          if (auto items = it->second.find(p); items != it->second.end()) {
            request.evidence.insert(request.evidence.end(), items->second.begin(), items->second.end());
          }
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

#include <cmath>
#include <iostream>
#include <map>

#include "cli/session.h"
#include "cli/verbs.h"
#include "host/scoring/score_result.h"
#include "host/scoring/score_runner.h"
#include "host/scoring/score_wording.h"

namespace hamhub::cli {

namespace {

double rounded(double v, int decimals) {
  const double f = std::pow(10.0, decimals);
  return std::round(v * f) / f;
}

JsonValue parsedResult(const host::ScoreRow& row) { return host::scoreResultValue(row.result); }

using host::resultMember;
using host::resultNumber;
using host::resultText;

bool inRegion(const std::string& subject, const std::string& region) {
  return subject == region || subject.rfind(region + ".", 0) == 0 || subject.rfind(region + "/", 0) == 0;
}

// What regional offices read is Bahasa Indonesia; `--lang en` gives the English.
struct Phrases {
  const char* score;  // "Nilai"
  const char* of;     // "dari"
  const char* noPredicate;
  const char* predicate;
  const char* completeness;
  const char* previously;  // "Sebelumnya"
  const char* changed;     // "yang berubah:"
  const char* legend;
  const char* reaches;  // "N <reaches>"
  const char* unreachable;
  const char* reached;
  const char* points;  // "poin"
  const char* source;  // "sumber"
  const char* unchanged;
};

const Phrases kIndonesian{"Nilai", "dari", ", belum mendapat predikat", ", predikat ", "; kelengkapan data ",
                          "Sebelumnya", "yang berubah:",
                          "  [C] dasar hukum jelas, [P] sumber sekunder, [A] asumsi (lihat config/criteria)\n",
                          " langkah terkecil mencapai target", "target tidak tercapai dengan indikator yang ada",
                          "sudah mencapai target", "poin", "sumber", "tidak ada indikator yang berubah"};
const Phrases kEnglish{"Score", "of", ", no predicate yet", ", predicate ", "; data completeness ", "Previously",
                       "what changed:",
                       "  [C] stated by a public source, [P] secondary sources, [A] assumption (see config/criteria)\n",
                       " smallest steps reach the target", "the target cannot be reached with the indicators there are",
                       "target already reached", "points", "source", "no indicator changed"};

std::string fixed(double v, int decimals) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
  return buffer;
}

bool english(const Invocation& inv) { return inv.get("lang", "id") == "en"; }

// Which indicators moved between two stored results, for "went from 78.0 to 71.5: …".
std::vector<std::string> changes(const JsonValue& before, const JsonValue& after, const Phrases& words) {
  std::map<std::string, double> old;
  const JsonValue& was = resultMember(before, "indicators");
  if (was.isArray()) {
    for (const auto& i : was.asArray()) old[resultText(i, "id")] = resultNumber(i, "points");
  }
  std::vector<std::string> out;
  const JsonValue& now = resultMember(after, "indicators");
  if (!now.isArray()) return out;
  for (const auto& i : now.asArray()) {
    const double previous = old.count(resultText(i, "id")) > 0 ? old[resultText(i, "id")] : 0.0;
    const double current = resultNumber(i, "points");
    if (std::fabs(current - previous) < 0.005) continue;
    char line[256];
    std::snprintf(line, sizeof line, "%s: %.2f → %.2f %s (%s)", resultText(i, "id").c_str(), previous, current, words.points,
                  resultText(i, "state").c_str());
    out.push_back(line);
  }
  return out;
}

int explain(Session& session, const Invocation& inv, const std::vector<host::ScoreRow>& rows,
            const std::map<std::string, std::string>& names) {
  if (rows.empty()) return fail("no score for " + inv.get("explain"), "Harvest its sources first, then run 'hamhub score'.");
  const Phrases& words = english(inv) ? kEnglish : kIndonesian;
  JsonValue::Array out;
  for (const auto& row : rows) {
    JsonValue result = parsedResult(row);
    auto history = session.store->scoreHistory(row.subject, row.instrument, row.period);
    JsonValue previous;
    if (history.isOk() && history->size() > 1) previous = parsedResult((*history)[1]);
    const auto moved = previous.isNull() ? std::vector<std::string>{} : changes(previous, result, words);
    if (inv.format == Format::Json) {
      result.set("previous_total", previous.isNull() ? JsonValue() : JsonValue(resultNumber(previous, "total")));
      JsonValue::Array list(moved.begin(), moved.end());
      result.set("changes", JsonValue(std::move(list)));
      out.push_back(std::move(result));
      continue;
    }
    const auto name = names.find(row.subject);
    std::cout << (name != names.end() ? name->second + " (" + row.subject + ")" : row.subject) << " — "
              << resultText(result, "legal_basis") << " — " << row.period << "\n";
    std::cout << "  " << words.score << " " << fixed(row.total, 2) << " " << words.of << " "
              << fixed(resultNumber(result, "scale"), 0);
    const std::string predicateName =
        english(inv) && !resultText(result, "predicate_name_en").empty() ? resultText(result, "predicate_name_en")
                                                                   : resultText(result, "predicate_name");
    std::cout << (row.predicate.empty() ? std::string(words.noPredicate) : words.predicate + predicateName)
              << words.completeness << static_cast<int>(std::lround(row.completeness * 100)) << "%\n";
    if (!previous.isNull()) {
      std::cout << "  " << words.previously << " " << fixed(resultNumber(previous, "total"), 2) << "; " << words.changed << "\n";
      for (const auto& line : moved) std::cout << "    " << line << "\n";
      if (moved.empty()) std::cout << "    " << words.unchanged << "\n";
    }
    const JsonValue& criteria = resultMember(result, "criteria");
    const JsonValue& indicators = resultMember(result, "indicators");
    for (const auto& c : criteria.isArray() ? criteria.asArray() : JsonValue::Array{}) {
      std::printf("  %s %s: %.2f / %.2f\n", resultText(c, "id").c_str(), resultText(c, "name").c_str(), resultNumber(c, "score"),
                  resultNumber(c, "max"));
      for (const auto& i : indicators.isArray() ? indicators.asArray() : JsonValue::Array{}) {
        if (resultText(i, "criterion") != resultText(c, "id")) continue;
        std::string source;
        const JsonValue& evidence = resultMember(i, "evidence");
        if (evidence.isArray() && !evidence.asArray().empty()) {
          const JsonValue& e = evidence.asArray().front();
          source = " — " + resultText(e, "record_kind") + " '" + resultText(e, "record_key") + "' (" + words.source + " " +
                   resultText(e, "source") +
                   (resultText(e, "url").empty() ? "" : ", " + resultText(e, "url")) + ")";
        }
        std::printf("    %-22s %6.2f / %-6.2f [%s] %s%s\n", resultText(i, "id").c_str(), resultNumber(i, "points"),
                    resultNumber(i, "max"), resultText(i, "confidence").c_str(),
                    (english(inv) ? host::indicatorDetailEn(i) : resultText(i, "detail")).c_str(), source.c_str());
      }
    }
    std::cout << words.legend << "\n";
  }
  if (inv.format == Format::Json) std::cout << toJson(JsonValue(std::move(out)), 2) << "\n";
  return kExitOk;
}

int coach(const Invocation& inv, const std::vector<host::ScoreRow>& rows) {
  if (rows.empty()) return fail("no score for " + inv.get("coach"), "Harvest its sources first, then run 'hamhub score'.");
  const Phrases& words = english(inv) ? kEnglish : kIndonesian;
  Table table{{"instrument", "period", "rank", "indicator", "gain", "total_after", "in_smallest_set", "action"}, {}};
  for (const auto& row : rows) {
    const JsonValue result = parsedResult(row);
    const JsonValue& coaching = resultMember(result, "coaching");
    const JsonValue& steps = resultMember(coaching, "steps");
    const auto reaches = static_cast<std::size_t>(resultNumber(coaching, "reaches_target"));
    double total = row.total;
    std::size_t rank = 0;
    for (const auto& step : steps.isArray() ? steps.asArray() : JsonValue::Array{}) {
      ++rank;
      total += resultNumber(step, "gain");
      table.rows.push_back({row.instrument, row.period, static_cast<std::int64_t>(rank), resultText(step, "indicator"),
                            rounded(resultNumber(step, "gain"), 2), rounded(total, 2), reaches > 0 && rank <= reaches,
                            english(inv) ? host::coachingActionEn(step, resultMember(result, "indicators")) : resultText(step, "action")});
    }
    if (inv.format == Format::Table) {
      const std::string target = english(inv) && !resultText(coaching, "target_name_en").empty()
                                     ? resultText(coaching, "target_name_en")
                                     : resultText(coaching, "target_name");
      std::cerr << row.instrument << " " << row.period << ": " << row.total << " → target " << target << " ("
                << resultNumber(coaching, "target_min") << "): "
                << (steps.isArray() && !steps.asArray().empty()
                        ? (reaches > 0 ? std::to_string(reaches) + words.reaches : std::string(words.unreachable))
                        : std::string(words.reached))
                << "\n";
    }
  }
  table.render(std::cout, inv.format);
  return kExitOk;
}

int runScore(const Invocation& inv) {
  if (!noPositionals(inv)) return kExitUsage;
  if (const std::string lang = inv.get("lang", "id"); lang != "id" && lang != "en") {
    return fail("--lang is id or en, not '" + lang + "'");
  }
  Session session(inv);
  if (!session.loadForSources()) return kExitUsage;
  auto scorer = session.registry.createScorer(inv.get("scorer", "scoring"));
  if (!scorer.isOk()) return fail(scorer.status().message(), "Check 'plugin_dirs' in the hub file; 'hamhub plugins' lists what loaded.");
  if (Status seeded = session.store->upsertSubjects(session.subjects); !seeded) return fail(seeded.message());

  host::ScoringOptions options;
  if (inv.has("instrument")) options.instrument = inv.get("instrument");
  if (inv.has("period")) options.period = inv.get("period");
  for (const char* key : {"subject", "explain", "coach"}) {
    if (inv.has(key)) options.subject = inv.get(key);
  }
  options.force = inv.has("rescore");
  host::ScoreRunner runner(*session.store, session.criteria, **scorer, session.subjects);
  auto summary = runner.run(options);
  if (!summary.isOk()) return fail(summary.status().message(), "Run 'hamhub score --help' for the instruments and periods.");
  std::cerr << "scored " << summary->scored << ", unchanged " << summary->unchanged
            << (summary->failed > 0 ? ", failed " + std::to_string(summary->failed) : "") << "\n";
  const std::size_t shown = std::min<std::size_t>(summary->problems.size(), 10);
  for (std::size_t i = 0; i < shown; ++i) std::cerr << "  " << summary->problems[i] << "\n";
  if (summary->problems.size() > shown) {
    std::cerr << "  … and " << summary->problems.size() - shown << " more records the criteria models could not use\n";
  }

  host::ScoreQuery query;
  query.instrument = options.instrument;
  query.period = options.period;
  query.subject = options.subject;
  auto rows = session.store->currentScores(query);
  if (!rows.isOk()) return fail(rows.status().message());
  std::vector<host::ScoreRow> selected;
  for (auto& row : *rows) {
    if (!inv.has("region") || inRegion(row.subject, inv.get("region"))) selected.push_back(std::move(row));
  }
  std::map<std::string, std::string> names;
  for (const auto& s : session.subjects) names[s.id] = s.name;
  // Units are scored as "<region>/<unit>": their name is the unit's.
  for (const auto& row : selected) {
    if (const auto slash = row.subject.find('/'); slash != std::string::npos) names[row.subject] = row.subject.substr(slash + 1);
  }
  if (inv.has("explain")) return explain(session, inv, selected, names);
  if (inv.has("coach")) return coach(inv, selected);

  Table table{{"subject", "name", "instrument", "version", "period", "total", "predicate", "predicate_name",
               "completeness", "criteria", "missing", "computed_at"},
              {}};
  for (const auto& row : selected) {
    const JsonValue result = parsedResult(row);
    JsonValue::Array criteria, missing;
    const JsonValue& c = resultMember(result, "criteria");
    for (const auto& item : c.isArray() ? c.asArray() : JsonValue::Array{}) {
      if (inv.format == Format::Json) {
        criteria.push_back(JsonValue(JsonValue::Object{{"id", JsonValue(resultText(item, "id"))},
                                                       {"score", JsonValue(rounded(resultNumber(item, "score"), 2))}}));
      } else {
        char cell[64];
        std::snprintf(cell, sizeof cell, "%s=%.1f", resultText(item, "id").c_str(), resultNumber(item, "score"));
        criteria.emplace_back(cell);
      }
    }
    const JsonValue& m = resultMember(result, "missing");
    for (const auto& id : m.isArray() ? m.asArray() : JsonValue::Array{}) missing.push_back(id);
    const auto name = names.find(row.subject);
    const JsonValue completeness = inv.format == Format::Table
                                       ? JsonValue(std::to_string(std::lround(row.completeness * 100)) + "%")
                                       : JsonValue(rounded(row.completeness, 4));
    const std::size_t missingCount = missing.size();
    table.rows.push_back({row.subject, name != names.end() ? JsonValue(name->second) : JsonValue(), row.instrument,
                          row.version, row.period, rounded(row.total, 2),
                          row.predicate.empty() ? JsonValue() : JsonValue(row.predicate),
                          resultText(result, "predicate_name").empty() ? JsonValue() : JsonValue(resultText(result, "predicate_name")),
                          completeness, JsonValue(std::move(criteria)),
                          inv.format == Format::Table ? JsonValue(static_cast<std::int64_t>(missingCount))
                                                      : JsonValue(std::move(missing)),
                          row.computedAt});
  }
  if (inv.format == Format::Table) {
    // The table is for people: the long columns stay in json/csv.
    for (auto& r : table.rows) r.erase(r.begin() + 9), r.erase(r.begin() + 3);
    table.columns = {"subject", "name", "instrument", "period", "total", "predicate", "predicate_name",
                     "completeness", "missing", "computed_at"};
  }
  table.render(std::cout, inv.format);
  return summary->failed > 0 ? kExitSourceFailed : kExitOk;
}

}  // namespace

Verb scoreVerb() {
  return {"score",
          "score subjects on the criteria models (incrementally) and list, explain or coach",
          "[--instrument ID] [--period P] [--subject ID | --region CODE] [--explain SUBJECT | --coach SUBJECT]",
          {{"instrument", "ID", "only this instrument: p2ham, kkpham, ranham, irh, skm"},
           {"period", "P", "only this period: 2024, 2024-B08 (RANHAM), 2024-S1 (SKM)"},
           {"subject", "ID", "only this subject, e.g. 16.10"},
           {"region", "CODE", "only subjects of this province, e.g. 16"},
           {"explain", "SUBJECT", "every point of the subject's scores traced to its evidence, and what changed"},
           {"coach", "SUBJECT", "what the subject lacks, ranked by the points each would add, and the smallest set "
                                "that reaches the predicate"},
           {"rescore", "", "score again even where model and evidence did not change"},
           {"scorer", "NAME", "the scorer plugin (default: scoring)"},
           {"lang", "id|en", "language of --explain and --coach: Bahasa Indonesia (default) or English"}},
          true,
          &runScore};
}

}  // namespace hamhub::cli

#include <cmath>
#include <iostream>
#include <map>

#include "cli/session.h"
#include "cli/verbs.h"
#include "host/scoring/score_result.h"
#include "host/scoring/score_runner.h"

namespace hamhub::cli {

namespace {

double rounded(double v, int decimals) {
  const double f = std::pow(10.0, decimals);
  return std::round(v * f) / f;
}

JsonValue parsedResult(const host::ScoreRow& row) { return host::scoreResultValue(row.result); }

const JsonValue& member(const JsonValue& object, std::string_view key) {
  static const JsonValue kNull;
  const JsonValue* v = object.isObject() ? object.find(key) : nullptr;
  return v != nullptr ? *v : kNull;
}

std::string text(const JsonValue& object, std::string_view key) {
  const JsonValue& v = member(object, key);
  return v.isString() ? v.asString() : std::string();
}

double number(const JsonValue& object, std::string_view key) {
  const JsonValue& v = member(object, key);
  return v.isNumber() ? v.asNumber() : 0.0;
}

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

// An indicator's line of the explanation in English, from the stored figures (the scorer words
// its own detail in Bahasa Indonesia).
std::string detailEn(const JsonValue& indicator) {
  const std::string state = text(indicator, "state");
  if (state == "missing") return "no data";
  if (state == "no-data-dukung") return "a value without data dukung (supporting evidence)";
  const JsonValue& evidence = member(indicator, "evidence");
  const JsonValue* first = evidence.isArray() && !evidence.asArray().empty() ? &evidence.asArray().front() : nullptr;
  const std::string value = first != nullptr ? text(*first, "value") : std::string();
  if (state == "invalid") return "the value cannot be read for this indicator";
  char line[128];
  std::snprintf(line, sizeof line, "%.2f of %.2f points: ", number(indicator, "points"), number(indicator, "max"));
  return line + (value.empty() ? std::string("document present") : "value '" + value + "'");
}

std::string actionEn(const JsonValue& step, const JsonValue& indicators) {
  const std::string id = text(step, "indicator");
  std::string state, name;
  for (const auto& i : indicators.isArray() ? indicators.asArray() : JsonValue::Array{}) {
    if (text(i, "id") == id) state = text(i, "state"), name = text(i, "name");
  }
  const std::string what = "indicator " + id + " (" + name + ")";
  if (state == "missing") return "Send the data and its data dukung for " + what;
  if (state == "no-data-dukung") return "Complete the data dukung for " + what;
  if (state == "invalid") return "Correct the value of " + what;
  return "Raise the achievement of " + what;
}

// Which indicators moved between two stored results, for "went from 78.0 to 71.5: …".
std::vector<std::string> changes(const JsonValue& before, const JsonValue& after, const Phrases& words) {
  std::map<std::string, double> old;
  const JsonValue& was = member(before, "indicators");
  if (was.isArray()) {
    for (const auto& i : was.asArray()) old[text(i, "id")] = number(i, "points");
  }
  std::vector<std::string> out;
  const JsonValue& now = member(after, "indicators");
  if (!now.isArray()) return out;
  for (const auto& i : now.asArray()) {
    const double previous = old.count(text(i, "id")) > 0 ? old[text(i, "id")] : 0.0;
    const double current = number(i, "points");
    if (std::fabs(current - previous) < 0.005) continue;
    char line[256];
    std::snprintf(line, sizeof line, "%s: %.2f → %.2f %s (%s)", text(i, "id").c_str(), previous, current, words.points,
                  text(i, "state").c_str());
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
      result.set("previous_total", previous.isNull() ? JsonValue() : JsonValue(number(previous, "total")));
      JsonValue::Array list(moved.begin(), moved.end());
      result.set("changes", JsonValue(std::move(list)));
      out.push_back(std::move(result));
      continue;
    }
    const auto name = names.find(row.subject);
    std::cout << (name != names.end() ? name->second + " (" + row.subject + ")" : row.subject) << " — "
              << text(result, "legal_basis") << " — " << row.period << "\n";
    std::cout << "  " << words.score << " " << fixed(row.total, 2) << " " << words.of << " "
              << fixed(number(result, "scale"), 0);
    const std::string predicateName =
        english(inv) && !text(result, "predicate_name_en").empty() ? text(result, "predicate_name_en")
                                                                   : text(result, "predicate_name");
    std::cout << (row.predicate.empty() ? std::string(words.noPredicate) : words.predicate + predicateName)
              << words.completeness << static_cast<int>(std::lround(row.completeness * 100)) << "%\n";
    if (!previous.isNull()) {
      std::cout << "  " << words.previously << " " << fixed(number(previous, "total"), 2) << "; " << words.changed << "\n";
      for (const auto& line : moved) std::cout << "    " << line << "\n";
      if (moved.empty()) std::cout << "    " << words.unchanged << "\n";
    }
    const JsonValue& criteria = member(result, "criteria");
    const JsonValue& indicators = member(result, "indicators");
    for (const auto& c : criteria.isArray() ? criteria.asArray() : JsonValue::Array{}) {
      std::printf("  %s %s: %.2f / %.2f\n", text(c, "id").c_str(), text(c, "name").c_str(), number(c, "score"),
                  number(c, "max"));
      for (const auto& i : indicators.isArray() ? indicators.asArray() : JsonValue::Array{}) {
        if (text(i, "criterion") != text(c, "id")) continue;
        std::string source;
        const JsonValue& evidence = member(i, "evidence");
        if (evidence.isArray() && !evidence.asArray().empty()) {
          const JsonValue& e = evidence.asArray().front();
          source = " — " + text(e, "record_kind") + " '" + text(e, "record_key") + "' (" + words.source + " " +
                   text(e, "source") +
                   (text(e, "url").empty() ? "" : ", " + text(e, "url")) + ")";
        }
        std::printf("    %-22s %6.2f / %-6.2f [%s] %s%s\n", text(i, "id").c_str(), number(i, "points"),
                    number(i, "max"), text(i, "confidence").c_str(),
                    (english(inv) ? detailEn(i) : text(i, "detail")).c_str(), source.c_str());
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
    const JsonValue& coaching = member(result, "coaching");
    const JsonValue& steps = member(coaching, "steps");
    const auto reaches = static_cast<std::size_t>(number(coaching, "reaches_target"));
    double total = row.total;
    std::size_t rank = 0;
    for (const auto& step : steps.isArray() ? steps.asArray() : JsonValue::Array{}) {
      ++rank;
      total += number(step, "gain");
      table.rows.push_back({row.instrument, row.period, static_cast<std::int64_t>(rank), text(step, "indicator"),
                            rounded(number(step, "gain"), 2), rounded(total, 2), reaches > 0 && rank <= reaches,
                            english(inv) ? actionEn(step, member(result, "indicators")) : text(step, "action")});
    }
    if (inv.format == Format::Table) {
      const std::string target = english(inv) && !text(coaching, "target_name_en").empty()
                                     ? text(coaching, "target_name_en")
                                     : text(coaching, "target_name");
      std::cerr << row.instrument << " " << row.period << ": " << row.total << " → target " << target << " ("
                << number(coaching, "target_min") << "): "
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
    const JsonValue& c = member(result, "criteria");
    for (const auto& item : c.isArray() ? c.asArray() : JsonValue::Array{}) {
      if (inv.format == Format::Json) {
        criteria.push_back(JsonValue(JsonValue::Object{{"id", JsonValue(text(item, "id"))},
                                                       {"score", JsonValue(rounded(number(item, "score"), 2))}}));
      } else {
        char cell[64];
        std::snprintf(cell, sizeof cell, "%s=%.1f", text(item, "id").c_str(), number(item, "score"));
        criteria.emplace_back(cell);
      }
    }
    const JsonValue& m = member(result, "missing");
    for (const auto& id : m.isArray() ? m.asArray() : JsonValue::Array{}) missing.push_back(id);
    const auto name = names.find(row.subject);
    const JsonValue completeness = inv.format == Format::Table
                                       ? JsonValue(std::to_string(std::lround(row.completeness * 100)) + "%")
                                       : JsonValue(rounded(row.completeness, 4));
    const std::size_t missingCount = missing.size();
    table.rows.push_back({row.subject, name != names.end() ? JsonValue(name->second) : JsonValue(), row.instrument,
                          row.version, row.period, rounded(row.total, 2),
                          row.predicate.empty() ? JsonValue() : JsonValue(row.predicate),
                          text(result, "predicate_name").empty() ? JsonValue() : JsonValue(text(result, "predicate_name")),
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

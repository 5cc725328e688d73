#include <cmath>
#include <iostream>
#include <map>

#include "cli/session.h"
#include "cli/verbs.h"
#include "host/scoring/score_runner.h"

namespace hamhub::cli {

namespace {

double rounded(double v, int decimals) {
  const double f = std::pow(10.0, decimals);
  return std::round(v * f) / f;
}

JsonValue parsedResult(const host::ScoreRow& row) {
  auto parsed = parseJson(row.result);
  return parsed.isOk() ? std::move(parsed).value() : JsonValue(JsonValue::Object{});
}

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

// Which indicators moved between two stored results, for "went from 78.0 to 71.5: …".
std::vector<std::string> changes(const JsonValue& before, const JsonValue& after) {
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
    std::snprintf(line, sizeof line, "%s: %.2f → %.2f poin (%s)", text(i, "id").c_str(), previous, current,
                  text(i, "state").c_str());
    out.push_back(line);
  }
  return out;
}

int explain(Session& session, const Invocation& inv, const std::vector<host::ScoreRow>& rows,
            const std::map<std::string, std::string>& names) {
  if (rows.empty()) return fail("no score for " + inv.get("explain"), "Harvest its sources first, then run 'hamhub score'.");
  JsonValue::Array out;
  for (const auto& row : rows) {
    JsonValue result = parsedResult(row);
    auto history = session.store->scoreHistory(row.subject, row.instrument, row.period);
    JsonValue previous;
    if (history.isOk() && history->size() > 1) previous = parsedResult((*history)[1]);
    const auto moved = previous.isNull() ? std::vector<std::string>{} : changes(previous, result);
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
    std::printf("  Nilai %.2f dari %.0f", row.total, number(result, "scale"));
    std::cout << (row.predicate.empty() ? ", belum mendapat predikat" : ", predikat " + text(result, "predicate_name"))
              << "; kelengkapan data " << static_cast<int>(std::lround(row.completeness * 100)) << "%\n";
    if (!previous.isNull()) {
      std::printf("  Sebelumnya %.2f; yang berubah:\n", number(previous, "total"));
      for (const auto& line : moved) std::cout << "    " << line << "\n";
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
          source = " — " + text(e, "record_kind") + " '" + text(e, "record_key") + "' (sumber " + text(e, "source") +
                   (text(e, "url").empty() ? "" : ", " + text(e, "url")) + ")";
        }
        std::printf("    %-22s %6.2f / %-6.2f [%s] %s%s\n", text(i, "id").c_str(), number(i, "points"),
                    number(i, "max"), text(i, "confidence").c_str(), text(i, "detail").c_str(), source.c_str());
      }
    }
    std::cout << "  [C] dasar hukum jelas, [P] sumber sekunder, [A] asumsi (lihat config/criteria)\n\n";
  }
  if (inv.format == Format::Json) std::cout << toJson(JsonValue(std::move(out)), 2) << "\n";
  return kExitOk;
}

int coach(const Invocation& inv, const std::vector<host::ScoreRow>& rows) {
  if (rows.empty()) return fail("no score for " + inv.get("coach"), "Harvest its sources first, then run 'hamhub score'.");
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
                            text(step, "action")});
    }
    if (inv.format == Format::Table) {
      std::cerr << row.instrument << " " << row.period << ": " << row.total << " → target "
                << text(coaching, "target_name") << " (" << number(coaching, "target_min") << "): "
                << (steps.isArray() && !steps.asArray().empty()
                        ? (reaches > 0 ? std::to_string(reaches) + " langkah terkecil mencapai target"
                                       : std::string("target tidak tercapai dengan indikator yang ada"))
                        : std::string("sudah mencapai target"))
                << "\n";
    }
  }
  table.render(std::cout, inv.format);
  return kExitOk;
}

int runScore(const Invocation& inv) {
  if (!noPositionals(inv)) return kExitUsage;
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
           {"scorer", "NAME", "the scorer plugin (default: scoring)"}},
          true,
          &runScore};
}

}  // namespace hamhub::cli

// /api/v1/scores: current scores per subject, instrument and period, and one score explained.
#include <cmath>
#include <map>

#include "host/api/api_endpoints.h"
#include "host/api/api_reply.h"
#include "host/criteria/criteria_loader.h"
#include "host/scoring/score_result.h"
#include "host/scoring/score_wording.h"
#include "host/store/store.h"

namespace hamhub::host {

namespace {

double rounded(double v, int decimals) {
  const double f = std::pow(10.0, decimals);
  return std::round(v * f) / f;
}

// The predicate's name from the model that scored the row, in the caller's language.
JsonValue predicateName(const ApiContext& context, const ScoreRow& row, const std::string& lang) {
  if (!context.criteria || row.predicate.empty()) return JsonValue();
  for (const CriteriaModel& model : context.criteria->models()) {
    if (model.instrument != row.instrument || model.version != row.version) continue;
    for (const Predicate& p : model.predicates) {
      if (p.id == row.predicate) return lang == "en" && !p.nameEn.empty() ? p.nameEn : p.name;
    }
  }
  return JsonValue();
}

std::optional<ApiResponse> badFilter(const std::optional<std::string>& value, const char* name) {
  if (value && (value->empty() || value->size() > 64)) return apiError(400, std::string(name) + ": give a value of 1 to 64 characters");
  return std::nullopt;
}

}  // namespace

ApiResponse listScores(const ApiContext& context, const ApiRequest& request) {
  if (auto bad = unknownParameter(request, {"instrument", "period", "subject", "region", "lang"})) return *bad;
  const auto lang = queryLang(request);
  if (!lang) return apiError(400, "lang: id or en");
  std::string region;
  if (auto refused = regionFilter(request, region)) return *refused;
  ScoreQuery query;
  query.instrument = queryText(request, "instrument");
  query.period = queryText(request, "period");
  query.subject = queryText(request, "subject");
  if (auto bad = badFilter(query.instrument, "instrument")) return *bad;
  if (auto bad = badFilter(query.period, "period")) return *bad;
  if (auto bad = badFilter(query.subject, "subject")) return *bad;
  if (query.subject) {
    if (auto refused = otherProvince(*request.caller, provinceOf(context, *query.subject), "subject " + *query.subject)) {
      return *refused;
    }
  }
  auto rows = context.store->currentScores(query);
  if (!rows.isOk()) return apiError(503, rows.status().message());
  auto subjects = context.store->subjects();
  if (!subjects.isOk()) return apiError(503, subjects.status().message());
  std::map<std::string, std::string> names;
  for (const Subject& s : *subjects) names[s.id] = s.name;
  JsonValue::Array out;
  for (const ScoreRow& row : *rows) {
    if (!region.empty() && provinceOf(context, row.subject) != region) continue;
    JsonValue item = JsonValue::Object{};
    item.set("subject", row.subject);
    const auto name = names.find(row.subject);
    item.set("name", name != names.end() ? JsonValue(name->second) : JsonValue());
    item.set("instrument", row.instrument);
    item.set("version", row.version);
    item.set("period", row.period);
    item.set("total", rounded(row.total, 2));
    item.set("predicate", orNull(row.predicate));
    item.set("predicate_name", predicateName(context, row, *lang));
    item.set("completeness", rounded(row.completeness, 4));
    item.set("computed_at", row.computedAt);
    out.push_back(std::move(item));
  }
  return jsonReply(JsonValue(std::move(out)));
}

ApiResponse scoreDetail(const ApiContext& context, const ApiRequest& request, const std::string& subject,
                        const std::string& instrument, const std::string& period) {
  if (auto bad = unknownParameter(request, {"lang"})) return *bad;
  const auto lang = queryLang(request);
  if (!lang) return apiError(400, "lang: id or en");
  if (auto refused = otherProvince(*request.caller, provinceOf(context, subject), "subject " + subject)) return *refused;
  auto history = context.store->scoreHistory(subject, instrument, period);
  if (!history.isOk()) return apiError(503, history.status().message());
  if (history->empty()) {
    return apiError(404, "no " + instrument + " score of " + subject + " for period " + period);
  }
  const ScoreRow& current = history->front();
  JsonValue result = scoreResultValue(current.result);
  if (*lang == "en") result = resultInEnglish(std::move(result));
  result.set("lang", *lang);
  result.set("computed_at", current.computedAt);
  JsonValue::Array earlier;
  for (const ScoreRow& row : *history) {
    JsonValue item = JsonValue::Object{};
    item.set("total", rounded(row.total, 2));
    item.set("predicate", orNull(row.predicate));
    item.set("completeness", rounded(row.completeness, 4));
    item.set("computed_at", row.computedAt);
    earlier.push_back(std::move(item));
  }
  result.set("history", JsonValue(std::move(earlier)));
  return jsonReply(result);
}

}  // namespace hamhub::host

#include "host/scoring/score_wording.h"

#include <cstdio>

namespace hamhub::host {

const JsonValue& resultMember(const JsonValue& object, std::string_view key) {
  static const JsonValue kNull;
  const JsonValue* v = object.isObject() ? object.find(key) : nullptr;
  return v != nullptr ? *v : kNull;
}

std::string resultText(const JsonValue& object, std::string_view key) {
  const JsonValue& v = resultMember(object, key);
  return v.isString() ? v.asString() : std::string();
}

double resultNumber(const JsonValue& object, std::string_view key) {
  const JsonValue& v = resultMember(object, key);
  return v.isNumber() ? v.asNumber() : 0.0;
}

std::string indicatorDetailEn(const JsonValue& indicator) {
  const std::string state = resultText(indicator, "state");
  if (state == "missing") return "no data";
  if (state == "no-data-dukung") return "a value without data dukung (supporting evidence)";
  const JsonValue& evidence = resultMember(indicator, "evidence");
  const JsonValue* first = evidence.isArray() && !evidence.asArray().empty() ? &evidence.asArray().front() : nullptr;
  const std::string value = first != nullptr ? resultText(*first, "value") : std::string();
  if (state == "invalid") return "the value cannot be read for this indicator";
  char line[128];
  std::snprintf(line, sizeof line, "%.2f of %.2f points: ", resultNumber(indicator, "points"),
                resultNumber(indicator, "max"));
  return line + (value.empty() ? std::string("document present") : "value '" + value + "'");
}

std::string coachingActionEn(const JsonValue& step, const JsonValue& indicators) {
  const std::string id = resultText(step, "indicator");
  std::string state, name;
  if (indicators.isArray()) {
    for (const auto& i : indicators.asArray()) {
      if (resultText(i, "id") == id) state = resultText(i, "state"), name = resultText(i, "name");
    }
  }
  const std::string what = "indicator " + id + " (" + name + ")";
  if (state == "missing") return "Send the data and its data dukung for " + what;
  if (state == "no-data-dukung") return "Complete the data dukung for " + what;
  if (state == "invalid") return "Correct the value of " + what;
  return "Raise the achievement of " + what;
}

JsonValue resultInEnglish(JsonValue result) {
  if (!result.isObject()) return result;
  const JsonValue indicators = resultMember(result, "indicators");
  if (const std::string name = resultText(result, "predicate_name_en"); !name.empty()) result.set("predicate_name", name);
  for (auto& [key, value] : result.asObject()) {
    if (key == "indicators" && value.isArray()) {
      for (JsonValue& i : value.asArray()) {
        if (i.isObject()) i.set("detail", indicatorDetailEn(i));
      }
    }
    if (key != "coaching" || !value.isObject()) continue;
    if (const std::string name = resultText(value, "target_name_en"); !name.empty()) value.set("target_name", name);
    for (auto& [field, steps] : value.asObject()) {
      if (field != "steps" || !steps.isArray()) continue;
      for (JsonValue& step : steps.asArray()) {
        if (step.isObject()) step.set("action", coachingActionEn(step, indicators));
      }
    }
  }
  return result;
}

}  // namespace hamhub::host

#include "host/criteria/criteria_loader.h"

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <initializer_list>
#include <map>
#include <set>

#include "host/config/json_file.h"
#include "host/harvest/content_hash.h"

namespace hamhub::host {

namespace fs = std::filesystem;

namespace {

constexpr double kTolerance = 0.01;  // weights are written with two decimals (100/9 → 11.11)

bool isIsoDate(const std::string& s) {
  return s.size() == 10 && s[4] == '-' && s[7] == '-' &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
}

std::string fmt(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", v);
  return buffer;
}

// Reads members with their JSON paths and collects every problem instead of stopping at the first.
class Reader {
 public:
  Reader(std::string file, ConfigIssues& issues) : file_(std::move(file)), issues_(issues) {}

  void error(const std::string& path, std::string message) {
    issues_.push_back({file_, path, std::move(message)});
    ++errors_;
  }
  int errors() const { return errors_; }

  static std::string at(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }
  static std::string at(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

  void onlyKeys(const JsonValue& object, const std::string& path, std::initializer_list<const char*> known) {
    for (const auto& [key, value] : object.asObject()) {
      (void)value;
      if (std::none_of(known.begin(), known.end(), [&](const char* k) { return key == k; })) {
        error(at(path, key), "unknown key (a typo?)");
      }
    }
  }
  std::string text(const JsonValue& object, const std::string& path, const char* key, bool required) {
    const JsonValue* v = object.find(key);
    if (v == nullptr || v->isNull()) {
      if (required) error(at(path, key), "is required");
      return {};
    }
    if (!v->isString() || (required && v->asString().empty())) {
      error(at(path, key), "expected a non-empty string");
      return {};
    }
    return v->asString();
  }
  double number(const JsonValue& object, const std::string& path, const char* key, std::optional<double> fallback) {
    const JsonValue* v = object.find(key);
    if (v == nullptr) {
      if (!fallback) error(at(path, key), "is required");
      return fallback.value_or(0);
    }
    if (!v->isNumber()) {
      error(at(path, key), "expected a number");
      return 0;
    }
    return v->asNumber();
  }
  // A weight is a number or an exact fraction "100/9": nine SKM elements must add up to exactly
  // 100, or an IKM of 88.31 would round into the band below.
  double weight(const JsonValue& object, const std::string& path) {
    const JsonValue* v = object.find("weight");
    if (v != nullptr && v->isString()) {
      double a = 0, b = 0;
      char tail = 0;
      if (std::sscanf(v->asString().c_str(), "%lf/%lf%c", &a, &b, &tail) == 2 && b > 0) return a / b;
      error(at(path, "weight"), "expected a number or a fraction such as \"100/9\"");
      return 0;
    }
    return number(object, path, "weight", std::nullopt);
  }
  bool flag(const JsonValue& object, const std::string& path, const char* key) {
    const JsonValue* v = object.find(key);
    if (v == nullptr) return false;
    if (!v->isBool()) error(at(path, key), "expected true or false");
    return v->isBool() && v->asBool();
  }
  std::vector<std::string> strings(const JsonValue& object, const std::string& path, const char* key) {
    std::vector<std::string> out;
    const JsonValue* v = object.find(key);
    if (v == nullptr) return out;
    if (!v->isArray()) {
      error(at(path, key), "expected a list of strings");
      return out;
    }
    for (std::size_t i = 0; i < v->asArray().size(); ++i) {
      const JsonValue& item = v->asArray()[i];
      if (item.isString() && !item.asString().empty()) {
        out.push_back(item.asString());
      } else {
        error(at(at(path, key), i), "expected a non-empty string");
      }
    }
    return out;
  }
  Confidence confidence(const JsonValue& object, const std::string& path) {
    const std::string c = text(object, path, "confidence", true);
    if (c == "C") return Confidence::Confirmed;
    if (c == "P") return Confidence::Probable;
    if (c != "A" && !c.empty()) error(at(path, "confidence"), "expected C, P or A (shared/DOMAIN.md), got '" + c + "'");
    return Confidence::Assumption;
  }
  const JsonValue::Array* list(const JsonValue& object, const std::string& path, const char* key, bool required) {
    const JsonValue* v = object.find(key);
    if (v == nullptr) {
      if (required) error(at(path, key), "is required");
      return nullptr;
    }
    if (!v->isArray()) {
      error(at(path, key), "expected a list");
      return nullptr;
    }
    return &v->asArray();
  }
  bool isObject(const JsonValue& v, const std::string& path) {
    if (!v.isObject()) error(path, "expected an object");
    return v.isObject();
  }

 private:
  std::string file_;
  ConfigIssues& issues_;
  int errors_ = 0;
};

// Ranges must not overlap. Value bands are half-open [min, max), so one may start where the last
// ends; predicate bands are closed [min, max] (75–100, 65–74.99), so they may not.
template <typename Range>
void checkNoOverlap(Reader& r, const std::string& path, std::vector<Range> ranges, const char* what, bool halfOpen) {
  std::sort(ranges.begin(), ranges.end(), [](const Range& a, const Range& b) { return a.min < b.min; });
  for (std::size_t i = 1; i < ranges.size(); ++i) {
    if (halfOpen ? ranges[i].min < ranges[i - 1].max : ranges[i].min <= ranges[i - 1].max) {
      r.error(path, std::string(what) + " overlap: " + fmt(ranges[i - 1].min) + "–" + fmt(ranges[i - 1].max) +
                        " and " + fmt(ranges[i].min) + "–" + fmt(ranges[i].max));
    }
  }
}

ValueSpec parseValue(Reader& r, const JsonValue& v, const std::string& path) {
  ValueSpec spec;
  if (!r.isObject(v, path)) return spec;
  r.onlyKeys(v, path, {"kind", "levels", "min", "max", "bands", "confidence", "note"});
  const std::string kind = r.text(v, path, "kind", true);
  if (kind == "levels") {
    spec.kind = ValueKind::Levels;
    const JsonValue* levels = v.find("levels");
    if (levels == nullptr || !levels->isObject() || levels->asObject().empty()) {
      r.error(Reader::at(path, "levels"), "expected an object of label → fraction, e.g. {\"Ada\": 1, \"Tidak\": 0}");
      return spec;
    }
    for (const auto& [label, fraction] : levels->asObject()) {
      if (!fraction.isNumber() || fraction.asNumber() < 0 || fraction.asNumber() > 1) {
        r.error(Reader::at(Reader::at(path, "levels"), label), "expected a fraction between 0 and 1");
        continue;
      }
      spec.levels.emplace_back(label, fraction.asNumber());
    }
  } else if (kind == "number") {
    spec.kind = ValueKind::Number;
    spec.min = r.number(v, path, "min", std::nullopt);
    spec.max = r.number(v, path, "max", std::nullopt);
    if (spec.min >= spec.max) r.error(path, "min must be below max");
    if (const JsonValue::Array* bands = r.list(v, path, "bands", false)) {
      for (std::size_t i = 0; i < bands->size(); ++i) {
        const std::string bp = Reader::at(Reader::at(path, "bands"), i);
        if (!r.isObject((*bands)[i], bp)) continue;
        ValueBand band{r.number((*bands)[i], bp, "min", std::nullopt), r.number((*bands)[i], bp, "max", std::nullopt),
                       r.number((*bands)[i], bp, "fraction", std::nullopt)};
        if (band.min >= band.max || band.min < spec.min || band.max > spec.max) {
          r.error(bp, "a band lies within min–max and its min is below its max");
        }
        if (band.fraction < 0 || band.fraction > 1) r.error(Reader::at(bp, "fraction"), "expected 0–1");
        spec.bands.push_back(band);
      }
      checkNoOverlap(r, Reader::at(path, "bands"), spec.bands, "value bands", true);
    }
  } else if (kind == "percentage") {
    spec.kind = ValueKind::Percentage;
    spec.min = 0;
    spec.max = 100;
  } else if (kind == "document") {
    spec.kind = ValueKind::Document;
  } else if (!kind.empty()) {
    r.error(Reader::at(path, "kind"), "expected levels, number, percentage or document, got '" + kind + "'");
  }
  return spec;
}

IndicatorType parseType(Reader& r, const std::string& text, const std::string& path) {
  if (text.empty()) return IndicatorType::None;
  if (text == "struktur") return IndicatorType::Struktur;
  if (text == "proses") return IndicatorType::Proses;
  if (text == "hasil") return IndicatorType::Hasil;
  r.error(path, "expected struktur, proses or hasil, got '" + text + "'");
  return IndicatorType::None;
}

PeriodSpec parsePeriod(Reader& r, const JsonValue& root) {
  PeriodSpec period;
  const JsonValue* v = root.find("period");
  if (v == nullptr || !r.isObject(*v, "period")) {
    if (v == nullptr) r.error("period", "is required: {\"kind\": \"year\"}, {\"kind\": \"semester\"} or a round list");
    return period;
  }
  r.onlyKeys(*v, "period", {"kind", "rounds", "confidence", "note"});
  const std::string kind = r.text(*v, "period", "kind", true);
  if (kind == "year") {
    period.kind = PeriodKind::Year;
  } else if (kind == "semester") {
    period.kind = PeriodKind::Semester;
  } else if (kind == "round") {
    period.kind = PeriodKind::Round;
    period.rounds = r.strings(*v, "period", "rounds");
    if (period.rounds.empty()) r.error("period.rounds", "a round period lists its rounds, e.g. [\"B04\", \"B08\", \"B12\"]");
    std::set<std::string> seen;
    for (const auto& round : period.rounds) {
      if (!seen.insert(round).second) r.error("period.rounds", "'" + round + "' is listed twice");
      if (round.find('-') != std::string::npos) r.error("period.rounds", "'" + round + "' must not contain '-'");
    }
  } else if (!kind.empty()) {
    r.error("period.kind", "expected year, semester or round, got '" + kind + "'");
  }
  return period;
}

}  // namespace

std::optional<CriteriaModel> parseCriteriaModel(const JsonValue& json, const std::string& file, ConfigIssues& issues) {
  Reader r(file, issues);
  if (!json.isObject()) {
    r.error("", "a criteria model is a JSON object");
    return std::nullopt;
  }
  r.onlyKeys(json, "", {"type", "instrument", "version", "name", "legal_basis", "valid_from", "valid_to", "subject_kinds",
                        "period", "total", "scale", "decimals", "extensible", "value_kinds", "criteria", "predicates",
                        "evidence", "confidence", "note"});
  CriteriaModel m;
  m.file = file;
  m.instrument = r.text(json, "", "instrument", true);
  if (!m.instrument.empty() && !std::all_of(m.instrument.begin(), m.instrument.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      })) {
    r.error("instrument", "use lower-case letters, digits and '-' (it is the --instrument id)");
  }
  m.version = r.text(json, "", "version", true);
  m.name = r.text(json, "", "name", true);
  m.legalBasis = r.text(json, "", "legal_basis", true);
  m.validFrom = r.text(json, "", "valid_from", true);
  m.validTo = r.text(json, "", "valid_to", false);
  for (const auto& [key, value] : {std::pair{"valid_from", &m.validFrom}, std::pair{"valid_to", &m.validTo}}) {
    if (!value->empty() && !isIsoDate(*value)) r.error(key, "expected a date YYYY-MM-DD, got '" + *value + "'");
  }
  if (!m.validTo.empty() && m.validTo < m.validFrom) r.error("valid_to", "is before valid_from");
  m.subjectKinds = r.strings(json, "", "subject_kinds");
  static const std::set<std::string> kKinds = {"province", "kabkota", "opd", "upt", "ministry"};
  for (const auto& kind : m.subjectKinds) {
    if (kKinds.count(kind) == 0) r.error("subject_kinds", "unknown subject kind '" + kind + "'");
  }
  if (m.subjectKinds.empty()) r.error("subject_kinds", "list who is assessed, e.g. [\"kabkota\"]");
  m.period = parsePeriod(r, json);
  const std::string total = r.text(json, "", "total", true);
  if (total == "sum") {
    m.total = TotalRule::Sum;
  } else if (total == "mean-of-criteria") {
    m.total = TotalRule::MeanOfCriteria;
  } else if (!total.empty()) {
    r.error("total", "expected sum or mean-of-criteria, got '" + total + "'");
  }
  m.scale = r.number(json, "", "scale", 100.0);
  if (m.scale <= 0) r.error("scale", "must be above 0");
  m.decimals = static_cast<int>(r.number(json, "", "decimals", 2.0));
  if (m.decimals < 0 || m.decimals > 6) r.error("decimals", "expected 0–6");
  m.extensible = r.flag(json, "", "extensible");

  // Named value specs, so that forty Ada/Proses/Tidak indicators share one definition.
  std::map<std::string, ValueSpec> named;
  if (const JsonValue* kinds = json.find("value_kinds")) {
    if (!kinds->isObject()) {
      r.error("value_kinds", "expected an object of name → value spec");
    } else {
      for (const auto& [name, spec] : kinds->asObject()) named[name] = parseValue(r, spec, "value_kinds." + name);
    }
  }

  std::set<std::string> ids;
  if (const JsonValue::Array* criteria = r.list(json, "", "criteria", true)) {
    if (criteria->empty()) r.error("criteria", "a model has at least one criterion");
    for (std::size_t c = 0; c < criteria->size(); ++c) {
      const std::string cp = Reader::at("criteria", c);
      const JsonValue& cj = (*criteria)[c];
      if (!r.isObject(cj, cp)) continue;
      r.onlyKeys(cj, cp, {"id", "name", "confidence", "indicators", "note"});
      Criterion criterion;
      criterion.id = r.text(cj, cp, "id", true);
      criterion.name = r.text(cj, cp, "name", true);
      criterion.confidence = r.confidence(cj, cp);
      if (!criterion.id.empty() && !ids.insert(criterion.id).second) r.error(cp + ".id", "duplicate id '" + criterion.id + "'");
      if (const JsonValue::Array* indicators = r.list(cj, cp, "indicators", true)) {
        for (std::size_t i = 0; i < indicators->size(); ++i) {
          const std::string ip = Reader::at(cp + ".indicators", i);
          const JsonValue& ij = (*indicators)[i];
          if (!r.isObject(ij, ip)) continue;
          r.onlyKeys(ij, ip, {"id", "name", "type", "value", "weight", "evidence_required", "record_kinds", "confidence",
                              "note"});
          Indicator ind;
          ind.id = r.text(ij, ip, "id", true);
          ind.name = r.text(ij, ip, "name", true);
          ind.type = parseType(r, r.text(ij, ip, "type", false), ip + ".type");
          if (const JsonValue* value = ij.find("value"); value != nullptr && value->isString()) {
            auto it = named.find(value->asString());
            if (it == named.end()) {
              r.error(ip + ".value", "no value kind '" + value->asString() + "' in value_kinds");
            } else {
              ind.value = it->second;
            }
          } else if (value != nullptr) {
            ind.value = parseValue(r, *value, ip + ".value");
          } else {
            r.error(ip + ".value", "is required: a value_kinds name or a value spec");
          }
          ind.weight = r.weight(ij, ip);
          if (ind.weight < 0) r.error(ip + ".weight", "must not be negative");
          ind.evidenceRequired = r.flag(ij, ip, "evidence_required");
          ind.recordKinds = r.strings(ij, ip, "record_kinds");
          ind.confidence = r.confidence(ij, ip);
          ind.note = r.text(ij, ip, "note", false);
          if (!ind.id.empty() && !ids.insert(ind.id).second) r.error(ip + ".id", "duplicate id '" + ind.id + "'");
          criterion.indicators.push_back(std::move(ind));
        }
        if (criterion.indicators.empty()) r.error(cp + ".indicators", "a criterion has at least one indicator");
      }
      m.criteria.push_back(std::move(criterion));
    }
  }

  // Weights: the arithmetic the total rule promises must hold, or every score would be off.
  double sum = 0;
  for (std::size_t c = 0; c < m.criteria.size(); ++c) {
    const double points = m.criteria[c].maxPoints();
    sum += points;
    if (m.total == TotalRule::MeanOfCriteria && std::fabs(points - m.scale) > kTolerance) {
      r.error(Reader::at("criteria", c), "indicator weights of criterion '" + m.criteria[c].id + "' add up to " +
                                             fmt(points) + "; with total mean-of-criteria each criterion is worth " +
                                             fmt(m.scale));
    }
  }
  if (m.total == TotalRule::Sum && !m.criteria.empty() && std::fabs(sum - m.scale) > kTolerance) {
    r.error("criteria", "indicator weights add up to " + fmt(sum) + ", not the scale " + fmt(m.scale));
  }

  if (const JsonValue::Array* predicates = r.list(json, "", "predicates", true)) {
    int targets = 0;
    std::set<std::string> predicateIds;
    for (std::size_t p = 0; p < predicates->size(); ++p) {
      const std::string pp = Reader::at("predicates", p);
      const JsonValue& pj = (*predicates)[p];
      if (!r.isObject(pj, pp)) continue;
      r.onlyKeys(pj, pp, {"id", "name", "name_en", "min", "max", "confidence", "target", "note"});
      Predicate pred;
      pred.id = r.text(pj, pp, "id", true);
      pred.name = r.text(pj, pp, "name", true);
      pred.nameEn = r.text(pj, pp, "name_en", true);
      pred.min = r.number(pj, pp, "min", std::nullopt);
      pred.max = r.number(pj, pp, "max", std::nullopt);
      pred.confidence = r.confidence(pj, pp);
      pred.target = r.flag(pj, pp, "target");
      targets += pred.target ? 1 : 0;
      if (pred.min > pred.max || pred.min < 0 || pred.max > m.scale) {
        r.error(pp, "a band lies within 0–" + fmt(m.scale) + " and its min is not above its max");
      }
      if (!pred.id.empty() && !predicateIds.insert(pred.id).second) r.error(pp + ".id", "duplicate id '" + pred.id + "'");
      m.predicates.push_back(std::move(pred));
    }
    if (targets > 1) r.error("predicates", "at most one predicate is the target");
    checkNoOverlap(r, "predicates", m.predicates, "predicate bands", false);
  }

  if (const JsonValue::Array* rules = r.list(json, "", "evidence", false)) {
    for (std::size_t e = 0; e < rules->size(); ++e) {
      const std::string ep = Reader::at("evidence", e);
      const JsonValue& ej = (*rules)[e];
      if (!r.isObject(ej, ep)) continue;
      r.onlyKeys(ej, ep, {"record_kind", "indicator", "indicator_field", "match", "combine", "value_field",
                          "evidence_field", "subject_field", "supports", "standing", "when", "confidence", "note"});
      EvidenceRule rule;
      rule.recordKind = r.text(ej, ep, "record_kind", true);
      rule.indicator = r.text(ej, ep, "indicator", false);
      rule.indicatorField = r.text(ej, ep, "indicator_field", false);
      rule.valueField = r.text(ej, ep, "value_field", false);
      rule.evidenceField = r.text(ej, ep, "evidence_field", false);
      rule.subjectField = r.text(ej, ep, "subject_field", false);
      rule.confidence = r.confidence(ej, ep);
      rule.supports = r.flag(ej, ep, "supports");
      rule.standing = r.flag(ej, ep, "standing");
      if (rule.supports && !rule.valueField.empty()) r.error(ep + ".supports", "a supporting rule gives no value_field");
      const std::string match = r.text(ej, ep, "match", false);
      if (match == "prefix") {
        rule.byPrefix = true;
      } else if (!match.empty() && match != "exact") {
        r.error(ep + ".match", "expected exact or prefix, got '" + match + "'");
      }
      if (rule.byPrefix && rule.indicatorField.empty()) r.error(ep + ".match", "prefix matching needs indicator_field");
      const std::string combine = r.text(ej, ep, "combine", false);
      if (combine == "sum") {
        rule.combine = Combine::Sum;
      } else if (combine == "mean") {
        rule.combine = Combine::Mean;
      } else if (!combine.empty() && combine != "best") {
        r.error(ep + ".combine", "expected best, sum or mean, got '" + combine + "'");
      }
      if (rule.indicator.empty() == rule.indicatorField.empty()) {
        r.error(ep, "give either indicator (a fixed id) or indicator_field (where the record names it)");
      }
      if (!rule.indicator.empty() && m.findIndicator(rule.indicator) == nullptr) {
        r.error(ep + ".indicator", "no indicator '" + rule.indicator + "' in this model");
      }
      if (const JsonValue* when = ej.find("when")) {
        if (!when->isObject()) {
          r.error(ep + ".when", "expected an object of payload path → words, e.g. {\"title\": [\"disabilitas\"]}");
        } else {
          for (const auto& [field, words] : when->asObject()) {
            (void)words;
            std::vector<std::string> list = r.strings(*when, ep + ".when", field.c_str());
            if (list.empty()) r.error(ep + ".when." + field, "list at least one word");
            rule.when.emplace_back(field, std::move(list));
          }
        }
      }
      m.evidence.push_back(std::move(rule));
    }
  }
  if (r.errors() > 0) return std::nullopt;
  return m;
}

CriteriaCatalog CriteriaCatalog::load(const fs::path& dir, ConfigIssues& issues) {
  CriteriaCatalog catalog;
  for (const auto& typed : readTypedJsonFiles(dir, "criteria-model", issues)) {
    if (auto model = parseCriteriaModel(typed.json, typed.file.string(), issues)) {
      auto bytes = readSmallFile(typed.file, 4u * 1024 * 1024);
      model->fingerprint = bytes.isOk() ? sha256Hex({*bytes}) : std::string();
      catalog.models_.push_back(std::move(*model));
    }
  }
  // Two versions of one instrument in force at once would make "the" score ambiguous: the later
  // file is refused.
  for (std::size_t a = 0; a < catalog.models_.size(); ++a) {
    for (std::size_t b = a + 1; b < catalog.models_.size();) {
      const CriteriaModel& x = catalog.models_[a];
      const CriteriaModel& y = catalog.models_[b];
      const bool apart = (!x.validTo.empty() && x.validTo < y.validFrom) || (!y.validTo.empty() && y.validTo < x.validFrom);
      if (x.instrument != y.instrument || apart) {
        ++b;
        continue;
      }
      issues.push_back({y.file, "valid_from", "the validity of " + y.instrument + " " + y.version +
                                                  " overlaps that of " + x.version + " (" + x.file + "); refused"});
      catalog.models_.erase(catalog.models_.begin() + static_cast<std::ptrdiff_t>(b));
    }
  }
  return catalog;
}

const CriteriaModel* CriteriaCatalog::find(const std::string& instrument, int year) const {
  const std::string first = std::to_string(year) + "-01-01";
  const std::string last = std::to_string(year) + "-12-31";
  const CriteriaModel* found = nullptr;
  for (const auto& m : models_) {
    if (m.instrument != instrument) continue;
    // In force at some point of the year; the latest such version wins.
    if (m.validFrom <= last && (m.validTo.empty() || m.validTo >= first) && (found == nullptr || m.validFrom > found->validFrom)) {
      found = &m;
    }
  }
  return found;
}

std::vector<std::string> CriteriaCatalog::instruments() const {
  std::set<std::string> ids;
  for (const auto& m : models_) ids.insert(m.instrument);
  return {ids.begin(), ids.end()};
}

}  // namespace hamhub::host

#include "host/scoring/evidence_mapper.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace hamhub::host {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string scalarText(const JsonValue& v) {
  switch (v.type()) {
    case JsonValue::Type::String:
      return v.asString();
    case JsonValue::Type::Bool:
      return v.asBool() ? "Ya" : "Tidak";
    case JsonValue::Type::Number: {
      if (v.isInteger()) return std::to_string(v.asInt());
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.10g", v.asNumber());
      return buffer;
    }
    default:
      return {};
  }
}

}  // namespace

std::string payloadText(const JsonValue& payload, const std::string& path) {
  const JsonValue* v = &payload;
  std::size_t start = 0;
  while (v != nullptr && start <= path.size()) {
    const std::size_t dot = path.find('.', start);
    const std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    v = v->isObject() ? v->find(key) : nullptr;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  if (v == nullptr) return {};
  if (!v->isArray()) return scalarText(*v);
  std::string joined;
  for (const JsonValue& item : v->asArray()) {
    const std::string text = item.isObject() ? payloadText(item, "url") : scalarText(item);
    if (text.empty()) continue;
    joined += (joined.empty() ? "" : "; ") + text;
  }
  return joined;
}

std::set<std::string> EvidenceMapper::recordKinds() const {
  std::set<std::string> kinds;
  for (const auto& rule : model_.evidence) kinds.insert(rule.recordKind);
  return kinds;
}

std::string EvidenceMapper::periodOf(const StoredRecord& record, const JsonValue& payload) const {
  const std::string& period = record.record.period;
  if (!period.empty()) {
    // Connectors write a year where the instrument has rounds or semesters only in the payload.
    if (model_.period.valid(period)) return period;
    if (model_.period.kind == PeriodKind::Year && period.size() >= 4) return period.substr(0, 4);
    return period;
  }
  if (model_.period.kind == PeriodKind::Year) {
    const std::string year = payloadText(payload, "year");
    if (model_.period.valid(year)) return year;
  }
  return {};
}

const Indicator* EvidenceMapper::indicatorFor(const EvidenceRule& rule, const JsonValue& payload,
                                              std::string& named) const {
  if (!rule.indicator.empty()) {
    named = rule.indicator;
    return model_.findIndicator(rule.indicator);
  }
  named = payloadText(payload, rule.indicatorField);
  if (named.empty()) return nullptr;
  if (const Indicator* exact = model_.findIndicator(named)) return exact;
  if (!rule.byPrefix) return nullptr;
  // The longest model id the record's code starts with: "10.S2" belongs to "10.S", not "1.S".
  const Indicator* best = nullptr;
  for (const auto& criterion : model_.criteria) {
    for (const auto& indicator : criterion.indicators) {
      if (named.rfind(indicator.id, 0) == 0 && (best == nullptr || indicator.id.size() > best->id.size())) {
        best = &indicator;
      }
    }
  }
  return best;
}

void EvidenceMapper::add(const StoredRecord& record, EvidenceSet& out) {
  auto parsed = parseJson(record.record.payload);
  const JsonValue payload = parsed.isOk() ? std::move(parsed).value() : JsonValue(JsonValue::Object{});
  const std::string where = record.record.kind + " '" + record.record.key + "' (sumber " + record.source + ")";
  for (const EvidenceRule& rule : model_.evidence) {
    if (rule.recordKind != record.record.kind) continue;
    bool passes = true;
    for (const auto& [field, words] : rule.when) {
      const std::string text = lower(payloadText(payload, field));
      passes = passes && std::any_of(words.begin(), words.end(),
                                     [&](const std::string& w) { return text.find(lower(w)) != std::string::npos; });
    }
    if (!passes) continue;
    std::string named;
    const Indicator* indicator = indicatorFor(rule, payload, named);
    if (indicator == nullptr) {
      out.problems.push_back(named.empty() ? where + ": tidak menyebut indikator (" + rule.indicatorField + ")"
                             : model_.extensible
                                 ? where + ": indikator '" + named + "' belum ada di model " + model_.instrument + " " +
                                       model_.version + " (ditambahkan ke katalog tanpa bobot)"
                                 : where + ": indikator '" + named + "' tidak ada di model " + model_.instrument + " " +
                                       model_.version);
      continue;
    }
    std::string subject = record.record.subject;
    if (!rule.subjectField.empty()) {
      const std::string unit = payloadText(payload, rule.subjectField);
      if (unit.empty()) {
        out.problems.push_back(where + ": tanpa unit (" + rule.subjectField + ")");
        continue;
      }
      subject += "/" + unit;
    }
    if (subject.empty()) {
      out.problems.push_back(where + ": tanpa subjek");
      continue;
    }
    const std::string period = rule.standing ? std::string() : periodOf(record, payload);
    if (!period.empty()) out.periods.insert(period);
    if (rule.supports) {
      supported_.emplace(subject, period, named);
      continue;
    }
    EvidenceItem item;
    item.indicator = indicator->id;
    item.code = named;
    item.value = rule.valueField.empty() ? std::string() : payloadText(payload, rule.valueField);
    const std::string dataDukung = rule.evidenceField.empty() ? std::string() : payloadText(payload, rule.evidenceField);
    // Where the rule names a data dukung field, that field decides; otherwise a document is its
    // own data dukung and other values need a supporting record.
    item.hasDataDukung = rule.evidenceField.empty() ? indicator->value.kind == ValueKind::Document : !dataDukung.empty();
    item.source = record.source;
    item.recordKind = record.record.kind;
    item.recordKey = record.record.key;
    item.url = !dataDukung.empty() ? dataDukung.substr(0, dataDukung.find("; ")) : record.record.url;
    item.fetchedAt = record.fetchedAt;
    item.combine = rule.combine;
    out.bySubject[subject][period].push_back(std::move(item));
  }
}

void EvidenceMapper::finish(EvidenceSet& out) {
  for (auto& [subject, periods] : out.bySubject) {
    for (auto& [period, items] : periods) {
      for (auto& item : items) {
        if (supported_.count({subject, period, item.code}) > 0) item.hasDataDukung = true;
      }
    }
  }
}

}  // namespace hamhub::host

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

}  // namespace

std::string payloadText(const PayloadFields& payload, const std::string& path) {
  const PayloadFields::Value* v = payload.find(path);
  if (v == nullptr || !v->present || v->null) return {};
  if (v->array) {
    std::string joined;
    for (const auto& item : v->items) {
      if (!item.empty()) joined += (joined.empty() ? "" : "; ") + item;
    }
    return joined;
  }
  if (v->text == "true") return "Ya";
  if (v->text == "false") return "Tidak";
  return v->text;
}

EvidenceMapper::EvidenceMapper(const CriteriaModel& model) : model_(model) {
  for (const EvidenceRule& rule : model_.evidence) {
    std::vector<std::string>& paths = paths_[rule.recordKind];
    for (const std::string* p : {&rule.indicatorField, &rule.valueField, &rule.evidenceField, &rule.subjectField}) {
      if (!p->empty()) paths.push_back(*p);
    }
    for (const auto& [field, words] : rule.when) paths.push_back(field);
    paths.push_back("year");
  }
}

std::set<std::string> EvidenceMapper::recordKinds() const {
  std::set<std::string> kinds;
  for (const auto& rule : model_.evidence) kinds.insert(rule.recordKind);
  return kinds;
}

std::string EvidenceMapper::periodOf(const StoredRecord& record, const PayloadFields& payload) const {
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

const Indicator* EvidenceMapper::indicatorFor(const EvidenceRule& rule, const PayloadFields& payload,
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
  const auto paths = paths_.find(record.record.kind);
  if (paths == paths_.end()) return;
  PayloadFields& payload = fields_;
  // Only records with a problem are named: most records of a national rescore have none.
  const auto where = [&record] {
    return record.record.kind + " '" + record.record.key + "' (sumber " + record.source + ")";
  };
  if (!payload.read(record.record.payload, paths->second)) {
    out.problems.push_back(where() + ": payload bukan objek JSON");
    return;
  }
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
      out.problems.push_back(named.empty() ? where() + ": tidak menyebut indikator (" + rule.indicatorField + ")"
                             : model_.extensible
                                 ? where() + ": indikator '" + named + "' belum ada di model " + model_.instrument + " " +
                                       model_.version + " (ditambahkan ke katalog tanpa bobot)"
                                 : where() + ": indikator '" + named + "' tidak ada di model " + model_.instrument + " " +
                                       model_.version);
      continue;
    }
    std::string subject = record.record.subject;
    if (!rule.subjectField.empty()) {
      const std::string unit = payloadText(payload, rule.subjectField);
      if (unit.empty()) {
        out.problems.push_back(where() + ": tanpa unit (" + rule.subjectField + ")");
        continue;
      }
      subject += "/" + unit;
    }
    if (subject.empty()) {
      out.problems.push_back(where() + ": tanpa subjek");
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

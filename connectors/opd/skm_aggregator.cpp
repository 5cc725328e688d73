#include "skm_aggregator.h"

#include <cmath>
#include <optional>

#include "row_subject.h"

namespace hamhub::opd {

namespace {

constexpr std::int64_t kMeanScale = 1000000;  // given means are kept to six decimals
constexpr const char* kRegulation = "PermenPANRB 14/2017";

// A whole-number answer: a JSON integer, or text of digits as CSV files carry it.
std::optional<std::int64_t> answerOf(const JsonValue* value) {
  if (value == nullptr) return std::nullopt;
  if (value->isInteger()) return value->asInt();
  if (!value->isString()) return std::nullopt;
  const std::string& text = value->asString();
  if (text.empty() || text.size() > 3) return std::nullopt;
  std::int64_t n = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

// A mean as a number, from a JSON number or text with a decimal point or comma ("3,45").
std::optional<double> meanOf(const JsonValue* value) {
  if (value == nullptr) return std::nullopt;
  if (value->isNumber()) return value->asNumber();
  if (!value->isString() || value->asString().empty()) return std::nullopt;
  std::string text = value->asString();
  for (char& c : text) {
    if (c == ',') c = '.';
  }
  auto parsed = parseJson(text);
  if (!parsed || !parsed->isNumber()) return std::nullopt;
  return parsed->asNumber();
}

std::string shownValue(const JsonValue* value) { return value == nullptr ? "missing" : "'" + scalarText(value) + "'"; }

double fromScaled(std::int64_t value, double scale) { return static_cast<double>(value) / scale; }

}  // namespace

Status SkmAggregator::row(Row&& row) {
  const std::string unit = scalarText(row.find(settings_.roles.unitColumn));
  const std::string period = scalarText(row.find(settings_.roles.periodColumn));
  if (unit.empty()) return badRows_.report("", row.position, settings_.roles.unitColumn + " (the unit) is empty or missing");
  if (period.empty()) return badRows_.report("", row.position, settings_.roles.periodColumn + " (the period) is empty or missing");
  auto subject = rowSubject(context_, settings_.roles, row);
  const std::string key = unit + "|" + period;
  if (!subject) return badRows_.report(key, row.position, subject.status().message());

  const GroupKey groupKey{*subject, unit, period};
  const bool fresh = groups_.find(groupKey) == groups_.end();
  // Checked on a copy: a bad row must leave its group as it was.
  Group group = fresh ? Group{} : groups_.at(groupKey);
  if (group.url.empty()) group.url = row.url;
  const Status added = settings_.skm.input == SkmInput::Respondents ? addRespondent(row, group, key)
                                                                     : addMeans(row, group, key, fresh);
  if (!added) return badRows_.report(key, row.position, added.message());
  groups_[groupKey] = std::move(group);
  return Status::ok();
}

Status SkmAggregator::addRespondent(const Row& row, Group& group, const std::string&) {
  std::array<std::int64_t, kElements> answers{};
  for (std::size_t i = 0; i < kElements; ++i) {
    const std::string& column = settings_.skm.elementColumns[i];
    const JsonValue* value = row.find(column);
    const std::optional<std::int64_t> answer = answerOf(value);
    if (!answer || *answer < 1 || *answer > 4) {
      return Status::error(column + " is " + shownValue(value) + "; every element is answered 1, 2, 3 or 4", "invalid-row");
    }
    answers[i] = *answer;
  }
  for (std::size_t i = 0; i < kElements; ++i) group.totals.numerators[i] += answers[i];
  group.totals.denominator = ++group.respondents;
  return Status::ok();
}

Status SkmAggregator::addMeans(const Row& row, Group& group, const std::string& key, bool fresh) {
  if (!fresh) return Status::error("a second row for " + key + "; element_means input takes one row per unit and period", "invalid-row");
  group.totals.denominator = kMeanScale;
  for (std::size_t i = 0; i < kElements; ++i) {
    const std::string& column = settings_.skm.elementColumns[i];
    const JsonValue* value = row.find(column);
    const std::optional<double> mean = meanOf(value);
    if (!mean || !std::isfinite(*mean) || *mean < 1 || *mean > 4) {
      return Status::error(column + " is " + shownValue(value) + "; an element mean lies between 1 and 4", "invalid-row");
    }
    group.totals.numerators[i] = std::llround(*mean * kMeanScale);
  }
  const JsonValue* count = row.find(settings_.skm.respondentsColumn);
  group.respondentsKnown = false;
  if (count != nullptr && !count->isNull() && !scalarText(count).empty()) {
    const std::optional<std::int64_t> n = count->isInteger() ? std::optional(count->asInt()) : answerOf(count);
    if (!n || *n < 0) return Status::error(settings_.skm.respondentsColumn + " is " + shownValue(count) + ", not a count", "invalid-row");
    group.respondents = *n;
    group.respondentsKnown = true;
  }
  return Status::ok();
}

Status SkmAggregator::emitAll(RecordSink& sink) const {
  for (const auto& [groupKey, group] : groups_) {
    const auto& [subject, unit, period] = groupKey;
    const Ikm ikm = computeIkm(group.totals);
    JsonWriter payload;
    payload.beginObject();
    payload.key("unit").value(unit);
    payload.key("period").value(period);
    payload.key("respondents");
    if (group.respondentsKnown) {
      payload.value(group.respondents);
    } else {
      payload.null();
    }
    payload.key("element_means").beginObject();
    for (std::size_t i = 0; i < kElements; ++i)
      payload.key(settings_.skm.elementColumns[i]).value(fromScaled(ikm.meanHundredths[i], 100));
    payload.endObject();
    // Unrounded, for the scorer: IKM recomputed from two-decimal means can land 0.05 away and
    // across a band edge from the one above.
    payload.key("element_means_exact").beginObject();
    for (std::size_t i = 0; i < kElements; ++i) {
      payload.key(settings_.skm.elementColumns[i])
          .value(fromScaled(group.totals.numerators[i], static_cast<double>(group.totals.denominator)));
    }
    payload.endObject();
    payload.key("nilai_indeks").value(fromScaled(ikm.indexTenThousandths, 10000));
    payload.key("ikm").value(fromScaled(ikm.hundredths, 100));
    payload.key("band").value(ikm.band != nullptr ? ikm.band->grade : "");
    payload.key("mutu").value(ikm.band != nullptr ? ikm.band->mutu : "");
    payload.key("input").value(settings_.skm.input == SkmInput::Respondents ? "respondents" : "element_means");
    payload.key("regulation").value(kRegulation);
    payload.endObject();

    Record record;
    record.kind = kIkmKind;
    record.key = (subject.empty() ? "" : subject + "|") + unit + "|" + period;
    record.subject = subject;
    record.period = period;
    record.url = group.url;
    record.payload = payload.take();
    if (Status status = sink.emit(std::move(record)); !status) return status;
  }
  return Status::ok();
}

}  // namespace hamhub::opd

#include "kkpham_mapper.h"

#include <algorithm>

#include "field_values.h"
#include "kkpham_fields.h"
#include "location.h"
#include "text.h"

namespace hamhub::kkpham {

using tabular::Item;

namespace {

// Lets a payload a little longer than the last one still fit; the cap keeps one huge row from
// making every later record hold that much unused room.
constexpr std::size_t kPayloadSlack = 32;
constexpr std::size_t kMaxPayloadReserve = 4096;

}  // namespace

std::optional<std::string> indicatorType(std::string_view text) {
  std::string folded = tabular::foldHeader(text);
  if (folded.starts_with("indikator ")) folded.erase(0, 10);
  for (const char* type : {"struktur", "proses", "hasil"}) {
    if (folded == type) return std::string(type);
  }
  if (folded == "structure" || folded == "struktural") return std::string("struktur");
  if (folded == "process") return std::string("proses");
  if (folded == "outcome" || folded == "result") return std::string("hasil");
  return std::nullopt;
}

KkphamMapper::KkphamMapper(const Context& context, std::optional<int> defaultYear, std::string url)
    : subjects_(context, kSubject, kSubjectCode), defaultYear_(defaultYear), url_(std::move(url)) {}

const std::vector<tabular::FieldSpec>& KkphamMapper::fields() const { return kkpham::fields(); }
std::size_t KkphamMapper::itemField() const { return kIndicator; }
std::size_t KkphamMapper::valueField() const { return kValue; }
Status KkphamMapper::checkItemHeader(std::string_view) const { return Status::ok(); }

Status KkphamMapper::map(const Item& item, std::vector<Record>& out) {
  auto subject = subjects_.resolve(item);
  if (!subject) return subject.status();
  auto year = tabular::yearField(item, kYear);
  if (!year) return year.status();
  if (!*year) *year = defaultYear_;
  if (!*year) {
    if (item.mapped(kYear)) return item.error(kYear, "no year (the cell is empty)");
    return item.error("no year: the file has no year column and the source sets no year option");
  }
  const std::string indicator(item.text(kIndicator));
  if (indicator.empty()) return item.error(kIndicator, "no indicator (the cell is empty)");
  std::optional<std::string> type;
  if (item.has(kIndicatorType)) {
    type = indicatorType(item.text(kIndicatorType));
    if (!type) {
      return item.error(kIndicatorType, "indicator type " + tabular::quote(item.text(kIndicatorType)) +
                                            " is not struktur, proses or hasil");
    }
  }
  auto submitted = tabular::dateField(item, kSubmittedAt);
  if (!submitted) return submitted.status();

  const std::string yearText = std::to_string(**year);
  const std::string key = *subject + "|" + yearText + "|" + indicator;

  JsonWriter payload;
  payload.reserve(payloadBytes_);
  payload.beginObject();
  payload.key("subject").value(*subject);
  payload.key("year").value(**year);
  payload.key("criterion");
  tabular::writeText(payload, item.text(kCriterion));
  payload.key("indicator").value(indicator);
  payload.key("indicator_name");
  tabular::writeText(payload, item.text(kIndicatorName));
  payload.key("indicator_type");
  tabular::writeText(payload, type.value_or(""));
  payload.key("value");
  tabular::writeCell(payload, item.cell(kValue));
  payload.key("status");
  tabular::writeText(payload, item.text(kStatus));
  payload.key("submitted_at");
  tabular::writeText(payload, submitted->value_or(""));
  payload.endObject();
  payloadBytes_ = std::min(payload.str().size() + kPayloadSlack, kMaxPayloadReserve);
  out.push_back(Record{kValueKind, key, *subject, yearText, url_, payload.take()});

  if (item.has(kEvidenceUrl)) {
    std::string note;
    const std::vector<std::string> links = tabular::splitLinks(item.text(kEvidenceUrl), &note);
    JsonWriter evidence;
    evidence.beginObject();
    evidence.key("subject").value(*subject);
    evidence.key("year").value(**year);
    evidence.key("indicator").value(indicator);
    evidence.key("links").beginArray();
    for (const auto& link : links) evidence.value(link);
    evidence.endArray();
    // What is not a link names files sent with the export ("SK Bupati.pdf").
    evidence.key("files");
    tabular::writeText(evidence, note);
    evidence.endObject();
    out.push_back(Record{kEvidenceKind, key, *subject, yearText, url_, evidence.take()});
  }
  return Status::ok();
}

}  // namespace hamhub::kkpham

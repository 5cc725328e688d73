#include "ranham_mapper.h"

#include "field_values.h"
#include "location.h"
#include "ranham_fields.h"
#include "text.h"

namespace hamhub::ranham {

using tabular::Item;

std::string aksiNumber(std::string_view text) {
  std::string folded = tabular::foldHeader(text);
  if (folded.starts_with("aksi")) folded.erase(0, 4);
  std::string_view out = tabular::trim(folded);
  while (!out.empty() && (out.back() == '.' || out.back() == ')')) out.remove_suffix(1);
  return std::string(tabular::trim(out));
}

RanhamMapper::RanhamMapper(const Context& context, std::optional<int> defaultYear, std::optional<Period> defaultPeriod,
                           std::string url)
    : subjects_(context, kSubject, kSubjectCode),
      defaultYear_(defaultYear),
      defaultPeriod_(std::move(defaultPeriod)),
      url_(std::move(url)) {}

const std::vector<tabular::FieldSpec>& RanhamMapper::fields() const { return ranham::fields(); }
std::size_t RanhamMapper::itemField() const { return kPeriod; }
std::size_t RanhamMapper::valueField() const { return kCapaian; }

Status RanhamMapper::checkItemHeader(std::string_view header) const { return parsePeriod(header, true).status(); }

Status RanhamMapper::map(const Item& item, std::vector<Record>& out) {
  auto subject = subjects_.resolve(item);
  if (!subject) return subject.status();

  std::optional<Period> period = defaultPeriod_;
  if (item.has(kPeriod)) {
    // In the wide layout the period is the column's header ("Capaian B08").
    auto parsed = parsePeriod(item.text(kPeriod), item.fromHeader(kPeriod));
    if (!parsed) return item.error(kPeriod, parsed.status().message());
    period = std::move(parsed).value();
  }
  if (!period) return item.error("no period: the file has no period column and the source sets no period option");

  auto year = tabular::yearField(item, kYear);
  if (!year) return year.status();
  if (*year && period->year && **year != *period->year) {
    return item.error(kPeriod, "period " + tabular::quote(item.text(kPeriod)) + " is of " +
                                   std::to_string(*period->year) + ", but the year column says " +
                                   std::to_string(**year));
  }
  std::optional<int> effective = *year ? *year : period->year ? period->year : defaultYear_;
  if (!effective) return item.error("no year: no year column, no year in the period and no year option");

  const std::string aksi = aksiNumber(item.text(kAksiNumber));
  if (aksi.empty()) return item.error(kAksiNumber, "no aksi number (the cell is empty)");
  auto submitted = tabular::dateField(item, kSubmittedAt);
  if (!submitted) return submitted.status();

  const std::string yearText = std::to_string(*effective);
  std::string note;
  const std::vector<std::string> links = tabular::splitLinks(item.text(kDataDukung), &note);

  JsonWriter payload;
  payload.beginObject();
  payload.key("subject").value(*subject);
  payload.key("year").value(*effective);
  payload.key("period").value(period->label);
  payload.key("kelompok_sasaran");
  tabular::writeText(payload, item.text(kKelompokSasaran));
  payload.key("aksi_number").value(aksi);
  payload.key("aksi");
  tabular::writeText(payload, item.text(kAksi));
  payload.key("kriteria_keberhasilan");
  tabular::writeText(payload, item.text(kKriteria));
  payload.key("ukuran_keberhasilan");
  tabular::writeText(payload, item.text(kUkuran));
  payload.key("capaian");
  tabular::writeCell(payload, item.cell(kCapaian));
  payload.key("data_dukung").beginArray();
  for (const auto& link : links) payload.value(link);
  payload.endArray();
  payload.key("data_dukung_note");
  tabular::writeText(payload, note);
  payload.key("status");
  tabular::writeText(payload, item.text(kStatus));
  payload.key("submitted_at");
  tabular::writeText(payload, submitted->value_or(""));
  payload.endObject();

  out.push_back(Record{kEntryKind, *subject + "|" + yearText + "|" + period->label + "|" + aksi, *subject,
                       yearText + "-" + period->label, url_, payload.take()});
  return Status::ok();
}

}  // namespace hamhub::ranham

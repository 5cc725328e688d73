#include "document_normaliser.h"

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <optional>
#include <vector>

#include "dates.h"
#include "jenis_map.h"
#include "status_map.h"
#include "text_util.h"

namespace hamhub::jdih {

namespace {

// Same bounds as dates.cpp: a "tahun" outside them is a typo, not a year.
constexpr std::int64_t kMinYear = 1000;
constexpr std::int64_t kMaxYear = 2999;
// A normalised JDIHN document is about a kilobyte: room for it up front, not grown in steps.
constexpr std::size_t kTypicalPayloadBytes = 1536;

// The first of `names` that has a non-blank value, as text.
std::string text(const JsonValue& fields, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    std::string value = scalarText(fields.find(name));
    if (!value.empty()) return value;
  }
  return {};
}

std::optional<std::int64_t> yearOf(std::string_view value) {
  std::int64_t year = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), year);
  if (ec != std::errc() || end != value.data() + value.size()) return std::nullopt;
  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  return year;
}

// "Hukum, Pemerintahan; Desa / Keuangan" → 4 subjects; an array of strings is taken as is.
std::vector<std::string> subjectsOf(const JsonValue* value) {
  std::vector<std::string> raw;
  if (value != nullptr && value->isArray()) {
    for (const auto& item : value->asArray()) raw.push_back(scalarText(&item));
  } else {
    raw.push_back(scalarText(value));
  }
  std::vector<std::string> out;
  for (const auto& whole : raw) {
    std::size_t start = 0;
    while (start <= whole.size()) {
      const std::size_t end = std::min(whole.find_first_of(",;/", start), whole.size());
      std::string subject = collapseSpaces(std::string_view(whole).substr(start, end - start));
      if (!isBlankMarker(subject) && std::find(out.begin(), out.end(), subject) == out.end()) {
        out.push_back(std::move(subject));
      }
      start = end + 1;
    }
  }
  return out;
}

void putText(JsonWriter& writer, const char* name, const std::string& value) {
  writer.key(name);
  if (value.empty()) {
    writer.null();
  } else {
    writer.value(value);
  }
}

std::string notADate(const char* field, const std::string& value) {
  return std::string(field) + " '" + value + "' is not a date (YYYY-MM-DD)";
}

// JDIHN fields the normalised document carries (or that are protocol flags with no meaning for
// the hub). Only the others stay under `raw`, so the payload does not hold every value twice.
bool mappedField(std::string_view name) {
  static constexpr std::string_view kMapped[] = {
      "idData", "tahun_pengundangan", "tanggal_pengundangan", "tanggal_penetapan", "jenis", "singkatanJenis",
      "noPeraturan", "judul", "status", "teuBadan", "subjek", "bahasa", "bidangHukum", "tempatTerbit", "penerbit",
      "sumber", "noPanggil", "isbn", "deskripsiFisik", "fileDownload", "urlDownload", "urlDetailPeraturan",
      "abstrak", "urlabstrak", "urlAbstrak", "lastUpdated", "last_updated", "tipe_dokumen", "tipeDokumen",
      "jenis_dokumen", "jenisDokumen", "tipe", "type", "operasi", "display"};
  for (std::string_view m : kMapped) {
    if (m == name) return true;
  }
  return false;
}

// Unknown fields, plus the original text of any date the normalisation rewrote.
JsonValue unmappedFields(const JsonValue& raw, const std::string& promulgatedText, const ParsedDate& promulgated,
                         const std::string& enactedText, const ParsedDate& enacted) {
  JsonValue out(JsonValue::Object{});
  if (raw.isObject()) {
    for (const auto& [name, value] : raw.asObject()) {
      if (!mappedField(name)) out.asObject().emplace_back(name, value);
    }
  }
  if (!promulgatedText.empty() && promulgatedText != promulgated.iso) out.set("tanggal_pengundangan", promulgatedText);
  if (!enactedText.empty() && enactedText != enacted.iso) out.set("tanggal_penetapan", enactedText);
  return out;
}

}  // namespace

NormalisedDocument normaliseDocument(const JsonValue& fields, const JsonValue& raw) {
  NormalisedDocument out;
  out.key = text(fields, {"idData"});
  if (out.key.empty()) {
    out.error = fields.find("idData") != nullptr ? "idData is empty" : "idData is missing";
    return out;
  }

  const std::string promulgatedText = text(fields, {"tanggal_pengundangan"});
  const ParsedDate promulgated = parseDate(promulgatedText);
  if (promulgated.invalid()) {
    out.error = notADate("tanggal_pengundangan", promulgatedText);
    return out;
  }
  const std::string enactedText = text(fields, {"tanggal_penetapan"});
  const ParsedDate enacted = parseDate(enactedText);
  if (enacted.invalid()) {
    out.error = notADate("tanggal_penetapan", enactedText);
    return out;
  }

  std::optional<std::int64_t> year = yearOf(text(fields, {"tahun_pengundangan"}));
  if (!year && promulgated.valid()) year = promulgated.year;
  if (!year && enacted.valid()) year = enacted.year;

  const std::string jenis = text(fields, {"jenis"});
  std::string jenisShort = text(fields, {"singkatanJenis"});
  if (jenisShort.empty()) jenisShort = shortJenis(jenis);
  const std::string statusOriginal = text(fields, {"status"});
  const std::string detailUrl = text(fields, {"urlDetailPeraturan"});
  const std::string fileUrl = text(fields, {"urlDownload"});

  JsonWriter w;
  w.reserve(kTypicalPayloadBytes);
  w.beginObject();
  putText(w, "id_data", out.key);
  putText(w, "document_type",
          documentType(
              text(fields, {"tipe_dokumen", "tipeDokumen", "jenis_dokumen", "jenisDokumen", "tipe", "type"}),
              jenis));
  putText(w, "jenis", jenis);
  putText(w, "jenis_short", jenisShort);
  putText(w, "number", text(fields, {"noPeraturan"}));
  w.key("year");
  if (year) {
    w.value(*year);
  } else {
    w.null();
  }
  putText(w, "title", text(fields, {"judul"}));
  putText(w, "enacted_on", enacted.iso);
  putText(w, "promulgated_on", promulgated.iso);
  putText(w, "status", normaliseStatus(statusOriginal));
  putText(w, "status_original", statusOriginal);
  putText(w, "issuing_body", text(fields, {"teuBadan"}));
  w.key("subjects");
  if (const auto subjects = subjectsOf(fields.find("subjek")); subjects.empty()) {
    w.null();
  } else {
    w.beginArray();
    for (const auto& subject : subjects) w.value(subject);
    w.endArray();
  }
  putText(w, "language", text(fields, {"bahasa"}));
  putText(w, "legal_field", text(fields, {"bidangHukum"}));
  putText(w, "place", text(fields, {"tempatTerbit"}));
  putText(w, "publisher", text(fields, {"penerbit"}));
  putText(w, "source", text(fields, {"sumber"}));
  putText(w, "call_number", text(fields, {"noPanggil"}));
  putText(w, "isbn", text(fields, {"isbn"}));
  putText(w, "physical_description", text(fields, {"deskripsiFisik"}));
  putText(w, "file_name", text(fields, {"fileDownload"}));
  putText(w, "file_url", fileUrl);
  putText(w, "detail_url", detailUrl);
  putText(w, "abstract", text(fields, {"abstrak"}));
  putText(w, "abstract_url", text(fields, {"urlabstrak", "urlAbstrak"}));
  putText(w, "last_updated", text(fields, {"lastUpdated", "last_updated"}));
  w.key("raw").value(unmappedFields(raw, promulgatedText, promulgated, enactedText, enacted));
  w.endObject();

  out.record.kind = kDocumentKind;
  out.record.key = out.key;
  out.record.period = year ? std::to_string(*year) : std::string();
  out.record.url = detailUrl.empty() ? fileUrl : detailUrl;
  out.record.payload = w.take();
  return out;
}

}  // namespace hamhub::jdih

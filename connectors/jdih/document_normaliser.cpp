#include "document_normaliser.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <initializer_list>
#include <optional>
#include <unordered_map>
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

// The JDIHN fields the normalised document reads (and two protocol flags, `operasi` and
// `display`, that mean nothing to the hub). Only the other members of a feed item stay under
// `raw`, so the payload does not hold every value twice.
enum Field {
  kIdData, kTahunPengundangan, kTanggalPengundangan, kTanggalPenetapan, kJenis, kSingkatanJenis, kNoPeraturan,
  kJudul, kStatus, kTeuBadan, kSubjek, kBahasa, kBidangHukum, kTempatTerbit, kPenerbit, kSumber, kNoPanggil, kIsbn,
  kDeskripsiFisik, kFileDownload, kUrlDownload, kUrlDetailPeraturan, kAbstrak, kUrlabstrak, kUrlAbstrak,
  kLastUpdated, kLast_updated, kTipe_dokumen, kTipeDokumen, kJenis_dokumen, kJenisDokumen, kTipe, kType, kOperasi,
  kDisplay, kFieldCount
};

// The Field a member name is, or kFieldCount for any other name.
Field fieldOf(std::string_view name) {
  static const std::unordered_map<std::string_view, Field> kByName = {
      {"idData", kIdData}, {"tahun_pengundangan", kTahunPengundangan},
      {"tanggal_pengundangan", kTanggalPengundangan}, {"tanggal_penetapan", kTanggalPenetapan}, {"jenis", kJenis},
      {"singkatanJenis", kSingkatanJenis}, {"noPeraturan", kNoPeraturan}, {"judul", kJudul}, {"status", kStatus},
      {"teuBadan", kTeuBadan}, {"subjek", kSubjek}, {"bahasa", kBahasa}, {"bidangHukum", kBidangHukum},
      {"tempatTerbit", kTempatTerbit}, {"penerbit", kPenerbit}, {"sumber", kSumber}, {"noPanggil", kNoPanggil},
      {"isbn", kIsbn}, {"deskripsiFisik", kDeskripsiFisik}, {"fileDownload", kFileDownload},
      {"urlDownload", kUrlDownload}, {"urlDetailPeraturan", kUrlDetailPeraturan}, {"abstrak", kAbstrak},
      {"urlabstrak", kUrlabstrak}, {"urlAbstrak", kUrlAbstrak}, {"lastUpdated", kLastUpdated},
      {"last_updated", kLast_updated}, {"tipe_dokumen", kTipe_dokumen}, {"tipeDokumen", kTipeDokumen},
      {"jenis_dokumen", kJenis_dokumen}, {"jenisDokumen", kJenisDokumen}, {"tipe", kTipe}, {"type", kType},
      {"operasi", kOperasi}, {"display", kDisplay}};
  const auto it = kByName.find(name);
  return it == kByName.end() ? kFieldCount : it->second;
}

// Each field's value (its first occurrence), found in one pass over the item instead of one
// search of ~30 members per field read.
class Fields {
 public:
  explicit Fields(const JsonValue& item) {
    if (!item.isObject()) return;
    for (const auto& [name, value] : item.asObject()) {
      const Field f = fieldOf(name);
      if (f != kFieldCount && at_[f] == nullptr) at_[f] = &value;
    }
  }
  const JsonValue* operator[](Field f) const { return at_[f]; }

  // The first of `fields` that has a non-blank value, as text.
  std::string text(std::initializer_list<Field> fields) const {
    for (const Field f : fields) {
      std::string value = scalarText(at_[f]);
      if (!value.empty()) return value;
    }
    return {};
  }

 private:
  std::array<const JsonValue*, kFieldCount> at_{};
};

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

// Unknown fields, plus the original text of any date the normalisation rewrote.
JsonValue unmappedFields(const JsonValue& raw, const std::string& promulgatedText, const ParsedDate& promulgated,
                         const std::string& enactedText, const ParsedDate& enacted) {
  JsonValue out(JsonValue::Object{});
  if (raw.isObject()) {
    for (const auto& [name, value] : raw.asObject()) {
      if (fieldOf(name) == kFieldCount) out.asObject().emplace_back(name, value);
    }
  }
  if (!promulgatedText.empty() && promulgatedText != promulgated.iso) out.set("tanggal_pengundangan", promulgatedText);
  if (!enactedText.empty() && enactedText != enacted.iso) out.set("tanggal_penetapan", enactedText);
  return out;
}

}  // namespace

NormalisedDocument normaliseDocument(const JsonValue& item, const JsonValue& raw) {
  NormalisedDocument out;
  const Fields fields(item);
  out.key = fields.text({kIdData});
  if (out.key.empty()) {
    out.error = fields[kIdData] != nullptr ? "idData is empty" : "idData is missing";
    return out;
  }

  const std::string promulgatedText = fields.text({kTanggalPengundangan});
  const ParsedDate promulgated = parseDate(promulgatedText);
  if (promulgated.invalid()) {
    out.error = notADate("tanggal_pengundangan", promulgatedText);
    return out;
  }
  const std::string enactedText = fields.text({kTanggalPenetapan});
  const ParsedDate enacted = parseDate(enactedText);
  if (enacted.invalid()) {
    out.error = notADate("tanggal_penetapan", enactedText);
    return out;
  }

  std::optional<std::int64_t> year = yearOf(fields.text({kTahunPengundangan}));
  if (!year && promulgated.valid()) year = promulgated.year;
  if (!year && enacted.valid()) year = enacted.year;

  const std::string jenis = fields.text({kJenis});
  std::string jenisShort = fields.text({kSingkatanJenis});
  if (jenisShort.empty()) jenisShort = shortJenis(jenis);
  const std::string statusOriginal = fields.text({kStatus});
  const std::string detailUrl = fields.text({kUrlDetailPeraturan});
  const std::string fileUrl = fields.text({kUrlDownload});

  JsonWriter w;
  w.reserve(kTypicalPayloadBytes);
  w.beginObject();
  putText(w, "id_data", out.key);
  putText(w, "document_type",
          documentType(
              fields.text({kTipe_dokumen, kTipeDokumen, kJenis_dokumen, kJenisDokumen, kTipe, kType}),
              jenis));
  putText(w, "jenis", jenis);
  putText(w, "jenis_short", jenisShort);
  putText(w, "number", fields.text({kNoPeraturan}));
  w.key("year");
  if (year) {
    w.value(*year);
  } else {
    w.null();
  }
  putText(w, "title", fields.text({kJudul}));
  putText(w, "enacted_on", enacted.iso);
  putText(w, "promulgated_on", promulgated.iso);
  putText(w, "status", normaliseStatus(statusOriginal));
  putText(w, "status_original", statusOriginal);
  putText(w, "issuing_body", fields.text({kTeuBadan}));
  w.key("subjects");
  if (const auto subjects = subjectsOf(fields[kSubjek]); subjects.empty()) {
    w.null();
  } else {
    w.beginArray();
    for (const auto& subject : subjects) w.value(subject);
    w.endArray();
  }
  putText(w, "language", fields.text({kBahasa}));
  putText(w, "legal_field", fields.text({kBidangHukum}));
  putText(w, "place", fields.text({kTempatTerbit}));
  putText(w, "publisher", fields.text({kPenerbit}));
  putText(w, "source", fields.text({kSumber}));
  putText(w, "call_number", fields.text({kNoPanggil}));
  putText(w, "isbn", fields.text({kIsbn}));
  putText(w, "physical_description", fields.text({kDeskripsiFisik}));
  putText(w, "file_name", fields.text({kFileDownload}));
  putText(w, "file_url", fileUrl);
  putText(w, "detail_url", detailUrl);
  putText(w, "abstract", fields.text({kAbstrak}));
  putText(w, "abstract_url", fields.text({kUrlabstrak, kUrlAbstrak}));
  putText(w, "last_updated", fields.text({kLastUpdated, kLast_updated}));
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

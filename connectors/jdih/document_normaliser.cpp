#include "document_normaliser.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <initializer_list>
#include <optional>
#include <vector>

#include "dates.h"
#include "html_entities.h"
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

// The Field a member name is, or kFieldCount for any other name. Called for every member of
// every document: an open-addressed table on length and two letters, no string hashing.
Field fieldOf(std::string_view name) {
  static constexpr std::pair<std::string_view, Field> kNames[] = {
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
  constexpr std::size_t kSlots = 128;  // a power of two, well over twice the names
  const auto slotOf = [](std::string_view n) {
    return (n.size() * 31 + static_cast<unsigned char>(n[0]) * 7 + static_cast<unsigned char>(n[n.size() - 1]) * 3 +
            static_cast<unsigned char>(n[n.size() / 2])) &
           (kSlots - 1);
  };
  static const auto kTable = [&] {
    std::array<const std::pair<std::string_view, Field>*, kSlots> table{};
    for (const auto& entry : kNames) {
      std::size_t slot = slotOf(entry.first);
      while (table[slot] != nullptr) slot = (slot + 1) & (kSlots - 1);
      table[slot] = &entry;
    }
    return table;
  }();
  if (name.empty()) return kFieldCount;
  for (std::size_t slot = slotOf(name); kTable[slot] != nullptr; slot = (slot + 1) & (kSlots - 1)) {
    if (kTable[slot]->first == name) return kTable[slot]->second;
  }
  return kFieldCount;
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

  // The first of `fields` that has a non-blank value, as text (see scalarText); a view into the
  // item, or into this object for a number or boolean.
  std::string_view text(std::initializer_list<Field> fields) const {
    for (const Field f : fields) {
      const JsonValue* v = at_[f];
      if (v == nullptr) continue;
      if (v->isString()) {
        std::string_view t = trim(v->asString());
        // A CMS that stores what its forms escaped: "Pajak &amp; Retribusi", "&nbsp;".
        if (decodeHtmlCharacters(t, formatted_[f])) t = trim(formatted_[f]);
        if (!isBlankMarker(t)) return t;
        continue;
      }
      formatted_[f] = scalarText(v);
      if (!formatted_[f].empty()) return formatted_[f];
    }
    return {};
  }

 private:
  std::array<const JsonValue*, kFieldCount> at_{};
  mutable std::array<std::string, kFieldCount> formatted_;
};

// Writes the payload straight into one string: a JSON object of known ASCII keys, compact, the
// same bytes JsonWriter wrote (stored content hashes depend on them).
class PayloadWriter {
 public:
  PayloadWriter() {
    out_.reserve(kTypicalPayloadBytes);
    out_ += '{';
  }
  std::string& member(std::string_view key) {
    if (out_.size() > 1) out_ += ',';
    out_ += '"';
    out_ += key;
    out_ += "\":";
    return out_;
  }
  // Empty text is JSON null.
  void text(std::string_view key, std::string_view value) {
    member(key);
    if (value.empty()) {
      out_ += "null";
    } else {
      appendJsonString(out_, value);
    }
  }
  std::string take() {
    out_ += '}';
    return std::move(out_);
  }

 private:
  std::string out_;
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
  std::string decoded;
  for (auto& whole : raw) {
    if (decodeHtmlCharacters(whole, decoded)) whole.swap(decoded);
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

std::string notADate(const char* field, std::string_view value) {
  return std::string(field) + " '" + std::string(value) + "' is not a date (YYYY-MM-DD)";
}

// `raw`: the unknown fields, plus the original text of any date the normalisation rewrote (in
// the place of a member of that name, else at the end).
void writeUnmapped(std::string& out, const JsonValue& raw, std::string_view promulgatedText,
                   const ParsedDate& promulgated, std::string_view enactedText, const ParsedDate& enacted) {
  std::string_view dates[2][2] = {{"tanggal_pengundangan", {}}, {"tanggal_penetapan", {}}};
  if (!promulgatedText.empty() && promulgatedText != promulgated.iso) dates[0][1] = promulgatedText;
  if (!enactedText.empty() && enactedText != enacted.iso) dates[1][1] = enactedText;
  bool first = true;
  const auto put = [&](std::string_view name) {
    out += first ? "" : ",";
    first = false;
    appendJsonString(out, name);
    out += ':';
  };
  out += '{';
  if (raw.isObject()) {
    for (const auto& [name, value] : raw.asObject()) {
      if (fieldOf(name) != kFieldCount) continue;
      put(name);
      std::string_view* replaced = nullptr;
      for (auto& date : dates) {
        if (!date[1].empty() && name == date[0]) replaced = &date[1];
      }
      if (replaced != nullptr) {
        appendJsonString(out, *replaced);
        *replaced = {};
      } else {
        out += toJson(value);
      }
    }
  }
  for (const auto& date : dates) {
    if (date[1].empty()) continue;
    put(date[0]);
    appendJsonString(out, date[1]);
  }
  out += '}';
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

  const std::string_view promulgatedText = fields.text({kTanggalPengundangan});
  const ParsedDate promulgated = parseDate(promulgatedText);
  if (promulgated.invalid()) {
    out.error = notADate("tanggal_pengundangan", promulgatedText);
    return out;
  }
  const std::string_view enactedText = fields.text({kTanggalPenetapan});
  const ParsedDate enacted = parseDate(enactedText);
  if (enacted.invalid()) {
    out.error = notADate("tanggal_penetapan", enactedText);
    return out;
  }

  std::optional<std::int64_t> year = yearOf(fields.text({kTahunPengundangan}));
  if (!year && promulgated.valid()) year = promulgated.year;
  if (!year && enacted.valid()) year = enacted.year;

  const std::string_view jenis = fields.text({kJenis});
  std::string jenisShort(fields.text({kSingkatanJenis}));
  if (jenisShort.empty()) jenisShort = shortJenis(jenis);
  const std::string_view statusOriginal = fields.text({kStatus});
  const std::string_view detailUrl = fields.text({kUrlDetailPeraturan});
  const std::string_view fileUrl = fields.text({kUrlDownload});

  PayloadWriter w;
  w.text("id_data", out.key);
  w.text("document_type",
         documentType(fields.text({kTipe_dokumen, kTipeDokumen, kJenis_dokumen, kJenisDokumen, kTipe, kType}), jenis));
  w.text("jenis", jenis);
  w.text("jenis_short", jenisShort);
  w.text("number", fields.text({kNoPeraturan}));
  w.member("year") += year ? std::to_string(*year) : "null";
  w.text("title", fields.text({kJudul}));
  w.text("enacted_on", enacted.iso);
  w.text("promulgated_on", promulgated.iso);
  w.text("status", normaliseStatus(statusOriginal));
  w.text("status_original", statusOriginal);
  w.text("issuing_body", fields.text({kTeuBadan}));
  std::string& subjectsOut = w.member("subjects");
  if (const auto subjects = subjectsOf(fields[kSubjek]); subjects.empty()) {
    subjectsOut += "null";
  } else {
    subjectsOut += '[';
    for (std::size_t i = 0; i < subjects.size(); ++i) {
      if (i > 0) subjectsOut += ',';
      appendJsonString(subjectsOut, subjects[i]);
    }
    subjectsOut += ']';
  }
  w.text("language", fields.text({kBahasa}));
  w.text("legal_field", fields.text({kBidangHukum}));
  w.text("place", fields.text({kTempatTerbit}));
  w.text("publisher", fields.text({kPenerbit}));
  w.text("source", fields.text({kSumber}));
  w.text("call_number", fields.text({kNoPanggil}));
  w.text("isbn", fields.text({kIsbn}));
  w.text("physical_description", fields.text({kDeskripsiFisik}));
  w.text("file_name", fields.text({kFileDownload}));
  w.text("file_url", fileUrl);
  w.text("detail_url", detailUrl);
  w.text("abstract", fields.text({kAbstrak}));
  w.text("abstract_url", fields.text({kUrlabstrak, kUrlAbstrak}));
  w.text("last_updated", fields.text({kLastUpdated, kLast_updated}));
  writeUnmapped(w.member("raw"), raw, promulgatedText, promulgated, enactedText, enacted);

  out.record.kind = kDocumentKind;
  out.record.key = out.key;
  out.record.period = year ? std::to_string(*year) : std::string();
  out.record.url = detailUrl.empty() ? fileUrl : detailUrl;
  out.record.payload = w.take();
  return out;
}

}  // namespace hamhub::jdih

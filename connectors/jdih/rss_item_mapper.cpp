#include "rss_item_mapper.h"

#include "dates.h"
#include "jenis_map.h"
#include "text_util.h"

namespace hamhub::jdih {

namespace {

// Descriptions are often HTML; an abstract is plain text.
std::string stripTags(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  bool inTag = false;
  for (char c : html) {
    if (c == '<') {
      inTag = true;
      out.push_back(' ');
    } else if (c == '>' && inTag) {
      inTag = false;
    } else if (!inTag) {
      out.push_back(c);
    }
  }
  return collapseSpaces(out);
}

// "… Nomor 3 Tahun 2024 …" → {"3", "2024"}; empty strings when the title has no such phrase.
std::pair<std::string, std::string> numberAndYear(std::string_view title) {
  const std::string lower = toLowerAscii(collapseSpaces(title));
  const std::size_t nomor = lower.find("nomor ");
  if (nomor == std::string::npos) return {};
  const std::size_t numberStart = nomor + 6;
  const std::size_t numberEnd = lower.find(' ', numberStart);
  if (numberEnd == std::string::npos) return {};
  const std::string_view rest = std::string_view(lower).substr(numberEnd);
  if (rest.substr(0, 7) != " tahun ") return {};
  const std::string_view year = rest.substr(7, 4);
  if (year.size() != 4 || year.find_first_not_of("0123456789") != std::string_view::npos) return {};
  if (rest.size() > 11 && rest[11] != ' ' && rest[11] != ',') return {};
  // The number as the title writes it (case kept), e.g. "3" or "188.4/12/KPTS".
  const std::string original = collapseSpaces(title);
  return {original.substr(numberStart, numberEnd - numberStart), std::string(year)};
}

void put(JsonValue& fields, const char* name, std::string value) {
  if (!value.empty()) fields.set(name, JsonValue(std::move(value)));
}

}  // namespace

MappedItem mapFeedItem(const FeedItem& item) {
  MappedItem out;
  out.key = std::string(trim(item.guid));
  if (out.key.empty()) out.key = std::string(trim(item.id));
  if (out.key.empty()) out.key = std::string(trim(item.link));
  if (out.key.empty()) return out;

  JsonValue& f = out.fields;
  f.set("idData", JsonValue(out.key));
  const std::string title = collapseSpaces(item.title);
  put(f, "judul", title);
  put(f, "urlDetailPeraturan", std::string(trim(item.link)));
  put(f, "urlDownload", item.enclosureUrl);
  put(f, "abstrak", stripTags(item.description.empty() ? item.content : item.description));
  const ParsedDate date = parseDate(item.pubDate.empty() ? item.updated : item.pubDate);
  if (date.valid()) put(f, "lastUpdated", date.iso);
  std::string subjects;
  for (const auto& category : item.categories) subjects += (subjects.empty() ? "" : ", ") + category;
  put(f, "subjek", subjects);
  put(f, "jenis", leadingJenis(title));
  auto [number, year] = numberAndYear(title);
  put(f, "noPeraturan", std::move(number));
  put(f, "tahun_pengundangan", std::move(year));
  return out;
}

}  // namespace hamhub::jdih

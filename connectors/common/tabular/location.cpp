#include "location.h"

#include "text.h"

namespace hamhub::tabular {

namespace {

// Cell values in messages are cut here: an error line names the value, it does not reprint it.
constexpr std::size_t kMaxQuoted = 60;

}  // namespace

std::string quote(std::string_view text) {
  std::string out = "\"";
  if (text.size() <= kMaxQuoted) {
    out.append(text);
  } else {
    std::size_t cut = kMaxQuoted;
    // Never cut a UTF-8 sequence in half.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    out.append(text.substr(0, cut));
    out.append("…");
  }
  out.push_back('"');
  return out;
}

std::string TableLocation::where() const {
  return sheet.empty() ? file : file + ", sheet " + quote(sheet);
}

std::string TableLocation::where(std::size_t row) const { return where() + ", row " + std::to_string(row); }

std::string TableLocation::where(std::size_t row, std::size_t column, std::string_view header) const {
  std::string out = where(row) + ", column ";
  if (lettered) {
    out += columnLetters(column);
    if (!header.empty()) out += " (" + quote(header) + ")";
  } else {
    out += quote(header);
  }
  return out;
}

}  // namespace hamhub::tabular

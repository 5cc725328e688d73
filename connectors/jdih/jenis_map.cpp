#include "jenis_map.h"

#include <array>

#include "text_util.h"

namespace hamhub::jdih {

namespace {

struct Jenis {
  const char* phrase;  // lower-case, single spaces, "walikota" written as one word
  const char* display;
  const char* shortName;
};

// Regional products first (what JDIH member sites mostly publish), then national ones. The
// longest matching phrase wins, so order does not matter for correctness.
constexpr std::array kJenis = {
    Jenis{"peraturan daerah", "Peraturan Daerah", "Perda"},
    Jenis{"peraturan gubernur", "Peraturan Gubernur", "Pergub"},
    Jenis{"peraturan bupati", "Peraturan Bupati", "Perbup"},
    Jenis{"peraturan walikota", "Peraturan Wali Kota", "Perwal"},
    Jenis{"keputusan gubernur", "Keputusan Gubernur", "Kepgub"},
    Jenis{"keputusan bupati", "Keputusan Bupati", "Kepbup"},
    Jenis{"keputusan walikota", "Keputusan Wali Kota", "Kepwal"},
    Jenis{"instruksi gubernur", "Instruksi Gubernur", "Ingub"},
    Jenis{"instruksi bupati", "Instruksi Bupati", "Inbup"},
    Jenis{"instruksi walikota", "Instruksi Wali Kota", "Inwal"},
    Jenis{"surat edaran", "Surat Edaran", "SE"},
    Jenis{"peraturan desa", "Peraturan Desa", "Perdes"},
    Jenis{"peraturan kepala desa", "Peraturan Kepala Desa", "Perkades"},
    Jenis{"undang-undang dasar", "Undang-Undang Dasar", "UUD"},
    Jenis{"undang-undang", "Undang-Undang", "UU"},
    Jenis{"undang undang", "Undang-Undang", "UU"},
    Jenis{"peraturan pemerintah pengganti undang-undang", "Peraturan Pemerintah Pengganti Undang-Undang",
          "Perppu"},
    Jenis{"peraturan pemerintah", "Peraturan Pemerintah", "PP"},
    Jenis{"peraturan presiden", "Peraturan Presiden", "Perpres"},
    Jenis{"keputusan presiden", "Keputusan Presiden", "Keppres"},
    Jenis{"instruksi presiden", "Instruksi Presiden", "Inpres"},
    Jenis{"peraturan menteri", "Peraturan Menteri", "Permen"},
    Jenis{"keputusan menteri", "Keputusan Menteri", "Kepmen"},
};

// Abbreviations written as the jenis itself, with their usual capitalisation.
constexpr std::array<const char*, 22> kShortForms = {
    "Perda",  "Pergub",  "Perbup",  "Perwal",  "Perwali", "Perwako", "Kepgub", "Kepbup",
    "Kepwal", "Kepwali", "Ingub",   "Inbup",   "Inwal",   "SE",      "Perdes", "UU",
    "PP",     "Perppu",  "Perpres", "Keppres", "Inpres",  "Permen"};

// Lower-case, single spaces, "wali kota" → "walikota", so spellings compare equal.
std::string canonical(std::string_view text) {
  std::string out = toLowerAscii(collapseSpaces(text));
  for (std::size_t at = out.find("wali kota"); at != std::string::npos; at = out.find("wali kota", at)) {
    out.erase(at + 4, 1);
  }
  return out;
}

// The entry whose phrase is the longest prefix of `canonicalText` ending at a word boundary.
const Jenis* longestPrefix(std::string_view canonicalText) {
  const Jenis* best = nullptr;
  std::size_t bestLength = 0;
  for (const auto& entry : kJenis) {
    const std::string_view phrase = entry.phrase;
    if (canonicalText.substr(0, phrase.size()) != phrase) continue;
    if (canonicalText.size() > phrase.size() && canonicalText[phrase.size()] != ' ') continue;
    if (phrase.size() > bestLength) {
      best = &entry;
      bestLength = phrase.size();
    }
  }
  return best;
}

bool containsWord(std::string_view haystack, std::string_view word) {
  return haystack.find(word) != std::string_view::npos;
}

}  // namespace

std::string shortJenis(std::string_view jenis) {
  const std::string key = canonical(jenis);
  if (key.empty()) return {};
  for (const char* shortForm : kShortForms) {
    if (key == toLowerAscii(shortForm)) return shortForm;
  }
  const Jenis* entry = longestPrefix(key);
  return entry != nullptr ? entry->shortName : std::string();
}

std::string leadingJenis(std::string_view text) {
  const Jenis* entry = longestPrefix(canonical(text));
  return entry != nullptr ? entry->display : std::string();
}

std::string documentType(std::string_view typeField, std::string_view jenis) {
  for (const std::string& text : {canonical(typeField), canonical(jenis)}) {
    if (text.empty()) continue;
    if (containsWord(text, "putusan")) return "putusan";
    if (containsWord(text, "monografi") || containsWord(text, "buku")) return "monografi";
    if (containsWord(text, "artikel")) return "artikel";
    if (containsWord(text, "peraturan") || containsWord(text, "keputusan") ||
        containsWord(text, "instruksi") || containsWord(text, "surat edaran") ||
        containsWord(text, "undang")) {
      return "peraturan";
    }
  }
  return shortJenis(jenis).empty() ? std::string() : "peraturan";
}

}  // namespace hamhub::jdih

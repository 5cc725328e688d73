#include "html_entities.h"

#include <array>
#include <charconv>
#include <map>
#include <optional>
#include <string>

#include <hamhub/utf8.h>

namespace hamhub::jdih {

namespace {

// HTML 4's Latin-1 names, for U+00A0 to U+00FF in order.
constexpr std::array<const char*, 96> kLatin1Names = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",
    "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",
    "acute",  "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12",
    "frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil",
    "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde",
    "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",
    "Uuml",   "Yacute", "THORN",  "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",
    "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",
    "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave",
    "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

struct Named {
  const char* name;
  unsigned codePoint;
};

// The rest of HTML 4's names that turn up in Indonesian CMS text: punctuation, dashes and quotes.
constexpr Named kOtherNames[] = {
    {"OElig", 0x152},   {"oelig", 0x153},   {"Scaron", 0x160},  {"scaron", 0x161}, {"Yuml", 0x178},
    {"fnof", 0x192},    {"circ", 0x2C6},    {"tilde", 0x2DC},   {"ensp", 0x2002},  {"emsp", 0x2003},
    {"thinsp", 0x2009}, {"zwnj", 0x200C},   {"zwj", 0x200D},    {"lrm", 0x200E},   {"rlm", 0x200F},
    {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018},  {"rsquo", 0x2019}, {"sbquo", 0x201A},
    {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"bdquo", 0x201E},  {"dagger", 0x2020}, {"Dagger", 0x2021},
    {"bull", 0x2022},   {"hellip", 0x2026}, {"permil", 0x2030}, {"prime", 0x2032}, {"Prime", 0x2033},
    {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"euro", 0x20AC},   {"trade", 0x2122}, {"larr", 0x2190},
    {"rarr", 0x2192},   {"minus", 0x2212}};

// XML's five, which HTML has too; libxml2 knows them already, text from a JSON feed does not.
constexpr Named kXmlNames[] = {{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};

using CharacterTable = std::map<std::string, unsigned, std::less<>>;

const CharacterTable& characters() {
  static const CharacterTable table = [] {
    CharacterTable t;
    for (unsigned i = 0; i < kLatin1Names.size(); ++i) t.emplace(kLatin1Names[i], 0xA0 + i);
    for (const Named& named : kOtherNames) t.emplace(named.name, named.codePoint);
    for (const Named& named : kXmlNames) t.emplace(named.name, named.codePoint);
    return t;
  }();
  return table;
}

std::optional<unsigned> characterOf(std::string_view name) {
  if (name.size() >= 2 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    unsigned cp = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
    const bool usable = error == std::errc() && end == digits.data() + digits.size() && !digits.empty() && cp != 0 &&
                        cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
    return usable ? std::optional<unsigned>(cp) : std::nullopt;
  }
  const auto found = characters().find(name);
  return found == characters().end() ? std::nullopt : std::optional<unsigned>(found->second);
}

}  // namespace

xmlEntityPtr htmlCharacterEntity(std::string_view name) {
  // Built once, on first use, and never freed (not even at exit, when a parse on another thread
  // may still hold one): the table is reached through this pointer for the life of the process.
  static const auto* const entities = [] {
    auto* table = new std::map<std::string, xmlEntityPtr, std::less<>>;
    for (const auto& [entity, cp] : characters()) {
      std::string text;
      appendUtf8(text, cp);
      table->emplace(entity, xmlNewEntity(nullptr, reinterpret_cast<const xmlChar*>(entity.c_str()),
                                         XML_INTERNAL_PREDEFINED_ENTITY, nullptr, nullptr,
                                         reinterpret_cast<const xmlChar*>(text.c_str())));
    }
    return table;
  }();
  const auto found = entities->find(name);
  return found == entities->end() ? nullptr : found->second;
}

bool decodeHtmlCharacters(std::string_view text, std::string& out) {
  std::size_t amp = text.find('&');
  if (amp == std::string_view::npos) return false;
  bool decoded = false;
  std::size_t copied = 0;
  for (; amp != std::string_view::npos; amp = text.find('&', amp + 1)) {
    // The longest name HTML has is short; a ';' further on ends something else.
    const std::size_t semicolon = text.find(';', amp + 1);
    if (semicolon == std::string_view::npos || semicolon - amp > 10) continue;
    const auto cp = characterOf(text.substr(amp + 1, semicolon - amp - 1));
    if (!cp) continue;
    if (!decoded) out.clear();
    out.append(text.substr(copied, amp - copied));
    appendUtf8(out, *cp);
    copied = semicolon + 1;
    amp = semicolon;
    decoded = true;
  }
  if (decoded) out.append(text.substr(copied));
  return decoded;
}

}  // namespace hamhub::jdih

#include "html_entities.h"

#include <array>
#include <map>
#include <string>

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

std::string utf8(unsigned cp) {
  std::string out;
  if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  }
  out += static_cast<char>(0x80 | (cp & 0x3F));
  return out;
}

xmlEntityPtr makeEntity(const char* name, unsigned codePoint) {
  const std::string text = utf8(codePoint);
  return xmlNewEntity(nullptr, reinterpret_cast<const xmlChar*>(name), XML_INTERNAL_PREDEFINED_ENTITY, nullptr,
                      nullptr, reinterpret_cast<const xmlChar*>(text.c_str()));
}

using EntityTable = std::map<std::string, xmlEntityPtr, std::less<>>;

EntityTable buildTable() {
  EntityTable table;
  for (unsigned i = 0; i < kLatin1Names.size(); ++i) table.emplace(kLatin1Names[i], makeEntity(kLatin1Names[i], 0xA0 + i));
  for (const Named& named : kOtherNames) table.emplace(named.name, makeEntity(named.name, named.codePoint));
  return table;
}

}  // namespace

xmlEntityPtr htmlCharacterEntity(std::string_view name) {
  // Built once, on first use, and never freed: libxml2 may hold a pointer while any parse runs.
  static const EntityTable table = buildTable();
  const auto found = table.find(name);
  return found == table.end() ? nullptr : found->second;
}

}  // namespace hamhub::jdih

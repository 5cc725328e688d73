#pragma once

/// @file utf8.h
/// @brief Text that claims to be UTF-8 and is not: what old regional sites and Excel exports send.
///
/// Everything the hub stores and shows is UTF-8 (JSON must be; PostgreSQL refuses anything else).
/// A site running on a Latin-1 database sends "caf\xE9"; these turn such bytes into text instead
/// of storing bytes that every reader downstream would choke on.

#include <string>
#include <string_view>

namespace hamhub {

/// @brief Appends code point `cp` (up to U+10FFFF, not a surrogate) to `out` as UTF-8.
void appendUtf8(std::string& out, char32_t cp);

/// @brief True when `text` is well-formed UTF-8: no stray continuation bytes, truncated or
///        overlong sequences, surrogates or code points past U+10FFFF.
bool isValidUtf8(std::string_view text);

/// @brief Appends `text` to `out` as UTF-8, reading every byte as Windows-1252 (a superset of
///        Latin-1, and what Excel on an Indonesian Windows writes).
void appendWindows1252AsUtf8(std::string& out, std::string_view text);

/// @brief Appends `text` to `out` with its well-formed UTF-8 sequences as they are and each byte
///        that belongs to none read as Windows-1252, so "café" survives next to "caf\xE9".
void appendRepairedUtf8(std::string& out, std::string_view text);

}  // namespace hamhub

#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hamhub::tabular {

/// Without leading and trailing ASCII whitespace (and no-break spaces, which exports love).
std::string_view trim(std::string_view text);

/// Lower-case ASCII letters, whitespace runs collapsed to one space, trimmed: how headers and
/// option values are compared ("  Kode  Indikator" matches "kode indikator").
std::string foldHeader(std::string_view text);

/// The spreadsheet name of a 0-based column: 0 → A, 25 → Z, 26 → AA.
std::string columnLetters(std::size_t column);

/// The 0-based column of a cell reference such as "C7" or "AA12"; npos when it has no letters.
std::size_t columnFromReference(std::string_view reference);

/// Splits a cell that lists several links or files ("https://a https://b", one per line, or
/// separated by `;`, `,` or `|`): the tokens that are http(s) URLs, in order, duplicates removed.
/// Other words are returned in `rest` (joined by one space).
std::vector<std::string> splitLinks(std::string_view text, std::string* rest = nullptr);

}  // namespace hamhub::tabular

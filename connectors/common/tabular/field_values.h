#pragma once

#include <optional>
#include <string>

#include <hamhub/json.h>
#include <hamhub/status.h>

#include "column_map.h"

namespace hamhub::tabular {

/// A date field as ISO 8601 (`2024-03-15`, or with `T10:30:00`): a date cell, or text a person
/// writes as a date. Empty: nullopt. A number or other text: a row error such as
/// `…, column D ("Tanggal"): expected a date, got 45.2`.
Result<std::optional<std::string>> dateField(const Item& item, std::size_t field);

/// A year field (2000–2100) from a number or text; empty: nullopt; otherwise a row error.
Result<std::optional<int>> yearField(const Item& item, std::size_t field);

/// Writes a cell as the JSON value it holds: numbers as numbers, booleans as booleans, empty
/// cells as null, everything else (text, dates, Excel error values) as strings.
void writeCell(JsonWriter& writer, const Cell& cell);

/// Writes trimmed text, or null when it is empty.
void writeText(JsonWriter& writer, std::string_view text);

}  // namespace hamhub::tabular

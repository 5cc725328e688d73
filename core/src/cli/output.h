#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "hamhub/json.h"

namespace hamhub::cli {

enum class Format { Table, Json, Csv };

/// Rows of typed cells, rendered as an aligned table for people, JSON (an array of objects with
/// the column names as keys) or CSV (RFC 4180) for scripts.
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<JsonValue>> rows;

  void render(std::ostream& out, Format format) const;
};

/// Parses `table`, `json` or `csv`.
bool parseFormat(std::string_view text, Format& format);

/// A cell as text: strings as they are, null as "-", lists joined by ", ".
std::string cellText(const JsonValue& cell);

}  // namespace hamhub::cli

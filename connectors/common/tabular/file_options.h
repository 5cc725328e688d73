#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <hamhub/options.h>
#include <hamhub/status.h>

#include "csv_reader.h"

namespace hamhub::tabular {

/// The options every file connector (kkpham, ranham…) declares, identically: where the files are
/// and how their columns map. A connector joins them with its own in its manifest:
/// `inline constexpr auto kOptions = joinOptions(tabular::kFileOptions, kOwnOptions);`
inline constexpr std::array<OptionSpec, 14> kFileOptions = {{
    {"path", OptionType::String, false, false, nullptr,
     "a file, or a drop folder whose new or changed files are each harvested once; give path or url"},
    {"url", OptionType::String, false, false, nullptr,
     "an export to download over HTTP(S) (conditional requests when the server sends ETag)"},
    {"format", OptionType::String, false, false, nullptr,
     "xlsx, csv or json; default: from each file's extension (.xlsx, .csv/.tsv/.txt, .json)"},
    {"sheet", OptionType::String, false, false, nullptr,
     "XLSX: the sheet's name, or its 1-based position (\"2\"); default: the first sheet"},
    {"header_row", OptionType::Integer, false, false, "1", "1-based row holding the column headers (CSV, XLSX)"},
    {"layout", OptionType::String, false, false, "\"long\"",
     "long: one row per subject and item; wide: one row per subject, one column per item"},
    {"columns", OptionType::Object, false, false, "{}",
     "which header holds each field, e.g. {\"subject\": \"Kabupaten/Kota\", \"value\": \"Nilai\"}; "
     "case and spacing are ignored; unlisted fields use the connector's usual headers"},
    {"item_columns", OptionType::StringList, false, false, nullptr,
     "wide layout: the headers of the item columns; default: every column no field maps"},
    {"item_prefix", OptionType::String, false, false, nullptr,
     "wide layout: item columns are those whose header starts with this text"},
    {"encoding", OptionType::String, false, false, "\"auto\"",
     "CSV: auto, utf-8, utf-8-bom or windows-1252 (auto: UTF-8, else Windows-1252)"},
    {"delimiter", OptionType::String, false, false, "\"auto\"", "CSV: auto, \",\", \";\", \"tab\" or \"|\""},
    {"on_bad_row", OptionType::String, false, false, "\"reject\"",
     "reject: a file with a bad row stores nothing and fails the run; skip: store the good rows, report each bad one"},
    {"max_errors", OptionType::Integer, false, false, "50", "row errors listed per file before the rest are counted"},
    {"max_rows", OptionType::Integer, false, false, "5000000", "sanity cap on the rows of one file"},
}};

/// Two option tables as one, for a manifest (both are constexpr, so the result has static
/// storage and its `data()` can go into the manifest).
template <std::size_t A, std::size_t B>
constexpr std::array<OptionSpec, A + B> joinOptions(const std::array<OptionSpec, A>& a, const std::array<OptionSpec, B>& b) {
  std::array<OptionSpec, A + B> out{};
  for (std::size_t i = 0; i < A; ++i) out[i] = a[i];
  for (std::size_t i = 0; i < B; ++i) out[A + i] = b[i];
  return out;
}

enum class Format { FromExtension, Xlsx, Csv, Json };
enum class Layout { Long, Wide };
enum class BadRowPolicy { Reject, Skip };

/// The file options after `configure`: checked for meaning.
struct FileSettings {
  std::string path;
  std::string url;
  Format format = Format::FromExtension;
  std::string sheet;
  std::size_t headerRow = 1;
  Layout layout = Layout::Long;
  std::map<std::string, std::string> columns;  ///< field → header, as configured
  std::vector<std::string> itemColumns;
  std::string itemPrefix;
  CsvSettings csv;
  BadRowPolicy onBadRow = BadRowPolicy::Reject;
  std::size_t maxErrors = 50;
  std::size_t maxRows = 5000000;
};

/// Reads the shared options; `knownFields` are the field names `columns` may use (a typo in a
/// field name is an error that lists them). Errors have reason `invalid-option`.
Result<FileSettings> readFileSettings(const Options& options, const std::vector<std::string>& knownFields);

/// The option's value, or its default from `table`, or null: what `readFileSettings` and the
/// connectors' own option readers use, so defaults are declared once.
JsonValue optionValue(const Options& options, const OptionSpec* table, std::size_t count, std::string_view name);

/// Lower-case name of a format (`xlsx`, `csv`, `json`).
const char* formatName(Format format);

}  // namespace hamhub::tabular

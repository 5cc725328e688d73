#include "file_options.h"

#include <algorithm>

#include "text.h"

namespace hamhub::tabular {

namespace {

Status invalid(std::string message) { return Status::error(std::move(message), "invalid-option"); }

JsonValue fileOption(const Options& options, std::string_view name) {
  return optionValue(options, kFileOptions.data(), kFileOptions.size(), name);
}

std::string stringOf(const Options& options, std::string_view name) {
  const JsonValue value = fileOption(options, name);
  return value.isString() ? std::string(trim(value.asString())) : std::string();
}

bool isHttpUrl(std::string_view url) {
  const std::string lower = foldHeader(url.substr(0, 8));
  return lower.starts_with("http://") || lower.starts_with("https://");
}

}  // namespace

JsonValue optionValue(const Options& options, const OptionSpec* table, std::size_t count, std::string_view name) {
  if (const JsonValue* value = options.get(name)) return *value;
  for (std::size_t i = 0; i < count; ++i) {
    if (name == table[i].name && table[i].defaultJson != nullptr) {
      if (auto parsed = parseJson(table[i].defaultJson)) return parsed.value();
    }
  }
  return {};
}

const char* formatName(Format format) {
  switch (format) {
    case Format::Xlsx: return "xlsx";
    case Format::Csv: return "csv";
    case Format::Json: return "json";
    case Format::FromExtension: break;
  }
  return "from the extension";
}

Result<FileSettings> readFileSettings(const Options& options, const std::vector<std::string>& knownFields) {
  FileSettings s;
  s.path = stringOf(options, "path");
  s.url = stringOf(options, "url");
  if (s.path.empty() == s.url.empty()) return invalid("give exactly one of path (a file or folder) and url");
  if (!s.url.empty() && !isHttpUrl(s.url)) return invalid("url must start with http:// or https://");

  const std::string format = foldHeader(stringOf(options, "format"));
  if (format == "xlsx") s.format = Format::Xlsx;
  else if (format == "csv" || format == "tsv") s.format = Format::Csv;
  else if (format == "json") s.format = Format::Json;
  else if (!format.empty()) return invalid("format must be xlsx, csv or json, not " + quote(format));
  if (!s.url.empty() && s.format == Format::FromExtension) {
    // The URL's path may still tell: .../export.xlsx?token=… .
    std::string path = foldHeader(s.url.substr(0, s.url.find_first_of("?#")));
    if (path.ends_with(".xlsx")) s.format = Format::Xlsx;
    else if (path.ends_with(".csv") || path.ends_with(".tsv") || path.ends_with(".txt")) s.format = Format::Csv;
    else if (path.ends_with(".json")) s.format = Format::Json;
    else return invalid("set format: the url does not end in .xlsx, .csv or .json");
  }

  s.sheet = stringOf(options, "sheet");
  const JsonValue headerRow = fileOption(options, "header_row");
  if (!headerRow.isInteger() || headerRow.asInt() < 1 || headerRow.asInt() > 1000) {
    return invalid("header_row must be a row number from 1 to 1000");
  }
  s.headerRow = static_cast<std::size_t>(headerRow.asInt());

  const std::string layout = foldHeader(stringOf(options, "layout"));
  if (layout == "wide") s.layout = Layout::Wide;
  else if (layout != "long" && !layout.empty()) return invalid("layout must be long or wide, not " + quote(layout));

  const JsonValue columns = fileOption(options, "columns");
  if (columns.isObject()) {
    for (const auto& [field, header] : columns.asObject()) {
      if (std::find(knownFields.begin(), knownFields.end(), field) == knownFields.end()) {
        std::string known;
        for (const auto& f : knownFields) known += (known.empty() ? "" : ", ") + f;
        return invalid("columns: unknown field " + quote(field) + " (fields: " + known + ")");
      }
      if (!header.isString() || trim(header.asString()).empty()) {
        return invalid("columns." + field + " must be a header text");
      }
      s.columns[field] = std::string(trim(header.asString()));
    }
  }
  s.itemColumns = options.getStringList("item_columns");
  s.itemPrefix = stringOf(options, "item_prefix");
  if (s.layout == Layout::Long && (!s.itemColumns.empty() || !s.itemPrefix.empty())) {
    return invalid("item_columns and item_prefix need layout wide");
  }
  if (!s.itemColumns.empty() && !s.itemPrefix.empty()) return invalid("give item_columns or item_prefix, not both");

  const std::string encoding = foldHeader(stringOf(options, "encoding"));
  if (encoding == "auto" || encoding.empty()) s.csv.encoding = CsvEncoding::Auto;
  else if (encoding == "utf-8" || encoding == "utf8") s.csv.encoding = CsvEncoding::Utf8;
  else if (encoding == "utf-8-bom" || encoding == "utf-8 bom" || encoding == "utf8-bom") s.csv.encoding = CsvEncoding::Utf8Bom;
  else if (encoding == "windows-1252" || encoding == "cp1252" || encoding == "latin-1" || encoding == "iso-8859-1")
    s.csv.encoding = CsvEncoding::Windows1252;
  else return invalid("encoding must be auto, utf-8, utf-8-bom or windows-1252, not " + quote(encoding));

  const JsonValue delimiter = fileOption(options, "delimiter");
  const std::string d = delimiter.isString() ? delimiter.asString() : std::string();
  if (d == "auto" || d.empty()) s.csv.delimiter = 0;
  else if (d == "tab" || d == "\t") s.csv.delimiter = '\t';
  else if (d == "," || d == ";" || d == "|") s.csv.delimiter = d[0];
  else return invalid("delimiter must be auto, \",\", \";\", \"tab\" or \"|\", not " + quote(d));

  const std::string policy = foldHeader(stringOf(options, "on_bad_row"));
  if (policy == "skip") s.onBadRow = BadRowPolicy::Skip;
  else if (policy != "reject" && !policy.empty()) return invalid("on_bad_row must be reject or skip, not " + quote(policy));

  const JsonValue maxErrors = fileOption(options, "max_errors");
  if (!maxErrors.isInteger() || maxErrors.asInt() < 1 || maxErrors.asInt() > 100000) {
    return invalid("max_errors must be between 1 and 100000");
  }
  s.maxErrors = static_cast<std::size_t>(maxErrors.asInt());
  const JsonValue maxRows = fileOption(options, "max_rows");
  if (!maxRows.isInteger() || maxRows.asInt() < 1) return invalid("max_rows must be at least 1");
  s.maxRows = static_cast<std::size_t>(maxRows.asInt());
  return s;
}

}  // namespace hamhub::tabular

#include "cli/output.h"

#include <algorithm>

#include "host/util/csv_field.h"
#include "host/util/utf8.h"

namespace hamhub::cli {

std::string cellText(const JsonValue& cell) {
  switch (cell.type()) {
    case JsonValue::Type::Null: return "-";
    case JsonValue::Type::String: return cell.asString();
    case JsonValue::Type::Bool: return cell.asBool() ? "yes" : "no";
    case JsonValue::Type::Array: {
      std::string out;
      for (const auto& item : cell.asArray()) out += (out.empty() ? "" : ", ") + cellText(item);
      return out;
    }
    default: return toJson(cell);
  }
}

bool parseFormat(std::string_view text, Format& format) {
  if (text == "table") {
    format = Format::Table;
  } else if (text == "json") {
    format = Format::Json;
  } else if (text == "csv") {
    format = Format::Csv;
  } else {
    return false;
  }
  return true;
}

void Table::render(std::ostream& out, Format format) const {
  if (format == Format::Json) {
    JsonValue array(JsonValue::Array{});
    for (const auto& row : rows) {
      JsonValue object(JsonValue::Object{});
      for (std::size_t i = 0; i < columns.size() && i < row.size(); ++i) object.set(columns[i], row[i]);
      array.push(std::move(object));
    }
    out << toJson(array, 2) << "\n";
    return;
  }
  if (format == Format::Csv) {
    for (std::size_t i = 0; i < columns.size(); ++i) out << (i ? "," : "") << host::csvField(columns[i]);
    out << "\r\n";
    for (const auto& row : rows) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        out << (i ? "," : "") << host::csvField(row[i].isNull() ? std::string() : cellText(row[i]));
      }
      out << "\r\n";
    }
    return;
  }
  std::vector<std::size_t> widths;
  for (const auto& c : columns) widths.push_back(host::codePointCount(c));
  std::vector<std::vector<std::string>> text;
  for (const auto& row : rows) {
    auto& line = text.emplace_back();
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      line.push_back(cellText(row[i]));
      widths[i] = std::max(widths[i], host::codePointCount(line.back()));
    }
  }
  const auto printLine = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      line += cells[i];
      if (i + 1 < cells.size()) line.append(widths[i] - host::codePointCount(cells[i]) + 2, ' ');
    }
    out << line << "\n";
  };
  std::vector<std::string> header;
  for (const auto& c : columns) {
    std::string upper = c;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char ch) { return std::toupper(ch); });
    header.push_back(upper);
  }
  printLine(header);
  for (const auto& line : text) printLine(line);
}

}  // namespace hamhub::cli

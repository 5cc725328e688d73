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

TableWriter::TableWriter(std::ostream& out, Format format, std::vector<std::string> columns, std::size_t widthSample)
    : out_(out), format_(format), columns_(std::move(columns)), widthSample_(widthSample) {
  if (format_ == Format::Csv) {
    for (std::size_t i = 0; i < columns_.size(); ++i) out_ << (i ? "," : "") << host::csvField(columns_[i]);
    out_ << "\r\n";
  } else if (format_ == Format::Table) {
    for (const auto& c : columns_) widths_.push_back(host::codePointCount(c));
  }
}

void TableWriter::add(std::vector<JsonValue> row) {
  ++rows_;
  if (format_ == Format::Json) {
    JsonValue object(JsonValue::Object{});
    for (std::size_t i = 0; i < columns_.size() && i < row.size(); ++i) object.set(columns_[i], std::move(row[i]));
    // Each object indented as a member of the array around it; JSON text holds no raw newline
    // but these, so indenting after each is exact.
    std::string text = toJson(object, 2);
    std::string indented = "  ";
    for (char c : text) {
      indented += c;
      if (c == '\n') indented += "  ";
    }
    out_ << (rows_ == 1 ? "[\n" : ",\n") << indented;
    return;
  }
  if (format_ == Format::Csv) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      out_ << (i ? "," : "") << host::csvField(row[i].isNull() ? std::string() : cellText(row[i]));
    }
    out_ << "\r\n";
    return;
  }
  std::vector<std::string> line;
  for (std::size_t i = 0; i < row.size() && i < widths_.size(); ++i) {
    line.push_back(cellText(row[i]));
    if (!widthsFixed_) widths_[i] = std::max(widths_[i], host::codePointCount(line.back()));
  }
  if (widthsFixed_) {
    writeTableLine(line);
    return;
  }
  sample_.push_back(std::move(line));
  if (sample_.size() >= widthSample_) flushSample();
}

void TableWriter::flushSample() {
  std::vector<std::string> header;
  for (const auto& c : columns_) {
    std::string upper = c;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char ch) { return std::toupper(ch); });
    header.push_back(upper);
  }
  writeTableLine(header);
  for (const auto& line : sample_) writeTableLine(line);
  sample_.clear();
  sample_.shrink_to_fit();
  widthsFixed_ = true;
}

void TableWriter::writeTableLine(const std::vector<std::string>& cells) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    line += cells[i];
    // A cell wider than its column (after the sample) pushes the rest of its line right, whole.
    if (i + 1 < cells.size()) line.append(widths_[i] - std::min(widths_[i], host::codePointCount(cells[i])) + 2, ' ');
  }
  out_ << line << "\n";
}

void TableWriter::finish() {
  if (format_ == Format::Json) {
    out_ << (rows_ == 0 ? "[]\n" : "\n]\n");
  } else if (format_ == Format::Table && !widthsFixed_) {
    flushSample();
  }
}

void Table::render(std::ostream& out, Format format) const {
  TableWriter writer(out, format, columns, rows.size() + 1);
  for (const auto& row : rows) writer.add(row);
  writer.finish();
}

}  // namespace hamhub::cli

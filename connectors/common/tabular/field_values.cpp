#include "field_values.h"

#include <charconv>

#include "dates.h"
#include "text.h"

namespace hamhub::tabular {

namespace {
constexpr int kMinYear = 2000;
constexpr int kMaxYear = 2100;
}  // namespace

Result<std::optional<std::string>> dateField(const Item& item, std::size_t field) {
  const Cell& cell = item.cell(field);
  const std::string_view text = trim(cell.text);
  if (cell.empty() || text.empty()) return std::optional<std::string>();
  if (cell.type == CellType::Date || cell.type == CellType::DateTime) return std::optional<std::string>(cell.text);
  if (cell.type == CellType::Text) {
    if (auto iso = parseDateText(text)) return std::optional<std::string>(std::move(*iso));
  }
  return item.error(field, "expected a date, got " + (cell.type == CellType::Text ? quote(text) : std::string(text)));
}

Result<std::optional<int>> yearField(const Item& item, std::size_t field) {
  const Cell& cell = item.cell(field);
  std::string_view text = trim(cell.text);
  if (cell.empty() || text.empty()) return std::optional<int>();
  if (cell.type == CellType::Number && text.ends_with(".0")) text.remove_suffix(2);
  int year = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (error != std::errc() || end != text.data() + text.size() || year < kMinYear || year > kMaxYear) {
    return item.error(field, "expected a year (" + std::to_string(kMinYear) + "–" + std::to_string(kMaxYear) +
                                 "), got " + (cell.type == CellType::Text ? quote(text) : std::string(text)));
  }
  return std::optional<int>(year);
}

void writeCell(JsonWriter& writer, const Cell& cell) {
  switch (cell.type) {
    case CellType::Empty:
      writer.null();
      return;
    case CellType::Number: {
      const JsonValue number = JsonValue::fromNumberText(cell.text);
      if (number.isNumber()) {
        writer.value(number);
      } else {
        writer.value(cell.text);
      }
      return;
    }
    case CellType::Boolean:
      writer.value(cell.text == "true");
      return;
    default:
      writeText(writer, cell.text);
  }
}

void writeText(JsonWriter& writer, std::string_view text) {
  text = trim(text);
  if (text.empty()) {
    writer.null();
  } else {
    writer.value(text);
  }
}

}  // namespace hamhub::tabular

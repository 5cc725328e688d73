#include "xlsx_reader.h"

#include <charconv>

#include "dates.h"
#include "text.h"

namespace hamhub::tabular {

namespace {

// Excel's own limits: 1,048,576 rows and 16,384 columns.
constexpr std::size_t kMaxRow = 1048576;
constexpr std::size_t kMaxColumn = 16384;

std::size_t rowFromAttribute(std::string_view r) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(r.data(), r.data() + r.size(), value);
  return error == std::errc() && end == r.data() + r.size() ? value : 0;
}

}  // namespace

Result<std::unique_ptr<XlsxReader>> XlsxReader::open(const std::string& path, TableLocation& location,
                                                     const std::string& sheet) {
  std::unique_ptr<XlsxReader> reader(new XlsxReader());
  auto package = ZipPackage::open(path, location);
  if (!package) return package.status();
  reader->package_ = std::move(package).value();
  auto info = readWorkbookInfo(*reader->package_);
  if (!info) return info.status();
  reader->info_ = std::move(info).value();
  auto selected = reader->info_.select(sheet, location);
  if (!selected) return selected.status();
  location.sheet = selected->name;
  reader->location_ = location;
  auto strings = SharedStrings::read(*reader->package_);
  if (!strings) return strings.status();
  reader->strings_ = std::move(strings).value();
  auto part = reader->package_->openPart(selected->part);
  if (!part) return part.status();
  reader->xml_ = std::make_unique<XmlStream>(std::move(part).value(), "sheet " + quote(selected->name), location);
  return reader;
}

Status XlsxReader::failure(std::size_t row, const std::string& what) const {
  return Status::error(location_.where(row) + ": " + what, "invalid-payload");
}

Result<bool> XlsxReader::next(Row& row) {
  for (;;) {
    auto event = xml_->next();
    if (!event) return event.status();
    if (*event == XmlStream::Event::End) return false;
    if (*event != XmlStream::Event::StartElement || xml_->name() != "row") continue;
    row.clear();
    const std::size_t number = rowFromAttribute(xml_->attribute("r"));
    row.number = number > 0 ? number : lastRow_ + 1;
    if (row.number <= lastRow_ || row.number > kMaxRow) {
      return failure(row.number, "rows out of order or past row " + std::to_string(kMaxRow));
    }
    lastRow_ = row.number;
    std::size_t column = 0;
    for (;;) {
      auto inner = xml_->next();
      if (!inner) return inner.status();
      if (*inner == XmlStream::Event::End) return failure(row.number, "the sheet ends inside a row");
      if (*inner == XmlStream::Event::EndElement && xml_->name() == "row") break;
      if (*inner == XmlStream::Event::StartElement && xml_->name() == "c") {
        if (Status s = readCell(row, column); !s) return s;
      }
    }
    if (row.blank()) continue;
    return true;
  }
}

Status XlsxReader::readCell(Row& row, std::size_t& column) {
  const std::string reference = xml_->attribute("r");
  const std::string type = xml_->attribute("t");
  const std::string style = xml_->attribute("s");
  if (!reference.empty()) {
    const std::size_t at = columnFromReference(reference);
    if (at == std::string_view::npos || at >= kMaxColumn) {
      return failure(row.number, "bad cell reference " + quote(reference));
    }
    column = at;
  }
  const std::size_t here = column++;
  // The value: <v> for most types, <is><t> (or rich-text runs <is><r><t>) for inline strings.
  value_.clear();
  bool inValue = false;
  int phonetic = 0;
  for (;;) {
    auto event = xml_->next();
    if (!event) return event.status();
    if (*event == XmlStream::Event::End) return failure(row.number, "the sheet ends inside a cell");
    const std::string_view name = xml_->name();
    if (*event == XmlStream::Event::EndElement) {
      if (name == "c") break;
      if (name == "v" || name == "t") inValue = false;
      if (name == "rPh") --phonetic;
    } else if (*event == XmlStream::Event::StartElement) {
      if (name == "rPh") ++phonetic;
      else if ((name == "v" || name == "t") && phonetic == 0) inValue = true;
    } else if (inValue) {
      if (value_.size() + xml_->text().size() > 1024 * 1024) {
        return failure(row.number, "cell " + columnLetters(here) + " holds more than 1 MiB of text");
      }
      value_.append(xml_->text());
    }
  }
  if (value_.empty() && type != "inlineStr") return Status::ok();  // a styled empty cell
  Cell& cell = row.put(here);
  if (type == "s") {
    std::size_t index = 0;
    const auto [end, error] = std::from_chars(value_.data(), value_.data() + value_.size(), index);
    if (error != std::errc() || end != value_.data() + value_.size() || index >= strings_.size()) {
      return failure(row.number, "cell " + columnLetters(here) + " refers to shared string " + quote(value_) +
                                     ", which the table (" + std::to_string(strings_.size()) + " entries) lacks");
    }
    cell.type = CellType::Text;
    cell.text.assign(strings_.at(index));
  } else if (type == "inlineStr" || type == "str") {
    cell.type = CellType::Text;
    cell.text.swap(value_);
  } else if (type == "b") {
    cell.type = CellType::Boolean;
    cell.text = value_ == "1" || value_ == "true" ? "true" : "false";
  } else if (type == "e") {
    cell.type = CellType::Error;
    cell.text.swap(value_);
  } else if (type == "d") {
    // ISO 8601 date cells (strict OOXML); kept as the date part and time the file wrote.
    auto iso = parseDateText(value_);
    cell.type = iso && iso->size() > 10 ? CellType::DateTime : CellType::Date;
    cell.text = iso ? *iso : value_;
    if (!iso) cell.type = CellType::Text;
  } else {
    std::size_t styleIndex = 0;
    const auto parsedStyle = std::from_chars(style.data(), style.data() + style.size(), styleIndex);
    if (parsedStyle.ec != std::errc()) styleIndex = 0;
    const std::uint8_t dateKind = styleIndex < info_.styleIsDate.size() ? info_.styleIsDate[styleIndex] : 0;
    double number = 0;
    const auto parsed = std::from_chars(value_.data(), value_.data() + value_.size(), number);
    if (parsed.ec != std::errc() || parsed.ptr != value_.data() + value_.size()) {
      return failure(row.number, "cell " + columnLetters(here) + " holds " + quote(value_) + ", which is not a number");
    }
    if (dateKind != 0) {
      if (auto iso = excelSerialToIso(number, info_.dateSystem, dateKind == 2)) {
        cell.type = iso->size() > 10 ? CellType::DateTime : CellType::Date;
        cell.text = std::move(*iso);
        return Status::ok();
      }
    }
    // Excel writes 17 significant digits (45.200000000000003); the shortest form that reads
    // back as the same double is what the user typed.
    char shortest[32];
    const auto written = std::to_chars(shortest, shortest + sizeof shortest, number);
    cell.type = CellType::Number;
    cell.text.assign(shortest, written.ptr);
  }
  return Status::ok();
}

}  // namespace hamhub::tabular

#include "csv_reader.h"

namespace hamhub::opd {

Status readCsv(std::istream& in, char delimiter, const CsvRecordHandler& onRecord) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false;       // inside a quoted field
  bool anything = false;     // the record has content (a blank line has none)
  std::size_t line = 1;
  std::size_t recordLine = 1;
  bool first = true;

  const auto endRecord = [&]() -> Status {
    cells.push_back(std::move(cell));
    cell.clear();
    Status status = anything ? onRecord(std::move(cells), recordLine) : Status::ok();
    cells.clear();
    anything = false;
    return status;
  };

  char c = 0;
  while (in.get(c)) {
    if (first) {
      first = false;
      if (c == '\xEF' && in.peek() == 0xBB) {
        in.get(c);
        in.get(c);
        continue;
      }
    }
    if (!anything && cells.empty() && cell.empty()) recordLine = line;
    if (quoted) {
      if (c == '"') {
        if (in.peek() == '"') {
          in.get(c);
          cell += '"';
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      anything = true;
    } else if (c == delimiter) {
      cells.push_back(std::move(cell));
      cell.clear();
      anything = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && in.peek() == '\n') in.get(c);
      if (Status status = endRecord(); !status) return status;
      ++line;
    } else {
      cell += c;
      anything = true;
    }
  }
  if (quoted) return Status::error("line " + std::to_string(recordLine) + ": a quoted field is not closed", "invalid-payload");
  return endRecord();
}

}  // namespace hamhub::opd

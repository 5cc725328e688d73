#include "host/report/csv_report.h"

#include <algorithm>

#include "host/report/cell_text.h"
#include "host/util/csv_field.h"

namespace hamhub::host {

void writeCsvReport(const Report& report, std::ostream& out) {
  std::vector<std::string> columns;
  for (const auto& table : report.tables) {
    for (const auto& column : table.columns) {
      if (std::find(columns.begin(), columns.end(), column) == columns.end()) columns.push_back(column);
    }
  }
  out << "\xEF\xBB\xBF" << csvField(report.sectionLabel);
  for (const auto& column : columns) out << ',' << csvField(column);
  out << "\r\n";
  for (const auto& table : report.tables) {
    std::vector<std::size_t> position;  // where each of the table's columns goes in the union
    for (const auto& column : table.columns) {
      position.push_back(static_cast<std::size_t>(std::find(columns.begin(), columns.end(), column) - columns.begin()));
    }
    for (const auto& row : table.rows) {
      std::vector<std::string> fields(columns.size());
      for (std::size_t i = 0; i < row.size() && i < position.size(); ++i) fields[position[i]] = cellText(row[i], '.');
      out << csvField(table.title);
      for (const auto& field : fields) out << ',' << csvField(field);
      out << "\r\n";
    }
  }
}

}  // namespace hamhub::host

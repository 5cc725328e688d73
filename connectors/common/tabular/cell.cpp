#include "cell.h"

namespace hamhub::tabular {

const Cell& Row::at(std::size_t column) const {
  static const Cell kEmpty;
  return column < cells.size() ? cells[column] : kEmpty;
}

Cell& Row::put(std::size_t column) {
  if (column >= cells.size()) cells.resize(column + 1);
  return cells[column];
}

bool Row::blank() const {
  for (const Cell& cell : cells) {
    if (cell.empty()) continue;
    if (cell.text.find_first_not_of(" \t\r\n") != std::string::npos) return false;
  }
  return true;
}

}  // namespace hamhub::tabular

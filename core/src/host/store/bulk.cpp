#include "host/store/bulk.h"

namespace hamhub::host {

std::string placeholderRow(std::size_t columns) {
  std::string out = "(";
  for (std::size_t c = 0; c < columns; ++c) out += c == 0 ? "?" : ", ?";
  out += ')';
  return out;
}

std::string placeholderRows(std::size_t rows, std::size_t columns) {
  const std::string row = placeholderRow(columns);
  std::string out;
  out.reserve(rows * (row.size() + 2));
  for (std::size_t r = 0; r < rows; ++r) {
    if (r > 0) out += ", ";
    out += row;
  }
  return out;
}

}  // namespace hamhub::host

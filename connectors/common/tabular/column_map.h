#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <hamhub/status.h>

#include "cell.h"
#include "file_options.h"
#include "location.h"

namespace hamhub::tabular {

/// A field a connector reads from each row: its name (as `columns` names it), the headers
/// exports usually give it, and whether a file without it is unusable.
struct FieldSpec {
  std::string name;
  std::vector<std::string> headers;  ///< tried when `columns` does not name the field
  bool required = false;
  std::string alternative;  ///< a required field is also satisfied when this one is present
};

/// Which column holds each field, found from a file's header row; in the wide layout also the
/// item columns. Built once per file.
class ColumnMap {
 public:
  /// Matches the header row against the fields (case and spacing ignored). A required field
  /// without a column, or a configured header the file lacks, is an error listing every missing
  /// header and the headers the file has. In the wide layout, `itemField` and `valueField` come
  /// from the item columns, and `checkItem` may refuse an item column's header.
  static Result<ColumnMap> build(const Row& header, const std::vector<FieldSpec>& fields,
                                 const FileSettings& settings, std::size_t itemField, std::size_t valueField,
                                 const std::function<Status(std::string_view header)>& checkItem,
                                 const TableLocation& location);

  /// The column of a field, or nullopt when the file has none.
  std::optional<std::size_t> column(std::size_t field) const { return columns_[field]; }
  const std::string& header(std::size_t column) const;
  /// The wide layout's item columns (empty in the long layout).
  const std::vector<std::size_t>& itemColumns() const { return items_; }

 private:
  std::vector<std::optional<std::size_t>> columns_;
  std::vector<std::string> headers_;
  std::vector<std::size_t> items_;
};

/// One item a connector maps: a row in the long layout, or one item cell of a row in the wide
/// layout (where the item field reads as the column's header and the value field as the cell).
class Item {
 public:
  Item(const Row& row, const ColumnMap& map, const TableLocation& location, std::optional<std::size_t> itemColumn,
       std::size_t itemField, std::size_t valueField);

  /// The field's cell; an empty cell when the file has no such column.
  const Cell& cell(std::size_t field) const;
  /// The field's text, trimmed.
  std::string_view text(std::size_t field) const;
  bool has(std::size_t field) const { return !text(field).empty(); }
  /// Whether the file has a column for the field at all.
  bool mapped(std::size_t field) const;
  /// True for the wide layout's item field, whose text is the item column's header.
  bool fromHeader(std::size_t field) const { return itemColumn_.has_value() && field == itemField_; }

  std::size_t row() const { return row_.number; }
  /// `file, sheet "S", row R, column C ("Header")`; without the column when the field is unmapped.
  std::string where(std::size_t field) const;
  std::string where() const { return location_.where(row_.number); }
  /// A row error at the field's cell: `where(field): message`.
  Status error(std::size_t field, const std::string& message) const;
  /// A row error at the row.
  Status error(const std::string& message) const;

 private:
  std::optional<std::size_t> columnOf(std::size_t field) const;

  const Row& row_;
  const ColumnMap& map_;
  const TableLocation& location_;
  std::optional<std::size_t> itemColumn_;
  std::size_t itemField_;
  std::size_t valueField_;
  Cell itemHeader_;
};

}  // namespace hamhub::tabular

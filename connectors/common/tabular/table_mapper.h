#pragma once

#include <string_view>
#include <vector>

#include <hamhub/record.h>
#include <hamhub/status.h>

#include "column_map.h"

namespace hamhub::tabular {

/// What a file connector adds to the shared file harvest: its fields and how one item becomes
/// records. Everything else (finding files, reading them, headers, bad rows, duplicates,
/// cursor) is the FileHarvester's.
class TableMapper {
 public:
  virtual ~TableMapper() = default;

  virtual const std::vector<FieldSpec>& fields() const = 0;
  /// Wide layout: the field an item column's header fills (e.g. the indicator) and the field its
  /// cells fill (e.g. the value).
  virtual std::size_t itemField() const = 0;
  virtual std::size_t valueField() const = 0;
  /// Wide layout: refuses an item column whose header cannot be an item (e.g. "Capaian B06").
  virtual Status checkItemHeader(std::string_view header) const = 0;

  /// Called before each file is read.
  virtual void startFile() = 0;
  /// Maps one item to records. The first record's kind and key are its natural key, checked for
  /// duplicates within the file. A non-ok Status is a row error whose message locates it
  /// (Item::error).
  virtual Status map(const Item& item, std::vector<Record>& out) = 0;
};

}  // namespace hamhub::tabular

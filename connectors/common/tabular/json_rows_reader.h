#pragma once

#include <deque>
#include <fstream>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <hamhub/json.h>

#include "location.h"
#include "row_reader.h"

namespace hamhub::tabular {

/// A JSON array of flat objects read as a table, through the SDK's streaming JsonPushParser:
/// the first row is a header made of the first object's keys (row number 0), then one row per
/// object (numbered from 1). Every object must have only keys the first one has (missing keys
/// are empty cells); a nested value is an error naming the object and field.
class JsonRowsReader final : public RowReader, private JsonHandler {
 public:
  static Result<std::unique_ptr<JsonRowsReader>> open(const std::string& path, const TableLocation& location);

  Result<bool> next(Row& row) override;

 private:
  explicit JsonRowsReader(const TableLocation& location);
  Status onNull() override;
  Status onBool(bool value) override;
  Status onNumber(std::string_view text) override;
  Status onString(std::string_view value) override;
  Status onKey(std::string_view key) override;
  Status onStartObject() override;
  Status onEndObject() override;
  Status onStartArray() override;
  Status onEndArray() override;
  Status scalar(CellType type, std::string_view text);
  Status fail(const std::string& what);

  TableLocation location_;
  std::ifstream in_;
  std::unique_ptr<JsonPushParser> parser_;
  std::vector<char> buffer_;
  bool finished_ = false;
  int depth_ = 0;
  std::size_t objects_ = 0;
  std::vector<std::string> headers_;
  std::unordered_map<std::string, std::size_t> columns_;
  std::size_t column_ = 0;
  Row current_;
  std::deque<Row> ready_;
  bool headerSent_ = false;
};

}  // namespace hamhub::tabular

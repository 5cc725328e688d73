#include "json_rows_reader.h"

#include <limits>

namespace hamhub::tabular {

namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;
constexpr std::size_t kMaxFields = 16384;

JsonParseOptions parseOptions() {
  JsonParseOptions options;
  options.maxDepth = 8;  // an array of flat objects is two deep; more is refused with a clear error below
  options.maxBytes = std::numeric_limits<std::size_t>::max() / 2;  // files are streamed, any size
  options.maxStringBytes = 1024 * 1024;
  return options;
}

}  // namespace

JsonRowsReader::JsonRowsReader(const TableLocation& location) : location_(location), buffer_(kChunkBytes) {}

Result<std::unique_ptr<JsonRowsReader>> JsonRowsReader::open(const std::string& path, const TableLocation& location) {
  std::unique_ptr<JsonRowsReader> reader(new JsonRowsReader(location));
  reader->in_.open(path, std::ios::binary);
  if (!reader->in_) return Status::error(location.where() + ": cannot open the file", "io");
  JsonHandler& handler = *reader;  // a private base: converted here, where it is accessible
  reader->parser_ = std::make_unique<JsonPushParser>(handler, parseOptions());
  // A UTF-8 byte-order mark is not JSON; skip it.
  char bom[3] = {};
  reader->in_.read(bom, 3);
  if (reader->in_.gcount() != 3 || std::string_view(bom, 3) != "\xEF\xBB\xBF") {
    reader->in_.clear();
    reader->in_.seekg(0);
  }
  return reader;
}

Status JsonRowsReader::fail(const std::string& what) {
  return Status::error(location_.where() + ": " + what, "invalid-payload");
}

Result<bool> JsonRowsReader::next(Row& row) {
  while (ready_.empty() && !finished_) {
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    const auto got = static_cast<std::size_t>(in_.gcount());
    if (in_.bad()) return Status::error(location_.where() + ": read error", "io");
    Status status = got > 0 ? parser_->feed(std::string_view(buffer_.data(), got)) : parser_->finish();
    if (!status) {
      if (status.reason() == "invalid-payload") return status;  // our own verdict, already located
      return fail("invalid JSON: " + status.message());
    }
    if (got == 0) finished_ = true;
  }
  if (ready_.empty()) return false;
  row = std::move(ready_.front());
  ready_.pop_front();
  return true;
}

Status JsonRowsReader::scalar(CellType type, std::string_view text) {
  if (depth_ == 0) return fail("the file holds a single JSON value where an array of objects was expected");
  if (depth_ == 1) return fail("element " + std::to_string(objects_ + 1) + " of the array is not an object");
  Cell& cell = current_.put(column_);
  cell.type = type;
  cell.text.assign(text);
  return Status::ok();
}

Status JsonRowsReader::onNull() {
  if (depth_ < 2) return scalar(CellType::Empty, {});
  return Status::ok();
}
Status JsonRowsReader::onBool(bool value) { return scalar(CellType::Boolean, value ? "true" : "false"); }
Status JsonRowsReader::onNumber(std::string_view text) { return scalar(CellType::Number, text); }
Status JsonRowsReader::onString(std::string_view value) {
  return scalar(value.empty() ? CellType::Empty : CellType::Text, value);
}

Status JsonRowsReader::onKey(std::string_view key) {
  const std::string name(key);
  auto it = columns_.find(name);
  if (it == columns_.end()) {
    if (objects_ > 1) {
      return fail("row " + std::to_string(objects_) + ": field " + quote(key) +
                  " is not in the first object; every object must have the first object's fields");
    }
    if (headers_.size() >= kMaxFields) return fail("an object has more than " + std::to_string(kMaxFields) + " fields");
    it = columns_.emplace(name, headers_.size()).first;
    headers_.push_back(name);
  }
  column_ = it->second;
  return Status::ok();
}

Status JsonRowsReader::onStartObject() {
  if (depth_ == 0) return fail("the file holds a JSON object where an array of objects was expected");
  if (depth_ >= 2) {
    return fail("row " + std::to_string(objects_) + ": field " + quote(headers_.empty() ? "" : headers_[column_]) +
                " holds an object; only flat objects are read");
  }
  ++depth_;
  ++objects_;
  current_.clear();
  current_.number = objects_;
  return Status::ok();
}

Status JsonRowsReader::onEndObject() {
  --depth_;
  if (!headerSent_) {
    Row header;
    header.number = 0;
    for (const auto& name : headers_) header.cells.push_back(Cell{CellType::Text, name});
    ready_.push_back(std::move(header));
    headerSent_ = true;
  }
  if (!current_.blank()) ready_.push_back(std::move(current_));
  current_ = Row{};
  return Status::ok();
}

Status JsonRowsReader::onStartArray() {
  if (depth_ >= 1) {
    return fail(depth_ == 1 ? "element " + std::to_string(objects_ + 1) + " of the array is an array, not an object"
                            : "row " + std::to_string(objects_) + ": field " +
                                  quote(headers_.empty() ? "" : headers_[column_]) +
                                  " holds an array; only flat objects are read");
  }
  ++depth_;
  return Status::ok();
}

Status JsonRowsReader::onEndArray() {
  --depth_;
  return Status::ok();
}

}  // namespace hamhub::tabular

#include "item_stream.h"

#include "row.h"

namespace hamhub::opd {

ItemStream::ItemStream(const JsonPointer& items, const JsonPointer* watch, ItemHandler onItem)
    : itemsPointer_(items), watch_(watch), onItem_(std::move(onItem)) {}

bool ItemStream::at(const JsonPointer& pointer) const {
  const auto& tokens = pointer.tokens();
  if (tokens.size() != frames_.size()) return false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Frame& f = frames_[i];
    if (f.array ? tokens[i] != std::to_string(f.index) : tokens[i] != f.key) return false;
  }
  return true;
}

void ItemStream::advance() {
  if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
}

Status ItemStream::deliver(JsonValue&& item) {
  ++items_;
  Status status = onItem_(std::move(item));
  if (!status) handlerFailed_ = true;
  return status;
}

void ItemStream::attach(JsonValue&& value) {
  JsonValue& parent = building_.back();
  if (parent.isArray()) {
    parent.push(std::move(value));
  } else {
    parent.asObject().emplace_back(std::move(buildingKeys_.back()), std::move(value));
  }
}

Status ItemStream::onKey(std::string_view key) {
  if (!building_.empty()) {
    buildingKeys_.back() = std::string(key);
  } else if (!frames_.empty()) {
    frames_.back().key = std::string(key);
    if (frames_.size() == 1 && !frames_.back().array) topKeys_.emplace_back(key);
  }
  return Status::ok();
}

Status ItemStream::scalar(JsonValue value) {
  if (!building_.empty()) {
    attach(std::move(value));
    return Status::ok();
  }
  if (inItems()) {
    Status status = deliver(std::move(value));
    advance();
    return status;
  }
  if (!found_ && itemsType_.empty() && at(itemsPointer_)) itemsType_ = JsonValue::typeName(value.type());
  if (watch_ != nullptr && at(*watch_)) watched_ = scalarText(&value);
  advance();
  return Status::ok();
}

Status ItemStream::start(bool array) {
  if (!building_.empty() || inItems()) {
    building_.emplace_back(array ? JsonValue(JsonValue::Array{}) : JsonValue(JsonValue::Object{}));
    buildingKeys_.emplace_back();
    return Status::ok();
  }
  if (!found_ && at(itemsPointer_)) {
    if (array) {
      found_ = true;
      frames_.push_back(Frame{true, 0, {}});
      itemsDepth_ = frames_.size();
      return Status::ok();
    }
    itemsType_ = "object";
  }
  frames_.push_back(Frame{array, 0, {}});
  return Status::ok();
}

Status ItemStream::end() {
  if (!building_.empty()) {
    JsonValue done = std::move(building_.back());
    building_.pop_back();
    buildingKeys_.pop_back();
    if (!building_.empty()) {
      attach(std::move(done));
      return Status::ok();
    }
    Status status = deliver(std::move(done));
    advance();
    return status;
  }
  if (itemsDepth_ && frames_.size() == *itemsDepth_) itemsDepth_.reset();
  frames_.pop_back();
  advance();
  return Status::ok();
}

}  // namespace hamhub::opd

#include "feed_parser.h"

#include <algorithm>
#include <utility>

namespace hamhub::jdih {

namespace {

// `{"data":{"data":[…]}}` is as deep as real wrappers go; deeper objects are not searched.
constexpr std::size_t kMaxWrapperDepth = 3;
constexpr std::size_t kMaxTopLevelKeys = 12;
// A rough per-value cost, so an item of a million nulls counts as large too.
constexpr std::size_t kValueOverhead = 16;
constexpr std::size_t kTypicalItemFields = 32;

bool isWrapperKey(std::string_view key) {
  return std::find(FeedParser::kWrapperKeys.begin(), FeedParser::kWrapperKeys.end(), key) !=
         FeedParser::kWrapperKeys.end();
}

bool isIndexKey(std::string_view key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

FeedParser::FeedParser(ItemHandler onItem, std::size_t maxItemBytes)
    : onItem_(std::move(onItem)), maxItemBytes_(maxItemBytes) {}

Status FeedParser::onNumber(std::string_view text) {
  account(text.size());
  return scalar(JsonValue::fromNumberText(text));
}

Status FeedParser::onString(std::string_view value) {
  if (itemDepth_ == 0 &&
      (frames_.empty() || frames_.back() == Frame::Wrapper || frames_.back() == Frame::Skip)) {
    if (frames_.empty()) shape_ = Shape::Scalar;
    return Status::ok();  // outside any item: not worth a copy
  }
  account(value.size());
  if (atItemTop()) {
    JsonValue& slot = nextMember();
    if (slot.isString()) {
      slot.asString().assign(value);
    } else {
      slot = JsonValue(value);
    }
    return Status::ok();
  }
  return scalar(JsonValue(value));
}

JsonValue& FeedParser::nextMember() {
  JsonValue::Object& members = item_.asObject();
  if (used_ == members.size()) members.emplace_back();
  JsonValue::Member& member = members[used_++];
  member.first.assign(key_);
  return member.second;
}

Status FeedParser::onKey(std::string_view key) {
  if (itemDepth_ > 0) {
    account(key.size() + kValueOverhead);
    key_.assign(key);
    return Status::ok();
  }
  if (!frames_.empty() && frames_.back() == Frame::Wrapper) {
    key_.assign(key);
    if (frames_.size() == 1 && topLevelKeys_.size() < kMaxTopLevelKeys) topLevelKeys_.emplace_back(key);
  }
  return Status::ok();
}

Status FeedParser::scalar(JsonValue value) {
  if (itemDepth_ > 0) {
    addToItem(std::move(value));
    return Status::ok();
  }
  if (frames_.empty()) {
    shape_ = Shape::Scalar;
    return Status::ok();
  }
  if (frames_.back() == Frame::Items) {  // an item that is not an object: the caller decides
    item_ = std::move(value);
    itemBytes_ += kValueOverhead;
    return finishItem();
  }
  return Status::ok();  // a wrapper's metadata or a skipped value
}

Status FeedParser::startContainer(bool isObject) {
  JsonValue empty = isObject ? JsonValue(JsonValue::Object{}) : JsonValue(JsonValue::Array{});
  if (itemDepth_ > 0) {
    ++itemDepth_;
    account(kValueOverhead);
    if (!oversized_) {
      JsonValue& top = *itemStack_.back();
      if (top.isArray()) {
        top.asArray().push_back(std::move(empty));
        itemStack_.push_back(&top.asArray().back());
      } else if (&top == &item_) {
        JsonValue& slot = nextMember();
        slot = std::move(empty);
        itemStack_.push_back(&slot);
      } else {
        top.asObject().emplace_back(std::move(key_), std::move(empty));
        itemStack_.push_back(&top.asObject().back().second);
      }
    }
    return Status::ok();
  }
  if (frames_.empty()) {
    shape_ = isObject ? Shape::ObjectWithoutArray : Shape::Array;
    frames_.push_back(isObject ? Frame::Wrapper : Frame::Items);
    return Status::ok();
  }
  switch (frames_.back()) {
    case Frame::Wrapper:
      // PHP's json_encode writes an array with gaps in its indexes as {"0":{…},"2":{…}}: that
      // object is the list of documents.
      if (!arrayFound_ && isObject && isIndexKey(key_)) {
        frames_.back() = Frame::Items;
        shape_ = Shape::Wrapped;
        break;
      }
      if (!arrayFound_ && isWrapperKey(key_)) {
        if (!isObject) {
          shape_ = Shape::Wrapped;
          frames_.push_back(Frame::Items);
          return Status::ok();
        }
        if (frames_.size() < kMaxWrapperDepth) {
          frames_.push_back(Frame::Wrapper);
          return Status::ok();
        }
      }
      frames_.push_back(Frame::Skip);
      return Status::ok();
    case Frame::Skip:
      frames_.push_back(Frame::Skip);
      return Status::ok();
    case Frame::Items:
      break;
  }
  // The start of an item. Room for a JDIHN document's thirty-odd fields up front: growing the
  // member vector field by field moved every member several times per document.
  if (!isObject) {
    item_ = std::move(empty);
  } else if (!item_.isObject()) {
    item_ = JsonValue(JsonValue::Object{});
    item_.asObject().reserve(kTypicalItemFields);
  }
  used_ = 0;
  itemStack_.assign(1, &item_);
  itemDepth_ = 1;
  itemBytes_ = kValueOverhead;
  return Status::ok();
}

Status FeedParser::endContainer() {
  if (itemDepth_ > 0) {
    --itemDepth_;
    if (!oversized_) itemStack_.pop_back();
    return itemDepth_ == 0 ? finishItem() : Status::ok();
  }
  if (frames_.empty()) return Status::ok();
  if (frames_.back() == Frame::Items) arrayFound_ = true;
  frames_.pop_back();
  return Status::ok();
}

void FeedParser::account(std::size_t bytes) {
  if (itemDepth_ == 0) return;
  itemBytes_ += bytes;
  if (oversized_ || itemBytes_ <= maxItemBytes_) return;
  // Too large to hold: free it, keep only what names it, and read on to its end.
  oversized_ = true;
  if (item_.isObject()) {
    const JsonValue::Object& members = item_.asObject();
    const auto end = members.begin() + static_cast<std::ptrdiff_t>(std::min(used_, members.size()));
    const auto id = std::find_if(members.begin(), end, [](const JsonValue::Member& m) { return m.first == "idData"; });
    if (id != end) oversizedId_ = id->second;
  }
  item_ = JsonValue();
  used_ = 0;
  itemStack_.clear();
}

void FeedParser::addToItem(JsonValue value) {
  if (oversized_) {
    if (itemDepth_ == 1 && key_ == "idData") oversizedId_ = std::move(value);
    return;
  }
  JsonValue& top = *itemStack_.back();
  if (top.isArray()) {
    top.asArray().push_back(std::move(value));
  } else if (&top == &item_) {
    nextMember() = std::move(value);
  } else {
    top.asObject().emplace_back(std::move(key_), std::move(value));
  }
}

Status FeedParser::finishItem() {
  ++items_;
  largestItemBytes_ = std::max(largestItemBytes_, std::min(itemBytes_, maxItemBytes_));
  const bool oversized = oversized_;
  itemStack_.clear();
  itemBytes_ = 0;
  oversized_ = false;
  Status status;
  if (oversized) {
    JsonValue named(JsonValue::Object{});
    if (!oversizedId_.isNull()) named.set("idData", std::move(oversizedId_));
    oversizedId_ = JsonValue();
    status = onItem_(named, true);
  } else {
    // Members left over from a longer earlier item go; the others stay for the next one.
    if (item_.isObject()) item_.asObject().resize(used_);
    status = onItem_(item_, false);
  }
  used_ = 0;
  if (!status) handlerFailed_ = true;
  return status;
}

}  // namespace hamhub::jdih

#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <hamhub/json.h>

#include "json_pointer.h"

namespace hamhub::opd {

/// Picks the items out of a JSON document as a JsonPushParser reads it: each element of the
/// array at `items` is built as a value and handed over on its own, so memory holds one item, not
/// the document. It also remembers the scalar at `watch` (the next-page link), wherever in the
/// document it is.
class ItemStream final : public JsonHandler {
 public:
  using ItemHandler = std::function<Status(JsonValue&&)>;

  ItemStream(const JsonPointer& items, const JsonPointer* watch, ItemHandler onItem);

  Status onNull() override { return scalar(nullptr); }
  Status onBool(bool value) override { return scalar(value); }
  Status onNumber(std::string_view text) override { return scalar(JsonValue::fromNumberText(text)); }
  Status onString(std::string_view value) override { return scalar(value); }
  Status onKey(std::string_view key) override;
  Status onStartObject() override { return start(false); }
  Status onEndObject() override { return end(); }
  Status onStartArray() override { return start(true); }
  Status onEndArray() override { return end(); }

  /// The array was found at the items pointer.
  bool foundItems() const { return found_; }
  /// What was at the items pointer instead of an array ("" when nothing was there).
  const std::string& itemsType() const { return itemsType_; }
  std::size_t items() const { return items_; }
  /// The watched scalar as text; "" when absent or null.
  const std::string& watched() const { return watched_; }
  /// The top-level keys, for messages when the items were not found.
  const std::vector<std::string>& topLevelKeys() const { return topKeys_; }
  /// The handler's own error stopped the parse (not a JSON syntax error).
  bool handlerFailed() const { return handlerFailed_; }

 private:
  struct Frame {
    bool array;
    std::size_t index = 0;
    std::string key;
  };

  Status scalar(JsonValue value);
  Status start(bool array);
  Status end();
  Status deliver(JsonValue&& item);
  void attach(JsonValue&& value);
  bool at(const JsonPointer& pointer) const;
  bool inItems() const { return itemsDepth_ && frames_.size() == *itemsDepth_; }
  void advance();

  const JsonPointer& itemsPointer_;
  const JsonPointer* watch_;
  ItemHandler onItem_;
  std::vector<Frame> frames_;
  std::optional<std::size_t> itemsDepth_;
  std::vector<JsonValue> building_;        // containers of the item being built
  std::vector<std::string> buildingKeys_;  // the pending key of each
  bool found_ = false;
  std::string itemsType_;
  std::size_t items_ = 0;
  std::string watched_;
  std::vector<std::string> topKeys_;
  bool handlerFailed_ = false;
};

}  // namespace hamhub::opd

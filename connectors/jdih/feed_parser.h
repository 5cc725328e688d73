#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <hamhub/json.h>

namespace hamhub::jdih {

/// Turns the events of a JsonPushParser over a JDIHN feed into one document at a time.
///
/// Accepts a top-level array of documents, or an object that wraps the array under one of
/// kWrapperKeys (also nested, as Laravel's paginator does: `{"data":{"current_page":1,"data":[…]}}`,
/// or `{"data":{"rows":[…]}}`). Only the document being read is held in memory, so
/// memory does not grow with the feed. Members of a wrapper other than the array are skipped.
///
/// Not thread-safe; one parser per response body.
class FeedParser final : public JsonHandler {
 public:
  /// The members a wrapper object may hold the documents under, as PHP frameworks name them.
  static constexpr std::array<std::string_view, 7> kWrapperKeys = {"data", "result", "results", "items",
                                                                   "rows", "records", "list"};

  /// What the whole body turned out to be.
  enum class Shape {
    Unknown,             ///< nothing seen yet
    Array,               ///< a top-level array
    Wrapped,             ///< an object holding the array under a wrapper key
    Scalar,              ///< a top-level string, number, boolean or null
    ObjectWithoutArray,  ///< an object with no wrapper key holding an array
  };

  /// Receives each item of the array: normally an object, but anything the feed put there.
  /// `oversized`: the item exceeded the size limit; `item` then holds only its `idData` member
  /// (when it had one) so the caller can name it. The item is valid only during the call: its
  /// storage is reused for the next one.
  using ItemHandler = std::function<Status(const JsonValue& item, bool oversized)>;

  FeedParser(ItemHandler onItem, std::size_t maxItemBytes);

  Status onNull() override { return scalar(JsonValue()); }
  Status onBool(bool value) override { return scalar(JsonValue(value)); }
  Status onNumber(std::string_view text) override;
  Status onString(std::string_view value) override;
  Status onKey(std::string_view key) override;
  Status onStartObject() override { return startContainer(true); }
  Status onEndObject() override { return endContainer(); }
  Status onStartArray() override { return startContainer(false); }
  Status onEndArray() override { return endContainer(); }

  Shape shape() const { return shape_; }
  std::size_t items() const { return items_; }
  /// The first keys of the top-level object, for messages about an unexpected shape.
  const std::vector<std::string>& topLevelKeys() const { return topLevelKeys_; }
  /// True when the last error came from the ItemHandler (to be passed on unchanged).
  bool handlerFailed() const { return handlerFailed_; }
  /// The largest item held at once, in (approximate) bytes: what memory use is bounded by.
  std::size_t largestItemBytes() const { return largestItemBytes_; }

 private:
  enum class Frame { Wrapper, Items, Skip };

  Status scalar(JsonValue value);
  Status startContainer(bool isObject);
  Status endContainer();
  // Item building.
  void account(std::size_t bytes);
  bool atItemTop() const { return itemDepth_ == 1 && !oversized_ && item_.isObject(); }
  JsonValue& nextMember();
  void addToItem(JsonValue value);
  Status finishItem();

  ItemHandler onItem_;
  std::size_t maxItemBytes_;
  Shape shape_ = Shape::Unknown;
  std::vector<Frame> frames_;
  std::string key_;  // the last key seen in a wrapper or in the item being built
  bool arrayFound_ = false;
  std::vector<std::string> topLevelKeys_;

  std::size_t itemDepth_ = 0;  // containers open inside the current item; 0: not in an item
  // The item being read. An object item's members are kept from item to item and overwritten in
  // place (key and string buffers reused): allocating and freeing ~30 strings per document was a
  // tenth of a harvest's parse time. Only the first `used_` members belong to the current item.
  JsonValue item_;
  std::size_t used_ = 0;
  std::vector<JsonValue*> itemStack_;
  std::size_t itemBytes_ = 0;
  bool oversized_ = false;
  JsonValue oversizedId_;

  std::size_t items_ = 0;
  std::size_t largestItemBytes_ = 0;
  bool handlerFailed_ = false;
};

}  // namespace hamhub::jdih

#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <hamhub/connector.h>
#include <hamhub/json.h>

namespace hamhub::jdih {

/// Takes the documents of one harvest (all pages), normalises them, emits the usable ones and
/// rejects the others, and decides at the end whether the feed's shape drifted.
///
/// Documents without idData are rejected only once some document of the feed has idData: when
/// none has it, the feed changed shape, and that is one schema-drift error, not a rejection per
/// document.
///
/// Not thread-safe; one emitter per harvest, used on the harvest thread.
class DocumentEmitter {
 public:
  /// No intermediate checkpoints: the host keeps a large harvest's records on disk and commits
  /// them at the end, so a feed that fails half-way changes nothing that was stored.
  DocumentEmitter(Context& context, RecordSink& sink, std::int64_t maxDocuments);

  /// The URL being read, for error messages.
  void setUrl(std::string url) { url_ = std::move(url); }

  /// One item of the JSON feed's array (normally an object; anything else is rejected).
  /// @param oversized the item exceeded the size limit (it then holds only its idData).
  Status addFeedItem(const JsonValue& item, bool oversized);

  /// One RSS/Atom item, already mapped to JDIHN field names (`fields`) with its elements (`raw`).
  Status addMapped(const JsonValue& fields, const JsonValue& raw);

  /// Rejects an item that could not even be mapped (counts towards the total).
  Status rejectItem(std::string_view key, std::string_view message);

  /// The verdict after the last page: schema drift when no document had idData.
  Status finish();

  std::size_t items() const { return items_; }
  std::size_t emitted() const { return emitted_; }

 private:
  Status countItem();
  Status emitNormalised(const JsonValue& fields, const JsonValue& raw);
  void defer(std::string message);
  void flushDeferred();

  Context& context_;
  RecordSink& sink_;
  std::int64_t maxDocuments_;
  std::string url_;

  std::size_t items_ = 0;
  std::size_t emitted_ = 0;
  bool sawIdField_ = false;
  std::size_t objects_ = 0;
  std::vector<std::string> firstKeys_;  // of the first object, for the schema-drift message
  std::string firstItemType_;           // of the first item, when it is not an object
  std::vector<std::string> deferred_;   // rejection messages waiting for the verdict
  std::size_t deferredDropped_ = 0;
};

}  // namespace hamhub::jdih

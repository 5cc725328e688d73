#include "document_emitter.h"

#include "document_normaliser.h"
#include "text_util.h"

namespace hamhub::jdih {

namespace {

// Commit every so many records, so the host holds a bounded batch even for a ministry's feed.
// Rejections held back until the verdict; beyond this, only counted.
constexpr std::size_t kMaxDeferred = 1000;
constexpr std::size_t kMaxKeysInMessage = 8;

// "a string", "an array", "an object": JSON's type names with their article.
std::string aType(const JsonValue& value) {
  const std::string name = JsonValue::typeName(value.type());
  return (name.front() == 'a' || name.front() == 'o' ? "an " : "a ") + name;
}

}  // namespace

DocumentEmitter::DocumentEmitter(Context& context, RecordSink& sink, std::int64_t maxDocuments)
    : context_(context), sink_(sink), maxDocuments_(maxDocuments) {}

Status DocumentEmitter::countItem() {
  if (context_.cancelled()) return Status::error(displayUrl(url_) + ": cancelled", "cancelled");
  ++items_;
  if (static_cast<std::int64_t>(items_) > maxDocuments_) {
    return Status::error(displayUrl(url_) + ": the feed lists more than " + std::to_string(maxDocuments_) +
                             " documents (max_documents); raise the option if this feed really is that large",
                         "too-large");
  }
  return Status::ok();
}

Status DocumentEmitter::addFeedItem(const JsonValue& item, bool oversized) {
  if (Status s = countItem(); !s) return s;
  const std::string position = std::to_string(items_);

  if (!item.isObject()) {
    if (firstItemType_.empty() && objects_ == 0) firstItemType_ = aType(item);
    defer("item " + position + " is " + aType(item) + ", not a document object");
    return Status::ok();
  }
  ++objects_;
  if (objects_ == 1) {
    for (const auto& [name, value] : item.asObject()) {
      if (firstKeys_.size() == kMaxKeysInMessage) break;
      firstKeys_.push_back(name);
    }
  }
  const JsonValue* id = item.find("idData");
  if (id == nullptr) {
    defer("document " + position + (oversized ? " is too large to read and" : "") + " has no idData");
    return Status::ok();
  }
  if (!sawIdField_) {
    sawIdField_ = true;
    flushDeferred();
  }
  if (oversized) {
    sink_.reject(scalarText(id), "document " + position + " is too large to read");
    return Status::ok();
  }
  return emitNormalised(item, item);
}

Status DocumentEmitter::addMapped(const JsonValue& fields, const JsonValue& raw) {
  if (Status s = countItem(); !s) return s;
  sawIdField_ = true;  // RSS items are keyed by guid or link; idData drift does not apply
  return emitNormalised(fields, raw);
}

Status DocumentEmitter::rejectItem(std::string_view key, std::string_view message) {
  if (Status s = countItem(); !s) return s;
  sawIdField_ = true;
  sink_.reject(key, message);
  return Status::ok();
}

Status DocumentEmitter::emitNormalised(const JsonValue& fields, const JsonValue& raw) {
  NormalisedDocument document = normaliseDocument(fields, raw);
  if (!document.ok()) {
    sink_.reject(document.key, document.key.empty()
                                   ? "document " + std::to_string(items_) + ": " + document.error
                                   : document.error);
    return Status::ok();
  }
  if (Status s = sink_.emit(std::move(document.record)); !s) return s;
  ++emitted_;
  return Status::ok();
}

void DocumentEmitter::defer(std::string message) {
  if (sawIdField_) {
    sink_.reject("", message);
  } else if (deferred_.size() < kMaxDeferred) {
    deferred_.push_back(std::move(message));
  } else {
    ++deferredDropped_;
  }
}

void DocumentEmitter::flushDeferred() {
  for (const auto& message : deferred_) sink_.reject("", message);
  if (deferredDropped_ > 0) {
    sink_.reject("", "and " + std::to_string(deferredDropped_) +
                         " more items without idData before the first with it");
  }
  deferred_.clear();
  deferredDropped_ = 0;
}

Status DocumentEmitter::finish() {
  if (items_ == 0 || sawIdField_) return Status::ok();
  if (objects_ == 0) {
    return Status::error(displayUrl(url_) + ": the feed's array holds no document objects (" +
                             std::to_string(items_) + " items; the first is " + firstItemType_ + ")",
                         "schema-drift");
  }
  std::string keys;
  for (const auto& key : firstKeys_) keys += (keys.empty() ? "" : ", ") + key;
  return Status::error(displayUrl(url_) + ": field idData is missing from every document (" +
                           std::to_string(objects_) +
                           " documents; the first has: " + (keys.empty() ? "no fields" : keys) + ")",
                       "schema-drift");
}

}  // namespace hamhub::jdih

#include "feed_cursor.h"

#include <hamhub/json.h>

namespace hamhub::jdih {

namespace {

std::string memberString(const JsonValue& object, const char* name) {
  const JsonValue* value = object.find(name);
  return value != nullptr && value->isString() ? value->asString() : std::string();
}

}  // namespace

FeedCursor FeedCursor::parse(const Cursor& cursor) {
  FeedCursor out;
  if (cursor.empty()) return out;
  auto parsed = parseJson(cursor);
  if (!parsed || !parsed->isObject()) return out;
  out.etag = memberString(*parsed, "etag");
  out.lastModified = memberString(*parsed, "last_modified");
  return out;
}

FeedCursor FeedCursor::fromResponse(const HttpResponse& response) {
  return {response.header("ETag"), response.header("Last-Modified")};
}

Cursor FeedCursor::serialise() const {
  JsonWriter writer;
  const auto field = [&writer](const char* name, const std::string& value) {
    writer.key(name);
    if (value.empty()) {
      writer.null();
    } else {
      writer.value(value);
    }
  };
  writer.beginObject();
  field("etag", etag);
  field("last_modified", lastModified);
  writer.endObject();
  return writer.take();
}

void FeedCursor::applyTo(HttpRequest& request) const {
  request.ifNoneMatch = etag;
  request.ifModifiedSince = lastModified;
}

}  // namespace hamhub::jdih

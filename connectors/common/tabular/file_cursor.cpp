#include "file_cursor.h"

#include <hamhub/json.h>

namespace hamhub::tabular {

FileCursor FileCursor::parse(const Cursor& cursor) {
  FileCursor out;
  if (cursor.empty()) return out;
  auto parsed = parseJson(cursor);
  if (!parsed || !parsed->isObject()) return out;
  if (const JsonValue* files = parsed->find("files"); files != nullptr && files->isObject()) {
    for (const auto& [hash, name] : files->asObject()) out.files[hash] = name.isString() ? name.asString() : "";
  }
  if (const JsonValue* etag = parsed->find("etag"); etag != nullptr && etag->isString()) out.etag = etag->asString();
  if (const JsonValue* modified = parsed->find("last_modified"); modified != nullptr && modified->isString()) {
    out.lastModified = modified->asString();
  }
  return out;
}

Cursor FileCursor::serialise() const {
  JsonWriter writer;
  writer.beginObject().key("files").beginObject();
  for (const auto& [hash, name] : files) writer.key(hash).value(name);
  writer.endObject();
  if (!etag.empty()) writer.key("etag").value(etag);
  if (!lastModified.empty()) writer.key("last_modified").value(lastModified);
  writer.endObject();
  return writer.take();
}

}  // namespace hamhub::tabular

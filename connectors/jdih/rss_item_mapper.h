#pragma once

#include <string>

#include <hamhub/json.h>

#include "rss_reader.h"

namespace hamhub::jdih {

/// An RSS/Atom item under JDIHN's field names, ready for normaliseDocument.
struct MappedItem {
  std::string key;  ///< guid, else Atom id, else link; "" when the item has none
  JsonValue fields = JsonValue(JsonValue::Object{});
};

/// Maps an item: key → idData, title → judul, link → urlDetailPeraturan, enclosure → urlDownload,
/// description/summary (tags stripped) → abstrak, pubDate/published/updated → lastUpdated (ISO
/// date), categories → subjek. Titles of the usual form "Peraturan Bupati X Nomor 3 Tahun 2024
/// tentang …" also give jenis, noPeraturan and tahun_pengundangan, so the record gets a period.
MappedItem mapFeedItem(const FeedItem& item);

}  // namespace hamhub::jdih

#pragma once

#include <map>
#include <string>

#include <hamhub/http.h>
#include <hamhub/record.h>

namespace hamhub::tabular {

/// A file source's cursor: the SHA-256 of every file harvested (with its name, for people
/// reading the cursor), and for a `url` source the validators of the last download:
/// `{"files":{"<sha256>":"kkpham-2024.xlsx"},"etag":"…","last_modified":"…"}`.
struct FileCursor {
  std::map<std::string, std::string> files;  ///< sha256 → file name
  std::string etag;
  std::string lastModified;

  /// An empty or damaged cursor is a first harvest.
  static FileCursor parse(const Cursor& cursor);
  Cursor serialise() const;
  bool harvested(const std::string& sha256) const { return files.count(sha256) > 0; }
};

}  // namespace hamhub::tabular

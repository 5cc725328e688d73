#pragma once

#include <cstdint>
#include <string>

#include <hamhub/connector.h>

#include "bad_rows.h"
#include "cursor_value.h"
#include "opd_options.h"
#include "row.h"

namespace hamhub::opd {

/// Reads a REST/JSON listing page by page (paging none, page, offset or next link), streaming
/// each page's items into rows. Stops at an empty page (or a missing next link); a listing longer
/// than max_pages, or a page that repeats the previous one (a server ignoring the paging
/// parameter), fails the run. With cursor_field, the stored cursor goes out as cursor_param and
/// `cursor` ends as the largest value read.
class RestReader {
 public:
  explicit RestReader(const RestSettings& settings) : settings_(settings) {}

  /// One request for the first page; its body must be JSON with the items where expected.
  Status check(Context& context) const;

  Status read(Context& context, CursorValue& cursor, RowConsumer& consumer, BadRows& badRows) const;

  /// True when the last read listed everything (not incremental).
  bool complete() const { return settings_.cursorField.empty(); }

 private:
  std::string pageUrl(std::int64_t pageIndex, const std::string& nextLink, const CursorValue& cursor) const;

  const RestSettings& settings_;
};

}  // namespace hamhub::opd

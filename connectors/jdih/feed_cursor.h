#pragma once

#include <string>

#include <hamhub/http.h>
#include <hamhub/record.h>

namespace hamhub::jdih {

/// The validators of the last harvested version of a feed, stored as the harvest cursor
/// `{"etag":…,"last_modified":…}` (null when the server sent none) and sent back as
/// If-None-Match / If-Modified-Since so an unchanged feed costs one 304.
struct FeedCursor {
  std::string etag;
  std::string lastModified;

  /// Reads a stored cursor; an empty, foreign or damaged one gives no validators (a full fetch).
  static FeedCursor parse(const Cursor& cursor);
  /// The validators a response carries.
  static FeedCursor fromResponse(const HttpResponse& response);

  Cursor serialise() const;
  void applyTo(HttpRequest& request) const;
};

}  // namespace hamhub::jdih

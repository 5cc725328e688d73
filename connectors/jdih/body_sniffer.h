#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <hamhub/http.h>
#include <hamhub/status.h>

namespace hamhub::jdih {

/// The reason a body handler returns to stop a transfer on purpose (a probe has read enough, an
/// HTML page is long enough to classify). The connector recognises it; it never leaves the plugin.
inline constexpr const char* kEnoughReason = "jdih-read-enough";
Status readEnough();
bool isReadEnough(const Status& status);

/// Offset of the first byte that is neither whitespace nor a UTF-8 byte-order mark; npos if none.
std::size_t firstSignificant(std::string_view head);

/// The literal `0 results` some JDIH sites answer for an empty feed (any case, any whitespace).
bool isZeroResults(std::string_view body);

/// A page's <title> text, spaces collapsed; "" when there is none.
std::string htmlTitle(std::string_view body);

/// True when `head` (the start of a body) is an HTML page rather than an XML feed.
bool looksLikeHtml(std::string_view head);

/// The error for a markup body where `expected` (e.g. "a JSON feed") was expected:
/// `maintenance-page` when it mentions a maintenance keyword, else `invalid-payload`.
Status markupError(std::string_view url, std::string_view body, const std::vector<std::string>& keywords,
                   std::string_view expected);

/// The error for a non-2xx response: `maintenance-page` when its body mentions a maintenance
/// keyword (a 500 or 403 that is really a maintenance notice), otherwise `checkHttpStatus`'s
/// classification (503 stays `maintenance-status` and mentions Retry-After).
Status httpStatusError(std::string_view url, const HttpResponse& response,
                       const std::vector<std::string>& keywords);

}  // namespace hamhub::jdih

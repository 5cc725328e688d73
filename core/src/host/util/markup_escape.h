#pragma once

#include <string>
#include <string_view>

namespace hamhub::host {

/// Text made safe inside XML or HTML, in element content and in quoted attributes alike: `& < > " '`
/// become entities, and the control characters XML 1.0 forbids (harvested names may carry them,
/// and one would make a spreadsheet unreadable) are dropped.
std::string escapeMarkup(std::string_view text);

}  // namespace hamhub::host

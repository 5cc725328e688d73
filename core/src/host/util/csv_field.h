#pragma once

#include <string>
#include <string_view>

namespace hamhub::host {

/// One CSV field as RFC 4180 wants it: quoted (quotes doubled) when it holds a comma, a quote or a
/// line break, as it is otherwise.
std::string csvField(std::string_view text);

}  // namespace hamhub::host

#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "hamhub/json.h"
#include "site_content.h"

namespace hamhub::sim {

/// `feed` (a JSON-array payload, its `items` set) with `rewrite` applied to each document, in its
/// envelope; a payload without items becomes `[]`. `behaviour` names the caller in the error
/// thrown for an item that is not JSON.
std::string rewrittenFeed(const Payload& feed, std::string_view behaviour,
                          const std::function<void(JsonValue& document)>& rewrite);

}  // namespace hamhub::sim

#pragma once

#include <string>

#include "site_content.h"

namespace hamhub::sim {

/// What the prefix of every title looks like in a legacy-cms feed, and what a reader should make
/// of it: "Caf\xE9 &amp; " (a Latin-1 byte and an HTML reference) means "Café & ".
inline constexpr const char* kLegacyTitlePrefix = "Caf\xE9 &amp; ";
inline constexpr const char* kLegacyTitlePrefixRead = "Caf\u00e9 & ";

/// The feed as an old PHP CMS on a Latin-1 database serves it: the same documents, each title
/// starting with kLegacyTitlePrefix, written as the raw bytes the database holds (not UTF-8) with
/// the HTML escaping its forms applied. `feed` is a JSON-array payload (its `items` set); one
/// without items becomes `[]`.
std::string legacyCmsFeed(const Payload& feed);

}  // namespace hamhub::sim

#pragma once

#include <string>

#include "site_content.h"

namespace hamhub::sim {

/// The feed as a site serves it after its CMS moved to a new API: the same documents, every field
/// renamed to an English snake_case name (idData → id_data, judul → title, noPeraturan → number, other
/// camelCase keys → snake_case), so a reader keyed on the JDIHN field names finds none of them while
/// the answer still looks like a list of documents. `feed` is a JSON-array payload (its `items` set);
/// one without items, such as a CSV export, becomes `[]`.
std::string driftedFeed(const Payload& feed);

}  // namespace hamhub::sim

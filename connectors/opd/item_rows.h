#pragma once

#include <string>
#include <utility>
#include <vector>

#include <hamhub/json.h>

#include "json_pointer.h"
#include "row.h"

namespace hamhub::opd {

/// An item of a JSON listing as a row: each mapped field is the value its pointer designates in
/// the item (null when it designates nothing: APIs leave out empty fields); without a mapping,
/// the item's own members. An item that is not an object cannot be read without a mapping: the
/// error says so and the caller treats the row as bad.
Result<Row> itemRow(JsonValue&& item, const std::vector<std::pair<std::string, JsonPointer>>& fields);

}  // namespace hamhub::opd

#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

#include "hamhub/json.h"

namespace hamhub::host {

/// Reads and parses a JSON file that may contain comments. Errors give the position; callers add
/// the file name (they know how the user referred to it).
Result<JsonValue> readJsonFile(const std::filesystem::path& file, std::size_t maxBytes = 4u * 1024 * 1024);

/// Reads a whole small file, refusing one over `maxBytes`.
Result<std::string> readSmallFile(const std::filesystem::path& file, std::size_t maxBytes);

}  // namespace hamhub::host

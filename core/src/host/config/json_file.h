#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "hamhub/json.h"
#include "host/config/config_issue.h"

namespace hamhub::host {

/// Reads and parses a JSON file that may contain comments. Errors give the position; callers add
/// the file name (they know how the user referred to it).
Result<JsonValue> readJsonFile(const std::filesystem::path& file, std::size_t maxBytes = 4u * 1024 * 1024);

/// One `*.json` file of a data directory (config/criteria) whose `"type"` is the one asked for.
struct TypedJsonFile {
  std::filesystem::path file;
  JsonValue json;
};

/// The `*.json` files in `dir`, sorted by name, whose top-level `"type"` is `type`. A missing
/// directory and files that do not parse are reported in `issues` (each reader of the directory
/// reports them; callers that read it for several types drop the repeats).
std::vector<TypedJsonFile> readTypedJsonFiles(const std::filesystem::path& dir, std::string_view type,
                                              ConfigIssues& issues);

/// Reads a whole small file, refusing one over `maxBytes`.
Result<std::string> readSmallFile(const std::filesystem::path& file, std::size_t maxBytes);

}  // namespace hamhub::host

#include "host/config/json_file.h"

#include <algorithm>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace hamhub::host {

Result<std::string> readSmallFile(const std::filesystem::path& file, std::size_t maxBytes) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) return Status::error("cannot read: " + ec.message(), "io");
  if (size > maxBytes) {
    return Status::error("file is " + std::to_string(size) + " bytes, more than the " +
                             std::to_string(maxBytes) + " allowed",
                         "too-large");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::error(std::string("cannot open: ") + std::strerror(errno), "io");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

Result<JsonValue> readJsonFile(const std::filesystem::path& file, std::size_t maxBytes) {
  auto text = readSmallFile(file, maxBytes);
  if (!text.isOk()) return text.status();
  JsonParseOptions options;
  options.allowComments = true;
  options.maxBytes = maxBytes;
  auto json = parseJson(*text, options);
  return json;
}

std::vector<TypedJsonFile> readTypedJsonFiles(const std::filesystem::path& dir, std::string_view type,
                                              ConfigIssues& issues) {
  std::vector<TypedJsonFile> out;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    issues.push_back({dir.string(), "", "directory does not exist"});
    return out;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  }
  // The same order, so the same messages, on every machine.
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    auto json = readJsonFile(file);
    if (!json.isOk()) {
      issues.push_back({file.string(), "", json.status().message()});
      continue;
    }
    const JsonValue* found = json->find("type");
    if (found == nullptr || !found->isString() || found->asString() != type) continue;
    out.push_back({file, std::move(json).value()});
  }
  return out;
}

}  // namespace hamhub::host

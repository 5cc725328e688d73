#include "host/config/json_file.h"

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

}  // namespace hamhub::host

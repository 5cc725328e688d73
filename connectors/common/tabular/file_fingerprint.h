#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include <hamhub/status.h>

namespace hamhub::tabular {

/// What identifies a file's content and notices a change: size, modification time and SHA-256.
struct FileFingerprint {
  std::uintmax_t size = 0;
  std::filesystem::file_time_type modified;
  std::string sha256;  ///< lower-case hex

  bool operator==(const FileFingerprint& other) const = default;
};

/// Reads the whole file once to hash it.
Result<FileFingerprint> fingerprint(const std::filesystem::path& path);

}  // namespace hamhub::tabular

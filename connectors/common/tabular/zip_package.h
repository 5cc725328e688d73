#pragma once

#include <cstdint>
#include <fstream>
#include <memory>
#include <string>

#include <hamhub/status.h>

#include "location.h"

namespace Poco::Zip {
class ZipArchive;
class ZipInputStream;
}  // namespace Poco::Zip

namespace hamhub::tabular {

/// Limits against zip bombs: an XLSX is a zip of XML parts that compress well, but not a
/// thousand to one, and a workbook an office exports is never gigabytes of XML.
struct ZipLimits {
  std::uint64_t maxEntryBytes = 1024ull * 1024 * 1024;      ///< uncompressed, one part
  std::uint64_t maxTotalBytes = 2048ull * 1024 * 1024;      ///< uncompressed, every part read
  std::uint64_t maxRatio = 200;                             ///< uncompressed / compressed, per part
  std::uint64_t ratioGraceBytes = 4ull * 1024 * 1024;       ///< small parts may compress better
};

class ZipPackage;

/// One part of the package, decompressed as it is read. The limits are enforced on the bytes
/// actually inflated, not on the sizes the archive claims.
class ZipEntryStream {
 public:
  ~ZipEntryStream();
  ZipEntryStream(const ZipEntryStream&) = delete;
  ZipEntryStream& operator=(const ZipEntryStream&) = delete;

  /// Reads up to `size` bytes; 0 at the end. Errors (a bomb, a damaged archive) name the part.
  Result<std::size_t> read(char* out, std::size_t size);
  const std::string& name() const { return name_; }

 private:
  friend class ZipPackage;
  ZipEntryStream(ZipPackage& package, std::string name, std::uint64_t compressedBytes);

  ZipPackage& package_;
  std::string name_;
  std::uint64_t compressedBytes_;
  std::uint64_t readBytes_ = 0;
  std::unique_ptr<Poco::Zip::ZipInputStream> stream_;
};

/// An OOXML package (a zip archive) opened from a file, its parts streamed on demand. Reads the
/// central directory only; no part is extracted to disk or held in memory.
class ZipPackage {
 public:
  /// Opens the file; "not a zip archive" when it does not start like one.
  static Result<std::unique_ptr<ZipPackage>> open(const std::string& path, const TableLocation& location,
                                                  const ZipLimits& limits = {});
  ~ZipPackage();
  ZipPackage(const ZipPackage&) = delete;
  ZipPackage& operator=(const ZipPackage&) = delete;

  bool has(const std::string& part) const;
  /// Opens a part for reading; one part at a time.
  Result<std::unique_ptr<ZipEntryStream>> openPart(const std::string& part);

  const TableLocation& location() const { return location_; }

 private:
  friend class ZipEntryStream;
  ZipPackage(TableLocation location, const ZipLimits& limits);
  Status account(const ZipEntryStream& entry, std::size_t bytes);

  TableLocation location_;
  ZipLimits limits_;
  std::ifstream file_;
  std::unique_ptr<Poco::Zip::ZipArchive> archive_;
  std::uint64_t totalBytes_ = 0;
};

}  // namespace hamhub::tabular

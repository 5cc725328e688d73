#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <hamhub/status.h>

#include "zip_package.h"

namespace hamhub::tabular {

/// Caps on the shared-strings table, the one part of a workbook that must be held whole (cells
/// refer to its entries by index). Exports with hundreds of thousands of distinct texts fit.
struct SharedStringLimits {
  std::size_t maxCount = 2'000'000;
  std::size_t maxBytes = 64u * 1024 * 1024;
};

/// xl/sharedStrings.xml, stored compactly: all texts in one buffer plus their offsets.
class SharedStrings {
 public:
  /// Reads the table; a workbook without one has none. Errors name the file and the cap.
  static Result<SharedStrings> read(ZipPackage& package, const SharedStringLimits& limits = {});

  std::size_t size() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  std::string_view at(std::size_t index) const {
    return std::string_view(text_).substr(offsets_[index], offsets_[index + 1] - offsets_[index]);
  }

 private:
  std::string text_;
  std::vector<std::uint32_t> offsets_{0};
};

}  // namespace hamhub::tabular

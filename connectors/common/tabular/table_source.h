#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "file_options.h"
#include "location.h"
#include "row_reader.h"

namespace hamhub::tabular {

/// The format of a file: the configured one, else its extension's; nullopt-like FromExtension
/// when the extension says nothing.
Format formatOf(const std::filesystem::path& file, Format configured);

/// The files of a drop folder worth reading, sorted by name: regular files in the folder itself
/// whose format is known, without hidden files, Office lock files (`~$…`) and partial
/// downloads (`.part`, `.tmp`, `.crdownload`).
std::vector<std::filesystem::path> listDropFolder(const std::filesystem::path& folder, Format configured);

/// Opens the reader for the file's format; for XLSX, selects the sheet and fills in
/// `location.sheet`.
Result<std::unique_ptr<RowReader>> openTable(const std::filesystem::path& file, Format format,
                                             const FileSettings& settings, TableLocation& location);

}  // namespace hamhub::tabular

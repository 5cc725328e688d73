#include "table_source.h"

#include <algorithm>

#include "csv_reader.h"
#include "json_rows_reader.h"
#include "text.h"
#include "xlsx_reader.h"

namespace hamhub::tabular {

Format formatOf(const std::filesystem::path& file, Format configured) {
  if (configured != Format::FromExtension) return configured;
  const std::string extension = foldHeader(file.extension().string());
  if (extension == ".xlsx") return Format::Xlsx;
  if (extension == ".csv" || extension == ".tsv" || extension == ".txt") return Format::Csv;
  if (extension == ".json") return Format::Json;
  return Format::FromExtension;
}

std::vector<std::filesystem::path> listDropFolder(const std::filesystem::path& folder, Format configured) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    if (!entry.is_regular_file(error)) continue;
    const std::string name = entry.path().filename().string();
    const std::string lower = foldHeader(name);
    if (name.starts_with('.') || name.starts_with("~$") || lower.ends_with(".part") || lower.ends_with(".tmp") ||
        lower.ends_with(".crdownload")) {
      continue;
    }
    // With a configured format only its files count: a folder of CSVs may hold a README.txt.
    if (configured != Format::FromExtension && formatOf(entry.path(), Format::FromExtension) != configured) continue;
    if (formatOf(entry.path(), configured) == Format::FromExtension) continue;
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

Result<std::unique_ptr<RowReader>> openTable(const std::filesystem::path& file, Format format,
                                             const FileSettings& settings, TableLocation& location) {
  switch (format) {
    case Format::Xlsx: {
      auto reader = XlsxReader::open(file.string(), location, settings.sheet);
      if (!reader) return reader.status();
      return std::unique_ptr<RowReader>(std::move(reader).value());
    }
    case Format::Csv: {
      CsvSettings csv = settings.csv;
      if (csv.delimiter == 0 && foldHeader(file.extension().string()) == ".tsv") csv.delimiter = '\t';
      auto reader = CsvReader::open(file.string(), location, csv);
      if (!reader) return reader.status();
      return std::unique_ptr<RowReader>(std::move(reader).value());
    }
    case Format::Json: {
      location.lettered = false;
      auto reader = JsonRowsReader::open(file.string(), location);
      if (!reader) return reader.status();
      return std::unique_ptr<RowReader>(std::move(reader).value());
    }
    case Format::FromExtension:
      break;
  }
  return Status::error(location.where() + ": unknown format; set format to xlsx, csv or json", "invalid-option");
}

}  // namespace hamhub::tabular

#pragma once

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "location.h"
#include "row_reader.h"

namespace hamhub::tabular {

/// The text encodings a CSV export comes in. Auto: UTF-8 (a BOM is skipped), unless the first
/// non-ASCII bytes are not valid UTF-8, in which case the file is Windows-1252 (what Excel on an
/// Indonesian Windows writes by default).
enum class CsvEncoding { Auto, Utf8, Utf8Bom, Windows1252 };

struct CsvSettings {
  CsvEncoding encoding = CsvEncoding::Auto;
  char delimiter = 0;  ///< 0: detect among `,` `;` tab `|` from the first lines
};

/// An RFC 4180 reader: quoted fields with doubled quotes, delimiters and line breaks inside
/// quotes, CRLF or LF line ends. Reads the file in fixed-size chunks; a row is the only thing
/// held. Every cell is Text (or Empty).
class CsvReader final : public RowReader {
 public:
  /// Opens the file; errors name it.
  static Result<std::unique_ptr<CsvReader>> open(const std::string& path, const TableLocation& location,
                                                 const CsvSettings& settings);

  Result<bool> next(Row& row) override;

  char delimiter() const { return delimiter_; }
  /// The encoding in use: Auto until the first non-ASCII text decided it.
  CsvEncoding encoding() const { return encoding_; }

 private:
  CsvReader(const TableLocation& location, CsvEncoding encoding);
  Status fill();
  Status finishField(Row& row, std::size_t record);
  static char detectDelimiter(std::string_view sample);

  TableLocation location_;
  std::ifstream in_;
  CsvEncoding encoding_;
  char delimiter_ = ',';
  std::vector<char> buffer_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  std::size_t record_ = 0;
  std::string field_;
  bool fieldQuoted_ = false;
};

}  // namespace hamhub::tabular

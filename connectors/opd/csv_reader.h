#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include <hamhub/status.h>

namespace hamhub::opd {

/// A small RFC 4180 reader: fields separated by `delimiter`, optionally in double quotes (a quote
/// inside doubled, line breaks allowed inside), lines ending in LF or CRLF, a UTF-8 byte-order
/// mark ignored. Blank lines are skipped. `onRecord` gets each record's cells and the line it
/// started on; its error stops the reading and is returned. An unterminated quote is an error
/// with reason `invalid-payload`.
using CsvRecordHandler = std::function<Status(std::vector<std::string>&& cells, std::size_t line)>;
Status readCsv(std::istream& in, char delimiter, const CsvRecordHandler& onRecord);

}  // namespace hamhub::opd

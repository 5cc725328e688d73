#include "csv_reader.h"

#include <array>
#include <cstring>

#include <hamhub/utf8.h>

#include "text.h"

namespace hamhub::tabular {

namespace {

constexpr std::size_t kChunkBytes = 256 * 1024;
// A cell of a megabyte is a broken quote swallowing the file, not data; say so early.
constexpr std::size_t kMaxFieldBytes = 1024 * 1024;
// Excel's own limit is 16384 columns.
constexpr std::size_t kMaxColumns = 16384;
constexpr std::size_t kDetectLines = 20;

bool hasNonAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

}  // namespace

CsvReader::CsvReader(const TableLocation& location, CsvEncoding encoding)
    : location_(location), encoding_(encoding), buffer_(kChunkBytes) {}

Result<std::unique_ptr<CsvReader>> CsvReader::open(const std::string& path, const TableLocation& location,
                                                   const CsvSettings& settings) {
  std::unique_ptr<CsvReader> reader(new CsvReader(location, settings.encoding));
  reader->in_.open(path, std::ios::binary);
  if (!reader->in_) return Status::error(location.where() + ": cannot open the file", "io");
  if (Status filled = reader->fill(); !filled) return filled;
  const std::string_view head(reader->buffer_.data(), reader->end_);
  const bool bom = head.starts_with("\xEF\xBB\xBF");
  if (bom) {
    reader->pos_ = 3;
    if (settings.encoding == CsvEncoding::Windows1252) {
      return Status::error(location.where() + ": encoding is set to windows-1252 but the file starts with a UTF-8 byte-order mark",
                           "invalid-payload");
    }
    reader->encoding_ = CsvEncoding::Utf8;
  } else if (settings.encoding == CsvEncoding::Utf8Bom) {
    return Status::error(location.where() + ": encoding is set to utf-8-bom but the file has no byte-order mark",
                         "invalid-payload");
  }
  reader->delimiter_ = settings.delimiter != 0 ? settings.delimiter : detectDelimiter(head.substr(reader->pos_));
  return reader;
}

Status CsvReader::fill() {
  if (pos_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  if (eof_ || end_ == buffer_.size()) return Status::ok();
  in_.read(buffer_.data() + end_, static_cast<std::streamsize>(buffer_.size() - end_));
  const auto got = static_cast<std::size_t>(in_.gcount());
  end_ += got;
  if (in_.bad()) return Status::error(location_.where() + ": read error", "io");
  if (got == 0 || in_.eof()) eof_ = true;
  return Status::ok();
}

char CsvReader::detectDelimiter(std::string_view sample) {
  // Per candidate, its count on each of the first lines (outside quotes). The delimiter is the
  // candidate found on the first line whose count stays the same on most lines; ties go to the
  // larger count.
  static constexpr std::array<char, 4> kCandidates = {',', ';', '\t', '|'};
  std::array<std::vector<std::size_t>, 4> counts;
  std::array<std::size_t, 4> current{};
  bool quoted = false;
  std::size_t lines = 0;
  for (std::size_t i = 0; i < sample.size() && lines < kDetectLines; ++i) {
    const char c = sample[i];
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && (c == '\n' || c == '\r')) {
      if (c == '\r' && i + 1 < sample.size() && sample[i + 1] == '\n') ++i;
      for (std::size_t k = 0; k < kCandidates.size(); ++k) counts[k].push_back(std::exchange(current[k], 0));
      ++lines;
    } else if (!quoted) {
      for (std::size_t k = 0; k < kCandidates.size(); ++k) current[k] += c == kCandidates[k] ? 1 : 0;
    }
  }
  if (lines < kDetectLines) {
    for (std::size_t k = 0; k < kCandidates.size(); ++k) counts[k].push_back(current[k]);
  }
  char best = ',';
  std::size_t bestAgree = 0;
  std::size_t bestCount = 0;
  for (std::size_t k = 0; k < kCandidates.size(); ++k) {
    if (counts[k].empty() || counts[k][0] == 0) continue;
    std::size_t agree = 0;
    for (std::size_t n : counts[k]) agree += n == counts[k][0] ? 1 : 0;
    if (agree > bestAgree || (agree == bestAgree && counts[k][0] > bestCount)) {
      best = kCandidates[k];
      bestAgree = agree;
      bestCount = counts[k][0];
    }
  }
  return best;
}

Status CsvReader::finishField(Row& row, std::size_t record) {
  const std::size_t column = row.cells.size();
  if (column >= kMaxColumns) {
    return Status::error(location_.where(record) + ": more than " + std::to_string(kMaxColumns) + " columns",
                         "invalid-payload");
  }
  Cell& cell = row.cells.emplace_back();
  if (field_.empty()) {
    cell.type = CellType::Empty;
    return Status::ok();
  }
  cell.type = CellType::Text;
  if (encoding_ == CsvEncoding::Windows1252) {
    if (hasNonAscii(field_)) {
      appendWindows1252AsUtf8(cell.text, field_);
      return Status::ok();
    }
  } else if (hasNonAscii(field_)) {
    if (!isValidUtf8(field_)) {
      if (encoding_ == CsvEncoding::Auto) {
        encoding_ = CsvEncoding::Windows1252;
        appendWindows1252AsUtf8(cell.text, field_);
        return Status::ok();
      }
      return Status::error(location_.where(record, column, {}) +
                               ": the text is not valid UTF-8 (set encoding to windows-1252 if the file is an "
                               "Excel CSV export from Windows)",
                           "invalid-payload");
    }
    if (encoding_ == CsvEncoding::Auto) encoding_ = CsvEncoding::Utf8;
  }
  cell.text.swap(field_);
  return Status::ok();
}

Result<bool> CsvReader::next(Row& row) {
  for (;;) {
    row.clear();
    field_.clear();
    fieldQuoted_ = false;
    bool inQuotes = false;
    bool afterQuote = false;  // the closing quote of a quoted field was just read
    bool any = false;         // this record has at least one character
    const std::size_t record = ++record_;
    bool done = false;
    bool needMore = false;  // a quote or CR at the end of the buffer needs the next byte
    while (!done) {
      if (pos_ == end_ || needMore) {
        needMore = false;
        if (Status filled = fill(); !filled) return filled;
        if (pos_ == end_) {
          if (inQuotes) {
            return Status::error(location_.where(record) + ": a quoted cell is not closed before the end of the file",
                                 "invalid-payload");
          }
          if (!any) return false;
          done = true;
          break;
        }
      }
      const char* data = buffer_.data();
      while (pos_ < end_) {
        const char c = data[pos_];
        if (inQuotes) {
          if (c == '"') {
            // A quote inside quotes is either the end or the first of a doubled quote; look ahead.
            if (pos_ + 1 == end_ && !eof_) {
              needMore = true;
              break;
            }
            if (pos_ + 1 < end_ && data[pos_ + 1] == '"') {
              field_.push_back('"');
              pos_ += 2;
            } else {
              inQuotes = false;
              afterQuote = true;
              ++pos_;
            }
            continue;
          }
          // Copy the run up to the next quote at once: quoted cells are often long.
          const char* quote = static_cast<const char*>(std::memchr(data + pos_, '"', end_ - pos_));
          const std::size_t stop = quote != nullptr ? static_cast<std::size_t>(quote - data) : end_;
          field_.append(data + pos_, stop - pos_);
          pos_ = stop;
        } else if (c == delimiter_) {
          if (Status s = finishField(row, record); !s) return s;
          field_.clear();
          afterQuote = false;
          any = true;
          ++pos_;
        } else if (c == '\n' || c == '\r') {
          if (c == '\r') {
            if (pos_ + 1 == end_ && !eof_) {
              needMore = true;
              break;
            }
            if (pos_ + 1 < end_ && data[pos_ + 1] == '\n') ++pos_;
          }
          ++pos_;
          done = true;
          break;
        } else if (c == '"' && field_.empty() && !afterQuote) {
          inQuotes = true;
          any = true;
          ++pos_;
        } else {
          // Plain text up to the next special byte, at once. Text after a closing quote
          // (`"a"b`) is kept as written: lenient, as Excel is.
          std::size_t stop = pos_ + 1;
          while (stop < end_) {
            const char d = data[stop];
            if (d == delimiter_ || d == '\n' || d == '\r' || d == '"') break;
            ++stop;
          }
          field_.append(data + pos_, stop - pos_);
          any = true;
          pos_ = stop;
        }
        if (field_.size() > kMaxFieldBytes) {
          return Status::error(location_.where(record, row.cells.size(), {}) + ": a cell is longer than " +
                                   std::to_string(kMaxFieldBytes / 1024) + " KiB (an unclosed quote?)",
                               "invalid-payload");
        }
      }
    }
    if (!any) continue;  // an empty line
    if (Status s = finishField(row, record); !s) return s;
    row.number = record;
    if (row.blank()) continue;
    return true;
  }
}

}  // namespace hamhub::tabular

#include "file_harvester.h"

#include <cctype>
#include <fstream>
#include <unistd.h>

#include "column_map.h"
#include "file_fingerprint.h"
#include "key_set.h"
#include "table_source.h"
#include "text.h"

namespace hamhub::tabular {

namespace {

constexpr std::size_t kCancelCheckRows = 1024;

// A download's temporary file, removed however the harvest ends.
class TempFile {
 public:
  explicit TempFile(std::string_view sourceId) {
    std::string safe;
    for (char c : sourceId) safe.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
    std::string pattern = (std::filesystem::temp_directory_path() / ("hamhub-" + safe + "-XXXXXX")).string();
    const int fd = mkstemp(pattern.data());
    if (fd >= 0) {
      ::close(fd);
      path_ = pattern;
    }
  }
  ~TempFile() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove(path_, ignored);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

std::string lastSegment(const std::string& url) {
  const std::string path = url.substr(0, url.find_first_of("?#"));
  const std::size_t slash = path.find_last_of('/');
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  return name.empty() ? url : name;
}

}  // namespace

FileHarvester::FileHarvester(const FileSettings& settings, TableMapper& mapper, Context& context, RecordSink& sink)
    : settings_(settings), mapper_(mapper), context_(context), sink_(sink) {}

void FileHarvester::fail(const Status& failure) {
  if (failures_.empty()) failureReason_ = failure.reason();
  failures_.push_back(failure.message());
}

Result<HarvestResult> FileHarvester::run(const Cursor& cursorText) {
  FileCursor cursor = FileCursor::parse(cursorText);
  if (!settings_.url.empty()) {
    TempFile temp(context_.sourceId());
    if (temp.path().empty()) return Status::error("cannot create a temporary file for the download", "io");
    auto file = download(cursor, temp.path());
    if (!file) return file.status();
    if (*file) {
      if (Status s = harvestFile(**file, cursor, true); !s) return s;
    }
  } else {
    std::error_code error;
    const std::filesystem::path path(settings_.path);
    if (std::filesystem::is_directory(path, error)) {
      const auto files = listDropFolder(path, settings_.format);
      for (std::size_t i = 0; i < files.size(); ++i) {
        const SourceFile file{files[i], files[i].filename().string()};
        if (Status s = harvestFile(file, cursor, i + 1 == files.size()); !s) return s;
      }
    } else if (std::filesystem::is_regular_file(path, error)) {
      if (Status s = harvestFile(SourceFile{path, path.filename().string()}, cursor, true); !s) return s;
    } else {
      return Status::error(settings_.path + ": no such file or folder", "io");
    }
  }
  if (!failures_.empty()) {
    std::string message;
    for (const auto& f : failures_) message += (message.empty() ? "" : "\n") + f;
    return Status::error(std::move(message), failureReason_);
  }
  return HarvestResult{cursor.serialise(), {}};
}

Status FileHarvester::harvestFile(const SourceFile& file, FileCursor& cursor, bool last) {
  auto before = fingerprint(file.path);
  if (!before) {
    fail(before.status());
    return Status::ok();
  }
  if (cursor.harvested(before->sha256)) {
    context_.log().debug(file.name + ": harvested before (same content), skipped");
    return Status::ok();
  }
  // Skip: one pass. Reject: a bad row must leave nothing of its file stored while the files before
  // and after it in a drop folder are still stored, so the file is read once to find bad rows and
  // again to emit. The last file of a run (and a single file or download) needs no first pass:
  // its rows are only pending until the end of the run, and a bad row fails the run, which drops them.
  const bool validateFirst = settings_.onBadRow == BadRowPolicy::Reject && !last;
  FileReport report;
  Status read = readFile(file, !validateFirst, report);
  if (report.fatal) return read;
  if (read && validateFirst && report.badRows == 0) {
    FileReport emitted;
    read = readFile(file, true, emitted);
    if (emitted.fatal) return read;
    report.emitted = emitted.emitted;
  }
  auto after = fingerprint(file.path);
  if (!after || !(*after == *before)) {
    return Status::error(file.name + ": the file changed while it was read (its size, time or content differ); "
                                     "nothing from it is stored; it is read again at the next harvest",
                         "io");
  }
  if (!read) {
    // Records of a skip-mode pass that stopped half-way are pending: only failing the run drops them.
    if (report.emitted > 0) return read;
    fail(read);
    return Status::ok();
  }
  if (report.badRows > 0 && settings_.onBadRow == BadRowPolicy::Reject) {
    std::string message = file.name + ": " + std::to_string(report.badRows) + " bad row" +
                          (report.badRows == 1 ? "" : "s") + "; nothing from this file is stored (on_bad_row reject)";
    for (const auto& e : report.errors) message += "\n  " + e;
    if (report.badRows > report.errors.size()) {
      message += "\n  … and " + std::to_string(report.badRows - report.errors.size()) + " more";
    }
    fail(Status::error(std::move(message), "invalid-payload"));
    return Status::ok();
  }
  cursor.files[before->sha256] = file.name;
  if (Status committed = sink_.checkpoint(cursor.serialise()); !committed) return committed;
  context_.log().info(file.name + ": " + std::to_string(report.items) + " items, " + std::to_string(report.emitted) +
                      " records" +
                      (report.badRows > 0 ? ", " + std::to_string(report.badRows) + " bad rows skipped" : std::string()));
  return Status::ok();
}

Status FileHarvester::readFile(const SourceFile& file, bool emit, FileReport& report) {
  TableLocation location;
  location.file = file.name;
  auto reader = openTable(file.path, formatOf(file.path, settings_.format), settings_, location);
  if (!reader) return reader.status();

  Row row;
  bool haveHeader = false;
  for (;;) {
    auto more = (*reader)->next(row);
    if (!more) return more.status();
    if (!*more) break;
    // Row 0 is the header a JSON reader makes of the first object's keys.
    if (row.number == 0 || row.number == settings_.headerRow) {
      haveHeader = true;
      break;
    }
    if (row.number > settings_.headerRow) {
      return Status::error(location.where(settings_.headerRow) + ": the header row (header_row " +
                               std::to_string(settings_.headerRow) + ") is empty",
                           "schema-drift");
    }
  }
  if (!haveHeader) {
    return Status::error(location.where() + ": no header row (header_row " + std::to_string(settings_.headerRow) +
                             "): the table is empty",
                         "schema-drift");
  }
  auto map = ColumnMap::build(row, mapper_.fields(), settings_, mapper_.itemField(), mapper_.valueField(),
                              [this](std::string_view header) { return mapper_.checkItemHeader(header); }, location);
  if (!map) return map.status();

  mapper_.startFile();
  KeySet keys;
  keys_ = &keys;
  std::size_t rows = 0;
  const bool wide = settings_.layout == Layout::Wide;
  for (;;) {
    auto more = (*reader)->next(row);
    if (!more) return more.status();
    if (!*more) break;
    if (++rows > settings_.maxRows) {
      return Status::error(location.where(row.number) + ": more than max_rows (" + std::to_string(settings_.maxRows) +
                               ") rows",
                           "too-large");
    }
    if (rows % kCancelCheckRows == 0 && context_.cancelled()) {
      report.fatal = true;
      return Status::error("harvest cancelled", "cancelled");
    }
    if (!wide) {
      if (Status s = handleItem(Item(row, *map, location, std::nullopt, 0, 0), emit, location, report); !s) return s;
      continue;
    }
    for (std::size_t column : map->itemColumns()) {
      if (trim(row.at(column).text).empty()) continue;  // nothing reported for this item
      Item item(row, *map, location, column, mapper_.itemField(), mapper_.valueField());
      if (Status s = handleItem(item, emit, location, report); !s) return s;
    }
  }
  keys_ = nullptr;
  return Status::ok();
}

Status FileHarvester::handleItem(const Item& item, bool emit, const TableLocation& location, FileReport& report) {
  records_.clear();
  Status mapped = mapper_.map(item, records_);
  if (mapped && !records_.empty()) {
    const std::size_t first = keys_->insert(records_.front().kind, records_.front().key, item.row());
    if (first != 0) {
      mapped = item.error("duplicates row " + std::to_string(first) + " (the same " + records_.front().kind + " " +
                          quote(records_.front().key) + ")");
    }
  }
  if (!mapped) {
    ++report.badRows;
    if (report.errors.size() < settings_.maxErrors) report.errors.push_back(mapped.message());
    if (emit) sink_.reject(location.file + ":" + std::to_string(item.row()), mapped.message());
    return Status::ok();
  }
  ++report.items;
  if (!emit) return Status::ok();
  for (Record& record : records_) {
    if (Status s = sink_.emit(std::move(record)); !s) {
      report.fatal = true;
      return s;
    }
    ++report.emitted;
  }
  return Status::ok();
}

Result<std::optional<FileHarvester::SourceFile>> FileHarvester::download(FileCursor& cursor,
                                                                        const std::filesystem::path& target) {
  std::ofstream out(target, std::ios::binary | std::ios::trunc);
  if (!out) return Status::error("cannot write the temporary file " + target.string(), "io");
  HttpRequest request;
  request.url = settings_.url;
  request.ifNoneMatch = cursor.etag;
  request.ifModifiedSince = cursor.lastModified;
  auto response = context_.http().fetch(request, [&out, &target](std::string_view chunk) {
    out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    return out ? Status::ok() : Status::error("cannot write the temporary file " + target.string(), "io");
  });
  if (!response) return response.status();
  if (response->notModified()) {
    context_.log().debug(settings_.url + ": not modified since the last harvest");
    return std::optional<SourceFile>();
  }
  if (Status s = checkHttpStatus(*response, settings_.url); !s) return s;
  out.close();
  if (!out) return Status::error("cannot write the temporary file " + target.string(), "io");
  cursor.etag = response->header("ETag");
  cursor.lastModified = response->header("Last-Modified");
  return std::optional<SourceFile>(SourceFile{target, lastSegment(response->finalUrl.empty() ? settings_.url : response->finalUrl)});
}

Status FileHarvester::check(const FileSettings& settings, Context& context) {
  if (settings.url.empty()) {
    std::error_code error;
    if (std::filesystem::exists(settings.path, error)) return Status::ok();
    return Status::error(settings.path + ": no such file or folder", "io");
  }
  HttpRequest request;
  request.url = settings.url;
  // The first chunk is proof enough; stopping there keeps a probe cheap for a large export. No
  // export (CSV, XLSX, JSON) starts with '<': that is an HTML page, e.g. a maintenance notice
  // served with status 200, which the host tells apart by its words.
  auto response = context.http().fetch(request, [&](std::string_view chunk) {
    std::size_t at = chunk.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    while (at < chunk.size() && (chunk[at] == ' ' || chunk[at] == '\t' || chunk[at] == '\r' || chunk[at] == '\n')) ++at;
    if (at < chunk.size() && chunk[at] == '<') {
      return Status::error(settings.url + ": answered with an HTML page where an export (CSV, XLSX or JSON) was expected",
                           "invalid-payload");
    }
    return Status::error("read enough", "read-enough");
  });
  if (!response) return response.status().reason() == "read-enough" ? Status::ok() : response.status();
  return checkHttpStatus(*response, settings.url);
}

}  // namespace hamhub::tabular

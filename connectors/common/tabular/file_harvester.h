#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <hamhub/connector.h>

#include "file_cursor.h"
#include "file_options.h"
#include "key_set.h"
#include "location.h"
#include "table_mapper.h"

namespace hamhub::tabular {

/// The harvest every file connector shares. Finds the files (one file, each new or changed file
/// of a drop folder, or a download), skips those whose SHA-256 the cursor lists, reads each,
/// matches its header to the mapping and hands every item to the connector's TableMapper.
///
/// Bad rows: with `on_bad_row` reject, a file is first read without emitting anything; a file
/// with any bad row then stores nothing and the run fails listing the errors (other files are
/// still harvested). With skip, good rows are stored and each bad one goes to `sink.reject`.
/// Each good file is committed with the cursor that lists it (a checkpoint), so a later failure
/// loses nothing stored before. A file that changes while it is read fails the run.
class FileHarvester {
 public:
  FileHarvester(const FileSettings& settings, TableMapper& mapper, Context& context, RecordSink& sink);

  Result<HarvestResult> run(const Cursor& cursor);

  /// Is the file or folder there, or does the URL answer? One request at most.
  static Status check(const FileSettings& settings, Context& context);

 private:
  struct SourceFile {
    std::filesystem::path path;
    std::string name;  // as the operator knows it: the file name, or the URL's last segment
  };
  struct FileReport {
    std::vector<std::string> errors;  // capped at max_errors
    std::size_t badRows = 0;
    std::size_t items = 0;
    std::size_t emitted = 0;
    bool fatal = false;  // the harvest must stop (store failure, cancellation)
  };

  /// `last`: no other file follows in this run (see the bad-row policy in the .cpp).
  Status harvestFile(const SourceFile& file, FileCursor& cursor, bool last);
  Status readFile(const SourceFile& file, bool emit, FileReport& report);
  Status handleItem(const Item& item, bool emit, const TableLocation& location, FileReport& report);
  Result<std::optional<SourceFile>> download(FileCursor& cursor, const std::filesystem::path& target);
  void fail(const Status& failure);

  const FileSettings& settings_;
  TableMapper& mapper_;
  Context& context_;
  RecordSink& sink_;
  std::vector<Record> records_;
  KeySet* keys_ = nullptr;  // the keys of the file being read
  std::vector<std::string> failures_;
  std::string failureReason_;
};

}  // namespace hamhub::tabular

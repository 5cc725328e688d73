#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <Poco/Timestamp.h>

#include "hamhub/json.h"
#include "rng.h"
#include "site_content.h"

namespace hamhub::sim {

/// One row of an export: cells in the order of its table's columns.
using Row = std::vector<std::string>;

/// How a table export is written.
enum class TableFormat {
  kCsvUtf8Bom,  ///< ';'-separated, UTF-8 with a byte-order mark: what Excel's "CSV UTF-8" writes
  kJson,        ///< a JSON array of flat objects (numeric columns as numbers, empty cells as null)
};

/// The export a generator describes.
struct TableShape {
  std::vector<std::string> columns;
  std::vector<bool> numeric;  ///< per column: written as a JSON number (JSON exports only)
  TableFormat format = TableFormat::kJson;
};

/// What an application export looks like (KKPHAM, SAPA-HAM, an OPD system, an SKM survey): its
/// columns, its rows from a seed, and the hamhub options that map it. Deterministic and thread-safe.
class TableGenerator {
 public:
  virtual ~TableGenerator() = default;
  /// Also the hamhub connector that reads it.
  virtual std::string_view kind() const = 0;
  /// What users read in the home page and source description, e.g. "Ekspor KKPHAM 2024".
  virtual std::string title() const = 0;
  virtual std::string primaryPath() const = 0;
  virtual TableShape shape() const = 0;
  virtual std::vector<Row> rows() const = 0;
  /// The n-th row that was not there before (mutations, oversized bodies).
  virtual Row extraRow(std::uint64_t n) const = 0;
  /// Changes a value the way a resubmission would.
  virtual void revise(Row& row, Rng& rng) const = 0;
  /// The row's natural key as the connector will see it (reported by mutations).
  virtual std::string keyOf(const Row& row) const = 0;
  /// The source options (besides `url`) that make the connector read this export.
  virtual JsonValue sourceOptions() const = 0;
  /// JSON exports only: text around the array, for APIs that wrap it ({"data":{"items":[…]},…}).
  virtual std::pair<std::string, std::string> envelope(std::size_t total) const {
    (void)total;
    return {};
  }
};

/// A site that publishes one table export at the generator's path and a home page at "/".
class TableContent : public SiteContent {
 public:
  TableContent(std::unique_ptr<TableGenerator> generator, Poco::Timestamp lastModified);

  std::string_view kind() const override { return generator_->kind(); }
  std::string primaryPath() const override { return generator_->primaryPath(); }
  std::shared_ptr<const ContentSnapshot> snapshot() const override;
  /// Revises, removes and appends rows; the export's ETag and Last-Modified change with its bytes.
  MutationResult mutate(const Mutation& mutation) override;
  std::string extraItem(std::uint64_t n) const override;
  JsonValue sourceOptions() const override { return generator_->sourceOptions(); }
  std::string title() const override { return generator_->title(); }

 private:
  std::shared_ptr<const ContentSnapshot> build(std::uint64_t version, Poco::Timestamp lastModified) const;
  std::string jsonRow(const Row& row) const;

  std::unique_ptr<TableGenerator> generator_;
  TableShape shape_;
  mutable std::mutex mutex_;
  std::vector<Row> rows_;
  std::uint64_t nextExtra_ = 0;
  std::shared_ptr<const ContentSnapshot> snapshot_;
};

/// A CSV field, quoted when it holds the separator, a quote or a line break.
std::string csvField(std::string_view value, char separator);

}  // namespace hamhub::sim

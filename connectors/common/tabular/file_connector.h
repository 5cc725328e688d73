#pragma once

#include <memory>
#include <string>
#include <vector>

#include <hamhub/connector.h>

#include "file_harvester.h"
#include "file_options.h"
#include "table_mapper.h"

namespace hamhub::tabular {

/// A connector made of the shared file harvest and a connector's TableMapper: configure reads
/// the shared file options and then the connector's own; check and harvest are the
/// FileHarvester's.
class FileConnector : public Connector {
 public:
  Status configure(const Options& options) override;
  Status check(Context& context) override;
  Result<HarvestResult> harvest(Context& context, const Cursor& cursor, RecordSink& sink) override;

 protected:
  /// The names `columns` may use.
  virtual std::vector<std::string> fieldNames() const = 0;
  /// Reads and checks the connector's own options (after the shared ones, in `settings()`).
  virtual Status configureOwn(const Options& options) = 0;
  /// A mapper for one harvest.
  virtual std::unique_ptr<TableMapper> makeMapper(Context& context) const = 0;

  const FileSettings& settings() const { return settings_; }

 private:
  FileSettings settings_;
  bool configured_ = false;
};

}  // namespace hamhub::tabular

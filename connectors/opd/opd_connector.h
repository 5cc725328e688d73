#pragma once

#include <optional>

#include <hamhub/connector.h>

#include "opd_options.h"
#include "sql_reader.h"

namespace hamhub::opd {

/// Harvests a regional OPD's own systems: a REST/JSON API (`mode: rest`) or a database
/// (`mode: sql`) into `opd.row` records, or SKM survey results (`mode: skm`, from a file or
/// either of the other two) into `skm.ikm` records, one per unit and period.
class OpdConnector : public Connector {
 public:
  Status configure(const Options& options) override;
  Status check(Context& context) override;
  Result<HarvestResult> harvest(Context& context, const Cursor& cursor, RecordSink& sink) override;

 private:
  Result<HarvestResult> harvestSql(Context& context, const Cursor& cursor, RecordSink& sink);

  Settings settings_;
  std::optional<SqlReader> sql_;
  bool configured_ = false;
};

}  // namespace hamhub::opd

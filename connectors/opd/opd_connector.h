#pragma once

#include <optional>

#include <hamhub/connector.h>

#include "bad_rows.h"
#include "cursor_value.h"
#include "opd_options.h"
#include "rest_reader.h"
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
  /// Streams the configured source's rows into `consumer`; `cursor` as in the readers.
  Status readRows(Context& context, CursorValue& cursor, RowConsumer& consumer, BadRows& badRows);
  Result<HarvestResult> harvestRows(Context& context, const Cursor& cursor, RecordSink& sink);
  Result<HarvestResult> harvestSkm(Context& context, RecordSink& sink);

  Settings settings_;
  std::optional<SqlReader> sql_;
  std::optional<RestReader> rest_;
  bool configured_ = false;
};

}  // namespace hamhub::opd

#include "opd_connector.h"

#include "bad_rows.h"
#include "cursor_value.h"
#include "row_records.h"

namespace hamhub::opd {

namespace {

Status notConfigured() { return Status::error("the opd connector was not configured", "invalid-option"); }

}  // namespace

Status OpdConnector::configure(const Options& options) {
  configured_ = false;
  auto settings = readSettings(options);
  if (!settings) return settings.status();
  settings_ = std::move(settings).value();
  sql_.reset();
  if (settings_.readsSql()) {
    auto reader = SqlReader::create(settings_.sql);
    if (!reader) return reader.status();
    sql_.emplace(std::move(reader).value());
  }
  if (settings_.mode != Mode::Sql)
    return Status::error("mode rest and skm are not available in this build of the opd connector", "invalid-option");
  configured_ = true;
  return Status::ok();
}

Status OpdConnector::check(Context& context) {
  if (!configured_) return notConfigured();
  return sql_->check(context);
}

Result<HarvestResult> OpdConnector::harvest(Context& context, const Cursor& cursor, RecordSink& sink) {
  if (!configured_) return notConfigured();
  return harvestSql(context, cursor, sink);
}

Result<HarvestResult> OpdConnector::harvestSql(Context& context, const Cursor& cursor, RecordSink& sink) {
  const bool incremental = !settings_.sql.cursorColumn.empty();
  CursorValue position = incremental ? CursorValue::parse(cursor) : CursorValue();
  BadRows badRows(settings_.onBadRow, sink);
  RowRecords records(context, sink, settings_.roles, badRows);
  if (Status st = sql_->read(context, position, records); !st) return st;
  if (!incremental) return HarvestResult{{}, {kRowKind}};
  // An incremental run lists only what changed: never a reason to withdraw the rest.
  return HarvestResult{position.serialise(), {}};
}

}  // namespace hamhub::opd

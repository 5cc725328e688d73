#include "opd_connector.h"

#include <filesystem>

#include "row_records.h"
#include "skm_aggregator.h"
#include "survey_file.h"

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
  rest_.reset();
  if (settings_.readsSql()) {
    auto reader = SqlReader::create(settings_.sql);
    if (!reader) return reader.status();
    sql_.emplace(std::move(reader).value());
  }
  if (settings_.readsRest()) rest_.emplace(settings_.rest);
  configured_ = true;
  return Status::ok();
}

Status OpdConnector::check(Context& context) {
  if (!configured_) return notConfigured();
  if (sql_) return sql_->check(context);
  if (rest_) return rest_->check(context);
  const std::filesystem::path file(settings_.skm.file);
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error))
    return Status::error(settings_.skm.file + ": the survey file does not exist", "invalid-option");
  return Status::ok();
}

Result<HarvestResult> OpdConnector::harvest(Context& context, const Cursor& cursor, RecordSink& sink) {
  if (!configured_) return notConfigured();
  return settings_.mode == Mode::Skm ? harvestSkm(context, sink) : harvestRows(context, cursor, sink);
}

Status OpdConnector::readRows(Context& context, CursorValue& cursor, RowConsumer& consumer, BadRows& badRows) {
  if (sql_) return sql_->read(context, cursor, consumer);
  if (rest_) return rest_->read(context, cursor, consumer, badRows);
  return readSurveyFile(settings_.skm.file, settings_, consumer, badRows);
}

Result<HarvestResult> OpdConnector::harvestRows(Context& context, const Cursor& cursor, RecordSink& sink) {
  const bool incremental = !settings_.sql.cursorColumn.empty() || !settings_.rest.cursorField.empty();
  CursorValue position = incremental ? CursorValue::parse(cursor) : CursorValue();
  BadRows badRows(settings_.onBadRow, sink);
  RowRecords records(context, sink, settings_.roles, badRows);
  if (Status st = readRows(context, position, records, badRows); !st) return st;
  if (context.cancelled()) return Status::error("harvest cancelled", "cancelled");
  if (!incremental) return HarvestResult{{}, {settings_.roles.recordKind}};
  // An incremental run lists only what changed: never a reason to withdraw the rest.
  return HarvestResult{position.serialise(), {}};
}

Result<HarvestResult> OpdConnector::harvestSkm(Context& context, RecordSink& sink) {
  CursorValue none;
  BadRows badRows(settings_.onBadRow, sink);
  SkmAggregator survey(context, settings_, badRows);
  if (Status st = readRows(context, none, survey, badRows); !st) return st;
  if (context.cancelled()) return Status::error("harvest cancelled", "cancelled");
  if (Status st = survey.emitAll(sink); !st) return st;
  context.log().info(std::to_string(survey.groups()) + " IKM results (unit × period)");
  // Every survey row was read: results for groups no longer present are withdrawn.
  return HarvestResult{{}, {kIkmKind}};
}

}  // namespace hamhub::opd

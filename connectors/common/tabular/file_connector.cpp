#include "file_connector.h"

namespace hamhub::tabular {

namespace {
Status notConfigured() { return Status::error("the connector was not configured", "invalid-option"); }
}  // namespace

Status FileConnector::configure(const Options& options) {
  configured_ = false;
  auto settings = readFileSettings(options, fieldNames());
  if (!settings) return settings.status();
  settings_ = std::move(settings).value();
  if (Status own = configureOwn(options); !own) return own;
  configured_ = true;
  return Status::ok();
}

Status FileConnector::check(Context& context) {
  if (!configured_) return notConfigured();
  return FileHarvester::check(settings_, context);
}

Result<HarvestResult> FileConnector::harvest(Context& context, const Cursor& cursor, RecordSink& sink) {
  if (!configured_) return notConfigured();
  std::unique_ptr<TableMapper> mapper = makeMapper(context);
  FileHarvester harvester(settings_, *mapper, context, sink);
  return harvester.run(cursor);
}

}  // namespace hamhub::tabular

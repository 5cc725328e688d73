#include "host/scoring/site_figures.h"

#include <map>

#include "hamhub/json.h"

namespace hamhub::host {

Result<std::vector<StoredRecord>> jdihSiteRecords(Store& store) {
  auto sources = store.sources();
  if (!sources.isOk()) return sources.status();
  auto runs = store.lastEndedRuns();
  if (!runs.isOk()) return runs.status();
  auto figures = store.documentFigures();
  if (!figures.isOk()) return figures.status();
  std::map<std::string, const RunRow*> lastRun;
  for (const RunRow& run : *runs) lastRun.emplace(run.source, &run);
  std::map<std::string, const DocumentFigures*> bySource;
  for (const DocumentFigures& f : *figures) bySource[f.source] = &f;

  std::vector<StoredRecord> out;
  for (const SourceRow& source : *sources) {
    if (source.connector != "jdih" || !source.enabled) continue;
    const auto run = lastRun.find(source.id);
    const auto f = bySource.find(source.id);
    const std::int64_t documents = f != bySource.end() ? f->second->documents : 0;
    const std::int64_t complete = f != bySource.end() ? f->second->complete : 0;
    const bool valid = run != lastRun.end() && run->second->status == RunStatus::Success;
    JsonWriter payload;
    payload.beginObject();
    payload.key("feed_valid").value(valid ? "Ya" : "Tidak");
    payload.key("reason").value(run == lastRun.end() ? "belum dipanen" : run->second->errorReason);
    payload.key("last_harvest").value(run == lastRun.end() ? "" : run->second->startedAt);
    payload.key("documents").value(documents);
    payload.key("complete_metadata_pct").value(documents > 0 ? 100.0 * static_cast<double>(complete) /
                                                                   static_cast<double>(documents)
                                                             : 0.0);
    payload.endObject();
    for (const std::string& subject : source.subjects) {
      StoredRecord r;
      r.source = source.id;
      r.record = Record{kJdihSiteKind, source.id, subject, "", "", payload.str()};
      r.fetchedAt = run == lastRun.end() ? "" : run->second->startedAt;
      out.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace hamhub::host

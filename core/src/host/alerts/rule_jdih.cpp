// JDIH: a site whose documents lack mandatory metadata (Permenkumham 8/2019). One alert per site
// with the figures; `hamhub documents --missing-metadata` lists the documents themselves.

#include "hamhub/json.h"
#include "host/alerts/rule_context.h"

namespace hamhub::host {

Status jdihMetadataRule(const RuleContext& context, std::vector<AlertFinding>& out) {
  auto figures = context.store.documentFigures();
  if (!figures.isOk()) return figures.status();
  std::map<std::string, const SourceRow*> sources;
  for (const auto& s : context.sources) sources[s.id] = &s;
  for (const auto& f : *figures) {
    const auto source = sources.find(f.source);
    if (source == sources.end() || f.documents == 0 || f.complete >= f.documents) continue;
    const std::string subject = source->second->subjects.empty() ? std::string() : source->second->subjects.front();
    const std::int64_t incomplete = f.documents - f.complete;
    const double share = static_cast<double>(f.complete) / static_cast<double>(f.documents);
    const std::string counts = std::to_string(incomplete) + " / " + std::to_string(f.documents);
    AlertFinding finding = makeFinding(
        context, "jdih.metadata-missing", {f.source},
        share < context.rules.jdih.warningBelow ? AlertSeverity::Warning : AlertSeverity::Info, subject,
        context.nameOf(subject) + ": " + counts + " dokumen JDIH (" + f.source +
            ") belum lengkap metadata wajibnya (Permenkumham 8/2019)",
        context.nameOf(subject) + ": " + counts + " JDIH documents (" + f.source +
            ") lack mandatory metadata (Permenkumham 8/2019)");
    finding.source = f.source;
    JsonWriter w;
    w.beginObject().key("documents").value(f.documents).key("complete").value(f.complete);
    w.key("newest_date").value(f.newestDate).endObject();
    finding.details = w.take();
    out.push_back(std::move(finding));
  }
  return Status::ok();
}

}  // namespace hamhub::host

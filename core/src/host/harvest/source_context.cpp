#include "host/harvest/source_context.h"

#include "host/subjects/subject_catalog.h"

namespace hamhub::host {

SourceContext::SourceContext(const SourceConfig& source, HttpClient& http, const SubjectCatalog& subjects,
                             std::function<bool()> cancelled)
    : source_(source), http_(http), subjects_(subjects), logger_(source.id), cancelled_(std::move(cancelled)) {}

std::optional<std::string> SourceContext::resolveSubject(std::string_view codeOrName) const {
  return subjects_.resolve(codeOrName);
}

}  // namespace hamhub::host

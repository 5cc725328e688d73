// /api/v1/subjects and /api/v1/documents: who is assessed, and their JDIH legal products.
#include <algorithm>

#include "host/api/api_endpoints.h"
#include "host/api/api_reply.h"
#include "host/store/store.h"

namespace hamhub::host {

namespace {

constexpr int kMaxDocumentsPerPage = 500;
constexpr int kMaxDocumentOffset = 100'000'000;

std::string provinceOfSubject(const ApiContext& context, const Subject& s) {
  return s.province.empty() ? provinceOf(context, s.id) : s.province;
}

JsonValue subjectJson(const ApiContext& context, const Subject& s) {
  JsonValue out = JsonValue::Object{};
  out.set("id", s.id);
  out.set("name", s.name);
  out.set("kind", subjectKindName(s.kind));
  out.set("parent", orNull(s.parent));
  out.set("province", provinceOfSubject(context, s));
  out.set("bps_code", orNull(s.bpsCode));
  out.set("kanwil", orNull(s.kanwil));
  out.set("aliases", JsonValue(JsonValue::Array(s.aliases.begin(), s.aliases.end())));
  return out;
}

JsonValue documentJson(const DocumentView& view) {
  const DocumentWrite& d = view.document;
  JsonValue out = JsonValue::Object{};
  out.set("source", view.source);
  out.set("key", d.key);
  out.set("subject", d.subject);
  out.set("document_type", orNull(d.documentType));
  out.set("jenis", orNull(d.jenis));
  out.set("jenis_short", orNull(d.jenisShort));
  out.set("number", orNull(d.number));
  out.set("year", d.year == 0 ? JsonValue() : JsonValue(d.year));
  out.set("title", d.title);
  out.set("enacted_on", orNull(d.enactedOn));
  out.set("promulgated_on", orNull(d.promulgatedOn));
  out.set("status", orNull(d.status));
  out.set("status_original", orNull(d.statusOriginal));
  out.set("issuing_body", orNull(d.issuingBody));
  out.set("subjects", orNull(d.subjects));
  out.set("detail_url", orNull(d.detailUrl));
  out.set("file_url", orNull(d.fileUrl));
  JsonValue::Array missing;
  for (const auto& [path, name] : d.missing) missing.emplace_back(name);
  out.set("missing_metadata", JsonValue(std::move(missing)));
  out.set("withdrawn", view.withdrawn);
  return out;
}

}  // namespace

ApiResponse listSubjects(const ApiContext& context, const ApiRequest& request, const std::string* only) {
  if (auto bad = unknownParameter(request, only != nullptr ? std::initializer_list<const char*>{}
                                                           : std::initializer_list<const char*>{"region", "kind"})) {
    return *bad;
  }
  std::string region;
  if (only == nullptr) {
    if (auto refused = regionFilter(request, region)) return *refused;
  }
  std::optional<SubjectKind> kind;
  if (const auto asked = queryText(request, "kind")) {
    kind = parseSubjectKind(*asked);
    if (!kind) return apiError(400, "kind: '" + asked->substr(0, 32) + "' is not province, kabkota, opd, upt or ministry");
  }
  auto subjects = context.store->subjects();
  if (!subjects.isOk()) return apiError(503, subjects.status().message());
  JsonValue::Array rows;
  for (const Subject& s : *subjects) {
    if (only != nullptr) {
      if (s.id != *only) continue;
      if (auto refused = otherProvince(*request.caller, provinceOfSubject(context, s), "subject " + s.id)) return *refused;
      return jsonReply(subjectJson(context, s));
    }
    if (!region.empty() && provinceOfSubject(context, s) != region) continue;
    if (kind && s.kind != *kind) continue;
    rows.push_back(subjectJson(context, s));
  }
  if (only != nullptr) return apiError(404, "no subject '" + only->substr(0, 64) + "'");
  return jsonReply(JsonValue(std::move(rows)));
}

ApiResponse listDocuments(const ApiContext& context, const ApiRequest& request) {
  if (auto bad = unknownParameter(request, {"source", "subject", "status", "missing_metadata", "limit", "offset"})) {
    return *bad;
  }
  DocumentQuery query;
  const auto limit = queryInt(request, "limit", 100, 1, kMaxDocumentsPerPage);
  if (!limit) return apiError(400, "limit: give a whole number from 1 to " + std::to_string(kMaxDocumentsPerPage));
  const auto offset = queryInt(request, "offset", 0, 0, kMaxDocumentOffset);
  if (!offset) return apiError(400, "offset: give a whole number from 0 to " + std::to_string(kMaxDocumentOffset));
  query.limit = *limit;
  query.offset = *offset;
  if (const auto missing = queryText(request, "missing_metadata")) {
    if (*missing != "true" && *missing != "false") return apiError(400, "missing_metadata: true or false");
    query.missingMetadataOnly = *missing == "true";
  }
  query.status = queryText(request, "status");
  if (query.status && (query.status->empty() || query.status->size() > 64)) {
    return apiError(400, "status: give a document status such as berlaku");
  }
  const ApiCaller& caller = *request.caller;
  query.subject = queryText(request, "subject");
  if (query.subject) {
    if (auto refused = otherProvince(caller, provinceOf(context, *query.subject), "subject " + query.subject->substr(0, 64))) {
      return *refused;
    }
  }
  query.source = queryText(request, "source");
  if (query.source && context.sources) {
    for (const SourceConfig& s : context.sources()) {
      if (s.id == *query.source && !visibleToCaller(context, caller, s.subjects)) {
        return apiError(403, "source " + s.id + " belongs to another province than your token's");
      }
    }
  }
  if (!caller.region.empty() && !query.subject) {
    auto subjects = context.store->subjects();
    if (!subjects.isOk()) return apiError(503, subjects.status().message());
    for (const Subject& s : *subjects) {
      if (provinceOfSubject(context, s) == caller.region) query.subjectsIn.push_back(s.id);
    }
    if (query.subjectsIn.empty()) return jsonReply(JsonValue(JsonValue::Array{}));
  }
  auto documents = context.store->documents(query);
  if (!documents.isOk()) return apiError(503, documents.status().message());
  JsonValue::Array rows;
  for (const DocumentView& d : *documents) rows.push_back(documentJson(d));
  return jsonReply(JsonValue(std::move(rows)));
}

}  // namespace hamhub::host

#include "host/api/api_routes.h"

#include <algorithm>

#include "hamhub/json.h"
#include "host/api/api_endpoints.h"
#include "host/api/api_reply.h"
#include "host/api/metrics.h"
#include "host/api/openapi.h"
#include "host/api/web_assets.h"
#include "host/store/store.h"

namespace hamhub::host {

namespace {

// "a/b/c" → {"a", "b", "c"}; an empty segment (a doubled or trailing slash) makes the path unknown.
std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    if (end == start) return {};
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

ApiResponse whoAmI(const ApiRequest& request) {
  JsonValue out = JsonValue::Object{};
  out.set("name", request.caller->name);
  out.set("role", apiRoleName(request.caller->role));
  out.set("region", orNull(request.caller->region));
  return jsonReply(out);
}

ApiResponse healthz(const ApiContext& context) {
  JsonValue out = JsonValue::Object{};
  const auto probe = context.store->runCountsByStatus();
  const bool scheduler = !context.schedulerAlive || context.schedulerAlive();
  out.set("store", probe.isOk() ? JsonValue("ok") : JsonValue(probe.status().message()));
  out.set("scheduler", context.schedulerAlive ? JsonValue(scheduler ? "ok" : "stopped") : JsonValue("not running"));
  const bool ok = probe.isOk() && scheduler;
  out.set("status", ok ? "ok" : "failing");
  return jsonReply(out, ok ? 200 : 503);
}

}  // namespace

ApiResponse apiError(int status, const std::string& message) {
  JsonValue error = JsonValue::Object{};
  error.set("status", static_cast<std::int64_t>(status));
  error.set("message", message);
  JsonValue body = JsonValue::Object{};
  body.set("error", std::move(error));
  return jsonReply(body, status);
}

ApiResponse routeApiRequest(const ApiSettings& settings, const ApiContext& context, ApiRequest request,
                            const std::string& authorization) {
  const std::string& path = request.path;
  const bool read = request.method == "GET" || request.method == "HEAD";
  if (path == "/healthz") return read ? healthz(context) : apiError(405, "use GET");
  if (path == "/metrics") {
    if (!read) return apiError(405, "use GET");
    return {200, "text/plain; version=0.0.4; charset=utf-8", prometheusMetrics(context)};
  }
  if (path == "/api/v1/openapi.json") {
    return read ? ApiResponse{200, "application/json; charset=utf-8", openApiDocument()} : apiError(405, "use GET");
  }
  if (const WebAsset* asset = findWebAsset(path)) {
    if (!read) return apiError(405, "use GET");
    return {200, asset->contentType, std::string(asset->body)};
  }
  constexpr std::string_view kPrefix = "/api/v1/";
  if (path.rfind(kPrefix, 0) != 0) return apiError(404, "no such page: " + path + " (the API is under /api/v1)");
  request.caller = authenticate(settings.tokens, authorization);
  if (!request.caller) {
    return apiError(401, authorization.empty() ? "give a token: Authorization: Bearer TOKEN"
                                               : "the token is not valid; ask the hub's administrator for one");
  }
  const std::string rest = path.substr(kPrefix.size());
  const std::vector<std::string> parts = segments(rest);
  const std::size_t n = parts.size();
  const auto get = [&](auto&& handler) { return read ? handler() : apiError(405, "use GET on " + path); };
  const auto is = [&](std::size_t count, const char* first) { return n == count && parts[0] == first; };
  if (is(1, "me")) return get([&] { return whoAmI(request); });
  if (is(1, "sources")) return get([&] { return listSources(context, request, nullptr); });
  if (is(2, "sources")) return get([&] { return listSources(context, request, &parts[1]); });
  if (is(1, "incidents")) return get([&] { return listIncidents(context, request); });
  if (is(1, "runs")) return get([&] { return listRuns(context, request); });
  if (is(1, "subjects")) return get([&] { return listSubjects(context, request, nullptr); });
  // A unit's id holds a slash ("16.71/lapas-palembang"): everything after "subjects/" is the id.
  if (n >= 2 && parts[0] == "subjects") {
    const std::string id = rest.substr(std::string_view("subjects/").size());
    return get([&] { return listSubjects(context, request, &id); });
  }
  if (is(1, "documents")) return get([&] { return listDocuments(context, request); });
  if (is(1, "scores")) return get([&] { return listScores(context, request); });
  if (n >= 4 && parts[0] == "scores") {
    // scores/SUBJECT/INSTRUMENT/PERIOD, where SUBJECT may itself hold a slash.
    const std::size_t head = std::string_view("scores/").size();
    const std::string subject = rest.substr(head, rest.size() - head - parts[n - 2].size() - parts[n - 1].size() - 2);
    return get([&] { return scoreDetail(context, request, subject, parts[n - 2], parts[n - 1]); });
  }
  if (n == 3 && parts[0] == "regions" && parts[2] == "completeness") {
    return get([&] { return regionCompleteness(context, request, parts[1]); });
  }
  if (is(1, "alerts")) return get([&] { return listAlerts(context, request); });
  if (n == 3 && parts[0] == "alerts" && parts[2] == "acknowledge") {
    if (request.method != "POST") return apiError(405, "use POST on " + path);
    return acknowledgeAlert(context, request, parts[1]);
  }
  return apiError(404, "no such endpoint: " + path);
}

}  // namespace hamhub::host

// /api/v1/alerts: what the alert rules found, per province, and acknowledging one.
#include <spdlog/spdlog.h>

#include <chrono>

#include "host/api/api_endpoints.h"
#include "host/api/api_reply.h"
#include "host/store/store.h"
#include "host/util/clock.h"

namespace hamhub::host {

namespace {

constexpr std::size_t kMaxNoteLength = 2000;

JsonValue alertJson(const AlertRow& a, const std::string& lang) {
  const AlertFinding& f = a.finding;
  JsonValue out = JsonValue::Object{};
  out.set("id", a.id);
  out.set("kind", f.kind);
  out.set("severity", alertSeverityName(f.severity));
  out.set("subject", orNull(f.subject));
  out.set("region", orNull(f.region));
  out.set("source", orNull(f.source));
  out.set("message", lang == "en" && !f.messageEn.empty() ? f.messageEn : f.messageId);
  out.set("message_id", f.messageId);
  out.set("message_en", f.messageEn);
  auto details = parseJson(f.details.empty() ? "{}" : f.details);
  out.set("details", details.isOk() ? *details : JsonValue(JsonValue::Object{}));
  out.set("first_seen", a.firstSeen);
  out.set("last_seen", a.lastSeen);
  out.set("state", alertStateName(a.state));
  out.set("acknowledged_by", orNull(a.acknowledgedBy));
  out.set("acknowledged_at", orNull(a.acknowledgedAt));
  out.set("resolved_at", orNull(a.resolvedAt));
  return out;
}

}  // namespace

ApiResponse listAlerts(const ApiContext& context, const ApiRequest& request) {
  if (auto bad = unknownParameter(request, {"region", "subject", "state", "kind", "limit", "lang"})) return *bad;
  const auto lang = queryLang(request);
  if (!lang) return apiError(400, "lang: id or en");
  const auto limit = queryInt(request, "limit", 100, 1, 1000);
  if (!limit) return apiError(400, "limit: give a whole number from 1 to 1000");
  AlertQuery query;
  query.limit = *limit;
  std::string region;
  if (auto refused = regionFilter(request, region)) return *refused;
  if (!region.empty()) query.region = region;
  if (const auto state = queryText(request, "state")) {
    if (*state == "all") {
      query.includeResolved = true;
    } else if (*state != "live") {
      query.state = parseAlertState(*state);
      if (!query.state) {
        return apiError(400, "state: '" + state->substr(0, 32) + "' is not open, acknowledged, resolved, live or all");
      }
    }
  }
  query.subject = queryText(request, "subject");
  if (query.subject) {
    if (query.subject->empty() || query.subject->size() > 64) return apiError(400, "subject: give a subject id");
    if (auto refused = otherProvince(*request.caller, provinceOf(context, *query.subject), "subject " + *query.subject)) {
      return *refused;
    }
  }
  query.kind = queryText(request, "kind");
  if (query.kind && (query.kind->empty() || query.kind->size() > 64)) {
    return apiError(400, "kind: give an alert kind (e.g. ranham.report-missing) or a prefix ending in '.'");
  }
  auto alerts = context.store->alerts(query);
  if (!alerts.isOk()) return apiError(503, alerts.status().message());
  JsonValue::Array rows;
  for (const AlertRow& a : *alerts) rows.push_back(alertJson(a, *lang));
  return jsonReply(JsonValue(std::move(rows)));
}

ApiResponse acknowledgeAlert(const ApiContext& context, const ApiRequest& request, const std::string& id) {
  if (auto bad = unknownParameter(request, {"lang"})) return *bad;
  const auto lang = queryLang(request);
  if (!lang) return apiError(400, "lang: id or en");
  if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos) {
    return apiError(400, "alert id: '" + id.substr(0, 32) + "' is not a number");
  }
  const ApiCaller& caller = *request.caller;
  if (caller.role == ApiRole::Viewer) return apiError(403, "a viewer token cannot acknowledge alerts; use an operator's");
  std::string note;
  if (request.body.find_first_not_of(" \t\r\n") != std::string::npos) {
    auto body = parseJson(request.body);
    if (!body.isOk()) return apiError(400, "the body is not JSON: " + body.status().message());
    if (!body->isObject()) return apiError(400, "the body must be a JSON object, e.g. {\"note\": \"...\"}");
    for (const auto& [key, value] : body->asObject()) {
      if (key != "note") return apiError(400, "unknown field '" + key.substr(0, 64) + "' in the body (it takes: note)");
      if (!value.isString() || value.asString().size() > kMaxNoteLength) {
        return apiError(400, "note: a string of at most " + std::to_string(kMaxNoteLength) + " bytes");
      }
      note = value.asString();
      // One log line per acknowledgement: control characters cannot start a forged one.
      for (char& c : note) {
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
      }
    }
  }
  const std::int64_t alertId = std::stoll(id);
  auto found = context.store->alert(alertId);
  if (!found.isOk()) return apiError(503, found.status().message());
  if (!*found) return apiError(404, "no alert " + id);
  if (auto refused = otherProvince(caller, (*found)->finding.region, "alert " + id)) return *refused;
  auto acknowledged = context.store->acknowledgeAlert(alertId, caller.name, formatUtc(std::chrono::system_clock::now()));
  if (!acknowledged.isOk()) {
    const int status = acknowledged.status().reason() == "not-found" ? 404
                       : acknowledged.status().reason() == "conflict" ? 409
                                                                      : 503;
    return apiError(status, acknowledged.status().message());
  }
  // The store keeps who and when; a note goes to the hub's log, where operators read it with the event.
  spdlog::info("alert {} ({}) acknowledged by {}{}{}", alertId, acknowledged->finding.kind, caller.name,
               note.empty() ? "" : ": ", note);
  return jsonReply(alertJson(*acknowledged, *lang));
}

}  // namespace hamhub::host

#include <iostream>

#include "cli/refresh.h"
#include "cli/session.h"
#include "cli/verbs.h"
#include "host/util/clock.h"

namespace hamhub::cli {

namespace {

bool parseQuery(const Invocation& inv, host::AlertQuery& query) {
  if (inv.has("region")) query.region = inv.get("region");
  if (inv.has("subject")) query.subject = inv.get("subject");
  if (inv.has("kind")) query.kind = inv.get("kind");
  if (!inv.has("state")) return true;
  const std::string state = inv.get("state");
  if (state == "all") {
    query.includeResolved = true;
  } else if (const auto parsed = host::parseAlertState(state)) {
    query.state = parsed;
  } else {
    fail("--state is open, acknowledged, resolved or all, not '" + state + "'");
    return false;
  }
  return true;
}

int acknowledge(const Invocation& inv, Session& session) {
  const std::string id = inv.get("ack");
  std::int64_t number = 0;
  try {
    std::size_t used = 0;
    number = std::stoll(id, &used);
    if (used != id.size() || number <= 0) throw std::invalid_argument(id);
  } catch (const std::exception&) {
    return fail("--ack takes an alert id (a number from 'hamhub alerts'), not '" + id + "'");
  }
  const char* user = std::getenv("USER");
  const std::string who = inv.get("by", user != nullptr && *user != '\0' ? user : "cli");
  auto acked = session.store->acknowledgeAlert(number, who, host::utcNow());
  if (!acked.isOk()) return fail(acked.status().message(), "'hamhub alerts' lists the live alerts and their ids.");
  std::cout << "alert " << acked->id << " acknowledged by " << acked->acknowledgedBy << " at " << acked->acknowledgedAt
            << ": " << acked->finding.messageId << "\n";
  return kExitOk;
}

int runAlerts(const Invocation& inv) {
  if (!noPositionals(inv)) return kExitUsage;
  const std::string lang = inv.get("lang", "id");
  if (lang != "id" && lang != "en") return fail("--lang is id or en, not '" + lang + "'");
  host::AlertQuery query;
  if (!parseQuery(inv, query)) return kExitUsage;
  Session session(inv);
  if (!session.loadForSources()) return kExitUsage;
  if (inv.has("ack")) return acknowledge(inv, session);

  if (!inv.has("no-refresh")) {
    if (Status seeded = session.store->upsertSubjects(session.subjects); !seeded) return fail(seeded.message());
    auto refreshed = refreshScoresAndAlerts(session, *session.store);
    if (!refreshed.isOk()) return fail(refreshed.status().message());
    const auto& a = refreshed->alerts;
    std::cerr << "alerts evaluated" << (session.hub.alerts.asOf.empty() ? "" : " as of " + session.hub.alerts.asOf)
              << ": " << a.opened.size() << " new, " << a.changed.size() << " changed, " << a.resolved.size()
              << " resolved, " << a.unchanged << " unchanged\n";
  }
  auto alerts = session.store->alerts(query);
  if (!alerts.isOk()) return fail(alerts.status().message());

  Table table{{"id", "kind", "severity", "subject", "region", "message", "first_seen", "last_seen", "state"}, {}};
  if (inv.format != Format::Table) table.columns.insert(table.columns.end(), {"source", "acknowledged_by", "acknowledged_at", "resolved_at"});
  for (const auto& a : *alerts) {
    const auto& f = a.finding;
    std::vector<JsonValue> row{a.id, f.kind, host::alertSeverityName(f.severity), f.subject, f.region,
                               lang == "en" ? f.messageEn : f.messageId, a.firstSeen, a.lastSeen,
                               host::alertStateName(a.state)};
    if (inv.format != Format::Table) {
      for (const auto* text : {&f.source, &a.acknowledgedBy, &a.acknowledgedAt, &a.resolvedAt}) {
        row.push_back(text->empty() ? JsonValue() : JsonValue(*text));
      }
    }
    table.rows.push_back(std::move(row));
  }
  table.render(std::cout, inv.format);
  if (inv.format == Format::Table && alerts->empty()) {
    std::cerr << "No alerts match. Alerts come from the rules in "
              << (session.alertRules.file.empty() ? std::string("the built-in defaults") : session.alertRules.file)
              << " over harvested data: 'hamhub harvest --all' first.\n";
  }
  return kExitOk;
}

}  // namespace

Verb alertsVerb() {
  return {"alerts",
          "evaluate the alert rules (missing, late or stale data; outages) and list alerts per region, subject or kind",
          "[--region CODE] [--subject ID] [--state STATE] [--kind KIND] [--lang id|en] | --ack ID [--by NAME]",
          {{"region", "CODE", "only alerts of this province (e.g. 16: Kanwil Sumatera Selatan)"},
           {"subject", "ID", "only alerts about this subject (e.g. 16.10)"},
           {"state", "STATE", "open, acknowledged, resolved or all (default: open and acknowledged)"},
           {"kind", "KIND", "one kind (ranham.report-missing) or a family ending in '.' (ranham.)"},
           {"lang", "id|en", "language of the messages (default: id, Bahasa Indonesia)"},
           {"no-refresh", "", "list what is stored; do not score and evaluate first"},
           {"ack", "ID", "acknowledge one alert"},
           {"by", "NAME", "who acknowledges (default: the login name)"}},
          true,
          &runAlerts};
}

}  // namespace hamhub::cli

#pragma once

// What every alert rule reads: the store, the rules file, the subject catalogue and "today" in the
// hub's time zone. Deadlines are calendar dates, so rules compare local dates, not instants.

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "host/alerts/alert.h"
#include "host/alerts/alert_rules.h"
#include "host/schedule/time_zone.h"
#include "host/store/store.h"
#include "host/util/clock.h"

namespace hamhub::host {

struct RuleContext {
  Store& store;
  const AlertRules& rules;
  std::map<std::string, Subject> subjects;  // by id
  std::vector<SourceRow> sources;           // enabled ones
  TimePoint now;                            // outages and staleness are judged at this instant
  const TimeZone& zone;
  std::chrono::sys_days today;              // deadlines are judged on this day: `now`'s local date, or a replay's

  /// The subject's province code ("16" for "16.10" and for "16"); '' when unknown.
  std::string regionOf(const std::string& subject) const;
  /// The subject's name, else its id.
  std::string nameOf(const std::string& subject) const;
  /// A stored UTC instant as people in the hub's zone read it: "29 November 2026 17:15" (id) or
  /// the same in English; the text itself when it is not an instant.
  std::string localTime(const std::string& utc, bool english) const;
};

/// A finding with its key (kind + parts, '|'-joined), subject, region and messages.
AlertFinding makeFinding(const RuleContext& context, const std::string& kind, const std::vector<std::string>& keyParts,
                         AlertSeverity severity, const std::string& subject, std::string messageId,
                         std::string messageEn);

/// "2025-03-31" → day; nullopt when it is not a date.
std::optional<std::chrono::sys_days> parseDay(std::string_view iso);
std::string isoDay(std::chrono::sys_days day);
/// "31 Maret 2025" / "31 March 2025".
std::string dayId(std::chrono::sys_days day);
std::string dayEn(std::chrono::sys_days day);
/// Whole days from `from` to `to` (negative when `to` is earlier).
int daysBetween(std::chrono::sys_days from, std::chrono::sys_days to);

// Each rule appends what it finds now; the kinds it may produce are listed in alert_evaluator.cpp.
Status kkphamRule(const RuleContext& context, std::vector<AlertFinding>& out);
Status ranhamRule(const RuleContext& context, std::vector<AlertFinding>& out);
Status p2hamRule(const RuleContext& context, std::vector<AlertFinding>& out);
Status jdihMetadataRule(const RuleContext& context, std::vector<AlertFinding>& out);
Status sourceRules(const RuleContext& context, std::vector<AlertFinding>& out);

}  // namespace hamhub::host

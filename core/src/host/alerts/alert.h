#pragma once

// The plain data of alerts: what a rule finds, and what the store keeps of it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hamhub::host {

enum class AlertSeverity { Info, Warning, Critical };
const char* alertSeverityName(AlertSeverity severity);  // info | warning | critical
std::optional<AlertSeverity> parseAlertSeverity(std::string_view text);

enum class AlertState { Open, Acknowledged, Resolved };
const char* alertStateName(AlertState state);  // open | acknowledged | resolved
std::optional<AlertState> parseAlertState(std::string_view text);

/// One thing a rule found wrong now. Findings with the same `key` are the same alert: evaluating
/// again only moves its last_seen (and its severity or message when they changed).
struct AlertFinding {
  std::string key;      // dedup key, e.g. "ranham.report-missing|16.10|2024-B08"
  std::string kind;     // e.g. "ranham.report-missing"
  AlertSeverity severity = AlertSeverity::Warning;
  std::string subject;  // subject id ('' for a hub-wide alert)
  std::string region;   // province code: which Kanwil (e.g. "16")
  std::string source;   // the source it concerns, if any
  std::string messageId;  // Bahasa Indonesia (what regional-office staff read)
  std::string messageEn;
  std::string details;    // JSON object: the figures behind the message (deadline, indicators…)
};

/// An alert as stored.
struct AlertRow {
  std::int64_t id = 0;
  AlertFinding finding;
  AlertState state = AlertState::Open;
  std::string firstSeen;  // UTC ISO-8601
  std::string lastSeen;
  std::string changedAt;  // last time it opened, changed severity or message, or resolved
  std::int64_t revision = 1;  // +1 on each such change: what notifiers deliver once
  std::string acknowledgedBy;
  std::string acknowledgedAt;
  std::string resolvedAt;
};

struct AlertQuery {
  std::optional<std::string> region;
  std::optional<std::string> subject;
  std::optional<std::string> kind;      // exact kind, or a prefix ending in '.' ("ranham.")
  std::optional<AlertState> state;      // none: open and acknowledged ones
  bool includeResolved = false;         // with no state: resolved ones too
  int limit = 0;                        // <= 0: no limit
};

/// What one evaluation changed, for notifications and summaries.
struct AlertSyncSummary {
  std::vector<std::int64_t> opened;
  std::vector<std::int64_t> changed;   // severity or message moved
  std::vector<std::int64_t> resolved;
  std::size_t unchanged = 0;
};

}  // namespace hamhub::host

#include "host/alerts/alert.h"

#include "host/util/name_table.h"

namespace hamhub::host {

namespace {

constexpr std::array<std::pair<AlertSeverity, const char*>, 3> kSeverities{
    {{AlertSeverity::Info, "info"}, {AlertSeverity::Warning, "warning"}, {AlertSeverity::Critical, "critical"}}};
constexpr std::array<std::pair<AlertState, const char*>, 3> kStates{
    {{AlertState::Open, "open"}, {AlertState::Acknowledged, "acknowledged"}, {AlertState::Resolved, "resolved"}}};

}  // namespace

const char* alertSeverityName(AlertSeverity severity) { return nameOf(kSeverities, severity); }
std::optional<AlertSeverity> parseAlertSeverity(std::string_view text) { return valueNamed(kSeverities, text); }
const char* alertStateName(AlertState state) { return nameOf(kStates, state); }
std::optional<AlertState> parseAlertState(std::string_view text) { return valueNamed(kStates, text); }

}  // namespace hamhub::host

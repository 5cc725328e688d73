#include "host/alerts/alert.h"

#include <array>
#include <utility>

namespace hamhub::host {

namespace {

constexpr std::array<std::pair<AlertSeverity, const char*>, 3> kSeverities{
    {{AlertSeverity::Info, "info"}, {AlertSeverity::Warning, "warning"}, {AlertSeverity::Critical, "critical"}}};
constexpr std::array<std::pair<AlertState, const char*>, 3> kStates{
    {{AlertState::Open, "open"}, {AlertState::Acknowledged, "acknowledged"}, {AlertState::Resolved, "resolved"}}};

template <typename E, std::size_t N>
const char* nameOf(const std::array<std::pair<E, const char*>, N>& table, E value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "?";
}

template <typename E, std::size_t N>
std::optional<E> parse(const std::array<std::pair<E, const char*>, N>& table, std::string_view text) {
  for (const auto& [e, name] : table) {
    if (text == name) return e;
  }
  return std::nullopt;
}

}  // namespace

const char* alertSeverityName(AlertSeverity severity) { return nameOf(kSeverities, severity); }
std::optional<AlertSeverity> parseAlertSeverity(std::string_view text) { return parse(kSeverities, text); }
const char* alertStateName(AlertState state) { return nameOf(kStates, state); }
std::optional<AlertState> parseAlertState(std::string_view text) { return parse(kStates, text); }

}  // namespace hamhub::host

#include "host/monitor/observation.h"

#include <array>

namespace hamhub::host {

std::optional<Observation::Kind> observationKindOf(std::string_view reason) {
  static constexpr std::array<std::string_view, 9> kHubSide = {
      "store", "busy", "cancelled", "invalid-option", "invalid-config", "invalid-argument", "plugin", "config", "conflict"};
  for (const auto hub : kHubSide) {
    if (reason == hub) return std::nullopt;
  }
  if (reason == "maintenance-status" || reason == "maintenance-page") return Observation::Kind::Maintenance;
  if (reason == "http-429" || reason == "rejected-records") return Observation::Kind::Partial;
  return Observation::Kind::Failure;
}

bool transientFailure(std::string_view reason) {
  static constexpr std::array<std::string_view, 9> kTransient = {
      "dns", "connect-refused", "timeout", "io", "http-5xx", "http-429", "maintenance-status", "maintenance-page",
      "too-many-redirects"};
  for (const auto t : kTransient) {
    if (reason == t) return true;
  }
  return false;
}

}  // namespace hamhub::host

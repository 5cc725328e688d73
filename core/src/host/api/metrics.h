#pragma once

#include <string>

#include "host/api/api_types.h"

namespace hamhub::host {

/// The hub's figures in the Prometheus text exposition format (version 0.0.4): harvest runs by
/// status, their durations, source states, open incidents, live alerts, whether the scheduler runs.
std::string prometheusMetrics(const ApiContext& context);

}  // namespace hamhub::host

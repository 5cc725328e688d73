#pragma once

#include "host/harvest/harvest_runner.h"

namespace hamhub::host {

/// Clients built from each source's HTTP settings, all sharing one per-host rate limiter
/// (`ratePerHost` requests per second; 0: unlimited), so parallel runs against one site are
/// throttled together.
HttpClientFactory makeHttpClientFactory(double ratePerHost);

}  // namespace hamhub::host

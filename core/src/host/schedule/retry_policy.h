#pragma once

#include <chrono>
#include <optional>

#include "host/config/hub_config.h"

namespace hamhub::host {

/// The wait before retry number `attempt` (1-based) of a failed harvest: capped exponential
/// backoff with full jitter (`unitRandom` in [0, 1)), never sooner than the server's Retry-After.
/// nullopt when the retries are used up (by count, or because the retry would fall after
/// `maxElapsedSeconds` from the first failure): the source then waits for its next scheduled run.
std::optional<std::chrono::seconds> retryDelay(const RetrySettings& settings, int attempt,
                                               std::chrono::seconds sinceFirstFailure,
                                               std::optional<std::chrono::seconds> retryAfter, double unitRandom);

}  // namespace hamhub::host

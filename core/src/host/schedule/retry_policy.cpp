#include "host/schedule/retry_policy.h"

#include <algorithm>
#include <cmath>

namespace hamhub::host {

std::optional<std::chrono::seconds> retryDelay(const RetrySettings& settings, int attempt,
                                               std::chrono::seconds sinceFirstFailure,
                                               std::optional<std::chrono::seconds> retryAfter, double unitRandom) {
  if (attempt < 1 || attempt > settings.maxAttempts) return std::nullopt;
  // Capped before the power overflows: 2^62 seconds is past any cap anyone configures.
  const double exponential = static_cast<double>(settings.baseSeconds) * std::ldexp(1.0, std::min(attempt - 1, 62));
  const double ceiling = std::min(exponential, static_cast<double>(settings.maxDelaySeconds));
  // Full jitter (AWS architecture blog, "Exponential Backoff And Jitter"): hundreds of sources
  // failing together, e.g. after a network cut, do not come back in lockstep.
  auto delay = std::chrono::seconds(static_cast<std::int64_t>(std::clamp(unitRandom, 0.0, 1.0) * ceiling));
  if (retryAfter) delay = std::max(delay, *retryAfter);
  if (sinceFirstFailure + delay > std::chrono::seconds(settings.maxElapsedSeconds)) return std::nullopt;
  return delay;
}

}  // namespace hamhub::host

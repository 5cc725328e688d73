#pragma once

#include <chrono>
#include <functional>

namespace hamhub::host {

using SteadyClock = std::chrono::steady_clock;

/// Asked between waits and transfers; true means the caller's job was cancelled.
using CancelHook = std::function<bool()>;

/// Sleeps until `until`, waking in short slices to ask `isCancelled` (which may be empty).
/// @return false when cancelled before `until`.
bool sleepUntilUnlessCancelled(SteadyClock::time_point until, const CancelHook& isCancelled);

}  // namespace hamhub::host

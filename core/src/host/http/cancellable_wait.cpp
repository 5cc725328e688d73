#include "host/http/cancellable_wait.h"

#include <algorithm>
#include <thread>

namespace hamhub::host {

namespace {
// Short enough that a cancelled harvest stops promptly, long enough not to spin.
constexpr auto kSlice = std::chrono::milliseconds(20);
}  // namespace

bool sleepUntilUnlessCancelled(SteadyClock::time_point until, const CancelHook& isCancelled) {
  for (;;) {
    if (isCancelled && isCancelled()) return false;
    const auto now = SteadyClock::now();
    if (now >= until) return true;
    std::this_thread::sleep_for(std::min<SteadyClock::duration>(until - now, kSlice));
  }
}

}  // namespace hamhub::host

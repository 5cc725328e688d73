#pragma once

#include <mutex>

#include "host/http/cancellable_wait.h"

namespace hamhub::host {

/// Aborts one HTTP exchange from a second thread when the job is cancelled, the total deadline
/// passes, or the current phase (connect, TLS handshake, waiting for the response, a silence in
/// the body) overruns its limit.
///
/// Socket timeouts cannot do this alone: they know nothing of cancellation or of a deadline for
/// the whole request, and Poco's TLS layer retries reads so that one timeout can last several
/// times its value. Shutting the socket down wakes any blocked connect, read or write at once;
/// the blocked call then fails and `abortCause` says why.
///
/// Every watchdog of the process is looked after by one shared thread (started at the first
/// transfer). With a thread per request, a repeat harvest of 500 unchanged sites spent most of its
/// time in the kernel (each exiting thread's stack is released with a TLB shootdown across CPUs);
/// one shared thread took it from about 0.45 s to 0.35 s on a 2-core VM.
class TransferWatchdog {
 public:
  enum class Cause { kNone, kCancelled, kTotalDeadline, kPhaseDeadline };

  /// @param isCancelled asked from the shared watchdog thread every few milliseconds; may be empty.
  TransferWatchdog(CancelHook isCancelled, SteadyClock::time_point totalDeadline);
  /// Returns once the shared thread no longer looks at this watchdog.
  ~TransferWatchdog();

  TransferWatchdog(const TransferWatchdog&) = delete;
  TransferWatchdog& operator=(const TransferWatchdog&) = delete;

  /// Starts guarding the socket `fd` (which is duplicated, so the watchdog never shuts down a
  /// descriptor number that was closed and reused meanwhile).
  void watch(int fd);

  /// The current phase must make progress before `until`.
  void setPhaseDeadline(SteadyClock::time_point until);

  Cause abortCause() const;

 private:
  friend class WatchdogThread;

  // Called by the shared thread: aborts the transfer if it is due, and says when to look again.
  SteadyClock::time_point check(SteadyClock::time_point now);
  void abortLocked(Cause cause);

  const CancelHook isCancelled_;
  const SteadyClock::time_point totalDeadline_;
  mutable std::mutex mutex_;
  SteadyClock::time_point phaseDeadline_ = SteadyClock::time_point::max();
  int fd_ = -1;
  Cause cause_ = Cause::kNone;
};

}  // namespace hamhub::host

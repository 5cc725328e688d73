#include "host/http/transfer_watchdog.h"

#include <algorithm>
#include <chrono>
#include <utility>

#include <sys/socket.h>
#include <unistd.h>

namespace hamhub::host {

namespace {
// How often cancellation is asked; also the slack on phase and total deadlines.
constexpr auto kCheckInterval = std::chrono::milliseconds(20);
}  // namespace

TransferWatchdog::TransferWatchdog(CancelHook isCancelled, SteadyClock::time_point totalDeadline)
    : isCancelled_(std::move(isCancelled)),
      totalDeadline_(totalDeadline),
      thread_([this] { run(); }) {}

TransferWatchdog::~TransferWatchdog() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  if (fd_ >= 0) ::close(fd_);
}

void TransferWatchdog::watch(int fd) {
  std::lock_guard lock(mutex_);
  if (fd_ >= 0) ::close(fd_);
  fd_ = fd >= 0 ? ::dup(fd) : -1;
  if (cause_ != Cause::kNone && fd_ >= 0) ::shutdown(fd_, SHUT_RDWR);
}

void TransferWatchdog::setPhaseDeadline(SteadyClock::time_point until) {
  bool earlier = false;
  {
    std::lock_guard lock(mutex_);
    earlier = until < phaseDeadline_;
    phaseDeadline_ = until;
  }
  // Called for every piece of a body; a later deadline needs no wake-up, since the watchdog
  // re-reads it whenever it wakes.
  if (earlier) wake_.notify_all();
}

TransferWatchdog::Cause TransferWatchdog::abortCause() const {
  std::lock_guard lock(mutex_);
  return cause_;
}

void TransferWatchdog::abortLocked(Cause cause) {
  cause_ = cause;
  if (fd_ >= 0) ::shutdown(fd_, SHUT_RDWR);
}

void TransferWatchdog::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_ && cause_ == Cause::kNone) {
    const auto wakeAt =
        std::min({SteadyClock::now() + kCheckInterval, phaseDeadline_, totalDeadline_});
    wake_.wait_until(lock, wakeAt);
    if (stopping_) break;
    const auto now = SteadyClock::now();
    if (isCancelled_ && isCancelled_()) {
      abortLocked(Cause::kCancelled);
    } else if (now >= totalDeadline_) {
      abortLocked(Cause::kTotalDeadline);
    } else if (now >= phaseDeadline_) {
      abortLocked(Cause::kPhaseDeadline);
    }
  }
}

}  // namespace hamhub::host

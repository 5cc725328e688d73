#include "host/http/transfer_watchdog.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <thread>
#include <utility>
#include <vector>

#include <sys/socket.h>
#include <unistd.h>

namespace hamhub::host {

namespace {
// How often cancellation is asked; also the slack on phase and total deadlines.
constexpr auto kCheckInterval = std::chrono::milliseconds(20);
}  // namespace

/// The one thread that checks every live watchdog of the process.
class WatchdogThread {
 public:
  static WatchdogThread& instance() {
    static WatchdogThread shared;
    return shared;
  }

  void add(TransferWatchdog* watchdog) {
    {
      std::lock_guard lock(mutex_);
      watched_.push_back(watchdog);
    }
    wake_.notify_one();
  }

  // Checks run under mutex_, so once this returns the thread no longer touches `watchdog`.
  void remove(TransferWatchdog* watchdog) {
    std::lock_guard lock(mutex_);
    watched_.erase(std::remove(watched_.begin(), watched_.end(), watchdog), watched_.end());
  }

  void poke() { wake_.notify_one(); }

  ~WatchdogThread() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
  }

 private:
  WatchdogThread() : thread_([this] { run(); }) {}

  void run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      if (watched_.empty()) {
        wake_.wait(lock, [this] { return stopping_ || !watched_.empty(); });
        continue;
      }
      auto wakeAt = SteadyClock::now() + kCheckInterval;
      for (TransferWatchdog* watchdog : watched_) wakeAt = std::min(wakeAt, watchdog->check(SteadyClock::now()));
      wake_.wait_until(lock, wakeAt);
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<TransferWatchdog*> watched_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts after every member it reads is initialised
};

TransferWatchdog::TransferWatchdog(CancelHook isCancelled, SteadyClock::time_point totalDeadline)
    : isCancelled_(std::move(isCancelled)), totalDeadline_(totalDeadline) {
  WatchdogThread::instance().add(this);
}

TransferWatchdog::~TransferWatchdog() {
  WatchdogThread::instance().remove(this);
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
  // Called for every piece of a body; a later deadline needs no wake-up, since the thread
  // re-reads it whenever it wakes. (Poked outside our lock: the thread takes its lock first.)
  if (earlier) WatchdogThread::instance().poke();
}

TransferWatchdog::Cause TransferWatchdog::abortCause() const {
  std::lock_guard lock(mutex_);
  return cause_;
}

void TransferWatchdog::abortLocked(Cause cause) {
  cause_ = cause;
  if (fd_ >= 0) ::shutdown(fd_, SHUT_RDWR);
}

SteadyClock::time_point TransferWatchdog::check(SteadyClock::time_point now) {
  std::lock_guard lock(mutex_);
  if (cause_ != Cause::kNone) return SteadyClock::time_point::max();
  if (isCancelled_ && isCancelled_()) {
    abortLocked(Cause::kCancelled);
  } else if (now >= totalDeadline_) {
    abortLocked(Cause::kTotalDeadline);
  } else if (now >= phaseDeadline_) {
    abortLocked(Cause::kPhaseDeadline);
  }
  return cause_ != Cause::kNone ? SteadyClock::time_point::max() : std::min(phaseDeadline_, totalDeadline_);
}

}  // namespace hamhub::host

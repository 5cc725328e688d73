#include "host/schedule/periodic_task.h"

namespace hamhub::host {

PeriodicTask::PeriodicTask(std::chrono::seconds interval, std::chrono::seconds settle, std::function<void()> work)
    : interval_(interval), settle_(settle), work_(std::move(work)) {}

PeriodicTask::~PeriodicTask() { stop(); }

void PeriodicTask::start(bool runNow) { thread_ = std::thread([this, runNow] { loop(runNow); }); }

void PeriodicTask::poke() {
  std::lock_guard lock(mutex_);
  poked_ = true;
  wake_.notify_all();
}

void PeriodicTask::setInterval(std::chrono::seconds interval) {
  std::lock_guard lock(mutex_);
  interval_ = interval;
  wake_.notify_all();
}

void PeriodicTask::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    wake_.notify_all();
  }
  if (thread_.joinable()) thread_.join();
}

void PeriodicTask::loop(bool runNow) {
  using Clock = std::chrono::steady_clock;
  auto last = Clock::now();
  bool first = runNow;
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (!first) {
      // Wait for the interval or a poke, then let a poke settle so a burst makes one run.
      wake_.wait_until(lock, last + interval_, [&] { return stopping_ || poked_ || Clock::now() >= last + interval_; });
      if (stopping_) break;
      if (poked_ && Clock::now() < last + settle_) {
        wake_.wait_until(lock, last + settle_, [&] { return stopping_; });
        if (stopping_) break;
      }
    }
    first = false;
    poked_ = false;
    lock.unlock();
    work_();
    lock.lock();
    last = Clock::now();
  }
}

}  // namespace hamhub::host

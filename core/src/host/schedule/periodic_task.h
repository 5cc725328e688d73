#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace hamhub::host {

/// Runs `work` on its own thread every `interval`, and sooner after poke() — but never more often
/// than once per `settle`, so a burst of finished harvests causes one run, not one per harvest.
/// `work` runs one at a time; stop() waits for a run in progress.
class PeriodicTask {
 public:
  PeriodicTask(std::chrono::seconds interval, std::chrono::seconds settle, std::function<void()> work);
  ~PeriodicTask();
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

  /// Starts the thread; the first run comes at once, or with `runNow` false at the first poke or
  /// interval.
  void start(bool runNow = true);
  /// Asks for a run soon (after `settle` since the last one).
  void poke();
  void setInterval(std::chrono::seconds interval);
  void stop();

 private:
  void loop(bool runNow);

  std::chrono::seconds interval_;
  const std::chrono::seconds settle_;
  std::function<void()> work_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool poked_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace hamhub::host

#include "host/harvest/stale_runs.h"

#include <Poco/Environment.h>
#include <signal.h>
#include <spdlog/spdlog.h>

#include <cerrno>

#include "host/store/store.h"

namespace hamhub::host {

namespace {

bool processGone(std::int64_t pid) {
  if (pid <= 0) return true;
  if (pid == ::getpid()) return false;
  return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

}  // namespace

Result<int> closeStaleRuns(Store& store, std::chrono::seconds runTimeout, std::chrono::seconds grace) {
  auto running = store.runningRuns();
  if (!running.isOk()) return running.status();
  std::string self;
  try {
    self = Poco::Environment::nodeName();
  } catch (...) {
    self = "unknown";
  }
  const auto now = std::chrono::system_clock::now();
  int closed = 0;
  for (const RunRow& run : *running) {
    std::string why;
    if (run.hostname == self) {
      if (!processGone(run.pid)) continue;
      why = "the hub process (pid " + std::to_string(run.pid) + ") ended before the run did";
    } else {
      const auto started = parseUtc(run.startedAt);
      if (started && now - *started < runTimeout + grace) continue;
      why = "started on " + run.hostname + " at " + run.startedAt + " and never finished within its time limit";
    }
    Status s = store.finishRun(
        RunOutcome{run.id, RunStatus::Failed, run.counts, "interrupted: " + why + "; closed at start-up", "interrupted"});
    if (!s && s.reason() != "conflict") return s;
    if (s) {
      spdlog::warn("{}: run {} closed: {}", run.source, run.id, why);
      ++closed;
    }
  }
  return closed;
}

}  // namespace hamhub::host

#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hamhub::test {

/// A child process left running (e.g. `hamhub serve`): its output goes to a log file the test
/// reads while it runs; it can be signalled and waited for. Killed (SIGKILL) if still running
/// when destroyed.
class BackgroundProcess {
 public:
  BackgroundProcess(const std::filesystem::path& program, const std::vector<std::string>& args,
                    const std::filesystem::path& logFile);
  ~BackgroundProcess();
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;

  int pid() const { return pid_; }
  void signal(int sig) const;
  /// The exit status (128 + N when killed by signal N), or nullopt if still running after `timeout`.
  std::optional<int> wait(std::chrono::milliseconds timeout);
  /// Everything written to stdout and stderr so far.
  std::string output() const;
  /// Polls output() until it contains `text`; false after `timeout`.
  bool waitForOutput(const std::string& text, std::chrono::milliseconds timeout) const;

 private:
  int pid_ = -1;
  std::optional<int> status_;
  std::filesystem::path log_;
};

}  // namespace hamhub::test

#pragma once

/// @file logger.h
/// @brief The logger a plugin receives in its Context. The host routes it to spdlog, tagged with
///        the plugin and source, in the format the operator chose (text or JSON).

#include <string_view>

namespace hamhub {

enum class LogLevel { Debug, Info, Warn, Error };

/// @brief A sink for log lines. Thread-safe: the host's implementation may be called from any thread.
class Logger {
 public:
  virtual ~Logger() = default;
  virtual void log(LogLevel level, std::string_view message) = 0;

  void debug(std::string_view message) { log(LogLevel::Debug, message); }
  void info(std::string_view message) { log(LogLevel::Info, message); }
  void warn(std::string_view message) { log(LogLevel::Warn, message); }
  void error(std::string_view message) { log(LogLevel::Error, message); }
};

}  // namespace hamhub

#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "hamhub/logger.h"
#include "hamhub/status.h"

namespace spdlog {
class logger;
}

namespace hamhub::host {

enum class LogFormat { Text, Json };

/// Routes all logging to stderr in the chosen format ("text" for people, "json" for machines:
/// one object per line with ts, level, logger, msg). Levels: debug, info, warn, error.
Status setupLogging(std::string_view format, std::string_view level);

/// A plugin-facing Logger that writes through spdlog under the name `name` (e.g. the source id).
class SpdLogger final : public Logger {
 public:
  explicit SpdLogger(const std::string& name);
  void log(LogLevel level, std::string_view message) override;

 private:
  std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace hamhub::host

#include "host/logging/log_setup.h"

#include <cstdio>
#include <mutex>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "hamhub/json.h"
#include "host/util/clock.h"

namespace hamhub::host {

namespace {

// spdlog's pattern formatter cannot escape JSON strings, so JSON lines are written by hand.
class JsonStderrSink final : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    JsonWriter w;
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch()).count() % 1000;
    std::string ts = formatUtc(std::chrono::time_point_cast<std::chrono::system_clock::duration>(msg.time));
    char frac[8];
    std::snprintf(frac, sizeof frac, ".%03dZ", static_cast<int>(millis));
    ts.replace(ts.size() - 1, 1, frac);
    const auto level = spdlog::level::to_string_view(msg.level);
    w.beginObject()
        .key("ts").value(ts)
        .key("level").value(std::string_view(level.data(), level.size()))
        .key("logger").value(std::string_view(msg.logger_name.data(), msg.logger_name.size()))
        .key("msg").value(std::string_view(msg.payload.data(), msg.payload.size()))
        .endObject();
    std::string line = w.take();
    line.push_back('\n');
    std::fwrite(line.data(), 1, line.size(), stderr);
  }
  void flush_() override { std::fflush(stderr); }
};

}  // namespace

Status setupLogging(std::string_view format, std::string_view level) {
  spdlog::sink_ptr sink;
  if (format == "json") {
    sink = std::make_shared<JsonStderrSink>();
  } else if (format == "text" || format.empty()) {
    sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    sink->set_pattern("%Y-%m-%d %H:%M:%S %^%-5l%$ %n: %v");
  } else {
    return Status::error("unknown log format '" + std::string(format) + "' (use text or json)", "usage");
  }
  const auto lvl = spdlog::level::from_str(std::string(level.empty() ? "info" : level));
  if (lvl == spdlog::level::off && level != "off") {
    return Status::error("unknown log level '" + std::string(level) + "' (use debug, info, warn or error)", "usage");
  }
  auto logger = std::make_shared<spdlog::logger>("hamhub", sink);
  logger->set_level(lvl);
  spdlog::set_default_logger(logger);
  spdlog::set_level(lvl);
  return Status::ok();
}

SpdLogger::SpdLogger(const std::string& name) : logger_(spdlog::default_logger()->clone(name)) {}

void SpdLogger::log(LogLevel level, std::string_view message) {
  switch (level) {
    case LogLevel::Debug: logger_->debug("{}", message); break;
    case LogLevel::Info: logger_->info("{}", message); break;
    case LogLevel::Warn: logger_->warn("{}", message); break;
    case LogLevel::Error: logger_->error("{}", message); break;
  }
}

}  // namespace hamhub::host

#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hamhub/connector.h"
#include "host/config/source_config.h"
#include "host/logging/log_setup.h"

namespace hamhub::host {

class SubjectCatalog;

/// What the host lends a connector for one harvest or probe of one source.
class SourceContext final : public Context {
 public:
  SourceContext(const SourceConfig& source, HttpClient& http, const SubjectCatalog& subjects,
                std::function<bool()> cancelled);

  std::string_view sourceId() const override { return source_.id; }
  const std::vector<std::string>& subjects() const override { return source_.subjects; }
  const Options& options() const override { return source_.options; }
  HttpClient& http() override { return http_; }
  Logger& log() override { return logger_; }
  bool cancelled() const override { return cancelled_(); }
  std::optional<std::string> resolveSubject(std::string_view codeOrName) const override;

 private:
  const SourceConfig& source_;
  HttpClient& http_;
  const SubjectCatalog& subjects_;
  SpdLogger logger_;
  std::function<bool()> cancelled_;
};

}  // namespace hamhub::host

#pragma once

// What the host lends the opd connector, for tests that drive it directly: the real HTTP client,
// the real subject catalogue from config/regions, and a sink that keeps what it gets.

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <hamhub/connector.h>
#include <hamhub/json.h>

#include "host/http/poco_http_client.h"
#include "host/subjects/subject_catalog.h"
#include "opd_connector.h"

namespace hamhub::opd::test {

class SilentLogger final : public Logger {
 public:
  void log(LogLevel, std::string_view message) override { lines.emplace_back(message); }
  std::vector<std::string> lines;
};

/// The Sumatera Selatan catalogue shipped in config/regions.
const host::SubjectCatalog& regionCatalog();

class TestContext final : public Context {
 public:
  TestContext(const Options& options, HttpClient& http) : options_(options), http_(http) {}
  std::string_view sourceId() const override { return "opd-test"; }
  const std::vector<std::string>& subjects() const override { return subjects_; }
  const Options& options() const override { return options_; }
  HttpClient& http() override { return http_; }
  Logger& log() override { return logger_; }
  bool cancelled() const override { return false; }
  std::optional<std::string> resolveSubject(std::string_view codeOrName) const override {
    return regionCatalog().resolve(codeOrName);
  }

  SilentLogger logger_;

 private:
  const Options& options_;
  HttpClient& http_;
  std::vector<std::string> subjects_{"16.73"};
};

class RecordingSink final : public RecordSink {
 public:
  Status emit(Record record) override {
    records.push_back(std::move(record));
    return Status::ok();
  }
  void reject(std::string_view key, std::string_view message) override {
    rejects.emplace_back(std::string(key), std::string(message));
  }
  Status checkpoint(const Cursor& cursor) override {
    checkpoints.emplace_back(cursor, records.size());
    return Status::ok();
  }

  std::vector<Record> records;
  std::vector<std::pair<std::string, std::string>> rejects;
  std::vector<std::pair<Cursor, std::size_t>> checkpoints;  ///< cursor, records emitted by then
};

/// Defaults from the manifest's option table, then `values`: what the host does before configure().
Options optionsWith(const std::map<std::string, JsonValue>& values);

JsonValue payloadOf(const Record& record);

/// Drives one connector the way a harvest run does.
class ConnectorDriver {
 public:
  ConnectorDriver();
  Result<HarvestResult> harvest(const std::map<std::string, JsonValue>& values, const Cursor& cursor = "");
  Status check(const std::map<std::string, JsonValue>& values);

  RecordingSink sink;
  /// What the last harvest or check logged.
  const std::vector<std::string>& logged() const { return context_->logger_.lines; }

 private:
  std::unique_ptr<host::PocoHttpClient> client_;
  OpdConnector connector_;
  Options options_;
  std::unique_ptr<TestContext> context_;
};

JsonValue list(std::initializer_list<const char*> items);

}  // namespace hamhub::opd::test

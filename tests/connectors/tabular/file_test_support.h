#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <hamhub/connector.h>
#include <hamhub/options.h>

#include "host/harvest/harvest_runner.h"
#include "host/normalise/normaliser.h"
#include "host/plugins/plugin_registry.h"
#include "host/store/store.h"
#include "host/subjects/subject_catalog.h"
#include "support/temp_dir.h"

namespace hamhub::test {

/// A file in tests/data/tabular.
std::filesystem::path tabularFixture(const std::string& name);

/// The subject catalogue of config/regions (Sumatera Selatan and its aliases), loaded once.
const host::SubjectCatalog& regionCatalog();

/// What the host does before configure(): the table's defaults, then the given values.
Options optionsFrom(const OptionSpec* table, std::size_t count, const std::map<std::string, JsonValue>& values);

/// The Context a harvest gets: the host's real HTTP client and subject catalogue.
class FileTestContext final : public Context {
 public:
  explicit FileTestContext(const Options& options, std::vector<std::string> subjects = {"16"});
  ~FileTestContext() override;
  std::string_view sourceId() const override { return "file-test"; }
  const std::vector<std::string>& subjects() const override { return subjects_; }
  const Options& options() const override { return options_; }
  HttpClient& http() override { return *http_; }
  Logger& log() override;
  bool cancelled() const override { return false; }
  std::optional<std::string> resolveSubject(std::string_view codeOrName) const override {
    return regionCatalog().resolve(codeOrName);
  }

 private:
  Options options_;
  std::vector<std::string> subjects_;
  std::unique_ptr<HttpClient> http_;
  std::unique_ptr<Logger> logger_;
};

/// Keeps what a connector emits, rejects and checkpoints.
class RecordingSink final : public RecordSink {
 public:
  Status emit(Record record) override;
  void reject(std::string_view key, std::string_view message) override;
  Status checkpoint(const Cursor& cursor) override;

  std::function<void(const Record&)> onEmit;
  std::vector<Record> records;
  std::vector<std::pair<std::string, std::string>> rejects;
  std::vector<Cursor> checkpoints;
  /// The records of one kind.
  std::vector<Record> ofKind(const std::string& kind) const;
};

/// A real hub in a temp dir: SQLite store, the built plugins, the region catalogue, the harvest
/// runner with the host's HTTP clients.
class TestHub {
 public:
  TestHub();
  host::SourceConfig source(const std::string& id, const std::string& connector,
                            std::map<std::string, JsonValue, std::less<>> options);
  host::HarvestSummary run(const host::SourceConfig& source);
  std::vector<host::StoredRecord> stored(const std::string& source, const std::string& kind = "");
  const TempDir& dir() const { return dir_; }

 private:
  TempDir dir_;
  std::unique_ptr<host::Store> store_;
  host::PluginRegistry registry_;
  host::Normaliser normaliser_;
  std::atomic<bool> stop_{false};
};

}  // namespace hamhub::test

#include "file_test_support.h"

#include <gtest/gtest.h>

#include "host/config/config_issue.h"
#include "host/config/schema_check.h"
#include "host/harvest/http_factory.h"
#include "host/http/poco_http_client.h"
#include "host/subjects/region_catalog.h"

namespace hamhub::test {

namespace {

class QuietLogger final : public Logger {
 public:
  void log(LogLevel, std::string_view) override {}
};

}  // namespace

std::filesystem::path tabularFixture(const std::string& name) { return sourcePath("tests/data/tabular/" + name); }

const host::SubjectCatalog& regionCatalog() {
  static const host::SubjectCatalog catalog = [] {
    host::ConfigIssues issues;
    auto subjects = host::loadRegionCatalog(sourcePath("config/regions"), issues);
    EXPECT_TRUE(issues.empty());
    return host::SubjectCatalog(subjects);
  }();
  return catalog;
}

Options optionsFrom(const OptionSpec* table, std::size_t count, const std::map<std::string, JsonValue>& values) {
  std::map<std::string, JsonValue, std::less<>> all;
  for (std::size_t i = 0; i < count; ++i) {
    if (table[i].defaultJson == nullptr) continue;
    auto parsed = parseJson(table[i].defaultJson);
    if (parsed) all[table[i].name] = parsed.value();
  }
  for (const auto& [name, value] : values) all[name] = value;
  return Options(std::move(all));
}

FileTestContext::FileTestContext(const Options& options, std::vector<std::string> subjects)
    : options_(options),
      subjects_(std::move(subjects)),
      http_(std::make_unique<host::PocoHttpClient>(host::HttpClientConfig{})),
      logger_(std::make_unique<QuietLogger>()) {}

FileTestContext::~FileTestContext() = default;

Logger& FileTestContext::log() { return *logger_; }

Status RecordingSink::emit(Record record) {
  if (onEmit) onEmit(record);
  records.push_back(std::move(record));
  return Status::ok();
}

void RecordingSink::reject(std::string_view key, std::string_view message) {
  rejects.emplace_back(std::string(key), std::string(message));
}

Status RecordingSink::checkpoint(const Cursor& cursor) {
  checkpoints.push_back(cursor);
  return Status::ok();
}

std::vector<Record> RecordingSink::ofKind(const std::string& kind) const {
  std::vector<Record> out;
  for (const auto& r : records) {
    if (r.kind == kind) out.push_back(r);
  }
  return out;
}

TestHub::TestHub() : registry_(host::PluginRegistry::load({builtPluginDir()})) {
  auto store = host::Store::open("sqlite:hub.db", dir_.path());
  EXPECT_TRUE(store.isOk()) << store.status().message();
  if (store) store_ = std::move(store).value();
}

host::SourceConfig TestHub::source(const std::string& id, const std::string& connector,
                                   std::map<std::string, JsonValue, std::less<>> options) {
  host::SourceConfig s;
  s.id = id;
  s.connector = connector;
  s.subjects = {"16"};
  JsonValue object(JsonValue::Object{});
  for (auto& [k, v] : options) object.set(k, std::move(v));
  const host::LoadedPlugin* plugin = registry_.find(connector);
  EXPECT_NE(plugin, nullptr) << connector;
  if (plugin == nullptr) return s;
  host::ConfigIssues issues;
  s.options = Options(host::checkObject(object, {plugin->manifest->options, plugin->manifest->optionCount}, "test",
                                        "options", issues));
  EXPECT_TRUE(issues.empty()) << issues.front().toString();
  return s;
}

host::HarvestSummary TestHub::run(const host::SourceConfig& source) {
  host::HarvestRunner runner(*store_, registry_, normaliser_, regionCatalog(), host::makeHttpClientFactory(0), 120);
  return runner.run(source, stop_);
}

std::vector<host::StoredRecord> TestHub::stored(const std::string& source, const std::string& kind) {
  host::RecordQuery query;
  query.source = source;
  if (!kind.empty()) query.kind = kind;
  auto records = store_->records(query);
  EXPECT_TRUE(records.isOk()) << records.status().message();
  return records.isOk() ? *records : std::vector<host::StoredRecord>{};
}

}  // namespace hamhub::test

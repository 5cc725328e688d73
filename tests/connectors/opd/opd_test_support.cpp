#include "opd_test_support.h"

#include <gtest/gtest.h>

#include "support/connector_options.h"

#include "host/subjects/region_catalog.h"
#include "support/temp_dir.h"

namespace hamhub::opd::test {

const host::SubjectCatalog& regionCatalog() {
  static const host::SubjectCatalog catalog = [] {
    host::ConfigIssues issues;
    auto subjects = host::loadRegionCatalog(hamhub::test::sourcePath("config/regions"), issues);
    EXPECT_TRUE(issues.empty());
    return host::SubjectCatalog(subjects);
  }();
  return catalog;
}

Options optionsWith(const std::map<std::string, JsonValue>& values) { return ::hamhub::test::optionsWith(kOptions, values); }

JsonValue payloadOf(const Record& record) { return ::hamhub::test::payloadOf(record); }

ConnectorDriver::ConnectorDriver() {
  host::HttpClientConfig config;
  config.connectTimeoutMs = 2000;
  config.readTimeoutMs = 5000;
  client_ = std::make_unique<host::PocoHttpClient>(config);
}

Result<HarvestResult> ConnectorDriver::harvest(const std::map<std::string, JsonValue>& values, const Cursor& cursor) {
  options_ = optionsWith(values);
  if (Status configured = connector_.configure(options_); !configured) return configured;
  context_ = std::make_unique<TestContext>(options_, *client_);
  return connector_.harvest(*context_, cursor, sink);
}

Status ConnectorDriver::check(const std::map<std::string, JsonValue>& values) {
  options_ = optionsWith(values);
  if (Status configured = connector_.configure(options_); !configured) return configured;
  context_ = std::make_unique<TestContext>(options_, *client_);
  return connector_.check(*context_);
}

JsonValue list(std::initializer_list<const char*> items) {
  JsonValue::Array out;
  for (const char* item : items) out.emplace_back(item);
  return out;
}

}  // namespace hamhub::opd::test

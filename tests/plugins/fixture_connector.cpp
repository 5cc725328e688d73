// A deterministic connector for tests: emits `count` records (key-0 … key-N) without any I/O,
// resumes from its cursor, checkpoints every `checkpoint_every` records, can sleep between records
// (to be killed mid-harvest), fail after a number of records, or throw from any call.
//
// Compiled several times with different FIXTURE_* definitions to produce broken plugins.

#include <chrono>
#include <iterator>
#include <stdexcept>
#include <string>
#include <thread>

#include <hamhub/json.h>
#include <hamhub/plugin.h>

#ifndef FIXTURE_NAME
#define FIXTURE_NAME "fixture"
#endif
#ifndef FIXTURE_ABI_TAG
#define FIXTURE_ABI_TAG HAMHUB_ABI_TAG
#endif
#ifndef FIXTURE_API_MAJOR
#define FIXTURE_API_MAJOR HAMHUB_API_MAJOR
#endif
#ifndef FIXTURE_API_MIN_MINOR
#define FIXTURE_API_MIN_MINOR 0
#endif

namespace {

class FixtureConnector : public hamhub::Connector {
 public:
  hamhub::Status configure(const hamhub::Options& options) override {
    options_ = options;
    if (options.getString("throw_in") == "configure") throw std::runtime_error("boom in configure");
    if (options.getInt("count") < 0) return hamhub::Status::error("count must not be negative", "invalid-option");
    return hamhub::Status::ok();
  }

  hamhub::Status check(hamhub::Context&) override {
    if (options_.getString("throw_in") == "check") throw std::runtime_error("boom in check");
    return hamhub::Status::ok();
  }

  hamhub::Result<hamhub::HarvestResult> harvest(hamhub::Context& context, const hamhub::Cursor& cursor,
                                                hamhub::RecordSink& sink) override {
    if (options_.getString("throw_in") == "harvest") throw std::runtime_error("boom in harvest");
    const std::int64_t count = options_.getInt("count");
    const std::int64_t every = options_.getInt("checkpoint_every");
    const std::int64_t failAfter = options_.getInt("fail_after", -1);
    const std::int64_t sleepMs = options_.getInt("sleep_ms");
    const std::string version = options_.getString("version");
    const std::string pad(static_cast<std::size_t>(options_.getInt("pad_bytes")), 'x');
    std::int64_t start = 0;
    if (auto c = hamhub::parseJson(cursor); c.isOk() && c->find("next") != nullptr) start = c->find("next")->asInt();
    for (std::int64_t i = start; i < count; ++i) {
      if (context.cancelled()) return hamhub::Status::error("cancelled", "cancelled");
      if (i == failAfter) return hamhub::Status::error("simulated failure after " + std::to_string(i) + " records",
                                                       "invalid-payload");
      if (sleepMs > 0) std::this_thread::sleep_for(std::chrono::milliseconds(sleepMs));
      hamhub::Record record;
      record.kind = "fixture.item";
      record.key = "key-" + std::to_string(i);
      record.payload = "{\"n\":" + std::to_string(i) + ",\"version\":\"" + version + "\",\"pad\":\"" + pad + "\"}";
      if (i % 7 == 3 && options_.getBool("reject_some")) {
        sink.reject(record.key, "simulated unreadable item");
        continue;
      }
      if (hamhub::Status s = sink.emit(std::move(record)); !s) return s;
      if (every > 0 && (i + 1) % every == 0 && i + 1 < count) {
        if (hamhub::Status s = sink.checkpoint("{\"next\":" + std::to_string(i + 1) + "}"); !s) return s;
      }
    }
    hamhub::HarvestResult result;
    // A full listing starts at 0; a resumed one only covers the rest, so it cannot withdraw.
    result.next = options_.getBool("restart") ? "" : "{\"next\":" + std::to_string(count) + "}";
    if (start == 0 && options_.getBool("complete")) result.completeKinds.push_back("fixture.item");
    return result;
  }

 private:
  hamhub::Options options_;
};

constexpr hamhub::OptionSpec kOptions[] = {
    {"count", hamhub::OptionType::Integer, true, false, nullptr, "records to emit"},
    {"checkpoint_every", hamhub::OptionType::Integer, false, false, "0", "commit a cursor every N records"},
    {"fail_after", hamhub::OptionType::Integer, false, false, "-1", "fail when reaching record N"},
    {"sleep_ms", hamhub::OptionType::Integer, false, false, "0", "pause before each record"},
    {"version", hamhub::OptionType::String, false, false, "\"v1\"", "changes every payload"},
    {"throw_in", hamhub::OptionType::String, false, false, "\"\"", "configure, check or harvest"},
    {"reject_some", hamhub::OptionType::Boolean, false, false, "false", "reject every 7th record"},
    {"complete", hamhub::OptionType::Boolean, false, false, "true", "the listing is complete"},
    {"restart", hamhub::OptionType::Boolean, false, false, "true", "start from 0 on the next run"},
    {"token", hamhub::OptionType::String, false, true, nullptr, "a secret, never printed"},
    {"pad_bytes", hamhub::OptionType::Integer, false, false, "0", "makes every payload this much larger"},
};

constexpr hamhub::PluginManifest kManifest = {
    hamhub::kManifestLayout,
    FIXTURE_ABI_TAG,
    FIXTURE_API_MAJOR,
    FIXTURE_API_MIN_MINOR,
    FIXTURE_NAME,
    hamhub::PluginKind::Connector,
    "0.0.1",
    "Test fixture: deterministic records without I/O",
    kOptions,
    std::size(kOptions),
};

}  // namespace

HAMHUB_EXPORT_CONNECTOR(FixtureConnector, kManifest)

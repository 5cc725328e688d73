#pragma once

#include <map>
#include <string>

#include <gtest/gtest.h>

#include "hamhub/json.h"
#include "hamhub/options.h"
#include "hamhub/record.h"

namespace hamhub::test {

/// What the host does before configure(): defaults from a manifest's option table (`specs`, any
/// range of OptionSpec), then the source's own values.
template <typename Specs>
Options optionsWith(const Specs& specs, const std::map<std::string, JsonValue>& values) {
  std::map<std::string, JsonValue, std::less<>> all;
  for (const OptionSpec& spec : specs) {
    if (spec.defaultJson == nullptr) continue;
    auto parsed = parseJson(spec.defaultJson);
    EXPECT_TRUE(parsed) << spec.name << ": " << parsed.status().message();
    if (parsed) all[spec.name] = parsed.value();
  }
  for (const auto& [name, value] : values) all[name] = value;
  return Options(std::move(all));
}

/// A record's payload, parsed (a failed expectation and null when it is not JSON).
inline JsonValue payloadOf(const Record& record) {
  auto parsed = parseJson(record.payload);
  EXPECT_TRUE(parsed) << parsed.status().message();
  return parsed ? parsed.value() : JsonValue();
}

}  // namespace hamhub::test

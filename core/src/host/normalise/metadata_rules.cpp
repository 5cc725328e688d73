#include "host/normalise/metadata_rules.h"

#include <set>

#include "host/config/json_file.h"
#include "host/config/schema_check.h"

namespace hamhub::host {

namespace {

constexpr OptionSpec kFileKeys[] = {
    {"type", OptionType::String, true, false, nullptr, "metadata-rules"},
    {"id", OptionType::String, true, false, nullptr, "rules id"},
    {"version", OptionType::String, false, false, "\"\"", "version of the regulation"},
    {"legal_basis", OptionType::String, true, false, nullptr, "regulation"},
    {"record_kind", OptionType::String, true, false, nullptr, "record kind checked"},
    {"fields", OptionType::Object, false, false, nullptr, "unused"},
};

constexpr OptionSpec kFieldKeys[] = {
    {"path", OptionType::String, true, false, nullptr, "payload path"},
    {"name", OptionType::String, true, false, nullptr, "display name"},
    {"confidence", OptionType::String, true, false, nullptr, "C, P or A"},
};

}  // namespace

Result<MetadataRules> loadMetadataRules(const std::filesystem::path& file) {
  const std::string name = file.string();
  auto json = readJsonFile(file);
  if (!json.isOk()) return json.status().withContext(name);
  ConfigIssues issues;
  // "fields" is an array, which the option schema has no type for; check it separately.
  JsonValue top = *json;
  const JsonValue* fields = json->find("fields");
  if (top.isObject()) {
    auto& members = top.asObject();
    std::erase_if(members, [](const JsonValue::Member& m) { return m.first == "fields"; });
  }
  auto values = checkObject(top, kFileKeys, name, "", issues);
  if (fields == nullptr || !fields->isArray() || fields->asArray().empty()) {
    issues.push_back({name, "fields", "expected a non-empty array of {path, name, confidence}"});
  }
  MetadataRules rules;
  if (issues.empty()) {
    rules.id = values.at("id").asString();
    rules.version = values.at("version").asString();
    rules.legalBasis = values.at("legal_basis").asString();
    rules.recordKind = values.at("record_kind").asString();
    std::set<std::string> paths;
    for (std::size_t i = 0; i < fields->asArray().size(); ++i) {
      const std::string at = "fields[" + std::to_string(i) + "]";
      auto f = checkObject(fields->asArray()[i], kFieldKeys, name, at, issues);
      if (f.size() != 3) continue;
      MetadataField field{f.at("path").asString(), f.at("name").asString(), f.at("confidence").asString()};
      if (field.confidence != "C" && field.confidence != "P" && field.confidence != "A") {
        issues.push_back({name, at + ".confidence", "must be C, P or A"});
      }
      if (!paths.insert(field.path).second) issues.push_back({name, at + ".path", "'" + field.path + "' is listed twice"});
      rules.fields.push_back(std::move(field));
    }
  }
  if (!issues.empty()) return Status::error(issues.front().toString(), "invalid-config");
  return rules;
}

}  // namespace hamhub::host

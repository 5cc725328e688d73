// Scenarios: which sites a simulator serves, from code (generic, sumsel) or a JSON file.
#include <charconv>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "regions.h"
#include "simulator.h"

namespace hamhub::sim {

namespace {

std::optional<std::size_t> indexOf(const SimOptions& options, std::string_view key) {
  for (std::size_t i = 0; i < options.sites.size(); ++i) {
    if (options.sites[i].label == key) return i;
  }
  for (std::size_t i = 0; i < options.sites.size(); ++i) {
    if (options.sites[i].subject == key) return i;
  }
  std::size_t index = 0;
  auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), index);
  if (ec == std::errc() && end == key.data() + key.size() && index < options.sites.size()) return index;
  return std::nullopt;
}

// Gives the site `key` names (label, subject or index), or every site for "*", this behaviour.
void assignBehaviour(SimOptions& options, std::string_view key, const SiteBehaviour& behaviour, const char* what) {
  if (key == "*") {
    for (SiteSpec& site : options.sites) site.behaviour = behaviour;
    return;
  }
  auto index = indexOf(options, key);
  if (!index) throw std::invalid_argument(std::string(what) + ": no site '" + std::string(key) + "'");
  options.sites[*index].behaviour = behaviour;
}

std::size_t count(const JsonValue& v, const char* what) {
  if (!v.isInteger() || v.asInt() < 0) throw std::invalid_argument(std::string(what) + " must be a whole number >= 0");
  return static_cast<std::size_t>(v.asInt());
}

}  // namespace

SimOptions genericScenario(std::size_t sites, std::size_t documents, std::uint64_t seed) {
  SimOptions options;
  options.seed = seed;
  const auto& regions = sumselRegions();
  for (std::size_t i = 0; i < sites; ++i) {
    const Region& region = regions[i % regions.size()];
    SiteSpec spec;
    spec.label = "site" + std::to_string(i);
    spec.subject = std::string(region.code);
    spec.prefix = "/site" + std::to_string(i);
    spec.documents = documents;
    const std::size_t round = i / regions.size();
    spec.host = (round == 0 ? std::string("jdih.") : "jdih" + std::to_string(round) + ".") + std::string(region.domain);
    options.sites.push_back(std::move(spec));
  }
  return options;
}

SimOptions sumselScenario(std::size_t documents, std::uint64_t seed) {
  SimOptions options;
  options.seed = seed;
  for (const Region& region : sumselRegions()) {
    SiteSpec spec;
    spec.label = std::string(region.code);
    spec.subject = std::string(region.code);
    spec.prefix = "/jdih/" + std::string(region.code);
    spec.documents = documents;
    if (region.code == "16.73") spec.behaviour = SiteBehaviour(Behaviour::kMaintenance503);
    options.sites.push_back(std::move(spec));
  }
  return options;
}

void addExportSites(SimOptions& options) {
  auto add = [&](std::string content, std::string subject, std::string prefix, SiteBehaviour behaviour) {
    SiteSpec spec;
    spec.label = content + "-" + subject;
    spec.subject = std::move(subject);
    spec.content = std::move(content);
    spec.prefix = std::move(prefix);
    spec.behaviour = behaviour;
    options.sites.push_back(std::move(spec));
  };
  SiteBehaviour paged(Behaviour::kPaged);
  paged.settings.pageSize = 25;
  add("kkpham", "16", "/kkpham", SiteBehaviour(Behaviour::kEtag));
  add("ranham", "16", "/sapaham", SiteBehaviour(Behaviour::kEtag));
  add("opd", "16.71", "/opd/16.71", paged);
  add("skm", "16.71", "/skm/16.71", SiteBehaviour());
}

void applyBehaviourArgument(SimOptions& options, std::string_view argument) {
  const std::size_t eq = argument.find('=');
  if (eq == std::string_view::npos) {
    throw std::invalid_argument("--behaviour wants INDEX=NAME[,key=value...], got '" + std::string(argument) + "'");
  }
  assignBehaviour(options, argument.substr(0, eq), SiteBehaviour::parse(argument.substr(eq + 1)), "--behaviour");
}

SimOptions loadScenario(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read scenario " + file.string());
  std::stringstream text;
  text << in.rdbuf();
  JsonParseOptions parseOptions;
  parseOptions.allowComments = true;
  auto parsed = parseJson(text.str(), parseOptions);
  if (!parsed.isOk()) throw std::runtime_error(file.string() + ": " + parsed.status().message());
  const JsonValue& root = *parsed;
  if (!root.isObject()) throw std::runtime_error(file.string() + ": a scenario is a JSON object");

  std::uint64_t seed = 16;
  std::size_t docs = 400;
  if (const JsonValue* v = root.find("seed")) seed = count(*v, "seed");
  if (const JsonValue* v = root.find("docs")) docs = count(*v, "docs");
  std::string base = "generic";
  if (const JsonValue* v = root.find("scenario")) {
    if (!v->isString() || (v->asString() != "sumsel" && v->asString() != "generic")) {
      throw std::invalid_argument("\"scenario\" is \"sumsel\" or \"generic\"");
    }
    base = v->asString();
  }

  SimOptions options;
  const JsonValue* sites = root.find("sites");
  if (sites != nullptr && sites->isArray()) {
    options.seed = seed;
    std::size_t i = 0;
    for (const JsonValue& s : sites->asArray()) {
      if (!s.isObject()) throw std::invalid_argument("each of \"sites\" is an object");
      SiteSpec spec;
      const JsonValue* subject = s.find("subject");
      if (subject == nullptr || !subject->isString() || findRegion(subject->asString()) == nullptr) {
        throw std::invalid_argument("site " + std::to_string(i) +
                                    ": \"subject\" must be a Sumatera Selatan code (16.01 … 16.74)");
      }
      spec.subject = subject->asString();
      const JsonValue* label = s.find("label");
      spec.label = label != nullptr && label->isString() ? label->asString() : spec.subject;
      const JsonValue* prefix = s.find("prefix");
      spec.prefix = prefix != nullptr && prefix->isString() ? prefix->asString() : "/jdih/" + spec.label;
      if (spec.prefix.empty() || spec.prefix.front() != '/' || spec.prefix.back() == '/') {
        throw std::invalid_argument("site " + spec.label + ": \"prefix\" starts with '/' and does not end with one");
      }
      if (const JsonValue* v = s.find("content"); v != nullptr && v->isString()) spec.content = v->asString();
      spec.documents = docs;
      if (const JsonValue* v = s.find("docs")) spec.documents = count(*v, "docs");
      if (const JsonValue* v = s.find("host"); v != nullptr && v->isString()) spec.host = v->asString();
      if (const JsonValue* v = s.find("behaviour")) spec.behaviour = SiteBehaviour::fromJson(*v);
      options.sites.push_back(std::move(spec));
      ++i;
    }
  } else if (base == "sumsel") {
    options = sumselScenario(docs, seed);
  } else {
    options = genericScenario(sites != nullptr ? count(*sites, "sites") : 10, docs, seed);
  }
  if (const JsonValue* v = root.find("exports"); v != nullptr && v->isBool() && v->asBool()) addExportSites(options);
  if (const JsonValue* v = root.find("behaviours")) {
    if (!v->isObject()) throw std::invalid_argument("\"behaviours\" is an object: site → behaviour");
    // "*" first, wherever it stands, so that the sites named beside it keep their own behaviour.
    for (const bool everySite : {true, false}) {
      for (const auto& [key, behaviour] : v->asObject()) {
        if ((key == "*") == everySite) {
          assignBehaviour(options, key, SiteBehaviour::fromJson(behaviour), "\"behaviours\"");
        }
      }
    }
  }
  return options;
}

}  // namespace hamhub::sim

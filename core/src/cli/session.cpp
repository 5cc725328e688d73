#include "cli/session.h"

#include <iostream>

#include "host/subjects/region_catalog.h"

namespace hamhub::cli {

int fail(const std::string& message, const std::string& hint) {
  std::cerr << "hamhub: " << message << "\n";
  if (!hint.empty()) std::cerr << hint << "\n";
  return kExitUsage;
}

bool noPositionals(const Invocation& invocation) {
  if (invocation.positionals.empty()) return true;
  fail("unexpected argument '" + invocation.positionals.front() + "'", "Run the verb with --help for its usage.");
  return false;
}

bool Session::reportIssues(std::size_t from) {
  for (std::size_t i = from; i < issues.size(); ++i) std::cerr << "hamhub: " << issues[i].toString() << "\n";
  return issues.size() == from;
}

bool Session::loadForSources(bool withStore) {
  if (!loadHub()) return false;
  loadPlugins(false);
  if (!loadSubjects() || !loadSources() || !loadCriteria()) {
    fail("the configuration has errors; nothing was done", "Run 'hamhub config check' to see all of them.");
    return false;
  }
  return !withStore || openStore();
}

bool Session::syncStore(host::Store& target) {
  if (Status seeded = target.upsertSubjects(subjects); !seeded) {
    fail(seeded.message());
    return false;
  }
  std::vector<host::SourceRow> rows;
  for (const auto& s : sources) rows.push_back({s.id, s.connector, s.subjects, s.enabled, s.configHash});
  if (Status synced = target.syncSources(rows); !synced) {
    fail(synced.message());
    return false;
  }
  return true;
}

bool Session::loadHub() {
  auto file = host::locateHubConfig(invocation_.configFile ? std::optional<std::filesystem::path>(*invocation_.configFile)
                                                            : std::nullopt);
  if (!file.isOk()) {
    fail(file.status().message());
    return false;
  }
  const std::size_t before = issues.size();
  hub = host::loadHubConfig(*file, issues);
  return reportIssues(before);
}

bool Session::loadPlugins(bool strict) {
  registry = host::PluginRegistry::load(hub.pluginDirs);
  for (const auto& p : registry.problems()) {
    std::cerr << "hamhub: plugin " << p.file.string() << ": " << p.message << "\n";
  }
  return !strict || registry.problems().empty();
}

bool Session::loadSubjects() {
  const std::size_t before = issues.size();
  subjects = host::loadRegionCatalog(hub.regionsDir, issues);
  return reportIssues(before);
}

bool Session::loadSources() {
  std::vector<std::string> ids;
  for (const auto& s : subjects) ids.push_back(s.id);
  const std::size_t before = issues.size();
  sources = host::loadSources(hub, &registry, subjects.empty() ? nullptr : &ids, issues);
  return reportIssues(before);
}

bool Session::loadCriteria() {
  const std::size_t before = issues.size();
  normaliser = host::Normaliser::load(hub.criteriaDir, issues);
  criteria = host::CriteriaCatalog::load(hub.criteriaDir, issues);
  alertRules = host::loadAlertRules(hub.criteriaDir, issues);
  // Both read the directory: a file that does not parse would be reported twice.
  for (std::size_t i = before; i < issues.size(); ++i) {
    for (std::size_t j = issues.size() - 1; j > i; --j) {
      if (issues[j].toString() == issues[i].toString()) issues.erase(issues.begin() + static_cast<std::ptrdiff_t>(j));
    }
  }
  return reportIssues(before);
}

bool Session::checkNotify() {
  const std::size_t before = issues.size();
  host::checkNotifyChannels(hub.notify.channels, registry, hub.file.string(), issues);
  return reportIssues(before);
}

bool Session::openStore() {
  auto opened = host::Store::open(hub.store, hub.baseDir);
  if (!opened.isOk()) {
    fail(opened.status().message(), "Check \"store\" in " + hub.file.string() + ".");
    return false;
  }
  store = std::move(opened).value();
  return true;
}

}  // namespace hamhub::cli

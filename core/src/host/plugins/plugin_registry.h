#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hamhub/connector.h"
#include "hamhub/manifest.h"
#include "hamhub/notifier.h"
#include "hamhub/scorer.h"
#include "hamhub/status.h"

namespace boost::dll {
class shared_library;
}

namespace hamhub::host {

/// A plugin whose manifest passed every check. Its manifest strings live in the library, which
/// the registry keeps loaded.
struct LoadedPlugin {
  std::filesystem::path file;
  const PluginManifest* manifest = nullptr;
  std::shared_ptr<boost::dll::shared_library> library;
  Plugin* (*factory)() = nullptr;

  std::string_view name() const { return manifest->name; }
  PluginKind kind() const { return manifest->kind; }
  const OptionSpec* findOption(std::string_view optionName) const;
};

/// A file in a plugin directory that was refused, and why (one line).
struct PluginProblem {
  std::filesystem::path file;
  std::string message;
};

/// Loads every plugin in the configured directories and creates plugin objects.
///
/// Each object keeps its library loaded (its deleter holds the library), so unloading the
/// registry never pulls code from under a live object. Not thread-safe during `load`; `create*`
/// may be called from several threads afterwards.
class PluginRegistry {
 public:
  PluginRegistry() = default;
  PluginRegistry(const PluginRegistry&) = delete;
  PluginRegistry& operator=(const PluginRegistry&) = delete;
  PluginRegistry(PluginRegistry&&) = default;
  PluginRegistry& operator=(PluginRegistry&&) = default;
  ~PluginRegistry();

  /// Scans `dirs` (missing ones are reported as problems) for `*.so` files. Refused files are
  /// recorded in problems(); the others are loaded.
  static PluginRegistry load(const std::vector<std::filesystem::path>& dirs);

  const std::vector<LoadedPlugin>& plugins() const { return plugins_; }
  const std::vector<PluginProblem>& problems() const { return problems_; }
  const LoadedPlugin* find(std::string_view name) const;

  /// A new connector object from the plugin called `name`.
  Result<std::shared_ptr<Connector>> createConnector(std::string_view name) const;
  /// Creates a scorer from the plugin `name` (kind scorer), kept alive like connectors.
  Result<std::shared_ptr<Scorer>> createScorer(std::string_view name) const;
  /// Creates a notifier from the plugin `name` (kind notifier), kept alive like connectors.
  Result<std::shared_ptr<Notifier>> createNotifier(std::string_view name) const;

  /// Drops the registry's hold on every library: the last object of a plugin unloads it.
  void unload();

 private:
  void loadFile(const std::filesystem::path& file, const std::vector<std::filesystem::path>& roots);
  template <typename T>
  Result<std::shared_ptr<T>> create(std::string_view name, PluginKind kind) const;

  std::vector<LoadedPlugin> plugins_;
  std::vector<PluginProblem> problems_;
};

/// Checks a manifest against this host; an error message says what differs and what to do.
Status validateManifest(const PluginManifest& manifest);

}  // namespace hamhub::host

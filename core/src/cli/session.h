#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/args.h"
#include "host/alerts/alert_rules.h"
#include "host/config/hub_config.h"
#include "host/config/source_config.h"
#include "host/criteria/criteria_loader.h"
#include "host/normalise/normaliser.h"
#include "host/plugins/plugin_registry.h"
#include "host/store/store.h"

namespace hamhub::cli {

/// What a verb needs loaded, in dependency order. Each step prints its own errors (to stderr, one
/// line each, with the file) and returns false, so verbs stay short.
class Session {
 public:
  explicit Session(const Invocation& invocation) : invocation_(invocation) {}

  /// Everything a verb that works on sources needs: hub file, plugins (refused files are
  /// warnings), subjects, sources, criteria, and the store unless `withStore` is false. Prints
  /// what is wrong and what to do; false means: exit with kExitUsage.
  bool loadForSources(bool withStore = true);

  bool loadHub();
  /// Loads plugins; refused files are printed as warnings. Returns false only if `strict` and
  /// some file was refused.
  bool loadPlugins(bool strict);
  bool loadSubjects();
  bool loadSources();
  bool loadCriteria();
  /// Checks the notify channels' plugins and options (needs loadPlugins).
  bool checkNotify();
  bool openStore();
  /// Seeds `target`'s subjects and mirrors the configured sources into it (before harvests and
  /// probes, whose rows refer to them).
  bool syncStore(host::Store& target);

  host::HubConfig hub;
  host::PluginRegistry registry;
  std::vector<host::Subject> subjects;
  std::vector<host::SourceConfig> sources;
  host::Normaliser normaliser;
  host::CriteriaCatalog criteria;
  host::AlertRules alertRules;
  std::unique_ptr<host::Store> store;
  host::ConfigIssues issues;

 private:
  bool reportIssues(std::size_t from);
  const Invocation& invocation_;
};

/// Prints `hamhub: message` and a hint on what to do next; returns kExitUsage.
int fail(const std::string& message, const std::string& hint = {});

/// True when verbs that take no positional arguments got none (else prints why).
bool noPositionals(const Invocation& invocation);

}  // namespace hamhub::cli

#pragma once

#include <string>
#include <vector>

#include "cli/args.h"

namespace hamhub::cli {

/// One CLI verb: its words ("config check" is two), help text, options and entry point.
struct Verb {
  std::string name;
  std::string summary;
  std::string usage;  // what follows the verb, e.g. "[--source ID]... [--all]"
  std::vector<OptionDef> options;
  bool listing = false;  // accepts --format table|json|csv
  int (*run)(const Invocation& invocation) = nullptr;
};

Verb pluginsVerb();
Verb sourcesVerb();
Verb configCheckVerb();
Verb harvestVerb();
Verb documentsVerb();
Verb scoreVerb();
Verb checkVerb();
Verb incidentsVerb();
Verb alertsVerb();
Verb reportVerb();
Verb serveVerb();
Verb demoVerb();
Verb notifyTestVerb();

/// Every verb, in the order `hamhub --help` lists them.
std::vector<Verb> allVerbs();

}  // namespace hamhub::cli

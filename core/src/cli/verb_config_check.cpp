#include <iostream>

#include "cli/session.h"
#include "cli/verbs.h"

namespace hamhub::cli {

namespace {

int runConfigCheck(const Invocation& inv) {
  if (!noPositionals(inv)) return kExitUsage;
  Session session(inv);
  if (!session.loadHub()) return kExitUsage;
  // Every check runs even after an earlier one failed, so one pass shows every problem.
  bool ok = session.loadPlugins(true);
  ok = session.loadSubjects() && ok;
  ok = session.loadSources() && ok;
  ok = session.loadCriteria() && ok;
  ok = session.checkNotify() && ok;
  // The store is only parsed, not opened: a check must not create or migrate a database.
  Status store = host::parseStoreUrl(session.hub.store, session.hub.baseDir).status();
  if (!store) {
    std::cerr << "hamhub: " << session.hub.file.string() << ": store: " << store.message() << "\n";
    ok = false;
  }
  if (!ok) {
    const std::size_t problems = session.issues.size() + session.registry.problems().size() + (store ? 0 : 1);
    std::cerr << "hamhub: " << problems << " problem" << (problems == 1 ? "" : "s")
              << " found; nothing was changed. Fix them and run 'hamhub config check' again.\n";
    return kExitUsage;
  }
  std::size_t enabled = 0;
  for (const auto& s : session.sources) enabled += s.enabled ? 1 : 0;
  std::cout << "configuration OK: " << session.hub.file.string() << "\n"
            << "  store    " << host::maskStoreUrl(session.hub.store) << "\n"
            << "  plugins  " << session.registry.plugins().size() << " loaded\n"
            << "  subjects " << session.subjects.size() << " from " << session.hub.regionsDir.string() << "\n"
            << "  sources  " << session.sources.size() << " (" << enabled << " enabled) in "
            << session.hub.sourcesDir.string() << "\n"
            << "  criteria " << session.criteria.models().size() << " instrument versions in "
            << session.hub.criteriaDir.string() << "\n"
            << "  alerts   " << (session.alertRules.file.empty() ? "built-in rules (no alert-rules file)"
                                                          : "rules " + session.alertRules.version + " in " +
                                                                session.alertRules.file)
            << "\n"
            << "  notify   " << session.hub.notify.channels.size() << " channel"
            << (session.hub.notify.channels.size() == 1 ? "" : "s") << "\n";
  return kExitOk;
}

}  // namespace

Verb configCheckVerb() {
  return {"config check", "check the hub file, plugins, subjects and every source file; report all problems",
          "", {}, false, &runConfigCheck};
}

}  // namespace hamhub::cli

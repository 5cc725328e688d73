// hamhub: the command line. Parses global options and the verb, then hands over to the verb.

#include <malloc.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/verbs.h"
#include "host/logging/log_setup.h"

namespace hamhub::cli {
namespace {

const std::vector<OptionDef> kGlobalOptions = {
    {"config", "FILE", "hub configuration (default: $HAMHUB_CONFIG, ./config/hamhub.json, PREFIX/etc/hamhub)"},
    {"log-format", "text|json", "log lines on stderr for people (text, default) or machines (json)"},
    {"log-level", "LEVEL", "debug, info, warn (default) or error"},
    {"help", "", "show help"},
};

void printOptions(std::ostream& out, const std::vector<OptionDef>& options) {
  for (const auto& o : options) {
    std::string left = "  --" + o.name + (o.valueName.empty() ? "" : " " + o.valueName);
    if (left.size() < 28) left.append(28 - left.size(), ' ');
    out << left << " " << o.help << "\n";
  }
}

void printMainHelp(std::ostream& out) {
  out << "usage: hamhub [--config FILE] [--log-format text|json] VERB [options]\n\n"
         "hamhub harvests human-rights administration data (JDIH, KKPHAM, RANHAM, OPD) into one store.\n\n"
         "verbs:\n";
  for (const auto& v : allVerbs()) {
    std::string left = "  " + v.name;
    if (left.size() < 18) left.append(18 - left.size(), ' ');
    out << left << " " << v.summary << "\n";
  }
  out << "\nglobal options:\n";
  printOptions(out, kGlobalOptions);
  out << "\n'hamhub VERB --help' describes a verb. Exit status: 0 ok, 1 a source failed, 2 usage or config error.\n";
}

void printVerbHelp(std::ostream& out, const Verb& verb) {
  out << "usage: hamhub " << verb.name << (verb.usage.empty() ? "" : " " + verb.usage) << "\n\n"
      << verb.summary << "\n\noptions:\n";
  std::vector<OptionDef> options = verb.options;
  if (verb.listing) options.push_back({"format", "table|json|csv", "output format (default: table)"});
  printOptions(out, options);
  printOptions(out, kGlobalOptions);
}

int usageError(const std::string& message, const std::string& hint) {
  std::cerr << "hamhub: " << message << "\n" << hint << "\n";
  return kExitUsage;
}

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  const auto verbs = allVerbs();

  // The verb is the longest run of leading non-option words that names one ("config check").
  const Verb* verb = nullptr;
  std::size_t verbStart = 0;
  std::size_t verbWords = 0;
  for (std::size_t i = 0; i < args.size() && verb == nullptr; ++i) {
    if (args[i].rfind("--", 0) == 0) {
      const bool takesValue = args[i] == "--config" || args[i] == "--log-format" || args[i] == "--log-level";
      if (takesValue) ++i;
      continue;
    }
    for (const auto& v : verbs) {
      std::string joined;
      std::size_t words = 0;
      for (std::size_t j = i; j < args.size() && args[j].rfind("--", 0) != 0; ++j) {
        joined += (words ? " " : "") + args[j];
        ++words;
        if (joined == v.name) {
          verb = &v;
          verbStart = i;
          verbWords = words;
          break;
        }
      }
    }
    if (verb == nullptr) {
      return usageError("unknown verb '" + args[i] + "'", "Run 'hamhub --help' to see the verbs.");
    }
  }

  Invocation inv;
  std::vector<OptionDef> accepted = kGlobalOptions;
  if (verb != nullptr) {
    accepted.insert(accepted.end(), verb->options.begin(), verb->options.end());
    if (verb->listing) accepted.push_back({"format", "table|json|csv", "output format"});
  }
  bool help = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (verb != nullptr && i == verbStart) {
      i += verbWords - 1;
      continue;
    }
    const std::string& a = args[i];
    if (a.rfind("--", 0) != 0) {
      inv.positionals.push_back(a);
      continue;
    }
    std::string name = a.substr(2);
    std::string value;
    bool inlineValue = false;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      inlineValue = true;
    }
    const OptionDef* def = nullptr;
    for (const auto& o : accepted) {
      if (o.name == name) def = &o;
    }
    const std::string where = verb != nullptr ? "hamhub " + verb->name + " --help" : "hamhub --help";
    if (def == nullptr) return usageError("unknown option --" + name, "Run '" + where + "' for the options.");
    if (def->valueName.empty()) {
      if (inlineValue) return usageError("--" + name + " takes no value", "Run '" + where + "'.");
    } else if (!inlineValue) {
      if (i + 1 >= args.size()) return usageError("--" + name + " needs a value (" + def->valueName + ")", "Run '" + where + "'.");
      value = args[++i];
    }
    if (name == "help") {
      help = true;
    } else if (name == "config") {
      inv.configFile = value;
    } else if (name == "log-format") {
      inv.logFormat = value;
    } else if (name == "log-level") {
      inv.logLevel = value;
    } else if (name == "format" && verb != nullptr && verb->listing) {
      if (!parseFormat(value, inv.format)) return usageError("--format must be table, json or csv", "");
    } else {
      if (!def->repeatable && inv.values.count(name) > 0) return usageError("--" + name + " given twice", "");
      inv.values[name].push_back(value);
    }
  }
  if (verb == nullptr) {
    printMainHelp(help ? std::cout : std::cerr);
    return help ? kExitOk : kExitUsage;
  }
  if (help) {
    printVerbHelp(std::cout, *verb);
    return kExitOk;
  }
  Status logging = host::setupLogging(inv.logFormat, inv.logLevel);
  if (!logging) return usageError(logging.message(), "");
  return verb->run(inv);
}

}  // namespace
}  // namespace hamhub::cli

int main(int argc, char** argv) {
  // glibc hands freed memory back to the kernel as soon as a thread's heap top is 128 KiB free;
  // a harvest frees and reallocates batches all the time, and every give-back (brk, madvise) is
  // a TLB shootdown across CPUs: a third of a repeat harvest's time on a 2-core VM. Keep up to
  // 64 MiB, grow in 16 MiB steps, and leave only truly large blocks to mmap. Peak memory is the
  // same; a process only keeps what it already needed once.
  mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
  mallopt(M_TOP_PAD, 16 * 1024 * 1024);
  try {
    return hamhub::cli::run(argc, argv);
  } catch (const std::exception& e) {
    // Everything on the boundaries returns Status; this is the last line of defence.
    std::cerr << "hamhub: internal error: " << e.what() << "\n";
    return 3;
  }
}

#include <Poco/Exception.h>
#include <Poco/Process.h>

#include <fstream>
#include <iostream>
#include <thread>

#include "cli/demo_files.h"
#include "cli/demo_summary.h"
#include "cli/refresh.h"
#include "cli/session.h"
#include "cli/verbs.h"

namespace hamhub::cli {

namespace fs = std::filesystem;

namespace {

// The date the demo replays: after the RANHAM B08 2024 deadline, with the KKPHAM 2024 cycle's
// deadlines behind it, so that the simulated exports of 2024 raise the alerts a Kanwil would see.
constexpr const char* kReplayDate = "2024-09-25";

// hamhub-sim, started through the shell only to send its output to a log file.
class Simulator {
 public:
  Simulator(const fs::path& program, const fs::path& dir) : portFile_(dir / "sim.port") {
    Poco::Process::Args args{"-c", "log=$1; shift; exec \"$@\" >\"$log\" 2>&1", "hamhub-demo",
                             (dir / "sim.log").string(), program.string(), "--scenario", "sumsel", "--exports",
                             "--port", "0", "--port-file", portFile_.string(), "--print-sources",
                             (dir / "sources.d").string()};
    handle_.emplace(Poco::Process::launch("/bin/sh", args));
  }
  ~Simulator() {
    if (!handle_) return;
    try {
      Poco::Process::requestTermination(handle_->id());
      handle_->wait();
    } catch (const Poco::Exception&) {
      // Already gone (a Ctrl-C reaches the whole process group).
    }
  }
  Simulator(const Simulator&) = delete;
  Simulator& operator=(const Simulator&) = delete;

  /// Waits for the port file; 0 when the simulator did not come up.
  int waitForPort(std::chrono::seconds timeout) const {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
      std::ifstream in(portFile_);
      int port = 0;
      if (in >> port && port > 0) return port;
      if (!Poco::Process::isRunning(*handle_)) return 0;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return 0;
  }

 private:
  fs::path portFile_;
  std::optional<Poco::ProcessHandle> handle_;
};

int runStep(const std::string& verbName, const Invocation& base, std::map<std::string, std::vector<std::string>> values) {
  for (const auto& verb : allVerbs()) {
    if (verb.name != verbName) continue;
    Invocation inv = base;
    inv.values = std::move(values);
    inv.format = Format::Table;
    return verb.run(inv);
  }
  return kExitUsage;
}

void heading(const std::string& text) { std::cout << "\n== " << text << std::endl; }

int runDemo(const Invocation& inv) {
  if (!noPositionals(inv)) return kExitUsage;
  // The catalogue and criteria are those of the configuration in use (the repository's config/ when
  // run from a checkout, the installed one otherwise).
  Session config(inv);
  if (!config.loadHub()) return kExitUsage;
  const fs::path sim = host::executableDir() / "hamhub-sim";
  if (!fs::exists(sim)) {
    return fail(sim.string() + " not found", "hamhub-sim is built and installed with hamhub; rebuild (bash .ci/dev.sh build).");
  }
  const fs::path dir = fs::absolute(inv.get("dir", "var/demo"));
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::create_directories(dir / "sources.d", ec);
  if (ec) return fail(dir.string() + ": cannot create the demo directory: " + ec.message());

  DemoHubSettings settings{config.hub.regionsDir, config.hub.criteriaDir, inv.get("listen", "127.0.0.1:8080"),
                           kReplayDate, {randomToken(), randomToken()}};
  if (!host::parseListenAddress(settings.listen)) return fail("--listen '" + settings.listen + "' is not HOST:PORT");
  if (Status s = writeDemoHub(dir, settings); !s) return fail(s.message());
  if (Status s = writeDemoOpdDatabase(dir); !s) return fail(s.message());

  std::cout << "hamhub demo: Kanwil Sumatera Selatan (province 16), deadlines replayed on " << kReplayDate
            << "\n   files in " << dir.string() << std::endl;
  Simulator simulator(sim, dir);
  const int port = simulator.waitForPort(std::chrono::seconds(20));
  if (port == 0) return fail("hamhub-sim did not start; see " + (dir / "sim.log").string());
  std::cout << "   hamhub-sim on 127.0.0.1:" << port
            << ": 17 kab/kota JDIH feeds (Kota Lubuk Linggau in maintenance), the Kanwil's KKPHAM and SAPA-HAM "
               "exports, an OPD REST API and SKM survey;\n   an OPD database (SQLite) with P2HAM declarations: "
            << (dir / "opd.db").string() << std::endl;

  Invocation base;
  base.configFile = (dir / "hamhub.json").string();
  base.logFormat = inv.logFormat;
  base.logLevel = inv.logLevel;
  heading("hamhub harvest --all");
  runStep("harvest", base, {{"all", {}}});
  heading("hamhub check   (probes every source; a second look confirms Lubuk Linggau's maintenance)");
  runStep("check", base, {});
  runStep("check", base, {{"source", {"jdih-16-73"}}});
  heading("hamhub alerts --region 16 --kind ranham.   (scores what was harvested, evaluates every alert rule; the RANHAM ones shown)");
  runStep("alerts", base, {{"region", {"16"}}, {"kind", {"ranham."}}});

  const std::string report = (dir / "laporan-kanwil-16.xlsx").string();
  runStep("report", base, {{"region", {"16"}}, {"output", {report}}, {"no-refresh", {}}});

  Session demo(base);
  if (!demo.loadForSources()) return kExitUsage;
  heading("Summary");
  printDemoSummary(std::cout, demo, base.configFile->c_str());
  std::cout << "  laporan / report for the Kanwil: " << report << " (also --format html|csv)\n";

  const std::string url = "http://" + settings.listen + "/";
  if (inv.has("no-serve")) {
    heading("Dashboard: not started (--no-serve); run hamhub --config " + *base.configFile + " serve, then open " + url);
  } else {
    heading("Dashboard: " + url);
  }
  std::cout << "   viewer token (Kanwil Sumsel, read only): " << settings.tokens.viewer
            << "\n   operator token (Kanwil Sumsel, may acknowledge alerts): " << settings.tokens.operatorToken
            << "\n   the same from the command line: hamhub --config " << *base.configFile << " alerts | sources | report --region 16"
            << std::endl;
  if (inv.has("no-serve")) return kExitOk;
  std::cout << "   serving until Ctrl-C" << std::endl;
  return runStep("serve", base, {});
}

}  // namespace

Verb demoVerb() {
  return {"demo",
          "the whole hub on simulated Sumatera Selatan sources: harvest, score, alerts, then the dashboard until Ctrl-C",
          "[--dir DIR] [--listen HOST:PORT] [--no-serve]",
          {{"dir", "DIR", "where the demo's store, sources and logs go (default var/demo; emptied first)"},
           {"listen", "HOST:PORT", "where the dashboard and API listen (default 127.0.0.1:8080)"},
           {"no-serve", "", "stop after the summary instead of serving the dashboard"}},
          false,
          &runDemo};
}

}  // namespace hamhub::cli

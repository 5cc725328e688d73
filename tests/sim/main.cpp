// hamhub-sim: serves simulated regional JDIH sites on 127.0.0.1 until SIGINT/SIGTERM.
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <Poco/Exception.h>

#include "simulator.h"

namespace {

constexpr const char* kUsage = R"(usage: hamhub-sim [options]

Serves simulated regional JDIH sites (JDIHN integration feeds) on one port, from data generated
with a fixed seed. Prints one line per site: LABEL BEHAVIOUR URL. Runs until SIGINT/SIGTERM;
SIGUSR1 mutates every site (one document added, one changed, one removed).

  --port P                 port to listen on; 0 (default) picks a free one
  --bind ADDRESS           address to listen on (default 127.0.0.1)
  --sites N                N sites at /site0 ... /site{N-1} (default 10)
  --docs M                 documents per site (default 400)
  --seed S                 generator seed (default 16)
  --scenario sumsel|FILE   the 17 kab/kota of Sumatera Selatan at /jdih/16.xx (16.73 in
                           maintenance-503), or a scenario JSON file (see tests/sim/README.md)
  --exports                also serve Kanwil Sumsel's application exports: KKPHAM (/kkpham),
                           SAPA-HAM Aksi HAM (/sapaham), an OPD REST API and an SKM survey
                           (/opd/16.71, /skm/16.71)
  --behaviour I=NAME[,k=v] behaviour of site I (index or label, e.g. 3=slow,delay_ms=500 or
                           16.71=basic-auth,user=jdih,password=rahasia), or of every site for
                           I = * ('*=slow,delay_ms=200'); repeatable, later ones win
  --tls self-signed|expired
                           serve HTTPS with a certificate made at start for 127.0.0.1: valid
                           for 30 days, or expired yesterday; URLs and source files say https://
  --print-cert FILE        with --tls: write the certificate (PEM) into FILE, for a client to
                           trust as its CA
  --threads T              HTTP worker threads (default 64)
  --incomplete-share F     share of documents missing mandatory metadata (default 0.1)
  --print-sources DIR      write one hamhub source file per site into DIR
  --port-file FILE         write the chosen port into FILE
  --mutate-every SECONDS   mutate every site every SECONDS (default: never)
  --list-behaviours        print the behaviour names and exit
  --help
)";

[[noreturn]] void usageError(const std::string& message) {
  std::cerr << "hamhub-sim: " << message << "\n(see hamhub-sim --help)\n";
  std::exit(2);
}

std::uint64_t number(const std::string& flag, const std::string& value) {
  try {
    std::size_t used = 0;
    const unsigned long long n = std::stoull(value, &used);
    if (used != value.size()) throw std::invalid_argument(value);
    return n;
  } catch (const std::exception&) {
    usageError(flag + " wants a whole number, got '" + value + "'");
  }
}

}  // namespace

int main(int argc, char** argv) {
  // Block the signals before any thread starts, so that only sigtimedwait below receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGUSR1);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::uint16_t port = 0;
  std::string bind = "127.0.0.1";
  std::size_t sites = 10, docs = 400;
  std::uint64_t seed = 16;
  bool seedGiven = false, docsGiven = false;
  std::string scenario, sourcesDir, portFile, certFile;
  hamhub::sim::TlsMode tls = hamhub::sim::TlsMode::kNone;
  bool exports = false;
  std::vector<std::string> behaviours;
  int threads = 64;
  double incompleteShare = 0.1;
  std::uint64_t mutateEvery = 0;

  std::vector<std::string> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= args.size()) usageError(a + " needs a value");
      return args[++i];
    };
    if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (a == "--list-behaviours") {
      for (auto b : hamhub::sim::allBehaviours()) std::cout << hamhub::sim::behaviourName(b) << '\n';
      return 0;
    } else if (a == "--port") {
      const auto p = number(a, value());
      if (p > 65535) usageError("--port must be at most 65535");
      port = static_cast<std::uint16_t>(p);
    } else if (a == "--bind") {
      bind = value();
    } else if (a == "--sites") {
      sites = number(a, value());
    } else if (a == "--docs") {
      docs = number(a, value());
      docsGiven = true;
    } else if (a == "--seed") {
      seed = number(a, value());
      seedGiven = true;
    } else if (a == "--scenario") {
      scenario = value();
    } else if (a == "--exports") {
      exports = true;
    } else if (a == "--behaviour" || a == "--behavior") {
      behaviours.push_back(value());
    } else if (a == "--threads") {
      threads = static_cast<int>(number(a, value()));
    } else if (a == "--incomplete-share") {
      try {
        incompleteShare = std::stod(value());
      } catch (const std::exception&) {
        usageError("--incomplete-share wants a number between 0 and 1");
      }
    } else if (a == "--print-sources") {
      sourcesDir = value();
    } else if (a == "--port-file") {
      portFile = value();
    } else if (a == "--tls") {
      const std::string mode = value();
      const auto parsed = hamhub::sim::parseTlsMode(mode);
      if (!parsed) usageError("--tls is self-signed, expired or none, got '" + mode + "'");
      tls = *parsed;
    } else if (a == "--print-cert") {
      certFile = value();
    } else if (a == "--mutate-every") {
      mutateEvery = number(a, value());
    } else {
      usageError("unknown argument '" + a + "'");
    }
  }

  hamhub::sim::SimOptions options;
  try {
    if (scenario.empty()) {
      options = hamhub::sim::genericScenario(sites, docs, seed);
    } else if (scenario == "sumsel") {
      options = hamhub::sim::sumselScenario(docs, seed);
    } else {
      options = hamhub::sim::loadScenario(scenario);
      if (seedGiven) options.seed = seed;
      if (docsGiven) {
        for (auto& s : options.sites) s.documents = docs;
      }
    }
    if (exports) hamhub::sim::addExportSites(options);
    for (const auto& b : behaviours) hamhub::sim::applyBehaviourArgument(options, b);
  } catch (const std::exception& e) {
    usageError(e.what());
  }
  options.port = port;
  options.bindAddress = bind;
  options.threads = threads;
  options.incompleteShare = incompleteShare;
  options.tls = tls;
  if (!certFile.empty() && tls == hamhub::sim::TlsMode::kNone) usageError("--print-cert needs --tls");

  const std::uint64_t effectiveSeed = options.seed;
  try {
    hamhub::sim::Simulator sim(std::move(options));
    sim.start();
    // Before the URLs are printed: a client that reads them may connect at once, trusting this file.
    if (!certFile.empty()) {
      std::filesystem::copy_file(sim.certificateFile(), certFile, std::filesystem::copy_options::overwrite_existing);
    }
    std::cout << "hamhub-sim listening on " << sim.baseUrl() << " (" << sim.siteCount() << " sites, seed "
              << effectiveSeed << ")\n";
    for (std::size_t i = 0; i < sim.siteCount(); ++i) {
      std::cout << sim.site(i).label << ' ' << hamhub::sim::behaviourName(sim.behaviour(i).kind) << ' '
                << sim.siteUrl(i) << '\n';
    }
    std::cout.flush();
    if (!portFile.empty()) {
      std::ofstream(portFile) << sim.port() << '\n';
    }
    if (!sourcesDir.empty()) {
      sim.writeSources(sourcesDir);
      std::cerr << "hamhub-sim: wrote " << sim.siteCount() << " source files to " << sourcesDir << '\n';
    }

    auto mutateAll = [&] {
      for (std::size_t i = 0; i < sim.siteCount(); ++i) {
        const auto r = sim.mutate(i);
        std::cerr << "hamhub-sim: " << sim.site(i).label << " mutated: +" << r.added.size() << " ~" << r.changed.size()
                  << " -" << r.removed.size() << '\n';
      }
    };
    auto nextMutation = std::time(nullptr) + static_cast<std::time_t>(mutateEvery);
    for (;;) {
      timespec timeout{1, 0};
      const int sig = sigtimedwait(&signals, nullptr, &timeout);
      if (sig == SIGINT || sig == SIGTERM) break;
      if (sig == SIGUSR1) mutateAll();
      if (mutateEvery > 0 && std::time(nullptr) >= nextMutation) {
        mutateAll();
        nextMutation = std::time(nullptr) + static_cast<std::time_t>(mutateEvery);
      }
    }
    sim.stop();
  } catch (const Poco::Exception& e) {
    std::cerr << "hamhub-sim: " << e.displayText() << '\n';
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "hamhub-sim: " << e.what() << '\n';
    return 1;
  }
  return 0;
}

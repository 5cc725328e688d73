#include <signal.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>

#include <spdlog/spdlog.h>

#include "cli/refresh.h"
#include "cli/session.h"
#include "cli/verbs.h"
#include "host/api/api_server.h"
#include "host/harvest/http_factory.h"
#include "host/harvest/stale_runs.h"
#include "host/monitor/observing_http_client.h"
#include "host/schedule/periodic_task.h"
#include "host/schedule/scheduler.h"
#include "host/subjects/subject_catalog.h"

namespace hamhub::cli {

namespace {

using std::chrono::seconds;

std::atomic<bool> gReload{false};
std::atomic<bool> gStop{false};

extern "C" void onServeSignal(int sig) {
  if (sig == SIGHUP) {
    gReload = true;
  } else {
    gStop = true;
  }
}

// One loaded configuration. Jobs hold the one they started with, so a reload never pulls the
// plugins, catalogue or settings from under a harvest in flight.
struct Runtime {
  explicit Runtime(const Invocation& inv) : session(inv) {}
  Session session;
  std::unique_ptr<host::SubjectCatalog> catalog;
  host::HttpClientFactory http;
  std::optional<host::TimeZone> zone;  // set once loaded
  std::unique_ptr<host::NotificationDispatcher> notify;  // none without notify channels
};

std::shared_ptr<Runtime> loadRuntime(const Invocation& inv, host::Store* store) {
  auto rt = std::make_shared<Runtime>(inv);
  if (!rt->session.loadForSources(false)) return nullptr;
  if (store != nullptr) {
    auto notify = notificationDispatcher(rt->session, *store);
    if (!notify.isOk()) {
      fail(notify.status().message(), "Run 'hamhub config check' for the notify channels.");
      return nullptr;
    }
    rt->notify = std::move(*notify);
  }
  auto zone = host::TimeZone::load(rt->session.hub.timezone);
  if (!zone.isOk()) {
    fail(zone.status().message(), "Set \"timezone\" in the hub file to an IANA name such as Asia/Jakarta.");
    return nullptr;
  }
  rt->zone = *zone;
  rt->catalog = std::make_unique<host::SubjectCatalog>(rt->session.subjects);
  rt->http = host::makeHttpClientFactory(rt->session.hub.http.ratePerHost);
  return rt;
}

host::ApiContext apiContextOf(const std::shared_ptr<Runtime>& rt, host::Store& store, const host::Scheduler& scheduler) {
  host::ApiContext context;
  context.store = &store;
  context.schedule = [&scheduler] { return scheduler.view(); };
  context.schedulerAlive = [&scheduler] { return scheduler.alive(); };
  context.sources = [rt] { return rt->session.sources; };
  // Shares the runtime's ownership: the models stay while a request still reads them after a reload.
  context.criteria = std::shared_ptr<const host::CriteriaCatalog>(rt, &rt->session.criteria);
  for (const auto& subject : rt->session.subjects) {
    context.provinceOf[subject.id] = subject.province.empty() ? subject.id : subject.province;
  }
  return context;
}

// "17 sources" or "0 sources, 6 disabled": what will actually run.
std::string sourceCount(const std::vector<host::SourceConfig>& sources) {
  const auto enabled = std::count_if(sources.begin(), sources.end(), [](const auto& s) { return s.enabled; });
  const auto disabled = static_cast<std::ptrdiff_t>(sources.size()) - enabled;
  return std::to_string(enabled) + " sources" + (disabled > 0 ? ", " + std::to_string(disabled) + " disabled" : "");
}

host::SchedulerSettings settingsOf(const Runtime& rt) {
  return {rt.session.hub.harvest, rt.session.hub.monitor, *rt.zone, true};
}

int runServe(const Invocation& inv) {
  if (!noPositionals(inv)) return kExitUsage;
  // The handlers only raise flags this thread polls: threads started before this point (the
  // logger's) would otherwise take a signal that sigwait() was meant to get.
  gReload = false;
  gStop = false;
  struct sigaction action {};
  action.sa_handler = onServeSignal;
  sigemptyset(&action.sa_mask);
  for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaction(s, &action, nullptr);

  std::shared_ptr<Runtime> current = loadRuntime(inv, nullptr);
  if (!current) return kExitUsage;
  Session& first = current->session;
  if (!first.openStore() || !first.syncStore(*first.store)) return kExitUsage;
  // The store outlives every reloaded configuration: it stays the one opened here.
  const std::unique_ptr<host::Store> storeOwner = std::move(first.store);
  host::Store& store = *storeOwner;
  const std::string storeUrl = first.hub.store;
  if (auto notify = notificationDispatcher(first, store); !notify.isOk()) {
    return fail(notify.status().message(), "Run 'hamhub config check' for the notify channels.");
  } else {
    current->notify = std::move(*notify);
  }
  if (auto closed = host::closeStaleRuns(store, seconds(first.hub.harvest.runTimeoutSeconds),
                                         seconds(first.hub.harvest.graceSeconds));
      !closed.isOk()) {
    return fail(closed.status().message());
  } else if (*closed > 0) {
    spdlog::warn("closed {} run(s) left running by a hub that stopped", *closed);
  }

  std::mutex runtimeMutex;
  const auto runtime = [&] {
    std::lock_guard lock(runtimeMutex);
    return current;
  };
  // Scores and alerts follow the harvests: re-evaluated every alerts.interval_s and soon after a
  // harvest that changed something (a burst of harvests makes one evaluation).
  // Notifications go out on a turn of their own: a slow or dead channel never holds up scores,
  // alerts or harvests.
  std::atomic<bool> stopDelivery{false};
  host::PeriodicTask deliver(seconds(30), seconds(1), [&] {
    const auto rt = runtime();
    if (!rt->notify) return;
    const auto now = std::chrono::system_clock::now();
    if (auto digests = rt->notify->enqueueDigests(now); !digests.isOk()) {
      spdlog::error("daily digests not queued: {}", digests.status().message());
    }
    auto delivered = rt->notify->deliverDue(now, stopDelivery);
    if (!delivered.isOk()) {
      spdlog::error("notifications not delivered: {}", delivered.status().message());
      return;
    }
    for (const auto& message : delivered->messages) spdlog::warn("notification: {}", message);
    if (delivered->sent > 0) spdlog::info("{} notification(s) sent", delivered->sent);
  });
  host::PeriodicTask refresh(seconds(first.hub.alerts.intervalSeconds), seconds(10), [&] {
    const auto rt = runtime();
    auto refreshed = refreshScoresAndAlerts(rt->session, store, rt->notify.get());
    if (!refreshed.isOk()) {
      spdlog::error("scores and alerts not refreshed: {}", refreshed.status().message());
      return;
    }
    const auto& a = refreshed->alerts;
    if (refreshed->scoring.scored > 0 || !a.opened.empty() || !a.changed.empty() || !a.resolved.empty()) {
      spdlog::info("scored {}; alerts: {} new, {} changed, {} resolved", refreshed->scoring.scored, a.opened.size(),
                   a.changed.size(), a.resolved.size());
    }
    if (!a.opened.empty() || !a.changed.empty() || !a.resolved.empty()) deliver.poke();
  });
  host::SchedulerJobs jobs;
  jobs.harvest = [&](const host::SourceConfig& source, const std::atomic<bool>& stop) {
    const auto rt = runtime();
    std::optional<seconds> retryAfter;
    auto observed = [&](const host::SourceConfig& s, std::function<bool()> cancelled) -> std::unique_ptr<HttpClient> {
      return std::make_unique<host::ObservingHttpClient>(rt->http(s, std::move(cancelled)),
                                                         [&](const host::ObservedResponse& r) {
                                                           if (r.retryAfter) retryAfter = r.retryAfter;
                                                         });
    };
    host::HarvestRunner runner(store, rt->session.registry, rt->session.normaliser, *rt->catalog, observed,
                               rt->session.hub.harvest.runTimeoutSeconds);
    host::HarvestAttempt attempt{runner.run(source, stop), retryAfter};
    const auto& counts = attempt.summary.counts;
    if (counts.added + counts.updated + counts.withdrawn > 0 || attempt.summary.status != host::RunStatus::Success) {
      refresh.poke();
    }
    return attempt;
  };
  jobs.probe = [&](const host::SourceConfig& source, const std::atomic<bool>& stop) {
    const auto rt = runtime();
    return host::probeSource(source, rt->session.registry, *rt->catalog, rt->http, rt->session.hub.monitor, stop);
  };

  host::Scheduler scheduler(store, settingsOf(*current), jobs);
  scheduler.setSources(current->session.sources);
  scheduler.start();
  // Not at once: the catch-up harvests poke it, and at start-up the store is busiest (a locked
  // store would hold the first evaluation for its whole busy timeout).
  refresh.start(false);
  deliver.start();
  host::ApiSettings api = current->session.hub.api;
  if (inv.has("listen")) api.listen = inv.get("listen");
  if (api.tokens.empty()) {
    spdlog::warn("no api.tokens in the hub file: /api/v1 answers 401 to everyone (/healthz and /metrics stay open)");
  }
  host::ApiServer server(api, apiContextOf(current, store, scheduler));
  if (Status listening = server.start(); !listening) {
    scheduler.stop(seconds(0));
    return fail(listening.message());
  }
  spdlog::info("hamhub serve: {}, time zone {}, store {}; SIGHUP reloads the configuration, SIGTERM stops",
               sourceCount(current->session.sources), current->zone->name(), store.describe());
  std::cerr << "hamhub serve: scheduling " << sourceCount(current->session.sources) << " (time zone "
            << current->zone->name() << ", store " << store.describe() << "), API on http://" << api.listen.substr(0, api.listen.rfind(':'))
            << ":" << server.port() << "/api/v1 (dashboard at /, /healthz, /metrics). SIGHUP reloads, SIGTERM or Ctrl-C stops.\n";

  while (!gStop) {
    if (!gReload.exchange(false)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      continue;
    }
    auto next = loadRuntime(inv, &store);
    if (!next) {
      spdlog::error("configuration reload refused (see the errors above); the previous configuration keeps running");
      continue;
    }
    if (next->session.hub.store != storeUrl) {
      spdlog::warn("the store setting changed; it takes effect at the next start, the store in use stays");
    }
    if (!next->session.syncStore(store)) {
      spdlog::error("configuration reload refused: the store could not take the new sources; the previous "
                    "configuration keeps running");
      continue;
    }
    {
      std::lock_guard lock(runtimeMutex);
      current = next;
    }
    scheduler.setSettings(settingsOf(*next));
    refresh.setInterval(seconds(next->session.hub.alerts.intervalSeconds));
    scheduler.setSources(next->session.sources);
    server.update(next->session.hub.api, apiContextOf(next, store, scheduler));
    spdlog::info("configuration reloaded: {}", sourceCount(next->session.sources));
  }
  const auto grace = seconds(runtime()->session.hub.harvest.graceSeconds);
  std::cerr << "hamhub serve: stopping; running harvests have " << grace.count() << " s to finish\n";
  server.stop();
  scheduler.stop(grace);
  refresh.stop();
  stopDelivery = true;
  deliver.stop();
  return kExitOk;
}

}  // namespace

Verb serveVerb() {
  return {"serve",
          "run the hub: scheduled harvests and health probes, scores and alerts, notifications, the REST API and dashboard",
          "[--listen HOST:PORT]",
          {{"listen", "HOST:PORT", "where the REST API listens (default: api.listen, 127.0.0.1:8080)"}},
          false,
          &runServe};
}

}  // namespace hamhub::cli

#include <atomic>
#include <iostream>

#include "cli/session.h"
#include "cli/verbs.h"
#include "host/notify/notification_dispatcher.h"

namespace hamhub::cli {

namespace {

int runNotifyTest(const Invocation& inv) {
  if (!noPositionals(inv)) return kExitUsage;
  if (!inv.has("channel")) return fail("--channel is required", "Run 'hamhub notify test --help'.");
  Session session(inv);
  if (!session.loadHub()) return kExitUsage;
  session.loadPlugins(false);
  if (!session.checkNotify() || !session.openStore()) return kExitUsage;
  auto dispatcher = host::NotificationDispatcher::create(session.hub, session.registry, *session.store);
  if (!dispatcher) return fail(dispatcher.status().message());
  const std::atomic<bool> stop{false};
  const std::string channel = inv.get("channel");
  Status sent = (*dispatcher)->sendTest(channel, std::chrono::system_clock::now(), stop);
  if (!sent) {
    if (sent.reason() == "not-found") return fail(sent.message(), "The channels are in \"notify\" of " + session.hub.file.string() + ".");
    std::cout << "channel " << channel << ": FAILED: " << sent.message() << " [" << sent.reason() << "]"
              << (isRetryableNotifyReason(sent.reason()) ? " (retryable)" : "") << "\n";
    return kExitSourceFailed;
  }
  std::cout << "channel " << channel << ": test notification delivered\n";
  return kExitOk;
}

}  // namespace

Verb notifyTestVerb() {
  return {"notify test",
          "send a test notification through one notify channel now and print the result",
          "--channel ID",
          {{"channel", "ID", "the channel's id in the hub file's \"notify\" block"}},
          false,
          &runNotifyTest};
}

}  // namespace hamhub::cli

#include "host/notify/notification_dispatcher.h"

#include <cstdio>
#include <limits>
#include <map>
#include <random>

#include <spdlog/spdlog.h>

#include "host/notify/channel_context.h"
#include "host/notify/notification_text.h"
#include "host/plugins/plugin_registry.h"
#include "host/schedule/retry_policy.h"
#include "host/store/store.h"

namespace hamhub::host {

namespace {

std::string localDate(std::chrono::local_seconds local) {
  const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(local)};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return text;
}

int minuteOfDay(std::chrono::local_seconds local) {
  const auto sinceMidnight = local - std::chrono::floor<std::chrono::days>(local);
  return static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(sinceMidnight).count());
}

std::string serialise(const Notification& n) { return toJson(notificationToJson(n)); }

OutboxEntry entryFor(const NotifyChannel& channel, const Notification& n, std::int64_t alertId,
                     const std::string& at) {
  OutboxEntry e;
  e.channel = channel.id;
  e.dedup = n.id;
  e.kind = n.kind == NotificationKind::Digest ? "digest" : "alert";
  e.alertId = alertId;
  e.region = n.region;
  e.payload = serialise(n);
  e.nextAttemptAt = at;
  e.createdAt = at;
  return e;
}

}  // namespace

NotificationDispatcher::NotificationDispatcher(NotifySettings settings, HttpSettings http, TimeZone zone, Store& store,
                                               std::function<double()> unitRandom)
    : settings_(std::move(settings)),
      http_(std::move(http)),
      zone_(std::move(zone)),
      store_(store),
      unitRandom_(std::move(unitRandom)) {}

Result<std::unique_ptr<NotificationDispatcher>> NotificationDispatcher::create(const HubConfig& hub,
                                                                               const PluginRegistry& registry,
                                                                               Store& store,
                                                                               std::function<double()> unitRandom) {
  NotifySettings settings = hub.notify;
  ConfigIssues issues;
  checkNotifyChannels(settings.channels, registry, hub.file.string(), issues);
  auto zone = TimeZone::load(hub.timezone);
  if (!zone) issues.push_back({hub.file.string(), "timezone", zone.status().message()});
  if (!issues.empty()) {
    std::string all;
    for (const auto& i : issues) all += (all.empty() ? "" : "; ") + i.toString();
    return Status::error("notify: " + all, "invalid-config");
  }
  if (!unitRandom) {
    auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
    unitRandom = [engine] { return std::uniform_real_distribution<double>(0.0, 1.0)(*engine); };
  }
  std::unique_ptr<NotificationDispatcher> dispatcher(
      new NotificationDispatcher(std::move(settings), hub.http, std::move(*zone), store, std::move(unitRandom)));
  for (const auto& channel : dispatcher->settings_.channels) {
    auto notifier = registry.createNotifier(channel.plugin);
    if (!notifier) return notifier.status().withContext("notify channel '" + channel.id + "'");
    if (Status s = (*notifier)->configure(channel.options); !s) {
      return s.withContext("notify channel '" + channel.id + "'");
    }
    dispatcher->notifiers_.push_back({&channel, std::move(*notifier)});
  }
  return dispatcher;
}

const NotificationDispatcher::Channel* NotificationDispatcher::find(const std::string& id) const {
  for (const auto& c : notifiers_) {
    if (c.config->id == id) return &c;
  }
  return nullptr;
}

Result<std::size_t> NotificationDispatcher::enqueue(const AlertSyncSummary& summary, const std::string& at) {
  const std::pair<const char*, const std::vector<std::int64_t>*> events[] = {
      {"opened", &summary.opened}, {"changed", &summary.changed}, {"resolved", &summary.resolved}};
  std::vector<OutboxEntry> entries;
  for (const auto& [event, ids] : events) {
    for (const std::int64_t id : *ids) {
      auto row = store_.alert(id);
      if (!row) return row.status();
      if (!row->has_value()) continue;  // gone since the evaluation: nothing left to tell
      const AlertRow& alert = **row;
      const std::string dedup = "alert:" + std::to_string(alert.id) + ":" + std::to_string(alert.revision);
      for (const auto& channel : settings_.channels) {
        if (!channel.wantsEvent(event) || !channel.wantsRegion(alert.finding.region) ||
            alert.finding.severity < channel.minSeverity) {
          continue;
        }
        entries.push_back(entryFor(channel, alertNotification(alert, event, channel.language, dedup), alert.id, at));
      }
    }
  }
  if (entries.empty()) return std::size_t{0};
  return store_.enqueueNotifications(entries);
}

Result<std::size_t> NotificationDispatcher::enqueueDigests(TimePoint now) {
  const auto local = zone_.toLocal(now);
  const std::string day = localDate(local);
  const int minute = minuteOfDay(local);
  std::vector<const NotifyChannel*> due;
  for (const auto& channel : settings_.channels) {
    if (channel.digestMinute && minute >= *channel.digestMinute) due.push_back(&channel);
  }
  if (due.empty()) return std::size_t{0};

  std::lock_guard lock(digestMutex_);
  if (day != digestDay_) {
    digestDay_ = day;
    digestsEnqueued_.clear();
  }
  auto live = store_.alerts(AlertQuery{});
  if (!live) return live.status();
  std::map<std::string, std::vector<AlertRow>> byRegion;
  for (auto& alert : *live) byRegion[alert.finding.region].push_back(std::move(alert));

  const std::string at = formatUtc(now);
  std::vector<OutboxEntry> entries;
  for (const NotifyChannel* channel : due) {
    for (const auto& [region, alerts] : byRegion) {
      const std::string dedup = "digest:" + region + ":" + day;
      if (!channel->wantsRegion(region) || digestsEnqueued_.count(channel->id + "|" + dedup)) continue;
      std::vector<AlertRow> wanted;
      for (const auto& a : alerts) {
        if (a.finding.severity >= channel->minSeverity) wanted.push_back(a);
      }
      if (wanted.empty()) continue;
      entries.push_back(entryFor(*channel, digestNotification(region, day, std::move(wanted), channel->language, dedup),
                                 0, at));
    }
  }
  if (entries.empty()) return std::size_t{0};
  auto added = store_.enqueueNotifications(entries);
  if (added) {
    for (const auto& e : entries) digestsEnqueued_.insert(e.channel + "|" + e.dedup);
  }
  return added;
}

Result<DeliverySummary> NotificationDispatcher::deliverDue(TimePoint now, const std::atomic<bool>& stop) {
  std::lock_guard lock(deliverMutex_);
  auto due = store_.dueNotifications(formatUtc(now), kDeliveryBatch);
  if (!due) return due.status();
  // Deliveries count as attempts; the n-th retry waits as harvest retry n would.
  RetrySettings backoff;
  backoff.maxAttempts = settings_.maxAttempts - 1;
  backoff.baseSeconds = settings_.baseSeconds;
  backoff.maxDelaySeconds = settings_.maxDelaySeconds;
  backoff.maxElapsedSeconds = std::numeric_limits<std::int32_t>::max();

  DeliverySummary summary;
  std::set<std::string> resting;  // channels that failed a delivery this pass: their other rows wait
  for (const OutboxEntry& entry : *due) {
    if (stop.load()) break;
    if (resting.count(entry.channel)) continue;
    const std::string what = "notify channel '" + entry.channel + "': " + entry.dedup;
    const Channel* channel = find(entry.channel);
    // Another hub process on a shared store may be looking at the same row: one of them takes it.
    const auto lease = std::chrono::seconds((channel != nullptr ? channel->config->timeoutSeconds : 0) + kLeaseMarginSeconds);
    auto claimed = store_.claimNotification(entry.id, entry.nextAttemptAt, formatUtc(now + lease));
    if (!claimed) {
      summary.messages.push_back(what + ": not claimed: " + claimed.status().message());
      spdlog::error("{}", summary.messages.back());
      continue;
    }
    if (!*claimed) continue;
    DeliveryRecord record;
    record.id = entry.id;
    record.attempts = entry.attempts + 1;
    record.nextAttemptAt = entry.nextAttemptAt;
    Status outcome;
    if (channel == nullptr) {
      outcome = Status::error("the channel is no longer configured", "unknown-channel");
    } else if (auto json = parseJson(entry.payload); !json) {
      outcome = json.status().withContext("stored payload");
    } else if (auto notification = notificationFromJson(*json); !notification) {
      outcome = notification.status().withContext("stored payload");
    } else {
      ChannelContext context(*channel->config, http_, stop);
      outcome = channel->notifier->send(context, *notification);
      // A shutdown that cut a delivery short is not the channel's failure: it stays due.
      if (!outcome && stop.load()) break;
    }
    if (outcome) {
      record.status = OutboxStatus::Sent;
      record.sentAt = formatUtc(now);
      ++summary.sent;
      spdlog::info("{}: sent (attempt {})", what, record.attempts);
    } else {
      record.lastError = outcome.message() + " [" + outcome.reason() + "]";
      const auto delay = isRetryableNotifyReason(outcome.reason())
                             ? retryDelay(backoff, static_cast<int>(record.attempts), std::chrono::seconds(0),
                                          std::nullopt, unitRandom_())
                             : std::nullopt;
      if (delay) {
        record.status = OutboxStatus::Pending;
        record.nextAttemptAt = formatUtc(now + *delay);
        resting.insert(entry.channel);
        ++summary.retried;
        summary.messages.push_back(what + ": attempt " + std::to_string(record.attempts) + " failed, retry at " +
                                   record.nextAttemptAt + ": " + record.lastError);
        spdlog::warn("{}", summary.messages.back());
      } else {
        record.status = OutboxStatus::Failed;
        ++summary.failed;
        summary.messages.push_back(what + ": failed after " + std::to_string(record.attempts) + " attempt" +
                                   (record.attempts == 1 ? "" : "s") + ": " + record.lastError);
        spdlog::error("{}", summary.messages.back());
      }
    }
    if (Status stored = store_.recordDelivery(record); !stored) {
      summary.messages.push_back(what + ": outcome not stored: " + stored.message());
      spdlog::error("{}", summary.messages.back());
    }
  }
  return summary;
}

Status NotificationDispatcher::sendTest(const std::string& channelId, TimePoint now, const std::atomic<bool>& stop) {
  const Channel* channel = find(channelId);
  if (channel == nullptr) {
    std::string known;
    for (const auto& c : notifiers_) known += (known.empty() ? "" : ", ") + c.config->id;
    return Status::error("no notify channel '" + channelId + "' (configured: " + (known.empty() ? "none" : known) + ")",
                         "not-found");
  }
  const NotifyChannel& config = *channel->config;
  AlertRow sample;
  sample.finding.kind = "notify.test";
  sample.finding.severity = AlertSeverity::Info;
  sample.finding.region = config.regions.empty() ? "" : config.regions.front();
  sample.finding.messageId = "Uji coba pengiriman notifikasi hamhub melalui kanal " + config.id + ".";
  sample.finding.messageEn = "A test of hamhub notifications through channel " + config.id + ".";
  sample.firstSeen = sample.lastSeen = sample.changedAt = formatUtc(now);
  ChannelContext context(config, http_, stop);
  return channel->notifier->send(context, alertNotification(sample, "opened", config.language, "test:" + formatUtc(now)))
      .withContext("notify channel '" + config.id + "'");
}

}  // namespace hamhub::host

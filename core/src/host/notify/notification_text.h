#pragma once

// What regional-office staff read: the title, plain text and HTML of an alert notification or a
// daily digest, in Bahasa Indonesia (`id`, the default) or English (`en`).

#include <string>
#include <vector>

#include "hamhub/notifier.h"
#include "host/alerts/alert.h"

namespace hamhub::host {

/// An alert that `event` (opened | changed | resolved) describes; `id` is the delivery's dedup.
Notification alertNotification(const AlertRow& alert, const std::string& event, const std::string& language,
                               const std::string& id);

/// A region's live alerts on `localDate` (YYYY-MM-DD), most severe first. Lists at most
/// kDigestListLimit alerts; the counts cover all of them.
Notification digestNotification(const std::string& region, const std::string& localDate,
                                std::vector<AlertRow> alerts, const std::string& language, const std::string& id);

inline constexpr std::size_t kDigestListLimit = 200;

}  // namespace hamhub::host

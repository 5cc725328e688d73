// The webhook notifier plugin (kind notifier).
#include <iterator>

#include "hamhub/plugin.h"
#include "webhook_notifier.h"

namespace {

const hamhub::OptionSpec kOptions[] = {
    {"url", hamhub::OptionType::String, true, false, nullptr, "where notifications are POSTed (http:// or https://)"},
    {"bearer_token", hamhub::OptionType::String, false, true, nullptr, "sent as Authorization: Bearer TOKEN"},
    {"headers", hamhub::OptionType::Object, false, true, nullptr,
     "extra request headers, e.g. {\"X-Api-Key\": \"${KEY}\"}"},
};

const hamhub::PluginManifest kManifest = {
    HAMHUB_MANIFEST_HEADER,
    "webhook",
    hamhub::PluginKind::Notifier,
    "1.0.0",
    "Posts alert notifications and daily digests as JSON to a URL",
    kOptions,
    std::size(kOptions)};

}  // namespace

HAMHUB_EXPORT_NOTIFIER(hamhub::webhook::WebhookNotifier, kManifest)

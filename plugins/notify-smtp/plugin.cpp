// The SMTP e-mail notifier plugin (kind notifier).
#include <iterator>

#include "hamhub/plugin.h"
#include "smtp_notifier.h"

namespace {

const hamhub::OptionSpec kOptions[] = {
    {"host", hamhub::OptionType::String, true, false, nullptr, "SMTP server host name or address"},
    {"port", hamhub::OptionType::Integer, false, false, "25", "SMTP server port (587 for submission)"},
    {"from", hamhub::OptionType::String, true, false, nullptr, "sender: name@domain or Name <name@domain>"},
    {"to", hamhub::OptionType::StringList, true, false, nullptr, "recipients (at most 100)"},
    {"starttls", hamhub::OptionType::Boolean, false, false, "false", "upgrade the connection with STARTTLS"},
    {"username", hamhub::OptionType::String, false, false, nullptr, "AUTH user (needs starttls)"},
    {"password", hamhub::OptionType::String, false, true, nullptr, "AUTH password (use ${ENV})"},
    {"auth", hamhub::OptionType::String, false, false, "\"login\"", "AUTH mechanism: login or plain"},
    {"verify_tls", hamhub::OptionType::Boolean, false, false, "true", "verify the server's certificate and name"},
    {"ca_file", hamhub::OptionType::String, false, false, nullptr, "PEM file of the CA to trust (an internal CA)"},
};

const hamhub::PluginManifest kManifest = {
    HAMHUB_MANIFEST_HEADER,
    "smtp",
    hamhub::PluginKind::Notifier,
    "1.0.0",
    "Sends alert notifications and daily digests as e-mail through an SMTP server",
    kOptions,
    std::size(kOptions)};

}  // namespace

HAMHUB_EXPORT_NOTIFIER(hamhub::smtp::SmtpNotifier, kManifest)

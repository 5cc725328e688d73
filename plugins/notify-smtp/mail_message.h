#pragma once

#include <memory>

#include <Poco/Net/MailMessage.h>

#include "hamhub/notifier.h"
#include "smtp_settings.h"

namespace hamhub::smtp {

/// The RFC 5322 message for a notification: From, To, a UTF-8 Subject as RFC 2047 encoded words,
/// a Message-ID derived from the notification id (the same on every retry), Auto-Submitted, and
/// the body as multipart/alternative (plain text, then HTML when there is one), quoted-printable.
std::unique_ptr<Poco::Net::MailMessage> buildMailMessage(const SmtpSettings& settings,
                                                         const Notification& notification);

}  // namespace hamhub::smtp

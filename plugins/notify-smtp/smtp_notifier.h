#pragma once

#include "hamhub/notifier.h"
#include "smtp_settings.h"

namespace hamhub::smtp {

/// Sends each notification as one e-mail to the channel's recipients: connect (bounded by the
/// channel's timeout), EHLO, STARTTLS and EHLO again when configured, AUTH when configured,
/// MAIL/RCPT/DATA, QUIT.
class SmtpNotifier : public Notifier {
 public:
  Status configure(const Options& options) override;
  Status send(NotifierContext& context, const Notification& notification) override;

 private:
  SmtpSettings settings_;
};

}  // namespace hamhub::smtp

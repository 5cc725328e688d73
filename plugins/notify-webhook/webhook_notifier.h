#pragma once

#include <string>

#include "hamhub/notifier.h"

namespace hamhub::webhook {

/// Posts each notification as JSON (notificationToJson) to one URL. 2xx is delivered; 429, 5xx
/// and transport failures are retryable; any other status is a refusal.
class WebhookNotifier : public Notifier {
 public:
  Status configure(const Options& options) override;
  Status send(NotifierContext& context, const Notification& notification) override;

 private:
  std::string url_;
  HttpHeaders headers_;
};

}  // namespace hamhub::webhook

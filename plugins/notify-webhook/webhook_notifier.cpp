#include "webhook_notifier.h"

namespace hamhub::webhook {

namespace {

bool startsWith(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

// Header names and values go on the wire as written: a line break would start a header of the
// sender's choosing.
bool safeHeaderText(std::string_view text) {
  return text.find_first_of("\r\n") == std::string_view::npos;
}

}  // namespace

Status WebhookNotifier::configure(const Options& options) {
  url_ = options.getString("url");
  if (!startsWith(url_, "http://") && !startsWith(url_, "https://")) {
    return Status::error("url '" + url_ + "' is not an http:// or https:// URL", "invalid-option");
  }
  headers_ = {{"Content-Type", "application/json; charset=utf-8"}};
  if (const std::string token = options.getString("bearer_token"); !token.empty()) {
    if (!safeHeaderText(token)) return Status::error("bearer_token contains a line break", "invalid-option");
    headers_.emplace_back("Authorization", "Bearer " + token);
  }
  if (const JsonValue* extra = options.get("headers")) {
    for (const auto& [name, value] : extra->asObject()) {
      if (!value.isString()) return Status::error("headers." + name + " must be a string", "invalid-option");
      if (name.empty() || !safeHeaderText(name) || name.find(':') != std::string::npos ||
          !safeHeaderText(value.asString())) {
        return Status::error("headers." + name + " is not a valid header name and value", "invalid-option");
      }
      headers_.emplace_back(name, value.asString());
    }
  }
  return Status::ok();
}

Status WebhookNotifier::send(NotifierContext& context, const Notification& notification) {
  HttpRequest request;
  request.method = "POST";
  request.url = url_;
  request.headers = headers_;
  // The same id on every retry lets the receiver drop a repeat of a delivery it did take.
  request.headers.emplace_back("Idempotency-Key", notification.id);
  request.body = toJson(notificationToJson(notification));
  auto response = context.http().fetch(request);
  if (!response) return response.status();
  return checkHttpStatus(*response, url_);
}

}  // namespace hamhub::webhook

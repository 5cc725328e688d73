#include <algorithm>
#include <cctype>

#include "hamhub/http.h"

namespace hamhub {

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::string HttpResponse::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (equalsIgnoreCase(key, name)) return value;
  }
  return {};
}

Status checkHttpStatus(const HttpResponse& response, std::string_view url) {
  const int code = response.status;
  if ((code >= 200 && code < 300) || code == 304) return Status::ok();
  std::string message = std::string(url) + ": HTTP " + std::to_string(code);
  if (!response.reason.empty()) message += " " + response.reason;
  if (code == 503) {
    const std::string retryAfter = response.header("Retry-After");
    if (!retryAfter.empty()) message += " (Retry-After: " + retryAfter + ")";
    return Status::error(message, "maintenance-status");
  }
  if (code == 429) return Status::error(message, "http-429");
  if (code >= 500) return Status::error(message, "http-5xx");
  return Status::error(message, "http-4xx");
}

}  // namespace hamhub

#include <array>

#include "hamhub/notifier.h"

namespace hamhub {

bool isRetryableNotifyReason(std::string_view reason) {
  // Failures of the path or of a busy server; a refusal of the message itself stays refused.
  static constexpr std::array<std::string_view, 9> kRetryable{
      "timeout", "dns", "connect-refused", "io", "cancelled", "http-5xx", "http-429", "maintenance-status",
      "smtp-transient"};
  for (const auto r : kRetryable) {
    if (r == reason) return true;
  }
  return false;
}

}  // namespace hamhub

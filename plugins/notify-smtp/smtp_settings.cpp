#include "smtp_settings.h"

#include <algorithm>

namespace hamhub::smtp {

namespace {

bool plausibleAddress(const std::string& address) {
  if (address.empty() || address.size() > 254) return false;
  if (address.find_first_of(" \t\r\n<>,;\"") != std::string::npos) return false;
  const auto at = address.find('@');
  return at != std::string::npos && at > 0 && at + 1 < address.size() && address.find('@', at + 1) == std::string::npos;
}

Status invalid(const std::string& message) { return Status::error(message, "invalid-option"); }

}  // namespace

std::string mailbox(const std::string& address) {
  const auto open = address.rfind('<');
  const auto close = address.rfind('>');
  if (open != std::string::npos && close != std::string::npos && close > open) {
    return address.substr(open + 1, close - open - 1);
  }
  return address;
}

Result<SmtpSettings> readSmtpSettings(const Options& options) {
  SmtpSettings s;
  s.host = options.getString("host");
  if (s.host.empty() || s.host.find_first_of(" /\r\n") != std::string::npos) {
    return invalid("host '" + s.host + "' is not a host name or address");
  }
  const std::int64_t port = options.getInt("port", 25);
  if (port < 1 || port > 65535) return invalid("port " + std::to_string(port) + " is not between 1 and 65535");
  s.port = static_cast<std::uint16_t>(port);
  s.from = options.getString("from");
  if (s.from.find_first_of("\r\n") != std::string::npos || !plausibleAddress(mailbox(s.from))) {
    return invalid("from '" + s.from + "' is not an e-mail address (name@domain or Name <name@domain>)");
  }
  s.to = options.getStringList("to");
  if (s.to.empty()) return invalid("to: give at least one recipient");
  if (s.to.size() > 100) return invalid("to: " + std::to_string(s.to.size()) + " recipients; at most 100 (use a list address)");
  for (const auto& address : s.to) {
    if (!plausibleAddress(address)) return invalid("to: '" + address + "' is not an e-mail address (name@domain)");
  }
  s.starttls = options.getBool("starttls", false);
  s.username = options.getString("username");
  s.password = options.getString("password");
  if (!s.username.empty() && !s.starttls) {
    return invalid("username is set but starttls is false: a password is never sent unencrypted");
  }
  s.auth = options.getString("auth", "login");
  if (s.auth != "login" && s.auth != "plain") return invalid("auth '" + s.auth + "' is not login or plain");
  s.verifyTls = options.getBool("verify_tls", true);
  s.caFile = options.getString("ca_file");
  return s;
}

}  // namespace hamhub::smtp

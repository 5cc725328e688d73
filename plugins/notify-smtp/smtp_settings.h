#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "hamhub/options.h"
#include "hamhub/status.h"

namespace hamhub::smtp {

/// A channel's SMTP options, checked.
struct SmtpSettings {
  std::string host;
  std::uint16_t port = 25;
  std::string from;  // "alerts@example.go.id" or "hamhub Kanwil <alerts@example.go.id>"
  std::vector<std::string> to;
  bool starttls = false;
  std::string username;  // empty: no AUTH
  std::string password;
  std::string auth = "login";  // login | plain
  bool verifyTls = true;
  std::string caFile;  // PEM of the CA to trust; empty: the system's
};

/// Reads and checks the options: addresses have one '@' and no spaces or line breaks, and a
/// password is only ever sent over STARTTLS. Errors have reason `invalid-option`.
Result<SmtpSettings> readSmtpSettings(const Options& options);

/// The bare address of "Name <address>" or of a bare address.
std::string mailbox(const std::string& address);

}  // namespace hamhub::smtp

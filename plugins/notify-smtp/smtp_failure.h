#pragma once

#include <string>

#include "hamhub/status.h"

namespace hamhub::smtp {

/// The Status for an exception thrown while talking to `server` (host:port), with a reason the
/// host's retry rule reads: an SMTP 4xx reply is `smtp-transient`, 535 `auth`, another 5xx
/// `smtp-rejected`; network failures `timeout`, `connect-refused`, `dns`, `tls` or `io`.
/// Call from inside a catch block.
Status smtpFailure(const std::string& server);

}  // namespace hamhub::smtp

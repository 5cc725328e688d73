#pragma once

#include <string_view>

#include "hamhub/status.h"

namespace hamhub::host {

/// Where in a request an exception surfaced; decides what a timeout means to the operator.
enum class HttpPhase { kConnect, kTlsHandshake, kAwaitResponse, kReadBody };

/// Turns the exception being handled into a Status with a transport reason (`dns`,
/// `connect-refused`, `timeout`, `tls`, `io`). Call only inside a catch block.
/// @param url already redacted; it starts the message.
/// @param timeoutMs the limit a timeout in `phase` ran into, for the message.
Status currentExceptionToStatus(std::string_view url, HttpPhase phase, int timeoutMs);

}  // namespace hamhub::host

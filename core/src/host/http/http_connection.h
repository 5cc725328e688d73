#pragma once

#include <memory>

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/URI.h>

#include "host/http/cancellable_wait.h"
#include "host/http/transfer_watchdog.h"
#include "host/http/transport_error.h"

namespace hamhub::host {

/// Opens the connection for one hop and wraps it in a Poco session: resolves the host, connects
/// and, for https, completes the TLS handshake (with `tls`), each step under `watchdog` with a
/// limit of `connectTimeout`. The socket then reads and writes with `ioTimeout`. `phase` tells
/// the caller which step an exception came from.
///
/// We connect ourselves instead of letting Poco's session do it so that the watchdog holds the
/// socket before the first blocking call. Throws Poco exceptions; the caller classifies them.
std::unique_ptr<Poco::Net::HTTPClientSession> openSession(
    const Poco::URI& uri, const Poco::Net::Context::Ptr& tls, TransferWatchdog& watchdog,
    SteadyClock::duration connectTimeout, SteadyClock::duration ioTimeout, HttpPhase& phase);

}  // namespace hamhub::host

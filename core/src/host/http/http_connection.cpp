#include "host/http/http_connection.h"

#include <algorithm>
#include <chrono>
#include <cstdint>

#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/String.h>
#include <Poco/Timespan.h>

namespace hamhub::host {

namespace {

Poco::Timespan toTimespan(SteadyClock::duration d) {
  const auto us = std::chrono::duration_cast<std::chrono::microseconds>(d).count();
  return Poco::Timespan(std::max<std::int64_t>(us, 1000));
}

}  // namespace

std::unique_ptr<Poco::Net::HTTPClientSession> openSession(
    const Poco::URI& uri, const Poco::Net::Context::Ptr& tls, TransferWatchdog& watchdog,
    SteadyClock::duration connectTimeout, SteadyClock::duration ioTimeout, HttpPhase& phase) {
  phase = HttpPhase::kConnect;
  const Poco::Net::SocketAddress address(uri.getHost(), uri.getPort());
  Poco::Net::StreamSocket socket(address.family());
  watchdog.watch(socket.impl()->sockfd());
  watchdog.setPhaseDeadline(SteadyClock::now() + connectTimeout);
  socket.connect(address, toTimespan(connectTimeout));
  socket.setNoDelay(true);

  if (Poco::icompare(uri.getScheme(), "https") != 0) {
    socket.setReceiveTimeout(toTimespan(ioTimeout));
    socket.setSendTimeout(toTimespan(ioTimeout));
    // The session is given a connected socket and no host, so it never reconnects on its own.
    return std::make_unique<Poco::Net::HTTPClientSession>(socket);
  }

  phase = HttpPhase::kTlsHandshake;
  watchdog.setPhaseDeadline(SteadyClock::now() + connectTimeout);
  socket.setReceiveTimeout(toTimespan(connectTimeout));
  socket.setSendTimeout(toTimespan(connectTimeout));
  // attach() sends SNI for the host name and verifies the certificate against it.
  Poco::Net::SecureStreamSocket secure =
      Poco::Net::SecureStreamSocket::attach(socket, uri.getHost(), tls);
  secure.setReceiveTimeout(toTimespan(ioTimeout));
  secure.setSendTimeout(toTimespan(ioTimeout));
  // A plain HTTPClientSession over the secure socket: HTTPSClientSession adds only proxy and
  // session-cache handling, and its constructor refuses an already connected socket.
  return std::make_unique<Poco::Net::HTTPClientSession>(secure);
}

}  // namespace hamhub::host

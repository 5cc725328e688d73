#pragma once

#include <Poco/Net/Context.h>

#include "hamhub/status.h"
#include "host/http/http_client_config.h"

namespace hamhub::host {

/// A client TLS context owned by one HTTP client. Verification is decided here and only here:
/// the context never consults Poco's process-wide SSLManager (its certificate handlers would let
/// one component's "accept anything" leak into every other client).
Result<Poco::Net::Context::Ptr> makeClientTlsContext(const HttpClientConfig& config);

/// The context for these TLS settings (verification, CA file), built on first use and shared by
/// every client in the process: loading the system CA store costs tens of milliseconds, far more
/// than a conditional request, and an SSL_CTX may serve many connections at once. Thread-safe.
Result<Poco::Net::Context::Ptr> sharedClientTlsContext(const HttpClientConfig& config);

/// Why this thread's last TLS handshake refused the server's certificate ("certificate has
/// expired (not after …)", "self-signed certificate"…), then forgotten; empty if it did not.
std::string takeTlsVerifyError();

}  // namespace hamhub::host

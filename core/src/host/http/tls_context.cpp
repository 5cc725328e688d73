#include "host/http/tls_context.h"

#include <map>
#include <mutex>
#include <string>
#include <utility>

#include <Poco/Net/SSLManager.h>

#include <Poco/Exception.h>
#include <openssl/ssl.h>

namespace hamhub::host {

Result<Poco::Net::Context::Ptr> makeClientTlsContext(const HttpClientConfig& config) {
  Poco::Net::Context::Params params;
  // STRICT (not RELAXED) so Poco checks the host name even for localhost addresses.
  params.verificationMode =
      config.verifyTls ? Poco::Net::Context::VERIFY_STRICT : Poco::Net::Context::VERIFY_NONE;
  params.caLocation = config.verifyTls ? config.caFile : std::string();
  params.loadDefaultCAs = config.verifyTls && config.caFile.empty();
  params.cipherList = "DEFAULT";
  try {
    Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::CLIENT_USE, params);
    // Poco installs a verify callback that reports to the global SSLManager, whose handlers
    // may ignore errors or prompt on a console. OpenSSL's own chain verification is what we
    // want, so drop the callback; the host-name check still runs in Poco after the handshake.
    SSL_CTX_set_verify(context->sslContext(), config.verifyTls ? SSL_VERIFY_PEER : SSL_VERIFY_NONE,
                       nullptr);
    return context;
  } catch (const Poco::Exception& e) {
    std::string what = "cannot set up TLS";
    if (!config.caFile.empty()) what += " with CA file " + config.caFile;
    return Status::error(what + ": " + e.displayText(), "tls");
  }
}

Result<Poco::Net::Context::Ptr> sharedClientTlsContext(const HttpClientConfig& config) {
  static std::mutex mutex;
  static std::map<std::pair<bool, std::string>, Result<Poco::Net::Context::Ptr>> cache;
  std::lock_guard lock(mutex);
  const auto key = std::make_pair(config.verifyTls, config.verifyTls ? config.caFile : std::string());
  auto it = cache.find(key);
  if (it == cache.end()) {
    // Once per process and never undone: Poco's SSL initialisation is reference-counted, and
    // toggling it per client would reinitialise OpenSSL for every request.
    static const bool initialised = [] {
      Poco::Net::initializeSSL();
      return true;
    }();
    (void)initialised;
    it = cache.emplace(key, makeClientTlsContext(config)).first;
  }
  return it->second;
}

}  // namespace hamhub::host

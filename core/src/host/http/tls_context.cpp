#include "host/http/tls_context.h"

#include <map>
#include <mutex>
#include <string>
#include <utility>

#include <Poco/Net/SSLManager.h>

#include <Poco/Exception.h>
#include <openssl/ssl.h>

namespace hamhub::host {

namespace {

// The handshake runs on the thread that makes the request, so the reason the chain was refused
// can wait there for the error message: OpenSSL's own error only says "certificate verify failed".
thread_local std::string tLastVerifyError;

extern "C" int rememberVerifyError(int preverified, X509_STORE_CTX* store) {
  if (preverified == 0) {
    const int error = X509_STORE_CTX_get_error(store);
    tLastVerifyError = X509_verify_cert_error_string(error);
    if (X509* cert = X509_STORE_CTX_get_current_cert(store)) {
      const ASN1_TIME* notAfter = X509_get0_notAfter(cert);
      if (error == X509_V_ERR_CERT_HAS_EXPIRED && notAfter != nullptr) {
        BIO* out = BIO_new(BIO_s_mem());
        if (out != nullptr && ASN1_TIME_print(out, notAfter) == 1) {
          char* text = nullptr;
          const long size = BIO_get_mem_data(out, &text);
          tLastVerifyError += " (not after " + std::string(text, static_cast<std::size_t>(size)) + ")";
        }
        BIO_free(out);
      }
    }
  }
  return preverified;
}

}  // namespace

std::string takeTlsVerifyError() {
  std::string error;
  error.swap(tLastVerifyError);
  return error;
}

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
                       config.verifyTls ? &rememberVerifyError : nullptr);
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

// A throw-away key and self-signed certificate for hamhub-sim's HTTPS, made with OpenSSL's C API.
#include "tls_certificate.h"

#include <stdlib.h>  // mkdtemp

#include <cerrno>
#include <cstdint>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <system_error>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace hamhub::sim {

namespace {

constexpr long kDay = 24L * 60 * 60;

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using KeyContext = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using Certificate = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using Extension = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

// Throws with OpenSSL's own explanation of what failed last.
void check(bool ok, const char* what) {
  if (ok) return;
  std::string detail;
  if (const unsigned long code = ERR_get_error(); code != 0) {
    char buffer[256] = {};
    ERR_error_string_n(code, buffer, sizeof buffer);
    detail = std::string(": ") + buffer;
  }
  ERR_clear_error();
  throw std::runtime_error(std::string("hamhub-sim TLS certificate: ") + what + detail);
}

Key makeKey() {
  KeyContext context(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  check(context != nullptr && EVP_PKEY_keygen_init(context.get()) > 0 &&
            EVP_PKEY_CTX_set_group_name(context.get(), "P-256") > 0,
        "cannot set up EC key generation");
  EVP_PKEY* key = nullptr;
  check(EVP_PKEY_keygen(context.get(), &key) > 0, "cannot generate an EC P-256 key");
  return Key(key);
}

void addExtension(X509* certificate, int nid, const char* value) {
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
  Extension extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
  check(extension != nullptr && X509_add_ext(certificate, extension.get(), -1) == 1, "cannot add an extension");
}

Certificate makeCertificate(EVP_PKEY* key, long notBeforeOffset, long notAfterOffset) {
  Certificate certificate(X509_new());
  check(certificate != nullptr && X509_set_version(certificate.get(), 2) == 1, "cannot create a certificate");
  // A random serial: clients may remember an issuer + serial pair across the certificates of several runs.
  std::uint64_t serial = 0;
  check(RAND_bytes(reinterpret_cast<unsigned char*>(&serial), sizeof serial) == 1, "no random serial");
  // | 1: RFC 5280 wants a positive serial.
  check(ASN1_INTEGER_set_uint64(X509_get_serialNumber(certificate.get()), serial | 1) == 1, "cannot set the serial");
  check(X509_gmtime_adj(X509_getm_notBefore(certificate.get()), notBeforeOffset) != nullptr &&
            X509_gmtime_adj(X509_getm_notAfter(certificate.get()), notAfterOffset) != nullptr,
        "cannot set the validity");
  X509_NAME* name = X509_get_subject_name(certificate.get());
  const auto text = [](const char* s) { return reinterpret_cast<const unsigned char*>(s); };
  check(X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, text("hamhub-sim"), -1, -1, 0) == 1 &&
            X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, text("127.0.0.1"), -1, -1, 0) == 1 &&
            X509_set_issuer_name(certificate.get(), name) == 1 && X509_set_pubkey(certificate.get(), key) == 1,
        "cannot name the certificate");
  addExtension(certificate.get(), NID_basic_constraints, "critical,CA:TRUE");
  addExtension(certificate.get(), NID_subject_key_identifier, "hash");
  addExtension(certificate.get(), NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost");
  check(X509_sign(certificate.get(), key, EVP_sha256()) > 0, "cannot sign the certificate");
  return certificate;
}

// Writes what `write` puts into a memory BIO to `file`.
template <typename Write>
void writePem(const std::filesystem::path& file, Write write) {
  Bio bio(BIO_new(BIO_s_mem()));
  check(bio != nullptr && write(bio.get()) == 1, "cannot encode PEM");
  std::string pem(BIO_ctrl_pending(bio.get()), '\0');
  check(BIO_read(bio.get(), pem.data(), static_cast<int>(pem.size())) == static_cast<int>(pem.size()),
        "cannot read PEM back");
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << pem;
  if (!out.flush()) throw std::runtime_error("hamhub-sim TLS certificate: cannot write " + file.string());
}

}  // namespace

std::string_view tlsModeName(TlsMode mode) {
  switch (mode) {
    case TlsMode::kNone:
      return "none";
    case TlsMode::kSelfSigned:
      return "self-signed";
    case TlsMode::kExpired:
      return "expired";
  }
  return "unknown";
}

std::optional<TlsMode> parseTlsMode(std::string_view name) {
  for (TlsMode mode : {TlsMode::kNone, TlsMode::kSelfSigned, TlsMode::kExpired}) {
    if (tlsModeName(mode) == name) return mode;
  }
  return std::nullopt;
}

TlsCertificate::TlsCertificate(TlsMode mode) {
  if (mode == TlsMode::kNone) throw std::invalid_argument("a TLS certificate needs a TLS mode other than none");
  const bool expired = mode == TlsMode::kExpired;
  Key key = makeKey();
  Certificate certificate = makeCertificate(key.get(), expired ? -30 * kDay : -kDay, expired ? -kDay : 30 * kDay);

  // mkdtemp makes the directory 0700: the private key is readable by this user alone.
  std::string dir = (std::filesystem::temp_directory_path() / "hamhub-sim-tls-XXXXXX").string();
  if (mkdtemp(dir.data()) == nullptr) {
    throw std::system_error(errno, std::generic_category(), "hamhub-sim TLS certificate: cannot create " + dir);
  }
  dir_ = dir;
  try {
    writePem(certificateFile(), [&](BIO* bio) { return PEM_write_bio_X509(bio, certificate.get()); });
    writePem(privateKeyFile(), [&](BIO* bio) {
      return PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    });
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
    throw;
  }
}

TlsCertificate::~TlsCertificate() {
  std::error_code ignored;  // a destructor cannot report; a leftover temp directory is harmless
  std::filesystem::remove_all(dir_, ignored);
}

}  // namespace hamhub::sim

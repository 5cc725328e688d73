#pragma once

/// @file tls_certificate.h
/// @brief The certificate hamhub-sim serves HTTPS with, made in process at start so that no key or
///        certificate is ever checked in, and so that "expired" is expired on whatever day the tests run.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace hamhub::sim {

enum class TlsMode {
  kNone,        ///< plain HTTP
  kSelfSigned,  ///< HTTPS; valid from a day ago for 30 days, trusted only by a client given it as its CA
  kExpired,     ///< HTTPS; valid from 30 days ago until yesterday: refused even by a client that trusts it
};

/// The command-line name: "none", "self-signed", "expired".
std::string_view tlsModeName(TlsMode mode);
std::optional<TlsMode> parseTlsMode(std::string_view name);

/// A fresh EC P-256 key and a self-signed X.509 certificate for CN=127.0.0.1 with subjectAltName
/// IP:127.0.0.1, DNS:localhost (and CA:TRUE, so a client can take it as its trust anchor), both as
/// PEM files in a private temporary directory (mode 0700) that the destructor removes.
class TlsCertificate {
 public:
  /// Throws std::runtime_error when OpenSSL or the file system fails, std::invalid_argument for kNone.
  explicit TlsCertificate(TlsMode mode);
  ~TlsCertificate();
  TlsCertificate(const TlsCertificate&) = delete;
  TlsCertificate& operator=(const TlsCertificate&) = delete;

  std::filesystem::path certificateFile() const { return dir_ / "certificate.pem"; }
  std::filesystem::path privateKeyFile() const { return dir_ / "private-key.pem"; }

 private:
  std::filesystem::path dir_;
};

}  // namespace hamhub::sim

#include "host/harvest/content_hash.h"

#include <openssl/evp.h>

#include <memory>

namespace hamhub::host {

// OpenSSL's SHA-256 rather than Poco's portable one: it uses the CPU's SHA extensions and is
// several times faster, and every harvested record is hashed.
std::string sha256Hex(std::initializer_list<std::string_view> parts) {
  static constexpr char kHex[] = "0123456789abcdef";
  // Parts are separated by a byte that cannot occur in UTF-8 text, so ("ab","c") != ("a","bc").
  static constexpr unsigned char kSeparator = 0xff;
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) return {};
  for (const std::string_view part : parts) {
    EVP_DigestUpdate(ctx.get(), part.data(), part.size());
    EVP_DigestUpdate(ctx.get(), &kSeparator, 1);
  }
  EVP_DigestFinal_ex(ctx.get(), digest, &length);
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xF]);
  }
  return hex;
}

std::string contentHash(const Record& record) {
  return sha256Hex({record.kind, record.key, record.subject, record.period, record.url, record.payload});
}

}  // namespace hamhub::host

#include "host/util/sha256.h"

#include <openssl/evp.h>

#include <stdexcept>
#include <string>

namespace hamhub::host {

namespace {

// OpenSSL's SHA-256 rather than Poco's portable one: it uses the CPU's SHA extensions and is
// several times faster. The algorithm is fetched once; EVP_DigestInit_ex with the same fetched
// algorithm on a used context only resets it.
struct Sha256Context {
  Sha256Context() : md(EVP_MD_fetch(nullptr, "SHA256", nullptr)), ctx(EVP_MD_CTX_new()) {
    if (md == nullptr || ctx == nullptr) throw std::runtime_error("OpenSSL: SHA-256 is not available");
  }
  ~Sha256Context() {
    EVP_MD_CTX_free(ctx);
    EVP_MD_free(md);
  }
  Sha256Context(const Sha256Context&) = delete;
  Sha256Context& operator=(const Sha256Context&) = delete;
  EVP_MD* md;
  EVP_MD_CTX* ctx;
};

}  // namespace

Sha256Digest sha256Parts(std::initializer_list<std::string_view> parts) {
  static constexpr unsigned char kSeparator = 0xff;
  thread_local Sha256Context context;
  Sha256Digest digest{};
  unsigned int length = 0;
  EVP_DigestInit_ex(context.ctx, context.md, nullptr);
  for (const std::string_view part : parts) {
    EVP_DigestUpdate(context.ctx, part.data(), part.size());
    EVP_DigestUpdate(context.ctx, &kSeparator, 1);
  }
  EVP_DigestFinal_ex(context.ctx, digest.data(), &length);
  return digest;
}

std::string toHex(const Sha256Digest& digest) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(digest.size() * 2, '\0');
  for (std::size_t i = 0; i < digest.size(); ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 0xF];
  }
  return hex;
}

}  // namespace hamhub::host

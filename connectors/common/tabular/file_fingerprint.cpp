#include "file_fingerprint.h"

#include <fstream>
#include <memory>
#include <vector>

#include <openssl/evp.h>

namespace hamhub::tabular {

Result<FileFingerprint> fingerprint(const std::filesystem::path& path) {
  FileFingerprint out;
  std::error_code error;
  out.size = std::filesystem::file_size(path, error);
  if (!error) out.modified = std::filesystem::last_write_time(path, error);
  if (error) return Status::error(path.filename().string() + ": " + error.message(), "io");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error(path.filename().string() + ": cannot open the file", "io");
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) {
    return Status::error("SHA-256 is not available", "error");
  }
  std::vector<char> buffer(1024 * 1024);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    if (in.gcount() > 0) EVP_DigestUpdate(ctx.get(), buffer.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) return Status::error(path.filename().string() + ": read error", "io");
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(ctx.get(), digest, &length);
  static constexpr char kHex[] = "0123456789abcdef";
  for (unsigned int i = 0; i < length; ++i) {
    out.sha256.push_back(kHex[digest[i] >> 4]);
    out.sha256.push_back(kHex[digest[i] & 0xF]);
  }
  return out;
}

}  // namespace hamhub::tabular

#include "host/harvest/content_hash.h"

#include "host/util/sha256.h"

namespace hamhub::host {

std::string sha256Hex(std::initializer_list<std::string_view> parts) { return toHex(sha256Parts(parts)); }

Sha256Digest contentDigest(const Record& record) {
  return sha256Parts({record.kind, record.key, record.subject, record.period, record.url, record.payload});
}

std::string contentHash(const Record& record) { return toHex(contentDigest(record)); }

}  // namespace hamhub::host

#include "host/schedule/tzif.h"

#include <limits>
#include <string>

namespace hamhub::host {

namespace {

constexpr std::size_t kHeaderSize = 44;

struct Header {
  char version = 0;
  std::uint32_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;

  // The data block's size with `timeSize`-byte times (4 in version 1's block, 8 in the second).
  std::uint64_t blockSize(std::uint64_t timeSize) const {
    return timecnt * timeSize + timecnt + typecnt * 6ULL + charcnt + leapcnt * (timeSize + 4) + isstdcnt +
           isutcnt;
  }
};

Status bad(const std::string& what) { return Status::error("not a valid TZif file: " + what, "invalid-config"); }

std::uint64_t readBigEndian(std::string_view bytes, std::size_t pos, std::size_t size) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < size; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[pos + i]);
  return v;
}

std::int64_t readSigned(std::string_view bytes, std::size_t pos, std::size_t size) {
  const std::uint64_t v = readBigEndian(bytes, pos, size);
  if (size == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
  return static_cast<std::int64_t>(v);
}

Result<Header> readHeader(std::string_view bytes, std::size_t pos) {
  if (bytes.size() < pos + kHeaderSize) {
    return bad("truncated header at byte " + std::to_string(pos) + " (file has " + std::to_string(bytes.size()) +
               " bytes)");
  }
  if (bytes.substr(pos, 4) != "TZif") return bad("it does not start with 'TZif'");
  Header h;
  h.version = bytes[pos + 4];
  // Version 4 only adds leap-second table details to version 3's layout.
  if (h.version != '\0' && (h.version < '2' || h.version > '4')) {
    return bad("unsupported version byte " + std::to_string(static_cast<unsigned char>(h.version)));
  }
  std::uint32_t* counts[] = {&h.isutcnt, &h.isstdcnt, &h.leapcnt, &h.timecnt, &h.typecnt, &h.charcnt};
  for (std::size_t i = 0; i < 6; ++i) *counts[i] = static_cast<std::uint32_t>(readBigEndian(bytes, pos + 20 + 4 * i, 4));
  if (h.typecnt == 0) return bad("it has no local time types");
  if (h.leapcnt != 0) return bad("it has leap-second records (the 'right/' zones are not supported)");
  if ((h.isutcnt != 0 && h.isutcnt != h.typecnt) || (h.isstdcnt != 0 && h.isstdcnt != h.typecnt)) {
    return bad("its UT/standard indicator counts do not match its " + std::to_string(h.typecnt) + " types");
  }
  return h;
}

Result<ZoneRules> readBlock(std::string_view bytes, std::size_t pos, const Header& h, std::size_t timeSize) {
  if (bytes.size() - pos < h.blockSize(timeSize)) {
    return bad("truncated: the data needs " + std::to_string(h.blockSize(timeSize)) + " bytes after byte " +
               std::to_string(pos) + ", the file has " + std::to_string(bytes.size() - pos));
  }
  const std::size_t indexPos = pos + h.timecnt * timeSize;
  const std::size_t typePos = indexPos + h.timecnt;
  std::vector<std::int32_t> offsets;
  for (std::uint32_t i = 0; i < h.typecnt; ++i) {
    const std::int64_t utoff = readSigned(bytes, typePos + 6 * i, 4);
    if (utoff == std::numeric_limits<std::int32_t>::min()) return bad("time type " + std::to_string(i) + " has no offset");
    offsets.push_back(static_cast<std::int32_t>(utoff));
  }
  ZoneRules rules;
  rules.initialOffset = static_cast<std::int32_t>(readSigned(bytes, typePos, 4));
  for (std::uint32_t i = 0; i < h.timecnt; ++i) {
    const std::int64_t at = readSigned(bytes, pos + i * timeSize, timeSize);
    const auto type = static_cast<unsigned char>(bytes[indexPos + i]);
    if (type >= h.typecnt) {
      return bad("transition " + std::to_string(i) + " uses time type " + std::to_string(type) + " of " +
                 std::to_string(h.typecnt));
    }
    if (!rules.changes.empty() && at <= rules.changes.back().at) {
      return bad("transition " + std::to_string(i) + " is not later than the one before");
    }
    rules.changes.push_back({at, offsets[type]});
  }
  return rules;
}

}  // namespace

Result<ZoneRules> parseTzif(std::string_view bytes) {
  auto first = readHeader(bytes, 0);
  if (!first) return first.status();
  if (first->version == '\0') return readBlock(bytes, kHeaderSize, *first, 4);

  // Version 2+: skip the 32-bit block; the second header and 64-bit block follow, then the footer.
  const std::uint64_t skip = kHeaderSize + first->blockSize(4);
  if (bytes.size() < skip) return bad("truncated: the version 1 data block ends past the end of the file");
  const auto secondPos = static_cast<std::size_t>(skip);
  auto second = readHeader(bytes, secondPos);
  if (!second) return second.status();
  auto rules = readBlock(bytes, secondPos + kHeaderSize, *second, 8);
  if (!rules) return rules;

  const std::size_t footerPos = secondPos + kHeaderSize + static_cast<std::size_t>(second->blockSize(8));
  const std::size_t footerEnd = bytes.find('\n', footerPos + 1);
  if (footerPos >= bytes.size() || bytes[footerPos] != '\n' || footerEnd == std::string_view::npos) {
    return bad("the TZ string footer is missing or not enclosed in newlines");
  }
  const std::string_view footer = bytes.substr(footerPos + 1, footerEnd - footerPos - 1);
  // An empty footer says nothing about later times; the last offset then stays.
  if (!footer.empty()) {
    auto rule = PosixTzRule::parse(footer);
    if (!rule) return rule.status();
    rules->footer = std::move(*rule);
  }
  return rules;
}

}  // namespace hamhub::host

// schema-drift: the JDIHN feed with its documents' fields renamed.
#include "schema_drift.h"

#include <string_view>
#include <utility>

#include "feed_rewrite.h"

namespace hamhub::sim {

namespace {

struct Renamed {
  std::string_view from;
  std::string_view to;
};

// The fields a JDIHN reader keys on, as an English API would call them.
constexpr Renamed kRenamed[] = {
    {"idData", "id_data"},
    {"judul", "title"},
    {"jenis", "type"},
    {"noPeraturan", "number"},
    {"tahun_pengundangan", "year"},
    {"tanggal_pengundangan", "promulgation_date"},
    {"tanggal_penetapan", "enactment_date"},
    {"status", "legal_status"},
    {"subjek", "subject"},
    {"teuBadan", "author"},
    {"bidangHukum", "field"},
    {"urlDownload", "download_url"},
    {"urlDetailPeraturan", "detail_url"},
};

std::string renamed(std::string_view key) {
  for (const auto& r : kRenamed) {
    if (r.from == key) return std::string(r.to);
  }
  std::string snake;
  for (char c : key) {
    if (c >= 'A' && c <= 'Z') {
      snake += '_';
      snake += static_cast<char>(c - 'A' + 'a');
    } else {
      snake += c;
    }
  }
  return snake;
}

}  // namespace

std::string driftedFeed(const Payload& feed) {
  return rewrittenFeed(feed, "schema-drift", [](JsonValue& document) {
    if (!document.isObject()) return;
    for (auto& member : document.asObject()) member.first = renamed(member.first);
  });
}

}  // namespace hamhub::sim

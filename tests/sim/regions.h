#pragma once

#include <string_view>
#include <vector>

namespace hamhub::sim {

/// A kab/kota whose JDIH site the simulator plays. The codes and names follow
/// config/regions/16-sumatera-selatan.json (Kemendagri codes, shared/DOMAIN.md); the host names are
/// synthetic look-alikes of the real JDIH domains, never contacted.
struct Region {
  std::string_view code;       ///< Kemendagri code, e.g. "16.73"
  std::string_view name;       ///< "Kota Lubuk Linggau"
  std::string_view shortName;  ///< "Lubuk Linggau"
  bool city;                   ///< Kota (Wali Kota) rather than Kabupaten (Bupati)
  std::string_view domain;     ///< "lubuklinggaukota.go.id"
  int formed = 0;              ///< year the kab/kota was formed, when after 2000 (no documents before)
};

/// The 17 kab/kota of Sumatera Selatan (province 16), in code order.
const std::vector<Region>& sumselRegions();

/// The province itself (code "16"), which reports to RANHAM and exports KKPHAM for its kab/kota.
const Region& sumselProvince();

/// The region with Kemendagri code `code` (the province or one of its kab/kota), or nullptr.
const Region* findRegion(std::string_view code);

}  // namespace hamhub::sim

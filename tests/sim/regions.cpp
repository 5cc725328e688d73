#include "regions.h"

namespace hamhub::sim {

const std::vector<Region>& sumselRegions() {
  static const std::vector<Region> kRegions = {
      {"16.01", "Kabupaten Ogan Komering Ulu", "Ogan Komering Ulu", false, "okukab.go.id"},
      {"16.02", "Kabupaten Ogan Komering Ilir", "Ogan Komering Ilir", false, "kaboki.go.id"},
      {"16.03", "Kabupaten Muara Enim", "Muara Enim", false, "muaraenimkab.go.id"},
      {"16.04", "Kabupaten Lahat", "Lahat", false, "lahatkab.go.id"},
      {"16.05", "Kabupaten Musi Rawas", "Musi Rawas", false, "musirawaskab.go.id"},
      {"16.06", "Kabupaten Musi Banyuasin", "Musi Banyuasin", false, "mubakab.go.id"},
      {"16.07", "Kabupaten Banyuasin", "Banyuasin", false, "banyuasinkab.go.id"},
      {"16.08", "Kabupaten Ogan Komering Ulu Timur", "Ogan Komering Ulu Timur", false, "okutimurkab.go.id"},
      {"16.09", "Kabupaten Ogan Komering Ulu Selatan", "Ogan Komering Ulu Selatan", false, "okuselatankab.go.id"},
      {"16.10", "Kabupaten Ogan Ilir", "Ogan Ilir", false, "oganilirkab.go.id"},
      {"16.11", "Kabupaten Empat Lawang", "Empat Lawang", false, "empatlawangkab.go.id", 2007},
      {"16.12", "Kabupaten Penukal Abab Lematang Ilir", "Penukal Abab Lematang Ilir", false, "palikab.go.id", 2013},
      {"16.13", "Kabupaten Musi Rawas Utara", "Musi Rawas Utara", false, "muratarakab.go.id", 2013},
      {"16.71", "Kota Palembang", "Palembang", true, "palembang.go.id"},
      {"16.72", "Kota Pagar Alam", "Pagar Alam", true, "pagaralamkota.go.id"},
      {"16.73", "Kota Lubuk Linggau", "Lubuk Linggau", true, "lubuklinggaukota.go.id"},
      {"16.74", "Kota Prabumulih", "Prabumulih", true, "prabumulihkota.go.id"},
  };
  return kRegions;
}

const Region& sumselProvince() {
  static const Region kProvince{"16", "Provinsi Sumatera Selatan", "Sumatera Selatan", false, "sumselprov.go.id"};
  return kProvince;
}

const Region* findRegion(std::string_view code) {
  if (code == sumselProvince().code) return &sumselProvince();
  for (const auto& region : sumselRegions()) {
    if (region.code == code) return &region;
  }
  return nullptr;
}

}  // namespace hamhub::sim

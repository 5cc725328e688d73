#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "regions.h"
#include "table_content.h"

namespace hamhub::sim {

/// The table exports hamhub-sim can play, besides JDIH feeds:
///   kkpham  the KKPHAM application's indicator export for a province: one row per kab/kota ×
///           indicator, names as Kanwil staff type them (aliases), some data dukung missing;
///   ranham  a SAPA-HAM Aksi HAM report export (JSON) for a province and its kab/kota, periods
///           B04 and B08 of 2024, two kab/kota late for B08;
///   opd     an OPD service-data REST API (Disdukcapil), wrapped and paged;
///   skm     an SKM survey export: one row per respondent with answers U1–U9 (1–4) per unit and
///           semester.
/// Indicator codes, aksi texts and figures are synthetic: the official KKPHAM indicator list is not
/// public (shared/DOMAIN.md), so none of this is presented as regulation.
const std::vector<std::string_view>& exportKinds();

/// The generator for `kind` playing `region` (the province for kkpham/ranham, a kab/kota for
/// opd/skm). Throws std::invalid_argument for an unknown kind.
std::unique_ptr<TableGenerator> makeExportGenerator(std::string_view kind, std::uint64_t seed, const Region& region);

}  // namespace hamhub::sim

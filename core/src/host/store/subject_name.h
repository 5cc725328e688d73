#pragma once

#include <string>
#include <string_view>

namespace hamhub::host {

/// The key subject names and aliases are matched by: ASCII lower case, punctuation as space, a
/// leading "kabupaten"/"kab." dropped, then every space removed, so "Pagar Alam" == "Pagaralam" and
/// "Kab. Musi Rawas" == "Musirawas". "Kota" stays significant: Kota X and Kabupaten X can be two
/// different regencies, so "Kota Pagar Alam" keys as "kotapagaralam" (seed "Pagar Alam" as an alias
/// where that is meant). Bytes outside ASCII are kept as they are.
std::string normalizeSubjectName(std::string_view name);

}  // namespace hamhub::host

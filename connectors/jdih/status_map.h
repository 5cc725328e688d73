#pragma once

#include <string>
#include <string_view>

namespace hamhub::jdih {

/// A document's legal status in one lower-case vocabulary: `berlaku`, `tidak berlaku`, `dicabut`,
/// `dicabut sebagian`, `diubah`, `diubah sebagian`, `mencabut`, `mengubah`. Spelling variants
/// ("Masih Berlaku", "TDK BERLAKU", "Telah dicabut") map onto these; any other value is kept,
/// lower-cased with its spaces collapsed, so nothing a site says is lost. Blank gives "".
std::string normaliseStatus(std::string_view original);

}  // namespace hamhub::jdih

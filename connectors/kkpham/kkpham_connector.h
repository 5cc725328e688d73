#pragma once

#include <array>
#include <optional>

#include "file_connector.h"
#include "file_options.h"

namespace hamhub::kkpham {

/// The kkpham connector's own options, after the shared file options.
inline constexpr std::array<OptionSpec, 1> kOwnOptions = {{
    {"year", OptionType::Integer, false, false, nullptr,
     "the assessment year, for exports without a year column (e.g. kkpham-2024.xlsx)"},
}};
inline constexpr auto kOptions = tabular::joinOptions(tabular::kFileOptions, kOwnOptions);

/// KKPHAM (Kabupaten/Kota Peduli HAM) exports, as kkpham.kemenkumham.go.id and Kanwil offices
/// write them (XLSX, CSV or JSON; long or wide): indicator values and their data dukung per
/// kab/kota and year.
class KkphamConnector : public tabular::FileConnector {
 protected:
  std::vector<std::string> fieldNames() const override;
  Status configureOwn(const Options& options) override;
  std::unique_ptr<tabular::TableMapper> makeMapper(Context& context) const override;

 private:
  std::optional<int> year_;
};

}  // namespace hamhub::kkpham

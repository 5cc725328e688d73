#pragma once

#include <array>
#include <optional>

#include "file_connector.h"
#include "file_options.h"
#include "ranham_period.h"

namespace hamhub::ranham {

/// The ranham connector's own options, after the shared file options.
inline constexpr std::array<OptionSpec, 2> kOwnOptions = {{
    {"year", OptionType::Integer, false, false, nullptr, "the report year, for exports without a year column"},
    {"period", OptionType::String, false, false, nullptr,
     "the period (B04, B08 or B12; or 2024-B08), for exports of one period without a period column"},
}};
inline constexpr auto kOptions = tabular::joinOptions(tabular::kFileOptions, kOwnOptions);

/// RANHAM Aksi HAM report exports (SAPA-HAM, Kanwil recaps; XLSX, CSV or JSON): one
/// `ranham.report_entry` per subject, year, period (B04/B08/B12) and aksi.
class RanhamConnector : public tabular::FileConnector {
 protected:
  std::vector<std::string> fieldNames() const override;
  Status configureOwn(const Options& options) override;
  std::unique_ptr<tabular::TableMapper> makeMapper(Context& context) const override;

 private:
  std::optional<int> year_;
  std::optional<Period> period_;
};

}  // namespace hamhub::ranham

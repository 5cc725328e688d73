#include "ranham_connector.h"

#include "ranham_fields.h"
#include "ranham_mapper.h"

namespace hamhub::ranham {

std::vector<std::string> RanhamConnector::fieldNames() const {
  std::vector<std::string> names;
  for (const auto& field : fields()) names.push_back(field.name);
  return names;
}

Status RanhamConnector::configureOwn(const Options& options) {
  year_.reset();
  period_.reset();
  if (const JsonValue* year = options.get("year")) {
    if (!year->isInteger() || year->asInt() < 2000 || year->asInt() > 2100) {
      return Status::error("year must be a year from 2000 to 2100", "invalid-option");
    }
    year_ = static_cast<int>(year->asInt());
  }
  if (const JsonValue* period = options.get("period"); period != nullptr && period->isString()) {
    auto parsed = parsePeriod(period->asString());
    if (!parsed) return Status::error("period: " + parsed.status().message(), "invalid-option");
    period_ = std::move(parsed).value();
    if (period_->year && year_ && *period_->year != *year_) {
      return Status::error("period and year name different years", "invalid-option");
    }
  }
  if (settings().layout == tabular::Layout::Wide && period_) {
    return Status::error("period cannot be set with layout wide: the item columns are the periods", "invalid-option");
  }
  return Status::ok();
}

std::unique_ptr<tabular::TableMapper> RanhamConnector::makeMapper(Context& context) const {
  return std::make_unique<RanhamMapper>(context, year_, period_, settings().url);
}

}  // namespace hamhub::ranham

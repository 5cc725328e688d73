#include "kkpham_connector.h"

#include "kkpham_fields.h"
#include "kkpham_mapper.h"

namespace hamhub::kkpham {

std::vector<std::string> KkphamConnector::fieldNames() const {
  std::vector<std::string> names;
  for (const auto& field : fields()) names.push_back(field.name);
  return names;
}

Status KkphamConnector::configureOwn(const Options& options) {
  year_.reset();
  if (const JsonValue* year = options.get("year")) {
    if (!year->isInteger() || year->asInt() < 2000 || year->asInt() > 2100) {
      return Status::error("year must be a year from 2000 to 2100", "invalid-option");
    }
    year_ = static_cast<int>(year->asInt());
  }
  return Status::ok();
}

std::unique_ptr<tabular::TableMapper> KkphamConnector::makeMapper(Context& context) const {
  return std::make_unique<KkphamMapper>(context, year_, settings().url);
}

}  // namespace hamhub::kkpham

#pragma once

#include <optional>
#include <string>
#include <vector>

#include <hamhub/connector.h>

#include "ranham_period.h"
#include "subject_resolver.h"
#include "table_mapper.h"

namespace hamhub::ranham {

inline constexpr const char* kEntryKind = "ranham.report_entry";

/// One Aksi HAM report row (or, in the wide layout, one period column of a row) → a
/// `ranham.report_entry` record keyed `subject|year|period|aksi`, period `2024-B08`.
class RanhamMapper final : public tabular::TableMapper {
 public:
  RanhamMapper(const Context& context, std::optional<int> defaultYear, std::optional<Period> defaultPeriod,
               std::string url);

  const std::vector<tabular::FieldSpec>& fields() const override;
  std::size_t itemField() const override;
  std::size_t valueField() const override;
  Status checkItemHeader(std::string_view header) const override;
  void startFile() override {}
  Status map(const tabular::Item& item, std::vector<Record>& out) override;

 private:
  tabular::SubjectResolver subjects_;
  std::optional<int> defaultYear_;
  std::optional<Period> defaultPeriod_;
  std::string url_;
};

/// The aksi number as reports write it ("1", "1.", "Aksi 1", "1.2") without decoration: "1", "1.2".
std::string aksiNumber(std::string_view text);

}  // namespace hamhub::ranham

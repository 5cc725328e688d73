#pragma once

#include <optional>
#include <string>
#include <vector>

#include <hamhub/connector.h>

#include "subject_resolver.h"
#include "table_mapper.h"

namespace hamhub::kkpham {

inline constexpr const char* kValueKind = "kkpham.indicator_value";
inline constexpr const char* kEvidenceKind = "kkpham.data_dukung";

/// One KKPHAM item (a subject's value for one indicator in one year) → a `kkpham.indicator_value`
/// record, plus a `kkpham.data_dukung` record listing its evidence links and files when the
/// export has any. Keys are `subject|year|indicator`, stable across re-harvests and re-exports.
class KkphamMapper final : public tabular::TableMapper {
 public:
  KkphamMapper(const Context& context, std::optional<int> defaultYear, std::string url);

  const std::vector<tabular::FieldSpec>& fields() const override;
  std::size_t itemField() const override;
  std::size_t valueField() const override;
  Status checkItemHeader(std::string_view header) const override;
  void startFile() override {}
  Status map(const tabular::Item& item, std::vector<Record>& out) override;

 private:
  tabular::SubjectResolver subjects_;
  std::optional<int> defaultYear_;
  std::string url_;
  // The last value payload's size: rows of one export are alike, so it sizes the next one.
  std::size_t payloadBytes_ = 256;
};

/// `struktur`, `proses` or `hasil` for the ways exports write an indicator type; nullopt otherwise.
std::optional<std::string> indicatorType(std::string_view text);

}  // namespace hamhub::kkpham

#pragma once

#include <cstddef>
#include <vector>

#include "column_map.h"

namespace hamhub::kkpham {

/// The fields of a KKPHAM export row, in the order of `fields()`.
enum Field : std::size_t {
  kSubject,
  kSubjectCode,
  kYear,
  kCriterion,
  kIndicator,
  kIndicatorName,
  kIndicatorType,
  kValue,
  kEvidenceUrl,
  kStatus,
  kSubmittedAt,
};

/// The fields with the headers kkpham.kemenkumham.go.id exports and Kanwil spreadsheets use.
const std::vector<tabular::FieldSpec>& fields();

}  // namespace hamhub::kkpham

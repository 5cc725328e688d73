#pragma once

#include <cstddef>
#include <vector>

#include "column_map.h"

namespace hamhub::ranham {

/// The fields of an Aksi HAM report row, in the order of `fields()`.
enum Field : std::size_t {
  kSubject,
  kSubjectCode,
  kYear,
  kPeriod,
  kKelompokSasaran,
  kAksiNumber,
  kAksi,
  kKriteria,
  kUkuran,
  kCapaian,
  kDataDukung,
  kStatus,
  kSubmittedAt,
};

/// The fields with the headers SAPA-HAM exports and Kanwil recap sheets use.
const std::vector<tabular::FieldSpec>& fields();

}  // namespace hamhub::ranham

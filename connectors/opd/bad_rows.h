#pragma once

#include <cstddef>
#include <string_view>

#include <hamhub/record.h>

#include "opd_options.h"

namespace hamhub::opd {

/// Applies `on_bad_row` to a row that cannot become a record: `skip` reports it through
/// sink.reject and goes on; `reject` fails the run (reason `invalid-row`), so nothing after the
/// last checkpoint is stored.
class BadRows {
 public:
  BadRows(BadRowPolicy policy, RecordSink& sink) : policy_(policy), sink_(sink) {}

  /// @param key the row's key when known (else empty); @param position where the row came from.
  Status report(std::string_view key, std::string_view position, std::string_view problem);

  std::size_t count() const { return count_; }

 private:
  BadRowPolicy policy_;
  RecordSink& sink_;
  std::size_t count_ = 0;
};

}  // namespace hamhub::opd

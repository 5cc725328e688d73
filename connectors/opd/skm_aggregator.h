#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <tuple>

#include <hamhub/connector.h>

#include "bad_rows.h"
#include "ikm.h"
#include "opd_options.h"
#include "row.h"

namespace hamhub::opd {

inline constexpr const char* kIkmKind = "skm.ikm";

/// Collects survey rows per (subject, unit, period) and, once every row is in, emits one
/// `skm.ikm` record per group: element means, respondents, IKM, band and mutu.
///
/// respondents input: each row is one respondent; every element must be answered with a whole
/// number 1–4. element_means input: one row per unit and period with the nine means (1–4; a
/// decimal comma is accepted), optionally the respondent count; a second row for the same group
/// is a bad row. A row without unit or period, or with an unknown subject, is a bad row too.
class SkmAggregator final : public RowConsumer {
 public:
  SkmAggregator(const Context& context, const Settings& settings, BadRows& badRows)
      : context_(context), settings_(settings), badRows_(badRows) {}

  Status row(Row&& row) override;
  /// One IKM needs every row of its group: nothing is committed part-way.
  Status batchDone(const Cursor&) override { return Status::ok(); }

  Status emitAll(RecordSink& sink) const;
  std::size_t groups() const { return groups_.size(); }

 private:
  struct Group {
    ElementTotals totals;
    std::int64_t respondents = 0;
    bool respondentsKnown = true;
    std::string url;
  };
  using GroupKey = std::tuple<std::string, std::string, std::string>;  // subject, unit, period

  Status addRespondent(const Row& row, Group& group, const std::string& key);
  Status addMeans(const Row& row, Group& group, const std::string& key, bool fresh);

  const Context& context_;
  const Settings& settings_;
  BadRows& badRows_;
  std::map<GroupKey, Group> groups_;
};

}  // namespace hamhub::opd

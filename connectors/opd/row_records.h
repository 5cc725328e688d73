#pragma once

#include <cstddef>

#include <hamhub/connector.h>

#include "bad_rows.h"
#include "opd_options.h"
#include "row.h"

namespace hamhub::opd {

/// Turns rows into records of the source's `record_kind` (default `opd.row`): the key from key_columns (joined with '|'), the subject
/// through rowSubject, the period from period_column, the payload the row's fields with their
/// types. Rows without a full key or with an unknown subject go to BadRows.
class RowRecords final : public RowConsumer {
 public:
  RowRecords(Context& context, RecordSink& sink, const RowRoles& roles, BadRows& badRows)
      : context_(context), sink_(sink), roles_(roles), badRows_(badRows) {}

  Status row(Row&& row) override;
  Status batchDone(const Cursor& cursor) override;

  std::size_t emitted() const { return emitted_; }

 private:
  Context& context_;
  RecordSink& sink_;
  const RowRoles& roles_;
  BadRows& badRows_;
  std::size_t emitted_ = 0;
};

}  // namespace hamhub::opd

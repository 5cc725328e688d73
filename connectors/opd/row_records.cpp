#include "row_records.h"

#include "row_subject.h"

namespace hamhub::opd {

Status RowRecords::row(Row&& row) {
  std::string key;
  for (const auto& column : roles_.keyColumns) {
    const std::string part = scalarText(row.find(column));
    if (part.empty()) return badRows_.report(key, row.position, "key column " + column + " is empty or missing");
    key += (key.empty() ? "" : "|") + part;
  }
  auto subject = rowSubject(context_, roles_, row);
  if (!subject) return badRows_.report(key, row.position, subject.status().message());

  Record record;
  record.kind = roles_.recordKind;
  record.key = std::move(key);
  record.subject = std::move(subject).value();
  if (!roles_.periodColumn.empty()) record.period = scalarText(row.find(roles_.periodColumn));
  record.url = std::move(row.url);
  JsonWriter payload;
  payload.beginObject();
  for (const auto& [name, value] : row.fields) payload.key(name).value(value);
  payload.endObject();
  record.payload = payload.take();
  ++emitted_;
  return sink_.emit(std::move(record));
}

Status RowRecords::batchDone(const Cursor& cursor) { return sink_.checkpoint(cursor); }

}  // namespace hamhub::opd

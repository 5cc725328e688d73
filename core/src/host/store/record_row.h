#pragma once

// Binds a batch's records to the upsert statement straight from the Batch: no copy of the
// (often ~1 KB) payloads into per-column vectors. Only store_records.cpp includes this.

#include <Poco/Data/TypeHandler.h>
#include <Poco/Exception.h>

#include <string>

#include "host/store/sqlite_bulk.h"
#include "host/store/store_types.h"

namespace hamhub::host {

/// One row of the records upsert: the batch-wide values by pointer, the record by pointer.
struct RecordRow {
  const std::string* source;
  const StoredRecordWrite* write;
  const std::string* fetchedAt;
  Poco::Int64 runId;
};

/// The same columns, for the SQLite fast path, from parameter `first` on.
inline void bindSqlite(SqliteStatement& s, const RecordRow& row, int first) {
  const hamhub::Record& r = row.write->record;
  int i = first;
  for (const std::string* v : {row.source, &r.kind, &r.key, &r.subject, &r.period, &r.url, &row.write->contentHash,
                               &r.payload, row.fetchedAt}) {
    s.text(i++, *v);
  }
  s.integer(i++, row.runId);
  s.integer(i, row.runId);
}

}  // namespace hamhub::host

namespace Poco::Data {

// Column order matches kUpsertRecord in store_records.cpp.
template <>
class TypeHandler<hamhub::host::RecordRow> {
 public:
  static std::size_t size() { return 11; }

  static void bind(std::size_t pos, const hamhub::host::RecordRow& row, AbstractBinder::Ptr binder,
                   AbstractBinder::Direction dir) {
    const hamhub::Record& r = row.write->record;
    TypeHandler<std::string>::bind(pos++, *row.source, binder, dir);
    TypeHandler<std::string>::bind(pos++, r.kind, binder, dir);
    TypeHandler<std::string>::bind(pos++, r.key, binder, dir);
    TypeHandler<std::string>::bind(pos++, r.subject, binder, dir);
    TypeHandler<std::string>::bind(pos++, r.period, binder, dir);
    TypeHandler<std::string>::bind(pos++, r.url, binder, dir);
    TypeHandler<std::string>::bind(pos++, row.write->contentHash, binder, dir);
    TypeHandler<std::string>::bind(pos++, r.payload, binder, dir);
    TypeHandler<std::string>::bind(pos++, *row.fetchedAt, binder, dir);
    TypeHandler<Poco::Int64>::bind(pos++, row.runId, binder, dir);  // first_run
    TypeHandler<Poco::Int64>::bind(pos++, row.runId, binder, dir);  // changed_run
  }

  static void prepare(std::size_t pos, const hamhub::host::RecordRow& row,
                      AbstractPreparator::Ptr preparator) {
    const hamhub::Record& r = row.write->record;
    TypeHandler<std::string>::prepare(pos++, *row.source, preparator);
    TypeHandler<std::string>::prepare(pos++, r.kind, preparator);
    TypeHandler<std::string>::prepare(pos++, r.key, preparator);
    TypeHandler<std::string>::prepare(pos++, r.subject, preparator);
    TypeHandler<std::string>::prepare(pos++, r.period, preparator);
    TypeHandler<std::string>::prepare(pos++, r.url, preparator);
    TypeHandler<std::string>::prepare(pos++, row.write->contentHash, preparator);
    TypeHandler<std::string>::prepare(pos++, r.payload, preparator);
    TypeHandler<std::string>::prepare(pos++, *row.fetchedAt, preparator);
    TypeHandler<Poco::Int64>::prepare(pos++, row.runId, preparator);
    TypeHandler<Poco::Int64>::prepare(pos++, row.runId, preparator);
  }

  static void extract(std::size_t, hamhub::host::RecordRow&, const hamhub::host::RecordRow&,
                      AbstractExtractor::Ptr) {
    throw Poco::NotImplementedException("RecordRow is write-only");
  }
};

}  // namespace Poco::Data

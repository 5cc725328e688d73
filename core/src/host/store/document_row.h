#pragma once

// Binds documents to their upsert straight from the Batch (no copies), like record_row.h.
// Only store_documents.cpp includes this.

#include <Poco/Data/TypeHandler.h>
#include <Poco/Exception.h>

#include <string>

#include "host/store/sqlite_bulk.h"
#include "host/store/store_types.h"

namespace hamhub::host {

struct DocumentRow {
  const std::string* source;
  const DocumentWrite* document;
  Poco::Int64 year;
  Poco::Int64 missingCount;
  std::string missing;  // the findings as the `missing` column holds them (JSON)
};

/// The same columns, for the SQLite fast path, from parameter `first` on.
inline void bindSqlite(SqliteStatement& s, const DocumentRow& row, int first) {
  const DocumentWrite& d = *row.document;
  int i = first;
  for (const std::string* v : {row.source, &d.key, &d.recordKind, &d.subject, &d.documentType, &d.jenis,
                               &d.jenisShort, &d.number}) {
    s.text(i++, *v);
  }
  s.integer(i++, row.year);
  for (const std::string* v : {&d.title, &d.enactedOn, &d.promulgatedOn, &d.status, &d.statusOriginal,
                               &d.issuingBody, &d.subjects, &d.detailUrl, &d.fileUrl, &d.rulesVersion}) {
    s.text(i++, *v);
  }
  s.integer(i++, row.missingCount);
  s.text(i, row.missing);
}

}  // namespace hamhub::host

namespace Poco::Data {

// Column order matches kUpsertDocumentHead in store_documents.cpp.
template <>
class TypeHandler<hamhub::host::DocumentRow> {
 public:
  static std::size_t size() { return 21; }

  template <typename Fn>
  static void each(std::size_t pos, const hamhub::host::DocumentRow& row, Fn&& fn) {
    const hamhub::host::DocumentWrite& d = *row.document;
    for (const std::string* s : {row.source, &d.key, &d.recordKind, &d.subject, &d.documentType, &d.jenis,
                                 &d.jenisShort, &d.number}) {
      fn.string(pos++, *s);
    }
    fn.integer(pos++, row.year);
    for (const std::string* s : {&d.title, &d.enactedOn, &d.promulgatedOn, &d.status, &d.statusOriginal,
                                 &d.issuingBody, &d.subjects, &d.detailUrl, &d.fileUrl, &d.rulesVersion}) {
      fn.string(pos++, *s);
    }
    fn.integer(pos++, row.missingCount);
    fn.string(pos++, row.missing);
  }

  static void bind(std::size_t pos, const hamhub::host::DocumentRow& row, AbstractBinder::Ptr binder,
                   AbstractBinder::Direction dir) {
    struct Binder {
      AbstractBinder::Ptr& b;
      AbstractBinder::Direction d;
      void string(std::size_t p, const std::string& v) { TypeHandler<std::string>::bind(p, v, b, d); }
      void integer(std::size_t p, const Poco::Int64& v) { TypeHandler<Poco::Int64>::bind(p, v, b, d); }
    };
    each(pos, row, Binder{binder, dir});
  }

  static void prepare(std::size_t pos, const hamhub::host::DocumentRow& row, AbstractPreparator::Ptr preparator) {
    struct Preparer {
      AbstractPreparator::Ptr& p;
      void string(std::size_t at, const std::string& v) { TypeHandler<std::string>::prepare(at, v, p); }
      void integer(std::size_t at, const Poco::Int64& v) { TypeHandler<Poco::Int64>::prepare(at, v, p); }
    };
    each(pos, row, Preparer{preparator});
  }

  static void extract(std::size_t, hamhub::host::DocumentRow&, const hamhub::host::DocumentRow&,
                      AbstractExtractor::Ptr) {
    throw Poco::NotImplementedException("DocumentRow is write-only");
  }
};

}  // namespace Poco::Data

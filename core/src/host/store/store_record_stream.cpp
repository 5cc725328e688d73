// Store: streaming reads of current records (evidence for scoring).

#include <Poco/Data/Session.h>

#include "host/store/dialect.h"
#include "host/store/sqlite_bulk.h"
#include "host/store/store.h"

namespace hamhub::host {

Status Store::forEachRecord(const RecordQuery& query, const std::function<void(const StoredRecord&)>& visit) {
  if (dialect_.backend() != Backend::Sqlite) {
    // PostgreSQL hands a statement's result over at once anyway.
    auto records = this->records(query);
    if (!records.isOk()) return records.status();
    for (const StoredRecord& r : *records) visit(r);
    return Status::ok();
  }
  return withSession("forEachRecord", [&](Poco::Data::Session& session) {
    std::string sql =
        "SELECT source, kind, natural_key, subject, period, url, content_hash, payload, fetched_at, first_run, "
        "changed_run FROM records WHERE withdrawn_run IS NULL";
    std::vector<const std::string*> params;
    for (const auto& [column, value] : {std::pair{"source", &query.source}, std::pair{"kind", &query.kind},
                                        std::pair{"subject", &query.subject}}) {
      if (!*value) continue;
      sql += " AND " + std::string(column) + " = ?";
      params.push_back(&**value);
    }
    // Stepped row by row from SQLite into one reused record: nothing is collected.
    SqliteStatement select(session, sql);
    for (std::size_t i = 0; i < params.size(); ++i) select.text(static_cast<int>(i + 1), *params[i]);
    StoredRecord r;
    while (select.nextRow()) {
      r.source = select.columnText(0);
      r.record.kind = select.columnText(1);
      r.record.key = select.columnText(2);
      r.record.subject = select.columnText(3);
      r.record.period = select.columnText(4);
      r.record.url = select.columnText(5);
      r.contentHash = select.columnText(6);
      r.record.payload = select.columnText(7);
      r.fetchedAt = select.columnText(8);
      r.firstRun = select.columnInteger(9);
      r.changedRun = select.columnInteger(10);
      visit(r);
    }
    return Status::ok();
  });
}

}  // namespace hamhub::host

// Store: the Document model (typed columns of JDIH legal products) and metadata findings.

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <limits>
#include <unordered_set>

#include "hamhub/json.h"
#include "host/store/bulk.h"
#include "host/store/document_row.h"
#include "host/store/document_writes.h"
#include "host/store/sqlite_bulk.h"
#include "host/store/store.h"

namespace hamhub::host {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;
using Poco::Data::Keywords::useRef;

namespace {

constexpr std::string_view kUpsertDocumentHead =
    "INSERT INTO documents (source, natural_key, record_kind, subject, document_type, jenis, jenis_short, "
    "number, year, title, enacted_on, promulgated_on, status, status_original, issuing_body, subjects, "
    "detail_url, file_url, rules_version, missing_count, missing)";
constexpr std::string_view kUpsertDocumentTail =
    "ON CONFLICT (source, natural_key) DO UPDATE SET record_kind = excluded.record_kind, "
    "subject = excluded.subject, document_type = excluded.document_type, jenis = excluded.jenis, "
    "jenis_short = excluded.jenis_short, number = excluded.number, year = excluded.year, "
    "title = excluded.title, enacted_on = excluded.enacted_on, promulgated_on = excluded.promulgated_on, "
    "status = excluded.status, status_original = excluded.status_original, "
    "issuing_body = excluded.issuing_body, subjects = excluded.subjects, detail_url = excluded.detail_url, "
    "file_url = excluded.file_url, rules_version = excluded.rules_version, "
    "missing_count = excluded.missing_count, missing = excluded.missing";

// The `missing` column: [{"field": path, "name": display name}, …] in the rules' order.
std::string missingJson(const DocumentWrite& d) {
  if (d.missing.empty()) return "[]";
  std::string out = "[";
  for (const auto& [field, name] : d.missing) {
    if (out.size() > 1) out += ',';
    out += "{\"field\":";
    appendJsonString(out, field);
    out += ",\"name\":";
    appendJsonString(out, name);
    out += '}';
  }
  out += ']';
  return out;
}

// A stored `missing` column back into (field, name) pairs; anything unreadable is skipped (the
// column is only ever written above, or by migration 7 from the same data).
void readMissing(std::string_view text, DocumentWrite& d) {
  if (text.size() <= 2) return;
  auto parsed = parseJson(text);
  if (!parsed.isOk() || !parsed->isArray()) return;
  for (const JsonValue& finding : parsed->asArray()) {
    const JsonValue* field = finding.find("field");
    const JsonValue* name = finding.find("name");
    if (field == nullptr || !field->isString()) continue;
    d.missing.emplace_back(field->asString(), name != nullptr && name->isString() ? name->asString() : field->asString());
  }
}

}  // namespace

void writeDocuments(Poco::Data::Session& session, const Dialect& dialect, SqliteStatementCache& statements,
                    const Batch& batch) {
  if (batch.documents.empty()) return;
  // The last version wins when a batch names a document twice (one statement may not update a row
  // twice on PostgreSQL).
  std::vector<DocumentRow> rows;
  rows.reserve(batch.documents.size());
  std::unordered_set<std::string_view> seen;
  for (auto it = batch.documents.rbegin(); it != batch.documents.rend(); ++it) {
    if (!seen.insert(it->key).second) continue;
    rows.push_back(DocumentRow{&batch.source, &*it, it->year, static_cast<Poco::Int64>(it->missing.size()),
                               missingJson(*it)});
  }
  writeRowsFast(session, dialect, statements, kUpsertDocumentHead, kUpsertDocumentTail, Poco::Data::TypeHandler<DocumentRow>::size(),
                rows);
}

namespace {

// The SELECT for `query`, with its parameters in order (the limit and offset last).
std::string documentSelect(const DocumentQuery& query, std::vector<std::string>& params) {
  std::string sql =
      "SELECT d.source, d.natural_key, d.record_kind, d.subject, d.document_type, d.jenis, d.jenis_short, "
      "d.number, d.year, d.title, d.enacted_on, d.promulgated_on, d.status, d.status_original, "
      "d.issuing_body, d.subjects, d.detail_url, d.file_url, d.rules_version, d.missing, "
      "CASE WHEN r.withdrawn_run IS NULL THEN 0 ELSE 1 END "
      "FROM documents d JOIN records r ON r.source = d.source AND r.kind = d.record_kind "
      "AND r.natural_key = d.natural_key";
  std::string where;
  const auto filter = [&](const char* condition, const std::optional<std::string>& value) {
    if (!value) return;
    where += (where.empty() ? " WHERE " : " AND ") + std::string(condition);
    params.push_back(*value);
  };
  filter("d.source = ?", query.source);
  filter("d.subject = ?", query.subject);
  filter("d.status = ?", query.status);
  if (!query.subjectsIn.empty()) {
    std::string marks;
    for (const std::string& subject : query.subjectsIn) {
      marks += marks.empty() ? "?" : ", ?";
      params.push_back(subject);
    }
    where += (where.empty() ? " WHERE d.subject IN (" : " AND d.subject IN (") + marks + ")";
  }
  if (query.missingMetadataOnly) where += where.empty() ? " WHERE d.missing_count > 0" : " AND d.missing_count > 0";
  if (!query.includeWithdrawn) where += where.empty() ? " WHERE r.withdrawn_run IS NULL" : " AND r.withdrawn_run IS NULL";
  return sql + where + " ORDER BY d.source, d.promulgated_on DESC, d.natural_key LIMIT ? OFFSET ?";
}

// One row of documentSelect's columns into `v`; `text(i)` and `integer(i)` read column i.
template <typename Text, typename Integer>
void readDocument(DocumentView& v, const Text& text, const Integer& integer) {
  DocumentWrite& d = v.document;
  v.source = text(0);
  d.key = text(1);
  d.recordKind = text(2);
  d.subject = text(3);
  d.documentType = text(4);
  d.jenis = text(5);
  d.jenisShort = text(6);
  d.number = text(7);
  d.year = integer(8);
  d.title = text(9);
  d.enactedOn = text(10);
  d.promulgatedOn = text(11);
  d.status = text(12);
  d.statusOriginal = text(13);
  d.issuingBody = text(14);
  d.subjects = text(15);
  d.detailUrl = text(16);
  d.fileUrl = text(17);
  d.rulesVersion = text(18);
  d.missing.clear();
  readMissing(text(19), d);
  v.withdrawn = integer(20) != 0;
}

}  // namespace

Result<std::vector<DocumentView>> Store::documents(const DocumentQuery& query) {
  std::vector<DocumentView> out;
  Status s = forEachDocument(query, [&](const DocumentView& v) {
    out.push_back(v);
    return Status::ok();
  });
  if (!s) return s;
  return out;
}

Status Store::forEachDocument(const DocumentQuery& query, const std::function<Status(const DocumentView&)>& visit) {
  Status stopped = Status::ok();
  Status s = withSession("documents", [&](Poco::Data::Session& session) {
    std::vector<std::string> params;
    const std::string sql = documentSelect(query, params);
    Poco::Int64 limit = query.limit > 0 ? query.limit : std::numeric_limits<Poco::Int64>::max();
    Poco::Int64 offset = query.offset > 0 ? query.offset : 0;
    DocumentView v;
    if (dialect_.backend() == Backend::Sqlite) {
      // Stepped row by row into one reused view: a listing of every document holds one.
      SqliteStatement select(session, sql);
      int index = 0;
      for (const std::string& p : params) select.text(++index, p);
      select.integer(++index, limit);
      select.integer(++index, offset);
      const auto text = [&](int column) { return std::string(select.columnText(column)); };
      const auto integer = [&](int column) { return static_cast<std::int64_t>(select.columnInteger(column)); };
      while (select.nextRow()) {
        readDocument(v, text, integer);
        if (stopped = visit(v); !stopped) break;
      }
      return Status::ok();
    }
    // PostgreSQL hands a statement's result over at once anyway.
    std::vector<std::string> c[19];
    std::vector<Poco::Int64> years, withdrawn;
    Poco::Data::Statement select(session);
    select << dialect_.sql(sql);
    for (const std::string& p : params) select, useRef(p);
    select, use(limit), use(offset);
    select, into(c[0]), into(c[1]), into(c[2]), into(c[3]), into(c[4]), into(c[5]), into(c[6]), into(c[7]),
        into(years), into(c[8]), into(c[9]), into(c[10]), into(c[11]), into(c[12]), into(c[13]), into(c[14]),
        into(c[15]), into(c[16]), into(c[17]), into(c[18]), into(withdrawn);
    select.execute();
    for (std::size_t row = 0; row < c[0].size(); ++row) {
      // Column i of the SELECT; the year (8) and withdrawn flag (20) come from their own vectors.
      const auto text = [&](int column) { return std::move(c[column < 8 ? column : column - 1][row]); };
      const auto integer = [&](int column) { return column == 8 ? years[row] : withdrawn[row]; };
      readDocument(v, text, integer);
      if (stopped = visit(v); !stopped) break;
    }
    return Status::ok();
  });
  if (!s) return s;
  return stopped;
}

Result<std::vector<DocumentFigures>> Store::documentFigures() {
  std::vector<DocumentFigures> out;
  Status s = withSession("documentFigures", [&](Poco::Data::Session& session) {
    std::vector<std::string> sources, newest;
    std::vector<Poco::Int64> counts, complete;
    session << dialect_.sql(
        "SELECT d.source, COUNT(*), CAST(SUM(CASE WHEN d.missing_count = 0 THEN 1 ELSE 0 END) AS BIGINT), "
        "MAX(CASE WHEN d.promulgated_on <> '' THEN d.promulgated_on ELSE d.enacted_on END) "
        "FROM documents d JOIN records r ON r.source = d.source AND r.kind = d.record_kind "
        "AND r.natural_key = d.natural_key WHERE r.withdrawn_run IS NULL GROUP BY d.source ORDER BY d.source"),
        into(sources), into(counts), into(complete), into(newest), now;
    for (std::size_t i = 0; i < sources.size(); ++i) {
      out.push_back(DocumentFigures{std::move(sources[i]), counts[i], complete[i], std::move(newest[i])});
    }
    return Status::ok();
  });
  if (!s) return s;
  return out;
}

}  // namespace hamhub::host

// Store: scores and their history.

#include <Poco/Data/Session.h>

#include "host/store/dialect.h"
#include "host/store/sqlite_bulk.h"
#include "host/store/store.h"
#include "host/store/transaction.h"

namespace hamhub::host {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;
using Poco::Data::Keywords::useRef;

namespace {

constexpr std::string_view kColumns =
    "id, subject, instrument, version, period, total, predicate, completeness, input_hash, result, computed_at";

// Runs a SELECT of kColumns with `params` bound in order and collects the rows.
std::vector<ScoreRow> selectScores(Poco::Data::Session& session, const std::string& sql,
                                   const std::vector<std::string>& params) {
  std::vector<Poco::Int64> ids;
  std::vector<std::string> subjects, instruments, versions, periods, predicates, hashes, results, computed;
  std::vector<double> totals, completeness;
  Poco::Data::Statement select(session);
  select << sql;
  for (const std::string& p : params) select, useRef(p);
  select, into(ids), into(subjects), into(instruments), into(versions), into(periods), into(totals), into(predicates),
      into(completeness), into(hashes), into(results), into(computed);
  select.execute();
  std::vector<ScoreRow> out(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    out[i] = ScoreRow{ids[i],           std::move(subjects[i]), std::move(instruments[i]), std::move(versions[i]),
                      std::move(periods[i]), totals[i],         std::move(predicates[i]),  completeness[i],
                      std::move(hashes[i]),  std::move(results[i]), std::move(computed[i])};
  }
  return out;
}

}  // namespace

Status Store::insertScores(const std::vector<ScoreRow>& scores) {
  if (scores.empty()) return Status::ok();
  static constexpr std::string_view kRetire =
      "UPDATE scores SET current = 0 WHERE instrument = ? AND period = ? AND subject = ? AND current = 1";
  static constexpr std::string_view kInsert =
      "INSERT INTO scores (subject, instrument, version, period, total, predicate, completeness, input_hash, "
      "result, computed_at, current) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";
  return withSession("insertScores", [&](Poco::Data::Session& session) {
    return inTransaction(session, dialect_, [&]() -> Status {
      if (dialect_.backend() == Backend::Sqlite) {
        // Bound in place on two prepared statements: a national rescore writes 15,000 rows of
        // explanation, and Poco's binder copies every value first.
        SqliteStatement retire(session, kRetire);
        SqliteStatement insert(session, kInsert);
        for (const ScoreRow& row : scores) {
          retire.text(1, row.instrument);
          retire.text(2, row.period);
          retire.text(3, row.subject);
          retire.step();
          insert.text(1, row.subject);
          insert.text(2, row.instrument);
          insert.text(3, row.version);
          insert.text(4, row.period);
          insert.real(5, row.total);
          insert.text(6, row.predicate);
          insert.real(7, row.completeness);
          insert.text(8, row.inputHash);
          insert.text(9, row.result);
          insert.text(10, row.computedAt);
          insert.step();
        }
        return Status::ok();
      }
      for (const ScoreRow& row : scores) {
        double total = row.total, completeness = row.completeness;
        session << dialect_.sql(std::string(kRetire)), useRef(row.instrument), useRef(row.period),
            useRef(row.subject), now;
        session << dialect_.sql(std::string(kInsert)), useRef(row.subject), useRef(row.instrument),
            useRef(row.version), useRef(row.period), use(total), useRef(row.predicate), use(completeness),
            useRef(row.inputHash), useRef(row.result), useRef(row.computedAt), now;
      }
      return Status::ok();
    });
  });
}

Result<std::vector<ScoreRow>> Store::currentScores(const ScoreQuery& query) {
  std::vector<ScoreRow> out;
  Status s = withSession("currentScores", [&](Poco::Data::Session& session) {
    std::string sql = "SELECT " + std::string(kColumns) + " FROM scores WHERE current = 1";
    std::vector<std::string> params;
    const auto filter = [&](const char* column, const std::optional<std::string>& value) {
      if (!value) return;
      sql += " AND " + std::string(column) + " = ?";
      params.push_back(*value);
    };
    filter("instrument", query.instrument);
    filter("period", query.period);
    filter("subject", query.subject);
    sql += " ORDER BY instrument, period, subject";
    out = selectScores(session, dialect_.sql(sql), params);
    return Status::ok();
  });
  if (!s) return s;
  return out;
}

Result<std::map<std::string, std::string>> Store::currentHashes(const ScoreQuery& query) {
  std::map<std::string, std::string> out;
  Status s = withSession("currentHashes", [&](Poco::Data::Session& session) {
    std::string sql = "SELECT subject, input_hash FROM scores WHERE current = 1";
    std::vector<std::string> params;
    for (const auto& [column, value] : {std::pair{"instrument", &query.instrument}, std::pair{"period", &query.period},
                                        std::pair{"subject", &query.subject}}) {
      if (!*value) continue;
      sql += " AND " + std::string(column) + " = ?";
      params.push_back(**value);
    }
    std::vector<std::string> subjects, hashes;
    Poco::Data::Statement select(session);
    select << dialect_.sql(sql);
    for (const std::string& p : params) select, useRef(p);
    select, into(subjects), into(hashes);
    select.execute();
    for (std::size_t i = 0; i < subjects.size(); ++i) out.emplace(std::move(subjects[i]), std::move(hashes[i]));
    return Status::ok();
  });
  if (!s) return s;
  return out;
}

Result<std::vector<ScoreRow>> Store::scoreHistory(const std::string& subject, const std::string& instrument,
                                                  const std::string& period) {
  std::vector<ScoreRow> out;
  Status s = withSession("scoreHistory", [&](Poco::Data::Session& session) {
    out = selectScores(session,
                       dialect_.sql("SELECT " + std::string(kColumns) +
                                    " FROM scores WHERE instrument = ? AND period = ? AND subject = ? ORDER BY id DESC"),
                       {instrument, period, subject});
    return Status::ok();
  });
  if (!s) return s;
  return out;
}

}  // namespace hamhub::host

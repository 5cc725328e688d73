// Store: scores and their history.

#include <Poco/Data/Session.h>

#include "host/store/dialect.h"
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
  return withSession("insertScores", [&](Poco::Data::Session& session) {
    return inTransaction(session, dialect_, [&]() -> Status {
      for (const ScoreRow& row : scores) {
        session << dialect_.sql(
            "UPDATE scores SET current = 0 WHERE instrument = ? AND period = ? AND subject = ? AND current = 1"),
            useRef(row.instrument), useRef(row.period), useRef(row.subject), now;
        double total = row.total, completeness = row.completeness;
        session << dialect_.sql(
            "INSERT INTO scores (subject, instrument, version, period, total, predicate, completeness, "
            "input_hash, result, computed_at, current) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"),
            useRef(row.subject), useRef(row.instrument), useRef(row.version), useRef(row.period), use(total),
            useRef(row.predicate), use(completeness), useRef(row.inputHash), useRef(row.result),
            useRef(row.computedAt), now;
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

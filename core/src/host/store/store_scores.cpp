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
  // Column vectors bound once: Poco runs each statement for every row on one prepared statement,
  // which is what lets a national rescore write its 15,000 rows in well under a second.
  std::vector<std::string> subjects, instruments, versions, periods, predicates, hashes, results, computed;
  std::vector<double> totals, completeness;
  for (const ScoreRow& row : scores) {
    subjects.push_back(row.subject);
    instruments.push_back(row.instrument);
    versions.push_back(row.version);
    periods.push_back(row.period);
    totals.push_back(row.total);
    predicates.push_back(row.predicate);
    completeness.push_back(row.completeness);
    hashes.push_back(row.inputHash);
    results.push_back(row.result);
    computed.push_back(row.computedAt);
  }
  return withSession("insertScores", [&](Poco::Data::Session& session) {
    return inTransaction(session, dialect_, [&]() -> Status {
      session << dialect_.sql(
          "UPDATE scores SET current = 0 WHERE instrument = ? AND period = ? AND subject = ? AND current = 1"),
          use(instruments), use(periods), use(subjects), now;
      session << dialect_.sql(
          "INSERT INTO scores (subject, instrument, version, period, total, predicate, completeness, "
          "input_hash, result, computed_at, current) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"),
          use(subjects), use(instruments), use(versions), use(periods), use(totals), use(predicates),
          use(completeness), use(hashes), use(results), use(computed), now;
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

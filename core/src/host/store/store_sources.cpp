// Store: the configured sources, mirrored from the config files.

#include <Poco/Data/DataException.h>
#include <Poco/Data/Session.h>
#include <Poco/Tuple.h>

#include <set>

#include "hamhub/json.h"
#include "host/store/bulk.h"
#include "host/store/dialect.h"
#include "host/store/store.h"
#include "host/store/transaction.h"
#include "host/util/clock.h"

namespace hamhub::host {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;
using Poco::Data::Keywords::useRef;

using SourceTuple = Poco::Tuple<std::string, std::string, std::string, Poco::Int32, std::string, std::string>;

namespace {

std::string subjectsJson(const std::vector<std::string>& subjects) {
  JsonValue::Array array;
  array.reserve(subjects.size());
  for (const std::string& s : subjects) array.emplace_back(s);
  return toJson(JsonValue(std::move(array)));
}

std::vector<std::string> parseSubjectsJson(const std::string& sourceId, const std::string& text) {
  auto parsed = parseJson(text);
  if (!parsed || !parsed->isArray()) {
    throw Poco::Data::DataException("source " + sourceId + " has a subjects column that is not a JSON array");
  }
  std::vector<std::string> out;
  for (const JsonValue& v : parsed->asArray()) {
    if (v.isString()) out.push_back(v.asString());
  }
  return out;
}

}  // namespace

Status Store::syncSources(const std::vector<SourceRow>& rows) {
  std::vector<SourceTuple> tuples;
  std::set<std::string> configured;
  const std::string stamp = utcNow();
  for (const SourceRow& row : rows) {
    if (row.id.empty() || row.connector.empty()) {
      return Status::error("store " + describe() + ": syncSources: every source needs an id and a connector",
                           "invalid-argument");
    }
    if (!configured.insert(row.id).second) {
      return Status::error("store " + describe() + ": syncSources: source " + row.id + " is listed twice",
                           "invalid-argument");
    }
    tuples.emplace_back(row.id, row.connector, subjectsJson(row.subjects), row.enabled ? 1 : 0,
                        row.configHash, stamp);
  }

  return withSession("syncSources", [&](Poco::Data::Session& session) {
    return inTransaction(session, dialect_, [&] {
      // The WHERE keeps updated_at meaning "the configuration last changed", not "last synced".
      writeRows(
          session, dialect_,
          "INSERT INTO sources (id, connector, subjects, enabled, config_hash, updated_at)",
          "ON CONFLICT (id) DO UPDATE SET connector = excluded.connector, subjects = excluded.subjects, "
          "enabled = excluded.enabled, config_hash = excluded.config_hash, updated_at = excluded.updated_at "
          "WHERE sources.connector <> excluded.connector OR sources.subjects <> excluded.subjects "
          "OR sources.enabled <> excluded.enabled OR sources.config_hash <> excluded.config_hash",
          6, tuples);
      std::vector<std::string> known;
      session << "SELECT id FROM sources WHERE enabled <> 0", into(known), now;
      std::vector<std::string> gone;
      for (std::string& id : known) {
        if (!configured.contains(id)) gone.push_back(std::move(id));
      }
      forChunks(gone.size(), rowsPerStatement(1), [&](std::size_t begin, std::size_t end) {
        Poco::Data::Statement disable(session);
        disable << dialect_.sql("UPDATE sources SET enabled = 0, updated_at = ? WHERE id IN " +
                                placeholderRow(end - begin)),
            useRef(stamp);
        for (std::size_t i = begin; i < end; ++i) disable, useRef(gone[i]);
        disable.execute();
      });
      return Status::ok();
    });
  });
}

Result<std::vector<SourceRow>> Store::sources() {
  std::vector<SourceRow> out;
  Status s = withSession("sources", [&](Poco::Data::Session& session) {
    std::vector<std::string> ids, connectors, subjects, hashes;
    std::vector<Poco::Int64> enabled;
    session << "SELECT id, connector, subjects, enabled, config_hash FROM sources ORDER BY id", into(ids),
        into(connectors), into(subjects), into(enabled), into(hashes), now;
    out.resize(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      out[i].subjects = parseSubjectsJson(ids[i], subjects[i]);
      out[i].id = std::move(ids[i]);
      out[i].connector = std::move(connectors[i]);
      out[i].enabled = enabled[i] != 0;
      out[i].configHash = std::move(hashes[i]);
    }
    return Status::ok();
  });
  if (!s) return s;
  return out;
}

}  // namespace hamhub::host

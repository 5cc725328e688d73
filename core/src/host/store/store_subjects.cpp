// Store: subjects and their aliases.

#include <Poco/Data/DataException.h>
#include <Poco/Data/Session.h>
#include <Poco/Tuple.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "host/store/bulk.h"
#include "host/store/dialect.h"
#include "host/store/store.h"
#include "host/store/subject_name.h"
#include "host/store/transaction.h"

namespace hamhub::host {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;
using Poco::Data::Keywords::useRef;

using SubjectRow = Poco::Tuple<std::string, std::string, std::string, std::string, std::string, std::string,
                               std::string, std::string>;
using AliasRow = Poco::Tuple<std::string, std::string, std::string>;

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Loads subjects (all, or the one with `id`) with their aliases.
std::vector<Subject> loadSubjects(Poco::Data::Session& session, const Dialect& dialect,
                                  const std::optional<std::string>& id) {
  std::vector<std::string> ids, names, kinds, parents, provinces, bpsCodes, kanwils;
  std::string sql = "SELECT id, name, kind, parent, province, bps_code, kanwil FROM subjects";
  Poco::Data::Statement select(session);
  if (id) {
    select << dialect.sql(sql + " WHERE id = ?"), Poco::Data::Keywords::bind(*id);
  } else {
    select << sql + " ORDER BY id";
  }
  select, into(ids), into(names), into(kinds), into(parents), into(provinces), into(bpsCodes), into(kanwils);
  select.execute();

  std::vector<Subject> subjects(ids.size());
  std::unordered_map<std::string, std::size_t> byId;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    Subject& s = subjects[i];
    const auto kind = parseSubjectKind(kinds[i]);
    if (!kind) throw Poco::Data::DataException("subject " + ids[i] + " has unknown kind '" + kinds[i] + "'");
    s.id = std::move(ids[i]);
    s.name = std::move(names[i]);
    s.kind = *kind;
    s.parent = std::move(parents[i]);
    s.province = std::move(provinces[i]);
    s.bpsCode = std::move(bpsCodes[i]);
    s.kanwil = std::move(kanwils[i]);
    byId.emplace(s.id, i);
  }
  if (subjects.empty()) return subjects;

  std::vector<std::string> aliasOwners, aliases;
  Poco::Data::Statement aliasSelect(session);
  if (id) {
    aliasSelect << dialect.sql(
        "SELECT subject_id, alias FROM subject_aliases WHERE subject_id = ? ORDER BY alias"),
        Poco::Data::Keywords::bind(*id);
  } else {
    aliasSelect << "SELECT subject_id, alias FROM subject_aliases ORDER BY subject_id, alias";
  }
  aliasSelect, into(aliasOwners), into(aliases);
  aliasSelect.execute();
  for (std::size_t i = 0; i < aliases.size(); ++i) {
    if (const auto it = byId.find(aliasOwners[i]); it != byId.end()) {
      subjects[it->second].aliases.push_back(std::move(aliases[i]));
    }
  }
  return subjects;
}

// Ids matching `value` in one lookup column (or alias table) of the subjects.
std::vector<std::string> lookup(Poco::Data::Session& session, const Dialect& dialect, const char* sql,
                                const std::string& value) {
  std::vector<std::string> ids;
  session << dialect.sql(sql), Poco::Data::Keywords::useRef(value), into(ids), now;
  return ids;
}

}  // namespace

Status Store::upsertSubjects(const std::vector<Subject>& subjects) {
  if (subjects.empty()) return Status::ok();

  std::vector<SubjectRow> rows;
  std::vector<AliasRow> aliasRows;
  std::vector<std::string> ids;
  std::map<std::string, std::string> aliasOwnerByKey;
  const auto invalid = [&](const std::string& why) {
    return Status::error("store " + describe() + ": upsertSubjects: " + why, "invalid-argument");
  };
  for (const Subject& s : subjects) {
    if (s.id.empty() || s.name.empty()) {
      return invalid("every subject needs an id and a name" +
                     (s.id.empty() ? std::string() : " (subject " + s.id + ")"));
    }
    if (std::find(ids.begin(), ids.end(), s.id) != ids.end())
      return invalid("subject " + s.id + " is listed twice");
    ids.push_back(s.id);
    rows.emplace_back(s.id, s.name, normalizeSubjectName(s.name), subjectKindName(s.kind), s.parent,
                      s.province, s.bpsCode, s.kanwil);
    for (const std::string& alias : s.aliases) {
      std::string key = normalizeSubjectName(alias);
      if (key.empty()) continue;
      const auto [it, inserted] = aliasOwnerByKey.emplace(key, s.id);
      if (!inserted) {
        if (it->second == s.id) continue;  // two spellings of one alias
        return invalid("alias '" + alias + "' (key '" + key + "') names both " + it->second + " and " + s.id);
      }
      aliasRows.emplace_back(std::move(key), s.id, alias);
    }
  }

  return withSession("upsertSubjects", [&](Poco::Data::Session& session) {
    return inTransaction(session, dialect_, [&] {
      writeRows(session, dialect_,
                "INSERT INTO subjects (id, name, name_key, kind, parent, province, bps_code, kanwil)",
                "ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key, "
                "kind = excluded.kind, parent = excluded.parent, province = excluded.province, "
                "bps_code = excluded.bps_code, kanwil = excluded.kanwil",
                8, rows);
      forChunks(ids.size(), rowsPerStatement(1), [&](std::size_t begin, std::size_t end) {
        Poco::Data::Statement remove(session);
        remove << dialect_.sql("DELETE FROM subject_aliases WHERE subject_id IN " +
                               placeholderRow(end - begin));
        for (std::size_t i = begin; i < end; ++i) remove, useRef(ids[i]);
        remove.execute();
      });
      writeRows(
          session, dialect_, "INSERT INTO subject_aliases (alias_key, subject_id, alias)",
          "ON CONFLICT (alias_key) DO UPDATE SET subject_id = excluded.subject_id, alias = excluded.alias", 3,
          aliasRows);
      return Status::ok();
    });
  });
}

Result<std::vector<Subject>> Store::subjects() {
  std::vector<Subject> out;
  Status s = withSession("subjects", [&](Poco::Data::Session& session) {
    out = loadSubjects(session, dialect_, std::nullopt);
    return Status::ok();
  });
  if (!s) return s;
  return out;
}

Result<std::optional<Subject>> Store::findSubject(std::string_view idCodeOrName) {
  const std::string needle(trim(idCodeOrName));
  std::optional<Subject> found;
  Status s = withSession("findSubject", [&](Poco::Data::Session& session) -> Status {
    if (needle.empty()) return Status::ok();
    std::vector<std::string> ids = lookup(session, dialect_, "SELECT id FROM subjects WHERE id = ?", needle);
    if (ids.empty()) {
      ids = lookup(session, dialect_, "SELECT id FROM subjects WHERE bps_code = ? ORDER BY id", needle);
    }
    const std::string key = normalizeSubjectName(needle);
    if (ids.empty() && !key.empty()) {
      ids = lookup(session, dialect_, "SELECT subject_id FROM subject_aliases WHERE alias_key = ?", key);
      if (ids.empty()) {
        ids = lookup(session, dialect_, "SELECT id FROM subjects WHERE name_key = ? ORDER BY id", key);
      }
    }
    if (ids.empty()) return Status::ok();
    if (ids.size() > 1) {
      std::string list;
      for (const std::string& id : ids) list += (list.empty() ? "" : ", ") + id;
      return Status::error("'" + needle + "' matches several subjects: " + list + "; use the id",
                           "ambiguous");
    }
    std::vector<Subject> subjects = loadSubjects(session, dialect_, ids.front());
    if (!subjects.empty()) found = std::move(subjects.front());
    return Status::ok();
  });
  if (!s) return s;
  return found;
}

}  // namespace hamhub::host

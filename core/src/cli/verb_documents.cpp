#include <iostream>
#include <map>

#include "cli/session.h"
#include "cli/verbs.h"
#include "host/util/utf8.h"

namespace hamhub::cli {

namespace {

std::string shortened(const std::string& s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t cut = max;
  while (cut > 0 && host::isUtf8Continuation(s[cut])) --cut;
  return s.substr(0, cut) + "…";
}

JsonValue orNull(const std::string& s) { return s.empty() ? JsonValue() : JsonValue(s); }

int listDocuments(Session& session, const Invocation& inv) {
  host::DocumentQuery query;
  if (inv.has("source")) query.source = inv.get("source");
  if (inv.has("subject")) query.subject = inv.get("subject");
  if (inv.has("status")) query.status = inv.get("status");
  query.missingMetadataOnly = inv.has("missing-metadata");
  query.includeWithdrawn = inv.has("withdrawn");
  if (inv.has("limit")) {
    try {
      query.limit = std::stoi(inv.get("limit"));
    } catch (const std::exception&) {
      return fail("--limit needs a number");
    }
  }
  const bool table = inv.format == Format::Table;
  std::vector<std::string> columns =
      table ? std::vector<std::string>{"source", "id", "jenis", "number", "year", "status", "missing", "title"}
            : std::vector<std::string>{"source", "subject", "id", "document_type", "jenis", "jenis_short", "number",
                                       "year", "title", "enacted_on", "promulgated_on", "status", "status_original",
                                       "issuing_body", "subjects", "detail_url", "file_url", "withdrawn",
                                       "missing_metadata"};
  // Streamed from the store: a province's or a ministry's listing holds one document at a time.
  TableWriter writer(std::cout, inv.format, std::move(columns));
  Status listed = session.store->forEachDocument(query, [&](const host::DocumentView& v) {
    const auto& d = v.document;
    if (table) {
      JsonValue::Array missing;
      for (const auto& [field, name] : d.missing) missing.emplace_back(name);
      writer.add({v.source, d.key, orNull(d.jenisShort.empty() ? d.jenis : d.jenisShort), orNull(d.number),
                  d.year > 0 ? JsonValue(d.year) : JsonValue(), orNull(d.status + (v.withdrawn ? " (withdrawn)" : "")),
                  missing.empty() ? JsonValue("-") : JsonValue(std::move(missing)), shortened(d.title, 70)});
    } else {
      JsonValue missing(JsonValue::Array{});
      for (const auto& [field, name] : d.missing) {
        if (inv.format == Format::Json) {
          missing.push(JsonValue(JsonValue::Object{{"field", JsonValue(field)}, {"name", JsonValue(name)}}));
        } else {
          missing.push(JsonValue(field));
        }
      }
      writer.add({v.source, orNull(d.subject), d.key, orNull(d.documentType), orNull(d.jenis), orNull(d.jenisShort),
                  orNull(d.number), d.year > 0 ? JsonValue(d.year) : JsonValue(), orNull(d.title), orNull(d.enactedOn),
                  orNull(d.promulgatedOn), orNull(d.status), orNull(d.statusOriginal), orNull(d.issuingBody),
                  orNull(d.subjects), orNull(d.detailUrl), orNull(d.fileUrl), v.withdrawn, std::move(missing)});
    }
    // A reader that went away (`| head`) ends the listing instead of the whole store being read.
    return std::cout ? Status::ok() : Status::error("standard output closed", "cancelled");
  });
  if (!listed && listed.reason() == "cancelled") return kExitOk;
  if (!listed) return fail(listed.message());
  writer.finish();
  if (table) std::cerr << writer.rows() << " document" << (writer.rows() == 1 ? "" : "s") << "\n";
  return kExitOk;
}

// What the IRH regulation-database indicator needs per JDIH site: is the feed reachable and valid,
// how many documents, how recent, how complete.
int summary(Session& session, const Invocation& inv) {
  auto figures = session.store->documentFigures();
  if (!figures.isOk()) return fail(figures.status().message());
  auto runs = session.store->lastEndedRuns();
  if (!runs.isOk()) return fail(runs.status().message());
  std::map<std::string, const host::RunRow*> lastRun;
  for (const auto& r : *runs) lastRun.emplace(r.source, &r);
  std::map<std::string, const host::DocumentFigures*> figuresOf;
  for (const auto& f : *figures) figuresOf.emplace(f.source, &f);
  Table table{{"source", "subject", "last_harvest", "reachable", "valid", "reason", "documents", "complete",
               "complete_share", "newest"},
              {}};
  for (const auto& s : session.sources) {
    if (inv.has("source") && s.id != inv.get("source")) continue;
    if (inv.has("subject") && std::find(s.subjects.begin(), s.subjects.end(), inv.get("subject")) == s.subjects.end()) continue;
    const auto run = lastRun.find(s.id);
    const host::RunRow* last = run != lastRun.end() ? run->second : nullptr;
    const auto figure = figuresOf.find(s.id);
    const host::DocumentFigures* f = figure != figuresOf.end() ? figure->second : nullptr;
    if (f == nullptr && (last == nullptr || s.connector != "jdih")) continue;
    // Reachable: the site answered HTTP at all; valid: it answered with a usable feed.
    const std::string reason = last != nullptr ? last->errorReason : "";
    const bool transport = reason == "dns" || reason == "connect-refused" || reason == "timeout" || reason == "tls" ||
                           reason == "io" || reason == "maintenance-status" || reason.rfind("http-", 0) == 0;
    JsonValue reachable = last == nullptr ? JsonValue() : JsonValue(last->status == host::RunStatus::Success || !transport);
    JsonValue valid = last == nullptr ? JsonValue() : JsonValue(last->status == host::RunStatus::Success);
    const std::int64_t docs = f != nullptr ? f->documents : 0;
    const std::int64_t complete = f != nullptr ? f->complete : 0;
    JsonValue share = docs > 0 ? JsonValue(static_cast<double>(complete * 1000 / docs) / 10.0) : JsonValue();
    JsonValue::Array subjects(s.subjects.begin(), s.subjects.end());
    table.rows.push_back({s.id, JsonValue(std::move(subjects)), last != nullptr ? JsonValue(last->startedAt) : JsonValue(),
                          reachable, valid, orNull(reason), docs, complete, share,
                          f != nullptr ? orNull(f->newestDate) : JsonValue()});
  }
  table.render(std::cout, inv.format);
  return kExitOk;
}

int runDocuments(const Invocation& inv) {
  if (!noPositionals(inv)) return kExitUsage;
  Session session(inv);
  if (!session.loadForSources()) return kExitUsage;
  return inv.has("summary") ? summary(session, inv) : listDocuments(session, inv);
}

}  // namespace

Verb documentsVerb() {
  return {"documents",
          "list harvested legal documents (JDIH) and the mandatory metadata they lack",
          "[--source ID] [--subject ID] [--status S] [--missing-metadata] [--summary]",
          {{"source", "ID", "only this source"},
           {"subject", "ID", "only this subject, e.g. 16.73"},
           {"status", "STATUS", "only this normalised status: berlaku, tidak berlaku, dicabut, diubah…"},
           {"missing-metadata", "", "only documents lacking mandatory metadata (Permenkumham 8/2019)"},
           {"withdrawn", "", "include documents the site no longer lists"},
           {"limit", "N", "at most N documents"},
           {"summary", "", "per site: reachable, valid, documents, share with complete metadata, newest"}},
          true,
          &runDocuments};
}

}  // namespace hamhub::cli

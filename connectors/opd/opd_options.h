#pragma once

#include <cstdint>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include <hamhub/options.h>
#include <hamhub/status.h>

#include "json_pointer.h"

namespace hamhub::opd {

/// The connector's option schema, declared once: the manifest exports it and `readSettings`
/// takes its defaults from it. Options of other modes are ignored (the docs say which apply).
inline constexpr OptionSpec kOptions[] = {
    {"mode", OptionType::String, true, false, nullptr, "rest | sql | skm"},
    {"on_bad_row", OptionType::String, false, false, "\"reject\"",
     "reject: a bad row fails the run and nothing after the last checkpoint is stored; "
     "skip: good rows are stored, each bad one is reported"},
    // Rows → records (rest, sql; skm uses unit/subject/period too).
    {"key_columns", OptionType::StringList, false, false, nullptr,
     "row fields whose values form a record's key (rest: defaults to the mapped field 'key')"},
    {"subject_column", OptionType::String, false, false, nullptr,
     "row field holding a region code or name, resolved through the region catalogue; "
     "unmatched values are bad rows (rest: defaults to the mapped field 'subject')"},
    {"period_column", OptionType::String, false, false, nullptr,
     "row field holding the period (rest: defaults to the mapped field 'period'; skm: 'period')"},
    {"record_kind", OptionType::String, false, false, "\"opd.row\"",
     "rest, sql: the kind of the records rows become, e.g. p2ham.declaration for a table of P2HAM "
     "declarations (lower case, one dot)"},
    {"unit_column", OptionType::String, false, false, nullptr,
     "row field naming the service unit (OPD); kept in the payload, never resolved as a region "
     "(rest: defaults to the mapped field 'unit'; skm: 'unit')"},
    // rest
    {"url", OptionType::String, false, false, nullptr, "rest: the endpoint (http:// or https://)"},
    {"headers", OptionType::Object, false, true, nullptr,
     "rest: extra request headers, name → value (secret: may carry API keys)"},
    {"bearer_token", OptionType::String, false, true, nullptr, "rest: sent as Authorization: Bearer"},
    {"items_pointer", OptionType::String, false, false, "\"\"",
     "rest/skm JSON: JSON pointer (RFC 6901) to the array of items; \"\" is the whole document"},
    {"fields", OptionType::Object, false, false, nullptr,
     "rest/skm JSON: output field → JSON pointer inside each item; absent: the item's members"},
    {"paging", OptionType::String, false, false, "\"none\"", "rest: none | page | offset | next"},
    {"page_param", OptionType::String, false, false, "\"page\"", "rest paging=page: page number parameter"},
    {"first_page", OptionType::Integer, false, false, "1", "rest paging=page: number of the first page"},
    {"offset_param", OptionType::String, false, false, "\"offset\"", "rest paging=offset: offset parameter"},
    {"limit_param", OptionType::String, false, false, "\"limit\"",
     "rest paging=page|offset: parameter carrying page_size (\"\": not sent)"},
    {"page_size", OptionType::Integer, false, false, "100", "rest paging=page|offset: items per page"},
    {"next_pointer", OptionType::String, false, false, nullptr,
     "rest paging=next: JSON pointer to the next page's URL in each response"},
    {"max_pages", OptionType::Integer, false, false, "1000",
     "rest: a listing longer than this many pages fails the run (catches paging loops)"},
    {"max_page_bytes", OptionType::Integer, false, false, "16777216",
     "rest: largest response body accepted (the hub's http limit applies too)"},
    {"cursor_field", OptionType::String, false, false, nullptr,
     "rest: row field whose maximum is kept as the cursor for incremental harvests"},
    {"cursor_param", OptionType::String, false, false, nullptr,
     "rest: query parameter that sends the stored cursor (e.g. updated_since)"},
    // sql
    {"connection", OptionType::String, false, true, nullptr,
     "sql: sqlite:PATH or postgresql:host=… dbname=… user=… password=… (secret)"},
    {"query", OptionType::String, false, false, nullptr,
     "sql: one SELECT or WITH … SELECT statement; write :cursor where the cursor goes"},
    {"cursor_column", OptionType::String, false, false, nullptr,
     "sql: column the query orders by and compares with :cursor; its maximum is the cursor"},
    {"cursor_initial", OptionType::String, false, false, nullptr,
     "sql: value bound to :cursor on the first harvest (an integer is bound as one)"},
    {"batch_rows", OptionType::Integer, false, false, "500",
     "sql: rows fetched per batch; each batch is committed with its cursor"},
    {"statement_timeout_s", OptionType::Integer, false, false, "60",
     "sql: PostgreSQL statement_timeout; SQLite queries are interrupted after it too"},
    // skm
    {"skm_source", OptionType::String, false, false, "\"file\"",
     "skm: where the survey rows come from: file | rest | sql (rest/sql use those modes' options)"},
    {"skm_input", OptionType::String, false, false, "\"respondents\"",
     "skm: respondents (one row per respondent, answers 1–4) | element_means (U1..U9 means per unit "
     "and period)"},
    {"file", OptionType::String, false, false, nullptr, "skm_source=file: a .csv or .json file"},
    {"csv_delimiter", OptionType::String, false, false, "\",\"", "skm .csv: the field delimiter"},
    {"element_columns", OptionType::StringList, false, false,
     "[\"U1\", \"U2\", \"U3\", \"U4\", \"U5\", \"U6\", \"U7\", \"U8\", \"U9\"]",
     "skm: the nine element columns U1..U9, in the regulation's order"},
    {"respondents_column", OptionType::String, false, false, "\"respondents\"",
     "skm_input=element_means: column with the respondent count (optional in the data)"},
};
inline constexpr std::size_t kOptionCount = std::size(kOptions);

enum class Mode { Rest, Sql, Skm };
enum class BadRowPolicy { Reject, Skip };
enum class Paging { None, Page, Offset, Next };
enum class SkmSource { File, Rest, Sql };
enum class SkmInput { Respondents, ElementMeans };

/// Which row fields play which part in a record.
struct RowRoles {
  std::string recordKind = "opd.row";
  std::vector<std::string> keyColumns;
  std::string subjectColumn;
  std::string periodColumn;
  std::string unitColumn;
};

struct RestSettings {
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;  ///< bearer token included
  JsonPointer itemsPointer;
  std::vector<std::pair<std::string, JsonPointer>> fields;  ///< empty: the item's members
  Paging paging = Paging::None;
  std::string pageParam;
  std::int64_t firstPage = 1;
  std::string offsetParam;
  std::string limitParam;
  std::int64_t pageSize = 100;
  JsonPointer nextPointer;
  std::int64_t maxPages = 1000;
  std::int64_t maxPageBytes = 0;
  std::string cursorField;
  std::string cursorParam;
};

struct SqlSettings {
  std::string connection;
  std::string query;
  std::string cursorColumn;
  std::string cursorInitial;
  std::int64_t batchRows = 500;
  std::int64_t statementTimeoutSeconds = 60;
};

struct SkmSettings {
  SkmSource source = SkmSource::File;
  SkmInput input = SkmInput::Respondents;
  std::string file;
  char csvDelimiter = ',';
  std::vector<std::string> elementColumns;
  std::string respondentsColumn;
};

/// The options after `configure`: checked for meaning, defaults applied.
struct Settings {
  Mode mode = Mode::Rest;
  BadRowPolicy onBadRow = BadRowPolicy::Reject;
  RowRoles roles;
  RestSettings rest;
  SqlSettings sql;
  SkmSettings skm;

  bool readsRest() const { return mode == Mode::Rest || (mode == Mode::Skm && skm.source == SkmSource::Rest); }
  bool readsSql() const { return mode == Mode::Sql || (mode == Mode::Skm && skm.source == SkmSource::Sql); }
};

/// Reads and checks the options; errors have reason `invalid-option`. An option absent from
/// `options` takes its default from kOptions.
Result<Settings> readSettings(const Options& options);

}  // namespace hamhub::opd

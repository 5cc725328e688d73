#include "opd_options.h"

#include <regex>
#include <string_view>

namespace hamhub::opd {

namespace {

// Bounds that catch typos (a page of ten million rows, a negative cap) rather than limit use.
constexpr std::int64_t kMaxPageSize = 100000;
constexpr std::int64_t kMaxBatchRows = 100000;
constexpr std::int64_t kMaxMaxPages = 1000000;
constexpr std::int64_t kMaxStatementTimeout = 24 * 3600;

Status invalid(std::string message) { return Status::error(std::move(message), "invalid-option"); }

// The option's value, or null. The host fills in declared defaults when it checks the source
// against the manifest (Options, options.h), so a missing option has none.
JsonValue valueOf(const Options& options, std::string_view name) {
  const JsonValue* value = options.get(name);
  return value != nullptr ? *value : JsonValue();
}

std::string stringOf(const Options& options, std::string_view name) {
  const JsonValue value = valueOf(options, name);
  return value.isString() ? value.asString() : std::string();
}

std::int64_t intOf(const Options& options, std::string_view name) {
  const JsonValue value = valueOf(options, name);
  return value.isInteger() ? value.asInt() : 0;
}

std::vector<std::string> listOf(const Options& options, std::string_view name) {
  std::vector<std::string> out;
  const JsonValue value = valueOf(options, name);
  if (!value.isArray()) return out;
  for (const auto& item : value.asArray()) {
    if (item.isString() && !item.asString().empty()) out.push_back(item.asString());
  }
  return out;
}

// Maps `text` through `choices`; an unknown word is an error naming the choices.
template <typename Enum, std::size_t N>
Result<Enum> choose(std::string_view option, const std::string& text,
                    const std::pair<const char*, Enum> (&choices)[N]) {
  std::string names;
  for (const auto& [name, value] : choices) {
    if (text == name) return value;
    names += (names.empty() ? "" : " | ") + std::string(name);
  }
  return invalid(std::string(option) + " must be " + names + ", not '" + text + "'");
}

bool isHttpUrl(std::string_view url) { return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0; }

Status inRange(std::string_view option, std::int64_t value, std::int64_t low, std::int64_t high) {
  if (value >= low && value <= high) return Status::ok();
  return invalid(std::string(option) + " must be between " + std::to_string(low) + " and " +
                 std::to_string(high));
}

// Items inside a JSON document and their fields: shared by REST responses and JSON survey files.
Status readItemMapping(const Options& options, RestSettings& r) {
  auto items = JsonPointer::parse(stringOf(options, "items_pointer"));
  if (!items) return items.status().withContext("items_pointer");
  r.itemsPointer = std::move(items).value();
  const JsonValue fields = valueOf(options, "fields");
  if (fields.isObject()) {
    for (const auto& [name, pointerText] : fields.asObject()) {
      if (!pointerText.isString()) return invalid("fields." + name + " must be a JSON pointer string");
      auto pointer = JsonPointer::parse(pointerText.asString());
      if (!pointer) return pointer.status().withContext("fields." + name);
      r.fields.emplace_back(name, std::move(pointer).value());
    }
    if (r.fields.empty()) return invalid("fields must map at least one output field");
  }
  return Status::ok();
}

Status readRest(const Options& options, Settings& s) {
  RestSettings& r = s.rest;
  r.url = stringOf(options, "url");
  if (r.url.empty()) return invalid("url is required when reading a REST source");
  if (!isHttpUrl(r.url)) return invalid("url must start with http:// or https://");
  const JsonValue headers = valueOf(options, "headers");
  if (headers.isObject()) {
    for (const auto& [name, value] : headers.asObject()) {
      if (!value.isString()) return invalid("headers." + name + " must be a string");
      r.headers.emplace_back(name, value.asString());
    }
  }
  if (const std::string token = stringOf(options, "bearer_token"); !token.empty())
    r.headers.emplace_back("Authorization", "Bearer " + token);

  if (Status st = readItemMapping(options, r); !st) return st;

  static constexpr std::pair<const char*, Paging> kPaging[] = {
      {"none", Paging::None}, {"page", Paging::Page}, {"offset", Paging::Offset}, {"next", Paging::Next}};
  auto paging = choose("paging", stringOf(options, "paging"), kPaging);
  if (!paging) return paging.status();
  r.paging = *paging;
  r.pageParam = stringOf(options, "page_param");
  r.firstPage = intOf(options, "first_page");
  r.offsetParam = stringOf(options, "offset_param");
  r.limitParam = stringOf(options, "limit_param");
  r.pageSize = intOf(options, "page_size");
  r.maxPages = intOf(options, "max_pages");
  r.maxPageBytes = intOf(options, "max_page_bytes");
  if (Status st = inRange("page_size", r.pageSize, 1, kMaxPageSize); !st) return st;
  if (Status st = inRange("max_pages", r.maxPages, 1, kMaxMaxPages); !st) return st;
  if (Status st = inRange("max_page_bytes", r.maxPageBytes, 1024, std::int64_t{1} << 40); !st) return st;
  if (r.firstPage < 0) return invalid("first_page must not be negative");
  if (r.paging == Paging::Page && r.pageParam.empty()) return invalid("paging=page needs page_param");
  if (r.paging == Paging::Offset && r.offsetParam.empty()) return invalid("paging=offset needs offset_param");
  if (r.paging == Paging::Next) {
    const std::string next = stringOf(options, "next_pointer");
    if (next.empty()) return invalid("paging=next needs next_pointer (e.g. /links/next)");
    auto pointer = JsonPointer::parse(next);
    if (!pointer) return pointer.status().withContext("next_pointer");
    r.nextPointer = std::move(pointer).value();
  }
  r.cursorField = stringOf(options, "cursor_field");
  r.cursorParam = stringOf(options, "cursor_param");
  if (r.cursorField.empty() != r.cursorParam.empty())
    return invalid("cursor_field and cursor_param go together: give both or neither");
  return Status::ok();
}

// Where `:cursor` goes is checked when the query is prepared (sql_query.h); here only presence.
Status readSql(const Options& options, Settings& s) {
  SqlSettings& q = s.sql;
  q.connection = stringOf(options, "connection");
  q.query = stringOf(options, "query");
  q.cursorColumn = stringOf(options, "cursor_column");
  q.cursorInitial = stringOf(options, "cursor_initial");
  q.batchRows = intOf(options, "batch_rows");
  q.statementTimeoutSeconds = intOf(options, "statement_timeout_s");
  if (q.connection.empty()) return invalid("connection is required when reading an SQL source");
  if (q.query.empty()) return invalid("query is required when reading an SQL source");
  if (Status st = inRange("batch_rows", q.batchRows, 1, kMaxBatchRows); !st) return st;
  if (Status st = inRange("statement_timeout_s", q.statementTimeoutSeconds, 1, kMaxStatementTimeout); !st)
    return st;
  if (!q.cursorColumn.empty() && q.cursorInitial.empty())
    return invalid("cursor_column needs cursor_initial, the value :cursor takes on the first harvest");
  return Status::ok();
}

Status readSkm(const Options& options, Settings& s) {
  SkmSettings& k = s.skm;
  static constexpr std::pair<const char*, SkmSource> kSources[] = {
      {"file", SkmSource::File}, {"rest", SkmSource::Rest}, {"sql", SkmSource::Sql}};
  auto source = choose("skm_source", stringOf(options, "skm_source"), kSources);
  if (!source) return source.status();
  k.source = *source;
  static constexpr std::pair<const char*, SkmInput> kInputs[] = {{"respondents", SkmInput::Respondents},
                                                                 {"element_means", SkmInput::ElementMeans}};
  auto input = choose("skm_input", stringOf(options, "skm_input"), kInputs);
  if (!input) return input.status();
  k.input = *input;
  k.file = stringOf(options, "file");
  const std::string delimiter = stringOf(options, "csv_delimiter");
  if (delimiter.size() != 1 || delimiter == "\"" || delimiter == "\n" || delimiter == "\r")
    return invalid("csv_delimiter must be one character other than a quote or a line break");
  k.csvDelimiter = delimiter.front();
  k.elementColumns = listOf(options, "element_columns");
  if (k.elementColumns.size() != 9)
    return invalid("element_columns must name the nine elements U1..U9 (PermenPANRB 14/2017)");
  k.respondentsColumn = stringOf(options, "respondents_column");
  if (k.source == SkmSource::File && k.file.empty()) return invalid("skm_source=file needs file");
  if (!stringOf(options, "cursor_column").empty() || !stringOf(options, "cursor_field").empty())
    return invalid("skm mode aggregates every row of the survey: it takes no cursor_column/cursor_field");
  if (s.roles.unitColumn.empty()) s.roles.unitColumn = "unit";
  if (s.roles.periodColumn.empty()) s.roles.periodColumn = "period";
  return Status::ok();
}

// In rest mode the mapped output names key/subject/period/unit play their parts by default.
void defaultRestRoles(Settings& s) {
  const auto mapped = [&s](const char* name) {
    for (const auto& field : s.rest.fields) {
      if (field.first == name) return true;
    }
    return false;
  };
  if (s.roles.keyColumns.empty() && mapped("key")) s.roles.keyColumns = {"key"};
  if (s.roles.subjectColumn.empty() && mapped("subject")) s.roles.subjectColumn = "subject";
  if (s.roles.periodColumn.empty() && mapped("period")) s.roles.periodColumn = "period";
  if (s.roles.unitColumn.empty() && mapped("unit")) s.roles.unitColumn = "unit";
}

}  // namespace

Result<Settings> readSettings(const Options& options) {
  Settings s;
  static constexpr std::pair<const char*, Mode> kModes[] = {
      {"rest", Mode::Rest}, {"sql", Mode::Sql}, {"skm", Mode::Skm}};
  auto mode = choose("mode", stringOf(options, "mode"), kModes);
  if (!mode) return mode.status();
  s.mode = *mode;
  static constexpr std::pair<const char*, BadRowPolicy> kPolicies[] = {{"reject", BadRowPolicy::Reject},
                                                                      {"skip", BadRowPolicy::Skip}};
  auto policy = choose("on_bad_row", stringOf(options, "on_bad_row"), kPolicies);
  if (!policy) return policy.status();
  s.onBadRow = *policy;
  s.roles.recordKind = stringOf(options, "record_kind");
  static const std::regex kKind("[a-z0-9_]+\\.[a-z0-9_]+");
  if (!std::regex_match(s.roles.recordKind, kKind)) {
    return invalid("record_kind '" + s.roles.recordKind + "' is not a kind such as opd.row or p2ham.declaration");
  }
  s.roles.keyColumns = listOf(options, "key_columns");
  s.roles.subjectColumn = stringOf(options, "subject_column");
  s.roles.periodColumn = stringOf(options, "period_column");
  s.roles.unitColumn = stringOf(options, "unit_column");

  if (s.mode == Mode::Skm) {
    if (Status st = readSkm(options, s); !st) return st;
  }
  if (s.readsRest() || (s.mode == Mode::Skm && s.skm.source == SkmSource::File)) {
    // A JSON survey file is read with the same pointers as a REST response.
    const Status st = s.readsRest() ? readRest(options, s) : readItemMapping(options, s.rest);
    if (!st) return st;
    if (s.mode == Mode::Rest) defaultRestRoles(s);
  }
  if (s.readsSql()) {
    if (Status st = readSql(options, s); !st) return st;
  }
  if (s.mode != Mode::Skm && s.roles.keyColumns.empty()) {
    return invalid(s.mode == Mode::Rest ? "map a field named 'key' in fields, or set key_columns"
                                        : "key_columns is required: the columns that identify a row");
  }
  return s;
}

}  // namespace hamhub::opd

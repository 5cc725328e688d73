#include "host/alerts/alert_rules.h"

#include <regex>

#include "host/config/json_file.h"
#include "host/config/schema_check.h"

namespace hamhub::host {

namespace {

using Values = std::map<std::string, JsonValue, std::less<>>;

constexpr OptionSpec kTop[] = {
    {"type", OptionType::String, true, false, nullptr, "alert-rules"},
    {"version", OptionType::String, false, false, "\"\"", "version of these rules"},
    {"kkpham", OptionType::Object, false, false, "{}", "KKPHAM data dukung deadlines"},
    {"ranham", OptionType::Object, false, false, "{}", "RANHAM report rounds"},
    {"p2ham", OptionType::Object, false, false, "{}", "P2HAM declarations"},
    {"jdih", OptionType::Object, false, false, "{}", "JDIH metadata"},
    {"sources", OptionType::Object, false, false, "{}", "outages and stale data"},
    {"irh", OptionType::Object, false, false, "{}", "IRH regulation database"},
};
constexpr OptionSpec kKkpham[] = {
    {"instrument", OptionType::String, false, false, "\"kkpham\"", "instrument id"},
    {"warn_days", OptionType::Integer, false, false, "30", "days of warning before the deadline"},
    {"deadlines", OptionType::Array, false, false, "[]", "per year: submission and verification dates"},
};
constexpr OptionSpec kDeadline[] = {
    {"year", OptionType::Integer, true, false, nullptr, "year"},
    {"submission", OptionType::String, true, false, nullptr, "ISO date"},
    {"verification", OptionType::String, true, false, nullptr, "ISO date"},
    {"confidence", OptionType::String, false, false, "\"A\"", "C, P or A"},
};
constexpr OptionSpec kRanham[] = {
    {"instrument", OptionType::String, false, false, "\"ranham\"", "instrument id"},
    {"record_kind", OptionType::String, false, false, "\"ranham.report_entry\"", "report records"},
    {"rounds", OptionType::Object, false, false, "{\"B04\": 4, \"B08\": 8, \"B12\": 12}", "round → last month"},
    {"deadline_days", OptionType::Integer, false, false, "15", "days after a round's end"},
    {"warn_days", OptionType::Integer, false, false, "14", "days of warning"},
    {"lookback_rounds", OptionType::Integer, false, false, "2", "rounds checked"},
    {"plan_years", OptionType::Array, false, false, "[2021, 2025]", "first and last year of the plan"},
    {"subject_kinds", OptionType::StringList, false, false, "[\"province\", \"kabkota\"]", "who reports"},
};
constexpr OptionSpec kP2ham[] = {
    {"declaration_kind", OptionType::String, false, false, "\"p2ham.declaration\"", "declaration records"},
    {"sk_tim_field", OptionType::String, false, false, "\"sk_tim\"", "payload field"},
    {"declared_field", OptionType::String, false, false, "\"declared_at\"", "payload field"},
    {"unit_field", OptionType::String, false, false, "\"unit\"", "payload field"},
    {"evidence_kinds", OptionType::StringList, false, false, "[\"p2ham.indicator_value\"]", "evidence records"},
    {"grace_days", OptionType::Integer, false, false, "30", "days after the declaration"},
};
constexpr OptionSpec kJdih[] = {
    {"warning_below", OptionType::Number, false, false, "0.9", "share of complete documents"},
};
constexpr OptionSpec kSources[] = {
    {"down_minutes", OptionType::Integer, false, false, "60", "minutes DOWN before an alert"},
    {"maintenance_hours", OptionType::Integer, false, false, "24", "hours in MAINTENANCE before an alert"},
    {"stale_days", OptionType::Integer, false, false, "14", "days without a successful harvest"},
    {"stale_days_by_connector", OptionType::Object, false, false, "{}", "connector → days"},
};
constexpr OptionSpec kIrh[] = {
    {"connector", OptionType::String, false, false, "\"jdih\"", "the JDIH connector"},
    {"ignored_reasons", OptionType::StringList, false, false, "[\"cancelled\", \"busy\", \"store\", \"interrupted\"]",
     "failure reasons that are the hub's, not the site's"},
};

std::vector<std::string> strings(const JsonValue& list) {
  std::vector<std::string> out;
  for (const auto& item : list.asArray()) out.push_back(item.asString());
  return out;
}

bool isoDate(const std::string& text) {
  static const std::regex kDate(R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
  return std::regex_match(text, kDate);
}

// A positive whole number of days, months…; anything else is an issue at `path`.
int positive(const JsonValue& v, const std::string& file, const std::string& path, ConfigIssues& issues) {
  const std::int64_t n = v.isNumber() ? v.asInt() : 0;
  if (n <= 0 || n > 100000) issues.push_back({file, path, "expected a positive whole number"});
  return static_cast<int>(n);
}

class Reader {
 public:
  Reader(const std::string& file, ConfigIssues& issues) : file_(file), issues_(issues) {}

  Values section(const Values& top, const char* key, std::span<const OptionSpec> specs) {
    return checkObject(top.at(key), specs, file_, key, issues_);
  }
  int days(const Values& v, const std::string& path, const char* key) {
    return positive(v.at(key), file_, path + "." + key, issues_);
  }
  std::map<std::string, int> counts(const JsonValue& object, const std::string& path, int max) {
    std::map<std::string, int> out;
    for (const auto& [name, value] : object.asObject()) {
      const int n = positive(value, file_, path + "." + name, issues_);
      if (n > max) issues_.push_back({file_, path + "." + name, "expected at most " + std::to_string(max)});
      out[name] = n;
    }
    return out;
  }
  std::vector<KkphamDeadline> deadlines(const JsonValue& list) {
    std::vector<KkphamDeadline> out;
    for (std::size_t i = 0; i < list.asArray().size(); ++i) {
      const std::string path = "kkpham.deadlines[" + std::to_string(i) + "]";
      auto v = checkObject(list.asArray()[i], kDeadline, file_, path, issues_);
      if (v.size() < 3) continue;
      KkphamDeadline d{static_cast<int>(v.at("year").asInt()), v.at("submission").asString(),
                       v.at("verification").asString()};
      for (const auto* key : {"submission", "verification"}) {
        if (!isoDate(v.at(key).asString())) issues_.push_back({file_, path + "." + key, "expected a date YYYY-MM-DD"});
      }
      if (d.verification < d.submission) {
        issues_.push_back({file_, path, "verification (" + d.verification + ") is before submission (" + d.submission + ")"});
      }
      out.push_back(std::move(d));
    }
    return out;
  }
  void planYears(const JsonValue& list, AlertRules::Ranham& ranham) {
    const auto& years = list.asArray();
    if (years.size() != 2 || !years[0].isNumber() || !years[1].isNumber() || years[0].asInt() > years[1].asInt()) {
      issues_.push_back({file_, "ranham.plan_years", "expected [first year, last year]"});
      return;
    }
    ranham.firstYear = static_cast<int>(years[0].asInt());
    ranham.lastYear = static_cast<int>(years[1].asInt());
  }

 private:
  std::string file_;
  ConfigIssues& issues_;
};

AlertRules readRules(const TypedJsonFile& typed, ConfigIssues& issues) {
  AlertRules rules;
  rules.file = typed.file.string();
  const std::size_t before = issues.size();
  Reader read(rules.file, issues);
  const Values top = checkObject(typed.json, kTop, rules.file, "", issues);
  if (issues.size() > before) return rules;
  rules.version = top.at("version").asString();

  const Values k = read.section(top, "kkpham", kKkpham);
  const Values r = read.section(top, "ranham", kRanham);
  const Values p = read.section(top, "p2ham", kP2ham);
  const Values j = read.section(top, "jdih", kJdih);
  const Values s = read.section(top, "sources", kSources);
  const Values i = read.section(top, "irh", kIrh);
  if (issues.size() > before) return rules;

  rules.kkpham.instrument = k.at("instrument").asString();
  rules.kkpham.warnDays = read.days(k, "kkpham", "warn_days");
  rules.kkpham.deadlines = read.deadlines(k.at("deadlines"));

  rules.ranham.instrument = r.at("instrument").asString();
  rules.ranham.recordKind = r.at("record_kind").asString();
  rules.ranham.rounds = read.counts(r.at("rounds"), "ranham.rounds", 12);
  rules.ranham.deadlineDays = read.days(r, "ranham", "deadline_days");
  rules.ranham.warnDays = read.days(r, "ranham", "warn_days");
  rules.ranham.lookbackRounds = read.days(r, "ranham", "lookback_rounds");
  read.planYears(r.at("plan_years"), rules.ranham);
  rules.ranham.subjectKinds = strings(r.at("subject_kinds"));

  rules.p2ham.declarationKind = p.at("declaration_kind").asString();
  rules.p2ham.skTimField = p.at("sk_tim_field").asString();
  rules.p2ham.declaredField = p.at("declared_field").asString();
  rules.p2ham.unitField = p.at("unit_field").asString();
  rules.p2ham.evidenceKinds = strings(p.at("evidence_kinds"));
  rules.p2ham.graceDays = read.days(p, "p2ham", "grace_days");

  rules.jdih.warningBelow = j.at("warning_below").asNumber();
  if (rules.jdih.warningBelow < 0 || rules.jdih.warningBelow > 1) {
    issues.push_back({rules.file, "jdih.warning_below", "expected a share between 0 and 1"});
  }

  rules.sources.downMinutes = read.days(s, "sources", "down_minutes");
  rules.sources.maintenanceHours = read.days(s, "sources", "maintenance_hours");
  rules.sources.staleDays = read.days(s, "sources", "stale_days");
  rules.sources.staleDaysByConnector =
      read.counts(s.at("stale_days_by_connector"), "sources.stale_days_by_connector", 100000);

  rules.irh.connector = i.at("connector").asString();
  rules.irh.ignoredReasons = strings(i.at("ignored_reasons"));
  return rules;
}

}  // namespace

AlertRules loadAlertRules(const std::filesystem::path& criteriaDir, ConfigIssues& issues) {
  ConfigIssues readIssues;  // unreadable files are the criteria loader's to report
  const auto files = readTypedJsonFiles(criteriaDir, "alert-rules", readIssues);
  if (files.empty()) return {};
  if (files.size() > 1) {
    issues.push_back({files[1].file.string(), "", "a second alert-rules file (the first is " +
                                                      files[0].file.string() + "); keep one"});
  }
  return readRules(files.front(), issues);
}

}  // namespace hamhub::host

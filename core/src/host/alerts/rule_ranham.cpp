// RANHAM Aksi HAM: each province and kab/kota reports every round (B04, B08, B12). A report not in
// by the deadline is critical, one still expected within `warn_days` of it a warning, and one that
// came in after the deadline is kept as a late report (it scores nothing for the round).

#include <algorithm>

#include "hamhub/json.h"
#include "host/alerts/rule_context.h"

namespace hamhub::host {

namespace {

struct Round {
  std::string period;  // "2024-B08"
  std::string label;   // "B08"
  int year = 0;
  std::chrono::sys_days deadline;
};

// The newest `lookback_rounds` rounds of the plan whose warning window has begun, newest first.
std::vector<Round> dueRounds(const RuleContext& context) {
  const auto& r = context.rules.ranham;
  std::vector<Round> rounds;
  for (int year = r.firstYear; year <= r.lastYear; ++year) {
    for (const auto& [label, month] : r.rounds) {
      const std::chrono::year_month_day_last end{std::chrono::year(year),
                                                 std::chrono::month_day_last(std::chrono::month(month))};
      const auto deadline = std::chrono::sys_days(end) + std::chrono::days(r.deadlineDays);
      if (context.today < deadline - std::chrono::days(r.warnDays)) continue;
      rounds.push_back({std::to_string(year) + "-" + label, label, year, deadline});
    }
  }
  std::sort(rounds.begin(), rounds.end(), [](const Round& a, const Round& b) { return a.deadline > b.deadline; });
  if (rounds.size() > static_cast<std::size_t>(r.lookbackRounds)) rounds.resize(r.lookbackRounds);
  return rounds;
}

std::string details(const Round& round, const std::string& submitted) {
  JsonWriter w;
  w.beginObject().key("period").value(round.period).key("deadline").value(isoDay(round.deadline));
  if (!submitted.empty()) w.key("submitted_at").value(submitted);
  w.endObject();
  return w.take();
}

}  // namespace

Status ranhamRule(const RuleContext& context, std::vector<AlertFinding>& out) {
  const auto rounds = dueRounds(context);
  if (rounds.empty()) return Status::ok();
  std::map<std::string, const Round*> byPeriod;
  for (const auto& round : rounds) byPeriod[round.period] = &round;

  // (subject, period) → the newest submission date of its entries ('' when none says).
  std::map<std::pair<std::string, std::string>, std::string> reported;
  RecordQuery query;
  query.kind = context.rules.ranham.recordKind;
  Status read = context.store.forEachRecord(query, [&](const StoredRecord& record) {
    if (!byPeriod.count(record.record.period)) return;
    auto& submitted = reported[{record.record.subject, record.record.period}];
    const auto payload = parseJson(record.record.payload);
    const JsonValue* at = payload.isOk() && payload->isObject() ? payload->find("submitted_at") : nullptr;
    if (at != nullptr && at->isString()) submitted = std::max(submitted, at->asString());
  });
  if (!read) return read;

  const auto& kinds = context.rules.ranham.subjectKinds;
  for (const auto& [id, subject] : context.subjects) {
    if (std::find(kinds.begin(), kinds.end(), subjectKindName(subject.kind)) == kinds.end()) continue;
    const std::string name = context.nameOf(id);
    for (const auto& round : rounds) {
      const auto it = reported.find({id, round.period});
      const std::string what = "laporan Aksi HAM " + round.label + " " + std::to_string(round.year);
      const std::string whatEn = "Aksi HAM report " + round.label + " " + std::to_string(round.year);
      if (it == reported.end()) {
        const bool late = context.today > round.deadline;
        AlertFinding f = makeFinding(
            context, "ranham.report-missing", {id, round.period}, late ? AlertSeverity::Critical : AlertSeverity::Warning,
            id,
            name + ": " + what + (late ? " belum masuk; batasnya " + dayId(round.deadline) + " sudah lewat"
                                       : " belum masuk; batas pelaporan " + dayId(round.deadline)),
            name + ": " + whatEn + (late ? " not received; its deadline " + dayEn(round.deadline) + " has passed"
                                         : " not received yet; due by " + dayEn(round.deadline)));
        f.details = details(round, "");
        out.push_back(std::move(f));
        continue;
      }
      const auto submitted = parseDay(it->second);
      if (!submitted || *submitted <= round.deadline) continue;
      AlertFinding f = makeFinding(
          context, "ranham.report-late", {id, round.period}, AlertSeverity::Warning, id,
          name + ": " + what + " masuk " + dayId(*submitted) + ", lewat batas " + dayId(round.deadline) +
              " (tidak dinilai untuk periode ini)",
          name + ": " + whatEn + " came in on " + dayEn(*submitted) + ", after the deadline " + dayEn(round.deadline) +
              " (it scores nothing for the round)");
      f.details = details(round, it->second);
      out.push_back(std::move(f));
    }
  }
  return Status::ok();
}

}  // namespace hamhub::host

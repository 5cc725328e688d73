// KKPHAM: kab/kota whose indicators lack data or data dukung as the submission deadline nears
// (warning) and after it (critical). One alert per kab/kota and year, not per indicator: a Kanwil
// chases a regency, and 120 indicators × 17 kab/kota would bury the one that matters.

#include <algorithm>

#include "hamhub/json.h"
#include "host/alerts/rule_context.h"
#include "host/scoring/score_result.h"

namespace hamhub::host {

namespace {

const KkphamDeadline* activeDeadline(const RuleContext& context) {
  const KkphamDeadline* active = nullptr;
  for (const auto& d : context.rules.kkpham.deadlines) {
    const auto submission = parseDay(d.submission);
    if (!submission || context.today < *submission - std::chrono::days(context.rules.kkpham.warnDays)) continue;
    if (active == nullptr || active->year < d.year) active = &d;
  }
  return active;
}

struct Gaps {
  std::vector<std::string> noData;
  std::vector<std::string> noDataDukung;
  bool scored = false;
};

Gaps gapsOf(const ScoreRow* score) {
  Gaps gaps;
  if (score == nullptr) return gaps;
  gaps.scored = true;
  const JsonValue result = scoreResultValue(score->result);
  const JsonValue* indicators = result.isObject() ? result.find("indicators") : nullptr;
  if (indicators == nullptr || !indicators->isArray()) return gaps;
  for (const auto& indicator : indicators->asArray()) {
    const JsonValue* id = indicator.find("id");
    const JsonValue* state = indicator.find("state");
    if (id == nullptr || state == nullptr || !id->isString() || !state->isString()) continue;
    if (state->asString() == "missing") gaps.noData.push_back(id->asString());
    if (state->asString() == "no-data-dukung") gaps.noDataDukung.push_back(id->asString());
  }
  return gaps;
}

std::string details(const KkphamDeadline& d, const Gaps& gaps) {
  JsonWriter w;
  w.beginObject().key("year").value(d.year).key("submission").value(d.submission).key("verification").value(d.verification);
  w.key("scored").value(gaps.scored);
  w.key("no_data").beginArray();
  for (const auto& id : gaps.noData) w.value(id);
  w.endArray().key("no_data_dukung").beginArray();
  for (const auto& id : gaps.noDataDukung) w.value(id);
  w.endArray().endObject();
  return w.take();
}

}  // namespace

Status kkphamRule(const RuleContext& context, std::vector<AlertFinding>& out) {
  const KkphamDeadline* deadline = activeDeadline(context);
  if (deadline == nullptr) return Status::ok();
  const auto submission = *parseDay(deadline->submission);
  const auto verification = parseDay(deadline->verification).value_or(submission);
  const std::string year = std::to_string(deadline->year);
  ScoreQuery query;
  query.instrument = context.rules.kkpham.instrument;
  query.period = year;
  auto scores = context.store.currentScores(query);
  if (!scores.isOk()) return scores.status();
  std::map<std::string, const ScoreRow*> scoreOf;
  for (const auto& s : *scores) scoreOf[s.subject] = &s;

  const bool late = context.today > submission;
  const bool closed = context.today > verification;
  for (const auto& [id, subject] : context.subjects) {
    if (subject.kind != SubjectKind::KabKota) continue;
    const auto it = scoreOf.find(id);
    const Gaps gaps = gapsOf(it == scoreOf.end() ? nullptr : it->second);
    const std::size_t open = gaps.noData.size() + gaps.noDataDukung.size();
    if (gaps.scored && open == 0) continue;
    const std::string name = context.nameOf(id);
    std::string what, whatEn;
    if (!gaps.scored) {
      what = name + ": belum ada data KKPHAM " + year + " sama sekali";
      whatEn = name + ": no KKPHAM " + year + " data at all";
    } else {
      const std::string n = std::to_string(open);
      what = name + ": " + n + " indikator KKPHAM " + year + " belum lengkap (" + std::to_string(gaps.noData.size()) +
             " tanpa data, " + std::to_string(gaps.noDataDukung.size()) + " tanpa data dukung)";
      whatEn = name + ": " + n + " KKPHAM " + year + " indicators incomplete (" + std::to_string(gaps.noData.size()) +
               " without data, " + std::to_string(gaps.noDataDukung.size()) + " without data dukung)";
    }
    std::string when, whenEn;
    if (closed) {
      when = "; batas verifikasi Kanwil " + dayId(verification) + " sudah lewat";
      whenEn = "; the Kanwil's verification deadline " + dayEn(verification) + " has passed";
    } else if (late) {
      when = "; batas pengiriman data dukung " + dayId(submission) + " sudah lewat, verifikasi Kanwil sampai " +
             dayId(verification);
      whenEn = "; the data dukung deadline " + dayEn(submission) + " has passed, Kanwil verification until " +
               dayEn(verification);
    } else {
      when = "; batas pengiriman data dukung ke Kanwil " + dayId(submission);
      whenEn = "; data dukung are due at the Kanwil by " + dayEn(submission);
    }
    AlertFinding f = makeFinding(context, "kkpham.data-dukung-missing", {id, year},
                                 late ? AlertSeverity::Critical : AlertSeverity::Warning, id, what + when, whatEn + whenEn);
    f.details = details(*deadline, gaps);
    out.push_back(std::move(f));
  }
  return Status::ok();
}

}  // namespace hamhub::host

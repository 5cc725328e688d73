// P2HAM: only declared units are assessed, and a declaration (pencanangan) obliges the unit to send
// its SK Tim operator P2HAM to the Kanwil and then its indicator evidence. A unit that declared more
// than `grace_days` ago and lacks either gets an alert.

#include <algorithm>
#include <cctype>
#include <set>

#include "hamhub/json.h"
#include "host/alerts/rule_context.h"

namespace hamhub::host {

namespace {

std::string field(const JsonValue& payload, const std::string& name) {
  const JsonValue* v = payload.isObject() ? payload.find(name) : nullptr;
  if (v == nullptr || v->isNull()) return {};
  if (v->isString()) return v->asString() == "-" ? std::string() : v->asString();
  return toJson(*v);
}

// Units are named by people in two systems; compare them without case and spacing differences.
std::string unitKey(const std::string& subject, std::string unit) {
  std::string key;
  for (char c : unit) {
    if (std::isalnum(static_cast<unsigned char>(c))) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return subject + "|" + key;
}

struct Declaration {
  std::string subject;
  std::string unit;
  std::string declaredAt;
  bool skTim = false;
};

}  // namespace

Status p2hamRule(const RuleContext& context, std::vector<AlertFinding>& out) {
  const auto& rules = context.rules.p2ham;
  std::vector<Declaration> declarations;
  RecordQuery query;
  query.kind = rules.declarationKind;
  Status read = context.store.forEachRecord(query, [&](const StoredRecord& record) {
    const auto payload = parseJson(record.record.payload);
    const JsonValue none;
    const JsonValue& p = payload.isOk() ? *payload : none;
    std::string unit = field(p, rules.unitField);
    declarations.push_back({record.record.subject, unit.empty() ? record.record.key : unit,
                            field(p, rules.declaredField), !field(p, rules.skTimField).empty()});
  });
  if (!read) return read;
  if (declarations.empty()) return Status::ok();

  std::set<std::string> withEvidence;
  for (const auto& kind : rules.evidenceKinds) {
    RecordQuery evidence;
    evidence.kind = kind;
    read = context.store.forEachRecord(evidence, [&](const StoredRecord& record) {
      const auto payload = parseJson(record.record.payload);
      const std::string unit = payload.isOk() ? field(*payload, rules.unitField) : std::string();
      withEvidence.insert(unitKey(record.record.subject, unit.empty() ? record.record.subject : unit));
    });
    if (!read) return read;
  }

  for (const auto& d : declarations) {
    const auto declared = parseDay(d.declaredAt);
    // An undated declaration is judged as if it were old: the grace period cannot be told.
    if (declared && daysBetween(*declared, context.today) <= rules.graceDays) continue;
    const std::string since = declared ? " (dicanangkan " + dayId(*declared) + ")" : "";
    const std::string sinceEn = declared ? " (declared on " + dayEn(*declared) + ")" : "";
    const std::string where = context.nameOf(d.subject);
    if (!d.skTim) {
      out.push_back(makeFinding(context, "p2ham.sk-tim-missing", {d.subject, unitKey("", d.unit)},
                                AlertSeverity::Warning, d.subject,
                                d.unit + ", " + where + ": SK Tim operator P2HAM belum dikirim ke Kanwil" + since,
                                d.unit + ", " + where + ": the SK Tim operator P2HAM has not reached the Kanwil" + sinceEn));
    }
    if (!withEvidence.count(unitKey(d.subject, d.unit))) {
      out.push_back(makeFinding(context, "p2ham.evidence-missing", {d.subject, unitKey("", d.unit)},
                                AlertSeverity::Warning, d.subject,
                                d.unit + ", " + where + ": belum ada data dukung indikator P2HAM" + since,
                                d.unit + ", " + where + ": no P2HAM indicator evidence yet" + sinceEn));
    }
  }
  return Status::ok();
}

}  // namespace hamhub::host

#include "host/scoring/score_result.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace hamhub::host {

namespace {

// Stored results carry this marker; results of earlier versions are the named object itself.
constexpr std::string_view kFormat = "v";
constexpr std::int64_t kPacked = 2;
const std::string kNone;

// The named form, level by level: the packed form writes the same fields in this order, each text
// as its index in the result's string table.
enum class Kind { Text, Plain, Texts, Rows, Row };

struct Field {
  const char* name;
  Kind kind;
  std::vector<Field> nested = {};
};

const std::vector<Field> kEvidence = {
    {"source", Kind::Text}, {"record_kind", Kind::Text}, {"record_key", Kind::Text}, {"code", Kind::Text},
    {"value", Kind::Text},  {"data_dukung", Kind::Plain}, {"url", Kind::Text},       {"fetched_at", Kind::Text}};

const std::vector<Field> kResult = {
    {"subject", Kind::Text},
    {"instrument", Kind::Text},
    {"version", Kind::Text},
    {"legal_basis", Kind::Text},
    {"period", Kind::Text},
    {"total", Kind::Plain},
    {"scale", Kind::Plain},
    {"predicate", Kind::Text},
    {"predicate_name", Kind::Text},
    {"predicate_name_en", Kind::Text},
    {"completeness", Kind::Plain},
    {"criteria", Kind::Rows, {{"id", Kind::Text}, {"name", Kind::Text}, {"score", Kind::Plain}, {"max", Kind::Plain}}},
    {"missing", Kind::Texts},
    {"indicators",
     Kind::Rows,
     {{"id", Kind::Text},
      {"name", Kind::Text},
      {"criterion", Kind::Text},
      {"points", Kind::Plain},
      {"max", Kind::Plain},
      {"state", Kind::Text},
      {"detail", Kind::Text},
      {"confidence", Kind::Text},
      {"evidence", Kind::Rows, kEvidence}}},
    {"coaching",
     Kind::Row,
     {{"target", Kind::Text},
      {"target_name", Kind::Text},
      {"target_name_en", Kind::Text},
      {"target_min", Kind::Plain},
      {"reaches_target", Kind::Plain},
      {"steps", Kind::Rows, {{"indicator", Kind::Text}, {"gain", Kind::Plain}, {"action", Kind::Text}}}}},
    {"problems", Kind::Texts}};

// Writes the packed body and collects its string table.
class Packer {
 public:
  Packer& text(std::string_view s) {
    const auto [it, added] = index_.try_emplace(s, static_cast<std::int64_t>(strings_.size()));
    if (added) strings_.push_back(s);
    body.value(it->second);
    return *this;
  }
  // The table keeps views: a temporary would be gone before take().
  Packer& text(std::string&&) = delete;

  std::string take() {
    std::string out = "{";
    appendJsonString(out, kFormat);
    out += ":" + std::to_string(kPacked) + ",\"s\":[";
    for (std::size_t i = 0; i < strings_.size(); ++i) {
      if (i > 0) out.push_back(',');
      appendJsonString(out, strings_[i]);
    }
    out += "],\"r\":";
    out += body.str();
    out.push_back('}');
    return out;
  }

  JsonWriter body;

 private:
  std::unordered_map<std::string_view, std::int64_t> index_;
  std::vector<std::string_view> strings_;
};

const JsonValue* stringAt(const JsonValue::Array& strings, const JsonValue& index) {
  if (!index.isInteger() || index.asInt() < 0 || static_cast<std::size_t>(index.asInt()) >= strings.size()) {
    return nullptr;
  }
  return &strings[static_cast<std::size_t>(index.asInt())];
}

JsonValue unpackRow(const JsonValue& packed, const std::vector<Field>& fields, const JsonValue::Array& strings);

JsonValue unpack(const JsonValue& packed, const Field& field, const JsonValue::Array& strings) {
  switch (field.kind) {
    case Kind::Plain:
      return packed;
    case Kind::Text: {
      const JsonValue* s = stringAt(strings, packed);
      return s != nullptr ? *s : JsonValue();
    }
    case Kind::Row:
      return unpackRow(packed, field.nested, strings);
    case Kind::Texts:
    case Kind::Rows: {
      JsonValue::Array items;
      if (packed.isArray()) {
        items.reserve(packed.asArray().size());
        for (const JsonValue& item : packed.asArray()) {
          items.push_back(field.kind == Kind::Rows ? unpackRow(item, field.nested, strings)
                                                   : unpack(item, {field.name, Kind::Text}, strings));
        }
      }
      return items;
    }
  }
  return {};
}

JsonValue unpackRow(const JsonValue& packed, const std::vector<Field>& fields, const JsonValue::Array& strings) {
  JsonValue::Object object;
  object.reserve(fields.size());
  const JsonValue::Array empty;
  const JsonValue::Array& values = packed.isArray() ? packed.asArray() : empty;
  std::size_t i = 0;
  for (const Field& field : fields) {
    object.emplace_back(field.name, i < values.size() ? unpack(values[i], field, strings) : JsonValue());
    ++i;
  }
  return object;
}

}  // namespace

std::string scoreResultJson(const CriteriaModel& model, const ScoreRequest& request, const ScoreResult& result) {
  Packer p;
  JsonWriter& w = p.body;
  w.beginArray();
  p.text(request.subject).text(model.instrument).text(model.version).text(model.legalBasis).text(request.period);
  w.value(result.total).value(model.scale);
  const Predicate* earned = model.predicateFor(result.total);
  p.text(result.predicate).text(earned != nullptr ? earned->name : kNone);
  p.text(earned != nullptr ? earned->nameEn : kNone);
  w.value(result.completeness);
  w.beginArray();
  for (std::size_t c = 0; c < result.criteria.size(); ++c) {
    w.beginArray();
    p.text(result.criteria[c].criterion).text(model.criteria[c].name);
    w.value(result.criteria[c].score).value(result.criteria[c].maxScore);
    w.endArray();
  }
  w.endArray();
  w.beginArray();
  for (const auto& id : result.missing) p.text(id);
  w.endArray();
  w.beginArray();
  for (const auto& r : result.indicators) {
    const Indicator* indicator = model.findIndicator(r.indicator);
    w.beginArray();
    p.text(r.indicator).text(indicator != nullptr ? indicator->name : kNone).text(r.criterion);
    w.value(r.points).value(r.maxPoints);
    const Confidence confidence = indicator != nullptr ? indicator->confidence : Confidence::Assumption;
    p.text(r.state).text(r.detail).text(std::string_view(confidenceCode(confidence)));
    w.beginArray();
    for (std::size_t index : r.evidence) {
      const EvidenceItem& e = request.evidence[index];
      w.beginArray();
      p.text(e.source).text(e.recordKind).text(e.recordKey).text(e.code).text(e.value);
      w.value(e.hasDataDukung);
      p.text(e.url).text(e.fetchedAt);
      w.endArray();
    }
    w.endArray();
    w.endArray();
  }
  w.endArray();
  const Predicate* target = model.targetPredicate();
  w.beginArray();
  p.text(target != nullptr ? target->id : kNone).text(target != nullptr ? target->name : kNone);
  p.text(target != nullptr ? target->nameEn : kNone);
  w.value(target != nullptr ? target->min : 0.0).value(static_cast<std::int64_t>(result.reachesTarget));
  w.beginArray();
  for (const auto& step : result.coaching) {
    w.beginArray();
    p.text(step.indicator);
    w.value(step.gain);
    p.text(step.action);
    w.endArray();
  }
  w.endArray();
  w.endArray();
  w.beginArray();
  for (const auto& problem : result.problems) p.text(problem);
  w.endArray();
  w.endArray();
  return p.take();
}

JsonValue scoreResultValue(std::string_view stored) {
  auto parsed = parseJson(stored);
  if (!parsed.isOk() || !parsed->isObject()) return JsonValue::Object{};
  const JsonValue* format = parsed->find(kFormat);
  if (format == nullptr || !format->isInteger() || format->asInt() != kPacked) return std::move(parsed).value();
  const JsonValue* strings = parsed->find("s");
  const JsonValue* body = parsed->find("r");
  if (strings == nullptr || !strings->isArray() || body == nullptr) return JsonValue::Object{};
  return unpackRow(*body, kResult, strings->asArray());
}

}  // namespace hamhub::host

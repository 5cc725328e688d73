#include "host/normalise/normaliser.h"

#include <algorithm>

#include "host/config/json_file.h"

namespace hamhub::host {

namespace fs = std::filesystem;

namespace {

// The record kind the jdih connector emits and the payload fields it promises (its README).
constexpr std::string_view kDocumentKind = "jdih.document";

std::string text(const JsonValue& payload, std::string_view key) {
  const JsonValue* v = payload.find(key);
  if (v == nullptr || v->isNull()) return {};
  if (v->isString()) return v->asString();
  if (v->isInteger()) return std::to_string(v->asInt());
  return toJson(*v);
}

std::string joined(const JsonValue& payload, std::string_view key) {
  const JsonValue* v = payload.find(key);
  if (v == nullptr || !v->isArray()) return text(payload, key);
  std::string out;
  for (const auto& item : v->asArray()) {
    if (item.isString()) out += (out.empty() ? "" : "; ") + item.asString();
  }
  return out;
}

}  // namespace

Normaliser Normaliser::load(const fs::path& criteriaDir, ConfigIssues& issues) {
  std::vector<MetadataRules> rules;
  std::error_code ec;
  if (!fs::is_directory(criteriaDir, ec)) {
    issues.push_back({criteriaDir.string(), "", "criteria directory does not exist"});
    return Normaliser();
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(criteriaDir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    auto json = readJsonFile(file);
    if (!json.isOk()) {
      issues.push_back({file.string(), "", json.status().message()});
      continue;
    }
    const JsonValue* type = json->find("type");
    if (type == nullptr || !type->isString() || type->asString() != "metadata-rules") continue;
    auto loaded = loadMetadataRules(file);
    if (!loaded.isOk()) {
      issues.push_back({file.string(), "", loaded.status().message()});
      continue;
    }
    rules.push_back(std::move(loaded).value());
  }
  return Normaliser(std::move(rules));
}

std::optional<DocumentWrite> Normaliser::project(const StoredRecordWrite& write) const {
  const Record& record = write.record;
  if (record.kind != kDocumentKind) return std::nullopt;
  auto parsed = parseJson(record.payload);
  if (!parsed.isOk() || !parsed->isObject()) return std::nullopt;
  const JsonValue& p = *parsed;
  DocumentWrite d;
  d.key = record.key;
  d.recordKind = record.kind;
  d.isNew = write.isNew;
  d.subject = record.subject;
  d.documentType = text(p, "document_type");
  d.jenis = text(p, "jenis");
  d.jenisShort = text(p, "jenis_short");
  d.number = text(p, "number");
  if (const JsonValue* year = p.find("year"); year != nullptr && year->isInteger()) d.year = year->asInt();
  d.title = text(p, "title");
  d.enactedOn = text(p, "enacted_on");
  d.promulgatedOn = text(p, "promulgated_on");
  d.status = text(p, "status");
  d.statusOriginal = text(p, "status_original");
  d.issuingBody = text(p, "issuing_body");
  d.subjects = joined(p, "subjects");
  d.detailUrl = text(p, "detail_url");
  d.fileUrl = text(p, "file_url");
  for (const MetadataRules& rules : rules_) {
    if (rules.recordKind != record.kind) continue;
    d.rulesVersion = rules.id + "@" + rules.version;
    for (const MetadataField* f : rules.missing(p)) d.missing.emplace_back(f->path, f->name);
  }
  return d;
}

}  // namespace hamhub::host

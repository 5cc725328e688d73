#include "host/normalise/normaliser.h"

#include <algorithm>

#include "host/config/json_file.h"

namespace hamhub::host {

namespace fs = std::filesystem;

namespace {

// The record kind the jdih connector emits and the payload fields it promises (its README).
constexpr std::string_view kDocumentKind = "jdih.document";

// The Document model's columns, as the jdih connector's payload names them.
const std::vector<std::string> kDocumentPaths = {
    "document_type", "jenis", "jenis_short", "number", "year", "title", "enacted_on", "promulgated_on",
    "status", "status_original", "issuing_body", "subjects", "detail_url", "file_url"};

}  // namespace

Normaliser::Normaliser(std::vector<MetadataRules> rules) : rules_(std::move(rules)), paths_(kDocumentPaths) {
  for (const auto& r : rules_) {
    for (const auto& f : r.fields) {
      if (std::find(paths_.begin(), paths_.end(), f.path) == paths_.end()) paths_.push_back(f.path);
    }
  }
}

Normaliser Normaliser::load(const fs::path& criteriaDir, ConfigIssues& issues) {
  std::vector<MetadataRules> rules;
  for (const auto& typed : readTypedJsonFiles(criteriaDir, "metadata-rules", issues)) {
    auto loaded = loadMetadataRules(typed.file);
    if (!loaded.isOk()) {
      issues.push_back({typed.file.string(), "", loaded.status().message()});
      continue;
    }
    rules.push_back(std::move(loaded).value());
  }
  return Normaliser(std::move(rules));
}

std::optional<DocumentWrite> Normaliser::project(const StoredRecordWrite& write) const {
  const Record& record = write.record;
  if (record.kind != kDocumentKind) return std::nullopt;
  // A default-constructed normaliser has no rules but still projects documents.
  const std::vector<std::string>& paths = paths_.empty() ? kDocumentPaths : paths_;
  // One per harvest thread, kept: setting up the paths again for every record cost as much as
  // reading the payload.
  thread_local PayloadFields p;
  if (!p.read(record.payload, paths)) return std::nullopt;
  DocumentWrite d;
  d.key = record.key;
  d.recordKind = record.kind;
  d.subject = record.subject;
  d.documentType = p.text("document_type");
  d.jenis = p.text("jenis");
  d.jenisShort = p.text("jenis_short");
  d.number = p.text("number");
  if (const std::string year = p.text("year"); !year.empty() && year.size() < 10 &&
                                              year.find_first_not_of("0123456789") == std::string::npos) {
    d.year = std::stoll(year);
  }
  d.title = p.text("title");
  d.enactedOn = p.text("enacted_on");
  d.promulgatedOn = p.text("promulgated_on");
  d.status = p.text("status");
  d.statusOriginal = p.text("status_original");
  d.issuingBody = p.text("issuing_body");
  if (const auto* subjects = p.find("subjects"); subjects != nullptr && subjects->array) {
    for (const auto& s : subjects->items) d.subjects += (d.subjects.empty() ? "" : "; ") + s;
  } else {
    d.subjects = p.text("subjects");
  }
  d.detailUrl = p.text("detail_url");
  d.fileUrl = p.text("file_url");
  for (const MetadataRules& rules : rules_) {
    if (rules.recordKind != record.kind) continue;
    d.rulesVersion = rules.id + "@" + rules.version;
    for (const MetadataField* f : rules.missing(p)) d.missing.emplace_back(f->path, f->name);
  }
  return d;
}

}  // namespace hamhub::host

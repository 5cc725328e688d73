#include "host/normalise/normaliser.h"

#include <algorithm>

#include "host/config/json_file.h"

namespace hamhub::host {

namespace fs = std::filesystem;

namespace {

// The record kind the jdih connector emits and the payload fields it promises (its README).
constexpr std::string_view kDocumentKind = "jdih.document";

// The Document model's columns, as the jdih connector's payload names them; DocumentPath is the
// position of each.
const std::vector<std::string> kDocumentPaths = {
    "document_type", "jenis", "jenis_short", "number", "year", "title", "enacted_on", "promulgated_on",
    "status", "status_original", "issuing_body", "subjects", "detail_url", "file_url"};
enum DocumentPath : std::size_t {
  kDocumentType, kJenis, kJenisShort, kNumber, kYear, kTitle, kEnactedOn, kPromulgatedOn, kStatus,
  kStatusOriginal, kIssuingBody, kSubjects, kDetailUrl, kFileUrl
};

}  // namespace

Normaliser::Normaliser(std::vector<MetadataRules> rules) : rules_(std::move(rules)), paths_(kDocumentPaths) {
  for (const auto& r : rules_) {
    Checks checks{r.id + "@" + r.version, {}};
    for (const auto& f : r.fields) {
      auto at = std::find(paths_.begin(), paths_.end(), f.path);
      if (at == paths_.end()) at = paths_.insert(paths_.end(), f.path);
      checks.positions.push_back(static_cast<std::size_t>(at - paths_.begin()));
    }
    checks_.push_back(std::move(checks));
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
  // The Document model's paths come first, in kDocumentPaths' order.
  const auto text = [&](DocumentPath path) { return PayloadFields::textOf(p.at(path)); };
  DocumentWrite d;
  d.key = record.key;
  d.recordKind = record.kind;
  d.subject = record.subject;
  d.documentType = text(kDocumentType);
  d.jenis = text(kJenis);
  d.jenisShort = text(kJenisShort);
  d.number = text(kNumber);
  if (const std::string year = text(kYear); !year.empty() && year.size() < 10 &&
                                            year.find_first_not_of("0123456789") == std::string::npos) {
    d.year = std::stoll(year);
  }
  d.title = text(kTitle);
  d.enactedOn = text(kEnactedOn);
  d.promulgatedOn = text(kPromulgatedOn);
  d.status = text(kStatus);
  d.statusOriginal = text(kStatusOriginal);
  d.issuingBody = text(kIssuingBody);
  if (const auto* subjects = p.at(kSubjects); subjects != nullptr && subjects->array) {
    for (const auto& s : subjects->items) d.subjects += (d.subjects.empty() ? "" : "; ") + s;
  } else {
    d.subjects = text(kSubjects);
  }
  d.detailUrl = text(kDetailUrl);
  d.fileUrl = text(kFileUrl);
  for (std::size_t r = 0; r < rules_.size(); ++r) {
    const MetadataRules& rules = rules_[r];
    if (rules.recordKind != record.kind) continue;
    d.rulesVersion = checks_[r].tag;
    for (std::size_t i = 0; i < rules.fields.size(); ++i) {
      if (!PayloadFields::filled(p.at(checks_[r].positions[i]))) {
        d.missing.emplace_back(rules.fields[i].path, rules.fields[i].name);
      }
    }
  }
  return d;
}

}  // namespace hamhub::host

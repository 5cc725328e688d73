#include "host/subjects/region_catalog.h"

#include <algorithm>
#include <set>

#include "host/config/json_file.h"
#include "host/config/schema_check.h"

namespace hamhub::host {

namespace fs = std::filesystem;

namespace {

constexpr OptionSpec kSubjectKeys[] = {
    {"id", OptionType::String, true, false, nullptr, "Kemendagri code, e.g. 16.72"},
    {"name", OptionType::String, true, false, nullptr, "official name"},
    {"kind", OptionType::String, false, false, nullptr, "province, kabkota, opd, upt or ministry"},
    {"parent", OptionType::String, false, false, nullptr, "id of the parent subject"},
    {"bps_code", OptionType::String, false, false, nullptr, "BPS code (may differ from Kemendagri)"},
    {"kanwil", OptionType::String, false, false, nullptr, "regional office serving it"},
    {"aliases", OptionType::StringList, false, false, nullptr, "spelling variants"},
    {"note", OptionType::String, false, false, nullptr, "where the facts come from"},
};

void readSubject(const JsonValue& json, const std::string& file, const std::string& path, SubjectKind defaultKind,
                 const Subject* province, std::vector<Subject>& out, ConfigIssues& issues) {
  const std::size_t before = issues.size();
  auto v = checkObject(json, kSubjectKeys, file, path, issues);
  if (issues.size() > before) return;
  Subject s;
  s.id = v.at("id").asString();
  s.name = v.at("name").asString();
  s.kind = defaultKind;
  if (v.count("kind")) {
    auto kind = parseSubjectKind(v.at("kind").asString());
    if (!kind) {
      issues.push_back({file, path + ".kind", "'" + v.at("kind").asString() + "' is not one of province, kabkota, opd, upt, ministry"});
      return;
    }
    s.kind = *kind;
  }
  if (v.count("bps_code")) s.bpsCode = v.at("bps_code").asString();
  if (v.count("aliases")) {
    for (const auto& a : v.at("aliases").asArray()) s.aliases.push_back(a.asString());
  }
  if (province != nullptr) {
    s.province = province->id;
    s.parent = v.count("parent") ? v.at("parent").asString() : province->id;
    s.kanwil = v.count("kanwil") ? v.at("kanwil").asString() : province->kanwil;
  } else {
    s.province = s.id;
    if (v.count("kanwil")) s.kanwil = v.at("kanwil").asString();
  }
  out.push_back(std::move(s));
}

}  // namespace

std::vector<Subject> loadRegionCatalog(const fs::path& dir, ConfigIssues& issues) {
  std::vector<Subject> subjects;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    issues.push_back({dir.string(), "", "regions directory does not exist"});
    return subjects;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    const std::string file = path.string();
    auto json = readJsonFile(path);
    if (!json.isOk()) {
      issues.push_back({file, "", json.status().message()});
      continue;
    }
    const JsonValue* province = json->find("province");
    const JsonValue* members = json->find("subjects");
    if (province == nullptr || (members != nullptr && !members->isArray())) {
      issues.push_back({file, "", "expected {\"province\": {…}, \"subjects\": [ … ]}"});
      continue;
    }
    const std::size_t first = subjects.size();
    readSubject(*province, file, "province", SubjectKind::Province, nullptr, subjects, issues);
    if (subjects.size() == first) continue;
    const Subject provinceSubject = subjects.back();
    if (members != nullptr) {
      for (std::size_t i = 0; i < members->asArray().size(); ++i) {
        readSubject(members->asArray()[i], file, "subjects[" + std::to_string(i) + "]", SubjectKind::KabKota,
                    &provinceSubject, subjects, issues);
      }
    }
  }
  std::set<std::string> ids;
  for (const auto& s : subjects) {
    if (!ids.insert(s.id).second) issues.push_back({dir.string(), "", "subject id '" + s.id + "' is defined twice"});
  }
  return subjects;
}

}  // namespace hamhub::host

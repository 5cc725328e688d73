#include "xlsx_workbook.h"

#include <charconv>
#include <map>

#include "text.h"
#include "xml_stream.h"

namespace hamhub::tabular {

namespace {

constexpr const char* kWorkbookPart = "xl/workbook.xml";
constexpr const char* kRelsPart = "xl/_rels/workbook.xml.rels";
constexpr const char* kStylesPart = "xl/styles.xml";
// A workbook with more sheets or styles than this is not an export.
constexpr std::size_t kMaxSheets = 1000;
constexpr std::size_t kMaxStyles = 100000;

Result<std::unique_ptr<XmlStream>> openXml(ZipPackage& package, const std::string& part, const std::string& what) {
  auto entry = package.openPart(part);
  if (!entry) return entry.status();
  return std::make_unique<XmlStream>(std::move(entry).value(), what, package.location());
}

int toInt(std::string_view text, int fallback) {
  int value = fallback;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() ? value : fallback;
}

// A relationship target is relative to xl/ unless it starts with '/'.
std::string resolveTarget(std::string_view target) {
  if (target.starts_with('/')) return std::string(target.substr(1));
  std::string path = "xl/";
  while (target.starts_with("../")) {
    target.remove_prefix(3);
    path.clear();
  }
  return path + std::string(target);
}

struct SheetRef {
  std::string name;
  std::string relationId;
};

Status readWorkbook(ZipPackage& package, WorkbookInfo& info, std::vector<SheetRef>& refs) {
  auto xml = openXml(package, kWorkbookPart, "workbook.xml");
  if (!xml) return xml.status();
  for (;;) {
    auto event = (*xml)->next();
    if (!event) return event.status();
    if (*event == XmlStream::Event::End) break;
    if (*event != XmlStream::Event::StartElement) continue;
    const std::string_view name = (*xml)->name();
    if (name == "workbookPr") {
      const std::string flag = (*xml)->attribute("date1904");
      if (flag == "1" || flag == "true") info.dateSystem = DateSystem::Excel1904;
    } else if (name == "sheet") {
      if (refs.size() >= kMaxSheets) {
        return Status::error(package.location().where() + ": more than " + std::to_string(kMaxSheets) + " sheets",
                             "invalid-payload");
      }
      refs.push_back(SheetRef{(*xml)->attribute("name"), (*xml)->attribute("id")});
    }
  }
  return Status::ok();
}

Result<std::map<std::string, std::string>> readRelations(ZipPackage& package) {
  std::map<std::string, std::string> targets;
  auto xml = openXml(package, kRelsPart, "workbook relationships");
  if (!xml) return xml.status();
  for (;;) {
    auto event = (*xml)->next();
    if (!event) return event.status();
    if (*event == XmlStream::Event::End) break;
    if (*event == XmlStream::Event::StartElement && (*xml)->name() == "Relationship") {
      if (targets.size() >= kMaxSheets * 4) break;
      targets[(*xml)->attribute("Id")] = resolveTarget((*xml)->attribute("Target"));
    }
  }
  return targets;
}

Status readStyles(ZipPackage& package, WorkbookInfo& info) {
  if (!package.has(kStylesPart)) return Status::ok();  // no styles: every number is a number
  auto xml = openXml(package, kStylesPart, "styles.xml");
  if (!xml) return xml.status();
  std::map<int, std::uint8_t> customDate;  // numFmtId → 0/1/2 for the workbook's own formats
  bool inCellXfs = false;
  for (;;) {
    auto event = (*xml)->next();
    if (!event) return event.status();
    if (*event == XmlStream::Event::End) break;
    const std::string_view name = (*xml)->name();
    if (*event == XmlStream::Event::EndElement) {
      if (name == "cellXfs") inCellXfs = false;
      continue;
    }
    if (*event != XmlStream::Event::StartElement) continue;
    if (name == "numFmt") {
      const int id = toInt((*xml)->attribute("numFmtId"), -1);
      const std::string code = (*xml)->attribute("formatCode");
      if (id >= 0 && isDateFormatCode(code)) {
        const std::string folded = foldHeader(code);
        const bool time = folded.find('h') != std::string::npos || folded.find('s') != std::string::npos;
        customDate[id] = time ? 2 : 1;
      }
    } else if (name == "cellXfs") {
      inCellXfs = true;
    } else if (name == "xf" && inCellXfs) {
      if (info.styleIsDate.size() >= kMaxStyles) {
        return Status::error(package.location().where() + ": styles.xml lists more than " +
                                 std::to_string(kMaxStyles) + " cell styles",
                             "invalid-payload");
      }
      const int id = toInt((*xml)->attribute("numFmtId"), 0);
      std::uint8_t kind = 0;
      if (auto it = customDate.find(id); it != customDate.end()) {
        kind = it->second;
      } else if (isBuiltinDateFormat(id)) {
        // 18–21, 45–47 are times of day; 22 is date and time.
        kind = (id >= 18 && id <= 22) || (id >= 45 && id <= 47) ? 2 : 1;
      }
      info.styleIsDate.push_back(kind);
    }
  }
  return Status::ok();
}

}  // namespace

Result<SheetEntry> WorkbookInfo::select(const std::string& selector, const TableLocation& location) const {
  if (sheets.empty()) return Status::error(location.where() + ": the workbook has no sheets", "invalid-payload");
  if (selector.empty()) return sheets.front();
  for (const auto& sheet : sheets) {
    if (sheet.name == selector) return sheet;
  }
  for (const auto& sheet : sheets) {
    if (foldHeader(sheet.name) == foldHeader(selector)) return sheet;
  }
  const int index = toInt(selector, 0);
  if (index >= 1 && static_cast<std::size_t>(index) <= sheets.size()) return sheets[static_cast<std::size_t>(index) - 1];
  std::string names;
  for (const auto& sheet : sheets) names += (names.empty() ? "" : ", ") + quote(sheet.name);
  return Status::error(location.where() + ": no sheet " + quote(selector) + " (the workbook has " +
                           std::to_string(sheets.size()) + ": " + names + ")",
                       "schema-drift");
}

Result<WorkbookInfo> readWorkbookInfo(ZipPackage& package) {
  WorkbookInfo info;
  std::vector<SheetRef> refs;
  if (Status s = readWorkbook(package, info, refs); !s) return s;
  auto targets = readRelations(package);
  if (!targets) return targets.status();
  for (const auto& ref : refs) {
    auto it = targets->find(ref.relationId);
    if (it == targets->end()) {
      return Status::error(package.location().where() + ": sheet " + quote(ref.name) +
                               " has no relationship to a worksheet part",
                           "invalid-payload");
    }
    info.sheets.push_back(SheetEntry{ref.name, it->second});
  }
  if (Status s = readStyles(package, info); !s) return s;
  return info;
}

}  // namespace hamhub::tabular

#include "report/report_probe.h"

#include <gtest/gtest.h>

#include "support/hamhub_process.h"
#include "support/temp_dir.h"

namespace hamhub::test {

JsonValue reportProbe(const std::string& mode, const std::vector<std::string>& args) {
  std::vector<std::string> all{sourcePath("tests/report/report_probe.py").string(), mode};
  all.insert(all.end(), args.begin(), args.end());
  const ProcessResult r = runProcess("/usr/bin/python3", all);
  EXPECT_EQ(r.exitCode, 0) << r.err;
  auto parsed = parseJson(r.out);
  EXPECT_TRUE(parsed.isOk()) << r.out << r.err;
  return parsed.isOk() ? *parsed : JsonValue(JsonValue::Object{});
}

const JsonValue& sheetCell(const JsonValue& probe, const std::string& sheet, std::size_t row, std::size_t column) {
  static const JsonValue kNone;
  const JsonValue* cells = probe.find("cells") != nullptr ? probe.find("cells")->find(sheet) : nullptr;
  if (cells == nullptr || !cells->isArray() || cells->asArray().size() < row) return kNone;
  const JsonValue& line = cells->asArray()[row - 1];
  return line.asArray().size() < column ? kNone : line.asArray()[column - 1];
}

}  // namespace hamhub::test

#pragma once

// The alert rules' thresholds and deadlines, read from a `"type": "alert-rules"` file in the
// criteria directory (config/criteria/alert-rules.json). Data, not code: a new year's deadline is
// a new line in the file.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "host/config/config_issue.h"

namespace hamhub::host {

struct KkphamDeadline {
  int year = 0;
  std::string submission;    // ISO date: pemda send data dukung to the Kanwil
  std::string verification;  // ISO date: the Kanwil enters it into the national application
};

struct AlertRules {
  std::string file;  // where they were read from ('' for the built-in defaults)
  std::string version;

  struct Kkpham {
    std::string instrument = "kkpham";
    int warnDays = 30;
    std::vector<KkphamDeadline> deadlines;
  } kkpham;

  struct Ranham {
    std::string instrument = "ranham";
    std::string recordKind = "ranham.report_entry";
    std::map<std::string, int> rounds = {{"B04", 4}, {"B08", 8}, {"B12", 12}};  // round → last month
    int deadlineDays = 15;
    int warnDays = 14;
    int lookbackRounds = 2;
    int firstYear = 2021;
    int lastYear = 2025;
    std::vector<std::string> subjectKinds = {"province", "kabkota"};
  } ranham;

  struct P2ham {
    std::string declarationKind = "p2ham.declaration";
    std::string skTimField = "sk_tim";
    std::string declaredField = "declared_at";
    std::string unitField = "unit";
    std::vector<std::string> evidenceKinds = {"p2ham.indicator_value"};
    int graceDays = 30;
  } p2ham;

  struct Jdih {
    double warningBelow = 0.9;  // share of complete documents under which it is a warning (else info)
  } jdih;

  struct Sources {
    int downMinutes = 60;
    int maintenanceHours = 24;
    int staleDays = 14;
    std::map<std::string, int> staleDaysByConnector;
  } sources;

  struct Irh {
    std::string connector = "jdih";
    std::vector<std::string> ignoredReasons = {"cancelled", "busy", "store", "interrupted"};
  } irh;
};

/// Reads the alert-rules file of `criteriaDir` (the defaults above when there is none; more than one
/// is an issue). Problems go to `issues` with the file and the JSON path.
AlertRules loadAlertRules(const std::filesystem::path& criteriaDir, ConfigIssues& issues);

}  // namespace hamhub::host

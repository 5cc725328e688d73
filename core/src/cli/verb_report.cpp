#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <system_error>

#include "cli/refresh.h"
#include "cli/session.h"
#include "cli/verbs.h"
#include "host/overview/region_overview.h"
#include "host/report/csv_report.h"
#include "host/report/html_report.h"
#include "host/report/region_report.h"
#include "host/report/xlsx_report.h"
#include "host/schedule/time_zone.h"

namespace hamhub::cli {

namespace {

// The format asked for, else the one --output's extension names, else HTML (what a browser opens).
bool chooseFormat(const Invocation& inv, std::string& format) {
  if (inv.has("format")) {
    format = inv.get("format");
    if (format == "xlsx" || format == "csv" || format == "html") return true;
    fail("--format is xlsx, csv or html, not '" + format + "'");
    return false;
  }
  if (!inv.has("output")) {
    format = "html";
    return true;
  }
  std::string extension = std::filesystem::path(inv.get("output")).extension().string();
  for (auto& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (extension == ".xlsx" || extension == ".csv" || extension == ".html") {
    format = extension.substr(1);
  } else if (extension == ".htm") {
    format = "html";
  } else {
    fail("cannot tell the format from the file name '" + inv.get("output") + "'",
         "Name it .xlsx, .csv or .html, or give --format xlsx|csv|html.");
    return false;
  }
  return true;
}

// The day on the office's calendar (the hub's time zone), which is the date the report shows.
std::string today(const host::TimeZone& zone) {
  const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(zone.toLocal(std::chrono::system_clock::now()))};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                static_cast<unsigned>(day.day()));
  return text;
}

// The overview reads whatever the store has: a misspelt instrument or a period the instrument does
// not have would give an empty report, when what the user needs is to hear what they got wrong.
bool knownInstrumentAndPeriod(const Invocation& inv, const host::CriteriaCatalog& criteria) {
  const std::vector<std::string> instruments = criteria.instruments();
  const std::string instrument = inv.get("instrument");
  if (inv.has("instrument") && std::find(instruments.begin(), instruments.end(), instrument) == instruments.end()) {
    std::string known;
    for (const auto& i : instruments) known += (known.empty() ? "" : ", ") + i;
    fail("unknown instrument '" + instrument + "' (known: " + known + ")");
    return false;
  }
  if (!inv.has("period")) return true;
  for (const auto& model : criteria.models()) {
    if ((instrument.empty() || model.instrument == instrument) && model.period.valid(inv.get("period"))) return true;
  }
  fail("period '" + inv.get("period") + "' does not exist for " + (instrument.empty() ? "any instrument" : instrument),
       "Periods look like 2024 (a year), 2024-B08 (a RANHAM round) or 2024-S1 (an SKM semester).");
  return false;
}

// A province of the catalogue, or false after saying which exist.
bool knownRegion(const Session& session, const std::string& region) {
  std::string known;
  for (const auto& s : session.subjects) {
    if (s.kind != host::SubjectKind::Province) continue;
    if (s.id == region) return true;
    known += (known.empty() ? "" : ", ") + s.id + " " + s.name;
  }
  fail("unknown region '" + region + "' (regions: " + (known.empty() ? "none, the catalogue is empty" : known) + ")",
       "Give a province code of the region catalogue (" + session.hub.regionsDir.string() + ").");
  return false;
}

// Written beside the target and renamed over it: a failed write never leaves half a report.
bool writeFile(const std::filesystem::path& target, const std::string& bytes) {
  const std::filesystem::path partial = target.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      const std::string why = std::generic_category().message(errno);
      std::error_code ignored;
      std::filesystem::remove(partial, ignored);
      std::cerr << "hamhub: cannot write " << target.string() << ": " << why << "\n";
      return false;
    }
  }
  std::error_code error;
  std::filesystem::rename(partial, target, error);
  if (error) {
    std::filesystem::remove(partial, error);
    std::cerr << "hamhub: cannot write " << target.string() << ": " << error.message() << "\n";
    return false;
  }
  return true;
}

Result<std::string> render(const host::Report& report, const std::string& format) {
  if (format == "xlsx") return host::xlsxReport(report);
  std::ostringstream text;
  if (format == "csv") {
    host::writeCsvReport(report, text);
  } else {
    host::writeHtmlReport(report, text);
  }
  return text.str();
}

int runReport(const Invocation& inv) {
  if (!noPositionals(inv)) return kExitUsage;
  if (!inv.has("region")) return fail("--region is required", "Give the province code, e.g. 'hamhub report --region 16'.");
  const std::string lang = inv.get("lang", "id");
  if (lang != "id" && lang != "en") return fail("--lang is id or en, not '" + lang + "'");
  std::string format;
  if (!chooseFormat(inv, format)) return kExitUsage;
  if (format == "xlsx" && !inv.has("output") && isatty(STDOUT_FILENO) != 0) {
    return fail("an XLSX workbook is binary; it is not written to a terminal",
                "Give --output FILE.xlsx (or redirect standard output to a file).");
  }

  Session session(inv);
  if (!session.loadForSources()) return kExitUsage;
  const std::string region = inv.get("region");
  if (!knownRegion(session, region) || !knownInstrumentAndPeriod(inv, session.criteria)) return kExitUsage;
  auto zone = host::TimeZone::load(session.hub.timezone);
  if (!zone.isOk()) return fail(zone.status().message(), "Check \"timezone\" in " + session.hub.file.string() + ".");
  // As `hamhub alerts` does: the report shows the store as the last harvest left it, not as the
  // last `score` did.
  if (!inv.has("no-refresh")) {
    if (Status seeded = session.store->upsertSubjects(session.subjects); !seeded) return fail(seeded.message());
    if (auto refreshed = refreshScoresAndAlerts(session, *session.store); !refreshed.isOk()) {
      return fail(refreshed.status().message(), "Check 'plugin_dirs' in the hub file; 'hamhub plugins' lists what loaded.");
    }
  }
  host::OverviewOptions options;
  if (inv.has("instrument")) options.instrument = inv.get("instrument");
  if (inv.has("period")) options.period = inv.get("period");
  auto overview = host::regionOverview(*session.store, session.subjects, session.criteria, region, options);
  if (!overview.isOk()) return fail(overview.status().message());
  bool scored = false;
  for (const auto& s : overview->subjects) scored = scored || !s.instruments.empty();
  if (!scored) std::cerr << "hamhub: region " << region << " has no scores yet: harvest its sources first\n";

  auto bytes = render(host::regionReport(*overview, session.criteria, {lang, today(*zone)}), format);
  if (!bytes.isOk()) {
    std::cerr << "hamhub: " << bytes.status().message() << "\n";
    return kExitSourceFailed;
  }
  if (!inv.has("output")) {
    std::cout.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
    std::cout.flush();
    return std::cout ? kExitOk : kExitSourceFailed;
  }
  if (!writeFile(inv.get("output"), *bytes)) return kExitSourceFailed;
  std::cerr << "wrote " << inv.get("output") << " (" << format << ", " << bytes->size() << " bytes)\n";
  return kExitOk;
}

}  // namespace

Verb reportVerb() {
  return {"report",
          "the region's completeness and scores for a regional office: XLSX, CSV or HTML",
          "--region CODE [--format xlsx|csv|html] [--output FILE] [--instrument ID] [--period P] [--lang id|en] [--no-refresh]",
          {{"region", "CODE", "the province, e.g. 16 (Sumatera Selatan)"},
           {"format", "xlsx|csv|html", "default: from --output's extension, else html"},
           {"output", "FILE", "write here (default: standard output; an XLSX is never written to a terminal)"},
           {"instrument", "ID", "only this instrument: p2ham, kkpham, ranham, irh, skm"},
           {"period", "P", "this period instead of each instrument's newest: 2024, 2024-B08"},
           {"lang", "id|en", "Bahasa Indonesia (default) or English"},
           {"no-refresh", "", "report the store as it is, without scoring what changed and evaluating the alert rules"}},
          false,
          &runReport};
}

}  // namespace hamhub::cli

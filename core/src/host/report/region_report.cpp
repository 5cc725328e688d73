#include "host/report/region_report.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace hamhub::host {

namespace {

struct Words {
  const char* title;
  const char* region;
  const char* kanwil;
  const char* date;
  const char* instruments;
  const char* periods;
  const char* alerts;
  const char* noAlerts;
  const char* noOpenAlerts;
  const char* none;
  const char* section;
  const char* code;
  const char* subject;
  const char* instrument;
  const char* period;
  const char* score;
  const char* predicate;
  const char* completeness;
  const char* missingCount;
  const char* openAlerts;
  const char* summary;
  const char* missing;
  const char* nothingMissing;
  const char* indicator;
  const char* indicatorName;
  const char* criterion;
  const char* documents;
  const char* complete;
  const char* metadataCompleteness;
  const char* newest;
  const char* site;
  const char* siteStates[5];  // by HealthState: pending, up, degraded, down, maintenance
  const char* notChecked;
  const char* noJdih;
  const char* alertsTable;
  const char* criticalColumn;
  const char* chart;
  const char* infoWord;  // severities, as words in a sentence
  const char* warningWord;
  const char* criticalWord;
};

const Words kIndonesian{"Laporan Kelengkapan Data dan Nilai HAM",
                        "Wilayah",
                        "Kanwil",
                        "Tanggal",
                        "Instrumen",
                        "Periode",
                        "Peringatan terbuka",
                        "tidak ada",
                        "Tidak ada peringatan terbuka.",
                        "-",
                        "Bagian",
                        "Kode",
                        "Kabupaten/Kota",
                        "Instrumen",
                        "Periode",
                        "Nilai",
                        "Predikat",
                        "Kelengkapan",
                        "Data yang belum ada",
                        "Peringatan terbuka",
                        "Ringkasan",
                        "Data belum ada",
                        "Semua data yang dinilai sudah ada.",
                        "Indikator",
                        "Nama indikator",
                        "Kriteria",
                        "Dokumen",
                        "Metadata lengkap",
                        "Kelengkapan metadata",
                        "Dokumen terbaru",
                        "Situs",
                        {"menunggu", "aktif", "lambat", "mati", "pemeliharaan"},
                        "belum dicek",
                        "Tidak ada situs JDIH yang dipanen untuk wilayah ini.",
                        "Peringatan",
                        "Kritis",
                        "Nilai per instrumen",
                        "info",
                        "peringatan",
                        "kritis"};

const Words kEnglish{"Human-rights data completeness and scores",
                     "Region",
                     "Regional office",
                     "Date",
                     "Instruments",
                     "Periods",
                     "Open alerts",
                     "none",
                     "No open alerts.",
                     "-",
                     "Section",
                     "Code",
                     "Regency/City",
                     "Instrument",
                     "Period",
                     "Score",
                     "Predicate",
                     "Completeness",
                     "Missing items",
                     "Open alerts",
                     "Summary",
                     "Missing data",
                     "Every assessed item is there.",
                     "Indicator",
                     "Indicator name",
                     "Criterion",
                     "Documents",
                     "Complete metadata",
                     "Metadata completeness",
                     "Newest document",
                     "Site",
                     {"pending", "up", "degraded", "down", "maintenance"},
                     "not checked",
                     "No JDIH site of this region is harvested.",
                     "Alerts",
                     "Critical",
                     "Scores per instrument",
                     "info",
                     "warning",
                     "critical"};

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
  return text;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string predicateName(const InstrumentStanding& standing, const CriteriaCatalog& criteria, bool english) {
  if (standing.predicate.empty()) return {};
  if (english) {
    for (const auto& model : criteria.models()) {
      if (model.instrument != standing.instrument || model.version != standing.version) continue;
      for (const auto& p : model.predicates) {
        if (p.id == standing.predicate && !p.nameEn.empty()) return p.nameEn;
      }
    }
  }
  return standing.predicateName.empty() ? standing.predicate : standing.predicateName;
}

std::string severityName(const std::string& severity, const Words& words) {
  if (severity == "critical") return words.criticalWord;
  if (severity == "warning") return words.warningWord;
  if (severity == "info") return words.infoWord;
  return severity;
}

// One group of bars per scored subject, one series per instrument; the axis reaches the best score.
ScoreChart scoreChart(const RegionOverview& overview, const std::vector<std::string>& instruments, const Words& w) {
  ScoreChart chart;
  chart.title = w.chart;
  for (const auto& i : instruments) chart.series.push_back(upper(i));
  for (const auto& s : overview.subjects) {
    if (s.instruments.empty()) continue;
    ScoreChart::Group bars{s.subject.name, std::vector<std::optional<double>>(instruments.size())};
    for (const auto& i : s.instruments) {
      const auto series = std::find(instruments.begin(), instruments.end(), i.instrument) - instruments.begin();
      bars.values[static_cast<std::size_t>(series)] = i.total;
      chart.scale = std::max(chart.scale, i.total);
    }
    chart.groups.push_back(std::move(bars));
  }
  return chart;
}

}  // namespace

Report regionReport(const RegionOverview& overview, const CriteriaCatalog& criteria, const RegionReportOptions& options) {
  const bool english = options.language == "en";
  const Words& w = english ? kEnglish : kIndonesian;
  Report report;
  report.language = english ? "en" : "id";
  report.decimalSeparator = english ? '.' : ',';
  report.sectionLabel = w.section;
  const Subject& province = overview.province;
  report.title = std::string(w.title) + " — " + (province.kanwil.empty() ? province.name : province.kanwil);

  ReportTable summary{w.summary,
                      {w.code, w.subject, w.instrument, w.period, w.score, w.predicate, w.completeness,
                       w.missingCount, w.openAlerts},
                      {},
                      {}};
  ReportTable missing{w.missing, {w.code, w.subject, w.instrument, w.indicator, w.indicatorName, w.criterion}, {}, w.nothingMissing};
  ReportTable jdih{"JDIH", {w.code, w.subject, w.documents, w.complete, w.metadataCompleteness, w.newest, w.site}, {}, w.noJdih};
  ReportTable alerts{w.alertsTable, {w.code, w.subject, w.openAlerts, w.criticalColumn}, {}, w.noOpenAlerts};

  std::map<std::string, std::string> described;  // instrument id → "KKPHAM 22/2021: its name", in id order
  std::set<std::string> periods;
  for (const auto& s : overview.subjects) {
    for (const auto& i : s.instruments) {
      described.emplace(i.instrument, upper(i.instrument) + " " + i.version + ": " + i.instrumentName);
      periods.insert(i.period);
    }
  }
  std::vector<std::string> instruments, instrumentFacts;
  for (const auto& [id, text] : described) {
    instruments.push_back(id);
    instrumentFacts.push_back(text);
  }
  report.chart = scoreChart(overview, instruments, w);

  for (const auto& s : overview.subjects) {
    const ReportCell code = ReportCell::of(s.subject.id);
    const ReportCell name = ReportCell::of(s.subject.name);
    if (s.instruments.empty()) {
      summary.rows.push_back({code, name, ReportCell::empty(), ReportCell::empty(), ReportCell::empty(),
                              ReportCell::empty(), ReportCell::empty(), ReportCell::empty(),
                              ReportCell::count(s.openAlerts)});
    }
    for (const auto& i : s.instruments) {
      summary.rows.push_back({code, name, ReportCell::of(upper(i.instrument)), ReportCell::of(i.period),
                              ReportCell::score(i.total), ReportCell::of(predicateName(i, criteria, english)),
                              ReportCell::share(i.completeness), ReportCell::count(static_cast<std::int64_t>(i.missing.size())),
                              ReportCell::count(i.openAlerts)});
      for (const auto& m : i.missing) {
        missing.rows.push_back({code, name, ReportCell::of(upper(i.instrument)), ReportCell::of(m.indicator),
                                ReportCell::of(m.name), ReportCell::of(m.criterion)});
      }
    }
    if (s.documents) {
      const auto& d = *s.documents;
      jdih.rows.push_back({code, name, ReportCell::count(d.documents),
                           ReportCell::count(d.complete),
                           d.documents > 0 ? ReportCell::share(static_cast<double>(d.complete) / static_cast<double>(d.documents))
                                           : ReportCell::empty(),
                           d.newestDate.empty() ? ReportCell::empty() : ReportCell::of(d.newestDate),
                           ReportCell::of(d.siteState ? w.siteStates[static_cast<int>(*d.siteState)] : w.notChecked)});
    }
    if (s.openAlerts > 0) {
      alerts.rows.push_back({code, name, ReportCell::count(s.openAlerts),
                             ReportCell::count(s.criticalAlerts)});
    }
  }
  std::vector<std::string> bySeverity;
  for (const auto& [severity, count] : overview.alertsBySeverity) {
    if (count > 0) bySeverity.push_back(severityName(severity, w) + " " + std::to_string(count));
  }
  report.facts = {{w.region, province.name + " (" + province.id + ")"}};
  if (!province.kanwil.empty()) report.facts.emplace_back(w.kanwil, province.kanwil);
  report.facts.emplace_back(w.date, options.date);
  report.facts.emplace_back(w.instruments, instrumentFacts.empty() ? w.none : joined(instrumentFacts));
  report.facts.emplace_back(w.periods, periods.empty() ? w.none : joined({periods.begin(), periods.end()}));
  report.facts.emplace_back(w.alerts, bySeverity.empty() ? w.noAlerts : joined(bySeverity));
  report.tables = {std::move(summary), std::move(missing), std::move(jdih), std::move(alerts)};
  return report;
}

}  // namespace hamhub::host

#include "cli/demo_summary.h"

#include <cstdio>
#include <map>

#include "host/overview/region_overview.h"

namespace hamhub::cli {

namespace {

std::string percent(std::int64_t part, std::int64_t whole) {
  char text[16];
  std::snprintf(text, sizeof text, "%.0f%%", whole > 0 ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0);
  return text;
}

void printSources(std::ostream& out, host::Store& store) {
  auto runs = store.runSummaries();
  if (!runs.isOk()) return;
  std::size_t ok = 0;
  std::vector<std::string> failed;
  for (const auto& r : *runs) {
    if (r.lastStatus == host::RunStatus::Success) {
      ++ok;
    } else {
      failed.push_back(r.source + " (" + r.lastErrorReason + ")");
    }
  }
  out << "  sumber data / sources: " << ok << " dipanen / harvested";
  if (!failed.empty()) {
    out << ", " << failed.size() << " gagal / failed:";
    for (const auto& f : failed) out << " " << f;
  }
  out << "\n";
}

}  // namespace

void printDemoSummary(std::ostream& out, Session& session, const std::string& hubFile) {
  host::Store& store = *session.store;
  auto overview = host::regionOverview(store, session.subjects, session.criteria, "16");
  if (!overview.isOk()) {
    out << "  (no summary: " << overview.status().message() << ")\n";
    return;
  }
  out << "Kanwil " << overview->province.name << " (16):\n";
  printSources(out, store);

  std::int64_t documents = 0, complete = 0;
  std::map<std::string, std::pair<int, int>> predicates;  // instrument → (target reached, scored)
  std::map<std::string, std::string> names;
  for (const auto& subject : overview->subjects) {
    if (subject.documents) {
      documents += subject.documents->documents;
      complete += subject.documents->complete;
    }
    for (const auto& s : subject.instruments) {
      auto& [reached, scored] = predicates[s.instrument + " " + s.period];
      ++scored;
      if (s.targetReached) ++reached;
      names[s.instrument + " " + s.period] = s.instrumentName;
    }
  }
  out << "  JDIH: " << documents << " dokumen / documents, " << percent(complete, documents)
      << " dengan metadata wajib lengkap / with complete mandatory metadata\n";
  for (const auto& [key, counts] : predicates) {
    out << "  " << key << " (" << names[key] << "): " << counts.first << " dari / of " << counts.second
        << " mencapai predikat / reach the target predicate\n";
  }
  out << "  peringatan terbuka / open alerts:";
  for (const char* severity : {"critical", "warning", "info"}) {
    out << " " << overview->alertsBySeverity[severity] << " " << severity;
  }
  out << "\n";
  host::AlertQuery critical;
  critical.region = "16";
  auto alerts = store.alerts(critical);
  if (!alerts.isOk()) return;
  int shown = 0;
  for (const auto& a : *alerts) {
    if (a.finding.severity != host::AlertSeverity::Critical || ++shown > 6) continue;
    out << "    ! " << a.finding.messageId << "\n";
  }
  if (shown > 6) out << "    … " << shown - 6 << " more: hamhub --config " << hubFile << " alerts --region 16\n";
}

}  // namespace hamhub::cli

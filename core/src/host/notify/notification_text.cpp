#include "host/notify/notification_text.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "host/util/markup_escape.h"
#include "host/util/utf8.h"

namespace hamhub::host {

namespace {

// Every word a notification uses, in both languages.
struct Words {
  const char* alertNoun;   // "peringatan"
  const char* liveAlerts;  // "peringatan aktif"
  const char* opened;
  const char* changed;
  const char* resolved;
  std::array<const char*, 3> severities;  // by AlertSeverity
  std::array<const char*, 3> states;      // by AlertState
  const char* severity;
  const char* kind;
  const char* subject;
  const char* message;
  const char* state;
  const char* firstSeen;
  const char* lastSeen;
  const char* alertId;
  const char* revision;
  const char* digest;      // "ringkasan harian"
  const char* since;
  const char* andMore;     // "… dan %zu lainnya"
  const char* hubWide;     // region '' in a sentence
};

constexpr Words kIndonesian{"peringatan", "peringatan aktif", "baru", "berubah", "selesai",
                            {"info", "peringatan", "kritis"}, {"terbuka", "ditindaklanjuti", "selesai"},
                            "Tingkat", "Jenis", "Subjek", "Pesan", "Status", "Pertama terlihat", "Terakhir terlihat",
                            "ID peringatan", "revisi", "ringkasan harian", "sejak", "lainnya", "seluruh hub"};
constexpr Words kEnglish{"alert", "live alerts", "new", "changed", "resolved",
                         {"info", "warning", "critical"}, {"open", "acknowledged", "resolved"},
                         "Severity", "Kind", "Subject", "Message", "State", "First seen", "Last seen",
                         "Alert id", "revision", "daily digest", "since", "more", "the whole hub"};

const Words& wordsFor(const std::string& language) { return language == "en" ? kEnglish : kIndonesian; }

const char* eventWord(const Words& w, const std::string& event) {
  if (event == "resolved") return w.resolved;
  if (event == "changed") return w.changed;
  return w.opened;
}

std::string severityWord(const Words& w, AlertSeverity s) { return w.severities[static_cast<std::size_t>(s)]; }
std::string stateWord(const Words& w, AlertState s) { return w.states[static_cast<std::size_t>(s)]; }

std::string messageOf(const AlertRow& alert, const std::string& language) {
  const std::string& en = alert.finding.messageEn;
  return language == "en" && !en.empty() ? en : alert.finding.messageId;
}

std::string kanwil(const std::string& region) { return region.empty() ? "" : "Kanwil " + region; }

std::string titlePrefix(const std::string& region) {
  return region.empty() ? "[hamhub] " : "[hamhub] " + kanwil(region) + ": ";
}

// A title stays one readable line: newlines become spaces, and it is cut (at a UTF-8 character
// boundary) to what mail clients show.
std::string oneLine(std::string text, std::size_t maxBytes) {
  std::replace_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  if (text.size() <= maxBytes) return text;
  std::size_t cut = maxBytes;
  while (cut > 0 && isUtf8Continuation(text[cut])) --cut;
  return text.substr(0, cut) + "…";
}

std::string htmlDocument(const std::string& language, const std::string& title, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"" + language + "\"><head><meta charset=\"utf-8\"><title>" + escapeMarkup(title) +
         "</title></head>\n<body style=\"font-family:sans-serif\">\n" + body + "<p style=\"color:#666\">— hamhub</p>\n</body></html>\n";
}

NotifiedAlert notified(const AlertRow& alert, const std::string& language) {
  return {alert.id,     alert.finding.kind,   alertSeverityName(alert.finding.severity), alert.finding.subject,
          alert.finding.region, messageOf(alert, language), alertStateName(alert.state), alert.firstSeen,
          alert.lastSeen};
}

}  // namespace

Notification alertNotification(const AlertRow& alert, const std::string& event, const std::string& language,
                               const std::string& id) {
  const Words& w = wordsFor(language);
  const std::string region = alert.finding.region;
  const std::string message = messageOf(alert, language);
  const std::string severity = severityWord(w, alert.finding.severity);
  Notification n;
  n.kind = NotificationKind::Alert;
  n.id = id;
  n.event = event;
  n.language = language == "en" ? "en" : "id";
  n.region = region;
  const std::string headline = language == "en" ? std::string(eventWord(w, event)) + " " + w.alertNoun
                                                 : std::string(w.alertNoun) + " " + eventWord(w, event);
  n.title = oneLine(titlePrefix(region) + headline + " [" + severity + "] — " + message, 200);

  const std::vector<std::pair<std::string, std::string>> fields{
      {w.severity, severity},
      {w.kind, alert.finding.kind},
      {w.subject, alert.finding.subject.empty() ? w.hubWide : alert.finding.subject},
      {w.message, message},
      {w.state, stateWord(w, alert.state)},
      {w.firstSeen, alert.firstSeen},
      {w.lastSeen, alert.lastSeen},
      {w.alertId, std::to_string(alert.id) + " (" + w.revision + " " + std::to_string(alert.revision) + ")"}};
  std::string sentence = headline;
  sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
  sentence += region.empty() ? "." : (language == "en" ? " for " : " untuk ") + kanwil(region) + ".";
  n.text = sentence + "\n\n";
  std::string rows;
  for (const auto& [label, value] : fields) {
    n.text += label + ": " + value + "\n";
    rows += "<tr><th align=\"left\">" + escapeMarkup(label) + "</th><td>" + escapeMarkup(value) + "</td></tr>\n";
  }
  n.text += "\n— hamhub\n";
  n.html = htmlDocument(n.language, n.title, "<p>" + escapeMarkup(sentence) + "</p>\n<table>\n" + rows + "</table>\n");
  n.alerts.push_back(notified(alert, language));
  return n;
}

Notification digestNotification(const std::string& region, const std::string& localDate, std::vector<AlertRow> alerts,
                                const std::string& language, const std::string& id) {
  const Words& w = wordsFor(language);
  std::stable_sort(alerts.begin(), alerts.end(), [](const AlertRow& a, const AlertRow& b) {
    return a.finding.severity > b.finding.severity;
  });
  std::array<std::size_t, 3> counts{};
  for (const auto& a : alerts) ++counts[static_cast<std::size_t>(a.finding.severity)];

  Notification n;
  n.kind = NotificationKind::Digest;
  n.id = id;
  n.language = language == "en" ? "en" : "id";
  n.region = region;
  const std::string total = std::to_string(alerts.size()) + " " +
                            (language == "en" && alerts.size() == 1 ? std::string("live alert") : w.liveAlerts);
  n.title = oneLine(titlePrefix(region) + w.digest + " " + localDate + " — " + total, 200);
  std::string byseverity;
  for (int s = 2; s >= 0; --s) {
    byseverity += (s == 2 ? "" : ", ") + severityWord(w, static_cast<AlertSeverity>(s)) + " " +
                  std::to_string(counts[static_cast<std::size_t>(s)]);
  }
  std::string sentence = std::string(w.digest) + " " + (region.empty() ? w.hubWide : kanwil(region)) + ", " +
                         localDate + ": " + total + " (" + byseverity + ").";
  sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
  n.text = sentence + "\n\n";
  std::string items;
  const std::size_t listed = std::min(alerts.size(), kDigestListLimit);
  for (std::size_t i = 0; i < listed; ++i) {
    const AlertRow& a = alerts[i];
    const std::string subject = a.finding.subject.empty() ? "" : a.finding.subject + " ";
    const std::string line = "[" + severityWord(w, a.finding.severity) + "] " + subject + a.finding.kind + ": " +
                             messageOf(a, language) + " (" + w.since + " " + a.firstSeen + ")";
    n.text += line + "\n";
    items += "<li>" + escapeMarkup(line) + "</li>\n";
    n.alerts.push_back(notified(a, language));
  }
  if (alerts.size() > listed) {
    const std::string more = "… " + std::to_string(alerts.size() - listed) + " " + w.andMore;
    n.text += more + "\n";
    items += "<li>" + escapeMarkup(more) + "</li>\n";
  }
  n.text += "\n— hamhub\n";
  n.html = htmlDocument(n.language, n.title, "<p>" + escapeMarkup(sentence) + "</p>\n<ul>\n" + items + "</ul>\n");
  return n;
}

}  // namespace hamhub::host

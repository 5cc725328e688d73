// What staff read: titles and bodies in both languages, HTML that cannot be broken by a message,
// titles cut at a character boundary, digests ordered and capped.

#include "host/notify/notification_text.h"

#include <gtest/gtest.h>

namespace hamhub::host {
namespace {

AlertRow alert(std::int64_t id, AlertSeverity severity, const std::string& messageId) {
  AlertRow a;
  a.id = id;
  a.finding.kind = "kkpham.data-dukung-missing";
  a.finding.severity = severity;
  a.finding.subject = "16.10";
  a.finding.region = "16";
  a.finding.messageId = messageId;
  a.finding.messageEn = "Data dukung missing";
  a.firstSeen = "2026-11-20T01:00:00Z";
  a.lastSeen = "2026-11-29T01:00:00Z";
  a.revision = 2;
  return a;
}

TEST(NotificationTextTest, writesAlertsInBahasaIndonesiaOrEnglish) {
  const auto id = alertNotification(alert(12, AlertSeverity::Critical, "Data dukung belum lengkap"), "resolved", "id",
                                    "alert:12:2");
  EXPECT_EQ(id.title, "[hamhub] Kanwil 16: peringatan selesai [kritis] — Data dukung belum lengkap");
  EXPECT_NE(id.text.find("Peringatan selesai untuk Kanwil 16."), std::string::npos) << id.text;
  EXPECT_NE(id.text.find("Subjek: 16.10\n"), std::string::npos) << id.text;
  EXPECT_NE(id.text.find("ID peringatan: 12 (revisi 2)"), std::string::npos) << id.text;
  EXPECT_EQ(id.alerts.at(0).message, "Data dukung belum lengkap");

  const auto en = alertNotification(alert(12, AlertSeverity::Warning, "Data dukung belum lengkap"), "changed", "en",
                                    "alert:12:2");
  EXPECT_EQ(en.title, "[hamhub] Kanwil 16: changed alert [warning] — Data dukung missing");
  EXPECT_NE(en.text.find("First seen: 2026-11-20T01:00:00Z"), std::string::npos) << en.text;
  EXPECT_EQ(en.language, "en");
}

TEST(NotificationTextTest, escapesHtmlAndKeepsTitlesOnOneLineCutAtACharacterBoundary) {
  const std::string hostile = "<script>alert(1)</script> & \"x\"\nBcc: someone@example.com " + std::string(300, 'e') + "é";
  const auto n = alertNotification(alert(1, AlertSeverity::Info, hostile), "opened", "id", "alert:1:1");
  EXPECT_EQ(n.html.find("<script>"), std::string::npos);
  EXPECT_NE(n.html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"), std::string::npos);
  EXPECT_EQ(n.title.find('\n'), std::string::npos);
  EXPECT_LE(n.title.size(), 200u + std::string("…").size());
  EXPECT_EQ(n.title.substr(n.title.size() - std::string("…").size()), "…");
}

TEST(NotificationTextTest, digestCountsBySeverityListsTheMostSevereFirstAndCapsTheList) {
  std::vector<AlertRow> alerts;
  for (int i = 0; i < 203; ++i) alerts.push_back(alert(i + 1, AlertSeverity::Info, "info " + std::to_string(i)));
  alerts.push_back(alert(500, AlertSeverity::Critical, "kritis"));
  const auto n = digestNotification("16", "2026-11-29", alerts, "id", "digest:16:2026-11-29");
  EXPECT_EQ(n.title, "[hamhub] Kanwil 16: ringkasan harian 2026-11-29 — 204 peringatan aktif");
  EXPECT_NE(n.text.find("(kritis 1, peringatan 0, info 203)"), std::string::npos) << n.text.substr(0, 200);
  ASSERT_EQ(n.alerts.size(), kDigestListLimit);
  EXPECT_EQ(n.alerts.front().id, 500);
  EXPECT_NE(n.text.find("… 4 lainnya"), std::string::npos);

  const auto en = digestNotification("16", "2026-11-29", {alert(1, AlertSeverity::Warning, "x")}, "en", "d");
  EXPECT_EQ(en.title, "[hamhub] Kanwil 16: daily digest 2026-11-29 — 1 live alert");
}

}  // namespace
}  // namespace hamhub::host

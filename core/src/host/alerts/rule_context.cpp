#include "host/alerts/rule_context.h"

#include <array>
#include <charconv>
#include <cstdio>

namespace hamhub::host {

namespace {

constexpr std::array<const char*, 12> kMonthsId = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                                                   "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
constexpr std::array<const char*, 12> kMonthsEn = {"January", "February", "March",     "April",   "May",      "June",
                                                   "July",    "August",   "September", "October", "November", "December"};

std::string dayIn(std::chrono::sys_days day, const std::array<const char*, 12>& months) {
  const std::chrono::year_month_day ymd{day};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " + months[static_cast<unsigned>(ymd.month()) - 1] + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

}  // namespace

std::string RuleContext::regionOf(const std::string& subject) const {
  const auto it = subjects.find(subject);
  if (it == subjects.end()) return {};
  return it->second.province.empty() ? it->second.id : it->second.province;
}

std::string RuleContext::nameOf(const std::string& subject) const {
  const auto it = subjects.find(subject);
  return it == subjects.end() || it->second.name.empty() ? subject : it->second.name;
}

std::string RuleContext::localTime(const std::string& utc, bool english) const {
  const auto at = parseUtc(utc);
  if (!at) return utc;
  const auto local = zone.toLocal(*at);
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::hh_mm_ss clock{std::chrono::floor<std::chrono::minutes>(local - day)};
  char hm[8];
  std::snprintf(hm, sizeof hm, "%02d:%02d", static_cast<int>(clock.hours().count()),
                static_cast<int>(clock.minutes().count()));
  const std::chrono::sys_days civil{day.time_since_epoch()};
  return (english ? dayEn(civil) : dayId(civil)) + " " + hm;
}

AlertFinding makeFinding(const RuleContext& context, const std::string& kind, const std::vector<std::string>& keyParts,
                         AlertSeverity severity, const std::string& subject, std::string messageId,
                         std::string messageEn) {
  AlertFinding f;
  f.kind = kind;
  f.key = kind;
  for (const auto& part : keyParts) f.key += "|" + part;
  f.severity = severity;
  f.subject = subject;
  f.region = context.regionOf(subject);
  f.messageId = std::move(messageId);
  f.messageEn = std::move(messageEn);
  return f;
}

std::optional<std::chrono::sys_days> parseDay(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  if (std::from_chars(iso.data(), iso.data() + 4, y).ec != std::errc() ||
      std::from_chars(iso.data() + 5, iso.data() + 7, m).ec != std::errc() ||
      std::from_chars(iso.data() + 8, iso.data() + 10, d).ec != std::errc()) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days(ymd);
}

std::string isoDay(std::chrono::sys_days day) {
  const std::chrono::year_month_day ymd{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return text;
}

std::string dayId(std::chrono::sys_days day) { return dayIn(day, kMonthsId); }
std::string dayEn(std::chrono::sys_days day) { return dayIn(day, kMonthsEn); }

int daysBetween(std::chrono::sys_days from, std::chrono::sys_days to) { return static_cast<int>((to - from).count()); }

}  // namespace hamhub::host

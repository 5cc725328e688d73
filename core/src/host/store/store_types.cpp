#include "host/store/store_types.h"

#include <array>
#include <utility>

namespace hamhub::host {
namespace {

constexpr std::array<std::pair<SubjectKind, const char*>, 5> kSubjectKinds{{
    {SubjectKind::Province, "province"},
    {SubjectKind::KabKota, "kabkota"},
    {SubjectKind::Opd, "opd"},
    {SubjectKind::Upt, "upt"},
    {SubjectKind::Ministry, "ministry"},
}};

constexpr std::array<std::pair<RunStatus, const char*>, 5> kRunStatuses{{
    {RunStatus::Running, "running"},
    {RunStatus::Success, "success"},
    {RunStatus::Failed, "failed"},
    {RunStatus::Cancelled, "cancelled"},
    {RunStatus::TimedOut, "timed-out"},
}};

constexpr std::array<std::pair<HealthState, const char*>, 5> kHealthStates{{
    {HealthState::Pending, "pending"},
    {HealthState::Up, "up"},
    {HealthState::Degraded, "degraded"},
    {HealthState::Down, "down"},
    {HealthState::Maintenance, "maintenance"},
}};

template <typename E, std::size_t N>
const char* nameOf(const std::array<std::pair<E, const char*>, N>& table, E value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "?";
}

template <typename E, std::size_t N>
std::optional<E> parse(const std::array<std::pair<E, const char*>, N>& table, std::string_view text) {
  for (const auto& [v, name] : table) {
    if (text == name) return v;
  }
  return std::nullopt;
}

}  // namespace

const char* backendName(Backend backend) { return backend == Backend::Sqlite ? "sqlite" : "postgresql"; }

const char* subjectKindName(SubjectKind kind) { return nameOf(kSubjectKinds, kind); }
std::optional<SubjectKind> parseSubjectKind(std::string_view text) { return parse(kSubjectKinds, text); }

const char* runStatusName(RunStatus status) { return nameOf(kRunStatuses, status); }
std::optional<RunStatus> parseRunStatus(std::string_view text) { return parse(kRunStatuses, text); }

const char* healthStateName(HealthState state) { return nameOf(kHealthStates, state); }
std::optional<HealthState> parseHealthState(std::string_view text) { return parse(kHealthStates, text); }

}  // namespace hamhub::host

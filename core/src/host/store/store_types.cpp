#include "host/store/store_types.h"

#include "host/util/name_table.h"

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

}  // namespace

const char* backendName(Backend backend) { return backend == Backend::Sqlite ? "sqlite" : "postgresql"; }

const char* subjectKindName(SubjectKind kind) { return nameOf(kSubjectKinds, kind); }
std::optional<SubjectKind> parseSubjectKind(std::string_view text) { return valueNamed(kSubjectKinds, text); }

const char* runStatusName(RunStatus status) { return nameOf(kRunStatuses, status); }
std::optional<RunStatus> parseRunStatus(std::string_view text) { return valueNamed(kRunStatuses, text); }

const char* healthStateName(HealthState state) { return nameOf(kHealthStates, state); }
std::optional<HealthState> parseHealthState(std::string_view text) { return valueNamed(kHealthStates, text); }

}  // namespace hamhub::host

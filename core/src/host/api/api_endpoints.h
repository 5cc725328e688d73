#pragma once

// The endpoints under /api/v1, one function each; api_routes.cpp maps paths and methods to them.
// Every request here carries an authenticated caller.

#include <cstdint>
#include <string>

#include "host/api/api_types.h"

namespace hamhub::host {

// api_sources.cpp
ApiResponse listSources(const ApiContext& context, const ApiRequest& request, const std::string* only);
ApiResponse listIncidents(const ApiContext& context, const ApiRequest& request);
ApiResponse listRuns(const ApiContext& context, const ApiRequest& request);

// api_subjects.cpp
ApiResponse listSubjects(const ApiContext& context, const ApiRequest& request, const std::string* only);
ApiResponse listDocuments(const ApiContext& context, const ApiRequest& request);

// api_scores.cpp
ApiResponse listScores(const ApiContext& context, const ApiRequest& request);
ApiResponse scoreDetail(const ApiContext& context, const ApiRequest& request, const std::string& subject,
                        const std::string& instrument, const std::string& period);

// api_completeness.cpp
ApiResponse regionCompleteness(const ApiContext& context, const ApiRequest& request, const std::string& code);

// api_alerts.cpp
ApiResponse listAlerts(const ApiContext& context, const ApiRequest& request);
ApiResponse acknowledgeAlert(const ApiContext& context, const ApiRequest& request, const std::string& id);

}  // namespace hamhub::host

#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "host/api/api_auth.h"
#include "host/config/source_config.h"
#include "host/schedule/scheduler.h"

namespace hamhub::host {

class Store;
class CriteriaCatalog;

/// What the API reads. The functions may be empty (no scheduler: an API over a store alone).
struct ApiContext {
  Store* store = nullptr;
  std::function<std::vector<ScheduleView>()> schedule;
  std::function<bool()> schedulerAlive;
  std::function<std::vector<SourceConfig>()> sources;  // the configuration in force (changes on SIGHUP)
  std::map<std::string, std::string> provinceOf;       // subject id → province code
  std::shared_ptr<const CriteriaCatalog> criteria;     // the models in force (null: no names, no overview)
};

/// One request as the routes see it, already parsed and authenticated.
struct ApiRequest {
  std::string method;
  std::string path;
  std::map<std::string, std::string> query;
  std::string body;
  std::optional<ApiCaller> caller;
};

struct ApiResponse {
  int status = 200;
  std::string contentType = "application/json; charset=utf-8";
  std::string body;
};

/// A JSON error body: {"error": {"status": 400, "message": "..."}}.
ApiResponse apiError(int status, const std::string& message);

}  // namespace hamhub::host

#pragma once

#include "host/api/api_types.h"

namespace hamhub::host {

/// The answer to one request (routing, authorisation, the endpoints), without HTTP, so it can
/// be tested in process. The dashboard's files, `/healthz`, `/metrics` and the OpenAPI document are
/// open; everything else under `/api/v1` needs a bearer token and shows only the caller's province.
ApiResponse routeApiRequest(const ApiSettings& settings, const ApiContext& context, ApiRequest request,
                            const std::string& authorization);

}  // namespace hamhub::host

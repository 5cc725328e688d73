#pragma once

#include <string>

namespace hamhub::host {

/// The OpenAPI 3.0 description of the REST API, served at /api/v1/openapi.json.
const std::string& openApiDocument();

}  // namespace hamhub::host

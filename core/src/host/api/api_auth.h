#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "host/config/hub_config.h"

namespace hamhub::host {

enum class ApiRole { Viewer = 0, Operator = 1, Admin = 2 };

/// Who is asking: the role and province of the token they presented.
struct ApiCaller {
  ApiRole role = ApiRole::Viewer;
  std::string region;  // province code; empty: every province
  std::string name;    // the token's configured name, else "ROLE@REGION" ("operator@16", "admin@all")

  /// True when the caller may see a subject of province `province` (or a hub-wide thing when
  /// `province` is empty and the caller is not limited to one province).
  bool sees(std::string_view province) const { return region.empty() || region == province; }
};

const char* apiRoleName(ApiRole role);  // viewer | operator | admin

/// The caller for an `Authorization` header value ("Bearer TOKEN"); nullopt for a missing,
/// malformed or unknown token. Tokens are compared in constant time.
std::optional<ApiCaller> authenticate(const std::vector<ApiToken>& tokens, std::string_view authorization);

}  // namespace hamhub::host

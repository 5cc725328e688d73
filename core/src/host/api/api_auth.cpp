#include "host/api/api_auth.h"

namespace hamhub::host {

namespace {

// No early exit on the first differing byte, so response times do not leak how much matched.
bool sameSecret(std::string_view presented, std::string_view token) {
  if (token.empty() || presented.size() != token.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < token.size(); ++i) diff |= static_cast<unsigned char>(presented[i] ^ token[i]);
  return diff == 0;
}

ApiRole roleOf(const std::string& role) {
  if (role == "admin") return ApiRole::Admin;
  if (role == "operator") return ApiRole::Operator;
  return ApiRole::Viewer;
}

}  // namespace

const char* apiRoleName(ApiRole role) {
  switch (role) {
    case ApiRole::Admin: return "admin";
    case ApiRole::Operator: return "operator";
    case ApiRole::Viewer: break;
  }
  return "viewer";
}

std::optional<ApiCaller> authenticate(const std::vector<ApiToken>& tokens, std::string_view authorization) {
  constexpr std::string_view kScheme = "Bearer ";
  if (authorization.size() <= kScheme.size()) return std::nullopt;
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    const char c = authorization[i];
    const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    const char want = kScheme[i] >= 'A' && kScheme[i] <= 'Z' ? static_cast<char>(kScheme[i] - 'A' + 'a') : kScheme[i];
    if (lower != want) return std::nullopt;
  }
  const std::string_view presented = authorization.substr(kScheme.size());
  std::optional<ApiCaller> found;
  for (const ApiToken& t : tokens) {
    if (sameSecret(presented, t.token) && !found) {
      const ApiRole role = roleOf(t.role);
      found = ApiCaller{role, t.region,
                        t.name.empty() ? std::string(apiRoleName(role)) + "@" + (t.region.empty() ? "all" : t.region)
                                       : t.name};
    }
  }
  return found;
}

}  // namespace hamhub::host

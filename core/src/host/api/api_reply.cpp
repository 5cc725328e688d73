#include "host/api/api_reply.h"

#include <algorithm>
#include <cstring>

namespace hamhub::host {

ApiResponse jsonReply(const JsonValue& body, int status) {
  return {status, "application/json; charset=utf-8", toJson(body)};
}

JsonValue orNull(const std::string& text) { return text.empty() ? JsonValue() : JsonValue(text); }

std::optional<ApiResponse> unknownParameter(const ApiRequest& request, std::initializer_list<const char*> known) {
  for (const auto& [key, value] : request.query) {
    if (std::any_of(known.begin(), known.end(), [&](const char* k) { return key == k; })) continue;
    std::string accepted;
    for (const char* k : known) accepted += (accepted.empty() ? "" : ", ") + std::string(k);
    const std::string shown = key.size() > 64 ? key.substr(0, 64) + "…" : key;
    return apiError(400, "unknown query parameter '" + shown + "'" +
                             (accepted.empty() ? " (this endpoint takes none)" : " (this endpoint takes: " + accepted + ")"));
  }
  return std::nullopt;
}

std::optional<std::string> queryText(const ApiRequest& request, const std::string& key) {
  const auto it = request.query.find(key);
  if (it == request.query.end()) return std::nullopt;
  return it->second;
}

std::optional<int> queryInt(const ApiRequest& request, const std::string& key, int fallback, int low, int high) {
  const auto it = request.query.find(key);
  if (it == request.query.end()) return fallback;
  if (it->second.empty() || it->second.size() > 9 || it->second.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  const int value = std::stoi(it->second);
  if (value < low || value > high) return std::nullopt;
  return value;
}

std::optional<std::string> queryLang(const ApiRequest& request) {
  const std::string lang = queryText(request, "lang").value_or("id");
  if (lang != "id" && lang != "en") return std::nullopt;
  return lang;
}

std::string provinceOf(const ApiContext& context, const std::string& subject) {
  if (const auto it = context.provinceOf.find(subject); it != context.provinceOf.end()) return it->second;
  if (const auto slash = subject.find('/'); slash != std::string::npos) return provinceOf(context, subject.substr(0, slash));
  return subject.substr(0, subject.find('.'));
}

bool visibleToCaller(const ApiContext& context, const ApiCaller& caller, const std::vector<std::string>& subjects) {
  if (caller.region.empty()) return true;
  return std::any_of(subjects.begin(), subjects.end(),
                     [&](const std::string& subject) { return caller.sees(provinceOf(context, subject)); });
}

std::optional<ApiResponse> otherProvince(const ApiCaller& caller, const std::string& province, const std::string& what) {
  if (caller.sees(province)) return std::nullopt;
  return apiError(403, what + " belongs to " + (province.empty() ? std::string("no province") : "province " + province) +
                           ", not to your token's province " + caller.region);
}

std::optional<ApiResponse> regionFilter(const ApiRequest& request, std::string& region) {
  const auto asked = queryText(request, "region");
  if (asked && (asked->empty() || asked->size() > 16)) return apiError(400, "region: give a province code such as 16");
  region = request.caller->region.empty() ? asked.value_or("") : request.caller->region;
  if (asked && *asked != region) {
    return apiError(403, "province " + *asked + " is not yours: your token is limited to province " + region);
  }
  return std::nullopt;
}

}  // namespace hamhub::host

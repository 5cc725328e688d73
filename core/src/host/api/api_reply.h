#pragma once

// What every endpoint needs to read a request and answer it: JSON replies, checked query
// parameters, and the province scope of subjects.

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "hamhub/json.h"
#include "host/api/api_types.h"

namespace hamhub::host {

ApiResponse jsonReply(const JsonValue& body, int status = 200);

/// null for '', else the text.
JsonValue orNull(const std::string& text);

/// 400 naming the first query parameter that is not in `known`, else nullopt. Unknown parameters
/// are refused rather than ignored: a misspelt filter would otherwise silently show everything.
std::optional<ApiResponse> unknownParameter(const ApiRequest& request, std::initializer_list<const char*> known);

/// The parameter's value, if given.
std::optional<std::string> queryText(const ApiRequest& request, const std::string& key);

/// A whole number from `low` to `high` (`fallback` when absent); nullopt when malformed or out of range.
std::optional<int> queryInt(const ApiRequest& request, const std::string& key, int fallback, int low, int high);

/// `?lang=id|en` (default id): "id", "en", or nullopt for anything else.
std::optional<std::string> queryLang(const ApiRequest& request);

/// The province code a subject belongs to: from the catalogue, else for a unit ("16.71/lapas-x")
/// its region's, else the Kemendagri code's first part ("16.71" → "16").
std::string provinceOf(const ApiContext& context, const std::string& subject);

/// True when the caller may see something that concerns these subjects (any one of them).
bool visibleToCaller(const ApiContext& context, const ApiCaller& caller, const std::vector<std::string>& subjects);

/// 403 when the caller's token is limited to another province than `province`, else nullopt.
std::optional<ApiResponse> otherProvince(const ApiCaller& caller, const std::string& province, const std::string& what);

/// The province filter of a listing: the caller's own when the token has one (403 when `?region=`
/// names another), else `?region=` if given. `region` gets the result ('' for every province).
std::optional<ApiResponse> regionFilter(const ApiRequest& request, std::string& region);

}  // namespace hamhub::host

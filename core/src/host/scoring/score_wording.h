#pragma once

// Reading the named form of a stored score (scoreResultValue) for people: tolerant accessors, and
// the English wording of what the scorer words in Bahasa Indonesia (indicator details, coaching
// actions). Shared by `hamhub score --explain/--coach` and the REST API.

#include <string>
#include <string_view>

#include "hamhub/json.h"

namespace hamhub::host {

/// `object[key]`, or null when `object` is not an object or lacks the key.
const JsonValue& resultMember(const JsonValue& object, std::string_view key);
/// The string at `key`, else ''.
std::string resultText(const JsonValue& object, std::string_view key);
/// The number at `key`, else 0.
double resultNumber(const JsonValue& object, std::string_view key);

/// An indicator's line of the explanation in English, from its stored figures.
std::string indicatorDetailEn(const JsonValue& indicator);
/// A coaching step's action in English; `indicators` is the result's indicator list.
std::string coachingActionEn(const JsonValue& step, const JsonValue& indicators);

/// The named result with every people's text in English: indicator details, coaching actions,
/// predicate and target names (where the model gives an English name).
JsonValue resultInEnglish(JsonValue result);

}  // namespace hamhub::host

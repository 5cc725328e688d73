#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <hamhub/json.h>

namespace hamhub::jdih {

/// Strips ASCII whitespace and non-breaking spaces (U+00A0, common in CMS exports) at both ends.
std::string_view trim(std::string_view text);

/// Lower-cases ASCII letters only; Indonesian needs nothing more, and UTF-8 bytes stay intact.
std::string toLowerAscii(std::string_view text);

/// Trims and turns every run of whitespace into one space.
std::string collapseSpaces(std::string_view text);

/// True for what feeds write when a field has no value: "", "-" (after trimming).
bool isBlankMarker(std::string_view text);

/// A scalar member as text: strings trimmed, integers in decimal, other numbers as JSON, booleans
/// as true/false. Null, containers, blank markers and a missing value (nullptr) give "".
std::string scalarText(const JsonValue* value);

/// The first of `keywords` (already lower-case) that occurs in `text`, ignoring ASCII case;
/// empty when none does.
std::string findKeyword(std::string_view text, const std::vector<std::string>& keywords);

/// `url` without user info ("user:secret@"), for messages and logs.
std::string displayUrl(std::string_view url);

/// At most `maxChars` bytes of `text` on one line, for quoting a body in a message.
std::string snippet(std::string_view text, std::size_t maxChars = 60);

}  // namespace hamhub::jdih

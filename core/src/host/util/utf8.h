#pragma once

#include <cstddef>
#include <string_view>

namespace hamhub::host {

/// True for the bytes that continue a UTF-8 character (never cut a string before one).
inline bool isUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

/// Characters in UTF-8 text: what a column of a table or a spreadsheet must be wide enough for.
std::size_t codePointCount(std::string_view text);

}  // namespace hamhub::host

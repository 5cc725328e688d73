#pragma once

#include <cstddef>

#include <Poco/Data/RecordSet.h>

#include <hamhub/json.h>

namespace hamhub::opd {

/// One cell as JSON with its type kept: integers, floating numbers (non-finite ones as text),
/// booleans, strings, null; DATE as "YYYY-MM-DD", TIME as "HH:MM:SS", TIMESTAMP as
/// "YYYY-MM-DDTHH:MM:SS" (with ".ffffff" when it has fractions), BLOB as base64 text.
JsonValue cellValue(const Poco::Data::RecordSet& rows, std::size_t column, std::size_t row);

/// The form a cell takes as a cursor bound back into the query: the cell's JSON value, except
/// that a timestamp uses a space between date and time, the form SQLite's date functions write
/// and PostgreSQL reads, so text columns compare in order too.
JsonValue cursorForm(const Poco::Data::RecordSet& rows, std::size_t column, const JsonValue& cell);

}  // namespace hamhub::opd

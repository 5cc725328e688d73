#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hamhub::tabular {

/// Which day Excel counts serial dates from: the 1900 system (Windows default; serial 60 is the
/// 29 February 1900 that never was, kept for Lotus 1-2-3 compatibility) or the 1904 system (old
/// Mac workbooks, flagged `date1904` in workbook.xml).
enum class DateSystem { Excel1900, Excel1904 };

/// An Excel serial date as ISO 8601: `2024-03-15`, or `2024-03-15T10:30:00` when `withTime` and
/// the serial has a time of day. nullopt for serials before the epoch, the fictional 1900-02-29,
/// or past year 9999.
std::optional<std::string> excelSerialToIso(double serial, DateSystem system, bool withTime);

/// A date as exports write it in text: `2024-03-15`, `2024-03-15 10:30[:00]`, `2024-03-15T10:30:00`,
/// `15/03/2024`, `15-03-2024` (day first, as Indonesian exports do), as ISO 8601; nullopt otherwise.
std::optional<std::string> parseDateText(std::string_view text);

/// True when a number format code shows a date or time (d, m, y, h, s outside quotes, brackets
/// and escapes; `[h]` elapsed hours count too).
bool isDateFormatCode(std::string_view code);

/// True for Excel's built-in date and time number formats (14–22, 27–36, 45–47, 50–58).
bool isBuiltinDateFormat(int id);

}  // namespace hamhub::tabular

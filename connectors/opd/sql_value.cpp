#include "sql_value.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>

#include <Poco/Base64Encoder.h>
#include <Poco/Data/Date.h>
#include <Poco/Data/LOB.h>
#include <Poco/Data/MetaColumn.h>
#include <Poco/Data/Time.h>
#include <Poco/DateTime.h>

namespace hamhub::opd {

namespace {

using Poco::Data::MetaColumn;

std::string twoDigits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string isoDate(int year, int month, int day) {
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
  return text;
}

std::string isoTimestamp(const Poco::DateTime& t) {
  std::string out = isoDate(t.year(), t.month(), t.day()) + "T" + twoDigits(t.hour()) + ":" + twoDigits(t.minute()) +
                    ":" + twoDigits(t.second());
  const int micros = t.millisecond() * 1000 + t.microsecond();
  if (micros != 0) {
    char fraction[16];
    std::snprintf(fraction, sizeof fraction, ".%06d", micros);
    out += fraction;
  }
  return out;
}

JsonValue dateValue(const Poco::Dynamic::Var& var) {
  if (var.type() == typeid(Poco::Data::Date)) {
    const auto& d = var.extract<Poco::Data::Date>();
    return isoDate(d.year(), d.month(), d.day());
  }
  const auto t = var.convert<Poco::DateTime>();
  return isoDate(t.year(), t.month(), t.day());
}

JsonValue timeValue(const Poco::Dynamic::Var& var) {
  if (var.type() == typeid(Poco::Data::Time)) {
    const auto& t = var.extract<Poco::Data::Time>();
    return twoDigits(t.hour()) + ":" + twoDigits(t.minute()) + ":" + twoDigits(t.second());
  }
  return var.convert<std::string>();
}

JsonValue blobValue(const Poco::Dynamic::Var& var) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out);
  encoder.rdbuf()->setLineLength(0);
  if (var.type() == typeid(Poco::Data::BLOB)) {
    const auto& blob = var.extract<Poco::Data::BLOB>();
    encoder.write(reinterpret_cast<const char*>(blob.rawContent()), static_cast<std::streamsize>(blob.size()));
  } else {
    const std::string bytes = var.convert<std::string>();
    encoder.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  encoder.close();
  return out.str();
}

JsonValue floatValue(double d) {
  if (std::isfinite(d)) return d;
  return std::isnan(d) ? "NaN" : (d > 0 ? "Infinity" : "-Infinity");
}

}  // namespace

JsonValue cellValue(const Poco::Data::RecordSet& rows, std::size_t column, std::size_t row) {
  if (rows.isNull(column, row)) return nullptr;
  const Poco::Dynamic::Var& var = rows.value(column, row);
  switch (rows.columnType(column)) {
    case MetaColumn::FDT_BOOL:
      return var.convert<bool>();
    case MetaColumn::FDT_INT8:
    case MetaColumn::FDT_UINT8:
    case MetaColumn::FDT_INT16:
    case MetaColumn::FDT_UINT16:
    case MetaColumn::FDT_INT32:
    case MetaColumn::FDT_UINT32:
    case MetaColumn::FDT_INT64:
      return static_cast<std::int64_t>(var.convert<Poco::Int64>());
    case MetaColumn::FDT_UINT64: {
      const auto u = var.convert<Poco::UInt64>();
      if (u <= static_cast<Poco::UInt64>(std::numeric_limits<std::int64_t>::max()))
        return static_cast<std::int64_t>(u);
      return std::to_string(u);  // beyond JSON's exact integers: kept as its digits
    }
    case MetaColumn::FDT_FLOAT:
    case MetaColumn::FDT_DOUBLE:
      return floatValue(var.convert<double>());
    case MetaColumn::FDT_DATE:
      return dateValue(var);
    case MetaColumn::FDT_TIME:
      return timeValue(var);
    case MetaColumn::FDT_TIMESTAMP:
      return isoTimestamp(var.convert<Poco::DateTime>());
    case MetaColumn::FDT_BLOB:
      return blobValue(var);
    default:
      return var.convert<std::string>();
  }
}

JsonValue cursorForm(const Poco::Data::RecordSet& rows, std::size_t column, const JsonValue& cell) {
  if (rows.columnType(column) != MetaColumn::FDT_TIMESTAMP || !cell.isString()) return cell;
  std::string text = cell.asString();
  if (text.size() > 10 && text[10] == 'T') text[10] = ' ';
  return text;
}

}  // namespace hamhub::opd

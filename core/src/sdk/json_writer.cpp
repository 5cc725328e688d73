#include <charconv>
#include <cmath>

#include "hamhub/json.h"
#include "json_scan.h"

namespace hamhub {

void appendJsonString(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t run = 0;  // start of the current run of bytes that need no escaping
  for (std::size_t i = detail::findJsonSpecial(s.data(), s.size()); i < s.size();
       i = run + detail::findJsonSpecial(s.data() + run, s.size() - run)) {
    const auto c = static_cast<unsigned char>(s[i]);
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

namespace {

void appendNumber(std::string& out, double d) {
  if (!std::isfinite(d)) {  // JSON has no NaN/Infinity
    out += "null";
    return;
  }
  char buf[32];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, d);
  out.append(buf, ec == std::errc() ? ptr : buf);
}

void appendInt(std::string& out, std::int64_t n) {
  char buf[24];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, n);
  out.append(buf, ec == std::errc() ? ptr : buf);
}

void newline(std::string& out, int indent, int depth) {
  out.push_back('\n');
  out.append(static_cast<std::size_t>(indent * depth), ' ');
}

void write(std::string& out, const JsonValue& v, int indent, int depth) {
  switch (v.type()) {
    case JsonValue::Type::Null: out += "null"; return;
    case JsonValue::Type::Bool: out += v.asBool() ? "true" : "false"; return;
    case JsonValue::Type::Number:
      if (v.isInteger()) {
        appendInt(out, v.asInt());
      } else {
        appendNumber(out, v.asNumber());
      }
      return;
    case JsonValue::Type::String: appendJsonString(out, v.asString()); return;
    case JsonValue::Type::Array: {
      const auto& items = v.asArray();
      out.push_back('[');
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out.push_back(',');
        if (indent >= 0) newline(out, indent, depth + 1);
        write(out, items[i], indent, depth + 1);
      }
      if (indent >= 0 && !items.empty()) newline(out, indent, depth);
      out.push_back(']');
      return;
    }
    case JsonValue::Type::Object: {
      const auto& members = v.asObject();
      out.push_back('{');
      for (std::size_t i = 0; i < members.size(); ++i) {
        if (i > 0) out.push_back(',');
        if (indent >= 0) newline(out, indent, depth + 1);
        appendJsonString(out, members[i].first);
        out += indent >= 0 ? ": " : ":";
        write(out, members[i].second, indent, depth + 1);
      }
      if (indent >= 0 && !members.empty()) newline(out, indent, depth);
      out.push_back('}');
      return;
    }
  }
}

}  // namespace

std::string toJson(const JsonValue& value, int indent) {
  std::string out;
  write(out, value, indent, 0);
  return out;
}

void JsonWriter::separate() {
  if (afterKey_) {
    afterKey_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_.push_back(',');
    first_.back() = false;
  }
}

JsonWriter& JsonWriter::beginObject() {
  separate();
  out_.push_back('{');
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::endObject() {
  out_.push_back('}');
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::beginArray() {
  separate();
  out_.push_back('[');
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::endArray() {
  out_.push_back(']');
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  separate();
  appendJsonString(out_, name);
  out_.push_back(':');
  afterKey_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  separate();
  appendJsonString(out_, s);
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t n) {
  separate();
  appendInt(out_, n);
  return *this;
}

JsonWriter& JsonWriter::value(double d) {
  separate();
  appendNumber(out_, d);
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  separate();
  out_ += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::value(const JsonValue& v) {
  separate();
  write(out_, v, -1, 0);
  return *this;
}

JsonWriter& JsonWriter::null() {
  separate();
  out_ += "null";
  return *this;
}

}  // namespace hamhub

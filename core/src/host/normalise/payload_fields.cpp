#include "host/normalise/payload_fields.h"

#include "sdk/json_scan.h"

namespace hamhub::host {

namespace {

// JsonPushParser's defaults, which the reader before this one used.
constexpr std::size_t kMaxDepth = 64;
constexpr std::size_t kMaxPayloadBytes = 64u * 1024 * 1024;

// Reads a whole payload in memory, validating all of it and copying only wanted values. Runs once
// per changed record on the harvest's hot path: the streaming parser with a callback per token
// was a tenth of a first JDIH harvest's CPU time. Paths follow object keys; inside an array no
// path goes on, but a wanted path whose value is an array gets its scalar items.
class Reader {
 public:
  Reader(std::string_view text, PayloadFields& wanted)
      : p_(text.data()), end_(text.data() + text.size()), wanted_(wanted) {}

  bool readDocument() {
    skipSpace();
    if (p_ == end_ || *p_ != '{') return false;
    if (!object(0)) return false;
    skipSpace();
    return p_ == end_;
  }

 private:
  void skipSpace() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  bool consume(char c) {
    skipSpace();
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }

  // An object's members; `path_` holds the path to it ("" at the top).
  bool object(std::size_t depth) {
    if (++depth > kMaxDepth) return false;
    ++p_;  // '{'
    skipSpace();
    if (p_ != end_ && *p_ == '}') {
      ++p_;
      return true;
    }
    const std::size_t pathLength = path_.size();
    while (true) {
      skipSpace();
      if (p_ == end_ || *p_ != '"') return false;
      key_.clear();
      if (!string(&key_)) return false;
      if (!consume(':')) return false;
      if (pathLength > 0) path_ += '.';
      path_ += key_;
      skipSpace();
      if (p_ == end_) return false;
      if (!member(depth)) return false;
      path_.resize(pathLength);
      skipSpace();
      if (p_ == end_) return false;
      if (*p_ == '}') {
        ++p_;
        return true;
      }
      if (*p_++ != ',') return false;
    }
  }

  // The value of the member at `path_`.
  bool member(std::size_t depth) {
    const char c = *p_;
    if (c == '{') return object(depth);
    PayloadFields::Value* v = wanted_.slot(path_);
    if (c == '[') return array(depth, v);
    if (v == nullptr) return skipScalar();
    v->present = true;
    v->null = c == 'n';
    v->text.clear();
    return scalar(v->null ? nullptr : &v->text);
  }

  // An array; `capture` (when wanted) gets its scalar items as text.
  bool array(std::size_t depth, PayloadFields::Value* capture) {
    if (++depth > kMaxDepth) return false;
    if (capture != nullptr) capture->present = capture->array = true;
    ++p_;  // '['
    skipSpace();
    if (p_ != end_ && *p_ == ']') {
      ++p_;
      return true;
    }
    while (true) {
      skipSpace();
      if (p_ == end_) return false;
      if (!item(depth, capture)) return false;
      skipSpace();
      if (p_ == end_) return false;
      if (*p_ == ']') {
        ++p_;
        return true;
      }
      if (*p_++ != ',') return false;
    }
  }

  bool item(std::size_t depth, PayloadFields::Value* capture) {
    const char c = *p_;
    if (c == '{' || c == '[') return skipContainer(depth);
    if (capture == nullptr || c == 'n') return skipScalar();
    capture->items.emplace_back();
    return scalar(&capture->items.back());
  }

  // A container nobody wants: validated, nothing kept, no path extended.
  bool skipContainer(std::size_t depth) {
    if (++depth > kMaxDepth) return false;
    const bool isObject = *p_++ == '{';
    const char close = isObject ? '}' : ']';
    skipSpace();
    if (p_ != end_ && *p_ == close) {
      ++p_;
      return true;
    }
    while (true) {
      skipSpace();
      if (isObject) {
        if (p_ == end_ || *p_ != '"' || !string(nullptr) || !consume(':')) return false;
        skipSpace();
      }
      if (p_ == end_) return false;
      if (*p_ == '{' || *p_ == '[' ? !skipContainer(depth) : !skipScalar()) return false;
      skipSpace();
      if (p_ == end_) return false;
      if (*p_ == close) {
        ++p_;
        return true;
      }
      if (*p_++ != ',') return false;
    }
  }

  bool skipScalar() { return scalar(nullptr); }

  // A string, number or literal at p_; its text goes to `out` (strings unescaped, numbers as
  // written, booleans as true/false, nothing for null).
  bool scalar(std::string* out) {
    const char c = *p_;
    if (c == '"') return string(out);
    if (c == '-' || (c >= '0' && c <= '9')) {
      const char* start = p_;
      while (p_ != end_ && ((*p_ >= '0' && *p_ <= '9') || *p_ == '-' || *p_ == '+' || *p_ == '.' || *p_ == 'e' ||
                            *p_ == 'E')) {
        ++p_;
      }
      const std::string_view number(start, static_cast<std::size_t>(p_ - start));
      if (!detail::isValidJsonNumber(number)) return false;
      if (out != nullptr) out->assign(number);
      return true;
    }
    for (const std::string_view literal : {std::string_view("true"), std::string_view("false"), std::string_view("null")}) {
      if (static_cast<std::size_t>(end_ - p_) >= literal.size() && std::string_view(p_, literal.size()) == literal) {
        p_ += literal.size();
        if (out != nullptr && literal != "null") out->assign(literal);
        return true;
      }
    }
    return false;
  }

  // A string at p_ (on its opening quote), unescaped into `out` when given.
  bool string(std::string* out) {
    ++p_;
    unsigned highSurrogate = 0;  // a \uD800-\uDBFF waiting for its pair
    const auto flushSurrogate = [&] {
      if (highSurrogate != 0 && out != nullptr) detail::appendUtf8(*out, detail::kReplacementChar);
      highSurrogate = 0;
    };
    while (true) {
      const std::size_t run = detail::findJsonSpecial(p_, static_cast<std::size_t>(end_ - p_));
      if (run > 0) {
        flushSurrogate();
        if (out != nullptr) out->append(p_, run);
        p_ += run;
      }
      if (p_ == end_) return false;
      const char c = *p_++;
      if (c == '"') {
        flushSurrogate();
        return true;
      }
      if (c != '\\' || p_ == end_) return false;  // a control character, or a cut escape
      const char e = *p_++;
      if (e == 'u') {
        unsigned code = 0;
        for (int i = 0; i < 4; ++i, ++p_) {
          if (p_ == end_) return false;
          const int digit = detail::hexValue(*p_);
          if (digit < 0) return false;
          code = code * 16 + static_cast<unsigned>(digit);
        }
        if (code >= 0xDC00 && code <= 0xDFFF && highSurrogate != 0) {
          if (out != nullptr) detail::appendUtf8(*out, 0x10000 + ((highSurrogate - 0xD800) << 10) + (code - 0xDC00));
          highSurrogate = 0;
        } else {
          flushSurrogate();
          if (code >= 0xD800 && code <= 0xDBFF) {
            highSurrogate = code;
          } else if (out != nullptr) {
            detail::appendUtf8(*out, code >= 0xDC00 && code <= 0xDFFF ? detail::kReplacementChar : code);
          }
        }
        continue;
      }
      flushSurrogate();
      const char plain = detail::simpleEscape(e);
      if (plain == 0) return false;
      if (out != nullptr) out->push_back(plain);
    }
  }

  const char* p_;
  const char* end_;
  PayloadFields& wanted_;
  std::string path_;
  std::string key_;
};

}  // namespace

bool PayloadFields::read(std::string_view payload, const std::vector<std::string>& paths) {
  bool samePaths = entries_.size() == paths.size();
  for (std::size_t i = 0; samePaths && i < paths.size(); ++i) samePaths = entries_[i].path == paths[i];
  if (!samePaths) {
    entries_.assign(paths.size(), Entry{});
    index_.clear();
    for (std::size_t i = 0; i < paths.size(); ++i) {
      entries_[i].path = paths[i];
      index_.emplace(entries_[i].path, i);
    }
  }
  for (Entry& entry : entries_) {
    entry.value.present = entry.value.null = entry.value.array = false;
    entry.value.text.clear();
    entry.value.items.clear();
  }
  if (payload.size() > kMaxPayloadBytes) return false;
  return Reader(payload, *this).readDocument();
}

PayloadFields::Value* PayloadFields::slot(std::string_view path) {
  const auto it = index_.find(path);
  return it == index_.end() ? nullptr : &entries_[it->second].value;
}

const PayloadFields::Value* PayloadFields::find(const std::string& path) const {
  const auto it = index_.find(path);
  if (it == index_.end()) return nullptr;
  const Value& value = entries_[it->second].value;
  return value.present ? &value : nullptr;
}

bool PayloadFields::filled(const Value* v) {
  if (v == nullptr || !v->present || v->null) return false;
  if (v->array) return !v->items.empty();
  return !v->text.empty() && v->text != "-";
}

}  // namespace hamhub::host

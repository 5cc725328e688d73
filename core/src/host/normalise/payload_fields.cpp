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
    if (!object(0, true)) return false;
    skipSpace();
    return p_ == end_;
  }

 private:
  void skipSpace() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  // On a container's opening bracket: steps past it, and past `close` too when the container is
  // empty (then answers true).
  bool openEmpty(char close) {
    ++p_;
    skipSpace();
    if (p_ == end_ || *p_ != close) return false;
    ++p_;
    return true;
  }

  // After a member or item: false on bad input; `more` says whether another one follows.
  bool next(char close, bool& more) {
    skipSpace();
    if (p_ == end_) return false;
    more = *p_ != close;
    return *p_++ == (more ? ',' : close);
  }

  // An object's members. `tracked`: reached through object keys from the top, so its members
  // have paths (`path_` holds its own); inside an array nothing has a path.
  bool object(std::size_t depth, bool tracked) {
    if (++depth > kMaxDepth) return false;
    if (openEmpty('}')) return true;
    const std::size_t pathLength = path_.size();
    for (bool more = true; more;) {
      skipSpace();
      if (p_ == end_ || *p_ != '"') return false;
      std::string* key = nullptr;
      if (tracked) {
        key_.clear();
        key = &key_;
      }
      if (!string(key)) return false;
      skipSpace();
      if (p_ == end_ || *p_++ != ':') return false;
      if (tracked) {
        if (pathLength > 0) path_ += '.';
        path_ += key_;
      }
      skipSpace();
      if (p_ == end_ || !value(depth, tracked ? wanted_.slot(path_) : nullptr, tracked)) return false;
      if (tracked) path_.resize(pathLength);
      if (!next('}', more)) return false;
    }
    return true;
  }

  // An array; `capture` (a wanted path's value) gets its scalar items as text.
  bool array(std::size_t depth, PayloadFields::Value* capture) {
    if (++depth > kMaxDepth) return false;
    if (capture != nullptr) capture->present = capture->array = true;
    if (openEmpty(']')) return true;
    for (bool more = true; more;) {
      skipSpace();
      if (p_ == end_) return false;
      const char c = *p_;
      if (capture == nullptr || c == '{' || c == '[' || c == 'n') {
        if (!value(depth, nullptr, false)) return false;
      } else {
        capture->items.emplace_back();
        if (!scalar(&capture->items.back())) return false;
      }
      if (!next(']', more)) return false;
    }
    return true;
  }

  // Any value at p_; `wanted` (a tracked member's entry, if its path is wanted) gets a scalar's
  // text or an array's items.
  bool value(std::size_t depth, PayloadFields::Value* wanted, bool tracked) {
    const char c = *p_;
    if (c == '{') return object(depth, tracked);
    if (c == '[') return array(depth, wanted);
    if (wanted == nullptr) return scalar(nullptr);
    wanted->present = true;
    wanted->null = c == 'n';
    wanted->text.clear();
    return scalar(wanted->null ? nullptr : &wanted->text);
  }

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

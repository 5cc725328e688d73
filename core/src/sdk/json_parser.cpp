#include <string>
#include <utility>
#include <vector>

#include "hamhub/json.h"
#include "hamhub/utf8.h"
#include "json_scan.h"

namespace hamhub {

namespace {

bool isNumberChar(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}


}  // namespace

class JsonPushParser::Impl {
 public:
  Impl(JsonHandler& handler, JsonParseOptions options) : handler_(handler), options_(options) {}

  Status feed(std::string_view chunk);
  Status finish();

  std::size_t line() const { return line_; }
  std::size_t column() const { return position_ - lineStart_ + 1; }
  std::size_t consumed() const { return position_; }
  std::size_t repairedStrings() const { return repairedStrings_; }

 private:
  enum class State { Value, ValueOrArrayEnd, KeyOrObjectEnd, Key, Colon, CommaOrEnd, String, Escape, Unicode,
                     Number, Literal, Done };
  enum class Comment { None, Slash, Line, Block, BlockStar };

  // The internal steps answer true to go on; on false error_ says why. (Passing a Status back
  // through every byte and token was a measurable part of a harvest's parse time.)
  bool fail(std::string what, std::string reason = "invalid-json") {
    error_ = Status::error("line " + std::to_string(line_) + ", column " + std::to_string(column()) + ": " +
                               what,
                           std::move(reason));
    return false;
  }
  bool failWith(Status s) {
    error_ = std::move(s);
    return false;
  }
  Status failed(std::string what, std::string reason = "invalid-json") {
    fail(std::move(what), std::move(reason));
    return error_;
  }
  void afterValue() { state_ = stack_.empty() ? State::Done : State::CommaOrEnd; }
  bool push(char container) {
    stack_.push_back(container);
    if (stack_.size() > options_.maxDepth) {
      return fail("nesting deeper than " + std::to_string(options_.maxDepth) + " levels", "too-deep");
    }
    return true;
  }
  bool emitNumber();
  bool emitLiteral();
  bool emitString(std::string_view value);
  void flushSurrogate() {
    if (highSurrogate_ != 0) {
      detail::appendUtf8(buffer_, detail::kReplacementChar);
      highSurrogate_ = 0;
    }
  }
  bool structural(char c);
  bool skipComment(char c);

  JsonHandler& handler_;
  JsonParseOptions options_;
  State state_ = State::Value;
  Comment comment_ = Comment::None;
  std::vector<char> stack_;
  std::string buffer_;
  std::string repaired_;
  std::size_t repairedStrings_ = 0;
  bool stringNonAscii_ = false;  // the string being read has raw bytes of 0x80 or above
  bool stringIsKey_ = false;
  unsigned unicode_ = 0;
  int unicodeDigits_ = 0;
  unsigned highSurrogate_ = 0;
  std::size_t line_ = 1;
  std::size_t lineStart_ = 0;
  std::size_t position_ = 0;  // absolute offset of the byte being looked at
  bool sawAnything_ = false;
  Status error_;
};

bool JsonPushParser::Impl::emitNumber() {
  if (!detail::isValidJsonNumber(buffer_)) return fail("invalid number '" + buffer_ + "'");
  if (Status s = handler_.onNumber(buffer_); !s) return failWith(std::move(s));
  afterValue();
  return true;
}

bool JsonPushParser::Impl::emitLiteral() {
  Status s;
  if (buffer_ == "true") {
    s = handler_.onBool(true);
  } else if (buffer_ == "false") {
    s = handler_.onBool(false);
  } else if (buffer_ == "null") {
    s = handler_.onNull();
  } else {
    return fail("unexpected '" + buffer_ + "' (expected a value)");
  }
  if (!s) return failWith(std::move(s));
  afterValue();
  return true;
}

bool JsonPushParser::Impl::emitString(std::string_view value) {
  if (value.size() > options_.maxStringBytes) {
    return fail("string longer than " + std::to_string(options_.maxStringBytes) + " bytes", "too-large");
  }
  // Only text with a byte of 0x80 or above (seen by the scan that found its end) can be invalid.
  const bool nonAscii = std::exchange(stringNonAscii_, false);
  if (nonAscii && !isValidUtf8(value)) {
    // JSON is UTF-8 by definition, yet sites on a Latin-1 database send their bytes as they are.
    // Refusing the feed would lose it for one accent; passing the bytes on would break every
    // reader after us (PostgreSQL refuses them outright). So the stray bytes become text.
    repaired_.clear();
    appendRepairedUtf8(repaired_, value);
    value = repaired_;
    ++repairedStrings_;
  }
  if (stringIsKey_) {
    if (Status s = handler_.onKey(value); !s) return failWith(std::move(s));
    state_ = State::Colon;
  } else {
    if (Status s = handler_.onString(value); !s) return failWith(std::move(s));
    afterValue();
  }
  return true;
}

// Returns true when `c` was consumed as part of a comment (or opened one).
bool JsonPushParser::Impl::skipComment(char c) {
  switch (comment_) {
    case Comment::None:
      if (c == '/' && options_.allowComments) {
        comment_ = Comment::Slash;
        return true;
      }
      return false;
    case Comment::Slash:
      if (c == '/') {
        comment_ = Comment::Line;
      } else if (c == '*') {
        comment_ = Comment::Block;
      } else {
        comment_ = Comment::None;
        return false;  // reported by the caller as an unexpected '/'-led token
      }
      return true;
    case Comment::Line:
      if (c == '\n') comment_ = Comment::None;
      return true;
    case Comment::Block:
      if (c == '*') comment_ = Comment::BlockStar;
      return true;
    case Comment::BlockStar:
      comment_ = c == '/' ? Comment::None : (c == '*' ? Comment::BlockStar : Comment::Block);
      return true;
  }
  return false;
}

bool JsonPushParser::Impl::structural(char c) {
  switch (state_) {
    case State::ValueOrArrayEnd:
      if (c == ']') {
        stack_.pop_back();
        if (Status s = handler_.onEndArray(); !s) return failWith(std::move(s));
        afterValue();
        return true;
      }
      [[fallthrough]];
    case State::Value:
      if (c == '{') {
        if (!push('{')) return false;
        if (Status s = handler_.onStartObject(); !s) return failWith(std::move(s));
        state_ = State::KeyOrObjectEnd;
      } else if (c == '[') {
        if (!push('[')) return false;
        if (Status s = handler_.onStartArray(); !s) return failWith(std::move(s));
        state_ = State::ValueOrArrayEnd;
      } else if (c == '"') {
        stringIsKey_ = false;
        buffer_.clear();
        state_ = State::String;
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        buffer_.assign(1, c);
        state_ = State::Number;
      } else if (c >= 'a' && c <= 'z') {
        buffer_.assign(1, c);
        state_ = State::Literal;
      } else {
        return fail(std::string("unexpected '") + c + "' (expected a value" +
                    (state_ == State::ValueOrArrayEnd ? " or ']')" : ")"));
      }
      return true;
    case State::KeyOrObjectEnd:
      if (c == '}') {
        stack_.pop_back();
        if (Status s = handler_.onEndObject(); !s) return failWith(std::move(s));
        afterValue();
        return true;
      }
      [[fallthrough]];
    case State::Key:
      if (c != '"') {
        return fail(std::string("unexpected '") + c + "' (expected a quoted key" +
                    (state_ == State::KeyOrObjectEnd ? " or '}')" : ")"));
      }
      stringIsKey_ = true;
      buffer_.clear();
      state_ = State::String;
      return true;
    case State::Colon:
      if (c != ':') return fail(std::string("unexpected '") + c + "' (expected ':' after a key)");
      state_ = State::Value;
      return true;
    case State::CommaOrEnd: {
      const char open = stack_.back();
      if (c == ',') {
        state_ = open == '{' ? State::Key : State::Value;
        return true;
      }
      if ((c == '}' && open == '{') || (c == ']' && open == '[')) {
        stack_.pop_back();
        if (Status s = c == '}' ? handler_.onEndObject() : handler_.onEndArray(); !s) return failWith(std::move(s));
        afterValue();
        return true;
      }
      return fail(std::string("unexpected '") + c + "' (expected ',' or '" + (open == '{' ? '}' : ']') + "')");
    }
    case State::Done:
      return fail(std::string("unexpected '") + c + "' after the end of the document");
    default:
      return fail("internal parser state error");
  }
}

Status JsonPushParser::Impl::feed(std::string_view chunk) {
  if (!error_.isOk()) return error_;
  if (position_ + chunk.size() > options_.maxBytes) {
    return failed("document larger than " + std::to_string(options_.maxBytes) + " bytes", "too-large");
  }
  const char* data = chunk.data();
  const std::size_t n = chunk.size();
  const std::size_t base = position_;
  std::size_t i = 0;
  while (i < n) {
    position_ = base + i;
    const char c = data[i];
    switch (state_) {
      case State::String: {
        std::uint64_t seen = 0;
        const std::size_t j = i + detail::findJsonSpecial(data + i, n - i, seen);
        stringNonAscii_ = stringNonAscii_ || detail::sawNonAscii(seen);
        if (j > i) {
          flushSurrogate();
          if (buffer_.empty() && j < n && data[j] == '"') {
            // Whole string inside this chunk with no escapes: hand out a view, no copy.
            position_ = base + j;
            if (!emitString(std::string_view(data + i, j - i))) return error_;
            i = j + 1;
            continue;
          }
          buffer_.append(data + i, j - i);
          if (buffer_.size() > options_.maxStringBytes) {
            position_ = base + j;
            return failed("string longer than " + std::to_string(options_.maxStringBytes) + " bytes", "too-large");
          }
        }
        i = j;
        if (i == n) break;
        position_ = base + i;
        if (data[i] == '"') {
          flushSurrogate();
          if (!emitString(buffer_)) return error_;
        } else if (data[i] == '\\') {
          state_ = State::Escape;
        } else {
          return failed("control character in a string (newlines must be written as \\n)");
        }
        ++i;
        continue;
      }
      case State::Escape: {
        if (c == 'u') {
          unicode_ = 0;
          unicodeDigits_ = 0;
          state_ = State::Unicode;
          ++i;
          continue;
        }
        const char out = detail::simpleEscape(c);
        if (out == 0) return failed(std::string("invalid escape '\\") + c + "'");
        flushSurrogate();
        buffer_.push_back(out);
        state_ = State::String;
        ++i;
        continue;
      }
      case State::Unicode: {
        const int digit = detail::hexValue(c);
        if (digit < 0) return failed("invalid \\u escape (expected four hex digits)");
        unicode_ = unicode_ * 16 + static_cast<unsigned>(digit);
        if (++unicodeDigits_ == 4) {
          if (unicode_ >= 0xDC00 && unicode_ <= 0xDFFF && highSurrogate_ != 0) {
            detail::appendUtf8(buffer_, 0x10000 + ((highSurrogate_ - 0xD800) << 10) + (unicode_ - 0xDC00));
            highSurrogate_ = 0;
          } else {
            flushSurrogate();
            if (unicode_ >= 0xD800 && unicode_ <= 0xDBFF) {
              highSurrogate_ = unicode_;
            } else {
              detail::appendUtf8(buffer_, unicode_ >= 0xDC00 && unicode_ <= 0xDFFF ? detail::kReplacementChar : unicode_);
            }
          }
          state_ = State::String;
        }
        ++i;
        continue;
      }
      case State::Number:
        if (isNumberChar(c)) {
          if (buffer_.size() > 64) return failed("number too long");
          buffer_.push_back(c);
          ++i;
          continue;
        }
        if (!emitNumber()) return error_;
        continue;  // re-examine c in the new state
      case State::Literal:
        if (c >= 'a' && c <= 'z') {
          if (buffer_.size() > 5) return failed("unexpected '" + buffer_ + "…' (expected a value)");
          buffer_.push_back(c);
          ++i;
          continue;
        }
        if (!emitLiteral()) return error_;
        continue;
      default:
        break;
    }
    if (state_ == State::String) continue;  // the string loop above reached the chunk's end

    // Structural states: whitespace, comments, punctuation.
    if (comment_ != Comment::None || c == '/') {
      if (skipComment(c)) {
        if (c == '\n') {
          ++line_;
          lineStart_ = base + i + 1;
        }
        ++i;
        continue;
      }
      if (c == '/' || comment_ == Comment::None) {
        if (!options_.allowComments) return failed("unexpected '/' (comments are not allowed here)");
        return failed("unexpected '/'");
      }
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    if (c == '\n') {
      ++line_;
      lineStart_ = base + i + 1;
      ++i;
      continue;
    }
    sawAnything_ = true;
    if (!structural(c)) return error_;
    ++i;
  }
  position_ = base + n;
  return Status::ok();
}

Status JsonPushParser::Impl::finish() {
  if (!error_.isOk()) return error_;
  if (state_ == State::Number && !emitNumber()) return error_;
  if (state_ == State::Literal && !emitLiteral()) return error_;
  if (comment_ == Comment::Block || comment_ == Comment::BlockStar) return failed("unterminated /* comment");
  if (state_ == State::Done) return Status::ok();
  if (!sawAnything_) return failed("the document is empty");
  if (state_ == State::String || state_ == State::Escape || state_ == State::Unicode) {
    return failed("unexpected end of input inside a string");
  }
  return failed("unexpected end of input (the document is incomplete)");
}

JsonPushParser::JsonPushParser(JsonHandler& handler, JsonParseOptions options)
    : impl_(std::make_unique<Impl>(handler, options)) {}
JsonPushParser::~JsonPushParser() = default;
Status JsonPushParser::feed(std::string_view chunk) { return impl_->feed(chunk); }
Status JsonPushParser::finish() { return impl_->finish(); }
std::size_t JsonPushParser::line() const { return impl_->line(); }
std::size_t JsonPushParser::column() const { return impl_->column(); }
std::size_t JsonPushParser::bytesConsumed() const { return impl_->consumed(); }
std::size_t JsonPushParser::repairedStrings() const { return impl_->repairedStrings(); }

namespace {

// Builds a JsonValue tree from parser events. Pointers on the stack stay valid because only the
// innermost container grows while it is on top.
class DomBuilder final : public JsonHandler {
 public:
  JsonValue take() { return std::move(root_); }

  Status onNull() override { return add(JsonValue()); }
  Status onBool(bool value) override { return add(JsonValue(value)); }
  Status onNumber(std::string_view text) override { return add(JsonValue::fromNumberText(text)); }
  Status onString(std::string_view value) override { return add(JsonValue(std::string(value))); }
  Status onKey(std::string_view key) override {
    key_.assign(key);
    return Status::ok();
  }
  Status onStartObject() override {
    stack_.push_back(insert(JsonValue(JsonValue::Object{})));
    return Status::ok();
  }
  Status onStartArray() override {
    stack_.push_back(insert(JsonValue(JsonValue::Array{})));
    return Status::ok();
  }
  Status onEndObject() override {
    stack_.pop_back();
    return Status::ok();
  }
  Status onEndArray() override {
    stack_.pop_back();
    return Status::ok();
  }

 private:
  Status add(JsonValue v) {
    insert(std::move(v));
    return Status::ok();
  }
  JsonValue* insert(JsonValue v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    JsonValue& top = *stack_.back();
    if (top.isArray()) {
      top.asArray().push_back(std::move(v));
      return &top.asArray().back();
    }
    top.asObject().emplace_back(std::move(key_), std::move(v));
    return &top.asObject().back().second;
  }

  JsonValue root_;
  std::vector<JsonValue*> stack_;
  std::string key_;
};

}  // namespace

Result<JsonValue> parseJson(std::string_view text, const JsonParseOptions& options) {
  DomBuilder builder;
  JsonPushParser parser(builder, options);
  Status s = parser.feed(text);
  if (s) s = parser.finish();
  if (!s) return s;
  return builder.take();
}

}  // namespace hamhub

#include "json_body.h"

#include <limits>

namespace hamhub::opd {

namespace {

// One string inside an item (a long description) may be large; a page is bounded by the HTTP
// client's body limit and a file by its size, so the parser adds no limit of its own on the total.
constexpr std::size_t kMaxStringBytes = 8 * 1024 * 1024;
constexpr std::size_t kQuotedBytes = 80;

JsonParseOptions parseOptions() {
  JsonParseOptions options;
  options.maxBytes = std::numeric_limits<std::size_t>::max() / 2;
  options.maxStringBytes = kMaxStringBytes;
  return options;
}

std::string quote(std::string_view text) {
  std::string out;
  for (const char c : text.substr(0, kQuotedBytes)) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return out;
}

}  // namespace

JsonBody::JsonBody(std::string what, ItemStream& stream) : what_(std::move(what)), stream_(stream) {}

JsonBody::~JsonBody() = default;

Status JsonBody::consume(std::string_view chunk) {
  if (parser_) {
    Status status = parser_->feed(chunk);
    return status || stream_.handlerFailed() ? status : syntaxError(status);
  }
  head_.append(chunk);
  std::size_t at = head_.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  while (at < head_.size() && (head_[at] == ' ' || head_[at] == '\n' || head_[at] == '\r' || head_[at] == '\t')) ++at;
  if (at == head_.size()) return Status::ok();
  if (head_[at] != '{' && head_[at] != '[') {
    const bool markup = head_[at] == '<';
    return Status::error(what_ + ": answered " + (markup ? "HTML/XML" : "text") + " where JSON was expected ('" +
                             quote(std::string_view(head_).substr(at)) + "')",
                         "invalid-payload");
  }
  parser_ = std::make_unique<JsonPushParser>(stream_, parseOptions());
  const std::string head = std::move(head_);
  head_.clear();
  return consume(std::string_view(head).substr(at));
}

Status JsonBody::syntaxError(const Status& parserError) const {
  return Status::error(what_ + ": invalid JSON: " + parserError.message(), "invalid-payload");
}

Status JsonBody::finish(const JsonPointer& itemsPointer) {
  if (!parser_) return Status::error(what_ + ": the body is empty where JSON was expected", "invalid-payload");
  if (Status status = parser_->finish(); !status) return syntaxError(status);
  if (stream_.foundItems()) return Status::ok();
  std::string message = what_ + ": items_pointer '" + itemsPointer.text() + "' ";
  if (!stream_.itemsType().empty()) {
    message += "designates a JSON " + stream_.itemsType() + ", not an array";
  } else {
    std::string keys;
    for (const auto& key : stream_.topLevelKeys()) keys += (keys.empty() ? "" : ", ") + key;
    message += "designates nothing in the document (its top-level keys: " + (keys.empty() ? "none" : keys) + ")";
  }
  return Status::error(message, "schema-drift");
}

}  // namespace hamhub::opd

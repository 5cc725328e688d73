#include "utf8_stream.h"

#include <hamhub/utf8.h>

namespace hamhub::jdih {

namespace {

// How many bytes at the end of `text` start a sequence that the next chunk may complete: a lead
// byte followed by fewer continuation bytes than it announces. 0 when the text ends cleanly.
std::size_t unfinishedTail(std::string_view text) {
  const std::size_t lookBack = std::min<std::size_t>(3, text.size());
  for (std::size_t back = 1; back <= lookBack; ++back) {
    const auto c = static_cast<unsigned char>(text[text.size() - back]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: keep looking for its lead
    const std::size_t length = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

}  // namespace

std::string_view Utf8StreamRepair::next(std::string_view chunk) {
  std::string_view text = chunk;
  if (!held_.empty()) {
    joined_.assign(held_);
    joined_.append(chunk);
    held_.clear();
    text = joined_;
  }
  const std::size_t tail = unfinishedTail(text);
  held_.assign(text.substr(text.size() - tail));
  text.remove_suffix(tail);
  if (isValidUtf8(text)) return text;
  repaired_ = true;
  out_.clear();
  appendRepairedUtf8(out_, text);
  return out_;
}

std::string_view Utf8StreamRepair::finish() {
  if (held_.empty()) return {};
  repaired_ = true;  // a sequence the stream never finished
  out_.clear();
  appendRepairedUtf8(out_, held_);
  held_.clear();
  return out_;
}

}  // namespace hamhub::jdih

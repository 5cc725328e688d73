#include "host/util/utf8.h"

#include <algorithm>

namespace hamhub::host {

std::size_t codePointCount(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return !isUtf8Continuation(c); }));
}

}  // namespace hamhub::host

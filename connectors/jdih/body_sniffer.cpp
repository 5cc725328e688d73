#include "body_sniffer.h"

#include "text_util.h"

namespace hamhub::jdih {

namespace {

constexpr std::size_t kMaxTitleChars = 120;

}  // namespace

Status readEnough() { return Status::error("stopped reading on purpose", kEnoughReason); }

bool isReadEnough(const Status& status) { return !status.isOk() && status.reason() == kEnoughReason; }

std::size_t firstSignificant(std::string_view head) {
  std::size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) ++i;
  return i < head.size() ? i : std::string_view::npos;
}

bool isZeroResults(std::string_view body) {
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  return toLowerAscii(collapseSpaces(body)) == "0 results";
}

std::string htmlTitle(std::string_view body) {
  const std::string lower = toLowerAscii(body);
  const std::size_t open = lower.find("<title");
  if (open == std::string::npos) return {};
  const std::size_t start = lower.find('>', open);
  if (start == std::string::npos) return {};
  const std::size_t end = lower.find("</title", start);
  if (end == std::string::npos) return {};
  return snippet(collapseSpaces(body.substr(start + 1, end - start - 1)), kMaxTitleChars);
}

bool looksLikeHtml(std::string_view head) {
  const std::string lower = toLowerAscii(head);
  std::string_view rest = lower;
  // Look past what may precede the first tag: a BOM, whitespace, an XML declaration, comments.
  for (;;) {
    const std::size_t at = firstSignificant(rest);
    if (at == std::string_view::npos) return false;
    rest.remove_prefix(at);
    const std::string_view close = rest.substr(0, 4) == "<!--" ? "-->"
                                   : rest.substr(0, 2) == "<?" ? "?>"
                                                               : "";
    if (close.empty()) break;
    const std::size_t end = rest.find(close);
    if (end == std::string_view::npos) return false;
    rest.remove_prefix(end + close.size());
  }
  const auto startsWithTag = [&rest](std::string_view tag) {
    return rest.substr(0, tag.size()) == tag &&
           (rest.size() == tag.size() || rest[tag.size()] == ' ' || rest[tag.size()] == '>' ||
            rest[tag.size()] == '\n' || rest[tag.size()] == '\r' || rest[tag.size()] == '\t');
  };
  return startsWithTag("<!doctype html") || startsWithTag("<html");
}

Status markupError(std::string_view url, std::string_view body, const std::vector<std::string>& keywords,
                   std::string_view expected) {
  const std::string title = htmlTitle(body);
  const std::string quotedTitle = title.empty() ? std::string() : " \"" + title + "\"";
  if (const std::string keyword = findKeyword(body, keywords); !keyword.empty()) {
    return Status::error(displayUrl(url) + ": answered with a maintenance page" + quotedTitle +
                             " (mentions '" + keyword + "') where " + std::string(expected) + " was expected",
                         "maintenance-page");
  }
  const std::string lower = toLowerAscii(body.substr(0, 4096));
  std::string what = "HTML";
  if (!looksLikeHtml(lower) &&
      (lower.find("<rss") != std::string::npos || lower.find("<feed") != std::string::npos)) {
    what = "an RSS/Atom feed (configure it as rss_url)";
  } else if (!looksLikeHtml(lower)) {
    what = "markup starting '" + snippet(body, 40) + "'";
  }
  return Status::error(displayUrl(url) + ": answered with " + what + quotedTitle + " where " +
                           std::string(expected) + " was expected",
                       "invalid-payload");
}

Status httpStatusError(std::string_view url, const HttpResponse& response,
                       const std::vector<std::string>& keywords) {
  const std::string shownUrl = displayUrl(url);
  Status status = checkHttpStatus(response, shownUrl);
  if (status) return status;
  const std::string keyword = findKeyword(response.body, keywords);
  if (keyword.empty()) return status;
  if (status.reason() == "maintenance-status") {
    return Status::error(status.message() + "; the page mentions '" + keyword + "'", status.reason());
  }
  const std::string title = htmlTitle(response.body);
  return Status::error(status.message() + " with a maintenance page" +
                           (title.empty() ? std::string() : " \"" + title + "\"") + " (mentions '" + keyword +
                           "')",
                       "maintenance-page");
}

}  // namespace hamhub::jdih

#include "rss_feed_body.h"

#include "body_sniffer.h"
#include "text_util.h"

namespace hamhub::jdih {

namespace {

// Enough of the start to tell an HTML page from a feed (doctype, comments, the root tag).
constexpr std::size_t kSniffBytes = 1024;
constexpr std::size_t kMaxMarkupBytes = 256 * 1024;
constexpr std::size_t kMaxTextBytes = 64 * 1024;
// Kept from the start of an XML body, for classifying an XHTML page found by the parser.
constexpr std::size_t kXmlPrefixBytes = 64 * 1024;

constexpr const char* kExpected = "an RSS/Atom feed";

// Whether the XML declaration at the start of `xml` says UTF-8, or there is none (so UTF-8 it is).
bool declaresUtf8(std::string_view xml) {
  if (xml.substr(0, 5) != "<?xml") return true;
  const std::string declaration = toLowerAscii(xml.substr(0, xml.find("?>")));
  const std::size_t at = declaration.find("encoding");
  if (at == std::string::npos) return true;
  const std::size_t quote = declaration.find_first_of("\"'", at);
  if (quote == std::string::npos) return true;
  const std::size_t end = declaration.find(declaration[quote], quote + 1);
  const std::string name = declaration.substr(quote + 1, end == std::string::npos ? end : end - quote - 1);
  return name == "utf-8" || name == "utf8";
}

}  // namespace

RssFeedBody::RssFeedBody(std::string url, const std::vector<std::string>& keywords,
                         RssReader::ItemHandler onItem, std::size_t stopAfterBytes)
    : url_(std::move(url)),
      keywords_(keywords),
      stopAfterBytes_(stopAfterBytes),
      reader_(std::move(onItem)) {}

RssFeedBody::~RssFeedBody() = default;

Status RssFeedBody::consume(std::string_view chunk) {
  switch (mode_) {
    case Mode::Undecided:
      kept_.append(chunk);
      return decide(false);
    case Mode::Xml:
      return feedXml(chunk);
    case Mode::Markup:
    case Mode::Text: {
      const std::size_t cap = mode_ == Mode::Markup ? kMaxMarkupBytes : kMaxTextBytes;
      const std::size_t room = cap > kept_.size() ? cap - kept_.size() : 0;
      kept_.append(chunk.substr(0, room));
      return chunk.size() > room ? readEnough() : Status::ok();
    }
  }
  return Status::ok();
}

Status RssFeedBody::decide(bool atEnd) {
  const std::size_t at = firstSignificant(kept_);
  if (at == std::string::npos) {
    if (kept_.size() > kMaxTextBytes) kept_.erase(0, kept_.size() - 16);
    return Status::ok();
  }
  if (kept_[at] != '<') {
    mode_ = Mode::Text;
    if (kept_.size() > kMaxTextBytes) kept_.resize(kMaxTextBytes);
    return Status::ok();
  }
  if (!atEnd && kept_.size() - at < kSniffBytes) return Status::ok();
  if (looksLikeHtml(std::string_view(kept_).substr(at, kSniffBytes))) {
    mode_ = Mode::Markup;
    if (kept_.size() > kMaxMarkupBytes) kept_.resize(kMaxMarkupBytes);
    return Status::ok();
  }
  mode_ = Mode::Xml;
  std::string head = std::move(kept_);
  kept_.clear();
  // A PHP template often prints a newline before the XML declaration, which must come first; the
  // byte-order mark goes too (libxml2 reads the encoding from the declaration, UTF-8 without one).
  const std::string_view xml = std::string_view(head).substr(at);
  if (declaresUtf8(xml)) repair_.emplace();
  return feedXml(xml);
}

Status RssFeedBody::feedXml(std::string_view chunk) {
  xmlBytes_ += chunk.size();
  if (repair_) chunk = repair_->next(chunk);
  if (kept_.size() < kXmlPrefixBytes) kept_.append(chunk.substr(0, kXmlPrefixBytes - kept_.size()));
  if (Status status = reader_.feed(chunk); !status) return readerError(status);
  const bool isFeed = reader_.root() == RssReader::Root::Rss || reader_.root() == RssReader::Root::Atom;
  if (stopAfterBytes_ > 0 && isFeed && xmlBytes_ >= stopAfterBytes_) return readEnough();
  return Status::ok();
}

Status RssFeedBody::readerError(const Status& status) const {
  if (reader_.handlerFailed()) return status;
  if (status.reason() == RssReader::kHtmlRoot) return markupError(url_, kept_, keywords_, kExpected);
  return Status::error(displayUrl(url_) + ": " + status.message(), status.reason());
}

Status RssFeedBody::finish(bool stoppedEarly) {
  if (mode_ == Mode::Undecided) {
    if (Status status = decide(true); !status) return status;
  }
  switch (mode_) {
    case Mode::Undecided:
      return Status::error(displayUrl(url_) + ": the body is empty where " + kExpected + " was expected",
                           "invalid-payload");
    case Mode::Markup:
      return markupError(url_, kept_, keywords_, kExpected);
    case Mode::Text: {
      if (!stoppedEarly && isZeroResults(kept_)) return Status::ok();
      if (const std::string keyword = findKeyword(kept_, keywords_); !keyword.empty()) {
        return Status::error(displayUrl(url_) + ": answered with a maintenance notice '" + snippet(kept_) +
                                 "' (mentions '" + keyword + "') where " + kExpected + " was expected",
                             "maintenance-page");
      }
      const std::size_t at = firstSignificant(kept_);
      const bool json = at != std::string::npos && (kept_[at] == '[' || kept_[at] == '{');
      return Status::error(displayUrl(url_) + ": answered with " +
                               (json ? std::string("JSON (configure a JDIHN JSON feed as url)")
                                     : "text starting '" + snippet(kept_) + "'") +
                               " where " + kExpected + " was expected",
                           "invalid-payload");
    }
    case Mode::Xml:
      break;
  }
  if (stoppedEarly) return Status::ok();
  if (repair_) {
    if (Status status = reader_.feed(repair_->finish()); !status) return readerError(status);
  }
  if (Status status = reader_.finish(); !status) return readerError(status);
  return Status::ok();
}

}  // namespace hamhub::jdih

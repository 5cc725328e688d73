#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rss_reader.h"
#include "utf8_stream.h"

namespace hamhub::jdih {

/// Reads one response body where an RSS/Atom feed is expected, chunk by chunk, and classifies
/// it: XML streams into an RssReader; an HTML page is kept (up to a cap) and classified as a
/// maintenance page or an invalid payload; `0 results` is an empty feed; anything else fails.
///
/// Not thread-safe; one object per response.
class RssFeedBody {
 public:
  /// @param stopAfterBytes for probes: once the root element is a feed and this much has been
  ///        read, `consume` returns readEnough(); 0 reads everything.
  RssFeedBody(std::string url, const std::vector<std::string>& keywords, RssReader::ItemHandler onItem,
              std::size_t stopAfterBytes = 0);
  ~RssFeedBody();
  RssFeedBody(const RssFeedBody&) = delete;
  RssFeedBody& operator=(const RssFeedBody&) = delete;

  /// The HttpBodyHandler.
  Status consume(std::string_view chunk);
  /// Classifies the body once the transfer ended (`stoppedEarly`: consume returned readEnough()).
  Status finish(bool stoppedEarly);

  bool isXml() const { return mode_ == Mode::Xml; }
  std::size_t items() const { return reader_.items(); }
  /// Whether the feed said (or implied) UTF-8 and some of its bytes were not, and were read as
  /// Windows-1252 instead of failing the feed.
  bool repairedEncoding() const { return repair_ && repair_->repaired(); }

 private:
  enum class Mode { Undecided, Xml, Markup, Text };

  Status decide(bool atEnd);
  Status feedXml(std::string_view chunk);
  Status readerError(const Status& status) const;

  std::string url_;
  const std::vector<std::string>& keywords_;
  std::size_t stopAfterBytes_;
  RssReader reader_;
  Mode mode_ = Mode::Undecided;
  std::string kept_;  // undecided bytes, markup or text; the start of the XML
  std::size_t xmlBytes_ = 0;
  std::optional<Utf8StreamRepair> repair_;  // for XML in UTF-8, which is most of it
};

}  // namespace hamhub::jdih

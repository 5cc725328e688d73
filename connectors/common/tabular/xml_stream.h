#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <hamhub/status.h>

#include "zip_package.h"

namespace hamhub::tabular {

/// A hardened libxml2 pull reader (xmlTextReader) over one package part: no network, no DTD
/// loading, no entity substitution, a DOCTYPE is refused outright (OOXML parts never have one),
/// and the nesting depth is capped. Local names are compared without namespace prefixes.
class XmlStream {
 public:
  enum class Event { StartElement, EndElement, Text, End };

  /// Takes the part; `what` names it in errors ("sheet \"Data\"", "shared strings").
  XmlStream(std::unique_ptr<ZipEntryStream> part, std::string what, const TableLocation& location);
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  /// Advances to the next start element, end element (also for `<empty/>` ones) or text node.
  Result<Event> next();

  /// The current element's local name (or empty for text).
  std::string_view name() const;
  /// The current text node's value.
  std::string_view text() const;
  /// An attribute of the current start element by local name; empty when absent.
  std::string attribute(const char* localName);
  int depth() const;

 private:
  Status failure(std::string what) const;

  std::unique_ptr<ZipEntryStream> part_;
  std::string what_;
  TableLocation location_;
  void* reader_ = nullptr;  // xmlTextReaderPtr, kept out of this header
  Status ioError_;
  std::string parseError_;
  bool pendingEnd_ = false;  // an empty element's start was returned; its end comes next

  friend struct XmlStreamCallbacks;
};

}  // namespace hamhub::tabular

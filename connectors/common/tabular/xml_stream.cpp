#include "xml_stream.h"

#include <libxml/xmlreader.h>

namespace hamhub::tabular {

namespace {

// SpreadsheetML nests six levels deep; anything far deeper is hostile or broken.
constexpr int kMaxDepth = 32;

std::string_view view(const xmlChar* s) {
  return s == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(s));
}

xmlTextReaderPtr asReader(void* p) { return static_cast<xmlTextReaderPtr>(p); }

}  // namespace

struct XmlStreamCallbacks {
  static int read(void* context, char* buffer, int length) {
    auto* self = static_cast<XmlStream*>(context);
    auto got = self->part_->read(buffer, static_cast<std::size_t>(length));
    if (!got) {
      self->ioError_ = got.status();
      return -1;
    }
    return static_cast<int>(*got);
  }
  static int close(void*) { return 0; }
  static void error(void* context, const xmlError* error) {
    auto* self = static_cast<XmlStream*>(context);
    if (error == nullptr || !self->parseError_.empty()) return;
    std::string message = error->message != nullptr ? error->message : "malformed XML";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    self->parseError_ = "line " + std::to_string(error->line) + ": " + message;
  }
};

XmlStream::XmlStream(std::unique_ptr<ZipEntryStream> part, std::string what, const TableLocation& location)
    : part_(std::move(part)), what_(std::move(what)), location_(location) {
  // Deliberately absent: XML_PARSE_NOENT (substitute entities), XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR,
  // XML_PARSE_HUGE (lifts libxml2's own size and depth limits), XML_PARSE_XINCLUDE.
  const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
  reader_ = xmlReaderForIO(&XmlStreamCallbacks::read, &XmlStreamCallbacks::close, this, nullptr, nullptr, options);
  if (reader_ != nullptr) {
    xmlTextReaderSetStructuredErrorHandler(
        asReader(reader_),
        [](void* context, xmlErrorPtr error) { XmlStreamCallbacks::error(context, error); }, this);
  }
}

XmlStream::~XmlStream() {
  if (reader_ != nullptr) xmlFreeTextReader(asReader(reader_));
}

Status XmlStream::failure(std::string what) const {
  return Status::error(location_.where() + ": " + what_ + ": " + what, "invalid-payload");
}

Result<XmlStream::Event> XmlStream::next() {
  if (reader_ == nullptr) return failure("cannot create an XML reader");
  if (pendingEnd_) {
    pendingEnd_ = false;
    return Event::EndElement;
  }
  for (;;) {
    const int status = xmlTextReaderRead(asReader(reader_));
    if (!ioError_.isOk()) return ioError_;
    if (status == 0) return Event::End;
    if (status < 0) return failure(parseError_.empty() ? "malformed XML" : "malformed XML at " + parseError_);
    if (xmlTextReaderDepth(asReader(reader_)) > kMaxDepth) {
      return failure("elements nested deeper than " + std::to_string(kMaxDepth) + " levels");
    }
    switch (xmlTextReaderNodeType(asReader(reader_))) {
      case XML_READER_TYPE_ELEMENT:
        pendingEnd_ = xmlTextReaderIsEmptyElement(asReader(reader_)) == 1;
        return Event::StartElement;
      case XML_READER_TYPE_END_ELEMENT:
        return Event::EndElement;
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      case XML_READER_TYPE_WHITESPACE:
      case XML_READER_TYPE_CDATA:
        return Event::Text;
      case XML_READER_TYPE_DOCUMENT_TYPE:
        return failure("has a DOCTYPE declaration, which workbooks never have; refusing it");
      case XML_READER_TYPE_ENTITY_REFERENCE:
        return failure("refers to an entity, which workbooks never do; refusing it");
      default:
        break;  // declarations, comments, processing instructions
    }
  }
}

std::string_view XmlStream::name() const { return view(xmlTextReaderConstLocalName(asReader(reader_))); }

std::string_view XmlStream::text() const { return view(xmlTextReaderConstValue(asReader(reader_))); }

std::string XmlStream::attribute(const char* localName) {
  // Attributes are matched by local name whatever their prefix (r:id, id).
  xmlTextReaderPtr reader = asReader(reader_);
  std::string found;
  if (xmlTextReaderMoveToFirstAttribute(reader) == 1) {
    do {
      if (view(xmlTextReaderConstLocalName(reader)) == localName) {
        found.assign(view(xmlTextReaderConstValue(reader)));
        break;
      }
    } while (xmlTextReaderMoveToNextAttribute(reader) == 1);
    xmlTextReaderMoveToElement(reader);
  }
  return found;
}

int XmlStream::depth() const { return xmlTextReaderDepth(asReader(reader_)); }

}  // namespace hamhub::tabular

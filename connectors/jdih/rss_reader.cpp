#include "rss_reader.h"

#include <algorithm>
#include <mutex>
#include <utility>

#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "html_entities.h"
#include "text_util.h"

namespace hamhub::jdih {

namespace {

constexpr std::string_view kAtomNamespace = "http://www.w3.org/2005/Atom";
constexpr std::string_view kDublinCoreNamespace = "http://purl.org/dc/elements/1.1/";
constexpr std::string_view kContentNamespace = "http://purl.org/rss/1.0/modules/content/";

std::string_view view(const xmlChar* text) {
  return text == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(text));
}

xmlParserCtxtPtr parserOf(void* context) { return static_cast<xmlParserCtxtPtr>(context); }

// Without entity substitution libxml2 hands '&' inside attribute values over as "&#38;".
std::string attributeValue(const xmlChar* begin, const xmlChar* end) {
  std::string value(reinterpret_cast<const char*>(begin), static_cast<std::size_t>(end - begin));
  for (std::size_t at = value.find("&#38;"); at != std::string::npos; at = value.find("&#38;", at + 1)) {
    value.replace(at, 5, "&");
  }
  return value;
}

const std::string* findAttribute(const JsonValue::Object& attributes, std::string_view name) {
  for (const auto& [key, value] : attributes) {
    if (key == name && value.isString()) return &value.asString();
  }
  return nullptr;
}

void setIfEmpty(std::string& target, std::string_view value) {
  if (target.empty()) target = value;
}

// A repeated element becomes an array, so `raw` keeps every occurrence in document order.
void addRaw(JsonValue& raw, const std::string& name, JsonValue value) {
  for (auto& [key, existing] : raw.asObject()) {
    if (key != name) continue;
    if (!existing.isArray()) existing = JsonValue(JsonValue::Array{std::move(existing)});
    existing.push(std::move(value));
    return;
  }
  raw.asObject().emplace_back(name, std::move(value));
}

}  // namespace

// libxml2 calls plain functions; these forward to the reader passed as user data.
struct RssReader::Callbacks {
  static RssReader& self(void* user) { return *static_cast<RssReader*>(user); }

  static void startElementNs(void* user, const xmlChar* localName, const xmlChar* prefix, const xmlChar* uri,
                             int /*namespaceCount*/, const xmlChar** /*namespaces*/, int attributeCount,
                             int /*defaultedCount*/, const xmlChar** attributes) {
    self(user).startElement(view(localName), view(prefix), view(uri), attributeCount, attributes);
  }
  static void endElementNs(void* user, const xmlChar*, const xmlChar*, const xmlChar*) {
    self(user).endElement();
  }
  static void characters(void* user, const xmlChar* text, int length) {
    self(user).text(std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(length)));
  }
  // The one place entity attacks start: refuse the document the moment it declares any entity.
  static void entityDecl(void* user, const xmlChar* name, int, const xmlChar*, const xmlChar*, xmlChar*) {
    self(user).stop(
        Status::error("the document declares the entity '" + std::string(view(name)) +
                          "'; a feed has no reason to, so it is refused before anything is expanded "
                          "or loaded",
                      "invalid-payload"));
  }
  // XML's five and HTML's named characters (fixed text, see html_entities.h); nothing is ever
  // declared by the document, looked up elsewhere or resolved.
  static xmlEntityPtr getEntity(void*, const xmlChar* name) {
    if (xmlEntityPtr predefined = xmlGetPredefinedEntity(name); predefined != nullptr) return predefined;
    return htmlCharacterEntity(view(name));
  }
  static xmlEntityPtr getParameterEntity(void*, const xmlChar*) { return nullptr; }
  static xmlParserInputPtr resolveEntity(void*, const xmlChar*, const xmlChar*) { return nullptr; }
  static void structuredError(void*, xmlErrorPtr) {}  // read from the context; never printed
};

RssReader::RssReader(ItemHandler onItem, RssLimits limits) : onItem_(std::move(onItem)), limits_(limits) {
  static std::once_flag initialised;
  std::call_once(initialised, [] { xmlInitParser(); });
}

RssReader::~RssReader() {
  if (context_ == nullptr) return;
  xmlParserCtxtPtr parser = parserOf(context_);
  if (parser->myDoc != nullptr) xmlFreeDoc(parser->myDoc);
  xmlFreeParserCtxt(parser);
}

Status RssReader::feed(std::string_view chunk) { return parse(chunk.data(), chunk.size(), false); }

Status RssReader::finish() { return parse(nullptr, 0, true); }

Status RssReader::parse(const char* data, std::size_t size, bool terminate) {
  if (!error_.isOk()) return error_;
  if (context_ == nullptr) {
    // Only the callbacks set here exist: no tree is built, no DTD or entity is ever loaded.
    xmlSAXHandler sax{};
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = &Callbacks::startElementNs;
    sax.endElementNs = &Callbacks::endElementNs;
    sax.characters = &Callbacks::characters;
    sax.ignorableWhitespace = &Callbacks::characters;
    sax.cdataBlock = &Callbacks::characters;
    sax.entityDecl = &Callbacks::entityDecl;
    sax.getEntity = &Callbacks::getEntity;
    sax.getParameterEntity = &Callbacks::getParameterEntity;
    sax.resolveEntity = &Callbacks::resolveEntity;
    sax.serror = &Callbacks::structuredError;
    // The first bytes go in at creation: libxml2 detects the encoding from them.
    const int head = static_cast<int>(std::min<std::size_t>(size, 4));
    xmlParserCtxtPtr parser = xmlCreatePushParserCtxt(&sax, this, data, head, nullptr);
    if (parser == nullptr) return Status::error("cannot create an XML parser (out of memory)", "error");
    // NONET and nothing else: no NOENT (substitution), no DTDLOAD, no HUGE (keeps libxml2's limits).
    xmlCtxtUseOptions(parser, XML_PARSE_NONET);
    parser->replaceEntities = 0;
    parser->loadsubset = 0;
    parser->validate = 0;
    context_ = parser;
    data += head;
    size -= static_cast<std::size_t>(head);
  }
  xmlParserCtxtPtr parser = parserOf(context_);
  // libxml2 takes int sizes; the HTTP client's chunks are far smaller, but be exact anyway.
  constexpr std::size_t kMaxPiece = 1 << 30;
  do {
    const std::size_t piece = std::min(size, kMaxPiece);
    xmlParseChunk(parser, data, static_cast<int>(piece), terminate && piece == size ? 1 : 0);
    if (!error_.isOk()) return error_;
    if (parser->wellFormed == 0) {
      const xmlError* last = xmlCtxtGetLastError(parser);
      std::string what = last != nullptr && last->message != nullptr ? std::string(trim(last->message))
                                                                     : std::string("not well-formed");
      const int line = last != nullptr ? last->line : 0;
      const int column = last != nullptr ? last->int2 : 0;
      error_ = Status::error(
          "invalid XML: line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + what,
          "invalid-payload");
      return error_;
    }
    data += piece;
    size -= piece;
  } while (size > 0);
  if (terminate && root_ == Root::Unknown) {
    error_ = Status::error("invalid XML: the document has no root element", "invalid-payload");
  }
  return error_;
}

void RssReader::stop(Status status) {
  if (error_.isOk()) error_ = std::move(status);
  if (context_ != nullptr) xmlStopParser(parserOf(context_));
}

void RssReader::startElement(std::string_view local, std::string_view prefix, std::string_view uri,
                             int attributeCount, const unsigned char** attributes) {
  if (!error_.isOk()) return;
  ++depth_;
  if (depth_ > limits_.maxDepth) {
    const int line = context_ != nullptr ? xmlSAX2GetLineNumber(context_) : 0;
    stop(Status::error("invalid XML: elements nested deeper than " + std::to_string(limits_.maxDepth) +
                           " levels (line " + std::to_string(line) + ")",
                       "invalid-payload"));
    return;
  }
  if (depth_ == 1) {
    if (local == "rss" || local == "RDF") {
      root_ = Root::Rss;
    } else if (local == "feed") {
      root_ = Root::Atom;
    } else if (toLowerAscii(local) == "html") {
      root_ = Root::Other;
      stop(Status::error("an HTML page", kHtmlRoot));
    } else {
      root_ = Root::Other;
      stop(Status::error(
          "the root element <" + std::string(local) + "> is neither RSS (<rss>, <rdf:RDF>) nor Atom (<feed>)",
          "schema-drift"));
    }
    return;
  }
  if (!inItem_) {
    if (local == "item" || (root_ == Root::Atom && local == "entry")) {
      inItem_ = true;
      itemDepth_ = depth_;
      item_ = FeedItem{};
      itemBytes_ = 0;
    }
    return;
  }
  if (depth_ != itemDepth_ + 1) return;  // inside a field (e.g. Atom xhtml content): text only
  fieldLocal_ = local;
  fieldName_ = prefix.empty() ? std::string(local) : std::string(prefix) + ":" + std::string(local);
  fieldUri_ = uri;
  fieldAttributes_.clear();
  fieldText_.clear();
  for (int i = 0; i < attributeCount; ++i) {
    const xmlChar** attribute = attributes + 5 * i;  // local name, prefix, URI, value, value end
    std::string value = attributeValue(attribute[3], attribute[4]);
    itemBytes_ += value.size();
    fieldAttributes_.emplace_back(std::string(view(attribute[0])), std::move(value));
  }
}

void RssReader::text(std::string_view chunk) {
  if (!inItem_ || depth_ <= itemDepth_ || !error_.isOk()) return;
  itemBytes_ += chunk.size();
  if (itemBytes_ > limits_.maxItemBytes) {
    item_.oversized = true;
    return;
  }
  fieldText_.append(chunk);
}

void RssReader::endElement() {
  if (!error_.isOk()) return;
  if (inItem_ && depth_ == itemDepth_ + 1) finishField();
  if (inItem_ && depth_ == itemDepth_) {
    inItem_ = false;
    ++items_;
    FeedItem item = std::move(item_);
    item_ = FeedItem{};
    if (Status status = onItem_(std::move(item)); !status) {
      handlerFailed_ = true;
      stop(std::move(status));
    }
  }
  --depth_;
}

void RssReader::finishField() {
  const std::string value(trim(fieldText_));
  const bool atom = fieldUri_ == kAtomNamespace;
  const std::string* href = findAttribute(fieldAttributes_, "href");

  if (fieldLocal_ == "guid") {
    setIfEmpty(item_.guid, value);
  } else if (fieldLocal_ == "id" && atom) {
    setIfEmpty(item_.id, value);
  } else if (fieldLocal_ == "link" && href != nullptr) {
    const std::string* rel = findAttribute(fieldAttributes_, "rel");
    if (rel == nullptr || *rel == "alternate") setIfEmpty(item_.link, trim(*href));
    if (rel != nullptr && *rel == "enclosure") setIfEmpty(item_.enclosureUrl, trim(*href));
  } else if (fieldLocal_ == "link") {
    setIfEmpty(item_.link, value);
  } else if (fieldLocal_ == "enclosure") {
    if (const std::string* url = findAttribute(fieldAttributes_, "url"))
      setIfEmpty(item_.enclosureUrl, trim(*url));
  } else if (fieldLocal_ == "title") {
    setIfEmpty(item_.title, value);
  } else if (fieldLocal_ == "description" || (fieldLocal_ == "summary" && atom)) {
    setIfEmpty(item_.description, value);
  } else if ((fieldLocal_ == "content" && atom) ||
             (fieldLocal_ == "encoded" && fieldUri_ == kContentNamespace)) {
    setIfEmpty(item_.content, value);
  } else if (fieldLocal_ == "pubDate" || (fieldLocal_ == "published" && atom) ||
             (fieldLocal_ == "date" && fieldUri_ == kDublinCoreNamespace)) {
    setIfEmpty(item_.pubDate, value);
  } else if (fieldLocal_ == "updated" && atom) {
    setIfEmpty(item_.updated, value);
  } else if (fieldLocal_ == "category") {
    const std::string* term = findAttribute(fieldAttributes_, "term");
    const std::string category(term != nullptr ? trim(*term) : std::string_view(value));
    if (!category.empty()) item_.categories.push_back(category);
  }

  if (fieldAttributes_.empty()) {
    addRaw(item_.raw, fieldName_, JsonValue(value));
  } else {
    JsonValue element(std::move(fieldAttributes_));
    if (!value.empty()) element.set("text", JsonValue(value));
    addRaw(item_.raw, fieldName_, std::move(element));
  }
  fieldAttributes_.clear();
  fieldText_.clear();
}

}  // namespace hamhub::jdih

#include "shared_strings.h"

#include "xml_stream.h"

namespace hamhub::tabular {

namespace {
constexpr const char* kPart = "xl/sharedStrings.xml";
}  // namespace

Result<SharedStrings> SharedStrings::read(ZipPackage& package, const SharedStringLimits& limits) {
  SharedStrings table;
  if (!package.has(kPart)) return table;
  auto entry = package.openPart(kPart);
  if (!entry) return entry.status();
  XmlStream xml(std::move(entry).value(), "shared strings", package.location());
  // Text of an <si> is its <t>, or the <t> of each rich-text run <r>; phonetic runs (<rPh>)
  // carry readings, not text.
  bool inItem = false;
  int phonetic = 0;
  bool inText = false;
  for (;;) {
    auto event = xml.next();
    if (!event) return event.status();
    if (*event == XmlStream::Event::End) break;
    const std::string_view name = xml.name();
    switch (*event) {
      case XmlStream::Event::StartElement:
        if (name == "si") {
          inItem = true;
        } else if (name == "rPh") {
          ++phonetic;
        } else if (name == "t" && inItem && phonetic == 0) {
          inText = true;
        }
        break;
      case XmlStream::Event::EndElement:
        if (name == "si") {
          inItem = false;
          if (table.size() + 1 > limits.maxCount) {
            return Status::error(package.location().where() + ": the shared strings table has more than " +
                                     std::to_string(limits.maxCount) + " entries",
                                 "too-large");
          }
          table.offsets_.push_back(static_cast<std::uint32_t>(table.text_.size()));
        } else if (name == "rPh") {
          --phonetic;
        } else if (name == "t") {
          inText = false;
        }
        break;
      case XmlStream::Event::Text:
        if (inText) {
          const std::string_view text = xml.text();
          if (table.text_.size() + text.size() > limits.maxBytes) {
            return Status::error(package.location().where() + ": the shared strings table is larger than " +
                                     std::to_string(limits.maxBytes / (1024 * 1024)) + " MiB",
                                 "too-large");
          }
          table.text_.append(text);
        }
        break;
      case XmlStream::Event::End:
        break;
    }
  }
  return table;
}

}  // namespace hamhub::tabular

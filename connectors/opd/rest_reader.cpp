#include "rest_reader.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include "item_rows.h"
#include "item_stream.h"
#include "json_body.h"

namespace hamhub::opd {

namespace {

// What one page held, for the stop and repeat rules.
struct PageOutcome {
  std::size_t items = 0;
  std::string next;
  std::string fingerprint;  // first and last item, to notice a page served twice
};

// URLs in messages without any user info.
std::string shown(const std::string& url) {
  try {
    Poco::URI uri(url);
    uri.setUserInfo("");
    return uri.toString();
  } catch (const Poco::Exception&) {
    return url;
  }
}

HttpRequest requestFor(const RestSettings& settings, const std::string& url) {
  HttpRequest request;
  request.url = url;
  request.headers = settings.headers;
  request.headers.emplace_back("Accept", "application/json");
  request.maxBodyBytes = static_cast<std::uint64_t>(settings.maxPageBytes);
  return request;
}

// Fetches one page and streams its items through `onItem`.
Result<PageOutcome> fetchPage(Context& context, const RestSettings& settings, const std::string& url,
                              const ItemStream::ItemHandler& onItem) {
  PageOutcome outcome;
  std::string first;
  std::string last;
  ItemStream stream(settings.itemsPointer, settings.paging == Paging::Next ? &settings.nextPointer : nullptr,
                    [&](JsonValue&& item) {
                      last = toJson(item);
                      if (first.empty()) first = last;
                      return onItem(std::move(item));
                    });
  JsonBody body(shown(url), stream);
  auto response = context.http().fetch(requestFor(settings, url),
                                       [&body](std::string_view chunk) { return body.consume(chunk); });
  if (!response) return response.status();
  if (response->status < 200 || response->status >= 300) return checkHttpStatus(*response, shown(url));
  if (Status st = body.finish(settings.itemsPointer); !st) return st;
  if (const std::size_t repaired = body.repairedStrings(); repaired > 0) {
    context.log().warn(shown(url) + ": " + std::to_string(repaired) + (repaired == 1 ? " text was" : " texts were") +
                       " not valid UTF-8 and read as Windows-1252; the server should send UTF-8");
  }
  outcome.items = stream.items();
  outcome.next = stream.watched();
  outcome.fingerprint = first + '\n' + last;
  return outcome;
}

}  // namespace

std::string RestReader::pageUrl(std::int64_t pageIndex, const std::string& nextLink, const CursorValue& cursor) const {
  if (settings_.paging == Paging::Next && pageIndex > 0) return Poco::URI(Poco::URI(settings_.url), nextLink).toString();
  Poco::URI uri(settings_.url);
  if (!settings_.cursorParam.empty() && cursor.value())
    uri.addQueryParameter(settings_.cursorParam, scalarText(&*cursor.value()));
  const auto addLimit = [&] {
    if (!settings_.limitParam.empty()) uri.addQueryParameter(settings_.limitParam, std::to_string(settings_.pageSize));
  };
  if (settings_.paging == Paging::Page) {
    uri.addQueryParameter(settings_.pageParam, std::to_string(settings_.firstPage + pageIndex));
    addLimit();
  } else if (settings_.paging == Paging::Offset) {
    uri.addQueryParameter(settings_.offsetParam, std::to_string(pageIndex * settings_.pageSize));
    addLimit();
  }
  return uri.toString();
}

Status RestReader::check(Context& context) const {
  try {
    auto page = fetchPage(context, settings_, pageUrl(0, "", CursorValue()), [](JsonValue&&) { return Status::ok(); });
    return page.status();
  } catch (const Poco::Exception& e) {
    return Status::error(settings_.url + ": " + e.displayText(), "invalid-option");
  }
}

Status RestReader::read(Context& context, CursorValue& cursor, RowConsumer& consumer, BadRows& badRows) const {
  const CursorValue sent = cursor;
  std::string next;
  std::string previousFingerprint;
  std::size_t rows = 0;
  try {
    for (std::int64_t page = 0;; ++page) {
      if (context.cancelled()) return Status::error("harvest cancelled", "cancelled");
      if (page >= settings_.maxPages) {
        return Status::error(shown(settings_.url) + ": the listing goes on beyond max_pages (" +
                                 std::to_string(settings_.maxPages) + " pages); raise max_pages or check the paging options",
                             "too-large");
      }
      const std::string url = pageUrl(page, next, sent);
      std::size_t item = 0;
      auto outcome = fetchPage(context, settings_, url, [&](JsonValue&& value) {
        const std::string position = "page " + std::to_string(page + 1) + ", item " + std::to_string(++item);
        auto row = itemRow(std::move(value), settings_.fields);
        if (!row) return badRows.report("", position, row.status().message());
        row->position = position;
        row->url = url;
        if (!settings_.cursorField.empty()) {
          const JsonValue* mark = row->find(settings_.cursorField);
          if (mark != nullptr && !cursor.advance(*mark)) {
            return badRows.report("", position, "cursor_field " + settings_.cursorField + " has a value of another type");
          }
        }
        ++rows;
        return consumer.row(std::move(row).value());
      });
      if (!outcome) return outcome.status();
      context.log().debug(shown(url) + ": " + std::to_string(outcome->items) + " items");
      if (settings_.paging == Paging::None || outcome->items == 0) break;
      if (settings_.paging == Paging::Next && outcome->next.empty()) break;
      if (outcome->fingerprint == previousFingerprint) {
        return Status::error(shown(url) + ": page " + std::to_string(page + 1) +
                                 " repeats the previous page; the server seems to ignore the paging parameter",
                             "schema-drift");
      }
      previousFingerprint = std::move(outcome->fingerprint);
      next = std::move(outcome->next);
    }
  } catch (const Poco::Exception& e) {
    return Status::error(shown(settings_.url) + ": " + e.displayText(), "invalid-payload");
  }
  context.log().info(shown(settings_.url) + ": " + std::to_string(rows) + " rows read");
  return Status::ok();
}

}  // namespace hamhub::opd

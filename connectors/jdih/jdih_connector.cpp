#include "jdih_connector.h"

#include <optional>
#include <utility>

#include "body_sniffer.h"
#include "document_emitter.h"
#include "document_normaliser.h"
#include "feed_cursor.h"
#include "json_feed_body.h"
#include "rss_feed_body.h"
#include "rss_item_mapper.h"
#include "text_util.h"

namespace hamhub::jdih {

namespace {

// A probe reads this much of the feed, enough to see that it parses and what it holds.
constexpr std::size_t kProbeBytes = 16 * 1024;

constexpr const char* kAcceptJson = "application/json, text/plain;q=0.5, */*;q=0.1";
constexpr const char* kAcceptFeed =
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";

// One streamed request: the response head, or, when the body handler stopped the transfer on
// purpose, a note that it did (the head is then not available; it was a 2xx).
struct Exchange {
  HttpResponse response;
  bool stoppedEarly = false;
};

template <typename Body>
Result<Exchange> exchange(Context& context, const HttpRequest& request, Body& body) {
  auto response =
      context.http().fetch(request, [&body](std::string_view chunk) { return body.consume(chunk); });
  if (!response) {
    if (isReadEnough(response.status())) {
      Exchange stopped;
      stopped.response.status = 200;
      stopped.stoppedEarly = true;
      return stopped;
    }
    return response.status();  // transport errors, and the body's own verdicts, unchanged
  }
  return Exchange{std::move(response.value()), false};
}

bool isSuccess(const HttpResponse& response) { return response.status >= 200 && response.status < 300; }

void warnAboutContentType(Context& context, const std::string& url, const Exchange& exchange,
                          const char* expected) {
  if (exchange.stoppedEarly) return;
  const std::string type = exchange.response.contentType();
  if (toLowerAscii(type).find(expected) != std::string::npos) return;
  context.log().warn(displayUrl(url) + ": the body is " + (std::string(expected) == "json" ? "JSON" : "XML") +
                     " but Content-Type is '" + type + "'; read it anyway");
}

void warnAboutJsonBody(Context& context, const std::string& url, const Exchange& exchange,
                       const JsonFeedBody& body) {
  warnAboutContentType(context, url, exchange, "json");
  if (const std::size_t repaired = body.repairedStrings(); repaired > 0) {
    context.log().warn(displayUrl(url) + ": " + std::to_string(repaired) +
                       (repaired == 1 ? " text was" : " texts were") +
                       " not valid UTF-8 and read as Windows-1252; the site should send UTF-8");
  }
}

std::string firstId(const JsonValue& item) { return scalarText(item.find("idData")); }

}  // namespace

Status JdihConnector::configure(const Options& options) {
  auto settings = readSettings(options);
  if (!settings) return settings.status();
  settings_ = std::move(settings.value());
  configured_ = true;
  return Status::ok();
}

HttpRequest JdihConnector::makeRequest(const std::string& url) const {
  HttpRequest request;
  request.url = url;
  request.username = settings_.username;
  request.password = settings_.password;
  request.headers.emplace_back("Accept", settings_.usesRss() ? kAcceptFeed : kAcceptJson);
  return request;
}

std::string JdihConnector::pageUrl(std::int64_t page) const {
  std::string url = settings_.url;
  const std::size_t fragment = url.find('#');
  if (fragment != std::string::npos) url.resize(fragment);
  url += url.find('?') == std::string::npos ? '?' : '&';
  url += settings_.pageParam + "=" + std::to_string(page);
  if (!settings_.limitParam.empty())
    url += "&" + settings_.limitParam + "=" + std::to_string(settings_.pageSize);
  return url;
}

Status JdihConnector::check(Context& context) {
  if (!configured_) return Status::error("the jdih connector was not configured", "invalid-option");
  const std::string url = settings_.usesRss()      ? settings_.rssUrl
                          : settings_.pageSize > 0 ? pageUrl(settings_.firstPage)
                                                   : settings_.url;
  const HttpRequest request = makeRequest(url);

  if (settings_.usesRss()) {
    RssFeedBody body(
        url, settings_.maintenanceKeywords, [](FeedItem&&) { return Status::ok(); }, kProbeBytes);
    auto result = exchange(context, request, body);
    if (!result) return result.status();
    if (!isSuccess(result->response)) {
      return result->response.notModified()
                 ? Status::ok()
                 : httpStatusError(url, result->response, settings_.maintenanceKeywords);
    }
    return body.finish(result->stoppedEarly);
  }

  // Documents seen in the probe: enough to notice that idData disappeared.
  std::size_t objects = 0;
  std::size_t withId = 0;
  JsonFeedBody body(
      url, settings_.maintenanceKeywords,
      [&](const JsonValue& item, bool) {
        if (item.isObject()) {
          ++objects;
          if (item.find("idData") != nullptr) ++withId;
        }
        return Status::ok();
      },
      kProbeBytes);
  auto result = exchange(context, request, body);
  if (!result) return result.status();
  if (!isSuccess(result->response)) {
    return result->response.notModified()
               ? Status::ok()
               : httpStatusError(url, result->response, settings_.maintenanceKeywords);
  }
  if (Status verdict = body.finish(result->stoppedEarly); !verdict) return verdict;
  if (objects > 0 && withId == 0) {
    return Status::error(displayUrl(url) + ": field idData is missing from every document read (" +
                             std::to_string(objects) + ")",
                         "schema-drift");
  }
  warnAboutJsonBody(context, url, *result, body);
  return Status::ok();
}

Result<HarvestResult> JdihConnector::harvest(Context& context, const Cursor& cursor, RecordSink& sink) {
  if (!configured_) return Status::error("the jdih connector was not configured", "invalid-option");
  if (settings_.usesRss()) return harvestRss(context, cursor, sink);
  if (settings_.pageSize > 0) return harvestPages(context, sink);
  return harvestFeed(context, cursor, sink);
}

Result<HarvestResult> JdihConnector::harvestFeed(Context& context, const Cursor& cursor, RecordSink& sink) {
  const std::string& url = settings_.url;
  HttpRequest request = makeRequest(url);
  FeedCursor::parse(cursor).applyTo(request);

  DocumentEmitter emitter(context, sink, settings_.maxDocuments);
  emitter.setUrl(url);
  JsonFeedBody body(url, settings_.maintenanceKeywords, [&emitter](const JsonValue& item, bool oversized) {
    return emitter.addFeedItem(item, oversized);
  });
  auto result = exchange(context, request, body);
  if (!result) return result.status();
  if (result->response.notModified()) {
    context.log().debug(displayUrl(url) + ": not modified since the last harvest");
    return HarvestResult{cursor, {}};
  }
  if (!isSuccess(result->response))
    return httpStatusError(url, result->response, settings_.maintenanceKeywords);
  if (Status verdict = body.finish(result->stoppedEarly); !verdict) return verdict;
  if (Status verdict = emitter.finish(); !verdict) return verdict;
  warnAboutJsonBody(context, url, *result, body);
  context.log().info(displayUrl(url) + ": " + std::to_string(emitter.items()) + " documents listed, " +
                     std::to_string(emitter.emitted()) + " emitted");
  // The whole feed was read: documents it no longer lists are withdrawn.
  return HarvestResult{FeedCursor::fromResponse(result->response).serialise(), {kDocumentKind}};
}

Result<HarvestResult> JdihConnector::harvestPages(Context& context, RecordSink& sink) {
  DocumentEmitter emitter(context, sink, settings_.maxDocuments);
  const auto pageSize = static_cast<std::size_t>(settings_.pageSize);
  std::string previousFingerprint;
  for (std::int64_t page = settings_.firstPage;; ++page) {
    const std::string url = pageUrl(page);
    emitter.setUrl(url);
    // The first and last idData of the page tell a site that ignores the page parameter.
    std::string firstKey;
    std::string lastKey;
    bool first = true;
    JsonFeedBody body(url, settings_.maintenanceKeywords, [&](const JsonValue& item, bool oversized) {
      lastKey = firstId(item);
      if (std::exchange(first, false)) firstKey = lastKey;
      return emitter.addFeedItem(item, oversized);
    });
    auto result = exchange(context, makeRequest(url), body);
    if (!result) return result.status();
    if (result->response.notModified()) {
      return Status::error(
          displayUrl(url) + ": answered 304 Not Modified to a request that was not conditional",
          "invalid-payload");
    }
    if (!isSuccess(result->response))
      return httpStatusError(url, result->response, settings_.maintenanceKeywords);
    if (Status verdict = body.finish(result->stoppedEarly); !verdict) return verdict;
    warnAboutJsonBody(context, url, *result, body);

    const std::size_t count = body.items();
    context.log().debug(displayUrl(url) + ": " + std::to_string(count) + " documents");
    if (count < pageSize) break;  // a short, empty or `0 results` page is the last
    if (count > pageSize) {
      // The site ignored the limit; what it sent is all there is to page through.
      context.log().warn(displayUrl(url) + ": " + std::to_string(count) + " documents on a page of " +
                         std::to_string(pageSize) + "; the site seems to ignore " + settings_.limitParam +
                         ", so this page is taken as the rest of the feed");
      break;
    }
    const std::string fingerprint = firstKey + '\n' + lastKey;
    if (!firstKey.empty() && fingerprint == previousFingerprint) {
      return Status::error(displayUrl(url) + ": page " + std::to_string(page) + " repeats page " +
                               std::to_string(page - 1) + " (the site seems to ignore " +
                               settings_.pageParam + "); check page_param",
                           "schema-drift");
    }
    previousFingerprint = fingerprint;
  }
  if (Status verdict = emitter.finish(); !verdict) return verdict;
  context.log().info(displayUrl(settings_.url) + ": " + std::to_string(emitter.items()) +
                     " documents listed, " + std::to_string(emitter.emitted()) + " emitted");
  // Pages change while they are read, so validators of one page say nothing about the next run.
  return HarvestResult{FeedCursor{}.serialise(), {kDocumentKind}};
}

Result<HarvestResult> JdihConnector::harvestRss(Context& context, const Cursor& cursor, RecordSink& sink) {
  const std::string& url = settings_.rssUrl;
  HttpRequest request = makeRequest(url);
  FeedCursor::parse(cursor).applyTo(request);

  DocumentEmitter emitter(context, sink, settings_.maxDocuments);
  emitter.setUrl(url);
  RssFeedBody body(url, settings_.maintenanceKeywords, [&emitter](FeedItem&& item) {
    const std::string position = std::to_string(emitter.items() + 1);
    const MappedItem mapped = mapFeedItem(item);
    if (item.oversized) return emitter.rejectItem(mapped.key, "item " + position + " is too large to read");
    if (mapped.key.empty()) return emitter.rejectItem("", "item " + position + " has no guid, id or link");
    return emitter.addMapped(mapped.fields, item.raw);
  });
  auto result = exchange(context, request, body);
  if (!result) return result.status();
  if (result->response.notModified()) {
    context.log().debug(displayUrl(url) + ": not modified since the last harvest");
    return HarvestResult{cursor, {}};
  }
  if (!isSuccess(result->response))
    return httpStatusError(url, result->response, settings_.maintenanceKeywords);
  if (Status verdict = body.finish(result->stoppedEarly); !verdict) return verdict;
  warnAboutContentType(context, url, *result, "xml");
  if (body.repairedEncoding()) {
    context.log().warn(displayUrl(url) +
                       ": the feed is not valid UTF-8 as it says; its stray bytes were read as Windows-1252 "
                       "(the site should send UTF-8, or declare the encoding it uses)");
  }
  context.log().info(displayUrl(url) + ": " + std::to_string(emitter.items()) + " feed items, " +
                     std::to_string(emitter.emitted()) + " emitted");
  // A feed of new documents lists only the latest ones: never a reason to withdraw the rest.
  return HarvestResult{FeedCursor::fromResponse(result->response).serialise(), {}};
}

}  // namespace hamhub::jdih

// hello: fetches a JSON array of objects from `url` and emits one record per object.
//
// It shows everything a connector does: declare options once (the host validates them and
// documents them), check reachability, harvest with a conditional request so an unchanged feed
// costs one request and writes nothing, and hand back a cursor.

#include <iterator>
#include <string>

#include <hamhub/json.h>
#include <hamhub/plugin.h>

namespace {

class HelloConnector : public hamhub::Connector {
 public:
  hamhub::Status configure(const hamhub::Options& options) override {
    url_ = options.getString("url");
    keyField_ = options.getString("key_field");
    kind_ = options.getString("kind");
    if (url_.rfind("http://", 0) != 0 && url_.rfind("https://", 0) != 0) {
      return hamhub::Status::error("url must start with http:// or https://", "invalid-option");
    }
    return hamhub::Status::ok();
  }

  hamhub::Status check(hamhub::Context& context) override {
    auto response = context.http().fetch({.method = "HEAD", .url = url_});
    if (!response.isOk()) return response.status();
    return hamhub::checkHttpStatus(*response, url_);
  }

  hamhub::Result<hamhub::HarvestResult> harvest(hamhub::Context& context, const hamhub::Cursor& cursor,
                                                hamhub::RecordSink& sink) override {
    hamhub::HttpRequest request{.url = url_};
    // The cursor is the ETag of the last harvested version: the server may answer 304.
    if (auto previous = hamhub::parseJson(cursor); previous.isOk() && previous->find("etag") != nullptr) {
      request.ifNoneMatch = previous->find("etag")->asString();
    }
    auto response = context.http().fetch(request);
    if (!response.isOk()) return response.status();
    if (response->notModified()) return hamhub::HarvestResult{cursor, {}};
    if (hamhub::Status status = hamhub::checkHttpStatus(*response, url_); !status) return status;

    auto feed = hamhub::parseJson(response->body);
    if (!feed.isOk()) return hamhub::Status::error(url_ + ": " + feed.status().message(), "invalid-payload");
    if (!feed->isArray()) return hamhub::Status::error(url_ + ": expected a JSON array", "invalid-payload");

    for (const auto& item : feed->asArray()) {
      if (context.cancelled()) return hamhub::Status::error("cancelled", "cancelled");
      const hamhub::JsonValue* key = item.find(keyField_);
      if (key == nullptr || !(key->isString() || key->isInteger())) {
        sink.reject("", "an item has no '" + keyField_ + "'");
        continue;
      }
      hamhub::Record record;
      record.kind = kind_;
      record.key = key->isString() ? key->asString() : std::to_string(key->asInt());
      record.url = url_;
      record.payload = hamhub::toJson(item);
      if (hamhub::Status emitted = sink.emit(std::move(record)); !emitted) return emitted;
    }
    hamhub::JsonWriter next;
    next.beginObject().key("etag").value(response->header("ETag")).endObject();
    // The feed lists everything, so items it no longer lists are withdrawn.
    return hamhub::HarvestResult{next.take(), {kind_}};
  }

 private:
  std::string url_;
  std::string keyField_;
  std::string kind_;
};

constexpr hamhub::OptionSpec kOptions[] = {
    {"url", hamhub::OptionType::String, true, false, nullptr, "URL of a JSON array of objects"},
    {"key_field", hamhub::OptionType::String, false, false, "\"id\"", "member that identifies an item"},
    {"kind", hamhub::OptionType::String, false, false, "\"hello.item\"", "record kind to emit"},
};

constexpr hamhub::PluginManifest kManifest = {
    HAMHUB_MANIFEST_HEADER,
    "hello",
    hamhub::PluginKind::Connector,
    "1.0.0",
    "Example: one record per object of a JSON array served over HTTP",
    kOptions,
    std::size(kOptions),
};

}  // namespace

HAMHUB_EXPORT_CONNECTOR(HelloConnector, kManifest)

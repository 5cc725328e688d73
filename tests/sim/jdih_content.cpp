#include "jdih_content.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <optional>
#include <stdexcept>
#include <utility>

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>

#include "rng.h"

namespace hamhub::sim {

namespace {

std::string xmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

Poco::Timestamp dateOf(const std::string& ymd) {
  int y = 0, m = 0, d = 0;
  if (std::sscanf(ymd.c_str(), "%d-%d-%d", &y, &m, &d) != 3 || !Poco::DateTime::isValid(y, m, d)) {
    return Poco::DateTime(2000, 1, 1).timestamp();
  }
  return Poco::DateTime(y, m, d).timestamp();
}

// The newest documents by tanggal_pengundangan (then id), newest first.
std::vector<const JsonValue*> newest(const std::vector<JsonValue>& documents, std::size_t count) {
  std::vector<const JsonValue*> order;
  order.reserve(documents.size());
  for (const auto& d : documents) order.push_back(&d);
  auto key = [](const JsonValue* d) {
    const std::string id = memberText(*d, "idData");
    return std::make_pair(memberText(*d, "tanggal_pengundangan"),
                          std::string(12 - std::min<std::size_t>(12, id.size()), '0') + id);
  };
  const std::size_t n = std::min(count, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(),
                    [&](const JsonValue* a, const JsonValue* b) { return key(a) > key(b); });
  order.resize(n);
  return order;
}

std::string rss(const JdihGenerator& g, const std::vector<const JsonValue*>& entries, Poco::Timestamp lastModified) {
  const std::string name(g.region().name);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n";
  out += "<title>JDIH " + xmlEscape(name) + "</title>\n<link>" + xmlEscape(g.origin()) + "/</link>\n";
  out += "<description>Produk hukum terbaru Jaringan Dokumentasi dan Informasi Hukum " + xmlEscape(name) +
         "</description>\n<language>id</language>\n";
  out += "<lastBuildDate>" + Poco::DateTimeFormatter::format(lastModified, Poco::DateTimeFormat::RFC1123_FORMAT) +
         "</lastBuildDate>\n";
  for (const JsonValue* d : entries) {
    const std::string link = memberText(*d, "urlDetailPeraturan");
    const std::string abstrak = memberText(*d, "abstrak");
    out += "<item>\n<title>" + xmlEscape(memberText(*d, "judul")) + "</title>\n<link>" + xmlEscape(link) + "</link>\n";
    out += "<guid isPermaLink=\"true\">" + xmlEscape(link) + "</guid>\n";
    out += "<category>" + xmlEscape(memberText(*d, "jenis")) + "</category>\n";
    out += "<pubDate>" +
           Poco::DateTimeFormatter::format(dateOf(memberText(*d, "tanggal_pengundangan")),
                                           Poco::DateTimeFormat::RFC1123_FORMAT) +
           "</pubDate>\n";
    out += "<description>" + xmlEscape(abstrak.empty() || abstrak == "-" ? memberText(*d, "judul") : abstrak) +
           "</description>\n</item>\n";
  }
  out += "</channel>\n</rss>\n";
  return out;
}

std::string atom(const JdihGenerator& g, const std::vector<const JsonValue*>& entries, Poco::Timestamp lastModified) {
  const std::string name(g.region().name);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  out += "<title>JDIH " + xmlEscape(name) + "</title>\n<id>" + xmlEscape(g.origin()) + "/</id>\n";
  out += "<link href=\"" + xmlEscape(g.origin()) + "/\"/>\n<updated>" +
         Poco::DateTimeFormatter::format(lastModified, Poco::DateTimeFormat::ISO8601_FORMAT) + "</updated>\n";
  out += "<author><name>Bagian Hukum Sekretariat Daerah " + xmlEscape(name) + "</name></author>\n";
  for (const JsonValue* d : entries) {
    const std::string link = memberText(*d, "urlDetailPeraturan");
    out += "<entry>\n<title>" + xmlEscape(memberText(*d, "judul")) + "</title>\n<id>" + xmlEscape(link) + "</id>\n";
    out += "<link href=\"" + xmlEscape(link) + "\"/>\n<updated>" +
           Poco::DateTimeFormatter::format(dateOf(memberText(*d, "tanggal_pengundangan")),
                                           Poco::DateTimeFormat::ISO8601_FORMAT) +
           "</updated>\n<category term=\"" + xmlEscape(memberText(*d, "jenis")) + "\"/>\n";
    const std::string abstrak = memberText(*d, "abstrak");
    if (!abstrak.empty() && abstrak != "-") out += "<summary>" + xmlEscape(abstrak) + "</summary>\n";
    out += "</entry>\n";
  }
  out += "</feed>\n";
  return out;
}

// An ordinary home page; deliberately free of maintenance wording.
std::string home(const JdihGenerator& g, const std::vector<const JsonValue*>& entries, std::size_t total) {
  const std::string name = xmlEscape(g.region().name);
  std::string out = "<!DOCTYPE html>\n<html lang=\"id\">\n<head><meta charset=\"utf-8\"><title>JDIH " + name +
                    "</title></head>\n<body>\n<header><h1>Jaringan Dokumentasi dan Informasi Hukum</h1>\n<h2>" + name +
                    "</h2>\n<nav><a href=\"/\">Beranda</a> | <a href=\"produk-hukum\">Produk Hukum</a> | "
                    "<a href=\"feed.rss\">RSS</a> | <a href=\"integrasi/jdihn\">Integrasi JDIHN</a></nav></header>\n";
  out += "<main>\n<h3>Produk Hukum Terbaru</h3>\n<ul>\n";
  for (std::size_t i = 0; i < entries.size() && i < 5; ++i) {
    out += "<li><a href=\"" + xmlEscape(memberText(*entries[i], "urlDetailPeraturan")) + "\">" +
           xmlEscape(memberText(*entries[i], "judul")) + "</a></li>\n";
  }
  out += "</ul>\n<p>Jumlah dokumen: " + std::to_string(total) + "</p>\n</main>\n";
  out += "<footer>&copy; Bagian Hukum Sekretariat Daerah " + name + "</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace

std::string memberText(const JsonValue& object, std::string_view key) {
  const JsonValue* v = object.find(key);
  if (v == nullptr || v->isNull()) return "";
  if (v->isString()) return v->asString();
  if (v->isInteger()) return std::to_string(v->asInt());
  return toJson(*v);
}

JdihContent::JdihContent(JdihGenerator generator, std::size_t documents, Poco::Timestamp lastModified)
    : generator_(std::move(generator)), nextIndex_(documents) {
  std::vector<JsonValue> docs;
  docs.reserve(documents);
  for (std::size_t n = 0; n < documents; ++n) docs.push_back(generator_.document(n));
  if (generator_.profile().newestFirst) std::reverse(docs.begin(), docs.end());
  snapshot_ = build(docs, 0, lastModified);
}

std::shared_ptr<const ContentSnapshot> JdihContent::snapshot() const {
  std::lock_guard lock(mutex_);
  return snapshot_;
}

std::shared_ptr<const ContentSnapshot> JdihContent::build(const std::vector<JsonValue>& documents,
                                                          std::uint64_t version, Poco::Timestamp lastModified) const {
  auto snapshot = std::make_shared<ContentSnapshot>();
  snapshot->version = version;

  Payload feed;
  feed.contentType = "application/json; charset=UTF-8";
  feed.items.reserve(documents.size());
  feed.body.reserve(documents.size() * 900 + 2);
  feed.body += '[';
  for (const auto& d : documents) {
    if (feed.items.size() > 0) feed.body += ',';
    const std::size_t start = feed.body.size();
    feed.body += toJson(d);
    feed.items.emplace_back(start, feed.body.size() - start);
  }
  feed.body += ']';

  const auto latest = newest(documents, kFeedEntries);
  Payload rssPage{rss(generator_, latest, lastModified), "application/rss+xml; charset=UTF-8", {}, {}, {}, {}, {}};
  Payload atomPage{atom(generator_, latest, lastModified), "application/atom+xml; charset=UTF-8", {}, {}, {}, {}, {}};
  Payload homePage{home(generator_, latest, documents.size()), "text/html; charset=UTF-8", {}, {}, {}, {}, {}};
  for (Payload* p : {&feed, &rssPage, &atomPage, &homePage}) {
    p->etag = etagOf(p->body);
    p->lastModified = lastModified;
  }
  snapshot->pages.emplace(kFeedPath, std::move(feed));
  snapshot->pages.emplace(kRssPath, std::move(rssPage));
  snapshot->pages.emplace(kAtomPath, std::move(atomPage));
  snapshot->pages.emplace("/", std::move(homePage));
  return snapshot;
}

MutationResult JdihContent::mutate(const Mutation& mutation) {
  std::lock_guard lock(mutex_);
  const Payload* feed = &snapshot_->at(kFeedPath);
  JsonParseOptions options;
  options.maxBytes = feed->body.size() + 1;
  auto parsed = parseJson(feed->body, options);
  if (!parsed.isOk()) throw std::logic_error("simulator feed does not parse: " + parsed.status().message());
  std::vector<JsonValue> docs = std::move(parsed->asArray());

  const std::uint64_t version = snapshot_->version + 1;
  Rng rng = Rng::forKeys({fnv1a64(feed->body), version});
  MutationResult result;

  // Changes and removals pick among the documents that were there before this mutation.
  DistinctPicker untouched(docs.size(), rng);
  for (int k = 0; k < mutation.change; ++k) {
    auto index = untouched.next();
    if (!index) break;
    JsonValue& d = docs[*index];
    const std::string status = memberText(d, "status");
    static constexpr const char* kEnded[] = {"Dicabut", "Diubah", "Tidak Berlaku"};
    d.set("status", status == "Berlaku" ? JsonValue(rng.pick(kEnded)) : JsonValue("Berlaku"));
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "2025-07-%02d %02d:%02d:00", static_cast<int>(1 + version % 28),
                  rng.between(7, 17), rng.between(0, 59));
    for (const char* key : {"lastUpdated", "last_updated"}) {
      if (d.find(key) != nullptr) d.set(key, stamp);
    }
    result.changed.push_back(memberText(d, "idData"));
  }
  std::vector<std::size_t> removed;
  for (int k = 0; k < mutation.remove; ++k) {
    auto index = untouched.next();
    if (!index) break;
    result.removed.push_back(memberText(docs[*index], "idData"));
    removed.push_back(*index);
  }
  std::sort(removed.rbegin(), removed.rend());
  for (std::size_t index : removed) docs.erase(docs.begin() + static_cast<std::ptrdiff_t>(index));
  for (int k = 0; k < mutation.add; ++k) {
    JsonValue d = generator_.document(nextIndex_++);
    result.added.push_back(memberText(d, "idData"));
    if (generator_.profile().newestFirst) {
      docs.insert(docs.begin(), std::move(d));
    } else {
      docs.push_back(std::move(d));
    }
  }

  // HTTP dates count whole seconds: a change must move Last-Modified by at least one, or a client's
  // If-Modified-Since would still match.
  const std::time_t previous = snapshot_->at(kFeedPath).lastModified.epochTime();
  const Poco::Timestamp lastModified =
      Poco::Timestamp::fromEpochTime(std::max(Poco::Timestamp().epochTime(), previous + 1));
  auto next = build(docs, version, lastModified);
  snapshot_ = std::move(next);
  return result;
}

std::string JdihContent::extraItem(std::uint64_t n) const { return toJson(generator_.document(10'000'000ULL + n)); }

}  // namespace hamhub::sim

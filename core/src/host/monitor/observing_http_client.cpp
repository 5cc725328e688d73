#include "host/monitor/observing_http_client.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Exception.h>
#include <Poco/Timestamp.h>

#include <algorithm>
#include <cctype>
#include <regex>

namespace hamhub::host {

namespace {

constexpr std::size_t kHeadBytes = 4096;

}  // namespace

std::optional<std::chrono::seconds> parseRetryAfter(const std::string& value) {
  // Poco's parser accepts nearly anything; only the IMF-fixdate form servers send is read.
  static const std::regex kHttpDate(R"([A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT)");
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c) != 0; })) {
    if (value.size() > 9) return std::chrono::seconds(999999999);
    return std::chrono::seconds(std::stoll(value));
  }
  if (!std::regex_match(value, kHttpDate)) return std::nullopt;
  try {
    int tz = 0;
    const Poco::DateTime when = Poco::DateTimeParser::parse(Poco::DateTimeFormat::HTTP_FORMAT, value, tz);
    const auto delta = (when.timestamp() - Poco::Timestamp()) / Poco::Timestamp::resolution() - tz;
    return std::chrono::seconds(std::max<Poco::Timestamp::TimeDiff>(0, delta));
  } catch (const Poco::Exception&) {
    return std::nullopt;
  }
}

ObservingHttpClient::ObservingHttpClient(std::unique_ptr<HttpClient> inner, Observer onResponse)
    : inner_(std::move(inner)), onResponse_(std::move(onResponse)) {}

Result<HttpResponse> ObservingHttpClient::fetch(const HttpRequest& request) {
  auto response = inner_->fetch(request);
  observe(response);
  if (onResponse_) onResponse_(last_);
  return response;
}

Result<HttpResponse> ObservingHttpClient::fetch(const HttpRequest& request, const HttpBodyHandler& onBody) {
  std::string head;
  bool streamed = false;
  auto response = inner_->fetch(request, [&](std::string_view chunk) {
    streamed = true;
    if (head.size() < kHeadBytes) head.append(chunk.substr(0, kHeadBytes - head.size()));
    return onBody(chunk);
  });
  observe(response);
  if (!response.isOk() && streamed) {
    // A connector that has read enough (a probe reads only the start of a feed) ends the
    // transfer from its handler, which turns the result into an error without the response.
    // Only 2xx bodies are streamed, and sites answer such a GET with 200.
    last_.status = 200;
  }
  if (last_.bodyHead.empty()) last_.bodyHead = std::move(head);
  if (onResponse_) onResponse_(last_);
  return response;
}

void ObservingHttpClient::observe(const Result<HttpResponse>& response) {
  last_ = {};
  if (!response.isOk()) return;
  last_.status = response->status;
  last_.elapsedMs = response->elapsedMs;
  last_.retryAfter = parseRetryAfter(response->header("Retry-After"));
  last_.bodyHead = response->body.substr(0, kHeadBytes);
}

}  // namespace hamhub::host

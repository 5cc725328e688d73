#include "host/http/redact_url.h"

namespace hamhub::host {

std::string redactUrl(std::string_view url) {
  // Works on text rather than Poco::URI so that it never throws and also cleans URLs that
  // failed to parse — those are exactly the ones that end up in error messages.
  const auto schemeEnd = url.find("://");
  if (schemeEnd == std::string_view::npos) return std::string(url);
  const auto authorityBegin = schemeEnd + 3;
  auto authorityEnd = url.find_first_of("/?#", authorityBegin);
  if (authorityEnd == std::string_view::npos) authorityEnd = url.size();
  const auto at = url.substr(authorityBegin, authorityEnd - authorityBegin).rfind('@');
  if (at == std::string_view::npos) return std::string(url);
  std::string out(url.substr(0, authorityBegin));
  out += url.substr(authorityBegin + at + 1);
  return out;
}

}  // namespace hamhub::host

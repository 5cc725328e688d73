#pragma once

#include <string>
#include <string_view>

namespace hamhub::host {

/// The URL without its userinfo ("user:password@"), fit for messages, logs and stored provenance.
std::string redactUrl(std::string_view url);

}  // namespace hamhub::host

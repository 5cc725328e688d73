#include "host/store/poco_error.h"

#include <Poco/Exception.h>

#include <array>

namespace hamhub::host {
namespace {

// Poco appends the whole SQL to some messages; a multi-row INSERT would fill a screen.
constexpr std::size_t kMaxDetail = 400;

constexpr std::array<std::string_view, 8> kNoisePrefixes{
    "Connection attempt failed: ",
    "PostgreSQL: ",
    "[PostgreSQL]: ",
    "postgresql_stmt_execute error: ",
    "postgresql_stmt_prepare error: ",
    "postgresql_stmt_describe error: ",
    "Connection Error: ",
    "ERROR: ",
};

}  // namespace

std::string exceptionText(const std::exception& e) {
  const auto* poco = dynamic_cast<const Poco::Exception*>(&e);
  const std::string raw = poco != nullptr ? poco->displayText() : std::string(e.what());

  std::string text;
  text.reserve(raw.size());
  for (const char c : raw) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!text.empty() && text.back() != ' ') text.push_back(' ');
    } else {
      text.push_back(c);
    }
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  if (const auto tail = text.find(" Severity: "); tail != std::string::npos) text.resize(tail);

  std::string_view view(text);
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (const std::string_view prefix : kNoisePrefixes) {
      if (view.starts_with(prefix)) {
        view.remove_prefix(prefix.size());
        stripped = true;
      }
    }
  }
  std::string out = view.empty() ? std::string(raw) : std::string(view);
  if (out.size() > kMaxDetail) out = out.substr(0, kMaxDetail) + "…";
  return out;
}

Status storeError(std::string_view store, std::string_view operation, std::string_view detail) {
  return Status::error(
      "store " + std::string(store) + ": " + std::string(operation) + " failed: " + std::string(detail),
      "store");
}

}  // namespace hamhub::host

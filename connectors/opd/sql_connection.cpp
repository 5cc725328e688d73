#include "sql_connection.h"

#include <cctype>

namespace hamhub::opd {

namespace {

constexpr std::string_view kSupported = "supported: sqlite:PATH and postgresql:KEY=VALUE …";

// RFC 3986 percent-encoding for the path of an SQLite `file:` URI; '/' stays a separator.
std::string uriPath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

bool hasPrefix(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

}  // namespace

Result<SqlTarget> parseConnection(std::string_view connection) {
  SqlTarget target;
  if (hasPrefix(connection, "sqlite:")) {
    const std::string_view path = connection.substr(7);
    if (path.empty()) return Status::error("connection sqlite: needs a file path", "invalid-option");
    target.backend = SqlBackend::Sqlite;
    target.connect = "file:" + uriPath(path) + "?mode=ro";
    target.display = std::string(path);
    return target;
  }
  if (hasPrefix(connection, "postgresql:")) {
    const std::string_view rest = connection.substr(11);
    // Poco's PostgreSQL connector takes only libpq keywords split on spaces, no URI.
    if (rest.empty() || rest.substr(0, 2) == "//" || rest.find('=') == std::string_view::npos) {
      return Status::error("connection postgresql: needs libpq keywords, e.g. postgresql:host=127.0.0.1 port=5432 "
                           "dbname=opd user=reader password=${OPD_PG_PASSWORD} (no URI form)",
                           "invalid-option");
    }
    target.backend = SqlBackend::Postgres;
    target.connect = std::string(rest);
    target.display = "PostgreSQL";
    return target;
  }
  for (const char* refused : {"mysql:", "odbc:"}) {
    if (hasPrefix(connection, refused)) {
      return Status::error(std::string("connection ") + refused + " is not supported by the opd connector (" +
                               std::string(kSupported) + ")",
                           "invalid-option");
    }
  }
  return Status::error("connection must start with a backend (" + std::string(kSupported) + ")",
                       "invalid-option");
}

}  // namespace hamhub::opd

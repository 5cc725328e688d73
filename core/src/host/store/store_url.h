#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "hamhub/status.h"
#include "host/store/store_types.h"

namespace hamhub::host {

/// Where a store lives, worked out from its URL before anything is opened.
struct StoreLocation {
  Backend backend = Backend::Sqlite;
  std::string pocoConnector;         // "SQLite" | "PostgreSQL"
  std::string connectString;         // for Poco::Data::Session: a file path, or libpq keywords
  std::filesystem::path sqlitePath;  // SQLite only: absolute
  std::string description;           // for messages: the URL with any password masked
};

/// Accepts `sqlite:PATH` (a relative PATH is taken relative to baseDir) and PostgreSQL as
/// `postgresql://user:pass@host:port/db?param=value`, `postgres://…`, or `postgresql:` followed by
/// libpq keywords (`postgresql:host=127.0.0.1 port=5433 dbname=hamhub user=hub`). Errors have
/// reason `invalid-config` and never show a password.
Result<StoreLocation> parseStoreUrl(std::string_view url, const std::filesystem::path& baseDir);

/// The URL with the password of `scheme://user:password@…` and any `password=…` replaced by `***`.
std::string maskStoreUrl(std::string_view url);

}  // namespace hamhub::host

#pragma once

// The dashboard's static files, embedded into the hub at build time (cmake/EmbedWebAssets.cmake
// from core/web/): the binary always serves the dashboard of its own API version, and no URL
// path ever reaches the file system.

#include <cstddef>
#include <string>
#include <string_view>

namespace hamhub::host {

struct EmbeddedFile {
  std::string_view name;  // "app.js"
  std::string_view body;
};

// Defined in the generated web_assets_data.cpp.
extern const EmbeddedFile kEmbeddedWebFiles[];
extern const std::size_t kEmbeddedWebFileCount;

struct WebAsset {
  std::string contentType;
  std::string_view body;
};

/// The file served at `path` ("/" is index.html), or nullptr.
const WebAsset* findWebAsset(std::string_view path);

}  // namespace hamhub::host

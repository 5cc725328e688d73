#include "host/api/web_assets.h"

#include <map>
#include <string>

namespace hamhub::host {

namespace {

std::string contentTypeOf(std::string_view name) {
  const auto dot = name.rfind('.');
  const std::string_view ext = dot == std::string_view::npos ? std::string_view() : name.substr(dot + 1);
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "js") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "svg") return "image/svg+xml";
  return "application/octet-stream";
}

const std::map<std::string, WebAsset, std::less<>>& assets() {
  static const auto kAssets = [] {
    std::map<std::string, WebAsset, std::less<>> out;
    for (std::size_t i = 0; i < kEmbeddedWebFileCount; ++i) {
      const EmbeddedFile& f = kEmbeddedWebFiles[i];
      out["/" + std::string(f.name)] = WebAsset{contentTypeOf(f.name), f.body};
    }
    if (const auto index = out.find("/index.html"); index != out.end()) out["/"] = index->second;
    return out;
  }();
  return kAssets;
}

}  // namespace

const WebAsset* findWebAsset(std::string_view path) {
  const auto& all = assets();
  const auto it = all.find(path);
  return it == all.end() ? nullptr : &it->second;
}

}  // namespace hamhub::host

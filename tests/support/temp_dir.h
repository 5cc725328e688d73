#pragma once

#include <filesystem>
#include <fstream>
#include <string>

namespace hamhub::test {

/// A fresh directory under the system temp dir, removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

  /// Writes `content` to `relative` (creating parent directories) and returns its full path.
  std::filesystem::path write(const std::string& relative, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

/// Directory of the fixture plugins built by tests/plugins (good/, bad/, dup/).
std::filesystem::path fixturePluginDir(const std::string& which);

/// The hub's own plugin directory in the build tree.
std::filesystem::path builtPluginDir();

/// A path inside the source tree (e.g. "config/regions").
std::filesystem::path sourcePath(const std::string& relative);

}  // namespace hamhub::test

#include "support/temp_dir.h"

#include <unistd.h>

#include <random>

namespace hamhub::test {

TempDir::TempDir() {
  std::random_device rd;
  const auto base = std::filesystem::temp_directory_path();
  for (;;) {
    path_ = base / ("hamhub-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
    if (std::filesystem::create_directory(path_)) break;
  }
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::filesystem::path TempDir::write(const std::string& relative, const std::string& content) const {
  const auto file = path_ / relative;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << content;
  return file;
}

std::filesystem::path fixturePluginDir(const std::string& which) {
  return std::filesystem::path(HAMHUB_BINARY_DIR) / "tests" / "plugin-fixtures" / which;
}

std::filesystem::path builtPluginDir() { return std::filesystem::path(HAMHUB_BINARY_DIR) / "lib" / "hamhub" / "plugins"; }

std::filesystem::path sourcePath(const std::string& relative) {
  return std::filesystem::path(HAMHUB_SOURCE_DIR) / relative;
}

}  // namespace hamhub::test

#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace hamhub::test {

struct ProcessResult {
  int exitCode = -1;
  std::string out;
  std::string err;
};

/// Path of the built `hamhub` binary.
std::filesystem::path hamhubBinary();

/// Runs `program args…` to completion with extra environment variables; captures both streams.
ProcessResult runProcess(const std::filesystem::path& program, const std::vector<std::string>& args,
                         const std::map<std::string, std::string>& env = {});

/// Runs the built hamhub.
ProcessResult runHamhub(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {});

}  // namespace hamhub::test

#include "support/hamhub_process.h"

#include <sstream>
#include <thread>

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

namespace hamhub::test {

std::filesystem::path hamhubBinary() { return std::filesystem::path(HAMHUB_BINARY_DIR) / "bin" / "hamhub"; }

ProcessResult runProcess(const std::filesystem::path& program, const std::vector<std::string>& args,
                         const std::map<std::string, std::string>& env) {
  Poco::Pipe outPipe;
  Poco::Pipe errPipe;
  Poco::Process::Env environment(env.begin(), env.end());
  Poco::ProcessHandle handle = Poco::Process::launch(program.string(), args, std::string(), nullptr, &outPipe,
                                                     &errPipe, environment);
  ProcessResult result;
  // Drain both pipes at once so a chatty child never blocks on a full pipe.
  std::thread errReader([&] {
    Poco::PipeInputStream in(errPipe);
    Poco::StreamCopier::copyToString(in, result.err);
  });
  Poco::PipeInputStream in(outPipe);
  Poco::StreamCopier::copyToString(in, result.out);
  errReader.join();
  result.exitCode = handle.wait();
  return result;
}

ProcessResult runHamhub(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
  return runProcess(hamhubBinary(), args, env);
}

}  // namespace hamhub::test

#include "cli/parallel_progress.h"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

namespace hamhub::cli {

bool showProgress(bool tableFormat, std::size_t items) {
  return isatty(STDERR_FILENO) != 0 && tableFormat && items > 1;
}

void runInParallel(std::size_t count, std::size_t threads, bool progress, const std::atomic<bool>& stop,
                   const std::function<std::string(std::size_t)>& work) {
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;
  std::mutex progressMutex;
  const auto worker = [&] {
    for (std::size_t i = next++; i < count && !stop; i = next++) {
      const std::string label = work(i);
      if (progress) {
        std::lock_guard lock(progressMutex);
        std::cerr << "\r\033[K[" << ++done << "/" << count << "] " << label << std::flush;
      }
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < std::min(count, threads); ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (progress) std::cerr << "\r\033[K" << std::flush;
}

}  // namespace hamhub::cli

#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>

namespace hamhub::cli {

/// Runs `work(i)` for i in [0, count) on up to `threads` threads (the caller's included), until
/// `stop` is set. When `progress`, each finished item is shown on stderr as "[done/count] label",
/// overwriting the line, which is cleared at the end. `work` returns the label.
void runInParallel(std::size_t count, std::size_t threads, bool progress, const std::atomic<bool>& stop,
                   const std::function<std::string(std::size_t)>& work);

/// Progress lines only for people: stderr is a terminal and the output is the table.
bool showProgress(bool tableFormat, std::size_t items);

}  // namespace hamhub::cli

#include "bad_rows.h"

#include <string>

namespace hamhub::opd {

Status BadRows::report(std::string_view key, std::string_view position, std::string_view problem) {
  ++count_;
  std::string message = std::string(position) + ": " + std::string(problem);
  if (policy_ == BadRowPolicy::Skip) {
    sink_.reject(key.empty() ? position : key, message);
    return Status::ok();
  }
  return Status::error(message + " (on_bad_row is reject: the run stores nothing; fix the source or set "
                                 "on_bad_row to skip)",
                       "invalid-row");
}

}  // namespace hamhub::opd

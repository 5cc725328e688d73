#pragma once

#include <chrono>
#include <cstdint>

#include "hamhub/status.h"

namespace hamhub::host {

class Store;

/// Closes runs left `running` by a hub that is gone (killed, crashed, host rebooted), so no run
/// stays running forever: on this host, runs whose process no longer exists; on other hosts
/// sharing a PostgreSQL store, runs older than `runTimeout` plus `grace` (their own hub would
/// have timed them out by then). Each ends `failed` with reason `interrupted`; the records they
/// wrote before their last checkpoint stay, nothing after it was ever committed.
/// Returns how many were closed.
Result<int> closeStaleRuns(Store& store, std::chrono::seconds runTimeout, std::chrono::seconds grace);

}  // namespace hamhub::host

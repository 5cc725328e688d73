#pragma once

#include <ostream>

#include "cli/session.h"

namespace hamhub::cli {

/// The demo's closing summary for Kanwil Sumsel (province 16): sources harvested, JDIH metadata,
/// predicates per instrument, and the open alerts, the critical ones listed.
void printDemoSummary(std::ostream& out, Session& session, const std::string& hubFile);

}  // namespace hamhub::cli

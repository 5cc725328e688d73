#pragma once

#include <filesystem>
#include <string>

#include "hamhub/status.h"

namespace hamhub::cli {

/// The two bearer tokens the demo prints: a Kanwil Sumsel viewer and operator (region 16).
struct DemoTokens {
  std::string viewer;
  std::string operatorToken;
};

/// What the demo's hub file says besides the store and the sources directory.
struct DemoHubSettings {
  std::filesystem::path regionsDir;   // the catalogue and criteria of the configuration in use
  std::filesystem::path criteriaDir;
  std::string listen;                 // HOST:PORT of the API and dashboard
  std::string asOf;                   // the replayed date
  DemoTokens tokens;
};

/// Writes DIR/hamhub.json: a fresh SQLite store in DIR, DIR/sources.d, the given catalogue and
/// criteria, the API with the two tokens, and the replay date.
Status writeDemoHub(const std::filesystem::path& dir, const DemoHubSettings& settings);

/// Writes DIR/opd.db, a regional OPD database (SQLite) with Kota Palembang's population-service
/// counts and the P2HAM declarations of Sumatera Selatan's units, and two `opd` sql sources reading
/// it into DIR/sources.d.
Status writeDemoOpdDatabase(const std::filesystem::path& dir);

/// Random hex: the demo's tokens are made at each start, never shipped.
std::string randomToken();

}  // namespace hamhub::cli

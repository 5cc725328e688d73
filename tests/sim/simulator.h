#pragma once

/// @file simulator.h
/// @brief hamhub-sim as a library: simulated regional JDIH sites on 127.0.0.1, for tests, the demo
///        and benchmarks.
///
/// Usage:
///   hamhub::sim::Simulator sim(hamhub::sim::sumselScenario(100));
///   sim.start();                                   // binds 127.0.0.1:0 unless options.port is set
///   auto url = sim.siteUrl(*sim.findSite("16.73")); // http://127.0.0.1:P/jdih/16.73/integrasi/jdihn
///   sim.setBehaviour(0, hamhub::sim::Behaviour::kEtag);
///   sim.mutate(0, {.add = 2, .change = 1, .remove = 1});
///   sim.requests(0);
///
/// Over HTTPS: set `options.tls = TlsMode::kSelfSigned` (or kExpired); start() makes the certificate,
/// baseUrl() and every URL then start with https://, and certificateFile() is the PEM a client trusts
/// as its CA.
///
/// All content is generated in the constructor from (seed, site index) and served from memory.
/// Thread-safety: every member may be called from any thread while the server runs.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "behaviour.h"
#include "hamhub/json.h"
#include "site_content.h"
#include "tls_certificate.h"

namespace hamhub::sim {

/// One simulated site: a path prefix + a behaviour + a content generator.
struct SiteSpec {
  std::string label;             ///< printed first and used in the source id: "16.73" or "site3"
  std::string subject;           ///< Kemendagri region code of the kab/kota it plays, e.g. "16.73"
  std::string prefix;            ///< "/jdih/16.73" or "/site3" (no trailing slash)
  std::string content = "jdih";  ///< "jdih" or an export kind: "kkpham", "ranham", "opd", "skm"
  std::size_t documents = 400;
  SiteBehaviour behaviour;
  std::string host;  ///< host name written into document URLs; empty: "jdih." + the region's domain
};

struct SimOptions {
  std::string bindAddress = "127.0.0.1";
  std::uint16_t port = 0;  ///< 0: an ephemeral port, see Simulator::port()
  std::uint64_t seed = 16;
  double incompleteShare = 0.1;  ///< share of documents missing mandatory metadata
  int threads = 64;              ///< HTTP worker threads (one per open connection)
  TlsMode tls = TlsMode::kNone;  ///< HTTPS with a certificate made at start() (see tls_certificate.h)
  std::vector<SiteSpec> sites;
};

/// `sites` sites at /site0 … /site{N-1} (paths of the reference nginx), `documents` each, all
/// `normal`; they play Sumatera Selatan's 17 kab/kota in turn.
SimOptions genericScenario(std::size_t sites, std::size_t documents, std::uint64_t seed = 16);

/// The 17 kab/kota of Sumatera Selatan at /jdih/CODE (label = code), Kota Lubuk Linggau (16.73) in
/// `maintenance-503` (DOMAIN.md: its JDIH was down for maintenance), the others `normal`.
SimOptions sumselScenario(std::size_t documents = 400, std::uint64_t seed = 16);

/// Adds the application exports of Kanwil Sumsel's other sources: the KKPHAM export (/kkpham,
/// label kkpham-16), the SAPA-HAM Aksi HAM export (/sapaham, ranham-16), Kota Palembang's
/// Disdukcapil REST API (/opd/16.71, paged 25 per page) and its SKM survey export (/skm/16.71).
void addExportSites(SimOptions& options);

/// Reads a scenario file (JSON, comments allowed):
///   {"scenario": "sumsel" | "generic", "sites": 17 | [SITE...], "docs": 400, "seed": 16,
///    "exports": false, "behaviours": {"16.73": "maintenance-503", "3": {"name": "slow", "delay_ms": 500}}}
/// where SITE is {"label"?, "subject", "content"?, "prefix"?, "docs"?, "behaviour"?, "host"?};
/// "exports": true adds addExportSites(). Keys of "behaviours" are site labels or indexes, or "*"
/// for every site (applied first, wherever it stands, so named sites override it).
/// Throws std::runtime_error / std::invalid_argument.
SimOptions loadScenario(const std::filesystem::path& file);

/// Applies "INDEX=NAME[,key=value...]" (INDEX: a site index or label, or * for every site) to
/// `options`. Throws std::invalid_argument.
void applyBehaviourArgument(SimOptions& options, std::string_view argument);

class Simulator {
 public:
  /// Generates every site's content (uses all cores; 500 sites × 400 documents: about 2 s on 2 cores).
  explicit Simulator(SimOptions options);
  /// Stops the server.
  ~Simulator();
  Simulator(const Simulator&) = delete;
  Simulator& operator=(const Simulator&) = delete;

  /// Binds and starts serving. Throws Poco::Exception when the port is taken.
  void start();
  /// Stops serving, wakes slow handlers and closes held (stall / no-answer) connections. Idempotent.
  void stop();

  std::uint16_t port() const;
  /// "http://127.0.0.1:PORT", or https:// with TLS
  std::string baseUrl() const;
  /// With TLS: the PEM certificate served, for a client to trust as its CA; valid from start() until
  /// the simulator is destroyed (its directory is removed then). Empty without TLS.
  std::filesystem::path certificateFile() const;

  std::size_t siteCount() const;
  /// The site as configured (its `behaviour` is the initial one; see behaviour()).
  const SiteSpec& site(std::size_t i) const;
  /// The index of the site with this label or subject code.
  std::optional<std::size_t> findSite(std::string_view labelOrSubject) const;
  /// The URL a harvester fetches: the JDIHN feed, or /feed.rss for `rss` sites.
  std::string siteUrl(std::size_t i) const;
  /// baseUrl + prefix + path, e.g. pageUrl(i, "/") for the home page.
  std::string pageUrl(std::size_t i, std::string_view path) const;

  SiteBehaviour behaviour(std::size_t i) const;
  /// Takes effect with the next request; restarts the flapping clock and rate-limited's count.
  void setBehaviour(std::size_t i, SiteBehaviour behaviour);

  /// Adds, changes and removes documents; deterministic for a given seed and sequence of calls.
  MutationResult mutate(std::size_t i, const Mutation& mutation = {});
  /// The pages the site serves now (e.g. the feed's exact bytes: content(i)->find(...)->body).
  std::shared_ptr<const ContentSnapshot> content(std::size_t i) const;
  /// The primary export's bytes as a normal request would receive them.
  std::string feedBody(std::size_t i) const;

  /// Requests that reached the site (any path under its prefix), since construction.
  std::uint64_t requests(std::size_t i) const;

  /// The hamhub source file for site i:
  ///   {"id": "jdih-16-73", "connector": "jdih", "subject": "16.73", "schedule": "0 2 * * *",
  ///    "enabled": true, "description": …, "options": {"url": …}}
  /// plus options username/password (basic-auth), page_param/limit_param/page_size (paged),
  /// format "rss" (rss). Valid once started (the URL holds the port).
  JsonValue sourceConfig(std::size_t i) const;
  /// Writes sourceConfig(i) for every site to DIR/<id>.json (creating DIR).
  void writeSources(const std::filesystem::path& dir) const;
  /// The source id of site i: "jdih-" + label with '.' → '-'.
  std::string sourceId(std::size_t i) const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hamhub::sim

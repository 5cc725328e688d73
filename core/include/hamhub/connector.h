#pragma once

/// @file connector.h
/// @brief The connector interface: spec (in the manifest) → configure → check → harvest.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hamhub/http.h"
#include "hamhub/logger.h"
#include "hamhub/options.h"
#include "hamhub/record.h"
#include "hamhub/status.h"

namespace hamhub {

/// @brief What the host lends a connector for one check or harvest. Owned by the host and valid
///        only during the call.
class Context {
 public:
  virtual ~Context() = default;
  virtual std::string_view sourceId() const = 0;
  /// @brief The subjects the source is configured for (`subject` or `subjects`).
  virtual const std::vector<std::string>& subjects() const = 0;
  virtual const Options& options() const = 0;
  virtual HttpClient& http() = 0;
  virtual Logger& log() = 0;
  /// @brief True once the host wants the call to stop (shutdown, time limit); return promptly.
  virtual bool cancelled() const = 0;

  /// @brief The subject id for a code or a name as exports write it ("16.72", BPS "1673",
  ///        "Kota Pagaralam", "PAGAR ALAM"), matched through the hub's subject catalogue and its
  ///        aliases; nullopt when it matches no subject or several. Since API 1.1.
  virtual std::optional<std::string> resolveSubject(std::string_view codeOrName) const = 0;
};

/// @brief Base of every plugin object, so the host can hold any kind and destroy it.
class Plugin {
 public:
  virtual ~Plugin() = default;
  Plugin() = default;
  Plugin(const Plugin&) = delete;
  Plugin& operator=(const Plugin&) = delete;
};

/// @brief What a finished harvest hands back.
struct HarvestResult {
  Cursor next;  ///< stored with the last batch; given back on the next harvest
  /// @brief Record kinds this run emitted completely (a full feed): stored records of these
  ///        kinds that were not emitted are marked withdrawn. Leave empty for partial or
  ///        not-modified harvests.
  std::vector<std::string> completeKinds;
};

/// @brief A data source plugin. One object serves one source; the host never calls it from two
///        threads at once. Implementations may throw: the export macro catches inside the plugin.
class Connector : public Plugin {
 public:
  /// @brief Receives the validated options; checks their meaning. No I/O.
  virtual Status configure(const Options& options) = 0;

  /// @brief Is the source reachable and answering as expected? Cheap: one request at most.
  virtual Status check(Context& context) = 0;

  /// @brief Streams records into `sink`, starting after `cursor` (empty on the first harvest).
  virtual Result<HarvestResult> harvest(Context& context, const Cursor& cursor, RecordSink& sink) = 0;
};

}  // namespace hamhub

#pragma once

/// @file manifest.h
/// @brief The plain manifest every plugin exports; the host reads it before calling anything else.

#include <cstddef>
#include <cstdint>

#include "hamhub/options.h"
#include "hamhub/version.h"

namespace hamhub {

/// @brief What a plugin is for.
enum class PluginKind : std::uint32_t {
  Connector = 1,  ///< pulls data from a source and emits records
  Scorer = 2,     ///< turns evidence into scores
  Notifier = 3,   ///< delivers alerts (e-mail, webhook…)
};

/// @brief The name users read for a kind: `connector`, `scorer`, `notifier`.
const char* pluginKindName(PluginKind kind);

/// @brief Layout version of `PluginManifest` itself; bumped only if the struct changes shape.
inline constexpr std::uint32_t kManifestLayout = 1;

/// @brief The descriptor a plugin exports under the alias `hamhub_manifest`.
///
/// Plain data with static storage: reading it runs no plugin code. Build it with
/// `HAMHUB_MANIFEST_DEFAULTS` for the version fields (see plugin.h).
struct PluginManifest {
  std::uint32_t layout;         ///< kManifestLayout
  const char* abiTag;           ///< HAMHUB_ABI_TAG of the plugin's build
  std::uint32_t apiMajor;       ///< must equal the host's HAMHUB_API_MAJOR
  std::uint32_t apiMinMinor;    ///< oldest host API minor the plugin works with
  const char* name;             ///< unique among loaded plugins; referenced by sources' `connector`
  PluginKind kind;
  const char* version;          ///< the plugin's own version, e.g. "1.2.0"
  const char* description;      ///< one line
  const OptionSpec* options;    ///< the option schema (may be nullptr when optionCount is 0)
  std::size_t optionCount;
};

}  // namespace hamhub

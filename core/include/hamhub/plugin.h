#pragma once

/// @file plugin.h
/// @brief Exporting a plugin: the manifest and factory aliases, and the exception guard.
///
/// A connector plugin's source file ends with
/// @code
///   static const hamhub::OptionSpec kOptions[] = {{"url", hamhub::OptionType::String, true, false,
///                                                  nullptr, "Feed URL"}};
///   static const hamhub::PluginManifest kManifest = {
///       HAMHUB_MANIFEST_HEADER, "hello", hamhub::PluginKind::Connector, "1.0.0",
///       "Says hello", kOptions, std::size(kOptions)};
///   HAMHUB_EXPORT_CONNECTOR(HelloConnector, kManifest)
/// @endcode

#include <exception>
#include <string>

#include <boost/dll/alias.hpp>

#include "hamhub/connector.h"
#include "hamhub/manifest.h"
#include "hamhub/notifier.h"
#include "hamhub/scorer.h"

/// @brief The first four fields of a PluginManifest for a plugin built against this SDK.
#define HAMHUB_MANIFEST_HEADER \
  ::hamhub::kManifestLayout, HAMHUB_ABI_TAG, HAMHUB_API_MAJOR, HAMHUB_API_MINOR

namespace hamhub::detail {

inline Status statusFromCurrentException(const char* call) noexcept {
  try {
    throw;
  } catch (const std::exception& e) {
    return Status::error(std::string("plugin threw from ") + call + ": " + e.what(), "plugin-exception");
  } catch (...) {
    return Status::error(std::string("plugin threw a non-standard exception from ") + call,
                         "plugin-exception");
  }
}

// Runs a plugin call, turning an exception into a Status: plugins must never throw across the
// library boundary.
template <typename Call>
auto guarded(const char* name, Call&& call) noexcept -> decltype(call()) {
  try {
    return call();
  } catch (...) {
    return statusFromCurrentException(name);
  }
}

/// Instantiated inside the plugin, so exceptions are caught on the plugin's side of the boundary.
template <typename Impl>
class GuardedConnector final : public Impl {
 public:
  Status configure(const Options& options) noexcept override {
    return guarded("configure", [&] { return Impl::configure(options); });
  }
  Status check(Context& context) noexcept override {
    return guarded("check", [&] { return Impl::check(context); });
  }
  Result<HarvestResult> harvest(Context& context, const Cursor& cursor, RecordSink& sink) noexcept override {
    return guarded("harvest", [&] { return Impl::harvest(context, cursor, sink); });
  }
};

template <typename Impl>
class GuardedScorer final : public Impl {
 public:
  Result<ScoreResult> score(const ScoreRequest& request) noexcept override {
    return guarded("score", [&] { return Impl::score(request); });
  }
};

template <typename Impl>
class GuardedNotifier final : public Impl {
 public:
  Status configure(const Options& options) noexcept override {
    return guarded("configure", [&] { return Impl::configure(options); });
  }
  Status send(NotifierContext& context, const Notification& notification) noexcept override {
    return guarded("send", [&] { return Impl::send(context, notification); });
  }
};

}  // namespace hamhub::detail

/// @brief Exports `manifest` and a factory creating `Guarded` (the plugin class inside its guard).
#define HAMHUB_EXPORT_PLUGIN_(Guarded, manifest)                                          \
  namespace hamhub_export {                                                              \
  ::hamhub::Plugin* createPlugin() noexcept {                                            \
    try {                                                                                \
      return new Guarded();                                                              \
    } catch (...) {                                                                      \
      return nullptr;                                                                    \
    }                                                                                    \
  }                                                                                      \
  BOOST_DLL_ALIAS(manifest, hamhub_manifest)                                             \
  BOOST_DLL_ALIAS(hamhub_export::createPlugin, hamhub_create)                            \
  }

/// @brief Exports `manifest` and a factory creating `ConnectorClass` (default-constructible).
#define HAMHUB_EXPORT_CONNECTOR(ConnectorClass, manifest) \
  HAMHUB_EXPORT_PLUGIN_(::hamhub::detail::GuardedConnector<ConnectorClass>, manifest)

/// @brief Exports `manifest` (kind Scorer) and a factory creating `ScorerClass`.
#define HAMHUB_EXPORT_SCORER(ScorerClass, manifest) \
  HAMHUB_EXPORT_PLUGIN_(::hamhub::detail::GuardedScorer<ScorerClass>, manifest)

/// @brief Exports `manifest` (kind Notifier) and a factory creating `NotifierClass`. Since API 1.4.
#define HAMHUB_EXPORT_NOTIFIER(NotifierClass, manifest) \
  HAMHUB_EXPORT_PLUGIN_(::hamhub::detail::GuardedNotifier<NotifierClass>, manifest)

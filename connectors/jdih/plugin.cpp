// The exported face of the jdih connector: its manifest (option schema included) and factory.

#include <hamhub/plugin.h>

#include "jdih_connector.h"
#include "jdih_options.h"

namespace {

constexpr hamhub::PluginManifest kManifest = {
    HAMHUB_MANIFEST_HEADER,
    "jdih",
    hamhub::PluginKind::Connector,
    "1.0.0",
    "JDIH legal documents from a site's JDIHN integration feed (JSON) or its RSS/Atom feed",
    hamhub::jdih::kOptions,
    hamhub::jdih::kOptionCount,
};

}  // namespace

HAMHUB_EXPORT_CONNECTOR(hamhub::jdih::JdihConnector, kManifest)

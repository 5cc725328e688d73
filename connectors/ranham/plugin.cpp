// The exported face of the ranham connector: its manifest (option schema included) and factory.

#include <hamhub/plugin.h>

#include "ranham_connector.h"

namespace {

constexpr hamhub::PluginManifest kManifest = {
    HAMHUB_MANIFEST_HEADER,
    "ranham",
    hamhub::PluginKind::Connector,
    "1.0.0",
    "RANHAM Aksi HAM report exports: one entry per subject, year, period (B04/B08/B12) and aksi",
    hamhub::ranham::kOptions.data(),
    hamhub::ranham::kOptions.size(),
};

}  // namespace

HAMHUB_EXPORT_CONNECTOR(hamhub::ranham::RanhamConnector, kManifest)

// The exported face of the kkpham connector: its manifest (option schema included) and factory.

#include <hamhub/plugin.h>

#include "kkpham_connector.h"

namespace {

constexpr hamhub::PluginManifest kManifest = {
    HAMHUB_MANIFEST_HEADER,
    "kkpham",
    hamhub::PluginKind::Connector,
    "1.0.0",
    "KKPHAM (Kabupaten/Kota Peduli HAM) exports: indicator values and data dukung per kab/kota and year",
    hamhub::kkpham::kOptions.data(),
    hamhub::kkpham::kOptions.size(),
};

}  // namespace

HAMHUB_EXPORT_CONNECTOR(hamhub::kkpham::KkphamConnector, kManifest)

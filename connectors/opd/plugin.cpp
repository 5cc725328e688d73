// The exported face of the opd connector: its manifest (option schema included) and factory.

#include <hamhub/plugin.h>

#include "opd_connector.h"
#include "opd_options.h"

namespace {

constexpr hamhub::PluginManifest kManifest = {
    HAMHUB_MANIFEST_HEADER,
    "opd",
    hamhub::PluginKind::Connector,
    "1.0.0",
    "Regional OPD service data from a REST/JSON API or a database (SQLite, PostgreSQL), and SKM survey "
    "results as IKM per unit and period (PermenPANRB 14/2017)",
    hamhub::opd::kOptions,
    hamhub::opd::kOptionCount,
};

}  // namespace

HAMHUB_EXPORT_CONNECTOR(hamhub::opd::OpdConnector, kManifest)

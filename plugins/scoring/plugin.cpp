// The built-in scoring plugin, loaded like any other plugin (kind scorer).
#include <iterator>

#include "hamhub/plugin.h"
#include "model_scorer.h"

namespace {

const hamhub::PluginManifest kManifest = {
    HAMHUB_MANIFEST_HEADER,
    "scoring",
    hamhub::PluginKind::Scorer,
    "1.0.0",
    "Scores subjects on the criteria models in config/criteria (P2HAM, KKPHAM, RANHAM, IRH, SKM)",
    nullptr,
    0};

}  // namespace

HAMHUB_EXPORT_SCORER(hamhub::scoring::ModelScorer, kManifest)

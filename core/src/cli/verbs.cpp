#include "cli/verbs.h"

namespace hamhub::cli {

std::vector<Verb> allVerbs() { return {pluginsVerb(), sourcesVerb(), configCheckVerb(), harvestVerb(), documentsVerb(), scoreVerb(), checkVerb(), incidentsVerb(), alertsVerb(), reportVerb(), serveVerb(), demoVerb(), notifyTestVerb()}; }

}  // namespace hamhub::cli

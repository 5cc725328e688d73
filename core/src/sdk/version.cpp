#include "hamhub/version.h"

namespace hamhub {

SdkVersion sdkVersion() { return {HAMHUB_API_MAJOR, HAMHUB_API_MINOR, HAMHUB_ABI_TAG}; }

}  // namespace hamhub

#pragma once

#include <functional>

#include "hamhub/status.h"
#include "host/store/dialect.h"

namespace hamhub::host {

/// Runs body between BEGIN and COMMIT. A non-ok Status or an exception rolls back; the exception
/// then propagates (the store turns exceptions into a Status at its public boundary).
Status inTransaction(Poco::Data::Session& session, const Dialect& dialect,
                     const std::function<Status()>& body);

}  // namespace hamhub::host

#pragma once

// Writing a batch's documents and their findings inside commitBatch's transaction.

#include <Poco/Data/Session.h>

#include "host/store/dialect.h"
#include "host/store/sqlite_bulk.h"
#include "host/store/store_types.h"

namespace hamhub::host {

/// Upserts the batch's documents with their findings. Throws Poco exceptions, like the
/// rest of the store internals; the caller's transaction rolls everything back.
void writeDocuments(Poco::Data::Session& session, const Dialect& dialect, SqliteStatementCache& statements,
                    const Batch& batch);

}  // namespace hamhub::host

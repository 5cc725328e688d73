#include "host/store/transaction.h"

#include <exception>

namespace hamhub::host {
namespace {

void rollbackQuietly(Poco::Data::Session& session, const Dialect& dialect) noexcept {
  // The error that made us roll back is the one worth reporting; a failing ROLLBACK (e.g. on a
  // dropped connection) ends the transaction on the server side anyway.
  try {
    dialect.rollback(session);
  } catch (...) {  // NOLINT(bugprone-empty-catch)
  }
}

}  // namespace

Status inTransaction(Poco::Data::Session& session, const Dialect& dialect,
                     const std::function<Status()>& body) {
  dialect.begin(session);
  Status result;
  try {
    result = body();
  } catch (...) {
    rollbackQuietly(session, dialect);
    throw;
  }
  if (!result) {
    rollbackQuietly(session, dialect);
    return result;
  }
  try {
    dialect.commit(session);
  } catch (...) {
    rollbackQuietly(session, dialect);
    throw;
  }
  return Status::ok();
}

}  // namespace hamhub::host

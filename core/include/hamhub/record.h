#pragma once

/// @file record.h
/// @brief What a connector emits, and the sink it emits into.

#include <string>
#include <string_view>

#include "hamhub/status.h"

namespace hamhub {

/// @brief Opaque incremental state a connector returns and gets back on its next harvest, e.g.
///        `{"etag":"…","page":4}`. It is committed in the same transaction as the records it covers.
using Cursor = std::string;

/// @brief One harvested item, normalised by the connector.
struct Record {
  std::string kind;     ///< namespaced by connector, e.g. `jdih.document`, `kkpham.value`
  std::string key;      ///< natural key, unique within (source, kind), e.g. the feed's idData
  std::string subject;  ///< subject id (e.g. region code `16.73`); empty: the source's subject
  std::string period;   ///< e.g. `2024` or `2024-B08`; empty when the kind has none
  std::string url;      ///< where the item can be seen
  std::string payload;  ///< a JSON object: normalised fields, plus unknown raw fields kept
};

/// @brief Where a connector streams its records. The host batches them; a connector never writes
///        the store. Not thread-safe: call from the harvest thread only.
class RecordSink {
 public:
  virtual ~RecordSink() = default;

  /// @brief Queues a record. A non-ok Status (store failure, cancellation) means: stop harvesting
  ///        and return that Status.
  virtual Status emit(Record record) = 0;

  /// @brief Reports an item that could not be read; it is counted as failed and kept with the run.
  virtual void reject(std::string_view key, std::string_view message) = 0;

  /// @brief Everything emitted so far is covered by `cursor`: the host commits the pending records
  ///        and this cursor in one transaction.
  virtual Status checkpoint(const Cursor& cursor) = 0;
};

}  // namespace hamhub

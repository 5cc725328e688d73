#pragma once

#include <string>

#include <hamhub/json.h>
#include <hamhub/record.h>

namespace hamhub::jdih {

/// The record kind every JDIH document is emitted as.
inline constexpr const char* kDocumentKind = "jdih.document";

/// One feed document turned into a record, or the reason it cannot be used.
struct NormalisedDocument {
  Record record;      ///< meaningful only when `error` is empty
  std::string key;    ///< idData as text; "" when missing or blank
  std::string error;  ///< e.g. "tanggal_pengundangan '2021-13-45' is not a date (YYYY-MM-DD)"

  bool ok() const { return error.empty(); }
};

/// Normalises one document.
///
/// @param item the document under JDIHN's field names (idData, judul, tanggal_pengundangan…).
/// @param raw what the source sent, written unchanged as the payload's `raw` member (for the JSON
///        feed the same object as `item`; for RSS the item's elements).
///
/// The payload is deterministic (same input, same bytes), so an unchanged document hashes the
/// same on every harvest. Empty values ("", "-", null) are JSON null.
NormalisedDocument normaliseDocument(const JsonValue& item, const JsonValue& raw);

}  // namespace hamhub::jdih

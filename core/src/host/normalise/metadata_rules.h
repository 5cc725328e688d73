#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "hamhub/json.h"
#include "hamhub/status.h"
#include "host/normalise/payload_fields.h"

namespace hamhub::host {

/// One mandatory metadata field: where it is in a record's payload and how people call it.
struct MetadataField {
  std::string path;        // dotted path into the payload, e.g. `raw.pemrakarsa`
  std::string name;        // as regional offices know it, e.g. "Tanggal penetapan"
  std::string confidence;  // C (confirmed by a public source) or P/A (assumed): shown to users
};

/// The mandatory-metadata list for one record kind, loaded from config/criteria/ (data, not code).
struct MetadataRules {
  std::string id;
  std::string version;
  std::string legalBasis;
  std::string recordKind;
  /// Each is missing when its path is absent, null, "", "-" or an empty array (see
  /// PayloadFields::filled); Normaliser::project checks them.
  std::vector<MetadataField> fields;
};

/// Loads a rules file; errors name the file and what is wrong (duplicate paths, empty list…).
Result<MetadataRules> loadMetadataRules(const std::filesystem::path& file);

}  // namespace hamhub::host

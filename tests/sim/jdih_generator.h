#pragma once

#include <cstdint>
#include <string>

#include "hamhub/json.h"
#include "regions.h"

namespace hamhub::sim {

/// How one site's CMS writes its JDIHN integration feed. Fixed per site (seed + site index), the
/// way real feeds differ from site to site but not from document to document.
struct FeedProfile {
  enum class Empty { kDash, kEmptyString, kNull };
  enum class Updated { kNone, kCamelCase, kSnakeCase };

  bool idsAsStrings = true;        ///< "idData": "1201" rather than 1201 (also tahun_pengundangan)
  bool flagsAsStrings = true;      ///< "operasi": "4", "display": "1" rather than ints
  Empty empty = Empty::kDash;      ///< how an empty field is written
  bool abstractCamelCase = false;  ///< "urlAbstrak" rather than "urlabstrak"
  double abstractShare = 0.5;      ///< share of documents with abstrak + url
  Updated updated = Updated::kCamelCase;
  bool newestFirst = true;  ///< feed order
  bool https = true;
  int idBase = 1;  ///< idData of the first document
  int style = 0;   ///< small variations: file names, detail URLs, teuBadan, penerbit
};

/// Generates the documents a simulated regional JDIH site publishes. Document `n` depends only
/// on (seed, site index, n), so any document can be generated on its own, in any order, and the
/// same seed always yields the same bytes.
///
/// A fixed share of documents (`incompleteShare`) lacks one or two fields that Permenkumham
/// 8/2019 makes mandatory (subjek, teuBadan, tanggal_penetapan, sumber, bidangHukum): the key is
/// absent or holds the site's empty value.
class JdihGenerator {
 public:
  JdihGenerator(std::uint64_t seed, std::uint64_t siteIndex, const Region& region, std::string host,
                double incompleteShare = 0.1);

  /// The n-th document the site ever published (n from 0), as a JSON object in feed field order.
  JsonValue document(std::uint64_t n) const;

  /// The value this site writes for an empty field ("-", "" or null).
  JsonValue emptyValue() const;

  const FeedProfile& profile() const { return profile_; }
  const Region& region() const { return region_; }
  const std::string& host() const { return host_; }
  /// "https://jdih.lahatkab.go.id"
  std::string origin() const;

 private:
  std::uint64_t seed_;
  std::uint64_t site_;
  const Region& region_;
  std::string host_;
  double incompleteShare_;
  FeedProfile profile_;
};

}  // namespace hamhub::sim

#pragma once

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "hamhub/criteria.h"
#include "hamhub/scorer.h"
#include "host/normalise/payload_fields.h"
#include "host/store/store_types.h"

namespace hamhub::host {

/// Evidence of one instrument, by subject and period. Period "" holds standing evidence (a Perda
/// in force, with no period of its own), which counts for every period.
struct EvidenceSet {
  std::map<std::string, std::map<std::string, std::vector<EvidenceItem>>> bySubject;
  /// Records the rules could not use (an indicator the model lacks, a subject-less record), one
  /// line each naming the record.
  std::vector<std::string> problems;
  /// Every period seen, for scoring every subject in each.
  std::set<std::string> periods;
};

/// Turns stored records into evidence through a model's rules (config/criteria), keeping each
/// item's way back to its record.
class EvidenceMapper {
 public:
  explicit EvidenceMapper(const CriteriaModel& model);

  /// The record kinds the rules read.
  std::set<std::string> recordKinds() const;
  /// Applies every rule to `record`.
  void add(const StoredRecord& record, EvidenceSet& out);
  /// Marks values backed by supporting records (data dukung listed apart); call once after add().
  void finish(EvidenceSet& out);

 private:
  std::string periodOf(const StoredRecord& record, const PayloadFields& payload) const;
  const Indicator* indicatorFor(const EvidenceRule& rule, const PayloadFields& payload, std::string& named) const;

  const CriteriaModel& model_;
  // Per record kind, the payload paths its rules read: records are read in one streaming pass
  // for just these, as a national rescore reads tens of thousands of them.
  std::map<std::string, std::vector<std::string>> paths_;
  PayloadFields fields_;
  // (subject, period, indicator code as records name it) that supporting records back.
  std::set<std::tuple<std::string, std::string, std::string>> supported_;
};

/// The text of the value at dotted `path` ("" when absent or null): strings as they are, numbers as
/// written, booleans as Ya/Tidak, arrays of strings or numbers joined with "; ".
std::string payloadText(const PayloadFields& payload, const std::string& path);

}  // namespace hamhub::host

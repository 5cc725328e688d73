#pragma once
/// @file criteria.h
/// @brief The shared criteria model: one instrument version (P2HAM 25/2023, KKPHAM 22/2021, …) as
///        data, loaded by the host from `config/criteria/*.json` and handed to scorer plugins.
///
/// Points: an indicator is worth `weight` points and earns `weight × fraction`, where the fraction
/// (0–1) comes from its value (ValueSpec). A criterion's score is the sum of its indicators' points.
/// The total is either the sum of the criterion scores (`TotalRule::Sum`: the criteria's maxima add
/// up to `scale`) or their mean (`TotalRule::MeanOfCriteria`: every criterion is worth `scale`).
/// Every element carries how sure we are of it (shared/DOMAIN.md's [C]/[P]/[A]), so users can see
/// which parts of a score rest on assumptions.
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hamhub {

/// @brief [C] stated by a public source, [P] secondary or conflicting sources, [A] an assumption.
enum class Confidence { Confirmed, Probable, Assumption };
/// @brief "C", "P" or "A".
const char* confidenceCode(Confidence confidence);

/// @brief The indicator type KKPHAM (and others) assign: struktur / proses / hasil.
enum class IndicatorType { None, Struktur, Proses, Hasil };
/// @brief "struktur", "proses", "hasil" or "" for None.
const char* indicatorTypeName(IndicatorType type);

/// @brief How an indicator's value becomes a fraction of its weight.
enum class ValueKind {
  Levels,      ///< a label from a fixed list: yes/no, Ada/Proses/Tidak…; each label has a fraction
  Number,      ///< a number in [min, max]: linear, or by bands when there are any
  Percentage,  ///< 0–100, fraction = value / 100
  Document,    ///< a document or link is present (fraction 1) or not (0)
};
/// @brief "levels", "number", "percentage", "document".
const char* valueKindName(ValueKind kind);

/// @brief A range of values, [min, max) (the last band of a list includes its max), and the
///        fraction of the weight it earns.
struct ValueBand {
  double min = 0;
  double max = 0;
  double fraction = 0;
};

struct ValueSpec {
  ValueKind kind = ValueKind::Document;
  /// Levels: label → fraction. Labels match case- and space-insensitively ("ADA", "ada ").
  std::vector<std::pair<std::string, double>> levels;
  double min = 0;  ///< Number: smallest valid value
  double max = 1;  ///< Number: largest valid value
  std::vector<ValueBand> bands;  ///< Number: empty means linear between min and max
};

struct Indicator {
  std::string id;  ///< unique within the model, e.g. "KKPHAM.6.S1"
  std::string name;
  IndicatorType type = IndicatorType::None;
  ValueSpec value;
  double weight = 0;  ///< points at full fraction
  /// True when the indicator only counts with data dukung (a link, a file) behind its value.
  bool evidenceRequired = false;
  /// Record kinds (e.g. `kkpham.indicator_value`, `jdih.document`) that may carry its evidence.
  std::vector<std::string> recordKinds;
  Confidence confidence = Confidence::Assumption;
  std::string note;  ///< why it is [P]/[A], where it comes from
};

struct Criterion {
  std::string id;
  std::string name;
  std::vector<Indicator> indicators;
  Confidence confidence = Confidence::Assumption;
  /// @brief The sum of the indicators' weights.
  double maxPoints() const;
};

/// @brief A predicate ("Kabupaten/Kota Peduli HAM", "A") earned by a total in [min, max].
struct Predicate {
  std::string id;      ///< short and stable: "peduli-ham", "A"
  std::string name;    ///< Bahasa Indonesia, as the regulation names it
  std::string nameEn;  ///< English, for the English reports
  double min = 0;
  double max = 0;
  Confidence confidence = Confidence::Assumption;
  /// True for the predicate a subject works towards (coaching aims at its `min`).
  bool target = false;
};

enum class TotalRule { Sum, MeanOfCriteria };

/// @brief What a period of the instrument looks like.
enum class PeriodKind {
  Year,      ///< "2024"
  Round,     ///< "2024-B08": year and one of `rounds`
  Semester,  ///< "2024-S1" or "2024-S2"
};

struct PeriodSpec {
  PeriodKind kind = PeriodKind::Year;
  std::vector<std::string> rounds;  ///< Round: the labels, e.g. B04, B08, B12
  /// @brief True when `period` is a valid period of this kind ("2024", "2024-B08", "2024-S2").
  bool valid(const std::string& period) const;
};

/// @brief How several evidence items for one indicator make its value.
enum class Combine {
  Best,  ///< the item with the highest fraction
  Sum,   ///< values added up (capped at the value's max): sub-indicators of one component
  Mean,  ///< the mean of the items' fractions
};

/// @brief How harvested records become evidence for an indicator. A record of `recordKind` whose
///        payload passes every `when` test is evidence for `indicator`, or for the indicator whose
///        id the payload holds at `indicatorField`; its value is read at `valueField` (none: a
///        present document) and its data dukung at `evidenceField`.
struct EvidenceRule {
  std::string recordKind;
  std::string indicator;       ///< a fixed indicator id, or empty when `indicatorField` names it
  std::string indicatorField;  ///< dotted payload path holding the indicator id (or its code)
  std::string valueField;      ///< dotted payload path of the value; empty: presence counts
  std::string evidenceField;   ///< dotted payload path of the data dukung link(s)
  /// Dotted payload path naming the unit the record is about (an OPD, a UPT) when the record's
  /// subject is its region: the unit is scored as "<region>/<unit>". Empty: the record's subject.
  std::string subjectField;
  /// Each test: a dotted payload path and words; the test passes when the field's text contains
  /// any of the words (case-insensitive).
  std::vector<std::pair<std::string, std::vector<std::string>>> when;
  /// With `indicatorField`: true when the record names a sub-indicator ("1.S2") that belongs to
  /// the model indicator whose id is the longest prefix of it ("1.S"), for exports more detailed
  /// than the model.
  bool byPrefix = false;
  /// True for records that are data dukung for values other records give (KKPHAM exports list
  /// them apart): they give no value, they mark the indicator's values of the same subject and
  /// period as backed.
  bool supports = false;
  /// True for evidence that holds in every period once it exists (a Perda in force), whatever
  /// period its record carries (a JDIH document's is its year).
  bool standing = false;
  Combine combine = Combine::Best;
  Confidence confidence = Confidence::Assumption;
};

struct CriteriaModel {
  std::string instrument;  ///< `p2ham`, `kkpham`, `ranham`, `irh`, `skm`
  std::string version;     ///< the regulation version, e.g. "22/2021"
  std::string name;        ///< "Kabupaten/Kota Peduli HAM"
  std::string legalBasis;  ///< "Permenkumham 22/2021"
  std::string validFrom;   ///< ISO date
  std::string validTo;     ///< ISO date, empty while in force
  std::vector<std::string> subjectKinds;  ///< `kabkota`, `province`, `opd`, `upt`, `ministry`
  PeriodSpec period;
  std::vector<Criterion> criteria;
  TotalRule total = TotalRule::Sum;
  double scale = 100;
  /// Totals are rounded to this many decimals before predicates apply, as the regulations publish
  /// them (SKM's band B ends at 88.30 and A starts at 88.31).
  int decimals = 2;
  /// Ordered from the best; non-overlapping; a total outside every band earns none.
  std::vector<Predicate> predicates;
  std::vector<EvidenceRule> evidence;
  /// True when an export that names indicators the model lacks may add them (they then score
  /// nothing until the model file gives them a weight); shipped where the official list is unknown.
  bool extensible = false;
  std::string file;         ///< where it was loaded from, for messages
  std::string fingerprint;  ///< SHA-256 of the file: an edited model rescores every subject

  /// @brief The indicator with this id, or nullptr.
  const Indicator* findIndicator(const std::string& id) const;
  /// @brief `score` rounded to `decimals`.
  double round(double score) const;
  /// @brief The predicate a total score earns (after rounding), or nullptr.
  const Predicate* predicateFor(double score) const;
  /// @brief The target predicate (the one marked `target`, else the best), or nullptr.
  const Predicate* targetPredicate() const;
};

}  // namespace hamhub

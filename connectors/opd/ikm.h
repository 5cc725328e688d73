#pragma once

#include <array>
#include <cstdint>

namespace hamhub::opd {

/// The survey index of PermenPANRB 14/2017 (Pedoman Penyusunan Survei Kepuasan Masyarakat):
/// nine elements U1–U9 answered 1–4; IKM = (mean of the nine element means) × 25.
inline constexpr std::size_t kElements = 9;

/// A band of the regulation's table "Nilai Persepsi, Interval IKM, Interval Konversi IKM, Mutu
/// Pelayanan dan Kinerja Unit Pelayanan": the lowest converted IKM (in hundredths) of each mutu.
struct IkmBand {
  const char* grade;  ///< A, B, C, D
  const char* mutu;   ///< mutu pelayanan as the regulation names it
  std::int64_t minHundredths;
};

/// A 88.31–100.00 Sangat Baik, B 76.61–88.30 Baik, C 65.00–76.60 Kurang Baik, D 25.00–64.99 Tidak
/// Baik (PermenPANRB 14/2017, Lampiran; the same cut-offs as element-mean intervals 3.5324,
/// 3.0644, 2.60 and 1.00 times 25). Highest first.
inline constexpr IkmBand kIkmBands[] = {
    {"A", "Sangat Baik", 8831},
    {"B", "Baik", 7661},
    {"C", "Kurang Baik", 6500},
    {"D", "Tidak Baik", 2500},
};

/// The element means as exact fractions over one denominator: for respondents, each numerator
/// is the sum of the answers to an element and the denominator the number of respondents; for
/// given means, the means scaled by the denominator (10^6). Exact, so an IKM that sits on a band
/// edge is never pushed across it by floating-point error.
struct ElementTotals {
  std::array<std::int64_t, kElements> numerators{};
  std::int64_t denominator = 1;
};

struct Ikm {
  std::int64_t hundredths = 0;          ///< IKM rounded half up to two decimals, × 100
  std::int64_t indexTenThousandths = 0; ///< nilai indeks (mean of the element means), 4 decimals, × 10^4
  std::array<std::int64_t, kElements> meanHundredths{};  ///< each element mean to 2 decimals, × 100
  const IkmBand* band = nullptr;        ///< nullptr only below 25.00 (means under 1)
};

/// IKM = (Σ element means / 9) × 25, rounded to two decimals as the regulation prints it.
Ikm computeIkm(const ElementTotals& totals);

/// The regulation's weighted form: Σ (element mean × bobot 1/9) = nilai rata-rata tertimbang,
/// × 25. Kept as its own calculation so a test shows both forms agree to the hundredth.
std::int64_t weightedIkmHundredths(const ElementTotals& totals);

/// The band an IKM (in hundredths) falls in; nullptr below 25.00.
const IkmBand* bandFor(std::int64_t ikmHundredths);

}  // namespace hamhub::opd

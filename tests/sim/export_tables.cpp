#include "export_tables.h"

#include <cstdio>
#include <stdexcept>
#include <string>

namespace hamhub::sim {

namespace {

constexpr int kYear = 2024;

std::string number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

JsonValue object(std::initializer_list<std::pair<const char*, JsonValue>> members) {
  JsonValue o = JsonValue::Object{};
  for (const auto& [k, v] : members) o.set(k, v);
  return o;
}

// The name a Kanwil export writes for a kab/kota: mostly the official one, sometimes a spelling
// variant from the alias table (the connector must match both).
std::string exportName(const Region& region) {
  if (region.code == "16.72") return "Kota Pagaralam";
  if (region.code == "16.73") return "Kota Lubuklinggau";
  if (region.code == "16.05") return "Musirawas";
  if (region.code == "16.06") return "Muba";
  if (region.code == "16.08") return "OKU Timur";
  return std::string(region.name);
}

// --- KKPHAM -------------------------------------------------------------------------------------

constexpr const char* kRights[] = {
    "Hak atas Bantuan Hukum",       "Hak atas Informasi",    "Hak Turut Serta dalam Pemerintahan",
    "Hak atas Keberagaman dan Pluralisme", "Hak atas Kependudukan", "Hak atas Kesehatan",
    "Hak atas Pendidikan",          "Hak atas Pekerjaan",    "Hak atas Lingkungan yang Baik dan Sehat",
    "Hak atas Perumahan yang Layak"};
struct IndicatorKind {
  const char* code;  // suffix of the synthetic indicator code
  const char* type;  // struktur / proses / hasil
  const char* name;  // prefix of the indicator's name
  int max;           // points under the 34/2016 split ([P]): 10 / 30 / 60
};
constexpr IndicatorKind kIndicatorKinds[] = {
    {"S1", "Struktur", "Tersedianya kebijakan daerah tentang", 10},
    {"P1", "Proses", "Terlaksananya program pemenuhan", 30},
    {"H1", "Hasil", "Capaian pemenuhan", 60},
};
constexpr const char* kVerification[] = {"Terverifikasi", "Terverifikasi", "Terverifikasi", "Belum Diverifikasi",
                                         "Dikembalikan"};

class KkphamExport : public TableGenerator {
 public:
  KkphamExport(std::uint64_t seed, const Region& province) : seed_(seed), province_(province) {}

  std::string_view kind() const override { return "kkpham"; }
  std::string title() const override {
    return "Ekspor KKPHAM " + std::to_string(kYear) + " " + std::string(province_.name);
  }
  std::string primaryPath() const override { return "/export/kkpham-" + std::to_string(kYear) + ".csv"; }
  TableShape shape() const override {
    return {{"No", "Kabupaten/Kota", "Tahun", "Kriteria", "Kode Indikator", "Indikator", "Jenis Indikator",
             "Nilai", "Data Dukung", "Status Verifikasi"},
            std::vector<bool>(10, false),
            TableFormat::kCsvUtf8Bom};
  }
  std::vector<Row> rows() const override {
    std::vector<Row> out;
    for (std::size_t r = 0; r < sumselRegions().size(); ++r) {
      for (std::size_t c = 0; c < std::size(kRights); ++c) {
        for (std::size_t k = 0; k < std::size(kIndicatorKinds); ++k) out.push_back(row(out.size(), r, c, k, 0));
      }
    }
    return out;
  }
  Row extraRow(std::uint64_t n) const override {
    // A late submission: the next year's rows, one indicator at a time.
    const std::size_t per = sumselRegions().size() * std::size(kRights) * std::size(kIndicatorKinds);
    const std::size_t i = static_cast<std::size_t>(n % per);
    return row(per + static_cast<std::size_t>(n), i / (std::size(kRights) * std::size(kIndicatorKinds)),
               i / std::size(kIndicatorKinds) % std::size(kRights), i % std::size(kIndicatorKinds),
               1 + static_cast<int>(n / per));
  }
  void revise(Row& row, Rng& rng) const override {
    row[7] = std::to_string(rng.between(0, 10) * 3);
    row[9] = "Terverifikasi";
  }
  std::string keyOf(const Row& row) const override { return row[1] + "|" + row[2] + "|" + row[4]; }
  JsonValue sourceOptions() const override {
    // The kkpham connector knows these headers; the mapping is spelled out as a Kanwil would.
    return object({{"format", "csv"},
                   {"layout", "long"},
                   {"columns", object({{"subject", "Kabupaten/Kota"},
                                       {"year", "Tahun"},
                                       {"criterion", "Kriteria"},
                                       {"indicator", "Kode Indikator"},
                                       {"indicator_name", "Indikator"},
                                       {"indicator_type", "Jenis Indikator"},
                                       {"value", "Nilai"},
                                       {"evidence_url", "Data Dukung"},
                                       {"status", "Status Verifikasi"}})}});
  }

 private:
  Row row(std::size_t index, std::size_t r, std::size_t c, std::size_t k, int yearOffset) const {
    const Region& region = sumselRegions()[r];
    const IndicatorKind& kind = kIndicatorKinds[k];
    const int year = kYear + yearOffset;
    Rng rng = Rng::forKeys({seed_, 0x4b4b, r, c, k, static_cast<std::uint64_t>(year)});
    const std::string code = std::to_string(c + 1) + "." + kind.code;
    const bool evidence = !rng.chance(0.12);
    const int value = evidence ? rng.between(kind.max / 3, kind.max) : rng.between(0, kind.max / 2);
    return {std::to_string(index + 1),
            exportName(region),
            std::to_string(year),
            kRights[c],
            code,
            std::string(kind.name) + " " + kRights[c],
            kind.type,
            std::to_string(value),
            evidence ? "https://kkpham.example.go.id/data-dukung/" + std::string(region.code) + "/" +
                           std::to_string(year) + "/" + code + ".pdf"
                     : "",
            rng.pick(kVerification)};
  }

  std::uint64_t seed_;
  const Region& province_;
};

// --- RANHAM (SAPA-HAM) ----------------------------------------------------------------------------

struct Aksi {
  const char* group;
  const char* text;
  const char* criterion;
  const char* measure;
};
constexpr Aksi kAksi[] = {
    {"Perempuan", "Penyediaan layanan pengaduan dan pendampingan bagi perempuan korban kekerasan",
     "Tersedianya layanan pengaduan terpadu", "Persentase pengaduan yang ditindaklanjuti"},
    {"Anak", "Percepatan penerbitan akta kelahiran bagi anak", "Meningkatnya kepemilikan akta kelahiran anak",
     "Persentase anak usia 0-18 tahun yang memiliki akta kelahiran"},
    {"Penyandang Disabilitas", "Penyediaan aksesibilitas layanan publik bagi penyandang disabilitas",
     "Tersedianya sarana aksesibel di unit layanan", "Jumlah unit layanan dengan sarana aksesibel"},
    {"Masyarakat Adat", "Pengakuan dan perlindungan masyarakat hukum adat",
     "Tersusunnya regulasi daerah tentang masyarakat hukum adat", "Jumlah produk hukum daerah yang ditetapkan"},
};
constexpr const char* kPeriods[] = {"B04", "B08"};
constexpr const char* kReportStatus[] = {"Terverifikasi", "Menunggu Verifikasi", "Perlu Perbaikan"};

class RanhamExport : public TableGenerator {
 public:
  RanhamExport(std::uint64_t seed, const Region& province) : seed_(seed), province_(province) {}

  std::string_view kind() const override { return "ranham"; }
  std::string title() const override { return "Ekspor Laporan Aksi HAM (SAPA-HAM) " + std::string(province_.name); }
  std::string primaryPath() const override { return "/api/laporan-aksi-ham"; }
  TableShape shape() const override {
    return {{"kode_wilayah", "nama_wilayah", "tahun", "periode", "kelompok_sasaran", "no_aksi", "aksi",
             "kriteria_keberhasilan", "ukuran_keberhasilan", "capaian", "data_dukung", "tanggal_kirim", "status"},
            {false, false, true, false, false, true, false, false, false, false, false, false, false},
            TableFormat::kJson};
  }
  std::vector<Row> rows() const override {
    std::vector<Row> out;
    std::vector<const Region*> reporters{&province_};
    for (const Region& r : sumselRegions()) reporters.push_back(&r);
    for (std::size_t p = 0; p < std::size(kPeriods); ++p) {
      for (const Region* region : reporters) {
        // Muratara and Empat Lawang have not sent their B08 report yet.
        if (p == 1 && (region->code == "16.13" || region->code == "16.11")) continue;
        for (std::size_t a = 0; a < std::size(kAksi); ++a) out.push_back(row(*region, kYear, p, a));
      }
    }
    return out;
  }
  Row extraRow(std::uint64_t n) const override {
    // Late B08 reports arrive, then next year's rounds.
    const std::size_t a = static_cast<std::size_t>(n % std::size(kAksi));
    const std::uint64_t round = n / std::size(kAksi);
    const Region& region = sumselRegions()[round % 2 == 0 ? 12 : 10];
    return row(region, kYear + static_cast<int>(round / 2), 1, a);
  }
  void revise(Row& row, Rng& rng) const override {
    row[9] = "Tercapai " + std::to_string(rng.between(40, 100)) + "%";
    row[12] = "Menunggu Verifikasi";
  }
  std::string keyOf(const Row& row) const override {
    return row[0] + "|" + row[2] + "-" + row[3] + "|" + row[5];
  }
  JsonValue sourceOptions() const override {
    return object({{"format", "json"},
                   {"columns", object({{"subject_code", "kode_wilayah"},
                                       {"subject", "nama_wilayah"},
                                       {"year", "tahun"},
                                       {"period", "periode"},
                                       {"kelompok_sasaran", "kelompok_sasaran"},
                                       {"aksi_number", "no_aksi"},
                                       {"aksi", "aksi"},
                                       {"kriteria_keberhasilan", "kriteria_keberhasilan"},
                                       {"ukuran_keberhasilan", "ukuran_keberhasilan"},
                                       {"capaian", "capaian"},
                                       {"data_dukung", "data_dukung"},
                                       {"submitted_at", "tanggal_kirim"},
                                       {"status", "status"}})}});
  }

 private:
  Row row(const Region& region, int year, std::size_t p, std::size_t a) const {
    Rng rng = Rng::forKeys({seed_, 0x5241, std::hash<std::string_view>{}(region.code), static_cast<std::uint64_t>(year),
                            p, a});
    const Aksi& aksi = kAksi[a];
    const std::string base = "https://sapaham.example.go.id/dukung/" + std::string(region.code) + "/" +
                             std::to_string(year) + "-" + kPeriods[p] + "/aksi-" + std::to_string(a + 1);
    char submitted[32];
    std::snprintf(submitted, sizeof submitted, "%d-%02d-%02d", year, p == 0 ? 5 : 9, rng.between(1, 20));
    return {std::string(region.code),
            region.code.size() == 2 ? std::string(region.name) : exportName(region),
            std::to_string(year),
            kPeriods[p],
            aksi.group,
            std::to_string(a + 1),
            aksi.text,
            aksi.criterion,
            aksi.measure,
            "Tercapai " + std::to_string(rng.between(30, 100)) + "%",
            rng.chance(0.2) ? "" : base + "-1.pdf; " + base + "-2.pdf",
            submitted,
            rng.pick(kReportStatus)};
  }

  std::uint64_t seed_;
  const Region& province_;
};

// --- OPD REST API ----------------------------------------------------------------------------------

constexpr const char* kServices[] = {"KTP-el", "Kartu Keluarga", "Akta Kelahiran", "Akta Kematian",
                                     "Kartu Identitas Anak"};

class OpdApi : public TableGenerator {
 public:
  OpdApi(std::uint64_t seed, const Region& region) : seed_(seed), region_(region) {}

  std::string_view kind() const override { return "opd"; }
  std::string title() const override { return "API Layanan Disdukcapil " + std::string(region_.name); }
  std::string primaryPath() const override { return "/api/v1/layanan"; }
  TableShape shape() const override {
    return {{"id", "layanan", "unit", "kode_wilayah", "bulan", "permohonan", "selesai", "rata_waktu_hari",
             "diperbarui"},
            {true, false, false, false, false, true, true, true, false},
            TableFormat::kJson};
  }
  std::vector<Row> rows() const override {
    std::vector<Row> out;
    for (std::uint64_t n = 0; n < 12 * std::size(kServices); ++n) out.push_back(row(n));
    return out;
  }
  Row extraRow(std::uint64_t n) const override { return row(12 * std::size(kServices) + n); }
  void revise(Row& row, Rng& rng) const override {
    row[6] = std::to_string(std::stoi(row[6]) + rng.between(1, 20));
    row[8] = "2025-01-15T08:00:00+07:00";
  }
  std::string keyOf(const Row& row) const override { return row[0]; }
  JsonValue sourceOptions() const override {
    return object({{"mode", "rest"},
                   {"paging", "page"},
                   {"items_pointer", "/data/items"},
                   {"page_param", "page"},
                   {"limit_param", "limit"},
                   {"page_size", std::int64_t{25}},
                   {"fields", object({{"key", "/id"},
                                      {"subject", "/kode_wilayah"},
                                      {"period", "/bulan"},
                                      {"unit", "/unit"},
                                      {"service", "/layanan"},
                                      {"requests", "/permohonan"},
                                      {"completed", "/selesai"},
                                      {"average_days", "/rata_waktu_hari"},
                                      {"updated_at", "/diperbarui"}})}});
  }
  std::pair<std::string, std::string> envelope(std::size_t total) const override {
    return {"{\"status\":\"ok\",\"data\":{\"items\":", "},\"meta\":{\"total\":" + std::to_string(total) + "}}"};
  }

 private:
  Row row(std::uint64_t n) const {
    Rng rng = Rng::forKeys({seed_, 0x4f5044, n});
    const std::uint64_t month = n / std::size(kServices);
    const int year = kYear + static_cast<int>(month / 12);
    const int requests = rng.between(200, 4000);
    char period[32];
    std::snprintf(period, sizeof period, "%d-%02d", year, static_cast<int>(month % 12 + 1));
    char updated[48];
    std::snprintf(updated, sizeof updated, "%d-%02d-05T08:00:00+07:00", month % 12 == 11 ? year + 1 : year,
                  static_cast<int>((month + 1) % 12 + 1));
    return {std::to_string(n + 1),
            kServices[n % std::size(kServices)],
            "Dinas Kependudukan dan Pencatatan Sipil " + std::string(region_.name),
            std::string(region_.code),
            period,
            std::to_string(requests),
            std::to_string(requests - rng.between(0, requests / 10)),
            number(1.0 + static_cast<double>(rng.between(0, 60)) / 10.0),
            updated};
  }

  std::uint64_t seed_;
  const Region& region_;
};

// --- SKM survey ------------------------------------------------------------------------------------

struct Unit {
  const char* name;
  int bias;  // 0–3: how often answers are 4 rather than 3; spreads the units over the A–D bands
};
constexpr Unit kUnits[] = {{"Dinas Kependudukan dan Pencatatan Sipil", 3},
                           {"Dinas Penanaman Modal dan PTSP", 2},
                           {"Dinas Kesehatan", 1},
                           {"RSUD", 0}};
constexpr const char* kSemesters[] = {"2024-S1", "2024-S2"};
constexpr int kRespondents = 30;

class SkmSurvey : public TableGenerator {
 public:
  SkmSurvey(std::uint64_t seed, const Region& region) : seed_(seed), region_(region) {}

  // SKM results are read by the opd connector's `skm` mode.
  std::string_view kind() const override { return "opd"; }
  std::string title() const override { return "Hasil Survei Kepuasan Masyarakat " + std::string(region_.name); }
  std::string primaryPath() const override { return "/api/skm/responden"; }
  TableShape shape() const override {
    std::vector<bool> numeric(12, true);
    numeric[0] = numeric[1] = false;
    return {{"unit", "periode", "responden", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"},
            std::move(numeric),
            TableFormat::kJson};
  }
  std::vector<Row> rows() const override {
    std::vector<Row> out;
    for (std::size_t s = 0; s < std::size(kSemesters); ++s) {
      for (std::size_t u = 0; u < std::size(kUnits); ++u) {
        for (int r = 1; r <= kRespondents; ++r) out.push_back(row(u, kSemesters[s], r));
      }
    }
    return out;
  }
  Row extraRow(std::uint64_t n) const override {
    return row(static_cast<std::size_t>(n % std::size(kUnits)), kSemesters[1],
               kRespondents + 1 + static_cast<int>(n / std::size(kUnits)));
  }
  void revise(Row& row, Rng& rng) const override { row[3 + rng.below(9)] = std::to_string(rng.between(1, 4)); }
  std::string keyOf(const Row& row) const override { return row[0] + "|" + row[1] + "|" + row[2]; }
  JsonValue sourceOptions() const override {
    JsonValue fields = object({{"unit", "/unit"}, {"period", "/periode"}, {"respondent", "/responden"}});
    for (int u = 1; u <= 9; ++u) fields.set("U" + std::to_string(u), "/U" + std::to_string(u));
    return object({{"mode", "skm"},
                   {"skm_source", "rest"},
                   {"skm_input", "respondents"},
                   {"items_pointer", ""},
                   {"paging", "none"},
                   {"fields", std::move(fields)}});
  }

 private:
  Row row(std::size_t u, const char* semester, int respondent) const {
    Rng rng = Rng::forKeys({seed_, 0x534b4d, u, std::hash<std::string_view>{}(semester),
                            static_cast<std::uint64_t>(respondent)});
    Row out{std::string(kUnits[u].name) + " " + std::string(region_.name), semester, std::to_string(respondent)};
    for (int e = 0; e < 9; ++e) {
      const int roll = rng.between(0, 9);
      // bias 3: mostly 4s; bias 0: 2s and 3s.
      int answer = roll < kUnits[u].bias * 3 ? 4 : roll < 8 ? 3 : 2;
      if (kUnits[u].bias == 0 && roll == 9) answer = 1;
      out.push_back(std::to_string(answer));
    }
    return out;
  }

  std::uint64_t seed_;
  const Region& region_;
};

}  // namespace

const std::vector<std::string_view>& exportKinds() {
  static const std::vector<std::string_view> kKinds = {"kkpham", "ranham", "opd", "skm"};
  return kKinds;
}

std::unique_ptr<TableGenerator> makeExportGenerator(std::string_view kind, std::uint64_t seed, const Region& region) {
  if (kind == "kkpham") return std::make_unique<KkphamExport>(seed, region);
  if (kind == "ranham") return std::make_unique<RanhamExport>(seed, region);
  if (kind == "opd") return std::make_unique<OpdApi>(seed, region);
  if (kind == "skm") return std::make_unique<SkmSurvey>(seed, region);
  throw std::invalid_argument("unknown export kind '" + std::string(kind) + "'");
}

}  // namespace hamhub::sim

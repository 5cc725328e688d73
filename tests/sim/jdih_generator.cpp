#include "jdih_generator.h"

#include <algorithm>
#include <cstdio>
#include <string_view>
#include <utility>

#include "rng.h"

namespace hamhub::sim {

namespace {

// Kinds of regional legal products (DOMAIN.md: Perda, Perbup/Perwali, Kepbup/Kepwal, Instruksi,
// Surat Edaran), as bits so a topic can say which kinds it appears under.
enum Kind : unsigned { kPerda = 1, kPerkada = 2, kKeputusan = 4, kInstruksi = 8, kSuratEdaran = 16 };

struct Topic {
  const char* text;  // placeholders: {R} region, {S} short name, {KLA}, {Y} year, {Y1}/{Y5}/{Y20} years after, {P}
                     // previous, {RAN} RANHAM period, {D} dinas
  const char* subjek;
  const char* bidang;
  unsigned kinds;
  const char* law;  // the statute an abstract cites besides UU 23/2014, or nullptr
};

constexpr Topic kHamTopics[] = {
    {"Penghormatan, Perlindungan dan Pemenuhan Hak Penyandang Disabilitas",
     "HAK ASASI MANUSIA - PENYANDANG DISABILITAS", "Hukum Tata Negara", kPerda,
     "Undang-Undang Nomor 8 Tahun 2016 tentang Penyandang Disabilitas"},
    {"Penyelenggaraan Perlindungan Anak", "PERLINDUNGAN ANAK", "Hukum Tata Negara", kPerda,
     "Undang-Undang Nomor 35 Tahun 2014 tentang Perubahan atas Undang-Undang Nomor 23 Tahun 2002 tentang Perlindungan "
     "Anak"},
    {"Penyelenggaraan {KLA}", "ANAK - KABUPATEN/KOTA LAYAK ANAK", "Hukum Tata Negara", kPerda | kPerkada,
     "Peraturan Presiden Nomor 25 Tahun 2021 tentang Kebijakan Kabupaten/Kota Layak Anak"},
    {"Gugus Tugas {KLA} {R} Tahun {Y}", "ANAK - KABUPATEN/KOTA LAYAK ANAK", "Hukum Administrasi Negara", kKeputusan,
     nullptr},
    {"Bantuan Hukum bagi Masyarakat Miskin", "BANTUAN HUKUM", "Hukum Tata Negara", kPerda | kPerkada,
     "Undang-Undang Nomor 16 Tahun 2011 tentang Bantuan Hukum"},
    {"Pengarusutamaan Gender dalam Pembangunan Daerah", "PENGARUSUTAMAAN GENDER", "Hukum Tata Negara",
     kPerda | kPerkada,
     "Instruksi Presiden Nomor 9 Tahun 2000 tentang Pengarusutamaan Gender dalam Pembangunan Nasional"},
    {"Rencana Aksi Daerah Hak Asasi Manusia Tahun {RAN}", "HAK ASASI MANUSIA - RANHAM", "Hukum Tata Negara", kPerkada,
     "Peraturan Presiden Nomor 53 Tahun 2021 tentang Rencana Aksi Nasional Hak Asasi Manusia Tahun 2021-2025"},
    {"Pembentukan Tim Pelaksana Aksi Hak Asasi Manusia {R} Tahun {Y}", "HAK ASASI MANUSIA - RANHAM",
     "Hukum Administrasi Negara", kKeputusan, nullptr},
    {"Tim Penyusun Data Dukung {R} Peduli Hak Asasi Manusia Tahun {Y}", "HAK ASASI MANUSIA - KKPHAM",
     "Hukum Administrasi Negara", kKeputusan, nullptr},
    {"Pelaksanaan Aksi Hak Asasi Manusia Tahun {Y}", "HAK ASASI MANUSIA - RANHAM", "Hukum Administrasi Negara",
     kSuratEdaran | kInstruksi, nullptr},
    {"Percepatan Penyampaian Laporan Aksi Hak Asasi Manusia", "HAK ASASI MANUSIA - RANHAM", "Hukum Administrasi Negara",
     kInstruksi | kSuratEdaran, nullptr},
    {"Penyelenggaraan Pelayanan Publik", "PELAYANAN PUBLIK", "Hukum Administrasi Negara", kPerda,
     "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"},
    {"Standar Pelayanan Publik Berbasis Hak Asasi Manusia pada {D}", "PELAYANAN PUBLIK - HAK ASASI MANUSIA",
     "Hukum Administrasi Negara", kPerkada | kKeputusan, "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"},
    {"Pelayanan Publik Ramah Kelompok Rentan", "PELAYANAN PUBLIK - KELOMPOK RENTAN", "Hukum Administrasi Negara",
     kSuratEdaran, nullptr},
    {"Pelindungan Perempuan dan Anak dari Tindak Kekerasan", "PEREMPUAN - ANAK", "Hukum Pidana", kPerda,
     "Undang-Undang Nomor 12 Tahun 2022 tentang Tindak Pidana Kekerasan Seksual"},
    {"Pencegahan Perkawinan Anak", "PERLINDUNGAN ANAK", "Hukum Perdata", kPerkada | kSuratEdaran, nullptr},
    {"Pembentukan Unit Layanan Disabilitas", "PENYANDANG DISABILITAS", "Hukum Administrasi Negara",
     kPerkada | kKeputusan, "Peraturan Pemerintah Nomor 70 Tahun 2019"},
};

constexpr Topic kOrdinaryTopics[] = {
    {"Anggaran Pendapatan dan Belanja Daerah Tahun Anggaran {Y1}", "KEUANGAN DAERAH - APBD", "Hukum Keuangan Negara",
     kPerda,
     "Undang-Undang Nomor 1 Tahun 2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah"},
    {"Perubahan Anggaran Pendapatan dan Belanja Daerah Tahun Anggaran {Y}", "KEUANGAN DAERAH - APBD",
     "Hukum Keuangan Negara", kPerda, nullptr},
    {"Penjabaran Anggaran Pendapatan dan Belanja Daerah Tahun Anggaran {Y1}", "KEUANGAN DAERAH - APBD",
     "Hukum Keuangan Negara", kPerkada, nullptr},
    {"Pertanggungjawaban Pelaksanaan Anggaran Pendapatan dan Belanja Daerah Tahun Anggaran {P}",
     "KEUANGAN DAERAH - APBD", "Hukum Keuangan Negara", kPerda, nullptr},
    {"Pajak Daerah dan Retribusi Daerah", "PAJAK DAERAH - RETRIBUSI DAERAH", "Hukum Keuangan Negara", kPerda,
     "Undang-Undang Nomor 1 Tahun 2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah"},
    {"Retribusi Jasa Umum", "RETRIBUSI DAERAH", "Hukum Keuangan Negara", kPerda, nullptr},
    {"Retribusi Perizinan Tertentu", "RETRIBUSI DAERAH", "Hukum Keuangan Negara", kPerda, nullptr},
    {"Tarif Retribusi Pelayanan Pasar", "RETRIBUSI DAERAH", "Hukum Keuangan Negara", kPerkada, nullptr},
    {"Rencana Tata Ruang Wilayah {R} Tahun {Y}-{Y20}", "TATA RUANG", "Hukum Administrasi Negara", kPerda,
     "Undang-Undang Nomor 26 Tahun 2007 tentang Penataan Ruang"},
    {"Rencana Detail Tata Ruang Kawasan Perkotaan {S}", "TATA RUANG", "Hukum Administrasi Negara", kPerkada, nullptr},
    {"Rencana Pembangunan Jangka Menengah Daerah Tahun {Y1}-{Y5}", "PERENCANAAN PEMBANGUNAN",
     "Hukum Administrasi Negara", kPerda, nullptr},
    {"Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja {D}", "ORGANISASI PERANGKAT DAERAH",
     "Hukum Tata Negara", kPerkada, nullptr},
    {"Pembentukan dan Susunan Perangkat Daerah", "ORGANISASI PERANGKAT DAERAH", "Hukum Tata Negara", kPerda, nullptr},
    {"Pengelolaan Sampah", "LINGKUNGAN HIDUP - SAMPAH", "Hukum Lingkungan", kPerda | kPerkada,
     "Undang-Undang Nomor 18 Tahun 2008 tentang Pengelolaan Sampah"},
    {"Kawasan Tanpa Rokok", "KESEHATAN", "Hukum Kesehatan", kPerda | kPerkada, nullptr},
    {"Percepatan Penurunan Stunting", "KESEHATAN - STUNTING", "Hukum Kesehatan", kPerkada | kInstruksi, nullptr},
    {"Penetapan Kelurahan dan Desa Sadar Hukum Tahun {Y}", "PEMBINAAN HUKUM", "Hukum Administrasi Negara", kKeputusan,
     nullptr},
    {"Pembentukan Tim Koordinasi Penanggulangan Kemiskinan {R}", "KEMISKINAN", "Hukum Administrasi Negara", kKeputusan,
     nullptr},
    {"Pemberian Tambahan Penghasilan Pegawai Aparatur Sipil Negara", "KEPEGAWAIAN", "Hukum Administrasi Negara",
     kPerkada, nullptr},
    {"Disiplin Kerja Aparatur Sipil Negara di Lingkungan Pemerintah {R}", "KEPEGAWAIAN", "Hukum Administrasi Negara",
     kInstruksi | kSuratEdaran, nullptr},
    {"Pengelolaan Barang Milik Daerah", "BARANG MILIK DAERAH", "Hukum Keuangan Negara", kPerda, nullptr},
    {"Penyelenggaraan Pemilihan Kepala Desa", "PEMERINTAHAN DESA", "Hukum Tata Negara", kPerda | kPerkada, nullptr},
    {"Hari Libur Nasional dan Cuti Bersama Tahun {Y}", "KEPEGAWAIAN", "Hukum Administrasi Negara", kSuratEdaran,
     nullptr},
    {"Penetapan Lokasi Pembangunan Pasar Rakyat", "PEMBANGUNAN", "Hukum Administrasi Negara", kKeputusan, nullptr},
};

constexpr const char* kDinas[] = {"Dinas Sosial",
                                  "Dinas Kependudukan dan Pencatatan Sipil",
                                  "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
                                  "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
                                  "Dinas Kesehatan",
                                  "Badan Pengelola Keuangan dan Aset Daerah",
                                  "Rumah Sakit Umum Daerah"};

constexpr const char* kMateri[] = {"asas dan tujuan",
                                   "hak dan kewajiban",
                                   "kewenangan pemerintah daerah",
                                   "koordinasi antarperangkat daerah",
                                   "peran serta masyarakat",
                                   "pendanaan",
                                   "pembinaan dan pengawasan",
                                   "pemantauan, evaluasi dan pelaporan",
                                   "sanksi administratif",
                                   "tata cara pengaduan",
                                   "sistem informasi",
                                   "penghargaan"};

std::string replaceAll(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

std::string twoDigits(int v) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d", v);
  return buffer;
}

std::string date(int year, int month, int day) {
  return std::to_string(year) + "-" + twoDigits(month) + "-" + twoDigits(day);
}

std::string lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

struct Jenis {
  std::string name;       // "Peraturan Bupati"
  std::string singkatan;  // "PERBUP"
  std::string titleHead;  // "Peraturan Bupati Lahat"
};

Jenis jenisFor(unsigned kind, const Region& region) {
  const std::string shortName(region.shortName);
  const std::string head = region.city ? "Wali Kota" : "Bupati";
  switch (kind) {
    case kPerda:
      return {"Peraturan Daerah", "PERDA", "Peraturan Daerah " + std::string(region.name)};
    case kPerkada:
      return {"Peraturan " + head, region.city ? "PERWALI" : "PERBUP", "Peraturan " + head + " " + shortName};
    case kKeputusan:
      return {"Keputusan " + head, region.city ? "KEPWAL" : "KEPBUP", "Keputusan " + head + " " + shortName};
    case kInstruksi:
      return {"Instruksi " + head, region.city ? "INWAL" : "INBUP", "Instruksi " + head + " " + shortName};
    default:
      return {"Surat Edaran", "SE", "Surat Edaran " + head + " " + shortName};
  }
}

unsigned pickKind(Rng& rng) {
  const std::size_t r = rng.below(100);
  if (r < 26) return kPerda;
  if (r < 62) return kPerkada;
  if (r < 86) return kKeputusan;
  if (r < 93) return kInstruksi;
  return kSuratEdaran;
}

const Topic& pickTopic(Rng& rng, unsigned kind) {
  const bool ham = rng.chance(0.3);
  const Topic* candidates[64];
  std::size_t count = 0;
  auto collect = [&](const auto& topics) {
    for (const Topic& t : topics) {
      if ((t.kinds & kind) != 0 && count < 64) candidates[count++] = &t;
    }
  };
  if (ham) collect(kHamTopics);
  if (count == 0) collect(kOrdinaryTopics);
  if (count == 0) collect(kHamTopics);
  return *candidates[rng.below(count)];
}

}  // namespace

JdihGenerator::JdihGenerator(std::uint64_t seed, std::uint64_t siteIndex, const Region& region, std::string host,
                             double incompleteShare)
    : seed_(seed), site_(siteIndex), region_(region), host_(std::move(host)), incompleteShare_(incompleteShare) {
  Rng rng = Rng::forKeys({seed_, site_, 0x70f11eULL});
  profile_.idsAsStrings = rng.chance(0.6);
  profile_.flagsAsStrings = rng.chance(0.6);
  const std::size_t empty = rng.below(10);
  profile_.empty = empty < 6 ? FeedProfile::Empty::kDash
                             : (empty < 9 ? FeedProfile::Empty::kEmptyString : FeedProfile::Empty::kNull);
  profile_.abstractCamelCase = rng.chance(0.5);
  profile_.abstractShare = 0.05 + 0.05 * static_cast<double>(rng.below(5));
  const std::size_t updated = rng.below(10);
  profile_.updated = updated < 4 ? FeedProfile::Updated::kNone
                                 : (updated < 7 ? FeedProfile::Updated::kCamelCase : FeedProfile::Updated::kSnakeCase);
  profile_.newestFirst = rng.chance(0.7);
  profile_.https = rng.chance(0.8);
  profile_.idBase = static_cast<int>(1 + rng.below(3) * 500 + rng.below(200));
  profile_.style = static_cast<int>(rng.below(3));
}

std::string JdihGenerator::origin() const { return (profile_.https ? "https://" : "http://") + host_; }

JsonValue JdihGenerator::emptyValue() const {
  switch (profile_.empty) {
    case FeedProfile::Empty::kDash:
      return JsonValue("-");
    case FeedProfile::Empty::kEmptyString:
      return JsonValue("");
    case FeedProfile::Empty::kNull:
      break;
  }
  return JsonValue(nullptr);
}

JsonValue JdihGenerator::document(std::uint64_t n) const {
  Rng rng = Rng::forKeys({seed_, site_, n, 0xd0cULL});
  const int style = profile_.style;
  const std::string regionName(region_.name);
  const std::string shortName(region_.shortName);
  const JsonValue empty = emptyValue();

  const unsigned kind = pickKind(rng);
  const Jenis jenis = jenisFor(kind, region_);
  const Topic& topic = pickTopic(rng, kind);
  const int year = rng.between(std::max(2010, region_.formed), 2025);
  const int month = rng.between(1, 12);
  const int day = rng.between(1, 22);
  const int delay = rng.between(0, 6);

  std::string number;
  std::string fileNumber;  // what the CMS puts in upload names: the running number only
  const int seq = rng.between(1, kind == kPerda ? 18 : (kind == kInstruksi ? 8 : 95));
  if (kind == kKeputusan) {
    const int k = rng.between(1, 900);
    fileNumber = std::to_string(k);
    number = style == 0 ? "188.45/" + std::to_string(k) + "/KPTS/HUK/" + std::to_string(year)
                        : (style == 1 ? std::to_string(k) + "/KPTS/BAG.HUK/" + std::to_string(year)
                                      : "100.3.3.2/" + std::to_string(k) + "/KPTS/" + std::to_string(year));
  } else if (kind == kSuratEdaran) {
    fileNumber = std::to_string(rng.between(1, 400));
    number = (style == 2 ? "400.9/" : "100.3.4/") + fileNumber + "/Setda/" + std::to_string(year);
  } else {
    number = std::to_string(seq);
    fileNumber = number;
  }

  std::string subject = topic.text;
  subject = replaceAll(subject, "{KLA}", region_.city ? "Kota Layak Anak" : "Kabupaten Layak Anak");
  subject = replaceAll(subject, "{R}", regionName);
  subject = replaceAll(subject, "{S}", shortName);
  subject = replaceAll(subject, "{RAN}", year < 2015 ? "2011-2014" : (year < 2020 ? "2015-2019" : "2021-2025"));
  subject = replaceAll(subject, "{Y1}", std::to_string(year + 1));
  subject = replaceAll(subject, "{Y5}", std::to_string(year + 5));
  subject = replaceAll(subject, "{Y20}", std::to_string(year + 20));
  subject = replaceAll(subject, "{Y}", std::to_string(year));
  subject = replaceAll(subject, "{P}", std::to_string(year - 1));
  subject = replaceAll(subject, "{D}", rng.pick(kDinas));

  const bool numbered = kind == kKeputusan || kind == kSuratEdaran;
  const std::string judul =
      jenis.titleHead + " Nomor " + number + (numbered ? "" : " Tahun " + std::to_string(year)) + " tentang " + subject;

  const std::int64_t id = profile_.idBase + static_cast<std::int64_t>(n);
  const std::string idText = std::to_string(id);
  const std::string origin = this->origin();
  const std::string penetapan = date(year, month, day);
  const std::string pengundangan = date(year, month, day + delay);

  std::string file;
  switch (style) {
    case 0:
      file = lower(jenis.singkatan) + "-" + fileNumber + "-" + std::to_string(year) + ".pdf";
      break;
    case 1:
      file = jenis.singkatan + "_NO_" + fileNumber + "_TAHUN_" + std::to_string(year) + ".pdf";
      break;
    default:
      file = std::to_string(1500000000 + rng.below(250000000)) + ".pdf";  // upload time stamp as the name
  }
  static constexpr const char* kUploadDirs[] = {"/uploads/", "/storage/", "/files/"};
  const std::string detail =
      style == 0 ? origin + "/produk-hukum/" + idText
                 : (style == 1 ? origin + "/dokumen/view?id=" + idText : origin + "/peraturan/" + idText);

  const std::size_t statusRoll = rng.below(100);
  const char* status =
      statusRoll < 78 ? "Berlaku" : (statusRoll < 86 ? "Tidak Berlaku" : (statusRoll < 93 ? "Dicabut" : "Diubah"));

  // Where it was promulgated: the Lembaran Daerah (Perda) or Berita Daerah (Perkada), written in
  // the site's own shorthand.
  std::string sumber;
  if (kind == kPerda || kind == kPerkada) {
    const bool ld = kind == kPerda;
    const std::string y = std::to_string(year);
    const std::string no = std::to_string(ld ? seq : rng.between(1, 60));
    sumber = style == 0 ? std::string(ld ? "LD " : "BD ") + y + " (" + no + ")"
                        : (style == 1 ? std::string(ld ? "Lembaran Daerah " : "Berita Daerah ") + regionName +
                                            " Tahun " + y + " Nomor " + no
                                      : std::string(ld ? "LD" : "BD") + " Tahun " + y + " Nomor " + no);
  }
  const int pages = rng.between(3, 120);
  std::string fisik = style == 0
                          ? std::to_string(pages) + " hlm."
                          : (style == 1 ? std::to_string(pages) + " hlm; 29 cm" : std::to_string(pages) + " halaman");
  const std::string teu = style == 2 ? shortName + (region_.city ? " (Kota)" : " (Kabupaten)") : regionName;
  const std::string penerbit =
      style == 0 ? "Bagian Hukum" : (style == 1 ? "Bagian Hukum Setda " + shortName : "Pemerintah " + regionName);

  auto text = [&](const std::string& s) { return s.empty() ? empty : JsonValue(s); };
  auto idValue = [&](std::int64_t v) { return profile_.idsAsStrings ? JsonValue(std::to_string(v)) : JsonValue(v); };
  auto flag = [&](int v) { return profile_.flagsAsStrings ? JsonValue(std::to_string(v)) : JsonValue(v); };

  JsonValue::Object d;
  d.reserve(30);
  d.emplace_back("idData", idValue(id));
  d.emplace_back("tahun_pengundangan", idValue(year));
  d.emplace_back("tanggal_pengundangan", pengundangan);
  d.emplace_back("jenis", jenis.name);
  d.emplace_back("noPeraturan", number);
  d.emplace_back("judul", judul);
  d.emplace_back("noPanggil",
                 style == 1 ? JsonValue(jenis.singkatan + " " + number + " " + std::to_string(year)) : empty);
  d.emplace_back("singkatanJenis", jenis.singkatan);
  d.emplace_back("tempatTerbit", shortName);
  d.emplace_back("penerbit", penerbit);
  d.emplace_back("deskripsiFisik", fisik);
  d.emplace_back("sumber", text(sumber));
  d.emplace_back("subjek", topic.subjek);
  d.emplace_back("isbn", empty);
  d.emplace_back("status", status);
  d.emplace_back("bahasa", style == 2 ? "Bahasa Indonesia" : "Indonesia");
  d.emplace_back("bidangHukum", topic.bidang);
  d.emplace_back("teuBadan", teu);
  // Not in the JDIHN field list, but many regional sites publish it and Permenkumham 8/2019 makes
  // it mandatory; derived from the region alone so the generator's random sequence is unchanged.
  d.emplace_back("pemrakarsa", "Bagian Hukum");
  d.emplace_back("nomorIndukBuku", empty);
  d.emplace_back("fileDownload", file);
  d.emplace_back("urlDownload", origin + kUploadDirs[style] + file);
  d.emplace_back("urlDetailPeraturan", detail);
  d.emplace_back("operasi", flag(4));
  d.emplace_back("display", flag(1));
  if (rng.chance(profile_.abstractShare)) {
    std::string abstrak = jenis.name + " ini mengatur " + lower(subject.substr(0, 1)) + subject.substr(1);
    if (topic.law != nullptr) {
      abstrak += ". Dasar hukum: " + std::string(topic.law);
    } else {
      const std::size_t first = rng.below(std::size(kMateri));
      const std::size_t second = (first + 1 + rng.below(std::size(kMateri) - 1)) % std::size(kMateri);
      abstrak += ", meliputi " + std::string(kMateri[first]) + " serta " + kMateri[second];
    }
    d.emplace_back("abstrak", abstrak + ".");
    d.emplace_back(profile_.abstractCamelCase ? "urlAbstrak" : "urlabstrak", origin + "/abstrak/" + idText + ".pdf");
  }
  d.emplace_back("tanggal_penetapan", penetapan);
  if (profile_.updated != FeedProfile::Updated::kNone) {
    // Edited on the day it was published, or in a later year.
    const bool later = year < 2025 && rng.chance(0.5);
    const std::string stamp =
        (later ? date(rng.between(year + 1, 2025), rng.between(1, 12), rng.between(1, 28)) : pengundangan) + " " +
        twoDigits(rng.between(7, 17)) + ":" + twoDigits(rng.between(0, 59)) + ":" + twoDigits(rng.between(0, 59));
    d.emplace_back(profile_.updated == FeedProfile::Updated::kCamelCase ? "lastUpdated" : "last_updated", stamp);
  }

  // A fixed share of documents misses mandatory metadata (Permenkumham 8/2019): one or two of these
  // fields absent or empty, as real feeds show.
  Rng gaps = Rng::forKeys({seed_, site_, n, 0x9a95ULL});
  if (gaps.chance(incompleteShare_)) {
    static constexpr const char* kMandatory[] = {"subjek", "teuBadan", "tanggal_penetapan", "sumber", "bidangHukum",
                                                 "pemrakarsa"};
    const std::size_t count = 1 + gaps.below(2);
    const std::size_t first = gaps.below(std::size(kMandatory));
    for (std::size_t k = 0; k < count; ++k) {
      const std::string_view field = kMandatory[(first + k * 2) % std::size(kMandatory)];
      const bool removeKey = gaps.chance(0.5);
      for (auto it = d.begin(); it != d.end(); ++it) {
        if (it->first != field) continue;
        if (removeKey) {
          d.erase(it);
        } else {
          it->second = empty;
        }
        break;
      }
    }
  }
  return JsonValue(std::move(d));
}

}  // namespace hamhub::sim

#include "ranham_fields.h"

namespace hamhub::ranham {

const std::vector<tabular::FieldSpec>& fields() {
  static const std::vector<tabular::FieldSpec> kFields = {
      {"subject", {"Pemerintah Daerah", "Kabupaten/Kota", "Kab/Kota", "Instansi", "Nama Daerah", "Daerah"}, false, ""},
      {"subject_code", {"Kode Wilayah", "Kode Daerah", "Kode Instansi", "Kode Kemendagri"}, false, ""},
      {"year", {"Tahun"}, false, ""},
      {"period", {"Periode", "Periode Laporan"}, false, ""},
      {"kelompok_sasaran", {"Kelompok Sasaran", "Sasaran"}, false, ""},
      {"aksi_number", {"No Aksi", "No. Aksi", "Nomor Aksi", "No"}, true, ""},
      {"aksi", {"Aksi", "Aksi HAM", "Uraian Aksi"}, false, ""},
      {"kriteria_keberhasilan", {"Kriteria Keberhasilan"}, false, ""},
      {"ukuran_keberhasilan", {"Ukuran Keberhasilan", "Indikator Keberhasilan"}, false, ""},
      {"capaian", {"Capaian", "Laporan Capaian", "Realisasi"}, false, ""},
      {"data_dukung", {"Data Dukung", "Link Data Dukung", "Tautan Data Dukung"}, false, ""},
      {"status", {"Status", "Status Verifikasi"}, false, ""},
      {"submitted_at", {"Tanggal Kirim", "Tanggal Pelaporan", "Waktu Kirim", "Tanggal Input"}, false, ""},
  };
  return kFields;
}

}  // namespace hamhub::ranham

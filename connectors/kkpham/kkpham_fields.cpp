#include "kkpham_fields.h"

namespace hamhub::kkpham {

const std::vector<tabular::FieldSpec>& fields() {
  static const std::vector<tabular::FieldSpec> kFields = {
      {"subject", {"Kabupaten/Kota", "Kab/Kota", "Kabupaten Kota", "Pemerintah Daerah", "Nama Daerah", "Daerah"}, false, ""},
      {"subject_code", {"Kode Wilayah", "Kode Daerah", "Kode Kab/Kota", "Kode Kemendagri"}, false, ""},
      {"year", {"Tahun", "Tahun Penilaian"}, false, ""},
      {"criterion", {"Kriteria", "Hak", "Kriteria/Hak"}, false, ""},
      {"indicator", {"Kode Indikator", "No Indikator", "No. Indikator", "ID Indikator"}, true, ""},
      {"indicator_name", {"Indikator", "Nama Indikator", "Uraian Indikator"}, false, ""},
      {"indicator_type", {"Jenis Indikator", "Tipe Indikator", "Jenis"}, false, ""},
      {"value", {"Nilai", "Skor", "Capaian"}, true, ""},
      {"evidence_url", {"Data Dukung", "Link Data Dukung", "URL Data Dukung", "Tautan Data Dukung"}, false, ""},
      {"status", {"Status", "Status Verifikasi"}, false, ""},
      {"submitted_at", {"Tanggal Kirim", "Tanggal Pengiriman", "Waktu Kirim", "Tanggal Input"}, false, ""},
  };
  return kFields;
}

}  // namespace hamhub::kkpham

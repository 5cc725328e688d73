#include "cli/demo_files.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

#include <fstream>
#include <random>

#include "hamhub/json.h"

namespace hamhub::cli {

namespace fs = std::filesystem;

namespace {

Status writeFile(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return Status::error(file.string() + ": cannot write the file", "io");
  return Status::ok();
}

// One population-service row per unit and month, and the P2HAM declarations: three units of Kota
// Palembang and Ogan Ilir's Disdukcapil, two of them still owing their SK Tim or evidence.
constexpr const char* kOpdSchema[] = {
    "CREATE TABLE layanan (id INTEGER PRIMARY KEY, kode_wilayah TEXT, bulan TEXT, unit TEXT, layanan TEXT, "
    "permohonan INTEGER, selesai INTEGER)",
    "INSERT INTO layanan VALUES (1, '16.71', '2024-07', 'Disdukcapil Kota Palembang', 'KTP-el', 5120, 4980), "
    "(2, '16.71', '2024-07', 'Disdukcapil Kota Palembang', 'Akta kelahiran', 1840, 1795), "
    "(3, '16.71', '2024-08', 'Disdukcapil Kota Palembang', 'KTP-el', 4870, 4811), "
    "(4, '16.71', '2024-08', 'Disdukcapil Kota Palembang', 'Akta kelahiran', 1766, 1740), "
    "(5, '16.10', '2024-08', 'Disdukcapil Kabupaten Ogan Ilir', 'KTP-el', 930, 801)",
    "CREATE TABLE p2ham_pencanangan (id INTEGER PRIMARY KEY, kode_wilayah TEXT, unit TEXT, "
    "tanggal_pencanangan TEXT, sk_tim TEXT)",
    "INSERT INTO p2ham_pencanangan VALUES "
    "(1, '16.71', 'Disdukcapil Kota Palembang', '2024-03-12', 'SK Wali Kota 180/KPTS/2024'), "
    "(2, '16.71', 'DPMPTSP Kota Palembang', '2024-03-12', ''), "
    "(3, '16.71', 'RSUD Bari Palembang', '2024-08-30', ''), "
    "(4, '16.10', 'Disdukcapil Kabupaten Ogan Ilir', '2024-05-02', 'SK Bupati 120/2024')",
    "CREATE TABLE p2ham_indikator (id INTEGER PRIMARY KEY, kode_wilayah TEXT, unit TEXT, tahun TEXT, "
    "indikator TEXT, nilai TEXT)",
    "INSERT INTO p2ham_indikator VALUES (1, '16.71', 'Disdukcapil Kota Palembang', '2024', '1.1', 'Ada'), "
    "(2, '16.71', 'Disdukcapil Kota Palembang', '2024', '2.3', 'Proses')",
};

std::string sqlSource(const std::string& id, const std::string& description, const fs::path& db,
                      const std::string& kind, const std::string& query, const std::string& periodColumn) {
  JsonWriter w;
  w.beginObject().key("id").value(id).key("connector").value("opd").key("subject").value("16");
  w.key("schedule").value("30 2 * * *").key("enabled").value(true).key("description").value(description);
  w.key("options").beginObject().key("mode").value("sql").key("connection").value("sqlite:" + db.string());
  w.key("query").value(query).key("record_kind").value(kind);
  w.key("key_columns").beginArray().value("id").endArray().key("subject_column").value("kode_wilayah");
  w.key("unit_column").value("unit");
  if (!periodColumn.empty()) w.key("period_column").value(periodColumn);
  w.endObject().endObject();
  return w.take();
}

}  // namespace

std::string randomToken() {
  std::random_device random;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string token;
  for (int i = 0; i < 32; ++i) token += kHex[random() % 16];
  return token;
}

Status writeDemoHub(const fs::path& dir, const DemoHubSettings& s) {
  JsonWriter w;
  w.beginObject().key("store").value("sqlite:hub.db").key("sources_dir").value("sources.d");
  w.key("regions_dir").value(s.regionsDir.string()).key("criteria_dir").value(s.criteriaDir.string());
  w.key("harvest").beginObject().key("concurrency").value(8).key("splay_s").value(1).endObject();
  w.key("monitor").beginObject().key("interval_s").value(60).endObject();
  w.key("alerts").beginObject().key("interval_s").value(60).key("as_of").value(s.asOf).endObject();
  w.key("api").beginObject().key("listen").value(s.listen).key("tokens").beginArray();
  w.beginObject().key("token").value(s.tokens.viewer).key("role").value("viewer").key("region").value("16").endObject();
  w.beginObject().key("token").value(s.tokens.operatorToken).key("role").value("operator").key("region").value("16");
  w.endObject().endArray().endObject().endObject();
  return writeFile(dir / "hamhub.json",
                   "// hamhub demo hub (written by 'hamhub demo'): a fresh store, simulated sources, a replayed date.\n" +
                       toJson(*parseJson(w.str()), 2) + "\n");
}

Status writeDemoOpdDatabase(const fs::path& dir) {
  const fs::path db = fs::absolute(dir / "opd.db");
  try {
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::Session session("SQLite", db.string());
    for (const char* sql : kOpdSchema) session << sql, Poco::Data::Keywords::now;
  } catch (const Poco::Exception& e) {
    return Status::error(db.string() + ": cannot write the demo OPD database: " + e.displayText(), "io");
  }
  const fs::path sources = dir / "sources.d";
  if (Status s = writeFile(sources / "opd-sql-16.json",
                           sqlSource("opd-sql-16", "OPD database of Sumatera Selatan (demo, SQLite): population services",
                                     db, "opd.row", "SELECT id, kode_wilayah, bulan, unit, layanan, permohonan, selesai FROM layanan",
                                     "bulan"));
      !s) {
    return s;
  }
  if (Status s = writeFile(sources / "p2ham-16.json",
                           sqlSource("p2ham-16", "P2HAM declarations of Sumatera Selatan's units (demo, SQLite)", db,
                                     "p2ham.declaration",
                                     "SELECT id, kode_wilayah, unit, tanggal_pencanangan AS declared_at, sk_tim "
                                     "FROM p2ham_pencanangan",
                                     ""));
      !s) {
    return s;
  }
  return writeFile(sources / "p2ham-indikator-16.json",
                   sqlSource("p2ham-indikator-16", "P2HAM indicator evidence of Sumatera Selatan's units (demo, SQLite)",
                             db, "p2ham.indicator_value",
                             "SELECT id, kode_wilayah, unit, tahun, indikator, nilai FROM p2ham_indikator", "tahun"));
}

}  // namespace hamhub::cli

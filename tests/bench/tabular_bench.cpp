// File-connector throughput: a 100,000-row XLSX and a 1,000,000-row CSV KKPHAM export, each read,
// mapped AND stored through the real harvest runner, sink and SQLite store, in a child process of
// its own so that its peak RSS (getrusage ru_maxrss) is the harvest's alone. Prints rows/s and
// peak RSS against the targets; asserts nothing (run it with `.ci/dev.sh bench`).
//
//   tabular_bench                 generate both files in a temp dir, measure each, print
//   tabular_bench --measure FILE  harvest FILE with the kkpham plugin into a fresh SQLite store

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <Poco/DateTime.h>
#include <Poco/Zip/Compress.h>
#include <spdlog/spdlog.h>

#include "host/config/schema_check.h"
#include "host/harvest/harvest_runner.h"
#include "host/harvest/http_factory.h"
#include "host/normalise/normaliser.h"
#include "host/plugins/plugin_registry.h"
#include "host/store/store.h"
#include "host/subjects/region_catalog.h"
#include "host/subjects/subject_catalog.h"

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kCsvRows = 1'000'000;
constexpr std::size_t kXlsxRows = 100'000;
constexpr double kCsvTarget = 100'000;
constexpr double kXlsxTarget = 30'000;
constexpr long kRssTargetMb = 128;

// The 17 kab/kota of Sumatera Selatan as exports spell them (aliases included).
const char* const kSubjects[] = {"Ogan Komering Ulu", "OKI", "Muara Enim", "Lahat", "Musi Rawas", "Muba",
                                 "Banyuasin", "OKU Timur", "OKU Selatan", "Ogan Ilir", "Empat Lawang", "PALI",
                                 "Muratara", "Kota Palembang", "Pagaralam", "Lubuklinggau", "Kota Prabumulih"};
constexpr std::size_t kSubjectCount = std::size(kSubjects);
const char* const kTypes[] = {"Struktur", "Proses", "Hasil"};

// Row i: subject i mod 17, indicator i / 17, so every natural key is distinct.
void writeCsv(const fs::path& file, std::size_t rows) {
  std::ofstream out(file, std::ios::binary);
  out << "Kabupaten/Kota;Tahun;Kriteria;Kode Indikator;Indikator;Jenis Indikator;Nilai;Status;Tanggal Kirim\r\n";
  for (std::size_t i = 0; i < rows; ++i) {
    const std::size_t indicator = i / kSubjectCount;
    out << kSubjects[i % kSubjectCount] << ";2024;Hak atas Bantuan Hukum;I" << indicator << ";Indikator nomor "
        << indicator << ";" << kTypes[indicator % 3] << ";" << (i % 100) << "," << (i % 10)
        << ";Terverifikasi;15/03/2024\r\n";
  }
}

void addPart(Poco::Zip::Compress& zip, const std::string& name, const std::string& text) {
  std::istringstream in(text);
  zip.addFile(in, Poco::DateTime(2024, 5, 2), Poco::Path(name, Poco::Path::PATH_UNIX));
}

// A workbook as Excel writes one: shared strings for texts (subjects and indicator codes), numbers,
// a date style for the submission date.
void writeXlsx(const fs::path& file, const fs::path& scratch, std::size_t rows) {
  const fs::path sheetFile = scratch / "sheet1.xml";
  {
    std::ofstream sheet(sheetFile, std::ios::binary);
    sheet << R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
          << R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
          << R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>)"
          << R"(<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>)";
    for (std::size_t i = 0; i < rows; ++i) {
      const std::size_t r = i + 2;
      const std::size_t indicator = i / kSubjectCount;
      sheet << "<row r=\"" << r << "\"><c r=\"A" << r << "\" t=\"s\"><v>" << 6 + i % kSubjectCount << "</v></c><c r=\"B"
            << r << "\"><v>2024</v></c><c r=\"C" << r << "\" t=\"s\"><v>" << 6 + kSubjectCount + indicator
            << "</v></c><c r=\"D" << r << "\" t=\"inlineStr\"><is><t>" << kTypes[indicator % 3] << "</t></is></c><c r=\"E"
            << r << "\"><v>" << (i % 100) << "." << (i % 10) << "</v></c><c r=\"F" << r << "\" s=\"1\"><v>"
            << 45366 + i % 30 << "</v></c></row>";
    }
    sheet << "</sheetData></worksheet>";
  }
  std::string strings = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                        R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
                        "<si><t>Kabupaten/Kota</t></si><si><t>Tahun</t></si><si><t>Kode Indikator</t></si>"
                        "<si><t>Jenis Indikator</t></si><si><t>Nilai</t></si><si><t>Tanggal Kirim</t></si>";
  for (const char* subject : kSubjects) strings += std::string("<si><t>") + subject + "</t></si>";
  for (std::size_t indicator = 0; indicator <= rows / kSubjectCount; ++indicator) {
    strings += "<si><t>I" + std::to_string(indicator) + "</t></si>";
  }
  strings += "</sst>";

  std::ofstream out(file, std::ios::binary);
  Poco::Zip::Compress zip(out, true);
  addPart(zip, "[Content_Types].xml",
          R"(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)");
  addPart(zip, "xl/workbook.xml",
          R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
          R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)"
          R"(<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>)");
  addPart(zip, "xl/_rels/workbook.xml.rels",
          R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
          R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" )"
          R"(Target="worksheets/sheet1.xml"/></Relationships>)");
  addPart(zip, "xl/styles.xml",
          R"(<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
          R"(<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>)"
          R"(<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>)");
  addPart(zip, "xl/sharedStrings.xml", strings);
  std::ifstream sheet(sheetFile, std::ios::binary);
  zip.addFile(sheet, Poco::DateTime(2024, 5, 2), Poco::Path("xl/worksheets/sheet1.xml", Poco::Path::PATH_UNIX));
  zip.close();
  fs::remove(sheetFile);
}

int measure(const fs::path& file) {
  using namespace hamhub;
  char pattern[] = "/tmp/hamhub-tabular-bench-XXXXXX";
  const fs::path dir = mkdtemp(pattern);
  int exitCode = 1;
  std::chrono::steady_clock::time_point started;
  double seconds = 0;
  bool succeeded = false;
  std::int64_t added = 0;
  {
    auto store = host::Store::open("sqlite:hub.db", dir);
    if (!store) {
      std::cerr << store.status().message() << "\n";
      return 1;
    }
    auto registry = host::PluginRegistry::load({fs::path(HAMHUB_BINARY_DIR) / "lib/hamhub/plugins"});
    host::ConfigIssues issues;
    const host::SubjectCatalog catalog(host::loadRegionCatalog(fs::path(HAMHUB_SOURCE_DIR) / "config/regions", issues));
    host::Normaliser normaliser;
    const host::LoadedPlugin* plugin = registry.find("kkpham");
    if (plugin == nullptr) {
      std::cerr << "the kkpham plugin is not built\n";
      return 1;
    }
    host::SourceConfig source;
    source.id = "bench";
    source.connector = "kkpham";
    source.subjects = {"16"};
    JsonValue options(JsonValue::Object{});
    options.set("path", file.string());
    options.set("columns", JsonValue(JsonValue::Object{{"indicator", "Kode Indikator"}}));
    source.options = Options(host::checkObject(options, {plugin->manifest->options, plugin->manifest->optionCount},
                                               "bench", "options", issues));
    host::HarvestRunner runner(**store, registry, normaliser, catalog, host::makeHttpClientFactory(0), 3600);
    std::atomic<bool> stop{false};
    started = std::chrono::steady_clock::now();
    const host::HarvestSummary summary = runner.run(source, stop);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    succeeded = summary.status == host::RunStatus::Success;
    added = summary.counts.added;
    if (!succeeded) std::cerr << summary.error << "\n";
  }
  // Closing the store checkpoints what the harvest's one transaction left in the WAL into the
  // database file and syncs it: part of what a user waits for, so it is timed too.
  const double closedSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  if (succeeded) {
    std::cout << added << " " << seconds << " " << closedSeconds << " " << usage.ru_maxrss / 1024 << "\n";
    exitCode = 0;
  }
  fs::remove_all(dir);
  return exitCode;
}

struct Figures {
  long rows = 0;
  double seconds = 0;        // until the harvest committed
  double closedSeconds = 0;  // until the store was closed (WAL checkpointed and synced)
  long rssMb = 0;
};

bool runChild(const fs::path& self, const fs::path& file, Figures& figures) {
  int pipeFds[2];
  if (pipe(pipeFds) != 0) return false;
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(pipeFds[1], STDOUT_FILENO);
    close(pipeFds[0]);
    const std::string program = self.string();
    const std::string path = file.string();
    execl(program.c_str(), program.c_str(), "--measure", path.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(pipeFds[1]);
  std::string out;
  char buffer[256];
  ssize_t got = 0;
  while ((got = read(pipeFds[0], buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<std::size_t>(got));
  close(pipeFds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return false;
  // The figures are the last line; the harvest's own log lines may come before it.
  while (!out.empty() && out.back() == '\n') out.pop_back();
  const std::size_t lastLine = out.find_last_of('\n');
  const std::string figuresLine = lastLine == std::string::npos ? out : out.substr(lastLine + 1);
  return std::sscanf(figuresLine.c_str(), "%ld %lf %lf %ld", &figures.rows, &figures.seconds, &figures.closedSeconds,
                     &figures.rssMb) == 4;
}

void report(const char* what, const Figures& f, double rowsPerRecord, double target) {
  const double rows = static_cast<double>(f.rows) / rowsPerRecord;
  const double rate = rows / f.seconds;
  std::printf("  %-34s %8.0f rows  %6.2f s  %9.0f rows/s (target %.0f: %s)  peak RSS %4ld MB (target < %ld: %s)\n",
              what, rows, f.seconds, rate, target, rate >= target ? "met" : "MISSED", f.rssMb, kRssTargetMb,
              f.rssMb < kRssTargetMb ? "met" : "MISSED");
  std::printf("  %-34s %8s       %6.2f s  %9.0f rows/s with the store closed (WAL checkpointed and synced)\n", "",
              "", f.closedSeconds, rows / f.closedSeconds);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--measure") {
    spdlog::set_level(spdlog::level::warn);
    return measure(argv[2]);
  }
  char pattern[] = "/tmp/hamhub-tabular-files-XXXXXX";
  const fs::path dir = mkdtemp(pattern);
  const fs::path csv = dir / "kkpham-1m.csv";
  const fs::path xlsx = dir / "kkpham-100k.xlsx";
  std::printf("tabular_bench: generating %zu CSV rows and %zu XLSX rows in %s\n", kCsvRows, kXlsxRows, dir.c_str());
  writeCsv(csv, kCsvRows);
  writeXlsx(xlsx, dir, kXlsxRows);
  std::printf("  files: CSV %.1f MB, XLSX %.1f MB\n", static_cast<double>(fs::file_size(csv)) / 1e6,
              static_cast<double>(fs::file_size(xlsx)) / 1e6);
  const fs::path self = fs::read_symlink("/proc/self/exe");
  Figures xlsxFigures;
  Figures csvFigures;
  const bool xlsxOk = runChild(self, xlsx, xlsxFigures);
  const bool csvOk = runChild(self, csv, csvFigures);
  std::printf("kkpham harvest: read, mapped and stored (harvest runner, sink, SQLite), one process each\n");
  if (xlsxOk) report("XLSX 100k rows (shared strings)", xlsxFigures, 1, kXlsxTarget);
  else std::printf("  XLSX harvest failed\n");
  if (csvOk) report("CSV 1M rows (; delimited)", csvFigures, 1, kCsvTarget);
  else std::printf("  CSV harvest failed\n");
  fs::remove_all(dir);
  return xlsxOk && csvOk ? 0 : 1;
}

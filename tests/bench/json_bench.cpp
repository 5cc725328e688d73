// JSON parsing throughput on a JDIHN-shaped feed: hamhub's streaming parser (events only, and
// building a DOM) against Poco::JSON, to show which parser the JDIH connector should stand on.

#include <benchmark/benchmark.h>

#include <random>
#include <sstream>
#include <string>

#include <Poco/JSON/Parser.h>

#include "hamhub/json.h"

namespace {

std::string makeFeed(int documents) {
  std::mt19937 rng(16);
  hamhub::JsonWriter w;
  w.beginArray();
  for (int i = 0; i < documents; ++i) {
    const int year = 2005 + static_cast<int>(rng() % 20);
    const std::string no = std::to_string(1 + rng() % 60);
    w.beginObject()
        .key("idData").value(std::to_string(i))
        .key("tahun_pengundangan").value(std::to_string(year))
        .key("tanggal_pengundangan").value(std::to_string(year) + "-03-14")
        .key("jenis").value("Peraturan Daerah")
        .key("noPeraturan").value(no)
        .key("judul").value("Peraturan Daerah Nomor " + no + " Tahun " + std::to_string(year) +
                            " tentang Pelindungan Penyandang Disabilitas")
        .key("noPanggil").value("-")
        .key("singkatanJenis").value("PERDA")
        .key("tempatTerbit").value("Kota Lubuk Linggau")
        .key("penerbit").value("-")
        .key("deskripsiFisik").value("1 file PDF")
        .key("sumber").value("Lembaran Daerah Tahun " + std::to_string(year) + " Nomor " + no)
        .key("subjek").value("DISABILITAS")
        .key("isbn").value("-")
        .key("status").value("Berlaku")
        .key("bahasa").value("Indonesia")
        .key("bidangHukum").value("Hukum Pemerintahan")
        .key("teuBadan").value("Sumatera Selatan.Kota Lubuk Linggau")
        .key("nomorIndukBuku").value("-")
        .key("fileDownload").value("perda-" + no + ".pdf")
        .key("urlDownload").value("http://jdih.contoh.go.id/uploads/perda-" + no + ".pdf")
        .key("urlDetailPeraturan").value("http://jdih.contoh.go.id/dokumen/view?id=" + std::to_string(i))
        .key("operasi").value(4)
        .key("display").value("1")
        .endObject();
  }
  w.endArray();
  return w.take();
}

const std::string& feed() {
  static const std::string f = makeFeed(20000);
  return f;
}

class CountingHandler final : public hamhub::JsonHandler {
 public:
  std::size_t events = 0;
  hamhub::Status onNull() override { return bump(); }
  hamhub::Status onBool(bool) override { return bump(); }
  hamhub::Status onNumber(std::string_view) override { return bump(); }
  hamhub::Status onString(std::string_view) override { return bump(); }
  hamhub::Status onKey(std::string_view) override { return bump(); }
  hamhub::Status onStartObject() override { return bump(); }
  hamhub::Status onEndObject() override { return bump(); }
  hamhub::Status onStartArray() override { return bump(); }
  hamhub::Status onEndArray() override { return bump(); }

 private:
  hamhub::Status bump() {
    ++events;
    return hamhub::Status::ok();
  }
};

void BM_HamhubPushParser64KChunks(benchmark::State& state) {
  const std::string& f = feed();
  for (auto _ : state) {
    CountingHandler handler;
    hamhub::JsonParseOptions options;
    options.maxBytes = f.size() + 1;
    hamhub::JsonPushParser parser(handler, options);
    for (std::size_t at = 0; at < f.size(); at += 65536) {
      benchmark::DoNotOptimize(parser.feed(std::string_view(f).substr(at, 65536)));
    }
    benchmark::DoNotOptimize(parser.finish());
    benchmark::DoNotOptimize(handler.events);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.size()));
}
BENCHMARK(BM_HamhubPushParser64KChunks)->Unit(benchmark::kMillisecond);

void BM_HamhubDom(benchmark::State& state) {
  const std::string& f = feed();
  hamhub::JsonParseOptions options;
  options.maxBytes = f.size() + 1;
  for (auto _ : state) {
    auto v = hamhub::parseJson(f, options);
    benchmark::DoNotOptimize(v);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.size()));
}
BENCHMARK(BM_HamhubDom)->Unit(benchmark::kMillisecond);

void BM_PocoJsonDom(benchmark::State& state) {
  const std::string& f = feed();
  for (auto _ : state) {
    Poco::JSON::Parser parser;
    auto v = parser.parse(f);
    benchmark::DoNotOptimize(v);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.size()));
}
BENCHMARK(BM_PocoJsonDom)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

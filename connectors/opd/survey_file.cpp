#include "survey_file.h"

#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>

#include "csv_reader.h"
#include "item_rows.h"
#include "item_stream.h"
#include "json_body.h"

namespace hamhub::opd {

namespace {

std::string lowerExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

Status readCsvFile(std::ifstream& in, const std::string& path, const Settings& settings, RowConsumer& consumer,
                   BadRows& badRows) {
  std::vector<std::string> header;
  Status status = readCsv(in, settings.skm.csvDelimiter, [&](std::vector<std::string>&& cells, std::size_t line) {
    if (header.empty()) {
      header = std::move(cells);
      for (auto& name : header) {
        while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back())) != 0) name.pop_back();
      }
      return Status::ok();
    }
    const std::string position = path + " line " + std::to_string(line);
    if (cells.size() != header.size()) {
      return badRows.report("", position,
                            std::to_string(cells.size()) + " cells where the header has " + std::to_string(header.size()));
    }
    Row row;
    row.position = position;
    for (std::size_t i = 0; i < cells.size(); ++i) row.fields.emplace_back(header[i], std::move(cells[i]));
    return consumer.row(std::move(row));
  });
  if (!status) return status;
  if (header.empty()) return Status::error(path + ": the file is empty (no header line)", "invalid-payload");
  return Status::ok();
}

Status readJsonFile(std::ifstream& in, const std::string& path, const Settings& settings, RowConsumer& consumer,
                    BadRows& badRows) {
  std::size_t item = 0;
  ItemStream stream(settings.rest.itemsPointer, nullptr, [&](JsonValue&& value) {
    const std::string position = path + " item " + std::to_string(++item);
    auto row = itemRow(std::move(value), settings.rest.fields);
    if (!row) return badRows.report("", position, row.status().message());
    row->position = position;
    return consumer.row(std::move(row).value());
  });
  JsonBody body(path, stream);
  std::array<char, 64 * 1024> buffer{};
  while (in) {
    in.read(buffer.data(), buffer.size());
    if (in.gcount() <= 0) break;
    if (Status status = body.consume(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount()))); !status)
      return status;
  }
  return body.finish(settings.rest.itemsPointer);
}

}  // namespace

Status readSurveyFile(const std::string& path, const Settings& settings, RowConsumer& consumer, BadRows& badRows) {
  const std::string ext = lowerExtension(path);
  if (ext != ".csv" && ext != ".json") return Status::error(path + ": a survey file must end in .csv or .json", "invalid-option");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error(path + ": cannot open the survey file", "invalid-option");
  return ext == ".csv" ? readCsvFile(in, path, settings, consumer, badRows)
                       : readJsonFile(in, path, settings, consumer, badRows);
}

}  // namespace hamhub::opd

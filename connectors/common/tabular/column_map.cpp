#include "column_map.h"

#include <algorithm>

#include "text.h"

namespace hamhub::tabular {

namespace {

constexpr std::size_t kNoField = static_cast<std::size_t>(-1);

std::string listHeaders(const std::vector<std::string>& headers) {
  std::string out;
  for (const auto& h : headers) {
    if (trim(h).empty()) continue;
    out += (out.empty() ? "" : ", ") + quote(h);
  }
  return out.empty() ? "none" : out;
}

}  // namespace

Result<ColumnMap> ColumnMap::build(const Row& header, const std::vector<FieldSpec>& fields,
                                   const FileSettings& settings, std::size_t itemField, std::size_t valueField,
                                   const std::function<Status(std::string_view)>& checkItem,
                                   const TableLocation& location) {
  ColumnMap map;
  map.columns_.resize(fields.size());
  std::vector<std::string> folded;
  for (std::size_t c = 0; c < header.cells.size(); ++c) {
    map.headers_.push_back(std::string(trim(header.cells[c].text)));
    folded.push_back(foldHeader(header.cells[c].text));
  }
  const bool wide = settings.layout == Layout::Wide;
  const auto find = [&](std::string_view wanted) -> std::optional<std::size_t> {
    const std::string key = foldHeader(wanted);
    for (std::size_t c = 0; c < folded.size(); ++c) {
      if (!key.empty() && folded[c] == key) return c;
    }
    return std::nullopt;
  };

  std::vector<std::string> missing;
  for (std::size_t f = 0; f < fields.size(); ++f) {
    if (wide && (f == itemField || f == valueField)) continue;
    const auto configured = settings.columns.find(fields[f].name);
    if (configured != settings.columns.end()) {
      map.columns_[f] = find(configured->second);
      if (!map.columns_[f]) missing.push_back(quote(configured->second) + " (" + fields[f].name + ")");
      continue;
    }
    for (const auto& candidate : fields[f].headers) {
      if ((map.columns_[f] = find(candidate))) break;
    }
  }
  for (std::size_t f = 0; f < fields.size(); ++f) {
    if (!fields[f].required || map.columns_[f] || settings.columns.count(fields[f].name) > 0) continue;
    if (wide && (f == itemField || f == valueField)) continue;
    bool alternative = false;
    for (std::size_t g = 0; g < fields.size(); ++g) {
      alternative = alternative || (fields[g].name == fields[f].alternative && map.columns_[g]);
    }
    if (alternative) continue;
    const std::string usual = fields[f].headers.empty() ? fields[f].name : fields[f].headers.front();
    missing.push_back(quote(usual) + " (" + fields[f].name +
                      (fields[f].alternative.empty() ? "" : ", or " + fields[f].alternative) + ")");
  }

  if (wide) {
    std::vector<bool> taken(folded.size(), false);
    for (const auto& c : map.columns_) {
      if (c) taken[*c] = true;
    }
    if (!settings.itemColumns.empty()) {
      for (const auto& wanted : settings.itemColumns) {
        if (auto c = find(wanted)) map.items_.push_back(*c);
        else missing.push_back(quote(wanted) + " (item column)");
      }
    } else {
      const std::string prefix = foldHeader(settings.itemPrefix);
      for (std::size_t c = 0; c < folded.size(); ++c) {
        if (taken[c] || folded[c].empty()) continue;
        if (prefix.empty() || folded[c].starts_with(prefix)) map.items_.push_back(c);
      }
    }
  }

  if (!missing.empty()) {
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
    return Status::error(location.where(header.number) + ": the header does not match the mapping: missing " + list +
                             "; headers found: " + listHeaders(map.headers_),
                         "schema-drift");
  }
  if (wide && map.items_.empty()) {
    return Status::error(location.where(header.number) + ": no item columns (layout wide" +
                             (settings.itemPrefix.empty() ? "" : ", item_prefix " + quote(settings.itemPrefix)) +
                             "); headers found: " + listHeaders(map.headers_),
                         "schema-drift");
  }
  for (std::size_t c : map.items_) {
    if (Status ok = checkItem(map.headers_[c]); !ok) {
      return Status::error(location.where(header.number, c, map.headers_[c]) + ": " + ok.message(), "schema-drift");
    }
  }
  return map;
}

const std::string& ColumnMap::header(std::size_t column) const {
  static const std::string kNone;
  return column < headers_.size() ? headers_[column] : kNone;
}

Item::Item(const Row& row, const ColumnMap& map, const TableLocation& location, std::optional<std::size_t> itemColumn,
           std::size_t itemField, std::size_t valueField)
    : row_(row),
      map_(map),
      location_(location),
      itemColumn_(itemColumn),
      itemField_(itemColumn ? itemField : kNoField),
      valueField_(itemColumn ? valueField : kNoField) {
  if (itemColumn_) itemHeader_ = Cell{CellType::Text, map.header(*itemColumn_)};
}

std::optional<std::size_t> Item::columnOf(std::size_t field) const {
  if (field == itemField_ || field == valueField_) return itemColumn_;
  return map_.column(field);
}

const Cell& Item::cell(std::size_t field) const {
  if (field == itemField_) return itemHeader_;
  const auto column = columnOf(field);
  static const Cell kEmpty;
  return column ? row_.at(*column) : kEmpty;
}

std::string_view Item::text(std::size_t field) const { return trim(cell(field).text); }

bool Item::mapped(std::size_t field) const { return columnOf(field).has_value(); }

std::string Item::where(std::size_t field) const {
  const auto column = columnOf(field);
  return column ? location_.where(row_.number, *column, map_.header(*column)) : where();
}

Status Item::error(std::size_t field, const std::string& message) const {
  return Status::error(where(field) + ": " + message, "invalid-payload");
}

Status Item::error(const std::string& message) const {
  return Status::error(where() + ": " + message, "invalid-payload");
}

}  // namespace hamhub::tabular

#include "table_content.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <optional>
#include <stdexcept>

namespace hamhub::sim {

namespace {

std::string htmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '&') {
      out += "&amp;";
    } else {
      out += c;
    }
  }
  return out;
}

const char* contentTypeOf(TableFormat format) {
  return format == TableFormat::kJson ? "application/json; charset=UTF-8" : "text/csv; charset=UTF-8";
}

}  // namespace

std::string csvField(std::string_view value, char separator) {
  if (value.find_first_of(std::string{separator, '"', '\n', '\r'}) == std::string_view::npos) {
    return std::string(value);
  }
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

TableContent::TableContent(std::unique_ptr<TableGenerator> generator, Poco::Timestamp lastModified)
    : generator_(std::move(generator)), shape_(generator_->shape()), rows_(generator_->rows()) {
  snapshot_ = build(0, lastModified);
}

std::shared_ptr<const ContentSnapshot> TableContent::snapshot() const {
  std::lock_guard lock(mutex_);
  return snapshot_;
}

std::string TableContent::jsonRow(const Row& row) const {
  JsonWriter w;
  w.beginObject();
  for (std::size_t c = 0; c < shape_.columns.size(); ++c) {
    w.key(shape_.columns[c]);
    const std::string& cell = c < row.size() ? row[c] : std::string();
    if (cell.empty()) {
      w.null();
    } else if (shape_.numeric[c]) {
      if (cell.find('.') == std::string::npos) {
        w.value(static_cast<std::int64_t>(std::stoll(cell)));
      } else {
        w.value(std::stod(cell));
      }
    } else {
      w.value(cell);
    }
  }
  w.endObject();
  return w.take();
}

std::shared_ptr<const ContentSnapshot> TableContent::build(std::uint64_t version,
                                                           Poco::Timestamp lastModified) const {
  auto snapshot = std::make_shared<ContentSnapshot>();
  snapshot->version = version;
  Payload data;
  data.contentType = contentTypeOf(shape_.format);
  if (shape_.format == TableFormat::kJson) {
    std::tie(data.envelopeHead, data.envelopeTail) = generator_->envelope(rows_.size());
    data.body = data.envelopeHead + "[";
    for (const Row& row : rows_) {
      if (!data.items.empty()) data.body += ',';
      const std::size_t start = data.body.size();
      data.body += jsonRow(row);
      data.items.emplace_back(start, data.body.size() - start);
    }
    data.body += "]" + data.envelopeTail;
  } else {
    const char separator = ';';
    data.body = "\xEF\xBB\xBF";
    auto line = [&](const Row& cells) {
      for (std::size_t c = 0; c < cells.size(); ++c) {
        if (c > 0) data.body += separator;
        data.body += csvField(cells[c], separator);
      }
      data.body += "\r\n";
    };
    line(shape_.columns);
    for (const Row& row : rows_) line(row);
  }
  std::string home = "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\"><title>" +
                     htmlEscape(generator_->title()) + "</title></head>\n<body><h1>" +
                     htmlEscape(generator_->title()) + "</h1>\n<p><a href=\"." + generator_->primaryPath() +
                     "\">Unduh data (" + std::to_string(rows_.size()) + " baris)</a></p>\n</body></html>\n";
  Payload homePage{std::move(home), "text/html; charset=UTF-8", {}, {}, {}, {}, {}};
  for (Payload* p : {&data, &homePage}) {
    p->etag = etagOf(p->body);
    p->lastModified = lastModified;
  }
  snapshot->pages.emplace(generator_->primaryPath(), std::move(data));
  snapshot->pages.emplace("/", std::move(homePage));
  return snapshot;
}

MutationResult TableContent::mutate(const Mutation& mutation) {
  std::lock_guard lock(mutex_);
  const std::uint64_t version = snapshot_->version + 1;
  Rng rng = Rng::forKeys({fnv1a64(snapshot_->at(generator_->primaryPath()).etag), version});
  MutationResult result;
  DistinctPicker untouched(rows_.size(), rng);
  for (int k = 0; k < mutation.change; ++k) {
    auto index = untouched.next();
    if (!index) break;
    generator_->revise(rows_[*index], rng);
    result.changed.push_back(generator_->keyOf(rows_[*index]));
  }
  std::vector<std::size_t> removed;
  for (int k = 0; k < mutation.remove; ++k) {
    auto index = untouched.next();
    if (!index) break;
    result.removed.push_back(generator_->keyOf(rows_[*index]));
    removed.push_back(*index);
  }
  std::sort(removed.rbegin(), removed.rend());
  for (std::size_t index : removed) rows_.erase(rows_.begin() + static_cast<std::ptrdiff_t>(index));
  for (int k = 0; k < mutation.add; ++k) {
    rows_.push_back(generator_->extraRow(nextExtra_++));
    result.added.push_back(generator_->keyOf(rows_.back()));
  }
  // HTTP dates count whole seconds: a change must move Last-Modified by at least one.
  const std::time_t previous = snapshot_->at(generator_->primaryPath()).lastModified.epochTime();
  snapshot_ = build(version, Poco::Timestamp::fromEpochTime(std::max(Poco::Timestamp().epochTime(), previous + 1)));
  return result;
}

std::string TableContent::extraItem(std::uint64_t n) const {
  return jsonRow(generator_->extraRow(10'000'000ULL + n));
}

}  // namespace hamhub::sim

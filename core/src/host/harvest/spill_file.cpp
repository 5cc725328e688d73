#include "host/harvest/spill_file.h"

#include <cerrno>
#include <cstring>
#include <string_view>

namespace hamhub::host {

namespace {

// A record is [u32 length of the rest][u8 isNew][7 × (u32 length, bytes)]: written with one fwrite
// and read back with two freads, rather than one call per field.
constexpr std::size_t kStdioBuffer = 1u << 20;

void putField(std::string& out, std::string_view s) {
  const auto n = static_cast<std::uint32_t>(s.size());
  out.append(reinterpret_cast<const char*>(&n), sizeof n);
  out.append(s);
}

bool getField(std::string_view& in, std::string& s) {
  std::uint32_t n = 0;
  if (in.size() < sizeof n) return false;
  std::memcpy(&n, in.data(), sizeof n);
  in.remove_prefix(sizeof n);
  if (in.size() < n) return false;
  s.assign(in.data(), n);
  in.remove_prefix(n);
  return true;
}

Status ioError(const char* what) {
  return Status::error(std::string("spill file: cannot ") + what + ": " + std::strerror(errno), "io");
}

}  // namespace

Status SpillFile::append(const std::vector<StoredRecordWrite>& writes) {
  if (!file_) {
    file_.reset(std::tmpfile());
    if (!file_) return ioError("create a temporary file");
    std::setvbuf(file_.get(), nullptr, _IOFBF, kStdioBuffer);
  }
  if (std::fseek(file_.get(), 0, SEEK_END) != 0) return ioError("seek");
  for (const auto& w : writes) {
    const Record& r = w.record;
    buffer_.assign(sizeof(std::uint32_t), '\0');
    buffer_.push_back(w.isNew ? 1 : 0);
    for (const std::string* field : {&r.kind, &r.key, &r.subject, &r.period, &r.url, &r.payload, &w.contentHash}) {
      putField(buffer_, *field);
    }
    const auto rest = static_cast<std::uint32_t>(buffer_.size() - sizeof(std::uint32_t));
    std::memcpy(buffer_.data(), &rest, sizeof rest);
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_.get()) != buffer_.size()) return ioError("write");
  }
  count_ += writes.size();
  return Status::ok();
}

Status SpillFile::rewind() {
  read_ = 0;
  if (file_ && std::fseek(file_.get(), 0, SEEK_SET) != 0) return ioError("seek");
  return Status::ok();
}

Result<bool> SpillFile::read(std::vector<StoredRecordWrite>& out, std::size_t maxBytes) {
  // Decoded into the writes `out` already holds: their strings keep their capacity from one chunk
  // to the next, so reading back a million records does not allocate them all again.
  std::size_t used = 0;
  std::size_t bytes = 0;
  while (read_ < count_ && bytes < maxBytes) {
    std::uint32_t rest = 0;
    if (std::fread(&rest, sizeof rest, 1, file_.get()) != 1) return ioError("read back");
    buffer_.resize(rest);
    if (std::fread(buffer_.data(), 1, rest, file_.get()) != rest || rest == 0) return ioError("read back");
    std::string_view in(buffer_);
    if (used == out.size()) out.emplace_back();
    StoredRecordWrite& w = out[used];
    w.isNew = in.front() != 0;
    in.remove_prefix(1);
    Record& r = w.record;
    for (std::string* field : {&r.kind, &r.key, &r.subject, &r.period, &r.url, &r.payload, &w.contentHash}) {
      if (!getField(in, *field)) return Status::error("spill file: a record read back is truncated", "io");
    }
    bytes += rest;
    ++used;
    ++read_;
  }
  out.resize(used);
  return used > 0;
}

void SpillFile::clear() {
  file_.reset();
  count_ = 0;
  read_ = 0;
}

}  // namespace hamhub::host

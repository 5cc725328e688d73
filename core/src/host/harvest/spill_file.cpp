#include "host/harvest/spill_file.h"

#include <cerrno>
#include <cstring>

namespace hamhub::host {

namespace {

bool put(std::FILE* f, const std::string& s) {
  const auto n = static_cast<std::uint32_t>(s.size());
  return std::fwrite(&n, sizeof n, 1, f) == 1 && (n == 0 || std::fwrite(s.data(), 1, n, f) == n);
}

bool get(std::FILE* f, std::string& s) {
  std::uint32_t n = 0;
  if (std::fread(&n, sizeof n, 1, f) != 1) return false;
  s.resize(n);
  return n == 0 || std::fread(s.data(), 1, n, f) == n;
}

Status ioError(const char* what) {
  return Status::error(std::string("spill file: cannot ") + what + ": " + std::strerror(errno), "io");
}

}  // namespace

Status SpillFile::append(const std::vector<StoredRecordWrite>& writes) {
  if (!file_) {
    file_.reset(std::tmpfile());
    if (!file_) return ioError("create a temporary file");
  }
  if (std::fseek(file_.get(), 0, SEEK_END) != 0) return ioError("seek");
  for (const auto& w : writes) {
    const Record& r = w.record;
    const char isNew = w.isNew ? 1 : 0;
    if (std::fwrite(&isNew, 1, 1, file_.get()) != 1 || !put(file_.get(), r.kind) || !put(file_.get(), r.key) ||
        !put(file_.get(), r.subject) || !put(file_.get(), r.period) || !put(file_.get(), r.url) ||
        !put(file_.get(), r.payload) || !put(file_.get(), w.contentHash)) {
      return ioError("write");
    }
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
  out.clear();
  std::size_t bytes = 0;
  while (read_ < count_ && bytes < maxBytes) {
    StoredRecordWrite w;
    char isNew = 0;
    Record& r = w.record;
    if (std::fread(&isNew, 1, 1, file_.get()) != 1 || !get(file_.get(), r.kind) || !get(file_.get(), r.key) ||
        !get(file_.get(), r.subject) || !get(file_.get(), r.period) || !get(file_.get(), r.url) ||
        !get(file_.get(), r.payload) || !get(file_.get(), w.contentHash)) {
      return ioError("read back");
    }
    w.isNew = isNew != 0;
    bytes += r.payload.size() + r.key.size() + 128;
    out.push_back(std::move(w));
    ++read_;
  }
  return !out.empty();
}

void SpillFile::clear() {
  file_.reset();
  count_ = 0;
  read_ = 0;
}

}  // namespace hamhub::host

#include "zip_package.h"

#include <Poco/Exception.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

namespace hamhub::tabular {

namespace {

Status bomb(const TableLocation& location, const std::string& part, const std::string& what) {
  return Status::error(location.where() + ": part " + part + " " + what +
                           "; refusing it as a possible zip bomb",
                       "too-large");
}

}  // namespace

ZipEntryStream::ZipEntryStream(ZipPackage& package, std::string name, std::uint64_t compressedBytes)
    : package_(package), name_(std::move(name)), compressedBytes_(compressedBytes) {}

ZipEntryStream::~ZipEntryStream() = default;

Result<std::size_t> ZipEntryStream::read(char* out, std::size_t size) {
  try {
    stream_->read(out, static_cast<std::streamsize>(size));
    const auto got = static_cast<std::size_t>(stream_->gcount());
    if (stream_->bad()) {
      return Status::error(package_.location().where() + ": part " + name_ + " is damaged", "invalid-payload");
    }
    if (Status ok = package_.account(*this, got); !ok) return ok;
    readBytes_ += got;
    return got;
  } catch (const Poco::Exception& e) {
    return Status::error(package_.location().where() + ": part " + name_ + " is damaged: " + e.displayText(),
                         "invalid-payload");
  } catch (const std::exception& e) {
    return Status::error(package_.location().where() + ": part " + name_ + " is damaged: " + e.what(),
                         "invalid-payload");
  }
}

ZipPackage::ZipPackage(TableLocation location, const ZipLimits& limits)
    : location_(std::move(location)), limits_(limits) {}

ZipPackage::~ZipPackage() = default;

Result<std::unique_ptr<ZipPackage>> ZipPackage::open(const std::string& path, const TableLocation& location,
                                                     const ZipLimits& limits) {
  std::unique_ptr<ZipPackage> package(new ZipPackage(location, limits));
  package->file_.open(path, std::ios::binary);
  if (!package->file_) return Status::error(location.where() + ": cannot open the file", "io");
  char magic[4] = {};
  package->file_.read(magic, 4);
  if (package->file_.gcount() != 4 || std::string_view(magic, 4) != std::string_view("PK\x03\x04", 4)) {
    return Status::error(location.where() + ": not an XLSX workbook (the file is not a zip archive)",
                         "invalid-payload");
  }
  package->file_.seekg(0);
  try {
    package->archive_ = std::make_unique<Poco::Zip::ZipArchive>(package->file_);
  } catch (const Poco::Exception& e) {
    return Status::error(location.where() + ": not a readable zip archive: " + e.displayText(), "invalid-payload");
  } catch (const std::exception& e) {
    return Status::error(location.where() + ": not a readable zip archive: " + e.what(), "invalid-payload");
  }
  package->file_.clear();
  return package;
}

bool ZipPackage::has(const std::string& part) const { return archive_->findHeader(part) != archive_->headerEnd(); }

Result<std::unique_ptr<ZipEntryStream>> ZipPackage::openPart(const std::string& part) {
  const auto header = archive_->findHeader(part);
  if (header == archive_->headerEnd()) {
    return Status::error(location_.where() + ": the workbook has no part " + part, "invalid-payload");
  }
  if (header->second.isEncrypted()) {
    return Status::error(location_.where() + ": part " + part + " is encrypted", "invalid-payload");
  }
  const std::uint64_t declared = header->second.getUncompressedSize();
  if (declared > limits_.maxEntryBytes) {
    return bomb(location_, part, "claims " + std::to_string(declared) + " bytes uncompressed (limit " +
                                     std::to_string(limits_.maxEntryBytes) + ")");
  }
  std::unique_ptr<ZipEntryStream> entry(new ZipEntryStream(*this, part, header->second.getCompressedSize()));
  try {
    file_.clear();
    entry->stream_ = std::make_unique<Poco::Zip::ZipInputStream>(file_, header->second, true);
  } catch (const Poco::Exception& e) {
    return Status::error(location_.where() + ": part " + part + " cannot be read: " + e.displayText(),
                         "invalid-payload");
  }
  return entry;
}

Status ZipPackage::account(const ZipEntryStream& entry, std::size_t bytes) {
  const std::uint64_t entryBytes = entry.readBytes_ + bytes;
  totalBytes_ += bytes;
  if (entryBytes > limits_.maxEntryBytes) {
    return bomb(location_, entry.name_, "inflates past " + std::to_string(limits_.maxEntryBytes) + " bytes");
  }
  if (totalBytes_ > limits_.maxTotalBytes) {
    return bomb(location_, entry.name_,
                "takes the workbook past " + std::to_string(limits_.maxTotalBytes) + " bytes uncompressed");
  }
  const std::uint64_t compressed = entry.compressedBytes_ > 0 ? entry.compressedBytes_ : 1;
  if (entryBytes > limits_.ratioGraceBytes && entryBytes / compressed > limits_.maxRatio) {
    return bomb(location_, entry.name_,
                "inflates more than " + std::to_string(limits_.maxRatio) + " times its compressed size");
  }
  return Status::ok();
}

}  // namespace hamhub::tabular

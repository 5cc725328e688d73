#include "status_map.h"

#include <array>

#include "text_util.h"

namespace hamhub::jdih {

namespace {

struct StatusAlias {
  const char* spelling;  // lower-case, single spaces
  const char* status;
};

constexpr std::array kAliases = {
    StatusAlias{"berlaku", "berlaku"},
    StatusAlias{"masih berlaku", "berlaku"},
    StatusAlias{"aktif", "berlaku"},
    StatusAlias{"tidak berlaku", "tidak berlaku"},
    StatusAlias{"tdk berlaku", "tidak berlaku"},
    StatusAlias{"tidak berlaku lagi", "tidak berlaku"},
    StatusAlias{"sudah tidak berlaku", "tidak berlaku"},
    StatusAlias{"tidak aktif", "tidak berlaku"},
    StatusAlias{"dicabut", "dicabut"},
    StatusAlias{"telah dicabut", "dicabut"},
    StatusAlias{"sudah dicabut", "dicabut"},
    StatusAlias{"dicabut sebagian", "dicabut sebagian"},
    StatusAlias{"diubah", "diubah"},
    StatusAlias{"telah diubah", "diubah"},
    StatusAlias{"sudah diubah", "diubah"},
    StatusAlias{"diubah sebagian", "diubah sebagian"},
    StatusAlias{"mencabut", "mencabut"},
    StatusAlias{"mengubah", "mengubah"},
};

}  // namespace

std::string normaliseStatus(std::string_view original) {
  if (isBlankMarker(original)) return {};
  const std::string spelling = toLowerAscii(collapseSpaces(original));
  for (const auto& alias : kAliases) {
    if (spelling == alias.spelling) return alias.status;
  }
  return spelling;
}

}  // namespace hamhub::jdih

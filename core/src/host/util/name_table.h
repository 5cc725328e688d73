#pragma once

// Enum ↔ name tables: the store writes enums as their names and reads them back.

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace hamhub::host {

template <typename E, std::size_t N>
using NameTable = std::array<std::pair<E, const char*>, N>;

/// The name of `value`, "?" when the table lacks it.
template <typename E, std::size_t N>
const char* nameOf(const NameTable<E, N>& table, E value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "?";
}

/// The value named `text` exactly, if any.
template <typename E, std::size_t N>
std::optional<E> valueNamed(const NameTable<E, N>& table, std::string_view text) {
  for (const auto& [v, name] : table) {
    if (text == name) return v;
  }
  return std::nullopt;
}

}  // namespace hamhub::host

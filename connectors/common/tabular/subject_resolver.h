#pragma once

#include <optional>
#include <string>
#include <unordered_map>

#include <hamhub/connector.h>

#include "column_map.h"

namespace hamhub::tabular {

/// Finds a row's subject through the hub's catalogue (codes, names, aliases: Pagaralam, Pagar
/// Alam and Kota Pagar Alam are one subject). A name or code the catalogue does not know is a
/// row error naming it; nothing is guessed. Without subject columns, the source's one
/// configured subject applies. Remembers each distinct text, as exports repeat them.
class SubjectResolver {
 public:
  SubjectResolver(const Context& context, std::size_t nameField, std::size_t codeField);

  Result<std::string> resolve(const Item& item);

 private:
  std::optional<std::string> lookup(const std::string& text);

  const Context& context_;
  std::size_t nameField_;
  std::size_t codeField_;
  std::unordered_map<std::string, std::optional<std::string>> cache_;
};

}  // namespace hamhub::tabular

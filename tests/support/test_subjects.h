#pragma once

#include <string>
#include <utility>

#include "host/store/store_types.h"

namespace hamhub::test {

/// A catalogue subject for tests: a province is its own province and has no parent; anything
/// else hangs under its province.
inline host::Subject testSubject(std::string id, std::string name, host::SubjectKind kind,
                                 std::string province = "16") {
  host::Subject s;
  s.id = std::move(id);
  s.name = std::move(name);
  s.kind = kind;
  s.province = std::move(province);
  s.parent = s.id == s.province ? "" : s.province;
  return s;
}

}  // namespace hamhub::test

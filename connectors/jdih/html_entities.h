#pragma once

#include <string_view>

#include <libxml/entities.h>

namespace hamhub::jdih {

/// HTML's named character `name` (`nbsp`, `copy`, `hellip`, `eacute`…) as an entity libxml2 treats
/// like `&amp;`: fixed text handed to the characters callback, nothing expanded, declared or
/// loaded. Null for any other name. RSS written by CMS templates uses these, and XML defines none
/// of them; refusing a whole feed for one `&nbsp;` would help nobody.
///
/// The entities live for the whole process; safe to call from any thread.
xmlEntityPtr htmlCharacterEntity(std::string_view name);

}  // namespace hamhub::jdih

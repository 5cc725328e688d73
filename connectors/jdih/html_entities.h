#pragma once

#include <string>
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

/// Writes `text` to `out` with its character references decoded (`&amp;` `&nbsp;` `&#39;` `&#x2019;`
/// and the names htmlCharacterEntity knows) and returns true; false, `out` untouched, when it has
/// none. A CMS that stores what its forms escaped sends "Pajak &amp; Retribusi" in its JSON feed.
/// An '&' that starts no known reference stays as it is.
bool decodeHtmlCharacters(std::string_view text, std::string& out);

}  // namespace hamhub::jdih

#pragma once

#include <string>
#include <string_view>

namespace hamhub::jdih {

/// The usual abbreviation of a document's jenis: "Peraturan Daerah Kabupaten Banyuasin" → "Perda",
/// "Peraturan Wali Kota" / "Peraturan Walikota" → "Perwal", "Keputusan Bupati" → "Kepbup". A jenis
/// already written short ("Perbup", "perwali") comes back in its usual capitalisation.
/// "" when the jenis is not one we know.
std::string shortJenis(std::string_view jenis);

/// The jenis phrase `text` starts with ("Peraturan Bupati Banyuasin Nomor 3 …" → "Peraturan
/// Bupati"), in its usual capitalisation; "" when it starts with none we know.
std::string leadingJenis(std::string_view text);

/// `peraturan`, `monografi`, `artikel` or `putusan`: from the feed's own type field when it names
/// one, otherwise inferred from the jenis (Perda, Perbup, Keputusan… → peraturan). "" when
/// neither tells.
std::string documentType(std::string_view typeField, std::string_view jenis);

}  // namespace hamhub::jdih

#include "host/harvest/content_hash.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

namespace hamhub::host {

std::string contentHash(const Record& record) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  // Fields are separated by a byte that cannot occur in UTF-8 text, so ("ab","c") != ("a","bc").
  static constexpr char kSeparator = '\xff';
  for (const std::string* field : {&record.kind, &record.key, &record.subject, &record.period, &record.url,
                                   &record.payload}) {
    engine.update(field->data(), static_cast<unsigned>(field->size()));
    engine.update(kSeparator);
  }
  return Poco::DigestEngine::digestToHex(engine.digest());
}

}  // namespace hamhub::host

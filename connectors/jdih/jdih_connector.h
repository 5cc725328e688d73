#pragma once

#include <cstdint>
#include <string>

#include <hamhub/connector.h>

#include "jdih_options.h"

namespace hamhub::jdih {

/// Harvests a JDIH site's legal documents: its JDIHN integration feed (a JSON array, paged or
/// not), or else its RSS/Atom feed of new documents. One record of kind `jdih.document` per
/// document, keyed by idData (or the item's guid/link for RSS).
///
/// A complete JSON listing withdraws documents it no longer lists; an unchanged feed costs one
/// conditional request and writes nothing. Every failure carries a reason the host classifies:
/// maintenance-page, maintenance-status, invalid-payload, schema-drift, http-*, or the HTTP
/// client's transport reasons.
class JdihConnector : public Connector {
 public:
  Status configure(const Options& options) override;
  Status check(Context& context) override;
  Result<HarvestResult> harvest(Context& context, const Cursor& cursor, RecordSink& sink) override;

 private:
  HttpRequest makeRequest(const std::string& url) const;
  std::string pageUrl(std::int64_t page) const;
  Result<HarvestResult> harvestFeed(Context& context, const Cursor& cursor, RecordSink& sink);
  Result<HarvestResult> harvestPages(Context& context, RecordSink& sink);
  Result<HarvestResult> harvestRss(Context& context, const Cursor& cursor, RecordSink& sink);

  Settings settings_;
  bool configured_ = false;
};

}  // namespace hamhub::jdih

// hamhub-dashboard-fixture DIR: a store (DIR/hub.db), catalogue (DIR/regions) and sources
// (DIR/sources.d) holding the dashboard fixture, for the browser test to serve with `hamhub serve`.
#include <iostream>

#include "support/dashboard_fixture.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: hamhub-dashboard-fixture DIR\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  auto store = hamhub::host::Store::open("sqlite:hub.db", dir);
  if (!store.isOk()) {
    std::cerr << store.status().message() << "\n";
    return 1;
  }
  hamhub::Status seeded = hamhub::test::seedDashboardStore(**store);
  if (seeded) seeded = hamhub::test::writeDashboardConfig(dir);
  if (!seeded) std::cerr << seeded.message() << "\n";
  return seeded ? 0 : 1;
}

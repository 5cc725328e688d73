#!/usr/bin/env bash
# hamhub's one entry point for set-up on Debian 12 (run as root):
#   bash .ci/dev.sh demo       install what is missing, build, run the bundled demo (simulated sources)
#   bash .ci/dev.sh test       install what is missing, build, run the whole test suite (PostgreSQL included)
#   bash .ci/dev.sh sanitize   the same suite in an ASan+UBSan build (build-asan/)
#   bash .ci/dev.sh bench      install, build and run the benchmarks (prints their figures)
#   bash .ci/dev.sh build      install and build only
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  g++ cmake ninja-build pkg-config git ca-certificates tzdata openssl
  libpoco-dev libboost-dev libboost-filesystem-dev libspdlog-dev libfmt-dev libxml2-dev libpq-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3-openpyxl    # make_fixtures.py writes the XLSX fixtures with it; the report tests read workbooks back
  postgresql          # a real server for the store tests (started by the suite itself)
)

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "== installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

build() {  # build DIR [cmake args...]
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" "$@" >/dev/null
  cmake --build "$dir" -j "$(nproc)"
}

# The bundled demo: hamhub-sim serves the JDIH feeds of Sumatera Selatan's 17 kab/kota on
# 127.0.0.1 (Kota Lubuk Linggau's site is down for maintenance), and hamhub harvests them into a
# fresh SQLite store under var/demo/, checks every document's mandatory metadata and reports.
run_demo() {
  local demo=var/demo
  rm -rf "$demo" && mkdir -p "$demo/sources.d"
  build/bin/hamhub-sim --scenario sumsel --exports --port 0 --port-file "$demo/sim.port" \
    --print-sources "$demo/sources.d" > "$demo/sim.log" 2>&1 &
  local sim=$!
  trap 'kill $sim 2>/dev/null' EXIT
  for _ in $(seq 100); do [ -s "$demo/sim.port" ] && break; sleep 0.1; done
  cat > "$demo/hamhub.json" <<JSON
// Demo hub: fresh SQLite store, the sources hamhub-sim printed, the repository's catalogue and criteria.
{ "store": "sqlite:hub.db", "regions_dir": "../../config/regions", "criteria_dir": "../../config/criteria",
  "harvest": { "concurrency": 8 } }
JSON
  local hub=(build/bin/hamhub --config "$demo/hamhub.json")
  echo "== simulated JDIH sites (hamhub-sim on 127.0.0.1:$(cat "$demo/sim.port"))"
  sed -n '2,$p' "$demo/sim.log"
  echo; echo "== hamhub config check"
  "${hub[@]}" config check
  echo; echo "== hamhub harvest --all   (exit status 1: a source failed, as one site is in maintenance)"
  "${hub[@]}" harvest --all || true
  echo; echo "== hamhub harvest --all   again: unchanged feeds cost one conditional request each"
  "${hub[@]}" harvest --all --format json > "$demo/second.json" || true
  echo "   $(grep -c '"status": "success"' "$demo/second.json") sources unchanged and skipped in one request each"
  echo; echo "== hamhub check   (probes every source now; Lubuk Linggau's JDIH answers 503: maintenance)"
  "${hub[@]}" check || true
  echo; echo "== hamhub incidents   (a second failed look confirms the outage: PENDING becomes MAINTENANCE)"
  "${hub[@]}" check --source jdih-16-73 >/dev/null || true
  "${hub[@]}" incidents
  echo; echo "== hamhub documents --summary   (what the IRH regulation-database indicator needs per site)"
  "${hub[@]}" documents --summary
  echo; echo "== hamhub documents --subject 16.71 --missing-metadata --limit 8   (what Kanwil Sumsel should chase)"
  "${hub[@]}" documents --subject 16.71 --missing-metadata --limit 8
  echo; echo "== hamhub score --instrument kkpham   (KKPHAM 2024 from the Kanwil's export; criteria model in config/criteria)"
  "${hub[@]}" score --instrument kkpham
  echo; echo "== hamhub score --instrument ranham --period 2024-B08   (two kab/kota have not reported B08 yet)"
  "${hub[@]}" score --instrument ranham --period 2024-B08
  echo; echo "== hamhub score --instrument skm   (IKM per unit of Kota Palembang, PermenPANRB 14/2017)"
  "${hub[@]}" score --instrument skm
  echo; echo "== hamhub score --coach 16.10 --instrument kkpham   (what Ogan Ilir needs to reach Peduli HAM)"
  "${hub[@]}" score --coach 16.10 --instrument kkpham
  echo; echo "The demo store is $demo/hub.db; try: build/bin/hamhub --config $demo/hamhub.json score --explain 16.10"
}

run_tests() {  # run_tests DIR
  ctest --test-dir "$1" --output-on-failure -j "$(nproc)" --timeout 600
}

case "${1:-}" in
  demo)
    install_packages
    build build
    run_demo
    ;;
  test)
    install_packages
    build build
    run_tests build
    ;;
  sanitize)
    install_packages
    build build-asan -DHAMHUB_SANITIZE=ON -DHAMHUB_BUILD_BENCHMARKS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo
    ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp \
      UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 run_tests build-asan
    ;;
  bench)
    PACKAGES+=(nginx-light python3-requests time curl bc)
    install_packages
    build build
    build/bin/json_bench
    build/bin/tabular_bench
    build/bin/score_bench
    bash tests/bench/jdih_harvest_bench.sh build
    bash tests/bench/serve_bench.sh build
    ;;
  build)
    install_packages
    build build
    ;;
  *)
    echo "usage: bash .ci/dev.sh demo|test|sanitize|bench|build" >&2
    exit 2
    ;;
esac

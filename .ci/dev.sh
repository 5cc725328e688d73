#!/usr/bin/env bash
# hamhub's one entry point for set-up on Debian 12 (run as root):
#   bash .ci/dev.sh demo       install what is missing, build, run `hamhub demo` (simulated sources, dashboard)
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
  python3-aiosmtpd    # a real SMTP server for the e-mail notifier tests (tests/notify/smtp_sink.py)
  chromium            # the dashboard's browser test (tests/web), driven by playwright-core from npm
  prometheus          # promtool: the API test lints /metrics with it
)
# Debian's nodejs and npm for the browser test, unless a node with its npm is already there (a
# NodeSource node conflicts with Debian's npm package).
command -v npm >/dev/null 2>&1 || PACKAGES+=(nodejs npm)

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

# playwright-core as tests/web/package-lock.json pins it; it downloads no browser (Debian's chromium).
install_web_test_deps() {
  if [ tests/web/package-lock.json -nt tests/web/node_modules/.package-lock.json ]; then
    echo "== npm ci (tests/web)"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix tests/web --no-audit --no-fund >/dev/null
  fi
}

build() {  # build DIR [cmake args...]
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" "$@" >/dev/null
  cmake --build "$dir" -j "$(nproc)"
}

# The bundled demo is `hamhub demo`: hamhub-sim serves Sumatera Selatan's 17 kab/kota JDIH feeds (Kota
# Lubuk Linggau's in maintenance), the Kanwil's KKPHAM and SAPA-HAM exports, an OPD REST API, an SKM
# survey and an OPD database on 127.0.0.1; the hub harvests them into a fresh SQLite store under
# var/demo/, scores, raises alerts, prints a summary and serves the dashboard until Ctrl-C.
run_demo() {
  exec build/bin/hamhub --config config/hamhub.json demo
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
    install_web_test_deps
    build build
    run_tests build
    ;;
  sanitize)
    install_packages
    install_web_test_deps
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
    install_web_test_deps
    build build
    ;;
  *)
    echo "usage: bash .ci/dev.sh demo|test|sanitize|bench|build" >&2
    exit 2
    ;;
esac

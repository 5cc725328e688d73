#!/usr/bin/env bash
# Scheduler and monitor benchmark (issue 6), against hamhub-sim on 127.0.0.1:
#  1. 500 sources, each answering after 200 ms, harvested by `hamhub harvest --all` and by
#     `hamhub serve` (start-up catch-up) with concurrency 64: wall time against the ideal
#     500 x 0.2 s / 64 = 1.56 s (target: within 2x).
#  2. 2,000 sources probed once a minute by `hamhub serve`: the CPU the hub spends over one
#     steady minute of probing, as a share of one core (target: under 5%).
#
#   bash tests/bench/serve_bench.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$repo/build}" && pwd)
work=$(mktemp -d /tmp/hamhub-serve-bench-XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

start_sim() {  # start_sim DIR SITES DOCS [BEHAVIOUR]
  local dir=$1; mkdir -p "$dir"
  local args=(--sites "$2" --docs "$3" --port 0 --port-file "$dir/port" --print-sources "$dir/sources.d" --threads 160)
  [ -n "${4:-}" ] && args+=(--behaviour "$4")
  "$build/bin/hamhub-sim" "${args[@]}" > "$dir/sim.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 300); do [ -s "$dir/port" ] && break; sleep 0.1; done
}

hub_file() {  # hub_file DIR EXTRA_JSON
  cat > "$1/hamhub.json" <<JSON
{"store": "sqlite:hub.db", "regions_dir": "$repo/config/regions", "criteria_dir": "$repo/config/criteria",
 "plugin_dirs": ["$build/lib/hamhub/plugins"], "api": {"listen": "127.0.0.1:0"}, $2}
JSON
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

echo "== 500 sources answering after 200 ms, concurrency 64 (ideal 500 x 0.2 s / 64 = 1.56 s)"
start_sim "$work/slow" 500 5 '*=slow,delay_ms=200'
hub_file "$work/slow" '"harvest": {"concurrency": 64, "per_host": 64, "splay_s": 0}'
start=$(date +%s.%N)
"$build/bin/hamhub" --config "$work/slow/hamhub.json" harvest --all --format json > "$work/slow/all.json" || true
end=$(date +%s.%N)
ok=$(grep -c '"status": "success"' "$work/slow/all.json" || true)
all_s=$(echo "$end - $start" | bc -l)
printf '   harvest --all: %d/500 succeeded in %.2f s (%.2fx the ideal)\n' "$ok" "$all_s" "$(echo "$all_s / 1.5625" | bc -l)"

rm -f "$work/slow/hub.db"*
hub_file "$work/slow" '"harvest": {"concurrency": 64, "per_host": 64, "splay_s": 0}, "monitor": {"interval_s": 3600}'
start=$(date +%s.%N)
"$build/bin/hamhub" --config "$work/slow/hamhub.json" --log-level info serve > "$work/slow/serve.log" 2>&1 &
serve=$!; pids+=($serve)
for _ in $(seq 600); do
  [ "$(grep -c 'harvest succeeded' "$work/slow/serve.log" || true)" -ge 500 ] && break
  sleep 0.02
done
end=$(date +%s.%N)
kill -TERM "$serve"; wait "$serve" || true
serve_ok=$(grep -c 'harvest succeeded' "$work/slow/serve.log" || true)
serve_s=$(echo "$end - $start" | bc -l)
printf '   serve (start-up catch-up, incl. start): %d/500 in %.2f s (%.2fx the ideal)\n' "$serve_ok" "$serve_s" \
  "$(echo "$serve_s / 1.5625" | bc -l)"

echo "== 2,000 sources probed once a minute by hamhub serve"
start_sim "$work/probe" 2000 5
hub_file "$work/probe" '"harvest": {"concurrency": 16, "per_host": 16, "splay_s": 0}, "monitor": {"interval_s": 60, "concurrency": 32}'
# Schedules that do not fire during the run; the start-up catch-up harvest is left to finish first.
sed -i 's/"schedule": "[^"]*"/"schedule": "0 2 1 1 *"/' "$work/probe/sources.d/"*.json
"$build/bin/hamhub" --config "$work/probe/hamhub.json" --log-level info serve > "$work/probe/serve.log" 2>&1 &
serve=$!; pids+=($serve)
for _ in $(seq 1200); do
  [ "$(grep -c 'harvest succeeded' "$work/probe/serve.log" || true)" -ge 2000 ] && break
  sleep 0.1
done
sleep 15   # the first probes of every source settle
hz=$(getconf CLK_TCK)
sim_requests() {
  curl -s "http://127.0.0.1:$(cat "$work/probe/port")/_sim/sites" | grep -o '"requests": *[0-9]*' | awk -F: '{s+=$2} END {print s}'
}
r0=$(sim_requests); t0=$(cpu_ticks "$serve"); s0=$(date +%s.%N)
sleep 60
t1=$(cpu_ticks "$serve"); s1=$(date +%s.%N); r1=$(sim_requests)
requests=$((r1 - r0))
kill -TERM "$serve"; wait "$serve" || true
cpu=$(echo "($t1 - $t0) / $hz" | bc -l)
wall=$(echo "$s1 - $s0" | bc -l)
printf '   CPU over %.0f s of probing: %.2f s = %.2f%% of one core (%s probe requests in that time)\n' \
  "$wall" "$cpu" "$(echo "100 * $cpu / $wall" | bc -l)" "$requests"

#!/usr/bin/env bash
# JDIH harvest benchmark, side by side with the reference harvester in ../shared/bench:
# the same generated feeds (500 sites x 400 documents, about 175 MB), served by the same nginx,
# harvested by ref_harvest.py (requests + sqlite3, 8 threads) and by `hamhub harvest --all` into a
# fresh SQLite store. Then a second hamhub harvest of the unchanged sites, and one 50 MB feed alone.
#
#   bash tests/bench/jdih_harvest_bench.sh [BUILD_DIR] [SITES] [DOCS]     (HAMHUB_BENCH_PORT, default 18080)
#
# Needs: nginx-light, python3-requests, time (Debian packages; `bash .ci/dev.sh bench` installs them).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$repo/build}" && pwd)
sites=${2:-500}
docs=${3:-400}
shared=$(cd "$repo/../shared/bench" && pwd)
hamhub=$build/bin/hamhub
python=/usr/bin/python3   # Debian's, which has python3-requests
port=${HAMHUB_BENCH_PORT:-18080}
# Another server on the port would answer instead of ours, with other feeds (or none).
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
  echo "jdih_harvest_bench: port $port is already in use; stop what listens there or set HAMHUB_BENCH_PORT" >&2
  exit 1
fi
work=$(mktemp -d /tmp/hamhub-bench-XXXXXX)
chmod 755 "$work"  # nginx workers run as nobody
nginx_pid=
cleanup() { [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

peak_rss_mb() { awk '/Maximum resident set size/ {printf "%.0f", $6/1024}' "$1"; }
wall_s() { awk '/Elapsed \(wall clock\)/ {n=split($8,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; printf "%.2f", s}' "$1"; }

echo "== generating $sites sites x $docs documents (gen_jdih.py, seed 16)"
$python "$shared/gen_jdih.py" "$work/feeds" "$sites" "$docs"
mb=$(du -sm "$work/feeds" | cut -f1)
# One site with a single ~50 MB feed (about 57,000 documents), for the single-feed memory figure.
$python "$shared/gen_jdih.py" "$work/big" 1 57000 17
mv "$work/big/site0" "$work/feeds/site$sites"
bigmb=$(du -sm "$work/feeds/site$sites" | cut -f1)

nginx_pid=$(bash "$shared/run_sim.sh" "$work/feeds" "$port")
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/site0/integrasi/jdihn" -o /dev/null && break; sleep 0.1; done

echo "== reference: ref_harvest.py, 8 threads"
/usr/bin/time -v $python "$shared/ref_harvest.py" "http://127.0.0.1:$port" "$sites" "$work/ref.db" 8 \
  > "$work/ref.out" 2> "$work/ref.time"
ref_wall=$(wall_s "$work/ref.time")

echo "== hamhub: harvest --all, fresh SQLite store"
mkdir -p "$work/hub/sources.d" "$work/hub1/sources.d"
cat > "$work/hub/hamhub.json" <<JSON
{"store": "sqlite:hub.db", "regions_dir": "$repo/config/regions", "criteria_dir": "$repo/config/criteria",
 "plugin_dirs": ["$build/lib/hamhub/plugins"], "harvest": {"concurrency": 8}}
JSON
codes=(16.01 16.02 16.03 16.04 16.05 16.06 16.07 16.08 16.09 16.10 16.11 16.12 16.13 16.71 16.72 16.73 16.74)
for ((i = 0; i < sites; i++)); do
  printf '{"id": "site%d", "connector": "jdih", "subject": "%s", "options": {"url": "http://127.0.0.1:%d/site%d/integrasi/jdihn"}}\n' \
    "$i" "${codes[$((i % 17))]}" "$port" "$i" > "$work/hub/sources.d/site$i.json"
done
sed "s#hub.db#big.db#" "$work/hub/hamhub.json" > "$work/hub1/hamhub.json"
printf '{"id": "big", "connector": "jdih", "subject": "16.71", "options": {"url": "http://127.0.0.1:%d/site%d/integrasi/jdihn"}}\n' \
  "$port" "$sites" > "$work/hub1/sources.d/big.json"

/usr/bin/time -v "$hamhub" --config "$work/hub/hamhub.json" --log-level warn harvest --all --format json \
  > "$work/first.json" 2> "$work/first.time" || { tail -20 "$work/first.time"; exit 1; }
first_wall=$(wall_s "$work/first.time")
first_rss=$(peak_rss_mb "$work/first.time")
stored=$($python -c "import json,sys; print(sum(r['added'] for r in json.load(open(sys.argv[1]))))" "$work/first.json")

/usr/bin/time -v "$hamhub" --config "$work/hub/hamhub.json" --log-level warn harvest --all --format json \
  > "$work/second.json" 2> "$work/second.time"
second_wall=$(wall_s "$work/second.time")
second_written=$($python -c "import json,sys; print(sum(r['added']+r['updated'] for r in json.load(open(sys.argv[1]))))" "$work/second.json")

/usr/bin/time -v "$hamhub" --config "$work/hub1/hamhub.json" --log-level warn harvest --all --format json \
  > "$work/big.json" 2> "$work/big.time"
big_rss=$(peak_rss_mb "$work/big.time")
big_wall=$(wall_s "$work/big.time")

ref_rate=$($python -c "print(round($sites*$docs/$ref_wall))")
hub_rate=$($python -c "print(round($stored/$first_wall))")
ratio=$($python -c "print(round($ref_wall/$first_wall, 1))")
cat <<REPORT

JDIH harvest benchmark: $sites sites x $docs documents, ${mb} MB of JSON, nginx on 127.0.0.1, 2 cores
  reference (ref_harvest.py, 8 threads) first harvest  ${ref_wall} s   ${ref_rate} documents/s
  hamhub harvest --all (concurrency 8)   first harvest  ${first_wall} s   ${hub_rate} documents/s   peak RSS ${first_rss} MB   (${stored} documents stored)
  speed-up over the reference                           ${ratio}x   (target: at least 5x)
  hamhub second harvest, unchanged sites                ${second_wall} s   (${second_written} records written; target: under 0.5 s)
  hamhub single ${bigmb} MB feed                            ${big_wall} s   peak RSS ${big_rss} MB   (target: under 128 MB)
  peak RSS target for the full harvest: under 256 MB
REPORT

#!/usr/bin/env bash
# Serving benchmark (not in CI): the shop's `/menu` (bytes prepared once per config version)
# against `/menu/naive` (serialize + gzip level 9 on every request, as in the incident), on
# a 3 MB menu built from the product taxonomy, gzip accepted, over loopback, in one run.
# `/menu/naive` exists only with `--bench-routes`, which this script passes.
#
# usage: scripts/bench-serve.sh     (DURATION=10 seconds per route, CONNECTIONS=16)
# needs: wrk (Debian: apt-get install wrk)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/target/bench-serve
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
ADDR=127.0.0.1:18181
command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 2; }
mkdir -p "$OUT"
cd "$ROOT"
cargo build -q --release -p shop
cargo run -q --release -p config-tests --example gen_config -- 3000000 "$OUT/marketing-3mb.toml" >/dev/null
RUST_LOG=warn "$ROOT/target/release/shop" --addr "$ADDR" --config "$OUT/marketing-3mb.toml" --bench-routes 2>"$OUT/shop.log" &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    curl -sf "http://$ADDR/config/status" 2>/dev/null | grep -q '"source": "file"' && break
    sleep 0.1
done
curl -sf "http://$ADDR/config/status" | grep -q '"source": "file"' || { echo "shop did not load the 3 MB config:" >&2; cat "$OUT/shop.log" >&2; curl -s "http://$ADDR/config/status" >&2; exit 1; }
size=$(curl -s -H 'Accept-Encoding: identity' "http://$ADDR/menu" | wc -c)
gz=$(curl -s -H 'Accept-Encoding: gzip' "http://$ADDR/menu" | wc -c)

run() { # route -> "req/s p99_ms"
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H 'Accept-Encoding: gzip' "http://$ADDR$1" > "$OUT/wrk$(echo "$1" | tr / _).txt"
    local rps p99
    rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk$(echo "$1" | tr / _).txt")
    p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$OUT/wrk$(echo "$1" | tr / _).txt")
    echo "$rps $p99"
}
read -r fast_rps fast_p99 < <(run /menu)
read -r naive_rps naive_p99 < <(run /menu/naive)
echo "menu: $size bytes of JSON, $gz bytes gzip; wrk -t2 -c$CONNECTIONS -d${DURATION}s, Accept-Encoding: gzip, $(nproc) cores shared by server and load generator"
printf "| route | requests/s | p99 latency |\n|---|---:|---:|\n"
printf "| \`/menu\` (prepared) | %.0f | %.2f ms |\n" "$fast_rps" "$fast_p99"
printf "| \`/menu/naive\` (serialize + gzip-9 per request) | %.1f | %.0f ms |\n" "$naive_rps" "$naive_p99"
awk "BEGIN {printf \"throughput ratio: %.0fx\n\", $fast_rps / $naive_rps}"

#!/usr/bin/env bash
# Runs the performance suite (benches/) and writes PERFORMANCE.md from that one run.
# usage: scripts/perf.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
rm -rf target/criterion/access_* target/criterion/load_*
cargo bench -q -p benches --bench access --bench load
cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || echo unknown)
machine="$(nproc) cores ($cpu), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo 2>/dev/null), $(rustc --version), shared and noisy"
cargo run -q -p benches --bin report -- target/criterion PERFORMANCE.md "$machine" "scripts/perf.sh" "$(date -u +%Y-%m-%d)"
scripts/shapes.sh
scripts/menu-slices.sh
scripts/zones.sh
echo "wrote PERFORMANCE.md"

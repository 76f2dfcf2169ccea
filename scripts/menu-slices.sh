#!/usr/bin/env bash
# `/menu` throughput with 10 time-boxed menu entries against none, in one run (the release
# `shop` binary on loopback, a bounded number of requests per round), written into
# PERFORMANCE.md between the `menu-slices` markers (appended when absent).
# usage: scripts/menu-slices.sh [menu_slices options: --bytes N --connections N --requests N --rounds N]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
OUT=$TARGET/menu-slices
mkdir -p "$OUT"
cargo build -q --release -p shop --bin shop
cargo build -q --release -p benches --bin menu_slices
"$TARGET/release/menu_slices" --shop "$TARGET/release/shop" --dir "$OUT" --into PERFORMANCE.md "$@"
echo "wrote the menu-slices section into PERFORMANCE.md"

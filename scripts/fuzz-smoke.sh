#!/usr/bin/env bash
# A short fuzz smoke for CI: every target of fuzz/ for a few seconds from the checked-in
# seeds (FUZZ_SECONDS each, default 12: four targets stay under 60 s of fuzzing; the first
# build of the targets takes a few minutes more). Skips cleanly when cargo-fuzz is not
# installed. New inputs go to a temporary directory, never into the checked-in corpus.
# Long runs: fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz-smoke: cargo-fuzz is not installed (cargo install cargo-fuzz); skipped"
    exit 0
fi
secs="${FUZZ_SECONDS:-12}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O -s none
for t in check_str_shop summary_build render live_load; do
    mkdir -p "$work/$t"
    echo "fuzz-smoke: $t for ${secs}s"
    if ! cargo fuzz run -O -s none "$t" "$work/$t" "corpus/$t" -- -max_total_time="$secs" \
        -rss_limit_mb=4096 -timeout=20 -print_final_stats=1 >"$work/$t.log" 2>&1; then
        grep -vE '^#[0-9]+' "$work/$t.log" | tail -n 60
        echo "fuzz-smoke: $t failed (the input is under fuzz/artifacts/$t/)"
        exit 1
    fi
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|Done)' "$work/$t.log" || true
done
echo "fuzz-smoke: ok"

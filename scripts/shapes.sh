#!/usr/bin/env bash
# Measures check_str against bare toml::from_str on the five input shapes at 15 MiB (one
# run: time and peak heap of each) and writes the table into PERFORMANCE.md, between the
# `shapes` markers (added at the end when absent).
# usage: scripts/shapes.sh [--mib N] [--runs N]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
cargo build -q --release -p benches --bin shapes
table=$(./target/release/shapes "$@")
section=$(cat <<MD
<!-- shapes:begin -->
## Cost on every input shape

\`check_str\` against bare \`toml::from_str\` into the same type, on generated files of each
shape (\`config_tests::shapes\`; never checked in). Time: best of the runs; peak heap: a
counting allocator, beyond what was live before. Target: at most 1.5× in both. Regenerate
with \`scripts/shapes.sh\` (measured $(date -u +%Y-%m-%d); $(nproc) cores, shared).

$table
<!-- shapes:end -->
MD
)
if grep -q '<!-- shapes:begin -->' PERFORMANCE.md; then
    SECTION="$section" python3 - <<'PY'
import os, re
p = "PERFORMANCE.md"
s = open(p).read()
s = re.sub(r"<!-- shapes:begin -->.*?<!-- shapes:end -->", lambda m: os.environ["SECTION"], s, flags=re.S)
open(p, "w").write(s)
PY
else
    printf '\n%s\n' "$section" >> PERFORMANCE.md
fi
echo "wrote the shapes table into PERFORMANCE.md"

#!/usr/bin/env bash
# The README's test command: installs the outside tools the tests run, each only when it is
# missing, into target/tools (Chromium, a Debian package, system-wide), puts them on PATH,
# then runs every test: `cargo test --workspace`, with this script's arguments passed through
# (`scripts/test.sh -p config-lint --test hooks`). CI runs it (.ci/run).
# Needs: the Rust toolchain, git, python3 (with venv and pip), npm, and for Chromium apt-get
# with root or sudo.
set -euo pipefail
cd "$(dirname "$0")/.."
tools="$PWD/target/tools"
mkdir -p "$tools"

# --- pre-commit (PyPI), for config-lint/tests/hooks.rs -------------------------------------
if ! command -v pre-commit >/dev/null 2>&1; then
    if [ ! -x "$tools/venv/bin/pre-commit" ]; then
        echo "test.sh: installing pre-commit into target/tools/venv (pip install pre-commit)"
        python3 -m venv "$tools/venv"
        "$tools/venv/bin/python" -m pip install --quiet pre-commit
    fi
    export PATH="$tools/venv/bin:$PATH"
fi

# --- taplo (npm @taplo/cli), for config-lint/tests/json_schema.rs -------------------------
if ! command -v taplo >/dev/null 2>&1; then
    if [ ! -x "$tools/node_modules/.bin/taplo" ]; then
        echo "test.sh: installing taplo into target/tools (npm install @taplo/cli)"
        npm install --silent --no-save --prefix "$tools" @taplo/cli
    fi
    export PATH="$tools/node_modules/.bin:$PATH"
fi

# --- chromium (Debian package `chromium`), for config-lint/tests/report_browser.rs ---------
# System-wide (a browser is no pip or npm package): apt-get as root, else through sudo.
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
        as_root=()
    elif command -v sudo >/dev/null 2>&1; then
        as_root=(sudo)
    else
        echo "test.sh: chromium is missing and installing it needs root: run \`apt-get install -y chromium\` as root" >&2
        exit 1
    fi
    echo "test.sh: installing chromium (apt-get install -y chromium)"
    apt=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -qq)
    "${apt[@]}" install -y chromium >/dev/null 2>&1 || { "${apt[@]}" update && "${apt[@]}" install -y chromium >/dev/null; }
fi

cargo test --workspace "$@"

#!/usr/bin/env bash
# The README's test command: installs the outside tools the tests run, each only when it is
# missing, into target/tools (never system-wide), puts them on PATH, then runs every test:
# `cargo test --workspace`, with this script's arguments passed through
# (`scripts/test.sh -p config-lint --test hooks`). CI runs it (.ci/run).
# Needs: the Rust toolchain, git, python3 (with venv and pip) and npm.
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

# --- chromium (Debian package `chromium`): reserved for the browser tests ------------------
# (install only when missing: `command -v chromium` || apt-get install -y chromium)

cargo test --workspace "$@"

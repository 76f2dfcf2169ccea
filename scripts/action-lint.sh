#!/usr/bin/env bash
# The GitHub Action of this repository (action.yml) runs this script; it runs the same way
# on a laptop. It lints the config files a pull request adds or changes:
#
#   files = git diff --name-only --diff-filter=ACMR <base>...HEAD -- <globs>
#   <linter> [--schema FILE] check --format github [ARGS] <files>
#
# and exits with the linter's code: 0 clean (or no config file changed), 1 findings,
# 2 usage or I/O error. `::error file=…,line=…,col=…::` lines become annotations on the
# pull request. Deleted files are not linted.
#
# Settings (environment; the action's inputs of the same names fill them):
#   LINT_LINTER  the linter command, e.g. `shop-lint` or `config-lint` (default), split on
#                spaces (`cargo run -q -p shop --bin shop-lint --` works too)
#   LINT_FILES   globs of the files to lint, separated by spaces or newlines (git pathspec
#                globs from the repository root; default `**/*.toml`)
#   LINT_SCHEMA  a schema file for `--schema` (needed by `config-lint`, optional otherwise)
#   LINT_BASE    what the changes are measured against: a branch (`main`, then `origin/main`
#                is tried, then fetched from `origin`) or any revision. Empty: every tracked
#                file matching LINT_FILES is linted (a push, not a pull request).
#   LINT_ARGS    more arguments for `check`, split on spaces (e.g. `--deny-warnings`)
#
# Locally: LINT_LINTER=shop-lint LINT_BASE=main scripts/action-lint.sh
set -euo pipefail

linter_words="${LINT_LINTER:-config-lint}"
globs="${LINT_FILES:-**/*.toml}"
schema="${LINT_SCHEMA:-}"
base="${LINT_BASE:-}"
extra="${LINT_ARGS:-}"

say() { echo "action-lint: $*" >&2; }

if ! top="$(git rev-parse --show-toplevel 2>/dev/null)"; then
    say "not inside a git repository (run actions/checkout first)"
    exit 2
fi

# Paths given relative to the current directory keep working from the repository root.
absolute() {
    case "$1" in
        /*) printf '%s\n' "$1" ;;
        *) printf '%s/%s\n' "$PWD" "$1" ;;
    esac
}
read -r -a linter <<<"$linter_words"
if [ "${#linter[@]}" -eq 0 ]; then
    say "LINT_LINTER is empty"
    exit 2
fi
case "${linter[0]}" in
    */*) linter[0]="$(absolute "${linter[0]}")" ;;
esac
if [ -n "$schema" ]; then
    schema="$(absolute "$schema")"
fi
cd "$top"

# The globs as git pathspecs; `set -f` keeps the shell from expanding them.
set -f
pathspecs=()
for glob in $globs; do
    pathspecs+=(":(glob)$glob")
done
read -r -a extra_args <<<"$extra"
set +f
if [ "${#pathspecs[@]}" -eq 0 ]; then
    say "LINT_FILES names no glob"
    exit 2
fi

resolve_base() {
    local candidate
    for candidate in "$1" "origin/$1"; do
        if git rev-parse --verify --quiet "$candidate^{commit}" >/dev/null; then
            printf '%s\n' "$candidate"
            return 0
        fi
    done
    if git remote get-url origin >/dev/null 2>&1 &&
        git fetch --quiet --no-tags origin "+refs/heads/$1:refs/remotes/origin/$1" >&2; then
        printf 'origin/%s\n' "$1"
        return 0
    fi
    return 1
}

files=()
if [ -n "$base" ]; then
    if ! base_rev="$(resolve_base "$base")"; then
        say "base \`$base\` is neither a revision nor a branch of origin"
        exit 2
    fi
    if ! git merge-base "$base_rev" HEAD >/dev/null; then
        say "no common history with \`$base_rev\`: check out with \`fetch-depth: 0\`"
        exit 2
    fi
    while IFS= read -r -d '' file; do
        files+=("$file")
    done < <(git diff -z --name-only --diff-filter=ACMR "$base_rev...HEAD" -- "${pathspecs[@]}")
    what="changed since $base_rev"
else
    while IFS= read -r -d '' file; do
        files+=("$file")
    done < <(git ls-files -z -- "${pathspecs[@]}")
    what="tracked (no base given)"
fi

if [ "${#files[@]}" -eq 0 ]; then
    say "no config file $what matches $globs: nothing to lint"
    exit 0
fi
say "linting ${#files[@]} file(s) $what"

command_line=("${linter[@]}")
if [ -n "$schema" ]; then
    command_line+=(--schema "$schema")
fi
command_line+=(check --format github "${extra_args[@]}" -- "${files[@]}")
status=0
"${command_line[@]}" || status=$?
exit "$status"

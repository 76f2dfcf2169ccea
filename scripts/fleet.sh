#!/usr/bin/env bash
# Fleet scenario against real servers (not in CI): three shop processes on loopback watching
# ONE directory laid out as the kubelet's atomic writer lays out a ConfigMap volume, and a
# real Prometheus scraping their /metrics every second.
#
#   <dir>/..2026_12_01_21_30_00.000000001/marketing.toml   the content of one update
#   <dir>/..data -> ..2026_12_01_21_30_00.000000001        swapped atomically per update
#   <dir>/marketing.toml -> ..data/marketing.toml          what the shops are pointed at
#
# An update writes a new timestamped directory, points a temp symlink at it, renames the
# temp symlink over `..data`, then removes the old directory (what the kubelet does).
#
# It checks, printing what it measures:
#   1. promtool check rules / test rules on deploy/prometheus/alerts.yml;
#   2. after a good edit, `count(count by (hash) (config_version_info))` is 1 with the new
#      hash on all three within 5 s (the convergence time is printed);
#   3. after a bad edit, `config_last_reload_successful` is 0 on all three while /menu keeps
#      serving the old menu;
#   4. the ConfigReloadRejected alert fires (from a copy of the rules with `for: 5s`; the
#      shipped file keeps its real durations, proven by alerts_test.yml);
#   5. SIGTERM stops each shop gracefully.
#
# Installs `prometheus` (with promtool), curl and jq from Debian when missing (needs root).
# Everything listens on 127.0.0.1 and every wait is bounded.
#
# usage: scripts/fleet.sh      (FLEET_PORT=18180: shops on +1..+3, Prometheus on +10;
#                               SHOP_BIN=path skips the release build)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${FLEET_PORT:-18180}
PROM_PORT=$((PORT + 10))
PROM=http://127.0.0.1:$PROM_PORT

say() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

missing=()
command -v prometheus >/dev/null || missing+=(prometheus)
command -v promtool >/dev/null || missing+=(prometheus)
command -v curl >/dev/null || missing+=(curl)
command -v jq >/dev/null || missing+=(jq)
if ((${#missing[@]})); then
  say "installing ${missing[*]} from Debian"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
prometheus --version 2>&1 | head -1

if [[ -z ${SHOP_BIN:-} ]]; then
  say "building the shop (release)"
  cargo build --release -q -p shop --bin shop --manifest-path "$ROOT/Cargo.toml"
  SHOP_BIN=$(cargo metadata --format-version 1 --no-deps --manifest-path "$ROOT/Cargo.toml" |
    jq -r .target_directory)/release/shop
fi

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- the ConfigMap volume -------------------------------------------------------------
VOL=$WORK/configmap
mkdir -p "$VOL"
publish() { # publish FILE: one atomic-writer update of the volume
  local stamp old
  stamp=..$(date -u +%Y_%m_%d_%H_%M_%S.%N)
  mkdir "$VOL/$stamp"
  cp "$1" "$VOL/$stamp/marketing.toml"
  old=$(readlink "$VOL/..data" || true)
  ln -s "$stamp" "$VOL/..data_tmp"
  mv -T "$VOL/..data_tmp" "$VOL/..data" # rename(2): atomic
  if [[ -n $old ]]; then rm -rf "${VOL:?}/$old"; fi
}
GOOD=$ROOT/examples/shop/marketing.toml
sed 's/title = "Women"/title = "Ladies"/' "$GOOD" >"$WORK/edited.toml"
sed 's/percent_off = 30/percent_off = 300/' "$WORK/edited.toml" >"$WORK/bad.toml"
publish "$GOOD"
ln -s ..data/marketing.toml "$VOL/marketing.toml"
say "the volume"
ls -la "$VOL" | sed 's/^/  /'

wait_for() { # wait_for SECONDS WHAT COMMAND...: polls COMMAND every 0.1 s
  local limit=$1 what=$2 deadline
  shift 2
  deadline=$(($(date +%s%N) + limit * 1000000000))
  until "$@"; do
    (($(date +%s%N) < deadline)) || fail "timed out after ${limit}s waiting for $what"
    sleep 0.1
  done
}

# --- three shops ----------------------------------------------------------------------
for i in 1 2 3; do
  RUST_LOG=warn "$SHOP_BIN" --addr "127.0.0.1:$((PORT + i))" --config "$VOL/marketing.toml" \
    >"$WORK/shop$i.log" 2>&1 &
  PIDS+=($!)
done
healthy() { curl -fsS "http://127.0.0.1:$1/healthz" >/dev/null 2>&1; }
for i in 1 2 3; do wait_for 20 "shop $i" healthy $((PORT + i)); done
say "three shops on 127.0.0.1:$((PORT + 1))-$((PORT + 3))"

# --- the rules and Prometheus ---------------------------------------------------------
say "promtool check rules deploy/prometheus/alerts.yml"
promtool check rules "$ROOT/deploy/prometheus/alerts.yml"
say "promtool test rules deploy/prometheus/alerts_test.yml"
promtool test rules "$ROOT/deploy/prometheus/alerts_test.yml"
sed -E 's/for: [0-9]+m/for: 5s/' "$ROOT/deploy/prometheus/alerts.yml" >"$WORK/alerts-fast.yml"
cat >"$WORK/prometheus.yml" <<YAML
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files:
  - $WORK/alerts-fast.yml
scrape_configs:
  - job_name: shop
    static_configs:
      - targets: ['127.0.0.1:$((PORT + 1))', '127.0.0.1:$((PORT + 2))', '127.0.0.1:$((PORT + 3))']
YAML
promtool check config "$WORK/prometheus.yml"
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/tsdb" \
  --web.listen-address="127.0.0.1:$PROM_PORT" >"$WORK/prometheus.log" 2>&1 &
PIDS+=($!)
ready() { curl -fsS "$PROM/-/ready" >/dev/null 2>&1; }
wait_for 30 "Prometheus" ready

query() { # query PROMQL: the first result's value, or "none"
  curl -fsS --get --data-urlencode "query=$1" "$PROM/api/v1/query" | jq -r '.data.result[0].value[1] // "none"'
}
is() { [[ $(query "$1") == "$2" ]]; }
wait_for 30 "three targets up" is 'count(up{job="shop"} == 1)' 3
say "Prometheus on $PROM scrapes three targets every 1 s"
wait_for 30 "the first version in Prometheus" is 'count(count by (hash) (config_version_info))' 1

# --- a good edit ----------------------------------------------------------------------
NEW=$(sha256sum "$WORK/edited.toml" | cut -d' ' -f1)
say "good edit: publishing hash $NEW"
started=$(date +%s%N)
publish "$WORK/edited.toml"
converged() {
  is 'count(count by (hash) (config_version_info))' 1 && is "count(config_version_info{hash=\"$NEW\"})" 3
}
wait_for 15 "convergence on $NEW" converged
ms=$((($(date +%s%N) - started) / 1000000))
echo "converged: count(count by (hash) (config_version_info)) = 1, hash $NEW on 3/3, in ${ms} ms (as seen by Prometheus, 1 s scrapes)"
((ms <= 5000)) || fail "convergence took ${ms} ms (> 5 s)"
for i in 1 2 3; do
  title=$(curl -fsS "http://127.0.0.1:$((PORT + i))/menu" | jq -r '.[0].title')
  [[ $title == Ladies ]] || fail "shop $i serves $title"
done
MENU_BEFORE=$(curl -fsS "http://127.0.0.1:$((PORT + 1))/menu" | sha256sum | cut -d' ' -f1)

# --- a bad edit -----------------------------------------------------------------------
say "bad edit: percent_off = 300"
publish "$WORK/bad.toml"
wait_for 15 "config_last_reload_successful 0 on all three" is 'count(config_last_reload_successful == 0)' 3
echo "config_last_reload_successful (Prometheus):"
curl -fsS --get --data-urlencode 'query=config_last_reload_successful' "$PROM/api/v1/query" |
  jq -r '.data.result[] | "  \(.metric.instance) \(.value[1])"'
echo "config_reloads_total (Prometheus):"
curl -fsS --get --data-urlencode 'query=sum by (outcome) (config_reloads_total)' "$PROM/api/v1/query" |
  jq -r '.data.result[] | "  outcome=\(.metric.outcome) \(.value[1])"'
echo "count(count by (hash) (config_version_info)) = $(query 'count(count by (hash) (config_version_info))'), hash still $(curl -fsS "http://127.0.0.1:$((PORT + 1))/config/status" | jq -r .hash)"
echo "shop 1 /metrics:"
curl -fsS "http://127.0.0.1:$((PORT + 1))/metrics" | grep -v -E '^# (HELP|TYPE)|_bucket' | sed 's/^/  /'
echo "shop 1 /config/status last_error:"
curl -fsS "http://127.0.0.1:$((PORT + 1))/config/status" | jq -r '.last_error.items[0] | "  \(.rule) at \(.line):\(.col) \(.path // "") \(.message)"'
for i in 1 2 3; do
  menu=$(curl -fsS "http://127.0.0.1:$((PORT + i))/menu" | sha256sum | cut -d' ' -f1)
  [[ $menu == "$MENU_BEFORE" ]] || fail "shop $i changed its menu after the bad edit"
  echo "shop $i /menu: still the good menu (first title $(curl -fsS "http://127.0.0.1:$((PORT + i))/menu" | jq -r '.[0].title'))"
done

# --- the alert ------------------------------------------------------------------------
say "alerts (rules copied with for: 5s)"
wait_for 30 "ConfigReloadRejected firing on all three" \
  is 'count(ALERTS{alertname="ConfigReloadRejected",alertstate="firing"})' 3
curl -fsS "$PROM/api/v1/alerts" |
  jq -r '.data.alerts[] | "  \(.labels.alertname) \(.state) instance=\(.labels.instance) file=\(.labels.file) since \(.activeAt)"'

# --- SIGTERM --------------------------------------------------------------------------
say "SIGTERM"
for i in 1 2 3; do
  pid=${PIDS[$((i - 1))]}
  kill -TERM "$pid"
  deadline=$(($(date +%s) + 10))
  while kill -0 "$pid" 2>/dev/null; do
    (($(date +%s) < deadline)) || fail "shop $i still running 10 s after SIGTERM"
    sleep 0.1
  done
  code=0
  wait "$pid" || code=$?
  echo "shop $i: exit $code, $(grep -c 'SIGTERM, shutting down' "$WORK/shop$i.log") 'SIGTERM, shutting down' line"
done
say "fleet scenario passed"

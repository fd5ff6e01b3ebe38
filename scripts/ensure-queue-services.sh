#!/usr/bin/env bash
# What n8n's queue mode needs besides n8n itself: Redis (the job queue) and PostgreSQL (n8n's database),
# both from Debian's packages. Installs them with apt-get when missing and we are root; never starts the
# system services (test/scale starts private instances on 127.0.0.1 with throwaway data directories).
# Prints REDIS_SERVER=<path> and PG_BIN=<directory with initdb, pg_ctl, createdb> on success; exits 3 with
# a reason on stderr when they are missing and cannot be installed.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

find_pg_bin() {
	local dir
	for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
		if [[ -x "$dir/postgres" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
			echo "$dir"
			return 0
		fi
	done
	return 1
}

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
find_pg_bin >/dev/null || missing+=(postgresql)

if ((${#missing[@]})); then
	if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
		echo "queue mode needs ${missing[*]} (Debian packages); not root or no apt-get, so they cannot be installed here" >&2
		exit 3
	fi
	echo "installing ${missing[*]} from Debian's packages (first run on this machine)" >&2
	# policy-rc.d stops the packages' post-install scripts from starting the system services.
	policy=/usr/sbin/policy-rc.d
	created_policy=0
	if [[ ! -e $policy ]]; then
		printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1
	fi
	(apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 ||
		(apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2)) ||
		{ ((created_policy)) && rm -f "$policy"; echo "apt-get could not install ${missing[*]}" >&2; exit 3; }
	((created_policy)) && rm -f "$policy"
fi

how="already installed"
((${#missing[@]})) && how="installed now from Debian's packages"
echo "using $(redis-server --version | cut -d' ' -f1-3) and PostgreSQL $("$(find_pg_bin)/postgres" --version | awk '{print $3}') ($how)" >&2
echo "REDIS_SERVER=$(command -v redis-server)"
echo "PG_BIN=$(find_pg_bin)"

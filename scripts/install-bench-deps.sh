#!/bin/sh
# install-bench-deps.sh - install the Debian packages the benchmarks need
# besides those of install-deps.sh (the load generator, the web server that
# is their anchor and proxy, the PostgreSQL server and the command-line
# clients the anchors run), but only those that are missing. Run as root on
# Debian 12.
set -eu

# wrk: the load; nginx: the static anchor and the load-balancing proxy;
# postgresql: the throw-away cluster (tests/pg/cluster.sh) and psql;
# sqlite3: the SQLite anchors; curl, python3, procps (ps), iproute2 (ss):
# the scripts themselves.
PACKAGES="wrk nginx postgresql sqlite3 curl python3 procps iproute2"

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
		grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
if [ -z "$missing" ]; then
	exit 0
fi
echo "Pakketten installeren voor de benchmarks:$missing"
if [ "$(id -u)" != 0 ]; then
	echo "Installeer deze pakketten als root (apt-get install$missing)." >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing

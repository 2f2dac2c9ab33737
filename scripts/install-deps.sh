#!/bin/sh
# install-deps.sh - install the Debian packages ambt needs to build, test
# and run, but only those that are missing (so that a prepared machine
# does not need the network). Run as root on Debian 12.
#
#   install-deps.sh           what make demo and make check need
#   install-deps.sh --bench   and what make bench needs besides: wrk (the
#                             load), nginx (the static anchor and the
#                             load-balancing proxy), sqlite3 and postgresql
#                             (the anchors' own clients, the throw-away
#                             cluster), procps (ps) and iproute2 (ss)
set -eu

PACKAGES="build-essential meson ninja-build pkg-config
libsqlite3-dev sqlite3 libjansson-dev libcsv-dev libcmocka-dev
valgrind clang-format git python3
libmicrohttpd-dev libsodium-dev liboath-dev libgmp-dev fonts-noto-core chromium curl jq
faketime libpq-dev postgresql
libical-dev libcurl4-openssl-dev python3-aiosmtpd python3-yaml"
if [ "${1:-}" = --bench ]; then
	PACKAGES="wrk nginx postgresql sqlite3 curl python3 procps iproute2"
fi

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
		grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
# Node.js and npm (for the NL Design System CSS, the OpenAPI linter and the
# browser tests): any installed version from 18 on will do; otherwise
# Debian's (Node.js 18 on Debian 12, which every npm package is pinned for).
if [ "${1:-}" != --bench ] && ! command -v npm >/dev/null 2>&1; then
	missing="$missing nodejs npm"
fi
if [ -z "$missing" ]; then
	exit 0
fi
echo "Pakketten installeren:$missing"
if [ "$(id -u)" != 0 ]; then
	echo "Installeer deze pakketten als root (apt-get install$missing)." >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing

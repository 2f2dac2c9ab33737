#!/bin/sh
# cluster.sh - a throw-away PostgreSQL cluster for the tests, on loopback.
#
#   cluster.sh start DIR   create a cluster in DIR (a new, empty directory),
#                          start it on a free 127.0.0.1 port and print the
#                          connection URL of its database "ambt"
#   cluster.sh stop DIR    stop it and remove DIR
#   cluster.sh pauze DIR   stop the server, keeping the cluster (a server
#                          that went away)
#   cluster.sh hervat DIR  start it again, on the same port
#
# PostgreSQL refuses to run as root, so as root the cluster belongs to an
# unprivileged user (postgres when Debian's package made it, else nobody).
# Debian's server binaries live in /usr/lib/postgresql/VERSION/bin.
set -eu
cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: cluster.sh start|stop|pauze|hervat DIR" >&2; exit 2; }

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] && [ -x "$bin/initdb" ] || { echo "cluster.sh: PostgreSQL is not installed" >&2; exit 2; }

user=$(id -un)
as() { "$@"; }
if [ "$(id -u)" = 0 ]; then
	if id postgres >/dev/null 2>&1; then user=postgres; else user=nobody; fi
	as() { runuser -u "$user" -- "$@"; }
fi

serve() {
	as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -p $1 -k $dir -c fsync=off -c max_connections=200" \
		start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
}

case "$cmd" in
start)
	mkdir -p "$dir"
	[ "$(id -u)" = 0 ] && chown "$user" "$dir"
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	as "$bin/initdb" -D "$dir/data" -U ambt -A trust -E UTF8 --locale=C.UTF-8 \
		>"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
	serve "$port"
	as "$bin/createdb" -h 127.0.0.1 -p "$port" -U ambt ambt
	echo "$port" >"$dir/port"
	echo "postgresql://ambt@127.0.0.1:$port/ambt"
	;;
pauze)
	as "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
	;;
hervat)
	serve "$(cat "$dir/port")"
	;;
stop)
	[ -d "$dir/data" ] && as "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
	rm -rf "$dir"
	;;
*)
	echo "usage: cluster.sh start|stop|pauze|hervat DIR" >&2
	exit 2
	;;
esac

# bench/pg.sh - sourced by the benchmarks: the PostgreSQL cluster they
# measure on. Not run by itself.
#
# With AMBT_BENCH_PG set (a URL postgresql://user@host:port/name, as
# `make bench` sets it for the cluster it starts with tests/pg/cluster.sh),
# the benchmarks make their own databases on that cluster and drop them
# when they are done. Without it, pg_begin starts a throw-away cluster with
# tests/pg/cluster.sh and pg_end removes it again.
#
# Needs ROOT (the repository) set by the caller; sets PG_URL.

PG_URL=
PG_DIR=
PG_DBS=

# Starts a cluster unless AMBT_BENCH_PG names one; sets PG_URL.
pg_begin() {
	if [ -n "${AMBT_BENCH_PG:-}" ]; then
		PG_URL=$AMBT_BENCH_PG
	else
		PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ambt-pg-XXXXXX") || return 1
		PG_URL=$(sh "$ROOT/tests/pg/cluster.sh" start "$PG_DIR") || return 1
	fi
	command -v psql >/dev/null 2>&1 || {
		echo "psql is not installed" >&2
		return 1
	}
	pg_sql "SELECT 1" >/dev/null
}

# SQL on the database of the URL; the answer unaligned, without header
# (and without notices such as "database ... does not exist, skipping").
pg_sql() {
	psql -X -q -A -t -v ON_ERROR_STOP=1 "$PG_URL" \
		-c "SET client_min_messages = warning" -c "$1"
}

# The URL of database $1 on the same cluster.
pg_url() {
	echo "${PG_URL%/*}/$1"
}

# Drops database $1 (ambt init/demo make it again when it is missing).
pg_drop() {
	pg_sql "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null
}

# Remembers database $1 to drop at pg_end, and drops what was left of it.
pg_mine() {
	PG_DBS="$PG_DBS $1"
	pg_drop "$1"
}

# The server's version, e.g. "15.8".
pg_version() {
	pg_sql "SHOW server_version" | sed 's/ .*//'
}

# The process ids of the server backends connected to database $1 (on this
# machine: their CPU time can be read from /proc).
pg_backends() {
	pg_sql "SELECT pid FROM pg_stat_activity WHERE datname = '$1'
		AND pid <> pg_backend_pid()"
}

# Drops the databases made, or removes the cluster started, by pg_begin.
pg_end() {
	if [ -n "$PG_DIR" ]; then
		sh "$ROOT/tests/pg/cluster.sh" stop "$PG_DIR"
		PG_DIR=
	elif [ -n "$PG_URL" ]; then
		for db in $PG_DBS; do
			pg_drop "$db" 2>/dev/null || true
		done
	fi
	PG_DBS=
	PG_URL=
}

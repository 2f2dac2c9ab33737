# db.sh - the databases a shell test works on, on the engine it tests.
# Sourced by the scripts in tests/; needs $AMBT (the binary) and $WORK (the
# test's temporary directory).
#
# AMBT_TEST_ENGINE=postgresql runs the test against PostgreSQL: then
# AMBT_TEST_PG is the URL of a database in a running cluster (make check
# starts one with tests/pg/cluster.sh) and each database here is one of
# that cluster, named after the test. Otherwise the databases are SQLite
# files in $WORK.
#
#   db_engine_of_test       skip the whole test (TAP "1..0 # SKIP") when
#                           PostgreSQL is asked for but no cluster is given
#   db_url NAME             the database NAME
#   db_copy FROM TO         make TO a copy of FROM (which nobody uses now)
#   db_sql DB SQL           run SQL beside the application, for a test that
#                           goes around it on purpose (to tamper, or to
#                           move a moment into the past)
#   db_inhoud DB [TABLES]   a fingerprint of what DB holds, leaving out the
#                           comma-separated TABLES (through `ambt inhoud`)

DB_ENGINE=${AMBT_TEST_ENGINE:-sqlite}
# A name that keeps this test's databases apart from other tests'.
DB_PREFIX=${DB_PREFIX:-t}

db_engine_of_test() {
	if [ "$DB_ENGINE" = postgresql ] && [ -z "${AMBT_TEST_PG:-}" ]; then
		echo "1..0 # SKIP no PostgreSQL cluster (AMBT_TEST_PG is not set)"
		exit 0
	fi
}

db_url() {
	if [ "$DB_ENGINE" = postgresql ]; then
		echo "${AMBT_TEST_PG%/*}/${DB_PREFIX}_$1"
	else
		echo "$WORK/$1.db"
	fi
}

# The cluster's maintenance database, for creating and dropping others.
db_beheer() {
	echo "${AMBT_TEST_PG%/*}/postgres"
}

db_copy() {
	if [ "$DB_ENGINE" = postgresql ]; then
		psql -X -q -v ON_ERROR_STOP=1 "$(db_beheer)" \
			-c "SET client_min_messages = warning" \
			-c "DROP DATABASE IF EXISTS \"${2##*/}\"" \
			-c "CREATE DATABASE \"${2##*/}\" TEMPLATE \"${1##*/}\"" >/dev/null
	else
		rm -f "$2" "$2-wal" "$2-shm"
		cp "$1" "$2"
	fi
}

db_sql() {
	case $1 in
	postgres*) psql -X -q -A -t -v ON_ERROR_STOP=1 "$1" -c "$2" ;;
	*) sqlite3 "$1" "$2" ;;
	esac
}

db_inhoud() {
	"$AMBT" inhoud --db "$1" ${2:+--zonder "$2"} --format csv | sha256sum
}

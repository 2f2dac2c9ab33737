#!/bin/sh
# golden.sh - run the real `ambt` binary and compare what it prints with
# the expected output in tests/cli/golden/.
#
# Each case NAME has NAME.cmd (one shell line running `ambt ...`, possibly
# several joined with &&; the word DB stands for a fresh copy of the demo
# database; FIX/file a file in tests/cli/fixtures), NAME.out (what
# ambt writes to stdout and stderr) and NAME.rc (the exit code). A case
# that fails (exit code not 0) must leave the database exactly as it was:
# its content (ambt inhoud) is compared before and after (unless
# NAME.mutates exists: the case changes the database itself, e.g. to
# tamper with it). Run against PostgreSQL (AMBT_TEST_ENGINE=postgresql,
# see tests/lib/db.sh), a case reads NAME.pg.cmd, NAME.pg.out and
# NAME.pg.rc where those exist, for what only a file can do; `sql DB
# "..."` in a .cmd runs SQL beside ambt on either engine.
#
# Usage: golden.sh AMBT GOLDEN_DIR        (TAP output)
#        GOLDEN_PER_OPDRACHT=1 golden.sh ...  (one case per command)
#        UPDATE=1 golden.sh AMBT GOLDEN_DIR  (rewrite .out/.rc files)
set -u
AMBT=$(realpath "$1")
DIR=$2
# Input files for the cases; FIX/name in a .cmd file names one.
FIX=$(realpath "$DIR/../fixtures")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-golden-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export AMBT_NU=2026-11-22T10:30:00+01:00
# AMBT_WRAPPER runs each ambt under a checker, e.g. valgrind.
RUN=${AMBT_WRAPPER:-}
ambt() {
	$RUN "$AMBT" "$@"
}
unset AMBT_DB
DB_PREFIX=golden
. "$(dirname "$0")/../lib/db.sh"
db_engine_of_test
sql() { db_sql "$@"; }
DEMO=$(db_url demo)
CASE=$(db_url case)

"$AMBT" demo --overschrijf --db "$DEMO" >/dev/null || { echo "Bail out! demo failed"; exit 1; }
DEMO_INHOUD=$(db_inhoud "$DEMO")
schoon=nee

n=0
failed=0
cases=$(ls "$DIR"/*.cmd | grep -v "\.pg\.cmd$" | sort)
# GOLDEN_PER_OPDRACHT=1: one case per command, the first two words of
# the case's name (e.g. afspraak-add), the one with the shortest name
# (its plain use, not a variant): for a slow checker such as valgrind.
if [ "${GOLDEN_PER_OPDRACHT:-0}" = 1 ]; then
	cases=$(printf '%s\n' $cases | awk '{
		n = $0; sub(/.*\//, "", n); sub(/\.cmd$/, "", n)
		split(n, w, "-"); print w[1] "-" w[2], length(n), $0 }' |
		sort -k1,1 -k2,2n -k3,3 | awk '!seen[$1]++ { print $3 }' | sort)
fi
echo "1..$(echo "$cases" | wc -l)"
for cmd in $cases; do
	name=$(basename "$cmd" .cmd)
	n=$((n + 1))
	# The files of this case on this engine.
	for x in cmd out rc; do
		eval "f_$x=\$DIR/\$name.\$x"
		[ "$DB_ENGINE" = postgresql ] && [ -f "$DIR/$name.pg.$x" ] &&
			eval "f_$x=\$DIR/\$name.pg.\$x"
	done
	# A fresh copy of the demo, unless the last case left it as it was.
	[ "$schoon" = ja ] || db_copy "$DEMO" "$CASE"
	args=$(sed "s#\bDB\b#$CASE#g; s#\bFIX/#$FIX/#g" "$f_cmd")
	(cd "$WORK" && eval "$args") >"$WORK/out" 2>&1
	rc=$?
	# Paths of the temporary directory and the fixtures, and how long
	# an import took, are not part of the expectation; moments are
	# (the clock is fixed by AMBT_NU).
	sed -i -E "s#$CASE#WORK/case.db#g; s#$WORK#WORK#g; s#$FIX/#FIX/#g;
		s#^(  tijd +)[0-9]+,[0-9]+ s\$#\\1X s#" "$WORK/out"
	if [ "${UPDATE:-0}" = 1 ]; then
		cp "$WORK/out" "$f_out"
		echo "$rc" >"$f_rc"
	fi
	ok=1
	if ! diff -u "$f_out" "$WORK/out" >"$WORK/diff"; then
		ok=0
		sed 's/^/# /' "$WORK/diff"
	fi
	want_rc=$(cat "$f_rc")
	if [ "$rc" != "$want_rc" ]; then
		ok=0
		echo "# exit code $rc, expected $want_rc"
	fi
	after=$(db_inhoud "$CASE")
	[ "$after" = "$DEMO_INHOUD" ] && schoon=ja || schoon=nee
	if [ "$rc" != 0 ] && [ ! -f "$DIR/$name.mutates" ] &&
	   [ "$after" != "$DEMO_INHOUD" ]; then
		ok=0
		echo "# the database changed although the command failed"
	fi
	if [ $ok = 1 ]; then
		echo "ok $n - $name"
	else
		echo "not ok $n - $name"
		failed=$((failed + 1))
	fi
done
[ $failed = 0 ]

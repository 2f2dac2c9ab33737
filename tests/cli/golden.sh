#!/bin/sh
# golden.sh - run the real `ambt` binary and compare what it prints with
# the expected output in tests/cli/golden/.
#
# Each case NAME has NAME.cmd (one shell line running `ambt ...`, possibly
# several joined with &&; the word DB stands for a fresh copy of the demo
# database; FIX/file a file in tests/cli/fixtures), NAME.out (what
# ambt writes to stdout and stderr) and NAME.rc (the exit code). A case
# that fails (exit code not 0) must leave the database exactly as it was:
# its SQL dump is compared before and after (unless NAME.mutates exists:
# the case changes the database itself, e.g. to tamper with it).
#
# Usage: golden.sh AMBT GOLDEN_DIR        (TAP output)
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

"$AMBT" demo --db "$WORK/demo.db" >/dev/null || { echo "Bail out! demo failed"; exit 1; }

dump() {
	sqlite3 "$1" .dump | sha256sum
}

n=0
failed=0
cases=$(ls "$DIR"/*.cmd | sort)
echo "1..$(echo "$cases" | wc -l)"
for cmd in $cases; do
	name=$(basename "$cmd" .cmd)
	n=$((n + 1))
	rm -f "$WORK"/case.db*
	cp "$WORK/demo.db" "$WORK/case.db"
	before=$(dump "$WORK/case.db")
	args=$(sed "s#\bDB\b#$WORK/case.db#g; s#\bFIX/#$FIX/#g" "$cmd")
	(cd "$WORK" && eval "$args") >"$WORK/out" 2>&1
	rc=$?
	# Paths of the temporary directory and the fixtures, and how long
	# an import took, are not part of the expectation; moments are
	# (the clock is fixed by AMBT_NU).
	sed -i -E "s#$WORK#WORK#g; s#$FIX/#FIX/#g;
		s#^(  tijd +)[0-9]+,[0-9]+ s\$#\\1X s#" "$WORK/out"
	if [ "${UPDATE:-0}" = 1 ]; then
		cp "$WORK/out" "$DIR/$name.out"
		echo "$rc" >"$DIR/$name.rc"
	fi
	ok=1
	if ! diff -u "$DIR/$name.out" "$WORK/out" >"$WORK/diff"; then
		ok=0
		sed 's/^/# /' "$WORK/diff"
	fi
	want_rc=$(cat "$DIR/$name.rc")
	if [ "$rc" != "$want_rc" ]; then
		ok=0
		echo "# exit code $rc, expected $want_rc"
	fi
	if [ "$rc" != 0 ] && [ -f "$WORK/case.db" ] &&
	   [ ! -f "$DIR/$name.mutates" ] &&
	   [ "$(dump "$WORK/case.db")" != "$before" ]; then
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

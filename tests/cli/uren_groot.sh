#!/bin/sh
# uren_groot.sh - a generated year of hours (bench/gen) through the real
# `ambt`: killed with SIGKILL halfway through storing it, the database has
# no partial batch; imported again it gives exactly the figures the
# generator computed; imported a third time it changes nothing.
#
# Usage: uren_groot.sh AMBT GEN        (TAP output)
set -u
AMBT=$(realpath "$1")
GEN=$(realpath "$2")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-uren-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
export AMBT_NU=2026-11-22T10:30:00+01:00
unset AMBT_DB

n=0
failed=0
check() { # check NAME COMMAND...
	n=$((n + 1))
	name=$1
	shift
	if "$@" >check.out 2>&1; then
		echo "ok $n - $name"
	else
		echo "not ok $n - $name"
		sed 's/^/# /' check.out
		failed=$((failed + 1))
	fi
}
# rijen TABLE: how many rows TABLE has (through ambt inhoud).
rijen() {
	"$AMBT" inhoud --db t.db --format json |
		jq -r --arg t "$1" '.[] | select(.tabel == $t) | .rijen'
}

echo "1..9"
"$GEN" --uit jaar --medewerkers 1000 --eenheden 20 --ondersteunend 5 \
	--gemeenten 3 --afwijkingen 4 >/dev/null || {
	echo "Bail out! gen failed"
	exit 1
}
fresh() {
	rm -f t.db t.db-wal t.db-shm
	"$AMBT" init --db t.db --register jaar/register.json >/dev/null &&
		"$AMBT" medewerker importeer jaar/medewerkers.csv --db t.db >/dev/null
}
fresh || { echo "Bail out! setup failed"; exit 1; }

# Start the import and kill it once its transaction has spilled pages
# into the write-ahead log (rows are being stored, nothing committed).
# A fast machine might finish first: then try again, a few times.
killed=no
for poging in 1 2 3 4 5; do
	"$AMBT" inhoud --db t.db >/dev/null # no write-ahead log left
	"$AMBT" uren importeer jaar/uren.csv --db t.db >import.out 2>&1 &
	pid=$!
	while kill -0 $pid 2>/dev/null; do
		size=$(stat -c %s t.db-wal 2>/dev/null || echo 0)
		if [ "$size" -gt 2000000 ]; then
			kill -9 $pid 2>/dev/null && killed=yes
			break
		fi
		sleep 0.005
	done
	wait $pid 2>/dev/null
	[ $killed = yes ] && break
	fresh || exit 1
done
check "the import was killed halfway (attempt $poging)" test $killed = yes
check "no batch after the kill" test "$(rijen uren_batch)" = 0
check "no rows after the kill" \
	test "$(rijen uren)$(rijen uren_cel)" = 00
check "the database is whole" "$AMBT" inhoud --controleer --db t.db
check "the audit trail is whole" "$AMBT" audit controleer --db t.db

"$AMBT" uren importeer jaar/uren.csv --db t.db >import.out 2>&1
check "imported after the kill" grep -q "Ingelezen als batch" import.out

# The batch and the urenverdeling hold exactly what gen wrote.
"$AMBT" uren batches --format json --db t.db >batches.json
"$AMBT" uren totalen --samenwerking BENCH --format json --db t.db >totalen.json
check "rows, hours and deviations as generated" python3 -c '
import json, sys
v = json.load(open("jaar/verwacht.json"))
b = json.load(open("batches.json"))
t = json.load(open("totalen.json"))
assert len(b) == 1, b
b = b[0]
assert b["rijen"] == v["rijen"], (b["rijen"], v["rijen"])
assert b["honderdsten"] == v["uren_honderdsten"]
assert b["afwijkingen"] == v["afwijkingen"], (b["afwijkingen"], v["afwijkingen"])
assert b["medewerkers"] == v["medewerkers"]
per = {g["gemeente"]: g["honderdsten"] for g in t["verdeling"]}
assert per == v["per_gemeente"], (per, v["per_gemeente"])
'
"$AMBT" uren afwijkingen --samenwerking BENCH --format json --db t.db >afw.json
check "the deviations report holds the generated deviations" python3 -c '
import json
v = json.load(open("jaar/verwacht.json"))
a = json.load(open("afw.json"))
assert a["honderdsten"] == v["afwijkende_uren_honderdsten"], a["honderdsten"]
assert sum(x["rijen"] for x in a["afwijkingen"]) == v["afwijkingen"]
'
"$AMBT" uren importeer jaar/uren.csv --db t.db >import.out 2>&1
batches=$(rijen uren_batch)
check "the same file again changes nothing" \
	sh -c 'grep -q "al ingelezen als batch 1" import.out && test "$1" = 1' - "$batches"
[ $failed = 0 ]

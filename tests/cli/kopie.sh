#!/bin/sh
# kopie.sh - backup, restore and moving a database through the real `ambt`
# (TAP output).
#
# On SQLite: the demo is backed up while `ambt serve` runs on it and takes
# writes over HTTP; every copy restores to a whole database (audit trail,
# integrity), and once the writes stopped the restore holds exactly what the
# database holds (`ambt inhoud`, byte for byte). Refusals (a target that
# exists, a BRON that is no database, a copy of a newer schema) change
# nothing.
#
# On PostgreSQL (AMBT_TEST_ENGINE=postgresql, see tests/lib/db.sh): the
# SQLite demo moves to PostgreSQL and back to a new SQLite file, with the
# same content all three, the audit trail whole on each and the adopted
# calculation recomputing to the same output everywhere; new rows on
# PostgreSQL get new ids; a move that does not check out leaves the target
# empty; a PostgreSQL backup restores to the same content.
#
# Usage: kopie.sh AMBT        (TAP output)
set -u
AMBT=$(realpath "$1")
FIX=$(realpath "$(dirname "$0")/fixtures")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-kopie-XXXXXX")
export AMBT_NU=2026-11-22T10:30:00+01:00
unset AMBT_DB AMBT_PG_BIN
DB_PREFIX=kopie
. "$(dirname "$0")/../lib/db.sh"
db_engine_of_test
PID=
SCHRIJVER=
cleanup() {
	[ -n "$SCHRIJVER" ] && kill "$SCHRIJVER" 2>/dev/null
	[ -n "$PID" ] && kill "$PID" 2>/dev/null
	wait 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK" || exit 1

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
# Both files the same (a diff when not).
same() { diff -u "$1" "$2"; }
# The command fails with exit code 1 and says $1 (a fixed text).
refuses() { # refuses TEXT COMMAND...
	want=$1
	shift
	"$@" >refuses.out 2>&1
	rc=$?
	cat refuses.out
	[ $rc = 1 ] && grep -qF -- "$want" refuses.out
}
inhoud() { "$AMBT" inhoud --db "$1"; }
fingerprint() { sha256sum <"$1"; }

"$AMBT" demo --db demo.db >/dev/null || { echo "Bail out! demo failed"; exit 1; }

if [ "$DB_ENGINE" = sqlite ]; then
	echo "1..19"
	token=$("$AMBT" gebruiker token beheer --naam kopie --db demo.db | tail -1)
	"$AMBT" serve --db demo.db --poort 0 >serve.out 2>serve.log &
	PID=$!
	for _ in $(seq 1 100); do
		grep -q "draait op" serve.out 2>/dev/null && break
		sleep 0.05
	done
	BASE=$(sed -n 's#^Ambt draait op \(http://[^/]*\)/.*#\1#p' serve.out)
	[ -n "$BASE" ] || { echo "Bail out! server did not start"; exit 1; }

	# Writes through the server while copies are made: 30 new
	# municipalities, one request after the other.
	(for i in $(seq 10 39); do
		curl -s -o /dev/null -X POST "$BASE/api/v1/gemeenten" \
			-H "Authorization: Bearer $token" \
			-H 'Content-Type: application/json' \
			--data "{\"code\": \"GM99$i\", \"naam\": \"Proef $i\"}"
	done) &
	SCHRIJVER=$!
	ok=yes
	for i in 1 2 3; do
		"$AMBT" backup tijdens$i.db --db demo.db >tijdens$i.out 2>&1 || ok=no
	done
	wait "$SCHRIJVER"
	SCHRIJVER=
	check "three backups while the server takes writes" test $ok = yes
	heel=yes
	for i in 1 2 3; do
		t=tijdens$i-terug.db
		"$AMBT" restore tijdens$i.db --db $t >/dev/null &&
			"$AMBT" audit controleer --db $t >/dev/null &&
			[ "$(sqlite3 $t 'PRAGMA integrity_check')" = ok ] ||
			heel=no
		# Each write is a municipality with its audit entry, in one
		# transaction: a copy of one moment has as many of either.
		[ "$(sqlite3 $t "SELECT count(*) FROM organisatie WHERE code LIKE 'GM99%'")" = \
			"$(sqlite3 $t "SELECT count(*) FROM audit WHERE resource = 'gemeente' AND resource_weergave LIKE 'GM99%'")" ] ||
			heel=no
	done
	check "each restores whole (audit trail, integrity, every write whole)" test $heel = yes
	check "the server wrote meanwhile" test \
		"$(sqlite3 demo.db "SELECT count(*) FROM organisatie WHERE code LIKE 'GM99%'")" = 30

	# The writes are done: a backup now is the database exactly.
	"$AMBT" backup kopie.db --db demo.db >backup.out 2>&1
	check "backup while the server runs" grep -q "geschreven naar kopie.db: 53 tabellen" backup.out
	check "the backup is for its owner only" test "$(stat -c %a kopie.db)" = 600
	check "the backup is one plain file" test ! -e kopie.db-wal -a \
		"$(sqlite3 kopie.db 'PRAGMA journal_mode')" = delete
	"$AMBT" restore kopie.db --db terug.db >restore.out 2>&1
	inhoud demo.db >demo.inhoud
	inhoud terug.db >terug.inhoud
	check "restored: ambt inhoud exactly as the database" same demo.inhoud terug.inhoud
	check "restore tells what it holds" grep -qF "$(sed -n 3p demo.inhoud)" restore.out
	check "the server still answers" curl -sf -o /dev/null "$BASE/"
	# A write that holds the lock longer than the busy timeout (5 s)
	# does not keep a backup waiting: it only reads.
	printf 'BEGIN IMMEDIATE;\nUPDATE generatie SET n = n;\n.shell sleep 6\nROLLBACK;\n' |
		sqlite3 demo.db &
	sleep 0.5
	check "backup while another process holds the write lock" \
		"$AMBT" backup vergrendeld.db --db demo.db
	wait $!
	kill "$PID"
	wait "$PID" 2>/dev/null
	PID=

	# Refusals change nothing.
	kop=$(fingerprint kopie.db)
	check "backup onto an existing file is refused" \
		refuses "kopie.db bestaat al" "$AMBT" backup kopie.db --db demo.db
	check "... and the file is as it was" test "$(fingerprint kopie.db)" = "$kop"
	check "restore onto an existing database is refused" \
		refuses "terug.db bestaat al" "$AMBT" restore kopie.db --db terug.db
	echo "geen database" >tekst.db
	check "a BRON that is no database is refused" \
		refuses "tekst.db is geen reservekopie van ambt" \
		"$AMBT" restore tekst.db --db terug.db --overschrijf
	check "a backup onto the database itself is refused" \
		refuses "is de database zelf" \
		"$AMBT" backup demo.db --db demo.db --overschrijf
	cp kopie.db nieuwer.db
	sqlite3 nieuwer.db "UPDATE schema_version SET version = version + 1"
	check "a copy of a newer schema is refused" \
		refuses "nieuwere versie van ambt" \
		"$AMBT" restore nieuwer.db --db terug.db --overschrijf
	inhoud terug.db >na.inhoud
	check "... and after all three the database is as it was" same terug.inhoud na.inhoud
	check "... with nothing left beside it" test ! -e terug.db.nieuw
	"$AMBT" restore kopie.db --db terug.db --overschrijf >/dev/null 2>&1
	inhoud terug.db >opnieuw.inhoud
	check "with --overschrijf it is replaced" same demo.inhoud opnieuw.inhoud
	[ $failed = 0 ]
	exit
fi

# ---- PostgreSQL ----
echo "1..24"
MIG=$(db_url mig)
TERUG=$(db_url terug)
FOUT=$(db_url fout)
for d in mig terug fout; do
	psql -X -q "$(db_beheer)" -c "SET client_min_messages = warning" \
		-c "DROP DATABASE IF EXISTS \"${DB_PREFIX}_$d\"" >/dev/null
done

# A batch replaced twice, the last time by the file of the first: two rows
# of uren_batch with the same hash, one of them current. And a text longer
# than the COPY buffer.
"$AMBT" uren importeer "$FIX/hb-uren-2025-01.csv" --db demo.db >/dev/null &&
	"$AMBT" uren importeer "$FIX/hb-uren-2025-01-verbeterd.csv" --vervang 8 --db demo.db >/dev/null &&
	"$AMBT" uren importeer "$FIX/hb-uren-2025-01.csv" --vervang 9 --db demo.db >/dev/null &&
	sqlite3 demo.db "UPDATE besluit SET toelichting = printf('%.*c', 300000, 'x') || char(9) || 'tab\\' WHERE id = 3" ||
	{ echo "Bail out! setup failed"; exit 1; }

"$AMBT" migreer --van demo.db --naar "$MIG" >mig.out 2>&1
check "SQLite to PostgreSQL" grep -q "overgezet naar .*: 53 tabellen" mig.out
check "... checked: tables, calculations, audit trail" \
	grep -q "1 vastgestelde kostenverdeling opnieuw berekend" mig.out
"$AMBT" migreer --van "$MIG" --naar terug.db >terug.out 2>&1
check "PostgreSQL back to a new SQLite file" grep -q "overgezet naar terug.db" terug.out
inhoud demo.db >demo.inhoud
inhoud "$MIG" >mig.inhoud
inhoud terug.db >terug.inhoud
check "ambt inhoud: SQLite and PostgreSQL the same" same demo.inhoud mig.inhoud
check "ambt inhoud: and the SQLite file it went back to" same demo.inhoud terug.inhoud
check "the replaced batches kept their order" test \
	"$(db_sql "$MIG" 'SELECT id, vervangen_door FROM uren_batch WHERE id >= 8 ORDER BY id' | tr '\n' ' ')" = "8|9 9|10 10| "
for db in demo.db "$MIG" terug.db; do
	check "audit trail whole: $(echo "$db" | sed 's#.*/##')" "$AMBT" audit controleer --db "$db"
done
nr=$("$AMBT" verdeling lijst --format csv --db demo.db | tr -d '"' |
	awk -F, '$7 ~ /^besluit / { print $1; exit }')
"$AMBT" verdeling toon "$nr" --db demo.db >v-demo.out 2>&1
"$AMBT" verdeling toon "$nr" --db "$MIG" >v-mig.out 2>&1
"$AMBT" verdeling toon "$nr" --db terug.db >v-terug.out 2>&1
herrekend() { grep -q "vastgesteld bij besluit" "$1" &&
	grep -q "Opnieuw berekend uit de bewaarde invoer: gelijk" "$1"; }
check "calculation $nr is adopted and recomputes on SQLite" herrekend v-demo.out
check "... the same on PostgreSQL" same v-demo.out v-mig.out
check "... and on the SQLite file again" same v-demo.out v-terug.out

# New rows on PostgreSQL continue after the highest id copied.
"$AMBT" uren importeer "$FIX/hb-uren-2025-01-verbeterd.csv" --vervang 10 --db "$MIG" >nieuw.out 2>&1
check "a new batch on PostgreSQL gets the next id" grep -q "Ingelezen als batch 11," nieuw.out
check "... and the audit trail goes on whole" "$AMBT" audit controleer --db "$MIG"

inhoud "$MIG" >mig2.inhoud
check "moving onto a database with data is refused" \
	refuses "bevat al gegevens" "$AMBT" migreer --van demo.db --naar "$MIG"
inhoud "$MIG" >mig3.inhoud
check "... and it is as it was" same mig2.inhoud mig3.inhoud

# A move that does not check out: an adopted calculation changed behind
# the program's back does not recompute; nothing is moved.
cp demo.db fout.db
sqlite3 fout.db "DROP TRIGGER kostenverdeling_bevroren; UPDATE kostenverdeling SET uitkomst = replace(uitkomst, '1', '2') WHERE id = $nr"
check "a calculation that does not recompute stops the move" \
	refuses "(tabel kostenverdeling)" "$AMBT" migreer --van fout.db --naar "$FOUT"
check "... and the target holds nothing" test \
	"$("$AMBT" inhoud --db "$FOUT" --format csv | awk -F, 'NR > 1 { s += $2 } END { print s }')" = 0

# A PostgreSQL backup and its restore.
"$AMBT" backup mig.dump --db "$MIG" >backup.out 2>&1
check "PostgreSQL backup with pg_dump" grep -q "geschreven naar mig.dump" backup.out
"$AMBT" restore mig.dump --db "$TERUG" >restore.out 2>&1
inhoud "$TERUG" >herstel.inhoud
check "PostgreSQL restore: ambt inhoud the same" same mig2.inhoud herstel.inhoud
# An archive of a newer schema is refused before anything changes.
PG_DUMP=$(command -v pg_dump || ls /usr/lib/postgresql/*/bin/pg_dump | sort -V | tail -1)
db_sql "$TERUG" "UPDATE schema_version SET version = version + 1" >/dev/null &&
	"$PG_DUMP" --format=custom --file=nieuwer.dump "$TERUG" &&
	db_sql "$TERUG" "UPDATE schema_version SET version = version - 1" >/dev/null ||
	{ echo "Bail out! pg_dump failed"; exit 1; }
check "an archive of a newer schema is refused" refuses "nieuwere versie van ambt" \
	"$AMBT" restore nieuwer.dump --db "$TERUG" --overschrijf
inhoud "$TERUG" >herstel2.inhoud
check "... and the database is as it was" same herstel.inhoud herstel2.inhoud
check "without pg_dump: a clear refusal" refuses "pg_dump" \
	env AMBT_PG_BIN="$WORK/nergens" "$AMBT" backup geen.dump --db "$MIG"
check "... and no file" test ! -e geen.dump -a ! -e geen.dump.nieuw
[ $failed = 0 ]

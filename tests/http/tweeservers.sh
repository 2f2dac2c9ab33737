#!/bin/sh
# tweeservers.sh - two `ambt serve` processes on one database, as behind a
# reverse proxy: a session made by one is known to the other, failed
# logins through both add up, a change through one is seen at once by the
# other's response cache, writers through both at the same time each get
# their change stored exactly once, and the audit chain stays one chain.
# Runs on SQLite (one file) and, with AMBT_TEST_ENGINE=postgresql, on one
# PostgreSQL database (see tests/lib/db.sh). TAP output.
#
# Usage: tweeservers.sh AMBT
set -u
AMBT=$(realpath "$1")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-twee-XXXXXX")
export AMBT_NU=2026-11-22T10:30:00+01:00
unset AMBT_DB
DB_PREFIX=twee
LIB=$(dirname "$0")/../lib
. "$LIB/db.sh"
. "$LIB/tap.sh"
. "$LIB/serve.sh"
db_engine_of_test
trap 'serve_stop; rm -rf "$WORK"' EXIT

DB=$(db_url db)
"$AMBT" demo --overschrijf --db "$DB" >/dev/null || { echo "Bail out! demo"; exit 1; }
T=$("$AMBT" gebruiker token beheer --naam twee --db "$DB" | tail -1)
printf 'paard-batterij-nietje\n' | "$AMBT" gebruiker toevoegen t.tester --naam "Test Tester" \
	--rol accounthouder --scope GM0358 --wachtwoord-stdin --db "$DB" >/dev/null

serve_start A "$DB"
serve_start B "$DB"

# ---- the response cache follows the other process's writes ----
curl -s "$BASE_B/api/v1/gemeenten?pageSize=100" -o "$WORK/voor"
curl -s "$BASE_B/api/v1/gemeenten?pageSize=100" -o "$WORK/voor2"
s=$(curl -s -o "$WORK/body" -w '%{http_code}' -H "Authorization: Bearer $T" \
	-H 'Content-Type: application/json' \
	--data '{"code": "GM9901", "naam": "Tweestad", "provincie": "Utrecht"}' \
	"$BASE_A/api/v1/gemeenten")
[ "$s" = 201 ] && ok "a municipality added through A" || not_ok "a municipality added through A" "status $s" "$(head -c 300 "$WORK/body")"
curl -s "$BASE_B/api/v1/gemeenten?pageSize=100" -o "$WORK/na"
if ! grep -q Tweestad "$WORK/voor" && cmp -s "$WORK/voor" "$WORK/voor2" && grep -q Tweestad "$WORK/na"; then
	ok "B's cached list shows it at once"
else
	not_ok "B's cached list shows it at once"
fi

# ---- a session belongs to the database, not to a process ----
form() { # form BASE JAR: the login form's CSRF token
	curl -s -c "$2" "$1/inloggen" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p'
}
login() { # login BASE JAR USER PASSWORD: status
	cs=$(form "$1" "$2")
	curl -s -b "$2" -c "$2" -o "$WORK/body" -w '%{http_code}' \
		--data-urlencode "gebruikersnaam=$3" --data-urlencode "wachtwoord=$4" \
		--data-urlencode "csrf=$cs" "$1/inloggen"
}
s=$(login "$BASE_A" "$WORK/jar" t.tester paard-batterij-nietje)
[ "$s" = 303 ] && ok "logged in through A" || not_ok "logged in through A" "status $s"
SES=$(awk '$6 == "ambt_sessie" { print $7 }' "$WORK/jar")
curl -s -H "Cookie: ambt_sessie=$SES" "$BASE_B/" -o "$WORK/b"
grep -q 'Test Tester' "$WORK/b" && ok "B knows the session A made" || not_ok "B knows the session A made"
FCS=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$WORK/b" | head -1)
curl -s -o /dev/null -H "Cookie: ambt_sessie=$SES" --data "csrf=$FCS" "$BASE_B/uitloggen"
curl -s -H "Cookie: ambt_sessie=$SES" "$BASE_A/" -o "$WORK/a"
grep -q 'Uitloggen' "$WORK/a" && not_ok "logged out through B: A no longer knows it" || ok "logged out through B: A no longer knows it"

# ---- failed logins through both processes add up ----
for i in 1 2 3; do login "$BASE_A" "$WORK/jar2" t.tester "fout-$i" >/dev/null; done
for i in 4 5; do login "$BASE_B" "$WORK/jar2" t.tester "fout-$i" >/dev/null; done
s=$(login "$BASE_A" "$WORK/jar2" t.tester paard-batterij-nietje)
[ "$s" = 401 ] && ok "three wrong passwords through A and two through B lock the account" || not_ok "three wrong passwords through A and two through B lock the account" "status $s"

# ---- writers through both at once ----
# 4 writers per process, 15 decisions each, all at the same time. Every
# decision that was acknowledged (201) is stored exactly once, nothing
# else is, and the audit trail has one entry for each.
schrijver() { # schrijver BASE NAME
	for i in $(seq 1 15); do
		s=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $T" \
			-H 'Content-Type: application/json' \
			--data "{\"identificatie\": \"TWEE-$2-$i\", \"verantwoordelijkeOrganisatie\": \"GM0358\", \"bestuursorgaan\": \"college\", \"datum\": \"2026-11-01\", \"onderwerp\": \"Gelijktijdig $2 $i\", \"openbaarheid\": \"actief_openbaar\"}" \
			"$1/api/v1/besluiten")
		echo "$s TWEE-$2-$i"
	done >"$WORK/w-$2"
}
for w in 1 2 3 4; do
	schrijver "$BASE_A" "a$w" &
	schrijver "$BASE_B" "b$w" &
done
wait_writers() {
	while [ "$(cat "$WORK"/w-* 2>/dev/null | wc -l)" -lt 120 ]; do sleep 0.2; done
}
wait_writers
sort -k2 "$WORK"/w-* >"$WORK/schrijvers"
grep '^201 ' "$WORK/schrijvers" | cut -d' ' -f2 | sort >"$WORK/bevestigd"
t "all 120 writes acknowledged" test "$(wc -l <"$WORK/bevestigd")" = 120
"$AMBT" besluit lijst --zoek Gelijktijdig --format json --db "$DB" |
	jq -r '.[].identificatie | select(startswith("TWEE-"))' | sort >"$WORK/opgeslagen"
t "every acknowledged decision is stored exactly once" cmp "$WORK/bevestigd" "$WORK/opgeslagen"
"$AMBT" audit lijst --soort besluit --aantal 100000 --format json --db "$DB" |
	jq -r '.[] | select(.actie == "create") | .resourceWeergave' |
	grep '^TWEE-' | sort >"$WORK/geaudit"
t "the audit trail has one entry for each" cmp "$WORK/bevestigd" "$WORK/geaudit"
t "the audit chain is one chain" "$AMBT" audit controleer --db "$DB"

# ---- two imports at once, one through each ----
printf 'medewerker;datum;gemeente;eenheid;uren\nAA-001;5-1-2026;GM0358;aa-ict;6\n' >"$WORK/aa.csv"
printf 'medewerker;datum;gemeente;eenheid;uren\nHB-001;5-1-2026;GM0397;hb-belastingen;7\n' >"$WORK/hb.csv"
curl -s -o "$WORK/ia" -w '%{http_code}\n' -H "Authorization: Bearer $T" -H 'Content-Type: text/csv' \
	--data-binary "@$WORK/aa.csv" "$BASE_A/api/v1/uren/importen" >"$WORK/sa" &
curl -s -o "$WORK/ib" -w '%{http_code}\n' -H "Authorization: Bearer $T" -H 'Content-Type: text/csv' \
	--data-binary "@$WORK/hb.csv" "$BASE_B/api/v1/uren/importen" >"$WORK/sb" &
while [ ! -s "$WORK/sa" ] || [ ! -s "$WORK/sb" ]; do sleep 0.1; done
t "both imports stored" test "$(cat "$WORK/sa" "$WORK/sb" | tr '\n' ' ')" = "201 201 "
BA=$(jq -r .batch "$WORK/ia")
BB=$(jq -r .batch "$WORK/ib")
"$AMBT" uren batches --format json --db "$DB" >"$WORK/batches"
t "each a batch of its own cooperation" jq -e "[.[] | select(.batch == $BA and .samenwerking == \"AA\")] | length == 1" "$WORK/batches"
t "(and the other)" jq -e "[.[] | select(.batch == $BB and .samenwerking == \"HB\")] | length == 1" "$WORK/batches"
t "the audit chain is one chain after the imports" "$AMBT" audit controleer --db "$DB"

tap_end

#!/bin/sh
# grenzen.sh - the limits of the front office over HTTP, on the demo with
# the clock on Sunday 22 November 2026 10:30 (TAP output): 429 with
# Retry-After after too many wrong contacts for one reference code, the
# cap of open appointments per e-mail address (409), and a planner's
# release in a wave: before its moment the times are not offered and a
# booking is refused, after it (a server with the clock moved) they are;
# and a server with the clock half a year on erases personal data by
# itself, a second server on the same database not again.
#
# Usage: grenzen.sh AMBT
set -u
AMBT=$(realpath "$1")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-grenzen-XXXXXX")
export AMBT_NU=2026-11-22T10:30:00+01:00
unset AMBT_DB
DB_PREFIX=grenzen
. "$(dirname "$0")/../lib/db.sh"
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/serve.sh"
db_engine_of_test
trap 'serve_stop; rm -rf "$WORK"' EXIT
DB=$(db_url db)

"$AMBT" demo --overschrijf --db "$DB" >/dev/null || { echo "Bail out! demo"; exit 1; }
"$AMBT" gebruiker toevoegen planner.aalsmeer --naam "Planner Aalsmeer" --rol planner \
	--scope GM0358 --db "$DB" >/dev/null || { echo "Bail out! planner"; exit 1; }
T_PLANNER=$("$AMBT" gebruiker token planner.aalsmeer --naam test --db "$DB" | tail -1)
serve_start a "$DB"
BASE=$BASE_a/api/v1

# req METHOD PATH [curl args...]: sets STATUS; the body in $WORK/body,
# the headers in $WORK/headers. AS=planner sends the planner's token.
AS=
req() {
	m=$1
	p=$2
	shift 2
	case "$AS" in
	planner) set -- -H "Authorization: Bearer $T_PLANNER" "$@" ;;
	esac
	STATUS=$(curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' \
		-X "$m" "$@" "$BASE$p")
}
post() {
	p=$1
	b=$2
	shift 2
	req POST "$p" -H 'Content-Type: application/json' --data "$b" "$@"
}
header() {
	grep -i "^$1:" "$WORK/headers" | head -1 | sed 's/^[^:]*: *//; s/\r$//'
}
check() {
	if [ "$STATUS" != "$2" ]; then
		not_ok "$1" "status $STATUS, expected $2" "$(head -c 400 "$WORK/body")"
	elif [ -n "${3:-}" ] && [ "$(jq -r "$3" "$WORK/body" 2>&1)" != true ]; then
		not_ok "$1" "filter failed: $3" "$(head -c 600 "$WORK/body")"
	else
		ok "$1"
	fi
}
# boek START EMAIL: a passport at Aalsmeer's town hall.
boek() {
	post /afspraken "{\"gemeente\": \"GM0358\", \"product\": \"paspoort\", \"vestiging\": \"aalsmeer-raadhuis\", \"start\": \"$1\", \"naam\": \"Jan Jansen\", \"email\": \"$2\"}"
}

# ---- wrong contacts for one reference code ----
boek 2026-12-07T09:30:00+01:00 jan@example.nl
check "book a time" 201
REF=$(jq -r .referentie "$WORK/body")
for i in 1 2 3 4 5; do
	req GET "/afspraken/$REF" -H "Afspraak-Contact: piet@example.nl"
	check "wrong contact $i: 404" 404
done
req GET "/afspraken/$REF" -H "Afspraak-Contact: jan@example.nl"
check "the sixth try, even with the right contact: 429" 429 '.status == 429 and .title == "Te veel verzoeken" and .detail == "U heeft te vaak een verkeerde afspraakcode, e-mailadres of telefoonnummer ingevuld. Probeer het over 15 minuten opnieuw."'
if [ "$(header Content-Type)" = application/problem+json ]; then
	ok "429 is problem+json"
else
	not_ok "429 is problem+json" "$(header Content-Type)"
fi
# 10:30 in Amsterdam is 09:30 UTC: the quarter has just begun.
if [ "$(header Retry-After)" = 900 ]; then ok "Retry-After: 900"; else
	not_ok "Retry-After: 900" "$(header Retry-After)"
fi
req DELETE "/afspraken/$REF" -H "Afspraak-Contact: jan@example.nl"
check "cancelling waits too" 429
AS=planner
req GET "/afspraken/$REF"
check "a planner of the municipality is not held back" 200 ".referentie == \"$REF\" and .status == \"geboekt\""
AS=

# ---- open appointments per e-mail address ----
boek 2026-12-07T09:40:00+01:00 Jan@Example.nl
check "a second appointment of the address" 201
boek 2026-12-07T09:50:00+01:00 jan@example.nl
check "a third" 201
boek 2026-12-07T10:00:00+01:00 JAN@example.nl
check "a fourth: 409, the cap of three" 409 '.status == 409 and .detail == "Met dit e-mailadres staan al 3 afspraken open bij deze gemeente; meer dan 3 kan niet. Annuleer eerst een afspraak die u niet nodig heeft."'
req GET "/vrije-tijden?gemeente=GM0358&product=paspoort&van=2026-12-07&tot=2026-12-07"
check "its time is still free" 200 '[.vrijeTijden[].start] | index("2026-12-07T10:00:00+01:00") != null'
boek 2026-12-07T10:00:00+01:00 piet@example.nl
check "another address books it" 201

# ---- release in a wave ----
post /vrijgaven '{"gemeente": "GM0358", "vanaf": "2026-12-08", "moment": "2026-11-22T12:00:00+01:00"}'
check "anonymous: no wave" 401
AS=planner
post /vrijgaven '{"gemeente": "GM0362", "vanaf": "2026-12-08", "moment": "2026-11-22T12:00:00+01:00"}'
check "another municipality's wave: 403" 403
post /vrijgaven '{"gemeente": "GM0358", "vanaf": "2026-12-08", "moment": "12:00"}'
check "a moment without a date: 400" 400 '.invalidParams[0].name == "moment" and .invalidParams[0].code == "date-time"'
post /vrijgaven '{"gemeente": "GM0358", "vanaf": "2026-12-08", "moment": "2026-11-22T12:00:00+01:00"}'
check "times from 8 December released at 12:00" 201 '.gemeente == "GM0358" and .vanaf == "2026-12-08" and .moment == "2026-11-22T12:00:00+01:00" and .vestiging == null and .product == null and (.id | type == "number")'
ID=$(jq -r .id "$WORK/body")
req GET "/vrijgaven?gemeente=GM0358"
check "the planner's list" 200 ".count == 1 and .results[0].id == $ID"
AS=
req GET "/vrije-tijden?gemeente=GM0358&product=paspoort&van=2026-12-07&tot=2026-12-08"
check "before 12:00: times on the 7th, none from the 8th" 200 '(.vrijeTijden | length) > 0 and ([.vrijeTijden[].start | select(. >= "2026-12-08")] == [])'
boek 2026-12-08T09:30:00+01:00 kees@example.nl
check "booking a time not released: 400" 400 '(.invalidParams | length) == 1 and .invalidParams[0].name == "start" and .invalidParams[0].code == "not-released" and .invalidParams[0].reason == "Deze tijd is nog niet vrijgegeven. U kunt hem boeken vanaf 2026-11-22 om 12:00 uur."'

AMBT_NU=2026-11-22T12:00:00+01:00 serve_start b "$DB"
BASE=$BASE_b/api/v1
req GET "/vrije-tijden?gemeente=GM0358&product=paspoort&van=2026-12-08&tot=2026-12-08"
check "at 12:00 the 8th is offered" 200 '.vrijeTijden[0].start == "2026-12-08T08:30:00+01:00"'
boek 2026-12-08T09:30:00+01:00 kees@example.nl
check "and booked" 201 '.start == "2026-12-08T09:30:00+01:00"'
AS=planner
req DELETE "/vrijgaven/$ID?gemeente=GM0358"
check "the planner removes the wave" 204
req DELETE "/vrijgaven/$ID?gemeente=GM0358"
check "twice: 404" 404

# ---- the server erases once a day, one process at a time ----
AMBT_NU=2027-06-01T10:00:00+02:00 serve_start c "$DB"
for _ in $(seq 1 100); do
	grep -q "persoonsgegevens van" "$WORK/serve-c.out" && break
	sleep 0.1
done
t "a server with the clock half a year on erases by itself" \
	grep -q "^ambt server: GM0358: persoonsgegevens van [0-9]* afspraken gewist (bewaartermijn 90 dagen)." "$WORK/serve-c.out"
AMBT_NU=2027-06-01T10:00:00+02:00 serve_start d "$DB"
sleep 3
t "a second server on the database leaves it to the first" \
	sh -c "! grep -q gewist '$WORK/serve-d.out'"
t "nothing is left to erase" sh -c "AMBT_NU=2027-06-01T10:00:00+02:00 '$AMBT' afspraken opschonen --db '$DB' | grep -q '^Niets te wissen'"
tap_end

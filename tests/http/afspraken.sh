#!/bin/sh
# afspraken.sh - the front office by appointment over HTTP, on the demo
# with the clock on Sunday 22 November 2026 (TAP output): the locations
# and catalogue, free times, booking, 409 on a time taken, an idempotent
# retry, moving, cancelling, the planner's routes, and every kind of bad
# input, each refusal problem+json with the database unchanged.
#
# Usage: afspraken.sh AMBT
set -u
AMBT=$(realpath "$1")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-afspraken-XXXXXX")
export AMBT_NU=2026-11-22T10:30:00+01:00
unset AMBT_DB
DB_PREFIX=afspraken
. "$(dirname "$0")/../lib/db.sh"
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/serve.sh"
db_engine_of_test
trap 'serve_stop; rm -rf "$WORK"' EXIT
DB=$(db_url db)

"$AMBT" demo --overschrijf --db "$DB" >/dev/null || { echo "Bail out! demo"; exit 1; }
"$AMBT" gebruiker toevoegen planner.aalsmeer --naam "Planner Aalsmeer" --rol planner \
	--scope GM0358 --db "$DB" >/dev/null || { echo "Bail out! planner"; exit 1; }
token() {
	"$AMBT" gebruiker token "$1" --naam test --db "$DB" | tail -1
}
T_PLANNER=$(token planner.aalsmeer)
"$AMBT" gebruiker toevoegen planner.video --naam "Planner Video Aalsmeer" --rol planner \
	--scope GM0358/aalsmeer-video --db "$DB" >/dev/null || { echo "Bail out! planner"; exit 1; }
T_VIDEO=$(token planner.video)
T_BEHEER=$(token beheer)
serve_start a "$DB"
BASE=$BASE_a/api/v1

# req METHOD PATH [curl args...]: sets STATUS; the body in $WORK/body,
# the headers in $WORK/headers. AS names a token ("" anonymous).
AS=
req() {
	m=$1
	p=$2
	shift 2
	case "$AS" in
	planner) set -- -H "Authorization: Bearer $T_PLANNER" "$@" ;;
	video) set -- -H "Authorization: Bearer $T_VIDEO" "$@" ;;
	beheer) set -- -H "Authorization: Bearer $T_BEHEER" "$@" ;;
	esac
	STATUS=$(curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' \
		-X "$m" "$@" "$BASE$p")
}
# post PATH JSON [curl args...]
post() {
	p=$1
	b=$2
	shift 2
	req POST "$p" -H 'Content-Type: application/json' --data "$b" "$@"
}
header() {
	grep -i "^$1:" "$WORK/headers" | head -1 | sed 's/^[^:]*: *//; s/\r$//'
}
# check NAME STATUS [JQ]: the status, and the filter prints true.
check() {
	if [ "$STATUS" != "$2" ]; then
		not_ok "$1" "status $STATUS, expected $2" "$(head -c 400 "$WORK/body")"
	elif [ -n "${3:-}" ] && [ "$(jq -r "$3" "$WORK/body" 2>&1)" != true ]; then
		not_ok "$1" "filter failed: $3" "$(head -c 600 "$WORK/body")"
	else
		ok "$1"
	fi
}
dump() {
	db_inhoud "$DB" audit,inlogpoging,sessie,afspraak_teller
}
# problem NAME STATUS [JQ]: problem+json, and nothing stored.
problem() {
	ct=$(header Content-Type)
	if [ "$ct" != application/problem+json ]; then
		not_ok "$1" "content type '$ct'" "$(head -c 300 "$WORK/body")"
		return
	fi
	check "$1" "$2" "(.status == $2) and (.detail | type == \"string\") and (${3:-true})"
	if [ "$(dump)" = "$BEFORE" ]; then ok "$1: nothing stored"; else
		not_ok "$1: nothing stored"
		BEFORE=$(dump)
	fi
}
# A problem named NAME with code CODE in invalidParams, and only that.
param() {
	echo "(.invalidParams | length) == 1 and .invalidParams[0].name == \"$1\" and .invalidParams[0].code == \"$2\""
}
VT="/vrije-tijden?gemeente=GM0358&product=paspoort"

# ---- locations and catalogue ----
req GET "/vestigingen?gemeente=GM0358"
check "the locations of Aalsmeer" 200 '.count == 2 and ([.results[].code] == ["aalsmeer-raadhuis", "aalsmeer-video"]) and .results[0].adres == "Raadhuisplein 1" and .results[0].plaats == "Aalsmeer" and .results[0].kanaal == "fysiek" and .results[1].kanaal == "video" and .results[1].adres == null'
check "opening hours per weekday, with a lunch break" 200 '.results[0].openingstijden == {"maandag": [{"van": "08:30", "tot": "12:30"}, {"van": "13:30", "tot": "16:30"}], "dinsdag": [{"van": "08:30", "tot": "12:30"}], "woensdag": [{"van": "08:30", "tot": "12:30"}, {"van": "13:30", "tot": "16:30"}], "donderdag": [{"van": "08:30", "tot": "12:30"}, {"van": "13:30", "tot": "16:30"}], "vrijdag": [{"van": "08:30", "tot": "12:30"}], "zaterdag": [], "zondag": []}'
req GET "/vestigingen"
check "every location" 200 '[.results[].code] == ["aalsmeer-raadhuis", "aalsmeer-video", "amstelveen-raadhuis", "amstelveen-video"]'
req GET "/vestigingen/amstelveen-raadhuis"
check "one location" 200 '.gemeente == "GM0362" and .adres == "Laan Nieuwer-Amstel 1" and .balies == 4'
req GET "/producten?gemeente=GM0358"
check "the catalogue of Aalsmeer" 200 '.count == 8 and (.results[] | select(.code == "paspoort") | .duur == 10 and .kanalen == ["fysiek"] and .maxPersonen == 5 and (.meenemen | type == "string"))'
req GET "/producten?gemeente=GM0358&kanaal=video"
check "the products by video" 200 '[.results[].code] == ["huwelijk", "verhuizing"]'

# ---- free times ----
req GET "$VT&van=2026-12-07&tot=2026-12-07"
check "free passport times on Monday 7 December" 200 '(.vrijeTijden | length) == 42 and .vrijeTijden[0] == {"vestiging": "aalsmeer-raadhuis", "start": "2026-12-07T08:30:00+01:00", "eind": "2026-12-07T08:40:00+01:00"} and .vrijeTijden[-1].start == "2026-12-07T16:20:00+01:00" and ([.vrijeTijden[] | keys] | unique) == [["eind", "start", "vestiging"]]'
check "no time in the lunch break" 200 '[.vrijeTijden[].start | select(. >= "2026-12-07T12:30" and . < "2026-12-07T13:30")] == []'
case "$(header Cache-Control)" in
no-store) ok "free times: Cache-Control no-store" ;;
*) not_ok "free times: Cache-Control no-store" "$(header Cache-Control)" ;;
esac
req GET "$VT&van=2026-11-22&tot=2026-11-23&vestiging=aalsmeer-raadhuis"
check "nothing on Sunday, Monday from 08:30" 200 '.vrijeTijden[0].start >= "2026-11-23T08:30:00+01:00"'
req GET "/vrije-tijden?gemeente=GM0358&product=paspoort&personen=2&product=rijbewijs&personen=1&van=2026-12-07&tot=2026-12-07"
check "two products, three persons: 30 minutes" 200 '(.vrijeTijden | length) > 0 and .vrijeTijden[0].eind == "2026-12-07T09:00:00+01:00"'
req GET "/vrije-tijden?gemeente=GM0358&product=verhuizing&kanaal=video&van=2026-12-07&tot=2026-12-07"
check "by video at the video desk" 200 '([.vrijeTijden[].vestiging] | unique) == ["aalsmeer-video"] and .vrijeTijden[0].start == "2026-12-07T09:00:00+01:00"'
BEFORE=$(dump)
req GET "/vrije-tijden?gemeente=GM0358&product=onbekend&van=2026-12-07&tot=2026-12-07"
problem "free times of an unknown product" 400 "$(param product not-found)"
req GET "/vrije-tijden?gemeente=GM0358&product=paspoort&kanaal=video&van=2026-12-07&tot=2026-12-07"
problem "passport by video" 400 "$(param kanaal channel)"
req GET "$VT&personen=6&van=2026-12-07&tot=2026-12-07"
problem "six persons for a passport" 400 "$(param personen too-many)"
req GET "$VT&personen=1&personen=2&van=2026-12-07&tot=2026-12-07"
problem "persons for a product not asked for" 400 "$(param personen count)"
req GET "$VT&van=2026-12-07&tot=2027-12-07"
problem "a search of a year" 400 "$(param tot range)"
req GET "$VT&van=2026-12-07&tot=2026-12-07&vestiging=amstelveen-raadhuis"
problem "another municipality's location" 400 "$(param vestiging not-found)"
req GET "$VT&van=2026-12-07&tot=2026-12-07&wie=1"
problem "an unknown parameter" 400 "$(param wie unknown-parameter)"

# ---- booking ----
JAN='"naam": "Jan Jansen", "email": "j.jansen@example.nl"'
boek() {
	echo "{\"gemeente\": \"GM0358\", \"product\": \"paspoort\", \"personen\": 1, \"vestiging\": \"aalsmeer-raadhuis\", \"start\": \"$1\", $2}"
}
post /afspraken "$(boek 2026-12-07T09:30:00+01:00 "$JAN")"
check "book a free time" 201 '(.referentie | test("^[2-9A-HJ-NP-Z]{8}$")) and .gemeente == "GM0358" and .vestiging == "aalsmeer-raadhuis" and .kanaal == "fysiek" and .start == "2026-12-07T09:30:00+01:00" and .eind == "2026-12-07T09:40:00+01:00" and .producten == [{"product": "paspoort", "naam": "Paspoort", "personen": 1}] and .status == "geboekt" and .naam == "Jan Jansen" and .email == "j.jansen@example.nl" and (has("medewerker") | not) and (has("balie") | not)'
REF=$(jq -r .referentie "$WORK/body")
[ "$(header Location)" = "/api/v1/afspraken/$REF" ] && ok "Location of the appointment" || not_ok "Location of the appointment" "$(header Location)"
req GET "$VT&van=2026-12-07&tot=2026-12-07"
check "the time is no longer free" 200 '(.vrijeTijden | length) == 41 and ([.vrijeTijden[].start] | index("2026-12-07T09:30:00+01:00")) == null'

BEFORE=$(dump)
post /afspraken "$(boek 2026-12-07T09:30:00+01:00 '"naam": "Piet", "email": "piet@example.nl"')"
problem "the same time again: 409" 409 '(.detail | test("niet meer vrij"))'

post /afspraken "$(boek 2026-12-07T10:00:00+01:00 '"naam": "Kim", "telefoon": "06-12345678"')" -H 'Idempotency-Key: aanvraag-kim-1'
check "book with an Idempotency-Key" 201 '.start == "2026-12-07T10:00:00+01:00" and .telefoon == "06-12345678" and .email == null'
KIM=$(jq -r .referentie "$WORK/body")
BEFORE=$(dump)
post /afspraken "{\"naam\": \"Kim\", \"telefoon\": \"06-12345678\", \"vestiging\": \"aalsmeer-raadhuis\", \"start\": \"2026-12-07T10:00:00+01:00\", \"product\": \"paspoort\", \"gemeente\": \"GM0358\"}" -H 'Idempotency-Key: aanvraag-kim-1'
check "the same request and key again: the same appointment" 201 ".referentie == \"$KIM\" and .start == \"2026-12-07T10:00:00+01:00\""
[ "$(header Location)" = "/api/v1/afspraken/$KIM" ] && ok "the retry's Location" || not_ok "the retry's Location" "$(header Location)"
[ "$(dump)" = "$BEFORE" ] && ok "the retry stored nothing" || not_ok "the retry stored nothing"
post /afspraken "$(boek 2026-12-07T10:10:00+01:00 '"naam": "Kim", "telefoon": "06-12345678"')" -H 'Idempotency-Key: aanvraag-kim-1'
problem "the key with another request: 422" 422 '(.detail | test("Idempotency-Key"))'

# ---- reading, by code and contact ----
req GET "/afspraken/$REF" -H 'Afspraak-Contact: j.jansen@example.nl'
check "read it with the e-mail address" 200 ".referentie == \"$REF\" and .start == \"2026-12-07T09:30:00+01:00\" and (has(\"medewerker\") | not)"
case "$(header Cache-Control)" in
no-store) ok "an appointment: Cache-Control no-store" ;;
*) not_ok "an appointment: Cache-Control no-store" ;;
esac
LOWER=$(echo "$REF" | tr 'A-Z' 'a-z')
req GET "/afspraken/$LOWER" -H 'Afspraak-Contact: J.Jansen@Example.NL'
check "the code in small letters, the address in any case" 200 ".referentie == \"$REF\""
req GET "/afspraken/$KIM" -H 'Afspraak-Contact: +31 6 1234 5678'
check "read by telephone number, written otherwise" 200 ".referentie == \"$KIM\""
BEFORE=$(dump)
req GET "/afspraken/$REF" -H 'Afspraak-Contact: iemand@example.nl'
problem "a wrong contact" 404
jq 'del(.instance)' "$WORK/body" >"$WORK/fout-contact"
req GET "/afspraken/ZZZZ2222" -H 'Afspraak-Contact: j.jansen@example.nl'
problem "a wrong code" 404
jq 'del(.instance)' "$WORK/body" >"$WORK/fout-code"
cmp -s "$WORK/fout-contact" "$WORK/fout-code" && ok "a wrong code and a wrong contact answer alike" || not_ok "a wrong code and a wrong contact answer alike"
req GET "/afspraken/$REF" -H 'Afspraak-Contact: 06-12345678'
problem "another appointment's contact" 404
jq 'del(.instance)' "$WORK/body" >"$WORK/fout-ander"
cmp -s "$WORK/fout-contact" "$WORK/fout-ander" && ok "another appointment's contact gives no hint" || not_ok "another appointment's contact gives no hint"
req GET "/afspraken/niet-een-code" -H 'Afspraak-Contact: j.jansen@example.nl'
problem "something that is no code" 404
req GET "/afspraken/$REF"
problem "no contact" 400 "$(param Afspraak-Contact required)"

# ---- moving ----
patch() {
	req PATCH "/afspraken/$1" -H 'Content-Type: application/json' -H "Afspraak-Contact: $2" --data "$3"
}
patch "$REF" j.jansen@example.nl '{"start": "2026-12-07T10:00:00+01:00"}'
problem "move onto a time taken: 409" 409
req GET "/afspraken/$REF" -H 'Afspraak-Contact: j.jansen@example.nl'
check "the old time stays" 200 '.start == "2026-12-07T09:30:00+01:00" and .status == "geboekt"'
patch "$REF" iemand@example.nl '{"start": "2026-12-08T09:00:00+01:00"}'
problem "move with a wrong contact" 404
patch "$REF" j.jansen@example.nl '{"start": "2026-12-07T09:35:00+01:00"}'
problem "move off the grid" 400 "$(param start unavailable)"
patch "$REF" j.jansen@example.nl '{"start": "2026-12-08T09:00:00+01:00"}'
check "move to Tuesday" 200 '.start == "2026-12-08T09:00:00+01:00" and .eind == "2026-12-08T09:10:00+01:00" and .status == "geboekt"'
req GET "$VT&van=2026-12-07&tot=2026-12-07"
check "the old time is free again" 200 '(.vrijeTijden | length) == 41 and ([.vrijeTijden[].start] | index("2026-12-07T09:30:00+01:00")) != null'

# ---- the planner ----
AS=planner
req GET "/afspraken?vestiging=aalsmeer-raadhuis&datum=2026-12-08"
check "the day list" 200 ".count == 1 and .results[0].referentie == \"$REF\" and (.results[0].medewerker | type == \"string\") and .results[0].balie == 1"
req GET "/afspraken/$REF"
check "a planner reads it without contact, with whom" 200 ".referentie == \"$REF\" and (.medewerker | type == \"string\")"
BEFORE=$(dump)
req GET "/afspraken?vestiging=amstelveen-raadhuis&datum=2026-12-08"
problem "another municipality's day list" 404
jq 'del(.instance)' "$WORK/body" | sed 's/amstelveen-raadhuis/X/' >"$WORK/a"
req GET "/afspraken?vestiging=bestaat-niet&datum=2026-12-08"
problem "an unknown location's day list" 404
jq 'del(.instance)' "$WORK/body" | sed 's/bestaat-niet/X/' >"$WORK/b"
cmp -s "$WORK/a" "$WORK/b" && ok "another's location answers as one that does not exist" || not_ok "another's location answers as one that does not exist"
req GET "/roosterdiensten?vestiging=aalsmeer-raadhuis&van=2026-12-07&tot=2026-12-07"
check "the roster of a day" 200 '.count == 2 and ([.results[].van] == ["08:30", "13:30"]) and .results[0].medewerker == .results[1].medewerker and (.results[0].reeks | type == "number")'
MW=$(jq -r '.results[0].medewerker' "$WORK/body")
req GET "/roosterdiensten?medewerker=$MW&van=2026-12-07&tot=2026-12-08"
check "a planner sees a person's roster at its own locations only" 200 '([.results[].vestiging] | unique) == ["aalsmeer-raadhuis"] and ([.results[].datum] | unique) == ["2026-12-07"]'
AS=beheer
req GET "/roosterdiensten?medewerker=$MW&van=2026-12-07&tot=2026-12-08"
AS=planner
check "the same person: Aalsmeer on Monday, Amstelveen on Tuesday" 200 '[.results[] | [.datum, .vestiging]] | unique == [["2026-12-07", "aalsmeer-raadhuis"], ["2026-12-08", "amstelveen-raadhuis"]]'

# A planner of one location (Aalsmeer's video desk) sees that location
# only; the town hall's objects answer as ones that do not exist.
req GET "/roosterdiensten?gemeente=GM0358&van=2026-12-07&tot=2026-12-07"
check "the municipality's roster: all its locations" 200 '[.results[].vestiging] | unique == ["aalsmeer-raadhuis", "aalsmeer-video"]'
AS=video
req GET "/roosterdiensten?gemeente=GM0358&van=2026-12-07&tot=2026-12-07"
check "the video desk's planner: its own location only" 200 '.count > 0 and ([.results[].vestiging] | unique) == ["aalsmeer-video"]'
req GET "/roosterdiensten?van=2026-12-07&tot=2026-12-07"
check "the video desk's planner without a filter: the same" 200 '.count > 0 and ([.results[].vestiging] | unique) == ["aalsmeer-video"]'
req GET "/afspraken?gemeente=GM0358&datum=2026-12-08"
check "its day list of the municipality leaves out the town hall" 200 '.count == 0'
req GET "/afspraken/$REF"
problem "the town hall's appointment" 404
jq 'del(.instance)' "$WORK/body" | sed "s/$REF/X/" >"$WORK/a"
req GET "/afspraken/ZZZZ2222"
jq 'del(.instance)' "$WORK/body" | sed "s/ZZZZ2222/X/" >"$WORK/b"
cmp -s "$WORK/a" "$WORK/b" && ok "the town hall's appointment answers as one that does not exist" || not_ok "the town hall's appointment answers as one that does not exist"
BEFORE=$(dump)
post /roosterdiensten "{\"medewerker\": \"$MW\", \"vestiging\": \"aalsmeer-raadhuis\", \"datum\": \"2026-12-09\", \"van\": \"08:30\", \"tot\": \"09:30\"}"
problem "rostering at the town hall" 400 "$(param vestiging not-found)"
req PATCH "/producten/paspoort?gemeente=GM0358" -H 'Content-Type: application/json' --data '{"duur": 20}'
problem "the catalogue stays with the municipality's planners" 404
AS=planner
BEFORE=$(dump)
post /roosterdiensten "{\"medewerker\": \"$MW\", \"vestiging\": \"aalsmeer-video\", \"datum\": \"2026-12-07\", \"van\": \"12:00\", \"tot\": \"14:00\"}"
problem "a person at two places at once" 409
post /roosterdiensten "{\"medewerker\": \"$MW\", \"vestiging\": \"amstelveen-video\", \"datum\": \"2026-12-12\", \"van\": \"10:00\", \"tot\": \"11:00\"}"
problem "a roster entry at another municipality's location" 400 "$(param vestiging not-found)"
post /roosterdiensten "{\"medewerker\": \"$MW\", \"vestiging\": \"aalsmeer-video\", \"datum\": \"2026-12-12\", \"van\": \"10:00\", \"tot\": \"11:00\", \"herhaalTot\": \"2027-01-02\", \"uitzonderingen\": [\"2026-12-26\"], \"vaardigheden\": [\"burgerzaken\"]}"
check "a weekly series on Saturdays but one" 201 '.aantal == 3 and ([.diensten[].datum] == ["2026-12-12", "2026-12-19", "2027-01-02"]) and .diensten[0].reeks == .diensten[0].id'
ID=$(jq -r '.diensten[0].id' "$WORK/body")
req DELETE "/roosterdiensten/$ID?reeks=true"
check "delete the series" 204
req GET "/roosterdiensten?vestiging=aalsmeer-video&van=2026-12-12&tot=2027-01-02"
check "the series is gone" 200 '[.results[] | select(.datum | test("-(12-12|12-19|01-02)$")) | select(.van == "10:00")] == []'

post /vestigingen/aalsmeer-raadhuis/sluitingen '{"van": "2026-12-10", "tot": "2026-12-11", "reden": "Verbouwing"}'
check "close a location" 201 '.van == "2026-12-10" and .tot == "2026-12-11" and .reden == "Verbouwing" and (.id | type == "number")'
SL=$(jq -r .id "$WORK/body")
req GET /vestigingen/aalsmeer-raadhuis
check "its planner sees the closure's number and reason" 200 ".sluitingen == [{\"van\": \"2026-12-10\", \"tot\": \"2026-12-11\", \"id\": $SL, \"reden\": \"Verbouwing\"}]"
AS=
req GET /vestigingen/aalsmeer-raadhuis
check "everyone sees the closure's dates" 200 '.sluitingen == [{"van": "2026-12-10", "tot": "2026-12-11"}]'
req GET "$VT&van=2026-12-10&tot=2026-12-11&vestiging=aalsmeer-raadhuis"
check "no free time while closed" 200 '.vrijeTijden == []'
AS=planner
req DELETE "/vestigingen/aalsmeer-raadhuis/sluitingen/$SL"
check "open it again" 204
req GET "$VT&van=2026-12-10&tot=2026-12-11&vestiging=aalsmeer-raadhuis"
check "free times again" 200 '(.vrijeTijden | length) > 0'
BEFORE=$(dump)
post /vestigingen/aalsmeer-raadhuis/sluitingen '{"van": "2026-12-08", "tot": "2026-12-08"}'
problem "no closure over a booked appointment" 409
req PATCH /vestigingen/amstelveen-raadhuis -H 'Content-Type: application/json' --data '{"balies": 2}'
problem "another municipality's location" 404
post /vestigingen '{"gemeente": "GM0362", "code": "amstelveen-oost", "naam": "Oost", "kanaal": "fysiek", "balies": 1, "openingstijden": {}}'
problem "a location for another municipality" 403
post /vestigingen '{"gemeente": "GM0358", "code": "Aalsmeer Oost", "naam": "", "kanaal": "bus", "balies": 0, "openingstijden": {"maandag": [{"van": "12:00", "tot": "09:00"}], "feestdag": []}}'
problem "a location with every field wrong" 400 '[.invalidParams[].name] | sort == ["balies", "code", "kanaal", "naam", "openingstijden.feestdag", "openingstijden.maandag[0].tot"]'
post /vestigingen '{"gemeente": "GM0358", "code": "aalsmeer-oost", "naam": "Servicepunt Oost", "kanaal": "fysiek", "adres": "Oosteinderweg 1", "postcode": "1432 AA", "plaats": "Aalsmeer", "balies": 1, "openingstijden": {"dinsdag": [{"van": "09:00", "tot": "12:00"}]}}'
check "add a location" 201 '.code == "aalsmeer-oost" and .openingstijden.dinsdag == [{"van": "09:00", "tot": "12:00"}] and .openingstijden.maandag == []'
[ "$(header Location)" = /api/v1/vestigingen/aalsmeer-oost ] && ok "its Location" || not_ok "its Location" "$(header Location)"
req PATCH /vestigingen/aalsmeer-oost -H 'Content-Type: application/merge-patch+json' --data '{"balies": 2, "openingstijden": {"donderdag": [{"van": "13:00", "tot": "16:00"}]}}'
check "change it" 200 '.balies == 2 and .openingstijden.dinsdag == [] and .openingstijden.donderdag == [{"van": "13:00", "tot": "16:00"}] and .naam == "Servicepunt Oost"'
post /producten '{"gemeente": "GM0358", "code": "rijexamen", "naam": "Rijexamen", "duur": 30, "kanalen": ["fysiek", "video"], "vaardigheden": ["rijbewijzen"]}'
check "add a product" 201 '.code == "rijexamen" and .duur == 30 and .kanalen == ["fysiek", "video"] and .vaardigheden == ["rijbewijzen"] and .maxPersonen == 1 and .actief == true'
AS=
req GET "/producten?gemeente=GM0358"
check "a resident sees the new product" 200 '[.results[].code] | index("rijexamen") != null'
AS=planner
req PATCH "/producten/rijexamen?gemeente=GM0358" -H 'Content-Type: application/json' --data '{"actief": false, "maxPersonen": 3}'
check "change it" 200 '.actief == false and .maxPersonen == 3'
AS=
req GET "/producten?gemeente=GM0358"
check "and no longer once it is inactive: the cache forgot Aalsmeer's catalogue" 200 '[.results[].code] | index("rijexamen") == null'
AS=planner
BEFORE=$(dump)
req PATCH "/producten/paspoort?gemeente=GM0362" -H 'Content-Type: application/json' --data '{"actief": false}'
problem "another municipality's product" 404
post /producten '{"gemeente": "GM0358", "code": "x", "naam": "X", "duur": 7, "kanalen": ["post"], "maxPersonen": 11}'
problem "a product with wrong fields" 400 '[.invalidParams[].name] | sort == ["duur", "kanalen", "maxPersonen"]'
AS=

# ---- cancelling ----
req DELETE "/afspraken/$REF" -H 'Afspraak-Contact: iemand@example.nl'
problem "cancel with a wrong contact" 404
req DELETE "/afspraken/$REF" -H 'Afspraak-Contact: j.jansen@example.nl'
check "cancel" 200 ".referentie == \"$REF\" and .status == \"geannuleerd\""
req GET "$VT&van=2026-12-08&tot=2026-12-08&vestiging=aalsmeer-raadhuis"
check "its time is free again" 200 '[.vrijeTijden[].start] | index("2026-12-08T09:00:00+01:00") != null'
req GET "/afspraken/$REF" -H 'Afspraak-Contact: j.jansen@example.nl'
check "a cancelled appointment can still be read" 200 '.status == "geannuleerd"'
BEFORE=$(dump)
req DELETE "/afspraken/$REF" -H 'Afspraak-Contact: j.jansen@example.nl'
problem "cancel twice" 409

# ---- bad input: 400, nothing stored ----
BEFORE=$(dump)
post /afspraken "$(boek 2026-11-20T09:30:00+01:00 "$JAN")"
problem "a time in the past" 400 "$(param start past)"
post /afspraken "$(boek 2026-12-07T07:00:00+01:00 "$JAN")"
problem "before opening" 400 "$(param start unavailable)"
post /afspraken "$(boek 2026-12-07T12:40:00+01:00 "$JAN")"
problem "in the lunch break" 400 "$(param start unavailable)"
post /afspraken "$(boek 2026-12-07T09:35:00+01:00 "$JAN")"
problem "off the grid" 400 "$(param start unavailable)"
post /afspraken "$(boek 2027-06-07T09:30:00+02:00 "$JAN")"
problem "beyond the horizon" 400 "$(param start too-far)"
post /afspraken "$(boek 2026-12-07 "$JAN")"
problem "a date without a time" 400 "$(param start date-time)"
post /afspraken "{\"gemeente\": \"GM0358\", \"product\": \"onbekend\", \"vestiging\": \"aalsmeer-raadhuis\", \"start\": \"2026-12-07T09:30:00+01:00\", $JAN}"
problem "an unknown product" 400 "$(param product not-found)"
post /afspraken "{\"gemeente\": \"GM0358\", \"product\": \"paspoort\", \"vestiging\": \"nergens\", \"start\": \"2026-12-07T09:30:00+01:00\", $JAN}"
problem "an unknown location" 400 "$(param vestiging not-found)"
jq -c '.invalidParams[0].reason' "$WORK/body" | sed 's/nergens/X/' >"$WORK/a"
post /afspraken "{\"gemeente\": \"GM0358\", \"product\": \"paspoort\", \"vestiging\": \"amstelveen-raadhuis\", \"start\": \"2026-12-07T09:30:00+01:00\", $JAN}"
problem "another municipality's location" 400 "$(param vestiging not-found)"
jq -c '.invalidParams[0].reason' "$WORK/body" | sed 's/amstelveen-raadhuis/X/' >"$WORK/b"
cmp -s "$WORK/a" "$WORK/b" && ok "another's location is named as an unknown one" || not_ok "another's location is named as an unknown one"
post /afspraken "{\"gemeente\": \"GM9999\", \"product\": \"paspoort\", \"vestiging\": \"aalsmeer-raadhuis\", \"start\": \"2026-12-07T09:30:00+01:00\", $JAN}"
problem "an unknown municipality" 400 "$(param gemeente not-found)"
post /afspraken "$(boek 2026-12-07T09:30:00+01:00 "$JAN" | sed 's/"personen": 1/"personen": 6/')"
problem "too many persons" 400 "$(param personen too-many)"
post /afspraken "$(boek 2026-12-07T09:30:00+01:00 "$JAN" | sed 's/"personen": 1/"personen": 11/')"
problem "persons out of range" 400 "$(param personen range)"
post /afspraken "{\"gemeente\": \"GM0358\", \"producten\": [{\"product\": \"paspoort\", \"personen\": 1}, {\"product\": \"rijbewijs\", \"personen\": 3}], \"vestiging\": \"aalsmeer-raadhuis\", \"start\": \"2026-12-07T09:30:00+01:00\", $JAN}"
problem "too many persons for the second product" 400 "$(param 'producten[1].personen' too-many)"
post /afspraken "$(boek 2026-12-07T09:30:00+01:00 '"naam": "Jan", "email": "jan@"')"
problem "a malformed e-mail address" 400 "$(param email format)"
post /afspraken "$(boek 2026-12-07T09:30:00+01:00 '"naam": "Jan", "telefoon": "06-123"')"
problem "a telephone number too short" 400 "$(param telefoon digits)"
post /afspraken "$(boek 2026-12-07T09:30:00+01:00 '"naam": "Jan"')"
problem "no e-mail address nor telephone number" 400 "$(param email required)"
LANG_NAAM=$(printf 'é%.0s' $(seq 1 201))
post /afspraken "$(boek 2026-12-07T09:30:00+01:00 "\"naam\": \"$LANG_NAAM\", \"email\": \"j@example.nl\"")"
problem "a name of 201 characters" 400 "$(param naam too-long)"
LANG_MAIL="$(printf 'a%.0s' $(seq 1 250))@example.nl"
post /afspraken "$(boek 2026-12-07T09:30:00+01:00 "\"naam\": \"Jan\", \"email\": \"$LANG_MAIL\"")"
problem "an e-mail address of 261 characters" 400 "$(param email too-long)"
post /afspraken "$(boek 2026-12-07T09:30:00+01:00 '"naam": "Jan", "telefoon": "06 1234 5678 9012 3456"')"
problem "a telephone number of 22 characters" 400 "$(param telefoon too-long)"
post /afspraken "$(boek 2026-12-07T09:30:00+01:00 "$JAN")" -H "Idempotency-Key: $(printf 'k%.0s' $(seq 1 256))"
problem "an Idempotency-Key of 256 characters" 400 "$(param Idempotency-Key format)"
post /afspraken "$(boek 2026-12-07T09:30:00+01:00 "$JAN, \"bsn\": \"123456782\"")"
problem "an unknown field" 400 "$(param bsn unknown-field)"
post /afspraken "{\"gemeente\": \"GM0358\", \"product\": \"paspoort\", \"vestiging\": \"nergens\", \"start\": \"gisteren\", \"naam\": \"Jan\", \"email\": \"jan@\"}"
problem "every problem at once" 400 '[.invalidParams[].name] | sort == ["email", "start", "vestiging"]'
req POST /afspraken -H 'Content-Type: text/plain' --data 'x'
problem "not JSON" 415
req GET "/afspraken?vestiging=aalsmeer-raadhuis"
problem "the day list needs an account" 401

# ---- the audit trail holds no personal data ----
AS=beheer
req GET "/auditregels?resource=afspraak&pageSize=500"
check "bookings are audited" 200 '.count >= 4'
if grep -q -e 'Jansen' -e 'example.nl' -e '12345678' "$WORK/body"; then
	not_ok "no name, e-mail address or telephone number in the audit trail"
else
	ok "no name, e-mail address or telephone number in the audit trail"
fi
if "$AMBT" audit controleer --db "$DB" >/dev/null; then ok "audit chain intact"; else not_ok "audit chain intact"; fi

# The server stops on SIGTERM, cleanly (under the sanitizers: no report).
rc=0
for p in $PIDS; do
	kill -TERM "$p"
	wait "$p" || rc=$?
done
PIDS=
if [ "$rc" = 0 ] && ! grep -q 'Sanitizer\|runtime error' "$WORK/serve-a.out"; then
	ok "the server stops cleanly"
else
	not_ok "the server stops cleanly" "exit $rc" "$(grep -m 5 'Sanitizer\|runtime error' "$WORK/serve-a.out")"
fi
tap_end

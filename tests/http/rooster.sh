#!/bin/sh
# rooster.sh - the planner's roster pages against the real server on the
# demo database: who may see them, what a week of a location and of a
# staff member show, rostering someone (weekly, with an exception) and
# removing an entry or its series through the forms, every refusal with
# its exact status, and that whatever belongs to a municipality the
# planner does not plan answers exactly as what does not exist (the
# bodies compared with the identifiers replaced) and changes nothing.
# TAP output.
#
# Usage: rooster.sh AMBT
set -u
AMBT=$(realpath "$1")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-rooster-XXXXXX")
export AMBT_NU=2026-11-22T10:30:00+01:00
unset AMBT_DB
DB_PREFIX=rooster
. "$(dirname "$0")/../lib/db.sh"
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/serve.sh"
db_engine_of_test
trap 'serve_stop; rm -rf "$WORK"' EXIT

DB=$(db_url db)
"$AMBT" demo --overschrijf --db "$DB" >/dev/null || { echo "Bail out! demo"; exit 1; }
add() { "$AMBT" gebruiker toevoegen "$1" --naam "$2" --rol "$3" --scope "$4" --db "$DB" >/dev/null || { echo "Bail out! gebruiker $1"; exit 1; }; }
add planner.aalsmeer "Petra Planner" planner GM0358
add planner.amstelveen "Pim Planner" planner GM0362
tok() { "$AMBT" gebruiker token "$1" --naam rooster --db "$DB" | tail -1; }
T_beheer=$(tok beheer)
T_pl_aal=$(tok planner.aalsmeer)
T_pl_ams=$(tok planner.amstelveen)
T_pl_hee=$(tok planner.heemstede)
T_c_aa=$(tok controller.aa)
T_ah_aal=$(tok accounthouder.aalsmeer)
T_ba_aal=$(tok balie.aalsmeer)
serve_start s "$DB"
BASE=$BASE_s

# ask WHO METHOD PATH [FORM]: the body in $WORK/out, headers in
# $WORK/hdr, the status printed.
ask() {
	who=$1 m=$2 p=$3
	set -- -s -o "$WORK/out" -D "$WORK/hdr" -w '%{http_code}' -X "$m"
	if [ "$who" != anon ]; then
		eval "t=\$T_$who"
		set -- "$@" -H "Authorization: Bearer $t"
	fi
	[ -n "${FORM+x}" ] && set -- "$@" --data "$FORM"
	curl "$@" "$BASE$p"
}
# status WHO METHOD PATH WANT [FORM]
status() {
	if [ $# -gt 4 ]; then FORM=$5; else unset FORM; fi
	got=$(ask "$1" "$2" "$3")
	unset FORM
	if [ "$got" = "$4" ]; then
		ok "$2 $3 as $1: $got"
	else
		not_ok "$2 $3 as $1: $got, expected $4" "$(head -c 300 "$WORK/out")"
	fi
}
# has TEXT NAME: the last answer's body holds TEXT (fixed string).
holds() {
	python3 -c 'import sys
sys.exit(0 if sys.argv[1] in open(sys.argv[2], encoding="utf-8").read() else 1)' "$1" "$WORK/out"
}
has() {
	if holds "$1"; then ok "$2"; else not_ok "$2" "no '$1' in the answer"; fi
}
hasnt() {
	if holds "$1"; then not_ok "$2" "'$1' in the answer"; else ok "$2"; fi
}
# The body with an identifier replaced where it stands on its own.
zonder() {
	python3 -c 'import re,sys
t=open(sys.argv[1],encoding="utf-8").read()
print(re.sub(r"(?<![A-Za-z0-9-])"+re.escape(sys.argv[2])+r"(?![A-Za-z0-9-])","«ID»",t))' "$1" "$2"
}
# alike WHO METHOD PATH ID NONE_PATH NONE_ID WANT [FORM NONE_FORM]: the
# object of another municipality answers WANT, exactly as one that does
# not exist.
alike() {
	if [ $# -gt 7 ]; then FORM=$8; else unset FORM; fi
	s1=$(ask "$1" "$2" "$3")
	cp "$WORK/out" "$WORK/a"
	if [ $# -gt 7 ]; then FORM=$9; fi
	s2=$(ask "$1" "$2" "$5")
	unset FORM
	if [ "$s1" != "$7" ] || [ "$s2" != "$7" ]; then
		not_ok "$2 $3 as $1: $s1 and $s2 for one that does not exist, expected $7" "$(head -c 300 "$WORK/a")"
	elif [ "$(zonder "$WORK/a" "$4")" != "$(zonder "$WORK/out" "$6")" ]; then
		not_ok "$2 $3 as $1: $s1, but not as for $6" "$(zonder "$WORK/a" "$4" | head -c 300)" "$(zonder "$WORK/out" "$6" | head -c 300)"
	else
		ok "$2 $3 as $1: $s1, alike $6"
	fi
}
dump() { db_inhoud "$DB" audit,inlogpoging,sessie; }

# ---- the demo's roster, read through the API ----
api() {
	s=$(ask beheer GET "$1")
	[ "$s" = 200 ] || { echo "Bail out! $1: $s"; exit 1; }
	cat "$WORK/out"
}
api "/api/v1/roosterdiensten?vestiging=aalsmeer-raadhuis&van=2026-11-23&tot=2026-11-29&pageSize=500" >"$WORK/aal.json"
api "/api/v1/roosterdiensten?vestiging=amstelveen-raadhuis&van=2026-11-23&tot=2026-11-29&pageSize=500" >"$WORK/ams.json"
AAL_ID=$(jq -r '.results[0].id' "$WORK/aal.json")
AMS_ID=$(jq -r '.results[0].id' "$WORK/ams.json")
# A staff member at both town halls that week, and their names.
MW=$(jq -r --slurpfile b "$WORK/ams.json" '[.results[].medewerker] - ([.results[].medewerker] - [$b[0].results[].medewerker]) | .[0]' "$WORK/aal.json")
MW_NAAM=$(jq -r --arg m "$MW" '[.results[] | select(.medewerker == $m)][0].medewerkerNaam' "$WORK/aal.json")
[ -n "$AAL_ID" ] && [ "$AAL_ID" != null ] && [ -n "$AMS_ID" ] && [ "$AMS_ID" != null ] &&
	[ -n "$MW" ] && [ "$MW" != null ] || { echo "Bail out! the demo has no roster at both town halls"; exit 1; }
echo "# entries $AAL_ID (Aalsmeer) and $AMS_ID (Amstelveen); $MW ($MW_NAAM) works at both"
before=$(dump)

# ---- who may see the pages ----
W=2026-W48
status anon GET "/rooster" 401
for who in c_aa ah_aal ba_aal; do
	status $who GET "/rooster?vestiging=aalsmeer-raadhuis&week=$W" 403
	status $who GET "/rooster/diensten/$AAL_ID" 403
	status $who POST /rooster 403 "medewerker=AA:$MW"
	status $who POST "/rooster/diensten/$AAL_ID" 403 "reeks=nee"
done
status anon POST /rooster 401 "medewerker=AA:$MW"
status anon POST "/rooster/diensten/$AAL_ID" 401 "reeks=nee"
status beheer GET "/rooster?vestiging=amstelveen-raadhuis&week=$W" 200
status pl_aal GET "/rooster" 200
has 'Rooster van Raadhuis Aalsmeer' "a planner without a choice sees their first location"
status pl_hee GET "/rooster" 200
has 'Er zijn nog geen vestigingen om in te roosteren.' "Heemstede's planner has no location yet"
hasnt '<form class="ambt-form" method="post"' "and so no form"

# ---- the week of a location ----
status pl_aal GET "/rooster?vestiging=aalsmeer-raadhuis&week=$W" 200
has 'Week 48 van 2026: maandag 23 november 2026 tot en met zondag 29 november 2026.' "the week and its dates"
has '<span class="ambt-dag__naam">maandag</span> 23 november' "Monday first, with its date"
has '<span class="ambt-dag__naam">zondag</span> 29 november' "Sunday last"
has 'Open 08:30–12:30, 13:30–16:30' "Monday's opening hours"
has "$MW_NAAM" "who is rostered"
has "href=\"/rooster/diensten/$AAL_ID\"" "an entry links to its removal"
has 'href="/rooster?vestiging=aalsmeer-raadhuis&amp;week=2026-W47"' "the previous week"
has 'href="/rooster?vestiging=aalsmeer-raadhuis&amp;week=2026-W49"' "the next week"
hasnt 'amstelveen-raadhuis' "nothing of Amstelveen for Aalsmeer's planner"
status pl_aal GET "/rooster?vestiging=aalsmeer-raadhuis&week=2026-W52" 200
has '<span class="ambt-dag__naam">vrijdag</span> 25 december</h2>
<p class="utrecht-paragraph ambt-gesloten">Gesloten: Eerste Kerstdag</p>' "Christmas closes the town hall"
has '<span class="ambt-dag__naam">zaterdag</span> 26 december</h2>
<p class="utrecht-paragraph ambt-gesloten">Gesloten: Tweede Kerstdag</p>' "and so does Boxing Day"
status pl_aal GET "/rooster?vestiging=aalsmeer-raadhuis&week=2026-W54" 400
has '2026 heeft weken 1 tot en met 53, geen week 54.' "a week that does not exist"
status pl_aal GET "/rooster?vestiging=aalsmeer-raadhuis&week=26-W5" 400
status pl_aal GET "/rooster?vestiging=aalsmeer-raadhuis&medewerker=$MW&week=$W" 400
has 'Kies een vestiging of een medewerker, niet allebei.' "one view at a time"
status pl_aal GET "/rooster?vestiging=aalsmeer-raadhuis&onbekend=1" 400

# ---- the week of a staff member ----
status beheer GET "/rooster?medewerker=$MW&samenwerking=AA&week=$W" 200
has 'href="/rooster?vestiging=aalsmeer-raadhuis&amp;week=2026-W48"' "the beheerder sees the entries in Aalsmeer"
has 'href="/rooster?vestiging=amstelveen-raadhuis&amp;week=2026-W48"' "and in Amstelveen"
status pl_aal GET "/rooster?medewerker=$MW&samenwerking=AA&week=$W" 200
has 'href="/rooster?vestiging=aalsmeer-raadhuis&amp;week=2026-W48"' "Aalsmeer's planner sees the entries in Aalsmeer"
hasnt 'amstelveen-raadhuis' "and none in Amstelveen"
status pl_aal GET "/rooster?medewerker=AA:$MW&week=$W" 200
has "Rooster van $MW_NAAM" "the picker names the staff member with its cooperation"

# ---- another municipality's, alike what does not exist ----
alike pl_aal GET "/rooster?vestiging=amstelveen-raadhuis&week=$W" amstelveen-raadhuis "/rooster?vestiging=nergens-raadhuis&week=$W" nergens-raadhuis 404
alike pl_ams GET "/rooster?vestiging=aalsmeer-raadhuis&week=$W" aalsmeer-raadhuis "/rooster?vestiging=nergens-raadhuis&week=$W" nergens-raadhuis 404
alike pl_aal GET "/rooster?medewerker=HB-038&samenwerking=HB&week=$W" HB-038 "/rooster?medewerker=ZZ-999&samenwerking=HB&week=$W" ZZ-999 404
alike pl_aal GET "/rooster/diensten/$AMS_ID" "$AMS_ID" /rooster/diensten/999999 999999 404
alike pl_ams GET "/rooster/diensten/$AAL_ID" "$AAL_ID" /rooster/diensten/999999 999999 404
alike pl_aal POST "/rooster/diensten/$AMS_ID" "$AMS_ID" /rooster/diensten/999999 999999 404 "reeks=ja" "reeks=ja"
alike pl_aal POST /rooster amstelveen-raadhuis /rooster nergens-raadhuis 400 \
	"medewerker=AA:$MW&vestiging=amstelveen-raadhuis&datum=2027-01-04&van=08:30&tot=12:00" \
	"medewerker=AA:$MW&vestiging=nergens-raadhuis&datum=2027-01-04&van=08:30&tot=12:00"
alike pl_aal POST /rooster HB-038 /rooster ZZ-999 400 \
	"medewerker=HB:HB-038&vestiging=aalsmeer-raadhuis&datum=2027-01-04&van=08:30&tot=12:00" \
	"medewerker=HB:ZZ-999&vestiging=aalsmeer-raadhuis&datum=2027-01-04&van=08:30&tot=12:00"
status pl_aal GET "/rooster/diensten/$AAL_ID" 200
has 'Dienst verwijderen' "the confirmation of one's own entry"
has 'Deze en alle volgende diensten van de reeks verwijderen (' "an entry of a series offers the rest of it"
status pl_aal POST "/rooster/diensten/$AAL_ID" 400 "reeks=misschien"
[ "$(dump)" = "$before" ] && ok "the refusals changed nothing" || not_ok "the refusals changed nothing"

# ---- rostering someone through the form ----
F="medewerker=AA:$MW&vestiging=aalsmeer-raadhuis&datum=2027-01-09&van=09:00&tot=12:30&vaardigheden=reisdocumenten&vaardigheden=rijbewijzen&herhaal_tot=2027-01-30&uitzonderingen=2027-01-16&week=2027-W01"
status pl_aal POST /rooster 303 "$F"
loc=$(sed -n 's/^[Ll]ocation: \(.*\)\r$/\1/p' "$WORK/hdr")
[ "$loc" = "/rooster?vestiging=aalsmeer-raadhuis&week=2027-W01&toegevoegd=3#klaar" ] && ok "back to the week of the first date: 3 entries" || not_ok "back to the week of the first date" "Location: $loc"
status pl_aal GET "${loc%#klaar}" 200
has '3 diensten zijn ingeroosterd.' "it says what it did"
status pl_aal GET "/rooster?vestiging=aalsmeer-raadhuis&week=2027-W02" 200
hasnt '09:00–12:30' "the exception is left out"
status pl_aal GET "/rooster?medewerker=$MW&samenwerking=AA&week=2027-W03" 200
has '09:00–12:30' "the series in the staff member's week"
has 'reisdocumenten, rijbewijzen' "with the skills"
status pl_aal POST /rooster 409 "$F"
has 'Niet ingeroosterd:' "the same again clashes"
has '9 januari 2027' "the clash names the first date"
has '30 januari 2027' "and the last"
has 'value="2027-01-30"' "the input is kept"
has 'value="2027-01-16"' "the exceptions too"
status pl_aal POST /rooster 400 "medewerker=&vestiging=aalsmeer-raadhuis&datum=9-1-2027&van=12:30&tot=09:00&herhaal_tot=2027-01-01&uitzonderingen=morgen&week=2027-W01"
has '<a class="utrecht-link" href="#medewerker">Medewerker</a>: Kies een medewerker.' "the staff member is required"
has '<a class="utrecht-link" href="#tot">Tot</a>: De dienst eindigt na het begin: kies een tijd na 12:30.' "the end lies after the start"
has 'id="herhaal_tot-fout">Herhalen tot en met een datum op of na de eerste dag.' "the repetition ends on or after the first day"
has 'id="uitzonderingen-fout">&#39;morgen&#39; is geen datum' "an exception is a date"
has 'value="2027-01-09"' "the date is kept, as the date box reads it"

# ---- removing an entry, then the rest of its series ----
ids=$(api "/api/v1/roosterdiensten?medewerker=$MW&samenwerking=AA&van=2027-01-09&tot=2027-01-30&pageSize=500" |
	jq -r '[.results[] | select(.van == "09:00" and .tot == "12:30") | .id] | join(" ")')
set -- $ids
[ $# = 3 ] && ok "three entries stored ($ids)" || not_ok "three entries stored" "$ids"
status pl_aal POST "/rooster/diensten/$2" 303 "reeks=nee&weergave=medewerker"
loc=$(sed -n 's/^[Ll]ocation: \(.*\)\r$/\1/p' "$WORK/hdr")
[ "$loc" = "/rooster?medewerker=$MW&samenwerking=AA&week=2027-W03&verwijderd=dienst#klaar" ] && ok "back to the staff member's week" || not_ok "back to the staff member's week" "Location: $loc"
status pl_aal GET "/rooster/diensten/$1" 200
has 'Deze en alle volgende diensten van de reeks verwijderen (2)' "two are left of the series"
status pl_aal POST "/rooster/diensten/$1" 303 "reeks=ja"
status pl_aal GET "/rooster/diensten/$3" 404
left=$(api "/api/v1/roosterdiensten?medewerker=$MW&samenwerking=AA&van=2027-01-09&tot=2027-01-30&pageSize=500" |
	jq '[.results[] | select(.van == "09:00")] | length')
[ "$left" = 0 ] && ok "the series is gone" || not_ok "the series is gone" "$left left"
if "$AMBT" audit controleer --db "$DB" >/dev/null; then ok "audit chain intact"; else not_ok "audit chain intact"; fi
# The server stops on SIGTERM, cleanly (under the sanitizers: no report).
pid=${PIDS# }
kill -TERM "$pid"
wait "$pid"
rc=$?
PIDS=
if [ "$rc" = 0 ] && ! grep -q 'Sanitizer\|runtime error' "$WORK/serve-s.out"; then
	ok "the server stops cleanly"
else
	not_ok "the server stops cleanly" "exit $rc" "$(grep -m 5 'Sanitizer\|runtime error' "$WORK/serve-s.out")"
fi
tap_end

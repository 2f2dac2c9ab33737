#!/bin/sh
# medewerkers.sh - a staff file read in on the page /medewerkers and
# through the API (POST /api/v1/medewerkers/importen), against the real
# server on the demo database: new numbers added and known ones updated,
# "alleen controleren" (dryRun) keeping nothing, every problem named by
# line in the order of the file, a unit of another cooperation refused
# for its controller, and nothing stored on a refusal. TAP output.
#
# Usage: medewerkers.sh AMBT
set -u
AMBT=$(realpath "$1")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-medewerkers-XXXXXX")
export AMBT_NU=2026-11-22T10:30:00+01:00
unset AMBT_DB
DB_PREFIX=medewerkers
. "$(dirname "$0")/../lib/db.sh"
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/serve.sh"
. "$(dirname "$0")/../lib/pagina.sh"
db_engine_of_test
trap 'serve_stop; rm -rf "$WORK"' EXIT

DB=$(db_url db)
"$AMBT" demo --overschrijf --db "$DB" >/dev/null || { echo "Bail out! demo"; exit 1; }
tok() { "$AMBT" gebruiker token "$1" --naam medewerkers --db "$DB" | tail -1; }
T_c_aa=$(tok controller.aa)
T_c_hb=$(tok controller.hb)
T_ah_aal=$(tok accounthouder.aalsmeer)
serve_start s "$DB"
BASE=$BASE_s
dump() { db_inhoud "$DB" audit,inlogpoging,sessie; }
# upload WHO [curl -F args...]: the page's answer in $WORK/out, the status
# printed.
upload() {
	who=$1
	shift
	eval "t=\$T_$who"
	curl -s -o "$WORK/out" -w '%{http_code}' -H "Authorization: Bearer $t" "$@" "$BASE/medewerkers"
}
# api WHO FILE [QUERY]
api() {
	eval "t=\$T_$1"
	curl -s -o "$WORK/out" -w '%{http_code}' -X POST -H "Authorization: Bearer $t" \
		-H 'Content-Type: text/csv' --data-binary "@$2" "$BASE/api/v1/medewerkers/importen${3:-}"
}
# naam NUMMER: the register's name for AA's staff number, or "geen".
naam() {
	if j=$("$AMBT" medewerker toon "$1" --samenwerking AA --format json --db "$DB" 2>/dev/null); then
		printf '%s' "$j" | jq -r .naam
	else
		echo geen
	fi
}

printf 'personeelsnummer;naam;werkgever;eenheid;fte;van\nAA-900;Nieuwe Collega;GM0362;aa-ict;0,8;2025-01-01\nAA-001;Eva Dekker-Smit;GM0362;aa-ict;0,8;2016-04-01\n' >"$WORK/goed.csv"
printf 'personeelsnummer;naam;werkgever;eenheid;fte;van\nAA-901;X;GM0397;hb-communicatie;0,8;2025-01-01\nAA-902;Y;GM0362;aa-ict;twee;2025-01-01\n' >"$WORK/fout.csv"

voor=$(dump)
is "checking only" "$(upload c_aa -F proef=1 -F "bestand=@$WORK/goed.csv")" 200
has "says what it would do" "goed.csv: 1 medewerker toegevoegd, 1 bijgewerkt (alleen gecontroleerd: niets opgeslagen)."
is "a wrong file" "$(upload c_aa -F "bestand=@$WORK/fout.csv")" 400
has "names the other cooperation's unit on its line" "<li class=\"utrecht-unordered-list__item\">regel 2: eenheid: Eenheid hb-communicatie hoort niet bij een samenwerking waarvoor u medewerkers invoert.</li>"
has "and the fte on the next" "regel 3: fte: &#39;twee&#39; is geen fte; schrijf bijvoorbeeld 0,8."
is "no file" "$(upload c_aa -F proef=1)" 400
has "asks for one" "Kies een bestand met medewerkers."
is "an accounthouder may not" "$(upload ah_aal -F "bestand=@$WORK/goed.csv")" 403
is "api: a wrong file" "$(api c_aa "$WORK/fout.csv")" 400
is "api: every problem by line" "$(jq -c '[.invalidParams[] | .name]' "$WORK/out")" '["regel 2: eenheid","regel 3: fte"]'
is "api: checking only" "$(api c_aa "$WORK/goed.csv" '?dryRun=true')" 200
is "api: what it would do" "$(jq -c . "$WORK/out")" '{"toegevoegd":1,"bijgewerkt":1,"proef":true}'
is "api: another cooperation's controller may not write AA's units" "$(api c_hb "$WORK/goed.csv")" 400
is "api: not as JSON" "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $T_c_aa" -H 'Content-Type: application/json' --data '{}' "$BASE/api/v1/medewerkers/importen")" 415
is "nothing was stored" "$(naam AA-900)" geen
if [ "$(dump)" = "$voor" ]; then ok "the refusals and the checks changed nothing"; else not_ok "the refusals and the checks changed nothing"; fi
is "read in" "$(upload c_aa -F "bestand=@$WORK/goed.csv")" 200
has "says what it did" "goed.csv: 1 medewerker toegevoegd, 1 bijgewerkt."
is "the new one is in the register" "$(naam AA-900)" "Nieuwe Collega"
is "the known one is updated" "$(naam AA-001)" "Eva Dekker-Smit"
is "api: read in again" "$(api c_aa "$WORK/goed.csv")" 200
is "api: both known now" "$(jq -c . "$WORK/out")" '{"toegevoegd":0,"bijgewerkt":2,"proef":false}'
tap_end

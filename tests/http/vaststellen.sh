#!/bin/sh
# vaststellen.sh - adopting a calculation on its page: the form leads to
# a question that says what will be frozen and by which decision (and
# stores nothing, not even a new decision); only the confirmation adopts,
# a new decision and the adoption in one transaction; bad input and a
# refused adoption leave no decision behind; an hours file replaces a
# batch once confirmed. TAP output.
#
# Usage: vaststellen.sh AMBT
set -u
AMBT=$(realpath "$1")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-vaststellen-XXXXXX")
export AMBT_NU=2026-11-22T10:30:00+01:00
unset AMBT_DB
DB_PREFIX=vaststellen
. "$(dirname "$0")/../lib/db.sh"
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/serve.sh"
. "$(dirname "$0")/../lib/pagina.sh"
db_engine_of_test
trap 'serve_stop; rm -rf "$WORK"' EXIT

DB=$(db_url db)
"$AMBT" demo --overschrijf --db "$DB" >/dev/null || { echo "Bail out! demo"; exit 1; }
tok() { "$AMBT" gebruiker token "$1" --naam vaststellen --db "$DB" | tail -1; }
T_c_hb=$(tok controller.hb)
T_ah_aal=$(tok accounthouder.aalsmeer)
T_rl_aal=$(tok raadslid.aalsmeer)
T_c_aa=$(tok controller.aa)
serve_start s "$DB"
BASE=$BASE_s
dump() { db_inhoud "$DB" audit,inlogpoging,sessie; }
post() {
	eval "t=\$T_$1"
	curl -s -o "$WORK/out" -w '%{http_code} %{redirect_url}' -H "Authorization: Bearer $t" --data "$3" "$BASE$2"
}
NIEUW='besluit=nieuw&organisatie=GM0397&orgaan=gemeenteraad&onderwerp=Bijdrage+HB+2024&datum=2026-11-20&openbaarheid=actief&identificatie=RB-2026-77'
vast() { curl -s -H "Authorization: Bearer $T_c_hb" "$BASE/api/v1/kostenverdelingen/$1" | jq -r '.vastgesteld.besluit // "nee"'; }
besluit() { curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/besluiten/$1?verantwoordelijkeOrganisatie=GM0397"; }

voor=$(dump)
is "the question for an existing decision" "$(post c_hb /kostenverdelingen/4 'stap=bevestig&besluit=830016|GM0397')" "200 "
has "says what is frozen and by which decision" "U stelt de kostenverdeling HB 2024 vast met de bijdragen van elke gemeente hierboven, samen € 10.449.700,00. Besluit: 830016 van Heemstede (27 mei 2021): Actualiseren kader voor de ambtelijke samenwerking Heemstede – Bloemendaal."
has "and that it cannot be undone" "Dit kan niet ongedaan worden gemaakt."
has "the confirmation carries the choice" '<input type="hidden" name="besluit" value="830016|GM0397">'
is "the question for a new decision" "$(post c_hb /kostenverdelingen/4 "stap=bevestig&$NIEUW")" "200 "
has "names it" "Daarvoor wordt eerst het besluit RB-2026-77 vastgelegd: Bijdrage HB 2024."
is "the question stored no decision" "$(besluit RB-2026-77)" 404
is "a new decision without its fields" "$(post c_hb /kostenverdelingen/4 'stap=bevestig&besluit=nieuw&organisatie=&orgaan=raad&onderwerp=&datum=')" "400 "
has "names every field" "Kies de gemeente die het besluit nam."
has "the body" "Kies wie het besluit nam: de raad of het college."
is "a new decision without its subject" "$(post c_hb /kostenverdelingen/4 'stap=bevestig&besluit=nieuw&organisatie=GM0397&orgaan=college&openbaarheid=passief&onderwerp=&datum=2026-11-20')" "400 "
has "keeps 'a new decision' chosen" '<option value="nieuw" selected>'
has "the municipality" '<option value="GM0397" selected>Heemstede</option>'
has "the body" '<option value="college" selected>'
has "and the publicity" '<option value="passief" selected>'
is "no decision chosen" "$(post c_hb /kostenverdelingen/4 'stap=vaststellen&besluit=')" "400 "
is "a decision of another cooperation" "$(post c_hb /kostenverdelingen/4 'stap=vaststellen&besluit=BIJDRAGE-AALSMEER-2024|GM0358')" "400 "
is "another cooperation's calculation answers as not existing, storing nothing" "$(post c_hb /kostenverdelingen/3 "stap=vaststellen&$NIEUW")" "404 "
is "an accounthouder may not" "$(post ah_aal /kostenverdelingen/2 "stap=vaststellen&$NIEUW")" "403 "
is "nothing adopted yet" "$(vast 4)" nee
if [ "$(dump)" = "$voor" ]; then ok "the questions and refusals changed nothing"; else not_ok "the questions and refusals changed nothing"; fi
is "confirmed: adopted" "$(post c_hb /kostenverdelingen/4 "stap=vaststellen&$NIEUW")" "303 $BASE/kostenverdelingen/4"
is "by the new decision" "$(vast 4)" RB-2026-77
is "which is in the register" "$(besluit RB-2026-77)" 200
voor=$(dump)
is "once adopted, the form is gone and a second adoption refused" "$(post c_hb /kostenverdelingen/4 'stap=vaststellen&besluit=nieuw&organisatie=GM0397&orgaan=college&onderwerp=Nog+een&datum=2026-11-21&identificatie=RB-2026-78')" "409 "
is "leaving no decision behind" "$(besluit RB-2026-78)" 404
if [ "$(dump)" = "$voor" ]; then ok "the refused adoption changed nothing"; else not_ok "the refused adoption changed nothing"; fi
# Replacing an hours file: asked first (tests/http/api.sh), then done
# when the form confirms it.
FIXD=$(realpath "$(dirname "$0")/../cli/fixtures")
HBN=$(curl -s -H "Authorization: Bearer $T_c_hb" "$BASE/api/v1/uren/importen?pageSize=500" | jq -r '[.results[] | select(.samenwerking == "HB" and .vervangenDoor == null and .bestand != "balie")][0].batch')
got=$(curl -s -o "$WORK/out" -w '%{http_code}' -H "Authorization: Bearer $T_c_hb" -F "bestand=@$FIXD/hb-uren-2025-01.csv" -F "vervang=$HBN" -F bevestig=1 "$BASE/uren/importen")
is "an hours file replaces a batch when confirmed" "$got" 200
has "says so" "hb-uren-2025-01.csv is ingelezen als batch"
is "the old batch counts no more" "$(curl -s -H "Authorization: Bearer $T_c_hb" "$BASE/api/v1/uren/importen/$HBN" | jq '.vervangenDoor != null')" true
# The list of calculations: per year the adopted one first, drafts and
# scenarios marked; a council member sees the adopted one up front and
# the rest behind a disclosure.
lijst() {
	eval "t=\$T_$1"
	curl -s -H "Authorization: Bearer $t" "$BASE/samenwerkingen/AA/kostenverdelingen" |
		grep -o 'Kostenverdeling [0-9]*</a></td><td class="utrecht-table__cell">[0-9]*</td><td class="utrecht-table__cell">[A-Za-z -]*\|<details' | sed -e 's#</a></td><td class="utrecht-table__cell">#|#g' -e 's#</td><td class="utrecht-table__cell">#|#g' | tr '\n' ' '
}
is "a controller's list: adopted first, then the scenario, then the older draft" "$(lijst c_aa)" \
	"Kostenverdeling 2|2024|Vastgesteld Kostenverdeling 3|2024|Scenario loketten-alleen-aalsmeer Kostenverdeling 1|2023|Concept "
is "a council member's list: the adopted one, the rest behind a disclosure" "$(lijst rl_aal)" \
	"Kostenverdeling 2|2024|Vastgesteld <details Kostenverdeling 3|2024|Scenario loketten-alleen-aalsmeer Kostenverdeling 1|2023|Concept "
tap_end

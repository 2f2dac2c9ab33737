#!/bin/sh
# scenarios.sh - making and removing scenarios on the page
# /samenwerkingen/{code}/scenarios and removing one through the API
# (DELETE /api/v1/scenarios/{naam}), against the real server on the demo
# database: the changes read back in words, every problem named, a
# removal asked first, and only the cooperation's controllers and the
# beheerder may write; refusals change nothing. TAP output.
#
# Usage: scenarios.sh AMBT
set -u
AMBT=$(realpath "$1")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-scenarios-XXXXXX")
export AMBT_NU=2026-11-22T10:30:00+01:00
unset AMBT_DB
DB_PREFIX=scenarios
. "$(dirname "$0")/../lib/db.sh"
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/serve.sh"
. "$(dirname "$0")/../lib/pagina.sh"
db_engine_of_test
trap 'serve_stop; rm -rf "$WORK"' EXIT

DB=$(db_url db)
"$AMBT" demo --overschrijf --db "$DB" >/dev/null || { echo "Bail out! demo"; exit 1; }
tok() { "$AMBT" gebruiker token "$1" --naam scenarios --db "$DB" | tail -1; }
T_c_aa=$(tok controller.aa)
T_c_hb=$(tok controller.hb)
T_ah_aal=$(tok accounthouder.aalsmeer)
serve_start s "$DB"
BASE=$BASE_s
PAGINA=/samenwerkingen/AA/scenarios
dump() { db_inhoud "$DB" audit,inlogpoging,sessie; }
post() { page "$1" POST "$PAGINA" --data "$2"; }
# The cooperation's scenarios through the API, into $WORK/lijst.json.
lijst() { curl -s -H "Authorization: Bearer $T_c_aa" "$BASE/api/v1/scenarios?samenwerking=AA&jaar=2024&pageSize=500" | jq .results >"$WORK/lijst.json"; }
aantal() { lijst; jq length "$WORK/lijst.json"; }

is "the page" "$(page c_aa GET "$PAGINA")" "200 "
has "the demo's scenario in words" "Publieke dienstverlening (loketten) werkt vanaf 1 juli 2024 alleen voor Aalsmeer"
is "a scenario made from two changes" \
	"$(post c_aa 'actie=maken&naam=Loket+eigen&jaar=2024&omschrijving=Proef&soort1=grondslag&eenheid1=aa-ruimte&grondslag1=inhabitants&soort2=&soort3=kostenpost&kostenpost3=LOK-PERS&bedrag3=2.000.000,50')" \
	"303 $BASE$PAGINA?gemaakt=Loket%20eigen"
lijst
is "stored with exactly those changes" \
	"$(jq -c '.[] | select(.naam == "Loket eigen") | [.jaar, .omschrijving, (.wijzigingen | map([.soort, .eenheid, .grondslag, .kostenpost, .bedragCenten]))]' "$WORK/lijst.json")" \
	'[2024,"Proef",[["grondslag","aa-ruimte","inhabitants",null,null],["kostenpost",null,null,"LOK-PERS",200000050]]]'
page c_aa GET "$PAGINA?gemaakt=Loket%20eigen" >/dev/null
has "the page says so" "Scenario Loket eigen is gemaakt."
has "and reads the changes" "Ruimte wordt verdeeld naar inwoners"
has "and the amount" "kostenpost LOK-PERS wordt € 2.000.000,50"

voor=$(dump)
is "the same name in the same year" "$(post c_aa 'actie=maken&naam=Loket+eigen&jaar=2024&soort1=grondslag&eenheid1=aa-ruimte&grondslag1=fte')" "409 "
has "is refused by name" "Er is al een scenario &#39;Loket eigen&#39; voor AA 2024."
is "bad input" "$(post c_aa 'actie=maken&naam=&jaar=20x&soort1=eigen&eenheid1=&soort2=grondslag&eenheid2=aa-ruimte&grondslag2=')" "400 "
has "the name's problem at its field" 'id="naam-fout">Geef het scenario een naam.</div>'
has "the year's problem at its field" 'id="jaar-fout">'
has "the first change's problem" "Wijziging 1: Kies een eenheid."
has "the second change's problem" "Wijziging 2: Kies een grondslag."
is "a wrong amount on the third row, the second left empty" "$(post c_aa 'actie=maken&naam=Duur&jaar=2024&soort1=eigen&eenheid1=aa-ruimte&gemeente1=GM0358&vanaf1=2024-07-01&soort2=&soort3=kostenpost&kostenpost3=LOK-PERS&bedrag3=veel')" "400 "
has "the problem is the third row's, at that row" 'id="wijziging3-fout">Schrijf het nieuwe bedrag in euro, bijvoorbeeld 12.500,00.</div>'
has "and in the list as Wijziging 3" "Wijziging 3: Schrijf het nieuwe bedrag"
has "the first row keeps its kind" '<option value="eigen" selected>'
has "its unit" '<option value="aa-ruimte" selected>Ruimte</option>'
has "its municipality" '<option value="GM0358" selected>Aalsmeer</option>'
has "its date" 'id="vanaf1" name="vanaf1" value="2024-07-01"'
has "the third row its pool and amount" 'id="kostenpost3" name="kostenpost3" value="LOK-PERS"'
has "and what was typed as amount" 'id="bedrag3" name="bedrag3" value="veel"'
is "no change at all" "$(post c_aa 'actie=maken&naam=Leeg&jaar=2024&soort1=&soort2=&soort3=')" "400 "
has "asks for one" "Noem minstens één wijziging."
is "a unit of another cooperation" "$(post c_aa 'actie=maken&naam=Ander&jaar=2024&soort1=grondslag&eenheid1=hb-communicatie&grondslag1=fte')" "400 "
has "is named" "Wijziging 1: "
is "removing asks first" "$(post c_aa 'actie=verwijderen&naam=Loket+eigen&jaar=2024')" "200 "
has "naming the scenario" "U verwijdert scenario Loket eigen van 2024 met 2 wijzigingen."
is "removing one that is not there" "$(post c_aa 'actie=verwijderen-bevestigd&naam=Niets&jaar=2024')" "404 "
is "an accounthouder may not" "$(post ah_aal 'actie=verwijderen-bevestigd&naam=Loket+eigen&jaar=2024')" "403 "
is "another cooperation's controller may not" "$(post c_hb 'actie=verwijderen-bevestigd&naam=Loket+eigen&jaar=2024')" "403 "
page ah_aal GET "$PAGINA" >/dev/null
has "an accounthouder reads the scenarios" "Ruimte wordt verdeeld naar inwoners"
hasnt "without forms" "Scenario maken"
if [ "$(dump)" = "$voor" ]; then ok "the refusals and the question changed nothing"; else not_ok "the refusals and the question changed nothing"; fi
is "removed after confirming" "$(post c_aa 'actie=verwijderen-bevestigd&naam=Loket+eigen&jaar=2024')" \
	"303 $BASE$PAGINA?verwijderd=Loket%20eigen"
is "one scenario left" "$(aantal)" 1

# The API: DELETE /api/v1/scenarios/{naam}?samenwerking=&jaar=
del() { eval "t=\$T_$1"; curl -s -o "$WORK/out" -w '%{http_code}' -X DELETE -H "Authorization: Bearer $t" "$BASE$2"; }
is "api: another cooperation's controller may not" "$(del c_hb '/api/v1/scenarios/loketten-alleen-aalsmeer?samenwerking=AA&jaar=2024')" 403
is "api: an accounthouder may not" "$(del ah_aal '/api/v1/scenarios/loketten-alleen-aalsmeer?samenwerking=AA&jaar=2024')" 403
is "api: without a year" "$(del c_aa '/api/v1/scenarios/loketten-alleen-aalsmeer?samenwerking=AA')" 400
is "api: another year" "$(del c_aa '/api/v1/scenarios/loketten-alleen-aalsmeer?samenwerking=AA&jaar=2025')" 404
is "api: still there" "$(aantal)" 1
is "api: removed" "$(del c_aa '/api/v1/scenarios/loketten-alleen-aalsmeer?samenwerking=AA&jaar=2024')" 204
is "api: gone" "$(aantal)" 0
n_kv=$(curl -s -H "Authorization: Bearer $T_c_aa" "$BASE/api/v1/kostenverdelingen?samenwerking=AA&jaar=2024&pageSize=500" | jq '[.results[] | select(.scenario == "loketten-alleen-aalsmeer")] | length')
is "the calculation made with it stays" "$n_kv" 1
tap_end

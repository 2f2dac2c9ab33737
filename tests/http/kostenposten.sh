#!/bin/sh
# kostenposten.sh - entering, changing and removing one cost pool through
# the API (PUT and DELETE /api/v1/kostenposten/{code}) against the real
# server on the demo database: exact cents read back, who may do it, a
# cooperation that is not the caller's answering as not existing, bad
# input refused as problem+json with the database unchanged, and a year
# whose calculation was adopted keeping its pools (409). TAP output.
#
# Usage: kostenposten.sh AMBT
set -u
AMBT=$(realpath "$1")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-kostenposten-XXXXXX")
export AMBT_NU=2026-11-22T10:30:00+01:00
unset AMBT_DB
DB_PREFIX=kostenposten
. "$(dirname "$0")/../lib/db.sh"
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/serve.sh"
. "$(dirname "$0")/../lib/pagina.sh"
db_engine_of_test
trap 'serve_stop; rm -rf "$WORK"' EXIT

DB=$(db_url db)
"$AMBT" demo --overschrijf --db "$DB" >/dev/null || { echo "Bail out! demo"; exit 1; }
tok() { "$AMBT" gebruiker token "$1" --naam kostenposten --db "$DB" | tail -1; }
T_beheer=$(tok beheer)
T_c_aa=$(tok controller.aa)
T_c_hb=$(tok controller.hb)
T_ah_aal=$(tok accounthouder.aalsmeer)
serve_start s "$DB"
BASE=$BASE_s
dump() { db_inhoud "$DB" audit,inlogpoging,sessie; }

# ask WHO METHOD PATH [JSON]: the body in $WORK/out, the status printed.
ask() {
	who=$1 m=$2 p=$3
	set -- -s -o "$WORK/out" -w '%{http_code}' -X "$m"
	if [ "$who" != anon ]; then
		eval "t=\$T_$who"
		set -- "$@" -H "Authorization: Bearer $t"
	fi
	[ -n "${JSON+x}" ] && set -- "$@" -H 'Content-Type: application/json' --data "$JSON"
	curl "$@" "$BASE$p"
}
# check NAME WHO METHOD PATH WANT JQ [JSON]: the status and a jq test on
# the body.
check() {
	name=$1 who=$2 m=$3 p=$4 want=$5 q=$6
	if [ $# -gt 6 ]; then JSON=$7; else unset JSON; fi
	got=$(ask "$who" "$m" "$p")
	unset JSON
	if [ "$got" != "$want" ]; then
		not_ok "$name: $got, expected $want" "$(head -c 300 "$WORK/out")"
	elif [ -n "$q" ] && ! jq -e "$q" "$WORK/out" >/dev/null 2>&1; then
		not_ok "$name: body" "$(head -c 300 "$WORK/out")"
	else
		ok "$name"
	fi
}
LIJST="/api/v1/kostenposten?samenwerking=AA&jaar=2025&pageSize=500"
post() { printf '{"samenwerking":"AA","jaar":2025,"eenheid":"%s","kostensoort":"%s","bedragCenten":%s}' "$1" "$2" "$3"; }

check "list of AA 2025 starts empty" c_aa GET "$LIJST" 200 '.count == 0'
check "PUT enters a pool" c_aa PUT /api/v1/kostenposten/NIEUW 200 \
	'.code == "NIEUW" and .eenheid == "aa-ict" and .kostensoort == "licenties" and .bedragCenten == 123456' \
	"$(post aa-ict licenties 123456)"
check "the list shows it in exact cents" c_aa GET "$LIJST" 200 \
	'.count == 1 and .results[0].code == "NIEUW" and .results[0].bedragCenten == 123456'
check "PUT again changes it" beheer PUT /api/v1/kostenposten/NIEUW 200 \
	'.eenheid == "aa-loketten" and .bedragCenten == -5001' \
	"$(post aa-loketten personeel -5001)"
check "the list shows the change" c_aa GET "$LIJST" 200 \
	'.count == 1 and .results[0].eenheid == "aa-loketten" and .results[0].kostensoort == "personeel" and .results[0].bedragCenten == -5001'
na=$("$AMBT" audit lijst --soort kostenpost --db "$DB" --format json | jq '[.[] | select(.actie == "update" and .gebruikersId != null and .wijzigingen.nieuw.code == "NIEUW")] | length')
if [ "$na" = 2 ]; then ok "both changes are audited"; else not_ok "both changes are audited" "$na entries"; fi

voor=$(dump)
check "an accounthouder may not" ah_aal PUT /api/v1/kostenposten/NIEUW 403 '.status == 403' "$(post aa-ict x 1)"
check "without an account" anon PUT /api/v1/kostenposten/NIEUW 401 '' "$(post aa-ict x 1)"
check "another cooperation's controller: not existing" c_hb PUT /api/v1/kostenposten/NIEUW 404 \
	'.status == 404 and (.detail | contains("NIEUW"))' "$(post aa-ict x 1)"
check "another cooperation's controller cannot delete" c_hb DELETE "/api/v1/kostenposten/NIEUW?samenwerking=AA&jaar=2025" 404 '.status == 404'
check "an unknown cooperation answers the same" c_hb PUT /api/v1/kostenposten/NIEUW 404 '.status == 404' \
	'{"samenwerking":"ZZ","jaar":2025,"eenheid":"aa-ict","kostensoort":"x","bedragCenten":1}'
check "an amount that is not whole cents" c_aa PUT /api/v1/kostenposten/NIEUW 400 \
	'.invalidParams[0].name == "bedragCenten"' \
	'{"samenwerking":"AA","jaar":2025,"eenheid":"aa-ict","kostensoort":"x","bedragCenten":1.5}'
check "an amount out of range" c_aa PUT /api/v1/kostenposten/NIEUW 400 \
	'.invalidParams[0].name == "bedragCenten" and .invalidParams[0].code == "range"' \
	"$(post aa-ict x 100000000000000000)"
check "an unknown unit" c_aa PUT /api/v1/kostenposten/NIEUW 400 \
	'.invalidParams[0].name == "eenheid" and (.invalidParams[0].reason | contains("bestaat niet"))' \
	"$(post aa-bestaat-niet x 1)"
check "a unit of another cooperation" c_aa PUT /api/v1/kostenposten/NIEUW 400 \
	'.invalidParams[0].name == "eenheid"' "$(post hb-communicatie x 1)"
lang=$(python3 -c 'print("k"*200)')
check "an oversized cost type" c_aa PUT /api/v1/kostenposten/NIEUW 400 \
	'.invalidParams[0].name == "kostensoort"' "$(post aa-ict "$lang" 1)"
check "an oversized code" c_aa PUT "/api/v1/kostenposten/$lang" 400 \
	'(.invalidParams | map(.name) | index("code")) != null' "$(post aa-ict x 1)"
check "an unknown field" c_aa PUT /api/v1/kostenposten/NIEUW 400 \
	'(.invalidParams | map(.name) | index("bedrag")) != null' \
	'{"samenwerking":"AA","jaar":2025,"eenheid":"aa-ict","kostensoort":"x","bedrag":"1,00"}'
check "a date outside the year" c_aa PUT /api/v1/kostenposten/NIEUW 400 \
	'.invalidParams[0].name == "datum"' \
	'{"samenwerking":"AA","jaar":2025,"eenheid":"aa-ict","kostensoort":"x","bedragCenten":1,"datum":"2024-05-01"}'
check "the adopted year 2024 keeps its pools (PUT)" c_aa PUT /api/v1/kostenposten/ICT-LIC 409 \
	'.status == 409 and (.detail | contains("vastgesteld"))' \
	'{"samenwerking":"AA","jaar":2024,"eenheid":"aa-ict","kostensoort":"licenties","bedragCenten":1}'
check "the adopted year 2024 keeps its pools (DELETE)" c_aa DELETE "/api/v1/kostenposten/ICT-LIC?samenwerking=AA&jaar=2024" 409 '.status == 409'
printf 'code;eenheid;kostensoort;bedrag\nX;aa-ict;ict;5\n' >"$WORK/kp.csv"
got=$(curl -s -o "$WORK/out" -w '%{http_code}' -X POST -H "Authorization: Bearer $T_c_aa" -H 'Content-Type: text/csv' --data-binary "@$WORK/kp.csv" "$BASE/api/v1/kostenposten?samenwerking=AA&jaar=2024")
if [ "$got" = 409 ]; then ok "the adopted year refuses a file too"; else not_ok "the adopted year refuses a file too: $got" "$(head -c 300 "$WORK/out")"; fi
check "DELETE of a pool that is not there" c_aa DELETE "/api/v1/kostenposten/GEEN?samenwerking=AA&jaar=2025" 404 '.status == 404'
check "DELETE without a year" c_aa DELETE "/api/v1/kostenposten/NIEUW?samenwerking=AA" 400 '.invalidParams[0].name == "jaar"'
if [ "$(dump)" = "$voor" ]; then ok "the refusals changed nothing"; else not_ok "the refusals changed nothing"; fi

check "DELETE removes it" c_aa DELETE "/api/v1/kostenposten/NIEUW?samenwerking=AA&jaar=2025" 204 ''
check "the list is empty again" c_aa GET "$LIJST" 200 '.count == 0'
# ---- the page: /samenwerkingen/AA/kostenposten ----
PAGINA=/samenwerkingen/AA/kostenposten

is "page: the year being worked on is the one after the adopted 2024" "$(page c_aa GET "$PAGINA")" "200 "
has "page: heading of 2025" "Kostenposten 2025: Ambtelijke samenwerking Amstelveen"
has "page: 2025 has no pools yet" "2025 heeft nog geen kostenposten."
is "page: a pool entered" "$(page c_aa POST "$PAGINA" --data 'jaar=2025&actie=opslaan&code=PAG&eenheid=aa-loketten&kostensoort=personeel&taakveld=0.2&bedrag=12.500,50&datum=')" \
	"303 $BASE$PAGINA?jaar=2025&opgeslagen=PAG"
check "page: stored in exact cents" c_aa GET "$LIJST" 200 \
	'.count == 1 and .results[0].code == "PAG" and .results[0].bedragCenten == 1250050 and .results[0].taakveld == "0.2"'
page c_aa GET "$PAGINA?jaar=2025&opgeslagen=PAG" >/dev/null
has "page: says it was stored" "Kostenpost PAG is opgeslagen."
has "page: the pool with its taakveld's name and amount" '<td class="utrecht-table__cell">Burgerzaken (0.2)</td><td class="utrecht-table__cell">het hele jaar</td><td class="utrecht-table__cell ambt-bedrag">€ 12.500,50</td>'
has "page: a totals row" '<th class="utrecht-table__header-cell" scope="row">Totaal</th>'
page c_aa GET "$PAGINA?jaar=2025&wijzig=PAG" >/dev/null
has "page: changing fills the form" 'value="€ 12.500,50"'

voor=$(dump)
is "page: bad input is refused" "$(page c_aa POST "$PAGINA" --data 'jaar=2025&actie=opslaan&code=PAG2&eenheid=aa-bestaat-niet&kostensoort=&bedrag=twaalf&datum=2024-03-01')" "400 "
has "page: the amount's problem at its field" 'id="bedrag-fout">Schrijf het bedrag in euro, bijvoorbeeld 12.500,00 of -250.</div>'
has "page: the unit's problem at its field" 'id="eenheid-fout">Eenheid aa-bestaat-niet bestaat niet.</div>'
has "page: the cost type's problem at its field" 'id="kostensoort-fout">Noem de kostensoort (bijvoorbeeld personeel).</div>'
has "page: the date's problem at its field" 'id="datum-fout">De datum moet in 2025 liggen.</div>'
has "page: what was typed stays" 'value="twaalf"'
is "page: the adopted year refuses a pool" "$(page c_aa POST "$PAGINA" --data 'jaar=2024&actie=opslaan&code=ICT-LIC&eenheid=aa-ict&kostensoort=licenties&bedrag=1')" "409 "
has "page: and says why" "al vastgesteld; de kostenposten van dat jaar veranderen niet meer."
page c_aa GET "$PAGINA?jaar=2024" >/dev/null
has "page: the adopted year says so" "De kostenverdeling van 2024 is vastgesteld"
hasnt "page: the adopted year has no form" "Kostenpost opslaan"
is "page: removing asks first" "$(page c_aa POST "$PAGINA" --data 'jaar=2025&actie=verwijderen&code=PAG')" "200 "
has "page: the question names the pool" "U verwijdert kostenpost PAG (personeel, € 12.500,50) uit 2025."
is "page: removing something not there" "$(page c_aa POST "$PAGINA" --data 'jaar=2025&actie=verwijderen-bevestigd&code=GEEN')" "404 "
page ah_aal GET "$PAGINA?jaar=2025" >/dev/null
has "page: an accounthouder reads the pools" "€ 12.500,50"
hasnt "page: but gets no form" "Kostenpost opslaan"
is "page: another cooperation's controller may not write" "$(page c_hb POST "$PAGINA" --data 'jaar=2025&actie=verwijderen-bevestigd&code=PAG')" "403 "
if [ "$(dump)" = "$voor" ]; then ok "page: the refusals and the question changed nothing"; else not_ok "page: the refusals and the question changed nothing"; fi
is "page: removed after confirming" "$(page c_aa POST "$PAGINA" --data 'jaar=2025&actie=verwijderen-bevestigd&code=PAG')" \
	"303 $BASE$PAGINA?jaar=2025&verwijderd=PAG"
check "page: the pool is gone" c_aa GET "$LIJST" 200 '.count == 0'

printf 'code;eenheid;kostensoort;bedrag\nA;aa-loketten;personeel;1.000,00\nB;aa-ict;licenties;250\n' >"$WORK/goed.csv"
printf 'code;eenheid;kostensoort;bedrag\nA;aa-loketten;personeel;1.000,00\nB;aa-nee;licenties;twee\n' >"$WORK/fout.csv"
is "page: a file fills an empty year" "$(page c_aa POST "$PAGINA/bestand" -F jaar=2025 -F "bestand=@$WORK/goed.csv")" \
	"303 $BASE$PAGINA?jaar=2025&vervangen=2"
check "page: the file's pools" c_aa GET "$LIJST" 200 '[.results[] | .bedragCenten] == [100000, 25000]'
voor=$(dump)
is "page: a second file must say it replaces" "$(page c_aa POST "$PAGINA/bestand" -F jaar=2025 -F "bestand=@$WORK/goed.csv")" "400 "
has "page: and names how many" "2025 heeft al 2 kostenposten. Vink aan dat het bestand ze allemaal vervangt."
is "page: a wrong file is refused whole" "$(page c_aa POST "$PAGINA/bestand" -F jaar=2025 -F vervang=1 -F "bestand=@$WORK/fout.csv")" "400 "
has "page: each problem by line" "regel 3: bedrag: &#39;twee&#39; is geen bedrag in euro"
if [ "$(dump)" = "$voor" ]; then ok "page: the refused files changed nothing"; else not_ok "page: the refused files changed nothing"; fi
tap_end

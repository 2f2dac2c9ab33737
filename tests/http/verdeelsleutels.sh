#!/bin/sh
# verdeelsleutels.sh - the page of a year's keys (/samenwerkingen/{code}/
# verdeelsleutels) against the real server on the demo database: each
# form (a unit's role, a delivery, a weight, maatwerk, an advance, the
# method) stores what the calculation then reads (checked in the input
# document of `ambt verdeling bereken --toon-invoer`), bad input is refused
# with the problem at its field and the database unchanged, and only the
# cooperation's controllers and the beheerder may write; the same through
# GET and PATCH /api/v1/verdeelsleutels/AA/2024 (all or nothing). TAP
# output.
#
# Usage: verdeelsleutels.sh AMBT
set -u
AMBT=$(realpath "$1")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-verdeelsleutels-XXXXXX")
export AMBT_NU=2026-11-22T10:30:00+01:00
unset AMBT_DB
DB_PREFIX=verdeelsleutels
. "$(dirname "$0")/../lib/db.sh"
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/serve.sh"
. "$(dirname "$0")/../lib/pagina.sh"
db_engine_of_test
trap 'serve_stop; rm -rf "$WORK"' EXIT

DB=$(db_url db)
"$AMBT" demo --overschrijf --db "$DB" >/dev/null || { echo "Bail out! demo"; exit 1; }
tok() { "$AMBT" gebruiker token "$1" --naam verdeelsleutels --db "$DB" | tail -1; }
T_beheer=$(tok beheer)
T_c_aa=$(tok controller.aa)
T_c_hb=$(tok controller.hb)
T_ah_aal=$(tok accounthouder.aalsmeer)
serve_start s "$DB"
BASE=$BASE_s
PAGINA=/samenwerkingen/AA/verdeelsleutels
dump() { db_inhoud "$DB" audit,inlogpoging,sessie; }
invoer() { "$AMBT" verdeling bereken --samenwerking AA --jaar 2024 --toon-invoer --db "$DB" | jq -c "$1"; }

post() { page "$1" POST "$PAGINA" --data "$2"; }
stored() { is "$1" "$(post c_aa "$2")" "303 $BASE$PAGINA?jaar=2024&opgeslagen=$3"; }

is "the page of 2024" "$(page c_aa GET "$PAGINA?jaar=2024")" "200 "
has "the support unit with its taakveld's name" '<th class="utrecht-table__header-cell" scope="row">ICT/Digitalisering</th><td class="utrecht-table__cell">ondersteunend</td><td class="utrecht-table__cell">via leveringen</td><td class="utrecht-table__cell">Overhead (0.4)</td>'
has "the advances with their total" '<td class="utrecht-table__cell ambt-bedrag">€ 9.100.000,00</td>'
has "the forms for a controller" "Voorschot opslaan"
has "an adopted year says its calculation does not change" 'De kostenverdeling van 2024 is vastgesteld (<a class="utrecht-link" href="/kostenverdelingen/2">kostenverdeling 2</a>); wat hier verandert, verandert die niet meer.'

stored "an advance" 'jaar=2024&wat=voorschot&gemeente=GM0362&bedrag=2.750.000,50' voorschot
is "the calculation reads the advance" "$(invoer .advances.GM0362)" 275000050
stored "the method" 'jaar=2024&wat=methode&methode=step_down' methode
is "the calculation reads the method" "$(invoer .support_allocation.method)" '"step_down"'
stored "a delivery" 'jaar=2024&wat=levering&van=aa-ict&aan=aa-strategie&gewicht=7' levering
is "the calculation reads the delivery" "$(invoer '.support_allocation.keys["aa-ict"]["aa-strategie"]')" 7
stored "maatwerk" 'jaar=2024&wat=maatwerk&eenheid=aa-ruimte&gemeente=GM0362&uren=10,5&tarief=80' maatwerk
is "the calculation reads the maatwerk" "$(invoer '[.maatwerk_hours[] | select(.municipality == "GM0362" and .department == "aa-ruimte" and .hours == 1050 and .rate_cents_per_hour == 8000)] | length')" 1
stored "a unit's role and key" 'jaar=2024&wat=rol&eenheid=aa-sociaal-domein&soort=primair&grondslag=inhabitants&taakveld=6.1&volgorde=' rol
is "the calculation reads the key" "$(invoer '.departments[] | select(.id == "aa-sociaal-domein") | .key.basis')" '"inhabitants"'
stored "a weight by hand" 'jaar=2024&wat=gewicht&eenheid=aa-ruimte&gemeente=GM0358&gewicht=6000' gewicht
page c_aa GET "$PAGINA?jaar=2024&opgeslagen=gewicht" >/dev/null
has "the page says it was stored" "Opgeslagen."
has "and shows the weight" '<th class="utrecht-table__header-cell" scope="row">Ruimte</th><td class="utrecht-table__cell">Aalsmeer</td><td class="utrecht-table__cell ambt-bedrag">6.000</td>'
naudit=$("$AMBT" audit lijst --db "$DB" --format json | jq '[.[] | select(.resource == "voorschot" or .resource == "kostenmethode" or .resource == "kostenlevering" or .resource == "maatwerk" or .resource == "kostenrol" or .resource == "kostengewicht") | select(.gebruikersId != null)] | length')
is "each change is audited with its user" "$naudit" 6

has "a button to remove the weight, named" 'aria-label="Gewicht van Ruimte voor Aalsmeer verwijderen"'
# Removing: a delivery, a weight, maatwerk and an advance, each from its
# row; the calculation no longer reads them.
removed() { is "$1" "$(post c_aa "jaar=2024&wat=verwijderen&$2")" "303 $BASE$PAGINA?jaar=2024&opgeslagen=verwijderd"; }
stored "a second advance" 'jaar=2024&wat=voorschot&gemeente=GM0358&bedrag=10' voorschot
removed "an advance removed" 'soort=voorschot&b=GM0358'
is "the calculation reads no advance of Aalsmeer" "$(invoer '.advances.GM0358 // "geen"')" '"geen"'
page c_aa GET "$PAGINA?jaar=2024&opgeslagen=verwijderd" >/dev/null
has "the page says it was removed" "Verwijderd."
hasnt "and lists no advance of Aalsmeer" 'aria-label="Voorschot van Aalsmeer verwijderen"'
removed "a delivery removed" 'soort=levering&a=aa-ict&b=aa-strategie'
is "the calculation reads no delivery" "$(invoer '.support_allocation.keys["aa-ict"]["aa-strategie"] // "geen"')" '"geen"'
stored "the weight again" 'jaar=2024&wat=gewicht&eenheid=aa-ruimte&gemeente=GM0358&gewicht=6000' gewicht
naudit=$("$AMBT" audit lijst --db "$DB" --format json | jq '[.[] | select(.actie == "delete" and (.resource == "voorschot" or .resource == "kostenlevering"))] | length')
is "each removal is audited" "$naudit" 2

voor=$(dump)
is "a unit of another cooperation" "$(post c_aa 'jaar=2024&wat=rol&eenheid=hb-communicatie&soort=x&grondslag=zzz&volgorde=-3')" "400 "
has "the unit's problem at its field" 'id="rol-eenheid-fout">Eenheid hb-communicatie hoort niet bij AA.</div>'
has "the kind's problem at its field" 'id="rol-soort-fout">Kies primair of ondersteunend.</div>'
has "the basis' problem at its field" 'id="rol-grondslag-fout">Kies een grondslag uit de lijst.</div>'
has "the order's problem at its field" 'id="rol-volgorde-fout">'
is "a member of another cooperation" "$(post c_aa 'jaar=2024&wat=gewicht&eenheid=aa-ruimte&gemeente=GM0397&gewicht=1')" "400 "
has "named at its field" 'id="gewicht-gemeente-fout">Gemeente GM0397 is in 2024 geen lid van AA.</div>'
has "the chosen unit stays chosen" '<option value="aa-ruimte" selected>Ruimte</option>'
is "hours that are no number" "$(post c_aa 'jaar=2024&wat=maatwerk&eenheid=aa-ruimte&gemeente=GM0362&uren=veel&tarief=-1')" "400 "
has "the hours' problem" 'id="maatwerk-uren-fout">Vul een aantal uren in, bijvoorbeeld 120,5.</div>'
has "the rate's problem" 'id="maatwerk-tarief-fout">Het bedrag is nul of meer.</div>'
has "what was typed stays" 'value="veel"'
is "an amount that is no amount" "$(post c_aa 'jaar=2024&wat=voorschot&gemeente=GM0358&bedrag=1.000.000.000.000.000')" "400 "
has "the amount's problem" 'id="voorschot-bedrag-fout">Schrijf een bedrag in euro, bijvoorbeeld 1.234,56.</div>'
is "a delivery of a fraction" "$(post c_aa 'jaar=2024&wat=levering&van=aa-ict&aan=&gewicht=1,5')" "400 "
has "the receiving unit's problem" 'id="levering-aan-fout">Kies een eenheid.</div>'
is "an unknown method" "$(post c_aa 'jaar=2024&wat=methode&methode=eerlijk')" "400 "
has "the method's problem at its field" 'id="methode-methode-fout">Kies een methode uit de lijst.</div>'
is "removing a weight that was never set" "$(post c_aa 'jaar=2024&wat=verwijderen&soort=gewicht&a=aa-ruimte&b=GM0397')" "400 "
has "names the member" 'Gemeente GM0397 is in 2024 geen lid van AA.'
is "removing maatwerk that is not there" "$(post c_aa 'jaar=2024&wat=verwijderen&soort=maatwerk&a=aa-ict&b=GM0358')" "400 "
has "says there is nothing to remove" '<li class="utrecht-unordered-list__item">Er is niets te verwijderen: aa-ict heeft in 2024 geen maatwerk voor GM0358.</li>'
is "removing something unknown" "$(post c_aa 'jaar=2024&wat=verwijderen&soort=kleur&a=aa-ict&b=GM0358')" "400 "
is "an unknown form" "$(post c_aa 'jaar=2024&wat=iets')" "400 "
is "a year out of range" "$(post c_aa 'jaar=99999&wat=methode&methode=direct')" "400 "
is "an accounthouder may not" "$(post ah_aal 'jaar=2024&wat=methode&methode=direct')" "403 "
is "another cooperation's controller may not" "$(post c_hb 'jaar=2024&wat=methode&methode=direct')" "403 "
page ah_aal GET "$PAGINA?jaar=2024" >/dev/null
has "an accounthouder reads the keys" "Methode voor de ondersteunende eenheden: stapsgewijs"
hasnt "but gets no forms" "Voorschot opslaan"
if [ "$(dump)" = "$voor" ]; then ok "the refusals changed nothing"; else not_ok "the refusals changed nothing"; fi
# ---- the API: /api/v1/verdeelsleutels/{samenwerking}/{jaar} ----
API=/api/v1/verdeelsleutels/AA/2024
# api WHO METHOD PATH [JSON]: the body in $WORK/out, the status printed.
api() {
	who=$1 m=$2 p=$3
	set -- -s -o "$WORK/out" -w '%{http_code}' -X "$m"
	if [ "$who" != anon ]; then
		eval "t=\$T_$who"
		set -- "$@" -H "Authorization: Bearer $t"
	fi
	[ -n "${JSON+x}" ] && set -- "$@" -H 'Content-Type: application/json' --data "$JSON"
	curl "$@" "$BASE$p"
}
# check NAME WHO METHOD PATH WANT JQ [JSON]
check() {
	name=$1 who=$2 m=$3 p=$4 want=$5 q=$6
	if [ $# -gt 6 ]; then JSON=$7; else unset JSON; fi
	got=$(api "$who" "$m" "$p")
	unset JSON
	if [ "$got" != "$want" ]; then
		not_ok "$name: $got, expected $want" "$(head -c 400 "$WORK/out")"
	elif [ -n "$q" ] && ! jq -e "$q" "$WORK/out" >/dev/null 2>&1; then
		not_ok "$name: body" "$(head -c 400 "$WORK/out")"
	else
		ok "$name"
	fi
}
check "api: the year as the page set it" c_aa GET "$API" 200 \
	'.methode == "step_down" and (.voorschotten | map(select(.gemeente == "GM0362"))[0].bedragCenten == 275000050) and (.eenheden | map(select(.eenheid == "aa-sociaal-domein"))[0] == {"eenheid":"aa-sociaal-domein","soort":"primair","grondslag":"inhabitants","taakveld":"6.1","volgorde":null,"ingesteld":true}) and (.maatwerk | map(select(.gemeente == "GM0362"))[0] == {"eenheid":"aa-ruimte","gemeente":"GM0362","urenHonderdsten":1050,"tariefCenten":8000})'
check "api: an accounthouder reads it" ah_aal GET "$API" 200 '.samenwerking == "AA" and .jaar == 2024'
check "api: without an account" anon GET "$API" 401 ''
check "api: another cooperation's controller may not read it" c_hb GET "$API" 403 '.status == 403'
check "api: an unknown cooperation" c_aa GET /api/v1/verdeelsleutels/ZZ/2024 404 '.status == 404'
check "api: a year out of range" c_aa GET /api/v1/verdeelsleutels/AA/12 400 '.invalidParams[0].name == "jaar"'
check "api: several settings at once" c_aa PATCH "$API" 200 \
	'.methode == "reciprocal" and (.leveringen | map(select(.aan == "aa-strategie"))[0].gewicht == 9) and (.gewichten | map(select(.eenheid == "aa-ruimte" and .gemeente == "GM0362"))[0].gewicht == 4000) and (.voorschotten | map(select(.gemeente == "GM0358"))[0].bedragCenten == 1)' \
	'{"methode":"reciprocal","leveringen":[{"van":"aa-ict","aan":"aa-strategie","gewicht":9}],"gewichten":[{"eenheid":"aa-ruimte","gemeente":"GM0362","gewicht":4000}],"voorschotten":[{"gemeente":"GM0358","bedragCenten":1}]}'
is "api: the calculation reads them" "$(invoer '[.support_allocation.method, .advances.GM0358]')" '["reciprocal",1]'
check "api: null removes what was set" c_aa PATCH "$API" 200 \
	'(.gewichten | map(select(.eenheid == "aa-ruimte" and .gemeente == "GM0362")) | length) == 0 and (.maatwerk | map(select(.gemeente == "GM0362")) | length) == 0 and (.voorschotten | map(select(.gemeente == "GM0358")) | length) == 0' \
	'{"gewichten":[{"eenheid":"aa-ruimte","gemeente":"GM0362","gewicht":null}],"maatwerk":[{"eenheid":"aa-ruimte","gemeente":"GM0362","urenHonderdsten":null}],"voorschotten":[{"gemeente":"GM0358","bedragCenten":null}]}'
voor=$(dump)
check "api: every problem named, nothing stored" c_aa PATCH "$API" 400 \
	'[.invalidParams[].name] == ["x","methode","eenheden[0].kleur","eenheden[0].eenheid","leveringen[0].gewicht","voorschotten[1]","voorschotten[0].bedragCenten","voorschotten[0].gemeente"]' \
	'{"methode":"x","voorschotten":[{"gemeente":"GM0397","bedragCenten":1.5},3],"eenheden":[{"eenheid":"hb-x","soort":"primair","kleur":1}],"leveringen":[{"van":"aa-ict","aan":"aa-ruimte","gewicht":-1}],"x":1}'
check "api: a good item beside a bad one stores neither" c_aa PATCH "$API" 400 \
	'[.invalidParams[].name] == ["voorschotten[1].gemeente"]' \
	'{"methode":"direct","voorschotten":[{"gemeente":"GM0358","bedragCenten":5},{"gemeente":"GM0397","bedragCenten":5}]}'
check "api: removing what is not there is a problem of that item" c_aa PATCH "$API" 400 \
	'[.invalidParams[].name] == ["leveringen[0]"] and (.invalidParams[0].reason | startswith("Er is niets te verwijderen: aa-ict levert in 2024 niets aan aa-kernorganisatie"))' \
	'{"leveringen":[{"van":"aa-ict","aan":"aa-kernorganisatie","gewicht":null}]}'
check "api: a list that is no list" c_aa PATCH "$API" 400 '.invalidParams[0].name == "maatwerk"' '{"maatwerk":{}}'
check "api: an accounthouder may not" ah_aal PATCH "$API" 403 '.status == 403' '{"methode":"direct"}'
check "api: another cooperation's controller may not" c_hb PATCH "$API" 403 '.status == 403' '{"methode":"direct"}'
got=$(curl -s -o "$WORK/out" -w '%{http_code}' -X PATCH -H "Authorization: Bearer $T_c_aa" -H 'Content-Type: text/plain' --data 'methode=direct' "$BASE$API")
is "api: only JSON" "$got" 415
if [ "$(dump)" = "$voor" ]; then ok "api: the refusals changed nothing"; else not_ok "api: the refusals changed nothing"; fi
tap_end

#!/bin/sh
# api.sh - the HTTP API and pages of the real `ambt serve` binary, with
# curl on 127.0.0.1 (TAP output). Every refusal must be problem+json (or a
# Dutch error page) and leave the database unchanged.
#
# Usage: api.sh AMBT
set -u
AMBT=$(realpath "$1")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-http-XXXXXX")
export AMBT_NU=2026-11-22T10:30:00+01:00
unset AMBT_DB
DB_PREFIX=http
. "$(dirname "$0")/../lib/db.sh"
db_engine_of_test
DB=$(db_url db)
n=0
failed=0
PID=

cleanup() {
	[ -n "$PID" ] && kill "$PID" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT

"$AMBT" demo --overschrijf --db "$DB" >/dev/null || { echo "Bail out! demo"; exit 1; }
token() {
	"$AMBT" gebruiker token "$1" --naam test --db "$DB" | tail -1
}
T_BEHEER=$(token beheer)
T_AALSMEER=$(token accounthouder.aalsmeer)
T_RAAD=$(token raadslid.bloemendaal)
T_CONTROLLER=$(token controller.hb)
T_INGETROKKEN=$(token planner.heemstede)
"$AMBT" gebruiker token-intrekken planner.heemstede 5 --db "$DB" >/dev/null
T_GESLOTEN=$(token balie.aalsmeer)
"$AMBT" gebruiker intrekken balie.aalsmeer --db "$DB" >/dev/null
printf 'paard-batterij-nietje\n' | "$AMBT" gebruiker toevoegen t.tester --naam "Test Tester" \
	--rol accounthouder --scope GM0358 --wachtwoord-stdin --db "$DB" >/dev/null
"$AMBT" serve --db "$DB" --poort 0 --cors https://intranet.example.nl \
	--max-body 65536 >"$WORK/serve.out" 2>"$WORK/access.log" &
PID=$!
for _ in $(seq 1 100); do
	grep -q "draait op" "$WORK/serve.out" 2>/dev/null && break
	sleep 0.05
done
BASE=$(sed -n 's#^Ambt draait op \(http://[^/]*\)/.*#\1#p' "$WORK/serve.out")
[ -n "$BASE" ] || { echo "Bail out! server did not start"; cat "$WORK/serve.out"; exit 1; }

ok() {
	n=$((n + 1))
	echo "ok $n - $1"
}
not_ok() {
	n=$((n + 1))
	failed=$((failed + 1))
	echo "not ok $n - $1"
	shift
	for l in "$@"; do echo "# $l"; done
}

# The register's contents; the audit trail and login bookkeeping are
# expected to move when a request is refused.
dump() {
	db_inhoud "$DB" audit,inlogpoging,sessie
}

# req METHOD PATH [curl args...]: sets STATUS, HEADERS file, BODY file.
# Writes are sent as the beheerder unless AS names another token ("" for
# anonymous).
AS=beheer
req() {
	m=$1
	p=$2
	shift 2
	case "$m:$AS" in
	GET:* | HEAD:* | OPTIONS:* | *:) set -- "$@" ;;
	*:beheer) set -- -H "Authorization: Bearer $T_BEHEER" "$@" ;;
	esac
	STATUS=$(curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' \
		-X "$m" "$@" "$BASE$p")
}

tekst() { head -c "$1" /dev/zero | tr '\0' "${2:-x}"; }
header() {
	grep -i "^$1:" "$WORK/headers" | head -1 | sed 's/^[^:]*: *//; s/\r$//'
}

# check NAME EXPECTED_STATUS JQ_FILTER (must print true)
check() {
	name=$1
	want=$2
	filter=${3:-}
	if [ "$STATUS" != "$want" ]; then
		not_ok "$name" "status $STATUS, expected $want" "$(head -c 400 "$WORK/body")"
		return
	fi
	if [ -n "$filter" ] && [ "$(jq -r "$filter" "$WORK/body" 2>&1)" != true ]; then
		not_ok "$name" "filter failed: $filter" "$(head -c 600 "$WORK/body")"
		return
	fi
	ok "$name"
}

# problem NAME STATUS [JQ]: a problem+json answer, database unchanged.
problem() {
	name=$1
	want=$2
	extra=${3:-true}
	ct=$(header Content-Type)
	if [ "$ct" != "application/problem+json" ]; then
		not_ok "$name" "content type '$ct'" "$(head -c 300 "$WORK/body")"
		return
	fi
	check "$name" "$want" "(.status == $want) and (.title | type == \"string\") and (.detail | type == \"string\") and ($extra)"
	if [ "$(dump)" != "$BEFORE" ]; then
		not_ok "$name: database unchanged" "the database changed"
	else
		ok "$name: database unchanged"
	fi
}

BEFORE=$(dump)

# ---- conventions on every response ----
req GET /api/v1/gemeenten
check "GET /gemeenten" 200 '.count == 7 and (.results | length) == 7 and .results[0].code == "GM0358" and .page == 1 and .pageSize == 100 and .next == null'
for h in "API-Version: 1.11.0" "Cache-Control: no-store" \
	"X-Content-Type-Options: nosniff" "X-Frame-Options: DENY" \
	"Referrer-Policy: no-referrer" "Content-Type: application/json"; do
	name=${h%%:*}
	if [ "$(header "$name")" = "${h#*: }" ]; then ok "header $h"; else not_ok "header $h" "got '$(header "$name")'"; fi
done
case "$(header Content-Security-Policy)" in
*"frame-ancestors 'none'"*) ok "header Content-Security-Policy" ;;
*) not_ok "header Content-Security-Policy" "$(header Content-Security-Policy)" ;;
esac
case "$(header Strict-Transport-Security)" in
max-age=*) ok "header Strict-Transport-Security" ;;
*) not_ok "header Strict-Transport-Security" ;;
esac
if [ -z "$(header Access-Control-Allow-Origin)" ]; then ok "no CORS header without Origin"; else not_ok "no CORS header without Origin"; fi

# ---- every route ----
req GET /api/v1
check "GET /api/v1" 200 '.versie == "1.11.0" and .links.besluiten == "/api/v1/besluiten"'
req GET /api/v1/openapi.json
check "GET /openapi.json" 200 '.openapi == "3.0.3" and .info.version == "1.11.0" and (.info.contact | has("email"))'
if [ "$(header Access-Control-Allow-Origin)" = "*" ]; then ok "openapi.json ACAO *"; else not_ok "openapi.json ACAO *" "$(header Access-Control-Allow-Origin)"; fi
if [ "$(header API-Version)" = "$(jq -r .info.version "$WORK/body")" ]; then ok "API-Version equals info.version"; else not_ok "API-Version equals info.version"; fi
req GET /api/v1/gemeenten/GM0397
check "GET /gemeenten/{code}" 200 '.naam == "Heemstede" and .inwoners == 27589 and .inwonertallen[0].peildatum == "2024-01-01"'
req GET /api/v1/regelingen
check "GET /regelingen" 200 '.count == 3 and ([.results[].code] | sort) == ["GBKZ","GRIT","IASZ"]'
req GET /api/v1/regelingen/GRIT
check "GET /regelingen/{code}" 200 '.naam == "Gemeenschappelijke Regeling IT" and (.leden | length) == 2'
req GET /api/v1/samenwerkingen
check "GET /samenwerkingen" 200 '([.results[].code]) == ["AA","HB","WOL"] and (.results[1].leden | length) == 2'
req GET "/api/v1/samenwerkingen/HB?peildatum=2021-03-01"
check "GET /samenwerkingen/HB on 2021-03-01: Informatisering shared" 200 '.peildatum == "2021-03-01" and (.eenheden[] | select(.code == "hb-informatisering") | .inrichting.vorm == "gedeeld" and .inrichting.besluit.identificatie == "BESLUIT-2012-0000000001")'
req GET "/api/v1/samenwerkingen/HB?peildatum=2021-05-01"
check "GET /samenwerkingen/HB on 2021-05-01: Informatisering in GRIT" 200 '(.eenheden[] | select(.code == "hb-informatisering") | .inrichting.vorm == "ondergebracht" and .inrichting.regeling == "GRIT" and .inrichting.besluit.identificatie == "BESLUIT-2021-0000000002")'
req GET "/api/v1/samenwerkingen/HB/eenheden?peildatum=2021-05-01&pageSize=2&page=2"
check "GET /samenwerkingen/{code}/eenheden paged" 200 '.count == 14 and .page == 2 and (.results | length) == 2 and (.next | startswith("/api/v1/samenwerkingen/HB/eenheden?page=3")) and (.previous | startswith("/api/v1/samenwerkingen/HB/eenheden?page=1"))'
req GET "/api/v1/samenwerkingen/HB/kaderartikelen?peildatum=2021-06-01"
check "GET /samenwerkingen/{code}/kaderartikelen" 200 '.count == 10 and (.results[] | select(.nummer == 6) | .versies[0].besluit == "830016" and (.versies[0].eenheden | index("hb-informatisering")) == null)'
req GET "/api/v1/eenheden?samenwerking=WOL"
check "GET /eenheden?samenwerking=WOL" 200 '.count == 7 and all(.results[]; .soort == "taak")'
req GET /api/v1/eenheden/hb-informatisering
check "GET /eenheden/{code}" 200 '(.inrichtingen | length) == 2 and .inrichtingen[0].tot == "2021-04-22" and .inrichtingen[1].regelingNaam == "Gemeenschappelijke Regeling IT"'
req GET /api/v1/eenheden/hb-informatisering/inrichtingen
check "GET /eenheden/{code}/inrichtingen" 200 '.count == 2'
req GET "/api/v1/werkstromen?samenwerking=WOL"
check "GET /werkstromen" 200 '.count == 9 and (.results[0].mijlpalen | length) >= 1'
req GET "/api/v1/taakvelden?jaar=2025"
check "GET /taakvelden?jaar=2025" 200 '(.results | map(.code) | index("6.21")) != null and (.results | map(.code) | index("6.2")) == null'
req GET "/api/v1/besluiten?verantwoordelijkeOrganisatie=GM0397&status=vastgesteld"
check "GET /besluiten filtered" 200 'all(.results[]; .verantwoordelijkeOrganisatie == "GM0397" and .status == "vastgesteld") and .count >= 3'
req GET "/api/v1/besluiten?datumVanaf=2021-05-01&datumTot=2021-06-01"
check "GET /besluiten by period" 200 '.count == 1 and .results[0].identificatie == "830016"'
req GET "/api/v1/besluiten?zoek=Informatisering&pageSize=1"
check "GET /besluiten search, one per page" 200 '.pageSize == 1 and (.results | length) == 1 and .count >= 2 and .next != null'
req GET /api/v1/besluiten/830016
check "GET /besluiten/{identificatie}" 200 '.identificatie == "830016" and .status == "vastgesteld" and .datum == "2021-05-27" and .portefeuillehouder == "A.C. Nienhuis" and .openbaarheid == "actief_openbaar" and ([.statusHistorie[].status] == ["voorgesteld","aangehouden","voorgesteld","vastgesteld"]) and .wijzigingen[0].soort == "kaderartikel"'
req GET /api/v1/besluiten/830016/statussen
check "GET /besluiten/{identificatie}/statussen" 200 '.count == 4 and .results[1].status == "aangehouden"'
req GET /api/v1/besluiten/BESLUIT-2021-0000000002/wijzigingen
check "GET /besluiten/{identificatie}/wijzigingen" 200 '.count == 1 and .results[0].object == "hb-informatisering"'

# ---- method, path and media rules ----
req GET /api/v1/gemeenten/
problem "trailing slash is 404, not a redirect" 404
req DELETE /api/v1/gemeenten
problem "DELETE /gemeenten is 405" 405
if [ "$(header Allow)" = "GET, HEAD, POST" ]; then ok "405 carries Allow"; else not_ok "405 carries Allow" "$(header Allow)"; fi
req PUT /api/v1/besluiten/830016
problem "PUT /besluiten/{id} is 405" 405
if [ "$(header Allow)" = "GET, HEAD, PATCH, DELETE" ]; then ok "405 lists PATCH and DELETE"; else not_ok "405 lists PATCH and DELETE" "$(header Allow)"; fi
req GET /api/v1/bestaat-niet
problem "unknown resource is 404" 404
req GET /api/v1/besluiten/BESTAAT-NIET
problem "unknown decision is 404" 404 '.detail | test("bestaat niet")'
req GET /api/v1/gemeenten/GM9999
problem "unknown municipality is 404" 404
req GET "/api/v1/gemeenten?kleur=rood"
problem "unknown query parameter is 400" 400 '.invalidParams[0].name == "kleur" and .invalidParams[0].code == "unknown-parameter"'
req GET "/api/v1/gemeenten?pageSize=501"
problem "pageSize above 500 is 400" 400 '.invalidParams[0].name == "pageSize"'
req GET "/api/v1/gemeenten?page=0&pageSize=x"
problem "page 0 and pageSize x: both named" 400 '(.invalidParams | map(.name) | sort) == ["page","pageSize"]'
req GET "/api/v1/samenwerkingen/HB?peildatum=2021-02-30"
problem "impossible date is 400" 400 '.invalidParams[0].name == "peildatum" and .invalidParams[0].code == "date"'
req GET "/api/v1/besluiten?status=klaar&bestuursorgaan=raad"
problem "bad enum filters: all listed" 400 '(.invalidParams | map(.name) | sort) == ["bestuursorgaan","status"]'
req GET "/api/v1/gemeenten?naam=%ZZ"
problem "malformed percent escape in query is 400" 400
req GET "/api/v1/besluiten?zoek=%C3%28"
problem "invalid UTF-8 in query is 400" 400 '.invalidParams[0].code == "encoding"'
req GET "/api/v1/besluiten/%C3%28"
problem "invalid UTF-8 in path is 400" 400
req GET "/static/../api/v1/gemeenten" --path-as-is
if [ "$STATUS" = 404 ]; then ok "path traversal /static/../ is 404"; else not_ok "path traversal /static/../ is 404" "status $STATUS"; fi
req GET "/static/%2e%2e/ambt.db" --path-as-is
if [ "$STATUS" = 404 ]; then ok "encoded traversal is 404"; else not_ok "encoded traversal is 404" "status $STATUS"; fi
long=$(head -c 3000 /dev/zero | tr '\0' 'a')
req GET "/api/v1/gemeenten?zoek=$long"
problem "overlong URL is 414" 414

# ---- writes: refused input changes nothing ----
req POST /api/v1/besluiten -H 'Content-Type: text/plain' --data '{}'
problem "POST without JSON content type is 415" 415
req POST /api/v1/besluiten --data '{}'
problem "POST with form content type is 415" 415
req POST /api/v1/besluiten -H 'Content-Type: application/json' --data '{"onderwerp": '
problem "malformed JSON is 400" 400 '.invalidParams[0].code == "json"'
req POST /api/v1/besluiten -H 'Content-Type: application/json' --data '[1,2]'
problem "JSON array body is 400" 400
req POST /api/v1/besluiten -H 'Content-Type: application/json' --data '{"a":1,"a":2}'
problem "duplicate keys are 400" 400
req POST /api/v1/besluiten -H 'Content-Type: application/json' \
	--data '{"verantwoordelijkeOrganisatie": 358, "bestuursorgaan": "raad", "datum": "2026-11-23", "onderwerp": "", "openbaarheid": "geheim", "kleur": "rood"}'
problem "wrong types, unknown field, future date: all listed" 400 '(.invalidParams | map(.name) | sort) as $n | ($n | index("kleur")) != null and ($n | index("verantwoordelijkeOrganisatie")) != null and ($n | index("bestuursorgaan")) != null and ($n | index("datum")) != null and ($n | index("onderwerp")) != null and ($n | index("geheimTot")) != null'
printf '{"onderwerp": "%s"}' "$(head -c 70000 /dev/zero | tr '\0' 'x')" >"$WORK/big.json"
req POST /api/v1/besluiten -H 'Content-Type: application/json' --data-binary "@$WORK/big.json"
problem "oversized body is 413" 413
printf '{"onderwerp": "\303\050"}' >"$WORK/bad-utf8.json"
req POST /api/v1/besluiten -H 'Content-Type: application/json' --data-binary "@$WORK/bad-utf8.json"
problem "invalid UTF-8 in JSON is 400" 400
req POST /api/v1/gemeenten -H 'Content-Type: application/json' --data '{"code": "GM0358", "naam": "Aalsmeer"}'
problem "duplicate municipality is 409" 409
req POST /api/v1/gemeenten -H 'Content-Type: application/json' --data '{"code": "GM12", "naam": ""}'
problem "bad municipality: code and name listed" 400 '(.invalidParams | map(.name) | sort) == ["code","naam"]'
req POST /api/v1/eenheden/hb-informatisering/inrichtingen -H 'Content-Type: application/json' --data '{"van": "2020-01-01", "vorm": "gedeeld", "besluit": "830016"}'
problem "change dated before the last one is 400" 400 '.invalidParams[0].name == "van" and .invalidParams[0].code == "order"'
req POST /api/v1/besluiten/830016/statussen -H 'Content-Type: application/json' --data '{"status": "aangehouden", "datum": "2026-01-01"}'
problem "adopted decision cannot be adjourned" 400 '.invalidParams[0].code == "transition"'

req PATCH /api/v1/besluiten/830016 -H 'Content-Type: text/plain' --data '{}'
problem "PATCH without JSON is 415" 415
req PATCH /api/v1/besluiten/830016 -H 'Content-Type: application/merge-patch+json' --data '{"datum": "2021-01-01", "status": "verworpen", "kleur": 1}'
problem "PATCH of fixed fields: all named" 400 '(.invalidParams | map(.name + "/" + .code) | sort) == ["datum/not-changeable","kleur/unknown-field","status/not-changeable"]'
req PATCH /api/v1/besluiten/830016 -H 'Content-Type: application/merge-patch+json' --data '{"openbaarheid": "geheim", "publicatiedatum": "2021-05-01"}'
problem "PATCH checked as a whole" 400 '(.invalidParams | map(.name) | sort) == ["geheimTot","publicatiedatum"]'
req DELETE /api/v1/besluiten/830016
problem "DELETE of an adopted decision is 409" 409 '.detail | test("vastgesteld")'

# ---- writes that succeed ----
req GET /besluiten/830016
grep -q 'Team P&amp;O' "$WORK/body" && ok "page shows the department (cached now)" || not_ok "page shows the department (cached now)"
req PATCH /api/v1/besluiten/830016 -H 'Content-Type: application/merge-patch+json' --data '{"publicatiedatum": "2021-06-02", "afdeling": null}'
check "PATCH corrects a decision" 200 '.publicatiedatum == "2021-06-02" and .afdeling == null and .portefeuillehouder == "A.C. Nienhuis" and .status == "vastgesteld"'
req GET /besluiten/830016
if grep -q 'Team P&amp;O' "$WORK/body" || ! grep -q '2 juni 2021' "$WORK/body"; then not_ok "the page shows the correction, not a cached copy"; else ok "the page shows the correction, not a cached copy"; fi
req GET /api/v1/besluiten/BESLUIT-2026-0000000001 -H "Authorization: Bearer $T_BEHEER"
check "the beheerder sees the proposal" 200 '.status == "voorgesteld"'
req DELETE /api/v1/besluiten/BESLUIT-2026-0000000001
check "DELETE of a proposal" 204 ''
req GET /api/v1/besluiten/BESLUIT-2026-0000000001 -H "Authorization: Bearer $T_BEHEER"
check "deleted proposal is gone" 404 ''
req DELETE /api/v1/besluiten/BESLUIT-2026-0000000001
check "deleting it again is 404" 404 
req POST /api/v1/besluiten -H 'Content-Type: application/json' \
	--data '{"verantwoordelijkeOrganisatie": "GM0358", "bestuursorgaan": "college", "datum": "2026-11-01", "onderwerp": "Urenverdeling 2027", "openbaarheid": "actief_openbaar", "status": "voorgesteld"}'
check "POST /besluiten creates with a generated identification" 201 '.identificatie == "BESLUIT-2026-0000000002" and .status == "voorgesteld" and .organisatieNaam == "Aalsmeer"'
if [ "$(header Location)" = "/api/v1/besluiten/BESLUIT-2026-0000000002?verantwoordelijkeOrganisatie=GM0358" ]; then ok "201 carries Location"; else not_ok "201 carries Location" "$(header Location)"; fi
req POST /api/v1/besluiten/BESLUIT-2026-0000000002/statussen -H 'Content-Type: application/json' --data '{"status": "vastgesteld", "datum": "2026-11-20", "toelichting": "Raad akkoord"}'
check "POST /statussen adopts the decision" 201 '.status == "vastgesteld" and .datum == "2026-11-20" and (.statusHistorie | length) == 2'
BEFORE=$(dump)
req POST /api/v1/eenheden/hb-communicatie/inrichtingen -H 'Content-Type: application/json' --data '{"van": "2026-01-01", "vorm": "eigen", "gemeente": "GM0397", "besluit": "BESLUIT-2026-0000000002"}'
problem "an HB unit cannot be changed by an Aalsmeer decision (as if it did not exist)" 400 '.invalidParams[0].name == "besluit" and .invalidParams[0].reason == "Besluit BESLUIT-2026-0000000002 bestaat niet."'
req POST /api/v1/eenheden/hb-communicatie/inrichtingen -H 'Content-Type: application/json' --data '{"van": "2026-01-01", "vorm": "eigen", "gemeente": "GM0397", "besluit": "830016"}'
check "POST /inrichtingen changes a unit from a date" 201 '(.inrichtingen | length) == 2 and .inrichtingen[0].tot == "2026-01-01" and .inrichtingen[1].gemeenteNaam == "Heemstede"'
req POST /api/v1/gemeenten -H 'Content-Type: application/json' --data '{"code": "GM0392", "naam": "Haarlem", "inwoners": 162902, "peildatum": "2024-01-01"}'
check "POST /gemeenten" 201 '.code == "GM0392" and .inwoners == 162902'

# ---- hours: import, totals, deviations, staff ----
FIXD=$(realpath "$(dirname "$0")/../cli/fixtures")
TC="Authorization: Bearer $T_CONTROLLER"
AS=
req POST "/api/v1/uren/importen?bestand=jan.csv" -H "$TC" -H 'Content-Type: text/csv' --data-binary "@$FIXD/hb-uren-2025-01.csv"
check "POST /uren/importen stores a file" 201 '.batch == 8 and .rijen == 6 and .honderdsten == 3025 and .uren == "30.25" and .afwijkingen == 1 and .bestand == "jan.csv" and .alIngelezen == false'
if [ "$(header Location)" = "/api/v1/uren/importen/8" ]; then ok "201 carries the batch's Location"; else not_ok "201 carries the batch's Location" "$(header Location)"; fi
BEFORE=$(dump)
req POST /api/v1/uren/importen -H "$TC" -H 'Content-Type: text/csv' --data-binary "@$FIXD/hb-uren-2025-01.csv"
check "the same file again: 200, stored once" 200 '.batch == 8 and .alIngelezen == true'
if [ "$(dump)" = "$BEFORE" ]; then ok "the same file again changes nothing"; else not_ok "the same file again changes nothing"; fi
req POST /api/v1/uren/importen -H "$TC" -H 'Content-Type: text/csv' --data-binary "@$FIXD/hb-uren-2025-fouten.csv"
problem "a file with errors: every problem by line and column (Haarlem was added above)" 400 '(.invalidParams | length) == 7 and .invalidParams[0].name == "regel 2, kolom uren" and .invalidParams[0].regel == 2 and .invalidParams[0].kolom == "uren" and .invalidParams[6].code == "too-many-fields" and (.detail | test("7 problemen"))'
req POST "/api/v1/uren/importen?dryRun=true" -H "$TC" -H 'Content-Type: text/csv' --data-binary "@$FIXD/hb-uren-kop-anders.csv"
check "dryRun checks without storing" 200 '.proef == true and .rijen == 2 and .genegeerdeKolommen == ["Kostenplaats"]'
if [ "$(dump)" = "$BEFORE" ]; then ok "dryRun changes nothing"; else not_ok "dryRun changes nothing"; fi
req POST /api/v1/uren/importen -H "$TC" -H 'Content-Type: application/json' --data '{}'
problem "hours must be text/csv" 415
printf 'medewerker;datum;gemeente;eenheid;uren\nAA-001;6-1-2025;GM0358;aa-ict;8\n' >"$WORK/aa.csv"
req POST /api/v1/uren/importen -H "$TC" -H 'Content-Type: text/csv' --data-binary "@$WORK/aa.csv"
problem "a controller of HB may not book AA's units" 400 '.invalidParams[0].code == "forbidden-unit"'
req POST /api/v1/uren/importen -H "Authorization: Bearer $T_AALSMEER" -H 'Content-Type: text/csv' --data-binary "@$FIXD/hb-uren-nieuw.csv"
problem "an accounthouder may not import hours" 403
{
	echo "medewerker;datum;gemeente;eenheid;uren"
	for i in $(seq 1 2000); do echo "HB-005;13-1-2025;GM0397;hb-communicatie;0,01"; done
} >"$WORK/groot.csv"
req POST "/api/v1/uren/importen?dryRun=true" -H "$TC" -H 'Content-Type: text/csv' --data-binary "@$WORK/groot.csv"
check "a file larger than --max-body is taken (up to --max-upload)" 200 '.rijen == 2000 and .honderdsten == 2000'
req POST /api/v1/gemeenten -H 'Content-Type: application/json' --data-binary "@$WORK/groot.csv"
problem "other routes keep --max-body" 413
req GET /api/v1/uren/importen -H "$TC"
check "GET /uren/importen: HB's batches only, for HB's controller" 200 '.count == 3 and .results[0].batch == 8 and all(.results[]; .samenwerking == "HB")'
req GET /api/v1/uren/importen/8 -H "$TC"
check "GET /uren/importen/{batch}" 200 '.rijen == 6 and .vervangenDoor == null'
req GET /api/v1/uren/importen/99 -H "$TC"
problem "unknown batch is 404" 404
req GET "/api/v1/uren/totalen?samenwerking=HB&jaar=2024&per=kwartaal" -H "Authorization: Bearer $T_RAAD"
check "GET /uren/totalen for a raadslid of a member" 200 '.jaar == 2024 and .per == "kwartaal" and (.verdeling | length) == 2 and (.verdeling | map(.aandeelBasispunten) | add) == 10000 and .verdeling[0].vorigJaarHonderdsten > 0 and (.totalen[0].periode | test("2024-K[1-4]"))'
req GET "/api/v1/uren/totalen?samenwerking=HB" -H "Authorization: Bearer $T_AALSMEER"
problem "an accounthouder of Aalsmeer may not read HB's hours" 403
req GET "/api/v1/uren/totalen?samenwerking=HB"
problem "hours need a login" 401
req GET "/api/v1/uren/totalen?jaar=2024" -H "$TC"
problem "totals name the cooperation" 400 '.invalidParams[0].name == "samenwerking"'
req GET "/api/v1/uren/afwijkingen?samenwerking=HB&jaar=2024" -H "$TC"
check "GET /uren/afwijkingen" 200 '(.afwijkingen | length) == 2 and .honderdsten == 950 and (.afwijkingen[] | select(.eenheid == "hb-ruimte-heemstede") | .kaderArtikel == 8 and .reden == "andere_gemeente" and .dagen == 2)'

# ---- the contribution calculation ----
req GET "/api/v1/kostenposten?samenwerking=HB&jaar=2024" -H "$TC"
check "GET /kostenposten" 200 '.count == 11 and (.results | map(.bedragCenten) | add) == 1044970000 and .results[0].code == "COM"'
req GET "/api/v1/kostenposten?samenwerking=HB&jaar=2024" -H "Authorization: Bearer $T_AALSMEER"
problem "an accounthouder of Aalsmeer may not read HB's costs" 403
BEFORE=$(dump)
printf 'code;eenheid;kostensoort;bedrag\nCOM;hb-communicatie;personeel;700.000\nCOM;hb-communicatie;materieel;veel\nX;aa-ict;ict;5\n' >"$WORK/kp-fout.csv"
req POST "/api/v1/kostenposten?samenwerking=HB&jaar=2025" -H "$TC" -H 'Content-Type: text/csv' --data-binary "@$WORK/kp-fout.csv"
problem "cost pools with errors: every problem at once, nothing stored" 400 '(.invalidParams | length) == 3 and .invalidParams[0].name == "regel 3: bedrag" and .invalidParams[1].name == "regel 3: code" and .invalidParams[2].name == "regel 4: eenheid"'
printf 'code;eenheid;kostensoort;bedrag\nCOM;hb-communicatie;personeel;700.000\nPO;hb-personeel-en-organisatie;personeel;1.250.000,50\n' >"$WORK/kp.csv"
req POST "/api/v1/kostenposten?samenwerking=HB&jaar=2025" -H "$TC" -H 'Content-Type: text/csv' --data-binary "@$WORK/kp.csv"
check "POST /kostenposten replaces a year's pools" 200 'length == 2 and .[1].bedragCenten == 125000050'
req POST /api/v1/scenarios -H "$TC" -H 'Content-Type: application/json' --data '{"samenwerking": "HB", "jaar": 2024, "naam": "communicatie-heemstede", "wijzigingen": [{"soort": "eigen", "eenheid": "hb-communicatie", "gemeente": "GM0397", "vanaf": "2024-07-01"}]}'
check "POST /scenarios" 201 '.naam == "communicatie-heemstede" and .wijzigingen[0].soort == "eigen" and .wijzigingen[0].vanaf == "2024-07-01"'
BEFORE=$(dump)
req POST /api/v1/scenarios -H "$TC" -H 'Content-Type: application/json' --data '{"samenwerking": "HB", "jaar": 2024, "naam": "communicatie-heemstede", "wijzigingen": [{"soort": "gedeeld", "eenheid": "hb-communicatie", "vanaf": "2024-07-01"}]}'
problem "a scenario's name is unique in its year" 409
req POST /api/v1/scenarios -H "$TC" -H 'Content-Type: application/json' --data '{"samenwerking": "HB", "jaar": 2024, "naam": "x", "wijzigingen": [{"soort": "eigen", "eenheid": "aa-ict", "gemeente": "GM0397", "vanaf": "2024-07-01"}, {"soort": "verhuizen"}]}'
problem "a scenario names units of its own cooperation and known kinds of change" 400 '(.invalidParams | length) >= 1'
req GET "/api/v1/scenarios?samenwerking=HB&jaar=2024" -H "$TC"
check "GET /scenarios" 200 '.count == 1 and .results[0].naam == "communicatie-heemstede"'
req POST /api/v1/kostenverdelingen -H "$TC" -H 'Content-Type: application/json' --data '{"samenwerking": "HB", "jaar": 2024, "scenario": "communicatie-heemstede"}'
check "POST /kostenverdelingen computes a scenario and stores it" 201 '.nummer == 6 and .scenario == "communicatie-heemstede" and .uitkomst.grand_total == 1044970000 and .invoerSha256 == .uitkomst.input_sha256 and .vastgesteld == null'
if [ "$(header Location)" = "/api/v1/kostenverdelingen/6" ]; then ok "201 carries the calculation's Location"; else not_ok "201 carries the calculation's Location" "$(header Location)"; fi
BEFORE=$(dump)
req POST /api/v1/kostenverdelingen -H "$TC" -H 'Content-Type: application/json' --data '{"samenwerking": "HB", "jaar": 2024}'
check "POST /kostenverdelingen for the year itself, whose input the demo stored: 200 with that calculation" 200 '.nummer == 4 and .scenario == null and (.uitkomst.per_municipality | keys) == ["GM0377", "GM0397"]'
if [ "$(header Location)" = "/api/v1/kostenverdelingen/4" ]; then ok "... and its Location"; else not_ok "... and its Location" "$(header Location)"; fi
if [ "$(dump)" = "$BEFORE" ]; then ok "... and nothing new stored"; else not_ok "... and nothing new stored"; fi
req GET /api/v1/kostenverdelingen/4 -H "Authorization: Bearer $T_RAAD"
check "GET /kostenverdelingen/{nummer} for a raadslid of a member (recomputed)" 200 '.invoer.year == 2024 and .uitkomst.grand_total == .totaalCenten and (.uitkomst.leaves | length) > 0'
req GET "/api/v1/kostenverdelingen/4/vergelijking?met=6" -H "$TC"
check "GET /kostenverdelingen/{nummer}/vergelijking" 200 '.eerste.nummer == 4 and .tweede.nummer == 6 and ([.verschillen[] | select(.dimensie == "totaal") | .verschilCenten] | add) == 0 and ([.verschillen[] | select(.dimensie == "totaal" and .gemeente == "GM0397") | .verschilCenten][0] > 0)'
BEFORE=$(dump)
req POST /api/v1/kostenverdelingen/6/vaststelling -H "$TC" -H 'Content-Type: application/json' --data '{"besluit": "830016"}'
problem "a scenario cannot be adopted" 409
req POST /api/v1/kostenverdelingen -H "$TC" -H 'Content-Type: application/json' --data '{"samenwerking": "HB", "jaar": 2019}'
problem "a year without cost pools" 404
req POST /api/v1/kostenverdelingen -H "$TC" -H 'Content-Type: application/json' --data '{"samenwerking": "AA", "jaar": 2024}'
problem "a controller of HB may not compute AA's contribution" 403
req POST /api/v1/kostenverdelingen/4/vaststelling -H "$TC" -H 'Content-Type: application/json' --data '{"besluit": "830016"}'
check "POST /kostenverdelingen/{nummer}/vaststelling" 200 '.vastgesteld.besluit == "830016" and .nummer == 4'
BEFORE=$(dump)
req POST /api/v1/kostenverdelingen/4/vaststelling -H "$TC" -H 'Content-Type: application/json' --data '{"besluit": "830016"}'
problem "an adopted calculation is not adopted again" 409
if db_sql "$DB" "UPDATE kostenverdeling SET totaal = 0 WHERE id = 4" 2>/dev/null; then not_ok "the database refuses to change an adopted calculation"; else ok "the database refuses to change an adopted calculation"; fi
if db_sql "$DB" "DELETE FROM kostenverdeling WHERE id = 4" 2>/dev/null; then not_ok "the database refuses to delete an adopted calculation"; else ok "the database refuses to delete an adopted calculation"; fi
req GET "/api/v1/kostenverdelingen?samenwerking=HB" -H "$TC"
check "GET /kostenverdelingen" 200 '.count == 2 and ([.results[] | select(.nummer == 4)][0].vastgesteld.besluit == "830016")'

# The same calculations on pages, as people read them: Amsterdam time,
# amounts in one Dutch form, a chart whose totals fit in its drawing, and
# a comparison that reads from old to new whichever way it is asked.
# page_has NAME PATH TEXT...: the page answers 200 and holds every TEXT
# (asked as the controller, or with the header PAGE_AUTH).
page_has() {
	name=$1
	p=$2
	shift 2
	req GET "$p" -H "${PAGE_AUTH:-$TC}"
	if [ "$STATUS" != 200 ]; then
		not_ok "$name" "status $STATUS"
		return
	fi
	for t in "$@"; do
		if ! grep -qF -- "$t" "$WORK/body"; then
			not_ok "$name" "missing: $t"
			return
		fi
	done
	ok "$name"
}
# page_lacks NAME TEXT...: the page last asked holds none of TEXT.
page_lacks() {
	name=$1
	shift
	for t in "$@"; do
		if grep -qF -- "$t" "$WORK/body"; then
			not_ok "$name" "holds: $t"
			return
		fi
	done
	ok "$name"
}
page_has "page /kostenverdelingen/4: Amsterdam time, totals row, chart on a euro axis" /kostenverdelingen/4 \
	'Berekend op 22 november 2026, 10:30.' \
	'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 440 160" role="img"' \
	'>€ 0</text>' '>€ 2 mln</text>' '>€ 6 mln</text>' '>Bijdrage in euro (€)</text>' \
	'<tr class="utrecht-table__row ambt-rij-totaal"><th class="utrecht-table__header-cell" scope="row">Totaal</th><td class="utrecht-table__cell ambt-bedrag">€ 10.449.700,00</td>' \
	'<div class="ambt-tabel-rol" role="region" tabindex="0" aria-label="Dezelfde cijfers als de grafiek: de bijdrage per afdeling waar de kosten vandaan komen">'
if grep -q '(UTC)\|T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' "$WORK/body"; then not_ok "page /kostenverdelingen/4 shows no UTC time"; else ok "page /kostenverdelingen/4 shows no UTC time"; fi
# Every total at the end of a bar fits in the drawing: its x plus 0.7 em
# (14 px) a character stays within the 440 of the viewBox.
past=$(grep -o '<text class="ambt-balk-label" x="[0-9]*" y="[0-9]*">€ [^<]*</text>' "$WORK/body" |
	sed 's/.*x="\([0-9]*\)".*>\(€ [^<]*\)<.*/\1 \2/' |
	while read -r x label; do
		len=$(printf '%s' "$label" | LC_ALL=C.UTF-8 wc -m)
		echo $((x + (len * 98 + 9) / 10))
	done)
if [ "$(echo "$past" | wc -l)" = 2 ] && [ "$(echo "$past" | sort -n | tail -1)" -le 440 ]; then ok "the totals beside the bars fit in the chart"; else not_ok "the totals beside the bars fit in the chart" "$past"; fi
for pair in "4?met=6" "6?met=4"; do
	page_has "page /kostenverdelingen/${pair%%\?*}/vergelijking?${pair#*\?}: old before new, named, new minus old" "/kostenverdelingen/${pair%%\?*}/vergelijking?${pair#*\?}" \
		'<h1 class="utrecht-heading-1">Kostenverdelingen vergelijken: 2024 vastgesteld en 2024 scenario communicatie-heemstede</h1>' \
		'<th class="utrecht-table__header-cell ambt-bedrag" scope="col">2024 vastgesteld</th>
<th class="utrecht-table__header-cell ambt-bedrag" scope="col">2024 scenario communicatie-heemstede</th>' \
		'<th class="utrecht-table__header-cell" scope="row">Heemstede</th><td class="utrecht-table__cell">Totaal</td><td class="utrecht-table__cell"></td><td class="utrecht-table__cell ambt-bedrag">€ ' \
		'<td class="utrecht-table__cell">Taakveld</td><td class="utrecht-table__cell">0.4 Overhead</td>' \
		'<th class="utrecht-table__header-cell" scope="row">Alle gemeenten</th><td class="utrecht-table__cell">Totaal</td><td class="utrecht-table__cell"></td><td class="utrecht-table__cell ambt-bedrag">€ 10.449.700,00</td><td class="utrecht-table__cell ambt-bedrag">€ 10.449.700,00</td><td class="utrecht-table__cell ambt-bedrag">€ 0,00</td>'
	# Heemstede pays more in the scenario (the API's check above): ▲.
	if grep 'scope="row">Heemstede</th><td class="utrecht-table__cell">Totaal</td>' "$WORK/body" | grep -q 'ambt-hoger"><span aria-hidden="true">▲ </span><span class="ambt-verborgen">meer: </span>€ '; then ok "Heemstede's increase shows as ▲ (${pair})"; else not_ok "Heemstede's increase shows as ▲ (${pair})"; fi
done
# Why a municipality pays this, as its account holder reads it: the tab
# names the municipality, every department and taakveld (by name) with
# the municipality's share in euro and percent and a totals row, the
# decision as a link; no fractions, codes, hashes or engine words.
PAGE_AUTH="Authorization: Bearer $T_AALSMEER"
page_has "page /kostenverdelingen/2/gemeenten/GM0358 for the account holder: amounts and percentages per department and taakveld" /kostenverdelingen/2/gemeenten/GM0358 \
	'<title>Waarom betaalt Aalsmeer dit? – Ambt</title>' \
	'<h1 class="utrecht-heading-1">Waarom betaalt Aalsmeer dit?</h1>' \
	'<p class="utrecht-paragraph">Kostenverdeling AA 2024, vastgesteld bij besluit <a class="utrecht-link" href="/besluiten/BIJDRAGE-AALSMEER-2024?verantwoordelijkeOrganisatie=GM0362">Vaststelling dienstverleningsbijdrage Aalsmeer 2024 (nacalculatie)</a>.</p>' \
	'<p class="utrecht-paragraph">Aalsmeer betaalt <strong>€ 5.814.468,46</strong>. Er is € 6.400.000,00 voorschot betaald, dus krijgt Aalsmeer € 585.531,54 terug.</p>' \
	'<p class="utrecht-paragraph">Dat is 62,4 % van alle kosten van de samenwerking in 2024: € 9.316.995,67. Hieronder staat waar het bedrag van Aalsmeer vandaan komt.</p>' \
	'<th class="utrecht-table__header-cell ambt-bedrag" scope="col">Deel van Aalsmeer</th>' \
	'<tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row">ICT/Digitalisering (ondersteunend)<br><span class="ambt-toelichting">Verdeeld via de afdelingen die zij ondersteunt.</span></th><td class="utrecht-table__cell ambt-bedrag">€ 742.432,11</td><td class="utrecht-table__cell ambt-bedrag">53,3 %</td><td class="utrecht-table__cell ambt-bedrag">€ 1.392.345,67</td></tr>' \
	'<tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row">Ruimte<br><span class="ambt-toelichting">Verdeeld naar de gewerkte uren: Aalsmeer 1.792,50 van de 4.236,00 uur (42,3 %). Met € 11.400,00 maatwerk: werk alleen voor Aalsmeer.</span></th><td class="utrecht-table__cell ambt-bedrag">€ 741.390,97</td><td class="utrecht-table__cell ambt-bedrag">42,7 %</td><td class="utrecht-table__cell ambt-bedrag">€ 1.736.500,00</td></tr>' \
	'<tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row">Strategie en bestuursadvisering<br><span class="ambt-toelichting">Helemaal voor Aalsmeer.</span></th><td class="utrecht-table__cell ambt-bedrag">€ 510.000,00</td><td class="utrecht-table__cell ambt-bedrag">100,0 %</td><td class="utrecht-table__cell ambt-bedrag">€ 510.000,00</td></tr>' \
	'<tr class="utrecht-table__row ambt-rij-totaal"><th class="utrecht-table__header-cell" scope="row">Alle afdelingen samen</th><td class="utrecht-table__cell ambt-bedrag">€ 5.814.468,46</td><td class="utrecht-table__cell ambt-bedrag">62,4 %</td><td class="utrecht-table__cell ambt-bedrag">€ 9.316.995,67</td></tr>' \
	'<tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row">0.2 Burgerzaken</th><td class="utrecht-table__cell ambt-bedrag">€ 1.007.546,83</td><td class="utrecht-table__cell ambt-bedrag">57,5 %</td><td class="utrecht-table__cell ambt-bedrag">€ 1.753.150,00</td></tr>' \
	'<tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row">0.4 Overhead</th><td class="utrecht-table__cell ambt-bedrag">€ 742.432,11</td><td class="utrecht-table__cell ambt-bedrag">53,3 %</td><td class="utrecht-table__cell ambt-bedrag">€ 1.392.345,67</td></tr>' \
	'<tr class="utrecht-table__row ambt-rij-totaal"><th class="utrecht-table__header-cell" scope="row">Alle taakvelden samen</th><td class="utrecht-table__cell ambt-bedrag">€ 5.814.468,46</td><td class="utrecht-table__cell ambt-bedrag">62,4 %</td><td class="utrecht-table__cell ambt-bedrag">€ 9.316.995,67</td></tr>' \
	'<li class="utrecht-unordered-list__item">28,8 % naar Publieke dienstverlening (loketten)</li><li class="utrecht-unordered-list__item">26,9 % naar Ruimte</li><li class="utrecht-unordered-list__item">44,2 % naar Sociaal domein</li>'
page_lacks "page /kostenverdelingen/2/gemeenten/GM0358 for the account holder: no fractions, codes, hashes or engine words" \
	'Details voor controllers' 'maatwerk:aa-ruimte:GM0358' 'ICT-LIC' '15/52' '25788963639498089299/44353088832' \
	'SHA-256' "$(curl -s -H "Authorization: Bearer $T_AALSMEER" "$BASE/api/v1/kostenverdelingen/2" | jq -r .invoerSha256)" \
	'step_down' 'reciprocal' 'hours_realized' 'hours_budgeted' 'fixed_pct' 'Waarom betalen wij' '<code' '<details'
PAGE_AUTH=
# The other member of AA, read by the beheerder: a department all for
# Aalsmeer is 0 %, and the details are there, closed.
PAGE_AUTH="Authorization: Bearer $T_BEHEER"
page_has "page /kostenverdelingen/2/gemeenten/GM0362 for the beheerder: Amstelveen's share, and the details for controllers" /kostenverdelingen/2/gemeenten/GM0362 \
	'<title>Waarom betaalt Amstelveen dit? – Ambt</title>' \
	'<p class="utrecht-paragraph">Dat is 37,6 % van alle kosten van de samenwerking in 2024: € 9.316.995,67. Hieronder staat waar het bedrag van Amstelveen vandaan komt.</p>' \
	'<tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row">Kernorganisatie Aalsmeer<br><span class="ambt-toelichting">Helemaal voor Aalsmeer.</span></th><td class="utrecht-table__cell ambt-bedrag">€ 0,00</td><td class="utrecht-table__cell ambt-bedrag">0,0 %</td><td class="utrecht-table__cell ambt-bedrag">€ 1.320.000,00</td></tr>' \
	'<details class="ambt-details">
<summary>Details voor controllers</summary>' \
	'Door het afronden per kostenpost is de bijdrage 1 cent hoger dan de exacte som op hele centen afgerond.' \
	'Kenmerk van de invoer (SHA-256): <code class="ambt-kenmerk">' \
	'<li class="utrecht-unordered-list__item">ICT/Digitalisering: Publieke dienstverlening (loketten) <code>15/52</code>; Ruimte <code>7/26</code>; Sociaal domein <code>23/52</code>; </li>'
# The controller of HB sees the details of its own calculation.
PAGE_AUTH=
page_has "page /kostenverdelingen/4/gemeenten/GM0397 for the controller: the details for controllers" /kostenverdelingen/4/gemeenten/GM0397 \
	'<title>Waarom betaalt Heemstede dit? – Ambt</title>' \
	'<summary>Details voor controllers</summary>' \
	'<h3 class="utrecht-heading-3">Elke kostenpost</h3>'
# A council member of the other member of HB: the share, no details.
PAGE_AUTH="Authorization: Bearer $T_RAAD"
page_has "page /kostenverdelingen/4/gemeenten/GM0377 for a council member: the share in percent" /kostenverdelingen/4/gemeenten/GM0377 \
	'<title>Waarom betaalt Bloemendaal dit? – Ambt</title>' \
	'<tr class="utrecht-table__row ambt-rij-totaal"><th class="utrecht-table__header-cell" scope="row">Alle afdelingen samen</th><td class="utrecht-table__cell ambt-bedrag">€ 5.337.468,28</td><td class="utrecht-table__cell ambt-bedrag">51,1 %</td><td class="utrecht-table__cell ambt-bedrag">€ 10.449.700,00</td></tr>' \
	'<th class="utrecht-table__header-cell" scope="row">0.4 Overhead</th>'
page_lacks "page /kostenverdelingen/4/gemeenten/GM0377 for a council member: no details" '<details' 'Details voor controllers' 'SHA-256'
PAGE_AUTH=
page_has "page /samenwerkingen/HB/uren: the chart has an axis in hours and its table a year total" "/samenwerkingen/HB/uren?jaar=2024" \
	'<text class="ambt-as-label" x="0" y="16">uren</text>' \
	'>3.000</text>' '>0</text>' \
	'<tr class="utrecht-table__row ambt-rij-totaal"><th class="utrecht-table__header-cell" scope="row">Heel 2024</th>'
page_has "page /uren: when each batch was read in, counts with a thousands separator" /uren \
	'<td class="utrecht-table__cell ambt-nowrap">22 november 2026, 10:30</td>' \
	'<td class="utrecht-table__cell ambt-getal">11.298</td>'
PAGE_AUTH="Authorization: Bearer $T_BEHEER"
page_has "page /uren for the beheerder: the desk's batch of AA marked as such" /uren \
	'<td class="utrecht-table__cell">telt mee (uren van de balie)</td></tr>'
PAGE_AUTH=
page_lacks "page /uren: the desk's batch (7) is not offered for replacing" \
	'href="/uren?vervang=7#vervang-kop"' '<option value="7">'
req GET "/api/v1/medewerkers?samenwerking=HB&zoek=HB-03" -H "$TC"
check "GET /medewerkers" 200 '.count == 10 and .results[0].personeelsnummer == "HB-030"'
req GET /api/v1/medewerkers -H "$TC"
problem "a controller names the cooperation" 400
req GET "/api/v1/medewerkers?samenwerking=AA" -H "$TC"
problem "a controller of HB may not see AA's staff" 403
req POST /api/v1/medewerkers -H "$TC" -H 'Content-Type: application/json' --data '{"personeelsnummer": "HB-300", "naam": "Sanne de Groot", "werkgever": "GM0397", "eenheid": "hb-communicatie", "fteDuizendsten": 800, "van": "2025-02-01"}'
check "POST /medewerkers" 201 '.personeelsnummer == "HB-300" and .fteDuizendsten == 800 and .werkgeverNaam == "Heemstede"'
req PATCH /api/v1/medewerkers/HB-300 -H "$TC" -H 'Content-Type: application/merge-patch+json' --data '{"tot": "2025-12-01", "standplaats": "Heemstede"}'
check "PATCH /medewerkers/{nummer}" 200 '.tot == "2025-12-01" and .standplaats == "Heemstede" and .naam == "Sanne de Groot"'
BEFORE=$(dump)
req POST /api/v1/medewerkers -H "$TC" -H 'Content-Type: application/json' --data '{"personeelsnummer": "HB-301", "naam": "", "werkgever": "GM9999", "eenheid": "hb-communicatie", "fteDuizendsten": 800, "standplaats": "'"$(printf '%201s' | tr ' ' x)"'", "van": "2025-02-01"}'
problem "POST /medewerkers with errors lists them all" 400 '(.invalidParams | map(.name + "/" + .code) | sort) == ["naam/required","standplaats/too-long","werkgever/unknown"]'
req GET /api/v1/medewerkers/HB-300 -H "$TC"
check "GET /medewerkers/{nummer}" 200 '.tot == "2025-12-01"'
AS=beheer

# ---- who may do what ----
BEFORE=$(dump)
AS=
req POST /api/v1/besluiten -H 'Content-Type: application/json' --data '{}'
problem "anonymous write is 401" 401
case "$(header WWW-Authenticate)" in Bearer*) ok "401 names the Bearer scheme" ;; *) not_ok "401 names the Bearer scheme" ;; esac
req GET /api/v1/gemeenten -H "Authorization: Bearer $T_INGETROKKEN"
problem "revoked token is 401" 401
req GET /api/v1/gemeenten -H "Authorization: Bearer $T_GESLOTEN"
problem "token of a closed account is 401" 401
req GET /api/v1/gemeenten -H "Authorization: Bearer nietgeldig"
problem "malformed token is 401" 401
req GET "/api/v1/besluiten?pageSize=500"
check "the public sees only published decisions" 200 'all(.results[]; .openbaarheid == "actief_openbaar" and (.status == "vastgesteld" or .status == "ingetrokken"))'
req GET /api/v1/besluiten/BESLUIT-2021-0000000001
problem "a secret decision does not exist for the public" 404
req GET /api/v1/besluiten/BESLUIT-2021-0000000001 -H "Authorization: Bearer $T_RAAD"
problem "a raadslid cannot read an unpublished decision" 404
req GET /besluiten/BESLUIT-2021-0000000001
[ "$STATUS" = 404 ] && ok "nor as a page" || not_ok "nor as a page" "status $STATUS"
req GET "/api/v1/besluiten?pageSize=500" -H "Authorization: Bearer $T_BEHEER"
check "the beheerder sees every decision" 200 'any(.results[]; .openbaarheid == "geheim")'
req GET "/api/v1/besluiten?pageSize=500&verantwoordelijkeOrganisatie=GM0358" -H "Authorization: Bearer $T_AALSMEER"
check "an accounthouder sees all of its own municipality" 200 'any(.results[]; .openbaarheid == "passief_openbaar")'
req GET "/api/v1/besluiten?pageSize=500&verantwoordelijkeOrganisatie=GM0362" -H "Authorization: Bearer $T_AALSMEER"
check "but only what is published of another" 200 'all(.results[]; .openbaarheid == "actief_openbaar" and .status != "voorgesteld")'
req GET "/api/v1/besluiten?pageSize=500&verantwoordelijkeOrganisatie=GM0397" -H "Authorization: Bearer $T_CONTROLLER"
check "a controller sees all but secret ones of its members" 200 'all(.results[]; .openbaarheid != "geheim")'
AMST=$(curl -s "$BASE/api/v1/besluiten?verantwoordelijkeOrganisatie=GM0362&status=vastgesteld" | jq -r '.results[0].identificatie')
req PATCH "/api/v1/besluiten/$AMST" -H "Authorization: Bearer $T_AALSMEER" -H 'Content-Type: application/merge-patch+json' --data '{"toelichting": "Aalsmeer was hier"}'
problem "Aalsmeer's accounthouder cannot change Amstelveen's decision" 403
req POST /api/v1/besluiten -H "Authorization: Bearer $T_AALSMEER" -H 'Content-Type: application/json' \
	--data '{"verantwoordelijkeOrganisatie": "GM0362", "bestuursorgaan": "college", "datum": "2026-11-01", "onderwerp": "Namens Amstelveen", "openbaarheid": "actief_openbaar"}'
problem "nor record decisions for Amstelveen" 403
req POST /api/v1/eenheden/aa-ict/inrichtingen -H "Authorization: Bearer $T_AALSMEER" -H 'Content-Type: application/json' --data '{"van": "2026-01-01", "vorm": "eigen", "gemeente": "GM0358", "besluit": "830016"}'
problem "nor rearrange the cooperation's units" 403
req POST /api/v1/gemeenten -H "Authorization: Bearer $T_AALSMEER" -H 'Content-Type: application/json' --data '{"code": "GM0393", "naam": "Haarlemmermeer"}'
problem "nor add municipalities" 403
req POST /api/v1/gemeenten -H "Authorization: Bearer $T_RAAD" -H 'Content-Type: application/json' --data '{"code": "GM0393", "naam": "Haarlemmermeer"}'
problem "a raadslid changes nothing" 403
req POST /api/v1/besluiten -H "Authorization: Bearer $T_AALSMEER" -H 'Content-Type: application/json' \
	--data '{"verantwoordelijkeOrganisatie": "GM0358", "bestuursorgaan": "college", "datum": "2026-11-01", "onderwerp": "Eigen besluit", "openbaarheid": "passief_openbaar"}'
check "Aalsmeer's accounthouder records an Aalsmeer decision" 201 '.verantwoordelijkeOrganisatie == "GM0358"'
T_LEZEN=$("$AMBT" gebruiker token accounthouder.aalsmeer --naam lezen --alleen-lezen --db "$DB" | tail -1)
BEFORE=$(dump)
req POST /api/v1/besluiten -H "Authorization: Bearer $T_LEZEN" -H 'Content-Type: application/json' \
	--data '{"verantwoordelijkeOrganisatie": "GM0358", "bestuursorgaan": "college", "datum": "2026-11-01", "onderwerp": "Met een leestoken", "openbaarheid": "passief_openbaar"}'
problem "a read-only token cannot write" 403
req GET "/api/v1/besluiten?pageSize=500&verantwoordelijkeOrganisatie=GM0358" -H "Authorization: Bearer $T_LEZEN"
check "but reads like its account" 200 'any(.results[]; .openbaarheid == "passief_openbaar")'
if "$AMBT" gebruiker token accounthouder.aalsmeer --naam meer --rol accounthouder --scope GM0362 --db "$DB" >/dev/null 2>&1; then not_ok "a token cannot hold a role its account lacks"; else ok "a token cannot hold a role its account lacks"; fi
BEFORE=$(dump)
if "$AMBT" audit lijst --soort toegang --format json --aantal 100 --db "$DB" | jq -e 'length >= 4 and all(.[]; .actie == "geweigerd")' >/dev/null; then ok "refusals are in the audit trail"; else not_ok "refusals are in the audit trail"; fi
# A decision one may not read is as absent as one that does not exist,
# also in what the request leaves behind: no audit line for either.
if "$AMBT" audit lijst --soort besluit --format json --aantal 1000 --db "$DB" | jq -e 'any(.[]; .actie == "geweigerd")' >/dev/null; then not_ok "asking for a hidden decision leaves no audit line"; else ok "asking for a hidden decision leaves no audit line"; fi
req GET "/api/v1/auditregels?pageSize=500" -H "Authorization: Bearer $T_AALSMEER"
check "an accounthouder reads its own and its municipality's audit lines" 200 '.count > 0 and all(.results[]; .gebruikersId == "accounthouder.aalsmeer" or .scope == "GM0358") and any(.results[]; .scope == "GM0358")'
req GET "/api/v1/auditregels?pageSize=500&resource=besluit" -H "Authorization: Bearer $T_BEHEER"
check "the beheerder reads all of them" 200 'any(.results[]; .scope == "GM0397") and any(.results[]; .scope == "GM0358")'
req GET /api/v1/auditregels
problem "without an account the audit trail is 401" 401
req GET /audit -H "Authorization: Bearer $T_RAAD"
grep -q 'Auditspoor' "$WORK/body" && ! grep -q 'GM0397' "$WORK/body" && ok "the audit page for a raadslid shows only their own" || not_ok "the audit page for a raadslid shows only their own"
AS=beheer

# ---- logging in with a form ----
curl -s -c "$WORK/jar" "$BASE/inloggen" -o "$WORK/form"
CS=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$WORK/form")
[ ${#CS} = 64 ] && ok "login form carries a CSRF token" || not_ok "login form carries a CSRF token"
ATTACKER=0000000000000000000000000000000000000000000000000000000000000001
login() {
	curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' \
		-H "Cookie: ambt_csrf=$CS; ambt_sessie=$ATTACKER" \
		--data-urlencode "gebruikersnaam=$1" --data-urlencode "wachtwoord=$2" \
		--data-urlencode "csrf=${3:-$CS}" "$BASE/inloggen"
}
STATUS=$(login t.tester paard-batterij-nietje "$(printf '%064d' 7)")
[ "$STATUS" = 403 ] && ok "login without the form's CSRF token is refused" || not_ok "login without the form's CSRF token is refused" "status $STATUS"
STATUS=$(login t.tester paard-batterij-nietje)
SES=$(grep -i '^Set-Cookie: ambt_sessie=' "$WORK/headers" | sed 's/^[^=]*=\([0-9a-f]*\);.*/\1/')
if [ "$STATUS" = 303 ] && [ ${#SES} = 64 ] && [ "$SES" != "$ATTACKER" ]; then ok "login gives a new session, never the one offered (no fixation)"; else not_ok "login gives a new session, never the one offered (no fixation)" "status $STATUS"; fi
case "$(grep -i '^Set-Cookie: ambt_sessie=' "$WORK/headers")" in
*HttpOnly*Secure*SameSite=Strict*) ok "session cookie is HttpOnly, Secure, SameSite=Strict" ;;
*) not_ok "session cookie is HttpOnly, Secure, SameSite=Strict" ;;
esac
req GET / -H "Cookie: ambt_sessie=$ATTACKER"
grep -q 'Uitloggen' "$WORK/body" && not_ok "the offered session id is not logged in" || ok "the offered session id is not logged in"
req GET / -H "Cookie: ambt_sessie=$SES"
grep -q 'Test Tester' "$WORK/body" && ok "pages know who is logged in" || not_ok "pages know who is logged in"
FCS=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$WORK/body" | head -1)
AS=
req POST /api/v1/besluiten -H "Cookie: ambt_sessie=$SES" -H 'Content-Type: application/json' \
	--data '{"verantwoordelijkeOrganisatie": "GM0358", "bestuursorgaan": "college", "datum": "2026-11-01", "onderwerp": "Via sessie", "openbaarheid": "passief_openbaar"}'
problem "a session write without CSRF token is 403" 403
req POST /api/v1/besluiten -H "Cookie: ambt_sessie=$SES" -H "X-CSRF-Token: $FCS" -H 'Content-Type: application/json' \
	--data '{"verantwoordelijkeOrganisatie": "GM0358", "bestuursorgaan": "college", "datum": "2026-11-01", "onderwerp": "Via sessie", "openbaarheid": "passief_openbaar"}'
check "with its CSRF token it is allowed" 201 '.onderwerp == "Via sessie"'
db_sql "$DB" "UPDATE sessie SET laatst_gebruikt = laatst_gebruikt - 3600"
req GET / -H "Cookie: ambt_sessie=$SES"
grep -q 'Uitloggen' "$WORK/body" && not_ok "an idle session has expired" || ok "an idle session has expired"
STATUS=$(login t.tester paard-batterij-nietje)
SES=$(grep -i '^Set-Cookie: ambt_sessie=' "$WORK/headers" | sed 's/^[^=]*=\([0-9a-f]*\);.*/\1/')
req GET / -H "Cookie: ambt_sessie=$SES"
FCS=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$WORK/body" | head -1)
req POST /uitloggen -H "Cookie: ambt_sessie=$SES" --data "csrf=$FCS"
req GET / -H "Cookie: ambt_sessie=$SES"
grep -q 'Uitloggen' "$WORK/body" && not_ok "logging out ends the session" || ok "logging out ends the session"
AS=beheer

# ---- the login form is never shared between visitors ----
# Two anonymous visitors, each with a cookie jar of their own: each gets
# a CSRF cookie with the same token in the form, never the other's (the
# form must not come from the response cache), and both can log in.
visit() {
	curl -s -c "$WORK/jar-$1" -b "$WORK/jar-$1" -D "$WORK/headers-$1" \
		-o "$WORK/form-$1" "$BASE/inloggen"
	sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$WORK/form-$1"
}
jar_csrf() {
	awk '$6 == "ambt_csrf" { print $7 }' "$WORK/jar-$1"
}
rm -f "$WORK/jar-a" "$WORK/jar-b"
FA=$(visit a)
FB=$(visit b)
if [ ${#FA} = 64 ] && [ "$FA" = "$(jar_csrf a)" ] && [ ${#FB} = 64 ] && [ "$FB" = "$(jar_csrf b)" ] && [ "$FA" != "$FB" ]; then ok "two visitors of the login form: each gets a cookie with their own token"; else not_ok "two visitors of the login form: each gets a cookie with their own token" "A form $FA cookie $(jar_csrf a)" "B form $FB cookie $(jar_csrf b)"; fi
FA2=$(visit a)
# The cookie is sent again with a full lifetime: kept from the first
# visit, it would expire under a form shown just now ("Het formulier is
# verlopen" on a login well within the hour of the form).
if [ "$FA2" = "$FA" ] && grep -qi "^Set-Cookie: ambt_csrf=$FA; .*Max-Age=3600" "$WORK/headers-a"; then ok "a visitor who comes back gets their own token again, its cookie renewed for an hour"; else not_ok "a visitor who comes back gets their own token again, its cookie renewed for an hour" "form $FA2, first $FA" "$(grep -i '^Set-Cookie' "$WORK/headers-a")"; fi
FB2=$(visit b)
[ "$FB2" = "$FB" ] && ok "and so does the other visitor" || not_ok "and so does the other visitor" "form $FB2, first $FB"
for v in a b; do
	eval "t=\$F$(echo $v | tr ab AB)"
	STATUS=$(curl -s -o "$WORK/body" -w '%{http_code}' -c "$WORK/jar-$v" -b "$WORK/jar-$v" \
		--data-urlencode "gebruikersnaam=t.tester" --data-urlencode "wachtwoord=paard-batterij-nietje" \
		--data-urlencode "csrf=$t" "$BASE/inloggen")
	[ "$STATUS" = 303 ] && ok "visitor $v logs in with the form they were given" || not_ok "visitor $v logs in with the form they were given" "status $STATUS" "$(grep -o 'class="[^"]*melding[^"]*"[^<]*<[^<]*' "$WORK/body" | head -2)"
done

# A form whose cookie has expired meanwhile: the refusal says so and
# shows the form with a token that is valid (its cookie sent with it), so
# that sending it again works.
STATUS=$(curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' \
	--data-urlencode "gebruikersnaam=t.tester" --data-urlencode "wachtwoord=paard-batterij-nietje" \
	--data-urlencode "csrf=$FA" "$BASE/inloggen")
NT=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$WORK/body")
if [ "$STATUS" = 403 ] && grep -q 'Het formulier is verlopen' "$WORK/body" && [ ${#NT} = 64 ] && grep -qi "^Set-Cookie: ambt_csrf=$NT;" "$WORK/headers"; then ok "an expired form cookie: refused, with a fresh form token and cookie"; else not_ok "an expired form cookie: refused, with a fresh form token and cookie" "status $STATUS token $NT"; fi
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: ambt_csrf=$NT" \
	--data-urlencode "gebruikersnaam=t.tester" --data-urlencode "wachtwoord=paard-batterij-nietje" \
	--data-urlencode "csrf=$NT" "$BASE/inloggen")
[ "$STATUS" = 303 ] && ok "and that form, sent again, logs in" || not_ok "and that form, sent again, logs in" "status $STATUS"
# Two tabs with the login form: logging in with one keeps the form
# token's cookie, so that the other still works.
rm -f "$WORK/jar-c"
FC=$(visit c)
for tab in 1 2; do
	STATUS=$(curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -c "$WORK/jar-c" -b "$WORK/jar-c" \
		--data-urlencode "gebruikersnaam=t.tester" --data-urlencode "wachtwoord=paard-batterij-nietje" \
		--data-urlencode "csrf=$FC" "$BASE/inloggen")
	[ "$STATUS" = 303 ] && ok "login form in tab $tab of two logs in" || not_ok "login form in tab $tab of two logs in" "status $STATUS"
done

# ---- after logging in, back to the page asked for ----
req GET "/uren?jaar=2024"
if [ "$STATUS" = 401 ] && grep -q 'href="/inloggen?terug=/uren?jaar%3D2024"' "$WORK/body"; then ok "a page for accounts, without one: 401 with a login link back to it"; else not_ok "a page for accounts, without one: 401 with a login link back to it" "status $STATUS" "$(grep -o 'href="/inloggen[^"]*"' "$WORK/body" | head -2)"; fi
req GET "/inloggen?terug=%2Faudit%3Fpage%3D2"
grep -q '<input type="hidden" name="terug" value="/audit?page=2">' "$WORK/body" && ok "the login form carries the page to go back to" || not_ok "the login form carries the page to go back to"
# terug_login VALUE: logs t.tester in with that terug; sets STATUS and LOC.
terug_login() {
	STATUS=$(curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -H "Cookie: ambt_csrf=$CS" \
		--data-urlencode "gebruikersnaam=t.tester" --data-urlencode "wachtwoord=paard-batterij-nietje" \
		--data-urlencode "csrf=$CS" --data-urlencode "terug=$1" "$BASE/inloggen")
	LOC=$(header Location)
}
terug_login "/audit?page=2"
[ "$STATUS" = 303 ] && [ "$LOC" = "/audit?page=2" ] && ok "after logging in, back to the page asked for" || not_ok "after logging in, back to the page asked for" "status $STATUS location $LOC"
for bad in "//kwaad.example.com/x" "https://kwaad.example.com/" "/\\kwaad.example.com" "\\/kwaad.example.com" "javascript:alert(1)" "kwaad.example.com" "/$(tekst 501 a)" ""; do
	terug_login "$bad"
	[ "$STATUS" = 303 ] && [ "$LOC" = "/" ] && ok "no open redirect: terug=$(printf '%s' "$bad" | head -c 40 | tr -d '\r\n') leads to /" || not_ok "no open redirect: terug=$(printf '%s' "$bad" | head -c 40 | tr -d '\r\n') leads to /" "status $STATUS location $LOC"
done
terug_login "$(printf '/a\r\nSet-Cookie: x=1')"
[ "$STATUS" = 400 ] && [ -z "$LOC" ] && ! grep -qi '^Set-Cookie: x=' "$WORK/headers" && ok "a terug with a line break is refused whole (400, no Location)" || not_ok "a terug with a line break is refused whole (400, no Location)" "status $STATUS location $LOC"
req GET "/inloggen?terug=%2F%2Fkwaad.example.com"
grep -q 'name="terug"' "$WORK/body" && not_ok "the login form drops a terug of another site" || ok "the login form drops a terug of another site"
terug_login "/$(tekst 499 a)"
[ "$STATUS" = 303 ] && [ "$LOC" = "/$(tekst 499 a)" ] && ok "a local terug of 500 bytes is still followed" || not_ok "a local terug of 500 bytes is still followed" "status $STATUS"

# ---- the header: who is logged in, and a menu by role ----
SES=$(grep -i '^Set-Cookie: ambt_sessie=' "$WORK/headers" | sed 's/^[^=]*=\([0-9a-f]*\);.*/\1/')
AS=
req GET /bestaat/niet -H "Cookie: ambt_sessie=$SES"
if [ "$STATUS" = 404 ] && grep -q '<span class="ambt-klein">Test Tester</span>' "$WORK/body" && grep -q 'Uitloggen' "$WORK/body" && ! grep -q '>Inloggen<' "$WORK/body"; then ok "a 404 page shows who is logged in and the logout button"; else not_ok "a 404 page shows who is logged in and the logout button" "status $STATUS"; fi
req GET /uren -H "Cookie: ambt_sessie=$SES"
if [ "$STATUS" = 403 ] && grep -q 'Test Tester' "$WORK/body" && ! grep -q '>Inloggen<' "$WORK/body"; then ok "a 403 page shows who is logged in"; else not_ok "a 403 page shows who is logged in" "status $STATUS"; fi
req DELETE / -H "Cookie: ambt_sessie=$SES"
if [ "$STATUS" = 405 ] && grep -q 'Test Tester' "$WORK/body"; then ok "a 405 page shows who is logged in"; else not_ok "a 405 page shows who is logged in" "status $STATUS"; fi
# menu TOKEN: the labels of the main menu of / for that account, on one line.
menu() {
	curl -s ${1:+-H "Authorization: Bearer $1"} "$BASE${2:-/}" |
		sed -n '/ambt-nav__list/,/<\/ul>/p' |
		sed -n 's#.*<li class="utrecht-link-list__item"><a class="utrecht-link" href="[^"]*"[^>]*>\([^<]*\)</a></li>.*#\1#p' |
		tr '\n' ',' | sed 's/,$//'
}
for c in "|Samenwerkingen,Besluiten,Werkstromen,Inloggen" \
	"$T_RAAD|Samenwerkingen,Besluiten,Werkstromen,Afspraakcijfers,Auditspoor,Mijn account" \
	"$T_CONTROLLER|Samenwerkingen,Besluiten,Werkstromen,Uren,Medewerkers,Afspraakcijfers,Auditspoor,Mijn account" \
	"$T_AALSMEER|Samenwerkingen,Besluiten,Werkstromen,Afspraakcijfers,Auditspoor,Mijn account" \
	"$T_BEHEER|Samenwerkingen,Besluiten,Werkstromen,Uren,Medewerkers,Rooster,Balie,Afspraakcijfers,Auditspoor,Accounts,Mijn account"; do
	tok=${c%%|*}
	want=${c#*|}
	got=$(menu "$tok")
	[ "$got" = "$want" ] && ok "main menu: $want" || not_ok "main menu: $want" "got $got"
done
curl -s -H "Authorization: Bearer $T_CONTROLLER" "$BASE/medewerkers" -o "$WORK/body"
grep -q 'href="/medewerkers" aria-current="page">Medewerkers<' "$WORK/body" && [ "$(grep -c 'aria-current="page"' "$WORK/body")" = 1 ] && ok "the current menu item is marked, and only it" || not_ok "the current menu item is marked, and only it"
AS=beheer

# ---- the API described for people ----
req GET /api
if [ "$STATUS" = 200 ] && grep -q '<script src="/static/redoc.standalone.js"></script>' "$WORK/body" && grep -q '<redoc spec-url="/api/v1/openapi.json"' "$WORK/body" && ! grep -q 'https://' "$WORK/body"; then ok "/api: the API description, with Redoc from this server"; else not_ok "/api: the API description, with Redoc from this server" "status $STATUS"; fi
req GET /static/redoc.standalone.js
[ "$STATUS" = 200 ] && [ "$(header Content-Type)" = "text/javascript; charset=utf-8" ] && ok "Redoc's bundle is served by ambt itself" || not_ok "Redoc's bundle is served by ambt itself" "status $STATUS"
req GET /besluiten
grep -q '<a class="utrecht-link" href="/api">API-beschrijving</a>' "$WORK/body" && ok "the footer links the API description" || not_ok "the footer links the API description"

# ---- a second factor for beheerders and controllers ----
printf 'kast-paard-nietje-42\n' | "$AMBT" gebruiker wachtwoord beheer --wachtwoord-stdin --db "$DB" >/dev/null
"$AMBT" gebruiker tweede-factor beheer --db "$DB" >"$WORK/2fa"
SECRET=$(sed -n 's/^  geheim: //p' "$WORK/2fa")
HCODE=$(tail -1 "$WORK/2fa" | tr -d ' ')
# totp SECRET STEP: the app's code for a time step (Unix seconds / 30).
totp() {
	python3 -c 'import base64,hmac,hashlib,struct,sys
k=base64.b32decode(sys.argv[1]); c=struct.pack(">Q",int(sys.argv[2]))
h=hmac.new(k,c,hashlib.sha1).digest(); o=h[-1]&15
print("%06d"%((struct.unpack(">I",h[o:o+4])[0]&0x7fffffff)%1000000))' "$1" "$2"
}
STATUS=$(login beheer kast-paard-nietje-42)
[ "$STATUS" = 401 ] && ok "a beheerder without the code is refused" || not_ok "a beheerder without the code is refused" "status $STATUS"
sed 's/value="[^"]*"//g' "$WORK/body" >"$WORK/refused-2fa"
login2() {
	curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' \
		-H "Cookie: ambt_csrf=$CS" --data-urlencode "gebruikersnaam=$1" \
		--data-urlencode "wachtwoord=$2" --data-urlencode "code=$3" \
		--data-urlencode "csrf=$CS" "$BASE/inloggen"
}
# The step now (the server's clock is fixed by AMBT_NU); the server
# accepts one step either way, so the code of the next step is valid too.
STEP=$(python3 -c 'import datetime,sys
print(int(datetime.datetime.fromisoformat(sys.argv[1]).timestamp()) // 30)' "$AMBT_NU")
STATUS=$(login2 beheer kast-paard-nietje-42 "$(totp "$SECRET" "$STEP")")
[ "$STATUS" = 303 ] && ok "with the code from the app the beheerder logs in" || not_ok "with the code from the app the beheerder logs in" "status $STATUS"
SES=$(grep -i '^Set-Cookie: ambt_sessie=' "$WORK/headers" | sed 's/^[^=]*=\([0-9a-f]*\);.*/\1/')
AS=
req GET / -H "Cookie: ambt_sessie=$SES"
FCS=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$WORK/body" | head -1)
req POST /uitloggen -H "Cookie: ambt_sessie=$SES" --data "csrf=$FCS"
[ "$STATUS" = 303 ] && ok "the beheerder logs out" || not_ok "the beheerder logs out" "status $STATUS"
AS=beheer
STATUS=$(login2 beheer kast-paard-nietje-42 "$(totp "$SECRET" "$STEP")")
sed 's/value="[^"]*"//g' "$WORK/body" >"$WORK/replay"
if [ "$STATUS" = 401 ] && cmp -s "$WORK/replay" "$WORK/refused-2fa"; then ok "the same code again is refused, with the answer of any failed login"; else not_ok "the same code again is refused, with the answer of any failed login" "status $STATUS"; fi
STATUS=$(login2 beheer kast-paard-nietje-42 "$(totp "$SECRET" $((STEP + 1)))")
[ "$STATUS" = 303 ] && ok "the code of the next step is accepted" || not_ok "the code of the next step is accepted" "status $STATUS"
STATUS=$(login2 beheer kast-paard-nietje-42 "$(totp "$SECRET" "$STEP")")
[ "$STATUS" = 401 ] && ok "and after it the code of the earlier step no longer" || not_ok "and after it the code of the earlier step no longer" "status $STATUS"
STATUS=$(login2 beheer kast-paard-nietje-42 "$HCODE")
[ "$STATUS" = 303 ] && ok "a recovery code works once" || not_ok "a recovery code works once" "status $STATUS"
STATUS=$(login2 beheer kast-paard-nietje-42 "$HCODE")
[ "$STATUS" = 401 ] && ok "but not twice" || not_ok "but not twice" "status $STATUS"
if "$AMBT" audit lijst --soort gebruiker --format json --aantal 300 --db "$DB" | jq -e 'any(.[]; .toelichting == "tweede factor ingesteld") and all(.[]; (.wijzigingen.nieuw | tostring | test("'"$SECRET"'")) | not)' >/dev/null; then ok "the audit trail records the setup, never the secret"; else not_ok "the audit trail records the setup, never the secret"; fi

# ---- CORS ----
req GET /api/v1/gemeenten -H 'Origin: https://intranet.example.nl'
if [ "$(header Access-Control-Allow-Origin)" = "https://intranet.example.nl" ] && [ "$(header Vary)" = "Origin" ]; then ok "CORS: listed origin allowed"; else not_ok "CORS: listed origin allowed" "$(header Access-Control-Allow-Origin)"; fi
req GET /api/v1/gemeenten -H 'Origin: https://kwaad.example.com'
if [ -z "$(header Access-Control-Allow-Origin)" ]; then ok "CORS: other origin not allowed"; else not_ok "CORS: other origin not allowed"; fi
req OPTIONS /api/v1/besluiten -H 'Origin: https://intranet.example.nl' -H 'Access-Control-Request-Method: POST'
if [ "$STATUS" = 204 ] && header Access-Control-Allow-Methods | grep -q POST; then ok "CORS preflight for a listed origin"; else not_ok "CORS preflight for a listed origin" "status $STATUS"; fi

# ---- pages ----
req GET /
if [ "$STATUS" = 200 ] && grep -q 'Ambtelijke samenwerking Heemstede–Bloemendaal' "$WORK/body" && [ "$(header Content-Type)" = "text/html; charset=utf-8" ]; then ok "page /"; else not_ok "page /" "status $STATUS"; fi
req GET "/samenwerkingen/HB?op=2021-03-01"
if [ "$STATUS" = 200 ] && grep -q '<svg' "$WORK/body" && grep -q 'href="/besluiten/BESLUIT-2021-0000000002?verantwoordelijkeOrganisatie=GM0397"' "$WORK/body"; then ok "page /samenwerkingen/HB: timeline with decision link"; else not_ok "page /samenwerkingen/HB: timeline with decision link"; fi
case "$(header Content-Security-Policy)" in
*"default-src 'self'"*) ok "pages have a CSP" ;;
*) not_ok "pages have a CSP" ;;
esac
req GET "/besluiten?zoek=%3Cscript%3Ealert(1)%3C/script%3E"
if grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$WORK/body" && ! grep -q '<script>alert' "$WORK/body"; then ok "search text is escaped on the page"; else not_ok "search text is escaped on the page"; fi
req GET /besluiten/BESTAAT-NIET
if [ "$STATUS" = 404 ] && grep -q 'Niet gevonden' "$WORK/body" && [ "$(header Content-Type)" = "text/html; charset=utf-8" ]; then ok "page 404 is a Dutch page"; else not_ok "page 404 is a Dutch page" "status $STATUS"; fi
req GET /static/ambt.css
if [ "$STATUS" = 200 ] && [ "$(header Content-Type)" = "text/css; charset=utf-8" ]; then ok "static CSS"; else not_ok "static CSS"; fi
STATUS=$(curl -s --head -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' "$BASE/api/v1/gemeenten")
if [ "$STATUS" = 200 ] && ! grep -q '"results"' "$WORK/body" && [ -n "$(header Content-Length)" ]; then ok "HEAD has headers and no body"; else not_ok "HEAD has headers and no body"; fi

# ---- every write is in the audit trail, with its origin ----
if "$AMBT" audit lijst --soort besluit --format json --db "$DB" |
	jq -e 'any(.[]; .actie == "partial_update" and .resourceWeergave == "830016" and .gebruikersId == "beheer" and .herkomst == "127.0.0.1" and .wijzigingen.nieuw.publicatiedatum == "2021-06-02" and .wijzigingen.oud.afdeling == "Team P&O")' >/dev/null; then ok "PATCH is audited with old and new values and origin"; else not_ok "PATCH is audited with old and new values and origin"; fi
if "$AMBT" audit controleer --db "$DB" >/dev/null; then ok "audit chain intact after the API writes"; else not_ok "audit chain intact after the API writes"; fi

# ---- access log: one JSON line per request, never a query string ----
sleep 0.1
if jq -e -s 'length > 50 and all(.[]; has("time") and has("method") and has("path") and has("status") and has("bytes") and has("duration_ms"))' "$WORK/access.log" >/dev/null; then ok "access log lines are structured"; else not_ok "access log lines are structured" "$(head -3 "$WORK/access.log")"; fi
if grep -q 'zoek=' "$WORK/access.log"; then not_ok "access log never has query strings"; else ok "access log never has query strings"; fi

# ---- guessing passwords ----
fails=0
same=0
for i in $(seq 1 100); do
	STATUS=$(login raadslid.bloemendaal "fout-wachtwoord-$i")
	[ "$STATUS" = 401 ] && fails=$((fails + 1))
	[ "$i" = 1 ] && cp "$WORK/body" "$WORK/first"
done
[ "$fails" = 100 ] && ok "100 wrong passwords: 100 refusals" || not_ok "100 wrong passwords: 100 refusals" "$fails"
STATUS=$(login niemand.bestaat "fout-wachtwoord")
sed 's/value="[^"]*"//g' "$WORK/body" >"$WORK/a"
sed 's/value="[^"]*"//g' "$WORK/first" >"$WORK/b"
if [ "$STATUS" = 401 ] && cmp -s "$WORK/a" "$WORK/b"; then ok "an unknown user gets exactly the same answer"; else not_ok "an unknown user gets exactly the same answer" "status $STATUS"; fi
PW=$("$AMBT" gebruiker wachtwoord raadslid.bloemendaal --db "$DB" | tail -1 | sed 's/.*: //')
STATUS=$(login raadslid.bloemendaal "$PW")
[ "$STATUS" = 401 ] && ok "the locked account refuses even the right password for a while" || not_ok "the locked account refuses even the right password for a while" "status $STATUS"
if "$AMBT" audit lijst --soort sessie --format json --aantal 300 --db "$DB" | jq -e '[.[] | select(.actie == "login_mislukt")] | length >= 100' >/dev/null; then ok "failed logins are audited"; else not_ok "failed logins are audited"; fi

# ---- the audit trail names whose it is ----
# The beheerder replaces one of AA's batches: AA's controller reads it in
# AA's audit view; HB's controller does not.
T_C_AA=$(token controller.aa)
printf 'medewerker;datum;gemeente;eenheid;uren\nAA-001;6-1-2025;GM0358;aa-ict;8\n' >"$WORK/aa-vervang.csv"
req POST "/api/v1/uren/importen?vervang=2" -H "Authorization: Bearer $T_BEHEER" -H 'Content-Type: text/csv' --data-binary "@$WORK/aa-vervang.csv"
check "the beheerder replaces an AA batch" 201 '.samenwerking == "AA"'
NIEUW=$(jq -r .batch "$WORK/body")
req GET "/api/v1/auditregels?resource=urenbatch&pageSize=500" -H "Authorization: Bearer $T_C_AA"
check "AA's controller reads the replacement of AA's batch" 200 "any(.results[]; .scope == \"AA\" and .resourceWeergave == \"$NIEUW\" and .gebruikersId == \"beheer\")"
req GET "/api/v1/auditregels?resource=urenbatch&pageSize=500" -H "Authorization: Bearer $T_CONTROLLER"
check "HB's controller does not" 200 "all(.results[]; .scope == \"HB\" or .gebruikersId == \"controller.hb\") and all(.results[]; .resourceWeergave != \"$NIEUW\")"
req GET "/api/v1/uren/importen/2" -H "Authorization: Bearer $T_C_AA"
check "AA's batch 2 reads as replaced" 200 ".vervangenDoor == $NIEUW"
# ---- refusals of anonymous requests are bounded per network ----
# At most 10 audit entries per network (/24) per minute, the rest summed
# up in one entry when the window has ended; none of it empties the
# response cache. The window is started afresh here (earlier tests
# refused anonymous requests too) and later closed by moving it back.
geweigerd() {
	"$AMBT" audit lijst --gebruiker anoniem --format json --aantal 100000 --db "$DB" |
		jq '[.[] | select(.actie == "geweigerd")] | length'
}
generatie() {
	db_sql "$DB" "SELECT n FROM generatie WHERE familie = 'algemeen'"
}
db_sql "$DB" "DELETE FROM inlogpoging WHERE sleutel LIKE 'weigering:%'"
AS=
req GET /api/v1/gemeenten/GM0397
db_sql "$DB" "UPDATE organisatie SET naam = 'Buiten de server om' WHERE code = 'GM0397'"
N0=$(geweigerd)
G0=$(generatie)
for i in $(seq 1 25); do
	curl -s -o /dev/null -H "Authorization: Bearer bogus$i" "$BASE/api/v1/gemeenten"
	curl -s -o /dev/null -H "Authorization: Bearer nep$i" "$BASE/besluiten"
done
N1=$(geweigerd)
[ $((N1 - N0)) = 10 ] && ok "50 refused anonymous requests from one network: 10 audit entries" || not_ok "50 refused anonymous requests from one network: 10 audit entries" "$((N1 - N0)) entries"
[ "$(generatie)" = "$G0" ] && ok "refusals leave the generation alone" || not_ok "refusals leave the generation alone" "$G0 -> $(generatie)"
req GET /api/v1/gemeenten/GM0397
check "and the response cache is kept (the cached answer, not the changed row)" 200 '.naam == "Heemstede"'
# A write of one municipality's appointments raises the generation of its
# family alone (done here as the store does it): the general answers stay
# in the cache. A general write empties it.
db_sql "$DB" "INSERT INTO generatie (familie, n) VALUES ('afspraken:GM0358', 1) ON CONFLICT (familie) DO UPDATE SET n = generatie.n + 1"
req GET /api/v1/gemeenten/GM0397
check "a write of Aalsmeer's appointments keeps the general answers in the cache" 200 '.naam == "Heemstede"'
db_sql "$DB" "UPDATE generatie SET n = n + 1 WHERE familie = 'algemeen'"
req GET /api/v1/gemeenten/GM0397
check "a general write does not" 200 '.naam == "Buiten de server om"'
db_sql "$DB" "UPDATE inlogpoging SET sinds = sinds - 60 WHERE sleutel = 'weigering:127.0.0.0/24'"
req GET /api/v1/gemeenten -H "Authorization: Bearer bogus"
N2=$(geweigerd)
[ $((N2 - N1)) = 2 ] && ok "after the minute: one entry sums up the other 40, one records the new refusal" || not_ok "after the minute: one entry sums up the other 40, one records the new refusal" "$((N2 - N1)) entries"
if "$AMBT" audit lijst --soort toegang --format json --aantal 1 --db "$DB" | jq -e 'length == 1 and .[0].actie == "geweigerd" and .[0].resultaat == 429 and .[0].herkomst == "127.0.0.0/24" and .[0].wijzigingen.nieuw.aantal == "40"' >/dev/null; then ok "the summary names the network and the number"; else not_ok "the summary names the network and the number" "$("$AMBT" audit lijst --soort toegang --format json --aantal 1 --db "$DB")"; fi
if "$AMBT" audit controleer --db "$DB" >/dev/null; then ok "audit chain intact after the bounded refusals"; else not_ok "audit chain intact after the bounded refusals"; fi
db_sql "$DB" "UPDATE organisatie SET naam = 'Heemstede' WHERE code = 'GM0397'"
db_sql "$DB" "UPDATE generatie SET n = n + 1 WHERE familie = 'algemeen'"
# ---- numbers within their range, text within its length ----
# Every integer the API takes, out of range: 400 naming the field with the
# range, nothing stored (the dump is compared by `problem`). Then text one
# character over its limit, and finally many rows at the limits, which
# every list must still show.
AS=beheer
# N characters 'é' (two bytes each): limits count characters, not bytes.
tekst_e() { i=0; while [ "$i" -lt "$1" ]; do printf '\303\251'; i=$((i + 1)); done; }
range() { echo ".invalidParams == [{\"name\": \"$1\", \"code\": \"${3:-range}\", \"reason\": \"Geef een geheel getal van $2.\"}]"; }
lang() { echo ".invalidParams == [{\"name\": \"$1\", \"code\": \"too-long\", \"reason\": \"Gebruik hoogstens $2 tekens.\"}]"; }
BEFORE=$(dump)
for v in -5 100000001 4294969320 9223372036854775807; do
	req POST /api/v1/gemeenten -H 'Content-Type: application/json' --data '{"code": "GM0393", "naam": "Haarlemmermeer", "inwoners": '"$v"', "peildatum": "2024-01-01"}'
	problem "POST /gemeenten: inwoners $v is refused, not cut short" 400 "$(range inwoners '0 tot en met 100.000.000')"
done
for v in 1.5 1e3 '"12"' true; do
	req POST /api/v1/gemeenten -H 'Content-Type: application/json' --data '{"code": "GM0393", "naam": "Haarlemmermeer", "inwoners": '"$v"', "peildatum": "2024-01-01"}'
	problem "POST /gemeenten: inwoners $v is no integer" 400 '.invalidParams == [{"name": "inwoners", "code": "type", "reason": "Dit veld moet een geheel getal zijn."}]'
done
req POST /api/v1/gemeenten -H 'Content-Type: application/json' --data '{"code": "GM0393", "naam": "Haarlemmermeer", "inwoners": 99999999999999999999, "peildatum": "2024-01-01"}'
problem "POST /gemeenten: an integer beyond 64 bits is malformed JSON" 400 '.invalidParams[0].name == "body" and .invalidParams[0].code == "json"'
req POST /api/v1/gemeenten -H 'Content-Type: application/json' --data '{"code": "GM0393", "naam": "'"$(tekst 201)"'", "provincie": "'"$(tekst_e 201)"'"}'
problem "POST /gemeenten: name and province one character too long" 400 '(.invalidParams | map(.name + "/" + .code + "/" + .reason)) == ["naam/too-long/Gebruik hoogstens 200 tekens.", "provincie/too-long/Gebruik hoogstens 200 tekens."]'
AS=
for v in -5 0 1001 1099511628576; do
	req POST /api/v1/medewerkers -H "$TC" -H 'Content-Type: application/json' --data '{"personeelsnummer": "HB-302", "naam": "Kees", "werkgever": "GM0397", "eenheid": "hb-communicatie", "fteDuizendsten": '"$v"', "van": "2025-02-01"}'
	problem "POST /medewerkers: fteDuizendsten $v is refused" 400 "$(range fteDuizendsten '1 tot en met 1000')"
	req PATCH /api/v1/medewerkers/HB-300 -H "$TC" -H 'Content-Type: application/merge-patch+json' --data '{"fteDuizendsten": '"$v"'}'
	problem "PATCH /medewerkers: fteDuizendsten $v neither clears nor changes the FTE" 400 "$(range fteDuizendsten '1 tot en met 1000')"
done
req POST /api/v1/medewerkers -H "$TC" -H 'Content-Type: application/json' --data '{"personeelsnummer": "'"$(tekst 33 N)"'", "naam": "Kees", "werkgever": "GM0397", "eenheid": "hb-communicatie", "fteDuizendsten": 800, "van": "2025-02-01"}'
problem "POST /medewerkers: a staff number of 33 characters" 400 "$(lang personeelsnummer 32)"
req PATCH /api/v1/medewerkers/HB-300 -H "$TC" -H 'Content-Type: application/merge-patch+json' --data '{"naam": "'"$(tekst_e 201)"'"}'
problem "PATCH /medewerkers: a name of 201 characters" 400 "$(lang naam 200)"
req POST /api/v1/medewerkers -H "$TC" -H 'Content-Type: application/json' --data '{"personeelsnummer": "HB-302", "naam": "'"$(tekst 60000)"'", "werkgever": "GM0397", "eenheid": "hb-communicatie", "fteDuizendsten": 800, "van": "2025-02-01"}'
problem "POST /medewerkers: a name of 60000 characters is not stored" 400 "$(lang naam 200)"
for v in 4294969320 1899 9999; do
	req POST /api/v1/scenarios -H "$TC" -H 'Content-Type: application/json' --data '{"samenwerking": "HB", "jaar": '"$v"', "naam": "ander-jaar", "wijzigingen": [{"soort": "gedeeld", "eenheid": "hb-communicatie", "vanaf": "2024-07-01"}]}'
	problem "POST /scenarios: jaar $v is refused" 400 "$(range jaar '1900 tot en met 9998')"
	req POST /api/v1/kostenverdelingen -H "$TC" -H 'Content-Type: application/json' --data '{"samenwerking": "HB", "jaar": '"$v"'}'
	problem "POST /kostenverdelingen: jaar $v is refused" 400 "$(range jaar '1900 tot en met 9998')"
done
req POST /api/v1/scenarios -H "$TC" -H 'Content-Type: application/json' --data '{"samenwerking": "HB", "naam": "zonder-jaar", "wijzigingen": [{"soort": "gedeeld", "eenheid": "hb-communicatie", "vanaf": "2024-07-01"}]}'
problem "POST /scenarios: jaar is required" 400 '.invalidParams == [{"name": "jaar", "code": "required", "reason": "Dit veld is verplicht."}]'
for v in 100000000000001 -100000000000001; do
	req POST /api/v1/scenarios -H "$TC" -H 'Content-Type: application/json' --data '{"samenwerking": "HB", "jaar": 2024, "naam": "duur", "wijzigingen": [{"soort": "kostenpost", "kostenpost": "COM", "bedragCenten": '"$v"'}]}'
	problem "POST /scenarios: bedragCenten $v is beyond the calculation's limit" 400 "$(range bedragCenten '-100.000.000.000.000 tot en met 100.000.000.000.000')"
done
req POST /api/v1/scenarios -H "$TC" -H 'Content-Type: application/json' --data '{"samenwerking": "HB", "jaar": 2024, "naam": "'"$(tekst 201)"'", "omschrijving": "'"$(tekst 1001)"'", "wijzigingen": [{"soort": "kostenpost", "kostenpost": "'"$(tekst 65)"'", "bedragCenten": 5}]}'
problem "POST /scenarios: name, description and cost pool too long" 400 '(.invalidParams | map(.name + "/" + .code + "/" + .reason)) == ["naam/too-long/Gebruik hoogstens 200 tekens.", "omschrijving/too-long/Gebruik hoogstens 1000 tekens.", "wijzigingen[0].kostenpost/too-long/Gebruik hoogstens 64 tekens."]'
# A year in a query was refused before too; kept so that every integer
# the API takes is covered here.
req GET "/api/v1/uren/totalen?samenwerking=HB&jaar=4294969320" -H "$TC"
problem "GET /uren/totalen: jaar 4294969320 is no year" 400 '.invalidParams == [{"name": "jaar", "code": "year", "reason": "Noem een jaar, bijvoorbeeld 2024."}]'
for lijst in kostenposten scenarios kostenverdelingen; do
	req GET "/api/v1/$lijst?samenwerking=HB&jaar=4294969320" -H "$TC"
	problem "GET /$lijst: jaar 4294969320 is no year" 400 '.invalidParams[0].name == "jaar" and .invalidParams[0].code == "year"'
done
req GET "/api/v1/taakvelden?jaar=0000"
problem "GET /taakvelden: jaar 0000 is no year" 400 '.invalidParams[0].name == "jaar" and .invalidParams[0].code == "year"'
req GET "/api/v1/gemeenten?page=99999999999999999999"
problem "page beyond 64 bits is refused" 400 '.invalidParams == [{"name": "page", "code": "range", "reason": "page is een geheel getal van 1 tot en met 1.000.000."}]'
req GET "/api/v1/gemeenten?page=1000001&pageSize=-1"
problem "page 1000001 and pageSize -1" 400 '(.invalidParams | map(.name)) == ["page", "pageSize"]'
for v in 0 -1 99999999999999999999; do
	req POST "/api/v1/uren/importen?vervang=$v" -H "$TC" -H 'Content-Type: text/csv' --data-binary "@$FIXD/hb-uren-2025-01.csv"
	problem "POST /uren/importen: vervang $v" 400 "$(range vervang '1 of hoger')"
done
req POST "/api/v1/uren/importen?vervang=7x" -H "$TC" -H 'Content-Type: text/csv' --data-binary "@$FIXD/hb-uren-2025-01.csv"
problem "POST /uren/importen: vervang 7x is no number" 400 "$(range vervang '1 of hoger' integer)"
req POST "/api/v1/uren/importen?bestand=$(tekst 256)" -H "$TC" -H 'Content-Type: text/csv' --data-binary "@$FIXD/hb-uren-2025-01.csv"
problem "POST /uren/importen: a file name of 256 characters" 400 "$(lang bestand 255)"
printf 'medewerker;datum;gemeente;eenheid;uren;omschrijving\nHB-005;6-1-2025;GM0397;hb-communicatie;1;kort\nHB-005;7-1-2025;GM0397;hb-communicatie;1;%s\n' "$(tekst_e 1001)" >"$WORK/lang.csv"
req POST /api/v1/uren/importen -H "$TC" -H 'Content-Type: text/csv' --data-binary "@$WORK/lang.csv"
problem "POST /uren/importen: an overlong remark named by line and column" 400 '(.invalidParams | map(.name + "/" + .code + "/" + .reason)) == ["regel 3, kolom omschrijving/too-long/Gebruik hoogstens 1000 tekens."]'
printf 'code;eenheid;kostensoort;bedrag\n%s;hb-communicatie;personeel;1.000.000.000.000,01\n' "$(tekst 65)" >"$WORK/kp-lang.csv"
req POST "/api/v1/kostenposten?samenwerking=HB&jaar=2025" -H "$TC" -H 'Content-Type: text/csv' --data-binary "@$WORK/kp-lang.csv"
problem "POST /kostenposten: an overlong code and too large an amount, by line and column" 400 '(.invalidParams | map(.name + "/" + .code)) == ["regel 2: code/too-long", "regel 2: bedrag/range"]'
for v in 0 abc 99999999999999999999; do
	req GET "/api/v1/uren/importen/$v" -H "$TC"
	problem "GET /uren/importen/$v" 400 '.invalidParams[0].name == "batch"'
	req GET "/api/v1/kostenverdelingen/$v" -H "$TC"
	problem "GET /kostenverdelingen/$v" 400 '.invalidParams[0].name == "nummer"'
	req GET "/api/v1/kostenverdelingen/4/vergelijking?met=$v" -H "$TC"
	problem "GET /kostenverdelingen/4/vergelijking?met=$v" 400 '.invalidParams[0].name == "met"'
done
AS=beheer
req GET "/api/v1/besluiten?zoek=$(tekst 201)"
problem "GET /besluiten: zoek of 201 characters" 400 "$(lang zoek 200)"
req GET "/api/v1/eenheden?samenwerking=$(tekst 17 A)"
problem "GET /eenheden: a cooperation code of 17 characters" 400 "$(lang samenwerking 16)"
req POST /api/v1/besluiten -H 'Content-Type: application/json' \
	--data '{"verantwoordelijkeOrganisatie": "GM0358", "bestuursorgaan": "college", "datum": "2026-11-01", "onderwerp": "'"$(tekst 501)"'", "toelichting": "'"$(tekst_e 10001)"'", "portefeuillehouder": "'"$(tekst 201)"'", "afdeling": "'"$(tekst 201)"'", "openbaarheid": "actief_openbaar"}'
problem "POST /besluiten: every overlong field named" 400 '(.invalidParams | map(.name + "/" + .code + "/" + .reason)) == ["onderwerp/too-long/Gebruik hoogstens 500 tekens.", "toelichting/too-long/Gebruik hoogstens 10.000 tekens.", "portefeuillehouder/too-long/Gebruik hoogstens 200 tekens.", "afdeling/too-long/Gebruik hoogstens 200 tekens."]'
req PATCH /api/v1/besluiten/830016 -H 'Content-Type: application/merge-patch+json' --data '{"onderwerp": "'"$(tekst_e 501)"'"}'
problem "PATCH /besluiten: onderwerp of 501 characters" 400 "$(lang onderwerp 500)"
req POST /api/v1/besluiten/BESLUIT-2026-0000000002/statussen -H 'Content-Type: application/json' --data '{"status": "ingetrokken", "datum": "2026-11-21", "toelichting": "'"$(tekst 1001)"'"}'
problem "POST /statussen: a note of 1001 characters" 400 "$(lang toelichting 1000)"
# What a refusal quotes in the audit trail is cut to 200 characters, so
# that fifty entries always fit on the audit page.
curl -s -o /dev/null --data-urlencode "gebruikersnaam=$(tekst 60000 g)" --data-urlencode "wachtwoord=x" "$BASE/inloggen"
req GET "/api/v1/auditregels?pageSize=1&resource=sessie" -H "Authorization: Bearer $T_BEHEER"
check "a refused login quotes at most 200 characters of the name it was sent" 200 '(.results[0].resourceWeergave | length) == 201 and (.results[0].resourceWeergave | endswith("\u2026"))'
req GET /audit -H "Authorization: Bearer $T_BEHEER"
if [ "$STATUS" = 200 ] && grep -q "$(tekst 200 g)…" "$WORK/body"; then ok "page /audit shows it cut short"; else not_ok "page /audit shows it cut short" "status $STATUS"; fi
if grep -q '<td class="utrecht-table__cell">niet ingelogd</td>' "$WORK/body" && grep -q '<td class="utrecht-table__cell ambt-nowrap">22 november 2026, 10:30</td>' "$WORK/body" && ! grep -q '<td class="utrecht-table__cell">[0-9][0-9][0-9]</td>' "$WORK/body"; then ok "page /audit: outcomes in words, times in Amsterdam time"; else not_ok "page /audit: outcomes in words, times in Amsterdam time"; fi
BEFORE=$(dump)
# The same on pages: a Dutch page with the problem, nothing stored.
req GET "/besluiten?page=0"
if [ "$STATUS" = 400 ] && grep -q 'page is een geheel getal van 1 tot en met 1.000.000.' "$WORK/body"; then ok "page /besluiten?page=0 is 400"; else not_ok "page /besluiten?page=0 is 400" "status $STATUS"; fi
req GET "/kostenverdelingen/abc" -H "$TC"
if [ "$STATUS" = 400 ] && grep -q 'Geef een geheel getal van 1 of hoger.' "$WORK/body"; then ok "page /kostenverdelingen/abc is 400"; else not_ok "page /kostenverdelingen/abc is 400" "status $STATUS"; fi
AS=
req POST /samenwerkingen/HB/kostenverdelingen -H "$TC" --data 'jaar=4294969320'
if [ "$STATUS" = 400 ] && grep -q 'Noem een jaar, bijvoorbeeld 2024.' "$WORK/body"; then ok "form: jaar 4294969320 is refused"; else not_ok "form: jaar 4294969320 is refused" "status $STATUS"; fi
req POST /medewerkers/HB-300 -H "$TC" --data-urlencode "naam=$(tekst_e 201)"
if [ "$STATUS" = 400 ] && grep -q 'Gebruik hoogstens 200 tekens.' "$WORK/body"; then ok "form: a name of 201 characters is refused"; else not_ok "form: a name of 201 characters is refused" "status $STATUS"; fi
req POST /uren/importen -H "$TC" -F "bestand=@$FIXD/hb-uren-2025-01.csv" -F vervang=abc
if [ "$STATUS" = 400 ] && grep -q 'Vervangt batch: Geef een geheel getal van 1 of hoger.' "$WORK/body"; then ok "form: vervang abc is refused"; else not_ok "form: vervang abc is refused" "status $STATUS"; fi
req POST /uren/importen -H "$TC" -F "bestand=@$FIXD/hb-uren-2025-01.csv;filename=$(tekst 252 f).csv"
if [ "$STATUS" = 400 ] && grep -q 'Naam van het bestand: Gebruik hoogstens 255 tekens.' "$WORK/body"; then ok "form: a file name of 256 characters is refused"; else not_ok "form: a file name of 256 characters is refused" "status $STATUS"; fi
# Replacing a batch is asked first, naming the file, its cooperation and
# its hours; without the confirmation nothing is read in.
HBB=$(curl -s -H "$TC" "$BASE/api/v1/uren/importen?pageSize=500" | jq -r '[.results[] | select(.samenwerking == "HB" and .vervangenDoor == null and .bestand != "balie")][0] | "\(.batch)|\(.bestand)"')
HBN=${HBB%%|*}
req POST /uren/importen -H "$TC" -F "bestand=@$FIXD/hb-uren-2025-01.csv" -F "vervang=$HBN"
if [ "$STATUS" = 400 ] && grep -q "U vervangt batch $HBN: het bestand ${HBB#*|} van Ambtelijke samenwerking Heemstede–Bloemendaal, " "$WORK/body" && grep -q 'Er is niets ingelezen: bevestig eerst dat u deze batch vervangt' "$WORK/body"; then ok "form: replacing a batch is asked first"; else not_ok "form: replacing a batch is asked first" "status $STATUS, batch $HBB"; fi
req GET "/uren?vervang=$HBN" -H "$TC"
if [ "$STATUS" = 200 ] && grep -q "<input type=\"hidden\" name=\"vervang\" value=\"$HBN\">" "$WORK/body"; then ok "page /uren?vervang= asks the same"; else not_ok "page /uren?vervang= asks the same" "status $STATUS"; fi
if [ "$(dump)" = "$BEFORE" ]; then ok "refused forms change nothing"; else not_ok "refused forms change nothing"; fi
# Many rows with every text at its limit, in characters that take the
# most room on a page ('"' is &quot;, 'é' two bytes): the lists are shown
# a page at a time and answer 200, the API lists them all.
Q=$(i=0; while [ $i -lt 200 ]; do printf '\\"'; i=$((i + 1)); done)
i=1
while [ $i -le 130 ]; do
	curl -s -o /dev/null -H "$TC" -H 'Content-Type: application/json' --data \
		'{"personeelsnummer": "'"$(printf 'HB-%029d' $i)"'", "naam": "'"$Q"'", "werkgever": "GM0397", "eenheid": "hb-communicatie", "standplaats": "'"$(tekst_e 200)"'", "fteDuizendsten": 1000, "van": "2025-02-01"}' \
		"$BASE/api/v1/medewerkers"
	i=$((i + 1))
done
req GET "/api/v1/medewerkers?samenwerking=HB&zoek=HB-0000&pageSize=500" -H "$TC"
check "GET /medewerkers: 130 records at the limits" 200 '.count == 130 and all(.results[]; (.naam | length) == 200 and (.standplaats | length) == 200)'
req GET "/medewerkers?samenwerking=HB&zoek=HB-0000" -H "$TC"
if [ "$STATUS" = 200 ] && [ "$(grep -c '<tr class="utrecht-table__row"><td' "$WORK/body")" = 100 ] && grep -q 'href="/medewerkers?page=2&amp;samenwerking=HB&amp;zoek=HB-0000">volgende pagina' "$WORK/body"; then ok "page /medewerkers: 100 at a time, with a link to the next page"; else not_ok "page /medewerkers: 100 at a time, with a link to the next page" "status $STATUS"; fi
req GET "/medewerkers?samenwerking=HB&zoek=HB-0000&page=2" -H "$TC"
if [ "$STATUS" = 200 ] && [ "$(grep -c '<tr class="utrecht-table__row"><td' "$WORK/body")" = 30 ] && grep -q '&quot;&quot;&quot;' "$WORK/body"; then ok "page 2 shows the other 30"; else not_ok "page 2 shows the other 30" "status $STATUS"; fi
req GET "/uren?page=2" -H "$TC"
if [ "$STATUS" = 200 ] && grep -q 'Ingelezen bestanden' "$WORK/body"; then ok "page /uren?page=2"; else not_ok "page /uren?page=2" "status $STATUS"; fi
req GET "/audit?page=2" -H "$TC"
if [ "$STATUS" = 200 ] && grep -q 'Nieuwere regels' "$WORK/body"; then ok "page /audit?page=2"; else not_ok "page /audit?page=2" "status $STATUS"; fi
AS=beheer

# ---- graceful stop ----
kill -TERM "$PID"
for _ in $(seq 1 100); do
	kill -0 "$PID" 2>/dev/null || break
	sleep 0.05
done
if kill -0 "$PID" 2>/dev/null; then not_ok "stops on SIGTERM"; else
	wait "$PID"
	rc=$?
	if [ "$rc" = 0 ]; then ok "stops on SIGTERM with exit code 0"; else not_ok "stops on SIGTERM with exit code 0" "exit $rc"; fi
fi
PID=

echo "1..$n"
[ "$failed" = 0 ]

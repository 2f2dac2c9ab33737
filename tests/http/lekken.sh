#!/bin/sh
# lekken.sh - the leak crawl: secret decisions must not show anywhere to
# anyone who may not read them (docs/design/access.md). TAP output.
#
# On a fresh demo database, Heemstede's accounthouder records a secret
# decision with unique markers in its onderwerp, toelichting, status
# history and portefeuillehouder and a unique identificatie; the beheerder
# rearranges an HB unit by it and adopts HB's 2024 contribution
# calculation with it. Heemstede also makes the published decision 830016
# (it set a version of HB's framework) secret, after an anonymous visitor
# has had its pages cached; the demo's own secret decision
# BESLUIT-2021-0000000001 is checked too. Heemstede records one more
# secret decision under an identificatie that Aalsmeer then gives to a
# published decision of its own. Then every GET route of the
# server (`ambt serve --routes`), with its path parameters filled from the
# demo data and the query variants that matter, is fetched as every kind
# of principal, and:
#   - no text or identificatie of the secret decisions occurs in the
#     answer (headers and body) for anyone but the beheerder and
#     Heemstede's accounthouder (also with a read-only token);
#   - they do see them where they should (the decision, the unit, the
#     cooperation on a date after the change, the calculation, the audit
#     trail), so the crawl cannot pass on nothing;
#   - for everyone else a secret decision answers exactly as one that does
#     not exist (404, the same body once the identificatie is replaced),
#     searching for its words answers as searching for nothing, and the
#     identificatie it shares with Aalsmeer's answers as one that only
#     Aalsmeer has; and so does a refused write that names it (changing,
#     deleting or adopting it, arranging a unit or adopting a calculation
#     by it);
#   - no answer refers to a decision it leaves out (an empty link, "bij
#     besluit" followed by nothing);
#   - a GET route the crawl does not cover fails the test;
#   - neither the crawl nor the refused writes change the register.
#
# Usage: lekken.sh AMBT
set -u
AMBT=$(realpath "$1")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-lekken-XXXXXX")
export AMBT_NU=2026-11-22T10:30:00+01:00
unset AMBT_DB
DB_PREFIX=${DB_PREFIX:-lekken}
. "$(dirname "$0")/../lib/db.sh"
db_engine_of_test
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
n=0
failed=0
# (printf, not echo: a diagnostic may hold backslashes.)
ok() { n=$((n + 1)); printf 'ok %s - %s\n' "$n" "$1"; }
not_ok() {
	n=$((n + 1))
	failed=$((failed + 1))
	printf 'not ok %s - %s\n' "$n" "$1"
	shift
	for l in "$@"; do printf '# %s\n' "$l"; done
}
bail() { echo "Bail out! $*"; exit 1; }
tab=$(printf '\t')

# ---- the secret decisions and what marks them ----
# The new secret decision of Heemstede, with a marker in every text.
ID=LEKID-2c9d55
M_ONDERWERP=LEKTEST-7f3a9c
M_TOELICHTING=LEKUITLEG-b41e07
M_STAP=LEKSTAP-91ad3e
M_PORTEFEUILLE=LEKPORT-e5a0c4
# Heemstede's secret decision under the identificatie that Aalsmeer also
# gives to a published one, and Aalsmeer's published twin of that one
# under an identificatie of its own.
DUP=LEKDUP-3e8f10
DUP_AALSMEER=LEKDUQ-3e8f10
M_DUP=LEKDUBBEL-5c1b7a
# Which decisions must stay hidden: identificatie; an identificatie of the
# same length that should answer the same (one that no organisation has:
# 404, or Aalsmeer's twin: "-"); a word to search for that only this
# decision holds, and that word altered so that it matches nothing; and
# whether the identificatie itself gives the decision away.
cat >"$WORK/geheim" <<EOF
$ID	LEKID-000000	404	LEKTEST	LEKTOST	ja
830016	830019	404	Actualiseren	Bctualiseren	ja
BESLUIT-2021-0000000001	BESLUIT-2021-0000000099	404	Personele	Qersonele	ja
$DUP	$DUP_AALSMEER	-	LEKDUBBEL	LEKDUBBOL	nee
EOF
# Texts that only these decisions hold (identificatie<TAB>text).
cat >"$WORK/teksten" <<EOF
$ID	$M_ONDERWERP
$ID	$M_TOELICHTING
$ID	$M_STAP
$ID	$M_PORTEFEUILLE
830016	Actualiseren kader voor de ambtelijke samenwerking
830016	Het kader is in 2019 in Heemstede aangehouden
830016	A.C. Nienhuis
830016	Opnieuw geagendeerd met een kleine wijziging
830016	Vastgesteld in de raadsvergadering van 27 mei 2021
BESLUIT-2021-0000000001	Personele gevolgen van het onderbrengen
BESLUIT-2021-0000000001	geheim vanwege persoonsgegevens
$DUP	$M_DUP
EOF

# ---- the GET routes, which the crawl must all cover ----
"$AMBT" serve --routes | awk -F"$tab" '$1 == "GET" { print $2 }' | sort -u >"$WORK/get-routes"
[ -s "$WORK/get-routes" ] || bail "ambt serve --routes printed no GET route"

# ---- database and principals ----
DB=$(db_url db)
"$AMBT" demo --overschrijf --db "$DB" >"$WORK/demo.out" || bail "demo"
QKEY=$(sed -n 's/.*Qmatic-sleutel van Aalsmeer.*: \([0-9a-f]\{64\}\)$/\1/p' "$WORK/demo.out")
[ -n "$QKEY" ] || bail "the demo printed no Qmatic key"
add() {
	printf '%s\n' "$WACHTWOORD" | "$AMBT" gebruiker toevoegen "$1" --naam "$1" --rol "$2" \
		--scope "$3" --wachtwoord-stdin --db "$DB" >/dev/null || bail "gebruiker toevoegen $1"
}
WACHTWOORD=kast-paard-lek-nietje
add accounthouder.heemstede accounthouder GM0397
add accounthouder.bloemendaal accounthouder GM0377
add raadslid.heemstede raadslid GM0397
tok() {
	a=$1
	shift
	"$AMBT" gebruiker token "$a" --naam lekken "$@" --db "$DB" </dev/null | tail -1
}
# Principal, account (with the token's options; "sessie:" logs in with the
# form instead), whether it may read the secret decisions.
cat >"$WORK/wie" <<EOF
anon	-	nee
beheer	beheer	ja
c_aa	controller.aa	nee
c_hb	controller.hb	nee
ah_hee	accounthouder.heemstede	ja
ah_hee_ro	accounthouder.heemstede --alleen-lezen	ja
ah_blo	accounthouder.bloemendaal	nee
ah_blo_sessie	sessie:accounthouder.bloemendaal	nee
ah_aal	accounthouder.aalsmeer	nee
rl_hee	raadslid.heemstede	nee
rl_blo	raadslid.bloemendaal	nee
rl_aal	raadslid.aalsmeer	nee
pl_hee	planner.heemstede	nee
ba_aal	balie.aalsmeer	nee
EOF
WHO=$(cut -f1 "$WORK/wie")
# $WORK/auth/WHO: how WHO's requests say who they are (a curl config line).
mkdir "$WORK/auth"
while IFS="$tab" read -r who account _; do
	case $account in -|sessie:*) continue ;; esac
	# shellcheck disable=SC2086 # the account may carry --alleen-lezen
	t=$(tok $account)
	[ ${#t} = 64 ] || bail "token for $who"
	eval "T_$who=\$t"
	echo "header = \"Authorization: Bearer $t\"" >"$WORK/auth/$who"
done <"$WORK/wie"
# The Qmatic surface takes no account, only its key: the beheerder carries
# Aalsmeer's as well, so the crawl reads the surface with data too.
echo "header = \"X-Api-Key: $QKEY\"" >>"$WORK/auth/beheer"

"$AMBT" serve --db "$DB" --poort 0 --stil >"$WORK/serve.out" 2>&1 &
PID=$!
for _ in $(seq 1 100); do
	grep -q "draait op" "$WORK/serve.out" 2>/dev/null && break
	sleep 0.05
done
BASE=$(sed -n 's#^Ambt draait op \(http://[^/]*\)/.*#\1#p' "$WORK/serve.out")
[ -n "$BASE" ] || bail "server did not start"

# Logging in with the form (and its CSRF cookie), as a browser does.
while IFS="$tab" read -r who account _; do
	case $account in sessie:*) ;; *) continue ;; esac
	curl -s -o "$WORK/form" "$BASE/inloggen"
	cs=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$WORK/form")
	curl -s -o /dev/null -D "$WORK/headers" -H "Cookie: ambt_csrf=$cs" \
		--data-urlencode "gebruikersnaam=${account#sessie:}" \
		--data-urlencode "wachtwoord=$WACHTWOORD" --data-urlencode "csrf=$cs" "$BASE/inloggen"
	ses=$(sed -n 's/^[Ss]et-[Cc]ookie: ambt_sessie=\([0-9a-f]*\);.*/\1/p' "$WORK/headers")
	[ ${#ses} = 64 ] || bail "logging in as ${account#sessie:}"
	echo "cookie = \"ambt_sessie=$ses\"" >"$WORK/auth/$who"
done <"$WORK/wie"

# as WHO METHOD PATH [JSON [MEDIA-TYPE]]: the body in $WORK/out, the status
# in $STATUS.
as() {
	eval "t=\$T_$1"
	if [ $# -gt 3 ]; then
		STATUS=$(curl -s -o "$WORK/out" -w '%{http_code}' -X "$2" \
			-H "Authorization: Bearer $t" \
			-H "Content-Type: application/${5:-json}" --data "$4" "$BASE$3")
	else
		STATUS=$(curl -s -o "$WORK/out" -w '%{http_code}' -X "$2" \
			-H "Authorization: Bearer $t" "$BASE$3")
	fi
}
# step NAME EXPECTED: bail out unless the last request answered EXPECTED.
step() {
	[ "$STATUS" = "$2" ] || bail "$1: status $STATUS, expected $2: $(head -c 300 "$WORK/out")"
}

# ---- an anonymous visitor fills the cache before 830016 turns secret ----
WARM="/besluiten/830016 /besluiten/830016?verantwoordelijkeOrganisatie=GM0397
/api/v1/besluiten/830016 /api/v1/besluiten?pageSize=500 /besluiten
/samenwerkingen/HB /api/v1/samenwerkingen/HB/kaderartikelen?pageSize=500
/eenheden/hb-communicatie /eenheden/hb-informatisering"
for p in $WARM; do
	s=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$p")
	[ "$s" = 200 ] || bail "warming the cache: $p answered $s"
done

# ---- the secret decisions ----
as ah_hee POST /api/v1/besluiten "{\"identificatie\": \"$ID\", \"verantwoordelijkeOrganisatie\": \"GM0397\", \"bestuursorgaan\": \"college\", \"datum\": \"2024-05-14\", \"onderwerp\": \"Herinrichting Communicatie $M_ONDERWERP\", \"toelichting\": \"Vertrouwelijk: $M_TOELICHTING\", \"openbaarheid\": \"geheim\", \"geheimTot\": \"2031-01-01\", \"status\": \"voorgesteld\"}"
step "Heemstede records a secret decision" 201
as ah_hee POST "/api/v1/besluiten/$ID/statussen" "{\"status\": \"vastgesteld\", \"datum\": \"2024-05-21\", \"toelichting\": \"Akkoord $M_STAP\"}"
step "Heemstede adopts it" 201
as ah_hee PATCH "/api/v1/besluiten/$ID" "{\"portefeuillehouder\": \"$M_PORTEFEUILLE\"}" merge-patch+json
step "Heemstede names its portefeuillehouder" 200
as ah_hee PATCH /api/v1/besluiten/830016 '{"openbaarheid": "geheim", "geheimTot": "2031-01-01"}' merge-patch+json
step "Heemstede makes 830016 secret" 200
as beheer POST /api/v1/eenheden/hb-communicatie/inrichtingen "{\"van\": \"2024-07-01\", \"vorm\": \"eigen\", \"gemeente\": \"GM0397\", \"besluit\": \"$ID\"}"
step "the beheerder rearranges hb-communicatie by it" 201
as beheer POST /api/v1/kostenverdelingen '{"samenwerking": "HB", "jaar": 2024}'
step "the beheerder computes HB 2024" 201
KV=$(jq -r .nummer "$WORK/out")
as beheer POST "/api/v1/kostenverdelingen/$KV/vaststelling" "{\"besluit\": \"$ID\", \"verantwoordelijkeOrganisatie\": \"GM0397\"}"
step "the beheerder adopts it by the secret decision" 200
as ah_hee POST /api/v1/besluiten "{\"identificatie\": \"$DUP\", \"verantwoordelijkeOrganisatie\": \"GM0397\", \"bestuursorgaan\": \"burgemeester\", \"datum\": \"2024-03-01\", \"onderwerp\": \"Tweede geheim $M_DUP\", \"openbaarheid\": \"geheim\", \"geheimTot\": \"2031-01-01\"}"
step "Heemstede records a second secret decision" 201
for dup in $DUP $DUP_AALSMEER; do
	as ah_aal POST /api/v1/besluiten "{\"identificatie\": \"$dup\", \"verantwoordelijkeOrganisatie\": \"GM0358\", \"bestuursorgaan\": \"college\", \"datum\": \"2024-03-01\", \"onderwerp\": \"Openbaar besluit van Aalsmeer\", \"openbaarheid\": \"actief_openbaar\"}"
	step "Aalsmeer records a published decision $dup" 201
done
while IFS="$tab" read -r id fake status _; do
	as beheer GET "/api/v1/besluiten/$id?verantwoordelijkeOrganisatie=GM0397"
	step "the beheerder reads $id" 200
	[ "$(jq -r .openbaarheid "$WORK/out")" = geheim ] || bail "$id is not secret"
	# A made-up identificatie does not exist; Aalsmeer's twin does.
	case $status in 404) want=404 ;; *) want=200 ;; esac
	as beheer GET "/api/v1/besluiten/$fake"
	step "the beheerder asks for $fake" "$want"
done <"$WORK/geheim"

# ---- the URLs: PATTERN<TAB>PATH, one per GET route and its variants ----
api() {
	as beheer GET "$1"
	step "listing $1" 200
	cat "$WORK/out"
}
U=$WORK/urls
: >"$U"
u() { printf '%s\t%s\n' "$1" "$2" >>"$U"; }
DATES="2021-05-01 2024-06-30 2024-08-01"
YEARS="2023 2024 2025"
SWS=$(api "/api/v1/samenwerkingen?pageSize=500" | jq -r '.results[].code')
GEMS=$(api "/api/v1/gemeenten?pageSize=500" | jq -r '.results[].code')
REGS=$(api "/api/v1/regelingen?pageSize=500" | jq -r '.results[].code')
UNITS=$(api "/api/v1/eenheden?pageSize=500" | jq -r '.results[].code')
api "/api/v1/besluiten?pageSize=500" >"$WORK/besluiten.json"
[ "$(jq '.count == (.results | length)' "$WORK/besluiten.json")" = true ] || bail "more than 500 decisions"
jq -r '.results[] | [.identificatie, .verantwoordelijkeOrganisatie] | @tsv' "$WORK/besluiten.json" >"$WORK/ids"
NBES=$(jq .count "$WORK/besluiten.json")
BATCHES=$(api "/api/v1/uren/importen?pageSize=500" | jq -r '.results[].batch')
: >"$WORK/staff"
: >"$WORK/kv"
for sw in $SWS; do
	api "/api/v1/medewerkers?samenwerking=$sw&pageSize=500" | jq -r '.results[].personeelsnummer' >>"$WORK/staff"
	api "/api/v1/kostenverdelingen?samenwerking=$sw&pageSize=500" |
		jq -r --arg sw "$sw" '.results[] | [$sw, .nummer] | @tsv' >>"$WORK/kv"
done
for id in $(cut -f2 "$WORK/kv"); do
	api "/api/v1/kostenverdelingen/$id" | jq -r --arg n "$id" '.uitkomst.per_municipality | keys[] | [$n, .] | @tsv'
done >"$WORK/kv-gem"
grep -q "^HB	$KV\$" "$WORK/kv" || bail "calculation $KV is not listed"
[ -n "$BATCHES" ] && [ -s "$WORK/staff" ] && [ -s "$WORK/kv-gem" ] || bail "the demo has no staff, batches or calculations"

u /api/v1 /api/v1
u /api/v1/openapi.json /api/v1/openapi.json
u /api/v1/gemeenten "/api/v1/gemeenten?pageSize=500"
for g in $GEMS; do u "/api/v1/gemeenten/{code}" "/api/v1/gemeenten/$g"; done
u /api/v1/regelingen "/api/v1/regelingen?pageSize=500"
for r in $REGS; do u "/api/v1/regelingen/{code}" "/api/v1/regelingen/$r"; done
u /api/v1/samenwerkingen "/api/v1/samenwerkingen?pageSize=500"
u / /
for d in $DATES; do u /api/v1/samenwerkingen "/api/v1/samenwerkingen?pageSize=500&peildatum=$d"; done
for sw in $SWS; do
	u "/api/v1/samenwerkingen/{code}" "/api/v1/samenwerkingen/$sw"
	u "/api/v1/samenwerkingen/{code}/eenheden" "/api/v1/samenwerkingen/$sw/eenheden?pageSize=500"
	u "/api/v1/samenwerkingen/{code}/kaderartikelen" "/api/v1/samenwerkingen/$sw/kaderartikelen?pageSize=500"
	u "/samenwerkingen/{code}" "/samenwerkingen/$sw"
	for d in $DATES; do
		u "/api/v1/samenwerkingen/{code}" "/api/v1/samenwerkingen/$sw?peildatum=$d"
		u "/api/v1/samenwerkingen/{code}/eenheden" "/api/v1/samenwerkingen/$sw/eenheden?pageSize=500&peildatum=$d"
		u "/api/v1/samenwerkingen/{code}/kaderartikelen" "/api/v1/samenwerkingen/$sw/kaderartikelen?pageSize=500&peildatum=$d"
		u "/samenwerkingen/{code}" "/samenwerkingen/$sw?op=$d"
	done
	u /api/v1/eenheden "/api/v1/eenheden?pageSize=500&samenwerking=$sw"
	u /api/v1/werkstromen "/api/v1/werkstromen?pageSize=500&samenwerking=$sw"
	u /werkstromen "/werkstromen?samenwerking=$sw"
	u /api/v1/medewerkers "/api/v1/medewerkers?samenwerking=$sw&pageSize=500"
	u /medewerkers "/medewerkers?samenwerking=$sw"
	u /api/v1/kostenverdelingen "/api/v1/kostenverdelingen?samenwerking=$sw&pageSize=500"
	u "/samenwerkingen/{code}/kostenverdelingen" "/samenwerkingen/$sw/kostenverdelingen"
	u "/samenwerkingen/{code}/uren" "/samenwerkingen/$sw/uren"
	u "/samenwerkingen/{code}/kostenposten" "/samenwerkingen/$sw/kostenposten"
	u "/samenwerkingen/{code}/verdeelsleutels" "/samenwerkingen/$sw/verdeelsleutels"
	u "/samenwerkingen/{code}/scenarios" "/samenwerkingen/$sw/scenarios"
	u "/samenwerkingen/{code}/afwijkingen" "/samenwerkingen/$sw/afwijkingen"
	for y in $YEARS; do
		u /api/v1/uren/totalen "/api/v1/uren/totalen?samenwerking=$sw&jaar=$y"
		u /api/v1/uren/totalen "/api/v1/uren/totalen?samenwerking=$sw&jaar=$y&per=maand"
		u /api/v1/uren/afwijkingen "/api/v1/uren/afwijkingen?samenwerking=$sw&jaar=$y"
		u /api/v1/kostenposten "/api/v1/kostenposten?samenwerking=$sw&jaar=$y&pageSize=500"
		u /api/v1/scenarios "/api/v1/scenarios?samenwerking=$sw&jaar=$y&pageSize=500"
		u /api/v1/kostenverdelingen "/api/v1/kostenverdelingen?samenwerking=$sw&jaar=$y&pageSize=500"
		u "/samenwerkingen/{code}/uren" "/samenwerkingen/$sw/uren?jaar=$y"
		u "/samenwerkingen/{code}/kostenposten" "/samenwerkingen/$sw/kostenposten?jaar=$y"
		u "/samenwerkingen/{code}/verdeelsleutels" "/samenwerkingen/$sw/verdeelsleutels?jaar=$y"
		u "/api/v1/verdeelsleutels/{samenwerking}/{jaar}" "/api/v1/verdeelsleutels/$sw/$y"
		u "/samenwerkingen/{code}/afwijkingen" "/samenwerkingen/$sw/afwijkingen?jaar=$y"
	done
done
u /api/v1/eenheden "/api/v1/eenheden?pageSize=500"
for e in $UNITS; do
	u "/api/v1/eenheden/{code}" "/api/v1/eenheden/$e"
	u "/api/v1/eenheden/{code}/inrichtingen" "/api/v1/eenheden/$e/inrichtingen?pageSize=500"
	u "/eenheden/{code}" "/eenheden/$e"
done
u /api/v1/werkstromen "/api/v1/werkstromen?pageSize=500"
u /werkstromen /werkstromen
u /api/v1/taakvelden "/api/v1/taakvelden?pageSize=500"
# Accounts: the beheerder's pages of each account, everyone's own.
u /api/v1/gebruikers "/api/v1/gebruikers?pageSize=500"
u /gebruikers /gebruikers
u /api/v1/account /api/v1/account
u /account /account
for g in $(api "/api/v1/gebruikers?pageSize=500" | jq -r '.results[].gebruikersnaam'); do
	u "/api/v1/gebruikers/{gebruikersnaam}" "/api/v1/gebruikers/$g"
	u "/gebruikers/{gebruikersnaam}" "/gebruikers/$g"
done
u /api/v1/taakvelden "/api/v1/taakvelden?pageSize=500&jaar=2024"
u /api/v1/besluiten "/api/v1/besluiten?pageSize=500"
u /api/v1/besluiten "/api/v1/besluiten?pageSize=500&verantwoordelijkeOrganisatie=GM0397"
u /api/v1/besluiten "/api/v1/besluiten?pageSize=500&openbaarheid=geheim"
u /api/v1/besluiten "/api/v1/besluiten?pageSize=500&status=vastgesteld&datumVanaf=2024-01-01&datumTot=2024-12-31"
u /api/v1/besluiten "/api/v1/besluiten?pageSize=500&datumVanaf=2021-05-01&datumTot=2021-06-01"
u /besluiten /besluiten
for p in $(seq 2 $(((NBES + 24) / 25 + 1))); do u /besluiten "/besluiten?page=$p"; done
u /besluiten "/besluiten?gemeente=GM0397"
u /besluiten "/besluiten?gemeente=GM0397&status=vastgesteld&orgaan=college"
u /besluiten "/besluiten?gemeente=GM0397&orgaan=gemeenteraad"
while IFS="$tab" read -r id org; do
	for s in "" "?verantwoordelijkeOrganisatie=$org"; do
		u "/api/v1/besluiten/{identificatie}" "/api/v1/besluiten/$id$s"
		u "/api/v1/besluiten/{identificatie}/statussen" "/api/v1/besluiten/$id/statussen$s"
		u "/api/v1/besluiten/{identificatie}/wijzigingen" "/api/v1/besluiten/$id/wijzigingen$s"
		u "/besluiten/{identificatie}" "/besluiten/$id$s"
	done
done <"$WORK/ids"
while read -r m; do
	u "/api/v1/medewerkers/{nummer}" "/api/v1/medewerkers/$m"
	u "/medewerkers/{nummer}" "/medewerkers/$m"
done <"$WORK/staff"
u /api/v1/uren/importen "/api/v1/uren/importen?pageSize=500"
for b in $BATCHES; do u "/api/v1/uren/importen/{batch}" "/api/v1/uren/importen/$b"; done
u /uren /uren
u /rooster /rooster
u /rooster "/rooster?vestiging=aalsmeer-raadhuis&week=2026-W52"
u /rooster "/rooster?vestiging=amstelveen-raadhuis"
u "/rooster/diensten/{nummer}" /rooster/diensten/1
u "/afspraak/{gemeente}" /afspraak/aalsmeer
u "/afspraak/{gemeente}/tijden" "/afspraak/aalsmeer/tijden?product=paspoort&kanaal=fysiek&dag=2026-11-24"
u "/afspraak/{gemeente}/gegevens" "/afspraak/aalsmeer/gegevens?product=paspoort&kanaal=fysiek&tijd=aalsmeer-raadhuis%2C2026-11-24T09%3A00%3A00%2B01%3A00"
u "/afspraak/{gemeente}/wijzigen" /afspraak/amstelveen/wijzigen
u "/afspraak/{gemeente}/wachtlijst" "/afspraak/aalsmeer/wachtlijst?product=paspoort"
while IFS="$tab" read -r sw k; do
	u "/api/v1/kostenverdelingen/{nummer}" "/api/v1/kostenverdelingen/$k"
	u "/kostenverdelingen/{nummer}" "/kostenverdelingen/$k"
	# Compared with every other calculation of its cooperation (or itself).
	others=$(awk -F"$tab" -v sw="$sw" -v k="$k" '$1 == sw && $2 != k { print $2 }' "$WORK/kv")
	for m in ${others:-$k}; do
		u "/api/v1/kostenverdelingen/{nummer}/vergelijking" "/api/v1/kostenverdelingen/$k/vergelijking?met=$m"
		u "/kostenverdelingen/{nummer}/vergelijking" "/kostenverdelingen/$k/vergelijking?met=$m"
	done
done <"$WORK/kv"
while IFS="$tab" read -r k g; do
	u "/kostenverdelingen/{nummer}/gemeenten/{gemeente}" "/kostenverdelingen/$k/gemeenten/$g"
done <"$WORK/kv-gem"
u /toegankelijkheid /toegankelijkheid
u /api /api
u /inloggen /inloggen
u "/static/{bestand}" /static/ambt.css
# The front office: locations, catalogues, free times, the roster, the
# day lists of the coming two weeks and every appointment in them.
u /api/v1/vestigingen "/api/v1/vestigingen?pageSize=500"
for g in GM0358 GM0362; do
	u /api/v1/vestigingen "/api/v1/vestigingen?gemeente=$g"
	u /api/v1/producten "/api/v1/producten?gemeente=$g&alle=true"
	for p in $(api "/api/v1/producten?gemeente=$g&alle=true" | jq -r '.results[].code'); do
		u "/api/v1/producten/{code}" "/api/v1/producten/$p?gemeente=$g"
	done
	u /api/v1/vrije-tijden "/api/v1/vrije-tijden?gemeente=$g&product=paspoort&van=2026-11-23&tot=2026-12-06"
	u /api/v1/vrije-tijden "/api/v1/vrije-tijden?gemeente=$g&product=verhuizing&kanaal=video&van=2026-11-23&tot=2026-12-06"
	u /api/v1/roosterdiensten "/api/v1/roosterdiensten?gemeente=$g&van=2026-11-23&tot=2026-12-06"
	u /api/v1/balie "/api/v1/balie?gemeente=$g&datum=2026-11-23"
	u /balie "/balie?gemeente=$g&datum=2026-11-23"
	u /api/v1/afspraakstatistiek "/api/v1/afspraakstatistiek?gemeente=$g&van=2026-10-01&tot=2026-12-31"
	u /afspraakstatistiek "/afspraakstatistiek?gemeente=$g&van=2026-10-01&tot=2026-12-31"
	u /api/v1/vrijgaven "/api/v1/vrijgaven?gemeente=$g"
	u /api/v1/wachtlijst "/api/v1/wachtlijst?gemeente=$g"
done
: >"$WORK/refs"
for v in $(api "/api/v1/vestigingen?pageSize=500" | jq -r '.results[].code'); do
	u "/api/v1/vestigingen/{code}" "/api/v1/vestigingen/$v"
	u /api/v1/roosterdiensten "/api/v1/roosterdiensten?vestiging=$v&van=2026-11-23&tot=2026-11-29"
	u "/api/v1/balie/{vestiging}" "/api/v1/balie/$v?datum=2026-11-23"
	u "/balie/{vestiging}" "/balie/$v?datum=2026-11-23"
	for dag in 2026-11-23 2026-11-24 2026-11-25 2026-11-26 2026-11-27 \
		2026-11-30 2026-12-01 2026-12-02 2026-12-03 2026-12-04; do
		u /api/v1/afspraken "/api/v1/afspraken?vestiging=$v&datum=$dag"
		api "/api/v1/afspraken?vestiging=$v&datum=$dag" | jq -r '.results[].referentie' >>"$WORK/refs"
	done
done
[ -s "$WORK/refs" ] || bail "the demo has no appointments in the coming two weeks"
for r in $(cat "$WORK/refs"); do u "/api/v1/afspraken/{referentie}" "/api/v1/afspraken/$r"; done
# The Qmatic surface answers no account, only its key (tests/http/qmatic.sh).
for r in $(head -n 3 "$WORK/refs"); do u "/qmatic/calendar-backend/public/api/v1/appointments/{id}" "/qmatic/calendar-backend/public/api/v1/appointments/$r"; done
u "/qmatic/calendar-backend/public/api/v1/services" "/qmatic/calendar-backend/public/api/v1/services"
u "/qmatic/calendar-backend/public/api/v1/services/groups" "/qmatic/calendar-backend/public/api/v1/services/groups;servicePublicId=paspoort"
u "/qmatic/calendar-backend/public/api/v1/services/{service}/branches" "/qmatic/calendar-backend/public/api/v1/services/paspoort/branches"
u "/qmatic/calendar-backend/public/api/v1/branches" "/qmatic/calendar-backend/public/api/v1/branches"
u "/qmatic/calendar-backend/public/api/v1/branches/{branch}" "/qmatic/calendar-backend/public/api/v1/branches/aalsmeer-raadhuis"
u "/qmatic/calendar-backend/public/api/v1/branches/{branch}/services" "/qmatic/calendar-backend/public/api/v1/branches/aalsmeer-raadhuis/services"
u "/qmatic/calendar-backend/public/api/v2/branches/{branch}/services/groups" "/qmatic/calendar-backend/public/api/v2/branches/aalsmeer-raadhuis/services/groups;servicePublicId=paspoort"
u "/qmatic/calendar-backend/public/api/v2/branches/{branch}/dates" "/qmatic/calendar-backend/public/api/v2/branches/aalsmeer-raadhuis/dates;servicePublicId=paspoort"
u "/qmatic/calendar-backend/public/api/v2/branches/{branch}/dates/{date}/times" "/qmatic/calendar-backend/public/api/v2/branches/aalsmeer-raadhuis/dates/2026-11-24/times;servicePublicId=paspoort"
# Twins: every URL that names a secret decision, once more with its twin
# identificatie (see $WORK/geheim); and searching for a secret decision's
# word or identificatie, once more for ones that match nothing
# (URL<TAB>TWIN<TAB>WHAT URL NAMES<TAB>WHAT TWIN NAMES<TAB>STATUS OR -).
: >"$WORK/twins"
while IFS="$tab" read -r id fake status word noword _; do
	awk -F"$tab" -v id="$id" -v fake="$fake" -v status="$status" '
	function swap(p, i) {
		i = index(p, "/" id)
		if (i == 0) return ""
		return substr(p, 1, i) fake substr(p, i + 1 + length(id))
	}
	index($2, "/" id "/") || index($2, "/" id "?") || substr($2, length($2) - length(id)) == "/" id {
		print $2 "\t" swap($2) "\t" id "\t" fake "\t" status
	}' "$U" >>"$WORK/twins"
	for q in "/api/v1/besluiten?pageSize=500&zoek=" "/besluiten?zoek="; do
		printf '%s%s\t%s%s\t%s\t%s\t-\n' "$q" "$word" "$q" "$noword" "$word" "$noword"
		printf '%s%s\t%s%s\t%s\t%s\t-\n' "$q" "$id" "$q" "$fake" "$id" "$fake"
	done >>"$WORK/twins"
done <"$WORK/geheim"
for p in $WARM; do
	cut -f2 "$U" | grep -qxF "$p" || bail "the cache was warmed with $p, which the crawl does not fetch"
done
cut -f1,2 "$WORK/twins" | while IFS="$tab" read -r real twin; do
	case "$real" in
	*zoek=*) u "${real%%\?*}" "$real"; u "${twin%%\?*}" "$twin" ;;
	*) awk -F"$tab" -v p="$real" -v t="$twin" '$2 == p { print $1 "\t" t; exit }' "$U" >>"$U.twins" ;;
	esac
done
cat "$U.twins" >>"$U"
rm -f "$U.twins"

# ---- the crawl ----
dump() {
	db_inhoud "$DB" audit,inlogpoging,sessie
}
before=$(dump)
# fetch LIST DIR: every path of LIST (PATTERN<TAB>PATH) as every
# principal, each one curl with one connection, all principals at once:
# DIR/WHO/N holds headers and body of line N.
fetch() {
	pids=
	for who in $WHO; do
		mkdir -p "$2/$who"
		{
			echo 'silent'
			echo 'globoff'
			echo 'include'
			[ "$who" = anon ] || cat "$WORK/auth/$who"
			awk -F"$tab" -v base="$BASE" -v dir="$2/$who" '{
				printf "url = \"%s%s\"\noutput = \"%s/%d\"\n", base, $2, dir, NR }' "$1"
		} >"$2/$who.cfg"
		curl -K "$2/$who.cfg" &
		pids="$pids $!"
	done
	for p in $pids; do wait "$p"; done
}
start=$(date +%s)
fetch "$U" "$WORK/r"
# The audit trail last, when the crawl's own refusals are in it: every
# page of it as the beheerder sees it, and per kind of resource.
as beheer GET "/api/v1/auditregels?pageSize=1"
step "counting the audit trail" 200
NAUDIT=$(jq .count "$WORK/out")
: >"$WORK/audit-urls"
for p in $(seq 1 $(((NAUDIT + 499) / 500))); do
	printf '/api/v1/auditregels\t/api/v1/auditregels?pageSize=500&page=%s\n' "$p" >>"$WORK/audit-urls"
	as beheer GET "/api/v1/auditregels?pageSize=500&page=$p"
	jq -r '.results[].resource' "$WORK/out"
done | sort -u >"$WORK/resources"
grep -qx besluit "$WORK/resources" && grep -qx inrichting "$WORK/resources" || bail "no audit entries of decisions and arrangements"
while read -r r; do
	printf '/api/v1/auditregels\t/api/v1/auditregels?pageSize=500&resource=%s\n' "$r" >>"$WORK/audit-urls"
done <"$WORK/resources"
printf '/audit\t/audit\n' >>"$WORK/audit-urls"
for p in $(seq 2 $(((NAUDIT + 49) / 50))); do printf '/audit\t/audit?page=%s\n' "$p" >>"$WORK/audit-urls"; done
cat "$U" "$WORK/audit-urls" | cut -f1 | sort -u >"$WORK/crawled-routes"
missing=$(comm -23 "$WORK/get-routes" "$WORK/crawled-routes")
extra=$(comm -13 "$WORK/get-routes" "$WORK/crawled-routes")
[ -z "$missing" ] && ok "the crawl covers every GET route" || not_ok "the crawl covers every GET route" "not crawled: $(echo $missing)"
[ -z "$extra" ] && ok "the crawl names only existing GET routes" || not_ok "the crawl names only existing GET routes" "unknown: $(echo $extra)"
fetch "$WORK/audit-urls" "$WORK/ra"
secs=$(($(date +%s) - start))
after=$(dump)
NURL=$(($(wc -l <"$U") + $(wc -l <"$WORK/audit-urls")))
NWHO=$(echo $WHO | wc -w)
echo "# $NWHO principals × $NURL URLs = $((NWHO * NURL)) requests in $secs s"

# ---- refused writes that name a secret decision ----
# Whoever may not read a secret decision learns nothing from naming it in
# a write either: each of these, with the secret identificatie and with
# its twin, must answer the same (compared below); only they send them.
# Nothing may be written: an adopted decision is neither deleted nor given
# a status "x", calculation KV is adopted already, and the change of an HB
# unit is valid but for its decision, so that were the decision found for
# HB's controller, the change would be written and the register changed.
: >"$WORK/writes"
: >"$WORK/write-twins"
w() { printf '%s\t%s\t%s\t%s\n' "$@" >>"$WORK/writes"; }
while IFS="$tab" read -r id fake _; do
	for x in "$id" "$fake"; do
		w PATCH "/api/v1/besluiten/$x" merge-patch+json '{"onbekend": 1}'
		w PATCH "/api/v1/besluiten/$x?verantwoordelijkeOrganisatie=GM0397" merge-patch+json '{"onbekend": 1}'
		w DELETE "/api/v1/besluiten/$x" - -
		w POST "/api/v1/besluiten/$x/statussen" json '{"status": "x", "datum": "2026-01-01"}'
		w POST /api/v1/eenheden/hb-communicatie/inrichtingen json "{\"van\": \"2025-01-01\", \"vorm\": \"gedeeld\", \"besluit\": \"$x\"}"
		w POST "/api/v1/kostenverdelingen/$KV/vaststelling" json "{\"besluit\": \"$x\"}"
		w POST "/api/v1/kostenverdelingen/$KV/vaststelling" json "{\"besluit\": \"$x\", \"verantwoordelijkeOrganisatie\": \"GM0397\"}"
	done
	k=$(wc -l <"$WORK/writes")
	for j in 1 2 3 4 5 6 7; do
		printf '%s\t%s\t%s\t%s\n' $((k - 14 + j)) $((k - 7 + j)) "$id" "$fake" >>"$WORK/write-twins"
	done
done <"$WORK/geheim"
for who in $(awk -F"$tab" '$3 == "nee" { print $1 }' "$WORK/wie"); do
	mkdir -p "$WORK/rw/$who"
	awk -F"$tab" -v base="$BASE" -v dir="$WORK/rw/$who" -v auth="$WORK/auth/$who" '{
		if (NR > 1) print "next"
		print "silent\ngloboff\ninclude"
		while ((getline l < auth) > 0) print l
		close(auth)
		printf "url = \"%s%s\"\noutput = \"%s/%d\"\nrequest = \"%s\"\n", base, $2, dir, NR, $1
		if ($3 != "-") {
			printf "header = \"Content-Type: application/%s\"\n", $3
			gsub(/\\/, "\\\\", $4)
			gsub(/"/, "\\\"", $4)
			printf "data = \"%s\"\n", $4
		}
	}' "$WORK/writes" >"$WORK/rw/$who.cfg"
	curl -K "$WORK/rw/$who.cfg"
done
[ "$(dump)" = "$after" ] && ok "the refused writes changed nothing in the register" || not_ok "the refused writes changed nothing in the register"

# The server stops on SIGTERM, cleanly (under the sanitizers: no report).
kill -TERM "$PID"
wait "$PID"
rc=$?
PID=
if [ "$rc" = 0 ] && ! grep -q 'Sanitizer\|runtime error' "$WORK/serve.out"; then
	ok "the server stops cleanly"
else
	not_ok "the server stops cleanly" "exit $rc" "$(grep -m 5 'Sanitizer\|runtime error' "$WORK/serve.out")"
fi

# ---- what the crawl found ----
python3 - "$WORK" "$ID" "$KV" <<'EOF' >"$WORK/results" || bail "the analysis failed"
import collections, os, re, sys
work, ID, KV = sys.argv[1], sys.argv[2], sys.argv[3]

def lines(name):
    with open(os.path.join(work, name), encoding="utf-8") as f:
        return [l.rstrip("\n").split("\t") for l in f if l.strip()]

wie = lines("wie")
allowed = {w for w, _, mag in wie if mag == "ja"}
geheim = lines("geheim")
teksten = lines("teksten")
# An identificatie counts where it stands alone: not inside a longer
# number or a hash.
def word(i):
    return re.compile(r"(?<![0-9A-Za-z])" + re.escape(i) + r"(?![0-9A-Za-z])")
# Identificaties that give a secret decision away (not one it shares with
# a published decision of another organisation).
id_re = {g[0]: word(g[0]) for g in geheim if g[5] == "ja"}

crawl = []  # (dir, index, pattern, path)
for d, lst in (("r", "urls"), ("ra", "audit-urls")):
    for k, (pat, path) in enumerate(lines(lst), 1):
        crawl.append((d, k, pat, path))
# Identificaties that more than one organisation has (the beheerder must
# name the organisation).
ambiguous = [word(i) for i, n in collections.Counter(
    l[0] for l in lines("ids")).items() if n > 1]

def read(who, d, k):
    p = os.path.join(work, d, who, str(k))
    try:
        with open(p, "rb") as f:
            raw = f.read().decode("utf-8", "replace")
    except OSError:
        return None, ""
    head = raw.split("\r\n", 1)[0].split(" ")
    status = head[1] if len(head) > 1 else "?"
    return status, raw

def found(raw, path):
    """What of the secret decisions this answer shows: (identificatie,
    what, excerpt); an identificatie the URL itself names is left to the
    twin comparison below."""
    out = []
    for i, t in teksten:
        at = raw.find(t)
        if at >= 0:
            out.append((i, t, raw[max(0, at - 50):at + len(t) + 30]))
    # The OpenAPI document and the static files are fixed texts in the
    # program: an example identificatie there is no data.
    fixed = path.startswith(("/api/v1/openapi.json", "/static/"))
    for i in id_re:
        if fixed or id_re[i].search(path):
            continue
        m = id_re[i].search(raw)
        if m:
            out.append((i, "identificatie " + i, raw[max(0, m.start() - 60):m.end() + 30]))
    return out

def tap(ok, name, diag=()):
    print(("ok - " if ok else "not ok - ") + name)
    for d in diag:
        print("# " + d.replace("\n", " ").replace("\r", ""))

answers = {}
for who, _, _ in wie:
    for d, k, pat, path in crawl:
        answers[(who, path)] = read(who, d, k)

# Every URL answers the beheerder, but the twins (below) and the decisions
# that more than one organisation has, asked for without the organisation.
twins = lines("twins")
twin_urls = {t[1] for t in twins}
bad = [f"{s} {path}" for d, k, pat, path in crawl
       for s, _ in [answers[("beheer", path)]]
       if s != "200" and path not in twin_urls and
       not (any(r.search(path) for r in ambiguous) and
            "verantwoordelijkeOrganisatie=" not in path)]
tap(not bad, f"the beheerder gets 200 on every crawled URL ({len(crawl)})", bad[:40])

# Everyone is who they say: logged in (the audit page needs it), but anon.
wrong = [f"{who}: {answers[(who, '/audit')][0]}" for who, _, _ in wie
         if answers[(who, "/audit")][0] != ("401" if who == "anon" else "200")]
tap(not wrong, "every principal but anon is logged in", wrong)

# Per principal: leaks, or for those who may read, the places they must
# see the secret decisions.
must = [
    (f"/api/v1/besluiten/{ID}", ID), (f"/besluiten/{ID}", ID),
    (f"/api/v1/besluiten/{ID}/statussen", ID),
    ("/api/v1/eenheden/hb-communicatie", ID),
    ("/api/v1/eenheden/hb-communicatie/inrichtingen?pageSize=500", ID),
    ("/eenheden/hb-communicatie", ID),
    ("/api/v1/samenwerkingen/HB?peildatum=2024-08-01", ID),
    ("/api/v1/samenwerkingen/HB/eenheden?pageSize=500&peildatum=2024-08-01", ID),
    ("/samenwerkingen/HB?op=2024-08-01", ID), ("/samenwerkingen/HB", ID),
    (f"/api/v1/kostenverdelingen/{KV}", ID), (f"/kostenverdelingen/{KV}", ID),
    ("/samenwerkingen/HB/kostenverdelingen", ID),
    ("/api/v1/auditregels?pageSize=500&resource=besluit", ID),
    ("/api/v1/besluiten?pageSize=500", ID), ("/besluiten?zoek=LEKTEST", ID),
    ("/besluiten/830016", "830016"),
    ("/api/v1/samenwerkingen/HB/kaderartikelen?pageSize=500", "830016"),
    ("/samenwerkingen/HB?op=2024-08-01", "830016"),
    ("/eenheden/hb-informatisering", "830016"),
    ("/api/v1/uren/afwijkingen?samenwerking=HB&jaar=2024", ID),
    ("/api/v1/uren/afwijkingen?samenwerking=HB&jaar=2024", "830016"),
    ("/samenwerkingen/HB/afwijkingen?jaar=2024", ID),
    (f"/kostenverdelingen/{KV}/gemeenten/GM0377", ID),
] + [(p, ID) for p in sorted({c[3] for c in crawl}) if re.fullmatch(
    r"/api/v1/kostenverdelingen/[0-9]+/vergelijking\?met=" + KV, p)] + [
    ("/api/v1/auditregels?pageSize=500&resource=besluit", "830016"),
    ("/besluiten/BESLUIT-2021-0000000001", "BESLUIT-2021-0000000001"),
    ("/api/v1/besluiten?pageSize=500&openbaarheid=geheim", "BESLUIT-2021-0000000001"),
    ("/besluiten/LEKDUP-3e8f10", "LEKDUP-3e8f10"),
    ("/api/v1/besluiten/LEKDUP-3e8f10?verantwoordelijkeOrganisatie=GM0397", "LEKDUP-3e8f10"),
    ("/api/v1/besluiten?pageSize=500&zoek=LEKDUBBEL", "LEKDUP-3e8f10"),
]
paths = {path for _, _, _, path in crawl}
for p, _ in must:
    if p not in paths:
        tap(False, f"the crawl includes {p}")
for who, _, _ in wie:
    hits, leaks = 0, []
    for d, k, pat, path in crawl:
        s, raw = answers[(who, path)]
        if s is None:
            leaks.append(f"{path}: no answer")
            continue
        f = found(raw, path)
        if f:
            hits += 1
            if who not in allowed:
                for i, what, ex in f:
                    leaks.append(f"{s} {path}: {what!r} of secret {i}: ...{ex}...")
    if who in allowed:
        missed = []
        for p, i in must:
            s, raw = answers.get((who, p), (None, ""))
            if not any(x[0] == i for x in found(raw, "")):
                missed.append(f"{s} {p}: nothing of {i}")
        tap(not missed and hits >= 50 and not leaks,
            f"{who} may read the secret decisions and sees them where it should ({hits} URLs)",
            missed + ([f"only {hits} URLs show them"] if hits < 50 else []) + leaks)
    else:
        tap(not leaks, f"nothing of the secret decisions reaches {who} ({len(crawl)} URLs)",
            leaks[:60] + ([f"... {len(leaks) - 60} more"] if len(leaks) > 60 else []))

# A reference to a decision the reader may not see is left out entirely:
# no link without an identificatie or organisation, no "bij besluit" with
# nothing after it, no empty identificatie.
leeg = re.compile(r'href="/besluiten/[?"]|verantwoordelijkeOrganisatie=["&]|'
                  r'bij besluit\s*([.,;:)]|</)|"(besluit|identificatie)":\s*""')
empty = []
for who, _, _ in wie:
    for d, k, pat, path in crawl:
        m = leeg.search(answers[(who, path)][1])
        if m:
            raw = answers[(who, path)][1]
            empty.append(f"{who} {path}: ...{raw[max(0, m.start() - 60):m.end() + 20]}...")
tap(not empty, f"no answer refers to a decision it leaves out ({len(wie)} principals)", empty[:40])

# A secret decision answers exactly as one that does not exist (or, where
# Aalsmeer has a published one under the same identificatie, as one that
# only Aalsmeer has), and searching for its words as searching for nothing.
def norm(raw, a, b):
    hdr, _, body = raw.partition("\r\n\r\n")
    hdr = "\r\n".join(l for l in hdr.split("\r\n") if not l.lower().startswith("date:"))
    return (hdr + "\r\n\r\n" + body).replace(a, "@@").replace(b, "@@")

for who, _, _ in wie:
    if who in allowed:
        continue
    diff = []
    for real, twin, a, b, want in twins:
        s1, r1 = answers[(who, real)]
        s2, r2 = answers[(who, twin)]
        if want != "-" and s1 != want:
            diff.append(f"{real}: {s1}, expected {want}")
        if norm(r1, a, b) != norm(r2, a, b):
            n1, n2 = norm(r1, a, b), norm(r2, a, b)
            at = next((j for j in range(min(len(n1), len(n2))) if n1[j] != n2[j]), min(len(n1), len(n2)))
            diff.append(f"{real} ({s1}) differs from {twin} ({s2}): ...{n1[max(0, at - 40):at + 60]!r} against ...{n2[max(0, at - 40):at + 60]!r}")
    tap(not diff, f"for {who} every URL naming a secret decision answers as its twin ({len(twins)} pairs)", diff[:40])

# The same for the refused writes.
writes = lines("writes")
wtwins = lines("write-twins")
for who, _, _ in wie:
    if who in allowed:
        continue
    diff = []
    for i, j, a, b in wtwins:
        s1, r1 = read(who, "rw", i)
        s2, r2 = read(who, "rw", j)
        m, p, _, body = writes[int(i) - 1]
        if s1 is None or norm(r1, a, b) != norm(r2, a, b):
            n1, n2 = norm(r1, a, b), norm(r2, a, b)
            at = next((x for x in range(min(len(n1), len(n2))) if n1[x] != n2[x]), min(len(n1), len(n2)))
            diff.append(f"{m} {p} {body} ({s1}) differs from its twin ({s2}): ...{n1[max(0, at - 40):at + 80]!r} against ...{n2[max(0, at - 40):at + 80]!r}")
    tap(not diff, f"for {who} a refused write naming a secret decision answers as its twin ({len(wtwins)} pairs)", diff[:40])
EOF
while IFS= read -r line; do
	case "$line" in
	"ok - "*) ok "${line#ok - }" ;;
	"not ok - "*) not_ok "${line#not ok - }" ;;
	*) printf '%s\n' "$line" ;;
	esac
done <"$WORK/results"

[ "$before" = "$after" ] && ok "the crawl changed nothing in the register" || not_ok "the crawl changed nothing in the register"
if "$AMBT" audit controleer --db "$DB" >/dev/null; then ok "audit chain intact"; else not_ok "audit chain intact"; fi
# For tests/http/gelijk.sh: every answer of the crawl, kept.
if [ -n "${LEKKEN_BEWAAR:-}" ]; then
	mkdir -p "$LEKKEN_BEWAAR"
	cp -r "$WORK/r" "$WORK/ra" "$U" "$WORK/audit-urls" "$LEKKEN_BEWAAR/"
fi
echo "1..$n"
[ "$failed" = 0 ]

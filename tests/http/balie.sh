#!/bin/sh
# balie.sh - the desk over HTTP, on the demo with the clock on Sunday 22
# November 2026 (TAP output): Aalsmeer's day list as its baliemedewerker
# sees it, an appointment served at Aalsmeer's desk whose minutes appear
# in Aalsmeer's hours of 2026 (the urenverdeling, the input of that
# year's contribution calculation) and go again when undone, statuses in
# the wrong order, another municipality's appointment answered as one
# that does not exist, bad input (problem+json, nothing stored), a
# walk-in on a closed day, and the statistics of that day.
#
# Usage: balie.sh AMBT
set -u
AMBT=$(realpath "$1")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-balie-XXXXXX")
export AMBT_NU=2026-11-22T10:30:00+01:00
unset AMBT_DB
DB_PREFIX=balie
. "$(dirname "$0")/../lib/db.sh"
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/serve.sh"
db_engine_of_test
trap 'serve_stop; rm -rf "$WORK"' EXIT
DB=$(db_url db)

"$AMBT" demo --overschrijf --db "$DB" >/dev/null || { echo "Bail out! demo"; exit 1; }
token() {
	"$AMBT" gebruiker token "$1" --naam test --db "$DB" | tail -1
}
T_balie=$(token balie.aalsmeer)
T_beheer=$(token beheer)
T_ah=$(token accounthouder.aalsmeer)
serve_start a "$DB"
BASE=$BASE_a/api/v1

AS=balie
req() {
	m=$1
	p=$2
	shift 2
	eval "t=\$T_$AS"
	STATUS=$(curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' \
		-H "Authorization: Bearer $t" -X "$m" "$@" "$BASE$p")
}
post() {
	p=$1
	b=$2
	shift 2
	req POST "$p" -H 'Content-Type: application/json' --data "$b" "$@"
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
dump() {
	db_inhoud "$DB" audit,inlogpoging,sessie
}
problem() {
	ct=$(grep -i '^content-type:' "$WORK/headers" | sed 's/^[^:]*: *//; s/\r$//')
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
# Aalsmeer's hours in 2026 (hundredths) in the urenverdeling of AA.
uren_aalsmeer() {
	AS=ah req GET "/uren/totalen?samenwerking=AA&jaar=2026"
	[ "$STATUS" = 200 ] || { echo "totalen: $STATUS" >&2; echo -1; return; }
	jq -r '[.verdeling[] | select(.gemeente == "GM0358") | .honderdsten] | add // 0' "$WORK/body"
}

# ---- the day list ----
DAG=2026-10-26
req GET "/balie/aalsmeer-raadhuis?datum=$DAG"
check "Aalsmeer's day list for its baliemedewerker" 200 '.count > 0 and ([.results[].vestiging] | unique) == ["aalsmeer-raadhuis"] and ([.results[] | keys] | unique | length) == 1 and (.results[0] | has("email") or has("telefoon") | not) and (.results[0].producten[0] | has("personen"))'
REF=$(jq -r '[.results[] | select(.status == "geboekt")][0].referentie' "$WORK/body")
MIN=$(jq -r '[.results[] | select(.status == "geboekt")][0] | ((.eind | sub("\\+01:00$"; "Z") | fromdate) - (.start | sub("\\+01:00$"; "Z") | fromdate)) / 60' "$WORK/body")
H=$(( (MIN * 100 + 30) / 60 ))
req GET "/balie?datum=$DAG"
check "the planner's view: every location of the role's municipality" 200 '([.results[].vestiging] | unique | all(startswith("aalsmeer")))'
NDAG=$(jq -r .count "$WORK/body")

# ---- served time becomes hours ----
VOOR=$(uren_aalsmeer)
post "/afspraken/$REF/status" '{"status": "geholpen"}'
check "serve $REF at Aalsmeer's desk" 200 ".referentie == \"$REF\" and .status == \"geholpen\""
NA=$(uren_aalsmeer)
[ "$NA" = $((VOOR + H)) ] && ok "its $MIN minutes are in Aalsmeer's hours of 2026 ($H hundredths)" ||
	not_ok "its $MIN minutes are in Aalsmeer's hours of 2026" "before $VOOR, after $NA, expected +$H"
BEFORE=$(dump)
post "/afspraken/$REF/status" '{"status": "geholpen"}'
problem "served twice" 409 '.detail == "De afspraak heeft deze status al."'
post "/afspraken/$REF/status" '{"status": "niet_verschenen"}'
problem "a served visitor is no no-show" 409
post "/afspraken/$REF/status" '{"status": "klaar"}'
problem "an unknown status" 400 '(.invalidParams | length) == 1 and .invalidParams[0].name == "status"'
post "/afspraken/$REF/status" '{"status": "geannuleerd"}'
problem "cancelling is not a status" 400 '.invalidParams[0].name == "status"'
post "/afspraken/$REF/status" '{}'
problem "no status" 400 '.invalidParams[0].name == "status"'
post "/afspraken/$REF/status" '{"status": "aanwezig"}'
check "undo served" 200 '.status == "aanwezig"'
[ "$(uren_aalsmeer)" = "$VOOR" ] && ok "undone: its hours are gone" || not_ok "undone: its hours are gone"
post "/afspraken/$REF/status" '{"status": "geholpen"}'
check "served again" 200 '.status == "geholpen"'

# ---- not before its day; not another municipality's ----
req GET "/balie/aalsmeer-raadhuis?datum=2026-11-23"
LATER=$(jq -r '.results[0].referentie' "$WORK/body")
BEFORE=$(dump)
post "/afspraken/$LATER/status" '{"status": "aanwezig"}'
problem "not before its day" 409 '.detail == "Deze afspraak is pas op een latere dag; dat kan pas op de dag zelf."'
AS=beheer req GET "/balie/amstelveen-raadhuis?datum=$DAG"
ANDER=$(jq -r '.results[0].referentie' "$WORK/body")
post "/afspraken/$ANDER/status" '{"status": "geholpen"}'
sed "s/$ANDER/REF/g" "$WORK/body" >"$WORK/ander"
problem "Amstelveen's appointment for Aalsmeer's desk" 404
post "/afspraken/ZZZZ2222/status" '{"status": "geholpen"}'
sed "s/ZZZZ2222/REF/g" "$WORK/body" >"$WORK/geen"
cmp -s "$WORK/ander" "$WORK/geen" && ok "the same answer as for an appointment that does not exist" ||
	not_ok "the same answer as for an appointment that does not exist" "$(cat "$WORK/ander")" "$(cat "$WORK/geen")"
req GET "/balie/amstelveen-raadhuis?datum=$DAG"
problem "Amstelveen's day list for Aalsmeer's desk" 404

# ---- walk-ins ----
post "/balie/aalsmeer-raadhuis/inloop" '{"product": "paspoort"}'
problem "a walk-in on Sunday: no time free" 409
post "/balie/aalsmeer-raadhuis/inloop" '{"product": "onbekend"}'
problem "a walk-in for an unknown product" 400 '.invalidParams[0].name == "product"'
post "/balie/aalsmeer-raadhuis/inloop" '{"product": "paspoort", "personen": 11}'
problem "a walk-in of eleven" 400 '.invalidParams[0].name == "personen"'

# ---- statistics ----
req GET "/balie?datum=$DAG"
NGEHOLPEN=$(jq -r '[.results[] | select(.status == "geholpen")] | length' "$WORK/body")
req GET "/afspraakstatistiek?gemeente=GM0358&van=$DAG&tot=$DAG"
check "the statistics of the day" 200 ".[0].soort == \"gemeente\" and .[0].geboekt == $NDAG and .[0].geholpen == $NGEHOLPEN and (.[1:] | map(.soort) | index(\"vestiging\") != null)"
req GET "/afspraakstatistiek?gemeente=GM0358&van=$DAG&tot=2026-10-01"
problem "a period that ends before it begins" 400 '.invalidParams[0].name == "tot"'
req GET "/afspraakstatistiek?gemeente=GM0362&van=$DAG&tot=$DAG"
problem "Amstelveen's figures for Aalsmeer's desk" 403

# ---- the pages ----
PAGE=$BASE_a
page() {
	m=$1
	p=$2
	shift 2
	STATUS=$(curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' \
		-H "Authorization: Bearer $T_balie" -X "$m" "$@" "$PAGE$p")
}
page GET "/balie/aalsmeer-raadhuis?datum=$DAG"
if [ "$STATUS" = 200 ] && grep -q "$REF" "$WORK/body" && grep -q "value=\"aanwezig\" aria-label=\"$REF aanwezig\"" "$WORK/body" &&
	! grep -q '@example.nl' "$WORK/body"; then
	ok "the day list page: references, buttons, no e-mail addresses"
else
	not_ok "the day list page" "status $STATUS" "$(head -c 300 "$WORK/body")"
fi
page GET "/balie?datum=$DAG"
[ "$STATUS" = 200 ] && grep -q "aalsmeer-video\|aalsmeer-raadhuis" "$WORK/body" && ok "the municipality's day page" || not_ok "the municipality's day page" "status $STATUS"
page POST "/balie/aalsmeer-raadhuis" --data "referentie=$REF&status=aanwezig&datum=$DAG"
[ "$STATUS" = 303 ] && ok "mark arrived by the page's form: 303" || not_ok "mark arrived by the page's form: 303" "status $STATUS" "$(head -c 300 "$WORK/body")"
[ "$(uren_aalsmeer)" = "$VOOR" ] && ok "the page undid served: its hours are gone" || not_ok "the page undid served: its hours are gone"
BEFORE=$(dump)
page POST "/balie/aalsmeer-raadhuis" --data "referentie=$REF&status=aanwezig&datum=$DAG"
[ "$STATUS" = 409 ] && grep -q "De afspraak heeft deze status al." "$WORK/body" && ok "the page shows why not (409)" || not_ok "the page shows why not (409)" "status $STATUS"
page POST "/balie/aalsmeer-raadhuis" --data "referentie=$ANDER&status=geholpen&datum=$DAG"
[ "$STATUS" = 409 ] || [ "$STATUS" = 404 ] && ok "another location's appointment by the page: refused" || not_ok "another location's appointment by the page: refused" "status $STATUS"
[ "$(dump)" = "$BEFORE" ] && ok "refused forms store nothing" || not_ok "refused forms store nothing"
page GET "/afspraakstatistiek?gemeente=GM0358&van=$DAG&tot=$DAG"
[ "$STATUS" = 200 ] && grep -q "Gemeente GM0358" "$WORK/body" && ok "the statistics page" || not_ok "the statistics page" "status $STATUS"

tap_end

#!/bin/sh
# afspraakpagina.sh - the residents' booking pages against the real
# server on the demo database: the municipality by slug and by CBS code,
# only its own products and locations, no kept answers with free times,
# every form refusing bad input with the exact status and a Dutch
# message by field while nothing is stored, a forged or missing form
# token refused, another municipality's appointment answered exactly as
# one that does not exist, and a booking, a time taken twice (409 with
# other times), moving and cancelling through the forms. TAP output.
#
# Usage: afspraakpagina.sh AMBT
set -u
AMBT=$(realpath "$1")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-afspraakpagina-XXXXXX")
export AMBT_NU=2026-11-22T10:30:00+01:00
unset AMBT_DB
DB_PREFIX=afspraakpagina
. "$(dirname "$0")/../lib/db.sh"
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/serve.sh"
db_engine_of_test
trap 'serve_stop; rm -rf "$WORK"' EXIT

DB=$(db_url db)
"$AMBT" demo --overschrijf --db "$DB" >/dev/null || { echo "Bail out! demo"; exit 1; }
serve_start s "$DB"
BASE=$BASE_s
G=/afspraak/aalsmeer
# A form token of our own, sent as the cookie and in every form.
CSRF=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef

# ask METHOD PATH [FORM]: the body in $WORK/out, headers in $WORK/hdr,
# the status printed. A form goes with the cookie ($COOKIE, default the
# token's).
ask() {
	m=$1 p=$2
	set -- -s -o "$WORK/out" -D "$WORK/hdr" -w '%{http_code}' -X "$m"
	if [ -n "${FORM+x}" ]; then
		set -- "$@" --data "$FORM"
		[ "${COOKIE-ambt_csrf=$CSRF}" ] && set -- "$@" -H "Cookie: ${COOKIE-ambt_csrf=$CSRF}"
	fi
	curl "$@" "$BASE$p"
}
# status METHOD PATH WANT [FORM]
status() {
	if [ $# -gt 3 ]; then FORM=$4; else unset FORM; fi
	got=$(ask "$1" "$2")
	unset FORM
	if [ "$got" = "$3" ]; then
		ok "$1 $2${4:+ ($(echo "$4" | sed "s/^csrf=[0-9a-f]*&//" | head -c 60))}: $got"
	else
		not_ok "$1 $2${4:+ ($4)}: $got, expected $3" "$(sed -n '/<main/,$p' "$WORK/out" | head -c 600)"
	fi
}
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
header() {
	if grep -qi "^$1" "$WORK/hdr"; then ok "$2"; else not_ok "$2" "$(cat "$WORK/hdr")"; fi
}
noheader() {
	if grep -qi "^$1" "$WORK/hdr"; then not_ok "$2" "$(grep -i "^$1" "$WORK/hdr")"; else ok "$2"; fi
}
dump() { db_inhoud "$DB" audit,inlogpoging,sessie,afspraak_teller; }
# The reference code on a confirmation page.
code_van() { sed -n 's/.*Bewaar de code \([A-Z0-9]*\):.*/\1/p' "$WORK/out" | head -1; }

Q='product=paspoort&personen-paspoort=2&kanaal=fysiek'
T1='aalsmeer-raadhuis%2C2026-11-24T08%3A40%3A00%2B01%3A00'
T2='aalsmeer-raadhuis%2C2026-11-25T08%3A30%3A00%2B01%3A00'
GOED="csrf=$CSRF&$Q&tijd=$T1&naam=Jan+Jansen&email=j.jansen%40example.nl"

# ---- the municipality ----
status GET "$G" 200
has '<p class="ambt-logo"><a class="utrecht-link" href="/afspraak/aalsmeer">Gemeente Aalsmeer</a>' "the header names the municipality"
has 'id="product-paspoort" name="product" value="paspoort"' "Aalsmeer's products are offered"
noheader 'Set-Cookie' "the start page sets no cookie (it is kept for everyone)"
status GET /afspraak/GM0358 301
header 'Location: /afspraak/aalsmeer' "the CBS code goes on to the slug"
status GET "/afspraak/0358/tijden?$Q" 301
header "Location: /afspraak/aalsmeer/tijden?$Q" "a code without GM too, with the rest of the address"
status GET /afspraak/amstelveen 200
status GET /afspraak/heemstede 404
has 'Bij gemeente Heemstede kunt u hier (nog) geen afspraak maken.' "a municipality without a front office says so"
status GET /afspraak/nergenshuizen 404
has 'Er is geen gemeente' "an unknown municipality: 404 in Dutch"
status GET "$G?x=1" 400

# ---- free times: this municipality's only, never kept ----
status GET "$G/tijden?$Q&dag=2026-11-24" 200
has 'Vrije tijden op dinsdag 24 november 2026' "the day chosen, in local words"
has 'value="aalsmeer-raadhuis,2026-11-24T08:40:00+01:00"' "a free time of Aalsmeer's town hall"
hasnt 'amstelveen' "no location of Amstelveen"
has 'href="/afspraak/aalsmeer/tijden?product=paspoort&amp;personen-paspoort=2&amp;kanaal=fysiek&amp;vanaf=2026-11-22&amp;dag=2026-11-23#tijden"' "the days are links"
status GET "$G/tijden?kanaal=fysiek" 400
has 'Kies minstens één product.' "no product: said by field"
status GET "$G/tijden?product=paspoort&personen-paspoort=9&kanaal=fysiek" 400
has 'id="personen-paspoort-fout">Kies voor Paspoort 1 tot en met 5 personen.' "too many persons: said at the field"
status GET "$G/tijden?product=paspoort&kanaal=video" 400
has 'Paspoort kunt u niet via video regelen; kies het gemeentehuis.' "a product not offered on the channel"
status GET "$G/tijden?product=bestaatniet&kanaal=fysiek" 400
has 'Kies producten uit de lijst.' "an unknown product"
status GET "$G/tijden?product=paspoort" 400
has 'Kies of u naar het gemeentehuis komt of liever belt met video.' "no channel"
status GET "$G/tijden?$Q&dag=morgen" 400
status GET "$G/tijden?$Q&dag=9999-12-31" 400
has 'Op die dag kunt u geen afspraak maken' "a day beyond the horizon"
status GET "$G/tijden?$Q&dag=2026-11-21" 400
status GET "$G/gegevens?$Q" 400
has 'Kies een tijd.' "the contact form without a time: back to the times"
status GET "$G/gegevens?$Q&tijd=amstelveen-raadhuis%2C2026-11-24T09%3A00%3A00%2B01%3A00" 400
status GET "$G/gegevens?$Q&tijd=$T1" 200
has 'dinsdag 24 november 2026, 08:40' "the time chosen, in local time"
header 'Set-Cookie: ambt_csrf=' "the contact form sets a form token"

# ---- bad input on every form: a Dutch message by field, nothing stored ----
before=$(dump)
status POST "$G/gegevens" 403 "$Q&tijd=$T1&naam=Jan&email=j%40example.nl"
has 'Het formulier is verlopen.' "no form token: refused"
COOKIE="ambt_csrf=fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210" status POST "$G/gegevens" 403 "$GOED"
COOKIE= status POST "$G/gegevens" 403 "$GOED"
status POST "$G/gegevens" 400 "csrf=$CSRF&$Q&tijd=$T1&email=j.jansen%40example.nl"
has 'id="naam-fout">Vul uw naam in.' "no name"
status POST "$G/gegevens" 400 "csrf=$CSRF&$Q&tijd=$T1&naam=Jan+Jansen"
has 'id="email-fout">Vul uw e-mailadres of telefoonnummer in.' "neither e-mail nor phone"
status POST "$G/gegevens" 400 "csrf=$CSRF&$Q&tijd=$T1&naam=Jan+Jansen&email=jan%40voorbeeld"
has 'id="email-fout">' "an e-mail address without a dot in the domain"
status POST "$G/gegevens" 400 "csrf=$CSRF&$Q&tijd=$T1&naam=Jan+Jansen&telefoon=12345"
has 'id="telefoon-fout">' "a phone number of 5 digits"
status POST "$G/gegevens" 400 "csrf=$CSRF&$Q&tijd=$T1&naam=$(printf 'x%.0s' $(seq 1 201))&email=j%40example.nl"
has 'id="naam-fout">Gebruik hoogstens 200 tekens.' "a name too long"
status POST "$G/gegevens" 400 "csrf=$CSRF&$Q&naam=Jan&email=j%40example.nl"
has 'Kies een tijd' "no time"
status POST "$G/gegevens" 400 "csrf=$CSRF&$Q&tijd=amstelveen-raadhuis%2C2026-11-24T09%3A20%3A00%2B01%3A00&naam=Jan&email=j%40example.nl"
has 'Kies een tijd' "a time at another municipality's town hall"
status POST "$G/gegevens" 400 "csrf=$CSRF&$Q&tijd=aalsmeer-raadhuis%2C2026-11-24T08%3A41%3A00%2B01%3A00&naam=Jan&email=j%40example.nl"
has 'Deze tijd kunt u niet meer kiezen. Kies hieronder een andere tijd.' "a time off the grid: other times offered"
status POST "$G/gegevens" 400 "csrf=$CSRF&product=paspoort&personen-paspoort=0&kanaal=fysiek&tijd=$T1&naam=Jan&email=j%40example.nl"
has 'Kies voor Paspoort 1 tot en met 5 personen.' "0 persons"
status POST "$G/gegevens" 400 "csrf=$CSRF&product=rijbewijs&kanaal=video&tijd=$T1&naam=Jan&email=j%40example.nl"
FORM="$GOED" got=$(curl -s -o "$WORK/out" -w '%{http_code}' -H "Cookie: ambt_csrf=$CSRF" -H 'Content-Type: text/plain' --data "$GOED" "$BASE$G/gegevens")
[ "$got" = 415 ] && ok "a form that is not urlencoded: 415" || not_ok "a form that is not urlencoded: 415" "$got"
status POST "$G/agenda" 404 "csrf=$CSRF&referentie=ZZZZ2222&contact=j%40example.nl"
status POST "$G/agenda" 403 "referentie=ZZZZ2222&contact=j%40example.nl"
status POST "$G/wijzigen" 400 "csrf=$CSRF&contact=j%40example.nl"
has 'Vul de code van uw afspraak in.' "no code"
status POST "$G/wijzigen" 400 "csrf=$CSRF&referentie=ABC&contact=j%40example.nl"
has 'Een code bestaat uit 8 letters en cijfers' "a code of the wrong form"
status POST "$G/wijzigen" 400 "csrf=$CSRF&referentie=ZZZZ2222"
has 'Vul het e-mailadres of telefoonnummer in' "no contact"
status POST "$G/wijzigen" 403 "referentie=ZZZZ2222&contact=j%40example.nl"
status POST "$G/verzetten" 400 "csrf=$CSRF&contact=j%40example.nl"
status POST "$G/annuleren" 400 "csrf=$CSRF&referentie=ZZZZ2222"
status POST "$G/annuleren" 403 "referentie=ZZZZ2222&contact=j%40example.nl&zeker=ja"
# Amstelveen's appointment on Aalsmeer's pages: as one that does not exist.
AMS_MAIL=$("$AMBT" afspraak toon Q3WBHLZJ --db "$DB" --format json | jq -r .email)
AMS_MAIL_URL=$(printf %s "$AMS_MAIL" | jq -sRr @uri)
status POST "$G/wijzigen" 404 "csrf=$CSRF&referentie=Q3WBHLZJ&contact=$AMS_MAIL_URL"
sed "s/Q3WBHLZJ/«ID»/g; s/$AMS_MAIL/«C»/g" "$WORK/out" >"$WORK/a"
status POST "$G/wijzigen" 404 "csrf=$CSRF&referentie=ZZZZ2222&contact=$AMS_MAIL_URL"
sed "s/ZZZZ2222/«ID»/g; s/$AMS_MAIL/«C»/g" "$WORK/out" >"$WORK/b"
cmp -s "$WORK/a" "$WORK/b" && ok "another municipality's appointment answers as one that does not exist" ||
	not_ok "another municipality's appointment answers as one that does not exist" "$(diff "$WORK/a" "$WORK/b" | head -5)"
status POST "$G/annuleren" 404 "csrf=$CSRF&referentie=Q3WBHLZJ&contact=$AMS_MAIL_URL&zeker=ja"
status POST "$G/verzetten" 404 "csrf=$CSRF&referentie=Q3WBHLZJ&contact=$AMS_MAIL_URL&tijd=$T2"
status POST "$G/agenda" 404 "csrf=$CSRF&referentie=Q3WBHLZJ&contact=$AMS_MAIL_URL"
[ "$(dump)" = "$before" ] && ok "nothing stored by any refused form" || not_ok "nothing stored by any refused form"

# ---- booking, twice, taken, moving, cancelling ----
status POST "$G/gegevens" 200 "$GOED"
REF=$(code_van)
has 'dinsdag 24 november 2026, 08:40' "the confirmation shows the time in local time"
[ -n "$REF" ] && ok "a reference code: $REF" || not_ok "a reference code"
"$AMBT" afspraak toon "$REF" --db "$DB" --format json >"$WORK/a.json" 2>&1
[ "$(jq -r '[.start, .vestiging, .producten[0].product, .producten[0].personen, .email] | join(" ")' "$WORK/a.json")" = \
	"2026-11-24T08:40:00+01:00 aalsmeer-raadhuis paspoort 2 j.jansen@example.nl" ] &&
	ok "stored as chosen" || not_ok "stored as chosen" "$(cat "$WORK/a.json")"
status POST "$G/gegevens" 200 "$GOED"
[ "$(code_van)" = "$REF" ] && ok "the same form again (a reload) books nothing new" || not_ok "the same form again books nothing new" "$(code_van)"
status POST "$G/gegevens" 409 "csrf=$CSRF&$Q&tijd=$T1&naam=Piet+Pieters&email=p.pieters%40example.nl"
has 'Deze tijd is net door iemand anders gekozen. Kies hieronder een andere tijd.' "the time just taken: said in Dutch"
has 'value="aalsmeer-raadhuis,2026-11-24T09:00:00+01:00"' "the next free time is offered"
has 'value="Piet Pieters"' "what was typed is kept"
FORM="csrf=$CSRF&referentie=$REF&contact=j.jansen%40example.nl" ask POST "$G/agenda" >/dev/null
unset FORM
grep -qi '^Content-Type: text/calendar; charset=utf-8; method=REQUEST' "$WORK/hdr" &&
	grep -qi "^Content-Disposition: attachment; filename=\"afspraak-$REF.ics\"" "$WORK/hdr" &&
	grep -q 'DTSTART;TZID=Europe/Amsterdam:20261124T084000' "$WORK/out" &&
	ok "the .ics download" || not_ok "the .ics download" "$(cat "$WORK/hdr" "$WORK/out" | head -30)"
status POST "$G/wijzigen" 200 "csrf=$CSRF&referentie=$(echo "$REF" | tr A-Z a-z)&contact=J.Jansen%40example.nl&dag=2026-11-25"
has 'Vrije tijden op woensdag 25 november 2026' "found by code in any case and contact; a day chosen"
status POST "$G/verzetten" 400 "csrf=$CSRF&referentie=$REF&contact=j.jansen%40example.nl"
has 'Kies een nieuwe tijd.' "moving without a time"
status POST "$G/verzetten" 200 "csrf=$CSRF&referentie=$REF&contact=j.jansen%40example.nl&tijd=$T2"
has 'Uw afspraak is verzet naar woensdag 25 november 2026, 08:30.' "moved"
[ "$("$AMBT" afspraak toon "$REF" --db "$DB" --format json | jq -r .start)" = 2026-11-25T08:30:00+01:00 ] &&
	ok "the new time is stored" || not_ok "the new time is stored"
status POST "$G/annuleren" 400 "csrf=$CSRF&referentie=$REF&contact=j.jansen%40example.nl"
has 'Vink aan dat u de afspraak wilt annuleren.' "cancelling asks to confirm"
status POST "$G/annuleren" 200 "csrf=$CSRF&referentie=$REF&contact=j.jansen%40example.nl&zeker=ja"
has 'Uw afspraak is geannuleerd.' "cancelled"
[ "$("$AMBT" afspraak toon "$REF" --db "$DB" --format json | jq -r .status)" = geannuleerd ] &&
	ok "stored as cancelled" || not_ok "stored as cancelled"
status POST "$G/annuleren" 409 "csrf=$CSRF&referentie=$REF&contact=j.jansen%40example.nl&zeker=ja"
has 'Deze afspraak is al geannuleerd.' "cancelling twice: said so"
status POST "$G/gegevens" 200 "$GOED"
has 'Uw afspraak is geannuleerd.' "the booking form sent again after cancelling books nothing and says it is cancelled"
[ "$(code_van)" = "" ] && holds "<strong class=\"ambt-code\">$REF</strong>" && ok "the same appointment" || not_ok "the same appointment"

# ---- the start page is kept, and forgotten when the catalogue changes ----
"$AMBT" gebruiker toevoegen planner.aalsmeer --naam "Petra Planner" --rol planner --scope GM0358 --db "$DB" >/dev/null ||
	{ echo "Bail out! planner"; exit 1; }
T_PL=$("$AMBT" gebruiker token planner.aalsmeer --naam loket --db "$DB" | tail -1)
status GET "$G" 200
has 'value="verhuizing"' "moving house is offered"
status GET "$G" 200
got=$(curl -s -o /dev/null -w '%{http_code}' -X PATCH -H "Authorization: Bearer $T_PL" \
	-H 'Content-Type: application/merge-patch+json' -d '{"actief": false}' \
	"$BASE/api/v1/producten/verhuizing?gemeente=GM0358")
[ "$got" = 200 ] && ok "the planner takes moving house out of the catalogue" || not_ok "the planner takes moving house out of the catalogue" "$got"
status GET "$G" 200
hasnt 'value="verhuizing"' "the start page shows it at once"
status GET "$G/tijden?product=verhuizing&kanaal=fysiek" 400
has 'Kies producten uit de lijst.' "and no longer takes it"
tap_end

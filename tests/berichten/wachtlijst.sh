#!/bin/sh
# wachtlijst.sh - the waiting list of the front office over HTTP, on the
# demo with the clock on Sunday 22 November 2026 10:30 (TAP output): two
# residents put themselves on the list for a passport at Aalsmeer; bad
# input is refused and stores nothing; a cancelled appointment offers its
# time to the first, by an e-mail that reaches an SMTP sink on 127.0.0.1
# with the freed time in Amsterdam time and no calendar object; a moved
# appointment offers its old time to the second; with nobody left nothing
# is offered; leaving the list needs the code and the address, and a
# wrong one answers alike; planners of Aalsmeer read the list, others
# not; the retention period removes the entries. Runs on SQLite and, with
# AMBT_TEST_ENGINE=postgresql, on PostgreSQL (tests/lib/db.sh).
#
# Usage: wachtlijst.sh AMBT
set -u
AMBT=$(realpath "$1")
HIER=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-wachtlijst-XXXXXX")
export AMBT_NU=2026-11-22T10:30:00+01:00
export AMBT_AFSPRAAK_URL=https://afspraken.aalsmeer.nl/afspraak/aalsmeer
unset AMBT_DB AMBT_SMTP AMBT_SMTP_STARTTLS AMBT_SMTP_GEBRUIKER \
	AMBT_SMTP_WACHTWOORD AMBT_SMTP_AFZENDER AMBT_SMTP_DOMEIN
DB_PREFIX=wachtlijst
. "$HIER/../lib/db.sh"
. "$HIER/../lib/tap.sh"
. "$HIER/../lib/serve.sh"
db_engine_of_test

PY=
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import aiosmtpd' 2>/dev/null; then
		PY=$p
		break
	fi
done
if [ -z "$PY" ]; then
	echo "1..0 # SKIP no python3 with aiosmtpd (Debian: python3-aiosmtpd)"
	rm -rf "$WORK"
	exit 0
fi
SINK=
trap 'serve_stop; [ -z "$SINK" ] || kill "$SINK" 2>/dev/null; rm -rf "$WORK"' EXIT
DB=$(db_url db)

"$AMBT" demo --overschrijf --db "$DB" >/dev/null || { echo "Bail out! demo"; exit 1; }
for u in "planner.aalsmeer GM0358" "planner.amstelveen GM0362"; do
	set -- $u
	"$AMBT" gebruiker toevoegen "$1" --naam "$1" --rol planner --scope "$2" \
		--db "$DB" >/dev/null || { echo "Bail out! $1"; exit 1; }
done
T_AALSMEER=$("$AMBT" gebruiker token planner.aalsmeer --naam test --db "$DB" | tail -1)
T_AMSTELVEEN=$("$AMBT" gebruiker token planner.amstelveen --naam test --db "$DB" | tail -1)

mkdir -p "$WORK/sink"
"$PY" "$HIER/sink.py" --map "$WORK/sink" --poortbestand "$WORK/sink.poort" \
	2>"$WORK/sink.log" &
SINK=$!
for _ in $(seq 1 100); do
	[ -s "$WORK/sink.poort" ] && break
	sleep 0.05
done
[ -s "$WORK/sink.poort" ] || { echo "Bail out! sink"; exit 1; }
SMTP=smtp://127.0.0.1:$(cat "$WORK/sink.poort")

serve_start a "$DB"
BASE=$BASE_a/api/v1

# req METHOD PATH [curl args...]: STATUS, the body in $WORK/body. AS=
# aalsmeer or amstelveen sends that planner's token.
AS=
req() {
	m=$1
	p=$2
	shift 2
	case "$AS" in
	aalsmeer) set -- -H "Authorization: Bearer $T_AALSMEER" "$@" ;;
	amstelveen) set -- -H "Authorization: Bearer $T_AMSTELVEEN" "$@" ;;
	esac
	STATUS=$(curl -s -o "$WORK/body" -w '%{http_code}' -X "$m" "$@" \
		"$BASE$p")
}
post() {
	req POST "$1" -H 'Content-Type: application/json' --data "$2"
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
rijen() { # TABLE: its rows, from ambt inhoud
	"$AMBT" inhoud --db "$DB" --format csv |
		awk -F'"' -v t="$1" '$2 == t { print $4 }'
}
wacht() { # NAME EMAIL [PRODUCT]
	post /wachtlijst "{\"gemeente\": \"GM0358\", \"product\": \"${3:-paspoort}\", \"naam\": \"$1\", \"email\": \"$2\"}"
}
boek() { # START EMAIL
	post /afspraken "{\"gemeente\": \"GM0358\", \"product\": \"paspoort\", \"vestiging\": \"aalsmeer-raadhuis\", \"start\": \"$1\", \"naam\": \"Iemand\", \"email\": \"$2\"}"
}
# berichten: send what is due to the sink; the offers that arrived, one
# line each: recipient, subject.
verstuur() {
	AMBT_SMTP_AFZENDER=afspraken@aalsmeer.nl "$AMBT" berichten verstuur \
		--een-keer --smtp "$SMTP" --db "$DB" >"$WORK/uit" 2>"$WORK/fout"
}
aanbiedingen() {
	for f in "$WORK"/sink/*.eml; do
		[ -f "$f" ] || continue
		"$PY" - "$f" <<'PY'
import email, email.policy, sys
m = email.message_from_bytes(open(sys.argv[1], "rb").read(),
                             policy=email.policy.strict)
if m["Subject"].startswith("Er is een tijd vrijgekomen"):
    print("%s | %s | %s" % (m["To"], m["Subject"], m.get_content_type()))
PY
	done
}
# The text of the offer to address $1.
aanbod_tekst() {
	for f in "$WORK"/sink/*.eml; do
		"$PY" - "$f" "$1" <<'PY'
import email, email.policy, sys
m = email.message_from_bytes(open(sys.argv[1], "rb").read(),
                             policy=email.policy.strict)
if sys.argv[2] in m["To"] and m["Subject"].startswith("Er is een tijd"):
    sys.stdout.write(m.get_content().replace("\r\n", "\n"))
PY
	done
}

# ---- on the list ----
W0=$(rijen wachtlijst)
wacht "Anna de Wacht" anna@example.nl
check "a resident puts herself on the list for a passport: 201" 201 \
	'(.referentie | test("^[A-Z0-9]{8}$")) and .gemeente == "GM0358" and .product == "paspoort" and .productNaam == "Paspoort" and .naam == "Anna de Wacht" and .email == "anna@example.nl" and .aangemeld == "2026-11-22T10:30:00+01:00" and .aanbod == null'
REF_ANNA=$(jq -r .referentie "$WORK/body")
wacht "Anna de Wacht" ANNA@example.nl
check "the same address again (in capitals) for the same product: 409" 409 \
	'.detail == "U staat al op de wachtlijst voor dit product. Komt er een tijd vrij, dan krijgt u een e-mail."'
wacht "Bram Wachter" bram@example.nl
check "a second resident: 201" 201
REF_BRAM=$(jq -r .referentie "$WORK/body")
t "two entries stored" test "$(rijen wachtlijst)" = "$((W0 + 2))"

# ---- bad input changes nothing ----
W1=$(rijen wachtlijst)
wacht "Cees" cees@example.nl rijbewijs-bestaat-niet
check "an unknown product: 404" 404 '.detail == "Product rijbewijs-bestaat-niet bestaat niet bij gemeente GM0358."'
wacht "Cees" geen-adres
check "a malformed e-mail address: 400 at the field" 400 '.invalidParams[0].name == "email"'
wacht "$(printf '%0201d' 0)" cees@example.nl
check "a name of 201 characters: 400 at the field" 400 '.invalidParams[0].name == "naam"'
post /wachtlijst '{"gemeente": "GM9999", "product": "paspoort", "naam": "Cees", "email": "cees@example.nl"}'
check "an unknown municipality: 404" 404
post /wachtlijst '{"gemeente": "GM0358", "product": "paspoort", "naam": "Cees", "email": "cees@example.nl", "bsn": "123456782"}'
check "a field that does not belong (a BSN): 400" 400 '.invalidParams[0].name == "bsn"'
post /wachtlijst '{"gemeente": "GM0358", "product": "paspoort", "email": "cees@example.nl"}'
check "without a name: 400" 400 '.invalidParams[0].name == "naam"'
t "nothing stored by the refused requests" test "$(rijen wachtlijst)" = "$W1"

# ---- a cancelled time goes to the first ----
boek 2026-12-07T09:30:00+01:00 carla@example.nl
check "an appointment is booked" 201
REF_C=$(jq -r .referentie "$WORK/body")
req DELETE "/afspraken/$REF_C" -H "Afspraak-Contact: carla@example.nl"
case "$STATUS" in 200 | 204) ok "it is cancelled" ;; *) not_ok "it is cancelled" "$STATUS" ;; esac
AS=aalsmeer req GET "/wachtlijst?gemeente=GM0358"
check "the planner's list: Anna was offered the freed time, Bram waits" 200 \
	".results | (.[] | select(.referentie == \"$REF_ANNA\") | .aanbod == {\"vestiging\": \"aalsmeer-raadhuis\", \"start\": \"2026-12-07T09:30:00+01:00\", \"eind\": \"2026-12-07T09:40:00+01:00\", \"verstuurd\": \"2026-11-22T10:30:00+01:00\"}) and (.[] | select(.referentie == \"$REF_BRAM\") | .aanbod == null) and .[0].referentie == \"$REF_BRAM\""
verstuur
aanbiedingen >"$WORK/aanbod.kreeg"
echo "Anna de Wacht <anna@example.nl> | Er is een tijd vrijgekomen: maandag 7 december 2026 om 09:30 | text/plain" >"$WORK/aanbod.verwacht"
if cmp -s "$WORK/aanbod.verwacht" "$WORK/aanbod.kreeg"; then
	ok "exactly one offer arrived, to Anna, as plain text (no calendar object)"
else
	not_ok "exactly one offer arrived, to Anna, as plain text (no calendar object)" "$(cat "$WORK/aanbod.kreeg" "$WORK/fout")"
fi
aanbod_tekst anna@example.nl >"$WORK/tekst.kreeg"
cat >"$WORK/tekst.verwacht" <<'EOF'
Beste Anna de Wacht,

U staat op de wachtlijst voor Paspoort bij de gemeente Aalsmeer.
Er is een tijd vrijgekomen:

Wanneer: maandag 7 december 2026 om 09:30 (tot ongeveer 09:40)
Waar: Raadhuis Aalsmeer, Raadhuisplein 1, 1431 EH Aalsmeer

We houden deze tijd niet voor u vast: wie het eerst boekt, krijgt hem.
Wilt u deze tijd? Maak de afspraak dan zo snel mogelijk via
https://afspraken.aalsmeer.nl/afspraak/aalsmeer

U staat nu niet meer op de wachtlijst. Past deze tijd niet, of is hij al
weg? Dan kunt u zich opnieuw aanmelden.

Met vriendelijke groet,
Gemeente Aalsmeer
EOF
if cmp -s "$WORK/tekst.verwacht" "$WORK/tekst.kreeg"; then
	ok "the offer's text exactly"
else
	not_ok "the offer's text exactly" "$(diff "$WORK/tekst.verwacht" "$WORK/tekst.kreeg")"
fi
boek 2026-12-07T09:30:00+01:00 anna@example.nl
check "Anna books the offered time herself" 201

# ---- a moved appointment offers its old time to the next ----
boek 2026-12-08T10:00:00+01:00 dirk@example.nl
REF_D=$(jq -r .referentie "$WORK/body")
req PATCH "/afspraken/$REF_D" -H "Afspraak-Contact: dirk@example.nl" \
	-H 'Content-Type: application/json' --data '{"start": "2026-12-08T11:00:00+01:00"}'
check "an appointment is moved an hour on" 200
verstuur
aanbiedingen >"$WORK/aanbod2.kreeg"
printf '%s\n' "Anna de Wacht <anna@example.nl> | Er is een tijd vrijgekomen: maandag 7 december 2026 om 09:30 | text/plain" \
	"Bram Wachter <bram@example.nl> | Er is een tijd vrijgekomen: dinsdag 8 december 2026 om 10:00 | text/plain" |
	sort >"$WORK/aanbod2.verwacht"
sort "$WORK/aanbod2.kreeg" >"$WORK/aanbod2.s"
if cmp -s "$WORK/aanbod2.verwacht" "$WORK/aanbod2.s"; then
	ok "Bram got the time left behind, once; Anna nothing more"
else
	not_ok "Bram got the time left behind, once; Anna nothing more" "$(cat "$WORK/aanbod2.s")"
fi

# ---- nobody waiting: nothing offered ----
req DELETE "/afspraken/$REF_D" -H "Afspraak-Contact: dirk@example.nl"
verstuur
t "with nobody waiting a cancellation offers nothing" \
	test "$(aanbiedingen | wc -l)" = 2

# ---- leaving the list ----
wacht "Els Eerder" els@example.nl
REF_E=$(jq -r .referentie "$WORK/body")
req DELETE "/wachtlijst/$REF_E" -H "Afspraak-Contact: piet@example.nl"
check "leaving with a wrong address: 404" 404
cp "$WORK/body" "$WORK/fout-adres"
req DELETE "/wachtlijst/ZZZZ9999" -H "Afspraak-Contact: els@example.nl"
check "leaving with a code that does not exist: 404" 404
if jq -S 'del(.instance)' "$WORK/body" >"$WORK/a" &&
	jq -S 'del(.instance)' "$WORK/fout-adres" >"$WORK/b" && cmp -s "$WORK/a" "$WORK/b"; then
	ok "a wrong code and a wrong address answer alike"
else
	not_ok "a wrong code and a wrong address answer alike" "$(cat "$WORK/a" "$WORK/b")"
fi
req DELETE "/wachtlijst/$REF_E"
check "leaving without the address: 400" 400
req DELETE "/wachtlijst/$REF_E" -H "Afspraak-Contact: ELS@example.nl"
check "leaving with the code and the address: 204" 204
req DELETE "/wachtlijst/$REF_E" -H "Afspraak-Contact: els@example.nl"
check "and once more: 404" 404

# ---- who reads the list ----
req GET "/wachtlijst?gemeente=GM0358"
check "without an account: 401" 401
AS=amstelveen req GET "/wachtlijst?gemeente=GM0358"
check "a planner of Amstelveen: 403" 403
AS=aalsmeer req GET "/wachtlijst?gemeente=GM0358"
check "a planner of Aalsmeer: the two offered entries (offered at one moment: in the order they came)" 200 \
	".results | length == 2 and .[0].referentie == \"$REF_ANNA\" and .[1].referentie == \"$REF_BRAM\""

# ---- on the command line ----
# (CSV lines end in CRLF, as RFC 4180 has them.)
"$AMBT" afspraken wachtlijst --gemeente GM0358 --format csv --db "$DB" 2>&1 |
	tr -d '\r' >"$WORK/cli.kreeg"
{
	echo '"Code","Product","Naam","E-mail","Sinds","Aangeboden","Vestiging"'
	echo "\"$REF_ANNA\",\"paspoort\",\"Anna de Wacht\",\"anna@example.nl\",\"zondag 22 november 2026 10:30\",\"maandag 7 december 2026 09:30\",\"aalsmeer-raadhuis\""
	echo "\"$REF_BRAM\",\"paspoort\",\"Bram Wachter\",\"bram@example.nl\",\"zondag 22 november 2026 10:30\",\"dinsdag 8 december 2026 10:00\",\"aalsmeer-raadhuis\""
} >"$WORK/cli.verwacht"
if cmp -s "$WORK/cli.verwacht" "$WORK/cli.kreeg"; then
	ok "ambt afspraken wachtlijst: the two entries and the times offered"
else
	not_ok "ambt afspraken wachtlijst: the two entries and the times offered" "$(diff "$WORK/cli.verwacht" "$WORK/cli.kreeg")"
fi

# ---- retention ----
AMBT_NU=2027-06-01T10:00:00+02:00 "$AMBT" afspraken opschonen --gemeente GM0358 \
	--db "$DB" >"$WORK/opschonen" 2>&1
if grep -qx "GM0358: 2 aanmeldingen van de wachtlijst gehaald (bewaartermijn 90 dagen)." "$WORK/opschonen"; then
	ok "the retention period takes the entries off the list"
else
	not_ok "the retention period takes the entries off the list" "$(cat "$WORK/opschonen")"
fi
t "no entry left" test "$(rijen wachtlijst)" = 0
# ---- the booking pages ----
# A form token of our own, as the cookie and in every form.
CSRF=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
G=$BASE_a/afspraak/aalsmeer
pagina() { # METHOD PATH [FORM]: STATUS, the page in $WORK/page
	if [ $# -gt 2 ]; then
		STATUS=$(curl -s -o "$WORK/page" -w '%{http_code}' -X "$1" \
			-H "Cookie: ambt_csrf=$CSRF" --data "csrf=$CSRF&$3" "$G$2")
	else
		STATUS=$(curl -s -o "$WORK/page" -w '%{http_code}' "$G$2")
	fi
}
staat() { # NAME WANT TEXT: the status and a text on the page
	if [ "$STATUS" = "$2" ] && grep -qF -- "$3" "$WORK/page"; then
		ok "$1"
	else
		not_ok "$1" "status $STATUS, expected $2 and '$3'" \
			"$(sed -n '/<main/,/<\/main>/p' "$WORK/page" | head -c 800)"
	fi
}
pagina GET "/tijden?product=paspoort&personen-paspoort=1&kanaal=fysiek"
staat "the times for one product offer the waiting list" 200 \
	'<a class="utrecht-link" href="/afspraak/aalsmeer/wachtlijst?product=paspoort">Zet uzelf op de wachtlijst</a>'
pagina GET "/wachtlijst?product=paspoort"
staat "the waiting-list page: joining for a passport" 200 \
	'<h2 class="utrecht-heading-2">Op de wachtlijst voor Paspoort</h2>'
pagina GET "/wachtlijst?product=bestaat-niet"
staat "a product the municipality does not have: 404" 404 "Aalsmeer heeft geen product"
W2=$(rijen wachtlijst)
pagina POST /wachtlijst "actie=aanmelden&product=paspoort&naam=&email=geen-adres"
staat "joining without a name and with a malformed address: 400" 400 \
	'<div class="utrecht-form-field__error-message utrecht-form-field-error-message" id="naam-fout">Vul uw naam in.</div>'
grep -q 'id="email-fout"' "$WORK/page" && grep -q 'value="geen-adres"' "$WORK/page" &&
	ok "... the address at its field, as typed" || not_ok "... the address at its field, as typed"
t "... nothing stored" test "$(rijen wachtlijst)" = "$W2"
STATUS=$(curl -s -o "$WORK/page" -w '%{http_code}' -H "Cookie: ambt_csrf=$CSRF" \
	--data "csrf=fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210&actie=aanmelden&product=paspoort&naam=Fien&email=fien%40example.nl" "$G/wachtlijst")
staat "a form whose token is not the visitor's: 403" 403 "Het formulier is verlopen"
pagina POST /wachtlijst "actie=aanmelden&product=paspoort&naam=Fien+Feenstra&email=fien%40example.nl"
staat "joining: 201, the code shown" 201 "U staat op de wachtlijst voor Paspoort."
CODE=$(sed -n 's/.*Uw code is <strong>\([A-Z0-9]*\)<\/strong>.*/\1/p' "$WORK/page")
t "... and stored" test "$(rijen wachtlijst)" = "$((W2 + 1))"
pagina POST /wachtlijst "actie=aanmelden&product=paspoort&naam=Fien+Feenstra&email=fien%40example.nl"
staat "joining twice: 409, said at the page" 409 "U staat al op de wachtlijst voor dit product."
pagina POST /wachtlijst "actie=afmelden&referentie=$CODE&contact=piet%40example.nl"
staat "leaving with a wrong address: 404, in words" 404 \
	"Er is geen plaats op de wachtlijst met deze code en dit e-mailadres."
pagina POST /wachtlijst "actie=afmelden&referentie=abc&contact=fien%40example.nl"
staat "leaving with a code of the wrong form: 400 at the field" 400 \
	'id="referentie-fout">Een code bestaat uit 8 letters en cijfers, zoals K7MX3QPA.</div>'
pagina POST /wachtlijst "actie=afmelden&referentie=$(echo "$CODE" | tr 'A-Z' 'a-z')&contact=fien%40example.nl"
staat "leaving with the code (in small letters) and the address: 200" 200 \
	"U staat niet meer op de wachtlijst."
t "... and gone" test "$(rijen wachtlijst)" = "$W2"
pagina POST /wachtlijst "actie=iets"
staat "an unknown action: 400" 400 "Kies aanmelden of afmelden."

t "the audit chain is whole" "$AMBT" audit controleer --db "$DB"

tap_end

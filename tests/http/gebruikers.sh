#!/bin/sh
# gebruikers.sh - accounts over HTTP, on the demo (TAP output): the
# beheerder's accounts in the API (add with a password shown once, roles
# with their scope checked, a token shown once and revoked, the second
# factor wiped, revocation) and on the pages (the list, the add form with
# messages at the field, the account page, revocation only when
# confirmed); every account's own page and API (password with the old one
# and the new one twice, a second factor confirmed with a code, its own
# tokens and no more than its roles); bad input stores nothing, no
# password or secret reaches the audit trail, and the menu offers
# "Accounts" to the beheerder alone and "Mijn account" to everyone.
#
# Usage: gebruikers.sh AMBT
set -u
AMBT=$(realpath "$1")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-gebruikers-XXXXXX")
export AMBT_NU=2026-11-22T10:30:00+01:00
unset AMBT_DB
DB_PREFIX=gebruikers
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
T_beheer=$(token beheer)
T_ah=$(token accounthouder.aalsmeer)
T_rl=$(token raadslid.aalsmeer)
serve_start a "$DB"
BASE=$BASE_a

AS=beheer
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
form() {
	p=$1
	shift
	req POST "$p" "$@"
}
check() {
	if [ "$STATUS" != "$2" ]; then
		not_ok "$1" "status $STATUS, expected $2" "$(head -c 600 "$WORK/body")"
	elif [ -n "${3:-}" ] && [ "$(jq -r "$3" "$WORK/body" 2>&1)" != true ]; then
		not_ok "$1" "filter failed: $3" "$(head -c 600 "$WORK/body")"
	else
		ok "$1"
	fi
}
# has NAME TEXT: the page answered holds TEXT.
has() {
	if grep -qF -- "$2" "$WORK/body"; then ok "$1"; else not_ok "$1" "missing: $2" "$(sed 's/<[^>]*>//g' "$WORK/body" | grep -v '^\s*$' | head -c 800)"; fi
}
hasnot() {
	if grep -qF -- "$2" "$WORK/body"; then not_ok "$1" "present: $2"; else ok "$1"; fi
}
dump() {
	db_inhoud "$DB" inlogpoging,sessie
}
# unchanged NAME: nothing at all was stored since `before`.
unchanged() {
	[ "$(dump)" = "$before" ] && ok "$1" || not_ok "$1" "the database changed"
}

# ---- the beheerder's accounts in the API ----
req GET /api/v1/gebruikers
check "the beheerder lists the accounts" 200 '[.results[].gebruikersnaam] | index("controller.aa") != null'
check "with roles, scope and second factor" 200 '(.results[] | select(.gebruikersnaam == "controller.aa") | .rollen == [{"rol": "controller", "scope": "AA"}] and (.tweedeFactor | type) == "boolean")'
AS=ah
req GET /api/v1/gebruikers
check "an accounthouder may not list accounts" 403
AS=beheer

before=$(dump)
post /api/v1/gebruikers '{"gebruikersnaam": "J", "naam": "", "rol": "controller", "scope": "ZZ"}'
check "a bad account is refused at its fields" 400 '([.invalidParams[].name] | sort) == ["gebruikersnaam", "naam"]'
post /api/v1/gebruikers '{"gebruikersnaam": "j.devries", "naam": "Jan de Vries", "rol": "controller", "scope": "ZZ"}'
check "a role for a cooperation that does not exist is refused" 400 '[.invalidParams[].name] == ["scope"]'
post /api/v1/gebruikers '{"gebruikersnaam": "j.devries", "naam": "Jan de Vries", "rol": "accounthouder"}'
check "an accounthouder needs a municipality" 400 '[.invalidParams[].name] == ["scope"]'
post /api/v1/gebruikers '{"gebruikersnaam": "j.devries", "naam": "Jan de Vries", "wachtwoord": "x"}'
check "no password is taken in" 400 '[.invalidParams[].name] == ["wachtwoord"]'
unchanged "refused accounts store nothing"

post /api/v1/gebruikers '{"gebruikersnaam": "j.devries", "naam": "Jan de Vries", "email": "j@example.nl", "rol": "planner", "scope": "GM0358/aalsmeer-raadhuis"}'
check "the beheerder adds an account with a first role" 201 '.gebruikersnaam == "j.devries" and .rollen == [{"rol": "planner", "scope": "GM0358/aalsmeer-raadhuis"}] and (.wachtwoord | test("^[a-z0-9]{5}(-[a-z0-9]{5}){3}$"))'
PW=$(jq -r .wachtwoord "$WORK/body")
grep -qi '^location: /api/v1/gebruikers/j.devries' "$WORK/headers" && ok "its address in Location" || not_ok "its address in Location"
post /api/v1/gebruikers '{"gebruikersnaam": "j.devries", "naam": "Jan"}'
check "a name in use is refused" 400 '[.invalidParams[].code] == ["unique"]'
req GET /api/v1/gebruikers/j.devries
check "the account shows no password" 200 'has("wachtwoord") | not'
req GET /api/v1/gebruikers/niemand.hier
check "an unknown account is 404" 404

post /api/v1/gebruikers/j.devries/rollen '{"rol": "raadslid", "scope": "GM9999"}'
check "a role for a municipality that does not exist is refused" 400 '[.invalidParams[].name] == ["scope"]'
post /api/v1/gebruikers/j.devries/rollen '{"rol": "raadslid", "scope": "GM0358"}'
check "a role is granted" 201 '.rollen | length == 2'
req DELETE "/api/v1/gebruikers/j.devries/rollen/raadslid?scope=GM0362"
check "a role not held cannot be withdrawn" 404
req DELETE "/api/v1/gebruikers/j.devries/rollen/raadslid?scope=GM0358"
check "a role is withdrawn" 204
req DELETE "/api/v1/gebruikers/beheer/rollen/beheerder"
check "the beheerder keeps their own role" 409

post /api/v1/gebruikers/j.devries/tokens '{"naam": "koppeling", "dagen": 401}'
check "a token of more than 400 days is refused" 400 '[.invalidParams[].name] == ["dagen"]'
post /api/v1/gebruikers/j.devries/tokens '{"naam": "koppeling", "rol": "controller", "scope": "AA"}'
check "a token for a role the account lacks is refused" 400 '[.invalidParams[].code] == ["not-held"]'
post /api/v1/gebruikers/j.devries/tokens '{"naam": "koppeling", "dagen": 30, "alleenLezen": true}'
check "the beheerder issues a token, shown once" 201 '(.token | test("^[0-9a-f]{64}$")) and .alleenLezen and .verloopt == "2026-12-22T09:30:00Z" and .geldig'
TOK=$(jq -r .token "$WORK/body")
TOKNR=$(jq -r .nummer "$WORK/body")
STATUS=$(curl -s -o "$WORK/body" -w '%{http_code}' -H "Authorization: Bearer $TOK" "$BASE/api/v1/account")
check "the token works" 200 '.gebruikersnaam == "j.devries" and (.tokens[0] | has("token") | not)'
req GET /api/v1/gebruikers/j.devries
check "the account lists the token without its secret" 200 "[.tokens[].nummer] == [$TOKNR] and (.tokens[0] | has(\"token\") | not)"
req DELETE "/api/v1/gebruikers/j.devries/tokens/$TOKNR"
check "the beheerder revokes the token" 204
STATUS=$(curl -s -o "$WORK/body" -w '%{http_code}' -H "Authorization: Bearer $TOK" "$BASE/api/v1/account")
check "a revoked token no longer works" 401
req DELETE "/api/v1/gebruikers/j.devries/tokens/$TOKNR"
check "a revoked token cannot be revoked again" 404
req DELETE "/api/v1/gebruikers/j.devries/tweede-factor"
check "no second factor to wipe is a conflict" 409

# ---- one's own account in the API ----
T_jan=$(token j.devries)
AS=jan
req GET /api/v1/account
check "everyone reads their own account" 200 '.gebruikersnaam == "j.devries" and .tweedeFactor == false'
before=$(dump)
post /api/v1/account/wachtwoord '{"huidig": "fout-wachtwoord-1", "nieuw": "een-heel-nieuw-wachtwoord"}'
check "a wrong current password is refused" 400 '[.invalidParams[].name] == ["huidig"]'
post /api/v1/account/wachtwoord "{\"huidig\": \"$PW\", \"nieuw\": \"kort\"}"
check "a short new password is refused" 400 '[.invalidParams[].name] == ["nieuw"]'
post /api/v1/account/tokens '{"naam": "eigen", "rol": "beheerder"}'
check "a token of a role one lacks is refused" 400 '[.invalidParams[].name] == ["rol"]'
post /api/v1/account/tokens '{"naam": "eigen"}'
check "a token makes a token only for one of its roles" 400 '[.invalidParams[].code] == ["not-held"]'
post /api/v1/account/tweede-factor '{"geheim": "AAAA", "code": "123456"}'
check "a malformed secret is refused" 400 '[.invalidParams[].name] == ["geheim"]'
unchanged "refused own writes store nothing"
post /api/v1/account/wachtwoord "{\"huidig\": \"$PW\", \"nieuw\": \"een-heel-nieuw-wachtwoord\"}"
check "the account changes its own password" 204
post /api/v1/account/tokens '{"naam": "eigen", "rol": "planner", "scope": "GM0358/aalsmeer-raadhuis"}'
check "a token for one's own role" 201 '.rol == "planner" and (.token | length) == 64'
EIGEN=$(jq -r .nummer "$WORK/body")
req DELETE "/api/v1/account/tokens/$EIGEN"
check "one's own token is revoked" 204
AS=beheer
req DELETE "/api/v1/account/tokens/$EIGEN"
check "another's token number is not one's own" 404

post /api/v1/account/tweede-factor/voorstel ''
check "a second factor is proposed" 200 '(.geheim | test("^[A-Z2-7]{32}$")) and (.otpauthUri | startswith("otpauth://totp/Ambt:beheer?secret="))'
SECRET=$(jq -r .geheim "$WORK/body")
totp() {
	python3 -c 'import base64,hmac,hashlib,struct,sys
k=base64.b32decode(sys.argv[1]); c=struct.pack(">Q",int(sys.argv[2]))
h=hmac.new(k,c,hashlib.sha1).digest(); o=h[-1]&15
print("%06d"%((struct.unpack(">I",h[o:o+4])[0]&0x7fffffff)%1000000))' "$1" "$2"
}
STEP=$(python3 -c 'import datetime
print(int(datetime.datetime(2026,11,22,9,30,tzinfo=datetime.timezone.utc).timestamp())//30)')
before=$(dump)
post /api/v1/account/tweede-factor "{\"geheim\": \"$SECRET\", \"code\": \"$(totp "$SECRET" $((STEP + 5)))\"}"
check "a code that does not fit is refused" 400 '[.invalidParams[].name] == ["code"]'
unchanged "a refused second factor stores nothing"
post /api/v1/account/tweede-factor "{\"geheim\": \"$SECRET\", \"code\": \"$(totp "$SECRET" "$STEP")\"}"
check "a second factor confirmed with a code" 200 '(.herstelcodes | length) == 10'
req GET /api/v1/account
check "the account has a second factor" 200 '.tweedeFactor == true'

post /api/v1/gebruikers/j.devries/intrekking ''
check "the beheerder revokes an account" 200 '.ingetrokken != null'
post /api/v1/gebruikers/j.devries/intrekking ''
check "revoking twice is a conflict" 409
post /api/v1/gebruikers/beheer/intrekking ''
check "nobody revokes their own account" 409
AS=jan
req GET /api/v1/account
check "a revoked account's token no longer works" 401

# ---- the pages ----
AS=beheer
req GET /gebruikers
check "the beheerder's accounts page" 200
has "it lists the accounts" 'href="/gebruikers/controller.aa"'
has "the menu offers Accounts" '<a class="utrecht-link" href="/gebruikers"'
has "and Mijn account" 'href="/account"'
AS=ah
req GET /gebruikers
check "an accounthouder has no accounts page" 403
req GET /account
check "an accounthouder has their own page" 200
hasnot "their menu has no Accounts" 'href="/gebruikers"'
has "their menu has Mijn account" 'href="/account"'

AS=beheer
before=$(dump)
form /gebruikers --data 'actie=nieuw&gebruikersnaam=P+de+Boer&naam=&rol=raadslid&scope=GM9999'
check "a bad account on the page is 400" 400
has "a message at the user name" 'id="nieuw-gebruikersnaam-fout"'
has "a message at the name" 'id="nieuw-naam-fout"'
has "the form is filled in again" 'value="P de Boer"'
unchanged "the bad form stores nothing"
form /gebruikers --data 'actie=nieuw&gebruikersnaam=p.deboer&naam=Piet+de+Boer&rol=raadslid&scope=GM9999'
check "an unknown municipality on the page is 400" 400
has "a message at the scope" 'id="nieuw-scope-fout"'
unchanged "nor does an unknown scope"
form /gebruikers --data 'actie=nieuw&gebruikersnaam=p.deboer&naam=Piet+de+Boer&rol=raadslid&scope=GM0358'
check "the beheerder adds an account on the page" 200
has "the password is shown once" 'id="nieuw-wachtwoord"'
PPW=$(sed -n 's#.*id="nieuw-wachtwoord">\([^<]*\)<.*#\1#p' "$WORK/body")
[ -n "$PPW" ] && ok "the generated password is on the page" || not_ok "the generated password is on the page"
req GET /gebruikers/p.deboer
check "the account page" 200
has "with its role" 'raadslid voor GM0358'
before=$(dump)
form /gebruikers/p.deboer --data 'actie=intrekken'
check "revoking without confirmation is 400" 400
has "asks for the confirmation at the box" 'id="intrekken-bevestig-fout"'
form /gebruikers/p.deboer --data 'actie=rol&rol=&scope='
check "a role must be chosen" 400
has "a message at the role" 'id="rol-rol-fout"'
form /gebruikers/p.deboer --data 'actie=rol&rol=controller&scope=XX'
check "an unknown cooperation on the page is 400" 400
has "a message at the scope of the role" 'id="rol-scope-fout"'
form /gebruikers/p.deboer --data 'actie=token&naam=&dagen=999'
check "a bad token on the page is 400" 400
has "a message at the token's name" 'id="token-naam-fout"'
has "a message at the days" 'id="token-dagen-fout"'
unchanged "bad forms on the account page store nothing"
form /gebruikers/p.deboer --data 'actie=rol&rol=accounthouder&scope=GM0358'
check "a role granted on the page" 200
has "says so" 'De rol is toegekend.'
form /gebruikers/p.deboer --data 'actie=token&naam=rapport&dagen=10&tokenrol=raadslid+GM0358'
check "a token issued on the page" 200
has "its secret shown once" 'id="nieuw-token"'
NR=$(sed -n 's#.*Token \([0-9]*\) is gemaakt.*#\1#p' "$WORK/body")
form /gebruikers/p.deboer --data "actie=tokenweg&nummer=$NR"
check "a token revoked on the page" 200
has "says so" 'Het token is ingetrokken.'
form /gebruikers/p.deboer --data 'actie=rolweg&rol=accounthouder&scope=GM0358'
check "a role withdrawn on the page" 200

# Logging in by the page, changing the password there, with CSRF.
CS=$(curl -s -D - -o /dev/null "$BASE/inloggen" | sed -n 's/^[Ss]et-[Cc]ookie: ambt_csrf=\([^;]*\).*/\1/p' | tr -d '\r')
curl -s -o /dev/null -D "$WORK/login-headers" -H "Cookie: ambt_csrf=$CS" \
	--data-urlencode "gebruikersnaam=p.deboer" --data-urlencode "wachtwoord=$PPW" \
	--data-urlencode "csrf=$CS" "$BASE/inloggen"
SID=$(sed -n 's/^[Ss]et-[Cc]ookie: ambt_sessie=\([^;]*\).*/\1/p' "$WORK/login-headers" | tr -d '\r')
[ -n "$SID" ] && ok "the new account logs in" || not_ok "the new account logs in"
sess() {
	STATUS=$(curl -s -o "$WORK/body" -w '%{http_code}' -H "Cookie: ambt_sessie=$SID" "$@")
}
sess "$BASE/account"
check "its own page" 200
FC=$(sed -n 's#.*name="csrf" value="\([^"]*\)".*#\1#p' "$WORK/body" | head -1)
# A refusal without the form token is audited; nothing else is stored.
sess --data 'actie=wachtwoord' --data-urlencode "huidig=$PPW" \
	--data-urlencode 'nieuw=mijn-nieuwe-wachtwoord' --data-urlencode 'nogmaals=mijn-nieuwe-wachtwoord' "$BASE/account"
check "without the form token nothing happens" 403
before=$(dump)
sess --data-urlencode "csrf=$FC" --data 'actie=wachtwoord' --data-urlencode "huidig=$PPW" \
	--data-urlencode 'nieuw=mijn-nieuwe-wachtwoord' --data-urlencode 'nogmaals=mijn-andere-wachtwoord' "$BASE/account"
check "two different new passwords are refused" 400
has "at the second field" 'id="wachtwoord-nogmaals-fout"'
hasnot "no password is put back" "$PPW"
sess --data-urlencode "csrf=$FC" --data 'actie=wachtwoord' --data-urlencode "huidig=$PPW" \
	--data-urlencode 'nieuw=p.deboer-wachtwoord' --data-urlencode 'nogmaals=p.deboer-wachtwoord' "$BASE/account"
check "a password with the user name is refused" 400
has "at the new password" 'id="wachtwoord-nieuw-fout"'
unchanged "refused password changes store nothing"
sess --data-urlencode "csrf=$FC" --data 'actie=wachtwoord' --data-urlencode "huidig=$PPW" \
	--data-urlencode 'nieuw=mijn-nieuwe-wachtwoord' --data-urlencode 'nogmaals=mijn-nieuwe-wachtwoord' "$BASE/account"
check "the password is changed on the page" 200
has "says so" 'Uw wachtwoord is gewijzigd.'
GEHEIM=$(sed -n 's#.*id="totp-geheim">\([A-Z2-7]*\)<.*#\1#p' "$WORK/body")
sess --data-urlencode "csrf=$FC" --data "actie=tweedefactor&geheim=$GEHEIM&code=000000" "$BASE/account"
check "a wrong code on the page is 400" 400
has "at the code" 'id="tweedefactor-code-fout"'
has "the same secret is offered again" "$GEHEIM"
sess --data-urlencode "csrf=$FC" --data "actie=tweedefactor&geheim=$GEHEIM&code=$(totp "$GEHEIM" "$STEP")" "$BASE/account"
check "a second factor set on the page" 200
has "with recovery codes" 'id="herstelcodes"'
AS=beheer
req GET /gebruikers/p.deboer
has "the beheerder sees the second factor" 'ingesteld</dd>'
form /gebruikers/p.deboer --data 'actie=tweedefactor'
check "the beheerder wipes it" 200
has "says so" 'De tweede factor is gewist.'
form /gebruikers/p.deboer --data 'actie=intrekken&bevestig=ja'
check "revoked after confirmation" 200
has "says so" 'Het account is ingetrokken.'
sess "$BASE/account"
check "the revoked account's session has ended" 401

# ---- the audit trail: every write, no secret ----
req GET "/api/v1/auditregels?pageSize=500"
check "the writes are audited" 200 '[.results[] | select(.resourceWeergave == "p.deboer") | .toelichting] | (index("wachtwoord gewijzigd") != null and index("tweede factor ingesteld") != null and index("tweede factor gewist") != null and index("account ingetrokken") != null)'
for s in "$PW" "$PPW" mijn-nieuwe-wachtwoord een-heel-nieuw-wachtwoord "$TOK" "$SECRET" "$GEHEIM"; do
	if grep -qF -- "$s" "$WORK/body"; then not_ok "no secret in the audit trail" "found one"; break; fi
done
ok "no password or secret in the audit trail"

tap_end

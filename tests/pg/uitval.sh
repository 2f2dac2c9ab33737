#!/bin/sh
# uitval.sh - a server whose PostgreSQL goes away: while it is gone, the
# API answers 503 problem+json and pages a Dutch message (nothing hangs,
# nothing is half stored); when it is back, the same server answers again
# by itself, and a write then is stored once. The test has a cluster of
# its own (tests/pg/cluster.sh), since it stops it. TAP output.
#
# Usage: uitval.sh AMBT
set -u
AMBT=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
export AMBT_NU=2026-11-22T10:30:00+01:00
unset AMBT_DB
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
	echo "1..0 # SKIP PostgreSQL is not installed"
	exit 0
fi
# World-traversable, for a cluster that runs as another user under root.
PGDIR=$(mktemp -d /tmp/ambt-uitval-XXXXXX)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-uitval-werk-XXXXXX")
. "$HERE/../lib/tap.sh"
. "$HERE/../lib/serve.sh"
trap 'serve_stop; sh "$HERE/cluster.sh" stop "$PGDIR"; rm -rf "$WORK"' EXIT
URL=$(sh "$HERE/cluster.sh" start "$PGDIR") || { echo "Bail out! cluster"; exit 1; }

"$AMBT" demo --db "$URL" >/dev/null || { echo "Bail out! demo"; exit 1; }
T=$("$AMBT" gebruiker token beheer --naam uitval --db "$URL" | tail -1)
serve_start S "$URL"
BASE=$BASE_S

# get PATH [curl args]: STATUS, $WORK/body, $WORK/headers
get() {
	p=$1
	shift
	STATUS=$(curl -s -m 20 -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' "$@" "$BASE$p")
}
ct() { sed -n 's/^[Cc]ontent-[Tt]ype: \([^;[:space:]]*\).*/\1/p' "$WORK/headers" | tail -1; }
besluit() { # besluit IDENTIFICATIE: POST a decision
	STATUS=$(curl -s -m 20 -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' \
		-H "Authorization: Bearer $T" -H 'Content-Type: application/json' \
		--data "{\"identificatie\": \"$1\", \"verantwoordelijkeOrganisatie\": \"GM0358\", \"bestuursorgaan\": \"college\", \"datum\": \"2026-11-01\", \"onderwerp\": \"Uitval $1\", \"openbaarheid\": \"actief_openbaar\"}" \
		"$BASE/api/v1/besluiten")
}

get /api/v1/samenwerkingen/HB
[ "$STATUS" = 200 ] && ok "the server answers" || not_ok "the server answers" "status $STATUS"

sh "$HERE/cluster.sh" pauze "$PGDIR"
get /api/v1/samenwerkingen/AA
if [ "$STATUS" = 503 ] && [ "$(ct)" = application/problem+json ] &&
	jq -e '.status == 503 and (.detail | test("niet bereikbaar"))' "$WORK/body" >/dev/null &&
	grep -qi '^Retry-After: 30' "$WORK/headers"; then
	ok "without its database the API answers 503 problem+json"
else
	not_ok "without its database the API answers 503 problem+json" "status $STATUS $(ct)" "$(head -c 300 "$WORK/body")"
fi
get /api/v1/gemeenten -H "Authorization: Bearer $T"
[ "$STATUS" = 503 ] && ok "a token cannot be checked either: 503, not 401" || not_ok "a token cannot be checked either: 503, not 401" "status $STATUS"
get /samenwerkingen/AA
if [ "$STATUS" = 503 ] && [ "$(ct)" = text/html ] && grep -q 'niet bereikbaar' "$WORK/body" && grep -q 'lang="nl"' "$WORK/body"; then
	ok "a page says so in Dutch"
else
	not_ok "a page says so in Dutch" "status $STATUS $(ct)" "$(head -c 300 "$WORK/body")"
fi
besluit UITVAL-1
[ "$STATUS" = 503 ] && ok "a write is refused with 503" || not_ok "a write is refused with 503" "status $STATUS"

sh "$HERE/cluster.sh" hervat "$PGDIR"
get /api/v1/samenwerkingen/AA
[ "$STATUS" = 200 ] && ok "when it is back, the same server answers again" || not_ok "when it is back, the same server answers again" "status $STATUS" "$(head -c 300 "$WORK/body")"
get /api/v1/gemeenten -H "Authorization: Bearer $T"
[ "$STATUS" = 200 ] && ok "and knows the token again" || not_ok "and knows the token again" "status $STATUS"
besluit UITVAL-2
[ "$STATUS" = 201 ] && ok "a write is stored" || not_ok "a write is stored" "status $STATUS" "$(head -c 300 "$WORK/body")"
"$AMBT" besluit lijst --zoek Uitval --format json --db "$URL" | jq -r '.[].identificatie' >"$WORK/ids"
[ "$(cat "$WORK/ids")" = UITVAL-2 ] && ok "the refused write is not there, the later one once" || not_ok "the refused write is not there, the later one once" "$(cat "$WORK/ids")"
"$AMBT" audit controleer --db "$URL" >/dev/null && ok "the audit chain is intact" || not_ok "the audit chain is intact"

tap_end

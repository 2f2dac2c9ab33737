#!/bin/sh
# objecten.sh - object-level authorisation (tests/http/objecten.tsv)
# against the real server: every route that names an object, asked by
# every kind of principal for another tenant's object, its own, and one
# that does not exist. Checks the exact status; that "not yours" answers
# exactly as "does not exist" (the bodies compared with the identifiers
# replaced); and that no refused write changes the register (after each
# row's requests). TAP output.
#
# Usage: objecten.sh AMBT TABLE FIXTURES
set -u
AMBT=$(realpath "$1")
TABLE=$2
FIX=$(realpath "$3")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-objecten-XXXXXX")
export AMBT_NU=2026-11-22T10:30:00+01:00
unset AMBT_DB
DB_PREFIX=objecten
. "$(dirname "$0")/../lib/db.sh"
db_engine_of_test
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1))
	failed=$((failed + 1))
	echo "not ok $n - $1"
	shift
	for l in "$@"; do echo "# $l"; done
}

# ---- principals ----
DB=$(db_url db)
"$AMBT" demo --overschrijf --db "$DB" >/dev/null || { echo "Bail out! demo"; exit 1; }
add() { "$AMBT" gebruiker toevoegen "$1" --naam "$1" --rol "$2" --scope "$3" --db "$DB" >/dev/null; }
add accounthouder.heemstede accounthouder GM0397
add raadslid.heemstede raadslid GM0397
add planner.aalsmeer planner GM0358
add planner.aalsmeer-video planner GM0358/aalsmeer-video
tok() { "$AMBT" gebruiker token "$1" --naam objecten --db "$DB" | tail -1; }
T_beheer=$(tok beheer)
T_c_aa=$(tok controller.aa)
T_c_hb=$(tok controller.hb)
T_ah_aal=$(tok accounthouder.aalsmeer)
T_ah_hee=$(tok accounthouder.heemstede)
T_rl_aal=$(tok raadslid.aalsmeer)
T_rl_hee=$(tok raadslid.heemstede)
T_pl_aal=$(tok planner.aalsmeer)
T_pv_aal=$(tok planner.aalsmeer-video)
T_ro_hee=$("$AMBT" gebruiker token accounthouder.heemstede --naam lezen \
	--alleen-lezen --db "$DB" | tail -1)
WHO="anon beheer c_aa c_hb ah_aal ah_hee rl_aal rl_hee ro_hee pl_aal pv_aal"

"$AMBT" serve --db "$DB" --poort 0 --stil >"$WORK/serve.out" 2>&1 &
PID=$!
for _ in $(seq 1 100); do
	grep -q "draait op" "$WORK/serve.out" 2>/dev/null && break
	sleep 0.05
done
BASE=$(sed -n 's#^Ambt draait op \(http://[^/]*\)/.*#\1#p' "$WORK/serve.out")
[ -n "$BASE" ] || { echo "Bail out! server did not start"; exit 1; }

# The register, without what a refused request may leave behind (the
# audit trail, login bookkeeping).
dump() {
	db_inhoud "$DB" audit,inlogpoging,sessie,afspraak_teller
}

# ask WHO METHOD PATH BODY OUTFILE: prints the status.
ask() {
	set -- "$1" "$2" "$3" "$4" "$5"
	who=$1 m=$2 p=$3 b=$4 out=$5
	set -- -s -o "$out" -w '%{http_code}' -X "$m"
	if [ "$who" != anon ]; then
		eval "t=\$T_$who"
		set -- "$@" -H "Authorization: Bearer $t"
	fi
	case "$b" in
	-) ;;
	form:*) set -- "$@" --data "${b#form:}" ;;
	csv:*) set -- "$@" -H 'Content-Type: text/csv' --data-binary "@$FIX/${b#csv:}" ;;
	*) set -- "$@" -H 'Content-Type: application/json' --data "$b" ;;
	esac
	curl "$@" "$BASE$p"
}

# The body with an identifier replaced where it stands on its own.
zonder() {
	ID=$2 perl -0pe 's/(?<![A-Za-z0-9])\Q$ENV{ID}\E(?![A-Za-z0-9])/<ID>/g' "$1"
}

tab=$(printf '\t')
before=$(dump)
rows=0
grep -v '^#' "$TABLE" >"$WORK/rows"
while IFS="$tab" read -r method path body obj npath nbody nobj expect; do
	rows=$((rows + 1))
	i=0
	for who in $WHO; do
		i=$((i + 1))
		want=$(printf '%s\n' "$expect" | cut -f$i)
		[ "$want" = - ] && continue
		alike=false
		case "$want" in *=) alike=true want=${want%=} ;; esac
		got=$(ask "$who" "$method" "$path" "$body" "$WORK/a")
		name="$method $path as $who"
		if [ "$got" != "$want" ]; then
			not_ok "$name: $got" "expected $want" "$(head -c 300 "$WORK/a")"
			continue
		fi
		if $alike; then
			got2=$(ask "$who" "$method" "$npath" "$nbody" "$WORK/b")
			if [ "$got2" != "$got" ] ||
			   [ "$(zonder "$WORK/a" "$obj")" != "$(zonder "$WORK/b" "$nobj")" ]; then
				not_ok "$name: $got, not as for $nobj" \
					"theirs ($got): $(head -c 300 "$WORK/a")" \
					"none ($got2): $(head -c 300 "$WORK/b")"
				continue
			fi
			ok "$name: $got, alike $nobj"
		else
			ok "$name: $got"
		fi
	done
	# A refused write changes nothing (checked once a row: each
	# principal's request of the row is refused or not asked).
	if [ "$method" != GET ]; then
		now=$(dump)
		if [ "$now" != "$before" ]; then
			not_ok "$method $path: a refused request changed the register"
			before=$now
		else
			ok "$method $path: the register is unchanged"
		fi
	fi
done <"$WORK/rows"
[ "$rows" -ge 30 ] && ok "the table was read ($rows rows)" || not_ok "the table was read ($rows rows)"
[ "$(dump)" = "$before" ] && ok "the register is unchanged" || not_ok "the register is unchanged"
if "$AMBT" audit controleer --db "$DB" >/dev/null; then ok "audit chain intact"; else not_ok "audit chain intact"; fi
echo "1..$n"
[ "$failed" = 0 ]

#!/bin/sh
# matrix.sh - the authorisation matrix (tests/http/matrix.tsv) against the
# real server: every route × every kind of principal, with the exact
# status expected. It first checks that the matrix covers every route the
# server has (`ambt serve --routes`) and names no route it does not have,
# so a new route without an entry fails this test. TAP output.
#
# Usage: matrix.sh AMBT MATRIX
set -u
AMBT=$(realpath "$1")
MATRIX=$2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-matrix-XXXXXX")
export AMBT_NU=2026-11-22T10:30:00+01:00
unset AMBT_DB
DB_PREFIX=matrix
. "$(dirname "$0")/../lib/db.sh"
db_engine_of_test
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; [ $# -gt 1 ] && echo "# $2"; }

# ---- coverage: matrix and route table name the same routes ----
"$AMBT" serve --routes | cut -f1,2 | sort -u >"$WORK/routes"
grep -v '^#' "$MATRIX" | cut -f1,2 | sort -u >"$WORK/covered"
missing=$(comm -23 "$WORK/routes" "$WORK/covered")
extra=$(comm -13 "$WORK/routes" "$WORK/covered")
[ -z "$missing" ] && ok "every route has a row in the matrix" || not_ok "every route has a row in the matrix" "missing: $(echo $missing)"
[ -z "$extra" ] && ok "the matrix names only existing routes" || not_ok "the matrix names only existing routes" "unknown: $(echo $extra)"
if "$AMBT" serve --routes | grep -q '	niets$'; then not_ok "every route declares what it needs"; else ok "every route declares what it needs"; fi

# ---- principals ----
DB=$(db_url db)
"$AMBT" demo --overschrijf --db "$DB" >/dev/null || { echo "Bail out! demo"; exit 1; }
add() { "$AMBT" gebruiker toevoegen "$1" --naam "$1" --rol "$2" --scope "$3" --db "$DB" >/dev/null; }
add accounthouder.amstelveen accounthouder GM0362
add planner.aalsmeer planner GM0358
add raadslid.amstelveen raadslid GM0362
tok() { "$AMBT" gebruiker token "$1" --naam matrix --db "$DB" | tail -1; }
T_beheer=$(tok beheer)
T_c_aa=$(tok controller.aa)
T_c_hb=$(tok controller.hb)
T_ah_aal=$(tok accounthouder.aalsmeer)
T_ah_ams=$(tok accounthouder.amstelveen)
T_pl_aal=$(tok planner.aalsmeer)
T_ba_aal=$(tok balie.aalsmeer)
T_rl_aal=$(tok raadslid.aalsmeer)
T_rl_ams=$(tok raadslid.amstelveen)
WHO="anon beheer c_aa c_hb ah_aal ah_ams pl_aal ba_aal rl_aal rl_ams"

"$AMBT" serve --db "$DB" --poort 0 --stil >"$WORK/serve.out" 2>&1 &
PID=$!
for _ in $(seq 1 100); do
	grep -q "draait op" "$WORK/serve.out" 2>/dev/null && break
	sleep 0.05
done
BASE=$(sed -n 's#^Ambt draait op \(http://[^/]*\)/.*#\1#p' "$WORK/serve.out")
[ -n "$BASE" ] || { echo "Bail out! server did not start"; exit 1; }
before=$(db_inhoud "$DB" audit,inlogpoging,sessie)

# ---- the matrix ----
tab=$(printf '\t')
grep -v '^#' "$MATRIX" | while IFS="$tab" read -r method pattern path body expect; do
	i=0
	for who in $WHO; do
		i=$((i + 1))
		want=$(echo "$expect" | cut -f$i)
		set -- -s -o /dev/null -w '%{http_code}' -X "$method"
		if [ "$who" != anon ]; then
			eval "t=\$T_$who"
			set -- "$@" -H "Authorization: Bearer $t"
		fi
		case "$body" in
		-) ;;
		form:*) set -- "$@" --data "${body#form:}" ;;
		*) set -- "$@" -H 'Content-Type: application/json' --data "$body" ;;
		esac
		got=$(curl "$@" "$BASE$path")
		if [ "$got" = "$want" ]; then
			echo "ok - $method $path as $who: $got"
		else
			echo "not ok - $method $path as $who: $got, expected $want"
		fi
	done
done >"$WORK/results"
while read -r line; do
	case "$line" in
	"ok - "*) ok "${line#ok - }" ;;
	*) not_ok "${line#not ok - }" ;;
	esac
done <"$WORK/results"
after=$(db_inhoud "$DB" audit,inlogpoging,sessie)
[ "$before" = "$after" ] && ok "the matrix changed nothing in the register" || not_ok "the matrix changed nothing in the register"
if "$AMBT" audit controleer --db "$DB" >/dev/null; then ok "audit chain intact"; else not_ok "audit chain intact"; fi
echo "1..$n"
[ "$failed" = 0 ]

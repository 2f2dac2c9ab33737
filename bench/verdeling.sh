#!/bin/sh
# verdeling.sh - the contribution calculation of the generated year
# (bench/gen: 60 units of which 20 support, 6 municipalities, ~1.3 M rows of
# hours) from the database — reciprocal support allocation, keys from the
# realised hours — on SQLite and on PostgreSQL, each against a plain
# GROUP BY of the same hours in the engine's own client (sqlite3, psql);
# and the engine alone on the same input document. Prints figures and
# writes JSON to bench/results/verdeling-<date>.json (or $BENCH_OUT).
# Never fails on time.
#
# Usage: bench/verdeling.sh BUILD_DIR   (a release build: ambt, gen, verdeling_motor)
#
# PostgreSQL: the cluster of $AMBT_BENCH_PG (make bench starts one), else a
# throw-away cluster of its own (see bench/pg.sh).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck disable=SC2034 # used by pg.sh
ROOT=$(cd "$HERE/.." && pwd)
# shellcheck source=bench/pg.sh
. "$HERE/pg.sh"
B=$(realpath "$1")
OUT=${BENCH_OUT:-bench/results/verdeling-$(date +%Y-%m-%d).json}
W=$(mktemp -d "${TMPDIR:-/tmp}/ambt-bench-verdeling-XXXXXX")
trap 'pg_end; rm -rf "$W"' EXIT
trap 'exit 1' INT TERM HUP
export AMBT_NU=2026-11-22T10:30:00+01:00
RONDES=${RONDES:-3}
DB=$W/t.db

pg_begin || { echo "bench/verdeling.sh: no PostgreSQL cluster" >&2; exit 1; }
pg_mine bench_verdeling
PG=$(pg_url bench_verdeling)

"$B/gen" --uit "$W/jaar" >/dev/null

# Cost pools for every unit (two each, one of them income for some), the
# 20 support units with deliveries to primaries and to each other.
python3 - "$W" <<'PY'
import random, sys
w = sys.argv[1]
rng = random.Random(2024)
with open(f"{w}/kosten.csv", "w") as f:
    f.write("code;eenheid;kostensoort;taakveld;bedrag\n")
    for i in range(1, 61):
        e = f"bench-e{i:02d}"
        tv = "0.4" if i <= 20 else ["0.2", "6.1", "8.1", "2.1"][i % 4]
        f.write(f"P{i:02d};{e};personeel;{tv};{rng.randint(300000, 3000000)},{rng.randint(0, 99):02d}\n")
        f.write(f"M{i:02d};{e};materieel;{tv};{rng.randint(10000, 400000)},{rng.randint(0, 99):02d}\n")
        if i % 7 == 0:
            f.write(f"O{i:02d};{e};opbrengsten;{tv};-{rng.randint(1000, 90000)},00\n")
with open(f"{w}/steun.sh", "w") as f:
    for s in range(1, 21):
        f.write(f'"$AMBT" verdeling rol bench-e{s:02d} --jaar 2024 --ondersteunend --db "$DB"\n')
        for t in rng.sample(range(1, 61), 8):
            if t != s:
                f.write(f'"$AMBT" verdeling levering bench-e{s:02d} bench-e{t:02d} {rng.randint(1, 50)} --jaar 2024 --db "$DB"\n')
        f.write(f'"$AMBT" verdeling levering bench-e{s:02d} bench-e{rng.randint(21, 60):02d} {rng.randint(1, 50)} --jaar 2024 --db "$DB"\n')
PY

# The same register, staff, hours and cost data into database $1.
vul() {
	"$B/ambt" init --db "$1" --register "$W/jaar/register.json" >/dev/null
	"$B/ambt" medewerker importeer "$W/jaar/medewerkers.csv" --db "$1" >/dev/null
	"$B/ambt" uren importeer "$W/jaar/uren.csv" --db "$1" >/dev/null
	"$B/ambt" kostenpost importeer "$W/kosten.csv" --samenwerking BENCH --jaar 2024 --db "$1" >/dev/null
	AMBT="$B/ambt" DB="$1" sh "$W/steun.sh" >/dev/null
	"$B/ambt" verdeling methode wederzijds --samenwerking BENCH --jaar 2024 --db "$1" >/dev/null
}
vul "$DB"
vul "$PG"

seconds() { # run a command, print its wall time in seconds
	python3 - "$@" <<'PY'
import subprocess, sys, time
t = time.monotonic()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(f"{time.monotonic() - t:.3f}")
PY
}
best() { sort -n | head -1; }
GROUP_BY="SELECT eenheid_id, gemeente_id, sum(honderdsten) FROM uren GROUP BY eenheid_id, gemeente_id"

for r in $(seq "$RONDES"); do
	seconds "$B/ambt" verdeling bereken --samenwerking BENCH --jaar 2024 --format json --db "$DB"
done | best >"$W/ambt"
for r in $(seq "$RONDES"); do
	seconds sqlite3 "$DB" "$GROUP_BY"
done | best >"$W/groupby"
for r in $(seq "$RONDES"); do
	seconds "$B/ambt" verdeling bereken --samenwerking BENCH --jaar 2024 --format json --db "$PG"
done | best >"$W/pg_ambt"
for r in $(seq "$RONDES"); do
	seconds psql -X -q -A -t "$PG" -c "$GROUP_BY"
done | best >"$W/pg_groupby"

# Both engines must compute the same thing from the same data.
for e in sqlite pg; do
	case $e in sqlite) d=$DB ;; *) d=$PG ;; esac
	"$B/ambt" verdeling bereken --samenwerking BENCH --jaar 2024 --toon-invoer --db "$d" >"$W/invoer-$e.json"
	"$B/ambt" verdeling bereken --samenwerking BENCH --jaar 2024 --format json --db "$d" >"$W/uitkomst-$e.json"
done
GELIJK=true
cmp -s "$W/invoer-sqlite.json" "$W/invoer-pg.json" || GELIJK=false
cmp -s "$W/uitkomst-sqlite.json" "$W/uitkomst-pg.json" || GELIJK=false
MOTOR=$("$B/verdeling_motor" "$W/invoer-sqlite.json" 5)
RIJEN=$(sqlite3 "$DB" "SELECT count(*) FROM uren")
PG_RIJEN=$(psql -X -A -t "$PG" -c "SELECT count(*) FROM uren")
PG_VERSIE=$(pg_version)
pg_drop bench_verdeling

python3 - "$(cat "$W/ambt")" "$(cat "$W/groupby")" "$(cat "$W/pg_ambt")" \
	"$(cat "$W/pg_groupby")" "$MOTOR" "$RIJEN" "$PG_RIJEN" "$GELIJK" \
	"$PG_VERSIE" "$OUT" <<'PY'
import json, sys
ambt, gb, pg_ambt, pg_gb = map(float, sys.argv[1:5])
motor = json.loads(sys.argv[5])
rows, pg_rows = int(sys.argv[6]), int(sys.argv[7])
gelijk = sys.argv[8] == "true"
pg_version, out = sys.argv[9:11]
r = {
    "uren_rijen": rows, "eenheden": 60, "ondersteunend": 20, "methode": "reciprocal",
    "ambt_verdeling_bereken_s": ambt, "sqlite3_group_by_s": gb,
    "verhouding_ambt_group_by": round(ambt / gb, 2),
    "motor_s": motor["seconden"], "bladen": motor["bladen"], "posten": motor["posten"],
    "postgresql": {
        "versie": pg_version, "uren_rijen": pg_rows,
        "ambt_verdeling_bereken_s": pg_ambt, "psql_group_by_s": pg_gb,
        "verhouding_ambt_group_by": round(pg_ambt / pg_gb, 2),
        "zelfde_invoer_en_uitkomst": gelijk,
    },
}
w = 44
print(f"Kostenverdeling: {rows} uurregels, 60 eenheden (20 ondersteunend, wederzijds), {motor['posten']} kostenposten")
print(f"  {'':{w}} {'SQLite':>10} {'PostgreSQL':>11}")
print(f"  {'ambt verdeling bereken (uit de database)':{w}} {ambt:8.3f} s {pg_ambt:9.3f} s")
print(f"  {'anker: GROUP BY van dezelfde uren':{w}} {gb:8.3f} s {pg_gb:9.3f} s")
print(f"  {'verhouding ambt / GROUP BY':{w}} {ambt / gb:10.2f} {pg_ambt / pg_gb:11.2f}")
print(f"  {'alleen de rekenmotor':{w}} {motor['seconden']:8.3f} s  ({motor['bladen']} bladen, exacte breuken)")
print(f"  (anker SQLite: sqlite3; anker PostgreSQL {pg_version}: psql)")
if not gelijk:
    print("  let op: SQLite en PostgreSQL geven niet dezelfde invoer of uitkomst")
with open(out, "w") as f:
    json.dump(r, f, indent=2)
    f.write("\n")
PY

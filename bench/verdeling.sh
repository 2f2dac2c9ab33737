#!/bin/sh
# verdeling.sh - the contribution calculation of the generated year
# (bench/gen: 60 units of which 20 support, 6 municipalities, ~1.3 M rows of
# hours) from the database — reciprocal support allocation, keys from the
# realised hours — against a plain GROUP BY of the same hours in sqlite3;
# and the engine alone on the same input document. Prints figures and
# writes JSON to bench/results/verdeling-<date>.json (or $BENCH_OUT).
# Never fails on time.
#
# Usage: bench/verdeling.sh BUILD_DIR   (a release build: ambt, gen, verdeling_motor)
set -eu
B=$(realpath "$1")
OUT=${BENCH_OUT:-bench/results/verdeling-$(date +%Y-%m-%d).json}
W=$(mktemp -d "${TMPDIR:-/tmp}/ambt-bench-verdeling-XXXXXX")
trap 'rm -rf "$W"' EXIT
export AMBT_NU=2026-11-22T10:30:00+01:00
RONDES=${RONDES:-3}
DB=$W/t.db

"$B/gen" --uit "$W/jaar" >/dev/null
"$B/ambt" init --db "$DB" --register "$W/jaar/register.json" >/dev/null
"$B/ambt" medewerker import "$W/jaar/medewerkers.csv" --db "$DB" >/dev/null
"$B/ambt" uren import "$W/jaar/uren.csv" --db "$DB" >/dev/null

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
"$B/ambt" kostenpost import "$W/kosten.csv" --samenwerking BENCH --jaar 2024 --db "$DB" >/dev/null
AMBT="$B/ambt" DB="$DB" sh "$W/steun.sh" >/dev/null
"$B/ambt" verdeling methode reciprocal --samenwerking BENCH --jaar 2024 --db "$DB" >/dev/null

seconds() { # run a command, print its wall time in seconds
	python3 - "$@" <<'PY'
import subprocess, sys, time
t = time.monotonic()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(f"{time.monotonic() - t:.3f}")
PY
}
best() { sort -n | head -1; }

for r in $(seq "$RONDES"); do
	seconds "$B/ambt" verdeling bereken --samenwerking BENCH --jaar 2024 --format json --db "$DB"
done | best >"$W/ambt"
for r in $(seq "$RONDES"); do
	seconds sqlite3 "$DB" "SELECT eenheid_id, gemeente_id, sum(honderdsten) FROM uren GROUP BY eenheid_id, gemeente_id"
done | best >"$W/groupby"
"$B/ambt" verdeling bereken --samenwerking BENCH --jaar 2024 --toon-invoer --db "$DB" >"$W/invoer.json"
MOTOR=$("$B/verdeling_motor" "$W/invoer.json" 5)
RIJEN=$(sqlite3 "$DB" "SELECT count(*) FROM uren")

python3 - "$(cat "$W/ambt")" "$(cat "$W/groupby")" "$MOTOR" "$RIJEN" "$OUT" <<'PY'
import json, sys
ambt, gb = float(sys.argv[1]), float(sys.argv[2])
motor = json.loads(sys.argv[3])
rows = int(sys.argv[4])
r = {
    "uren_rijen": rows, "eenheden": 60, "ondersteunend": 20, "methode": "reciprocal",
    "ambt_verdeling_bereken_s": ambt, "sqlite3_group_by_s": gb,
    "verhouding_ambt_group_by": round(ambt / gb, 2),
    "motor_s": motor["seconden"], "bladen": motor["bladen"], "posten": motor["posten"],
}
print(f"Kostenverdeling: {rows} uurregels, 60 eenheden (20 ondersteunend, wederzijds), {motor['posten']} kostenposten")
print(f"  ambt verdeling bereken (uit de database)  {ambt:6.3f} s")
print(f"  sqlite3 GROUP BY van dezelfde uren        {gb:6.3f} s")
print(f"  verhouding ambt / GROUP BY                {ambt / gb:6.2f}")
print(f"  alleen de rekenmotor                      {motor['seconden']:6.3f} s  ({motor['bladen']} bladen, exacte breuken)")
with open(sys.argv[5], "w") as f:
    json.dump(r, f, indent=2)
    f.write("\n")
PY

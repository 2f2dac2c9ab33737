#!/bin/sh
# uren.sh - import of a generated year of hours (bench/gen: 2,000 staff,
# ~1.3 M day rows) into SQLite with full validation, against sqlite3's own
# .import of the same file into a bare table (which validates nothing);
# and how fast the file is read (MB/s). Prints figures and writes JSON to
# bench/results/uren-<date>.json (or $BENCH_OUT). Never fails on time.
#
# Usage: bench/uren.sh BUILD_DIR     (a release build: ambt, gen, uren_lezen)
set -eu
B=$(realpath "$1")
OUT=${BENCH_OUT:-bench/results/uren-$(date +%Y-%m-%d).json}
W=$(mktemp -d "${TMPDIR:-/tmp}/ambt-bench-uren-XXXXXX")
trap 'rm -rf "$W"' EXIT
export AMBT_NU=2026-11-22T10:30:00+01:00
RONDES=${RONDES:-3}

"$B/gen" --uit "$W/jaar" >/dev/null
BYTES=$(stat -c %s "$W/jaar/uren.csv")
RIJEN=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["rijen"])' "$W/jaar/verwacht.json")

seconds() { # run a command, print its wall time in seconds
	python3 - "$@" <<'PY'
import subprocess, sys, time
t = time.monotonic()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(f"{time.monotonic() - t:.3f}")
PY
}
best() { sort -n | head -1; }

# ambt: a fresh database with the register and staff each round.
for r in $(seq "$RONDES"); do
	rm -f "$W"/t.db*
	"$B/ambt" init --db "$W/t.db" --register "$W/jaar/register.json" >/dev/null
	"$B/ambt" medewerker import "$W/jaar/medewerkers.csv" --db "$W/t.db" >/dev/null
	seconds "$B/ambt" uren import "$W/jaar/uren.csv" --db "$W/t.db"
done | best >"$W/ambt"
# The anchor: sqlite3 .import into a bare table, same journal mode.
for r in $(seq "$RONDES"); do
	rm -f "$W"/bare.db*
	sqlite3 "$W/bare.db" "PRAGMA journal_mode=WAL;" >/dev/null
	seconds sqlite3 "$W/bare.db" ".mode csv" ".separator ;" ".import $W/jaar/uren.csv uren"
done | best >"$W/bare"
# Checking only (no database writes) and reading only.
rm -f "$W"/t.db*
"$B/ambt" init --db "$W/t.db" --register "$W/jaar/register.json" >/dev/null
"$B/ambt" medewerker import "$W/jaar/medewerkers.csv" --db "$W/t.db" >/dev/null
for r in $(seq "$RONDES"); do
	seconds "$B/ambt" uren import "$W/jaar/uren.csv" --dry-run --db "$W/t.db"
done | best >"$W/proef"
LEZEN=$("$B/uren_lezen" "$W/jaar/uren.csv" "$RONDES")

AMBT=$(cat "$W/ambt")
BARE=$(cat "$W/bare")
PROEF=$(cat "$W/proef")
python3 - "$AMBT" "$BARE" "$PROEF" "$BYTES" "$RIJEN" "$LEZEN" "$OUT" <<'PY'
import json, sys
ambt, bare, proef = map(float, sys.argv[1:4])
size, rows = int(sys.argv[4]), int(sys.argv[5])
lezen = json.loads(sys.argv[6])
r = {
    "bestand_bytes": size, "rijen": rows,
    "ambt_import_s": ambt, "sqlite3_import_s": bare,
    "verhouding_ambt_sqlite3": round(ambt / bare, 2),
    "ambt_controle_zonder_opslaan_s": proef,
    "controle_mb_per_s": round(size / 1e6 / proef, 1),
    "csv_lezen_mb_per_s": lezen["mb_per_s"],
}
print(f"Uren importeren: {rows} regels, {size / 1e6:.1f} MB")
print(f"  ambt uren import (alles gecontroleerd)  {ambt:6.2f} s")
print(f"  sqlite3 .import (kale tabel)            {bare:6.2f} s")
print(f"  verhouding ambt / sqlite3               {ambt / bare:6.2f}  (doel <= 1,0)")
print(f"  alleen controleren (--dry-run)          {proef:6.2f} s  = {size / 1e6 / proef:.0f} MB/s")
print(f"  alleen CSV lezen                        {lezen['seconden']:6.2f} s  = {lezen['mb_per_s']:.0f} MB/s  (doel >= 300)")
with open(sys.argv[7], "w") as f:
    json.dump(r, f, indent=2)
    f.write("\n")
PY

#!/bin/sh
# uren.sh - import of a generated year of hours (bench/gen: 2,000 staff,
# ~1.3 M day rows) with full validation, into SQLite and into PostgreSQL,
# each against the engine's own import of the same file into a bare table
# (which validates nothing): sqlite3's .import and PostgreSQL's COPY (psql
# \copy); and how fast the file is read (MB/s). Prints figures and writes
# JSON to bench/results/uren-<date>.json (or $BENCH_OUT). Never fails on
# time.
#
# Usage: bench/uren.sh BUILD_DIR     (a release build: ambt, gen, uren_lezen)
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
OUT=${BENCH_OUT:-bench/results/uren-$(date +%Y-%m-%d).json}
W=$(mktemp -d "${TMPDIR:-/tmp}/ambt-bench-uren-XXXXXX")
trap 'pg_end; rm -rf "$W"' EXIT
trap 'exit 1' INT TERM HUP
export AMBT_NU=2026-11-22T10:30:00+01:00
RONDES=${RONDES:-3}

"$B/gen" --uit "$W/jaar" >/dev/null
BYTES=$(stat -c %s "$W/jaar/uren.csv")
RIJEN=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["rijen"])' "$W/jaar/verwacht.json")
pg_begin || { echo "bench/uren.sh: no PostgreSQL cluster" >&2; exit 1; }
pg_mine bench_uren
pg_mine bench_uren_kaal
PG=$(pg_url bench_uren)
PG_KAAL=$(pg_url bench_uren_kaal)

seconds() { # run a command, print its wall time in seconds
	python3 - "$@" <<'PY'
import subprocess, sys, time
t = time.monotonic()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(f"{time.monotonic() - t:.3f}")
PY
}
best() { sort -n | head -1; }

# ---- SQLite ----

# ambt: a fresh database with the register and staff each round.
for r in $(seq "$RONDES"); do
	rm -f "$W"/t.db*
	"$B/ambt" init --db "$W/t.db" --register "$W/jaar/register.json" >/dev/null
	"$B/ambt" medewerker importeer "$W/jaar/medewerkers.csv" --db "$W/t.db" >/dev/null
	seconds "$B/ambt" uren importeer "$W/jaar/uren.csv" --db "$W/t.db"
done | best >"$W/ambt"
# The anchor: sqlite3 .import into a bare table, same journal mode.
for r in $(seq "$RONDES"); do
	rm -f "$W"/bare.db*
	sqlite3 "$W/bare.db" "PRAGMA journal_mode=WAL;" >/dev/null
	seconds sqlite3 "$W/bare.db" ".mode csv" ".separator ;" ".import $W/jaar/uren.csv uren"
done | best >"$W/bare"
# A dry run: the same work, rolled back at the end; on a database without
# the file.
rm -f "$W"/t.db*
"$B/ambt" init --db "$W/t.db" --register "$W/jaar/register.json" >/dev/null
"$B/ambt" medewerker importeer "$W/jaar/medewerkers.csv" --db "$W/t.db" >/dev/null
for r in $(seq "$RONDES"); do
	seconds "$B/ambt" uren importeer "$W/jaar/uren.csv" --proef --db "$W/t.db"
done | best >"$W/proef"
rm -f "$W"/t.db* "$W"/bare.db*

# ---- PostgreSQL ----

# ambt: a fresh database (init makes it) with the register and staff.
for r in $(seq "$RONDES"); do
	pg_drop bench_uren
	"$B/ambt" init --db "$PG" --register "$W/jaar/register.json" >/dev/null
	"$B/ambt" medewerker importeer "$W/jaar/medewerkers.csv" --db "$PG" >/dev/null
	seconds "$B/ambt" uren importeer "$W/jaar/uren.csv" --db "$PG"
done | best >"$W/pg_ambt"
# The anchor: PostgreSQL's own COPY of the same file (sent by psql's \copy
# as COPY FROM STDIN, as ambt sends its rows) into a bare table with the
# file's columns as text, in a fresh database.
for r in $(seq "$RONDES"); do
	pg_drop bench_uren_kaal
	pg_sql "CREATE DATABASE bench_uren_kaal" >/dev/null
	seconds psql -X -q -v ON_ERROR_STOP=1 "$PG_KAAL" \
		-c "CREATE TABLE uren (medewerker text, datum text, gemeente text, eenheid text, taakveld text, product text, uren text, omschrijving text)" \
		-c "\\copy uren FROM '$W/jaar/uren.csv' WITH (FORMAT csv, DELIMITER ';', HEADER true)"
done | best >"$W/pg_bare"
# Both loaded every row (else the figures compare different work).
PG_RIJEN=$(psql -X -A -t "$PG" -c "SELECT count(*) FROM uren")
PG_KAAL_RIJEN=$(psql -X -A -t "$PG_KAAL" -c "SELECT count(*) FROM uren")
pg_drop bench_uren_kaal
# A dry run, on a database without the file.
pg_drop bench_uren
"$B/ambt" init --db "$PG" --register "$W/jaar/register.json" >/dev/null
"$B/ambt" medewerker importeer "$W/jaar/medewerkers.csv" --db "$PG" >/dev/null
for r in $(seq "$RONDES"); do
	seconds "$B/ambt" uren importeer "$W/jaar/uren.csv" --proef --db "$PG"
done | best >"$W/pg_proef"
PG_VERSIE=$(pg_version)
PG_FSYNC=$(pg_sql "SHOW fsync")
pg_drop bench_uren

# ---- reading only ----

LEZEN=$("$B/uren_lezen" "$W/jaar/uren.csv" "$RONDES")

python3 - "$(cat "$W/ambt")" "$(cat "$W/bare")" "$(cat "$W/proef")" \
	"$(cat "$W/pg_ambt")" "$(cat "$W/pg_bare")" "$(cat "$W/pg_proef")" \
	"$BYTES" "$RIJEN" "$LEZEN" "$PG_RIJEN" "$PG_KAAL_RIJEN" \
	"$PG_VERSIE" "$PG_FSYNC" "$OUT" <<'PY'
import json, sys
ambt, bare, proef, pg_ambt, pg_bare, pg_proef = map(float, sys.argv[1:7])
size, rows = int(sys.argv[7]), int(sys.argv[8])
lezen = json.loads(sys.argv[9])
pg_rows, pg_bare_rows = int(sys.argv[10]), int(sys.argv[11])
pg_version, pg_fsync, out = sys.argv[12:15]
mb = size / 1e6
r = {
    "bestand_bytes": size, "rijen": rows,
    "ambt_import_s": ambt, "sqlite3_import_s": bare,
    "verhouding_ambt_sqlite3": round(ambt / bare, 2),
    "ambt_controle_zonder_opslaan_s": proef,
    "controle_mb_per_s": round(mb / proef, 1),
    "csv_lezen_mb_per_s": lezen["mb_per_s"],
    "postgresql": {
        "versie": pg_version, "fsync": pg_fsync,
        "ambt_import_s": pg_ambt, "copy_import_s": pg_bare,
        "verhouding_ambt_copy": round(pg_ambt / pg_bare, 2),
        "ambt_controle_zonder_opslaan_s": pg_proef,
        "controle_mb_per_s": round(mb / pg_proef, 1),
        "rijen_ambt": pg_rows, "rijen_copy": pg_bare_rows,
    },
}
w = 42
print(f"Uren importeren: {rows} regels, {mb:.1f} MB")
print(f"  {'':{w}} {'SQLite':>10} {'PostgreSQL':>11}")
print(f"  {'ambt uren importeer (alles gecontroleerd)':{w}} {ambt:8.2f} s {pg_ambt:9.2f} s")
print(f"  {'anker: eigen import in een kale tabel':{w}} {bare:8.2f} s {pg_bare:9.2f} s")
print(f"  {'verhouding ambt / anker':{w}} {ambt / bare:10.2f} {pg_ambt / pg_bare:11.2f}   (doel SQLite <= 1,0)")
print(f"  {'--proef (alles, dan teruggedraaid)':{w}} {proef:8.2f} s {pg_proef:9.2f} s")
print(f"  {'alleen CSV lezen (zonder database)':{w}} {lezen['seconden']:8.2f} s = {lezen['mb_per_s']:.0f} MB/s  (doel >= 300)")
print(f"  (anker SQLite: sqlite3 .import, WAL; anker PostgreSQL {pg_version}: "
      f"psql \\copy = COPY FROM STDIN; fsync={pg_fsync})")
for name, n in (("ambt", pg_rows), ("COPY", pg_bare_rows)):
    if n != rows:
        print(f"  let op: PostgreSQL na {name}: {n} rijen, verwacht {rows}")
with open(out, "w") as f:
    json.dump(r, f, indent=2)
    f.write("\n")
PY

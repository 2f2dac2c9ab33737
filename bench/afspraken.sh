#!/bin/sh
# afspraken.sh - the front office by appointment in Easy!Appointments' own
# scenario (APPOINTMENTS.md): one product of 10 minutes on a 10-minute
# grid, 10 desks staffed Monday to Friday 08:30-17:00 with a break
# 12:30-13:00, on an empty database and on one with 6,313 appointments
# ahead and 50,000 past; on SQLite and on PostgreSQL. Measures the free
# times of one day and a 30-day search, in the store and over HTTP
# (never from the response cache: free times are not kept there),
# bookings per second over HTTP with 1 and 4 clients on one and two
# server processes, 20 concurrent bookings of one last place, and the
# 30-day search while 4 clients book as fast as they can against the
# same search on an idle server. Prints every figure beside its anchor
# and target (PERFORMANCE.md) and writes JSON to
# bench/results/afspraken-<date>.json (or $BENCH_OUT). Never fails on
# time; exits non-zero when the set-up fails.
#
# Usage: bench/afspraken.sh BUILD_DIR   (a release build: ambt, gen,
#                                        afspraken_motor, tests/wedloop)
#
# PostgreSQL: the cluster of $AMBT_BENCH_PG (make bench starts one), else a
# throw-away cluster of its own (see bench/pg.sh).
#
# Knobs: RONDES (searches timed per figure, 200), BOEK_DUUR (seconds of
# each bookings-per-second run, 5), RACE_RONDES (rounds of 20 clients for
# one last place, 50), BENCH_OUT.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck disable=SC2034 # used by pg.sh
ROOT=$(cd "$HERE/.." && pwd)
# shellcheck source=bench/pg.sh
. "$HERE/pg.sh"
B=$(realpath "$1")
AMBT=$B/ambt
WEDLOOP=$B/tests/wedloop
for x in "$AMBT" "$B/gen" "$B/afspraken_motor" "$WEDLOOP"; do
	[ -x "$x" ] || { echo "bench/afspraken.sh: $x is missing (build with tests)" >&2; exit 1; }
done
OUT=${BENCH_OUT:-$HERE/results/afspraken-$(date -u +%Y-%m-%dT%H%M%SZ).json}
W=$(mktemp -d "${TMPDIR:-/tmp}/ambt-bench-afspraken-XXXXXX")
SERVERS=
stop_servers() {
	for p in $SERVERS; do kill "$p" 2>/dev/null || true; done
	for p in $SERVERS; do wait "$p" 2>/dev/null || true; done
	SERVERS=
}
trap 'stop_servers; pg_end; rm -rf "$W"' EXIT
trap 'exit 1' INT TERM HUP

RONDES=${RONDES:-200}
BOEK_DUUR=${BOEK_DUUR:-5}
RACE_RONDES=${RACE_RONDES:-50}

# Monday 23 November 2026, before opening. One day: the Tuesday; 30 days:
# from that Tuesday on. The past: the 52 weeks before, Monday 24
# November 2025 to Friday 20 November 2026; ahead: the product's horizon
# of 90 days.
export AMBT_NU=2026-11-23T07:00:00+01:00
DAG=2026-11-24
TOT30=2026-12-23
VERLEDEN=2025-11-24:2026-11-20:50000
TOEKOMST=2026-11-23:2027-02-19:6313
G=GM0358
ZOEK="gemeente=$G&product=bench&vestiging=bench"

pg_begin || { echo "bench/afspraken.sh: no PostgreSQL cluster" >&2; exit 1; }
for d in leeg vol; do pg_mine "bench_afspraken_$d"; done
pg_mine bench_afspraken_w

echo "Easy!Appointments' scenario: 10 desks, 10 staff Monday-Friday 08:30-12:30"
echo "and 13:00-17:00, a product of 10 minutes; 'now' is $AMBT_NU."
echo "$(nproc 2>/dev/null || echo '?') CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# ---- the databases ----
# The location, product and roster through ambt (a cooperation from
# bench/gen's register, ten staff of our own); the roster as two weekly
# series per staff member, weekday and half day: the past year and the
# weeks ahead.
A() { "$AMBT" "$@"; }
"$B/gen" --uit "$W/gen" --medewerkers 10 --eenheden 3 --ondersteunend 1 \
	--gemeenten 2 --jaar 2026 >/dev/null
{
	echo 'personeelsnummer;naam;werkgever;eenheid;fte;van'
	for i in 01 02 03 04 05 06 07 08 09 10; do
		echo "B-$i;Baliemedewerker $i;GM0362;bench-e02;1;2010-01-01"
	done
} >"$W/mw.csv"
LEEG=$W/leeg.db
VOL=$W/vol.db
t0=$(date +%s)
A init --register "$W/gen/register.json" --db "$LEEG" >/dev/null
A medewerker importeer "$W/mw.csv" --db "$LEEG" >/dev/null
A vestiging toevoegen --gemeente $G --code bench --naam 'Raadhuis (scenario)' \
	--balies 10 --raster 10 --open 'ma-vr 08:30-17:00' \
	--adres 'Raadhuisplein 1' --postcode '1431 EH' --plaats Aalsmeer \
	--db "$LEEG" >/dev/null
A product toevoegen --gemeente $G --code bench --naam 'Tien minuten' --duur 10 \
	--horizon 90 --db "$LEEG" >/dev/null
for i in 01 02 03 04 05 06 07 08 09 10; do
	for d in 24 25 26 27 28; do
		for s in 08:30-12:30 13:00-17:00; do
			A rooster toevoegen --medewerker "B-$i" --vestiging bench \
				--datum "2025-11-$d" --van "${s%-*}" --tot "${s#*-}" \
				--herhaal-tot "2026-11-$((d - 4))" --db "$LEEG" >/dev/null
			A rooster toevoegen --medewerker "B-$i" --vestiging bench \
				--datum "2026-11-$((d - 1))" --van "${s%-*}" \
				--tot "${s#*-}" --herhaal-tot "2027-02-$((d - 5))" \
				--db "$LEEG" >/dev/null
		done
	done
done
cp "$LEEG" "$VOL"
VUL=$("$B/afspraken_motor" vul --db "$VOL" --nu "$AMBT_NU" --gemeente $G \
	--vestiging bench --product bench --verleden "$VERLEDEN" \
	--toekomst "$TOEKOMST")
t1=$(date +%s)
PG_LEEG=$(pg_url bench_afspraken_leeg)
PG_VOL=$(pg_url bench_afspraken_vol)
A migreer --van "$LEEG" --naar "$PG_LEEG" >/dev/null
A migreer --van "$VOL" --naar "$PG_VOL" >/dev/null
for u in "$PG_LEEG" "$PG_VOL"; do
	psql -X -q "$u" -c "VACUUM ANALYZE" >/dev/null
done
t2=$(date +%s)
echo "databases: SQLite made in $((t1 - t0)) s ($VUL), moved to PostgreSQL $(pg_version) in $((t2 - t1)) s"

# A database of engine $1 (sqlite|pg) and contents $2 (leeg|vol) to write
# in: a fresh copy, as database $3.
kopie() { # ENGINE CONTENTS NAME: prints the URL
	case $1 in
	sqlite)
		cp "$W/$2.db" "$W/$3.db"
		echo "$W/$3.db"
		;;
	pg)
		pg_sql "DROP DATABASE IF EXISTS bench_afspraken_w WITH (FORCE)" >/dev/null
		pg_sql "CREATE DATABASE bench_afspraken_w TEMPLATE bench_afspraken_$2" >/dev/null
		pg_url bench_afspraken_w
		;;
	esac
}
db_van() { # ENGINE CONTENTS
	case $1 in sqlite) echo "$W/$2.db" ;; pg) pg_url "bench_afspraken_$2" ;; esac
}

# Starts `ambt serve` on database $1 on a free port; sets U to its URL
# (not in a subshell, so that SERVERS keeps its process).
serve() { # DB NAME
	"$AMBT" serve --db "$1" --poort 0 --stil >"$W/serve-$2.out" 2>&1 &
	pid=$!
	SERVERS="$SERVERS $pid"
	for _ in $(seq 1 600); do
		grep -q "draait op" "$W/serve-$2.out" 2>/dev/null && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.05
	done
	U=$(sed -n 's#^Ambt draait op \(http://[^/]*\)/.*#\1#p' "$W/serve-$2.out")
	[ -n "$U" ] || {
		echo "bench/afspraken.sh: ambt serve on $1 did not start:" >&2
		cat "$W/serve-$2.out" >&2
		exit 1
	}
}

# Prints "p50 p99 per_s seconds" (ms, ms, requests/s, s) of a wedloop
# --tijden output.
tijden() { # FILE
	awk '/^verzoeken:/ {
		for (i = 1; i <= NF; i++) {
			if ($i == "p50") p50 = $(i + 1)
			if ($i == "p99") p99 = $(i + 1)
			if ($i == "per" && $(i + 1) == "s;") rate = $(i - 1)
			if ($i == "in") secs = $(i + 1)
		}
	} END { print p50 + 0, p99 + 0, rate + 0, secs + 0 }' "$1"
}
# The count of status $2 in the totals of a wedloop output.
aantal() { # FILE STATUS
	awk -v s="$2" '/^totaal:/ {
		for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == s) n = kv[2] }
	} END { print n + 0 }' "$1"
}
# The other answers than those listed, as "status=count,..." or "-"
# ("fout" for requests that got no answer).
andere() { # FILE STATUS...
	f=$1
	shift
	awk -v ok=" $* " '/^totaal:/ {
		for (i = 2; i <= NF; i++) { split($i, kv, "="); if (index(ok, " " kv[1] " ") == 0) o = o (o == "" ? "" : ",") kv[1] "=" kv[2] }
	} END { print (o == "" ? "-" : o) }' "$f"
}

# CPU time (user + system, clock ticks) of the processes given, from
# /proc: steadier than requests per second on a busy machine.
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
cpu_ticks() {
	for pid in "$@"; do
		sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null
	done | awk '{ t += $12 + $13 } END { print t + 0 }'
}
# Microseconds of CPU per item: ticks $1 for $2 items.
per_item() {
	awk -v t="$1" -v n="$2" -v hz="$CLK_TCK" 'BEGIN { printf "%.0f", (n > 0) ? t / hz * 1e6 / n : 0 }'
}

R=$W/resultaten
: >"$R"
put() { echo "$*" >>"$R"; }

# ---- the search in the store ----
echo
echo "measuring the search in the store (afspraken_motor, $RONDES rounds each) ..."
for e in sqlite pg; do
	for c in leeg vol; do
		for span in 1 30; do
			[ $span = 1 ] && tot=$DAG || tot=$TOT30
			r=$("$B/afspraken_motor" zoek --db "$(db_van $e $c)" \
				--nu "$AMBT_NU" --gemeente $G --vestiging bench \
				--product bench --van $DAG --tot "$tot" --rondes "$RONDES")
			put "store $e $c $span $r"
		done
	done
done

# ---- the search over HTTP ----
echo "measuring the search over HTTP ($RONDES requests each, one client) ..."
for e in sqlite pg; do
	for c in leeg vol; do
		serve "$(db_van $e $c)" "$e-$c"
		for span in 1 30; do
			[ $span = 1 ] && tot=$DAG || tot=$TOT30
			url="$U/api/v1/vrije-tijden?$ZOEK&van=$DAG&tot=$tot"
			"$WEDLOOP" -c 1 -r "$RONDES" --tijden --opwarmen /api/v1 \
				"$url" >"$W/http-$e-$c-$span" 2>&1 || true
			n=$(curl -s "$url" | jq '.vrijeTijden | length')
			put "http $e $c $span $(tijden "$W/http-$e-$c-$span") $n $(andere "$W/http-$e-$c-$span" 200)"
		done
		stop_servers
	done
done

# ---- bookings per second ----
# Every free start of the horizon on the empty database, each ten times
# (ten desks), every booking a resident of its own: all should be 201.
serve "$LEEG" starts
curl -s "$U/api/v1/vrije-tijden?$ZOEK&van=2026-11-23&tot=2027-02-19" |
	jq -r '.vrijeTijden[].start' >"$W/starts"
stop_servers
awk -v g=$G '{
	for (k = 0; k < 10; k++)
		printf "{\"gemeente\": \"%s\", \"product\": \"bench\", \"vestiging\": \"bench\", \"start\": \"%s\", \"naam\": \"Inwoner %d-%d\", \"email\": \"inwoner-%d-%d@example.nl\"}\n", g, $0, NR, k, NR, k
}' "$W/starts" >"$W/boekingen"
echo "measuring bookings per second ($BOEK_DUUR s each, $(wc -l <"$W/boekingen") bookings ready) ..."

# The most appointments any start holds, and how many are booked.
telling() { # ENGINE DB: prints "max count"
	q="SELECT coalesce(max(n), 0), coalesce(sum(n), 0) FROM (SELECT count(*) AS n FROM afspraak WHERE status = 'geboekt' GROUP BY start_utc) x"
	case $1 in
	sqlite) sqlite3 -separator ' ' "$2" "$q" ;;
	pg) psql -X -q -A -t -F ' ' "$2" -c "$q" ;;
	esac
}
for e in sqlite pg; do
	for procs in 1 2; do
		for clients in 1 4; do
			db=$(kopie $e leeg w)
			urls=
			for p in $(seq "$procs"); do
				serve "$db" "boek-$p"
				urls="$urls $U/api/v1/afspraken"
			done
			dpids=
			[ $e = pg ] && dpids=$(pg_backends bench_afspraken_w)
			# shellcheck disable=SC2086 # word splitting wanted
			s0=$(cpu_ticks $SERVERS) d0=$(cpu_ticks $dpids)
			# shellcheck disable=SC2086 # one argument per server
			"$WEDLOOP" --vrij --duur "$BOEK_DUUR" -c "$clients" \
				-f "$W/boekingen" --tijden --opwarmen /api/v1 \
				$urls >"$W/boek-$e-$procs-$clients" 2>&1 || true
			# shellcheck disable=SC2086
			s1=$(cpu_ticks $SERVERS) d1=$(cpu_ticks $dpids)
			stop_servers
			n=$(aantal "$W/boek-$e-$procs-$clients" 201)
			put "boek $e $procs $clients $(tijden "$W/boek-$e-$procs-$clients") $n $(telling $e "$db") $(per_item $((s1 - s0)) "$n") $(per_item $((d1 - d0)) "$n") $(andere "$W/boek-$e-$procs-$clients" 201)"
		done
	done
done

# ---- 20 bookings at once for one last place ----
# The first RACE_RONDES starts from Wednesday 25 November on (48 a day):
# nine of each start's ten places booked one after another, then 20
# clients (over two servers) book the tenth at the same moment, a start
# per round.
echo "measuring 20 concurrent bookings of one last place ($RACE_RONDES rounds) ..."
sed -n '/^2026-11-25T/,$p' "$W/starts" | head -n "$RACE_RONDES" >"$W/race-starts"
awk -v g=$G -v n=9 -v tag=voor '{
	for (k = 0; k < n; k++)
		printf "{\"gemeente\": \"%s\", \"product\": \"bench\", \"vestiging\": \"bench\", \"start\": \"%s\", \"naam\": \"Inwoner %s %d-%d\", \"email\": \"%s-%d-%d@example.nl\"}\n", g, $0, tag, NR, k, tag, NR, k
}' "$W/race-starts" >"$W/race-voor"
awk -v g=$G -v n=20 -v tag=race '{
	for (k = 0; k < n; k++)
		printf "{\"gemeente\": \"%s\", \"product\": \"bench\", \"vestiging\": \"bench\", \"start\": \"%s\", \"naam\": \"Inwoner %s %d-%d\", \"email\": \"%s-%d-%d@example.nl\"}\n", g, $0, tag, NR, k, tag, NR, k
}' "$W/race-starts" >"$W/race-body"
RR=$(wc -l <"$W/race-starts")
for e in sqlite pg; do
	db=$(kopie $e leeg w)
	serve "$db" race-1
	u1=$U
	serve "$db" race-2
	u2=$U
	"$WEDLOOP" -c 1 -r "$((RR * 9))" -f "$W/race-voor" \
		"$u1/api/v1/afspraken" >"$W/race-voor-$e" 2>&1 || true
	"$WEDLOOP" -c 20 -r "$RR" -f "$W/race-body" --tijden \
		--opwarmen /api/v1 "$u1/api/v1/afspraken" "$u2/api/v1/afspraken" \
		>"$W/race-$e" 2>&1 || true
	stop_servers
	exact=$(grep -c '^ronde [0-9]*: 201=1 409=19$' "$W/race-$e" || true)
	put "race $e $RR $exact $(aantal "$W/race-voor-$e" 201) $(telling $e "$db") $(andere "$W/race-$e" 201 409)"
done

# ---- the search while 4 clients book ----
# On a copy of the loaded database, one server: the 30-day search by one
# client, idle, and while 4 clients book every start of the horizon ten
# times (the places already taken answer 409, as intended).
echo "measuring the 30-day search, idle and while 4 clients book ..."
LAST=$((BOEK_DUUR * 3))
for e in sqlite pg; do
	db=$(kopie $e vol w)
	serve "$db" last
	url="$U/api/v1/vrije-tijden?$ZOEK&van=$DAG&tot=$TOT30"
	"$WEDLOOP" -c 1 -r "$RONDES" --tijden --opwarmen /api/v1 "$url" \
		>"$W/stil-$e" 2>&1 || true
	"$WEDLOOP" --vrij --duur "$LAST" -c 4 -f "$W/boekingen" --tijden \
		--opwarmen /api/v1 "$U/api/v1/afspraken" >"$W/last-boek-$e" 2>&1 &
	lastpid=$!
	sleep 1
	"$WEDLOOP" -c 1 -r "$RONDES" --tijden "$url" >"$W/last-$e" 2>&1 || true
	wait "$lastpid" || true
	stop_servers
	put "last $e $(tijden "$W/stil-$e") $(tijden "$W/last-$e") $(tijden "$W/last-boek-$e") $(aantal "$W/last-boek-$e" 201) $(aantal "$W/last-boek-$e" 409) $(andere "$W/last-boek-$e" 201 409) $(andere "$W/last-$e" 200)"
done

# ---- report ----
mkdir -p "$(dirname "$OUT")"
python3 - "$R" "$OUT" "$(pg_version)" "$(nproc 2>/dev/null || echo 0)" \
	"$(cut -d' ' -f1-3 /proc/loadavg)" "$BOEK_DUUR" "$RONDES" "$VUL" <<'PY'
import json, sys

res, out, pg_version, cpus, load, boek_duur, rondes, vul = sys.argv[1:9]
store, http, boek, race, last = {}, {}, {}, {}, {}
for line in open(res):
    f = line.split(" ", 4) if line.startswith("store ") else line.split()
    if f[0] == "store":
        store[(f[1], f[2], int(f[3]))] = json.loads(f[4])
    elif f[0] == "http":
        http[(f[1], f[2], int(f[3]))] = {
            "p50_ms": float(f[4]), "p99_ms": float(f[5]),
            "per_s": float(f[6]), "vrije_tijden": int(f[8]),
            "andere_antwoorden": f[9]}
    elif f[0] == "boek":
        boek[(f[1], int(f[2]), int(f[3]))] = {
            "p50_ms": float(f[4]), "p99_ms": float(f[5]),
            "seconden": float(f[7]), "geboekt": int(f[8]),
            "per_s": int(f[8]) / float(f[7]) if float(f[7]) else 0,
            "meeste_per_start": int(f[9]), "in_database": int(f[10]),
            "cpu_us_per_boeking": int(f[11]),
            "cpu_us_per_boeking_postgresql": int(f[12]),
            "andere_antwoorden": f[13]}
    elif f[0] == "race":
        race[f[1]] = {"rondes": int(f[2]), "precies_een": int(f[3]),
                      "vooraf_geboekt": int(f[4]),
                      "meeste_per_start": int(f[5]), "in_database": int(f[6]),
                      "andere_antwoorden": f[7]}
    elif f[0] == "last":
        last[f[1]] = {
            "stil": {"p50_ms": float(f[2]), "p99_ms": float(f[3])},
            "onder_last": {"p50_ms": float(f[6]), "p99_ms": float(f[7])},
            "boekers": {"per_s": float(f[12]), "geboekt": int(f[14]),
                        "bezet_409": int(f[15])},
            "andere_antwoorden_boekers": f[16],
            "andere_antwoorden_zoeken": f[17]}

E = [("sqlite", "SQLite"), ("pg", "PostgreSQL")]
def yes(b): return "ja" if b else "nee"

print()
print("Free times (one product, one person, the location's 10 desks)")
print(f"  {'':38} {'SQLite':>10} {'PostgreSQL':>11}   anchor (Easy!Appointments)")
anchor = {("leeg", 1): "24.8 ms", ("vol", 1): "201 ms",
          ("leeg", 30): "1.64 s", ("vol", 30): "6.94 s"}
for c, cn in [("leeg", "empty"), ("vol", "loaded")]:
    for span in (1, 30):
        lab = f"{span} day{'s' if span > 1 else ''}, {cn}"
        s = [store[(e, c, span)] for e, _ in E]
        h = [http[(e, c, span)] for e, _ in E]
        print(f"  {lab + ': store (p50)':38} {s[0]['store_ms']['p50']:7.2f} ms {s[1]['store_ms']['p50']:8.2f} ms   {anchor[(c, span)]}")
        print(f"  {'  store (fastest of the rounds)':38} {s[0]['store_ms']['min']:7.2f} ms {s[1]['store_ms']['min']:8.2f} ms")
        print(f"  {'  of which the engine (p50)':38} {s[0]['motor_ms']['p50']:7.2f} ms {s[1]['motor_ms']['p50']:8.2f} ms")
        print(f"  {'  over HTTP, uncached (p50 / p99)':38} {h[0]['p50_ms']:7.2f} ms {h[1]['p50_ms']:8.2f} ms   p99 {h[0]['p99_ms']:.2f} / {h[1]['p99_ms']:.2f} ms")
        print(f"  {'  free times found':38} {s[0]['vrij']:10} {s[1]['vrij']:11}")
t_store = max(store[(e, "vol", 30)]["store_ms"]["p50"] for e, _ in E)
t_motor = max(store[(e, "vol", 30)]["motor_ms"]["p50"] for e, _ in E)
t_http = max(http[(e, "vol", 30)]["p50_ms"] for e, _ in E)
print(f"  target: 30 days loaded < 5 ms in the engine: {yes(t_motor < 5)} "
      f"(engine {t_motor:.2f} ms; with the store's queries {t_store:.2f} ms: {yes(t_store < 5)})")
print(f"          < 20 ms over HTTP uncached: {yes(t_http < 20)} (p50 {t_http:.2f} ms, the slower engine)")
print(f"          >= 100x faster than Easy!Appointments: {6940 / t_http:.0f}x over HTTP")

print()
print(f"Bookings per second over HTTP (every start 10 times, {boek_duur} s a run)")
print(f"  {'':26} {'SQLite':>15} {'PostgreSQL':>15}   anchor   CPU us/booking: SQLite, PostgreSQL (ambt + server)")
for procs in (1, 2):
    for clients in (1, 4):
        b = [boek[(e, procs, clients)] for e, _ in E]
        anc = "68/s" if clients == 1 else "103/s"
        lab = f"{clients} client{'s' if clients > 1 else ''}, {procs} process{'es' if procs > 1 else ''}"
        print(f"  {lab:26} {b[0]['per_s']:11.0f} /s {b[1]['per_s']:11.0f} /s   {anc:6}   "
              f"{b[0]['cpu_us_per_boeking']:5}, {b[1]['cpu_us_per_boeking']} + {b[1]['cpu_us_per_boeking_postgresql']}")
ok4 = min(boek[(e, p, 4)]["per_s"] for e, _ in E for p in (1, 2))
dubbel = any(boek[k]["meeste_per_start"] > 10 for k in boek)
klopt = all(boek[k]["in_database"] == boek[k]["geboekt"] for k in boek)
anders = sorted({boek[k]["andere_antwoorden"] for k in boek} - {"-"})
print(f"  target >= 1,000/s with 4 clients on either engine: {yes(ok4 >= 1000)} (lowest {ok4:.0f}/s)")
print(f"  no start more than 10 times: {yes(not dubbel)}; every 201 stored once: {yes(klopt)}; "
      f"other answers than 201: {', '.join(anders) if anders else 'none'}")

print()
print("20 concurrent bookings of one last place (9 of 10 taken), two server processes")
for e, en in E:
    r = race[e]
    print(f"  {en:11} exactly one 201 and 19 409s in {r['precies_een']} of {r['rondes']} rounds; "
          f"no start above 10: {yes(r['meeste_per_start'] <= 10)}; other answers: {r['andere_antwoorden']}")
print("  anchor: Easy!Appointments confirmed 2-8 of 20 in 19 of 20 rounds")

print()
print("The 30-day search (loaded) while 4 clients book as fast as they can, one server")
for e, en in E:
    l = last[e]
    ratio = l["onder_last"]["p99_ms"] / l["stil"]["p99_ms"] if l["stil"]["p99_ms"] else 0
    l["verhouding_p99"] = round(ratio, 2)
    print(f"  {en:11} idle p50 {l['stil']['p50_ms']:.2f} / p99 {l['stil']['p99_ms']:.2f} ms; "
          f"under load p50 {l['onder_last']['p50_ms']:.2f} / p99 {l['onder_last']['p99_ms']:.2f} ms; "
          f"p99 x{ratio:.2f} (target <= 2: {yes(ratio <= 2)})")
    print(f"  {'':11} the bookers: {l['boekers']['per_s']:.0f} requests/s, {l['boekers']['geboekt']} booked, "
          f"{l['boekers']['bezet_409']} x 409 (places taken); other answers: "
          f"{l['andere_antwoorden_boekers']} (bookers), {l['andere_antwoorden_zoeken']} (search)")

def keyed(d):
    return [dict(zip(("engine", "inhoud", "dagen"), k), **v) for k, v in sorted(d.items())]
with open(out, "w") as f:
    json.dump({
        "benchmark": "afspraken",
        "host": {"cpus": int(cpus), "loadavg_before": load},
        "postgresql": pg_version,
        "scenario": {"balies": 10, "medewerkers": 10, "duur_min": 10, "raster_min": 10,
                     "rooster": "ma-vr 08:30-12:30, 13:00-17:00",
                     "geladen": json.loads(vul)},
        "anker_easy_appointments": {"dag_leeg_ms": 24.8, "dag_geladen_ms": 201,
                                    "30_dagen_leeg_ms": 1640, "30_dagen_geladen_ms": 6940,
                                    "boekingen_per_s_1": 68, "boekingen_per_s_4": 103},
        "doelen": {"30_dagen_motor_ms": 5, "30_dagen_http_ms": 20,
                   "boekingen_per_s_4": 1000, "p99_onder_last_maal_stil": 2},
        "zoeken_store": keyed(store),
        "zoeken_http": keyed(http),
        "boeken": [dict(engine=k[0], processen=k[1], clients=k[2], **v) for k, v in sorted(boek.items())],
        "twintig_tegelijk": race,
        "zoeken_onder_last": last,
    }, f, indent=2)
    f.write("\n")
print()
print(f"figures written to {out}")
PY

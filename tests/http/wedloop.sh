#!/bin/sh
# wedloop.sh - bookings that race: many clients POST the same start to
# /api/v1/afspraken at the same moment (tests/http/wedloop.c fires them,
# round after round, each round a fresh start), and exactly as many
# succeed as there are staff and desks free then; the others get 409 and
# nothing else. The same with two `ambt serve` processes on one database,
# the clients split over both, and with appointments being moved onto a
# time while others book it. Afterwards: never more holders than
# capacity at any start (no staff member or desk twice), every
# acknowledged booking stored exactly once and nothing else, every held
# cell accounted for (ambt inhoud), and the audit chain whole. Runs on
# SQLite and, with AMBT_TEST_ENGINE=postgresql, on PostgreSQL
# (tests/lib/db.sh).
#
# Locations of Aalsmeer, open every day 08:00-20:00, a product of 10
# minutes on the 10-minute grid; 'wedloop-een' has one desk and one staff
# member rostered, 'wedloop-vijf' five desks and five staff. The rounds:
#
#   one server, one desk            100 rounds of 20 clients: one 201 each
#                                   100 rounds of 200 clients (50 on
#                                   PostgreSQL): one 201 each
#   one server, five desks           30 rounds of 20 clients: five 201s
#                                    10 rounds of 200 clients: five 201s
#   two servers, one database        50 rounds of 20 and 50 of 200 clients
#                                   (25 on PostgreSQL) at one desk, 20
#                                   rounds of 20 at five
#   two servers, moving and booking  40 rounds at one desk and 20 at five:
#                                   10 clients move an appointment of their
#                                   own onto the round's time, 10 book it;
#                                   as many successes (200 or 201) as
#                                   there is capacity, the rest 409
#   two servers, residents' share     7 rounds of 20 clients booking 20
#                                   different times of one day of which
#                                   residents may fill 36 minutes: three
#                                   201s each
#
# Usage: wedloop.sh AMBT WEDLOOP
set -u
AMBT=$(realpath "$1")
WEDLOOP=$(realpath "$2")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-wedloop-XXXXXX")
export AMBT_NU=2026-11-22T10:30:00+01:00
unset AMBT_DB
DB_PREFIX=wedloop
LIB=$(dirname "$0")/../lib
. "$LIB/db.sh"
. "$LIB/tap.sh"
. "$LIB/serve.sh"
db_engine_of_test
trap 'serve_stop; rm -rf "$WORK"' EXIT

DB=$(db_url db)
A() { "$AMBT" "$@" --db "$DB"; }

# ---- the set-up, through the command line ----

{
	echo 'personeelsnummer;naam;werkgever;eenheid;fte;van'
	for i in 1 2 3 4 5 6 7; do
		echo "WL-0$i;Wedloop $i;GM0362;aa-ict;1;2020-01-01"
	done
} >"$WORK/mw.csv"
vestiging() { # CODE DESKS
	A vestiging toevoegen --gemeente GM0358 --code "$1" --naam "Wedloop $2" \
		--balies "$2" --open 'ma-zo 08:00-20:00' \
		--adres 'Raadhuisplein 1' --postcode '1431 EH' --plaats Aalsmeer
}
setup() {
	A demo --overschrijf &&
		A medewerker importeer "$WORK/mw.csv" &&
		vestiging wedloop-een 1 && vestiging wedloop-vijf 5 &&
		A product toevoegen --gemeente GM0358 --code wedloop --naam Wedloop \
			--duur 10 --horizon 366 || return 1
	# One contact holds twenty appointments here (moving against
	# booking): above the limits per e-mail address residents have.
	A afspraken instelling --gemeente GM0358 --max-open 50 \
		--max-per-dag 1000 || return 1
	# WL-01 at the one desk, WL-02 to WL-06 at the five, 1-7 December.
	for d in 1 2 3 4 5 6 7; do
		A rooster toevoegen --medewerker WL-01 --vestiging wedloop-een \
			--datum "2026-12-0$d" --van 08:00 --tot 20:00 || return 1
		for i in 2 3 4 5 6; do
			A rooster toevoegen --medewerker "WL-0$i" \
				--vestiging wedloop-vijf --datum "2026-12-0$d" \
				--van 08:00 --tot 20:00 || return 1
		done
	done
}
setup >"$WORK/setup.out" 2>&1 || {
	echo "Bail out! set-up"
	tail -n 5 "$WORK/setup.out"
	exit 1
}

# ---- helpers ----

# Starts by number: slot i is 2026-12-01 08:00 plus i/72 days and i%72
# times 10 minutes (72 a day, 08:00 to 19:50; +01:00 in December).
starts() { # FIRST N
	awk -v f="$1" -v n="$2" 'BEGIN {
		for (i = f; i < f + n; i++)
			printf "2026-12-%02dT%02d:%02d:00+01:00\n",
				1 + int(i / 72), 8 + int(i % 72 / 6), i % 6 * 10
	}'
}

# A booking: location, start, and a resident of its own (name, e-mail).
BOEKING='{"gemeente": "GM0358", "product": "wedloop", "vestiging": "%s", "start": "%s", "naam": "Inwoner %s", "email": "%s@example.nl"}'
# A booking per client per start read.
boekingen() { # LOCATION CLIENTS TAG < starts
	awk -v v="$1" -v c="$2" -v tag="$3" -v fmt="$BOEKING" '{
		for (k = 0; k < c; k++) {
			who = tag "-" NR "-" k
			printf fmt "\n", v, $0, who, who
		}
	}'
}

# Whether every round of a wedloop output has exactly WANT successes
# (200 or 201) and the rest 409, nothing else, in exactly ROUNDS rounds;
# prints the first rounds that do not.
rondes_exact() { # OUTPUT ROUNDS CLIENTS WANT
	awk -v r="$2" -v c="$3" -v w="$4" '
		/^ronde / {
			n++
			goed = 0; nee = 0; anders = 0
			for (i = 3; i <= NF; i++) {
				split($i, kv, "=")
				if (kv[1] == "200" || kv[1] == "201") goed += kv[2]
				else if (kv[1] == "409") nee = kv[2]
				else anders++
			}
			if ($2 != n ":" || goed != w || nee != c - w || anders) {
				fout++
				if (fout <= 3) print $0
			}
		}
		END { exit !(n == r && fout == 0) }' "$1"
}

# One line per booked appointment of a location on 1-7 December:
# start, staff member, desk, reference code.
geboekt() { # LOCATION
	for d in 1 2 3 4 5 6 7; do
		A afspraak lijst --vestiging "$1" --datum "2026-12-0$d" \
			--format json
	done | jq -r '.[] | select(.status == "geboekt") |
		"\(.start) \(.medewerker) \(.balie) \(.referentie)"'
}

# Whether no start in file $1 (of geboekt) holds more than CAP
# appointments, and no staff member or desk is held twice at one start.
binnen_capaciteit() { # FILE CAP
	awk -v cap="$2" '{ n[$1]++; mw[$1 " " $2]++; b[$1 " " $3]++ }
		END {
			for (k in n) if (n[k] > cap) bad++
			for (k in mw) if (mw[k] > 1) bad++
			for (k in b) if (b[k] > 1) bad++
			exit bad > 0
		}' "$1"
}

# How many times each start is held, as `uniq -c` shows it.
houders() { # FILE
	cut -d' ' -f1 "$1" | sort | uniq -c
}
# Each start of slots FIRST..FIRST+N-1 held CAP times, the same way.
verwacht() { # FIRST N CAP
	starts "$1" "$2" | awk -v c="$3" '{ printf "%7d %s\n", c, $0 }'
}

# The reference codes of the 201s of every wedloop log so far.
bevestigd() {
	cat "$WORK"/*.log | awk -F'\t' '$4 == 201 { print $6 }' |
		jq -r .referentie
}

rijen() { # TABLE: its rows, from ambt inhoud
	A inhoud --format csv | awk -F'"' -v t="$1" '$2 == t { print $4 }'
}

# A run of wedloop, checked round by round.
race() { # NAME ROUNDS CLIENTS WANT WEDLOOP-ARGS... URL...
	naam=$1 rondes=$2 clients=$3 want=$4
	shift 4
	"$WEDLOOP" -c "$clients" -r "$rondes" --opwarmen /api/v1/gemeenten \
		--log "$WORK/$naam.log" "$@" >"$WORK/$naam.out" 2>&1
	if rondes_exact "$WORK/$naam.out" "$rondes" "$clients" "$want" \
		>"$WORK/$naam.fout"; then
		ok "$naam: $rondes rounds of $clients clients, exactly $want succeeded in each, the rest 409"
	else
		not_ok "$naam: $rondes rounds of $clients clients, exactly $want succeeded in each, the rest 409"
		{
			cat "$WORK/$naam.fout"
			grep -v '^ronde' "$WORK/$naam.out" | head -n 5
			awk -F'\t' '$4 != 200 && $4 != 201 && $4 != 409' \
				"$WORK/$naam.log" | cut -c 1-200 | head -n 3
		} | sed 's/^/# /'
	fi
}
boek() { # NAME LOCATION FIRST ROUNDS CLIENTS WANT URL...
	naam=$1 vest=$2 eerste=$3 rondes=$4 clients=$5 want=$6
	shift 6
	starts "$eerste" "$rondes" | boekingen "$vest" "$clients" "$naam" \
		>"$WORK/$naam.body"
	race "$naam" "$rondes" "$clients" "$want" -f "$WORK/$naam.body" "$@"
}

AFSPRAKEN_VOOR=$(rijen afspraak)

# Rounds of 200 clients at one desk, through one server and through two:
# fewer on PostgreSQL, where every refused booking is a write transaction
# of some twenty round trips to the server (about a minute for the suite
# on a quiet machine, three on a busy one).
if [ "$DB_ENGINE" = postgresql ]; then R200=50 R200B=25; else R200=100 R200B=50; fi
# The slots of wedloop-een, in turn: 100 of 20 clients, R200 of 200; then
# through two servers 50 of 20 and R200B of 200 (EEN in all), then 50 for
# the moves. Of wedloop-vijf: 0-29, 30-39, 40-59, then 22 for the moves.
EEN=$((100 + R200 + 50 + R200B))

# ---- one server ----
serve_start A "$DB"
boek een-20 wedloop-een 0 100 20 1 "$BASE_A/api/v1/afspraken"
boek een-200 wedloop-een 100 "$R200" 200 1 "$BASE_A/api/v1/afspraken"
boek vijf-20 wedloop-vijf 0 30 20 5 "$BASE_A/api/v1/afspraken"
boek vijf-200 wedloop-vijf 30 10 200 5 "$BASE_A/api/v1/afspraken"

# ---- two servers on one database ----
serve_start B "$DB"
boek twee-een-20 wedloop-een "$((100 + R200))" 50 20 1 \
	"$BASE_A/api/v1/afspraken" "$BASE_B/api/v1/afspraken"
boek twee-een-200 wedloop-een "$((150 + R200))" "$R200B" 200 1 \
	"$BASE_A/api/v1/afspraken" "$BASE_B/api/v1/afspraken"
boek twee-vijf-20 wedloop-vijf 40 20 20 5 \
	"$BASE_A/api/v1/afspraken" "$BASE_B/api/v1/afspraken"

geboekt wedloop-een >"$WORK/een"
geboekt wedloop-vijf >"$WORK/vijf"
houders "$WORK/een" >"$WORK/een.n"
houders "$WORK/vijf" >"$WORK/vijf.n"
verwacht 0 "$EEN" 1 >"$WORK/een.v"
verwacht 0 60 5 >"$WORK/vijf.v"
t "one desk: each of the $EEN starts raced for is held exactly once" \
	cmp "$WORK/een.n" "$WORK/een.v"
t "five desks: each of the 60 starts raced for is held exactly five times" \
	cmp "$WORK/vijf.n" "$WORK/vijf.v"
t "five desks: no staff member or desk twice at one start" \
	binnen_capaciteit "$WORK/vijf" 5
bevestigd | sort >"$WORK/bevestigd"
cat "$WORK/een" "$WORK/vijf" | cut -d' ' -f4 | sort >"$WORK/opgeslagen"
t "every acknowledged booking is stored, nothing else" \
	cmp "$WORK/bevestigd" "$WORK/opgeslagen"
t "($((EEN + 300)) of them)" test "$(wc -l <"$WORK/bevestigd")" = "$((EEN + 300))"

# ---- moving against booking ----
# Ten appointments of one contact at wedloop-een (the next ten slots) and
# ten at wedloop-vijf (slots 60 and 61, five each), booked one by one. In
# each round 10 clients move those appointments (a PATCH each) onto the
# round's start while 10 others book it (POST), on both servers: the 40
# slots after those at wedloop-een, wedloop-vijf 62-81.
CONTACT=verzetter@example.nl
voorboek() { # LOCATION < starts
	while read -r s; do
		printf "$BOEKING" "$1" "$s" verzetter verzetter >"$WORK/vb.json"
		code=$(curl -s -o "$WORK/vb.out" -w '%{http_code}' \
			-H 'Content-Type: application/json' \
			--data-binary "@$WORK/vb.json" "$BASE_A/api/v1/afspraken")
		[ "$code" = 201 ] || return 1
		jq -r .referentie "$WORK/vb.out"
	done
}
{
	starts "$EEN" 10 | voorboek wedloop-een &&
		for i in 60 60 60 60 60 61 61 61 61 61; do starts $i 1; done |
		voorboek wedloop-vijf
} >"$WORK/verzet.refs"
t "twenty appointments booked to be moved" \
	test "$(wc -l <"$WORK/verzet.refs")" = 20
AFSPRAKEN_0=$(rijen afspraak)
CELLEN_0=$(rijen afspraak_cel)

# Per round: for each pair of appointments, two moves and then two
# bookings, so that both servers get both (client k talks to server
# k % 2).
verzetten() { # LOCATION FIRST-REF TAG < starts
	awk -v v="$1" -v f="$2" -v tag="$3" -v fmt="$BOEKING" \
		-v refs="$WORK/verzet.refs" '
		BEGIN {
			while ((getline r < refs) > 0)
				if (++i >= f && i < f + 10) ref[n++] = r
		}
		{
			for (i = 0; i < n; i += 2) {
				for (j = i; j < i + 2; j++)
					printf "PATCH /api/v1/afspraken/%s {\"start\": \"%s\"}\n", ref[j], $0
				for (j = i; j < i + 2; j++) {
					who = tag "-" NR "-" j
					printf "POST /api/v1/afspraken " fmt "\n", v, $0, who, who
				}
			}
		}'
}
starts "$((EEN + 10))" 40 | verzetten wedloop-een 1 verzet-een >"$WORK/verzet-een.req"
starts 62 20 | verzetten wedloop-vijf 11 verzet-vijf >"$WORK/verzet-vijf.req"
race verzet-een 40 20 1 -v "$WORK/verzet-een.req" \
	-H "Afspraak-Contact: $CONTACT" "$BASE_A" "$BASE_B"
race verzet-vijf 20 20 5 -v "$WORK/verzet-vijf.req" \
	-H "Afspraak-Contact: $CONTACT" "$BASE_A" "$BASE_B"
NIEUW=$(cat "$WORK"/verzet-*.log | awk -F'\t' '$4 == 201' | wc -l)
VERZET=$(cat "$WORK"/verzet-*.log | awk -F'\t' '$4 == 200' | wc -l)
t "moving and booking: 140 successes, of both kinds ($VERZET moves, $NIEUW bookings)" \
	test "$VERZET" -gt 0 -a "$NIEUW" -gt 0 -a "$((VERZET + NIEUW))" = 140

geboekt wedloop-een >"$WORK/een2"
geboekt wedloop-vijf >"$WORK/vijf2"
t "moving and booking, one desk: no start held twice" \
	binnen_capaciteit "$WORK/een2" 1
t "moving and booking, five desks: no start held more than five times, no staff member or desk twice" \
	binnen_capaciteit "$WORK/vijf2" 5

# No appointment lost: each of the twenty is still booked (where it was
# or where it moved), every acknowledged booking is stored and nothing
# else, and exactly the cells of what is booked are held.
{ bevestigd && cat "$WORK/verzet.refs"; } | sort >"$WORK/bevestigd2"
cat "$WORK/een2" "$WORK/vijf2" | cut -d' ' -f4 | sort >"$WORK/opgeslagen2"
t "no appointment lost: the twenty moved and every acknowledged booking are booked, nothing else" \
	cmp "$WORK/bevestigd2" "$WORK/opgeslagen2"
while read -r ref; do
	A afspraak toon "$ref" --format json | jq -r .status
done <"$WORK/verzet.refs" | sort | uniq -c >"$WORK/verzet.status"
t "each of the twenty says it is booked" \
	test "$(cat "$WORK/verzet.status")" = "     20 geboekt"
AFSPRAKEN_1=$(rijen afspraak)
CELLEN_1=$(rijen afspraak_cel)
t "ambt inhoud: an appointment row more for each booking acknowledged ($NIEUW), none for a move" \
	test "$((AFSPRAKEN_1 - AFSPRAKEN_0))" = "$NIEUW"
t "ambt inhoud: two cells more for each booking, none more or less for a move" \
	test "$((CELLEN_1 - CELLEN_0))" = "$((2 * NIEUW))"
t "ambt inhoud: every appointment this test made was acknowledged" \
	test "$((AFSPRAKEN_1 - AFSPRAKEN_VOOR))" = "$(wc -l <"$WORK/bevestigd2")"
# ---- the residents' share of a day ----
# Amstelveen lets residents book 5 percent of a location-day's rostered
# time themselves (the rest is kept for the desk and the telephone). At
# 'wedloop-deel' one staff member is rostered 08:00-20:00: 720 minutes,
# 36 for residents, so three visits of 10 minutes a day. In each round,
# a day of 1-7 December, 20 residents book 20 different times of that
# day at once through both servers: exactly three get one, the other 17
# a 409, and the day holds three appointments, not more.
deel_setup() {
	A vestiging toevoegen --gemeente GM0362 --code wedloop-deel \
		--naam 'Wedloop deel' --balies 1 --open 'ma-zo 08:00-20:00' \
		--adres 'Laan Nieuwer-Amstel 1' --postcode '1182 JR' \
		--plaats Amstelveen &&
		A product toevoegen --gemeente GM0362 --code wedloop --naam Wedloop \
			--duur 10 --horizon 366 &&
		A afspraken instelling --gemeente GM0362 --web-aandeel 5 ||
		return 1
	for d in 1 2 3 4 5 6 7; do
		A rooster toevoegen --medewerker WL-07 --vestiging wedloop-deel \
			--datum "2026-12-0$d" --van 08:00 --tot 20:00 || return 1
	done
}
t "a location of Amstelveen where residents may book 5 percent of the day" \
	deel_setup
awk -v fmt="$BOEKING" 'BEGIN {
	for (d = 1; d <= 7; d++)
		for (k = 0; k < 20; k++) {
			who = "deel-" d "-" k
			s = sprintf("2026-12-%02dT%02d:%02d:00+01:00", d,
				8 + int(k / 6), k % 6 * 10)
			line = sprintf(fmt, "wedloop-deel", s, who, who)
			sub(/"GM0358"/, "\"GM0362\"", line)
			print line
		}
}' >"$WORK/deel.body"
race deel 7 20 3 -f "$WORK/deel.body" \
	"$BASE_A/api/v1/afspraken" "$BASE_B/api/v1/afspraken"
geboekt wedloop-deel | cut -c 1-10 | sort | uniq -c >"$WORK/deel.n"
for d in 1 2 3 4 5 6 7; do
	printf '%7d 2026-12-0%d\n' 3 "$d"
done >"$WORK/deel.v"
t "the residents' share: each of the seven days holds exactly three appointments" \
	cmp "$WORK/deel.n" "$WORK/deel.v"

t "the audit chain is whole" A audit controleer

tap_end

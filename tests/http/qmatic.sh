#!/bin/sh
# qmatic.sh - the Qmatic calendar surface that Open Formulieren speaks
# (docs/design/qmatic.md), on the demo plus the branches KCC and WIJZ and
# the services of the recordings of Open Formulieren's traffic (October
# 2023), rostered on every weekday of October to December 2023, with the
# clock on the morning of 4 October 2023 as in the recordings. The checks
# are in qmatic.py (TAP): the replay of every recorded request, the race
# with /api/v1/afspraken, and bad input.
#
# Usage: qmatic.sh AMBT RECORDED
set -u
AMBT=$(realpath "$1")
RECORDED=$2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-qmatic-XXXXXX")
unset AMBT_DB
DB_PREFIX=qmatic
. "$(dirname "$0")/../lib/db.sh"
. "$(dirname "$0")/../lib/serve.sh"
db_engine_of_test
trap 'serve_stop; rm -rf "$WORK"' EXIT
if [ ! -d "$RECORDED" ]; then
	echo "Bail out! the recordings are not at $RECORDED"
	exit 1
fi
DB=$(db_url db)
A() { "$AMBT" "$@" --db "$DB"; }
sleutel() { sed -n 's/^\([0-9a-f]\{64\}\)$/\1/p; s/.*Qmatic-sleutel van Aalsmeer.*: \([0-9a-f]\{64\}\)$/\1/p'; }

setup() {
	# The demo as of its own date; the rest on the recordings' day.
	AMBT_NU=2026-11-22T10:30:00+01:00 A demo --overschrijf >"$WORK/demo.out" || return 1
	KEY=$(sleutel <"$WORK/demo.out")
	[ -n "$KEY" ] || { echo "the demo printed no Qmatic key"; return 1; }
	export AMBT_NU=2023-10-04T11:00:00+02:00
	{
		echo 'personeelsnummer;naam;werkgever;eenheid;fte;van'
		for i in 1 2 3; do
			echo "QM-0$i;Qmatic $i;GM0362;aa-ict;1;2020-01-01"
		done
	} >"$WORK/mw.csv"
	A medewerker importeer "$WORK/mw.csv" &&
		A vestiging toevoegen --gemeente GM0358 --code kcc --naam KCC \
			--balies 2 --raster 5 --open 'ma-vr 08:30-17:00' \
			--adres 'Kon. Wilhelminalaan 2' --postcode '2264 BM' \
			--plaats Leidschendam &&
		A vestiging toevoegen --gemeente GM0358 --code wijz --naam WIJZ \
			--balies 1 --raster 5 --open 'ma-vr 08:30-17:00' \
			--adres 'Werk en Inkomen' --postcode '2264 BM' \
			--plaats Leidschendam &&
		A product toevoegen --gemeente GM0358 --code achternaam_kind_kiezen \
			--naam 'Achternaam kind kiezen' --duur 20 \
			--max-personen 5 --horizon 60 &&
		A product toevoegen --gemeente GM0358 --code erkennen_kind \
			--naam 'Erkennen kind' --duur 15 --max-personen 5 \
			--horizon 60 &&
		A product toevoegen --gemeente GM0358 \
			--code bewijs_van_in_leven_zijn \
			--naam 'Bewijs van in leven zijn' --duur 5 \
			--max-personen 5 --horizon 60 || return 1
	# Two at KCC (with the skill identity cards need), one at WIJZ.
	for d in 02 03 04 05 06; do
		for m in QM-01 QM-02; do
			A rooster toevoegen --medewerker $m --vestiging kcc \
				--datum 2023-10-$d --van 08:30 --tot 17:00 \
				--vaardigheden reisdocumenten \
				--herhaal-tot 2023-12-31 || return 1
		done
		A rooster toevoegen --medewerker QM-03 --vestiging wijz \
			--datum 2023-10-$d --van 08:30 --tot 17:00 \
			--herhaal-tot 2023-12-31 || return 1
	done
	# Amstelveen's key, made twice: the first is void.
	A gemeente qmatic-sleutel GM0362 | sleutel >"$WORK/old" &&
		A gemeente qmatic-sleutel GM0362 | sleutel >"$WORK/other" &&
		[ -s "$WORK/old" ] && [ -s "$WORK/other" ]
}
setup >"$WORK/setup.out" 2>&1 || {
	echo "Bail out! set-up"
	tail -n 5 "$WORK/setup.out"
	exit 1
}
KEY=$(sleutel <"$WORK/demo.out")
export AMBT_NU=2023-10-04T11:00:00+02:00
serve_start a "$DB"
python3 "$(dirname "$0")/qmatic.py" "$AMBT" "$DB" "$BASE_a" "$KEY" \
	"$(cat "$WORK/other")" "$(cat "$WORK/old")" "$RECORDED"

#!/bin/sh
# gelijk.sh - the same requests give the same answers on both engines:
# the leak crawl (tests/http/lekken.sh: every GET route with the demo's
# ids, as every kind of principal, after the same writes) runs once on
# SQLite and once on PostgreSQL, and every answer, headers and body, must
# be the same apart from what is random by design (session and CSRF
# tokens, audit uuids, a proposed second-factor secret) and the Date
# header. The crawl's second round, the audit trail, is left out: the
# crawl's own refusals are in it, in the
# order fourteen principals' concurrent requests happened to arrive.
# TAP output.
#
# Usage: gelijk.sh AMBT
set -u
AMBT=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ambt-gelijk-XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
if [ -z "${AMBT_TEST_PG:-}" ]; then
	echo "1..0 # SKIP no PostgreSQL cluster (AMBT_TEST_PG is not set)"
	exit 0
fi
. "$HERE/../lib/tap.sh"

for engine in sqlite postgresql; do
	if AMBT_TEST_ENGINE=$engine DB_PREFIX=gelijk LEKKEN_BEWAAR="$WORK/$engine" \
		sh "$HERE/lekken.sh" "$AMBT" >"$WORK/$engine.tap" 2>&1; then
		ok "the crawl on $engine"
	else
		not_ok "the crawl on $engine" "$(grep -v '^ok' "$WORK/$engine.tap" | head -20)"
	fi
done

# What is random by design (hashes, uuids, the second-factor secret a
# page proposes), and the moment of sending: replaced in every answer of
# both crawls (one sed over many files), then the trees compared at once.
NORMAAL='s/^[Dd]ate: .*$/Date: X/;
	s/[0-9a-f]{64}/HEX64/g;
	s/[A-Z2-7]{32}/BASE32/g;
	s/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/UUID/g'
for engine in sqlite postgresql; do
	find "$WORK/$engine/r" -type f -name '[0-9]*' -exec sed -i -E "$NORMAAL" {} +
done
cmp -s "$WORK/sqlite/urls" "$WORK/postgresql/urls" && cmp -s "$WORK/sqlite/audit-urls" "$WORK/postgresql/audit-urls" &&
	ok "both crawls asked for the same URLs" || not_ok "both crawls asked for the same URLs"
total=$(find "$WORK/sqlite/r" -type f -name '[0-9]*' | wc -l)
# "Files A and B differ" or "Only in D: F", one line per answer (and
# what diff could not read, which counts as a difference too).
diff -rq -x '*.cfg' "$WORK/sqlite/r" "$WORK/postgresql/r" >"$WORK/verschil" 2>&1
verschil=$(wc -l <"$WORK/verschil")
head -n "${TOON:-5}" "$WORK/verschil" | while read -r w a x b y; do
	if [ "$w" = Files ]; then
		n=${a##*/}
		echo "# differs: ${a#"$WORK/sqlite/"} ($(sed -n "${n}p" "$WORK/sqlite/urls" | cut -f2))"
		diff "$a" "$b" | head -8 | cut -c1-300 | sed 's/^/#   /'
	else
		echo "# $w $a $x $b $y"
	fi
done
[ "$total" -gt 5000 ] && ok "$total answers compared" || not_ok "$total answers compared (too few)"
[ "$verschil" = 0 ] && ok "every answer the same on both engines" || not_ok "every answer the same on both engines" "$verschil of $total differ"
tap_end

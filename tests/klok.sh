#!/bin/sh
# klok.sh - no test depends on the machine's date, time or zone: the
# command-line cases, the HTTP tests (the front office's booking, roster,
# desk and limits among them) and the authorisation matrix run again
# with the machine's clock set (by libfaketime) to an awkward moment, in
# a zone other than UTC. Their own clock stays fixed by AMBT_NU, so they
# must pass unchanged (TAP output: one case per suite).
#
# The moments, one meson test each (so that they run beside the others):
#   schrikkel  a minute before the end of 29 February 2028 (a day, a
#              month and a leap year turning over)
#   zomer      the night summer time begins (28 March 2027, 01:59)
#   winter     the night it ends, in the hour that comes twice (31
#              October 2027, 02:30)
# The front office's suites, where "today" and "the next free time"
# matter most, run at every moment; the longer suites each at one or two
# (the command-line cases at both summer-time nights).
#
# Usage: klok.sh AMBT SOURCE_DIR MOMENT
set -u
AMBT=$(realpath "$1")
SRC=$(realpath "$2")
command -v faketime >/dev/null || { echo "Bail out! faketime is not installed"; exit 1; }
balie="http/afspraken.sh http/rooster.sh http/balie.sh http/grenzen.sh"
case "${3:-}" in
schrikkel)
	m=2028-02-29T23:59:30
	suites="http/api.sh $balie"
	;;
zomer)
	m=2027-03-28T01:59:00
	suites="cli/golden.sh:$SRC/tests/cli/golden http/matrix.sh:$SRC/tests/http/matrix.tsv $balie"
	;;
winter)
	m=2027-10-31T02:30:00
	suites="cli/golden.sh:$SRC/tests/cli/golden $balie"
	;;
*)
	echo "Bail out! usage: klok.sh AMBT SOURCE_DIR schrikkel|zomer|winter"
	exit 1
	;;
esac
echo "1..$(echo $suites | wc -w)"
n=0
failed=0
for s in $suites; do
	script=${s%%:*}
	arg=${s#*:}
	[ "$arg" = "$s" ] && arg=
	n=$((n + 1))
	# '@' starts the faked clock at the moment and lets it run.
	out=$(TZ=Europe/Amsterdam faketime -f "@${m%T*} ${m#*T}" \
		sh "$SRC/tests/$script" "$AMBT" $arg 2>&1)
	rc=$?
	bad=$(printf '%s\n' "$out" | grep -c '^not ok')
	if [ $rc = 0 ] && [ "$bad" = 0 ]; then
		echo "ok $n - $script with the machine's clock at $m"
	else
		printf '%s\n' "$out" | grep -E '^(not ok|# )' | head -20 | sed 's/^/# /'
		echo "not ok $n - $script with the machine's clock at $m ($bad failed, exit $rc)"
		failed=$((failed + 1))
	fi
done
[ $failed = 0 ]

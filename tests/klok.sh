#!/bin/sh
# klok.sh - no test depends on the machine's date, time or zone: the
# command-line cases, the HTTP tests (the front office's booking, roster,
# desk and limits among them) and the authorisation matrix run again
# with the machine's clock set (by libfaketime) to a minute before the
# end of 29 February (a day, a month and a leap year turning over) and
# the night of both summer-time Sundays (the command-line cases at those
# two nights only), in a zone other than UTC. Their own clock stays fixed by AMBT_NU, so they
# must pass unchanged (TAP output: one case per moment and suite).
#
# Usage: klok.sh AMBT SOURCE_DIR
set -u
AMBT=$(realpath "$1")
SRC=$(realpath "$2")
command -v faketime >/dev/null || { echo "Bail out! faketime is not installed"; exit 1; }
moments="2028-02-29T23:59:30 2027-03-28T01:59:00 2027-10-31T02:30:00"
suites="cli/golden.sh:$SRC/tests/cli/golden http/api.sh http/matrix.sh:$SRC/tests/http/matrix.tsv http/afspraken.sh http/rooster.sh http/balie.sh http/grenzen.sh"
# The command-line cases, the longest suite, run at the two summer-time
# nights only (the dates around them are the HTTP suites' to cover).
golden_moments="2027-03-28T01:59:00 2027-10-31T02:30:00"
echo "1..$(($(echo $moments | wc -w) * ($(echo $suites | wc -w) - 1) + $(echo $golden_moments | wc -w)))"
n=0
failed=0
for m in $moments; do
	for s in $suites; do
		case "$s" in
		cli/golden.sh:*)
			case " $golden_moments " in
			*" $m "*) ;;
			*) continue ;;
			esac
			;;
		esac
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
done
[ $failed = 0 ]

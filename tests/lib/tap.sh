# tap.sh - the TAP lines of a shell test. Sourced; counts in $n and
# $failed, and ends with tap_end (the plan, and the exit status).
#
#   ok NAME                      a passed check
#   not_ok NAME [LINE...]        a failed one, with diagnostic lines
#   t NAME COMMAND...            ok when COMMAND succeeds, else not_ok
#                                with the start of its output
#   tap_end                      print "1..N"; fail when anything failed

n=0
failed=0
ok() {
	n=$((n + 1))
	echo "ok $n - $1"
}
not_ok() {
	n=$((n + 1))
	failed=$((failed + 1))
	echo "not ok $n - $1"
	shift
	# Every line of a diagnostic is a TAP comment, also within one.
	for l in "$@"; do printf '%s\n' "$l" | sed 's/^/# /'; done
}
t() {
	name=$1
	shift
	if "$@" >"$WORK/t.out" 2>&1; then
		ok "$name"
	else
		not_ok "$name" "$(head -c 400 "$WORK/t.out")"
	fi
}
tap_end() {
	echo "1..$n"
	[ "$failed" = 0 ]
}

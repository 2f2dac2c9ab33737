# serve.sh - a real `ambt serve` for a shell test. Sourced; needs $AMBT
# and $WORK. Every server started is in $PIDS, for the test's trap.
#
#   serve_start NAME DB [ARGS...]   start a server on a free port of
#                                   127.0.0.1 on database DB; sets
#                                   BASE_NAME (http://127.0.0.1:PORT), or
#                                   bails out when it does not start

PIDS=
serve_start() {
	naam=$1
	db=$2
	shift 2
	"$AMBT" serve --db "$db" --poort 0 --stil "$@" >"$WORK/serve-$naam.out" 2>&1 &
	PIDS="$PIDS $!"
	for _ in $(seq 1 100); do
		grep -q "draait op" "$WORK/serve-$naam.out" 2>/dev/null && break
		sleep 0.05
	done
	b=$(sed -n 's#^Ambt draait op \(http://[^/]*\)/.*#\1#p' "$WORK/serve-$naam.out")
	if [ -z "$b" ]; then
		echo "Bail out! server $naam did not start"
		cat "$WORK/serve-$naam.out"
		exit 1
	fi
	eval "BASE_$naam=\$b"
}
# Stop every server started (for the trap).
serve_stop() {
	for p in $PIDS; do kill "$p" 2>/dev/null; done
}

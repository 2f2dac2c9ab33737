#!/bin/sh
# bench/http.sh - HTTP throughput of `ambt serve` against nginx, and the
# server's memory with the demo data loaded.
#
#   bench/http.sh [path/to/ambt]          (default: build-bench/ambt)
#
# Creates the demo database in a temporary directory, starts ambt on a
# free port, fetches three responses (a JSON API list, a rendered page and
# a static file), has nginx serve exactly those bytes at the same paths,
# and runs the same wrk load against each path on both servers.
#
# Targets (from the performance spec):
#   - requests/s of ambt >= 0.5 x nginx's, per path
#   - ambt RSS with the demo data loaded < 50 MB
#
# Prints a table and writes the figures as JSON to
# bench/results/http-<date>.json, or to $BENCH_OUT if set. It never fails
# on the figures: the exit status is 0 unless the setup failed.
#
# Knobs (environment): WRK_THREADS (2), WRK_CONNECTIONS (32),
# WRK_DURATION (10s), WRK_WARMUP (2s), BENCH_OUT.

set -u

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)

AMBT=${1:-$ROOT/build-bench/ambt}
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-32}
WRK_DURATION=${WRK_DURATION:-10s}
WRK_WARMUP=${WRK_WARMUP:-2s}
TARGET_RATIO=0.5
TARGET_RSS_MB=50
PATHS="/api/v1/gemeenten /samenwerkingen/HB /static/ambt.css"

die() {
	echo "bench/http.sh: $*" >&2
	exit 1
}

# ---- checks ----

case $AMBT in
/*) ;;
*) AMBT=$(pwd)/$AMBT ;;
esac
[ -x "$AMBT" ] || die "no ambt binary at $AMBT (build it first:" \
	"meson setup build-bench --buildtype=release && ninja -C build-bench)"
for tool in wrk nginx curl awk; do
	command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed"
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ambt-bench.XXXXXX") || die "mktemp failed"
AMBT_PID=
NGINX_PID=

# shellcheck disable=SC2317 # run by the EXIT trap
cleanup() {
	if [ -n "$AMBT_PID" ]; then
		kill -TERM "$AMBT_PID" 2>/dev/null
		wait "$AMBT_PID" 2>/dev/null
	fi
	if [ -n "$NGINX_PID" ]; then
		kill -QUIT "$NGINX_PID" 2>/dev/null
		wait "$NGINX_PID" 2>/dev/null
	fi
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# Waits until `curl` gets an answer from $1, up to ~5 s.
wait_http() {
	i=0
	while [ $i -lt 50 ]; do
		curl -s -o /dev/null --max-time 1 "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# A TCP port nobody listens on, on 127.0.0.1.
free_port() {
	if command -v python3 >/dev/null 2>&1; then
		python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])' 2>/dev/null && return 0
	fi
	p=$(( 20000 + $$ % 20000 ))
	while ss -Htln "sport = :$p" 2>/dev/null | grep -q .; do
		p=$((p + 1))
	done
	echo "$p"
}

# ---- ambt ----

"$AMBT" demo --db "$TMP/bench.db" --overschrijf >"$TMP/demo.log" 2>&1 ||
	die "ambt demo failed: $(tail -n 5 "$TMP/demo.log")"

"$AMBT" serve --db "$TMP/bench.db" --poort 0 --stil \
	>"$TMP/ambt.out" 2>"$TMP/ambt.err" &
AMBT_PID=$!
AMBT_PORT=
i=0
while [ $i -lt 50 ] && [ -z "$AMBT_PORT" ]; do
	AMBT_PORT=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9][0-9]*\)/.*|\1|p' \
		"$TMP/ambt.out")
	kill -0 "$AMBT_PID" 2>/dev/null || break
	[ -n "$AMBT_PORT" ] || sleep 0.1
	i=$((i + 1))
done
[ -n "$AMBT_PORT" ] || die "ambt serve did not start: $(cat "$TMP/ambt.err")"
AMBT_URL=http://127.0.0.1:$AMBT_PORT
wait_http "$AMBT_URL/" || die "ambt does not answer on $AMBT_URL"

# ---- the bytes nginx will serve ----

mkdir -p "$TMP/www" "$TMP/nginx-tmp"
for p in $PATHS; do
	mkdir -p "$TMP/www$(dirname "$p")"
	code=$(curl -s -o "$TMP/www$p" -w '%{http_code}' "$AMBT_URL$p")
	[ "$code" = 200 ] || die "GET $p on ambt gave $code, not 200"
done

# ---- nginx ----

# Temp-path directives only for the modules this nginx has.
nginx_temp_paths() {
	echo "    client_body_temp_path $TMP/nginx-tmp/body;"
	for m in proxy fastcgi uwsgi scgi; do
		nginx -V 2>&1 | grep -q -- "--without-http_${m}_module" && continue
		echo "    ${m}_temp_path $TMP/nginx-tmp/$m;"
	done
}

write_nginx_conf() {
	{
		# As root, nginx would hand the workers to 'nobody', who cannot
		# read the temp dir: keep them on the current user.
		[ "$(id -u)" = 0 ] && echo "user $(id -un) $(id -gn);"
		cat <<EOF
worker_processes 2;
daemon off;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log warn;
events {
    worker_connections 1024;
}
http {
    access_log off;
$(nginx_temp_paths)
    sendfile on;
    tcp_nopush on;
    types {
        text/css css;
    }
    default_type application/octet-stream;
    server {
        listen 127.0.0.1:$1;
        root $TMP/www;
        location /api/ {
            default_type application/json;
        }
        location /samenwerkingen/ {
            default_type text/html;
            charset utf-8;
        }
        location /static/ {
        }
    }
}
EOF
	} >"$TMP/nginx.conf"
}

NGINX_PORT=
tries=0
while [ $tries -lt 5 ] && [ -z "$NGINX_PORT" ]; do
	port=$(free_port)
	write_nginx_conf "$port"
	nginx -p "$TMP" -e "$TMP/nginx-error.log" -c "$TMP/nginx.conf" \
		>"$TMP/nginx.out" 2>&1 &
	NGINX_PID=$!
	if wait_http "http://127.0.0.1:$port/static/ambt.css" &&
		kill -0 "$NGINX_PID" 2>/dev/null; then
		NGINX_PORT=$port
	else
		kill -QUIT "$NGINX_PID" 2>/dev/null
		wait "$NGINX_PID" 2>/dev/null
		NGINX_PID=
	fi
	tries=$((tries + 1))
done
[ -n "$NGINX_PORT" ] || die "nginx did not start: $(cat "$TMP/nginx.out" \
	"$TMP/nginx-error.log" 2>/dev/null | tail -n 5)"
NGINX_URL=http://127.0.0.1:$NGINX_PORT

for p in $PATHS; do
	curl -s -o "$TMP/check" "$NGINX_URL$p" || die "GET $p on nginx failed"
	cmp -s "$TMP/check" "$TMP/www$p" ||
		die "nginx does not serve the same bytes for $p"
done

# ---- load ----

rss_kb() {
	awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status" 2>/dev/null
}

RSS_IDLE=$(rss_kb "$AMBT_PID" VmRSS)
LOADAVG=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)

# Prints "rps avg_ms p50_ms p99_ms errors non2xx requests" from wrk output.
parse_wrk() {
	awk '
	function ms(v) {
		if (v ~ /us$/) return (v + 0) / 1000
		if (v ~ /ms$/) return v + 0
		if (v ~ /m$/) return (v + 0) * 60000
		if (v ~ /s$/) return (v + 0) * 1000
		return v + 0
	}
	BEGIN { rps = 0; avg = 0; p50 = 0; p99 = 0; err = 0; bad = 0; n = 0 }
	$1 == "Latency" && NF >= 4 { avg = ms($2) }
	$1 == "50%" { p50 = ms($2) }
	$1 == "99%" { p99 = ms($2) }
	$2 == "requests" && $3 == "in" { n = $1 }
	$1 == "Socket" && $2 == "errors:" {
		for (i = 3; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) err += $i + 0
	}
	/^ *Non-2xx or 3xx responses:/ { bad = $NF + 0 }
	$1 == "Requests/sec:" { rps = $2 + 0 }
	END { printf "%.2f %.3f %.3f %.3f %d %d %d\n", rps, avg, p50, p99, err, bad, n }
	' "$1"
}

# CPU time (user + system, in clock ticks, all threads) of the given
# processes, from /proc/PID/stat.
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
cpu_ticks() {
	for pid in "$@"; do
		sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null
	done | awk '{ t += $12 + $13 } END { print t + 0 }'
}

# The processes that do a server's work: ambt itself; nginx's workers.
server_pids() {
	if [ "$1" = ambt ]; then
		echo "$AMBT_PID"
	else
		echo "$NGINX_PID"
		ps -o pid= --ppid "$NGINX_PID" 2>/dev/null
	fi
}

run_wrk() { # server url outfile cpufile
	wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_WARMUP" \
		"$2" >/dev/null 2>&1
	pids=$(server_pids "$1")
	# shellcheck disable=SC2086 # word splitting wanted
	before=$(cpu_ticks $pids)
	wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" \
		--latency "$2" >"$3" 2>&1
	# shellcheck disable=SC2086
	after=$(cpu_ticks $pids)
	echo $((after - before)) >"$4"
}

# Appends the server's CPU microseconds per request to a result line.
add_cpu() { # resfile cpufile
	read -r rps avg p50 p99 err bad reqs <"$1"
	ticks=$(cat "$2")
	us=$(awk -v t="$ticks" -v hz="$CLK_TCK" -v n="$reqs" \
		'BEGIN { printf "%.1f", (n > 0) ? t / hz * 1e6 / n : 0 }')
	echo "$rps $avg $p50 $p99 $err $bad $reqs $us" >"$1"
}

echo "wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION" \
	"(after a $WRK_WARMUP warm-up), $(nproc 2>/dev/null || echo '?') CPUs," \
	"load average $LOADAVG"
echo "ambt  $AMBT_URL (pid $AMBT_PID)"
echo "nginx $NGINX_URL (pid $NGINX_PID)"
echo

n=0
for p in $PATHS; do
	n=$((n + 1))
	printf 'measuring %s ...\n' "$p"
	run_wrk ambt "$AMBT_URL$p" "$TMP/wrk-ambt-$n.txt" "$TMP/cpu-ambt-$n"
	run_wrk nginx "$NGINX_URL$p" "$TMP/wrk-nginx-$n.txt" "$TMP/cpu-nginx-$n"
	for srv in ambt nginx; do
		parse_wrk "$TMP/wrk-$srv-$n.txt" >"$TMP/res-$srv-$n"
		add_cpu "$TMP/res-$srv-$n" "$TMP/cpu-$srv-$n"
	done
done

RSS_AFTER=$(rss_kb "$AMBT_PID" VmRSS)
RSS_PEAK=$(rss_kb "$AMBT_PID" VmHWM)
ALIVE=true
kill -0 "$AMBT_PID" 2>/dev/null || ALIVE=false

# ---- report ----

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", ((b > 0) ? a / b : 0) }'; }
meets() { awk -v r="$1" -v t="$2" 'BEGIN { print ((r >= t) ? "yes" : "no") }'; }

echo
printf '%-20s %12s %12s %8s %7s %6s\n' path "ambt req/s" "nginx req/s" \
	ratio target meets
n=0
for p in $PATHS; do
	n=$((n + 1))
	read -r a_rps _ <"$TMP/res-ambt-$n"
	read -r g_rps _ <"$TMP/res-nginx-$n"
	r=$(ratio "$a_rps" "$g_rps")
	printf '%-20s %12.0f %12.0f %8s %7s %6s\n' "$p" "$a_rps" "$g_rps" \
		"$r" "$TARGET_RATIO" "$(meets "$r" "$TARGET_RATIO")"
done

echo
printf '%-20s %-6s %9s %9s %9s %12s %7s %8s\n' path server "avg ms" \
	"p50 ms" "p99 ms" "CPU us/req" errors non-2xx
n=0
for p in $PATHS; do
	n=$((n + 1))
	for srv in ambt nginx; do
		read -r _ avg p50 p99 err bad _ us <"$TMP/res-$srv-$n"
		printf '%-20s %-6s %9s %9s %9s %12s %7s %8s\n' "$p" "$srv" \
			"$avg" "$p50" "$p99" "$us" "$err" "$bad"
	done
done
echo "(CPU us/req: user+system time of the server's processes during the"
echo " run divided by the requests wrk completed; steadier than req/s on a"
echo " busy machine.)"

rss_mb() { awk -v k="${1:-0}" 'BEGIN { printf "%.1f", k / 1024 }'; }
RSS_OK=$(awk -v k="${RSS_AFTER:-0}" -v t="$TARGET_RSS_MB" \
	'BEGIN { print ((k > 0 && k / 1024 < t) ? "yes" : "no") }')
echo
echo "ambt RSS: $(rss_mb "$RSS_IDLE") MB idle, $(rss_mb "$RSS_AFTER") MB" \
	"after the runs (peak $(rss_mb "$RSS_PEAK") MB);" \
	"target < $TARGET_RSS_MB MB: $RSS_OK"
[ "$ALIVE" = true ] || echo "warning: ambt was no longer running after the runs"

# ---- JSON ----

if [ -n "${BENCH_OUT:-}" ]; then
	OUT=$BENCH_OUT
else
	OUT=$HERE/results/http-$(date -u +%Y-%m-%dT%H%M%SZ).json
fi
mkdir -p "$(dirname "$OUT")" || die "cannot create $(dirname "$OUT")"

server_json() { # file
	read -r rps avg p50 p99 err bad reqs us <"$1"
	printf '{"requests_per_s": %s, "latency_avg_ms": %s, ' "$rps" "$avg"
	printf '"latency_p50_ms": %s, "latency_p99_ms": %s, ' "$p50" "$p99"
	printf '"requests": %s, "socket_errors": %s, "non_2xx": %s, ' \
		"$reqs" "$err" "$bad"
	printf '"cpu_us_per_request": %s}' "$us"
}

{
	printf '{\n'
	printf '  "benchmark": "http",\n'
	printf '  "date": "%s",\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
	printf '  "host": {"cpus": %s, "kernel": "%s", "loadavg_before": "%s"},\n' \
		"$(nproc 2>/dev/null || echo 0)" "$(uname -r)" "$LOADAVG"
	printf '  "wrk": {"threads": %s, "connections": %s, ' \
		"$WRK_THREADS" "$WRK_CONNECTIONS"
	printf '"duration": "%s", "warmup": "%s"},\n' "$WRK_DURATION" "$WRK_WARMUP"
	printf '  "anchor": "nginx %s, worker_processes 2, same bytes from files",\n' \
		"$(nginx -v 2>&1 | sed 's|.*nginx/||')"
	printf '  "target_ratio": %s,\n' "$TARGET_RATIO"
	printf '  "paths": [\n'
	n=0
	for p in $PATHS; do
		n=$((n + 1))
		read -r a_rps _ <"$TMP/res-ambt-$n"
		read -r g_rps _ <"$TMP/res-nginx-$n"
		r=$(ratio "$a_rps" "$g_rps")
		[ $n -gt 1 ] && printf ',\n'
		printf '    {"path": "%s", "body_bytes": %s,\n' "$p" \
			"$(wc -c <"$TMP/www$p" | tr -d ' ')"
		printf '     "ambt": %s,\n' "$(server_json "$TMP/res-ambt-$n")"
		printf '     "nginx": %s,\n' "$(server_json "$TMP/res-nginx-$n")"
		printf '     "ratio": %s, "meets_target": %s}' "$r" \
			"$([ "$(meets "$r" "$TARGET_RATIO")" = yes ] && echo true || echo false)"
	done
	printf '\n  ],\n'
	printf '  "memory": {"rss_idle_kb": %s, "rss_after_kb": %s, ' \
		"${RSS_IDLE:-0}" "${RSS_AFTER:-0}"
	printf '"rss_peak_kb": %s, "target_mb": %s, "meets_target": %s}\n' \
		"${RSS_PEAK:-0}" "$TARGET_RSS_MB" \
		"$([ "$RSS_OK" = yes ] && echo true || echo false)"
	printf '}\n'
} >"$OUT" || die "cannot write $OUT"
echo "figures written to $OUT"
exit 0

#!/bin/sh
# bench/http.sh - HTTP throughput of `ambt serve` against nginx, the
# server's memory with the demo data loaded, and the same load on SQLite
# and on PostgreSQL with one and with two server processes.
#
#   bench/http.sh [path/to/ambt]          (default: build-bench/ambt)
#
# Creates the demo database in a temporary directory, starts ambt on a
# free port, fetches three responses (a JSON API list, a rendered page and
# a static file), has nginx serve exactly those bytes at the same paths,
# and runs the same wrk load against each path on both servers.
#
# Then the same load, per path, on the demo data in SQLite and in
# PostgreSQL: one `ambt serve` process reached directly, the same process
# behind nginx as a reverse proxy, and two processes on the same database
# behind nginx balancing between them (an upstream with both ports).
#
# Targets (from the performance spec):
#   - requests/s of ambt >= 0.5 x nginx's, per path (one process on
#     SQLite, reached directly)
#   - ambt RSS with the demo data loaded < 50 MB
#
# Prints tables and writes the figures as JSON to
# bench/results/http-<date>.json, or to $BENCH_OUT if set. It never fails
# on the figures: the exit status is 0 unless the setup failed.
#
# PostgreSQL: the cluster of $AMBT_BENCH_PG (make bench starts one), else a
# throw-away cluster of its own (see bench/pg.sh).
#
# Knobs (environment): WRK_THREADS (2), WRK_CONNECTIONS (32),
# WRK_DURATION (10s), WRK_WARMUP (2s), BENCH_OUT, AMBT_BENCH_PG.

set -u

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
# shellcheck source=bench/pg.sh
. "$HERE/pg.sh"

AMBT=${1:-$ROOT/build-bench/ambt}
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-32}
WRK_DURATION=${WRK_DURATION:-10s}
WRK_WARMUP=${WRK_WARMUP:-2s}
TARGET_RATIO=0.5
TARGET_RSS_MB=50
PATHS="/api/v1/gemeenten /samenwerkingen/HB /static/ambt.css"
# The set-ups of the engine table: s(QLite) or p(ostgreSQL), the number of
# ambt processes, and "lb" when nginx stands in front, balancing.
SETUPS="s1 s1lb s2lb p1 p1lb p2lb"
PG_DB=bench_http

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
for tool in wrk nginx curl awk psql; do
	command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed"
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ambt-bench.XXXXXX") || die "mktemp failed"
AMBT_PIDS=
NGINX_PID=

# shellcheck disable=SC2317 # run by the EXIT trap
cleanup() {
	for pid in $AMBT_PIDS; do
		kill -TERM "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	done
	if [ -n "$NGINX_PID" ]; then
		kill -QUIT "$NGINX_PID" 2>/dev/null
		wait "$NGINX_PID" 2>/dev/null
	fi
	pg_end
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

# ---- the demo data, in SQLite and in PostgreSQL ----

"$AMBT" demo --db "$TMP/bench.db" --overschrijf >"$TMP/demo.log" 2>&1 ||
	die "ambt demo failed: $(tail -n 5 "$TMP/demo.log")"
pg_begin 2>"$TMP/pg.log" ||
	die "no PostgreSQL cluster: $(tail -n 5 "$TMP/pg.log")"
pg_mine "$PG_DB"
PG=$(pg_url "$PG_DB")
"$AMBT" demo --db "$PG" >"$TMP/demo-pg.log" 2>&1 ||
	die "ambt demo on PostgreSQL failed: $(tail -n 5 "$TMP/demo-pg.log")"

# ---- ambt: two processes on SQLite, two on PostgreSQL ----

# Starts `ambt serve` on database $2 on a free port; its pid and port go
# to $TMP/pid-$1 and $TMP/port-$1.
start_ambt() { # name database
	"$AMBT" serve --db "$2" --poort 0 --stil \
		>"$TMP/ambt-$1.out" 2>"$TMP/ambt-$1.err" &
	pid=$!
	AMBT_PIDS="$AMBT_PIDS $pid"
	port=
	i=0
	while [ $i -lt 50 ] && [ -z "$port" ]; do
		port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9][0-9]*\)/.*|\1|p' \
			"$TMP/ambt-$1.out")
		kill -0 "$pid" 2>/dev/null || break
		[ -n "$port" ] || sleep 0.1
		i=$((i + 1))
	done
	[ -n "$port" ] ||
		die "ambt serve ($1) did not start: $(cat "$TMP/ambt-$1.err")"
	wait_http "http://127.0.0.1:$port/" ||
		die "ambt ($1) does not answer on port $port"
	echo "$pid" >"$TMP/pid-$1"
	echo "$port" >"$TMP/port-$1"
}

start_ambt s1 "$TMP/bench.db"
start_ambt s2 "$TMP/bench.db"
start_ambt p1 "$PG"
start_ambt p2 "$PG"
AMBT_PID=$(cat "$TMP/pid-s1")
AMBT_URL=http://127.0.0.1:$(cat "$TMP/port-s1")

# ---- the bytes nginx will serve ----

mkdir -p "$TMP/www" "$TMP/nginx-tmp"
for p in $PATHS; do
	mkdir -p "$TMP/www$(dirname "$p")"
	code=$(curl -s -o "$TMP/www$p" -w '%{http_code}' "$AMBT_URL$p")
	[ "$code" = 200 ] || die "GET $p on ambt gave $code, not 200"
done
# Every process should answer with the same bytes, or the engines would be
# measured on different work.
SAME_BYTES=true
for a in s2 p1 p2; do
	for p in $PATHS; do
		code=$(curl -s -o "$TMP/check" -w '%{http_code}' \
			"http://127.0.0.1:$(cat "$TMP/port-$a")$p")
		[ "$code" = 200 ] || die "GET $p on ambt ($a) gave $code, not 200"
		cmp -s "$TMP/check" "$TMP/www$p" || {
			echo "warning: ambt ($a) answers $p with other bytes" \
				"than ambt (s1)"
			SAME_BYTES=false
		}
	done
done

# ---- nginx: the anchor, and the proxy in front of ambt ----

# Temp-path directives only for the modules this nginx has.
nginx_temp_paths() {
	echo "    client_body_temp_path $TMP/nginx-tmp/body;"
	for m in proxy fastcgi uwsgi scgi; do
		nginx -V 2>&1 | grep -q -- "--without-http_${m}_module" && continue
		echo "    ${m}_temp_path $TMP/nginx-tmp/$m;"
	done
}

# An upstream of the given ambt processes (round robin), keeping idle
# connections to them open as a production proxy would.
nginx_upstream() { # name ambt-name...
	name=$1
	shift
	echo "    upstream $name {"
	for a in "$@"; do
		echo "        server 127.0.0.1:$(cat "$TMP/port-$a");"
	done
	echo "        keepalive 32;"
	echo "    }"
}

# A server on port $1 passing every request to upstream $2.
nginx_proxy() { # port upstream
	echo "    server {"
	echo "        listen 127.0.0.1:$1;"
	echo "        location / {"
	echo "            proxy_pass http://$2;"
	echo "            proxy_http_version 1.1;"
	echo "            proxy_set_header Connection \"\";"
	echo "        }"
	echo "    }"
}

write_nginx_conf() { # port of the anchor, of s1lb, s2lb, p1lb, p2lb
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
$(nginx_upstream sqlite_1 s1)
$(nginx_upstream sqlite_2 s1 s2)
$(nginx_upstream postgresql_1 p1)
$(nginx_upstream postgresql_2 p1 p2)
$(nginx_proxy "$2" sqlite_1)
$(nginx_proxy "$3" sqlite_2)
$(nginx_proxy "$4" postgresql_1)
$(nginx_proxy "$5" postgresql_2)
}
EOF
	} >"$TMP/nginx.conf"
}

NGINX_PORT=
tries=0
while [ $tries -lt 5 ] && [ -z "$NGINX_PORT" ]; do
	ports="$(free_port) $(free_port) $(free_port) $(free_port) $(free_port)"
	# shellcheck disable=SC2086 # word splitting wanted
	write_nginx_conf $ports
	nginx -p "$TMP" -e "$TMP/nginx-error.log" -c "$TMP/nginx.conf" \
		>"$TMP/nginx.out" 2>&1 &
	NGINX_PID=$!
	# shellcheck disable=SC2086
	set -- $ports
	if wait_http "http://127.0.0.1:$1/static/ambt.css" &&
		kill -0 "$NGINX_PID" 2>/dev/null; then
		NGINX_PORT=$1
		echo "$2" >"$TMP/port-s1lb"
		echo "$3" >"$TMP/port-s2lb"
		echo "$4" >"$TMP/port-p1lb"
		echo "$5" >"$TMP/port-p2lb"
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
echo "$NGINX_PORT" >"$TMP/port-nginx"

for p in $PATHS; do
	curl -s -o "$TMP/check" "$NGINX_URL$p" || die "GET $p on nginx failed"
	cmp -s "$TMP/check" "$TMP/www$p" ||
		die "nginx does not serve the same bytes for $p"
done
for x in s1lb s2lb p1lb p2lb; do
	for p in $PATHS; do
		code=$(curl -s -o /dev/null -w '%{http_code}' \
			"http://127.0.0.1:$(cat "$TMP/port-$x")$p")
		[ "$code" = 200 ] ||
			die "GET $p through nginx ($x) gave $code, not 200"
	done
done

# ---- load ----

rss_kb() {
	awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status" 2>/dev/null
}

RSS_IDLE=$(rss_kb "$AMBT_PID" VmRSS)
RSS_PG_IDLE=$(rss_kb "$(cat "$TMP/pid-p1")" VmRSS)
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

# The processes doing a set-up's work, in three groups: the server (nginx
# and its workers for the anchor; the ambt processes), the database (the
# PostgreSQL backends of the benchmark's database, when the cluster runs
# on this machine) and the proxy (nginx and its workers in front of ambt).
nginx_pids() {
	echo "$NGINX_PID"
	ps -o pid= --ppid "$NGINX_PID" 2>/dev/null
}
server_pids() { # set-up
	case $1 in
	nginx) nginx_pids ;;
	s1 | s1lb) cat "$TMP/pid-s1" ;;
	s2lb) cat "$TMP/pid-s1" "$TMP/pid-s2" ;;
	p1 | p1lb) cat "$TMP/pid-p1" ;;
	p2lb) cat "$TMP/pid-p1" "$TMP/pid-p2" ;;
	esac
}
db_pids() { # set-up
	case $1 in
	p*) pg_backends "$PG_DB" 2>/dev/null ;;
	esac
}
proxy_pids() { # set-up
	case $1 in
	*lb) nginx_pids ;;
	esac
}

run_wrk() { # set-up url outfile cpufile
	wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_WARMUP" \
		"$2" >/dev/null 2>&1
	spids=$(server_pids "$1")
	dpids=$(db_pids "$1")
	ppids=$(proxy_pids "$1")
	# shellcheck disable=SC2086 # word splitting wanted
	s0=$(cpu_ticks $spids)
	# shellcheck disable=SC2086
	d0=$(cpu_ticks $dpids)
	# shellcheck disable=SC2086
	p0=$(cpu_ticks $ppids)
	wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" \
		--latency "$2" >"$3" 2>&1
	# shellcheck disable=SC2086
	s1=$(cpu_ticks $spids)
	# shellcheck disable=SC2086
	d1=$(cpu_ticks $dpids)
	# shellcheck disable=SC2086
	p1=$(cpu_ticks $ppids)
	echo $((s1 - s0)) $((d1 - d0)) $((p1 - p0)) >"$4"
}

# Appends to a result line the CPU microseconds per request of the server,
# the database and the proxy.
add_cpu() { # resfile cpufile
	read -r rps avg p50 p99 err bad reqs <"$1"
	read -r ts td tp <"$2"
	us=$(awk -v s="$ts" -v d="$td" -v p="$tp" -v hz="$CLK_TCK" -v n="$reqs" '
		function per(t) { return (n > 0) ? t / hz * 1e6 / n : 0 }
		BEGIN { printf "%.1f %.1f %.1f", per(s), per(d), per(p) }')
	echo "$rps $avg $p50 $p99 $err $bad $reqs $us" >"$1"
}

echo "wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION" \
	"(after a $WRK_WARMUP warm-up), $(nproc 2>/dev/null || echo '?') CPUs," \
	"load average $LOADAVG"
echo "ambt  $AMBT_URL (pid $AMBT_PID)"
echo "nginx $NGINX_URL (pid $NGINX_PID)"
echo "PostgreSQL $(pg_version), database $PG_DB"
echo

n=0
for p in $PATHS; do
	n=$((n + 1))
	printf 'measuring %s ...\n' "$p"
	for x in nginx $SETUPS; do
		run_wrk "$x" "http://127.0.0.1:$(cat "$TMP/port-$x")$p" \
			"$TMP/wrk-$x-$n.txt" "$TMP/cpu-$x-$n"
		parse_wrk "$TMP/wrk-$x-$n.txt" >"$TMP/res-$x-$n"
		add_cpu "$TMP/res-$x-$n" "$TMP/cpu-$x-$n"
	done
	# The comparison with nginx is that of one process on SQLite.
	cp "$TMP/res-s1-$n" "$TMP/res-ambt-$n"
done

RSS_AFTER=$(rss_kb "$AMBT_PID" VmRSS)
RSS_PEAK=$(rss_kb "$AMBT_PID" VmHWM)
RSS_PG_AFTER=$(rss_kb "$(cat "$TMP/pid-p1")" VmRSS)
ALIVE=true
for pid in $AMBT_PIDS; do
	kill -0 "$pid" 2>/dev/null || ALIVE=false
done

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
		read -r _ avg p50 p99 err bad _ us _ <"$TMP/res-$srv-$n"
		printf '%-20s %-6s %9s %9s %9s %12s %7s %8s\n' "$p" "$srv" \
			"$avg" "$p50" "$p99" "$us" "$err" "$bad"
	done
done
echo "(CPU us/req: user+system time of the server's processes during the"
echo " run divided by the requests wrk completed; steadier than req/s on a"
echo " busy machine.)"

# The engine table: per path a row per figure, a column per set-up.
# Field $3 of the result lines (e: errors + non-2xx); "-" where a set-up
# has no such part.
engine_row() { # label path-number field
	printf '  %-18s' "$1"
	for x in $SETUPS; do
		case $x:$3 in
		s*:9 | s1:10 | p1:10) v=- ;;
		*:1) v=$(awk '{ printf "%.0f", $1 }' "$TMP/res-$x-$2") ;;
		*:e) v=$(awk '{ print $5 + $6 }' "$TMP/res-$x-$2") ;;
		*) v=$(awk -v f="$3" '{ print $f }' "$TMP/res-$x-$2") ;;
		esac
		[ "$x" = p1 ] && printf '  '
		printf ' %9s' "$v"
	done
	echo
}
echo
echo "ambt on SQLite and on PostgreSQL, the same wrk load: one process"
echo "reached directly (1), the same process behind nginx (1 lb), two"
echo "processes on the same database behind nginx balancing (2 lb):"
echo
printf '  %-18s %-29s   %s\n' "" " ---------- SQLite ----------" \
	" -------- PostgreSQL --------"
printf '  %-18s %9s %9s %9s   %9s %9s %9s\n' "" 1 "1 lb" "2 lb" 1 "1 lb" "2 lb"
n=0
for p in $PATHS; do
	n=$((n + 1))
	echo "$p"
	engine_row "req/s" $n 1
	engine_row "latency avg ms" $n 2
	engine_row "latency p50 ms" $n 3
	engine_row "latency p99 ms" $n 4
	engine_row "CPU us/req ambt" $n 8
	engine_row "  + PostgreSQL" $n 9
	engine_row "  + nginx proxy" $n 10
	engine_row "errors + non-2xx" $n e
done
echo "(CPU us/req: user+system time per request wrk completed, of the ambt"
echo " processes, of the PostgreSQL backends serving them and of nginx in"
echo " front of them. wrk, nginx, ambt and PostgreSQL share this machine's"
echo " cores.)"

rss_mb() { awk -v k="${1:-0}" 'BEGIN { printf "%.1f", k / 1024 }'; }
RSS_OK=$(awk -v k="${RSS_AFTER:-0}" -v t="$TARGET_RSS_MB" \
	'BEGIN { print ((k > 0 && k / 1024 < t) ? "yes" : "no") }')
echo
echo "ambt RSS: $(rss_mb "$RSS_IDLE") MB idle, $(rss_mb "$RSS_AFTER") MB" \
	"after the runs (peak $(rss_mb "$RSS_PEAK") MB);" \
	"target < $TARGET_RSS_MB MB: $RSS_OK"
echo "ambt RSS on PostgreSQL: $(rss_mb "$RSS_PG_IDLE") MB idle," \
	"$(rss_mb "$RSS_PG_AFTER") MB after the runs"
[ "$ALIVE" = true ] ||
	echo "warning: an ambt process was no longer running after the runs"

# ---- JSON ----

if [ -n "${BENCH_OUT:-}" ]; then
	OUT=$BENCH_OUT
else
	OUT=$HERE/results/http-$(date -u +%Y-%m-%dT%H%M%SZ).json
fi
mkdir -p "$(dirname "$OUT")" || die "cannot create $(dirname "$OUT")"

server_json() { # file [set-up]
	read -r rps avg p50 p99 err bad reqs us dus pus <"$1"
	printf '{"requests_per_s": %s, "latency_avg_ms": %s, ' "$rps" "$avg"
	printf '"latency_p50_ms": %s, "latency_p99_ms": %s, ' "$p50" "$p99"
	printf '"requests": %s, "socket_errors": %s, "non_2xx": %s, ' \
		"$reqs" "$err" "$bad"
	printf '"cpu_us_per_request": %s' "$us"
	case ${2:-} in
	p*) printf ', "database_cpu_us_per_request": %s' "$dus" ;;
	esac
	case ${2:-} in
	*lb) printf ', "proxy_cpu_us_per_request": %s' "$pus" ;;
	esac
	printf '}'
}

setup_json() { # set-up
	case $1 in
	s*) printf '"engine": "sqlite", ' ;;
	*) printf '"engine": "postgresql", ' ;;
	esac
	case $1 in
	?2*) printf '"processes": 2, ' ;;
	*) printf '"processes": 1, ' ;;
	esac
	case $1 in
	*lb) printf '"behind_nginx": true' ;;
	*) printf '"behind_nginx": false' ;;
	esac
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
	printf '  "postgresql": "%s",\n' "$(pg_version)"
	printf '  "same_bytes_on_every_process": %s,\n' "$SAME_BYTES"
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
		printf '     "ratio": %s, "meets_target": %s,\n' "$r" \
			"$([ "$(meets "$r" "$TARGET_RATIO")" = yes ] && echo true || echo false)"
		printf '     "setups": [\n'
		k=0
		for x in $SETUPS; do
			k=$((k + 1))
			[ $k -gt 1 ] && printf ',\n'
			printf '       {%s, "figures": %s}' "$(setup_json "$x")" \
				"$(server_json "$TMP/res-$x-$n" "$x")"
		done
		printf '\n     ]}'
	done
	printf '\n  ],\n'
	printf '  "memory": {"rss_idle_kb": %s, "rss_after_kb": %s, ' \
		"${RSS_IDLE:-0}" "${RSS_AFTER:-0}"
	printf '"rss_peak_kb": %s, "target_mb": %s, "meets_target": %s,\n' \
		"${RSS_PEAK:-0}" "$TARGET_RSS_MB" \
		"$([ "$RSS_OK" = yes ] && echo true || echo false)"
	printf '             "postgresql_rss_idle_kb": %s, ' "${RSS_PG_IDLE:-0}"
	printf '"postgresql_rss_after_kb": %s}\n' "${RSS_PG_AFTER:-0}"
	printf '}\n'
} >"$OUT" || die "cannot write $OUT"
echo "figures written to $OUT"
exit 0

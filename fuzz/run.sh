#!/bin/sh
# run.sh - build the fuzz targets with clang/libFuzzer and fuzz each one.
#
#   fuzz/run.sh [SECONDS] [TARGET...]
#
# SECONDS per target (default 60); TARGETs from: urlencoded route template
# date uren kostenverdeling (default all). Builds fuzz-out/fuzz_TARGET (project root; override
# with FUZZ_OUT=DIR), fuzzes in a scratch copy FUZZ_OUT/work/TARGET
# seeded from fuzz/corpus/TARGET, then merges into fuzz/corpus/TARGET only
# the new inputs that add coverage (-merge=1); a corpus that grows past 300
# files or 1 MiB is minimized again from scratch (seed-* files are always
# kept, the largest found inputs go first; MINIMIZE=1 always does that).
# Crashes, leaks, timeouts and failed checks land in
# FUZZ_OUT/crashes/TARGET-*; the exit status is 1 when there was one.
# CC (default clang) and EXTRA_CFLAGS (for instance
# -DFUZZ_STRICT_TRUNCATION=1) are taken from the environment.
#
# Corpus file names are seed-* or libFuzzer's hex digests, so ls is fine:
# shellcheck disable=SC2010,SC2012
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
secs=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-urlencoded route template date uren kostenverdeling}
out=${FUZZ_OUT:-fuzz-out}
cc=${CC:-clang}

cflags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
	-std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
	-Wall -Wextra -Wno-unused-parameter ${EXTRA_CFLAGS:-}"
srcs="src/core/arena.c src/core/err.c src/core/text.c src/core/date.c src/core/uren.c src/core/uren_csv.c src/core/csv_tabel.c src/core/uren_import.c src/core/register.c
	src/core/kostenverdeling.c src/core/besluit.c src/present/kostenverdeling.c src/present/present.c
	src/http/urlencoded.c src/http/route.c src/http/template.c"
jansson="$(pkg-config --cflags --libs jansson 2>/dev/null || echo -ljansson) -lcsv -lsodium -lpthread -lgmp"

max_files=300
max_bytes=1048576

cov() { # the coverage line of a replay of corpus $2 by $1
	"$1" -runs=0 -max_len=4096 "$2" 2>&1 | grep -o 'cov: [0-9]* ft: [0-9]*' |
		tail -1
}

# Minimize corpus $1 from scratch, keeping the hand-written seed-*; when
# it still has more than $max_files files or $max_bytes bytes, drop the
# largest inputs found by the fuzzer (coverage is shown before and after).
minimize() {
	t=$1 bin=$2 min=$out/min/$t
	echo "== $t: minimize (before: $(cov "$bin" "fuzz/corpus/$t"))"
	rm -rf "$min"
	mkdir -p "$min"
	cp "fuzz/corpus/$t"/seed-* "$min"/ 2>/dev/null
	"$bin" -merge=1 -max_len=4096 -timeout=10 "$min" "fuzz/corpus/$t" \
		>"$out/$t-minimize.log" 2>&1 || {
		echo "== $t: minimize failed, see $out/$t-minimize.log"
		return 1
	}
	n=$(ls "$min" | wc -l)
	if [ "$n" -gt "$max_files" ]; then
		ls -S "$min" | grep -v '^seed-' | head -n $((n - max_files)) |
			while read -r f; do rm -f "$min/$f"; done
	fi
	while [ "$(cat "$min"/* | wc -c)" -gt "$max_bytes" ]; do
		f=$(ls -S "$min" | grep -v '^seed-' | head -n 1)
		[ -n "$f" ] || break
		rm -f "$min/$f"
	done
	rm -f "fuzz/corpus/$t"/*
	cp "$min"/* "fuzz/corpus/$t"/
	echo "== $t: minimized to $(ls "fuzz/corpus/$t" | wc -l) files," \
		"$(cat "fuzz/corpus/$t"/* | wc -c) bytes" \
		"(after: $(cov "$bin" "fuzz/corpus/$t"))"
}

mkdir -p "$out/work" "$out/crashes" || exit 1
status=0
for t in $targets; do
	case $t in
	urlencoded | route | template | date | uren | kostenverdeling) ;;
	*)
		echo "run.sh: unknown target '$t'" >&2
		exit 2
		;;
	esac
	bin=$out/fuzz_$t
	echo "== $t: build $bin"
	# shellcheck disable=SC2086
	$cc $cflags -o "$bin" "fuzz/fuzz_$t.c" $srcs $jansson || exit 1

	work=$out/work/$t
	rm -rf "$work"
	mkdir -p "$work"
	dict=
	[ -f "fuzz/$t.dict" ] && dict=-dict=fuzz/$t.dict
	echo "== $t: fuzz for $secs s (log: $out/$t.log)"
	# New inputs go to the first directory; the corpus is only read.
	# shellcheck disable=SC2086
	ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
	UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
		"$bin" -max_total_time="$secs" -max_len=4096 -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$out/crashes/$t-" $dict \
		"$work" "fuzz/corpus/$t" >"$out/$t.log" 2>&1
	rc=$?
	grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$out/$t.log" | tail -1
	if [ $rc -ne 0 ]; then
		status=1
		echo "== $t: FAILED (exit $rc), see $out/$t.log:"
		grep -E 'ERROR|SUMMARY|check failed|Test unit written' \
			"$out/$t.log" | head -10
	fi

	before=$(ls "fuzz/corpus/$t" | wc -l)
	"$bin" -merge=1 -max_len=4096 -timeout=10 "fuzz/corpus/$t" "$work" \
		>"$out/$t-merge.log" 2>&1 || {
		status=1
		echo "== $t: merge failed, see $out/$t-merge.log"
	}
	files=$(ls "fuzz/corpus/$t" | wc -l)
	bytes=$(cat "fuzz/corpus/$t"/* | wc -c)
	echo "== $t: corpus $before -> $files files, $bytes bytes"
	if [ "$files" -gt "$max_files" ] || [ "$bytes" -gt "$max_bytes" ] ||
		[ "${MINIMIZE:-0}" = 1 ]; then
		minimize "$t" "$bin" || status=1
	fi
done
ls "$out/crashes" | grep -q . && {
	echo "== crash inputs in $out/crashes:"
	ls -l "$out/crashes"
}
exit $status

#!/bin/sh
# lint.sh - house rules that the compiler does not check (TAP output):
# every source file is formatted with the project's .clang-format, every
# .c file includes banned.h as its last include, every locked npm
# package runs on Debian 12's Node.js 18, only the drivers call a
# database library, src/ includes only downwards, and every header of
# src/ compiles on its own.
set -u
cd "$1" || exit 1
files=$(git ls-files 'src/*.c' 'src/*.h' 'tests/*.c' 'tests/*.h' 'tools/*.c' 2>/dev/null ||
	find src tests tools -name '*.[ch]')
echo "1..6"
if clang-format --dry-run --Werror $files 2>/tmp/lint.$$; then
	echo "ok 1 - clang-format"
else
	sed 's/^/# /' /tmp/lint.$$ | head -40
	echo "not ok 1 - clang-format (run 'make format')"
fi
rm -f /tmp/lint.$$
bad=""
for f in $(echo "$files" | grep '^src/.*\.c$'); do
	last=$(grep -E '^#include' "$f" | tail -1)
	case "$last" in
	*banned.h*) ;;
	*) bad="$bad $f" ;;
	esac
done
if [ -z "$bad" ]; then
	echo "ok 2 - banned.h included last"
else
	echo "# without banned.h as last include:$bad"
	echo "not ok 2 - banned.h included last"
fi
if python3 scripts/node-engines.py package-lock.json >/tmp/lint.$$ 2>&1; then
	echo "ok 3 - npm packages accept Debian 12's Node.js"
else
	sed 's/^/# /' /tmp/lint.$$
	echo "not ok 3 - npm packages accept Debian 12's Node.js"
fi
rm -f /tmp/lint.$$

# Only the drivers call a database library: SQLite in src/store/db_sqlite.c,
# libpq in src/store/db_pg.c. Everything else (the store, the tests, the
# tools) goes through src/store/db.h.
all=$(git ls-files '*.c' '*.h' 2>/dev/null || find . -name '*.[ch]')
bad=""
for f in $all; do
	case "$f" in
	src/store/db_sqlite.c) grep -qE '\bPQ[a-z]+\(|libpq-fe\.h' "$f" && bad="$bad $f" ;;
	src/store/db_pg.c) grep -qE '\bsqlite3_|sqlite3\.h' "$f" && bad="$bad $f" ;;
	*) grep -qE '\bsqlite3_[a-z_]+|<sqlite3\.h>|\bPQ[a-z]+\(|<libpq-fe\.h>' "$f" && bad="$bad $f" ;;
	esac
done
if [ -z "$bad" ]; then
	echo "ok 4 - only the drivers call sqlite3_* or PQ*"
else
	echo "# database library calls outside the drivers:$bad"
	echo "not ok 4 - only the drivers call sqlite3_* or PQ*"
fi

# The layers: what each directory of src/ may include from the others.
#   core     nothing (pure: no I/O, no clock)
#   sys      core
#   store    core
#   present  core (not the store: it shapes values, it does not fetch)
#   http     core, sys, store, present (not the command line)
#   cli      everything
bad=""
for f in $(echo "$files" | grep '^src/[a-z]*/'); do
	layer=${f#src/}
	layer=${layer%%/*}
	case "$layer" in
	core) allowed="" ;;
	sys | store | present) allowed="core" ;;
	http) allowed="core sys store present" ;;
	*) continue ;;
	esac
	for dep in $(sed -n 's#^\#include "\.\./\([a-z]*\)/.*#\1#p' "$f" | sort -u); do
		case " $allowed " in
		*" $dep "*) ;;
		*) bad="$bad $f->$dep" ;;
		esac
	done
done
if [ -z "$bad" ]; then
	echo "ok 5 - src/ includes only downwards"
else
	echo "# includes against the layers:$bad"
	echo "not ok 5 - src/ includes only downwards"
fi

# Every header of src/ compiles on its own: it includes what it needs, so
# that a caller may include any one of them first (store.h and the store's
# domain headers, say).
bad=""
for f in $(echo "$files" | grep '^src/.*\.h$'); do
	${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
		-Wall -Wextra -Werror -fsyntax-only -x c "$f" 2>>/tmp/lint.$$ ||
		bad="$bad $f"
done
if [ -z "$bad" ]; then
	echo "ok 6 - every header compiles on its own"
else
	sed 's/^/# /' /tmp/lint.$$ | head -40
	echo "# headers that do not compile alone:$bad"
	echo "not ok 6 - every header compiles on its own"
fi
rm -f /tmp/lint.$$

#!/bin/sh
# lint.sh - house rules that the compiler does not check (TAP output):
# every source file is formatted with the project's .clang-format, every
# .c file includes banned.h as its last include, and every locked npm
# package runs on Debian 12's Node.js 18.
set -u
cd "$1" || exit 1
files=$(git ls-files 'src/*.c' 'src/*.h' 'tests/*.c' 'tests/*.h' 'tools/*.c' 2>/dev/null ||
	find src tests tools -name '*.[ch]')
echo "1..3"
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

#!/bin/sh
# lint-openapi.sh - the OpenAPI document passes the official linter of the
# Dutch API Design Rules (Spectral with api/adr-ruleset.yaml) with zero
# errors (TAP output). It must first be JSON that names routes: Spectral
# reports an unreadable document with a warning only, which would pass.
set -u
cd "$1" || exit 1
echo "1..2"
failed=0

# At least this many paths and operations (as tests/http/test_routes.c):
# fewer means the document did not load whole.
if counts=$(node -e '
const fs = require("fs");
const methods = ["get", "put", "post", "delete", "options", "head",
	"patch", "trace"];
let doc;
try {
	doc = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
} catch (e) {
	console.log(e.message);
	process.exit(1);
}
const paths = doc && typeof doc.paths === "object" && doc.paths !== null
	? doc.paths : {};
let ops = 0;
for (const p of Object.keys(paths))
	for (const m of Object.keys(paths[p] || {}))
		if (methods.includes(m))
			ops++;
console.log(Object.keys(paths).length + " paths, " + ops + " operations");
process.exit(Object.keys(paths).length >= 25 && ops >= 35 ? 0 : 1);
' api/openapi.json 2>&1); then
	echo "ok 1 - api/openapi.json names routes: $counts"
else
	echo "$counts" | awk '{ print "# " $0 }'
	echo "not ok 1 - api/openapi.json names routes (at least 25 paths and 35 operations)"
	failed=1
fi

spectral=node_modules/.bin/spectral
out=$(mktemp "${TMPDIR:-/tmp}/spectral.XXXXXX")
if [ ! -x "$spectral" ]; then
	echo "not ok 2 - spectral lint (run 'npm ci' first: $spectral missing)"
	failed=1
elif "$spectral" lint --fail-severity error -r api/adr-ruleset.yaml \
	api/openapi.json >"$out" 2>&1; then
	echo "ok 2 - spectral lint: $(tail -1 "$out")"
else
	awk '{ print "# " $0 }' "$out"
	echo "not ok 2 - spectral lint"
	failed=1
fi
rm -f "$out"
exit $failed

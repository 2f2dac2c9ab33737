#!/bin/sh
# lint-openapi.sh - the OpenAPI document passes the official linter of the
# Dutch API Design Rules (Spectral with api/adr-ruleset.yaml) with zero
# errors (TAP output).
set -u
cd "$1" || exit 1
echo "1..1"
spectral=node_modules/.bin/spectral
if [ ! -x "$spectral" ]; then
	echo "not ok 1 - spectral lint (run 'npm ci' first: $spectral missing)"
	exit 1
fi
if "$spectral" lint --fail-severity error -r api/adr-ruleset.yaml \
	api/openapi.json >/tmp/spectral.$$ 2>&1; then
	echo "ok 1 - spectral lint: $(tail -1 /tmp/spectral.$$)"
	rm -f /tmp/spectral.$$
else
	sed 's/^/# /' /tmp/spectral.$$
	rm -f /tmp/spectral.$$
	echo "not ok 1 - spectral lint"
	exit 1
fi

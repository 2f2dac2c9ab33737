#!/usr/bin/env python3
"""Count the results of meson test runs and print "N passed, N failed".

Usage: test-summary.py LOG.json...

Every TAP case ("ok N" / "not ok N") in a suite's output counts once. A
suite that failed without reporting a failing case (it crashed, timed out
or a sanitizer stopped it) counts as one failure, so the closing line can
never hide a failed run. A suite that was skipped counts as a failure
too: `make check` has everything every suite needs (the PostgreSQL
cluster included), so a skip means a test that proved nothing.
"""
import json
import re
import sys

passed = failed = 0
for path in sys.argv[1:]:
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError:
        print(f"# missing test log {path}", file=sys.stderr)
        failed += 1
        continue
    for line in lines:
        t = json.loads(line)
        out = t.get("stdout") or ""
        ok = len(re.findall(r"^ok \d+", out, re.M))
        bad = len(re.findall(r"^not ok \d+", out, re.M))
        if t.get("result") not in ("OK", "EXPECTEDFAIL") and bad == 0:
            bad = 1
            print(f"# {t.get('name')}: {t.get('result')}", file=sys.stderr)
        passed += ok
        failed += bad
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)

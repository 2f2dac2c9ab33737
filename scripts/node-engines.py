#!/usr/bin/env python3
"""node-engines.py - check that every package in package-lock.json accepts
the Node.js of Debian 12 in its `engines` field, so that `make check` runs
with what Debian provides even on a machine with a newer Node.js.

Usage: node-engines.py package-lock.json [VERSION]   (default 18.20.4)

Prints each package whose range excludes VERSION and exits 1 if any does.
Understands the range syntax found in npm's registry: `||`, `>=`, `>`,
`<=`, `<`, `=`, `^`, `~`, `*`, and versions with `x` or `*` parts; a range
it cannot read counts as excluding VERSION.
"""
import json
import re
import sys

DEBIAN_12_NODE = "18.20.4"


def parse_version(text):
    """Returns the version's parts as a list of up to three ints, with
    None for a wildcard part and the missing parts left off; raises
    ValueError for anything else."""
    text = text.lstrip("v=")
    parts = []
    for p in text.split("."):
        if p in ("x", "X", "*"):
            parts.append(None)
        elif p.isdigit():
            parts.append(int(p))
        else:
            raise ValueError(text)
    if not 1 <= len(parts) <= 3:
        raise ValueError(text)
    return parts


def lowest(parts):
    """The lowest full version a partial version stands for."""
    full = [p if p is not None else 0 for p in parts]
    return tuple(full + [0] * (3 - len(full)))


def concrete(parts):
    """The parts before the first wildcard."""
    return parts[:parts.index(None)] if None in parts else parts


def bumped(parts, i):
    """The version just above every version that starts with parts[:i+1]."""
    return tuple(list(parts[:i]) + [parts[i] + 1] + [0] * (2 - i))


def comparator(v, comp):
    """Whether v satisfies one comparator such as `>=18`, `^16.20` or `4.x`."""
    m = re.fullmatch(r"(>=|<=|>|<|=|\^|~)?(.*)", comp)
    op, parts = m.group(1) or "", parse_version(m.group(2))
    c = concrete(parts)
    if not c:
        return op not in ("<", ">")
    full = len(c) == 3
    if op == ">=":
        return v >= lowest(c)
    if op == ">":
        return v > lowest(c) if full else v >= bumped(c, len(c) - 1)
    if op == "<":
        return v < lowest(c)
    if op == "<=":
        return v <= lowest(c) if full else v < bumped(c, len(c) - 1)
    if op == "^":
        i = next((i for i, p in enumerate(c) if p != 0), len(c) - 1)
        return lowest(c) <= v < bumped(c, i)
    if op == "~":
        return lowest(c) <= v < bumped(c, 1 if len(c) >= 2 else 0)
    return lowest(c) <= v < bumped(c, len(c) - 1) if not full else v == lowest(c)


def satisfies(version, rng):
    """Whether version (a tuple of three ints) is inside the range rng."""
    for alt in rng.split("||"):
        alt = re.sub(r"(>=|<=|>|<|=|\^|~)\s+", r"\1", alt.strip())
        if alt in ("", "*", "x", "latest"):
            return True
        if all(comparator(version, c) for c in alt.split()):
            return True
    return False


def main():
    """Reads the lock file and reports every package that refuses the
    version."""
    if len(sys.argv) not in (2, 3):
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    want = sys.argv[2] if len(sys.argv) == 3 else DEBIAN_12_NODE
    version = lowest(parse_version(want))
    with open(sys.argv[1], encoding="utf-8") as f:
        lock = json.load(f)
    bad = 0
    for name, pkg in sorted(lock.get("packages", {}).items()):
        engines = pkg.get("engines")
        if not isinstance(engines, dict) or "node" not in engines:
            continue
        rng = engines["node"]
        try:
            ok = satisfies(version, rng)
        except ValueError:
            ok = False
        if not ok:
            bad += 1
            print(f"{name or '(root)'} {pkg.get('version', '')}: "
                  f"engines.node \"{rng}\" sluit Node.js {want} uit")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""qmatic.py - the Qmatic calendar surface against a running server (TAP).

Called by qmatic.sh, which loads the data and starts the server:

    qmatic.py AMBT DB BASE KEY OTHER_KEY OLD_KEY RECORDED

(a) Replays every request of the recordings of Open Formulieren's traffic
    (VCR cassettes in RECORDED) and checks that each answer has every key
    the recorded answer has, with the same JSON type (recursively; list
    elements by the recorded elements' shape), and a 2xx where the
    recording had one.
(b) Books one time through the surface and through /api/v1/afspraken at
    once, many rounds: exactly one wins, the other gets its surface's
    error; the winner is read and deleted through the surface.
(c) Bad input: a missing, wrong or replaced key, unknown branches,
    services and appointments, another municipality's, bad dates, times,
    persons and bodies: the status Qmatic's client expects, an
    error_message header, and nothing stored.
"""
import glob
import hashlib
import http.client
import json
import os
import re
import subprocess
import sys
import threading
import urllib.parse

import yaml

AMBT, DB, BASE, KEY, OTHER_KEY, OLD_KEY, RECORDED = sys.argv[1:8]
ROOT = "/qmatic/calendar-backend/public/api/"
HOST = urllib.parse.urlparse(BASE)

n = 0
failed = 0


def ok(name):
    global n
    n += 1
    print(f"ok {n} - {name}")


def not_ok(name, *lines):
    global n, failed
    n += 1
    failed += 1
    print(f"not ok {n} - {name}")
    for line in lines:
        for part in str(line).splitlines()[:20]:
            print(f"# {part}")


def check(name, cond, *lines):
    if cond:
        ok(name)
    else:
        not_ok(name, *lines)


def request(method, path, body=None, key=KEY, headers=None):
    """(status, headers, parsed JSON or None, raw body) of one request."""
    c = http.client.HTTPConnection(HOST.hostname, HOST.port, timeout=60)
    h = {"Content-Type": "application/json"}
    if key is not None:
        h["X-Api-Key"] = key
    h.update(headers or {})
    if isinstance(body, (dict, list)):
        body = json.dumps(body)
    c.request(method, path, body=body, headers=h)
    r = c.getresponse()
    raw = r.read()
    hdrs = {k.lower(): v for k, v in r.getheaders()}
    c.close()
    try:
        data = json.loads(raw) if raw else None
    except ValueError:
        data = None
    return r.status, hdrs, data, raw


def qm(method, rel, body=None, key=KEY):
    return request(method, ROOT + rel, body, key)


def inhoud():
    """A fingerprint of what the database holds, the audit trail and the
    count of refusals per network left out (a refusal is audited, and
    should be)."""
    out = subprocess.run(
        [AMBT, "inhoud", "--db", DB, "--zonder", "audit,inlogpoging",
         "--format", "csv"],
        check=True, capture_output=True).stdout
    return hashlib.sha256(out).hexdigest()


# ---- (a) the recordings ----

def jtype(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "integer"
    if isinstance(v, float):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    return "object"


# The types each key of an object has in the recordings, per kind of
# object (its set of keys): a branch's latitude is a number in one and
# null in another, so either is that key's type.
KINDS = {}


def collect(v):
    if isinstance(v, dict):
        kind = KINDS.setdefault(frozenset(v), {})
        for k, x in v.items():
            kind.setdefault(k, set()).add(jtype(x))
            collect(x)
    elif isinstance(v, list):
        for x in v:
            collect(x)


def shape_problems(rec, ours, path="$"):
    """Where `ours` lacks a key of `rec` or has it with another type."""
    if isinstance(rec, dict):
        if not isinstance(ours, dict):
            return [f"{path}: {jtype(ours)}, recorded an object"]
        kind = KINDS.get(frozenset(rec), {})
        out = []
        for k, x in rec.items():
            p = f"{path}.{k}"
            if k not in ours:
                out.append(f"{p}: missing")
                continue
            allowed = kind.get(k, {jtype(x)})
            if jtype(ours[k]) not in allowed:
                out.append(f"{p}: {jtype(ours[k])}, recorded "
                           f"{'/'.join(sorted(allowed))}")
                continue
            if isinstance(x, (dict, list)) and isinstance(ours[k],
                                                          (dict, list)):
                out += shape_problems(x, ours[k], p)
        return out
    if isinstance(rec, list):
        if not isinstance(ours, list):
            return [f"{path}: {jtype(ours)}, recorded an array"]
        if not rec:
            return []  # nothing recorded to compare elements with
        if not ours:
            return [f"{path}: empty, recorded {len(rec)} elements"]
        out = []
        for i, x in enumerate(ours):
            out += shape_problems(rec[0], x, f"{path}[{i}]")
        return out
    if jtype(rec) != jtype(ours):
        return [f"{path}: {jtype(ours)}, recorded {jtype(rec)}"]
    return []


cassettes = sorted(glob.glob(os.path.join(RECORDED, "*", "*.yaml")))
loaded = []
for f in cassettes:
    with open(f, encoding="utf-8") as fh:
        loaded.append((f, yaml.safe_load(fh)["interactions"]))
for _, its in loaded:
    for it in its:
        b = it["response"]["body"]["string"]
        if b:
            collect(json.loads(b))

# The recorded server's branch ids, by name; ours by the same name.
recorded_branch = {}
for _, its in loaded:
    for it in its:
        b = it["response"]["body"]["string"]
        if it["request"]["uri"].endswith("/v1/branches") and b:
            for br in json.loads(b)["branchList"]:
                recorded_branch[br["publicId"]] = br["name"]
st, _, data, _ = qm("GET", "v1/branches")
our_branch = {b["name"]: b["publicId"] for b in (data or {}).get(
    "branchList", [])}
check("the replay's branches KCC and WIJZ exist",
      st == 200 and "KCC" in our_branch and "WIJZ" in our_branch,
      f"status {st}", str(our_branch))

total = 0
for f, its in loaded:
    name = os.path.relpath(f, RECORDED)
    appointments = {}  # recorded publicId -> ours
    problems = []
    for i, it in enumerate(its):
        rq, rs = it["request"], it["response"]
        rel = rq["uri"].split(ROOT, 1)[1]
        for rid, bname in recorded_branch.items():
            if rid in rel:
                rel = rel.replace(rid, our_branch.get(bname, bname))
        for rid, ours in appointments.items():
            rel = rel.replace(rid, ours)
        st, _, data, raw = qm(rq["method"], rel, rq.get("body"))
        total += 1
        rec_status = rs["status"]["code"]
        what = f"#{i} {rq['method']} {rel}"
        if 200 <= rec_status < 300 and not 200 <= st < 300:
            problems.append(f"{what}: status {st}, recorded {rec_status}: "
                            f"{raw[:200]!r}")
            continue
        body = rs["body"]["string"]
        if body:
            rec = json.loads(body)
            problems += [f"{what}: {p}" for p in shape_problems(rec, data)]
            if rq["method"] == "POST" and isinstance(data, dict):
                appointments[rec["publicId"]] = data.get("publicId", "")
    check(f"replay {name} ({len(its)} requests)", not problems, *problems)
check("every recorded request was replayed", total == sum(
    len(its) for _, its in loaded) and total > 0, f"{total} replayed")

# ---- (b) the surface and our own API race for one time ----

DAY, TIME = "2023-10-24", "09:00"
START = f"{DAY}T{TIME}:00+02:00"
ROUNDS = 40
wins = {"qmatic": 0, "api": 0}
race_problems = []
for r in range(ROUNDS):
    barrier = threading.Barrier(2)
    res = {}

    def via_qmatic():
        barrier.wait()
        res["qmatic"] = qm("POST", f"v2/branches/wijz/dates/{DAY}/times/"
                           f"{TIME}/book", {
                               "title": "Open Formulieren: Erkennen kind",
                               "customers": [{
                                   "firstName": "Ronde", "lastName": str(r),
                                   "email": f"q{r}@example.nl"}],
                               "services": [{"publicId": "Erkennen_kind"}],
                               "notes": ""})

    def via_api():
        barrier.wait()
        res["api"] = request("POST", "/api/v1/afspraken", {
            "gemeente": "GM0358", "product": "erkennen_kind",
            "vestiging": "wijz", "start": START, "naam": f"Api {r}",
            "email": f"a{r}@example.nl"}, key=None)

    ts = [threading.Thread(target=via_qmatic), threading.Thread(target=via_api)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    q, a = res["qmatic"], res["api"]
    won = [k for k, v in (("qmatic", q), ("api", a)) if 200 <= v[0] < 300]
    if len(won) != 1:
        race_problems.append(f"round {r}: qmatic {q[0]}, api {a[0]}")
        break
    loser = "api" if won[0] == "qmatic" else "qmatic"
    lst, lh, ldata, lraw = res[loser]
    if loser == "qmatic" and (lst != 409 or "error_message" not in lh):
        race_problems.append(f"round {r}: the surface lost with {lst} "
                             f"{lh.get('error_message')!r}")
    if loser == "api" and (lst != 409 or lh.get("content-type") !=
                           "application/problem+json"):
        race_problems.append(f"round {r}: the API lost with {lst} {lraw!r}")
    wins[won[0]] += 1
    ref = (q[2] or {}).get("publicId") if won[0] == "qmatic" else \
        (a[2] or {}).get("referentie")
    gst, _, g, _ = qm("GET", f"v1/appointments/{ref}")
    appt = (g or {}).get("appointment", {})
    if gst != 200 or appt.get("start") != START or \
            appt.get("branch", {}).get("publicId") != "wijz":
        race_problems.append(f"round {r}: read {gst} {appt.get('start')}")
    dst, _, _, _ = qm("DELETE", f"v1/appointments/{ref}")
    gst2, _, _, _ = qm("GET", f"v1/appointments/{ref}")
    if dst != 204 or gst2 != 404:
        race_problems.append(f"round {r}: delete {dst}, read after {gst2}")
check(f"{ROUNDS} rounds of the same time booked through the surface and "
      f"/api/v1/afspraken at once: exactly one wins each, read and deleted "
      f"through the surface (surface {wins['qmatic']}, API {wins['api']})",
      not race_problems, *race_problems)

# ---- (c) bad input changes nothing ----

BOOK = {"title": "t", "customers": [{"lastName": "Jansen",
                                     "email": "jansen@example.nl"}],
        "services": [{"publicId": "Erkennen_kind"}], "notes": ""}
st, _, booked, raw = qm("POST", f"v2/branches/wijz/dates/{DAY}/times/10:00/"
                        "book", BOOK)
REF = (booked or {}).get("publicId", "")
check("a booking to try the refusals on", st == 202 and REF, st, raw[:300])

bad = [
    ("no key", "GET", "v1/branches", None, None, 401),
    ("an empty key", "GET", "v1/branches", None, "", 401),
    ("a wrong key", "GET", "v1/services", None, "0" * 64, 401),
    ("a replaced key", "GET", "v1/branches", None, OLD_KEY, 401),
    ("a booking with no key", "POST", f"v2/branches/wijz/dates/{DAY}/times/"
     "11:00/book", BOOK, None, 401),
    ("a cancellation with a wrong key", "DELETE", f"v1/appointments/{REF}",
     None, "x", 401),
    ("an unknown branch", "GET", "v1/branches/nergens", None, KEY, 404),
    ("another municipality's branch", "GET",
     "v1/branches/amstelveen-raadhuis/services", None, KEY, 404),
    ("dates at an unknown branch", "GET",
     "v2/branches/nergens/dates;servicePublicId=Erkennen_kind", None, KEY,
     404),
    ("dates of an unknown service", "GET",
     "v2/branches/kcc/dates;servicePublicId=Onbekend", None, KEY, 404),
    ("branches of an unknown service", "GET", "v1/services/Onbekend/branches",
     None, KEY, 404),
    ("dates without a service", "GET", "v2/branches/kcc/dates", None, KEY,
     400),
    ("persons that are no number", "GET",
     "v2/branches/kcc/dates;servicePublicId=Erkennen_kind;"
     "numberOfCustomers=twee", None, KEY, 400),
    ("an unknown matrix parameter", "GET",
     "v2/branches/kcc/dates;servicePublicId=Erkennen_kind;branch=x", None,
     KEY, 400),
    ("times on 30 February", "GET",
     "v2/branches/kcc/dates/2023-02-30/times;servicePublicId=Erkennen_kind",
     None, KEY, 400),
    ("times on a date that is no date", "GET",
     "v2/branches/kcc/dates/24-10-2023/times;servicePublicId=Erkennen_kind",
     None, KEY, 400),
    ("a booking on a bad date", "POST",
     "v2/branches/wijz/dates/2023-13-01/times/09:00/book", BOOK, KEY, 400),
    ("a booking at 25:00", "POST",
     f"v2/branches/wijz/dates/{DAY}/times/25:00/book", BOOK, KEY, 400),
    ("a booking at 9:00 (one digit)", "POST",
     f"v2/branches/wijz/dates/{DAY}/times/9:00/book", BOOK, KEY, 400),
    ("a booking before opening time", "POST",
     f"v2/branches/wijz/dates/{DAY}/times/07:00/book", BOOK, KEY, 400),
    ("a booking at an unknown branch", "POST",
     f"v2/branches/nergens/dates/{DAY}/times/11:00/book", BOOK, KEY, 404),
    ("a booking of an unknown service", "POST",
     f"v2/branches/wijz/dates/{DAY}/times/11:00/book",
     dict(BOOK, services=[{"publicId": "Onbekend"}]), KEY, 404),
    ("a booking of a service nobody at that branch can serve", "POST",
     f"v2/branches/wijz/dates/{DAY}/times/11:00/book",
     dict(BOOK, services=[{"publicId": "Identiteitskaart"}]), KEY, 400),
    ("a video desk (no branch of the surface)", "GET",
     "v1/branches/aalsmeer-video", None, KEY, 404),
    ("a booking without customers", "POST",
     f"v2/branches/wijz/dates/{DAY}/times/11:00/book",
     dict(BOOK, customers=[]), KEY, 400),
    ("a booking with a bad e-mail address", "POST",
     f"v2/branches/wijz/dates/{DAY}/times/11:00/book",
     dict(BOOK, customers=[{"lastName": "J", "email": "geen adres"}]), KEY,
     400),
    ("a booking without a name", "POST",
     f"v2/branches/wijz/dates/{DAY}/times/11:00/book",
     dict(BOOK, customers=[{"email": "j@example.nl"}]), KEY, 400),
    ("a booking without e-mail or phone", "POST",
     f"v2/branches/wijz/dates/{DAY}/times/11:00/book",
     dict(BOOK, customers=[{"lastName": "J"}]), KEY, 400),
    ("a booking that is no JSON", "POST",
     f"v2/branches/wijz/dates/{DAY}/times/11:00/book", "{niet", KEY, 400),
    ("a booking of a time taken", "POST",
     f"v2/branches/wijz/dates/{DAY}/times/10:00/book", BOOK, KEY, 409),
    ("an unknown appointment", "GET", "v1/appointments/ABCDEFGH", None, KEY,
     404),
    ("an appointment id of the wrong form", "DELETE",
     "v1/appointments/" + "f" * 64, None, KEY, 404),
    ("another municipality's appointment, read", "GET",
     f"v1/appointments/{REF}", None, OTHER_KEY, 404),
    ("another municipality's appointment, deleted", "DELETE",
     f"v1/appointments/{REF}", None, OTHER_KEY, 404),
    ("another municipality's branch with its key", "GET",
     "v1/branches/kcc", None, OTHER_KEY, 404),
]
for name, method, rel, body, key, want in bad:
    before = inhoud()
    st, h, _, raw = qm(method, rel, body, key)
    after = inhoud()
    check(f"{name}: {want} with an error_message, nothing stored",
          st == want and h.get("error_message") and before == after,
          f"{method} {rel}: status {st}, error_message "
          f"{h.get('error_message')!r}, stored {'nothing' if before == after else 'something'}",
          raw[:200])

st, _, data, _ = qm("GET", "v1/branches", key=OTHER_KEY)
codes = sorted(b["publicId"] for b in (data or {}).get("branchList", []))
check("another municipality's key sees only its own branches (at a desk)",
      st == 200 and codes == ["amstelveen-raadhuis"],
      st, codes)
st, _, data, _ = qm("GET", f"v1/appointments/{REF}")
check("the appointment is still there after the refusals",
      st == 200 and data["appointment"]["publicId"] == REF, st)

# Only name, e-mail and phone are kept: never the BSN or the address.
st, _, data, raw = qm("POST", f"v2/branches/wijz/dates/{DAY}/times/11:00/book",
                      dict(BOOK, customers=[{
                          "firstName": "Anna", "lastName": "de Vries",
                          "email": "anna@example.nl", "phone": "0612345678",
                          "identificationNumber": "999993653",
                          "addressLine1": "Geheimstraat 12",
                          "addressZip": "9999 ZZ", "dateOfBirth": "1980-01-01"
                      }], notes="Notitie met 999993653"))
dump = subprocess.run(
    ["pg_dump", "--data-only", DB] if DB.startswith("postgres")
    else ["sqlite3", DB, ".dump"],
    check=True, capture_output=True).stdout.decode(errors="replace")
full = subprocess.run([AMBT, "afspraak", "toon", (data or {}).get(
    "publicId", "-"), "--db", DB], capture_output=True).stdout.decode()
check("a booking keeps name, e-mail and phone, never BSN or address",
      st == 202 and "Anna de Vries" in full and "0612345678" in full and
      "999993653" not in dump and "Geheimstraat" not in dump and
      "9999 ZZ" not in dump and
      data["customers"][0]["identificationNumber"] is None,
      st, raw[:300], full[:300])

print(f"1..{n}")
sys.exit(1 if failed else 0)

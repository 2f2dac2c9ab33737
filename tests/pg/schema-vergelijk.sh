#!/bin/sh
# schema-vergelijk.sh - do the PostgreSQL migrations make the same database
# as the SQLite ones? Run by make check (test schema-pg), or by hand:
#
#   sh tests/pg/schema-vergelijk.sh
#
# (from any directory: it finds the repository from its own path).
#
# Needs the sqlite3 shell, python3, psql and PostgreSQL's server binaries
# (Debian: sqlite3, python3, postgresql); as root the throw-away cluster
# runs as the postgres user (see cluster.sh). Prints what differs and exits
# non-zero on any difference; prints "ok" and exits 0 when there is none.
#
# For every schema version N from 1 to the last it
#  1. builds a SQLite database at version N by applying migrations/sqlite
#     N to a copy of version N-1 (in the sqlite3 shell, foreign keys off,
#     one transaction, then foreign_key_check, as the store does) and a
#     PostgreSQL database by applying migrations/postgres N to a copy
#     (CREATE DATABASE ... TEMPLATE) of version N-1 (psql, ON_ERROR_STOP,
#     in one transaction);
#  2. compares per table: the columns in order, their types (TEXT is
#     text COLLATE "C"; INTEGER is integer or bigint, and a foreign key
#     has the type of the column it points at), nullability, defaults,
#     the primary key, unique constraints and indexes (columns and partial
#     conditions), other indexes by name, foreign keys, the number of
#     CHECK constraints, and triggers (name, timing, event, condition);
#  3. runs the same statements on both engines and demands the same
#     outcome: the audit trail refuses UPDATE and DELETE, an adopted
#     kostenverdeling can be neither updated nor deleted (with SQLite's
#     messages, exactly), two current hours batches of one cooperation
#     cannot share a hash, a decision's identificatie repeats across
#     organisations only from version 12, a few CHECKs; and on
#     PostgreSQL alone that TRUNCATE is refused where SQLite would have
#     no way to empty the table either;
#  4. fills a database at version N-1 on both engines with the same rows,
#     applies migration N to both and compares every table's rows, and
#     that each identity continues after the highest id;
# and finally applies all PostgreSQL migrations in a single transaction
# and compares that database with the last SQLite one.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
for tool in sqlite3 psql python3; do
	command -v "$tool" >/dev/null 2>&1 || { echo "schema-vergelijk: $tool is missing" >&2; exit 2; }
done

cluster=$(mktemp -d /tmp/schema-vergelijk-pg.XXXXXX)
work=$(mktemp -d /tmp/schema-vergelijk.XXXXXX)
# shellcheck disable=SC2317 # called by the trap
cleanup() {
	sh "$here/cluster.sh" stop "$cluster" || true
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

url=$(sh "$here/cluster.sh" start "$cluster")

set +e
python3 - "$root" "$url" "$work" <<'PY'
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys

ROOT, URL, WORK = sys.argv[1:4]
SQLITE_DIR = os.path.join(ROOT, "src/store/migrations/sqlite")
PG_DIR = os.path.join(ROOT, "src/store/migrations/postgres")

# Triggers PostgreSQL has and SQLite does not: TRUNCATE, which row
# triggers do not see, refused on the tables whose rows may not go.
PG_ONLY_TRIGGERS = {
    ("audit", "audit_niet_leegmaken"): ("BEFORE", "TRUNCATE", "STATEMENT", ""),
    ("kostenverdeling", "kostenverdeling_niet_leegmaken"):
        ("BEFORE", "TRUNCATE", "STATEMENT", ""),
}

AUDIT_MSG = "het auditspoor kan alleen worden aangevuld"
KV_MSG = "kostenverdeling vastgesteld"

verschillen = []


def verschil(msg):
    verschillen.append(msg)
    print("DIFF " + msg)


def migrations(d):
    out = {}
    for f in sorted(os.listdir(d)):
        m = re.match(r"^(\d{4})_(.+)\.sql$", f)
        if m:
            out[int(m.group(1))] = f
    return out


SQ = migrations(SQLITE_DIR)
PGM = migrations(PG_DIR)
if sorted(SQ) != list(range(1, len(SQ) + 1)):
    sys.exit("the SQLite migrations are not numbered 1..n: %s" % sorted(SQ))
for n, f in SQ.items():
    if PGM.get(n) != f:
        verschil("migration %04d: sqlite has %s, postgres has %s"
                 % (n, f, PGM.get(n)))
for n, f in PGM.items():
    if n not in SQ:
        verschil("migration %04d: %s only in postgres" % (n, f))
LAATSTE = max(SQ)


# ---- building the databases ----

def sqlite_maak(pad, tot, van=1):
    """Applies SQLite migrations van..tot to the database at pad with the
    sqlite3 shell, as the store does: foreign keys off, one transaction,
    then every foreign key checked."""
    script = "PRAGMA foreign_keys = OFF;\nBEGIN;\n"
    for n in range(van, tot + 1):
        with open(os.path.join(SQLITE_DIR, SQ[n]), encoding="utf-8") as f:
            script += f.read() + "\n"
    script += "COMMIT;\nPRAGMA foreign_key_check;\n"
    r = subprocess.run(["sqlite3", "-bail", pad], input=script,
                       capture_output=True, text=True)
    if r.returncode != 0 or r.stdout.strip():
        sys.exit("sqlite migrations %d..%d: %s%s" % (van, tot, r.stderr,
                                                     r.stdout))


def pg_url(db):
    return URL.rsplit("/", 1)[0] + "/" + db


def psql(db, script):
    return subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d",
                           pg_url(db)], input=script, capture_output=True,
                          text=True)


def pg_nieuw(db, sjabloon=None):
    """A new database; with sjabloon, a copy of that (clean) database."""
    r = psql("ambt", "DROP DATABASE IF EXISTS %s;\nCREATE DATABASE %s%s;\n"
             % (db, db, " TEMPLATE " + sjabloon if sjabloon else ""))
    if r.returncode != 0:
        sys.exit("create database %s: %s" % (db, r.stderr))


def pg_maak(db, tot, van=1):
    """Applies PostgreSQL migrations van..tot with psql, each file in one
    transaction, stopping at the first error."""
    for n in range(van, tot + 1):
        if n not in PGM:
            sys.exit("no postgres migration %04d" % n)
        r = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                            "-1", "-d", pg_url(db), "-f",
                            os.path.join(PG_DIR, PGM[n])],
                           capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit("postgres migration %s: %s" % (PGM[n], r.stderr))


def pg_json(db, sql):
    """The value of a query that returns one JSON value."""
    r = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v",
                        "ON_ERROR_STOP=1", "-d", pg_url(db), "-c", sql],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("postgres query failed: %s\n%s" % (sql, r.stderr))
    return json.loads(r.stdout)


# ---- reading a schema ----

def woorden(expr):
    """A condition in words: case, parentheses and spacing left out."""
    if expr is None:
        return ""
    return " ".join(re.sub(r"[()]", " ", expr).lower().split())


def dflt(v):
    if v is None:
        return None
    v = re.sub(r"::(text|integer|bigint)$", "", v.strip())
    while v.startswith("(") and v.endswith(")"):
        v = v[1:-1]
    return v


def sqlite_schema(pad):
    con = sqlite3.connect(pad)
    tabellen = {}
    namen = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
        "LIKE 'sqlite_%' AND name <> 'schema_version' ORDER BY name")]
    for t in namen:
        sql = con.execute("SELECT sql FROM sqlite_master WHERE type = "
                          "'table' AND name = ?", (t,)).fetchone()[0]
        info = con.execute("PRAGMA table_info(%s)" % t).fetchall()
        kolommen = []
        pk = sorted((r[5], r[1]) for r in info if r[5] > 0)
        pknamen = [c for _, c in pk]
        for cid, naam, typ, notnull, d, pkpos in info:
            # A primary key column is never null in PostgreSQL; in SQLite
            # it is for INTEGER PRIMARY KEY and WITHOUT ROWID tables, and
            # for other rowid tables only by its NOT NULL (see the report).
            kolommen.append({"naam": naam, "type": typ.upper(),
                             "notnull": bool(notnull) or pkpos > 0,
                             "default": dflt(d)})
        uniek, indexen = set(), set()
        for seq, inaam, unique, origin, partial in con.execute(
                "PRAGMA index_list(%s)" % t).fetchall():
            if origin == "pk":
                continue
            cols = tuple("<expression>" if r[2] is None else r[2]
                         for r in sorted(con.execute(
                             "PRAGMA index_info(%s)" % inaam).fetchall()))
            waar = ""
            if partial:
                isql = con.execute("SELECT sql FROM sqlite_master WHERE "
                                   "type = 'index' AND name = ?",
                                   (inaam,)).fetchone()[0]
                waar = woorden(re.split(r"\bWHERE\b", isql,
                                        flags=re.I)[1])
            if unique:
                uniek.add((origin, inaam if origin == "c" else "",
                           cols, waar))
            else:
                indexen.add((inaam, cols, waar))
        fks = set()
        for r in con.execute("PRAGMA foreign_key_list(%s)" % t).fetchall():
            fks.add((r[3], r[2], r[4]))
        checks = len(re.findall(r"\bCHECK\s*\(", sql, flags=re.I))
        triggers = {}
        for naam, tsql in con.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name = ?", (t,)).fetchall():
            m = re.match(r"\s*CREATE\s+TRIGGER\s+\S+\s+(BEFORE|AFTER|"
                         r"INSTEAD\s+OF)\s+(INSERT|UPDATE|DELETE)\b.*?\bON\s+"
                         r"\S+\s*(?:FOR\s+EACH\s+ROW\s*)?(?:WHEN\s+(.*?))?"
                         r"\s*BEGIN\b", tsql, flags=re.I | re.S)
            if not m:
                verschil("sqlite trigger %s: cannot read %r" % (naam, tsql))
                continue
            triggers[naam] = (m.group(1).upper(), m.group(2).upper(), "ROW",
                              woorden(m.group(3)))
        tabellen[t] = {"kolommen": kolommen, "pk": pknamen, "uniek": uniek,
                       "indexen": indexen, "fks": fks, "checks": checks,
                       "triggers": triggers}
    con.close()
    return tabellen


PG_SCHEMA_SQL = r"""
SELECT json_object_agg(t.relname, json_build_object(
  'kolommen', (SELECT json_agg(json_build_object(
      'naam', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
      'collatie', CASE WHEN a.attcollation = 0 THEN NULL
                       ELSE (SELECT collname FROM pg_collation
                             WHERE oid = a.attcollation) END,
      'notnull', a.attnotnull,
      'identity', a.attidentity,
      'default', pg_get_expr(d.adbin, d.adrelid)) ORDER BY a.attnum)
    FROM pg_attribute a
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped),
  'pk', (SELECT json_agg(a.attname ORDER BY k.i)
    FROM pg_constraint c, unnest(c.conkey) WITH ORDINALITY AS k(n, i),
         pg_attribute a
    WHERE c.conrelid = t.oid AND c.contype = 'p'
      AND a.attrelid = t.oid AND a.attnum = k.n),
  'indexen', (SELECT json_agg(json_build_object(
      'naam', ic.relname, 'uniek', x.indisunique,
      'constraint', EXISTS (SELECT 1 FROM pg_constraint c
                            WHERE c.conindid = x.indexrelid
                              AND c.contype = 'u'),
      'kolommen', (SELECT json_agg(coalesce(a.attname, '<expression>')
                                   ORDER BY k.i)
                   FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(n, i)
                   LEFT JOIN pg_attribute a
                     ON a.attrelid = t.oid AND a.attnum = k.n),
      'waar', pg_get_expr(x.indpred, x.indrelid)))
    FROM pg_index x JOIN pg_class ic ON ic.oid = x.indexrelid
    WHERE x.indrelid = t.oid AND NOT x.indisprimary),
  'fks', (SELECT json_agg(json_build_array(a.attname, rt.relname, ra.attname))
    FROM pg_constraint c
    JOIN pg_class rt ON rt.oid = c.confrelid
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    JOIN pg_attribute ra ON ra.attrelid = c.confrelid
                        AND ra.attnum = c.confkey[1]
    WHERE c.conrelid = t.oid AND c.contype = 'f'),
  'fk_breed', (SELECT count(*) FROM pg_constraint c
    WHERE c.conrelid = t.oid AND c.contype = 'f'
      AND cardinality(c.conkey) <> 1),
  'fk_typen', (SELECT json_agg(json_build_array(a.attname,
      format_type(a.atttypid, a.atttypmod), rt.relname, ra.attname,
      format_type(ra.atttypid, ra.atttypmod)))
    FROM pg_constraint c
    JOIN pg_class rt ON rt.oid = c.confrelid
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    JOIN pg_attribute ra ON ra.attrelid = c.confrelid
                        AND ra.attnum = c.confkey[1]
    WHERE c.conrelid = t.oid AND c.contype = 'f'),
  'checks', (SELECT count(*) FROM pg_constraint c
    WHERE c.conrelid = t.oid AND c.contype = 'c'),
  'namen', (SELECT json_agg(naam) FROM (
      SELECT conname AS naam FROM pg_constraint WHERE conrelid = t.oid
      UNION ALL SELECT ic.relname FROM pg_index x
        JOIN pg_class ic ON ic.oid = x.indexrelid WHERE x.indrelid = t.oid
      UNION ALL SELECT pg_get_serial_sequence(t.relname, a.attname)
        FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attidentity <> ''
    ) n),
  'triggers', (SELECT json_agg(json_build_object(
      'naam', g.tgname, 'type', g.tgtype,
      'definitie', pg_get_triggerdef(g.oid)))
    FROM pg_trigger g WHERE g.tgrelid = t.oid AND NOT g.tgisinternal)))
FROM pg_class t JOIN pg_namespace ns ON ns.oid = t.relnamespace
WHERE ns.nspname = 'public' AND t.relkind IN ('r', 'p')
  AND t.relname <> 'schema_version'
"""


def pg_trigger(tgtype, definitie):
    rij = "ROW" if tgtype & 1 else "STATEMENT"
    wanneer = ("INSTEAD OF" if tgtype & 64 else
               "BEFORE" if tgtype & 2 else "AFTER")
    events = [e for bit, e in ((4, "INSERT"), (8, "DELETE"), (16, "UPDATE"),
                               (32, "TRUNCATE")) if tgtype & bit]
    m = re.search(r"\bWHEN\s+(.*)\s+EXECUTE\s+FUNCTION\b", definitie)
    return (wanneer, " OR ".join(events), rij, woorden(m.group(1) if m else
                                                      None))


def pg_schema(db):
    ruw = pg_json(db, PG_SCHEMA_SQL) or {}
    tabellen = {}
    for t, r in ruw.items():
        kolommen = []
        for k in r["kolommen"]:
            kolommen.append({"naam": k["naam"], "type": k["type"],
                             "collatie": k["collatie"],
                             "notnull": k["notnull"],
                             "identity": k["identity"],
                             "default": dflt(k["default"])})
        uniek, indexen = set(), set()
        for x in r["indexen"] or []:
            cols = tuple(x["kolommen"])
            waar = woorden(x["waar"])
            if x["uniek"]:
                origin = "u" if x["constraint"] else "c"
                uniek.add((origin, x["naam"] if origin == "c" else "", cols,
                           waar))
            else:
                indexen.add((x["naam"], cols, waar))
        triggers = {g["naam"]: pg_trigger(g["type"], g["definitie"])
                    for g in r["triggers"] or []}
        tabellen[t] = {"kolommen": kolommen, "pk": r["pk"] or [],
                       "uniek": uniek, "indexen": indexen,
                       "fks": {tuple(f) for f in r["fks"] or []},
                       "fk_breed": r["fk_breed"],
                       "fk_typen": r["fk_typen"] or [],
                       "checks": r["checks"], "triggers": triggers,
                       "namen": r["namen"] or []}
    return tabellen


def vergelijk_schema(n, s, p):
    for t in sorted(set(s) - set(p)):
        verschil("v%d: table %s only in sqlite" % (n, t))
    for t in sorted(set(p) - set(s)):
        verschil("v%d: table %s only in postgres" % (n, t))
    for t in sorted(set(s) & set(p)):
        a, b = s[t], p[t]
        w = "v%d %s: " % (n, t)
        an = [k["naam"] for k in a["kolommen"]]
        bn = [k["naam"] for k in b["kolommen"]]
        if an != bn:
            verschil(w + "columns sqlite %s, postgres %s" % (an, bn))
        bk = {k["naam"]: k for k in b["kolommen"]}
        for k in a["kolommen"]:
            q = bk.get(k["naam"])
            if not q:
                continue
            c = w + "column %s: " % k["naam"]
            if k["notnull"] != q["notnull"]:
                verschil(c + "not null sqlite %s, postgres %s"
                         % (k["notnull"], q["notnull"]))
            if k["default"] != q["default"]:
                verschil(c + "default sqlite %s, postgres %s"
                         % (k["default"], q["default"]))
            if k["type"] == "TEXT":
                if q["type"] != "text" or q["collatie"] != "C":
                    verschil(c + "TEXT in sqlite, %s collate %s in postgres"
                             % (q["type"], q["collatie"]))
            elif k["type"] == "INTEGER":
                if q["type"] not in ("integer", "bigint"):
                    verschil(c + "INTEGER in sqlite, %s in postgres"
                             % q["type"])
                if ((k["naam"] == "id" or k["naam"].endswith("_id"))
                        and q["type"] != "bigint"):
                    verschil(c + "an id, yet %s in postgres" % q["type"])
            else:
                verschil(c + "type %s in sqlite has no rule" % k["type"])
            # INTEGER PRIMARY KEY: an identity (by default) in postgres.
            rowid = (k["type"] == "INTEGER" and a["pk"] == [k["naam"]]
                     and k["naam"] == "id")
            if rowid and q["identity"] != "d":
                verschil(c + "INTEGER PRIMARY KEY id, not GENERATED BY "
                         "DEFAULT AS IDENTITY in postgres")
            if not rowid and q["identity"]:
                verschil(c + "an identity in postgres only")
        if a["pk"] != b["pk"]:
            verschil(w + "primary key sqlite %s, postgres %s"
                     % (a["pk"], b["pk"]))
        if a["uniek"] != b["uniek"]:
            verschil(w + "unique sqlite %s, postgres %s"
                     % (sorted(a["uniek"] - b["uniek"]),
                        sorted(b["uniek"] - a["uniek"])))
        if a["indexen"] != b["indexen"]:
            verschil(w + "indexes sqlite %s, postgres %s"
                     % (sorted(a["indexen"] - b["indexen"]),
                        sorted(b["indexen"] - a["indexen"])))
        if a["fks"] != b["fks"]:
            verschil(w + "foreign keys sqlite %s, postgres %s"
                     % (sorted(a["fks"] - b["fks"]),
                        sorted(b["fks"] - a["fks"])))
        if b["fk_breed"]:
            verschil(w + "a foreign key of several columns (not compared)")
        for kol, typ, rt, rk, rtyp in b["fk_typen"]:
            if typ != rtyp:
                verschil(w + "%s is %s but points at %s.%s, %s"
                         % (kol, typ, rt, rk, rtyp))
        # Names as a fresh CREATE TABLE gives them: nothing left of a
        # rebuild, no name PostgreSQL numbered to avoid one in use.
        for naam in b["namen"]:
            kort = naam.split(".")[-1]
            if (re.search(r"_(oud|nieuw)", kort)
                    or re.search(r"_(pkey|key|fkey|seq)\d+$", kort)):
                verschil(w + "constraint, index or sequence named %s" % naam)
        if a["checks"] != b["checks"]:
            verschil(w + "CHECK constraints sqlite %d, postgres %d"
                     % (a["checks"], b["checks"]))
        bt = dict(b["triggers"])
        for (tt, naam), vorm in PG_ONLY_TRIGGERS.items():
            if tt == t:
                if bt.pop(naam, None) != vorm:
                    verschil(w + "trigger %s missing or not %s in postgres"
                             % (naam, vorm))
        if a["triggers"] != bt:
            verschil(w + "triggers sqlite %s, postgres %s"
                     % (a["triggers"], bt))
    # The same integer quantity has one type in every table.
    typen = {}
    for t in p:
        sqlite_typ = {k["naam"]: k["type"] for k in s.get(t, {}).get(
            "kolommen", [])}
        for k in p[t]["kolommen"]:
            if sqlite_typ.get(k["naam"]) == "INTEGER":
                typen.setdefault(k["naam"], {}).setdefault(
                    k["type"], []).append(t)
    for kol, per in sorted(typen.items()):
        if len(per) > 1:
            verschil("v%d: column %s has several types: %s" % (n, kol, per))


# ---- running statements on both engines ----

def sqlite_probeer(pad, opzet, proef):
    """Runs opzet (which should succeed) and then proef with foreign keys
    on, in a transaction that is rolled back; returns None or the error
    (for a failed opzet, "setup failed: ...", which is never expected)."""
    con = sqlite3.connect(pad, isolation_level=None)
    con.execute("PRAGMA foreign_keys = ON")
    con.execute("BEGIN")
    try:
        for st in opzet:
            try:
                con.execute(st)
            except sqlite3.Error as e:
                return "setup failed: %s: %s" % (st, e)
        try:
            con.execute(proef)
            return None
        except sqlite3.Error as e:
            return str(e)
    finally:
        con.execute("ROLLBACK")
        con.close()


# Sequences do not roll back: each case starts them at 1 again, as the
# rolled back rows leave the tables empty.
PG_OPNIEUW = r"""DO $$
DECLARE r record;
BEGIN
	FOR r IN SELECT pg_get_serial_sequence(c.relname, a.attname) AS seq
		FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
		JOIN pg_namespace ns ON ns.oid = c.relnamespace
		WHERE ns.nspname = 'public' AND a.attidentity <> '' LOOP
		PERFORM setval(r.seq, 1, false);
	END LOOP;
END $$;
"""


def pg_probeer(db, opzet, proef):
    script = ("\\set VERBOSITY terse\n" + PG_OPNIEUW + "BEGIN;\n"
              + "".join(st + ";\n" for st in opzet)
              + "\\set ON_ERROR_STOP 0\n" + proef + ";\nROLLBACK;\n")
    r = psql(db, script)
    if r.returncode != 0:
        return "setup failed: " + " ".join(r.stderr.split())
    m = re.search(r"^(?:psql:[^\n]*?)?ERROR:\s+(.*)$", r.stderr, re.M)
    return m.group(1) if m else None


def gedrag(n, pad, db):
    """Statements that each engine must allow or refuse alike. Each case:
    (what, first version, last version, setup, probe, expected): expected
    None (allowed), True (refused) or the exact refusal message."""
    org = ["INSERT INTO organisatie (soort, code, naam) VALUES "
           "('gemeente', 'g1', 'G1')",
           "INSERT INTO organisatie (soort, code, naam) VALUES "
           "('gemeente', 'g2', 'G2')"]
    sw = org + ["INSERT INTO samenwerking (code, naam, sinds) VALUES "
                "('s1', 'S1', '2020-01-01')",
                "INSERT INTO samenwerking (code, naam, sinds) VALUES "
                "('s2', 'S2', '2020-01-01')"]

    def besluit(ident, org_id, extra=""):
        return ("INSERT INTO besluit (identificatie, organisatie_id, "
                "bestuursorgaan, datum, onderwerp, openbaarheid, status) "
                "VALUES ('%s', %d, 'college', '2024-01-01', 'o', "
                "'actief_openbaar', 'vastgesteld')" % (ident, org_id))

    audit_kol = ("uuid, aanmaakdatum, gebruikers_id, gebruikers_weergave, "
                 "actie, actie_weergave, resultaat, resource, herkomst, "
                 "vorige_hash, hash")
    audit = ["INSERT INTO audit (id, %s) VALUES (1, 'u1', '2024-01-01', "
             "'a', 'A', 'create', 'C', 201, 'besluit', 'cli', '', 'h1')"
             % audit_kol]
    kv_kol = ("samenwerking_id, jaar, invoer, sha256, uitkomst, totaal, "
              "berekend")
    kv = sw + [besluit("B1", 1),
               "INSERT INTO kostenverdeling (%s) VALUES (1, 2024, '{}', "
               "'x', '{}', 10, '2025-01-01')" % kv_kol,
               "INSERT INTO kostenverdeling (%s) VALUES (1, 2024, '{}', "
               "'y', '{}', 20, '2025-01-02')" % kv_kol,
               "UPDATE kostenverdeling SET besluit_id = 1, vastgesteld = "
               "'2025-02-01' WHERE id = 1"]

    def batch(hash_, sw_id=None, vervangen=None):
        kol = ("hash, ingelezen, rijen, honderdsten, medewerkers, "
               "gemeenten, afwijkingen, vervangen_door")
        val = "'%s', '2024-01-01', 0, 0, 0, 0, 0, %s" % (
            hash_, "NULL" if vervangen is None else vervangen)
        if sw_id is not None:
            kol += ", samenwerking_id"
            val += ", %d" % sw_id
        return "INSERT INTO uren_batch (%s) VALUES (%s)" % (kol, val)

    gevallen = [
        ("audit: update refused", 4, None, audit,
         "UPDATE audit SET actie = 'x'", AUDIT_MSG),
        ("audit: delete refused", 4, None, audit,
         "DELETE FROM audit", AUDIT_MSG),
        ("audit: append allowed", 4, None, audit,
         "INSERT INTO audit (id, %s) VALUES (2, 'u2', '2024-01-02', 'a', "
         "'A', 'create', 'C', 201, 'besluit', 'cli', 'h1', 'h2')"
         % audit_kol, None),
        ("kostenverdeling: adopted not updated", 10, None, kv,
         "UPDATE kostenverdeling SET door = 'x' WHERE id = 1", KV_MSG),
        ("kostenverdeling: adopted not deleted", 10, None, kv,
         "DELETE FROM kostenverdeling WHERE id = 1", KV_MSG),
        ("kostenverdeling: not adopted, updated", 10, None, kv,
         "UPDATE kostenverdeling SET door = 'x' WHERE id = 2", None),
        ("kostenverdeling: not adopted, deleted", 10, None, kv,
         "DELETE FROM kostenverdeling WHERE id = 2", None),
        ("kostenverdeling: one adopted per cooperation and year", 10, None,
         kv, "UPDATE kostenverdeling SET besluit_id = 1, vastgesteld = "
         "'2025-02-02' WHERE id = 2", True),
        ("kostenverdeling: adopted without decision", 10, None, kv,
         "INSERT INTO kostenverdeling (%s, vastgesteld) VALUES (1, 2023, "
         "'{}', 'z', '{}', 1, '2025-01-01', '2025-01-01')" % kv_kol, True),
        ("uren_batch: two current batches, one hash", 9, 11,
         sw + [batch("h")], batch("h"), True),
        ("uren_batch: a replaced batch and a current one, one hash", 9, 11,
         sw + [batch("h"), batch("h2"),
               "UPDATE uren_batch SET vervangen_door = 2 WHERE id = 1"],
         batch("h"), None),
        ("uren_batch: two current batches of a cooperation, one hash", 12,
         None, sw + [batch("h", 1)], batch("h", 1), True),
        ("uren_batch: one hash in two cooperations", 12, None,
         sw + [batch("h", 1)], batch("h", 2), None),
        ("uren_batch: a replaced batch and a current one, one hash", 12,
         None, sw + [batch("h", 1), batch("h2", 1),
                     "UPDATE uren_batch SET vervangen_door = 2 WHERE id = 1"],
         batch("h", 1), None),
        ("besluit: identificatie in two organisations", 1, 11,
         org + [besluit("B1", 1)], besluit("B1", 2), True),
        ("besluit: identificatie in two organisations", 12, None,
         org + [besluit("B1", 1)], besluit("B1", 2), None),
        ("besluit: identificatie twice in one organisation", 1, None,
         org + [besluit("B1", 1)], besluit("B1", 1), True),
        ("besluit: unknown organisation", 1, None, org, besluit("B1", 9),
         True),
        ("besluit: bad status", 1, None, org,
         besluit("B1", 1).replace("'vastgesteld'", "'x'"), True),
        ("inrichting: eigen without gemeente", 1, None,
         sw + ["INSERT INTO eenheid (samenwerking_id, code, naam, soort) "
               "VALUES (1, 'e', 'E', 'team')", besluit("B1", 1)],
         "INSERT INTO inrichting (eenheid_id, van, vorm, besluit_id) "
         "VALUES (1, '2024-01-01', 'eigen', 1)", True),
        ("samenwerking_lid: tot before van", 1, None, sw,
         "INSERT INTO samenwerking_lid (samenwerking_id, gemeente_id, van, "
         "tot) VALUES (1, 1, '2024-01-01', '2023-01-01')", True),
        ("medewerker: one number in two cooperations", 12, None,
         sw + ["INSERT INTO medewerker (samenwerking_id, nummer) VALUES "
               "(1, 'm1')"],
         "INSERT INTO medewerker (samenwerking_id, nummer) VALUES "
         "(2, 'm1')", None),
        ("medewerker: one number twice in a cooperation", 12, None,
         sw + ["INSERT INTO medewerker (samenwerking_id, nummer) VALUES "
               "(1, 'm1')"],
         "INSERT INTO medewerker (samenwerking_id, nummer) VALUES "
         "(1, 'm1')", True),
        ("medewerker: one number twice", 9, 11,
         sw + ["INSERT INTO medewerker (nummer) VALUES ('m1')"],
         "INSERT INTO medewerker (nummer) VALUES ('m1')", True),
        ("gebruiker_rol: unknown role", 4, None,
         ["INSERT INTO gebruiker (gebruikersnaam, naam, wachtwoord_hash, "
          "aangemaakt) VALUES ('a', 'A', 'x', '2024-01-01')"],
         "INSERT INTO gebruiker_rol (gebruiker_id, rol) VALUES (1, 'x')",
         True),
    ]
    for wat, van, tot, opzet, proef, verwacht in gevallen:
        if n < van or (tot is not None and n > tot):
            continue
        a = sqlite_probeer(pad, opzet, proef)
        b = pg_probeer("v%d" % n, opzet, proef)
        w = "v%d behaviour, %s: " % (n, wat)
        for engine, uit in (("sqlite", a), ("postgres", b)):
            if uit is not None and uit.startswith("setup failed: "):
                verschil(w + "%s: %s" % (engine, uit))
            elif verwacht is None and uit is not None:
                verschil(w + "%s refused it: %s" % (engine, uit))
            elif verwacht is True and uit is None:
                verschil(w + "%s allowed it" % engine)
            elif isinstance(verwacht, str) and uit != verwacht:
                verschil(w + "%s said %r, not %r" % (engine, uit, verwacht))
    # PostgreSQL alone: TRUNCATE, which SQLite does not have.
    pg_alleen = [
        ("audit: truncate refused", 4, audit, "TRUNCATE audit", AUDIT_MSG),
        ("kostenverdeling: truncate with an adopted one refused", 10, kv,
         "TRUNCATE kostenverdeling", KV_MSG),
        ("kostenverdeling: truncate without an adopted one allowed", 10,
         kv[:-1], "TRUNCATE kostenverdeling", None),
    ]
    for wat, van, opzet, proef, verwacht in pg_alleen:
        if n >= van:
            b = pg_probeer("v%d" % n, opzet, proef)
            if b != verwacht:
                verschil("v%d behaviour (postgres), %s: %r, not %r"
                         % (n, wat, b, verwacht))


# ---- the same rows, migrated ----
#
# Rows for a database at version v, inserted without ids where the store
# leaves them to the database, so that both engines number them alike.
# Each entry: (first version, last version or None, statement).

def vul_rijen():
    r = []

    def alle(van, *sts, tot=None):
        for st in sts:
            r.append((van, tot, st))

    alle(1,
         "INSERT INTO organisatie (soort, code, naam, provincie) VALUES "
         "('gemeente', 'g1', 'Een', 'Utrecht')",
         "INSERT INTO organisatie (soort, code, naam) VALUES "
         "('gemeente', 'g2', 'Twee')",
         "INSERT INTO organisatie (soort, code, naam, verzonnen) VALUES "
         "('gemeente', 'g3', 'Drie', 1)",
         "INSERT INTO organisatie (soort, code, naam, taak) VALUES "
         "('gemeenschappelijke_regeling', 'r1', 'Regeling', 'ict')",
         "INSERT INTO inwonertal VALUES (1, '2024-01-01', 1000, 'CBS')",
         "INSERT INTO samenwerking (code, naam, sinds, centrumgemeente_id) "
         "VALUES ('s1', 'Samen een', '2020-01-01', 1)",
         "INSERT INTO samenwerking (code, naam, sinds) VALUES "
         "('s2', 'Samen twee', '2021-01-01')",
         # the unit with the lowest id is of the second cooperation
         "INSERT INTO eenheid (samenwerking_id, code, naam, soort) VALUES "
         "(2, 'e1', 'E1', 'team')",
         "INSERT INTO eenheid (samenwerking_id, code, naam, soort) VALUES "
         "(1, 'e2', 'E2', 'afdeling')",
         "INSERT INTO eenheid (samenwerking_id, code, naam, soort) VALUES "
         "(1, 'e3', 'E3', 'taak')",
         "INSERT INTO eenheid (samenwerking_id, code, naam, soort) VALUES "
         "(2, 'e4', 'E4', 'team')",
         "INSERT INTO besluit (identificatie, organisatie_id, "
         "bestuursorgaan, datum, onderwerp, openbaarheid, status, "
         "gegenereerd_jaar, gegenereerd_nummer) VALUES ('2023-1', 1, "
         "'college', '2023-02-01', 'a', 'actief_openbaar', 'vastgesteld', "
         "2023, 1)",
         "INSERT INTO besluit (identificatie, organisatie_id, "
         "bestuursorgaan, datum, onderwerp, openbaarheid, status, "
         "gegenereerd_jaar, gegenereerd_nummer) VALUES ('2023-7', 2, "
         "'gemeenteraad', '2023-03-01', 'b', 'geheim', 'voorgesteld', "
         "2023, 7)",
         "INSERT INTO besluit (identificatie, organisatie_id, "
         "bestuursorgaan, datum, onderwerp, openbaarheid, status, "
         "gegenereerd_jaar, gegenereerd_nummer) VALUES ('2024-2', 1, "
         "'burgemeester', '2024-03-01', 'c', 'passief_openbaar', "
         "'ingetrokken', 2024, 2)",
         "INSERT INTO besluit (identificatie, organisatie_id, "
         "bestuursorgaan, datum, onderwerp, toelichting, openbaarheid, "
         "status) VALUES ('zaak-9', 3, 'college', '2024-04-01', 'd', "
         "'{\"json\": [1, 2]}', 'actief_openbaar', 'vastgesteld')",
         "INSERT INTO besluit_stap VALUES (1, 1, 'voorgesteld', "
         "'2023-01-15', NULL)",
         "INSERT INTO besluit_stap VALUES (1, 2, 'vastgesteld', "
         "'2023-02-01', 'ok')",
         "INSERT INTO regeling_lid (regeling_id, gemeente_id, van, besluit_id)"
         " VALUES (4, 1, '2020-01-01', 1)",
         "INSERT INTO samenwerking_lid (samenwerking_id, gemeente_id, van, "
         "tot, besluit_id) VALUES (1, 1, '2020-01-01', '2030-01-01', 1)",
         "INSERT INTO samenwerking_lid (samenwerking_id, gemeente_id, van) "
         "VALUES (2, 2, '2021-01-01')",
         "INSERT INTO inrichting (eenheid_id, van, vorm, besluit_id) VALUES "
         "(1, '2020-01-01', 'gedeeld', 1)",
         "INSERT INTO inrichting (eenheid_id, van, vorm, gemeente_id, "
         "besluit_id) VALUES (2, '2020-01-01', 'eigen', 1, 3)",
         "INSERT INTO kader_artikel (samenwerking_id, nummer, titel) VALUES "
         "(1, 1, 'Doel')",
         "INSERT INTO kader_versie (artikel_id, van, tekst, besluit_id) "
         "VALUES (1, '2020-01-01', 'tekst', 1)",
         "INSERT INTO kader_eenheid VALUES (1, 2)",
         "INSERT INTO werkstroom (samenwerking_id, code, naam) VALUES "
         "(1, 'w1', 'W1')",
         "INSERT INTO mijlpaal (werkstroom_id, naam, gepland, status) VALUES "
         "(1, 'm', '2024-06-01', 'gepland')",
         "INSERT INTO taakveld (code, volgorde, naam, hoofdtaakveld, "
         "hoofdtaakveld_naam) VALUES ('0.1', 1, 'Bestuur', '0', "
         "'Bestuur en ondersteuning')")
    alle(4,
         "INSERT INTO gebruiker (gebruikersnaam, naam, wachtwoord_hash, "
         "aangemaakt) VALUES ('anna', 'Anna', '$argon2id$x', '2024-01-01')",
         "INSERT INTO gebruiker_rol (gebruiker_id, rol, scope) VALUES "
         "(1, 'beheerder', '')",
         "INSERT INTO gebruiker_rol (gebruiker_id, rol, scope) VALUES "
         "(1, 'controller', 'g1')")
    audit_kol = ("id, uuid, aanmaakdatum, gebruikers_id, gebruikers_weergave, "
                 "actie, actie_weergave, resultaat, resource, herkomst, nieuw, "
                 "vorige_hash, hash")
    alle(4, "INSERT INTO audit (%s) VALUES (1, 'u1', '2024-01-01T10:00:00Z', "
         "'anna', 'Anna', 'create', 'Aangemaakt', 201, 'besluit', 'cli', "
         "'{\"a\":1,  \"b\" : \"\\u00e9\"}', '', 'h1')" % audit_kol)
    alle(4, "INSERT INTO audit (%s) VALUES (2, 'u2', '2024-01-02T10:00:00Z', "
         "'anna', 'Anna', 'update', 'Gewijzigd', 200, 'besluit', 'cli', "
         "NULL, 'h1', 'h2')" % audit_kol, tot=6)
    alle(7, "INSERT INTO audit (%s, scope) VALUES (2, 'u2', "
         "'2024-01-02T10:00:00Z', 'anna', 'Anna', 'update', 'Gewijzigd', 200, "
         "'besluit', 'cli', NULL, 'h1', 'h2', 'g1')" % audit_kol)
    alle(5,
         "INSERT INTO sessie VALUES ('s', 1, 'c', 1700000000, 1700000100, "
         "'127.0.0.1')",
         "INSERT INTO inlogpoging (sleutel, mislukt, sinds) VALUES "
         "('account:anna', 2, 1700000000)")
    alle(5, "INSERT INTO token (hash, gebruiker_id, naam, aangemaakt, "
         "verloopt) VALUES ('t', 1, 'ci', 1700000000, 4102444800)", tot=7)
    alle(8, "INSERT INTO token (hash, gebruiker_id, naam, aangemaakt, "
         "verloopt, rol, alleen_lezen) VALUES ('t', 1, 'ci', 1700000000, "
         "4102444800, 'controller', 1)")
    alle(6, "UPDATE gebruiker SET totp_geheim = 'ABC' WHERE id = 1",
         "INSERT INTO herstelcode VALUES (1, 'hc', NULL)")
    alle(11, "UPDATE gebruiker SET totp_stap = 56666666 WHERE id = 1")

    # Staff: with a home unit (cooperation 1), without one but with hours
    # whose first row is of cooperation 2, with neither, with a unit of
    # cooperation 2.
    for nr, eenheid in (("m1", "2"), ("m2", "NULL"), ("m3", "NULL"),
                        ("m4", "1")):
        alle(9, "INSERT INTO medewerker (nummer, naam, eenheid_id, fte) "
             "VALUES ('%s', 'Naam %s', %s, 800)" % (nr, nr, eenheid), tot=11)
    for nr, sw_id, eenheid in (("m1", 1, "2"), ("m2", 2, "NULL"),
                               ("m3", 1, "NULL"), ("m4", 2, "1")):
        alle(12, "INSERT INTO medewerker (samenwerking_id, nummer, naam, "
             "eenheid_id, fte) VALUES (%d, '%s', 'Naam %s', %s, 800)"
             % (sw_id, nr, nr, eenheid))
    # Batches: 1 -> 2 -> 3 replaced in a chain, 3 with cells of
    # cooperation 2; 4 with cells of both, the lowest unit id of
    # cooperation 2; 5 without cells; 6 replaced by 5.
    kol = ("hash, bestand, ingelezen, rijen, honderdsten, medewerkers, "
           "gemeenten, afwijkingen, van, tot")
    for i in range(1, 7):
        waarden = ("'h%d', 'f%d.csv', '2024-0%d-01', 2, 300, 1, 1, 0, "
                   "'2024-01-01', '2024-01-31'" % (i, i, i))
        alle(9, "INSERT INTO uren_batch (%s) VALUES (%s)" % (kol, waarden),
             tot=11)
        alle(12, "INSERT INTO uren_batch (%s, samenwerking_id) VALUES "
             "(%s, %d)" % (kol, waarden, 2 if i in (1, 2, 3, 4) else 1))
    alle(9,
         "UPDATE uren_batch SET vervangen_door = 2 WHERE id = 1",
         "UPDATE uren_batch SET vervangen_door = 3 WHERE id = 2",
         "UPDATE uren_batch SET vervangen_door = 5 WHERE id = 6",
         "INSERT INTO uren (batch_id, regel, medewerker_id, datum, "
         "gemeente_id, eenheid_id, honderdsten) VALUES "
         "(3, 1, 2, '2024-01-02', 1, 4, 100)",
         "INSERT INTO uren (batch_id, regel, medewerker_id, datum, "
         "gemeente_id, eenheid_id, honderdsten) VALUES "
         "(3, 2, 2, '2024-01-03', 1, 1, 200)",
         "INSERT INTO uren (batch_id, regel, medewerker_id, datum, week, "
         "gemeente_id, eenheid_id, honderdsten, omschrijving) VALUES "
         "(4, 1, 2, '2024-01-04', 1, 2, 2, 100, 'week')",
         "INSERT INTO uren (batch_id, regel, medewerker_id, datum, "
         "gemeente_id, eenheid_id, honderdsten) VALUES "
         "(4, 2, 1, '2024-01-05', 2, 1, 200)",
         "INSERT INTO uren_cel VALUES (3, 4, 1, '2024-01-02', 100, 1)",
         "INSERT INTO uren_cel VALUES (3, 1, 1, '2024-01-03', 200, 1)",
         "INSERT INTO uren_cel VALUES (4, 2, 2, '2024-01-04', 100, 1)",
         "INSERT INTO uren_cel VALUES (4, 1, 2, '2024-01-05', 200, 1)",
         "UPDATE uren_batch SET eerste_id = 1, laatste_id = 2 WHERE id = 3",
         "UPDATE uren_batch SET eerste_id = 3, laatste_id = 4 WHERE id = 4")
    alle(10,
         "INSERT INTO kostenpost (samenwerking_id, jaar, code, eenheid_id, "
         "kostensoort, bedrag) VALUES (1, 2024, 'k1', 2, 'personeel', "
         "-12345)",
         "INSERT INTO kostenrol VALUES (2, 2024, 1, 'uren', NULL, 1)",
         "INSERT INTO kostenlevering VALUES (2, 3, 2024, 5)",
         "INSERT INTO kostengewicht VALUES (2, 1, 2024, 5000)",
         "INSERT INTO maatwerk VALUES (2, 1, 2024, 150, 9000)",
         "INSERT INTO voorschot VALUES (1, 2024, 1, 100000)",
         "INSERT INTO kostenmethode VALUES (1, 2024, 'step_down')",
         "INSERT INTO scenario (samenwerking_id, jaar, naam) VALUES "
         "(1, 2024, 'wat als')",
         "INSERT INTO scenario_wijziging (scenario_id, soort, eenheid_id, "
         "bedrag) VALUES (1, 'kostenpost', 2, 500)",
         "INSERT INTO kostenverdeling (samenwerking_id, jaar, invoer, sha256, "
         "uitkomst, totaal, berekend, besluit_id, vastgesteld) VALUES "
         "(1, 2024, '{\"x\":1}', 'abc', '{}', 100, '2025-01-01', 1, "
         "'2025-02-01')",
         "INSERT INTO kostenverdeling (samenwerking_id, jaar, scenario, "
         "invoer, sha256, uitkomst, totaal, berekend) VALUES "
         "(1, 2024, 'wat als', '{}', 'def', '{}', 90, '2025-01-02')")
    return r


RIJEN = vul_rijen()


def vul(n, pad, db):
    sts = [st for van, tot, st in RIJEN
           if van <= n and (tot is None or n <= tot)]
    con = sqlite3.connect(pad, isolation_level=None)
    con.execute("PRAGMA foreign_keys = ON")
    for st in sts:
        try:
            con.execute(st)
        except sqlite3.Error as e:
            sys.exit("v%d rows, sqlite: %s: %s" % (n, st, e))
    con.close()
    r = psql(db, "".join(st + ";\n" for st in sts))
    if r.returncode != 0:
        sys.exit("v%d rows, postgres: %s" % (n, r.stderr))


def sqlite_rijen(pad, t):
    con = sqlite3.connect(pad)
    cur = con.execute("SELECT * FROM %s" % t)
    namen = [d[0] for d in cur.description]
    rijen = [dict(zip(namen, r)) for r in cur.fetchall()]
    con.close()
    return sorted(json.dumps(r, sort_keys=True) for r in rijen)


def pg_rijen(db, tabellen):
    """Every table's rows, in one query."""
    alle = pg_json(db, "SELECT json_object_agg(t, v) FROM (%s) x" %
                   " UNION ALL ".join(
                       "SELECT '%s' AS t, (SELECT coalesce(json_agg(r), "
                       "'[]') FROM %s r) AS v" % (t, t) for t in tabellen))
    return {t: sorted(json.dumps(r, sort_keys=True) for r in alle[t])
            for t in tabellen}


def gegevens(n):
    """A database at version n-1 with rows in it, migrated to n."""
    pad = os.path.join(WORK, "d%d.db" % n)
    db = "d%d" % n
    shutil.copyfile(os.path.join(WORK, "t%d.db" % (n - 1)), pad)
    pg_nieuw(db, "t%d" % (n - 1))
    vul(n - 1, pad, db)
    sqlite_maak(pad, n, van=n)
    pg_maak(db, n, van=n)
    s = sqlite_schema(pad)
    pg = pg_rijen(db, sorted(s))
    for t in sorted(s):
        a, b = sqlite_rijen(pad, t), pg[t]
        if a != b:
            verschil("v%d after rows at v%d, %s: sqlite %s, postgres %s"
                     % (n, n - 1, t, sorted(set(a) - set(b)),
                        sorted(set(b) - set(a))))
    # Every identity continues after the ids there are, as SQLite's rowid
    # does (the audit trail, which numbers its rows itself, aside).
    ids = pg_json(db, r"""
        SELECT coalesce(json_agg(json_build_array(c.relname,
            pg_get_serial_sequence(c.relname, a.attname))), '[]')
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace ns ON ns.oid = c.relnamespace
        WHERE ns.nspname = 'public' AND a.attidentity <> ''
          AND c.relname <> 'audit'""")
    for t, seq in ids:
        v = pg_json(db, "SELECT json_build_array((SELECT max(id) FROM %s), "
                    "(SELECT CASE WHEN is_called THEN last_value ELSE "
                    "last_value - 1 END FROM %s))" % (t, seq))
        if v[0] is not None and v[1] < v[0]:
            verschil("v%d after rows, %s: the identity is at %d, below the "
                     "highest id %d" % (n, t, v[1], v[0]))
    psql("ambt", "DROP DATABASE %s;\n" % db)


# Clean databases at every version, each made from the one before (t0 is
# empty): version n is migration n applied to a copy of version n-1, as
# an upgrade does; the checks below work on copies of them.
pg_nieuw("t0")
open(os.path.join(WORK, "t0.db"), "wb").close()
for n in range(1, LAATSTE + 1):
    tpad = os.path.join(WORK, "t%d.db" % n)
    shutil.copyfile(os.path.join(WORK, "t%d.db" % (n - 1)), tpad)
    sqlite_maak(tpad, n, van=n)
    pg_nieuw("t%d" % n, "t%d" % (n - 1))
    pg_maak("t%d" % n, n, van=n)
    pad = os.path.join(WORK, "v%d.db" % n)
    shutil.copyfile(tpad, pad)
    pg_nieuw("v%d" % n, "t%d" % n)
    vergelijk_schema(n, sqlite_schema(pad), pg_schema("v%d" % n))
    gedrag(n, pad, "v%d" % n)
    if n > 1:
        gegevens(n)
    print("v%d: %s" % (n, "checked" if not verschillen else
                       "%d differences so far" % len(verschillen)))

# The store may also apply every pending migration in one transaction.
pg_nieuw("alle")
r = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-1", "-d",
                    pg_url("alle")]
                   + [a for n in sorted(PGM)
                      for a in ("-f", os.path.join(PG_DIR, PGM[n]))],
                   capture_output=True, text=True)
if r.returncode != 0:
    verschil("all postgres migrations in one transaction: " + r.stderr)
else:
    vergelijk_schema(LAATSTE, sqlite_schema(os.path.join(
        WORK, "v%d.db" % LAATSTE)), pg_schema("alle"))
    print("v1..v%d in one transaction: %s" % (LAATSTE, "checked" if not
          verschillen else "%d differences so far" % len(verschillen)))

if verschillen:
    print("%d differences" % len(verschillen))
    sys.exit(1)
print("ok")
PY
rc=$?
set -e
exit $rc

/*
 * store.c - the store of store.h, written once over the driver (db.h) and
 * run on SQLite and PostgreSQL alike.
 *
 * One connection per struct store. Statements are prepared on first use
 * and cached by query id. Every write function runs inside tx_begin() /
 * tx_end(): a write transaction (db_begin) when none is open, otherwise a
 * savepoint, so that a failing write never leaves half its rows behind.
 *
 * This file holds what every part of the store shares (store_intern.h):
 * binding and reading, transactions, who reads, the audit trail's append,
 * open/migrate/close and the lookups by code. The domains are beside it:
 * store_register.c, store_besluit.c, store_toegang.c, store_uren.c,
 * store_kosten.c, and the appointments in store_afspraak.c,
 * store_boeking.c and store_bericht.c; store_inhoud.c and store_kopie.c
 * count and copy.
 */
#include <stdarg.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>

#include "embedded.h"
#include "queries.h"
#include "store.h"
#include "store_intern.h"
#include "../core/text.h"
#include "../banned.h"

/* The number written by four digits at s. */
static int
atoi_4(const char *s)
{
	return (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	       (s[3] - '0');
}

/* A migration: its number in the one sequence, and its SQL text. */
struct migration {
	int version;
	const char *sql;
};

#define MAX_MIGRATIES 128

/*
 * The migrations of `dialect` compiled into the binary (named
 * "migraties/<dialect>/NNNN_name.sql" by meson.build), in order of
 * their number; returns how many.
 */
static size_t
migraties(enum db_dialect dialect, struct migration *out)
{
	const char *prefix = dialect == DB_POSTGRES ? "migraties/postgres/"
						    : "migraties/sqlite/";
	size_t lp = strlen(prefix), n = 0;

	for (const struct embedded_file *f = embedded_files;
	     f->name && n < MAX_MIGRATIES; f++) {
		const char *v = f->name + lp;
		size_t k = n;

		if (strncmp(f->name, prefix, lp) != 0 ||
		    strspn(v, "0123456789") != 4)
			continue;
		while (k > 0 && out[k - 1].version > atoi_4(v)) {
			out[k] = out[k - 1];
			k--;
		}
		out[k].version = atoi_4(v);
		out[k].sql = (const char *)f->data;
		n++;
	}
	return n;
}

/* ---- helpers ---- */

enum status
db_error(struct store *s, struct err *e, const char *what)
{
	switch (db_laatste(s->db)) {
	case DB_BEZET:
		return err_set(e, ST_CONFLICT,
			       "De database is bezet; probeer het opnieuw.");
	case DB_SERIALISATIE:
		err_set(e, ST_RETRY,
			"De database is bezet; probeer het opnieuw.");
		break;
	case DB_VERBINDING:
		err_set(e, ST_UNAVAILABLE,
			"De database is nu niet bereikbaar; probeer het over "
			"een paar minuten opnieuw.");
		break;
	default:
		return err_internal(e, "%s: %s", what, db_errmsg(s->db));
	}
	snprintf(e->detail, sizeof(e->detail), "%s: %s", what,
		 db_errmsg(s->db));
	return e->status;
}

struct db_stmt *
stmt(struct store *s, enum query q, struct err *e)
{
	struct db_stmt *st = db_stmt(s->db, (int)q, query_text(q, s->dialect));

	if (!st)
		db_error(s, e, "prepare");
	return st;
}

void
bind_text(struct db_stmt *st, int n, const char *v)
{
	if (v)
		db_bind_text(st, n, v);
	else
		db_bind_null(st, n);
}

void
bind_int(struct db_stmt *st, int n, int64_t v)
{
	db_bind_int(st, n, v);
}

void
bind_null(struct db_stmt *st, int n)
{
	db_bind_null(st, n);
}

void
bind_date(struct db_stmt *st, int n, day_t d)
{
	char buf[DATE_ISO_LEN];

	if (d == DATE_NONE) {
		bind_null(st, n);
		return;
	}
	date_format_iso(d, buf);
	bind_text(st, n, buf);
}

void
bind_id(struct db_stmt *st, int n, int64_t id)
{
	if (id > 0)
		bind_int(st, n, id);
	else
		bind_null(st, n);
}

const char *
col_text(struct arena *a, struct db_stmt *st, int i)
{
	const char *t = db_col_text(st, i);

	return t ? arena_strdup(a, t) : NULL;
}

day_t
col_date(struct db_stmt *st, int i)
{
	const char *t = db_col_text(st, i);
	day_t d;

	if (!t || date_parse(t, &d))
		return DATE_NONE;
	return d;
}

int
col_is_null(struct db_stmt *st, int i)
{
	return db_col_null(st, i);
}

void
bind_zoek(struct db_stmt *st, int n, const char *zoek)
{
	char buf[1024];
	size_t o = 0;

	if (!zoek || !*zoek) {
		bind_null(st, n);
		return;
	}
	for (const char *p = zoek; *p && o + 3 < sizeof(buf); p++) {
		if (*p == '!' || *p == '%' || *p == '_')
			buf[o++] = '!';
		buf[o++] = *p;
	}
	buf[o] = '\0';
	bind_text(st, n, buf);
}

/* Run a statement that returns no rows. */
enum status
run(struct store *s, struct db_stmt *st, struct err *e)
{
	int r = db_step(st);

	db_reset(st);
	if (r < 0)
		return db_error(s, e, "step");
	return ST_OK;
}

enum db_fout
insert_id(struct store *s, struct db_stmt *st, int64_t *id)
{
	int r = db_step(st);

	*id = r == 1 ? db_col_int(st, 0) : 0;
	db_reset(st);
	if (r < 0)
		return db_laatste(s->db);
	return r == 1 ? DB_OK : DB_ANDERS;
}

/* Run an INSERT ... RETURNING id: *id is the new row's. */
enum status
run_id(struct store *s, struct db_stmt *st, int64_t *id, struct err *e)
{
	if (insert_id(s, st, id) != DB_OK)
		return db_error(s, e, "insert");
	return ST_OK;
}

/*
 * Step a query: 1 = a row, 0 = done, -1 = error (e filled).
 */
int
next_row(struct store *s, struct db_stmt *st, struct err *e)
{
	int r = db_step(st);

	if (r < 0)
		db_error(s, e, "step");
	return r;
}

enum status
exec(struct store *s, const char *sql, struct err *e)
{
	if (db_exec(s->db, sql) != DB_OK)
		return db_error(s, e, "exec");
	return ST_OK;
}

enum status
nomem(struct err *e)
{
	return err_set(e, ST_NOMEM, "Onvoldoende geheugen voor dit verzoek.");
}

enum status
rows_read(struct store *s, struct arena *a, struct db_stmt *st, size_t size,
	  rij_lezer lees, void **out, size_t *n, struct err *e)
{
	unsigned char *arr = NULL;
	size_t cap = 0;
	int r;

	*out = NULL;
	*n = 0;
	while ((r = next_row(s, st, e)) == 1) {
		if (*n == cap) {
			size_t nc = cap ? 2 * cap : 8;
			unsigned char *g = arena_grow(a, arr, *n, nc, size);

			if (!g) {
				db_reset(st);
				return nomem(e);
			}
			arr = g;
			cap = nc;
		}
		lees(s, a, st, arr + (*n)++ * size);
	}
	db_reset(st);
	*out = arr;
	return r < 0 ? e->status : ST_OK;
}

/* ---- transactions ---- */

/* The bit of transaction level `depth` in s->gemerkt (none beyond 64:
 * such a level counts as unmarked). */
static uint64_t
niveau_bit(int depth)
{
	return depth >= 1 && depth <= 64 ? (uint64_t)1 << (depth - 1) : 0;
}

enum status
tx_begin(struct store *s, struct err *e)
{
	enum status st;

	if (s->depth == 0) {
		st = db_begin(s->db) == DB_OK ? ST_OK : db_error(s, e, "begin");
		s->algemeen = false;
		s->gemerkt = 0;
	} else
		st = db_savepoint(s->db) == DB_OK ? ST_OK
						  : db_error(s, e, "savepoint");
	if (st == ST_OK) {
		s->depth++;
		if (s->stil)
			s->gemerkt |= niveau_bit(s->depth);
		else
			s->gemerkt &= ~niveau_bit(s->depth);
	}
	return st;
}

/* Raise `familie`'s generation and mark the level (store_intern.h). */
enum status
tx_familie(struct store *s, const char *familie, struct err *e)
{
	size_t n = familie ? strlen(familie) : 0;
	struct db_stmt *st;
	enum status rc;

	if (s->depth < 1 || n == 0 || n > STORE_FAMILIE_MAX)
		return err_internal(e,
				    "tx_familie: no transaction, or the "
				    "family '%s'",
				    familie ? familie : "(null)");
	if (s->version >= GENERATIE_FAMILIES) {
		if (!(st = stmt(s, Q_GENERATIE_FAMILIE_BUMP, e)))
			return e->status;
		bind_text(st, 1, familie);
		if ((rc = run(s, st, e)))
			return rc;
	}
	s->gemerkt |= niveau_bit(s->depth);
	return ST_OK;
}

/* tx_begin, marked as bookkeeping only (see store_intern.h). */
enum status
tx_begin_stil(struct store *s, struct err *e)
{
	enum status st;

	s->stil = true;
	st = tx_begin(s, e);
	s->stil = false;
	return st;
}

enum status
lease_claim(struct store *s, enum query claim, const char *door, int64_t tot,
	    const char *wie, const char *taak, bool *gekregen, struct err *e)
{
	struct db_stmt *st;
	enum status rc;

	*gekregen = false;
	if (!door || !*door)
		err_invalid(e, "door", "required", "Noem wie %s.", wie);
	else
		text_check_max(door, "door", LEASE_MAX_DOOR, e);
	/* Until now: given up (a free lease is taken and ends at once). */
	if (tot < s->now)
		err_invalid(e, "tot", "past", "Claim het %s tot nu of later.",
			    taak);
	if (e->status)
		return e->status;
	if ((rc = tx_begin_stil(s, e)))
		return rc;
	if ((st = stmt(s, claim, e))) {
		bind_text(st, 1, door);
		bind_int(st, 2, tot);
		bind_int(st, 3, s->now);
		if (!run(s, st, e))
			*gekregen = db_changes(s->db) == 1;
	}
	rc = tx_end(s, e->status, e);
	if (rc)
		*gekregen = false;
	return rc;
}

/* End what tx_begin started: commit/release when st is ST_OK, else undo. */
enum status
tx_end(struct store *s, enum status st, struct err *e)
{
	struct err ignore;

	s->scope = NULL;
	s->audit_besluit = 0;
	/* A level that commits unmarked raises the general generation;
	 * bookkeeping alone (tx_begin_stil) and a level of one family
	 * (tx_familie, which raised its own) do not. */
	if (st == ST_OK && !(s->gemerkt & niveau_bit(s->depth)))
		s->algemeen = true;
	s->gemerkt &= ~niveau_bit(s->depth);
	s->depth--;
	if (st == ST_OK && s->depth == 0 && s->algemeen &&
	    s->version >= GENERATIE_FAMILIES) {
		struct db_stmt *g = stmt(s, Q_GENERATIE_BUMP, e);
		st = g ? run(s, g, e) : e->status;
	}
	if (st == ST_OK) {
		if ((s->depth == 0 ? db_commit(s->db) : db_release(s->db)) !=
		    DB_OK)
			st = db_error(s, e,
				      s->depth == 0 ? "commit" : "release");
		if (s->depth == 0)
			arena_free(&s->scratch);
		if (st == ST_OK)
			return ST_OK;
	}
	err_clear(&ignore);
	if (s->depth == 0) {
		db_rollback(s->db);
		arena_free(&s->scratch);
	} else
		db_rollback_to(s->db);
	return st;
}

enum status
store_begin(struct store *s, struct err *e)
{
	return tx_begin(s, e);
}

enum status
store_commit(struct store *s, struct err *e)
{
	return tx_end(s, ST_OK, e);
}

void
store_rollback(struct store *s)
{
	struct err e;

	err_clear(&e);
	if (s->depth > 0)
		tx_end(s, ST_INTERNAL, &e);
}

/* ---- who reads ---- */

/* The n codes as the text IN_LIJST (queries.c) reads: ",A,B,". */
static const char *
codes_lijst(struct arena *a, const char *const *codes, size_t n)
{
	size_t len = 2;
	char *out, *p;

	for (size_t i = 0; i < n; i++)
		len += strlen(codes[i]) + 1;
	if (!(out = arena_alloc(a, len)))
		return NULL;
	p = out;
	*p++ = ',';
	for (size_t i = 0; i < n; i++) {
		size_t k = strlen(codes[i]);

		memcpy(p, codes[i], k);
		p += k;
		*p++ = ',';
	}
	*p = '\0';
	return out;
}

void
store_set_zicht(struct store *s, const struct zicht *z)
{
	arena_free(&s->zicht_a);
	arena_init(&s->zicht_a, 1u << 20);
	s->zicht = z;
	s->zicht_volledig =
		z ? codes_lijst(&s->zicht_a, z->volledig, z->nvolledig) : NULL;
	s->zicht_intern =
		z ? codes_lijst(&s->zicht_a, z->intern, z->nintern) : NULL;
	s->zicht_scopes =
		z ? codes_lijst(&s->zicht_a, z->scopes, z->nscopes) : NULL;
	s->zicht_beheer =
		z ? codes_lijst(&s->zicht_a, z->beheer, z->nbeheer) : NULL;
}

/* ---- the audit trail ---- */

void
copy_text(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src ? src : "");
}

void
store_set_actor(struct store *s, const char *id, const char *weergave,
		const char *herkomst)
{
	copy_text(s->actor, sizeof(s->actor), id);
	copy_text(s->actor_weergave, sizeof(s->actor_weergave), weergave);
	copy_text(s->herkomst, sizeof(s->herkomst), herkomst);
}

/*
 * A JSON object from key/value text pairs (NULL-terminated list; a NULL
 * value is written as null), in the arena. Keys are our own literals.
 */
const char *
jobj(struct arena *a, ...)
{
	va_list ap;
	size_t cap = 2, o = 0;
	const char *k, *v;
	char *out;

	va_start(ap, a);
	while ((k = va_arg(ap, const char *))) {
		v = va_arg(ap, const char *);
		cap += strlen(k) + 6 + (v ? 6 * strlen(v) + 2 : 4);
	}
	va_end(ap);
	out = arena_alloc(a, cap + 1);
	if (!out)
		return NULL;
	out[o++] = '{';
	va_start(ap, a);
	while ((k = va_arg(ap, const char *))) {
		v = va_arg(ap, const char *);
		o += (size_t)snprintf(out + o, cap + 1 - o,
				      "%s\"%s\":", o > 1 ? "," : "", k);
		if (!v) {
			memcpy(out + o, "null", 4);
			o += 4;
			continue;
		}
		out[o++] = '"';
		for (const unsigned char *p = (const unsigned char *)v; *p;
		     p++) {
			if (*p == '"' || *p == '\\') {
				out[o++] = '\\';
				out[o++] = (char)*p;
			} else if (*p < 0x20) {
				o += (size_t)snprintf(out + o, cap + 1 - o,
						      "\\u%04x", *p);
			} else {
				out[o++] = (char)*p;
			}
		}
		out[o++] = '"';
	}
	va_end(ap);
	out[o++] = '}';
	out[o] = '\0';
	return out;
}

const char *
iso(struct arena *a, day_t d)
{
	char buf[DATE_ISO_LEN];

	if (d == DATE_NONE)
		return NULL;
	date_format_iso(d, buf);
	return arena_strdup(a, buf);
}

static const char *
actie_weergave(const char *actie)
{
	static const struct {
		const char *actie, *weergave;
	} names[] = {
		{ "create", "Object aangemaakt" },
		{ "update", "Object gewijzigd" },
		{ "partial_update", "Object deels gewijzigd" },
		{ "destroy", "Object verwijderd" },
		{ "login", "Ingelogd" },
		{ "login_mislukt", "Inloggen mislukt" },
		{ "logout", "Uitgelogd" },
		{ "geweigerd", "Toegang geweigerd" },
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i].actie, actie) == 0)
			return names[i].weergave;
	return actie;
}

void
utc_now(const struct store *s, char *buf, size_t n)
{
	char iso_now[INSTANT_ISO_LEN];

	date_format_instant(s->now, iso_now);
	snprintf(buf, n, "%s", iso_now);
}

void
store_set_clock(struct store *s, int64_t now)
{
	s->now = now;
}

static void
uuid4(char *out)
{
	unsigned char b[16];

	randombytes_buf(b, sizeof(b));
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	snprintf(out, 37,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
		 "%02x%02x%02x%02x%02x%02x",
		 b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9],
		 b[10], b[11], b[12], b[13], b[14], b[15]);
}

/* Text for an audit entry: at most AUDIT_MAX_TEKST characters and "…". */
static const char *
audit_kort(struct store *s, const char *t)
{
	size_t n;
	char *k;

	if (!t || text_chars(t) <= AUDIT_MAX_TEKST)
		return t;
	n = text_prefix(t, AUDIT_MAX_TEKST);
	if (!(k = arena_alloc(&s->scratch, n + sizeof("\u2026"))))
		return NULL;
	memcpy(k, t, n);
	memcpy(k + n, "\u2026", sizeof("\u2026"));
	return k;
}

/*
 * Append one entry to the chain, inside the caller's transaction. The
 * actor and origin are the connection's (store_set_actor).
 */
enum status
audit_append(struct store *s, const char *actie, int resultaat,
	     const char *resource, const char *url, const char *weergave,
	     const char *toelichting, const char *oud, const char *nieuw,
	     struct err *e)
{
	struct audit_entry a = { 0 };
	char uuid[37], now[32];
	struct db_stmt *st;
	int r;

	if (s->version < 4)
		return ST_OK;
	if (!(st = stmt(s, Q_AUDIT_LAST, e)))
		return e->status;
	r = next_row(s, st, e);
	if (r < 0)
		return e->status;
	a.id = r ? db_col_int(st, 0) + 1 : 1;
	copy_text(a.vorige_hash, sizeof(a.vorige_hash),
		  r ? db_col_text(st, 1) : audit_genesis);
	db_reset(st);
	uuid4(uuid);
	utc_now(s, now, sizeof(now));
	a.uuid = uuid;
	a.aanmaakdatum = now;
	a.gebruikers_id = s->actor[0] ? s->actor : "onbekend";
	a.gebruikers_weergave =
		s->actor_weergave[0] ? s->actor_weergave : a.gebruikers_id;
	a.actie = actie;
	a.actie_weergave = actie_weergave(actie);
	a.resultaat = resultaat;
	a.resource = resource;
	a.resource_url = url;
	a.resource_weergave = audit_kort(s, weergave);
	a.toelichting = audit_kort(s, toelichting);
	a.herkomst = s->herkomst[0] ? s->herkomst : "onbekend";
	a.oud = oud;
	a.nieuw = nieuw;
	a.scope = s->version >= 7 ? s->scope : NULL;
	a.besluit = s->version >= 13 ? s->audit_besluit : 0;
	s->scope = NULL;
	s->audit_besluit = 0;
	audit_hash(&a, a.vorige_hash, a.hash);
	if (!(st = stmt(s, Q_AUDIT_INSERT, e)))
		return e->status;
	bind_int(st, 1, a.id);
	bind_text(st, 2, a.uuid);
	bind_text(st, 3, a.aanmaakdatum);
	bind_text(st, 4, a.gebruikers_id);
	bind_text(st, 5, a.gebruikers_weergave);
	bind_text(st, 6, a.actie);
	bind_text(st, 7, a.actie_weergave);
	bind_int(st, 8, a.resultaat);
	bind_text(st, 9, a.resource);
	bind_text(st, 10, a.resource_url);
	bind_text(st, 11, a.resource_weergave);
	bind_text(st, 12, a.toelichting);
	bind_text(st, 13, a.herkomst);
	bind_text(st, 14, a.oud);
	bind_text(st, 15, a.nieuw);
	bind_text(st, 16, a.vorige_hash);
	bind_text(st, 17, a.hash);
	bind_text(st, 18, a.scope);
	bind_id(st, 19, a.besluit);
	return run(s, st, e);
}

/* ---- open, migrate, close ---- */

static enum status
read_version(struct store *s, int *version, struct err *e)
{
	struct db_stmt *st;
	int has_table = 0, r;

	*version = 0;
	if (!(st = stmt(s, Q_SCHEMA_TABEL, e)))
		return e->status;
	if ((r = next_row(s, st, e)) == 1)
		has_table = (int)db_col_int(st, 0);
	db_reset(st);
	if (r < 0)
		return e->status;
	if (!has_table)
		return ST_OK;
	if (!(st = stmt(s, Q_SCHEMA_VERSION_GET, e)))
		return e->status;
	if ((r = next_row(s, st, e)) == 1)
		*version = (int)db_col_int(st, 0);
	db_reset(st);
	return r < 0 ? e->status : ST_OK;
}

/* ST_OK when no row points at a row that is not there (SQLite; the
 * other engine never lets it). */
static enum status
foreign_keys_whole(struct store *s, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_FK_CHECK, e);
	int r;

	if (!st)
		return e->status;
	r = next_row(s, st, e);
	db_reset(st);
	if (r == 1)
		return err_internal(e, "a row points at a row that is not "
				       "there");
	return r < 0 ? e->status : ST_OK;
}

static enum status
migrate(struct store *s, struct err *e)
{
	struct migration m[MAX_MIGRATIES];
	size_t nm = migraties(s->dialect, m);
	int latest = store_schema_latest();
	enum status st;
	int version = 0;

	if (nm == 0 || m[nm - 1].version != latest)
		return err_internal(e,
				    "the migrations of this engine end at "
				    "%d, not %d",
				    nm ? m[nm - 1].version : 0, latest);
	/* SQLite can change a constraint only by rebuilding a table, which
	 * foreign keys would forbid: they are off while migrating and
	 * checked as a whole before the commit. */
	if (s->dialect == DB_SQLITE &&
	    (st = exec(s, "PRAGMA foreign_keys = OFF", e)))
		return st;
	if ((st = tx_begin(s, e)))
		return st;
	st = read_version(s, &version, e);
	if (st == ST_OK && version == 0)
		st = exec(s,
			  "CREATE TABLE IF NOT EXISTS schema_version "
			  "(version INTEGER NOT NULL);"
			  "INSERT INTO schema_version (version) SELECT 0 "
			  "WHERE NOT EXISTS (SELECT 1 FROM schema_version)",
			  e);
	if (st == ST_OK && version > latest)
		st = err_set(
			e, ST_CONFLICT,
			"Deze database is gemaakt door een nieuwere versie "
			"van ambt (schemaversie %d; deze versie kent er "
			"%d).",
			version, latest);
	for (size_t i = 0; st == ST_OK && i < nm; i++) {
		struct db_stmt *q;

		if (m[i].version <= version)
			continue;
		st = exec(s, m[i].sql, e);
		if (st == ST_OK && !(q = stmt(s, Q_SCHEMA_VERSION_SET, e)))
			st = e->status;
		if (st == ST_OK) {
			bind_int(q, 1, m[i].version);
			st = run(s, q, e);
		}
		if (st == ST_OK)
			version = m[i].version;
	}
	if (st == ST_OK)
		st = foreign_keys_whole(s, e);
	st = tx_end(s, st, e);
	if (st == ST_OK)
		s->version = version;
	if (st == ST_OK && s->dialect == DB_SQLITE)
		st = exec(s, "PRAGMA foreign_keys = ON", e);
	return st;
}

static pthread_once_t store_once = PTHREAD_ONCE_INIT;

static void
store_setup(void)
{
	if (sodium_init() < 0)
		abort(); /* no safe random numbers: nothing may be stored */
}

enum status
store_open(const char *path, enum store_open_mode mode, struct store **out,
	   struct err *e)
{
	struct store *s;
	enum status st;
	enum db_fout f;
	char melding[400];

	*out = NULL;
	pthread_once(&store_once, store_setup);
	s = calloc(1, sizeof(*s));
	if (!s)
		return nomem(e);
	arena_init(&s->scratch, 16u << 20);
	f = db_open(path, mode == STORE_CREATE, &s->db, melding,
		    sizeof(melding));
	if (f != DB_OK) {
		store_close(s);
		return err_set(e,
			       f == DB_VERBINDING      ? ST_UNAVAILABLE
			       : f == DB_GEEN_DATABASE ? ST_NOT_FOUND
						       : ST_INTERNAL,
			       "%s", melding);
	}
	s->dialect = db_dialect(s->db);
	st = migrate(s, e);
	if (st != ST_OK) {
		char toon[1100];

		if (st == ST_INTERNAL && db_laatste(s->db) == DB_GEEN_DATABASE)
			err_set(e, ST_INVALID, "%s is geen ambt-database.",
				db_weergave(path, toon, sizeof(toon)));
		st = e ? e->status : st;
		store_close(s);
		return st;
	}
	*out = s;
	return ST_OK;
}

/* A driver's failure at `doel` as a status with its message. */
static enum status
doel_fout(enum db_fout f, const char *melding, struct err *e)
{
	if (f == DB_OK)
		return ST_OK;
	return err_set(e, f == DB_VERBINDING ? ST_UNAVAILABLE : ST_INTERNAL,
		       "%s", melding);
}

enum status
store_bestaat(const char *doel, bool *ja, struct err *e)
{
	char melding[400];

	return doel_fout(db_bestaat(doel, ja, melding, sizeof(melding)),
			 melding, e);
}

enum status
store_wis(const char *doel, struct err *e)
{
	char melding[400];

	return doel_fout(db_wis(doel, melding, sizeof(melding)), melding, e);
}

const char *
store_weergave(const char *doel, char *buf, size_t n)
{
	return db_weergave(doel, buf, n);
}

bool
store_is_postgres(const char *doel)
{
	return db_doel_postgres(doel);
}

void
store_close(struct store *s)
{
	if (!s)
		return;
	db_close(s->db);
	arena_free(&s->scratch);
	arena_free(&s->zicht_a);
	free(s);
}

enum status
store_generation(struct store *s, const char *familie, int64_t *out,
		 struct err *e)
{
	struct db_stmt *st;
	int r;

	*out = 0;
	if (!familie || !*familie || strlen(familie) > STORE_FAMILIE_MAX)
		return err_internal(e, "store_generation: the family '%s'",
				    familie ? familie : "(null)");
	if (!(st = stmt(s, Q_GENERATIE_GET, e)))
		return e->status;
	bind_text(st, 1, familie);
	r = next_row(s, st, e);
	*out = r == 1 ? db_col_int(st, 0) : 0;
	db_reset(st);
	return r < 0 ? e->status : ST_OK;
}

int
store_schema_version(struct store *s)
{
	return s->version;
}

int
store_schema_latest(void)
{
	struct migration m[MAX_MIGRATIES];
	size_t n = migraties(DB_SQLITE, m);

	return n ? m[n - 1].version : 0;
}

enum status
store_check_integrity(struct store *s, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_INTEGRITY, e);
	enum status rc = ST_OK;
	const char *res;
	int r;

	if (!st)
		return e->status;
	r = next_row(s, st, e);
	if (r < 0)
		rc = e->status;
	else if (r == 0 || !(res = db_col_text(st, 0)) || strcmp(res, "ok"))
		rc = err_internal(
			e, "integrity check: %s",
			r ? (db_col_text(st, 0) ? db_col_text(st, 0) : "?")
			  : "no answer");
	db_reset(st);
	return rc ? rc : foreign_keys_whole(s, e);
}

/* ---- lookups by code ---- */

/* Id of an organisation by code and kind; ST_NOT_FOUND names `field`. */
enum status
org_id(struct store *s, const char *code, enum org_soort soort,
       const char *field, int64_t *id, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_ORG_ID, e);
	int r;

	if (!st)
		return e->status;
	bind_text(st, 1, code);
	r = next_row(s, st, e);
	if (r < 0)
		return e->status;
	if (r == 0 || strcmp(db_col_text(st, 1), org_soort_name(soort)) != 0) {
		if (!field)
			return err_set(e, ST_NOT_FOUND, "%s %s bestaat niet.",
				       soort == ORG_GEMEENTE
					       ? "Gemeente"
					       : "Gemeenschappelijke regeling",
				       code);
		if (soort == ORG_GEMEENTE)
			return err_invalid(e, field, "unknown",
					   "Onbekende CBS-code %.20s: deze "
					   "gemeente staat niet in het "
					   "register.",
					   code);
		return err_invalid(e, field, "unknown",
				   "Onbekende gemeenschappelijke regeling "
				   "%.20s.",
				   code);
	}
	*id = db_col_int(st, 0);
	return ST_OK;
}

/*
 * The viewer of this connection may read a decision of organisation `org`
 * with this publicity and status (store_set_zicht).
 */
bool
zichtbaar(const struct store *s, const char *org, const char *openbaarheid,
	  const char *status)
{
	enum openbaarheid o = OPENBAAR_GEHEIM;
	enum besluit_status st = BESLUIT_VOORGESTELD;

	if (openbaarheid_parse(openbaarheid, &o) ||
	    besluit_status_parse(status, &st))
		return false;
	return zicht_besluit(s->zicht, org, o, st);
}

void
read_besluit_ref(struct store *s, struct arena *a, struct db_stmt *st, int col,
		 const char **identificatie, const char **organisatie,
		 const char **onderwerp)
{
	bool ok = !col_is_null(st, col) &&
		  zichtbaar(s, db_col_text(st, col + 1),
			    db_col_text(st, col + 2), db_col_text(st, col + 3));

	*identificatie = ok ? col_text(a, st, col) : NULL;
	if (organisatie)
		*organisatie = ok ? col_text(a, st, col + 1) : NULL;
	if (onderwerp)
		*onderwerp = ok ? col_text(a, st, col + 4) : NULL;
}

enum status
besluit_ref_id(struct store *s, const char *identificatie,
	       const char *organisatie, int64_t samenwerking,
	       const char *const *orgs, const char *field, int64_t *id,
	       struct err *e)
{
	struct db_stmt *st = stmt(s, Q_BESLUIT_KANDIDATEN, e);
	int64_t found = 0;
	size_t n = 0;
	int r;

	*id = 0;
	if (!st)
		return e->status;
	bind_text(st, 1, identificatie);
	bind_text(st, 2, organisatie && *organisatie ? organisatie : NULL);
	bind_id(st, 3, samenwerking);
	bind_text(st, 4, orgs ? orgs[0] : NULL);
	bind_text(st, 5, orgs ? orgs[1] : NULL);
	while ((r = next_row(s, st, e)) == 1)
		if (zichtbaar(s, db_col_text(st, 1), db_col_text(st, 2),
			      db_col_text(st, 3))) {
			found = db_col_int(st, 0);
			n++;
		}
	db_reset(st);
	if (r < 0)
		return e->status;
	if (n == 0)
		return err_invalid(e, field, "unknown",
				   "Besluit %.50s bestaat niet.",
				   identificatie ? identificatie : "");
	if (n > 1)
		return err_invalid(e, field, "ambiguous",
				   "Meer dan één organisatie heeft een besluit "
				   "%.50s; noem ook de organisatie.",
				   identificatie);
	*id = found;
	return ST_OK;
}

/*
 * The row of query `q` (one text parameter) for `key`, or NULL with `e`
 * set: ST_NOT_FOUND with "<wat> <key> bestaat niet." (the key cut at
 * `max` bytes) when there is none.
 */
struct db_stmt *
row_by_key(struct store *s, enum query q, const char *key, const char *wat,
	   int max, struct err *e)
{
	struct db_stmt *st = stmt(s, q, e);
	int r;

	if (!st)
		return NULL;
	bind_text(st, 1, key);
	r = next_row(s, st, e);
	if (r < 0)
		return NULL;
	if (r == 0) {
		err_set(e, ST_NOT_FOUND, "%s %.*s bestaat niet.", wat, max,
			key ? key : "");
		return NULL;
	}
	return st;
}

enum status
samenwerking_id(struct store *s, const char *code, int64_t *id, day_t *sinds,
		struct err *e)
{
	struct db_stmt *st;

	*id = 0; /* defined on every path */
	if (sinds)
		*sinds = DATE_NONE;
	st = row_by_key(s, Q_SW_ID, code, "Samenwerking", 20, e);
	if (!st)
		return e->status;
	*id = db_col_int(st, 0);
	if (sinds)
		*sinds = col_date(st, 1);
	return ST_OK;
}

enum status
eenheid_id(struct store *s, const char *code, int64_t *id,
	   const char **samenwerking, struct arena *a, struct err *e)
{
	struct db_stmt *st;

	*id = 0; /* defined on every path */
	st = row_by_key(s, Q_EENHEID_ID, code, "Eenheid", 64, e);
	if (!st)
		return e->status;
	*id = db_col_int(st, 0);
	if (samenwerking)
		*samenwerking = col_text(a, st, 1);
	return ST_OK;
}

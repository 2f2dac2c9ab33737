/*
 * store.c - the store of store.h, written once over the driver (db.h) and
 * run on SQLite and PostgreSQL alike.
 *
 * One connection per struct store. Statements are prepared on first use
 * and cached by query id. Every write function runs inside tx_begin() /
 * tx_end(): a write transaction (db_begin) when none is open, otherwise a
 * savepoint, so that a failing write never leaves half its rows behind.
 */
#include <errno.h>
#include <stdarg.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include <time.h>
#include <sys/stat.h>

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

enum status
tx_begin(struct store *s, struct err *e)
{
	enum status st;

	if (s->depth == 0) {
		st = db_begin(s->db) == DB_OK ? ST_OK : db_error(s, e, "begin");
		s->zichtbaar = false;
	} else
		st = db_savepoint(s->db) == DB_OK ? ST_OK
						  : db_error(s, e, "savepoint");
	if (st == ST_OK) {
		s->depth++;
		if (!s->stil)
			s->zichtbaar = true;
	}
	return st;
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

/* End what tx_begin started: commit/release when st is ST_OK, else undo. */
enum status
tx_end(struct store *s, enum status st, struct err *e)
{
	struct err ignore;

	s->scope = NULL;
	s->audit_besluit = 0;
	s->depth--;
	if (st == ST_OK && s->depth == 0 && s->version >= 3 && s->zichtbaar) {
		/* Every committed write raises the generation; bookkeeping
		 * alone (tx_begin_stil) does not. */
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

static void
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

/*
 * Append one entry to the chain, inside the caller's transaction. The
 * actor and origin are the connection's (store_set_actor).
 */
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
store_generation(struct store *s, int64_t *out, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_GENERATIE_GET, e);
	int r;

	if (!st)
		return e->status;
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

/* ---- organisations ---- */

const char **
store_organisatie_namen(struct store *s, struct arena *a,
			const char *const *codes, size_t n)
{
	const char **namen = arena_calloc(a, n + 1, sizeof *namen);
	for (size_t i = 0; namen && i < n; i++) {
		struct organisatie o;
		struct err probe;
		err_clear(&probe);
		namen[i] = store_organisatie_get(s, a, codes[i], &o, &probe) ==
					   ST_OK
				   ? o.naam
				   : codes[i];
	}
	return namen;
}

static void
read_org(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct organisatie *o = elem;

	o->id = db_col_int(st, 0);
	o->soort = strcmp(db_col_text(st, 1), "gemeente") == 0 ? ORG_GEMEENTE
							       : ORG_REGELING;
	o->code = col_text(a, st, 2);
	o->naam = col_text(a, st, 3);
	o->provincie = col_text(a, st, 4);
	o->taak = col_text(a, st, 5);
	o->verzonnen = (int)db_col_int(st, 6) != 0;
	o->inwoners = col_is_null(st, 7) ? -1 : db_col_int(st, 7);
	o->inwoners_peildatum = col_date(st, 8);
}

enum status
store_organisatie_add(struct store *s, const struct organisatie *o, day_t today,
		      struct err *e)
{
	struct db_stmt *st;
	enum status rc;
	int64_t dummy;
	struct err probe;

	if (reg_check_organisatie(o, today, e))
		return ST_INVALID;
	if ((rc = tx_begin(s, e)))
		return rc;
	err_clear(&probe);
	if (org_id(s, o->code, o->soort, NULL, &dummy, &probe) == ST_OK ||
	    org_id(s, o->code,
		   o->soort == ORG_GEMEENTE ? ORG_REGELING : ORG_GEMEENTE, NULL,
		   &dummy, &probe) == ST_OK) {
		rc = err_set(e, ST_CONFLICT,
			     "Code %s staat al in het register.", o->code);
		return tx_end(s, rc, e);
	}
	if (!(st = stmt(s, Q_ORG_INSERT, e)))
		return tx_end(s, e->status, e);
	bind_text(st, 1, org_soort_name(o->soort));
	bind_text(st, 2, o->code);
	bind_text(st, 3, o->naam);
	bind_text(st, 4, o->provincie);
	bind_text(st, 5, o->taak);
	bind_int(st, 6, o->verzonnen);
	rc = run(s, st, e);
	if (rc == ST_OK && o->inwoners >= 0) {
		struct inwonertal t = { o->inwoners_peildatum, o->inwoners,
					NULL };
		rc = store_inwonertal_add(s, o->code, &t, today, e);
	}
	if (rc == ST_OK)
		s->scope = o->code;
	if (rc == ST_OK)
		rc = audit_append(
			s, "create", 201,
			o->soort == ORG_GEMEENTE ? "gemeente" : "regeling",
			NULL, o->code, NULL, NULL,
			jobj(&s->scratch, "code", o->code, "naam", o->naam,
			     "provincie", o->provincie, "taak", o->taak, NULL),
			e);
	return tx_end(s, rc, e);
}

enum status
store_organisatie_get(struct store *s, struct arena *a, const char *code,
		      struct organisatie *out, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_ORG_GET, e);
	int r;

	if (!st)
		return e->status;
	bind_text(st, 1, code);
	r = next_row(s, st, e);
	if (r < 0)
		return e->status;
	if (r == 0)
		return err_set(e, ST_NOT_FOUND,
			       "%.20s staat niet in het register.", code);
	read_org(s, a, st, out);
	return ST_OK;
}

enum status
store_organisatie_list(struct store *s, struct arena *a, enum org_soort soort,
		       struct organisatie **out, size_t *n, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_ORG_LIST, e);
	void *arr;

	*out = NULL;
	*n = 0;
	if (!st)
		return e->status;
	bind_text(st, 1, org_soort_name(soort));
	if (rows_read(s, a, st, sizeof(**out), read_org, &arr, n, e))
		return e->status;
	*out = arr;
	return ST_OK;
}

enum status
store_inwonertal_add(struct store *s, const char *code,
		     const struct inwonertal *t, day_t today, struct err *e)
{
	struct db_stmt *st;
	int64_t id;
	enum status rc;

	reg_check_inwonertal(t, today, e);
	if (err_has_problems(e))
		return ST_INVALID;
	if ((rc = tx_begin(s, e)))
		return rc;
	rc = org_id(s, code, ORG_GEMEENTE, NULL, &id, e);
	if (rc == ST_OK && !(st = stmt(s, Q_INWONERTAL_UPSERT, e)))
		rc = e->status;
	if (rc == ST_OK) {
		bind_int(st, 1, id);
		bind_date(st, 2, t->peildatum);
		bind_int(st, 3, t->aantal);
		bind_text(st, 4, t->bron);
		rc = run(s, st, e);
	}
	if (rc == ST_OK) {
		char n[24];
		snprintf(n, sizeof(n), "%lld", (long long)t->aantal);
		s->scope = code;
		rc = audit_append(
			s, "create", 201, "inwonertal", NULL, code, NULL, NULL,
			jobj(&s->scratch, "gemeente", code, "peildatum",
			     iso(&s->scratch, t->peildatum), "aantal", n, NULL),
			e);
	}
	return tx_end(s, rc, e);
}

enum status
store_inwonertal_list(struct store *s, struct arena *a, const char *code,
		      struct inwonertal **out, size_t *n, struct err *e)
{
	struct db_stmt *st;
	int64_t id;
	size_t cap = 0;
	int r;

	*out = NULL;
	*n = 0;
	if (org_id(s, code, ORG_GEMEENTE, NULL, &id, e))
		return e->status;
	if (!(st = stmt(s, Q_INWONERTAL_LIST, e)))
		return e->status;
	bind_int(st, 1, id);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, *out, *n, cap))
			return nomem(e);
		struct inwonertal *t = &(*out)[*n - 1];
		t->peildatum = col_date(st, 0);
		t->aantal = db_col_int(st, 1);
		t->bron = col_text(a, st, 2);
	}
	return r < 0 ? e->status : ST_OK;
}

/* Read membership rows (id, code, naam, van, tot, a decision reference). */
static enum status
read_leden(struct store *s, struct arena *a, struct db_stmt *st,
	   struct lidmaatschap **out, size_t *n, struct err *e)
{
	size_t cap = 0;
	int r;

	*out = NULL;
	*n = 0;
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, *out, *n, cap))
			return nomem(e);
		struct lidmaatschap *l = &(*out)[*n - 1];
		l->id = db_col_int(st, 0);
		l->gemeente = col_text(a, st, 1);
		l->gemeente_naam = col_text(a, st, 2);
		l->periode.van = col_date(st, 3);
		l->periode.tot = col_date(st, 4);
		read_besluit_ref(s, a, st, 5, &l->besluit,
				 &l->besluit_organisatie, NULL);
	}
	return r < 0 ? e->status : ST_OK;
}

/*
 * Shared by joint bodies and cooperations: check a new membership with
 * the existing ones, resolve codes, insert.
 */
/*
 * A membership may name a decision of the cooperation's organisations
 * (samenwerking: its id), or of the member and the joint body (regeling:
 * its code).
 */
static enum status
lid_add(struct store *s, enum query list_q, enum query insert_q, int64_t owner,
	int64_t samenwerking, const char *regeling, day_t sinds,
	const struct lidmaatschap *l, struct err *e)
{
	const char *orgs[2] = { l->gemeente, regeling };
	struct arena a;
	struct lidmaatschap *leden, *all;
	size_t n;
	int64_t gid = 0, bid = 0;
	struct db_stmt *st;
	enum status rc;
	char field[32], d[32];

	arena_init(&a, 1 << 20);
	if (!(st = stmt(s, list_q, e))) {
		rc = e->status;
		goto out;
	}
	bind_int(st, 1, owner);
	if ((rc = read_leden(s, &a, st, &leden, &n, e)))
		goto out;
	if (!(all = arena_grow(&a, leden, n, n + 1, sizeof(*all)))) {
		rc = nomem(e);
		goto out;
	}
	all[n] = *l;
	snprintf(field, sizeof(field), "leden");
	if (reg_check_leden(all, n + 1, field, e)) {
		/* Name the new member's fields without an index. */
		for (size_t i = 0; i < e->nproblems; i++) {
			char *p = strchr(e->problems[i].name, '.');
			if (p)
				memmove(e->problems[i].name, p + 1,
					strlen(p + 1) + 1);
		}
		rc = ST_INVALID;
		goto out;
	}
	if (sinds != DATE_NONE && l->periode.van < sinds) {
		date_format_nl(sinds, d, sizeof(d));
		rc = err_invalid(e, "van", "before-cooperation",
				 "De samenwerking bestaat pas sinds %s.", d);
		goto out;
	}
	if (org_id(s, l->gemeente, ORG_GEMEENTE, "gemeente", &gid, e))
		rc = e->status;
	if (l->besluit && *l->besluit &&
	    besluit_ref_id(s, l->besluit, l->besluit_organisatie, samenwerking,
			   orgs, "besluit", &bid, e))
		rc = e->status;
	if (rc)
		goto out;
	if (!(st = stmt(s, insert_q, e))) {
		rc = e->status;
		goto out;
	}
	bind_int(st, 1, owner);
	bind_int(st, 2, gid);
	bind_date(st, 3, l->periode.van);
	bind_date(st, 4, l->periode.tot);
	bind_id(st, 5, bid);
	rc = run(s, st, e);
	s->scope = l->gemeente;
	s->audit_besluit = bid;
	if (rc == ST_OK)
		rc = audit_append(s, "create", 201, "lidmaatschap", NULL,
				  l->gemeente, NULL, NULL,
				  jobj(&s->scratch, "gemeente", l->gemeente,
				       "van", iso(&s->scratch, l->periode.van),
				       "tot", iso(&s->scratch, l->periode.tot),
				       "besluit", l->besluit, NULL),
				  e);
out:
	arena_free(&a);
	return rc;
}

enum status
store_regeling_lid_add(struct store *s, const char *regeling,
		       const struct lidmaatschap *l, struct err *e)
{
	int64_t rid;
	enum status rc;

	if ((rc = tx_begin(s, e)))
		return rc;
	rc = org_id(s, regeling, ORG_REGELING, NULL, &rid, e);
	if (rc == ST_OK)
		rc = lid_add(s, Q_REGELING_LEDEN, Q_REGELING_LID_INSERT, rid, 0,
			     regeling, DATE_NONE, l, e);
	return tx_end(s, rc, e);
}

enum status
store_regeling_leden(struct store *s, struct arena *a, const char *regeling,
		     struct lidmaatschap **out, size_t *n, struct err *e)
{
	struct db_stmt *st;
	int64_t rid;

	*out = NULL;
	*n = 0;
	if (org_id(s, regeling, ORG_REGELING, NULL, &rid, e))
		return e->status;
	if (!(st = stmt(s, Q_REGELING_LEDEN, e)))
		return e->status;
	bind_int(st, 1, rid);
	return read_leden(s, a, st, out, n, e);
}

/* ---- decisions ---- */

static void
read_besluit(struct arena *a, struct db_stmt *st, struct besluit *b)
{
	memset(b, 0, sizeof(*b));
	b->id = db_col_int(st, 0);
	b->identificatie = col_text(a, st, 1);
	b->verantwoordelijke_organisatie = col_text(a, st, 2);
	b->organisatie_naam = col_text(a, st, 3);
	bestuursorgaan_parse(db_col_text(st, 4), &b->bestuursorgaan);
	b->datum = col_date(st, 5);
	b->ingangsdatum = col_date(st, 6);
	b->vervaldatum = col_date(st, 7);
	b->vervalreden = VERVAL_GEEN;
	if (!col_is_null(st, 8))
		vervalreden_parse(db_col_text(st, 8), &b->vervalreden);
	b->publicatiedatum = col_date(st, 9);
	b->onderwerp = col_text(a, st, 10);
	b->toelichting = col_text(a, st, 11);
	b->portefeuillehouder = col_text(a, st, 12);
	b->afdeling = col_text(a, st, 13);
	openbaarheid_parse(db_col_text(st, 14), &b->openbaarheid);
	b->geheim_tot = col_date(st, 15);
	besluit_status_parse(db_col_text(st, 16), &b->status);
	b->verzonnen = (int)db_col_int(st, 17) != 0;
}

static enum status
insert_stap(struct store *s, int64_t bid, int64_t volgnummer,
	    const struct besluit_stap *h, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_BESLUIT_STAP_INSERT, e);

	if (!st)
		return e->status;
	bind_int(st, 1, bid);
	bind_int(st, 2, volgnummer);
	bind_text(st, 3, besluit_status_name(h->status));
	bind_date(st, 4, h->datum);
	bind_text(st, 5, h->toelichting);
	return run(s, st, e);
}

enum status
store_besluit_add(struct store *s, struct arena *a, const struct besluit *b,
		  day_t today, const char **identificatie_out, int64_t *id_out,
		  struct err *e)
{
	struct db_stmt *st;
	enum status rc;
	int64_t oid = 0, bid, nummer = 0;
	int jaar = 0, m, d;
	char gen[64];
	const char *ident = b->identificatie;

	if (identificatie_out)
		*identificatie_out = NULL;
	if (id_out)
		*id_out = 0;
	besluit_check(b, today, e);
	if ((rc = tx_begin(s, e)))
		return rc;
	if (b->verantwoordelijke_organisatie &&
	    *b->verantwoordelijke_organisatie &&
	    org_id(s, b->verantwoordelijke_organisatie, ORG_GEMEENTE,
		   "verantwoordelijkeOrganisatie", &oid, e) == ST_INTERNAL)
		return tx_end(s, ST_INTERNAL, e);
	if (err_has_problems(e))
		return tx_end(s, ST_INVALID, e);
	if (ident && *ident) {
		/* Unique within the organisation, as in ZGW: another
		 * organisation may have one with the same identificatie. */
		if (!(st = stmt(s, Q_BESLUIT_BESTAAT, e)))
			return tx_end(s, e->status, e);
		bind_int(st, 1, oid);
		bind_text(st, 2, ident);
		rc = next_row(s, st, e) == 1 ? ST_INVALID : e->status;
		db_reset(st);
		if (rc == ST_INVALID)
			err_invalid(e, "identificatie", "unique",
				    "%.60s heeft al een besluit met "
				    "identificatie %.50s.",
				    b->verantwoordelijke_organisatie, ident);
		if (rc)
			return tx_end(s, rc, e);
	} else {
		date_to_ymd(b->datum, &jaar, &m, &d);
		if (!(st = stmt(s, Q_BESLUIT_NEXT_NUMMER, e)))
			return tx_end(s, e->status, e);
		bind_int(st, 1, jaar);
		if (next_row(s, st, e) != 1)
			return tx_end(s, e->status, e);
		nummer = db_col_int(st, 0);
		db_reset(st);
		besluit_identificatie(jaar, nummer, gen, sizeof(gen));
		ident = gen;
	}
	if (!(st = stmt(s, Q_BESLUIT_INSERT, e)))
		return tx_end(s, e->status, e);
	bind_text(st, 1, ident);
	bind_int(st, 2, oid);
	bind_text(st, 3, bestuursorgaan_name(b->bestuursorgaan));
	bind_date(st, 4, b->datum);
	bind_date(st, 5, b->ingangsdatum);
	bind_date(st, 6, b->vervaldatum);
	if (b->vervalreden != VERVAL_GEEN)
		bind_text(st, 7, vervalreden_name(b->vervalreden));
	else
		bind_null(st, 7);
	bind_date(st, 8, b->publicatiedatum);
	bind_text(st, 9, b->onderwerp);
	bind_text(st, 10,
		  b->toelichting && *b->toelichting ? b->toelichting : NULL);
	bind_text(st, 11, b->portefeuillehouder);
	bind_text(st, 12, b->afdeling);
	bind_text(st, 13, openbaarheid_name(b->openbaarheid));
	bind_date(st, 14, b->geheim_tot);
	bind_text(st, 15, besluit_status_name(b->status));
	if (nummer) {
		bind_int(st, 16, jaar);
		bind_int(st, 17, nummer);
	} else {
		bind_null(st, 16);
		bind_null(st, 17);
	}
	bind_int(st, 18, b->verzonnen);
	rc = run_id(s, st, &bid, e);
	for (size_t i = 0; rc == ST_OK && i < b->nhistorie; i++)
		rc = insert_stap(s, bid, (int64_t)i + 1, &b->historie[i], e);
	s->scope = b->verantwoordelijke_organisatie;
	s->audit_besluit = bid;
	if (rc == ST_OK)
		rc = audit_append(
			s, "create", 201, "besluit", NULL, ident, NULL, NULL,
			jobj(&s->scratch, "identificatie", ident,
			     "verantwoordelijkeOrganisatie",
			     b->verantwoordelijke_organisatie, "bestuursorgaan",
			     bestuursorgaan_name(b->bestuursorgaan), "datum",
			     iso(&s->scratch, b->datum), "onderwerp",
			     b->onderwerp, "status",
			     besluit_status_name(b->status), "openbaarheid",
			     openbaarheid_name(b->openbaarheid), NULL),
			e);
	rc = tx_end(s, rc, e);
	if (rc == ST_OK && id_out)
		*id_out = bid;
	if (rc == ST_OK && identificatie_out &&
	    !(*identificatie_out = arena_strdup(a, ident)))
		return nomem(e);
	return rc;
}

static enum status
read_historie(struct store *s, struct arena *a, struct besluit *b,
	      struct err *e)
{
	struct db_stmt *st = stmt(s, Q_BESLUIT_STAPPEN, e);
	size_t cap = 0;
	int r;

	b->historie = NULL;
	b->nhistorie = 0;
	if (!st)
		return e->status;
	bind_int(st, 1, b->id);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, b->historie, b->nhistorie, cap))
			return nomem(e);
		struct besluit_stap *h = &b->historie[b->nhistorie - 1];
		besluit_status_parse(db_col_text(st, 0), &h->status);
		h->datum = col_date(st, 1);
		h->toelichting = col_text(a, st, 2);
	}
	return r < 0 ? e->status : ST_OK;
}

/* The viewer may read decision b (store_set_zicht). */
static bool
besluit_zichtbaar(const struct store *s, const struct besluit *b)
{
	return zicht_besluit(s->zicht, b->verantwoordelijke_organisatie,
			     b->openbaarheid, b->status);
}

enum status
store_besluit_get(struct store *s, struct arena *a, int64_t id,
		  struct besluit *out, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_BESLUIT_GET, e);
	int r;

	if (!st)
		return e->status;
	bind_int(st, 1, id);
	r = next_row(s, st, e);
	if (r == 1)
		read_besluit(a, st, out);
	db_reset(st);
	if (r < 0)
		return e->status;
	if (r == 0 || !besluit_zichtbaar(s, out))
		return err_set(e, ST_NOT_FOUND, "Dit besluit bestaat niet.");
	return read_historie(s, a, out, e);
}

enum status
store_besluit_zoek(struct store *s, struct arena *a, const char *identificatie,
		   const char *organisatie, struct besluit **out, size_t *n,
		   struct err *e)
{
	struct db_stmt *st = stmt(s, Q_BESLUIT_ZOEK, e);
	size_t cap = 0;
	int r;

	*out = NULL;
	*n = 0;
	if (!st)
		return e->status;
	bind_text(st, 1, identificatie);
	bind_text(st, 2, organisatie);
	while ((r = next_row(s, st, e)) == 1) {
		struct besluit b;

		read_besluit(a, st, &b);
		if (!besluit_zichtbaar(s, &b))
			continue;
		if (!PUSH(a, *out, *n, cap)) {
			db_reset(st);
			return nomem(e);
		}
		(*out)[*n - 1] = b;
	}
	db_reset(st);
	return r < 0 ? e->status : ST_OK;
}

void
store_besluit_filter_init(struct besluit_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->bestuursorgaan = -1;
	f->status = -1;
	f->openbaarheid = -1;
	f->van = DATE_NONE;
	f->tot = DATE_NONE;
}

static void
bind_filter(const struct store *s, struct db_stmt *st,
	    const struct besluit_filter *f)
{
	bind_text(st, 1, f->organisatie);
	if (f->bestuursorgaan >= 0)
		bind_text(st, 2,
			  bestuursorgaan_name(
				  (enum bestuursorgaan)f->bestuursorgaan));
	else
		bind_null(st, 2);
	if (f->status >= 0)
		bind_text(st, 3,
			  besluit_status_name((enum besluit_status)f->status));
	else
		bind_null(st, 3);
	if (f->openbaarheid >= 0)
		bind_text(
			st, 4,
			openbaarheid_name((enum openbaarheid)f->openbaarheid));
	else
		bind_null(st, 4);
	bind_date(st, 5, f->van);
	bind_date(st, 6, f->tot);
	bind_zoek(st, 7, f->zoek);
	bind_int(st, 8, s->zicht && s->zicht->alles);
	bind_text(st, 9, s->zicht_volledig);
	bind_text(st, 10, s->zicht_intern);
}

enum status
store_besluit_list(struct store *s, struct arena *a,
		   const struct besluit_filter *f, struct besluit **out,
		   size_t *n, size_t *total, struct err *e)
{
	struct db_stmt *st;
	size_t cap = 0;
	int r;

	*out = NULL;
	*n = 0;
	*total = 0;
	if (!(st = stmt(s, Q_BESLUIT_COUNT, e)))
		return e->status;
	bind_filter(s, st, f);
	if (next_row(s, st, e) != 1)
		return e->status;
	*total = (size_t)db_col_int(st, 0);
	db_reset(st);
	if (!(st = stmt(s, Q_BESLUIT_LIST, e)))
		return e->status;
	bind_filter(s, st, f);
	bind_int(st, 11, f->limit ? (int64_t)f->limit : INT64_MAX);
	bind_int(st, 12, (int64_t)f->offset);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, *out, *n, cap))
			return nomem(e);
		read_besluit(a, st, &(*out)[*n - 1]);
	}
	return r < 0 ? e->status : ST_OK;
}

enum status
store_besluit_kies(struct store *s, struct arena *a, const char *identificatie,
		   const char *organisatie, const char *veld,
		   struct besluit *out, struct err *e)
{
	struct besluit *b;
	size_t n;
	char orgs[160] = "";

	if (store_besluit_zoek(s, a, identificatie, organisatie, &b, &n, e))
		return e->status;
	if (n == 0)
		return err_set(e, ST_NOT_FOUND, "Besluit %.50s bestaat niet.",
			       identificatie ? identificatie : "");
	if (n > 1) {
		for (size_t i = 0; i < n; i++)
			snprintf(orgs + strlen(orgs),
				 sizeof(orgs) - strlen(orgs), "%s%.20s",
				 i ? ", " : "",
				 b[i].verantwoordelijke_organisatie);
		return err_invalid(e, veld, "ambiguous",
				   "Meer dan één organisatie heeft een besluit "
				   "%.50s (%s); noem de organisatie.",
				   identificatie, orgs);
	}
	return store_besluit_get(s, a, b[0].id, out, e);
}

/* The correctable fields of a decision as JSON, for the audit trail. */
static const char *
correctable_json(struct store *s, const struct besluit *b)
{
	struct arena *a = &s->scratch;

	return jobj(a, "ingangsdatum", iso(a, b->ingangsdatum), "vervaldatum",
		    iso(a, b->vervaldatum), "vervalreden",
		    b->vervalreden == VERVAL_GEEN
			    ? NULL
			    : vervalreden_name(b->vervalreden),
		    "publicatiedatum", iso(a, b->publicatiedatum), "onderwerp",
		    b->onderwerp, "toelichting", b->toelichting,
		    "portefeuillehouder", b->portefeuillehouder, "afdeling",
		    b->afdeling, "openbaarheid",
		    openbaarheid_name(b->openbaarheid), "geheimTot",
		    iso(a, b->geheim_tot), NULL);
}

enum status
store_besluit_update(struct store *s, int64_t id, const struct besluit *b,
		     day_t today, struct err *e)
{
	const char *oud = NULL;
	struct arena a;
	struct besluit cur;
	struct db_stmt *st;
	enum status rc;

	arena_init(&a, 1 << 20);
	if ((rc = tx_begin(s, e))) {
		arena_free(&a);
		return rc;
	}
	if (store_besluit_get(s, &a, id, &cur, e))
		goto out;
	oud = correctable_json(s, &cur);
	cur.ingangsdatum = b->ingangsdatum;
	cur.vervaldatum = b->vervaldatum;
	cur.vervalreden = b->vervalreden;
	cur.publicatiedatum = b->publicatiedatum;
	cur.onderwerp = b->onderwerp;
	cur.toelichting = b->toelichting;
	cur.portefeuillehouder = b->portefeuillehouder;
	cur.afdeling = b->afdeling;
	cur.openbaarheid = b->openbaarheid;
	cur.geheim_tot = b->geheim_tot;
	if (besluit_check(&cur, today, e))
		goto out;
	if (!(st = stmt(s, Q_BESLUIT_UPDATE, e)))
		goto out;
	bind_int(st, 1, cur.id);
	bind_date(st, 2, cur.ingangsdatum);
	bind_date(st, 3, cur.vervaldatum);
	if (cur.vervalreden != VERVAL_GEEN)
		bind_text(st, 4, vervalreden_name(cur.vervalreden));
	else
		bind_null(st, 4);
	bind_date(st, 5, cur.publicatiedatum);
	bind_text(st, 6, cur.onderwerp);
	bind_text(st, 7,
		  cur.toelichting && *cur.toelichting ? cur.toelichting : NULL);
	bind_text(st, 8, cur.portefeuillehouder);
	bind_text(st, 9, cur.afdeling);
	bind_text(st, 10, openbaarheid_name(cur.openbaarheid));
	bind_date(st, 11, cur.geheim_tot);
	s->scope = cur.verantwoordelijke_organisatie;
	s->audit_besluit = cur.id;
	if (run(s, st, e) == ST_OK)
		audit_append(s, "partial_update", 200, "besluit", NULL,
			     cur.identificatie, NULL, oud,
			     correctable_json(s, &cur), e);
out:
	rc = tx_end(s, e->status, e);
	arena_free(&a);
	return rc;
}

enum status
store_besluit_delete(struct store *s, int64_t id, struct err *e)
{
	struct arena a;
	struct besluit cur;
	struct db_stmt *st;
	enum status rc;

	arena_init(&a, 1 << 20);
	if ((rc = tx_begin(s, e))) {
		arena_free(&a);
		return rc;
	}
	if (store_besluit_get(s, &a, id, &cur, e))
		goto out;
	if (cur.status != BESLUIT_VOORGESTELD &&
	    cur.status != BESLUIT_AANGEHOUDEN) {
		err_set(e, ST_CONFLICT,
			"Besluit %.50s is %s en kan niet worden verwijderd; een "
			"genomen besluit blijft in het register (trek het in "
			"met een nieuwe status).",
			cur.identificatie, besluit_status_name(cur.status));
		goto out;
	}
	if (!(st = stmt(s, Q_BESLUIT_LINKS, e)))
		goto out;
	bind_int(st, 1, cur.id);
	if (next_row(s, st, e) != 1)
		goto out;
	if (db_col_int(st, 0) > 0) {
		db_reset(st);
		err_set(e, ST_CONFLICT,
			"Besluit %.50s kan niet worden verwijderd: het register "
			"verwijst ernaar.",
			cur.identificatie);
		goto out;
	}
	db_reset(st);
	if (!(st = stmt(s, Q_BESLUIT_DELETE_STAPPEN, e)))
		goto out;
	bind_int(st, 1, cur.id);
	if (run(s, st, e) || !(st = stmt(s, Q_BESLUIT_DELETE, e)))
		goto out;
	bind_int(st, 1, cur.id);
	s->scope = cur.verantwoordelijke_organisatie;
	s->audit_besluit = cur.id;
	if (run(s, st, e) == ST_OK)
		audit_append(s, "destroy", 204, "besluit", NULL,
			     cur.identificatie, NULL,
			     jobj(&s->scratch, "identificatie",
				  cur.identificatie, "onderwerp", cur.onderwerp,
				  "status", besluit_status_name(cur.status),
				  NULL),
			     NULL, e);
out:
	rc = tx_end(s, e->status, e);
	arena_free(&a);
	return rc;
}

enum status
store_besluit_stap_add(struct store *s, int64_t id,
		       const struct besluit_stap *stap, day_t today,
		       struct err *e)
{
	struct arena a;
	struct besluit b;
	struct db_stmt *st;
	enum status rc;

	arena_init(&a, 1 << 20);
	if ((rc = tx_begin(s, e))) {
		arena_free(&a);
		return rc;
	}
	rc = store_besluit_get(s, &a, id, &b, e);
	if (rc == ST_OK)
		rc = besluit_check_stap(&b, stap, today, e);
	if (rc == ST_OK)
		rc = insert_stap(s, b.id, (int64_t)b.nhistorie + 1, stap, e);
	if (rc == ST_OK && !(st = stmt(s, Q_BESLUIT_SET_STATUS, e)))
		rc = e->status;
	if (rc == ST_OK) {
		bind_int(st, 1, b.id);
		bind_text(st, 2, besluit_status_name(stap->status));
		/* Adopting a decision dates it. */
		if (stap->status == BESLUIT_VASTGESTELD)
			bind_date(st, 3, stap->datum);
		else
			bind_null(st, 3);
		rc = run(s, st, e);
	}
	s->scope = b.verantwoordelijke_organisatie;
	s->audit_besluit = b.id;
	if (rc == ST_OK)
		rc = audit_append(s, "update", 200, "besluit", NULL,
				  b.identificatie, "nieuwe status",
				  jobj(&s->scratch, "status",
				       besluit_status_name(b.status), NULL),
				  jobj(&s->scratch, "status",
				       besluit_status_name(stap->status),
				       "datum", iso(&s->scratch, stap->datum),
				       "toelichting", stap->toelichting, NULL),
				  e);
	rc = tx_end(s, rc, e);
	arena_free(&a);
	return rc;
}

enum status
store_besluit_wijzigingen(struct store *s, struct arena *a, int64_t id,
			  struct besluit_wijziging **out, size_t *n,
			  struct err *e)
{
	struct db_stmt *st;
	size_t cap = 0;
	int r;
	char buf[512], d[32];

	*out = NULL;
	*n = 0;
	if (!(st = stmt(s, Q_BESLUIT_WIJZIGINGEN, e)))
		return e->status;
	bind_int(st, 1, id);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, *out, *n, cap))
			return nomem(e);
		struct besluit_wijziging *w = &(*out)[*n - 1];
		const char *naam = db_col_text(st, 3);
		const char *vorm = db_col_text(st, 4);
		const char *partij = db_col_text(st, 5);

		w->soort = col_text(a, st, 0);
		w->samenwerking = col_text(a, st, 1);
		w->object = col_text(a, st, 2);
		w->van = col_date(st, 6);
		date_format_nl(w->van, d, sizeof(d));
		if (strcmp(w->soort, "inrichting") == 0)
			snprintf(buf, sizeof(buf), "%s: %s%s%s vanaf %s",
				 naam ? naam : "", vorm ? vorm : "",
				 partij ? " " : "", partij ? partij : "", d);
		else if (strcmp(w->soort, "lidmaatschap") == 0)
			snprintf(buf, sizeof(buf), "%s lid van %s vanaf %s",
				 naam ? naam : "", w->samenwerking, d);
		else
			snprintf(buf, sizeof(buf),
				 "Kaderartikel %s%s%s: versie vanaf %s",
				 w->object, naam ? " " : "", naam ? naam : "",
				 d);
		w->omschrijving = arena_strdup(a, buf);
	}
	return r < 0 ? e->status : ST_OK;
}

/* ---- cooperations ---- */

static void
read_sw(struct store *s, struct arena *a, struct db_stmt *st, void *elem)
{
	struct samenwerking *sw = elem;

	sw->id = db_col_int(st, 0);
	sw->code = col_text(a, st, 1);
	sw->naam = col_text(a, st, 2);
	sw->sinds = col_date(st, 3);
	sw->centrumgemeente = col_text(a, st, 4);
	sw->centrumgemeente_naam = col_text(a, st, 5);
	sw->omschrijving = col_text(a, st, 6);
}

enum status
store_samenwerking_add(struct store *s, const struct samenwerking *sw,
		       struct err *e)
{
	struct db_stmt *st;
	enum status rc;
	int64_t cid = 0, dummy;
	struct err probe;

	reg_check_samenwerking(sw, e);
	if ((rc = tx_begin(s, e)))
		return rc;
	if (sw->centrumgemeente && *sw->centrumgemeente)
		org_id(s, sw->centrumgemeente, ORG_GEMEENTE, "centrumgemeente",
		       &cid, e);
	err_clear(&probe);
	if (sw->code &&
	    samenwerking_id(s, sw->code, &dummy, NULL, &probe) == ST_OK)
		err_invalid(e, "code", "unique",
			    "Er is al een samenwerking met code %s.", sw->code);
	if (e->status != ST_OK)
		return tx_end(s, e->status, e);
	if (!(st = stmt(s, Q_SW_INSERT, e)))
		return tx_end(s, e->status, e);
	bind_text(st, 1, sw->code);
	bind_text(st, 2, sw->naam);
	bind_date(st, 3, sw->sinds);
	bind_id(st, 4, cid);
	bind_text(st, 5, sw->omschrijving);
	rc = run(s, st, e);
	s->scope = sw->code;
	if (rc == ST_OK)
		rc = audit_append(
			s, "create", 201, "samenwerking", NULL, sw->code, NULL,
			NULL,
			jobj(&s->scratch, "code", sw->code, "naam", sw->naam,
			     "sinds", iso(&s->scratch, sw->sinds),
			     "centrumgemeente", sw->centrumgemeente, NULL),
			e);
	return tx_end(s, rc, e);
}

enum status
store_samenwerking_get(struct store *s, struct arena *a, const char *code,
		       struct samenwerking *out, struct err *e)
{
	struct db_stmt *st =
		row_by_key(s, Q_SW_GET, code, "Samenwerking", 20, e);

	if (!st)
		return e->status;
	read_sw(s, a, st, out);
	return ST_OK;
}

enum status
store_samenwerking_list(struct store *s, struct arena *a,
			struct samenwerking **out, size_t *n, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_SW_LIST, e);
	void *arr;

	*out = NULL;
	*n = 0;
	if (!st)
		return e->status;
	if (rows_read(s, a, st, sizeof(**out), read_sw, &arr, n, e))
		return e->status;
	*out = arr;
	return ST_OK;
}

enum status
store_samenwerking_lid_add(struct store *s, const char *code,
			   const struct lidmaatschap *l, struct err *e)
{
	int64_t sid;
	day_t sinds;
	enum status rc;

	if ((rc = tx_begin(s, e)))
		return rc;
	rc = samenwerking_id(s, code, &sid, &sinds, e);
	if (rc == ST_OK)
		rc = lid_add(s, Q_SW_LEDEN, Q_SW_LID_INSERT, sid, sid, NULL,
			     sinds, l, e);
	return tx_end(s, rc, e);
}

enum status
store_samenwerking_leden(struct store *s, struct arena *a, const char *code,
			 struct lidmaatschap **out, size_t *n, struct err *e)
{
	struct db_stmt *st;
	int64_t sid;

	*out = NULL;
	*n = 0;
	if (samenwerking_id(s, code, &sid, NULL, e))
		return e->status;
	if (!(st = stmt(s, Q_SW_LEDEN, e)))
		return e->status;
	bind_int(st, 1, sid);
	return read_leden(s, a, st, out, n, e);
}

/* ---- units ---- */

static void
read_eenheid(struct arena *a, struct db_stmt *st, int col, struct eenheid *u)
{
	u->id = db_col_int(st, col);
	u->code = col_text(a, st, col + 1);
	u->naam = col_text(a, st, col + 2);
	eenheid_soort_parse(db_col_text(st, col + 3), &u->soort);
	u->samenwerking = col_text(a, st, col + 4);
	u->omschrijving = col_text(a, st, col + 5);
	u->verzonnen = (int)db_col_int(st, col + 6) != 0;
}

static void
read_inrichting(struct store *s, struct arena *a, struct db_stmt *st, int col,
		struct inrichting *r)
{
	r->id = db_col_int(st, col);
	r->periode.van = col_date(st, col + 1);
	r->periode.tot = col_date(st, col + 2);
	vorm_parse(db_col_text(st, col + 3), &r->vorm);
	r->gemeente = col_text(a, st, col + 4);
	r->gemeente_naam = col_text(a, st, col + 5);
	r->regeling = col_text(a, st, col + 6);
	r->regeling_naam = col_text(a, st, col + 7);
	read_besluit_ref(s, a, st, col + 8, &r->besluit,
			 &r->besluit_organisatie, &r->besluit_onderwerp);
}

static enum status
read_hist(struct store *s, struct arena *a, int64_t eid,
	  struct inrichting **out, size_t *n, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_INRICHTING_HIST, e);
	size_t cap = 0;
	int r;

	*out = NULL;
	*n = 0;
	if (!st)
		return e->status;
	bind_int(st, 1, eid);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, *out, *n, cap))
			return nomem(e);
		read_inrichting(s, a, st, 0, &(*out)[*n - 1]);
	}
	return r < 0 ? e->status : ST_OK;
}

/*
 * Insert one arrangement period of unit `eid` of cooperation `sid`,
 * resolving its codes; its decision must be one of the cooperation's
 * organisations that the actor may read.
 */
static enum status
insert_inrichting(struct store *s, int64_t sid, int64_t eid,
		  const struct inrichting *r, size_t idx, int64_t *besluit,
		  struct err *e)
{
	struct db_stmt *st;
	int64_t gid = 0, rid = 0, bid = 0;
	char field[64];

	if (r->gemeente && *r->gemeente) {
		snprintf(field, sizeof(field), "inrichting[%zu].gemeente", idx);
		org_id(s, r->gemeente, ORG_GEMEENTE, field, &gid, e);
	}
	if (r->regeling && *r->regeling) {
		snprintf(field, sizeof(field), "inrichting[%zu].regeling", idx);
		org_id(s, r->regeling, ORG_REGELING, field, &rid, e);
	}
	snprintf(field, sizeof(field), "inrichting[%zu].besluit", idx);
	besluit_ref_id(s, r->besluit, r->besluit_organisatie, sid, NULL, field,
		       &bid, e);
	if (besluit)
		*besluit = bid;
	if (e->status != ST_OK)
		return e->status;
	if (!(st = stmt(s, Q_INRICHTING_INSERT, e)))
		return e->status;
	bind_int(st, 1, eid);
	bind_date(st, 2, r->periode.van);
	bind_date(st, 3, r->periode.tot);
	bind_text(st, 4, vorm_name(r->vorm));
	bind_id(st, 5, gid);
	bind_id(st, 6, rid);
	bind_int(st, 7, bid);
	return run(s, st, e);
}

enum status
store_eenheid_add(struct store *s, const struct eenheid *u,
		  const struct inrichting *hist, size_t n, struct err *e)
{
	struct arena a;
	struct lidmaatschap *leden = NULL;
	struct inrichting *h = NULL;
	size_t nleden = 0;
	struct db_stmt *st;
	enum status rc;
	int64_t sid = 0, eid, dummy;
	day_t sinds = DATE_NONE;
	struct err probe;

	arena_init(&a, 1 << 20);
	reg_check_eenheid(u, e);
	if (n == 0)
		err_invalid(e, "inrichting", "required",
			    "Een eenheid heeft ten minste één periode van "
			    "inrichting.");
	if ((rc = tx_begin(s, e)))
		goto out_free;
	if (samenwerking_id(s, u->samenwerking, &sid, &sinds, e) ==
	    ST_NOT_FOUND) {
		e->status = ST_OK;
		err_invalid(e, "samenwerking", "unknown",
			    "Samenwerking %.20s bestaat niet.",
			    u->samenwerking ? u->samenwerking : "");
	}
	err_clear(&probe);
	if (u->code &&
	    eenheid_id(s, u->code, &dummy, NULL, &a, &probe) == ST_OK)
		err_invalid(e, "code", "unique",
			    "Er is al een eenheid met code %s.", u->code);
	if (sid && store_samenwerking_leden(s, &a, u->samenwerking, &leden,
					    &nleden, e) == ST_INTERNAL)
		goto out;
	/* Close each period at the next one's start. */
	if (n && !(h = arena_calloc(&a, n, sizeof(*h)))) {
		nomem(e);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		h[i] = hist[i];
		if (i + 1 < n && h[i].periode.tot == DATE_NONE)
			h[i].periode.tot = hist[i + 1].periode.van;
	}
	reg_check_inrichting(h, n, leden, nleden, sinds, e);
	if (e->status != ST_OK)
		goto out;
	if (!(st = stmt(s, Q_EENHEID_INSERT, e)))
		goto out;
	bind_int(st, 1, sid);
	bind_text(st, 2, u->code);
	bind_text(st, 3, u->naam);
	bind_text(st, 4, eenheid_soort_name(u->soort));
	bind_text(st, 5, u->omschrijving);
	bind_int(st, 6, u->verzonnen);
	if (run_id(s, st, &eid, e))
		goto out;
	for (size_t i = 0; i < n; i++)
		if (insert_inrichting(s, sid, eid, &h[i], i, NULL, e))
			break;
	s->scope = u->samenwerking;
	if (e->status == ST_OK)
		audit_append(s, "create", 201, "eenheid", NULL, u->code, NULL,
			     NULL,
			     jobj(&s->scratch, "code", u->code, "naam", u->naam,
				  "samenwerking", u->samenwerking, "vorm",
				  n ? vorm_name(h[0].vorm) : NULL, "van",
				  n ? iso(&s->scratch, h[0].periode.van) : NULL,
				  NULL),
			     e);
out:
	rc = tx_end(s, e->status, e);
out_free:
	arena_free(&a);
	return rc;
}

enum status
store_eenheid_get(struct store *s, struct arena *a, const char *code,
		  struct eenheid *out, struct inrichting **hist, size_t *n,
		  struct err *e)
{
	struct db_stmt *st =
		row_by_key(s, Q_EENHEID_GET, code, "Eenheid", 64, e);

	if (!st)
		return e->status;
	read_eenheid(a, st, 0, out);
	return read_hist(s, a, out->id, hist, n, e);
}

enum status
store_eenheid_list(struct store *s, struct arena *a, const char *samenwerking,
		   struct eenheid **out, size_t *n, struct err *e)
{
	struct db_stmt *st;
	size_t cap = 0;
	int64_t sid;
	int r;

	*out = NULL;
	*n = 0;
	if (samenwerking && samenwerking_id(s, samenwerking, &sid, NULL, e))
		return e->status;
	st = stmt(s, samenwerking ? Q_EENHEID_LIST : Q_EENHEID_LIST_ALL, e);
	if (!st)
		return e->status;
	if (samenwerking)
		bind_text(st, 1, samenwerking);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, *out, *n, cap))
			return nomem(e);
		read_eenheid(a, st, 0, &(*out)[*n - 1]);
	}
	return r < 0 ? e->status : ST_OK;
}

static int
same_text(const char *a, const char *b)
{
	if (!a || !*a)
		return !b || !*b;
	return b && strcmp(a, b) == 0;
}

enum status
store_eenheid_wijzig(struct store *s, const char *code,
		     const struct inrichting *nieuw, struct err *e)
{
	struct arena a;
	struct eenheid u;
	struct inrichting *hist, *h;
	struct lidmaatschap *leden;
	struct samenwerking sw;
	size_t n = 0, nleden;
	struct db_stmt *st;
	enum status rc;
	const struct zicht *z;
	char d[32];

	arena_init(&a, 1 << 20);
	if ((rc = tx_begin(s, e))) {
		arena_free(&a);
		return rc;
	}
	/* The history as stored, whoever may read its decisions. */
	z = s->zicht;
	s->zicht = &zicht_alles;
	rc = store_eenheid_get(s, &a, code, &u, &hist, &n, e) ||
	     store_samenwerking_get(s, &a, u.samenwerking, &sw, e) ||
	     store_samenwerking_leden(s, &a, u.samenwerking, &leden, &nleden,
				      e);
	s->zicht = z;
	if (rc)
		goto out;
	if (nieuw->periode.van == DATE_NONE) {
		err_invalid(
			e, "van", "required",
			"Vul de datum in vanaf wanneer de nieuwe inrichting "
			"geldt.");
		goto out;
	}
	if (n > 0 && nieuw->periode.van <= hist[n - 1].periode.van) {
		date_format_nl(hist[n - 1].periode.van, d, sizeof(d));
		err_invalid(e, "van", "order",
			    "De laatste wijziging gaat in op %s; een nieuwe "
			    "wijziging moet daarna ingaan.",
			    d);
		goto out;
	}
	if (n > 0 && hist[n - 1].periode.tot != DATE_NONE &&
	    nieuw->periode.van > hist[n - 1].periode.tot) {
		/* Reported as a gap by the check below. */
	} else if (n > 0 && hist[n - 1].vorm == nieuw->vorm &&
		   same_text(hist[n - 1].gemeente, nieuw->gemeente) &&
		   same_text(hist[n - 1].regeling, nieuw->regeling) &&
		   hist[n - 1].periode.tot == DATE_NONE) {
		err_invalid(
			e, "vorm", "no-change",
			"De eenheid is al %s ingericht; er verandert niets.",
			vorm_name(nieuw->vorm));
		goto out;
	}
	if (!(h = arena_grow(&a, hist, n, n + 1, sizeof(*h)))) {
		nomem(e);
		goto out;
	}
	h[n] = *nieuw;
	if (n > 0 && h[n - 1].periode.tot == DATE_NONE)
		h[n - 1].periode.tot = nieuw->periode.van;
	if (reg_check_inrichting(h, n + 1, leden, nleden, sw.sinds, e))
		goto out;
	if (n > 0 && hist[n - 1].periode.tot == DATE_NONE) {
		if (!(st = stmt(s, Q_INRICHTING_CLOSE, e)))
			goto out;
		bind_int(st, 1, h[n - 1].id);
		bind_date(st, 2, nieuw->periode.van);
		if (run(s, st, e))
			goto out;
	}
	s->scope = u.samenwerking;
	if (insert_inrichting(s, sw.id, u.id, &h[n], n, &s->audit_besluit, e) ==
	    ST_OK)
		audit_append(s, "create", 201, "inrichting", NULL, code, NULL,
			     n ? jobj(&s->scratch, "vorm",
				      vorm_name(hist[n - 1].vorm), "gemeente",
				      hist[n - 1].gemeente, "regeling",
				      hist[n - 1].regeling, "van",
				      iso(&s->scratch, hist[n - 1].periode.van),
				      NULL)
			       : NULL,
			     jobj(&s->scratch, "van",
				  iso(&s->scratch, nieuw->periode.van), "vorm",
				  vorm_name(nieuw->vorm), "gemeente",
				  nieuw->gemeente, "regeling", nieuw->regeling,
				  "besluit", nieuw->besluit, NULL),
			     e);
out:
	/* Name the new period's fields as the caller did: without index. */
	for (size_t i = 0; i < e->nproblems; i++) {
		char prefix[48];
		size_t pl;

		snprintf(prefix, sizeof(prefix), "inrichting[%zu].", n);
		pl = strlen(prefix);
		if (strncmp(e->problems[i].name, prefix, pl) == 0)
			memmove(e->problems[i].name, e->problems[i].name + pl,
				strlen(e->problems[i].name) - pl + 1);
	}
	rc = tx_end(s, e->status, e);
	arena_free(&a);
	return rc;
}

enum status
store_eenheden_op(struct store *s, struct arena *a, const char *samenwerking,
		  day_t op, struct eenheid_op **out, size_t *n, struct err *e)
{
	struct db_stmt *st;
	size_t cap = 0;
	int64_t sid;
	int r;

	*out = NULL;
	*n = 0;
	if (samenwerking_id(s, samenwerking, &sid, NULL, e))
		return e->status;
	if (!(st = stmt(s, Q_INRICHTING_OP, e)))
		return e->status;
	bind_text(st, 1, samenwerking);
	bind_date(st, 2, op);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, *out, *n, cap))
			return nomem(e);
		struct eenheid_op *x = &(*out)[*n - 1];
		read_eenheid(a, st, 0, &x->eenheid);
		x->heeft_inrichting = !col_is_null(st, 7);
		if (x->heeft_inrichting)
			read_inrichting(s, a, st, 7, &x->inrichting);
	}
	return r < 0 ? e->status : ST_OK;
}

/* ---- framework articles ---- */

enum status
store_kader_artikel_add(struct store *s, const char *samenwerking,
			const struct kader_artikel *k, struct err *e)
{
	struct db_stmt *st;
	enum status rc;
	int64_t sid, aid, vid, bid = 0, eid;
	char field[64];
	struct arena a;

	arena_init(&a, 1 << 16);
	reg_check_kader_artikel(k, e);
	if ((rc = tx_begin(s, e)))
		goto out_free;
	if (samenwerking_id(s, samenwerking, &sid, NULL, e) || e->status)
		goto out;
	if (!(st = stmt(s, Q_KADER_ARTIKEL_INSERT, e)))
		goto out;
	bind_int(st, 1, sid);
	bind_int(st, 2, k->nummer);
	bind_text(st, 3, k->titel);
	if (insert_id(s, st, &aid) != DB_OK) {
		if (db_laatste(s->db) == DB_UNIQUE)
			err_invalid(e, "nummer", "unique",
				    "Artikel %d bestaat al in deze "
				    "samenwerking.",
				    k->nummer);
		else
			db_error(s, e, "insert kader_artikel");
		goto out;
	}
	for (size_t i = 0; i < k->nversies; i++) {
		const struct kader_versie *v = &k->versies[i];

		snprintf(field, sizeof(field), "versies[%zu].besluit", i);
		if (besluit_ref_id(s, v->besluit, v->besluit_organisatie, sid,
				   NULL, field, &bid, e))
			goto out;
		if (!(st = stmt(s, Q_KADER_VERSIE_INSERT, e)))
			goto out;
		bind_int(st, 1, aid);
		bind_date(st, 2, v->periode.van);
		bind_date(st, 3, v->periode.tot);
		bind_text(st, 4, v->tekst);
		bind_int(st, 5, bid);
		if (run_id(s, st, &vid, e))
			goto out;
		for (size_t j = 0; j < v->neenheden; j++) {
			const char *sw = NULL;

			if (eenheid_id(s, v->eenheden[j], &eid, &sw, &a, e)) {
				e->status = ST_OK;
				snprintf(field, sizeof(field),
					 "versies[%zu].eenheden[%zu]", i, j);
				err_invalid(e, field, "unknown",
					    "Eenheid %.64s bestaat niet.",
					    v->eenheden[j]);
				goto out;
			}
			if (!sw || strcmp(sw, samenwerking) != 0) {
				snprintf(field, sizeof(field),
					 "versies[%zu].eenheden[%zu]", i, j);
				err_invalid(
					e, field, "other-cooperation",
					"Eenheid %.64s hoort bij een andere "
					"samenwerking.",
					v->eenheden[j]);
				goto out;
			}
			if (!(st = stmt(s, Q_KADER_EENHEID_INSERT, e)))
				goto out;
			bind_int(st, 1, vid);
			bind_int(st, 2, eid);
			if (run(s, st, e))
				goto out;
		}
	}
	{
		char num[16];
		snprintf(num, sizeof(num), "%d", k->nummer);
		s->scope = samenwerking;
		audit_append(s, "create", 201, "kaderartikel", NULL, num,
			     samenwerking, NULL,
			     jobj(&s->scratch, "samenwerking", samenwerking,
				  "nummer", num, "titel", k->titel, NULL),
			     e);
	}
out:
	rc = tx_end(s, e->status, e);
out_free:
	arena_free(&a);
	return rc;
}

enum status
store_kader_list(struct store *s, struct arena *a, const char *samenwerking,
		 day_t op, struct kader_artikel **out, size_t *n, struct err *e)
{
	struct db_stmt *st;
	struct kader_artikel *arts = NULL;
	size_t narts = 0, cap = 0;
	int64_t sid;
	int r;

	*out = NULL;
	*n = 0;
	if (samenwerking_id(s, samenwerking, &sid, NULL, e))
		return e->status;
	if (!(st = stmt(s, Q_KADER_ARTIKELEN, e)))
		return e->status;
	bind_text(st, 1, samenwerking);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, arts, narts, cap))
			return nomem(e);
		struct kader_artikel *k = &arts[narts - 1];
		k->id = db_col_int(st, 0);
		k->nummer = (int)db_col_int(st, 1);
		k->titel = col_text(a, st, 2);
	}
	if (r < 0)
		return e->status;
	for (size_t i = 0; i < narts; i++) {
		struct kader_artikel *k = &arts[i];
		size_t vcap = 0;

		if (!(st = stmt(s, Q_KADER_VERSIES, e)))
			return e->status;
		bind_int(st, 1, k->id);
		bind_date(st, 2, op);
		while ((r = next_row(s, st, e)) == 1) {
			if (!PUSH(a, k->versies, k->nversies, vcap))
				return nomem(e);
			struct kader_versie *v = &k->versies[k->nversies - 1];
			v->id = db_col_int(st, 0);
			v->periode.van = col_date(st, 1);
			v->periode.tot = col_date(st, 2);
			v->tekst = col_text(a, st, 3);
			read_besluit_ref(s, a, st, 4, &v->besluit,
					 &v->besluit_organisatie, NULL);
		}
		if (r < 0)
			return e->status;
		for (size_t j = 0; j < k->nversies; j++) {
			struct kader_versie *v = &k->versies[j];
			size_t ecap = 0;

			if (!(st = stmt(s, Q_KADER_EENHEDEN, e)))
				return e->status;
			bind_int(st, 1, v->id);
			while ((r = next_row(s, st, e)) == 1) {
				if (!PUSH(a, v->eenheden, v->neenheden, ecap))
					return nomem(e);
				v->eenheden[v->neenheden - 1] =
					col_text(a, st, 0);
			}
			if (r < 0)
				return e->status;
		}
	}
	/* With a date, leave out articles not in force then. */
	for (size_t i = 0; i < narts; i++)
		if (op == DATE_NONE || arts[i].nversies > 0)
			arts[(*n)++] = arts[i];
	*out = arts;
	return ST_OK;
}

/* ---- workstreams ---- */

enum status
store_werkstroom_add(struct store *s, const struct werkstroom *w, struct err *e)
{
	struct db_stmt *st;
	enum status rc;
	int64_t sid, wid;

	reg_check_werkstroom(w, e);
	if ((rc = tx_begin(s, e)))
		return rc;
	if (samenwerking_id(s, w->samenwerking, &sid, NULL, e) || e->status)
		goto out;
	if (!(st = stmt(s, Q_WERKSTROOM_INSERT, e)))
		goto out;
	bind_int(st, 1, sid);
	bind_text(st, 2, w->code);
	bind_text(st, 3, w->naam);
	bind_text(st, 4, w->eigenaar);
	bind_text(st, 5, w->omschrijving);
	if (insert_id(s, st, &wid) != DB_OK) {
		if (db_laatste(s->db) == DB_UNIQUE)
			err_invalid(e, "code", "unique",
				    "Er is al een werkstroom met code %s.",
				    w->code);
		else
			db_error(s, e, "insert werkstroom");
		goto out;
	}
	for (size_t i = 0; i < w->nmijlpalen; i++) {
		const struct mijlpaal *m = &w->mijlpalen[i];

		if (!(st = stmt(s, Q_MIJLPAAL_INSERT, e)))
			goto out;
		bind_int(st, 1, wid);
		bind_text(st, 2, m->naam);
		bind_date(st, 3, m->gepland);
		bind_text(st, 4, mijlpaal_status_name(m->status));
		bind_text(st, 5, m->uitkomst);
		bind_int(st, 6, m->verzonnen);
		if (run(s, st, e))
			goto out;
	}
	s->scope = w->samenwerking;
	audit_append(s, "create", 201, "werkstroom", NULL, w->code, NULL, NULL,
		     jobj(&s->scratch, "code", w->code, "naam", w->naam,
			  "samenwerking", w->samenwerking, "eigenaar",
			  w->eigenaar, NULL),
		     e);
out:
	return tx_end(s, e->status, e);
}

enum status
store_werkstroom_list(struct store *s, struct arena *a,
		      const char *samenwerking, struct werkstroom **out,
		      size_t *n, struct err *e)
{
	struct db_stmt *st;
	size_t cap = 0;
	int64_t sid;
	int r;

	*out = NULL;
	*n = 0;
	if (samenwerking && samenwerking_id(s, samenwerking, &sid, NULL, e))
		return e->status;
	st = stmt(s, samenwerking ? Q_WERKSTROOM_LIST : Q_WERKSTROOM_LIST_ALL,
		  e);
	if (!st)
		return e->status;
	if (samenwerking)
		bind_text(st, 1, samenwerking);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, *out, *n, cap))
			return nomem(e);
		struct werkstroom *w = &(*out)[*n - 1];
		w->id = db_col_int(st, 0);
		w->code = col_text(a, st, 1);
		w->naam = col_text(a, st, 2);
		w->eigenaar = col_text(a, st, 3);
		w->omschrijving = col_text(a, st, 4);
		w->samenwerking = col_text(a, st, 5);
	}
	if (r < 0)
		return e->status;
	for (size_t i = 0; i < *n; i++) {
		struct werkstroom *w = &(*out)[i];
		size_t mcap = 0;

		if (!(st = stmt(s, Q_MIJLPALEN, e)))
			return e->status;
		bind_int(st, 1, w->id);
		while ((r = next_row(s, st, e)) == 1) {
			if (!PUSH(a, w->mijlpalen, w->nmijlpalen, mcap))
				return nomem(e);
			struct mijlpaal *m = &w->mijlpalen[w->nmijlpalen - 1];
			m->id = db_col_int(st, 0);
			m->naam = col_text(a, st, 1);
			m->gepland = col_date(st, 2);
			mijlpaal_status_parse(db_col_text(st, 3), &m->status);
			m->uitkomst = col_text(a, st, 4);
			m->verzonnen = (int)db_col_int(st, 5) != 0;
		}
		if (r < 0)
			return e->status;
	}
	return ST_OK;
}

/* ---- taakvelden ---- */

enum status
store_taakveld_add(struct store *s, const struct taakveld *t, struct err *e)
{
	struct db_stmt *st;
	enum status rc;

	if (!t->code || !*t->code)
		err_invalid(e, "code", "required", "Vul de code in.");
	if (!t->naam || !*t->naam)
		err_invalid(e, "naam", "required", "Vul de naam in.");
	if (t->eerste_jaar && t->laatste_jaar &&
	    t->laatste_jaar < t->eerste_jaar)
		err_invalid(e, "laatste_jaar", "before-start",
			    "Het laatste jaar ligt vóór het eerste.");
	if (e->status)
		return e->status;
	if ((rc = tx_begin(s, e)))
		return rc;
	if (!(st = stmt(s, Q_TAAKVELD_INSERT, e)))
		return tx_end(s, e->status, e);
	bind_text(st, 1, t->code);
	bind_text(st, 2, t->naam);
	bind_text(st, 3, t->hoofdtaakveld);
	bind_text(st, 4, t->hoofdtaakveld_naam);
	if (t->eerste_jaar)
		bind_int(st, 5, t->eerste_jaar);
	else
		bind_null(st, 5);
	if (t->laatste_jaar)
		bind_int(st, 6, t->laatste_jaar);
	else
		bind_null(st, 6);
	if (db_step(st) < 0) {
		if (db_laatste(s->db) == DB_UNIQUE)
			rc = err_invalid(e, "code", "unique",
					 "Taakveld %s bestaat al.", t->code);
		else
			rc = db_error(s, e, "insert taakveld");
	}
	db_reset(st);
	if (rc == ST_OK)
		rc = audit_append(s, "create", 201, "taakveld", NULL, t->code,
				  NULL, NULL,
				  jobj(&s->scratch, "code", t->code, "naam",
				       t->naam, NULL),
				  e);
	return tx_end(s, rc, e);
}

enum status
store_taakveld_list(struct store *s, struct arena *a, int jaar,
		    struct taakveld **out, size_t *n, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_TAAKVELD_LIST, e);
	size_t cap = 0;
	int r;

	*out = NULL;
	*n = 0;
	if (!st)
		return e->status;
	if (jaar > 0)
		bind_int(st, 1, jaar);
	else
		bind_null(st, 1);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, *out, *n, cap))
			return nomem(e);
		struct taakveld *t = &(*out)[*n - 1];
		t->code = col_text(a, st, 0);
		t->naam = col_text(a, st, 1);
		t->hoofdtaakveld = col_text(a, st, 2);
		t->hoofdtaakveld_naam = col_text(a, st, 3);
		t->eerste_jaar =
			col_is_null(st, 4) ? 0 : (int)db_col_int(st, 4);
		t->laatste_jaar =
			col_is_null(st, 5) ? 0 : (int)db_col_int(st, 5);
	}
	return r < 0 ? e->status : ST_OK;
}

/* ---- accounts ---- */

static enum status
gebruiker_id(struct store *s, const char *naam, int64_t *id, bool *actief,
	     struct err *e)
{
	struct db_stmt *st;

	*id = 0; /* defined on every path */
	st = row_by_key(s, Q_GEBRUIKER_GET, naam, "Gebruiker", 64, e);
	if (!st)
		return e->status;
	*id = db_col_int(st, 0);
	if (actief)
		*actief = col_is_null(st, 5);
	db_reset(st);
	return ST_OK;
}

/* The id of an account that is still open; ST_CONFLICT when closed. */
static enum status
open_account(struct store *s, const char *gebruikersnaam, int64_t *id,
	     struct err *e)
{
	bool actief = false;

	if (gebruiker_id(s, gebruikersnaam, id, &actief, e))
		return e->status;
	if (!actief)
		return err_set(e, ST_CONFLICT,
			       "Het account van %.64s is ingetrokken.",
			       gebruikersnaam);
	return ST_OK;
}

enum status
store_gebruiker_add(struct store *s, const struct gebruiker *g,
		    const char *wachtwoord_hash, struct err *e)
{
	struct db_stmt *st;
	enum status rc;
	char now[32];
	int64_t dummy;
	struct err probe;

	access_check_gebruikersnaam(g->gebruikersnaam, e);
	if (!g->naam || !*g->naam)
		err_invalid(e, "naam", "required",
			    "Vul de naam van de persoon in: accounts zijn "
			    "persoonlijk.");
	text_check_max(g->naam, "naam", ACCESS_MAX_NAAM, e);
	text_check_max(g->email, "email", ACCESS_MAX_EMAIL, e);
	if (!wachtwoord_hash || strncmp(wachtwoord_hash, "$argon2id$", 10))
		err_internal(e, "password hash is not Argon2id");
	if (e->status)
		return e->status;
	if ((rc = tx_begin(s, e)))
		return rc;
	err_clear(&probe);
	if (gebruiker_id(s, g->gebruikersnaam, &dummy, NULL, &probe) == ST_OK)
		err_invalid(e, "gebruikersnaam", "unique",
			    "Gebruikersnaam %s is al in gebruik.",
			    g->gebruikersnaam);
	if (e->status || !(st = stmt(s, Q_GEBRUIKER_INSERT, e)))
		return tx_end(s, e->status, e);
	utc_now(s, now, sizeof(now));
	bind_text(st, 1, g->gebruikersnaam);
	bind_text(st, 2, g->naam);
	bind_text(st, 3, g->email);
	bind_text(st, 4, wachtwoord_hash);
	bind_text(st, 5, now);
	rc = run(s, st, e);
	if (rc == ST_OK)
		rc = audit_append(s, "create", 201, "gebruiker", NULL,
				  g->gebruikersnaam, NULL, NULL,
				  jobj(&s->scratch, "gebruikersnaam",
				       g->gebruikersnaam, "naam", g->naam,
				       "email", g->email, NULL),
				  e);
	return tx_end(s, rc, e);
}

static enum status
read_gebruiker(struct store *s, struct arena *a, struct db_stmt *st,
	       struct gebruiker *g, struct err *e)
{
	g->id = db_col_int(st, 0);
	g->gebruikersnaam = col_text(a, st, 1);
	g->naam = col_text(a, st, 2);
	g->email = col_text(a, st, 3);
	g->aangemaakt = col_text(a, st, 4);
	g->ingetrokken = col_text(a, st, 5);
	g->tweede_factor = !col_is_null(st, 7) && (int)db_col_int(st, 7) != 0;
	g->totp_geheim = NULL;
	g->rollen = NULL;
	g->nrollen = 0;
	(void)s;
	(void)e;
	return ST_OK;
}

static enum status
read_rollen(struct store *s, struct arena *a, struct gebruiker *g,
	    struct err *e)
{
	struct db_stmt *st = stmt(s, Q_GEBRUIKER_ROLLEN, e);
	size_t cap = 0;
	int r;

	if (!st)
		return e->status;
	bind_int(st, 1, g->id);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, g->rollen, g->nrollen, cap))
			return nomem(e);
		struct roltoekenning *t = &g->rollen[g->nrollen - 1];
		rol_parse(db_col_text(st, 0), &t->rol);
		t->scope = col_text(a, st, 1);
		if (t->scope && !*t->scope)
			t->scope = NULL;
	}
	return r < 0 ? e->status : ST_OK;
}

enum status
store_gebruiker_get(struct store *s, struct arena *a,
		    const char *gebruikersnaam, struct gebruiker *out,
		    const char **hash, struct err *e)
{
	struct db_stmt *st = row_by_key(s, Q_GEBRUIKER_GET, gebruikersnaam,
					"Gebruiker", 64, e);

	if (!st)
		return e->status;
	read_gebruiker(s, a, st, out, e);
	out->totp_geheim = col_text(a, st, 7);
	out->tweede_factor = out->totp_geheim != NULL;
	if (hash)
		*hash = col_text(a, st, 6);
	db_reset(st);
	return read_rollen(s, a, out, e);
}

enum status
store_gebruiker_list(struct store *s, struct arena *a, struct gebruiker **out,
		     size_t *n, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_GEBRUIKER_LIST, e);
	size_t cap = 0;
	int r;

	*out = NULL;
	*n = 0;
	if (!st)
		return e->status;
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(a, *out, *n, cap))
			return nomem(e);
		read_gebruiker(s, a, st, &(*out)[*n - 1], e);
	}
	if (r < 0)
		return e->status;
	for (size_t i = 0; i < *n; i++)
		if (read_rollen(s, a, &(*out)[i], e))
			return e->status;
	return ST_OK;
}

enum status
store_gebruiker_rol(struct store *s, const char *gebruikersnaam,
		    const struct roltoekenning *t, bool weg, struct err *e)
{
	struct db_stmt *st;
	int64_t id, dummy;
	bool actief = false;
	enum status rc;

	if (access_check_rol(t, e))
		return e->status;
	if ((rc = tx_begin(s, e)))
		return rc;
	if (gebruiker_id(s, gebruikersnaam, &id, &actief, e))
		return tx_end(s, e->status, e);
	if (!actief && !weg)
		return tx_end(s,
			      err_set(e, ST_CONFLICT,
				      "Het account van %.64s is "
				      "ingetrokken.",
				      gebruikersnaam),
			      e);
	if (!weg && rol_scope_soort(t->rol) == SCOPE_GEMEENTE &&
	    org_id(s, t->scope, ORG_GEMEENTE, "scope", &dummy, e))
		return tx_end(s, e->status, e);
	if (!weg && rol_scope_soort(t->rol) == SCOPE_SAMENWERKING &&
	    samenwerking_id(s, t->scope, &dummy, NULL, e)) {
		e->status = ST_OK;
		err_invalid(e, "scope", "unknown",
			    "Samenwerking %.20s bestaat niet.", t->scope);
		return tx_end(s, e->status, e);
	}
	if (!(st = stmt(s,
			weg ? Q_GEBRUIKER_ROL_DELETE : Q_GEBRUIKER_ROL_INSERT,
			e)))
		return tx_end(s, e->status, e);
	bind_int(st, 1, id);
	bind_text(st, 2, rol_name(t->rol));
	bind_text(st, 3, t->scope ? t->scope : "");
	rc = run(s, st, e);
	if (rc == ST_OK && weg && db_changes(s->db) == 0)
		rc = err_set(e, ST_NOT_FOUND, "%.64s heeft de rol %s%s%s niet.",
			     gebruikersnaam, rol_name(t->rol),
			     t->scope ? " voor " : "",
			     t->scope ? t->scope : "");
	if (rc == ST_OK) {
		const char *r = jobj(&s->scratch, "rol", rol_name(t->rol),
				     "scope", t->scope, NULL);
		s->scope = t->scope;
		rc = audit_append(s, weg ? "destroy" : "create",
				  weg ? 204 : 201, "rol", NULL, gebruikersnaam,
				  NULL, weg ? r : NULL, weg ? NULL : r, e);
	}
	return tx_end(s, rc, e);
}

enum status
store_gebruiker_intrekken(struct store *s, const char *gebruikersnaam,
			  struct err *e)
{
	struct db_stmt *st;
	int64_t id;
	bool actief = false;
	enum status rc;
	char now[32];

	if ((rc = tx_begin(s, e)))
		return rc;
	if (gebruiker_id(s, gebruikersnaam, &id, &actief, e))
		return tx_end(s, e->status, e);
	if (!actief)
		return tx_end(s,
			      err_set(e, ST_CONFLICT,
				      "Het account van %.64s is al "
				      "ingetrokken.",
				      gebruikersnaam),
			      e);
	if (!(st = stmt(s, Q_GEBRUIKER_INTREKKEN, e)))
		return tx_end(s, e->status, e);
	utc_now(s, now, sizeof(now));
	bind_int(st, 1, id);
	bind_text(st, 2, now);
	rc = run(s, st, e);
	/* A closed account has no sessions left. */
	if (rc == ST_OK && (st = stmt(s, Q_SESSIE_DELETE_GEBRUIKER, e))) {
		bind_int(st, 1, id);
		rc = run(s, st, e);
	}
	if (rc == ST_OK)
		rc = audit_append(s, "partial_update", 200, "gebruiker", NULL,
				  gebruikersnaam, "account ingetrokken", NULL,
				  jobj(&s->scratch, "ingetrokken", now, NULL),
				  e);
	return tx_end(s, rc, e);
}

enum status
store_gebruiker_wachtwoord(struct store *s, const char *gebruikersnaam,
			   const char *wachtwoord_hash, struct err *e)
{
	struct db_stmt *st;
	int64_t id;
	enum status rc;

	if (!wachtwoord_hash || strncmp(wachtwoord_hash, "$argon2id$", 10))
		return err_internal(e, "password hash is not Argon2id");
	if ((rc = tx_begin(s, e)))
		return rc;
	if (open_account(s, gebruikersnaam, &id, e))
		return tx_end(s, e->status, e);
	if (!(st = stmt(s, Q_GEBRUIKER_WACHTWOORD, e)))
		return tx_end(s, e->status, e);
	bind_int(st, 1, id);
	bind_text(st, 2, wachtwoord_hash);
	rc = run(s, st, e);
	/* The audit trail says that it changed, never what to. */
	if (rc == ST_OK)
		rc = audit_append(s, "partial_update", 200, "gebruiker", NULL,
				  gebruikersnaam, "wachtwoord gewijzigd", NULL,
				  NULL, e);
	return tx_end(s, rc, e);
}

/* ---- audit trail ---- */

enum status
store_audit_event(struct store *s, const char *actie, int resultaat,
		  const char *resource, const char *resource_weergave,
		  const char *toelichting, struct err *e)
{
	enum status rc;

	if ((rc = tx_begin_stil(s, e)))
		return rc;
	rc = audit_append(s, actie, resultaat, resource, NULL,
			  resource_weergave, toelichting, NULL, NULL, e);
	return tx_end(s, rc, e);
}

/* ---- refusals of anonymous requests, bounded per network ---- */

/* Their counters in inlogpoging: "weigering:<network>". */
#define WEIGERING "weigering:"

/* Unix seconds as ISO 8601 UTC. */
static void
utc_iso(int64_t t, char *buf, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/*
 * One entry for the `aantal` refusals from `netwerk` beyond the bound in
 * the window that began at `sinds`, with the network as its origin.
 */
static enum status
weigering_samenvatting(struct store *s, const char *netwerk, int64_t aantal,
		       int64_t sinds, struct err *e)
{
	char herkomst[sizeof(s->herkomst)], van[32], tot[32], n[24];
	char tekst[256];
	enum status rc;

	utc_iso(sinds, van, sizeof(van));
	utc_iso(sinds + AUDIT_WEIGERING_VENSTER, tot, sizeof(tot));
	snprintf(n, sizeof(n), "%lld", (long long)aantal);
	snprintf(tekst, sizeof(tekst),
		 "%lld weigeringen meer van %s tussen %s en %s, niet elk "
		 "apart vastgelegd",
		 (long long)aantal, netwerk, van, tot);
	copy_text(herkomst, sizeof(herkomst), s->herkomst);
	copy_text(s->herkomst, sizeof(s->herkomst), netwerk);
	rc = audit_append(
		s, "geweigerd", 429, "toegang", NULL, netwerk, tekst, NULL,
		jobj(&s->scratch, "aantal", n, "van", van, "tot", tot, NULL),
		e);
	copy_text(s->herkomst, sizeof(s->herkomst), herkomst);
	return rc;
}

/*
 * Close the windows of other networks that have ended: record what each
 * held beyond the bound, and forget its counter. A few per call.
 */
static enum status
weigering_opruimen(struct store *s, const char *sleutel, int64_t now,
		   struct err *e)
{
	struct afgelopen {
		const char *sleutel;
		int64_t aantal, sinds;
	} *list = NULL;
	size_t n = 0, cap = 0;
	struct db_stmt *st = stmt(s, Q_WEIGERING_AFGELOPEN, e);
	int r;

	if (!st)
		return e->status;
	bind_int(st, 1, now - AUDIT_WEIGERING_VENSTER);
	bind_text(st, 2, sleutel);
	while ((r = next_row(s, st, e)) == 1) {
		if (!PUSH(&s->scratch, list, n, cap)) {
			db_reset(st);
			return nomem(e);
		}
		list[n - 1].sleutel = col_text(&s->scratch, st, 0);
		list[n - 1].aantal = db_col_int(st, 1);
		list[n - 1].sinds = db_col_int(st, 2);
	}
	db_reset(st);
	if (r < 0)
		return e->status;
	for (size_t i = 0; i < n; i++) {
		if (!list[i].sleutel)
			continue;
		if (list[i].aantal > AUDIT_WEIGERING_MAX &&
		    weigering_samenvatting(s,
					   list[i].sleutel + strlen(WEIGERING),
					   list[i].aantal - AUDIT_WEIGERING_MAX,
					   list[i].sinds, e))
			return e->status;
		if (!(st = stmt(s, Q_POGING_DELETE, e)))
			return e->status;
		bind_text(st, 1, list[i].sleutel);
		if (run(s, st, e))
			return e->status;
	}
	return ST_OK;
}

enum status
store_audit_weigering(struct store *s, int64_t now, int resultaat,
		      const char *resource, const char *resource_weergave,
		      const char *toelichting, struct err *e)
{
	char netwerk[ACCESS_NETWERK_LEN];
	char sleutel[sizeof(WEIGERING) + ACCESS_NETWERK_LEN];
	int64_t aantal = 0, sinds = now;
	struct db_stmt *st;
	enum status rc;
	int r;

	access_netwerk(s->herkomst, netwerk);
	snprintf(sleutel, sizeof(sleutel), WEIGERING "%s", netwerk);
	if ((rc = tx_begin_stil(s, e)))
		return rc;
	if (weigering_opruimen(s, sleutel, now, e) ||
	    !(st = stmt(s, Q_POGING_GET, e)))
		return tx_end(s, e->status, e);
	bind_text(st, 1, sleutel);
	if ((r = next_row(s, st, e)) < 0)
		return tx_end(s, e->status, e);
	if (r == 1) {
		aantal = db_col_int(st, 0);
		sinds = db_col_int(st, 1);
	}
	db_reset(st);
	if (r == 1 && now - sinds < AUDIT_WEIGERING_VENSTER) {
		aantal++;
	} else {
		/* A new window; what the last one held beyond the bound
		 * is recorded first, on this next refusal that may be. */
		if (r == 1 && aantal > AUDIT_WEIGERING_MAX &&
		    weigering_samenvatting(
			    s, netwerk, aantal - AUDIT_WEIGERING_MAX, sinds, e))
			return tx_end(s, e->status, e);
		aantal = 1;
		sinds = now;
	}
	if (aantal <= AUDIT_WEIGERING_MAX &&
	    audit_append(s, "geweigerd", resultaat, resource, NULL,
			 resource_weergave, toelichting, NULL, NULL, e))
		return tx_end(s, e->status, e);
	if (!(st = stmt(s, Q_POGING_UPSERT, e)))
		return tx_end(s, e->status, e);
	bind_text(st, 1, sleutel);
	bind_int(st, 2, aantal);
	bind_int(st, 3, sinds);
	bind_int(st, 4, 0);
	return tx_end(s, run(s, st, e), e);
}

static void
read_audit(struct arena *a, struct db_stmt *st, struct audit_entry *x)
{
	const char *h;

	x->id = db_col_int(st, 0);
	x->uuid = col_text(a, st, 1);
	x->aanmaakdatum = col_text(a, st, 2);
	x->gebruikers_id = col_text(a, st, 3);
	x->gebruikers_weergave = col_text(a, st, 4);
	x->actie = col_text(a, st, 5);
	x->actie_weergave = col_text(a, st, 6);
	x->resultaat = (int)db_col_int(st, 7);
	x->resource = col_text(a, st, 8);
	x->resource_url = col_text(a, st, 9);
	x->resource_weergave = col_text(a, st, 10);
	x->toelichting = col_text(a, st, 11);
	x->herkomst = col_text(a, st, 12);
	x->oud = col_text(a, st, 13);
	x->nieuw = col_text(a, st, 14);
	h = db_col_text(st, 15);
	copy_text(x->vorige_hash, sizeof(x->vorige_hash), h);
	h = db_col_text(st, 16);
	copy_text(x->hash, sizeof(x->hash), h);
	x->scope = col_text(a, st, 17);
	x->besluit = db_col_int(st, 18);
}

/*
 * The JSON text `j` with the value of every "besluit" member replaced by
 * null, in the arena: an entry shown to a reader who may not read the
 * decision it names. (The store writes these objects itself, with jobj.)
 */
static const char *
zonder_besluit(struct arena *a, const char *j)
{
	static const char sleutel[] = "\"besluit\":\"";
	const size_t ks = sizeof(sleutel) - 1;
	char *out, *o;
	const char *p;

	if (!j || !strstr(j, sleutel) || !(out = arena_alloc(a, strlen(j) + 1)))
		return j;
	for (o = out, p = j; *p;) {
		if (strncmp(p, sleutel, ks) != 0) {
			*o++ = *p++;
			continue;
		}
		memcpy(o, "\"besluit\":null", 14);
		o += 14;
		for (p += ks; *p && *p != '"'; p++)
			if (*p == '\\' && p[1])
				p++;
		if (*p)
			p++;
	}
	*o = '\0';
	return out;
}

/* The connection's viewer as parameters $3-$7 of AUDIT_ZICHT. */
static void
bind_zicht(const struct store *s, struct db_stmt *st)
{
	const struct zicht *z = s->zicht;

	bind_int(st, 3, z && z->alles);
	bind_text(st, 4, z ? z->zelf : NULL);
	bind_text(st, 5, s->zicht_scopes);
	bind_text(st, 6, s->zicht_volledig);
	bind_text(st, 7, s->zicht_intern);
}

enum status
store_audit_list(struct store *s, struct arena *a, const char *resource,
		 const char *gebruiker, size_t offset, size_t limit,
		 struct audit_entry **out, size_t *n, size_t *total,
		 struct err *e)
{
	struct db_stmt *st;
	size_t cap = 0;
	int r;

	*out = NULL;
	*n = 0;
	*total = 0;
	if (!(st = stmt(s, Q_AUDIT_COUNT, e)))
		return e->status;
	bind_text(st, 1, resource);
	bind_text(st, 2, gebruiker);
	bind_zicht(s, st);
	if (next_row(s, st, e) != 1)
		return e->status;
	*total = (size_t)db_col_int(st, 0);
	db_reset(st);
	if (!(st = stmt(s, Q_AUDIT_LIST, e)))
		return e->status;
	bind_text(st, 1, resource);
	bind_text(st, 2, gebruiker);
	bind_zicht(s, st);
	bind_int(st, 8, limit ? (int64_t)limit : INT64_MAX);
	bind_int(st, 9, (int64_t)offset);
	while ((r = next_row(s, st, e)) == 1) {
		struct audit_entry *x;

		if (!PUSH(a, *out, *n, cap))
			return nomem(e);
		x = &(*out)[*n - 1];
		read_audit(a, st, x);
		if (!(int)db_col_int(st, 19)) {
			x->oud = zonder_besluit(a, x->oud);
			x->nieuw = zonder_besluit(a, x->nieuw);
			x->besluit = 0;
		}
	}
	return r < 0 ? e->status : ST_OK;
}

enum status
store_audit_verify(struct store *s, int64_t *checked, int64_t *broken,
		   struct err *e)
{
	struct db_stmt *st = stmt(s, Q_AUDIT_ALL, e);
	char prev[AUDIT_HASH_HEX], want[AUDIT_HASH_HEX];
	struct arena a;
	int r;

	*checked = 0;
	*broken = 0;
	if (!st)
		return e->status;
	copy_text(prev, sizeof(prev), audit_genesis);
	arena_init(&a, 1u << 24);
	while ((r = next_row(s, st, e)) == 1) {
		struct audit_entry x;

		read_audit(&a, st, &x);
		(*checked)++;
		audit_hash(&x, prev, want);
		if (strcmp(x.vorige_hash, prev) != 0 ||
		    strcmp(x.hash, want) != 0 || x.id != *checked) {
			*broken = x.id;
			db_reset(st);
			break;
		}
		copy_text(prev, sizeof(prev), x.hash);
		/* Keep memory flat over long chains. */
		if (a.used > (1u << 23)) {
			arena_free(&a);
			arena_init(&a, 1u << 24);
		}
	}
	arena_free(&a);
	return r < 0 ? e->status : ST_OK;
}

/* ---- sessions, tokens and login attempts ---- */

enum status
store_sessie_add(struct store *s, const char *hash, const char *gebruikersnaam,
		 const char *csrf, int64_t now, const char *herkomst,
		 struct err *e)
{
	struct db_stmt *st;
	int64_t id;
	bool actief = false;
	enum status rc;

	if ((rc = tx_begin(s, e)))
		return rc;
	if (gebruiker_id(s, gebruikersnaam, &id, &actief, e))
		return tx_end(s, e->status, e);
	if (!actief)
		return tx_end(
			s,
			err_set(e, ST_CONFLICT, "Dit account is ingetrokken."),
			e);
	if (!(st = stmt(s, Q_SESSIE_INSERT, e)))
		return tx_end(s, e->status, e);
	bind_text(st, 1, hash);
	bind_int(st, 2, id);
	bind_text(st, 3, csrf);
	bind_int(st, 4, now);
	bind_text(st, 5, herkomst);
	rc = run(s, st, e);
	if (rc == ST_OK)
		rc = audit_append(s, "login", 200, "sessie", NULL,
				  gebruikersnaam, NULL, NULL, NULL, e);
	return tx_end(s, rc, e);
}

enum status
store_sessie_get(struct store *s, struct arena *a, const char *hash,
		 int64_t now, int64_t idle, int64_t absolute,
		 struct gebruiker *user, const char **csrf, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_SESSIE_GET, e);
	const char *naam;
	int64_t made, used;
	bool closed;
	int r;

	if (!st)
		return e->status;
	bind_text(st, 1, hash);
	r = next_row(s, st, e);
	if (r < 0)
		return e->status;
	if (r == 0)
		return err_set(e, ST_NOT_FOUND, "Geen sessie.");
	naam = col_text(a, st, 0);
	*csrf = col_text(a, st, 1);
	made = db_col_int(st, 2);
	used = db_col_int(st, 3);
	closed = !col_is_null(st, 4);
	db_reset(st);
	if (closed || now - used > idle || now - made > absolute) {
		store_sessie_delete(s, hash, e);
		return err_set(e, ST_NOT_FOUND,
			       "De sessie is verlopen; log opnieuw in.");
	}
	/* Touch at most once a minute: reads stay reads. */
	if (now - used >= 60) {
		if ((st = stmt(s, Q_SESSIE_TOUCH, e))) {
			bind_text(st, 1, hash);
			bind_int(st, 2, now);
			run(s, st, e);
		}
	}
	return store_gebruiker_get(s, a, naam, user, NULL, e);
}

enum status
store_sessie_delete(struct store *s, const char *hash, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_SESSIE_DELETE, e);

	if (!st)
		return e->status;
	bind_text(st, 1, hash);
	return run(s, st, e);
}

enum status
store_token_add(struct store *s, const char *gebruikersnaam, const char *naam,
		const char *hash, int64_t now, int64_t verloopt,
		const struct token_scope *scope, int64_t *id, struct err *e)
{
	struct db_stmt *st;
	int64_t uid;
	enum status rc;
	char until[32];

	if (!naam || !*naam)
		return err_invalid(e, "naam", "required",
				   "Geef het token een naam, bijvoorbeeld de "
				   "toepassing die het gebruikt.");
	if (text_check_max(naam, "naam", ACCESS_MAX_NAAM, e))
		return e->status;
	if (verloopt <= now || verloopt - now > ACCESS_TOKEN_MAX_DAGEN * 86400)
		return err_invalid(e, "geldig", "range",
				   "Een token is 1 tot 400 dagen geldig.");
	if ((rc = tx_begin(s, e)))
		return rc;
	if (open_account(s, gebruikersnaam, &uid, e))
		return tx_end(s, e->status, e);
	if (scope && scope->rol) {
		struct gebruiker g;
		bool held = false;

		if (store_gebruiker_get(s, &s->scratch, gebruikersnaam, &g,
					NULL, e))
			return tx_end(s, e->status, e);
		for (size_t i = 0; i < g.nrollen; i++)
			held |= g.rollen[i].rol == scope->rol->rol &&
				((!g.rollen[i].scope && !scope->rol->scope) ||
				 (g.rollen[i].scope && scope->rol->scope &&
				  strcmp(g.rollen[i].scope,
					 scope->rol->scope) == 0));
		if (!held)
			return tx_end(s,
				      err_invalid(e, "rol", "not-held",
						  "%.64s heeft deze rol niet; "
						  "een token kan niet meer "
						  "dan het account.",
						  gebruikersnaam),
				      e);
	}
	if (!(st = stmt(s, Q_TOKEN_INSERT, e)))
		return tx_end(s, e->status, e);
	bind_text(st, 1, hash);
	bind_int(st, 2, uid);
	bind_text(st, 3, naam);
	bind_int(st, 4, now);
	bind_int(st, 5, verloopt);
	bind_text(st, 6,
		  scope && scope->rol ? rol_name(scope->rol->rol) : NULL);
	bind_text(st, 7, scope && scope->rol ? scope->rol->scope : NULL);
	bind_int(st, 8, scope && scope->alleen_lezen);
	rc = run_id(s, st, id, e);
	snprintf(until, sizeof(until), "%lld", (long long)verloopt);
	if (rc == ST_OK)
		rc = audit_append(s, "create", 201, "token", NULL,
				  gebruikersnaam, naam, NULL,
				  jobj(&s->scratch, "naam", naam, "verloopt",
				       until, NULL),
				  e);
	return tx_end(s, rc, e);
}

enum status
store_token_get(struct store *s, struct arena *a, const char *hash, int64_t now,
		struct gebruiker *user, bool *alleen_lezen, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_TOKEN_GET, e);
	const char *naam, *rol, *scope;
	enum status rc;
	int r;

	if (!st)
		return e->status;
	bind_text(st, 1, hash);
	bind_int(st, 2, now);
	r = next_row(s, st, e);
	if (r < 0)
		return e->status;
	if (r == 0)
		return err_set(
			e, ST_NOT_FOUND,
			"Het token is onbekend, verlopen of ingetrokken.");
	naam = col_text(a, st, 0);
	rol = col_text(a, st, 1);
	scope = col_text(a, st, 2);
	*alleen_lezen = (int)db_col_int(st, 3) != 0;
	db_reset(st);
	if ((rc = store_gebruiker_get(s, a, naam, user, NULL, e)) || !rol)
		return rc;
	/* Keep only the token's role (if the account still holds it). */
	size_t k = 0;
	for (size_t i = 0; i < user->nrollen; i++) {
		const struct roltoekenning *t = &user->rollen[i];

		if (strcmp(rol_name(t->rol), rol) == 0 &&
		    ((!t->scope && !scope) ||
		     (t->scope && scope && strcmp(t->scope, scope) == 0)))
			user->rollen[k++] = *t;
	}
	user->nrollen = k;
	return ST_OK;
}

enum status
store_token_intrekken(struct store *s, const char *gebruikersnaam, int64_t id,
		      int64_t now, struct err *e)
{
	struct db_stmt *st;
	int64_t uid;
	enum status rc;
	char num[24];

	if ((rc = tx_begin(s, e)))
		return rc;
	if (gebruiker_id(s, gebruikersnaam, &uid, NULL, e) ||
	    !(st = stmt(s, Q_TOKEN_REVOKE, e)))
		return tx_end(s, e->status, e);
	bind_int(st, 1, uid);
	bind_int(st, 2, id);
	bind_int(st, 3, now);
	rc = run(s, st, e);
	if (rc == ST_OK && db_changes(s->db) == 0)
		rc = err_set(e, ST_NOT_FOUND,
			     "%.64s heeft geen geldig token met nummer %lld.",
			     gebruikersnaam, (long long)id);
	snprintf(num, sizeof(num), "%lld", (long long)id);
	if (rc == ST_OK)
		rc = audit_append(s, "partial_update", 200, "token", NULL,
				  gebruikersnaam, "token ingetrokken", NULL,
				  jobj(&s->scratch, "token", num, NULL), e);
	return tx_end(s, rc, e);
}

enum status
store_poging_stand(struct store *s, const char *sleutel, int64_t now,
		   int64_t *geblokkeerd_tot, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_POGING_GET, e);
	int r;

	*geblokkeerd_tot = 0;
	if (!st)
		return e->status;
	bind_text(st, 1, sleutel);
	r = next_row(s, st, e);
	if (r < 0)
		return e->status;
	if (r == 1 && db_col_int(st, 2) > now)
		*geblokkeerd_tot = db_col_int(st, 2);
	db_reset(st);
	return ST_OK;
}

enum status
store_poging_mislukt(struct store *s, const char *sleutel, int64_t now, int max,
		     int64_t window, int64_t block, struct err *e)
{
	struct db_stmt *st;
	int64_t count = 0, since = now, until = 0;
	enum status rc;
	int r;

	/* Counting changes nothing a page shows. */
	if ((rc = tx_begin_stil(s, e)))
		return rc;
	if (!(st = stmt(s, Q_POGING_GET, e)))
		return tx_end(s, e->status, e);
	bind_text(st, 1, sleutel);
	r = next_row(s, st, e);
	if (r < 0)
		return tx_end(s, e->status, e);
	if (r == 1 && now - db_col_int(st, 1) <= window) {
		count = db_col_int(st, 0);
		since = db_col_int(st, 1);
	}
	/* A new window starts the count afresh, but a block that has not
	 * ended yet stays: failing again must not shorten it. */
	if (r == 1 && db_col_int(st, 2) > now)
		until = db_col_int(st, 2);
	db_reset(st);
	count++;
	if (count >= max)
		until = now + block;
	if (!(st = stmt(s, Q_POGING_UPSERT, e)))
		return tx_end(s, e->status, e);
	bind_text(st, 1, sleutel);
	bind_int(st, 2, count);
	bind_int(st, 3, since);
	bind_int(st, 4, until);
	rc = run(s, st, e);
	return tx_end(s, rc, e);
}

enum status
store_poging_wis(struct store *s, const char *sleutel, struct err *e)
{
	struct db_stmt *st = stmt(s, Q_POGING_DELETE, e);

	if (!st)
		return e->status;
	bind_text(st, 1, sleutel);
	return run(s, st, e);
}

/* ---- second factor ---- */

enum status
store_tweede_factor_zet(struct store *s, const char *gebruikersnaam,
			const char *totp_geheim, const char *const *code_hashes,
			size_t n, struct err *e)
{
	struct db_stmt *st;
	int64_t id;
	enum status rc;

	if ((rc = tx_begin(s, e)))
		return rc;
	if (open_account(s, gebruikersnaam, &id, e))
		return tx_end(s, e->status, e);
	if (!(st = stmt(s, Q_TOTP_SET, e)))
		return tx_end(s, e->status, e);
	bind_int(st, 1, id);
	bind_text(st, 2, totp_geheim);
	if ((rc = run(s, st, e)) || !(st = stmt(s, Q_HERSTEL_DELETE, e)))
		return tx_end(s, e->status, e);
	bind_int(st, 1, id);
	rc = run(s, st, e);
	for (size_t i = 0; rc == ST_OK && i < n; i++) {
		if (!(st = stmt(s, Q_HERSTEL_INSERT, e)))
			return tx_end(s, e->status, e);
		bind_int(st, 1, id);
		bind_text(st, 2, code_hashes[i]);
		rc = run(s, st, e);
	}
	/* That it was set, never the secret or the codes. */
	if (rc == ST_OK)
		rc = audit_append(s, "partial_update", 200, "gebruiker", NULL,
				  gebruikersnaam, "tweede factor ingesteld",
				  NULL, NULL, e);
	return tx_end(s, rc, e);
}

enum status
store_totp_stap_gebruik(struct store *s, const char *gebruikersnaam,
			int64_t stap, struct err *e)
{
	struct db_stmt *st;
	int64_t id;
	enum status rc;

	if ((rc = tx_begin(s, e)))
		return rc;
	if (gebruiker_id(s, gebruikersnaam, &id, NULL, e) ||
	    !(st = stmt(s, Q_TOTP_STAP, e)))
		return tx_end(s, e->status, e);
	bind_int(st, 1, id);
	bind_int(st, 2, stap);
	rc = run(s, st, e);
	/* One statement decides, under the write lock: of two logins with
	 * the same code at once, only one changes the row. */
	if (rc == ST_OK && db_changes(s->db) == 0)
		rc = err_set(e, ST_CONFLICT, "Deze code is al gebruikt.");
	return tx_end(s, rc, e);
}

enum status
store_herstelcode_gebruik(struct store *s, const char *gebruikersnaam,
			  const char *code_hash, int64_t now, struct err *e)
{
	struct db_stmt *st;
	int64_t id;
	enum status rc;

	if ((rc = tx_begin(s, e)))
		return rc;
	if (gebruiker_id(s, gebruikersnaam, &id, NULL, e) ||
	    !(st = stmt(s, Q_HERSTEL_USE, e)))
		return tx_end(s, e->status, e);
	bind_int(st, 1, id);
	bind_text(st, 2, code_hash);
	bind_int(st, 3, now);
	rc = run(s, st, e);
	if (rc == ST_OK && db_changes(s->db) == 0)
		rc = err_set(e, ST_NOT_FOUND, "Onbekende of gebruikte code.");
	if (rc == ST_OK)
		rc = audit_append(s, "partial_update", 200, "gebruiker", NULL,
				  gebruikersnaam, "herstelcode gebruikt", NULL,
				  NULL, e);
	return tx_end(s, rc, e);
}

/*
 * db_sqlite.c - the SQLite driver of db.h: one file, WAL journal, foreign
 * keys on, a busy timeout, statements prepared once and kept by number.
 * The only file besides db_pg.c that calls a database library.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <sqlite3.h>

#include "db_driver.h"
#include "../banned.h"

#define BUSY_TIMEOUT_MS 5000

struct sq_stmt {
	struct db_stmt base;
	sqlite3_stmt *st;
};

struct sq_db {
	struct db base;
	sqlite3 *conn;
	struct sq_stmt stmts[DB_MAX_STMTS];
};

struct sq_bulk {
	struct db_bulk base;
	sqlite3_stmt *st;
	int ncols;
};

static const struct db_ops sq_ops;

/*
 * While another connection writes, wait in short steps: SQLite's own busy
 * timeout sleeps 1, 2, 5, 10 and up to 100 ms at a time, so a writer that
 * had to wait once lost milliseconds after a transaction of a fraction of
 * one; with four clients booking through one server the slowest bookings
 * (and every request queued behind them) took tens of milliseconds.
 * Steps of 0.1 ms for the first 10 ms, then of 1 ms, until
 * BUSY_TIMEOUT_MS of steps have passed.
 */
static int
sq_bezig(void *ctx, int keer)
{
	long us = keer < 100 ? 100 : 1000;
	long gewacht = keer < 100 ? 100L * keer : 10000L + 1000L * (keer - 100);
	struct timespec t = { 0, us * 1000 };

	(void)ctx;
	if (gewacht >= BUSY_TIMEOUT_MS * 1000L)
		return 0;
	nanosleep(&t, NULL);
	return 1;
}

#define SQ(d) ((struct sq_db *)(void *)(d))
#define SQS(s) ((struct sq_stmt *)(void *)(s))

static pthread_once_t sqlite_once = PTHREAD_ONCE_INIT;

/*
 * Process-wide settings, before the first connection: no global memory
 * statistics (their lock is shared by all server threads).
 */
static void
sqlite_setup(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* Remember the last failure of the connection; returns its class. */
static enum db_fout
fout(struct db *d, const char *wat)
{
	sqlite3 *conn = SQ(d)->conn;
	int code = sqlite3_extended_errcode(conn);
	enum db_fout f = DB_ANDERS;

	switch (code) {
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		f = DB_UNIQUE;
		break;
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		f = DB_FOREIGN_KEY;
		break;
	case SQLITE_CONSTRAINT_CHECK:
	case SQLITE_CONSTRAINT_NOTNULL:
	case SQLITE_CONSTRAINT_TRIGGER:
		f = DB_CHECK;
		break;
	case SQLITE_NOTADB:
		f = DB_GEEN_DATABASE;
		break;
	default:
		if ((code & 0xff) == SQLITE_BUSY ||
		    (code & 0xff) == SQLITE_LOCKED)
			f = DB_BEZET;
		else if ((code & 0xff) == SQLITE_CONSTRAINT)
			f = DB_CHECK;
	}
	return db_zet_fout(d, f, "sqlite %s: %s (%d)", wat,
			   sqlite3_errmsg(conn), code);
}

static void sq_close(struct db *d);
static enum db_fout sq_exec(struct db *d, const char *sql);

enum db_fout
db_sqlite_open(const char *pad, bool maken, struct db **out, char *melding,
	       size_t n)
{
	struct sq_db *db;
	struct stat sb;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

	*out = NULL;
	pthread_once(&sqlite_once, sqlite_setup);
	if (!maken && stat(pad, &sb) != 0) {
		snprintf(melding, n,
			 "Database %s bestaat niet. Maak er een met 'ambt "
			 "nieuw' of 'ambt demo'.",
			 pad);
		return DB_GEEN_DATABASE;
	}
	if (maken)
		flags |= SQLITE_OPEN_CREATE;
	if (!(db = calloc(1, sizeof(*db)))) {
		snprintf(melding, n, "Onvoldoende geheugen.");
		return DB_ANDERS;
	}
	db->base.ops = &sq_ops;
	db->base.dialect = DB_SQLITE;
	if (sqlite3_open_v2(pad, &db->conn, flags, NULL) != SQLITE_OK) {
		snprintf(melding, n, "Database %s kan niet worden geopend: %s.",
			 pad,
			 db->conn ? sqlite3_errmsg(db->conn)
				  : "onbekende fout");
		sq_close(&db->base);
		return DB_GEEN_DATABASE;
	}
	sqlite3_extended_result_codes(db->conn, 1);
	sqlite3_busy_handler(db->conn, sq_bezig, NULL);
	if (sq_exec(&db->base,
		    "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; "
		    "PRAGMA synchronous = NORMAL") != DB_OK) {
		enum db_fout f = db->base.laatste;

		if (f == DB_GEEN_DATABASE)
			snprintf(melding, n, "%s is geen ambt-database.", pad);
		else
			snprintf(melding, n, "%s", db->base.melding);
		sq_close(&db->base);
		return f;
	}
	*out = &db->base;
	return DB_OK;
}

static void
sq_close(struct db *d)
{
	struct sq_db *db = SQ(d);

	for (int i = 0; i < DB_MAX_STMTS; i++)
		sqlite3_finalize(db->stmts[i].st);
	sqlite3_close_v2(db->conn);
	free(db);
}

/* Reset every kept statement left on a row, except `keep` (or -1). */
static void
reset_others(struct sq_db *db, int keep)
{
	for (int i = 0; i < DB_MAX_STMTS; i++)
		if (i != keep && db->stmts[i].st &&
		    sqlite3_stmt_busy(db->stmts[i].st))
			sqlite3_reset(db->stmts[i].st);
}

static struct db_stmt *
sq_stmt(struct db *d, int id, const char *sql)
{
	struct sq_db *db = SQ(d);
	struct sq_stmt *s = &db->stmts[id];
	/*
	 * Outside a transaction, a statement left on a row would keep its
	 * read snapshot open, and this connection would go on seeing the
	 * database as it was then. Every new statement starts with none.
	 */
	if (d->depth == 0)
		reset_others(db, id);
	if (!s->st) {
		if (sqlite3_prepare_v3(db->conn, sql, -1,
				       SQLITE_PREPARE_PERSISTENT, &s->st,
				       NULL) != SQLITE_OK) {
			fout(d, "prepare");
			return NULL;
		}
		s->base.db = d;
	} else {
		sqlite3_reset(s->st);
		sqlite3_clear_bindings(s->st);
	}
	return &s->base;
}

/* The SQLite index of parameter $n, or 0 when the statement has none. */
static int
param(struct db_stmt *s, int n)
{
	char name[12];

	snprintf(name, sizeof(name), "$%d", n);
	return sqlite3_bind_parameter_index(SQS(s)->st, name);
}

static void
sq_bind_text(struct db_stmt *s, int n, const char *v)
{
	int i = param(s, n);

	if (!i)
		return;
	if (v)
		sqlite3_bind_text(SQS(s)->st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(SQS(s)->st, i);
}

static void
sq_bind_int(struct db_stmt *s, int n, int64_t v)
{
	int i = param(s, n);

	if (i)
		sqlite3_bind_int64(SQS(s)->st, i, v);
}

static void
sq_bind_null(struct db_stmt *s, int n)
{
	int i = param(s, n);

	if (i)
		sqlite3_bind_null(SQS(s)->st, i);
}

static int
sq_step(struct db_stmt *s)
{
	int rc = sqlite3_step(SQS(s)->st);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	fout(s->db, "step");
	return -1;
}

static const char *
sq_col_text(struct db_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(SQS(s)->st, i);
}

static int64_t
sq_col_int(struct db_stmt *s, int i)
{
	return sqlite3_column_int64(SQS(s)->st, i);
}

static bool
sq_col_null(struct db_stmt *s, int i)
{
	return sqlite3_column_type(SQS(s)->st, i) == SQLITE_NULL;
}

static int
sq_col_count(struct db_stmt *s)
{
	return sqlite3_column_count(SQS(s)->st);
}

static const char *
sq_col_name(struct db_stmt *s, int i)
{
	return sqlite3_column_name(SQS(s)->st, i);
}

static void
sq_reset(struct db_stmt *s)
{
	sqlite3_reset(SQS(s)->st);
}

static int64_t
sq_changes(struct db *d)
{
	return sqlite3_changes64(SQ(d)->conn);
}

static enum db_fout
sq_exec(struct db *d, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(SQ(d)->conn, sql, NULL, NULL, &msg) != SQLITE_OK) {
		enum db_fout f = fout(d, "exec");

		if (msg)
			db_zet_fout(d, f, "sqlite exec: %s", msg);
		sqlite3_free(msg);
		return f;
	}
	d->laatste = DB_OK;
	return DB_OK;
}

static enum db_fout
sq_begin(struct db *d)
{
	reset_others(SQ(d), -1); /* no stale snapshot into the write */
	return sq_exec(d, "BEGIN IMMEDIATE");
}

static struct db_bulk *
sq_bulk_begin(struct db *db, const char *tabel, const char *kolommen, int ncols)
{
	struct sq_bulk *b = calloc(1, sizeof(*b));
	char sql[1024];
	int o;

	if (!b || ncols < 1 || ncols > 64) {
		free(b);
		db_zet_fout(db, DB_ANDERS, "bulk: no room");
		return NULL;
	}
	o = snprintf(sql, sizeof(sql), "INSERT INTO %s (%s) VALUES (", tabel,
		     kolommen);
	for (int i = 1; i <= ncols && o > 0 && (size_t)o < sizeof(sql); i++)
		o += snprintf(sql + o, sizeof(sql) - (size_t)o, "%s?%d",
			      i > 1 ? ", " : "", i);
	if (o < 0 || (size_t)o + 2 > sizeof(sql)) {
		free(b);
		db_zet_fout(db, DB_ANDERS, "bulk: too long");
		return NULL;
	}
	memcpy(sql + o, ")", 2);
	if (sqlite3_prepare_v2(SQ(db)->conn, sql, -1, &b->st, NULL) !=
	    SQLITE_OK) {
		fout(db, "prepare bulk");
		free(b);
		return NULL;
	}
	b->base.db = db;
	b->ncols = ncols;
	return &b->base;
}

static enum db_fout
sq_bulk_row(struct db_bulk *bb, const struct db_waarde *rij)
{
	struct sq_bulk *b = (struct sq_bulk *)(void *)bb;
	sqlite3_stmt *st = b->st;

	for (int i = 0; i < b->ncols; i++) {
		const struct db_waarde *w = &rij[i];

		if (w->tekst)
			sqlite3_bind_text(st, i + 1, w->tekst, (int)w->lengte,
					  SQLITE_STATIC);
		else if (w->is_getal)
			sqlite3_bind_int64(st, i + 1, w->getal);
		else
			sqlite3_bind_null(st, i + 1);
	}
	if (sqlite3_step(st) != SQLITE_DONE) {
		enum db_fout f = fout(bb->db, "insert");

		sqlite3_reset(st);
		return f;
	}
	sqlite3_reset(st);
	return DB_OK;
}

static enum db_fout
sq_bulk_end(struct db_bulk *bb)
{
	struct sq_bulk *b = (struct sq_bulk *)(void *)bb;

	sqlite3_finalize(b->st);
	free(b);
	return DB_OK;
}

static void
sq_bulk_abort(struct db_bulk *b)
{
	sq_bulk_end(b);
}

/* The class of a failure of the online backup. */
static enum db_fout
backup_klasse(int rc)
{
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return DB_BEZET;
	if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CANTOPEN)
		return DB_GEEN_DATABASE;
	return DB_ANDERS;
}

/*
 * Run a backup to its end in one step, so that it copies one moment of
 * the source (in WAL mode the source's writers go on meanwhile); while
 * another connection holds a lock it is tried again, for as long as the
 * busy timeout. Returns SQLITE_DONE or the failure.
 */
static int
backup_run(sqlite3_backup *b)
{
	for (int ms = 0;; ms += 50) {
		int rc = sqlite3_backup_step(b, -1);

		if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) ||
		    ms >= BUSY_TIMEOUT_MS)
			return rc;
		sqlite3_sleep(50);
	}
}

static enum db_fout
sq_backup(struct db *d, const char *pad)
{
	sqlite3 *doel = NULL;
	sqlite3_backup *b;
	enum db_fout f = DB_OK;
	int rc;

	if (sqlite3_open_v2(pad, &doel,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			    NULL) != SQLITE_OK) {
		f = db_zet_fout(d, DB_ANDERS, "backup: cannot create %s: %s",
				pad, doel ? sqlite3_errmsg(doel) : "no memory");
		sqlite3_close_v2(doel);
		return f;
	}
	reset_others(SQ(d), -1); /* the copy starts its own read */
	b = sqlite3_backup_init(doel, "main", SQ(d)->conn, "main");
	rc = b ? backup_run(b) : sqlite3_errcode(doel);
	if (b && sqlite3_backup_finish(b) != SQLITE_OK && rc == SQLITE_DONE)
		rc = sqlite3_errcode(doel);
	/* The copy is one plain file: readable without -wal and -shm,
	 * also from a medium that cannot be written. */
	if (rc == SQLITE_DONE &&
	    sqlite3_exec(doel, "PRAGMA journal_mode = DELETE", NULL, NULL,
			 NULL) != SQLITE_OK)
		rc = sqlite3_errcode(doel);
	if (rc != SQLITE_DONE)
		f = db_zet_fout(d, backup_klasse(rc), "backup to %s: %s (%d)",
				pad, sqlite3_errmsg(doel), rc);
	sqlite3_close_v2(doel);
	if (f == DB_OK)
		d->laatste = DB_OK;
	return f;
}

/*
 * Open `bron` only to read it. Without a -wal beside it, it is opened as
 * immutable: a file in WAL mode then gets no -wal and -shm companions
 * that nobody would remove.
 */
static int
open_om_te_lezen(const char *bron, sqlite3 **van)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(bron), o;
	struct stat sb;
	char *uri, wal[4200];
	int rc;

	if ((size_t)snprintf(wal, sizeof(wal), "%s-wal", bron) >= sizeof(wal) ||
	    stat(wal, &sb) == 0 || !(uri = malloc(3 * n + 32)))
		return sqlite3_open_v2(bron, van, SQLITE_OPEN_READONLY, NULL);
	memcpy(uri, "file:", 5);
	o = 5;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)bron[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("/._-", c)) {
			uri[o++] = (char)c;
		} else {
			uri[o++] = '%';
			uri[o++] = hex[c >> 4];
			uri[o++] = hex[c & 15];
		}
	}
	memcpy(uri + o, "?immutable=1", 13);
	rc = sqlite3_open_v2(uri, van, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
			     NULL);
	free(uri);
	return rc;
}

static enum db_fout
sq_restore(struct db *d, const char *bron)
{
	sqlite3 *van = NULL, *conn = SQ(d)->conn;
	sqlite3_backup *b;
	enum db_fout f = DB_OK;
	int rc;

	if (open_om_te_lezen(bron, &van) != SQLITE_OK) {
		f = db_zet_fout(d, DB_GEEN_DATABASE,
				"restore: cannot open %s: %s", bron,
				van ? sqlite3_errmsg(van) : "no memory");
		sqlite3_close_v2(van);
		return f;
	}
	reset_others(SQ(d), -1);
	/* A database in WAL mode takes only a copy of its own page size:
	 * the file has a rollback journal while it is filled. */
	if ((f = sq_exec(d, "PRAGMA journal_mode = DELETE")) != DB_OK) {
		sqlite3_close_v2(van);
		return f;
	}
	b = sqlite3_backup_init(conn, "main", van, "main");
	rc = b ? backup_run(b) : sqlite3_errcode(conn);
	if (b && sqlite3_backup_finish(b) != SQLITE_OK && rc == SQLITE_DONE)
		rc = sqlite3_errcode(conn);
	if (rc != SQLITE_DONE)
		f = db_zet_fout(d, backup_klasse(rc),
				"restore from %s: %s (%d)", bron,
				sqlite3_errstr(rc), rc);
	sqlite3_close_v2(van);
	if (f == DB_OK)
		f = sq_exec(d, "PRAGMA journal_mode = WAL");
	return f;
}

static const struct db_ops sq_ops = {
	.close = sq_close,
	.stmt = sq_stmt,
	.bind_text = sq_bind_text,
	.bind_int = sq_bind_int,
	.bind_null = sq_bind_null,
	.step = sq_step,
	.col_text = sq_col_text,
	.col_int = sq_col_int,
	.col_null = sq_col_null,
	.col_count = sq_col_count,
	.col_name = sq_col_name,
	.reset = sq_reset,
	.changes = sq_changes,
	.exec = sq_exec,
	.begin = sq_begin,
	.bulk_begin = sq_bulk_begin,
	.bulk_row = sq_bulk_row,
	.bulk_end = sq_bulk_end,
	.bulk_abort = sq_bulk_abort,
	.backup = sq_backup,
	.restore = sq_restore,
};

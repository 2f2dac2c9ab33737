/*
 * db.c - the driver-neutral half of db.h: choosing the driver from the
 * target, handing calls to it, and the transactions and savepoints both
 * engines write the same way.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "db_driver.h"
#include "../banned.h"

bool
db_doel_postgres(const char *doel)
{
	return doel && (strncmp(doel, "postgresql://", 13) == 0 ||
			strncmp(doel, "postgres://", 11) == 0);
}

const char *
db_weergave(const char *doel, char *buf, size_t n)
{
	const char *schema, *at, *dubbel;

	snprintf(buf, n, "%s", doel ? doel : "");
	if (!db_doel_postgres(buf) || !(schema = strstr(buf, "://")))
		return buf;
	schema += 3;
	at = strchr(schema, '@');
	dubbel = strchr(schema, ':');
	if (at && dubbel && dubbel < at) {
		char rest[1024];

		snprintf(rest, sizeof(rest), "%s", at);
		snprintf(buf + (dubbel - buf), n - (size_t)(dubbel - buf),
			 ":***%s", rest);
	}
	return buf;
}

/* The SQLite file named by `doel` ("sqlite:PATH" or PATH). */
static const char *
sqlite_pad(const char *doel)
{
	return strncmp(doel, "sqlite:", 7) == 0 ? doel + 7 : doel;
}

enum db_fout
db_open(const char *doel, bool maken, struct db **out, char *melding, size_t n)
{
	*out = NULL;
	if (!doel || !*doel) {
		snprintf(melding, n, "Noem de database (--db).");
		return DB_GEEN_DATABASE;
	}
	if (db_doel_postgres(doel))
		return db_pg_open(doel, maken, out, melding, n);
	return db_sqlite_open(sqlite_pad(doel), maken, out, melding, n);
}

enum db_fout
db_bestaat(const char *doel, bool *ja, char *melding, size_t n)
{
	struct db *db;
	struct db_stmt *st;
	enum db_fout f;

	*ja = false;
	if (!db_doel_postgres(doel)) {
		*ja = access(sqlite_pad(doel), F_OK) == 0;
		return DB_OK;
	}
	if ((f = db_open(doel, true, &db, melding, n)) != DB_OK)
		return f;
	st = db_stmt(db, 0,
		     "SELECT count(*) FROM information_schema.tables WHERE "
		     "table_schema = current_schema()");
	if (st && db_step(st) == 1)
		*ja = db_col_int(st, 0) > 0;
	else
		snprintf(melding, n, "%s", db->melding);
	f = st ? db->laatste : DB_ANDERS;
	db_close(db);
	return f;
}

enum db_fout
db_wis(const char *doel, char *melding, size_t n)
{
	static const char *const suffix[] = { "", "-wal", "-shm" };
	struct db *db;
	enum db_fout f;
	char buf[4200];

	if (!db_doel_postgres(doel)) {
		for (size_t i = 0; i < 3; i++)
			if ((size_t)snprintf(buf, sizeof(buf), "%.4096s%s",
					     sqlite_pad(doel),
					     suffix[i]) < sizeof(buf))
				unlink(buf);
		return DB_OK;
	}
	if ((f = db_open(doel, true, &db, melding, n)) != DB_OK)
		return f;
	if ((f = db_exec(db, "DROP SCHEMA public CASCADE; "
			     "CREATE SCHEMA public")) != DB_OK)
		snprintf(melding, n, "%s", db->melding);
	db_close(db);
	return f;
}

enum db_fout
db_zet_fout(struct db *db, enum db_fout f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(db->melding, sizeof(db->melding), fmt, ap);
	va_end(ap);
	db->laatste = f;
	return f;
}

void
db_close(struct db *db)
{
	if (db)
		db->ops->close(db);
}

enum db_dialect
db_dialect(const struct db *db)
{
	return db->dialect;
}

struct db_stmt *
db_stmt(struct db *db, int id, const char *sql)
{
	if (id < 0 || id >= DB_MAX_STMTS) {
		db_zet_fout(db, DB_ANDERS, "statement number %d out of range",
			    id);
		return NULL;
	}
	return db->ops->stmt(db, id, sql);
}

void
db_bind_text(struct db_stmt *s, int n, const char *v)
{
	s->db->ops->bind_text(s, n, v);
}

void
db_bind_int(struct db_stmt *s, int n, int64_t v)
{
	s->db->ops->bind_int(s, n, v);
}

void
db_bind_null(struct db_stmt *s, int n)
{
	s->db->ops->bind_null(s, n);
}

int
db_step(struct db_stmt *s)
{
	return s->db->ops->step(s);
}

const char *
db_col_text(struct db_stmt *s, int i)
{
	return s->db->ops->col_text(s, i);
}

int64_t
db_col_int(struct db_stmt *s, int i)
{
	return s->db->ops->col_int(s, i);
}

bool
db_col_null(struct db_stmt *s, int i)
{
	return s->db->ops->col_null(s, i);
}

int
db_col_count(struct db_stmt *s)
{
	return s->db->ops->col_count(s);
}

const char *
db_col_name(struct db_stmt *s, int i)
{
	return s->db->ops->col_name(s, i);
}

void
db_send(struct db_stmt *s)
{
	if (s && s->db->ops->send)
		s->db->ops->send(s);
}

void
db_reset(struct db_stmt *s)
{
	if (s)
		s->db->ops->reset(s);
}

int64_t
db_changes(struct db *db)
{
	return db->ops->changes(db);
}

enum db_fout
db_exec(struct db *db, const char *sql)
{
	return db->ops->exec(db, sql);
}

enum db_fout
db_begin(struct db *db)
{
	enum db_fout f = db->ops->begin(db);

	if (f == DB_OK)
		db->depth = 1;
	return f;
}

enum db_fout
db_commit(struct db *db)
{
	enum db_fout f = db->ops->exec(db, "COMMIT");

	if (f == DB_OK)
		db->depth = 0;
	return f;
}

/* Run `sql` to undo, keeping the failure that made the caller undo. */
static void
ongedaan(struct db *db, const char *sql)
{
	char keep[sizeof(db->melding)];
	enum db_fout f = db->laatste;

	memcpy(keep, db->melding, sizeof(keep));
	db->ops->exec(db, sql);
	memcpy(db->melding, keep, sizeof(keep));
	db->laatste = f;
}

void
db_rollback(struct db *db)
{
	ongedaan(db, "ROLLBACK");
	db->depth = 0;
}

enum db_fout
db_savepoint(struct db *db)
{
	enum db_fout f = db->ops->exec(db, "SAVEPOINT w");

	if (f == DB_OK)
		db->depth++;
	return f;
}

enum db_fout
db_release(struct db *db)
{
	enum db_fout f = db->ops->exec(db, "RELEASE SAVEPOINT w");

	if (f == DB_OK)
		db->depth--;
	return f;
}

void
db_rollback_to(struct db *db)
{
	ongedaan(db, "ROLLBACK TO SAVEPOINT w");
	ongedaan(db, "RELEASE SAVEPOINT w");
	db->depth--;
}

struct db_bulk *
db_bulk_begin(struct db *db, const char *tabel, const char *kolommen, int ncols)
{
	return db->ops->bulk_begin(db, tabel, kolommen, ncols);
}

enum db_fout
db_bulk_row(struct db_bulk *b, const struct db_waarde *rij)
{
	return b->db->ops->bulk_row(b, rij);
}

enum db_fout
db_bulk_end(struct db_bulk *b)
{
	return b ? b->db->ops->bulk_end(b) : DB_ANDERS;
}

void
db_bulk_abort(struct db_bulk *b)
{
	if (b)
		b->db->ops->bulk_abort(b);
}

enum db_fout
db_backup(struct db *db, const char *pad)
{
	if (!db->ops->backup)
		return db_zet_fout(db, DB_ANDERS,
				   "backup: this engine copies with pg_dump");
	return db->ops->backup(db, pad);
}

enum db_fout
db_restore(struct db *db, const char *bron)
{
	if (!db->ops->restore)
		return db_zet_fout(db, DB_ANDERS,
				   "restore: this engine restores with "
				   "pg_restore");
	return db->ops->restore(db, bron);
}

enum db_fout
db_laatste(const struct db *db)
{
	return db->laatste;
}

const char *
db_errmsg(const struct db *db)
{
	return db->melding;
}

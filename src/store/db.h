/*
 * db.h - the thin database driver under the store: one connection,
 * statements prepared once per connection and kept by a number, binding
 * by position, stepping through rows, reading columns, transactions with
 * savepoints, a bulk path for many rows, and a class for every error.
 *
 * Two implementations, the only files that speak to a database library:
 * db_sqlite.c (SQLite, one file) and db_pg.c (PostgreSQL through libpq).
 * Everything above (the domain store) is written once against this.
 *
 * Conventions:
 * - Parameters are numbered from 1 and written $1, $2, ... in the SQL,
 *   which both engines accept. Values go in as text, 64-bit integers or
 *   NULL; PostgreSQL infers each parameter's type from the statement.
 * - Columns are numbered from 0. db_col_text returns text owned by the
 *   statement, valid until the next step or reset.
 * - A failing call returns an error (DB_... below) and keeps a message
 *   for the log (db_errmsg); it never prints or exits.
 */
#ifndef AMBT_STORE_DB_H
#define AMBT_STORE_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum db_dialect {
	DB_SQLITE,
	DB_POSTGRES,
};

/* What went wrong, as far as the store needs to tell. */
enum db_fout {
	DB_OK = 0,
	DB_UNIQUE, /* a unique or primary key constraint */
	DB_FOREIGN_KEY, /* a foreign key constraint */
	DB_CHECK, /* a check constraint, NOT NULL, or a trigger refusing */
	DB_SERIALISATIE, /* a serialisation failure or deadlock: retry */
	DB_BEZET, /* the database is locked by another writer too long */
	DB_VERBINDING, /* the connection is gone (the server went away) */
	DB_GEEN_DATABASE, /* not a database of this engine, or none there */
	DB_ANDERS, /* anything else: a programming or storage error */
};

struct db;
struct db_stmt;

/*
 * Open a connection to `doel`: a PostgreSQL URL (postgresql://... or
 * postgres://...), or a SQLite file ("sqlite:PATH" or just PATH, created
 * when `maken` is set). On success *out is the connection; on failure
 * *out is NULL and `melding` (of `n` bytes) says why, for people.
 */
enum db_fout db_open(const char *doel, bool maken, struct db **out,
		     char *melding, size_t n);

/*
 * Whether `doel` holds a database already: the SQLite file exists, or
 * the PostgreSQL database has tables in its schema. *ja is the answer.
 */
enum db_fout db_bestaat(const char *doel, bool *ja, char *melding, size_t n);

/*
 * Remove what is at `doel`: the SQLite file with its -wal and -shm
 * companions, or every table of the PostgreSQL database (its schema
 * "public" dropped and made anew; the user needs to own it).
 */
enum db_fout db_wis(const char *doel, char *melding, size_t n);

/* Close the connection and free its statements. NULL is allowed. */
void db_close(struct db *db);

/*
 * `doel` as it may be shown: a PostgreSQL URL without its password, into
 * buf (n bytes); returns buf.
 */
const char *db_weergave(const char *doel, char *buf, size_t n);

/* Whether `doel` names a PostgreSQL database (else a SQLite file). */
bool db_doel_postgres(const char *doel);

enum db_dialect db_dialect(const struct db *db);

/*
 * The statement number `id` (0 <= id < DB_MAX_STMTS) with text `sql`,
 * prepared on first use and kept for the connection. NULL on error. A
 * statement is reset before it is handed out again.
 */
#define DB_MAX_STMTS 512
struct db_stmt *db_stmt(struct db *db, int id, const char *sql);

void db_bind_text(struct db_stmt *st, int n, const char *v);
void db_bind_int(struct db_stmt *st, int n, int64_t v);
void db_bind_null(struct db_stmt *st, int n);

/* Run or continue: 1 a row is ready, 0 done, -1 error (db_laatste). */
int db_step(struct db_stmt *st);

/*
 * Start the bound statement st now and read its rows later with db_step,
 * so that several statements cost one round trip: inside a transaction,
 * PostgreSQL gets every statement sent one after another at once (libpq's
 * pipeline) and answers them all when the first is stepped. Step every
 * statement sent, in the order sent, before running another on the
 * connection (running one that was not sent, or taking a sent one again
 * with db_stmt, first collects all answers: correct, one round trip
 * more). SQLite runs each at its first db_step, as does PostgreSQL
 * outside a transaction (where a lost connection is made anew).
 */
void db_send(struct db_stmt *st);

/* Column i of the current row: NULL text, 0 integer, or true for null. */
const char *db_col_text(struct db_stmt *st, int i);
int64_t db_col_int(struct db_stmt *st, int i);
bool db_col_null(struct db_stmt *st, int i);

/* How many columns a row of the statement has, and the name of one. */
int db_col_count(struct db_stmt *st);
const char *db_col_name(struct db_stmt *st, int i);

/* Forget the rows and bindings, ready to run again. */
void db_reset(struct db_stmt *st);

/* Rows changed by the last statement run on the connection. */
int64_t db_changes(struct db *db);

/* Run SQL without parameters (several statements allowed). */
enum db_fout db_exec(struct db *db, const char *sql);

/*
 * Transactions. db_begin opens one in which this connection may write
 * (SQLite: BEGIN IMMEDIATE; PostgreSQL: BEGIN and the one lock that lets
 * a single writer at a time in, so the audit chain and every check made
 * inside a write see all that was committed before). Nested levels are
 * savepoints (db_savepoint, db_release, db_rollback_to).
 */
enum db_fout db_begin(struct db *db);
enum db_fout db_commit(struct db *db);
void db_rollback(struct db *db);
enum db_fout db_savepoint(struct db *db);
enum db_fout db_release(struct db *db);
void db_rollback_to(struct db *db);

/* One value of a bulk row: text, an integer, or (neither) NULL. */
struct db_waarde {
	const char *tekst; /* not NULL: text of `lengte` bytes */
	size_t lengte;
	bool is_getal; /* else: `getal` */
	int64_t getal;
};

/*
 * Many rows into one table within a transaction: db_bulk_begin names the
 * table and its ncols columns (a comma-separated list), db_bulk_row takes
 * one row, db_bulk_end finishes (or db_bulk_abort gives up; the
 * transaction must then be rolled back). SQLite inserts each row with a
 * prepared statement; PostgreSQL streams them with COPY.
 */
struct db_bulk;
struct db_bulk *db_bulk_begin(struct db *db, const char *tabel,
			      const char *kolommen, int ncols);
enum db_fout db_bulk_row(struct db_bulk *b, const struct db_waarde *rij);
enum db_fout db_bulk_end(struct db_bulk *b);
void db_bulk_abort(struct db_bulk *b);

/*
 * Copies of a whole SQLite database with its online backup (PostgreSQL's
 * copies are made by pg_dump and pg_restore: there both answer DB_ANDERS).
 * db_backup writes the open database, as of one moment, into the new file
 * `pad` while other connections go on reading and writing. db_restore
 * replaces what the open database holds by the content of the SQLite file
 * `bron`, which is only read (DB_GEEN_DATABASE: not a SQLite database).
 */
enum db_fout db_backup(struct db *db, const char *pad);
enum db_fout db_restore(struct db *db, const char *bron);

/* The class and the log message of the last failure on the connection. */
enum db_fout db_laatste(const struct db *db);
const char *db_errmsg(const struct db *db);

#endif

/*
 * db_driver.h - what a driver of db.h provides: its functions in a table,
 * and the parts of a connection, statement and bulk load that db.c reads.
 * Private to src/store/db*.c.
 */
#ifndef AMBT_STORE_DB_DRIVER_H
#define AMBT_STORE_DB_DRIVER_H

#include "db.h"

struct db_ops {
	void (*close)(struct db *db);
	struct db_stmt *(*stmt)(struct db *db, int id, const char *sql);
	void (*bind_text)(struct db_stmt *s, int n, const char *v);
	void (*bind_int)(struct db_stmt *s, int n, int64_t v);
	void (*bind_null)(struct db_stmt *s, int n);
	int (*step)(struct db_stmt *s);
	/* Start a statement now, its rows read later (db_send); NULL: it
	 * runs at its first step. */
	void (*send)(struct db_stmt *s);
	const char *(*col_text)(struct db_stmt *s, int i);
	int64_t (*col_int)(struct db_stmt *s, int i);
	bool (*col_null)(struct db_stmt *s, int i);
	int (*col_count)(struct db_stmt *s);
	const char *(*col_name)(struct db_stmt *s, int i);
	void (*reset)(struct db_stmt *s);
	int64_t (*changes)(struct db *db);
	enum db_fout (*exec)(struct db *db, const char *sql);
	enum db_fout (*begin)(struct db *db);
	struct db_bulk *(*bulk_begin)(struct db *db, const char *tabel,
				      const char *kolommen, int ncols);
	enum db_fout (*bulk_row)(struct db_bulk *b,
				 const struct db_waarde *rij);
	enum db_fout (*bulk_end)(struct db_bulk *b);
	void (*bulk_abort)(struct db_bulk *b);
	/* Whole-database copies (db_backup, db_restore); NULL: none. */
	enum db_fout (*backup)(struct db *db, const char *pad);
	enum db_fout (*restore)(struct db *db, const char *bron);
};

/* The common head of every driver's connection. */
struct db {
	const struct db_ops *ops;
	enum db_dialect dialect;
	int depth; /* 1: a transaction; more: savepoints in it */
	enum db_fout laatste;
	char melding[512];
};

/* The common head of every driver's statement and bulk load. */
struct db_stmt {
	struct db *db;
};

struct db_bulk {
	struct db *db;
};

/* Set the connection's last failure and its message; returns f. */
enum db_fout db_zet_fout(struct db *db, enum db_fout f, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

enum db_fout db_sqlite_open(const char *pad, bool maken, struct db **out,
			    char *melding, size_t n);
enum db_fout db_pg_open(const char *url, bool maken, struct db **out,
			char *melding, size_t n);

#endif

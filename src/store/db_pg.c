/*
 * db_pg.c - the PostgreSQL driver of db.h, on libpq: statements prepared
 * on the server once per connection (named "s<number>"), every value sent
 * as text with its type inferred by the server, rows read a result at a
 * time, statements sent inside a transaction answered together (libpq's
 * pipeline mode, db_send), many rows streamed with COPY, and a connection
 * that went away made anew at the next statement outside a transaction.
 * The only file besides db_sqlite.c that calls a database library.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "db_driver.h"
#include "../banned.h"

#define PG_MAX_PARAMS 48
#define PG_COPY_BUF (256 * 1024)

/* The one lock that lets a single writer in at a time ("ambt"). */
#define SCHRIJFSLOT "1634558580"

struct pg_stmt {
	struct db_stmt base;
	char *sql;
	bool prepared;
	int nparams;
	const char *vals[PG_MAX_PARAMS];
	char *owned[PG_MAX_PARAMS];
	PGresult *res;
	int row, nrows;
	bool verzonden; /* sent in the pipeline, its answer not yet read */
	bool nieuw; /* res is an answer from the pipeline not yet looked at */
};

struct pg_db {
	struct db base;
	PGconn *conn;
	struct pg_stmt stmts[DB_MAX_STMTS];
	int64_t changes;
	bool pijp; /* in pipeline mode */
	struct pg_stmt *rij[DB_MAX_STMTS]; /* sent, in order */
	int nrij;
};

struct pg_bulk {
	struct db_bulk base;
	int ncols;
	char *buf;
	size_t len;
	bool fout;
};

static const struct db_ops pg_ops;

#define PG(d) ((struct pg_db *)(void *)(d))
#define PGS(s) ((struct pg_stmt *)(void *)(s))

static void
stil(void *arg, const char *melding)
{
	(void)arg;
	(void)melding; /* notices (e.g. "relation exists") are not errors */
}

/* The class of a failed result (or of the connection), remembered. */
static enum db_fout
fout(struct db *d, const PGresult *res, const char *wat)
{
	PGconn *conn = PG(d)->conn;
	const char *code =
		res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = res ? PQresultErrorMessage(res) : NULL;
	enum db_fout f = DB_ANDERS;

	if (!msg || !*msg)
		msg = PQerrorMessage(conn);
	if (PQstatus(conn) != CONNECTION_OK)
		f = DB_VERBINDING;
	else if (code) {
		if (strcmp(code, "23505") == 0)
			f = DB_UNIQUE;
		else if (strcmp(code, "23503") == 0)
			f = DB_FOREIGN_KEY;
		else if (strcmp(code, "23514") == 0 ||
			 strcmp(code, "23502") == 0 ||
			 strcmp(code, "P0001") == 0)
			f = DB_CHECK;
		else if (strcmp(code, "40001") == 0 ||
			 strcmp(code, "40P01") == 0)
			f = DB_SERIALISATIE;
		else if (strcmp(code, "55P03") == 0)
			f = DB_BEZET;
		else if (strncmp(code, "08", 2) == 0 ||
			 strncmp(code, "57P", 3) == 0)
			f = DB_VERBINDING;
	}
	return db_zet_fout(d, f, "postgresql %s: %s%s%s", wat, code ? code : "",
			   code ? " " : "", msg ? msg : "");
}

/*
 * Outside a transaction, a connection that went away is made anew; its
 * prepared statements went with it. DB_OK when the connection is usable.
 */
static enum db_fout
verbonden(struct db *d)
{
	struct pg_db *db = PG(d);

	if (PQstatus(db->conn) == CONNECTION_OK)
		return DB_OK;
	if (d->depth > 0)
		return db_zet_fout(d, DB_VERBINDING,
				   "postgresql: connection lost in a "
				   "transaction");
	PQreset(db->conn);
	if (PQstatus(db->conn) != CONNECTION_OK)
		return db_zet_fout(d, DB_VERBINDING, "postgresql: %s",
				   PQerrorMessage(db->conn));
	for (int i = 0; i < DB_MAX_STMTS; i++)
		db->stmts[i].prepared = false;
	return DB_OK;
}

static void pg_close(struct db *d);
static enum db_fout pg_exec(struct db *d, const char *sql);

/*
 * Collect the answers of every statement sent (db_send) into each
 * statement, and leave pipeline mode: one round trip for all of them.
 * With `extra`, one more statement was sent last (pg_exec's) and
 * *extra is its answer. Called before anything else is run.
 */
static void
leeg(struct pg_db *db, PGresult **extra)
{
	PGconn *conn = db->conn;
	PGresult *r;

	if (!db->pijp)
		return;
	PQpipelineSync(conn);
	for (int i = 0; i < db->nrij; i++) {
		struct pg_stmt *s = db->rij[i];

		s->res = PQgetResult(conn);
		s->verzonden = false;
		s->nieuw = true;
		/* The end of this statement's answer. */
		while (s->res && (r = PQgetResult(conn)))
			PQclear(r);
	}
	db->nrij = 0;
	if (extra) {
		*extra = PQgetResult(conn);
		while (*extra && (r = PQgetResult(conn)))
			PQclear(r);
	}
	/* The sync's own answer; then the pipeline is empty. */
	for (int i = 0; i < 4 && PQexitPipelineMode(conn) != 1; i++) {
		if ((r = PQgetResult(conn)))
			PQclear(r);
	}
	db->pijp = PQpipelineStatus(conn) != PQ_PIPELINE_OFF;
}

/* Why `conn` is not connected, for people: libpq's words, trimmed. */
static void
onbereikbaar(PGconn *conn, char *melding, size_t n)
{
	const char *m = conn ? PQerrorMessage(conn) : "";
	size_t k = strlen(m);

	while (k && (m[k - 1] == '\n' || m[k - 1] == ' '))
		k--;
	snprintf(melding, n,
		 "De PostgreSQL-database kan niet worden bereikt: %.*s.",
		 (int)(k > 300 ? 300 : k), m);
}

/*
 * Whether the database `url` names is on its server, asked of the
 * server's maintenance database "postgres"; with `maken` it is made when
 * missing (the role needs CREATEDB). DB_OK and *er when the question was
 * answered (a URL without a database name counts as there).
 */
static enum db_fout
database_er(const char *url, bool maken, bool *er, char *melding, size_t n)
{
	PQconninfoOption *opts = PQconninfoParse(url, NULL);
	const char *keys[64], *vals[64], *naam = NULL;
	enum db_fout f = DB_OK;
	PGconn *conn;
	PGresult *r;
	int k = 0;

	*er = true;
	if (!opts) {
		snprintf(melding, n, "De PostgreSQL-URL is niet te lezen.");
		return DB_GEEN_DATABASE;
	}
	for (PQconninfoOption *o = opts; o->keyword && k < 62; o++) {
		if (!o->val)
			continue;
		if (strcmp(o->keyword, "dbname") == 0) {
			naam = o->val;
			continue;
		}
		keys[k] = o->keyword;
		vals[k++] = o->val;
	}
	if (!naam || !*naam || strcmp(naam, "postgres") == 0) {
		PQconninfoFree(opts);
		return DB_OK;
	}
	keys[k] = "dbname";
	vals[k++] = "postgres";
	keys[k] = NULL;
	vals[k] = NULL;
	conn = PQconnectdbParams(keys, vals, 0);
	if (PQstatus(conn) != CONNECTION_OK) {
		onbereikbaar(conn, melding, n);
		PQfinish(conn);
		PQconninfoFree(opts);
		return DB_VERBINDING;
	}
	r = PQexecParams(conn, "SELECT 1 FROM pg_database WHERE datname = $1",
			 1, NULL, &naam, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		snprintf(melding, n, "%s", PQresultErrorMessage(r));
		f = DB_ANDERS;
	} else if (PQntuples(r) == 0 && !maken) {
		*er = false;
	} else if (PQntuples(r) == 0) {
		char *id = PQescapeIdentifier(conn, naam, strlen(naam));
		char sql[600];
		const char *code;

		snprintf(sql, sizeof(sql), "CREATE DATABASE %s",
			 id ? id : "\"\"");
		PQfreemem(id);
		PQclear(r);
		r = PQexec(conn, sql);
		code = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		/* 42P04: someone else made it just now. */
		if (PQresultStatus(r) != PGRES_COMMAND_OK &&
		    !(code && strcmp(code, "42P04") == 0)) {
			snprintf(melding, n,
				 "De PostgreSQL-database %s kan niet worden "
				 "gemaakt: %s",
				 naam, PQresultErrorMessage(r));
			f = DB_GEEN_DATABASE;
		}
	}
	PQclear(r);
	PQfinish(conn);
	PQconninfoFree(opts);
	return f;
}

enum db_fout
db_pg_open(const char *url, bool maken, struct db **out, char *melding,
	   size_t n)
{
	struct pg_db *db;
	enum db_fout f;
	bool er;

	*out = NULL;
	if (maken && (f = database_er(url, true, &er, melding, n)) != DB_OK)
		return f;
	if (!(db = calloc(1, sizeof(*db)))) {
		snprintf(melding, n, "Onvoldoende geheugen.");
		return DB_ANDERS;
	}
	db->base.ops = &pg_ops;
	db->base.dialect = DB_POSTGRES;
	db->conn = PQconnectdb(url);
	if (!db->conn || PQstatus(db->conn) != CONNECTION_OK) {
		onbereikbaar(db->conn, melding, n);
		pg_close(&db->base);
		/* The server answers, but has no such database? */
		if (!maken &&
		    database_er(url, false, &er, melding, n) == DB_OK && !er) {
			char toon[1100];

			snprintf(melding, n,
				 "Database %s bestaat niet. Maak er een met "
				 "'ambt nieuw' of 'ambt demo'.",
				 db_weergave(url, toon, sizeof(toon)));
			return DB_GEEN_DATABASE;
		}
		return DB_VERBINDING;
	}
	PQsetNoticeProcessor(db->conn, stil, NULL);
	/* The store compares and writes text as it is, in UTC. */
	if (pg_exec(&db->base, "SET client_encoding = 'UTF8'; "
			       "SET TIME ZONE 'UTC'") != DB_OK) {
		snprintf(melding, n, "%s", db->base.melding);
		pg_close(&db->base);
		return DB_ANDERS;
	}
	*out = &db->base;
	return DB_OK;
}

/* Forget a statement's result and its own copies of values. */
static void
los(struct pg_stmt *s, bool bindingen)
{
	if (s->verzonden)
		leeg(PG(s->base.db), NULL);
	s->nieuw = false;
	PQclear(s->res);
	s->res = NULL;
	s->row = s->nrows = 0;
	if (!bindingen)
		return;
	for (int i = 0; i < PG_MAX_PARAMS; i++) {
		free(s->owned[i]);
		s->owned[i] = NULL;
		s->vals[i] = NULL;
	}
}

static void
pg_close(struct db *d)
{
	struct pg_db *db = PG(d);

	for (int i = 0; i < DB_MAX_STMTS; i++) {
		los(&db->stmts[i], true);
		free(db->stmts[i].sql);
	}
	PQfinish(db->conn);
	free(db);
}

/* Prepare statement `id` (its text kept in s->sql) on the server. */
static enum db_fout
voorbereiden(struct db *d, int id)
{
	struct pg_db *db = PG(d);
	struct pg_stmt *s = &db->stmts[id];
	char naam[16];
	PGresult *r;

	snprintf(naam, sizeof(naam), "s%d", id);
	r = PQprepare(db->conn, naam, s->sql, 0, NULL);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		enum db_fout f = fout(d, r, "prepare");

		PQclear(r);
		return f;
	}
	PQclear(r);
	r = PQdescribePrepared(db->conn, naam);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		enum db_fout f = fout(d, r, "describe");

		PQclear(r);
		return f;
	}
	s->nparams = PQnparams(r);
	PQclear(r);
	if (s->nparams > PG_MAX_PARAMS)
		return db_zet_fout(d, DB_ANDERS, "statement %d: %d parameters",
				   id, s->nparams);
	s->base.db = d;
	s->prepared = true;
	return DB_OK;
}

static struct db_stmt *
pg_stmt(struct db *d, int id, const char *sql)
{
	struct pg_stmt *s = &PG(d)->stmts[id];

	los(s, true);
	if (verbonden(d) != DB_OK)
		return NULL;
	if (s->prepared)
		return &s->base;
	leeg(PG(d), NULL);
	free(s->sql);
	if (!(s->sql = strdup(sql))) {
		db_zet_fout(d, DB_ANDERS, "statement %d: no room", id);
		return NULL;
	}
	return voorbereiden(d, id) == DB_OK ? &s->base : NULL;
}

/*
 * Whether a statement that failed on a lost connection may run again on
 * a new one: only outside a transaction (inside, the transaction went
 * with the connection and the caller must start over), and only once.
 */
static bool
opnieuw_verbonden(struct db *d)
{
	if (d->depth > 0 || PQstatus(PG(d)->conn) == CONNECTION_OK)
		return false;
	return verbonden(d) == DB_OK;
}

/* Parameter $n as the server knows it, or NULL when it has none. */
static char **
plek(struct pg_stmt *s, int n)
{
	if (n < 1 || n > s->nparams)
		return NULL;
	free(s->owned[n - 1]);
	s->owned[n - 1] = NULL;
	s->vals[n - 1] = NULL;
	return &s->owned[n - 1];
}

static void
pg_bind_text(struct db_stmt *st, int n, const char *v)
{
	struct pg_stmt *s = PGS(st);
	char **p = plek(s, n);

	if (p && v)
		s->vals[n - 1] = *p = strdup(v);
}

static void
pg_bind_int(struct db_stmt *st, int n, int64_t v)
{
	struct pg_stmt *s = PGS(st);
	char **p = plek(s, n);

	if (p && (*p = malloc(24))) {
		snprintf(*p, 24, "%lld", (long long)v);
		s->vals[n - 1] = *p;
	}
}

static void
pg_bind_null(struct db_stmt *st, int n)
{
	plek(PGS(st), n);
}

/* Take in statement s's answer in s->res: 0, or -1 on an error. */
static int
uitslag(struct pg_stmt *s)
{
	struct pg_db *db = PG(s->base.db);
	ExecStatusType t = PQresultStatus(s->res);

	s->nieuw = false;
	if (t == PGRES_TUPLES_OK) {
		s->nrows = PQntuples(s->res);
		db->changes = s->nrows;
	} else if (t == PGRES_COMMAND_OK) {
		s->nrows = 0;
		db->changes = strtoll(PQcmdTuples(s->res), NULL, 10);
	} else {
		fout(s->base.db, s->res, "step");
		PQclear(s->res);
		s->res = NULL;
		return -1;
	}
	s->row = 0;
	return 0;
}

static int
pg_step(struct db_stmt *st)
{
	struct pg_stmt *s = PGS(st);
	struct pg_db *db = PG(st->db);

	if (s->verzonden)
		leeg(db, NULL);
	if (s->nieuw) {
		if (!s->res) {
			fout(st->db, NULL, "step");
			return -1;
		}
		if (uitslag(s) < 0)
			return -1;
	} else if (!s->res) {
		int id = (int)(s - db->stmts);
		char naam[16];
		ExecStatusType t;

		leeg(db, NULL);
		snprintf(naam, sizeof(naam), "s%d", id);
		s->res = PQexecPrepared(db->conn, naam, s->nparams, s->vals,
					NULL, NULL, 0);
		t = PQresultStatus(s->res);
		/* The server went away and came back since the last
		 * statement (a restart, a failover): once more, anew. */
		if (t != PGRES_TUPLES_OK && t != PGRES_COMMAND_OK &&
		    opnieuw_verbonden(st->db)) {
			PQclear(s->res);
			s->res = NULL;
			if (voorbereiden(st->db, id) != DB_OK)
				return -1;
			s->res = PQexecPrepared(db->conn, naam, s->nparams,
						s->vals, NULL, NULL, 0);
		}
		if (uitslag(s) < 0)
			return -1;
	}
	if (s->row < s->nrows) {
		s->row++;
		return 1;
	}
	return 0;
}

/* Start statement st in the pipeline (db_send); outside a transaction,
 * or when it cannot be sent, it runs at its first step instead. */
static void
pg_send(struct db_stmt *st)
{
	struct pg_stmt *s = PGS(st);
	struct pg_db *db = PG(st->db);
	char naam[16];

	if (st->db->depth == 0 || s->res || s->verzonden ||
	    db->nrij >= DB_MAX_STMTS)
		return;
	if (!db->pijp) {
		if (PQenterPipelineMode(db->conn) != 1)
			return;
		db->pijp = true;
	}
	snprintf(naam, sizeof(naam), "s%d", (int)(s - db->stmts));
	if (PQsendQueryPrepared(db->conn, naam, s->nparams, s->vals, NULL, NULL,
				0) != 1)
		return;
	s->verzonden = true;
	db->rij[db->nrij++] = s;
}

static const char *
pg_col_text(struct db_stmt *st, int i)
{
	struct pg_stmt *s = PGS(st);

	if (!s->res || s->row < 1 || i >= PQnfields(s->res) ||
	    PQgetisnull(s->res, s->row - 1, i))
		return NULL;
	return PQgetvalue(s->res, s->row - 1, i);
}

static int64_t
pg_col_int(struct db_stmt *st, int i)
{
	const char *t = pg_col_text(st, i);

	return t ? strtoll(t, NULL, 10) : 0;
}

static bool
pg_col_null(struct db_stmt *st, int i)
{
	return pg_col_text(st, i) == NULL;
}

/* Known once the statement ran (db_step); 0 before. */
static int
pg_col_count(struct db_stmt *st)
{
	return PGS(st)->res ? PQnfields(PGS(st)->res) : 0;
}

static const char *
pg_col_name(struct db_stmt *st, int i)
{
	struct pg_stmt *s = PGS(st);

	return s->res && i < PQnfields(s->res) ? PQfname(s->res, i) : NULL;
}

static void
pg_reset(struct db_stmt *st)
{
	los(PGS(st), false);
}

static int64_t
pg_changes(struct db *d)
{
	return PG(d)->changes;
}

static enum db_fout
pg_exec(struct db *d, const char *sql)
{
	PGresult *r;
	ExecStatusType t;
	enum db_fout f = DB_OK;

	if (verbonden(d) != DB_OK)
		return d->laatste;
	/* After statements sent, COMMIT goes with them: one round trip
	 * (after a failed one it fails too, and the caller rolls back).
	 * Anything else, ROLLBACK above all, runs after their answers. */
	r = NULL;
	if (PG(d)->pijp && strcmp(sql, "COMMIT") == 0 &&
	    PQsendQueryParams(PG(d)->conn, sql, 0, NULL, NULL, NULL, NULL, 0) ==
		    1)
		leeg(PG(d), &r);
	else {
		leeg(PG(d), NULL);
		r = PQexec(PG(d)->conn, sql);
	}
	t = PQresultStatus(r);
	if (t != PGRES_COMMAND_OK && t != PGRES_TUPLES_OK &&
	    opnieuw_verbonden(d)) {
		PQclear(r);
		r = PQexec(PG(d)->conn, sql);
		t = PQresultStatus(r);
	}
	if (t != PGRES_COMMAND_OK && t != PGRES_TUPLES_OK)
		f = fout(d, r, "exec");
	else {
		PG(d)->changes = strtoll(PQcmdTuples(r), NULL, 10);
		d->laatste = DB_OK;
	}
	PQclear(r);
	return f;
}

static enum db_fout
pg_begin(struct db *d)
{
	/* Writers one at a time, like SQLite's BEGIN IMMEDIATE: every check
	 * inside a write and the audit chain see all committed before. Both
	 * in one round trip: while writers queue for the lock, every round
	 * trip inside a write counts. */
	enum db_fout f = pg_exec(
		d, "BEGIN; SELECT pg_advisory_xact_lock(" SCHRIJFSLOT ")");

	if (f != DB_OK)
		pg_exec(d, "ROLLBACK");
	return f;
}

static struct db_bulk *
pg_bulk_begin(struct db *d, const char *tabel, const char *kolommen, int ncols)
{
	struct pg_bulk *b = calloc(1, sizeof(*b));
	char sql[1024];
	PGresult *r;

	if (!b || !(b->buf = malloc(PG_COPY_BUF))) {
		free(b);
		db_zet_fout(d, DB_ANDERS, "bulk: no room");
		return NULL;
	}
	snprintf(sql, sizeof(sql), "COPY %s (%s) FROM STDIN", tabel, kolommen);
	leeg(PG(d), NULL);
	r = PQexec(PG(d)->conn, sql);
	if (PQresultStatus(r) != PGRES_COPY_IN) {
		fout(d, r, "copy");
		PQclear(r);
		free(b->buf);
		free(b);
		return NULL;
	}
	PQclear(r);
	b->base.db = d;
	b->ncols = ncols;
	return &b->base;
}

/* Send what is buffered. */
static enum db_fout
spoel(struct pg_bulk *b)
{
	if (b->len &&
	    PQputCopyData(PG(b->base.db)->conn, b->buf, (int)b->len) != 1) {
		b->fout = true;
		return fout(b->base.db, NULL, "copy");
	}
	b->len = 0;
	return DB_OK;
}

static enum db_fout
pg_bulk_row(struct db_bulk *bb, const struct db_waarde *rij)
{
	struct pg_bulk *b = (struct pg_bulk *)(void *)bb;

	for (int i = 0; i < b->ncols; i++) {
		const struct db_waarde *w = &rij[i];

		/* Room for a tab and a number or \N; text longer than the
		 * buffer goes out in pieces as it fills. */
		if (b->len + 26 > PG_COPY_BUF && spoel(b) != DB_OK)
			return bb->db->laatste;
		if (i)
			b->buf[b->len++] = '\t';
		if (w->tekst) {
			for (size_t k = 0; k < w->lengte; k++) {
				char c = w->tekst[k];

				/* An escaped byte, and the row's newline. */
				if (b->len + 3 > PG_COPY_BUF &&
				    spoel(b) != DB_OK)
					return bb->db->laatste;
				if (c == '\\' || c == '\t' || c == '\n' ||
				    c == '\r') {
					b->buf[b->len++] = '\\';
					c = c == '\t'	? 't'
					    : c == '\n' ? 'n'
					    : c == '\r' ? 'r'
							: '\\';
				}
				b->buf[b->len++] = c;
			}
		} else if (w->is_getal) {
			b->len += (size_t)snprintf(b->buf + b->len, 24, "%lld",
						   (long long)w->getal);
		} else {
			b->buf[b->len++] = '\\';
			b->buf[b->len++] = 'N';
		}
	}
	b->buf[b->len++] = '\n';
	return DB_OK;
}

static enum db_fout
pg_bulk_end(struct db_bulk *bb)
{
	struct pg_bulk *b = (struct pg_bulk *)(void *)bb;
	struct db *d = bb->db;
	PGconn *conn = PG(d)->conn;
	bool afbreken = b->fout;
	enum db_fout f = afbreken ? DB_ANDERS : spoel(b);
	PGresult *r;

	if (PQputCopyEnd(conn, f == DB_OK ? NULL : "afgebroken") != 1 &&
	    f == DB_OK)
		f = fout(d, NULL, "copy end");
	if (afbreken)
		db_zet_fout(d, DB_ANDERS, "copy: given up");
	while ((r = PQgetResult(conn))) {
		if (PQresultStatus(r) != PGRES_COMMAND_OK && f == DB_OK)
			f = fout(d, r, "copy");
		PQclear(r);
	}
	free(b->buf);
	free(b);
	return f;
}

static void
pg_bulk_abort(struct db_bulk *bb)
{
	struct pg_bulk *b = (struct pg_bulk *)(void *)bb;

	b->fout = true;
	pg_bulk_end(bb);
}

static const struct db_ops pg_ops = {
	.close = pg_close,
	.stmt = pg_stmt,
	.bind_text = pg_bind_text,
	.bind_int = pg_bind_int,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.send = pg_send,
	.col_text = pg_col_text,
	.col_int = pg_col_int,
	.col_null = pg_col_null,
	.col_count = pg_col_count,
	.col_name = pg_col_name,
	.reset = pg_reset,
	.changes = pg_changes,
	.exec = pg_exec,
	.begin = pg_begin,
	.bulk_begin = pg_bulk_begin,
	.bulk_row = pg_bulk_row,
	.bulk_end = pg_bulk_end,
	.bulk_abort = pg_bulk_abort,
};

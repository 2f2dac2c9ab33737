/*
 * store.h - the domain's storage API.
 *
 * Callers (command line, server) include this header alone and see only
 * the store's functions and the value types of src/core; which database
 * sits behind them is the store's business: the same store code (store.c
 * and the store_*.c beside it) runs on SQLite and PostgreSQL through the
 * driver db.h. All SQL text lives in queries.c.
 *
 * This header holds what concerns the connection: opening and closing,
 * the schema, the generation, what the database holds, transactions, and
 * who is acting when. The domains have a header each, included below:
 *   store_register.h  organisations, cooperations, units, framework
 *                     articles, workstreams, taakvelden
 *   store_besluit.h   decisions
 *   store_toegang.h   accounts, sessions, tokens, login attempts, the
 *                     second factor, the audit trail
 *   store_uren.h      staff and hours
 *   store_kosten.h    costs, scenarios and calculations
 *   store_kopie.h     backup, restore and moving a database
 *   store_afspraak.h  the front office by appointment: locations, the
 *                     catalogue, the roster, free times, appointments and
 *                     the outbox of messages about them
 *
 * Conventions for every function of the store (here and in those):
 * - Returns ST_OK or an error status and fills `e` (see core/err.h):
 *   ST_INVALID with every problem named by field, ST_NOT_FOUND /
 *   ST_CONFLICT with a Dutch message, ST_INTERNAL with a log detail.
 * - Every write is atomic: it either happens completely or leaves the
 *   database unchanged, also when nested inside store_begin/commit (then
 *   it is a savepoint within the outer transaction).
 * - Anything returned (strings, arrays) is allocated in the caller's
 *   arena and lives until arena_free(); input structs are only read.
 * - Dates go in and out as day_t; `today` parameters are the caller's
 *   Amsterdam date, so that no store function reads the clock.
 */
#ifndef AMBT_STORE_H
#define AMBT_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/access.h"
#include "../core/arena.h"
#include "../core/err.h"

#include "store_register.h"
#include "store_besluit.h"
#include "store_toegang.h"
#include "store_uren.h"
#include "store_kosten.h"
#include "store_kopie.h"
#include "store_afspraak.h"

struct store;

enum store_open_mode {
	STORE_EXISTING, /* the database must exist already */
	STORE_CREATE, /* create the file when missing */
};

/*
 * Open (and with STORE_CREATE create) the database `path` names — a
 * SQLite file (WAL, foreign keys, a busy timeout) or a postgresql:// URL
 * (the database made when missing) — and apply pending migrations. A
 * database written by a newer version of ambt is refused (ST_CONFLICT);
 * one that is not there is ST_NOT_FOUND, a server that cannot be reached
 * ST_UNAVAILABLE. On success *out is a handle the caller releases with
 * store_close().
 */
enum status store_open(const char *path, enum store_open_mode mode,
		       struct store **out, struct err *e);

/*
 * Whether `doel` (a SQLite file, or a postgresql:// URL) holds a database
 * already (*ja), and removing it (the file; every table of the
 * PostgreSQL database). ST_UNAVAILABLE when the server cannot be reached.
 * On PostgreSQL both make the (empty) database when the server has none
 * of that name, as init and demo are about to.
 */
enum status store_bestaat(const char *doel, bool *ja, struct err *e);
enum status store_wis(const char *doel, struct err *e);

/* `doel` as it may be shown to people: a URL without its password. */
const char *store_weergave(const char *doel, char *buf, size_t n);

/* Whether `doel` names a PostgreSQL database rather than a SQLite file. */
bool store_is_postgres(const char *doel);

/* Close the handle and free everything it holds. NULL is allowed. */
void store_close(struct store *s);

/* The schema version the database is at, and the newest one known. */
int store_schema_version(struct store *s);
int store_schema_latest(void);

/*
 * Families of data, for readers that keep answers (the server's response
 * cache): every committed write raises the generation of the family it
 * touched, by this process or any other. A municipality's locations,
 * catalogue, roster and appointments are its own family,
 * STORE_FAMILIE_AFSPRAKEN followed by its CBS code ("afspraken:GM0358");
 * every other write is STORE_FAMILIE_ALGEMEEN. Bookkeeping alone (audit
 * events, counted attempts) raises none.
 */
#define STORE_FAMILIE_ALGEMEEN "algemeen"
#define STORE_FAMILIE_AFSPRAKEN "afspraken:"
#define STORE_FAMILIE_MAX 64 /* characters of a family's name */

/*
 * A number that grows with every committed write to `familie`, and, for
 * any other family than STORE_FAMILIE_ALGEMEEN, with every write to
 * STORE_FAMILIE_ALGEMEEN too (what such an answer shows also comes from
 * there: names of municipalities and staff): equal numbers mean nothing
 * the family's answers show has changed. A family never written is at 0
 * plus the general generation. One indexed read.
 */
enum status store_generation(struct store *s, const char *familie, int64_t *out,
			     struct err *e);

/*
 * What the database holds, table by table (parents first): the number of
 * rows and a SHA-256 over them in key order, equal on both engines for
 * equal rows. *uit (n tables) lives in `a`.
 */
struct store_tabel {
	const char *naam;
	int64_t rijen;
	char sha256[65];
};
enum status store_inhoud(struct store *s, struct arena *a,
			 struct store_tabel **uit, size_t *n, struct err *e);

/*
 * The engine's own checks (SQLite: integrity_check and foreign_key_check;
 * PostgreSQL keeps its constraints always): ST_OK when they pass.
 */
enum status store_check_integrity(struct store *s, struct err *e);

/*
 * An outer transaction spanning several writes (all-or-nothing imports).
 * store_rollback() undoes everything since store_begin().
 */
enum status store_begin(struct store *s, struct err *e);
enum status store_commit(struct store *s, struct err *e);
void store_rollback(struct store *s);

/* ---- who is acting, and when ---- */

/*
 * The instant (Unix seconds, UTC) of what follows: the time stamps of
 * audit entries, batches, calculations and accounts. The store never
 * reads the clock; callers set it once per request or command.
 */
void store_set_clock(struct store *s, int64_t now);

/*
 * Every write is recorded in the audit trail, in the same transaction, as
 * done by the actor set here (copied): a user name or "anoniem" or
 * "opdrachtregel:<name>", its display name, and the origin (an IP address
 * or "opdrachtregel"). Until set: "onbekend".
 */
void store_set_actor(struct store *s, const char *id, const char *weergave,
		     const char *herkomst);

/*
 * Who reads through this connection from now on (the struct and its lists
 * must live until the next call): every decision the store returns,
 * every reference to one (in memberships, arrangements, framework
 * articles, calculations) and every audit entry is left out when `z` may
 * not read it. NULL (the default) reads only what is published; the
 * command line at the machine reads everything (zicht.alles).
 */
void store_set_zicht(struct store *s, const struct zicht *z);

#endif

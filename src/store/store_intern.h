/*
 * store_intern.h - what the files of the store share: the connection,
 * prepared statements, binding and reading, transactions and the audit
 * trail. Private to src/store; everyone else uses store.h.
 */
#ifndef AMBT_STORE_INTERN_H
#define AMBT_STORE_INTERN_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "queries.h"
#include "store.h"

struct store {
	struct db *db;
	enum db_dialect dialect;
	int depth; /* nesting of tx_begin */
	int version;
	char actor[96];
	char actor_weergave[160];
	char herkomst[64];
	struct arena scratch; /* audit texts; freed at each outer commit */
	const char *scope; /* of the next audit entry (consumed) */
	int64_t audit_besluit; /* the decision it names (consumed) */
	int64_t now; /* the caller's clock (store_set_clock) */
	const struct zicht *zicht; /* who reads (store_set_zicht) */
	struct arena zicht_a; /* the viewer's lists as JSON, for SQL */
	const char *zicht_volledig, *zicht_intern, *zicht_scopes, *zicht_beheer;
	bool stil; /* the next tx_begin is bookkeeping only (tx_begin_stil) */
	/* Bit d - 1: transaction level d does not raise the general
	 * generation by itself (tx_begin_stil, tx_familie). */
	uint64_t gemerkt;
	bool algemeen; /* the open transaction raises it at its commit */
};

/* The schema version from which generatie has a row per family. */
#define GENERATIE_FAMILIES 15

/*
 * Append one zeroed element to an arena array (it is then arr[n - 1]);
 * evaluates to 1, or to 0 when the arena is exhausted.
 * `arr`, `n` and `cap` are lvalues: the array, its length and capacity.
 */
#define PUSH(a, arr, n, cap)                                                \
	(((n) < (cap) ||                                                    \
	  ((arr) = arena_grow((a), (arr), (n), (cap) = (cap) ? (cap)*2 : 8, \
			      sizeof(*(arr)))))                             \
		 ? ((n)++, 1)                                               \
		 : 0)

enum status db_error(struct store *s, struct err *e, const char *what);
struct db_stmt *stmt(struct store *s, enum query q, struct err *e);
void bind_text(struct db_stmt *st, int n, const char *v);
void bind_int(struct db_stmt *st, int n, int64_t v);
void bind_null(struct db_stmt *st, int n);
void bind_date(struct db_stmt *st, int n, day_t d);
void bind_id(struct db_stmt *st, int n, int64_t id);
const char *col_text(struct arena *a, struct db_stmt *st, int i);
day_t col_date(struct db_stmt *st, int i);
int col_is_null(struct db_stmt *st, int i);
enum status run(struct store *s, struct db_stmt *st, struct err *e);
/* Step an INSERT ... RETURNING id: DB_OK and *id, or the failure's
 * class (for the caller to name a unique key, say). */
enum db_fout insert_id(struct store *s, struct db_stmt *st, int64_t *id);
/* Run an INSERT ... RETURNING id: *id is the new row's. */
enum status run_id(struct store *s, struct db_stmt *st, int64_t *id,
		   struct err *e);
/* Bind a search phrase for LIKE ... ESCAPE '!' (its %, _ and ! taken
 * literally), or NULL when empty. */
void bind_zoek(struct db_stmt *st, int n, const char *zoek);
int next_row(struct store *s, struct db_stmt *st, struct err *e);
enum status exec(struct store *s, const char *sql, struct err *e);
enum status nomem(struct err *e);
/* `src` (NULL: "") into dst[n], cut off to fit. */
void copy_text(char *dst, size_t n, const char *src);
enum status tx_begin(struct store *s, struct err *e);
/*
 * A transaction that only keeps books (audit events, counters of failed
 * attempts): it changes nothing a page shows, so it leaves every generation
 * alone, unless a transaction around it writes for real.
 */
enum status tx_begin_stil(struct store *s, struct err *e);

/*
 * A lease of one task across processes (sending messages, erasing
 * personal data): `claim` (door $1, until $2, now $3) takes it when it is
 * free, expired or already `door`'s; *gekregen says whether it did.
 * `wie` and `taak` name the task in the Dutch problems ("verzendt",
 * "verzenden"). Bookkeeping only (tx_begin_stil).
 */
#define LEASE_MAX_DOOR 96 /* who holds it: host and process */
enum status lease_claim(struct store *s, enum query claim, const char *door,
			int64_t tot, const char *wie, const char *taak,
			bool *gekregen, struct err *e);
enum status tx_end(struct store *s, enum status st, struct err *e);
/*
 * Generations (store.h): a level of a write transaction (tx_begin, or a
 * savepoint inside one) that commits raises the general generation
 * (STORE_FAMILIE_ALGEMEEN) once, at the outer commit, unless it was
 * begun with tx_begin_stil or marked here. Call tx_familie right after
 * tx_begin in a write function whose level writes only the data of
 * `familie` (a municipality's appointment data: STORE_FAMILIE_AFSPRAKEN
 * and its CBS code, "afspraken:GM0358"): it raises that family's
 * generation within the transaction (undone with it) and marks the
 * level, so that it leaves the general generation alone. It marks the
 * level it is called in, not the ones around it: a write function that
 * calls other write functions inside its transaction (a served visit
 * booked as hours) raises the general generation through their levels,
 * and a store_begin around bookings raises it too (its own level is not
 * marked). Several families in one transaction: call it for each; a
 * family more than once raises it more than once, which is harmless.
 * Outside a transaction, or with a name empty or longer than
 * STORE_FAMILIE_MAX: ST_INTERNAL.
 */
enum status tx_familie(struct store *s, const char *familie, struct err *e);
const char *jobj(struct arena *a, ...);
enum status audit_append(struct store *s, const char *actie, int resultaat,
			 const char *resource, const char *url,
			 const char *weergave, const char *toelichting,
			 const char *oud, const char *nieuw, struct err *e);
enum status org_id(struct store *s, const char *code, enum org_soort soort,
		   const char *field, int64_t *id, struct err *e);
/*
 * The decision a register change names: `identificatie` (of organisation
 * `organisatie` when not NULL) among the decisions of cooperation
 * `samenwerking`'s members and the joint bodies they are in, and of the
 * two organisations `orgs` (either may be NULL), that the connection's
 * viewer may read. Otherwise a problem under `field`: "bestaat niet" alike
 * for what does not exist, belongs elsewhere or may not be read, or
 * "noem ook de organisatie" when several qualify.
 */
enum status besluit_ref_id(struct store *s, const char *identificatie,
			   const char *organisatie, int64_t samenwerking,
			   const char *const *orgs, const char *field,
			   int64_t *id, struct err *e);

/* Whether the connection's viewer may read a decision (text columns). */
bool zichtbaar(const struct store *s, const char *org, const char *openbaarheid,
	       const char *status);

/*
 * A decision reference from five columns from `col` (BESLUIT_REF in
 * queries.c), filled only when the connection's viewer may read it.
 * organisatie and onderwerp may be NULL.
 */
void read_besluit_ref(struct store *s, struct arena *a, struct db_stmt *st,
		      int col, const char **identificatie,
		      const char **organisatie, const char **onderwerp);
enum status samenwerking_id(struct store *s, const char *code, int64_t *id,
			    day_t *sinds, struct err *e);
enum status eenheid_id(struct store *s, const char *code, int64_t *id,
		       const char **samenwerking, struct arena *a,
		       struct err *e);
struct db_stmt *row_by_key(struct store *s, enum query q, const char *key,
			   const char *wat, int max, struct err *e);
const char *iso(struct arena *a, day_t d);
/* The store's "now" (store_set_clock) as UTC ISO 8601, into buf. */
void utc_now(const struct store *s, char *buf, size_t n);

/*
 * Read every row of the bound statement `st` into a new array in `a` of
 * elements of `size` bytes, each zeroed and then filled by `lees`; the
 * statement is reset afterwards. The shape of every list query.
 */
typedef void (*rij_lezer)(struct store *s, struct arena *a, struct db_stmt *st,
			  void *elem);
enum status rows_read(struct store *s, struct arena *a, struct db_stmt *st,
		      size_t size, rij_lezer lees, void **out, size_t *n,
		      struct err *e);

#endif

/*
 * store_kopie.h - backup, restore and moving a database to another place
 * or engine (store_kopie.c). These take databases by name (a SQLite
 * file or a postgresql:// URL), not an open connection.
 *
 * Part of the store's API: callers include store.h, which includes this
 * header, and the conventions written there hold for every function here.
 */
#ifndef AMBT_STORE_KOPIE_H
#define AMBT_STORE_KOPIE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "../core/err.h"
#include "../core/kosten.h"

struct store_tabel; /* store.h: one table's rows and fingerprint */

/*
 * What a copy holds: per table (parents first) the rows and fingerprint
 * as store_inhoud gives them, and all rows together.
 */
struct store_kopie {
	struct store_tabel *tabellen;
	size_t ntabellen;
	int64_t rijen;
	/* PostgreSQL: the database changed while pg_dump ran; the figures
	 * are of afterwards, the copy holds one moment in between. */
	bool gewijzigd;
};

/*
 * A consistent copy of the database at `doel` into the file `bestand`,
 * while servers go on using it: of a SQLite database a SQLite file (its
 * online backup; one plain file, only its owner may read it), of a
 * PostgreSQL one an archive of pg_dump --format=custom (the program from
 * $AMBT_PG_BIN, the PATH or /usr/lib/postgresql/N/bin). Written beside
 * `bestand` and renamed into place when complete; an existing `bestand`
 * is replaced only with `overschrijf` (else ST_CONFLICT). *uit (in `a`)
 * says what the copy holds.
 */
enum status store_backup(const char *doel, const char *bestand,
			 bool overschrijf, struct arena *a,
			 struct store_kopie *uit, struct err *e);

/*
 * Put the copy `bestand` (of store_backup) back as the database at
 * `doel`: a SQLite file built beside its place and renamed into place
 * when complete; a PostgreSQL database (made when missing) filled by
 * pg_restore in one transaction. The copy must hold an ambt database of a
 * schema version this program knows (ST_INVALID, ST_CONFLICT for a newer
 * one), checked before anything changes; an existing database is
 * replaced only with `overschrijf`. Then it is opened with the store, so
 * that migrations bring an older copy up to date; *uit says what it holds.
 */
enum status store_restore(const char *bestand, const char *doel,
			  bool overschrijf, struct arena *a,
			  struct store_kopie *uit, struct err *e);

/*
 * Recompute adopted calculation `k` (with its invoer and uitkomst) and
 * compare with what it stores; the calculation itself lives above the
 * store (present/kostenverdeling.h, kv_herreken).
 */
typedef enum status (*store_herreken)(const struct kostenverdeling *k,
				      void *arg, struct err *e);

struct store_migratie {
	struct store_kopie kopie; /* what the target holds now */
	size_t berekeningen; /* adopted calculations recomputed */
	int64_t audit; /* audit entries checked */
};

/*
 * Move everything from the database `van` (which must exist) to `naar`,
 * of either engine: `naar` is made and migrated by the store and must
 * hold no data, unless `overschrijf` (then it is emptied). In one
 * transaction on `naar` every table of STORE_TABELLEN is copied in order
 * with the bulk path, self-references afterwards, PostgreSQL's ids set to
 * continue after the highest; then, before it commits, every table must
 * have the same rows and fingerprint on both sides, every adopted
 * calculation must recompute (`herreken`, with `arg`; NULL: not checked)
 * to its stored bytes, and the audit trail must be whole. Any difference
 * is ST_CONFLICT naming the table, and `naar` is left as it was (or
 * empty, when `overschrijf` emptied it). Writers of `van` wait meanwhile.
 */
enum status store_migreer(const char *van, const char *naar, bool overschrijf,
			  store_herreken herreken, void *arg, struct arena *a,
			  struct store_migratie *uit, struct err *e);

#endif

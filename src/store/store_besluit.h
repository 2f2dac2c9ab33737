/*
 * store_besluit.h - the decisions register in the store
 * (store_besluit.c): decisions with their status history, and the
 * register changes each enacted.
 *
 * Part of the store's API: callers include store.h, which includes this
 * header, and the conventions written there hold for every function here.
 */
#ifndef AMBT_STORE_BESLUIT_H
#define AMBT_STORE_BESLUIT_H

#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "../core/besluit.h"
#include "../core/date.h"
#include "../core/err.h"

struct store;

/*
 * A decision is named by its identificatie, unique within its
 * organisation (as in the ZGW Besluiten API): two organisations may use
 * the same one. store_besluit_zoek finds the candidates the viewer may
 * read; the other functions take the store's own number (besluit.id) of
 * the one chosen.
 */

/*
 * Add a decision with its status history (b->historie, b->status). When
 * b->identificatie is empty one is generated (BESLUIT-<year of datum>-n);
 * the identification stored is written to *identificatie_out (arena) and
 * its number to *id_out; either may be NULL. An identificatie the
 * organisation already has is a problem under "identificatie".
 */
enum status store_besluit_add(struct store *s, struct arena *a,
			      const struct besluit *b, day_t today,
			      const char **identificatie_out, int64_t *id_out,
			      struct err *e);

/*
 * The decisions with this identificatie (of organisation `organisatie`
 * when not NULL) that the viewer may read, by organisation code, without
 * their history: none, one, or (rarely) several.
 */
enum status store_besluit_zoek(struct store *s, struct arena *a,
			       const char *identificatie,
			       const char *organisatie, struct besluit **out,
			       size_t *n, struct err *e);

/*
 * The one decision `identificatie` (of organisation `organisatie` when not
 * NULL) names for the viewer, with its history: ST_NOT_FOUND ("Besluit X
 * bestaat niet.") alike when there is none and when the viewer may not
 * read it; ST_INVALID with a problem under `veld` (the name of the
 * organisation parameter where the caller reads it) when the viewer reads
 * several of that identificatie.
 */
enum status store_besluit_kies(struct store *s, struct arena *a,
			       const char *identificatie,
			       const char *organisatie, const char *veld,
			       struct besluit *out, struct err *e);

/* One decision with its status history; ST_NOT_FOUND also when the
 * viewer may not read it. */
enum status store_besluit_get(struct store *s, struct arena *a, int64_t id,
			      struct besluit *out, struct err *e);

/* A filter that matches everything the viewer may read. */
void store_besluit_filter_init(struct besluit_filter *f);

/*
 * Decisions matching `f` that the viewer may read, newest first (then by
 * identificatie), without their history; *total is the number matching
 * without offset/limit.
 */
enum status store_besluit_list(struct store *s, struct arena *a,
			       const struct besluit_filter *f,
			       struct besluit **out, size_t *n, size_t *total,
			       struct err *e);

/*
 * Change the correctable fields of a decision: ingangsdatum, vervaldatum,
 * vervalreden, publicatiedatum, onderwerp, toelichting,
 * portefeuillehouder, afdeling, openbaarheid and geheim_tot are taken from
 * `b`; everything else (identification, organisation, body, date, status
 * and its history) stays as stored. The result is checked as a whole
 * (besluit_check).
 */
enum status store_besluit_update(struct store *s, int64_t id,
				 const struct besluit *b, day_t today,
				 struct err *e);

/*
 * Delete a decision that is only a proposal (voorgesteld or aangehouden)
 * and that no register change points at; otherwise ST_CONFLICT.
 */
enum status store_besluit_delete(struct store *s, int64_t id, struct err *e);

/* Append a status step (checked by besluit_check_stap). */
enum status store_besluit_stap_add(struct store *s, int64_t id,
				   const struct besluit_stap *stap, day_t today,
				   struct err *e);

enum status store_besluit_wijzigingen(struct store *s, struct arena *a,
				      int64_t id,
				      struct besluit_wijziging **out, size_t *n,
				      struct err *e);

#endif

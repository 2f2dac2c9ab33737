/*
 * store_uren.h - staff and hours in the store (store_uren.c,
 * docs/hours-file.md): the staff register, batches of hours imported
 * from a file, and the totals and cells read back.
 *
 * Part of the store's API: callers include store.h, which includes this
 * header, and the conventions written there hold for every function here.
 */
#ifndef AMBT_STORE_UREN_H
#define AMBT_STORE_UREN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "../core/date.h"
#include "../core/err.h"
#include "../core/medewerker.h"
#include "../core/uren_import.h"
#include "../core/uren_verdeling.h"

struct store;

/*
 * A staff member belongs to the cooperation of their home unit, and staff
 * numbers are unique within a cooperation. The viewer (store_set_zicht)
 * reads the staff of the cooperations it keeps (zicht.beheer), and the
 * batches of hours of those; the others do not exist for it.
 */

/* Add one staff member; every problem named by field. */
enum status store_medewerker_add(struct store *s, const struct medewerker *m,
				 struct err *e);

/*
 * Replace the record of staff member `oud` (as read: its number and
 * cooperation stay; a unit of another cooperation is a problem).
 */
enum status store_medewerker_wijzig(struct store *s,
				    const struct medewerker *oud,
				    const struct medewerker *m, struct err *e);

/*
 * The staff member with number `nummer` (of cooperation `samenwerking`
 * when not NULL) that the viewer keeps: ST_NOT_FOUND alike when there is
 * none and when it is not the viewer's; ST_INVALID with a problem under
 * `veld` when the viewer keeps several cooperations with that number.
 */
enum status store_medewerker_get(struct store *s, struct arena *a,
				 const char *nummer, const char *samenwerking,
				 const char *veld, struct medewerker *out,
				 struct err *e);

/*
 * Staff the viewer keeps, by number; `samenwerking` and `zoek` (in number
 * or name) filter when not NULL.
 */
enum status store_medewerker_list(struct store *s, struct arena *a,
				  const char *samenwerking, const char *zoek,
				  struct medewerker **out, size_t *n,
				  struct err *e);

/*
 * The staff of every cooperation that municipality `gemeente` (CBS code)
 * is or was a member of, by cooperation and number, whoever the viewer
 * is: the front office's planners roster them (store_dienst_add), so the
 * caller decides that the principal plans for `gemeente`. Only what a
 * roster needs is meant to be shown of them: number, name, cooperation.
 */
enum status store_medewerker_list_gemeente(struct store *s, struct arena *a,
					   const char *gemeente,
					   struct medewerker **out, size_t *n,
					   struct err *e);

/*
 * Import staff records all-or-nothing: new numbers are added, known ones
 * replaced. Problems are named "regel N" by m[i].id (the line).
 */
enum status store_medewerkers_import(struct store *s,
				     const struct medewerker *m, size_t n,
				     size_t *nieuw, size_t *gewijzigd,
				     struct err *e);

/* The register as the hours import and the framework check need it. */
enum status store_uren_register(struct store *s, struct arena *a,
				struct uren_register *out, struct err *e);

/*
 * Check an hours file (uren_import_controleer, on a second thread, into
 * `fa` and *res) and store it as a new batch of the cooperation whose
 * units it books, in one transaction while it is being checked: new
 * staff, the rows, the cells, and (vervang != 0) the replaced batch's
 * rows removed. A problem in the file undoes everything: ST_INVALID with
 * res->problemen. A file whose hash a current batch of that cooperation
 * already has changes nothing: ST_OK with *al_ingelezen set and *out
 * describing that batch. Hours that bring a person over 24 on a day
 * together with other batches are refused (ST_INVALID, problems named
 * "regel N" in e, none in res). The batch to replace must be one the
 * viewer keeps (else ST_NOT_FOUND) of the same cooperation. With `proef`
 * everything is checked exactly so and then undone: a dry run answers as
 * the import would. The texts of *out live in `uit`.
 */
enum status
store_uren_import(struct store *s, struct arena *uit, struct arena *fa,
		  const struct uren_register *r, const char *data, size_t n,
		  const struct uren_opties *o, const char *bestand,
		  int64_t vervang, bool proef, struct uren_resultaat *res,
		  struct uren_batch *out, bool *al_ingelezen, struct err *e);

/* The batches the viewer keeps, newest first, replaced ones included. */
enum status store_uren_batches(struct store *s, struct arena *a,
			       struct uren_batch **out, size_t *n,
			       struct err *e);

/* One batch the viewer keeps; ST_NOT_FOUND alike for other ones. */
enum status store_uren_batch_get(struct store *s, struct arena *a, int64_t id,
				 struct uren_batch *out, struct err *e);

/* Hours per municipality, unit and month of current batches. */

/*
 * Month totals from year `van_jaar` to `tot_jaar` (inclusive) for one
 * cooperation (NULL: all), ordered by municipality, unit, year, month.
 */
enum status store_uren_maanden(struct store *s, struct arena *a,
			       const char *samenwerking, int van_jaar,
			       int tot_jaar, struct uren_maand **out, size_t *n,
			       struct err *e);

/* The latest year with hours of one cooperation (NULL: all); 0: none. */
enum status store_uren_laatste_jaar(struct store *s, const char *samenwerking,
				    int *jaar, struct err *e);

/*
 * The cells of current batches in [van, tot) for one cooperation's units
 * (NULL: all), as indexes into `r` (from store_uren_register), sorted by
 * eenheid, gemeente, dag: the input of uren_afwijkingen.
 */
enum status store_uren_cellen(struct store *s, struct arena *a,
			      const struct uren_register *r,
			      const char *samenwerking, day_t van, day_t tot,
			      struct uren_cel **out, size_t *n, struct err *e);

#endif

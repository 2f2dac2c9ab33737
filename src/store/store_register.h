/*
 * store_register.h - the cooperation register in the store
 * (store_register.c): organisations and the members of joint bodies,
 * cooperations, units and their arrangement, framework articles,
 * workstreams and the BBV taakvelden.
 *
 * Part of the store's API: callers include store.h, which includes this
 * header, and the conventions written there hold for every function here.
 */
#ifndef AMBT_STORE_REGISTER_H
#define AMBT_STORE_REGISTER_H

#include <stddef.h>

#include "../core/arena.h"
#include "../core/date.h"
#include "../core/err.h"
#include "../core/register.h"

struct store;

/* ---- organisations: municipalities and joint bodies ---- */

/*
 * Add a municipality or joint body. When o->inwoners >= 0 the count is
 * stored for o->inwoners_peildatum. Duplicate code: ST_CONFLICT.
 */
enum status store_organisatie_add(struct store *s, const struct organisatie *o,
				  day_t today, struct err *e);

/* One organisation by code, with its latest inhabitant count. */
enum status store_organisatie_get(struct store *s, struct arena *a,
				  const char *code, struct organisatie *out,
				  struct err *e);

/* The names of n organisations by code, in the arena (a code stays as
 * it is when there is no such organisation); NULL when out of memory. */
const char **store_organisatie_namen(struct store *s, struct arena *a,
				     const char *const *codes, size_t n);

/* All organisations of one kind, ordered by name. */
enum status store_organisatie_list(struct store *s, struct arena *a,
				   enum org_soort soort,
				   struct organisatie **out, size_t *n,
				   struct err *e);

/* Record an inhabitant count (replaces one for the same peildatum). */
enum status store_inwonertal_add(struct store *s, const char *code,
				 const struct inwonertal *t, day_t today,
				 struct err *e);
enum status store_inwonertal_list(struct store *s, struct arena *a,
				  const char *code, struct inwonertal **out,
				  size_t *n, struct err *e);

/* Members of a joint body (code), and adding one. */
enum status store_regeling_lid_add(struct store *s, const char *regeling,
				   const struct lidmaatschap *l, struct err *e);
enum status store_regeling_leden(struct store *s, struct arena *a,
				 const char *regeling,
				 struct lidmaatschap **out, size_t *n,
				 struct err *e);

/* ---- cooperations ---- */

enum status store_samenwerking_add(struct store *s,
				   const struct samenwerking *sw,
				   struct err *e);
enum status store_samenwerking_get(struct store *s, struct arena *a,
				   const char *code, struct samenwerking *out,
				   struct err *e);
enum status store_samenwerking_list(struct store *s, struct arena *a,
				    struct samenwerking **out, size_t *n,
				    struct err *e);

/*
 * Add a member; checked together with the cooperation's other
 * memberships (reg_check_leden) and against its start date.
 */
enum status store_samenwerking_lid_add(struct store *s, const char *code,
				       const struct lidmaatschap *l,
				       struct err *e);
enum status store_samenwerking_leden(struct store *s, struct arena *a,
				     const char *code,
				     struct lidmaatschap **out, size_t *n,
				     struct err *e);

/* ---- units and their arrangement ---- */

/*
 * Add a unit to cooperation u->samenwerking with its whole arrangement
 * history (checked by reg_check_inrichting; `tot` of each period may be
 * DATE_NONE when the next period's `van` closes it).
 */
enum status store_eenheid_add(struct store *s, const struct eenheid *u,
			      const struct inrichting *hist, size_t n,
			      struct err *e);

/* One unit with its arrangement history, oldest first. */
enum status store_eenheid_get(struct store *s, struct arena *a,
			      const char *code, struct eenheid *out,
			      struct inrichting **hist, size_t *n,
			      struct err *e);

/* Units of one cooperation (or all when `samenwerking` is NULL). */
enum status store_eenheid_list(struct store *s, struct arena *a,
			       const char *samenwerking, struct eenheid **out,
			       size_t *n, struct err *e);

/*
 * Change a unit's arrangement from nieuw->periode.van on: the period in
 * force then is closed at that date and the new one appended. A change
 * dated on or before the start of the last period is refused; a new
 * period with vorm equal to the last one's and the same party is refused
 * as "no change".
 */
enum status store_eenheid_wijzig(struct store *s, const char *code,
				 const struct inrichting *nieuw, struct err *e);

/* All units of a cooperation as arranged on `op`, ordered by name. */
enum status store_eenheden_op(struct store *s, struct arena *a,
			      const char *samenwerking, day_t op,
			      struct eenheid_op **out, size_t *n,
			      struct err *e);

/* ---- framework articles ---- */

/* Add an article with its versions and the units each governs. */
enum status store_kader_artikel_add(struct store *s, const char *samenwerking,
				    const struct kader_artikel *k,
				    struct err *e);

/*
 * Articles of a cooperation; with `op` != DATE_NONE only the version in
 * force on that date (articles without one are left out).
 */
enum status store_kader_list(struct store *s, struct arena *a,
			     const char *samenwerking, day_t op,
			     struct kader_artikel **out, size_t *n,
			     struct err *e);

/* ---- workstreams ---- */

enum status store_werkstroom_add(struct store *s, const struct werkstroom *w,
				 struct err *e);
enum status store_werkstroom_list(struct store *s, struct arena *a,
				  const char *samenwerking,
				  struct werkstroom **out, size_t *n,
				  struct err *e);

/* ---- BBV taakvelden ---- */

enum status store_taakveld_add(struct store *s, const struct taakveld *t,
			       struct err *e);
/* All taakvelden, or (jaar > 0) those valid in that book year. */
enum status store_taakveld_list(struct store *s, struct arena *a, int jaar,
				struct taakveld **out, size_t *n,
				struct err *e);

#endif

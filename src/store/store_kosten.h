/*
 * store_kosten.h - the contribution calculation in the store
 * (store_kosten.c, docs/allocation.md): a cooperation's cost data per
 * year, scenarios, the calculation's input from the database, and stored
 * calculations and their adoption.
 *
 * Part of the store's API: callers include store.h, which includes this
 * header, and the conventions written there hold for every function here.
 */
#ifndef AMBT_STORE_KOSTEN_H
#define AMBT_STORE_KOSTEN_H

#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "../core/err.h"
#include "../core/kosten.h"
#include "../core/kostenverdeling.h"

struct store;

/*
 * A cooperation's year of cost data: pools, roles, deliveries, weights
 * set by hand, advances and the method. ST_NOT_FOUND for an unknown
 * cooperation.
 */
enum status store_kosten_jaar(struct store *s, struct arena *a,
			      const char *samenwerking, int jaar,
			      struct kosten_jaar *out, struct err *e);

/*
 * The canonical input of a cooperation's year from the database: the
 * register, the realised hours of the year, the cost data and, when
 * `scenario` is not NULL, that scenario's changes (kosten_invoer,
 * kosten_scenario). Validated only by kv_bereken.
 */
enum status store_kosten_invoer(struct store *s, struct arena *a,
				const char *samenwerking, int jaar,
				const char *scenario, struct kv_invoer *out,
				struct err *e);

/*
 * Replace all cost pools of a cooperation's year by `posten`, in one
 * transaction: every pool's unit must belong to the cooperation and every
 * code be unique, or nothing changes (problems named "regel N" when the
 * pools came from a file, N = index + 2).
 */
enum status store_kostenposten_vervang(struct store *s,
				       const char *samenwerking, int jaar,
				       const struct kosten_post *posten,
				       size_t n, struct err *e);

/* Enter one cost pool (a pool with the same code in that year is
 * replaced), or remove one (ST_NOT_FOUND when there is none). */
enum status store_kostenpost_zet(struct store *s, const char *samenwerking,
				 int jaar, const struct kosten_post *p,
				 struct err *e);
enum status store_kostenpost_delete(struct store *s, const char *samenwerking,
				    int jaar, const char *code, struct err *e);

/* Set one unit's role, a delivery, a weight by hand, an advance or the
 * method for a year (each replaces what was set before). */
enum status store_kostenrol_zet(struct store *s, int jaar,
				const struct kosten_rol *r, struct err *e);
enum status store_kostenlevering_zet(struct store *s, int jaar,
				     const struct kosten_levering *l,
				     struct err *e);
enum status store_kostengewicht_zet(struct store *s, int jaar,
				    const struct kosten_gewicht *g,
				    struct err *e);
/* Maatwerk hours (hundredths) of a unit for a member, at a rate in cents
 * per hour; replaces what was set for that unit, member and year. */
enum status store_maatwerk_zet(struct store *s, int jaar,
			       const struct kv_maatwerk *m, struct err *e);
enum status store_voorschot_zet(struct store *s, const char *samenwerking,
				int jaar, const char *gemeente, int64_t bedrag,
				struct err *e);
/* What store_kosteninstelling_delete removes. */
enum kosten_instelling {
	KI_LEVERING, /* a delivery: `a` the support unit, `b` the unit served */
	KI_GEWICHT, /* a weight by hand: `a` the unit, `b` the member */
	KI_MAATWERK, /* maatwerk: `a` the unit, `b` the member */
	KI_VOORSCHOT, /* an advance: `a` the cooperation, `b` the member */
};
/* Remove one setting of a year; ST_NOT_FOUND when it was not set. */
enum status store_kosteninstelling_delete(struct store *s,
					  enum kosten_instelling wat, int jaar,
					  const char *a, const char *b,
					  struct err *e);
enum status store_kostenmethode_zet(struct store *s, const char *samenwerking,
				    int jaar, enum kv_methode m, struct err *e);

/* Scenarios: create one with its changes (ST_CONFLICT when the name is
 * taken in that year), read one, remove one, list them. */
enum status store_scenario_maak(struct store *s, const struct scenario *sc,
				int64_t *id, struct err *e);
enum status store_scenario_get(struct store *s, struct arena *a,
			       const char *samenwerking, int jaar,
			       const char *naam, struct scenario *out,
			       struct err *e);
/* Remove a scenario with its changes (ST_NOT_FOUND when there is none);
 * calculations made with it keep their input. */
enum status store_scenario_delete(struct store *s, const char *samenwerking,
				  int jaar, const char *naam, struct err *e);
enum status store_scenario_list(struct store *s, struct arena *a,
				const char *samenwerking, int jaar,
				struct scenario **out, size_t *n,
				struct err *e);

/*
 * Store calculation k as a new one, *id its number; but when the same
 * input (sha256) of the same cooperation, year and scenario was stored
 * before, store nothing: *id is that calculation's and *bestond true
 * (bestond may be NULL).
 */
enum status store_kostenverdeling_bewaar(struct store *s,
					 const struct kostenverdeling *k,
					 int64_t *id, bool *bestond,
					 struct err *e);
enum status store_kostenverdeling_get(struct store *s, struct arena *a,
				      int64_t id, struct kostenverdeling *out,
				      struct err *e);
/* Newest first; jaar 0: every year. */
enum status store_kostenverdeling_list(struct store *s, struct arena *a,
				       const char *samenwerking, int jaar,
				       struct kostenverdeling **out, size_t *n,
				       struct err *e);
/* *id: the calculation adopted for the cooperation's year, or 0. */
enum status store_kostenverdeling_vastgesteld(struct store *s,
					      const char *samenwerking,
					      int jaar, int64_t *id,
					      struct err *e);
/*
 * Adopt calculation `id` by decision `besluit` (identificatie, of
 * organisation `besluit_organisatie` when not NULL): from then on it never
 * changes. The decision must be one of a member's of the cooperation (or
 * of a joint body a member is in) that the viewer may read, or it is a
 * problem under "besluit" as if it did not exist. ST_CONFLICT when the
 * calculation is adopted already, when it is a scenario, or when the year
 * has an adopted calculation.
 */
enum status store_kostenverdeling_vaststellen(struct store *s, int64_t id,
					      const char *besluit,
					      const char *besluit_organisatie,
					      struct err *e);

#endif

/*
 * kostenverdeling.h - the contribution calculation as JSON: reading the
 * canonical input document (docs/allocation.md) and writing the result in
 * the shape of the worked cases' `expected`.
 */
#ifndef AMBT_PRESENT_KOSTENVERDELING_H
#define AMBT_PRESENT_KOSTENVERDELING_H

#include <jansson.h>

#include "../core/kosten.h"
#include "../core/kostenverdeling.h"
#include "present.h"

/*
 * Read an input document (UTF-8 JSON text of n bytes) into `in`, every
 * text in the arena. Members the calculation does not use (case_id,
 * description, expected, ...) are ignored. ST_INVALID with every problem
 * of form (not JSON, a member of the wrong type) named by its path.
 */
enum status kv_json_lees(const char *tekst, size_t n, struct arena *a,
			 struct kv_invoer *in, struct err *e);

/* The same from a parsed document. */
enum status kv_json_invoer(const json_t *doc, struct arena *a,
			   struct kv_invoer *in, struct err *e);

/*
 * The result: leaves, per_municipality (total and the three views,
 * advance and settlement when there are advances, the exact total and its
 * rounding difference), grand_total, max_rounding_difference,
 * input_sha256, the pools as split and the support matrix B. Serialise
 * with JSON_SORT_KEYS for stable bytes.
 */
json_t *kv_json_uitkomst(const struct kv_uitkomst *u);

/*
 * Compute `in` and give the result as JSON text (compact, in the order
 * kv_json_uitkomst builds it), allocated with malloc: the bytes a stored
 * calculation keeps and a recomputation must reproduce. `u` may be NULL.
 */
enum status kv_json_reken(const struct kv_invoer *in, struct arena *a,
			  struct kv_uitkomst *u, char **json, struct err *e);

/*
 * Recompute a stored calculation from its own canonical input and check
 * that the result is the stored bytes and the input the stored hash:
 * ST_INTERNAL ("wijkt af") when not. `u` receives the result.
 */
enum status kv_herreken(const char *invoer, const char *uitkomst,
			const char *sha256, struct arena *a,
			struct kv_uitkomst *u, struct err *e);

/*
 * Whether calculation `a` comes before `b` when the two are compared
 * (the comparison reads from old to new): the earlier year; in one year
 * the year's own figures before a scenario, then the one computed first
 * (the lower number).
 */
int kv_eerder(const struct kostenverdeling *a, const struct kostenverdeling *b);

/*
 * A calculation's name in a comparison, for people: "2024 vastgesteld",
 * "2024 scenario Loket eigen", "2024 berekening 6" (neither adopted nor
 * a scenario).
 */
void kv_naam_nl(const struct kostenverdeling *k, char *buf, size_t n);

/*
 * What rounding each pool once did to the contributions, given the
 * largest difference of a municipality from its exact total (in cents):
 * "geen gemeente wijkt daardoor af van haar exacte totaal" for 0, else
 * "een gemeente wijkt daardoor hoogstens 2 cent af van haar exacte
 * totaal".
 */
void kv_afronding_nl(int64_t max_verschil, char *buf, size_t n);

/*
 * What rounding did to one municipality's contribution (its total minus
 * its exact total rounded): "de bijdrage is 1 cent lager", "... 2 cent
 * hoger", or "dat maakt geen verschil" for 0.
 */
void kv_afwijking_nl(int64_t verschil, char *buf, size_t n);

/*
 * An exact amount in cents ("p/q", as in the leaves) as Dutch euro text
 * with four more decimals, cut off and marked with "…" when the amount
 * does not end there: "€ 68.358,9712…"; "€ 12,50" when it is whole cents.
 * "?" for text that is not a fraction.
 */
void present_breuk_nl(const char *pq, char *buf, size_t n);

/*
 * A share as a percentage, counted in integers only: the exact fraction
 * deel/geheel in tenths of a percent (per mille), rounded half away from
 * zero. 1/8 gives 125 (12,5 %), 1/3 gives 333, 2/3 gives 667, 1/2000
 * gives 1 (0,05 % rounds up), -1/8 gives -125. -1 (and *promille
 * untouched) when geheel is 0 or the result does not fit.
 */
int kv_promille(int64_t deel, int64_t geheel, int64_t *promille);

/* The same for an exact fraction of one as text ("15/52", "1", "0"), as
 * in matrix B: "15/52" gives 288. -1 for text that is not a fraction. */
int kv_promille_breuk(const char *pq, int64_t *promille);

/* Tenths of a percent as Dutch text: 124 as "12,4 %", 1000 as
 * "100,0 %", 0 as "0,0 %", -5 as "-0,5 %". */
void kv_procent_nl(int64_t promille, char *buf, size_t n);

/*
 * The share deel/geheel for people: "12,4 %"; "minder dan 0,1 %" when
 * it is not zero but rounds to 0,0 % (whatever its sign); "" (and -1)
 * when geheel is 0.
 */
int kv_aandeel_nl(int64_t deel, int64_t geheel, char *buf, size_t n);

#endif

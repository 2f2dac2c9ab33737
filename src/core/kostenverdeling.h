/*
 * kostenverdeling.h - the contribution calculation: a year's costs split
 * over the member municipalities, exact to the cent (docs/allocation.md).
 *
 * kv_bereken() is a pure function from the canonical input (struct
 * kv_invoer, the JSON document of docs/allocation.md read into memory) to
 * the result: every leaf (pool × municipality × receiving department) with
 * its exact share as a fraction and its cents, the four views per
 * municipality, the settlement against advances and the SHA-256 of the
 * canonical input. Shares are exact rationals (GMP); nothing is floating
 * point. Each pool is rounded once, over all its leaves, by largest
 * remainder, so every pool's leaves add up to the pool to the cent and the
 * answer does not depend on the order of anything in the input.
 *
 * Ids are compared bytewise. Everything the result points to lives in the
 * caller's arena.
 */
#ifndef AMBT_CORE_KOSTENVERDELING_H
#define AMBT_CORE_KOSTENVERDELING_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "date.h"
#include "err.h"

/* The largest amount (in cents, either sign) one pool may have. */
#define KV_MAX_BEDRAG INT64_C(100000000000000) /* 1 000 miljard euro */

enum kv_basis {
	KV_GEEN = 0, /* no key given */
	KV_UREN_REALISATIE, /* hours_realized, 1/100 h */
	KV_UREN_BEGROTING, /* hours_budgeted, 1/100 h */
	KV_INWONERS, /* inhabitants */
	KV_VAST_PCT, /* fixed_pct, basis points summing to 10000 */
	KV_PRODUCTEN, /* products: number of products delivered */
	KV_FTE, /* fte in 1/1000 */
	KV_DIRECT, /* everything to one municipality */
};

struct kv_gewicht {
	const char *gemeente;
	int64_t waarde;
};

/* A municipality key: weights per municipality, or direct to one. */
struct kv_sleutel {
	enum kv_basis basis;
	const char *direct; /* KV_DIRECT: the municipality */
	size_t ngewichten;
	struct kv_gewicht *gewichten;
};

/* One stretch of a dated key (both dates inclusive). */
struct kv_periode {
	day_t van, tot;
	struct kv_sleutel sleutel;
};

struct kv_afdeling {
	const char *id;
	const char *naam;
	int ondersteunend; /* kind "support" (else "primary") */
	const char *taakveld;
	struct kv_sleutel sleutel; /* primary, one key for the year */
	size_t nperiodes; /* primary with dated keys instead */
	struct kv_periode *periodes;
};

enum kv_methode {
	KV_METHODE_GEEN = 0, /* no support_allocation given */
	KV_DIRECT_METHODE, /* support straight to the primaries */
	KV_STEP_DOWN, /* in `volgorde`, each closing for good */
	KV_RECIPROCAAL, /* support departments serve each other */
};

struct kv_ontvanger {
	const char *afdeling;
	int64_t gewicht;
};

/* What a support department delivers to whom (its allocation key). */
struct kv_steunsleutel {
	const char *afdeling;
	size_t nontvangers;
	struct kv_ontvanger *ontvangers;
};

struct kv_post {
	const char *id;
	const char *afdeling;
	const char *kostensoort;
	const char *taakveld; /* NULL: the department's */
	int64_t bedrag; /* cents; negative for income */
	struct kv_sleutel sleutel; /* basis KV_GEEN: the department's */
	day_t datum; /* the period of its department's dated keys that
			holds it; DATE_NONE, or a department without dated
			keys (every support one): the whole year */
};

struct kv_maatwerk {
	const char *gemeente;
	const char *afdeling;
	int64_t uren; /* 1/100 h */
	int64_t tarief; /* cents per hour */
};

struct kv_invoer {
	int jaar;
	size_t ngemeenten;
	const char **gemeenten;
	size_t nafdelingen;
	struct kv_afdeling *afdelingen;
	enum kv_methode methode;
	size_t nvolgorde;
	const char **volgorde; /* step_down only */
	size_t nsteunsleutels;
	struct kv_steunsleutel *steunsleutels;
	size_t nposten;
	struct kv_post *posten;
	size_t nmaatwerk;
	struct kv_maatwerk *maatwerk;
	int heeft_voorschotten;
	size_t nvoorschotten;
	struct kv_gewicht *voorschotten; /* cents per municipality */
};

/* One leaf: a pool's share for one municipality and receiving department. */
struct kv_blad {
	uint32_t post; /* index into kv_uitkomst.posten */
	uint32_t gemeente; /* index into kv_uitkomst.gemeenten */
	uint32_t afdeling; /* index into kv_uitkomst.afdelingen */
	const char *exact; /* "p/q" in lowest terms, or an integer */
	int64_t cent;
};

/* A pool as it was split: after merging, maatwerk and the split by days. */
struct kv_post_uit {
	const char *id; /* merged pools: ids joined by "+" */
	uint32_t afdeling;
	const char *kostensoort;
	const char *taakveld; /* the pool's, else its department's */
	int64_t bedrag; /* what was split */
	int64_t maatwerk_credit; /* netted into `bedrag` (<= 0) */
	const struct kv_sleutel *sleutel; /* the key it was split by, or NULL
					     for a support pool (matrix B) */
	day_t van, tot; /* the period it belongs to (whole year if none) */
	int maatwerk; /* billed maatwerk hours */
	size_t eerste_blad, nbladen; /* its leaves in kv_uitkomst.bladen */
};

struct kv_taakveld_bedrag {
	const char *taakveld;
	int64_t cent;
};

struct kv_gemeente_uit {
	int64_t totaal;
	const char *exact_totaal; /* the sum of the exact shares */
	int64_t afrondingsverschil; /* totaal - exact_totaal rounded */
	int64_t *per_ontvanger; /* by receiving department (afdeling index) */
	int64_t *per_herkomst; /* by origin department */
	size_t ntaakvelden;
	struct kv_taakveld_bedrag *per_taakveld; /* BBV view, sorted */
	int64_t voorschot, saldo; /* when kv_uitkomst.heeft_voorschotten */
};

struct kv_uitkomst {
	int jaar;
	size_t ngemeenten;
	const char **gemeenten; /* sorted */
	size_t nafdelingen;
	const struct kv_afdeling **afdelingen; /* sorted by id */
	size_t nposten;
	struct kv_post_uit *posten; /* sorted by id */
	size_t nbladen;
	struct kv_blad *bladen; /* by pool, municipality, department */
	struct kv_gemeente_uit *per_gemeente; /* parallel to gemeenten */
	/* Matrix B: support department × department, exact fractions
	 * ("0" where nothing arrives); NULL without support departments. */
	const char **b;
	int64_t totaal;
	int64_t max_afrondingsverschil; /* largest |afrondingsverschil| */
	int heeft_voorschotten;
	const char *invoer; /* the canonical input (compact JSON) */
	char sha256[65]; /* of `invoer`, hex */
};

/*
 * Validate `in` (every problem at once, in Dutch, into `e` with status
 * ST_INVALID) and compute the result into `out`. ST_NOMEM when the arena
 * runs out.
 */
enum status kv_bereken(const struct kv_invoer *in, struct arena *a,
		       struct kv_uitkomst *out, struct err *e);

/*
 * The canonical input: compact JSON with every object's members in
 * bytewise order and every list sorted (municipalities, departments and
 * pools by id, dated keys by date, maatwerk by municipality and
 * department; a step-down order as given). Two inputs that differ only in
 * order give the same bytes. NULL when the arena runs out.
 */
const char *kv_canoniek(const struct kv_invoer *in, struct arena *a);

/*
 * Split `bedrag` cents over n weights by largest remainder (the rounding
 * of one pool): cent[i] gets floor or ceiling of the exact share, ties go
 * to the larger exact share and then to the smaller id; a negative amount
 * is split as its absolute value and negated. exact[i] receives the exact
 * share as text (may be NULL). ST_INVALID when the weights are negative or
 * sum to zero.
 */
enum status kv_splits(int64_t bedrag, size_t n, const char *const *ids,
		      const int64_t *gewichten, int64_t *cent,
		      const char **exact, struct arena *a, struct err *e);

/* ---- comparing two calculations ---------------------------------------- */

enum kv_dimensie {
	KV_DIM_TOTAAL, /* the municipality's total */
	KV_DIM_AFDELING, /* by origin department */
	KV_DIM_TAAKVELD, /* by BBV taakveld */
};

struct kv_verschil {
	const char *gemeente;
	enum kv_dimensie dimensie;
	const char *sleutel; /* department or taakveld; NULL for the total */
	int64_t a, b; /* cents in the first and the second calculation */
};

/*
 * Compare two results (two years, or a year and a scenario) per
 * municipality: the total, every origin department and every taakveld
 * that either has, in bytewise order, zeros where one lacks it.
 * Municipalities in only one of them are compared against zero.
 */
enum status kv_vergelijk(const struct kv_uitkomst *a,
			 const struct kv_uitkomst *b, struct arena *ar,
			 struct kv_verschil **out, size_t *n, struct err *e);

/* The JSON name of a basis ("hours_realized", ...), and back (also the
 * longer names "fixed_pct_basis_points" and "products_count"). */
const char *kv_basis_naam(enum kv_basis b);
enum kv_basis kv_basis_van(const char *naam);
/* Dutch, for people ("gerealiseerde uren", ...). */
const char *kv_basis_nl(enum kv_basis b);
const char *kv_methode_naam(enum kv_methode m);
enum kv_methode kv_methode_van(const char *naam);
/* Dutch, for people ("rechtstreeks", "stapsgewijs", "wederzijds"). */
const char *kv_methode_nl(enum kv_methode m);
/*
 * A basis or method as a person types it on the command line: the Dutch
 * word ("gerealiseerde-uren", "begrote-uren", "inwoners",
 * "vaste-percentages", "producten", "fte", "rechtstreeks"; "rechtstreeks",
 * "stapsgewijs", "wederzijds"), or the JSON name of the API.
 */
enum kv_basis kv_basis_van_woord(const char *woord);
enum kv_methode kv_methode_van_woord(const char *woord);

#endif

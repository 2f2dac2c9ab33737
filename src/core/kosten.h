/*
 * kosten.h - a cooperation's year of costs as the database holds it, and
 * the canonical input of the contribution calculation built from it and
 * from the register and the hours (docs/allocation.md, "From the
 * database").
 *
 * kosten_invoer() is pure: the store reads, this decides. Municipalities
 * are the cooperation's members during the year (by CBS code);
 * departments are its units with costs, hours or a role that year. A
 * primary unit's key follows its arrangement (inrichting) through the
 * year: while it is `eigen` to one member, everything goes to that member;
 * otherwise the unit's basis applies over that stretch: realised hours
 * per member (from the hours), inhabitants (the register's latest
 * count), or weights set by hand.
 */
#ifndef AMBT_CORE_KOSTEN_H
#define AMBT_CORE_KOSTEN_H

#include "kostenverdeling.h"
#include "uren_import.h"

struct kosten_post {
	const char *code; /* unique within the cooperation's year */
	const char *eenheid; /* unit code */
	const char *kostensoort;
	const char *taakveld; /* may be NULL: the unit's */
	int64_t bedrag; /* cents; negative for income */
	day_t datum; /* DATE_NONE: the whole year */
};

/* A unit's role in the year; without one a unit is primary, by hours. */
struct kosten_rol {
	const char *eenheid;
	int ondersteunend;
	enum kv_basis basis; /* primary */
	const char *taakveld; /* may be NULL */
	int volgorde; /* support, step-down: 1, 2, ...; 0 none */
};

/* A support unit delivers to another unit with this weight. */
struct kosten_levering {
	const char *van, *aan; /* unit codes */
	int64_t gewicht;
};

/* A weight set by hand (fixed_pct, products, fte, hours_budgeted). */
struct kosten_gewicht {
	const char *eenheid, *gemeente; /* unit code, CBS code */
	int64_t gewicht;
};

struct kosten_jaar {
	const char *samenwerking;
	int jaar;
	enum kv_methode methode; /* KV_METHODE_GEEN: step_down if ordered,
				    else reciprocal */
	struct kosten_post *posten;
	size_t nposten;
	struct kosten_rol *rollen;
	size_t nrollen;
	struct kosten_levering *leveringen;
	size_t nleveringen;
	struct kosten_gewicht *gewichten;
	size_t ngewichten;
	struct kv_gewicht *voorschotten; /* CBS code → cents */
	size_t nvoorschotten;
};

/*
 * Build the canonical input for `k` from the register `r` and the hours
 * cells of the cooperation's year (store_uren_cellen). ST_NOT_FOUND for
 * an unknown cooperation; the input itself is validated by kv_bereken.
 */
enum status kosten_invoer(const struct uren_register *r,
			  const struct uren_cel *cellen, size_t ncellen,
			  const struct kosten_jaar *k, struct arena *a,
			  struct kv_invoer *out, struct err *e);

#endif

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
 * per member (from the hours), inhabitants (on 1 January of the year,
 * kosten_jaar.inwoners), or weights set by hand.
 *
 * A calculation made is kept as it was (struct kostenverdeling): its
 * input and result as JSON text, and the decision that adopted it.
 */
#ifndef AMBT_CORE_KOSTEN_H
#define AMBT_CORE_KOSTEN_H

#include "kostenverdeling.h"
#include "uren_import.h"

/* Limits of the cost data; text in characters (text.h). Amounts are
 * within KV_MAX_BEDRAG either way, weights and hours within 0 and it. */
#define KOSTEN_MAX_CODE 64 /* a cost pool's code, a kostensoort */
#define KOSTEN_MAX_NAAM 200 /* a scenario's name */
#define KOSTEN_MAX_OMSCHRIJVING 1000 /* a scenario's description */
#define KOSTEN_MAX_WIJZIGINGEN 100 /* changes in one scenario */
#define KOSTEN_MAX_VOLGORDE 1000 /* a support unit's place in step-down */

struct kosten_post {
	const char *code; /* unique within the cooperation's year */
	const char *eenheid; /* unit code */
	const char *kostensoort;
	const char *taakveld; /* may be NULL: the unit's */
	int64_t bedrag; /* cents; negative for income */
	day_t datum; /* DATE_NONE: the whole year */
	size_t regel; /* the line it came from in a file; 0: none */
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
	struct kv_maatwerk *maatwerk; /* municipality, unit, hours, rate */
	size_t nmaatwerk;
	/* Inhabitants per member on the reference date (1 January of the
	 * year), for keys by inhabitants; a member missing here counts the
	 * register's latest figure. */
	struct kv_gewicht *inwoners;
	size_t ninwoners;
};

/*
 * Read a CSV file of cost pools (docs/allocation.md: columns code,
 * eenheid, kostensoort, bedrag; taakveld and datum may be given; bedrag in
 * euro as "1.234,56" or "1234.56"). Every problem named by line and
 * column, all at once.
 */
enum status kosten_csv_lees(struct arena *a, const char *data, size_t n,
			    struct kosten_post **out, size_t *nout,
			    struct err *e);

/* An amount in euro ("-1.234,56", "1234.5", "€ 12") as cents; -1 when it
 * is not one. */
int kosten_bedrag_parse(const char *s, int64_t *cent);

/*
 * A cost pool's values, with problems named `<prefix>field` ("regel 3:
 * code" for a file): code and kostensoort of at most KOSTEN_MAX_CODE
 * characters, a taakveld of at most REG_MAX_TAAKVELD, an amount within
 * KV_MAX_BEDRAG either way. That code and
 * kostensoort are given is checked where they come from (a file's
 * required columns, the store); whether the unit and taakveld exist by
 * the store and the calculation.
 */
enum status kosten_post_check(const struct kosten_post *p, const char *prefix,
			      struct err *e);

/* ---- scenarios ---------------------------------------------------------- */

enum scenario_soort {
	SC_EIGEN, /* the unit works for one member only, from `vanaf` */
	SC_GEDEELD, /* the unit is shared again, from `vanaf` */
	SC_ONDERGEBRACHT, /* the unit leaves for a joint body from `vanaf` */
	SC_GRONDSLAG, /* the unit's key gets another basis */
	SC_KOSTENPOST, /* a cost pool gets another amount */
};

struct scenario_wijziging {
	enum scenario_soort soort;
	const char *eenheid; /* unit code (not for SC_KOSTENPOST) */
	const char *gemeente; /* SC_EIGEN: CBS code of the member */
	day_t vanaf; /* SC_EIGEN, SC_GEDEELD, SC_ONDERGEBRACHT */
	enum kv_basis grondslag; /* SC_GRONDSLAG */
	const char *kostenpost; /* SC_KOSTENPOST: its code */
	int64_t bedrag; /* SC_KOSTENPOST: cents */
};

struct scenario {
	int64_t id;
	const char *samenwerking;
	int jaar;
	const char *naam;
	const char *omschrijving;
	struct scenario_wijziging *wijzigingen;
	size_t nwijzigingen;
};

/* A unit's role: a step-down place of 0 to KOSTEN_MAX_VOLGORDE and a
 * taakveld of at most REG_MAX_TAAKVELD characters. */
enum status kosten_rol_check(const struct kosten_rol *r, struct err *e);

/*
 * A scenario as it would be stored: a year DATE_JAAR_MIN to DATE_JAAR_MAX,
 * a name (KOSTEN_MAX_NAAM), a description (KOSTEN_MAX_OMSCHRIJVING), one
 * to KOSTEN_MAX_WIJZIGINGEN changes, each naming a cost pool of at most
 * KOSTEN_MAX_CODE characters and an amount within KV_MAX_BEDRAG. Names of
 * units and members are checked against the register by the store.
 */
enum status scenario_check(const struct scenario *sc, struct err *e);

const char *scenario_soort_naam(enum scenario_soort s);
int scenario_soort_van(const char *naam, enum scenario_soort *out);

/*
 * Apply scenario `sc` to a year: the register `r` and the cost data `k`
 * are copied into r2 and k2 (into the arena; the originals do not
 * change) with every change made. A unit moved to `eigen`, `gedeeld` or
 * `ondergebracht` from a date gets that arrangement from then on; a unit
 * placed in a joint body also takes its costs along: its pools for the
 * whole year keep the share of the days before the date (rounded half
 * away from zero), its dated pools from the date on drop out. Every
 * change that names an unknown unit, member or pool is a problem.
 */
enum status kosten_scenario(const struct uren_register *r,
			    const struct kosten_jaar *k,
			    const struct scenario *sc, struct arena *a,
			    struct uren_register *r2, struct kosten_jaar *k2,
			    struct err *e);

/*
 * Build the canonical input for `k` from the register `r` and the hours
 * cells of the cooperation's year (store_uren_cellen). ST_NOT_FOUND for
 * an unknown cooperation; the input itself is validated by kv_bereken.
 */
enum status kosten_invoer(const struct uren_register *r,
			  const struct uren_cel *cellen, size_t ncellen,
			  const struct kosten_jaar *k, struct arena *a,
			  struct kv_invoer *out, struct err *e);

/* ---- stored calculations ------------------------------------------------ */

/* A stored calculation. invoer and uitkomst are JSON text. */
struct kostenverdeling {
	int64_t id;
	const char *samenwerking;
	int jaar;
	const char *scenario; /* NULL: the year's own data */
	const char *sha256;
	int64_t totaal;
	const char *berekend; /* UTC, ISO 8601 */
	const char *door;
	const char *besluit; /* identificatie, when adopted (and readable) */
	const char *besluit_organisatie;
	const char *vastgesteld; /* UTC, when adopted */
	const char *invoer, *uitkomst; /* only from store_kostenverdeling_get */
};

#endif

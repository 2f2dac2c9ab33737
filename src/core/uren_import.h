/*
 * uren_import.h - checking an hours export against the register (docs/hours-file.md)
 * and the framework check of booked hours. Pure: the caller gives the file's
 * bytes and the register as far as needed; the result says exactly what to
 * store, or every problem by line and column. Nothing here writes.
 *
 * A row booked per ISO week (column `week`) is stored with the week's
 * Monday; its hours count on the week's Thursday, so week 1 of 2025 counts
 * in 2025 and the framework is checked on that day (ISO 8601 gives a week
 * to the year that holds its Thursday).
 */
#ifndef AMBT_CORE_UREN_IMPORT_H
#define AMBT_CORE_UREN_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "date.h"
#include "err.h"
#include "register.h"
#include "uren.h"

/* ---- the register as the import sees it -------------------------------- */

struct uren_medewerker {
	int64_t id; /* the store's, not used by the rules */
	const char *samenwerking; /* code: numbers are unique within one */
	const char *nummer; /* staff number as written in the exports */
	struct period periode; /* employed; van DATE_NONE: since always */
};

struct uren_eenheid {
	int64_t id; /* the store's, not used by the rules */
	const char *code;
	const char *naam;
	const char *samenwerking; /* code of its cooperation */
	const struct inrichting *inrichting; /* sorted by van */
	size_t ninrichting;
};

struct uren_samenwerking {
	const char *code;
	const struct lidmaatschap *leden;
	size_t nleden;
	const struct kader_artikel *kader; /* articles with their versions */
	size_t nkader;
};

struct uren_register {
	const struct organisatie *gemeenten; /* municipalities only */
	size_t ngemeenten;
	const struct uren_eenheid *eenheden;
	size_t neenheden;
	const struct uren_samenwerking *samenwerkingen;
	size_t nsamenwerkingen;
	const struct uren_medewerker *medewerkers;
	size_t nmedewerkers;
	const struct taakveld *taakvelden;
	size_t ntaakvelden;
};

/* ---- the framework check ---------------------------------------------- */

enum uren_afwijking {
	AFW_GEEN = 0, /* the unit served this municipality on that day */
	AFW_GEEN_INRICHTING, /* the unit had no arrangement on that day */
	AFW_ANDERE_GEMEENTE, /* the unit worked for another member only */
	AFW_ONDERGEBRACHT, /* the unit's work was delegated to a joint body */
	AFW_GEEN_LID, /* the municipality was no member of the cooperation */
};

/* Stable name ("andere_gemeente") and Dutch explanation of a reason. */
const char *uren_afwijking_naam(enum uren_afwijking a);
const char *uren_afwijking_uitleg(enum uren_afwijking a);

struct uren_toets {
	enum uren_afwijking afwijking;
	const struct inrichting *inrichting; /* in force that day, or NULL */
	const struct kader_artikel *artikel; /* governing the unit, or NULL */
	const struct kader_versie *versie; /* the article's version that day */
};

/* Whether hours of unit `eenheid` (index) for municipality `gemeente`
 * (CBS code) on `dag` agree with the register's arrangement that day. */
void uren_toets(const struct uren_register *r, size_t eenheid,
		const char *gemeente, day_t dag, struct uren_toets *out);

/* ---- checking a file -------------------------------------------------- */

/* Hours of one unit for one municipality on one day, over all rows. */
struct uren_cel {
	uint32_t eenheid; /* index in the register */
	uint32_t gemeente; /* index in the register */
	day_t dag; /* the day the hours count on */
	int64_t honderdsten;
	int64_t rijen;
};

/* The order of cells: by eenheid, gemeente, dag (for qsort/bsearch). */
int uren_cel_cmp(const void *a, const void *b);

struct uren_boeking {
	uint32_t regel; /* line in the file */
	uint32_t medewerker; /* index; >= nmedewerkers: new staff member */
	uint32_t gemeente;
	uint32_t eenheid;
	day_t dag; /* the day, or the Monday of the week */
	bool week;
	int32_t honderdsten;
	enum uren_afwijking afwijking;
	const char *taakveld; /* NULL when empty */
	const char *product;
	const char *omschrijving;
};

struct uren_probleem {
	size_t regel; /* 0: the file as a whole */
	const char *kolom; /* NULL: the line as a whole */
	const char *code; /* stable: "unknown-unit", "day-over-24" */
	const char *melding; /* Dutch, for people */
};

#define UREN_MAX_PROBLEMEN 1000 /* listed; the rest is counted */

/* Limits of an hours file's free text, in characters (text.h); a new
 * staff number has MEDEWERKER_MAX_NUMMER. */
#define UREN_MAX_PRODUCT 100
#define UREN_MAX_OMSCHRIJVING 1000
#define UREN_MAX_BESTAND 255 /* the file's name, kept with the batch */

struct uren_resultaat;

struct uren_opties {
	bool nieuwe_medewerkers; /* create unknown staff numbers */
	/* When set: only units of these cooperations may be booked (the
	 * cooperations of the controller who imports). */
	const char *const *samenwerkingen;
	size_t nsamenwerkingen;
	/* Called now and then while checking rows; may be NULL. */
	void (*voortgang)(void *ctx, size_t gedaan, size_t totaal);
	void *ctx;
	/*
	 * Called now and then with the result so far: its rows
	 * boekingen[0, nboekingen) and new staff nieuw[0, nnieuw) are final
	 * (the array of rows never moves), so they can be stored while the
	 * rest is checked; a later problem undoes that. May be NULL.
	 */
	void (*rijen)(void *ctx, const struct uren_resultaat *sofar);
	void *rijen_ctx;
};

struct uren_resultaat {
	char hash[65]; /* SHA-256 of the file's bytes, hex */
	/* The cooperation whose units the file books (all of them: a row
	 * for another cooperation's unit is a problem); its staff numbers
	 * are looked up within it. NULL when no row names a known unit. */
	const char *samenwerking;
	enum uren_encoding encoding;
	char separator;
	const char **onbekende_kolommen; /* ignored; a warning */
	size_t nonbekend;

	struct uren_boeking *boekingen;
	size_t nboekingen;
	struct uren_cel *cellen; /* sorted by eenheid, gemeente, dag */
	size_t ncellen;
	const char **nieuw; /* staff numbers to create, in order of use */
	uint32_t *nieuw_eenheid; /* unit of each new staff member's first row */
	size_t nnieuw;

	struct uren_probleem *problemen;
	size_t nproblemen;
	size_t nweggelaten; /* problems beyond UREN_MAX_PROBLEMEN */

	int64_t honderdsten;
	size_t nmedewerkers; /* distinct staff in the file */
	size_t ngemeenten; /* distinct municipalities */
	size_t nafwijkingen; /* rows that deviate from the framework */
	int64_t afwijkende_honderdsten;
	day_t van, tot; /* first and last day booked (Monday for weeks) */
};

/*
 * Check the `n` bytes of an hours export against the register. ST_OK: the
 * result says what to store. ST_INVALID: out->problemen lists every
 * problem (line, column, Dutch sentence) and e->message sums up; nothing
 * may be stored. ST_TOO_LARGE when the arena's limit is reached.
 */
enum status uren_import_controleer(struct arena *a,
				   const struct uren_register *r,
				   const char *data, size_t n,
				   const struct uren_opties *o,
				   struct uren_resultaat *out, struct err *e);

/* ---- the conformance report ------------------------------------------- */

struct uren_afwijking_groep {
	uint32_t eenheid;
	uint32_t gemeente;
	enum uren_afwijking afwijking;
	const struct inrichting *inrichting;
	const struct kader_artikel *artikel;
	const struct kader_versie *versie;
	day_t eerste, laatste;
	size_t dagen;
	int64_t honderdsten;
	int64_t rijen;
};

/*
 * The cells (sorted by eenheid, gemeente, dag) that deviate from the
 * framework, grouped by unit, municipality, reason and the arrangement and
 * article in force: one group per unbroken stretch of the same situation.
 */
enum status uren_afwijkingen(struct arena *a, const struct uren_register *r,
			     const struct uren_cel *cellen, size_t n,
			     struct uren_afwijking_groep **out, size_t *nout,
			     struct err *e);

/* "7,50" for 750 hundredths, into buf (at least 24 bytes). */
void uren_format(int64_t honderdsten, char *buf, size_t n);

/* A stored hours file: what it brought, and whether it was replaced. */
struct uren_batch {
	int64_t id;
	char hash[65];
	const char *bestand;
	const char *ingelezen; /* UTC, ISO 8601 */
	const char *door;
	int64_t rijen, honderdsten, medewerkers, gemeenten, afwijkingen;
	day_t van, tot;
	int64_t vervangen_door; /* 0: current */
	const char *samenwerking; /* whose units it books (code) */
	bool balie; /* the hours of appointments served at the desk: no file
		       replaces them */
};

#endif

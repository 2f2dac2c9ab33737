/*
 * besluit.h - the decisions register: council, college and mayoral
 * decisions, with the field names of the ZGW Besluiten API so that
 * municipal tooling recognises them, a status with its history, and the
 * publicity level.
 *
 * Pure rules: no I/O. Strings are borrowed from the caller.
 */
#ifndef AMBT_CORE_BESLUIT_H
#define AMBT_CORE_BESLUIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "err.h"

/* Limits of a decision's fields, in characters (text.h). */
#define BESLUIT_MAX_IDENTIFICATIE 50
#define BESLUIT_MAX_ONDERWERP 500
#define BESLUIT_MAX_TOELICHTING 10000
#define BESLUIT_MAX_NAAM 200 /* portefeuillehouder, afdeling */
#define BESLUIT_MAX_STAP_TOELICHTING 1000 /* a status step's note */
/* A status history longer than this is not a decision's life. */
#define BESLUIT_MAX_STAPPEN 100

enum bestuursorgaan {
	ORGAAN_GEMEENTERAAD,
	ORGAAN_COLLEGE, /* college van burgemeester en wethouders */
	ORGAAN_BURGEMEESTER,
};

enum openbaarheid {
	OPENBAAR_ACTIEF, /* actief_openbaar: published on its own */
	OPENBAAR_PASSIEF, /* passief_openbaar: on request */
	OPENBAAR_GEHEIM, /* geheim, until geheim_tot */
};

enum besluit_status {
	BESLUIT_VOORGESTELD,
	BESLUIT_AANGEHOUDEN,
	BESLUIT_VASTGESTELD,
	BESLUIT_VERWORPEN,
	BESLUIT_INGETROKKEN,
};

enum vervalreden {
	VERVAL_GEEN = 0,
	VERVAL_TIJDELIJK,
	VERVAL_INGETROKKEN_OVERHEID,
	VERVAL_INGETROKKEN_BELANGHEBBENDE,
};

struct besluit_stap {
	enum besluit_status status;
	day_t datum;
	const char *toelichting; /* may be NULL */
};

struct besluit {
	int64_t id;
	const char *identificatie; /* NULL or "" before one is generated */
	const char *verantwoordelijke_organisatie; /* CBS code */
	const char *organisatie_naam; /* filled when read */
	enum bestuursorgaan bestuursorgaan;
	day_t datum;
	day_t ingangsdatum;
	day_t vervaldatum;
	enum vervalreden vervalreden;
	day_t publicatiedatum;
	const char *onderwerp;
	const char *toelichting;
	const char *portefeuillehouder;
	const char *afdeling;
	enum openbaarheid openbaarheid;
	day_t geheim_tot;
	enum besluit_status status; /* the last step's status */
	struct besluit_stap *historie;
	size_t nhistorie;
	bool verzonnen;
};

const char *bestuursorgaan_name(enum bestuursorgaan o);
int bestuursorgaan_parse(const char *s, enum bestuursorgaan *out);
/* Dutch label for people ("college van B&W"). */
const char *bestuursorgaan_label(enum bestuursorgaan o);
const char *openbaarheid_name(enum openbaarheid o);
/* Dutch label for people ("actief openbaar"). */
const char *openbaarheid_label(enum openbaarheid o);
int openbaarheid_parse(const char *s, enum openbaarheid *out);
const char *besluit_status_name(enum besluit_status s);
int besluit_status_parse(const char *s, enum besluit_status *out);
const char *vervalreden_name(enum vervalreden r); /* "" for VERVAL_GEEN */
int vervalreden_parse(const char *s, enum vervalreden *out);

/* Whether a decision in status `from` may move to `to`. */
bool besluit_overgang_toegestaan(enum besluit_status from,
				 enum besluit_status to);

/*
 * Check a decision as it would be stored: required fields, lengths (the
 * BESLUIT_MAX_* limits, and at most BESLUIT_MAX_STAPPEN steps), no
 * date after `today` (datum, and every status step), vervaldatum after
 * ingangsdatum, vervalreden exactly when there is a vervaldatum,
 * publicatiedatum not before datum, geheim exactly with geheim_tot, and a
 * status history that starts somewhere sensible, moves only along allowed
 * transitions with non-decreasing dates, and ends in `status`. Every
 * problem is reported.
 */
enum status besluit_check(const struct besluit *b, day_t today, struct err *e);

/*
 * Check one more step on top of a decision's current state (the status
 * command): allowed transition, date not before the last step, not after
 * today, a note of at most BESLUIT_MAX_STAP_TOELICHTING characters, and
 * no more than BESLUIT_MAX_STAPPEN steps in all.
 */
enum status besluit_check_stap(const struct besluit *b,
			       const struct besluit_stap *stap, day_t today,
			       struct err *e);

/*
 * The generated identification for the `volgnummer`-th generated decision
 * of `jaar`: BESLUIT-<jaar>-<volgnummer, 10 digits> (the pattern the ZGW
 * reference implementation uses). Writes into buf of size n.
 */
void besluit_identificatie(int jaar, int64_t volgnummer, char *buf, size_t n);

/*
 * Whether the public may see a decision: actief_openbaar and adopted
 * (vastgesteld, or vastgesteld and later ingetrokken).
 */
bool besluit_openbaar(const struct besluit *b);

/* Which decisions a list holds (the store's store_besluit_list). */
struct besluit_filter {
	const char *organisatie; /* CBS code, or NULL */
	int bestuursorgaan; /* enum bestuursorgaan, or -1 */
	int status; /* enum besluit_status, or -1 */
	int openbaarheid; /* enum openbaarheid, or -1 */
	day_t van, tot; /* datum in [van, tot); DATE_NONE = open */
	const char *zoek; /* words in onderwerp/toelichting, or NULL */
	size_t offset, limit; /* limit 0 = no limit */
};

/* A register change a decision enacted. */
struct besluit_wijziging {
	const char *soort; /* "inrichting", "lidmaatschap", "kaderartikel" */
	const char *samenwerking; /* code */
	const char *object; /* unit code, CBS code or article number */
	const char *omschrijving; /* Dutch, for people */
	day_t van;
};

#endif

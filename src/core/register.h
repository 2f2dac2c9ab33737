/*
 * register.h - the cooperation register: who cooperates in what, how each
 * unit is arranged over time, and the rules that keep it consistent.
 *
 * These are plain value types. Strings are borrowed: whoever fills a struct
 * (usually the store, from its arena) owns them. The check functions are
 * pure: they read the values given and report every broken rule into a
 * struct err, naming the field as a user would (see err.h). They return
 * ST_OK or ST_INVALID.
 *
 * Periods are half-open: `van` is the first day, `tot` the first day no
 * longer included; DATE_NONE for `tot` means open-ended.
 */
#ifndef AMBT_CORE_REGISTER_H
#define AMBT_CORE_REGISTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "err.h"

/* Limits of the register's fields; text in characters (text.h). */
#define REG_MAX_NAAM 200 /* names, provincie, taak, eigenaar, titel, bron */
#define REG_MAX_OMSCHRIJVING 1000 /* descriptions, a milestone's outcome */
#define REG_MAX_TEKST 10000 /* a framework article's text */
#define REG_MAX_INWONERS INT64_C(100000000)
#define REG_MAX_ARTIKEL 10000 /* a framework article's number */
/* Codes are ASCII, so their length in bytes is their length in characters. */
#define REG_CBS_CODE_LEN 6 /* GM0358 */
#define REG_MAX_SHORT_CODE 16 /* AA, GRIT */
#define REG_MAX_UNIT_CODE 64 /* hb-informatisering */
#define REG_MAX_TAAKVELD 16 /* a BBV taakveld's code: 0.1, 6.71a */

enum org_soort {
	ORG_GEMEENTE, /* municipality, identified by CBS code GMnnnn */
	ORG_REGELING, /* joint body (gemeenschappelijke regeling) */
};

enum vorm {
	VORM_GEDEELD, /* works formally for all members */
	VORM_EIGEN, /* works for one member only */
	VORM_ONDERGEBRACHT, /* delegated to a joint body */
};

enum eenheid_soort {
	EENHEID_AFDELING,
	EENHEID_TEAM,
	EENHEID_TAAK,
};

enum mijlpaal_status {
	MIJLPAAL_GEPLAND,
	MIJLPAAL_GEREED,
	MIJLPAAL_UITGESTELD,
	MIJLPAAL_VERVALLEN,
};

struct period {
	day_t van;
	day_t tot; /* DATE_NONE: open */
};

struct organisatie {
	int64_t id;
	enum org_soort soort;
	const char *code; /* GM0358, or GRIT */
	const char *naam;
	const char *provincie; /* municipalities; may be NULL */
	const char *taak; /* joint bodies: what they do; may be NULL */
	int64_t inwoners; /* latest count, -1 when unknown */
	day_t inwoners_peildatum;
	bool verzonnen;
};

struct inwonertal {
	day_t peildatum;
	int64_t aantal;
	const char *bron;
};

/*
 * References to decisions (`besluit`: an identificatie) name the
 * organisation too (`besluit_organisatie`), since two organisations may
 * use the same identificatie. In a write the organisation may be left out
 * when only one of the organisations concerned has a decision with that
 * identificatie. Read back, the store leaves the reference out (all NULL)
 * when the reader may not read the decision.
 */

/* Membership of a municipality in a cooperation or a joint body. */
struct lidmaatschap {
	int64_t id;
	const char *gemeente; /* CBS code */
	const char *gemeente_naam;
	struct period periode;
	const char *besluit; /* identificatie, may be NULL */
	const char *besluit_organisatie; /* its organisation (code) */
};

struct samenwerking {
	int64_t id;
	const char *code; /* AA, HB, WOL */
	const char *naam;
	day_t sinds;
	const char *centrumgemeente; /* CBS code or NULL */
	const char *centrumgemeente_naam;
	const char *omschrijving;
};

struct eenheid {
	int64_t id;
	const char *code; /* hb-informatisering */
	const char *naam;
	enum eenheid_soort soort;
	const char *samenwerking; /* code */
	const char *omschrijving;
	bool verzonnen;
};

/* One period of a unit's arrangement. */
struct inrichting {
	int64_t id;
	struct period periode;
	enum vorm vorm;
	const char *gemeente; /* VORM_EIGEN: CBS code of the member */
	const char *gemeente_naam; /* filled by the store when reading */
	const char *regeling; /* VORM_ONDERGEBRACHT: joint body code */
	const char *regeling_naam;
	const char *besluit; /* identificatie of the decision; required */
	const char *besluit_organisatie; /* its organisation (code) */
	const char *besluit_onderwerp;
};

struct kader_versie {
	int64_t id;
	struct period periode;
	const char *tekst;
	const char *besluit;
	const char *besluit_organisatie;
	const char **eenheden; /* unit codes governed */
	size_t neenheden;
};

struct kader_artikel {
	int64_t id;
	int nummer;
	const char *titel;
	struct kader_versie *versies;
	size_t nversies;
};

struct mijlpaal {
	int64_t id;
	const char *naam;
	day_t gepland;
	enum mijlpaal_status status;
	const char *uitkomst;
	bool verzonnen;
};

struct werkstroom {
	int64_t id;
	const char *code;
	const char *naam;
	const char *eigenaar;
	const char *omschrijving;
	const char *samenwerking;
	struct mijlpaal *mijlpalen;
	size_t nmijlpalen;
};

struct taakveld {
	const char *code; /* "0.1" */
	const char *naam;
	const char *hoofdtaakveld; /* "0" */
	const char *hoofdtaakveld_naam;
	int eerste_jaar; /* 0: valid since the start of the record (<= 2017) */
	int laatste_jaar; /* 0: still valid */
};

/* A unit with the arrangement in force on one date. */
struct eenheid_op {
	struct eenheid eenheid;
	bool heeft_inrichting;
	struct inrichting inrichting;
};

/*
 * Names of enumerations as stored and shown ("gedeeld"), and parsing them
 * back. The *_parse functions return 0 and set *out, or -1 when the text
 * is not one of the names.
 */
const char *vorm_name(enum vorm v);
int vorm_parse(const char *s, enum vorm *out);
const char *eenheid_soort_name(enum eenheid_soort s);
int eenheid_soort_parse(const char *s, enum eenheid_soort *out);
const char *mijlpaal_status_name(enum mijlpaal_status s);
int mijlpaal_status_parse(const char *s, enum mijlpaal_status *out);
const char *org_soort_name(enum org_soort s);

/* Code rules; each adds a problem under `field` when broken. */
enum status reg_check_cbs_code(const char *code, const char *field,
			       struct err *e);
enum status reg_check_short_code(const char *code, const char *field,
				 struct err *e); /* AA, GRIT: [A-Z0-9-]{2,16} */
enum status reg_check_unit_code(const char *code, const char *field,
				struct err *e); /* [a-z0-9-]{2,64} */

/* Whether a date falls in a half-open period. */
bool period_contains(struct period p, day_t day);

/*
 * A municipality to be added: CBS code, a name, and when an inhabitant
 * count is given, a count of 0 to REG_MAX_INWONERS with a reference date
 * not after `today`. A joint body: short code and name. Names, provincie
 * and taak at most REG_MAX_NAAM characters.
 */
enum status reg_check_organisatie(const struct organisatie *o, day_t today,
				  struct err *e);

/*
 * An inhabitant count: 0 to REG_MAX_INWONERS, a reference date not after
 * `today`, a source (bron) of at most REG_MAX_NAAM characters.
 */
enum status reg_check_inwonertal(const struct inwonertal *t, day_t today,
				 struct err *e);

/*
 * A cooperation: short code, name (REG_MAX_NAAM), start date, description
 * (REG_MAX_OMSCHRIJVING).
 */
enum status reg_check_samenwerking(const struct samenwerking *sw,
				   struct err *e);

/* A unit: unit code, name (REG_MAX_NAAM), description (REG_MAX_OMSCHRIJVING). */
enum status reg_check_eenheid(const struct eenheid *u, struct err *e);

/*
 * A framework article: number 1 to REG_MAX_ARTIKEL, title (REG_MAX_NAAM),
 * at least one version, the versions as reg_check_kader_versies.
 */
enum status reg_check_kader_artikel(const struct kader_artikel *k,
				    struct err *e);

/*
 * A workstream: unit-style code, name (REG_MAX_NAAM), owner (REG_MAX_NAAM),
 * description (REG_MAX_OMSCHRIJVING), and each milestone as
 * reg_check_mijlpaal under "mijlpalen[i]".
 */
enum status reg_check_werkstroom(const struct werkstroom *w, struct err *e);

/*
 * Memberships of one cooperation or joint body: each needs a CBS code and
 * a join date (`van`); a leave date (`tot`) must come after it; the same
 * municipality may have several memberships only when they do not overlap.
 * Problems are named `<prefix>[i].van` etc.
 */
enum status reg_check_leden(const struct lidmaatschap *leden, size_t n,
			    const char *prefix, struct err *e);

/*
 * The arrangement history of one unit, sorted by `van`: consecutive
 * periods with no overlap and no gap (each `tot` equals the next `van`),
 * only the last may be open; each period names a decision; `eigen` needs a
 * municipality that is a member (per `leden`) on the period's first day,
 * `ondergebracht` needs a joint body, `gedeeld` neither; no period starts
 * before `sinds` (the cooperation's start; DATE_NONE to skip).
 */
enum status reg_check_inrichting(const struct inrichting *p, size_t n,
				 const struct lidmaatschap *leden,
				 size_t nleden, day_t sinds, struct err *e);

/* The versions of one framework article: consecutive like arrangements,
 * each with a text (REG_MAX_TEKST) and a decision. */
enum status reg_check_kader_versies(const struct kader_versie *v, size_t n,
				    const char *prefix, struct err *e);

/* A milestone: name (REG_MAX_NAAM) and planned date required, an outcome
 * of at most REG_MAX_OMSCHRIJVING characters. */
enum status reg_check_mijlpaal(const struct mijlpaal *m, const char *prefix,
			       struct err *e);

/* Index of the period in force on `day`, or -1. */
long reg_inrichting_op(const struct inrichting *p, size_t n, day_t day);

/* Whether a taakveld is valid in book year `jaar`. */
bool taakveld_geldig_in(const struct taakveld *t, int jaar);

#endif

/*
 * medewerker.h - the staff register (medewerkers) as the hours need it:
 * who books hours, employed by which organisation, in which unit, where,
 * for how many FTE and from when to when; and reading it from a CSV file
 * as personnel systems export it. Pure: no I/O.
 */
#ifndef AMBT_CORE_MEDEWERKER_H
#define AMBT_CORE_MEDEWERKER_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "err.h"
#include "register.h"

/* Limits of a staff record; text in characters (text.h). */
#define MEDEWERKER_MAX_NUMMER 32 /* staff number, as in the hours files */
#define MEDEWERKER_MAX_NAAM 200 /* name, place of work */
#define MEDEWERKER_FTE_MIN 1 /* thousandths: 0,001 */
#define MEDEWERKER_FTE_MAX 1000 /* thousandths: 1 */

struct medewerker {
	int64_t id; /* the store's; in an import: the line of the file */
	/* The cooperation of the home unit (code), set by the store: staff
	 * numbers are unique within a cooperation, not across them. */
	const char *samenwerking;
	const char *nummer; /* staff number, as in the hours exports */
	const char *naam; /* NULL: not yet known (created by an import) */
	const char *werkgever; /* organisation code (GM0397, GRIT) or NULL */
	const char *werkgever_naam;
	const char *eenheid; /* home unit code or NULL */
	const char *eenheid_naam;
	const char *standplaats;
	int fte; /* thousandths (889 = 0,889); 0: unknown; -1: unreadable */
	struct period periode; /* van DATE_NONE: not known */
	int64_t bron_batch; /* the import that created it, or 0 */
};

/*
 * The rules of a staff record that need no register, with problems named
 * `<prefix>field` ("regel 3: naam" for an import, "naam" otherwise): a
 * staff number (MEDEWERKER_MAX_NUMMER) and a name (MEDEWERKER_MAX_NAAM),
 * a place of work of at most MEDEWERKER_MAX_NAAM characters, FTE 1 to
 * 1000 thousandths (-1, unreadable and reported already, passes), a start
 * date, and an end after it. Whether employer and unit exist is for the
 * store.
 */
enum status medewerker_check(const struct medewerker *m, const char *prefix,
			     struct err *e);

/* FTE in thousandths from "1", "0,8", "0.889"; more than 0, at most 1. */
enum status medewerker_parse_fte(const char *s, const char *field, int *out,
				 struct err *e);

/*
 * Read a staff file (UTF-8 with or without BOM, or Windows-1252; ';' or
 * ','): columns personeelsnummer, naam, werkgever, eenheid, fte, van
 * (required) and standplaats, tot, in any order. Every problem is named
 * "regel N: kolom". Each record's id is its line number. When the file
 * could be read as a table, *out holds every row even if some fields were
 * refused (fte -1, dates DATE_NONE), so that the register checks can list
 * their problems too; the status is then ST_INVALID.
 */
enum status medewerker_csv_lees(struct arena *a, const char *data, size_t n,
				struct medewerker **out, size_t *nout,
				struct err *e);

#endif

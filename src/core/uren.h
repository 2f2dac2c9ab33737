/*
 * uren.h - reading the fields of an hours export (docs/hours-file.md): hours,
 * days and ISO weeks as Dutch controllers write them, the encoding of the
 * file and its separator. Pure: no I/O; callers add the line number.
 *
 * Hours are counted in hundredths of an hour (the unit of the allocation).
 * "7,5", "7.5" and "7:30" are 750. A time written as h:mm is converted to
 * hundredths rounding half up (7:20 is 733), the only rounding; decimals
 * beyond the second must be zeros ("7,500" is fine, "7,505" is not).
 */
#ifndef AMBT_CORE_UREN_H
#define AMBT_CORE_UREN_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "date.h"
#include "err.h"

#define UREN_MAX_PER_DAG 2400 /* 24 hours, in hundredths */

/*
 * Hours in hundredths from "7,5" / "7.5" / "7:30" / "8"; more than 0 and
 * at most 24 hours. A problem under `field` otherwise.
 */
enum status uren_parse_uren(const char *s, const char *field, int32_t *out,
			    struct err *e);

/* The same for a row booked per week: at most 168 hours. */
enum status uren_parse_weekuren(const char *s, const char *field, int32_t *out,
				struct err *e);

/* A day from "2024-03-05", "5-3-2024" or "05-03-2024". */
enum status uren_parse_datum(const char *s, const char *field, day_t *out,
			     struct err *e);

/* The Monday of an ISO week from "2024-W10" (weeks 1 to 52 or 53). */
enum status uren_parse_week(const char *s, const char *field, day_t *monday,
			    struct err *e);

enum uren_encoding {
	UREN_UTF8, /* valid UTF-8 without BOM */
	UREN_UTF8_BOM, /* valid UTF-8 after a BOM, which is dropped */
	UREN_CP1252, /* not UTF-8 but plausible Windows-1252: converted */
};

/*
 * Bring a file's bytes to UTF-8 text: drop a BOM, or convert
 * Windows-1252. Refused (ST_INVALID, field "bestand") when the bytes
 * contain NUL or are neither (for example a binary file). *out and
 * *out_len give the text: for UTF-8 input a pointer into `data` itself
 * (terminated only if `data` was), for converted input a NUL-terminated
 * copy in the arena.
 */
enum status uren_tekst(struct arena *a, const char *data, size_t n,
		       enum uren_encoding *enc, const char **out,
		       size_t *out_len, struct err *e);

/*
 * The separator of a CSV file from its first line: ';' or ','  (whichever
 * occurs more outside quotes; ';' when equal). 0 when the line holds
 * neither.
 */
char uren_separator(const char *line, size_t n);

#endif

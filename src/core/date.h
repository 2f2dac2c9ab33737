/*
 * date.h - calendar dates and the Europe/Amsterdam clock, without I/O.
 *
 * A date is a day number (days since 1970-01-01, proleptic Gregorian), so
 * comparing and subtracting dates is integer arithmetic. DATE_NONE stands
 * for "no date" (an open end of a period). Parsing is strict ISO 8601
 * (YYYY-MM-DD, years 1000-9999) and rejects impossible days.
 *
 * The register speaks of dates in the Europe/Amsterdam zone. This module
 * does not read the system clock: the caller passes the UTC instant and
 * date_amsterdam_today() turns it into the Amsterdam calendar date, using
 * the EU summer-time rule (from the last Sunday of March 01:00 UTC to the
 * last Sunday of October 01:00 UTC, UTC+2; otherwise UTC+1), in force
 * since 1996.
 */
#ifndef AMBT_CORE_DATE_H
#define AMBT_CORE_DATE_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t day_t;

#define DATE_NONE INT32_MIN
#define DATE_ISO_LEN 11 /* "YYYY-MM-DD" and NUL */
/* The years one may ask about or enter: book years, calculations (a year
 * up to 9998 still has a next one). */
#define DATE_JAAR_MIN 1900
#define DATE_JAAR_MAX 9998

/* 1 when y-m-d is a real calendar day (1000 <= y <= 9999), else 0. */
int date_valid_ymd(int y, int m, int d);

/* Day number of a valid y-m-d (unchecked: validate first). */
day_t date_from_ymd(int y, int m, int d);

/* Split a day number into year, month (1-12) and day (1-31). */
void date_to_ymd(day_t day, int *y, int *m, int *d);

/*
 * Parse "YYYY-MM-DD" exactly (no spaces, no time part). Returns 0 and sets
 * *out, or -1 for anything else, leaving *out untouched.
 */
int date_parse(const char *s, day_t *out);

/* Write "YYYY-MM-DD" into buf (at least DATE_ISO_LEN bytes). */
void date_format_iso(day_t day, char *buf);

/*
 * Write the Dutch long form ("22 april 2021") into buf of size n,
 * truncating safely. DATE_NONE gives "".
 */
void date_format_nl(day_t day, char *buf, size_t n);

/* 0 = Monday ... 6 = Sunday. */
int date_weekday(day_t day);

/* Seconds east of UTC for Amsterdam at the UTC instant (3600 or 7200). */
int date_amsterdam_offset(int64_t utc_seconds);

/* The Amsterdam calendar date at the UTC instant. */
day_t date_amsterdam_today(int64_t utc_seconds);

#define INSTANT_ISO_LEN 21 /* "YYYY-MM-DDTHH:MM:SSZ" and NUL */

/*
 * Parse an instant: "YYYY-MM-DDTHH:MM:SS" followed by "Z" or an offset
 * "+HH:MM" / "-HH:MM" (at most 14 hours), or a bare "YYYY-MM-DD", which
 * stands for noon in Amsterdam that day. Returns 0 and sets *utc (Unix
 * seconds), or -1 for anything else, leaving *utc untouched.
 */
int date_parse_instant(const char *s, int64_t *utc);

/* Write the UTC instant as "YYYY-MM-DDTHH:MM:SSZ" (INSTANT_ISO_LEN). */
void date_format_instant(int64_t utc, char *buf);

#define DATE_MOMENT_NL_LEN 40 /* "30 september 2026, 23:59" and NUL */

/*
 * Write the UTC instant as people in the Netherlands read it: the
 * Amsterdam date and time to the minute, "2 december 2026, 03:38"
 * (seconds are dropped, not rounded), into buf of size n, truncating
 * safely.
 */
void date_format_moment_nl(int64_t utc, char *buf, size_t n);

#endif

/*
 * text.h - rules for text from outside: well-formed UTF-8, a maximum
 * length, and whole numbers within a range.
 *
 * Lengths count characters (Unicode code points of UTF-8 text), not
 * bytes, the way JSON Schema's maxLength does: "Zoë" is three.
 *
 * Every limit of the domain is a named constant in the header of its
 * module (BESLUIT_MAX_ONDERWERP in besluit.h, ...); the checks there use
 * these functions, so that every entrance (API, pages, command line,
 * imports) refuses the same input with the same code and message.
 */
#ifndef AMBT_CORE_TEXT_H
#define AMBT_CORE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

/*
 * Whether the n bytes at s are well-formed UTF-8: no overlong forms, no
 * surrogates, nothing above U+10FFFF.
 */
bool text_utf8_valid(const char *s, size_t n);

/* Characters of UTF-8 text (every byte that does not continue one); 0
 * for NULL. */
size_t text_chars(const char *s);

/*
 * A text field's length rule: `s` (NULL passes) has at most `max`
 * characters; otherwise a problem under `field` with code "too-long" and
 * the reason "Gebruik hoogstens N tekens." (N written as in
 * text_int_range). Returns ST_OK or ST_INVALID.
 */
enum status text_check_max(const char *s, const char *field, size_t max,
			   struct err *e);

/* Bytes of the first `max` characters of UTF-8 text `s`. */
size_t text_prefix(const char *s, size_t max);

/* The reason of that problem, into buf: "Gebruik hoogstens N tekens.". */
void text_max_reason(size_t max, char *buf, size_t n);

enum text_int {
	TEXT_INT_OK = 0,
	TEXT_INT_FORMAT, /* not a whole number in decimal digits */
	TEXT_INT_RANGE, /* a whole number outside [min, max] */
};

/*
 * A whole number written as decimal digits with an optional '-' before
 * them, and nothing else (no spaces, '+', separators or decimals). A
 * number beyond int64 is TEXT_INT_RANGE, never cut short. *out is set
 * only for TEXT_INT_OK.
 */
enum text_int text_int_parse(const char *s, int64_t min, int64_t max,
			     int64_t *out);

/*
 * The allowed range for people, into buf: "geheel getal van 1 tot en met
 * 400", "geheel getal van 1 of hoger" (max INT64_MAX); numbers of five
 * digits or more with thousands separators ("100.000.000").
 */
void text_int_range(int64_t min, int64_t max, char *buf, size_t n);

/*
 * The problem for a whole number outside [min, max] or not a number at
 * all: under `field` with `code` ("range", "integer") and the reason
 * "Geef een geheel getal van MIN tot en met MAX.". Returns ST_INVALID.
 */
enum status text_int_problem(const char *field, const char *code, int64_t min,
			     int64_t max, struct err *e);

/*
 * A whole number that is already a number (from JSON, or computed):
 * ST_OK when min <= v <= max, else text_int_problem with code "range".
 */
enum status text_check_int(int64_t v, const char *field, int64_t min,
			   int64_t max, struct err *e);

/* The longest text text_distance compares, in characters. */
#define TEXT_DISTANCE_MAX 64

/*
 * The edit distance between two UTF-8 texts in characters
 * (Damerau-Levenshtein, optimal string alignment): inserting, removing or
 * replacing a character, or swapping two adjacent ones, counts one. NULL
 * counts as "". SIZE_MAX when either has more than TEXT_DISTANCE_MAX
 * characters.
 */
size_t text_distance(const char *a, const char *b);

/*
 * Of the n texts in `candidates`, the index of the one nearest to `s`
 * at a distance of at most `max` (the first of equals), or n when none is
 * that near.
 */
size_t text_nearest(const char *s, const char *const *candidates, size_t n,
		    size_t max);

#endif

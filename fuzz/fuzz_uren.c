/*
 * fuzz_uren.c - the field parsers of the hours import (src/core/uren.c).
 *
 * Input: bytes. Checks:
 *  - uren_tekst either refuses (with one problem under "bestand") or gives
 *    valid UTF-8 of the promised length without NUL (terminated when it
 *    was converted), and for valid UTF-8 input without BOM the input
 *    itself;
 *  - uren_separator on that text is 0, ';' or ',';
 *  - the first line (up to 16 bytes) as hours: accepted values lie in
 *    (0, 2400] hundredths, and formatting them back as "H,HH" parses to
 *    the same value; refusals name the field;
 *  - the same line as a day and as an ISO week: accepted days format to a
 *    real date; accepted weeks start on a Monday;
 *  - the text read as an hours CSV: accepted files have rows on increasing
 *    lines within the file, every known column either absent or a string;
 *    refusals list at least one problem.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "fuzz.h"
#include "../src/core/text.h"
#include "../src/core/uren.h"
#include "../src/core/uren_csv.h"
#include "../src/banned.h"

static void
lees_csv(struct arena *a, const char *text, size_t n)
{
	struct csv_tabel csv;
	struct err e;
	size_t lines = 1;

	for (size_t i = 0; i < n; i++)
		lines += text[i] == '\n' ||
			 (text[i] == '\r' && i + 1 < n && text[i + 1] != '\n');
	err_clear(&e);
	if (uren_csv_lees(a, text, n, &csv, &e) == ST_OK) {
		FUZZ_CHECK(csv.nrijen > 0);
		FUZZ_CHECK(csv.separator == ';' || csv.separator == ',');
		for (size_t i = 0; i < csv.nrijen; i++) {
			FUZZ_CHECK(csv.rijen[i].regel >= 2);
			FUZZ_CHECK(csv.rijen[i].regel <= lines);
			FUZZ_CHECK(i == 0 ||
				   csv.rijen[i].regel > csv.rijen[i - 1].regel);
			for (int k = 0; k < KOLOM_AANTAL; k++)
				FUZZ_CHECK(!csv.rijen[i].veld[k] ||
					   strlen(csv.rijen[i].veld[k]) < n);
		}
	} else {
		FUZZ_CHECK(e.status != ST_INVALID || e.nproblems > 0);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct err e;
	enum uren_encoding enc;
	const char *text;
	size_t n;
	char field[17], back[16];
	int32_t h, h2;
	day_t d;

	arena_init(&a, 64u << 20);
	err_clear(&e);
	if (uren_tekst(&a, (const char *)data, size, &enc, &text, &n, &e) ==
	    ST_OK) {
		FUZZ_CHECK(memchr(text, '\0', n) == NULL);
		FUZZ_CHECK(text_utf8_valid(text, n));
		if (enc == UREN_CP1252)
			FUZZ_CHECK(text[n] == '\0');
		if (enc == UREN_UTF8)
			FUZZ_CHECK(n == size && memcmp(text, data, size) == 0);
		char sep = uren_separator(text, n);
		FUZZ_CHECK(sep == 0 || sep == ';' || sep == ',');
		lees_csv(&a, text, n);
	} else {
		FUZZ_CHECK(e.nproblems == 1);
		FUZZ_CHECK(strcmp(e.problems[0].name, "bestand") == 0);
	}

	n = 0;
	while (n < size && n < 16 && data[n] && data[n] != '\n')
		n++;
	memcpy(field, data, n);
	field[n] = '\0';

	err_clear(&e);
	if (uren_parse_uren(field, "uren", &h, &e) == ST_OK) {
		FUZZ_CHECK(h > 0 && h <= UREN_MAX_PER_DAG);
		snprintf(back, sizeof(back), "%d,%02d", (int)(h / 100),
			 (int)(h % 100));
		err_clear(&e);
		FUZZ_CHECK(uren_parse_uren(back, "uren", &h2, &e) == ST_OK);
		FUZZ_CHECK(h2 == h);
	} else {
		FUZZ_CHECK(e.nproblems == 1 &&
			   strcmp(e.problems[0].name, "uren") == 0);
	}
	err_clear(&e);
	if (uren_parse_datum(field, "datum", &d, &e) == ST_OK) {
		int y, m, dd;
		date_to_ymd(d, &y, &m, &dd);
		FUZZ_CHECK(date_valid_ymd(y, m, dd));
	}
	err_clear(&e);
	if (uren_parse_week(field, "week", &d, &e) == ST_OK)
		FUZZ_CHECK(date_weekday(d) == 0);
	arena_free(&a);
	return 0;
}

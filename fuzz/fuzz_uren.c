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
 *    refusals list at least one problem;
 *  - the bytes checked against a small register (uren_import_controleer):
 *    accepted files keep every row with hours in (0, 24] (weeks 168), the
 *    rows, the cells and the total all sum to the same hundredths, and no
 *    person has more than 24 hours on a day; refused files keep nothing
 *    and list at least one problem, each on a line of the file.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "fuzz.h"
#include "../src/core/text.h"
#include "../src/core/uren.h"
#include "../src/core/uren_csv.h"
#include "../src/core/uren_import.h"
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

/* Two municipalities, a shared and an own unit, two staff members. */
static const struct organisatie gemeenten[] = {
	{ .code = "GM0397", .naam = "Heemstede" },
	{ .code = "GM0377", .naam = "Bloemendaal" },
};
static const struct lidmaatschap leden[] = {
	{ .gemeente = "GM0397", .periode = { 0, DATE_NONE } },
	{ .gemeente = "GM0377", .periode = { 0, DATE_NONE } },
};
static const struct inrichting gedeeld[] = {
	{ .periode = { 0, DATE_NONE }, .vorm = VORM_GEDEELD },
};
static const struct inrichting eigen[] = {
	{ .periode = { 0, DATE_NONE },
	  .vorm = VORM_EIGEN,
	  .gemeente = "GM0397" },
};
static const struct uren_eenheid eenheden[] = {
	{ .code = "com",
	  .samenwerking = "HB",
	  .inrichting = gedeeld,
	  .ninrichting = 1 },
	{ .code = "ruimte",
	  .samenwerking = "HB",
	  .inrichting = eigen,
	  .ninrichting = 1 },
};
static const struct uren_samenwerking samenwerkingen[] = {
	{ .code = "HB", .leden = leden, .nleden = 2 },
};
static const struct uren_medewerker medewerkers[] = {
	{ .samenwerking = "HB",
	  .nummer = "M1",
	  .periode = { DATE_NONE, DATE_NONE } },
	{ .samenwerking = "HB", .nummer = "M2", .periode = { 0, DATE_NONE } },
};
static const struct taakveld taakvelden[] = {
	{ .code = "0.1" },
	{ .code = "6.71a", .eerste_jaar = 2023, .laatste_jaar = 2024 },
};

static void
controleer(const uint8_t *data, size_t size)
{
	static const struct uren_register reg = {
		.gemeenten = gemeenten,
		.ngemeenten = 2,
		.eenheden = eenheden,
		.neenheden = 2,
		.samenwerkingen = samenwerkingen,
		.nsamenwerkingen = 1,
		.medewerkers = medewerkers,
		.nmedewerkers = 2,
		.taakvelden = taakvelden,
		.ntaakvelden = 2,
	};
	struct uren_opties o = { .nieuwe_medewerkers = size % 2 == 0 };
	struct uren_resultaat r;
	struct arena a;
	struct err e;
	size_t lines = 1;

	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n' || data[i] == '\r';
	arena_init(&a, 64u << 20);
	err_clear(&e);
	if (uren_import_controleer(&a, &reg, (const char *)data, size, &o, &r,
				   &e) == ST_OK) {
		int64_t rijen = 0, cellen = 0;

		FUZZ_CHECK(r.nboekingen > 0 && r.nproblemen == 0);
		for (size_t i = 0; i < r.nboekingen; i++) {
			const struct uren_boeking *b = &r.boekingen[i];

			FUZZ_CHECK(b->honderdsten > 0);
			FUZZ_CHECK(b->honderdsten <=
				   (b->week ? 7 : 1) * UREN_MAX_PER_DAG);
			FUZZ_CHECK(b->eenheid < 2 && b->gemeente < 2);
			FUZZ_CHECK(b->medewerker < 2 + r.nnieuw);
			rijen += b->honderdsten;
			/* No person over 24 hours on a day (quadratic, but
			   fuzz inputs are small). */
			if (!b->week) {
				int64_t dag = 0;

				for (size_t j = 0; j < r.nboekingen; j++)
					if (!r.boekingen[j].week &&
					    r.boekingen[j].medewerker ==
						    b->medewerker &&
					    r.boekingen[j].dag == b->dag)
						dag += r.boekingen[j]
							       .honderdsten;
				FUZZ_CHECK(dag <= UREN_MAX_PER_DAG);
			}
		}
		for (size_t i = 0; i < r.ncellen; i++)
			cellen += r.cellen[i].honderdsten;
		FUZZ_CHECK(rijen == r.honderdsten && cellen == r.honderdsten);
		FUZZ_CHECK(strlen(r.hash) == 64);
	} else if (e.status == ST_INVALID) {
		FUZZ_CHECK(r.nboekingen == 0 && r.ncellen == 0 &&
			   r.nnieuw == 0);
		FUZZ_CHECK(r.nproblemen + r.nweggelaten > 0);
		for (size_t i = 0; i < r.nproblemen; i++)
			FUZZ_CHECK(r.problemen[i].regel <= lines + 1 &&
				   r.problemen[i].melding);
	}
	arena_free(&a);
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
	controleer(data, size);
	return 0;
}

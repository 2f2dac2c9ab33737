/*
 * test_uren.c - the fields of an hours export, exactly as docs/hours-file.md says.
 */
#include <string.h>

#include "../test.h"
#include "../../src/core/uren.h"

static void
test_hours(void **state)
{
	static const struct {
		const char *text;
		int32_t want; /* hundredths; 0: refused */
		const char *code; /* problem code when refused */
	} cases[] = {
		{ "7,5", 750, NULL },	  { "7.5", 750, NULL },
		{ "7:30", 750, NULL },	  { "8", 800, NULL },
		{ "0,25", 25, NULL },	  { "7,25", 725, NULL },
		{ "7,500", 750, NULL },	  { "7:20", 733, NULL },
		{ "7:40", 767, NULL },	  { "0:03", 5, NULL },
		{ "24", 2400, NULL },	  { "24:00", 2400, NULL },
		{ "0,01", 1, NULL },	  { "", 0, "required" },
		{ "0", 0, "range" },	  { "0,00", 0, "range" },
		{ "24,5", 0, "range" },	  { "25", 0, "range" },
		{ "24:30", 0, "range" },  { "7,505", 0, "precision" },
		{ "7:60", 0, "format" },  { "7:5", 0, "format" },
		{ "-1", 0, "format" },	  { "7,5u", 0, "format" },
		{ "zeven", 0, "format" }, { "7,", 0, "format" },
		{ ",5", 0, "format" },	  { "1.000", 100, NULL },
		{ "7,5,5", 0, "format" }, { "99999999999999", 0, "format" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct err e;
		int32_t got = -1;

		print_message("# uren '%s'\n", cases[i].text);
		err_clear(&e);
		if (!cases[i].code) {
			assert_int_equal(uren_parse_uren(cases[i].text, "uren",
							 &got, &e),
					 ST_OK);
			assert_int_equal(got, cases[i].want);
		} else {
			assert_int_equal(uren_parse_uren(cases[i].text, "uren",
							 &got, &e),
					 ST_INVALID);
			assert_only_problem(&e, "uren", cases[i].code);
		}
	}
}

static void
test_dates_and_weeks(void **state)
{
	static const struct {
		const char *text, *want; /* want NULL: refused */
	} dates[] = {
		{ "2024-03-05", "2024-03-05" },
		{ "5-3-2024", "2024-03-05" },
		{ "05-03-2024", "2024-03-05" },
		{ "29-2-2024", "2024-02-29" },
		{ "29-2-2023", NULL },
		{ "5/3/2024", NULL },
		{ "5-3-24", NULL },
		{ "2024-3-5", NULL },
		{ "", NULL },
		{ "32-1-2024", NULL },
	};
	static const struct {
		const char *text, *monday;
	} weeks[] = {
		{ "2024-W10", "2024-03-04" }, { "2024-W01", "2024-01-01" },
		{ "2021-W01", "2021-01-04" }, { "2020-W53", "2020-12-28" },
		{ "2021-W53", NULL },	      { "2024-W00", NULL },
		{ "2024-10", NULL },	      { "2024-w10", NULL },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		struct err e;
		day_t d;

		print_message("# datum '%s'\n", dates[i].text);
		err_clear(&e);
		if (dates[i].want) {
			assert_int_equal(uren_parse_datum(dates[i].text,
							  "datum", &d, &e),
					 ST_OK);
			assert_int_equal(d, D(dates[i].want));
		} else {
			assert_int_equal(uren_parse_datum(dates[i].text,
							  "datum", &d, &e),
					 ST_INVALID);
			assert_string_equal(e.problems[0].name, "datum");
		}
	}
	for (size_t i = 0; i < sizeof(weeks) / sizeof(weeks[0]); i++) {
		struct err e;
		day_t d;

		print_message("# week '%s'\n", weeks[i].text);
		err_clear(&e);
		if (weeks[i].monday) {
			assert_int_equal(
				uren_parse_week(weeks[i].text, "week", &d, &e),
				ST_OK);
			assert_int_equal(d, D(weeks[i].monday));
			assert_int_equal(date_weekday(d), 0);
		} else {
			assert_int_equal(
				uren_parse_week(weeks[i].text, "week", &d, &e),
				ST_INVALID);
		}
	}
}

static void
test_encoding(void **state)
{
	struct arena a;
	struct err e;
	enum uren_encoding enc;
	const char *out;
	size_t n;
	/* "Bloemendaal;é;€" in Windows-1252 */
	const char cp[] = "Bloemendaal;\xE9;\x80";
	const char bom[] = "\xEF\xBB\xBFmedewerker;uren";
	const char bin[] = { 'P', 'K', 3, 4, 0, 'x' };

	(void)state;
	arena_init(&a, 1 << 20);
	err_clear(&e);
	assert_int_equal(uren_tekst(&a, "a;b", 3, &enc, &out, &n, &e), ST_OK);
	assert_int_equal(enc, UREN_UTF8);
	assert_int_equal(uren_tekst(&a, bom, strlen(bom), &enc, &out, &n, &e),
			 ST_OK);
	assert_int_equal(enc, UREN_UTF8_BOM);
	assert_string_equal(out, "medewerker;uren");
	assert_int_equal(uren_tekst(&a, cp, strlen(cp), &enc, &out, &n, &e),
			 ST_OK);
	assert_int_equal(enc, UREN_CP1252);
	assert_string_equal(out, "Bloemendaal;\xC3\xA9;\xE2\x82\xAC");
	assert_int_equal(n, strlen(out));
	/* 0x81 is not a Windows-1252 character. */
	assert_int_equal(uren_tekst(&a, "x\x81", 2, &enc, &out, &n, &e),
			 ST_INVALID);
	assert_only_problem(&e, "bestand", "encoding");
	err_clear(&e);
	assert_int_equal(uren_tekst(&a, bin, sizeof(bin), &enc, &out, &n, &e),
			 ST_INVALID);
	assert_only_problem(&e, "bestand", "binary");
	arena_free(&a);
}

static void
test_separator(void **state)
{
	(void)state;
	assert_int_equal(uren_separator("medewerker;datum;uren", 21), ';');
	assert_int_equal(uren_separator("medewerker,datum,uren\r\n", 23), ',');
	assert_int_equal(uren_separator("\"a;b\",c,d", 9), ',');
	assert_int_equal(uren_separator("a;b,c", 5), ';');
	assert_int_equal(uren_separator("alleen\na;b", 10), 0);
	assert_int_equal(uren_separator("", 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hours),
		cmocka_unit_test(test_dates_and_weeks),
		cmocka_unit_test(test_encoding),
		cmocka_unit_test(test_separator),
	};
	return RUN_TESTS(tests);
}

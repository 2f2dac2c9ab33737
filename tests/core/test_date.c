/*
 * test_date.c - calendar dates, Dutch formatting and the Amsterdam clock.
 */
#include "../test.h"
#include "../../src/core/date.h"

static void
test_parse_valid(void **state)
{
	static const struct {
		const char *text;
		int y, m, d;
	} cases[] = {
		{ "2021-04-22", 2021, 4, 22 },	{ "2000-02-29", 2000, 2, 29 },
		{ "2024-02-29", 2024, 2, 29 },	{ "1970-01-01", 1970, 1, 1 },
		{ "1000-01-01", 1000, 1, 1 },	{ "9999-12-31", 9999, 12, 31 },
		{ "2013-12-31", 2013, 12, 31 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		day_t d;
		int y, m, dd;

		assert_int_equal(date_parse(cases[i].text, &d), 0);
		date_to_ymd(d, &y, &m, &dd);
		assert_int_equal(y, cases[i].y);
		assert_int_equal(m, cases[i].m);
		assert_int_equal(dd, cases[i].d);
		assert_int_equal(d, date_from_ymd(y, m, dd));
	}
}

static void
test_parse_invalid(void **state)
{
	static const char *const cases[] = {
		"",
		"2021-4-22",
		"2021-04-2",
		"2021/04/22",
		"2021-02-29",
		"1900-02-29",
		"2021-13-01",
		"2021-00-10",
		"2021-04-31",
		"2021-04-00",
		" 2021-04-22",
		"2021-04-22 ",
		"2021-04-22T00:00",
		"0999-12-31",
		"abcd-ef-gh",
		"2021-0a-01",
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		day_t d = 42;

		assert_int_equal(date_parse(cases[i], &d), -1);
		assert_int_equal(d, 42); /* untouched */
	}
	assert_int_equal(date_parse(NULL, NULL), -1);
}

static void
test_day_numbers(void **state)
{
	(void)state;
	assert_int_equal(D("1970-01-01"), 0);
	assert_int_equal(D("1970-01-02"), 1);
	assert_int_equal(D("1969-12-31"), -1);
	assert_int_equal(D("2021-04-22") - D("2021-03-01"), 52);
	assert_int_equal(D("2025-01-01") - D("2024-01-01"), 366);
}

static void
test_format(void **state)
{
	char buf[32];
	static const struct {
		const char *iso, *nl;
	} cases[] = {
		{ "2021-04-22", "22 april 2021" },
		{ "2021-05-27", "27 mei 2021" },
		{ "2013-01-01", "1 januari 2013" },
		{ "2019-12-19", "19 december 2019" },
		{ "2008-03-05", "5 maart 2008" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		date_format_nl(D(cases[i].iso), buf, sizeof(buf));
		assert_string_equal(buf, cases[i].nl);
		date_format_iso(D(cases[i].iso), buf);
		assert_string_equal(buf, cases[i].iso);
	}
	date_format_nl(DATE_NONE, buf, sizeof(buf));
	assert_string_equal(buf, "");
	date_format_nl(D("2021-04-22"), buf, 6); /* truncates safely */
	assert_string_equal(buf, "22 ap");
}

static void
test_weekday(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(D("2021-04-22")), 3); /* Thursday */
	assert_int_equal(date_weekday(D("2026-11-22")), 6); /* Sunday */
	assert_int_equal(date_weekday(D("1970-01-01")), 3);
	assert_int_equal(date_weekday(D("1969-12-29")), 0); /* Monday */
}

/* Seconds since the epoch of a UTC wall time. */
static int64_t
utc(const char *iso, int h, int m)
{
	return (int64_t)D(iso) * 86400 + h * 3600 + m * 60;
}

static void
test_amsterdam(void **state)
{
	static const struct {
		const char *iso;
		int h, m;
		int offset;
		const char *local_date;
	} cases[] = {
		/* 2021: summer time from 28 March 01:00 UTC to 31 Oct 01:00 UTC */
		{ "2021-03-28", 0, 59, 3600, "2021-03-28" },
		{ "2021-03-28", 1, 0, 7200, "2021-03-28" },
		{ "2021-10-31", 0, 59, 7200, "2021-10-31" },
		{ "2021-10-31", 1, 0, 3600, "2021-10-31" },
		/* Late evening UTC is already tomorrow in Amsterdam. */
		{ "2021-06-30", 22, 30, 7200, "2021-07-01" },
		{ "2021-12-31", 23, 0, 3600, "2022-01-01" },
		{ "2021-12-31", 22, 59, 3600, "2021-12-31" },
		/* 2026: 29 March and 25 October */
		{ "2026-03-29", 1, 0, 7200, "2026-03-29" },
		{ "2026-10-25", 1, 0, 3600, "2026-10-25" },
		{ "2026-11-22", 12, 0, 3600, "2026-11-22" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int64_t t = utc(cases[i].iso, cases[i].h, cases[i].m);

		assert_int_equal(date_amsterdam_offset(t), cases[i].offset);
		assert_int_equal(date_amsterdam_today(t),
				 D(cases[i].local_date));
	}
}

/* Instants: an offset, Z, or a bare day (noon in Amsterdam). */
static void
test_instant(void **state)
{
	static const struct {
		const char *in;
		const char *utc; /* NULL: refused */
	} cases[] = {
		{ "2026-11-22T10:30:00+01:00", "2026-11-22T09:30:00Z" },
		{ "2026-11-22T09:30:00Z", "2026-11-22T09:30:00Z" },
		{ "2026-07-01T00:15:00+02:00", "2026-06-30T22:15:00Z" },
		{ "2028-02-29T23:59:59-05:30", "2028-03-01T05:29:59Z" },
		{ "2026-11-22", "2026-11-22T11:00:00Z" }, /* winter */
		{ "2026-07-01", "2026-07-01T10:00:00Z" }, /* summer */
		{ "2027-03-28", "2027-03-28T10:00:00Z" }, /* DST Sunday */
		{ "1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z" },
		{ "2026-11-22T24:00:00Z", NULL },
		{ "2026-11-22T10:60:00Z", NULL },
		{ "2026-02-29T10:00:00Z", NULL },
		{ "2026-11-22 10:30:00Z", NULL },
		{ "2026-11-22T10:30:00", NULL },
		{ "2026-11-22T10:30:00+15:00", NULL },
		{ "2026-11-22T10:30:00+01:60", NULL },
		{ "2026-11-22T10:30:00+0100", NULL },
		{ "", NULL },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int64_t t = -1;
		char buf[INSTANT_ISO_LEN];

		if (!cases[i].utc) {
			assert_int_equal(date_parse_instant(cases[i].in, &t),
					 -1);
			assert_int_equal(t, -1);
			continue;
		}
		assert_int_equal(date_parse_instant(cases[i].in, &t), 0);
		date_format_instant(t, buf);
		assert_string_equal(buf, cases[i].utc);
	}
	assert_int_equal(date_parse_instant(NULL, &(int64_t){ 0 }), -1);
}

/* Instants as people read them: Amsterdam time, to the minute. */
static void
test_moment_nl(void **state)
{
	static const struct {
		const char *in;
		const char *nl;
	} cases[] = {
		{ "2026-12-02T02:38:17Z", "2 december 2026, 03:38" },
		{ "2026-12-02T02:38:59Z", "2 december 2026, 03:38" },
		/* Summer time begins: 01:59 winter, then 03:00 summer. */
		{ "2026-03-29T00:59:59Z", "29 maart 2026, 01:59" },
		{ "2026-03-29T01:00:00Z", "29 maart 2026, 03:00" },
		/* and ends: 02:59 summer, then 02:00 winter again. */
		{ "2026-10-25T00:59:00Z", "25 oktober 2026, 02:59" },
		{ "2026-10-25T01:00:00Z", "25 oktober 2026, 02:00" },
		{ "2026-07-01T22:15:00Z", "2 juli 2026, 00:15" },
		{ "2026-12-31T23:30:00Z", "1 januari 2027, 00:30" },
		{ "2026-12-31T22:59:59Z", "31 december 2026, 23:59" },
		{ "1970-01-01T00:00:00Z", "1 januari 1970, 01:00" },
	};
	char buf[DATE_MOMENT_NL_LEN];
	int64_t t = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(date_parse_instant(cases[i].in, &t), 0);
		date_format_moment_nl(t, buf, sizeof(buf));
		assert_string_equal(buf, cases[i].nl);
	}
	assert_int_equal(date_parse_instant("2026-09-30T21:59:00Z", &t), 0);
	date_format_moment_nl(t, buf, sizeof(buf));
	assert_string_equal(buf, "30 september 2026, 23:59");
	assert_true(strlen(buf) < DATE_MOMENT_NL_LEN);
	date_format_moment_nl(t, buf, 6); /* truncates safely */
	assert_string_equal(buf, "30 se");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_valid),
		cmocka_unit_test(test_parse_invalid),
		cmocka_unit_test(test_day_numbers),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_amsterdam),
		cmocka_unit_test(test_instant),
		cmocka_unit_test(test_moment_nl),
	};
	return RUN_TESTS(tests);
}

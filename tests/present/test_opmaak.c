/*
 * test_opmaak.c - the figures as people read them on pages and in the
 * terminal: counts, amounts, hours, percentages, audit outcomes, and the
 * helpers that lay out a chart's axis and labels.
 */
#include "../test.h"
#include "../../src/core/uren_verdeling.h"
#include "../../src/present/kostenverdeling.h"
#include "../../src/present/present.h"
#include "../../src/present/uren.h"

static void
test_getal(void **state)
{
	static const struct {
		long long v;
		const char *nl;
	} cases[] = {
		{ 0, "0" },
		{ 7, "7" },
		{ 999, "999" },
		{ 1000, "1.000" },
		{ 9878, "9.878" },
		{ 123456, "123.456" },
		{ 1234567, "1.234.567" },
		{ -1, "-1" },
		{ -9878, "-9.878" },
		{ -100000, "-100.000" },
		{ 9223372036854775807LL, "9.223.372.036.854.775.807" },
		{ -9223372036854775807LL - 1, "-9.223.372.036.854.775.808" },
	};
	char buf[40];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		present_getal_nl(cases[i].v, buf, sizeof(buf));
		assert_string_equal(buf, cases[i].nl);
	}
}

/* One convention for a negative amount: the minus sign before the euro
 * sign. */
static void
test_bedrag(void **state)
{
	static const struct {
		int64_t cent;
		const char *nl;
	} cases[] = {
		{ 0, "€ 0,00" },
		{ 5, "€ 0,05" },
		{ 100, "€ 1,00" },
		{ 123456, "€ 1.234,56" },
		{ 581446846, "€ 5.814.468,46" },
		{ -5, "-€ 0,05" },
		{ -123456, "-€ 1.234,56" },
		{ -386856819, "-€ 3.868.568,19" },
		{ 99999999999999, "€ 999.999.999.999,99" },
	};
	char buf[48];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		present_bedrag_nl(cases[i].cent, buf, sizeof(buf));
		assert_string_equal(buf, cases[i].nl);
	}
	present_breuk_nl("-1/2", buf, sizeof(buf));
	assert_string_equal(buf, "-€ 0,005");
	present_breuk_nl("1250/1", buf, sizeof(buf));
	assert_string_equal(buf, "€ 12,50");
}

static void
test_uren(void **state)
{
	static const struct {
		int64_t h;
		const char *nl;
	} cases[] = {
		{ 0, "0,00" },		{ 50, "0,50" },
		{ 987800, "9.878,00" }, { 123456789, "1.234.567,89" },
		{ -50, "-0,50" },	{ -987825, "-9.878,25" },
	};
	char buf[48];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		present_uren_nl(cases[i].h, buf, sizeof(buf));
		assert_string_equal(buf, cases[i].nl);
	}
	uren_format_procent(1234, false, buf, sizeof(buf));
	assert_string_equal(buf, "12,34 %");
	uren_format_procent(0, true, buf, sizeof(buf));
	assert_string_equal(buf, "0,00");
	uren_format_procent(-105, true, buf, sizeof(buf));
	assert_string_equal(buf, "-1,05");
	uren_format_procent(105, true, buf, sizeof(buf));
	assert_string_equal(buf, "+1,05");
}

static void
test_uitkomst(void **state)
{
	static const struct {
		int code;
		const char *nl;
	} cases[] = {
		{ 200, "gelukt" },
		{ 201, "gelukt" },
		{ 204, "gelukt" },
		{ 303, "gelukt" },
		{ 400, "afgewezen: onjuiste invoer" },
		{ 401, "niet ingelogd" },
		{ 403, "geweigerd" },
		{ 404, "niet gevonden" },
		{ 409, "afgewezen: botst met de bestaande gegevens" },
		{ 429, "geweigerd: te vaak geprobeerd" },
		{ 500, "mislukt door een storing" },
		{ 418, "code 418" },
		{ 0, "code 0" },
	};
	char buf[32];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(
			present_uitkomst_nl(cases[i].code, buf, sizeof(buf)),
			cases[i].nl);
}

static void
test_as(void **state)
{
	(void)state;
	assert_int_equal(present_as_stap(0, 5), 1);
	assert_int_equal(present_as_stap(4, 5), 1);
	assert_int_equal(present_as_stap(10, 5), 2);
	assert_int_equal(present_as_stap(11, 5), 5);
	assert_int_equal(present_as_stap(98780, 4), 50000);
	assert_int_equal(present_as_stap(100000, 4), 50000);
	assert_int_equal(present_as_stap(581446846, 5), 200000000);
	assert_int_equal(present_as_stap(581446846, 1), 1000000000);
	assert_int_equal(present_as_stap(7, 0), 10);
}

static void
test_tekst_px(void **state)
{
	(void)state;
	assert_int_equal(present_tekst_px("", 14), 0);
	assert_int_equal(present_tekst_px(NULL, 14), 0);
	/* 14 characters (the euro sign is one) at 14 px: 137.2 -> 138 */
	assert_int_equal(present_tekst_px("€ 5.814.468,46", 14), 138);
	assert_int_equal(present_tekst_px("Bloemendaal", 10), 77);
}

/* A comparison reads from old to new, with the calculations named. */
static void
test_vergelijk_namen(void **state)
{
	struct kostenverdeling j23 = { .id = 1, .jaar = 2023 },
			       j24 = { .id = 4, .jaar = 2024 },
			       vast = { .id = 6,
					.jaar = 2024,
					.vastgesteld = "2026-12-02T02:38:17Z" },
			       sc = { .id = 3,
				      .jaar = 2024,
				      .scenario = "Loket eigen" };
	char buf[64];

	(void)state;
	assert_true(kv_eerder(&j23, &j24));
	assert_false(kv_eerder(&j24, &j23));
	assert_true(kv_eerder(&j24, &vast)); /* computed first */
	assert_false(kv_eerder(&vast, &j24));
	assert_true(kv_eerder(&vast, &sc)); /* the year before a scenario */
	assert_false(kv_eerder(&sc, &j24));
	assert_true(kv_eerder(
		&sc, &(struct kostenverdeling){ .id = 1, .jaar = 2025 }));
	kv_naam_nl(&j23, buf, sizeof buf);
	assert_string_equal(buf, "2023 berekening 1");
	kv_naam_nl(&vast, buf, sizeof buf);
	assert_string_equal(buf, "2024 vastgesteld");
	kv_naam_nl(&sc, buf, sizeof buf);
	assert_string_equal(buf, "2024 scenario Loket eigen");
}

/* Rounding said plainly: no "hoogstens 0 cent", no "-1 cent af". */
static void
test_afronding(void **state)
{
	char buf[128];

	(void)state;
	kv_afronding_nl(0, buf, sizeof buf);
	assert_string_equal(
		buf, "geen gemeente wijkt daardoor af van haar exacte totaal");
	kv_afronding_nl(1, buf, sizeof buf);
	assert_string_equal(buf, "een gemeente wijkt daardoor hoogstens 1 "
				 "cent af van haar exacte totaal");
	kv_afronding_nl(1200, buf, sizeof buf);
	assert_string_equal(buf, "een gemeente wijkt daardoor hoogstens "
				 "1.200 cent af van haar exacte totaal");
	kv_afwijking_nl(0, buf, sizeof buf);
	assert_string_equal(buf, "dat maakt geen verschil");
	kv_afwijking_nl(-1, buf, sizeof buf);
	assert_string_equal(buf, "de bijdrage is 1 cent lager");
	kv_afwijking_nl(2, buf, sizeof buf);
	assert_string_equal(buf, "de bijdrage is 2 cent hoger");
}

/* A share as a percentage: tenths of a percent from the exact fraction,
 * half away from zero, in integers; Dutch text with a comma. */
static void
test_procent(void **state)
{
	static const struct {
		int64_t deel, geheel, promille;
		const char *nl;
	} cases[] = {
		{ 1, 8, 125, "12,5 %" },
		{ 1, 3, 333, "33,3 %" },
		{ 2, 3, 667, "66,7 %" },
		{ 1, 1, 1000, "100,0 %" },
		{ 0, 7, 0, "0,0 %" },
		/* Exactly half a tenth rounds up, just under it down. */
		{ 1, 2000, 1, "0,1 %" },
		{ 999, 2000000, 0, "minder dan 0,1 %" },
		{ 1001, 2000000, 1, "0,1 %" },
		{ 124, 1000, 124, "12,4 %" },
		/* Amounts in cents, and shares just under and over half a
		 * tenth. */
		{ 581446846, 1304000000, 446, "44,6 %" },
		{ 4995, 10000000, 0, "minder dan 0,1 %" },
		{ 49995, 10000000, 5, "0,5 %" },
		/* Signs: income of a department with costs, income over
		 * income. */
		{ -1, 8, -125, "-12,5 %" },
		{ 1, -8, -125, "-12,5 %" },
		{ -312250, -624500, 500, "50,0 %" },
		{ -1, 2000, -1, "-0,1 %" },
		{ -1, 3000, 0, "minder dan 0,1 %" },
		/* More than the whole: a share of a total that income made
		 * small. */
		{ 3, 2, 1500, "150,0 %" },
		/* The extremes of int64 still count exactly. */
		{ INT64_MAX, INT64_MAX, 1000, "100,0 %" },
		{ INT64_MIN, INT64_MAX, -1000, "-100,0 %" },
		{ 1, INT64_MAX, 0, "minder dan 0,1 %" },
		{ INT64_MAX / 2, INT64_MAX, 500, "50,0 %" },
	};
	char buf[48];
	int64_t pm;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		pm = -7;
		assert_int_equal(
			kv_promille(cases[i].deel, cases[i].geheel, &pm), 0);
		assert_int_equal(pm, cases[i].promille);
		assert_int_equal(kv_aandeel_nl(cases[i].deel, cases[i].geheel,
					       buf, sizeof(buf)),
				 0);
		assert_string_equal(buf, cases[i].nl);
	}
	/* Nothing to take a share of. */
	pm = -7;
	assert_int_equal(kv_promille(5, 0, &pm), -1);
	assert_int_equal(pm, -7);
	strcpy(buf, "x");
	assert_int_equal(kv_aandeel_nl(5, 0, buf, sizeof(buf)), -1);
	assert_string_equal(buf, "");
	/* Too large to count in tenths of a percent. */
	assert_int_equal(kv_promille(INT64_MAX, 1, &pm), -1);
	assert_int_equal(pm, -7);

	/* Fractions of one as in matrix B. */
	static const struct {
		const char *pq;
		int64_t promille;
	} breuken[] = {
		{ "15/52", 288 },
		{ "7/26", 269 },
		{ "23/52", 442 },
		{ "1", 1000 },
		{ "0", 0 },
		{ "1/2000", 1 },
		{ "-1/8", -125 },
		{ "30/104", 288 },
		{ "257889636394980889299/44353088832", 5814468466262 },
	};
	for (size_t i = 0; i < sizeof(breuken) / sizeof(breuken[0]); i++) {
		pm = -7;
		assert_int_equal(kv_promille_breuk(breuken[i].pq, &pm), 0);
		assert_int_equal(pm, breuken[i].promille);
	}
	pm = -7;
	assert_int_equal(kv_promille_breuk("1/0", &pm), -1);
	assert_int_equal(kv_promille_breuk("een derde", &pm), -1);
	assert_int_equal(kv_promille_breuk(NULL, &pm), -1);
	assert_int_equal(kv_promille_breuk("99999999999999999999999/1", &pm),
			 -1);
	assert_int_equal(pm, -7);

	kv_procent_nl(124, buf, sizeof(buf));
	assert_string_equal(buf, "12,4 %");
	kv_procent_nl(-5, buf, sizeof(buf));
	assert_string_equal(buf, "-0,5 %");
	kv_procent_nl(12345, buf, sizeof(buf));
	assert_string_equal(buf, "1234,5 %");
	kv_procent_nl(INT64_MIN, buf, sizeof(buf));
	assert_string_equal(buf, "-922337203685477580,8 %");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_getal),
		cmocka_unit_test(test_bedrag),
		cmocka_unit_test(test_procent),
		cmocka_unit_test(test_uren),
		cmocka_unit_test(test_uitkomst),
		cmocka_unit_test(test_as),
		cmocka_unit_test(test_tekst_px),
		cmocka_unit_test(test_vergelijk_namen),
		cmocka_unit_test(test_afronding),
	};
	return RUN_TESTS(tests);
}

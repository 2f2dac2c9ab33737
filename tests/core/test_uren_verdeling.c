/*
 * test_uren_verdeling.c - the totals of booked hours per unit, period and
 * municipality, and the urenverdeling (src/core/uren_verdeling.h): exact
 * rows and shares for given months, the periods at the edges of the year,
 * rounding half up, zero hours, no hours, and running out of memory.
 * Hours come by month, so no day of the calendar (nor a leap year) plays
 * a part.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../test.h"
#include "../../src/core/uren_verdeling.h"

#define AANTAL(x) (sizeof(x) / sizeof((x)[0]))

/* A month of hours as the store sums it: municipality, unit, year, month,
 * hundredths. The names follow from the codes. */
#define MAAND(g, e, j, m, h)                                                 \
	{                                                                    \
		.gemeente = g, .gemeente_naam = "Gemeente " g, .eenheid = e, \
		.eenheid_naam = "Eenheid " e, .jaar = j, .maand = m,         \
		.honderdsten = h, .rijen = 1                                 \
	}

/* What one row of totals must be. */
struct regel_verwacht {
	const char *eenheid;
	int periode;
	const char *gemeente;
	int64_t honderdsten;
	int32_t aandeel;
};

/* What one municipality's share must be. */
struct aandeel_verwacht {
	const char *gemeente;
	int64_t honderdsten;
	int32_t aandeel;
	bool vorig_bekend;
	int64_t vorig;
	int32_t vorig_aandeel;
	int32_t verschil;
};

static void
regels_zijn(const struct uren_verdeling *v, const struct regel_verwacht *w,
	    size_t n)
{
	char naam[64];

	for (size_t i = 0; i < v->nregels; i++)
		print_message("# regel %zu: %s %d %s %lld %d\n", i,
			      v->regels[i].eenheid, v->regels[i].periode,
			      v->regels[i].gemeente,
			      (long long)v->regels[i].honderdsten,
			      (int)v->regels[i].aandeel);
	assert_int_equal(v->nregels, n);
	for (size_t i = 0; i < n; i++) {
		const struct uren_totaalregel *r = &v->regels[i];

		assert_string_equal(r->eenheid, w[i].eenheid);
		snprintf(naam, sizeof(naam), "Eenheid %s", w[i].eenheid);
		assert_string_equal(r->eenheid_naam, naam);
		assert_int_equal(r->jaar, v->jaar);
		assert_int_equal(r->periode, w[i].periode);
		assert_string_equal(r->gemeente, w[i].gemeente);
		snprintf(naam, sizeof(naam), "Gemeente %s", w[i].gemeente);
		assert_string_equal(r->gemeente_naam, naam);
		assert_int_equal(r->honderdsten, w[i].honderdsten);
		assert_int_equal(r->aandeel, w[i].aandeel);
	}
}

static void
aandelen_zijn(const struct uren_verdeling *v, const struct aandeel_verwacht *w,
	      size_t n)
{
	char naam[64];

	assert_int_equal(v->ngemeenten, n);
	for (size_t i = 0; i < n; i++) {
		const struct uren_aandeel *g = &v->gemeenten[i];

		print_message("# gemeente %s\n", w[i].gemeente);
		assert_string_equal(g->gemeente, w[i].gemeente);
		snprintf(naam, sizeof(naam), "Gemeente %s", w[i].gemeente);
		assert_string_equal(g->gemeente_naam, naam);
		assert_int_equal(g->honderdsten, w[i].honderdsten);
		assert_int_equal(g->aandeel, w[i].aandeel);
		assert_int_equal(g->vorig_bekend, w[i].vorig_bekend);
		assert_int_equal(g->vorig, w[i].vorig);
		assert_int_equal(g->vorig_aandeel, w[i].vorig_aandeel);
		assert_int_equal(g->verschil, w[i].verschil);
	}
}

static void
test_per_naam_en_parse(void **state)
{
	static const char *const fout[] = { "",	     "Maand", "maanden",
					    "jaar ", "kwart", "week" };
	enum uren_per p;

	(void)state;
	assert_string_equal(uren_per_naam(PER_MAAND), "maand");
	assert_string_equal(uren_per_naam(PER_KWARTAAL), "kwartaal");
	assert_string_equal(uren_per_naam(PER_JAAR), "jaar");
	assert_string_equal(uren_per_naam((enum uren_per)3), "?");
	assert_string_equal(uren_per_naam((enum uren_per) - 1), "?");

	p = PER_JAAR;
	assert_int_equal(uren_per_parse("maand", &p), 0);
	assert_int_equal(p, PER_MAAND);
	assert_int_equal(uren_per_parse("kwartaal", &p), 0);
	assert_int_equal(p, PER_KWARTAAL);
	assert_int_equal(uren_per_parse("jaar", &p), 0);
	assert_int_equal(p, PER_JAAR);
	/* Refused text leaves the answer as it was. */
	for (size_t i = 0; i < AANTAL(fout); i++) {
		p = PER_KWARTAAL;
		print_message("# per '%s'\n", fout[i]);
		assert_int_equal(uren_per_parse(fout[i], &p), -1);
		assert_int_equal(p, PER_KWARTAAL);
	}
	assert_int_equal(uren_per_parse(NULL, &p), -1);
	assert_int_equal(p, PER_KWARTAAL);
}

static void
test_basispunten(void **state)
{
	static const struct {
		int64_t deel, totaal;
		int32_t bp;
	} cases[] = {
		{ 0, 0, 0 },
		{ 5, 0, 0 }, /* no total: no share */
		{ 5, -3, 0 },
		{ 0, 100, 0 },
		{ 100, 100, 10000 },
		{ 1, 3, 3333 },
		{ 2, 3, 6667 },
		{ 1, 6, 1667 },
		{ 1, 40000, 0 }, /* 0,25 */
		{ 1, 20001, 0 }, /* just under a half */
		{ 1, 20000, 1 }, /* a half: up */
		{ 3, 20000, 2 }, /* one and a half: up */
		{ 19999, 20000, 10000 }, /* 9999,5 */
		{ 3, 2, 15000 }, /* a part larger than the whole */
		{ 100000000000000, 200000000000000, 5000 },
		{ 400000000000000, 400000000000000, 10000 },
	};

	(void)state;
	for (size_t i = 0; i < AANTAL(cases); i++) {
		print_message("# %lld van %lld\n", (long long)cases[i].deel,
			      (long long)cases[i].totaal);
		assert_int_equal(
			uren_basispunten(cases[i].deel, cases[i].totaal),
			cases[i].bp);
	}
}

static void
test_format_procent(void **state)
{
	static const struct {
		int32_t bp;
		bool teken;
		const char *tekst;
	} cases[] = {
		{ 4512, false, "45,12 %" },
		{ 0, false, "0,00 %" },
		{ 5, false, "0,05 %" },
		{ 10000, false, "100,00 %" },
		{ 123456, false, "1234,56 %" },
		{ -50, false, "-0,50 %" },
		{ 50, true, "+0,50" },
		{ -50, true, "-0,50" },
		{ 0, true, "0,00" },
		{ -10000, true, "-100,00" },
		{ 1, true, "+0,01" },
	};
	char buf[32];

	(void)state;
	for (size_t i = 0; i < AANTAL(cases); i++) {
		memset(buf, 'x', sizeof(buf));
		uren_format_procent(cases[i].bp, cases[i].teken, buf,
				    sizeof(buf));
		assert_string_equal(buf, cases[i].tekst);
	}
	/* A short buffer gets what fits, terminated. */
	memset(buf, 'x', sizeof(buf));
	uren_format_procent(4512, false, buf, 5);
	assert_string_equal(buf, "45,1");
	assert_int_equal(buf[5], 'x');
}

static void
test_periode_label(void **state)
{
	static const struct {
		int jaar;
		enum uren_per per;
		int periode;
		const char *label;
	} cases[] = {
		{ 2024, PER_MAAND, 1, "2024-01" },
		{ 2024, PER_MAAND, 3, "2024-03" },
		{ 2024, PER_MAAND, 12, "2024-12" },
		{ 2024, PER_KWARTAAL, 1, "2024-K1" },
		{ 2024, PER_KWARTAAL, 4, "2024-K4" },
		{ 2024, PER_JAAR, 0, "2024" },
		{ 999, PER_MAAND, 7, "0999-07" },
		{ 999, PER_JAAR, 0, "0999" },
	};
	char buf[24];

	(void)state;
	for (size_t i = 0; i < AANTAL(cases); i++) {
		memset(buf, 'x', sizeof(buf));
		uren_periode_label(cases[i].jaar, cases[i].per,
				   cases[i].periode, buf, sizeof(buf));
		assert_string_equal(buf, cases[i].label);
	}
	memset(buf, 'x', sizeof(buf));
	uren_periode_label(2024, PER_MAAND, 3, buf, 5);
	assert_string_equal(buf, "2024");
	assert_int_equal(buf[5], 'x');
}

/* No months at all: no rows, no municipalities, nothing in total. */
static void
test_leeg(void **state)
{
	struct arena a;
	struct err e;
	struct uren_verdeling v;

	(void)state;
	arena_init(&a, 1 << 20);
	err_clear(&e);
	assert_int_equal(
		uren_verdeling_maak(&a, NULL, 0, 2024, PER_KWARTAAL, &v, &e),
		ST_OK);
	assert_int_equal(v.jaar, 2024);
	assert_int_equal(v.per, PER_KWARTAAL);
	assert_int_equal(v.nregels, 0);
	assert_int_equal(v.ngemeenten, 0);
	assert_int_equal(v.totaal, 0);
	assert_int_equal(v.vorig_totaal, 0);
	arena_free(&a);
}

/* Months of other years than the year and the one before count nowhere. */
static void
test_andere_jaren(void **state)
{
	static const struct uren_maand m[] = {
		MAAND("GM0358", "hb-com", 2022, 12, 700),
		MAAND("GM0358", "hb-com", 2025, 1, 800),
		MAAND("GM0362", "hb-ict", 2019, 6, 900),
	};
	struct arena a;
	struct err e;
	struct uren_verdeling v;

	(void)state;
	arena_init(&a, 1 << 20);
	err_clear(&e);
	assert_int_equal(
		uren_verdeling_maak(&a, m, AANTAL(m), 2024, PER_MAAND, &v, &e),
		ST_OK);
	assert_int_equal(v.nregels, 0);
	assert_int_equal(v.ngemeenten, 0);
	assert_int_equal(v.totaal, 0);
	assert_int_equal(v.vorig_totaal, 0);
	arena_free(&a);
}

/* One month of one municipality: all of it, in the period of the month. */
static void
test_een_maand(void **state)
{
	static const struct uren_maand m[] = {
		MAAND("GM0358", "hb-com", 2024, 8, 750),
	};
	static const struct {
		enum uren_per per;
		int periode;
	} pers[] = { { PER_MAAND, 8 }, { PER_KWARTAAL, 3 }, { PER_JAAR, 0 } };
	static const struct aandeel_verwacht g[] = {
		{ "GM0358", 750, 10000, false, 0, 0, 0 },
	};
	struct arena a;
	struct err e;

	(void)state;
	for (size_t i = 0; i < AANTAL(pers); i++) {
		struct uren_verdeling v;
		const struct regel_verwacht r[] = {
			{ "hb-com", pers[i].periode, "GM0358", 750, 10000 },
		};

		print_message("# per %s\n", uren_per_naam(pers[i].per));
		arena_init(&a, 1 << 20);
		err_clear(&e);
		assert_int_equal(uren_verdeling_maak(&a, m, AANTAL(m), 2024,
						     pers[i].per, &v, &e),
				 ST_OK);
		assert_int_equal(v.per, pers[i].per);
		regels_zijn(&v, r, AANTAL(r));
		aandelen_zijn(&v, g, AANTAL(g));
		assert_int_equal(v.totaal, 750);
		assert_int_equal(v.vorig_totaal, 0);
		arena_free(&a);
	}
}

/*
 * Two units, four municipalities and the year before, sorted as the store
 * sorts them (municipality, unit, year, month): a month of another year
 * is left out; a municipality with hours only the year before has a share
 * of nothing this year; one with hours only this year has a difference
 * against nothing (the year before has hours, so it is known).
 */
static const struct uren_maand samenwerking[] = {
	MAAND("GM0358", "hb-com", 2023, 2, 400),
	MAAND("GM0358", "hb-com", 2023, 11, 600),
	MAAND("GM0358", "hb-com", 2024, 1, 300),
	MAAND("GM0358", "hb-com", 2024, 3, 100),
	MAAND("GM0358", "hb-com", 2024, 4, 200),
	MAAND("GM0358", "hb-com", 2024, 12, 50),
	MAAND("GM0358", "hb-ict", 2024, 3, 400),
	MAAND("GM0362", "hb-com", 2023, 5, 3000),
	MAAND("GM0362", "hb-com", 2024, 3, 100),
	MAAND("GM0362", "hb-com", 2024, 10, 150),
	MAAND("GM0394", "hb-com", 2023, 7, 1000),
	MAAND("GM0397", "hb-ict", 2024, 2, 600),
	MAAND("GM0397", "hb-ict", 2025, 1, 999),
	MAAND("GM0437", "hb-com", 2022, 6, 700),
};

/* The same whatever the period: 1050 + 250 + 600 = 1900 this year,
 * 1000 + 3000 + 1000 = 5000 the year before. */
static const struct aandeel_verwacht samenwerking_aandelen[] = {
	{ "GM0358", 1050, 5526, true, 1000, 2000, 3526 },
	{ "GM0362", 250, 1316, true, 3000, 6000, -4684 },
	{ "GM0394", 0, 0, true, 1000, 2000, -2000 },
	{ "GM0397", 600, 3158, true, 0, 0, 3158 },
};

static void
samenwerking_per(enum uren_per per, const struct regel_verwacht *r, size_t n)
{
	struct arena a;
	struct err e;
	struct uren_verdeling v;

	arena_init(&a, 1 << 20);
	err_clear(&e);
	assert_int_equal(uren_verdeling_maak(&a, samenwerking,
					     AANTAL(samenwerking), 2024, per,
					     &v, &e),
			 ST_OK);
	assert_int_equal(v.jaar, 2024);
	assert_int_equal(v.per, per);
	regels_zijn(&v, r, n);
	aandelen_zijn(&v, samenwerking_aandelen, AANTAL(samenwerking_aandelen));
	assert_int_equal(v.totaal, 1900);
	assert_int_equal(v.vorig_totaal, 5000);
	arena_free(&a);
}

/* By unit, then period, then municipality; a share of the unit's hours
 * in that period. */
static void
test_per_maand(void **state)
{
	static const struct regel_verwacht r[] = {
		{ "hb-com", 1, "GM0358", 300, 10000 },
		{ "hb-com", 3, "GM0358", 100, 5000 },
		{ "hb-com", 3, "GM0362", 100, 5000 },
		{ "hb-com", 4, "GM0358", 200, 10000 },
		{ "hb-com", 10, "GM0362", 150, 10000 },
		{ "hb-com", 12, "GM0358", 50, 10000 },
		{ "hb-ict", 2, "GM0397", 600, 10000 },
		{ "hb-ict", 3, "GM0358", 400, 10000 },
	};

	(void)state;
	samenwerking_per(PER_MAAND, r, AANTAL(r));
}

/* January to March are the first quarter, April the second, October and
 * December the fourth. */
static void
test_per_kwartaal(void **state)
{
	static const struct regel_verwacht r[] = {
		{ "hb-com", 1, "GM0358", 400, 8000 },
		{ "hb-com", 1, "GM0362", 100, 2000 },
		{ "hb-com", 2, "GM0358", 200, 10000 },
		{ "hb-com", 4, "GM0358", 50, 2500 },
		{ "hb-com", 4, "GM0362", 150, 7500 },
		{ "hb-ict", 1, "GM0358", 400, 4000 },
		{ "hb-ict", 1, "GM0397", 600, 6000 },
	};

	(void)state;
	samenwerking_per(PER_KWARTAAL, r, AANTAL(r));
}

static void
test_per_jaar(void **state)
{
	static const struct regel_verwacht r[] = {
		{ "hb-com", 0, "GM0358", 650, 7222 },
		{ "hb-com", 0, "GM0362", 250, 2778 },
		{ "hb-ict", 0, "GM0358", 400, 4000 },
		{ "hb-ict", 0, "GM0397", 600, 6000 },
	};

	(void)state;
	samenwerking_per(PER_JAAR, r, AANTAL(r));
}

/* Every month boundary of the quarters, and the months on either side of
 * the year: December before counts for the year before only, January
 * after not at all. */
static void
test_randen_van_het_jaar(void **state)
{
	static const struct uren_maand m[] = {
		MAAND("GM0358", "hb-com", 2023, 12, 5000),
		MAAND("GM0358", "hb-com", 2024, 1, 1),
		MAAND("GM0358", "hb-com", 2024, 3, 2),
		MAAND("GM0358", "hb-com", 2024, 4, 4),
		MAAND("GM0358", "hb-com", 2024, 6, 8),
		MAAND("GM0358", "hb-com", 2024, 7, 16),
		MAAND("GM0358", "hb-com", 2024, 9, 32),
		MAAND("GM0358", "hb-com", 2024, 10, 64),
		MAAND("GM0358", "hb-com", 2024, 12, 128),
		MAAND("GM0358", "hb-com", 2025, 1, 256),
	};
	static const struct regel_verwacht r[] = {
		{ "hb-com", 1, "GM0358", 3, 10000 },
		{ "hb-com", 2, "GM0358", 12, 10000 },
		{ "hb-com", 3, "GM0358", 48, 10000 },
		{ "hb-com", 4, "GM0358", 192, 10000 },
	};
	static const struct aandeel_verwacht g[] = {
		{ "GM0358", 255, 10000, true, 5000, 10000, 0 },
	};
	struct arena a;
	struct err e;
	struct uren_verdeling v;

	(void)state;
	arena_init(&a, 1 << 20);
	err_clear(&e);
	assert_int_equal(uren_verdeling_maak(&a, m, AANTAL(m), 2024,
					     PER_KWARTAAL, &v, &e),
			 ST_OK);
	regels_zijn(&v, r, AANTAL(r));
	aandelen_zijn(&v, g, AANTAL(g));
	assert_int_equal(v.totaal, 255);
	assert_int_equal(v.vorig_totaal, 5000);
	arena_free(&a);
}

/*
 * Each share is rounded half up on its own, so the shares of a period or
 * a year need not add up to 100 %: three equal parts are 33,33 % each; a
 * part of exactly half a basis point gets one, and the rest rounds up to
 * all of it.
 */
static void
test_afronding(void **state)
{
	static const struct uren_maand m[] = {
		MAAND("GM0358", "hb-com", 2024, 5, 100),
		MAAND("GM0358", "hb-ict", 2024, 5, 1),
		MAAND("GM0362", "hb-com", 2024, 5, 100),
		MAAND("GM0362", "hb-ict", 2024, 5, 19999),
		MAAND("GM0397", "hb-com", 2024, 5, 100),
	};
	static const struct regel_verwacht r[] = {
		{ "hb-com", 0, "GM0358", 100, 3333 },
		{ "hb-com", 0, "GM0362", 100, 3333 },
		{ "hb-com", 0, "GM0397", 100, 3333 },
		{ "hb-ict", 0, "GM0358", 1, 1 },
		{ "hb-ict", 0, "GM0362", 19999, 10000 },
	};
	/* 101, 20099 and 100 of 20300. */
	static const struct aandeel_verwacht g[] = {
		{ "GM0358", 101, 50, false, 0, 0, 0 },
		{ "GM0362", 20099, 9901, false, 0, 0, 0 },
		{ "GM0397", 100, 49, false, 0, 0, 0 },
	};
	struct arena a;
	struct err e;
	struct uren_verdeling v;

	(void)state;
	arena_init(&a, 1 << 20);
	err_clear(&e);
	assert_int_equal(
		uren_verdeling_maak(&a, m, AANTAL(m), 2024, PER_JAAR, &v, &e),
		ST_OK);
	regels_zijn(&v, r, AANTAL(r));
	aandelen_zijn(&v, g, AANTAL(g));
	assert_int_equal(v.totaal, 20300);
	arena_free(&a);
}

/*
 * Zero hours: a row of zero is a row with a share of nothing, a unit and
 * a year without hours give no share to anyone, and a year before with
 * only zero hours does not count as known.
 */
static void
test_nul_uren(void **state)
{
	static const struct uren_maand m[] = {
		MAAND("GM0358", "hb-com", 2023, 3, 0),
		MAAND("GM0358", "hb-com", 2024, 3, 0),
		MAAND("GM0362", "hb-com", 2024, 3, 0),
	};
	static const struct regel_verwacht r[] = {
		{ "hb-com", 1, "GM0358", 0, 0 },
		{ "hb-com", 1, "GM0362", 0, 0 },
	};
	static const struct aandeel_verwacht g[] = {
		{ "GM0358", 0, 0, false, 0, 0, 0 },
		{ "GM0362", 0, 0, false, 0, 0, 0 },
	};
	struct arena a;
	struct err e;
	struct uren_verdeling v;

	(void)state;
	arena_init(&a, 1 << 20);
	err_clear(&e);
	assert_int_equal(uren_verdeling_maak(&a, m, AANTAL(m), 2024,
					     PER_KWARTAAL, &v, &e),
			 ST_OK);
	regels_zijn(&v, r, AANTAL(r));
	aandelen_zijn(&v, g, AANTAL(g));
	assert_int_equal(v.totaal, 0);
	assert_int_equal(v.vorig_totaal, 0);
	arena_free(&a);
}

/* The same municipality, unit and month twice in a row are added up;
 * large totals do not overflow. */
static void
test_optellen(void **state)
{
	static const struct uren_maand m[] = {
		MAAND("GM0358", "hb-com", 2024, 6, 100000000000000),
		MAAND("GM0358", "hb-com", 2024, 6, 100000000000000),
		MAAND("GM0362", "hb-com", 2024, 6, 200000000000000),
	};
	static const struct regel_verwacht r[] = {
		{ "hb-com", 6, "GM0358", 200000000000000, 5000 },
		{ "hb-com", 6, "GM0362", 200000000000000, 5000 },
	};
	static const struct aandeel_verwacht g[] = {
		{ "GM0358", 200000000000000, 5000, false, 0, 0, 0 },
		{ "GM0362", 200000000000000, 5000, false, 0, 0, 0 },
	};
	struct arena a;
	struct err e;
	struct uren_verdeling v;

	(void)state;
	arena_init(&a, 1 << 20);
	err_clear(&e);
	assert_int_equal(
		uren_verdeling_maak(&a, m, AANTAL(m), 2024, PER_MAAND, &v, &e),
		ST_OK);
	regels_zijn(&v, r, AANTAL(r));
	aandelen_zijn(&v, g, AANTAL(g));
	assert_int_equal(v.totaal, 400000000000000);
	arena_free(&a);
}

/*
 * Municipalities and units in another order than their codes' (as a
 * database with another collation might sort them), each one's months
 * together: the rows come out by unit, period and municipality, the
 * shares by municipality.
 */
static void
test_volgorde(void **state)
{
	static const struct uren_maand m[] = {
		MAAND("GM0397", "hb-ict", 2024, 5, 300),
		MAAND("GM0397", "hb-com", 2023, 5, 100),
		MAAND("GM0397", "hb-com", 2024, 5, 100),
		MAAND("GM0362", "hb-com", 2024, 5, 300),
		MAAND("GM0358", "hb-ict", 2024, 5, 100),
		MAAND("GM0358", "hb-com", 2023, 5, 300),
	};
	static const struct regel_verwacht r[] = {
		{ "hb-com", 2, "GM0362", 300, 7500 },
		{ "hb-com", 2, "GM0397", 100, 2500 },
		{ "hb-ict", 2, "GM0358", 100, 2500 },
		{ "hb-ict", 2, "GM0397", 300, 7500 },
	};
	static const struct aandeel_verwacht g[] = {
		{ "GM0358", 100, 1250, true, 300, 7500, -6250 },
		{ "GM0362", 300, 3750, true, 0, 0, 3750 },
		{ "GM0397", 400, 5000, true, 100, 2500, 2500 },
	};
	struct arena a;
	struct err e;
	struct uren_verdeling v;

	(void)state;
	arena_init(&a, 1 << 20);
	err_clear(&e);
	assert_int_equal(uren_verdeling_maak(&a, m, AANTAL(m), 2024,
					     PER_KWARTAAL, &v, &e),
			 ST_OK);
	regels_zijn(&v, r, AANTAL(r));
	aandelen_zijn(&v, g, AANTAL(g));
	assert_int_equal(v.totaal, 800);
	assert_int_equal(v.vorig_totaal, 400);
	arena_free(&a);
}

/* The bytes an empty arena hands out for an array of n of `size`. */
static size_t
geheugen_voor(size_t n, size_t size)
{
	struct arena proef;
	size_t used;

	arena_init(&proef, SIZE_MAX);
	assert_non_null(arena_calloc(&proef, n, size));
	used = proef.used;
	arena_free(&proef);
	return used;
}

/*
 * An arena too small for the rows, for the municipalities, or for both:
 * out of memory, and nothing to show. The arrays are large enough that
 * each takes a block of its own, and those of the rows are the larger.
 */
static void
test_geen_geheugen(void **state)
{
	enum { N = 400 };
	static struct uren_maand m[N];
	size_t regels = geheugen_voor(N + 1, sizeof(struct uren_totaalregel));
	size_t gemeenten = geheugen_voor(N + 1, sizeof(struct uren_aandeel));
	const size_t grenzen[] = { 0, gemeenten, regels };
	struct arena a;
	struct err e;
	struct uren_verdeling v;

	(void)state;
	for (size_t i = 0; i < N; i++)
		m[i] = (struct uren_maand)MAAND("GM0358", "hb-com", 2024, 1, 1);
	assert_true(gemeenten < regels);
	for (size_t i = 0; i < AANTAL(grenzen); i++) {
		print_message("# %zu bytes\n", grenzen[i]);
		arena_init(&a, grenzen[i]);
		err_clear(&e);
		memset(&v, 0xff, sizeof(v));
		assert_int_equal(
			uren_verdeling_maak(&a, m, N, 2024, PER_MAAND, &v, &e),
			ST_NOMEM);
		assert_int_equal(e.status, ST_NOMEM);
		assert_string_equal(e.message, "Onvoldoende geheugen.");
		assert_int_equal(v.jaar, 2024);
		assert_int_equal(v.per, PER_MAAND);
		assert_int_equal(v.nregels, 0);
		assert_int_equal(v.ngemeenten, 0);
		assert_int_equal(v.totaal, 0);
		arena_free(&a);
	}
	/* With room for both the same months make one row. */
	arena_init(&a, regels + gemeenten);
	err_clear(&e);
	assert_int_equal(uren_verdeling_maak(&a, m, N, 2024, PER_MAAND, &v, &e),
			 ST_OK);
	assert_int_equal(v.nregels, 1);
	assert_int_equal(v.regels[0].honderdsten, N);
	assert_int_equal(v.ngemeenten, 1);
	assert_int_equal(v.gemeenten[0].aandeel, 10000);
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_per_naam_en_parse),
		cmocka_unit_test(test_basispunten),
		cmocka_unit_test(test_format_procent),
		cmocka_unit_test(test_periode_label),
		cmocka_unit_test(test_leeg),
		cmocka_unit_test(test_andere_jaren),
		cmocka_unit_test(test_een_maand),
		cmocka_unit_test(test_per_maand),
		cmocka_unit_test(test_per_kwartaal),
		cmocka_unit_test(test_per_jaar),
		cmocka_unit_test(test_randen_van_het_jaar),
		cmocka_unit_test(test_afronding),
		cmocka_unit_test(test_nul_uren),
		cmocka_unit_test(test_optellen),
		cmocka_unit_test(test_volgorde),
		cmocka_unit_test(test_geen_geheugen),
	};
	return RUN_TESTS(tests);
}

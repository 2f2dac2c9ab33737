/*
 * test_store_uren.c - the store's staff register and hours: staff by
 * number within a cooperation and for whom, imports that are stored,
 * repeated, refused, tried and replaced, and the totals and cells read
 * back, on both engines (fixture.h). Every refusal answers with its exact
 * status and leaves the database unchanged.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIXTURE_DB "store_uren_test"
#include "fixture.h"

/* HB with a shared unit and one staff member, M1 (0,8 fte). */
static void
add_hb_uren(struct fixture *f)
{
	struct eenheid u = { .code = "hb-com",
			     .naam = "Communicatie",
			     .soort = EENHEID_AFDELING,
			     .samenwerking = "HB" };
	struct inrichting hist[] = {
		{ .periode = { D("2013-01-01"), DATE_NONE },
		  .vorm = VORM_GEDEELD,
		  .besluit = "START" },
	};
	struct medewerker m = { .nummer = "M1",
				.naam = "Anna de Vries",
				.werkgever = "GM0397",
				.eenheid = "hb-com",
				.fte = 800,
				.periode = { D("2015-01-01"), DATE_NONE } };

	add_hb(f);
	OK(store_eenheid_add(f->s, &u, hist, 1, &f->e));
	OK(store_medewerker_add(f->s, &m, &f->e));
}

/* Import a CSV text through the store; returns the status. The rows and
 * problems in *res live in the fixture's arena. */
static enum status
importeer(struct fixture *f, const char *csv, int64_t vervang,
	  struct uren_batch *b, bool *al, struct uren_resultaat *res)
{
	struct uren_register reg;
	enum status st;

	err_clear(&f->e);
	st = store_uren_register(f->s, &f->a, &reg, &f->e);
	if (st == ST_OK)
		st = store_uren_import(f->s, &f->a, &f->a, &reg, csv,
				       strlen(csv), NULL, "t.csv", vervang,
				       false, res, b, al, &f->e);
	return st;
}

static void
test_uren_import(void **state)
{
	static const char jan[] = "medewerker;datum;gemeente;eenheid;uren\n"
				  "M1;6-1-2025;GM0397;hb-com;4\n"
				  "M1;6-1-2025;Bloemendaal;hb-com;3,5\n";
	static const char jan2[] = "medewerker;datum;gemeente;eenheid;uren\n"
				   "M1;6-1-2025;GM0397;hb-com;5\n";
	static const char fout[] = "medewerker;datum;gemeente;eenheid;uren\n"
				   "M1;7-1-2025;GM0397;hb-com;8\n"
				   "M1;8-1-2025;GM0397;hb-onbekend;8\n";
	static const char te_veel[] = "medewerker;datum;gemeente;eenheid;uren\n"
				      "M1;6-1-2025;GM0397;hb-com;17\n";
	struct fixture *f = *state;
	struct uren_resultaat res;
	struct uren_batch b, *list;
	struct uren_maand *m;
	bool al;
	size_t n;

	add_hb_uren(f);
	assert_int_equal(importeer(f, jan, 0, &b, &al, &res), ST_OK);
	assert_false(al);
	assert_int_equal(b.id, 1);
	assert_int_equal(b.rijen, 2);
	assert_int_equal(b.honderdsten, 750);
	assert_string_equal(b.bestand, "t.csv");
	assert_int_equal(strlen(b.hash), 64);
	assert_int_equal(count(f, "uren"), 2);
	assert_int_equal(count(f, "uren_cel"), 2);

	/* The same bytes again: nothing changes, batch 1 is reported. */
	assert_int_equal(importeer(f, jan, 0, &b, &al, &res), ST_OK);
	assert_true(al);
	assert_int_equal(b.id, 1);
	assert_int_equal(count(f, "uren_batch"), 1);
	assert_int_equal(count(f, "uren"), 2);

	/* A file with a problem: nothing of it, not even its good row. */
	assert_int_equal(importeer(f, fout, 0, &b, &al, &res), ST_INVALID);
	assert_int_equal(res.nproblemen, 1);
	assert_int_equal(res.problemen[0].regel, 3);
	assert_int_equal(count(f, "uren"), 2);
	assert_int_equal(count(f, "uren_batch"), 1);

	/* 7,5 stored for that day; 17 more makes 24,5: refused. */
	assert_int_equal(importeer(f, te_veel, 0, &b, &al, &res), ST_INVALID);
	assert_true(has_problem(&f->e, "regel 2", "day-over-24"));
	assert_int_equal(count(f, "uren_batch"), 1);

	/* A corrected file replaces batch 1; the old one stays, replaced. */
	assert_int_equal(importeer(f, jan2, 1, &b, &al, &res), ST_OK);
	/* The next id (PostgreSQL's sequences skip the refused ones'). */
	if (!pg)
		assert_int_equal(b.id, 2);
	assert_true(b.id > 1);
	assert_int_equal(count(f, "uren"), 1);
	assert_int_equal(count(f, "uren_cel"), 1);
	OK(store_uren_batches(f->s, &f->a, &list, &n, &f->e));
	assert_int_equal(n, 2);
	assert_int_equal(list[1].id, 1);
	assert_int_equal(list[1].vervangen_door, b.id);
	OK(store_uren_maanden(f->s, &f->a, "HB", 2025, 2025, &m, &n, &f->e));
	assert_int_equal(n, 1);
	assert_string_equal(m[0].gemeente, "GM0397");
	assert_int_equal(m[0].maand, 1);
	assert_int_equal(m[0].honderdsten, 500);

	/* Replacing it again is refused: it was replaced already. */
	assert_int_equal(importeer(f, jan, 1, &b, &al, &res), ST_CONFLICT);
	assert_int_equal(importeer(f, jan, 9, &b, &al, &res), ST_NOT_FOUND);
	assert_int_equal(count(f, "uren_batch"), 2);
}

static void
test_medewerkers(void **state)
{
	struct fixture *f = *state;
	struct medewerker rows[] = {
		{ .id = 2,
		  .nummer = "M2",
		  .naam = "Bram Jansen",
		  .werkgever = "GM0377",
		  .eenheid = "hb-com",
		  .fte = 1000,
		  .periode = { D("2020-01-01"), DATE_NONE } },
		{ .id = 3,
		  .nummer = "M1",
		  .naam = "Anna de Vries",
		  .werkgever = "GM0397",
		  .eenheid = "hb-com",
		  .fte = 600,
		  .periode = { D("2015-01-01"), D("2025-07-01") } },
	};
	struct medewerker bad = rows[0], got;
	size_t nieuw, gewijzigd;

	add_hb_uren(f);
	OK(store_medewerkers_import(f->s, rows, 2, &nieuw, &gewijzigd, &f->e));
	assert_int_equal(nieuw, 1);
	assert_int_equal(gewijzigd, 1);
	OK(store_medewerker_get(f->s, &f->a, "M1", NULL, "samenwerking", &got,
				&f->e));
	assert_int_equal(got.fte, 600);
	assert_int_equal(got.periode.tot, D("2025-07-01"));
	assert_string_equal(got.werkgever_naam, "Heemstede");

	/* One bad row: nothing of the file. */
	bad.nummer = "M3";
	bad.eenheid = "hb-onbekend";
	bad.id = 4;
	rows[1].fte = 900;
	struct medewerker twee[] = { rows[1], bad };
	err_clear(&f->e);
	assert_int_equal(store_medewerkers_import(f->s, twee, 2, &nieuw,
						  &gewijzigd, &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "regel 4: eenheid", "unknown");
	OK(store_medewerker_get(f->s, &f->a, "M1", NULL, "samenwerking", &got,
				&f->e));
	assert_int_equal(got.fte, 600);
	assert_int_equal(count(f, "medewerker"), 2);
}

int
main(void)
{
	if (fixture_engine())
		return 0;

	const struct CMUnitTest tests[] = {
		TEST(test_uren_import),
		TEST(test_medewerkers),
	};
	return RUN_TESTS(tests);
}

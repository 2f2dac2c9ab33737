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
	/* The next number: the refused imports used none up. */
	assert_int_equal(b.id, 2);
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

/* Import with every choice: a dry run (proef), the file's name. */
static enum status
importeer_als(struct fixture *f, const char *csv, int64_t vervang, bool proef,
	      const char *bestand, struct uren_batch *b, bool *al,
	      struct uren_resultaat *res)
{
	struct uren_register reg;
	enum status st;

	err_clear(&f->e);
	st = store_uren_register(f->s, &f->a, &reg, &f->e);
	if (st == ST_OK)
		st = store_uren_import(f->s, &f->a, &f->a, &reg, csv,
				       strlen(csv), NULL, bestand, vervang,
				       proef, res, b, al, &f->e);
	return st;
}

/* The hours header of docs/hours-file.md. */
#define KOP "medewerker;datum;gemeente;eenheid;uren\n"

static void
add_medewerker(struct fixture *f, const char *nummer, const char *naam,
	       const char *werkgever, const char *eenheid)
{
	struct medewerker m = { .nummer = nummer,
				.naam = naam,
				.werkgever = werkgever,
				.eenheid = eenheid,
				.fte = 1000,
				.periode = { D("2015-01-01"), DATE_NONE } };

	OK(store_medewerker_add(f->s, &m, &f->e));
}

/*
 * HB as add_hb_uren with a second unit (hb-ict), and AA: Aalsmeer and
 * Amstelveen with unit aa-ict, shared since 2013 (decision AA-START), and
 * its own staff member M1, Carla Visser.
 */
static void
add_twee(struct fixture *f)
{
	struct samenwerking aa = { .code = "AA",
				   .naam = "Aalsmeer–Amstelveen",
				   .sinds = D("2013-01-01") };
	struct lidmaatschap l1 = { .gemeente = "GM0358",
				   .periode = { D("2013-01-01"), DATE_NONE } };
	struct lidmaatschap l2 = { .gemeente = "GM0362",
				   .periode = { D("2013-01-01"), DATE_NONE } };
	struct eenheid u = { .code = "aa-ict",
			     .naam = "ICT",
			     .soort = EENHEID_AFDELING,
			     .samenwerking = "AA" };
	struct inrichting hist = { .periode = { D("2013-01-01"), DATE_NONE },
				   .vorm = VORM_GEDEELD,
				   .besluit = "AA-START" };

	add_hb_uren(f);
	add_eenheid(f, "HB", "hb-ict", "ICT Heemstede");
	add_gemeente(f, "GM0358", "Aalsmeer");
	add_gemeente(f, "GM0362", "Amstelveen");
	add_besluit(f, "AA-START", "GM0358", "2012-06-01");
	OK(store_samenwerking_add(f->s, &aa, &f->e));
	OK(store_samenwerking_lid_add(f->s, "AA", &l1, &f->e));
	OK(store_samenwerking_lid_add(f->s, "AA", &l2, &f->e));
	OK(store_eenheid_add(f->s, &u, &hist, 1, &f->e));
	add_medewerker(f, "M1", "Carla Visser", "GM0358", "aa-ict");
}

/* A staff member read back field by field; changed, keeping its number
 * and cooperation; every refusal exact and leaving everything as it was. */
static void
test_medewerker_velden(void **state)
{
	struct fixture *f = *state;
	struct medewerker m2 = { .nummer = "M2",
				 .naam = "Bram Jansen",
				 .werkgever = "GRIT",
				 .eenheid = "hb-com",
				 .standplaats = "Heemstede",
				 .fte = 1000,
				 .periode = { D("2020-01-01"),
					      D("2026-12-31") } };
	struct medewerker got, oud, nieuw, bad;
	size_t n;
	struct audit_entry *x;
	size_t total;

	add_twee(f);
	OK(store_medewerker_get(f->s, &f->a, "M1", "HB", "samenwerking", &got,
				&f->e));
	assert_true(got.id > 0);
	assert_string_equal(got.samenwerking, "HB");
	assert_string_equal(got.nummer, "M1");
	assert_string_equal(got.naam, "Anna de Vries");
	assert_string_equal(got.werkgever, "GM0397");
	assert_string_equal(got.werkgever_naam, "Heemstede");
	assert_string_equal(got.eenheid, "hb-com");
	assert_string_equal(got.eenheid_naam, "Communicatie");
	assert_null(got.standplaats);
	assert_int_equal(got.fte, 800);
	assert_int_equal(got.periode.van, D("2015-01-01"));
	assert_int_equal(got.periode.tot, DATE_NONE);
	assert_int_equal(got.bron_batch, 0);
	OK(store_medewerker_add(f->s, &m2, &f->e));
	OK(store_medewerker_get(f->s, &f->a, "M2", NULL, "samenwerking", &got,
				&f->e));
	assert_string_equal(got.werkgever, "GRIT"); /* a joint body employs */
	assert_string_equal(got.werkgever_naam, "GR IT");
	assert_string_equal(got.standplaats, "Heemstede");
	assert_int_equal(got.periode.tot, D("2026-12-31"));

	/* A change keeps the number and cooperation of the record read. */
	OK(store_medewerker_get(f->s, &f->a, "M1", "HB", "samenwerking", &oud,
				&f->e));
	nieuw = oud;
	nieuw.nummer = "ANDERS";
	nieuw.naam = "Anna Bakker-de Vries";
	nieuw.werkgever = "GM0377";
	nieuw.eenheid = "hb-ict";
	nieuw.fte = 900;
	nieuw.periode.tot = D("2027-01-01");
	OK(store_medewerker_wijzig(f->s, &oud, &nieuw, &f->e));
	OK(store_medewerker_get(f->s, &f->a, "M1", "HB", "samenwerking", &got,
				&f->e));
	assert_int_equal(got.id, oud.id);
	assert_string_equal(got.naam, "Anna Bakker-de Vries");
	assert_string_equal(got.werkgever, "GM0377");
	assert_string_equal(got.eenheid, "hb-ict");
	assert_int_equal(got.fte, 900);
	assert_int_equal(got.periode.tot, D("2027-01-01"));
	assert_int_equal(count(f, "medewerker"), 3);
	OK(store_audit_list(f->s, &f->a, "medewerker", NULL, 0, 1, &x, &n,
			    &total, &f->e));
	assert_string_equal(x[0].actie, "update");
	assert_string_equal(x[0].resource_weergave, "M1");
	assert_string_equal(x[0].scope, "HB");
	/* The other cooperation's M1 did not change. */
	OK(store_medewerker_get(f->s, &f->a, "M1", "AA", "samenwerking", &got,
				&f->e));
	assert_string_equal(got.naam, "Carla Visser");

	/* Refused changes. */
	nieuw.eenheid = "aa-ict";
	REFUSED(store_medewerker_wijzig(f->s, &oud, &nieuw, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "eenheid", "other-cooperation");
	nieuw.eenheid = "hb-com";
	nieuw.werkgever = "GM9999";
	nieuw.fte = 1001;
	REFUSED(store_medewerker_wijzig(f->s, &oud, &nieuw, &f->e), ST_INVALID);
	assert_int_equal(f->e.nproblems, 2);
	assert_true(has_problem(&f->e, "werkgever", "unknown"));
	assert_true(has_problem(&f->e, "fte", "range"));
	nieuw.werkgever = "GM0397";
	nieuw.fte = 900;
	oud.nummer = "M9";
	REFUSED(store_medewerker_wijzig(f->s, &oud, &nieuw, &f->e),
		ST_NOT_FOUND);
	assert_string_equal(f->e.message,
			    "Medewerker M9 staat niet in het register.");

	/* Refused additions: a number taken in the cooperation (another
	 * cooperation may have it), a missing or unknown unit or employer,
	 * an end not after the start. */
	bad = m2;
	REFUSED(store_medewerker_add(f->s, &bad, &f->e), ST_CONFLICT);
	bad.eenheid = "aa-ict";
	bad.werkgever = "GM0358";
	OK(store_medewerker_add(f->s, &bad, &f->e)); /* M2 of AA */
	bad = m2;
	bad.nummer = "M3";
	bad.eenheid = NULL;
	bad.werkgever = NULL;
	REFUSED(store_medewerker_add(f->s, &bad, &f->e), ST_INVALID);
	assert_int_equal(f->e.nproblems, 2);
	assert_true(has_problem(&f->e, "eenheid", "required"));
	assert_true(has_problem(&f->e, "werkgever", "required"));
	bad.eenheid = "hb-onbekend";
	bad.werkgever = "GM0397";
	bad.periode.tot = bad.periode.van;
	REFUSED(store_medewerker_add(f->s, &bad, &f->e), ST_INVALID);
	assert_int_equal(f->e.nproblems, 2);
	assert_true(has_problem(&f->e, "eenheid", "unknown"));
	assert_true(has_problem(&f->e, "tot", "before-start"));
	assert_int_equal(count(f, "medewerker"), 4);
}

/* The numbers (and cooperations) of a list, joined by spaces. */
static const char *
nummers(struct fixture *f, const struct medewerker *m, size_t n)
{
	char buf[512] = "";

	for (size_t i = 0; i < n; i++)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
			 "%s%s/%s", i ? " " : "", m[i].nummer,
			 m[i].samenwerking);
	return arena_strdup(&f->a, buf);
}

/*
 * Staff as a viewer reads them: by number, filtered by cooperation and by
 * a search in number or name (case-insensitive, its % and _ taken
 * literally); only the cooperations it keeps; one number in two of them
 * is ambiguous for whoever keeps both.
 */
static void
test_medewerker_zicht(void **state)
{
	struct fixture *f = *state;
	static const char *const hb[] = { "HB" };
	static const char *const gm[] = { "GM0397" };
	struct zicht beheer = { .zelf = "c.jansen",
				.beheer = hb,
				.nbeheer = 1 };
	struct zicht lezer = { .zelf = "r.raad", .lezen = gm, .nlezen = 1 };
	struct medewerker *m, got;
	size_t n;

	add_twee(f);
	add_medewerker(f, "M2", "Bram Jansen", "GM0377", "hb-com");
	add_medewerker(f, "A7", "Dirk 100% Bakker", "GM0362", "aa-ict");

	OK(store_medewerker_list(f->s, &f->a, NULL, NULL, &m, &n, &f->e));
	assert_string_equal(nummers(f, m, n), "A7/AA M1/AA M1/HB M2/HB");
	OK(store_medewerker_list(f->s, &f->a, "HB", NULL, &m, &n, &f->e));
	assert_string_equal(nummers(f, m, n), "M1/HB M2/HB");
	OK(store_medewerker_list(f->s, &f->a, NULL, "JANS", &m, &n, &f->e));
	assert_string_equal(nummers(f, m, n), "M2/HB");
	OK(store_medewerker_list(f->s, &f->a, NULL, "m1", &m, &n, &f->e));
	assert_string_equal(nummers(f, m, n), "M1/AA M1/HB");
	OK(store_medewerker_list(f->s, &f->a, NULL, "%", &m, &n, &f->e));
	assert_string_equal(nummers(f, m, n), "A7/AA");
	OK(store_medewerker_list(f->s, &f->a, NULL, "_", &m, &n, &f->e));
	assert_int_equal(n, 0);
	OK(store_medewerker_list(f->s, &f->a, "XX", NULL, &m, &n, &f->e));
	assert_int_equal(n, 0);
	REFUSED(store_medewerker_get(f->s, &f->a, "M1", NULL, "samenwerking",
				     &got, &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "samenwerking", "ambiguous");
	OK(store_medewerker_get(f->s, &f->a, "M1", "AA", "samenwerking", &got,
				&f->e));
	assert_string_equal(got.naam, "Carla Visser");
	REFUSED(store_medewerker_get(f->s, &f->a, "M7", NULL, "samenwerking",
				     &got, &f->e),
		ST_NOT_FOUND);
	assert_string_equal(f->e.message,
			    "Medewerker M7 staat niet in het register.");

	/* Who keeps HB reads HB's staff only: AA's do not exist for it. */
	store_set_zicht(f->s, &beheer);
	OK(store_medewerker_list(f->s, &f->a, NULL, NULL, &m, &n, &f->e));
	assert_string_equal(nummers(f, m, n), "M1/HB M2/HB");
	OK(store_medewerker_get(f->s, &f->a, "M1", NULL, "samenwerking", &got,
				&f->e));
	assert_string_equal(got.naam, "Anna de Vries");
	REFUSED(store_medewerker_get(f->s, &f->a, "A7", NULL, "samenwerking",
				     &got, &f->e),
		ST_NOT_FOUND);
	assert_string_equal(f->e.message,
			    "Medewerker A7 staat niet in het register.");
	REFUSED(store_medewerker_get(f->s, &f->a, "M1", "AA", "samenwerking",
				     &got, &f->e),
		ST_NOT_FOUND);
	/* Reading figures is not keeping staff; nor is nobody. */
	store_set_zicht(f->s, &lezer);
	OK(store_medewerker_list(f->s, &f->a, NULL, NULL, &m, &n, &f->e));
	assert_int_equal(n, 0);
	store_set_zicht(f->s, NULL);
	OK(store_medewerker_list(f->s, &f->a, NULL, NULL, &m, &n, &f->e));
	assert_int_equal(n, 0);
	REFUSED(store_medewerker_get(f->s, &f->a, "M2", "HB", "samenwerking",
				     &got, &f->e),
		ST_NOT_FOUND);
	store_set_zicht(f->s, &zicht_alles);
}

/*
 * The staff a municipality's planners roster: every staff member of the
 * cooperations it is a member of, whoever reads (the caller decides who
 * plans), and the viewer is as it was afterwards.
 */
static void
test_medewerker_gemeente(void **state)
{
	struct fixture *f = *state;
	static const char *const gm[] = { "GM0358" };
	struct zicht lezer = { .zelf = "p.plan", .lezen = gm, .nlezen = 1 };
	struct medewerker *m;
	size_t n;

	add_twee(f);
	add_medewerker(f, "M2", "Bram Jansen", "GM0377", "hb-com");
	add_medewerker(f, "A7", "Dirk Bakker", "GM0362", "aa-ict");
	store_set_zicht(f->s, &lezer);
	OK(store_medewerker_list_gemeente(f->s, &f->a, "GM0358", &m, &n,
					  &f->e));
	assert_string_equal(nummers(f, m, n), "A7/AA M1/AA");
	assert_string_equal(m[1].naam, "Carla Visser");
	OK(store_medewerker_list_gemeente(f->s, &f->a, "GM0377", &m, &n,
					  &f->e));
	assert_string_equal(nummers(f, m, n), "M1/HB M2/HB");
	OK(store_medewerker_list_gemeente(f->s, &f->a, "GM0999", &m, &n,
					  &f->e));
	assert_int_equal(n, 0);
	OK(store_medewerker_list(f->s, &f->a, NULL, NULL, &m, &n, &f->e));
	assert_int_equal(n, 0);
	store_set_zicht(f->s, &zicht_alles);
}

/* Index of `code` among the register's municipalities or units. */
static uint32_t
gemeente_index(const struct uren_register *r, const char *code)
{
	for (size_t i = 0; i < r->ngemeenten; i++)
		if (strcmp(r->gemeenten[i].code, code) == 0)
			return (uint32_t)i;
	fail_msg("no municipality %s in the register", code);
	return 0;
}

static uint32_t
eenheid_index(const struct uren_register *r, const char *code)
{
	for (size_t i = 0; i < r->neenheden; i++)
		if (strcmp(r->eenheden[i].code, code) == 0)
			return (uint32_t)i;
	fail_msg("no unit %s in the register", code);
	return 0;
}

/*
 * The register the import checks against: municipalities only (by name),
 * every unit with its arrangement, every cooperation with its members,
 * and the staff of every cooperation, also for a viewer who keeps one.
 */
static void
test_uren_register(void **state)
{
	struct fixture *f = *state;
	static const char *const hb[] = { "HB" };
	struct zicht beheer = { .zelf = "c.jansen",
				.beheer = hb,
				.nbeheer = 1 };
	struct uren_register r;
	const struct uren_eenheid *u;

	add_twee(f);
	store_set_zicht(f->s, &beheer);
	OK(store_uren_register(f->s, &f->a, &r, &f->e));
	store_set_zicht(f->s, &zicht_alles);
	assert_int_equal(r.ngemeenten, 4); /* not GRIT */
	assert_string_equal(r.gemeenten[0].naam, "Aalsmeer");
	assert_string_equal(r.gemeenten[1].naam, "Amstelveen");
	assert_string_equal(r.gemeenten[2].naam, "Bloemendaal");
	assert_string_equal(r.gemeenten[3].naam, "Heemstede");
	assert_int_equal(r.nsamenwerkingen, 2);
	assert_string_equal(r.samenwerkingen[0].code, "AA");
	assert_int_equal(r.samenwerkingen[0].nleden, 2);
	assert_string_equal(r.samenwerkingen[1].code, "HB");
	assert_int_equal(r.neenheden, 3);
	u = &r.eenheden[eenheid_index(&r, "aa-ict")];
	assert_string_equal(u->samenwerking, "AA");
	assert_string_equal(u->naam, "ICT");
	assert_int_equal(u->ninrichting, 1);
	assert_int_equal(u->inrichting[0].vorm, VORM_GEDEELD);
	assert_int_equal(u->inrichting[0].periode.van, D("2013-01-01"));
	assert_int_equal(r.nmedewerkers, 2);
	assert_string_equal(r.medewerkers[0].nummer, "M1");
	assert_string_equal(r.medewerkers[0].samenwerking, "AA");
	assert_string_equal(r.medewerkers[1].samenwerking, "HB");
	assert_int_equal(r.medewerkers[1].periode.van, D("2015-01-01"));
	assert_int_equal(r.ntaakvelden, 0);
}

/*
 * What an import also answers: a dry run exactly as the import would,
 * storing nothing; a file without rows, a name too long, a batch to
 * replace of another cooperation or of one the viewer does not keep:
 * refused, nothing stored.
 */
static void
test_uren_import_grenzen(void **state)
{
	static const char hb[] = KOP "M1;6-1-2025;GM0397;hb-com;4\n"
				     "M1;6-1-2025;Bloemendaal;hb-com;3,5\n";
	static const char aa[] = KOP "M1;7-1-2025;GM0358;aa-ict;8\n";
	static const char fout[] = KOP "M1;7-1-2025;GM0397;hb-com;8\n"
				       "M9;8-1-2025;GM0397;hb-com;8\n";
	static const char *const hbs[] = { "HB" };
	struct zicht beheer = { .zelf = "c.jansen",
				.beheer = hbs,
				.nbeheer = 1 };
	struct fixture *f = *state;
	struct uren_resultaat res;
	struct uren_batch b, proef;
	struct stand voor;
	bool al;
	char naam[2 * 256 + 1];

	add_twee(f);
	voor = stand_van(f);
	assert_int_equal(
		importeer_als(f, hb, 0, true, "t.csv", &proef, &al, &res),
		ST_OK);
	assert_ongewijzigd(f, &voor);
	assert_false(al);
	assert_int_equal(proef.rijen, 2);
	assert_int_equal(proef.honderdsten, 750);
	assert_int_equal(proef.medewerkers, 1);
	assert_int_equal(proef.gemeenten, 2);
	assert_string_equal(proef.samenwerking, "HB");
	assert_string_equal(proef.bestand, "t.csv");
	assert_string_equal(proef.hash, res.hash);
	/* A dry run of a file with a problem answers with the problem. */
	REFUSED(importeer_als(f, fout, 0, true, "t.csv", &b, &al, &res),
		ST_INVALID);
	assert_int_equal(res.nproblemen, 1);
	assert_int_equal(res.problemen[0].regel, 3);

	/* The import itself answers as the dry run did. */
	assert_int_equal(importeer_als(f, hb, 0, false, "t.csv", &b, &al, &res),
			 ST_OK);
	assert_int_equal(b.rijen, proef.rijen);
	assert_int_equal(b.honderdsten, proef.honderdsten);
	assert_string_equal(b.hash, proef.hash);
	assert_int_equal(b.van, D("2025-01-06"));
	assert_int_equal(b.tot, D("2025-01-06"));
	assert_string_equal(b.ingelezen, NOW_ISO);
	assert_int_equal(b.vervangen_door, 0);

	REFUSED(importeer_als(f, KOP, 0, false, "t.csv", &b, &al, &res),
		ST_INVALID);
	assert_only_problem(&f->e, "bestand", "empty");
	assert_int_equal(res.nproblemen, 1);
	assert_string_equal(res.problemen[0].code, "empty");
	REFUSED(importeer_als(f, aa, 0, false, text_of(256, naam), &b, &al,
			      &res),
		ST_INVALID);
	assert_only_problem(&f->e, "bestand", "too-long");

	/* AA's batch: HB's file cannot replace it; nor can the keeper of
	 * HB name it (for it, it does not exist). */
	assert_int_equal(
		importeer_als(f, aa, 0, false, "aa.csv", &b, &al, &res), ST_OK);
	assert_string_equal(b.samenwerking, "AA");
	REFUSED(importeer_als(f, hb, b.id, false, "t.csv", &proef, &al, &res),
		ST_CONFLICT);
	store_set_zicht(f->s, &beheer);
	REFUSED(importeer_als(f, hb, b.id, false, "t.csv", &proef, &al, &res),
		ST_NOT_FOUND);
	store_set_zicht(f->s, &zicht_alles);
	assert_int_equal(count(f, "uren_batch"), 2);
}

/*
 * Batches as a viewer reads them: newest first with their figures, only
 * those of the cooperations it keeps; another one does not exist for it.
 */
static void
test_uren_batches(void **state)
{
	static const char hb[] = KOP "M1;6-1-2025;GM0397;hb-com;4\n"
				     "M1;7-1-2025;Bloemendaal;hb-com;3,5\n";
	static const char aa[] = KOP "M1;3-2-2025;GM0358;aa-ict;8\n";
	static const char *const hbs[] = { "HB" };
	struct zicht beheer = { .zelf = "c.jansen",
				.beheer = hbs,
				.nbeheer = 1 };
	struct fixture *f = *state;
	struct uren_resultaat res;
	struct uren_batch b1, b2, *list, got;
	bool al;
	size_t n;
	char msg[64];

	add_twee(f);
	store_set_actor(f->s, "c.jansen", "C. Jansen", "192.0.2.9");
	assert_int_equal(
		importeer_als(f, hb, 0, false, "hb.csv", &b1, &al, &res),
		ST_OK);
	assert_int_equal(
		importeer_als(f, aa, 0, false, "aa.csv", &b2, &al, &res),
		ST_OK);
	OK(store_uren_batches(f->s, &f->a, &list, &n, &f->e));
	assert_int_equal(n, 2);
	assert_int_equal(list[0].id, b2.id);
	assert_int_equal(list[1].id, b1.id);
	assert_string_equal(list[1].bestand, "hb.csv");
	assert_string_equal(list[1].door, "c.jansen");
	assert_string_equal(list[1].ingelezen, NOW_ISO);
	assert_string_equal(list[1].samenwerking, "HB");
	assert_int_equal(list[1].rijen, 2);
	assert_int_equal(list[1].honderdsten, 750);
	assert_int_equal(list[1].medewerkers, 1);
	assert_int_equal(list[1].gemeenten, 2);
	assert_int_equal(list[1].van, D("2025-01-06"));
	assert_int_equal(list[1].tot, D("2025-01-07"));
	assert_string_equal(list[0].samenwerking, "AA");
	OK(store_uren_batch_get(f->s, &f->a, b2.id, &got, &f->e));
	assert_string_equal(got.bestand, "aa.csv");
	assert_int_equal(got.honderdsten, 800);

	store_set_zicht(f->s, &beheer);
	OK(store_uren_batches(f->s, &f->a, &list, &n, &f->e));
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, b1.id);
	OK(store_uren_batch_get(f->s, &f->a, b1.id, &got, &f->e));
	REFUSED(store_uren_batch_get(f->s, &f->a, b2.id, &got, &f->e),
		ST_NOT_FOUND);
	snprintf(msg, sizeof(msg), "Batch %lld bestaat niet.",
		 (long long)b2.id);
	assert_string_equal(f->e.message, msg);
	store_set_zicht(f->s, NULL);
	OK(store_uren_batches(f->s, &f->a, &list, &n, &f->e));
	assert_int_equal(n, 0);
	store_set_zicht(f->s, &zicht_alles);
	REFUSED(store_uren_batch_get(f->s, &f->a, b2.id + 100, &got, &f->e),
		ST_NOT_FOUND);
}

/*
 * Month totals (by municipality, unit, year, month; a cooperation's or
 * all), the latest year, and the cells of [van, tot) sorted by unit,
 * municipality and day: all of current batches only.
 */
static void
test_uren_maanden_cellen(void **state)
{
	static const char a24[] = KOP "M1;8-1-2024;GM0397;hb-com;4\n"
				      "M1;31-12-2024;GM0377;hb-com;2\n";
	static const char b25[] = KOP "M1;6-1-2025;GM0397;hb-com;3\n"
				      "M1;6-1-2025;GM0397;hb-com;1\n"
				      "M1;3-3-2025;GM0377;hb-com;2,5\n"
				      "M1;4-3-2025;GM0377;hb-ict;1\n";
	static const char c24[] = KOP "M1;3-6-2024;GM0377;hb-com;6\n";
	static const char aa[] = KOP "M1;3-2-2025;GM0358;aa-ict;8\n";
	struct fixture *f = *state;
	struct uren_resultaat res;
	struct uren_batch b;
	struct uren_maand *m;
	struct uren_register r;
	struct uren_cel *c;
	bool al;
	size_t n;
	int jaar;
	int64_t b25_id;

	add_twee(f);
	OK(store_uren_laatste_jaar(f->s, NULL, &jaar, &f->e));
	assert_int_equal(jaar, 0);
	assert_int_equal(
		importeer_als(f, a24, 0, false, "a.csv", &b, &al, &res), ST_OK);
	assert_int_equal(
		importeer_als(f, b25, 0, false, "b.csv", &b, &al, &res), ST_OK);
	b25_id = b.id;
	assert_int_equal(
		importeer_als(f, aa, 0, false, "aa.csv", &b, &al, &res), ST_OK);

	OK(store_uren_maanden(f->s, &f->a, "HB", 2024, 2025, &m, &n, &f->e));
	assert_int_equal(n, 5);
	assert_string_equal(m[0].gemeente, "GM0377");
	assert_string_equal(m[0].gemeente_naam, "Bloemendaal");
	assert_string_equal(m[0].eenheid, "hb-com");
	assert_string_equal(m[0].eenheid_naam, "Communicatie");
	assert_int_equal(m[0].jaar, 2024);
	assert_int_equal(m[0].maand, 12);
	assert_int_equal(m[0].honderdsten, 200);
	assert_int_equal(m[1].jaar, 2025);
	assert_int_equal(m[1].maand, 3);
	assert_int_equal(m[1].honderdsten, 250);
	assert_string_equal(m[2].eenheid, "hb-ict");
	assert_int_equal(m[2].honderdsten, 100);
	assert_string_equal(m[3].gemeente, "GM0397");
	assert_int_equal(m[3].jaar, 2024);
	assert_int_equal(m[3].maand, 1);
	assert_int_equal(m[3].honderdsten, 400);
	assert_int_equal(m[4].jaar, 2025);
	assert_int_equal(m[4].maand, 1);
	assert_int_equal(m[4].honderdsten, 400);
	assert_int_equal(m[4].rijen, 2);
	OK(store_uren_maanden(f->s, &f->a, "HB", 2025, 2025, &m, &n, &f->e));
	assert_int_equal(n, 3);
	OK(store_uren_maanden(f->s, &f->a, "HB", 2024, 2024, &m, &n, &f->e));
	assert_int_equal(n, 2);
	OK(store_uren_maanden(f->s, &f->a, NULL, 2025, 2025, &m, &n, &f->e));
	assert_int_equal(n, 4);
	assert_string_equal(m[0].gemeente, "GM0358");
	assert_int_equal(m[0].honderdsten, 800);
	OK(store_uren_maanden(f->s, &f->a, "HB", 2026, 2030, &m, &n, &f->e));
	assert_int_equal(n, 0);
	OK(store_uren_laatste_jaar(f->s, "HB", &jaar, &f->e));
	assert_int_equal(jaar, 2025);
	OK(store_uren_laatste_jaar(f->s, "XX", &jaar, &f->e));
	assert_int_equal(jaar, 0);

	OK(store_uren_register(f->s, &f->a, &r, &f->e));
	OK(store_uren_cellen(f->s, &f->a, &r, "HB", D("2025-01-01"),
			     D("2025-03-04"), &c, &n, &f->e));
	assert_int_equal(n, 2); /* 4 March is not in [van, tot) */
	assert_int_equal(c[0].eenheid, eenheid_index(&r, "hb-com"));
	assert_int_equal(c[0].gemeente, gemeente_index(&r, "GM0377"));
	assert_int_equal(c[0].dag, D("2025-03-03"));
	assert_int_equal(c[0].honderdsten, 250);
	assert_int_equal(c[0].rijen, 1);
	assert_int_equal(c[1].gemeente, gemeente_index(&r, "GM0397"));
	assert_int_equal(c[1].dag, D("2025-01-06"));
	assert_int_equal(c[1].honderdsten, 400);
	assert_int_equal(c[1].rijen, 2);
	OK(store_uren_cellen(f->s, &f->a, &r, NULL, DATE_NONE, DATE_NONE, &c,
			     &n, &f->e));
	assert_int_equal(n, 6);
	for (size_t i = 1; i < n; i++)
		assert_true(uren_cel_cmp(&c[i - 1], &c[i]) < 0);
	OK(store_uren_cellen(f->s, &f->a, &r, "AA", D("2025-02-03"),
			     D("2025-02-04"), &c, &n, &f->e));
	assert_int_equal(n, 1);
	assert_int_equal(c[0].eenheid, eenheid_index(&r, "aa-ict"));

	/* Replaced, 2025's batch counts no more: HB's latest year is 2024. */
	assert_int_equal(
		importeer_als(f, c24, b25_id, false, "c.csv", &b, &al, &res),
		ST_OK);
	OK(store_uren_laatste_jaar(f->s, "HB", &jaar, &f->e));
	assert_int_equal(jaar, 2024);
	OK(store_uren_laatste_jaar(f->s, NULL, &jaar, &f->e));
	assert_int_equal(jaar, 2025); /* AA's */
	OK(store_uren_maanden(f->s, &f->a, "HB", 2024, 2025, &m, &n, &f->e));
	assert_int_equal(n, 3);
	assert_int_equal(m[0].maand, 6);
	assert_int_equal(m[0].honderdsten, 600);
	OK(store_uren_cellen(f->s, &f->a, &r, "HB", D("2025-01-01"), DATE_NONE,
			     &c, &n, &f->e));
	assert_int_equal(n, 0);
}

int
main(void)
{
	if (fixture_engine())
		return 0;

	const struct CMUnitTest tests[] = {
		TEST(test_uren_import),		TEST(test_medewerkers),
		TEST(test_medewerker_velden),	TEST(test_medewerker_zicht),
		TEST(test_medewerker_gemeente), TEST(test_uren_register),
		TEST(test_uren_import_grenzen), TEST(test_uren_batches),
		TEST(test_uren_maanden_cellen),
	};
	return RUN_TESTS(tests);
}

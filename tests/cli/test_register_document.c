/*
 * test_register_document.c - loading a register document (and the demo
 * data): everything or nothing, problems named by their path.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../test.h"
#include "../test_db.h"
#include "../../src/cli/cli.h"
#include "../../src/store/db.h"

#define TODAY D("2026-11-22")

struct fixture {
	char dir[256], path[300];
	struct store *s;
	struct err e;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	if (test_db_make(f->dir, sizeof(f->dir), f->path, sizeof(f->path),
			 "ambt-doc"))
		return -1;
	err_clear(&f->e);
	if (store_open(f->path, STORE_CREATE, &f->s, &f->e) ||
	    refdata_load(f->s, TODAY, &f->e))
		return -1;
	store_set_clock(f->s, NOW);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->s);
	test_db_remove(f->dir, f->path);
	free(f);
	return 0;
}

static long
count(struct fixture *f, const char *sql)
{
	struct db *db;
	struct db_stmt *st;
	char melding[400];
	long n = -1;

	assert_int_equal(db_open(f->path, false, &db, melding, sizeof(melding)),
			 DB_OK);
	if ((st = db_stmt(db, 0, sql)) && db_step(st) == 1)
		n = (long)db_col_int(st, 0);
	db_close(db);
	return n;
}

static void
test_reference_data(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(count(f, "SELECT count(*) FROM organisatie"), 7);
	assert_int_equal(count(f, "SELECT aantal FROM inwonertal i JOIN "
				  "organisatie o ON o.id = i.organisatie_id "
				  "WHERE o.code = 'GM0358'"),
			 33354);
	assert_int_equal(count(f, "SELECT count(*) FROM taakveld"), 93);
	/* 6.2 was replaced by 6.21-6.23 in 2025. */
	assert_int_equal(count(f, "SELECT laatste_jaar FROM taakveld WHERE "
				  "code = '6.2'"),
			 2024);
	assert_int_equal(count(f, "SELECT eerste_jaar FROM taakveld WHERE "
				  "code = '6.21'"),
			 2025);
}

static void
test_demo(void **state)
{
	struct fixture *f = *state;

	err_clear(&f->e);
	assert_int_equal(demo_load(f->s, TODAY, &f->e), ST_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM samenwerking"), 3);
	assert_int_equal(count(f, "SELECT count(*) FROM organisatie WHERE "
				  "soort = 'gemeenschappelijke_regeling'"),
			 3);
	assert_int_equal(count(f, "SELECT count(*) FROM besluit WHERE "
				  "identificatie = '830016' AND status = "
				  "'vastgesteld' AND datum = '2021-05-27'"),
			 1);
	assert_int_equal(count(f, "SELECT count(*) FROM besluit_stap s JOIN "
				  "besluit b ON b.id = s.besluit_id WHERE "
				  "b.identificatie = '830016'"),
			 4);
	assert_int_equal(count(f, "SELECT count(*) FROM inrichting i JOIN "
				  "eenheid e ON e.id = i.eenheid_id WHERE "
				  "e.code = 'hb-informatisering' AND i.van = "
				  "'2021-04-22' AND i.vorm = 'ondergebracht'"),
			 1);
	/* WOL's seven tasks. */
	assert_int_equal(count(f, "SELECT count(*) FROM eenheid e JOIN "
				  "samenwerking s ON s.id = e.samenwerking_id "
				  "WHERE s.code = 'WOL' AND e.soort = 'taak'"),
			 7);
	/* Loading again conflicts and changes nothing. */
	long before = count(f, "SELECT count(*) FROM besluit");
	err_clear(&f->e);
	assert_int_not_equal(demo_load(f->s, TODAY, &f->e), ST_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM besluit"), before);
}

static const char good_prefix[] =
	"{\"besluiten\": [{\"sleutel\": \"s\", "
	"\"verantwoordelijkeOrganisatie\": \"GM0358\", "
	"\"bestuursorgaan\": \"college\", \"datum\": \"2013-01-01\", "
	"\"onderwerp\": \"Start\", \"openbaarheid\": \"actief_openbaar\", "
	"\"statusHistorie\": [{\"status\": \"vastgesteld\", "
	"\"datum\": \"2013-01-01\"}]}],"
	"\"samenwerkingen\": [{\"code\": \"AA\", \"naam\": \"AA\", "
	"\"sinds\": \"2013-01-01\", \"leden\": [{\"gemeente\": \"GM0358\", "
	"\"van\": \"2013-01-01\"}], \"eenheden\": [";

static void
load_text(struct fixture *f, const char *units, enum status want)
{
	char doc[4096];

	snprintf(doc, sizeof(doc), "%s%s]}]}", good_prefix, units);
	err_clear(&f->e);
	assert_int_equal(
		register_document_load(f->s, doc, strlen(doc), TODAY, &f->e),
		want);
}

static void
test_all_or_nothing(void **state)
{
	struct fixture *f = *state;

	/* The last unit overlaps: nothing of the document is stored. */
	load_text(f,
		  "{\"code\": \"aa-a\", \"naam\": \"A\", \"soort\": \"team\", "
		  "\"inrichting\": [{\"van\": \"2013-01-01\", \"vorm\": "
		  "\"gedeeld\", \"besluit\": \"s\"}]},"
		  "{\"code\": \"aa-b\", \"naam\": \"B\", \"soort\": \"team\", "
		  "\"inrichting\": [{\"van\": \"2013-01-01\", \"tot\": "
		  "\"2015-01-01\", \"vorm\": \"gedeeld\", \"besluit\": \"s\"},"
		  "{\"van\": \"2014-01-01\", \"vorm\": \"eigen\", \"gemeente\":"
		  " \"GM0358\", \"besluit\": \"s\"}]}",
		  ST_INVALID);
	assert_only_problem(&f->e,
			    "samenwerkingen[0].eenheden[1].inrichting[1].van",
			    "overlap");
	assert_int_equal(count(f, "SELECT count(*) FROM besluit"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM samenwerking"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM eenheid"), 0);

	/* Unknown field, wrong type, bad date, unknown key: all named. */
	load_text(f,
		  "{\"code\": \"aa-a\", \"naam\": 5, \"soort\": \"team\", "
		  "\"kleur\": \"rood\", \"inrichting\": [{\"van\": "
		  "\"2013-02-30\", \"vorm\": \"gedeeld\", \"besluit\": "
		  "\"x\"}]}",
		  ST_INVALID);
	assert_int_equal(f->e.nproblems, 4);
	assert_true(has_problem(&f->e, "samenwerkingen[0].eenheden[0].naam",
				"type"));
	assert_true(has_problem(&f->e, "samenwerkingen[0].eenheden[0].kleur",
				"unknown-field"));
	assert_true(has_problem(
		&f->e, "samenwerkingen[0].eenheden[0].inrichting[0].van",
		"date"));
	assert_true(has_problem(
		&f->e, "samenwerkingen[0].eenheden[0].inrichting[0].besluit",
		"unknown"));
	assert_int_equal(count(f, "SELECT count(*) FROM besluit"), 0);

	/* And a correct document is stored whole. */
	load_text(f,
		  "{\"code\": \"aa-a\", \"naam\": \"A\", \"soort\": \"team\", "
		  "\"inrichting\": [{\"van\": \"2013-01-01\", \"vorm\": "
		  "\"gedeeld\", \"besluit\": \"s\"}]}",
		  ST_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM eenheid"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM besluit WHERE "
				  "identificatie = 'BESLUIT-2013-0000000001'"),
			 1);
}

static void
test_bad_json(void **state)
{
	struct fixture *f = *state;
	static const char *const docs[] = {
		"{\"besluiten\": [}",
		"[]",
		"{\"besluiten\": [], \"besluiten\": []}",
		"{\"onbekend\": 1}",
	};

	for (size_t i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
		err_clear(&f->e);
		assert_int_equal(register_document_load(f->s, docs[i],
							strlen(docs[i]), TODAY,
							&f->e),
				 ST_INVALID);
		assert_int_equal(f->e.nproblems, 1);
	}
	assert_int_equal(count(f, "SELECT count(*) FROM besluit"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_reference_data, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_demo, setup, teardown),
		cmocka_unit_test_setup_teardown(test_all_or_nothing, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_bad_json, setup, teardown),
	};
	return RUN_TESTS(tests);
}

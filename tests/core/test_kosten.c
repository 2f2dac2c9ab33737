/*
 * test_kosten.c - the canonical input of a year built from the register,
 * the hours and the cost data (kosten_invoer), and its calculation: keys
 * from realised hours per member, a unit that becomes one member's own
 * halfway through the year, a support unit, advances.
 */
#include <stdio.h>

#include "../test.h"
#include "../../src/core/kosten.h"

static const struct organisatie gemeenten[] = {
	{ .code = "GM0358", .naam = "Aalsmeer", .inwoners = 32000 },
	{ .code = "GM0362", .naam = "Amstelveen", .inwoners = 92000 },
};

static struct inrichting gedeeld[1], vth[2];
static struct uren_eenheid eenheden[4];
static struct lidmaatschap leden[2];
static struct uren_samenwerking samenwerkingen[2];
static struct uren_register reg;

static void
register_opbouwen(void)
{
	gedeeld[0] =
		(struct inrichting){ .periode = { D("2008-01-01"), DATE_NONE },
				     .vorm = VORM_GEDEELD };
	vth[0] = (struct inrichting){ .periode = { D("2008-01-01"),
						   D("2024-07-01") },
				      .vorm = VORM_GEDEELD };
	vth[1] = (struct inrichting){ .periode = { D("2024-07-01"), DATE_NONE },
				      .vorm = VORM_EIGEN,
				      .gemeente = "GM0362" };
	eenheden[0] = (struct uren_eenheid){ 1,	   "aa-publiek", "Publiek",
					     "AA", gedeeld,	 1 };
	eenheden[1] = (struct uren_eenheid){ 2, "aa-vth", "VTH", "AA", vth, 2 };
	eenheden[2] =
		(struct uren_eenheid){ 3, "aa-ict", "ICT", "AA", gedeeld, 1 };
	eenheden[3] = (struct uren_eenheid){ 4, "hb-x", "X", "HB", gedeeld, 1 };
	leden[0] = (struct lidmaatschap){
		.gemeente = "GM0358", .periode = { D("2008-01-01"), DATE_NONE }
	};
	leden[1] = (struct lidmaatschap){
		.gemeente = "GM0362", .periode = { D("2008-01-01"), DATE_NONE }
	};
	samenwerkingen[0] =
		(struct uren_samenwerking){ "AA", leden, 2, NULL, 0 };
	samenwerkingen[1] =
		(struct uren_samenwerking){ "HB", NULL, 0, NULL, 0 };
	reg = (struct uren_register){ .gemeenten = gemeenten,
				      .ngemeenten = 2,
				      .eenheden = eenheden,
				      .neenheden = 4,
				      .samenwerkingen = samenwerkingen,
				      .nsamenwerkingen = 2 };
}

static void
test_jaar_uit_register(void **state)
{
	(void)state;
	register_opbouwen();
	/* Sorted by unit, municipality, day; 2023 and after VTH became
	 * Amstelveen's own do not count in the keys. */
	const struct uren_cel cellen[] = {
		{ 0, 0, D("2023-03-01"), 99900, 1 },
		{ 0, 0, D("2024-03-01"), 1000, 1 },
		{ 0, 1, D("2024-03-01"), 3000, 1 },
		{ 1, 0, D("2024-02-01"), 500, 1 },
		{ 1, 1, D("2024-02-01"), 1500, 1 },
		{ 1, 1, D("2024-09-01"), 800, 1 },
		{ 3, 0, D("2024-02-01"), 700, 1 },
	};
	struct kosten_post posten[] = {
		{ "P1", "aa-publiek", "personeel", "0.2", 100000, DATE_NONE,
		  0 },
		{ "P2", "aa-vth", "personeel", "8.3", 366000, DATE_NONE, 0 },
		{ "P3", "aa-ict", "ict", NULL, 50000, DATE_NONE, 0 },
	};
	struct kosten_rol rollen[] = {
		{ "aa-ict", 1, KV_GEEN, NULL, 0 },
	};
	struct kosten_levering lev[] = {
		{ "aa-ict", "aa-publiek", 3 },
		{ "aa-ict", "aa-vth", 1 },
	};
	struct kv_gewicht voorschot[] = { { "GM0358", 40000 } };
	struct kosten_jaar k = { .samenwerking = "AA",
				 .jaar = 2024,
				 .posten = posten,
				 .nposten = 3,
				 .rollen = rollen,
				 .nrollen = 1,
				 .leveringen = lev,
				 .nleveringen = 2,
				 .voorschotten = voorschot,
				 .nvoorschotten = 1 };
	struct arena a;
	struct err e;
	struct kv_invoer in;
	struct kv_uitkomst u;

	arena_init(&a, 16u << 20);
	assert_int_equal(kosten_invoer(&reg, cellen, 7, &k, &a, &in, &e),
			 ST_OK);
	assert_string_equal(
		kv_canoniek(&in, &a),
		"{\"advances\":{\"GM0358\":40000},\"departments\":["
		"{\"id\":\"aa-ict\",\"kind\":\"support\",\"name\":\"ICT\","
		"\"taakveld\":\"0.4\"},"
		"{\"id\":\"aa-publiek\",\"key\":{\"basis\":\"hours_realized\","
		"\"weights\":{\"GM0358\":1000,\"GM0362\":3000}},"
		"\"kind\":\"primary\",\"name\":\"Publiek\",\"taakveld\":\"0.2\"},"
		"{\"id\":\"aa-vth\",\"keys\":[{\"from\":\"2024-01-01\","
		"\"key\":{\"basis\":\"hours_realized\",\"weights\":"
		"{\"GM0358\":500,\"GM0362\":1500}},\"to\":\"2024-06-30\"},"
		"{\"from\":\"2024-07-01\",\"key\":{\"municipality\":\"GM0362\","
		"\"type\":\"direct\"},\"to\":\"2024-12-31\"}],"
		"\"kind\":\"primary\",\"name\":\"VTH\",\"taakveld\":\"8.3\"}],"
		"\"municipalities\":[{\"id\":\"GM0358\"},{\"id\":\"GM0362\"}],"
		"\"pools\":[{\"amount\":100000,\"cost_type\":\"personeel\","
		"\"department\":\"aa-publiek\",\"id\":\"P1\",\"taakveld\":\"0.2\"},"
		"{\"amount\":366000,\"cost_type\":\"personeel\","
		"\"department\":\"aa-vth\",\"id\":\"P2\",\"taakveld\":\"8.3\"},"
		"{\"amount\":50000,\"cost_type\":\"ict\",\"department\":"
		"\"aa-ict\",\"id\":\"P3\"}],"
		"\"support_allocation\":{\"keys\":{\"aa-ict\":{\"aa-publiek\":3,"
		"\"aa-vth\":1}},\"method\":\"reciprocal\"},\"year\":2024}");
	assert_int_equal(kv_bereken(&in, &a, &u, &e), ST_OK);
	/* P1 25000/75000; P2 182000 by 1:3 and 184000 to Amstelveen; P3
	 * 3/4 to Publiek (9375/28125) and 1/4 to VTH over the year, of
	 * which Aalsmeer's exact share 2275000/1464 = 1553,96 gets the
	 * leftover cent. */
	assert_int_equal(u.per_gemeente[0].totaal, 25000 + 45500 + 9375 + 1554);
	assert_int_equal(u.per_gemeente[1].totaal,
			 75000 + 136500 + 184000 + 28125 + 10946);
	assert_int_equal(u.per_gemeente[0].saldo, 81429 - 40000);
	assert_int_equal(u.totaal, 516000);
	arena_free(&a);
}

/* The same year with a scenario: Publiek becomes Aalsmeer's own from 1
 * July, VTH goes to a joint body from 1 April (taking its costs for the
 * rest of the year along), ICT costs 60000 instead of 50000. */
static void
test_scenario(void **state)
{
	(void)state;
	register_opbouwen();
	const struct uren_cel cellen[] = {
		{ 0, 0, D("2024-03-01"), 1000, 1 },
		{ 0, 1, D("2024-03-01"), 3000, 1 },
		{ 1, 0, D("2024-02-01"), 500, 1 },
		{ 1, 1, D("2024-02-01"), 1500, 1 },
	};
	struct kosten_post posten[] = {
		{ "P1", "aa-publiek", "personeel", "0.2", 100000, DATE_NONE,
		  0 },
		{ "P2", "aa-vth", "personeel", "8.3", 366000, DATE_NONE, 0 },
		{ "P3", "aa-ict", "ict", NULL, 50000, DATE_NONE, 0 },
	};
	struct kosten_rol rollen[] = { { "aa-ict", 1, KV_GEEN, NULL, 0 } };
	struct kosten_levering lev[] = { { "aa-ict", "aa-publiek", 1 } };
	struct kosten_jaar k = { .samenwerking = "AA",
				 .jaar = 2024,
				 .posten = posten,
				 .nposten = 3,
				 .rollen = rollen,
				 .nrollen = 1,
				 .leveringen = lev,
				 .nleveringen = 1 };
	struct scenario_wijziging w[] = {
		{ .soort = SC_EIGEN,
		  .eenheid = "aa-publiek",
		  .gemeente = "GM0358",
		  .vanaf = D("2024-07-01") },
		{ .soort = SC_ONDERGEBRACHT,
		  .eenheid = "aa-vth",
		  .vanaf = D("2024-04-01") },
		{ .soort = SC_KOSTENPOST, .kostenpost = "P3", .bedrag = 60000 },
	};
	struct scenario sc = { .samenwerking = "AA",
			       .jaar = 2024,
			       .naam = "terug",
			       .wijzigingen = w,
			       .nwijzigingen = 3 };
	struct uren_register r2;
	struct kosten_jaar k2;
	struct arena a;
	struct err e;
	struct kv_invoer in;
	struct kv_uitkomst u;

	arena_init(&a, 16u << 20);
	assert_int_equal(kosten_scenario(&reg, &k, &sc, &a, &r2, &k2, &e),
			 ST_OK);
	/* The originals are untouched. */
	assert_int_equal(posten[1].bedrag, 366000);
	assert_int_equal(eenheden[0].ninrichting, 1);
	assert_int_equal(kosten_invoer(&r2, cellen, 4, &k2, &a, &in, &e),
			 ST_OK);
	assert_int_equal(kv_bereken(&in, &a, &u, &e), ST_OK);
	/* P2: 91 of 366 days stay: 91000, by 500:1500 (Jan-Mar). */
	assert_int_equal(u.posten[2].bedrag, 91000);
	assert_string_equal(u.posten[2].id, "P2");
	assert_int_equal(u.bladen[u.posten[2].eerste_blad].cent, 22750);
	/* P1: 182/366 by 1:3 (12432 and 37295), 184/366 to Aalsmeer. */
	assert_string_equal(u.posten[0].id, "P1@2024-01-01");
	assert_int_equal(u.posten[0].bedrag, 49727);
	assert_string_equal(u.posten[1].id, "P1@2024-07-01");
	assert_int_equal(u.posten[1].bedrag, 50273);
	assert_int_equal(u.posten[1].nbladen, 1);
	assert_int_equal(u.bladen[u.posten[0].eerste_blad].cent, 12432);
	assert_int_equal(u.totaal, 100000 + 91000 + 60000);
	arena_free(&a);
}

/* Changes that name what is not there are all reported. */
static void
test_scenario_fouten(void **state)
{
	(void)state;
	register_opbouwen();
	struct kosten_jaar k = { .samenwerking = "AA", .jaar = 2024 };
	struct scenario_wijziging w[] = {
		{ .soort = SC_EIGEN,
		  .eenheid = "hb-x",
		  .gemeente = "GM0358",
		  .vanaf = D("2024-07-01") },
		{ .soort = SC_EIGEN,
		  .eenheid = "aa-vth",
		  .gemeente = "GM0392",
		  .vanaf = D("2024-07-01") },
		{ .soort = SC_KOSTENPOST, .kostenpost = "P9", .bedrag = 1 },
	};
	struct scenario sc = { .samenwerking = "AA",
			       .jaar = 2024,
			       .wijzigingen = w,
			       .nwijzigingen = 3 };
	struct uren_register r2;
	struct kosten_jaar k2;
	struct arena a;
	struct err e;

	err_clear(&e);
	arena_init(&a, 1u << 20);
	assert_int_equal(kosten_scenario(&reg, &k, &sc, &a, &r2, &k2, &e),
			 ST_INVALID);
	assert_int_equal(e.nproblems, 3);
	assert_string_equal(e.problems[0].reason,
			    "Eenheid hb-x hoort niet bij samenwerking AA.");
	assert_string_equal(e.problems[1].reason,
			    "Gemeente GM0392 is geen lid van AA.");
	assert_string_equal(e.problems[2].reason,
			    "Kostenpost P9 bestaat niet in AA 2024.");
	arena_free(&a);
}

/* Amounts in euro as people write them, and what is not one. */
static void
test_bedragen(void **state)
{
	static const struct {
		const char *tekst;
		int64_t cent; /* -1: refused */
	} gevallen[] = {
		{ "1.234,56", 123456 }, { "1234.56", 123456 },
		{ "1234,5", 123450 },	{ "-250", -25000 },
		{ "1.234", 123400 },	{ "1.234.567,89", 123456789 },
		{ "\u20ac 12", 1200 },	{ "-\u20ac 0,05", -5 },
		{ "0,001", -1 },	{ "12,", -1 },
		{ "twaalf", -1 },	{ "", -1 },
		{ "1,2,3", -1 },	{ "99999999999999999999", -1 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof gevallen / sizeof *gevallen; i++) {
		int64_t c = 0;
		int r = kosten_bedrag_parse(gevallen[i].tekst, &c);
		if (gevallen[i].cent == -1) {
			if (r == 0)
				fail_msg("'%s' accepted as %lld",
					 gevallen[i].tekst, (long long)c);
		} else if (r != 0 || c != gevallen[i].cent) {
			fail_msg("'%s': want %lld, got %d/%lld",
				 gevallen[i].tekst, (long long)gevallen[i].cent,
				 r, (long long)c);
		}
	}
}

/* A file of cost pools: every problem by line and column at once. */
static void
test_kostenposten_csv(void **state)
{
	const char *goed = "code;eenheid;kostensoort;taakveld;bedrag;datum\r\n"
			   "P1;aa-publiek;personeel;0.2;1.234,56;\r\n"
			   "P2;aa-ict;ict;;-250;2024-03-01\r\n";
	const char *fout = "Code,Eenheid,Kostensoort,Bedrag\n"
			   "P1,aa-publiek,,12\n"
			   "P2,aa-ict,ict,twaalf\n";
	struct kosten_post *p;
	size_t n;
	struct arena a;
	struct err e;
	(void)state;
	arena_init(&a, 1u << 20);
	err_clear(&e);
	assert_int_equal(kosten_csv_lees(&a, goed, strlen(goed), &p, &n, &e),
			 ST_OK);
	assert_int_equal(n, 2);
	assert_string_equal(p[0].code, "P1");
	assert_int_equal(p[0].bedrag, 123456);
	assert_string_equal(p[0].taakveld, "0.2");
	assert_int_equal(p[0].datum, DATE_NONE);
	assert_null(p[1].taakveld);
	assert_int_equal(p[1].bedrag, -25000);
	assert_int_equal(p[1].datum, D("2024-03-01"));
	assert_int_equal(p[1].regel, 3);
	err_clear(&e);
	assert_int_equal(kosten_csv_lees(&a, fout, strlen(fout), &p, &n, &e),
			 ST_INVALID);
	assert_int_equal(e.nproblems, 2);
	assert_string_equal(e.problems[0].name, "regel 2: kostensoort");
	assert_string_equal(e.problems[0].reason,
			    "Vul de kolom kostensoort in.");
	assert_string_equal(e.problems[1].name, "regel 3: bedrag");
	assert_string_equal(e.problems[1].reason,
			    "'twaalf' is geen bedrag in euro (schrijf "
			    "bijvoorbeeld 1.234,56 of -250).");
	arena_free(&a);
}

/*
 * A cost pool file with an overlong code and kostensoort and an amount
 * beyond the calculation's limit: each named by line and column; at the
 * limits everything is read.
 */
static void
test_kostenposten_grenzen(void **state)
{
	static char code[2 * KOSTEN_MAX_CODE + 3],
		soort[2 * KOSTEN_MAX_CODE + 3], csv[2048];
	struct kosten_post *p;
	size_t n;
	struct arena a;
	struct err e;

	(void)state;
	arena_init(&a, 1u << 20);
	snprintf(csv, sizeof csv,
		 "code;eenheid;kostensoort;bedrag\n"
		 "%s;aa-ict;%s;1.000.000.000.000,00\n"
		 "P2;aa-ict;ict;-1.000.000.000.000,00\n",
		 text_of(KOSTEN_MAX_CODE, code),
		 text_of(KOSTEN_MAX_CODE, soort));
	err_clear(&e);
	assert_int_equal(kosten_csv_lees(&a, csv, strlen(csv), &p, &n, &e),
			 ST_OK);
	assert_true(p[0].bedrag == KV_MAX_BEDRAG);
	assert_true(p[1].bedrag == -KV_MAX_BEDRAG);

	snprintf(csv, sizeof csv,
		 "code;eenheid;kostensoort;bedrag\n"
		 "P1;aa-ict;ict;5\n"
		 "%s;aa-ict;%s;1.000.000.000.000,01\n",
		 text_of(KOSTEN_MAX_CODE + 1, code),
		 text_of(KOSTEN_MAX_CODE + 1, soort));
	err_clear(&e);
	assert_int_equal(kosten_csv_lees(&a, csv, strlen(csv), &p, &n, &e),
			 ST_INVALID);
	assert_int_equal(e.nproblems, 3);
	assert_string_equal(e.problems[0].name, "regel 3: code");
	assert_string_equal(e.problems[0].code, "too-long");
	assert_string_equal(e.problems[0].reason,
			    "Gebruik hoogstens 64 tekens.");
	assert_string_equal(e.problems[1].name, "regel 3: kostensoort");
	assert_string_equal(e.problems[1].reason,
			    "Gebruik hoogstens 64 tekens.");
	assert_string_equal(e.problems[2].name, "regel 3: bedrag");
	assert_string_equal(e.problems[2].code, "range");
	assert_string_equal(e.problems[2].reason,
			    "Een bedrag ligt tussen -1.000 miljard en 1.000 "
			    "miljard euro.");
	arena_free(&a);
}

/* A taakveld is a short code, for a cost pool and for a unit's role; a
 * step-down place is 0 to 1000. */
static void
test_taakveld_en_volgorde(void **state)
{
	struct kosten_post p = { .code = "P1",
				 .kostensoort = "ict",
				 .taakveld = "6.71a-en-nog-veel-meer",
				 .bedrag = 5 };
	struct kosten_rol r = { .eenheid = "aa-ict", .volgorde = 1001 };
	struct err e;

	(void)state;
	err_clear(&e);
	kosten_post_check(&p, "regel 4: ", &e);
	assert_only_problem(&e, "regel 4: taakveld", "too-long");
	assert_string_equal(e.problems[0].reason,
			    "Gebruik hoogstens 16 tekens.");
	err_clear(&e);
	assert_int_equal(kosten_rol_check(&r, &e), ST_INVALID);
	assert_only_problem(&e, "volgorde", "range");
	assert_string_equal(e.problems[0].reason,
			    "Geef een geheel getal van 0 tot en met 1000.");
	r.volgorde = KOSTEN_MAX_VOLGORDE;
	r.taakveld = "6.71a";
	p.taakveld = r.taakveld;
	err_clear(&e);
	assert_int_equal(kosten_rol_check(&r, &e), ST_OK);
	assert_int_equal(kosten_post_check(&p, "", &e), ST_OK);
}

/* A scenario's own rules: year, name, description, number of changes,
 * and each change's cost pool code and amount. */
static void
test_scenario_grenzen(void **state)
{
	static char naam[2 * KOSTEN_MAX_NAAM + 3],
		omschrijving[2 * KOSTEN_MAX_OMSCHRIJVING + 3],
		code[2 * KOSTEN_MAX_CODE + 3];
	static struct scenario_wijziging w[KOSTEN_MAX_WIJZIGINGEN + 1];
	struct scenario sc = { .samenwerking = "AA", .jaar = 2024 };
	struct err e;

	(void)state;
	for (size_t i = 0; i <= KOSTEN_MAX_WIJZIGINGEN; i++)
		w[i] = (struct scenario_wijziging){
			.soort = SC_KOSTENPOST,
			.kostenpost = "P1",
			.bedrag = KV_MAX_BEDRAG,
			.vanaf = DATE_NONE,
		};
	w[0].kostenpost = text_of(KOSTEN_MAX_CODE, code);
	sc.naam = text_of(KOSTEN_MAX_NAAM, naam);
	sc.omschrijving = text_of(KOSTEN_MAX_OMSCHRIJVING, omschrijving);
	sc.wijzigingen = w;
	sc.nwijzigingen = KOSTEN_MAX_WIJZIGINGEN;
	err_clear(&e);
	assert_int_equal(scenario_check(&sc, &e), ST_OK);

	sc.jaar = 10000;
	sc.naam = text_of(KOSTEN_MAX_NAAM + 1, naam);
	sc.omschrijving = text_of(KOSTEN_MAX_OMSCHRIJVING + 1, omschrijving);
	sc.nwijzigingen = KOSTEN_MAX_WIJZIGINGEN + 1;
	w[0].kostenpost = text_of(KOSTEN_MAX_CODE + 1, code);
	w[1].bedrag = -KV_MAX_BEDRAG - 1;
	err_clear(&e);
	assert_int_equal(scenario_check(&sc, &e), ST_INVALID);
	assert_int_equal(e.nproblems, 6);
	assert_string_equal(e.problems[0].name, "jaar");
	assert_string_equal(e.problems[0].reason,
			    "Geef een geheel getal van 1900 tot en met 9998.");
	assert_string_equal(e.problems[1].name, "naam");
	assert_string_equal(e.problems[1].reason,
			    "Gebruik hoogstens 200 tekens.");
	assert_string_equal(e.problems[2].name, "omschrijving");
	assert_string_equal(e.problems[2].reason,
			    "Gebruik hoogstens 1000 tekens.");
	assert_string_equal(e.problems[3].name, "wijzigingen");
	assert_string_equal(e.problems[3].reason,
			    "Een scenario heeft hoogstens 100 wijzigingen.");
	assert_string_equal(e.problems[4].name, "wijzigingen[0].kostenpost");
	assert_string_equal(e.problems[4].code, "too-long");
	assert_string_equal(e.problems[5].name, "wijzigingen[1].bedragCenten");
	assert_string_equal(e.problems[5].code, "range");
}

static void
test_onbekende_samenwerking(void **state)
{
	struct kosten_jaar k = { .samenwerking = "XX", .jaar = 2024 };
	struct arena a;
	struct err e;
	struct kv_invoer in;
	(void)state;
	register_opbouwen();
	arena_init(&a, 1u << 20);
	assert_int_equal(kosten_invoer(&reg, NULL, 0, &k, &a, &in, &e),
			 ST_NOT_FOUND);
	assert_string_equal(e.message, "Samenwerking XX bestaat niet.");
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jaar_uit_register),
		cmocka_unit_test(test_scenario),
		cmocka_unit_test(test_scenario_fouten),
		cmocka_unit_test(test_bedragen),
		cmocka_unit_test(test_kostenposten_csv),
		cmocka_unit_test(test_kostenposten_grenzen),
		cmocka_unit_test(test_scenario_grenzen),
		cmocka_unit_test(test_taakveld_en_volgorde),
		cmocka_unit_test(test_onbekende_samenwerking),
	};
	return RUN_TESTS(tests);
}

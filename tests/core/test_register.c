/*
 * test_register.c - the rules of the cooperation register, as tables of
 * named cases: given these periods, exactly these problems.
 */
#include "../test.h"
#include "../../src/core/register.h"

static void
test_codes(void **state)
{
	static const struct {
		const char *code;
		int kind; /* 0 cbs, 1 short, 2 unit */
		const char *problem; /* NULL = valid */
	} cases[] = {
		{ "GM0358", 0, NULL },
		{ "GM0397", 0, NULL },
		{ "", 0, "required" },
		{ "GM358", 0, "format" },
		{ "gm0358", 0, "format" },
		{ "GM03588", 0, "format" },
		{ "GM03a8", 0, "format" },
		{ "0358", 0, "format" },
		{ "GRIT", 1, NULL },
		{ "HB", 1, NULL },
		{ "WOL-2", 1, NULL },
		{ "H", 1, "format" },
		{ "grit", 1, "format" },
		{ "GR IT", 1, "format" },
		{ "ABCDEFGHIJKLMNOPQ", 1, "format" },
		{ "hb-informatisering", 2, NULL },
		{ "wol-taak-wmo", 2, NULL },
		{ "-hb", 2, "format" },
		{ "hb-", 2, "format" },
		{ "HB-info", 2, "format" },
		{ "hb_info", 2, "format" },
		{ "h", 2, "format" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct err e;
		enum status st;

		err_clear(&e);
		if (cases[i].kind == 0)
			st = reg_check_cbs_code(cases[i].code, "code", &e);
		else if (cases[i].kind == 1)
			st = reg_check_short_code(cases[i].code, "code", &e);
		else
			st = reg_check_unit_code(cases[i].code, "code", &e);
		if (!cases[i].problem) {
			assert_int_equal(st, ST_OK);
			assert_int_equal(e.nproblems, 0);
		} else {
			print_message("# case %s\n", cases[i].code);
			assert_int_equal(st, ST_INVALID);
			assert_only_problem(&e, "code", cases[i].problem);
		}
	}
}

static void
test_organisatie(void **state)
{
	struct organisatie o = { .soort = ORG_GEMEENTE,
				 .code = "GM0358",
				 .naam = "Aalsmeer",
				 .inwoners = 33354,
				 .inwoners_peildatum = D("2024-01-01") };
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(reg_check_organisatie(&o, D("2026-11-22"), &e), ST_OK);

	o.inwoners_peildatum = D("2027-01-01");
	err_clear(&e);
	assert_int_equal(reg_check_organisatie(&o, D("2026-11-22"), &e),
			 ST_INVALID);
	assert_only_problem(&e, "peildatum", "future-date");

	o.inwoners_peildatum = DATE_NONE;
	err_clear(&e);
	reg_check_organisatie(&o, D("2026-11-22"), &e);
	assert_only_problem(&e, "peildatum", "required");

	o.inwoners = -1;
	o.naam = "";
	o.code = "XX";
	err_clear(&e);
	reg_check_organisatie(&o, D("2026-11-22"), &e);
	assert_int_equal(e.nproblems, 2);
	assert_true(has_problem(&e, "code", "format"));
	assert_true(has_problem(&e, "naam", "required"));
}

/*
 * Every text field of the register at its limit passes and one
 * character more is "too-long" with the limit in the message (two bytes
 * a character: a limit in bytes would fail); counts out of range are
 * "range".
 */
enum veld {
	V_ORG_NAAM,
	V_ORG_PROVINCIE,
	V_ORG_TAAK,
	V_INW_BRON,
	V_SW_NAAM,
	V_SW_OMSCHRIJVING,
	V_EENHEID_NAAM,
	V_EENHEID_OMSCHRIJVING,
	V_ARTIKEL_TITEL,
	V_ARTIKEL_TEKST,
	V_WS_NAAM,
	V_WS_EIGENAAR,
	V_WS_OMSCHRIJVING,
	V_MIJLPAAL_NAAM,
	V_MIJLPAAL_UITKOMST,
};

/* Run the check of the record that holds field v, with text t in it. */
static void
check_veld(enum veld v, const char *t, struct err *e)
{
	struct organisatie o = { .soort = ORG_GEMEENTE,
				 .code = "GM0358",
				 .naam = "Aalsmeer",
				 .inwoners = -1,
				 .inwoners_peildatum = DATE_NONE };
	struct inwonertal inw = { D("2024-01-01"), 33354, "CBS" };
	struct samenwerking sw = { .code = "AA",
				   .naam = "Amstelveen-Aalsmeer",
				   .sinds = D("2008-01-01") };
	struct eenheid u = { .code = "aa-ict", .naam = "ICT" };
	struct kader_versie kv = { .periode = { D("2019-01-01"), DATE_NONE },
				   .tekst = "Tekst",
				   .besluit = "830016" };
	struct kader_artikel k = {
		.nummer = 1, .titel = "Titel", .versies = &kv, .nversies = 1
	};
	struct mijlpaal m = { .naam = "Start", .gepland = D("2025-01-01") };
	struct werkstroom w = { .code = "wol-ict",
				.naam = "ICT",
				.mijlpalen = &m,
				.nmijlpalen = 1 };
	const day_t today = D("2026-11-22");

	switch (v) {
	case V_ORG_NAAM:
		o.naam = t;
		break;
	case V_ORG_PROVINCIE:
		o.provincie = t;
		break;
	case V_ORG_TAAK:
		o.soort = ORG_REGELING;
		o.code = "GRIT";
		o.taak = t;
		break;
	case V_INW_BRON:
		inw.bron = t;
		reg_check_inwonertal(&inw, today, e);
		return;
	case V_SW_NAAM:
		sw.naam = t;
		break;
	case V_SW_OMSCHRIJVING:
		sw.omschrijving = t;
		break;
	case V_EENHEID_NAAM:
		u.naam = t;
		break;
	case V_EENHEID_OMSCHRIJVING:
		u.omschrijving = t;
		break;
	case V_ARTIKEL_TITEL:
		k.titel = t;
		break;
	case V_ARTIKEL_TEKST:
		kv.tekst = t;
		break;
	case V_WS_NAAM:
		w.naam = t;
		break;
	case V_WS_EIGENAAR:
		w.eigenaar = t;
		break;
	case V_WS_OMSCHRIJVING:
		w.omschrijving = t;
		break;
	case V_MIJLPAAL_NAAM:
		m.naam = t;
		break;
	case V_MIJLPAAL_UITKOMST:
		m.uitkomst = t;
		break;
	}
	if (v <= V_ORG_TAAK)
		reg_check_organisatie(&o, today, e);
	else if (v <= V_SW_OMSCHRIJVING)
		reg_check_samenwerking(&sw, e);
	else if (v <= V_EENHEID_OMSCHRIJVING)
		reg_check_eenheid(&u, e);
	else if (v <= V_ARTIKEL_TEKST)
		reg_check_kader_artikel(&k, e);
	else
		reg_check_werkstroom(&w, e);
}

static void
test_lengths(void **state)
{
	static char buf[2 * REG_MAX_TEKST + 3];
	static const struct {
		enum veld v;
		const char *field;
		size_t max;
		const char *reason;
	} cases[] = {
		{ V_ORG_NAAM, "naam", REG_MAX_NAAM,
		  "Gebruik hoogstens 200 tekens." },
		{ V_ORG_PROVINCIE, "provincie", REG_MAX_NAAM,
		  "Gebruik hoogstens 200 tekens." },
		{ V_ORG_TAAK, "taak", REG_MAX_NAAM,
		  "Gebruik hoogstens 200 tekens." },
		{ V_INW_BRON, "bron", REG_MAX_NAAM,
		  "Gebruik hoogstens 200 tekens." },
		{ V_SW_NAAM, "naam", REG_MAX_NAAM,
		  "Gebruik hoogstens 200 tekens." },
		{ V_SW_OMSCHRIJVING, "omschrijving", REG_MAX_OMSCHRIJVING,
		  "Gebruik hoogstens 1000 tekens." },
		{ V_EENHEID_NAAM, "naam", REG_MAX_NAAM,
		  "Gebruik hoogstens 200 tekens." },
		{ V_EENHEID_OMSCHRIJVING, "omschrijving", REG_MAX_OMSCHRIJVING,
		  "Gebruik hoogstens 1000 tekens." },
		{ V_ARTIKEL_TITEL, "titel", REG_MAX_NAAM,
		  "Gebruik hoogstens 200 tekens." },
		{ V_ARTIKEL_TEKST, "versies[0].tekst", REG_MAX_TEKST,
		  "Gebruik hoogstens 10.000 tekens." },
		{ V_WS_NAAM, "naam", REG_MAX_NAAM,
		  "Gebruik hoogstens 200 tekens." },
		{ V_WS_EIGENAAR, "eigenaar", REG_MAX_NAAM,
		  "Gebruik hoogstens 200 tekens." },
		{ V_WS_OMSCHRIJVING, "omschrijving", REG_MAX_OMSCHRIJVING,
		  "Gebruik hoogstens 1000 tekens." },
		{ V_MIJLPAAL_NAAM, "mijlpalen[0].naam", REG_MAX_NAAM,
		  "Gebruik hoogstens 200 tekens." },
		{ V_MIJLPAAL_UITKOMST, "mijlpalen[0].uitkomst",
		  REG_MAX_OMSCHRIJVING, "Gebruik hoogstens 1000 tekens." },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct err e;

		print_message("# case: %s at its limit\n", cases[i].field);
		err_clear(&e);
		check_veld(cases[i].v, text_of(cases[i].max, buf), &e);
		assert_int_equal(e.nproblems, 0);
		print_message("# case: %s one too long\n", cases[i].field);
		check_veld(cases[i].v, text_of(cases[i].max + 1, buf), &e);
		assert_only_problem(&e, cases[i].field, "too-long");
		assert_string_equal(e.problems[0].reason, cases[i].reason);
	}
}

/* Inhabitants 0 to 100 million; an article's number 1 to 10000. */
static void
test_counts(void **state)
{
	static const struct {
		const char *name;
		int64_t inwoners, nummer;
		const char *field, *reason;
	} cases[] = {
		{ "largest count", REG_MAX_INWONERS, 1, NULL, NULL },
		{ "none at all", 0, REG_MAX_ARTIKEL, NULL, NULL },
		{ "one too many inhabitants", REG_MAX_INWONERS + 1, 1,
		  "inwoners",
		  "Geef een geheel getal van 0 tot en met 100.000.000." },
		{ "negative count", -5, 1, "inwoners",
		  "Geef een geheel getal van 0 tot en met 100.000.000." },
		{ "article 0", 0, 0, "nummer",
		  "Geef een geheel getal van 1 tot en met 10.000." },
		{ "article 10001", 0, REG_MAX_ARTIKEL + 1, "nummer",
		  "Geef een geheel getal van 1 tot en met 10.000." },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct inwonertal t = { D("2024-01-01"), cases[i].inwoners,
					NULL };
		struct organisatie o = { .soort = ORG_GEMEENTE,
					 .code = "GM0358",
					 .naam = "Aalsmeer",
					 .inwoners = cases[i].inwoners,
					 .inwoners_peildatum =
						 D("2024-01-01") };
		struct kader_versie kv = { .periode = { D("2019-01-01"),
							DATE_NONE },
					   .tekst = "Tekst",
					   .besluit = "830016" };
		struct kader_artikel k = { .nummer = (int)cases[i].nummer,
					   .versies = &kv,
					   .nversies = 1 };
		struct err e, eo;

		print_message("# case: %s\n", cases[i].name);
		err_clear(&e);
		err_clear(&eo);
		reg_check_inwonertal(&t, D("2026-11-22"), &e);
		reg_check_kader_artikel(&k, &e);
		if (!cases[i].field) {
			reg_check_organisatie(&o, D("2026-11-22"), &eo);
			assert_int_equal(e.nproblems + eo.nproblems, 0);
			continue;
		}
		assert_only_problem(&e, cases[i].field, "range");
		assert_string_equal(e.problems[0].reason, cases[i].reason);
		if (cases[i].inwoners > 0) { /* -1 means: not given */
			reg_check_organisatie(&o, D("2026-11-22"), &eo);
			assert_only_problem(&eo, "inwoners", "range");
		}
	}
}

#define NONE DATE_NONE

static void
test_leden(void **state)
{
	struct cases {
		const char *name;
		struct lidmaatschap leden[3];
		size_t n;
		const char *field, *code; /* NULL = valid */
	};
	const struct cases cases[] = {
		{ "two members, open",
		  { { .gemeente = "GM0397",
		      .periode = { D("2013-01-01"), NONE } },
		    { .gemeente = "GM0377",
		      .periode = { D("2013-01-01"), NONE } } },
		  2,
		  NULL,
		  NULL },
		{ "leave date before join date",
		  { { .gemeente = "GM0397",
		      .periode = { D("2013-01-01"), D("2012-12-31") } } },
		  1,
		  "leden[0].tot",
		  "before-start" },
		{ "leave date equal to join date",
		  { { .gemeente = "GM0397",
		      .periode = { D("2013-01-01"), D("2013-01-01") } } },
		  1,
		  "leden[0].tot",
		  "before-start" },
		{ "no join date",
		  { { .gemeente = "GM0397", .periode = { NONE, NONE } } },
		  1,
		  "leden[0].van",
		  "required" },
		{ "bad CBS code",
		  { { .gemeente = "Heemstede",
		      .periode = { D("2013-01-01"), NONE } } },
		  1,
		  "leden[0].gemeente",
		  "format" },
		{ "same member twice, overlapping",
		  { { .gemeente = "GM0397",
		      .periode = { D("2013-01-01"), D("2020-01-01") } },
		    { .gemeente = "GM0397",
		      .periode = { D("2019-01-01"), NONE } } },
		  2,
		  "leden[1].van",
		  "overlap" },
		{ "same member twice, leaving and rejoining",
		  { { .gemeente = "GM0397",
		      .periode = { D("2013-01-01"), D("2020-01-01") } },
		    { .gemeente = "GM0397",
		      .periode = { D("2020-01-01"), NONE } } },
		  2,
		  NULL,
		  NULL },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct err e;
		enum status st;

		print_message("# case: %s\n", cases[i].name);
		err_clear(&e);
		st = reg_check_leden(cases[i].leden, cases[i].n, "leden", &e);
		if (!cases[i].field) {
			assert_int_equal(st, ST_OK);
			assert_int_equal(e.nproblems, 0);
		} else {
			assert_int_equal(st, ST_INVALID);
			assert_only_problem(&e, cases[i].field, cases[i].code);
		}
	}
}

/* Day numbers of 2013-01-01 and 2030-01-01 (checked in test_inrichting). */
#define JAN_2013 15706
#define JAN_2030 21915

static const struct lidmaatschap hb_leden[] = {
	{ .gemeente = "GM0397", .periode = { JAN_2013, NONE } },
	{ .gemeente = "GM0377", .periode = { JAN_2013, JAN_2030 } },
};

static void
test_inrichting(void **state)
{
	struct cases {
		const char *name;
		struct inrichting p[3];
		size_t n;
		const char *field, *code; /* NULL = valid */
	};
	const struct cases cases[] = {
		{ "shared, then delegated to GRIT",
		  { { .periode = { D("2013-01-01"), D("2021-04-22") },
		      .vorm = VORM_GEDEELD,
		      .besluit = "B1" },
		    { .periode = { D("2021-04-22"), NONE },
		      .vorm = VORM_ONDERGEBRACHT,
		      .regeling = "GRIT",
		      .besluit = "B2" } },
		  2,
		  NULL,
		  NULL },
		{ "own for a member",
		  { { .periode = { D("2013-01-01"), NONE },
		      .vorm = VORM_EIGEN,
		      .gemeente = "GM0397",
		      .besluit = "B1" } },
		  1,
		  NULL,
		  NULL },
		{ "overlap",
		  { { .periode = { D("2013-01-01"), D("2021-05-01") },
		      .vorm = VORM_GEDEELD,
		      .besluit = "B1" },
		    { .periode = { D("2021-04-22"), NONE },
		      .vorm = VORM_ONDERGEBRACHT,
		      .regeling = "GRIT",
		      .besluit = "B2" } },
		  2,
		  "inrichting[1].van",
		  "overlap" },
		{ "open period followed by another",
		  { { .periode = { D("2013-01-01"), NONE },
		      .vorm = VORM_GEDEELD,
		      .besluit = "B1" },
		    { .periode = { D("2021-04-22"), NONE },
		      .vorm = VORM_ONDERGEBRACHT,
		      .regeling = "GRIT",
		      .besluit = "B2" } },
		  2,
		  "inrichting[1].van",
		  "overlap" },
		{ "gap",
		  { { .periode = { D("2013-01-01"), D("2021-01-01") },
		      .vorm = VORM_GEDEELD,
		      .besluit = "B1" },
		    { .periode = { D("2021-04-22"), NONE },
		      .vorm = VORM_ONDERGEBRACHT,
		      .regeling = "GRIT",
		      .besluit = "B2" } },
		  2,
		  "inrichting[1].van",
		  "gap" },
		{ "one-day gap",
		  { { .periode = { D("2013-01-01"), D("2021-04-21") },
		      .vorm = VORM_GEDEELD,
		      .besluit = "B1" },
		    { .periode = { D("2021-04-22"), NONE },
		      .vorm = VORM_ONDERGEBRACHT,
		      .regeling = "GRIT",
		      .besluit = "B2" } },
		  2,
		  "inrichting[1].van",
		  "gap" },
		{ "one-day overlap",
		  { { .periode = { D("2013-01-01"), D("2021-04-23") },
		      .vorm = VORM_GEDEELD,
		      .besluit = "B1" },
		    { .periode = { D("2021-04-22"), NONE },
		      .vorm = VORM_ONDERGEBRACHT,
		      .regeling = "GRIT",
		      .besluit = "B2" } },
		  2,
		  "inrichting[1].van",
		  "overlap" },
		{ "out of order",
		  { { .periode = { D("2021-04-22"), NONE },
		      .vorm = VORM_GEDEELD,
		      .besluit = "B1" },
		    { .periode = { D("2013-01-01"), D("2021-04-22") },
		      .vorm = VORM_GEDEELD,
		      .besluit = "B2" } },
		  2,
		  "inrichting[1].van",
		  "order" },
		{ "end before start",
		  { { .periode = { D("2013-01-01"), D("2012-01-01") },
		      .vorm = VORM_GEDEELD,
		      .besluit = "B1" } },
		  1,
		  "inrichting[0].tot",
		  "before-start" },
		{ "no decision",
		  { { .periode = { D("2013-01-01"), NONE },
		      .vorm = VORM_GEDEELD } },
		  1,
		  "inrichting[0].besluit",
		  "required" },
		{ "own without municipality",
		  { { .periode = { D("2013-01-01"), NONE },
		      .vorm = VORM_EIGEN,
		      .besluit = "B1" } },
		  1,
		  "inrichting[0].gemeente",
		  "required" },
		{ "own for a non-member",
		  { { .periode = { D("2013-01-01"), NONE },
		      .vorm = VORM_EIGEN,
		      .gemeente = "GM0358",
		      .besluit = "B1" } },
		  1,
		  "inrichting[0].gemeente",
		  "not-a-member" },
		{ "own for a member that has left by then",
		  { { .periode = { D("2031-01-01"), NONE },
		      .vorm = VORM_EIGEN,
		      .gemeente = "GM0377",
		      .besluit = "B1" } },
		  1,
		  "inrichting[0].gemeente",
		  "not-a-member" },
		{ "delegated without joint body",
		  { { .periode = { D("2013-01-01"), NONE },
		      .vorm = VORM_ONDERGEBRACHT,
		      .besluit = "B1" } },
		  1,
		  "inrichting[0].regeling",
		  "required" },
		{ "shared naming a municipality",
		  { { .periode = { D("2013-01-01"), NONE },
		      .vorm = VORM_GEDEELD,
		      .gemeente = "GM0397",
		      .besluit = "B1" } },
		  1,
		  "inrichting[0].vorm",
		  "not-allowed" },
		{ "before the cooperation began",
		  { { .periode = { D("2012-06-01"), NONE },
		      .vorm = VORM_GEDEELD,
		      .besluit = "B1" } },
		  1,
		  "inrichting[0].van",
		  "before-cooperation" },
		{ "no start date",
		  { { .periode = { NONE, NONE },
		      .vorm = VORM_GEDEELD,
		      .besluit = "B1" } },
		  1,
		  "inrichting[0].van",
		  "required" },
	};
	(void)state;
	assert_int_equal(JAN_2013, D("2013-01-01"));
	assert_int_equal(JAN_2030, D("2030-01-01"));
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct err e;
		enum status st;

		print_message("# case: %s\n", cases[i].name);
		err_clear(&e);
		st = reg_check_inrichting(cases[i].p, cases[i].n, hb_leden, 2,
					  D("2013-01-01"), &e);
		if (!cases[i].field) {
			assert_int_equal(st, ST_OK);
			assert_int_equal(e.nproblems, 0);
		} else {
			assert_int_equal(st, ST_INVALID);
			assert_only_problem(&e, cases[i].field, cases[i].code);
		}
	}
}

static void
test_inrichting_messages(void **state)
{
	struct inrichting gap[] = {
		{ .periode = { D("2013-01-01"), D("2021-01-01") },
		  .vorm = VORM_GEDEELD,
		  .besluit = "B1" },
		{ .periode = { D("2021-04-22"), NONE },
		  .vorm = VORM_GEDEELD,
		  .besluit = "B2" },
	};
	struct err e;

	(void)state;
	err_clear(&e);
	reg_check_inrichting(gap, 2, hb_leden, 2, DATE_NONE, &e);
	assert_string_equal(e.problems[0].reason,
			    "Van 1 januari 2021 tot 22 april 2021 is niets "
			    "geregeld; perioden moeten op elkaar aansluiten.");
	assert_string_equal(e.message,
			    "inrichting[1].van: Van 1 januari 2021 tot 22 "
			    "april 2021 is niets geregeld; perioden moeten op "
			    "elkaar aansluiten.");
}

static void
test_inrichting_op(void **state)
{
	struct inrichting p[] = {
		{ .periode = { D("2013-01-01"), D("2021-04-22") } },
		{ .periode = { D("2021-04-22"), D("2024-01-01") } },
	};

	(void)state;
	assert_int_equal(reg_inrichting_op(p, 2, D("2012-12-31")), -1);
	assert_int_equal(reg_inrichting_op(p, 2, D("2013-01-01")), 0);
	assert_int_equal(reg_inrichting_op(p, 2, D("2021-03-01")), 0);
	assert_int_equal(reg_inrichting_op(p, 2, D("2021-04-21")), 0);
	assert_int_equal(reg_inrichting_op(p, 2, D("2021-04-22")), 1);
	assert_int_equal(reg_inrichting_op(p, 2, D("2021-05-01")), 1);
	assert_int_equal(reg_inrichting_op(p, 2, D("2024-01-01")), -1);
}

static void
test_kader_versies(void **state)
{
	struct kader_versie ok[] = {
		{ .periode = { D("2019-12-12"), D("2021-05-27") },
		  .tekst = "v1",
		  .besluit = "B1" },
		{ .periode = { D("2021-05-27"), NONE },
		  .tekst = "v2",
		  .besluit = "830016" },
	};
	struct kader_versie bad[] = {
		{ .periode = { D("2019-12-12"), D("2021-05-01") },
		  .tekst = "v1",
		  .besluit = "B1" },
		{ .periode = { D("2021-05-27"), NONE },
		  .tekst = "",
		  .besluit = NULL },
	};
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(reg_check_kader_versies(ok, 2, "versies", &e), ST_OK);
	err_clear(&e);
	assert_int_equal(reg_check_kader_versies(bad, 2, "versies", &e),
			 ST_INVALID);
	assert_int_equal(e.nproblems, 3);
	assert_true(has_problem(&e, "versies[1].van", "gap"));
	assert_true(has_problem(&e, "versies[1].tekst", "required"));
	assert_true(has_problem(&e, "versies[1].besluit", "required"));
}

static void
test_names(void **state)
{
	enum vorm v;
	enum eenheid_soort s;
	enum mijlpaal_status m;

	(void)state;
	assert_int_equal(vorm_parse("ondergebracht", &v), 0);
	assert_int_equal(v, VORM_ONDERGEBRACHT);
	assert_string_equal(vorm_name(VORM_EIGEN), "eigen");
	assert_int_equal(vorm_parse("Gedeeld", &v), -1);
	assert_int_equal(vorm_parse(NULL, &v), -1);
	assert_int_equal(eenheid_soort_parse("taak", &s), 0);
	assert_int_equal(s, EENHEID_TAAK);
	assert_int_equal(mijlpaal_status_parse("uitgesteld", &m), 0);
	assert_int_equal(m, MIJLPAAL_UITGESTELD);
	assert_string_equal(org_soort_name(ORG_REGELING),
			    "gemeenschappelijke_regeling");
}

static void
test_taakveld_years(void **state)
{
	const struct taakveld old = { .code = "6.2",
				      .eerste_jaar = 0,
				      .laatste_jaar = 2024 };
	const struct taakveld mid = { .code = "6.71a",
				      .eerste_jaar = 2023,
				      .laatste_jaar = 2024 };
	const struct taakveld new = { .code = "6.21", .eerste_jaar = 2025 };

	(void)state;
	assert_true(taakveld_geldig_in(&old, 2017));
	assert_true(taakveld_geldig_in(&old, 2024));
	assert_false(taakveld_geldig_in(&old, 2025));
	assert_false(taakveld_geldig_in(&mid, 2022));
	assert_true(taakveld_geldig_in(&mid, 2023));
	assert_false(taakveld_geldig_in(&mid, 2025));
	assert_false(taakveld_geldig_in(&new, 2024));
	assert_true(taakveld_geldig_in(&new, 2026));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_organisatie),
		cmocka_unit_test(test_lengths),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_leden),
		cmocka_unit_test(test_inrichting),
		cmocka_unit_test(test_inrichting_messages),
		cmocka_unit_test(test_inrichting_op),
		cmocka_unit_test(test_kader_versies),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_taakveld_years),
	};
	return RUN_TESTS(tests);
}

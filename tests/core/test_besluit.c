/*
 * test_besluit.c - the rules of the decisions register.
 */
#include "../test.h"
#include "../../src/core/besluit.h"

#define TODAY D("2026-11-22")

/* A valid adopted decision with a one-step history. */
static struct besluit_stap one_step[1];

static struct besluit
valid(void)
{
	struct besluit b = { 0 };

	one_step[0].status = BESLUIT_VASTGESTELD;
	one_step[0].datum = D("2021-05-27");
	b.identificatie = "830016";
	b.verantwoordelijke_organisatie = "GM0397";
	b.bestuursorgaan = ORGAAN_GEMEENTERAAD;
	b.datum = D("2021-05-27");
	b.ingangsdatum = D("2021-05-27");
	b.vervaldatum = DATE_NONE;
	b.vervalreden = VERVAL_GEEN;
	b.publicatiedatum = DATE_NONE;
	b.onderwerp = "Actualiseren kader";
	b.openbaarheid = OPENBAAR_ACTIEF;
	b.geheim_tot = DATE_NONE;
	b.status = BESLUIT_VASTGESTELD;
	b.historie = one_step;
	b.nhistorie = 1;
	return b;
}

static void
test_valid(void **state)
{
	struct besluit b = valid();
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(besluit_check(&b, TODAY, &e), ST_OK);
	assert_int_equal(e.nproblems, 0);
	/* Decided today is not in the future. */
	b.datum = TODAY;
	one_step[0].datum = TODAY;
	assert_int_equal(besluit_check(&b, TODAY, &e), ST_OK);
}

enum mutation {
	M_FUTURE,
	M_NO_DATUM,
	M_NO_ONDERWERP,
	M_LONG_ONDERWERP,
	M_BAD_IDENT,
	M_NO_ORG,
	M_VERVAL_NO_REDEN,
	M_REDEN_NO_VERVAL,
	M_VERVAL_BEFORE_INGANG,
	M_PUBLICATIE_BEFORE,
	M_GEHEIM_NO_END,
	M_END_NOT_GEHEIM,
	M_NO_HISTORY,
	M_STATUS_MISMATCH,
};

static void
test_invalid(void **state)
{
	static char long_text[2 * BESLUIT_MAX_ONDERWERP + 3];
	static const struct {
		const char *name;
		enum mutation m;
		const char *field, *code;
	} cases[] = {
		{ "decision in the future", M_FUTURE, "datum", "future-date" },
		{ "no date", M_NO_DATUM, "datum", "required" },
		{ "no subject", M_NO_ONDERWERP, "onderwerp", "required" },
		{ "subject too long", M_LONG_ONDERWERP, "onderwerp",
		  "too-long" },
		{ "identification with a space", M_BAD_IDENT, "identificatie",
		  "format" },
		{ "no organisation", M_NO_ORG, "verantwoordelijkeOrganisatie",
		  "required" },
		{ "expiry without reason", M_VERVAL_NO_REDEN, "vervalreden",
		  "required" },
		{ "reason without expiry", M_REDEN_NO_VERVAL, "vervaldatum",
		  "required" },
		{ "expiry before effect", M_VERVAL_BEFORE_INGANG, "vervaldatum",
		  "before-start" },
		{ "published before decided", M_PUBLICATIE_BEFORE,
		  "publicatiedatum", "before-decision" },
		{ "secret without end", M_GEHEIM_NO_END, "geheimTot",
		  "required" },
		{ "secrecy end on a public decision", M_END_NOT_GEHEIM,
		  "geheimTot", "not-allowed" },
		{ "no status history", M_NO_HISTORY, "statusHistorie",
		  "required" },
		{ "status not the last step", M_STATUS_MISMATCH, "status",
		  "mismatch" },
	};
	(void)state;
	text_of(BESLUIT_MAX_ONDERWERP + 1, long_text);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct besluit b = valid();
		struct err e;

		print_message("# case: %s\n", cases[i].name);
		switch (cases[i].m) {
		case M_FUTURE:
			b.datum = D("2026-11-23");
			break;
		case M_NO_DATUM:
			b.datum = DATE_NONE;
			break;
		case M_NO_ONDERWERP:
			b.onderwerp = "";
			break;
		case M_LONG_ONDERWERP:
			b.onderwerp = long_text;
			break;
		case M_BAD_IDENT:
			b.identificatie = "830 016";
			break;
		case M_NO_ORG:
			b.verantwoordelijke_organisatie = NULL;
			break;
		case M_VERVAL_NO_REDEN:
			b.vervaldatum = D("2030-01-01");
			break;
		case M_REDEN_NO_VERVAL:
			b.vervalreden = VERVAL_TIJDELIJK;
			break;
		case M_VERVAL_BEFORE_INGANG:
			b.vervaldatum = D("2021-05-27");
			b.vervalreden = VERVAL_TIJDELIJK;
			break;
		case M_PUBLICATIE_BEFORE:
			b.publicatiedatum = D("2021-05-26");
			break;
		case M_GEHEIM_NO_END:
			b.openbaarheid = OPENBAAR_GEHEIM;
			break;
		case M_END_NOT_GEHEIM:
			b.geheim_tot = D("2030-01-01");
			break;
		case M_NO_HISTORY:
			b.nhistorie = 0;
			break;
		case M_STATUS_MISMATCH:
			b.status = BESLUIT_VOORGESTELD;
			break;
		}
		err_clear(&e);
		assert_int_equal(besluit_check(&b, TODAY, &e), ST_INVALID);
		assert_only_problem(&e, cases[i].field, cases[i].code);
	}
}

/*
 * Every text field of a decision at its limit passes; one character more
 * is "too-long" with the limit in the message. The text is two bytes a
 * character, so a limit counted in bytes would fail here.
 */
static void
test_lengths(void **state)
{
	static char ok[2 * BESLUIT_MAX_TOELICHTING + 3];
	static char over[2 * BESLUIT_MAX_TOELICHTING + 3];
	static const struct {
		const char *field;
		size_t max;
		const char *reason;
	} cases[] = {
		{ "onderwerp", BESLUIT_MAX_ONDERWERP,
		  "Gebruik hoogstens 500 tekens." },
		{ "toelichting", BESLUIT_MAX_TOELICHTING,
		  "Gebruik hoogstens 10.000 tekens." },
		{ "portefeuillehouder", BESLUIT_MAX_NAAM,
		  "Gebruik hoogstens 200 tekens." },
		{ "afdeling", BESLUIT_MAX_NAAM,
		  "Gebruik hoogstens 200 tekens." },
		{ "statusHistorie[0].toelichting", BESLUIT_MAX_STAP_TOELICHTING,
		  "Gebruik hoogstens 1000 tekens." },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		for (int te_lang = 0; te_lang <= 1; te_lang++) {
			struct besluit b = valid();
			const char *t =
				te_lang ? text_of(cases[i].max + 1, over)
					: text_of(cases[i].max, ok);
			struct err e;

			print_message("# case: %s%s\n", cases[i].field,
				      te_lang ? " one too long"
					      : " at its limit");
			if (strcmp(cases[i].field, "onderwerp") == 0)
				b.onderwerp = t;
			else if (strcmp(cases[i].field, "toelichting") == 0)
				b.toelichting = t;
			else if (strcmp(cases[i].field, "afdeling") == 0)
				b.afdeling = t;
			else if (strcmp(cases[i].field, "portefeuillehouder") ==
				 0)
				b.portefeuillehouder = t;
			else
				one_step[0].toelichting = t;
			err_clear(&e);
			besluit_check(&b, TODAY, &e);
			one_step[0].toelichting = NULL;
			if (!te_lang) {
				assert_int_equal(e.nproblems, 0);
				continue;
			}
			assert_only_problem(&e, cases[i].field, "too-long");
			assert_string_equal(e.problems[0].reason,
					    cases[i].reason);
		}
	}
	/* The identification keeps its own rule: 50, no spaces. */
	{
		struct besluit b = valid();
		char id[BESLUIT_MAX_IDENTIFICATIE + 2];
		struct err e;

		memset(id, '7', sizeof(id) - 1);
		id[BESLUIT_MAX_IDENTIFICATIE] = '\0';
		b.identificatie = id;
		err_clear(&e);
		assert_int_equal(besluit_check(&b, TODAY, &e), ST_OK);
		id[BESLUIT_MAX_IDENTIFICATIE] = '7';
		id[BESLUIT_MAX_IDENTIFICATIE + 1] = '\0';
		besluit_check(&b, TODAY, &e);
		assert_only_problem(&e, "identificatie", "too-long");
		assert_string_equal(e.problems[0].reason,
				    "Gebruik hoogstens 50 tekens.");
	}
}

/* At most BESLUIT_MAX_STAPPEN steps, in a history and one more by a
 * status; a step's note is limited there too. */
static void
test_too_many_steps(void **state)
{
	static struct besluit_stap h[BESLUIT_MAX_STAPPEN + 1];
	static char over[2 * BESLUIT_MAX_STAP_TOELICHTING + 3];
	struct besluit b = valid();
	struct besluit_stap s = { BESLUIT_AANGEHOUDEN, D("2021-05-27"), NULL };
	struct err e;

	(void)state;
	for (size_t i = 0; i <= BESLUIT_MAX_STAPPEN; i++) {
		h[i].status = i % 2 ? BESLUIT_AANGEHOUDEN : BESLUIT_VOORGESTELD;
		h[i].datum = D("2021-05-27");
	}
	b.historie = h;
	b.nhistorie = BESLUIT_MAX_STAPPEN;
	b.status = h[BESLUIT_MAX_STAPPEN - 1].status;
	err_clear(&e);
	assert_int_equal(besluit_check(&b, TODAY, &e), ST_OK);
	s.status = BESLUIT_VOORGESTELD;
	besluit_check_stap(&b, &s, TODAY, &e);
	assert_only_problem(&e, "status", "too-many");
	assert_string_equal(e.problems[0].reason,
			    "Een besluit heeft hoogstens 100 statussen.");
	b.nhistorie = BESLUIT_MAX_STAPPEN + 1;
	b.status = h[BESLUIT_MAX_STAPPEN].status;
	err_clear(&e);
	besluit_check(&b, TODAY, &e);
	assert_only_problem(&e, "statusHistorie", "too-many");

	b.nhistorie = 2;
	b.status = BESLUIT_AANGEHOUDEN;
	s.toelichting = text_of(BESLUIT_MAX_STAP_TOELICHTING + 1, over);
	err_clear(&e);
	besluit_check_stap(&b, &s, TODAY, &e);
	assert_only_problem(&e, "toelichting", "too-long");
	assert_string_equal(e.problems[0].reason,
			    "Gebruik hoogstens 1000 tekens.");
}

static void
test_all_problems_at_once(void **state)
{
	struct besluit b = valid();
	struct err e;

	(void)state;
	b.datum = D("2030-01-01");
	b.onderwerp = NULL;
	b.openbaarheid = OPENBAAR_GEHEIM;
	err_clear(&e);
	assert_int_equal(besluit_check(&b, TODAY, &e), ST_INVALID);
	assert_int_equal(e.nproblems, 3);
	assert_true(has_problem(&e, "datum", "future-date"));
	assert_true(has_problem(&e, "onderwerp", "required"));
	assert_true(has_problem(&e, "geheimTot", "required"));
	assert_string_equal(e.message, "De invoer bevat 3 fouten.");
}

/* Heemstede: proposed, adjourned Dec 2019, proposed again, adopted 2021. */
static void
test_history(void **state)
{
	struct besluit_stap h[] = {
		{ BESLUIT_VOORGESTELD, D("2019-11-26"), NULL },
		{ BESLUIT_AANGEHOUDEN, D("2019-12-19"), NULL },
		{ BESLUIT_VOORGESTELD, D("2021-05-11"), NULL },
		{ BESLUIT_VASTGESTELD, D("2021-05-27"), NULL },
	};
	struct besluit b = valid();
	struct err e;

	(void)state;
	b.historie = h;
	b.nhistorie = 4;
	err_clear(&e);
	assert_int_equal(besluit_check(&b, TODAY, &e), ST_OK);

	h[2].datum = D("2019-12-01"); /* before the step it follows */
	err_clear(&e);
	besluit_check(&b, TODAY, &e);
	assert_only_problem(&e, "statusHistorie[2].datum", "order");
	h[2].datum = D("2021-05-11");

	h[1].status = BESLUIT_VERWORPEN; /* rejected cannot be proposed again */
	err_clear(&e);
	besluit_check(&b, TODAY, &e);
	assert_only_problem(&e, "statusHistorie[2].status", "transition");
	assert_string_equal(e.problems[0].reason,
			    "Een besluit dat verworpen is, kan niet "
			    "voorgesteld worden.");
}

static void
test_transitions(void **state)
{
	/* allowed[from][to] */
	static const int allowed[5][5] = {
		/*              voor aang vast verw intr */
		/* voorgest */ { 0, 1, 1, 1, 1 },
		/* aangeh.  */ { 1, 0, 1, 1, 1 },
		/* vastgest */ { 0, 0, 0, 0, 1 },
		/* verworpen */ { 0, 0, 0, 0, 0 },
		/* ingetrok */ { 0, 0, 0, 0, 0 },
	};
	(void)state;
	for (int f = 0; f < 5; f++)
		for (int t = 0; t < 5; t++)
			assert_int_equal(besluit_overgang_toegestaan(
						 (enum besluit_status)f,
						 (enum besluit_status)t),
					 allowed[f][t]);
}

static void
test_stap(void **state)
{
	struct besluit_stap h[] = {
		{ BESLUIT_VOORGESTELD, D("2019-11-26"), NULL },
		{ BESLUIT_AANGEHOUDEN, D("2019-12-19"), NULL },
	};
	struct besluit b = valid();
	struct besluit_stap s = { BESLUIT_VASTGESTELD, D("2021-05-27"), NULL };
	struct err e;

	(void)state;
	b.historie = h;
	b.nhistorie = 2;
	b.status = BESLUIT_AANGEHOUDEN;
	err_clear(&e);
	assert_int_equal(besluit_check_stap(&b, &s, TODAY, &e), ST_OK);

	s.datum = D("2019-12-01");
	err_clear(&e);
	besluit_check_stap(&b, &s, TODAY, &e);
	assert_only_problem(&e, "datum", "order");

	s.datum = D("2027-01-01");
	err_clear(&e);
	besluit_check_stap(&b, &s, TODAY, &e);
	assert_only_problem(&e, "datum", "future-date");

	s.datum = D("2021-05-27");
	s.status = BESLUIT_AANGEHOUDEN;
	err_clear(&e);
	besluit_check_stap(&b, &s, TODAY, &e);
	assert_only_problem(&e, "status", "transition");
}

static void
test_identificatie(void **state)
{
	char buf[64];

	(void)state;
	besluit_identificatie(2021, 1, buf, sizeof(buf));
	assert_string_equal(buf, "BESLUIT-2021-0000000001");
	besluit_identificatie(2008, 1234567890, buf, sizeof(buf));
	assert_string_equal(buf, "BESLUIT-2008-1234567890");
}

static void
test_openbaar(void **state)
{
	struct besluit b = valid();

	(void)state;
	assert_true(besluit_openbaar(&b));
	b.openbaarheid = OPENBAAR_PASSIEF;
	assert_false(besluit_openbaar(&b));
	b.openbaarheid = OPENBAAR_ACTIEF;
	b.status = BESLUIT_VOORGESTELD;
	assert_false(besluit_openbaar(&b));
	b.status = BESLUIT_INGETROKKEN;
	assert_true(besluit_openbaar(&b));
}

static void
test_names(void **state)
{
	enum bestuursorgaan o;
	enum openbaarheid p;
	enum vervalreden r;

	(void)state;
	assert_int_equal(bestuursorgaan_parse("college", &o), 0);
	assert_int_equal(o, ORGAAN_COLLEGE);
	assert_string_equal(bestuursorgaan_label(ORGAAN_COLLEGE),
			    "college van B&W");
	assert_int_equal(bestuursorgaan_parse("raad", &o), -1);
	assert_int_equal(openbaarheid_parse("geheim", &p), 0);
	assert_string_equal(openbaarheid_label(OPENBAAR_PASSIEF),
			    "openbaar op verzoek");
	assert_int_equal(p, OPENBAAR_GEHEIM);
	assert_int_equal(vervalreden_parse("ingetrokken_belanghebbende", &r),
			 0);
	assert_int_equal(r, VERVAL_INGETROKKEN_BELANGHEBBENDE);
	assert_int_equal(vervalreden_parse("", &r), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_lengths),
		cmocka_unit_test(test_too_many_steps),
		cmocka_unit_test(test_all_problems_at_once),
		cmocka_unit_test(test_history),
		cmocka_unit_test(test_transitions),
		cmocka_unit_test(test_stap),
		cmocka_unit_test(test_identificatie),
		cmocka_unit_test(test_openbaar),
		cmocka_unit_test(test_names),
	};
	return RUN_TESTS(tests);
}

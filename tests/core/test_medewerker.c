/*
 * test_medewerker.c - the rules of a staff record that need no register,
 * and the FTE as people write it.
 */
#include "../test.h"
#include "../../src/core/medewerker.h"

static struct medewerker
valid(void)
{
	struct medewerker m = { 0 };

	m.nummer = "HB-001";
	m.naam = "J. de Vries";
	m.werkgever = "GM0397";
	m.eenheid = "hb-communicatie";
	m.fte = 800;
	m.periode.van = D("2020-01-01");
	m.periode.tot = DATE_NONE;
	return m;
}

enum veld { V_NUMMER, V_NAAM, V_STANDPLAATS };

static void
test_lengths(void **state)
{
	static char buf[2 * MEDEWERKER_MAX_NAAM + 3];
	static const struct {
		enum veld v;
		const char *prefix, *field;
		size_t max;
		const char *reason;
	} cases[] = {
		{ V_NUMMER, "", "personeelsnummer", MEDEWERKER_MAX_NUMMER,
		  "Gebruik hoogstens 32 tekens." },
		{ V_NAAM, "", "naam", MEDEWERKER_MAX_NAAM,
		  "Gebruik hoogstens 200 tekens." },
		{ V_STANDPLAATS, "", "standplaats", MEDEWERKER_MAX_NAAM,
		  "Gebruik hoogstens 200 tekens." },
		{ V_NAAM, "regel 3: ", "regel 3: naam", MEDEWERKER_MAX_NAAM,
		  "Gebruik hoogstens 200 tekens." },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		for (size_t extra = 0; extra <= 1; extra++) {
			struct medewerker m = valid();
			const char *t = text_of(cases[i].max + extra, buf);
			struct err e;

			print_message("# case: %s%s\n", cases[i].field,
				      extra ? " one too long"
					    : " at its limit");
			if (cases[i].v == V_NUMMER)
				m.nummer = t;
			else if (cases[i].v == V_NAAM)
				m.naam = t;
			else
				m.standplaats = t;
			err_clear(&e);
			medewerker_check(&m, cases[i].prefix, &e);
			if (!extra) {
				assert_int_equal(e.nproblems, 0);
				continue;
			}
			assert_only_problem(&e, cases[i].field, "too-long");
			assert_string_equal(e.problems[0].reason,
					    cases[i].reason);
		}
	}
}

/* FTE 1 to 1000 thousandths; -1 (unreadable, reported already) passes,
 * 0 (unknown) must be filled in. */
static void
test_fte(void **state)
{
	static const struct {
		int fte;
		bool ok;
	} cases[] = {
		{ 1, true },  { 1000, true },  { 0, false },
		{ -1, true }, { 1001, false }, { 999999, false },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct medewerker m = valid();
		struct err e;

		print_message("# case: fte %d\n", cases[i].fte);
		m.fte = cases[i].fte;
		err_clear(&e);
		medewerker_check(&m, "", &e);
		if (cases[i].ok) {
			assert_int_equal(e.nproblems, 0);
			continue;
		}
		assert_only_problem(&e, "fte", "range");
		assert_string_equal(e.problems[0].reason,
				    "De fte ligt tussen 0,001 en 1 "
				    "(bijvoorbeeld 0,8).");
	}
}

static void
test_parse_fte(void **state)
{
	static const struct {
		const char *s;
		int fte; /* -1: refused */
		const char *code;
	} cases[] = {
		{ "1", 1000, NULL },
		{ "0,8", 800, NULL },
		{ "0.889", 889, NULL },
		{ "0,001", 1, NULL },
		{ "0", -1, "range" },
		{ "1,001", -1, "range" },
		{ "99999999999", -1, "range" },
		{ "-0,5", -1, "format" },
		{ "0,0005", -1, "precision" },
		{ "acht", -1, "format" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct err e;
		int fte = -7;

		print_message("# case: '%s'\n", cases[i].s);
		err_clear(&e);
		medewerker_parse_fte(cases[i].s, "fte", &fte, &e);
		if (cases[i].fte >= 0) {
			assert_int_equal(e.nproblems, 0);
			assert_int_equal(fte, cases[i].fte);
		} else {
			assert_only_problem(&e, "fte", cases[i].code);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lengths),
		cmocka_unit_test(test_fte),
		cmocka_unit_test(test_parse_fte),
	};
	return RUN_TESTS(tests);
}

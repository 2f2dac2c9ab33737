/*
 * test_text.c - the rules for text from outside: lengths in characters,
 * whole numbers within a range, and their messages.
 */
#include "../test.h"
#include "../../src/core/text.h"

/* Characters, not bytes: every code point counts once. */
static void
test_chars(void **state)
{
	static const struct {
		const char *name, *s;
		size_t chars;
	} cases[] = {
		{ "empty", "", 0 },
		{ "ascii", "Aalsmeer", 8 },
		{ "two-byte", "Zo\xc3\xab", 3 },
		{ "three-byte", "\xe2\x82\xac 12", 4 },
		{ "four-byte", "\xf0\x9f\x98\x80!", 2 },
	};
	(void)state;
	assert_int_equal(text_chars(NULL), 0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		print_message("# case: %s\n", cases[i].name);
		assert_int_equal(text_chars(cases[i].s), cases[i].chars);
	}
}

/* At the limit passes, one character over is the problem "too-long". */
static void
test_check_max(void **state)
{
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(text_check_max(NULL, "naam", 3, &e), ST_OK);
	assert_int_equal(text_check_max("Zo\xc3\xab", "naam", 3, &e), ST_OK);
	assert_int_equal(e.nproblems, 0);
	assert_int_equal(text_check_max("Zo\xc3\xabx", "naam", 3, &e),
			 ST_INVALID);
	assert_only_problem(&e, "naam", "too-long");
	assert_string_equal(e.problems[0].reason,
			    "Gebruik hoogstens 3 tekens.");
}

/* The first characters of a text, never half a character. */
static void
test_prefix(void **state)
{
	(void)state;
	assert_int_equal(text_prefix("Zo\xc3\xab!", 2), 2);
	assert_int_equal(text_prefix("Zo\xc3\xab!", 3), 4);
	assert_int_equal(text_prefix("Zo\xc3\xab!", 4), 5);
	assert_int_equal(text_prefix("Zo\xc3\xab!", 40), 5);
	assert_int_equal(text_prefix("", 0), 0);
}

static void
test_int_parse(void **state)
{
	static const struct {
		const char *name, *s;
		int64_t min, max;
		enum text_int want;
		int64_t value;
	} cases[] = {
		{ "plain", "2024", 1900, 9998, TEXT_INT_OK, 2024 },
		{ "lowest", "1900", 1900, 9998, TEXT_INT_OK, 1900 },
		{ "highest", "9998", 1900, 9998, TEXT_INT_OK, 9998 },
		{ "one below", "1899", 1900, 9998, TEXT_INT_RANGE, 0 },
		{ "one above", "9999", 1900, 9998, TEXT_INT_RANGE, 0 },
		{ "negative", "-5", 1, 1000, TEXT_INT_RANGE, 0 },
		{ "negative allowed", "-5", -10, 10, TEXT_INT_OK, -5 },
		{ "2^32 + 2024 is not 2024", "4294969320", 1900, 9998,
		  TEXT_INT_RANGE, 0 },
		{ "int64 max", "9223372036854775807", 1, INT64_MAX, TEXT_INT_OK,
		  INT64_MAX },
		{ "beyond int64", "9223372036854775808", 1, INT64_MAX,
		  TEXT_INT_RANGE, 0 },
		{ "far beyond int64", "99999999999999999999999", 1, INT64_MAX,
		  TEXT_INT_RANGE, 0 },
		{ "int64 min", "-9223372036854775808", INT64_MIN, 0,
		  TEXT_INT_OK, INT64_MIN },
		{ "below int64", "-9223372036854775809", INT64_MIN, 0,
		  TEXT_INT_RANGE, 0 },
		{ "empty", "", 1, 10, TEXT_INT_FORMAT, 0 },
		{ "only a sign", "-", 1, 10, TEXT_INT_FORMAT, 0 },
		{ "plus sign", "+5", 1, 10, TEXT_INT_FORMAT, 0 },
		{ "leading space", " 5", 1, 10, TEXT_INT_FORMAT, 0 },
		{ "trailing space", "5 ", 1, 10, TEXT_INT_FORMAT, 0 },
		{ "decimal", "1.5", 1, 10, TEXT_INT_FORMAT, 0 },
		{ "letters after digits", "12abc", 1, 100, TEXT_INT_FORMAT, 0 },
		{ "digits beyond int64 then letters", "99999999999999999999x",
		  1, 10, TEXT_INT_FORMAT, 0 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int64_t v = -42;

		print_message("# case: %s\n", cases[i].name);
		assert_int_equal(text_int_parse(cases[i].s, cases[i].min,
						cases[i].max, &v),
				 cases[i].want);
		assert_true(v == (cases[i].want == TEXT_INT_OK ? cases[i].value
							       : -42));
	}
	assert_int_equal(text_int_parse(NULL, 1, 10, &(int64_t){ 0 }),
			 TEXT_INT_FORMAT);
}

/* The ranges as people read them. */
static void
test_int_messages(void **state)
{
	static const struct {
		int64_t min, max;
		const char *reason;
	} cases[] = {
		{ 1, 400, "Geef een geheel getal van 1 tot en met 400." },
		{ 1900, 9998,
		  "Geef een geheel getal van 1900 tot en met 9998." },
		{ 0, 100000000,
		  "Geef een geheel getal van 0 tot en met 100.000.000." },
		{ -100000000000000, 100000000000000,
		  "Geef een geheel getal van -100.000.000.000.000 tot en met "
		  "100.000.000.000.000." },
		{ 1, INT64_MAX, "Geef een geheel getal van 1 of hoger." },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct err e;

		err_clear(&e);
		assert_int_equal(text_check_int(cases[i].max, "x", cases[i].min,
						cases[i].max, &e),
				 ST_OK);
		err_clear(&e);
		assert_int_equal(text_check_int(cases[i].min - 1, "x",
						cases[i].min, cases[i].max, &e),
				 ST_INVALID);
		assert_only_problem(&e, "x", "range");
		assert_string_equal(e.problems[0].reason, cases[i].reason);
	}
}

/* Each edit counts one: insert, remove, replace, swap two neighbours. */
static void
test_distance(void **state)
{
	static const struct {
		const char *a, *b;
		size_t d;
	} cases[] = {
		{ "", "", 0 },
		{ "lijst", "lijst", 0 },
		{ "", "toon", 4 },
		{ "toon", "", 4 },
		{ "lijst", "lijt", 1 }, /* removed */
		{ "toon", "tooon", 1 }, /* inserted */
		{ "toon", "toen", 1 }, /* replaced */
		{ "lijst", "ljist", 1 }, /* swapped */
		{ "gemeente", "gemeetne", 1 },
		{ "ca", "abc", 3 }, /* optimal alignment: no edit twice */
		{ "besluit", "besliut", 1 },
		{ "wijzig", "wjizgi", 2 },
		{ "verdeling", "verdling", 1 },
		{ "lijst", "list", 1 },
		{ "toon", "show", 3 },
		{ "Zo\xc3\xab", "Zoe", 1 }, /* characters, not bytes */
		{ "\xe2\x82\xac", "$", 1 },
		{ "\xf0\x9f\x98\x80"
		  "a",
		  "a\xf0\x9f\x98\x80", 1 },
	};
	char lang[TEXT_DISTANCE_MAX + 2];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		print_message("# case: '%s' '%s'\n", cases[i].a, cases[i].b);
		assert_int_equal(text_distance(cases[i].a, cases[i].b),
				 cases[i].d);
		assert_int_equal(text_distance(cases[i].b, cases[i].a),
				 cases[i].d);
	}
	assert_int_equal(text_distance(NULL, "ab"), 2);
	assert_int_equal(text_distance(NULL, NULL), 0);
	/* The longest text it compares, and one character more. */
	memset(lang, 'a', sizeof(lang));
	lang[TEXT_DISTANCE_MAX] = '\0';
	assert_int_equal(text_distance(lang, ""), TEXT_DISTANCE_MAX);
	assert_int_equal(text_distance(lang, lang), 0);
	lang[TEXT_DISTANCE_MAX] = 'a';
	lang[TEXT_DISTANCE_MAX + 1] = '\0';
	assert_true(text_distance(lang, "") == SIZE_MAX);
	assert_true(text_distance("a", lang) == SIZE_MAX);
}

/* The nearest within the limit, the first of equals, else none. */
static void
test_nearest(void **state)
{
	static const char *const c[] = { "lijst", "toon", "toevoegen", "wijzig",
					 "tool" };
	size_t n = sizeof(c) / sizeof(c[0]);

	(void)state;
	assert_int_equal(text_nearest("lijst", c, n, 2), 0);
	assert_int_equal(text_nearest("ljist", c, n, 2), 0);
	assert_int_equal(text_nearest("toevogen", c, n, 2), 2);
	assert_int_equal(text_nearest("wizjgi", c, n, 2), 3);
	assert_int_equal(text_nearest("wjizig", c, n, 2), 3);
	assert_int_equal(text_nearest("too", c, n, 2),
			 1); /* toon before tool */
	assert_int_equal(text_nearest("tool", c, n, 2), 4); /* exact wins */
	assert_int_equal(text_nearest("vergader", c, n, 2), n);
	assert_int_equal(text_nearest("lijst", c, 0, 2), 0);
	assert_int_equal(text_nearest("lijt", c, n, 0), n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chars),
		cmocka_unit_test(test_check_max),
		cmocka_unit_test(test_prefix),
		cmocka_unit_test(test_int_parse),
		cmocka_unit_test(test_int_messages),
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_nearest),
	};
	return RUN_TESTS(tests);
}

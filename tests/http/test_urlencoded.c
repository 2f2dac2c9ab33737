/*
 * test_urlencoded.c - strict form and query parsing.
 */
#include <stdio.h>
#include <string.h>

#include "../test.h"
#include "../../src/http/urlencoded.h"

static void
test_valid(void **state)
{
	struct arena a;
	struct kvlist l;
	struct err e;
	const char *q = "zoek=kader+samenwerking&gemeente=GM0397&leeg=&vlag"
			"&naam=Heemstede%20%E2%80%93%20Bloemendaal&&";

	(void)state;
	arena_init(&a, 1 << 20);
	err_clear(&e);
	assert_int_equal(urlenc_parse(&a, q, strlen(q), "query", &l, &e),
			 ST_OK);
	assert_int_equal(l.n, 5);
	assert_string_equal(kv_get(&l, "zoek"), "kader samenwerking");
	assert_string_equal(kv_get(&l, "gemeente"), "GM0397");
	assert_string_equal(kv_get(&l, "leeg"), "");
	assert_string_equal(kv_get(&l, "vlag"), "");
	assert_string_equal(kv_get(&l, "naam"), "Heemstede – Bloemendaal");
	assert_null(kv_get(&l, "anders"));
	assert_int_equal(kv_count(&l, "zoek"), 1);
	assert_int_equal(urlenc_parse(&a, "", 0, "query", &l, &e), ST_OK);
	assert_int_equal(l.n, 0);
	assert_int_equal(urlenc_parse(&a, "a=1&a=2", 7, "query", &l, &e),
			 ST_OK);
	assert_int_equal(kv_count(&l, "a"), 2);
	assert_string_equal(kv_get(&l, "a"), "1");
	arena_free(&a);
}

static void
test_invalid(void **state)
{
	static const char *const cases[] = {
		"a=%",	 "a=%4",  "a=%ZZ", "a=%C3%28",	  "=waarde",
		"a=%00", "a=%0A", "%FF=1", "a=%ED%A0%80", "a=%C0%AF",
	};
	struct arena a;
	struct kvlist l;
	struct err e;

	(void)state;
	arena_init(&a, 1 << 20);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		print_message("# %s\n", cases[i]);
		err_clear(&e);
		assert_int_equal(urlenc_parse(&a, cases[i], strlen(cases[i]),
					      "query", &l, &e),
				 ST_INVALID);
		assert_int_equal(e.nproblems, 1);
		assert_string_equal(e.problems[0].name, "query");
	}
	arena_free(&a);
}

static void
test_too_many(void **state)
{
	char q[URLENC_MAX_PAIRS * 4 + 8];
	size_t o = 0;
	struct arena a;
	struct kvlist l;
	struct err e;

	(void)state;
	for (int i = 0; i <= URLENC_MAX_PAIRS; i++) {
		memcpy(q + o, "a=1&", 4);
		o += 4;
	}
	arena_init(&a, 1 << 20);
	err_clear(&e);
	assert_int_equal(urlenc_parse(&a, q, o, "form", &l, &e), ST_INVALID);
	assert_string_equal(e.problems[0].code, "too-many");
	arena_free(&a);
}

static void
test_encode_round_trip(void **state)
{
	static const char *const values[] = { "GM0397", "a b&c=d",
					      "Heemstede – Bloemendaal", "100%",
					      "" };
	struct arena a;
	struct kvlist l;
	struct err e;
	char buf[256], q[300];

	(void)state;
	arena_init(&a, 1 << 20);
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		size_t n = urlenc_encode(values[i], buf, sizeof(buf));
		assert_int_equal(n, strlen(buf));
		snprintf(q, sizeof(q), "k=%s", buf);
		err_clear(&e);
		assert_int_equal(urlenc_parse(&a, q, strlen(q), "q", &l, &e),
				 ST_OK);
		assert_string_equal(kv_get(&l, "k"), values[i]);
	}
	assert_int_equal(urlenc_encode("a b", buf, sizeof(buf)), 5);
	assert_string_equal(buf, "a%20b");
	assert_int_equal(urlenc_encode("abcdef", buf, 4), 6); /* truncated */
	assert_string_equal(buf, "abc");
	/* An escape that does not fit is left out whole: no gap of stale
	 * bytes (found by the fuzzer). */
	memset(buf, 'X', sizeof(buf));
	assert_int_equal(urlenc_encode("a/", buf, 4), 4);
	assert_string_equal(buf, "a");
	assert_int_equal(urlenc_encode("a/b", buf, 5), 5);
	assert_string_equal(buf, "a%2F");
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_too_many),
		cmocka_unit_test(test_encode_round_trip),
	};
	return RUN_TESTS(tests);
}

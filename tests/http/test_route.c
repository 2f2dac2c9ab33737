/*
 * test_route.c - path matching: parameters, 404 versus 405, trailing
 * slashes and dot segments.
 */
#include <stdio.h>
#include <string.h>

#include "../test.h"
#include "../../src/http/route.h"

static void
h(void)
{
}

static const struct route table[] = {
	{ HTTP_GET, "/api/v1/besluiten", h, 0 },
	{ HTTP_POST, "/api/v1/besluiten", h, 1 },
	{ HTTP_GET, "/api/v1/besluiten/{identificatie}", h, 2 },
	{ HTTP_GET, "/api/v1/besluiten/{identificatie}/statussen", h, 3 },
	{ HTTP_POST, "/api/v1/besluiten/{identificatie}/statussen", h, 4 },
	{ HTTP_GET, "/", h, 5 },
};
#define N (sizeof(table) / sizeof(table[0]))

static void
test_cases(void **state)
{
	static const struct {
		const char *method, *path;
		int matched; /* 1: a route matched */
		unsigned flags; /* which one */
		unsigned allowed;
		const char *param; /* value of the first parameter */
	} cases[] = {
		{ "GET", "/api/v1/besluiten", 1, 0,
		  HTTP_GET | HTTP_HEAD | HTTP_POST, NULL },
		{ "POST", "/api/v1/besluiten", 1, 1,
		  HTTP_GET | HTTP_HEAD | HTTP_POST, NULL },
		{ "HEAD", "/api/v1/besluiten", 1, 0,
		  HTTP_GET | HTTP_HEAD | HTTP_POST, NULL },
		{ "DELETE", "/api/v1/besluiten", 0, 0,
		  HTTP_GET | HTTP_HEAD | HTTP_POST, NULL },
		{ "GET", "/api/v1/besluiten/830016", 1, 2, HTTP_GET | HTTP_HEAD,
		  "830016" },
		{ "POST", "/api/v1/besluiten/830016/statussen", 1, 4,
		  HTTP_GET | HTTP_HEAD | HTTP_POST, "830016" },
		{ "GET", "/api/v1/besluiten/", 0, 0, 0, NULL },
		{ "GET", "/api/v1/besluiten/830016/", 0, 0, 0, NULL },
		{ "GET", "/api/v1//besluiten", 0, 0, 0, NULL },
		{ "GET", "/api/v1/besluiten/..", 0, 0, 0, NULL },
		{ "GET", "/api/v1/besluiten/./statussen", 0, 0, 0, NULL },
		{ "GET", "/api/v1/../v1/besluiten", 0, 0, 0, NULL },
		{ "GET", "api/v1/besluiten", 0, 0, 0, NULL },
		{ "GET", "", 0, 0, 0, NULL },
		{ "GET", "/", 1, 5, HTTP_GET | HTTP_HEAD, NULL },
		{ "GET", "/api/v1/besluiten/a/b/c", 0, 0, 0, NULL },
		{ "BREW", "/api/v1/besluiten", 0, 0,
		  HTTP_GET | HTTP_HEAD | HTTP_POST, NULL },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct route_match m;
		int r;

		print_message("# %s %s\n", cases[i].method, cases[i].path);
		r = route_match(table, N, http_method_parse(cases[i].method),
				cases[i].path, &m);
		assert_int_equal(r, cases[i].matched);
		assert_int_equal(m.allowed, cases[i].allowed);
		if (r)
			assert_int_equal(m.route->flags, cases[i].flags);
		if (cases[i].param) {
			assert_int_equal(m.nparams, 1);
			assert_int_equal(m.params[0].value_len,
					 strlen(cases[i].param));
			assert_memory_equal(m.params[0].value, cases[i].param,
					    strlen(cases[i].param));
			assert_int_equal(m.params[0].name_len,
					 strlen("identificatie"));
		}
	}
}

static void
test_allow_header(void **state)
{
	char buf[64];

	(void)state;
	http_allow_header(HTTP_GET | HTTP_HEAD | HTTP_POST, buf, sizeof(buf));
	assert_string_equal(buf, "GET, HEAD, POST");
	http_allow_header(HTTP_DELETE, buf, sizeof(buf));
	assert_string_equal(buf, "DELETE");
	http_allow_header(HTTP_GET | HTTP_POST, buf, 6); /* truncates safely */
	assert_string_equal(buf, "GET");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_allow_header),
	};
	return RUN_TESTS(tests);
}

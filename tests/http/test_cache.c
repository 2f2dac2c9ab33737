/*
 * test_cache.c - the response cache by family of data: a new generation
 * of one family drops that family's entries and keeps the others', an
 * answer made before the family moved on is not kept, the bound in bytes
 * and in families; and which family a request's answer belongs to
 * (req_familie).
 */
#include <stdio.h>
#include <string.h>

#include "../test.h"
#include "../../src/http/cache.h"
#include "../../src/http/http.h"

#define ALG STORE_FAMILIE_ALGEMEEN
#define FAM_A STORE_FAMILIE_AFSPRAKEN "GM0358"
#define FAM_B STORE_FAMILIE_AFSPRAKEN "GM0397"

/* The body under key for (familie, generation), or NULL on a miss. */
static const char *
get(struct cache *c, struct arena *a, const char *key, const char *familie,
    int64_t generation)
{
	const char *body = NULL, *type = NULL;
	size_t len = 0;
	char *s;

	if (!cache_get(c, key, familie, generation, a, &body, &len, &type))
		return NULL;
	assert_string_equal(type, "text/html");
	s = arena_alloc(a, len + 1);
	memcpy(s, body, len);
	s[len] = '\0';
	return s;
}

static void
put(struct cache *c, const char *key, const char *familie, int64_t generation,
    const char *body)
{
	cache_put(c, key, familie, generation, body, strlen(body), "text/html");
}

/* A write in family A leaves B's and the general entries, and drops
 * A's: all of them, also when asked at the old generation again. */
static void
test_families(void **state)
{
	struct cache *c = cache_new(1u << 20);
	struct arena a;

	(void)state;
	arena_init(&a, 1u << 20);
	put(c, "GET /a/1", FAM_A, 7, "a1");
	put(c, "GET /a/2", FAM_A, 7, "a2");
	put(c, "GET /b/1", FAM_B, 7, "b1");
	put(c, "GET /", ALG, 5, "home");
	assert_string_equal(get(c, &a, "GET /a/1", FAM_A, 7), "a1");
	assert_string_equal(get(c, &a, "GET /a/2", FAM_A, 7), "a2");
	assert_string_equal(get(c, &a, "GET /b/1", FAM_B, 7), "b1");
	assert_string_equal(get(c, &a, "GET /", ALG, 5), "home");
	/* A booking in A: A at 8, the others where they were. */
	assert_null(get(c, &a, "GET /a/1", FAM_A, 8));
	assert_string_equal(get(c, &a, "GET /b/1", FAM_B, 7), "b1");
	assert_string_equal(get(c, &a, "GET /", ALG, 5), "home");
	assert_null(get(c, &a, "GET /a/2", FAM_A, 8));
	/* Asked at the old generation again (a slow request): A's old
	 * entries are gone all the same. */
	assert_null(get(c, &a, "GET /a/2", FAM_A, 7));
	assert_null(get(c, &a, "GET /a/1", FAM_A, 7));
	/* A's answers are made anew at 8, as a request does: a miss,
	 * then the answer. */
	assert_null(get(c, &a, "GET /a/1", FAM_A, 8));
	put(c, "GET /a/1", FAM_A, 8, "a1'");
	assert_string_equal(get(c, &a, "GET /a/1", FAM_A, 8), "a1'");
	/* A general write moves every family's generation (the store
	 * includes it); each family drops its own entries when asked. */
	assert_null(get(c, &a, "GET /", ALG, 6));
	assert_null(get(c, &a, "GET /b/1", FAM_B, 8));
	assert_null(get(c, &a, "GET /a/1", FAM_A, 9));
	/* A key holds one entry, of the family it was put in. */
	put(c, "GET /x", FAM_B, 8, "x in B");
	assert_null(get(c, &a, "GET /x", FAM_A, 9));
	assert_string_equal(get(c, &a, "GET /x", FAM_B, 8), "x in B");
	cache_forget(c, "GET /x");
	assert_null(get(c, &a, "GET /x", FAM_B, 8));
	cache_free(c);
	arena_free(&a);
}

/* An answer made at an older generation than the family is at now (a
 * slow request, while another saw a write) is not kept, and does not
 * drop the newer entries. */
static void
test_late_put(void **state)
{
	struct cache *c = cache_new(1u << 20);
	struct arena a;

	(void)state;
	arena_init(&a, 1u << 20);
	assert_null(get(c, &a, "GET /a/1", FAM_A, 3)); /* slow request */
	assert_null(get(c, &a, "GET /a/2", FAM_A, 4)); /* after a write */
	put(c, "GET /a/2", FAM_A, 4, "new");
	put(c, "GET /a/1", FAM_A, 3, "old");
	assert_string_equal(get(c, &a, "GET /a/2", FAM_A, 4), "new");
	assert_null(get(c, &a, "GET /a/1", FAM_A, 4));
	/* A family never asked for takes the generation of its first
	 * answer. */
	put(c, "GET /b/1", FAM_B, 2, "b1");
	assert_string_equal(get(c, &a, "GET /b/1", FAM_B, 2), "b1");
	cache_free(c);
	arena_free(&a);
}

/* Bounded in bytes (an answer over a quarter is not kept; when full it
 * starts over) and in families (beyond 1024 it starts over): never a
 * wrong answer, and the newest entries are kept. */
static void
test_bounds(void **state)
{
	struct cache *c = cache_new(1000);
	struct arena a;
	char big[300], key[64], fam[64], body[64];
	int hits = 0;

	(void)state;
	arena_init(&a, 1u << 20);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	put(c, "GET /groot", ALG, 1, big);
	assert_null(get(c, &a, "GET /groot", ALG, 1));
	big[250] = '\0';
	for (int i = 0; i < 5; i++) {
		snprintf(key, sizeof(key), "GET /%d", i);
		put(c, key, i % 2 ? FAM_A : FAM_B, 1, big);
	}
	/* 1000 bytes hold four: the fifth starts over. */
	assert_null(get(c, &a, "GET /0", FAM_B, 1));
	assert_null(get(c, &a, "GET /3", FAM_A, 1));
	assert_string_equal(get(c, &a, "GET /4", FAM_B, 1), big);
	cache_free(c);

	c = cache_new(1u << 20);
	for (int i = 0; i < 1500; i++) {
		snprintf(key, sizeof(key), "GET /f/%d", i);
		snprintf(fam, sizeof(fam), "afspraken:GM%04d", i);
		snprintf(body, sizeof(body), "body %d", i);
		put(c, key, fam, i, body);
	}
	for (int i = 0; i < 1500; i++) {
		const char *got;

		snprintf(key, sizeof(key), "GET /f/%d", i);
		snprintf(fam, sizeof(fam), "afspraken:GM%04d", i);
		snprintf(body, sizeof(body), "body %d", i);
		got = get(c, &a, key, fam, i);
		if (got) {
			assert_string_equal(got, body);
			hits++;
		}
	}
	/* Started over at the 1025th family: the last 476 are there. */
	assert_int_equal(hits, 1500 - 1024);
	cache_free(c);
	arena_free(&a);
}

static void
h(void)
{
}

/* Which family a request's answer belongs to. */
static void
test_req_familie(void **state)
{
	static const struct route routes[] = {
		{ HTTP_GET, "/gemeenten/{code}", h, ROUTE_PAGE },
		{ HTTP_GET, "/afspraken/{gemeente}/tijden", h,
		  ROUTE_PAGE | ROUTE_AFSPRAKEN },
		{ HTTP_GET, "/afspraken", h, ROUTE_PAGE | ROUTE_AFSPRAKEN },
	};
	static const struct {
		const char *path, *query, *familie;
	} cases[] = {
		{ "/gemeenten/GM0358", "", ALG },
		{ "/gemeenten/GM0358", "gemeente=GM0397", ALG },
		{ "/afspraken/GM0358/tijden", "", FAM_A },
		/* The path names it; the query does not change that. */
		{ "/afspraken/GM0358/tijden", "gemeente=GM0397", FAM_A },
		{ "/afspraken", "gemeente=GM0397&product=paspoort", FAM_B },
		/* Named by no valid code: not kept. */
		{ "/afspraken", "", NULL },
		{ "/afspraken", "product=paspoort", NULL },
		{ "/afspraken", "gemeente=GM039", NULL },
		{ "/afspraken", "gemeente=gm0397", NULL },
		{ "/afspraken", "gemeente=GM0397x", NULL },
		{ "/afspraken/Aalsmeer/tijden", "", NULL },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct request rq = { 0 };
		struct err e;
		char buf[STORE_FAMILIE_MAX + 1];
		const char *got;

		arena_init(&rq.a, 1u << 16);
		err_clear(&e);
		assert_int_equal(route_match(routes, 3, HTTP_GET, cases[i].path,
					     &rq.match),
				 1);
		assert_int_equal(urlenc_parse(&rq.a, cases[i].query,
					      strlen(cases[i].query), "query",
					      &rq.query, &e),
				 ST_OK);
		got = req_familie(&rq, rq.match.route->flags, buf, sizeof(buf));
		if (!cases[i].familie) {
			if (got)
				fail_msg("%s?%s: %s, not NULL", cases[i].path,
					 cases[i].query, got);
		} else {
			if (!got)
				fail_msg("%s?%s: NULL, not %s", cases[i].path,
					 cases[i].query, cases[i].familie);
			assert_string_equal(got, cases[i].familie);
		}
		/* A buffer too small: NULL, never a name cut short. */
		if (cases[i].familie)
			assert_null(req_familie(&rq, rq.match.route->flags, buf,
						strlen(cases[i].familie)));
		arena_free(&rq.a);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_families),
		cmocka_unit_test(test_late_put),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_req_familie),
	};
	return RUN_TESTS(tests);
}

/*
 * test_kostenverdeling_cases.c - every worked case of the contribution
 * calculation (tests/cases/allocation: copies of the shared cases, and
 * from 07 on cases of our own), one test each: every leaf's exact
 * fraction and cents, every view of every municipality the case names
 * (with its exact total and rounding difference where given), the grand
 * total, matrix B where the case gives it; and every rounding split of
 * the rounding case.
 */
#include <stdio.h>
#include <stdlib.h>

#include "../test.h"
#include "../../src/core/kostenverdeling.h"
#include "../../src/present/kostenverdeling.h"

static const char *map;

static json_t *
laad(const char *naam)
{
	char pad[512];
	json_error_t je;
	snprintf(pad, sizeof pad, "%s/%s", map, naam);
	json_t *doc = json_load_file(pad, 0, &je);
	if (!doc)
		fail_msg("%s: %s", pad, je.text);
	return doc;
}

static const char *
sleutel(const json_t *leaf, char *buf, size_t n)
{
	snprintf(buf, n, "%s|%s|%s",
		 json_string_value(json_object_get(leaf, "pool")),
		 json_string_value(json_object_get(leaf, "municipality")),
		 json_string_value(json_object_get(leaf, "department")));
	return buf;
}

static void
gelijk(const json_t *want, const json_t *got, const char *wat)
{
	if (!got || !json_equal((json_t *)want, (json_t *)got)) {
		char *w = json_dumps(want, JSON_SORT_KEYS | JSON_COMPACT);
		char *g = got ? json_dumps(got, JSON_SORT_KEYS | JSON_COMPACT)
			      : NULL;
		print_message("%s\n  want %s\n  got  %s\n", wat, w,
			      g ? g : "(missing)");
		free(w);
		free(g);
		fail_msg("%s differs", wat);
	}
}

static void
geval(void **state)
{
	const char *naam = *state;
	json_t *doc = laad(naam), *exp = json_object_get(doc, "expected");
	struct arena a;
	struct err e;
	struct kv_invoer in;
	struct kv_uitkomst u;

	arena_init(&a, 64u << 20);
	assert_int_equal(kv_json_invoer(doc, &a, &in, &e), ST_OK);
	if (kv_bereken(&in, &a, &u, &e) != ST_OK)
		fail_msg("%s: %s %s", naam,
			 e.nproblems ? e.problems[0].reason : "", e.message);
	json_t *got = kv_json_uitkomst(&u);

	/* Every leaf, by (pool, municipality, department); no others. */
	const json_t *wl = json_object_get(exp, "leaves");
	const json_t *gl = json_object_get(got, "leaves");
	assert_int_equal(json_array_size(gl), json_array_size(wl));
	size_t i, k;
	const json_t *w, *g;
	json_array_foreach((json_t *)wl, i, w)
	{
		char ks[256], kg[256];
		const json_t *hit = NULL;
		json_array_foreach((json_t *)gl, k,
				   g) if (strcmp(sleutel(w, ks, sizeof ks),
						 sleutel(g, kg, sizeof kg)) ==
					  0) hit = g;
		gelijk(w, hit, sleutel(w, ks, sizeof ks));
	}
	/* Every view the case names, per municipality. */
	const char *m, *v;
	const json_t *wm, *wv;
	json_object_foreach((json_t *)json_object_get(exp, "per_municipality"),
			    m, wm)
	{
		const json_t *gm = json_object_get(
			json_object_get(got, "per_municipality"), m);
		json_object_foreach((json_t *)wm, v, wv)
		{
			char wat[128];
			snprintf(wat, sizeof wat, "%s.%s", m, v);
			gelijk(wv, json_object_get(gm, v), wat);
		}
	}
	gelijk(json_object_get(exp, "grand_total"),
	       json_object_get(got, "grand_total"), "grand_total");
	const json_t *b = json_object_get(exp, "support_fraction_matrix_B");
	if (b)
		gelijk(b, json_object_get(got, "support_fraction_matrix_B"),
		       "support_fraction_matrix_B");
	json_decref(got);
	json_decref(doc);
	arena_free(&a);
}

/* The rounding case: split(amount, weights) for every named split. */
static void
afronding(void **state)
{
	json_t *doc = laad("06_rounding_remainders_and_ties.json");
	size_t i;
	const json_t *s;
	size_t n = 0;
	json_array_foreach(json_object_get(doc, "splits"), i, s)
	{
		const json_t *gw = json_object_get(s, "weights");
		size_t nw = json_object_size(gw), k = 0;
		const char *ids[16], *exact[16];
		int64_t gew[16], cent[16];
		const char *id;
		const json_t *v;
		struct arena a;
		struct err e;

		assert_true(nw <= 16);
		json_object_foreach((json_t *)gw, id, v)
		{
			ids[k] = id;
			gew[k++] = json_integer_value(v);
		}
		arena_init(&a, 1u << 20);
		assert_int_equal(kv_splits(json_integer_value(json_object_get(
						   s, "amount")),
					   nw, ids, gew, cent, exact, &a, &e),
				 ST_OK);
		for (k = 0; k < nw; k++) {
			const char *naam =
				json_string_value(json_object_get(s, "name"));
			int64_t want = json_integer_value(json_object_get(
				json_object_get(s, "expected_cents"), ids[k]));
			const char *wx = json_string_value(json_object_get(
				json_object_get(s, "exact"), ids[k]));
			if (cent[k] != want || strcmp(exact[k], wx) != 0)
				fail_msg("%s %s: want %lld (%s), got %lld (%s)",
					 naam, ids[k], (long long)want, wx,
					 (long long)cent[k], exact[k]);
		}
		arena_free(&a);
		n++;
	}
	assert_int_equal(n, 9);
	(void)state;
	json_decref(doc);
}

/* Exact amounts for people: euro with four more decimals, cut off. */
static void
breuken(void **state)
{
	static const struct {
		const char *pq, *tekst;
	} gevallen[] = {
		{ "1140000", "€ 11.400,00" },
		{ "403810114631/59072", "€ 68.358,971192…" },
		{ "-7644660625/426", "-€ 179.452,127347…" },
		{ "1/3", "€ 0,003333…" },
		{ "5/2", "€ 0,025" },
		{ "-1/2", "-€ 0,005" },
		{ "0", "€ 0,00" },
		{ "abc", "?" },
		{ "1/0", "?" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof gevallen / sizeof *gevallen; i++) {
		char buf[80];
		present_breuk_nl(gevallen[i].pq, buf, sizeof buf);
		assert_string_equal(buf, gevallen[i].tekst);
	}
}

int
main(int argc, char **argv)
{
	static const char *gevallen[] = {
		"01_two_municipalities_hours.json",
		"02_three_municipalities_mixed_keys.json",
		"04_step_down_two_support.json",
		"07_dated_support_pool_merges.json",
		"08_rounding_difference_per_leaf.json",
	};
	struct CMUnitTest tests[sizeof gevallen / sizeof *gevallen + 2];
	size_t n = sizeof gevallen / sizeof *gevallen;

	if (argc < 2) {
		fprintf(stderr, "gebruik: %s MAP-MET-GEVALLEN\n", argv[0]);
		return 2;
	}
	map = argv[1];
	for (size_t i = 0; i < n; i++)
		tests[i] = (struct CMUnitTest){ gevallen[i], geval, NULL, NULL,
						(void *)gevallen[i] };
	tests[n] = (struct CMUnitTest){ "06_rounding_remainders_and_ties",
					afronding, NULL, NULL, NULL };
	tests[n + 1] = (struct CMUnitTest){ "present_breuk_nl", breuken, NULL,
					    NULL, NULL };
	cmocka_set_message_output(CM_OUTPUT_TAP);
	return _cmocka_run_group_tests("kostenverdeling_cases", tests, n + 2,
				       NULL, NULL);
}

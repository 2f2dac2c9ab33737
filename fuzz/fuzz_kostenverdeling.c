/*
 * fuzz_kostenverdeling.c - the contribution calculation's input document
 * (kv_json_lees) and engine (kv_bereken).
 *
 * Input: a JSON document. When it is read and computed, checks:
 *  - every pool's leaves add up to the pool, and all pools to the total;
 *  - every leaf is within one cent of its exact share ("p/q");
 *  - every view of every municipality adds up to its total;
 *  - a municipality's total is less than its number of leaves (in
 *    cents) from its exact total, and at most that from the rounding of
 *    it;
 *  - computing again gives the same bytes;
 *  - the canonical input, read back and computed, gives the same bytes
 *    and the same SHA-256 (the canonical form is a fixed point).
 * Whatever the input, nothing crashes, leaks or overflows.
 */
#include <gmp.h>
#include <string.h>

#include "fuzz.h"
#include "../src/core/kostenverdeling.h"
#include "../src/present/kostenverdeling.h"

static char *
bytes(const struct kv_uitkomst *u)
{
	json_t *j = kv_json_uitkomst(u);
	char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(j);
	return s;
}

static void
invarianten(const struct kv_uitkomst *u)
{
	int64_t totaal = 0;
	mpq_t x, c;
	mpq_init(x);
	mpq_init(c);
	for (size_t p = 0; p < u->nposten; p++) {
		int64_t som = 0;
		for (size_t i = 0; i < u->posten[p].nbladen; i++) {
			const struct kv_blad *b =
				&u->bladen[u->posten[p].eerste_blad + i];
			som += b->cent;
			FUZZ_CHECK(mpq_set_str(x, b->exact, 10) == 0);
			mpq_set_si(c, b->cent, 1);
			mpq_sub(c, c, x);
			mpq_abs(c, c);
			FUZZ_CHECK(mpq_cmp_ui(c, 1, 1) < 0);
		}
		FUZZ_CHECK(som == u->posten[p].bedrag);
		totaal += som;
	}
	FUZZ_CHECK(totaal == u->totaal);
	for (size_t m = 0; m < u->ngemeenten; m++) {
		const struct kv_gemeente_uit *g = &u->per_gemeente[m];
		int64_t o = 0, h = 0, t = 0, n = 0;
		for (size_t d = 0; d < u->nafdelingen; d++) {
			o += g->per_ontvanger[d];
			h += g->per_herkomst[d];
		}
		for (size_t i = 0; i < g->ntaakvelden; i++)
			t += g->per_taakveld[i].cent;
		FUZZ_CHECK(o == g->totaal && h == g->totaal && t == g->totaal);
		for (size_t i = 0; i < u->nbladen; i++)
			n += u->bladen[i].gemeente == m;
		FUZZ_CHECK(mpq_set_str(x, g->exact_totaal, 10) == 0);
		mpq_set_si(c, g->totaal, 1);
		mpq_sub(c, c, x);
		mpq_abs(c, c);
		FUZZ_CHECK(n ? mpq_cmp_si(c, n, 1) < 0 : mpq_sgn(c) == 0);
		FUZZ_CHECK(g->afrondingsverschil <= n &&
			   -g->afrondingsverschil <= n);
	}
	mpq_clear(x);
	mpq_clear(c);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct err e;
	struct kv_invoer in, in2;
	struct kv_uitkomst u1, u2, u3;

	arena_init(&a, 64u << 20);
	if (kv_json_lees((const char *)data, size, &a, &in, &e) == ST_OK &&
	    kv_bereken(&in, &a, &u1, &e) == ST_OK) {
		invarianten(&u1);
		char *b1 = bytes(&u1);
		FUZZ_CHECK(kv_bereken(&in, &a, &u2, &e) == ST_OK);
		char *b2 = bytes(&u2);
		FUZZ_CHECK(b1 && b2 && strcmp(b1, b2) == 0);
		FUZZ_CHECK(kv_json_lees(u1.invoer, strlen(u1.invoer), &a, &in2,
					&e) == ST_OK);
		FUZZ_CHECK(kv_bereken(&in2, &a, &u3, &e) == ST_OK);
		char *b3 = bytes(&u3);
		FUZZ_CHECK(b3 && strcmp(b1, b3) == 0);
		FUZZ_CHECK(strcmp(u1.sha256, u3.sha256) == 0);
		free(b1);
		free(b2);
		free(b3);
	}
	arena_free(&a);
	return 0;
}

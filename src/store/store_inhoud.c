/*
 * store_inhoud.c - what a database holds, table by table: the number of
 * rows and a SHA-256 over them in key order. The figures are the same on
 * both engines for the same rows, so two databases (a copy, a restore, a
 * migration, a test's before and after) are compared by them alone.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "store_intern.h"
#include "../banned.h"

static const char *const namen[] = {
#define NAAM(t, k, z) #t,
	STORE_TABELLEN(NAAM)
#undef NAAM
};

#define NTABELLEN (sizeof(namen) / sizeof(namen[0]))

/*
 * One value into the hash, unambiguously: "N" for NULL, else "T", the
 * length in bytes, ":" and the text (integers in decimal, as both
 * engines write them).
 */
static void
waarde(crypto_hash_sha256_state *h, const char *t)
{
	char kop[32];
	int n;

	if (!t) {
		crypto_hash_sha256_update(h, (const unsigned char *)"N", 1);
		return;
	}
	n = snprintf(kop, sizeof(kop), "T%zu:", strlen(t));
	crypto_hash_sha256_update(h, (const unsigned char *)kop, (size_t)n);
	crypto_hash_sha256_update(h, (const unsigned char *)t, strlen(t));
}

static enum status
tabel(struct store *s, size_t i, struct store_tabel *uit, struct err *e)
{
	struct db_stmt *st = stmt(s, (enum query)(Q_TABEL_organisatie + i), e);
	crypto_hash_sha256_state h;
	unsigned char bin[crypto_hash_sha256_BYTES];
	int r;

	if (!st)
		return e->status;
	uit->naam = namen[i];
	uit->rijen = 0;
	crypto_hash_sha256_init(&h);
	while ((r = next_row(s, st, e)) > 0) {
		int n = db_col_count(st);

		for (int c = 0; c < n; c++)
			waarde(&h,
			       db_col_null(st, c) ? NULL : db_col_text(st, c));
		crypto_hash_sha256_update(&h, (const unsigned char *)"\n", 1);
		uit->rijen++;
	}
	db_reset(st);
	if (r < 0)
		return e->status;
	crypto_hash_sha256_final(&h, bin);
	sodium_bin2hex(uit->sha256, sizeof(uit->sha256), bin, sizeof(bin));
	return ST_OK;
}

enum status
store_inhoud(struct store *s, struct arena *a, struct store_tabel **uit,
	     size_t *n, struct err *e)
{
	struct store_tabel *t = arena_calloc(a, NTABELLEN, sizeof(*t));
	enum status st;

	*uit = NULL;
	*n = 0;
	if (!t)
		return nomem(e);
	/* One transaction: every table as of one moment. */
	if ((st = tx_begin_stil(s, e)))
		return st;
	for (size_t i = 0; i < NTABELLEN && !st; i++)
		st = tabel(s, i, &t[i], e);
	tx_end(s, st ? st : ST_CONFLICT, e); /* read only: undone */
	if (st)
		return st;
	*uit = t;
	*n = NTABELLEN;
	return ST_OK;
}

/*
 * audit.c - the hash chain of the audit trail (SHA-256, libsodium).
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "audit.h"
#include "../banned.h"

const char audit_genesis[AUDIT_HASH_HEX] =
	"0000000000000000000000000000000000000000000000000000000000000000";

static void
field(crypto_hash_sha256_state *st, const char *s)
{
	char len[24];
	size_t n = s ? strlen(s) : 0;

	/* NULL and "" differ: NULL is written as "-;". */
	if (!s) {
		crypto_hash_sha256_update(st, (const unsigned char *)"-;", 2);
		return;
	}
	snprintf(len, sizeof(len), "%zu:", n);
	crypto_hash_sha256_update(st, (const unsigned char *)len, strlen(len));
	crypto_hash_sha256_update(st, (const unsigned char *)s, n);
	crypto_hash_sha256_update(st, (const unsigned char *)";", 1);
}

void
audit_hash(const struct audit_entry *a, const char *prev_hex, char *out)
{
	crypto_hash_sha256_state st;
	unsigned char digest[crypto_hash_sha256_BYTES];
	char num[24];

	crypto_hash_sha256_init(&st);
	field(&st, prev_hex);
	snprintf(num, sizeof(num), "%lld", (long long)a->id);
	field(&st, num);
	field(&st, a->uuid);
	field(&st, a->aanmaakdatum);
	field(&st, a->gebruikers_id);
	field(&st, a->gebruikers_weergave);
	field(&st, a->actie);
	field(&st, a->actie_weergave);
	snprintf(num, sizeof(num), "%d", a->resultaat);
	field(&st, num);
	field(&st, a->resource);
	field(&st, a->resource_url);
	field(&st, a->resource_weergave);
	field(&st, a->toelichting);
	field(&st, a->herkomst);
	field(&st, a->oud);
	field(&st, a->nieuw);
	if (a->scope)
		field(&st, a->scope);
	if (a->besluit > 0) {
		snprintf(num, sizeof(num), "b%lld", (long long)a->besluit);
		field(&st, num);
	}
	crypto_hash_sha256_final(&st, digest);
	sodium_bin2hex(out, AUDIT_HASH_HEX, digest, sizeof(digest));
}

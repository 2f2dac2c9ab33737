/*
 * password.c - Argon2id through libsodium.
 */
#include <string.h>

#include <sodium.h>

#include "password.h"
#include "../banned.h"

enum status
password_init(struct err *e)
{
	if (sodium_init() < 0)
		return err_internal(e, "sodium_init failed");
	return ST_OK;
}

enum status
password_hash(const char *pw, char *out, struct err *e)
{
	if (password_init(e))
		return ST_INTERNAL;
	if (crypto_pwhash_str_alg(out, pw, strlen(pw),
				  crypto_pwhash_OPSLIMIT_INTERACTIVE,
				  crypto_pwhash_MEMLIMIT_INTERACTIVE,
				  crypto_pwhash_ALG_ARGON2ID13) != 0)
		return err_set(e, ST_NOMEM,
			       "Onvoldoende geheugen om het wachtwoord te "
			       "beveiligen.");
	return ST_OK;
}

bool
password_verify(const char *hash, const char *pw)
{
	if (sodium_init() < 0 || !hash || !pw)
		return false;
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

void
password_generate(char *out, size_t n)
{
	static const char alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
	size_t o = 0;

	if (sodium_init() < 0 || n < 24) {
		if (n)
			out[0] = '\0';
		return;
	}
	for (int g = 0; g < 4; g++) {
		if (g)
			out[o++] = '-';
		for (int i = 0; i < 5; i++)
			out[o++] = alphabet[randombytes_uniform(
				(uint32_t)(sizeof(alphabet) - 1))];
	}
	out[o] = '\0';
}

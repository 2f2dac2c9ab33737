/*
 * totp.c - RFC 6238 with liboath; secrets from libsodium.
 */
#include <stdlib.h>
#include <string.h>

#include <liboath/oath.h>
#include <sodium.h>

#include "totp.h"
#include "../banned.h"

static const char b32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

void
totp_new_secret(char *out)
{
	unsigned char raw[20];
	size_t o = 0;

	randombytes_buf(raw, sizeof(raw));
	/* 20 bytes = 160 bits = 32 base32 characters exactly. */
	for (size_t i = 0; i < sizeof(raw); i += 5) {
		uint64_t v = 0;
		for (size_t k = 0; k < 5; k++)
			v = (v << 8) | raw[i + k];
		for (int k = 7; k >= 0; k--)
			out[o++] = b32[(v >> (k * 5)) & 31];
	}
	out[o] = '\0';
}

static bool
decode(const char *secret_b32, char **raw, size_t *len)
{
	return oath_init() == OATH_OK &&
	       oath_base32_decode(secret_b32, strlen(secret_b32), raw, len) ==
		       OATH_OK;
}

/* Check a code in a window of one step either way; its step in *stap. */
bool
totp_check_stap(const char *secret_b32, int64_t now, const char *code,
		int64_t *stap)
{
	char *raw = NULL;
	size_t len = 0;
	int rc, pos = 0;

	if (!secret_b32 || !code || strlen(code) != 6 ||
	    strspn(code, "0123456789") != 6 || !decode(secret_b32, &raw, &len))
		return false;
	rc = oath_totp_validate2(raw, len, (time_t)now, 30, 0, 1, &pos, code);
	sodium_memzero(raw, len);
	free(raw);
	if (rc < 0)
		return false;
	*stap = now / 30 + pos;
	return true;
}

/* A code is valid at now, in a window of one step either way. */
bool
totp_check(const char *secret_b32, int64_t now, const char *code)
{
	int64_t stap;

	return totp_check_stap(secret_b32, now, code, &stap);
}

bool
totp_code(const char *secret_b32, int64_t now, char *out)
{
	char *raw = NULL;
	size_t len = 0;
	int rc;

	if (!decode(secret_b32, &raw, &len))
		return false;
	rc = oath_totp_generate(raw, len, (time_t)now, 30, 0, 6, out);
	free(raw);
	return rc == OATH_OK;
}

/*
 * password.h - password hashing with Argon2id (libsodium's crypto_pwhash
 * with its "interactive" limits: 64 MiB, 2 passes), and generating
 * strong random passwords and secrets.
 */
#ifndef AMBT_CORE_PASSWORD_H
#define AMBT_CORE_PASSWORD_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

#define PASSWORD_HASH_MAX 128

/* Initialise libsodium once; ST_INTERNAL when it cannot. */
enum status password_init(struct err *e);

/* The encoded Argon2id hash of pw into out (PASSWORD_HASH_MAX bytes). */
enum status password_hash(const char *pw, char *out, struct err *e);

/* Whether pw matches the encoded hash (constant time in libsodium). */
bool password_verify(const char *hash, const char *pw);

/*
 * A random password of four groups of five lowercase letters and digits
 * ("k7rwq-m2hxa-..."), about 100 bits, into out (at least 24 bytes).
 */
void password_generate(char *out, size_t n);

#endif

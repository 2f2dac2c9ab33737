/*
 * totp.h - time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second
 * steps, six digits) through liboath, as authenticator apps use them.
 */
#ifndef AMBT_CORE_TOTP_H
#define AMBT_CORE_TOTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TOTP_SECRET_B32 33 /* 20 random bytes in base32, and NUL */

/* A new random secret, base32 (RFC 4648, no padding), into out. */
void totp_new_secret(char *out);

/*
 * Whether `code` (six digits) is valid for the base32 secret at Unix time
 * `now`, allowing one step of clock drift either way.
 */
bool totp_check(const char *secret_b32, int64_t now, const char *code);

/*
 * The same check, and the time step the code belongs to (Unix seconds /
 * 30, one more or less than now's with drift) in *stap, so that a caller
 * can accept each step only once (RFC 6238 section 5.2).
 */
bool totp_check_stap(const char *secret_b32, int64_t now, const char *code,
		     int64_t *stap);

/* The code for a secret at a time (for tests and setup), into out[7]. */
bool totp_code(const char *secret_b32, int64_t now, char *out);

#endif

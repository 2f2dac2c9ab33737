/*
 * access.h - who may do what: roles with their scope, and the rules for
 * user names and passwords. Pure rules; hashing and storage live
 * elsewhere.
 *
 * Roles and their scope:
 *   beheerder        the installation (no scope)
 *   controller       a cooperation (scope: its code, e.g. HB)
 *   accounthouder    a municipality (scope: CBS code)
 *   planner          a municipality's front office (scope: CBS code)
 *   baliemedewerker  a municipality's front office (scope: CBS code)
 *   raadslid         a municipality's published material, read-only
 * A user may hold several roles. Accounts are personal, never shared.
 */
#ifndef AMBT_CORE_ACCESS_H
#define AMBT_CORE_ACCESS_H

#include <stdbool.h>

#include "err.h"

/* Limits of an account, in characters (text.h). */
#define ACCESS_MAX_NAAM 200 /* a person's name, an API token's name */
#define ACCESS_MAX_EMAIL 254 /* RFC 5321 */
#define ACCESS_TOKEN_MAX_DAGEN 400 /* an API token is valid 1 to 400 days */

enum rol {
	ROL_BEHEERDER,
	ROL_CONTROLLER,
	ROL_ACCOUNTHOUDER,
	ROL_PLANNER,
	ROL_BALIEMEDEWERKER,
	ROL_RAADSLID,
};

#define ROL_COUNT 6

enum scope_soort {
	SCOPE_INSTALLATIE,
	SCOPE_SAMENWERKING,
	SCOPE_GEMEENTE,
};

struct roltoekenning {
	enum rol rol;
	const char *scope; /* NULL for beheerder; cooperation or CBS code */
};

const char *rol_name(enum rol r);
int rol_parse(const char *s, enum rol *out);

/* What a role's scope names. */
enum scope_soort rol_scope_soort(enum rol r);

/* Whether holders of the role must log in with a second factor. */
bool rol_tweede_factor(enum rol r);

/*
 * A role with its scope: beheerder has none; controller names a
 * cooperation code; the others a CBS code. Problems under "scope".
 */
enum status access_check_rol(const struct roltoekenning *t, struct err *e);

/* [a-z0-9._-], 3 to 64 characters, starting with a letter. */
enum status access_check_gebruikersnaam(const char *s, struct err *e);

/*
 * The minimum strength of a password: 12 to 128 characters, at least 5
 * different characters, not containing the user name, and not one of the
 * most common passwords (also not with digits or punctuation appended).
 * Problems under "wachtwoord", in Dutch, never echoing the password.
 */
enum status access_check_wachtwoord(const char *pw, const char *gebruikersnaam,
				    struct err *e);

#endif

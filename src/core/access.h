/*
 * access.h - who may do what: roles with their scope, and the rules for
 * user names and passwords. Pure rules; hashing and storage live
 * elsewhere.
 *
 * Roles and their scope:
 *   beheerder        the installation (no scope)
 *   controller       a cooperation (scope: its code, e.g. HB)
 *   accounthouder    a municipality (scope: CBS code)
 *   planner          a municipality's front office (scope: CBS code), or
 *                    one location's (scope: CBS code/location code, e.g.
 *                    GM0358/aalsmeer-raadhuis)
 *   baliemedewerker  a municipality's front office (scope: CBS code)
 *   raadslid         a municipality's published material, read-only
 * A user may hold several roles. Accounts are personal, never shared.
 */
#ifndef AMBT_CORE_ACCESS_H
#define AMBT_CORE_ACCESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "besluit.h"
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
 * cooperation code; the others a CBS code, a planner's optionally
 * followed by '/' and one of its locations' codes. Problems under
 * "scope".
 */
enum status access_check_rol(const struct roltoekenning *t, struct err *e);

/* Between a planner's municipality and location in a scope. */
#define ACCESS_SCOPE_VESTIGING '/'

/*
 * A municipality's scope split: its CBS code into cbs (NUL-terminated,
 * at most n - 1 characters) and a pointer to the location's code after
 * the '/' (NULL when the scope names the whole municipality). False when
 * the municipality part does not fit.
 */
bool access_scope_split(const char *scope, char *cbs, size_t n,
			const char **vestiging);

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

/* A personal account with its roles (never its password). */
struct gebruiker {
	int64_t id;
	const char *gebruikersnaam;
	const char *naam;
	const char *email;
	const char *aangemaakt; /* UTC timestamp */
	const char *ingetrokken; /* NULL while active */
	/* the last login (UTC timestamp, from the audit trail), or NULL;
	 * only from store_gebruiker_list */
	const char *laatste_login;
	bool tweede_factor; /* a TOTP secret is set */
	const char *totp_geheim; /* only from store_gebruiker_get; else NULL */
	struct roltoekenning *rollen;
	size_t nrollen;
};

/* What a token may do beyond its account's roles. */
struct token_scope {
	const struct roltoekenning *rol; /* only this role, or NULL: all */
	bool alleen_lezen; /* GET/HEAD only */
};

/*
 * What one person may see, worked out once from their roles (and the
 * members of the cooperations they control), for every query and every
 * page: the decisions they may read in full, and the audit entries.
 * Lists are borrowed from the caller.
 */
struct zicht {
	bool alles; /* a beheerder, or the command line at the machine */
	const char *zelf; /* user name: audit entries they made */
	/* CBS codes whose decisions they read in full (accounthouder) */
	const char *const *volledig;
	size_t nvolledig;
	/* CBS codes whose decisions but the secret ones they read (the
	 * members of a controller's cooperations) */
	const char *const *intern;
	size_t nintern;
	/* codes of municipalities and cooperations whose audit entries
	 * they read (accounthouder, controller) */
	const char *const *scopes;
	size_t nscopes;
	/* cooperations they keep (controller): staff, batches of hours,
	 * cost data, calculations */
	const char *const *beheer;
	size_t nbeheer;
	/* CBS codes whose cooperations' figures (hours, contributions) they
	 * read (accounthouder, raadslid) */
	const char *const *lezen;
	size_t nlezen;
};

/* Seeing everything: the command line at the machine, and the reads the
 * store makes to check a write. */
extern const struct zicht zicht_alles;

/*
 * Whether `z` may read a decision of organisation `org` with this
 * publicity and status. Everyone reads what is published (actief
 * openbaar and vastgesteld, or vastgesteld and later ingetrokken); a NULL
 * `z` reads only that.
 */
bool zicht_besluit(const struct zicht *z, const char *org, enum openbaarheid o,
		   enum besluit_status st);

/* Whether `z` keeps cooperation `samenwerking`: staff, hours, costs. */
bool zicht_beheert(const struct zicht *z, const char *samenwerking);

/*
 * Whether `z` reads the figures (hours, contributions) of cooperation
 * `samenwerking`, whose members (CBS codes, ever) are `leden`.
 */
bool zicht_cijfers(const struct zicht *z, const char *samenwerking,
		   const char *const *leden, size_t nleden);

/* Whether `code` is among the n codes of `list`. */
bool zicht_heeft(const char *const *list, size_t n, const char *code);
#define ACCESS_NETWERK_LEN 64 /* room for an IPv6 network and NUL */

/*
 * The network an origin address belongs to, for counting per network:
 * "192.0.2.0/24" for an IPv4 address, "2001:db8:1:2::/64" for IPv6
 * (however the address was written), and any other text (an origin such
 * as "opdrachtregel") as it is, cut to fit, into out[ACCESS_NETWERK_LEN].
 */
void access_netwerk(const char *herkomst, char *out);

#endif

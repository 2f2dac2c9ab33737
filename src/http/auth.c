/*
 * auth.c - tokens, sessions, CSRF.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <sodium.h>

#include "auth.h"
#include "../banned.h"

const char *
auth_hash(struct arena *a, const char *secret)
{
	unsigned char d[crypto_hash_sha256_BYTES];
	char *hex = arena_alloc(a, 2 * sizeof(d) + 1);

	if (!hex)
		return NULL;
	crypto_hash_sha256(d, (const unsigned char *)secret, strlen(secret));
	sodium_bin2hex(hex, 2 * sizeof(d) + 1, d, sizeof(d));
	return hex;
}

const char *
auth_secret(struct arena *a)
{
	unsigned char b[32];
	char *hex = arena_alloc(a, 65);

	if (!hex)
		return NULL;
	randombytes_buf(b, sizeof(b));
	sodium_bin2hex(hex, 65, b, sizeof(b));
	return hex;
}

static bool
is_hex64(const char *s)
{
	return s && strlen(s) == 64 && strspn(s, "0123456789abcdef") == 64;
}

enum status
auth_identify(struct request *rq, int64_t now, struct err *e)
{
	struct err ignore;
	enum status st;

	memset(&rq->who, 0, sizeof(rq->who));
	if (rq->authorization) {
		const char *tok = rq->authorization;

		st = strncasecmp(tok, "Bearer ", 7) != 0 || !is_hex64(tok + 7)
			     ? ST_NOT_FOUND
			     : store_token_get(rq->store, &rq->a,
					       auth_hash(&rq->a, tok + 7), now,
					       &rq->who.user,
					       &rq->who.alleen_lezen, e);
		if (st != ST_OK && st != ST_NOT_FOUND)
			return st; /* the database, not the token */
		if (st != ST_OK)
			return err_set(e, ST_NOT_FOUND,
				       "Het token is onbekend, verlopen of "
				       "ingetrokken.");
		rq->who.ingelogd = true;
		rq->who.via_token = true;
		return ST_OK;
	}
	if (is_hex64(rq->cookie_sessie)) {
		const char *h = auth_hash(&rq->a, rq->cookie_sessie);

		err_clear(&ignore);
		st = h ? store_sessie_get(rq->store, &rq->a, h, now,
					  SESSIE_IDLE, SESSIE_MAX,
					  &rq->who.user, &rq->who.csrf, &ignore)
		       : ST_NOT_FOUND;
		if (st == ST_OK) {
			rq->who.ingelogd = true;
			rq->who.sessie_hash = h;
		} else if (st != ST_NOT_FOUND) {
			/* Not "logged out": the database did not answer. */
			*e = ignore;
			return st;
		}
	}
	return ST_OK;
}

bool
auth_csrf_ok(struct request *rq, const char *form_value)
{
	const char *got = rq->header_csrf ? rq->header_csrf : form_value;

	if (rq->who.via_token)
		return true;
	if (!rq->who.csrf || !got || strlen(got) != strlen(rq->who.csrf))
		return false;
	return sodium_memcmp(got, rq->who.csrf, strlen(got)) == 0;
}

bool
auth_has_role(const struct principal *p, enum rol rol, const char *scope)
{
	if (!p->ingelogd)
		return false;
	for (size_t i = 0; i < p->user.nrollen; i++)
		if (p->user.rollen[i].rol == rol &&
		    (!scope || (p->user.rollen[i].scope &&
				strcmp(p->user.rollen[i].scope, scope) == 0)))
			return true;
	return false;
}

/* ---- authorisation ---- */

static bool
has_any(const struct principal *p, enum rol rol)
{
	return auth_has_role(p, rol, NULL);
}

enum status
authz_route(struct request *rq, unsigned flags, struct err *e)
{
	const struct principal *p = &rq->who;

	if (!(flags & NEED_MASK))
		return err_internal(e, "route %s declares no need", rq->path);
	if (p->alleen_lezen && rq->method != HTTP_GET &&
	    rq->method != HTTP_HEAD && rq->method != HTTP_OPTIONS)
		return err_set(e, ST_FORBIDDEN, "Dit token mag alleen lezen.");
	if (flags & NEED_PUBLIC)
		return ST_OK;
	if (!p->ingelogd)
		return err_set(e, ST_UNAUTHENTICATED,
			       "Log eerst in; dit mag alleen met een account.");
	if (auth_route_allowed(p, flags))
		return ST_OK;
	return err_set(e, ST_FORBIDDEN,
		       "Uw account heeft geen rol die dit mag.");
}

bool
auth_route_allowed(const struct principal *p, unsigned flags)
{
	if (!(flags & NEED_MASK))
		return false;
	if (flags & NEED_PUBLIC)
		return true;
	if (!p->ingelogd)
		return false;
	if (has_any(p, ROL_BEHEERDER) || (flags & NEED_INGELOGD))
		return true;
	if ((flags & NEED_GEMEENTE_SCHRIJF) && has_any(p, ROL_ACCOUNTHOUDER))
		return true;
	if ((flags & NEED_SAMENWERKING_SCHRIJF) && has_any(p, ROL_CONTROLLER))
		return true;
	if ((flags & NEED_PLANNER) && has_any(p, ROL_PLANNER))
		return true;
	return (flags & NEED_BALIE) &&
	       (has_any(p, ROL_PLANNER) || has_any(p, ROL_BALIEMEDEWERKER));
}

void
auth_audit_geweigerd(struct request *rq, int resultaat, const char *resource,
		     const char *weergave, const char *toelichting)
{
	struct err ignore;

	err_clear(&ignore);
	if (rq->who.ingelogd)
		store_audit_event(rq->store, "geweigerd", resultaat, resource,
				  weergave, toelichting, &ignore);
	else
		store_audit_weigering(rq->store, rq->now, resultaat, resource,
				      weergave, toelichting, &ignore);
}

static enum status
refused(struct request *rq, const char *what, struct err *e)
{
	auth_audit_geweigerd(rq, 403, "toegang", what, rq->path);
	return err_set(e, ST_FORBIDDEN,
		       "U mag dit niet wijzigen: het hoort bij %.40s, "
		       "waarvoor uw account geen rol heeft.",
		       what);
}

enum status
authz_gemeente(struct request *rq, const char *cbs, struct err *e)
{
	if (auth_has_role(&rq->who, ROL_BEHEERDER, NULL) ||
	    (cbs && auth_has_role(&rq->who, ROL_ACCOUNTHOUDER, cbs)))
		return ST_OK;
	return refused(rq, cbs ? cbs : "?", e);
}

enum status
authz_samenwerking(struct request *rq, const char *code, struct err *e)
{
	if (auth_has_role(&rq->who, ROL_BEHEERDER, NULL) ||
	    (code && auth_has_role(&rq->who, ROL_CONTROLLER, code)))
		return ST_OK;
	return refused(rq, code ? code : "?", e);
}

bool
authz_planner(const struct request *rq, const char *cbs)
{
	return auth_has_role(&rq->who, ROL_BEHEERDER, NULL) ||
	       (cbs && auth_has_role(&rq->who, ROL_PLANNER, cbs));
}

/* Whether role t is a planner's of one location of municipality cbs
 * (vestiging NULL: of any of its locations). */
static bool
plant_vestiging(const struct roltoekenning *t, const char *cbs,
		const char *vestiging)
{
	char eigen[REG_CBS_CODE_LEN + 1];
	const char *v = NULL;

	return t->rol == ROL_PLANNER && cbs &&
	       access_scope_split(t->scope, eigen, sizeof(eigen), &v) && v &&
	       strcmp(eigen, cbs) == 0 &&
	       (!vestiging || strcmp(v, vestiging) == 0);
}

bool
authz_planner_vestiging(const struct request *rq, const char *cbs,
			const char *vestiging)
{
	const struct gebruiker *u = &rq->who.user;

	if (authz_planner(rq, cbs))
		return true;
	for (size_t i = 0; vestiging && rq->who.ingelogd && i < u->nrollen; i++)
		if (plant_vestiging(&u->rollen[i], cbs, vestiging))
			return true;
	return false;
}

bool
authz_planner_deels(const struct request *rq, const char *cbs)
{
	const struct gebruiker *u = &rq->who.user;

	if (authz_planner(rq, cbs))
		return true;
	for (size_t i = 0; rq->who.ingelogd && i < u->nrollen; i++)
		if (plant_vestiging(&u->rollen[i], cbs, NULL))
			return true;
	return false;
}

const char *
auth_eigen_gemeente(struct request *rq, bool balie)
{
	const struct gebruiker *u = &rq->who.user;
	char *cbs;
	const char *v;

	for (size_t i = 0; rq->who.ingelogd && i < u->nrollen; i++)
		if ((u->rollen[i].rol == ROL_PLANNER ||
		     (balie && u->rollen[i].rol == ROL_BALIEMEDEWERKER)) &&
		    (cbs = arena_alloc(&rq->a, REG_CBS_CODE_LEN + 1)) &&
		    access_scope_split(u->rollen[i].scope, cbs,
				       REG_CBS_CODE_LEN + 1, &v))
			return cbs;
	return NULL;
}

bool
authz_balie(const struct request *rq, const char *cbs)
{
	return authz_planner(rq, cbs) ||
	       (cbs && auth_has_role(&rq->who, ROL_BALIEMEDEWERKER, cbs));
}

bool
authz_balie_vestiging(const struct request *rq, const char *cbs,
		      const char *vestiging)
{
	return authz_balie(rq, cbs) ||
	       authz_planner_vestiging(rq, cbs, vestiging);
}

/* The CBS codes of every member (ever) of a cooperation, or NULL. */
static const char *const *
leden_van(struct request *rq, const char *sw, size_t *n)
{
	struct lidmaatschap *l;
	const char **codes;
	struct err ignore;

	*n = 0;
	err_clear(&ignore);
	if (!sw ||
	    store_samenwerking_leden(rq->store, &rq->a, sw, &l, n, &ignore) ||
	    !(codes = arena_calloc(&rq->a, *n + 1, sizeof(*codes)))) {
		*n = 0;
		return NULL;
	}
	for (size_t i = 0; i < *n; i++)
		codes[i] = l[i].gemeente;
	return codes;
}

bool
authz_cijfers_zichtbaar(struct request *rq, const char *sw)
{
	const char *const *leden;
	size_t n;

	if (zicht_beheert(&rq->zicht, sw))
		return true;
	leden = leden_van(rq, sw, &n);
	return zicht_cijfers(&rq->zicht, sw, leden, n);
}

/* Reading a cooperation's figures (`wat`: "de uren"): beheerder, its
 * controller, and the accounthouders and raadsleden of its members. */
static enum status
authz_cijfers_lezen(struct request *rq, const char *sw, const char *wat,
		    struct err *e)
{
	if (authz_cijfers_zichtbaar(rq, sw))
		return ST_OK;
	refused(rq, sw ? sw : "?", e);
	return err_set(e, ST_FORBIDDEN,
		       "U mag %s van %.16s niet inzien: uw account heeft "
		       "daar geen rol.",
		       wat, sw ? sw : "?");
}

enum status
authz_uren_lezen(struct request *rq, const char *sw, struct err *e)
{
	return authz_cijfers_lezen(rq, sw, "de uren", e);
}

enum status
authz_kosten_lezen(struct request *rq, const char *sw, struct err *e)
{
	return authz_cijfers_lezen(rq, sw, "de kosten en bijdragen", e);
}

/* Append `code` to a list being built in the arena (no duplicates). */
static void
lijst_voeg(struct arena *a, const char ***list, size_t *n, size_t *cap,
	   const char *code)
{
	if (!code || zicht_heeft(*list, *n, code))
		return;
	if (*n == *cap) {
		size_t nc = *cap ? 2 * *cap : 8;
		const char **g = arena_grow(a, *list, *n, nc, sizeof(**list));

		if (!g)
			return;
		*list = g;
		*cap = nc;
	}
	(*list)[(*n)++] = code;
}

void
auth_zicht(struct request *rq)
{
	struct zicht *z = &rq->zicht;
	const struct gebruiker *u = &rq->who.user;
	const char **vol = NULL, **intern = NULL, **scopes = NULL,
		   **beheer = NULL, **lezen = NULL;
	size_t nvol = 0, nintern = 0, nscopes = 0, nbeheer = 0, nlezen = 0;
	size_t cvol = 0, cintern = 0, cscopes = 0, cbeheer = 0, clezen = 0;

	memset(z, 0, sizeof(*z));
	if (!rq->who.ingelogd)
		return;
	z->zelf = u->gebruikersnaam;
	z->alles = auth_has_role(&rq->who, ROL_BEHEERDER, NULL);
	for (size_t i = 0; i < u->nrollen; i++) {
		const struct roltoekenning *t = &u->rollen[i];

		switch (t->rol) {
		case ROL_ACCOUNTHOUDER:
			lijst_voeg(&rq->a, &vol, &nvol, &cvol, t->scope);
			lijst_voeg(&rq->a, &scopes, &nscopes, &cscopes,
				   t->scope);
			lijst_voeg(&rq->a, &lezen, &nlezen, &clezen, t->scope);
			break;
		case ROL_RAADSLID:
			lijst_voeg(&rq->a, &lezen, &nlezen, &clezen, t->scope);
			break;
		case ROL_CONTROLLER: {
			const char *const *leden;
			size_t n;

			lijst_voeg(&rq->a, &beheer, &nbeheer, &cbeheer,
				   t->scope);
			lijst_voeg(&rq->a, &scopes, &nscopes, &cscopes,
				   t->scope);
			leden = leden_van(rq, t->scope, &n);
			for (size_t k = 0; k < n; k++) {
				lijst_voeg(&rq->a, &intern, &nintern, &cintern,
					   leden[k]);
				lijst_voeg(&rq->a, &scopes, &nscopes, &cscopes,
					   leden[k]);
			}
			break;
		}
		default:
			break;
		}
	}
	z->volledig = vol;
	z->nvolledig = nvol;
	z->intern = intern;
	z->nintern = nintern;
	z->scopes = scopes;
	z->nscopes = nscopes;
	z->beheer = beheer;
	z->nbeheer = nbeheer;
	z->lezen = lezen;
	z->nlezen = nlezen;
}

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

	memset(&rq->who, 0, sizeof(rq->who));
	if (rq->authorization) {
		const char *tok = rq->authorization;

		if (strncasecmp(tok, "Bearer ", 7) != 0 || !is_hex64(tok + 7) ||
		    store_token_get(rq->store, &rq->a,
				    auth_hash(&rq->a, tok + 7), now,
				    &rq->who.user, &rq->who.alleen_lezen, e))
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
		if (h &&
		    store_sessie_get(rq->store, &rq->a, h, now, SESSIE_IDLE,
				     SESSIE_MAX, &rq->who.user, &rq->who.csrf,
				     &ignore) == ST_OK) {
			rq->who.ingelogd = true;
			rq->who.sessie_hash = h;
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
	if (has_any(p, ROL_BEHEERDER) || (flags & NEED_INGELOGD))
		return ST_OK;
	if ((flags & NEED_GEMEENTE_SCHRIJF) && has_any(p, ROL_ACCOUNTHOUDER))
		return ST_OK;
	if ((flags & NEED_SAMENWERKING_SCHRIJF) && has_any(p, ROL_CONTROLLER))
		return ST_OK;
	return err_set(e, ST_FORBIDDEN,
		       "Uw account heeft geen rol die dit mag.");
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
		store_audit_weigering(rq->store, (int64_t)time(NULL), resultaat,
				      resource, weergave, toelichting, &ignore);
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

/* Reading a cooperation's figures (`wat`: "de uren"): beheerder, its
 * controller, and the accounthouders and raadsleden of its members. */
static enum status
authz_cijfers_lezen(struct request *rq, const char *sw, const char *wat,
		    struct err *e)
{
	struct lidmaatschap *l;
	size_t n;
	struct err ignore;

	if (auth_has_role(&rq->who, ROL_BEHEERDER, NULL) ||
	    (sw && auth_has_role(&rq->who, ROL_CONTROLLER, sw)))
		return ST_OK;
	err_clear(&ignore);
	if (sw && store_samenwerking_leden(rq->store, &rq->a, sw, &l, &n,
					   &ignore) == ST_OK)
		for (size_t i = 0; i < n; i++)
			if (auth_has_role(&rq->who, ROL_ACCOUNTHOUDER,
					  l[i].gemeente) ||
			    auth_has_role(&rq->who, ROL_RAADSLID,
					  l[i].gemeente))
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

enum status
authz_medewerker(struct request *rq, const struct medewerker *m, struct err *e)
{
	struct eenheid u;
	struct inrichting *h;
	size_t nh;
	struct err probe;

	if (auth_has_role(&rq->who, ROL_BEHEERDER, NULL))
		return ST_OK;
	err_clear(&probe);
	if (m->eenheid && store_eenheid_get(rq->store, &rq->a, m->eenheid, &u,
					    &h, &nh, &probe) == ST_OK)
		return authz_samenwerking(rq, u.samenwerking, e);
	if (m->eenheid && probe.status == ST_NOT_FOUND)
		return ST_OK;
	return authz_samenwerking(rq, NULL, e);
}

const char **
authz_controller_scopes(struct request *rq, size_t *n)
{
	const char **out;

	*n = 0;
	if (auth_has_role(&rq->who, ROL_BEHEERDER, NULL))
		return NULL;
	out = arena_calloc(&rq->a, rq->who.user.nrollen + 1, sizeof(*out));
	for (size_t i = 0; out && i < rq->who.user.nrollen; i++)
		if (rq->who.user.rollen[i].rol == ROL_CONTROLLER)
			out[(*n)++] = rq->who.user.rollen[i].scope;
	return out;
}

/* The CBS codes of the members of the principal's cooperations. */
static json_t *
controller_members(struct request *rq)
{
	json_t *arr = json_array();
	struct err ignore;

	for (size_t i = 0; i < rq->who.user.nrollen; i++) {
		struct lidmaatschap *l;
		size_t n;

		if (rq->who.user.rollen[i].rol != ROL_CONTROLLER)
			continue;
		err_clear(&ignore);
		if (store_samenwerking_leden(rq->store, &rq->a,
					     rq->who.user.rollen[i].scope, &l,
					     &n, &ignore))
			continue;
		for (size_t k = 0; k < n; k++)
			json_array_append_new(arr, json_string(l[k].gemeente));
	}
	return arr;
}

static const char *
dump(struct request *rq, json_t *arr)
{
	char *s = json_dumps(arr, JSON_COMPACT);
	const char *out = s ? arena_strdup(&rq->a, s) : NULL;

	free(s);
	json_decref(arr);
	return out;
}

void
authz_besluit_filter(struct request *rq, struct besluit_filter *f)
{
	json_t *volledig = json_array();

	f->alles = auth_has_role(&rq->who, ROL_BEHEERDER, NULL);
	for (size_t i = 0; i < rq->who.user.nrollen && rq->who.ingelogd; i++)
		if (rq->who.user.rollen[i].rol == ROL_ACCOUNTHOUDER)
			json_array_append_new(
				volledig,
				json_string(rq->who.user.rollen[i].scope));
	f->volledig = dump(rq, volledig);
	f->intern = rq->who.ingelogd ? dump(rq, controller_members(rq)) : NULL;
}

bool
authz_besluit_zichtbaar(struct request *rq, const struct besluit *b)
{
	const char *org = b->verantwoordelijke_organisatie;

	if (b->openbaarheid == OPENBAAR_ACTIEF &&
	    (b->status == BESLUIT_VASTGESTELD ||
	     b->status == BESLUIT_INGETROKKEN))
		return true;
	if (!rq->who.ingelogd)
		return false;
	if (auth_has_role(&rq->who, ROL_BEHEERDER, NULL) ||
	    auth_has_role(&rq->who, ROL_ACCOUNTHOUDER, org))
		return true;
	if (b->openbaarheid != OPENBAAR_GEHEIM) {
		json_t *m = controller_members(rq);
		size_t i;
		json_t *v;
		bool found = false;

		json_array_foreach(m, i, v)
		{
			if (strcmp(json_string_value(v), org) == 0)
				found = true;
		}
		json_decref(m);
		return found;
	}
	return false;
}

void
authz_audit_zicht(struct request *rq, struct audit_zicht *z)
{
	json_t *scopes = json_array();

	z->alles = auth_has_role(&rq->who, ROL_BEHEERDER, NULL);
	z->zelf = rq->who.user.gebruikersnaam;
	for (size_t i = 0; i < rq->who.user.nrollen; i++) {
		const struct roltoekenning *t = &rq->who.user.rollen[i];

		if (t->rol == ROL_ACCOUNTHOUDER || t->rol == ROL_CONTROLLER)
			json_array_append_new(scopes, json_string(t->scope));
	}
	{
		json_t *m = controller_members(rq);
		json_array_extend(scopes, m);
		json_decref(m);
	}
	z->scopes = dump(rq, scopes);
}

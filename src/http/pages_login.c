/*
 * pages_login.c - logging in and out with a form.
 *
 * Wrong user name, wrong password and a blocked account give the same
 * answer, so that nobody can find out which accounts exist; an unknown
 * user name costs as much time as a known one (a dummy Argon2id check).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <sodium.h>

#include "api.h"
#include "auth.h"
#include "../core/password.h"
#include "../core/totp.h"
#include "../present/json.h"
#include "../banned.h"

static const char *
cookie(struct request *rq, const char *name, const char *value, int max_age)
{
	size_t n = strlen(name) + (value ? strlen(value) : 0) + 96;
	char *c = arena_alloc(&rq->a, n);

	if (c)
		snprintf(c, n,
			 "%s=%s; Path=/; HttpOnly; Secure; SameSite=Strict; "
			 "Max-Age=%d",
			 name, value ? value : "", max_age);
	return c;
}

/* Lifetime of the login form's token (cookie ambt_csrf), counted anew
 * each time the form is shown. */
#define FORM_CSRF_MAX 3600

/*
 * The login form's token: the one of the visitor's cookie when it has
 * one, so that forms open in other tabs keep working, else a new one. The
 * cookie is sent again every time, so that it lives as long as the form
 * just shown: a cookie set when the form was first opened, an hour ago,
 * would otherwise expire under a form shown a minute ago.
 */
static const char *
form_token(struct request *rq, struct response *rs)
{
	const char *csrf = rq->cookie_csrf;

	if (!csrf || strlen(csrf) != 64)
		csrf = auth_secret(&rq->a);
	rs->cookies[1] = cookie(rq, "ambt_csrf", csrf, FORM_CSRF_MAX);
	return csrf;
}

/* The page to go back to after logging in: `t` when it is a path on this
 * site (resp_terug_ok), else none. */
static const char *
terug_of(const char *t)
{
	return t && resp_terug_ok(t) ? t : NULL;
}

static json_t *
form_data(struct request *rq, const char *csrf, const char *melding,
	  const char *naam, const char *terug)
{
	json_t *d = json_object(), *menu = json_object();

	json_object_set_new(d, "titel", json_string("Inloggen"));
	json_object_set_new(menu, "inloggen", json_true());
	json_object_set_new(d, "menu", menu);
	json_object_set_new(d, "formCsrf", jstr(csrf));
	json_object_set_new(d, "melding", jstr(melding));
	json_object_set_new(d, "gebruikersnaam", jstr(naam));
	json_object_set_new(d, "terug", jstr(terug));
	json_object_set_new(d, "inloggenHref", json_string("/inloggen"));
	(void)rq;
	return d;
}

enum status
page_login_form(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "terug", NULL };
	const char *csrf;

	if (req_check_query(rq, keys, e))
		return e->status;
	csrf = form_token(rq, rs);
	return resp_page_html(rq, rs, "inloggen.html",
			      form_data(rq, csrf, NULL, NULL,
					terug_of(kv_get(&rq->query, "terug"))),
			      e);
}

/*
 * "net:192.0.2.0/24" (IPv4 /24) or "net:2001:db8:1:2::/64" (IPv6 /64,
 * however the address was written).
 */
static const char *
net_key(struct request *rq)
{
	char net[ACCESS_NETWERK_LEN], buf[ACCESS_NETWERK_LEN + 8];

	access_netwerk(rq->herkomst ? rq->herkomst : "?", net);
	snprintf(buf, sizeof(buf), "net:%s", net);
	return arena_strdup(&rq->a, buf);
}

/* The form again, with a message; its token is valid (form_token), also
 * when the cookie had expired, so that sending it again works. */
static enum status
refuse(struct request *rq, struct response *rs, unsigned status,
       const char *melding, const char *naam, const char *terug, struct err *e)
{
	const char *csrf = form_token(rq, rs);
	enum status st =
		resp_page_html(rq, rs, "inloggen.html",
			       form_data(rq, csrf, melding, naam, terug), e);
	rs->status = status;
	return st;
}

static bool
needs_second_factor(const struct gebruiker *u)
{
	for (size_t i = 0; i < u->nrollen; i++)
		if (rol_tweede_factor(u->rollen[i].rol))
			return true;
	return false;
}

/*
 * Use the second factor: the six digits of the app, for a time step later
 * than the last one accepted (a code works once, RFC 6238 section 5.2),
 * or one unused recovery code. Writes, so call it in a transaction.
 */
static bool
second_factor_use(struct request *rq, const struct gebruiker *u,
		  const char *code, int64_t now)
{
	struct err ignore;
	int64_t stap;

	if (!u->totp_geheim || !code || !*code)
		return false;
	err_clear(&ignore);
	if (strlen(code) == 6)
		return totp_check_stap(u->totp_geheim, now, code, &stap) &&
		       store_totp_stap_gebruik(rq->store, u->gebruikersnaam,
					       stap, &ignore) == ST_OK;
	return strlen(code) == 11 &&
	       store_herstelcode_gebruik(rq->store, u->gebruikersnaam,
					 auth_hash(&rq->a, code), now,
					 &ignore) == ST_OK;
}

/*
 * Log in, all in one transaction: use the second factor when the roles
 * need it, end an old session, make a new one (never the old cookie
 * promoted: no fixation) and clear the account's failed attempts. Sets
 * *refused, and writes nothing, when the second factor is missing, wrong
 * or used already.
 */
static enum status
log_in(struct request *rq, struct response *rs, const struct gebruiker *user,
       const char *akey, const char *code, int64_t now, bool *refused,
       struct err *e)
{
	const char *secret = auth_secret(&rq->a);
	const char *form_csrf = auth_secret(&rq->a);
	enum status st;

	*refused = false;
	if ((st = store_begin(rq->store, e)))
		return st;
	if (needs_second_factor(user) &&
	    !second_factor_use(rq, user, code, now)) {
		store_rollback(rq->store);
		*refused = true;
		return ST_OK;
	}
	store_set_actor(rq->store, user->gebruikersnaam, user->naam,
			rq->herkomst);
	if ((rq->who.sessie_hash &&
	     store_sessie_delete(rq->store, rq->who.sessie_hash, e)) ||
	    store_sessie_add(rq->store, auth_hash(&rq->a, secret),
			     user->gebruikersnaam, form_csrf, now, rq->herkomst,
			     e) ||
	    store_poging_wis(rq->store, akey, e)) {
		store_rollback(rq->store);
		return e->status;
	}
	if ((st = store_commit(rq->store, e)))
		return st;
	/* The form token's cookie stays: a login form still open in
	 * another tab must not be refused as expired. */
	rs->cookies[0] = cookie(rq, "ambt_sessie", secret, SESSIE_MAX);
	return ST_OK;
}

enum status
page_login(struct request *rq, struct response *rs, struct err *e)
{
	static const char generic[] =
		"De gebruikersnaam, het wachtwoord of de code klopt niet, of "
		"het account is (tijdelijk) geblokkeerd. Na vijf mislukte "
		"pogingen is inloggen een kwartier geblokkeerd.";
	struct kvlist form;
	const char *naam, *pw, *csrf, *hash = NULL, *akey, *nkey, *code, *terug;
	struct gebruiker user;
	int64_t now = rq->now, blocked_a, blocked_n;
	struct err lookup;
	enum status st;
	bool ok, refused = false;

	if (!rq->content_type ||
	    strncasecmp(rq->content_type, "application/x-www-form-urlencoded",
			33) != 0)
		return err_set(e, ST_UNSUPPORTED,
			       "Stuur het formulier als "
			       "application/x-www-form-urlencoded.");
	if (urlenc_parse(&rq->a, rq->body ? rq->body : "", rq->body_len,
			 "formulier", &form, e))
		return e->status;
	naam = kv_get(&form, "gebruikersnaam");
	pw = kv_get(&form, "wachtwoord");
	code = kv_get(&form, "code");
	csrf = kv_get(&form, "csrf");
	terug = terug_of(kv_get(&form, "terug"));
	/* Login CSRF: the form must carry the value of our own cookie. */
	if (!csrf || !rq->cookie_csrf || strlen(csrf) != 64 ||
	    strlen(rq->cookie_csrf) != 64 ||
	    sodium_memcmp(csrf, rq->cookie_csrf, 64) != 0) {
		auth_audit_geweigerd(rq, 403, "sessie", naam,
				     "inlogformulier zonder geldig CSRF-token");
		return refuse(rq, rs, 403,
			      "Het formulier is verlopen. Laad de pagina "
			      "opnieuw en probeer het nog eens.",
			      naam, terug, e);
	}
	if (!naam || !*naam || !pw || !*pw || strlen(naam) > 64 ||
	    strlen(pw) > 128)
		return refuse(rq, rs, 400,
			      "Vul uw gebruikersnaam en wachtwoord in.", naam,
			      terug, e);
	akey = arena_strdup(&rq->a, naam);
	for (char *p = (char *)akey; p && *p; p++)
		*p = (char)((*p >= 'A' && *p <= 'Z') ? *p - 'A' + 'a' : *p);
	{
		char buf[96];
		snprintf(buf, sizeof(buf), "account:%.64s", akey);
		akey = arena_strdup(&rq->a, buf);
	}
	nkey = net_key(rq);
	if (store_poging_stand(rq->store, akey, now, &blocked_a, e) ||
	    store_poging_stand(rq->store, nkey, now, &blocked_n, e))
		return e->status;
	err_clear(&lookup);
	if (store_gebruiker_get(rq->store, &rq->a, naam, &user, &hash,
				&lookup) != ST_OK ||
	    user.ingetrokken)
		hash = NULL;
	/* Always one Argon2id check, so timing does not tell. */
	ok = password_verify(
		     hash ? hash
			  : "$argon2id$v=19$m=65536,t=2,p=1$"
			    "AAAAAAAAAAAAAAAAAAAAAA$"
			    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		     pw) &&
	     hash != NULL;
	if (ok && !blocked_a && !blocked_n &&
	    (st = log_in(rq, rs, &user, akey, code, now, &refused, e)))
		return st;
	if (blocked_a || blocked_n || !ok || refused) {
		store_poging_mislukt(rq->store, akey, now, LOGIN_MAX_ACCOUNT,
				     LOGIN_WINDOW, LOGIN_BLOCK, e);
		store_poging_mislukt(rq->store, nkey, now, LOGIN_MAX_NET,
				     LOGIN_WINDOW, LOGIN_BLOCK, e);
		store_audit_event(
			rq->store, "login_mislukt", 401, "sessie", naam,
			blocked_a || blocked_n ? "geblokkeerd" : NULL, e);
		err_clear(e);
		return refuse(rq, rs, 401, generic, naam, terug, e);
	}
	/* Back to the page asked for, when it is one of this site. */
	return page_see_other(rq, rs, terug ? terug : "/");
}

enum status
page_logout(struct request *rq, struct response *rs, struct err *e)
{
	struct kvlist form;

	if (urlenc_parse(&rq->a, rq->body ? rq->body : "", rq->body_len,
			 "formulier", &form, e))
		return e->status;
	if (rq->who.ingelogd && rq->who.sessie_hash) {
		if (!auth_csrf_ok(rq, kv_get(&form, "csrf")))
			return err_set(e, ST_CONFLICT,
				       "Het formulier is verlopen; laad de "
				       "pagina opnieuw.");
		store_audit_event(rq->store, "logout", 200, "sessie",
				  rq->who.user.gebruikersnaam, NULL, e);
		store_sessie_delete(rq->store, rq->who.sessie_hash, e);
	}
	rs->cookies[0] = cookie(rq, "ambt_sessie", "", 0);
	return page_see_other(rq, rs, "/");
}

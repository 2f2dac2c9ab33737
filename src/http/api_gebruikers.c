/*
 * api_gebruikers.c - accounts in the API: the beheerder's accounts, roles,
 * second factor and tokens under /api/v1/gebruikers, and every account's
 * own password, second factor and tokens under /api/v1/account. The
 * writes the pages share (pages_gebruikers.c) are here too.
 *
 * Passwords, token secrets, TOTP secrets and recovery codes are shown
 * once, in the answer that makes them; the store keeps only their hashes
 * and the audit trail says that they changed, never what to.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "api.h"
#include "auth.h"
#include "body.h"
#include "../core/password.h"
#include "../core/totp.h"
#include "../present/json.h"
#include "../banned.h"

/* An instant (Unix seconds) as ISO 8601 UTC, or null for 0. */
static json_t *
j_instant(int64_t t)
{
	char buf[INSTANT_ISO_LEN];

	if (!t)
		return json_null();
	date_format_instant(t, buf);
	return json_string(buf);
}

json_t *
gebruiker_rollen_json(const struct gebruiker *g)
{
	json_t *r = json_array();

	for (size_t k = 0; k < g->nrollen; k++) {
		json_t *ro = json_object();

		json_object_set_new(ro, "rol",
				    json_string(rol_name(g->rollen[k].rol)));
		json_object_set_new(ro, "scope", jstr(g->rollen[k].scope));
		json_array_append_new(r, ro);
	}
	return r;
}

json_t *
gebruiker_json(const struct gebruiker *g)
{
	json_t *o = json_object();

	json_object_set_new(o, "gebruikersnaam", jstr(g->gebruikersnaam));
	json_object_set_new(o, "naam", jstr(g->naam));
	json_object_set_new(o, "email", jstr(g->email));
	json_object_set_new(o, "aangemaakt", jstr(g->aangemaakt));
	json_object_set_new(o, "ingetrokken", jstr(g->ingetrokken));
	json_object_set_new(o, "tweedeFactor", json_boolean(g->tweede_factor));
	json_object_set_new(o, "rollen", gebruiker_rollen_json(g));
	return o;
}

json_t *
token_json(const struct token_info *t, int64_t now)
{
	json_t *o = json_object();

	json_object_set_new(o, "nummer", json_integer((json_int_t)t->id));
	json_object_set_new(o, "naam", jstr(t->naam));
	json_object_set_new(o, "aangemaakt", j_instant(t->aangemaakt));
	json_object_set_new(o, "verloopt", j_instant(t->verloopt));
	json_object_set_new(o, "ingetrokken", j_instant(t->ingetrokken));
	json_object_set_new(o, "geldig",
			    json_boolean(!t->ingetrokken && t->verloopt > now));
	json_object_set_new(o, "rol", jstr(t->rol));
	json_object_set_new(o, "scope", jstr(t->scope));
	json_object_set_new(o, "alleenLezen", json_boolean(t->alleen_lezen));
	return o;
}

/* An account with its tokens, as the account pages and the API show it. */
static enum status
account_json(struct request *rq, const char *gebruikersnaam, json_t **out,
	     struct err *e)
{
	struct gebruiker g;
	struct token_info *t;
	size_t n;
	json_t *arr;

	if (store_gebruiker_get(rq->store, &rq->a, gebruikersnaam, &g, NULL,
				e) ||
	    store_token_list(rq->store, &rq->a, gebruikersnaam, &t, &n, e))
		return e->status;
	*out = gebruiker_json(&g);
	arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, token_json(&t[i], rq->now));
	json_object_set_new(*out, "tokens", arr);
	return ST_OK;
}

enum status
gebruiker_account_json(struct request *rq, const char *gebruikersnaam,
		       json_t **out, struct err *e)
{
	return account_json(rq, gebruikersnaam, out, e);
}

/* ---- the writes the API and the pages share ---- */

/* A role and its scope from text; problems under "rol" and "scope". */
static enum status
rol_van(const char *rol, const char *scope, struct roltoekenning *t,
	struct err *e)
{
	if (!rol || !*rol)
		return err_invalid(e, "rol", "required", "Kies een rol.");
	if (rol_parse(rol, &t->rol))
		return err_invalid(e, "rol", "enum",
				   "Kies beheerder, controller, accounthouder, "
				   "planner, baliemedewerker of raadslid.");
	t->scope = scope && *scope ? scope : NULL;
	return access_check_rol(t, e);
}

enum status
gebruiker_maak(struct request *rq, const char *gebruikersnaam, const char *naam,
	       const char *email, const char *rol, const char *scope, char *pw,
	       size_t pwn, struct err *e)
{
	struct roltoekenning t = { 0 };
	char hash[PASSWORD_HASH_MAX];
	struct gebruiker g = { .gebruikersnaam = gebruikersnaam,
			       .naam = naam,
			       .email = email && *email ? email : NULL };

	if (!gebruikersnaam || !*gebruikersnaam)
		err_invalid(e, "gebruikersnaam", "required",
			    "Vul een gebruikersnaam in, bijvoorbeeld "
			    "j.devries.");
	else
		access_check_gebruikersnaam(gebruikersnaam, e);
	if (!naam || !*naam)
		err_invalid(e, "naam", "required",
			    "Vul de naam van de persoon in: accounts zijn "
			    "persoonlijk.");
	if (rol && *rol)
		rol_van(rol, scope, &t, e);
	else if (scope && *scope)
		err_invalid(e, "scope", "not-allowed",
			    "Een scope hoort bij een rol; kies ook de rol.");
	if (e->status)
		return e->status;
	password_generate(pw, pwn);
	if (password_hash(pw, hash, e))
		return e->status;
	/* The account and its first role together, or neither. */
	if (store_begin(rq->store, e))
		return e->status;
	if (store_gebruiker_add(rq->store, &g, hash, e) ||
	    (rol && *rol &&
	     store_gebruiker_rol(rq->store, gebruikersnaam, &t, false, e))) {
		store_rollback(rq->store);
		sodium_memzero(pw, pwn);
		return e->status;
	}
	if (store_commit(rq->store, e))
		sodium_memzero(pw, pwn);
	return e->status;
}

enum status
gebruiker_rol_wijzig(struct request *rq, const char *gebruikersnaam,
		     const char *rol, const char *scope, bool weg,
		     struct err *e)
{
	struct roltoekenning t = { 0 };

	if (rol_van(rol, scope, &t, e))
		return e->status;
	/* Nobody locks themselves out of the accounts. */
	if (weg && t.rol == ROL_BEHEERDER &&
	    strcmp(gebruikersnaam, rq->who.user.gebruikersnaam) == 0)
		return err_set(e, ST_CONFLICT,
			       "U kunt uw eigen rol van beheerder niet "
			       "weghalen; vraag een andere beheerder.");
	return store_gebruiker_rol(rq->store, gebruikersnaam, &t, weg, e);
}

enum status
gebruiker_intrek(struct request *rq, const char *gebruikersnaam, struct err *e)
{
	if (strcmp(gebruikersnaam, rq->who.user.gebruikersnaam) == 0)
		return err_set(e, ST_CONFLICT,
			       "U kunt uw eigen account niet intrekken; vraag "
			       "een andere beheerder.");
	return store_gebruiker_intrekken(rq->store, gebruikersnaam, e);
}

enum status
token_maak(struct request *rq, const char *gebruikersnaam, const char *naam,
	   int64_t dagen, const char *rol, const char *scope, bool alleen_lezen,
	   bool zelf, char *secret, int64_t *id, struct err *e)
{
	struct roltoekenning t = { 0 };
	struct token_scope ts = { .alleen_lezen = alleen_lezen };
	unsigned char raw[32], d[crypto_hash_sha256_BYTES];
	char hex[65];

	if (!naam || !*naam)
		err_invalid(e, "naam", "required",
			    "Geef het token een naam, bijvoorbeeld de "
			    "toepassing die het gebruikt.");
	if (dagen < 1 || dagen > ACCESS_TOKEN_MAX_DAGEN)
		err_invalid(e, "dagen", "range",
			    "Een token is 1 tot %d dagen geldig.",
			    ACCESS_TOKEN_MAX_DAGEN);
	if (rol && *rol) {
		if (rol_van(rol, scope, &t, e) == ST_OK)
			ts.rol = &t;
	} else if (scope && *scope) {
		err_invalid(e, "scope", "not-allowed",
			    "Een scope hoort bij een rol; kies ook de rol.");
	}
	/* A token makes no token that can do more than itself: one of the
	 * roles it carries, and reading only when it reads only. */
	if (zelf && rq->who.via_token && !e->status) {
		bool held = false;

		for (size_t i = 0; ts.rol && i < rq->who.user.nrollen; i++) {
			const struct roltoekenning *h = &rq->who.user.rollen[i];

			held |= h->rol == t.rol &&
				((!h->scope && !t.scope) ||
				 (h->scope && t.scope &&
				  strcmp(h->scope, t.scope) == 0));
		}
		if (!held)
			err_invalid(e, "rol", "not-held",
				    "Met een token maakt u alleen een token "
				    "voor een van de rollen van dat token; "
				    "kies die rol.");
	}
	if (e->status)
		return e->status;
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(secret, 65, raw, sizeof(raw));
	crypto_hash_sha256(d, (const unsigned char *)secret, strlen(secret));
	sodium_bin2hex(hex, sizeof(hex), d, sizeof(d));
	sodium_memzero(raw, sizeof(raw));
	if (store_token_add(rq->store, gebruikersnaam, naam, hex, rq->now,
			    rq->now + dagen * 86400, &ts, id, e)) {
		sodium_memzero(secret, 65);
		/* The store names the validity "geldig"; forms say days. */
		for (size_t i = 0; i < e->nproblems; i++)
			if (strcmp(e->problems[i].name, "geldig") == 0)
				snprintf(e->problems[i].name,
					 sizeof(e->problems[i].name), "dagen");
	}
	return e->status;
}

enum status
wachtwoord_wijzig(struct request *rq, const char *huidig, const char *nieuw,
		  const char *nogmaals, struct err *e)
{
	const char *naam = rq->who.user.gebruikersnaam;
	const char *hash_oud = NULL;
	char hash[PASSWORD_HASH_MAX], sleutel[96];
	int64_t geblokkeerd = 0;
	struct gebruiker g;

	if (!huidig || !*huidig)
		err_invalid(e, "huidig", "required",
			    "Vul uw huidige wachtwoord in.");
	if (!nieuw || !*nieuw)
		err_invalid(e, "nieuw", "required",
			    "Vul een nieuw wachtwoord in van ten minste 12 "
			    "tekens.");
	else if (access_check_wachtwoord(nieuw, naam, e) == ST_OK && nogmaals &&
		 strcmp(nieuw, nogmaals) != 0)
		err_invalid(e, "nogmaals", "mismatch",
			    "De twee nieuwe wachtwoorden zijn niet gelijk.");
	/* The check names the new password "wachtwoord"; the form "nieuw". */
	for (size_t i = 0; i < e->nproblems; i++)
		if (strcmp(e->problems[i].name, "wachtwoord") == 0)
			snprintf(e->problems[i].name,
				 sizeof(e->problems[i].name), "nieuw");
	if (e->status)
		return e->status;
	/* Guessing the current password here counts as guessing it at the
	 * login form: the same key, limit and block. */
	snprintf(sleutel, sizeof(sleutel), "account:%.64s", naam);
	if (store_poging_stand(rq->store, sleutel, rq->now, &geblokkeerd, e) ||
	    store_gebruiker_get(rq->store, &rq->a, naam, &g, &hash_oud, e))
		return e->status;
	if (geblokkeerd)
		return err_invalid(
			e, "huidig", "blocked",
			"Te veel mislukte pogingen. Probeer het over "
			"een kwartier opnieuw.");
	if (!hash_oud || !password_verify(hash_oud, huidig)) {
		store_poging_mislukt(rq->store, sleutel, rq->now,
				     LOGIN_MAX_ACCOUNT, LOGIN_WINDOW,
				     LOGIN_BLOCK, e);
		err_clear(e);
		return err_invalid(e, "huidig", "wrong",
				   "Uw huidige wachtwoord klopt niet.");
	}
	if (strcmp(huidig, nieuw) == 0)
		return err_invalid(
			e, "nieuw", "same",
			"Kies een ander wachtwoord dan het huidige.");
	if (password_hash(nieuw, hash, e))
		return e->status;
	return store_gebruiker_wachtwoord(rq->store, naam, hash, e);
}

/* Whether `s` is a TOTP secret as totp_new_secret makes them. */
static bool
geheim_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n != TOTP_SECRET_B32 - 1)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '2' && s[i] <= '7')))
			return false;
	return true;
}

const char *
tweede_factor_uri(struct request *rq, const char *geheim)
{
	char buf[200];

	snprintf(buf, sizeof(buf),
		 "otpauth://totp/Ambt:%.64s?secret=%.40s&issuer=Ambt&"
		 "algorithm=SHA1&digits=6&period=30",
		 rq->who.user.gebruikersnaam, geheim);
	return arena_strdup(&rq->a, buf);
}

enum status
tweede_factor_zet(struct request *rq, const char *geheim, const char *code,
		  char codes[][16], size_t ncodes, struct err *e)
{
	const char *naam = rq->who.user.gebruikersnaam;
	const char **hashes = arena_alloc(&rq->a, ncodes * sizeof(*hashes));
	int64_t stap = 0;

	if (!geheim_ok(geheim))
		err_invalid(e, "geheim", "format",
			    "Het geheim is niet geldig; begin opnieuw.");
	if (!code || !*code)
		err_invalid(e, "code", "required",
			    "Vul de code van zes cijfers uit de app in.");
	else if (strlen(code) > 16 ||
		 (geheim_ok(geheim) &&
		  !totp_check_stap(geheim, rq->now, code, &stap)))
		err_invalid(e, "code", "wrong",
			    "Deze code klopt niet bij het geheim; kijk of de "
			    "klok van uw telefoon goed staat en probeer de "
			    "volgende code.");
	if (e->status)
		return e->status;
	if (!hashes)
		return err_set(e, ST_NOMEM, "geen geheugen");
	for (size_t i = 0; i < ncodes; i++) {
		unsigned char d[crypto_hash_sha256_BYTES];
		char pw[32], *hex = arena_alloc(&rq->a, 2 * sizeof(d) + 1);

		if (!hex)
			return err_set(e, ST_NOMEM, "geen geheugen");
		password_generate(pw, sizeof(pw));
		snprintf(codes[i], 16, "%.11s", pw);
		crypto_hash_sha256(d, (const unsigned char *)codes[i],
				   strlen(codes[i]));
		sodium_bin2hex(hex, 2 * sizeof(d) + 1, d, sizeof(d));
		hashes[i] = hex;
	}
	/* The secret, and the code that proved it, used up together. */
	if (store_begin(rq->store, e))
		return e->status;
	if (store_tweede_factor_zet(rq->store, naam, geheim, hashes, ncodes,
				    e) ||
	    store_totp_stap_gebruik(rq->store, naam, stap, e)) {
		store_rollback(rq->store);
		return e->status;
	}
	return store_commit(rq->store, e);
}

/* ---- the beheerder's accounts ---- */

static const char *
naam_param(struct request *rq)
{
	return req_param(rq, "gebruikersnaam");
}

enum status
api_gebruikers_list(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "page", "pageSize", NULL };
	struct gebruiker *g;
	size_t n;
	json_t *all;

	if (req_check_query(rq, keys, e) ||
	    store_gebruiker_list(rq->store, &rq->a, &g, &n, e))
		return e->status;
	all = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = gebruiker_json(&g[i]);

		json_object_set_new(o, "laatsteLogin",
				    jstr(g[i].laatste_login));
		json_array_append_new(all, o);
	}
	return resp_list(rq, rs, all, e);
}

enum status
api_gebruikers_post(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "gebruikersnaam", "naam",
					    "email",	      "rol",
					    "scope",	      NULL };
	const char *naam, *gn;
	char pw[GEBRUIKER_WACHTWOORD_LEN], loc[128];
	json_t *body, *out;

	if (req_check_query(rq, NULL, e) || req_json_body(rq, &body, e))
		return e->status;
	body_check_keys(body, keys, e);
	gn = body_str(body, "gebruikersnaam", true, e);
	naam = body_str(body, "naam", true, e);
	if (!e->status)
		gebruiker_maak(rq, gn, naam, body_str(body, "email", false, e),
			       body_str(body, "rol", false, e),
			       body_str(body, "scope", false, e), pw,
			       sizeof(pw), e);
	gn = gn ? arena_strdup(&rq->a, gn) : NULL;
	json_decref(body);
	if (e->status || account_json(rq, gn, &out, e))
		return e->status;
	json_object_set_new(out, "wachtwoord", json_string(pw));
	sodium_memzero(pw, sizeof(pw));
	snprintf(loc, sizeof(loc), API_BASE "/gebruikers/%s", gn);
	rs->location = arena_strdup(&rq->a, loc);
	rs->personal = true;
	return resp_json(rq, rs, 201, out);
}

enum status
api_gebruikers_get(struct request *rq, struct response *rs, struct err *e)
{
	json_t *out;

	if (req_check_query(rq, NULL, e) ||
	    account_json(rq, naam_param(rq), &out, e))
		return e->status;
	return resp_json(rq, rs, 200, out);
}

enum status
api_gebruikers_rol_post(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "rol", "scope", NULL };
	const char *gn = naam_param(rq);
	json_t *body, *out;

	if (req_check_query(rq, NULL, e) || req_json_body(rq, &body, e))
		return e->status;
	body_check_keys(body, keys, e);
	if (!e->status)
		gebruiker_rol_wijzig(rq, gn, body_str(body, "rol", true, e),
				     body_str(body, "scope", false, e), false,
				     e);
	json_decref(body);
	if (e->status || account_json(rq, gn, &out, e))
		return e->status;
	return resp_json(rq, rs, 201, out);
}

enum status
api_gebruikers_rol_delete(struct request *rq, struct response *rs,
			  struct err *e)
{
	static const char *const keys[] = { "scope", NULL };

	if (req_check_query(rq, keys, e) ||
	    gebruiker_rol_wijzig(rq, naam_param(rq), req_param(rq, "rol"),
				 kv_get(&rq->query, "scope"), true, e))
		return e->status;
	rs->status = 204;
	rs->body = "";
	rs->len = 0;
	return ST_OK;
}

enum status
api_gebruikers_intrekking(struct request *rq, struct response *rs,
			  struct err *e)
{
	const char *gn = naam_param(rq);
	json_t *out;

	if (req_check_query(rq, NULL, e) || gebruiker_intrek(rq, gn, e) ||
	    account_json(rq, gn, &out, e))
		return e->status;
	return resp_json(rq, rs, 200, out);
}

enum status
api_gebruikers_tweede_factor_delete(struct request *rq, struct response *rs,
				    struct err *e)
{
	if (req_check_query(rq, NULL, e) ||
	    store_tweede_factor_wis(rq->store, naam_param(rq), e))
		return e->status;
	rs->status = 204;
	rs->body = "";
	rs->len = 0;
	return ST_OK;
}

/* A new token from a JSON body, for `gebruikersnaam`. */
static enum status
token_post(struct request *rq, struct response *rs, const char *gebruikersnaam,
	   bool zelf, struct err *e)
{
	static const char *const keys[] = { "naam",  "dagen",	    "rol",
					    "scope", "alleenLezen", NULL };
	int64_t dagen = 90, id = 0;
	char secret[65];
	json_t *body, *al, *out;
	bool alleen_lezen = false;

	if (req_check_query(rq, NULL, e) || req_json_body(rq, &body, e))
		return e->status;
	body_check_keys(body, keys, e);
	body_int(body, "dagen", false, 1, ACCESS_TOKEN_MAX_DAGEN, &dagen, e);
	if ((al = json_object_get(body, "alleenLezen")) && !json_is_null(al)) {
		if (json_is_boolean(al))
			alleen_lezen = json_is_true(al);
		else
			err_invalid(e, "alleenLezen", "type",
				    "alleenLezen is true of false.");
	}
	if (!e->status)
		token_maak(rq, gebruikersnaam, body_str(body, "naam", true, e),
			   dagen, body_str(body, "rol", false, e),
			   body_str(body, "scope", false, e), alleen_lezen,
			   zelf, secret, &id, e);
	json_decref(body);
	if (e->status)
		return e->status;
	{
		struct token_info *t;
		size_t n;

		if (store_token_list(rq->store, &rq->a, gebruikersnaam, &t, &n,
				     e))
			return e->status;
		out = NULL;
		for (size_t i = 0; i < n; i++)
			if (t[i].id == id)
				out = token_json(&t[i], rq->now);
		if (!out)
			return err_internal(e, "token %lld not found",
					    (long long)id);
	}
	json_object_set_new(out, "token", json_string(secret));
	sodium_memzero(secret, sizeof(secret));
	rs->personal = true;
	return resp_json(rq, rs, 201, out);
}

/* The token number of the path; 404 for what is no number. */
static enum status
token_id(struct request *rq, int64_t *id, struct err *e)
{
	struct err probe;

	err_clear(&probe);
	if (req_int(req_param(rq, "nummer"), "nummer", 1, ID_MAX, id, &probe))
		return err_set(e, ST_NOT_FOUND, "Dit token bestaat niet.");
	return ST_OK;
}

enum status
api_gebruikers_token_post(struct request *rq, struct response *rs,
			  struct err *e)
{
	return token_post(rq, rs, naam_param(rq), false, e);
}

enum status
api_gebruikers_token_delete(struct request *rq, struct response *rs,
			    struct err *e)
{
	int64_t id = 0;

	if (req_check_query(rq, NULL, e) || token_id(rq, &id, e) ||
	    store_token_intrekken(rq->store, naam_param(rq), id, rq->now, e))
		return e->status;
	rs->status = 204;
	rs->body = "";
	rs->len = 0;
	return ST_OK;
}

/* ---- one's own account ---- */

enum status
api_account_get(struct request *rq, struct response *rs, struct err *e)
{
	json_t *out;

	if (req_check_query(rq, NULL, e) ||
	    account_json(rq, rq->who.user.gebruikersnaam, &out, e))
		return e->status;
	return resp_json(rq, rs, 200, out);
}

enum status
api_account_wachtwoord(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "huidig", "nieuw", NULL };
	json_t *body;

	if (req_check_query(rq, NULL, e) || req_json_body(rq, &body, e))
		return e->status;
	body_check_keys(body, keys, e);
	if (!e->status)
		wachtwoord_wijzig(rq, body_str(body, "huidig", false, e),
				  body_str(body, "nieuw", false, e), NULL, e);
	json_decref(body);
	if (e->status)
		return e->status;
	rs->status = 204;
	rs->body = "";
	rs->len = 0;
	return ST_OK;
}

enum status
api_account_tweede_factor_voorstel(struct request *rq, struct response *rs,
				   struct err *e)
{
	char geheim[TOTP_SECRET_B32];
	json_t *out = json_object();

	if (req_check_query(rq, NULL, e)) {
		json_decref(out);
		return e->status;
	}
	totp_new_secret(geheim);
	json_object_set_new(out, "geheim", json_string(geheim));
	json_object_set_new(out, "otpauthUri",
			    jstr(tweede_factor_uri(rq, geheim)));
	rs->personal = true;
	return resp_json(rq, rs, 200, out);
}

enum status
api_account_tweede_factor(struct request *rq, struct response *rs,
			  struct err *e)
{
	static const char *const keys[] = { "geheim", "code", NULL };
	char codes[10][16];
	json_t *body, *out, *arr;

	if (req_check_query(rq, NULL, e) || req_json_body(rq, &body, e))
		return e->status;
	body_check_keys(body, keys, e);
	if (!e->status)
		tweede_factor_zet(rq, body_str(body, "geheim", true, e),
				  body_str(body, "code", true, e), codes, 10,
				  e);
	json_decref(body);
	if (e->status)
		return e->status;
	out = json_object();
	arr = json_array();
	for (size_t i = 0; i < 10; i++)
		json_array_append_new(arr, json_string(codes[i]));
	sodium_memzero(codes, sizeof(codes));
	json_object_set_new(out, "herstelcodes", arr);
	rs->personal = true;
	return resp_json(rq, rs, 200, out);
}

enum status
api_account_token_post(struct request *rq, struct response *rs, struct err *e)
{
	return token_post(rq, rs, rq->who.user.gebruikersnaam, true, e);
}

enum status
api_account_token_delete(struct request *rq, struct response *rs, struct err *e)
{
	int64_t id = 0;

	if (req_check_query(rq, NULL, e) || token_id(rq, &id, e) ||
	    store_token_intrekken(rq->store, rq->who.user.gebruikersnaam, id,
				  rq->now, e))
		return e->status;
	rs->status = 204;
	rs->body = "";
	rs->len = 0;
	return ST_OK;
}

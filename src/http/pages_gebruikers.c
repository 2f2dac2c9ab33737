/*
 * pages_gebruikers.c - accounts in the browser: the beheerder's list of
 * accounts with a form to add one (/gebruikers), an account's page with
 * its roles, second factor, tokens and revocation (/gebruikers/{naam}),
 * and every account's own page (/account): password, second factor and
 * tokens. The writes are those of the API (api_gebruikers.c).
 *
 * Each form names its action in the field "actie"; a problem is shown at
 * its field (fouten.<actie>_<veld>) and nothing is stored. Passwords are
 * never shown again or put back in a form; a generated password, a
 * token's secret and recovery codes are shown once, on the answer that
 * made them.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "api.h"
#include "auth.h"
#include "../core/totp.h"
#include "../present/json.h"
#include "../banned.h"

/* The longest text a form field here takes (a name is the longest). */
#define VELD_MAX 400

/* The problems of e as {"<actie>_<veld>": melding} and a list. */
static void
fouten_naar(struct err *e, const char *actie, json_t *d)
{
	json_t *f = json_object(), *arr = json_array();

	err_dedupe(e);
	for (size_t i = 0; i < e->nproblems; i++) {
		char key[128];
		json_t *p = json_object();

		snprintf(key, sizeof(key), "%s_%s", actie, e->problems[i].name);
		if (!json_object_get(f, key))
			json_object_set_new(f, key,
					    json_string(e->problems[i].reason));
		json_object_set_new(p, "veld",
				    json_string(e->problems[i].name));
		json_object_set_new(p, "melding",
				    json_string(e->problems[i].reason));
		json_array_append_new(arr, p);
	}
	json_object_set_new(d, "fouten", f);
	json_object_set_new(d, "problemen", arr);
}

/* The form's fields (never a password) for filling it in again. */
static json_t *
invoer(const struct kvlist *form, const char *const *velden)
{
	json_t *o = json_object();

	for (size_t i = 0; velden[i]; i++) {
		const char *v = kv_get(form, velden[i]);

		if (v && strlen(v) <= VELD_MAX)
			json_object_set_new(o, velden[i], json_string(v));
	}
	return o;
}

/* Read an urlencoded form body; every field at most VELD_MAX bytes. */
static enum status
formulier(struct request *rq, struct kvlist *form, struct err *e)
{
	if (urlenc_parse(&rq->a, rq->body ? rq->body : "", rq->body_len,
			 "formulier", form, e))
		return e->status;
	for (size_t i = 0; i < form->n; i++)
		if (form->items[i].value &&
		    strlen(form->items[i].value) > VELD_MAX)
			err_invalid(e, form->items[i].key, "max-length",
				    "Dit veld is te lang (ten hoogste %d "
				    "tekens).",
				    VELD_MAX);
	return e->status;
}

/* Render with the form token; `status` the answer's. */
static enum status
toon(struct request *rq, struct response *rs, const char *sjabloon, json_t *d,
     unsigned status, struct err *e)
{
	json_object_set_new(d, "formCsrf", jstr(rq->who.csrf));
	if (resp_page_html(rq, rs, sjabloon, d, e))
		return e->status;
	rs->status = status;
	return ST_OK;
}

/*
 * After a write: on ST_INVALID the problems at their fields (400); on a
 * conflict or a missing role or token the message on top (409, 404);
 * anything else is the caller's to return.
 */
static bool
fout_op_pagina(struct err *e, const char *actie, json_t *d, unsigned *status)
{
	if (e->status == ST_INVALID) {
		fouten_naar(e, actie, d);
		*status = 400;
	} else if (e->status == ST_CONFLICT || e->status == ST_NOT_FOUND) {
		json_object_set_new(d, "melding", json_string(e->message));
		*status = e->status == ST_CONFLICT ? 409 : 404;
	} else {
		return false;
	}
	err_clear(e);
	return true;
}

/* The roles to choose from, with the one chosen marked. */
static json_t *
rol_keuzes(const char *gekozen)
{
	json_t *arr = json_array();

	for (int r = 0; r < ROL_COUNT; r++) {
		json_t *o = json_object();

		json_object_set_new(o, "rol", json_string(rol_name(r)));
		if (gekozen && strcmp(gekozen, rol_name(r)) == 0)
			json_object_set_new(o, "gekozen", json_true());
		json_array_append_new(arr, o);
	}
	return arr;
}

/* A token's role from a select: "" (all), or "rol" or "rol scope". */
static void
token_rol_keuze(struct request *rq, const char *v, const char **rol,
		const char **scope)
{
	const char *sp;

	*rol = NULL;
	*scope = NULL;
	if (!v || !*v)
		return;
	if ((sp = strchr(v, ' '))) {
		char *r = arena_strdup(&rq->a, v);

		if (r) {
			r[sp - v] = '\0';
			*rol = r;
			*scope = r + (sp - v) + 1;
		}
		return;
	}
	*rol = v;
}

/* The roles of an account as choices for a token ("rol scope"). */
static json_t *
token_rollen(const struct gebruiker *g)
{
	json_t *arr = json_array();

	for (size_t k = 0; k < g->nrollen; k++) {
		json_t *o = json_object();
		const char *r = rol_name(g->rollen[k].rol);
		char buf[200];

		if (g->rollen[k].scope)
			snprintf(buf, sizeof(buf), "%s %s", r,
				 g->rollen[k].scope);
		else
			snprintf(buf, sizeof(buf), "%s", r);
		json_object_set_new(o, "waarde", json_string(buf));
		json_array_append_new(arr, o);
	}
	return arr;
}

/* Tokens with their times as people read them. */
static void
tokens_leesbaar(json_t *acc, struct request *rq)
{
	json_t *t = json_object_get(acc, "tokens"), *x;
	size_t i;

	(void)rq;
	json_array_foreach(t, i, x)
	{
		json_t *v = json_object_get(x, "verloopt");

		if (json_is_string(v)) {
			int64_t u;
			char buf[DATE_MOMENT_NL_LEN];

			if (date_parse_instant(json_string_value(v), &u) == 0) {
				date_format_moment_nl(u, buf, sizeof(buf));
				json_object_set_new(x, "verlooptTekst",
						    json_string(buf));
			}
		}
	}
}

/* ---- the beheerder's list of accounts ---- */

static const char *const nieuw_velden[] = { "gebruikersnaam", "naam",
					    "email",	      "rol",
					    "scope",	      NULL };

static enum status
gebruikers_pagina(struct request *rq, struct response *rs, json_t *extra,
		  unsigned status, struct err *e)
{
	struct gebruiker *g;
	size_t n;
	json_t *d, *arr, *inv;

	if (store_gebruiker_list(rq->store, &rq->a, &g, &n, e)) {
		json_decref(extra);
		return e->status;
	}
	d = page_data("Accounts", "gebruikers");
	arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = gebruiker_json(&g[i]);

		json_object_set_new(o, "laatsteLogin",
				    jstr(g[i].laatste_login));
		json_array_append_new(arr, o);
	}
	json_object_set_new(d, "gebruikers", arr);
	json_object_set_new(d, "aantal", json_integer((json_int_t)n));
	if (extra) {
		json_object_update(d, extra);
		json_decref(extra);
	}
	inv = json_object_get(d, "invoer");
	json_object_set_new(
		d, "rollen",
		rol_keuzes(inv ? json_string_value(json_object_get(inv, "rol"))
			       : NULL));
	return toon(rq, rs, "gebruikers.html", d, status, e);
}

enum status
page_gebruikers(struct request *rq, struct response *rs, struct err *e)
{
	if (req_check_query(rq, NULL, e))
		return e->status;
	return gebruikers_pagina(rq, rs, NULL, 200, e);
}

enum status
page_gebruikers_post(struct request *rq, struct response *rs, struct err *e)
{
	struct kvlist form = { 0 };
	char pw[GEBRUIKER_WACHTWOORD_LEN];
	json_t *x = json_object();
	unsigned status = 200;
	const char *gn;

	if (req_check_query(rq, NULL, e) ||
	    (formulier(rq, &form, e) && e->status != ST_INVALID)) {
		json_decref(x);
		return e->status;
	}
	gn = kv_get(&form, "gebruikersnaam");
	if (!e->status)
		gebruiker_maak(rq, gn, kv_get(&form, "naam"),
			       kv_get(&form, "email"), kv_get(&form, "rol"),
			       kv_get(&form, "scope"), pw, sizeof(pw), e);
	if (e->status) {
		if (!fout_op_pagina(e, "nieuw", x, &status)) {
			json_decref(x);
			return e->status;
		}
		json_object_set_new(x, "invoer", invoer(&form, nieuw_velden));
		return gebruikers_pagina(rq, rs, x, status, e);
	}
	json_object_set_new(x, "aangemaakt", json_string(gn));
	json_object_set_new(x, "wachtwoord", json_string(pw));
	sodium_memzero(pw, sizeof(pw));
	return gebruikers_pagina(rq, rs, x, 200, e);
}

/* ---- one account, for the beheerder ---- */

static enum status
gebruiker_pagina(struct request *rq, struct response *rs, const char *gn,
		 json_t *extra, unsigned status, struct err *e)
{
	struct gebruiker g;
	json_t *d, *acc, *inv;

	if (store_gebruiker_get(rq->store, &rq->a, gn, &g, NULL, e) ||
	    gebruiker_account_json(rq, gn, &acc, e)) {
		json_decref(extra);
		return e->status;
	}
	d = page_data("Account", "gebruikers");
	tokens_leesbaar(acc, rq);
	json_object_set_new(d, "account", acc);
	json_object_set_new(d, "tokenRollen", token_rollen(&g));
	json_object_set_new(
		d, "zelf",
		json_boolean(strcmp(gn, rq->who.user.gebruikersnaam) == 0));
	if (extra) {
		json_object_update(d, extra);
		json_decref(extra);
	}
	inv = json_object_get(d, "invoer");
	json_object_set_new(
		d, "rollen",
		rol_keuzes(inv ? json_string_value(json_object_get(inv, "rol"))
			       : NULL));
	return toon(rq, rs, "gebruiker.html", d, status, e);
}

enum status
page_gebruiker(struct request *rq, struct response *rs, struct err *e)
{
	if (req_check_query(rq, NULL, e))
		return e->status;
	return gebruiker_pagina(rq, rs, req_param(rq, "gebruikersnaam"), NULL,
				200, e);
}

static const char *const account_velden[] = { "rol",   "scope",	   "naam",
					      "dagen", "tokenrol", NULL };

/* The number of a token in a form; problems under "nummer". */
static int64_t
form_nummer(const struct kvlist *form, struct err *e)
{
	int64_t id = 0;
	const char *v = kv_get(form, "nummer");

	if (!v)
		err_invalid(e, "nummer", "required", "Kies een token.");
	else
		req_int(v, "nummer", 1, ID_MAX, &id, e);
	return id;
}

/* Days of validity from a form (empty: 90). */
static int64_t
form_dagen(const struct kvlist *form, struct err *e)
{
	int64_t d = 90;
	const char *v = kv_get(form, "dagen");

	if (v && *v)
		req_int(v, "dagen", 1, ACCESS_TOKEN_MAX_DAGEN, &d, e);
	return d;
}

/* A new token from a form for `gn`; the secret into x on success. */
static void
token_uit_form(struct request *rq, const struct kvlist *form, const char *gn,
	       bool zelf, json_t *x, struct err *e)
{
	const char *rol, *scope;
	char secret[65];
	int64_t id = 0, dagen = form_dagen(form, e);

	token_rol_keuze(rq, kv_get(form, "tokenrol"), &rol, &scope);
	if (token_maak(rq, gn, kv_get(form, "naam"), dagen, rol, scope,
		       kv_get(form, "alleenLezen") != NULL, zelf, secret, &id,
		       e)) {
		/* A role problem belongs to the select. */
		for (size_t i = 0; i < e->nproblems; i++)
			if (strcmp(e->problems[i].name, "rol") == 0 ||
			    strcmp(e->problems[i].name, "scope") == 0)
				snprintf(e->problems[i].name,
					 sizeof(e->problems[i].name),
					 "tokenrol");
		return;
	}
	json_object_set_new(x, "nieuwToken", json_string(secret));
	json_object_set_new(x, "nieuwTokenNummer",
			    json_integer((json_int_t)id));
	sodium_memzero(secret, sizeof(secret));
}

enum status
page_gebruiker_post(struct request *rq, struct response *rs, struct err *e)
{
	const char *gn = req_param(rq, "gebruikersnaam");
	struct kvlist form = { 0 };
	struct gebruiker g;
	const char *actie;
	json_t *x;
	unsigned status = 200;

	if (req_check_query(rq, NULL, e) ||
	    store_gebruiker_get(rq->store, &rq->a, gn, &g, NULL, e) ||
	    (formulier(rq, &form, e) && e->status != ST_INVALID))
		return e->status;
	gn = g.gebruikersnaam;
	actie = kv_get(&form, "actie");
	if (!actie)
		actie = "";
	x = json_object();
	if (e->status) {
		/* a field too long: shown with the form it came from */
	} else if (strcmp(actie, "rol") == 0) {
		if (gebruiker_rol_wijzig(rq, gn, kv_get(&form, "rol"),
					 kv_get(&form, "scope"), false,
					 e) == ST_OK)
			json_object_set_new(
				x, "gedaan",
				json_string("De rol is toegekend."));
	} else if (strcmp(actie, "rolweg") == 0) {
		if (gebruiker_rol_wijzig(rq, gn, kv_get(&form, "rol"),
					 kv_get(&form, "scope"), true,
					 e) == ST_OK)
			json_object_set_new(
				x, "gedaan",
				json_string("De rol is weggehaald."));
	} else if (strcmp(actie, "intrekken") == 0) {
		if (!kv_get(&form, "bevestig"))
			err_invalid(e, "bevestig", "required",
				    "Vink aan dat u het account wilt "
				    "intrekken; dit kan niet ongedaan worden "
				    "gemaakt.");
		else if (gebruiker_intrek(rq, gn, e) == ST_OK)
			json_object_set_new(
				x, "gedaan",
				json_string("Het account is ingetrokken."));
	} else if (strcmp(actie, "tweedefactor") == 0) {
		if (store_tweede_factor_wis(rq->store, gn, e) == ST_OK)
			json_object_set_new(
				x, "gedaan",
				json_string("De tweede factor is gewist. De "
					    "persoon stelt hem opnieuw in op "
					    "Mijn account."));
	} else if (strcmp(actie, "token") == 0) {
		token_uit_form(rq, &form, gn, false, x, e);
	} else if (strcmp(actie, "tokenweg") == 0) {
		int64_t id = form_nummer(&form, e);

		if (!e->status && store_token_intrekken(rq->store, gn, id,
							rq->now, e) == ST_OK)
			json_object_set_new(
				x, "gedaan",
				json_string("Het token is ingetrokken."));
	} else {
		err_invalid(e, "actie", "enum", "Kies wat u wilt doen.");
	}
	if (e->status) {
		if (!fout_op_pagina(e, actie, x, &status)) {
			json_decref(x);
			return e->status;
		}
		json_object_set_new(x, "invoer", invoer(&form, account_velden));
	}
	return gebruiker_pagina(rq, rs, gn, x, status, e);
}

/* ---- one's own account ---- */

static enum status
account_pagina(struct request *rq, struct response *rs, const char *geheim,
	       json_t *extra, unsigned status, struct err *e)
{
	const char *gn = rq->who.user.gebruikersnaam;
	char nieuw[TOTP_SECRET_B32];
	json_t *d, *acc;

	if (gebruiker_account_json(rq, gn, &acc, e)) {
		json_decref(extra);
		return e->status;
	}
	d = page_data("Mijn account", "account");
	tokens_leesbaar(acc, rq);
	json_object_set_new(d, "account", acc);
	/* A token of this page's holder carries at most their roles. */
	json_object_set_new(d, "tokenRollen", token_rollen(&rq->who.user));
	if (!geheim) {
		totp_new_secret(nieuw);
		geheim = nieuw;
	}
	json_object_set_new(d, "geheim", json_string(geheim));
	json_object_set_new(d, "otpauth", jstr(tweede_factor_uri(rq, geheim)));
	if (extra) {
		json_object_update(d, extra);
		json_decref(extra);
	}
	sodium_memzero(nieuw, sizeof(nieuw));
	return toon(rq, rs, "account.html", d, status, e);
}

enum status
page_account(struct request *rq, struct response *rs, struct err *e)
{
	if (req_check_query(rq, NULL, e))
		return e->status;
	return account_pagina(rq, rs, NULL, NULL, 200, e);
}

static const char *const eigen_velden[] = { "naam", "dagen", "tokenrol", NULL };

enum status
page_account_post(struct request *rq, struct response *rs, struct err *e)
{
	struct kvlist form = { 0 };
	const char *actie, *geheim = NULL;
	json_t *x;
	unsigned status = 200;

	if (req_check_query(rq, NULL, e) ||
	    (formulier(rq, &form, e) && e->status != ST_INVALID))
		return e->status;
	actie = kv_get(&form, "actie");
	if (!actie)
		actie = "";
	x = json_object();
	if (e->status) {
		/* a field too long: shown with the form it came from */
	} else if (strcmp(actie, "wachtwoord") == 0) {
		const char *nogmaals = kv_get(&form, "nogmaals");

		if (wachtwoord_wijzig(rq, kv_get(&form, "huidig"),
				      kv_get(&form, "nieuw"),
				      nogmaals ? nogmaals : "", e) == ST_OK)
			json_object_set_new(
				x, "gedaan",
				json_string("Uw wachtwoord is gewijzigd."));
	} else if (strcmp(actie, "tweedefactor") == 0) {
		char codes[HERSTELCODES][16];

		geheim = kv_get(&form, "geheim");
		if (tweede_factor_zet(rq, geheim, kv_get(&form, "code"), codes,
				      HERSTELCODES, e) == ST_OK) {
			json_t *arr = json_array();

			for (size_t i = 0; i < HERSTELCODES; i++)
				json_array_append_new(arr,
						      json_string(codes[i]));
			sodium_memzero(codes, sizeof(codes));
			json_object_set_new(x, "herstelcodes", arr);
			json_object_set_new(
				x, "gedaan",
				json_string("Uw tweede factor is ingesteld."));
			geheim = NULL;
		}
	} else if (strcmp(actie, "token") == 0) {
		token_uit_form(rq, &form, rq->who.user.gebruikersnaam, true, x,
			       e);
	} else if (strcmp(actie, "tokenweg") == 0) {
		int64_t id = form_nummer(&form, e);

		if (!e->status &&
		    store_token_intrekken(rq->store,
					  rq->who.user.gebruikersnaam, id,
					  rq->now, e) == ST_OK)
			json_object_set_new(
				x, "gedaan",
				json_string("Het token is ingetrokken."));
	} else {
		err_invalid(e, "actie", "enum", "Kies wat u wilt doen.");
	}
	if (e->status) {
		if (!fout_op_pagina(e, actie, x, &status)) {
			json_decref(x);
			return e->status;
		}
		json_object_set_new(x, "invoer", invoer(&form, eigen_velden));
	}
	/* A secret that was not taken is offered again, so that the app
	 * that has it can try the next code; any other is replaced. */
	if (geheim) {
		size_t n = strlen(geheim);
		bool ok = n == TOTP_SECRET_B32 - 1;

		for (size_t i = 0; ok && i < n; i++)
			ok = (geheim[i] >= 'A' && geheim[i] <= 'Z') ||
			     (geheim[i] >= '2' && geheim[i] <= '7');
		if (!ok)
			geheim = NULL;
	}
	return account_pagina(rq, rs, geheim, x, status, e);
}

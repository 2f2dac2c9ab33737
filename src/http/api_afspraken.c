/*
 * api_afspraken.c - the front office by appointment in the API.
 *
 * For residents, without an account: the locations and the catalogue of a
 * municipality, its free times, and booking, reading, moving and
 * cancelling an appointment by its reference code plus the e-mail address
 * or telephone number it was booked with (the header Afspraak-Contact, so
 * that neither lands in a URL). For planners (a planner of the
 * municipality, or the beheerder): locations, closures, the catalogue,
 * the roster and the day list. Whatever belongs to another municipality
 * answers as what does not exist.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "api.h"
#include "auth.h"
#include "body.h"
#include "../core/access.h"
#include "../core/text.h"
#include "../present/afspraak.h"
#include "../present/json.h"
#include "../store/store_afspraak.h"
#include "../banned.h"

#define MAX_OPEN_PER_DAG 8 /* opening ranges of one weekday */
#define MAX_UITZONDERINGEN 366 /* dates left out of a weekly series */
#define SLEUTEL_MAX 255 /* characters of an Idempotency-Key */
#define REFERENTIE_POGINGEN 8 /* fresh codes drawn before giving up */
#define ROOSTER_MAX_DAGEN 366 /* days one roster listing may span */

/* ---- shared ---- */

/* "Er is geen vestiging ...": alike for what does not exist and what is
 * another municipality's. */
static enum status
geen_vestiging(const char *code, struct err *e)
{
	err_clear(e);
	return err_set(e, ST_NOT_FOUND, "Er is geen vestiging '%.64s'.",
		       code ? code : "");
}

/* The same as a problem of a field in a request body. */
static void
geen_vestiging_veld(const char *veld, const char *code, struct err *e)
{
	err_invalid(e, veld, "not-found", "Er is geen vestiging '%.64s'.",
		    code ? code : "");
}

/*
 * Location `code` (with its closures from today on). With `planner`, only
 * one of a municipality the principal plans: any other answers as one
 * that does not exist.
 */
static enum status
vestiging_van(struct request *rq, const char *code, bool planner,
	      struct vestiging *v, struct err *e)
{
	enum status st;

	if (!code || afspraak_check_code(code, "vestiging", NULL) != ST_OK)
		return geen_vestiging(code, e);
	st = store_vestiging_get(rq->store, code, rq->today, &rq->a, v, e);
	if (st == ST_NOT_FOUND ||
	    (st == ST_OK && planner &&
	     !authz_planner_vestiging(rq, v->gemeente, v->code)))
		return geen_vestiging(code, e);
	return st;
}

/* A municipality the principal plans, for creating something there:
 * refused (403) otherwise; municipalities are public. */
static enum status
planner_van(struct request *rq, const char *gemeente, struct err *e)
{
	if (authz_planner(rq, gemeente))
		return ST_OK;
	auth_audit_geweigerd(rq, 403, "toegang", gemeente ? gemeente : "?",
			     rq->path);
	return err_set(e, ST_FORBIDDEN,
		       "U mag dit niet wijzigen: het hoort bij %.16s, "
		       "waarvoor uw account geen rol als planner heeft.",
		       gemeente ? gemeente : "?");
}

/* A municipality's CBS code in a query or body: known, else a problem. */
static void
check_gemeente(struct request *rq, const char *code, const char *veld,
	       struct err *e)
{
	struct organisatie o;
	struct err probe;

	err_clear(&probe);
	if (!code)
		return;
	if (store_organisatie_get(rq->store, &rq->a, code, &o, &probe) !=
		    ST_OK ||
	    o.soort != ORG_GEMEENTE)
		err_invalid(e, veld, "not-found",
			    "Er is geen gemeente met code '%.16s'.", code);
}

/* printf into the request's arena (a field's name in a problem). */
static const char *veld_a(struct request *rq, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static const char *
veld_a(struct request *rq, const char *fmt, ...)
{
	char buf[128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return arena_strdup(&rq->a, buf);
}

static bool
body_bool(json_t *obj, const char *key, bool *out, struct err *e)
{
	json_t *v = json_object_get(obj, key);

	if (!v || json_is_null(v))
		return false;
	if (!json_is_boolean(v)) {
		err_invalid(e, key, "type", "Kies true of false.");
		return false;
	}
	*out = json_is_true(v);
	return true;
}

/* A text member of at most `max` characters; *out left alone when the
 * member is absent. A null clears it unless `verplicht`. */
static void
body_tekst(json_t *obj, const char *key, size_t max, bool verplicht,
	   const char **out, struct err *e)
{
	json_t *v = json_object_get(obj, key);
	const char *s;

	if (!v)
		return;
	if (json_is_null(v)) {
		if (verplicht)
			err_invalid(e, key, "required", "Vul %s in.", key);
		else
			*out = NULL;
		return;
	}
	s = body_str(obj, key, verplicht, e);
	if (!s)
		return;
	if (verplicht && !*s) {
		err_invalid(e, key, "required", "Vul %s in.", key);
		return;
	}
	if (text_check_max(s, key, max, e) == ST_OK)
		*out = s;
}

/* An integer member within [min, max] into an int; *out left alone
 * when the member is absent or refused. A null is a problem: every such
 * member has a value. */
static void
body_getal(json_t *obj, const char *key, int min, int max, int *out,
	   struct err *e)
{
	json_t *v = json_object_get(obj, key);
	int64_t x = INT64_MIN;

	if (!v)
		return;
	if (json_is_null(v)) {
		err_invalid(e, key, "required", "Vul %s in.", key);
		return;
	}
	body_int(obj, key, false, min, max, &x, e);
	if (x != INT64_MIN)
		*out = (int)x; /* within [min, max] */
}

/*
 * An array of codes (skills) as comma-separated text in the arena, or
 * NULL with a problem.
 */
static const char *
body_codes(struct request *rq, json_t *obj, const char *key, struct err *e)
{
	json_t *arr = json_object_get(obj, key), *x;
	size_t i, len = 0;
	char *out, *p;

	if (!json_is_array(arr)) {
		err_invalid(e, key, "type",
			    "Geef %s als een lijst van codes, bijvoorbeeld "
			    "[\"reisdocumenten\"].",
			    key);
		return NULL;
	}
	if (json_array_size(arr) > AFSPRAAK_MAX_VAARDIGHEDEN) {
		err_invalid(e, key, "too-many", "Noem hoogstens %d codes.",
			    AFSPRAAK_MAX_VAARDIGHEDEN);
		return NULL;
	}
	json_array_foreach(arr, i, x)
	{
		if (!json_is_string(x) || strchr(json_string_value(x), ',')) {
			err_invalid(e, key, "type",
				    "Elke code in %s is tekst, zonder komma.",
				    key);
			return NULL;
		}
		len += json_string_length(x) + 1;
	}
	out = arena_alloc(&rq->a, len + 1);
	if (!out)
		return NULL;
	p = out;
	*p = '\0';
	json_array_foreach(arr, i, x)
	{
		size_t n = json_string_length(x);

		if (i)
			*p++ = ',';
		memcpy(p, json_string_value(x), n);
		p += n;
		*p = '\0';
	}
	if (*out && afspraak_check_vaardigheden(out, key, e) != ST_OK)
		return NULL;
	return out;
}

/*
 * Opening hours from {"maandag": [{"van": "08:30", "tot": "12:30"}], ...}
 * into the arena; problems named "openingstijden.maandag[0].van".
 */
static struct openingstijd *
body_openingstijden(struct request *rq, json_t *obj, size_t *n, struct err *e)
{
	json_t *o = json_object_get(obj, "openingstijden"), *arr;
	struct openingstijd *out;
	const char *dag;
	size_t k = 0;

	*n = 0;
	if (!json_is_object(o)) {
		err_invalid(e, "openingstijden", "type",
			    "Geef de openingstijden per weekdag, "
			    "bijvoorbeeld {\"maandag\": [{\"van\": "
			    "\"08:30\", \"tot\": \"12:30\"}]}.");
		return NULL;
	}
	out = arena_calloc(&rq->a, 7 * MAX_OPEN_PER_DAG + 1, sizeof(*out));
	if (!out)
		return NULL;
	json_object_foreach(o, dag, arr)
	{
		int wd = present_weekdag_parse(dag);
		const char *veld = veld_a(rq, "openingstijden.%.16s", dag);

		if (wd < 0) {
			err_invalid(e, veld, "unknown-field",
				    "Geen weekdag: noem maandag tot en met "
				    "zondag.");
			continue;
		}
		if (!json_is_array(arr) ||
		    json_array_size(arr) > MAX_OPEN_PER_DAG) {
			err_invalid(e, veld, "type",
				    "Geef een lijst van hoogstens %d "
				    "tijdvakken {\"van\", \"tot\"}.",
				    MAX_OPEN_PER_DAG);
			continue;
		}
		for (size_t i = 0; i < json_array_size(arr); i++) {
			json_t *r = json_array_get(arr, i);
			const char *rv = veld_a(rq, "%s[%zu]", veld, i);
			const char *van, *tot;
			int mv, mt;

			if (!json_is_object(r)) {
				err_invalid(e, rv, "type",
					    "Een tijdvak is {\"van\": "
					    "\"08:30\", \"tot\": \"12:30\"}.");
				continue;
			}
			van = json_string_value(json_object_get(r, "van"));
			tot = json_string_value(json_object_get(r, "tot"));
			mv = present_minuut_parse(van);
			mt = present_minuut_parse(tot);
			if (json_object_size(r) != 2 ||
			    !json_object_get(r, "van") ||
			    !json_object_get(r, "tot"))
				err_invalid(e, rv, "unknown-field",
					    "Een tijdvak heeft alleen van en "
					    "tot.");
			if (mv < 0 || mv >= 1440)
				err_invalid(e, veld_a(rq, "%s.van", rv), "time",
					    "Schrijf een tijd als 08:30.");
			if (mt < 0)
				err_invalid(e, veld_a(rq, "%s.tot", rv), "time",
					    "Schrijf een tijd als 12:30 (of "
					    "24:00).");
			if (mv >= 0 && mt >= 0 && mt <= mv)
				err_invalid(e, veld_a(rq, "%s.tot", rv),
					    "order",
					    "Het tijdvak eindigt na het "
					    "begin.");
			if (mv >= 0 && mv < 1440 && mt > mv)
				out[k++] = (struct openingstijd){ wd, mv, mt };
		}
	}
	*n = k;
	return out;
}

/* ---- vestigingen ---- */

enum status
api_vestigingen_list(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "gemeente", "kanaal", "page",
					    "pageSize", NULL };
	const char *gemeente = kv_get(&rq->query, "gemeente");
	const char *kanaal = kv_get(&rq->query, "kanaal");
	struct vestiging *v;
	enum kanaal k = KANAAL_FYSIEK;
	size_t n;
	json_t *all;

	if (req_check_query(rq, keys, e))
		return e->status;
	if (kanaal && kanaal_parse(kanaal, &k) != 0)
		err_invalid(e, "kanaal", "enum", "Kies fysiek of video.");
	check_gemeente(rq, gemeente, "gemeente", e);
	if (e->status || store_vestiging_list(rq->store, gemeente, rq->today,
					      &rq->a, &v, &n, e))
		return e->status;
	all = json_array();
	for (size_t i = 0; i < n; i++)
		if (!kanaal || v[i].kanaal == k)
			json_array_append_new(all,
					      present_vestiging_json(&v[i]));
	return resp_list(rq, rs, all, e);
}

enum status
api_vestigingen_get(struct request *rq, struct response *rs, struct err *e)
{
	struct vestiging_sluiting *sl;
	struct vestiging v;
	size_t nsl;
	json_t *j, *arr;

	if (req_check_query(rq, NULL, e) ||
	    vestiging_van(rq, req_param(rq, "code"), false, &v, e))
		return e->status;
	j = present_vestiging_json(&v);
	/* Its planners see each closure's number and reason too. */
	if (authz_planner_vestiging(rq, v.gemeente, v.code)) {
		if (store_sluiting_list(rq->store, v.code, rq->today, &rq->a,
					&sl, &nsl, e)) {
			json_decref(j);
			return e->status;
		}
		arr = json_array();
		for (size_t i = 0; i < nsl; i++) {
			json_t *x = json_object();

			json_object_set_new(x, "van", jdate(sl[i].van));
			json_object_set_new(x, "tot", jdate(sl[i].tot));
			json_object_set_new(x, "id",
					    json_integer((json_int_t)sl[i].id));
			json_object_set_new(x, "reden", jstr(sl[i].reden));
			json_array_append_new(arr, x);
		}
		json_object_set_new(j, "sluitingen", arr);
		rs->personal = true;
	}
	return resp_json(rq, rs, 200, j);
}

/* gemeente, code and kanaal are set when a location is made; the rest
 * may change. */
static const char *const vestiging_keys[] = { "gemeente",
					      "code",
					      "kanaal",
					      "naam",
					      "adres",
					      "postcode",
					      "plaats",
					      "balies",
					      "raster",
					      "goedeVrijdagDicht",
					      "bevrijdingsdagDicht",
					      "openingstijden",
					      NULL };

/* Fill v from the members present in body (absent ones stay). */
static void
vestiging_uit_body(struct request *rq, json_t *body, struct vestiging *v,
		   struct err *e)
{
	body_tekst(body, "naam", AFSPRAAK_MAX_NAAM, true, &v->naam, e);
	body_tekst(body, "adres", AFSPRAAK_MAX_NAAM, false, &v->adres, e);
	body_tekst(body, "postcode", AFSPRAAK_MAX_NAAM, false, &v->postcode, e);
	body_tekst(body, "plaats", AFSPRAAK_MAX_NAAM, false, &v->plaats, e);
	body_getal(body, "balies", 1, 200, &v->balies, e);
	body_getal(body, "raster", 5, 60, &v->raster, e);
	if (60 % v->raster || v->raster == 6 || v->raster == 12)
		err_invalid(e, "raster", "enum",
			    "Kies een raster van 5, 10, 15, 20, 30 of 60 "
			    "minuten.");
	body_bool(body, "goedeVrijdagDicht", &v->goede_vrijdag_dicht, e);
	body_bool(body, "bevrijdingsdagDicht", &v->bevrijdingsdag_dicht, e);
	if (json_object_get(body, "openingstijden"))
		v->open = body_openingstijden(rq, body, &v->nopen, e);
}

enum status
api_vestigingen_post(struct request *rq, struct response *rs, struct err *e)
{
	struct vestiging v = { .balies = 0,
			       .raster = 10,
			       .goede_vrijdag_dicht = true };
	int64_t nieuw_id;
	const char *kanaal;
	json_t *body;

	if (req_check_query(rq, NULL, e) || req_json_body(rq, &body, e))
		return e->status;
	v.gemeente = body_str(body, "gemeente", true, e);
	if (v.gemeente && planner_van(rq, v.gemeente, e)) {
		json_decref(body);
		return e->status;
	}
	body_check_keys(body, vestiging_keys, e);
	v.code = body_str(body, "code", true, e);
	if (v.code)
		afspraak_check_code(v.code, "code", e);
	kanaal = body_str(body, "kanaal", true, e);
	if (kanaal && kanaal_parse(kanaal, &v.kanaal) != 0)
		err_invalid(e, "kanaal", "enum", "Kies fysiek of video.");
	if (!json_object_get(body, "naam"))
		err_invalid(e, "naam", "required", "Vul naam in.");
	if (!json_object_get(body, "balies"))
		err_invalid(e, "balies", "required",
			    "Noem het aantal balies (bij video: gesprekken "
			    "tegelijk).");
	if (!json_object_get(body, "openingstijden"))
		err_invalid(e, "openingstijden", "required",
			    "Noem de openingstijden per weekdag.");
	vestiging_uit_body(rq, body, &v, e);
	check_gemeente(rq, v.gemeente, "gemeente", e);
	if (e->status == ST_OK)
		store_vestiging_add(rq->store, &v, &nieuw_id, e);
	if (e->status == ST_OK) {
		v.code = arena_strdup(&rq->a, v.code);
		json_decref(body);
		body = NULL;
		if (store_vestiging_get(rq->store, v.code, rq->today, &rq->a,
					&v, e) == ST_OK)
			rs->location =
				veld_a(rq, API_BASE "/vestigingen/%s", v.code);
	}
	json_decref(body);
	if (e->status)
		return e->status;
	return resp_json(rq, rs, 201, present_vestiging_json(&v));
}

enum status
api_vestigingen_patch(struct request *rq, struct response *rs, struct err *e)
{
	const char *code = req_param(rq, "code");
	struct vestiging v;
	json_t *body;

	if (req_check_query(rq, NULL, e) ||
	    vestiging_van(rq, code, true, &v, e) ||
	    req_json_patch(rq, &body, e))
		return e->status;
	body_check_keys(body, vestiging_keys + 3, e);
	vestiging_uit_body(rq, body, &v, e);
	if (e->status == ST_OK)
		store_vestiging_update(rq->store, &v, e);
	json_decref(body);
	if (e->status ||
	    store_vestiging_get(rq->store, v.code, rq->today, &rq->a, &v, e))
		return e->status;
	return resp_json(rq, rs, 200, present_vestiging_json(&v));
}

enum status
api_sluitingen_post(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "van", "tot", "reden", NULL };
	const char *code = req_param(rq, "code"), *reden = NULL;
	struct vestiging v;
	day_t van, tot;
	int64_t id = 0;
	json_t *body, *j;

	if (req_check_query(rq, NULL, e) ||
	    vestiging_van(rq, code, true, &v, e) || req_json_body(rq, &body, e))
		return e->status;
	body_check_keys(body, keys, e);
	van = body_date(body, "van", true, e);
	tot = body_date(body, "tot", true, e);
	body_tekst(body, "reden", AFSPRAAK_MAX_TEKST, false, &reden, e);
	if (van != DATE_NONE && tot != DATE_NONE && tot < van)
		err_invalid(e, "tot", "order",
			    "De sluiting eindigt op of na de eerste dag.");
	if (e->status == ST_OK)
		store_sluiting_add(rq->store, v.code, van, tot, reden, &id, e);
	j = json_object();
	json_object_set_new(j, "id", json_integer((json_int_t)id));
	json_object_set_new(j, "vestiging", jstr(v.code));
	json_object_set_new(j, "van", jdate(van));
	json_object_set_new(j, "tot", jdate(tot));
	json_object_set_new(j, "reden", jstr(reden));
	json_decref(body);
	if (e->status) {
		json_decref(j);
		return e->status;
	}
	rs->location = veld_a(rq, API_BASE "/vestigingen/%s", v.code);
	return resp_json(rq, rs, 201, j);
}

enum status
api_sluitingen_delete(struct request *rq, struct response *rs, struct err *e)
{
	struct vestiging v;
	int64_t id = 0;

	if (req_check_query(rq, NULL, e) ||
	    vestiging_van(rq, req_param(rq, "code"), true, &v, e) ||
	    req_int(req_param(rq, "id"), "id", 1, ID_MAX, &id, e) ||
	    store_sluiting_delete(rq->store, v.code, id, e))
		return e->status;
	rs->status = 204;
	rs->body = "";
	rs->len = 0;
	return ST_OK;
}

/* ---- producten ---- */

static const char *const product_keys[] = {
	"gemeente",    "code",	       "naam",		"uplUri",  "duur",
	"kanalen",     "vaardigheden", "voorbereiding", "horizon", "buffer",
	"maxPersonen", "meenemen",     "actief",	NULL
};

static void
product_uit_body(struct request *rq, json_t *body, struct balieproduct *p,
		 struct err *e)
{
	json_t *k = json_object_get(body, "kanalen");

	body_tekst(body, "naam", AFSPRAAK_MAX_NAAM, true, &p->naam, e);
	body_tekst(body, "uplUri", AFSPRAAK_MAX_TEKST, false, &p->upl_uri, e);
	body_tekst(body, "meenemen", AFSPRAAK_MAX_TEKST, false, &p->meenemen,
		   e);
	body_getal(body, "duur", 5, 480, &p->duur, e);
	if (p->duur % 5)
		err_invalid(e, "duur", "multiple",
			    "De duur is een veelvoud van 5 minuten.");
	body_getal(body, "voorbereiding", 0, 43200, &p->voorbereiding, e);
	body_getal(body, "horizon", 1, 366, &p->horizon, e);
	body_getal(body, "buffer", 0, 120, &p->buffer, e);
	if (p->buffer % 5)
		err_invalid(e, "buffer", "multiple",
			    "De buffer is een veelvoud van 5 minuten.");
	body_getal(body, "maxPersonen", 1, AFSPRAAK_MAX_PERSONEN,
		   &p->max_personen, e);
	body_bool(body, "actief", &p->actief, e);
	if (k) {
		bool ok = json_is_array(k) && json_array_size(k) > 0 &&
			  json_array_size(k) <= 2;

		p->fysiek = p->video = false;
		for (size_t i = 0; ok && i < json_array_size(k); i++) {
			enum kanaal x;

			if (kanaal_parse(
				    json_string_value(json_array_get(k, i)),
				    &x) != 0)
				ok = false;
			else if (x == KANAAL_FYSIEK)
				p->fysiek = true;
			else
				p->video = true;
		}
		if (!ok)
			err_invalid(e, "kanalen", "enum",
				    "Geef een lijst met fysiek, video of "
				    "beide.");
	}
	if (json_object_get(body, "vaardigheden")) {
		const char *v = body_codes(rq, body, "vaardigheden", e);

		if (v)
			p->vaardigheden = v;
	}
}

/* Product `code` of municipality `gemeente`; with `planner`, only of a
 * municipality the principal plans (otherwise as one that does not
 * exist). */
static enum status
product_van(struct request *rq, const char *gemeente, const char *code,
	    bool planner, struct balieproduct *p, struct err *e)
{
	enum status st = ST_NOT_FOUND;

	if (gemeente && code &&
	    afspraak_check_code(code, "code", NULL) == ST_OK &&
	    (!planner || authz_planner(rq, gemeente)))
		st = store_balieproduct_get(rq->store, gemeente, code, &rq->a,
					    p, e);
	if (st == ST_NOT_FOUND) {
		err_clear(e);
		return err_set(e, ST_NOT_FOUND,
			       "Gemeente %.16s heeft geen product '%.64s'.",
			       gemeente ? gemeente : "", code ? code : "");
	}
	return st;
}

static const char *const gemeente_key[] = { "gemeente", NULL };

/* The query parameter gemeente, required. */
static const char *
gemeente_param(struct request *rq, struct err *e)
{
	const char *g = kv_get(&rq->query, "gemeente");

	if (!g)
		err_invalid(e, "gemeente", "required",
			    "Noem de gemeente (CBS-code, bijvoorbeeld "
			    "GM0358).");
	return g;
}

enum status
api_producten_list(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "gemeente", "kanaal",   "alle",
					    "page",	"pageSize", NULL };
	const char *kanaal = kv_get(&rq->query, "kanaal");
	const char *alle = kv_get(&rq->query, "alle");
	const char *gemeente;
	struct balieproduct *p;
	enum kanaal k = KANAAL_FYSIEK;
	size_t n;
	json_t *all;

	if (req_check_query(rq, keys, e))
		return e->status;
	gemeente = gemeente_param(rq, e);
	if (kanaal && kanaal_parse(kanaal, &k) != 0)
		err_invalid(e, "kanaal", "enum", "Kies fysiek of video.");
	if (alle && strcmp(alle, "true") != 0 && strcmp(alle, "false") != 0)
		err_invalid(e, "alle", "boolean", "Kies true of false.");
	check_gemeente(rq, gemeente, "gemeente", e);
	if (e->status ||
	    store_balieproduct_list(rq->store, gemeente,
				    alle && strcmp(alle, "true") == 0, &rq->a,
				    &p, &n, e))
		return e->status;
	all = json_array();
	for (size_t i = 0; i < n; i++)
		if (!kanaal || (k == KANAAL_FYSIEK ? p[i].fysiek : p[i].video))
			json_array_append_new(all,
					      present_balieproduct_json(&p[i]));
	return resp_list(rq, rs, all, e);
}

enum status
api_producten_get(struct request *rq, struct response *rs, struct err *e)
{
	struct balieproduct p;
	const char *gemeente;

	if (req_check_query(rq, gemeente_key, e))
		return e->status;
	gemeente = gemeente_param(rq, e);
	if (e->status ||
	    product_van(rq, gemeente, req_param(rq, "code"), false, &p, e))
		return e->status;
	return resp_json(rq, rs, 200, present_balieproduct_json(&p));
}

enum status
api_producten_post(struct request *rq, struct response *rs, struct err *e)
{
	int64_t nieuw_id;
	struct balieproduct p = { .fysiek = true,
				  .vaardigheden = "",
				  .horizon = 90,
				  .max_personen = 1,
				  .actief = true };
	json_t *body;

	if (req_check_query(rq, NULL, e) || req_json_body(rq, &body, e))
		return e->status;
	p.gemeente = body_str(body, "gemeente", true, e);
	if (p.gemeente && planner_van(rq, p.gemeente, e)) {
		json_decref(body);
		return e->status;
	}
	body_check_keys(body, product_keys, e);
	p.code = body_str(body, "code", true, e);
	if (p.code)
		afspraak_check_code(p.code, "code", e);
	if (!json_object_get(body, "naam"))
		err_invalid(e, "naam", "required", "Vul naam in.");
	if (!json_object_get(body, "duur"))
		err_invalid(e, "duur", "required",
			    "Noem de duur per persoon in minuten (een "
			    "veelvoud van 5).");
	product_uit_body(rq, body, &p, e);
	check_gemeente(rq, p.gemeente, "gemeente", e);
	if (e->status == ST_OK)
		store_balieproduct_add(rq->store, &p, &nieuw_id, e);
	if (e->status == ST_OK) {
		p.gemeente = arena_strdup(&rq->a, p.gemeente);
		p.code = arena_strdup(&rq->a, p.code);
	}
	json_decref(body);
	if (e->status || store_balieproduct_get(rq->store, p.gemeente, p.code,
						&rq->a, &p, e))
		return e->status;
	rs->location = veld_a(rq, API_BASE "/producten/%s?gemeente=%s", p.code,
			      p.gemeente);
	return resp_json(rq, rs, 201, present_balieproduct_json(&p));
}

enum status
api_producten_patch(struct request *rq, struct response *rs, struct err *e)
{
	struct balieproduct p;
	const char *gemeente;
	json_t *body;

	if (req_check_query(rq, gemeente_key, e))
		return e->status;
	gemeente = gemeente_param(rq, e);
	if (e->status ||
	    product_van(rq, gemeente, req_param(rq, "code"), true, &p, e) ||
	    req_json_patch(rq, &body, e))
		return e->status;
	body_check_keys(body, product_keys + 2, e);
	product_uit_body(rq, body, &p, e);
	if (e->status == ST_OK)
		store_balieproduct_update(rq->store, &p, e);
	json_decref(body);
	if (e->status || store_balieproduct_get(rq->store, p.gemeente, p.code,
						&rq->a, &p, e))
		return e->status;
	return resp_json(rq, rs, 200, present_balieproduct_json(&p));
}

/* ---- roosterdiensten ---- */

/* A date query parameter, required or with a default. */
static day_t
datum_param(struct request *rq, const char *key, day_t standaard, struct err *e)
{
	day_t d = DATE_NONE;

	if (req_query_date(rq, key, &d, e) || d == DATE_NONE)
		return standaard;
	return d;
}

enum status
api_roosterdiensten_list(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "vestiging",  "gemeente",
					    "medewerker", "samenwerking",
					    "van",	  "tot",
					    "page",	  "pageSize",
					    NULL };
	struct dienst_filter f = {
		.vestiging = kv_get(&rq->query, "vestiging"),
		.gemeente = kv_get(&rq->query, "gemeente"),
		.medewerker = kv_get(&rq->query, "medewerker"),
		.samenwerking = kv_get(&rq->query, "samenwerking"),
	};
	bool beheerder = auth_has_role(&rq->who, ROL_BEHEERDER, NULL);
	struct vestiging v;
	struct dienst *d;
	size_t n;
	json_t *all;

	if (req_check_query(rq, keys, e))
		return e->status;
	f.van = datum_param(rq, "van", rq->today, e);
	f.tot = datum_param(rq, "tot", f.van + 6, e);
	if (e->status)
		return e->status;
	if (f.tot < f.van || f.tot - f.van >= ROOSTER_MAX_DAGEN)
		return err_invalid(e, "tot", "range",
				   "tot ligt op of na van, en hoogstens %d "
				   "dagen verder.",
				   ROOSTER_MAX_DAGEN - 1);
	if (f.samenwerking && !f.medewerker)
		return err_invalid(e, "samenwerking", "unused",
				   "samenwerking hoort bij medewerker.");
	if (f.vestiging && vestiging_van(rq, f.vestiging, true, &v, e))
		return e->status;
	if (f.gemeente && !beheerder && !authz_planner_deels(rq, f.gemeente))
		return planner_van(rq, f.gemeente, e);
	if (!f.vestiging && !f.gemeente && !beheerder)
		f.gemeente = auth_eigen_gemeente(rq, false);
	if (!f.vestiging && !f.gemeente && !f.medewerker)
		return err_invalid(e, "vestiging", "required",
				   "Noem een vestiging, een gemeente of een "
				   "medewerker.");
	if (store_dienst_list(rq->store, &f, &rq->a, &d, &n, e))
		return e->status;
	all = json_array();
	for (size_t i = 0; i < n; i++)
		if (beheerder ||
		    authz_planner_vestiging(rq, d[i].gemeente, d[i].vestiging))
			json_array_append_new(all, present_dienst_json(&d[i]));
	return resp_list(rq, rs, all, e);
}

enum status
api_roosterdiensten_post(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "medewerker",
					    "samenwerking",
					    "vestiging",
					    "datum",
					    "van",
					    "tot",
					    "vaardigheden",
					    "herhaalTot",
					    "uitzonderingen",
					    NULL };
	struct dienst d = { .vaardigheden = "" };
	struct vestiging v;
	day_t herhaal = DATE_NONE, *uitz = NULL;
	size_t nuitz = 0, nids = 0;
	int64_t *ids = NULL;
	json_t *body, *arr, *out;
	const char *van, *tot;
	struct err probe;

	if (req_check_query(rq, NULL, e) || req_json_body(rq, &body, e))
		return e->status;
	body_check_keys(body, keys, e);
	d.medewerker = body_str(body, "medewerker", true, e);
	d.samenwerking = body_str(body, "samenwerking", false, e);
	d.vestiging = body_str(body, "vestiging", true, e);
	err_clear(&probe);
	if (d.vestiging && vestiging_van(rq, d.vestiging, true, &v, &probe))
		geen_vestiging_veld("vestiging", d.vestiging, e);
	d.datum = body_date(body, "datum", true, e);
	van = body_str(body, "van", true, e);
	tot = body_str(body, "tot", true, e);
	d.van = present_minuut_parse(van);
	d.tot = present_minuut_parse(tot);
	if (van && (d.van < 0 || d.van >= 1440))
		err_invalid(e, "van", "time", "Schrijf een tijd als 08:30.");
	if (tot && d.tot < 0)
		err_invalid(e, "tot", "time", "Schrijf een tijd als 12:30.");
	if (van && tot && d.van >= 0 && d.tot >= 0 && d.tot <= d.van)
		err_invalid(e, "tot", "order",
			    "De dienst eindigt na het begin.");
	if (json_object_get(body, "vaardigheden")) {
		const char *s = body_codes(rq, body, "vaardigheden", e);

		if (s)
			d.vaardigheden = s;
	}
	if (json_object_get(body, "herhaalTot"))
		herhaal = body_date(body, "herhaalTot", false, e);
	arr = json_object_get(body, "uitzonderingen");
	if (arr && !json_is_null(arr)) {
		if (!json_is_array(arr) ||
		    json_array_size(arr) > MAX_UITZONDERINGEN) {
			err_invalid(e, "uitzonderingen", "type",
				    "Geef een lijst van hoogstens %d datums.",
				    MAX_UITZONDERINGEN);
		} else {
			uitz = arena_calloc(&rq->a, json_array_size(arr) + 1,
					    sizeof(*uitz));
			for (size_t i = 0; uitz && i < json_array_size(arr);
			     i++) {
				const char *s = json_string_value(
					json_array_get(arr, i));

				if (!s || date_parse(s, &uitz[nuitz]))
					err_invalid(
						e,
						veld_a(rq,
						       "uitzonderingen[%zu]",
						       i),
						"date",
						"Schrijf een datum als "
						"JJJJ-MM-DD.");
				else
					nuitz++;
			}
		}
	}
	if (e->status == ST_OK) {
		d.vestiging = v.code;
		store_dienst_add(rq->store, &d, herhaal, uitz, nuitz, &rq->a,
				 &ids, &nids, e);
	}
	if (e->status == ST_OK) {
		struct dienst_filter f = { .vestiging = v.code,
					   .van = d.datum,
					   .tot = herhaal != DATE_NONE
							  ? herhaal
							  : d.datum };
		struct dienst *all;
		size_t n;

		out = json_array();
		if (store_dienst_list(rq->store, &f, &rq->a, &all, &n, e) ==
		    ST_OK)
			for (size_t i = 0; i < n; i++)
				for (size_t k = 0; k < nids; k++)
					if (all[i].id == ids[k])
						json_array_append_new(
							out,
							present_dienst_json(
								&all[i]));
		json_decref(body);
		if (e->status) {
			json_decref(out);
			return e->status;
		}
		body = json_object();
		json_object_set_new(body, "aantal",
				    json_integer((json_int_t)nids));
		json_object_set_new(body, "diensten", out);
		return resp_json(rq, rs, 201, body);
	}
	json_decref(body);
	return e->status;
}

enum status
api_roosterdiensten_delete(struct request *rq, struct response *rs,
			   struct err *e)
{
	static const char *const keys[] = { "reeks", NULL };
	const char *reeks = kv_get(&rq->query, "reeks");
	const char *tekst = req_param(rq, "id");
	struct dienst d;
	int64_t id = 0;
	enum status st;

	if (req_check_query(rq, keys, e) ||
	    req_int(tekst, "id", 1, ID_MAX, &id, e))
		return e->status;
	if (reeks && strcmp(reeks, "true") != 0 && strcmp(reeks, "false") != 0)
		return err_invalid(e, "reeks", "boolean",
				   "Kies true of false.");
	st = store_dienst_get(rq->store, id, &rq->a, &d, e);
	if (st == ST_NOT_FOUND ||
	    (st == ST_OK &&
	     !authz_planner_vestiging(rq, d.gemeente, d.vestiging))) {
		err_clear(e);
		return err_set(e, ST_NOT_FOUND, "Er is geen dienst %lld.",
			       (long long)id);
	}
	if (st || store_dienst_delete(rq->store, id,
				      reeks && strcmp(reeks, "true") == 0, e))
		return e->status;
	rs->status = 204;
	rs->body = "";
	rs->len = 0;
	return ST_OK;
}

/* ---- vrije tijden ---- */

/*
 * The store names a visit's products "regels[i].product" and
 * "regels[i].personen"; a request names them as it took them: product i
 * as pveld[i], its persons as persveld[i].
 */
static void
regels_hernoemen(struct err *e, const char *const *pveld,
		 const char *const *persveld, size_t n)
{
	for (size_t k = 0; k < e->nproblems; k++) {
		struct problem *p = &e->problems[k];
		const char *naam = NULL;
		char *end;
		unsigned long i;

		if (strncmp(p->name, "regels[", 7) != 0)
			continue;
		i = strtoul(p->name + 7, &end, 10);
		if (i >= n || *end != ']')
			continue;
		if (strcmp(end, "].product") == 0)
			naam = pveld[i];
		else if (strcmp(end, "].personen") == 0)
			naam = persveld[i];
		if (naam)
			snprintf(p->name, sizeof(p->name), "%s", naam);
	}
}

/*
 * After the store answered ST_NOT_FOUND for a question: which of its
 * names does not exist (the municipality, a product, the location, or a
 * location of another municipality), as problems under the names the
 * request used (`pveld(i)` for product i).
 */
static enum status
verwijzingen(struct request *rq, const struct afspraak_vraag *q,
	     const char *const *pveld, const char *vveld, struct err *e)
{
	struct err probe;
	size_t before;

	err_clear(e);
	check_gemeente(rq, q->gemeente, "gemeente", e);
	if (e->status)
		return e->status;
	before = e->nproblems;
	for (size_t i = 0; i < q->nregels; i++) {
		struct balieproduct p;

		err_clear(&probe);
		if (store_balieproduct_get(rq->store, q->gemeente,
					   q->regels[i].product, &rq->a, &p,
					   &probe) != ST_OK ||
		    !p.actief)
			err_invalid(e, pveld[i], "not-found",
				    "Gemeente %.16s heeft geen product "
				    "'%.64s'.",
				    q->gemeente, q->regels[i].product);
	}
	if (q->vestiging) {
		struct vestiging v;

		err_clear(&probe);
		if (store_vestiging_get(rq->store, q->vestiging, rq->today,
					&rq->a, &v, &probe) != ST_OK ||
		    strcmp(v.gemeente, q->gemeente) != 0)
			geen_vestiging_veld(vveld, q->vestiging, e);
	}
	if (e->nproblems == before)
		err_invalid(e, "gemeente", "not-found",
			    "Gemeente %.16s maakt geen afspraken voor dit "
			    "verzoek.",
			    q->gemeente);
	return e->status;
}

enum status
api_vrije_tijden(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "gemeente",	 "product", "personen",
					    "van",	 "tot",	    "kanaal",
					    "vestiging", NULL };
	static const char *const herhaal[] = { "product", "personen", NULL };
	struct afspraak_regel regels[AFSPRAAK_MAX_PRODUCTEN];
	const char *pveld[AFSPRAAK_MAX_PRODUCTEN],
		*persveld[AFSPRAAK_MAX_PRODUCTEN];
	struct afspraak_vraag q = { .regels = regels, .kanaal = KANAAL_FYSIEK };
	size_t np = 0, npers = 0, n;
	const char *kanaal = kv_get(&rq->query, "kanaal");
	struct vestiging *vs = NULL;
	size_t nv = 0;
	struct slot *s;
	day_t van, tot;
	json_t *arr, *j;

	if (req_check_query_lijst(rq, keys, herhaal, e))
		return e->status;
	q.gemeente = gemeente_param(rq, e);
	q.vestiging = kv_get(&rq->query, "vestiging");
	if (kanaal && kanaal_parse(kanaal, &q.kanaal) != 0)
		err_invalid(e, "kanaal", "enum", "Kies fysiek of video.");
	for (size_t i = 0; i < rq->query.n; i++) {
		const struct kv *kv = &rq->query.items[i];

		if (strcmp(kv->key, "product") == 0) {
			if (np == AFSPRAAK_MAX_PRODUCTEN) {
				err_invalid(e, "product", "too-many",
					    "Noem hoogstens %d producten.",
					    AFSPRAAK_MAX_PRODUCTEN);
				break;
			}
			pveld[np] = "product";
			persveld[np] = "personen";
			regels[np++] =
				(struct afspraak_regel){ .product = kv->value,
							 .personen = 1 };
		}
	}
	for (size_t i = 0; i < rq->query.n; i++) {
		const struct kv *kv = &rq->query.items[i];
		int64_t p;

		if (strcmp(kv->key, "personen") != 0)
			continue;
		if (req_int(kv->value, "personen", 1, AFSPRAAK_MAX_PERSONEN, &p,
			    e) == ST_OK &&
		    npers < np)
			regels[npers].personen = (int)p;
		npers++;
	}
	if (np == 0)
		err_invalid(e, "product", "required",
			    "Noem het product, bijvoorbeeld product=paspoort "
			    "(meer producten: product=a&product=b).");
	if (npers && npers != np)
		err_invalid(e, "personen", "count",
			    "Geef personen voor elk product, in dezelfde "
			    "volgorde, of laat het weg (dan 1 per product).");
	q.nregels = np;
	van = datum_param(rq, "van", DATE_NONE, e);
	tot = datum_param(rq, "tot", DATE_NONE, e);
	if (!kv_get(&rq->query, "van"))
		err_invalid(e, "van", "required", "Noem de eerste dag.");
	if (!kv_get(&rq->query, "tot"))
		err_invalid(e, "tot", "required", "Noem de laatste dag.");
	if (van != DATE_NONE && tot != DATE_NONE &&
	    (tot < van || tot - van >= AFSPRAAK_MAX_DAGEN))
		err_invalid(e, "tot", "range",
			    "tot ligt op of na van, en hoogstens %d dagen "
			    "verder.",
			    AFSPRAAK_MAX_DAGEN - 1);
	for (size_t i = 0; i < np && !e->status; i++)
		afspraak_check_code(regels[i].product, "product", e);
	if (q.vestiging && !e->status &&
	    afspraak_check_code(q.vestiging, "vestiging", e))
		return e->status;
	if (e->status)
		return e->status;
	/* A planner of the municipality books for residents at the desk:
	 * the web share does not hold them back. */
	q.balie = q.gemeente && authz_planner(rq, q.gemeente);
	if (store_vrije_tijden(rq->store, &q, van, tot, &rq->a, &s, &n, e)) {
		if (e->status == ST_NOT_FOUND)
			return verwijzingen(rq, &q, pveld, "vestiging", e);
		regels_hernoemen(e, pveld, persveld, np);
		return e->status;
	}
	if (n && store_vestiging_list(rq->store, q.gemeente, rq->today, &rq->a,
				      &vs, &nv, e))
		return e->status;
	arr = json_array();
	for (size_t i = 0; i < n; i++) {
		const char *code = NULL;

		for (size_t k = 0; k < nv && !code; k++)
			if (vs[k].id == s[i].vestiging)
				code = vs[k].code;
		json_array_append_new(arr, present_slot_json(&s[i], code));
	}
	j = json_object();
	json_object_set_new(j, "vrijeTijden", arr);
	rs->vluchtig = true;
	return resp_json(rq, rs, 200, j);
}

/* ---- afspraken ---- */

/* The one answer for a code that is not there, a contact that does not
 * match, and an appointment of another municipality. */
static enum status
geen_afspraak(struct err *e)
{
	err_clear(e);
	return err_set(e, ST_NOT_FOUND,
		       "Er is geen afspraak met deze referentie en dit "
		       "e-mailadres of telefoonnummer.");
}

/* A reference code from the path, in capitals; NULL when it cannot be
 * one. */
static const char *
referentie_param(struct request *rq)
{
	const char *r = req_param(rq, "referentie");
	char *u;

	if (!r || !afspraak_referentie_geldig(r))
		return NULL;
	u = arena_strdup(&rq->a, r);
	for (char *p = u; p && *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	return u;
}

/*
 * Who asks about an appointment: a resident with its contact (the
 * header Afspraak-Contact), or a planner of its municipality without one.
 * *contact is what the store checks (NULL: staff). Without a contact and
 * without a planner's role: 400.
 */
static enum status
afspraak_toegang(struct request *rq, const char *ref, const char **contact,
		 struct afspraak *a, struct err *e)
{
	enum status st;

	*contact = rq->contact;
	if (*contact) {
		if (text_check_max(*contact, "Afspraak-Contact",
				   AFSPRAAK_MAX_EMAIL, e))
			return e->status;
		if (!ref)
			return geen_afspraak(e);
		st = store_afspraak_get(rq->store, ref, *contact, &rq->a, a, e);
		return st == ST_NOT_FOUND ? geen_afspraak(e) : st;
	}
	if (!rq->who.ingelogd ||
	    !(auth_has_role(&rq->who, ROL_BEHEERDER, NULL) ||
	      auth_has_role(&rq->who, ROL_PLANNER, NULL)))
		return err_invalid(e, "Afspraak-Contact", "required",
				   "Stuur het e-mailadres of telefoonnummer "
				   "van de afspraak mee in de header "
				   "Afspraak-Contact.");
	if (!ref)
		return geen_afspraak(e);
	st = store_afspraak_get(rq->store, ref, NULL, &rq->a, a, e);
	if (st == ST_NOT_FOUND ||
	    (st == ST_OK &&
	     !authz_planner_vestiging(rq, a->gemeente, a->vestiging)))
		return geen_afspraak(e);
	return st;
}

/* Staff see whom and where; residents their own appointment. */
static enum status
afspraak_antwoord(struct request *rq, struct response *rs, unsigned status,
		  const struct afspraak *a, const char *contact)
{
	enum status st = resp_json(rq, rs, status,
				   present_afspraak_json(a, contact == NULL));

	rs->personal = true; /* personal data: never kept for others */
	return st;
}

/* The day list of a location (or a municipality's locations). */
enum status
api_afspraken_list(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "vestiging", "gemeente", "datum",
					    "page",	 "pageSize", NULL };
	const char *vcode = kv_get(&rq->query, "vestiging");
	const char *gemeente = kv_get(&rq->query, "gemeente");
	struct vestiging v;
	struct afspraak *a;
	size_t n;
	day_t dag;
	json_t *all;

	if (req_check_query(rq, keys, e))
		return e->status;
	dag = datum_param(rq, "datum", rq->today, e);
	if (e->status)
		return e->status;
	if (vcode) {
		if (vestiging_van(rq, vcode, true, &v, e))
			return e->status;
		if (gemeente && strcmp(gemeente, v.gemeente) != 0)
			return geen_vestiging(vcode, e);
		gemeente = v.gemeente;
	} else if (!gemeente) {
		gemeente = auth_has_role(&rq->who, ROL_BEHEERDER, NULL)
				   ? NULL
				   : auth_eigen_gemeente(rq, false);
		if (!gemeente)
			return err_invalid(e, "vestiging", "required",
					   "Noem een vestiging of een "
					   "gemeente.");
	} else if (!authz_planner_deels(rq, gemeente)) {
		return planner_van(rq, gemeente, e);
	}
	if (store_afspraak_list(rq->store, gemeente, vcode ? v.code : NULL, dag,
				&rq->a, &a, &n, e))
		return e->status;
	all = json_array();
	for (size_t i = 0; i < n; i++)
		if (authz_planner_vestiging(rq, a[i].gemeente, a[i].vestiging))
			json_array_append_new(
				all, present_afspraak_json(&a[i], true));
	rs->personal = true;
	return resp_list(rq, rs, all, e);
}

/* An Idempotency-Key: 1 to 255 visible ASCII characters. */
static void
check_sleutel(const char *k, struct err *e)
{
	size_t n = k ? strlen(k) : 0;

	if (!k)
		return;
	for (size_t i = 0; i < n; i++)
		if (k[i] < 0x20 || k[i] > 0x7e)
			n = 0;
	if (n == 0 || n > SLEUTEL_MAX)
		err_invalid(e, "Idempotency-Key", "format",
			    "De Idempotency-Key is 1 tot en met %d tekens "
			    "(zichtbare ASCII-tekens).",
			    SLEUTEL_MAX);
}

/* The request as the key's hash covers it: the same booking, in any
 * order of its JSON members, has the same hash. */
static const char *
verzoek_hash(struct request *rq, const struct afspraak_boeking *b)
{
	size_t cap = 512, o;
	char *t;

	for (size_t i = 0; i < b->vraag.nregels; i++)
		cap += strlen(b->vraag.regels[i].product) + 16;
	cap += (b->naam ? strlen(b->naam) : 0) +
	       (b->email ? strlen(b->email) : 0) +
	       (b->telefoon ? strlen(b->telefoon) : 0) +
	       strlen(b->vraag.vestiging) + strlen(b->vraag.gemeente);
	t = arena_alloc(&rq->a, cap);
	if (!t)
		return NULL;
	o = (size_t)snprintf(t, cap, "%s\n%s\n%s\n%lld\n", b->vraag.gemeente,
			     b->vraag.vestiging, kanaal_name(b->vraag.kanaal),
			     (long long)b->start);
	for (size_t i = 0; i < b->vraag.nregels && o < cap; i++)
		o += (size_t)snprintf(t + o, cap - o, "%s:%d,",
				      b->vraag.regels[i].product,
				      b->vraag.regels[i].personen);
	if (o < cap)
		snprintf(t + o, cap - o, "\n%s\n%s\n%s", b->naam ? b->naam : "",
			 b->email ? b->email : "",
			 b->telefoon ? b->telefoon : "");
	return auth_hash(&rq->a, t);
}

/*
 * Whether the store refused a booking because its Idempotency-Key came
 * with another request before (not because the time is taken).
 */
static bool
sleutel_hergebruikt(const struct err *e)
{
	for (size_t i = 0; i < e->nproblems; i++)
		if (strcmp(e->problems[i].name, "Idempotency-Key") == 0 ||
		    strcmp(e->problems[i].name, "sleutel") == 0)
			return true;
	return strstr(e->message, "Idempotency-Key") != NULL;
}

/* A local instant with its offset ("2026-12-07T09:30:00+01:00"). */
static bool
tijd_parse(const char *s, int64_t *out)
{
	return s && strlen(s) > 10 && s[10] == 'T' &&
	       date_parse_instant(s, out) == 0;
}

static const char *const boeking_keys[] = {
	"gemeente", "product", "producten", "personen", "vestiging", "start",
	"kanaal",   "naam",    "email",	    "telefoon", NULL
};

/* The products of a booking: "product" (with "personen"), or
 * "producten": [{"product", "personen"}]. */
static size_t
boeking_producten(struct request *rq, json_t *body,
		  struct afspraak_regel *regels, const char **pveld,
		  const char **persveld, struct err *e)
{
	static const char *const rkeys[] = { "product", "personen", NULL };
	json_t *lijst = json_object_get(body, "producten");
	size_t n = 0;

	if (json_object_get(body, "product")) {
		int64_t p = 1;

		if (lijst)
			err_invalid(e, "producten", "conflict",
				    "Noem product of producten, niet "
				    "allebei.");
		regels[0].product = body_str(body, "product", true, e);
		body_int(body, "personen", false, 1, AFSPRAAK_MAX_PERSONEN, &p,
			 e);
		regels[0].personen = (int)p;
		pveld[0] = "product";
		persveld[0] = "personen";
		return regels[0].product ? 1 : 0;
	}
	if (!lijst) {
		err_invalid(e, "product", "required",
			    "Noem het product (of producten: een lijst van "
			    "{\"product\", \"personen\"}).");
		return 0;
	}
	if (json_object_get(body, "personen"))
		err_invalid(e, "personen", "conflict",
			    "Noem personen per product in producten.");
	if (!json_is_array(lijst) || json_array_size(lijst) == 0 ||
	    json_array_size(lijst) > AFSPRAAK_MAX_PRODUCTEN) {
		err_invalid(e, "producten", "type",
			    "Geef 1 tot en met %d producten als lijst van "
			    "{\"product\", \"personen\"}.",
			    AFSPRAAK_MAX_PRODUCTEN);
		return 0;
	}
	for (size_t i = 0; i < json_array_size(lijst); i++) {
		json_t *r = json_array_get(lijst, i);
		struct err sub;
		int64_t p = 1;

		if (!json_is_object(r)) {
			err_invalid(e, veld_a(rq, "producten[%zu]", i), "type",
				    "Elk product is {\"product\", "
				    "\"personen\"}.");
			continue;
		}
		err_clear(&sub);
		body_check_keys(r, rkeys, &sub);
		regels[n].product = body_str(r, "product", true, &sub);
		body_int(r, "personen", false, 1, AFSPRAAK_MAX_PERSONEN, &p,
			 &sub);
		regels[n].personen = (int)p;
		for (size_t k = 0; k < sub.nproblems; k++)
			err_invalid(e,
				    veld_a(rq, "producten[%zu].%s", i,
					   sub.problems[k].name),
				    sub.problems[k].code, "%s",
				    sub.problems[k].reason);
		pveld[n] = veld_a(rq, "producten[%zu].product", i);
		persveld[n] = veld_a(rq, "producten[%zu].personen", i);
		if (regels[n].product)
			n++;
	}
	return n;
}

enum status
api_afspraken_post(struct request *rq, struct response *rs, struct err *e)
{
	struct afspraak_regel regels[AFSPRAAK_MAX_PRODUCTEN];
	const char *pveld[AFSPRAAK_MAX_PRODUCTEN],
		*persveld[AFSPRAAK_MAX_PRODUCTEN];
	bool gemeente_ok = true;
	struct afspraak_boeking b = { .vraag = { .regels = regels } };
	const char *kanaal, *start;
	struct vestiging v;
	struct afspraak a;
	bool opnieuw = false, v_ok = false;
	struct err probe;
	json_t *body;
	char ref[AFSPRAAK_REFERENTIE_LEN + 1];

	if (req_check_query(rq, NULL, e))
		return e->status;
	check_sleutel(rq->idempotency_key, e);
	if (e->status || req_json_body(rq, &body, e))
		return e->status;
	body_check_keys(body, boeking_keys, e);
	b.vraag.gemeente = body_str(body, "gemeente", true, e);
	if (b.vraag.gemeente) {
		size_t voor = e->nproblems;

		check_gemeente(rq, b.vraag.gemeente, "gemeente", e);
		gemeente_ok = e->nproblems == voor;
		b.vraag.balie = authz_planner(rq, b.vraag.gemeente);
	}
	b.vraag.nregels =
		boeking_producten(rq, body, regels, pveld, persveld, e);
	for (size_t i = 0; i < b.vraag.nregels; i++)
		afspraak_check_code(regels[i].product, pveld[i], e);
	b.vraag.vestiging = body_str(body, "vestiging", true, e);
	if (b.vraag.vestiging &&
	    afspraak_check_code(b.vraag.vestiging, "vestiging", e) == ST_OK &&
	    gemeente_ok) {
		err_clear(&probe);
		v_ok = store_vestiging_get(rq->store, b.vraag.vestiging,
					   rq->today, &rq->a, &v,
					   &probe) == ST_OK &&
		       (!b.vraag.gemeente ||
			strcmp(v.gemeente, b.vraag.gemeente) == 0);
		if (!v_ok)
			geen_vestiging_veld("vestiging", b.vraag.vestiging, e);
	}
	kanaal = body_str(body, "kanaal", false, e);
	if (kanaal && kanaal_parse(kanaal, &b.vraag.kanaal) != 0)
		err_invalid(e, "kanaal", "enum", "Kies fysiek of video.");
	else if (kanaal && v_ok && b.vraag.kanaal != v.kanaal)
		err_invalid(e, "kanaal", "mismatch",
			    "Vestiging %.64s is %s, niet %s.", v.code,
			    kanaal_name(v.kanaal), kanaal);
	else if (v_ok)
		b.vraag.kanaal = v.kanaal;
	start = body_str(body, "start", true, e);
	if (start && !tijd_parse(start, &b.start))
		err_invalid(e, "start", "date-time",
			    "Schrijf het begin als 2026-12-07T09:30:00+01:00 "
			    "(plaatselijke tijd met de afwijking van UTC).");
	body_tekst(body, "naam", AFSPRAAK_MAX_NAAM, true, &b.naam, e);
	if (!json_object_get(body, "naam"))
		err_invalid(e, "naam", "required", "Vul uw naam in.");
	body_tekst(body, "email", AFSPRAAK_MAX_EMAIL, false, &b.email, e);
	body_tekst(body, "telefoon", AFSPRAAK_MAX_TELEFOON, false, &b.telefoon,
		   e);
	if (b.email)
		afspraak_check_email(b.email, "email", e);
	if (b.telefoon)
		afspraak_check_telefoon(b.telefoon, "telefoon", e);
	if (!b.email && !b.telefoon && !json_object_get(body, "email") &&
	    !json_object_get(body, "telefoon"))
		err_invalid(e, "email", "required",
			    "Vul een e-mailadres of telefoonnummer in, om de "
			    "afspraak later te kunnen wijzigen.");
	if (e->status) {
		/* Name every unknown product too, all problems at once. */
		for (size_t i = 0;
		     b.vraag.gemeente && gemeente_ok && i < b.vraag.nregels;
		     i++) {
			struct balieproduct p;

			err_clear(&probe);
			if (afspraak_check_code(regels[i].product, pveld[i],
						&probe) == ST_OK &&
			    (store_balieproduct_get(rq->store, b.vraag.gemeente,
						    regels[i].product, &rq->a,
						    &p, &probe) != ST_OK ||
			     !p.actief))
				err_invalid(e, pveld[i], "not-found",
					    "Gemeente %.16s heeft geen product "
					    "'%.64s'.",
					    b.vraag.gemeente,
					    regels[i].product);
		}
		json_decref(body);
		return e->status;
	}
	b.sleutel = rq->idempotency_key;
	b.verzoek_hash = b.sleutel ? verzoek_hash(rq, &b) : NULL;
	for (int poging = 0;; poging++) {
		uint8_t rnd[5];

		randombytes_buf(rnd, sizeof(rnd));
		afspraak_referentie(rnd, ref);
		b.referentie = ref;
		if (store_afspraak_add(rq->store, &b, &rq->a, &a, &opnieuw,
				       e) == ST_OK)
			break;
		/* A code in use already: draw another. */
		if (e->status != ST_CONFLICT || e->nproblems == 0 ||
		    strcmp(e->problems[0].name, "referentie") != 0 ||
		    poging + 1 == REFERENTIE_POGINGEN)
			break;
		err_clear(e);
	}
	if (e->status == ST_NOT_FOUND)
		verwijzingen(rq, &b.vraag, pveld, "vestiging", e);
	regels_hernoemen(e, pveld, persveld, b.vraag.nregels);
	json_decref(body);
	if (e->status == ST_CONFLICT && b.sleutel && sleutel_hergebruikt(e)) {
		rs->status = 422;
		rs->content_type = "application/problem+json";
		rs->body = problem_json(&rq->a, 422, e->message, e, rq->path,
					&rs->len);
		return rs->body ? ST_OK : ST_NOMEM;
	}
	if (e->status)
		return e->status;
	rs->location = veld_a(rq, API_BASE "/afspraken/%s", a.referentie);
	return afspraak_antwoord(rq, rs, 201, &a, b.email ? b.email : "");
}

enum status
api_afspraken_get(struct request *rq, struct response *rs, struct err *e)
{
	struct afspraak a;
	const char *contact;

	if (req_check_query(rq, NULL, e) ||
	    afspraak_toegang(rq, referentie_param(rq), &contact, &a, e))
		return e->status;
	return afspraak_antwoord(rq, rs, 200, &a, contact);
}

enum status
api_afspraken_delete(struct request *rq, struct response *rs, struct err *e)
{
	const char *ref = referentie_param(rq), *contact;
	struct afspraak a;
	enum status st;

	if (req_check_query(rq, NULL, e) ||
	    afspraak_toegang(rq, ref, &contact, &a, e))
		return e->status;
	st = store_afspraak_cancel(rq->store, a.referentie, contact, &rq->a, &a,
				   e);
	if (st == ST_NOT_FOUND)
		return geen_afspraak(e);
	if (st)
		return st;
	return afspraak_antwoord(rq, rs, 200, &a, contact);
}

enum status
api_afspraken_patch(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "start", "vestiging", NULL };
	const char *ref = referentie_param(rq), *contact, *start, *vcode;
	struct afspraak a;
	struct vestiging v;
	struct err probe;
	int64_t t = 0;
	json_t *body;
	enum status st;

	if (req_check_query(rq, NULL, e) ||
	    afspraak_toegang(rq, ref, &contact, &a, e) ||
	    req_json_patch(rq, &body, e))
		return e->status;
	body_check_keys(body, keys, e);
	start = body_str(body, "start", true, e);
	if (start && !tijd_parse(start, &t))
		err_invalid(e, "start", "date-time",
			    "Schrijf het begin als 2026-12-07T09:30:00+01:00 "
			    "(plaatselijke tijd met de afwijking van UTC).");
	vcode = body_str(body, "vestiging", false, e);
	if (vcode) {
		err_clear(&probe);
		if (afspraak_check_code(vcode, "vestiging", &probe) != ST_OK ||
		    store_vestiging_get(rq->store, vcode, rq->today, &rq->a, &v,
					&probe) != ST_OK ||
		    strcmp(v.gemeente, a.gemeente) != 0)
			geen_vestiging_veld("vestiging", vcode, e);
		else
			vcode = v.code;
	}
	if (e->status) {
		json_decref(body);
		return e->status;
	}
	st = store_afspraak_move(rq->store, a.referentie, contact, vcode, t,
				 &rq->a, &a, e);
	json_decref(body);
	if (st == ST_NOT_FOUND)
		return geen_afspraak(e);
	if (st)
		return st;
	return afspraak_antwoord(rq, rs, 200, &a, contact);
}

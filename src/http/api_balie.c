/*
 * api_balie.c - the desk in the API (docs/design/appointments.md, "The
 * desk"): a location's day list, a municipality's day across its
 * locations, marking an appointment arrived, served or no-show, a
 * walk-in, and the statistics of a period.
 *
 * Who: the beheerder, and a planner or baliemedewerker of the
 * municipality (authz_balie). A location or appointment of another
 * municipality answers exactly as one that does not exist.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "api.h"
#include "auth.h"
#include "body.h"
#include "../core/access.h"
#include "../core/text.h"
#include "../present/json.h"
#include "../store/store_afspraak.h"
#include "../banned.h"

#define REFERENTIE_POGINGEN 8

static enum status
geen_vestiging(const char *code, struct err *e)
{
	err_clear(e);
	return err_set(e, ST_NOT_FOUND, "Er is geen vestiging '%.64s'.",
		       code ? code : "");
}

static enum status
geen_afspraak(struct err *e)
{
	err_clear(e);
	return err_set(e, ST_NOT_FOUND,
		       "Er is geen afspraak met deze referentie en dit "
		       "e-mailadres of telefoonnummer.");
}

/* A location whose desk the principal works at; others do not exist. */
static enum status
balie_vestiging(struct request *rq, const char *code, struct vestiging *v,
		struct err *e)
{
	enum status st;

	if (!code || afspraak_check_code(code, "vestiging", NULL) != ST_OK)
		return geen_vestiging(code, e);
	st = store_vestiging_get(rq->store, code, rq->today, &rq->a, v, e);
	if (st == ST_NOT_FOUND ||
	    (st == ST_OK && !authz_balie_vestiging(rq, v->gemeente, v->code)))
		return geen_vestiging(code, e);
	return st;
}

static json_t *
tijd_json(int64_t utc)
{
	char buf[AFSPRAAK_TIJD_LEN];

	afspraak_format_tijd(utc, buf);
	return json_string(buf);
}

/* One line of the day list: no e-mail address or telephone number. */
static json_t *
regel_json(const struct afspraak *a)
{
	json_t *j = json_object(), *pr = json_array();

	json_object_set_new(j, "referentie", jstr(a->referentie));
	json_object_set_new(j, "vestiging", jstr(a->vestiging));
	json_object_set_new(j, "kanaal", jstr(kanaal_name(a->kanaal)));
	json_object_set_new(j, "start", tijd_json(a->start));
	json_object_set_new(j, "eind", tijd_json(a->eind));
	json_object_set_new(j, "naam", jstr(a->naam));
	for (size_t i = 0; i < a->nregels; i++) {
		json_t *r = json_object();

		json_object_set_new(r, "product", jstr(a->regels[i].product));
		json_object_set_new(r, "naam", jstr(a->regels[i].naam));
		json_object_set_new(r, "personen",
				    json_integer(a->regels[i].personen));
		json_array_append_new(pr, r);
	}
	json_object_set_new(j, "producten", pr);
	json_object_set_new(j, "status", jstr(afspraak_status_name(a->status)));
	json_object_set_new(j, "inloop", json_boolean(a->inloop));
	json_object_set_new(j, "medewerker", jstr(a->medewerker));
	json_object_set_new(j, "balie",
			    a->balie ? json_integer(a->balie) : json_null());
	return j;
}

static enum status
dag_antwoord(struct request *rq, struct response *rs, const char *gemeente,
	     const char *vestiging, day_t dag, struct err *e)
{
	struct afspraak *a;
	size_t n;
	json_t *all;

	if (store_afspraak_list(rq->store, gemeente, vestiging, dag, &rq->a, &a,
				&n, e))
		return e->status;
	all = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(all, regel_json(&a[i]));
	rs->personal = true;
	return resp_list(rq, rs, all, e);
}

static day_t
dag_param(struct request *rq, struct err *e)
{
	day_t d = DATE_NONE;

	if (req_query_date(rq, "datum", &d, e) || d == DATE_NONE)
		return rq->today;
	return d;
}

enum status
api_balie_vestiging(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "datum", "page", "pageSize", NULL };
	struct vestiging v;
	day_t dag;

	if (req_check_query(rq, keys, e))
		return e->status;
	dag = dag_param(rq, e);
	if (e->status || balie_vestiging(rq, req_param(rq, "vestiging"), &v, e))
		return e->status;
	return dag_antwoord(rq, rs, v.gemeente, v.code, dag, e);
}

/* A municipality's day across its locations (the planner's view). */
enum status
api_balie_list(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "gemeente", "datum", "page",
					    "pageSize", NULL };
	const char *gemeente = kv_get(&rq->query, "gemeente");
	day_t dag;

	if (req_check_query(rq, keys, e))
		return e->status;
	dag = dag_param(rq, e);
	if (e->status)
		return e->status;
	if (!gemeente)
		gemeente = auth_eigen_gemeente(rq, true);
	if (!gemeente)
		return err_invalid(e, "gemeente", "required",
				   "Noem de gemeente (CBS-code, zoals "
				   "GM0358).");
	if (!authz_balie(rq, gemeente)) {
		auth_audit_geweigerd(rq, 403, "toegang", gemeente, rq->path);
		return err_set(e, ST_FORBIDDEN,
			       "U mag de balie van %.16s niet inzien: uw "
			       "account heeft daar geen rol.",
			       gemeente);
	}
	return dag_antwoord(rq, rs, gemeente, NULL, dag, e);
}

/* The reference code of the path in capitals; NULL when it is none. */
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

enum status
api_afspraken_status(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "status", NULL };
	const char *ref = referentie_param(rq), *status;
	enum afspraak_status nieuw = AS_GEBOEKT;
	struct afspraak a;
	json_t *body;
	enum status st;

	if (req_check_query(rq, NULL, e))
		return e->status;
	/* Whose it is first: another municipality's is not there. */
	if (!ref)
		return geen_afspraak(e);
	st = store_afspraak_get(rq->store, ref, NULL, &rq->a, &a, e);
	if (st == ST_NOT_FOUND ||
	    (st == ST_OK &&
	     !authz_balie_vestiging(rq, a.gemeente, a.vestiging)))
		return geen_afspraak(e);
	if (st || req_json_body(rq, &body, e))
		return e->status;
	body_check_keys(body, keys, e);
	status = body_str(body, "status", true, e);
	if (status && (afspraak_status_parse(status, &nieuw) != 0 ||
		       nieuw == AS_GEANNULEERD))
		err_invalid(e, "status", "enum",
			    "Kies aanwezig, geholpen, niet_verschenen of "
			    "geboekt (terugzetten).");
	json_decref(body);
	if (e->status)
		return e->status;
	if (store_afspraak_status(rq->store, a.referentie, nieuw, &rq->a, &a,
				  e))
		return e->status == ST_NOT_FOUND ? geen_afspraak(e) : e->status;
	rs->personal = true;
	return resp_json(rq, rs, 200, regel_json(&a));
}

enum status
api_balie_inloop(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "product", "personen", "naam",
					    NULL };
	struct afspraak_regel regel = { 0 };
	struct afspraak_boeking b = {
		.vraag = { .regels = &regel, .nregels = 1 }, .inloop = true
	};
	char ref[AFSPRAAK_REFERENTIE_LEN + 1];
	struct vestiging v;
	struct afspraak a;
	bool opnieuw = false;
	int64_t personen = 1;
	json_t *body;

	if (req_check_query(rq, NULL, e) ||
	    balie_vestiging(rq, req_param(rq, "vestiging"), &v, e) ||
	    req_json_body(rq, &body, e))
		return e->status;
	body_check_keys(body, keys, e);
	regel.product = body_str(body, "product", true, e);
	if (regel.product)
		afspraak_check_code(regel.product, "product", e);
	body_int(body, "personen", false, 1, AFSPRAAK_MAX_PERSONEN, &personen,
		 e);
	regel.personen = (int)personen;
	b.naam = body_str(body, "naam", false, e);
	if (b.naam)
		text_check_max(b.naam, "naam", AFSPRAAK_MAX_NAAM, e);
	if (e->status) {
		json_decref(body);
		return e->status;
	}
	b.vraag.gemeente = v.gemeente;
	b.vraag.vestiging = v.code;
	b.vraag.kanaal = v.kanaal;
	for (int poging = 0;; poging++) {
		uint8_t rnd[5];

		randombytes_buf(rnd, sizeof(rnd));
		afspraak_referentie(rnd, ref);
		b.referentie = ref;
		if (store_afspraak_add(rq->store, &b, &rq->a, &a, &opnieuw,
				       e) == ST_OK)
			break;
		if (e->status != ST_CONFLICT || e->nproblems == 0 ||
		    strcmp(e->problems[0].name, "referentie") != 0 ||
		    poging + 1 == REFERENTIE_POGINGEN)
			break;
		err_clear(e);
	}
	if (e->status == ST_NOT_FOUND) {
		err_clear(e);
		err_invalid(e, "product", "not-found",
			    "Gemeente %.16s heeft geen product '%.64s'.",
			    v.gemeente, regel.product);
	}
	json_decref(body);
	for (size_t i = 0; i < e->nproblems; i++)
		if (strncmp(e->problems[i].name, "regels[", 7) == 0)
			snprintf(e->problems[i].name,
				 sizeof(e->problems[i].name), "%s",
				 strstr(e->problems[i].name, "personen")
					 ? "personen"
					 : "product");
	if (e->status)
		return e->status;
	/* Who serves, for the desk: read back as staff. */
	if (store_afspraak_get(rq->store, a.referentie, NULL, &rq->a, &a, e))
		return e->status;
	{
		char loc[64];

		snprintf(loc, sizeof(loc), API_BASE "/afspraken/%s",
			 a.referentie);
		rs->location = arena_strdup(&rq->a, loc);
	}
	rs->personal = true;
	return resp_json(rq, rs, 201, regel_json(&a));
}

/* ---- statistics ---- */

/* Whole minutes, half up, of s seconds over n; null without any. */
static json_t *
gemiddeld(int64_t s, int64_t n)
{
	if (n <= 0)
		return json_null();
	return json_integer((s + 30 * n) / (60 * n));
}

enum status
api_afspraakstatistiek(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "gemeente", "van", "tot", NULL };
	const char *gemeente = kv_get(&rq->query, "gemeente");
	struct afspraak_telling *t;
	day_t van = DATE_NONE, tot = DATE_NONE;
	size_t n;
	json_t *all;

	if (req_check_query(rq, keys, e))
		return e->status;
	req_query_date(rq, "van", &van, e);
	req_query_date(rq, "tot", &tot, e);
	if (!gemeente)
		err_invalid(e, "gemeente", "required",
			    "Noem de gemeente (CBS-code, zoals GM0358).");
	if (e->status)
		return e->status;
	/* The figures of the council's reports: the desk, the planners,
	 * and the municipality's accounthouders and raadsleden. */
	if (!authz_balie(rq, gemeente) &&
	    !auth_has_role(&rq->who, ROL_ACCOUNTHOUDER, gemeente) &&
	    !auth_has_role(&rq->who, ROL_RAADSLID, gemeente)) {
		auth_audit_geweigerd(rq, 403, "toegang", gemeente, rq->path);
		return err_set(e, ST_FORBIDDEN,
			       "U mag de cijfers van de balie van %.16s niet "
			       "inzien: uw account heeft daar geen rol.",
			       gemeente);
	}
	if (store_afspraak_statistiek(rq->store, gemeente, van, tot, &rq->a, &t,
				      &n, e))
		return e->status;
	all = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *j = json_object();

		json_object_set_new(j, "soort", jstr(t[i].soort));
		json_object_set_new(j, "kanaal", jstr(t[i].kanaal));
		json_object_set_new(j, "vestiging", jstr(t[i].vestiging));
		json_object_set_new(j, "vestigingNaam",
				    jstr(t[i].vestiging_naam));
		json_object_set_new(j, "product", jstr(t[i].product));
		json_object_set_new(j, "geboekt", json_integer(t[i].geboekt));
		json_object_set_new(j, "inloop", json_integer(t[i].inloop));
		json_object_set_new(j, "geholpen", json_integer(t[i].geholpen));
		json_object_set_new(j, "nietVerschenen",
				    json_integer(t[i].niet_verschenen));
		json_object_set_new(j, "geannuleerd",
				    json_integer(t[i].geannuleerd));
		json_object_set_new(j, "wachttijdAantal",
				    json_integer(t[i].wacht_n));
		json_object_set_new(
			j, "wachttijdMinutenGemiddeld",
			gemiddeld(t[i].wacht_seconden, t[i].wacht_n));
		json_array_append_new(all, j);
	}
	return resp_json(rq, rs, 200, all);
}

/*
 * api_kosten.c - the contribution calculation in the API: cost pools (read,
 * replaced from a CSV body), scenarios, and calculations (computed and
 * stored, read back recomputed and checked, adopted by a decision,
 * compared). docs/allocation.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "auth.h"
#include "body.h"
#include "../core/text.h"
#include "../present/json.h"
#include "../present/kostenverdeling.h"
#include "../banned.h"

/* ?samenwerking=&jaar= (both required); reading needs a role there. */
static enum status
jaar_vraag(struct request *rq, const char **sw, int *jaar, bool schrijven,
	   struct err *e)
{
	const char *j = kv_get(&rq->query, "jaar");
	struct samenwerking s;

	*sw = kv_get(&rq->query, "samenwerking");
	*jaar = 0;
	if (!*sw)
		err_invalid(e, "samenwerking", "required",
			    "Noem de samenwerking (bijvoorbeeld AA).");
	if (!j)
		err_invalid(e, "jaar", "required",
			    "Noem het jaar, bijvoorbeeld 2024.");
	req_jaar(j, jaar, e);
	if (e->status || store_samenwerking_get(rq->store, &rq->a, *sw, &s, e))
		return e->status;
	return schrijven ? authz_samenwerking(rq, *sw, e)
			 : authz_kosten_lezen(rq, *sw, e);
}

/* ---- kostenposten ---- */

static json_t *
posten_json(const struct kosten_jaar *k)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < k->nposten; i++) {
		const struct kosten_post *p = &k->posten[i];
		json_t *o = json_object();
		json_object_set_new(o, "code", jstr(p->code));
		json_object_set_new(o, "eenheid", jstr(p->eenheid));
		json_object_set_new(o, "kostensoort", jstr(p->kostensoort));
		json_object_set_new(o, "taakveld", jstr(p->taakveld));
		json_object_set_new(o, "bedragCenten", json_integer(p->bedrag));
		json_object_set_new(o, "datum", jdate(p->datum));
		json_array_append_new(arr, o);
	}
	return arr;
}

enum status
api_kostenposten_list(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "samenwerking", "jaar", "page",
					    "pageSize", NULL };
	struct kosten_jaar k;
	const char *sw;
	int jaar;

	if (req_check_query(rq, keys, e) ||
	    jaar_vraag(rq, &sw, &jaar, false, e) ||
	    store_kosten_jaar(rq->store, &rq->a, sw, jaar, &k, e))
		return e->status;
	return resp_list(rq, rs, posten_json(&k), e);
}

enum status
api_kostenposten_post(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "samenwerking", "jaar", NULL };
	struct kosten_post *p = NULL;
	struct kosten_jaar k;
	const char *sw;
	size_t n = 0;
	int jaar;

	if (req_check_query(rq, keys, e) || jaar_vraag(rq, &sw, &jaar, true, e))
		return e->status;
	if (!media_csv(rq->content_type))
		return err_set(e, ST_UNSUPPORTED,
			       "Stuur de kostenposten als text/csv.");
	enum status st = kosten_csv_lees(&rq->a, rq->body ? rq->body : "",
					 rq->body_len, &p, &n, e);
	/* Also check what could be read against the register, so that every
	 * problem is named at once; nothing is stored then. */
	if (st == ST_OK || (st == ST_INVALID && p))
		store_kostenposten_vervang(rq->store, sw, jaar, p, n, e);
	if (e->status || store_kosten_jaar(rq->store, &rq->a, sw, jaar, &k, e))
		return e->status;
	return resp_json(rq, rs, 200, posten_json(&k));
}

/*
 * A cooperation the caller may not write for answers as not existing, as
 * does an unknown one: its pools are not the caller's business.
 */
static enum status
post_samenwerking(struct request *rq, const char *sw, const char *code,
		  struct err *e)
{
	struct samenwerking s;
	struct err stil = { 0 };

	if (store_samenwerking_get(rq->store, &rq->a, sw, &s, e) ==
		    ST_NOT_FOUND ||
	    (e->status == ST_OK && authz_samenwerking(rq, sw, &stil))) {
		err_clear(e);
		return err_set(e, ST_NOT_FOUND,
			       "Er is geen kostenpost %.40s van samenwerking "
			       "%.20s.",
			       code, sw);
	}
	return e->status;
}

enum status
api_kostenposten_put(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "samenwerking", "jaar",
					    "eenheid",	    "kostensoort",
					    "taakveld",	    "bedragCenten",
					    "datum",	    NULL };
	struct kosten_post p = { .datum = DATE_NONE };
	struct kosten_jaar k;
	const char *sw;
	int64_t jaar = 0;
	json_t *body;

	p.code = req_param(rq, "code");
	if (req_check_query(rq, NULL, e) || req_json_body(rq, &body, e))
		return e->status;
	body_check_keys(body, keys, e);
	sw = body_str(body, "samenwerking", true, e);
	if (sw && text_check_max(sw, "samenwerking", 20, e) == ST_OK &&
	    post_samenwerking(rq, sw, p.code, e) == ST_NOT_FOUND) {
		json_decref(body);
		return e->status;
	}
	body_int(body, "jaar", true, DATE_JAAR_MIN, DATE_JAAR_MAX, &jaar, e);
	p.eenheid = body_str(body, "eenheid", true, e);
	text_check_max(p.eenheid, "eenheid", 64, e);
	p.kostensoort = body_str(body, "kostensoort", true, e);
	p.taakveld = body_str(body, "taakveld", false, e);
	body_int(body, "bedragCenten", true, -KV_MAX_BEDRAG, KV_MAX_BEDRAG,
		 &p.bedrag, e);
	p.datum = body_date(body, "datum", false, e);
	int dj = 0, dm, dd;
	if (p.datum != DATE_NONE)
		date_to_ymd(p.datum, &dj, &dm, &dd);
	if (p.datum != DATE_NONE && dj != jaar)
		err_invalid(e, "datum", "range",
			    "De datum moet in het jaar %d liggen.", (int)jaar);
	/* Copied out of the body before it goes. */
	p.eenheid = p.eenheid ? arena_strdup(&rq->a, p.eenheid) : NULL;
	p.kostensoort =
		p.kostensoort ? arena_strdup(&rq->a, p.kostensoort) : NULL;
	p.taakveld = p.taakveld ? arena_strdup(&rq->a, p.taakveld) : NULL;
	sw = sw ? arena_strdup(&rq->a, sw) : NULL;
	json_decref(body);
	if (e->status ||
	    store_kostenpost_zet(rq->store, sw, (int)jaar, &p, e) ||
	    store_kosten_jaar(rq->store, &rq->a, sw, (int)jaar, &k, e))
		return e->status;
	for (size_t i = 0; i < k.nposten; i++)
		if (strcmp(k.posten[i].code, p.code) == 0) {
			struct kosten_jaar een = k;
			een.posten = &k.posten[i];
			een.nposten = 1;
			json_t *arr = posten_json(&een);
			json_t *o = json_incref(json_array_get(arr, 0));
			json_decref(arr);
			return resp_json(rq, rs, 200, o);
		}
	return err_set(e, ST_INTERNAL, "De kostenpost is niet teruggevonden.");
}

enum status
api_kostenposten_delete(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "samenwerking", "jaar", NULL };
	const char *code = req_param(rq, "code");
	const char *sw = kv_get(&rq->query, "samenwerking");
	const char *j = kv_get(&rq->query, "jaar");
	int jaar = 0;

	if (req_check_query(rq, keys, e))
		return e->status;
	if (!sw)
		err_invalid(e, "samenwerking", "required",
			    "Noem de samenwerking (bijvoorbeeld AA).");
	if (!j)
		err_invalid(e, "jaar", "required",
			    "Noem het jaar, bijvoorbeeld 2024.");
	req_jaar(j, &jaar, e);
	if (e->status || post_samenwerking(rq, sw, code, e) ||
	    store_kostenpost_delete(rq->store, sw, jaar, code, e))
		return e->status;
	rs->status = 204;
	rs->body = "";
	rs->len = 0;
	return ST_OK;
}

/* ---- scenario's ---- */

static json_t *
scenario_json(const struct scenario *sc)
{
	json_t *o = json_object(), *w = json_array();
	json_object_set_new(o, "samenwerking", jstr(sc->samenwerking));
	json_object_set_new(o, "jaar", json_integer(sc->jaar));
	json_object_set_new(o, "naam", jstr(sc->naam));
	json_object_set_new(o, "omschrijving", jstr(sc->omschrijving));
	for (size_t i = 0; i < sc->nwijzigingen; i++) {
		const struct scenario_wijziging *x = &sc->wijzigingen[i];
		json_t *j = json_object();
		json_object_set_new(j, "soort",
				    json_string(scenario_soort_naam(x->soort)));
		if (x->eenheid)
			json_object_set_new(j, "eenheid", jstr(x->eenheid));
		if (x->gemeente)
			json_object_set_new(j, "gemeente", jstr(x->gemeente));
		if (x->vanaf != DATE_NONE)
			json_object_set_new(j, "vanaf", jdate(x->vanaf));
		if (x->soort == SC_GRONDSLAG)
			json_object_set_new(
				j, "grondslag",
				json_string(kv_basis_naam(x->grondslag)));
		if (x->soort == SC_KOSTENPOST) {
			json_object_set_new(j, "kostenpost",
					    jstr(x->kostenpost));
			json_object_set_new(j, "bedragCenten",
					    json_integer(x->bedrag));
		}
		json_array_append_new(w, j);
	}
	json_object_set_new(o, "wijzigingen", w);
	return o;
}

enum status
api_scenarios_list(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "samenwerking", "jaar", "page",
					    "pageSize", NULL };
	struct scenario *sc;
	const char *sw;
	size_t n;
	int jaar;

	if (req_check_query(rq, keys, e) ||
	    jaar_vraag(rq, &sw, &jaar, false, e) ||
	    store_scenario_list(rq->store, &rq->a, sw, jaar, &sc, &n, e))
		return e->status;
	json_t *all = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(all, scenario_json(&sc[i]));
	return resp_list(rq, rs, all, e);
}

/* One change of a scenario from the body. */
static void
wijziging_uit(json_t *o, size_t i, struct scenario_wijziging *w, struct err *e)
{
	static const char *const keys[] = { "soort",	    "eenheid",
					    "gemeente",	    "vanaf",
					    "grondslag",    "kostenpost",
					    "bedragCenten", NULL };
	char veld[48];
	const char *soort, *gs;

	memset(w, 0, sizeof *w);
	w->vanaf = DATE_NONE;
	snprintf(veld, sizeof veld, "wijzigingen[%zu]", i);
	if (!json_is_object(o)) {
		err_invalid(e, veld, "type", "Een wijziging is een object.");
		return;
	}
	body_check_keys(o, keys, e);
	soort = body_str(o, "soort", true, e);
	if (soort && scenario_soort_van(soort, &w->soort)) {
		err_invalid(e, veld, "enum",
			    "Soort '%.30s' bestaat niet (eigen, gedeeld, "
			    "ondergebracht, grondslag of kostenpost).",
			    soort);
		return;
	}
	w->eenheid = body_str(o, "eenheid", w->soort != SC_KOSTENPOST, e);
	w->gemeente = body_str(o, "gemeente", w->soort == SC_EIGEN, e);
	w->vanaf = body_date(o, "vanaf", w->soort <= SC_ONDERGEBRACHT, e);
	gs = body_str(o, "grondslag", w->soort == SC_GRONDSLAG, e);
	w->grondslag = kv_basis_van(gs);
	if (gs && (w->grondslag == KV_GEEN || w->grondslag == KV_DIRECT))
		err_invalid(e, veld, "enum", "Grondslag '%.30s' bestaat niet.",
			    gs);
	w->kostenpost = body_str(o, "kostenpost", w->soort == SC_KOSTENPOST, e);
	body_int(o, "bedragCenten", false, -KV_MAX_BEDRAG, KV_MAX_BEDRAG,
		 &w->bedrag, e);
}

enum status
api_scenarios_post(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "samenwerking", "jaar",
					    "naam",	    "omschrijving",
					    "wijzigingen",  NULL };
	struct scenario sc = { 0 }, uit;
	json_t *body, *w;
	int64_t id, jaar = 0;

	if (req_check_query(rq, NULL, e) || req_json_body(rq, &body, e))
		return e->status;
	body_check_keys(body, keys, e);
	sc.samenwerking = body_str(body, "samenwerking", true, e);
	/* Who may not write there hears so before anything else. */
	if (sc.samenwerking && authz_samenwerking(rq, sc.samenwerking, e)) {
		json_decref(body);
		return e->status;
	}
	body_int(body, "jaar", true, DATE_JAAR_MIN, DATE_JAAR_MAX, &jaar, e);
	sc.jaar = (int)jaar; /* 0, or within the years */
	sc.naam = body_str(body, "naam", true, e);
	sc.omschrijving = body_str(body, "omschrijving", false, e);
	w = json_object_get(body, "wijzigingen");
	if (!json_is_array(w) || json_array_size(w) == 0) {
		err_invalid(e, "wijzigingen", "required",
			    "Noem minstens één wijziging.");
	} else {
		sc.nwijzigingen = json_array_size(w);
		sc.wijzigingen = arena_calloc(&rq->a, sc.nwijzigingen,
					      sizeof *sc.wijzigingen);
		for (size_t i = 0; sc.wijzigingen && i < sc.nwijzigingen; i++)
			wijziging_uit(json_array_get(w, i), i,
				      &sc.wijzigingen[i], e);
	}
	if (e->status == ST_OK)
		store_scenario_maak(rq->store, &sc, &id, e);
	if (e->status == ST_OK)
		store_scenario_get(rq->store, &rq->a, sc.samenwerking, sc.jaar,
				   sc.naam, &uit, e);
	json_decref(body);
	if (e->status)
		return e->status;
	return resp_json(rq, rs, 201, scenario_json(&uit));
}

enum status
api_scenarios_delete(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "samenwerking", "jaar", NULL };
	const char *naam = req_param(rq, "naam");
	const char *sw;
	int jaar;

	if (req_check_query(rq, keys, e) ||
	    jaar_vraag(rq, &sw, &jaar, true, e) ||
	    store_scenario_delete(rq->store, sw, jaar, naam, e))
		return e->status;
	rs->status = 204;
	rs->body = "";
	rs->len = 0;
	return ST_OK;
}

/* ---- kostenverdelingen ---- */

static json_t *
kv_meta_json(const struct kostenverdeling *k)
{
	json_t *o = json_object(), *v = json_null();
	char self[96];
	json_object_set_new(o, "nummer", json_integer(k->id));
	json_object_set_new(o, "samenwerking", jstr(k->samenwerking));
	json_object_set_new(o, "jaar", json_integer(k->jaar));
	json_object_set_new(o, "scenario", jstr(k->scenario));
	json_object_set_new(o, "invoerSha256", jstr(k->sha256));
	json_object_set_new(o, "totaalCenten", json_integer(k->totaal));
	json_object_set_new(o, "berekend", jstr(k->berekend));
	json_object_set_new(o, "door", jstr(k->door));
	if (k->vastgesteld) {
		v = json_object();
		json_object_set_new(v, "besluit", jstr(k->besluit));
		json_object_set_new(v, "verantwoordelijkeOrganisatie",
				    jstr(k->besluit_organisatie));
		json_object_set_new(v, "op", jstr(k->vastgesteld));
	}
	json_object_set_new(o, "vastgesteld", v);
	snprintf(self, sizeof self, API_BASE "/kostenverdelingen/%lld",
		 (long long)k->id);
	json_object_set_new(o, "_links",
			    json_pack("{s:{s:s}}", "self", "href", self));
	return o;
}

enum status
api_kostenverdelingen_list(struct request *rq, struct response *rs,
			   struct err *e)
{
	static const char *const keys[] = { "samenwerking", "jaar", "page",
					    "pageSize", NULL };
	const char *sw = kv_get(&rq->query, "samenwerking");
	const char *j = kv_get(&rq->query, "jaar");
	struct kostenverdeling *k;
	struct samenwerking s;
	size_t n;
	int jaar = 0;

	if (req_check_query(rq, keys, e) || req_jaar(j, &jaar, e))
		return e->status;
	if (!sw && !auth_has_role(&rq->who, ROL_BEHEERDER, NULL))
		return err_invalid(e, "samenwerking", "required",
				   "Noem de samenwerking (bijvoorbeeld AA).");
	if ((sw && (store_samenwerking_get(rq->store, &rq->a, sw, &s, e) ||
		    authz_kosten_lezen(rq, sw, e))) ||
	    store_kostenverdeling_list(rq->store, &rq->a, sw, jaar, &k, &n, e))
		return e->status;
	json_t *all = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(all, kv_meta_json(&k[i]));
	return resp_list(rq, rs, all, e);
}

/* Calculation {nummer} (or `id_tekst`), recomputed and checked, with the
 * right to read it. */
static enum status
lees_berekening(struct request *rq, const char *id_tekst,
		struct kostenverdeling *k, struct kv_uitkomst *u, struct err *e)
{
	int64_t id = 0;
	if (!id_tekst)
		return err_set(e, ST_NOT_FOUND,
			       "Kostenverdeling bestaat niet.");
	if (req_int(id_tekst, "nummer", 1, ID_MAX, &id, e))
		return e->status;
	if (store_kostenverdeling_get(rq->store, &rq->a, id, k, e))
		return e->status;
	/* Someone else's calculation does not exist, as far as they know. */
	if (!authz_cijfers_zichtbaar(rq, k->samenwerking))
		return err_set(e, ST_NOT_FOUND,
			       "Kostenverdeling %.20s bestaat niet.", id_tekst);
	return kv_herreken(k->invoer, k->uitkomst, k->sha256, &rq->a, u, e);
}

enum status
kostenverdeling_van(struct request *rq, const char *id_tekst,
		    struct kostenverdeling *k, struct kv_uitkomst *u,
		    struct err *e)
{
	return lees_berekening(rq, id_tekst, k, u, e);
}

static json_t *
volledig_json(const struct kostenverdeling *k)
{
	json_t *o = kv_meta_json(k);
	json_error_t je;
	json_object_set_new(o, "uitkomst", json_loads(k->uitkomst, 0, &je));
	json_object_set_new(o, "invoer", json_loads(k->invoer, 0, &je));
	return o;
}

enum status
api_kostenverdelingen_get(struct request *rq, struct response *rs,
			  struct err *e)
{
	struct kostenverdeling k;
	struct kv_uitkomst u;

	if (req_check_query(rq, NULL, e) ||
	    lees_berekening(rq, req_param(rq, "nummer"), &k, &u, e))
		return e->status;
	return resp_json(rq, rs, 200, volledig_json(&k));
}

/* Compute a cooperation's year (or scenario) and store it: its number. */
enum status
kostenverdeling_bereken(struct request *rq, const char *sw, int jaar,
			const char *scenario, int64_t *id, bool *bestond,
			struct err *e)
{
	struct kv_invoer in;
	struct kv_uitkomst u;
	char *json = NULL;

	if (authz_samenwerking(rq, sw, e) ||
	    store_kosten_invoer(rq->store, &rq->a, sw, jaar, scenario, &in,
				e) ||
	    kv_json_reken(&in, &rq->a, &u, &json, e))
		return e->status;
	struct kostenverdeling k = { .samenwerking = sw,
				     .jaar = jaar,
				     .scenario = scenario,
				     .invoer = u.invoer,
				     .sha256 = u.sha256,
				     .uitkomst = json,
				     .totaal = u.totaal };
	store_kostenverdeling_bewaar(rq->store, &k, id, bestond, e);
	free(json);
	return e->status;
}

enum status
api_kostenverdelingen_post(struct request *rq, struct response *rs,
			   struct err *e)
{
	static const char *const keys[] = { "samenwerking", "jaar", "scenario",
					    NULL };
	struct kostenverdeling k;
	struct samenwerking s;
	json_t *body;
	int64_t id = 0;
	bool bestond = false;
	char loc[96];

	if (req_check_query(rq, NULL, e) || req_json_body(rq, &body, e))
		return e->status;
	body_check_keys(body, keys, e);
	const char *sw = body_str(body, "samenwerking", true, e);
	if (sw && authz_samenwerking(rq, sw, e)) {
		json_decref(body);
		return e->status;
	}
	int64_t jaar = 0;
	body_int(body, "jaar", true, DATE_JAAR_MIN, DATE_JAAR_MAX, &jaar, e);
	const char *scenario = body_str(body, "scenario", false, e);
	sw = sw ? arena_strdup(&rq->a, sw) : NULL;
	scenario = scenario ? arena_strdup(&rq->a, scenario) : NULL;
	json_decref(body);
	if (e->status || store_samenwerking_get(rq->store, &rq->a, sw, &s, e) ||
	    kostenverdeling_bereken(rq, sw, (int)jaar, scenario, &id, &bestond,
				    e) ||
	    store_kostenverdeling_get(rq->store, &rq->a, id, &k, e))
		return e->status;
	snprintf(loc, sizeof loc, API_BASE "/kostenverdelingen/%lld",
		 (long long)id);
	rs->location = arena_strdup(&rq->a, loc);
	/* The same input again: the stored calculation, 200. */
	return resp_json(rq, rs, bestond ? 200 : 201, volledig_json(&k));
}

enum status
api_kostenverdelingen_vaststelling(struct request *rq, struct response *rs,
				   struct err *e)
{
	static const char *const keys[] = { "besluit",
					    "verantwoordelijkeOrganisatie",
					    NULL };
	struct kostenverdeling k;
	struct kv_uitkomst u;
	json_t *body;

	if (req_check_query(rq, NULL, e) || req_json_body(rq, &body, e))
		return e->status;
	body_check_keys(body, keys, e);
	const char *besluit = body_str(body, "besluit", true, e);
	const char *org =
		body_str(body, "verantwoordelijkeOrganisatie", false, e);
	besluit = besluit ? arena_strdup(&rq->a, besluit) : NULL;
	org = org ? arena_strdup(&rq->a, org) : NULL;
	json_decref(body);
	if (e->status ||
	    lees_berekening(rq, req_param(rq, "nummer"), &k, &u, e) ||
	    authz_samenwerking(rq, k.samenwerking, e) ||
	    store_kostenverdeling_vaststellen(rq->store, k.id, besluit, org,
					      e) ||
	    store_kostenverdeling_get(rq->store, &rq->a, k.id, &k, e))
		return e->status;
	return resp_json(rq, rs, 200, volledig_json(&k));
}

static const char *const dimensies[] = { "totaal", "afdeling", "taakveld" };

enum status
api_kostenverdelingen_vergelijking(struct request *rq, struct response *rs,
				   struct err *e)
{
	static const char *const keys[] = { "met", NULL };
	struct kostenverdeling ka, kb;
	struct kv_uitkomst ua, ub;
	struct kv_verschil *v;
	size_t n;
	int64_t met = 0;

	if (req_check_query(rq, keys, e))
		return e->status;
	if (!kv_get(&rq->query, "met"))
		return err_invalid(e, "met", "required",
				   "Noem met ?met= de kostenverdeling om mee "
				   "te vergelijken.");
	if (req_int(kv_get(&rq->query, "met"), "met", 1, ID_MAX, &met, e))
		return e->status;
	if (lees_berekening(rq, req_param(rq, "nummer"), &ka, &ua, e) ||
	    lees_berekening(rq, kv_get(&rq->query, "met"), &kb, &ub, e) ||
	    kv_vergelijk(&ua, &ub, &rq->a, &v, &n, e))
		return e->status;
	json_t *o = json_object(), *arr = json_array();
	json_object_set_new(o, "eerste", kv_meta_json(&ka));
	json_object_set_new(o, "tweede", kv_meta_json(&kb));
	for (size_t i = 0; i < n; i++)
		json_array_append_new(
			arr, json_pack("{s:s,s:s,s:o,s:I,s:I,s:I}", "gemeente",
				       v[i].gemeente, "dimensie",
				       dimensies[v[i].dimensie], "sleutel",
				       jstr(v[i].sleutel), "eersteCenten",
				       (json_int_t)v[i].a, "tweedeCenten",
				       (json_int_t)v[i].b, "verschilCenten",
				       (json_int_t)(v[i].b - v[i].a)));
	json_object_set_new(o, "verschillen", arr);
	return resp_json(rq, rs, 200, o);
}

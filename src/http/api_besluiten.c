/*
 * api_besluiten.c - the decisions register in the API, with the field
 * names of the ZGW Besluiten API: list with filters and pages, one
 * decision, adding one, its status history and the register changes it
 * enacted.
 */
#include <stdio.h>
#include <string.h>

#include "api.h"
#include "auth.h"
#include "body.h"
#include "../present/json.h"
#include "../present/present.h"
#include "../banned.h"

/* Parse an enumeration filter; -1 when absent. */
static int
enum_filter(struct request *rq, const char *key,
	    int (*parse)(const char *, int *), const char *choices,
	    struct err *e)
{
	const char *v = kv_get(&rq->query, key);
	int out;

	if (!v)
		return -1;
	if (parse(v, &out)) {
		err_invalid(e, key, "enum", "Kies %s.", choices);
		return -1;
	}
	return out;
}

static int
p_orgaan(const char *s, int *out)
{
	enum bestuursorgaan v;
	int r = bestuursorgaan_parse(s, &v);
	*out = (int)v;
	return r;
}

static int
p_status(const char *s, int *out)
{
	enum besluit_status v;
	int r = besluit_status_parse(s, &v);
	*out = (int)v;
	return r;
}

static int
p_open(const char *s, int *out)
{
	enum openbaarheid v;
	int r = openbaarheid_parse(s, &v);
	*out = (int)v;
	return r;
}

enum status
api_besluiten_list(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "page",
					    "pageSize",
					    "verantwoordelijkeOrganisatie",
					    "bestuursorgaan",
					    "status",
					    "openbaarheid",
					    "datumVanaf",
					    "datumTot",
					    "zoek",
					    NULL };
	struct besluit_filter f;
	struct besluit *b;
	size_t n, total, page, size;
	json_t *results;

	store_besluit_filter_init(&f);
	if (req_check_query(rq, keys, e))
		return e->status;
	req_page(rq, &page, &size, e);
	f.organisatie = kv_get(&rq->query, "verantwoordelijkeOrganisatie");
	f.bestuursorgaan =
		enum_filter(rq, "bestuursorgaan", p_orgaan,
			    "gemeenteraad, college of burgemeester", e);
	f.status = enum_filter(rq, "status", p_status,
			       "voorgesteld, aangehouden, vastgesteld, "
			       "verworpen of ingetrokken",
			       e);
	f.openbaarheid = enum_filter(rq, "openbaarheid", p_open,
				     "actief_openbaar, passief_openbaar of "
				     "geheim",
				     e);
	req_query_date(rq, "datumVanaf", &f.van, e);
	req_query_date(rq, "datumTot", &f.tot, e);
	f.zoek = kv_get(&rq->query, "zoek"); /* length: req_check_query */
	if (e->status)
		return e->status;
	f.offset = (page - 1) * size;
	f.limit = size;
	if (store_besluit_list(rq->store, &rq->a, &f, &b, &n, &total, e))
		return e->status;
	results = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(results, present_besluit_json(&b[i]));
	return resp_page(rq, rs, results, total, page, size);
}

enum status
besluit_van(struct request *rq, const char *id, struct besluit *b,
	    struct err *e)
{
	return store_besluit_kies(
		rq->store, &rq->a, id,
		kv_get(&rq->query, "verantwoordelijkeOrganisatie"),
		"verantwoordelijkeOrganisatie", b, e);
}

enum status
build_besluit(struct request *rq, const struct besluit *bp, json_t **out,
	      struct err *e)
{
	struct besluit b = *bp;
	struct besluit_wijziging *w;
	size_t n;
	json_t *arr;

	if (store_besluit_wijzigingen(rq->store, &rq->a, b.id, &w, &n, e))
		return e->status;
	*out = present_besluit_json(&b);
	json_object_set_new(*out, "organisatieNaam", jstr(b.organisatie_naam));
	json_object_set_new(
		*out, "bestuursorgaanNaam",
		json_string(bestuursorgaan_label(b.bestuursorgaan)));
	json_object_set_new(*out, "openbaarheidNaam",
			    json_string(openbaarheid_label(b.openbaarheid)));
	arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "soort", jstr(w[i].soort));
		json_object_set_new(o, "samenwerking", jstr(w[i].samenwerking));
		json_object_set_new(o, "object", jstr(w[i].object));
		json_object_set_new(o, "van", jdate(w[i].van));
		json_object_set_new(o, "omschrijving", jstr(w[i].omschrijving));
		json_array_append_new(arr, o);
	}
	json_object_set_new(*out, "wijzigingen", arr);
	return ST_OK;
}

/* The query keys of a decision's routes: only the organisation. */
static const char *const org_key[] = { "verantwoordelijkeOrganisatie", NULL };

enum status
api_besluiten_get(struct request *rq, struct response *rs, struct err *e)
{
	struct besluit b;
	json_t *j;

	if (req_check_query(rq, org_key, e) ||
	    besluit_van(rq, req_param(rq, "identificatie"), &b, e) ||
	    build_besluit(rq, &b, &j, e))
		return e->status;
	return resp_json(rq, rs, 200, j);
}

enum status
api_besluiten_post(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "identificatie",
					    "verantwoordelijkeOrganisatie",
					    "bestuursorgaan",
					    "datum",
					    "ingangsdatum",
					    "vervaldatum",
					    "vervalreden",
					    "publicatiedatum",
					    "onderwerp",
					    "toelichting",
					    "portefeuillehouder",
					    "afdeling",
					    "openbaarheid",
					    "geheimTot",
					    "status",
					    NULL };
	struct besluit b = { 0 };
	struct besluit_stap stap = { 0 };
	const char *s, *id = NULL;
	int64_t nummer = 0;
	json_t *body, *j;
	char loc[160];

	if (req_check_query(rq, NULL, e) || req_json_body(rq, &body, e))
		return e->status;
	body_check_keys(body, keys, e);
	b.identificatie = body_str(body, "identificatie", false, e);
	b.verantwoordelijke_organisatie =
		body_str(body, "verantwoordelijkeOrganisatie", true, e);
	if ((s = body_str(body, "bestuursorgaan", true, e)) &&
	    bestuursorgaan_parse(s, &b.bestuursorgaan))
		err_invalid(e, "bestuursorgaan", "enum",
			    "Kies gemeenteraad, college of burgemeester.");
	b.datum = body_date(body, "datum", true, e);
	b.ingangsdatum = body_date(body, "ingangsdatum", false, e);
	b.vervaldatum = body_date(body, "vervaldatum", false, e);
	b.vervalreden = VERVAL_GEEN;
	if ((s = body_str(body, "vervalreden", false, e)) &&
	    vervalreden_parse(s, &b.vervalreden))
		err_invalid(e, "vervalreden", "enum",
			    "Kies tijdelijk, ingetrokken_overheid of "
			    "ingetrokken_belanghebbende.");
	b.publicatiedatum = body_date(body, "publicatiedatum", false, e);
	b.onderwerp = body_str(body, "onderwerp", true, e);
	b.toelichting = body_str(body, "toelichting", false, e);
	b.portefeuillehouder = body_str(body, "portefeuillehouder", false, e);
	b.afdeling = body_str(body, "afdeling", false, e);
	if ((s = body_str(body, "openbaarheid", true, e)) &&
	    openbaarheid_parse(s, &b.openbaarheid))
		err_invalid(
			e, "openbaarheid", "enum",
			"Kies actief_openbaar, passief_openbaar of geheim.");
	b.geheim_tot = body_date(body, "geheimTot", false, e);
	stap.status = BESLUIT_VASTGESTELD;
	if ((s = body_str(body, "status", false, e)) &&
	    besluit_status_parse(s, &stap.status))
		err_invalid(e, "status", "enum",
			    "Kies voorgesteld, aangehouden, vastgesteld, "
			    "verworpen of ingetrokken.");
	stap.datum = b.datum;
	b.status = stap.status;
	b.historie = &stap;
	b.nhistorie = 1;
	if (b.verantwoordelijke_organisatie &&
	    authz_gemeente(rq, b.verantwoordelijke_organisatie, e)) {
		json_decref(body);
		return e->status;
	}
	/* The store adds the register's own checks to the problems so far. */
	store_besluit_add(rq->store, &rq->a, &b, rq->today, &id, &nummer, e);
	json_decref(body);
	if (e->status) {
		for (size_t i = 0; i < e->nproblems; i++)
			if (strncmp(e->problems[i].name, "statusHistorie[0].",
				    18) == 0)
				memmove(e->problems[i].name,
					e->problems[i].name + 18,
					strlen(e->problems[i].name) - 17);
		err_dedupe(e);
		return e->status;
	}
	if (store_besluit_get(rq->store, &rq->a, nummer, &b, e) ||
	    build_besluit(rq, &b, &j, e))
		return e->status;
	snprintf(loc, sizeof(loc),
		 API_BASE "/besluiten/%.60s?verantwoordelijkeOrganisatie=%.20s",
		 id, b.verantwoordelijke_organisatie);
	rs->location = arena_strdup(&rq->a, loc);
	return resp_json(rq, rs, 201, j);
}

/*
 * The decision a write is about: 404 when the principal may not even see
 * it, 403 when it may see but not change it.
 */
static enum status
besluit_for_change(struct request *rq, const char *id, struct besluit *b,
		   struct err *e)
{
	if (besluit_van(rq, id, b, e))
		return e->status;
	return authz_gemeente(rq, b->verantwoordelijke_organisatie, e);
}

/* A member of a merge patch: absent keeps, null clears, a value sets. */
static const char *
patch_str(json_t *body, const char *key, const char *cur, struct err *e)
{
	if (!json_object_get(body, key))
		return cur;
	return body_str(body, key, false, e);
}

static day_t
patch_date(json_t *body, const char *key, day_t cur, struct err *e)
{
	if (!json_object_get(body, key))
		return cur;
	return body_date(body, key, false, e);
}

enum status
api_besluiten_patch(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = {
		"ingangsdatum",	      "vervaldatum", "vervalreden",
		"publicatiedatum",    "onderwerp",   "toelichting",
		"portefeuillehouder", "afdeling",    "openbaarheid",
		"geheimTot",	      NULL
	};
	static const char *const fixed[] = {
		"identificatie",  "verantwoordelijkeOrganisatie",
		"bestuursorgaan", "datum",
		"status",	  NULL
	};
	const char *id = req_param(rq, "identificatie"), *s, *key;
	struct besluit b;
	json_t *body, *j, *v;

	if (req_check_query(rq, org_key, e) || req_json_patch(rq, &body, e))
		return e->status;
	if (besluit_for_change(rq, id, &b, e)) {
		json_decref(body);
		return e->status;
	}
	json_object_foreach(body, key, v)
	{
		const char *const *k;
		bool known = false;

		for (k = keys; *k; k++)
			known |= strcmp(*k, key) == 0;
		for (k = fixed; !known && *k; k++)
			if (strcmp(*k, key) == 0) {
				err_invalid(e, key, "not-changeable",
					    "Dit veld van een besluit kan niet "
					    "worden gewijzigd%s.",
					    strcmp(key, "status") == 0
						    ? "; geef een nieuwe "
						      "status via /statussen"
						    : "");
				known = true;
			}
		if (!known)
			err_invalid(e, key, "unknown-field",
				    "Onbekend veld '%.40s'.", key);
	}
	b.ingangsdatum = patch_date(body, "ingangsdatum", b.ingangsdatum, e);
	b.vervaldatum = patch_date(body, "vervaldatum", b.vervaldatum, e);
	if (json_object_get(body, "vervalreden")) {
		b.vervalreden = VERVAL_GEEN;
		if ((s = body_str(body, "vervalreden", false, e)) &&
		    vervalreden_parse(s, &b.vervalreden))
			err_invalid(e, "vervalreden", "enum",
				    "Kies tijdelijk, ingetrokken_overheid of "
				    "ingetrokken_belanghebbende.");
	}
	b.publicatiedatum =
		patch_date(body, "publicatiedatum", b.publicatiedatum, e);
	b.onderwerp = patch_str(body, "onderwerp", b.onderwerp, e);
	b.toelichting = patch_str(body, "toelichting", b.toelichting, e);
	b.portefeuillehouder =
		patch_str(body, "portefeuillehouder", b.portefeuillehouder, e);
	b.afdeling = patch_str(body, "afdeling", b.afdeling, e);
	if (json_object_get(body, "openbaarheid") &&
	    (s = body_str(body, "openbaarheid", true, e)) &&
	    openbaarheid_parse(s, &b.openbaarheid))
		err_invalid(
			e, "openbaarheid", "enum",
			"Kies actief_openbaar, passief_openbaar of geheim.");
	b.geheim_tot = patch_date(body, "geheimTot", b.geheim_tot, e);
	if (e->status == ST_OK)
		store_besluit_update(rq->store, b.id, &b, rq->today, e);
	json_decref(body);
	if (e->status || store_besluit_get(rq->store, &rq->a, b.id, &b, e) ||
	    build_besluit(rq, &b, &j, e))
		return e->status;
	return resp_json(rq, rs, 200, j);
}

enum status
api_besluiten_delete(struct request *rq, struct response *rs, struct err *e)
{
	const char *id = req_param(rq, "identificatie");
	struct besluit b;

	if (req_check_query(rq, org_key, e) ||
	    besluit_for_change(rq, id, &b, e) ||
	    store_besluit_delete(rq->store, b.id, e))
		return e->status;
	rs->status = 204;
	rs->body = "";
	rs->len = 0;
	return ST_OK;
}

enum status
api_statussen_list(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const paging[] = { "page", "pageSize",
					      "verantwoordelijkeOrganisatie",
					      NULL };
	struct besluit b;
	json_t *j, *h;

	if (req_check_query(rq, paging, e) ||
	    besluit_van(rq, req_param(rq, "identificatie"), &b, e) ||
	    build_besluit(rq, &b, &j, e))
		return e->status;
	h = json_incref(json_object_get(j, "statusHistorie"));
	json_decref(j);
	return resp_list(rq, rs, h ? h : json_array(), e);
}

enum status
api_statussen_post(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "status", "datum", "toelichting",
					    NULL };
	const char *id = req_param(rq, "identificatie"), *s;
	struct besluit_stap stap = { 0 };
	json_t *body, *j;
	char loc[160];

	struct besluit cur;

	if (req_check_query(rq, org_key, e) ||
	    besluit_for_change(rq, id, &cur, e) || req_json_body(rq, &body, e))
		return e->status;
	body_check_keys(body, keys, e);
	if ((s = body_str(body, "status", true, e)) &&
	    besluit_status_parse(s, &stap.status))
		err_invalid(e, "status", "enum",
			    "Kies voorgesteld, aangehouden, vastgesteld, "
			    "verworpen of ingetrokken.");
	stap.datum = body_date(body, "datum", true, e);
	stap.toelichting = body_str(body, "toelichting", false, e);
	if (e->status == ST_OK)
		store_besluit_stap_add(rq->store, cur.id, &stap, rq->today, e);
	json_decref(body);
	if (e->status ||
	    store_besluit_get(rq->store, &rq->a, cur.id, &cur, e) ||
	    build_besluit(rq, &cur, &j, e))
		return e->status;
	snprintf(loc, sizeof(loc),
		 API_BASE "/besluiten/%.60s/statussen"
			  "?verantwoordelijkeOrganisatie=%.20s",
		 id, cur.verantwoordelijke_organisatie);
	rs->location = arena_strdup(&rq->a, loc);
	return resp_json(rq, rs, 201, j);
}

enum status
api_wijzigingen_list(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const paging[] = { "page", "pageSize",
					      "verantwoordelijkeOrganisatie",
					      NULL };
	struct besluit b;
	json_t *j, *w;

	if (req_check_query(rq, paging, e) ||
	    besluit_van(rq, req_param(rq, "identificatie"), &b, e) ||
	    build_besluit(rq, &b, &j, e))
		return e->status;
	w = json_incref(json_object_get(j, "wijzigingen"));
	json_decref(j);
	return resp_list(rq, rs, w, e);
}

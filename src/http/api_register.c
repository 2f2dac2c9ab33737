/*
 * api_register.c - the cooperation register in the API: municipalities,
 * joint bodies, cooperations (as of a date), units and their arrangement,
 * workstreams, taakvelden.
 */
#include <stdio.h>
#include <string.h>

#include "api.h"
#include "auth.h"
#include "body.h"
#include "../present/json.h"
#include "../present/present.h"
#include "../banned.h"

static const char *const paging[] = { "page", "pageSize", NULL };

/* ---- gemeenten ---- */

enum status
api_gemeenten_list(struct request *rq, struct response *rs, struct err *e)
{
	struct organisatie *o;
	size_t n;
	json_t *all;

	if (req_check_query(rq, paging, e) ||
	    store_organisatie_list(rq->store, &rq->a, ORG_GEMEENTE, &o, &n, e))
		return e->status;
	all = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(all, present_gemeente_json(&o[i]));
	return resp_list(rq, rs, all, e);
}

static enum status
gemeente_json(struct request *rq, const char *code, json_t **out, struct err *e)
{
	struct organisatie o;
	struct inwonertal *t;
	size_t n;
	json_t *arr;

	if (store_organisatie_get(rq->store, &rq->a, code, &o, e))
		return e->status;
	if (o.soort != ORG_GEMEENTE)
		return err_set(e, ST_NOT_FOUND, "Gemeente %.20s bestaat niet.",
			       code);
	if (store_inwonertal_list(rq->store, &rq->a, code, &t, &n, e))
		return e->status;
	*out = present_gemeente_json(&o);
	arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *x = json_object();
		json_object_set_new(x, "peildatum", jdate(t[i].peildatum));
		json_object_set_new(x, "aantal", json_integer(t[i].aantal));
		json_object_set_new(x, "bron", jstr(t[i].bron));
		json_array_append_new(arr, x);
	}
	json_object_set_new(*out, "inwonertallen", arr);
	return ST_OK;
}

enum status
api_gemeenten_get(struct request *rq, struct response *rs, struct err *e)
{
	json_t *j;

	if (req_check_query(rq, NULL, e) ||
	    gemeente_json(rq, req_param(rq, "code"), &j, e))
		return e->status;
	return resp_json(rq, rs, 200, j);
}

enum status
api_gemeenten_post(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "code",	 "naam",
					    "provincie", "inwoners",
					    "peildatum", NULL };
	struct organisatie o = { .soort = ORG_GEMEENTE };
	json_t *body, *j;

	if (req_check_query(rq, NULL, e) || req_json_body(rq, &body, e))
		return e->status;
	body_check_keys(body, keys, e);
	o.code = body_str(body, "code", true, e);
	o.naam = body_str(body, "naam", true, e);
	o.provincie = body_str(body, "provincie", false, e);
	o.inwoners = -1; /* not given */
	if (body_int(body, "inwoners", false, 0, REG_MAX_INWONERS, &o.inwoners,
		     e))
		o.inwoners = 0; /* given and refused above: not "missing" */
	o.inwoners_peildatum = body_date(body, "peildatum", false, e);
	if (e->status == ST_OK)
		store_organisatie_add(rq->store, &o, rq->today, e);
	else
		reg_check_organisatie(&o, rq->today, e);
	if (e->status) {
		json_decref(body);
		return e->status;
	}
	char loc[96];
	snprintf(loc, sizeof(loc), API_BASE "/gemeenten/%.20s", o.code);
	rs->location = arena_strdup(&rq->a, loc);
	if (gemeente_json(rq, o.code, &j, e)) {
		json_decref(body);
		return e->status;
	}
	json_decref(body);
	return resp_json(rq, rs, 201, j);
}

/* ---- regelingen ---- */

static enum status
regeling_json(struct request *rq, const struct organisatie *o, json_t **out,
	      struct err *e)
{
	struct lidmaatschap *l;
	size_t n;
	json_t *arr = json_array();

	if (store_regeling_leden(rq->store, &rq->a, o->code, &l, &n, e)) {
		json_decref(arr);
		return e->status;
	}
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, present_lid_json(&l[i]));
	*out = present_regeling_json(o);
	json_object_set_new(*out, "leden", arr);
	return ST_OK;
}

enum status
api_regelingen_list(struct request *rq, struct response *rs, struct err *e)
{
	struct organisatie *o;
	size_t n;
	json_t *all, *j;

	if (req_check_query(rq, paging, e) ||
	    store_organisatie_list(rq->store, &rq->a, ORG_REGELING, &o, &n, e))
		return e->status;
	all = json_array();
	for (size_t i = 0; i < n; i++) {
		if (regeling_json(rq, &o[i], &j, e)) {
			json_decref(all);
			return e->status;
		}
		json_array_append_new(all, j);
	}
	return resp_list(rq, rs, all, e);
}

enum status
api_regelingen_get(struct request *rq, struct response *rs, struct err *e)
{
	struct organisatie o;
	const char *code = req_param(rq, "code");
	json_t *j;

	if (req_check_query(rq, NULL, e) ||
	    store_organisatie_get(rq->store, &rq->a, code, &o, e))
		return e->status;
	if (o.soort != ORG_REGELING)
		return err_set(
			e, ST_NOT_FOUND,
			"Gemeenschappelijke regeling %.20s bestaat niet.",
			code);
	if (regeling_json(rq, &o, &j, e))
		return e->status;
	return resp_json(rq, rs, 200, j);
}

/* ---- samenwerkingen ---- */

enum status
build_samenwerking_op(struct request *rq, const char *code, day_t op,
		      json_t **out, struct err *e)
{
	struct samenwerking sw;
	struct lidmaatschap *l;
	struct eenheid_op *u;
	struct kader_artikel *k;
	size_t nl, nu, nk;
	json_t *j, *jl, *je, *jk;

	if (store_samenwerking_get(rq->store, &rq->a, code, &sw, e) ||
	    store_samenwerking_leden(rq->store, &rq->a, code, &l, &nl, e) ||
	    store_eenheden_op(rq->store, &rq->a, code, op, &u, &nu, e) ||
	    store_kader_list(rq->store, &rq->a, code, op, &k, &nk, e))
		return e->status;
	j = present_samenwerking_json(&sw);
	json_object_set_new(j, "peildatum", jdate(op));
	jl = json_array();
	for (size_t i = 0; i < nl; i++)
		if (period_contains(l[i].periode, op))
			json_array_append_new(jl, present_lid_json(&l[i]));
	je = json_array();
	for (size_t i = 0; i < nu; i++) {
		json_t *x = present_eenheid_json(&u[i].eenheid);
		json_object_set_new(
			x, "inrichting",
			u[i].heeft_inrichting
				? present_inrichting_json(&u[i].inrichting)
				: json_null());
		json_array_append_new(je, x);
	}
	jk = json_array();
	for (size_t i = 0; i < nk; i++)
		json_array_append_new(jk, present_kader_json(&k[i]));
	json_object_set_new(j, "leden", jl);
	json_object_set_new(j, "eenheden", je);
	json_object_set_new(j, "kaderartikelen", jk);
	*out = j;
	return ST_OK;
}

static const char *const peil[] = { "peildatum", NULL };

static enum status
peildatum(struct request *rq, day_t *op, struct err *e)
{
	if (req_query_date(rq, "peildatum", op, e))
		return e->status;
	if (*op == DATE_NONE)
		*op = rq->today;
	return ST_OK;
}

enum status
api_samenwerkingen_list(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "page", "pageSize", "peildatum",
					    NULL };
	struct samenwerking *sw;
	size_t n;
	day_t op;
	json_t *all;

	if (req_check_query(rq, keys, e) || peildatum(rq, &op, e) ||
	    store_samenwerking_list(rq->store, &rq->a, &sw, &n, e))
		return e->status;
	all = json_array();
	for (size_t i = 0; i < n; i++) {
		struct lidmaatschap *l;
		size_t nl;
		json_t *x = present_samenwerking_json(&sw[i]),
		       *jl = json_array();

		json_array_append_new(all, x);
		if (store_samenwerking_leden(rq->store, &rq->a, sw[i].code, &l,
					     &nl, e)) {
			json_decref(jl);
			json_decref(all);
			return e->status;
		}
		for (size_t k = 0; k < nl; k++)
			if (period_contains(l[k].periode, op))
				json_array_append_new(jl,
						      present_lid_json(&l[k]));
		json_object_set_new(x, "leden", jl);
	}
	return resp_list(rq, rs, all, e);
}

enum status
api_samenwerkingen_get(struct request *rq, struct response *rs, struct err *e)
{
	json_t *j;
	day_t op;

	if (req_check_query(rq, peil, e) || peildatum(rq, &op, e) ||
	    build_samenwerking_op(rq, req_param(rq, "code"), op, &j, e))
		return e->status;
	return resp_json(rq, rs, 200, j);
}

enum status
api_samenwerking_eenheden(struct request *rq, struct response *rs,
			  struct err *e)
{
	static const char *const keys[] = { "page", "pageSize", "peildatum",
					    NULL };
	json_t *j, *units;
	day_t op;

	if (req_check_query(rq, keys, e) || peildatum(rq, &op, e) ||
	    build_samenwerking_op(rq, req_param(rq, "code"), op, &j, e))
		return e->status;
	units = json_incref(json_object_get(j, "eenheden"));
	json_decref(j);
	return resp_list(rq, rs, units, e);
}

enum status
api_samenwerking_kader(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "page", "pageSize", "peildatum",
					    NULL };
	struct kader_artikel *k;
	size_t n;
	day_t op = DATE_NONE;
	json_t *all;

	if (req_check_query(rq, keys, e) ||
	    req_query_date(rq, "peildatum", &op, e) ||
	    store_kader_list(rq->store, &rq->a, req_param(rq, "code"), op, &k,
			     &n, e))
		return e->status;
	all = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(all, present_kader_json(&k[i]));
	return resp_list(rq, rs, all, e);
}

/* ---- eenheden ---- */

enum status
api_eenheden_list(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "page", "pageSize", "samenwerking",
					    NULL };
	struct eenheid *u;
	size_t n;
	json_t *all;

	if (req_check_query(rq, keys, e) ||
	    store_eenheid_list(rq->store, &rq->a,
			       kv_get(&rq->query, "samenwerking"), &u, &n, e))
		return e->status;
	all = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(all, present_eenheid_json(&u[i]));
	return resp_list(rq, rs, all, e);
}

enum status
build_eenheid(struct request *rq, const char *code, json_t **out, struct err *e)
{
	struct eenheid u;
	struct inrichting *h;
	size_t n;
	json_t *arr;

	if (store_eenheid_get(rq->store, &rq->a, code, &u, &h, &n, e))
		return e->status;
	*out = present_eenheid_json(&u);
	arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, present_inrichting_json(&h[i]));
	json_object_set_new(*out, "inrichtingen", arr);
	return ST_OK;
}

enum status
api_eenheden_get(struct request *rq, struct response *rs, struct err *e)
{
	json_t *j;

	if (req_check_query(rq, NULL, e) ||
	    build_eenheid(rq, req_param(rq, "code"), &j, e))
		return e->status;
	return resp_json(rq, rs, 200, j);
}

enum status
api_inrichtingen_list(struct request *rq, struct response *rs, struct err *e)
{
	json_t *j, *arr;

	if (req_check_query(rq, paging, e) ||
	    build_eenheid(rq, req_param(rq, "code"), &j, e))
		return e->status;
	arr = json_incref(json_object_get(j, "inrichtingen"));
	json_decref(j);
	return resp_list(rq, rs, arr, e);
}

enum status
api_inrichtingen_post(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "van",	"vorm",	   "gemeente",
					    "regeling", "besluit", NULL };
	const char *code = req_param(rq, "code");
	struct inrichting r = { .periode = { DATE_NONE, DATE_NONE } };
	const char *vorm;
	json_t *body, *j;
	char loc[160];

	struct eenheid u;
	struct inrichting *hist;
	size_t nh;

	if (req_check_query(rq, NULL, e) ||
	    store_eenheid_get(rq->store, &rq->a, code, &u, &hist, &nh, e) ||
	    authz_samenwerking(rq, u.samenwerking, e) ||
	    req_json_body(rq, &body, e))
		return e->status;
	body_check_keys(body, keys, e);
	r.periode.van = body_date(body, "van", true, e);
	vorm = body_str(body, "vorm", true, e);
	if (vorm && vorm_parse(vorm, &r.vorm))
		err_invalid(e, "vorm", "enum",
			    "Kies gedeeld, eigen of ondergebracht.");
	r.gemeente = body_str(body, "gemeente", false, e);
	r.regeling = body_str(body, "regeling", false, e);
	r.besluit = body_str(body, "besluit", true, e);
	if (e->status == ST_OK)
		store_eenheid_wijzig(rq->store, code, &r, e);
	json_decref(body);
	if (e->status)
		return e->status;
	if (build_eenheid(rq, code, &j, e))
		return e->status;
	snprintf(loc, sizeof(loc), API_BASE "/eenheden/%.64s/inrichtingen",
		 code);
	rs->location = arena_strdup(&rq->a, loc);
	return resp_json(rq, rs, 201, j);
}

/* ---- werkstromen, taakvelden ---- */

enum status
api_werkstromen_list(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "page", "pageSize", "samenwerking",
					    NULL };
	struct werkstroom *w;
	size_t n;
	json_t *all;

	if (req_check_query(rq, keys, e) ||
	    store_werkstroom_list(rq->store, &rq->a,
				  kv_get(&rq->query, "samenwerking"), &w, &n,
				  e))
		return e->status;
	all = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(all, present_werkstroom_json(&w[i]));
	return resp_list(rq, rs, all, e);
}

enum status
api_taakvelden_list(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "page", "pageSize", "jaar", NULL };
	int jaar = 0;
	struct taakveld *t;
	size_t n;
	json_t *all;

	if (req_check_query(rq, keys, e) ||
	    req_jaar(kv_get(&rq->query, "jaar"), &jaar, e))
		return e->status;
	if (store_taakveld_list(rq->store, &rq->a, jaar, &t, &n, e))
		return e->status;
	all = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(all, present_taakveld_json(&t[i]));
	return resp_list(rq, rs, all, e);
}

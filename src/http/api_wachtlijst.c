/*
 * api_wachtlijst.c - the waiting list under /api/v1/wachtlijst
 * (docs/design/appointments.md, "De wachtlijst"): a resident puts
 * themselves on a product's list (no account needed) and leaves it with
 * the code and the e-mail address (header Afspraak-Contact); planners of
 * the municipality read its list.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "api.h"
#include "auth.h"
#include "body.h"
#include "../present/afspraak.h"
#include "../present/json.h"
#include "../store/store_afspraak.h"
#include "../banned.h"

#define CODE_POGINGEN 5 /* codes drawn before a clash is an error */

enum status
api_wachtlijst_post(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "gemeente", "product", "naam",
					    "email", NULL };
	struct wachtplaats w = { 0 }, uit;
	char ref[AFSPRAAK_REFERENTIE_LEN + 1];
	json_t *body;

	if (req_check_query(rq, NULL, e) || req_json_body(rq, &body, e))
		return e->status;
	body_check_keys(body, keys, e);
	w.gemeente = body_str(body, "gemeente", true, e);
	w.product = body_str(body, "product", true, e);
	w.naam = body_str(body, "naam", true, e);
	w.email = body_str(body, "email", true, e);
	for (int poging = 0; !e->status; poging++) {
		uint8_t rnd[5];

		randombytes_buf(rnd, sizeof(rnd));
		afspraak_referentie(rnd, ref);
		w.referentie = ref;
		if (store_wachtlijst_add(rq->store, &w, &rq->a, &uit, e) ==
		    ST_OK)
			break;
		/* A code in use already: draw another. */
		if (e->status != ST_CONFLICT || e->nproblems == 0 ||
		    strcmp(e->problems[0].name, "referentie") != 0 ||
		    poging + 1 == CODE_POGINGEN)
			break;
		err_clear(e);
	}
	json_decref(body);
	if (e->status)
		return e->status;
	rs->location = arena_strdup(&rq->a, API_BASE "/wachtlijst");
	return resp_json(rq, rs, 201, present_wachtplaats_json(&uit, true));
}

enum status
api_wachtlijst_delete(struct request *rq, struct response *rs, struct err *e)
{
	const char *ref = req_param(rq, "referentie");
	char *up = ref ? arena_strdup(&rq->a, ref) : NULL;

	if (req_check_query(rq, NULL, e))
		return e->status;
	/* A code in any case. */
	for (char *c = up; c && *c; c++)
		if (*c >= 'a' && *c <= 'z')
			*c = (char)(*c - 'a' + 'A');
	if (!rq->contact)
		return err_invalid(e, "Afspraak-Contact", "required",
				   "Geef in de kop Afspraak-Contact het "
				   "e-mailadres waarmee u zich aanmeldde.");
	if (store_wachtlijst_delete(rq->store, up, rq->contact, e))
		return e->status;
	rs->status = 204;
	rs->body = "";
	rs->len = 0;
	return ST_OK;
}

enum status
api_wachtlijst_list(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "gemeente", "page", "pageSize",
					    NULL };
	const char *gemeente = kv_get(&rq->query, "gemeente");
	struct wachtplaats *w;
	size_t n;
	json_t *all;

	if (req_check_query(rq, keys, e))
		return e->status;
	if (!gemeente)
		return err_invalid(e, "gemeente", "required",
				   "Noem de gemeente (CBS-code, bijvoorbeeld "
				   "GM0358).");
	if (!authz_planner(rq, gemeente)) {
		auth_audit_geweigerd(rq, 403, "toegang", gemeente, rq->path);
		return err_set(e, ST_FORBIDDEN,
			       "U mag dit niet: het hoort bij %.16s, waarvoor "
			       "uw account geen rol als planner heeft.",
			       gemeente);
	}
	if (store_wachtlijst_list(rq->store, gemeente, &rq->a, &w, &n, e))
		return e->status;
	all = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(all,
				      present_wachtplaats_json(&w[i], true));
	return resp_list(rq, rs, all, e);
}

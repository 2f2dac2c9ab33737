/*
 * api_grenzen.c - the planners' release of times in waves under
 * /api/v1/vrijgaven (docs/design/appointments.md, "Grenzen"): list, add
 * and remove a municipality's rules. Only planners of the municipality
 * (and administrators for the list) may; the free-time search and the
 * booking apply the rules themselves (store_boeking.c).
 */
#include <stdio.h>
#include <string.h>

#include "api.h"
#include "auth.h"
#include "body.h"
#include "../present/afspraak.h"
#include "../present/json.h"
#include "../store/store_afspraak.h"
#include "../banned.h"

/* The municipality of the query or body, which the principal must plan:
 * 403 otherwise (municipalities are public, so nothing is hidden). */
static enum status
vrijgave_gemeente(struct request *rq, const char *gemeente, struct err *e)
{
	if (!gemeente)
		return err_invalid(e, "gemeente", "required",
				   "Noem de gemeente (CBS-code, bijvoorbeeld "
				   "GM0358).");
	if (authz_planner(rq, gemeente))
		return ST_OK;
	auth_audit_geweigerd(rq, 403, "toegang", gemeente, rq->path);
	return err_set(e, ST_FORBIDDEN,
		       "U mag dit niet: het hoort bij %.16s, waarvoor uw "
		       "account geen rol als planner heeft.",
		       gemeente);
}

enum status
api_vrijgaven_list(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "gemeente", "page", "pageSize",
					    NULL };
	const char *gemeente = kv_get(&rq->query, "gemeente");
	struct vrijgave *r;
	size_t n;
	json_t *all;

	if (req_check_query(rq, keys, e) ||
	    vrijgave_gemeente(rq, gemeente, e) ||
	    store_vrijgave_list(rq->store, gemeente, &rq->a, &r, &n, e))
		return e->status;
	all = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(all, present_vrijgave_json(&r[i]));
	return resp_list(rq, rs, all, e);
}

enum status
api_vrijgaven_post(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "gemeente",	 "vanaf",   "moment",
					    "vestiging", "product", NULL };
	struct vrijgave r = { 0 };
	const char *moment;
	json_t *body;

	if (req_check_query(rq, NULL, e) || req_json_body(rq, &body, e))
		return e->status;
	r.gemeente = body_str(body, "gemeente", true, e);
	if (r.gemeente && vrijgave_gemeente(rq, r.gemeente, e)) {
		json_decref(body);
		return e->status;
	}
	body_check_keys(body, keys, e);
	r.vanaf = body_date(body, "vanaf", true, e);
	moment = body_str(body, "moment", true, e);
	if (moment && !(strlen(moment) > 10 && moment[10] == 'T' &&
			date_parse_instant(moment, &r.moment) == 0))
		err_invalid(e, "moment", "date-time",
			    "Schrijf het moment als 2026-12-01T08:00:00+01:00 "
			    "(plaatselijke tijd met de afwijking van UTC).");
	r.vestiging = body_str(body, "vestiging", false, e);
	r.product = body_str(body, "product", false, e);
	if (e->status == ST_OK)
		store_vrijgave_add(rq->store, &r, &r.id, e);
	if (e->status) {
		json_decref(body);
		return e->status;
	}
	{
		char loc[96];
		json_t *j = present_vrijgave_json(&r);

		snprintf(loc, sizeof(loc), API_BASE "/vrijgaven?gemeente=%.16s",
			 r.gemeente);
		rs->location = arena_strdup(&rq->a, loc);
		json_decref(body);
		return resp_json(rq, rs, 201, j);
	}
}

enum status
api_vrijgaven_delete(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "gemeente", NULL };
	const char *gemeente = kv_get(&rq->query, "gemeente");
	int64_t id = 0;

	if (req_check_query(rq, keys, e) ||
	    vrijgave_gemeente(rq, gemeente, e) ||
	    req_int(req_param(rq, "id"), "id", 1, ID_MAX, &id, e) ||
	    store_vrijgave_delete(rq->store, gemeente, id, e))
		return e->status;
	rs->status = 204;
	rs->body = "";
	rs->len = 0;
	return ST_OK;
}

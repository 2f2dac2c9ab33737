/*
 * api_meta.c - the root of the API and its OpenAPI document.
 */
#include <string.h>

#include "api.h"
#include "auth.h"
#include "../present/present.h"
#include "embedded.h"
#include "../banned.h"

enum status
api_root(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const names[] = {
		"gemeenten", "regelingen",  "samenwerkingen",
		"eenheden",  "werkstromen", "taakvelden",
		"besluiten", "vestigingen", "producten",
	};
	json_t *j = json_object(), *links = json_object();

	if (req_check_query(rq, NULL, e)) {
		json_decref(j);
		json_decref(links);
		return e->status;
	}
	json_object_set_new(j, "naam", json_string("Ambt API"));
	json_object_set_new(j, "versie", json_string(API_VERSION));
	json_object_set_new(j, "documentatie",
			    json_string(API_BASE "/openapi.json"));
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		json_object_set_new(links, names[i],
				    json_sprintf(API_BASE "/%s", names[i]));
	}
	json_object_set_new(j, "links", links);
	return resp_json(rq, rs, 200, j);
}

enum status
api_openapi(struct request *rq, struct response *rs, struct err *e)
{
	if (req_check_query(rq, NULL, e))
		return e->status;
	rs->status = 200;
	rs->content_type = "application/json";
	rs->body = (const char *)embed_openapi_json;
	rs->len = embed_openapi_json_len;
	return ST_OK;
}

enum status
api_audit_list(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "page", "pageSize", "resource",
					    NULL };
	struct audit_entry *a;
	size_t n, total, page, size;
	json_t *arr;

	if (req_check_query(rq, keys, e) || req_page(rq, &page, &size, e))
		return e->status;
	if (store_audit_list(rq->store, &rq->a, kv_get(&rq->query, "resource"),
			     NULL, (page - 1) * size, size, &a, &n, &total, e))
		return e->status;
	arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, present_audit_json(&a[i]));
	return resp_page(rq, rs, arr, total, page, size);
}

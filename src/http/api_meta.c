/*
 * api_meta.c - the root of the API and its OpenAPI document.
 */
#include <string.h>

#include "api.h"
#include "embedded.h"
#include "../banned.h"

enum status
api_root(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const names[] = {
		"gemeenten",   "regelingen", "samenwerkingen", "eenheden",
		"werkstromen", "taakvelden", "besluiten",
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

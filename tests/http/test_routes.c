/*
 * test_routes.c - the route table and the OpenAPI document describe the
 * same API: every API route is in the document with its method, and every
 * operation in the document is a route; the versions agree.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "../test.h"
#include "embedded.h"
#include "../../src/http/http.h"

static json_t *
openapi(void)
{
	for (const struct embedded_file *f = embedded_files; f->name; f++)
		if (strcmp(f->name, "openapi.json") == 0)
			return json_loadb((const char *)f->data, f->len, 0,
					  NULL);
	return NULL;
}

/* "/api/v1/x/{y}" -> "/x/{y}"; the API root is "/". */
static const char *
doc_path(const char *pattern, char *buf, size_t n)
{
	const char *p = pattern + strlen(API_BASE);

	snprintf(buf, n, "%s", *p ? p : "/");
	return buf;
}

static void
test_routes_documented(void **state)
{
	json_t *doc = openapi(), *paths;
	char buf[256], method[16];
	size_t napi = 0;

	(void)state;
	assert_non_null(doc);
	paths = json_object_get(doc, "paths");
	for (size_t i = 0; i < http_nroutes; i++) {
		const struct route *r = &http_routes[i];
		json_t *item;

		if (!(r->flags & ROUTE_API))
			continue;
		napi++;
		item = json_object_get(paths,
				       doc_path(r->pattern, buf, sizeof(buf)));
		snprintf(method, sizeof(method), "%s",
			 http_method_name(r->method));
		for (char *c = method; *c; c++)
			*c = (char)(*c - 'A' + 'a');
		if (!item || !json_object_get(item, method))
			fail_msg("route %s %s is not in openapi.json",
				 http_method_name(r->method), r->pattern);
	}
	assert_true(napi > 20);
	json_decref(doc);
}

static void
test_document_routed(void **state)
{
	json_t *doc = openapi(), *paths, *item;
	const char *path;
	char full[256];

	(void)state;
	paths = json_object_get(doc, "paths");
	json_object_foreach(paths, path, item)
	{
		const char *method;
		json_t *op;

		snprintf(full, sizeof(full), "%s%s", API_BASE,
			 strcmp(path, "/") == 0 ? "" : path);
		json_object_foreach(item, method, op)
		{
			enum http_method m;
			char upper[16];
			bool found = false;

			if (strcmp(method, "parameters") == 0)
				continue;
			snprintf(upper, sizeof(upper), "%s", method);
			for (char *c = upper; *c; c++)
				*c = (char)(*c - 'a' + 'A');
			m = http_method_parse(upper);
			for (size_t i = 0; i < http_nroutes; i++)
				if (http_routes[i].method == m &&
				    strcmp(http_routes[i].pattern, full) == 0)
					found = true;
			if (!found)
				fail_msg("openapi.json has %s %s, the server "
					 "has no such route",
					 upper, full);
		}
	}
	json_decref(doc);
}

static void
test_version(void **state)
{
	json_t *doc = openapi();

	(void)state;
	assert_string_equal(json_string_value(json_object_get(
				    json_object_get(doc, "info"), "version")),
			    API_VERSION);
	json_decref(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_routes_documented),
		cmocka_unit_test(test_document_routed),
		cmocka_unit_test(test_version),
	};
	return RUN_TESTS(tests);
}

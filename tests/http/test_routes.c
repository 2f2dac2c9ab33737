/*
 * test_routes.c - the route table and the OpenAPI document describe the
 * same API: every API route is in the document with its method, and every
 * operation in the document is a route; the versions agree. The document
 * must load and name routes, so that an empty or unreadable one fails
 * every comparison instead of passing it with nothing compared.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "../test.h"
#include "embedded.h"
#include "../../src/http/http.h"

/*
 * Fewer paths or operations than this means the document did not load
 * whole, not that the API shrank: both are well below what it names.
 */
#define MIN_PATHS 25
#define MIN_OPERATIONS 35

/* The embedded document with an object of paths, or the test fails. */
static json_t *
openapi(void)
{
	for (const struct embedded_file *f = embedded_files; f->name; f++) {
		json_error_t error;
		json_t *doc;

		if (strcmp(f->name, "openapi.json") != 0)
			continue;
		doc = json_loadb((const char *)f->data, f->len, 0, &error);
		if (!doc)
			fail_msg("openapi.json is not JSON: line %d: %s",
				 error.line, error.text);
		if (!json_is_object(json_object_get(doc, "paths")))
			fail_msg("openapi.json has no object of paths");
		return doc;
	}
	fail_msg("openapi.json is not embedded");
	return NULL;
}

/* The number of API routes in the table. */
static size_t
api_routes(void)
{
	size_t n = 0;

	for (size_t i = 0; i < http_nroutes; i++)
		n += (http_routes[i].flags & ROUTE_API) != 0;
	return n;
}

/* Every path is an object with at least one operation, and there are
 * enough of both. */
static void
test_document_names_routes(void **state)
{
	json_t *doc = openapi(), *item, *op;
	const char *path, *key;
	size_t npaths = 0, nops = 0;

	(void)state;
	json_object_foreach(json_object_get(doc, "paths"), path, item)
	{
		size_t here = 0;

		if (!json_is_object(item))
			fail_msg("openapi.json: %s is not an object", path);
		json_object_foreach(item, key, op)
		{
			if (strcmp(key, "parameters") != 0)
				here++;
		}
		if (here == 0)
			fail_msg("openapi.json: %s has no operation", path);
		npaths++;
		nops += here;
	}
	print_message("# openapi.json: %zu paths, %zu operations\n", npaths,
		      nops);
	if (npaths < MIN_PATHS || nops < MIN_OPERATIONS)
		fail_msg("openapi.json names %zu paths and %zu operations, "
			 "fewer than %d and %d",
			 npaths, nops, MIN_PATHS, MIN_OPERATIONS);
	json_decref(doc);
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
	assert_true(napi >= MIN_OPERATIONS);
	json_decref(doc);
}

static void
test_document_routed(void **state)
{
	json_t *doc = openapi(), *paths, *item;
	const char *path;
	char full[256];
	size_t nops = 0;

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
			nops++;
		}
	}
	/* Each operation is a route and each route an operation: as many
	 * of one as of the other, and not none. */
	assert_true(nops >= MIN_OPERATIONS);
	assert_int_equal(nops, api_routes());
	json_decref(doc);
}

/* A "$ref" resolved within the document (#/components/...). */
static json_t *
resolve(json_t *doc, json_t *v)
{
	const char *ref;

	while (json_is_object(v) &&
	       (ref = json_string_value(json_object_get(v, "$ref")))) {
		char buf[256], *save = NULL, *part;

		snprintf(buf, sizeof(buf), "%s", ref + 2); /* after "#/" */
		v = doc;
		for (part = strtok_r(buf, "/", &save); part && v;
		     part = strtok_r(NULL, "/", &save))
			v = json_object_get(v, part);
	}
	return v;
}

/*
 * Every string the API takes states its maxLength and every integer its
 * minimum and maximum (the server enforces both); count what does not.
 */
static size_t
unbounded(json_t *doc, json_t *schema, const char *where, int depth)
{
	const char *type, *key;
	json_t *v;
	size_t n = 0;

	schema = resolve(doc, schema);
	if (!json_is_object(schema) || depth > 8)
		return 0;
	type = json_string_value(json_object_get(schema, "type"));
	if (type && strcmp(type, "string") == 0 &&
	    !json_object_get(schema, "maxLength")) {
		print_message("# %s: a string without maxLength\n", where);
		n++;
	}
	if (type && strcmp(type, "integer") == 0 &&
	    (!json_object_get(schema, "minimum") ||
	     !json_object_get(schema, "maximum"))) {
		print_message("# %s: an integer without minimum and maximum\n",
			      where);
		n++;
	}
	json_object_foreach(json_object_get(schema, "properties"), key, v)
	{
		char sub[256];

		snprintf(sub, sizeof(sub), "%s.%s", where, key);
		n += unbounded(doc, v, sub, depth + 1);
	}
	if (json_object_get(schema, "items"))
		n += unbounded(doc, json_object_get(schema, "items"), where,
			       depth + 1);
	return n;
}

static void
test_inputs_bounded(void **state)
{
	json_t *doc = openapi(), *item, *op, *prm, *c;
	const char *path, *method, *ct;
	size_t n = 0, i, checked = 0;

	(void)state;
	json_object_foreach(json_object_get(doc, "paths"), path, item)
	{
		json_object_foreach(item, method, op)
		{
			char where[256];

			json_array_foreach(json_object_get(op, "parameters"), i,
					   prm)
			{
				prm = resolve(doc, prm);
				snprintf(where, sizeof(where), "%s %s ?%s",
					 method, path,
					 json_string_value(
						 json_object_get(prm, "name")));
				n += unbounded(doc,
					       json_object_get(prm, "schema"),
					       where, 0);
				checked++;
			}
			json_object_foreach(
				json_object_get(
					resolve(doc,
						json_object_get(op,
								"requestBody")),
					"content"),
				ct, c)
			{
				if (!strstr(ct, "json"))
					continue;
				snprintf(where, sizeof(where), "%s %s body",
					 method, path);
				n += unbounded(doc,
					       json_object_get(c, "schema"),
					       where, 0);
				checked++;
			}
		}
	}
	assert_true(checked > 50);
	assert_int_equal(n, 0);
	json_decref(doc);
}

static void
test_version(void **state)
{
	json_t *doc = openapi();
	const char *version = json_string_value(
		json_object_get(json_object_get(doc, "info"), "version"));

	(void)state;
	if (!version)
		fail_msg("openapi.json has no info.version");
	assert_string_equal(version, API_VERSION);
	json_decref(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_document_names_routes),
		cmocka_unit_test(test_routes_documented),
		cmocka_unit_test(test_document_routed),
		cmocka_unit_test(test_inputs_bounded),
		cmocka_unit_test(test_version),
	};
	return RUN_TESTS(tests);
}

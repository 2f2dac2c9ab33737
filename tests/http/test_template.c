/*
 * test_template.c - the template renderer: exact output for sections,
 * formatters and partials; every value escaped; malformed templates
 * refused with the line named.
 */
#include <string.h>

#include "../test.h"
#include "../../src/http/template.h"

static char *
render(const char *tmpl, const char *json, struct arena *a)
{
	struct tmpl_set *set = tmpl_set_new();
	struct err e;
	json_t *data = json_loads(json, 0, NULL);
	char *out = NULL;
	size_t len;

	err_clear(&e);
	assert_non_null(data);
	assert_int_equal(tmpl_add(set, "t", tmpl, strlen(tmpl), &e), ST_OK);
	assert_int_equal(
		tmpl_render(set, "t", data, a, 1 << 20, &out, &len, &e), ST_OK);
	assert_int_equal(len, strlen(out));
	json_decref(data);
	tmpl_set_free(set);
	return out;
}

static void
test_render(void **state)
{
	static const struct {
		const char *name, *tmpl, *json, *want;
	} cases[] = {
		{ "text only", "<p>Hallo</p>", "{}", "<p>Hallo</p>" },
		{ "value", "<b>{{naam}}</b>", "{\"naam\":\"Heemstede\"}",
		  "<b>Heemstede</b>" },
		{ "escaped", "{{x}}", "{\"x\":\"<script>&\\\"'\"}",
		  "&lt;script&gt;&amp;&quot;&#39;" },
		{ "spaces in tag", "{{ x }}", "{\"x\":1}", "1" },
		{ "missing is empty", "[{{x}}]", "{}", "[]" },
		{ "null is empty", "[{{x}}]", "{\"x\":null}", "[]" },
		{ "booleans", "{{a}}/{{b}}", "{\"a\":true,\"b\":false}",
		  "ja/nee" },
		{ "dotted path", "{{a.b.c}}",
		  "{\"a\":{\"b\":{\"c\":\"diep\"}}}", "diep" },
		{ "array index", "{{l.1}}", "{\"l\":[\"nul\",\"een\"]}",
		  "een" },
		{ "section over array", "{{#l}}<{{.}}>{{/l}}",
		  "{\"l\":[\"a\",\"b\"]}", "<a><b>" },
		{ "section over objects", "{{#l}}{{n}},{{/l}}",
		  "{\"l\":[{\"n\":1},{\"n\":2}]}", "1,2," },
		{ "outer value inside section", "{{#l}}{{n}}{{t}};{{/l}}",
		  "{\"t\":\"!\",\"l\":[{\"n\":1}]}", "1!;" },
		{ "object section", "{{#o}}{{x}}{{/o}}",
		  "{\"o\":{\"x\":\"y\"}}", "y" },
		{ "false section skipped", "a{{#f}}b{{/f}}c", "{\"f\":false}",
		  "ac" },
		{ "empty array skipped", "a{{#l}}b{{/l}}c", "{\"l\":[]}",
		  "ac" },
		{ "empty string skipped", "a{{#s}}b{{/s}}c", "{\"s\":\"\"}",
		  "ac" },
		{ "inverted", "{{^l}}geen{{/l}}", "{\"l\":[]}", "geen" },
		{ "inverted when present", "{{^l}}geen{{/l}}", "{\"l\":[1]}",
		  "" },
		{ "comment", "a{{! niets }}b", "{}", "ab" },
		{ "datum", "{{d|datum}}", "{\"d\":\"2021-04-22\"}",
		  "22 april 2021" },
		{ "datum of a non-date", "{{d|datum}}", "{\"d\":\"morgen\"}",
		  "morgen" },
		{ "moment", "{{t|moment}}", "{\"t\":\"2026-12-02T02:38:17Z\"}",
		  "2 december 2026, 03:38" },
		{ "moment in summer time", "{{t|moment}}",
		  "{\"t\":\"2026-07-01T22:15:00Z\"}", "2 juli 2026, 00:15" },
		{ "moment of a non-instant", "{{t|moment}}",
		  "{\"t\":\"gisteren\"}", "gisteren" },
		{ "getal", "{{n|getal}}", "{\"n\":1234567}", "1.234.567" },
		{ "getal negative", "{{n|getal}}", "{\"n\":-1000}", "-1.000" },
		{ "url", "/x/{{s|url}}", "{\"s\":\"a b/c\"}", "/x/a%20b%2Fc" },
		{ "nested sections", "{{#a}}{{#b}}{{c}}{{/b}}{{/a}}",
		  "{\"a\":{\"b\":[{\"c\":1},{\"c\":2}]}}", "12" },
	};
	struct arena a;

	(void)state;
	arena_init(&a, 1 << 22);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		print_message("# %s\n", cases[i].name);
		assert_string_equal(render(cases[i].tmpl, cases[i].json, &a),
				    cases[i].want);
	}
	arena_free(&a);
}

static void
test_partials(void **state)
{
	struct tmpl_set *set = tmpl_set_new();
	struct arena a;
	struct err e;
	json_t *d = json_pack("{s:s}", "titel", "Besluiten");
	char *out;
	size_t len;

	(void)state;
	arena_init(&a, 1 << 20);
	err_clear(&e);
	assert_int_equal(tmpl_add(set, "kop", "<h1>{{titel}}</h1>", 18, &e), 0);
	assert_int_equal(tmpl_add(set, "pagina", "{{>kop}}<p>x</p>", 16, &e),
			 0);
	assert_int_equal(tmpl_add(set, "lus", "{{>lus}}", 8, &e), 0);
	assert_int_equal(
		tmpl_render(set, "pagina", d, &a, 1 << 20, &out, &len, &e),
		ST_OK);
	assert_string_equal(out, "<h1>Besluiten</h1><p>x</p>");
	/* Endless recursion is cut off. */
	assert_int_equal(
		tmpl_render(set, "lus", d, &a, 1 << 20, &out, &len, &e),
		ST_INTERNAL);
	/* A missing template. */
	err_clear(&e);
	assert_int_equal(
		tmpl_render(set, "geen", d, &a, 1 << 20, &out, &len, &e),
		ST_INTERNAL);
	/* Duplicate names are refused. */
	err_clear(&e);
	assert_int_equal(tmpl_add(set, "kop", "x", 1, &e), ST_INVALID);
	/* Output over the limit. */
	err_clear(&e);
	assert_int_equal(tmpl_render(set, "pagina", d, &a, 10, &out, &len, &e),
			 ST_NOMEM);
	json_decref(d);
	tmpl_set_free(set);
	arena_free(&a);
}

static void
test_malformed(void **state)
{
	static const struct {
		const char *tmpl, *message_part;
	} cases[] = {
		{ "a\nb {{x", "regel 2" },
		{ "{{#a}}open", "wordt niet gesloten" },
		{ "{{/a}}", "sluit geen open sectie" },
		{ "{{#a}}{{/b}}", "sluit geen open sectie" },
		{ "{{x|onbekend}}", "onbekende opmaak" },
		{ "{{#x|datum}}{{/x}}", "opmaak kan alleen" },
		{ "{{a b}}", "ongeldige naam" },
		{ "{{}}", "ongeldige naam" },
		{ "{{.a}}", "ongeldige naam" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct tmpl_set *set = tmpl_set_new();
		struct err e;

		print_message("# malformed case %zu\n", i);
		err_clear(&e);
		assert_int_equal(tmpl_add(set, "t", cases[i].tmpl,
					  strlen(cases[i].tmpl), &e),
				 ST_INVALID);
		assert_non_null(
			strstr(e.problems[0].reason, cases[i].message_part));
		tmpl_set_free(set);
	}
}

static void
test_html_escape(void **state)
{
	char buf[32];

	(void)state;
	assert_int_equal(html_escape("a<b", buf, sizeof(buf)), 6);
	assert_string_equal(buf, "a&lt;b");
	assert_int_equal(html_escape("&&&", buf, 6), 15);
	assert_string_equal(buf, "&amp;"); /* cut, still terminated */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_partials),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_html_escape),
	};
	return RUN_TESTS(tests);
}

/*
 * fuzz_template.c - tmpl_add() and tmpl_render() (src/http/template.c).
 *
 * Input: template text, then a 0x1e byte (ASCII record separator), then
 * data. The template is added as "fuzz sjabloon" (a name no {{>...}} can
 * reach, so it cannot include itself) next to fixed partials (kop, rij,
 * lus: includes itself, nest: nests data too deep) and rendered with a
 * fixed JSON value full of <script>, <>&"' and dates, in which the data
 * also appears: parsed as JSON under "fuzz" (or as a string when it is not
 * JSON), as a string under "tekst" and split into lines under "regels".
 * Output limit 1 MiB.
 *
 * The escaping check, done soundly: the template is rendered twice, once
 * as is and once with every < > & " ' in its literal text (outside
 * {{...}}) replaced by a byte that UTF-8 text, and so no JSON string, can
 * contain (0xF8-0xFC). Both must give the same status and, with the
 * markers turned back, the same output; and the marked output must hold
 * no raw < > " ' at all (so "<script>" from data never gets through) and
 * no '&' that does not start &amp; &lt; &gt; &quot; or &#39;. (Asserting
 * "no <script> in the output unless the template has one" would be wrong:
 * "<{{leeg}}script>" renders "<script>" from template text alone.)
 *
 * Also: compiling is deterministic (same status for both versions), a
 * NUL byte, a "{{" without "}}", a {{/x}} closing nothing or an unclosed
 * section is ST_INVALID, adding a name twice is ST_INVALID, and a
 * rendered output is NUL-terminated, has no NUL inside and fits the limit.
 * A third render in an arena of 64 KiB gives the same output or ST_NOMEM.
 * html_escape() of the data text matches an escaper written here and
 * stays within short buffers.
 *
 * To keep the run time bounded (the renderer has no work limit besides
 * the output size, and nested sections over arrays multiply), arrays in
 * the data are cut to 3 elements, or to 1 when the template nests
 * sections more than 4 deep.
 */
#include <stdbool.h>
#include <string.h>

#include <jansson.h>

#include "fuzz.h"
#include "../src/http/template.h"
#include "../src/banned.h"

#define SEPARATOR 0x1e
#define OUT_MAX (1u << 20)
#define FUZZ_NAME "fuzz sjabloon"

static const char fixed_json[] =
	"{\"titel\": \"<script>alert(1)</script>\","
	" \"naam\": \"Jan & \\\"Piet\\\" 'O'Brien' <b>vet</b>\","
	" \"leeg\": \"\", \"niets\": null, \"waar\": true, \"onwaar\": false,"
	" \"nul\": 0, \"getal\": 1234567, \"negatief\": -9223372036854775808,"
	" \"groot\": 9223372036854775807, \"reeel\": 3.25,"
	" \"datum\": \"2021-04-22\", \"schrikkel\": \"2024-02-29\","
	" \"geen_datum\": \"2021-02-30<script>\","
	" \"url\": \"a b&c=d/\\u00e9?<script>\","
	" \"lijst\": [{\"naam\": \"<script>een</script>\","
	"             \"datum\": \"1999-12-31\", \"lijst\": []},"
	"            {\"naam\": \"twee & drie\", \"getal\": -1000},"
	"            \"<i>drie</i>\"],"
	" \"lege_lijst\": [], \"leeg_object\": {},"
	" \"obj\": {\"a\": {\"b\": {\"c\": \"<script>diep</script>\","
	"                  \"lijst\": [1, \"<\", \">\"]}},"
	"         \"naam\": \"'obj'\"},"
	" \"geneste\": [[[\"<script>\", \"&amp;\"]]]}";

static const struct {
	const char *name, *text;
} partials[] = {
	{ "kop", "<h1 class=\"kop\">{{titel}} &amp; {{naam}}</h1>\n" },
	{ "rij", "{{#lijst}}<li data-x='{{naam|url}}'>{{naam}} "
		 "{{datum|datum}} {{getal|getal}}</li>{{/lijst}}" },
	{ "lus", "<{{>lus}}>" },
	{ "nest", "{{#obj}}{{#obj}}{{#obj}}{{#obj}}{{#obj}}<b>{{>nest}}</b>"
		  "{{/obj}}{{/obj}}{{/obj}}{{/obj}}{{/obj}}" },
};
#define NPARTIALS (sizeof(partials) / sizeof(partials[0]))

static const char specials[] = "<>&\"'";
#define MARK0 0xF8 /* MARK0 + index in specials */

/*
 * Walk the tags as tmpl_add does. Replace specials in literal text by
 * markers when `mark`; report the deepest section nesting and whether the
 * text is certainly invalid (unterminated tag, unbalanced sections).
 */
static void
scan(unsigned char *t, size_t len, bool mark, int *maxdepth, bool *invalid)
{
	size_t p = 0;
	int depth = 0;

	*maxdepth = 0;
	*invalid = false;
	while (p < len) {
		size_t open = len, close = len;

		for (size_t q = p; q + 1 < len; q++)
			if (t[q] == '{' && t[q + 1] == '{') {
				open = q;
				break;
			}
		for (size_t q = p; mark && q < open; q++) {
			const char *c = t[q] ? strchr(specials, t[q]) : NULL;

			if (c)
				t[q] = (unsigned char)(MARK0 + (c - specials));
		}
		if (open == len)
			break;
		for (size_t q = open + 2; q + 1 < len; q++)
			if (t[q] == '}' && t[q + 1] == '}') {
				close = q;
				break;
			}
		if (close == len) {
			*invalid = true;
			return;
		}
		if (open + 2 < close) {
			unsigned char sigil = t[open + 2];

			if (sigil == '#' || sigil == '^') {
				if (++depth > *maxdepth)
					*maxdepth = depth;
			} else if (sigil == '/') {
				if (depth == 0)
					*invalid = true;
				else
					depth--;
			}
		}
		p = close + 2;
	}
	if (depth)
		*invalid = true;
}

static void
prune(json_t *v, size_t max)
{
	const char *key;
	json_t *el;
	size_t i;

	if (json_is_array(v)) {
		while (json_array_size(v) > max)
			json_array_remove(v, json_array_size(v) - 1);
		json_array_foreach(v, i, el)
		{
			prune(el, max);
		}
	} else if (json_is_object(v)) {
		json_object_foreach(v, key, el)
		{
			prune(el, max);
		}
	}
}

/* A JSON string of the bytes; not UTF-8: bytes >= 0x80 become '?'. */
static json_t *
string_of(const uint8_t *s, size_t n)
{
	json_t *j = json_stringn((const char *)s, n);
	char *copy;

	if (j)
		return j;
	copy = malloc(n ? n : 1);
	FUZZ_CHECK(copy != NULL);
	for (size_t i = 0; i < n; i++)
		copy[i] = s[i] < 0x80 ? (char)s[i] : '?';
	j = json_stringn(copy, n);
	free(copy);
	FUZZ_CHECK(j != NULL);
	return j;
}

static json_t *
build_data(const uint8_t *d, size_t n, size_t max_array)
{
	json_error_t jerr;
	json_t *root = json_loads(fixed_json, 0, &jerr), *fuzz, *lines;
	size_t start = 0;

	FUZZ_CHECK(root != NULL);
	fuzz = json_loadb((const char *)d, n, JSON_DECODE_ANY | JSON_ALLOW_NUL,
			  &jerr);
	if (!fuzz)
		fuzz = string_of(d, n);
	json_object_set_new(root, "fuzz", fuzz);
	json_object_set_new(root, "tekst", string_of(d, n));
	lines = json_array();
	for (size_t i = 0; i <= n && json_array_size(lines) < 3; i++)
		if (i == n || d[i] == '\n') {
			json_array_append_new(lines,
					      string_of(d + start, i - start));
			start = i + 1;
		}
	json_object_set_new(root, "regels", lines);
	prune(root, max_array);
	return root;
}

/* A set with the fixed partials and the fuzz template; its add status. */
static struct tmpl_set *
build_set(const unsigned char *text, size_t len, bool mark, enum status *st)
{
	struct tmpl_set *set = tmpl_set_new();
	struct err e;

	FUZZ_CHECK(set != NULL);
	for (size_t i = 0; i < NPARTIALS; i++) {
		size_t plen = strlen(partials[i].text);
		unsigned char *p = malloc(plen);
		int depth;
		bool invalid;

		FUZZ_CHECK(p != NULL);
		memcpy(p, partials[i].text, plen);
		scan(p, plen, mark, &depth, &invalid);
		err_clear(&e);
		FUZZ_CHECK(tmpl_add(set, partials[i].name, (char *)p, plen,
				    &e) == ST_OK);
		free(p);
	}
	err_clear(&e);
	*st = tmpl_add(set, FUZZ_NAME, (const char *)text, len, &e);
	if (*st == ST_OK) {
		err_clear(&e);
		FUZZ_CHECK(tmpl_add(set, FUZZ_NAME, (const char *)text, len,
				    &e) == ST_INVALID);
	} else {
		FUZZ_CHECK(*st == ST_INVALID);
		FUZZ_CHECK(e.status == ST_INVALID && e.nproblems == 1);
	}
	return set;
}

/* html_escape against a reference, also into buffers that are too short. */
static void
check_html_escape(const uint8_t *d, size_t n)
{
	static const char *const rep[] = { "&lt;", "&gt;", "&amp;", "&quot;",
					   "&#39;" };
	char *s = malloc(n + 1), *want = malloc(6 * n + 1), *buf;
	size_t o = 0, len;

	FUZZ_CHECK(s && want);
	memcpy(s, d, n);
	s[n] = '\0';
	for (const char *p = s; *p; p++) {
		const char *c = strchr(specials, *p);

		if (c) {
			size_t k = strlen(rep[c - specials]);

			memcpy(want + o, rep[c - specials], k);
			o += k;
		} else {
			want[o++] = *p;
		}
	}
	want[o] = '\0';
	FUZZ_CHECK(html_escape(s, NULL, 0) == o);
	buf = malloc(o + 1);
	FUZZ_CHECK(buf != NULL);
	FUZZ_CHECK(html_escape(s, buf, o + 1) == o);
	FUZZ_CHECK(strcmp(buf, want) == 0);
	for (size_t k = 1; k <= o && k < 8; k++) {
		/* exactly k bytes, so that ASan sees a write past the end */
		char *small = malloc(k);

		FUZZ_CHECK(small != NULL);
		FUZZ_CHECK(html_escape(s, small, k) == o);
		len = strlen(small);
		FUZZ_CHECK(len == k - 1 && memcmp(small, want, len) == 0);
		free(small);
	}
	free(buf);
	free(want);
	free(s);
}

static bool
entity_at(const char *s, size_t left)
{
	static const char *const ents[] = { "&amp;", "&lt;", "&gt;", "&quot;",
					    "&#39;" };

	for (size_t i = 0; i < sizeof(ents) / sizeof(ents[0]); i++) {
		size_t n = strlen(ents[i]);

		if (left >= n && memcmp(s, ents[i], n) == 0)
			return true;
	}
	return false;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *sep = memchr(data, SEPARATOR, size);
	size_t tlen = sep ? (size_t)(sep - data) : size;
	const uint8_t *d = sep ? sep + 1 : data + size;
	size_t dlen = (size_t)(data + size - d);
	unsigned char *plain = malloc(tlen ? tlen : 1);
	unsigned char *marked = malloc(tlen ? tlen : 1);
	struct tmpl_set *set1, *set2;
	enum status add1, add2, st1, st2, st3;
	int depth;
	bool invalid;
	json_t *root;
	struct arena a1, a2, a3;
	struct err e1, e2, e3;
	char *out1, *out2, *out3;
	size_t len1, len2, len3;

	FUZZ_CHECK(plain && marked);
	tmpl_set_free(NULL);
	check_html_escape(d, dlen);
	/* Bytes that would read as markers stand for themselves no more. */
	for (size_t i = 0; i < tlen; i++)
		plain[i] = data[i] >= MARK0 && data[i] < MARK0 + 5 ? 0xFD
								   : data[i];
	memcpy(marked, plain, tlen);
	scan(marked, tlen, true, &depth, &invalid);

	set1 = build_set(plain, tlen, false, &add1);
	set2 = build_set(marked, tlen, true, &add2);
	FUZZ_CHECK(add1 == add2);
	if (invalid || memchr(plain, '\0', tlen))
		FUZZ_CHECK(add1 == ST_INVALID);
	if (add1 != ST_OK)
		goto done;

	root = build_data(d, dlen, depth > 4 ? 1 : 3);
	arena_init(&a1, 8u << 20);
	arena_init(&a2, 8u << 20);
	err_clear(&e1);
	err_clear(&e2);
	st1 = tmpl_render(set1, FUZZ_NAME, root, &a1, OUT_MAX, &out1, &len1,
			  &e1);
	st2 = tmpl_render(set2, FUZZ_NAME, root, &a2, OUT_MAX, &out2, &len2,
			  &e2);
	FUZZ_CHECK(st1 == st2);
	if (st1 == ST_OK) {
		FUZZ_CHECK(out1 && out2 && len1 == len2);
		FUZZ_CHECK(len1 < OUT_MAX);
		FUZZ_CHECK(out1[len1] == '\0' && strlen(out1) == len1);
		FUZZ_CHECK(out2[len2] == '\0' && strlen(out2) == len2);
		for (size_t i = 0; i < len2; i++) {
			unsigned char c = (unsigned char)out2[i];

			/* escaping: nothing from data can be markup */
			FUZZ_CHECK(c != '<' && c != '>' && c != '"' &&
				   c != '\'');
			FUZZ_CHECK(c != '&' || entity_at(out2 + i, len2 - i));
			if (c >= MARK0 && c < MARK0 + 5)
				c = (unsigned char)specials[c - MARK0];
			FUZZ_CHECK(c == (unsigned char)out1[i]);
		}
	} else {
		FUZZ_CHECK(st1 == ST_NOMEM || st1 == ST_INTERNAL);
		FUZZ_CHECK(out1 == NULL && len1 == 0);
	}

	/* Running out of arena is ST_NOMEM, never a different page. */
	arena_init(&a3, 64u << 10);
	err_clear(&e3);
	st3 = tmpl_render(set1, FUZZ_NAME, root, &a3, OUT_MAX, &out3, &len3,
			  &e3);
	if (st3 == ST_OK) {
		FUZZ_CHECK(st1 == ST_OK && len3 == len1);
		FUZZ_CHECK(memcmp(out3, out1, len1 + 1) == 0);
	} else {
		FUZZ_CHECK(st3 == ST_NOMEM || st3 == ST_INTERNAL);
		if (st1 == ST_OK)
			FUZZ_CHECK(st3 == ST_NOMEM);
	}
	arena_free(&a3);
	arena_free(&a1);
	arena_free(&a2);
	json_decref(root);
done:
	tmpl_set_free(set1);
	tmpl_set_free(set2);
	free(plain);
	free(marked);
	return 0;
}

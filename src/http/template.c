/*
 * template.c - compile templates into a flat list of nodes, render them
 * against jansson values with a context stack.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "template.h"
#include "urlencoded.h"
#include "../core/date.h"
#include "../present/present.h"
#include "../banned.h"

enum node_kind {
	N_TEXT,
	N_VAR,
	N_SECTION, /* `end` is the index after its closing tag */
	N_INVERTED,
	N_PARTIAL,
};

enum filter { F_NONE, F_DATUM, F_MOMENT, F_GETAL, F_URL };

struct node {
	enum node_kind kind;
	char *text; /* N_TEXT: the text; others: the name or path */
	size_t len;
	enum filter filter;
	size_t end;
};

struct tmpl {
	char *name;
	struct node *nodes;
	size_t nnodes;
};

struct tmpl_set {
	struct tmpl *items;
	size_t n;
};

struct tmpl_set *
tmpl_set_new(void)
{
	return calloc(1, sizeof(struct tmpl_set));
}

static void
tmpl_free(struct tmpl *t)
{
	for (size_t i = 0; i < t->nnodes; i++)
		free(t->nodes[i].text);
	free(t->nodes);
	free(t->name);
}

void
tmpl_set_free(struct tmpl_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->n; i++)
		tmpl_free(&set->items[i]);
	free(set->items);
	free(set);
}

static char *
dup_n(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

static int
add_node(struct tmpl *t, size_t *cap, enum node_kind k, const char *s, size_t n,
	 enum filter f)
{
	if (t->nnodes == *cap) {
		size_t c = *cap ? *cap * 2 : 32;
		struct node *nn = realloc(t->nodes, c * sizeof(*nn));
		if (!nn)
			return -1;
		t->nodes = nn;
		*cap = c;
	}
	t->nodes[t->nnodes].kind = k;
	t->nodes[t->nnodes].text = dup_n(s, n);
	t->nodes[t->nnodes].len = n;
	t->nodes[t->nnodes].filter = f;
	t->nodes[t->nnodes].end = 0;
	if (!t->nodes[t->nnodes].text)
		return -1;
	t->nnodes++;
	return 0;
}

static size_t
line_of(const char *text, const char *p)
{
	size_t line = 1;

	for (; text < p; text++)
		if (*text == '\n')
			line++;
	return line;
}

static bool
valid_name(const char *s, size_t n)
{
	if (n == 1 && s[0] == '.')
		return true;
	if (n == 0 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '-' ||
		      c == '.'))
			return false;
	}
	return s[0] != '.' && s[n - 1] != '.';
}

enum status
tmpl_add(struct tmpl_set *set, const char *name, const char *text, size_t len,
	 struct err *e)
{
	struct tmpl t = { 0 };
	size_t cap = 0, stack[32], depth = 0;
	const char *p = text, *end = text + len;
	struct tmpl *items;

	if (memchr(text, '\0', len))
		return err_invalid(e, name, "template",
				   "Sjabloon %s bevat een NUL-teken.", name);
	t.name = dup_n(name, strlen(name));
	if (!t.name)
		goto nomem;
	while (p < end) {
		const char *open = NULL, *close, *q;

		for (q = p; q + 1 < end; q++)
			if (q[0] == '{' && q[1] == '{') {
				open = q;
				break;
			}
		if (!open) {
			if (add_node(&t, &cap, N_TEXT, p, (size_t)(end - p),
				     F_NONE))
				goto nomem;
			break;
		}
		if (open > p &&
		    add_node(&t, &cap, N_TEXT, p, (size_t)(open - p), F_NONE))
			goto nomem;
		close = NULL;
		for (q = open + 2; q + 1 < end; q++)
			if (q[0] == '}' && q[1] == '}') {
				close = q;
				break;
			}
		if (!close) {
			err_invalid(e, name, "template",
				    "Sjabloon %s, regel %zu: '{{' zonder '}}'.",
				    name, line_of(text, open));
			goto fail;
		}
		const char *s = open + 2, *f = close;
		char sigil = 0;
		enum filter filter = F_NONE;

		if (s < f && strchr("#^/>!", *s))
			sigil = *s++;
		while (s < f && *s == ' ')
			s++;
		while (f > s && f[-1] == ' ')
			f--;
		if (sigil == '!') {
			p = close + 2;
			continue;
		}
		size_t span = f > s ? (size_t)(f - s) : 0;
		const char *bar = span ? memchr(s, '|', span) : NULL;
		if (bar) {
			size_t fl = (size_t)(f - bar - 1);
			const char *fn = bar + 1;

			if (sigil) {
				err_invalid(e, name, "template",
					    "Sjabloon %s, regel %zu: een "
					    "opmaak kan alleen bij een waarde.",
					    name, line_of(text, open));
				goto fail;
			}
			if (fl == 5 && memcmp(fn, "datum", 5) == 0)
				filter = F_DATUM;
			else if (fl == 6 && memcmp(fn, "moment", 6) == 0)
				filter = F_MOMENT;
			else if (fl == 5 && memcmp(fn, "getal", 5) == 0)
				filter = F_GETAL;
			else if (fl == 3 && memcmp(fn, "url", 3) == 0)
				filter = F_URL;
			else {
				err_invalid(e, name, "template",
					    "Sjabloon %s, regel %zu: onbekende "
					    "opmaak '%.*s'.",
					    name, line_of(text, open), (int)fl,
					    fn);
				goto fail;
			}
			f = bar;
		}
		if (!valid_name(s, (size_t)(f - s))) {
			err_invalid(e, name, "template",
				    "Sjabloon %s, regel %zu: ongeldige naam "
				    "'%.*s'.",
				    name, line_of(text, open), (int)(f - s), s);
			goto fail;
		}
		if (sigil == '/') {
			struct node *o;

			if (depth == 0 ||
			    (o = &t.nodes[stack[depth - 1]])->len !=
				    (size_t)(f - s) ||
			    memcmp(o->text, s, o->len) != 0) {
				err_invalid(
					e, name, "template",
					"Sjabloon %s, regel %zu: '{{/%.*s}}' "
					"sluit geen open sectie.",
					name, line_of(text, open), (int)(f - s),
					s);
				goto fail;
			}
			o->end = t.nnodes;
			depth--;
		} else {
			enum node_kind k = sigil == '#'	  ? N_SECTION
					   : sigil == '^' ? N_INVERTED
					   : sigil == '>' ? N_PARTIAL
							  : N_VAR;
			if (add_node(&t, &cap, k, s, (size_t)(f - s), filter))
				goto nomem;
			if (k == N_SECTION || k == N_INVERTED) {
				if (depth == 32) {
					err_invalid(e, name, "template",
						    "Sjabloon %s: secties te "
						    "diep genest.",
						    name);
					goto fail;
				}
				stack[depth++] = t.nnodes - 1;
			}
		}
		p = close + 2;
	}
	if (depth) {
		err_invalid(e, name, "template",
			    "Sjabloon %s: sectie '%s' wordt niet gesloten.",
			    name, t.nodes[stack[depth - 1]].text);
		goto fail;
	}
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->items[i].name, name) == 0) {
			err_invalid(e, name, "template",
				    "Sjabloon %s bestaat al.", name);
			goto fail;
		}
	items = realloc(set->items, (set->n + 1) * sizeof(*items));
	if (!items)
		goto nomem;
	set->items = items;
	set->items[set->n++] = t;
	return ST_OK;
nomem:
	tmpl_free(&t);
	return err_set(e, ST_NOMEM, "Onvoldoende geheugen.");
fail:
	tmpl_free(&t);
	return ST_INVALID;
}

/* ---- rendering ---- */

struct out {
	struct arena *a;
	char *buf;
	size_t len, cap, max;
	bool over;
};

static void
put(struct out *o, const char *s, size_t n)
{
	if (o->over)
		return;
	if (o->len + n + 1 > o->max) {
		o->over = true;
		return;
	}
	if (o->len + n + 1 > o->cap) {
		size_t cap = o->cap ? o->cap : 4096;
		char *nb;

		while (cap < o->len + n + 1)
			cap *= 2;
		nb = arena_grow(o->a, o->buf, o->len, cap, 1);
		if (!nb) {
			o->over = true;
			return;
		}
		o->buf = nb;
		o->cap = cap;
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->buf[o->len] = '\0';
}

static void
put_escaped(struct out *o, const char *s)
{
	const char *start = s;

	for (; *s; s++) {
		const char *rep = NULL;

		switch (*s) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			continue;
		}
		put(o, start, (size_t)(s - start));
		put(o, rep, strlen(rep));
		start = s + 1;
	}
	put(o, start, (size_t)(s - start));
}

size_t
html_escape(const char *s, char *buf, size_t n)
{
	struct arena a;
	struct out o = { 0 };
	size_t len;

	arena_init(&a, 1 << 20);
	o.a = &a;
	o.max = 1 << 20;
	put_escaped(&o, s);
	len = o.len;
	if (n) {
		size_t c = len < n ? len : n - 1;
		if (o.buf)
			memcpy(buf, o.buf, c);
		buf[c] = '\0';
	}
	arena_free(&a);
	return len;
}

/* Look a dotted path up in the context stack, innermost first. */
static json_t *
lookup(json_t **stack, size_t depth, const char *path)
{
	char part[65];
	const char *dot;
	json_t *v = NULL;

	if (strcmp(path, ".") == 0)
		return depth ? stack[depth - 1] : NULL;
	dot = strchr(path, '.');
	size_t n = dot ? (size_t)(dot - path) : strlen(path);
	if (n >= sizeof(part))
		return NULL;
	memcpy(part, path, n);
	part[n] = '\0';
	for (size_t i = depth; i > 0 && !v; i--)
		if (json_is_object(stack[i - 1]))
			v = json_object_get(stack[i - 1], part);
	while (v && dot) {
		path = dot + 1;
		dot = strchr(path, '.');
		n = dot ? (size_t)(dot - path) : strlen(path);
		if (n >= sizeof(part))
			return NULL;
		memcpy(part, path, n);
		part[n] = '\0';
		if (json_is_array(v) && n > 0 && n < 6 &&
		    strspn(part, "0123456789") == n)
			v = json_array_get(v, (size_t)strtoul(part, NULL, 10));
		else if (json_is_object(v))
			v = json_object_get(v, part);
		else
			return NULL;
	}
	return v;
}

static bool
truthy(json_t *v)
{
	if (!v || json_is_null(v) || json_is_false(v))
		return false;
	if (json_is_string(v))
		return json_string_length(v) > 0;
	if (json_is_array(v))
		return json_array_size(v) > 0;
	if (json_is_integer(v))
		return json_integer_value(v) != 0;
	return true;
}

static void
put_value(struct out *o, json_t *v, enum filter f)
{
	char buf[64];
	day_t d;

	if (!v || json_is_null(v))
		return;
	if (json_is_string(v)) {
		const char *s = json_string_value(v);
		int64_t t;

		if (f == F_DATUM && date_parse(s, &d) == 0) {
			date_format_nl(d, buf, sizeof(buf));
			put_escaped(o, buf);
		} else if (f == F_MOMENT && date_parse_instant(s, &t) == 0) {
			date_format_moment_nl(t, buf, sizeof(buf));
			put_escaped(o, buf);
		} else if (f == F_URL) {
			size_t need = urlenc_encode(s, NULL, 0);
			char *enc = arena_alloc(o->a, need + 1);
			if (!enc) {
				o->over = true;
				return;
			}
			urlenc_encode(s, enc, need + 1);
			put_escaped(o, enc);
		} else {
			put_escaped(o, s);
		}
	} else if (json_is_integer(v)) {
		long long x = (long long)json_integer_value(v);

		if (f == F_GETAL) {
			present_getal_nl(x, buf, sizeof(buf));
		} else {
			snprintf(buf, sizeof(buf), "%lld", x);
		}
		put(o, buf, strlen(buf));
	} else if (json_is_true(v)) {
		put(o, "ja", 2);
	} else if (json_is_false(v)) {
		put(o, "nee", 3);
	} else if (json_is_real(v)) {
		snprintf(buf, sizeof(buf), "%g", json_real_value(v));
		put(o, buf, strlen(buf));
	}
}

static const struct tmpl *
find(const struct tmpl_set *set, const char *name)
{
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->items[i].name, name) == 0)
			return &set->items[i];
	return NULL;
}

struct render {
	const struct tmpl_set *set;
	struct out *o;
	json_t *stack[64];
	size_t depth;
	int partials;
	struct err *e;
};

static enum status render_range(struct render *r, const struct tmpl *t,
				size_t from, size_t to);

static enum status
render_partial(struct render *r, const char *name)
{
	const struct tmpl *t = find(r->set, name);
	enum status st;

	if (!t)
		return err_internal(r->e, "template %s not found", name);
	if (r->partials == 16)
		return err_internal(r->e, "template partials nested too deep");
	r->partials++;
	st = render_range(r, t, 0, t->nnodes);
	r->partials--;
	return st;
}

static enum status
render_range(struct render *r, const struct tmpl *t, size_t from, size_t to)
{
	enum status st;

	for (size_t i = from; i < to; i++) {
		const struct node *n = &t->nodes[i];
		json_t *v;

		switch (n->kind) {
		case N_TEXT:
			put(r->o, n->text, n->len);
			break;
		case N_VAR:
			put_value(r->o, lookup(r->stack, r->depth, n->text),
				  n->filter);
			break;
		case N_PARTIAL:
			if ((st = render_partial(r, n->text)))
				return st;
			break;
		case N_INVERTED:
			v = lookup(r->stack, r->depth, n->text);
			if (!truthy(v) &&
			    (st = render_range(r, t, i + 1, n->end)))
				return st;
			i = n->end - 1;
			break;
		case N_SECTION:
			v = lookup(r->stack, r->depth, n->text);
			if (truthy(v)) {
				if (r->depth == 64)
					return err_internal(r->e,
							    "template data "
							    "nested too deep");
				if (json_is_array(v)) {
					size_t k;
					json_t *el;

					json_array_foreach(v, k, el)
					{
						r->stack[r->depth++] = el;
						st = render_range(r, t, i + 1,
								  n->end);
						r->depth--;
						if (st)
							return st;
					}
				} else {
					r->stack[r->depth++] = v;
					st = render_range(r, t, i + 1, n->end);
					r->depth--;
					if (st)
						return st;
				}
			}
			i = n->end - 1;
			break;
		}
		if (r->o->over)
			return err_set(r->e, ST_NOMEM,
				       "De pagina wordt te groot.");
	}
	return ST_OK;
}

enum status
tmpl_render(const struct tmpl_set *set, const char *name, json_t *data,
	    struct arena *a, size_t max, char **out, size_t *out_len,
	    struct err *e)
{
	struct out o = { .a = a, .max = max };
	struct render r = { .set = set, .o = &o, .e = e };
	enum status st;

	*out = NULL;
	*out_len = 0;
	r.stack[r.depth++] = data;
	st = render_partial(&r, name);
	if (st)
		return st;
	if (!o.buf)
		put(&o, "", 0);
	if (o.over || !o.buf)
		return err_set(e, ST_NOMEM, "De pagina wordt te groot.");
	*out = o.buf;
	*out_len = o.len;
	return ST_OK;
}

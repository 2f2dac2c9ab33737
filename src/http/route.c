/*
 * route.c - segment-wise path matching with parameters.
 */
#include <stdio.h>
#include <string.h>

#include "route.h"
#include "../banned.h"

static const struct {
	enum http_method m;
	const char *name;
} methods[] = {
	{ HTTP_GET, "GET" },	     { HTTP_HEAD, "HEAD" },
	{ HTTP_POST, "POST" },	     { HTTP_PUT, "PUT" },
	{ HTTP_PATCH, "PATCH" },     { HTTP_DELETE, "DELETE" },
	{ HTTP_OPTIONS, "OPTIONS" },
};

enum http_method
http_method_parse(const char *s)
{
	for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++)
		if (strcmp(methods[i].name, s) == 0)
			return methods[i].m;
	return HTTP_OTHER;
}

const char *
http_method_name(enum http_method m)
{
	for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++)
		if (methods[i].m == m)
			return methods[i].name;
	return "OTHER";
}

struct seg {
	const char *p;
	size_t len;
};

/* Split "/a/b" into segments; -1 for a path that can never match. */
static int
split(const char *path, struct seg *segs, size_t max)
{
	size_t n = 0;
	const char *p = path;

	if (*p != '/')
		return -1;
	if (p[1] == '\0')
		return 0; /* "/" */
	while (*p == '/') {
		const char *start = ++p;

		while (*p && *p != '/')
			p++;
		if (p == start || n == max)
			return -1; /* empty segment, trailing slash, too deep */
		if ((p - start == 1 && start[0] == '.') ||
		    (p - start == 2 && start[0] == '.' && start[1] == '.'))
			return -1;
		segs[n].p = start;
		segs[n].len = (size_t)(p - start);
		n++;
	}
	return *p ? -1 : (int)n;
}

static int
match_one(const struct route *r, const struct seg *segs, int nsegs,
	  struct route_match *m)
{
	struct seg pat[ROUTE_MAX_SEGMENTS];
	int npat = split(r->pattern, pat, ROUTE_MAX_SEGMENTS);

	if (npat != nsegs)
		return 0;
	m->nparams = 0;
	for (int i = 0; i < npat; i++) {
		if (pat[i].len >= 2 && pat[i].p[0] == '{' &&
		    pat[i].p[pat[i].len - 1] == '}') {
			if (m->nparams == ROUTE_MAX_PARAMS)
				return 0;
			m->params[m->nparams].name = pat[i].p + 1;
			m->params[m->nparams].name_len = pat[i].len - 2;
			m->params[m->nparams].value = segs[i].p;
			m->params[m->nparams].value_len = segs[i].len;
			m->nparams++;
			continue;
		}
		if (pat[i].len != segs[i].len ||
		    memcmp(pat[i].p, segs[i].p, segs[i].len) != 0)
			return 0;
	}
	return 1;
}

int
route_match(const struct route *routes, size_t n, enum http_method method,
	    const char *path, struct route_match *m)
{
	struct seg segs[ROUTE_MAX_SEGMENTS];
	struct route_match tmp;
	int nsegs = split(path, segs, ROUTE_MAX_SEGMENTS);

	memset(m, 0, sizeof(*m));
	if (nsegs < 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (!match_one(&routes[i], segs, nsegs, &tmp))
			continue;
		m->allowed |= routes[i].method;
		if (routes[i].method == HTTP_GET)
			m->allowed |= HTTP_HEAD;
		if (!m->route &&
		    (routes[i].method == method ||
		     (method == HTTP_HEAD && routes[i].method == HTTP_GET))) {
			unsigned allowed = m->allowed;
			*m = tmp;
			m->allowed = allowed;
			m->route = &routes[i];
		}
	}
	return m->route != NULL;
}

void
http_allow_header(unsigned allowed, char *buf, size_t n)
{
	size_t o = 0;

	if (n == 0)
		return;
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
		if (!(allowed & methods[i].m))
			continue;
		int w = snprintf(buf + o, n - o, "%s%s", o ? ", " : "",
				 methods[i].name);
		if (w < 0 || (size_t)w >= n - o) {
			buf[o] = '\0'; /* never a partial method name */
			return;
		}
		o += (size_t)w;
	}
}

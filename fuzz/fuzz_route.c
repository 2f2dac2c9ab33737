/*
 * fuzz_route.c - route_match() (src/http/route.c) against a table of its
 * own with literal and {param} segments.
 *
 * Input: the first byte picks the method (its low 3 bits: GET ... OTHER),
 * the rest up to the first NUL is the path. Checks:
 *  - the result agrees with a reference matcher written here from the
 *    rules in route.h: same route (the first that fits path and method,
 *    HEAD also taking GET routes) and the same `allowed` set;
 *  - on a match every parameter value is a non-empty substring of the
 *    path without '/', is a whole segment, its name is the one in the
 *    pattern, and putting the values into the pattern gives the path back;
 *  - a path with a trailing slash (other than "/"), an empty, "." or ".."
 *    segment, or without a leading '/' never matches and has allowed == 0;
 *  - http_allow_header stays within short buffers and terminates them;
 *    http_method_parse/http_method_name agree.
 */
#include <stdbool.h>
#include <string.h>

#include "fuzz.h"
#include "../src/http/route.h"
#include "../src/banned.h"

static const struct route routes[] = {
	{ HTTP_GET, "/", NULL, 0 },
	{ HTTP_GET, "/api/v1/besluiten", NULL, 0 },
	{ HTTP_POST, "/api/v1/besluiten", NULL, 0 },
	{ HTTP_GET, "/api/v1/besluiten/{identificatie}", NULL, 0 },
	{ HTTP_PUT, "/api/v1/besluiten/{identificatie}", NULL, 0 },
	{ HTTP_DELETE, "/api/v1/besluiten/{identificatie}", NULL, 0 },
	{ HTTP_GET, "/api/v1/besluiten/{identificatie}/statussen", NULL, 0 },
	{ HTTP_POST, "/api/v1/besluiten/{identificatie}/statussen", NULL, 0 },
	{ HTTP_GET, "/api/v1/besluiten/{identificatie}/statussen/{volgnummer}",
	  NULL, 0 },
	/* a literal that a parameter route also covers: first one wins */
	{ HTTP_GET, "/api/v1/besluiten/zoeken/statussen", NULL, 0 },
	{ HTTP_GET, "/api/v1/{collectie}", NULL, 0 },
	{ HTTP_OPTIONS, "/api/v1/{collectie}", NULL, 0 },
	{ HTTP_GET, "/samenwerkingen/{code}/eenheden/{eenheid}", NULL, 0 },
	{ HTTP_PATCH, "/samenwerkingen/{code}", NULL, 0 },
	{ HTTP_GET, "/static/{bestand}", NULL, 0 },
	{ HTTP_GET, "/{}", NULL, 0 }, /* a parameter with an empty name */
	{ HTTP_POST, "/p/{a}/{b}/{c}/{d}", NULL, 0 }, /* ROUTE_MAX_PARAMS */
	{ HTTP_PUT, "/p/{a}/{b}/{c}/{d}/{e}", NULL, 0 }, /* one too many */
	{ HTTP_GET, "/s/2/3/4/5/6/7/8/9/10/11/12", NULL, 0 }, /* deepest */
	{ HTTP_GET, "/s/2/3/4/5/6/7/8/9/10/11/12/13", NULL, 0 }, /* too deep */
	{ HTTP_GET, "/{a}/{b}/{c}/x/{d}/y/z/w/v/u/t/s", NULL, 0 },
	{ HTTP_DELETE, "/{x}/{y}", NULL, 0 },
};
#define NROUTES (sizeof(routes) / sizeof(routes[0]))

struct seg {
	const char *p;
	size_t len;
};

/* Split on '/'; -1 when the path can never match (see route.h). */
static int
ref_split(const char *path, struct seg *segs)
{
	size_t n = 0;
	const char *p = path;

	if (path[0] != '/')
		return -1;
	if (strcmp(path, "/") == 0)
		return 0;
	for (;;) {
		const char *start = ++p, *slash = strchr(start, '/');
		size_t len = slash ? (size_t)(slash - start) : strlen(start);

		if (len == 0 || n == ROUTE_MAX_SEGMENTS)
			return -1;
		if ((len == 1 && start[0] == '.') ||
		    (len == 2 && start[0] == '.' && start[1] == '.'))
			return -1;
		segs[n].p = start;
		segs[n].len = len;
		n++;
		if (!slash)
			return (int)n;
		p = slash;
	}
}

static bool
is_param(const struct seg *s)
{
	return s->len >= 2 && s->p[0] == '{' && s->p[s->len - 1] == '}';
}

static bool
ref_matches(const struct route *r, const struct seg *segs, int nsegs)
{
	struct seg pat[ROUTE_MAX_SEGMENTS];
	int npat = ref_split(r->pattern, pat);
	size_t nparams = 0;

	if (npat != nsegs)
		return false;
	for (int i = 0; i < npat; i++) {
		if (is_param(&pat[i])) {
			nparams++;
			continue;
		}
		if (pat[i].len != segs[i].len ||
		    memcmp(pat[i].p, segs[i].p, pat[i].len) != 0)
			return false;
	}
	return nparams <= ROUTE_MAX_PARAMS;
}

/* Whether the path breaks a rule that makes every route miss. */
static bool
never_matches(const char *path)
{
	size_t len = strlen(path);

	if (path[0] != '/')
		return true;
	if (len > 1 && path[len - 1] == '/')
		return true;
	if (strstr(path, "//") || strstr(path, "/./") || strstr(path, "/../"))
		return true;
	return (len >= 2 && strcmp(path + len - 2, "/.") == 0) ||
	       (len >= 3 && strcmp(path + len - 3, "/..") == 0);
}

/* The pattern with the parameter values put in must give the path. */
static void
check_params(const struct route_match *m, const char *path)
{
	struct seg pat[ROUTE_MAX_SEGMENTS];
	int npat = ref_split(m->route->pattern, pat);
	size_t plen = strlen(path), k = 0, o = 0;
	char *rebuilt = malloc(plen + 1);

	FUZZ_CHECK(rebuilt != NULL);
	FUZZ_CHECK(npat >= 0);
	FUZZ_CHECK(m->nparams <= ROUTE_MAX_PARAMS);
	for (size_t i = 0; i < m->nparams; i++) {
		const char *v = m->params[i].value;
		size_t vl = m->params[i].value_len;

		FUZZ_CHECK(vl > 0);
		FUZZ_CHECK(v > path && v + vl <= path + plen);
		FUZZ_CHECK(memchr(v, '/', vl) == NULL);
		FUZZ_CHECK(v[-1] == '/');
		FUZZ_CHECK(v[vl] == '/' || v[vl] == '\0');
	}
	for (int i = 0; i < npat; i++) {
		const char *s = pat[i].p;
		size_t sl = pat[i].len;

		if (is_param(&pat[i])) {
			FUZZ_CHECK(k < m->nparams);
			FUZZ_CHECK(m->params[k].name == pat[i].p + 1);
			FUZZ_CHECK(m->params[k].name_len == pat[i].len - 2);
			s = m->params[k].value;
			sl = m->params[k].value_len;
			k++;
		}
		FUZZ_CHECK(o + 1 + sl <= plen);
		rebuilt[o++] = '/';
		memcpy(rebuilt + o, s, sl);
		o += sl;
	}
	FUZZ_CHECK(k == m->nparams);
	if (npat == 0)
		rebuilt[o++] = '/';
	FUZZ_CHECK(o == plen && memcmp(rebuilt, path, plen) == 0);
	free(rebuilt);
}

static void
check_allow_header(unsigned allowed)
{
	char full[128], small[24];

	http_allow_header(allowed, full, sizeof(full));
	for (size_t n = 1; n <= sizeof(small); n++) {
		memset(small, 'x', sizeof(small));
		http_allow_header(allowed, small, n);
		FUZZ_CHECK(memchr(small, '\0', n) != NULL);
		/* what fits is a prefix of the whole header */
		FUZZ_CHECK(strncmp(small, full, strlen(small)) == 0);
	}
	http_allow_header(allowed, small, 0); /* writes nothing */
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum http_method method;
	struct seg segs[ROUTE_MAX_SEGMENTS];
	struct route_match m;
	const struct route *want = NULL;
	unsigned want_allowed = 0;
	char *path;
	int nsegs, got;

	if (size == 0)
		return 0;
	method = (enum http_method)(1u << (data[0] & 7));
	FUZZ_CHECK(http_method_parse(http_method_name(method)) == method);
	path = malloc(size);
	FUZZ_CHECK(path != NULL);
	memcpy(path, data + 1, size - 1);
	path[size - 1] = '\0';

	nsegs = ref_split(path, segs);
	for (size_t i = 0; nsegs >= 0 && i < NROUTES; i++) {
		if (!ref_matches(&routes[i], segs, nsegs))
			continue;
		want_allowed |= routes[i].method;
		if (routes[i].method == HTTP_GET)
			want_allowed |= HTTP_HEAD;
		if (!want &&
		    (routes[i].method == method ||
		     (method == HTTP_HEAD && routes[i].method == HTTP_GET)))
			want = &routes[i];
	}

	got = route_match(routes, NROUTES, method, path, &m);
	FUZZ_CHECK(got == (m.route != NULL));
	FUZZ_CHECK(m.route == want);
	FUZZ_CHECK(m.allowed == want_allowed);
	if (never_matches(path)) {
		FUZZ_CHECK(nsegs < 0);
		FUZZ_CHECK(!got && m.allowed == 0);
	}
	if (got) {
		FUZZ_CHECK(m.allowed & m.route->method);
		check_params(&m, path);
	}
	check_allow_header(m.allowed);

	/* The path bytes as a method token: OTHER unless a known name. */
	method = http_method_parse(path);
	FUZZ_CHECK(method == HTTP_OTHER ||
		   strcmp(http_method_name(method), path) == 0);
	free(path);
	return 0;
}

/*
 * route.h - matching a request path against a table of routes.
 *
 * A pattern is a path of literal segments and parameters in braces:
 * "/api/v1/besluiten/{identificatie}". A parameter matches one non-empty
 * segment. Paths with a trailing slash, empty segments ("//"), or "." and
 * ".." segments never match, so "/besluiten/" and "/static/../x" are 404s.
 * When the path matches but the method does not, the match reports every
 * method the path does allow, for 405 + Allow.
 */
#ifndef AMBT_HTTP_ROUTE_H
#define AMBT_HTTP_ROUTE_H

#include <stddef.h>

#define ROUTE_MAX_PARAMS 4
#define ROUTE_MAX_SEGMENTS 12

enum http_method {
	HTTP_GET = 1 << 0,
	HTTP_HEAD = 1 << 1,
	HTTP_POST = 1 << 2,
	HTTP_PUT = 1 << 3,
	HTTP_PATCH = 1 << 4,
	HTTP_DELETE = 1 << 5,
	HTTP_OPTIONS = 1 << 6,
	HTTP_OTHER = 1 << 7,
};

struct route {
	enum http_method method; /* one method; GET routes also answer HEAD */
	const char *pattern;
	void (*handler)(void); /* opaque to the matcher */
	unsigned flags; /* opaque to the matcher */
};

struct route_match {
	const struct route *route; /* NULL when nothing matched */
	unsigned allowed; /* methods allowed on the path (bit set) */
	size_t nparams;
	struct {
		const char *name; /* points into the pattern; not terminated */
		size_t name_len;
		const char *value; /* points into the path; not terminated */
		size_t value_len;
	} params[ROUTE_MAX_PARAMS];
};

/* The method named by an HTTP method token, or HTTP_OTHER. */
enum http_method http_method_parse(const char *s);

/* "GET", "POST", ... */
const char *http_method_name(enum http_method m);

/*
 * Match `path` (already percent-decoded, without query string) and
 * `method` against routes[0..n). Returns 1 when a route matched (m->route),
 * 0 otherwise; m->allowed tells whether the path exists at all (0: 404).
 */
int route_match(const struct route *routes, size_t n, enum http_method method,
		const char *path, struct route_match *m);

/* Write "GET, HEAD, POST" for a method set into buf (size n). */
void http_allow_header(unsigned allowed, char *buf, size_t n);

#endif

/*
 * cache.h - a response cache for GET requests.
 *
 * An entry is a response body with its content type, stored under a key
 * (method, URL with query string, today's date) in the family of data
 * its answer shows (req_familie in http.h; the families are the store's,
 * store.h), together with the generation of that family it was made at
 * (store_generation). A lookup with another generation for the family is
 * a miss and drops every entry of that family, and of that family alone:
 * a committed write, by any process, invalidates the answers of the
 * family it touched, and a general write the answers of every family,
 * whose generations include the general one. The cache is bounded in
 * bytes; when full it starts over. Thread-safe.
 */
#ifndef AMBT_HTTP_CACHE_H
#define AMBT_HTTP_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"

struct cache;

/* A cache holding at most max_bytes of bodies; NULL when out of memory. */
struct cache *cache_new(size_t max_bytes);
void cache_free(struct cache *c);

/*
 * On a hit (an entry under key, of `familie`, made at `generation`), copy
 * the body into the arena and set *body, *len and *content_type (a static
 * string) and return true. When the family's entries were made at another
 * generation, they are all dropped first.
 */
bool cache_get(struct cache *c, const char *key, const char *familie,
	       int64_t generation, struct arena *a, const char **body,
	       size_t *len, const char **content_type);

/*
 * Store a copy of body under key, in `familie`, for this generation (the
 * one the request read before its cache_get). Kept only while the family
 * is at that generation: an answer made before a newer generation was
 * seen is not kept. The caller decides from the response whether it may
 * be shared at all (server.c: no cookie, no token of one visitor).
 */
void cache_put(struct cache *c, const char *key, const char *familie,
	       int64_t generation, const char *body, size_t len,
	       const char *content_type);

/*
 * Drop the entry under key, of any family and generation: its URL has
 * just answered with something that may not be shared, so no earlier
 * copy is served.
 */
void cache_forget(struct cache *c, const char *key);

#endif

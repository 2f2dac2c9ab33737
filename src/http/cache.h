/*
 * cache.h - a response cache for GET requests.
 *
 * An entry is a response body with its content type, stored under a key
 * (method, URL with query string, today's date) together with the
 * database generation it was made at (store_generation). A lookup with a
 * different generation is a miss, so every committed write, by any
 * process, invalidates everything at once. The cache is bounded in bytes;
 * when full it starts over. Thread-safe.
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
 * On a hit, copy the body into the arena and set *body, *len and
 * *content_type (a static string) and return true.
 */
bool cache_get(struct cache *c, const char *key, int64_t generation,
	       struct arena *a, const char **body, size_t *len,
	       const char **content_type);

/*
 * Store a copy of body under key for this generation. The caller decides
 * from the response whether it may be shared at all (server.c: no
 * cookie, no token of one visitor).
 */
void cache_put(struct cache *c, const char *key, int64_t generation,
	       const char *body, size_t len, const char *content_type);

/*
 * Drop the entry under key, of any generation: its URL has just answered
 * with something that may not be shared, so no earlier copy is served.
 */
void cache_forget(struct cache *c, const char *key);

#endif

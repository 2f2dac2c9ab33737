/*
 * cache.c - a bounded hash table of responses, cleared when full or when
 * the database generation moves on.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "../banned.h"

#define NBUCKETS 1024

struct entry {
	struct entry *next;
	char *key;
	char *body;
	size_t len;
	const char *content_type;
	int64_t generation;
};

struct cache {
	pthread_mutex_t mu;
	struct entry *buckets[NBUCKETS];
	size_t bytes, max_bytes;
	int64_t generation; /* of every entry held */
};

static uint64_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

static void
clear(struct cache *c)
{
	for (size_t i = 0; i < NBUCKETS; i++) {
		struct entry *e = c->buckets[i], *next;

		for (; e; e = next) {
			next = e->next;
			free(e->key);
			free(e->body);
			free(e);
		}
		c->buckets[i] = NULL;
	}
	c->bytes = 0;
}

/* Remove the entry under key, if any; the caller holds the lock. */
static void
drop(struct cache *c, const char *key)
{
	for (struct entry **p = &c->buckets[hash(key) % NBUCKETS]; *p;
	     p = &(*p)->next)
		if (strcmp((*p)->key, key) == 0) {
			struct entry *old = *p;
			*p = old->next;
			c->bytes -= old->len;
			free(old->key);
			free(old->body);
			free(old);
			return;
		}
}

struct cache *
cache_new(size_t max_bytes)
{
	struct cache *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	pthread_mutex_init(&c->mu, NULL);
	c->max_bytes = max_bytes;
	return c;
}

void
cache_free(struct cache *c)
{
	if (!c)
		return;
	clear(c);
	pthread_mutex_destroy(&c->mu);
	free(c);
}

bool
cache_get(struct cache *c, const char *key, int64_t generation, struct arena *a,
	  const char **body, size_t *len, const char **content_type)
{
	struct entry *e;
	bool hit = false;

	pthread_mutex_lock(&c->mu);
	if (generation != c->generation) {
		clear(c);
		c->generation = generation;
	}
	for (e = c->buckets[hash(key) % NBUCKETS]; e; e = e->next) {
		char *copy;

		if (strcmp(e->key, key) != 0)
			continue;
		copy = arena_alloc(a, e->len + 1);
		if (copy) {
			memcpy(copy, e->body, e->len);
			*body = copy;
			*len = e->len;
			*content_type = e->content_type;
			hit = true;
		}
		break;
	}
	pthread_mutex_unlock(&c->mu);
	return hit;
}

void
cache_put(struct cache *c, const char *key, int64_t generation,
	  const char *body, size_t len, const char *content_type)
{
	struct entry *e;
	size_t b;

	if (len > c->max_bytes / 4)
		return;
	e = calloc(1, sizeof(*e));
	if (!e)
		return;
	e->key = strdup(key);
	e->body = malloc(len ? len : 1);
	if (!e->key || !e->body) {
		free(e->key);
		free(e->body);
		free(e);
		return;
	}
	memcpy(e->body, body, len);
	e->len = len;
	e->content_type = content_type;
	e->generation = generation;
	pthread_mutex_lock(&c->mu);
	if (generation != c->generation) {
		clear(c);
		c->generation = generation;
	}
	if (c->bytes + len > c->max_bytes)
		clear(c);
	b = hash(key) % NBUCKETS;
	/* Replace an entry made concurrently for the same key. */
	drop(c, key);
	e->next = c->buckets[b];
	c->buckets[b] = e;
	c->bytes += len;
	pthread_mutex_unlock(&c->mu);
}

/* Drop one entry (see cache.h), under the lock. */
void
cache_forget(struct cache *c, const char *key)
{
	pthread_mutex_lock(&c->mu);
	drop(c, key);
	pthread_mutex_unlock(&c->mu);
}

/*
 * cache.c - a bounded hash table of responses. Each entry belongs to a
 * family of data; a family's entries go together when its generation
 * moves on, and all of them when the cache is full.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "../banned.h"

#define NBUCKETS 1024
#define NFAMBUCKETS 64
/*
 * Families known at most. Their names come from requests (a
 * municipality's code, checked), so their number is bounded here too:
 * beyond it the cache starts over, families and all.
 */
#define MAX_FAMILIES 1024

struct entry;

struct familie {
	struct familie *next; /* in its bucket */
	struct entry *entries; /* its entries, through entry.fnext */
	int64_t generation; /* of every entry of it */
	char naam[];
};

struct entry {
	struct entry *next; /* in its bucket */
	struct entry *fprev, *fnext; /* in its family's list */
	struct familie *fam;
	char *key;
	char *body;
	size_t len;
	const char *content_type;
};

struct cache {
	pthread_mutex_t mu;
	struct entry *buckets[NBUCKETS];
	struct familie *families[NFAMBUCKETS];
	size_t nfamilies;
	size_t bytes, max_bytes;
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
entry_free(struct entry *e)
{
	free(e->key);
	free(e->body);
	free(e);
}

/* Take e, already out of its bucket, out of its family and the count of
 * bytes, and free it; the caller holds the lock. */
static void
forget_entry(struct cache *c, struct entry *e)
{
	if (e->fprev)
		e->fprev->fnext = e->fnext;
	else
		e->fam->entries = e->fnext;
	if (e->fnext)
		e->fnext->fprev = e->fprev;
	c->bytes -= e->len;
	entry_free(e);
}

/* Drop every entry, and with `families` every family too. */
static void
clear(struct cache *c, bool families)
{
	for (size_t i = 0; i < NBUCKETS; i++) {
		struct entry *e = c->buckets[i], *next;

		for (; e; e = next) {
			next = e->next;
			entry_free(e);
		}
		c->buckets[i] = NULL;
	}
	for (size_t i = 0; i < NFAMBUCKETS; i++) {
		struct familie *f = c->families[i], *next;

		for (; f; f = next) {
			next = f->next;
			f->entries = NULL;
			if (families)
				free(f);
		}
		if (families)
			c->families[i] = NULL;
	}
	if (families)
		c->nfamilies = 0;
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
			forget_entry(c, old);
			return;
		}
}

/* Remove every entry of family f; the caller holds the lock. */
static void
drop_familie(struct cache *c, struct familie *f)
{
	while (f->entries) {
		struct entry *e = f->entries;
		struct entry **p = &c->buckets[hash(e->key) % NBUCKETS];

		while (*p != e)
			p = &(*p)->next;
		*p = e->next;
		forget_entry(c, e);
	}
}

/* The family named `naam`, or NULL; the caller holds the lock. */
static struct familie *
familie_find(struct cache *c, const char *naam)
{
	struct familie *f = c->families[hash(naam) % NFAMBUCKETS];

	while (f && strcmp(f->naam, naam) != 0)
		f = f->next;
	return f;
}

/*
 * A new family named `naam` at `generation`; NULL when out of memory. The
 * caller holds the lock.
 */
static struct familie *
familie_add(struct cache *c, const char *naam, int64_t generation)
{
	size_t b = hash(naam) % NFAMBUCKETS, n = strlen(naam);
	struct familie *f;

	if (c->nfamilies >= MAX_FAMILIES)
		clear(c, true);
	f = calloc(1, sizeof(*f) + n + 1);
	if (!f)
		return NULL;
	memcpy(f->naam, naam, n + 1);
	f->generation = generation;
	f->next = c->families[b];
	c->families[b] = f;
	c->nfamilies++;
	return f;
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
	clear(c, true);
	pthread_mutex_destroy(&c->mu);
	free(c);
}

bool
cache_get(struct cache *c, const char *key, const char *familie_naam,
	  int64_t generation, struct arena *a, const char **body, size_t *len,
	  const char **content_type)
{
	struct familie *f;
	struct entry *e;
	bool hit = false;

	pthread_mutex_lock(&c->mu);
	f = familie_find(c, familie_naam);
	if (f && f->generation != generation) {
		drop_familie(c, f);
		f->generation = generation;
	}
	for (e = c->buckets[hash(key) % NBUCKETS]; e; e = e->next) {
		char *copy;

		if (strcmp(e->key, key) != 0)
			continue;
		if (!f || e->fam != f)
			break;
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
cache_put(struct cache *c, const char *key, const char *familie_naam,
	  int64_t generation, const char *body, size_t len,
	  const char *content_type)
{
	struct familie *f;
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
		entry_free(e);
		return;
	}
	memcpy(e->body, body, len);
	e->len = len;
	e->content_type = content_type;
	pthread_mutex_lock(&c->mu);
	f = familie_find(c, familie_naam);
	if (!f)
		f = familie_add(c, familie_naam, generation);
	if (!f || f->generation != generation) {
		/* Made before the family moved on (another request saw a
		 * newer generation meanwhile): not kept. */
		pthread_mutex_unlock(&c->mu);
		entry_free(e);
		return;
	}
	if (c->bytes + len > c->max_bytes)
		clear(c, false);
	/* Replace an entry made concurrently for the same key. */
	drop(c, key);
	b = hash(key) % NBUCKETS;
	e->fam = f;
	e->next = c->buckets[b];
	c->buckets[b] = e;
	e->fnext = f->entries;
	if (f->entries)
		f->entries->fprev = e;
	f->entries = e;
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

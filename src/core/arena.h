/*
 * arena.h - a region allocator: many allocations, one free.
 *
 * Used per command and (later) per HTTP request: everything a store query
 * returns is allocated in the caller's arena and released together by
 * arena_free(). An arena has a byte limit fixed at init; an allocation
 * beyond it fails (returns NULL) instead of growing without bound.
 *
 * Ownership: the arena owns every block it hands out. Blocks stay valid
 * until arena_free(). The struct itself belongs to the caller (usually on
 * the stack).
 */
#ifndef AMBT_CORE_ARENA_H
#define AMBT_CORE_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;
	size_t used; /* bytes handed out plus chunk overhead */
	size_t limit; /* maximum for `used` */
};

/* Prepare an empty arena that will hand out at most `limit` bytes. */
void arena_init(struct arena *a, size_t limit);

/* Release every block. The arena can be used again afterwards. */
void arena_free(struct arena *a);

/* Zeroed block of n bytes, aligned for any type; NULL when over limit. */
void *arena_alloc(struct arena *a, size_t n);

/* The same without zeroing, for large buffers the caller fills
 * completely: zeroing them first would touch every page twice. */
void *arena_alloc_raw(struct arena *a, size_t n);

/* Zeroed array of n elements of `size` bytes; NULL on overflow or limit. */
void *arena_calloc(struct arena *a, size_t n, size_t size);

/* Copy of a NUL-terminated string (NULL gives NULL). */
char *arena_strdup(struct arena *a, const char *s);

/* Copy of the first n bytes of s, NUL-terminated. */
char *arena_strndup(struct arena *a, const char *s, size_t n);

/*
 * Grow an array: returns a block of new_n elements holding the old_n
 * elements of `old` (which stays valid but is no longer needed).
 */
void *arena_grow(struct arena *a, void *old, size_t old_n, size_t new_n,
		 size_t size);

#endif

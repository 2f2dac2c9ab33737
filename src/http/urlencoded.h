/*
 * urlencoded.h - parsing application/x-www-form-urlencoded text: query
 * strings and form bodies.
 *
 * Strict: a malformed percent escape, a decoded value that is not UTF-8,
 * a control character, an empty key, or more than URLENC_MAX_PAIRS pairs
 * is an error, so that a handler never sees text it would have to
 * second-guess. Keys and values are decoded into the caller's arena.
 */
#ifndef AMBT_HTTP_URLENCODED_H
#define AMBT_HTTP_URLENCODED_H

#include <stddef.h>

#include "../core/arena.h"
#include "../core/err.h"

#define URLENC_MAX_PAIRS 64

struct kv {
	const char *key;
	const char *value;
};

struct kvlist {
	struct kv *items;
	size_t n;
};

/*
 * Parse `len` bytes of `text` (no leading '?'). On success fills `out`
 * (arena memory) and returns ST_OK; otherwise ST_INVALID with one problem
 * named after `what` ("query" or "form") or ST_NOMEM.
 */
enum status urlenc_parse(struct arena *a, const char *text, size_t len,
			 const char *what, struct kvlist *out, struct err *e);

/* The value of the first pair with this key, or NULL. */
const char *kv_get(const struct kvlist *l, const char *key);

/* How many pairs have this key. */
size_t kv_count(const struct kvlist *l, const char *key);

/*
 * Write `s` percent-encoded for use in a URL component into buf (size n,
 * always NUL-terminated when n > 0). When it does not fit, buf holds the
 * longest prefix of whole characters and escapes that fits. Returns the
 * length it needed (without the NUL).
 */
size_t urlenc_encode(const char *s, char *buf, size_t n);

#endif

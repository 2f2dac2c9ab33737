/*
 * strbuf.h - a text that grows in an arena: append bytes, strings and
 * formatted text, then take the whole as one NUL-terminated string. When
 * the arena refuses to grow, the buffer is marked full and every later
 * append is dropped, so callers check once at the end (strbuf_text).
 */
#ifndef AMBT_CORE_STRBUF_H
#define AMBT_CORE_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

struct strbuf {
	struct arena *a;
	char *p; /* the text, NUL-terminated; NULL until something is added */
	size_t n, cap;
	bool vol; /* the arena refused: everything after is dropped */
};

void strbuf_init(struct strbuf *t, struct arena *a);
void strbuf_add(struct strbuf *t, const char *s, size_t n);
void strbuf_puts(struct strbuf *t, const char *s);
void strbuf_printf(struct strbuf *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The text so far ("" when nothing was added), or NULL when full. */
const char *strbuf_text(const struct strbuf *t);

#endif

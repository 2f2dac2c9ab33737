/*
 * strbuf.c - a text that grows in an arena (strbuf.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "strbuf.h"
#include "../banned.h"

void
strbuf_init(struct strbuf *t, struct arena *a)
{
	memset(t, 0, sizeof(*t));
	t->a = a;
}

void
strbuf_add(struct strbuf *t, const char *s, size_t n)
{
	if (t->vol)
		return;
	if (t->n + n + 1 > t->cap) {
		size_t cap = t->cap ? t->cap : 256;
		char *p;

		while (t->n + n + 1 > cap)
			cap *= 2;
		p = arena_grow(t->a, t->p, t->cap, cap, 1);
		if (!p) {
			t->vol = true;
			return;
		}
		t->p = p;
		t->cap = cap;
	}
	memcpy(t->p + t->n, s, n);
	t->n += n;
	t->p[t->n] = '\0';
}

void
strbuf_puts(struct strbuf *t, const char *s)
{
	strbuf_add(t, s, strlen(s));
}

void
strbuf_printf(struct strbuf *t, const char *fmt, ...)
{
	char small[256];
	char *big;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0) {
		t->vol = true;
		return;
	}
	if ((size_t)n < sizeof(small)) {
		strbuf_add(t, small, (size_t)n);
		return;
	}
	if (!(big = arena_alloc_raw(t->a, (size_t)n + 1))) {
		t->vol = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	strbuf_add(t, big, (size_t)n);
}

const char *
strbuf_text(const struct strbuf *t)
{
	if (t->vol)
		return NULL;
	return t->p ? t->p : "";
}

/*
 * err.c - filling struct err: problem lists and messages.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "../banned.h"

static void
copy_bounded(char *dst, size_t n, const char *src)
{
	size_t len = strlen(src);

	if (len >= n)
		len = n - 1;
	memcpy(dst, src, len);
	dst[len] = '\0';
}

void
err_clear(struct err *e)
{
	if (!e)
		return;
	e->status = ST_OK;
	e->nproblems = 0;
	e->ndropped = 0;
	e->message[0] = '\0';
	e->detail[0] = '\0';
	e->retry_after = 0;
}

enum status
err_invalid(struct err *e, const char *name, const char *code, const char *fmt,
	    ...)
{
	struct problem *p;
	va_list ap;

	if (!e)
		return ST_INVALID;
	e->status = ST_INVALID;
	if (e->nproblems == ERR_MAX_PROBLEMS) {
		e->ndropped++;
		return ST_INVALID;
	}
	p = &e->problems[e->nproblems++];
	copy_bounded(p->name, sizeof(p->name), name);
	copy_bounded(p->code, sizeof(p->code), code);
	va_start(ap, fmt);
	vsnprintf(p->reason, sizeof(p->reason), fmt, ap);
	va_end(ap);
	if (e->nproblems == 1)
		snprintf(e->message, sizeof(e->message), "%s: %s", p->name,
			 p->reason);
	else
		snprintf(e->message, sizeof(e->message),
			 "De invoer bevat %zu fouten.", e->nproblems);
	return ST_INVALID;
}

enum status
err_set(struct err *e, enum status st, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return st;
	e->status = st;
	va_start(ap, fmt);
	vsnprintf(e->message, sizeof(e->message), fmt, ap);
	va_end(ap);
	return st;
}

enum status
err_internal(struct err *e, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return ST_INTERNAL;
	e->status = ST_INTERNAL;
	copy_bounded(e->message, sizeof(e->message),
		     "Er ging intern iets mis; de wijziging is niet "
		     "opgeslagen.");
	va_start(ap, fmt);
	vsnprintf(e->detail, sizeof(e->detail), fmt, ap);
	va_end(ap);
	return ST_INTERNAL;
}

void
err_dedupe(struct err *e)
{
	size_t out = 0;

	for (size_t i = 0; i < e->nproblems; i++) {
		size_t j;

		for (j = 0; j < out; j++)
			if (strcmp(e->problems[j].name, e->problems[i].name) ==
				    0 &&
			    strcmp(e->problems[j].code, e->problems[i].code) ==
				    0)
				break;
		if (j == out)
			e->problems[out++] = e->problems[i];
	}
	e->nproblems = out;
}

int
err_has_problems(const struct err *e)
{
	return e && e->status == ST_INVALID && e->nproblems > 0;
}

const char *
status_name(enum status st)
{
	switch (st) {
	case ST_OK:
		return "ok";
	case ST_INVALID:
		return "invalid";
	case ST_NOT_FOUND:
		return "not-found";
	case ST_CONFLICT:
		return "conflict";
	case ST_NOMEM:
		return "no-memory";
	case ST_INTERNAL:
		return "internal";
	case ST_TOO_LARGE:
		return "too-large";
	case ST_UNSUPPORTED:
		return "unsupported";
	case ST_UNAUTHENTICATED:
		return "unauthenticated";
	case ST_FORBIDDEN:
		return "forbidden";
	case ST_UNAVAILABLE:
		return "unavailable";
	case ST_RETRY:
		return "retry";
	case ST_TOO_MANY:
		return "too-many";
	}
	return "unknown";
}

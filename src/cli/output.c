/*
 * output.c - tables (aligned or CSV), JSON printing, small formatters.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <csv.h>
#include <jansson.h>

#include "cli.h"
#include "../present/kostenverdeling.h"
#include "../core/text.h"
#include "../banned.h"

void
table_init(struct table *t, struct arena *a, size_t ncols,
	   const char *const *headers)
{
	t->a = a;
	t->ncols = ncols;
	t->headers = (const char **)headers;
	t->cells = NULL;
	t->nrows = 0;
	t->cap = 0;
}

int
table_row(struct table *t, const char *const *cells)
{
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		const char **c =
			arena_grow(t->a, (void *)t->cells, t->cap * t->ncols,
				   cap * t->ncols, sizeof(*c));
		if (!c)
			return -1;
		t->cells = c;
		t->cap = cap;
	}
	for (size_t i = 0; i < t->ncols; i++)
		t->cells[t->nrows * t->ncols + i] = cells[i] ? cells[i] : "";
	t->nrows++;
	return 0;
}

size_t
utf8_width(const char *s)
{
	size_t w = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			w++;
	return w;
}

bool
utf8_valid(const char *s)
{
	return text_utf8_valid(s, strlen(s));
}

static void
pad(FILE *out, size_t n)
{
	while (n--)
		fputc(' ', out);
}

void
table_print(const struct table *t, FILE *out, const char *indent)
{
	size_t width[32] = { 0 };
	size_t nc = t->ncols < 32 ? t->ncols : 32;

	for (size_t c = 0; c < nc; c++) {
		width[c] = utf8_width(t->headers[c]);
		for (size_t r = 0; r < t->nrows; r++) {
			size_t w = utf8_width(t->cells[r * t->ncols + c]);
			if (w > width[c])
				width[c] = w;
		}
	}
	for (size_t r = 0; r <= t->nrows + 1; r++) {
		size_t last = 0; /* last column with text on this line */

		for (size_t c = 0; c < nc; c++) {
			const char *cell =
				r == 0	 ? t->headers[c]
				: r == 1 ? "-"
					 : t->cells[(r - 2) * t->ncols + c];
			if (*cell)
				last = c;
		}
		fputs(indent, out);
		for (size_t c = 0; c <= last; c++) {
			const char *cell;
			size_t w;

			if (r == 0)
				cell = t->headers[c];
			else if (r == 1)
				cell = NULL;
			else
				cell = t->cells[(r - 2) * t->ncols + c];
			if (!cell) {
				for (size_t i = 0; i < width[c]; i++)
					fputc('-', out);
				w = width[c];
			} else {
				fputs(cell, out);
				w = utf8_width(cell);
			}
			if (c < last)
				pad(out, width[c] - w + 2);
		}
		fputc('\n', out);
	}
}

void
table_csv(const struct table *t, FILE *out)
{
	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			fputc(',', out);
		csv_fwrite(out, t->headers[c], strlen(t->headers[c]));
	}
	fputs("\r\n", out);
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const char *cell = t->cells[r * t->ncols + c];
			if (c)
				fputc(',', out);
			csv_fwrite(out, cell, strlen(cell));
		}
		fputs("\r\n", out);
	}
}

const char *
fmt_a(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	char *buf;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return "";
	buf = arena_alloc(a, (size_t)n + 1);
	if (!buf)
		return "";
	va_start(ap, fmt);
	vsnprintf(buf, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return buf;
}

const char *
date_nl_a(struct arena *a, day_t d)
{
	char buf[32];

	if (d == DATE_NONE)
		return "";
	date_format_nl(d, buf, sizeof(buf));
	return arena_strdup(a, buf);
}

const char *
bedrag_a(struct arena *a, int64_t cent)
{
	char buf[48];

	present_bedrag_nl(cent, buf, sizeof buf);
	return arena_strdup(a, buf);
}

const char *
date_iso_a(struct arena *a, day_t d)
{
	char buf[DATE_ISO_LEN];

	if (d == DATE_NONE)
		return NULL;
	date_format_iso(d, buf);
	return arena_strdup(a, buf);
}

void
json_print(json_t *v, FILE *out)
{
	json_dumpf(v, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', out);
	json_decref(v);
}

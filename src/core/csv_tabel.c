/*
 * csv_tabel.c - the CSV reader of the imports (libcsv).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <csv.h>

#include "csv_tabel.h"
#include "uren.h"
#include "../banned.h"

#define MAX_FIELDS 64

struct lezer {
	struct arena *a;
	struct err *e;
	const struct csv_kolommen *spec;
	csv_rij_fn fn; /* NULL: collect the rows in out->rijen */
	void *ctx;
	size_t rij_regel; /* line where the current row started */
	bool rij_klaar; /* a row ended; the next one starts later */
	/* The current row's fields, NUL-terminated one after another in
	 * buf; reused for every row, so memory does not grow with the file. */
	char *buf;
	size_t buflen, bufcap;
	size_t begin[MAX_FIELDS];
	size_t nvelden;
	bool te_veel;
	bool header_gelezen;
	bool gestopt; /* fn asked to stop */
	int kolom_van[MAX_FIELDS]; /* header position -> column, or -1 */
	size_t nheader;
	struct csv_tabel *out;
	size_t cap;
	bool nomem;
};

static void
on_field(void *data, size_t len, void *ctx)
{
	struct lezer *l = ctx;

	if (l->nvelden == MAX_FIELDS) {
		l->te_veel = true;
		return;
	}
	if (l->buflen + len + 1 > l->bufcap) {
		size_t cap = 2 * (l->buflen + len + 1) + 256;
		char *nb = realloc(l->buf, cap);

		if (!nb) {
			l->nomem = true;
			return;
		}
		l->buf = nb;
		l->bufcap = cap;
	}
	if (len)
		memcpy(l->buf + l->buflen, data, len);
	l->buf[l->buflen + len] = '\0';
	l->begin[l->nvelden++] = l->buflen;
	l->buflen += len + 1;
}

static char *
veld(struct lezer *l, size_t i)
{
	return l->buf + l->begin[i];
}

static bool
al_onbekend(const struct csv_tabel *o, const char *h)
{
	for (size_t i = 0; i < o->nonbekend; i++)
		if (strcasecmp(o->onbekend[i], h) == 0)
			return true;
	return false;
}

static void
header(struct lezer *l)
{
	const struct csv_kolommen *spec = l->spec;
	bool *gezien = l->out->aanwezig;
	size_t bekend = 0;

	l->nheader = l->nvelden;
	for (size_t i = 0; i < l->nvelden; i++) {
		char *h = arena_strdup(l->a, veld(l, i));
		size_t hn;
		int k = -1;

		if (!h) {
			l->nomem = true;
			return;
		}

		while (*h == ' ')
			h++;
		hn = strlen(h);
		while (hn && h[hn - 1] == ' ')
			h[--hn] = '\0';
		for (size_t c = 0; c < spec->n; c++)
			if (strcasecmp(h, spec->namen[c]) == 0)
				k = (int)c;
		l->kolom_van[i] = k;
		if (k < 0) {
			struct csv_tabel *o = l->out;

			if (al_onbekend(o, h))
				continue;
			const char **nu = arena_grow(
				l->a, (void *)o->onbekend, o->nonbekend,
				o->nonbekend + 1, sizeof(*nu));
			if (!nu) {
				l->nomem = true;
				continue;
			}
			nu[o->nonbekend++] = h;
			o->onbekend = nu;
			continue;
		}
		if (gezien[k])
			err_invalid(l->e, "regel 1", "duplicate-column",
				    "Kolom '%s' staat twee keer in de kop.",
				    spec->namen[k]);
		gezien[k] = true;
	}
	for (size_t c = 0; c < spec->n; c++)
		bekend += gezien[c];
	if (!bekend) {
		/* Not one known column: this is no header of ours at all. */
		err_invalid(l->e, "regel 1", "no-header",
			    "De eerste regel noemt geen enkele bekende kolom; "
			    "is dit wel een CSV-bestand met %s?",
			    spec->wat);
		l->header_gelezen = true;
		return;
	}
	for (size_t c = 0; c < spec->n; c++)
		if (spec->verplicht && spec->verplicht[c] && !gezien[c])
			err_invalid(l->e, "regel 1", "missing-column",
				    "De kolom '%s' ontbreekt in de kop.",
				    spec->namen[c]);
	l->header_gelezen = true;
	l->out->kop = true;
}

/* Collecting: keep a copy of the row in out->rijen. */
static bool
bewaar(void *ctx, const struct csv_rij *rij)
{
	struct lezer *l = ctx;
	struct csv_tabel *o = l->out;
	struct csv_rij *r;

	if (o->nrijen == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 256;

		r = arena_grow(l->a, o->rijen, o->nrijen, cap, sizeof(*r));
		if (!r)
			return false;
		o->rijen = r;
		l->cap = cap;
	}
	r = &o->rijen[o->nrijen];
	r->regel = rij->regel;
	r->veld = arena_calloc(l->a, l->spec->n, sizeof(*r->veld));
	if (!r->veld)
		return false;
	for (size_t k = 0; k < l->spec->n; k++)
		if (rij->veld[k] &&
		    !(r->veld[k] = arena_strdup(l->a, rij->veld[k])))
			return false;
	return true;
}

static void
on_row(int c, void *ctx)
{
	struct lezer *l = ctx;
	char naam[32];

	(void)c;
	if (l->nomem || l->gestopt) {
		/* nothing more */
	} else if (!l->header_gelezen) {
		header(l);
	} else if (!(l->nvelden == 1 && !*veld(l, 0))) { /* not blank */
		if (l->te_veel || l->nvelden > l->nheader) {
			snprintf(naam, sizeof(naam), "regel %zu", l->rij_regel);
			err_invalid(l->e, naam, "too-many-fields",
				    "Deze regel heeft %zu velden, de kop %zu.",
				    l->nvelden, l->nheader);
		} else {
			const char *v[CSV_MAX_KOLOMMEN] = { NULL };
			struct csv_rij rij = { .regel = l->rij_regel,
					       .veld = v };

			for (size_t i = 0; i < l->nvelden; i++)
				if (l->kolom_van[i] >= 0)
					v[l->kolom_van[i]] = veld(l, i);
			/* Short rows: the missing fields are empty. */
			for (size_t i = l->nvelden; i < l->nheader; i++)
				if (l->kolom_van[i] >= 0)
					v[l->kolom_van[i]] = "";
			if (l->fn) {
				l->out->nrijen++;
				if (!l->fn(l->ctx, &rij))
					l->gestopt = true;
			} else if (!bewaar(l, &rij)) {
				l->nomem = true;
			} else {
				l->out->nrijen++;
			}
		}
	}
	l->rij_klaar = true;
	l->nvelden = 0;
	l->buflen = 0;
	l->te_veel = false;
}

static enum status lees(struct lezer *l, const char *text, size_t n);

enum status
csv_tabel_lees(struct arena *a, const char *text, size_t n,
	       const struct csv_kolommen *spec, struct csv_tabel *out,
	       struct err *e)
{
	struct lezer l = {
		.a = a, .e = e, .out = out, .spec = spec, .rij_klaar = true
	};

	return lees(&l, text, n);
}

enum status
csv_tabel_stroom(struct arena *a, const char *text, size_t n,
		 const struct csv_kolommen *spec, csv_rij_fn fn, void *ctx,
		 struct csv_tabel *out, struct err *e)
{
	struct lezer l = { .a = a,
			   .e = e,
			   .out = out,
			   .spec = spec,
			   .fn = fn,
			   .ctx = ctx,
			   .rij_klaar = true };

	return lees(&l, text, n);
}

static enum status
lees(struct lezer *l, const char *text, size_t n)
{
	struct csv_tabel *out = l->out;
	struct err *e = l->e;
	const struct csv_kolommen *spec = l->spec;
	struct csv_parser p;
	size_t pos = 0, line = 0;
	size_t first_line_end;
	memset(out, 0, sizeof(*out));
	while (n && (text[n - 1] == '\n' || text[n - 1] == '\r'))
		n--; /* trailing newlines make no rows */
	if (n == 0)
		return err_invalid(e, "bestand", "empty",
				   "Het bestand is leeg; er staan geen %s in.",
				   spec->wat);
	first_line_end = 0;
	while (first_line_end < n && text[first_line_end] != '\r' &&
	       text[first_line_end] != '\n')
		first_line_end++;
	out->separator = uren_separator(text, first_line_end);
	if (!out->separator)
		return err_invalid(e, "regel 1", "no-header",
				   "De eerste regel is geen kop met kolommen "
				   "gescheiden door ; of , \xe2\x80\x94 is dit "
				   "wel een CSV-bestand met %s?",
				   spec->wat);
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL |
				 CSV_EMPTY_IS_NULL) != 0)
		return err_internal(e, "csv_init failed");
	csv_set_delim(&p, (unsigned char)out->separator);
	/*
	 * Feed one line at a time so that we know on which line each row
	 * starts: libcsv reports a row when its last line is fed, so the
	 * next row starts on the next line that is not blank.
	 */
	while (pos < n) {
		size_t end = pos;
		bool leeg;

		/* A line ends in LF, CRLF or (old Mac files) a lone CR: a CR
		 * before the next LF that is not right before it (nor the
		 * last byte). memchr finds both fast. */
		const char *lf = memchr(text + pos, '\n', n - pos);
		size_t stop = lf ? (size_t)(lf - text) : n;
		const char *cr = memchr(text + pos, '\r', stop - pos);

		end = stop;
		while (cr) {
			size_t c = (size_t)(cr - text);

			if (c + 1 < n && text[c + 1] != '\n') {
				end = c;
				break;
			}
			cr = c + 1 < stop ? memchr(cr + 1, '\r', stop - c - 1)
					  : NULL;
		}
		leeg = end == pos || (end == pos + 1 && text[pos] == '\r');
		if (end < n)
			end++; /* include the line end */
		line++;
		if (l->rij_klaar && !leeg) {
			l->rij_regel = line;
			l->rij_klaar = false;
		}
		if (csv_parse(&p, text + pos, end - pos, on_field, on_row, l) !=
		    end - pos) {
			char naam[32];

			snprintf(naam, sizeof(naam), "regel %zu", line);
			err_invalid(e, naam, "csv",
				    "Deze regel is geen geldige CSV: een "
				    "aanhalingsteken staat op een verkeerde "
				    "plaats.");
			csv_free(&p);
			free(l->buf);
			return ST_INVALID;
		}
		pos = end;
	}
	if (csv_fini(&p, on_field, on_row, l) != 0) {
		char naam[32];

		snprintf(naam, sizeof(naam), "regel %zu", l->rij_regel);
		err_invalid(e, naam, "csv",
			    "Een aanhalingsteken wordt niet gesloten.");
	}
	csv_free(&p);
	free(l->buf);
	l->buf = NULL;
	if (l->nomem)
		return err_set(e, ST_TOO_LARGE, "Het bestand is te groot.");
	if (e->status != ST_OK)
		return e->status;
	if (!l->header_gelezen)
		return err_invalid(e, "regel 1", "no-header",
				   "Het bestand heeft geen kop.");
	if (out->nrijen == 0)
		return err_invalid(e, "bestand", "empty",
				   "Het bestand heeft een kop maar geen regels "
				   "met %s.",
				   spec->wat);
	return ST_OK;
}

/*
 * uren_verdeling.c - totals and the urenverdeling; see uren_verdeling.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uren_verdeling.h"
#include "../banned.h"

static const char *const per_namen[] = { "maand", "kwartaal", "jaar" };

const char *
uren_per_naam(enum uren_per p)
{
	return (unsigned)p <= PER_JAAR ? per_namen[p] : "?";
}

int
uren_per_parse(const char *s, enum uren_per *out)
{
	for (int i = 0; i <= PER_JAAR; i++)
		if (s && strcmp(s, per_namen[i]) == 0) {
			*out = (enum uren_per)i;
			return 0;
		}
	return -1;
}

int32_t
uren_basispunten(int64_t deel, int64_t totaal)
{
	if (totaal <= 0)
		return 0;
	/* Hours stay far below 2^49 hundredths, so deel * 20000 fits. */
	return (int32_t)((deel * 20000 + totaal) / (2 * totaal));
}

void
uren_format_procent(int32_t bp, bool teken, char *buf, size_t n)
{
	const char *s = bp < 0 ? "-" : (teken && bp > 0 ? "+" : "");
	int32_t a = bp < 0 ? -bp : bp;

	snprintf(buf, n, "%s%d,%02d%s", s, a / 100, a % 100, teken ? "" : " %");
}

void
uren_periode_label(int jaar, enum uren_per per, int periode, char *buf,
		   size_t n)
{
	if (per == PER_MAAND)
		snprintf(buf, n, "%04d-%02d", jaar, periode);
	else if (per == PER_KWARTAAL)
		snprintf(buf, n, "%04d-K%d", jaar, periode);
	else
		snprintf(buf, n, "%04d", jaar);
}

static int
periode_van(enum uren_per per, int maand)
{
	return per == PER_MAAND	     ? maand
	       : per == PER_KWARTAAL ? (maand + 2) / 3
				     : 0;
}

static int
regel_cmp(const void *pa, const void *pb)
{
	const struct uren_totaalregel *a = pa, *b = pb;
	int c = strcmp(a->eenheid, b->eenheid);

	if (c)
		return c;
	if (a->periode != b->periode)
		return a->periode - b->periode;
	return strcmp(a->gemeente, b->gemeente);
}

static int
aandeel_cmp(const void *pa, const void *pb)
{
	const struct uren_aandeel *a = pa, *b = pb;

	return strcmp(a->gemeente, b->gemeente);
}

static struct uren_aandeel *
gemeente_in(struct uren_aandeel *g, size_t *n, const struct uren_maand *m)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp(g[i].gemeente, m->gemeente) == 0)
			return &g[i];
	memset(&g[*n], 0, sizeof(g[*n]));
	g[*n].gemeente = m->gemeente;
	g[*n].gemeente_naam = m->gemeente_naam;
	return &g[(*n)++];
}

enum status
uren_verdeling_maak(struct arena *a, const struct uren_maand *m, size_t n,
		    int jaar, enum uren_per per, struct uren_verdeling *out,
		    struct err *e)
{
	struct uren_totaalregel *r;
	size_t nr = 0;

	memset(out, 0, sizeof(*out));
	out->jaar = jaar;
	out->per = per;
	r = arena_calloc(a, n + 1, sizeof(*r));
	out->gemeenten = arena_calloc(a, n + 1, sizeof(*out->gemeenten));
	if (!r || !out->gemeenten)
		return err_set(e, ST_NOMEM, "Onvoldoende geheugen.");
	for (size_t i = 0; i < n; i++) {
		const struct uren_maand *x = &m[i];
		struct uren_aandeel *g;

		if (x->jaar != jaar && x->jaar != jaar - 1)
			continue;
		g = gemeente_in(out->gemeenten, &out->ngemeenten, x);
		if (x->jaar == jaar - 1) {
			g->vorig += x->honderdsten;
			out->vorig_totaal += x->honderdsten;
			continue;
		}
		g->honderdsten += x->honderdsten;
		out->totaal += x->honderdsten;
		/* The input is sorted by municipality, unit, month: a row
		 * continues the previous one while those and the period
		 * agree. */
		if (nr && strcmp(r[nr - 1].gemeente, x->gemeente) == 0 &&
		    strcmp(r[nr - 1].eenheid, x->eenheid) == 0 &&
		    r[nr - 1].periode == periode_van(per, x->maand)) {
			r[nr - 1].honderdsten += x->honderdsten;
			continue;
		}
		r[nr].gemeente = x->gemeente;
		r[nr].gemeente_naam = x->gemeente_naam;
		r[nr].eenheid = x->eenheid;
		r[nr].eenheid_naam = x->eenheid_naam;
		r[nr].jaar = jaar;
		r[nr].periode = periode_van(per, x->maand);
		r[nr].honderdsten = x->honderdsten;
		nr++;
	}
	qsort(r, nr, sizeof(*r), regel_cmp);
	/* Each row's share of its unit's hours in the period. */
	for (size_t i = 0; i < nr;) {
		size_t j = i;
		int64_t som = 0;

		while (j < nr && strcmp(r[j].eenheid, r[i].eenheid) == 0 &&
		       r[j].periode == r[i].periode)
			som += r[j++].honderdsten;
		for (size_t k = i; k < j; k++)
			r[k].aandeel = uren_basispunten(r[k].honderdsten, som);
		i = j;
	}
	for (size_t i = 0; i < out->ngemeenten; i++) {
		struct uren_aandeel *g = &out->gemeenten[i];

		g->aandeel = uren_basispunten(g->honderdsten, out->totaal);
		g->vorig_bekend = out->vorig_totaal > 0;
		g->vorig_aandeel =
			uren_basispunten(g->vorig, out->vorig_totaal);
		g->verschil =
			g->vorig_bekend ? g->aandeel - g->vorig_aandeel : 0;
	}
	qsort(out->gemeenten, out->ngemeenten, sizeof(*out->gemeenten),
	      aandeel_cmp);
	out->regels = r;
	out->nregels = nr;
	return ST_OK;
}

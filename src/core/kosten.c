/*
 * kosten.c - the canonical input of a year from the database; see
 * kosten.h.
 */
#include <stdlib.h>
#include <string.h>

#include "kosten.h"
#include "../banned.h"

/* Whether [van, tot) overlaps the year's days [j1, j2]. tot: exclusive,
 * DATE_NONE open. */
static int
overlapt(struct period p, day_t j1, day_t j2)
{
	return (p.van == DATE_NONE || p.van <= j2) &&
	       (p.tot == DATE_NONE || p.tot > j1);
}

static const struct kosten_rol *
rol_van(const struct kosten_jaar *k, const char *eenheid)
{
	for (size_t i = 0; i < k->nrollen; i++)
		if (strcmp(k->rollen[i].eenheid, eenheid) == 0)
			return &k->rollen[i];
	return NULL;
}

static const char *
gemeente_code(const struct uren_register *r, uint32_t g)
{
	return r->gemeenten[g].code;
}

/* The key of unit u over [van, tot] (inclusive) by basis b. */
static enum status
sleutel(const struct uren_register *r, const struct uren_cel *c, size_t nc,
	const struct kosten_jaar *k, const struct kv_invoer *in, uint32_t u,
	enum kv_basis b, day_t van, day_t tot, struct arena *a,
	struct kv_sleutel *out)
{
	memset(out, 0, sizeof *out);
	out->basis = b;
	out->gewichten =
		arena_calloc(a, in->ngemeenten + 1, sizeof *out->gewichten);
	if (!out->gewichten)
		return ST_NOMEM;
	for (size_t m = 0; m < in->ngemeenten; m++) {
		struct kv_gewicht *g = &out->gewichten[out->ngewichten++];
		g->gemeente = in->gemeenten[m];
		if (b == KV_UREN_REALISATIE) {
			/* Cells are sorted by unit first: find u's range. */
			size_t lo = 0, hi = nc;
			while (lo < hi) {
				size_t mid = (lo + hi) / 2;
				if (c[mid].eenheid < u)
					lo = mid + 1;
				else
					hi = mid;
			}
			for (size_t i = lo; i < nc && c[i].eenheid == u; i++)
				if (c[i].dag >= van && c[i].dag <= tot &&
				    strcmp(gemeente_code(r, c[i].gemeente),
					   g->gemeente) == 0)
					g->waarde += c[i].honderdsten;
		} else if (b == KV_INWONERS) {
			for (size_t i = 0; i < r->ngemeenten; i++)
				if (strcmp(r->gemeenten[i].code, g->gemeente) ==
					    0 &&
				    r->gemeenten[i].inwoners > 0)
					g->waarde = r->gemeenten[i].inwoners;
		} else {
			for (size_t i = 0; i < k->ngewichten; i++)
				if (strcmp(k->gewichten[i].eenheid,
					   r->eenheden[u].code) == 0 &&
				    strcmp(k->gewichten[i].gemeente,
					   g->gemeente) == 0)
					g->waarde = k->gewichten[i].gewicht;
		}
	}
	return ST_OK;
}

/* A primary unit's key(s) for the year, following its arrangement. */
static enum status
afdeling_sleutels(const struct uren_register *r, const struct uren_cel *c,
		  size_t nc, const struct kosten_jaar *k,
		  const struct kv_invoer *in, uint32_t u, enum kv_basis b,
		  struct arena *a, struct kv_afdeling *d)
{
	const struct uren_eenheid *ue = &r->eenheden[u];
	day_t j1 = date_from_ymd(k->jaar, 1, 1);
	day_t j2 = date_from_ymd(k->jaar, 12, 31);
	size_t n = 0;
	for (size_t i = 0; i < ue->ninrichting; i++)
		n += overlapt(ue->inrichting[i].periode, j1, j2);
	if (n <= 1) {
		const struct inrichting *ir = NULL;
		for (size_t i = 0; i < ue->ninrichting; i++)
			if (overlapt(ue->inrichting[i].periode, j1, j2))
				ir = &ue->inrichting[i];
		if (ir && ir->vorm == VORM_EIGEN) {
			d->sleutel.basis = KV_DIRECT;
			d->sleutel.direct = ir->gemeente;
			return ST_OK;
		}
		return sleutel(r, c, nc, k, in, u, b, j1, j2, a, &d->sleutel);
	}
	d->periodes = arena_calloc(a, n, sizeof *d->periodes);
	if (!d->periodes)
		return ST_NOMEM;
	for (size_t i = 0; i < ue->ninrichting; i++) {
		const struct inrichting *ir = &ue->inrichting[i];
		if (!overlapt(ir->periode, j1, j2))
			continue;
		struct kv_periode *p = &d->periodes[d->nperiodes++];
		p->van = ir->periode.van == DATE_NONE || ir->periode.van < j1
				 ? j1
				 : ir->periode.van;
		p->tot = ir->periode.tot == DATE_NONE || ir->periode.tot > j2
				 ? j2
				 : ir->periode.tot - 1;
		if (ir->vorm == VORM_EIGEN) {
			p->sleutel.basis = KV_DIRECT;
			p->sleutel.direct = ir->gemeente;
		} else if (sleutel(r, c, nc, k, in, u, b, p->van, p->tot, a,
				   &p->sleutel)) {
			return ST_NOMEM;
		}
	}
	/* Stretches before the first arrangement: as the first. */
	if (d->periodes[0].van > j1)
		d->periodes[0].van = j1;
	return ST_OK;
}

static int
cmp_volgorde(const void *x, const void *y)
{
	const struct kosten_rol *a = *(const struct kosten_rol *const *)x;
	const struct kosten_rol *b = *(const struct kosten_rol *const *)y;
	return (a->volgorde > b->volgorde) - (a->volgorde < b->volgorde);
}

enum status
kosten_invoer(const struct uren_register *r, const struct uren_cel *cellen,
	      size_t ncellen, const struct kosten_jaar *k, struct arena *a,
	      struct kv_invoer *out, struct err *e)
{
	const struct uren_samenwerking *sw = NULL;
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < r->nsamenwerkingen; i++)
		if (strcmp(r->samenwerkingen[i].code, k->samenwerking) == 0)
			sw = &r->samenwerkingen[i];
	if (!sw)
		return err_set(e, ST_NOT_FOUND, "Samenwerking %s bestaat niet.",
			       k->samenwerking);
	day_t j1 = date_from_ymd(k->jaar, 1, 1);
	day_t j2 = date_from_ymd(k->jaar, 12, 31);
	out->jaar = k->jaar;
	out->gemeenten =
		arena_calloc(a, sw->nleden + 1, sizeof *out->gemeenten);
	if (!out->gemeenten)
		goto nomem;
	for (size_t i = 0; i < sw->nleden; i++)
		if (overlapt(sw->leden[i].periode, j1, j2))
			out->gemeenten[out->ngemeenten++] =
				sw->leden[i].gemeente;

	/* Units of the cooperation with costs, hours or a role. */
	char *mee = arena_calloc(a, r->neenheden + 1, 1);
	if (!mee)
		goto nomem;
	size_t nd = 0;
	for (size_t u = 0; u < r->neenheden; u++) {
		const char *code = r->eenheden[u].code;
		if (strcmp(r->eenheden[u].samenwerking, k->samenwerking) != 0)
			continue;
		mee[u] = rol_van(k, code) != NULL;
		for (size_t i = 0; !mee[u] && i < k->nposten; i++)
			mee[u] = strcmp(k->posten[i].eenheid, code) == 0;
		for (size_t i = 0; !mee[u] && i < ncellen; i++)
			mee[u] = cellen[i].eenheid == u &&
				 cellen[i].dag >= j1 && cellen[i].dag <= j2;
		nd += mee[u];
	}
	out->afdelingen = arena_calloc(a, nd + 1, sizeof *out->afdelingen);
	const struct kosten_rol **volgorde =
		arena_calloc(a, nd + 1, sizeof *volgorde);
	size_t nvolgorde = 0;
	if (!out->afdelingen || !volgorde)
		goto nomem;
	for (size_t u = 0; u < r->neenheden; u++) {
		if (!mee[u])
			continue;
		struct kv_afdeling *d = &out->afdelingen[out->nafdelingen++];
		const struct kosten_rol *rol = rol_van(k, r->eenheden[u].code);
		d->id = r->eenheden[u].code;
		d->naam = r->eenheden[u].naam;
		d->ondersteunend = rol && rol->ondersteunend;
		d->taakveld = rol && rol->taakveld ? rol->taakveld : NULL;
		for (size_t i = 0; !d->taakveld && i < k->nposten; i++)
			if (strcmp(k->posten[i].eenheid, d->id) == 0)
				d->taakveld = k->posten[i].taakveld;
		if (!d->taakveld)
			d->taakveld = d->ondersteunend ? "0.4" : "";
		if (d->ondersteunend) {
			if (rol->volgorde > 0)
				volgorde[nvolgorde++] = rol;
			continue;
		}
		enum kv_basis b = rol && rol->basis != KV_GEEN
					  ? rol->basis
					  : KV_UREN_REALISATIE;
		if (afdeling_sleutels(r, cellen, ncellen, k, out, (uint32_t)u,
				      b, a, d))
			goto nomem;
	}

	/* The support allocation. */
	size_t ns = 0;
	for (size_t i = 0; i < out->nafdelingen; i++)
		ns += out->afdelingen[i].ondersteunend;
	if (ns) {
		out->methode = k->methode != KV_METHODE_GEEN ? k->methode
			       : nvolgorde		     ? KV_STEP_DOWN
							     : KV_RECIPROCAAL;
		qsort(volgorde, nvolgorde, sizeof *volgorde, cmp_volgorde);
		out->volgorde =
			arena_calloc(a, nvolgorde + 1, sizeof *out->volgorde);
		out->steunsleutels =
			arena_calloc(a, ns, sizeof *out->steunsleutels);
		if (!out->volgorde || !out->steunsleutels)
			goto nomem;
		if (out->methode == KV_STEP_DOWN)
			for (size_t i = 0; i < nvolgorde; i++)
				out->volgorde[out->nvolgorde++] =
					volgorde[i]->eenheid;
		for (size_t i = 0; i < out->nafdelingen; i++) {
			const struct kv_afdeling *d = &out->afdelingen[i];
			if (!d->ondersteunend)
				continue;
			struct kv_steunsleutel *s =
				&out->steunsleutels[out->nsteunsleutels++];
			s->afdeling = d->id;
			s->ontvangers = arena_calloc(a, k->nleveringen + 1,
						     sizeof *s->ontvangers);
			if (!s->ontvangers)
				goto nomem;
			for (size_t l = 0; l < k->nleveringen; l++)
				if (strcmp(k->leveringen[l].van, d->id) == 0)
					s->ontvangers[s->nontvangers++] =
						(struct kv_ontvanger){
							k->leveringen[l].aan,
							k->leveringen[l].gewicht
						};
		}
	}

	out->posten = arena_calloc(a, k->nposten + 1, sizeof *out->posten);
	if (!out->posten)
		goto nomem;
	for (size_t i = 0; i < k->nposten; i++) {
		const struct kosten_post *p = &k->posten[i];
		out->posten[out->nposten++] = (struct kv_post){
			.id = p->code,
			.afdeling = p->eenheid,
			.kostensoort = p->kostensoort,
			.taakveld = p->taakveld,
			.bedrag = p->bedrag,
			.datum = p->datum,
		};
	}
	if (k->nvoorschotten) {
		out->heeft_voorschotten = 1;
		out->voorschotten = k->voorschotten;
		out->nvoorschotten = k->nvoorschotten;
	}
	return ST_OK;
nomem:
	return err_set(e, ST_NOMEM, "Te weinig geheugen.");
}

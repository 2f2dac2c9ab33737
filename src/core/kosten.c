/*
 * kosten.c - the canonical input of a year from the database; see
 * kosten.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_tabel.h"
#include "kosten.h"
#include "text.h"
#include "uren.h"
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
			int gevonden = 0;
			for (size_t i = 0; i < k->ninwoners; i++)
				if (strcmp(k->inwoners[i].gemeente,
					   g->gemeente) == 0) {
					g->waarde = k->inwoners[i].waarde;
					gevonden = 1;
				}
			for (size_t i = 0; !gevonden && i < r->ngemeenten; i++)
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

/*
 * A primary unit's key(s) for the year, following its arrangement: one
 * stretch per arrangement in force during the year. While the unit is
 * `eigen` to one member everything goes to that member; a stretch in which
 * it was placed in a joint body (ondergebracht) is not the cooperation's
 * and joins the stretch before it (or after it, at the start of the year).
 * Hours keys count the hours of the stretch itself.
 */
static enum status
afdeling_sleutels(const struct uren_register *r, const struct uren_cel *c,
		  size_t nc, const struct kosten_jaar *k,
		  const struct kv_invoer *in, uint32_t u, enum kv_basis b,
		  struct arena *a, struct kv_afdeling *d)
{
	const struct uren_eenheid *ue = &r->eenheden[u];
	day_t j1 = date_from_ymd(k->jaar, 1, 1);
	day_t j2 = date_from_ymd(k->jaar, 12, 31);
	const struct inrichting **st =
		arena_calloc(a, ue->ninrichting + 1, sizeof *st);
	size_t n = 0;
	if (!st)
		return ST_NOMEM;
	for (size_t i = 0; i < ue->ninrichting; i++)
		if (overlapt(ue->inrichting[i].periode, j1, j2) &&
		    ue->inrichting[i].vorm != VORM_ONDERGEBRACHT)
			st[n++] = &ue->inrichting[i];
	if (n == 0)
		return sleutel(r, c, nc, k, in, u, b, j1, j2, a, &d->sleutel);
	if (n == 1) {
		if (st[0]->vorm == VORM_EIGEN) {
			d->sleutel.basis = KV_DIRECT;
			d->sleutel.direct = st[0]->gemeente;
			return ST_OK;
		}
		return sleutel(r, c, nc, k, in, u, b, j1, j2, a, &d->sleutel);
	}
	d->periodes = arena_calloc(a, n, sizeof *d->periodes);
	if (!d->periodes)
		return ST_NOMEM;
	for (size_t i = 0; i < n; i++) {
		struct kv_periode *p = &d->periodes[d->nperiodes++];
		day_t van = st[i]->periode.van == DATE_NONE ||
					    st[i]->periode.van < j1
				    ? j1
				    : st[i]->periode.van;
		day_t tot = st[i]->periode.tot == DATE_NONE ||
					    st[i]->periode.tot > j2
				    ? j2
				    : st[i]->periode.tot - 1;
		p->van = i == 0 ? j1 : van;
		p->tot = i + 1 == n ? j2 : 0; /* set by the next stretch */
		if (i > 0)
			d->periodes[i - 1].tot = van - 1;
		if (st[i]->vorm == VORM_EIGEN) {
			p->sleutel.basis = KV_DIRECT;
			p->sleutel.direct = st[i]->gemeente;
		} else if (sleutel(r, c, nc, k, in, u, b, van, tot, a,
				   &p->sleutel)) {
			return ST_NOMEM;
		}
	}
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
		for (size_t i = 0; !mee[u] && i < k->nmaatwerk; i++)
			mee[u] = strcmp(k->maatwerk[i].afdeling, code) == 0;
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
	out->maatwerk = k->maatwerk;
	out->nmaatwerk = k->nmaatwerk;
	if (k->nvoorschotten) {
		out->heeft_voorschotten = 1;
		out->voorschotten = k->voorschotten;
		out->nvoorschotten = k->nvoorschotten;
	}
	return ST_OK;
nomem:
	return err_set(e, ST_NOMEM, "Te weinig geheugen.");
}

/* An amount in cents within the calculation's limit either way. */
static void
check_bedrag(int64_t cent, const char *veld, struct err *e)
{
	if (cent > KV_MAX_BEDRAG || cent < -KV_MAX_BEDRAG)
		err_invalid(e, veld, "range",
			    "Een bedrag ligt tussen -1.000 miljard en 1.000 "
			    "miljard euro.");
}

/* ---- scenarios ---------------------------------------------------------- */

static const char *const soorten[] = { "eigen", "gedeeld", "ondergebracht",
				       "grondslag", "kostenpost" };

const char *
scenario_soort_naam(enum scenario_soort s)
{
	return (unsigned)s <= SC_KOSTENPOST ? soorten[s] : "?";
}

int
scenario_soort_van(const char *naam, enum scenario_soort *out)
{
	for (int i = 0; naam && i <= SC_KOSTENPOST; i++)
		if (strcmp(soorten[i], naam) == 0) {
			*out = (enum scenario_soort)i;
			return 0;
		}
	return -1;
}

/* The pure rules of a unit's role. */
enum status
kosten_rol_check(const struct kosten_rol *r, struct err *e)
{
	text_check_int(r->volgorde, "volgorde", 0, KOSTEN_MAX_VOLGORDE, e);
	text_check_max(r->taakveld, "taakveld", REG_MAX_TAAKVELD, e);
	return e->status == ST_INVALID ? ST_INVALID : ST_OK;
}

/* The pure rules of a scenario; the register's names are the store's. */
enum status
scenario_check(const struct scenario *sc, struct err *e)
{
	char veld[64];

	text_check_int(sc->jaar, "jaar", DATE_JAAR_MIN, DATE_JAAR_MAX, e);
	if (!sc->naam || !*sc->naam)
		err_invalid(e, "naam", "required",
			    "Geef het scenario een naam.");
	else
		text_check_max(sc->naam, "naam", KOSTEN_MAX_NAAM, e);
	text_check_max(sc->omschrijving, "omschrijving",
		       KOSTEN_MAX_OMSCHRIJVING, e);
	if (sc->nwijzigingen == 0)
		err_invalid(e, "wijzigingen", "required",
			    "Noem minstens één wijziging.");
	else if (sc->nwijzigingen > KOSTEN_MAX_WIJZIGINGEN)
		err_invalid(e, "wijzigingen", "too-many",
			    "Een scenario heeft hoogstens %d wijzigingen.",
			    KOSTEN_MAX_WIJZIGINGEN);
	for (size_t i = 0; i < sc->nwijzigingen && i < KOSTEN_MAX_WIJZIGINGEN;
	     i++) {
		const struct scenario_wijziging *w = &sc->wijzigingen[i];

		snprintf(veld, sizeof veld, "wijzigingen[%zu].kostenpost", i);
		text_check_max(w->kostenpost, veld, KOSTEN_MAX_CODE, e);
		snprintf(veld, sizeof veld, "wijzigingen[%zu].bedragCenten", i);
		check_bedrag(w->bedrag, veld, e);
	}
	return e->status == ST_INVALID ? ST_INVALID : ST_OK;
}

static long
eenheid_van(const struct uren_register *r, const char *sw, const char *code)
{
	for (size_t u = 0; code && u < r->neenheden; u++)
		if (strcmp(r->eenheden[u].code, code) == 0 &&
		    strcmp(r->eenheden[u].samenwerking, sw) == 0)
			return (long)u;
	return -1;
}

static int
is_lid(const struct uren_register *r, const char *sw, const char *gemeente)
{
	for (size_t i = 0; gemeente && i < r->nsamenwerkingen; i++)
		if (strcmp(r->samenwerkingen[i].code, sw) == 0)
			for (size_t l = 0; l < r->samenwerkingen[i].nleden; l++)
				if (strcmp(r->samenwerkingen[i].leden[l].gemeente,
					   gemeente) == 0)
					return 1;
	return 0;
}

/* Unit u's arrangement from `vanaf` on becomes `ir`. */
static enum status
nieuwe_inrichting(struct arena *a, struct uren_eenheid *ue,
		  const struct inrichting *ir)
{
	struct inrichting *n = arena_calloc(a, ue->ninrichting + 1, sizeof *n);
	size_t k = 0;
	if (!n)
		return ST_NOMEM;
	for (size_t i = 0; i < ue->ninrichting; i++) {
		struct inrichting o = ue->inrichting[i];
		if (o.periode.van != DATE_NONE &&
		    o.periode.van >= ir->periode.van)
			continue;
		if (o.periode.tot == DATE_NONE ||
		    o.periode.tot > ir->periode.van)
			o.periode.tot = ir->periode.van;
		n[k++] = o;
	}
	n[k++] = *ir;
	ue->inrichting = n;
	ue->ninrichting = k;
	return ST_OK;
}

/* The part of `bedrag` for the days before `vanaf` in the year. */
static int64_t
deel_voor(int64_t bedrag, day_t vanaf, int jaar)
{
	day_t j1 = date_from_ymd(jaar, 1, 1);
	int64_t dagen = date_from_ymd(jaar, 12, 31) - j1 + 1;
	int64_t voor = vanaf <= j1	    ? 0
		       : vanaf - j1 > dagen ? dagen
					    : vanaf - j1;
	__int128 x = (__int128)(bedrag < 0 ? -bedrag : bedrag) * voor;
	int64_t v = (int64_t)((2 * x + dagen) / (2 * dagen));
	return bedrag < 0 ? -v : v;
}

enum status
kosten_scenario(const struct uren_register *r, const struct kosten_jaar *k,
		const struct scenario *sc, struct arena *a,
		struct uren_register *r2, struct kosten_jaar *k2, struct err *e)
{
	struct uren_eenheid *eenheden =
		arena_calloc(a, r->neenheden + 1, sizeof *eenheden);
	struct kosten_post *posten =
		arena_calloc(a, k->nposten + 1, sizeof *posten);
	struct kosten_rol *rollen = arena_calloc(
		a, k->nrollen + sc->nwijzigingen + 1, sizeof *rollen);
	if (!eenheden || !posten || !rollen)
		return err_set(e, ST_NOMEM, "Te weinig geheugen.");
	/* memcpy from NULL is undefined even for zero bytes. */
	if (r->neenheden)
		memcpy(eenheden, r->eenheden, r->neenheden * sizeof *eenheden);
	if (k->nposten)
		memcpy(posten, k->posten, k->nposten * sizeof *posten);
	if (k->nrollen)
		memcpy(rollen, k->rollen, k->nrollen * sizeof *rollen);
	*r2 = *r;
	r2->eenheden = eenheden;
	*k2 = *k;
	k2->posten = posten;
	k2->rollen = rollen;
	for (size_t i = 0; i < sc->nwijzigingen; i++) {
		const struct scenario_wijziging *w = &sc->wijzigingen[i];
		char veld[48];
		snprintf(veld, sizeof veld, "wijzigingen[%zu]", i);
		if (w->soort == SC_KOSTENPOST) {
			size_t p = 0;
			while (p < k2->nposten &&
			       strcmp(posten[p].code,
				      w->kostenpost ? w->kostenpost : "") != 0)
				p++;
			if (p == k2->nposten)
				err_invalid(e, veld, "unknown",
					    "Kostenpost %s bestaat niet in %s "
					    "%d.",
					    w->kostenpost ? w->kostenpost : "",
					    k->samenwerking, k->jaar);
			else
				posten[p].bedrag = w->bedrag;
			continue;
		}
		long u = eenheid_van(r, k->samenwerking, w->eenheid);
		if (u < 0) {
			err_invalid(e, veld, "unknown",
				    "Eenheid %s hoort niet bij samenwerking "
				    "%s.",
				    w->eenheid ? w->eenheid : "",
				    k->samenwerking);
			continue;
		}
		if (w->soort == SC_GRONDSLAG) {
			struct kosten_rol *rol = NULL;
			for (size_t j = 0; j < k2->nrollen; j++)
				if (strcmp(rollen[j].eenheid, w->eenheid) == 0)
					rol = &rollen[j];
			if (!rol) {
				rol = &rollen[k2->nrollen++];
				rol->eenheid = r->eenheden[u].code;
			}
			rol->basis = w->grondslag;
			continue;
		}
		struct inrichting ir = { .periode = { w->vanaf, DATE_NONE } };
		ir.vorm = w->soort == SC_EIGEN		 ? VORM_EIGEN
			  : w->soort == SC_ONDERGEBRACHT ? VORM_ONDERGEBRACHT
							 : VORM_GEDEELD;
		if (w->vanaf == DATE_NONE) {
			err_invalid(e, veld, "required",
				    "Zeg vanaf welke datum eenheid %s anders "
				    "wordt ingericht.",
				    w->eenheid);
			continue;
		}
		if (ir.vorm == VORM_EIGEN) {
			if (!is_lid(r, k->samenwerking, w->gemeente)) {
				err_invalid(e, veld, "unknown",
					    "Gemeente %s is geen lid van %s.",
					    w->gemeente ? w->gemeente : "",
					    k->samenwerking);
				continue;
			}
			ir.gemeente = w->gemeente;
		}
		if (nieuwe_inrichting(a, &eenheden[u], &ir))
			return err_set(e, ST_NOMEM, "Te weinig geheugen.");
		if (ir.vorm != VORM_ONDERGEBRACHT)
			continue;
		for (size_t p = 0; p < k2->nposten; p++) {
			if (strcmp(posten[p].eenheid, w->eenheid) != 0)
				continue;
			if (posten[p].datum == DATE_NONE)
				posten[p].bedrag = deel_voor(posten[p].bedrag,
							     w->vanaf, k->jaar);
			else if (posten[p].datum >= w->vanaf)
				posten[p].bedrag = 0;
		}
	}
	return err_has_problems(e) ? ST_INVALID : ST_OK;
}

/* ---- cost pools from a file ---------------------------------------------- */

int
kosten_bedrag_parse(const char *s, int64_t *cent)
{
	int neg = 0, cijfers = 0, na = -1;
	int64_t v = 0;
	const char *komma = s ? strchr(s, ',') : NULL;
	if (!s)
		return -1;
	while (*s == ' ')
		s++;
	if (*s == '-') {
		neg = 1;
		s++;
	}
	if (strncmp(s, "\u20ac", 3) == 0) { /* the euro sign */
		s += 3;
		while (*s == ' ')
			s++;
	}
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			if (na >= 2 || v > (INT64_MAX - 9) / 10 / 100)
				return -1;
			v = v * 10 + (*s - '0');
			cijfers++;
			if (na >= 0)
				na++;
		} else if (*s == ',' && na < 0) {
			na = 0;
		} else if (*s == '.' && na < 0 && komma) {
			continue; /* thousands, with a decimal comma */
		} else if (*s == '.' && na < 0) {
			/* "1.234" is thousands; "1.5" and "1.25" decimals. */
			size_t rest = strspn(s + 1, "0123456789");
			if (rest == 3 && (s[4] == '\0' || s[4] == '.'))
				continue;
			na = 0;
		} else if (*s == ' ' && s[1] == '\0') {
			break;
		} else {
			return -1;
		}
	}
	if (!cijfers || na == 0)
		return -1;
	for (int i = na < 0 ? 0 : na; i < 2; i++)
		v *= 10;
	*cent = neg ? -v : v;
	return 0;
}

enum {
	P_CODE,
	P_EENHEID,
	P_KOSTENSOORT,
	P_TAAKVELD,
	P_BEDRAG,
	P_DATUM,
	P_AANTAL
};

static const char *const p_namen[P_AANTAL] = {
	"code", "eenheid", "kostensoort", "taakveld", "bedrag", "datum",
};

static const bool p_verplicht[P_AANTAL] = {
	[P_CODE] = true,
	[P_EENHEID] = true,
	[P_KOSTENSOORT] = true,
	[P_BEDRAG] = true,
};

static const char *
gevuld(const char *s)
{
	return s && *s ? s : NULL;
}

/* The pure rules of one cost pool's values. */
enum status
kosten_post_check(const struct kosten_post *p, const char *prefix,
		  struct err *e)
{
	char veld[64];

	snprintf(veld, sizeof veld, "%scode", prefix);
	text_check_max(p->code, veld, KOSTEN_MAX_CODE, e);
	snprintf(veld, sizeof veld, "%skostensoort", prefix);
	text_check_max(p->kostensoort, veld, KOSTEN_MAX_CODE, e);
	snprintf(veld, sizeof veld, "%staakveld", prefix);
	text_check_max(p->taakveld, veld, REG_MAX_TAAKVELD, e);
	snprintf(veld, sizeof veld, "%sbedrag", prefix);
	check_bedrag(p->bedrag, veld, e);
	return e->status == ST_INVALID ? ST_INVALID : ST_OK;
}

enum status
kosten_csv_lees(struct arena *a, const char *data, size_t n,
		struct kosten_post **out, size_t *nout, struct err *e)
{
	static const struct csv_kolommen spec = {
		.namen = p_namen,
		.n = P_AANTAL,
		.verplicht = p_verplicht,
		.wat = "kostenposten",
	};
	enum uren_encoding enc;
	struct csv_tabel csv;
	const char *text;
	size_t tn;
	enum status st;

	*out = NULL;
	*nout = 0;
	if ((st = uren_tekst(a, data, n, &enc, &text, &tn, e)) ||
	    (st = csv_tabel_lees(a, text, tn, &spec, &csv, e)))
		return st;
	struct kosten_post *p = arena_calloc(a, csv.nrijen + 1, sizeof *p);
	if (!p)
		return err_set(e, ST_TOO_LARGE, "Het bestand is te groot.");
	for (size_t i = 0; i < csv.nrijen; i++) {
		const char **v = csv.rijen[i].veld;
		char veld[48];
		size_t r = csv.rijen[i].regel;
		p[i].regel = r;
		p[i].code = gevuld(v[P_CODE]);
		p[i].eenheid = gevuld(v[P_EENHEID]);
		p[i].kostensoort = gevuld(v[P_KOSTENSOORT]);
		p[i].taakveld = gevuld(v[P_TAAKVELD]);
		p[i].datum = DATE_NONE;
		for (int k = 0; k < P_AANTAL; k++)
			if (p_verplicht[k] && !gevuld(v[k])) {
				snprintf(veld, sizeof veld, "regel %zu: %s", r,
					 p_namen[k]);
				err_invalid(e, veld, "required",
					    "Vul de kolom %s in.", p_namen[k]);
			}
		if (gevuld(v[P_BEDRAG]) &&
		    kosten_bedrag_parse(v[P_BEDRAG], &p[i].bedrag)) {
			snprintf(veld, sizeof veld, "regel %zu: bedrag", r);
			err_invalid(e, veld, "amount",
				    "'%.40s' is geen bedrag in euro (schrijf "
				    "bijvoorbeeld 1.234,56 of -250).",
				    v[P_BEDRAG]);
		}
		snprintf(veld, sizeof veld, "regel %zu: ", r);
		kosten_post_check(&p[i], veld, e);
		if (gevuld(v[P_DATUM])) {
			snprintf(veld, sizeof veld, "regel %zu: datum", r);
			uren_parse_datum(v[P_DATUM], veld, &p[i].datum, e);
		}
	}
	*out = p;
	*nout = csv.nrijen;
	return e->status;
}

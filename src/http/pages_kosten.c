/*
 * pages_kosten.c - the contribution calculation on pages: a cooperation's
 * calculations (and computing a new one), one calculation per
 * municipality with a stacked bar chart by department and the BBV table,
 * the explanation for one municipality ("waarom betaalt Aalsmeer dit?"):
 * its share of every department and taakveld in euro and percent, and for
 * controllers every exact fraction and cent; and the comparison of two
 * calculations. docs/allocation.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "auth.h"
#include "../present/json.h"
#include "../present/kostenverdeling.h"
#include "../present/present.h"
#include "../present/uren.h"
#include "../banned.h"

static json_t *
euro(int64_t cent)
{
	char buf[48];
	present_bedrag_nl(cent, buf, sizeof buf);
	return json_string(buf);
}

/* An exact amount in cents ("p/q") as euro text for people. */
static json_t *
breuk(const char *pq)
{
	char buf[96];
	present_breuk_nl(pq, buf, sizeof buf);
	return json_string(buf);
}

/* Whether the visitor may compute and adopt for cooperation sw. */
static bool
mag_schrijven(struct request *rq, const char *sw)
{
	return auth_has_role(&rq->who, ROL_BEHEERDER, NULL) ||
	       (sw && auth_has_role(&rq->who, ROL_CONTROLLER, sw));
}

/* Municipality names by code for a result (codes without one). */
static const char **
namen(struct request *rq, const struct kv_uitkomst *u)
{
	const char **n = store_organisatie_namen(rq->store, &rq->a,
						 u->gemeenten, u->ngemeenten);
	return n ? n : u->gemeenten;
}

/*
 * A calculation's facts for a page. The adopting decision is shown by its
 * subject, and only to who may read it: a decision the reader may not see
 * is not named at all.
 */
static json_t *
meta_json(struct request *rq, const struct kostenverdeling *k)
{
	json_t *o = json_object();
	struct besluit b;
	struct err stil = { 0 };

	if (k->besluit && k->besluit[0] &&
	    store_besluit_kies(rq->store, &rq->a, k->besluit,
			       k->besluit_organisatie, "besluit", &b,
			       &stil) == ST_OK) {
		json_object_set_new(o, "besluit", jstr(k->besluit));
		json_object_set_new(o, "besluitOrganisatie",
				    jstr(k->besluit_organisatie));
		json_object_set_new(o, "besluitOnderwerp", jstr(b.onderwerp));
	}
	json_object_set_new(o, "nummer", json_integer(k->id));
	json_object_set_new(o, "samenwerking", jstr(k->samenwerking));
	json_object_set_new(o, "jaar", json_integer(k->jaar));
	json_object_set_new(o, "scenario", jstr(k->scenario));
	json_object_set_new(o, "totaal", euro(k->totaal));
	json_object_set_new(o, "berekend", jstr(k->berekend));
	json_object_set_new(o, "sha256", jstr(k->sha256));
	json_object_set_new(o, "vastgesteld", json_boolean(k->vastgesteld));
	return o;
}

/* ---- a cooperation's calculations ---- */

static enum status
lijst_pagina(struct request *rq, struct response *rs, const char *sw,
	     json_t *extra, unsigned status, struct err *e)
{
	struct samenwerking s;
	struct kostenverdeling *k;
	struct scenario *sc;
	size_t n, nsc;

	if (store_samenwerking_get(rq->store, &rq->a, sw, &s, e) ||
	    authz_kosten_lezen(rq, sw, e) ||
	    store_kostenverdeling_list(rq->store, &rq->a, sw, 0, &k, &n, e) ||
	    store_scenario_list(rq->store, &rq->a, sw, 0, &sc, &nsc, e)) {
		json_decref(extra);
		return e->status;
	}
	json_t *d = page_data("Kostenverdelingen", "samenwerkingen");
	json_t *arr = json_array(), *sca = json_array();
	json_object_set_new(d, "samenwerking", present_samenwerking_json(&s));
	/*
	 * Per year (newest first) the adopted calculation first, then the
	 * drafts, then the scenarios, each marked. Who reads rather than
	 * computes (council members, account holders) sees the adopted one
	 * of each year; the rest stays behind a disclosure.
	 */
	bool lezer = !mag_schrijven(rq, sw);
	json_t *overig = json_array();
	int jaren[64];
	size_t njaren = 0;
	for (size_t i = 0; i < n; i++) {
		bool bekend = false;
		for (size_t j = 0; j < njaren; j++)
			bekend |= jaren[j] == k[i].jaar;
		if (!bekend && njaren < sizeof jaren / sizeof *jaren)
			jaren[njaren++] = k[i].jaar;
	}
	for (size_t a = 0; a < njaren; a++)
		for (int soort = 0; soort < 3; soort++)
			for (size_t i = 0; i < n; i++) {
				int ks = k[i].vastgesteld ? 0
					 : k[i].scenario  ? 2
							  : 1;
				if (k[i].jaar != jaren[a] || ks != soort)
					continue;
				json_t *o = meta_json(rq, &k[i]);
				char tekst[300];
				snprintf(tekst, sizeof tekst, "%s%s",
					 ks == 0   ? "Vastgesteld"
					 : ks == 1 ? "Concept"
						   : "Scenario ",
					 ks == 2 ? k[i].scenario : "");
				json_object_set_new(o, "soort",
						    json_string(tekst));
				json_array_append_new(
					lezer && ks ? overig : arr, o);
			}
	json_object_set_new(d, "berekeningen", arr);
	json_object_set_new(d, "overige", overig);
	json_object_set_new(d, "heeftBerekeningen", json_boolean(n > 0));
	for (size_t i = 0; i < nsc; i++)
		json_array_append_new(sca, scenario_page_json(&sc[i]));
	json_object_set_new(d, "scenarios", sca);
	json_object_set_new(d, "heeftScenarios", json_boolean(nsc > 0));
	json_object_set_new(d, "magBerekenen",
			    json_boolean(mag_schrijven(rq, sw)));
	json_object_set_new(d, "formCsrf", jstr(rq->who.csrf));
	if (extra) {
		json_object_update(d, extra);
		json_decref(extra);
	}
	if (resp_page_html(rq, rs, "kostenverdelingen.html", d, e))
		return e->status;
	rs->status = status;
	return ST_OK;
}

enum status
page_kostenverdelingen(struct request *rq, struct response *rs, struct err *e)
{
	if (req_check_query(rq, NULL, e))
		return e->status;
	return lijst_pagina(rq, rs, req_param(rq, "code"), NULL, 200, e);
}

/* The form's problems as a list for the page. */
static json_t *
fouten_json(const struct err *e)
{
	json_t *o = json_object(), *arr = json_array();
	if (e->nproblems)
		for (size_t i = 0; i < e->nproblems; i++)
			json_array_append_new(
				arr, json_string(e->problems[i].reason));
	else
		json_array_append_new(arr, json_string(e->message));
	json_object_set_new(o, "fouten", arr);
	json_object_set_new(o, "heeftFouten", json_true());
	return o;
}

enum status
page_kostenverdelingen_post(struct request *rq, struct response *rs,
			    struct err *e)
{
	const char *sw = req_param(rq, "code");
	struct kvlist form = { 0 };
	struct samenwerking s;
	int64_t id = 0;
	bool bestond = false;
	char loc[80];

	if (req_check_query(rq, NULL, e) ||
	    store_samenwerking_get(rq->store, &rq->a, sw, &s, e) ||
	    urlenc_parse(&rq->a, rq->body ? rq->body : "", rq->body_len,
			 "formulier", &form, e))
		return e->status;
	const char *jt = kv_get(&form, "jaar");
	const char *scenario = kv_get(&form, "scenario");
	int jaar = 0;
	req_jaar(jt ? jt : "", &jaar, e);
	if (scenario && !*scenario)
		scenario = NULL;
	if (e->status == ST_OK)
		kostenverdeling_bereken(rq, sw, jaar, scenario, &id, &bestond,
					e);
	if (e->status == ST_INVALID || e->status == ST_NOT_FOUND) {
		json_t *x = fouten_json(e);
		err_clear(e);
		return lijst_pagina(rq, rs, sw, x, 400, e);
	}
	if (e->status)
		return e->status;
	snprintf(loc, sizeof loc, "/kostenverdelingen/%lld%s", (long long)id,
		 bestond ? "?al=ja" : "");
	return page_see_other(rq, rs, loc);
}

/* ---- one calculation ---- */

/*
 * The chart of the contributions: a bar per municipality, stacked by the
 * department the cost came from (a negative part, such as fees, to the
 * left of zero), on an axis in euro from zero with a gridline per round
 * step, and the total at the end of the bar. The room for the totals and
 * the axis labels is reserved from their length (present_tekst_px), so
 * that none is cut off; the drawing scales to the width of the screen.
 */
#define GRAFIEK_BREEDTE 440
#define GRAFIEK_RIJ 56 /* a municipality: its name, then its bar */
#define GRAFIEK_BALK 24 /* the height of a bar */
#define GRAFIEK_LETTER 14 /* names and totals */
#define GRAFIEK_AS 13 /* the axis labels */

/*
 * An axis label in euro: "€ 0", "€ 600.000", "€ 2 mln", "€ 1,5 mln";
 * with cents for a step below a euro.
 */
static void
as_euro(int64_t cent, int64_t stap, char *buf, size_t n)
{
	char getal[32];
	int64_t a = cent < 0 ? -cent : cent;
	const char *teken = cent < 0 ? "-" : "";

	if (stap % 100) {
		present_bedrag_nl(cent, buf, n);
	} else if (a >= 100000000 && a % 10000000 == 0) {
		present_getal_nl((long long)(a / 100000000), getal,
				 sizeof getal);
		if (a % 100000000)
			snprintf(buf, n, "%s€ %s,%d mln", teken, getal,
				 (int)(a / 10000000 % 10));
		else
			snprintf(buf, n, "%s€ %s mln", teken, getal);
	} else {
		present_getal_nl((long long)(a / 100), getal, sizeof getal);
		snprintf(buf, n, "%s€ %s", teken, getal);
	}
}

static json_t *
bijdragen_grafiek(const struct kv_uitkomst *u, const char **naam)
{
	int64_t hoog = 0, laag = 0, stap, lo, hi;
	int reserve = 0, x0, x1, breedte;
	char buf[64];

	/* The axis: from the most negative to the largest stack, 0 in it. */
	for (size_t m = 0; m < u->ngemeenten; m++) {
		int64_t plus = 0, min = 0;
		for (size_t dd = 0; dd < u->nafdelingen; dd++) {
			int64_t c = u->per_gemeente[m].per_herkomst[dd];
			if (c > 0)
				plus += c;
			else
				min += c;
		}
		hoog = plus > hoog ? plus : hoog;
		laag = min < laag ? min : laag;
		present_bedrag_nl(u->per_gemeente[m].totaal, buf, sizeof buf);
		int w = present_tekst_px(buf, GRAFIEK_LETTER);
		reserve = w > reserve ? w : reserve;
	}
	stap = present_as_stap(hoog - laag, 4);
	hi = (hoog + stap - 1) / stap * stap;
	lo = -((-laag + stap - 1) / stap * stap);
	if (hi == lo)
		hi = lo + stap;
	/* Room for half an axis label at either end and for the totals. */
	as_euro(lo, stap, buf, sizeof buf);
	x0 = present_tekst_px(buf, GRAFIEK_AS) / 2 + 2;
	as_euro(hi, stap, buf, sizeof buf);
	int half = present_tekst_px(buf, GRAFIEK_AS) / 2 + 2;
	reserve += 8;
	x1 = GRAFIEK_BREEDTE - (reserve > half ? reserve : half);
	breedte = x1 - x0;
#define X(v) (x0 + (int)((__int128)((v)-lo) * breedte / (hi - lo)))

	json_t *g = json_object(), *balken = json_array(),
	       *lijnen = json_array();
	int onder = 8 + (int)u->ngemeenten * GRAFIEK_RIJ;
	/* A label on every line, or every other one when they would touch. */
	int breedst = 0, om = 1, k = 0;
	for (int64_t v = lo; v <= hi; v += stap) {
		as_euro(v, stap, buf, sizeof buf);
		int w = present_tekst_px(buf, GRAFIEK_AS);
		breedst = w > breedst ? w : breedst;
	}
	while ((int64_t)breedte * om * stap / (hi - lo) < breedst + 8 && om < 4)
		om *= 2;
	for (int64_t v = lo; v <= hi; v += stap, k++) {
		json_t *l = json_object();
		as_euro(v, stap, buf, sizeof buf);
		json_object_set_new(l, "x", json_integer(X(v)));
		json_object_set_new(
			l, "label",
			json_string(v == 0 || k % om == 0 ? buf : ""));
		json_array_append_new(lijnen, l);
	}
	for (size_t m = 0; m < u->ngemeenten; m++) {
		const struct kv_gemeente_uit *gu = &u->per_gemeente[m];
		json_t *b = json_object(), *stukken = json_array();
		int y = 8 + (int)m * GRAFIEK_RIJ;
		int64_t plus = 0, min = 0;
		for (size_t dd = 0; dd < u->nafdelingen; dd++) {
			int64_t c = gu->per_herkomst[dd];
			int a, z;
			if (c == 0)
				continue;
			if (c > 0) {
				a = X(plus);
				plus += c;
				z = X(plus);
			} else {
				z = X(min);
				min += c;
				a = X(min);
			}
			json_t *st = json_object();
			json_object_set_new(st, "x", json_integer(a));
			json_object_set_new(st, "breedte",
					    json_integer(z > a ? z - a : 1));
			json_object_set_new(
				st, "reeks",
				json_integer((json_int_t)(dd % 12)));
			json_object_set_new(st, "afdeling",
					    jstr(u->afdelingen[dd]->naam));
			json_object_set_new(st, "bedrag", euro(c));
			json_array_append_new(stukken, st);
		}
		json_object_set_new(b, "naam", jstr(naam[m]));
		json_object_set_new(b, "naamY", json_integer(y + 14));
		json_object_set_new(b, "y", json_integer(y + 20));
		json_object_set_new(
			b, "tekstY",
			json_integer(y + 20 + GRAFIEK_BALK / 2 + 5));
		json_object_set_new(b, "stukken", stukken);
		json_object_set_new(b, "bijdrage", euro(gu->totaal));
		json_object_set_new(b, "eindX", json_integer(X(plus) + 6));
		json_array_append_new(balken, b);
	}
#undef X
	json_object_set_new(g, "balken", balken);
	json_object_set_new(g, "lijnen", lijnen);
	json_object_set_new(g, "breedte", json_integer(GRAFIEK_BREEDTE));
	json_object_set_new(g, "hoogte", json_integer(onder + 40));
	json_object_set_new(g, "boven", json_integer(4));
	json_object_set_new(g, "onder", json_integer(onder));
	json_object_set_new(g, "asTekstY", json_integer(onder + 16));
	json_object_set_new(g, "asTitelY", json_integer(onder + 34));
	json_object_set_new(g, "balkHoogte", json_integer(GRAFIEK_BALK));
	return g;
}

/*
 * What the adoption form offers: the decisions of the cooperation's
 * members that the visitor may read (the newest BESLUIT_KEUZE_MAX of
 * each), and the members, whose council or college may take a new one.
 */
#define BESLUIT_KEUZE_MAX 50

/*
 * The adoption form shown again keeps what was chosen: the decision (one
 * of the list or "nieuw"), the municipality, the body and the publicity
 * of a new one.
 */
static void
gekozen_houden(json_t *d)
{
	json_t *inv = json_object_get(d, "invoer");
	const char *b = json_string_value(json_object_get(inv, "besluit"));
	const char *o = json_string_value(json_object_get(inv, "organisatie"));
	const char *g = json_string_value(json_object_get(inv, "orgaan"));
	const char *p = json_string_value(json_object_get(inv, "openbaarheid"));
	json_t *x;
	size_t i;

	if (!inv)
		return;
	json_array_foreach(json_object_get(d, "keuzeBesluiten"), i, x)
	{
		const char *w = json_string_value(json_object_get(x, "waarde"));
		if (b && w && strcmp(b, w) == 0)
			json_object_set_new(x, "gekozen", json_true());
	}
	json_object_set_new(
		d, "keuzeOrganisaties",
		keuze_kies(json_object_get(d, "keuzeOrganisaties"), o));
	json_object_set_new(d, "nieuwGekozen",
			    json_boolean(b && strcmp(b, "nieuw") == 0));
	json_object_set_new(d, "collegeGekozen",
			    json_boolean(g && strcmp(g, "college") == 0));
	json_object_set_new(d, "passiefGekozen",
			    json_boolean(p && strcmp(p, "passief") == 0));
}

static enum status
besluit_keuzes(struct request *rq, const char *sw, json_t *d, struct err *e)
{
	struct lidmaatschap *l;
	size_t nl;
	json_t *bk = json_array(), *ok = json_array();

	if (store_samenwerking_leden(rq->store, &rq->a, sw, &l, &nl, e)) {
		json_decref(bk);
		json_decref(ok);
		return e->status;
	}
	for (size_t i = 0; i < nl; i++) {
		bool dubbel = false;
		for (size_t j = 0; j < i; j++)
			if (strcmp(l[j].gemeente, l[i].gemeente) == 0)
				dubbel = true;
		if (dubbel)
			continue;
		struct besluit_filter f;
		struct besluit *b;
		size_t n, totaal;
		store_besluit_filter_init(&f);
		f.organisatie = l[i].gemeente;
		f.limit = BESLUIT_KEUZE_MAX;
		if (store_besluit_list(rq->store, &rq->a, &f, &b, &n, &totaal,
				       e)) {
			json_decref(bk);
			json_decref(ok);
			return e->status;
		}
		for (size_t j = 0; j < n; j++) {
			char datum[48] = "", tekst[400], waarde[160];
			if (b[j].datum != DATE_NONE)
				date_format_nl(b[j].datum, datum, sizeof datum);
			snprintf(tekst, sizeof tekst, "%s: %.200s (%s, %s)",
				 b[j].identificatie,
				 b[j].onderwerp ? b[j].onderwerp : "",
				 l[i].gemeente_naam ? l[i].gemeente_naam
						    : l[i].gemeente,
				 datum);
			snprintf(waarde, sizeof waarde, "%s|%s",
				 b[j].identificatie, l[i].gemeente);
			json_t *o = json_object();
			json_object_set_new(o, "waarde", json_string(waarde));
			json_object_set_new(o, "tekst", json_string(tekst));
			json_array_append_new(bk, o);
		}
		keuze_add(ok, l[i].gemeente, l[i].gemeente_naam);
	}
	json_object_set_new(d, "keuzeBesluiten", bk);
	json_object_set_new(d, "keuzeOrganisaties", ok);
	return ST_OK;
}

static enum status
berekening_pagina(struct request *rq, struct response *rs, json_t *extra,
		  unsigned status, struct err *e)
{
	const char *id = req_param(rq, "nummer");
	struct kostenverdeling k, *andere;
	struct kv_uitkomst u;
	size_t nandere;

	if (kostenverdeling_van(rq, id, &k, &u, e) ||
	    store_kostenverdeling_list(rq->store, &rq->a, k.samenwerking, 0,
				       &andere, &nandere, e)) {
		json_decref(extra);
		return e->status;
	}
	const char **naam = namen(rq, &u);
	json_t *d = page_data("Kostenverdeling", "samenwerkingen");
	json_object_set_new(d, "berekening", meta_json(rq, &k));
	json_object_set_new(d, "totaal", euro(u.totaal));
	json_object_set_new(d, "heeftVoorschotten",
			    json_boolean(u.heeft_voorschotten));
	char afronding[96];
	kv_afronding_nl(u.max_afrondingsverschil, afronding, sizeof afronding);
	json_object_set_new(d, "afronding", json_string(afronding));
	json_object_set_new(d, "aantalPosten",
			    json_integer((json_int_t)u.nposten));

	/* Per municipality: its contribution, advance and settlement. */
	json_t *gem = json_array();
	int64_t voorschotten = 0, saldi = 0;
	for (size_t m = 0; m < u.ngemeenten; m++) {
		const struct kv_gemeente_uit *g = &u.per_gemeente[m];
		json_t *o = json_object();
		voorschotten += g->voorschot;
		saldi += g->saldo;
		json_object_set_new(o, "code", jstr(u.gemeenten[m]));
		json_object_set_new(o, "naam", jstr(naam[m]));
		json_object_set_new(o, "bijdrage", euro(g->totaal));
		json_object_set_new(o, "voorschot", euro(g->voorschot));
		json_object_set_new(o, "saldo", euro(g->saldo));
		json_object_set_new(o, "terug", json_boolean(g->saldo < 0));
		json_array_append_new(gem, o);
	}
	json_object_set_new(d, "gemeenten", gem);
	json_object_set_new(d, "totaalVoorschot", euro(voorschotten));
	json_object_set_new(d, "totaalSaldo", euro(saldi));
	json_object_set_new(d, "grafiek", bijdragen_grafiek(&u, naam));

	/* Departments: legend, and the table beside the chart. */
	json_t *afd = json_array();
	for (size_t dd = 0; dd < u.nafdelingen; dd++) {
		json_t *o = json_object(), *c = json_array();
		int iets = 0;
		for (size_t m = 0; m < u.ngemeenten; m++) {
			int64_t v = u.per_gemeente[m].per_herkomst[dd];
			iets |= v != 0;
			json_array_append_new(c, euro(v));
		}
		if (!iets) {
			json_decref(o);
			json_decref(c);
			continue;
		}
		json_object_set_new(o, "code", jstr(u.afdelingen[dd]->id));
		json_object_set_new(o, "naam", jstr(u.afdelingen[dd]->naam));
		json_object_set_new(o, "reeks",
				    json_integer((json_int_t)(dd % 12)));
		json_object_set_new(
			o, "ondersteunend",
			json_boolean(u.afdelingen[dd]->ondersteunend));
		json_object_set_new(o, "bedragen", c);
		json_array_append_new(afd, o);
	}
	json_object_set_new(d, "afdelingen", afd);
	json_t *tot = json_array();
	for (size_t m = 0; m < u.ngemeenten; m++)
		json_array_append_new(tot, euro(u.per_gemeente[m].totaal));
	json_object_set_new(d, "totalen", tot);

	/* BBV: one row per taakveld, one column per municipality. */
	struct taakveld *tv;
	size_t ntv = 0;
	struct err probe;
	err_clear(&probe);
	if (store_taakveld_list(rq->store, &rq->a, k.jaar, &tv, &ntv, &probe))
		ntv = 0;
	json_t *bbv = json_array();
	const char *vorige = NULL;
	for (;;) {
		/* The next taakveld in bytewise order over all municipalities. */
		const char *volgende = NULL;
		for (size_t m = 0; m < u.ngemeenten; m++)
			for (size_t i = 0; i < u.per_gemeente[m].ntaakvelden;
			     i++) {
				const char *t = u.per_gemeente[m]
							.per_taakveld[i]
							.taakveld;
				if ((!vorige || strcmp(t, vorige) > 0) &&
				    (!volgende || strcmp(t, volgende) < 0))
					volgende = t;
			}
		if (!volgende)
			break;
		json_t *o = json_object(), *c = json_array();
		json_object_set_new(o, "taakveld", jstr(volgende));
		const char *tn = "";
		for (size_t i = 0; i < ntv; i++)
			if (strcmp(tv[i].code, volgende) == 0)
				tn = tv[i].naam;
		json_object_set_new(o, "naam", jstr(tn));
		for (size_t m = 0; m < u.ngemeenten; m++) {
			int64_t v = 0;
			for (size_t i = 0; i < u.per_gemeente[m].ntaakvelden;
			     i++)
				if (strcmp(u.per_gemeente[m]
						   .per_taakveld[i]
						   .taakveld,
					   volgende) == 0)
					v = u.per_gemeente[m]
						    .per_taakveld[i]
						    .cent;
			json_array_append_new(c, euro(v));
		}
		json_object_set_new(o, "bedragen", c);
		json_array_append_new(bbv, o);
		vorige = volgende;
	}
	json_object_set_new(d, "bbv", bbv);

	/* What it can be compared with. */
	json_t *vgl = json_array();
	for (size_t i = 0; i < nandere; i++)
		if (andere[i].id != k.id)
			json_array_append_new(vgl, meta_json(rq, &andere[i]));
	json_object_set_new(d, "vergelijkbaar", vgl);
	json_object_set_new(d, "kanVergelijken", json_boolean(nandere > 1));
	bool mag = mag_schrijven(rq, k.samenwerking) && !k.vastgesteld &&
		   !k.scenario;
	json_object_set_new(d, "magVaststellen", json_boolean(mag));
	if (mag && besluit_keuzes(rq, k.samenwerking, d, e)) {
		json_decref(d);
		json_decref(extra);
		return e->status;
	}
	json_object_set_new(d, "formCsrf", jstr(rq->who.csrf));
	if (extra) {
		json_object_update(d, extra);
		json_decref(extra);
	}
	gekozen_houden(d);
	if (resp_page_html(rq, rs, "kostenverdeling.html", d, e))
		return e->status;
	rs->status = status;
	return ST_OK;
}

enum status
page_kostenverdeling(struct request *rq, struct response *rs, struct err *e)
{
	static const char *const keys[] = { "al", NULL };
	const char *al = kv_get(&rq->query, "al");

	if (req_check_query(rq, keys, e))
		return e->status;
	/* After computing: the same input was computed before (?al=ja). */
	return berekening_pagina(rq, rs,
				 al && strcmp(al, "ja") == 0
					 ? json_pack("{s:b}", "alBerekend", 1)
					 : NULL,
				 200, e);
}

/* Adopting: the form names the decision. */
/*
 * The decision of the adoption form: one of the list ("IDENT|ORG"), or a
 * new one from the form's fields (added to the store by the caller).
 */
struct besluit_keuze {
	const char *identificatie, *organisatie;
	bool nieuw;
	struct besluit b;
	struct besluit_stap stap; /* a new one is taken (vastgesteld) */
};

static void
besluit_uit_form(struct request *rq, const struct kvlist *f,
		 struct besluit_keuze *k, struct err *e)
{
	const char *v = kv_get(f, "besluit");
	memset(k, 0, sizeof *k);
	if (!v || !*v) {
		err_invalid(e, "besluit", "required",
			    "Kies het besluit dat de kostenverdeling "
			    "vaststelt, of leg een nieuw besluit vast.");
		return;
	}
	if (strcmp(v, "nieuw") != 0) {
		const char *bar = strchr(v, '|');
		k->identificatie =
			bar ? arena_strndup(&rq->a, v, (size_t)(bar - v)) : v;
		k->organisatie = bar ? bar + 1 : NULL;
		return;
	}
	k->nieuw = true;
	struct besluit *b = &k->b;
	b->vervaldatum = b->ingangsdatum = b->publicatiedatum = DATE_NONE;
	b->geheim_tot = DATE_NONE;
	b->datum = DATE_NONE;
	b->verantwoordelijke_organisatie = kv_get(f, "organisatie");
	if (!b->verantwoordelijke_organisatie ||
	    !*b->verantwoordelijke_organisatie)
		err_invalid(e, "organisatie", "required",
			    "Kies de gemeente die het besluit nam.");
	const char *o = kv_get(f, "orgaan");
	if (!o || bestuursorgaan_parse(o, &b->bestuursorgaan))
		err_invalid(e, "orgaan", "enum",
			    "Kies wie het besluit nam: de raad of het "
			    "college.");
	b->onderwerp = kv_get(f, "onderwerp");
	if (!b->onderwerp || !*b->onderwerp)
		err_invalid(e, "onderwerp", "required",
			    "Schrijf waar het besluit over gaat.");
	const char *dt = kv_get(f, "datum");
	if (!dt || !*dt || date_parse(dt, &b->datum))
		err_invalid(e, "datum", "format",
			    "Vul de datum van het besluit in.");
	b->openbaarheid = OPENBAAR_ACTIEF;
	const char *ob = kv_get(f, "openbaarheid");
	if (ob && strcmp(ob, "passief") == 0)
		b->openbaarheid = OPENBAAR_PASSIEF;
	else if (ob && *ob && strcmp(ob, "actief") != 0)
		err_invalid(e, "openbaarheid", "enum",
			    "Kies actief of passief openbaar.");
	const char *id = kv_get(f, "identificatie");
	b->identificatie = id && *id ? id : NULL;
	k->stap.status = BESLUIT_VASTGESTELD;
	k->stap.datum = b->datum;
	b->status = BESLUIT_VASTGESTELD;
	b->historie = &k->stap;
	b->nhistorie = 1;
}

/*
 * Adopt calculation k by the chosen decision, a new one added first, in
 * one transaction; with `proef` everything is undone afterwards, so that
 * the confirmation is only asked for what would succeed.
 */
static enum status
vaststellen(struct request *rq, const struct kostenverdeling *k,
	    struct besluit_keuze *c, bool proef, struct err *e)
{
	if (store_begin(rq->store, e))
		return e->status;
	if (c->nieuw) {
		const char *ident = NULL;
		int64_t bid = 0;
		if (store_besluit_add(rq->store, &rq->a, &c->b, rq->today,
				      &ident, &bid, e) == ST_OK) {
			c->identificatie = ident;
			c->organisatie = c->b.verantwoordelijke_organisatie;
		}
	}
	if (e->status == ST_OK)
		store_kostenverdeling_vaststellen(
			rq->store, k->id, c->identificatie, c->organisatie, e);
	if (proef || e->status)
		store_rollback(rq->store);
	else
		store_commit(rq->store, e);
	return e->status;
}

enum status
page_kostenverdeling_post(struct request *rq, struct response *rs,
			  struct err *e)
{
	struct kvlist form = { 0 };
	struct kostenverdeling k;
	struct kv_uitkomst u;
	struct besluit_keuze c;

	if (req_check_query(rq, NULL, e) ||
	    urlenc_parse(&rq->a, rq->body ? rq->body : "", rq->body_len,
			 "formulier", &form, e) ||
	    kostenverdeling_van(rq, req_param(rq, "nummer"), &k, &u, e) ||
	    authz_samenwerking(rq, k.samenwerking, e))
		return e->status;
	const char *stap = kv_get(&form, "stap");
	bool bevestigd = stap && strcmp(stap, "vaststellen") == 0;
	besluit_uit_form(rq, &form, &c, e);
	/* A new decision's generated identificatie is only known after
	 * it was added: the dry run tells it, the real one makes it. */
	const char *gekozen_id = c.identificatie;
	if (e->status == ST_OK)
		vaststellen(rq, &k, &c, !bevestigd, e);
	if (e->status == ST_INVALID || e->status == ST_CONFLICT ||
	    e->status == ST_NOT_FOUND) {
		unsigned status = e->status == ST_CONFLICT ? 409 : 400;
		json_t *x = fouten_json(e);
		json_t *inv = json_object();
		for (size_t i = 0; i < form.n; i++)
			json_object_set_new(inv, form.items[i].key,
					    json_string(form.items[i].value));
		json_object_set_new(x, "invoer", inv);
		err_clear(e);
		return berekening_pagina(rq, rs, x, status, e);
	}
	if (e->status)
		return e->status;
	if (!bevestigd) {
		/* What will be frozen, by which decision: asked first. */
		json_t *x = json_object(), *b = json_object(),
		       *velden = json_array();
		for (size_t i = 0; i < form.n; i++) {
			if (strcmp(form.items[i].key, "csrf") == 0 ||
			    strcmp(form.items[i].key, "stap") == 0)
				continue;
			json_t *v = json_object();
			json_object_set_new(v, "naam",
					    json_string(form.items[i].key));
			json_object_set_new(v, "waarde",
					    json_string(form.items[i].value));
			json_array_append_new(velden, v);
		}
		json_object_set_new(b, "velden", velden);
		json_object_set_new(b, "nieuw", json_boolean(c.nieuw));
		json_object_set_new(
			b, "identificatie",
			jstr(c.nieuw ? c.b.identificatie : gekozen_id));
		json_object_set_new(b, "organisatie", jstr(c.organisatie));
		json_object_set_new(b, "onderwerp",
				    jstr(c.nieuw ? c.b.onderwerp : NULL));
		if (!c.nieuw) {
			struct besluit gek;
			if (store_besluit_kies(rq->store, &rq->a, gekozen_id,
					       c.organisatie, "besluit", &gek,
					       e) == ST_OK) {
				char datum[48] = "";
				if (gek.datum != DATE_NONE)
					date_format_nl(gek.datum, datum,
						       sizeof datum);
				json_object_set_new(b, "onderwerp",
						    jstr(gek.onderwerp));
				json_object_set_new(b, "datum",
						    json_string(datum));
				json_object_set_new(b, "organisatieNaam",
						    jstr(gek.organisatie_naam));
			}
			err_clear(e);
		}
		json_object_set_new(x, "bevestig", b);
		return berekening_pagina(rq, rs, x, 200, e);
	}
	char loc[64];
	snprintf(loc, sizeof loc, "/kostenverdelingen/%lld", (long long)k.id);
	return page_see_other(rq, rs, loc);
}

/* ---- why a municipality pays this ---- */

/* A key for people: "gerealiseerde uren: Aalsmeer 2.454,00 van 4.284,00". */
static json_t *
sleutel_json(const struct kv_sleutel *s, const char *gemeente, const char *naam)
{
	json_t *o = json_object();
	if (!s) {
		json_object_set_new(o, "ondersteunend", json_true());
		return o;
	}
	json_object_set_new(o, "grondslag", json_string(kv_basis_nl(s->basis)));
	if (s->basis == KV_DIRECT) {
		json_object_set_new(o, "rechtstreeks", json_true());
		return o;
	}
	int64_t eigen = 0, som = 0;
	for (size_t i = 0; i < s->ngewichten; i++) {
		som += s->gewichten[i].waarde;
		if (strcmp(s->gewichten[i].gemeente, gemeente) == 0)
			eigen = s->gewichten[i].waarde;
	}
	char a[48], b[48];
	if (s->basis == KV_UREN_REALISATIE || s->basis == KV_UREN_BEGROTING) {
		present_uren_nl(eigen, a, sizeof a);
		present_uren_nl(som, b, sizeof b);
		json_object_set_new(o, "eigen", json_string(a));
		json_object_set_new(o, "som", json_string(b));
		json_object_set_new(o, "uren", json_true());
	} else {
		present_getal_nl(eigen, a, sizeof a);
		present_getal_nl(som, b, sizeof b);
		json_object_set_new(o, "eigen", json_string(a));
		json_object_set_new(o, "som", json_string(b));
	}
	json_object_set_new(o, "gemeente", jstr(naam));
	return o;
}

/* B[s][j] as text: the part of support department s that reaches j. */
static const char *
steun_breuk(const struct kv_uitkomst *u, size_t s_afd, size_t j)
{
	size_t s = 0;
	for (size_t d = 0; d < s_afd; d++)
		s += u->afdelingen[d]->ondersteunend;
	return u->b ? u->b[s * u->nafdelingen + j] : "0";
}

/* The taakveld's name in the book year, or "". */
static const char *
taakveld_naam(const struct taakveld *tv, size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(tv[i].code, code) == 0)
			return tv[i].naam;
	return "";
}

/* A share of a whole as "12,4 %" ("" when the whole is 0). */
static json_t *
aandeel(int64_t deel, int64_t geheel)
{
	char buf[48];
	kv_aandeel_nl(deel, geheel, buf, sizeof buf);
	return json_string(buf);
}

/* A basis in plain words, for "Verdeeld naar ...". */
static const char *
basis_woorden(enum kv_basis b)
{
	switch (b) {
	case KV_UREN_REALISATIE:
		return "de gewerkte uren";
	case KV_UREN_BEGROTING:
		return "de begrote uren";
	case KV_INWONERS:
		return "het aantal inwoners";
	case KV_VAST_PCT:
		return "vaste percentages";
	case KV_PRODUCTEN:
		return "het aantal geleverde producten";
	case KV_FTE:
		return "het aantal fte";
	default:
		return "een vaste verdeling";
	}
}

/*
 * How a department's costs are split, in plain words, with this
 * municipality's part of the key: "Verdeeld naar de gewerkte uren:
 * Aalsmeer 2.448,25 van de 4.260,00 uur (57,5 %)".
 */
static void
verdeling_woorden(const struct kv_afdeling *af, const char *code,
		  const char *gnaam, const struct kv_uitkomst *u,
		  const char **naam, char *buf, size_t n)
{
	const struct kv_sleutel *s = &af->sleutel;
	if (af->ondersteunend) {
		snprintf(buf, n,
			 "Verdeeld via de afdelingen die zij ondersteunt");
		return;
	}
	if (af->nperiodes) {
		snprintf(buf, n,
			 "Verdeeld per deel van het jaar, elk deel op een "
			 "eigen manier");
		return;
	}
	if (s->basis == KV_DIRECT) {
		const char *wie = s->direct ? s->direct : "";
		for (size_t m = 0; m < u->ngemeenten; m++)
			if (strcmp(u->gemeenten[m], wie) == 0)
				wie = naam[m];
		snprintf(buf, n, "Helemaal voor %s", wie);
		return;
	}
	int64_t eigen = 0, som = 0;
	for (size_t i = 0; i < s->ngewichten; i++) {
		som += s->gewichten[i].waarde;
		if (strcmp(s->gewichten[i].gemeente, code) == 0)
			eigen = s->gewichten[i].waarde;
	}
	char a[48], b[48], pct[48];
	kv_aandeel_nl(eigen, som, pct, sizeof pct);
	if (s->basis == KV_UREN_REALISATIE || s->basis == KV_UREN_BEGROTING) {
		present_uren_nl(eigen, a, sizeof a);
		present_uren_nl(som, b, sizeof b);
		snprintf(buf, n, "Verdeeld naar %s: %s %s van de %s uur (%s)",
			 basis_woorden(s->basis), gnaam, a, b, pct);
	} else if (s->basis == KV_VAST_PCT) {
		snprintf(buf, n, "Verdeeld naar %s: %s %s",
			 basis_woorden(s->basis), gnaam, pct);
	} else {
		present_getal_nl(eigen, a, sizeof a);
		present_getal_nl(som, b, sizeof b);
		snprintf(buf, n, "Verdeeld naar %s: %s %s van de %s (%s)",
			 basis_woorden(s->basis), gnaam, a, b, pct);
	}
}

enum status
page_kostenverdeling_uitleg(struct request *rq, struct response *rs,
			    struct err *e)
{
	const char *code = req_param(rq, "gemeente");
	struct kostenverdeling k;
	struct kv_uitkomst u;
	size_t g;

	if (req_check_query(rq, NULL, e) ||
	    kostenverdeling_van(rq, req_param(rq, "nummer"), &k, &u, e))
		return e->status;
	for (g = 0; g < u.ngemeenten; g++)
		if (strcmp(u.gemeenten[g], code) == 0)
			break;
	if (g == u.ngemeenten)
		return err_set(e, ST_NOT_FOUND,
			       "Gemeente %.20s betaalt niet mee aan deze "
			       "kostenverdeling.",
			       code);
	const char **naam = namen(rq, &u);
	const struct kv_gemeente_uit *gu = &u.per_gemeente[g];
	char titel[200];
	snprintf(titel, sizeof titel, "Waarom betaalt %s dit?", naam[g]);
	json_t *d = page_data(titel, "samenwerkingen");
	/* The exact fractions, rounding, codes and hashes are for those
	 * who check the calculation. */
	json_object_set_new(d, "voorController",
			    json_boolean(mag_schrijven(rq, k.samenwerking)));
	json_object_set_new(d, "berekening", meta_json(rq, &k));
	json_object_set_new(d, "totaal", euro(u.totaal));
	json_object_set_new(d, "procent", aandeel(gu->totaal, u.totaal));
	json_object_set_new(d, "gemeente", jstr(naam[g]));
	json_object_set_new(d, "gemeenteCode", jstr(code));
	json_object_set_new(d, "bijdrage", euro(gu->totaal));
	json_object_set_new(d, "heeftVoorschot",
			    json_boolean(u.heeft_voorschotten));
	json_object_set_new(d, "voorschot", euro(gu->voorschot));
	json_object_set_new(d, "saldo", euro(gu->saldo));
	json_object_set_new(d, "terug", json_boolean(gu->saldo < 0));
	json_object_set_new(d, "terugBedrag", euro(-gu->saldo));
	json_object_set_new(d, "exactTotaal", jstr(gu->exact_totaal));
	json_object_set_new(d, "exactTotaalNl", breuk(gu->exact_totaal));
	json_object_set_new(d, "afrondingsverschil",
			    json_integer(gu->afrondingsverschil));
	if (gu->afrondingsverschil > 0)
		json_object_set_new(d, "afrondingMeer",
				    json_integer(gu->afrondingsverschil));
	if (gu->afrondingsverschil < 0)
		json_object_set_new(d, "afrondingMinder",
				    json_integer(-gu->afrondingsverschil));

	/* Per origin department, every pool's leaves for this municipality. */
	json_t *afd = json_array();
	size_t nblad = 0;
	for (size_t dd = 0; dd < u.nafdelingen; dd++) {
		if (!gu->per_herkomst[dd])
			continue;
		const struct kv_afdeling *af = u.afdelingen[dd];
		json_t *o = json_object(), *posten = json_array();
		json_object_set_new(o, "code", jstr(af->id));
		json_object_set_new(o, "naam", jstr(af->naam));
		json_object_set_new(o, "ondersteunend",
				    json_boolean(af->ondersteunend));
		json_object_set_new(o, "bedrag", euro(gu->per_herkomst[dd]));
		for (size_t p = 0; p < u.nposten; p++) {
			const struct kv_post_uit *po = &u.posten[p];
			if (po->afdeling != dd)
				continue;
			for (size_t i = 0; i < po->nbladen; i++) {
				const struct kv_blad *b =
					&u.bladen[po->eerste_blad + i];
				if (b->gemeente != g)
					continue;
				json_t *x = json_object();
				json_object_set_new(x, "post", jstr(po->id));
				json_object_set_new(x, "isMaatwerk",
						    json_boolean(po->maatwerk));
				json_object_set_new(x, "kostensoort",
						    jstr(po->kostensoort));
				json_object_set_new(x, "bedrag",
						    euro(po->bedrag));
				json_object_set_new(
					x, "maatwerkCredit",
					po->maatwerk_credit
						? euro(-po->maatwerk_credit)
						: json_null());
				json_object_set_new(
					x, "via",
					jstr(u.afdelingen[b->afdeling]->naam));
				json_object_set_new(
					x, "viaAndere",
					json_boolean(b->afdeling != dd));
				/* Through a support department: its fraction
				 * for the receiving department (matrix B), then
				 * that department's key. */
				const struct kv_afdeling *ontv =
					u.afdelingen[b->afdeling];
				const struct kv_sleutel *s = po->sleutel;
				if (b->afdeling != dd) {
					s = ontv->nperiodes ? NULL
							    : &ontv->sleutel;
					json_object_set_new(
						x, "breuk",
						jstr(steun_breuk(&u, dd,
								 b->afdeling)));
				}
				json_object_set_new(
					x, "sleutel",
					s ? sleutel_json(s, code, naam[g])
					  : json_pack("{s:b}", "perPeriode",
						      1));
				json_object_set_new(x, "exact", jstr(b->exact));
				json_object_set_new(x, "exactNl",
						    breuk(b->exact));
				json_object_set_new(x, "cent", euro(b->cent));
				json_array_append_new(posten, x);
				nblad++;
			}
		}
		json_object_set_new(o, "posten", posten);
		json_array_append_new(afd, o);
	}
	json_object_set_new(d, "afdelingen", afd);
	json_object_set_new(d, "aantalBladen", json_integer((json_int_t)nblad));

	/* For people: per department what the municipality pays, of how
	 * much, and how the department's costs are split. */
	json_t *per = json_array();
	for (size_t dd = 0; dd < u.nafdelingen; dd++) {
		const struct kv_afdeling *af = u.afdelingen[dd];
		int64_t kosten = 0, maatwerk = 0;
		for (size_t m = 0; m < u.ngemeenten; m++)
			kosten += u.per_gemeente[m].per_herkomst[dd];
		if (!kosten && !gu->per_herkomst[dd])
			continue;
		for (size_t p = 0; p < u.nposten; p++) {
			const struct kv_post_uit *po = &u.posten[p];
			if (po->afdeling != dd || !po->maatwerk)
				continue;
			for (size_t i = 0; i < po->nbladen; i++)
				if (u.bladen[po->eerste_blad + i].gemeente == g)
					maatwerk +=
						u.bladen[po->eerste_blad + i]
							.cent;
		}
		char w[300];
		verdeling_woorden(af, code, naam[g], &u, naam, w, sizeof w);
		json_t *o = json_object();
		json_object_set_new(o, "naam",
				    jstr(af->naam ? af->naam : af->id));
		json_object_set_new(o, "ondersteunend",
				    json_boolean(af->ondersteunend));
		json_object_set_new(o, "verdeling", json_string(w));
		json_object_set_new(o, "maatwerk",
				    maatwerk ? euro(maatwerk) : json_null());
		json_object_set_new(o, "kosten", euro(kosten));
		json_object_set_new(o, "deel", euro(gu->per_herkomst[dd]));
		json_object_set_new(o, "procent",
				    aandeel(gu->per_herkomst[dd], kosten));
		json_array_append_new(per, o);
	}
	json_object_set_new(d, "perAfdeling", per);

	/* Per taakveld (BBV), by its name in the book year. */
	struct taakveld *tv = NULL;
	size_t ntv = 0;
	struct err probe;
	err_clear(&probe);
	if (store_taakveld_list(rq->store, &rq->a, k.jaar, &tv, &ntv, &probe))
		ntv = 0;
	json_t *ptv = json_array();
	for (size_t i = 0; i < gu->ntaakvelden; i++) {
		const char *t = gu->per_taakveld[i].taakveld;
		int64_t alle = 0;
		for (size_t m = 0; m < u.ngemeenten; m++)
			for (size_t j = 0; j < u.per_gemeente[m].ntaakvelden;
			     j++)
				if (strcmp(u.per_gemeente[m]
						   .per_taakveld[j]
						   .taakveld,
					   t) == 0)
					alle += u.per_gemeente[m]
							.per_taakveld[j]
							.cent;
		json_t *o = json_object();
		json_object_set_new(o, "taakveld", jstr(t));
		json_object_set_new(o, "naam", jstr(taakveld_naam(tv, ntv, t)));
		json_object_set_new(o, "kosten", euro(alle));
		json_object_set_new(o, "deel", euro(gu->per_taakveld[i].cent));
		json_object_set_new(o, "procent",
				    aandeel(gu->per_taakveld[i].cent, alle));
		json_array_append_new(ptv, o);
	}
	json_object_set_new(d, "perTaakveld", ptv);

	/* Support: the fraction of each support department that reached
	 * each primary one (matrix B). */
	json_t *steun = json_array();
	size_t s = 0;
	for (size_t dd = 0; u.b && dd < u.nafdelingen; dd++) {
		if (!u.afdelingen[dd]->ondersteunend)
			continue;
		json_t *o = json_object(), *naar = json_array();
		json_object_set_new(o, "naam", jstr(u.afdelingen[dd]->naam));
		for (size_t j = 0; j < u.nafdelingen; j++) {
			const char *f = u.b[s * u.nafdelingen + j];
			if (strcmp(f, "0") == 0)
				continue;
			int64_t pm = 0;
			char pct[48] = "";
			if (kv_promille_breuk(f, &pm) == 0)
				kv_procent_nl(pm, pct, sizeof pct);
			json_array_append_new(
				naar, json_pack("{s:s,s:s,s:s}", "afdeling",
						u.afdelingen[j]->naam
							? u.afdelingen[j]->naam
							: u.afdelingen[j]->id,
						"breuk", f, "procent", pct));
		}
		json_object_set_new(o, "naar", naar);
		json_array_append_new(steun, o);
		s++;
	}
	json_object_set_new(d, "steun", steun);
	json_object_set_new(d, "heeftSteun",
			    json_boolean(json_array_size(steun) > 0));
	if (resp_page_html(rq, rs, "kostenverdeling_uitleg.html", d, e))
		return e->status;
	return ST_OK;
}

/* ---- comparing ---- */

/* A calculation in the comparison: its page, year and name. */
static json_t *
vergelijk_kop(struct request *rq, const struct kostenverdeling *k,
	      const char *naam)
{
	json_t *o = meta_json(rq, k);
	json_object_set_new(o, "naam", json_string(naam));
	return o;
}

/*
 * Two calculations side by side, read from old to new whichever way
 * round they were asked for: the older one (kv_eerder) first, and the
 * difference the new amount minus the old one, marked ▲ when it went up
 * and ▼ when it went down.
 */
enum status
page_kostenverdeling_vergelijking(struct request *rq, struct response *rs,
				  struct err *e)
{
	static const char *const keys[] = { "met", NULL };
	static const char *const dim[] = { "Totaal", "Afdeling", "Taakveld" };
	struct kostenverdeling ka, kb, kvan;
	struct kv_uitkomst ua, ub;
	struct kv_verschil *v;
	struct taakveld *tva = NULL, *tvb = NULL;
	size_t n, ntva = 0, ntvb = 0;
	int64_t met = 0, soma = 0, somb = 0;
	char naama[300], naamb[300];
	struct err probe;

	if (req_check_query(rq, keys, e))
		return e->status;
	if (!kv_get(&rq->query, "met"))
		return err_invalid(e, "met", "required",
				   "Kies een kostenverdeling om mee te "
				   "vergelijken.");
	if (req_int(kv_get(&rq->query, "met"), "met", 1, ID_MAX, &met, e))
		return e->status;
	if (kostenverdeling_van(rq, req_param(rq, "nummer"), &ka, &ua, e) ||
	    kostenverdeling_van(rq, kv_get(&rq->query, "met"), &kb, &ub, e))
		return e->status;
	kvan = ka;
	if (!kv_eerder(&ka, &kb)) {
		struct kostenverdeling kt = ka;
		struct kv_uitkomst ut = ua;
		ka = kb;
		ua = ub;
		kb = kt;
		ub = ut;
	}
	if (kv_vergelijk(&ua, &ub, &rq->a, &v, &n, e))
		return e->status;
	err_clear(&probe);
	if (store_taakveld_list(rq->store, &rq->a, kb.jaar, &tvb, &ntvb,
				&probe))
		ntvb = 0;
	err_clear(&probe);
	if (store_taakveld_list(rq->store, &rq->a, ka.jaar, &tva, &ntva,
				&probe))
		ntva = 0;
	kv_naam_nl(&ka, naama, sizeof naama);
	kv_naam_nl(&kb, naamb, sizeof naamb);
	if (strcmp(naama, naamb) == 0) {
		size_t l = strlen(naamb);
		snprintf(naamb + l, sizeof naamb - l, " (nummer %lld)",
			 (long long)kb.id);
		l = strlen(naama);
		snprintf(naama + l, sizeof naama - l, " (nummer %lld)",
			 (long long)ka.id);
	}
	const char **na = namen(rq, &ua), **nb = namen(rq, &ub);
	json_t *d =
		page_data("Kostenverdelingen vergelijken", "samenwerkingen");
	json_object_set_new(d, "van", meta_json(rq, &kvan));
	json_object_set_new(d, "oud", vergelijk_kop(rq, &ka, naama));
	json_object_set_new(d, "nieuw", vergelijk_kop(rq, &kb, naamb));
	json_t *rijen = json_array();
	for (size_t i = 0; i < n; i++) {
		const char *gn = v[i].gemeente;
		for (size_t m = 0; m < ua.ngemeenten; m++)
			if (strcmp(ua.gemeenten[m], gn) == 0)
				gn = na[m];
		for (size_t m = 0; m < ub.ngemeenten; m++)
			if (strcmp(ub.gemeenten[m], v[i].gemeente) == 0)
				gn = nb[m];
		const char *wat = v[i].sleutel ? v[i].sleutel : "";
		const char *tn = "";
		for (size_t dd = 0;
		     v[i].dimensie == KV_DIM_AFDELING && dd < ub.nafdelingen;
		     dd++)
			if (strcmp(ub.afdelingen[dd]->id, wat) == 0 &&
			    ub.afdelingen[dd]->naam)
				tn = ub.afdelingen[dd]->naam;
		for (size_t dd = 0; v[i].dimensie == KV_DIM_AFDELING && !*tn &&
				    dd < ua.nafdelingen;
		     dd++)
			if (strcmp(ua.afdelingen[dd]->id, wat) == 0 &&
			    ua.afdelingen[dd]->naam)
				tn = ua.afdelingen[dd]->naam;
		if (*tn)
			wat = tn;
		if (v[i].dimensie == KV_DIM_TAAKVELD) {
			tn = taakveld_naam(tvb, ntvb, wat);
			if (!*tn)
				tn = taakveld_naam(tva, ntva, wat);
		} else {
			tn = "";
		}
		if (v[i].dimensie == KV_DIM_TOTAAL) {
			soma += v[i].a;
			somb += v[i].b;
		}
		int64_t verschil = v[i].b - v[i].a;
		json_t *o = json_object();
		json_object_set_new(o, "gemeente", json_string(gn));
		json_object_set_new(o, "dimensie",
				    json_string(dim[v[i].dimensie]));
		json_object_set_new(
			o, "totaal",
			json_boolean(v[i].dimensie == KV_DIM_TOTAAL));
		json_object_set_new(o, "wat", json_string(wat));
		json_object_set_new(o, "taakveldNaam", json_string(tn));
		json_object_set_new(o, "oud", euro(v[i].a));
		json_object_set_new(o, "nieuw", euro(v[i].b));
		json_object_set_new(o, "verschil", euro(verschil));
		json_object_set_new(o, "hoger", json_boolean(verschil > 0));
		json_object_set_new(o, "lager", json_boolean(verschil < 0));
		json_array_append_new(rijen, o);
	}
	json_object_set_new(d, "rijen", rijen);
	json_t *t = json_object();
	json_object_set_new(t, "oud", euro(soma));
	json_object_set_new(t, "nieuw", euro(somb));
	json_object_set_new(t, "verschil", euro(somb - soma));
	json_object_set_new(t, "hoger", json_boolean(somb > soma));
	json_object_set_new(t, "lager", json_boolean(somb < soma));
	json_object_set_new(d, "samen", t);
	if (resp_page_html(rq, rs, "kostenverdeling_vergelijking.html", d, e))
		return e->status;
	return ST_OK;
}

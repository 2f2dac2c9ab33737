/*
 * kostenverdeling.c - the contribution calculation as JSON; see
 * kostenverdeling.h.
 */
#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "kostenverdeling.h"
#include "present.h"
#include "../banned.h"

void
kv_afronding_nl(int64_t max_verschil, char *buf, size_t n)
{
	char getal[32];

	if (max_verschil == 0) {
		snprintf(buf, n,
			 "geen gemeente wijkt daardoor af van haar exacte "
			 "totaal");
		return;
	}
	present_getal_nl(max_verschil < 0 ? -max_verschil : max_verschil, getal,
			 sizeof getal);
	snprintf(buf, n,
		 "een gemeente wijkt daardoor hoogstens %s cent af van haar "
		 "exacte totaal",
		 getal);
}

void
kv_afwijking_nl(int64_t verschil, char *buf, size_t n)
{
	char getal[32];

	if (verschil == 0) {
		snprintf(buf, n, "dat maakt geen verschil");
		return;
	}
	present_getal_nl(verschil < 0 ? -verschil : verschil, getal,
			 sizeof getal);
	snprintf(buf, n, "de bijdrage is %s cent %s", getal,
		 verschil < 0 ? "lager" : "hoger");
}

int
kv_eerder(const struct kostenverdeling *a, const struct kostenverdeling *b)
{
	if (a->jaar != b->jaar)
		return a->jaar < b->jaar;
	if (!a->scenario != !b->scenario)
		return !a->scenario;
	return a->id < b->id;
}

void
kv_naam_nl(const struct kostenverdeling *k, char *buf, size_t n)
{
	if (k->scenario)
		snprintf(buf, n, "%d scenario %s", k->jaar, k->scenario);
	else if (k->vastgesteld)
		snprintf(buf, n, "%d vastgesteld", k->jaar);
	else
		snprintf(buf, n, "%d berekening %lld", k->jaar,
			 (long long)k->id);
}

void
present_breuk_nl(const char *pq, char *buf, size_t n)
{
	mpq_t x;
	mpz_t t, r;
	mpq_init(x);
	mpz_init(t);
	mpz_init(r);
	if (!pq || mpq_set_str(x, pq, 10) != 0 || mpz_sgn(mpq_denref(x)) == 0) {
		snprintf(buf, n, "?");
		goto uit;
	}
	mpq_canonicalize(x);
	int neg = mpq_sgn(x) < 0;
	mpq_abs(x, x);
	/* t = floor(|x| * 10000): cents with four more digits. */
	mpz_mul_ui(t, mpq_numref(x), 10000);
	mpz_fdiv_qr(t, r, t, mpq_denref(x));
	int precies = mpz_sgn(r) == 0;
	mpz_fdiv_qr_ui(t, r, t, 10000); /* t cents, r the extra digits */
	unsigned long extra = mpz_get_ui(r);
	if (!mpz_fits_slong_p(t)) {
		snprintf(buf, n, "?");
		goto uit;
	}
	char euro[48];
	const char *teken = neg ? "-" : "";
	present_bedrag_nl(mpz_get_si(t), euro, sizeof euro);
	if (precies && extra == 0)
		snprintf(buf, n, "%s%s", teken, euro);
	else if (precies)
		snprintf(buf, n, "%s%s%04lu", teken, euro, extra);
	else
		snprintf(buf, n, "%s%s%04lu\u2026", teken, euro, extra);
	/* Trailing zeros of the extra digits say nothing. */
	if (precies && extra) {
		size_t l = strlen(buf);
		while (l && buf[l - 1] == '0')
			buf[--l] = '\0';
	}
uit:
	mpz_clear(r);
	mpz_clear(t);
	mpq_clear(x);
}

/* ---- shares as percentages ------------------------------------------- */

/* x in tenths of a percent, rounded half away from zero: -1 when it does
 * not fit. */
static int
promille_van(const mpq_t x, int64_t *promille)
{
	mpz_t t;
	int rc = -1;
	mpz_init(t);
	/* |x| * 2000 / den, then (that + 1) / 2: half rounds up. */
	mpz_mul_ui(t, mpq_numref(x), 2000);
	mpz_abs(t, t);
	mpz_fdiv_q(t, t, mpq_denref(x));
	mpz_add_ui(t, t, 1);
	mpz_fdiv_q_2exp(t, t, 1);
	if (mpz_fits_slong_p(t)) {
		long v = mpz_get_si(t);
		*promille = mpq_sgn(x) < 0 ? -(int64_t)v : (int64_t)v;
		rc = 0;
	}
	mpz_clear(t);
	return rc;
}

int
kv_promille(int64_t deel, int64_t geheel, int64_t *promille)
{
	char d[24], g[24];
	mpq_t x;
	int rc;
	if (geheel == 0)
		return -1;
	snprintf(d, sizeof d, "%lld", (long long)deel);
	snprintf(g, sizeof g, "%lld", (long long)geheel);
	mpq_init(x);
	mpz_set_str(mpq_numref(x), d, 10);
	mpz_set_str(mpq_denref(x), g, 10);
	mpq_canonicalize(x);
	rc = promille_van(x, promille);
	mpq_clear(x);
	return rc;
}

int
kv_promille_breuk(const char *pq, int64_t *promille)
{
	mpq_t x;
	int rc = -1;
	mpq_init(x);
	if (pq && mpq_set_str(x, pq, 10) == 0 && mpz_sgn(mpq_denref(x)) != 0) {
		mpq_canonicalize(x);
		rc = promille_van(x, promille);
	}
	mpq_clear(x);
	return rc;
}

void
kv_procent_nl(int64_t promille, char *buf, size_t n)
{
	/* Unsigned, so that even INT64_MIN has a magnitude. */
	uint64_t a = promille < 0 ? (uint64_t)0 - (uint64_t)promille
				  : (uint64_t)promille;
	snprintf(buf, n, "%s%llu,%llu %%", promille < 0 ? "-" : "",
		 (unsigned long long)(a / 10), (unsigned long long)(a % 10));
}

int
kv_aandeel_nl(int64_t deel, int64_t geheel, char *buf, size_t n)
{
	int64_t pm;
	if (kv_promille(deel, geheel, &pm)) {
		if (n)
			buf[0] = '\0';
		return -1;
	}
	if (pm == 0 && deel != 0)
		snprintf(buf, n, "minder dan 0,1 %%");
	else
		kv_procent_nl(pm, buf, n);
	return 0;
}

/* ---- reading ------------------------------------------------------------ */

struct lezer {
	struct arena *a;
	struct err *e;
	int geheugen;
};

static const char *
tekst(struct lezer *l, const json_t *o, const char *lid, const char *pad,
      int verplicht)
{
	const json_t *v = json_object_get(o, lid);
	if (!v || json_is_null(v)) {
		if (verplicht)
			err_invalid(l->e, pad, "required",
				    "%s: '%s' ontbreekt.", pad, lid);
		return NULL;
	}
	if (!json_is_string(v)) {
		err_invalid(l->e, pad, "type", "%s: '%s' moet tekst zijn.", pad,
			    lid);
		return NULL;
	}
	const char *s = arena_strdup(l->a, json_string_value(v));
	if (!s)
		l->geheugen = 1;
	return s;
}

static int
geheel(struct lezer *l, const json_t *v, const char *pad, int64_t *uit)
{
	if (!json_is_integer(v)) {
		err_invalid(l->e, pad, "type",
			    "%s moet een geheel getal zijn (bedragen in "
			    "centen, uren in honderdsten).",
			    pad);
		return -1;
	}
	*uit = (int64_t)json_integer_value(v);
	return 0;
}

static int
geheel_lid(struct lezer *l, const json_t *o, const char *lid, const char *pad,
	   int64_t *uit)
{
	char p[160];
	const json_t *v = json_object_get(o, lid);
	snprintf(p, sizeof p, "%s.%s", pad, lid);
	if (!v) {
		err_invalid(l->e, p, "required", "%s ontbreekt.", p);
		return -1;
	}
	return geheel(l, v, p, uit);
}

/* An object of municipality (or department) → integer. */
static struct kv_gewicht *
gewichten(struct lezer *l, const json_t *o, const char *pad, size_t *n)
{
	*n = 0;
	if (!json_is_object(o)) {
		err_invalid(l->e, pad, "type",
			    "%s moet een object zijn met per naam een geheel "
			    "getal.",
			    pad);
		return NULL;
	}
	struct kv_gewicht *g =
		arena_calloc(l->a, json_object_size(o) + 1, sizeof *g);
	if (!g) {
		l->geheugen = 1;
		return NULL;
	}
	const char *k;
	const json_t *v;
	json_object_foreach((json_t *)o, k, v)
	{
		char p[160];
		snprintf(p, sizeof p, "%s.%s", pad, k);
		g[*n].gemeente = arena_strdup(l->a, k);
		if (!g[*n].gemeente)
			l->geheugen = 1;
		if (geheel(l, v, p, &g[*n].waarde) == 0)
			(*n)++;
	}
	return g;
}

static void
sleutel(struct lezer *l, const json_t *o, const char *pad, struct kv_sleutel *k)
{
	memset(k, 0, sizeof *k);
	if (!json_is_object(o)) {
		err_invalid(l->e, pad, "type", "%s moet een object zijn.", pad);
		return;
	}
	const char *type = tekst(l, o, "type", pad, 0);
	if (type && strcmp(type, "direct") == 0) {
		k->basis = KV_DIRECT;
		k->direct = tekst(l, o, "municipality", pad, 1);
		return;
	}
	const char *basis = tekst(l, o, "basis", pad, 1);
	if (!basis)
		return;
	k->basis = kv_basis_van(basis);
	if (k->basis == KV_GEEN || k->basis == KV_DIRECT) {
		k->basis = KV_GEEN;
		err_invalid(l->e, pad, "basis",
			    "%s: onbekende grondslag '%s' (kies uit "
			    "hours_realized, hours_budgeted, inhabitants, "
			    "fixed_pct, products, fte of type direct).",
			    pad, basis);
		return;
	}
	char p[160];
	snprintf(p, sizeof p, "%s.weights", pad);
	k->gewichten =
		gewichten(l, json_object_get(o, "weights"), p, &k->ngewichten);
}

static const json_t *
lijst(struct lezer *l, const json_t *doc, const char *lid, int verplicht)
{
	const json_t *v = json_object_get(doc, lid);
	if (!v) {
		if (verplicht)
			err_invalid(l->e, lid, "required", "'%s' ontbreekt.",
				    lid);
		return NULL;
	}
	if (!json_is_array(v)) {
		err_invalid(l->e, lid, "type", "'%s' moet een lijst zijn.",
			    lid);
		return NULL;
	}
	return v;
}

static void
afdeling(struct lezer *l, const json_t *o, const char *pad,
	 struct kv_afdeling *d)
{
	if (!json_is_object(o)) {
		err_invalid(l->e, pad, "type", "%s moet een object zijn.", pad);
		return;
	}
	d->id = tekst(l, o, "id", pad, 1);
	d->naam = tekst(l, o, "name", pad, 0);
	d->taakveld = tekst(l, o, "taakveld", pad, 0);
	const char *soort = tekst(l, o, "kind", pad, 1);
	if (soort && strcmp(soort, "support") == 0)
		d->ondersteunend = 1;
	else if (soort && strcmp(soort, "primary") != 0)
		err_invalid(l->e, pad, "kind",
			    "%s: soort '%s' is onbekend (primary of "
			    "support).",
			    pad, soort);
	char p[160];
	const json_t *k = json_object_get(o, "key");
	const json_t *ks = json_object_get(o, "keys");
	if (k && !json_is_null(k)) {
		snprintf(p, sizeof p, "%s.key", pad);
		sleutel(l, k, p, &d->sleutel);
	}
	if (!ks || json_is_null(ks))
		return;
	snprintf(p, sizeof p, "%s.keys", pad);
	if (!json_is_array(ks)) {
		err_invalid(l->e, p, "type", "%s moet een lijst zijn.", p);
		return;
	}
	d->periodes = arena_calloc(l->a, json_array_size(ks) + 1,
				   sizeof *d->periodes);
	if (!d->periodes) {
		l->geheugen = 1;
		return;
	}
	size_t i;
	const json_t *v;
	json_array_foreach((json_t *)ks, i, v)
	{
		struct kv_periode *per = &d->periodes[d->nperiodes];
		snprintf(p, sizeof p, "%s.keys[%zu]", pad, i);
		const char *van = tekst(l, v, "from", p, 1);
		const char *tot = tekst(l, v, "to", p, 1);
		if ((van && date_parse(van, &per->van)) ||
		    (tot && date_parse(tot, &per->tot)))
			err_invalid(l->e, p, "date",
				    "%s: een datum is niet geldig (schrijf "
				    "JJJJ-MM-DD).",
				    p);
		if (!van || !tot)
			continue;
		char ps[176];
		snprintf(ps, sizeof ps, "%s.key", p);
		sleutel(l, json_object_get(v, "key"), ps, &per->sleutel);
		d->nperiodes++;
	}
}

static void
post(struct lezer *l, const json_t *o, const char *pad, struct kv_post *p)
{
	p->datum = DATE_NONE;
	if (!json_is_object(o)) {
		err_invalid(l->e, pad, "type", "%s moet een object zijn.", pad);
		return;
	}
	p->id = tekst(l, o, "id", pad, 1);
	p->afdeling = tekst(l, o, "department", pad, 1);
	p->kostensoort = tekst(l, o, "cost_type", pad, 1);
	p->taakveld = tekst(l, o, "taakveld", pad, 0);
	geheel_lid(l, o, "amount", pad, &p->bedrag);
	const char *d = tekst(l, o, "date", pad, 0);
	if (d && date_parse(d, &p->datum))
		err_invalid(l->e, pad, "date",
			    "%s: de datum '%s' is niet geldig (schrijf "
			    "JJJJ-MM-DD).",
			    pad, d);
	const json_t *k = json_object_get(o, "key");
	if (k && !json_is_null(k)) {
		char ps[160];
		snprintf(ps, sizeof ps, "%s.key", pad);
		sleutel(l, k, ps, &p->sleutel);
	}
}

static void
steun(struct lezer *l, const json_t *o, struct kv_invoer *in)
{
	if (!json_is_object(o)) {
		err_invalid(l->e, "support_allocation", "type",
			    "support_allocation moet een object zijn.");
		return;
	}
	const char *m = tekst(l, o, "method", "support_allocation", 1);
	in->methode = kv_methode_van(m);
	if (m && in->methode == KV_METHODE_GEEN)
		err_invalid(l->e, "support_allocation.method", "method",
			    "Onbekende methode '%s' (direct, step_down of "
			    "reciprocal).",
			    m);
	const json_t *order = json_object_get(o, "order");
	if (order && json_is_array(order)) {
		in->volgorde = arena_calloc(l->a, json_array_size(order) + 1,
					    sizeof *in->volgorde);
		size_t i;
		const json_t *v;
		json_array_foreach((json_t *)order, i, v)
		{
			if (!in->volgorde) {
				l->geheugen = 1;
				break;
			}
			if (!json_is_string(v)) {
				err_invalid(l->e, "support_allocation.order",
					    "type",
					    "De volgorde is een lijst van "
					    "afdelingen (tekst).");
				continue;
			}
			in->volgorde[in->nvolgorde++] =
				arena_strdup(l->a, json_string_value(v));
		}
	} else if (in->methode == KV_STEP_DOWN) {
		err_invalid(l->e, "support_allocation.order", "required",
			    "Bij stapsgewijze verdeling hoort een volgorde "
			    "(order).");
	}
	const json_t *keys = json_object_get(o, "keys");
	if (!keys)
		return;
	if (!json_is_object(keys)) {
		err_invalid(l->e, "support_allocation.keys", "type",
			    "support_allocation.keys moet een object zijn.");
		return;
	}
	in->steunsleutels = arena_calloc(l->a, json_object_size(keys) + 1,
					 sizeof *in->steunsleutels);
	if (!in->steunsleutels) {
		l->geheugen = 1;
		return;
	}
	const char *k;
	const json_t *v;
	json_object_foreach((json_t *)keys, k, v)
	{
		struct kv_steunsleutel *s =
			&in->steunsleutels[in->nsteunsleutels++];
		char p[160];
		snprintf(p, sizeof p, "support_allocation.keys.%s", k);
		s->afdeling = arena_strdup(l->a, k);
		size_t n;
		struct kv_gewicht *g = gewichten(l, v, p, &n);
		s->ontvangers =
			arena_calloc(l->a, n + 1, sizeof *s->ontvangers);
		if (!s->ontvangers) {
			l->geheugen = 1;
			continue;
		}
		for (size_t i = 0; i < n; i++)
			s->ontvangers[i] = (struct kv_ontvanger){ g[i].gemeente,
								  g[i].waarde };
		s->nontvangers = n;
	}
}

static void
maatwerk(struct lezer *l, const json_t *arr, struct kv_invoer *in)
{
	in->maatwerk = arena_calloc(l->a, json_array_size(arr) + 1,
				    sizeof *in->maatwerk);
	if (!in->maatwerk) {
		l->geheugen = 1;
		return;
	}
	size_t i;
	const json_t *v;
	json_array_foreach((json_t *)arr, i, v)
	{
		char p[64];
		snprintf(p, sizeof p, "maatwerk_hours[%zu]", i);
		if (!json_is_object(v)) {
			err_invalid(l->e, p, "type", "%s moet een object zijn.",
				    p);
			continue;
		}
		struct kv_maatwerk *m = &in->maatwerk[in->nmaatwerk++];
		m->gemeente = tekst(l, v, "municipality", p, 1);
		m->afdeling = tekst(l, v, "department", p, 1);
		geheel_lid(l, v, "hours", p, &m->uren);
		geheel_lid(l, v, "rate_cents_per_hour", p, &m->tarief);
	}
}

enum status
kv_json_invoer(const json_t *doc, struct arena *a, struct kv_invoer *in,
	       struct err *e)
{
	struct lezer l = { .a = a, .e = e };
	err_clear(e);
	memset(in, 0, sizeof *in);
	if (!json_is_object(doc))
		return err_invalid(e, "", "type",
				   "Het invoerdocument moet een JSON-object "
				   "zijn.");
	int64_t jaar = 0;
	if (geheel_lid(&l, doc, "year", "invoer", &jaar) == 0)
		in->jaar = jaar < 0 || jaar > 100000 ? -1 : (int)jaar;
	const json_t *g = lijst(&l, doc, "municipalities", 1);
	if (g) {
		in->gemeenten = arena_calloc(a, json_array_size(g) + 1,
					     sizeof *in->gemeenten);
		size_t i;
		const json_t *v;
		json_array_foreach((json_t *)g, i, v)
		{
			char p[64];
			snprintf(p, sizeof p, "municipalities[%zu]", i);
			const char *id =
				json_is_string(v)
					? arena_strdup(a, json_string_value(v))
					: tekst(&l, v, "id", p, 1);
			if (id && in->gemeenten)
				in->gemeenten[in->ngemeenten++] = id;
		}
	}
	const json_t *d = lijst(&l, doc, "departments", 1);
	if (d) {
		in->afdelingen = arena_calloc(a, json_array_size(d) + 1,
					      sizeof *in->afdelingen);
		size_t i;
		const json_t *v;
		json_array_foreach((json_t *)d, i, v)
		{
			char p[64];
			snprintf(p, sizeof p, "departments[%zu]", i);
			if (in->afdelingen)
				afdeling(&l, v, p,
					 &in->afdelingen[in->nafdelingen++]);
		}
	}
	const json_t *sa = json_object_get(doc, "support_allocation");
	if (sa && !json_is_null(sa))
		steun(&l, sa, in);
	const json_t *p = lijst(&l, doc, "pools", 1);
	if (p) {
		in->posten = arena_calloc(a, json_array_size(p) + 1,
					  sizeof *in->posten);
		size_t i;
		const json_t *v;
		json_array_foreach((json_t *)p, i, v)
		{
			char pad[64];
			snprintf(pad, sizeof pad, "pools[%zu]", i);
			if (in->posten)
				post(&l, v, pad, &in->posten[in->nposten++]);
		}
	}
	const json_t *m = lijst(&l, doc, "maatwerk_hours", 0);
	if (m)
		maatwerk(&l, m, in);
	const json_t *adv = json_object_get(doc, "advances");
	if (adv && !json_is_null(adv)) {
		in->heeft_voorschotten = 1;
		in->voorschotten =
			gewichten(&l, adv, "advances", &in->nvoorschotten);
	}
	if ((g && !in->gemeenten) || (d && !in->afdelingen) ||
	    (p && !in->posten))
		l.geheugen = 1;
	if (l.geheugen)
		return err_set(e, ST_NOMEM,
			       "Te weinig geheugen voor dit document.");
	return err_has_problems(e) ? ST_INVALID : ST_OK;
}

enum status
kv_json_lees(const char *t, size_t n, struct arena *a, struct kv_invoer *in,
	     struct err *e)
{
	json_error_t je;
	err_clear(e);
	json_t *doc = json_loadb(t, n, JSON_REJECT_DUPLICATES, &je);
	if (!doc)
		return err_invalid(e, "", "json",
				   "Het invoerdocument is geen geldige JSON "
				   "(regel %d, kolom %d): %s",
				   je.line, je.column, je.text);
	enum status st = kv_json_invoer(doc, a, in, e);
	json_decref(doc);
	return st;
}

/* ---- writing ------------------------------------------------------------ */

static json_t *
per_afdeling(const struct kv_uitkomst *u, const int64_t *v)
{
	json_t *o = json_object();
	for (size_t d = 0; d < u->nafdelingen; d++)
		if (v[d])
			json_object_set_new(o, u->afdelingen[d]->id,
					    json_integer(v[d]));
	return o;
}

static int
cmp_gewicht(const void *x, const void *y)
{
	return strcmp((*(const struct kv_gewicht *const *)x)->gemeente,
		      (*(const struct kv_gewicht *const *)y)->gemeente);
}

static json_t *
sleutel_json(const struct kv_sleutel *k)
{
	if (!k)
		return json_null();
	json_t *o = json_object();
	if (k->basis == KV_DIRECT) {
		json_object_set_new(o, "type", json_string("direct"));
		json_object_set_new(o, "municipality", jstr(k->direct));
		return o;
	}
	/* Members in bytewise order, whatever order the input had. */
	json_t *w = json_object();
	const struct kv_gewicht *g[k->ngewichten + 1];
	for (size_t i = 0; i < k->ngewichten; i++)
		g[i] = &k->gewichten[i];
	qsort(g, k->ngewichten, sizeof *g, cmp_gewicht);
	for (size_t i = 0; i < k->ngewichten; i++)
		json_object_set_new(w, g[i]->gemeente,
				    json_integer(g[i]->waarde));
	json_object_set_new(o, "basis", json_string(kv_basis_naam(k->basis)));
	json_object_set_new(o, "weights", w);
	return o;
}

json_t *
kv_json_uitkomst(const struct kv_uitkomst *u)
{
	json_t *r = json_object(), *bladen = json_array(), *pg = json_object();
	json_t *posten = json_array();
	for (size_t i = 0; i < u->nbladen; i++) {
		const struct kv_blad *b = &u->bladen[i];
		json_t *o = json_object();
		json_object_set_new(o, "pool", jstr(u->posten[b->post].id));
		json_object_set_new(o, "municipality",
				    jstr(u->gemeenten[b->gemeente]));
		json_object_set_new(o, "department",
				    jstr(u->afdelingen[b->afdeling]->id));
		json_object_set_new(o, "exact", jstr(b->exact));
		json_object_set_new(o, "cents", json_integer(b->cent));
		json_array_append_new(bladen, o);
	}
	for (size_t m = 0; m < u->ngemeenten; m++) {
		const struct kv_gemeente_uit *g = &u->per_gemeente[m];
		json_t *o = json_object(), *tv = json_object();
		json_object_set_new(o, "total", json_integer(g->totaal));
		json_object_set_new(o, "by_receiving_department",
				    per_afdeling(u, g->per_ontvanger));
		json_object_set_new(o, "by_origin_department",
				    per_afdeling(u, g->per_herkomst));
		for (size_t i = 0; i < g->ntaakvelden; i++)
			if (g->per_taakveld[i].cent)
				json_object_set_new(
					tv, g->per_taakveld[i].taakveld,
					json_integer(g->per_taakveld[i].cent));
		json_object_set_new(o, "by_taakveld_bbv", tv);
		json_object_set_new(o, "exact_total", jstr(g->exact_totaal));
		json_object_set_new(o, "rounding_difference",
				    json_integer(g->afrondingsverschil));
		if (u->heeft_voorschotten) {
			json_object_set_new(o, "advance",
					    json_integer(g->voorschot));
			json_object_set_new(o, "settlement",
					    json_integer(g->saldo));
		}
		json_object_set_new(pg, u->gemeenten[m], o);
	}
	for (size_t i = 0; i < u->nposten; i++) {
		const struct kv_post_uit *p = &u->posten[i];
		json_t *o = json_object();
		json_object_set_new(o, "id", jstr(p->id));
		json_object_set_new(o, "department",
				    jstr(u->afdelingen[p->afdeling]->id));
		json_object_set_new(o, "cost_type", jstr(p->kostensoort));
		json_object_set_new(o, "taakveld", jstr(p->taakveld));
		json_object_set_new(o, "amount", json_integer(p->bedrag));
		if (p->maatwerk_credit)
			json_object_set_new(o, "maatwerk_credit",
					    json_integer(p->maatwerk_credit));
		json_object_set_new(o, "from", jdate(p->van));
		json_object_set_new(o, "to", jdate(p->tot));
		json_object_set_new(o, "key", sleutel_json(p->sleutel));
		json_array_append_new(posten, o);
	}
	json_object_set_new(r, "year", json_integer(u->jaar));
	json_object_set_new(r, "leaves", bladen);
	json_object_set_new(r, "per_municipality", pg);
	json_object_set_new(r, "pools", posten);
	json_object_set_new(r, "grand_total", json_integer(u->totaal));
	json_object_set_new(r, "max_rounding_difference",
			    json_integer(u->max_afrondingsverschil));
	json_object_set_new(r, "input_sha256", json_string(u->sha256));
	if (u->b) {
		json_t *b = json_object();
		size_t s = 0;
		for (size_t d = 0; d < u->nafdelingen; d++) {
			if (!u->afdelingen[d]->ondersteunend)
				continue;
			json_t *rij = json_object();
			for (size_t k = 0; k < u->nafdelingen; k++) {
				const char *f = u->b[s * u->nafdelingen + k];
				if (strcmp(f, "0") != 0)
					json_object_set_new(
						rij, u->afdelingen[k]->id,
						json_string(f));
			}
			json_object_set_new(b, u->afdelingen[d]->id, rij);
			s++;
		}
		json_object_set_new(r, "support_fraction_matrix_B", b);
	}
	return r;
}

enum status
kv_json_reken(const struct kv_invoer *in, struct arena *a,
	      struct kv_uitkomst *u, char **json, struct err *e)
{
	struct kv_uitkomst lokaal;
	enum status st;
	if (!u)
		u = &lokaal;
	*json = NULL;
	if ((st = kv_bereken(in, a, u, e)))
		return st;
	json_t *j = kv_json_uitkomst(u);
	*json = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(j);
	if (!*json)
		return err_set(e, ST_NOMEM, "Te weinig geheugen.");
	return ST_OK;
}

enum status
kv_herreken(const char *invoer, const char *uitkomst, const char *sha256,
	    struct arena *a, struct kv_uitkomst *u, struct err *e)
{
	struct kv_invoer in;
	char *json = NULL;
	if (kv_json_lees(invoer, strlen(invoer), a, &in, e) ||
	    kv_json_reken(&in, a, u, &json, e))
		return e->status == ST_INVALID
			       ? err_internal(e, "bewaarde invoer ongeldig")
			       : e->status;
	int gelijk =
		strcmp(json, uitkomst) == 0 && strcmp(u->sha256, sha256) == 0;
	free(json);
	if (!gelijk)
		return err_internal(e, "opnieuw berekend wijkt de "
				       "kostenverdeling af van wat bewaard is");
	return ST_OK;
}

/*
 * test_kostenverdeling.c - the contribution calculation engine: every
 * invalid input named at once in Dutch; regression cases with every pool,
 * leaf and municipality exact; and the invariants I1-I9 of
 * docs/allocation.md, the bound on a municipality's rounding, and the
 * periods and merging of pools, on thousands of random inputs
 * (municipalities, departments, keys, dated keys, dated and undated pools
 * in every kind of department, pools of either sign, direct, step-down
 * and reciprocal support allocation, maatwerk, advances).
 */
#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>

#include "../test.h"
#include "../../src/core/kostenverdeling.h"
#include "../../src/present/kostenverdeling.h"

/* ---- a small deterministic random generator --------------------------- */

static uint64_t rng_state;

static uint64_t
rnd(void)
{
	uint64_t x = rng_state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return rng_state = x;
}

static int64_t
tussen(int64_t lo, int64_t hi)
{
	return lo + (int64_t)(rnd() % (uint64_t)(hi - lo + 1));
}

/* ---- random inputs ------------------------------------------------------ */

static const char *const gemeente_ids[] = { "AALSMEER",	   "AMSTELVEEN",
					    "Bloemendaal", "HEEMSTEDE",
					    "oostzaan",	   "ZAANSTAD",
					    "B",	   "AB" };

/* A random key; with `nul`, municipality "B" gets weight zero. */
static struct kv_sleutel
willekeurige_sleutel(struct arena *a, const struct kv_invoer *in, int nul)
{
	struct kv_sleutel k = { 0 };
	int soort = (int)tussen(0, 9);
	if (soort == 0 && !nul) {
		k.basis = KV_DIRECT;
		k.direct =
			in->gemeenten[tussen(0, (int64_t)in->ngemeenten - 1)];
		return k;
	}
	k.basis = soort == 1 ? KV_VAST_PCT
		  : soort < 5
			  ? KV_UREN_REALISATIE
			  : (enum kv_basis)tussen(KV_UREN_BEGROTING, KV_FTE);
	if (soort != 1 && k.basis == KV_VAST_PCT)
		k.basis = KV_INWONERS;
	k.gewichten = arena_calloc(a, in->ngemeenten, sizeof *k.gewichten);
	int64_t rest = 10000, som = 0;
	for (size_t m = 0; m < in->ngemeenten; m++) {
		struct kv_gewicht *g = &k.gewichten[k.ngewichten++];
		g->gemeente = in->gemeenten[m];
		if (nul && strcmp(g->gemeente, "B") == 0)
			g->waarde = 0;
		else if (k.basis == KV_VAST_PCT)
			rest -= g->waarde = tussen(0, rest);
		else
			g->waarde = tussen(0, 3) ? tussen(1, 5000000) : 0;
		som += g->waarde;
	}
	/* The first municipality is never "B": it takes what is left. */
	if (k.basis == KV_VAST_PCT)
		k.gewichten[0].waarde += rest;
	else if (som == 0)
		k.gewichten[0].waarde = 7;
	return k;
}

struct opzet {
	int nul; /* municipality "B" has weight zero everywhere */
	int zonder_maatwerk;
};

static void
willekeurige_invoer(struct arena *a, struct kv_invoer *in,
		    const struct opzet *o)
{
	memset(in, 0, sizeof *in);
	in->jaar = (int)tussen(2019, 2026);
	in->ngemeenten = (size_t)tussen(1, 6);
	in->gemeenten = arena_calloc(a, 8, sizeof *in->gemeenten);
	size_t start = o->nul ? 0 : (size_t)tussen(0, 2);
	for (size_t i = 0; i < in->ngemeenten; i++)
		in->gemeenten[i] = gemeente_ids[start + i];
	if (o->nul && in->ngemeenten > 1)
		in->gemeenten[in->ngemeenten - 1] = "B";
	int nul = o->nul && in->ngemeenten > 1;
	size_t np = (size_t)tussen(1, 5), ns = (size_t)tussen(0, 4);
	in->nafdelingen = np + ns;
	in->afdelingen = arena_calloc(a, np + ns, sizeof *in->afdelingen);
	day_t jan1 = date_from_ymd(in->jaar, 1, 1);
	day_t dec31 = date_from_ymd(in->jaar, 12, 31);
	for (size_t d = 0; d < np + ns; d++) {
		struct kv_afdeling *af = &in->afdelingen[d];
		char *id = arena_alloc(a, 24);
		snprintf(id, 24, "%c%zu", d < np ? 'P' : 'S', d);
		af->id = id;
		af->naam = id;
		af->ondersteunend = d >= np;
		af->taakveld = d < np ? (d % 2 ? "0.2" : "8.3") : "0.4";
		if (af->ondersteunend)
			continue;
		if (tussen(0, 3)) {
			af->sleutel = willekeurige_sleutel(a, in, nul);
			continue;
		}
		/* Dated keys: two or three stretches covering the year. */
		af->nperiodes = (size_t)tussen(2, 3);
		af->periodes = arena_calloc(a, 3, sizeof *af->periodes);
		day_t van = jan1;
		for (size_t p = 0; p < af->nperiodes; p++) {
			day_t tot = p + 1 == af->nperiodes
					    ? dec31
					    : van + (day_t)tussen(0, 150);
			af->periodes[p].van = van;
			af->periodes[p].tot = tot;
			af->periodes[p].sleutel =
				willekeurige_sleutel(a, in, nul);
			van = tot + 1;
		}
	}
	if (ns) {
		in->methode = (enum kv_methode)tussen(KV_DIRECT_METHODE,
						      KV_RECIPROCAAL);
		in->steunsleutels =
			arena_calloc(a, ns, sizeof *in->steunsleutels);
		in->volgorde = arena_calloc(a, ns, sizeof *in->volgorde);
		for (size_t s = 0; s < ns; s++) {
			struct kv_steunsleutel *k =
				&in->steunsleutels[in->nsteunsleutels++];
			k->afdeling = in->afdelingen[np + s].id;
			in->volgorde[in->nvolgorde++] = k->afdeling;
			k->ontvangers =
				arena_calloc(a, np + ns, sizeof *k->ontvangers);
			for (size_t d = 0; d < np + ns; d++) {
				if (d == np + s || (d != 0 && !tussen(0, 1)))
					continue;
				k->ontvangers[k->nontvangers++] =
					(struct kv_ontvanger){
						in->afdelingen[d].id,
						tussen(1, 1000)
					};
			}
		}
		for (size_t i = ns; i > 1; i--) { /* a random order */
			size_t j = (size_t)tussen(0, (int64_t)i - 1);
			const char *t = in->volgorde[i - 1];
			in->volgorde[i - 1] = in->volgorde[j];
			in->volgorde[j] = t;
		}
	}
	in->nposten = (size_t)tussen(1, 8);
	in->posten = arena_calloc(a, in->nposten, sizeof *in->posten);
	for (size_t i = 0; i < in->nposten; i++) {
		struct kv_post *p = &in->posten[i];
		char *id = arena_alloc(a, 24);
		snprintf(id, 24, "K%02zu", (size_t)tussen(0, 99) * 10 + i);
		p->id = id;
		p->afdeling =
			in->afdelingen[tussen(0, (int64_t)(np + ns) - 1)].id;
		p->kostensoort = tussen(0, 1) ? "personeel" : "materieel";
		p->bedrag =
			tussen(0, 9) == 0 ? 0 : tussen(-2000000000, 9000000000);
		p->datum = tussen(0, 4) ? DATE_NONE
					: jan1 + (day_t)tussen(0, dec31 - jan1);
		if (!tussen(0, 5))
			p->sleutel = willekeurige_sleutel(a, in, nul);
	}
	if (!o->zonder_maatwerk && tussen(0, 2) == 0) {
		in->nmaatwerk = (size_t)tussen(1, 3);
		in->maatwerk = arena_calloc(a, 3, sizeof *in->maatwerk);
		for (size_t i = 0; i < in->nmaatwerk; i++) {
			/* Only for departments that have a pool of their own */
			const struct kv_post *p =
				&in->posten[tussen(0, (int64_t)in->nposten - 1)];
			in->maatwerk[i] = (struct kv_maatwerk){
				in->gemeenten[tussen(
					0, (int64_t)in->ngemeenten - 1)],
				p->afdeling, tussen(0, 100000), tussen(0, 15000)
			};
			if (p->sleutel.basis != KV_GEEN)
				in->nmaatwerk = i; /* none for this one */
		}
	}
	if (tussen(0, 1)) {
		in->heeft_voorschotten = 1;
		in->voorschotten = arena_calloc(a, in->ngemeenten,
						sizeof *in->voorschotten);
		for (size_t m = 0; m < in->ngemeenten; m++)
			if (tussen(0, 3))
				in->voorschotten[in->nvoorschotten++] =
					(struct kv_gewicht){
						in->gemeenten[m],
						tussen(0, 3000000000)
					};
	}
}

/* ---- permuting every list --------------------------------------------- */

#define SCHUD(a, p, n)                                                     \
	do {                                                               \
		void *kopie_ = arena_calloc((a), (n) + 1, sizeof *(p));    \
		if (n)                                                     \
			memcpy(kopie_, (p), (n) * sizeof *(p));            \
		(p) = kopie_;                                              \
		for (size_t i_ = (n); i_ > 1; i_--) {                      \
			size_t j_ = (size_t)tussen(0, (int64_t)i_ - 1);    \
			char t_[sizeof *(p)];                              \
			memcpy(t_, &(p)[i_ - 1], sizeof t_);               \
			memcpy((void *)&(p)[i_ - 1], &(p)[j_], sizeof t_); \
			memcpy((void *)&(p)[j_], t_, sizeof t_);           \
		}                                                          \
	} while (0)

static void
schud_sleutel(struct arena *a, struct kv_sleutel *k)
{
	SCHUD(a, k->gewichten, k->ngewichten);
}

static struct kv_invoer
geschud(struct arena *a, const struct kv_invoer *in)
{
	struct kv_invoer u = *in;
	SCHUD(a, u.gemeenten, u.ngemeenten);
	SCHUD(a, u.afdelingen, u.nafdelingen);
	for (size_t d = 0; d < u.nafdelingen; d++) {
		struct kv_afdeling *af = &u.afdelingen[d];
		schud_sleutel(a, &af->sleutel);
		SCHUD(a, af->periodes, af->nperiodes);
		for (size_t p = 0; p < af->nperiodes; p++)
			schud_sleutel(a, &af->periodes[p].sleutel);
	}
	SCHUD(a, u.steunsleutels, u.nsteunsleutels);
	for (size_t s = 0; s < u.nsteunsleutels; s++)
		SCHUD(a, u.steunsleutels[s].ontvangers,
		      u.steunsleutels[s].nontvangers);
	SCHUD(a, u.posten, u.nposten);
	for (size_t p = 0; p < u.nposten; p++)
		schud_sleutel(a, &u.posten[p].sleutel);
	SCHUD(a, u.maatwerk, u.nmaatwerk);
	SCHUD(a, u.voorschotten, u.nvoorschotten);
	return u;
}

/* ---- the invariants ------------------------------------------------------ */

/* How many times each check was made, so that none passes by not running:
 * the random inputs, those calculated, and the checks that apply to only
 * some of them. */
struct uitgevoerd {
	size_t gevallen; /* random inputs calculated */
	size_t geldig; /* ... and not refused */
	size_t nulgewicht; /* I7: a municipality with weight zero */
	size_t voorschotten; /* I8 with advances */
	size_t negatief; /* I9: the pools negated */
	size_t zonder_periodes; /* dates taken away or given */
};

static char *
bytes(const struct kv_uitkomst *u)
{
	json_t *j = kv_json_uitkomst(u);
	char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(j);
	return s;
}

/* Byte-identical, or the first difference with some context. */
static void
zelfde(const char *x, const char *y, const char *wat)
{
	size_t i = 0;
	while (x[i] && x[i] == y[i])
		i++;
	if (x[i] == y[i])
		return;
	size_t v = i > 60 ? i - 60 : 0;
	fail_msg("%s: verschil op byte %zu:\n  %.120s\n  %.120s", wat, i, x + v,
		 y + v);
}

/*
 * The bound on municipality m's rounding: every leaf is less than a cent
 * from its exact share, so its total is less than its number of leaves
 * (in cents) from its exact total, and so at most that number from the
 * rounding of its exact total (one leaf of exact 1/2 that got no cent is
 * 1 from the rounded 1). Without leaves it pays nothing.
 */
static void
afronding_binnen_grens(const struct kv_uitkomst *u, size_t m)
{
	const struct kv_gemeente_uit *g = &u->per_gemeente[m];
	int64_t n = 0;
	for (size_t i = 0; i < u->nbladen; i++)
		n += u->bladen[i].gemeente == m;
	mpq_t x, v;
	mpq_init(x);
	mpq_init(v);
	assert_int_equal(mpq_set_str(x, g->exact_totaal, 10), 0);
	mpq_set_si(v, g->totaal, 1);
	mpq_sub(v, v, x);
	mpq_abs(v, v);
	if (n == 0)
		assert_int_equal(mpq_sgn(v), 0);
	else
		assert_true(mpq_cmp_si(v, n, 1) < 0);
	mpq_clear(x);
	mpq_clear(v);
	assert_true(g->afrondingsverschil <= n && -g->afrondingsverschil <= n);
}

static void
controleer(const struct kv_invoer *in, const struct kv_uitkomst *u, int nul,
	   struct uitgevoerd *tel)
{
	/* I1: each pool's leaves sum to it; the grand total to the input. */
	int64_t invoer = 0;
	for (size_t i = 0; i < in->nposten; i++)
		invoer += in->posten[i].bedrag;
	assert_int_equal(u->totaal, invoer);
	for (size_t p = 0; p < u->nposten; p++) {
		int64_t som = 0;
		for (size_t i = 0; i < u->posten[p].nbladen; i++) {
			const struct kv_blad *b =
				&u->bladen[u->posten[p].eerste_blad + i];
			assert_int_equal(b->post, p);
			som += b->cent;
			/* I3 */
			if (u->posten[p].bedrag >= 0)
				assert_true(b->cent >= 0);
		}
		assert_int_equal(som, u->posten[p].bedrag);
	}
	/* I2: every leaf within one cent of its exact share. */
	mpq_t x, c;
	mpq_init(x);
	mpq_init(c);
	for (size_t i = 0; i < u->nbladen; i++) {
		assert_int_equal(mpq_set_str(x, u->bladen[i].exact, 10), 0);
		mpq_set_si(c, u->bladen[i].cent, 1);
		mpq_sub(c, c, x);
		mpq_abs(c, c);
		assert_true(mpq_cmp_ui(c, 1, 1) < 0);
	}
	mpq_clear(x);
	mpq_clear(c);
	/* I6: every view gives the municipality's total; I8. */
	int64_t saldi = 0, voorschotten = 0, totaal = 0, max = 0;
	for (size_t m = 0; m < u->ngemeenten; m++) {
		const struct kv_gemeente_uit *g = &u->per_gemeente[m];
		int64_t o = 0, h = 0, t = 0;
		for (size_t d = 0; d < u->nafdelingen; d++) {
			o += g->per_ontvanger[d];
			h += g->per_herkomst[d];
		}
		for (size_t i = 0; i < g->ntaakvelden; i++)
			t += g->per_taakveld[i].cent;
		assert_int_equal(o, g->totaal);
		assert_int_equal(h, g->totaal);
		assert_int_equal(t, g->totaal);
		totaal += g->totaal;
		saldi += g->saldo;
		voorschotten += g->voorschot;
		afronding_binnen_grens(u, m);
		if (g->afrondingsverschil > max || -g->afrondingsverschil > max)
			max = g->afrondingsverschil < 0 ? -g->afrondingsverschil
							: g->afrondingsverschil;
		/* I7: "B" has weight zero in every key. */
		if (nul && strcmp(u->gemeenten[m], "B") == 0) {
			assert_int_equal(g->totaal, 0);
			tel->nulgewicht++;
		}
	}
	assert_int_equal(totaal, u->totaal);
	assert_int_equal(u->max_afrondingsverschil, max);
	if (u->heeft_voorschotten) {
		assert_int_equal(saldi, u->totaal - voorschotten);
		tel->voorschotten++;
	}
}

/* ---- periods and merging ------------------------------------------------ */

/* The department with this id in `in`; the generator makes every pool's
 * department exist. */
static const struct kv_afdeling *
afdeling_van(const struct kv_invoer *in, const char *id)
{
	for (size_t d = 0; d < in->nafdelingen; d++)
		if (strcmp(in->afdelingen[d].id, id) == 0)
			return &in->afdelingen[d];
	fail_msg("afdeling %s bestaat niet", id);
	return NULL;
}

/* Whether a pool's date picks a period in department d: only a primary
 * department with dated keys has periods. */
static int
met_periodes(const struct kv_afdeling *d)
{
	return !d->ondersteunend && d->nperiodes > 0;
}

/* A random day between van and tot (inclusive). */
static day_t
dag_tussen(day_t van, day_t tot)
{
	return van + (day_t)tussen(0, tot - van);
}

/* The result without the input's hash, as bytes (for inputs that differ
 * only in what must not matter). */
static char *
bytes_zonder_hash(const struct kv_uitkomst *u)
{
	json_t *j = kv_json_uitkomst(u);
	json_object_del(j, "input_sha256");
	char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(j);
	return s;
}

/* What every municipality pays, every view, and the totals, as bytes. */
static char *
bytes_per_gemeente(const struct kv_uitkomst *u)
{
	json_t *j = kv_json_uitkomst(u), *k = json_object();
	json_object_set(k, "per_municipality",
			json_object_get(j, "per_municipality"));
	json_object_set(k, "grand_total", json_object_get(j, "grand_total"));
	json_object_set(k, "max_rounding_difference",
			json_object_get(j, "max_rounding_difference"));
	char *s = json_dumps(k, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(k);
	json_decref(j);
	return s;
}

/*
 * A pool's period is that of its own department's keys: in a department
 * without dated keys (every support department among them) a date makes
 * no period, so taking the dates of its pools away, and dating its
 * undated pools, changes nothing but the hash of the input.
 */
static void
datum_zonder_periodes(struct arena *a, const struct kv_invoer *in,
		      const struct kv_uitkomst *u, struct uitgevoerd *tel)
{
	struct kv_invoer v = *in;
	struct kv_uitkomst uv;
	struct err e;
	int anders = 0;
	v.posten = arena_calloc(a, in->nposten, sizeof *v.posten);
	for (size_t i = 0; i < in->nposten; i++) {
		struct kv_post *p = &v.posten[i];
		*p = in->posten[i];
		if (met_periodes(afdeling_van(in, p->afdeling)))
			continue;
		p->datum =
			p->datum != DATE_NONE
				? DATE_NONE
				: dag_tussen(date_from_ymd(in->jaar, 1, 1),
					     date_from_ymd(in->jaar, 12, 31));
		anders = 1;
	}
	if (!anders)
		return;
	assert_int_equal(kv_bereken(&v, a, &uv, &e), ST_OK);
	char *x = bytes_zonder_hash(u), *y = bytes_zonder_hash(&uv);
	zelfde(x, y, "datums zonder periodes");
	free(x);
	free(y);
	tel->zonder_periodes++;
}

/*
 * Pools alike in department, cost type, taakveld, key and period are one
 * pool, rounded once: a pool cut in two such parts (the new part dated
 * within the same period where the department has dated keys, dated or
 * not at random elsewhere) gives every municipality the same cents.
 */
static void
gesplitst_samengevoegd(struct arena *a, const struct kv_invoer *in,
		       const struct kv_uitkomst *u)
{
	struct kv_invoer v = *in;
	struct kv_uitkomst uv;
	struct err e;
	size_t k = (size_t)tussen(0, (int64_t)in->nposten - 1);
	v.nposten = in->nposten + 1;
	v.posten = arena_calloc(a, v.nposten, sizeof *v.posten);
	memcpy(v.posten, in->posten, in->nposten * sizeof *v.posten);
	struct kv_post *p = &v.posten[k], *q = &v.posten[in->nposten];
	char *id = arena_alloc(a, strlen(p->id) + 2);
	snprintf(id, strlen(p->id) + 2, "%sb", p->id);
	*q = *p;
	q->id = id;
	q->bedrag = tussen(-2000000000, 2000000000);
	p->bedrag -= q->bedrag;
	const struct kv_afdeling *af = afdeling_van(in, p->afdeling);
	if (!met_periodes(af))
		q->datum =
			tussen(0, 1)
				? DATE_NONE
				: dag_tussen(date_from_ymd(in->jaar, 1, 1),
					     date_from_ymd(in->jaar, 12, 31));
	else if (p->datum != DATE_NONE)
		for (size_t t = 0; t < af->nperiodes; t++)
			if (af->periodes[t].van <= p->datum &&
			    p->datum <= af->periodes[t].tot)
				q->datum = dag_tussen(af->periodes[t].van,
						      af->periodes[t].tot);
	assert_int_equal(kv_bereken(&v, a, &uv, &e), ST_OK);
	char *x = bytes_per_gemeente(u), *y = bytes_per_gemeente(&uv);
	zelfde(x, y, "gesplitst en samengevoegd");
	free(x);
	free(y);
}

/* What the random inputs held, so that the test shows it tested it. */
struct dekking {
	size_t steun_gedateerd; /* a dated pool in a support department */
	size_t primair_gedateerd; /* ... in a primary one without periods */
	size_t periode_gedateerd; /* ... in one with dated keys */
};

static void
tel_dekking(const struct kv_invoer *in, struct dekking *d)
{
	int s = 0, p = 0, t = 0;
	for (size_t i = 0; i < in->nposten; i++) {
		const struct kv_afdeling *af =
			afdeling_van(in, in->posten[i].afdeling);
		if (in->posten[i].datum == DATE_NONE)
			continue;
		s |= af->ondersteunend;
		p |= !af->ondersteunend && !af->nperiodes;
		t |= met_periodes(af);
	}
	d->steun_gedateerd += (size_t)s;
	d->primair_gedateerd += (size_t)p;
	d->periode_gedateerd += (size_t)t;
}

/* I1-I9 on `n` random inputs from `seed`, and the periods and merging of
 * the pools. */
static void
eigenschappen(uint64_t seed, int n, const struct opzet *o)
{
	struct uitgevoerd t = { 0 };
	struct dekking dk = { 0 };
	if (n <= 0)
		fail_msg("geen enkel geval om te controleren (%d)", n);
	rng_state = seed;
	for (int r = 0; r < n; r++) {
		struct arena a;
		struct kv_invoer in, ps;
		struct kv_uitkomst u1, u2, u3;
		struct err e;
		arena_init(&a, 64u << 20);
		willekeurige_invoer(&a, &in, o);
		enum status st = kv_bereken(&in, &a, &u1, &e);
		t.gevallen++;
		if (st != ST_OK) {
			/* Only a reciprocal or step-down system can be
			 * refused here: a support department whose receivers
			 * were all dropped never reaches a primary. */
			assert_int_equal(st, ST_INVALID);
			assert_true(has_problem(&e, "support_allocation.keys",
						"no-primary"));
			arena_free(&a);
			continue;
		}
		t.geldig++;
		tel_dekking(&in, &dk);
		controleer(&in, &u1, o->nul, &t);
		datum_zonder_periodes(&a, &in, &u1, &t);
		gesplitst_samengevoegd(&a, &in, &u1);
		/* I4: the same again; I5: every list permuted. */
		char *b1 = bytes(&u1);
		assert_int_equal(kv_bereken(&in, &a, &u2, &e), ST_OK);
		char *b2 = bytes(&u2);
		zelfde(b1, b2, "nogmaals");
		ps = geschud(&a, &in);
		assert_int_equal(kv_bereken(&ps, &a, &u3, &e), ST_OK);
		char *b3 = bytes(&u3);
		zelfde(b1, b3, "door elkaar");
		/* I9: split(-A) = -split(A), leaf by leaf. */
		if (in.nmaatwerk == 0) {
			struct kv_invoer neg = in;
			struct kv_uitkomst un;
			neg.posten = arena_calloc(&a, in.nposten,
						  sizeof *neg.posten);
			for (size_t i = 0; i < in.nposten; i++) {
				neg.posten[i] = in.posten[i];
				neg.posten[i].bedrag = -in.posten[i].bedrag;
			}
			assert_int_equal(kv_bereken(&neg, &a, &un, &e), ST_OK);
			assert_int_equal(un.nbladen, u1.nbladen);
			for (size_t i = 0; i < u1.nbladen; i++)
				assert_int_equal(un.bladen[i].cent,
						 -u1.bladen[i].cent);
			t.negatief++;
		}
		free(b1);
		free(b2);
		free(b3);
		arena_free(&a);
	}
	print_message("# %zu gevallen, %zu geldig; I7 %zu, I8 met voorschotten "
		      "%zu, I9 %zu, datums %zu\n",
		      t.gevallen, t.geldig, t.nulgewicht, t.voorschotten,
		      t.negatief, t.zonder_periodes);
	/* Every case ran; most random inputs must be valid, or the test
	 * tests little. */
	assert_int_equal(t.gevallen, (size_t)n);
	assert_true(t.geldig > 0 && t.geldig * 4 >= t.gevallen * 3);
	/* On enough inputs every check that applies to some of them ran on
	 * at least a quarter, and dated pools occurred in every kind of
	 * department. */
	if (n >= 200) {
		assert_true(t.voorschotten * 4 >= t.gevallen &&
			    t.negatief * 4 >= t.gevallen &&
			    t.zonder_periodes * 4 >= t.gevallen);
		if (o->nul)
			assert_true(t.nulgewicht * 4 >= t.gevallen);
		assert_true(dk.steun_gedateerd * 50 >= t.gevallen &&
			    dk.primair_gedateerd * 50 >= t.gevallen &&
			    dk.periode_gedateerd * 50 >= t.gevallen);
	}
}

/* The number of random inputs: AMBT_EIGENSCHAPPEN, else 1500; anything
 * but a positive number is refused rather than testing nothing. */
static int
aantal(void)
{
	const char *s = getenv("AMBT_EIGENSCHAPPEN");
	char *eind;
	if (!s)
		return 1500;
	long n = strtol(s, &eind, 10);
	if (eind == s || *eind || n <= 0 || n > 10000000)
		fail_msg("AMBT_EIGENSCHAPPEN=%s: geef een positief aantal", s);
	return (int)n;
}

static void
test_eigenschappen(void **state)
{
	struct opzet o = { 0 };
	(void)state;
	eigenschappen(0x9e3779b97f4a7c15u, aantal(), &o);
}

static void
test_eigenschappen_nulgewicht(void **state)
{
	struct opzet o = { .nul = 1, .zonder_maatwerk = 1 };
	(void)state;
	eigenschappen(0x2545f4914f6cdd1du, aantal(), &o);
}

/* ---- invalid inputs -------------------------------------------------- */

static void
bereken_tekst(const char *json, struct err *e, enum status verwacht)
{
	struct arena a;
	struct kv_invoer in;
	struct kv_uitkomst u;
	arena_init(&a, 16u << 20);
	enum status st = kv_json_lees(json, strlen(json), &a, &in, e);
	if (st == ST_OK)
		st = kv_bereken(&in, &a, &u, e);
	for (size_t i = 0; st != verwacht && i < e->nproblems; i++)
		print_message("  %s/%s: %s\n", e->problems[i].name,
			      e->problems[i].code, e->problems[i].reason);
	assert_int_equal(st, verwacht);
	arena_free(&a);
}

/* The reason of the problem with this name and code ("" if none). */
static const char *
reden(const struct err *e, const char *name, const char *code)
{
	for (size_t i = 0; i < e->nproblems; i++)
		if (strcmp(e->problems[i].name, name) == 0 &&
		    strcmp(e->problems[i].code, code) == 0)
			return e->problems[i].reason;
	return "";
}

/* Every problem of the list in one document, all reported. */
static void
test_alle_problemen_tegelijk(void **state)
{
	struct err e;
	(void)state;
	bereken_tekst(
		"{\"year\":2024,\"municipalities\":[{\"id\":\"A\"},{\"id\":\"B\"}],"
		"\"departments\":["
		" {\"id\":\"NUL\",\"name\":\"n\",\"kind\":\"primary\",\"taakveld\":\"0.2\","
		"  \"key\":{\"basis\":\"inhabitants\",\"weights\":{\"A\":0,\"B\":0}}},"
		" {\"id\":\"PCT\",\"name\":\"p\",\"kind\":\"primary\",\"taakveld\":\"0.1\","
		"  \"key\":{\"basis\":\"fixed_pct\",\"weights\":{\"A\":5000,\"B\":4950}}},"
		" {\"id\":\"ONB\",\"name\":\"o\",\"kind\":\"primary\",\"taakveld\":\"0.1\","
		"  \"key\":{\"basis\":\"fte\",\"weights\":{\"A\":1,\"X\":2}}},"
		" {\"id\":\"S1\",\"name\":\"s\",\"kind\":\"support\",\"taakveld\":\"0.4\"},"
		" {\"id\":\"S2\",\"name\":\"s\",\"kind\":\"support\",\"taakveld\":\"0.4\"},"
		" {\"id\":\"S3\",\"name\":\"s\",\"kind\":\"support\",\"taakveld\":\"0.4\"}],"
		"\"support_allocation\":{\"method\":\"step_down\",\"order\":[\"S1\",\"S2\"],"
		" \"keys\":{\"S1\":{\"S2\":1},\"S2\":{\"S1\":1},\"S3\":{\"PCT\":1}}},"
		"\"pools\":[{\"id\":\"GROOT\",\"department\":\"PCT\",\"cost_type\":\"x\","
		"  \"amount\":100000000000001},"
		" {\"id\":\"WEES\",\"department\":\"GEEN\",\"cost_type\":\"x\",\"amount\":1}]}",
		&e, ST_INVALID);
	assert_string_equal(
		reden(&e, "departments.NUL", "zero-key"),
		"Afdeling NUL: de verdeelsleutel (inwoners) telt op tot nul; "
		"er is niemand om de kosten over te verdelen.");
	assert_string_equal(reden(&e, "departments.PCT", "fixed-pct-sum"),
			    "Afdeling PCT: de vaste percentages tellen op tot "
			    "99,50% in plaats van 100%.");
	assert_string_equal(
		reden(&e, "departments.ONB", "unknown-municipality"),
		"Afdeling ONB: de verdeelsleutel noemt gemeente X, die niet "
		"in de berekening zit.");
	assert_string_equal(
		reden(&e, "support_allocation.order", "order-missing"),
		"De volgorde van de stapsgewijze verdeling moet elke "
		"ondersteunende afdeling noemen; S3 ontbreekt.");
	assert_string_equal(reden(&e, "pools.GROOT", "overflow"),
			    "Kostenpost GROOT: het bedrag is groter dan "
			    "1.000 miljard euro; zo'n bedrag kan niet "
			    "kloppen.");
	assert_string_equal(
		reden(&e, "pools.WEES", "unknown-department"),
		"Kostenpost WEES hoort bij afdeling GEEN, die niet in de "
		"berekening zit.");
	/* S2 only serves S1, which closed before it; S1 only serves S2. */
	assert_true(has_problem(&e, "support_allocation.keys", "no-primary"));
	assert_int_equal(e.nproblems, 8);
}

/* S2 only serves S1, which closed before it: it never reaches a primary. */
static void
test_stapsgewijs_nooit_primair(void **state)
{
	struct err e;
	(void)state;
	bereken_tekst(
		"{\"year\":2024,\"municipalities\":[{\"id\":\"A\"}],"
		"\"departments\":[{\"id\":\"P\",\"kind\":\"primary\","
		" \"key\":{\"basis\":\"fte\",\"weights\":{\"A\":1}}},"
		" {\"id\":\"S1\",\"kind\":\"support\"},{\"id\":\"S2\",\"kind\":\"support\"}],"
		"\"support_allocation\":{\"method\":\"step_down\",\"order\":[\"S1\",\"S2\"],"
		" \"keys\":{\"S1\":{\"P\":1,\"S2\":1},\"S2\":{\"S1\":5}}},"
		"\"pools\":[{\"id\":\"K\",\"department\":\"S2\",\"cost_type\":\"x\",\"amount\":1}]}",
		&e, ST_INVALID);
	assert_only_problem(&e, "support_allocation.keys", "no-primary");
	assert_string_equal(e.problems[0].reason,
			    "Ondersteunende afdeling S2 komt nooit bij een "
			    "primaire afdeling uit: haar kosten kunnen "
			    "nergens heen.");
}

/* Reciprocal: S1 and S2 serve only each other, a closed loop; the
 * system (I - S) is singular and both are named. */
static void
test_wederzijds_gesloten_kring(void **state)
{
	struct err e;
	(void)state;
	bereken_tekst(
		"{\"year\":2024,\"municipalities\":[{\"id\":\"A\"}],"
		"\"departments\":[{\"id\":\"P\",\"kind\":\"primary\","
		" \"key\":{\"basis\":\"fte\",\"weights\":{\"A\":1}}},"
		" {\"id\":\"S1\",\"kind\":\"support\"},{\"id\":\"S2\",\"kind\":\"support\"}],"
		"\"support_allocation\":{\"method\":\"reciprocal\","
		" \"keys\":{\"S1\":{\"S2\":1},\"S2\":{\"S1\":5}}},"
		"\"pools\":[{\"id\":\"K\",\"department\":\"S2\",\"cost_type\":\"x\",\"amount\":1}]}",
		&e, ST_INVALID);
	assert_int_equal(e.nproblems, 2);
	assert_true(has_problem(&e, "support_allocation.keys", "no-primary"));
	assert_string_equal(e.problems[0].reason,
			    "Ondersteunende afdeling S1 komt nooit bij een "
			    "primaire afdeling uit: haar kosten kunnen "
			    "nergens heen.");
}

/* A key that names a municipality twice (possible for a caller that
 * builds the input itself; JSON objects cannot), even with weight 0. */
static void
test_dubbele_gemeente(void **state)
{
	struct kv_gewicht g[] = { { "A", 0 }, { "A", 5 } };
	struct kv_afdeling d = { .id = "P", .sleutel = { KV_FTE, NULL, 2, g } };
	struct kv_post p = { .id = "K",
			     .afdeling = "P",
			     .kostensoort = "x",
			     .bedrag = 10,
			     .datum = DATE_NONE };
	const char *gem[] = { "A" };
	struct kv_invoer in = { .jaar = 2024,
				.ngemeenten = 1,
				.gemeenten = gem,
				.nafdelingen = 1,
				.afdelingen = &d,
				.nposten = 1,
				.posten = &p };
	struct kv_uitkomst u;
	struct arena a;
	struct err e;
	(void)state;
	arena_init(&a, 1u << 20);
	assert_int_equal(kv_bereken(&in, &a, &u, &e), ST_INVALID);
	assert_only_problem(&e, "departments.P", "duplicate");
	assert_string_equal(e.problems[0].reason,
			    "Afdeling P: de verdeelsleutel noemt A twee keer.");
	arena_free(&a);
}

/* Dated keys that leave a gap, and a document that is not JSON. */
static void
test_periodes_en_json(void **state)
{
	struct err e;
	(void)state;
	bereken_tekst(
		"{\"year\":2024,\"municipalities\":[{\"id\":\"A\"}],"
		"\"departments\":[{\"id\":\"P\",\"kind\":\"primary\",\"keys\":["
		" {\"from\":\"2024-01-01\",\"to\":\"2024-06-30\",\"key\":{\"type\":\"direct\",\"municipality\":\"A\"}},"
		" {\"from\":\"2024-07-02\",\"to\":\"2024-12-31\",\"key\":{\"type\":\"direct\",\"municipality\":\"A\"}}]}],"
		"\"pools\":[{\"id\":\"K\",\"department\":\"P\",\"cost_type\":\"x\",\"amount\":1}]}",
		&e, ST_INVALID);
	assert_only_problem(&e, "departments.P", "periods");
	assert_string_equal(e.problems[0].reason,
			    "Afdeling P: de sleutels per periode moeten op "
			    "elkaar aansluiten en samen het hele jaar 2024 "
			    "dekken, van 1 januari tot en met 31 december.");
	bereken_tekst("{\"year\":2024,", &e, ST_INVALID);
	assert_only_problem(&e, "", "json");
	bereken_tekst("{\"year\":2024,\"municipalities\":[],\"departments\":[],"
		      "\"pools\":[{\"id\":\"K\",\"department\":\"P\","
		      "\"cost_type\":\"x\",\"amount\":1.5}]}",
		      &e, ST_INVALID);
	assert_only_problem(&e, "pools[0].amount", "type");
}

/* A dated key: the annual pool split by days (182 + 184 in 2024), then
 * each part by its own key; maatwerk billed and credited; advances. */
static void
test_periodes_maatwerk_voorschot(void **state)
{
	const char *doc =
		"{\"year\":2024,\"municipalities\":[{\"id\":\"A\"},{\"id\":\"B\"}],"
		"\"departments\":[{\"id\":\"P\",\"kind\":\"primary\",\"taakveld\":\"0.2\",\"keys\":["
		" {\"from\":\"2024-01-01\",\"to\":\"2024-06-30\",\"key\":{\"basis\":\"fte\",\"weights\":{\"A\":1,\"B\":1}}},"
		" {\"from\":\"2024-07-01\",\"to\":\"2024-12-31\",\"key\":{\"type\":\"direct\",\"municipality\":\"A\"}}]}],"
		"\"pools\":[{\"id\":\"K\",\"department\":\"P\",\"cost_type\":\"x\",\"amount\":366000}],"
		"\"maatwerk_hours\":[{\"municipality\":\"B\",\"department\":\"P\",\"hours\":150,\"rate_cents_per_hour\":8333}],"
		"\"advances\":{\"A\":200000}}";
	struct arena a;
	struct kv_invoer in;
	struct kv_uitkomst u;
	struct err e;
	(void)state;
	arena_init(&a, 16u << 20);
	assert_int_equal(kv_json_lees(doc, strlen(doc), &a, &in, &e), ST_OK);
	assert_int_equal(kv_bereken(&in, &a, &u, &e), ST_OK);
	/* Maatwerk: 1,5 h x 83,33 = 124,995 -> 125,00 euro to B; the pool
	 * K is 366000 - 12500 = 353500, split 182/366 and 184/366. */
	assert_int_equal(u.nposten, 3);
	assert_string_equal(u.posten[0].id, "K@2024-01-01");
	assert_int_equal(u.posten[0].bedrag, 175784); /* 175784,15 */
	assert_string_equal(u.posten[1].id, "K@2024-07-01");
	assert_int_equal(u.posten[1].bedrag, 177716); /* 177715,85 */
	assert_string_equal(u.posten[2].id, "maatwerk:P:B");
	assert_int_equal(u.posten[2].bedrag, 12500);
	assert_int_equal(u.per_gemeente[0].totaal, 87892 + 177716);
	assert_int_equal(u.per_gemeente[1].totaal, 87892 + 12500);
	assert_int_equal(u.totaal, 366000);
	assert_int_equal(u.per_gemeente[0].voorschot, 200000);
	assert_int_equal(u.per_gemeente[0].saldo, 265608 - 200000);
	assert_int_equal(u.per_gemeente[1].voorschot, 0);
	assert_int_equal(u.per_gemeente[1].saldo, 100392);
	arena_free(&a);
}

/* ---- regression cases: every pool, leaf and municipality exactly ------ */

struct post_verwacht {
	const char *id;
	int64_t bedrag;
	const char *van, *tot; /* the pool's period */
};

struct blad_verwacht {
	const char *post, *gemeente, *afdeling, *exact;
	int64_t cent;
};

struct gemeente_verwacht {
	const char *gemeente, *exact;
	int64_t totaal, afrondingsverschil;
};

/* A document and what it must give; each list ends with an empty entry. */
struct geval {
	const char *naam, *doc;
	struct post_verwacht posten[8];
	struct blad_verwacht bladen[12];
	struct gemeente_verwacht gemeenten[3];
};

/* Pieces of the cases' documents: municipalities A and B in 2024; a key
 * 1:1; P split 1:1, or P whose key changes on 1 July (182 days to A, then
 * 184 days to B); support department S delivering everything to P. */
#define JAAR_AB \
	"\"year\":2024,\"municipalities\":[{\"id\":\"A\"},{\"id\":\"B\"}],"
#define FTE_AB "{\"basis\":\"fte\",\"weights\":{\"A\":1,\"B\":1}}"
#define P_FTE_AB                                                   \
	"{\"id\":\"P\",\"kind\":\"primary\",\"taakveld\":\"0.2\"," \
	"\"key\":" FTE_AB "}"
#define P_GEDATEERD_AB                                                       \
	"{\"id\":\"P\",\"kind\":\"primary\",\"taakveld\":\"0.2\",\"keys\":[" \
	"{\"from\":\"2024-01-01\",\"to\":\"2024-06-30\",\"key\":"            \
	"{\"type\":\"direct\",\"municipality\":\"A\"}},"                     \
	"{\"from\":\"2024-07-01\",\"to\":\"2024-12-31\",\"key\":"            \
	"{\"type\":\"direct\",\"municipality\":\"B\"}}]}"
#define S_NAAR_P                                                          \
	"{\"id\":\"S\",\"kind\":\"support\",\"taakveld\":\"0.4\"}],"      \
	"\"support_allocation\":{\"method\":\"direct\",\"keys\":{\"S\":{" \
	"\"P\":1}}},"

static const struct geval gevallen[] = {
	/* Two 1-cent pools of a support department, one dated, over P
	 * split 1:1. A support department has no dated keys, so the date
	 * makes no period: one pool of 2 cents, 1 and 1 (rounded apart,
	 * 1/2 and 1/2 twice, they gave A 2 cents and B none). */
	{ "steunpost met datum samengevoegd",
	  "{" JAAR_AB "\"departments\":[" P_FTE_AB "," S_NAAR_P
	  "\"pools\":[{\"id\":\"S1\",\"department\":\"S\","
	  "\"cost_type\":\"personeel\",\"amount\":1},"
	  "{\"id\":\"S2\",\"department\":\"S\",\"cost_type\":\"personeel\","
	  "\"amount\":1,\"date\":\"2024-03-01\"}]}",
	  { { "S1+S2", 2, "2024-01-01", "2024-12-31" }, { 0 } },
	  { { "S1+S2", "A", "P", "1", 1 },
	    { "S1+S2", "B", "P", "1", 1 },
	    { 0 } },
	  { { "A", "1", 1, 0 }, { "B", "1", 1, 0 }, { 0 } } },
	/* A dated support pool reaches P, whose key changes on 1 July,
	 * by P's periods weighted by their days (182 and 184 of 366), not
	 * by the key of its date (which gave A everything). */
	{ "steunpost met datum naar gedateerde sleutels",
	  "{" JAAR_AB "\"departments\":[" P_GEDATEERD_AB "," S_NAAR_P
	  "\"pools\":[{\"id\":\"S1\",\"department\":\"S\","
	  "\"cost_type\":\"personeel\",\"amount\":366,"
	  "\"date\":\"2024-03-01\"}]}",
	  { { "S1", 366, "2024-01-01", "2024-12-31" }, { 0 } },
	  { { "S1", "A", "P", "182", 182 },
	    { "S1", "B", "P", "184", 184 },
	    { 0 } },
	  { { "A", "182", 182, 0 }, { "B", "184", 184, 0 }, { 0 } } },
	/* The same in a primary department with one key for the year. */
	{ "primaire post met datum zonder gedateerde sleutels",
	  "{" JAAR_AB "\"departments\":[" P_FTE_AB "],"
	  "\"pools\":[{\"id\":\"K1\",\"department\":\"P\","
	  "\"cost_type\":\"personeel\",\"amount\":1},"
	  "{\"id\":\"K2\",\"department\":\"P\",\"cost_type\":\"personeel\","
	  "\"amount\":1,\"date\":\"2024-11-30\"}]}",
	  { { "K1+K2", 2, "2024-01-01", "2024-12-31" }, { 0 } },
	  { { "K1+K2", "A", "P", "1", 1 },
	    { "K1+K2", "B", "P", "1", 1 },
	    { 0 } },
	  { { "A", "1", 1, 0 }, { "B", "1", 1, 0 }, { 0 } } },
	/* A pool with a key of its own still has its period from its own
	 * department's keys: without a date it is split over P's periods
	 * by days (2 cents: 1 and 1) and each part by its key, rounded
	 * apart; with a date it belongs to the period that holds it and is
	 * not merged with an undated pool of the same key. */
	{ "eigen sleutel in gedateerde afdeling",
	  "{" JAAR_AB "\"departments\":[" P_GEDATEERD_AB "],"
	  "\"pools\":[{\"id\":\"K\",\"department\":\"P\","
	  "\"cost_type\":\"project\",\"amount\":2,\"key\":{\"basis\":"
	  "\"inhabitants\",\"weights\":{\"A\":1,\"B\":1}}},"
	  "{\"id\":\"M1\",\"department\":\"P\",\"cost_type\":\"maatwerk\","
	  "\"amount\":100,\"date\":\"2024-09-01\",\"key\":{\"type\":"
	  "\"direct\",\"municipality\":\"A\"}},"
	  "{\"id\":\"M2\",\"department\":\"P\",\"cost_type\":\"maatwerk\","
	  "\"amount\":366,\"key\":{\"type\":\"direct\","
	  "\"municipality\":\"A\"}}]}",
	  { { "K@2024-01-01", 1, "2024-01-01", "2024-06-30" },
	    { "K@2024-07-01", 1, "2024-07-01", "2024-12-31" },
	    { "M1", 100, "2024-07-01", "2024-12-31" },
	    { "M2@2024-01-01", 182, "2024-01-01", "2024-06-30" },
	    { "M2@2024-07-01", 184, "2024-07-01", "2024-12-31" },
	    { 0 } },
	  { { "K@2024-01-01", "A", "P", "1/2", 1 },
	    { "K@2024-01-01", "B", "P", "1/2", 0 },
	    { "K@2024-07-01", "A", "P", "1/2", 1 },
	    { "K@2024-07-01", "B", "P", "1/2", 0 },
	    { "M1", "A", "P", "100", 100 },
	    { "M2@2024-01-01", "A", "P", "182", 182 },
	    { "M2@2024-07-01", "A", "P", "184", 184 },
	    { 0 } },
	  { { "A", "467", 468, 1 }, { "B", "1", 0, -1 }, { 0 } } },
	/* The bound on a municipality's rounding: one support pool of 4
	 * cents over four primaries, each split 1:1, gives 8 leaves of
	 * exact 1/2; the 4 cents go to A's leaves (ties: the smaller
	 * municipality). A pays 4 against an exact 2: a rounding
	 * difference of 2 from a single pool (more than the number of
	 * pools, which was taken for the bound), less than A's 4 leaves. */
	{ "afrondingsverschil kleiner dan het aantal bladen",
	  "{" JAAR_AB "\"departments\":["
	  "{\"id\":\"P1\",\"kind\":\"primary\",\"key\":" FTE_AB "},"
	  "{\"id\":\"P2\",\"kind\":\"primary\",\"key\":" FTE_AB "},"
	  "{\"id\":\"P3\",\"kind\":\"primary\",\"key\":" FTE_AB "},"
	  "{\"id\":\"P4\",\"kind\":\"primary\",\"key\":" FTE_AB "},"
	  "{\"id\":\"S\",\"kind\":\"support\"}],"
	  "\"support_allocation\":{\"method\":\"direct\",\"keys\":{\"S\":"
	  "{\"P1\":1,\"P2\":1,\"P3\":1,\"P4\":1}}},"
	  "\"pools\":[{\"id\":\"S1\",\"department\":\"S\","
	  "\"cost_type\":\"personeel\",\"amount\":4}]}",
	  { { "S1", 4, "2024-01-01", "2024-12-31" }, { 0 } },
	  { { "S1", "A", "P1", "1/2", 1 },
	    { "S1", "A", "P2", "1/2", 1 },
	    { "S1", "A", "P3", "1/2", 1 },
	    { "S1", "A", "P4", "1/2", 1 },
	    { "S1", "B", "P1", "1/2", 0 },
	    { "S1", "B", "P2", "1/2", 0 },
	    { "S1", "B", "P3", "1/2", 0 },
	    { "S1", "B", "P4", "1/2", 0 },
	    { 0 } },
	  { { "A", "2", 4, 2 }, { "B", "2", 0, -2 }, { 0 } } },
	/* Where the bound is reached: 1 cent split 1:1 leaves B, with one
	 * leaf, nothing against an exact 1/2, which rounds to 1. B is less
	 * than its one leaf from its exact total, and exactly one from
	 * the rounding of it. */
	{ "afrondingsverschil van een enkel blad",
	  "{" JAAR_AB "\"departments\":[" P_FTE_AB "],"
	  "\"pools\":[{\"id\":\"K\",\"department\":\"P\","
	  "\"cost_type\":\"personeel\",\"amount\":1}]}",
	  { { "K", 1, "2024-01-01", "2024-12-31" }, { 0 } },
	  { { "K", "A", "P", "1/2", 1 }, { "K", "B", "P", "1/2", 0 }, { 0 } },
	  { { "A", "1/2", 1, 0 }, { "B", "1/2", 0, -1 }, { 0 } } },
};

/* Every regression case: its pools with their periods, every leaf (exact
 * fraction and cents) in order, and each municipality's total, exact
 * total and rounding difference. */
static void
test_gevallen(void **state)
{
	(void)state;
	for (size_t c = 0; c < sizeof gevallen / sizeof *gevallen; c++) {
		const struct geval *g = &gevallen[c];
		struct arena a;
		struct kv_invoer in;
		struct kv_uitkomst u;
		struct err e;
		size_t n;
		arena_init(&a, 16u << 20);
		if (kv_json_lees(g->doc, strlen(g->doc), &a, &in, &e) ||
		    kv_bereken(&in, &a, &u, &e))
			fail_msg("%s: %s %s", g->naam,
				 e.nproblems ? e.problems[0].reason : "",
				 e.message);
		for (n = 0; g->posten[n].id; n++) {
			const struct kv_post_uit *p = &u.posten[n];
			char van[DATE_ISO_LEN], tot[DATE_ISO_LEN];
			if (n >= u.nposten)
				fail_msg("%s: te weinig posten", g->naam);
			date_format_iso(p->van, van);
			date_format_iso(p->tot, tot);
			if (strcmp(p->id, g->posten[n].id) ||
			    p->bedrag != g->posten[n].bedrag ||
			    strcmp(van, g->posten[n].van) ||
			    strcmp(tot, g->posten[n].tot))
				fail_msg("%s: post %zu is %s %lld %s..%s",
					 g->naam, n, p->id,
					 (long long)p->bedrag, van, tot);
		}
		assert_int_equal(u.nposten, n);
		for (n = 0; g->bladen[n].post; n++) {
			const struct blad_verwacht *w = &g->bladen[n];
			const struct kv_blad *b = &u.bladen[n];
			if (n >= u.nbladen)
				fail_msg("%s: te weinig bladen", g->naam);
			if (strcmp(u.posten[b->post].id, w->post) ||
			    strcmp(u.gemeenten[b->gemeente], w->gemeente) ||
			    strcmp(u.afdelingen[b->afdeling]->id,
				   w->afdeling) ||
			    strcmp(b->exact, w->exact) || b->cent != w->cent)
				fail_msg("%s: blad %zu is %s %s %s %s %lld",
					 g->naam, n, u.posten[b->post].id,
					 u.gemeenten[b->gemeente],
					 u.afdelingen[b->afdeling]->id,
					 b->exact, (long long)b->cent);
		}
		assert_int_equal(u.nbladen, n);
		for (n = 0; g->gemeenten[n].gemeente; n++) {
			const struct gemeente_verwacht *w = &g->gemeenten[n];
			size_t m = 0;
			while (m < u.ngemeenten &&
			       strcmp(u.gemeenten[m], w->gemeente))
				m++;
			assert_true(m < u.ngemeenten);
			const struct kv_gemeente_uit *gu = &u.per_gemeente[m];
			afronding_binnen_grens(&u, m);
			if (gu->totaal != w->totaal ||
			    strcmp(gu->exact_totaal, w->exact) ||
			    gu->afrondingsverschil != w->afrondingsverschil)
				fail_msg("%s: %s betaalt %lld (exact %s, "
					 "verschil %lld)",
					 g->naam, w->gemeente,
					 (long long)gu->totaal,
					 gu->exact_totaal,
					 (long long)gu->afrondingsverschil);
		}
		arena_free(&a);
	}
}

/* Two calculations compared: per municipality the total, every origin
 * department either has and every taakveld, zeros where one lacks it. */
static void
test_vergelijk(void **state)
{
	const char *a_doc =
		"{\"year\":2023,\"municipalities\":[{\"id\":\"A\"},{\"id\":\"B\"}],"
		"\"departments\":[{\"id\":\"P\",\"kind\":\"primary\",\"taakveld\":\"0.2\","
		"\"key\":{\"basis\":\"fte\",\"weights\":{\"A\":1,\"B\":3}}}],"
		"\"pools\":[{\"id\":\"K\",\"department\":\"P\",\"cost_type\":\"x\",\"amount\":1000}]}";
	const char *b_doc =
		"{\"year\":2024,\"municipalities\":[{\"id\":\"B\"},{\"id\":\"C\"}],"
		"\"departments\":[{\"id\":\"P\",\"kind\":\"primary\",\"taakveld\":\"0.2\","
		"\"key\":{\"basis\":\"fte\",\"weights\":{\"B\":1,\"C\":1}}},"
		"{\"id\":\"Q\",\"kind\":\"primary\",\"taakveld\":\"8.1\","
		"\"key\":{\"type\":\"direct\",\"municipality\":\"B\"}}],"
		"\"pools\":[{\"id\":\"K\",\"department\":\"P\",\"cost_type\":\"x\",\"amount\":1000},"
		"{\"id\":\"L\",\"department\":\"Q\",\"cost_type\":\"x\",\"amount\":70}]}";
	struct arena a;
	struct err e;
	struct kv_invoer ia, ib;
	struct kv_uitkomst ua, ub;
	struct kv_verschil *v;
	size_t n;
	(void)state;
	arena_init(&a, 16u << 20);
	assert_int_equal(kv_json_lees(a_doc, strlen(a_doc), &a, &ia, &e),
			 ST_OK);
	assert_int_equal(kv_json_lees(b_doc, strlen(b_doc), &a, &ib, &e),
			 ST_OK);
	assert_int_equal(kv_bereken(&ia, &a, &ua, &e), ST_OK);
	assert_int_equal(kv_bereken(&ib, &a, &ub, &e), ST_OK);
	assert_int_equal(kv_vergelijk(&ua, &ub, &a, &v, &n, &e), ST_OK);
	/* A: 250 -> 0; B: 750 -> 500 + 70; C: 0 -> 500. */
	static const struct {
		const char *g;
		enum kv_dimensie d;
		const char *k;
		int64_t a, b;
	} want[] = {
		{ "A", KV_DIM_TOTAAL, NULL, 250, 0 },
		{ "A", KV_DIM_AFDELING, "P", 250, 0 },
		{ "A", KV_DIM_TAAKVELD, "0.2", 250, 0 },
		{ "B", KV_DIM_TOTAAL, NULL, 750, 570 },
		{ "B", KV_DIM_AFDELING, "P", 750, 500 },
		{ "B", KV_DIM_AFDELING, "Q", 0, 70 },
		{ "B", KV_DIM_TAAKVELD, "0.2", 750, 500 },
		{ "B", KV_DIM_TAAKVELD, "8.1", 0, 70 },
		{ "C", KV_DIM_TOTAAL, NULL, 0, 500 },
		{ "C", KV_DIM_AFDELING, "P", 0, 500 },
		{ "C", KV_DIM_TAAKVELD, "0.2", 0, 500 },
	};
	assert_int_equal(n, sizeof want / sizeof *want);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(v[i].gemeente, want[i].g);
		assert_int_equal(v[i].dimensie, want[i].d);
		if (want[i].k)
			assert_string_equal(v[i].sleutel, want[i].k);
		else
			assert_null(v[i].sleutel);
		assert_int_equal(v[i].a, want[i].a);
		assert_int_equal(v[i].b, want[i].b);
	}
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alle_problemen_tegelijk),
		cmocka_unit_test(test_stapsgewijs_nooit_primair),
		cmocka_unit_test(test_wederzijds_gesloten_kring),
		cmocka_unit_test(test_dubbele_gemeente),
		cmocka_unit_test(test_periodes_en_json),
		cmocka_unit_test(test_periodes_maatwerk_voorschot),
		cmocka_unit_test(test_gevallen),
		cmocka_unit_test(test_vergelijk),
		cmocka_unit_test(test_eigenschappen),
		cmocka_unit_test(test_eigenschappen_nulgewicht),
	};
	return RUN_TESTS(tests);
}

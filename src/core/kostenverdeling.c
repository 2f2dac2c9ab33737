/*
 * kostenverdeling.c - the contribution calculation; see kostenverdeling.h
 * and docs/allocation.md.
 *
 * The steps, in order: validate everything (collecting every problem);
 * resolve ids to indices; merge pools that are alike; bill maatwerk hours
 * and credit them to the department's own pool; split annual pools of
 * departments with dated keys over the periods by days; compute the
 * support fractions B = (I - S)^-1 P exactly; spread every pool over its
 * (municipality, receiving department) cells as exact fractions and round
 * it once by largest remainder; sum the leaves into the views.
 */
#include <gmp.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kostenverdeling.h"
#include "../banned.h"

/* ---- names ---------------------------------------------------------- */

static const struct {
	enum kv_basis basis;
	const char *naam, *nl, *woord;
} basissen[] = {
	{ KV_UREN_REALISATIE, "hours_realized", "gerealiseerde uren",
	  "gerealiseerde-uren" },
	{ KV_UREN_BEGROTING, "hours_budgeted", "begrote uren", "begrote-uren" },
	{ KV_INWONERS, "inhabitants", "inwoners", "inwoners" },
	{ KV_VAST_PCT, "fixed_pct", "vaste percentages", "vaste-percentages" },
	{ KV_PRODUCTEN, "products", "aantal producten", "producten" },
	{ KV_FTE, "fte", "fte", "fte" },
	{ KV_DIRECT, "direct", "rechtstreeks", "rechtstreeks" },
};

const char *
kv_basis_naam(enum kv_basis b)
{
	for (size_t i = 0; i < sizeof basissen / sizeof *basissen; i++)
		if (basissen[i].basis == b)
			return basissen[i].naam;
	return "?";
}

const char *
kv_basis_nl(enum kv_basis b)
{
	for (size_t i = 0; i < sizeof basissen / sizeof *basissen; i++)
		if (basissen[i].basis == b)
			return basissen[i].nl;
	return "?";
}

enum kv_basis
kv_basis_van(const char *naam)
{
	if (!naam)
		return KV_GEEN;
	if (strcmp(naam, "fixed_pct_basis_points") == 0)
		return KV_VAST_PCT;
	if (strcmp(naam, "products_count") == 0)
		return KV_PRODUCTEN;
	for (size_t i = 0; i < sizeof basissen / sizeof *basissen; i++)
		if (strcmp(basissen[i].naam, naam) == 0)
			return basissen[i].basis;
	return KV_GEEN;
}

static const char *const methoden[] = { "", "direct", "step_down",
					"reciprocal" };
static const char *const methoden_nl[] = { "", "rechtstreeks", "stapsgewijs",
					   "wederzijds" };

const char *
kv_methode_naam(enum kv_methode m)
{
	return (unsigned)m <= KV_RECIPROCAAL ? methoden[m] : "?";
}

enum kv_methode
kv_methode_van(const char *naam)
{
	for (int i = 1; naam && i <= KV_RECIPROCAAL; i++)
		if (strcmp(methoden[i], naam) == 0)
			return (enum kv_methode)i;
	return KV_METHODE_GEEN;
}

const char *
kv_methode_nl(enum kv_methode m)
{
	return (unsigned)m <= KV_RECIPROCAAL ? methoden_nl[m] : "?";
}

enum kv_methode
kv_methode_van_woord(const char *woord)
{
	for (int i = 1; woord && i <= KV_RECIPROCAAL; i++)
		if (strcmp(methoden_nl[i], woord) == 0)
			return (enum kv_methode)i;
	return kv_methode_van(woord);
}

enum kv_basis
kv_basis_van_woord(const char *woord)
{
	for (size_t i = 0; woord && i < sizeof basissen / sizeof *basissen; i++)
		if (strcmp(basissen[i].woord, woord) == 0)
			return basissen[i].basis;
	return kv_basis_van(woord);
}

/* ---- a growing string in the arena ---------------------------------- */

struct sb {
	struct arena *a;
	char *p;
	size_t n, cap;
	int vol; /* out of memory */
};

static void
sb_mem(struct sb *s, const char *p, size_t n)
{
	if (s->vol)
		return;
	if (s->n + n + 1 > s->cap) {
		size_t cap = s->cap ? s->cap : 256;
		while (s->n + n + 1 > cap)
			cap *= 2;
		char *q = arena_grow(s->a, s->p, s->cap, cap, 1);
		if (!q) {
			s->vol = 1;
			return;
		}
		s->p = q;
		s->cap = cap;
	}
	memcpy(s->p + s->n, p, n);
	s->n += n;
	s->p[s->n] = '\0';
}

static void
sb_put(struct sb *s, const char *p)
{
	sb_mem(s, p, strlen(p));
}

static void
sb_i64(struct sb *s, int64_t v)
{
	char buf[24];
	snprintf(buf, sizeof buf, "%lld", (long long)v);
	sb_put(s, buf);
}

/* A JSON string: quotes, backslashes and control characters escaped. */
static void
sb_str(struct sb *s, const char *p)
{
	sb_put(s, "\"");
	for (const unsigned char *c = (const unsigned char *)(p ? p : ""); *c;
	     c++) {
		if (*c == '"' || *c == '\\') {
			char esc[2] = { '\\', (char)*c };
			sb_mem(s, esc, 2);
		} else if (*c < 0x20) {
			char esc[8];
			snprintf(esc, sizeof esc, "\\u%04x", *c);
			sb_put(s, esc);
		} else {
			sb_mem(s, (const char *)c, 1);
		}
	}
	sb_put(s, "\"");
}

static void
sb_date(struct sb *s, day_t d)
{
	char buf[DATE_ISO_LEN];
	date_format_iso(d, buf);
	sb_str(s, buf);
}

/* ---- sorting helpers -------------------------------------------------- */

static int
cmp_str(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

static int
cmp_gewicht(const void *x, const void *y)
{
	const struct kv_gewicht *a = *(const struct kv_gewicht *const *)x;
	const struct kv_gewicht *b = *(const struct kv_gewicht *const *)y;
	int c = cmp_str(a->gemeente, b->gemeente);
	return c ? c : (a->waarde > b->waarde) - (a->waarde < b->waarde);
}

static int
cmp_strp(const void *x, const void *y)
{
	return cmp_str(*(const char *const *)x, *(const char *const *)y);
}

/* For pointers to elements of a list of strings. */
static int
cmp_strpp(const void *x, const void *y)
{
	return cmp_str(**(const char *const *const *)x,
		       **(const char *const *const *)y);
}

static int
cmp_afdeling(const void *x, const void *y)
{
	return cmp_str((*(const struct kv_afdeling *const *)x)->id,
		       (*(const struct kv_afdeling *const *)y)->id);
}

static int
cmp_post(const void *x, const void *y)
{
	return cmp_str((*(const struct kv_post *const *)x)->id,
		       (*(const struct kv_post *const *)y)->id);
}

static int
cmp_periode(const void *x, const void *y)
{
	const struct kv_periode *a = *(const struct kv_periode *const *)x;
	const struct kv_periode *b = *(const struct kv_periode *const *)y;
	return (a->van > b->van) - (a->van < b->van);
}

static int
cmp_ontvanger(const void *x, const void *y)
{
	return cmp_str((*(const struct kv_ontvanger *const *)x)->afdeling,
		       (*(const struct kv_ontvanger *const *)y)->afdeling);
}

static int
cmp_steun(const void *x, const void *y)
{
	return cmp_str((*(const struct kv_steunsleutel *const *)x)->afdeling,
		       (*(const struct kv_steunsleutel *const *)y)->afdeling);
}

static int
cmp_i64(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

static int
cmp_maatwerk(const void *x, const void *y)
{
	const struct kv_maatwerk *a = *(const struct kv_maatwerk *const *)x;
	const struct kv_maatwerk *b = *(const struct kv_maatwerk *const *)y;
	int c = cmp_str(a->gemeente, b->gemeente);
	if (!c)
		c = cmp_str(a->afdeling, b->afdeling);
	if (!c)
		c = cmp_i64(a->uren, b->uren);
	return c ? c : cmp_i64(a->tarief, b->tarief);
}

/* Pointers to the n elements of `base`, sorted by `cmp`. */
static const void **
gesorteerd(struct arena *a, const void *base, size_t n, size_t size,
	   int (*cmp)(const void *, const void *))
{
	const void **p = arena_calloc(a, n ? n : 1, sizeof *p);
	if (!p)
		return NULL;
	for (size_t i = 0; i < n; i++)
		p[i] = (const char *)base + i * size;
	qsort(p, n, sizeof *p, cmp);
	return p;
}

/* ---- the canonical input ---------------------------------------------- */

static void
sb_sleutel(struct sb *s, const struct kv_sleutel *k)
{
	if (k->basis == KV_DIRECT) {
		sb_put(s, "{\"municipality\":");
		sb_str(s, k->direct);
		sb_put(s, ",\"type\":\"direct\"}");
		return;
	}
	sb_put(s, "{\"basis\":");
	sb_str(s, kv_basis_naam(k->basis));
	sb_put(s, ",\"weights\":{");
	const struct kv_gewicht **g = (const struct kv_gewicht **)gesorteerd(
		s->a, k->gewichten, k->ngewichten, sizeof *k->gewichten,
		cmp_gewicht);
	if (!g) {
		s->vol = 1;
		return;
	}
	for (size_t i = 0; i < k->ngewichten; i++) {
		if (i)
			sb_put(s, ",");
		sb_str(s, g[i]->gemeente);
		sb_put(s, ":");
		sb_i64(s, g[i]->waarde);
	}
	sb_put(s, "}}");
}

static void
sb_afdeling(struct sb *s, const struct kv_afdeling *d)
{
	sb_put(s, "{\"id\":");
	sb_str(s, d->id);
	if (d->nperiodes == 0 && d->sleutel.basis != KV_GEEN) {
		sb_put(s, ",\"key\":");
		sb_sleutel(s, &d->sleutel);
	}
	if (d->nperiodes) {
		sb_put(s, ",\"keys\":[");
		const struct kv_periode **p =
			(const struct kv_periode **)gesorteerd(
				s->a, d->periodes, d->nperiodes,
				sizeof *d->periodes, cmp_periode);
		for (size_t i = 0; p && i < d->nperiodes; i++) {
			sb_put(s, i ? ",{\"from\":" : "{\"from\":");
			sb_date(s, p[i]->van);
			sb_put(s, ",\"key\":");
			sb_sleutel(s, &p[i]->sleutel);
			sb_put(s, ",\"to\":");
			sb_date(s, p[i]->tot);
			sb_put(s, "}");
		}
		if (!p)
			s->vol = 1;
		sb_put(s, "]");
	}
	sb_put(s, ",\"kind\":");
	sb_str(s, d->ondersteunend ? "support" : "primary");
	/* Absent stays absent: the canonical form reads back the same. */
	if (d->naam) {
		sb_put(s, ",\"name\":");
		sb_str(s, d->naam);
	}
	if (d->taakveld) {
		sb_put(s, ",\"taakveld\":");
		sb_str(s, d->taakveld);
	}
	sb_put(s, "}");
}

static void
sb_post(struct sb *s, const struct kv_post *p)
{
	sb_put(s, "{\"amount\":");
	sb_i64(s, p->bedrag);
	sb_put(s, ",\"cost_type\":");
	sb_str(s, p->kostensoort);
	if (p->datum != DATE_NONE) {
		sb_put(s, ",\"date\":");
		sb_date(s, p->datum);
	}
	sb_put(s, ",\"department\":");
	sb_str(s, p->afdeling);
	sb_put(s, ",\"id\":");
	sb_str(s, p->id);
	if (p->sleutel.basis != KV_GEEN) {
		sb_put(s, ",\"key\":");
		sb_sleutel(s, &p->sleutel);
	}
	if (p->taakveld) {
		sb_put(s, ",\"taakveld\":");
		sb_str(s, p->taakveld);
	}
	sb_put(s, "}");
}

static void
sb_steun(struct sb *s, const struct kv_invoer *in)
{
	sb_put(s, ",\"support_allocation\":{\"keys\":{");
	const struct kv_steunsleutel **k =
		(const struct kv_steunsleutel **)gesorteerd(
			s->a, in->steunsleutels, in->nsteunsleutels,
			sizeof *in->steunsleutels, cmp_steun);
	for (size_t i = 0; k && i < in->nsteunsleutels; i++) {
		if (i)
			sb_put(s, ",");
		sb_str(s, k[i]->afdeling);
		sb_put(s, ":{");
		const struct kv_ontvanger **o =
			(const struct kv_ontvanger **)gesorteerd(
				s->a, k[i]->ontvangers, k[i]->nontvangers,
				sizeof *k[i]->ontvangers, cmp_ontvanger);
		for (size_t j = 0; o && j < k[i]->nontvangers; j++) {
			if (j)
				sb_put(s, ",");
			sb_str(s, o[j]->afdeling);
			sb_put(s, ":");
			sb_i64(s, o[j]->gewicht);
		}
		if (!o)
			s->vol = 1;
		sb_put(s, "}");
	}
	if (!k)
		s->vol = 1;
	sb_put(s, "},\"method\":");
	sb_str(s, kv_methode_naam(in->methode));
	if (in->methode == KV_STEP_DOWN) {
		sb_put(s, ",\"order\":[");
		for (size_t i = 0; i < in->nvolgorde; i++) {
			if (i)
				sb_put(s, ",");
			sb_str(s, in->volgorde[i]);
		}
		sb_put(s, "]");
	}
	sb_put(s, "}");
}

const char *
kv_canoniek(const struct kv_invoer *in, struct arena *a)
{
	struct sb s = { .a = a };
	sb_put(&s, "{");
	if (in->heeft_voorschotten) {
		sb_put(&s, "\"advances\":{");
		const struct kv_gewicht **v =
			(const struct kv_gewicht **)gesorteerd(
				a, in->voorschotten, in->nvoorschotten,
				sizeof *in->voorschotten, cmp_gewicht);
		for (size_t i = 0; v && i < in->nvoorschotten; i++) {
			if (i)
				sb_put(&s, ",");
			sb_str(&s, v[i]->gemeente);
			sb_put(&s, ":");
			sb_i64(&s, v[i]->waarde);
		}
		if (!v)
			return NULL;
		sb_put(&s, "},");
	}
	sb_put(&s, "\"departments\":[");
	const struct kv_afdeling **d = (const struct kv_afdeling **)gesorteerd(
		a, in->afdelingen, in->nafdelingen, sizeof *in->afdelingen,
		cmp_afdeling);
	for (size_t i = 0; d && i < in->nafdelingen; i++) {
		if (i)
			sb_put(&s, ",");
		sb_afdeling(&s, d[i]);
	}
	sb_put(&s, "]");
	if (in->nmaatwerk) {
		sb_put(&s, ",\"maatwerk_hours\":[");
		const struct kv_maatwerk **m =
			(const struct kv_maatwerk **)gesorteerd(
				a, in->maatwerk, in->nmaatwerk,
				sizeof *in->maatwerk, cmp_maatwerk);
		for (size_t i = 0; m && i < in->nmaatwerk; i++) {
			sb_put(&s,
			       i ? ",{\"department\":" : "{\"department\":");
			sb_str(&s, m[i]->afdeling);
			sb_put(&s, ",\"hours\":");
			sb_i64(&s, m[i]->uren);
			sb_put(&s, ",\"municipality\":");
			sb_str(&s, m[i]->gemeente);
			sb_put(&s, ",\"rate_cents_per_hour\":");
			sb_i64(&s, m[i]->tarief);
			sb_put(&s, "}");
		}
		if (!m)
			return NULL;
		sb_put(&s, "]");
	}
	sb_put(&s, ",\"municipalities\":[");
	const char **g =
		(const char **)gesorteerd(a, in->gemeenten, in->ngemeenten,
					  sizeof *in->gemeenten, cmp_strpp);
	for (size_t i = 0; g && i < in->ngemeenten; i++) {
		sb_put(&s, i ? ",{\"id\":" : "{\"id\":");
		sb_str(&s, *(const char *const *)g[i]);
		sb_put(&s, "}");
	}
	sb_put(&s, "],\"pools\":[");
	const struct kv_post **p = (const struct kv_post **)gesorteerd(
		a, in->posten, in->nposten, sizeof *in->posten, cmp_post);
	for (size_t i = 0; p && i < in->nposten; i++) {
		if (i)
			sb_put(&s, ",");
		sb_post(&s, p[i]);
	}
	sb_put(&s, "]");
	if (in->methode != KV_METHODE_GEEN)
		sb_steun(&s, in);
	sb_put(&s, ",\"year\":");
	sb_i64(&s, in->jaar);
	sb_put(&s, "}");
	if (!d || !g || !p || s.vol)
		return NULL;
	return s.p;
}

/* ---- rounding: largest remainder ------------------------------------ */

/* What the order of the leftover cents compares. */
struct rest {
	mpq_t *x; /* exact shares (absolute) */
	mpq_t *r; /* their fractional parts */
	const uint64_t *rang; /* tie: smaller first */
};

/* Whether element i goes before k: larger remainder, then larger exact
 * share, then smaller rank. */
static int
eerder(const struct rest *c, size_t i, size_t k)
{
	int d = mpq_cmp(c->r[i], c->r[k]);
	if (d)
		return d > 0;
	d = mpq_cmp(c->x[i], c->x[k]);
	if (d)
		return d > 0;
	return c->rang[i] < c->rang[k];
}

/* Merge sort of idx[0..n) by eerder() (qsort has no context). */
static void
sorteer(const struct rest *c, size_t *idx, size_t *tmp, size_t n)
{
	for (size_t w = 1; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n;
			size_t hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t i = lo, k = mid, o = lo;
			while (i < mid && k < hi)
				tmp[o++] = eerder(c, idx[k], idx[i]) ? idx[k++]
								     : idx[i++];
			while (i < mid)
				tmp[o++] = idx[i++];
			while (k < hi)
				tmp[o++] = idx[k++];
		}
		memcpy(idx, tmp, n * sizeof *idx);
	}
}

/*
 * Round the n exact shares x[] (of |bedrag|, summing to it exactly) to
 * cents: floors, then one more cent for the largest remainders. The sign
 * of `bedrag` is applied afterwards. ST_NOMEM when the arena runs out.
 */
static enum status
hamilton(int64_t bedrag, size_t n, mpq_t *x, const uint64_t *rang,
	 int64_t *cent, struct arena *a)
{
	if (n == 0)
		return ST_OK;
	mpq_t *r = arena_calloc(a, n, sizeof *r);
	size_t *idx = arena_calloc(a, n, sizeof *idx);
	size_t *tmp = arena_calloc(a, n, sizeof *tmp);
	if (!r || !idx || !tmp)
		return ST_NOMEM;
	mpz_t fl;
	mpz_init(fl);
	int64_t abs = bedrag < 0 ? -bedrag : bedrag, rest = abs;
	for (size_t i = 0; i < n; i++) {
		mpq_init(r[i]);
		mpz_fdiv_q(fl, mpq_numref(x[i]), mpq_denref(x[i]));
		cent[i] = mpz_get_si(fl);
		rest -= cent[i];
		mpq_set_z(r[i], fl);
		mpq_sub(r[i], x[i], r[i]);
		idx[i] = i;
	}
	struct rest c = { x, r, rang };
	sorteer(&c, idx, tmp, n);
	for (size_t i = 0; i < n && rest > 0; i++, rest--)
		cent[idx[i]]++;
	for (size_t i = 0; i < n; i++) {
		if (bedrag < 0)
			cent[i] = -cent[i];
		mpq_clear(r[i]);
	}
	mpz_clear(fl);
	return ST_OK;
}

/* The text of a fraction in the arena ("p/q", or "p" when q is 1). */
static const char *
breuk_tekst(struct arena *a, const mpq_t q)
{
	size_t n = mpz_sizeinbase(mpq_numref(q), 10) +
		   mpz_sizeinbase(mpq_denref(q), 10) + 3;
	char *s = arena_alloc_raw(a, n);
	return s ? mpq_get_str(s, 10, q) : NULL;
}

enum status
kv_splits(int64_t bedrag, size_t n, const char *const *ids,
	  const int64_t *gewichten, int64_t *cent, const char **exact,
	  struct arena *a, struct err *e)
{
	int64_t som = 0;
	for (size_t i = 0; i < n; i++)
		if (gewichten[i] < 0 ||
		    __builtin_add_overflow(som, gewichten[i], &som))
			return err_invalid(e, "gewichten", "weights",
					   "De gewichten moeten nul of "
					   "positief zijn.");
	if (som == 0)
		return err_invalid(e, "gewichten", "zero-key",
				   "De gewichten tellen op tot nul.");
	if (bedrag > KV_MAX_BEDRAG || bedrag < -KV_MAX_BEDRAG)
		return err_invalid(e, "bedrag", "overflow",
				   "Het bedrag is te groot.");
	mpq_t *x = arena_calloc(a, n, sizeof *x);
	uint64_t *rang = arena_calloc(a, n, sizeof *rang);
	if (!x || !rang)
		return err_set(e, ST_NOMEM, "Te weinig geheugen.");
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < n; k++)
			rang[i] += cmp_str(ids[k], ids[i]) < 0;
		mpq_init(x[i]);
		mpz_set_si(mpq_numref(x[i]), bedrag < 0 ? -bedrag : bedrag);
		mpz_mul_si(mpq_numref(x[i]), mpq_numref(x[i]), gewichten[i]);
		mpz_set_si(mpq_denref(x[i]), som);
		mpq_canonicalize(x[i]);
	}
	enum status st = hamilton(bedrag, n, x, rang, cent, a);
	for (size_t i = 0; i < n; i++) {
		if (exact && st == ST_OK) {
			if (bedrag < 0)
				mpq_neg(x[i], x[i]);
			exact[i] = breuk_tekst(a, x[i]);
			if (!exact[i])
				st = ST_NOMEM;
		}
		mpq_clear(x[i]);
	}
	if (st == ST_NOMEM)
		return err_set(e, ST_NOMEM, "Te weinig geheugen.");
	return st;
}

/* ---- validation and resolution -------------------------------------- */

/* A key with its ids resolved: weights per municipality index. */
struct rsleutel {
	const struct kv_sleutel *k;
	int direct; /* all to municipality m */
	uint32_t m;
	int64_t *w; /* per municipality */
	int64_t som;
};

struct werk {
	const struct kv_invoer *in;
	struct arena *a;
	struct err *e;
	size_t nm;
	const char **gem; /* sorted */
	size_t nd;
	const struct kv_afdeling **afd; /* sorted */
	struct rsleutel *jaarsleutel; /* per department (primary) */
	struct rsleutel **periodesleutel; /* per department, per period */
	const struct kv_periode ***periodes; /* sorted, per department */
	int *steun; /* per department: support index, or -1 */
	size_t ns;
	uint32_t *steunafd; /* per support index: department index */
	day_t jaar_van, jaar_tot;
	int64_t dagen;
	int *plek; /* position in a step-down order, or -1 */
};

static long
zoek(const char *const *lijst, size_t n, const char *id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = cmp_str(lijst[mid], id);
		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static long
gemeente_idx(const struct werk *w, const char *id)
{
	return id ? zoek(w->gem, w->nm, id) : -1;
}

static long
afdeling_idx(const struct werk *w, const char *id)
{
	size_t lo = 0, hi = w->nd;
	while (id && lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = cmp_str(w->afd[mid]->id, id);
		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Format basis points as a Dutch percentage ("99,5"). */
static void
procent_nl(int64_t bp, char *buf, size_t n)
{
	int64_t abs = bp < 0 ? -bp : bp;
	if (abs % 100)
		snprintf(buf, n, "%s%lld,%02lld", bp < 0 ? "-" : "",
			 (long long)(abs / 100), (long long)(abs % 100));
	else
		snprintf(buf, n, "%s%lld", bp < 0 ? "-" : "",
			 (long long)(abs / 100));
}

/*
 * Resolve key k (of `wie`, a Dutch phrase like "Afdeling PUBL") into r,
 * reporting every problem under field `veld`. Returns 0 when usable.
 */
static int
los_sleutel(struct werk *w, const struct kv_sleutel *k, const char *veld,
	    const char *wie, struct rsleutel *r)
{
	int fout = 0;
	memset(r, 0, sizeof *r);
	r->k = k;
	if (k->basis == KV_GEEN) {
		err_invalid(w->e, veld, "key-missing",
			    "%s heeft geen (bekende) verdeelsleutel.", wie);
		return -1;
	}
	if (k->basis == KV_DIRECT) {
		long m = gemeente_idx(w, k->direct);
		if (m < 0) {
			err_invalid(w->e, veld, "unknown-municipality",
				    "%s gaat rechtstreeks naar gemeente %s, "
				    "die niet in de berekening zit.",
				    wie, k->direct ? k->direct : "(geen)");
			return -1;
		}
		r->direct = 1;
		r->m = (uint32_t)m;
		r->som = 1;
		return 0;
	}
	r->w = arena_calloc(w->a, w->nm ? w->nm : 1, sizeof *r->w);
	if (!r->w) {
		err_set(w->e, ST_NOMEM, "Te weinig geheugen.");
		return -1;
	}
	for (size_t i = 0; i < k->ngewichten; i++) {
		const struct kv_gewicht *g = &k->gewichten[i];
		long m = gemeente_idx(w, g->gemeente);
		if (m < 0) {
			err_invalid(w->e, veld, "unknown-municipality",
				    "%s: de verdeelsleutel noemt gemeente %s, "
				    "die niet in de berekening zit.",
				    wie, g->gemeente ? g->gemeente : "(geen)");
			fout = 1;
			continue;
		}
		if (g->waarde < 0) {
			err_invalid(w->e, veld, "negative-weight",
				    "%s: het gewicht van %s is negatief; een "
				    "gewicht is nul of meer.",
				    wie, g->gemeente);
			fout = 1;
			continue;
		}
		for (size_t j = 0; j < i; j++)
			if (cmp_str(k->gewichten[j].gemeente, g->gemeente) ==
			    0) {
				err_invalid(w->e, veld, "duplicate",
					    "%s: de verdeelsleutel noemt %s "
					    "twee keer.",
					    wie, g->gemeente);
				fout = 1;
				break;
			}
		r->w[m] = g->waarde;
	}
	for (size_t m = 0; m < w->nm && !fout; m++)
		if (__builtin_add_overflow(r->som, r->w[m], &r->som)) {
			err_invalid(w->e, veld, "overflow",
				    "%s: de gewichten samen zijn te groot om "
				    "mee te rekenen.",
				    wie);
			return -1;
		}
	if (fout)
		return -1;
	if (k->basis == KV_VAST_PCT && r->som != 10000) {
		char pct[32];
		procent_nl(r->som, pct, sizeof pct);
		err_invalid(w->e, veld, "fixed-pct-sum",
			    "%s: de vaste percentages tellen op tot %s%% in "
			    "plaats van 100%%.",
			    wie, pct);
		return -1;
	}
	if (r->som == 0) {
		err_invalid(w->e, veld, "zero-key",
			    "%s: de verdeelsleutel (%s) telt op tot nul; er "
			    "is niemand om de kosten over te verdelen.",
			    wie, kv_basis_nl(k->basis));
		return -1;
	}
	return 0;
}

static void
datum_nl(day_t d, char *buf, size_t n)
{
	date_format_nl(d, buf, n);
}

/* Municipalities, departments and their keys. */
static void
controleer_afdelingen(struct werk *w)
{
	const struct kv_invoer *in = w->in;
	char veld[64], wie[128];
	for (size_t i = 0; i + 1 < w->nm; i++)
		if (strcmp(w->gem[i], w->gem[i + 1]) == 0)
			err_invalid(w->e, "municipalities", "duplicate",
				    "Gemeente %s staat twee keer in de "
				    "berekening.",
				    w->gem[i]);
	if (w->nm == 0)
		err_invalid(w->e, "municipalities", "required",
			    "Er is geen enkele gemeente om de kosten over "
			    "te verdelen.");
	for (size_t i = 0; i + 1 < w->nd; i++)
		if (strcmp(w->afd[i]->id, w->afd[i + 1]->id) == 0)
			err_invalid(w->e, "departments", "duplicate",
				    "Afdeling %s staat twee keer in de "
				    "berekening.",
				    w->afd[i]->id);
	for (size_t d = 0; d < w->nd; d++) {
		const struct kv_afdeling *af = w->afd[d];
		snprintf(veld, sizeof veld, "departments.%s", af->id);
		snprintf(wie, sizeof wie, "Afdeling %s", af->id);
		if (af->ondersteunend)
			continue;
		if (af->nperiodes == 0) {
			los_sleutel(w, &af->sleutel, veld, wie,
				    &w->jaarsleutel[d]);
			continue;
		}
		const struct kv_periode **p =
			(const struct kv_periode **)gesorteerd(
				w->a, af->periodes, af->nperiodes,
				sizeof *af->periodes, cmp_periode);
		w->periodesleutel[d] = arena_calloc(w->a, af->nperiodes,
						    sizeof(struct rsleutel));
		if (!p || !w->periodesleutel[d]) {
			err_set(w->e, ST_NOMEM, "Te weinig geheugen.");
			return;
		}
		w->periodes[d] = p;
		day_t verwacht = w->jaar_van;
		int aansluitend = 1;
		for (size_t i = 0; i < af->nperiodes; i++) {
			char van[48];
			datum_nl(p[i]->van, van, sizeof van);
			snprintf(wie, sizeof wie, "Afdeling %s (vanaf %s)",
				 af->id, van);
			los_sleutel(w, &p[i]->sleutel, veld, wie,
				    &w->periodesleutel[d][i]);
			if (p[i]->van != verwacht || p[i]->tot < p[i]->van)
				aansluitend = 0;
			verwacht = p[i]->tot + 1;
		}
		if (!aansluitend || verwacht != w->jaar_tot + 1)
			err_invalid(w->e, veld, "periods",
				    "Afdeling %s: de sleutels per periode "
				    "moeten op elkaar aansluiten en samen "
				    "het hele jaar %d dekken, van 1 januari "
				    "tot en met 31 december.",
				    af->id, in->jaar);
	}
}

/* Which departments a support department counts as receivers under the
 * method: 1 when `ontvanger` (a department index) receives from s. */
static int
telt_mee(const struct werk *w, const int *plek, uint32_t s, uint32_t o)
{
	if (o == s)
		return 0;
	if (!w->afd[o]->ondersteunend)
		return 1;
	switch (w->in->methode) {
	case KV_RECIPROCAAL:
		return 1;
	case KV_STEP_DOWN:
		return plek[o] > plek[s];
	default:
		return 0;
	}
}

/* The support allocation: keys, order, reach. Fills `plek` (position of
 * each department in a step-down order). */
static void
controleer_steun(struct werk *w, int *plek)
{
	const struct kv_invoer *in = w->in;
	char veld[64];
	if (w->ns && in->methode == KV_METHODE_GEEN) {
		err_invalid(w->e, "support_allocation", "required",
			    "Er zijn ondersteunende afdelingen, maar er staat "
			    "niet bij hoe hun kosten worden doorbelast "
			    "(direct, stapsgewijs of wederzijds).");
		return;
	}
	if (in->methode == KV_STEP_DOWN) {
		for (size_t i = 0; i < in->nvolgorde; i++) {
			long d = afdeling_idx(w, in->volgorde[i]);
			if (d < 0 || !w->afd[d]->ondersteunend) {
				err_invalid(w->e, "support_allocation.order",
					    "not-support",
					    "De volgorde van de stapsgewijze "
					    "verdeling noemt %s, maar dat is "
					    "geen ondersteunende afdeling.",
					    in->volgorde[i] ? in->volgorde[i]
							    : "(niets)");
			} else if (plek[d] >= 0) {
				err_invalid(w->e, "support_allocation.order",
					    "duplicate",
					    "De volgorde van de stapsgewijze "
					    "verdeling noemt %s meer dan eens.",
					    in->volgorde[i]);
			} else {
				plek[d] = (int)i;
			}
		}
		for (size_t s = 0; s < w->ns; s++)
			if (plek[w->steunafd[s]] < 0)
				err_invalid(
					w->e, "support_allocation.order",
					"order-missing",
					"De volgorde van de stapsgewijze "
					"verdeling moet elke ondersteunende "
					"afdeling noemen; %s ontbreekt.",
					w->afd[w->steunafd[s]]->id);
	}
	int *gezien = arena_calloc(w->a, w->ns ? w->ns : 1, sizeof *gezien);
	if (!gezien) {
		err_set(w->e, ST_NOMEM, "Te weinig geheugen.");
		return;
	}
	for (size_t i = 0; i < in->nsteunsleutels; i++) {
		const struct kv_steunsleutel *k = &in->steunsleutels[i];
		long s = afdeling_idx(w, k->afdeling);
		snprintf(veld, sizeof veld, "support_allocation.keys.%s",
			 k->afdeling ? k->afdeling : "");
		if (s < 0 || !w->afd[s]->ondersteunend) {
			err_invalid(w->e, veld, "not-support",
				    "Er is een doorbelastingssleutel voor %s, "
				    "maar dat is geen ondersteunende afdeling.",
				    k->afdeling ? k->afdeling : "(niets)");
			continue;
		}
		if (gezien[w->steun[s]]++) {
			err_invalid(w->e, veld, "duplicate",
				    "Ondersteunende afdeling %s heeft twee "
				    "doorbelastingssleutels.",
				    k->afdeling);
			continue;
		}
		for (size_t o = 0; o < k->nontvangers; o++) {
			const struct kv_ontvanger *r = &k->ontvangers[o];
			long d = afdeling_idx(w, r->afdeling);
			if (d < 0)
				err_invalid(w->e, veld, "unknown-department",
					    "Ondersteunende afdeling %s levert "
					    "aan %s, maar die afdeling bestaat "
					    "niet.",
					    k->afdeling,
					    r->afdeling ? r->afdeling
							: "(niets)");
			else if (d == s)
				err_invalid(w->e, veld, "self",
					    "Ondersteunende afdeling %s kan "
					    "niet aan zichzelf leveren.",
					    k->afdeling);
			if (r->gewicht < 0)
				err_invalid(w->e, veld, "negative-weight",
					    "Ondersteunende afdeling %s: het "
					    "gewicht voor %s is negatief.",
					    k->afdeling, r->afdeling);
			else if (r->gewicht > KV_MAX_BEDRAG)
				err_invalid(w->e, veld, "overflow",
					    "Ondersteunende afdeling %s: het "
					    "gewicht voor %s is te groot.",
					    k->afdeling, r->afdeling);
		}
	}
	for (size_t s = 0; s < w->ns && in->methode != KV_METHODE_GEEN; s++)
		if (!gezien[s])
			err_invalid(w->e, "support_allocation.keys",
				    "key-missing",
				    "Ondersteunende afdeling %s heeft geen "
				    "sleutel voor de doorbelasting.",
				    w->afd[w->steunafd[s]]->id);
}

/*
 * Every support department must reach a primary one (through others,
 * where the method allows): else its costs have nowhere to go and, in a
 * reciprocal system, I - S is singular. `S` and `P` hold the counted
 * weights (ns × ns, ns × 1 summed).
 */
static void
controleer_bereik(struct werk *w, const int64_t *naar_steun,
		  const int64_t *naar_primair)
{
	int *bereikt = arena_calloc(w->a, w->ns ? w->ns : 1, sizeof *bereikt);
	if (!bereikt) {
		err_set(w->e, ST_NOMEM, "Te weinig geheugen.");
		return;
	}
	for (size_t s = 0; s < w->ns; s++)
		bereikt[s] = naar_primair[s] > 0;
	for (int veranderd = 1; veranderd;) {
		veranderd = 0;
		for (size_t s = 0; s < w->ns; s++)
			for (size_t t = 0; t < w->ns && !bereikt[s]; t++)
				if (bereikt[t] && naar_steun[s * w->ns + t]) {
					bereikt[s] = 1;
					veranderd = 1;
				}
	}
	for (size_t s = 0; s < w->ns; s++)
		if (!bereikt[s])
			err_invalid(w->e, "support_allocation.keys",
				    "no-primary",
				    "Ondersteunende afdeling %s komt nooit bij "
				    "een primaire afdeling uit: haar kosten "
				    "kunnen nergens heen.",
				    w->afd[w->steunafd[s]]->id);
}

/* ---- pools -------------------------------------------------------------- */

/* A pool on its way to being split. */
struct wpost {
	const char *id;
	uint32_t d; /* department index */
	const char *kostensoort, *taakveld; /* taakveld: effective */
	int64_t bedrag, credit;
	const struct kv_sleutel *sleutel; /* override, or NULL */
	struct rsleutel *rs; /* resolved override */
	const char *sleuteltekst; /* canonical text of the override ("") */
	int periode; /* index into the department's periods, or -1: the
			whole year (split over the periods if it has any) */
	int maatwerk;
};

static int
cmp_wpost_soort(const void *x, const void *y)
{
	const struct wpost *a = x, *b = y;
	int c = (a->d > b->d) - (a->d < b->d);
	if (!c)
		c = cmp_str(a->kostensoort, b->kostensoort);
	if (!c)
		c = cmp_str(a->taakveld, b->taakveld);
	if (!c)
		c = cmp_str(a->sleuteltekst, b->sleuteltekst);
	if (!c)
		c = (a->periode > b->periode) - (a->periode < b->periode);
	return c ? c : cmp_str(a->id, b->id);
}

static int
cmp_wpost_id(const void *x, const void *y)
{
	return cmp_str(((const struct wpost *)x)->id,
		       ((const struct wpost *)y)->id);
}

static int
zelfde_soort(const struct wpost *a, const struct wpost *b)
{
	return a->d == b->d && !a->maatwerk && !b->maatwerk &&
	       cmp_str(a->kostensoort, b->kostensoort) == 0 &&
	       cmp_str(a->taakveld, b->taakveld) == 0 &&
	       cmp_str(a->sleuteltekst, b->sleuteltekst) == 0 &&
	       a->periode == b->periode;
}

/* Whether department d has dated keys: only then does a pool of d have a
 * period of its own (a support department never has). */
static int
met_periodes(const struct werk *w, uint32_t d)
{
	return !w->afd[d]->ondersteunend && w->afd[d]->nperiodes &&
	       w->periodes[d];
}

/* The period of department d that holds day `dag`, or -1. */
static int
periode_van(const struct werk *w, uint32_t d, day_t dag)
{
	for (size_t i = 0; i < w->afd[d]->nperiodes; i++)
		if (w->periodes[d][i]->van <= dag &&
		    dag <= w->periodes[d][i]->tot)
			return (int)i;
	return -1;
}

static const char *
sleutel_tekst(struct arena *a, const struct kv_sleutel *k)
{
	struct sb s = { .a = a };
	sb_sleutel(&s, k);
	return s.vol ? NULL : s.p;
}

/* Validate the pools and turn them into work items. */
static struct wpost *
lees_posten(struct werk *w, size_t *n, int64_t *absoluut)
{
	const struct kv_invoer *in = w->in;
	struct wpost *p = arena_calloc(w->a, in->nposten + 1, sizeof *p);
	if (!p) {
		err_set(w->e, ST_NOMEM, "Te weinig geheugen.");
		return NULL;
	}
	char veld[64], wie[128];
	size_t k = 0;
	for (size_t i = 0; i < in->nposten; i++) {
		const struct kv_post *q = &in->posten[i];
		const char *id = q->id ? q->id : "";
		snprintf(veld, sizeof veld, "pools.%s", id);
		snprintf(wie, sizeof wie, "Kostenpost %s", id);
		int fout = 0;
		if (!*id) {
			err_invalid(w->e, "pools", "required",
				    "Een kostenpost heeft geen naam (id).");
			fout = 1;
		}
		long d = afdeling_idx(w, q->afdeling);
		if (d < 0) {
			err_invalid(w->e, veld, "unknown-department",
				    "Kostenpost %s hoort bij afdeling %s, die "
				    "niet in de berekening zit.",
				    id, q->afdeling ? q->afdeling : "(geen)");
			fout = 1;
		}
		if (!q->kostensoort || !*q->kostensoort) {
			err_invalid(w->e, veld, "required",
				    "Kostenpost %s heeft geen kostensoort.",
				    id);
			fout = 1;
		}
		if (q->bedrag > KV_MAX_BEDRAG || q->bedrag < -KV_MAX_BEDRAG) {
			err_invalid(w->e, veld, "overflow",
				    "Kostenpost %s: het bedrag is groter dan "
				    "1.000 miljard euro; zo'n bedrag kan niet "
				    "kloppen.",
				    id);
			fout = 1;
		} else if (__builtin_add_overflow(*absoluut,
						  q->bedrag < 0 ? -q->bedrag
								: q->bedrag,
						  absoluut) ||
			   *absoluut > INT64_MAX / 4) {
			err_invalid(w->e, "pools", "overflow",
				    "De bedragen samen zijn te groot om mee "
				    "te rekenen.");
			fout = 1;
		}
		if (q->datum != DATE_NONE &&
		    (q->datum < w->jaar_van || q->datum > w->jaar_tot)) {
			err_invalid(w->e, veld, "date-outside-year",
				    "Kostenpost %s heeft een datum buiten het "
				    "jaar %d.",
				    id, in->jaar);
			fout = 1;
		}
		struct rsleutel *rs = NULL;
		if (q->sleutel.basis != KV_GEEN) {
			rs = arena_alloc(w->a, sizeof *rs);
			if (!rs || los_sleutel(w, &q->sleutel, veld, wie, rs))
				fout = 1;
		}
		if (fout || d < 0)
			continue;
		struct wpost *o = &p[k++];
		const struct kv_afdeling *af = w->afd[d];
		o->id = id;
		o->d = (uint32_t)d;
		o->kostensoort = q->kostensoort;
		o->taakveld = q->taakveld ? q->taakveld : af->taakveld;
		o->bedrag = q->bedrag;
		o->sleuteltekst = "";
		/* The period of its own department's keys: the one that
		 * holds its date; without dated keys (every support
		 * department) or without a date, the whole year. */
		o->periode = met_periodes(w, o->d) && q->datum != DATE_NONE
				     ? periode_van(w, o->d, q->datum)
				     : -1;
		if (rs) {
			o->sleutel = &q->sleutel;
			o->rs = rs;
			o->sleuteltekst = sleutel_tekst(w->a, &q->sleutel);
		}
		if (!o->sleuteltekst) {
			err_set(w->e, ST_NOMEM, "Te weinig geheugen.");
			return NULL;
		}
	}
	qsort(p, k, sizeof *p, cmp_wpost_id);
	for (size_t i = 0; i + 1 < k; i++)
		if (strcmp(p[i].id, p[i + 1].id) == 0)
			err_invalid(w->e, "pools", "duplicate",
				    "Kostenpost %s staat twee keer in de "
				    "berekening.",
				    p[i].id);
	*n = k;
	return p;
}

/* Merge pools alike in department, cost type, taakveld, key and period
 * (never across keys); a merged pool is named by its ids joined by "+". */
static struct wpost *
voeg_samen(struct werk *w, struct wpost *p, size_t *n)
{
	qsort(p, *n, sizeof *p, cmp_wpost_soort);
	size_t k = 0;
	for (size_t i = 0; i < *n;) {
		size_t j = i + 1;
		while (j < *n && zelfde_soort(&p[i], &p[j]))
			j++;
		struct wpost o = p[i];
		if (j > i + 1) {
			struct sb s = { .a = w->a };
			for (size_t t = i; t < j; t++) {
				if (t > i) {
					sb_put(&s, "+");
					o.bedrag += p[t].bedrag;
				}
				sb_put(&s, p[t].id);
			}
			if (s.vol) {
				err_set(w->e, ST_NOMEM, "Te weinig geheugen.");
				return NULL;
			}
			o.id = s.p;
		}
		p[k++] = o;
		i = j;
	}
	*n = k;
	return p;
}

/* round_half_away_from_zero(uren / 100 × tarief), both non-negative. */
static int
maatwerk_bedrag(int64_t uren, int64_t tarief, int64_t *uit)
{
	__int128 v = (__int128)uren * tarief;
	v = (v + 50) / 100;
	if (v > KV_MAX_BEDRAG)
		return -1;
	*uit = (int64_t)v;
	return 0;
}

/*
 * Maatwerk hours: billed straight to the municipality (one pool per
 * department and municipality) and credited to the department's own pool
 * (its largest pool without a key of its own; ties: the smaller id), so
 * that the hours are not paid twice. Returns the grown list.
 */
static struct wpost *
maatwerk(struct werk *w, struct wpost *p, size_t *n, int64_t *absoluut)
{
	const struct kv_invoer *in = w->in;
	if (in->nmaatwerk == 0)
		return p;
	int64_t *gefactureerd =
		arena_calloc(w->a, w->nm * w->nd + 1, sizeof *gefactureerd);
	if (!gefactureerd) {
		err_set(w->e, ST_NOMEM, "Te weinig geheugen.");
		return NULL;
	}
	for (size_t i = 0; i < in->nmaatwerk; i++) {
		const struct kv_maatwerk *m = &in->maatwerk[i];
		long g = gemeente_idx(w, m->gemeente);
		long d = afdeling_idx(w, m->afdeling);
		int64_t b;
		if (g < 0 || d < 0) {
			err_invalid(w->e, "maatwerk_hours", "unknown",
				    "Maatwerkuren voor %s bij %s: die %s "
				    "zit niet in de berekening.",
				    m->gemeente ? m->gemeente : "(geen)",
				    m->afdeling ? m->afdeling : "(geen)",
				    g < 0 ? "gemeente" : "afdeling");
		} else if (m->uren < 0 || m->tarief < 0) {
			err_invalid(w->e, "maatwerk_hours", "negative",
				    "Maatwerkuren voor %s bij %s: uren en "
				    "tarief zijn nul of meer.",
				    m->gemeente, m->afdeling);
		} else if (maatwerk_bedrag(m->uren, m->tarief, &b) ||
			   __builtin_add_overflow(
				   gefactureerd[g * (long)w->nd + d], b,
				   &gefactureerd[g * (long)w->nd + d]) ||
			   __builtin_add_overflow(*absoluut, 2 * b, absoluut) ||
			   *absoluut > INT64_MAX / 4) {
			err_invalid(w->e, "maatwerk_hours", "overflow",
				    "Maatwerkuren voor %s bij %s: het bedrag "
				    "is te groot om mee te rekenen.",
				    m->gemeente, m->afdeling);
		}
	}
	if (err_has_problems(w->e))
		return p;
	size_t extra = 0;
	for (size_t i = 0; i < w->nm * w->nd; i++)
		extra += gefactureerd[i] != 0;
	struct wpost *q = arena_grow(w->a, p, *n, *n + extra + 1, sizeof *p);
	if (!q) {
		err_set(w->e, ST_NOMEM, "Te weinig geheugen.");
		return NULL;
	}
	size_t k = *n;
	for (size_t d = 0; d < w->nd; d++) {
		int64_t totaal = 0;
		for (size_t g = 0; g < w->nm; g++) {
			int64_t b = gefactureerd[g * w->nd + d];
			if (!b)
				continue;
			totaal += b;
			struct wpost *o = &q[k++];
			struct rsleutel *rs = arena_alloc(w->a, sizeof *rs);
			struct kv_sleutel *ks = arena_alloc(w->a, sizeof *ks);
			struct sb s = { .a = w->a };
			sb_put(&s, "maatwerk:");
			sb_put(&s, w->afd[d]->id);
			sb_put(&s, ":");
			sb_put(&s, w->gem[g]);
			if (!rs || !ks || s.vol) {
				err_set(w->e, ST_NOMEM, "Te weinig geheugen.");
				return NULL;
			}
			/* Billed straight to the municipality: a direct key. */
			ks->basis = KV_DIRECT;
			ks->direct = w->gem[g];
			rs->k = ks;
			rs->direct = 1;
			rs->m = (uint32_t)g;
			rs->som = 1;
			*o = (struct wpost){ .id = s.p,
					     .d = (uint32_t)d,
					     .kostensoort = "maatwerk",
					     .taakveld = w->afd[d]->taakveld,
					     .bedrag = b,
					     .rs = rs,
					     .sleuteltekst = "",
					     .periode = -1,
					     .maatwerk = 1 };
		}
		if (!totaal)
			continue;
		struct wpost *eigen = NULL;
		for (size_t i = 0; i < *n; i++)
			if (q[i].d == d && !q[i].rs &&
			    (!eigen || q[i].bedrag > eigen->bedrag ||
			     (q[i].bedrag == eigen->bedrag &&
			      strcmp(q[i].id, eigen->id) < 0)))
				eigen = &q[i];
		if (!eigen) {
			err_invalid(w->e, "maatwerk_hours", "no-pool",
				    "Afdeling %s heeft maatwerkuren, maar "
				    "geen eigen kostenpost om ze van af te "
				    "trekken.",
				    w->afd[d]->id);
			continue;
		}
		eigen->credit -= totaal;
		eigen->bedrag -= totaal;
	}
	*n = k;
	return q;
}

/* Whether pool p is for the whole year of a department with dated keys,
 * so split over its periods: its own key or not, but not the billed
 * maatwerk hours (one amount for one municipality). */
static int
over_periodes(const struct werk *w, const struct wpost *p)
{
	return p->periode < 0 && !p->maatwerk && met_periodes(w, p->d);
}

/* Split the annual pools of departments with dated keys over the periods
 * by days, one largest-remainder split each ("ID@YYYY-MM-DD"). */
static struct wpost *
splits_periodes(struct werk *w, struct wpost *p, size_t *n)
{
	size_t extra = 0;
	for (size_t i = 0; i < *n; i++)
		if (over_periodes(w, &p[i]))
			extra += w->afd[p[i].d]->nperiodes;
	if (!extra)
		return p;
	struct wpost *q = arena_calloc(w->a, *n + extra, sizeof *q);
	if (!q) {
		err_set(w->e, ST_NOMEM, "Te weinig geheugen.");
		return NULL;
	}
	size_t k = 0;
	for (size_t i = 0; i < *n; i++) {
		const struct wpost *o = &p[i];
		size_t np = w->afd[o->d]->nperiodes;
		if (!over_periodes(w, o)) {
			q[k++] = *o;
			continue;
		}
		const struct kv_periode **per = w->periodes[o->d];
		mpq_t *x = arena_calloc(w->a, np, sizeof *x);
		uint64_t *rang = arena_calloc(w->a, np, sizeof *rang);
		int64_t *cent = arena_calloc(w->a, np, sizeof *cent);
		if (!x || !rang || !cent) {
			err_set(w->e, ST_NOMEM, "Te weinig geheugen.");
			return NULL;
		}
		int64_t abs = o->bedrag < 0 ? -o->bedrag : o->bedrag;
		for (size_t t = 0; t < np; t++) {
			mpq_init(x[t]);
			mpz_set_si(mpq_numref(x[t]),
				   per[t]->tot - per[t]->van + 1);
			mpz_mul_si(mpq_numref(x[t]), mpq_numref(x[t]), abs);
			mpz_set_si(mpq_denref(x[t]), w->dagen);
			mpq_canonicalize(x[t]);
			rang[t] = t;
		}
		enum status st = hamilton(o->bedrag, np, x, rang, cent, w->a);
		for (size_t t = 0; t < np; t++)
			mpq_clear(x[t]);
		if (st) {
			err_set(w->e, ST_NOMEM, "Te weinig geheugen.");
			return NULL;
		}
		for (size_t t = 0; t < np; t++) {
			char iso[DATE_ISO_LEN];
			struct sb s = { .a = w->a };
			date_format_iso(per[t]->van, iso);
			sb_put(&s, o->id);
			sb_put(&s, "@");
			sb_put(&s, iso);
			if (s.vol) {
				err_set(w->e, ST_NOMEM, "Te weinig geheugen.");
				return NULL;
			}
			q[k] = *o;
			q[k].id = s.p;
			q[k].bedrag = cent[t];
			q[k].credit = 0;
			q[k].periode = (int)t;
			k++;
		}
	}
	*n = k;
	return q;
}

/* ---- support fractions ------------------------------------------------ */

/*
 * B = (I - S)^-1 P by Gauss-Jordan elimination over the rationals:
 * b[s * nd + d] is the fraction of support department s's cost that ends
 * in department d (primary columns only). Returns -1 when I - S is
 * singular.
 */
static int
steunmatrix(struct werk *w, const int *plek, mpq_t *b)
{
	size_t ns = w->ns, nd = w->nd;
	mpq_t *m = arena_calloc(w->a, ns * ns + 1, sizeof *m);
	mpq_t t;
	if (!m)
		return -2;
	mpq_init(t);
	for (size_t i = 0; i < ns * ns; i++)
		mpq_init(m[i]);
	for (size_t s = 0; s < ns; s++)
		mpq_set_ui(m[s * ns + s], 1, 1);
	for (size_t i = 0; i < w->in->nsteunsleutels; i++) {
		const struct kv_steunsleutel *k = &w->in->steunsleutels[i];
		long sd = afdeling_idx(w, k->afdeling);
		uint32_t s = (uint32_t)w->steun[sd];
		__int128 som = 0;
		for (size_t o = 0; o < k->nontvangers; o++) {
			long d = afdeling_idx(w, k->ontvangers[o].afdeling);
			if (telt_mee(w, plek, (uint32_t)sd, (uint32_t)d))
				som += k->ontvangers[o].gewicht;
		}
		for (size_t o = 0; o < k->nontvangers; o++) {
			long d = afdeling_idx(w, k->ontvangers[o].afdeling);
			if (!telt_mee(w, plek, (uint32_t)sd, (uint32_t)d) ||
			    !k->ontvangers[o].gewicht)
				continue;
			mpz_set_si(mpq_numref(t), k->ontvangers[o].gewicht);
			mpz_set_si(mpq_denref(t), (long)som);
			mpq_canonicalize(t);
			if (w->afd[d]->ondersteunend)
				mpq_sub(m[s * ns + (size_t)w->steun[d]],
					m[s * ns + (size_t)w->steun[d]], t);
			else
				mpq_add(b[s * nd + (size_t)d],
					b[s * nd + (size_t)d], t);
		}
	}
	int singulier = 0;
	for (size_t c = 0; c < ns && !singulier; c++) {
		size_t r = c;
		while (r < ns && mpq_sgn(m[r * ns + c]) == 0)
			r++;
		if (r == ns) {
			singulier = 1;
			break;
		}
		if (r != c) {
			for (size_t k = 0; k < ns; k++)
				mpq_swap(m[r * ns + k], m[c * ns + k]);
			for (size_t k = 0; k < nd; k++)
				mpq_swap(b[r * nd + k], b[c * nd + k]);
		}
		/* Scale row c so the pivot is 1, then clear column c. */
		mpq_inv(t, m[c * ns + c]);
		for (size_t k = 0; k < ns; k++)
			mpq_mul(m[c * ns + k], m[c * ns + k], t);
		for (size_t k = 0; k < nd; k++)
			mpq_mul(b[c * nd + k], b[c * nd + k], t);
		for (size_t r2 = 0; r2 < ns; r2++) {
			if (r2 == c || mpq_sgn(m[r2 * ns + c]) == 0)
				continue;
			mpq_t f;
			mpq_init(f);
			mpq_set(f, m[r2 * ns + c]);
			for (size_t k = 0; k < ns; k++) {
				mpq_mul(t, f, m[c * ns + k]);
				mpq_sub(m[r2 * ns + k], m[r2 * ns + k], t);
			}
			for (size_t k = 0; k < nd; k++) {
				mpq_mul(t, f, b[c * nd + k]);
				mpq_sub(b[r2 * nd + k], b[r2 * nd + k], t);
			}
			mpq_clear(f);
		}
	}
	for (size_t i = 0; i < ns * ns; i++)
		mpq_clear(m[i]);
	mpq_clear(t);
	return singulier ? -1 : 0;
}

/* ---- leaves --------------------------------------------------------------- */

struct cellen {
	size_t nm, nd;
	mpq_t *q; /* nm × nd */
	mpq_t t;
};

static void
voeg_sleutel(struct cellen *c, uint32_t j, const struct rsleutel *k,
	     const mpq_t factor)
{
	if (k->direct) {
		mpq_add(c->q[k->m * c->nd + j], c->q[k->m * c->nd + j], factor);
		return;
	}
	for (size_t m = 0; m < c->nm; m++) {
		if (!k->w[m])
			continue;
		mpz_set_si(mpq_numref(c->t), k->w[m]);
		mpz_set_si(mpq_denref(c->t), k->som);
		mpq_canonicalize(c->t);
		mpq_mul(c->t, c->t, factor);
		mpq_add(c->q[m * c->nd + j], c->q[m * c->nd + j], c->t);
	}
}

/* Primary department j's municipality key over the year (with dated
 * keys, each period's key weighted by its days) times `factor`: how a
 * support pool, which always belongs to the whole year, reaches j. */
static void
voeg_afdeling(const struct werk *w, struct cellen *c, uint32_t j,
	      const mpq_t factor)
{
	size_t np = w->afd[j]->nperiodes;
	if (!np) {
		voeg_sleutel(c, j, &w->jaarsleutel[j], factor);
		return;
	}
	mpq_t f;
	mpq_init(f);
	for (size_t t = 0; t < np; t++) {
		const struct kv_periode *p = w->periodes[j][t];
		mpz_set_si(mpq_numref(f), p->tot - p->van + 1);
		mpz_set_si(mpq_denref(f), w->dagen);
		mpq_canonicalize(f);
		mpq_mul(f, f, factor);
		voeg_sleutel(c, j, &w->periodesleutel[j][t], f);
	}
	mpq_clear(f);
}

static const struct rsleutel *
eigen_sleutel(const struct werk *w, const struct wpost *p)
{
	if (p->rs)
		return p->rs;
	if (p->periode >= 0)
		return &w->periodesleutel[p->d][p->periode];
	return &w->jaarsleutel[p->d];
}

struct uitvoer {
	struct kv_blad *bladen;
	size_t n, cap;
	mpq_t *exact_totaal; /* per municipality */
};

/* Spread pool p over its cells, round it, and append its leaves. */
static enum status
spreid(struct werk *w, const struct wpost *p, uint32_t pi, mpq_t *b,
       struct cellen *c, struct uitvoer *u)
{
	size_t nm = w->nm, nd = w->nd;
	mpq_t een;
	mpq_init(een);
	mpq_set_ui(een, 1, 1);
	for (size_t i = 0; i < nm * nd; i++)
		mpq_set_ui(c->q[i], 0, 1);
	if (!p->rs && w->afd[p->d]->ondersteunend) {
		size_t s = (size_t)w->steun[p->d];
		for (uint32_t j = 0; j < nd; j++)
			if (mpq_sgn(b[s * nd + j]))
				voeg_afdeling(w, c, j, b[s * nd + j]);
	} else {
		voeg_sleutel(c, p->d, eigen_sleutel(w, p), een);
	}
	size_t n = 0;
	mpq_set_ui(een, 0, 1);
	for (size_t i = 0; i < nm * nd; i++)
		if (mpq_sgn(c->q[i])) {
			n++;
			mpq_add(een, een, c->q[i]);
		}
	int klopt = mpq_cmp_ui(een, 1, 1) == 0;
	mpq_clear(een);
	if (!klopt)
		return err_internal(w->e,
				    "kostenpost %s: aandelen tellen niet "
				    "op tot 1",
				    p->id);
	if (u->n + n > u->cap) {
		size_t cap = u->cap ? u->cap * 2 : 64;
		while (cap < u->n + n)
			cap *= 2;
		struct kv_blad *nb =
			arena_grow(w->a, u->bladen, u->n, cap, sizeof *nb);
		if (!nb)
			return err_set(w->e, ST_NOMEM, "Te weinig geheugen.");
		u->bladen = nb;
		u->cap = cap;
	}
	mpq_t *x = arena_calloc(w->a, n + 1, sizeof *x);
	uint64_t *rang = arena_calloc(w->a, n + 1, sizeof *rang);
	int64_t *cent = arena_calloc(w->a, n + 1, sizeof *cent);
	if (!x || !rang || !cent)
		return err_set(w->e, ST_NOMEM, "Te weinig geheugen.");
	int64_t abs = p->bedrag < 0 ? -p->bedrag : p->bedrag;
	size_t k = 0;
	for (size_t i = 0; i < nm * nd; i++) {
		if (!mpq_sgn(c->q[i]))
			continue;
		mpq_init(x[k]);
		mpz_set_si(mpq_numref(x[k]), abs);
		mpq_mul(x[k], x[k], c->q[i]);
		rang[k] = i;
		struct kv_blad *bl = &u->bladen[u->n + k];
		bl->post = pi;
		bl->gemeente = (uint32_t)(i / nd);
		bl->afdeling = (uint32_t)(i % nd);
		k++;
	}
	enum status st = hamilton(p->bedrag, n, x, rang, cent, w->a);
	for (size_t i = 0; i < n; i++) {
		struct kv_blad *bl = &u->bladen[u->n + i];
		if (p->bedrag < 0)
			mpq_neg(x[i], x[i]);
		mpq_add(u->exact_totaal[bl->gemeente],
			u->exact_totaal[bl->gemeente], x[i]);
		bl->cent = cent[i];
		bl->exact = st == ST_OK ? breuk_tekst(w->a, x[i]) : NULL;
		if (!bl->exact)
			st = ST_NOMEM;
		mpq_clear(x[i]);
	}
	if (st)
		return err_set(w->e, ST_NOMEM, "Te weinig geheugen.");
	u->n += n;
	return ST_OK;
}

/* ---- views ------------------------------------------------------------- */

static int
cmp_taakveld(const void *x, const void *y)
{
	return cmp_str(((const struct kv_taakveld_bedrag *)x)->taakveld,
		       ((const struct kv_taakveld_bedrag *)y)->taakveld);
}

static enum status
bbv_optellen(struct werk *w, struct kv_gemeente_uit *g, size_t *cap,
	     const char *taakveld, int64_t cent)
{
	for (size_t i = 0; i < g->ntaakvelden; i++)
		if (strcmp(g->per_taakveld[i].taakveld, taakveld) == 0) {
			g->per_taakveld[i].cent += cent;
			return ST_OK;
		}
	if (g->ntaakvelden == *cap) {
		size_t nc = *cap ? *cap * 2 : 8;
		void *n = arena_grow(w->a, g->per_taakveld, *cap, nc,
				     sizeof *g->per_taakveld);
		if (!n)
			return err_set(w->e, ST_NOMEM, "Te weinig geheugen.");
		g->per_taakveld = n;
		*cap = nc;
	}
	g->per_taakveld[g->ntaakvelden++] =
		(struct kv_taakveld_bedrag){ taakveld, cent };
	return ST_OK;
}

/* round_half_away_from_zero of an exact amount: floor(|q| + 1/2), signed. */
static int64_t
afgerond(const mpq_t q)
{
	mpz_t t, d;
	mpz_init(t);
	mpz_init(d);
	mpz_abs(t, mpq_numref(q));
	mpz_mul_2exp(t, t, 1);
	mpz_add(t, t, mpq_denref(q));
	mpz_mul_2exp(d, mpq_denref(q), 1);
	mpz_fdiv_q(t, t, d);
	int64_t v = mpz_get_si(t);
	mpz_clear(t);
	mpz_clear(d);
	return mpq_sgn(q) < 0 ? -v : v;
}

/* ---- the calculation ---------------------------------------------------- */

static void
controleer_voorschotten(struct werk *w)
{
	const struct kv_invoer *in = w->in;
	char *gezien = arena_calloc(w->a, w->nm + 1, 1);
	for (size_t i = 0; gezien && i < in->nvoorschotten; i++) {
		const struct kv_gewicht *v = &in->voorschotten[i];
		long m = gemeente_idx(w, v->gemeente);
		if (m < 0)
			err_invalid(w->e, "advances", "unknown-municipality",
				    "Er is een voorschot van %s, maar die "
				    "gemeente zit niet in de berekening.",
				    v->gemeente ? v->gemeente : "(geen)");
		else if (gezien[m]++)
			err_invalid(w->e, "advances", "duplicate",
				    "Gemeente %s heeft twee voorschotten.",
				    v->gemeente);
		else if (v->waarde > KV_MAX_BEDRAG ||
			 v->waarde < -KV_MAX_BEDRAG)
			err_invalid(w->e, "advances", "overflow",
				    "Het voorschot van %s is groter dan "
				    "1.000 miljard euro.",
				    v->gemeente);
	}
}

/* Weights a support department sends (to supports, to primaries) under
 * the method: for the reach check. */
static int
steungewichten(struct werk *w, const int *plek, int64_t **naar_steun,
	       int64_t **naar_primair)
{
	*naar_steun = arena_calloc(w->a, w->ns * w->ns + 1, sizeof(int64_t));
	*naar_primair = arena_calloc(w->a, w->ns + 1, sizeof(int64_t));
	if (!*naar_steun || !*naar_primair)
		return -1;
	for (size_t i = 0; i < w->in->nsteunsleutels; i++) {
		const struct kv_steunsleutel *k = &w->in->steunsleutels[i];
		long sd = afdeling_idx(w, k->afdeling);
		if (sd < 0 || w->steun[sd] < 0)
			continue;
		size_t s = (size_t)w->steun[sd];
		for (size_t o = 0; o < k->nontvangers; o++) {
			long d = afdeling_idx(w, k->ontvangers[o].afdeling);
			int64_t g = k->ontvangers[o].gewicht;
			if (d < 0 || g <= 0 ||
			    !telt_mee(w, plek, (uint32_t)sd, (uint32_t)d))
				continue;
			if (w->afd[d]->ondersteunend)
				(*naar_steun)[s * w->ns + (size_t)w->steun[d]] +=
					1;
			else
				(*naar_primair)[s] += 1;
		}
	}
	return 0;
}

static enum status
geheugen(struct err *e)
{
	return err_set(e, ST_NOMEM, "Te weinig geheugen voor deze berekening.");
}

/* Sum the leaves into the views of every municipality. */
static enum status
tel_op(struct werk *w, struct kv_uitkomst *out, struct uitvoer *u)
{
	size_t nm = w->nm, nd = w->nd;
	size_t *cap = arena_calloc(w->a, nm, sizeof *cap);
	out->per_gemeente = arena_calloc(w->a, nm, sizeof *out->per_gemeente);
	if (!cap || !out->per_gemeente)
		return geheugen(w->e);
	for (size_t m = 0; m < nm; m++) {
		struct kv_gemeente_uit *g = &out->per_gemeente[m];
		g->per_ontvanger = arena_calloc(w->a, nd, sizeof(int64_t));
		g->per_herkomst = arena_calloc(w->a, nd, sizeof(int64_t));
		if (!g->per_ontvanger || !g->per_herkomst)
			return geheugen(w->e);
	}
	for (size_t i = 0; i < u->n; i++) {
		const struct kv_blad *b = &u->bladen[i];
		const struct kv_post_uit *p = &out->posten[b->post];
		struct kv_gemeente_uit *g = &out->per_gemeente[b->gemeente];
		g->totaal += b->cent;
		g->per_ontvanger[b->afdeling] += b->cent;
		g->per_herkomst[p->afdeling] += b->cent;
		out->totaal += b->cent;
		const char *tv = w->afd[p->afdeling]->ondersteunend
					 ? "0.4"
					 : p->taakveld;
		if (bbv_optellen(w, g, &cap[b->gemeente], tv ? tv : "",
				 b->cent))
			return ST_NOMEM;
	}
	for (size_t m = 0; m < nm; m++) {
		struct kv_gemeente_uit *g = &out->per_gemeente[m];
		if (g->ntaakvelden > 1) /* none: per_taakveld is NULL */
			qsort(g->per_taakveld, g->ntaakvelden,
			      sizeof *g->per_taakveld, cmp_taakveld);
		g->exact_totaal = breuk_tekst(w->a, u->exact_totaal[m]);
		if (!g->exact_totaal)
			return geheugen(w->e);
		g->afrondingsverschil =
			g->totaal - afgerond(u->exact_totaal[m]);
		int64_t v = g->afrondingsverschil < 0 ? -g->afrondingsverschil
						      : g->afrondingsverschil;
		if (v > out->max_afrondingsverschil)
			out->max_afrondingsverschil = v;
	}
	if (w->in->heeft_voorschotten) {
		out->heeft_voorschotten = 1;
		for (size_t i = 0; i < w->in->nvoorschotten; i++) {
			long m = gemeente_idx(w,
					      w->in->voorschotten[i].gemeente);
			out->per_gemeente[m].voorschot =
				w->in->voorschotten[i].waarde;
		}
		for (size_t m = 0; m < nm; m++)
			out->per_gemeente[m].saldo =
				out->per_gemeente[m].totaal -
				out->per_gemeente[m].voorschot;
	}
	return ST_OK;
}

/* The pools as they were split, for the result. */
static enum status
posten_uit(struct werk *w, const struct wpost *p, size_t n,
	   struct kv_uitkomst *out)
{
	out->posten = arena_calloc(w->a, n + 1, sizeof *out->posten);
	if (!out->posten)
		return geheugen(w->e);
	out->nposten = n;
	for (size_t i = 0; i < n; i++) {
		struct kv_post_uit *o = &out->posten[i];
		const struct kv_afdeling *af = w->afd[p[i].d];
		o->id = p[i].id;
		o->afdeling = p[i].d;
		o->kostensoort = p[i].kostensoort;
		o->taakveld = p[i].taakveld;
		o->bedrag = p[i].bedrag;
		o->maatwerk_credit = p[i].credit;
		o->maatwerk = p[i].maatwerk;
		o->van = w->jaar_van;
		o->tot = w->jaar_tot;
		if (p[i].rs)
			o->sleutel = p[i].rs->k;
		else if (!af->ondersteunend)
			o->sleutel = eigen_sleutel(w, &p[i])->k;
		if (p[i].periode >= 0) {
			o->van = w->periodes[p[i].d][p[i].periode]->van;
			o->tot = w->periodes[p[i].d][p[i].periode]->tot;
		}
	}
	return ST_OK;
}

/* Everything up to the pools ready to be split; 0 when valid. */
static int
voorbereiden(struct werk *w, struct wpost **posten, size_t *nposten)
{
	const struct kv_invoer *in = w->in;
	w->gem = arena_calloc(w->a, in->ngemeenten + 1, sizeof *w->gem);
	w->afd = (const struct kv_afdeling **)gesorteerd(
		w->a, in->afdelingen, in->nafdelingen, sizeof *in->afdelingen,
		cmp_afdeling);
	w->nd = in->nafdelingen;
	w->nm = in->ngemeenten;
	w->jaarsleutel = arena_calloc(w->a, w->nd + 1, sizeof *w->jaarsleutel);
	w->periodesleutel =
		arena_calloc(w->a, w->nd + 1, sizeof *w->periodesleutel);
	w->periodes = arena_calloc(w->a, w->nd + 1, sizeof *w->periodes);
	w->steun = arena_calloc(w->a, w->nd + 1, sizeof *w->steun);
	w->steunafd = arena_calloc(w->a, w->nd + 1, sizeof *w->steunafd);
	int *plek = arena_calloc(w->a, w->nd + 1, sizeof *plek);
	if (!w->gem || !w->afd || !w->jaarsleutel || !w->periodesleutel ||
	    !w->periodes || !w->steun || !w->steunafd || !plek) {
		geheugen(w->e);
		return -1;
	}
	if (in->ngemeenten)
		memcpy(w->gem, in->gemeenten, in->ngemeenten * sizeof *w->gem);
	for (size_t i = 0; i < w->nm; i++)
		if (!w->gem[i])
			w->gem[i] = "";
	qsort(w->gem, w->nm, sizeof *w->gem, cmp_strp);
	for (size_t d = 0; d < w->nd; d++) {
		plek[d] = -1;
		w->steun[d] = -1;
		if (w->afd[d]->ondersteunend) {
			w->steun[d] = (int)w->ns;
			w->steunafd[w->ns++] = (uint32_t)d;
		}
	}
	controleer_afdelingen(w);
	controleer_steun(w, plek);
	int64_t *naar_steun, *naar_primair;
	if (w->ns && in->methode != KV_METHODE_GEEN) {
		if (steungewichten(w, plek, &naar_steun, &naar_primair)) {
			geheugen(w->e);
			return -1;
		}
		controleer_bereik(w, naar_steun, naar_primair);
	}
	int64_t absoluut = 0;
	struct wpost *p = lees_posten(w, nposten, &absoluut);
	if (p)
		p = voeg_samen(w, p, nposten);
	if (p)
		p = maatwerk(w, p, nposten, &absoluut);
	controleer_voorschotten(w);
	if (!p || err_has_problems(w->e) || w->e->status != ST_OK)
		return -1;
	p = splits_periodes(w, p, nposten);
	if (!p)
		return -1;
	qsort(p, *nposten, sizeof *p, cmp_wpost_id);
	for (size_t i = 0; i + 1 < *nposten; i++)
		if (strcmp(p[i].id, p[i + 1].id) == 0)
			err_invalid(w->e, "pools", "duplicate",
				    "Na het samenvoegen heten twee "
				    "kostenposten %s; geef een van beide een "
				    "andere naam.",
				    p[i].id);
	*posten = p;
	w->plek = plek;
	return err_has_problems(w->e) ? -1 : 0;
}

enum status
kv_bereken(const struct kv_invoer *in, struct arena *a, struct kv_uitkomst *out,
	   struct err *e)
{
	struct err lokaal;
	if (!e)
		e = &lokaal;
	err_clear(e);
	memset(out, 0, sizeof *out);
	if (in->jaar < 1900 || in->jaar > 9999)
		return err_invalid(e, "year", "year",
				   "Het jaar %d valt buiten 1900-9999.",
				   in->jaar);
	struct werk w = { .in = in, .a = a, .e = e };
	w.jaar_van = date_from_ymd(in->jaar, 1, 1);
	w.jaar_tot = date_from_ymd(in->jaar, 12, 31);
	w.dagen = w.jaar_tot - w.jaar_van + 1;
	struct wpost *p = NULL;
	size_t np = 0;
	if (voorbereiden(&w, &p, &np))
		return e->status == ST_OK ? ST_INVALID : e->status;

	size_t nm = w.nm, nd = w.nd, ns = w.ns;
	mpq_t *b = arena_calloc(a, ns * nd + 1, sizeof *b);
	struct cellen c = { .nm = nm, .nd = nd };
	c.q = arena_calloc(a, nm * nd + 1, sizeof *c.q);
	struct uitvoer u = { 0 };
	u.exact_totaal = arena_calloc(a, nm + 1, sizeof *u.exact_totaal);
	if (!b || !c.q || !u.exact_totaal)
		return geheugen(e);
	for (size_t i = 0; i < ns * nd; i++)
		mpq_init(b[i]);
	for (size_t i = 0; i < nm * nd; i++)
		mpq_init(c.q[i]);
	for (size_t m = 0; m < nm; m++)
		mpq_init(u.exact_totaal[m]);
	mpq_init(c.t);

	enum status st = ST_OK;
	if (ns) {
		int r = steunmatrix(&w, w.plek, b);
		if (r == -1)
			st = err_invalid(e, "support_allocation", "singular",
					 "De wederzijdse doorbelasting tussen "
					 "de ondersteunende afdelingen heeft "
					 "geen oplossing.");
		else if (r)
			st = geheugen(e);
		out->b = arena_calloc(a, ns * nd + 1, sizeof *out->b);
		for (size_t i = 0; st == ST_OK && i < ns * nd; i++)
			if (!out->b || !(out->b[i] = breuk_tekst(a, b[i])))
				st = geheugen(e);
	}
	if (st == ST_OK)
		st = posten_uit(&w, p, np, out);
	for (size_t i = 0; st == ST_OK && i < np; i++) {
		out->posten[i].eerste_blad = u.n;
		st = spreid(&w, &p[i], (uint32_t)i, b, &c, &u);
		out->posten[i].nbladen = u.n - out->posten[i].eerste_blad;
	}
	if (st == ST_OK) {
		out->jaar = in->jaar;
		out->ngemeenten = nm;
		out->gemeenten = w.gem;
		out->nafdelingen = nd;
		out->afdelingen = w.afd;
		out->bladen = u.bladen;
		out->nbladen = u.n;
		st = tel_op(&w, out, &u);
	}
	if (st == ST_OK) {
		out->invoer = kv_canoniek(in, a);
		if (!out->invoer) {
			st = geheugen(e);
		} else {
			unsigned char h[crypto_hash_sha256_BYTES];
			crypto_hash_sha256(h,
					   (const unsigned char *)out->invoer,
					   strlen(out->invoer));
			sodium_bin2hex(out->sha256, sizeof out->sha256, h,
				       sizeof h);
		}
	}
	for (size_t i = 0; i < ns * nd; i++)
		mpq_clear(b[i]);
	for (size_t i = 0; i < nm * nd; i++)
		mpq_clear(c.q[i]);
	for (size_t m = 0; m < nm; m++)
		mpq_clear(u.exact_totaal[m]);
	mpq_clear(c.t);
	if (st != ST_OK) {
		struct err kopie = *e;
		memset(out, 0, sizeof *out);
		*e = kopie;
	}
	return st;
}

/* ---- comparing two calculations ------------------------------------------ */

struct vergelijker {
	struct arena *a;
	struct kv_verschil *v;
	size_t n, cap;
	int vol;
};

static void
verschil(struct vergelijker *c, const char *g, enum kv_dimensie d,
	 const char *k, int64_t a, int64_t b)
{
	if (c->vol)
		return;
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 32;
		struct kv_verschil *n =
			arena_grow(c->a, c->v, c->n, cap, sizeof *n);
		if (!n) {
			c->vol = 1;
			return;
		}
		c->v = n;
		c->cap = cap;
	}
	c->v[c->n++] = (struct kv_verschil){ g, d, k, a, b };
}

static long
gemeente_in(const struct kv_uitkomst *u, const char *g)
{
	return zoek(u->gemeenten, u->ngemeenten, g);
}

/* Cents of department `id` in g's origin view (0 if absent). */
static int64_t
herkomst(const struct kv_uitkomst *u, long g, const char *id)
{
	if (g < 0)
		return 0;
	for (size_t d = 0; d < u->nafdelingen; d++)
		if (strcmp(u->afdelingen[d]->id, id) == 0)
			return u->per_gemeente[g].per_herkomst[d];
	return 0;
}

static int64_t
taakveld_bedrag(const struct kv_uitkomst *u, long g, const char *tv)
{
	if (g < 0)
		return 0;
	for (size_t i = 0; i < u->per_gemeente[g].ntaakvelden; i++)
		if (strcmp(u->per_gemeente[g].per_taakveld[i].taakveld, tv) ==
		    0)
			return u->per_gemeente[g].per_taakveld[i].cent;
	return 0;
}

/* The sorted union of two sorted lists of strings. */
static const char **
vereniging(struct arena *a, const char **x, size_t nx, const char **y,
	   size_t ny, size_t *n)
{
	const char **u = arena_calloc(a, nx + ny + 1, sizeof *u);
	size_t i = 0, j = 0;
	*n = 0;
	if (!u)
		return NULL;
	while (i < nx || j < ny) {
		int c = i == nx ? 1 : j == ny ? -1 : strcmp(x[i], y[j]);
		u[(*n)++] = c <= 0 ? x[i] : y[j];
		i += c <= 0;
		j += c >= 0;
	}
	return u;
}

enum status
kv_vergelijk(const struct kv_uitkomst *a, const struct kv_uitkomst *b,
	     struct arena *ar, struct kv_verschil **out, size_t *n,
	     struct err *e)
{
	struct vergelijker c = { .a = ar };
	size_t ng, nda = a->nafdelingen, ndb = b->nafdelingen;
	const char **g = vereniging(ar, a->gemeenten, a->ngemeenten,
				    b->gemeenten, b->ngemeenten, &ng);
	const char **da = arena_calloc(ar, nda + 1, sizeof *da);
	const char **db = arena_calloc(ar, ndb + 1, sizeof *db);
	if (!g || !da || !db)
		return err_set(e, ST_NOMEM, "Te weinig geheugen.");
	for (size_t i = 0; i < nda; i++)
		da[i] = a->afdelingen[i]->id;
	for (size_t i = 0; i < ndb; i++)
		db[i] = b->afdelingen[i]->id;
	size_t nd;
	const char **d = vereniging(ar, da, nda, db, ndb, &nd);
	if (!d)
		return err_set(e, ST_NOMEM, "Te weinig geheugen.");
	for (size_t i = 0; i < ng; i++) {
		long ga = gemeente_in(a, g[i]), gb = gemeente_in(b, g[i]);
		verschil(&c, g[i], KV_DIM_TOTAAL, NULL,
			 ga < 0 ? 0 : a->per_gemeente[ga].totaal,
			 gb < 0 ? 0 : b->per_gemeente[gb].totaal);
		for (size_t k = 0; k < nd; k++) {
			int64_t x = herkomst(a, ga, d[k]);
			int64_t y = herkomst(b, gb, d[k]);
			if (x || y)
				verschil(&c, g[i], KV_DIM_AFDELING, d[k], x, y);
		}
		size_t nta = ga < 0 ? 0 : a->per_gemeente[ga].ntaakvelden;
		size_t ntb = gb < 0 ? 0 : b->per_gemeente[gb].ntaakvelden;
		const char **ta = arena_calloc(ar, nta + 1, sizeof *ta);
		const char **tb = arena_calloc(ar, ntb + 1, sizeof *tb);
		if (!ta || !tb)
			return err_set(e, ST_NOMEM, "Te weinig geheugen.");
		for (size_t k = 0; k < nta; k++)
			ta[k] = a->per_gemeente[ga].per_taakveld[k].taakveld;
		for (size_t k = 0; k < ntb; k++)
			tb[k] = b->per_gemeente[gb].per_taakveld[k].taakveld;
		size_t nt;
		const char **t = vereniging(ar, ta, nta, tb, ntb, &nt);
		if (!t)
			return err_set(e, ST_NOMEM, "Te weinig geheugen.");
		for (size_t k = 0; k < nt; k++)
			verschil(&c, g[i], KV_DIM_TAAKVELD, t[k],
				 taakveld_bedrag(a, ga, t[k]),
				 taakveld_bedrag(b, gb, t[k]));
	}
	if (c.vol)
		return err_set(e, ST_NOMEM, "Te weinig geheugen.");
	*out = c.v;
	*n = c.n;
	return ST_OK;
}

/*
 * afspraak.c - the front office by appointment as pure rules: public
 * holidays, Amsterdam local time, open intervals, the free-slot engine,
 * and the checks of what people enter. No I/O, no clock, no randomness;
 * every allocation comes from the caller's arena.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "afspraak.h"
#include "text.h"
#include "../banned.h"

/* ---- public holidays ---- */

static const char *const feestdag_codes[FEESTDAG_COUNT] = {
	"nieuwjaarsdag",   "goede_vrijdag",	 "eerste_paasdag",
	"tweede_paasdag",  "koningsdag",	 "bevrijdingsdag",
	"hemelvaartsdag",  "eerste_pinksterdag", "tweede_pinksterdag",
	"eerste_kerstdag", "tweede_kerstdag",
};

static const char *const feestdag_namen[FEESTDAG_COUNT] = {
	"Nieuwjaarsdag",   "Goede Vrijdag",	 "Eerste Paasdag",
	"Tweede Paasdag",  "Koningsdag",	 "Bevrijdingsdag",
	"Hemelvaartsdag",  "Eerste Pinksterdag", "Tweede Pinksterdag",
	"Eerste Kerstdag", "Tweede Kerstdag",
};

const char *
feestdag_code(enum feestdag f)
{
	return (unsigned)f < FEESTDAG_COUNT ? feestdag_codes[f] : "?";
}

const char *
feestdag_naam(enum feestdag f)
{
	return (unsigned)f < FEESTDAG_COUNT ? feestdag_namen[f] : "?";
}

/* The anonymous Gregorian computus (Meeus, Jones, Butcher). */
day_t
feestdag_pasen(int jaar)
{
	int a, b, c, d, e, f, g, h, i, k, l, m, mn, dg;

	if (jaar < 1583 || jaar > 9999)
		return DATE_NONE;
	a = jaar % 19;
	b = jaar / 100;
	c = jaar % 100;
	d = b / 4;
	e = b % 4;
	f = (b + 8) / 25;
	g = (b - f + 1) / 3;
	h = (19 * a + b - d - g + 15) % 30;
	i = c / 4;
	k = c % 4;
	l = (32 + 2 * e + 2 * i - h - k) % 7;
	m = (a + 11 * h + 22 * l) / 451;
	mn = (h + l - 7 * m + 114) / 31;
	dg = (h + l - 7 * m + 114) % 31 + 1;
	return date_from_ymd(jaar, mn, dg);
}

/* Koningsdag: 27 April, or the 26th when the 27th is a Sunday. */
static day_t
koningsdag(int jaar)
{
	day_t d = date_from_ymd(jaar, 4, 27);

	return date_weekday(d) == 6 ? d - 1 : d;
}

day_t
feestdag_datum(enum feestdag f, int jaar)
{
	day_t pasen = feestdag_pasen(jaar);

	if (pasen == DATE_NONE)
		return DATE_NONE;
	switch (f) {
	case FD_NIEUWJAARSDAG:
		return date_from_ymd(jaar, 1, 1);
	case FD_GOEDE_VRIJDAG:
		return pasen - 2;
	case FD_EERSTE_PAASDAG:
		return pasen;
	case FD_TWEEDE_PAASDAG:
		return pasen + 1;
	case FD_KONINGSDAG:
		return koningsdag(jaar);
	case FD_BEVRIJDINGSDAG:
		return date_from_ymd(jaar, 5, 5);
	case FD_HEMELVAARTSDAG:
		return pasen + 39;
	case FD_EERSTE_PINKSTERDAG:
		return pasen + 49;
	case FD_TWEEDE_PINKSTERDAG:
		return pasen + 50;
	case FD_EERSTE_KERSTDAG:
		return date_from_ymd(jaar, 12, 25);
	case FD_TWEEDE_KERSTDAG:
		return date_from_ymd(jaar, 12, 26);
	}
	return DATE_NONE;
}

bool
feestdag_sluit(day_t d, bool goede_vrijdag, bool bevrijdingsdag,
	       enum feestdag *f)
{
	int y, m, dg;

	if (d == DATE_NONE)
		return false;
	date_to_ymd(d, &y, &m, &dg);
	if (y < 1583 || y > 9999)
		return false;
	/* In the order of enum feestdag, so that of two holidays on one
	 * day (Hemelvaartsdag on 5 May) the first that closes is named. */
	for (int i = 0; i < FEESTDAG_COUNT; i++) {
		if (i == FD_GOEDE_VRIJDAG && !goede_vrijdag)
			continue;
		if (i == FD_BEVRIJDINGSDAG && !bevrijdingsdag)
			continue;
		if (feestdag_datum((enum feestdag)i, y) == d) {
			if (f)
				*f = (enum feestdag)i;
			return true;
		}
	}
	return false;
}

/* ---- local time ---- */

static int64_t
floor_div(int64_t a, int64_t b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

int64_t
afspraak_utc(day_t d, int minuut)
{
	int64_t lokaal = (int64_t)d * 86400 + (int64_t)minuut * 60;
	int64_t zomer = lokaal - 7200;

	/* Summer time when that reading is consistent (which makes the
	 * autumn's double hour its first occurrence); otherwise winter
	 * time, which puts a time in the spring gap an hour later. */
	if (date_amsterdam_offset(zomer) == 7200)
		return zomer;
	return lokaal - 3600;
}

void
afspraak_lokaal(int64_t utc, day_t *d, int *minuut)
{
	int64_t lokaal = utc + date_amsterdam_offset(utc);
	int64_t dag = floor_div(lokaal, 86400);

	if (d)
		*d = (day_t)dag;
	if (minuut)
		*minuut = (int)((lokaal - dag * 86400) / 60);
}

void
afspraak_format_tijd(int64_t utc, char *buf)
{
	int off = date_amsterdam_offset(utc);
	char tmp[INSTANT_ISO_LEN];

	date_format_instant(utc + off, tmp);
	memcpy(buf, tmp, 19);
	memcpy(buf + 19, off == 7200 ? "+02:00" : "+01:00", 7);
}

/* ---- open intervals ---- */

/* The instants the engine works within: years DATE_JAAR_MIN..MAX. */
static int64_t
instant_min(void)
{
	return (int64_t)date_from_ymd(DATE_JAAR_MIN, 1, 1) * 86400;
}

static int64_t
instant_max(void)
{
	return (int64_t)date_from_ymd(DATE_JAAR_MAX, 12, 31) * 86400;
}

static bool
raster_geldig(int r)
{
	return r >= 5 && r % 5 == 0 && 60 % r == 0;
}

/* A location's fields, each problem under prefix + the field's name. */
static void
check_vestiging(const struct slot_vestiging *v, const char *prefix,
		struct err *e)
{
	char f[64];

	snprintf(f, sizeof f, "%sbalies", prefix);
	text_check_int(v->balies, f, 1, AFSPRAAK_MAX_BALIES, e);
	if (!raster_geldig(v->raster)) {
		snprintf(f, sizeof f, "%sraster", prefix);
		err_invalid(e, f, "enum",
			    "Kies een raster van 5, 10, 15, 20, 30 of 60 "
			    "minuten.");
	}
	if (v->nopen && !v->open) {
		snprintf(f, sizeof f, "%sopen", prefix);
		err_invalid(e, f, "required", "Geef de openingstijden.");
	}
	for (size_t i = 0; v->open && i < v->nopen; i++) {
		const struct openingstijd *o = &v->open[i];

		snprintf(f, sizeof f, "%sopen[%zu]", prefix, i);
		if (o->weekdag < 0 || o->weekdag > 6)
			err_invalid(e, f, "weekdag",
				    "Kies een weekdag van 0 (maandag) tot en "
				    "met 6 (zondag).");
		else if (o->van < 0 || o->tot > 1440 || o->van >= o->tot)
			err_invalid(e, f, "order",
				    "Een openingstijd begint voordat hij "
				    "eindigt, tussen 00:00 en 24:00.");
	}
	if (v->nsluitingen && !v->sluitingen) {
		snprintf(f, sizeof f, "%ssluitingen", prefix);
		err_invalid(e, f, "required", "Geef de sluitingen.");
	}
	for (size_t i = 0; v->sluitingen && i < v->nsluitingen; i++) {
		const struct sluiting *s = &v->sluitingen[i];

		snprintf(f, sizeof f, "%ssluitingen[%zu]", prefix, i);
		if (s->van == DATE_NONE || s->tot == DATE_NONE ||
		    s->van > s->tot)
			err_invalid(e, f, "order",
				    "Een sluiting begint niet na haar "
				    "einddatum.");
	}
}

static bool
gesloten(const struct slot_vestiging *v, day_t d)
{
	for (size_t i = 0; i < v->nsluitingen; i++)
		if (v->sluitingen[i].van <= d && d <= v->sluitingen[i].tot)
			return true;
	return feestdag_sluit(d, v->goede_vrijdag, v->bevrijdingsdag, NULL);
}

/*
 * The open intervals of v on date d into out (room for every opening
 * range of d's weekday): sorted, overlapping or touching ones merged,
 * empty ones dropped. Returns how many.
 */
static size_t
open_dag(const struct slot_vestiging *v, day_t d, int64_t (*out)[2])
{
	int wd = date_weekday(d);
	size_t n = 0, k = 0;

	if (gesloten(v, d))
		return 0;
	for (size_t i = 0; i < v->nopen; i++) {
		const struct openingstijd *o = &v->open[i];
		int64_t a, z;
		size_t j;

		if (o->weekdag != wd)
			continue;
		a = afspraak_utc(d, o->van);
		z = afspraak_utc(d, o->tot);
		if (a >= z) /* wholly in the spring gap */
			continue;
		for (j = n; j > 0 && out[j - 1][0] > a; j--) {
			out[j][0] = out[j - 1][0];
			out[j][1] = out[j - 1][1];
		}
		out[j][0] = a;
		out[j][1] = z;
		n++;
	}
	for (size_t i = 0; i < n; i++) {
		if (k > 0 && out[i][0] <= out[k - 1][1]) {
			if (out[i][1] > out[k - 1][1])
				out[k - 1][1] = out[i][1];
			continue;
		}
		out[k][0] = out[i][0];
		out[k][1] = out[i][1];
		k++;
	}
	return k;
}

/* Room for the open intervals of v from van to tot: an upper bound. */
static size_t
open_ruimte(const struct slot_vestiging *v, day_t van, day_t tot)
{
	size_t per[7] = { 0 }, n = 0;

	for (size_t i = 0; i < v->nopen; i++)
		per[v->open[i].weekdag]++;
	for (day_t d = van; d <= tot; d++)
		n += per[date_weekday(d)];
	return n;
}

/* The open intervals of v over dates van..tot, checked already. */
static enum status
open_intervallen(const struct slot_vestiging *v, day_t van, day_t tot,
		 struct arena *a, int64_t (**uit)[2], size_t *n, struct err *e)
{
	size_t ruimte = open_ruimte(v, van, tot), k = 0;
	int64_t(*r)[2];

	*uit = NULL;
	*n = 0;
	if (ruimte == 0)
		return ST_OK;
	r = arena_alloc_raw(a, ruimte * sizeof *r);
	if (!r)
		return err_set(e, ST_NOMEM,
			       "Er is te weinig geheugen om de vrije tijden "
			       "te zoeken.");
	for (day_t d = van; d <= tot; d++)
		k += open_dag(v, d, r + k);
	*uit = r;
	*n = k;
	return ST_OK;
}

static bool
datum_in_bereik(day_t d)
{
	return d != DATE_NONE && d >= date_from_ymd(DATE_JAAR_MIN, 1, 1) &&
	       d <= date_from_ymd(DATE_JAAR_MAX, 12, 31);
}

enum status
slot_open_intervallen(const struct slot_vestiging *v, day_t van, day_t tot,
		      struct arena *a, int64_t (**uit)[2], size_t *n,
		      struct err *e)
{
	struct err tmp;
	struct err *p = e ? e : &tmp;
	size_t voor;

	*uit = NULL;
	*n = 0;
	if (!e)
		err_clear(&tmp);
	voor = p->nproblems + p->ndropped;
	check_vestiging(v, "", p);
	if (!datum_in_bereik(van))
		err_invalid(p, "van", "range",
			    "Geef een datum in de jaren %d tot en met %d.",
			    DATE_JAAR_MIN, DATE_JAAR_MAX);
	if (!datum_in_bereik(tot))
		err_invalid(p, "tot", "range",
			    "Geef een datum in de jaren %d tot en met %d.",
			    DATE_JAAR_MIN, DATE_JAAR_MAX);
	else if (datum_in_bereik(van) && tot < van)
		err_invalid(p, "tot", "order",
			    "De einddatum ligt niet voor de begindatum.");
	else if (datum_in_bereik(van) && tot - van >= AFSPRAAK_MAX_DAGEN)
		err_invalid(p, "tot", "too-long",
			    "Vraag hoogstens %d dagen tegelijk.",
			    AFSPRAAK_MAX_DAGEN);
	if (p->nproblems + p->ndropped != voor)
		return ST_INVALID;
	return open_intervallen(v, van, tot, a, uit, n, e);
}

/* ---- the free-slot engine ---- */

/* A held time [van, tot) of one staff member or one desk; `max` is the
 * largest tot of its list up to here, so one binary search answers
 * whether anything in the list overlaps a range. */
struct houd {
	int64_t van, tot, max;
	size_t wie; /* staff member's or desk's index */
	size_t vestiging; /* index in v, or SIZE_MAX */
};

static int
cmp_houd(const void *pa, const void *pb)
{
	const struct houd *a = pa, *b = pb;

	if (a->van != b->van)
		return a->van < b->van ? -1 : 1;
	return (a->tot > b->tot) - (a->tot < b->tot);
}

/*
 * Lists by owner into *uit: (*uit)[off[w] .. off[w + 1]) are owner w's,
 * sorted by van, each with its running max. A counting sort by owner
 * keeps the order of h, so a list given in start order (as the store
 * reads it) needs no sorting; another is sorted per owner.
 */
static enum status
houd_index(const struct houd *h, size_t nh, size_t nwie, size_t *off,
	   struct arena *a, struct houd **uit)
{
	struct houd *r = arena_alloc_raw(a, (nh + 1) * sizeof *r);

	if (!r)
		return ST_NOMEM;
	memset(off, 0, (nwie + 1) * sizeof *off);
	for (size_t i = 0; i < nh; i++)
		off[h[i].wie]++;
	for (size_t w = 1; w < nwie; w++)
		off[w] += off[w - 1];
	off[nwie] = nh;
	for (size_t i = nh; i-- > 0;)
		r[--off[h[i].wie]] = h[i];
	for (size_t w = 0; w < nwie; w++) {
		struct houd *x = r + off[w];
		size_t n = off[w + 1] - off[w];

		for (size_t i = 1; i < n; i++)
			if (x[i].van < x[i - 1].van) {
				qsort(x, n, sizeof *x, cmp_houd);
				break;
			}
		for (size_t i = 0; i < n; i++)
			x[i].max = i > 0 && x[i - 1].max > x[i].tot
					   ? x[i - 1].max
					   : x[i].tot;
	}
	*uit = r;
	return ST_OK;
}

/*
 * Whether anything of h[0..n) (sorted by van, with max) overlaps
 * [van, tot). *k counts the entries that start before tot: SIZE_MAX the
 * first time (a binary search finds it), after that it moves on, as the
 * starts of one location only grow.
 */
static bool
houd_bezet(const struct houd *h, size_t n, size_t *k, int64_t van, int64_t tot)
{
	size_t lo = *k;

	if (lo == SIZE_MAX) {
		size_t hi = n;

		lo = 0;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (h[mid].van < tot)
				lo = mid + 1;
			else
				hi = mid;
		}
	}
	while (lo < n && h[lo].van < tot)
		lo++;
	*k = lo;
	return lo > 0 && h[lo - 1].max > van;
}

/* The first of h[0..n) (sorted by van) that starts at or after t. */
static size_t
houd_vanaf(const struct houd *h, size_t n, int64_t t)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (h[mid].van < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A roster entry that can serve the request. */
struct rooster {
	int64_t van, tot;
	size_t vestiging, wie;
};

static int
cmp_rooster(const void *pa, const void *pb)
{
	const struct rooster *a = pa, *b = pb;

	if (a->vestiging != b->vestiging)
		return a->vestiging < b->vestiging ? -1 : 1;
	if (a->van != b->van)
		return a->van < b->van ? -1 : 1;
	return (a->wie > b->wie) - (a->wie < b->wie);
}

static int
cmp_i64(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;

	return (a > b) - (a < b);
}

/* Index of id in the sorted, distinct ids[0..n), or SIZE_MAX. */
static size_t
zoek_id(const int64_t *ids, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && ids[lo] == id ? lo : SIZE_MAX;
}

struct vest_id {
	int64_t id;
	size_t i;
};

static int
cmp_vest_id(const void *pa, const void *pb)
{
	const struct vest_id *a = pa, *b = pb;

	if (a->id != b->id)
		return a->id < b->id ? -1 : 1;
	return (a->i > b->i) - (a->i < b->i);
}

static size_t
zoek_vest(const struct vest_id *vi, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (vi[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && vi[lo].id == id ? vi[lo].i : SIZE_MAX;
}

/* A found slot with its location's place in v, for ordering. */
struct gevonden {
	struct slot s;
	size_t volgorde;
};

static int
cmp_gevonden(const void *pa, const void *pb)
{
	const struct gevonden *a = pa, *b = pb;

	if (a->s.start != b->s.start)
		return a->s.start < b->s.start ? -1 : 1;
	return (a->volgorde > b->volgorde) - (a->volgorde < b->volgorde);
}

/* Everything the search of one request shares. */
struct zoek {
	const struct slot_vestiging *v;
	size_t nv;
	const struct slot_vraag *q;
	int64_t laag, hoog; /* starts in [laag, hoog) */
	day_t dag_van, dag_tot;
	int64_t *mw; /* staff ids that can serve, sorted */
	size_t nmw;
	struct houd *mh; /* held times per staff member */
	size_t *mh_off;
	struct houd *bh; /* held times per desk */
	size_t *bh_off;
	size_t *balie0; /* first desk index of each location */
	struct rooster *r; /* usable roster entries by location, van */
	size_t *r_off;
	size_t *actief; /* scratch: roster entries active at a start */
	size_t *mk, *bk; /* scratch: where each list stands (houd_bezet) */
	int64_t *telling; /* scratch: bookings per staff member that day */
	day_t *telling_dag;
	struct gevonden *uit;
	size_t nuit, ruimte;
};

static enum status
geen_geheugen(struct err *e)
{
	return err_set(e, ST_NOMEM,
		       "Er is te weinig geheugen om de vrije tijden te "
		       "zoeken.");
}

static enum status
check_vraag(const struct slot_vestiging *v, size_t nv,
	    const struct slot_vraag *q, struct err *e)
{
	struct err tmp;
	struct err *p = e ? e : &tmp;
	size_t voor;

	if (!e)
		err_clear(&tmp);
	voor = p->nproblems + p->ndropped;
	for (size_t i = 0; i < nv; i++) {
		char prefix[40];

		snprintf(prefix, sizeof prefix, "vestigingen[%zu].", i);
		check_vestiging(&v[i], prefix, p);
		for (size_t j = 0; j < i; j++)
			if (v[j].id == v[i].id) {
				snprintf(prefix, sizeof prefix,
					 "vestigingen[%zu]", i);
				err_invalid(p, prefix, "duplicate",
					    "Deze vestiging staat er al.");
				break;
			}
	}
	if (q->van < instant_min() || q->van > instant_max())
		err_invalid(p, "van", "range",
			    "Geef een moment in de jaren %d tot en met %d.",
			    DATE_JAAR_MIN, DATE_JAAR_MAX);
	if (q->tot < instant_min() || q->tot > instant_max())
		err_invalid(p, "tot", "range",
			    "Geef een moment in de jaren %d tot en met %d.",
			    DATE_JAAR_MIN, DATE_JAAR_MAX);
	else if (q->van >= instant_min() && q->van <= instant_max()) {
		day_t a, z;

		afspraak_lokaal(q->van, &a, NULL);
		afspraak_lokaal(q->tot - 1, &z, NULL);
		if (q->tot <= q->van)
			err_invalid(p, "tot", "order",
				    "Het einde van de zoekperiode ligt na het "
				    "begin.");
		else if (z - a >= AFSPRAAK_MAX_DAGEN)
			err_invalid(p, "tot", "too-long",
				    "Zoek over hoogstens %d dagen tegelijk.",
				    AFSPRAAK_MAX_DAGEN);
	}
	if (q->duur < 5 || q->duur > AFSPRAAK_MAX_DUUR || q->duur % 5)
		err_invalid(p, "duur", "range",
			    "Een bezoek duurt 5 tot en met %d minuten, in "
			    "stappen van 5.",
			    AFSPRAAK_MAX_DUUR);
	if (q->buffer < 0 || q->buffer > AFSPRAAK_MAX_BUFFER || q->buffer % 5)
		err_invalid(p, "buffer", "range",
			    "De tijd na een bezoek is 0 tot en met %d "
			    "minuten, in stappen van 5.",
			    AFSPRAAK_MAX_BUFFER);
	return p->nproblems + p->ndropped != voor ? ST_INVALID : ST_OK;
}

/* The index in v of a roster entry's location when the entry can hold a
 * visit of the request in the window, else SIZE_MAX. */
static size_t
bruikbaar(const struct zoek *z, const struct vest_id *vi,
	  const struct slot_dienst *d)
{
	int64_t duur = (int64_t)z->q->duur * 60;

	if ((d->vaardigheden & z->q->vaardigheden) != z->q->vaardigheden ||
	    d->van >= z->hoog || d->tot < z->laag + duur ||
	    d->tot - d->van < duur)
		return SIZE_MAX;
	return zoek_vest(vi, z->nv, d->vestiging);
}

/*
 * Map ids, gather the usable roster entries and the held times of
 * staff and desks, each sorted once.
 */
static enum status
zoek_bouw(struct zoek *z, const struct slot_dienst *d, size_t nd,
	  const struct slot_bezet *b, size_t nb, struct arena *a)
{
	const struct slot_vraag *q = z->q;
	struct vest_id *vi = arena_calloc(a, z->nv + 1, sizeof *vi);
	int64_t p0 = afspraak_utc(z->dag_van, 0);
	int64_t p1 = afspraak_utc(z->dag_tot + 1, 0) +
		     (int64_t)(q->duur + q->buffer) * 60;
	size_t nr = 0, nbalies = 0, nmh = 0, nbh = 0, k;

	if (!vi)
		return ST_NOMEM;
	for (size_t i = 0; i < z->nv; i++) {
		vi[i].id = z->v[i].id;
		vi[i].i = i;
	}
	qsort(vi, z->nv, sizeof *vi, cmp_vest_id);

	/* Roster entries at a location searched, with every skill, that
	 * can hold a visit in the window. */
	z->r = arena_calloc(a, nd + 1, sizeof *z->r);
	z->mw = arena_calloc(a, nd + 1, sizeof *z->mw);
	if (!z->r || !z->mw)
		return ST_NOMEM;
	for (size_t i = 0; i < nd; i++) {
		size_t vx = bruikbaar(z, vi, &d[i]);

		if (vx == SIZE_MAX)
			continue;
		z->r[nr].van = d[i].van;
		z->r[nr].tot = d[i].tot;
		z->r[nr].vestiging = vx;
		z->mw[nr] = d[i].medewerker;
		nr++;
	}
	qsort(z->mw, nr, sizeof *z->mw, cmp_i64);
	k = 0;
	for (size_t i = 0; i < nr; i++)
		if (k == 0 || z->mw[k - 1] != z->mw[i])
			z->mw[k++] = z->mw[i];
	z->nmw = k;
	/* The entries' staff ids were copied in order; map them now. */
	k = 0;
	for (size_t i = 0; i < nd; i++)
		if (bruikbaar(z, vi, &d[i]) != SIZE_MAX)
			z->r[k++].wie = zoek_id(z->mw, z->nmw, d[i].medewerker);
	qsort(z->r, nr, sizeof *z->r, cmp_rooster);
	z->r_off = arena_calloc(a, z->nv + 1, sizeof *z->r_off);
	if (!z->r_off)
		return ST_NOMEM;
	k = 0;
	for (size_t l = 0; l <= z->nv; l++) {
		while (k < nr && z->r[k].vestiging < l)
			k++;
		z->r_off[l] = k;
	}

	z->balie0 = arena_calloc(a, z->nv + 1, sizeof *z->balie0);
	if (!z->balie0)
		return ST_NOMEM;
	for (size_t l = 0; l < z->nv; l++) {
		z->balie0[l] = nbalies;
		nbalies += (size_t)z->v[l].balies;
	}
	z->balie0[z->nv] = nbalies;

	/* Held times that matter: of staff who can serve, and of the
	 * desks searched, that touch the days of the window. */
	z->mh = arena_alloc_raw(a, (nb + 1) * sizeof *z->mh);
	z->bh = arena_alloc_raw(a, (nb + 1) * sizeof *z->bh);
	z->mh_off = arena_calloc(a, z->nmw + 1, sizeof *z->mh_off);
	z->bh_off = arena_calloc(a, nbalies + 1, sizeof *z->bh_off);
	z->actief = arena_calloc(a, nr + 1, sizeof *z->actief);
	z->telling = arena_calloc(a, z->nmw + 1, sizeof *z->telling);
	z->telling_dag = arena_calloc(a, z->nmw + 1, sizeof *z->telling_dag);
	z->mk = arena_calloc(a, z->nmw + 1, sizeof *z->mk);
	z->bk = arena_calloc(a, nbalies + 1, sizeof *z->bk);
	if (!z->mh || !z->bh || !z->mh_off || !z->bh_off || !z->actief ||
	    !z->telling || !z->telling_dag || !z->mk || !z->bk)
		return ST_NOMEM;
	for (size_t i = 0; i < nb; i++) {
		const struct slot_bezet *x = &b[i];
		size_t vx, w;

		if (x->van >= x->tot || x->tot <= p0 || x->van >= p1)
			continue;
		vx = zoek_vest(vi, z->nv, x->vestiging);
		w = zoek_id(z->mw, z->nmw, x->medewerker);
		if (w != SIZE_MAX) {
			z->mh[nmh] = (struct houd){ x->van, x->tot, 0, w, vx };
			nmh++;
		}
		if (vx != SIZE_MAX && x->balie >= 1 &&
		    x->balie <= z->v[vx].balies) {
			z->bh[nbh] = (struct houd){
				x->van, x->tot, 0,
				z->balie0[vx] + (size_t)(x->balie - 1), vx
			};
			nbh++;
		}
	}
	if (houd_index(z->mh, nmh, z->nmw, z->mh_off, a, &z->mh) != ST_OK ||
	    houd_index(z->bh, nbh, nbalies, z->bh_off, a, &z->bh) != ST_OK)
		return ST_NOMEM;
	return ST_OK;
}

/* Bookings of staff member w at location l starting on day [a, b). */
static int64_t
telling(const struct zoek *z, size_t w, size_t l, int64_t a, int64_t b)
{
	const struct houd *h = z->mh + z->mh_off[w];
	size_t n = z->mh_off[w + 1] - z->mh_off[w];
	int64_t c = 0;

	for (size_t i = houd_vanaf(h, n, a); i < n && h[i].van < b; i++)
		c += h[i].vestiging == l;
	return c;
}

/* The free times at location l, in start order. */
static enum status
zoek_vestiging(struct zoek *z, size_t l, struct arena *a, struct err *e)
{
	const struct slot_vestiging *v = &z->v[l];
	const struct slot_vraag *q = z->q;
	int64_t duur = (int64_t)q->duur * 60;
	int64_t houd = duur + (int64_t)q->buffer * 60;
	int64_t stap = (int64_t)v->raster * 60;
	int64_t(*iv)[2];
	size_t niv, p = z->r_off[l], pe = z->r_off[l + 1], nact = 0;
	day_t dag = DATE_NONE;
	int64_t dag_a = 0, dag_b = 0;
	enum status st;

	if (p == pe)
		return ST_OK; /* nobody rostered who can serve */
	/* Counts per day and list positions are per location. */
	for (size_t i = 0; i < z->nmw; i++) {
		z->telling_dag[i] = DATE_NONE;
		z->mk[i] = SIZE_MAX;
	}
	for (size_t i = z->balie0[l]; i < z->balie0[l + 1]; i++)
		z->bk[i] = SIZE_MAX;
	st = open_intervallen(v, z->dag_van, z->dag_tot, a, &iv, &niv, e);
	if (st != ST_OK)
		return st;
	for (size_t i = 0; i < niv; i++) {
		int64_t s = iv[i][0];

		if (s < z->laag)
			s += (z->laag - s + stap - 1) / stap * stap;
		for (; s < z->hoog && s + duur <= iv[i][1]; s += stap) {
			int64_t kies = 0, beste = 0;
			size_t wie = SIZE_MAX, k = 0;

			/* The roster entries holding [s, s + duur). */
			while (p < pe && z->r[p].van <= s)
				z->actief[nact++] = p++;
			for (size_t j = 0; j < nact; j++)
				if (z->r[z->actief[j]].tot >= s + duur)
					z->actief[k++] = z->actief[j];
			nact = k;
			if (nact == 0)
				continue;
			if (s >= dag_b || s < dag_a) {
				afspraak_lokaal(s, &dag, NULL);
				dag_a = afspraak_utc(dag, 0);
				dag_b = afspraak_utc(dag + 1, 0);
			}
			for (size_t j = 0; j < nact; j++) {
				size_t w = z->r[z->actief[j]].wie;
				const struct houd *h = z->mh + z->mh_off[w];
				int64_t c;

				if (houd_bezet(h,
					       z->mh_off[w + 1] - z->mh_off[w],
					       &z->mk[w], s, s + houd))
					continue;
				if (z->telling_dag[w] != dag) {
					z->telling[w] =
						telling(z, w, l, dag_a, dag_b);
					z->telling_dag[w] = dag;
				}
				c = z->telling[w];
				if (wie == SIZE_MAX || c < beste ||
				    (c == beste && z->mw[w] < kies)) {
					wie = w;
					beste = c;
					kies = z->mw[w];
				}
			}
			if (wie == SIZE_MAX)
				continue;
			for (int balie = 1; balie <= v->balies; balie++) {
				size_t bx = z->balie0[l] + (size_t)(balie - 1);

				if (houd_bezet(z->bh + z->bh_off[bx],
					       z->bh_off[bx + 1] -
						       z->bh_off[bx],
					       &z->bk[bx], s, s + houd))
					continue;
				if (z->nuit == z->ruimte) {
					size_t nieuw =
						z->ruimte ? 2 * z->ruimte : 256;
					struct gevonden *g =
						arena_grow(a, z->uit, z->nuit,
							   nieuw, sizeof *g);

					if (!g)
						return geen_geheugen(e);
					z->uit = g;
					z->ruimte = nieuw;
				}
				z->uit[z->nuit++] = (struct gevonden){
					{ v->id, s, s + duur, kies, balie }, l
				};
				break;
			}
		}
	}
	return ST_OK;
}

enum status
slot_zoek(const struct slot_vestiging *v, size_t nv,
	  const struct slot_dienst *d, size_t nd, const struct slot_bezet *b,
	  size_t nb, const struct slot_vraag *q, struct arena *a,
	  struct slot **uit, size_t *n, struct err *e)
{
	struct zoek z;
	enum status st;

	*uit = NULL;
	*n = 0;
	if ((nv && !v) || (nd && !d) || (nb && !b) || !q)
		return err_internal(e, "slot_zoek: NULL array");
	st = check_vraag(v, nv, q, e);
	if (st != ST_OK)
		return st;
	memset(&z, 0, sizeof z);
	z.v = v;
	z.nv = nv;
	z.q = q;
	z.laag = q->van > q->vroegst ? q->van : q->vroegst;
	z.hoog = q->tot < q->laatst ? q->tot : q->laatst;
	if (nv == 0 || z.laag >= z.hoog)
		return ST_OK;
	afspraak_lokaal(z.laag, &z.dag_van, NULL);
	afspraak_lokaal(z.hoog - 1, &z.dag_tot, NULL);
	st = zoek_bouw(&z, d, nd, b, nb, a);
	if (st != ST_OK)
		return geen_geheugen(e);
	for (size_t l = 0; l < nv; l++) {
		st = zoek_vestiging(&z, l, a, e);
		if (st != ST_OK)
			return st;
	}
	if (z.nuit == 0)
		return ST_OK;
	if (nv > 1)
		qsort(z.uit, z.nuit, sizeof *z.uit, cmp_gevonden);
	*uit = arena_alloc_raw(a, z.nuit * sizeof **uit);
	if (!*uit)
		return geen_geheugen(e);
	for (size_t i = 0; i < z.nuit; i++)
		(*uit)[i] = z.uit[i].s;
	*n = z.nuit;
	return ST_OK;
}

/* ---- skills ---- */

/* A code of a list ends at a comma, a space or the end. */
static size_t
code_len(const char *s)
{
	size_t n = 0;

	while (s[n] && s[n] != ',' && s[n] != ' ')
		n++;
	return n;
}

enum status
vaardigheden_bits(const char *lijst, const char **names, size_t *nnames,
		  uint64_t *bits, struct err *e)
{
	uint64_t r = 0;

	*bits = 0;
	for (const char *p = lijst ? lijst : ""; *p;) {
		size_t n = code_len(p), i;

		if (n == 0) {
			p++;
			continue;
		}
		for (i = 0; i < *nnames; i++)
			if (code_len(names[i]) == n &&
			    memcmp(names[i], p, n) == 0)
				break;
		if (i == *nnames) {
			if (*nnames >= AFSPRAAK_MAX_VAARDIGHEDEN)
				return err_invalid(
					e, "vaardigheden", "too-many",
					"Gebruik hoogstens %d verschillende "
					"vaardigheden.",
					AFSPRAAK_MAX_VAARDIGHEDEN);
			names[(*nnames)++] = p;
		}
		r |= (uint64_t)1 << i;
		p += n;
	}
	*bits = r;
	return ST_OK;
}

/* ---- names of channels and states ---- */

static const char *const kanaal_names[] = { "fysiek", "video" };

const char *
kanaal_name(enum kanaal k)
{
	return (unsigned)k < 2 ? kanaal_names[k] : "?";
}

int
kanaal_parse(const char *s, enum kanaal *out)
{
	for (int i = 0; s && i < 2; i++)
		if (strcmp(kanaal_names[i], s) == 0) {
			*out = (enum kanaal)i;
			return 0;
		}
	return -1;
}

static const char *const status_names[] = {
	"geboekt", "geannuleerd", "aanwezig", "geholpen", "niet_verschenen",
};
#define NSTATUS (sizeof status_names / sizeof *status_names)

const char *
afspraak_status_name(enum afspraak_status s)
{
	return (unsigned)s < NSTATUS ? status_names[s] : "?";
}

int
afspraak_status_parse(const char *s, enum afspraak_status *out)
{
	for (size_t i = 0; s && i < NSTATUS; i++)
		if (strcmp(status_names[i], s) == 0) {
			*out = (enum afspraak_status)i;
			return 0;
		}
	return -1;
}

const char *
afspraak_status_overgang(enum afspraak_status van, enum afspraak_status naar,
			 int64_t start, int64_t nu)
{
	day_t dag, vandaag;
	int m;

	if (van == AS_GEANNULEERD)
		return "Deze afspraak is geannuleerd; de status kan niet meer "
		       "veranderen.";
	if (naar == AS_GEANNULEERD)
		return "Annuleren gaat niet met een status; annuleer de "
		       "afspraak zelf.";
	if (van == naar)
		return "De afspraak heeft deze status al.";
	afspraak_lokaal(start, &dag, &m);
	afspraak_lokaal(nu, &vandaag, &m);
	if (dag > vandaag)
		return "Deze afspraak is pas op een latere dag; dat kan pas "
		       "op de dag zelf.";
	switch (naar) {
	case AS_AANWEZIG:
		return van == AS_GEBOEKT || van == AS_GEHOLPEN ||
				       van == AS_NIET_VERSCHENEN
			       ? NULL
			       : "Dit kan niet.";
	case AS_GEHOLPEN:
		return van == AS_GEBOEKT || van == AS_AANWEZIG
			       ? NULL
			       : "Meld de bezoeker eerst aanwezig.";
	case AS_NIET_VERSCHENEN:
		if (van != AS_GEBOEKT)
			return "Alleen een afspraak waarvoor nog niemand is "
			       "gekomen, kan niet verschenen zijn.";
		return nu < start ? "De afspraak is nog niet begonnen; "
				    "niet verschenen kan pas vanaf de "
				    "begintijd."
				  : NULL;
	case AS_GEBOEKT:
		return van == AS_AANWEZIG || van == AS_NIET_VERSCHENEN
			       ? NULL
			       : "Zet een geholpen bezoeker eerst terug op "
				 "aanwezig.";
	default:
		return "Dit kan niet.";
	}
}

int64_t
afspraak_honderdsten(int64_t minuten)
{
	return (minuten * 100 + 30) / 60;
}

/* ---- reference codes ---- */

/* 32 characters: the digits 2-9 and the letters without I and O (with
 * 0, 1, I and O gone, L reads as nothing else). */
static const char referentie_abc[32] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

void
afspraak_referentie(const uint8_t rnd[5], char *buf)
{
	uint64_t v = 0;

	for (int i = 0; i < 5; i++)
		v = v << 8 | rnd[i];
	for (int i = AFSPRAAK_REFERENTIE_LEN - 1; i >= 0; i--) {
		buf[i] = referentie_abc[v & 31];
		v >>= 5;
	}
	buf[AFSPRAAK_REFERENTIE_LEN] = '\0';
}

bool
afspraak_referentie_geldig(const char *s)
{
	if (!s)
		return false;
	for (int i = 0; i < AFSPRAAK_REFERENTIE_LEN; i++) {
		char c = s[i];

		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c == '\0' || !memchr(referentie_abc, c, 32))
			return false;
	}
	return s[AFSPRAAK_REFERENTIE_LEN] == '\0';
}

/* ---- checks of what people enter ---- */

enum status
afspraak_check_email(const char *s, const char *field, struct err *e)
{
	const char *at, *dot, *p;
	size_t n = s ? strlen(s) : 0;

	if (n == 0)
		return err_invalid(e, field, "required",
				   "Vul een e-mailadres in.");
	if (!text_utf8_valid(s, n))
		return err_invalid(e, field, "format",
				   "Vul een geldig e-mailadres in, zoals "
				   "naam@voorbeeld.nl.");
	if (text_chars(s) > AFSPRAAK_MAX_EMAIL)
		return text_check_max(s, field, AFSPRAAK_MAX_EMAIL, e);
	at = strchr(s, '@');
	for (p = s; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f ||
		    strchr("()<>[]\\,;:\"", *p))
			break;
	dot = at ? strchr(at + 1, '.') : NULL;
	if (*p || !at || at == s || strchr(at + 1, '@') || !dot ||
	    dot == at + 1 || s[n - 1] == '.' || strstr(at, "..") ||
	    at[-1] == '.' || s[0] == '.')
		return err_invalid(e, field, "format",
				   "Vul een geldig e-mailadres in, zoals "
				   "naam@voorbeeld.nl.");
	return ST_OK;
}

enum status
afspraak_check_telefoon(const char *s, const char *field, struct err *e)
{
	size_t n = s ? strlen(s) : 0, cijfers = 0;

	if (n == 0)
		return err_invalid(e, field, "required",
				   "Vul een telefoonnummer in.");
	if (!text_utf8_valid(s, n))
		return err_invalid(e, field, "format",
				   "Gebruik in een telefoonnummer alleen "
				   "cijfers, spaties, streepjes en een + "
				   "vooraan.");
	if (text_chars(s) > AFSPRAAK_MAX_TELEFOON)
		return text_check_max(s, field, AFSPRAAK_MAX_TELEFOON, e);
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			cijfers++;
		else if (s[i] != ' ' && s[i] != '-' && !(s[i] == '+' && i == 0))
			return err_invalid(e, field, "format",
					   "Gebruik in een telefoonnummer "
					   "alleen cijfers, spaties, streepjes "
					   "en een + vooraan.");
	}
	if (cijfers < 10 || cijfers > 15)
		return err_invalid(e, field, "digits",
				   "Een telefoonnummer heeft 10 tot en met 15 "
				   "cijfers.");
	return ST_OK;
}

static bool
code_teken(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
	       c == '-';
}

enum status
afspraak_check_vaardigheden(const char *s, const char *field, struct err *e)
{
	const char *names[AFSPRAAK_MAX_VAARDIGHEDEN];
	size_t nnames = 0, n = 0;

	if (!s || !*s)
		return ST_OK;
	for (const char *p = s;; p++) {
		if (*p == ',' || *p == '\0') {
			if (n == 0 || n > 32)
				return err_invalid(
					e, field, "format",
					"Geef vaardigheden als codes van 1 tot "
					"en met 32 kleine letters, cijfers, - "
					"of _, gescheiden door komma's.");
			if (*p == '\0')
				break;
			n = 0;
		} else if (code_teken(*p)) {
			n++;
		} else {
			return err_invalid(e, field, "format",
					   "Geef vaardigheden als codes van 1 "
					   "tot en met 32 kleine letters, "
					   "cijfers, - of _, gescheiden door "
					   "komma's.");
		}
	}
	for (const char *p = s; *p;) {
		size_t k = code_len(p), i;

		for (i = 0; i < nnames; i++)
			if (code_len(names[i]) == k &&
			    memcmp(names[i], p, k) == 0)
				break;
		if (i == nnames) {
			if (nnames == AFSPRAAK_MAX_VAARDIGHEDEN)
				return err_invalid(
					e, field, "too-many",
					"Gebruik hoogstens %d verschillende "
					"vaardigheden.",
					AFSPRAAK_MAX_VAARDIGHEDEN);
			names[nnames++] = p;
		}
		p += k;
		if (*p == ',')
			p++;
	}
	return ST_OK;
}

enum status
afspraak_check_code(const char *s, const char *field, struct err *e)
{
	size_t n = s ? strlen(s) : 0;

	if (n == 0)
		return err_invalid(e, field, "required", "Vul een code in.");
	for (size_t i = 0; i < n; i++)
		if (!code_teken(s[i]))
			return err_invalid(e, field, "format",
					   "Een code bestaat uit kleine "
					   "letters, cijfers, - en _.");
	if (n > AFSPRAAK_MAX_CODE)
		return text_check_max(s, field, AFSPRAAK_MAX_CODE, e);
	return ST_OK;
}

/*
 * The digits of a telephone number as typed, the Dutch country code
 * written as 0 (+31 6..., 0031 6... and 06... are one number), into buf;
 * false when it holds anything but digits, spaces, -, +, (, ) and dots,
 * or no digit, or more than fits.
 */
static bool
telefoon_cijfers(const char *s, char *buf, size_t n)
{
	size_t k = 0;
	const char *p = s + strspn(s, " ");
	bool plus = *p == '+';

	for (p = s; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (k + 1 >= n)
				return false;
			buf[k++] = *p;
		} else if (!strchr(" -+().", *p)) {
			return false;
		}
	}
	buf[k] = '\0';
	if (k == 0)
		return false;
	if (plus && strncmp(buf, "31", 2) == 0) {
		memmove(buf + 1, buf + 2, k - 1);
		buf[0] = '0';
	} else if (strncmp(buf, "0031", 4) == 0) {
		memmove(buf + 1, buf + 4, k - 3);
	}
	return true;
}

bool
afspraak_contact_past(const char *gegeven, const char *email,
		      const char *telefoon)
{
	char t[64], a[64], b[64];
	size_t n;

	if (!gegeven)
		return false;
	gegeven += strspn(gegeven, " \t");
	n = strlen(gegeven);
	while (n > 0 && (gegeven[n - 1] == ' ' || gegeven[n - 1] == '\t'))
		n--;
	if (n == 0)
		return false;
	if (memchr(gegeven, '@', n))
		return email && strlen(email) == n &&
		       strncasecmp(gegeven, email, n) == 0;
	if (!telefoon || n >= sizeof t)
		return false;
	memcpy(t, gegeven, n);
	t[n] = '\0';
	return telefoon_cijfers(t, a, sizeof a) &&
	       telefoon_cijfers(telefoon, b, sizeof b) && strcmp(a, b) == 0;
}

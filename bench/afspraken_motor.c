/*
 * afspraken_motor.c - Easy!Appointments' scenario through the store, for
 * bench/afspraken.sh. Two modes:
 *
 *   afspraken_motor vul --db DB --nu INSTANT --gemeente CODE
 *       --vestiging CODE --product CODE
 *       [--verleden VAN:TOT:N] [--toekomst VAN:TOT:N] [--seed S]
 *
 * books N appointments on the free times from VAN to TOT (dates, both
 * included) of the location, through store_afspraak_add, all in one
 * transaction: a past period with the store's clock set a day before
 * each appointment (as if it had been booked then), a future one with
 * the clock at INSTANT. The times are the location's free starts, each
 * counted as many times as the location has desks; exactly N of them
 * are chosen (selection sampling with a fixed generator: the same
 * arguments give the same appointments, reference codes included).
 * Prints {"verleden": n, "toekomst": n, "seconden": s}.
 *
 *   afspraken_motor zoek --db DB --nu INSTANT --gemeente CODE
 *       --vestiging CODE --product CODE --van DATE --tot DATE
 *       [--rondes N]
 *
 * times the free-time search for one product and one person from VAN to
 * TOT at the location, N rounds (default 200) after 10 unmeasured ones:
 * store_vrije_tijden (the queries and the engine, as the server does
 * it), and the engine alone (slot_zoek) on the same input read once
 * through the store's public functions. Prints {"dagen", "rondes",
 * "vrij", "store_ms": {"p50", "p99", "min"}, "motor_ms": {...}} with the
 * number of free times found, which both must agree on.
 *
 * Exit status 0 done, 1 a failure of the store (message on stderr), 2 a
 * bad argument.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/core/afspraak.h"
#include "../src/core/arena.h"
#include "../src/core/date.h"
#include "../src/core/err.h"
#include "../src/store/store.h"

#define ARENA (256u << 20)
#define MAX_RONDES 100000
#define MAX_AFSPRAKEN 1000000L
#define VENSTER 60 /* days of free times read at once */

static double
nu(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* A fixed generator (64-bit LCG, Knuth's MMIX constants): the same seed
 * gives the same appointments on every machine. */
static uint64_t toestand;

static uint32_t
volgend(void)
{
	toestand = toestand * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(toestand >> 32);
}

/* Uniform in [0, n), n > 0. */
static uint64_t
onder(uint64_t n)
{
	uint64_t r = ((uint64_t)volgend() << 32) | volgend();

	return r % n;
}

struct args {
	const char *db, *gemeente, *vestiging, *product;
	int64_t nu;
	day_t van, tot;
	day_t periode_van[2], periode_tot[2];
	long periode_n[2]; /* 0: past, 1: future */
	long rondes;
	uint64_t seed;
};

static int
fout(const char *fmt, const char *s)
{
	fprintf(stderr, "afspraken_motor: ");
	fprintf(stderr, fmt, s);
	fputc('\n', stderr);
	return 2;
}

static bool
datum(const char *s, day_t *d)
{
	return s && strlen(s) == 10 && date_parse(s, d) == 0;
}

/* "VAN:TOT:N" */
static bool
periode(const char *s, day_t *van, day_t *tot, long *n)
{
	char a[11], b[11];
	char *end;

	if (strlen(s) < 23 || s[10] != ':' || s[21] != ':')
		return false;
	memcpy(a, s, 10);
	a[10] = '\0';
	memcpy(b, s + 11, 10);
	b[10] = '\0';
	*n = strtol(s + 22, &end, 10);
	return !*end && *n >= 0 && *n <= MAX_AFSPRAKEN && datum(a, van) &&
	       datum(b, tot) && *van <= *tot;
}

static int
lees_args(int argc, char **argv, struct args *x)
{
	x->rondes = 200;
	x->seed = 1;
	x->van = x->tot = DATE_NONE;
	for (int i = 0; i < 2; i++)
		x->periode_van[i] = x->periode_tot[i] = DATE_NONE;
	for (int i = 2; i < argc; i++) {
		const char *k = argv[i], *w = i + 1 < argc ? argv[i + 1] : NULL;
		char *end;

		if (!w)
			return fout("%s vraagt een waarde", k);
		i++;
		if (!strcmp(k, "--db")) {
			x->db = w;
		} else if (!strcmp(k, "--gemeente")) {
			x->gemeente = w;
		} else if (!strcmp(k, "--vestiging")) {
			x->vestiging = w;
		} else if (!strcmp(k, "--product")) {
			x->product = w;
		} else if (!strcmp(k, "--nu")) {
			if (date_parse_instant(w, &x->nu) != 0)
				return fout("--nu is een tijdstip als "
					    "2026-11-23T07:00:00+01:00, niet "
					    "'%s'",
					    w);
		} else if (!strcmp(k, "--van") || !strcmp(k, "--tot")) {
			if (!datum(w, k[2] == 'v' ? &x->van : &x->tot))
				return fout("%s is een datum JJJJ-MM-DD", k);
		} else if (!strcmp(k, "--verleden") ||
			   !strcmp(k, "--toekomst")) {
			int p = k[2] == 't';

			if (!periode(w, &x->periode_van[p], &x->periode_tot[p],
				     &x->periode_n[p]))
				return fout("%s is VAN:TOT:N (datums, N van 0 "
					    "tot en met 1000000)",
					    k);
		} else if (!strcmp(k, "--rondes")) {
			x->rondes = strtol(w, &end, 10);
			if (*end || x->rondes < 1 || x->rondes > MAX_RONDES)
				return fout("--rondes is 1 tot en met 100000, "
					    "niet '%s'",
					    w);
		} else if (!strcmp(k, "--seed")) {
			x->seed = strtoull(w, &end, 10);
			if (*end || !*w)
				return fout("--seed is een geheel getal, niet "
					    "'%s'",
					    w);
		} else {
			return fout("onbekende optie %s", k);
		}
	}
	if (!x->db || !x->gemeente || !x->vestiging || !x->product || !x->nu)
		return fout("%s", "noem --db, --nu, --gemeente, --vestiging en "
				  "--product");
	return 0;
}

static int
store_fout(const char *wat, const struct err *e)
{
	fprintf(stderr, "afspraken_motor: %s: %s\n", wat, e->message);
	for (size_t i = 0; i < e->nproblems; i++)
		fprintf(stderr, "  %s: %s\n", e->problems[i].name,
			e->problems[i].reason);
	return 1;
}

/* ---- vul ---- */

/* Every free start of the location from van to tot, ascending. */
static int
vrije_starts(struct store *s, const struct args *x,
	     const struct afspraak_vraag *q, day_t van, day_t tot,
	     int64_t **uit, size_t *n)
{
	size_t cap = 0;

	*uit = NULL;
	*n = 0;
	for (day_t d = van; d <= tot; d += VENSTER) {
		day_t eind = d + VENSTER - 1 < tot ? d + VENSTER - 1 : tot;
		struct arena a;
		struct err e;
		struct slot *sl;
		size_t ns;

		/* As seen the day before: notice and horizon allow it all. */
		store_set_clock(s, afspraak_utc(d, 0) - 86400);
		arena_init(&a, ARENA);
		err_clear(&e);
		if (store_vrije_tijden(s, q, d, eind, &a, &sl, &ns, &e)) {
			arena_free(&a);
			return store_fout("vrije tijden", &e);
		}
		if (*n + ns > cap) {
			int64_t *nieuw;

			cap = (*n + ns) * 2 + 1024;
			if (!(nieuw = realloc(*uit, cap * sizeof(*nieuw)))) {
				arena_free(&a);
				fprintf(stderr, "afspraken_motor: geen "
						"geheugen\n");
				return 1;
			}
			*uit = nieuw;
		}
		for (size_t i = 0; i < ns; i++)
			(*uit)[(*n)++] = sl[i].start;
		arena_free(&a);
	}
	(void)x;
	return 0;
}

static int
boek(struct store *s, const struct args *x, const struct afspraak_vraag *q,
     int64_t start, long volgnummer)
{
	char naam[64], email[64], ref[AFSPRAAK_REFERENTIE_LEN + 1];
	struct afspraak_boeking b = { .vraag = *q, .start = start };
	struct afspraak uit;
	bool opnieuw;

	snprintf(naam, sizeof(naam), "Inwoner %ld", volgnummer);
	snprintf(email, sizeof(email), "inwoner-%ld@example.nl", volgnummer);
	b.naam = naam;
	b.email = email;
	for (int poging = 0; poging < 10; poging++) {
		struct arena a;
		struct err e;
		uint8_t rnd[5];
		enum status st;

		for (int i = 0; i < 5; i++)
			rnd[i] = (uint8_t)volgend();
		afspraak_referentie(rnd, ref);
		b.referentie = ref;
		arena_init(&a, ARENA);
		err_clear(&e);
		st = store_afspraak_add(s, &b, &a, &uit, &opnieuw, &e);
		arena_free(&a);
		if (st == ST_OK)
			return 0;
		/* A code drawn twice: draw another. */
		if (st != ST_CONFLICT || !e.nproblems ||
		    strcmp(e.problems[0].name, "referentie") != 0)
			return store_fout("boeken", &e);
	}
	(void)x;
	fprintf(stderr, "afspraken_motor: tien keer een bezette referentie\n");
	return 1;
}

static int
vul(struct store *s, const struct args *x)
{
	struct afspraak_regel regel = { .product = x->product, .personen = 1 };
	struct afspraak_vraag q = { .gemeente = x->gemeente,
				    .regels = &regel,
				    .nregels = 1,
				    .kanaal = KANAAL_FYSIEK,
				    .vestiging = x->vestiging };
	struct vestiging v;
	struct arena a;
	struct err e;
	long geboekt[2] = { 0, 0 }, volgnummer = 0;
	double t0 = nu();
	day_t vandaag;
	int minuut, rc;

	arena_init(&a, ARENA);
	err_clear(&e);
	store_set_clock(s, x->nu);
	afspraak_lokaal(x->nu, &vandaag, &minuut);
	if (store_vestiging_get(s, x->vestiging, vandaag, &a, &v, &e)) {
		arena_free(&a);
		return store_fout("vestiging", &e);
	}
	toestand = x->seed;
	err_clear(&e);
	if (store_begin(s, &e)) {
		arena_free(&a);
		return store_fout("begin", &e);
	}
	for (int p = 0; p < 2; p++) {
		int64_t *starts;
		size_t n;
		uint64_t plaatsen, nodig;

		if (x->periode_van[p] == DATE_NONE)
			continue;
		if ((rc = vrije_starts(s, x, &q, x->periode_van[p],
				       x->periode_tot[p], &starts, &n)))
			goto mis;
		/* Each start as often as there are desks; exactly N of
		 * those places chosen, each with the same chance. */
		plaatsen = (uint64_t)n * (uint64_t)v.balies;
		nodig = (uint64_t)x->periode_n[p];
		if (nodig > plaatsen) {
			fprintf(stderr,
				"afspraken_motor: %llu afspraken gevraagd, "
				"maar er zijn maar %llu plaatsen\n",
				(unsigned long long)nodig,
				(unsigned long long)plaatsen);
			free(starts);
			rc = 1;
			goto mis;
		}
		for (uint64_t i = 0; i < plaatsen && nodig; i++) {
			int64_t start = starts[i / (uint64_t)v.balies];

			if (onder(plaatsen - i) >= nodig)
				continue;
			nodig--;
			store_set_clock(s, p == 0 ? start - 86400 : x->nu);
			if ((rc = boek(s, x, &q, start, ++volgnummer))) {
				free(starts);
				goto mis;
			}
			geboekt[p]++;
		}
		free(starts);
	}
	err_clear(&e);
	if (store_commit(s, &e)) {
		arena_free(&a);
		return store_fout("commit", &e);
	}
	arena_free(&a);
	printf("{\"verleden\": %ld, \"toekomst\": %ld, \"seconden\": %.3f}\n",
	       geboekt[0], geboekt[1], nu() - t0);
	return 0;
mis:
	store_rollback(s);
	arena_free(&a);
	return rc;
}

/* ---- zoek ---- */

static int
cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The nearest-rank percentile p of sorted v[0..n), in ms. */
static double
pct(const double *v, size_t n, int p)
{
	size_t k = ((size_t)p * n + 99) / 100;

	return v[k ? k - 1 : 0] * 1000;
}

/* A staff number as a small id, the same for the same number. */
static int64_t
mw_id(const char **nummers, size_t *n, const char *nummer)
{
	for (size_t i = 0; i < *n; i++)
		if (!strcmp(nummers[i], nummer))
			return (int64_t)i + 1;
	nummers[*n] = nummer;
	return (int64_t)++ * n;
}

/* The engine's input, read through the store's public functions. */
struct invoer {
	struct slot_vestiging v;
	struct slot_dienst *d;
	size_t nd;
	struct slot_bezet *b;
	size_t nb;
	struct slot_vraag q;
};

static int
invoer_lees(struct store *s, const struct args *x, struct arena *a,
	    struct invoer *in)
{
	struct vestiging v;
	struct balieproduct p;
	struct dienst_filter f = { .vestiging = x->vestiging,
				   .van = x->van - 1,
				   .tot = x->tot };
	struct dienst *d;
	struct err e;
	const char *namen[AFSPRAAK_MAX_VAARDIGHEDEN];
	const char **nummers;
	size_t nnamen = 0, nnummers = 0, nd, cap = 0;
	uint64_t bits;

	err_clear(&e);
	if (store_vestiging_get(s, x->vestiging, x->van, a, &v, &e) ||
	    store_balieproduct_get(s, x->gemeente, x->product, a, &p, &e) ||
	    store_dienst_list(s, &f, a, &d, &nd, &e))
		return store_fout("invoer", &e);
	if (vaardigheden_bits(p.vaardigheden, namen, &nnamen, &bits, &e))
		return store_fout("vaardigheden", &e);
	in->v = (struct slot_vestiging){
		.id = v.id,
		.balies = v.balies,
		.raster = v.raster,
		.goede_vrijdag = v.goede_vrijdag_dicht,
		.bevrijdingsdag = v.bevrijdingsdag_dicht,
		.open = v.open,
		.nopen = v.nopen,
		.sluitingen = v.sluitingen,
		.nsluitingen = v.nsluitingen,
	};
	nummers = arena_calloc(a, nd + 4096, sizeof(*nummers));
	in->d = arena_calloc(a, nd ? nd : 1, sizeof(*in->d));
	if (!nummers || !in->d)
		return fout("%s", "geen geheugen");
	for (size_t i = 0; i < nd; i++) {
		uint64_t db = 0;

		if (vaardigheden_bits(d[i].vaardigheden, namen, &nnamen, &db,
				      &e))
			return store_fout("vaardigheden", &e);
		in->d[in->nd++] = (struct slot_dienst){
			.medewerker =
				mw_id(nummers, &nnummers, d[i].medewerker),
			.vestiging = v.id,
			.van = afspraak_utc(d[i].datum, d[i].van),
			.tot = afspraak_utc(d[i].datum, d[i].tot),
			.vaardigheden = db,
		};
	}
	for (day_t dag = x->van - 1; dag <= x->tot; dag++) {
		struct afspraak *l;
		size_t nl;

		if (store_afspraak_list(s, x->gemeente, x->vestiging, dag, a,
					&l, &nl, &e))
			return store_fout("afspraken", &e);
		for (size_t i = 0; i < nl; i++) {
			if (l[i].status == AS_GEANNULEERD || !l[i].medewerker)
				continue;
			if (in->nb == cap) {
				struct slot_bezet *nieuw;

				cap = cap ? cap * 2 : 1024;
				nieuw = arena_calloc(a, cap, sizeof(*nieuw));
				if (!nieuw)
					return fout("%s", "geen geheugen");
				if (in->nb)
					memcpy(nieuw, in->b,
					       in->nb * sizeof(*nieuw));
				in->b = nieuw;
			}
			if (nnummers == nd + 4096)
				return fout("%s", "te veel medewerkers");
			in->b[in->nb++] = (struct slot_bezet){
				.medewerker = mw_id(nummers, &nnummers,
						    l[i].medewerker),
				.vestiging = v.id,
				.balie = l[i].balie,
				.van = l[i].start,
				.tot = l[i].eind + 60 * (int64_t)p.buffer,
			};
		}
	}
	in->q = (struct slot_vraag){
		.van = afspraak_utc(x->van, 0),
		.tot = afspraak_utc(x->tot + 1, 0),
		.vroegst = x->nu + 60 * (int64_t)p.voorbereiding,
		.laatst = x->nu + 86400 * (int64_t)p.horizon,
		.duur = p.duur,
		.buffer = p.buffer,
		.vaardigheden = bits,
	};
	return 0;
}

static int
zoek(struct store *s, const struct args *x)
{
	struct afspraak_regel regel = { .product = x->product, .personen = 1 };
	struct afspraak_vraag q = { .gemeente = x->gemeente,
				    .regels = &regel,
				    .nregels = 1,
				    .kanaal = KANAAL_FYSIEK,
				    .vestiging = x->vestiging };
	double *ts = calloc((size_t)x->rondes, sizeof(*ts));
	double *tm = calloc((size_t)x->rondes, sizeof(*tm));
	struct arena vast;
	struct invoer in = { 0 };
	size_t vrij_store = 0, vrij_motor = 0;
	int rc;

	if (x->van == DATE_NONE || x->tot == DATE_NONE || x->tot < x->van)
		return fout("%s", "noem --van en --tot (tot niet voor van)");
	if (!ts || !tm)
		return fout("%s", "geen geheugen");
	store_set_clock(s, x->nu);
	for (long r = -10; r < x->rondes; r++) {
		struct arena a;
		struct err e;
		struct slot *sl;
		double t0;

		arena_init(&a, ARENA);
		err_clear(&e);
		t0 = nu();
		if (store_vrije_tijden(s, &q, x->van, x->tot, &a, &sl,
				       &vrij_store, &e)) {
			arena_free(&a);
			free(ts);
			free(tm);
			return store_fout("vrije tijden", &e);
		}
		if (r >= 0)
			ts[r] = nu() - t0;
		arena_free(&a);
	}
	arena_init(&vast, ARENA);
	if ((rc = invoer_lees(s, x, &vast, &in))) {
		arena_free(&vast);
		free(ts);
		free(tm);
		return rc;
	}
	for (long r = -10; r < x->rondes; r++) {
		struct arena a;
		struct err e;
		struct slot *sl;
		double t0;

		arena_init(&a, ARENA);
		err_clear(&e);
		t0 = nu();
		if (slot_zoek(&in.v, 1, in.d, in.nd, in.b, in.nb, &in.q, &a,
			      &sl, &vrij_motor, &e)) {
			arena_free(&a);
			arena_free(&vast);
			free(ts);
			free(tm);
			return store_fout("slot_zoek", &e);
		}
		if (r >= 0)
			tm[r] = nu() - t0;
		arena_free(&a);
	}
	arena_free(&vast);
	if (vrij_motor != vrij_store) {
		fprintf(stderr,
			"afspraken_motor: de store vindt %zu vrije tijden, de "
			"motor op dezelfde invoer %zu\n",
			vrij_store, vrij_motor);
		free(ts);
		free(tm);
		return 1;
	}
	qsort(ts, (size_t)x->rondes, sizeof(*ts), cmp_d);
	qsort(tm, (size_t)x->rondes, sizeof(*tm), cmp_d);
	printf("{\"dagen\": %d, \"rondes\": %ld, \"vrij\": %zu, "
	       "\"diensten\": %zu, \"bezet\": %zu, "
	       "\"store_ms\": {\"p50\": %.3f, \"p99\": %.3f, \"min\": %.3f}, "
	       "\"motor_ms\": {\"p50\": %.3f, \"p99\": %.3f, \"min\": %.3f}}\n",
	       (int)(x->tot - x->van + 1), x->rondes, vrij_store, in.nd, in.nb,
	       pct(ts, (size_t)x->rondes, 50), pct(ts, (size_t)x->rondes, 99),
	       ts[0] * 1000, pct(tm, (size_t)x->rondes, 50),
	       pct(tm, (size_t)x->rondes, 99), tm[0] * 1000);
	free(ts);
	free(tm);
	return 0;
}

int
main(int argc, char **argv)
{
	struct args x = { 0 };
	struct store *s = NULL;
	struct err e;
	int rc;

	if (argc < 2 || (strcmp(argv[1], "vul") && strcmp(argv[1], "zoek"))) {
		fprintf(stderr,
			"gebruik: afspraken_motor vul|zoek --db DB --nu "
			"TIJDSTIP --gemeente CODE --vestiging CODE --product "
			"CODE ...\n");
		return 2;
	}
	if ((rc = lees_args(argc, argv, &x)))
		return rc;
	err_clear(&e);
	if (store_open(x.db, STORE_EXISTING, &s, &e))
		return store_fout(x.db, &e);
	store_set_actor(s, "opdrachtregel:afspraken_motor", "Meting",
			"opdrachtregel");
	rc = !strcmp(argv[1], "vul") ? vul(s, &x) : zoek(s, &x);
	store_close(s);
	return rc;
}

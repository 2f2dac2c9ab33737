/*
 * gen.c - a deterministic year of hours for a shared civil service.
 *
 * Writes three files into a directory: the register of one cooperation
 * (register.json, the register-document format of data/demo.json), its
 * staff (medewerkers.csv) and a year of hours as a time-registration
 * system exports them (uren.csv). It also prints the exact figures a
 * correct importer must arrive at, and keeps them in verwacht.json.
 *
 * Everything follows from the arguments through our own PRNG, so the same
 * arguments give the same bytes on every machine. Hours are counted in
 * hundredths of an hour, as integers: no floating point anywhere.
 *
 *	cc -std=c11 -O2 -Wall -Wextra -Werror -o gen bench/gen.c
 *	./gen --uit /tmp/jaar --medewerkers 2000
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define OUT_LIT(o, s) out_str((o), (s), sizeof(s) - 1)

#define MAX_GEMEENTEN 10
#define MAX_EENHEDEN 999
#define MAX_MEDEWERKERS 999999
#define MAX_AFWIJKINGEN 10000
#define NO_END INT32_MAX /* "tot" of someone who stays */

/* ---- arguments ---------------------------------------------------- */

struct opts {
	const char *uit;
	uint64_t seed;
	uint32_t medewerkers, eenheden, ondersteunend, gemeenten, jaar,
		afwijkingen;
};

static void
usage(FILE *f)
{
	fputs("Gebruik: gen --uit MAP [--seed N] [--medewerkers N] "
	      "[--eenheden N]\n"
	      "           [--ondersteunend N] [--gemeenten N] [--jaar J] "
	      "[--afwijkingen N]\n\n"
	      "Schrijft MAP/register.json, MAP/medewerkers.csv, "
	      "MAP/uren.csv en\nMAP/verwacht.json; de verwachte cijfers "
	      "ook naar standaarduitvoer.\n\n"
	      "Standaard: --seed 1 --medewerkers 2000 --eenheden 60 "
	      "--ondersteunend 20\n"
	      "--gemeenten 6 (2 tot en met 10) --jaar 2024 "
	      "--afwijkingen 5.\n",
	      f);
}

static void
fail_usage(const char *fmt, ...)
{
	va_list ap;

	fputs("gen: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\n\n", stderr);
	usage(stderr);
	exit(2);
}

/* A plain decimal number: digits only, no sign, no overflow. */
static int
parse_u64(const char *s, uint64_t max, uint64_t *out)
{
	uint64_t v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		if (v > (max - (uint64_t)(*s - '0')) / 10)
			return -1;
		v = v * 10 + (uint64_t)(*s - '0');
	}
	*out = v;
	return 0;
}

static void
parse_opts(int argc, char **argv, struct opts *o)
{
	static const struct {
		const char *name;
		uint64_t min, max;
	} num[] = {
		{ "--seed", 0, UINT64_MAX },
		{ "--medewerkers", 1, MAX_MEDEWERKERS },
		{ "--eenheden", 1, MAX_EENHEDEN },
		{ "--ondersteunend", 0, MAX_EENHEDEN },
		{ "--gemeenten", 2, MAX_GEMEENTEN },
		{ "--jaar", 1900, 9999 },
		{ "--afwijkingen", 0, MAX_AFWIJKINGEN },
	};
	uint64_t v[NELEM(num)] = { 1, 2000, 60, 20, 6, 2024, 5 };

	o->uit = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *val, *eq = strchr(a, '=');
		size_t n = eq ? (size_t)(eq - a) : strlen(a);
		size_t k;
		int uit;

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			exit(0);
		}
		/* Find the option first, so that its name is in messages. */
		for (k = 0; k < NELEM(num); k++)
			if (strlen(num[k].name) == n &&
			    strncmp(a, num[k].name, n) == 0)
				break;
		uit = n == 5 && strncmp(a, "--uit", 5) == 0;
		if (k == NELEM(num) && !uit)
			fail_usage("onbekende optie '%.*s'", (int)n, a);
		/* Both "--jaar 2024" and "--jaar=2024". */
		if (eq) {
			val = eq + 1;
		} else {
			if (i + 1 >= argc)
				fail_usage("optie %s mist een waarde", a);
			val = argv[++i];
		}
		if (uit) {
			if (!*val)
				fail_usage("--uit mag niet leeg zijn");
			o->uit = val;
			continue;
		}
		if (parse_u64(val, num[k].max, &v[k]) || v[k] < num[k].min)
			fail_usage("%s: '%s' is geen getal van %" PRIu64
				   " tot en met %" PRIu64,
				   num[k].name, val, num[k].min, num[k].max);
	}
	if (!o->uit)
		fail_usage("--uit MAP ontbreekt");
	o->seed = v[0];
	o->medewerkers = (uint32_t)v[1];
	o->eenheden = (uint32_t)v[2];
	o->ondersteunend = (uint32_t)v[3];
	o->gemeenten = (uint32_t)v[4];
	o->jaar = (uint32_t)v[5];
	o->afwijkingen = (uint32_t)v[6];
	/* At least one primary unit: the one that changes in July. */
	if (o->ondersteunend >= o->eenheden)
		fail_usage("--ondersteunend (%" PRIu32 ") moet kleiner zijn "
			   "dan --eenheden (%" PRIu32 ")",
			   o->ondersteunend, o->eenheden);
}

/* ---- errors and output -------------------------------------------- */

static void
die_io(const char *what, const char *path)
{
	fprintf(stderr, "gen: %s %s: %s\n", what, path, strerror(errno));
	exit(1);
}

/* Buffered writer: the hours file is written through one large buffer. */
struct out {
	FILE *f;
	const char *path;
	char *buf;
	size_t len, cap;
	uint64_t bytes; /* everything written, for the summary */
};

static void
out_open(struct out *o, const char *path, size_t cap)
{
	o->path = path;
	o->len = 0;
	o->cap = cap;
	o->bytes = 0;
	if (!(o->buf = malloc(cap))) {
		fputs("gen: onvoldoende geheugen\n", stderr);
		exit(1);
	}
	if (!(o->f = fopen(path, "wb")))
		die_io("kan niet schrijven naar", path);
}

static void
out_flush(struct out *o)
{
	if (o->len && fwrite(o->buf, 1, o->len, o->f) != o->len)
		die_io("schrijven mislukt:", o->path);
	o->bytes += o->len;
	o->len = 0;
}

/* Make room for `n` more bytes; returns where to write them. */
static char *
out_room(struct out *o, size_t n)
{
	if (o->cap - o->len < n)
		out_flush(o);
	return o->buf + o->len;
}

static void
out_str(struct out *o, const char *s, size_t n)
{
	while (n > 0) {
		size_t k;

		out_room(o, 1);
		k = o->cap - o->len < n ? o->cap - o->len : n;
		memcpy(o->buf + o->len, s, k);
		o->len += k;
		s += k;
		n -= k;
	}
}

static void
out_printf(struct out *o, const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(tmp)) {
		fputs("gen: interne fout: regel te lang\n", stderr);
		exit(1);
	}
	out_str(o, tmp, (size_t)n);
}

static void
out_close(struct out *o)
{
	out_flush(o);
	if (fclose(o->f) != 0)
		die_io("afsluiten mislukt:", o->path);
	free(o->buf);
	o->buf = NULL;
}

static void
join(char *buf, size_t n, const char *dir, const char *name)
{
	int k = snprintf(buf, n, "%s/%s", dir, name);

	if (k < 0 || (size_t)k >= n) {
		fprintf(stderr, "gen: pad te lang: %s/%s\n", dir, name);
		exit(1);
	}
}

/* mkdir -p: create each missing component of `dir`. */
static void
make_dir(const char *dir)
{
	char buf[4096];
	size_t n = strlen(dir);
	struct stat sb;

	if (n >= sizeof(buf)) {
		fprintf(stderr, "gen: pad te lang: %s\n", dir);
		exit(1);
	}
	memcpy(buf, dir, n + 1);
	for (size_t i = 1; i <= n; i++) {
		if (buf[i] != '/' && buf[i] != '\0')
			continue;
		buf[i] = '\0';
		if (mkdir(buf, 0777) != 0 && errno != EEXIST)
			die_io("kan map niet maken:", buf);
		buf[i] = dir[i];
	}
	if (stat(dir, &sb) != 0)
		die_io("kan map niet lezen:", dir);
	if (!S_ISDIR(sb.st_mode)) {
		fprintf(stderr, "gen: %s is geen map\n", dir);
		exit(1);
	}
}

/* ---- PRNG: xoshiro256**, seeded through splitmix64 ----------------- */

struct rng {
	uint64_t s[4];
};

static uint64_t
splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/*
 * One independent stream per purpose, so that changing how hours are
 * drawn does not reshuffle the staff or the register.
 */
static void
rng_seed(struct rng *r, uint64_t seed, uint64_t stream)
{
	uint64_t x = seed ^ (stream * 0xd1b54a32d192ed03u);

	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t
rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t res = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return res;
}

/* Uniform in [0, n) for n < 2^32 (multiply-shift; bias is negligible). */
static uint32_t
rng_below(struct rng *r, uint32_t n)
{
	return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* Index into a table of cumulative weights. */
static uint32_t
rng_pick(struct rng *r, const uint32_t *cum, uint32_t n)
{
	uint32_t x = rng_below(r, cum[n - 1]), i = 0;

	while (cum[i] <= x)
		i++;
	return i;
}

/* ---- dates: days since 1970-01-01, proleptic Gregorian --------------- */

static int32_t
days_from_civil(int32_t y, uint32_t m, uint32_t d)
{
	int32_t era;
	uint32_t yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (uint32_t)(y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int32_t)doe - 719468;
}

static void
civil_from_days(int32_t z, int32_t *y, uint32_t *m, uint32_t *d)
{
	int32_t era;
	uint32_t doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (uint32_t)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int32_t)yoe + era * 400 + (*m <= 2);
}

/* 0 = Monday ... 6 = Sunday; 1970-01-01 was a Thursday. */
static uint32_t
weekday(int32_t z)
{
	return (uint32_t)(((z % 7) + 7 + 3) % 7);
}

static void
iso_date(int32_t z, char buf[16])
{
	int32_t y;
	uint32_t m, d;

	char tmp[48];

	civil_from_days(z, &y, &m, &d);
	/* Years 1900-9999 only (checked at the start): always 10 chars. */
	snprintf(tmp, sizeof(tmp), "%04" PRId32 "-%02" PRIu32 "-%02" PRIu32, y,
		 m, d);
	memcpy(buf, tmp, 10);
	buf[10] = '\0';
}

/* Easter Sunday (anonymous Gregorian algorithm). */
static int32_t
easter(int32_t y)
{
	int32_t a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int32_t f = (b + 8) / 25, g = (b - f + 1) / 3;
	int32_t h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
	int32_t l = (32 + 2 * e + 2 * i - h - k) % 7;
	int32_t m = (a + 11 * h + 22 * l) / 451;
	uint32_t month = (uint32_t)((h + l - 7 * m + 114) / 31);
	uint32_t day = (uint32_t)((h + l - 7 * m + 114) % 31 + 1);

	return days_from_civil(y, month, day);
}

/*
 * Dutch public holidays on which municipalities are closed; nobody books
 * hours on them. Liberation Day only in lustrum years, as in most CAOs.
 */
static int
holiday(int32_t z, int32_t y)
{
	int32_t e = easter(y);
	int32_t kd = days_from_civil(y, 4, 27);

	if (weekday(kd) == 6)
		kd--;
	return z == days_from_civil(y, 1, 1) || z == e + 1 || z == kd ||
	       z == e + 39 || z == e + 50 ||
	       (y % 5 == 0 && z == days_from_civil(y, 5, 5)) ||
	       z == days_from_civil(y, 12, 25) ||
	       z == days_from_civil(y, 12, 26);
}

/* ---- the organisation --------------------------------------------- */

/*
 * The members, in the order they join (--gemeenten N takes the first N).
 * `grootte` is roughly the population in thousands: bigger members get
 * more of the shared hours.
 */
static const struct gemeente {
	const char *code, *naam;
	uint32_t grootte;
} gemeenten[MAX_GEMEENTEN] = {
	{ "GM0358", "Aalsmeer", 33 },	  { "GM0362", "Amstelveen", 95 },
	{ "GM0397", "Heemstede", 28 },	  { "GM0377", "Bloemendaal", 24 },
	{ "GM0880", "Wormerland", 16 },	  { "GM0431", "Oostzaan", 10 },
	{ "GM0415", "Landsmeer", 12 },	  { "GM0384", "Diemen", 33 },
	{ "GM0437", "Ouder-Amstel", 15 }, { "GM0394", "Haarlemmermeer", 160 },
};

/* The employer of everyone in a shared unit: Amstelveen. */
#define CENTRUM 1

static const char *const taakvelden[] = { "0.4", "0.2", "6.1", "7.1", "8.3" };

static const char *const producten[] = {
	"Advies",    "Beleid",	     "Uitvoering",    "Vergunningen",
	"Projecten", "Klantcontact", "Wmo-aanvragen", "Bezwaar en beroep",
};

/*
 * Descriptions exactly as they appear in the file: some need RFC 4180
 * quoting (a separator, a quote) so that the reader's quoting is used.
 */
static const char *const omschrijvingen[] = {
	"Werkoverleg",
	"Dossierbehandeling",
	"Cliëntgesprek",
	"Overleg wethouder – planning",
	"\"Overleg; vervolg\"",
	"\"Raadsvoorstel; concept\"",
	"\"Notitie \"\"Kader\"\" besproken\"",
	"\"Memo \"\"ter info\"\"; verzonden\"",
};

static const char *const voornamen[] = {
	"Anna",	   "Daan",    "Sanne",	"Bram",	  "Lotte",    "Joost",
	"Femke",   "Pieter",  "Eva",	"Thijs",  "Ilse",     "Ruben",
	"Marieke", "Sjoerd",  "Noor",	"Jeroen", "Daniëlle", "Mohamed",
	"Fatima",  "Kees",    "Anouk",	"Willem", "Maaike",   "Hans",
	"Ingrid",  "Youssef", "Esther", "Gerrit", "Zoë",      "Martijn",
	"Yvonne",  "Koen",
};

static const char *const achternamen[] = {
	"de Vries",  "Jansen",	     "van den Berg", "Bakker",	 "Visser",
	"Smit",	     "Meijer",	     "de Boer",	     "Mulder",	 "de Groot",
	"Bos",	     "Vos",	     "Peters",	     "Hendriks", "van Leeuwen",
	"Dekker",    "Brouwer",	     "de Wit",	     "Dijkstra", "Smits",
	"de Graaf",  "van der Meer", "Kok",	     "Jacobs",	 "de Haan",
	"Vermeulen", "van Dijk",     "El Amrani",    "Öztürk",	 "van der Veen",
	"Schouten",  "Hoekstra",
};

/*
 * Part-time factors as the staff register writes them, with the days a
 * week worked and the usual quarter-hours booked on such a day (a 36-hour
 * week: 0,889 is 32 hours in four days of eight).
 */
static const struct fte {
	const char *tekst;
	uint32_t dagen, kwartieren, kans; /* kans: weight in the staff */
} ftes[] = {
	{ "1", 5, 29, 40 },   { "0,9", 5, 26, 10 }, { "0,889", 4, 32, 15 },
	{ "0,8", 4, 29, 15 }, { "0,6", 3, 29, 10 }, { "0,5", 4, 18, 10 },
};

enum vorm {
	ONDERSTEUNEND, /* support unit, shared */
	GEDEELD,
	EIGEN,
	WISSELT, /* shared until 1 July of the year, then eigen */
};

struct unit {
	char code[24], naam[40];
	enum vorm vorm;
	uint32_t eigen; /* member index for EIGEN and WISSELT */
	uint32_t cum[MAX_GEMEENTEN]; /* cumulative weights per member */
	uint32_t taakveld; /* the unit's usual taakveld */
	uint32_t hoofd; /* member with the biggest share: its office */
};

struct person {
	uint32_t unit, fte, werkgever, standplaats;
	uint32_t werkdagen; /* bit i: works on weekday i */
	int32_t van, tot;
	const char *voornaam, *achternaam;
};

struct world {
	struct opts o;
	struct unit *units;
	struct person *staff;
	int32_t sinds; /* cooperation start: 1 January of the year before */
	int32_t wissel; /* 1 July: the change of the WISSELT unit */
	uint32_t wissel_unit;
	uint32_t neigen;
};

/* Does unit `u` work for its own member only on day `z`? */
static int
eigen_op(const struct world *w, const struct unit *u, int32_t z)
{
	return u->vorm == EIGEN || (u->vorm == WISSELT && z >= w->wissel);
}

static void
build_units(struct world *w, struct rng *r)
{
	uint32_t n = w->o.eenheden, s = w->o.ondersteunend;
	uint32_t g = w->o.gemeenten;

	w->units = calloc(n, sizeof(*w->units));
	if (!w->units) {
		fputs("gen: onvoldoende geheugen\n", stderr);
		exit(1);
	}
	w->neigen = 0;
	for (uint32_t i = 0; i < n; i++) {
		struct unit *u = &w->units[i];
		uint32_t p = i - s, best = 0, sum = 0;

		snprintf(u->code, sizeof(u->code), "bench-e%02" PRIu32, i + 1);
		snprintf(u->naam, sizeof(u->naam), "%s %02" PRIu32,
			 i < s ? "Ondersteuning" : "Eenheid", i + 1);
		if (i < s) {
			u->vorm = ONDERSTEUNEND;
		} else if (p == 0) {
			/* The first primary unit goes to Aalsmeer in July. */
			u->vorm = WISSELT;
			u->eigen = 0;
			w->wissel_unit = i;
		} else if (p % 3 == 2) {
			/* A third of the primary units, spread over members. */
			u->vorm = EIGEN;
			u->eigen = w->neigen++ % g;
		} else {
			u->vorm = GEDEELD;
		}
		/* Unequal shares per unit, scaled by the member's size. */
		for (uint32_t m = 0; m < g; m++) {
			uint32_t wt =
				gemeenten[m].grootte * (4 + rng_below(r, 24));

			if (wt > best) {
				best = wt;
				u->hoofd = m;
			}
			sum += wt;
			u->cum[m] = sum;
		}
		u->taakveld =
			i < s ? 0 : 1 + rng_below(r, NELEM(taakvelden) - 1);
	}
}

static void
build_staff(struct world *w, struct rng *r)
{
	uint32_t n = w->o.medewerkers, g = w->o.gemeenten;
	uint32_t ucum[MAX_EENHEDEN], fcum[NELEM(ftes)], sum = 0;
	int32_t first = days_from_civil((int32_t)w->o.jaar - 25, 1, 1);
	int32_t span = w->sinds - first + 1;
	int32_t feb = days_from_civil((int32_t)w->o.jaar, 2, 1);
	int32_t dec = days_from_civil((int32_t)w->o.jaar, 12, 1);

	w->staff = calloc(n, sizeof(*w->staff));
	if (!w->staff) {
		fputs("gen: onvoldoende geheugen\n", stderr);
		exit(1);
	}
	/* Support units are smaller than primary ones. */
	for (uint32_t i = 0; i < w->o.eenheden; i++) {
		sum += (i < w->o.ondersteunend ? 10 : 25) + rng_below(r, 30);
		ucum[i] = sum;
	}
	sum = 0;
	for (size_t i = 0; i < NELEM(ftes); i++) {
		sum += ftes[i].kans;
		fcum[i] = sum;
	}
	for (uint32_t i = 0; i < n; i++) {
		struct person *p = &w->staff[i];
		const struct unit *u;
		uint32_t off;

		/* The first staff fill every unit once, so none is empty. */
		p->unit = i < w->o.eenheden ? i
					    : rng_pick(r, ucum, w->o.eenheden);
		u = &w->units[p->unit];
		p->fte = rng_pick(r, fcum, NELEM(ftes));
		p->werkdagen = 0x1f;
		for (off = 5 - ftes[p->fte].dagen; off > 0;) {
			uint32_t d = rng_below(r, 5);

			if (p->werkdagen & (1u << d)) {
				p->werkdagen &= ~(1u << d);
				off--;
			}
		}
		if (u->vorm == EIGEN) {
			p->werkgever = u->eigen;
			p->standplaats = u->eigen;
		} else {
			p->werkgever = CENTRUM;
			p->standplaats =
				rng_below(r, 5) ? u->hoofd : rng_below(r, g);
		}
		p->van = first + (int32_t)rng_below(r, (uint32_t)span);
		/* About 1.5% leave during the year (between February and
		 * December); they book nothing from that day on. */
		p->tot = NO_END;
		if (rng_below(r, 1000) < 15)
			p->tot = feb +
				 (int32_t)rng_below(r, (uint32_t)(dec - feb));
		p->voornaam = voornamen[rng_below(r, NELEM(voornamen))];
		p->achternaam = achternamen[rng_below(r, NELEM(achternamen))];
	}
}

/* ---- register.json -------------------------------------------------- */

static void
json_string(struct out *o, const char *s)
{
	out_str(o, "\"", 1);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			out_str(o, "\\", 1);
		out_str(o, s, 1);
	}
	out_str(o, "\"", 1);
}

/* One decision: proposed, then adopted, both in the past. */
static void
write_besluit(struct out *o, const char *sleutel, const char *gemeente,
	      const char *orgaan, int32_t voorgesteld, int32_t datum,
	      int32_t ingang, const char *onderwerp, int last)
{
	char v[16], d[16], in[16];

	iso_date(voorgesteld, v);
	iso_date(datum, d);
	iso_date(ingang, in);
	out_printf(o, "    {\n      \"sleutel\": \"%s\",\n", sleutel);
	out_printf(o, "      \"identificatie\": \"%s\",\n", sleutel);
	out_printf(o, "      \"verantwoordelijkeOrganisatie\": \"%s\",\n",
		   gemeente);
	out_printf(o, "      \"bestuursorgaan\": \"%s\",\n", orgaan);
	out_printf(o, "      \"datum\": \"%s\",\n", d);
	out_printf(o, "      \"ingangsdatum\": \"%s\",\n", in);
	OUT_LIT(o, "      \"onderwerp\": ");
	json_string(o, onderwerp);
	out_printf(o,
		   ",\n      \"toelichting\": \"Gegenereerd besluit voor "
		   "tests en metingen.\",\n"
		   "      \"openbaarheid\": \"actief_openbaar\",\n"
		   "      \"statusHistorie\": [\n"
		   "        { \"status\": \"voorgesteld\", \"datum\": "
		   "\"%s\" },\n"
		   "        { \"status\": \"vastgesteld\", \"datum\": "
		   "\"%s\" }\n"
		   "      ],\n"
		   "      \"verzonnen\": true\n    }%s\n",
		   v, d, last ? "" : ",");
}

static void
write_register(const struct world *w, const char *path)
{
	const struct opts *op = &w->o;
	int32_t j = (int32_t)op->jaar;
	uint32_t g = op->gemeenten, n = op->eenheden;
	const struct unit *wu = &w->units[w->wissel_unit];
	char sinds[16], wissel[16], sleutel[32], onderwerp[160];
	struct out o;
	int first;

	iso_date(w->sinds, sinds);
	iso_date(w->wissel, wissel);
	out_open(&o, path, 1 << 16);
	out_printf(&o,
		   "{\n  \"toelichting\": \"Gegenereerd register (seed %" PRIu64
		   ", %" PRIu32 " gemeenten, %" PRIu32
		   " eenheden, jaar %" PRIu32
		   "). Alles is verzonnen.\",\n  \"regelingen\": [],\n"
		   "  \"besluiten\": [\n",
		   op->seed, g, n, op->jaar);
	/*
	 * Decisions are dated in the years before J, so that they are never
	 * "in the future" for a loader that checks dates against today.
	 */
	for (uint32_t m = 0; m < g; m++) {
		snprintf(sleutel, sizeof(sleutel), "BENCH-START-%s",
			 gemeenten[m].code);
		snprintf(onderwerp, sizeof(onderwerp),
			 "Deelname van %s aan de ambtelijke samenwerking "
			 "(gegenereerd)",
			 gemeenten[m].naam);
		write_besluit(&o, sleutel, gemeenten[m].code, "gemeenteraad",
			      days_from_civil(j - 2, 10, 10 + 2 * m),
			      days_from_civil(j - 2, 11, 10 + 2 * m), w->sinds,
			      onderwerp, 0);
	}
	write_besluit(&o, "BENCH-KADER", gemeenten[CENTRUM].code,
		      "gemeenteraad", days_from_civil(j - 2, 11, 28),
		      days_from_civil(j - 2, 12, 12), w->sinds,
		      "Kader voor de ambtelijke samenwerking (gegenereerd)", 0);
	snprintf(onderwerp, sizeof(onderwerp),
		 "%s wordt per 1 juli %" PRId32 " een eigen eenheid van %s "
		 "(gegenereerd)",
		 wu->naam, j, gemeenten[wu->eigen].naam);
	write_besluit(&o, "BENCH-WIJZIGING", gemeenten[wu->eigen].code,
		      "college", days_from_civil(j - 1, 11, 5),
		      days_from_civil(j - 1, 11, 19), w->wissel, onderwerp, 1);

	out_printf(&o,
		   "  ],\n  \"samenwerkingen\": [\n    {\n"
		   "      \"code\": \"BENCH\",\n"
		   "      \"naam\": \"Ambtelijke samenwerking "
		   "(gegenereerd)\",\n"
		   "      \"sinds\": \"%s\",\n"
		   "      \"centrumgemeente\": \"%s\",\n"
		   "      \"omschrijving\": \"Gegenereerde samenwerking "
		   "voor tests en metingen.\",\n"
		   "      \"leden\": [\n",
		   sinds, gemeenten[CENTRUM].code);
	for (uint32_t m = 0; m < g; m++)
		out_printf(&o,
			   "        { \"gemeente\": \"%s\", \"van\": \"%s\", "
			   "\"tot\": null, \"besluit\": \"BENCH-START-%s\", "
			   "\"verzonnen\": true }%s\n",
			   gemeenten[m].code, sinds, gemeenten[m].code,
			   m + 1 < g ? "," : "");
	OUT_LIT(&o, "      ],\n      \"eenheden\": [\n");
	for (uint32_t i = 0; i < n; i++) {
		const struct unit *u = &w->units[i];

		out_printf(&o,
			   "        {\n"
			   "          \"code\": \"%s\",\n"
			   "          \"naam\": \"%s\",\n"
			   "          \"soort\": \"afdeling\",\n",
			   u->code, u->naam);
		if (u->vorm == WISSELT)
			out_printf(&o,
				   "          \"omschrijving\": \"Gedeeld tot "
				   "1 juli %" PRId32 ", daarna eigen eenheid "
				   "van %s.\",\n",
				   j, gemeenten[u->eigen].naam);
		OUT_LIT(&o, "          \"inrichting\": [\n");
		switch (u->vorm) {
		case ONDERSTEUNEND:
		case GEDEELD:
			out_printf(&o,
				   "            { \"van\": \"%s\", \"vorm\": "
				   "\"gedeeld\", \"besluit\": \"BENCH-KADER\", "
				   "\"verzonnen\": true }\n",
				   sinds);
			break;
		case EIGEN:
			out_printf(&o,
				   "            { \"van\": \"%s\", \"vorm\": "
				   "\"eigen\", \"gemeente\": \"%s\", "
				   "\"besluit\": \"BENCH-START-%s\", "
				   "\"verzonnen\": true }\n",
				   sinds, gemeenten[u->eigen].code,
				   gemeenten[u->eigen].code);
			break;
		case WISSELT:
			out_printf(&o,
				   "            { \"van\": \"%s\", \"tot\": "
				   "\"%s\", \"vorm\": \"gedeeld\", "
				   "\"besluit\": \"BENCH-KADER\", "
				   "\"verzonnen\": true },\n"
				   "            { \"van\": \"%s\", \"vorm\": "
				   "\"eigen\", \"gemeente\": \"%s\", "
				   "\"besluit\": \"BENCH-WIJZIGING\", "
				   "\"verzonnen\": true }\n",
				   sinds, wissel, wissel,
				   gemeenten[u->eigen].code);
			break;
		}
		out_printf(&o,
			   "          ],\n          \"verzonnen\": true\n"
			   "        }%s\n",
			   i + 1 < n ? "," : "");
	}
	/*
	 * The framework as adopted at the start: the unit that changes in
	 * July is still listed as shared (the framework was not updated).
	 */
	out_printf(&o,
		   "      ],\n      \"kader\": [\n"
		   "        {\n"
		   "          \"nummer\": 1,\n"
		   "          \"titel\": \"Gedeelde eenheden\",\n"
		   "          \"versies\": [\n"
		   "            {\n"
		   "              \"van\": \"%s\",\n"
		   "              \"tot\": null,\n"
		   "              \"besluit\": \"BENCH-KADER\",\n"
		   "              \"tekst\": \"Deze eenheden werken voor alle "
		   "deelnemende gemeenten.\",\n"
		   "              \"eenheden\": [",
		   sinds);
	first = 1;
	for (uint32_t i = 0; i < n; i++) {
		if (w->units[i].vorm == EIGEN)
			continue;
		out_printf(&o, "%s\"%s\"", first ? "" : ", ", w->units[i].code);
		first = 0;
	}
	out_printf(&o,
		   "],\n              \"verzonnen\": true\n"
		   "            }\n          ]\n        },\n"
		   "        {\n"
		   "          \"nummer\": 2,\n"
		   "          \"titel\": \"Eigen eenheden\",\n"
		   "          \"versies\": [\n"
		   "            {\n"
		   "              \"van\": \"%s\",\n"
		   "              \"tot\": null,\n"
		   "              \"besluit\": \"BENCH-KADER\",\n"
		   "              \"tekst\": \"Deze eenheden werken elk voor "
		   "één gemeente.\",\n"
		   "              \"eenheden\": [",
		   sinds);
	first = 1;
	for (uint32_t i = 0; i < n; i++) {
		if (w->units[i].vorm != EIGEN)
			continue;
		out_printf(&o, "%s\"%s\"", first ? "" : ", ", w->units[i].code);
		first = 0;
	}
	OUT_LIT(&o, "],\n              \"verzonnen\": true\n"
		    "            }\n          ]\n        }\n      ],\n"
		    "      \"verzonnen\": true\n    }\n  ]\n}\n");
	out_close(&o);
}

/* ---- medewerkers.csv ------------------------------------------------ */

static void
write_staff(const struct world *w, const char *path)
{
	struct out o;
	char van[16], tot[16];

	out_open(&o, path, 1 << 20);
	OUT_LIT(&o, "personeelsnummer;naam;werkgever;eenheid;standplaats;fte;"
		    "van;tot\r\n");
	for (uint32_t i = 0; i < w->o.medewerkers; i++) {
		const struct person *p = &w->staff[i];

		iso_date(p->van, van);
		tot[0] = '\0';
		if (p->tot != NO_END)
			iso_date(p->tot, tot);
		out_printf(&o, "M%06" PRIu32 ";%s %s;%s;%s;%s;%s;%s;%s\r\n",
			   i + 1, p->voornaam, p->achternaam,
			   gemeenten[p->werkgever].code, w->units[p->unit].code,
			   gemeenten[p->standplaats].naam, ftes[p->fte].tekst,
			   van, tot);
	}
	out_close(&o);
}

/* ---- deviations ----------------------------------------------------- */

/* A day on which a person books one row for another member. */
struct slot {
	int32_t dag;
	uint32_t persoon;
};

static int
slot_cmp(const struct slot *a, const struct slot *b)
{
	if (a->dag != b->dag)
		return a->dag < b->dag ? -1 : 1;
	if (a->persoon != b->persoon)
		return a->persoon < b->persoon ? -1 : 1;
	return 0;
}

/*
 * Choose the deviations up front: distinct (day, person) pairs, each on
 * a working day of the person's, while the unit is eigen and the person
 * is still employed. Kept sorted in the order the hours are written.
 */
static struct slot *
choose_deviations(const struct world *w, const int32_t *dagen, uint32_t ndagen,
		  struct rng *r)
{
	uint32_t want = w->o.afwijkingen, have = 0, ncand = 0;
	uint64_t tries = 0, max_tries = 1000 * (uint64_t)want + 100000;
	struct slot *s = calloc(want + 1, sizeof(*s));
	uint32_t *cand = calloc(w->o.medewerkers, sizeof(*cand));

	if (!s || !cand) {
		fputs("gen: onvoldoende geheugen\n", stderr);
		exit(1);
	}
	for (uint32_t i = 0; i < w->o.medewerkers; i++) {
		enum vorm v = w->units[w->staff[i].unit].vorm;

		if (v == EIGEN || v == WISSELT)
			cand[ncand++] = i;
	}
	while (have < want) {
		struct slot c;
		const struct person *p;
		uint32_t lo = 0, hi = have;

		if (ncand == 0 || ++tries > max_tries) {
			fprintf(stderr,
				"gen: te weinig medewerkers in eigen "
				"eenheden voor %" PRIu32 " afwijkingen\n",
				want);
			exit(2);
		}
		c.persoon = cand[rng_below(r, ncand)];
		c.dag = dagen[rng_below(r, ndagen)];
		p = &w->staff[c.persoon];
		if (!eigen_op(w, &w->units[p->unit], c.dag) ||
		    c.dag >= p->tot || !(p->werkdagen & (1u << weekday(c.dag))))
			continue;
		while (lo < hi) {
			uint32_t mid = lo + (hi - lo) / 2;

			if (slot_cmp(&s[mid], &c) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < have && slot_cmp(&s[lo], &c) == 0)
			continue;
		memmove(&s[lo + 1], &s[lo], (have - lo) * sizeof(*s));
		s[lo] = c;
		have++;
	}
	free(cand);
	return s;
}

/* ---- uren.csv ------------------------------------------------------- */

struct tally {
	uint64_t rijen, uren, afwijkingen, afwijkende_uren;
	uint64_t per_gemeente[MAX_GEMEENTEN];
};

static char *
put(char *p, const char *s, size_t n)
{
	memcpy(p, s, n);
	return p + n;
}

static char *
put_uint(char *p, uint32_t v)
{
	char tmp[10];
	size_t n = 0;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		*p++ = tmp[--n];
	return p;
}

/*
 * Hundredths as a controller writes them: "8", "2,5", "1,75", or for a
 * whole number of minutes "7:30" (hundredths divisible by 5 are exact
 * minutes: 5 hundredths are 3 minutes).
 */
static char *
put_uren(char *p, uint32_t v, int hmm)
{
	uint32_t frac = v % 100;

	p = put_uint(p, v / 100);
	if (hmm && v % 5 == 0) {
		uint32_t min = frac * 3 / 5;

		*p++ = ':';
		*p++ = (char)('0' + min / 10);
		*p++ = (char)('0' + min % 10);
	} else if (frac) {
		*p++ = ',';
		*p++ = (char)('0' + frac / 10);
		if (frac % 10)
			*p++ = (char)('0' + frac % 10);
	}
	return p;
}

/* Rows per booked day: 1..6, cumulative per mille. */
static const uint32_t rijen_cum[] = { 90, 310, 600, 830, 950, 1000 };

/*
 * One person's day: `q` quarter-hours (at most 32, so never more than
 * 8 hours) over 1 to 6 rows, each more than 0. Returns the row count.
 */
static uint32_t
split_day(struct rng *r, uint32_t q, uint32_t parts[6])
{
	uint32_t k = rng_pick(r, rijen_cum, NELEM(rijen_cum)) + 1;

	if (k > q)
		k = q;
	for (uint32_t i = 0; i < k; i++)
		parts[i] = 1;
	/* Skewed split: earlier rows tend to be longer. */
	for (uint32_t left = q - k; left > 0; left--) {
		uint32_t a = rng_below(r, k), b = rng_below(r, k);

		parts[a < b ? a : b]++;
	}
	for (uint32_t i = 0; i < k; i++)
		parts[i] *= 25;
	/* Now and then odd hundredths such as 2,33; the total stays. */
	if (k >= 2 && rng_below(r, 100) < 8) {
		uint32_t d = 1 + rng_below(r, 20);

		if (parts[k - 1] > d) {
			parts[0] += d;
			parts[k - 1] -= d;
		}
	}
	return k;
}

static char *
put_cstr(char *p, const char *s)
{
	return put(p, s, strlen(s));
}

struct daytext {
	char nl[40], iso[16]; /* "5-3-2024" and "2024-03-05" */
	size_t nnl;
};

/*
 * One CSV row, in the variety of a real export: mostly d-m-yyyy and CBS
 * codes, sometimes ISO dates, bare CBS numbers or the town's name, h:mm.
 * The caller guarantees room for it (well under 512 bytes).
 */
static char *
put_row(char *s, struct rng *r, const struct daytext *dt, uint32_t persoon,
	const struct unit *u, uint32_t gm, uint32_t v)
{
	uint32_t x = persoon + 1;

	*s++ = 'M';
	for (int i = 5; i >= 0; i--) {
		s[i] = (char)('0' + x % 10);
		x /= 10;
	}
	s += 6;
	*s++ = ';';
	if (rng_below(r, 100) < 3)
		s = put(s, dt->iso, 10);
	else
		s = put(s, dt->nl, dt->nnl);
	*s++ = ';';
	x = rng_below(r, 100);
	if (x < 90)
		s = put_cstr(s, gemeenten[gm].code);
	else if (x < 96)
		s = put_cstr(s, gemeenten[gm].code + 2);
	else
		s = put_cstr(s, gemeenten[gm].naam);
	*s++ = ';';
	s = put_cstr(s, u->code);
	*s++ = ';';
	x = rng_below(r, 100);
	if (x >= 85)
		s = put_cstr(s, taakvelden[rng_below(r, NELEM(taakvelden))]);
	else if (x >= 35)
		s = put_cstr(s, taakvelden[u->taakveld]);
	*s++ = ';';
	if (rng_below(r, 2))
		s = put_cstr(s, producten[rng_below(r, NELEM(producten))]);
	*s++ = ';';
	s = put_uren(s, v, rng_below(r, 100) < 6);
	*s++ = ';';
	/* 4% a plain description, 3% one that needs quoting. */
	x = rng_below(r, 1000);
	if (x < 70)
		s = put_cstr(s, omschrijvingen[x < 40 ? x % 4 : 4 + x % 4]);
	*s++ = '\r';
	*s++ = '\n';
	return s;
}

static void
write_hours(const struct world *w, const int32_t *dagen, uint32_t ndagen,
	    const struct slot *dev, const char *path, struct tally *t,
	    uint64_t *bytes)
{
	static const char header[] = "\xEF\xBB\xBF"
				     "medewerker;datum;gemeente;eenheid;"
				     "taakveld;product;uren;omschrijving\r\n";
	uint32_t g = w->o.gemeenten, nd = 0;
	struct rng r;
	struct out o;

	rng_seed(&r, w->o.seed, 3);
	memset(t, 0, sizeof(*t));
	out_open(&o, path, 4u << 20);
	OUT_LIT(&o, header);

	/* Day by day, everyone in turn: the order of a weekly export. */
	for (uint32_t di = 0; di < ndagen; di++) {
		int32_t z = dagen[di], y;
		uint32_t mo, da, wd = weekday(z), vrij;
		struct daytext dt;
		char *e;

		/* More days off in the summer and between the holidays. */
		civil_from_days(z, &y, &mo, &da);
		if (mo == 7 || mo == 8)
			vrij = 220;
		else if (mo == 12 && da > 26)
			vrij = 300;
		else
			vrij = 70;
		e = put_uint(dt.nl, da);
		*e++ = '-';
		e = put_uint(e, mo);
		*e++ = '-';
		e = put_uint(e, (uint32_t)y);
		dt.nnl = (size_t)(e - dt.nl);
		iso_date(z, dt.iso);

		for (uint32_t pi = 0; pi < w->o.medewerkers; pi++) {
			const struct person *p = &w->staff[pi];
			const struct unit *u = &w->units[p->unit];
			uint32_t parts[6], k, q, dev_row = UINT32_MAX;
			int forced = nd < w->o.afwijkingen &&
				     dev[nd].dag == z && dev[nd].persoon == pi;

			if (z >= p->tot)
				continue;
			/* A deviation day is always booked. */
			if (forced) {
				nd++;
			} else if (!(p->werkdagen & (1u << wd)) ||
				   rng_below(&r, 1000) < vrij) {
				continue;
			}
			/* Usual day +-2 quarters; now and then a half day. */
			q = ftes[p->fte].kwartieren + rng_below(&r, 5);
			q = q < 3 ? 1 : q - 2;
			if (q > 32)
				q = 32;
			if (rng_below(&r, 100) < 3)
				q = (q + 1) / 2;
			k = split_day(&r, q, parts);
			if (forced)
				dev_row = rng_below(&r, k);

			for (uint32_t i = 0; i < k; i++) {
				char *b = out_room(&o, 512);
				uint32_t gm, v = parts[i];

				if (eigen_op(w, u, z))
					gm = u->eigen;
				else
					gm = rng_pick(&r, u->cum, g);
				if (i == dev_row) {
					/* Any other member: a deviation. */
					gm = (u->eigen + 1 +
					      rng_below(&r, g - 1)) %
					     g;
					t->afwijkingen++;
					t->afwijkende_uren += v;
				}
				t->rijen++;
				t->uren += v;
				t->per_gemeente[gm] += v;
				o.len += (size_t)(put_row(b, &r, &dt, pi, u, gm,
							  v) -
						  b);
			}
		}
	}
	out_close(&o);
	*bytes = o.bytes;
}

/* ---- summary -------------------------------------------------------- */

static void
write_summary(const struct world *w, const struct tally *t, uint64_t bytes,
	      const char *path)
{
	char buf[2048];
	size_t n = 0;
	int k;
	FILE *f;

	k = snprintf(buf, sizeof(buf),
		     "{\n  \"rijen\": %" PRIu64 ",\n  \"medewerkers\": %" PRIu32
		     ",\n  \"gemeenten\": %" PRIu32
		     ",\n  \"eenheden\": %" PRIu32
		     ",\n  \"uren_honderdsten\": %" PRIu64
		     ",\n  \"afwijkingen\": %" PRIu64
		     ",\n  \"afwijkende_uren_honderdsten\": %" PRIu64
		     ",\n  \"per_gemeente\": {",
		     t->rijen, w->o.medewerkers, w->o.gemeenten, w->o.eenheden,
		     t->uren, t->afwijkingen, t->afwijkende_uren);
	n += (size_t)k;
	for (uint32_t m = 0; m < w->o.gemeenten; m++) {
		k = snprintf(buf + n, sizeof(buf) - n,
			     "%s\n    \"%s\": %" PRIu64, m ? "," : "",
			     gemeenten[m].code, t->per_gemeente[m]);
		n += (size_t)k;
	}
	k = snprintf(buf + n, sizeof(buf) - n,
		     "\n  },\n  \"bytes\": %" PRIu64 "\n}\n", bytes);
	n += (size_t)k;

	if (!(f = fopen(path, "wb")))
		die_io("kan niet schrijven naar", path);
	if (fwrite(buf, 1, n, f) != n)
		die_io("schrijven mislukt:", path);
	if (fclose(f) != 0)
		die_io("afsluiten mislukt:", path);
	if (fwrite(buf, 1, n, stdout) != n || fflush(stdout) != 0)
		die_io("schrijven mislukt:", "standaarduitvoer");
}

int
main(int argc, char **argv)
{
	struct world w;
	struct rng r_units, r_staff, r_dev;
	struct tally t;
	struct slot *dev;
	int32_t *dagen, j, eind;
	uint32_t ndagen = 0;
	uint64_t bytes;
	char path[4096];

	memset(&w, 0, sizeof(w));
	parse_opts(argc, argv, &w.o);
	j = (int32_t)w.o.jaar;
	w.sinds = days_from_civil(j - 1, 1, 1);
	w.wissel = days_from_civil(j, 7, 1);
	eind = days_from_civil(j + 1, 1, 1);

	/* The working days of the year: Monday to Friday, no holidays. */
	dagen = calloc((size_t)(eind - days_from_civil(j, 1, 1)),
		       sizeof(*dagen));
	if (!dagen) {
		fputs("gen: onvoldoende geheugen\n", stderr);
		return 1;
	}
	for (int32_t z = days_from_civil(j, 1, 1); z < eind; z++)
		if (weekday(z) < 5 && !holiday(z, j))
			dagen[ndagen++] = z;

	rng_seed(&r_units, w.o.seed, 1);
	rng_seed(&r_staff, w.o.seed, 2);
	rng_seed(&r_dev, w.o.seed, 4);
	build_units(&w, &r_units);
	build_staff(&w, &r_staff);
	dev = choose_deviations(&w, dagen, ndagen, &r_dev);

	make_dir(w.o.uit);
	join(path, sizeof(path), w.o.uit, "register.json");
	write_register(&w, path);
	join(path, sizeof(path), w.o.uit, "medewerkers.csv");
	write_staff(&w, path);
	join(path, sizeof(path), w.o.uit, "uren.csv");
	write_hours(&w, dagen, ndagen, dev, path, &t, &bytes);
	if (t.afwijkingen != w.o.afwijkingen) {
		fputs("gen: interne fout: afwijkingen niet alle geschreven\n",
		      stderr);
		return 1;
	}
	join(path, sizeof(path), w.o.uit, "verwacht.json");
	write_summary(&w, &t, bytes, path);

	free(dev);
	free(dagen);
	free(w.staff);
	free(w.units);
	return 0;
}

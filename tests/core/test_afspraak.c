/*
 * test_afspraak.c - the rules of the front office by appointment: local
 * time over both summer-time Sundays, public holidays (every date of the
 * reference file, whose path is the first argument), the free-slot engine
 * case by case with the exact starts, staff and desks it must give, and
 * against a plain reading of its definition on random inputs, and the
 * checks of what people enter.
 */
#include <stdio.h>
#include <stdlib.h>

#include "../test.h"
#include "../../src/core/afspraak.h"

static const char *feestdagen_csv;

/* ---- helpers ---- */

static int64_t
T(const char *iso)
{
	int64_t t = 0;

	if (date_parse_instant(iso, &t) != 0)
		fail_msg("bad instant literal in test: %s", iso);
	return t;
}

/* "08:30" as minutes; "24:00" is 1440. */
static int
M(const char *hhmm)
{
	return ((hhmm[0] - '0') * 10 + hhmm[1] - '0') * 60 +
	       (hhmm[3] - '0') * 10 + hhmm[4] - '0';
}

/* Local time on a date as an instant. */
static int64_t
L(const char *datum, const char *hhmm)
{
	return afspraak_utc(D(datum), M(hhmm));
}

static const char *
tijd(int64_t utc, char *buf)
{
	afspraak_format_tijd(utc, buf);
	return buf;
}

struct fx {
	struct slot_vestiging v[3];
	struct openingstijd open[3][32];
	struct sluiting sluiting[3][8];
	size_t nv;
	struct slot_dienst d[256];
	size_t nd;
	struct slot_bezet b[256];
	size_t nb;
	struct slot_vraag q;
	struct arena a;
	struct slot *s;
	size_t n;
	struct err e;
};

static int
fx_setup(void **state)
{
	struct fx *f = test_calloc(1, sizeof *f);

	if (!f)
		return -1;
	arena_init(&f->a, 64u << 20);
	err_clear(&f->e);
	*state = f;
	return 0;
}

static int
fx_teardown(void **state)
{
	struct fx *f = *state;

	arena_free(&f->a);
	test_free(f);
	return 0;
}

/* A location; returns its place in f->v. */
static size_t
vest(struct fx *f, int64_t id, int balies, int raster)
{
	size_t i = f->nv++;

	f->v[i] = (struct slot_vestiging){
		.id = id,
		.balies = balies,
		.raster = raster,
		.goede_vrijdag = true,
		.open = f->open[i],
		.sluitingen = f->sluiting[i],
	};
	return i;
}

/* Open from `van` to `tot` on weekdays wd0..wd1 (0 = Monday). */
static void
open_op(struct fx *f, size_t i, int wd0, int wd1, const char *van,
	const char *tot)
{
	for (int wd = wd0; wd <= wd1; wd++)
		f->open[i][f->v[i].nopen++] =
			(struct openingstijd){ wd, M(van), M(tot) };
}

static void
sluit(struct fx *f, size_t i, const char *van, const char *tot)
{
	f->sluiting[i][f->v[i].nsluitingen++] =
		(struct sluiting){ D(van), D(tot) };
}

static void
dienst(struct fx *f, int64_t mw, int64_t vestiging, const char *datum,
       const char *van, const char *tot, uint64_t bits)
{
	f->d[f->nd++] = (struct slot_dienst){ mw, vestiging, L(datum, van),
					      L(datum, tot), bits };
}

/* Every day from d0 to d1. */
static void
diensten(struct fx *f, int64_t mw, int64_t vestiging, const char *d0,
	 const char *d1, const char *van, const char *tot, uint64_t bits)
{
	for (day_t d = D(d0); d <= D(d1); d++)
		f->d[f->nd++] =
			(struct slot_dienst){ mw, vestiging,
					      afspraak_utc(d, M(van)),
					      afspraak_utc(d, M(tot)), bits };
}

/* A booking of `minuten` minutes (its buffer included). */
static void
bezet(struct fx *f, int64_t mw, int64_t vestiging, int balie, const char *datum,
      const char *van, int minuten)
{
	int64_t t = L(datum, van);

	f->b[f->nb++] = (struct slot_bezet){ mw, vestiging, balie, t,
					     t + 60 * minuten };
}

/* Search the dates d0..d1 (both included), no notice or horizon, a
 * visit of 10 minutes without buffer. */
static void
venster(struct fx *f, const char *d0, const char *d1)
{
	f->q = (struct slot_vraag){
		.van = afspraak_utc(D(d0), 0),
		.tot = afspraak_utc(D(d1) + 1, 0),
		.vroegst = INT64_MIN,
		.laatst = INT64_MAX,
		.duur = 10,
	};
}

static void
zoek(struct fx *f)
{
	enum status st = slot_zoek(f->v, f->nv, f->d, f->nd, f->b, f->nb, &f->q,
				   &f->a, &f->s, &f->n, &f->e);

	if (st != ST_OK)
		fail_msg("slot_zoek: %s %s", status_name(st), f->e.message);
	for (size_t i = 0; i < f->n; i++)
		assert_int_equal(f->s[i].eind - f->s[i].start, 60 * f->q.duur);
}

/* The starts found, as local times, one space between. */
static const char *
starts(const struct fx *f, char *buf, size_t n)
{
	size_t k = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < f->n && k + AFSPRAAK_TIJD_LEN + 1 < n; i++) {
		if (i)
			buf[k++] = ' ';
		afspraak_format_tijd(f->s[i].start, buf + k);
		k += strlen(buf + k);
	}
	return buf;
}

#define assert_starts(f, want)                                               \
	do {                                                                 \
		char buf_[8192];                                             \
		assert_string_equal(starts((f), buf_, sizeof buf_), (want)); \
	} while (0)

struct want {
	const char *start;
	int64_t vestiging, medewerker;
	int balie;
};

static void
assert_slots(const struct fx *f, const struct want *w, size_t n)
{
	char buf[AFSPRAAK_TIJD_LEN];

	for (size_t i = 0; i < f->n; i++)
		print_message("# got %s v%lld m%lld b%d\n",
			      tijd(f->s[i].start, buf),
			      (long long)f->s[i].vestiging,
			      (long long)f->s[i].medewerker, f->s[i].balie);
	assert_int_equal(f->n, n);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(tijd(f->s[i].start, buf), w[i].start);
		assert_int_equal(f->s[i].vestiging, w[i].vestiging);
		assert_int_equal(f->s[i].medewerker, w[i].medewerker);
		assert_int_equal(f->s[i].balie, w[i].balie);
	}
}

#define ASSERT_SLOTS(f, ...)                                     \
	do {                                                     \
		static const struct want w_[] = { __VA_ARGS__ }; \
		assert_slots((f), w_, sizeof w_ / sizeof *w_);   \
	} while (0)

/* ---- local time ---- */

static void
test_utc(void **state)
{
	static const struct {
		const char *name, *datum, *hhmm, *utc;
	} cases[] = {
		{ "winter", "2026-12-07", "09:30", "2026-12-07T08:30:00Z" },
		{ "summer", "2026-07-01", "09:30", "2026-07-01T07:30:00Z" },
		{ "spring: before the gap", "2026-03-29", "01:59",
		  "2026-03-29T00:59:00Z" },
		{ "spring: 02:00 is 03:00", "2026-03-29", "02:00",
		  "2026-03-29T01:00:00Z" },
		{ "spring: 02:30 is 03:30", "2026-03-29", "02:30",
		  "2026-03-29T01:30:00Z" },
		{ "spring: 03:00", "2026-03-29", "03:00",
		  "2026-03-29T01:00:00Z" },
		{ "spring: 08:30", "2026-03-29", "08:30",
		  "2026-03-29T06:30:00Z" },
		{ "spring: midnight after", "2026-03-29", "24:00",
		  "2026-03-29T22:00:00Z" },
		{ "spring: midnight before", "2026-03-29", "00:00",
		  "2026-03-28T23:00:00Z" },
		{ "autumn: 01:59", "2026-10-25", "01:59",
		  "2026-10-24T23:59:00Z" },
		{ "autumn: 02:00 first", "2026-10-25", "02:00",
		  "2026-10-25T00:00:00Z" },
		{ "autumn: 02:30 first", "2026-10-25", "02:30",
		  "2026-10-25T00:30:00Z" },
		{ "autumn: 02:59 first", "2026-10-25", "02:59",
		  "2026-10-25T00:59:00Z" },
		{ "autumn: 03:00", "2026-10-25", "03:00",
		  "2026-10-25T02:00:00Z" },
		{ "autumn: 08:30", "2026-10-25", "08:30",
		  "2026-10-25T07:30:00Z" },
		{ "autumn: midnight after", "2026-10-25", "24:00",
		  "2026-10-25T23:00:00Z" },
		{ "autumn: midnight before", "2026-10-25", "00:00",
		  "2026-10-24T22:00:00Z" },
		{ "new year", "2027-01-01", "00:00", "2026-12-31T23:00:00Z" },
		{ "before 1970", "1969-12-31", "23:00",
		  "1969-12-31T22:00:00Z" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		print_message("# case: %s\n", cases[i].name);
		assert_int_equal(
			afspraak_utc(D(cases[i].datum), M(cases[i].hhmm)),
			T(cases[i].utc));
	}
}

static void
test_lokaal_en_format(void **state)
{
	static const struct {
		const char *utc, *datum;
		int minuut;
		const char *tekst;
	} cases[] = {
		{ "2026-12-07T08:30:00Z", "2026-12-07", 570,
		  "2026-12-07T09:30:00+01:00" },
		{ "2026-03-29T00:59:59Z", "2026-03-29", 119,
		  "2026-03-29T01:59:59+01:00" },
		{ "2026-03-29T01:00:00Z", "2026-03-29", 180,
		  "2026-03-29T03:00:00+02:00" },
		{ "2026-03-29T06:30:00Z", "2026-03-29", 510,
		  "2026-03-29T08:30:00+02:00" },
		{ "2026-10-25T00:30:00Z", "2026-10-25", 150,
		  "2026-10-25T02:30:00+02:00" },
		{ "2026-10-25T00:59:59Z", "2026-10-25", 179,
		  "2026-10-25T02:59:59+02:00" },
		{ "2026-10-25T01:00:00Z", "2026-10-25", 120,
		  "2026-10-25T02:00:00+01:00" },
		{ "2026-10-25T01:30:00Z", "2026-10-25", 150,
		  "2026-10-25T02:30:00+01:00" },
		{ "2026-10-25T22:59:00Z", "2026-10-25", 1439,
		  "2026-10-25T23:59:00+01:00" },
		{ "2026-10-25T23:00:00Z", "2026-10-26", 0,
		  "2026-10-26T00:00:00+01:00" },
		{ "1970-01-01T00:00:00Z", "1970-01-01", 60,
		  "1970-01-01T01:00:00+01:00" },
		{ "1969-12-31T22:59:00Z", "1969-12-31", 1439,
		  "1969-12-31T23:59:00+01:00" },
	};
	char buf[AFSPRAAK_TIJD_LEN];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		day_t d = DATE_NONE;
		int m = -1;

		print_message("# case: %s\n", cases[i].utc);
		afspraak_lokaal(T(cases[i].utc), &d, &m);
		assert_int_equal(d, D(cases[i].datum));
		assert_int_equal(m, cases[i].minuut);
		assert_string_equal(tijd(T(cases[i].utc), buf), cases[i].tekst);
		assert_int_equal(strlen(buf), AFSPRAAK_TIJD_LEN - 1);
		assert_int_equal(T(buf), T(cases[i].utc));
	}
}

/* Every minute of both Sundays and an ordinary day there and back. */
static void
test_heen_en_terug(void **state)
{
	static const char *const dagen[] = { "2026-03-29", "2026-10-25",
					     "2026-06-15", "2026-01-15" };
	size_t gat = 0, dubbel = 0;

	(void)state;
	for (size_t k = 0; k < 4; k++) {
		day_t dag = D(dagen[k]);
		int64_t van = afspraak_utc(dag, 0),
			tot = afspraak_utc(dag, 1440);

		for (int m = 0; m < 1440; m++) {
			day_t d;
			int mm;

			afspraak_lokaal(afspraak_utc(dag, m), &d, &mm);
			assert_int_equal(d, dag);
			if (k == 0 && m >= 120 && m < 180) {
				assert_int_equal(mm, m + 60);
				gat++;
			} else {
				assert_int_equal(mm, m);
			}
		}
		for (int64_t t = van; t < tot; t += 60) {
			day_t d;
			int mm;

			afspraak_lokaal(t, &d, &mm);
			assert_int_equal(d, dag);
			if (afspraak_utc(d, mm) != t) {
				assert_int_equal(afspraak_utc(d, mm), t - 3600);
				dubbel++;
			}
		}
		assert_int_equal(tot - van, k == 0   ? 23 * 3600
					    : k == 1 ? 25 * 3600
						     : 86400);
	}
	assert_int_equal(gat, 60);
	assert_int_equal(dubbel, 60);
}

/* ---- public holidays ---- */

static enum feestdag
feestdag_van_code(const char *code)
{
	for (int i = 0; i < FEESTDAG_COUNT; i++)
		if (strcmp(feestdag_code((enum feestdag)i), code) == 0)
			return (enum feestdag)i;
	fail_msg("unknown holiday code %s", code);
	return FD_NIEUWJAARSDAG;
}

/* Every row of feestdagen_2025_2030.csv: jaar,datum,id,naam,weekdag. */
static void
test_feestdagen_bestand(void **state)
{
	static const char *const wd[7] = { "ma", "di", "wo", "do",
					   "vr", "za", "zo" };
	FILE *fp = fopen(feestdagen_csv, "r");
	char line[256];
	size_t rows = 0;
	bool gezien[6][FEESTDAG_COUNT] = { { false } };

	(void)state;
	if (!fp)
		fail_msg("cannot open %s", feestdagen_csv);
	assert_non_null(fgets(line, sizeof line, fp));
	line[strcspn(line, "\r\n")] = '\0';
	assert_string_equal(line, "jaar,datum,id,naam,weekdag");
	while (fgets(line, sizeof line, fp)) {
		char *f[5], *p = line, *save = NULL;
		int jaar;
		enum feestdag fd;
		day_t d;

		line[strcspn(line, "\r\n")] = '\0';
		for (int i = 0; i < 5; i++) {
			f[i] = strtok_r(i ? NULL : p, ",", &save);
			assert_non_null(f[i]);
		}
		jaar = (int)strtol(f[0], NULL, 10);
		fd = feestdag_van_code(f[2]);
		print_message("# %s %s\n", f[1], f[2]);
		assert_int_equal(feestdag_datum(fd, jaar), D(f[1]));
		assert_string_equal(feestdag_naam(fd), f[3]);
		assert_string_equal(wd[date_weekday(D(f[1]))], f[4]);
		d = D(f[1]);
		if (fd == FD_GOEDE_VRIJDAG || fd == FD_BEVRIJDINGSDAG) {
			enum feestdag g = FD_NIEUWJAARSDAG;

			/* Only when the location says so (no other
			 * holiday falls on them in these years). */
			assert_false(feestdag_sluit(d, false, false, NULL));
			assert_true(feestdag_sluit(d, true, true, &g));
			assert_int_equal(g, fd);
		} else {
			enum feestdag g = FD_GOEDE_VRIJDAG;

			assert_true(feestdag_sluit(d, false, false, &g));
			assert_int_equal(g, fd);
		}
		assert_true(jaar >= 2025 && jaar <= 2030);
		assert_false(gezien[jaar - 2025][fd]);
		gezien[jaar - 2025][fd] = true;
		rows++;
	}
	fclose(fp);
	assert_int_equal(rows, 6 * FEESTDAG_COUNT);
}

static void
test_feestdagen_regels(void **state)
{
	enum feestdag f = FD_NIEUWJAARSDAG;

	(void)state;
	/* Koningsdag on the 27th, on the 26th when the 27th is a Sunday. */
	assert_int_equal(feestdag_datum(FD_KONINGSDAG, 2024), D("2024-04-27"));
	assert_int_equal(date_weekday(D("2024-04-27")), 5);
	assert_int_equal(feestdag_datum(FD_KONINGSDAG, 2014), D("2014-04-26"));
	assert_int_equal(date_weekday(D("2014-04-27")), 6);
	assert_int_equal(feestdag_datum(FD_KONINGSDAG, 2025), D("2025-04-26"));
	assert_int_equal(feestdag_datum(FD_KONINGSDAG, 2026), D("2026-04-27"));
	assert_int_equal(feestdag_datum(FD_KONINGSDAG, 2031), D("2031-04-26"));
	/* Easter: the latest and earliest possible dates. */
	assert_int_equal(feestdag_pasen(2038), D("2038-04-25"));
	assert_int_equal(feestdag_pasen(2285), D("2285-03-22"));
	assert_int_equal(feestdag_pasen(2024), D("2024-03-31"));
	assert_int_equal(feestdag_pasen(2000), D("2000-04-23"));
	assert_int_equal(feestdag_pasen(1583), D("1583-04-10"));
	assert_int_equal(feestdag_pasen(9999), D("9999-03-28"));
	assert_int_equal(feestdag_pasen(1582), DATE_NONE);
	assert_int_equal(feestdag_pasen(10000), DATE_NONE);
	assert_int_equal(feestdag_datum(FD_KONINGSDAG, 1582), DATE_NONE);
	for (int y = 1583; y <= 9999; y++) {
		day_t p = feestdag_pasen(y);

		assert_int_equal(date_weekday(p), 6);
		assert_true(p >= date_from_ymd(y, 3, 22) &&
			    p <= date_from_ymd(y, 4, 25));
	}
	/* Hemelvaartsdag on 5 May 2016: named when 5 May does not close. */
	assert_int_equal(feestdag_datum(FD_HEMELVAARTSDAG, 2016),
			 D("2016-05-05"));
	assert_true(feestdag_sluit(D("2016-05-05"), false, false, &f));
	assert_int_equal(f, FD_HEMELVAARTSDAG);
	assert_true(feestdag_sluit(D("2016-05-05"), false, true, &f));
	assert_int_equal(f, FD_BEVRIJDINGSDAG);
	assert_false(feestdag_sluit(D("2026-05-05"), true, false, &f));
	assert_false(feestdag_sluit(D("2026-04-03"), false, true, NULL));
	assert_true(feestdag_sluit(D("2026-04-03"), true, false, NULL));
	assert_false(feestdag_sluit(D("2026-04-28"), true, true, NULL));
	assert_false(feestdag_sluit(D("2025-04-27"), true, true, NULL));
	assert_true(feestdag_sluit(D("2025-04-20"), false, false, &f));
	assert_int_equal(f, FD_EERSTE_PAASDAG);
	assert_false(feestdag_sluit(DATE_NONE, true, true, NULL));
	assert_string_equal(feestdag_code(FD_TWEEDE_PINKSTERDAG),
			    "tweede_pinksterdag");
	assert_string_equal(feestdag_naam(FD_GOEDE_VRIJDAG), "Goede Vrijdag");
	assert_string_equal(feestdag_code((enum feestdag)FEESTDAG_COUNT), "?");
}

/* ---- open intervals ---- */

static void
test_open_intervallen(void **state)
{
	struct fx *f = *state;
	size_t i = vest(f, 1, 2, 10);
	int64_t(*iv)[2];
	size_t n;

	/* Monday: two ranges that overlap, one that touches, a break. */
	open_op(f, i, 0, 0, "11:00", "12:30");
	open_op(f, i, 0, 0, "09:00", "12:00");
	open_op(f, i, 0, 0, "13:00", "15:00");
	open_op(f, i, 0, 0, "15:00", "17:00");
	open_op(f, i, 2, 2, "09:00", "12:00");
	sluit(f, i, "2026-12-09", "2026-12-09");
	assert_int_equal(slot_open_intervallen(&f->v[i], D("2026-12-06"),
					       D("2026-12-14"), &f->a, &iv, &n,
					       &f->e),
			 ST_OK);
	assert_int_equal(n, 4);
	assert_int_equal(iv[0][0], L("2026-12-07", "09:00"));
	assert_int_equal(iv[0][1], L("2026-12-07", "12:30"));
	assert_int_equal(iv[1][0], L("2026-12-07", "13:00"));
	assert_int_equal(iv[1][1], L("2026-12-07", "17:00"));
	assert_int_equal(iv[2][0], L("2026-12-14", "09:00"));
	assert_int_equal(iv[2][1], L("2026-12-14", "12:30"));
	assert_int_equal(iv[3][0], L("2026-12-14", "13:00"));
	assert_int_equal(iv[3][1], L("2026-12-14", "17:00"));

	/* 93 dates at most; the end not before the start. */
	assert_int_equal(slot_open_intervallen(&f->v[i], D("2026-01-01"),
					       D("2026-04-03"), &f->a, &iv, &n,
					       &f->e),
			 ST_OK);
	assert_int_equal(slot_open_intervallen(&f->v[i], D("2026-01-01"),
					       D("2026-04-04"), &f->a, &iv, &n,
					       &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "tot", "too-long");
	err_clear(&f->e);
	assert_int_equal(slot_open_intervallen(&f->v[i], D("2026-01-02"),
					       D("2026-01-01"), &f->a, &iv, &n,
					       &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "tot", "order");
	assert_null(iv);
	assert_int_equal(n, 0);
}

/* A range in the spring gap is taken an hour later; one within it
 * only runs into the next. */
static void
test_open_intervallen_zomertijd(void **state)
{
	struct fx *f = *state;
	size_t i = vest(f, 1, 1, 10);
	int64_t(*iv)[2];
	size_t n;

	open_op(f, i, 6, 6, "01:00", "02:30");
	open_op(f, i, 6, 6, "03:00", "04:00");
	open_op(f, i, 6, 6, "23:00", "24:00");
	assert_int_equal(slot_open_intervallen(&f->v[i], D("2026-03-29"),
					       D("2026-03-29"), &f->a, &iv, &n,
					       &f->e),
			 ST_OK);
	assert_int_equal(n, 2);
	assert_int_equal(iv[0][0], T("2026-03-29T00:00:00Z"));
	assert_int_equal(iv[0][1], T("2026-03-29T02:00:00Z"));
	assert_int_equal(iv[1][0], T("2026-03-29T21:00:00Z"));
	assert_int_equal(iv[1][1], T("2026-03-29T22:00:00Z"));
	/* In autumn 02:30 is its first occurrence: 01:00-02:30 is 1:30,
	 * 03:00-04:00 starts 1:30 later (the hour came back). */
	assert_int_equal(slot_open_intervallen(&f->v[i], D("2026-10-25"),
					       D("2026-10-25"), &f->a, &iv, &n,
					       &f->e),
			 ST_OK);
	assert_int_equal(n, 3);
	assert_int_equal(iv[0][0], T("2026-10-24T23:00:00Z"));
	assert_int_equal(iv[0][1], T("2026-10-25T00:30:00Z"));
	assert_int_equal(iv[1][0], T("2026-10-25T02:00:00Z"));
	assert_int_equal(iv[1][1], T("2026-10-25T03:00:00Z"));
	assert_int_equal(iv[2][0], T("2026-10-25T22:00:00Z"));
	assert_int_equal(iv[2][1], T("2026-10-25T23:00:00Z"));
}

/* ---- the engine ---- */

/* A video desk open day and night: the spring Sunday has no 02:00-03:00,
 * the autumn Sunday has it twice. */
static void
test_zomertijd_video(void **state)
{
	struct fx *f = *state;
	size_t i = vest(f, 5, 1, 30);

	open_op(f, i, 0, 6, "00:00", "24:00");
	diensten(f, 1, 5, "2026-03-28", "2026-03-30", "00:00", "24:00", 0);
	diensten(f, 1, 5, "2026-10-24", "2026-10-26", "00:00", "24:00", 0);

	/* 01:00 to 04:00 local. */
	venster(f, "2026-03-29", "2026-03-29");
	f->q.van = L("2026-03-29", "01:00");
	f->q.tot = L("2026-03-29", "04:00");
	zoek(f);
	assert_starts(f, "2026-03-29T01:00:00+01:00 2026-03-29T01:30:00+01:00 "
			 "2026-03-29T03:00:00+02:00 2026-03-29T03:30:00+02:00");
	assert_int_equal(f->s[2].start, T("2026-03-29T01:00:00Z"));

	venster(f, "2026-10-25", "2026-10-25");
	f->q.van = L("2026-10-25", "01:00");
	f->q.tot = L("2026-10-25", "04:00");
	zoek(f);
	assert_starts(f, "2026-10-25T01:00:00+02:00 2026-10-25T01:30:00+02:00 "
			 "2026-10-25T02:00:00+02:00 2026-10-25T02:30:00+02:00 "
			 "2026-10-25T02:00:00+01:00 2026-10-25T02:30:00+01:00 "
			 "2026-10-25T03:00:00+01:00 2026-10-25T03:30:00+01:00");
	assert_int_equal(f->s[0].start, T("2026-10-24T23:00:00Z"));
	assert_int_equal(f->s[7].start, T("2026-10-25T02:30:00Z"));

	/* Whole days on a 10-minute grid: 23, 24 and 25 hours. */
	f->v[i].raster = 10;
	venster(f, "2026-03-29", "2026-03-29");
	zoek(f);
	assert_int_equal(f->n, 23 * 6);
	assert_int_equal(f->s[0].start, T("2026-03-28T23:00:00Z"));
	assert_int_equal(f->s[11].start, T("2026-03-29T00:50:00Z"));
	assert_int_equal(f->s[12].start, T("2026-03-29T01:00:00Z"));
	assert_int_equal(f->s[f->n - 1].start, T("2026-03-29T21:50:00Z"));
	venster(f, "2026-03-30", "2026-03-30");
	zoek(f);
	assert_int_equal(f->n, 24 * 6);
	venster(f, "2026-10-25", "2026-10-25");
	zoek(f);
	assert_int_equal(f->n, 25 * 6);
	assert_int_equal(f->s[0].start, T("2026-10-24T22:00:00Z"));
	assert_int_equal(f->s[f->n - 1].start, T("2026-10-25T22:50:00Z"));
	for (size_t k = 1; k < f->n; k++)
		assert_int_equal(f->s[k].start - f->s[k - 1].start, 600);
}

/* A town hall 08:30-17:00: 06:30Z in summer, 07:30Z in winter, on the
 * Sundays themselves and the days either side. */
static void
test_zomertijd_raadhuis(void **state)
{
	struct fx *f = *state;
	size_t i = vest(f, 1, 2, 10);
	static const struct {
		const char *datum, *eerste, *laatste;
	} dagen[] = {
		{ "2026-03-28", "2026-03-28T07:30:00Z",
		  "2026-03-28T15:50:00Z" },
		{ "2026-03-29", "2026-03-29T06:30:00Z",
		  "2026-03-29T14:50:00Z" },
		{ "2026-03-30", "2026-03-30T06:30:00Z",
		  "2026-03-30T14:50:00Z" },
		{ "2026-10-24", "2026-10-24T06:30:00Z",
		  "2026-10-24T14:50:00Z" },
		{ "2026-10-25", "2026-10-25T07:30:00Z",
		  "2026-10-25T15:50:00Z" },
		{ "2026-10-26", "2026-10-26T07:30:00Z",
		  "2026-10-26T15:50:00Z" },
	};
	char buf[AFSPRAAK_TIJD_LEN];

	open_op(f, i, 0, 6, "08:30", "17:00");
	diensten(f, 3, 1, "2026-03-28", "2026-03-30", "08:30", "17:00", 0);
	diensten(f, 3, 1, "2026-10-24", "2026-10-26", "08:30", "17:00", 0);
	for (size_t k = 0; k < 6; k++) {
		print_message("# %s\n", dagen[k].datum);
		venster(f, dagen[k].datum, dagen[k].datum);
		zoek(f);
		assert_int_equal(f->n, 51);
		assert_int_equal(f->s[0].start, T(dagen[k].eerste));
		assert_int_equal(f->s[50].start, T(dagen[k].laatste));
	}
	venster(f, "2026-03-29", "2026-03-29");
	zoek(f);
	assert_string_equal(tijd(f->s[0].start, buf),
			    "2026-03-29T08:30:00+02:00");
	venster(f, "2026-10-25", "2026-10-25");
	zoek(f);
	assert_string_equal(tijd(f->s[0].start, buf),
			    "2026-10-25T08:30:00+01:00");
	/* The three days together: 153 in order. */
	venster(f, "2026-10-24", "2026-10-26");
	zoek(f);
	assert_int_equal(f->n, 153);
}

/* The Monday-Saturday dates from d0 to d1 without a free time. */
static void
dicht_op(const struct fx *f, const char *d0, const char *d1, char *buf,
	 size_t n)
{
	size_t k = 0, j = 0;

	buf[0] = '\0';
	for (day_t d = D(d0); d <= D(d1); d++) {
		bool open = false;

		if (date_weekday(d) == 6)
			continue;
		while (j < f->n && f->s[j].start < afspraak_utc(d + 1, 0)) {
			if (f->s[j].start >= afspraak_utc(d, 0))
				open = true;
			j++;
		}
		if (!open && k + DATE_ISO_LEN + 1 < n) {
			if (k)
				buf[k++] = ' ';
			date_format_iso(d, buf + k);
			k += DATE_ISO_LEN - 1;
		}
	}
}

static void
test_feestdagen_dicht(void **state)
{
	struct fx *f = *state;
	size_t i = vest(f, 1, 1, 30);
	char buf[512];

	open_op(f, i, 0, 5, "09:00", "10:00");
	diensten(f, 2, 1, "2025-04-14", "2025-06-14", "09:00", "10:00", 0);
	venster(f, "2025-04-14", "2025-06-14");

	/* Goede Vrijdag closes, 5 May does not. */
	f->v[i].goede_vrijdag = true;
	f->v[i].bevrijdingsdag = false;
	zoek(f);
	dicht_op(f, "2025-04-14", "2025-06-14", buf, sizeof buf);
	assert_string_equal(buf, "2025-04-18 2025-04-21 2025-04-26 "
				 "2025-05-29 2025-06-09");
	/* 5 May closes, Goede Vrijdag does not. */
	f->v[i].goede_vrijdag = false;
	f->v[i].bevrijdingsdag = true;
	zoek(f);
	dicht_op(f, "2025-04-14", "2025-06-14", buf, sizeof buf);
	assert_string_equal(buf, "2025-04-21 2025-04-26 2025-05-05 "
				 "2025-05-29 2025-06-09");
	/* Koningsdag 2026 on Monday the 27th; Goede Vrijdag on 3 April. */
	diensten(f, 2, 1, "2026-03-30", "2026-05-02", "09:00", "10:00", 0);
	f->v[i].goede_vrijdag = true;
	f->v[i].bevrijdingsdag = false;
	venster(f, "2026-03-30", "2026-05-02");
	zoek(f);
	dicht_op(f, "2026-03-30", "2026-05-02", buf, sizeof buf);
	assert_string_equal(buf, "2026-04-03 2026-04-06 2026-04-27");
	/* The Saturday before Koningsdag 2026 is open: 09:00 and 09:30. */
	venster(f, "2026-04-25", "2026-04-27");
	zoek(f);
	assert_starts(f, "2026-04-25T09:00:00+02:00 2026-04-25T09:30:00+02:00");
}

static void
test_sluitingen(void **state)
{
	struct fx *f = *state;
	size_t i = vest(f, 1, 1, 60);

	open_op(f, i, 0, 4, "09:00", "11:00");
	diensten(f, 2, 1, "2026-12-07", "2026-12-11", "09:00", "11:00", 0);
	sluit(f, i, "2026-12-08", "2026-12-09");
	sluit(f, i, "2026-12-11", "2026-12-11");
	venster(f, "2026-12-07", "2026-12-11");
	zoek(f);
	assert_starts(f, "2026-12-07T09:00:00+01:00 2026-12-07T10:00:00+01:00 "
			 "2026-12-10T09:00:00+01:00 2026-12-10T10:00:00+01:00");
}

/* The buffer must be free of the staff member's and the desk's other
 * visits, but may run past closing time. */
static void
test_buffer(void **state)
{
	struct fx *f = *state;
	size_t i = vest(f, 1, 1, 10);

	open_op(f, i, 0, 4, "09:00", "10:00");
	dienst(f, 4, 1, "2026-12-07", "09:00", "10:00", 0);
	bezet(f, 4, 1, 1, "2026-12-07", "09:20", 15);
	venster(f, "2026-12-07", "2026-12-07");
	f->q.buffer = 5;
	zoek(f);
	assert_starts(f, "2026-12-07T09:00:00+01:00 2026-12-07T09:40:00+01:00 "
			 "2026-12-07T09:50:00+01:00");
	assert_int_equal(f->s[2].eind, L("2026-12-07", "10:00"));
	f->q.buffer = 0;
	zoek(f);
	assert_starts(f, "2026-12-07T09:00:00+01:00 2026-12-07T09:10:00+01:00 "
			 "2026-12-07T09:40:00+01:00 2026-12-07T09:50:00+01:00");
	/* A buffer of 20 reaches the booking from 09:00 on. */
	f->q.buffer = 20;
	zoek(f);
	assert_starts(f, "2026-12-07T09:40:00+01:00 2026-12-07T09:50:00+01:00");
}

/* Two opening ranges (a break): the grid starts again at each. */
static void
test_pauze_opening(void **state)
{
	struct fx *f = *state;
	size_t i = vest(f, 1, 1, 20);

	open_op(f, i, 0, 4, "09:00", "10:00");
	open_op(f, i, 0, 4, "10:30", "11:00");
	dienst(f, 4, 1, "2026-12-07", "09:00", "11:00", 0);
	venster(f, "2026-12-07", "2026-12-07");
	zoek(f);
	assert_starts(f, "2026-12-07T09:00:00+01:00 2026-12-07T09:20:00+01:00 "
			 "2026-12-07T09:40:00+01:00 2026-12-07T10:30:00+01:00 "
			 "2026-12-07T10:50:00+01:00");
	/* A visit of 30 minutes does not span the break. */
	f->q.duur = 30;
	zoek(f);
	assert_starts(f, "2026-12-07T09:00:00+01:00 2026-12-07T09:20:00+01:00 "
			 "2026-12-07T10:30:00+01:00");
}

/* Two roster ranges: a visit lies within one of them. */
static void
test_pauze_rooster(void **state)
{
	struct fx *f = *state;
	size_t i = vest(f, 1, 1, 10);

	open_op(f, i, 0, 4, "09:00", "10:00");
	dienst(f, 4, 1, "2026-12-07", "09:00", "09:30", 0);
	dienst(f, 4, 1, "2026-12-07", "09:40", "10:00", 0);
	venster(f, "2026-12-07", "2026-12-07");
	f->q.duur = 20;
	zoek(f);
	assert_starts(f, "2026-12-07T09:00:00+01:00 2026-12-07T09:10:00+01:00 "
			 "2026-12-07T09:40:00+01:00");
	/* Touching entries are still two: 09:20-09:40 fits neither. */
	f->nd = 0;
	dienst(f, 4, 1, "2026-12-07", "09:00", "09:30", 0);
	dienst(f, 4, 1, "2026-12-07", "09:30", "10:00", 0);
	zoek(f);
	assert_starts(f, "2026-12-07T09:00:00+01:00 2026-12-07T09:10:00+01:00 "
			 "2026-12-07T09:30:00+01:00 2026-12-07T09:40:00+01:00");
}

/* Notice: no start before vroegst; horizon: none from laatst. */
static void
test_voorbereiding_horizon(void **state)
{
	struct fx *f = *state;
	size_t i = vest(f, 1, 1, 30);
	int64_t nu = T("2026-12-07T09:10:00+01:00");

	open_op(f, i, 0, 4, "09:00", "10:00");
	diensten(f, 4, 1, "2026-12-07", "2026-12-11", "09:00", "10:00", 0);
	venster(f, "2026-12-07", "2026-12-11");
	f->q.vroegst = nu + 24 * 3600; /* a day's notice */
	f->q.laatst = nu + 2 * 86400; /* two days ahead */
	zoek(f);
	assert_starts(f, "2026-12-08T09:30:00+01:00 2026-12-09T09:00:00+01:00");
	/* On the boundaries: vroegst included, laatst not. */
	f->q.vroegst = T("2026-12-08T09:30:00+01:00");
	f->q.laatst = T("2026-12-09T09:00:00+01:00");
	zoek(f);
	assert_starts(f, "2026-12-08T09:30:00+01:00");
	f->q.vroegst = T("2026-12-08T09:30:00+01:00") + 1;
	zoek(f);
	assert_int_equal(f->n, 0);
	/* A horizon before the window. */
	f->q.vroegst = INT64_MIN;
	f->q.laatst = T("2026-12-01T00:00:00+01:00");
	zoek(f);
	assert_int_equal(f->n, 0);
}

/* 3 staff, 2 desks: two visits at once, not three. */
static void
test_minder_balies(void **state)
{
	struct fx *f = *state;
	size_t i = vest(f, 1, 2, 10);

	open_op(f, i, 0, 4, "09:00", "09:30");
	dienst(f, 13, 1, "2026-12-07", "09:00", "09:30", 0);
	dienst(f, 11, 1, "2026-12-07", "09:00", "09:30", 0);
	dienst(f, 12, 1, "2026-12-07", "09:00", "09:30", 0);
	venster(f, "2026-12-07", "2026-12-07");
	zoek(f);
	ASSERT_SLOTS(f, { "2026-12-07T09:00:00+01:00", 1, 11, 1 },
		     { "2026-12-07T09:10:00+01:00", 1, 11, 1 },
		     { "2026-12-07T09:20:00+01:00", 1, 11, 1 });
	bezet(f, 11, 1, 1, "2026-12-07", "09:00", 10);
	zoek(f);
	ASSERT_SLOTS(f, { "2026-12-07T09:00:00+01:00", 1, 12, 2 },
		     { "2026-12-07T09:10:00+01:00", 1, 12, 1 },
		     { "2026-12-07T09:20:00+01:00", 1, 12, 1 });
	bezet(f, 12, 1, 2, "2026-12-07", "09:00", 10);
	zoek(f);
	ASSERT_SLOTS(f, { "2026-12-07T09:10:00+01:00", 1, 13, 1 },
		     { "2026-12-07T09:20:00+01:00", 1, 13, 1 });
}

/* 1 staff member, 3 desks: one visit at once; the desk is the lowest
 * free one. */
static void
test_minder_medewerkers(void **state)
{
	struct fx *f = *state;
	size_t i = vest(f, 1, 3, 10);

	open_op(f, i, 0, 4, "09:00", "09:30");
	dienst(f, 21, 1, "2026-12-07", "09:00", "09:30", 0);
	bezet(f, 21, 1, 2, "2026-12-07", "09:00", 10);
	/* A walk-in served by someone not rostered holds desk 1. */
	bezet(f, 99, 1, 1, "2026-12-07", "09:10", 10);
	/* A booking at a desk the location no longer has holds none. */
	bezet(f, 98, 1, 4, "2026-12-07", "09:20", 10);
	venster(f, "2026-12-07", "2026-12-07");
	zoek(f);
	ASSERT_SLOTS(f, { "2026-12-07T09:10:00+01:00", 1, 21, 2 },
		     { "2026-12-07T09:20:00+01:00", 1, 21, 1 });
}

/* One staff member at two town halls on different days; the one with
 * the fewest bookings that day at that location serves. */
static void
test_twee_raadhuizen(void **state)
{
	struct fx *f = *state;
	size_t a = vest(f, 1, 1, 30), b = vest(f, 2, 1, 30);

	open_op(f, a, 0, 4, "09:00", "10:00");
	open_op(f, b, 0, 4, "08:00", "10:00");
	dienst(f, 7, 1, "2026-12-07", "09:00", "10:00", 0);
	dienst(f, 7, 2, "2026-12-08", "09:00", "10:00", 0);
	venster(f, "2026-12-07", "2026-12-08");
	zoek(f);
	ASSERT_SLOTS(f, { "2026-12-07T09:00:00+01:00", 1, 7, 1 },
		     { "2026-12-07T09:30:00+01:00", 1, 7, 1 },
		     { "2026-12-08T09:00:00+01:00", 2, 7, 1 },
		     { "2026-12-08T09:30:00+01:00", 2, 7, 1 });

	/* Staff member 9 is at location 2 on Monday early, then at 1; he
	 * has two bookings at location 2 that Monday and three at 1 on
	 * Tuesday; 7 has one at location 1 on Monday. At 1 on Monday 9
	 * has none there that day: he serves. 8 is at 2 on Monday. */
	dienst(f, 9, 2, "2026-12-07", "08:00", "09:00", 0);
	dienst(f, 9, 1, "2026-12-07", "09:00", "10:00", 0);
	dienst(f, 8, 2, "2026-12-07", "09:00", "10:00", 0);
	bezet(f, 9, 2, 1, "2026-12-07", "08:00", 10);
	bezet(f, 9, 2, 1, "2026-12-07", "08:10", 10);
	bezet(f, 9, 1, 2, "2026-12-08", "08:00", 10);
	bezet(f, 9, 1, 2, "2026-12-08", "08:10", 10);
	bezet(f, 9, 1, 2, "2026-12-08", "08:20", 10);
	bezet(f, 7, 1, 1, "2026-12-07", "09:40", 10);
	/* Locations in the order given: 2 before 1 at the same start. */
	f->v[2] = f->v[0];
	f->v[0] = f->v[1];
	f->v[1] = f->v[2];
	zoek(f);
	ASSERT_SLOTS(f, { "2026-12-07T08:30:00+01:00", 2, 9, 1 },
		     { "2026-12-07T09:00:00+01:00", 2, 8, 1 },
		     { "2026-12-07T09:00:00+01:00", 1, 9, 1 },
		     { "2026-12-07T09:30:00+01:00", 2, 8, 1 },
		     { "2026-12-07T09:30:00+01:00", 1, 9, 1 },
		     { "2026-12-08T09:00:00+01:00", 2, 7, 1 },
		     { "2026-12-08T09:30:00+01:00", 2, 7, 1 });
	/* Busy elsewhere is busy here: a stray booking of 7 at location 1
	 * on Tuesday 09:00 leaves 09:30 at location 2. */
	bezet(f, 7, 1, 1, "2026-12-08", "09:00", 10);
	zoek(f);
	ASSERT_SLOTS(f, { "2026-12-07T08:30:00+01:00", 2, 9, 1 },
		     { "2026-12-07T09:00:00+01:00", 2, 8, 1 },
		     { "2026-12-07T09:00:00+01:00", 1, 9, 1 },
		     { "2026-12-07T09:30:00+01:00", 2, 8, 1 },
		     { "2026-12-07T09:30:00+01:00", 1, 9, 1 },
		     { "2026-12-08T09:30:00+01:00", 2, 7, 1 });
}

/* Three persons of 10 minutes: one visit of 30. */
static void
test_personen(void **state)
{
	struct fx *f = *state;
	size_t i = vest(f, 1, 1, 10);

	open_op(f, i, 0, 4, "09:00", "10:00");
	dienst(f, 4, 1, "2026-12-07", "09:00", "10:00", 0);
	venster(f, "2026-12-07", "2026-12-07");
	f->q.duur = 3 * 10;
	zoek(f);
	assert_starts(f, "2026-12-07T09:00:00+01:00 2026-12-07T09:10:00+01:00 "
			 "2026-12-07T09:20:00+01:00 2026-12-07T09:30:00+01:00");
	assert_int_equal(f->s[3].eind, L("2026-12-07", "10:00"));
	bezet(f, 4, 1, 1, "2026-12-07", "09:40", 10);
	zoek(f);
	assert_starts(f, "2026-12-07T09:00:00+01:00 2026-12-07T09:10:00+01:00");
}

static void
test_vaardigheden_zoek(void **state)
{
	struct fx *f = *state;
	size_t i = vest(f, 1, 2, 30);
	const char *names[AFSPRAAK_MAX_VAARDIGHEDEN];
	size_t nnames = 0;
	uint64_t nodig, m1, m2, m3;

	assert_int_equal(vaardigheden_bits("paspoort,rijbewijs", names, &nnames,
					   &nodig, &f->e),
			 ST_OK);
	assert_int_equal(
		vaardigheden_bits("paspoort", names, &nnames, &m1, &f->e),
		ST_OK);
	assert_int_equal(vaardigheden_bits("trouwen,rijbewijs,paspoort", names,
					   &nnames, &m2, &f->e),
			 ST_OK);
	assert_int_equal(vaardigheden_bits("", names, &nnames, &m3, &f->e),
			 ST_OK);
	assert_int_equal(nodig, 3);
	assert_int_equal(m1, 1);
	assert_int_equal(m2, 7);
	assert_int_equal(m3, 0);
	assert_int_equal(nnames, 3);

	open_op(f, i, 0, 4, "09:00", "10:00");
	dienst(f, 1, 1, "2026-12-07", "09:00", "10:00", m1);
	dienst(f, 2, 1, "2026-12-07", "09:00", "09:30", m2);
	dienst(f, 3, 1, "2026-12-07", "09:00", "10:00", m3);
	venster(f, "2026-12-07", "2026-12-07");
	f->q.vaardigheden = nodig;
	zoek(f);
	ASSERT_SLOTS(f, { "2026-12-07T09:00:00+01:00", 1, 2, 1 });
	f->q.vaardigheden = m1;
	zoek(f);
	ASSERT_SLOTS(f, { "2026-12-07T09:00:00+01:00", 1, 1, 1 },
		     { "2026-12-07T09:30:00+01:00", 1, 1, 1 });
	f->q.vaardigheden = 8;
	zoek(f);
	assert_int_equal(f->n, 0);
}

/* Grids of 10 and 15 minutes from the start of each opening range. */
static void
test_raster(void **state)
{
	struct fx *f = *state;
	size_t i = vest(f, 1, 1, 15);

	open_op(f, i, 0, 4, "08:30", "10:00");
	dienst(f, 4, 1, "2026-12-07", "08:00", "12:00", 0);
	venster(f, "2026-12-07", "2026-12-07");
	zoek(f);
	assert_starts(f, "2026-12-07T08:30:00+01:00 2026-12-07T08:45:00+01:00 "
			 "2026-12-07T09:00:00+01:00 2026-12-07T09:15:00+01:00 "
			 "2026-12-07T09:30:00+01:00 2026-12-07T09:45:00+01:00");
	f->v[i].raster = 10;
	f->open[i][0] = (struct openingstijd){ 0, M("08:45"), M("09:30") };
	f->v[i].nopen = 1;
	zoek(f);
	assert_starts(f, "2026-12-07T08:45:00+01:00 2026-12-07T08:55:00+01:00 "
			 "2026-12-07T09:05:00+01:00 2026-12-07T09:15:00+01:00");
	/* A window from 09:00 keeps the grid of 08:45. */
	f->q.van = L("2026-12-07", "09:00");
	zoek(f);
	assert_starts(f, "2026-12-07T09:05:00+01:00 2026-12-07T09:15:00+01:00");
	/* A roster from 09:00 does not move the grid either. */
	venster(f, "2026-12-07", "2026-12-07");
	f->d[0].van = L("2026-12-07", "09:00");
	zoek(f);
	assert_starts(f, "2026-12-07T09:05:00+01:00 2026-12-07T09:15:00+01:00");
}

static void
test_ongeldig(void **state)
{
	struct fx *f = *state;
	size_t i = vest(f, 1, 1, 10);
	static const struct {
		const char *name;
		int duur, buffer;
		const char *veld;
	} cases[] = {
		{ "no minutes", 0, 0, "duur" },
		{ "not a multiple of 5", 12, 0, "duur" },
		{ "more than a day", AFSPRAAK_MAX_DUUR + 5, 0, "duur" },
		{ "negative buffer", 10, -5, "buffer" },
		{ "buffer not a multiple of 5", 10, 3, "buffer" },
		{ "buffer too long", 10, AFSPRAAK_MAX_BUFFER + 5, "buffer" },
	};

	open_op(f, i, 0, 4, "09:00", "10:00");
	dienst(f, 4, 1, "2026-12-07", "09:00", "10:00", 0);
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		print_message("# case: %s\n", cases[k].name);
		venster(f, "2026-12-07", "2026-12-07");
		f->q.duur = cases[k].duur;
		f->q.buffer = cases[k].buffer;
		err_clear(&f->e);
		assert_int_equal(slot_zoek(f->v, f->nv, f->d, f->nd, f->b,
					   f->nb, &f->q, &f->a, &f->s, &f->n,
					   &f->e),
				 ST_INVALID);
		assert_only_problem(&f->e, cases[k].veld, "range");
		assert_int_equal(f->n, 0);
	}
	/* The limits themselves pass. */
	venster(f, "2026-12-07", "2026-12-07");
	f->q.duur = AFSPRAAK_MAX_DUUR;
	f->q.buffer = AFSPRAAK_MAX_BUFFER;
	zoek(f);
	assert_int_equal(f->n, 0);
	f->q.duur = 5;
	f->q.buffer = 0;
	zoek(f);
	assert_int_equal(f->n, 6);

	/* 93 dates, across the autumn change (93 days and an hour). */
	venster(f, "2026-09-01", "2026-12-02");
	zoek(f);
	assert_int_equal(f->q.tot - f->q.van, 93 * 86400 + 3600);
	venster(f, "2026-09-01", "2026-12-03");
	err_clear(&f->e);
	assert_int_equal(slot_zoek(f->v, f->nv, f->d, f->nd, f->b, f->nb, &f->q,
				   &f->a, &f->s, &f->n, &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "tot", "too-long");
	/* An end before the start. */
	venster(f, "2026-12-07", "2026-12-07");
	f->q.tot = f->q.van;
	err_clear(&f->e);
	assert_int_equal(slot_zoek(f->v, f->nv, f->d, f->nd, f->b, f->nb, &f->q,
				   &f->a, &f->s, &f->n, &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "tot", "order");
	/* Instants out of range. */
	venster(f, "2026-12-07", "2026-12-07");
	f->q.van = INT64_MIN;
	err_clear(&f->e);
	assert_int_equal(slot_zoek(f->v, f->nv, f->d, f->nd, f->b, f->nb, &f->q,
				   &f->a, &f->s, &f->n, &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "van", "range");

	/* The location's own fields, each named. */
	venster(f, "2026-12-07", "2026-12-07");
	f->v[i].balies = 0;
	f->v[i].raster = 7;
	f->open[i][0].weekdag = 7;
	f->open[i][1] = (struct openingstijd){ 1, 600, 600 };
	f->v[i].nopen = 2;
	sluit(f, i, "2026-12-08", "2026-12-07");
	err_clear(&f->e);
	assert_int_equal(slot_zoek(f->v, f->nv, f->d, f->nd, f->b, f->nb, &f->q,
				   &f->a, &f->s, &f->n, &f->e),
			 ST_INVALID);
	assert_int_equal(f->e.nproblems, 5);
	assert_true(has_problem(&f->e, "vestigingen[0].balies", "range"));
	assert_true(has_problem(&f->e, "vestigingen[0].raster", "enum"));
	assert_true(has_problem(&f->e, "vestigingen[0].open[0]", "weekdag"));
	assert_true(has_problem(&f->e, "vestigingen[0].open[1]", "order"));
	assert_true(
		has_problem(&f->e, "vestigingen[0].sluitingen[0]", "order"));
	assert_string_equal(f->e.problems[0].reason,
			    "Geef een geheel getal van 1 tot en met 200.");
}

/* Too little memory: ST_NOMEM and nothing found, at every limit up to
 * the one that suffices, which gives the full answer. */
static void
test_geheugen(void **state)
{
	struct fx *f = *state;
	size_t i = vest(f, 1, 2, 10), limiet, mislukt = 0;

	open_op(f, i, 0, 4, "09:00", "12:00");
	open_op(f, i, 0, 4, "13:00", "17:00");
	diensten(f, 3, 1, "2026-12-07", "2026-12-11", "09:00", "17:00", 0);
	diensten(f, 4, 1, "2026-12-07", "2026-12-11", "09:00", "12:00", 0);
	bezet(f, 3, 1, 1, "2026-12-08", "09:00", 30);
	venster(f, "2026-12-07", "2026-12-11");
	for (limiet = 0;; limiet += 64) {
		struct arena a;
		enum status st;

		arena_init(&a, limiet);
		err_clear(&f->e);
		st = slot_zoek(f->v, f->nv, f->d, f->nd, f->b, f->nb, &f->q, &a,
			       &f->s, &f->n, &f->e);
		arena_free(&a);
		if (st == ST_OK)
			break;
		assert_int_equal(st, ST_NOMEM);
		assert_int_equal(f->e.status, ST_NOMEM);
		assert_null(f->s);
		assert_int_equal(f->n, 0);
		mislukt++;
	}
	assert_true(mislukt >= 10);
	zoek(f);
	assert_int_equal(f->n, 5 * 42);
}

/* A location given twice is a mistake of the caller. */
static void
test_dubbele_vestiging(void **state)
{
	struct fx *f = *state;

	vest(f, 1, 1, 10);
	vest(f, 2, 1, 10);
	vest(f, 1, 1, 10);
	venster(f, "2026-12-07", "2026-12-07");
	assert_int_equal(slot_zoek(f->v, f->nv, f->d, f->nd, f->b, f->nb, &f->q,
				   &f->a, &f->s, &f->n, &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "vestigingen[2]", "duplicate");
}

/* Nothing asked of nowhere is nothing, not an error. */
static void
test_leeg(void **state)
{
	struct fx *f = *state;

	venster(f, "2026-12-07", "2026-12-07");
	zoek(f);
	assert_int_equal(f->n, 0);
	assert_null(f->s);
	vest(f, 1, 1, 10);
	open_op(f, 0, 0, 4, "09:00", "10:00");
	zoek(f);
	assert_int_equal(f->n, 0);
}

/* ---- the engine against its definition ---- */

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint64_t
rnd(void)
{
	uint64_t x = rng_state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	rng_state = x;
	return x;
}

static int
rnd_in(int lo, int hi)
{
	return lo + (int)(rnd() % (uint64_t)(hi - lo + 1));
}

static bool
overlapt(int64_t a0, int64_t a1, int64_t b0, int64_t b1)
{
	return a0 < a1 && b0 < b1 && a0 < b1 && b0 < a1;
}

/* The definition read plainly: every start, every entry, every booking. */
static size_t
gewoon(struct fx *f, struct slot *uit, size_t max)
{
	const struct slot_vraag *q = &f->q;
	int64_t lo = q->van > q->vroegst ? q->van : q->vroegst;
	int64_t hi = q->tot < q->laatst ? q->tot : q->laatst;
	int64_t duur = 60 * (int64_t)q->duur, houd = duur + 60 * q->buffer;
	size_t n = 0;
	day_t d0, d1;

	if (lo >= hi)
		return 0;
	afspraak_lokaal(lo, &d0, NULL);
	afspraak_lokaal(hi - 1, &d1, NULL);
	for (size_t l = 0; l < f->nv; l++) {
		const struct slot_vestiging *v = &f->v[l];
		int64_t(*iv)[2];
		size_t niv;

		assert_int_equal(slot_open_intervallen(v, d0, d1, &f->a, &iv,
						       &niv, &f->e),
				 ST_OK);
		for (size_t k = 0; k < niv; k++)
			for (int64_t s = iv[k][0]; s + duur <= iv[k][1];
			     s += 60 * v->raster) {
				int64_t wie = -1, beste = 0;
				day_t dag;

				if (s < lo || s >= hi)
					continue;
				afspraak_lokaal(s, &dag, NULL);
				for (size_t r = 0; r < f->nd; r++) {
					const struct slot_dienst *d = &f->d[r];
					int64_t c = 0;
					bool vrij = true;

					if (d->vestiging != v->id ||
					    (d->vaardigheden &
					     q->vaardigheden) !=
						    q->vaardigheden ||
					    d->van > s || d->tot < s + duur)
						continue;
					for (size_t j = 0; j < f->nb; j++) {
						const struct slot_bezet *b =
							&f->b[j];
						day_t bd;

						if (b->medewerker !=
							    d->medewerker ||
						    b->van >= b->tot)
							continue;
						if (overlapt(b->van, b->tot, s,
							     s + houd))
							vrij = false;
						afspraak_lokaal(b->van, &bd,
								NULL);
						if (b->vestiging == v->id &&
						    bd == dag)
							c++;
					}
					if (vrij && (wie < 0 || c < beste ||
						     (c == beste &&
						      d->medewerker < wie))) {
						wie = d->medewerker;
						beste = c;
					}
				}
				if (wie < 0)
					continue;
				for (int balie = 1; balie <= v->balies;
				     balie++) {
					bool vrij = true;

					for (size_t j = 0; j < f->nb; j++)
						if (f->b[j].vestiging ==
							    v->id &&
						    f->b[j].balie == balie &&
						    overlapt(f->b[j].van,
							     f->b[j].tot, s,
							     s + houd))
							vrij = false;
					if (!vrij)
						continue;
					assert_true(n < max);
					uit[n++] = (struct slot){ v->id, s,
								  s + duur, wie,
								  balie };
					break;
				}
			}
	}
	/* By start, then by location in the order of v. */
	for (size_t a = 1; a < n; a++)
		for (size_t b = a; b > 0; b--) {
			size_t la = 0, lb = 0;
			struct slot t;

			for (size_t l = 0; l < f->nv; l++) {
				if (f->v[l].id == uit[b - 1].vestiging)
					la = l;
				if (f->v[l].id == uit[b].vestiging)
					lb = l;
			}
			if (uit[b - 1].start < uit[b].start ||
			    (uit[b - 1].start == uit[b].start && la < lb))
				break;
			t = uit[b];
			uit[b] = uit[b - 1];
			uit[b - 1] = t;
		}
	return n;
}

static const char *const basisdagen[] = {
	"2026-03-26", "2026-10-22", "2025-04-16", "2026-12-07", "2026-05-01",
};

static void
willekeurig(struct fx *f)
{
	day_t basis = D(basisdagen[rnd() % 5]);
	int ndagen = rnd_in(1, 6);
	static const int rasters[] = { 5, 10, 15, 20, 30, 60 };

	f->nv = 0;
	f->nd = 0;
	f->nb = 0;
	for (int l = 0, nv = rnd_in(1, 3); l < nv; l++) {
		size_t i =
			vest(f, 100 - 10 * l, rnd_in(1, 3), rasters[rnd() % 6]);

		f->v[i].goede_vrijdag = rnd() % 2;
		f->v[i].bevrijdingsdag = rnd() % 2;
		for (int k = 0, no = rnd_in(1, 10); k < no; k++) {
			int van = rnd_in(0, 280) * 5;
			int tot = van + rnd_in(1, 100) * 5;

			f->open[i][f->v[i].nopen++] = (struct openingstijd){
				rnd_in(0, 6), van, tot > 1440 ? 1440 : tot
			};
		}
		if (rnd() % 3 == 0) {
			day_t s = basis + rnd_in(0, ndagen);

			f->sluiting[i][f->v[i].nsluitingen++] =
				(struct sluiting){ s, s + rnd_in(0, 2) };
		}
	}
	for (int k = 0, nd = rnd_in(0, 60); k < nd; k++) {
		day_t d = basis + rnd_in(0, ndagen);
		int van = rnd_in(0, 270) * 5, tot = van + rnd_in(1, 160) * 5;

		f->d[f->nd++] = (struct slot_dienst){
			rnd_in(1, 5),
			f->v[rnd() % f->nv].id,
			afspraak_utc(d, van),
			afspraak_utc(d, tot > 1440 ? 1440 : tot),
			rnd() % 4,
		};
	}
	for (int k = 0, nb = rnd_in(0, 60); k < nb; k++) {
		day_t d = basis + rnd_in(0, ndagen);
		int64_t van = afspraak_utc(d, rnd_in(0, 287) * 5);

		f->b[f->nb++] = (struct slot_bezet){
			rnd_in(1, 6), f->v[rnd() % f->nv].id,	 rnd_in(1, 4),
			van,	      van + 300 * rnd_in(-1, 8),
		};
	}
	f->q = (struct slot_vraag){
		.van = afspraak_utc(basis, 0) + 300 * rnd_in(0, 250),
		.tot = afspraak_utc(basis + ndagen, 0) + 300 * rnd_in(0, 300),
		.vroegst = rnd() % 2 ? INT64_MIN
				     : afspraak_utc(basis, 0) +
					       300 * rnd_in(0, 600),
		.laatst = rnd() % 2 ? INT64_MAX
				    : afspraak_utc(basis + ndagen, 0) -
					      300 * rnd_in(0, 300),
		.duur = rnd_in(1, 12) * 5,
		.buffer = rnd_in(0, 3) * 5,
		.vaardigheden = rnd() % 4,
	};
}

static int
cmp_bezet_van(const void *pa, const void *pb)
{
	const struct slot_bezet *a = pa, *b = pb;

	return (a->van > b->van) - (a->van < b->van);
}

static void
test_tegen_definitie(void **state)
{
	struct fx *f = *state;
	size_t vergeleken = 0, leeg = 0;
	struct slot *verwacht = test_malloc(20000 * sizeof *verwacht);

	for (int ronde = 0; ronde < 400; ronde++) {
		size_t n;

		willekeurig(f);
		/* Every other round in start order, as the store reads
		 * them (no sorting then): the same answer. */
		if (ronde % 2)
			qsort(f->b, f->nb, sizeof *f->b, cmp_bezet_van);
		zoek(f);
		n = gewoon(f, verwacht, 20000);
		if (n != f->n)
			fail_msg("round %d: %zu slots, expected %zu", ronde,
				 f->n, n);
		for (size_t i = 0; i < n; i++) {
			assert_int_equal(f->s[i].vestiging,
					 verwacht[i].vestiging);
			assert_int_equal(f->s[i].start, verwacht[i].start);
			assert_int_equal(f->s[i].eind, verwacht[i].eind);
			assert_int_equal(f->s[i].medewerker,
					 verwacht[i].medewerker);
			assert_int_equal(f->s[i].balie, verwacht[i].balie);
		}
		vergeleken += n;
		leeg += n == 0;
		arena_free(&f->a);
	}
	test_free(verwacht);
	print_message("# %zu slots compared, %zu empty rounds\n", vergeleken,
		      leeg);
	assert_true(vergeleken >= 4000);
	assert_true(leeg <= 250);
}

/* ---- skills, names, reference codes, checks ---- */

static void
test_vaardigheden_bits(void **state)
{
	const char *names[AFSPRAAK_MAX_VAARDIGHEDEN];
	size_t nnames = 0;
	uint64_t bits = 99;
	struct err e;
	char lijst[AFSPRAAK_MAX_VAARDIGHEDEN * 4 + 8];
	size_t k = 0;

	(void)state;
	err_clear(&e);
	assert_int_equal(vaardigheden_bits("b,a,,b", names, &nnames, &bits, &e),
			 ST_OK);
	assert_int_equal(bits, 3);
	assert_int_equal(nnames, 2);
	assert_int_equal(strncmp(names[0], "b,", 2), 0);
	assert_int_equal(strncmp(names[1], "a,", 2), 0);
	assert_int_equal(vaardigheden_bits("a", names, &nnames, &bits, &e),
			 ST_OK);
	assert_int_equal(bits, 2);
	assert_int_equal(vaardigheden_bits(NULL, names, &nnames, &bits, &e),
			 ST_OK);
	assert_int_equal(bits, 0);
	/* 64 distinct codes fit, the 65th not. */
	nnames = 0;
	for (int i = 0; i < AFSPRAAK_MAX_VAARDIGHEDEN; i++)
		k += (size_t)snprintf(lijst + k, sizeof lijst - k, "%s%d",
				      i ? "," : "", i);
	assert_int_equal(vaardigheden_bits(lijst, names, &nnames, &bits, &e),
			 ST_OK);
	assert_int_equal(nnames, 64);
	assert_true(bits == UINT64_MAX);
	assert_int_equal(vaardigheden_bits("63,x", names, &nnames, &bits, &e),
			 ST_INVALID);
	assert_only_problem(&e, "vaardigheden", "too-many");
	assert_int_equal(bits, 0);
}

static void
test_namen(void **state)
{
	enum kanaal k;
	enum afspraak_status s;
	static const char *const st[] = { "geboekt", "geannuleerd", "aanwezig",
					  "geholpen", "niet_verschenen" };

	(void)state;
	assert_string_equal(kanaal_name(KANAAL_FYSIEK), "fysiek");
	assert_string_equal(kanaal_name(KANAAL_VIDEO), "video");
	assert_int_equal(kanaal_parse("video", &k), 0);
	assert_int_equal(k, KANAAL_VIDEO);
	assert_int_equal(kanaal_parse("fysiek", &k), 0);
	assert_int_equal(k, KANAAL_FYSIEK);
	assert_int_equal(kanaal_parse("Video", &k), -1);
	assert_int_equal(kanaal_parse(NULL, &k), -1);
	for (int i = 0; i < 5; i++) {
		assert_string_equal(
			afspraak_status_name((enum afspraak_status)i), st[i]);
		assert_int_equal(afspraak_status_parse(st[i], &s), 0);
		assert_int_equal(s, i);
	}
	assert_int_equal(afspraak_status_parse("niet verschenen", &s), -1);
	assert_string_equal(afspraak_status_name((enum afspraak_status)5), "?");
}

/* The 40 bits back from a code, for the test. */
static uint64_t
terug(const char *s)
{
	static const char abc[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
	uint64_t v = 0;

	for (int i = 0; i < 8; i++)
		v = v << 5 | (uint64_t)(strchr(abc, s[i]) - abc);
	return v;
}

static void
test_referentie(void **state)
{
	static const uint8_t nul[5] = { 0 },
			     vol[5] = { 255, 255, 255, 255, 255 },
			     a[5] = { 0x01, 0x23, 0x45, 0x67, 0x89 },
			     b[5] = { 0xa5, 0xc3, 0xe1, 0x8f, 0x42 };
	char buf[AFSPRAAK_REFERENTIE_LEN + 1];

	(void)state;
	afspraak_referentie(nul, buf);
	assert_string_equal(buf, "22222222");
	afspraak_referentie(vol, buf);
	assert_string_equal(buf, "ZZZZZZZZ");
	afspraak_referentie(a, buf);
	assert_string_equal(buf, "26KNCTWB");
	afspraak_referentie(b, buf);
	assert_string_equal(buf, "NR3Y55U4");
	for (int i = 0; i < 100000; i++) {
		uint64_t v = rnd() & 0xffffffffffu;
		uint8_t r[5];

		for (int j = 0; j < 5; j++)
			r[j] = (uint8_t)(v >> (32 - 8 * j));
		afspraak_referentie(r, buf);
		assert_int_equal(strlen(buf), 8);
		assert_int_equal(strcspn(buf, "01OIo"), 8);
		assert_int_equal(terug(buf), v);
		assert_true(afspraak_referentie_geldig(buf));
	}
	assert_true(afspraak_referentie_geldig("26kncTwb"));
	assert_true(afspraak_referentie_geldig("LLLLLLLL"));
	assert_false(afspraak_referentie_geldig("26KNCTW"));
	assert_false(afspraak_referentie_geldig("26KNCTWBB"));
	assert_false(afspraak_referentie_geldig("26KNCTW0"));
	assert_false(afspraak_referentie_geldig("26KNCTWO"));
	assert_false(afspraak_referentie_geldig("26KNCTW1"));
	assert_false(afspraak_referentie_geldig("26KNCTWI"));
	assert_false(afspraak_referentie_geldig("26KNCTWi"));
	assert_false(afspraak_referentie_geldig("26KNC-WB"));
	assert_false(afspraak_referentie_geldig(""));
	assert_false(afspraak_referentie_geldig(NULL));
}

static void
test_check_email(void **state)
{
	static const struct {
		const char *name, *s, *code;
	} cases[] = {
		{ "plain", "jan@voorbeeld.nl", NULL },
		{ "subdomain and plus", "j.de.vries+afspraak@mail.aalsmeer.nl",
		  NULL },
		{ "non-ASCII", "zo\xc3\xab@voorbeeld.nl", NULL },
		{ "empty", "", "required" },
		{ "absent", NULL, "required" },
		{ "no at", "jan.voorbeeld.nl", "format" },
		{ "two ats", "jan@jan@voorbeeld.nl", "format" },
		{ "nothing before at", "@voorbeeld.nl", "format" },
		{ "no dot in domain", "jan@localhost", "format" },
		{ "dot after at", "jan@.nl", "format" },
		{ "dot at the end", "jan@voorbeeld.nl.", "format" },
		{ "two dots", "jan@voorbeeld..nl", "format" },
		{ "space", "jan @voorbeeld.nl", "format" },
		{ "newline", "jan@voorbeeld.nl\nBcc: x@y.nl", "format" },
		{ "comma", "jan@voorbeeld.nl,piet@voorbeeld.nl", "format" },
		{ "angle brackets", "<jan@voorbeeld.nl>", "format" },
		{ "bad UTF-8", "jan\xff@voorbeeld.nl", "format" },
	};
	char lang[300];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct err e;

		print_message("# case: %s\n", cases[i].name);
		err_clear(&e);
		if (!cases[i].code) {
			assert_int_equal(
				afspraak_check_email(cases[i].s, "email", &e),
				ST_OK);
			assert_int_equal(e.nproblems, 0);
		} else {
			assert_int_equal(
				afspraak_check_email(cases[i].s, "email", &e),
				ST_INVALID);
			assert_only_problem(&e, "email", cases[i].code);
		}
	}
	/* 254 characters pass, 255 not. */
	memset(lang, 'a', 250);
	memcpy(lang + 250, "@x.nl", 6);
	{
		struct err e;

		err_clear(&e);
		assert_int_equal(afspraak_check_email(lang + 1, "email", &e),
				 ST_OK);
		assert_int_equal(afspraak_check_email(lang, "email", &e),
				 ST_INVALID);
		assert_only_problem(&e, "email", "too-long");
		assert_string_equal(e.problems[0].reason,
				    "Gebruik hoogstens 254 tekens.");
		err_clear(&e);
		afspraak_check_email("jan", "email", &e);
		assert_string_equal(e.problems[0].reason,
				    "Vul een geldig e-mailadres in, zoals "
				    "naam@voorbeeld.nl.");
	}
}

static void
test_check_telefoon(void **state)
{
	static const struct {
		const char *name, *s, *code;
	} cases[] = {
		{ "mobile", "0612345678", NULL },
		{ "spaces and dash", "020 - 123 45 67", NULL },
		{ "international", "+31 6 12345678", NULL },
		{ "fifteen digits", "+123456789012345", NULL },
		{ "twenty characters", "+31 6 1234 5678 9 01", NULL },
		{ "empty", "", "required" },
		{ "absent", NULL, "required" },
		{ "nine digits", "061234567", "digits" },
		{ "sixteen digits", "1234567890123456", "digits" },
		{ "letters", "06-CALLME12", "format" },
		{ "parentheses", "(020) 1234567", "format" },
		{ "plus inside", "06+12345678", "format" },
		{ "twenty-one characters", "+31 6 1234 5678 9 012",
		  "too-long" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct err e;

		print_message("# case: %s\n", cases[i].name);
		err_clear(&e);
		if (!cases[i].code) {
			assert_int_equal(afspraak_check_telefoon(
						 cases[i].s, "telefoon", &e),
					 ST_OK);
		} else {
			assert_int_equal(afspraak_check_telefoon(
						 cases[i].s, "telefoon", &e),
					 ST_INVALID);
			assert_only_problem(&e, "telefoon", cases[i].code);
		}
	}
	{
		struct err e;

		err_clear(&e);
		afspraak_check_telefoon("061234567", "telefoon", &e);
		assert_string_equal(e.problems[0].reason,
				    "Een telefoonnummer heeft 10 tot en met 15 "
				    "cijfers.");
	}
}

static void
test_check_codes(void **state)
{
	static const struct {
		const char *name, *s, *code;
	} vaardig[] = {
		{ "empty", "", NULL },
		{ "absent", NULL, NULL },
		{ "one", "paspoort", NULL },
		{ "several", "paspoort,rijbewijs,burgerzaken_2", NULL },
		{ "32 characters", "abcdefghijklmnopqrstuvwxyz012345", NULL },
		{ "33 characters", "abcdefghijklmnopqrstuvwxyz0123456",
		  "format" },
		{ "empty item", "paspoort,,rijbewijs", "format" },
		{ "trailing comma", "paspoort,", "format" },
		{ "space", "paspoort, rijbewijs", "format" },
		{ "capital", "Paspoort", "format" },
	}, code[] = {
		{ "plain", "aalsmeer-raadhuis", NULL },
		{ "underscore", "uittreksel_brp", NULL },
		{ "empty", "", "required" },
		{ "absent", NULL, "required" },
		{ "capital", "Aalsmeer", "format" },
		{ "space", "aalsmeer raadhuis", "format" },
		{ "accent", "zo\xc3\xab", "format" },
	};
	char lang[AFSPRAAK_MAX_CODE + 2];
	char veel[70 * 4];
	struct err e;
	size_t k = 0;

	(void)state;
	for (size_t i = 0; i < sizeof vaardig / sizeof *vaardig; i++) {
		print_message("# vaardigheden: %s\n", vaardig[i].name);
		err_clear(&e);
		assert_int_equal(afspraak_check_vaardigheden(
					 vaardig[i].s, "vaardigheden", &e),
				 vaardig[i].code ? ST_INVALID : ST_OK);
		if (vaardig[i].code)
			assert_only_problem(&e, "vaardigheden",
					    vaardig[i].code);
	}
	for (int i = 0; i < 64; i++)
		k += (size_t)snprintf(veel + k, sizeof veel - k, "%s%d",
				      i ? "," : "", i);
	err_clear(&e);
	assert_int_equal(afspraak_check_vaardigheden(veel, "v", &e), ST_OK);
	snprintf(veel + k, sizeof veel - k, ",0,64");
	assert_int_equal(afspraak_check_vaardigheden(veel, "v", &e),
			 ST_INVALID);
	assert_only_problem(&e, "v", "too-many");

	for (size_t i = 0; i < sizeof code / sizeof *code; i++) {
		print_message("# code: %s\n", code[i].name);
		err_clear(&e);
		assert_int_equal(afspraak_check_code(code[i].s, "code", &e),
				 code[i].code ? ST_INVALID : ST_OK);
		if (code[i].code)
			assert_only_problem(&e, "code", code[i].code);
	}
	memset(lang, 'a', sizeof lang - 1);
	lang[sizeof lang - 1] = '\0';
	err_clear(&e);
	assert_int_equal(afspraak_check_code(lang + 1, "code", &e), ST_OK);
	assert_int_equal(afspraak_check_code(lang, "code", &e), ST_INVALID);
	assert_only_problem(&e, "code", "too-long");
}

static void
test_contact_past(void **state)
{
	static const struct {
		const char *name, *gegeven, *email, *telefoon;
		bool past;
	} cases[] = {
		{ "e-mail", "jan@voorbeeld.nl", "jan@voorbeeld.nl", NULL,
		  true },
		{ "e-mail any case", "Jan@Voorbeeld.NL", "jan@voorbeeld.nl",
		  "0612345678", true },
		{ "e-mail with spaces around", "  jan@voorbeeld.nl ",
		  "jan@voorbeeld.nl", NULL, true },
		{ "other e-mail", "piet@voorbeeld.nl", "jan@voorbeeld.nl",
		  "0612345678", false },
		{ "e-mail longer", "jan@voorbeeld.nl.x", "jan@voorbeeld.nl",
		  NULL, false },
		{ "e-mail, none stored", "jan@voorbeeld.nl", NULL, "0612345678",
		  false },
		{ "telephone by digits", "06-1234 5678", NULL, "0612345678",
		  true },
		{ "telephone +31", "+31 6 12345678", "jan@voorbeeld.nl",
		  "06 12 34 56 78", true },
		{ "telephone 0031", "0031612345678", NULL, "+31612345678",
		  true },
		{ "telephone with parentheses", "(06) 12345678", NULL,
		  "0612345678", true },
		{ "other telephone", "0612345679", NULL, "0612345678", false },
		{ "telephone, none stored", "0612345678", "jan@voorbeeld.nl",
		  NULL, false },
		{ "e-mail as telephone", "0612345678", "0612345678", NULL,
		  false },
		{ "letters", "06 jan", NULL, "06", false },
		{ "empty", "", "", "", false },
		{ "spaces", "   ", NULL, "0612345678", false },
		{ "absent", NULL, "jan@voorbeeld.nl", "0612345678", false },
		{ "digits of another country", "+32 6 12345678", NULL,
		  "0612345678", false },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		print_message("# case: %s\n", cases[i].name);
		assert_int_equal(afspraak_contact_past(cases[i].gegeven,
						       cases[i].email,
						       cases[i].telefoon),
				 cases[i].past);
	}
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utc),
		cmocka_unit_test(test_lokaal_en_format),
		cmocka_unit_test(test_heen_en_terug),
		cmocka_unit_test(test_feestdagen_bestand),
		cmocka_unit_test(test_feestdagen_regels),
		cmocka_unit_test_setup_teardown(test_open_intervallen, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_open_intervallen_zomertijd,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_zomertijd_video, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_zomertijd_raadhuis,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_feestdagen_dicht, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_sluitingen, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_buffer, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_pauze_opening, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_pauze_rooster, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_voorbereiding_horizon,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_minder_balies, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_minder_medewerkers,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_twee_raadhuizen, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_personen, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_vaardigheden_zoek,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_raster, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_ongeldig, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_leeg, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_geheugen, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_dubbele_vestiging,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_tegen_definitie, fx_setup,
						fx_teardown),
		cmocka_unit_test(test_vaardigheden_bits),
		cmocka_unit_test(test_namen),
		cmocka_unit_test(test_referentie),
		cmocka_unit_test(test_check_email),
		cmocka_unit_test(test_check_telefoon),
		cmocka_unit_test(test_check_codes),
		cmocka_unit_test(test_contact_past),
	};

	if (argc < 2) {
		fprintf(stderr, "gebruik: %s FEESTDAGEN-CSV\n", argv[0]);
		return 2;
	}
	feestdagen_csv = argv[1];
	return RUN_TESTS(tests);
}

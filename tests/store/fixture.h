/*
 * fixture.h - what the store suites share: a fresh database per test on
 * the engine the suite runs on (a SQLite file on disk, or with
 * AMBT_TEST_ENGINE=postgresql a database of its own in the cluster
 * AMBT_TEST_PG names, emptied first), raw access beside the store through
 * the driver (db.h), a fingerprint of the whole database to prove that a
 * refusal changed nothing, and the small register most tests start from.
 *
 * Every suite's main() calls fixture_engine() first and skips (TAP
 * "1..0 # SKIP") when it is to run on PostgreSQL without a cluster. Each
 * suite names its own PostgreSQL database (FIXTURE_DB, defined before
 * this header is included), so that the suites can run at the same time.
 */
#ifndef AMBT_TESTS_STORE_FIXTURE_H
#define AMBT_TESTS_STORE_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../test.h"
#include "../test_db.h"
#include "../../src/store/db.h"
#include "../../src/store/store.h"

#ifndef FIXTURE_DB
#define FIXTURE_DB "store_test"
#endif

#define TODAY D("2026-11-22")

/* The store's clock (NOW) as written in time stamps. */
#define NOW_ISO "2026-11-22T09:30:00Z"

struct fixture {
	char dir[256];
	char path[300];
	struct store *s;
	struct arena a;
	struct err e;
};

/* The cluster's URL when the suite runs on PostgreSQL, else NULL. */
static const char *pg;

/*
 * Which engine this run is for: 0 to run (pg set for PostgreSQL), 1 when
 * it is to be skipped (the skip line is printed).
 */
static inline int
fixture_engine(void)
{
	const char *engine = getenv("AMBT_TEST_ENGINE");

	if (engine && strcmp(engine, "postgresql") == 0) {
		pg = getenv("AMBT_TEST_PG");
		if (!pg || !*pg || !strrchr(pg, '/')) {
			printf("1..0 # SKIP no PostgreSQL cluster "
			       "(AMBT_TEST_PG is not set)\n");
			return 1;
		}
	}
	return 0;
}

static inline int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	if (test_db_make(f->dir, sizeof(f->dir), f->path, sizeof(f->path),
			 "ambt-store"))
		return -1;
	err_clear(&f->e);
	if (pg) {
		/* The same database each time, emptied first. */
		const char *slash = strrchr(pg, '/');

		snprintf(f->path, sizeof(f->path), "%.*s/" FIXTURE_DB,
			 (int)(slash - pg), pg);
		if (store_wis(f->path, &f->e))
			return -1;
	}
	if (store_open(f->path, STORE_CREATE, &f->s, &f->e))
		return -1;
	arena_init(&f->a, 64u << 20);
	store_set_clock(f->s, NOW);
	store_set_zicht(f->s, &zicht_alles); /* as the command line */
	*state = f;
	return 0;
}

static inline int
teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->s);
	arena_free(&f->a);
	test_db_remove(f->dir, f->path);
	free(f);
	return 0;
}

#define OK(call)                                                            \
	do {                                                                \
		err_clear(&f->e);                                           \
		enum status st_ = (call);                                   \
		if (st_ != ST_OK)                                           \
			fail_msg("%s: %s %s (%s)", #call, status_name(st_), \
				 f->e.message, f->e.detail);                \
	} while (0)

/* A connection of its own, beside the store's (the engine's driver). */
static inline struct db *
raw_open(struct fixture *f)
{
	struct db *db;
	char melding[512];

	if (db_open(f->path, false, &db, melding, sizeof(melding)) != DB_OK)
		fail_msg("cannot open %s: %s", f->path, melding);
	return db;
}

/* The first column of the first row of `sql` as a number, read with a
 * raw connection (-1 when there is no row; NULL reads as 0). */
static inline long
raw_int(struct fixture *f, const char *sql)
{
	struct db *db = raw_open(f);
	struct db_stmt *st = db_stmt(db, 0, sql);
	long n = -1;

	if (!st)
		fail_msg("%s: %s", sql, db_errmsg(db));
	if (db_step(st) == 1)
		n = (long)db_col_int(st, 0);
	db_close(db);
	return n;
}

/* Count rows with a raw connection, independent of the store. */
static inline long
count(struct fixture *f, const char *table)
{
	char sql[128];

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", table);
	return raw_int(f, sql);
}

/* Run SQL beside the store, as someone who goes around it would. */
static inline enum db_fout
raw_exec(struct fixture *f, const char *sql)
{
	struct db *db = raw_open(f);
	enum db_fout r = db_exec(db, sql);

	db_close(db);
	return r;
}

/* ---- nothing changed ---- */

/* What the database holds (store_inhoud) and its generations: the sum
 * over every family, which any write of any family raises. */
struct stand {
	struct store_tabel *t;
	size_t n;
	int64_t generatie;
};

static inline struct stand
stand_van(struct fixture *f)
{
	struct stand x;
	struct err e;

	err_clear(&e);
	if (store_inhoud(f->s, &f->a, &x.t, &x.n, &e))
		fail_msg("store_inhoud: %s (%s)", e.message, e.detail);
	x.generatie = raw_int(f, "SELECT CAST(sum(n) AS BIGINT) FROM "
				 "generatie");
	return x;
}

/* Fail, naming every table that differs, unless the database holds
 * exactly what it held at `voor` and no generation moved. The counters
 * of the abuse limits (afspraak_teller) count refusals by design; their
 * own tests check them. */
static inline void
assert_ongewijzigd(struct fixture *f, const struct stand *voor)
{
	struct stand na = stand_van(f);
	int verschil = 0;

	assert_int_equal(na.n, voor->n);
	for (size_t i = 0; i < na.n; i++)
		if (strcmp(na.t[i].naam, "afspraak_teller") != 0 &&
		    (na.t[i].rijen != voor->t[i].rijen ||
		     strcmp(na.t[i].sha256, voor->t[i].sha256) != 0)) {
			print_message("# table %s changed: %lld rows, were "
				      "%lld\n",
				      na.t[i].naam, (long long)na.t[i].rijen,
				      (long long)voor->t[i].rijen);
			verschil++;
		}
	if (verschil)
		fail_msg("the database changed in %d table(s)", verschil);
	assert_int_equal(na.generatie, voor->generatie);
}

/*
 * Run `call`, which must answer exactly `want` (not ST_OK) and leave the
 * database as it was. f->e holds its answer afterwards.
 */
#define REFUSED(call, want)                                            \
	do {                                                           \
		struct stand voor_ = stand_van(f);                     \
		err_clear(&f->e);                                      \
		enum status st_ = (call);                              \
		if (st_ != (want))                                     \
			fail_msg("%s: %s, expected %s (%s %s)", #call, \
				 status_name(st_), status_name(want),  \
				 f->e.message, f->e.detail);           \
		assert_int_equal(f->e.status, (want));                 \
		assert_ongewijzigd(f, &voor_);                         \
	} while (0)

/* ---- a small register ---- */

static inline void
add_gemeente(struct fixture *f, const char *code, const char *naam)
{
	struct organisatie o = { .soort = ORG_GEMEENTE,
				 .code = code,
				 .naam = naam,
				 .inwoners = -1,
				 .inwoners_peildatum = DATE_NONE };
	OK(store_organisatie_add(f->s, &o, TODAY, &f->e));
}

/* A decision adopted on `datum` with this publicity (a secret one is
 * secret until 2030); returns its identificatie. */
static inline const char *
add_besluit_als(struct fixture *f, const char *ident, const char *org,
		const char *datum, enum openbaarheid openbaarheid)
{
	struct besluit_stap h = { BESLUIT_VASTGESTELD, D(datum), NULL };
	struct besluit b = {
		.identificatie = ident,
		.verantwoordelijke_organisatie = org,
		.bestuursorgaan = ORGAAN_GEMEENTERAAD,
		.datum = D(datum),
		.ingangsdatum = DATE_NONE,
		.vervaldatum = DATE_NONE,
		.publicatiedatum = DATE_NONE,
		.onderwerp = "Onderwerp",
		.openbaarheid = openbaarheid,
		.geheim_tot = openbaarheid == OPENBAAR_GEHEIM ? D("2030-01-01")
							      : DATE_NONE,
		.status = BESLUIT_VASTGESTELD,
		.historie = &h,
		.nhistorie = 1,
	};
	const char *out = NULL;

	OK(store_besluit_add(f->s, &f->a, &b, TODAY, &out, NULL, &f->e));
	return out;
}

static inline const char *
add_besluit(struct fixture *f, const char *ident, const char *org,
	    const char *datum)
{
	return add_besluit_als(f, ident, org, datum, OPENBAAR_ACTIEF);
}

/* The store's number of decision `ident` (of `org`, or the only one). */
static inline int64_t
besluit_nr(struct fixture *f, const char *ident, const char *org)
{
	struct besluit b;

	OK(store_besluit_kies(f->s, &f->a, ident, org, "organisatie", &b,
			      &f->e));
	return b.id;
}

/* HB with two members, GRIT, and a start decision. */
static inline void
add_hb(struct fixture *f)
{
	struct samenwerking sw = { .code = "HB",
				   .naam = "Heemstede–Bloemendaal",
				   .sinds = D("2013-01-01") };
	struct organisatie grit = { .soort = ORG_REGELING,
				    .code = "GRIT",
				    .naam = "GR IT",
				    .inwoners = -1,
				    .inwoners_peildatum = DATE_NONE };
	struct lidmaatschap l1 = { .gemeente = "GM0397",
				   .periode = { D("2013-01-01"), DATE_NONE } };
	struct lidmaatschap l2 = { .gemeente = "GM0377",
				   .periode = { D("2013-01-01"), DATE_NONE } };

	add_gemeente(f, "GM0397", "Heemstede");
	add_gemeente(f, "GM0377", "Bloemendaal");
	OK(store_organisatie_add(f->s, &grit, TODAY, &f->e));
	add_besluit(f, "START", "GM0397", "2012-12-01");
	add_besluit(f, "GRIT-2021", "GM0397", "2021-04-22");
	OK(store_samenwerking_add(f->s, &sw, &f->e));
	OK(store_samenwerking_lid_add(f->s, "HB", &l1, &f->e));
	OK(store_samenwerking_lid_add(f->s, "HB", &l2, &f->e));
}

/* One unit of cooperation `sw`, shared from 2013 on (decision START). */
static inline void
add_eenheid(struct fixture *f, const char *sw, const char *code,
	    const char *naam)
{
	struct eenheid u = { .code = code,
			     .naam = naam,
			     .soort = EENHEID_AFDELING,
			     .samenwerking = sw };
	struct inrichting hist[] = {
		{ .periode = { D("2013-01-01"), DATE_NONE },
		  .vorm = VORM_GEDEELD,
		  .besluit = "START" },
	};

	OK(store_eenheid_add(f->s, &u, hist, 1, &f->e));
}

/* Register one test function with the fixture. */
#define TEST(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

#endif

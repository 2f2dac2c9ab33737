/*
 * test_store_balie.c - the desk in the store, on both engines
 * (fixture.h): status changes in order, served time booked as hours in
 * the desk's own batch (and removed when undone), the 24-hour rule, a
 * walk-in, and the statistics of a small known set.
 *
 * The fixture: Heemstede (GM0397) in HB; staff member M1 of unit
 * hb-loket; the town hall of Heemstede (one desk, Monday to Friday
 * 09:00-12:00, a 10-minute grid); paspoort (10 minutes a person, an
 * hour's notice) and uittreksel (5 minutes, no notice); M1 rostered there
 * on Monday 23 November 2026 09:00-11:00. The clock: Sunday 22 November
 * 2026 10:30 (NOW).
 */
#include <stdio.h>
#include <string.h>

#define FIXTURE_DB "store_balie_test"
#include "fixture.h"

#define MAANDAG "2026-11-23"
#define RAADHUIS "heemstede-raadhuis"

static int64_t
ma(const char *hhmm)
{
	char buf[40];
	int64_t t = 0;

	snprintf(buf, sizeof(buf), MAANDAG "T%s:00+01:00", hhmm);
	if (date_parse_instant(buf, &t))
		fail_msg("bad instant %s", buf);
	return t;
}

static const struct openingstijd werkdagen[] = {
	{ 0, 540, 720 }, { 1, 540, 720 }, { 2, 540, 720 },
	{ 3, 540, 720 }, { 4, 540, 720 },
};

static void
add_balie(struct fixture *f)
{
	struct medewerker m = { .nummer = "M1",
				.naam = "Medewerker Een",
				.werkgever = "GM0397",
				.eenheid = "hb-loket",
				.fte = 1000,
				.periode = { D("2015-01-01"), DATE_NONE } };
	struct vestiging v = { .gemeente = "GM0397",
			       .code = RAADHUIS,
			       .naam = "Raadhuis",
			       .kanaal = KANAAL_FYSIEK,
			       .adres = "Raadhuisplein 1",
			       .postcode = "2101 HA",
			       .plaats = "Heemstede",
			       .balies = 1,
			       .raster = 10,
			       .open = (struct openingstijd *)werkdagen,
			       .nopen = 5 };
	struct balieproduct p = { .gemeente = "GM0397",
				  .code = "paspoort",
				  .naam = "Paspoort",
				  .duur = 10,
				  .fysiek = true,
				  .voorbereiding = 60,
				  .horizon = 30,
				  .max_personen = 5,
				  .actief = true };
	struct dienst d = { .medewerker = "M1",
			    .vestiging = RAADHUIS,
			    .datum = D(MAANDAG),
			    .van = 540,
			    .tot = 660 };
	int64_t id, *ids;
	size_t n;

	add_hb(f);
	add_eenheid(f, "HB", "hb-loket", "Loket");
	OK(store_medewerker_add(f->s, &m, &f->e));
	OK(store_vestiging_add(f->s, &v, &id, &f->e));
	OK(store_balieproduct_add(f->s, &p, &id, &f->e));
	p.code = "uittreksel";
	p.naam = "Uittreksel";
	p.duur = 5;
	p.voorbereiding = 0;
	OK(store_balieproduct_add(f->s, &p, &id, &f->e));
	OK(store_dienst_add(f->s, &d, DATE_NONE, NULL, 0, &f->a, &ids, &n,
			    &f->e));
}

static enum status
boek(struct fixture *f, const char *product, int personen, int64_t start,
     const char *ref, struct afspraak *out)
{
	struct afspraak_regel r = { .product = product, .personen = personen };
	struct afspraak_boeking b = {
		.vraag = { .gemeente = "GM0397",
			   .regels = &r,
			   .nregels = 1,
			   .kanaal = KANAAL_FYSIEK,
			   .vestiging = RAADHUIS },
		.start = start,
		.naam = "Jan Jansen",
		.email = "jan@example.nl",
		.referentie = ref,
	};
	bool x;

	err_clear(&f->e);
	return store_afspraak_add(f->s, &b, &f->a, out, &x, &f->e);
}

static enum status
zet(struct fixture *f, const char *ref, enum afspraak_status st,
    struct afspraak *out)
{
	err_clear(&f->e);
	return store_afspraak_status(f->s, ref, st, &f->a, out, &f->e);
}

/* HB's hours of GM0397 and hb-loket in November 2026, hundredths. */
static int64_t
uren_nov(struct fixture *f)
{
	struct uren_maand *m;
	size_t n;
	int64_t som = 0;

	OK(store_uren_maanden(f->s, &f->a, "HB", 2026, 2026, &m, &n, &f->e));
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(m[i].gemeente, "GM0397");
		assert_string_equal(m[i].eenheid, "hb-loket");
		assert_int_equal(m[i].maand, 11);
		som += m[i].honderdsten;
	}
	return som;
}

static void
test_geholpen_uren(void **state)
{
	struct fixture *f = *state;
	struct afspraak a;
	struct uren_register r;
	struct uren_cel *c;
	size_t nc;

	add_balie(f);
	assert_int_equal(boek(f, "paspoort", 3, ma("09:00"), "ABCD2345", &a),
			 ST_OK);
	/* Not before its day: refused, nothing changed. */
	REFUSED(zet(f, "ABCD2345", AS_GEHOLPEN, &a), ST_CONFLICT);
	assert_string_equal(f->e.message, "Deze afspraak is pas op een latere "
					  "dag; dat kan pas op de dag zelf.");
	store_set_clock(f->s, ma("09:05"));
	/* Not a no-show once arrived; not served twice. */
	OK(zet(f, "ABCD2345", AS_AANWEZIG, &a));
	assert_int_equal(a.status, AS_AANWEZIG);
	assert_int_equal(a.status_tijd, ma("09:05"));
	REFUSED(zet(f, "ABCD2345", AS_NIET_VERSCHENEN, &a), ST_CONFLICT);
	assert_int_equal(uren_nov(f), 0);
	store_set_clock(f->s, ma("09:31"));
	OK(zet(f, "ABCD2345", AS_GEHOLPEN, &a));
	assert_int_equal(a.status, AS_GEHOLPEN);
	/* Three passports of 10 minutes: half an hour for Heemstede. */
	assert_int_equal(uren_nov(f), 50);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM uren_batch WHERE "
				    "bron = 'balie' AND rijen = 1 AND "
				    "honderdsten = 50 AND van = '2026-11-23'"),
			 1);
	assert_int_equal(raw_int(f, "SELECT honderdsten FROM uren WHERE "
				    "omschrijving = 'afspraak ABCD2345' AND "
				    "datum = '2026-11-23' AND week = 0"),
			 50);
	/* The input of the calculation and the framework check. */
	OK(store_uren_register(f->s, &f->a, &r, &f->e));
	OK(store_uren_cellen(f->s, &f->a, &r, "HB", D("2026-01-01"),
			     D("2027-01-01"), &c, &nc, &f->e));
	assert_int_equal(nc, 1);
	assert_int_equal(c[0].honderdsten, 50);
	assert_int_equal(c[0].dag, D(MAANDAG));
	REFUSED(zet(f, "ABCD2345", AS_GEHOLPEN, &a), ST_CONFLICT);
	assert_string_equal(f->e.message, "De afspraak heeft deze status al.");
	/* Undone: the hours go. */
	OK(zet(f, "ABCD2345", AS_AANWEZIG, &a));
	assert_int_equal(uren_nov(f), 0);
	assert_int_equal(count(f, "uren"), 0);
	assert_int_equal(count(f, "uren_cel"), 0);
	OK(zet(f, "ABCD2345", AS_GEHOLPEN, &a));
	assert_int_equal(uren_nov(f), 50);
	/* The audit trail: the status and the hours, never who. */
	assert_int_equal(raw_int(f, "SELECT count(*) FROM audit WHERE "
				    "resource = 'afspraak' AND toelichting = "
				    "'geholpen' AND nieuw LIKE "
				    "'%\"uren\":\"0,50\"%'"),
			 2);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM audit WHERE "
				    "coalesce(oud, '') || coalesce(nieuw, '') "
				    "LIKE '%Jansen%'"),
			 0);
	/* A 24-hour day: an imported 23,75 hours leave no room for it. */
	OK(zet(f, "ABCD2345", AS_AANWEZIG, &a));
	assert_int_equal(raw_exec(f,
				  "INSERT INTO uren_batch (id, hash, "
				  "ingelezen, rijen, honderdsten, "
				  "medewerkers, gemeenten, afwijkingen, van, "
				  "tot, eerste_id, laatste_id, "
				  "samenwerking_id) VALUES (50, 'x', "
				  "'2026-11-22T09:00:00Z', 1, 2375, 1, 1, 0, "
				  "'2026-11-23', '2026-11-23', 100, 100, "
				  "(SELECT id FROM samenwerking WHERE code = "
				  "'HB'))"),
			 DB_OK);
	assert_int_equal(raw_exec(f,
				  "INSERT INTO uren (id, batch_id, regel, "
				  "medewerker_id, datum, week, gemeente_id, "
				  "eenheid_id, honderdsten) SELECT 100, 50, "
				  "2, m.id, '2026-11-23', 0, m.werkgever_id, "
				  "m.eenheid_id, 2375 FROM medewerker m "
				  "WHERE m.nummer = 'M1'"),
			 DB_OK);
	REFUSED(zet(f, "ABCD2345", AS_GEHOLPEN, &a), ST_CONFLICT);
	assert_string_equal(
		f->e.message,
		"Medewerker M1 heeft op 23 november 2026 al 23,75 uur "
		"geboekt; met deze afspraak erbij wordt dat meer "
		"dan 24 uur.");
}

static void
test_volgorde_inloop_statistiek(void **state)
{
	struct fixture *f = *state;
	struct afspraak a;
	struct afspraak_telling *t;
	size_t n;

	add_balie(f);
	/* Booked at NOW (Sunday 10:30), each recording its first free
	 * time. */
	assert_int_equal(boek(f, "paspoort", 1, ma("09:30"), "AAAA2222", &a),
			 ST_OK);
	assert_int_equal(boek(f, "uittreksel", 1, ma("09:00"), "BBBB2222", &a),
			 ST_OK);
	assert_int_equal(boek(f, "paspoort", 1, ma("10:00"), "CCCC2222", &a),
			 ST_OK);
	OK(store_afspraak_cancel(f->s, "CCCC2222", NULL, &f->a, &a, &f->e));
	store_set_clock(f->s, ma("09:10"));
	/* Cancelled stays cancelled; no-show only once begun. */
	REFUSED(zet(f, "CCCC2222", AS_GEHOLPEN, &a), ST_CONFLICT);
	assert_string_equal(f->e.message, "Deze afspraak is geannuleerd; de "
					  "status kan niet meer veranderen.");
	REFUSED(zet(f, "AAAA2222", AS_NIET_VERSCHENEN, &a), ST_CONFLICT);
	REFUSED(zet(f, "ZZZZ2222", AS_AANWEZIG, &a), ST_NOT_FOUND);
	OK(zet(f, "BBBB2222", AS_NIET_VERSCHENEN, &a));
	/* A walk-in now: the first free start after 09:10 on the grid. */
	{
		struct afspraak_regel r = { .product = "paspoort",
					    .personen = 1 };
		struct afspraak_boeking b = {
			.vraag = { .gemeente = "GM0397",
				   .regels = &r,
				   .nregels = 1,
				   .kanaal = KANAAL_FYSIEK,
				   .vestiging = RAADHUIS },
			.referentie = "DDDD2222",
			.inloop = true,
		};
		bool x;

		OK(store_afspraak_add(f->s, &b, &f->a, &a, &x, &f->e));
		assert_int_equal(a.start, ma("09:20"));
		assert_true(a.inloop);
		assert_null(a.naam);
	}
	store_set_clock(f->s, ma("09:40"));
	OK(zet(f, "AAAA2222", AS_GEHOLPEN, &a));
	OK(zet(f, "DDDD2222", AS_GEHOLPEN, &a));
	/* 10 + 10 minutes: 17 + 17 hundredths (16,67 rounded). */
	assert_int_equal(raw_int(f, "SELECT sum(honderdsten) FROM uren"), 34);

	OK(store_afspraak_statistiek(f->s, "GM0397", D(MAANDAG), D(MAANDAG),
				     &f->a, &t, &n, &f->e));
	assert_int_equal(n, 5);
	assert_string_equal(t[0].soort, "gemeente");
	assert_int_equal(t[0].geboekt, 4);
	assert_int_equal(t[0].inloop, 1);
	assert_int_equal(t[0].geholpen, 2);
	assert_int_equal(t[0].niet_verschenen, 1);
	assert_int_equal(t[0].geannuleerd, 1);
	/* Booked Sunday 10:30 with Monday 09:00 free (22.5 hours), but
	 * for the last: 09:00 was taken then, 09:10 the first free. */
	assert_int_equal(t[0].wacht_n, 3);
	assert_int_equal(t[0].wacht_seconden, 81000 + 81000 + 81600);
	assert_string_equal(t[1].soort, "kanaal");
	assert_string_equal(t[1].kanaal, "fysiek");
	assert_int_equal(t[1].geboekt, 4);
	assert_string_equal(t[2].soort, "vestiging");
	assert_string_equal(t[2].vestiging, RAADHUIS);
	assert_int_equal(t[2].geboekt, 4);
	assert_string_equal(t[3].product, "paspoort");
	assert_int_equal(t[3].geboekt, 3);
	assert_int_equal(t[3].geholpen, 2);
	assert_int_equal(t[3].geannuleerd, 1);
	assert_int_equal(t[3].wacht_n, 2);
	assert_string_equal(t[4].product, "uittreksel");
	assert_int_equal(t[4].geboekt, 1);
	assert_int_equal(t[4].niet_verschenen, 1);
	/* Another period: only the total, all zeros; bad input refused. */
	OK(store_afspraak_statistiek(f->s, "GM0397", D("2026-11-24"),
				     D("2026-11-30"), &f->a, &t, &n, &f->e));
	assert_int_equal(n, 1);
	assert_int_equal(t[0].geboekt, 0);
	REFUSED(store_afspraak_statistiek(f->s, "GM0397", D("2026-11-24"),
					  D("2026-11-01"), &f->a, &t, &n,
					  &f->e),
		ST_INVALID);
	REFUSED(store_afspraak_statistiek(f->s, "GM9999", D("2026-11-24"),
					  D("2026-11-30"), &f->a, &t, &n,
					  &f->e),
		ST_NOT_FOUND);
}

int
main(void)
{
	if (fixture_engine())
		return 0;

	const struct CMUnitTest tests[] = {
		TEST(test_geholpen_uren),
		TEST(test_volgorde_inloop_statistiek),
	};
	return RUN_TESTS(tests);
}

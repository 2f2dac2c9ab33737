/*
 * test_store_afspraak.c - the front office by appointment in the store,
 * on both engines (fixture.h): locations, the catalogue and its seed,
 * the roster, the settings, exact free times, booking (the last place
 * twice, N desks at once from several connections, a retry with the same
 * key), moving and cancelling, the contact check, and the outbox with its
 * one sender. Every refusal answers with its exact status and leaves the
 * database unchanged.
 *
 * The fixture: Heemstede (GM0397) and Bloemendaal (GM0377) in HB; staff
 * M1, M2, M3 of HB; the town hall of Heemstede with one desk and a video
 * desk, both open Monday to Friday 09:00-12:00 on a 10-minute grid;
 * M1 rostered at the town hall on Monday 23 November 2026 09:00-10:00.
 * The store's clock is Sunday 22 November 2026 10:30 (NOW).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FIXTURE_DB "store_afspraak_test"
#include "fixture.h"
#include "../../src/store/store_qmatic.h"

#define MAANDAG "2026-11-23"
#define RAADHUIS "heemstede-raadhuis"
#define VIDEO "heemstede-video"
#define EMAIL "jan@example.nl"
#define NAAM "Jan Jansen"
#define TELEFOON "06 1234 5678"

/* An instant from local ISO text with its offset. */
static int64_t
T(const char *iso)
{
	int64_t t = 0;

	if (date_parse_instant(iso, &t))
		fail_msg("bad instant literal in test: %s", iso);
	return t;
}

/* Monday 23 November 2026 at hh:mm, Amsterdam (CET). */
static int64_t
ma(const char *hhmm)
{
	char buf[40];

	snprintf(buf, sizeof(buf), MAANDAG "T%s:00+01:00", hhmm);
	return T(buf);
}

static const struct openingstijd werkdagen[] = {
	{ 0, 540, 720 }, { 1, 540, 720 }, { 2, 540, 720 },
	{ 3, 540, 720 }, { 4, 540, 720 },
};

static void
add_medewerker(struct fixture *f, const char *nummer, const char *naam)
{
	struct medewerker m = { .nummer = nummer,
				.naam = naam,
				.werkgever = "GM0397",
				.eenheid = "hb-loket",
				.fte = 1000,
				.periode = { D("2015-01-01"), DATE_NONE } };

	OK(store_medewerker_add(f->s, &m, &f->e));
}

static struct vestiging
vestiging_van(const char *gemeente, const char *code, enum kanaal k, int balies)
{
	return (struct vestiging){ .gemeente = gemeente,
				   .code = code,
				   .naam = code,
				   .kanaal = k,
				   .adres = "Raadhuisplein 1",
				   .postcode = "2101 HA",
				   .plaats = "Heemstede",
				   .balies = balies,
				   .raster = 10,
				   .goede_vrijdag_dicht = true,
				   .open = (struct openingstijd *)werkdagen,
				   .nopen = 5 };
}

static void
add_vestiging(struct fixture *f, const char *gemeente, const char *code,
	      enum kanaal k, int balies)
{
	struct vestiging v = vestiging_van(gemeente, code, k, balies);
	int64_t id;

	OK(store_vestiging_add(f->s, &v, &id, &f->e));
}

static struct balieproduct
product(const char *gemeente, const char *code, int duur, bool fysiek,
	bool video, const char *vaardigheden)
{
	return (struct balieproduct){ .gemeente = gemeente,
				      .code = code,
				      .naam = code,
				      .duur = duur,
				      .fysiek = fysiek,
				      .video = video,
				      .vaardigheden = vaardigheden,
				      .voorbereiding = 60,
				      .horizon = 30,
				      .max_personen = 5,
				      .actief = true };
}

static void
add_dienst(struct fixture *f, const char *mw, const char *vestiging,
	   const char *datum, int van, int tot, const char *vaardigheden)
{
	struct dienst d = { .medewerker = mw,
			    .vestiging = vestiging,
			    .datum = D(datum),
			    .van = van,
			    .tot = tot,
			    .vaardigheden = vaardigheden };
	int64_t *ids;
	size_t n;

	OK(store_dienst_add(f->s, &d, DATE_NONE, NULL, 0, &f->a, &ids, &n,
			    &f->e));
	assert_int_equal(n, 1);
}

/* The fixture of this file (see the top). */
static void
add_loket(struct fixture *f)
{
	struct balieproduct pas = product("GM0397", "paspoort", 10, true, false,
					  "reisdocumenten");
	struct balieproduct uit =
		product("GM0397", "uittreksel", 5, true, true, "burgerzaken");
	int64_t id;

	add_hb(f);
	add_eenheid(f, "HB", "hb-loket", "Loket");
	add_medewerker(f, "M1", "Medewerker Een");
	add_medewerker(f, "M2", "Medewerker Twee");
	add_medewerker(f, "M3", "Medewerker Drie");
	add_vestiging(f, "GM0397", RAADHUIS, KANAAL_FYSIEK, 1);
	add_vestiging(f, "GM0397", VIDEO, KANAAL_VIDEO, 1);
	OK(store_balieproduct_add(f->s, &pas, &id, &f->e));
	assert_int_equal(id, 1);
	uit.voorbereiding = 0;
	uit.buffer = 5;
	uit.max_personen = 2;
	OK(store_balieproduct_add(f->s, &uit, &id, &f->e));
	assert_int_equal(id, 2);
	add_dienst(f, "M1", RAADHUIS, MAANDAG, 540, 600,
		   "reisdocumenten,burgerzaken");
}

/* A request for one product at the town hall. */
static struct afspraak_vraag
vraag(const struct afspraak_regel *r, size_t n, enum kanaal k,
      const char *vestiging)
{
	return (struct afspraak_vraag){ .gemeente = "GM0397",
					.regels = r,
					.nregels = n,
					.kanaal = k,
					.vestiging = vestiging };
}

/* Book `product` x personen at `vestiging` from `start`, as reference
 * `ref`, by Jan; status as the store answers. */
static enum status
boek_met(struct fixture *f, const char *gemeente, const char *vestiging,
	 const char *productcode, int personen, int64_t start, const char *ref,
	 const char *sleutel, const char *hash, struct afspraak *out,
	 bool *opnieuw)
{
	struct afspraak_regel r = { .product = productcode,
				    .personen = personen };
	struct afspraak_boeking b = {
		.vraag = { .gemeente = gemeente,
			   .regels = &r,
			   .nregels = 1,
			   .kanaal = strstr(vestiging, "video") ? KANAAL_VIDEO
								: KANAAL_FYSIEK,
			   .vestiging = vestiging },
		.start = start,
		.naam = NAAM,
		.email = EMAIL,
		.telefoon = TELEFOON,
		.referentie = ref,
		.sleutel = sleutel,
		.verzoek_hash = hash,
	};
	bool x;

	err_clear(&f->e);
	return store_afspraak_add(f->s, &b, &f->a, out, opnieuw ? opnieuw : &x,
				  &f->e);
}

static enum status
boek(struct fixture *f, const char *productcode, int personen, int64_t start,
     const char *ref, struct afspraak *out)
{
	return boek_met(f, "GM0397", RAADHUIS, productcode, personen, start,
			ref, NULL, NULL, out, NULL);
}

/* The free times for one product on Monday at the town hall. */
static size_t
vrij(struct fixture *f, const char *productcode, int personen,
     struct slot **out)
{
	struct afspraak_regel r = { .product = productcode,
				    .personen = personen };
	struct afspraak_vraag q = vraag(&r, 1, KANAAL_FYSIEK, RAADHUIS);
	size_t n;

	OK(store_vrije_tijden(f->s, &q, D(MAANDAG), D(MAANDAG), &f->a, out, &n,
			      &f->e));
	return n;
}

/* Assert the starts of the free times, each "hh:mm" on Monday. */
static void
assert_starts(const struct slot *s, size_t n, const char *const *hhmm,
	      size_t want)
{
	if (n != want) {
		for (size_t i = 0; i < n; i++) {
			char buf[AFSPRAAK_TIJD_LEN];

			afspraak_format_tijd(s[i].start, buf);
			print_message("# slot %s\n", buf);
		}
		fail_msg("%zu free times, expected %zu", n, want);
	}
	for (size_t i = 0; i < n; i++)
		assert_int_equal(s[i].start, ma(hhmm[i]));
}

static long
berichten(struct fixture *f, const char *soort)
{
	char sql[160];

	snprintf(sql, sizeof(sql),
		 "SELECT count(*) FROM bericht WHERE soort = '%s'", soort);
	return raw_int(f, sql);
}

/* Reminders `uren` hours before (the fixture's day is too near for the
 * default of a day). */
static void
herinnering(struct fixture *f, int uren)
{
	struct afspraak_instelling i = { .gemeente = "GM0397",
					 .herinnering = uren,
					 .bewaartermijn = 90 };

	OK(store_afspraak_instelling_update(f->s, &i, &f->e));
}

/* ---- locations ---- */

static void
test_vestigingen(void **state)
{
	struct fixture *f = *state;
	struct openingstijd open[] = { { 0, 540, 720 },
				       { 0, 700, 800 },
				       { 7, 540, 600 },
				       { 2, 545, 602 } };
	struct vestiging v = { .gemeente = "GM0397",
			       .code = "Heemstede Raadhuis",
			       .naam = "",
			       .kanaal = KANAAL_FYSIEK,
			       .adres = "Raadhuisplein 1",
			       .postcode = "0101 HA",
			       .plaats = "Heemstede",
			       .balies = 0,
			       .raster = 7,
			       .open = open,
			       .nopen = 4 };
	struct vestiging got, *list;
	struct vestiging_sluiting *sl;
	int64_t id;
	size_t n;

	add_hb(f);
	REFUSED(store_vestiging_add(f->s, &v, &id, &f->e), ST_INVALID);
	assert_int_equal(f->e.nproblems, 8);
	assert_true(has_problem(&f->e, "code", "format"));
	assert_true(has_problem(&f->e, "naam", "required"));
	assert_true(has_problem(&f->e, "postcode", "format"));
	assert_true(has_problem(&f->e, "balies", "range"));
	assert_true(has_problem(&f->e, "raster", "grid"));
	assert_true(has_problem(&f->e, "open[1]", "overlap"));
	assert_true(has_problem(&f->e, "open[2]", "weekday"));
	assert_true(has_problem(&f->e, "open[3]", "grid"));
	assert_string_equal(f->e.problems[5].reason,
			    "Deze openingstijd overlapt met een andere op "
			    "maandag.");

	v.code = "heemstede-raadhuis";
	v.naam = "Raadhuis Heemstede";
	v.postcode = "2101ha";
	v.balies = 2;
	v.raster = 10;
	v.nopen = 1;
	v.gemeente = "GM9999";
	REFUSED(store_vestiging_add(f->s, &v, &id, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "gemeente", "unknown");
	v.gemeente = "GM0397";
	OK(store_vestiging_add(f->s, &v, &id, &f->e));
	assert_int_equal(id, 1);
	REFUSED(store_vestiging_add(f->s, &v, &id, &f->e), ST_CONFLICT);
	assert_string_equal(f->e.message, "Er is al een vestiging met code "
					  "heemstede-raadhuis.");
	/* A video desk has no address, whatever is given. */
	v.code = "heemstede-video";
	v.kanaal = KANAAL_VIDEO;
	v.postcode = "onzin";
	OK(store_vestiging_add(f->s, &v, &id, &f->e));
	assert_int_equal(id, 2);

	OK(store_vestiging_get(f->s, RAADHUIS, TODAY, &f->a, &got, &f->e));
	assert_int_equal(got.id, 1);
	assert_string_equal(got.gemeente, "GM0397");
	assert_string_equal(got.naam, "Raadhuis Heemstede");
	assert_int_equal(got.kanaal, KANAAL_FYSIEK);
	assert_string_equal(got.postcode, "2101 HA");
	assert_int_equal(got.balies, 2);
	assert_int_equal(got.raster, 10);
	assert_int_equal(got.nopen, 1);
	assert_int_equal(got.open[0].weekdag, 0);
	assert_int_equal(got.open[0].van, 540);
	assert_int_equal(got.open[0].tot, 720);
	assert_int_equal(got.nsluitingen, 0);
	REFUSED(store_vestiging_get(f->s, "nergens", TODAY, &f->a, &got, &f->e),
		ST_NOT_FOUND);
	assert_string_equal(f->e.message, "Vestiging nergens bestaat niet.");

	OK(store_vestiging_list(f->s, "GM0397", TODAY, &f->a, &list, &n,
				&f->e));
	assert_int_equal(n, 2);
	assert_string_equal(list[0].code, RAADHUIS);
	assert_string_equal(list[1].code, VIDEO);
	assert_null(list[1].adres);
	assert_null(list[1].postcode);
	assert_int_equal(list[1].kanaal, KANAAL_VIDEO);
	OK(store_vestiging_list(f->s, "GM0377", TODAY, &f->a, &list, &n,
				&f->e));
	assert_int_equal(n, 0);
	REFUSED(store_vestiging_list(f->s, "GM9999", TODAY, &f->a, &list, &n,
				     &f->e),
		ST_NOT_FOUND);

	/* Update: name, desks, hours; the channel stays. */
	v.code = RAADHUIS;
	v.kanaal = KANAAL_VIDEO;
	v.naam = "Raadhuis";
	v.postcode = "2101 HA";
	v.balies = 3;
	v.open = (struct openingstijd *)werkdagen;
	v.nopen = 5;
	OK(store_vestiging_update(f->s, &v, &f->e));
	OK(store_vestiging_get(f->s, RAADHUIS, TODAY, &f->a, &got, &f->e));
	assert_string_equal(got.naam, "Raadhuis");
	assert_int_equal(got.kanaal, KANAAL_FYSIEK);
	assert_int_equal(got.balies, 3);
	assert_int_equal(got.nopen, 5);
	assert_int_equal(got.open[4].weekdag, 4);
	v.code = "nergens";
	REFUSED(store_vestiging_update(f->s, &v, &f->e), ST_NOT_FOUND);

	/* Closures. */
	REFUSED(store_sluiting_add(f->s, RAADHUIS, D("2026-12-24"),
				   D("2026-12-23"), NULL, &id, &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "tot", "before-start");
	REFUSED(store_sluiting_add(f->s, "nergens", D("2026-12-24"),
				   D("2026-12-24"), NULL, &id, &f->e),
		ST_NOT_FOUND);
	OK(store_sluiting_add(f->s, RAADHUIS, D("2026-12-24"), D("2026-12-31"),
			      "Kerst", &id, &f->e));
	assert_int_equal(id, 1);
	OK(store_sluiting_add(f->s, RAADHUIS, D("2026-11-01"), D("2026-11-02"),
			      NULL, &id, &f->e));
	assert_int_equal(id, 2);
	OK(store_vestiging_get(f->s, RAADHUIS, TODAY, &f->a, &got, &f->e));
	assert_int_equal(got.nsluitingen, 1); /* from today on */
	assert_int_equal(got.sluitingen[0].van, D("2026-12-24"));
	assert_int_equal(got.sluitingen[0].tot, D("2026-12-31"));
	OK(store_sluiting_list(f->s, RAADHUIS, DATE_NONE, &f->a, &sl, &n,
			       &f->e));
	assert_int_equal(n, 2);
	assert_int_equal(sl[0].id, 2);
	assert_null(sl[0].reden);
	assert_int_equal(sl[1].id, 1);
	assert_string_equal(sl[1].reden, "Kerst");
	REFUSED(store_sluiting_delete(f->s, VIDEO, 1, &f->e), ST_NOT_FOUND);
	OK(store_sluiting_delete(f->s, RAADHUIS, 1, &f->e));
	OK(store_sluiting_list(f->s, RAADHUIS, TODAY, &f->a, &sl, &n, &f->e));
	assert_int_equal(n, 0);
	assert_int_equal(count(f, "sluiting"), 1);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM audit WHERE "
				    "resource IN ('vestiging', 'sluiting')"),
			 6);
}

/* ---- the catalogue ---- */

static void
test_catalogus(void **state)
{
	struct fixture *f = *state;
	struct balieproduct p = product("GM0397", "paspoort", 12, false, false,
					"Reis documenten");
	struct balieproduct got, *list;
	int64_t id;
	size_t n;

	add_hb(f);
	p.buffer = 7;
	p.max_personen = 11;
	p.horizon = 0;
	p.upl_uri = "ftp://x";
	REFUSED(store_balieproduct_add(f->s, &p, &id, &f->e), ST_INVALID);
	assert_int_equal(f->e.nproblems, 7);
	assert_true(has_problem(&f->e, "duur", "multiple"));
	assert_true(has_problem(&f->e, "kanalen", "required"));
	assert_true(has_problem(&f->e, "vaardigheden", "format"));
	assert_true(has_problem(&f->e, "buffer", "multiple"));
	assert_true(has_problem(&f->e, "max_personen", "range"));
	assert_true(has_problem(&f->e, "horizon", "range"));
	assert_true(has_problem(&f->e, "upl_uri", "format"));

	p = product("GM0397", "paspoort", 10, true, false, "reisdocumenten");
	p.meenemen = "Een pasfoto.";
	OK(store_balieproduct_add(f->s, &p, &id, &f->e));
	assert_int_equal(id, 1);
	REFUSED(store_balieproduct_add(f->s, &p, &id, &f->e), ST_CONFLICT);
	assert_string_equal(f->e.message, "Gemeente GM0397 heeft al een "
					  "product met code paspoort.");
	/* The same code in another municipality's catalogue. */
	p.gemeente = "GM0377";
	OK(store_balieproduct_add(f->s, &p, &id, &f->e));
	assert_int_equal(id, 2);

	p.gemeente = "GM0397";
	p.duur = 15;
	p.actief = false;
	OK(store_balieproduct_update(f->s, &p, &f->e));
	OK(store_balieproduct_get(f->s, "GM0397", "paspoort", &f->a, &got,
				  &f->e));
	assert_int_equal(got.id, 1);
	assert_int_equal(got.duur, 15);
	assert_false(got.actief);
	assert_string_equal(got.meenemen, "Een pasfoto.");
	assert_string_equal(got.vaardigheden, "reisdocumenten");
	OK(store_balieproduct_list(f->s, "GM0397", false, &f->a, &list, &n,
				   &f->e));
	assert_int_equal(n, 0);
	OK(store_balieproduct_list(f->s, "GM0397", true, &f->a, &list, &n,
				   &f->e));
	assert_int_equal(n, 1);
	p.code = "rijbewijs";
	REFUSED(store_balieproduct_update(f->s, &p, &f->e), ST_NOT_FOUND);
	REFUSED(store_balieproduct_get(f->s, "GM0397", "rijbewijs", &f->a, &got,
				       &f->e),
		ST_NOT_FOUND);
	assert_string_equal(f->e.message,
			    "Gemeente GM0397 heeft geen product rijbewijs.");
	REFUSED(store_balieproduct_list(f->s, "GM9999", true, &f->a, &list, &n,
					&f->e),
		ST_NOT_FOUND);
}

static void
test_catalogus_seed(void **state)
{
	struct fixture *f = *state;
	struct balieproduct *p;
	size_t n, k;

	add_hb(f);
	OK(store_balieproduct_seed(f->s, "GM0377", &n, &f->e));
	assert_int_equal(n, 8);
	REFUSED(store_balieproduct_seed(f->s, "GM9999", &n, &f->e),
		ST_NOT_FOUND);
	{
		/* Seeding again adds nothing and writes nothing. */
		struct stand voor = stand_van(f);

		OK(store_balieproduct_seed(f->s, "GM0377", &n, &f->e));
		assert_int_equal(n, 0);
		assert_ongewijzigd(f, &voor);
	}
	OK(store_balieproduct_list(f->s, "GM0377", false, &f->a, &p, &k,
				   &f->e));
	assert_int_equal(k, 8);
	/* By code. */
	assert_string_equal(p[0].code, "aangifte_geboorte");
	assert_int_equal(p[0].duur, 15);
	assert_string_equal(p[3].code, "identiteitskaart");
	assert_string_equal(p[4].code, "paspoort");
	assert_string_equal(p[4].naam, "Paspoort");
	assert_int_equal(p[4].duur, 10);
	assert_true(p[4].fysiek);
	assert_false(p[4].video);
	assert_string_equal(p[4].vaardigheden, "reisdocumenten");
	assert_int_equal(p[4].max_personen, 5);
	assert_int_equal(p[4].voorbereiding, 60);
	assert_int_equal(p[4].horizon, 90);
	assert_string_equal(p[4].upl_uri,
			    "http://standaarden.overheid.nl/owms/terms/"
			    "paspoort");
	assert_string_equal(p[5].code, "rijbewijs");
	assert_string_equal(p[5].upl_uri,
			    "http://standaarden.overheid.nl/owms/terms/"
			    "rijbewijs");
	assert_string_equal(p[2].code, "huwelijk");
	assert_true(p[2].video);
	assert_int_equal(p[2].duur, 30);
	assert_string_equal(p[6].code, "uittreksel_brp");
	assert_int_equal(p[6].duur, 5);
	assert_false(p[6].video);
	assert_string_equal(p[6].vaardigheden, "burgerzaken");
	assert_string_equal(p[7].code, "verhuizing");
	assert_true(p[7].video);
}

/* ---- the roster ---- */

static void
test_rooster(void **state)
{
	struct fixture *f = *state;
	struct dienst d = { .medewerker = "M2",
			    .vestiging = RAADHUIS,
			    .datum = D("2026-11-24"),
			    .van = 540,
			    .tot = 720,
			    .vaardigheden = "reisdocumenten" };
	day_t uitz[] = { D("2026-12-08") };
	struct dienst_filter flt = { .vestiging = RAADHUIS,
				     .van = D("2026-11-23"),
				     .tot = D("2026-12-31") };
	struct dienst *list, got;
	int64_t *ids;
	size_t n;

	add_loket(f);
	/* A weekly series of Tuesdays, but not on 8 December. */
	OK(store_dienst_add(f->s, &d, D("2026-12-22"), uitz, 1, &f->a, &ids, &n,
			    &f->e));
	assert_int_equal(n, 4);
	assert_int_equal(ids[0], 2);
	assert_int_equal(ids[3], 5);
	OK(store_dienst_list(f->s, &flt, &f->a, &list, &n, &f->e));
	assert_int_equal(n, 5);
	assert_string_equal(list[0].medewerker, "M1");
	assert_int_equal(list[0].reeks, 0);
	assert_string_equal(list[1].medewerker, "M2");
	assert_string_equal(list[1].medewerker_naam, "Medewerker Twee");
	assert_string_equal(list[1].samenwerking, "HB");
	assert_string_equal(list[1].gemeente, "GM0397");
	assert_int_equal(list[1].datum, D("2026-11-24"));
	assert_int_equal(list[2].datum, D("2026-12-01"));
	assert_int_equal(list[3].datum, D("2026-12-15"));
	assert_int_equal(list[4].datum, D("2026-12-22"));
	for (size_t i = 1; i < 5; i++)
		assert_int_equal(list[i].reeks, 2);
	assert_int_equal(
		raw_int(f, "SELECT start_utc FROM dienst WHERE id = 2"),
		T("2026-11-24T09:00:00+01:00"));
	/* One entry by its number, whoever's it is. */
	OK(store_dienst_get(f->s, 3, &f->a, &got, &f->e));
	assert_string_equal(got.medewerker, "M2");
	assert_string_equal(got.samenwerking, "HB");
	assert_string_equal(got.vestiging, RAADHUIS);
	assert_string_equal(got.gemeente, "GM0397");
	assert_int_equal(got.datum, D("2026-12-01"));
	assert_int_equal(got.van, 540);
	assert_int_equal(got.reeks, 2);
	REFUSED(store_dienst_get(f->s, 999, &f->a, &got, &f->e), ST_NOT_FOUND);
	assert_string_equal(f->e.message, "Dienst 999 bestaat niet.");

	/* M2 cannot be anywhere else at those times. */
	d.vestiging = VIDEO;
	d.datum = D("2026-12-01");
	d.van = 660;
	d.tot = 780;
	REFUSED(store_dienst_add(f->s, &d, D("2026-12-15"), NULL, 0, &f->a,
				 &ids, &n, &f->e),
		ST_CONFLICT);
	assert_string_equal(f->e.message,
			    "Medewerker M2 staat al ergens ingeroosterd op "
			    "1 december 2026 en 15 december 2026.");
	assert_int_equal(f->e.nproblems, 2);
	assert_string_equal(f->e.problems[0].name, "datum");
	assert_string_equal(f->e.problems[0].code, "overlap");
	assert_string_equal(f->e.problems[0].reason,
			    "Op dinsdag 1 december 2026 staat M2 al "
			    "ingeroosterd van 09:00 tot 12:00 bij "
			    "heemstede-raadhuis.");
	/* Touching is no overlap; 8 December is free. */
	d.van = 720;
	OK(store_dienst_add(f->s, &d, D("2026-12-15"), NULL, 0, &f->a, &ids, &n,
			    &f->e));
	assert_int_equal(n, 3);
	d.datum = D("2026-12-08");
	d.van = 600;
	d.tot = 660;
	OK(store_dienst_add(f->s, &d, DATE_NONE, NULL, 0, &f->a, &ids, &n,
			    &f->e));

	/* Who is not there, or not of a member. */
	d.datum = D("2026-12-09");
	d.medewerker = "X9";
	REFUSED(store_dienst_add(f->s, &d, DATE_NONE, NULL, 0, &f->a, &ids, &n,
				 &f->e),
		ST_NOT_FOUND);
	assert_string_equal(f->e.message,
			    "Medewerker X9 hoort niet bij een samenwerking "
			    "waarvan gemeente GM0397 lid is.");
	add_gemeente(f, "GM0358", "Aalsmeer");
	add_vestiging(f, "GM0358", "aalsmeer-raadhuis", KANAAL_FYSIEK, 1);
	d.medewerker = "M1";
	d.vestiging = "aalsmeer-raadhuis";
	REFUSED(store_dienst_add(f->s, &d, DATE_NONE, NULL, 0, &f->a, &ids, &n,
				 &f->e),
		ST_NOT_FOUND);
	/* Bad input. */
	d.vestiging = RAADHUIS;
	d.van = 600;
	d.tot = 600;
	REFUSED(store_dienst_add(f->s, &d, D("2026-12-01"), uitz, 1, &f->a,
				 &ids, &n, &f->e),
		ST_INVALID);
	assert_int_equal(f->e.nproblems, 3);
	assert_true(has_problem(&f->e, "tot", "range"));
	assert_true(has_problem(&f->e, "herhaal_tot", "before-start"));
	assert_true(has_problem(&f->e, "uitzonderingen[0]", "not-in-series"));
	d.tot = 660;
	uitz[0] = D("2026-12-09");
	REFUSED(store_dienst_add(f->s, &d, D("2026-12-09"), uitz, 1, &f->a,
				 &ids, &n, &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "uitzonderingen", "all");

	/* Lists by staff member and by municipality. */
	flt = (struct dienst_filter){ .medewerker = "M2",
				      .van = D("2026-12-01"),
				      .tot = D("2026-12-08") };
	OK(store_dienst_list(f->s, &flt, &f->a, &list, &n, &f->e));
	assert_int_equal(n, 4);
	assert_string_equal(list[0].vestiging, RAADHUIS);
	assert_string_equal(list[1].vestiging, VIDEO);
	assert_int_equal(list[1].van, 720);
	assert_int_equal(list[2].datum, D("2026-12-08"));
	assert_int_equal(list[2].van, 600);
	assert_int_equal(list[3].van, 720);
	flt = (struct dienst_filter){ .gemeente = "GM0377",
				      .van = D("2026-11-01"),
				      .tot = D("2026-12-31") };
	OK(store_dienst_list(f->s, &flt, &f->a, &list, &n, &f->e));
	assert_int_equal(n, 0);
	flt.tot = D("2027-12-31");
	REFUSED(store_dienst_list(f->s, &flt, &f->a, &list, &n, &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "tot", "range");

	/* The series from 15 December on goes, the rest stays. */
	REFUSED(store_dienst_delete(f->s, 999, false, &f->e), ST_NOT_FOUND);
	OK(store_dienst_delete(f->s, 4, true, &f->e));
	assert_int_equal(raw_int(f, "SELECT count(*) FROM dienst WHERE "
				    "reeks_id = 2"),
			 2);
	OK(store_dienst_delete(f->s, 2, false, &f->e));
	assert_int_equal(raw_int(f, "SELECT count(*) FROM dienst WHERE "
				    "reeks_id = 2"),
			 1);
}

/* ---- settings ---- */

static void
test_instellingen(void **state)
{
	struct fixture *f = *state;
	struct afspraak_instelling i, got;

	add_hb(f);
	OK(store_afspraak_instelling_get(f->s, "GM0397", &f->a, &got, &f->e));
	assert_string_equal(got.gemeente, "GM0397");
	assert_null(got.afzender);
	assert_null(got.videolink);
	assert_null(got.slottekst);
	assert_int_equal(got.herinnering, 24);
	assert_int_equal(got.bewaartermijn, 90);
	i = (struct afspraak_instelling){ .gemeente = "GM0397",
					  .afzender = "geen adres",
					  .videolink = "http://video",
					  .herinnering = 400,
					  .bewaartermijn = 0 };
	REFUSED(store_afspraak_instelling_update(f->s, &i, &f->e), ST_INVALID);
	assert_int_equal(f->e.nproblems, 4);
	assert_true(has_problem(&f->e, "afzender", "format"));
	assert_true(has_problem(&f->e, "videolink", "format"));
	assert_true(has_problem(&f->e, "herinnering", "range"));
	assert_true(has_problem(&f->e, "bewaartermijn", "range"));
	i = (struct afspraak_instelling){
		.gemeente = "GM0397",
		.afzender = "burgerzaken@heemstede.nl",
		.videolink = "https://video.heemstede.nl/{referentie}",
		.herinnering = 48,
		.bewaartermijn = 30,
		.slottekst = "Tot ziens!",
	};
	OK(store_afspraak_instelling_update(f->s, &i, &f->e));
	OK(store_afspraak_instelling_get(f->s, "GM0397", &f->a, &got, &f->e));
	assert_string_equal(got.afzender, "burgerzaken@heemstede.nl");
	assert_string_equal(got.videolink,
			    "https://video.heemstede.nl/{referentie}");
	assert_int_equal(got.herinnering, 48);
	assert_int_equal(got.bewaartermijn, 30);
	assert_string_equal(got.slottekst, "Tot ziens!");
	i.slottekst = NULL;
	OK(store_afspraak_instelling_update(f->s, &i, &f->e));
	OK(store_afspraak_instelling_get(f->s, "GM0397", &f->a, &got, &f->e));
	assert_null(got.slottekst);
	assert_int_equal(count(f, "afspraak_instelling"), 1);
	i.gemeente = "GM9999";
	REFUSED(store_afspraak_instelling_update(f->s, &i, &f->e),
		ST_NOT_FOUND);
	REFUSED(store_afspraak_instelling_get(f->s, "GM9999", &f->a, &got,
					      &f->e),
		ST_NOT_FOUND);
}

/* ---- free times ---- */

static void
test_vrije_tijden(void **state)
{
	static const char *const uur[] = { "09:00", "09:10", "09:20",
					   "09:30", "09:40", "09:50" };
	struct fixture *f = *state;
	struct afspraak_regel twee[] = {
		{ .product = "paspoort", .personen = 2 },
		{ .product = "uittreksel", .personen = 1 }
	};
	struct afspraak_vraag q;
	struct slot *s;
	size_t n;

	add_loket(f);
	/* One passport: every start of the grid within M1's hour. */
	n = vrij(f, "paspoort", 1, &s);
	assert_starts(s, n, uur, 6);
	assert_int_equal(s[0].vestiging, 1);
	assert_int_equal(s[0].eind, ma("09:10"));
	assert_int_equal(s[0].medewerker, 1);
	assert_int_equal(s[0].balie, 1);
	assert_int_equal(s[5].eind, ma("10:00"));
	/* Three passports: 30 minutes. */
	n = vrij(f, "paspoort", 3, &s);
	assert_starts(s, n, uur, 4);
	assert_int_equal(s[3].eind, ma("10:00"));
	/* Two passports and an extract: 25 minutes, both skills. */
	q = vraag(twee, 2, KANAAL_FYSIEK, NULL);
	OK(store_vrije_tijden(f->s, &q, D(MAANDAG), D("2026-11-27"), &f->a, &s,
			      &n, &f->e));
	assert_starts(s, n, uur, 4);
	assert_int_equal(s[0].eind, ma("09:25"));
	/* No one with the skill: nothing. */
	twee[1].product = "paspoort";
	q = vraag(twee, 1, KANAAL_FYSIEK, NULL);
	assert_int_equal(raw_exec(f, "UPDATE dienst SET vaardigheden = "
				     "'burgerzaken'"),
			 DB_OK);
	OK(store_vrije_tijden(f->s, &q, D(MAANDAG), D(MAANDAG), &f->a, &s, &n,
			      &f->e));
	assert_int_equal(n, 0);
	assert_int_equal(raw_exec(f, "UPDATE dienst SET vaardigheden = "
				     "'reisdocumenten,burgerzaken'"),
			 DB_OK);

	/* The notice counts from the store's clock: at 09:05 on Monday an
	 * extract (no notice) starts from 09:10, a passport (an hour) not
	 * at all. */
	store_set_clock(f->s, ma("09:05"));
	n = vrij(f, "uittreksel", 1, &s);
	assert_starts(s, n, uur + 1, 5);
	n = vrij(f, "paspoort", 1, &s);
	assert_int_equal(n, 0);
	store_set_clock(f->s, NOW);

	/* A closure takes the day. */
	{
		int64_t id;

		OK(store_sluiting_add(f->s, RAADHUIS, D(MAANDAG), D(MAANDAG),
				      "Studiedag", &id, &f->e));
		n = vrij(f, "paspoort", 1, &s);
		assert_int_equal(n, 0);
		OK(store_sluiting_delete(f->s, RAADHUIS, id, &f->e));
	}

	/* Bad input: refused, nothing changes. */
	{
		struct afspraak_regel r = { .product = "paspoort",
					    .personen = 6 };

		q = vraag(&r, 1, KANAAL_FYSIEK, RAADHUIS);
		REFUSED(store_vrije_tijden(f->s, &q, D(MAANDAG), D(MAANDAG),
					   &f->a, &s, &n, &f->e),
			ST_INVALID);
		assert_only_problem(&f->e, "regels[0].personen", "too-many");
		assert_string_equal(f->e.problems[0].reason,
				    "Voor paspoort kunt u met hoogstens 5 "
				    "personen tegelijk komen.");
		r.personen = 11;
		REFUSED(store_vrije_tijden(f->s, &q, D(MAANDAG), D(MAANDAG),
					   &f->a, &s, &n, &f->e),
			ST_INVALID);
		assert_only_problem(&f->e, "regels[0].personen", "range");
		r.personen = 1;
		q = vraag(&r, 1, KANAAL_VIDEO, NULL);
		REFUSED(store_vrije_tijden(f->s, &q, D(MAANDAG), D(MAANDAG),
					   &f->a, &s, &n, &f->e),
			ST_INVALID);
		assert_only_problem(&f->e, "kanaal", "channel");
		assert_string_equal(f->e.problems[0].reason,
				    "paspoort kan niet via video.");
		q = vraag(&r, 1, KANAAL_FYSIEK, VIDEO);
		REFUSED(store_vrije_tijden(f->s, &q, D(MAANDAG), D(MAANDAG),
					   &f->a, &s, &n, &f->e),
			ST_INVALID);
		assert_only_problem(&f->e, "vestiging", "channel");
		q = vraag(&r, 1, KANAAL_FYSIEK, "nergens");
		REFUSED(store_vrije_tijden(f->s, &q, D(MAANDAG), D(MAANDAG),
					   &f->a, &s, &n, &f->e),
			ST_NOT_FOUND);
		assert_string_equal(f->e.message,
				    "Vestiging nergens bestaat niet.");
		r.product = "rijbewijs";
		q = vraag(&r, 1, KANAAL_FYSIEK, NULL);
		REFUSED(store_vrije_tijden(f->s, &q, D(MAANDAG), D(MAANDAG),
					   &f->a, &s, &n, &f->e),
			ST_NOT_FOUND);
		assert_string_equal(f->e.message,
				    "Product rijbewijs bestaat niet bij "
				    "gemeente GM0397.");
		r.product = "paspoort";
		REFUSED(store_vrije_tijden(f->s, &q, D(MAANDAG),
					   D(MAANDAG) + AFSPRAAK_MAX_DAGEN,
					   &f->a, &s, &n, &f->e),
			ST_INVALID);
		assert_only_problem(&f->e, "tot", "range");
	}
}

/* ---- booking ---- */

static void
test_boeken(void **state)
{
	static const char *const na[] = { "09:10", "09:20", "09:30", "09:40",
					  "09:50" };
	struct fixture *f = *state;
	struct afspraak a, b;
	struct slot *s;
	size_t n;
	int64_t alg0, alg1, fam0, fam1, ander0, ander1;

	add_loket(f);
	OK(store_generation(f->s, STORE_FAMILIE_ALGEMEEN, &alg0, &f->e));
	OK(store_generation(f->s, STORE_FAMILIE_AFSPRAKEN "GM0397", &fam0,
			    &f->e));
	OK(store_generation(f->s, STORE_FAMILIE_AFSPRAKEN "GM0358", &ander0,
			    &f->e));
	assert_int_equal(boek(f, "paspoort", 1, ma("09:00"), "ABCD2345", &a),
			 ST_OK);
	/* A booking raises its municipality's family alone: the general
	 * pages and another municipality's stay cached. */
	OK(store_generation(f->s, STORE_FAMILIE_ALGEMEEN, &alg1, &f->e));
	OK(store_generation(f->s, STORE_FAMILIE_AFSPRAKEN "GM0397", &fam1,
			    &f->e));
	OK(store_generation(f->s, STORE_FAMILIE_AFSPRAKEN "GM0358", &ander1,
			    &f->e));
	assert_int_equal(alg1, alg0);
	assert_int_equal(ander1, ander0);
	assert_int_equal(fam1, fam0 + 1);
	assert_int_equal(a.id, 1);
	assert_string_equal(a.referentie, "ABCD2345");
	assert_string_equal(a.gemeente, "GM0397");
	assert_string_equal(a.vestiging, RAADHUIS);
	assert_string_equal(a.vestiging_naam, RAADHUIS);
	assert_int_equal(a.kanaal, KANAAL_FYSIEK);
	assert_int_equal(a.start, ma("09:00"));
	assert_int_equal(a.eind, ma("09:10"));
	assert_null(a.medewerker); /* the resident does not see who */
	assert_int_equal(a.balie, 1);
	assert_int_equal(a.status, AS_GEBOEKT);
	assert_string_equal(a.naam, NAAM);
	assert_string_equal(a.email, EMAIL);
	assert_string_equal(a.telefoon, TELEFOON);
	assert_int_equal(a.nregels, 1);
	assert_string_equal(a.regels[0].product, "paspoort");
	assert_int_equal(a.regels[0].personen, 1);
	assert_int_equal(a.volgnummer, 0);
	assert_string_equal(a.aangemaakt, NOW_ISO);
	assert_int_equal(count(f, "afspraak_cel"), 2);
	n = vrij(f, "paspoort", 1, &s);
	assert_starts(s, n, na, 5);

	/* The last place twice: the second is told it is taken. */
	REFUSED(boek(f, "paspoort", 1, ma("09:00"), "ABCD2346", &b),
		ST_CONFLICT);
	assert_string_equal(f->e.message,
			    "Deze tijd is niet meer vrij. Kies een andere "
			    "tijd.");
	assert_only_problem(&f->e, "start", "bezet");
	/* A reference already in use. */
	REFUSED(boek(f, "paspoort", 1, ma("09:10"), "abcd2345", &b),
		ST_CONFLICT);
	assert_only_problem(&f->e, "referentie", "in-use");

	/* Not free by the rules. */
	REFUSED(boek(f, "paspoort", 1, ma("09:05"), "ABCD2347", &b),
		ST_INVALID);
	assert_only_problem(&f->e, "start", "unavailable");
	REFUSED(boek(f, "paspoort", 1, ma("10:00"), "ABCD2347", &b),
		ST_INVALID);
	assert_only_problem(&f->e, "start", "unavailable");
	REFUSED(boek(f, "paspoort", 1, T("2027-01-04T09:00:00+01:00"),
		     "ABCD2347", &b),
		ST_INVALID);
	assert_only_problem(&f->e, "start", "too-far");
	assert_string_equal(f->e.problems[0].reason,
			    "U kunt hoogstens 30 dagen vooruit boeken.");
	store_set_clock(f->s, ma("09:05"));
	REFUSED(boek(f, "paspoort", 1, ma("09:50"), "ABCD2347", &b),
		ST_INVALID);
	assert_only_problem(&f->e, "start", "too-soon");
	assert_string_equal(f->e.problems[0].reason,
			    "Maak de afspraak ten minste 1 uur van tevoren.");
	store_set_clock(f->s, ma("09:25"));
	REFUSED(boek(f, "uittreksel", 1, ma("09:20"), "ABCD2347", &b),
		ST_INVALID);
	assert_only_problem(&f->e, "start", "past");
	store_set_clock(f->s, NOW);

	/* Bad input changes nothing. */
	REFUSED(boek(f, "paspoort", 6, ma("09:10"), "ABCD2347", &b),
		ST_INVALID);
	assert_only_problem(&f->e, "regels[0].personen", "too-many");
	REFUSED(boek_met(f, "GM0397", VIDEO, "paspoort", 1, ma("09:10"),
			 "ABCD2347", NULL, NULL, &b, NULL),
		ST_INVALID);
	assert_only_problem(&f->e, "kanaal", "channel");
	REFUSED(boek_met(f, "GM0397", "nergens", "paspoort", 1, ma("09:10"),
			 "ABCD2347", NULL, NULL, &b, NULL),
		ST_NOT_FOUND);
	REFUSED(boek_met(f, "GM0377", RAADHUIS, "paspoort", 1, ma("09:10"),
			 "ABCD2347", NULL, NULL, &b, NULL),
		ST_NOT_FOUND);
	{
		struct afspraak_regel r = { .product = "paspoort",
					    .personen = 1 };
		struct afspraak_boeking x = {
			.vraag = vraag(&r, 1, KANAAL_FYSIEK, RAADHUIS),
			.start = ma("09:10"),
			.naam = "",
			.referentie = "0OIL",
		};
		bool opnieuw;

		err_clear(&f->e);
		REFUSED(store_afspraak_add(f->s, &x, &f->a, &b, &opnieuw,
					   &f->e),
			ST_INVALID);
		assert_int_equal(f->e.nproblems, 3);
		assert_true(has_problem(&f->e, "naam", "required"));
		assert_true(has_problem(&f->e, "email", "required"));
		assert_true(has_problem(&f->e, "referentie", "format"));
		x.naam = NAAM;
		x.telefoon = "12";
		x.referentie = "ABCD2347";
		REFUSED(store_afspraak_add(f->s, &x, &f->a, &b, &opnieuw,
					   &f->e),
			ST_INVALID);
		assert_only_problem(&f->e, "telefoon", "digits");
		/* By telephone only: booked, no messages to send. */
		x.telefoon = TELEFOON;
		OK(store_afspraak_add(f->s, &x, &f->a, &b, &opnieuw, &f->e));
		assert_null(b.email);
		assert_int_equal(raw_int(f, "SELECT count(*) FROM bericht "
					    "WHERE afspraak_id = 2"),
				 0);
	}

	/* What the database holds is the guard, not the engine's check: a
	 * cell held by what the engine does not see (a cancelled
	 * appointment that kept it, written beside the store) refuses the
	 * booking all the same. */
	assert_int_equal(
		raw_exec(f,
			 "INSERT INTO afspraak (id, referentie, gemeente_id, "
			 "vestiging_id, medewerker_id, balie, start_utc, "
			 "eind_utc, status, volgnummer, aangemaakt, "
			 "gewijzigd) VALUES (99, 'ZZZZ9999', 1, 1, 1, 1, "
			 "1795422000, 1795422600, 'geannuleerd', 0, 'x', "
			 "'x'); INSERT INTO afspraak_cel (afspraak_id, cel, "
			 "medewerker_id, vestiging_id, balie) VALUES (99, "
			 "5984740, 1, 1, 1)"),
		DB_OK);
	assert_int_equal(ma("09:20"), 1795422000);
	assert_int_equal(vrij(f, "paspoort", 1, &s), 4); /* 09:20 looks free */
	REFUSED(boek(f, "paspoort", 1, ma("09:20"), "ABCD2348", &b),
		ST_CONFLICT);
	assert_only_problem(&f->e, "start", "bezet");
	assert_int_equal(boek(f, "paspoort", 1, ma("09:30"), "ABCD2348", &b),
			 ST_OK);
	assert_int_equal(b.id, 100);
}

/*
 * A booking reads only what its one start needs (Q_AFSPRAAK_BEZET_START:
 * the location's bookings of the day, and what holds a cell of the
 * visit elsewhere or from the day before), a search the whole window:
 * both must choose the same staff member and desk. A square with two
 * desks and three staff, one of whom also works at the town hall, so
 * that bookings elsewhere and a cancelled one come into it: every time
 * the search offers is booked in a scattered order, and each booking
 * must take exactly the staff member and desk the search named.
 */
static void
test_boeken_zelfde_keuze(void **state)
{
	static const char *const producten[] = { "paspoort", "uittreksel" };
	struct fixture *f = *state;
	size_t geboekt = 0, elders = 0;
	char sql[200];

	add_loket(f);
	add_vestiging(f, "GM0397", "heemstede-plein", KANAAL_FYSIEK, 2);
	add_dienst(f, "M1", "heemstede-plein", MAANDAG, 600, 720,
		   "reisdocumenten,burgerzaken");
	add_dienst(f, "M2", "heemstede-plein", MAANDAG, 540, 660,
		   "reisdocumenten,burgerzaken");
	add_dienst(f, "M2", RAADHUIS, MAANDAG, 660, 720,
		   "reisdocumenten,burgerzaken");
	add_dienst(f, "M3", "heemstede-plein", MAANDAG, 540, 720,
		   "reisdocumenten,burgerzaken");
	/* One address books them all: the limits per address at their
	 * most. */
	assert_int_equal(raw_exec(f, "INSERT INTO afspraak_instelling "
				     "(gemeente_id, max_open, max_per_dag) "
				     "SELECT id, 50, 1000 FROM organisatie "
				     "WHERE code = 'GM0397'"),
			 DB_OK);
	for (int i = 0; i < 200; i++) {
		const char *p = producten[i % 2];
		struct afspraak_regel r = { .product = p,
					    .personen = 1 + (i / 2) % 2 };
		struct afspraak_vraag q =
			vraag(&r, 1, KANAAL_FYSIEK,
			      i % 5 == 4 ? RAADHUIS : "heemstede-plein");
		struct afspraak a;
		struct slot *s;
		char ref[16];
		size_t n, k;

		OK(store_vrije_tijden(f->s, &q, D(MAANDAG), D(MAANDAG), &f->a,
				      &s, &n, &f->e));
		if (n == 0)
			continue;
		k = (size_t)(i * 7) % n;
		snprintf(ref, sizeof(ref), "ZK%02dABCD", i);
		ref[2] = "23456789"[i % 8];
		ref[3] = "ABCDEFGH"[(i / 8) % 8];
		ref[4] = "JKMNPQRS"[(i / 64) % 8];
		OK(boek_met(f, "GM0397", q.vestiging, p, r.personen, s[k].start,
			    ref, NULL, NULL, &a, NULL));
		snprintf(sql, sizeof(sql),
			 "SELECT medewerker_id * 100 + balie FROM afspraak "
			 "WHERE referentie = '%s'",
			 ref);
		assert_int_equal(raw_int(f, sql),
				 s[k].medewerker * 100 + s[k].balie);
		geboekt++;
		elders += i % 5 == 4;
		if (i == 12) {
			/* A cancelled booking holds nothing. */
			OK(store_afspraak_cancel(f->s, ref, NULL, &f->a, &a,
						 &f->e));
		}
	}
	assert_int_equal(geboekt, 37);
	assert_int_equal(elders, 10);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM afspraak WHERE "
				    "status = 'geboekt'"),
			 (long)geboekt - 1);
}

/*
 * A visit late on Monday whose buffer runs past midnight holds the first
 * cell of Tuesday at its desk and for its staff member: a booking of
 * Tuesday 00:00, which reads only Tuesday's bookings in full, still sees
 * it (through its cells) and takes the other desk and staff member, as
 * the search says, instead of running into the held cell.
 */
static void
test_boeken_over_middernacht(void **state)
{
	static const struct openingstijd nacht[] = { { 0, 1380, 1440 },
						     { 1, 0, 60 } };
	struct fixture *f = *state;
	struct vestiging v;
	struct afspraak a;
	struct slot *s;
	int64_t id;
	size_t n;
	struct afspraak_regel r = { .product = "uittreksel", .personen = 1 };
	struct afspraak_vraag q =
		vraag(&r, 1, KANAAL_FYSIEK, "heemstede-nacht");

	add_loket(f);
	v = vestiging_van("GM0397", "heemstede-nacht", KANAAL_FYSIEK, 2);
	v.open = (struct openingstijd *)nacht;
	v.nopen = 2;
	OK(store_vestiging_add(f->s, &v, &id, &f->e));
	add_dienst(f, "M2", "heemstede-nacht", MAANDAG, 1380, 1440,
		   "burgerzaken");
	add_dienst(f, "M2", "heemstede-nacht", "2026-11-24", 0, 60,
		   "burgerzaken");
	add_dienst(f, "M3", "heemstede-nacht", "2026-11-24", 0, 60,
		   "burgerzaken");
	/* Two persons from 23:50, 10 minutes and 5 minutes' buffer: until
	 * 00:05, staff member M2 (id 2) at desk 1. */
	OK(boek_met(f, "GM0397", "heemstede-nacht", "uittreksel", 2,
		    ma("23:50"), "NACHT234", NULL, NULL, &a, NULL));
	assert_int_equal(raw_int(f, "SELECT medewerker_id * 100 + balie FROM "
				    "afspraak WHERE referentie = 'NACHT234'"),
			 201);
	assert_int_equal(raw_int(f,
				 "SELECT count(*) FROM afspraak_cel WHERE "
				 "afspraak_id = (SELECT id FROM afspraak WHERE "
				 "referentie = 'NACHT234')"),
			 3);
	/* The search over Tuesday: 00:00 with M3 at desk 2. */
	OK(store_vrije_tijden(f->s, &q, D("2026-11-24"), D("2026-11-24"), &f->a,
			      &s, &n, &f->e));
	assert_true(n > 0);
	assert_int_equal(s[0].start, T("2026-11-24T00:00:00+01:00"));
	assert_int_equal(s[0].medewerker * 100 + s[0].balie, 302);
	OK(boek_met(f, "GM0397", "heemstede-nacht", "uittreksel", 1,
		    T("2026-11-24T00:00:00+01:00"), "NACHT235", NULL, NULL, &a,
		    NULL));
	assert_int_equal(raw_int(f, "SELECT medewerker_id * 100 + balie FROM "
				    "afspraak WHERE referentie = 'NACHT235'"),
			 302);
	/* Then 00:00 is full. */
	REFUSED(boek_met(f, "GM0397", "heemstede-nacht", "uittreksel", 1,
			 T("2026-11-24T00:00:00+01:00"), "NACHT236", NULL, NULL,
			 &a, NULL),
		ST_CONFLICT);
	assert_only_problem(&f->e, "start", "bezet");
}

static void
test_boeken_sleutel(void **state)
{
	struct fixture *f = *state;
	struct afspraak a, b;
	bool opnieuw = true;

	add_loket(f);
	assert_int_equal(boek_met(f, "GM0397", RAADHUIS, "paspoort", 1,
				  ma("09:00"), "ABCD2345", "k-1", "hash-1", &a,
				  &opnieuw),
			 ST_OK);
	assert_false(opnieuw);
	/* The same request again (a new reference drawn): the same
	 * appointment, nothing written. */
	{
		struct stand voor = stand_van(f);

		assert_int_equal(boek_met(f, "GM0397", RAADHUIS, "paspoort", 1,
					  ma("09:00"), "WXYZ2345", "k-1",
					  "hash-1", &b, &opnieuw),
				 ST_OK);
		assert_ongewijzigd(f, &voor);
	}
	assert_true(opnieuw);
	assert_int_equal(b.id, a.id);
	assert_string_equal(b.referentie, "ABCD2345");
	assert_int_equal(b.start, a.start);
	assert_null(b.medewerker);
	/* The key with another request. */
	REFUSED(boek_met(f, "GM0397", RAADHUIS, "paspoort", 1, ma("09:10"),
			 "WXYZ2345", "k-1", "hash-2", &b, &opnieuw),
		ST_CONFLICT);
	assert_string_equal(f->e.message, "Deze Idempotency-Key is al gebruikt "
					  "voor een ander verzoek.");
	/* A key is per municipality. */
	assert_int_equal(count(f, "afspraak"), 1);
}

/* Several connections book the same start at once. */
struct gelijktijdig {
	const char *path;
	int64_t start;
	char ref[AFSPRAAK_REFERENTIE_LEN + 1];
	enum status st;
};

static void *
boek_draad(void *arg)
{
	struct gelijktijdig *g = arg;
	struct afspraak_regel r = { .product = "paspoort", .personen = 1 };
	struct afspraak_boeking b = {
		.vraag = { .gemeente = "GM0377",
			   .regels = &r,
			   .nregels = 1,
			   .kanaal = KANAAL_FYSIEK,
			   .vestiging = "bloemendaal-raadhuis" },
		.start = g->start,
		.naam = NAAM,
		.email = EMAIL,
		.referentie = g->ref,
	};
	struct store *s;
	struct afspraak a;
	struct arena ar;
	struct err e;
	bool opnieuw;

	err_clear(&e);
	g->st = store_open(g->path, STORE_EXISTING, &s, &e);
	if (g->st)
		return NULL;
	store_set_clock(s, NOW);
	arena_init(&ar, 16u << 20);
	for (int poging = 0; poging < 3; poging++) {
		err_clear(&e);
		g->st = store_afspraak_add(s, &b, &ar, &a, &opnieuw, &e);
		if (g->st != ST_RETRY)
			break;
	}
	arena_free(&ar);
	store_close(s);
	return NULL;
}

static void
test_boeken_gelijktijdig(void **state)
{
	struct fixture *f = *state;
	struct gelijktijdig g[6];
	pthread_t t[6];
	size_t n, ok = 0, bezet_ = 0;

	add_loket(f);
	OK(store_balieproduct_seed(f->s, "GM0377", &n, &f->e));
	add_vestiging(f, "GM0377", "bloemendaal-raadhuis", KANAAL_FYSIEK, 2);
	add_dienst(f, "M1", "bloemendaal-raadhuis", MAANDAG, 600, 720,
		   "reisdocumenten");
	add_dienst(f, "M2", "bloemendaal-raadhuis", MAANDAG, 540, 720,
		   "reisdocumenten");
	add_dienst(f, "M3", "bloemendaal-raadhuis", MAANDAG, 540, 720,
		   "reisdocumenten");
	/* Three staff, two desks: exactly two bookings at 11:00, whoever
	 * comes first. */
	for (size_t i = 0; i < 6; i++) {
		g[i] = (struct gelijktijdig){ .path = f->path,
					      .start = ma("11:00") };
		snprintf(g[i].ref, sizeof(g[i].ref), "RACEWAY%c",
			 (char)('2' + i));
		if (pthread_create(&t[i], NULL, boek_draad, &g[i]))
			fail_msg("pthread_create");
	}
	for (size_t i = 0; i < 6; i++)
		pthread_join(t[i], NULL);
	for (size_t i = 0; i < 6; i++) {
		if (g[i].st == ST_OK)
			ok++;
		else if (g[i].st == ST_CONFLICT)
			bezet_++;
		else
			fail_msg("thread %zu: %s", i, status_name(g[i].st));
	}
	assert_int_equal(ok, 2);
	assert_int_equal(bezet_, 4);
	assert_int_equal(raw_int(f, "SELECT count(DISTINCT balie) FROM "
				    "afspraak WHERE vestiging_id = 3"),
			 2);
	assert_int_equal(raw_int(f, "SELECT count(DISTINCT medewerker_id) "
				    "FROM afspraak WHERE vestiging_id = 3"),
			 2);
	/* Cells: two per booking of ten minutes. */
	assert_int_equal(count(f, "afspraak_cel"), 4);
	/* A desk cannot go while it is booked. */
	{
		struct vestiging v = vestiging_van(
			"GM0377", "bloemendaal-raadhuis", KANAAL_FYSIEK, 1);

		REFUSED(store_vestiging_update(f->s, &v, &f->e), ST_CONFLICT);
		assert_only_problem(&f->e, "balies", "booked");
		assert_string_equal(f->e.message,
				    "Aan balie 2 staan nog afspraken; "
				    "verplaats die eerst of houd 2 balies.");
		v.balies = 3;
		OK(store_vestiging_update(f->s, &v, &f->e));
	}
}

/* ---- moving, cancelling, the contact check ---- */

static void
test_verplaatsen_annuleren(void **state)
{
	struct fixture *f = *state;
	struct afspraak a, b, got, *dag;
	struct slot *s;
	size_t n;

	add_loket(f);
	herinnering(f, 12);
	assert_int_equal(boek(f, "paspoort", 1, ma("09:00"), "AAAA2222", &a),
			 ST_OK);
	assert_int_equal(boek(f, "paspoort", 1, ma("09:10"), "BBBB2222", &b),
			 ST_OK);
	assert_int_equal(berichten(f, "bevestiging"), 2);
	assert_int_equal(berichten(f, "herinnering"), 2);

	/* Onto a taken time: refused, the old time still held. */
	REFUSED(store_afspraak_move(f->s, "AAAA2222", EMAIL, NULL, ma("09:10"),
				    &f->a, &got, &f->e),
		ST_CONFLICT);
	assert_only_problem(&f->e, "start", "bezet");
	assert_int_equal(vrij(f, "paspoort", 1, &s), 4);
	assert_int_not_equal(s[0].start, ma("09:00"));
	/* To a free time: the old one is free. */
	OK(store_afspraak_move(f->s, "aaaa2222", TELEFOON, NULL, ma("09:30"),
			       &f->a, &got, &f->e));
	assert_int_equal(got.start, ma("09:30"));
	assert_int_equal(got.eind, ma("09:40"));
	assert_int_equal(got.volgnummer, 1);
	assert_null(got.medewerker);
	n = vrij(f, "paspoort", 1, &s);
	assert_starts(
		s, n,
		(const char *const[]){ "09:00", "09:20", "09:40", "09:50" }, 4);
	assert_int_equal(berichten(f, "wijziging"), 1);
	assert_int_equal(raw_int(f, "SELECT volgnummer FROM bericht WHERE "
				    "soort = 'wijziging'"),
			 1);
	/* The reminder was replaced: the old one lapsed, a new one is due
	 * a day before the new time. */
	assert_int_equal(raw_int(f, "SELECT count(*) FROM bericht WHERE "
				    "afspraak_id = 1 AND soort = "
				    "'herinnering' AND vervallen = 1"),
			 1);
	assert_int_equal(raw_int(f, "SELECT volgende_utc FROM bericht WHERE "
				    "afspraak_id = 1 AND soort = "
				    "'herinnering' AND vervallen = 0"),
			 ma("09:30") - 12 * 3600);
	/* To another location of another channel, whose products allow
	 * it not. */
	REFUSED(store_afspraak_move(f->s, "AAAA2222", EMAIL, VIDEO, ma("09:30"),
				    &f->a, &got, &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "kanaal", "channel");

	/* Wrong code or wrong contact: the same answer. */
	REFUSED(store_afspraak_get(f->s, "AAAA2222", "ander@example.nl", &f->a,
				   &got, &f->e),
		ST_NOT_FOUND);
	assert_string_equal(f->e.message,
			    "Geen afspraak gevonden met deze code en dit "
			    "e-mailadres of telefoonnummer.");
	REFUSED(store_afspraak_get(f->s, "CCCC2222", EMAIL, &f->a, &got, &f->e),
		ST_NOT_FOUND);
	assert_string_equal(f->e.message,
			    "Geen afspraak gevonden met deze code en dit "
			    "e-mailadres of telefoonnummer.");
	REFUSED(store_afspraak_get(f->s, "niet-een-code", EMAIL, &f->a, &got,
				   &f->e),
		ST_NOT_FOUND);
	REFUSED(store_afspraak_cancel(f->s, "AAAA2222", "0612345679", &f->a,
				      &got, &f->e),
		ST_NOT_FOUND);
	REFUSED(store_afspraak_move(f->s, "AAAA2222", "", NULL, ma("09:50"),
				    &f->a, &got, &f->e),
		ST_NOT_FOUND);
	OK(store_afspraak_get(f->s, "AAAA2222", "JAN@example.nl", &f->a, &got,
			      &f->e));
	assert_null(got.medewerker);
	OK(store_afspraak_get(f->s, "AAAA2222", "+31 6 12345678", &f->a, &got,
			      &f->e));
	/* Staff (no contact) see who. */
	OK(store_afspraak_get(f->s, "AAAA2222", NULL, &f->a, &got, &f->e));
	assert_string_equal(got.medewerker, "M1");

	/* Cancel frees the time. */
	OK(store_afspraak_cancel(f->s, "BBBB2222", EMAIL, &f->a, &got, &f->e));
	assert_int_equal(got.status, AS_GEANNULEERD);
	assert_int_equal(got.volgnummer, 1);
	n = vrij(f, "paspoort", 1, &s);
	assert_starts(s, n,
		      (const char *const[]){ "09:00", "09:10", "09:20", "09:40",
					     "09:50" },
		      5);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM afspraak_cel WHERE "
				    "afspraak_id = 2"),
			 0);
	assert_int_equal(berichten(f, "annulering"), 1);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM bericht WHERE "
				    "afspraak_id = 2 AND soort = "
				    "'herinnering' AND vervallen = 0"),
			 0);
	REFUSED(store_afspraak_cancel(f->s, "BBBB2222", EMAIL, &f->a, &got,
				      &f->e),
		ST_CONFLICT);
	assert_string_equal(f->e.message, "Deze afspraak is geannuleerd; "
					  "annuleren kan niet meer.");
	REFUSED(store_afspraak_move(f->s, "BBBB2222", EMAIL, NULL, ma("09:50"),
				    &f->a, &got, &f->e),
		ST_CONFLICT);
	assert_string_equal(f->e.message, "Deze afspraak is geannuleerd; "
					  "verplaatsen kan niet meer.");
	/* What has begun can be neither. */
	store_set_clock(f->s, ma("09:35"));
	REFUSED(store_afspraak_move(f->s, "AAAA2222", EMAIL, NULL, ma("09:50"),
				    &f->a, &got, &f->e),
		ST_CONFLICT);
	store_set_clock(f->s, NOW);

	/* The day list of the desk, with who. */
	OK(store_afspraak_list(f->s, "GM0397", RAADHUIS, D(MAANDAG), &f->a,
			       &dag, &n, &f->e));
	assert_int_equal(n, 2);
	assert_string_equal(dag[0].referentie, "BBBB2222");
	assert_int_equal(dag[0].status, AS_GEANNULEERD);
	assert_string_equal(dag[1].referentie, "AAAA2222");
	assert_string_equal(dag[1].medewerker, "M1");
	assert_int_equal(dag[1].nregels, 1);
	assert_string_equal(dag[1].regels[0].naam, "paspoort");
	OK(store_afspraak_list(f->s, "GM0397", NULL, D("2026-11-24"), &f->a,
			       &dag, &n, &f->e));
	assert_int_equal(n, 0);
	REFUSED(store_afspraak_list(f->s, "GM0377", RAADHUIS, D(MAANDAG), &f->a,
				    &dag, &n, &f->e),
		ST_NOT_FOUND);

	/* The roster entry and the day cannot go while A is booked. */
	REFUSED(store_dienst_delete(f->s, 1, false, &f->e), ST_CONFLICT);
	assert_string_equal(f->e.message,
			    "Bij deze dienst staat nog 1 afspraak (de eerste "
			    "op maandag 23 november 2026 om 09:30); "
			    "verplaats of annuleer die eerst.");
	{
		int64_t id;

		REFUSED(store_sluiting_add(f->s, RAADHUIS, D("2026-11-20"),
					   D(MAANDAG), NULL, &id, &f->e),
			ST_CONFLICT);
		assert_only_problem(&f->e, "van", "booked");
	}
	OK(store_afspraak_cancel(f->s, "AAAA2222", NULL, &f->a, &got, &f->e));
	OK(store_dienst_delete(f->s, 1, false, &f->e));
	assert_int_equal(count(f, "dienst"), 0);
}

/* ---- the outbox ---- */

static void
test_berichten(void **state)
{
	struct fixture *f = *state;
	struct afspraak a;
	struct bericht *m;
	struct store *s2;
	struct err e;
	bool ja;
	size_t n;

	add_loket(f);
	herinnering(f, 12);
	assert_int_equal(boek(f, "paspoort", 2, ma("09:00"), "AAAA2222", &a),
			 ST_OK);
	/* Queued: the confirmation now, the reminder 12 hours before. */
	OK(store_bericht_due(f->s, 10, &f->a, &m, &n, &f->e));
	assert_int_equal(n, 1);
	assert_int_equal(m[0].id, 1);
	assert_int_equal(m[0].soort, BERICHT_BEVESTIGING);
	assert_int_equal(m[0].volgnummer, 0);
	assert_int_equal(m[0].pogingen, 0);
	assert_string_equal(m[0].afspraak.referentie, "AAAA2222");
	assert_string_equal(m[0].afspraak.email, EMAIL);
	assert_int_equal(m[0].afspraak.nregels, 1);
	assert_int_equal(m[0].afspraak.regels[0].personen, 2);
	assert_string_equal(m[0].vestiging.code, RAADHUIS);
	assert_string_equal(m[0].vestiging.adres, "Raadhuisplein 1");
	assert_string_equal(m[0].instelling.gemeente, "GM0397");
	assert_int_equal(m[0].instelling.herinnering, 12);
	assert_int_equal(raw_int(f, "SELECT volgende_utc FROM bericht WHERE "
				    "id = 2"),
			 ma("09:00") - 12 * 3600);

	/* Failed: tried again later, not before. */
	REFUSED(store_bericht_failed(f->s, 1, "", NOW + 600, &f->e),
		ST_INVALID);
	OK(store_bericht_failed(f->s, 1, "550 mailbox jan@example.nl unknown",
				NOW + 600, &f->e));
	OK(store_bericht_due(f->s, 10, &f->a, &m, &n, &f->e));
	assert_int_equal(n, 0);
	/* At the reminder's time both are due, oldest first. */
	store_set_clock(f->s, ma("09:00") - 12 * 3600);
	OK(store_bericht_due(f->s, 10, &f->a, &m, &n, &f->e));
	assert_int_equal(n, 2);
	assert_int_equal(m[0].id, 1);
	assert_int_equal(m[0].pogingen, 1);
	assert_int_equal(m[1].soort, BERICHT_HERINNERING);
	OK(store_bericht_due(f->s, 1, &f->a, &m, &n, &f->e));
	assert_int_equal(n, 1);
	REFUSED(store_bericht_due(f->s, 0, &f->a, &m, &n, &f->e), ST_INVALID);
	OK(store_bericht_sent(f->s, 1, &f->e));
	OK(store_bericht_due(f->s, 10, &f->a, &m, &n, &f->e));
	assert_int_equal(n, 1);
	assert_int_equal(m[0].id, 2);
	REFUSED(store_bericht_sent(f->s, 1, &f->e), ST_NOT_FOUND);
	assert_string_equal(f->e.message,
			    "Bericht 1 bestaat niet of is al verzonden.");
	REFUSED(store_bericht_failed(f->s, 7, "x", NOW, &f->e), ST_NOT_FOUND);
	assert_int_equal(raw_int(f, "SELECT pogingen FROM bericht WHERE id = "
				    "1"),
			 2);
	/* Without reminders, none is queued. */
	{
		store_set_clock(f->s, NOW);
		herinnering(f, 0);
		assert_int_equal(
			boek(f, "paspoort", 1, ma("09:40"), "BBBB2222", &a),
			ST_OK);
		assert_int_equal(raw_int(f, "SELECT count(*) FROM bericht "
					    "WHERE afspraak_id = 2"),
				 1);
	}

	/* One sender at a time, across connections. */
	err_clear(&e);
	assert_int_equal(store_open(f->path, STORE_EXISTING, &s2, &e), ST_OK);
	store_set_clock(s2, NOW);
	OK(store_bericht_claim(f->s, "zender-a", NOW + 60, &ja, &f->e));
	assert_true(ja);
	err_clear(&e);
	assert_int_equal(store_bericht_claim(s2, "zender-b", NOW + 60, &ja, &e),
			 ST_OK);
	assert_false(ja);
	OK(store_bericht_claim(f->s, "zender-a", NOW + 120, &ja, &f->e));
	assert_true(ja); /* renewed */
	store_set_clock(s2, NOW + 120);
	assert_int_equal(
		store_bericht_claim(s2, "zender-b", NOW + 180, &ja, &e), ST_OK);
	assert_true(ja); /* the lease ran out */
	store_set_clock(f->s, NOW + 130);
	OK(store_bericht_claim(f->s, "zender-a", NOW + 190, &ja, &f->e));
	assert_false(ja);
	REFUSED(store_bericht_claim(f->s, "", NOW + 190, &ja, &f->e),
		ST_INVALID);
	REFUSED(store_bericht_claim(f->s, "zender-a", NOW, &ja, &f->e),
		ST_INVALID);
	/* Claimed until now: given up, another may claim at once. */
	store_set_clock(s2, NOW + 130);
	assert_int_equal(
		store_bericht_claim(s2, "zender-b", NOW + 130, &ja, &e), ST_OK);
	assert_true(ja);
	OK(store_bericht_claim(f->s, "zender-a", NOW + 190, &ja, &f->e));
	assert_true(ja);
	assert_int_equal(count(f, "bericht_zender"), 1);
	store_close(s2);

	/* Failed with no next time: given up, never due again. */
	store_set_clock(f->s, ma("09:00") - 12 * 3600);
	OK(store_bericht_failed(f->s, 2, "550 geen postvak", 0, &f->e));
	assert_int_equal(raw_int(f, "SELECT vervallen FROM bericht WHERE "
				    "id = 2"),
			 1);
	store_set_clock(f->s, ma("09:00") + 86400);
	OK(store_bericht_due(f->s, 10, &f->a, &m, &n, &f->e));
	assert_int_equal(n, 1); /* BBBB2222's confirmation only */
	assert_int_equal(m[0].id, 3);
}

/* ---- copies ---- */

/* Move the fixture's database to `doel` and compare; new rows there get
 * the next numbers. */
static void
kopie_naar(struct fixture *f, const char *doel, bool overschrijf)
{
	struct store_migratie uit;
	struct store_tabel *ta, *tb;
	struct store *bron = f->s, *s2;
	struct afspraak a;
	size_t na, nb;
	struct err e;
	int64_t afspraken = raw_int(f, "SELECT count(*) FROM afspraak");
	int64_t berichten = raw_int(f, "SELECT max(id) FROM bericht");

	OK(store_migreer(f->path, doel, overschrijf, NULL, NULL, &f->a, &uit,
			 &f->e));
	err_clear(&e);
	assert_int_equal(store_open(doel, STORE_EXISTING, &s2, &e), ST_OK);
	OK(store_inhoud(f->s, &f->a, &ta, &na, &f->e));
	OK(store_inhoud(s2, &f->a, &tb, &nb, &f->e));
	assert_int_equal(na, nb);
	for (size_t i = 0; i < na; i++) {
		assert_string_equal(ta[i].naam, tb[i].naam);
		assert_int_equal(ta[i].rijen, tb[i].rijen);
		assert_string_equal(ta[i].sha256, tb[i].sha256);
	}
	store_set_clock(s2, NOW);
	store_set_zicht(s2, &zicht_alles);
	f->s = s2;
	assert_int_equal(boek(f, "paspoort", 1, ma("09:10"), "BBBB2222", &a),
			 ST_OK);
	assert_int_equal(a.id, afspraken + 1);
	/* ... there, not in the source. */
	assert_int_equal(raw_int(f, "SELECT count(*) FROM afspraak"),
			 afspraken);
	f->s = bron;
	assert_int_equal(raw_int(f, "SELECT max(id) FROM bericht"), berichten);
	store_close(s2);
}

static void
test_kopie(void **state)
{
	struct fixture *f = *state;
	struct store_tabel *t;
	struct afspraak a, b;
	struct wachtplaats wp;
	const char *pgurl = getenv("AMBT_TEST_PG");
	char doel[400], buf[420];
	int64_t id;
	size_t n, tabellen = 0;
	bool ja;

	add_loket(f);
	herinnering(f, 12);
	OK(store_sluiting_add(f->s, RAADHUIS, D("2026-12-24"), D("2026-12-26"),
			      "Kerst", &id, &f->e));
	assert_int_equal(boek(f, "paspoort", 1, ma("09:00"), "AAAA2222", &a),
			 ST_OK);
	OK(store_bericht_claim(f->s, "zender-a", NOW + 60, &ja, &f->e));
	/* The key of the municipality's Qmatic surface (its hash). */
	OK(store_qmatic_sleutel_set(f->s, "GM0397",
				    "0123456789abcdef0123456789abcdef"
				    "0123456789abcdef0123456789abcdef",
				    &f->e));
	OK(store_opschoner_claim(f->s, "opschoner-a", NOW + 60, &ja, &f->e));
	OK(store_vrijgave_add(f->s,
			      &(struct vrijgave){ .gemeente = "GM0397",
						  .vanaf = D("2027-03-01"),
						  .moment = NOW + 86400 },
			      &id, &f->e));
	OK(store_wachtlijst_add(
		f->s,
		&(struct wachtplaats){ .gemeente = "GM0397",
				       .product = "paspoort",
				       .naam = "Wim Wachter",
				       .email = "wim@example.nl",
				       .referentie = "WWWW3333" },
		&f->a, &wp, &f->e));
	/* A cancellation offers its time to the waiting list (an outbox row
	 * of the fifth kind). */
	assert_int_equal(boek(f, "paspoort", 1, ma("09:30"), "BBBB3333", &b),
			 ST_OK);
	OK(store_afspraak_cancel(f->s, "BBBB3333", NULL, &f->a, &b, &f->e));
	/* Every table of the appointments (and the Qmatic keys, the
	 * limits' tables and the waiting list after them) holds rows. */
	OK(store_inhoud(f->s, &f->a, &t, &n, &f->e));
	for (size_t i = 0; i < n; i++)
		if (strcmp(t[i].naam, "vestiging") == 0)
			tabellen = n - i;
	assert_int_equal(tabellen, 16);
	for (size_t i = n - tabellen; i < n; i++)
		if (t[i].rijen == 0)
			fail_msg("table %s is empty", t[i].naam);

	/* To a SQLite file (from either engine). */
	snprintf(doel, sizeof(doel), "%s/kopie.db", f->dir);
	kopie_naar(f, doel, false);
	unlink(doel);
	snprintf(buf, sizeof(buf), "%s-wal", doel);
	unlink(buf);
	snprintf(buf, sizeof(buf), "%s-shm", doel);
	unlink(buf);
	/* From SQLite to PostgreSQL, when there is a cluster. */
	if (!pg && pgurl && *pgurl && strrchr(pgurl, '/')) {
		snprintf(doel, sizeof(doel), "%.*s/store_afspraak_kopie",
			 (int)(strrchr(pgurl, '/') - pgurl), pgurl);
		kopie_naar(f, doel, true);
	}
}

/* ---- the audit trail ---- */

static void
test_audit(void **state)
{
	struct fixture *f = *state;
	struct afspraak a;

	add_loket(f);
	assert_int_equal(boek(f, "paspoort", 1, ma("09:00"), "AAAA2222", &a),
			 ST_OK);
	OK(store_afspraak_move(f->s, "AAAA2222", EMAIL, NULL, ma("09:20"),
			       &f->a, &a, &f->e));
	OK(store_afspraak_cancel(f->s, "AAAA2222", EMAIL, &f->a, &a, &f->e));
	OK(store_bericht_sent(f->s, 1, &f->e));
	assert_int_equal(raw_int(f, "SELECT count(*) FROM audit WHERE "
				    "resource = 'afspraak' AND resource_url "
				    "= 'afspraken/AAAA2222' AND scope = "
				    "'GM0397'"),
			 3);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM audit WHERE "
				    "resource = 'bericht'"),
			 1);
	/* Never who: no name, e-mail address or telephone number. */
	assert_int_equal(raw_int(f, "SELECT count(*) FROM audit WHERE "
				    "coalesce(oud, '') || coalesce(nieuw, '') "
				    "|| coalesce(toelichting, '') || "
				    "resource_weergave LIKE '%jan%' OR "
				    "coalesce(oud, '') || coalesce(nieuw, '') "
				    "LIKE '%Jansen%' OR coalesce(oud, '') || "
				    "coalesce(nieuw, '') LIKE '%5678%'"),
			 0);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM audit WHERE nieuw "
				    "LIKE '%\"start\":\"2026-11-23T09:20:00+01:"
				    "00\"%'"),
			 2);
}

/* ---- limits: retention, abuse, release in waves ---- */

/* Book a paspoort at the town hall at `start` as `ref` for `email`. */
static enum status
boek_email(struct fixture *f, const char *ref, int64_t start, const char *email,
	   struct afspraak *out)
{
	struct afspraak_regel r = { .product = "paspoort", .personen = 1 };
	struct afspraak_boeking b = {
		.vraag = vraag(&r, 1, KANAAL_FYSIEK, RAADHUIS),
		.start = start,
		.naam = NAAM,
		.email = email,
		.referentie = ref,
	};
	bool x;

	err_clear(&f->e);
	return store_afspraak_add(f->s, &b, &f->a, out, &x, &f->e);
}

static long
wachtend(struct fixture *f, int64_t afspraak)
{
	char sql[200];

	snprintf(sql, sizeof(sql),
		 "SELECT count(*) FROM bericht WHERE afspraak_id = %lld AND "
		 "verzonden_utc IS NULL AND vervallen = 0",
		 (long long)afspraak);
	return raw_int(f, sql);
}

static void
test_opschonen(void **state)
{
	struct fixture *f = *state;
	struct afspraak a, b, c, got;
	struct opschoning *o;
	int64_t nu = ma("09:25") + 90 * 86400;
	bool nodig;
	size_t n;

	add_loket(f);
	herinnering(f, 12);
	assert_int_equal(boek(f, "paspoort", 1, ma("09:00"), "AAAA2222", &a),
			 ST_OK);
	assert_int_equal(boek(f, "paspoort", 1, ma("09:30"), "BBBB2222", &b),
			 ST_OK);
	assert_int_equal(boek(f, "paspoort", 1, ma("09:10"), "CCCC2222", &c),
			 ST_OK);
	OK(store_afspraak_cancel(f->s, "CCCC2222", NULL, &f->a, &c, &f->e));
	/* A: confirmation and reminder; C: confirmation and cancellation
	 * (its reminder was dropped when it was cancelled). */
	assert_int_equal(wachtend(f, a.id), 2);
	assert_int_equal(wachtend(f, b.id), 2);
	assert_int_equal(wachtend(f, c.id), 2);

	/* Nothing ended 90 days ago yet. */
	OK(store_afspraak_opschonen_nodig(f->s, &nodig, &f->e));
	assert_false(nodig);
	OK(store_afspraak_opschonen(f->s, NULL, &f->a, &o, &n, &f->e));
	assert_int_equal(n, 1);
	assert_int_equal(o[0].afspraken, 0);
	assert_int_equal(o[0].berichten, 0);

	/* 90 days after 09:25: A (till 09:10) and C (till 09:20) go, B
	 * (till 09:40) stays. */
	store_set_clock(f->s, nu);
	OK(store_afspraak_opschonen_nodig(f->s, &nodig, &f->e));
	assert_true(nodig);
	OK(store_afspraak_opschonen(f->s, "GM0397", &f->a, &o, &n, &f->e));
	assert_int_equal(n, 1);
	assert_string_equal(o[0].gemeente, "GM0397");
	assert_int_equal(o[0].bewaartermijn, 90);
	assert_int_equal(o[0].grens, ma("09:25"));
	assert_int_equal(o[0].afspraken, 2);
	assert_int_equal(o[0].berichten, 4);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM afspraak WHERE "
				    "gewist IS NOT NULL AND naam IS NULL AND "
				    "email IS NULL AND telefoon IS NULL AND "
				    "sleutel IS NULL AND verzoek_hash IS NULL "
				    "AND referentie IN ('AAAA2222', "
				    "'CCCC2222')"),
			 2);
	assert_int_equal(wachtend(f, a.id), 0);
	assert_int_equal(wachtend(f, c.id), 0);
	/* B untouched: its data and messages. */
	assert_int_equal(wachtend(f, b.id), 2);
	OK(store_afspraak_get(f->s, "BBBB2222", EMAIL, &f->a, &got, &f->e));
	assert_string_equal(got.naam, NAAM);
	assert_string_equal(got.telefoon, TELEFOON);
	/* The anonymous facts stay: times, status, location, products. */
	OK(store_afspraak_get(f->s, "CCCC2222", NULL, &f->a, &got, &f->e));
	assert_null(got.naam);
	assert_null(got.email);
	assert_null(got.telefoon);
	assert_int_equal(got.start, ma("09:10"));
	assert_int_equal(got.status, AS_GEANNULEERD);
	assert_string_equal(got.vestiging, RAADHUIS);
	assert_int_equal(got.nregels, 1);
	assert_string_equal(got.regels[0].product, "paspoort");
	/* Nobody can find it by contact any more. */
	err_clear(&f->e);
	assert_int_equal(
		store_afspraak_get(f->s, "AAAA2222", EMAIL, &f->a, &got, &f->e),
		ST_NOT_FOUND);
	/* One audit entry, counts only. */
	assert_int_equal(raw_int(f, "SELECT count(*) FROM audit WHERE "
				    "toelichting = 'persoonsgegevens gewist' "
				    "AND scope = 'GM0397' AND nieuw LIKE "
				    "'%\"gewist\":\"2\"%' AND nieuw LIKE "
				    "'%\"berichten_vervallen\":\"4\"%'"),
			 1);

	/* Again: nothing more, no entry more. */
	OK(store_afspraak_opschonen_nodig(f->s, &nodig, &f->e));
	assert_false(nodig);
	OK(store_afspraak_opschonen(f->s, NULL, &f->a, &o, &n, &f->e));
	assert_int_equal(n, 1);
	assert_int_equal(o[0].afspraken, 0);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM audit WHERE "
				    "toelichting = 'persoonsgegevens gewist'"),
			 1);
	/* A shorter period for Heemstede reaches B too. */
	OK(store_afspraak_instelling_update(
		f->s,
		&(struct afspraak_instelling){ .gemeente = "GM0397",
					       .herinnering = 12,
					       .bewaartermijn = 30 },
		&f->e));
	OK(store_afspraak_opschonen(f->s, NULL, &f->a, &o, &n, &f->e));
	assert_int_equal(n, 1);
	assert_int_equal(o[0].afspraken, 1);
	assert_int_equal(o[0].berichten, 2);
	OK(store_afspraak_opschonen(f->s, NULL, &f->a, &o, &n, &f->e));
	assert_int_equal(n, 0);
	err_clear(&f->e);
	assert_int_equal(
		store_afspraak_opschonen(f->s, "GM9999", &f->a, &o, &n, &f->e),
		ST_NOT_FOUND);
	store_set_clock(f->s, NOW);
}

static void
test_opschoner_claim(void **state)
{
	struct fixture *f = *state;
	bool ja;

	OK(store_opschoner_claim(f->s, "a", NOW + 86400, &ja, &f->e));
	assert_true(ja);
	OK(store_opschoner_claim(f->s, "b", NOW + 86400, &ja, &f->e));
	assert_false(ja);
	store_set_clock(f->s, NOW + 86400);
	OK(store_opschoner_claim(f->s, "b", NOW + 2 * 86400, &ja, &f->e));
	assert_true(ja);
	store_set_clock(f->s, NOW);
}

static void
test_grenzen_contact(void **state)
{
	struct fixture *f = *state;
	struct afspraak a;

	add_loket(f);
	store_set_actor(f->s, "anoniem", "anonieme gebruiker",
			"2001:db8:7:1ff::9");
	assert_int_equal(boek(f, "paspoort", 1, ma("09:00"), "AAAA2222", &a),
			 ST_OK);
	for (int i = 0; i < GRENS_CODE_MAX; i++) {
		err_clear(&f->e);
		assert_int_equal(store_afspraak_get(f->s, "aaaa2222",
						    "piet@example.nl", &f->a,
						    &a, &f->e),
				 ST_NOT_FOUND);
	}
	assert_int_equal(raw_int(f, "SELECT aantal FROM afspraak_teller WHERE "
				    "sleutel = 'code:AAAA2222'"),
			 GRENS_CODE_MAX);
	assert_int_equal(raw_int(f, "SELECT aantal FROM afspraak_teller WHERE "
				    "sleutel = 'netfout:2001:db8:7:100::/56'"),
			 GRENS_CODE_MAX);
	/* Now even the right contact waits till the quarter has passed
	 * (NOW is 09:30 UTC: 15 minutes). */
	err_clear(&f->e);
	assert_int_equal(
		store_afspraak_get(f->s, "AAAA2222", EMAIL, &f->a, &a, &f->e),
		ST_TOO_MANY);
	assert_int_equal(f->e.retry_after, 900);
	assert_string_equal(f->e.message,
			    "U heeft te vaak een verkeerde afspraakcode, "
			    "e-mailadres of telefoonnummer ingevuld. Probeer "
			    "het over 15 minuten opnieuw.");
	REFUSED(store_afspraak_cancel(f->s, "AAAA2222", EMAIL, &f->a, &a,
				      &f->e),
		ST_TOO_MANY);
	REFUSED(store_afspraak_move(f->s, "AAAA2222", EMAIL, NULL, ma("09:20"),
				    &f->a, &a, &f->e),
		ST_TOO_MANY);
	/* Staff are not held back. */
	OK(store_afspraak_get(f->s, "AAAA2222", NULL, &f->a, &a, &f->e));
	/* Another code from the same network still works. */
	assert_int_equal(boek(f, "paspoort", 1, ma("09:10"), "BBBB2222", &a),
			 ST_OK);
	OK(store_afspraak_get(f->s, "BBBB2222", EMAIL, &f->a, &a, &f->e));
	store_set_clock(f->s, NOW + 899);
	err_clear(&f->e);
	assert_int_equal(
		store_afspraak_get(f->s, "AAAA2222", EMAIL, &f->a, &a, &f->e),
		ST_TOO_MANY);
	assert_int_equal(f->e.retry_after, 1);
	store_set_clock(f->s, NOW + 900);
	OK(store_afspraak_move(f->s, "AAAA2222", TELEFOON, NULL, ma("09:20"),
			       &f->a, &a, &f->e));
	store_set_clock(f->s, NOW);
}

static void
test_grenzen_email(void **state)
{
	struct fixture *f = *state;
	static const char tekens[] = "23456789ABCDEFGH";
	struct afspraak a;
	char ref[9];

	add_loket(f);
	OK(store_afspraak_instelling_update(
		f->s,
		&(struct afspraak_instelling){ .gemeente = "GM0397",
					       .herinnering = 24,
					       .bewaartermijn = 90,
					       .max_open = 2 },
		&f->e));
	assert_int_equal(boek_email(f, "AAAA2222", ma("09:00"), EMAIL, &a),
			 ST_OK);
	assert_int_equal(
		boek_email(f, "BBBB2222", ma("09:10"), "Jan@Example.NL", &a),
		ST_OK);
	REFUSED(boek_email(f, "CCCC2222", ma("09:20"), "JAN@example.nl", &a),
		ST_CONFLICT);
	assert_true(has_problem(&f->e, "email", "te-veel-open"));
	assert_string_equal(f->e.problems[0].reason,
			    "Met dit e-mailadres staan al 2 afspraken open "
			    "bij deze gemeente; meer dan 2 kan niet. Annuleer "
			    "eerst een afspraak die u niet nodig heeft.");
	/* Another address is not held back. */
	assert_int_equal(
		boek_email(f, "CCCC2222", ma("09:20"), "piet@example.nl", &a),
		ST_OK);
	OK(store_afspraak_cancel(f->s, "AAAA2222", NULL, &f->a, &a, &f->e));
	assert_int_equal(boek_email(f, "DDDD2222", ma("09:30"), EMAIL, &a),
			 ST_OK);

	/* Bookings per address per day: three made, seven more may be,
	 * each cancelled again, then no more until midnight UTC. */
	OK(store_afspraak_cancel(f->s, "BBBB2222", NULL, &f->a, &a, &f->e));
	OK(store_afspraak_cancel(f->s, "DDDD2222", NULL, &f->a, &a, &f->e));
	for (int i = 0; i < GRENS_EMAIL_MAX - 3; i++) {
		snprintf(ref, sizeof(ref), "EEEEEE%c2", tekens[i]);
		assert_int_equal(boek_email(f, ref, ma("09:40"), EMAIL, &a),
				 ST_OK);
		OK(store_afspraak_cancel(f->s, ref, NULL, &f->a, &a, &f->e));
	}
	REFUSED(boek_email(f, "FFFF2222", ma("09:40"), EMAIL, &a), ST_TOO_MANY);
	assert_int_equal(f->e.retry_after, 14 * 3600 + 30 * 60);
	assert_string_equal(f->e.message,
			    "Met dit e-mailadres zijn vandaag al te veel "
			    "afspraken gemaakt. Probeer het over 870 minuten "
			    "opnieuw.");
	/* The address is kept as a hash only. */
	assert_int_equal(raw_int(f, "SELECT count(*) FROM afspraak_teller "
				    "WHERE sleutel LIKE '%jan%'"),
			 0);
	store_set_clock(f->s, T("2026-11-23T00:00:00Z"));
	assert_int_equal(boek_email(f, "FFFF2222", ma("09:40"), EMAIL, &a),
			 ST_OK);
	/* The windows of yesterday are gone. */
	assert_int_equal(raw_int(f, "SELECT count(*) FROM afspraak_teller "
				    "WHERE venster < 1795392000"),
			 0);
	store_set_clock(f->s, NOW);
}

static void
test_vrijgave(void **state)
{
	struct fixture *f = *state;
	struct vrijgave *r;
	struct slot *sl;
	struct afspraak a;
	int64_t id1, id2, id3;
	size_t n;

	add_loket(f);
	REFUSED(store_vrijgave_add(f->s,
				   &(struct vrijgave){ .gemeente = "GM0397",
						       .vanaf = DATE_NONE },
				   &id1, &f->e),
		ST_INVALID);
	assert_int_equal(f->e.nproblems, 2);
	assert_true(has_problem(&f->e, "vanaf", "required"));
	assert_true(has_problem(&f->e, "moment", "required"));
	REFUSED(store_vrijgave_add(f->s,
				   &(struct vrijgave){ .gemeente = "GM0397",
						       .product = "rijbewijs",
						       .vanaf = D(MAANDAG),
						       .moment = NOW + 3600 },
				   &id1, &f->e),
		ST_NOT_FOUND);
	REFUSED(store_vrijgave_add(f->s,
				   &(struct vrijgave){ .gemeente = "GM0377",
						       .vestiging = RAADHUIS,
						       .vanaf = D(MAANDAG),
						       .moment = NOW + 3600 },
				   &id1, &f->e),
		ST_NOT_FOUND);
	/* Monday from 11:30 today on; uittreksel from 12:30. */
	OK(store_vrijgave_add(f->s,
			      &(struct vrijgave){ .gemeente = "GM0397",
						  .vanaf = D(MAANDAG),
						  .moment = NOW + 3600 },
			      &id1, &f->e));
	OK(store_vrijgave_add(f->s,
			      &(struct vrijgave){ .gemeente = "GM0397",
						  .product = "uittreksel",
						  .vanaf = D("2026-11-20"),
						  .moment = NOW + 7200 },
			      &id2, &f->e));
	/* Another location's rule does not hold the town hall back. */
	OK(store_vrijgave_add(f->s,
			      &(struct vrijgave){ .gemeente = "GM0397",
						  .vestiging = VIDEO,
						  .vanaf = D("2026-11-20"),
						  .moment = NOW + 86400 },
			      &id3, &f->e));
	OK(store_vrijgave_list(f->s, "GM0397", &f->a, &r, &n, &f->e));
	assert_int_equal(n, 3);
	assert_int_equal(r[0].id, id2);
	assert_string_equal(r[0].product, "uittreksel");
	assert_null(r[0].vestiging);
	assert_int_equal(r[1].id, id3);
	assert_string_equal(r[1].vestiging, VIDEO);
	assert_int_equal(r[2].id, id1);
	assert_int_equal(r[2].vanaf, D(MAANDAG));
	assert_int_equal(r[2].moment, NOW + 3600);

	assert_int_equal(vrij(f, "paspoort", 1, &sl), 0);
	REFUSED(boek(f, "paspoort", 1, ma("09:00"), "AAAA2222", &a),
		ST_INVALID);
	assert_true(has_problem(&f->e, "start", "not-released"));
	assert_string_equal(f->e.problems[0].reason,
			    "Deze tijd is nog niet vrijgegeven. U kunt hem "
			    "boeken vanaf 2026-11-22 om 11:30 uur.");
	store_set_clock(f->s, NOW + 3599);
	assert_int_equal(vrij(f, "paspoort", 1, &sl), 0);
	store_set_clock(f->s, NOW + 3600);
	assert_int_equal(vrij(f, "paspoort", 1, &sl), 6);
	assert_int_equal(vrij(f, "uittreksel", 1, &sl), 0);
	assert_int_equal(boek(f, "paspoort", 1, ma("09:00"), "AAAA2222", &a),
			 ST_OK);
	/* Removing the product's rule frees its times at once. */
	REFUSED(store_vrijgave_delete(f->s, "GM0377", id2, &f->e),
		ST_NOT_FOUND);
	OK(store_vrijgave_delete(f->s, "GM0397", id2, &f->e));
	assert_int_equal(vrij(f, "uittreksel", 1, &sl), 5);
	OK(store_vrijgave_list(f->s, "GM0397", &f->a, &r, &n, &f->e));
	assert_int_equal(n, 2);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM audit WHERE "
				    "resource = 'vrijgave'"),
			 4);
	store_set_clock(f->s, NOW);
}

static void
test_aandeel(void **state)
{
	struct fixture *f = *state;
	struct afspraak_regel r = { .product = "paspoort", .personen = 1 };
	struct afspraak_boeking b = {
		.vraag = vraag(&r, 1, KANAAL_FYSIEK, RAADHUIS),
		.start = ma("09:30"),
		.naam = NAAM,
		.email = "kees@example.nl",
		.referentie = "DDDD2222",
	};
	struct afspraak_vraag q = vraag(&r, 1, KANAAL_FYSIEK, RAADHUIS);
	struct slot *sl;
	struct afspraak a;
	size_t n;
	bool x;

	add_loket(f);
	OK(store_afspraak_instelling_update(
		f->s,
		&(struct afspraak_instelling){ .gemeente = "GM0397",
					       .herinnering = 24,
					       .bewaartermijn = 90,
					       .max_open = 10,
					       .web_aandeel = 50 },
		&f->e));
	/* M1's hour on Monday: residents may book 30 minutes of it. */
	assert_int_equal(vrij(f, "paspoort", 1, &sl), 6);
	assert_int_equal(boek(f, "paspoort", 1, ma("09:00"), "AAAA2222", &a),
			 ST_OK);
	assert_int_equal(boek(f, "paspoort", 1, ma("09:10"), "BBBB2222", &a),
			 ST_OK);
	assert_int_equal(vrij(f, "paspoort", 1, &sl), 4);
	assert_int_equal(boek(f, "paspoort", 1, ma("09:20"), "CCCC2222", &a),
			 ST_OK);
	assert_int_equal(vrij(f, "paspoort", 1, &sl), 0);
	REFUSED(boek(f, "paspoort", 1, ma("09:30"), "DDDD2222", &a),
		ST_CONFLICT);
	assert_true(has_problem(&f->e, "start", "aandeel"));
	assert_string_equal(f->e.problems[0].reason,
			    "Via internet is deze dag vol. Kies een andere "
			    "dag, of bel de gemeente voor een afspraak.");
	/* Staff booking for a resident take the rest, and see it free. */
	q.balie = true;
	OK(store_vrije_tijden(f->s, &q, D(MAANDAG), D(MAANDAG), &f->a, &sl, &n,
			      &f->e));
	assert_int_equal(n, 3);
	b.vraag.balie = true;
	OK(store_afspraak_add(f->s, &b, &f->a, &a, &x, &f->e));
	assert_int_equal(raw_int(f, "SELECT count(*) FROM afspraak WHERE "
				    "geboekt_via = 'balie' AND referentie = "
				    "'DDDD2222'"),
			 1);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM afspraak WHERE "
				    "geboekt_via = 'web'"),
			 3);
	/* A cancellation gives residents room again; a resident's move
	 * counts without its own time. */
	OK(store_afspraak_cancel(f->s, "AAAA2222", EMAIL, &f->a, &a, &f->e));
	assert_int_equal(vrij(f, "paspoort", 1, &sl), 3);
	OK(store_afspraak_move(f->s, "CCCC2222", EMAIL, NULL, ma("09:40"),
			       &f->a, &a, &f->e));
	assert_int_equal(a.start, ma("09:40"));
}

int
main(void)
{
	if (fixture_engine())
		return 0;

	const struct CMUnitTest tests[] = {
		TEST(test_vestigingen),
		TEST(test_catalogus),
		TEST(test_catalogus_seed),
		TEST(test_rooster),
		TEST(test_instellingen),
		TEST(test_vrije_tijden),
		TEST(test_boeken),
		TEST(test_boeken_zelfde_keuze),
		TEST(test_boeken_over_middernacht),
		TEST(test_boeken_sleutel),
		TEST(test_boeken_gelijktijdig),
		TEST(test_verplaatsen_annuleren),
		TEST(test_berichten),
		TEST(test_audit),
		TEST(test_kopie),
		TEST(test_opschonen),
		TEST(test_opschoner_claim),
		TEST(test_grenzen_contact),
		TEST(test_grenzen_email),
		TEST(test_vrijgave),
		TEST(test_aandeel),
	};
	return RUN_TESTS(tests);
}

/*
 * test_store_kosten.c - the store's cost data of the contribution
 * calculation: cost pools, roles, deliveries, weights, maatwerk,
 * advances and the method of a cooperation's year; the canonical input
 * built from them; scenarios; stored calculations and their adoption by
 * a decision, after which the database refuses to change them. On both
 * engines (fixture.h); every refusal answers with its exact status and
 * leaves the database unchanged.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIXTURE_DB "store_kosten_test"
#include "fixture.h"

static void
add_org(struct fixture *f, const char *code, const char *naam, int64_t inwoners,
	const char *peildatum)
{
	struct organisatie o = { .soort = ORG_GEMEENTE,
				 .code = code,
				 .naam = naam,
				 .inwoners = inwoners,
				 .inwoners_peildatum = D(peildatum) };

	OK(store_organisatie_add(f->s, &o, TODAY, &f->e));
}

/*
 * HB (add_hb) with unit hb-com; and AA since 2013: Aalsmeer (31 000
 * inhabitants on 1 January 2024, 32 000 in 2025, 33 000 in 2026) and
 * Amstelveen (90 000 on 1 January 2023) from the start, Utrecht from
 * 2026; units aa-ict, aa-hr and aa-bel; decisions AA-START and
 * AA-BESLUIT (public) and AA-GEHEIM (secret) of Aalsmeer.
 */
static void
add_aa(struct fixture *f)
{
	struct samenwerking aa = { .code = "AA",
				   .naam = "Aalsmeer–Amstelveen",
				   .sinds = D("2013-01-01") };
	struct lidmaatschap l[] = {
		{ .gemeente = "GM0358",
		  .periode = { D("2013-01-01"), DATE_NONE } },
		{ .gemeente = "GM0362",
		  .periode = { D("2013-01-01"), DATE_NONE } },
		{ .gemeente = "GM0344",
		  .periode = { D("2026-01-01"), DATE_NONE } },
	};
	const char *units[][2] = { { "aa-ict", "ICT" },
				   { "aa-hr", "P&O" },
				   { "aa-bel", "Belastingen" } };
	struct inwonertal t25 = { D("2025-01-01"), 32000, "CBS" };
	struct inwonertal t26 = { D("2026-01-01"), 33000, "CBS" };

	add_hb(f);
	add_eenheid(f, "HB", "hb-com", "Communicatie");
	add_org(f, "GM0358", "Aalsmeer", 31000, "2024-01-01");
	add_org(f, "GM0362", "Amstelveen", 90000, "2023-01-01");
	add_gemeente(f, "GM0344", "Utrecht");
	OK(store_inwonertal_add(f->s, "GM0358", &t25, TODAY, &f->e));
	OK(store_inwonertal_add(f->s, "GM0358", &t26, TODAY, &f->e));
	add_besluit(f, "AA-START", "GM0358", "2012-06-01");
	add_besluit(f, "AA-BESLUIT", "GM0358", "2026-03-01");
	add_besluit_als(f, "AA-GEHEIM", "GM0358", "2026-03-02",
			OPENBAAR_GEHEIM);
	OK(store_samenwerking_add(f->s, &aa, &f->e));
	for (size_t i = 0; i < 3; i++)
		OK(store_samenwerking_lid_add(f->s, "AA", &l[i], &f->e));
	for (size_t i = 0; i < 3; i++) {
		struct eenheid u = { .code = units[i][0],
				     .naam = units[i][1],
				     .soort = EENHEID_AFDELING,
				     .samenwerking = "AA" };
		struct inrichting h = { .periode = { D("2013-01-01"),
						     DATE_NONE },
					.vorm = VORM_GEDEELD,
					.besluit = "AA-START" };

		OK(store_eenheid_add(f->s, &u, &h, 1, &f->e));
	}
}

static struct kosten_jaar
jaar_van(struct fixture *f, const char *sw, int jaar)
{
	struct kosten_jaar k;

	OK(store_kosten_jaar(f->s, &f->a, sw, jaar, &k, &f->e));
	return k;
}

/* The newest audit entry. */
static struct audit_entry
laatste_audit(struct fixture *f)
{
	struct audit_entry *x;
	size_t n, total;

	OK(store_audit_list(f->s, &f->a, NULL, NULL, 0, 1, &x, &n, &total,
			    &f->e));
	assert_int_equal(n, 1);
	return x[0];
}

/*
 * A year's cost pools: replaced as a whole (by code, per year), entered
 * or removed one at a time; refused pools name their line or index and
 * change nothing.
 */
static void
test_kostenposten(void **state)
{
	struct fixture *f = *state;
	struct kosten_post p[] = {
		{ .code = "P2",
		  .eenheid = "aa-ict",
		  .kostensoort = "personeel",
		  .taakveld = "0.4",
		  .bedrag = 150000000,
		  .datum = DATE_NONE },
		{ .code = "P1",
		  .eenheid = "aa-bel",
		  .kostensoort = "materieel",
		  .bedrag = -2500,
		  .datum = D("2025-07-01") },
	};
	struct kosten_post oud = { .code = "P0",
				   .eenheid = "aa-hr",
				   .kostensoort = "personeel",
				   .bedrag = 700,
				   .datum = DATE_NONE };
	struct kosten_post een;
	struct kosten_jaar k;
	struct audit_entry x;

	add_aa(f);
	OK(store_kostenposten_vervang(f->s, "AA", 2024, &oud, 1, &f->e));
	OK(store_kostenposten_vervang(f->s, "AA", 2025, p, 2, &f->e));
	k = jaar_van(f, "AA", 2025);
	assert_string_equal(k.samenwerking, "AA");
	assert_int_equal(k.jaar, 2025);
	assert_int_equal(k.nposten, 2);
	assert_string_equal(k.posten[0].code, "P1"); /* by code */
	assert_string_equal(k.posten[0].eenheid, "aa-bel");
	assert_string_equal(k.posten[0].kostensoort, "materieel");
	assert_null(k.posten[0].taakveld);
	assert_int_equal(k.posten[0].bedrag, -2500);
	assert_int_equal(k.posten[0].datum, D("2025-07-01"));
	assert_string_equal(k.posten[1].code, "P2");
	assert_string_equal(k.posten[1].taakveld, "0.4");
	assert_int_equal(k.posten[1].bedrag, 150000000);
	assert_int_equal(k.posten[1].datum, DATE_NONE);
	x = laatste_audit(f);
	assert_string_equal(x.actie, "replace");
	assert_string_equal(x.resource, "kostenposten");
	assert_string_equal(x.resource_weergave, "AA 2025");
	assert_string_equal(x.scope, "AA");
	assert_string_equal(x.nieuw, "{\"samenwerking\":\"AA\",\"jaar\":"
				     "\"2025\",\"kostenposten\":\"2\","
				     "\"totaalCenten\":\"149997500\"}");
	/* Another year is apart. */
	k = jaar_van(f, "AA", 2024);
	assert_int_equal(k.nposten, 1);
	assert_string_equal(k.posten[0].code, "P0");
	k = jaar_van(f, "AA", 2023);
	assert_int_equal(k.nposten, 0);
	assert_int_equal(k.nrollen + k.nleveringen + k.ngewichten +
				 k.nmaatwerk + k.nvoorschotten,
			 0);
	assert_int_equal(k.methode, KV_METHODE_GEEN);
	REFUSED(store_kosten_jaar(f->s, &f->a, "XX", 2025, &k, &f->e),
		ST_NOT_FOUND);

	/* Refused replacements: nothing of them. */
	p[0].eenheid = "hb-com";
	REFUSED(store_kostenposten_vervang(f->s, "AA", 2025, p, 2, &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "kostenposten[0].eenheid",
			    "other-cooperation");
	p[0].eenheid = "aa-ict";
	p[1].eenheid = "aa-onbekend";
	p[1].regel = 3;
	REFUSED(store_kostenposten_vervang(f->s, "AA", 2025, p, 2, &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "regel 3: eenheid", "unknown");
	p[1].eenheid = "aa-bel";
	p[1].regel = 0;
	p[1].code = "P2";
	REFUSED(store_kostenposten_vervang(f->s, "AA", 2025, p, 2, &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "kostenposten[1].code", "duplicate");
	REFUSED(store_kostenposten_vervang(f->s, "XX", 2025, p, 1, &f->e),
		ST_NOT_FOUND);
	/* Replaced by one, then by none. */
	OK(store_kostenposten_vervang(f->s, "AA", 2025, p, 1, &f->e));
	k = jaar_van(f, "AA", 2025);
	assert_int_equal(k.nposten, 1);
	assert_string_equal(k.posten[0].code, "P2");
	OK(store_kostenposten_vervang(f->s, "AA", 2025, NULL, 0, &f->e));
	assert_int_equal(jaar_van(f, "AA", 2025).nposten, 0);
	assert_int_equal(jaar_van(f, "AA", 2024).nposten, 1);

	/* One at a time: entered, replaced by code, removed. */
	een = (struct kosten_post){ .code = "P4",
				    .eenheid = "aa-ict",
				    .kostensoort = "personeel",
				    .bedrag = 1000,
				    .datum = DATE_NONE };
	OK(store_kostenpost_zet(f->s, "AA", 2025, &een, &f->e));
	een.bedrag = 2000;
	een.eenheid = "aa-hr";
	OK(store_kostenpost_zet(f->s, "AA", 2025, &een, &f->e));
	k = jaar_van(f, "AA", 2025);
	assert_int_equal(k.nposten, 1);
	assert_int_equal(k.posten[0].bedrag, 2000);
	assert_string_equal(k.posten[0].eenheid, "aa-hr");
	een.code = "";
	een.kostensoort = NULL;
	REFUSED(store_kostenpost_zet(f->s, "AA", 2025, &een, &f->e),
		ST_INVALID);
	assert_int_equal(f->e.nproblems, 2);
	assert_true(has_problem(&f->e, "code", "required"));
	assert_true(has_problem(&f->e, "kostensoort", "required"));
	een.code = "P4";
	een.kostensoort = "personeel";
	een.eenheid = "hb-com";
	REFUSED(store_kostenpost_zet(f->s, "AA", 2025, &een, &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "eenheid", "other-cooperation");
	een.eenheid = "aa-onbekend";
	REFUSED(store_kostenpost_zet(f->s, "AA", 2025, &een, &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "eenheid", "unknown");
	een.eenheid = "aa-ict";
	een.bedrag = KV_MAX_BEDRAG + 1;
	REFUSED(store_kostenpost_zet(f->s, "AA", 2025, &een, &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "bedrag", "range");
	een.bedrag = -KV_MAX_BEDRAG;
	OK(store_kostenpost_zet(f->s, "AA", 2025, &een, &f->e));
	een.bedrag = 1;
	REFUSED(store_kostenpost_zet(f->s, "XX", 2025, &een, &f->e),
		ST_NOT_FOUND);
	OK(store_kostenpost_delete(f->s, "AA", 2025, "P4", &f->e));
	assert_int_equal(jaar_van(f, "AA", 2025).nposten, 0);
	REFUSED(store_kostenpost_delete(f->s, "AA", 2025, "P4", &f->e),
		ST_NOT_FOUND);
	assert_string_equal(f->e.message, "AA heeft in 2025 geen kostenpost "
					  "P4.");
	REFUSED(store_kostenpost_delete(f->s, "AA", 2024, "P9", &f->e),
		ST_NOT_FOUND);
	REFUSED(store_kostenpost_delete(f->s, "XX", 2024, "P0", &f->e),
		ST_NOT_FOUND);
	assert_int_equal(count(f, "kostenpost"), 1);
}

/*
 * Roles, deliveries, weights, maatwerk, advances and the method of a
 * year: each read back as set, each replacing what was set before for
 * the same key, each refusal exact and changing nothing.
 */
static void
test_kosten_instellingen(void **state)
{
	struct fixture *f = *state;
	struct kosten_rol hr = { .eenheid = "aa-hr",
				 .ondersteunend = 1,
				 .taakveld = "0.4",
				 .volgorde = 1 };
	struct kosten_rol ict = { .eenheid = "aa-ict", .basis = KV_INWONERS };
	struct kosten_levering l1 = { "aa-hr", "aa-ict", 3 };
	struct kosten_levering l2 = { "aa-hr", "aa-bel", 1 };
	struct kosten_gewicht g1 = { "aa-ict", "GM0358", 6000 };
	struct kosten_gewicht g2 = { "aa-ict", "GM0362", 4000 };
	struct kv_maatwerk mw = { .gemeente = "GM0358",
				  .afdeling = "aa-ict",
				  .uren = 1250,
				  .tarief = 9500 };
	struct kosten_jaar k;
	char lang[2 * 40 + 1];

	add_aa(f);
	OK(store_kostenrol_zet(f->s, 2025, &ict, &f->e));
	OK(store_kostenrol_zet(f->s, 2025, &hr, &f->e));
	OK(store_kostenlevering_zet(f->s, 2025, &l1, &f->e));
	OK(store_kostenlevering_zet(f->s, 2025, &l2, &f->e));
	OK(store_kostengewicht_zet(f->s, 2025, &g1, &f->e));
	OK(store_kostengewicht_zet(f->s, 2025, &g2, &f->e));
	OK(store_maatwerk_zet(f->s, 2025, &mw, &f->e));
	OK(store_voorschot_zet(f->s, "AA", 2025, "GM0362", 250000, &f->e));
	OK(store_voorschot_zet(f->s, "AA", 2025, "GM0358", 500000, &f->e));
	OK(store_kostenmethode_zet(f->s, "AA", 2025, KV_STEP_DOWN, &f->e));
	k = jaar_van(f, "AA", 2025);
	assert_int_equal(k.nrollen, 2);
	assert_string_equal(k.rollen[0].eenheid, "aa-hr"); /* by unit */
	assert_int_equal(k.rollen[0].ondersteunend, 1);
	assert_int_equal(k.rollen[0].basis, KV_GEEN);
	assert_string_equal(k.rollen[0].taakveld, "0.4");
	assert_int_equal(k.rollen[0].volgorde, 1);
	assert_string_equal(k.rollen[1].eenheid, "aa-ict");
	assert_int_equal(k.rollen[1].ondersteunend, 0);
	assert_int_equal(k.rollen[1].basis, KV_INWONERS);
	assert_null(k.rollen[1].taakveld);
	assert_int_equal(k.rollen[1].volgorde, 0);
	assert_int_equal(k.nleveringen, 2);
	assert_string_equal(k.leveringen[0].van, "aa-hr");
	assert_string_equal(k.leveringen[0].aan, "aa-bel");
	assert_int_equal(k.leveringen[0].gewicht, 1);
	assert_string_equal(k.leveringen[1].aan, "aa-ict");
	assert_int_equal(k.leveringen[1].gewicht, 3);
	assert_int_equal(k.ngewichten, 2);
	assert_string_equal(k.gewichten[0].gemeente, "GM0358");
	assert_int_equal(k.gewichten[0].gewicht, 6000);
	assert_string_equal(k.gewichten[1].gemeente, "GM0362");
	assert_int_equal(k.gewichten[1].gewicht, 4000);
	assert_int_equal(k.nmaatwerk, 1);
	assert_string_equal(k.maatwerk[0].gemeente, "GM0358");
	assert_string_equal(k.maatwerk[0].afdeling, "aa-ict");
	assert_int_equal(k.maatwerk[0].uren, 1250);
	assert_int_equal(k.maatwerk[0].tarief, 9500);
	assert_int_equal(k.nvoorschotten, 2);
	assert_string_equal(k.voorschotten[0].gemeente, "GM0358");
	assert_int_equal(k.voorschotten[0].waarde, 500000);
	assert_int_equal(k.voorschotten[1].waarde, 250000);
	assert_int_equal(k.methode, KV_STEP_DOWN);
	assert_int_equal(count(f, "kostenrol"), 2);

	/* Set again: replaced, not added; another year is apart. */
	ict.basis = KV_VAST_PCT;
	l1.gewicht = 5;
	g1.gewicht = 7000;
	mw.uren = 800;
	mw.tarief = 10000;
	OK(store_kostenrol_zet(f->s, 2025, &ict, &f->e));
	OK(store_kostenlevering_zet(f->s, 2025, &l1, &f->e));
	OK(store_kostengewicht_zet(f->s, 2025, &g1, &f->e));
	OK(store_maatwerk_zet(f->s, 2025, &mw, &f->e));
	OK(store_voorschot_zet(f->s, "AA", 2025, "GM0358", 600000, &f->e));
	OK(store_kostenmethode_zet(f->s, "AA", 2025, KV_RECIPROCAAL, &f->e));
	k = jaar_van(f, "AA", 2025);
	assert_int_equal(k.nrollen, 2);
	assert_int_equal(k.rollen[1].basis, KV_VAST_PCT);
	assert_int_equal(k.nleveringen, 2);
	assert_int_equal(k.leveringen[1].gewicht, 5);
	assert_int_equal(k.ngewichten, 2);
	assert_int_equal(k.gewichten[0].gewicht, 7000);
	assert_int_equal(k.nmaatwerk, 1);
	assert_int_equal(k.maatwerk[0].uren, 800);
	assert_int_equal(k.maatwerk[0].tarief, 10000);
	assert_int_equal(k.nvoorschotten, 2);
	assert_int_equal(k.voorschotten[0].waarde, 600000);
	assert_int_equal(k.methode, KV_RECIPROCAAL);
	k = jaar_van(f, "AA", 2026);
	assert_int_equal(k.nrollen + k.nleveringen + k.ngewichten +
				 k.nmaatwerk + k.nvoorschotten,
			 0);
	assert_int_equal(k.methode, KV_METHODE_GEEN);
	/* Each setting is one audit entry in the cooperation's scope. */
	assert_string_equal(laatste_audit(f).resource, "kostenmethode");
	assert_string_equal(laatste_audit(f).scope, "AA");

	/* Refused: a role of an unknown unit or out of range. */
	ict.eenheid = "aa-onbekend";
	REFUSED(store_kostenrol_zet(f->s, 2025, &ict, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "eenheid", "unknown");
	ict.eenheid = "aa-ict";
	ict.volgorde = KOSTEN_MAX_VOLGORDE + 1;
	REFUSED(store_kostenrol_zet(f->s, 2025, &ict, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "volgorde", "range");
	ict.volgorde = 0;
	ict.taakveld = text_of(REG_MAX_TAAKVELD + 1, lang);
	REFUSED(store_kostenrol_zet(f->s, 2025, &ict, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "taakveld", "too-long");
	/* A delivery to another cooperation's unit, a negative weight; a
	 * delivery from a unit that does not exist is not found. */
	l1.aan = "hb-com";
	REFUSED(store_kostenlevering_zet(f->s, 2025, &l1, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "aan", "other-cooperation");
	l1.aan = "aa-ict";
	l1.gewicht = -1;
	REFUSED(store_kostenlevering_zet(f->s, 2025, &l1, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "gewicht", "negative");
	l1.van = "aa-onbekend";
	l1.gewicht = 1;
	REFUSED(store_kostenlevering_zet(f->s, 2025, &l1, &f->e), ST_NOT_FOUND);
	/* Weights: of a known unit and municipality (not a joint body),
	 * zero or more. */
	g1.gemeente = "GRIT";
	REFUSED(store_kostengewicht_zet(f->s, 2025, &g1, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "gemeente", "unknown");
	g1.gemeente = "GM0358";
	g1.eenheid = "aa-onbekend";
	REFUSED(store_kostengewicht_zet(f->s, 2025, &g1, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "eenheid", "unknown");
	g1.eenheid = "aa-ict";
	g1.gewicht = -1;
	REFUSED(store_kostengewicht_zet(f->s, 2025, &g1, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "gewicht", "negative");
	/* Maatwerk: for a member, zero or more. */
	mw.gemeente = "GM0397";
	REFUSED(store_maatwerk_zet(f->s, 2025, &mw, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "gemeente", "not-member");
	mw.gemeente = "GM9999";
	REFUSED(store_maatwerk_zet(f->s, 2025, &mw, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "gemeente", "unknown");
	mw.gemeente = "GM0358";
	mw.tarief = -1;
	REFUSED(store_maatwerk_zet(f->s, 2025, &mw, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "uren", "negative");
	/* Advances and the method: a known cooperation and municipality,
	 * a method named. */
	REFUSED(store_voorschot_zet(f->s, "XX", 2025, "GM0358", 1, &f->e),
		ST_NOT_FOUND);
	REFUSED(store_voorschot_zet(f->s, "AA", 2025, "GM9999", 1, &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "gemeente", "unknown");
	REFUSED(store_kostenmethode_zet(f->s, "AA", 2025, KV_METHODE_GEEN,
					&f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "methode", "method");
	REFUSED(store_kostenmethode_zet(f->s, "XX", 2025, KV_DIRECT_METHODE,
					&f->e),
		ST_NOT_FOUND);

	/* Removed one by one, each audited; what is not set is not found
	 * and changes nothing. */
	OK(store_kosteninstelling_delete(f->s, KI_LEVERING, 2025, "aa-hr",
					 "aa-bel", &f->e));
	assert_string_equal(laatste_audit(f).resource, "kostenlevering");
	assert_string_equal(laatste_audit(f).actie, "delete");
	OK(store_kosteninstelling_delete(f->s, KI_GEWICHT, 2025, "aa-ict",
					 "GM0362", &f->e));
	OK(store_kosteninstelling_delete(f->s, KI_MAATWERK, 2025, "aa-ict",
					 "GM0358", &f->e));
	OK(store_kosteninstelling_delete(f->s, KI_VOORSCHOT, 2025, "AA",
					 "GM0362", &f->e));
	assert_string_equal(laatste_audit(f).scope, "AA");
	k = jaar_van(f, "AA", 2025);
	assert_int_equal(k.nleveringen, 1);
	assert_string_equal(k.leveringen[0].aan, "aa-ict");
	assert_int_equal(k.ngewichten, 1);
	assert_string_equal(k.gewichten[0].gemeente, "GM0358");
	assert_int_equal(k.nmaatwerk, 0);
	assert_int_equal(k.nvoorschotten, 1);
	assert_string_equal(k.voorschotten[0].gemeente, "GM0358");
	REFUSED(store_kosteninstelling_delete(f->s, KI_MAATWERK, 2025, "aa-ict",
					      "GM0358", &f->e),
		ST_NOT_FOUND);
	assert_string_equal(f->e.message,
			    "Er is niets te verwijderen: aa-ict heeft in 2025 "
			    "geen maatwerk voor GM0358.");
	REFUSED(store_kosteninstelling_delete(f->s, KI_GEWICHT, 2026, "aa-ict",
					      "GM0358", &f->e),
		ST_NOT_FOUND);
	REFUSED(store_kosteninstelling_delete(f->s, KI_LEVERING, 2025, "aa-hr",
					      "hb-com", &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "aan", "other-cooperation");
	REFUSED(store_kosteninstelling_delete(f->s, KI_VOORSCHOT, 2025, "AA",
					      "GM9999", &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "gemeente", "unknown");
	k = jaar_van(f, "AA", 2025);
	assert_int_equal(k.nleveringen + k.ngewichten + k.nvoorschotten, 3);
}

/* The weight of municipality `gm` in key `s`, or fail. */
static int64_t
gewicht_van(const struct kv_sleutel *s, const char *gm)
{
	for (size_t i = 0; i < s->ngewichten; i++)
		if (strcmp(s->gewichten[i].gemeente, gm) == 0)
			return s->gewichten[i].waarde;
	fail_msg("no weight for %s", gm);
	return -1;
}

/*
 * The canonical input of a year: its members that year, its units with
 * costs, keys by inhabitants on 1 January of the year (else the latest
 * count before), its pools; with a scenario, that scenario's changes.
 */
static void
test_kosten_invoer(void **state)
{
	struct fixture *f = *state;
	struct kosten_post p = { .code = "P1",
				 .eenheid = "aa-ict",
				 .kostensoort = "personeel",
				 .bedrag = 100000,
				 .datum = DATE_NONE };
	struct kosten_rol ict = { .eenheid = "aa-ict", .basis = KV_INWONERS };
	struct scenario_wijziging w = { .soort = SC_KOSTENPOST,
					.vanaf = DATE_NONE,
					.kostenpost = "P1",
					.bedrag = 150000 };
	struct scenario sc = { .samenwerking = "AA",
			       .jaar = 2025,
			       .naam = "Meer ICT",
			       .wijzigingen = &w,
			       .nwijzigingen = 1 };
	struct kv_invoer in;
	int64_t id;

	add_aa(f);
	REFUSED(store_kosten_invoer(f->s, &f->a, "AA", 2025, NULL, &in, &f->e),
		ST_NOT_FOUND);
	assert_string_equal(f->e.message,
			    "AA heeft in 2025 geen kostenposten; lees ze in "
			    "met 'ambt kostenpost importeer' of via de API.");
	REFUSED(store_kosten_invoer(f->s, &f->a, "XX", 2025, NULL, &in, &f->e),
		ST_NOT_FOUND);
	OK(store_kostenpost_zet(f->s, "AA", 2025, &p, &f->e));
	OK(store_kostenpost_zet(f->s, "AA", 2026, &p, &f->e));
	OK(store_kostenrol_zet(f->s, 2025, &ict, &f->e));
	OK(store_kostenrol_zet(f->s, 2026, &ict, &f->e));

	OK(store_kosten_invoer(f->s, &f->a, "AA", 2025, NULL, &in, &f->e));
	assert_int_equal(in.jaar, 2025);
	assert_int_equal(in.ngemeenten, 2); /* Utrecht only from 2026 */
	assert_string_equal(in.gemeenten[0], "GM0358");
	assert_string_equal(in.gemeenten[1], "GM0362");
	assert_int_equal(in.nafdelingen, 1);
	assert_string_equal(in.afdelingen[0].id, "aa-ict");
	assert_string_equal(in.afdelingen[0].naam, "ICT");
	assert_int_equal(in.afdelingen[0].ondersteunend, 0);
	assert_int_equal(in.afdelingen[0].nperiodes, 0);
	assert_int_equal(in.afdelingen[0].sleutel.basis, KV_INWONERS);
	assert_int_equal(in.afdelingen[0].sleutel.ngewichten, 2);
	assert_int_equal(gewicht_van(&in.afdelingen[0].sleutel, "GM0358"),
			 32000);
	assert_int_equal(gewicht_van(&in.afdelingen[0].sleutel, "GM0362"),
			 90000);
	assert_int_equal(in.nposten, 1);
	assert_string_equal(in.posten[0].id, "P1");
	assert_int_equal(in.posten[0].bedrag, 100000);
	assert_int_equal(in.nsteunsleutels, 0);
	assert_int_equal(in.heeft_voorschotten, 0);

	OK(store_kosten_invoer(f->s, &f->a, "AA", 2026, NULL, &in, &f->e));
	assert_int_equal(in.ngemeenten, 3);
	assert_int_equal(gewicht_van(&in.afdelingen[0].sleutel, "GM0358"),
			 33000);

	/* A scenario changes the input, not the year's own. */
	OK(store_scenario_maak(f->s, &sc, &id, &f->e));
	OK(store_kosten_invoer(f->s, &f->a, "AA", 2025, "Meer ICT", &in,
			       &f->e));
	assert_int_equal(in.nposten, 1);
	assert_int_equal(in.posten[0].bedrag, 150000);
	OK(store_kosten_invoer(f->s, &f->a, "AA", 2025, NULL, &in, &f->e));
	assert_int_equal(in.posten[0].bedrag, 100000);
	REFUSED(store_kosten_invoer(f->s, &f->a, "AA", 2025, "Niets", &in,
				    &f->e),
		ST_NOT_FOUND);
	REFUSED(store_kosten_invoer(f->s, &f->a, "AA", 2026, "Meer ICT", &in,
				    &f->e),
		ST_NOT_FOUND);
}

/*
 * Scenarios: stored with their changes in the order given, one name per
 * cooperation and year, listed by cooperation, year and name; changes
 * naming another cooperation's unit or an unknown municipality refused.
 */
static void
test_scenarios(void **state)
{
	struct fixture *f = *state;
	struct scenario_wijziging w[] = {
		{ .soort = SC_KOSTENPOST,
		  .vanaf = DATE_NONE,
		  .kostenpost = "P1",
		  .bedrag = 150000 },
		{ .soort = SC_EIGEN,
		  .eenheid = "aa-bel",
		  .gemeente = "GM0358",
		  .vanaf = D("2025-07-01") },
		{ .soort = SC_GRONDSLAG,
		  .eenheid = "aa-ict",
		  .vanaf = DATE_NONE,
		  .grondslag = KV_VAST_PCT },
	};
	struct scenario sc = { .samenwerking = "AA",
			       .jaar = 2025,
			       .naam = "Meer ICT",
			       .omschrijving = "ICT kost meer",
			       .wijzigingen = w,
			       .nwijzigingen = 3 };
	struct scenario got, *list;
	int64_t id1, id2, id3, id;
	size_t n;

	add_aa(f);
	OK(store_scenario_maak(f->s, &sc, &id1, &f->e));
	OK(store_scenario_get(f->s, &f->a, "AA", 2025, "Meer ICT", &got,
			      &f->e));
	assert_int_equal(got.id, id1);
	assert_string_equal(got.samenwerking, "AA");
	assert_int_equal(got.jaar, 2025);
	assert_string_equal(got.naam, "Meer ICT");
	assert_string_equal(got.omschrijving, "ICT kost meer");
	assert_int_equal(got.nwijzigingen, 3);
	assert_int_equal(got.wijzigingen[0].soort, SC_KOSTENPOST);
	assert_string_equal(got.wijzigingen[0].kostenpost, "P1");
	assert_int_equal(got.wijzigingen[0].bedrag, 150000);
	assert_null(got.wijzigingen[0].eenheid);
	assert_int_equal(got.wijzigingen[1].soort, SC_EIGEN);
	assert_string_equal(got.wijzigingen[1].eenheid, "aa-bel");
	assert_string_equal(got.wijzigingen[1].gemeente, "GM0358");
	assert_int_equal(got.wijzigingen[1].vanaf, D("2025-07-01"));
	assert_int_equal(got.wijzigingen[2].soort, SC_GRONDSLAG);
	assert_string_equal(got.wijzigingen[2].eenheid, "aa-ict");
	assert_int_equal(got.wijzigingen[2].grondslag, KV_VAST_PCT);
	assert_int_equal(got.wijzigingen[2].vanaf, DATE_NONE);
	assert_string_equal(laatste_audit(f).resource, "scenario");
	assert_string_equal(laatste_audit(f).resource_weergave, "AA 2025");

	REFUSED(store_scenario_maak(f->s, &sc, &id, &f->e), ST_CONFLICT);
	assert_string_equal(f->e.message,
			    "Er is al een scenario 'Meer ICT' voor AA 2025.");
	sc.jaar = 2026;
	OK(store_scenario_maak(f->s, &sc, &id2, &f->e));
	sc.jaar = 2025;
	sc.naam = "Ander";
	sc.nwijzigingen = 1;
	OK(store_scenario_maak(f->s, &sc, &id3, &f->e));
	/* The next numbers: the refused one used none up (on both engines). */
	assert_int_equal(id2, id1 + 1);
	assert_int_equal(id3, id2 + 1);
	OK(store_scenario_list(f->s, &f->a, "AA", 2025, &list, &n, &f->e));
	assert_int_equal(n, 2);
	assert_string_equal(list[0].naam, "Ander");
	assert_int_equal(list[0].nwijzigingen, 1);
	assert_string_equal(list[1].naam, "Meer ICT");
	assert_int_equal(list[1].nwijzigingen, 3);
	OK(store_scenario_list(f->s, &f->a, "AA", 0, &list, &n, &f->e));
	assert_int_equal(n, 3);
	assert_int_equal(list[2].jaar, 2026);
	OK(store_scenario_list(f->s, &f->a, NULL, 0, &list, &n, &f->e));
	assert_int_equal(n, 3);
	OK(store_scenario_list(f->s, &f->a, "HB", 0, &list, &n, &f->e));
	assert_int_equal(n, 0);
	REFUSED(store_scenario_get(f->s, &f->a, "AA", 2025, "Niets", &got,
				   &f->e),
		ST_NOT_FOUND);
	assert_string_equal(f->e.message,
			    "Scenario 'Niets' bestaat niet voor AA 2025.");

	/* Refused: nothing of the scenario is stored. */
	sc.naam = "Fout";
	sc.nwijzigingen = 3;
	w[1].eenheid = "hb-com";
	REFUSED(store_scenario_maak(f->s, &sc, &id, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "wijzigingen[1]", "other-cooperation");
	w[1].eenheid = "aa-bel";
	w[1].gemeente = "GM9999";
	REFUSED(store_scenario_maak(f->s, &sc, &id, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "wijzigingen[1]", "unknown");
	w[1].gemeente = "GM0358";
	sc.nwijzigingen = 0;
	sc.naam = "";
	REFUSED(store_scenario_maak(f->s, &sc, &id, &f->e), ST_INVALID);
	assert_int_equal(f->e.nproblems, 2);
	assert_true(has_problem(&f->e, "naam", "required"));
	assert_true(has_problem(&f->e, "wijzigingen", "required"));
	sc.naam = "Fout";
	sc.nwijzigingen = 1;
	sc.samenwerking = "XX";
	REFUSED(store_scenario_maak(f->s, &sc, &id, &f->e), ST_NOT_FOUND);
	assert_int_equal(count(f, "scenario"), 3);
	assert_int_equal(count(f, "scenario_wijziging"), 7);

	/* Removed with its changes, audited; once. */
	OK(store_scenario_delete(f->s, "AA", 2025, "Meer ICT", &f->e));
	assert_int_equal(count(f, "scenario"), 2);
	assert_int_equal(count(f, "scenario_wijziging"), 4);
	assert_string_equal(laatste_audit(f).resource, "scenario");
	assert_string_equal(laatste_audit(f).actie, "delete");
	REFUSED(store_scenario_delete(f->s, "AA", 2025, "Meer ICT", &f->e),
		ST_NOT_FOUND);
	assert_string_equal(f->e.message,
			    "Scenario 'Meer ICT' bestaat niet voor AA 2025.");
	REFUSED(store_scenario_delete(f->s, "HB", 2026, "Meer ICT", &f->e),
		ST_NOT_FOUND);
	assert_int_equal(count(f, "scenario"), 2);
	OK(store_scenario_get(f->s, &f->a, "AA", 2026, "Meer ICT", &got,
			      &f->e));
}

#define SHA_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define SHA_B "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"

/*
 * Stored calculations: read back as stored (the input and result only
 * one by one), listed newest first; adopted once, by a decision of a
 * member that the viewer may read, only for the year's own data and one
 * per year; then frozen by the database itself; the decision shown only
 * to whoever may read it.
 */
static void
test_kostenverdeling(void **state)
{
	struct fixture *f = *state;
	static const char *const aas[] = { "AA" };
	struct zicht beheer = { .zelf = "c.jansen",
				.beheer = aas,
				.nbeheer = 1 };
	struct kostenverdeling k = { .samenwerking = "AA",
				     .jaar = 2025,
				     .sha256 = SHA_A,
				     .totaal = 100000,
				     .invoer = "{\"jaar\":2025}",
				     .uitkomst = "{\"totaal\":100000}" };
	struct kostenverdeling got, *list;
	int64_t id1, id2, id3, id4, id;
	bool bestond = true;
	size_t n;
	char msg[128];

	add_aa(f);
	add_besluit(f, "HB-B", "GM0397", "2026-03-01");
	store_set_actor(f->s, "c.jansen", "C. Jansen", "192.0.2.9");
	OK(store_kostenverdeling_bewaar(f->s, &k, &id1, &bestond, &f->e));
	assert_false(bestond);
	/* The same input again: the stored calculation, nothing new. */
	OK(store_kostenverdeling_bewaar(f->s, &k, &id, &bestond, &f->e));
	assert_true(bestond);
	assert_int_equal(id, id1);
	k.scenario = "Meer ICT";
	OK(store_kostenverdeling_bewaar(f->s, &k, &id2, &bestond, &f->e));
	assert_false(bestond);
	assert_int_not_equal(id2, id1);
	k.scenario = NULL;
	k.jaar = 2024;
	OK(store_kostenverdeling_bewaar(f->s, &k, &id3, NULL, &f->e));
	OK(store_kostenverdeling_get(f->s, &f->a, id1, &got, &f->e));
	assert_int_equal(got.id, id1);
	assert_string_equal(got.samenwerking, "AA");
	assert_int_equal(got.jaar, 2025);
	assert_null(got.scenario);
	assert_string_equal(got.sha256, SHA_A);
	assert_int_equal(got.totaal, 100000);
	assert_string_equal(got.berekend, NOW_ISO);
	assert_string_equal(got.door, "c.jansen");
	assert_null(got.besluit);
	assert_null(got.vastgesteld);
	assert_string_equal(got.invoer, "{\"jaar\":2025}");
	assert_string_equal(got.uitkomst, "{\"totaal\":100000}");
	OK(store_kostenverdeling_list(f->s, &f->a, "AA", 2025, &list, &n,
				      &f->e));
	assert_int_equal(n, 2);
	assert_int_equal(list[0].id, id2);
	assert_string_equal(list[0].scenario, "Meer ICT");
	assert_int_equal(list[1].id, id1);
	assert_null(list[1].invoer);
	assert_null(list[1].uitkomst);
	OK(store_kostenverdeling_list(f->s, &f->a, "AA", 0, &list, &n, &f->e));
	assert_int_equal(n, 3);
	assert_int_equal(list[0].id, id3);
	OK(store_kostenverdeling_list(f->s, &f->a, "HB", 0, &list, &n, &f->e));
	assert_int_equal(n, 0);
	REFUSED(store_kostenverdeling_get(f->s, &f->a, id3 + 100, &got, &f->e),
		ST_NOT_FOUND);
	snprintf(msg, sizeof(msg), "Kostenverdeling %lld bestaat niet.",
		 (long long)(id3 + 100));
	assert_string_equal(f->e.message, msg);
	k.samenwerking = "XX";
	REFUSED(store_kostenverdeling_bewaar(f->s, &k, &id, NULL, &f->e),
		ST_NOT_FOUND);

	/* Adopting: a decision of one of the cooperation's members that
	 * the viewer may read; not a scenario. */
	REFUSED(store_kostenverdeling_vaststellen(f->s, id1, "HB-B", NULL,
						  &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "besluit", "unknown");
	REFUSED(store_kostenverdeling_vaststellen(f->s, id1, "GEEN", NULL,
						  &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "besluit", "unknown");
	store_set_zicht(f->s, &beheer);
	REFUSED(store_kostenverdeling_vaststellen(f->s, id1, "AA-GEHEIM", NULL,
						  &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "besluit", "unknown");
	store_set_zicht(f->s, &zicht_alles);
	REFUSED(store_kostenverdeling_vaststellen(f->s, id2, "AA-BESLUIT", NULL,
						  &f->e),
		ST_CONFLICT);
	REFUSED(store_kostenverdeling_vaststellen(f->s, id3 + 100, "AA-BESLUIT",
						  NULL, &f->e),
		ST_NOT_FOUND);
	store_set_clock(f->s, NOW + 60);
	OK(store_kostenverdeling_vaststellen(f->s, id1, "AA-BESLUIT", "GM0358",
					     &f->e));
	OK(store_kostenverdeling_get(f->s, &f->a, id1, &got, &f->e));
	assert_string_equal(got.besluit, "AA-BESLUIT");
	assert_string_equal(got.besluit_organisatie, "GM0358");
	assert_string_equal(got.vastgesteld, "2026-11-22T09:31:00Z");
	assert_string_equal(got.berekend, NOW_ISO);
	assert_string_equal(laatste_audit(f).scope, "AA");
	assert_int_equal(laatste_audit(f).besluit,
			 besluit_nr(f, "AA-BESLUIT", NULL));

	/* Once adopted: not again, nor another of that year. */
	REFUSED(store_kostenverdeling_vaststellen(f->s, id1, "AA-BESLUIT", NULL,
						  &f->e),
		ST_CONFLICT);
	snprintf(msg, sizeof(msg),
		 "Kostenverdeling %lld is al vastgesteld (besluit "
		 "AA-BESLUIT).",
		 (long long)id1);
	assert_string_equal(f->e.message, msg);
	k.samenwerking = "AA";
	k.jaar = 2025;
	k.sha256 = SHA_B;
	OK(store_kostenverdeling_bewaar(f->s, &k, &id4, &bestond, &f->e));
	assert_false(bestond);
	REFUSED(store_kostenverdeling_vaststellen(f->s, id4, "AA-BESLUIT", NULL,
						  &f->e),
		ST_CONFLICT);
	snprintf(msg, sizeof(msg),
		 "Voor AA 2025 is kostenverdeling %lld al vastgesteld.",
		 (long long)id1);
	assert_string_equal(f->e.message, msg);
	/* The database refuses to change or remove it. */
	snprintf(msg, sizeof(msg),
		 "UPDATE kostenverdeling SET totaal = 1 WHERE id = %lld",
		 (long long)id1);
	assert_int_equal(raw_exec(f, msg), DB_CHECK);
	snprintf(msg, sizeof(msg),
		 "DELETE FROM kostenverdeling WHERE id = %lld", (long long)id1);
	assert_int_equal(raw_exec(f, msg), DB_CHECK);
	OK(store_kostenverdeling_get(f->s, &f->a, id1, &got, &f->e));
	assert_int_equal(got.totaal, 100000);

	/* Adopted by a secret decision: who may not read it sees that it
	 * was adopted, not by which decision. */
	OK(store_kostenverdeling_vaststellen(f->s, id3, "AA-GEHEIM", NULL,
					     &f->e));
	store_set_zicht(f->s, &beheer);
	OK(store_kostenverdeling_get(f->s, &f->a, id3, &got, &f->e));
	assert_null(got.besluit);
	assert_null(got.besluit_organisatie);
	assert_string_equal(got.vastgesteld, "2026-11-22T09:31:00Z");
	OK(store_kostenverdeling_get(f->s, &f->a, id1, &got, &f->e));
	assert_string_equal(got.besluit, "AA-BESLUIT");
	OK(store_kostenverdeling_list(f->s, &f->a, "AA", 2024, &list, &n,
				      &f->e));
	assert_int_equal(n, 1);
	assert_null(list[0].besluit);
	store_set_zicht(f->s, &zicht_alles);
	OK(store_kostenverdeling_get(f->s, &f->a, id3, &got, &f->e));
	assert_string_equal(got.besluit, "AA-GEHEIM");
}

int
main(void)
{
	if (fixture_engine())
		return 0;

	const struct CMUnitTest tests[] = {
		TEST(test_kostenposten),    TEST(test_kosten_instellingen),
		TEST(test_kosten_invoer),   TEST(test_scenarios),
		TEST(test_kostenverdeling),
	};
	return RUN_TESTS(tests);
}

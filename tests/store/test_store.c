/*
 * test_store.c - the store against a real database: the register
 * (organisations, cooperations, units, framework, decisions), the engine
 * underneath (opening, migrating, the generation, what a database holds,
 * transactions), and a writer killed with SIGKILL mid-write leaving it
 * consistent. Every refusal leaves the database unchanged. Runs on both
 * engines (fixture.h); the other store suites are test_store_toegang.c,
 * test_store_uren.c and test_store_kosten.c.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fixture.h"
/* tx_begin, tx_familie, tx_end: how a store function marks its family. */
#include "../../src/store/store_intern.h"

static void
test_open_and_migrate(void **state)
{
	struct fixture *f = *state;
	struct store *s2;
	struct err e;
	char other[400];
	FILE *fp;

	assert_int_equal(store_schema_version(f->s), store_schema_latest());
	assert_true(store_schema_latest() >= 1);
	OK(store_check_integrity(f->s, &f->e));
	/* A second connection to the same file sees the same schema. */
	err_clear(&e);
	assert_int_equal(store_open(f->path, STORE_EXISTING, &s2, &e), ST_OK);
	assert_int_equal(store_schema_version(s2), store_schema_latest());
	store_close(s2);
	if (pg) {
		/* A database the server does not have is not made. */
		const char *slash = strrchr(pg, '/');

		snprintf(other, sizeof(other), "%.*s/bestaat_niet",
			 (int)(slash - pg), pg);
		err_clear(&e);
		assert_int_equal(store_open(other, STORE_EXISTING, &s2, &e),
				 ST_NOT_FOUND);
		assert_null(s2);
		return;
	}
	/* A missing database is not created by STORE_EXISTING. */
	snprintf(other, sizeof(other), "%s/missing.db", f->dir);
	err_clear(&e);
	assert_int_equal(store_open(other, STORE_EXISTING, &s2, &e),
			 ST_NOT_FOUND);
	assert_null(s2);
	assert_int_equal(access(other, F_OK), -1);
	/* A file that is not a database is refused. */
	snprintf(other, sizeof(other), "%s/text.db", f->dir);
	fp = fopen(other, "w");
	fputs("dit is geen database, maar wel een tekst die lang genoeg is "
	      "om de kop van een database te vullen.......................",
	      fp);
	fclose(fp);
	err_clear(&e);
	assert_int_not_equal(store_open(other, STORE_EXISTING, &s2, &e), ST_OK);
	assert_null(s2);
	unlink(other);
}

static void
test_newer_schema_refused(void **state)
{
	struct fixture *f = *state;
	struct store *s2;
	struct err e;

	assert_int_equal(raw_exec(f, "UPDATE schema_version SET version = 999"),
			 DB_OK);
	err_clear(&e);
	assert_int_equal(store_open(f->path, STORE_EXISTING, &s2, &e),
			 ST_CONFLICT);
	assert_non_null(strstr(e.message, "nieuwere versie"));
}

static void
test_organisaties(void **state)
{
	struct fixture *f = *state;
	struct organisatie o = { .soort = ORG_GEMEENTE,
				 .code = "GM0358",
				 .naam = "Aalsmeer",
				 .provincie = "Noord-Holland",
				 .inwoners = 33354,
				 .inwoners_peildatum = D("2024-01-01") };
	struct organisatie got, *list;
	struct inwonertal t = { D("2025-01-01"), 34000, "test" }, *ts;
	size_t n;

	OK(store_organisatie_add(f->s, &o, TODAY, &f->e));
	add_gemeente(f, "GM0362", "Amstelveen");
	OK(store_organisatie_get(f->s, &f->a, "GM0358", &got, &f->e));
	assert_string_equal(got.naam, "Aalsmeer");
	assert_int_equal(got.inwoners, 33354);
	assert_int_equal(got.inwoners_peildatum, D("2024-01-01"));
	OK(store_inwonertal_add(f->s, "GM0358", &t, TODAY, &f->e));
	OK(store_organisatie_get(f->s, &f->a, "GM0358", &got, &f->e));
	assert_int_equal(got.inwoners, 34000); /* the latest count */
	OK(store_inwonertal_list(f->s, &f->a, "GM0358", &ts, &n, &f->e));
	assert_int_equal(n, 2);
	OK(store_organisatie_list(f->s, &f->a, ORG_GEMEENTE, &list, &n, &f->e));
	assert_int_equal(n, 2);
	assert_string_equal(list[0].naam, "Aalsmeer");
	assert_string_equal(list[1].naam, "Amstelveen");

	/* Duplicate code: conflict, nothing added. */
	err_clear(&f->e);
	assert_int_equal(store_organisatie_add(f->s, &o, TODAY, &f->e),
			 ST_CONFLICT);
	assert_int_equal(count(f, "organisatie"), 2);
	/* A count dated in the future: refused, nothing stored. */
	t.peildatum = D("2027-01-01");
	err_clear(&f->e);
	assert_int_equal(store_inwonertal_add(f->s, "GM0358", &t, TODAY, &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "peildatum", "future-date");
	assert_int_equal(count(f, "inwonertal"), 2);
	/* Bad CBS code: refused, naming the field. */
	o.code = "GM12";
	err_clear(&f->e);
	assert_int_equal(store_organisatie_add(f->s, &o, TODAY, &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "code", "format");
	assert_int_equal(count(f, "organisatie"), 2);
	err_clear(&f->e);
	assert_int_equal(
		store_organisatie_get(f->s, &f->a, "GM9999", &got, &f->e),
		ST_NOT_FOUND);
}

static void
test_leden(void **state)
{
	struct fixture *f = *state;
	struct lidmaatschap l = { .gemeente = "GM0358",
				  .periode = { D("2013-01-01"),
					       D("2012-01-01") } };
	struct lidmaatschap *leden;
	size_t n;

	add_hb(f);
	add_gemeente(f, "GM0358", "Aalsmeer");
	assert_int_equal(count(f, "samenwerking_lid"), 2);

	/* Leave date before join date. */
	err_clear(&f->e);
	assert_int_equal(store_samenwerking_lid_add(f->s, "HB", &l, &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "tot", "before-start");
	assert_non_null(strstr(f->e.problems[0].reason, "uittreding"));
	/* Unknown CBS code. */
	l.gemeente = "GM9999";
	l.periode.tot = DATE_NONE;
	err_clear(&f->e);
	assert_int_equal(store_samenwerking_lid_add(f->s, "HB", &l, &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "gemeente", "unknown");
	assert_non_null(strstr(f->e.problems[0].reason, "GM9999"));
	/* Joining before the cooperation existed. */
	l.gemeente = "GM0358";
	l.periode.van = D("2012-01-01");
	err_clear(&f->e);
	assert_int_equal(store_samenwerking_lid_add(f->s, "HB", &l, &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "van", "before-cooperation");
	/* Already a member. */
	l.gemeente = "GM0397";
	l.periode.van = D("2020-01-01");
	err_clear(&f->e);
	assert_int_equal(store_samenwerking_lid_add(f->s, "HB", &l, &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "van", "overlap");
	assert_int_equal(count(f, "samenwerking_lid"), 2);
	/* Unknown cooperation. */
	err_clear(&f->e);
	assert_int_equal(store_samenwerking_lid_add(f->s, "XX", &l, &f->e),
			 ST_NOT_FOUND);

	OK(store_samenwerking_leden(f->s, &f->a, "HB", &leden, &n, &f->e));
	assert_int_equal(n, 2);
	assert_string_equal(leden[0].gemeente_naam, "Bloemendaal");
}

static void
test_besluiten(void **state)
{
	struct fixture *f = *state;
	struct besluit_stap h = { BESLUIT_VOORGESTELD, D("2019-11-26"), NULL };
	struct besluit b = {
		.verantwoordelijke_organisatie = "GM0397",
		.bestuursorgaan = ORGAAN_GEMEENTERAAD,
		.datum = D("2019-11-26"),
		.ingangsdatum = DATE_NONE,
		.vervaldatum = DATE_NONE,
		.publicatiedatum = DATE_NONE,
		.onderwerp = "Kader ambtelijke samenwerking",
		.toelichting = "Het kader met tien punten.",
		.openbaarheid = OPENBAAR_ACTIEF,
		.geheim_tot = DATE_NONE,
		.status = BESLUIT_VOORGESTELD,
		.historie = &h,
		.nhistorie = 1,
	};
	struct besluit got, *list;
	struct besluit_filter flt;
	const char *id;
	size_t n, total;

	add_gemeente(f, "GM0397", "Heemstede");
	add_gemeente(f, "GM0377", "Bloemendaal");
	/* Generated identifications count per year. */
	assert_string_equal(add_besluit(f, NULL, "GM0397", "2021-04-22"),
			    "BESLUIT-2021-0000000001");
	assert_string_equal(add_besluit(f, "", "GM0377", "2021-06-01"),
			    "BESLUIT-2021-0000000002");
	assert_string_equal(add_besluit(f, NULL, "GM0377", "2020-01-01"),
			    "BESLUIT-2020-0000000001");
	b.identificatie = "830016";
	OK(store_besluit_add(f->s, &f->a, &b, TODAY, &id, NULL, &f->e));
	assert_string_equal(id, "830016");

	/* Duplicate identification within the organisation. */
	err_clear(&f->e);
	assert_int_equal(
		store_besluit_add(f->s, &f->a, &b, TODAY, &id, NULL, &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "identificatie", "unique");
	/* In the future: refused, nothing stored. */
	b.identificatie = "NIEUW";
	b.datum = D("2026-11-23");
	h.datum = D("2026-11-23");
	err_clear(&f->e);
	assert_int_equal(
		store_besluit_add(f->s, &f->a, &b, TODAY, &id, NULL, &f->e),
		ST_INVALID);
	assert_true(has_problem(&f->e, "datum", "future-date"));
	/* Unknown organisation. */
	b.datum = D("2020-01-01");
	h.datum = D("2020-01-01");
	b.verantwoordelijke_organisatie = "GM0001";
	err_clear(&f->e);
	assert_int_equal(
		store_besluit_add(f->s, &f->a, &b, TODAY, &id, NULL, &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "verantwoordelijkeOrganisatie", "unknown");
	assert_int_equal(count(f, "besluit"), 4);
	assert_int_equal(count(f, "besluit_stap"), 4);

	/* Adjourned, proposed again, adopted: one decision, one history. */
	struct besluit_stap s1 = { BESLUIT_AANGEHOUDEN, D("2019-12-19"), NULL };
	struct besluit_stap s2 = { BESLUIT_VOORGESTELD, D("2021-05-11"), NULL };
	struct besluit_stap s3 = { BESLUIT_VASTGESTELD, D("2021-05-27"),
				   "Raadsvergadering" };
	int64_t nr = besluit_nr(f, "830016", NULL);

	OK(store_besluit_stap_add(f->s, nr, &s1, TODAY, &f->e));
	OK(store_besluit_stap_add(f->s, nr, &s2, TODAY, &f->e));
	OK(store_besluit_stap_add(f->s, nr, &s3, TODAY, &f->e));
	OK(store_besluit_get(f->s, &f->a, nr, &got, &f->e));
	assert_int_equal(got.status, BESLUIT_VASTGESTELD);
	assert_int_equal(got.datum, D("2021-05-27")); /* adoption dates it */
	assert_int_equal(got.nhistorie, 4);
	assert_int_equal(got.historie[1].status, BESLUIT_AANGEHOUDEN);
	assert_string_equal(got.historie[3].toelichting, "Raadsvergadering");
	assert_string_equal(got.organisatie_naam, "Heemstede");
	/* Adopted cannot be adjourned; nothing changes. */
	s1.datum = D("2021-06-01");
	err_clear(&f->e);
	assert_int_equal(store_besluit_stap_add(f->s, nr, &s1, TODAY, &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "status", "transition");
	assert_int_equal(count(f, "besluit_stap"), 7);
	err_clear(&f->e);
	assert_int_equal(store_besluit_kies(f->s, &f->a, "ONBEKEND", NULL,
					    "organisatie", &got, &f->e),
			 ST_NOT_FOUND);
	assert_string_equal(f->e.message, "Besluit ONBEKEND bestaat niet.");

	/* Filters. */
	store_besluit_filter_init(&flt);
	OK(store_besluit_list(f->s, &f->a, &flt, &list, &n, &total, &f->e));
	assert_int_equal(n, 4);
	assert_int_equal(total, 4);
	assert_string_equal(list[0].identificatie, "BESLUIT-2021-0000000002");
	assert_string_equal(list[3].identificatie, "BESLUIT-2020-0000000001");
	flt.organisatie = "GM0377";
	OK(store_besluit_list(f->s, &f->a, &flt, &list, &n, &total, &f->e));
	assert_int_equal(n, 2);
	flt.organisatie = NULL;
	flt.zoek = "TIEN PUNTEN";
	OK(store_besluit_list(f->s, &f->a, &flt, &list, &n, &total, &f->e));
	assert_int_equal(n, 1);
	assert_string_equal(list[0].identificatie, "830016");
	flt.zoek = NULL;
	flt.van = D("2021-01-01");
	flt.tot = D("2021-06-01");
	OK(store_besluit_list(f->s, &f->a, &flt, &list, &n, &total, &f->e));
	assert_int_equal(n, 2); /* 2021-04-22 and 830016 of 2021-05-27 */
	store_besluit_filter_init(&flt);
	flt.limit = 1;
	flt.offset = 1;
	OK(store_besluit_list(f->s, &f->a, &flt, &list, &n, &total, &f->e));
	assert_int_equal(n, 1);
	assert_int_equal(total, 4);
	assert_string_equal(list[0].identificatie, "830016");
	store_besluit_filter_init(&flt);
	flt.status = BESLUIT_VOORGESTELD;
	OK(store_besluit_list(f->s, &f->a, &flt, &list, &n, &total, &f->e));
	assert_int_equal(n, 0);
}

static void
test_besluit_update_delete(void **state)
{
	struct fixture *f = *state;
	struct besluit_stap h = { BESLUIT_VOORGESTELD, D("2026-10-01"), NULL };
	struct besluit b = {
		.verantwoordelijke_organisatie = "GM0397",
		.bestuursorgaan = ORGAAN_COLLEGE,
		.datum = D("2026-10-01"),
		.ingangsdatum = DATE_NONE,
		.vervaldatum = DATE_NONE,
		.publicatiedatum = DATE_NONE,
		.onderwerp = "Voorstel",
		.openbaarheid = OPENBAAR_ACTIEF,
		.geheim_tot = DATE_NONE,
		.status = BESLUIT_VOORGESTELD,
		.historie = &h,
		.nhistorie = 1,
	};
	struct besluit got;
	const char *ident;
	int64_t id;

	add_hb(f); /* START and GRIT-2021, linked from memberships */
	OK(store_besluit_add(f->s, &f->a, &b, TODAY, &ident, &id, &f->e));
	assert_string_equal(ident, "BESLUIT-2026-0000000001");

	/* Correct fields; the whole is checked again. */
	b.publicatiedatum = D("2026-10-02");
	b.toelichting = "Toegelicht";
	OK(store_besluit_update(f->s, id, &b, TODAY, &f->e));
	OK(store_besluit_get(f->s, &f->a, id, &got, &f->e));
	assert_int_equal(got.publicatiedatum, D("2026-10-02"));
	assert_string_equal(got.toelichting, "Toegelicht");
	assert_int_equal(got.status, BESLUIT_VOORGESTELD);
	b.openbaarheid = OPENBAAR_GEHEIM; /* without an end date */
	err_clear(&f->e);
	assert_int_equal(store_besluit_update(f->s, id, &b, TODAY, &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "geheimTot", "required");
	OK(store_besluit_get(f->s, &f->a, id, &got, &f->e));
	assert_int_equal(got.openbaarheid, OPENBAAR_ACTIEF);

	/* Adopted, or pointed at by the register: cannot be deleted. */
	err_clear(&f->e);
	assert_int_equal(
		store_besluit_delete(f->s, besluit_nr(f, "START", NULL), &f->e),
		ST_CONFLICT);
	assert_int_equal(count(f, "besluit"), 3);
	/* A proposal can, and its number is never handed out again. */
	OK(store_besluit_delete(f->s, id, &f->e));
	assert_int_equal(count(f, "besluit"), 2);
	assert_int_equal(count(f, "besluit_stap"), 2);
	b.openbaarheid = OPENBAAR_ACTIEF;
	OK(store_besluit_add(f->s, &f->a, &b, TODAY, &ident, &id, &f->e));
	assert_string_equal(ident, "BESLUIT-2026-0000000002");
	err_clear(&f->e);
	assert_int_equal(store_besluit_delete(f->s, id + 1000, &f->e),
			 ST_NOT_FOUND);
}

/* The tables of schema 1 only, on PostgreSQL (with their functions). */
#define PG_SCHEMA_1                                                           \
	"DROP TABLE afspraak_vrijgave, afspraak_opschoner, afspraak_teller; " \
	"DROP TABLE qmatic_sleutel, bericht_zender, bericht, wachtlijst, "    \
	"afspraak_cel, "                                                      \
	"afspraak_product, afspraak_instelling, afspraak, dienst, "           \
	"balieproduct, sluiting, openingstijd, vestiging, "                   \
	"besluit_volgnummer, generatie, gebruiker_rol, "                      \
	"herstelcode, sessie, token, inlogpoging, audit, uren_cel, uren, "    \
	"uren_batch, medewerker, kostenverdeling, scenario_wijziging, "       \
	"scenario, kostenmethode, voorschot, maatwerk, kostengewicht, "       \
	"kostenlevering, kostenrol, kostenpost, gebruiker; "                  \
	"DROP FUNCTION audit_alleen_aanvullen, kostenverdeling_vastgesteld, " \
	"kostenverdeling_niet_leeg; ALTER TABLE besluit DROP CONSTRAINT "     \
	"besluit_organisatie_id_identificatie_key; DROP INDEX "               \
	"besluit_identificatie; ALTER TABLE besluit ADD CONSTRAINT "          \
	"besluit_identificatie_key UNIQUE (identificatie); "                  \
	"UPDATE schema_version SET version = 1"

/* A database at schema 1 with generated numbers keeps counting after 2. */
static void
test_migration_keeps_numbers(void **state)
{
	struct fixture *f = *state;
	struct store *s2;
	struct err e;
	const char *id;

	add_gemeente(f, "GM0397", "Heemstede");
	add_besluit(f, NULL, "GM0397", "2021-04-22");
	add_besluit(f, NULL, "GM0397", "2021-05-22");
	store_close(f->s);
	f->s = NULL;
	assert_int_equal(
		raw_exec(f,
			 pg ? PG_SCHEMA_1
			    : "DROP TABLE afspraak_vrijgave; DROP TABLE "
			      "afspraak_opschoner; DROP TABLE "
			      "afspraak_teller; DROP INDEX afspraak_email; "
			      "DROP TABLE qmatic_sleutel; "
			      "DROP TABLE bericht_zender; DROP TABLE bericht; "
			      "DROP TABLE wachtlijst; "
			      "DROP TABLE afspraak_cel; DROP TABLE "
			      "afspraak_product; DROP TABLE "
			      "afspraak_instelling; DROP TABLE afspraak; "
			      "DROP TABLE dienst; DROP TABLE balieproduct; "
			      "DROP TABLE sluiting; DROP TABLE openingstijd; "
			      "DROP TABLE vestiging; "
			      "DROP TABLE besluit_volgnummer; DROP TABLE "
			      "generatie; DROP TABLE gebruiker_rol; DROP "
			      "TABLE gebruiker; DROP TABLE audit; DROP TABLE "
			      "herstelcode; DROP TABLE "
			      "sessie; DROP TABLE token; DROP TABLE "
			      "inlogpoging; DROP TABLE uren_cel; DROP TABLE "
			      "uren; DROP TABLE uren_batch; DROP TABLE "
			      "medewerker; DROP TABLE kostenverdeling; DROP "
			      "TABLE scenario_wijziging; DROP TABLE scenario; "
			      "DROP TABLE kostenmethode; DROP TABLE "
			      "voorschot; DROP TABLE maatwerk; DROP TABLE "
			      "kostengewicht; DROP "
			      "TABLE kostenlevering; DROP TABLE kostenrol; "
			      "DROP TABLE kostenpost; UPDATE "
			      "schema_version SET version = 1"),
		DB_OK);
	err_clear(&e);
	assert_int_equal(store_open(f->path, STORE_EXISTING, &s2, &e), ST_OK);
	assert_int_equal(store_schema_version(s2), store_schema_latest());
	f->s = s2;
	id = add_besluit(f, NULL, "GM0397", "2021-06-01");
	assert_string_equal(id, "BESLUIT-2021-0000000003");
}

static void
test_eenheid_history(void **state)
{
	struct fixture *f = *state;
	struct eenheid u = { .code = "hb-informatisering",
			     .naam = "Informatisering",
			     .soort = EENHEID_AFDELING,
			     .samenwerking = "HB" };
	struct inrichting hist[] = {
		{ .periode = { D("2013-01-01"), DATE_NONE },
		  .vorm = VORM_GEDEELD,
		  .besluit = "START" },
	};
	struct inrichting change = { .periode = { D("2021-04-22"), DATE_NONE },
				     .vorm = VORM_ONDERGEBRACHT,
				     .regeling = "GRIT",
				     .besluit = "GRIT-2021" };
	struct inrichting *h;
	struct eenheid got;
	struct eenheid_op *op;
	struct besluit_wijziging *w;
	size_t n;

	add_hb(f);
	OK(store_eenheid_add(f->s, &u, hist, 1, &f->e));
	OK(store_eenheid_wijzig(f->s, "hb-informatisering", &change, &f->e));
	OK(store_eenheid_get(f->s, &f->a, "hb-informatisering", &got, &h, &n,
			     &f->e));
	assert_int_equal(n, 2);
	assert_int_equal(h[0].periode.tot, D("2021-04-22"));
	assert_int_equal(h[1].vorm, VORM_ONDERGEBRACHT);
	assert_string_equal(h[1].regeling, "GRIT");
	assert_string_equal(h[1].besluit, "GRIT-2021");

	OK(store_eenheden_op(f->s, &f->a, "HB", D("2021-03-01"), &op, &n,
			     &f->e));
	assert_int_equal(n, 1);
	assert_true(op[0].heeft_inrichting);
	assert_int_equal(op[0].inrichting.vorm, VORM_GEDEELD);
	assert_string_equal(op[0].inrichting.besluit, "START");
	OK(store_eenheden_op(f->s, &f->a, "HB", D("2021-05-01"), &op, &n,
			     &f->e));
	assert_int_equal(op[0].inrichting.vorm, VORM_ONDERGEBRACHT);
	OK(store_eenheden_op(f->s, &f->a, "HB", D("2012-05-01"), &op, &n,
			     &f->e));
	assert_false(op[0].heeft_inrichting);

	OK(store_besluit_wijzigingen(
		f->s, &f->a, besluit_nr(f, "GRIT-2021", NULL), &w, &n, &f->e));
	assert_int_equal(n, 1);
	assert_string_equal(w[0].soort, "inrichting");
	assert_string_equal(w[0].object, "hb-informatisering");
	assert_string_equal(w[0].omschrijving,
			    "Informatisering: ondergebracht GR IT vanaf 22 "
			    "april 2021");

	/* A change dated before the last one: refused, nothing changed. */
	change.periode.van = D("2020-01-01");
	change.vorm = VORM_GEDEELD;
	change.regeling = NULL;
	err_clear(&f->e);
	assert_int_equal(store_eenheid_wijzig(f->s, "hb-informatisering",
					      &change, &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "van", "order");
	/* The same arrangement again is no change. */
	change.periode.van = D("2022-01-01");
	change.vorm = VORM_ONDERGEBRACHT;
	change.regeling = "GRIT";
	err_clear(&f->e);
	assert_int_equal(store_eenheid_wijzig(f->s, "hb-informatisering",
					      &change, &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "vorm", "no-change");
	/* Own for a municipality that is not a member. */
	add_gemeente(f, "GM0358", "Aalsmeer");
	change.vorm = VORM_EIGEN;
	change.regeling = NULL;
	change.gemeente = "GM0358";
	err_clear(&f->e);
	assert_int_equal(store_eenheid_wijzig(f->s, "hb-informatisering",
					      &change, &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "gemeente", "not-a-member");
	/* Unknown decision. */
	change.gemeente = "GM0397";
	change.besluit = "GEEN";
	err_clear(&f->e);
	assert_int_equal(store_eenheid_wijzig(f->s, "hb-informatisering",
					      &change, &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "besluit", "unknown");
	assert_int_equal(count(f, "inrichting"), 2);
	OK(store_eenheid_get(f->s, &f->a, "hb-informatisering", &got, &h, &n,
			     &f->e));
	assert_int_equal(h[1].periode.tot, DATE_NONE); /* still open */
}

static void
test_eenheid_refused(void **state)
{
	struct fixture *f = *state;
	struct eenheid u = { .code = "hb-communicatie",
			     .naam = "Communicatie",
			     .soort = EENHEID_AFDELING,
			     .samenwerking = "HB" };
	struct inrichting overlap[] = {
		{ .periode = { D("2013-01-01"), D("2021-06-01") },
		  .vorm = VORM_GEDEELD,
		  .besluit = "START" },
		{ .periode = { D("2021-04-22"), DATE_NONE },
		  .vorm = VORM_EIGEN,
		  .gemeente = "GM0397",
		  .besluit = "GRIT-2021" },
	};
	struct inrichting gap[] = {
		{ .periode = { D("2013-01-01"), D("2020-01-01") },
		  .vorm = VORM_GEDEELD,
		  .besluit = "START" },
		{ .periode = { D("2021-04-22"), DATE_NONE },
		  .vorm = VORM_EIGEN,
		  .gemeente = "GM0397",
		  .besluit = "GRIT-2021" },
	};

	add_hb(f);
	err_clear(&f->e);
	assert_int_equal(store_eenheid_add(f->s, &u, overlap, 2, &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "inrichting[1].van", "overlap");
	err_clear(&f->e);
	assert_int_equal(store_eenheid_add(f->s, &u, gap, 2, &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "inrichting[1].van", "gap");
	u.samenwerking = "XX";
	err_clear(&f->e);
	assert_int_equal(store_eenheid_add(f->s, &u, gap, 1, &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "samenwerking", "unknown");
	assert_int_equal(count(f, "eenheid"), 0);
	assert_int_equal(count(f, "inrichting"), 0);
	/* A valid unit, then the same code again. */
	u.samenwerking = "HB";
	OK(store_eenheid_add(f->s, &u, gap, 1, &f->e));
	err_clear(&f->e);
	assert_int_equal(store_eenheid_add(f->s, &u, gap, 1, &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "code", "unique");
	assert_int_equal(count(f, "eenheid"), 1);
}

static void
test_kader_and_werkstromen(void **state)
{
	struct fixture *f = *state;
	struct eenheid u = { .code = "hb-info",
			     .naam = "Informatisering",
			     .soort = EENHEID_AFDELING,
			     .samenwerking = "HB" };
	struct inrichting h = { .periode = { D("2013-01-01"), DATE_NONE },
				.vorm = VORM_GEDEELD,
				.besluit = "START" };
	const char *units[] = { "hb-info" };
	struct kader_versie v[] = {
		{ .periode = { D("2019-12-12"), D("2021-05-27") },
		  .tekst = "Zes afdelingen",
		  .besluit = "START",
		  .eenheden = units,
		  .neenheden = 1 },
		{ .periode = { D("2021-05-27"), DATE_NONE },
		  .tekst = "Vijf afdelingen",
		  .besluit = "GRIT-2021" },
	};
	struct kader_artikel k = { .nummer = 6,
				   .titel = "Gedeelde afdelingen",
				   .versies = v,
				   .nversies = 2 };
	struct kader_artikel *ks;
	struct mijlpaal m[] = {
		{ .naam = "Tussenevaluatie",
		  .gepland = D("2008-07-01"),
		  .status = MIJLPAAL_GEREED,
		  .uitkomst = "Voortzetten" },
	};
	struct werkstroom w = { .code = "hb-voortgang",
				.naam = "Voortgang",
				.eigenaar = "Secretarissen",
				.samenwerking = "HB",
				.mijlpalen = m,
				.nmijlpalen = 1 };
	struct werkstroom *ws;
	size_t n;

	add_hb(f);
	OK(store_eenheid_add(f->s, &u, &h, 1, &f->e));
	OK(store_kader_artikel_add(f->s, "HB", &k, &f->e));
	OK(store_kader_list(f->s, &f->a, "HB", DATE_NONE, &ks, &n, &f->e));
	assert_int_equal(n, 1);
	assert_int_equal(ks[0].nversies, 2);
	OK(store_kader_list(f->s, &f->a, "HB", D("2021-03-01"), &ks, &n,
			    &f->e));
	assert_int_equal(ks[0].nversies, 1);
	assert_string_equal(ks[0].versies[0].tekst, "Zes afdelingen");
	assert_int_equal(ks[0].versies[0].neenheden, 1);
	assert_string_equal(ks[0].versies[0].eenheden[0], "hb-info");
	OK(store_kader_list(f->s, &f->a, "HB", D("2019-01-01"), &ks, &n,
			    &f->e));
	assert_int_equal(n, 0);
	/* Same number again, or a gap between versions: refused. */
	err_clear(&f->e);
	assert_int_equal(store_kader_artikel_add(f->s, "HB", &k, &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "nummer", "unique");
	k.nummer = 7;
	v[1].periode.van = D("2021-06-01");
	err_clear(&f->e);
	assert_int_equal(store_kader_artikel_add(f->s, "HB", &k, &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "versies[1].van", "gap");
	v[1].periode.van = D("2021-05-27");
	units[0] = "hb-bestaat-niet";
	err_clear(&f->e);
	assert_int_equal(store_kader_artikel_add(f->s, "HB", &k, &f->e),
			 ST_INVALID);
	assert_only_problem(&f->e, "versies[0].eenheden[0]", "unknown");
	assert_int_equal(count(f, "kader_artikel"), 1);
	assert_int_equal(count(f, "kader_versie"), 2);

	OK(store_werkstroom_add(f->s, &w, &f->e));
	OK(store_werkstroom_list(f->s, &f->a, "HB", &ws, &n, &f->e));
	assert_int_equal(n, 1);
	assert_int_equal(ws[0].nmijlpalen, 1);
	assert_string_equal(ws[0].mijlpalen[0].uitkomst, "Voortzetten");
	assert_int_equal(ws[0].mijlpalen[0].status, MIJLPAAL_GEREED);
	m[0].gepland = DATE_NONE;
	w.code = "hb-ander";
	err_clear(&f->e);
	assert_int_equal(store_werkstroom_add(f->s, &w, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "mijlpalen[0].gepland", "required");
	assert_int_equal(count(f, "werkstroom"), 1);
}

static void
test_taakvelden(void **state)
{
	struct fixture *f = *state;
	const struct taakveld tv[] = {
		{ "6.2", "Toegang", "6", "Sociaal domein", 0, 2024 },
		{ "6.21", "Toegang WMO", "6", "Sociaal domein", 2025, 0 },
		{ "0.1", "Bestuur", "0", "Bestuur en ondersteuning", 0, 0 },
	};
	struct taakveld *got;
	size_t n;

	for (size_t i = 0; i < 3; i++)
		OK(store_taakveld_add(f->s, &tv[i], &f->e));
	OK(store_taakveld_list(f->s, &f->a, 0, &got, &n, &f->e));
	assert_int_equal(n, 3);
	assert_string_equal(got[0].code, "6.2"); /* in the order given */
	OK(store_taakveld_list(f->s, &f->a, 2024, &got, &n, &f->e));
	assert_int_equal(n, 2);
	assert_string_equal(got[0].code, "6.2");
	assert_string_equal(got[1].code, "0.1");
	OK(store_taakveld_list(f->s, &f->a, 2025, &got, &n, &f->e));
	assert_int_equal(n, 2);
	assert_string_equal(got[0].code, "6.21");
	err_clear(&f->e);
	assert_int_equal(store_taakveld_add(f->s, &tv[0], &f->e), ST_INVALID);
	assert_only_problem(&f->e, "code", "unique");
}

static void
test_generation(void **state)
{
	struct fixture *f = *state;
	struct organisatie *o;
	int64_t g0, g1, g2, g3;
	size_t n;
	struct organisatie dup = { .soort = ORG_GEMEENTE,
				   .code = "GM0358",
				   .naam = "Dubbel",
				   .inwoners = -1,
				   .inwoners_peildatum = DATE_NONE };

	OK(store_generation(f->s, STORE_FAMILIE_ALGEMEEN, &g0, &f->e));
	add_gemeente(f, "GM0358", "Aalsmeer");
	OK(store_generation(f->s, STORE_FAMILIE_ALGEMEEN, &g1, &f->e));
	assert_int_equal(g1, g0 + 1);
	/* Reading does not change it, a refused write neither. */
	OK(store_organisatie_list(f->s, &f->a, ORG_GEMEENTE, &o, &n, &f->e));
	err_clear(&f->e);
	assert_int_equal(store_organisatie_add(f->s, &dup, TODAY, &f->e),
			 ST_CONFLICT);
	OK(store_generation(f->s, STORE_FAMILIE_ALGEMEEN, &g2, &f->e));
	assert_int_equal(g2, g1);
	/* One outer transaction with several writes counts once. */
	OK(store_begin(f->s, &f->e));
	add_gemeente(f, "GM0362", "Amstelveen");
	add_gemeente(f, "GM0397", "Heemstede");
	OK(store_commit(f->s, &f->e));
	OK(store_generation(f->s, STORE_FAMILIE_ALGEMEEN, &g3, &f->e));
	assert_int_equal(g3, g2 + 1);
}

/* The generations of the general family and of Aalsmeer's and
 * Heemstede's appointments. */
struct gens {
	int64_t alg, a, b;
};

#define FAM_A STORE_FAMILIE_AFSPRAKEN "GM0358"
#define FAM_B STORE_FAMILIE_AFSPRAKEN "GM0397"

static struct gens
gens_van(struct store *s)
{
	struct gens g;
	struct err e;

	err_clear(&e);
	if (store_generation(s, STORE_FAMILIE_ALGEMEEN, &g.alg, &e) ||
	    store_generation(s, FAM_A, &g.a, &e) ||
	    store_generation(s, FAM_B, &g.b, &e))
		fail_msg("store_generation: %s (%s)", e.message, e.detail);
	return g;
}

#define ASSERT_GENS(g, alg_, a_, b_)            \
	do {                                    \
		struct gens x_ = (g);           \
		assert_int_equal(x_.alg, alg_); \
		assert_int_equal(x_.a, a_);     \
		assert_int_equal(x_.b, b_);     \
	} while (0)

/* A write of Aalsmeer's appointment data, as the appointment store makes
 * one: a location, in a transaction level marked with its family. */
static enum status
schrijf_a(struct fixture *f, const char *code, enum status eind)
{
	char sql[256];
	enum status st;

	snprintf(sql, sizeof(sql),
		 "INSERT INTO vestiging (gemeente_id, code, naam, kanaal, "
		 "balies) VALUES ((SELECT id FROM organisatie WHERE code = "
		 "'GM0358'), '%s', 'Raadhuis', 'fysiek', 2)",
		 code);
	err_clear(&f->e);
	if ((st = tx_begin(f->s, &f->e)))
		return st;
	st = tx_familie(f->s, FAM_A, &f->e);
	if (st == ST_OK)
		st = exec(f->s, sql, &f->e);
	return tx_end(f->s, st == ST_OK ? eind : st, &f->e);
}

/*
 * Families: a write of Aalsmeer's appointments raises its family's
 * generation alone, so that Heemstede's and the general answers stay
 * valid; a general write raises every family's (their generations
 * include the general one); a level is marked by itself, not by the
 * levels around it; what is undone raises nothing; another connection
 * sees it at once.
 */
static void
test_generation_families(void **state)
{
	struct fixture *f = *state;
	struct store *other;
	struct gens g;
	struct err e;
	int64_t n;

	add_gemeente(f, "GM0358", "Aalsmeer");
	add_gemeente(f, "GM0397", "Heemstede");
	g = gens_van(f->s);
	/* Never written: a family is at the general generation. */
	assert_true(g.alg > 0);
	ASSERT_GENS(gens_van(f->s), g.alg, g.alg, g.alg);

	/* A booking-like write in Aalsmeer's family, seen by another
	 * connection (another server process) at once. */
	err_clear(&e);
	assert_int_equal(store_open(f->path, STORE_EXISTING, &other, &e),
			 ST_OK);
	OK(schrijf_a(f, "AALS-1", ST_OK));
	assert_int_equal(count(f, "vestiging"), 1);
	ASSERT_GENS(gens_van(f->s), g.alg, g.alg + 1, g.alg);
	ASSERT_GENS(gens_van(other), g.alg, g.alg + 1, g.alg);
	store_close(other);

	/* Undone: no generation moves. */
	assert_int_equal(schrijf_a(f, "AALS-2", ST_CONFLICT), ST_CONFLICT);
	assert_int_equal(count(f, "vestiging"), 1);
	ASSERT_GENS(gens_van(f->s), g.alg, g.alg + 1, g.alg);

	/* Undone as a savepoint inside bookkeeping that commits: neither. */
	OK(tx_begin_stil(f->s, &f->e));
	assert_int_equal(schrijf_a(f, "AALS-2", ST_CONFLICT), ST_CONFLICT);
	OK(tx_end(f->s, ST_OK, &f->e));
	ASSERT_GENS(gens_van(f->s), g.alg, g.alg + 1, g.alg);

	/* Marked inside bookkeeping: the family alone. */
	OK(tx_begin_stil(f->s, &f->e));
	OK(schrijf_a(f, "AALS-2", ST_OK));
	OK(tx_end(f->s, ST_OK, &f->e));
	ASSERT_GENS(gens_van(f->s), g.alg, g.alg + 2, g.alg);

	/* A general write raises every family's generation. */
	add_gemeente(f, "GM0362", "Amstelveen");
	ASSERT_GENS(gens_van(f->s), g.alg + 1, g.alg + 3, g.alg + 1);

	/* Inside store_begin, whose own level is not marked: the family
	 * and the general generation, once each. */
	OK(store_begin(f->s, &f->e));
	OK(schrijf_a(f, "AALS-3", ST_OK));
	OK(schrijf_a(f, "AALS-4", ST_OK));
	OK(store_commit(f->s, &f->e));
	ASSERT_GENS(gens_van(f->s), g.alg + 2, g.alg + 6, g.alg + 2);

	/* A general write nested in a marked level (a served visit booked
	 * as hours) raises the general generation too. */
	OK(tx_begin(f->s, &f->e));
	OK(tx_familie(f->s, FAM_B, &f->e));
	add_gemeente(f, "GM0363", "Amsterdam");
	OK(tx_end(f->s, ST_OK, &f->e));
	ASSERT_GENS(gens_van(f->s), g.alg + 3, g.alg + 7, g.alg + 4);

	/* Two families in one transaction: both, and nothing else. */
	OK(tx_begin(f->s, &f->e));
	OK(tx_familie(f->s, FAM_A, &f->e));
	OK(tx_familie(f->s, FAM_B, &f->e));
	OK(tx_end(f->s, ST_OK, &f->e));
	ASSERT_GENS(gens_van(f->s), g.alg + 3, g.alg + 8, g.alg + 5);
	assert_int_equal(raw_int(f, "SELECT n FROM generatie WHERE familie = "
				    "'afspraken:GM0397'"),
			 2);

	/* Outside a transaction, or a name out of bounds: refused, and
	 * nothing moves. */
	{
		char lang[STORE_FAMILIE_MAX + 2];

		memset(lang, 'x', sizeof(lang) - 1);
		lang[sizeof(lang) - 1] = '\0';
		err_clear(&f->e);
		assert_int_equal(tx_familie(f->s, FAM_A, &f->e), ST_INTERNAL);
		OK(tx_begin(f->s, &f->e));
		err_clear(&f->e);
		assert_int_equal(tx_familie(f->s, lang, &f->e), ST_INTERNAL);
		assert_int_equal(tx_familie(f->s, "", &f->e), ST_INTERNAL);
		tx_end(f->s, ST_INTERNAL, &f->e);
		err_clear(&f->e);
		assert_int_equal(store_generation(f->s, lang, &n, &f->e),
				 ST_INTERNAL);
		assert_int_equal(store_generation(f->s, "", &n, &f->e),
				 ST_INTERNAL);
		lang[STORE_FAMILIE_MAX] = '\0';
		OK(store_generation(f->s, lang, &n, &f->e));
		assert_int_equal(n, g.alg + 3);
	}
	ASSERT_GENS(gens_van(f->s), g.alg + 3, g.alg + 8, g.alg + 5);
}

/* What migration 0018 (the desk) added, taken away again. */
#define SCHEMA_14_BALIE                                      \
	"DROP INDEX afspraak_gemeente_start; "               \
	"ALTER TABLE afspraak DROP COLUMN geboekt_utc; "     \
	"ALTER TABLE afspraak DROP COLUMN eerste_vrij_utc; " \
	"ALTER TABLE afspraak DROP COLUMN status_utc; "      \
	"ALTER TABLE afspraak DROP COLUMN inloop; "          \
	"ALTER TABLE afspraak DROP COLUMN uren_id; "         \
	"ALTER TABLE uren_batch DROP COLUMN bron; "

/* A database of schema 14 (one counter) keeps counting from it. */
static void
test_generation_migrated(void **state)
{
	struct fixture *f = *state;
	struct store *s2;
	struct err e;

	store_close(f->s);
	f->s = NULL;
	/* Schema 20's waiting list away (SQLite cannot drop a column with a
	 * foreign key; migration 0020 makes its outbox table anew anyway). */
	assert_int_equal(raw_exec(f, pg ? "ALTER TABLE bericht DROP COLUMN "
					  "wachtlijst_id; DROP TABLE wachtlijst"
					: "DROP TABLE wachtlijst"),
			 DB_OK);
	assert_int_equal(raw_exec(f,
				  "DROP TABLE qmatic_sleutel; " SCHEMA_14_BALIE
				  "DROP TABLE generatie; CREATE TABLE "
				  "generatie (n BIGINT NOT NULL); INSERT "
				  "INTO generatie VALUES (41); DROP TABLE "
				  "afspraak_vrijgave; DROP TABLE "
				  "afspraak_opschoner; DROP TABLE "
				  "afspraak_teller; DROP INDEX "
				  "afspraak_email; DROP INDEX "
				  "afspraak_te_wissen; ALTER TABLE "
				  "afspraak_instelling DROP COLUMN "
				  "max_open; ALTER TABLE "
				  "afspraak_instelling DROP COLUMN "
				  "max_per_dag; ALTER TABLE "
				  "afspraak_instelling DROP COLUMN "
				  "web_aandeel; ALTER TABLE afspraak DROP "
				  "COLUMN geboekt_via; UPDATE "
				  "schema_version SET version = 14"),
			 DB_OK);
	err_clear(&e);
	assert_int_equal(store_open(f->path, STORE_EXISTING, &s2, &e), ST_OK);
	f->s = s2;
	ASSERT_GENS(gens_van(f->s), 41, 41, 41);
	assert_int_equal(count(f, "generatie"), 1);
	add_gemeente(f, "GM0358", "Aalsmeer");
	OK(schrijf_a(f, "AALS-1", ST_OK));
	ASSERT_GENS(gens_van(f->s), 42, 43, 42);
}

/*
 * A connection that looked something up (leaving a statement on its row)
 * must still see what another connection commits afterwards.
 */
static void
test_fresh_reads(void **state)
{
	struct fixture *f = *state;
	struct store *other;
	struct organisatie o, *list;
	struct err e;
	size_t n;
	int64_t g1, g2;

	add_gemeente(f, "GM0358", "Aalsmeer");
	OK(store_organisatie_get(f->s, &f->a, "GM0358", &o, &f->e));
	OK(store_generation(f->s, STORE_FAMILIE_ALGEMEEN, &g1, &f->e));
	err_clear(&e);
	assert_int_equal(store_open(f->path, STORE_EXISTING, &other, &e),
			 ST_OK);
	{
		struct organisatie x = { .soort = ORG_GEMEENTE,
					 .code = "GM0362",
					 .naam = "Amstelveen",
					 .inwoners = -1,
					 .inwoners_peildatum = DATE_NONE };
		assert_int_equal(store_organisatie_add(other, &x, TODAY, &e),
				 ST_OK);
	}
	store_close(other);
	OK(store_generation(f->s, STORE_FAMILIE_ALGEMEEN, &g2, &f->e));
	assert_int_equal(g2, g1 + 1);
	OK(store_organisatie_list(f->s, &f->a, ORG_GEMEENTE, &list, &n, &f->e));
	assert_int_equal(n, 2);
	/* And this connection can still write. */
	add_gemeente(f, "GM0397", "Heemstede");
}

static void
test_outer_transaction(void **state)
{
	struct fixture *f = *state;

	OK(store_begin(f->s, &f->e));
	add_gemeente(f, "GM0358", "Aalsmeer");
	add_gemeente(f, "GM0362", "Amstelveen");
	/* A failing write inside undoes only itself. */
	struct organisatie bad = { .soort = ORG_GEMEENTE,
				   .code = "GM0358",
				   .naam = "Dubbel",
				   .inwoners = -1,
				   .inwoners_peildatum = DATE_NONE };
	err_clear(&f->e);
	assert_int_equal(store_organisatie_add(f->s, &bad, TODAY, &f->e),
			 ST_CONFLICT);
	store_rollback(f->s);
	assert_int_equal(count(f, "organisatie"), 0);
	OK(store_begin(f->s, &f->e));
	add_gemeente(f, "GM0358", "Aalsmeer");
	OK(store_commit(f->s, &f->e));
	assert_int_equal(count(f, "organisatie"), 1);
}

/*
 * The child writes 300 decisions in one transaction, telling the parent
 * through a pipe when it is halfway; the parent kills it with SIGKILL at
 * a varying moment: mid-transaction, during commit, or after. Afterwards
 * the database passes integrity_check and holds all 300 or none.
 */
static void
test_crash(void **state)
{
	struct fixture *f = *state;
	const int N = 300, ROUNDS = 12;
	long before = 0;
	int rounds = 0;

	add_gemeente(f, "GM0397", "Heemstede");
	store_close(f->s);
	f->s = NULL;
	for (int round = 0; round < ROUNDS; round++) {
		int fds[2];
		pid_t pid;
		char c;

		assert_int_equal(pipe(fds), 0);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			struct store *s;
			struct err e;
			struct arena a;

			close(fds[0]);
			err_clear(&e);
			arena_init(&a, 1 << 24);
			if (store_open(f->path, STORE_EXISTING, &s, &e) ||
			    store_begin(s, &e))
				_exit(3);
			for (int i = 0; i < N; i++) {
				char id[32];
				struct besluit_stap h = { BESLUIT_VASTGESTELD,
							  D("2020-01-01"),
							  NULL };
				struct besluit b = {
					.identificatie = id,
					.verantwoordelijke_organisatie =
						"GM0397",
					.datum = D("2020-01-01"),
					.ingangsdatum = DATE_NONE,
					.vervaldatum = DATE_NONE,
					.publicatiedatum = DATE_NONE,
					.onderwerp = "Crash",
					.geheim_tot = DATE_NONE,
					.status = BESLUIT_VASTGESTELD,
					.historie = &h,
					.nhistorie = 1,
				};
				snprintf(id, sizeof(id), "R%d-%d", round, i);
				if (store_besluit_add(s, &a, &b,
						      D("2026-01-01"), NULL,
						      NULL, &e))
					_exit(4);
				if (i == N / 2 && write(fds[1], "x", 1) != 1)
					_exit(5);
			}
			if (store_commit(s, &e))
				_exit(6);
			if (write(fds[1], "c", 1) != 1)
				_exit(7);
			pause();
			_exit(0);
		}
		close(fds[1]);
		assert_int_equal(read(fds[0], &c, 1), 1);
		assert_int_equal(c, 'x');
		if (round % 4 == 3) {
			/* Kill only after the commit was reported. */
			assert_int_equal(read(fds[0], &c, 1), 1);
			assert_int_equal(c, 'c');
		} else {
			/* Kill 0, 2 or 4 ms after the halfway mark. */
			struct timespec ts = { 0,
					       (long)(round % 4) * 2000000L };
			nanosleep(&ts, NULL);
		}
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		close(fds[0]);

		struct store *s;
		struct err e;
		err_clear(&e);
		assert_int_equal(store_open(f->path, STORE_EXISTING, &s, &e),
				 ST_OK);
		assert_int_equal(store_check_integrity(s, &e), ST_OK);
		store_close(s);
		long total = count(f, "besluit");
		print_message("# round %d: %ld decisions\n", round, total);
		assert_true(total == before || total == before + N);
		if (round % 4 == 3)
			assert_int_equal(total, before + N);
		assert_int_equal(count(f, "besluit_stap"), total);
		before = total;
		rounds++;
	}
	/* Every round was checked, and the three that were killed only
	 * after the commit kept their decisions. */
	assert_int_equal(rounds, ROUNDS);
	assert_true(before >= 3L * N);
	assert_int_equal(store_open(f->path, STORE_EXISTING, &f->s, &f->e),
			 ST_OK);
}

/* ---- staff and hours ---- */

/*
 * Where a database is: whether one is there, removing it, how its name
 * is shown (never a password) and which engine a name is for.
 */
static void
test_doel(void **state)
{
	struct fixture *f = *state;
	char buf[512], ander[400];
	struct store *s2;
	struct err e;
	bool ja = false;

	assert_string_equal(
		store_weergave("postgresql://ambt:geheim@db.example:5432/ambt",
			       buf, sizeof(buf)),
		"postgresql://ambt:***@db.example:5432/ambt");
	assert_string_equal(
		store_weergave("postgres://u:p@h/d", buf, sizeof(buf)),
		"postgres://u:***@h/d");
	assert_string_equal(store_weergave("postgresql://ambt@h:5432/ambt", buf,
					   sizeof(buf)),
			    "postgresql://ambt@h:5432/ambt");
	assert_string_equal(
		store_weergave("/var/lib/ambt/ambt.db", buf, sizeof(buf)),
		"/var/lib/ambt/ambt.db");
	assert_true(store_is_postgres("postgresql://h/d"));
	assert_true(store_is_postgres("postgres://h/d"));
	assert_false(store_is_postgres("sqlite:/tmp/x.db"));
	assert_false(store_is_postgres("/tmp/postgresql://x"));
	assert_false(store_is_postgres(f->path) != (pg != NULL));

	OK(store_bestaat(f->path, &ja, &f->e));
	assert_true(ja);
	if (pg) {
		const char *slash = strrchr(pg, '/');

		snprintf(ander, sizeof(ander), "%.*s/store_test_wis",
			 (int)(slash - pg), pg);
	} else
		snprintf(ander, sizeof(ander), "%s/ander.db", f->dir);
	OK(store_wis(ander, &f->e)); /* whatever an earlier run left */
	OK(store_bestaat(ander, &ja, &f->e));
	assert_false(ja);
	err_clear(&e);
	assert_int_equal(store_open(ander, STORE_CREATE, &s2, &e), ST_OK);
	store_close(s2);
	OK(store_bestaat(ander, &ja, &f->e));
	assert_true(ja);
	OK(store_wis(ander, &f->e));
	OK(store_bestaat(ander, &ja, &f->e));
	assert_false(ja);
	if (!pg) {
		assert_int_equal(access(ander, F_OK), -1);
		snprintf(buf, sizeof(buf), "%s-wal", ander);
		assert_int_equal(access(buf, F_OK), -1);
	}
	/* Our own database is still there. */
	add_gemeente(f, "GM0358", "Aalsmeer");
	assert_int_equal(count(f, "organisatie"), 1);
}

/*
 * What the database holds, table by table, parents first: the rows and a
 * SHA-256 over them in key order, the same on both engines (each value as
 * "N" for NULL or "T<bytes>:<text>", a row ended by a newline).
 */
static void
test_inhoud(void **state)
{
	struct fixture *f = *state;
	static const char leeg[] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4"
				   "649b934ca495991b7852b855";
	const struct taakveld tv[] = {
		{ "6.2", "Toegang", "6", "Sociaal domein", 0, 2024 },
		{ "0.1", "Bestuur", "0", "Bestuur en ondersteuning", 2017, 0 },
	};
	struct store_tabel *t, *t2;
	size_t n, n2, taak = 0;
	int64_t g0, g;

	OK(store_inhoud(f->s, &f->a, &t, &n, &f->e));
	assert_int_equal(n, 53);
	assert_string_equal(t[0].naam, "organisatie");
	assert_string_equal(t[n - 1].naam, "afspraak_vrijgave");
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(t[i].rijen, 0);
		assert_string_equal(t[i].sha256, leeg);
		if (strcmp(t[i].naam, "taakveld") == 0)
			taak = i;
	}
	assert_true(taak > 0);
	OK(store_generation(f->s, STORE_FAMILIE_ALGEMEEN, &g0, &f->e));
	for (size_t i = 0; i < 2; i++)
		OK(store_taakveld_add(f->s, &tv[i], &f->e));
	OK(store_inhoud(f->s, &f->a, &t2, &n2, &f->e));
	assert_int_equal(t2[taak].rijen, 2);
	assert_string_equal(t2[taak].sha256, "37818fefcdf5904367d085780fcabf3"
					     "eb307b743bc6cf27f2575a3936561c9"
					     "b2");
	for (size_t i = 0; i < n2; i++)
		if (i != taak && strcmp(t2[i].naam, "audit") != 0)
			assert_string_equal(t2[i].sha256, leeg);
	/* Reading it is no write. */
	OK(store_generation(f->s, STORE_FAMILIE_ALGEMEEN, &g, &f->e));
	OK(store_inhoud(f->s, &f->a, &t2, &n2, &f->e));
	OK(store_generation(f->s, STORE_FAMILIE_ALGEMEEN, &g0, &f->e));
	assert_int_equal(g0, g);
	/* Inside a transaction it sees what is not committed yet, and
	 * leaves the transaction open. */
	OK(store_begin(f->s, &f->e));
	add_gemeente(f, "GM0358", "Aalsmeer");
	OK(store_inhoud(f->s, &f->a, &t2, &n2, &f->e));
	assert_int_equal(t2[0].rijen, 1);
	add_gemeente(f, "GM0362", "Amstelveen");
	store_rollback(f->s);
	assert_int_equal(count(f, "organisatie"), 0);
	OK(store_inhoud(f->s, &f->a, &t2, &n2, &f->e));
	assert_int_equal(t2[0].rijen, 0);
	OK(store_generation(f->s, STORE_FAMILIE_ALGEMEEN, &g, &f->e));
	assert_int_equal(g, g0); /* a rolled back transaction neither */
}

/* Names of organisations by code; a code stays as it is when unknown. */
static void
test_organisatie_namen(void **state)
{
	struct fixture *f = *state;
	const char *codes[] = { "GM0397", "GM9999", "GRIT", "GM0377" };
	const char **namen;

	add_hb(f);
	namen = store_organisatie_namen(f->s, &f->a, codes, 4);
	assert_non_null(namen);
	assert_string_equal(namen[0], "Heemstede");
	assert_string_equal(namen[1], "GM9999");
	assert_string_equal(namen[2], "GR IT");
	assert_string_equal(namen[3], "Bloemendaal");
	namen = store_organisatie_namen(f->s, &f->a, codes, 0);
	assert_non_null(namen);
	assert_null(namen[0]);
}

/*
 * Members of a joint body: added with their decision, checked together
 * with the others, read back by date; the decision named only to who
 * may read it.
 */
static void
test_regeling_leden(void **state)
{
	struct fixture *f = *state;
	struct lidmaatschap l1 = { .gemeente = "GM0397",
				   .periode = { D("2021-04-22"), DATE_NONE },
				   .besluit = "GRIT-2021" };
	struct lidmaatschap l2 = { .gemeente = "GM0377",
				   .periode = { D("2019-01-01"), DATE_NONE },
				   .besluit = "GEHEIM-1" };
	struct lidmaatschap *leden, bad;
	size_t n;

	add_hb(f);
	add_besluit_als(f, "GEHEIM-1", "GM0377", "2018-12-01", OPENBAAR_GEHEIM);
	OK(store_regeling_lid_add(f->s, "GRIT", &l1, &f->e));
	OK(store_regeling_lid_add(f->s, "GRIT", &l2, &f->e));
	OK(store_regeling_leden(f->s, &f->a, "GRIT", &leden, &n, &f->e));
	assert_int_equal(n, 2);
	assert_string_equal(leden[0].gemeente, "GM0377"); /* by date */
	assert_string_equal(leden[0].gemeente_naam, "Bloemendaal");
	assert_int_equal(leden[0].periode.van, D("2019-01-01"));
	assert_int_equal(leden[0].periode.tot, DATE_NONE);
	assert_string_equal(leden[0].besluit, "GEHEIM-1");
	assert_string_equal(leden[0].besluit_organisatie, "GM0377");
	assert_string_equal(leden[1].gemeente, "GM0397");
	assert_string_equal(leden[1].besluit, "GRIT-2021");
	store_set_zicht(f->s, NULL);
	OK(store_regeling_leden(f->s, &f->a, "GRIT", &leden, &n, &f->e));
	store_set_zicht(f->s, &zicht_alles);
	assert_int_equal(n, 2);
	assert_null(leden[0].besluit);
	assert_null(leden[0].besluit_organisatie);
	assert_string_equal(leden[1].besluit, "GRIT-2021");

	/* Refused, nothing changed. */
	bad = l1;
	bad.periode.van = D("2022-01-01");
	REFUSED(store_regeling_lid_add(f->s, "GRIT", &bad, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "van", "overlap");
	add_gemeente(f, "GM0358", "Aalsmeer");
	bad.gemeente = "GM0358";
	bad.besluit = "GEEN";
	REFUSED(store_regeling_lid_add(f->s, "GRIT", &bad, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "besluit", "unknown");
	bad.besluit = NULL;
	bad.gemeente = "GM9999";
	REFUSED(store_regeling_lid_add(f->s, "GRIT", &bad, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "gemeente", "unknown");
	bad.gemeente = "GM0358";
	REFUSED(store_regeling_lid_add(f->s, "GM0397", &bad, &f->e),
		ST_NOT_FOUND);
	REFUSED(store_regeling_lid_add(f->s, "XX", &bad, &f->e), ST_NOT_FOUND);
	REFUSED(store_regeling_leden(f->s, &f->a, "GM0397", &leden, &n, &f->e),
		ST_NOT_FOUND);
	/* A decision of a municipality that is neither the member nor the
	 * joint body does not qualify. */
	bad.besluit = "GEHEIM-1";
	REFUSED(store_regeling_lid_add(f->s, "GRIT", &bad, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "besluit", "unknown");
	bad.besluit = NULL;
	OK(store_regeling_lid_add(f->s, "GRIT", &bad, &f->e));
	assert_int_equal(count(f, "regeling_lid"), 3);
}

/* Cooperations field by field, by code; refused ones change nothing. */
static void
test_samenwerkingen(void **state)
{
	struct fixture *f = *state;
	struct samenwerking aa = { .code = "AA",
				   .naam = "Aalsmeer–Amstelveen",
				   .sinds = D("2008-01-01"),
				   .centrumgemeente = "GM0362",
				   .omschrijving = "Ambtelijke fusie" };
	struct samenwerking got, *list;
	struct eenheid *u;
	struct werkstroom w = { .code = "aa-w",
				.naam = "W",
				.samenwerking = "AA" };
	struct werkstroom *ws;
	size_t n;

	add_hb(f);
	add_gemeente(f, "GM0362", "Amstelveen");
	add_gemeente(f, "GM0358", "Aalsmeer");
	add_besluit(f, "AA-START", "GM0358", "2007-06-01");
	OK(store_samenwerking_add(f->s, &aa, &f->e));
	OK(store_samenwerking_get(f->s, &f->a, "AA", &got, &f->e));
	assert_true(got.id > 0);
	assert_string_equal(got.code, "AA");
	assert_string_equal(got.naam, "Aalsmeer–Amstelveen");
	assert_int_equal(got.sinds, D("2008-01-01"));
	assert_string_equal(got.centrumgemeente, "GM0362");
	assert_string_equal(got.centrumgemeente_naam, "Amstelveen");
	assert_string_equal(got.omschrijving, "Ambtelijke fusie");
	OK(store_samenwerking_get(f->s, &f->a, "HB", &got, &f->e));
	assert_null(got.centrumgemeente);
	assert_null(got.centrumgemeente_naam);
	OK(store_samenwerking_list(f->s, &f->a, &list, &n, &f->e));
	assert_int_equal(n, 2);
	assert_string_equal(list[0].code, "AA");
	assert_string_equal(list[1].code, "HB");
	REFUSED(store_samenwerking_get(f->s, &f->a, "XX", &got, &f->e),
		ST_NOT_FOUND);
	assert_string_equal(f->e.message, "Samenwerking XX bestaat niet.");

	REFUSED(store_samenwerking_add(f->s, &aa, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "code", "unique");
	aa.code = "AB";
	aa.centrumgemeente = "GM9999";
	REFUSED(store_samenwerking_add(f->s, &aa, &f->e), ST_INVALID);
	assert_only_problem(&f->e, "centrumgemeente", "unknown");

	/* Units and workstreams of one cooperation, or of all. */
	add_eenheid(f, "HB", "hb-zz", "Zorg");
	add_eenheid(f, "HB", "hb-aa", "Archief");
	{
		struct eenheid e1 = { .code = "aa-ict",
				      .naam = "ICT",
				      .soort = EENHEID_TEAM,
				      .samenwerking = "AA",
				      .omschrijving = "Beheer" };
		struct inrichting h = { .periode = { D("2008-01-01"),
						     DATE_NONE },
					.vorm = VORM_GEDEELD,
					.besluit = "AA-START" };
		struct lidmaatschap l = { .gemeente = "GM0358",
					  .periode = { D("2008-01-01"),
						       DATE_NONE } };

		OK(store_samenwerking_lid_add(f->s, "AA", &l, &f->e));
		OK(store_eenheid_add(f->s, &e1, &h, 1, &f->e));
	}
	OK(store_eenheid_list(f->s, &f->a, "HB", &u, &n, &f->e));
	assert_int_equal(n, 2);
	assert_string_equal(u[0].naam, "Archief"); /* by name */
	assert_string_equal(u[1].naam, "Zorg");
	assert_string_equal(u[1].samenwerking, "HB");
	OK(store_eenheid_list(f->s, &f->a, NULL, &u, &n, &f->e));
	assert_int_equal(n, 3);
	assert_string_equal(u[0].code, "aa-ict"); /* AA before HB */
	assert_int_equal(u[0].soort, EENHEID_TEAM);
	assert_string_equal(u[0].omschrijving, "Beheer");
	REFUSED(store_eenheid_list(f->s, &f->a, "XX", &u, &n, &f->e),
		ST_NOT_FOUND);
	OK(store_werkstroom_add(f->s, &w, &f->e));
	OK(store_werkstroom_list(f->s, &f->a, NULL, &ws, &n, &f->e));
	assert_int_equal(n, 1);
	assert_string_equal(ws[0].samenwerking, "AA");
	OK(store_werkstroom_list(f->s, &f->a, "HB", &ws, &n, &f->e));
	assert_int_equal(n, 0);
	REFUSED(store_werkstroom_list(f->s, &f->a, "XX", &ws, &n, &f->e),
		ST_NOT_FOUND);
}

/* The identifications of a list of decisions, joined by spaces. */
static const char *
idents(struct fixture *f, const struct besluit *b, size_t n)
{
	char buf[512] = "";

	for (size_t i = 0; i < n; i++)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%s",
			 i ? " " : "", b[i].identificatie);
	return arena_strdup(&f->a, buf);
}

/*
 * Decisions as a viewer reads them: everyone the published ones; whoever
 * reads a municipality in full all of its; whoever reads it internally
 * all but the secret ones. One it may not read answers exactly as one
 * that does not exist; one identificatie of two organisations is found
 * twice, and chosen only with the organisation.
 */
static void
test_besluit_zicht(void **state)
{
	struct fixture *f = *state;
	static const char *const gm0397[] = { "GM0397" };
	struct zicht volledig = { .volledig = gm0397, .nvolledig = 1 };
	struct zicht intern = { .intern = gm0397, .nintern = 1 };
	struct besluit_stap h = { BESLUIT_VOORGESTELD, D("2026-10-01"), NULL };
	struct besluit voorstel = {
		.identificatie = "VOORSTEL",
		.verantwoordelijke_organisatie = "GM0397",
		.bestuursorgaan = ORGAAN_COLLEGE,
		.datum = D("2026-10-01"),
		.ingangsdatum = DATE_NONE,
		.vervaldatum = DATE_NONE,
		.publicatiedatum = DATE_NONE,
		.onderwerp = "Voorstel",
		.openbaarheid = OPENBAAR_ACTIEF,
		.geheim_tot = DATE_NONE,
		.status = BESLUIT_VOORGESTELD,
		.historie = &h,
		.nhistorie = 1,
	};
	struct besluit *list, got;
	struct besluit_filter flt;
	size_t n, total;
	int64_t geheim;

	add_gemeente(f, "GM0397", "Heemstede");
	add_gemeente(f, "GM0377", "Bloemendaal");
	add_besluit(f, "OPENBAAR", "GM0397", "2026-01-01");
	add_besluit_als(f, "GEHEIM", "GM0397", "2026-02-01", OPENBAAR_GEHEIM);
	add_besluit_als(f, "PASSIEF", "GM0397", "2026-03-01", OPENBAAR_PASSIEF);
	add_besluit_als(f, "ANDER", "GM0377", "2026-04-01", OPENBAAR_PASSIEF);
	add_besluit(f, "OPENBAAR", "GM0377", "2026-05-01");
	OK(store_besluit_add(f->s, &f->a, &voorstel, TODAY, NULL, NULL, &f->e));
	geheim = besluit_nr(f, "GEHEIM", NULL);

	store_besluit_filter_init(&flt);
	OK(store_besluit_list(f->s, &f->a, &flt, &list, &n, &total, &f->e));
	assert_string_equal(idents(f, list, n), "VOORSTEL OPENBAAR ANDER "
						"PASSIEF GEHEIM OPENBAAR");
	assert_int_equal(total, 6);
	store_set_zicht(f->s, NULL);
	OK(store_besluit_list(f->s, &f->a, &flt, &list, &n, &total, &f->e));
	assert_string_equal(idents(f, list, n), "OPENBAAR OPENBAAR");
	assert_int_equal(total, 2);
	store_set_zicht(f->s, &volledig);
	OK(store_besluit_list(f->s, &f->a, &flt, &list, &n, &total, &f->e));
	assert_string_equal(idents(f, list, n),
			    "VOORSTEL OPENBAAR PASSIEF GEHEIM OPENBAAR");
	assert_int_equal(total, 5);
	store_set_zicht(f->s, &intern);
	OK(store_besluit_list(f->s, &f->a, &flt, &list, &n, &total, &f->e));
	assert_string_equal(idents(f, list, n),
			    "VOORSTEL OPENBAAR PASSIEF OPENBAAR");
	assert_int_equal(total, 4);
	flt.limit = 1;
	flt.offset = 3;
	OK(store_besluit_list(f->s, &f->a, &flt, &list, &n, &total, &f->e));
	assert_string_equal(idents(f, list, n), "OPENBAAR");
	assert_string_equal(list[0].verantwoordelijke_organisatie, "GM0397");
	assert_int_equal(total, 4);

	/* One it may not read is as one that does not exist. */
	REFUSED(store_besluit_get(f->s, &f->a, geheim, &got, &f->e),
		ST_NOT_FOUND);
	assert_string_equal(f->e.message, "Dit besluit bestaat niet.");
	REFUSED(store_besluit_get(f->s, &f->a, geheim + 1000, &got, &f->e),
		ST_NOT_FOUND);
	assert_string_equal(f->e.message, "Dit besluit bestaat niet.");
	REFUSED(store_besluit_kies(f->s, &f->a, "GEHEIM", NULL, "organisatie",
				   &got, &f->e),
		ST_NOT_FOUND);
	assert_string_equal(f->e.message, "Besluit GEHEIM bestaat niet.");
	OK(store_besluit_zoek(f->s, &f->a, "GEHEIM", NULL, &list, &n, &f->e));
	assert_int_equal(n, 0);
	OK(store_besluit_kies(f->s, &f->a, "PASSIEF", NULL, "organisatie", &got,
			      &f->e));
	assert_int_equal(got.openbaarheid, OPENBAAR_PASSIEF);
	assert_int_equal(got.nhistorie, 1);
	store_set_zicht(f->s, &volledig);
	OK(store_besluit_get(f->s, &f->a, geheim, &got, &f->e));
	assert_string_equal(got.identificatie, "GEHEIM");
	assert_int_equal(got.geheim_tot, D("2030-01-01"));
	store_set_zicht(f->s, &zicht_alles);

	/* The same identificatie at two organisations. */
	OK(store_besluit_zoek(f->s, &f->a, "OPENBAAR", NULL, &list, &n, &f->e));
	assert_int_equal(n, 2);
	assert_string_equal(list[0].verantwoordelijke_organisatie, "GM0377");
	assert_string_equal(list[1].verantwoordelijke_organisatie, "GM0397");
	assert_int_equal(list[0].nhistorie, 0); /* without history */
	OK(store_besluit_zoek(f->s, &f->a, "OPENBAAR", "GM0397", &list, &n,
			      &f->e));
	assert_int_equal(n, 1);
	assert_int_equal(list[0].datum, D("2026-01-01"));
	REFUSED(store_besluit_kies(f->s, &f->a, "OPENBAAR", NULL, "org", &got,
				   &f->e),
		ST_INVALID);
	assert_only_problem(&f->e, "org", "ambiguous");
	OK(store_besluit_kies(f->s, &f->a, "OPENBAAR", "GM0377", "org", &got,
			      &f->e));
	assert_string_equal(got.organisatie_naam, "Bloemendaal");
	assert_int_equal(got.datum, D("2026-05-01"));
	OK(store_besluit_zoek(f->s, &f->a, "NIETS", NULL, &list, &n, &f->e));
	assert_int_equal(n, 0);
}

/*
 * A membership names the decision that made it: read back with its
 * organisation (left out for whoever may not read a secret one), and
 * listed among the register changes of that decision with the others.
 */
static void
test_lid_besluit(void **state)
{
	struct fixture *f = *state;
	struct lidmaatschap l = { .gemeente = "GM0358",
				  .periode = { D("2020-01-01"), DATE_NONE },
				  .besluit = "TOETREDING",
				  .besluit_organisatie = "GM0397" };
	struct lidmaatschap *leden;
	struct besluit_wijziging *w;
	size_t n;

	add_hb(f);
	add_gemeente(f, "GM0358", "Aalsmeer");
	add_besluit_als(f, "TOETREDING", "GM0397", "2019-11-01",
			OPENBAAR_GEHEIM);
	OK(store_samenwerking_lid_add(f->s, "HB", &l, &f->e));
	OK(store_samenwerking_leden(f->s, &f->a, "HB", &leden, &n, &f->e));
	assert_int_equal(n, 3);
	assert_string_equal(leden[2].gemeente, "GM0358"); /* by date */
	assert_string_equal(leden[2].besluit, "TOETREDING");
	assert_string_equal(leden[2].besluit_organisatie, "GM0397");
	assert_null(leden[0].besluit);
	store_set_zicht(f->s, NULL);
	OK(store_samenwerking_leden(f->s, &f->a, "HB", &leden, &n, &f->e));
	store_set_zicht(f->s, &zicht_alles);
	assert_int_equal(n, 3);
	assert_null(leden[2].besluit);
	assert_null(leden[2].besluit_organisatie);
	OK(store_besluit_wijzigingen(
		f->s, &f->a, besluit_nr(f, "TOETREDING", NULL), &w, &n, &f->e));
	assert_int_equal(n, 1);
	assert_string_equal(w[0].soort, "lidmaatschap");
	assert_string_equal(w[0].samenwerking, "HB");
	assert_string_equal(w[0].object, "GM0358");
	assert_int_equal(w[0].van, D("2020-01-01"));
	OK(store_besluit_wijzigingen(f->s, &f->a, besluit_nr(f, "START", NULL),
				     &w, &n, &f->e));
	assert_int_equal(n, 0);
	REFUSED(store_samenwerking_leden(f->s, &f->a, "XX", &leden, &n, &f->e),
		ST_NOT_FOUND);
}

/*
 * The integrity check finds a row that points at nothing. Only SQLite
 * can hold one (written with its foreign keys switched off); PostgreSQL
 * never lets it in, so there the check has nothing to find.
 */
static void
test_integriteit(void **state)
{
	struct fixture *f = *state;

	add_hb(f);
	OK(store_check_integrity(f->s, &f->e));
	if (pg) {
		assert_int_equal(raw_exec(f,
					  "INSERT INTO samenwerking_lid "
					  "(id, samenwerking_id, gemeente_id, "
					  "van) VALUES (99, 1, 999, "
					  "'2020-01-01')"),
				 DB_FOREIGN_KEY);
		OK(store_check_integrity(f->s, &f->e));
		return;
	}
	assert_int_equal(raw_exec(f, "PRAGMA foreign_keys = OFF; INSERT INTO "
				     "samenwerking_lid (samenwerking_id, "
				     "gemeente_id, van) VALUES (1, 999, "
				     "'2020-01-01')"),
			 DB_OK);
	err_clear(&f->e);
	assert_int_equal(store_check_integrity(f->s, &f->e), ST_INTERNAL);
	assert_string_equal(f->e.detail,
			    "a row points at a row that is not there");
}

int
main(void)
{
	if (fixture_engine())
		return 0;

	const struct CMUnitTest tests[] = {
		TEST(test_open_and_migrate),
		TEST(test_newer_schema_refused),
		TEST(test_doel),
		TEST(test_inhoud),
		TEST(test_organisatie_namen),
		TEST(test_regeling_leden),
		TEST(test_samenwerkingen),
		TEST(test_besluit_zicht),
		TEST(test_lid_besluit),
		TEST(test_integriteit),
		TEST(test_organisaties),
		TEST(test_leden),
		TEST(test_besluiten),
		TEST(test_besluit_update_delete),
		TEST(test_migration_keeps_numbers),
		TEST(test_eenheid_history),
		TEST(test_eenheid_refused),
		TEST(test_kader_and_werkstromen),
		TEST(test_taakvelden),
		TEST(test_generation),
		TEST(test_generation_families),
		TEST(test_generation_migrated),
		TEST(test_fresh_reads),
		TEST(test_outer_transaction),
		TEST(test_crash),
	};
	return RUN_TESTS(tests);
}

/*
 * demo_kosten.c - invented cost data for the demo (docs/allocation.md):
 * the cost pools, roles, deliveries and advances of 2024 for every
 * cooperation and of 2023 for AA, AA's 2024 calculation stored and adopted
 * by an invented decision, and one scenario beside it. Every figure is
 * invented; the hours they are split by are the demo's hours.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../core/kosten.h"
#include "../present/kostenverdeling.h"
#include "../banned.h"

#define EUR(e) ((int64_t)(e)*100)

struct demo_post {
	const char *sw;
	int jaar;
	const char *code, *eenheid, *kostensoort, *taakveld;
	int64_t bedrag;
};

static const struct demo_post posten[] = {
	/* AA 2023 */
	{ "AA", 2023, "LOK-PERS", "aa-loketten", "personeel", "0.2",
	  EUR(1781000) },
	{ "AA", 2023, "LOK-MAT", "aa-loketten", "materieel", "0.2",
	  EUR(201150) + 45 },
	{ "AA", 2023, "LOK-LEGES", "aa-loketten", "leges", "0.2",
	  -EUR(298400) },
	{ "AA", 2023, "SD-PERS", "aa-sociaal-domein", "personeel", "6.1",
	  EUR(2334500) },
	{ "AA", 2023, "SD-MAT", "aa-sociaal-domein", "materieel", "6.1",
	  EUR(176300) },
	{ "AA", 2023, "RUI-PERS", "aa-ruimte", "personeel", "8.1",
	  EUR(1588000) },
	{ "AA", 2023, "RUI-MAT", "aa-ruimte", "materieel", "8.1", EUR(91200) },
	{ "AA", 2023, "ICT-PERS", "aa-ict", "personeel", "0.4", EUR(941000) },
	{ "AA", 2023, "ICT-LIC", "aa-ict", "licenties", "0.4",
	  EUR(389870) + 12 },
	{ "AA", 2023, "STR-PERS", "aa-strategie", "personeel", "0.1",
	  EUR(497500) },
	{ "AA", 2023, "KERN-PERS", "aa-kernorganisatie", "personeel", "0.1",
	  EUR(1262000) },
	/* AA 2024 */
	{ "AA", 2024, "LOK-PERS", "aa-loketten", "personeel", "0.2",
	  EUR(1850000) },
	{ "AA", 2024, "LOK-MAT", "aa-loketten", "materieel", "0.2",
	  EUR(215400) },
	{ "AA", 2024, "LOK-LEGES", "aa-loketten", "leges", "0.2",
	  -EUR(312250) },
	{ "AA", 2024, "SD-PERS", "aa-sociaal-domein", "personeel", "6.1",
	  EUR(2420000) },
	{ "AA", 2024, "SD-MAT", "aa-sociaal-domein", "materieel", "6.1",
	  EUR(185000) },
	{ "AA", 2024, "RUI-PERS", "aa-ruimte", "personeel", "8.1",
	  EUR(1640000) },
	{ "AA", 2024, "RUI-MAT", "aa-ruimte", "materieel", "8.1", EUR(96500) },
	{ "AA", 2024, "ICT-PERS", "aa-ict", "personeel", "0.4", EUR(980000) },
	{ "AA", 2024, "ICT-LIC", "aa-ict", "licenties", "0.4",
	  EUR(412345) + 67 },
	{ "AA", 2024, "STR-PERS", "aa-strategie", "personeel", "0.1",
	  EUR(510000) },
	{ "AA", 2024, "KERN-PERS", "aa-kernorganisatie", "personeel", "0.1",
	  EUR(1320000) },
	/* HB 2024 */
	{ "HB", 2024, "PO", "hb-personeel-en-organisatie", "personeel", "0.4",
	  EUR(1215000) },
	{ "HB", 2024, "FZ", "hb-facilitaire-zaken", "huisvesting", "0.4",
	  EUR(1873250) },
	{ "HB", 2024, "FA", "hb-financiele-administratie", "personeel", "0.4",
	  EUR(962400) },
	{ "HB", 2024, "COM", "hb-communicatie", "personeel", "0.1",
	  EUR(688000) },
	{ "HB", 2024, "HOR", "hb-handhaving-openbare-ruimte", "personeel",
	  "2.1", EUR(1104500) },
	{ "HB", 2024, "FBH", "hb-financieel-beleid-heemstede", "personeel",
	  "0.1", EUR(402000) },
	{ "HB", 2024, "FBB", "hb-financieel-beleid-bloemendaal", "personeel",
	  "0.1", EUR(398750) },
	{ "HB", 2024, "PZH", "hb-publiekszaken-heemstede", "personeel", "0.2",
	  EUR(842300) },
	{ "HB", 2024, "PZB", "hb-publiekszaken-bloemendaal", "personeel", "0.2",
	  EUR(921100) },
	{ "HB", 2024, "ROH", "hb-ruimte-heemstede", "personeel", "8.1",
	  EUR(1030000) },
	{ "HB", 2024, "ROB", "hb-ruimte-bloemendaal", "personeel", "8.1",
	  EUR(1012400) },
	/* WOL 2024 */
	{ "WOL", 2024, "BWT", "wol-taak-bouw-en-woningtoezicht", "personeel",
	  "8.3", EUR(612000) },
	{ "WOL", 2024, "BZ", "wol-taak-burgerzaken", "personeel", "0.2",
	  EUR(544300) },
	{ "WOL", 2024, "DV", "wol-taak-dienstverlening", "personeel", "0.2",
	  EUR(498900) },
	{ "WOL", 2024, "JZ", "wol-taak-juridische-zaken", "personeel", "0.1",
	  EUR(533250) },
	{ "WOL", 2024, "MIL", "wol-taak-milieu", "personeel", "7.4",
	  EUR(561000) },
	{ "WOL", 2024, "PO", "wol-taak-personeel-en-organisatie", "personeel",
	  "0.4", EUR(487650) },
	{ "WOL", 2024, "WMO", "wol-taak-wmo", "personeel", "6.71",
	  EUR(538800) },
};

struct demo_levering {
	int jaar;
	const char *van, *aan;
	int64_t gewicht;
};

/* AA: ICT by workstations; HB step-down: P&O by fte, FZ by m2, FA by
 * invoices. */
static const struct demo_levering leveringen[] = {
	{ 2023, "aa-ict", "aa-loketten", 31 },
	{ 2023, "aa-ict", "aa-sociaal-domein", 44 },
	{ 2023, "aa-ict", "aa-ruimte", 29 },
	{ 2024, "aa-ict", "aa-loketten", 30 },
	{ 2024, "aa-ict", "aa-sociaal-domein", 46 },
	{ 2024, "aa-ict", "aa-ruimte", 28 },
	{ 2024, "hb-personeel-en-organisatie", "hb-facilitaire-zaken", 12 },
	{ 2024, "hb-personeel-en-organisatie", "hb-financiele-administratie",
	  9 },
	{ 2024, "hb-personeel-en-organisatie", "hb-communicatie", 7 },
	{ 2024, "hb-personeel-en-organisatie", "hb-handhaving-openbare-ruimte",
	  14 },
	{ 2024, "hb-personeel-en-organisatie", "hb-publiekszaken-heemstede",
	  11 },
	{ 2024, "hb-personeel-en-organisatie", "hb-publiekszaken-bloemendaal",
	  12 },
	{ 2024, "hb-personeel-en-organisatie", "hb-ruimte-heemstede", 10 },
	{ 2024, "hb-personeel-en-organisatie", "hb-ruimte-bloemendaal", 10 },
	{ 2024, "hb-facilitaire-zaken", "hb-personeel-en-organisatie", 140 },
	{ 2024, "hb-facilitaire-zaken", "hb-financiele-administratie", 210 },
	{ 2024, "hb-facilitaire-zaken", "hb-communicatie", 160 },
	{ 2024, "hb-facilitaire-zaken", "hb-handhaving-openbare-ruimte", 390 },
	{ 2024, "hb-facilitaire-zaken", "hb-publiekszaken-heemstede", 420 },
	{ 2024, "hb-facilitaire-zaken", "hb-publiekszaken-bloemendaal", 455 },
	{ 2024, "hb-financiele-administratie", "hb-financieel-beleid-heemstede",
	  3 },
	{ 2024, "hb-financiele-administratie",
	  "hb-financieel-beleid-bloemendaal", 3 },
	{ 2024, "hb-financiele-administratie", "hb-ruimte-heemstede", 2 },
	{ 2024, "hb-financiele-administratie", "hb-ruimte-bloemendaal", 2 },
};

struct demo_voorschot {
	const char *sw;
	int jaar;
	const char *gemeente;
	int64_t bedrag;
};

static const struct demo_voorschot voorschotten[] = {
	{ "AA", 2023, "GM0358", EUR(6100000) },
	{ "AA", 2023, "GM0362", EUR(2900000) },
	{ "AA", 2024, "GM0358", EUR(6400000) },
	{ "AA", 2024, "GM0362", EUR(2700000) },
	{ "HB", 2024, "GM0397", EUR(5400000) },
	{ "HB", 2024, "GM0377", EUR(5000000) },
};

static enum status
rollen(struct store *s, struct err *e)
{
	static const struct {
		int jaar;
		struct kosten_rol rol;
	} r[] = {
		{ 2023, { "aa-ict", 1, KV_GEEN, "0.4", 0 } },
		{ 2024, { "aa-ict", 1, KV_GEEN, "0.4", 0 } },
		{ 2024,
		  { "hb-personeel-en-organisatie", 1, KV_GEEN, "0.4", 1 } },
		{ 2024, { "hb-facilitaire-zaken", 1, KV_GEEN, "0.4", 2 } },
		{ 2024,
		  { "hb-financiele-administratie", 1, KV_GEEN, "0.4", 3 } },
	};
	for (size_t i = 0; i < sizeof r / sizeof *r; i++)
		if (store_kostenrol_zet(s, r[i].jaar, &r[i].rol, e))
			return e->status;
	if (store_kostenmethode_zet(s, "AA", 2023, KV_RECIPROCAAL, e) ||
	    store_kostenmethode_zet(s, "AA", 2024, KV_RECIPROCAAL, e) ||
	    store_kostenmethode_zet(s, "HB", 2024, KV_STEP_DOWN, e))
		return e->status;
	for (size_t i = 0; i < sizeof leveringen / sizeof *leveringen; i++) {
		struct kosten_levering l = { leveringen[i].van,
					     leveringen[i].aan,
					     leveringen[i].gewicht };
		if (store_kostenlevering_zet(s, leveringen[i].jaar, &l, e))
			return e->status;
	}
	return ST_OK;
}

/* The pools of one cooperation's year, as one replacement. */
static enum status
posten_van(struct store *s, const char *sw, int jaar, struct err *e)
{
	struct kosten_post p[sizeof posten / sizeof *posten];
	size_t n = 0;
	for (size_t i = 0; i < sizeof posten / sizeof *posten; i++)
		if (strcmp(posten[i].sw, sw) == 0 && posten[i].jaar == jaar)
			p[n++] = (struct kosten_post){ posten[i].code,
						       posten[i].eenheid,
						       posten[i].kostensoort,
						       posten[i].taakveld,
						       posten[i].bedrag,
						       DATE_NONE,
						       0 };
	return store_kostenposten_vervang(s, sw, jaar, p, n, e);
}

/* Compute a year from the database and store it; its number in *id. */
static enum status
bereken(struct store *s, const char *sw, int jaar, const char *scenario,
	int64_t *id, struct err *e)
{
	struct arena a;
	struct kv_invoer in;
	struct kv_uitkomst u;
	char *json = NULL;
	arena_init(&a, 256u << 20);
	if (store_kosten_invoer(s, &a, sw, jaar, scenario, &in, e) == ST_OK &&
	    kv_json_reken(&in, &a, &u, &json, e) == ST_OK) {
		struct kostenverdeling k = { .samenwerking = sw,
					     .jaar = jaar,
					     .scenario = scenario,
					     .invoer = u.invoer,
					     .sha256 = u.sha256,
					     .uitkomst = json,
					     .totaal = u.totaal };
		store_kostenverdeling_bewaar(s, &k, id, NULL, e);
	}
	free(json);
	arena_free(&a);
	return e->status;
}

enum status
demo_kosten_load(struct store *s, struct err *e)
{
	static const struct scenario_wijziging w[] = {
		{ .soort = SC_EIGEN,
		  .eenheid = "aa-loketten",
		  .gemeente = "GM0358",
		  .vanaf = 0 /* set below */ },
	};
	struct scenario_wijziging wl[1] = { w[0] };
	int64_t id, scid;

	if (posten_van(s, "AA", 2023, e) || posten_van(s, "AA", 2024, e) ||
	    posten_van(s, "HB", 2024, e) || posten_van(s, "WOL", 2024, e) ||
	    rollen(s, e))
		return e->status;
	/* Ruimte worked 120 hours on a project of Aalsmeer's own, at
	 * 95 euro an hour: billed to Aalsmeer, credited to Ruimte. */
	struct kv_maatwerk mw = { "GM0358", "aa-ruimte", 12000, EUR(95) };
	if (store_maatwerk_zet(s, 2024, &mw, e))
		return e->status;
	for (size_t i = 0; i < sizeof voorschotten / sizeof *voorschotten; i++)
		if (store_voorschot_zet(s, voorschotten[i].sw,
					voorschotten[i].jaar,
					voorschotten[i].gemeente,
					voorschotten[i].bedrag, e))
			return e->status;
	wl[0].vanaf = date_from_ymd(2024, 7, 1);
	struct scenario sc = {
		.samenwerking = "AA",
		.jaar = 2024,
		.naam = "loketten-alleen-aalsmeer",
		.omschrijving = "Wat als de loketten vanaf 1 juli 2024 alleen "
				"nog voor Aalsmeer werken?",
		.wijzigingen = wl,
		.nwijzigingen = 1,
	};
	if (store_scenario_maak(s, &sc, &scid, e) ||
	    bereken(s, "AA", 2023, NULL, &id, e) ||
	    bereken(s, "AA", 2024, NULL, &id, e) ||
	    store_kostenverdeling_vaststellen(s, id, "BIJDRAGE-AALSMEER-2024",
					      NULL, e) ||
	    bereken(s, "AA", 2024, sc.naam, &id, e) ||
	    bereken(s, "HB", 2024, NULL, &id, e) ||
	    bereken(s, "WOL", 2024, NULL, &id, e))
		return e->status;
	return ST_OK;
}

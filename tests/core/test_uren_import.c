/*
 * test_uren_import.c - checking an hours export against the register, and
 * the framework check, exactly as docs/hours-file.md says: given this file, exactly
 * these problems (line, column, Dutch sentence), or exactly these rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../test.h"
#include "../../src/core/medewerker.h"
#include "../../src/core/text.h"
#include "../../src/core/uren_import.h"

/*
 * A small Heemstede-Bloemendaal: communicatie works for both, ruimte for
 * Heemstede only, informatisering went to the joint body GRIT on
 * 2021-04-22; article 6 names the shared units (informatisering until
 * 2021-05-27), article 8 the others.
 */
static const struct organisatie gemeenten[] = {
	{ .code = "GM0397", .naam = "Heemstede" },
	{ .code = "GM0377", .naam = "Bloemendaal" },
	{ .code = "GM0358", .naam = "Aalsmeer" },
};

static const struct lidmaatschap leden[] = {
	{ .gemeente = "GM0397", .periode = { 0, DATE_NONE } },
	{ .gemeente = "GM0377", .periode = { 0, DATE_NONE } },
};

static struct inrichting communicatie[1], ruimte[1], informatisering[2];
static const char *art6_oud[] = { "hb-communicatie", "hb-informatisering" };
static const char *art6_nieuw[] = { "hb-communicatie" };
static const char *art8[] = { "hb-ruimte-heemstede" };
static struct kader_versie v6[2], v8[1];
static struct kader_artikel kader[2];
static struct uren_samenwerking samenwerkingen[1];
static struct uren_eenheid eenheden[3];
static struct uren_medewerker medewerkers[2];
static const struct taakveld taakvelden[] = {
	{ .code = "0.1", .naam = "Bestuur" },
	{ .code = "6.71a", .eerste_jaar = 2023, .laatste_jaar = 2024 },
	{ .code = "6.711", .eerste_jaar = 2025 },
};
static struct uren_register reg;

static void
register_vullen(void)
{
	day_t begin = D("2013-01-01");

	communicatie[0] = (struct inrichting){ .periode = { begin, DATE_NONE },
					       .vorm = VORM_GEDEELD };
	ruimte[0] = (struct inrichting){ .periode = { begin, DATE_NONE },
					 .vorm = VORM_EIGEN,
					 .gemeente = "GM0397" };
	informatisering[0] =
		(struct inrichting){ .periode = { begin, D("2021-04-22") },
				     .vorm = VORM_GEDEELD };
	informatisering[1] =
		(struct inrichting){ .periode = { D("2021-04-22"), DATE_NONE },
				     .vorm = VORM_ONDERGEBRACHT,
				     .regeling = "GRIT" };
	v6[0] = (struct kader_versie){ .periode = { D("2019-12-12"),
						    D("2021-05-27") },
				       .eenheden = art6_oud,
				       .neenheden = 2 };
	v6[1] = (struct kader_versie){ .periode = { D("2021-05-27"),
						    DATE_NONE },
				       .eenheden = art6_nieuw,
				       .neenheden = 1 };
	v8[0] = (struct kader_versie){ .periode = { D("2019-12-12"),
						    DATE_NONE },
				       .eenheden = art8,
				       .neenheden = 1 };
	kader[0] = (struct kader_artikel){ .nummer = 6,
					   .titel = "Afdelingen die voor beide "
						    "gemeenten werken",
					   .versies = v6,
					   .nversies = 2 };
	kader[1] = (struct kader_artikel){ .nummer = 8,
					   .titel = "Overige afdelingen",
					   .versies = v8,
					   .nversies = 1 };
	samenwerkingen[0] = (struct uren_samenwerking){ .code = "HB",
							.leden = leden,
							.nleden = 2,
							.kader = kader,
							.nkader = 2 };
	eenheden[0] = (struct uren_eenheid){ .code = "hb-communicatie",
					     .samenwerking = "HB",
					     .inrichting = communicatie,
					     .ninrichting = 1 };
	eenheden[1] = (struct uren_eenheid){ .code = "hb-ruimte-heemstede",
					     .samenwerking = "HB",
					     .inrichting = ruimte,
					     .ninrichting = 1 };
	eenheden[2] = (struct uren_eenheid){ .code = "hb-informatisering",
					     .samenwerking = "HB",
					     .inrichting = informatisering,
					     .ninrichting = 2 };
	medewerkers[0] =
		(struct uren_medewerker){ .samenwerking = "HB",
					  .nummer = "M1",
					  .periode = { begin, DATE_NONE } };
	medewerkers[1] =
		(struct uren_medewerker){ .samenwerking = "HB",
					  .nummer = "M2",
					  .periode = { D("2020-01-01"),
						       D("2024-07-01") } };
	reg = (struct uren_register){
		.gemeenten = gemeenten,
		.ngemeenten = 3,
		.eenheden = eenheden,
		.neenheden = 3,
		.samenwerkingen = samenwerkingen,
		.nsamenwerkingen = 1,
		.medewerkers = medewerkers,
		.nmedewerkers = 2,
		.taakvelden = taakvelden,
		.ntaakvelden = 3,
	};
}

struct run {
	struct arena a;
	struct err e;
	struct uren_resultaat r;
	enum status st;
	char problemen[8192]; /* "regel N, kolom K: melding" per line */
};

static void
run_bytes(struct run *g, const char *data, size_t n, bool nieuw)
{
	struct uren_opties o = { .nieuwe_medewerkers = nieuw };
	size_t len = 0;

	register_vullen();
	arena_init(&g->a, 64u << 20);
	err_clear(&g->e);
	g->st = uren_import_controleer(&g->a, &reg, data, n, &o, &g->r, &g->e);
	g->problemen[0] = '\0';
	for (size_t i = 0; i < g->r.nproblemen && len < sizeof(g->problemen);
	     i++) {
		const struct uren_probleem *p = &g->r.problemen[i];
		char plaats[64];

		if (p->regel && p->kolom)
			snprintf(plaats, sizeof(plaats), "regel %zu, kolom %s",
				 p->regel, p->kolom);
		else if (p->regel)
			snprintf(plaats, sizeof(plaats), "regel %zu", p->regel);
		else
			snprintf(plaats, sizeof(plaats), "bestand");
		len += (size_t)snprintf(g->problemen + len,
					sizeof(g->problemen) - len, "%s: %s\n",
					plaats, p->melding);
	}
}

static void
run(struct run *g, const char *csv, bool nieuw)
{
	run_bytes(g, csv, strlen(csv), nieuw);
}

static void
done(struct run *g)
{
	arena_free(&g->a);
}

#define KOP "medewerker;datum;gemeente;eenheid;taakveld;uren\n"

/* Every refused file: exactly these problems, and nothing to store. */
static void
test_refused_files(void **state)
{
	static const struct {
		const char *naam, *csv, *want;
	} cases[] = {
		{ "leeg (alleen een regeleinde)", "\r\n",
		  "bestand: Het bestand is leeg; er staan geen uren in.\n" },
		{ "alleen de kop", KOP,
		  "bestand: Het bestand heeft een kop maar geen regels met "
		  "uren.\n" },
		{ "geen CSV maar een brief",
		  "Beste controller,\nhierbij de uren.\n",
		  "regel 1: De eerste regel noemt geen enkele bekende kolom; "
		  "is dit wel een CSV-bestand met uren?\n" },
		{ "geen scheidingsteken", "Beste controller\n",
		  "regel 1: De eerste regel is geen kop met kolommen "
		  "gescheiden door ; of , \xe2\x80\x94 is dit wel een "
		  "CSV-bestand met uren?\n" },
		{ "kolom uren ontbreekt",
		  "medewerker;datum;gemeente;eenheid\nM1;5-3-2024;GM0397;"
		  "hb-communicatie\n",
		  "regel 1: De kolom 'uren' ontbreekt in de kop.\n" },
		{ "datum en week ontbreken",
		  "medewerker;gemeente;eenheid;uren\nM1;GM0397;"
		  "hb-communicatie;8\n",
		  "regel 1: De kolom 'datum' (of 'week') ontbreekt in de "
		  "kop.\n" },
		{ "onbekende eenheid",
		  KOP "M1;5-3-2024;GM0397;hb-communicatie;;4\n"
		      "M1;5-3-2024;GM0397;hb-financien;;4\n",
		  "regel 3, kolom eenheid: Eenheid 'hb-financien' staat niet "
		  "in het register.\n" },
		{ "taakveld niet geldig in dat jaar",
		  KOP "M1;5-3-2024;GM0397;hb-communicatie;6.711;4\n"
		      "M1;6-3-2025;GM0397;hb-communicatie;6.71a;4\n"
		      "M1;7-3-2024;GM0397;hb-communicatie;9.9;4\n",
		  "regel 2, kolom taakveld: Taakveld 6.711 geldt niet in 2024 "
		  "(pas vanaf 2025).\n"
		  "regel 3, kolom taakveld: Taakveld 6.71a geldt niet in 2025 "
		  "(tot en met 2024).\n"
		  "regel 4, kolom taakveld: Taakveld '9.9' bestaat niet in de "
		  "BBV.\n" },
		{ "25 uur op een dag over twee regels",
		  KOP "M1;5-3-2024;GM0397;hb-communicatie;;12,5\n"
		      "M1;6-3-2024;GM0397;hb-communicatie;;20\n"
		      "M1;05-03-2024;GM0377;hb-communicatie;;12:30\n",
		  "regel 2, kolom uren: Medewerker M1 heeft op 5-3-2024 samen "
		  "25,00 uur (regels 2, 4); meer dan 24 uur op een dag kan "
		  "niet.\n" },
		{ "alles fout in een regel, en een regel te lang",
		  KOP "M7;31-2-2024;Haarlem;;0.1;zeven\n"
		      "M1;1-3-2024;GM0397;hb-communicatie;0.1;8;extra\n",
		  "regel 2, kolom medewerker: Medewerker 'M7' staat niet in "
		  "het medewerkersregister.\n"
		  "regel 2, kolom datum: '31-2-2024' is geen geldige datum; "
		  "schrijf 2024-03-05 of 5-3-2024.\n"
		  "regel 2, kolom gemeente: Gemeente 'Haarlem' is onbekend; "
		  "schrijf de CBS-code (GM0358), de vier cijfers (0358) of de "
		  "naam.\n"
		  "regel 2, kolom eenheid: Vul de code van de eenheid in.\n"
		  "regel 2, kolom uren: 'zeven' is geen aantal uren; schrijf "
		  "bijvoorbeeld 7,5 of 7:30.\n"
		  "regel 3: Deze regel heeft 7 velden, de kop 6.\n" },
		{ "medewerker niet in dienst",
		  KOP "M2;1-7-2024;GM0397;hb-communicatie;;8\n",
		  "regel 2, kolom medewerker: Medewerker M2 was op 1-7-2024 "
		  "niet in dienst volgens het medewerkersregister.\n" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct run g;

		print_message("# %s\n", cases[i].naam);
		run(&g, cases[i].csv, false);
		assert_int_equal(g.st, ST_INVALID);
		assert_string_equal(g.problemen, cases[i].want);
		assert_int_equal(g.r.nboekingen, 0);
		assert_int_equal(g.r.ncellen, 0);
		assert_int_equal(g.r.nnieuw, 0);
		done(&g);
	}
}

static void
test_zero_bytes_and_binary(void **state)
{
	static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
	struct run g;

	(void)state;
	run_bytes(&g, "", 0, false);
	assert_int_equal(g.st, ST_INVALID);
	assert_string_equal(g.problemen, "bestand: Het bestand is leeg; er "
					 "staan geen uren in.\n");
	done(&g);
	run_bytes(&g, png, sizeof(png) - 1, false);
	assert_int_equal(g.st, ST_INVALID);
	assert_string_equal(g.problemen,
			    "bestand: Dit is geen tekstbestand (het bevat "
			    "NUL-tekens); lever een CSV-bestand aan.\n");
	assert_string_equal(g.e.message, "Het bestand is niet ingelezen: 1 "
					 "probleem. Er is niets opgeslagen.");
	done(&g);
}

/* The forms a controller's export comes in, all read to the same rows. */
static void
test_accepted_forms(void **state)
{
	static const char *const files[] = {
		/* plain, ISO dates, decimal point */
		"medewerker;datum;gemeente;eenheid;uren\n"
		"M1;2024-03-05;GM0397;hb-communicatie;7.5\n"
		"M1;2024-03-06;GM0377;hb-communicatie;2.25\n",
		/* BOM, CRLF, decimal comma, 7:30, 5-3-2024, 0358-style codes
		   and names, a header in another order with another case */
		"\xef\xbb\xbfUren;Eenheid;GEMEENTE;Datum;Medewerker\r\n"
		"7:30;hb-communicatie;0397;5-3-2024;M1\r\n"
		"2,25;hb-communicatie;bloemendaal;06-03-2024;M1\r\n",
		/* commas, quoted fields with the separator and a newline */
		"medewerker,datum,gemeente,eenheid,uren,omschrijving\n"
		"M1,5-3-2024,Heemstede,hb-communicatie,\"7,5\",\"a, b\"\n"
		"M1,6-3-2024,GM0377,hb-communicatie,\"2,25\",\"regel\n"
		"twee\"\n",
	};
	(void)state;
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		struct run g;

		print_message("# vorm %zu\n", i);
		run(&g, files[i], false);
		assert_int_equal(g.st, ST_OK);
		assert_string_equal(g.problemen, "");
		assert_int_equal(g.r.nboekingen, 2);
		assert_int_equal(g.r.boekingen[0].dag, D("2024-03-05"));
		assert_int_equal(g.r.boekingen[0].gemeente, 0);
		assert_int_equal(g.r.boekingen[0].honderdsten, 750);
		assert_int_equal(g.r.boekingen[1].dag, D("2024-03-06"));
		assert_int_equal(g.r.boekingen[1].gemeente, 1);
		assert_int_equal(g.r.boekingen[1].honderdsten, 225);
		assert_int_equal(g.r.honderdsten, 975);
		assert_int_equal(g.r.nmedewerkers, 1);
		assert_int_equal(g.r.ngemeenten, 2);
		assert_int_equal(g.r.nafwijkingen, 0);
		done(&g);
	}
}

static void
test_windows_1252_and_quotes(void **state)
{
	/* "café; overleg" in Windows-1252 (é is 0xE9), quoted because of
	   the separator, a doubled quote, and an unknown column. */
	static const char csv[] =
		"medewerker;datum;gemeente;eenheid;uren;omschrijving;Kostenplaats\r\n"
		"M1;5-3-2024;GM0397;hb-communicatie;8;\"caf\xe9; \"\"overleg\"\"\";"
		"K12\r\n";
	struct run g;

	(void)state;
	run(&g, csv, false);
	assert_int_equal(g.st, ST_OK);
	assert_int_equal(g.r.encoding, UREN_CP1252);
	assert_int_equal(g.r.separator, ';');
	assert_int_equal(g.r.nboekingen, 1);
	assert_string_equal(g.r.boekingen[0].omschrijving,
			    "caf\xc3\xa9; \"overleg\"");
	assert_int_equal(g.r.nonbekend, 1);
	assert_string_equal(g.r.onbekende_kolommen[0], "Kostenplaats");
	done(&g);
}

/* Framework deviations are stored, and counted with their reason. */
static void
test_deviations(void **state)
{
	static const char csv[] =
		KOP "M1;4-3-2024;GM0397;hb-ruimte-heemstede;;6\n" /* fine */
		    "M1;4-3-2024;GM0377;hb-ruimte-heemstede;;1,5\n" /* other */
		    "M1;5-3-2024;GM0377;hb-ruimte-heemstede;;2\n" /* other */
		    "M1;5-3-2024;GM0397;hb-informatisering;;3\n" /* GRIT */
		    "M1;6-3-2024;Aalsmeer;hb-communicatie;;1\n" /* no member */
		    "M1;6-3-2024;GM0377;hb-communicatie;;4\n"; /* fine */
	static const enum uren_afwijking want[] = {
		AFW_GEEN,	   AFW_ANDERE_GEMEENTE, AFW_ANDERE_GEMEENTE,
		AFW_ONDERGEBRACHT, AFW_GEEN_LID,	AFW_GEEN,
	};
	struct uren_afwijking_groep *gr;
	size_t ng;
	struct run g;

	(void)state;
	run(&g, csv, false);
	assert_int_equal(g.st, ST_OK);
	assert_int_equal(g.r.nboekingen, 6);
	for (size_t i = 0; i < 6; i++)
		assert_int_equal(g.r.boekingen[i].afwijking, want[i]);
	assert_int_equal(g.r.nafwijkingen, 4);
	assert_int_equal(g.r.afwijkende_honderdsten, 150 + 200 + 300 + 100);
	assert_int_equal(g.r.ncellen, 6);

	assert_int_equal(uren_afwijkingen(&g.a, &reg, g.r.cellen, g.r.ncellen,
					  &gr, &ng, &g.e),
			 ST_OK);
	/* Cells are sorted by unit index: communicatie, ruimte, info. */
	assert_int_equal(ng, 3);
	assert_int_equal(gr[0].eenheid, 0);
	assert_int_equal(gr[0].gemeente, 2);
	assert_int_equal(gr[0].afwijking, AFW_GEEN_LID);
	assert_int_equal(gr[0].artikel->nummer, 6);
	assert_int_equal(gr[1].eenheid, 1);
	assert_int_equal(gr[1].gemeente, 1);
	assert_int_equal(gr[1].afwijking, AFW_ANDERE_GEMEENTE);
	assert_int_equal(gr[1].artikel->nummer, 8);
	assert_int_equal(gr[1].eerste, D("2024-03-04"));
	assert_int_equal(gr[1].laatste, D("2024-03-05"));
	assert_int_equal(gr[1].dagen, 2);
	assert_int_equal(gr[1].honderdsten, 350);
	assert_int_equal(gr[1].rijen, 2);
	assert_int_equal(gr[2].afwijking, AFW_ONDERGEBRACHT);
	assert_null(gr[2].artikel); /* article 6 dropped it in 2021 */
	assert_string_equal(gr[2].inrichting->regeling, "GRIT");
	done(&g);
}

/* Before 2021-05-27 article 6 still named informatisering. */
static void
test_framework_check_by_date(void **state)
{
	struct uren_toets t;

	(void)state;
	register_vullen();
	uren_toets(&reg, 2, "GM0397", D("2021-04-21"), &t);
	assert_int_equal(t.afwijking, AFW_GEEN);
	uren_toets(&reg, 2, "GM0397", D("2021-04-22"), &t);
	assert_int_equal(t.afwijking, AFW_ONDERGEBRACHT);
	assert_int_equal(t.artikel->nummer, 6);
	uren_toets(&reg, 2, "GM0397", D("2021-05-27"), &t);
	assert_int_equal(t.afwijking, AFW_ONDERGEBRACHT);
	assert_null(t.artikel);
	uren_toets(&reg, 0, "GM0397", D("2012-12-31"), &t);
	assert_int_equal(t.afwijking, AFW_GEEN_INRICHTING);
	uren_toets(&reg, 1, "GM0397", D("2024-01-01"), &t);
	assert_int_equal(t.afwijking, AFW_GEEN);
	assert_int_equal(t.artikel->nummer, 8);
}

/* Weeks: stored with their Monday, counted on their Thursday. */
static void
test_weeks(void **state)
{
	static const char csv[] = "medewerker;week;gemeente;eenheid;uren\n"
				  "M1;2025-W01;GM0397;hb-communicatie;40\n"
				  "M1;2025-W01;GM0377;hb-communicatie;24\n";
	struct run g;

	(void)state;
	run(&g, csv, false);
	assert_int_equal(g.st, ST_OK);
	assert_true(g.r.boekingen[0].week);
	assert_int_equal(g.r.boekingen[0].dag, D("2024-12-30"));
	assert_int_equal(g.r.ncellen, 2);
	assert_int_equal(g.r.cellen[0].dag, D("2025-01-02"));
	assert_int_equal(g.r.van, D("2024-12-30"));
	done(&g);

	run(&g,
	    "medewerker;week;gemeente;eenheid;uren\n"
	    "M1;2024-W10;GM0397;hb-communicatie;24\n"
	    "M1;2024-W10;GM0397;hb-communicatie;24\n"
	    "M1;2024-W10;GM0397;hb-communicatie;24\n"
	    "M1;2024-W10;GM0397;hb-communicatie;24\n"
	    "M1;2024-W10;GM0397;hb-communicatie;24\n"
	    "M1;2024-W10;GM0397;hb-communicatie;24\n"
	    "M1;2024-W10;GM0397;hb-communicatie;24\n"
	    "M1;2024-W10;GM0397;hb-communicatie;0,01\n",
	    false);
	assert_int_equal(g.st, ST_INVALID);
	assert_string_equal(g.problemen,
			    "regel 2, kolom uren: Medewerker M1 heeft in de "
			    "week van 4-3-2024 samen 168,01 uur (regels 2, 3, "
			    "4, 5, 6, 7, 8, 9); meer dan 168 uur in een week "
			    "kan niet.\n");
	done(&g);
}

static void
test_new_staff(void **state)
{
	static const char csv[] =
		KOP "M9;5-3-2024;GM0397;hb-ruimte-heemstede;;8\n"
		    "M8;5-3-2024;GM0397;hb-communicatie;;8\n"
		    "M9;6-3-2024;GM0397;hb-communicatie;;8\n";
	struct run g;

	(void)state;
	run(&g, csv, true);
	assert_int_equal(g.st, ST_OK);
	assert_int_equal(g.r.nnieuw, 2);
	assert_string_equal(g.r.nieuw[0], "M9");
	assert_int_equal(g.r.nieuw_eenheid[0], 1);
	assert_string_equal(g.r.nieuw[1], "M8");
	assert_int_equal(g.r.boekingen[2].medewerker, 2); /* M9 */
	assert_int_equal(g.r.nmedewerkers, 2);
	done(&g);

	run(&g, csv, false);
	assert_int_equal(g.st, ST_INVALID);
	assert_string_equal(g.problemen,
			    "regel 2, kolom medewerker: Medewerker 'M9' staat "
			    "niet in het medewerkersregister.\n"
			    "regel 3, kolom medewerker: Medewerker 'M8' staat "
			    "niet in het medewerkersregister.\n"
			    "regel 4, kolom medewerker: Medewerker 'M9' staat "
			    "niet in het medewerkersregister.\n");
	done(&g);
}

/*
 * Staff numbers are unique within a cooperation: AA has an M1 of its own
 * (employed from 2025) and an A9. A file's staff are looked up within the
 * cooperation of its units; another cooperation's number is unknown, in
 * the same words as one that exists nowhere.
 */
static void
test_staff_per_cooperation(void **state)
{
	static const struct lidmaatschap aa_leden[] = {
		{ .gemeente = "GM0358", .periode = { 0, DATE_NONE } },
	};
	static struct inrichting aa_loket[1];
	static struct uren_samenwerking sw2[2];
	static struct uren_eenheid e2[4];
	static struct uren_medewerker m2[4];
	static const struct {
		const char *naam, *csv, *problemen, *samenwerking;
	} cases[] = {
		{ "AA's own M1, not employed then",
		  KOP "M1;5-3-2024;GM0358;aa-loket;;8\n",
		  "regel 2, kolom medewerker: Medewerker M1 was op 5-3-2024 "
		  "niet in dienst volgens het medewerkersregister.\n",
		  "AA" },
		{ "AA's M1 when employed",
		  KOP "M1;6-1-2025;GM0358;aa-loket;;8\n", "", "AA" },
		{ "AA's A9 in an HB file",
		  KOP "A9;5-3-2024;GM0397;hb-communicatie;;8\n",
		  "regel 2, kolom medewerker: Medewerker 'A9' staat niet in het "
		  "medewerkersregister.\n",
		  "HB" },
		{ "a number that exists nowhere",
		  KOP "X0;5-3-2024;GM0397;hb-communicatie;;8\n",
		  "regel 2, kolom medewerker: Medewerker 'X0' staat niet in het "
		  "medewerkersregister.\n",
		  "HB" },
		{ "two cooperations in one file",
		  KOP "M1;5-3-2024;GM0397;hb-communicatie;;8\n"
		      "A9;5-3-2024;GM0358;aa-loket;;8\n",
		  "regel 3, kolom eenheid: Eenheid aa-loket hoort bij "
		  "samenwerking AA, de eerdere regels bij HB; lees de uren van "
		  "elke samenwerking in een eigen bestand in.\n",
		  "HB" },
		{ "a number before the first known unit is checked later",
		  KOP "A9;5-3-2024;GM0358;aa-onbekend;;8\n"
		      "X0;5-3-2024;GM0358;aa-onbekend;;8\n"
		      "A9;5-3-2024;GM0358;aa-loket;;8\n",
		  "regel 2, kolom eenheid: Eenheid 'aa-onbekend' staat niet in "
		  "het register.\n"
		  "regel 3, kolom medewerker: Medewerker 'X0' staat niet in het "
		  "medewerkersregister.\n"
		  "regel 3, kolom eenheid: Eenheid 'aa-onbekend' staat niet in "
		  "het register.\n",
		  "AA" },
	};
	struct uren_register r2;

	(void)state;
	register_vullen();
	aa_loket[0] =
		(struct inrichting){ .periode = { D("2013-01-01"), DATE_NONE },
				     .vorm = VORM_GEDEELD };
	sw2[0] = samenwerkingen[0];
	sw2[1] = (struct uren_samenwerking){ .code = "AA",
					     .leden = aa_leden,
					     .nleden = 1 };
	memcpy(e2, eenheden, sizeof(eenheden));
	e2[3] = (struct uren_eenheid){ .code = "aa-loket",
				       .samenwerking = "AA",
				       .inrichting = aa_loket,
				       .ninrichting = 1 };
	memcpy(m2, medewerkers, sizeof(medewerkers));
	m2[2] = (struct uren_medewerker){ .samenwerking = "AA",
					  .nummer = "M1",
					  .periode = { D("2025-01-01"),
						       DATE_NONE } };
	m2[3] = (struct uren_medewerker){ .samenwerking = "AA",
					  .nummer = "A9",
					  .periode = { DATE_NONE, DATE_NONE } };
	r2 = reg;
	r2.samenwerkingen = sw2;
	r2.nsamenwerkingen = 2;
	r2.eenheden = e2;
	r2.neenheden = 4;
	r2.medewerkers = m2;
	r2.nmedewerkers = 4;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct arena a;
		struct err e;
		struct uren_resultaat res;
		char got[2048] = "";
		size_t len = 0;

		arena_init(&a, 1 << 20);
		err_clear(&e);
		uren_import_controleer(&a, &r2, cases[i].csv,
				       strlen(cases[i].csv), NULL, &res, &e);
		for (size_t k = 0; k < res.nproblemen; k++)
			len += (size_t)snprintf(got + len, sizeof(got) - len,
						"regel %zu, kolom %s: %s\n",
						res.problemen[k].regel,
						res.problemen[k].kolom
							? res.problemen[k].kolom
							: "-",
						res.problemen[k].melding);
		print_message("# %s\n", cases[i].naam);
		assert_string_equal(got, cases[i].problemen);
		assert_string_equal(res.samenwerking, cases[i].samenwerking);
		if (!*cases[i].problemen) {
			assert_int_equal(res.nboekingen, 1);
			assert_int_equal(res.boekingen[0].medewerker, 2);
		}
		arena_free(&a);
	}
}

/*
 * Free text at its limit is taken; one character more is a problem named
 * by line and column with the limit (counted in characters: each 'é' is
 * two bytes). A new staff number has the register's limit.
 */
static void
test_lengths(void **state)
{
	static char product[2 * UREN_MAX_PRODUCT + 3],
		omschrijving[2 * UREN_MAX_OMSCHRIJVING + 3], csv[8192];
	char nummer[MEDEWERKER_MAX_NUMMER + 2];
	struct run g;

	(void)state;
	memset(nummer, 'N', sizeof(nummer) - 1);
	nummer[MEDEWERKER_MAX_NUMMER] = '\0';
	snprintf(csv, sizeof(csv),
		 "medewerker;datum;gemeente;eenheid;uren;product;omschrijving\n"
		 "%s;5-3-2024;GM0397;hb-communicatie;4;%s;%s\n",
		 nummer, text_of(UREN_MAX_PRODUCT, product),
		 text_of(UREN_MAX_OMSCHRIJVING, omschrijving));
	run(&g, csv, true);
	assert_int_equal(g.st, ST_OK);
	assert_int_equal(text_chars(g.r.boekingen[0].omschrijving),
			 UREN_MAX_OMSCHRIJVING);
	done(&g);

	nummer[MEDEWERKER_MAX_NUMMER] = 'N';
	nummer[MEDEWERKER_MAX_NUMMER + 1] = '\0';
	snprintf(csv, sizeof(csv),
		 "medewerker;datum;gemeente;eenheid;uren;product;omschrijving\n"
		 "M1;5-3-2024;GM0397;hb-communicatie;4;;\n"
		 "%s;5-3-2024;GM0397;hb-communicatie;4;%s;%s\n",
		 nummer, text_of(UREN_MAX_PRODUCT + 1, product),
		 text_of(UREN_MAX_OMSCHRIJVING + 1, omschrijving));
	run(&g, csv, true);
	assert_int_equal(g.st, ST_INVALID);
	assert_string_equal(g.problemen,
			    "regel 3, kolom medewerker: Gebruik hoogstens 32 "
			    "tekens.\n"
			    "regel 3, kolom product: Gebruik hoogstens 100 "
			    "tekens.\n"
			    "regel 3, kolom omschrijving: Gebruik hoogstens "
			    "1000 tekens.\n");
	assert_int_equal(g.r.nboekingen, 0);
	done(&g);
}

/* A controller of another cooperation may not book HB's units. */
static void
test_scope(void **state)
{
	static const char *const alleen_aa[] = { "AA" };
	static const char *const alleen_hb[] = { "HB" };
	static const char csv[] = KOP "M1;5-3-2024;GM0397;hb-communicatie;;8\n";
	struct uren_opties o = { .samenwerkingen = alleen_aa,
				 .nsamenwerkingen = 1 };
	struct run g;

	(void)state;
	register_vullen();
	arena_init(&g.a, 1 << 20);
	err_clear(&g.e);
	assert_int_equal(uren_import_controleer(&g.a, &reg, csv, strlen(csv),
						&o, &g.r, &g.e),
			 ST_INVALID);
	assert_int_equal(g.r.nproblemen, 1);
	assert_string_equal(g.r.problemen[0].code, "forbidden-unit");
	assert_string_equal(
		g.r.problemen[0].melding,
		"Eenheid hb-communicatie hoort bij samenwerking HB; "
		"u mag alleen uren van uw eigen samenwerking "
		"inlezen.");
	arena_free(&g.a);

	o.samenwerkingen = alleen_hb;
	arena_init(&g.a, 1 << 20);
	err_clear(&g.e);
	assert_int_equal(uren_import_controleer(&g.a, &reg, csv, strlen(csv),
						&o, &g.r, &g.e),
			 ST_OK);
	arena_free(&g.a);
}

/* The hash is of the bytes: the same file twice, the same hash. */
static void
test_hash(void **state)
{
	static const char csv[] = KOP "M1;5-3-2024;GM0397;hb-communicatie;;8\n";
	struct run g1, g2;

	(void)state;
	run(&g1, csv, false);
	run(&g2, csv, false);
	assert_int_equal(strlen(g1.r.hash), 64);
	assert_string_equal(g1.r.hash, g2.r.hash);
	done(&g2);
	run_bytes(&g2, csv, sizeof(csv) - 2, false); /* one byte less */
	assert_string_not_equal(g1.r.hash, g2.r.hash);
	done(&g1);
	done(&g2);
}

static void
test_many_problems_are_counted(void **state)
{
	char *csv = malloc(64 * 1200 + 64);
	size_t len = 0;
	struct run g;

	(void)state;
	assert_non_null(csv);
	len += (size_t)sprintf(csv, KOP);
	for (int i = 0; i < 1200; i++)
		len += (size_t)sprintf(csv + len,
				       "M1;5-3-2024;GM0397;hb-onbekend;;1\n");
	run_bytes(&g, csv, len, false);
	assert_int_equal(g.st, ST_INVALID);
	assert_int_equal(g.r.nproblemen, UREN_MAX_PROBLEMEN);
	assert_int_equal(g.r.nweggelaten, 200);
	assert_string_equal(g.e.message, "Het bestand is niet ingelezen: 1200 "
					 "problemen. Er is niets opgeslagen.");
	done(&g);
	free(csv);
}

static void
test_format(void **state)
{
	char b[24];

	(void)state;
	uren_format(0, b, sizeof(b));
	assert_string_equal(b, "0,00");
	uren_format(750, b, sizeof(b));
	assert_string_equal(b, "7,50");
	uren_format(-5, b, sizeof(b));
	assert_string_equal(b, "-0,05");
	uren_format(123456789, b, sizeof(b));
	assert_string_equal(b, "1234567,89");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refused_files),
		cmocka_unit_test(test_zero_bytes_and_binary),
		cmocka_unit_test(test_accepted_forms),
		cmocka_unit_test(test_windows_1252_and_quotes),
		cmocka_unit_test(test_deviations),
		cmocka_unit_test(test_framework_check_by_date),
		cmocka_unit_test(test_weeks),
		cmocka_unit_test(test_new_staff),
		cmocka_unit_test(test_lengths),
		cmocka_unit_test(test_hash),
		cmocka_unit_test(test_scope),
		cmocka_unit_test(test_staff_per_cooperation),
		cmocka_unit_test(test_many_problems_are_counted),
		cmocka_unit_test(test_format),
	};
	RUN_TESTS(tests);
}

/*
 * afspraak_maak.c - what the message tests need in a database, made
 * through the store: a town hall and a video desk of Aalsmeer with their
 * hours, a product, a roster, the municipality's message settings, and
 * appointments booked, moved and cancelled. The clock is the program's
 * (AMBT_NU).
 *
 *   afspraak_maak DB inrichten
 *   afspraak_maak DB boek REF START [fysiek|video]   (START: local ISO 8601)
 *   afspraak_maak DB verzet REF START
 *   afspraak_maak DB annuleer REF
 *
 * Exit 0, or 1 with the store's message on stderr.
 */
#include <stdio.h>
#include <string.h>

#include "../../src/store/store.h"
#include "../../src/store/store_afspraak.h"
#include "../../src/sys/clock.h"

#define GEMEENTE "GM0358"
#define EMAIL "j.de.vries@example.nl"

static int
mislukt(const char *wat, const struct err *e)
{
	fprintf(stderr, "afspraak_maak: %s: %s %s\n", wat, e->message,
		e->detail);
	for (size_t i = 0; i < e->nproblems; i++)
		fprintf(stderr, "  %s: %s\n", e->problems[i].name,
			e->problems[i].reason);
	return 1;
}

static int
inrichten(struct store *s)
{
	/* Monday to Friday 09:00-17:00. */
	struct openingstijd open[5];
	struct vestiging v = {
		.gemeente = GEMEENTE,
		.code = "test-raadhuis",
		.naam = "Raadhuis Aalsmeer",
		.kanaal = KANAAL_FYSIEK,
		.adres = "Raadhuisplein 1",
		.postcode = "1431 EH",
		.plaats = "Aalsmeer",
		.balies = 2,
		.raster = 10,
		.goede_vrijdag_dicht = true,
		.open = open,
		.nopen = 5,
	};
	struct balieproduct p = {
		.gemeente = GEMEENTE,
		.code = "paspoort",
		.naam = "Paspoort aanvragen",
		.duur = 10,
		.fysiek = true,
		.video = true,
		.vaardigheden = "",
		.horizon = 90,
		.max_personen = 5,
		.meenemen = "Uw oude paspoort en een pasfoto per persoon.",
		.actief = true,
	};
	struct afspraak_instelling in = {
		.gemeente = GEMEENTE,
		.afzender = "afspraken@aalsmeer.nl",
		.videolink = "https://video.aalsmeer.nl/gesprek/{referentie}",
		.herinnering = 24,
		.bewaartermijn = 90,
		.slottekst = NULL,
		/* More appointments of one address than residents may. */
		.max_open = 10,
	};
	const char *vestigingen[] = { "test-raadhuis", "test-video" };
	struct arena a;
	struct err e;
	int64_t id, *ids;
	size_t n;
	day_t van, tot;

	err_clear(&e);
	for (int i = 0; i < 5; i++)
		open[i] = (struct openingstijd){ i, 9 * 60, 17 * 60 };
	if (store_vestiging_add(s, &v, &id, &e))
		return mislukt("vestiging", &e);
	v.code = "test-video";
	v.naam = "Videobalie Aalsmeer";
	v.kanaal = KANAAL_VIDEO;
	v.adres = v.postcode = v.plaats = NULL;
	if (store_vestiging_add(s, &v, &id, &e))
		return mislukt("videobalie", &e);
	if (store_balieproduct_add(s, &p, &id, &e))
		return mislukt("product", &e);
	if (store_afspraak_instelling_update(s, &in, &e))
		return mislukt("instelling", &e);
	/* Two staff members of Amstelveen-Aalsmeer, every weekday from 23
	 * November 2026 to 29 January 2027, one at each location. */
	date_parse("2026-11-23", &van);
	date_parse("2027-01-29", &tot);
	arena_init(&a, 1u << 20);
	for (int m = 0; m < 2; m++)
		for (int w = 0; w < 5; w++) {
			struct dienst d = {
				.medewerker = m ? "AA-002" : "AA-001",
				.samenwerking = "AA",
				.vestiging = vestigingen[m],
				.datum = van + w,
				.van = 9 * 60,
				.tot = 17 * 60,
				.vaardigheden = "",
			};

			if (store_dienst_add(s, &d, tot, NULL, 0, &a, &ids, &n,
					     &e))
				return mislukt("rooster", &e);
		}
	arena_free(&a);
	return 0;
}

static int
boek(struct store *s, const char *ref, const char *start, const char *kanaal)
{
	struct afspraak_regel r = { .product = "paspoort", .personen = 2 };
	struct afspraak_boeking b = {
		.vraag = {
			.gemeente = GEMEENTE,
			.regels = &r,
			.nregels = 1,
			.kanaal = KANAAL_FYSIEK,
			.vestiging = "test-raadhuis",
		},
		.naam = "Jan de Vries",
		.email = EMAIL,
		.telefoon = NULL,
		.referentie = ref,
	};
	struct afspraak uit;
	struct arena a;
	struct err e;
	bool opnieuw;
	int rc = 0;

	if (date_parse_instant(start, &b.start)) {
		fprintf(stderr, "afspraak_maak: '%s' is geen tijdstip\n",
			start);
		return 1;
	}
	if (kanaal && strcmp(kanaal, "video") == 0) {
		b.vraag.kanaal = KANAAL_VIDEO;
		b.vraag.vestiging = "test-video";
	}
	err_clear(&e);
	arena_init(&a, 1u << 20);
	if (store_afspraak_add(s, &b, &a, &uit, &opnieuw, &e))
		rc = mislukt("boeken", &e);
	arena_free(&a);
	return rc;
}

int
main(int argc, char **argv)
{
	struct store *s;
	struct afspraak uit;
	struct arena a;
	struct err e;
	int64_t start;
	int rc = 2;

	if (argc < 3) {
		fputs("gebruik: afspraak_maak DB inrichten|boek|verzet|annuleer "
		      "...\n",
		      stderr);
		return 2;
	}
	err_clear(&e);
	if (store_open(argv[1], STORE_EXISTING, &s, &e))
		return mislukt("openen", &e);
	store_set_clock(s, clock_now());
	store_set_actor(s, "test:afspraak_maak", "test", "opdrachtregel");
	arena_init(&a, 1u << 20);
	if (strcmp(argv[2], "inrichten") == 0 && argc == 3) {
		rc = inrichten(s);
	} else if (strcmp(argv[2], "boek") == 0 && (argc == 5 || argc == 6)) {
		rc = boek(s, argv[3], argv[4], argc == 6 ? argv[5] : NULL);
	} else if (strcmp(argv[2], "verzet") == 0 && argc == 5) {
		if (date_parse_instant(argv[4], &start))
			rc = 1;
		else
			rc = store_afspraak_move(s, argv[3], EMAIL, NULL, start,
						 &a, &uit, &e)
				     ? mislukt("verzetten", &e)
				     : 0;
	} else if (strcmp(argv[2], "annuleer") == 0 && argc == 4) {
		rc = store_afspraak_cancel(s, argv[3], EMAIL, &a, &uit, &e)
			     ? mislukt("annuleren", &e)
			     : 0;
	} else {
		fprintf(stderr, "afspraak_maak: onbekende opdracht '%s'\n",
			argv[2]);
	}
	arena_free(&a);
	store_close(s);
	return rc;
}

/*
 * demo_afspraken.c - the front office of the demo: the standard catalogue
 * for Aalsmeer and Amstelveen, the staff of AA's front office rostered
 * weekly over both town halls and their video desks (one person in
 * Aalsmeer on Monday and in Amstelveen on Tuesday), from three weeks
 * before the demo's today to twelve weeks after, some appointments in the
 * past (their messages sent; some served at the desk, their minutes
 * booked as hours, and some no-shows) and a few in the coming weeks. The
 * locations themselves come from the register document (data/demo.json).
 * Deterministic: the times are taken from the free times in a fixed
 * order, the reference codes from a fixed sequence, "now" is the
 * program's clock (AMBT_NU in tests).
 */
#include <stdio.h>
#include <string.h>

#include "afspraak_cli.h"
#include "../present/afspraak.h"
#include "../banned.h"

#define WEKEN_TERUG 3 /* weeks of roster and appointments before today */
#define WEKEN_VOORUIT 12 /* weeks of roster after today */
#define VAARDIG "reisdocumenten,rijbewijzen,burgerzaken"

/* A weekly roster entry: staff member (index among AA's front office),
 * weekday, location, from and to. */
static const struct {
	int wie;
	int weekdag;
	const char *vestiging;
	const char *van, *tot;
} plan[] = {
	{ 0, 0, "aalsmeer-raadhuis", "08:30", "12:30" },
	{ 0, 0, "aalsmeer-raadhuis", "13:30", "16:30" },
	{ 0, 1, "amstelveen-raadhuis", "08:30", "12:30" },
	{ 0, 1, "amstelveen-raadhuis", "13:30", "16:30" },
	{ 0, 2, "aalsmeer-raadhuis", "08:30", "12:30" },
	{ 0, 2, "aalsmeer-raadhuis", "13:30", "16:30" },
	{ 0, 3, "amstelveen-raadhuis", "08:30", "12:30" },
	{ 0, 3, "amstelveen-raadhuis", "13:30", "16:30" },
	{ 0, 4, "amstelveen-raadhuis", "08:30", "12:30" },
	{ 1, 0, "amstelveen-raadhuis", "08:30", "12:30" },
	{ 1, 1, "aalsmeer-raadhuis", "08:30", "12:30" },
	{ 1, 2, "amstelveen-raadhuis", "08:30", "12:30" },
	{ 1, 3, "aalsmeer-raadhuis", "08:30", "12:30" },
	{ 1, 3, "aalsmeer-raadhuis", "13:30", "16:30" },
	{ 1, 4, "aalsmeer-raadhuis", "08:30", "12:30" },
	{ 2, 0, "aalsmeer-video", "09:00", "12:00" },
	{ 2, 1, "amstelveen-video", "09:00", "12:00" },
	{ 2, 1, "amstelveen-raadhuis", "13:30", "16:30" },
	{ 2, 2, "aalsmeer-video", "09:00", "12:00" },
	{ 2, 3, "amstelveen-video", "09:00", "12:00" },
	{ 2, 3, "amstelveen-raadhuis", "13:30", "16:30" },
	{ 2, 4, "amstelveen-raadhuis", "08:30", "12:30" },
};

/* Invented residents (example.nl addresses). */
static const char *const inwoners[] = {
	"Fatima el Amrani",   "Pieter van der Meer", "Sanne Hoekstra",
	"Mehmet Yilmaz",      "Linda de Graaf",	     "Joris Kuipers",
	"Annelies Vermeulen", "Kees Brouwer",	     "Yara Postma",
	"Tom Schouten",	      "Ilse van Leeuwen",    "Ahmed Bouzid",
	"Margreet Dijkstra",  "Ruben Vos",	     "Noa Jacobs",
	"Wim Verhoeven",
};
#define NINWONERS (sizeof(inwoners) / sizeof(inwoners[0]))

/* A booking the demo makes: where, what, and which free time it takes
 * (the k-th of those found from `dag` days after the first day). */
struct boeking {
	const char *gemeente;
	const char *vestiging;
	const char *product, *product2;
	int personen, personen2;
	int dag; /* days after the first day searched */
	int keuze; /* which of that day's free times */
	bool annuleer; /* cancelled afterwards */
};

/* Before today (booked then, as if the clock were then). */
static const struct boeking verleden[] = {
	{ "GM0358", "aalsmeer-raadhuis", "paspoort", NULL, 1, 0, 0, 2, false },
	{ "GM0358", "aalsmeer-raadhuis", "paspoort", "identiteitskaart", 2, 1,
	  0, 9, false },
	{ "GM0358", "aalsmeer-raadhuis", "rijbewijs", NULL, 1, 0, 2, 4, false },
	{ "GM0358", "aalsmeer-video", "verhuizing", NULL, 1, 0, 2, 1, false },
	{ "GM0362", "amstelveen-raadhuis", "paspoort", NULL, 3, 0, 1, 3,
	  false },
	{ "GM0362", "amstelveen-raadhuis", "verhuizing", NULL, 1, 0, 3, 6,
	  true },
	{ "GM0358", "aalsmeer-raadhuis", "identiteitskaart", NULL, 1, 0, 7, 5,
	  false },
	{ "GM0362", "amstelveen-raadhuis", "rijbewijs", NULL, 1, 0, 8, 0,
	  false },
	{ "GM0358", "aalsmeer-raadhuis", "paspoort", NULL, 1, 0, 9, 7, true },
	{ "GM0362", "amstelveen-video", "huwelijk", NULL, 1, 0, 10, 0, false },
	{ "GM0358", "aalsmeer-raadhuis", "aangifte_geboorte", NULL, 1, 0, 14, 3,
	  false },
	{ "GM0362", "amstelveen-raadhuis", "paspoort", NULL, 1, 0, 15, 8,
	  false },
};

/* From today on. */
static const struct boeking toekomst[] = {
	{ "GM0358", "aalsmeer-raadhuis", "paspoort", NULL, 2, 0, 1, 3, false },
	{ "GM0358", "aalsmeer-raadhuis", "rijbewijs", NULL, 1, 0, 2, 0, false },
	{ "GM0362", "amstelveen-raadhuis", "paspoort", "identiteitskaart", 1, 1,
	  2, 5, false },
	{ "GM0358", "aalsmeer-video", "verhuizing", NULL, 1, 0, 3, 2, false },
	{ "GM0362", "amstelveen-raadhuis", "rijbewijs", NULL, 1, 0, 4, 1,
	  false },
	{ "GM0358", "aalsmeer-raadhuis", "paspoort", NULL, 4, 0, 8, 10, false },
};

/* A fixed pseudo-random sequence (xorshift) for reference codes. */
static uint32_t
volgende(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* The staff of AA's front office (unit aa-loketten), by number. */
static enum status
loketmedewerkers(struct store *s, struct arena *a, const char **nummers,
		 size_t max, size_t *n, struct err *e)
{
	struct medewerker *m;
	size_t nm;

	*n = 0;
	if (store_medewerker_list(s, a, "AA", NULL, &m, &nm, e))
		return e->status;
	for (size_t i = 0; i < nm && *n < max; i++)
		if (m[i].eenheid && strcmp(m[i].eenheid, "aa-loketten") == 0)
			nummers[(*n)++] = m[i].nummer;
	if (*n < max)
		return err_internal(e,
				    "the demo has %zu front office staff, "
				    "not %zu",
				    *n, max);
	return ST_OK;
}

static enum status
rooster(struct store *s, struct arena *a, day_t eerste, day_t laatste,
	struct err *e)
{
	const char *mw[3];
	size_t n;

	if (loketmedewerkers(s, a, mw, 3, &n, e))
		return e->status;
	for (size_t i = 0; i < sizeof(plan) / sizeof(plan[0]); i++) {
		struct dienst d = {
			.medewerker = mw[plan[i].wie],
			.samenwerking = "AA",
			.vestiging = plan[i].vestiging,
			.datum = eerste + plan[i].weekdag,
			.van = present_minuut_parse(plan[i].van),
			.tot = present_minuut_parse(plan[i].tot),
			.vaardigheden = VAARDIG,
		};
		int64_t *ids;
		size_t nids;

		if (store_dienst_add(s, &d, laatste, NULL, 0, a, &ids, &nids,
				     e))
			return e->status;
	}
	return ST_OK;
}

/*
 * Book b: the b->keuze-th free time (counting round) on the first day
 * from `van` + b->dag on which there is one, within two weeks.
 */
static enum status
boek(struct store *s, struct arena *a, const struct boeking *b, day_t van,
     uint32_t *seed, size_t nr, struct afspraak *out, struct err *e)
{
	struct afspraak_regel regels[2] = {
		{ .product = b->product, .personen = b->personen },
		{ .product = b->product2, .personen = b->personen2 },
	};
	struct vestiging v;
	struct afspraak_boeking bk = { .vraag = { .gemeente = b->gemeente,
						  .regels = regels,
						  .nregels =
							  b->product2 ? 2 : 1,
						  .vestiging = b->vestiging } };
	const char *naam = inwoners[nr % NINWONERS];
	char email[128], telefoon[32], ref[AFSPRAAK_REFERENTIE_LEN + 1];
	struct slot *sl;
	size_t nsl, k;
	bool opnieuw;

	if (store_vestiging_get(s, b->vestiging, van, a, &v, e))
		return e->status;
	bk.vraag.kanaal = v.kanaal;
	for (day_t d = van + b->dag; d < van + b->dag + 14; d++) {
		if (store_vrije_tijden(s, &bk.vraag, d, d, a, &sl, &nsl, e))
			return e->status;
		if (nsl)
			break;
	}
	if (!nsl)
		return err_internal(e,
				    "no free time for the demo's booking "
				    "%zu at %s",
				    nr, b->vestiging);
	k = (size_t)b->keuze % nsl;
	/* an address from the name: "fatima.elamrani@example.nl" */
	{
		size_t o = 0;
		bool punt = false;

		for (const char *p = naam; *p && o + 16 < sizeof(email); p++) {
			if (*p == ' ' && !punt) {
				email[o++] = '.';
				punt = true;
			} else if (*p >= 'A' && *p <= 'Z') {
				email[o++] = (char)(*p - 'A' + 'a');
			} else if (*p >= 'a' && *p <= 'z') {
				email[o++] = *p;
			}
		}
		snprintf(email + o, sizeof(email) - o, "@example.nl");
	}
	snprintf(telefoon, sizeof(telefoon), "06-%08u",
		 (unsigned)(volgende(seed) % 100000000u));
	bk.start = sl[k].start;
	bk.naam = naam;
	bk.email = email;
	bk.telefoon = nr % 3 == 0 ? telefoon : NULL;
	for (int poging = 0; poging < 4; poging++) {
		uint8_t rnd[5];
		uint32_t r1 = volgende(seed), r2 = volgende(seed);

		rnd[0] = (uint8_t)r1;
		rnd[1] = (uint8_t)(r1 >> 8);
		rnd[2] = (uint8_t)(r1 >> 16);
		rnd[3] = (uint8_t)(r1 >> 24);
		rnd[4] = (uint8_t)r2;
		afspraak_referentie(rnd, ref);
		bk.referentie = ref;
		err_clear(e);
		if (store_afspraak_add(s, &bk, a, out, &opnieuw, e) == ST_OK)
			return ST_OK;
		if (e->status != ST_CONFLICT || e->nproblems == 0 ||
		    strcmp(e->problems[0].name, "referentie") != 0)
			return e->status;
	}
	return e->status;
}

enum status
demo_afspraken_load(struct store *s, day_t today, struct err *e)
{
	day_t eerste = today - date_weekday(today) - 7 * WEKEN_TERUG;
	day_t laatste = today + 7 * WEKEN_VOORUIT;
	int64_t nu = clock_now();
	uint32_t seed = 20261122u;
	struct afspraak f;
	struct arena a;
	size_t nr = 0, nieuw;
	enum status st = ST_OK;

	if ((st = store_balieproduct_seed(s, "GM0358", &nieuw, e)) ||
	    (st = store_balieproduct_seed(s, "GM0362", &nieuw, e)))
		return st;
	arena_init(&a, 64u << 20);
	if ((st = store_begin(s, e)))
		goto uit;
	/* The past as it was then: roster and bookings made a day before
	 * the first day, cancellations then too. */
	store_set_clock(s, afspraak_utc(eerste - 1, 12 * 60));
	if ((st = rooster(s, &a, eerste, laatste, e)))
		goto terug;
	for (size_t i = 0; i < sizeof(verleden) / sizeof(verleden[0]); i++) {
		if ((st = boek(s, &a, &verleden[i], eerste, &seed, nr++, &f,
			       e)))
			goto terug;
		if (f.start >= nu) /* today's own, still to come */
			continue;
		if (verleden[i].annuleer &&
		    (st = store_afspraak_cancel(s, f.referentie, NULL, &a, &f,
						e)))
			goto terug;
		/* The desk marked some served (their minutes became hours)
		 * and some no-shows, as the visit ended. */
		if (!verleden[i].annuleer && (nr % 4 == 2 || nr % 4 == 3)) {
			store_set_clock(s, f.eind);
			st = store_afspraak_status(
				s, f.referentie,
				nr % 4 == 2 ? AS_GEHOLPEN : AS_NIET_VERSCHENEN,
				&a, &f, e);
			store_set_clock(s, afspraak_utc(eerste - 1, 12 * 60));
			if (st)
				goto terug;
		}
	}
	/* What the history queued (confirmations, reminders due before
	 * today) went out then. */
	store_set_clock(s, nu);
	for (;;) {
		struct bericht *b;
		size_t nb;

		if ((st = store_bericht_due(s, 100, &a, &b, &nb, e)))
			goto terug;
		for (size_t i = 0; i < nb; i++)
			if ((st = store_bericht_sent(s, b[i].id, e)))
				goto terug;
		if (nb == 0)
			break;
	}
	for (size_t i = 0; i < sizeof(toekomst) / sizeof(toekomst[0]); i++)
		if ((st = boek(s, &a, &toekomst[i], today, &seed, nr++, &f, e)))
			goto terug;
terug:
	store_set_clock(s, nu);
	if (st == ST_OK)
		st = store_commit(s, e);
	else
		store_rollback(s);
uit:
	arena_free(&a);
	return st;
}

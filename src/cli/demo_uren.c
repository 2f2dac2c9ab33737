/*
 * demo_uren.c - invented staff and hours for the demo database: for each
 * cooperation a few staff per unit and two years (2023 and 2024) of day
 * rows, written as a time-registration export would write them and read
 * through the real import (uren_import_controleer, store_uren_import), so
 * the demo shows the urenverdeling, its change against the year before
 * and a few deliberate framework deviations. Deterministic: the same
 * database every time.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "../core/uren_import.h"
#include "../banned.h"

#define PER_EENHEID 3 /* staff per unit */

static const char *const voornamen[] = { "Anna",  "Bram",  "Carla", "Daan",
					 "Eva",	  "Fleur", "Gijs",  "Hanna",
					 "Ivo",	  "Jet",   "Koen",  "Lotte",
					 "Milan", "Noor",  "Olaf",  "Puck" };
static const char *const achternamen[] = {
	"de Vries", "Jansen",  "Bakker", "Visser",   "Smit",   "Meijer",
	"de Boer",  "Mulder",  "Bos",	 "Vos",	     "Peters", "Hendriks",
	"Dekker",   "Brouwer", "de Wit", "van Dijk",
};
static const int ftes[] = { 1000, 889, 800, 600 };

/* A fixed pseudo-random sequence (xorshift). */
static uint32_t
volgende(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

struct buf {
	char *p;
	size_t n, cap;
	bool fout;
};

static void put(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
put(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int k;

	if (b->fout)
		return;
	if (b->cap - b->n < 256) {
		size_t cap = b->cap ? 2 * b->cap : 1 << 16;
		char *np = realloc(b->p, cap);

		if (!np) {
			b->fout = true;
			return;
		}
		b->p = np;
		b->cap = cap;
	}
	va_start(ap, fmt);
	k = vsnprintf(b->p + b->n, b->cap - b->n, fmt, ap);
	va_end(ap);
	if (k < 0 || (size_t)k >= b->cap - b->n)
		b->fout = true;
	else
		b->n += (size_t)k;
}

/* Public holidays the demo knows (enough to look real). */
static bool
vrij(day_t d)
{
	int y, m, dd;

	date_to_ymd(d, &y, &m, &dd);
	return (m == 1 && dd == 1) || (m == 4 && dd == 27) ||
	       (m == 12 && (dd == 25 || dd == 26)) ||
	       (y == 2023 && ((m == 4 && (dd == 7 || dd == 10)) ||
			      (m == 5 && (dd == 18 || dd == 29)))) ||
	       (y == 2024 && ((m == 3 && dd == 29) || (m == 4 && dd == 1) ||
			      (m == 5 && (dd == 9 || dd == 20))));
}

struct afwijking {
	const char *eenheid, *gemeente, *datum, *uren;
};

/* Deliberate deviations from the framework, one row each. */
static const struct afwijking afwijkingen[] = {
	{ "hb-ruimte-heemstede", "GM0377", "2024-03-12", "4" },
	{ "hb-ruimte-heemstede", "GM0377", "2024-03-13", "3,5" },
	{ "hb-informatisering", "GM0397", "2024-06-03", "2" },
	{ "aa-kernorganisatie", "GM0362", "2024-09-17", "3" },
};

static enum status
staff_and_hours(struct store *s, const struct samenwerking *sw, struct err *e)
{
	struct arena a;
	struct eenheid *units;
	struct lidmaatschap *leden;
	size_t nunits, nleden, nmw = 0;
	struct medewerker *mw;
	struct inrichting **hists; /* per unit */
	size_t *nhs;
	uint32_t seed =
		20240101u ^ (uint32_t)sw->code[0] << 8 ^ (uint32_t)sw->code[1];
	enum status st = ST_OK;

	arena_init(&a, 64u << 20);
	if (store_eenheid_list(s, &a, sw->code, &units, &nunits, e) ||
	    store_samenwerking_leden(s, &a, sw->code, &leden, &nleden, e))
		goto out;
	mw = arena_calloc(&a, nunits * PER_EENHEID + 1, sizeof(*mw));
	hists = arena_calloc(&a, nunits + 1, sizeof(*hists));
	nhs = arena_calloc(&a, nunits + 1, sizeof(*nhs));
	if (!mw || !hists || !nhs) {
		st = err_set(e, ST_NOMEM, "Onvoldoende geheugen.");
		goto out;
	}
	/* Staff: employed by the municipality a unit works for alone, by
	 * the joint body it moved to, or else by the centre municipality
	 * (or the first member). */
	for (size_t u = 0; u < nunits; u++) {
		struct eenheid unit;
		struct inrichting *hist;
		size_t nh;
		const char *werkgever = sw->centrumgemeente
						? sw->centrumgemeente
						: leden[0].gemeente;

		if (store_eenheid_get(s, &a, units[u].code, &unit, &hist, &nh,
				      e))
			goto out;
		hists[u] = hist;
		nhs[u] = nh;
		if (nh && hist[nh - 1].vorm == VORM_EIGEN)
			werkgever = hist[nh - 1].gemeente;
		else if (nh && hist[nh - 1].vorm == VORM_ONDERGEBRACHT)
			werkgever = hist[nh - 1].regeling;
		for (int k = 0; k < PER_EENHEID; k++) {
			struct medewerker *m = &mw[nmw++];
			uint32_t r = volgende(&seed);

			m->id = (int64_t)nmw;
			m->nummer = fmt_a(&a, "%s-%03zu", sw->code, nmw);
			m->naam = fmt_a(&a, "%s %s", voornamen[r % 16],
					achternamen[(r >> 4) % 16]);
			m->werkgever = werkgever;
			m->eenheid = units[u].code;
			m->fte = ftes[(r >> 8) % 4];
			m->periode.van =
				date_from_ymd(2015 + (int)(r >> 12) % 8,
					      1 + (int)(r >> 16) % 12, 1);
			m->periode.tot = DATE_NONE;
		}
	}
	{
		size_t nieuw, gewijzigd;

		if (store_medewerkers_import(s, mw, nmw, &nieuw, &gewijzigd, e))
			goto out;
	}

	/* Two years of hours, one file per year. */
	for (int jaar = 2023; jaar <= 2024; jaar++) {
		struct buf b = { 0 };
		struct uren_register reg;
		struct uren_resultaat res;
		struct uren_batch batch;
		struct arena fa;
		bool al;

		put(&b,
		    "Medewerker;Datum;Gemeente;Eenheid;Uren;Omschrijving\r\n");
		for (day_t d = date_from_ymd(jaar, 1, 1);
		     d < date_from_ymd(jaar + 1, 1, 1); d++) {
			if (date_weekday(d) >= 5 || vrij(d))
				continue;
			for (size_t i = 0; i < nmw; i++) {
				const struct medewerker *m = &mw[i];
				const struct inrichting *hist =
					hists[i / PER_EENHEID];
				size_t nh = nhs[i / PER_EENHEID];
				long p;
				int y, mo, dd;
				uint32_t r = volgende(&seed);
				int dag = m->fte >= 1000 ? 800 : 600;

				if (r % 100 < 8)
					continue; /* leave, illness */
				p = reg_inrichting_op(hist, nh, d);
				if (p < 0 || hist[p].vorm == VORM_ONDERGEBRACHT)
					continue;
				date_to_ymd(d, &y, &mo, &dd);
				if (hist[p].vorm == VORM_EIGEN) {
					put(&b,
					    "%s;%d-%d-%d;%s;%s;%d,%02d;\r\n",
					    m->nummer, dd, mo, y,
					    hist[p].gemeente, m->eenheid,
					    dag / 100, dag % 100);
					continue;
				}
				/* Shared: a unit-specific lean towards
				 * one member, shifting a little by year. */
				size_t voor = (i / PER_EENHEID + (size_t)jaar) %
					      nleden;
				int deel =
					dag * (45 + (int)(r >> 8) % 30) / 100;

				deel -= deel % 25;
				put(&b, "%s;%d-%d-%d;%s;%s;%d,%02d;\r\n",
				    m->nummer, dd, mo, y, leden[voor].gemeente,
				    m->eenheid, deel / 100, deel % 100);
				put(&b, "%s;%d-%d-%d;%s;%s;%d,%02d;\r\n",
				    m->nummer, dd, mo, y,
				    leden[(voor + 1) % nleden].gemeente,
				    m->eenheid, (dag - deel) / 100,
				    (dag - deel) % 100);
			}
		}
		for (size_t k = 0;
		     k < sizeof(afwijkingen) / sizeof(afwijkingen[0]); k++) {
			const struct afwijking *x = &afwijkingen[k];

			if (strncasecmp(x->eenheid, sw->code,
					strlen(sw->code)) != 0 ||
			    x->eenheid[strlen(sw->code)] != '-' ||
			    strtol(x->datum, NULL, 10) != jaar)
				continue;
			for (size_t i = 0; i < nmw; i++)
				if (strcmp(mw[i].eenheid, x->eenheid) == 0) {
					put(&b, "%s;%s;%s;%s;%s;%s\r\n",
					    mw[i].nummer, x->datum, x->gemeente,
					    x->eenheid, x->uren,
					    "\"Hulp bij een piek; op verzoek "
					    "van het team\"");
					break;
				}
		}
		if (b.fout) {
			free(b.p);
			st = err_set(e, ST_NOMEM, "Onvoldoende geheugen.");
			goto out;
		}
		arena_init(&fa, 256u << 20);
		if (store_uren_register(s, &fa, &reg, e) ||
		    store_uren_import(
			    s, &fa, &fa, &reg, b.p, b.n, NULL,
			    fmt_a(&a, "urenexport-%s-%d.csv", sw->code, jaar),
			    0, false, &res, &batch, &al, e)) {
			/* A demo that does not load is a programming error. */
			if (e->status == ST_INVALID && res.nproblemen)
				err_internal(e, "demo hours: regel %zu: %s",
					     res.problemen[0].regel,
					     res.problemen[0].melding);
			arena_free(&fa);
			free(b.p);
			goto out;
		}
		arena_free(&fa);
		free(b.p);
	}
out:
	arena_free(&a);
	return st ? st : e->status;
}

enum status
demo_uren_load(struct store *s, struct err *e)
{
	struct arena a;
	struct samenwerking *sw;
	size_t n;

	arena_init(&a, 1 << 20);
	if (store_samenwerking_list(s, &a, &sw, &n, e) == ST_OK)
		for (size_t i = 0; i < n; i++)
			if (staff_and_hours(s, &sw[i], e))
				break;
	arena_free(&a);
	return e->status;
}

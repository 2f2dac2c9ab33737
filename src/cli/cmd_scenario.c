/*
 * cmd_scenario.c - `ambt scenario`: named "what if" changes to a year's
 * cost data, for the contribution calculation (docs/allocation.md).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../core/kosten.h"
#include "../present/kostenverdeling.h"
#include "commands.h"
#include "../banned.h"

static const char usage[] =
	"Gebruik:\n"
	"  ambt scenario maak NAAM --samenwerking CODE --jaar JJJJ\n"
	"                [--omschrijving TEKST] WIJZIGING...\n"
	"  ambt scenario lijst [--samenwerking CODE] [--jaar JJJJ]\n\n"
	"Een wijziging is een van:\n"
	"  eigen:EENHEID:GEMEENTE:JJJJ-MM-DD   de eenheid werkt vanaf die "
	"datum alleen\n"
	"                                      voor die gemeente\n"
	"  gedeeld:EENHEID:JJJJ-MM-DD          de eenheid werkt vanaf die "
	"datum weer\n"
	"                                      voor alle leden\n"
	"  ondergebracht:EENHEID:JJJJ-MM-DD    de eenheid gaat vanaf die "
	"datum naar\n"
	"                                      een gemeenschappelijke "
	"regeling (met haar\n"
	"                                      kosten voor de rest van het "
	"jaar)\n"
	"  grondslag:EENHEID:GRONDSLAG         de eenheid wordt anders "
	"verdeeld\n"
	"                                      (gerealiseerde-uren, "
	"inwoners, ...;\n"
	"                                      zie ambt verdeling --help)\n"
	"  kostenpost:CODE:BEDRAG              de kostenpost krijgt een "
	"ander bedrag\n\n"
	"Reken een scenario door met 'ambt verdeling bereken --scenario "
	"NAAM'.\n";

/* Split "a:b:c" into at most 4 parts (in the arena). */
static size_t
delen(struct arena *a, const char *s, const char **p)
{
	size_t n = 0;
	char *c = arena_strdup(a, s);
	while (c && n < 4) {
		p[n++] = c;
		char *d = strchr(c, ':');
		if (!d)
			break;
		*d = '\0';
		c = d + 1;
	}
	return n;
}

static int
wijziging(struct arena *a, const char *tekst, struct scenario_wijziging *w)
{
	const char *p[4] = { 0 };
	size_t n = delen(a, tekst, p);
	memset(w, 0, sizeof *w);
	w->vanaf = DATE_NONE;
	if (!n || scenario_soort_van(p[0], &w->soort))
		return cli_usage_error("'%s' is geen wijziging (zie ambt "
				       "scenario --help).",
				       tekst);
	size_t nodig = w->soort == SC_EIGEN ? 4 : 3;
	if (n != nodig)
		return cli_usage_error("'%s': verwacht %zu delen, gescheiden "
				       "door ':'.",
				       tekst, nodig);
	switch (w->soort) {
	case SC_EIGEN:
		w->eenheid = p[1];
		w->gemeente = p[2];
		return cli_date(p[3], "datum", &w->vanaf);
	case SC_GEDEELD:
	case SC_ONDERGEBRACHT:
		w->eenheid = p[1];
		return cli_date(p[2], "datum", &w->vanaf);
	case SC_GRONDSLAG:
		w->eenheid = p[1];
		w->grondslag = kv_basis_van_woord(p[2]);
		if (w->grondslag == KV_GEEN || w->grondslag == KV_DIRECT)
			return cli_usage_error("'%s' is geen grondslag.", p[2]);
		return 0;
	case SC_KOSTENPOST:
		w->kostenpost = p[1];
		if (kosten_bedrag_parse(p[2], &w->bedrag))
			return cli_usage_error("'%s' is geen bedrag in euro.",
					       p[2]);
		return 0;
	}
	return 0;
}

static int
scenario_maak(int argc, char **argv)
{
	const char *sw = NULL, *jaar_text = NULL, *omschrijving = NULL;
	const struct opt opts[] = { { "samenwerking", &sw, NULL },
				    { "jaar", &jaar_text, NULL },
				    { "omschrijving", &omschrijving, NULL },
				    { NULL, NULL, NULL } };
	struct scenario_wijziging w[7];
	struct ctx x;
	int rc, jaar = 0;
	int64_t id = 0;

	if ((rc = ctx_open(&x, argc, argv, opts, 8, usage)) >= 0)
		return rc;
	if (x.npos < 2 || !sw || !jaar_text)
		return ctx_close(&x,
				 cli_usage_error("Geef NAAM, minstens één "
						 "wijziging, --samenwerking en "
						 "--jaar."));
	if ((rc = cli_jaar(jaar_text, &jaar)))
		return ctx_close(&x, rc);
	for (size_t i = 1; i < x.npos; i++)
		if ((rc = wijziging(&x.a, x.pos[i], &w[i - 1])))
			return ctx_close(&x, rc);
	struct scenario sc = { .samenwerking = sw,
			       .jaar = jaar,
			       .naam = x.pos[0],
			       .omschrijving = omschrijving,
			       .wijzigingen = w,
			       .nwijzigingen = x.npos - 1 };
	if (store_scenario_maak(x.s, &sc, &id, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	printf("Scenario '%s' voor %s %d met %zu wijziging%s.\n", sc.naam, sw,
	       jaar, sc.nwijzigingen, sc.nwijzigingen == 1 ? "" : "en");
	return ctx_close(&x, 0);
}

/* A change for people. */
static const char *
wijziging_nl(struct ctx *x, const struct scenario_wijziging *w)
{
	switch (w->soort) {
	case SC_EIGEN:
		return fmt_a(&x->a, "%s werkt vanaf %s alleen voor %s",
			     w->eenheid, ctx_date(x, w->vanaf), w->gemeente);
	case SC_GEDEELD:
		return fmt_a(&x->a, "%s werkt vanaf %s weer voor alle leden",
			     w->eenheid, ctx_date(x, w->vanaf));
	case SC_ONDERGEBRACHT:
		return fmt_a(&x->a,
			     "%s gaat vanaf %s naar een gemeenschappelijke "
			     "regeling",
			     w->eenheid, ctx_date(x, w->vanaf));
	case SC_GRONDSLAG:
		return fmt_a(&x->a, "%s wordt verdeeld naar %s", w->eenheid,
			     kv_basis_nl(w->grondslag));
	case SC_KOSTENPOST: {
		char b[48];
		present_bedrag_nl(w->bedrag, b, sizeof b);
		return fmt_a(&x->a, "kostenpost %s wordt %s", w->kostenpost, b);
	}
	}
	return "";
}

static int
scenario_lijst(int argc, char **argv)
{
	const char *sw = NULL, *jaar_text = NULL;
	const struct opt opts[] = { { "samenwerking", &sw, NULL },
				    { "jaar", &jaar_text, NULL },
				    { NULL, NULL, NULL } };
	static const char *const h[] = { "Samenwerking", "Jaar", "Naam",
					 "Wijzigingen" };
	struct scenario *sc;
	size_t n;
	struct table t;
	struct ctx x;
	int rc, jaar = 0;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	if ((rc = cli_jaar(jaar_text, &jaar)))
		return ctx_close(&x, rc);
	if (store_scenario_list(x.s, &x.a, sw, jaar, &sc, &n, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	table_init(&t, &x.a, 4, h);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < sc[i].nwijzigingen || k == 0; k++) {
			const char *row[] = {
				k ? "" : sc[i].samenwerking,
				k ? "" : fmt_a(&x.a, "%d", sc[i].jaar),
				k ? "" : sc[i].naam,
				sc[i].nwijzigingen
					? wijziging_nl(&x,
						       &sc[i].wijzigingen[k])
					: "",
			};
			table_row(&t, row);
		}
	ctx_table(&x, &t);
	return ctx_close(&x, 0);
}

int
cmd_scenario(int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "maak", scenario_maak },
		{ "lijst", scenario_lijst },
		{ NULL, NULL },
	};
	return cli_dispatch(argc, argv, subs, usage);
}

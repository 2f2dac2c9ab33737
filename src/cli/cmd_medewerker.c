/*
 * cmd_medewerker.c - `ambt medewerker`: the staff register that the hours
 * name (staff number, employer, unit, place of work, FTE, dates).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../present/uren.h"
#include "commands.h"
#include "../banned.h"

static const char usage[] =
	"Gebruik:\n"
	"  ambt medewerker lijst [--samenwerking CODE] [--zoek TEKST]\n"
	"                       [--format tabel|json|csv]\n"
	"  ambt medewerker toon PERSONEELSNUMMER [--samenwerking CODE]\n"
	"                       [--format tabel|json]\n"
	"  ambt medewerker toevoegen --nummer N --naam NAAM --werkgever CODE\n"
	"                      --eenheid CODE --fte 0,8 --van JJJJ-MM-DD\n"
	"                      [--tot JJJJ-MM-DD] [--standplaats PLAATS]\n"
	"  ambt medewerker wijzig PERSONEELSNUMMER [--samenwerking CODE]\n"
	"                      (dezelfde opties als toevoegen, behalve --nummer;\n"
	"                      wat u weglaat blijft)\n"
	"  ambt medewerker importeer BESTAND.csv [--proef]\n\n"
	"Het medewerkersregister: wie uren schrijft, in dienst van welke\n"
	"organisatie (de werkgever, als code: GM0397 of GRIT), in welke "
	"eenheid,\nwaar (standplaats), voor hoeveel fte en van wanneer tot "
	"wanneer.\nEen medewerker hoort bij de samenwerking van zijn eenheid; "
	"een\npersoneelsnummer is uniek binnen een samenwerking. Noem bij "
	"toon en wijzig\n--samenwerking als het nummer in meer dan één "
	"samenwerking voorkomt.\n\n"
	"Een importbestand is een CSV met de kolommen personeelsnummer, "
	"naam,\nwerkgever, eenheid, fte en van (verplicht) en standplaats en "
	"tot; nieuwe\nnummers worden toegevoegd, bekende bijgewerkt. Alles of "
	"niets: bij een fout\nwordt niets opgeslagen.\n";

static const char *
fte_text(struct arena *a, int fte)
{
	if (!fte)
		return "";
	if (fte % 1000 == 0)
		return fmt_a(a, "%d", fte / 1000);
	if (fte % 100 == 0)
		return fmt_a(a, "%d,%d", fte / 1000, fte % 1000 / 100);
	if (fte % 10 == 0)
		return fmt_a(a, "%d,%02d", fte / 1000, fte % 1000 / 10);
	return fmt_a(a, "%d,%03d", fte / 1000, fte % 1000);
}

static int
mw_list(int argc, char **argv)
{
	const char *sw = NULL, *zoek = NULL;
	const struct opt opts[] = { { "samenwerking", &sw, NULL },
				    { "zoek", &zoek, NULL },
				    { NULL, NULL, NULL } };
	static const char *const h[] = { "Nummer",  "Naam", "Werkgever",
					 "Eenheid", "Fte",  "Van",
					 "Tot" };
	struct medewerker *m;
	struct table t;
	struct ctx x;
	size_t n;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	if (store_medewerker_list(x.s, &x.a, sw, zoek, &m, &n, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	if (x.c.format == FORMAT_JSON) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr,
					      present_medewerker_json(&m[i]));
		json_print(arr, stdout);
		return ctx_close(&x, 0);
	}
	table_init(&t, &x.a, 7, h);
	for (size_t i = 0; i < n; i++) {
		const char *row[] = {
			m[i].nummer,
			m[i].naam ? m[i].naam : "(onbekend)",
			m[i].werkgever,
			m[i].eenheid,
			x.c.format == FORMAT_CSV
				? (m[i].fte ? fmt_a(&x.a, "%d", m[i].fte) : "")
				: fte_text(&x.a, m[i].fte),
			ctx_date(&x, m[i].periode.van),
			ctx_date(&x, m[i].periode.tot),
		};
		table_row(&t, row);
	}
	ctx_table(&x, &t);
	return ctx_close(&x, 0);
}

static int
mw_show(int argc, char **argv)
{
	const char *sw = NULL;
	const struct opt opts[] = { { "samenwerking", &sw, NULL },
				    { NULL, NULL, NULL } };
	struct medewerker m;
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 1, usage)) >= 0)
		return rc;
	if (x.npos != 1)
		return ctx_close(&x, cli_usage_error("Noem het "
						     "personeelsnummer."));
	if (store_medewerker_get(x.s, &x.a, x.pos[0], sw, "samenwerking", &m,
				 &x.e))
		return ctx_close(&x,
				 cli_fail_bij(&x.e, "medewerker niet getoond"));
	if (x.c.format == FORMAT_JSON) {
		json_print(present_medewerker_json(&m), stdout);
		return ctx_close(&x, 0);
	}
	printf("Personeelsnummer  %s\n", m.nummer);
	printf("Samenwerking      %s\n", m.samenwerking);
	printf("Naam              %s\n", m.naam ? m.naam : "(onbekend)");
	printf("Werkgever         %s%s%s%s\n", m.werkgever ? m.werkgever : "",
	       m.werkgever_naam ? " (" : "",
	       m.werkgever_naam ? m.werkgever_naam : "",
	       m.werkgever_naam ? ")" : "");
	printf("Eenheid           %s%s%s%s\n", m.eenheid ? m.eenheid : "",
	       m.eenheid_naam ? " (" : "", m.eenheid_naam ? m.eenheid_naam : "",
	       m.eenheid_naam ? ")" : "");
	printf("Standplaats       %s\n", m.standplaats ? m.standplaats : "");
	printf("Fte               %s\n", fte_text(&x.a, m.fte));
	printf("In dienst         %s%s%s\n", date_nl_a(&x.a, m.periode.van),
	       m.periode.tot != DATE_NONE ? " tot " : "",
	       date_nl_a(&x.a, m.periode.tot));
	if (m.bron_batch)
		printf("\nAangemaakt door urenbatch %lld; vul de gegevens aan "
		       "met 'ambt medewerker wijzig'.\n",
		       (long long)m.bron_batch);
	return ctx_close(&x, 0);
}

/* add and wijzig: the options fill a record (wijzig: over the old one). */
static int
mw_schrijf(int argc, char **argv, bool wijzig)
{
	const char *nummer = NULL, *naam = NULL, *werkgever = NULL,
		   *eenheid = NULL, *fte = NULL, *van = NULL, *tot = NULL,
		   *standplaats = NULL, *sw = NULL;
	const struct opt opts[] = { { "nummer", &nummer, NULL },
				    { "samenwerking", &sw, NULL },
				    { "naam", &naam, NULL },
				    { "werkgever", &werkgever, NULL },
				    { "eenheid", &eenheid, NULL },
				    { "fte", &fte, NULL },
				    { "van", &van, NULL },
				    { "tot", &tot, NULL },
				    { "standplaats", &standplaats, NULL },
				    { NULL, NULL, NULL } };
	struct medewerker m = { .periode = { DATE_NONE, DATE_NONE } }, oud;
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, wijzig ? opts + 1 : opts,
			   wijzig ? 1 : 0, usage)) >= 0)
		return rc;
	if (wijzig) {
		if (x.npos != 1)
			return ctx_close(&x,
					 cli_usage_error("Noem het "
							 "personeelsnummer."));
		if (store_medewerker_get(x.s, &x.a, x.pos[0], sw,
					 "samenwerking", &m, &x.e))
			return ctx_close(&x, cli_fail(&x.e));
		oud = m;
	} else if (sw) {
		return ctx_close(
			&x, cli_usage_error("--samenwerking hoort bij 'wijzig' "
					    "en 'toon'; een nieuwe medewerker "
					    "hoort bij de samenwerking van "
					    "--eenheid."));
	}
	m.nummer = wijzig ? x.pos[0] : nummer;
	if (naam)
		m.naam = naam;
	if (werkgever)
		m.werkgever = werkgever;
	if (eenheid)
		m.eenheid = eenheid;
	if (standplaats)
		m.standplaats = *standplaats ? standplaats : NULL;
	if (fte && medewerker_parse_fte(fte, "fte", &m.fte, &x.e))
		m.fte = -1; /* reported; the other fields are still checked */
	if (van && cli_date(van, "van", &m.periode.van))
		return ctx_close(&x, EXIT_USER);
	if (tot && *tot && cli_date(tot, "tot", &m.periode.tot))
		return ctx_close(&x, EXIT_USER);
	if (tot && !*tot)
		m.periode.tot = DATE_NONE;
	if (x.e.status == ST_OK || x.e.status == ST_INVALID) {
		if (wijzig)
			store_medewerker_wijzig(x.s, &oud, &m, &x.e);
		else
			store_medewerker_add(x.s, &m, &x.e);
	}
	if (x.e.status != ST_OK)
		return ctx_close(&x, cli_fail(&x.e));
	printf("Medewerker %s %s.\n", m.nummer,
	       wijzig ? "bijgewerkt" : "toegevoegd");
	return ctx_close(&x, 0);
}

static int
mw_add(int argc, char **argv)
{
	return mw_schrijf(argc, argv, false);
}

static int
mw_wijzig(int argc, char **argv)
{
	return mw_schrijf(argc, argv, true);
}

static int
mw_import(int argc, char **argv)
{
	bool dry = false;
	const struct opt opts[] = { { "proef", NULL, &dry },
				    { NULL, NULL, NULL } };
	struct medewerker *m;
	size_t n, nieuw = 0, gewijzigd = 0;
	struct arena fa;
	struct ctx x;
	struct cli_bestand f;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 1, usage)) >= 0)
		return rc;
	if (x.npos != 1)
		return ctx_close(&x, cli_usage_error("Noem het bestand."));
	if ((rc = cli_read_file(x.pos[0], &f)))
		return ctx_close(&x, rc);
	arena_init(&fa, 64u * 1024 * 1024 + 16 * f.n);
	/* Rows with unreadable fields still go through the register
	 * checks, so every problem is listed; nothing is stored then. */
	medewerker_csv_lees(&fa, f.data, f.n, &m, &n, &x.e);
	if (n && (x.e.status == ST_OK || x.e.status == ST_INVALID)) {
		if (dry)
			store_begin(x.s, &x.e);
		store_medewerkers_import(x.s, m, n, &nieuw, &gewijzigd, &x.e);
		if (dry)
			store_rollback(x.s);
		err_dedupe(&x.e);
		cli_problemen_op_regel(&x.e);
	}
	cli_file_free(&f);
	arena_free(&fa);
	if (x.e.status != ST_OK)
		return ctx_close(&x, cli_fail(&x.e));
	printf("%s: %zu medewerkers toegevoegd, %zu bijgewerkt%s.\n", x.pos[0],
	       nieuw, gewijzigd, dry ? " (proef: niets opgeslagen)" : "");
	return ctx_close(&x, 0);
}

int
cmd_medewerker(int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "lijst", mw_list },	    { "toon", mw_show },
		{ "toevoegen", mw_add },    { "wijzig", mw_wijzig },
		{ "importeer", mw_import }, { NULL, NULL },
	};
	return cli_dispatch(argc, argv, subs, usage);
}

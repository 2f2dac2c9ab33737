/*
 * cmd_vestiging.c - `ambt vestiging`: the locations of the front office
 * (a town hall with desks, or a municipality's video desk), their
 * opening hours and closures.
 */
#include <stdlib.h>
#include <string.h>

#include "afspraak_cli.h"
#include "commands.h"
#include "../present/afspraak.h"
#include "../banned.h"

static const char usage[] =
	"Gebruik:\n"
	"  ambt vestiging lijst [--gemeente CODE] [--format tabel|json|csv]\n"
	"  ambt vestiging toon CODE [--format tabel|json]\n"
	"  ambt vestiging toevoegen --gemeente CODE --code CODE --naam NAAM\n"
	"                     [--kanaal fysiek|video] --balies N --open "
	"TIJDEN\n"
	"                     [--adres ADRES --postcode POSTCODE --plaats "
	"PLAATS]\n"
	"                     [--raster MINUTEN] [--goede-vrijdag open|dicht]\n"
	"                     [--bevrijdingsdag open|dicht]\n"
	"  ambt vestiging wijzig CODE (dezelfde opties als toevoegen, behalve\n"
	"                     --gemeente, --code en --kanaal; wat u weglaat "
	"blijft)\n"
	"  ambt vestiging sluiting toevoegen CODE --van JJJJ-MM-DD --tot JJJJ-MM-DD\n"
	"                     [--reden TEKST]\n"
	"  ambt vestiging sluiting verwijder CODE NUMMER\n\n"
	"Een vestiging is een gemeentehuis met balies (kanaal fysiek) of de\n"
	"videobalie van een gemeente (kanaal video; --balies is dan het "
	"aantal\ngesprekken tegelijk). Openingstijden schrijft u per groep "
	"dagen, groepen\ngescheiden door ';', bijvoorbeeld:\n"
	"  --open 'ma-vr 08:30-12:30,13:30-16:30; do 18:00-20:00'\n"
	"Afspraken beginnen op een raster van --raster minuten (5, 10, 15, 20, "
	"30\nof 60; standaard 10) vanaf het begin van elk tijdvak. Op de "
	"nationale\nfeestdagen is elke vestiging dicht; op Goede Vrijdag "
	"(standaard dicht) en\n5 mei (standaard open) kiest u zelf. Een "
	"sluiting loopt van --van tot en\nmet --tot.\n";

/* "op 24 december 2026", or "van 24 tot en met 31 december 2026". */
static const char *
periode_a(struct arena *a, day_t van, day_t tot)
{
	if (van == tot)
		return fmt_a(a, "op %s", date_nl_a(a, van));
	return fmt_a(a, "van %s tot en met %s", date_nl_a(a, van),
		     date_nl_a(a, tot));
}

static const char *
ja_nee(bool b)
{
	return b ? "dicht" : "open";
}

static int
open_dicht(const char *text, const char *wat, bool *out)
{
	if (!text)
		return 0;
	if (strcmp(text, "dicht") == 0)
		*out = true;
	else if (strcmp(text, "open") == 0)
		*out = false;
	else
		return cli_usage_error("%s: kies open of dicht.", wat);
	return 0;
}

static int
v_list(int argc, char **argv)
{
	const char *gemeente = NULL;
	const struct opt opts[] = { { "gemeente", &gemeente, NULL },
				    { NULL, NULL, NULL } };
	static const char *const h[] = { "Code",   "Gemeente", "Naam",
					 "Kanaal", "Plaats",   "Balies" };
	struct vestiging *v;
	struct table t;
	struct ctx x;
	size_t n;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	if (store_vestiging_list(x.s, gemeente, cli_today(), &x.a, &v, &n,
				 &x.e))
		return ctx_close(&x, cli_fail_bij(&x.e, "geen vestigingen"));
	if (x.c.format == FORMAT_JSON) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr,
					      present_vestiging_json(&v[i]));
		json_print(arr, stdout);
		return ctx_close(&x, 0);
	}
	table_init(&t, &x.a, 6, h);
	for (size_t i = 0; i < n; i++) {
		const char *row[] = { v[i].code,
				      v[i].gemeente,
				      v[i].naam,
				      kanaal_name(v[i].kanaal),
				      v[i].plaats ? v[i].plaats : "",
				      fmt_a(&x.a, "%d", v[i].balies) };
		table_row(&t, row);
	}
	ctx_table(&x, &t);
	return ctx_close(&x, 0);
}

static int
v_show(int argc, char **argv)
{
	struct vestiging_sluiting *sl;
	size_t nsl;
	struct vestiging v;
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, NULL, 1, usage)) >= 0)
		return rc;
	if (x.npos != 1)
		return ctx_close(&x, cli_usage_error("Noem de vestiging."));
	if (store_vestiging_get(x.s, x.pos[0], cli_today(), &x.a, &v, &x.e))
		return ctx_close(&x,
				 cli_fail_bij(&x.e, "vestiging niet getoond"));
	if (x.c.format == FORMAT_JSON) {
		json_print(present_vestiging_json(&v), stdout);
		return ctx_close(&x, 0);
	}
	printf("Vestiging       %s\n", v.code);
	printf("Naam            %s\n", v.naam);
	printf("Gemeente        %s\n", v.gemeente);
	printf("Kanaal          %s\n", kanaal_name(v.kanaal));
	if (v.adres || v.plaats)
		printf("Adres           %s, %s %s\n", v.adres ? v.adres : "",
		       v.postcode ? v.postcode : "", v.plaats ? v.plaats : "");
	printf("%-16s%d\n", v.kanaal == KANAAL_VIDEO ? "Gesprekken" : "Balies",
	       v.balies);
	printf("Raster          %d minuten\n", v.raster);
	printf("Goede Vrijdag   %s\n", ja_nee(v.goede_vrijdag_dicht));
	printf("5 mei           %s\n", ja_nee(v.bevrijdingsdag_dicht));
	printf("\nOpeningstijden\n");
	for (int d = 0; d < 7; d++)
		printf("  %-10s %s\n", present_weekdag(d),
		       cli_open_dag_a(&x.a, v.open, v.nopen, d));
	if (store_sluiting_list(x.s, v.code, cli_today(), &x.a, &sl, &nsl,
				&x.e))
		return ctx_close(&x,
				 cli_fail_bij(&x.e, "sluitingen niet getoond"));
	if (nsl)
		printf("\nGesloten\n");
	for (size_t i = 0; i < nsl; i++)
		printf("  %-4lld %s%s%s\n", (long long)sl[i].id,
		       periode_a(&x.a, sl[i].van, sl[i].tot),
		       sl[i].reden ? ": " : "", sl[i].reden ? sl[i].reden : "");
	return ctx_close(&x, 0);
}

/* add and update: the options fill a record (update: over the old one). */
static int
v_schrijf(int argc, char **argv, bool update)
{
	const char *gemeente = NULL, *code = NULL, *kanaal = NULL, *naam = NULL,
		   *adres = NULL, *postcode = NULL, *plaats = NULL,
		   *balies = NULL, *raster = NULL, *open = NULL, *gv = NULL,
		   *bd = NULL;
	const struct opt opts[] = { { "gemeente", &gemeente, NULL },
				    { "code", &code, NULL },
				    { "kanaal", &kanaal, NULL },
				    { "naam", &naam, NULL },
				    { "adres", &adres, NULL },
				    { "postcode", &postcode, NULL },
				    { "plaats", &plaats, NULL },
				    { "balies", &balies, NULL },
				    { "raster", &raster, NULL },
				    { "open", &open, NULL },
				    { "goede-vrijdag", &gv, NULL },
				    { "bevrijdingsdag", &bd, NULL },
				    { NULL, NULL, NULL } };
	struct vestiging v = { .raster = 10, .goede_vrijdag_dicht = true };
	int64_t getal;
	int64_t id;
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, update ? opts + 3 : opts,
			   update ? 1 : 0, usage)) >= 0)
		return rc;
	if (update) {
		if (x.npos != 1)
			return ctx_close(&x, cli_usage_error("Noem de "
							     "vestiging."));
		if (store_vestiging_get(x.s, x.pos[0], cli_today(), &x.a, &v,
					&x.e))
			return ctx_close(&x, cli_fail(&x.e));
	} else {
		if (!gemeente || !code || !naam || !balies || !open)
			return ctx_close(
				&x, cli_usage_error("Geef --gemeente, --code, "
						    "--naam, --balies en "
						    "--open."));
		v.gemeente = gemeente;
		v.code = code;
		if (kanaal && kanaal_parse(kanaal, &v.kanaal) != 0)
			return ctx_close(&x, cli_usage_error("--kanaal: kies "
							     "fysiek of "
							     "video."));
	}
	if (naam)
		v.naam = naam;
	if (adres)
		v.adres = *adres ? adres : NULL;
	if (postcode)
		v.postcode = *postcode ? postcode : NULL;
	if (plaats)
		v.plaats = *plaats ? plaats : NULL;
	if (balies) {
		if ((rc = cli_int(balies, "--balies", 1, 200, &getal)))
			return ctx_close(&x, rc);
		v.balies = (int)getal; /* 1..200 */
	}
	if (raster) {
		if ((rc = cli_int(raster, "--raster", 5, 60, &getal)))
			return ctx_close(&x, rc);
		v.raster = (int)getal; /* 5..60 */
	}
	if ((open && (rc = cli_openingstijden(open, "--open", &x.a, &v.open,
					      &v.nopen))) ||
	    (rc = open_dicht(gv, "--goede-vrijdag", &v.goede_vrijdag_dicht)) ||
	    (rc = open_dicht(bd, "--bevrijdingsdag", &v.bevrijdingsdag_dicht)))
		return ctx_close(&x, rc);
	if (update ? store_vestiging_update(x.s, &v, &x.e)
		   : store_vestiging_add(x.s, &v, &id, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	printf("Vestiging %s %s.\n", v.code,
	       update ? "bijgewerkt" : "toegevoegd");
	return ctx_close(&x, 0);
}

static int
v_add(int argc, char **argv)
{
	return v_schrijf(argc, argv, false);
}

static int
v_update(int argc, char **argv)
{
	return v_schrijf(argc, argv, true);
}

static int
sl_add(int argc, char **argv)
{
	const char *van = NULL, *tot = NULL, *reden = NULL;
	const struct opt opts[] = { { "van", &van, NULL },
				    { "tot", &tot, NULL },
				    { "reden", &reden, NULL },
				    { NULL, NULL, NULL } };
	day_t dv, dt;
	int64_t id = 0;
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 1, usage)) >= 0)
		return rc;
	if (x.npos != 1 || !van || !tot)
		return ctx_close(&x, cli_usage_error("Noem de vestiging, --van "
						     "en --tot."));
	if ((rc = cli_date(van, "van", &dv)) ||
	    (rc = cli_date(tot, "tot", &dt)))
		return ctx_close(&x, rc);
	if (store_sluiting_add(x.s, x.pos[0], dv, dt, reden, &id, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	printf("Vestiging %s is gesloten %s (sluiting %lld).\n", x.pos[0],
	       periode_a(&x.a, dv, dt), (long long)id);
	return ctx_close(&x, 0);
}

static int
sl_delete(int argc, char **argv)
{
	int64_t id;
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, NULL, 2, usage)) >= 0)
		return rc;
	if (x.npos != 2)
		return ctx_close(&x, cli_usage_error("Noem de vestiging en het "
						     "nummer van de "
						     "sluiting."));
	if ((rc = cli_int(x.pos[1], "nummer", 1, INT64_MAX, &id)))
		return ctx_close(&x, rc);
	if (store_sluiting_delete(x.s, x.pos[0], id, &x.e))
		return ctx_close(&x, cli_fail_bij(&x.e, "niet verwijderd"));
	printf("Sluiting %lld van vestiging %s verwijderd.\n", (long long)id,
	       x.pos[0]);
	return ctx_close(&x, 0);
}

static int
v_sluiting(int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "toevoegen", sl_add },
		{ "verwijder", sl_delete },
		{ NULL, NULL },
	};
	return cli_dispatch(argc, argv, subs, usage);
}

int
cmd_vestiging(int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "lijst", v_list },	    { "toon", v_show },
		{ "toevoegen", v_add },	    { "wijzig", v_update },
		{ "sluiting", v_sluiting }, { NULL, NULL },
	};
	return cli_dispatch(argc, argv, subs, usage);
}

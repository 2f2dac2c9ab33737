/*
 * cmd_eenheid.c - `ambt eenheid`: units (departments, teams, tasks), the
 * history of their arrangement, and changing it from a date on.
 */
#include <string.h>

#include "cli.h"
#include "../present/json.h"
#include "commands.h"
#include "../present/present.h"
#include "../banned.h"

static const char usage[] =
	"Gebruik:\n"
	"  ambt eenheid lijst [--samenwerking CODE] [--op JJJJ-MM-DD] "
	"[--format tabel|json|csv]\n"
	"  ambt eenheid toon EENHEID [--format tabel|json|csv]\n"
	"  ambt eenheid wijzig EENHEID --van JJJJ-MM-DD --vorm VORM "
	"--besluit IDENTIFICATIE\n"
	"                      [--gemeente CBS-CODE] [--regeling CODE]\n\n"
	"Een eenheid (afdeling, team of taak) is op elk moment op één manier "
	"ingericht:\n"
	"  gedeeld        werkt formeel voor alle leden van de samenwerking\n"
	"  eigen          werkt voor één gemeente (noem die met --gemeente)\n"
	"  ondergebracht  is ondergebracht in een gemeenschappelijke regeling\n"
	"                 (noem die met --regeling)\n"
	"'wijzig' laat de huidige inrichting eindigen op --van en laat de "
	"nieuwe dan\ningaan. Elke wijziging noemt het besluit dat haar "
	"regelde.\n";

static int
unit_list(int argc, char **argv)
{
	const char *sw = NULL, *op_text = NULL;
	const struct opt opts[] = { { "samenwerking", &sw, NULL },
				    { "op", &op_text, NULL },
				    { NULL, NULL, NULL } };
	static const char *const h[] = { "Code",       "Naam",
					 "Soort",      "Samenwerking",
					 "Inrichting", "Voor / in" };
	struct ctx x;
	struct table t;
	struct samenwerking *sws;
	size_t nsw;
	json_t *arr = NULL;
	day_t op;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	op = cli_today();
	if (op_text && (rc = cli_date(op_text, "op", &op)))
		return ctx_close(&x, rc);
	if (sw) {
		sws = arena_calloc(&x.a, 1, sizeof(*sws));
		nsw = 1;
		if (!sws || store_samenwerking_get(x.s, &x.a, sw, sws, &x.e))
			return ctx_close(&x, cli_fail(&x.e));
	} else if (store_samenwerking_list(x.s, &x.a, &sws, &nsw, &x.e)) {
		return ctx_close(&x, cli_fail(&x.e));
	}
	table_init(&t, &x.a, 6, h);
	if (x.c.format == FORMAT_JSON)
		arr = json_array();
	for (size_t i = 0; i < nsw; i++) {
		struct eenheid_op *u;
		size_t nu;

		if (store_eenheden_op(x.s, &x.a, sws[i].code, op, &u, &nu,
				      &x.e)) {
			json_decref(arr);
			return ctx_close(&x, cli_fail(&x.e));
		}
		for (size_t j = 0; j < nu; j++) {
			const struct inrichting *r = &u[j].inrichting;
			bool has = u[j].heeft_inrichting;

			if (arr) {
				json_t *o = json_object();
				json_object_set_new(o, "code",
						    jstr(u[j].eenheid.code));
				json_object_set_new(o, "naam",
						    jstr(u[j].eenheid.naam));
				json_object_set_new(
					o, "soort",
					json_string(eenheid_soort_name(
						u[j].eenheid.soort)));
				json_object_set_new(o, "samenwerking",
						    jstr(sws[i].code));
				json_object_set_new(
					o, "inrichting",
					has ? present_inrichting_json(r)
					    : json_null());
				json_array_append_new(arr, o);
				continue;
			}
			const char *row[] = {
				u[j].eenheid.code,
				u[j].eenheid.naam,
				eenheid_soort_name(u[j].eenheid.soort),
				sws[i].code,
				has ? vorm_name(r->vorm) : "",
				has ? present_voor_wie(r) : "",
			};
			table_row(&t, row);
		}
	}
	if (arr)
		json_print(arr, stdout);
	else
		ctx_table(&x, &t);
	return ctx_close(&x, 0);
}

static int
unit_show(int argc, char **argv)
{
	static const char *const h[] = { "Van",	       "Tot",
					 "Inrichting", "Voor / in",
					 "Besluit",    "Onderwerp besluit" };
	struct ctx x;
	struct eenheid u;
	struct inrichting *hist;
	struct table t;
	size_t n;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, NULL, 1, usage)) >= 0)
		return rc;
	if (x.npos != 1)
		return ctx_close(
			&x, cli_usage_error("noem de code van de eenheid, "
					    "bijvoorbeeld 'ambt eenheid toon "
					    "hb-informatisering'."));
	if (store_eenheid_get(x.s, &x.a, x.pos[0], &u, &hist, &n, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	if (x.c.format == FORMAT_JSON) {
		json_t *j = json_object(), *arr = json_array();
		json_object_set_new(j, "code", jstr(u.code));
		json_object_set_new(j, "naam", jstr(u.naam));
		json_object_set_new(j, "soort",
				    json_string(eenheid_soort_name(u.soort)));
		json_object_set_new(j, "samenwerking", jstr(u.samenwerking));
		json_object_set_new(j, "omschrijving", jstr(u.omschrijving));
		json_object_set_new(j, "verzonnen", json_boolean(u.verzonnen));
		for (size_t i = 0; i < n; i++)
			json_array_append_new(
				arr, present_inrichting_json(&hist[i]));
		json_object_set_new(j, "inrichting", arr);
		json_print(j, stdout);
		return ctx_close(&x, 0);
	}
	table_init(&t, &x.a, 6, h);
	for (size_t i = 0; i < n; i++) {
		const char *row[] = {
			ctx_date(&x, hist[i].periode.van),
			ctx_date(&x, hist[i].periode.tot),
			vorm_name(hist[i].vorm),
			present_voor_wie(&hist[i]),
			hist[i].besluit,
			hist[i].besluit_onderwerp,
		};
		table_row(&t, row);
	}
	if (x.c.format == FORMAT_CSV) {
		table_csv(&t, stdout);
		return ctx_close(&x, 0);
	}
	printf("%s (%s)\nSoort:         %s\nSamenwerking:  %s\n", u.naam,
	       u.code, eenheid_soort_name(u.soort), u.samenwerking);
	if (u.omschrijving)
		printf("Omschrijving:  %s\n", u.omschrijving);
	if (u.verzonnen)
		printf("Let op:        deze eenheid is verzonnen voor de demo.\n");
	printf("\nInrichting door de jaren heen (tot = eerste dag dat het niet "
	       "meer zo is)\n");
	table_print(&t, stdout, "  ");
	return ctx_close(&x, 0);
}

static int
unit_wijzig(int argc, char **argv)
{
	const char *van = NULL, *vorm = NULL, *besluit = NULL, *gemeente = NULL,
		   *regeling = NULL;
	const struct opt opts[] = {
		{ "van", &van, NULL },
		{ "vorm", &vorm, NULL },
		{ "besluit", &besluit, NULL },
		{ "gemeente", &gemeente, NULL },
		{ "regeling", &regeling, NULL },
		{ NULL, NULL, NULL },
	};
	struct inrichting r = { 0 };
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 1, usage)) >= 0)
		return rc;
	if (x.npos != 1)
		return ctx_close(
			&x, cli_usage_error("noem de code van de eenheid."));
	r.periode.van = DATE_NONE;
	r.periode.tot = DATE_NONE;
	if (!van)
		err_invalid(&x.e, "van", "required",
			    "Vul de datum in vanaf wanneer de nieuwe "
			    "inrichting geldt (--van).");
	else if (date_parse(van, &r.periode.van))
		err_invalid(&x.e, "van", "date",
			    "'%.20s' is geen geldige datum (JJJJ-MM-DD).", van);
	if (!vorm)
		err_invalid(&x.e, "vorm", "required",
			    "Kies de nieuwe inrichting met --vorm: gedeeld, "
			    "eigen of ondergebracht.");
	else if (vorm_parse(vorm, &r.vorm))
		err_invalid(
			&x.e, "vorm", "enum",
			"'%.20s' is geen inrichting; kies gedeeld, eigen of "
			"ondergebracht.",
			vorm);
	if (!besluit)
		err_invalid(&x.e, "besluit", "required",
			    "Noem het besluit dat deze wijziging regelde "
			    "(--besluit).");
	r.besluit = besluit;
	r.gemeente = gemeente;
	r.regeling = regeling;
	if (x.e.status == ST_OK)
		store_eenheid_wijzig(x.s, x.pos[0], &r, &x.e);
	if (x.e.status)
		return ctx_close(&x, cli_fail(&x.e));
	printf("Eenheid %s is vanaf %s %s ingericht.\n", x.pos[0],
	       date_nl_a(&x.a, r.periode.van), vorm_name(r.vorm));
	return ctx_close(&x, 0);
}

int
cmd_eenheid(int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "lijst", unit_list },
		{ "toon", unit_show },
		{ "wijzig", unit_wijzig },
		{ NULL, NULL },
	};
	return cli_dispatch(argc, argv, subs, usage);
}

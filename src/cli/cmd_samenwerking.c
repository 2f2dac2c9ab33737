/*
 * cmd_samenwerking.c - `ambt samenwerking`: the cooperations, their
 * members, and how every unit was arranged on a given date.
 */
#include <string.h>

#include "cli.h"
#include "../present/json.h"
#include "commands.h"
#include "../present/present.h"
#include "../banned.h"

static const char usage[] =
	"Gebruik:\n"
	"  ambt samenwerking lijst [--op JJJJ-MM-DD] [--format tabel|json|csv]\n"
	"  ambt samenwerking toon CODE [--op JJJJ-MM-DD] "
	"[--format tabel|json|csv]\n\n"
	"Toont de samenwerkingen (codes zoals AA, HB, WOL), hun leden en hoe "
	"elke eenheid\ningericht was op de datum van --op (standaard "
	"vandaag): gedeeld (voor alle\nleden), eigen (voor één gemeente) of "
	"ondergebracht (in een gemeenschappelijke\nregeling), met het besluit "
	"dat dat regelde.\n";

static int
parse_op(struct ctx *x, const char *op_text, day_t *op)
{
	if (!op_text) {
		*op = cli_today();
		return 0;
	}
	return cli_date(op_text, "op", op);
}

static int
sw_list(int argc, char **argv)
{
	const char *op_text = NULL;
	const struct opt opts[] = { { "op", &op_text, NULL },
				    { NULL, NULL, NULL } };
	static const char *const h[] = { "Code",  "Naam",
					 "Sinds", "Centrumgemeente",
					 "Leden", "Eenheden" };
	struct ctx x;
	struct samenwerking *sw;
	struct table t;
	json_t *arr = NULL;
	size_t n;
	day_t op;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	if ((rc = parse_op(&x, op_text, &op)))
		return ctx_close(&x, rc);
	if (store_samenwerking_list(x.s, &x.a, &sw, &n, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	table_init(&t, &x.a, 6, h);
	if (x.c.format == FORMAT_JSON)
		arr = json_array();
	for (size_t i = 0; i < n; i++) {
		struct lidmaatschap *l;
		struct eenheid *u;
		size_t nl, nu;
		const char *leden = "";
		json_t *jl = json_array();

		if (store_samenwerking_leden(x.s, &x.a, sw[i].code, &l, &nl,
					     &x.e) ||
		    store_eenheid_list(x.s, &x.a, sw[i].code, &u, &nu, &x.e)) {
			json_decref(jl);
			json_decref(arr);
			return ctx_close(&x, cli_fail(&x.e));
		}
		for (size_t j = 0; j < nl; j++) {
			if (!period_contains(l[j].periode, op))
				continue;
			leden = fmt_a(&x.a, "%s%s%s", leden, *leden ? ", " : "",
				      l[j].gemeente_naam);
			json_array_append_new(jl, jstr(l[j].gemeente));
		}
		if (arr) {
			json_t *j = present_samenwerking_json(&sw[i]);
			json_object_set_new(j, "leden", jl);
			json_object_set_new(j, "aantalEenheden",
					    json_integer((json_int_t)nu));
			json_array_append_new(arr, j);
			continue;
		}
		json_decref(jl);
		const char *row[] = {
			sw[i].code,
			sw[i].naam,
			ctx_date(&x, sw[i].sinds),
			sw[i].centrumgemeente_naam ? sw[i].centrumgemeente_naam
						   : "",
			leden,
			fmt_a(&x.a, "%zu", nu),
		};
		table_row(&t, row);
	}
	if (arr)
		json_print(arr, stdout);
	else
		ctx_table(&x, &t);
	return ctx_close(&x, 0);
}

static int
sw_show(int argc, char **argv)
{
	const char *op_text = NULL;
	const struct opt opts[] = { { "op", &op_text, NULL },
				    { NULL, NULL, NULL } };
	static const char *const lh[] = { "Gemeente", "CBS-code", "Lid sinds" };
	static const char *const eh[] = { "Eenheid",   "Inrichting",
					  "Voor / in", "Sinds",
					  "Besluit",   "Onderwerp besluit" };
	struct ctx x;
	struct samenwerking sw;
	struct lidmaatschap *l;
	struct eenheid_op *u;
	struct kader_artikel *k;
	struct table lt, et;
	size_t nl, nu, nk;
	day_t op;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 1, usage)) >= 0)
		return rc;
	if (x.npos != 1)
		return ctx_close(
			&x, cli_usage_error("noem de code van de "
					    "samenwerking, bijvoorbeeld "
					    "'ambt samenwerking toon HB'."));
	if ((rc = parse_op(&x, op_text, &op)))
		return ctx_close(&x, rc);
	if (store_samenwerking_get(x.s, &x.a, x.pos[0], &sw, &x.e) ||
	    store_samenwerking_leden(x.s, &x.a, sw.code, &l, &nl, &x.e) ||
	    store_eenheden_op(x.s, &x.a, sw.code, op, &u, &nu, &x.e) ||
	    store_kader_list(x.s, &x.a, sw.code, op, &k, &nk, &x.e))
		return ctx_close(&x, cli_fail(&x.e));

	if (x.c.format == FORMAT_JSON) {
		json_t *j = present_samenwerking_json(&sw), *jl = json_array(),
		       *je = json_array(), *jk = json_array();

		json_object_set_new(j, "peildatum", jdate(op));
		for (size_t i = 0; i < nl; i++) {
			if (!period_contains(l[i].periode, op))
				continue;
			json_t *m = json_object();
			json_object_set_new(m, "gemeente", jstr(l[i].gemeente));
			json_object_set_new(m, "naam",
					    jstr(l[i].gemeente_naam));
			json_object_set_new(m, "van", jdate(l[i].periode.van));
			json_object_set_new(m, "tot", jdate(l[i].periode.tot));
			json_array_append_new(jl, m);
		}
		for (size_t i = 0; i < nu; i++) {
			json_t *m = json_object();
			json_object_set_new(m, "code", jstr(u[i].eenheid.code));
			json_object_set_new(m, "naam", jstr(u[i].eenheid.naam));
			json_object_set_new(m, "soort",
					    json_string(eenheid_soort_name(
						    u[i].eenheid.soort)));
			json_object_set_new(m, "inrichting",
					    u[i].heeft_inrichting
						    ? present_inrichting_json(
							      &u[i].inrichting)
						    : json_null());
			json_array_append_new(je, m);
		}
		for (size_t i = 0; i < nk; i++) {
			const struct kader_versie *v = &k[i].versies[0];
			json_t *m = json_object(), *ue = json_array();
			json_object_set_new(m, "nummer",
					    json_integer(k[i].nummer));
			json_object_set_new(m, "titel", jstr(k[i].titel));
			json_object_set_new(m, "van", jdate(v->periode.van));
			json_object_set_new(m, "tot", jdate(v->periode.tot));
			json_object_set_new(m, "tekst", jstr(v->tekst));
			json_object_set_new(m, "besluit", jstr(v->besluit));
			for (size_t q = 0; q < v->neenheden; q++)
				json_array_append_new(ue, jstr(v->eenheden[q]));
			json_object_set_new(m, "eenheden", ue);
			json_array_append_new(jk, m);
		}
		json_object_set_new(j, "leden", jl);
		json_object_set_new(j, "eenheden", je);
		json_object_set_new(j, "kader", jk);
		json_print(j, stdout);
		return ctx_close(&x, 0);
	}

	table_init(&et, &x.a, 6, eh);
	for (size_t i = 0; i < nu; i++) {
		const struct inrichting *r = &u[i].inrichting;
		bool has = u[i].heeft_inrichting;
		const char *row[] = {
			u[i].eenheid.naam,
			has ? vorm_name(r->vorm) : "(nog niet of niet meer)",
			has ? present_voor_wie(r) : "",
			has ? ctx_date(&x, r->periode.van) : "",
			has ? r->besluit : "",
			has ? r->besluit_onderwerp : "",
		};
		table_row(&et, row);
	}
	if (x.c.format == FORMAT_CSV) {
		table_csv(&et, stdout);
		return ctx_close(&x, 0);
	}
	printf("%s (%s)\n", sw.naam, sw.code);
	printf("Sinds:            %s\n", date_nl_a(&x.a, sw.sinds));
	printf("Centrumgemeente:  %s\n",
	       sw.centrumgemeente_naam ? sw.centrumgemeente_naam : "geen");
	printf("Stand op:         %s\n", date_nl_a(&x.a, op));
	table_init(&lt, &x.a, 3, lh);
	for (size_t i = 0; i < nl; i++) {
		if (!period_contains(l[i].periode, op))
			continue;
		const char *row[] = { l[i].gemeente_naam, l[i].gemeente,
				      date_nl_a(&x.a, l[i].periode.van) };
		table_row(&lt, row);
	}
	printf("\nLeden\n");
	if (lt.nrows)
		table_print(&lt, stdout, "  ");
	else
		printf("  geen leden op deze datum\n");
	printf("\nEenheden\n");
	if (et.nrows)
		table_print(&et, stdout, "  ");
	else
		printf("  geen eenheden\n");
	printf("\nKader (artikelen die op deze datum gelden)\n");
	if (nk == 0)
		printf("  geen\n");
	for (size_t i = 0; i < nk; i++) {
		const struct kader_versie *v = &k[i].versies[0];

		printf("  %d. %s (sinds %s, besluit %s)\n", k[i].nummer,
		       k[i].titel ? k[i].titel : "",
		       date_nl_a(&x.a, v->periode.van), v->besluit);
		if (v->neenheden) {
			printf("     Geldt voor:");
			for (size_t q = 0; q < v->neenheden; q++)
				printf("%s %s", q ? "," : "", v->eenheden[q]);
			printf("\n");
		}
	}
	return ctx_close(&x, 0);
}

int
cmd_samenwerking(int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "lijst", sw_list },
		{ "toon", sw_show },
		{ NULL, NULL },
	};
	return cli_dispatch(argc, argv, subs, usage);
}

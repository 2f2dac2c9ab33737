/*
 * cmd_taakveld.c - `ambt taakveld`: the BBV taakvelden (the national
 * classification municipal budgets are kept in), valid per book year;
 * the list changed in 2023 and 2025.
 */
#include <stdlib.h>

#include "cli.h"
#include "../present/json.h"
#include "commands.h"
#include "../banned.h"

static const char usage[] =
	"Gebruik:\n"
	"  ambt taakveld lijst [--jaar JJJJ] [--format tabel|json|csv]\n\n"
	"Toont de BBV-taakvelden; met --jaar alleen die in dat boekjaar "
	"gelden.\n";

static int
tv_list(int argc, char **argv)
{
	const char *jaar_text = NULL;
	const struct opt opts[] = { { "jaar", &jaar_text, NULL },
				    { NULL, NULL, NULL } };
	static const char *const h[] = { "Code", "Naam", "Hoofdtaakveld",
					 "Eerste boekjaar",
					 "Laatste boekjaar" };
	struct taakveld *tv;
	struct table t;
	struct ctx x;
	size_t n;
	int jaar = 0, rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	if ((rc = cli_jaar(jaar_text, &jaar)))
		return ctx_close(&x, rc);
	if (store_taakveld_list(x.s, &x.a, jaar, &tv, &n, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	if (x.c.format == FORMAT_JSON) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++) {
			json_t *o = json_object();
			json_object_set_new(o, "code", jstr(tv[i].code));
			json_object_set_new(o, "naam", jstr(tv[i].naam));
			json_object_set_new(o, "hoofdtaakveld",
					    jstr(tv[i].hoofdtaakveld));
			json_object_set_new(
				o, "eersteBoekjaar",
				tv[i].eerste_jaar
					? json_integer(tv[i].eerste_jaar)
					: json_null());
			json_object_set_new(
				o, "laatsteBoekjaar",
				tv[i].laatste_jaar
					? json_integer(tv[i].laatste_jaar)
					: json_null());
			json_array_append_new(arr, o);
		}
		json_print(arr, stdout);
		return ctx_close(&x, 0);
	}
	table_init(&t, &x.a, 5, h);
	for (size_t i = 0; i < n; i++) {
		const char *row[] = {
			tv[i].code,
			tv[i].naam,
			fmt_a(&x.a, "%s %s", tv[i].hoofdtaakveld,
			      tv[i].hoofdtaakveld_naam),
			tv[i].eerste_jaar ? fmt_a(&x.a, "%d", tv[i].eerste_jaar)
					  : "2017 of eerder",
			tv[i].laatste_jaar
				? fmt_a(&x.a, "%d", tv[i].laatste_jaar)
				: "",
		};
		table_row(&t, row);
	}
	ctx_table(&x, &t);
	return ctx_close(&x, 0);
}

int
cmd_taakveld(int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "lijst", tv_list },
		{ NULL, NULL },
	};
	return cli_dispatch(argc, argv, subs, usage);
}

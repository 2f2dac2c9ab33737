/*
 * cmd_werkstroom.c - `ambt werkstroom`: workstreams with their owners and
 * milestones (WOL's seven tasks and their evaluations, AA's goals).
 */
#include "cli.h"
#include "../present/json.h"
#include "commands.h"
#include "../banned.h"

static const char usage[] =
	"Gebruik:\n"
	"  ambt werkstroom lijst [--samenwerking CODE] "
	"[--format tabel|json|csv]\n\n"
	"Toont de werkstromen met hun eigenaar en mijlpalen (geplande datum, "
	"status,\nuitkomst). Een mijlpaal met * is verzonnen voor de demo.\n";

static int
ws_list(int argc, char **argv)
{
	const char *sw = NULL;
	const struct opt opts[] = { { "samenwerking", &sw, NULL },
				    { NULL, NULL, NULL } };
	static const char *const h[] = { "Samenwerking", "Werkstroom",
					 "Eigenaar",	 "Mijlpaal",
					 "Gepland",	 "Status",
					 "Uitkomst" };
	struct werkstroom *w;
	struct table t;
	struct ctx x;
	size_t n;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	if (store_werkstroom_list(x.s, &x.a, sw, &w, &n, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	if (x.c.format == FORMAT_JSON) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++) {
			json_t *o = json_object(), *ms = json_array();
			json_object_set_new(o, "code", jstr(w[i].code));
			json_object_set_new(o, "naam", jstr(w[i].naam));
			json_object_set_new(o, "samenwerking",
					    jstr(w[i].samenwerking));
			json_object_set_new(o, "eigenaar", jstr(w[i].eigenaar));
			json_object_set_new(o, "omschrijving",
					    jstr(w[i].omschrijving));
			for (size_t j = 0; j < w[i].nmijlpalen; j++) {
				const struct mijlpaal *m = &w[i].mijlpalen[j];
				json_t *mo = json_object();
				json_object_set_new(mo, "naam", jstr(m->naam));
				json_object_set_new(mo, "gepland",
						    jdate(m->gepland));
				json_object_set_new(
					mo, "status",
					json_string(mijlpaal_status_name(
						m->status)));
				json_object_set_new(mo, "uitkomst",
						    jstr(m->uitkomst));
				json_object_set_new(mo, "verzonnen",
						    json_boolean(m->verzonnen));
				json_array_append_new(ms, mo);
			}
			json_object_set_new(o, "mijlpalen", ms);
			json_array_append_new(arr, o);
		}
		json_print(arr, stdout);
		return ctx_close(&x, 0);
	}
	table_init(&t, &x.a, 7, h);
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < w[i].nmijlpalen || j == 0; j++) {
			const struct mijlpaal *m =
				w[i].nmijlpalen ? &w[i].mijlpalen[j] : NULL;
			const char *row[] = {
				j ? "" : w[i].samenwerking,
				j ? "" : w[i].naam,
				j ? "" : w[i].eigenaar,
				m ? fmt_a(&x.a, "%s%s", m->naam,
					  m->verzonnen && x.c.format ==
								  FORMAT_TABEL
						  ? " *"
						  : "")
				  : "(geen mijlpalen)",
				m ? ctx_date(&x, m->gepland) : "",
				m ? mijlpaal_status_name(m->status) : "",
				m ? m->uitkomst : "",
			};
			table_row(&t, row);
		}
	}
	ctx_table(&x, &t);
	return ctx_close(&x, 0);
}

int
cmd_werkstroom(int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "lijst", ws_list },
		{ NULL, NULL },
	};
	return cli_dispatch(argc, argv, subs, usage);
}

/*
 * cmd_kostenpost.c - `ambt kostenpost`: the cost pools of a cooperation's
 * year, listed or read from a CSV file (docs/allocation.md).
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
	"  ambt kostenpost lijst --samenwerking CODE --jaar JJJJ\n"
	"                 [--format tabel|json|csv]\n"
	"  ambt kostenpost importeer BESTAND.csv --samenwerking CODE --jaar "
	"JJJJ\n"
	"  ambt kostenpost zet CODE --samenwerking CODE --jaar JJJJ --eenheid "
	"EENHEID\n"
	"                 --kostensoort SOORT --bedrag BEDRAG [--taakveld T]\n"
	"                 [--datum JJJJ-MM-DD]\n"
	"  ambt kostenpost verwijder CODE --samenwerking CODE --jaar JJJJ\n\n"
	"import vervangt alle kostenposten van dat jaar door die in het "
	"bestand\n(kolommen code, eenheid, kostensoort en bedrag in euro; "
	"taakveld en datum\nmogen). Alles of niets: staat er ergens een "
	"fout in, dan verandert er niets\nen ziet u elke fout met regel en "
	"kolom. zet legt één kostenpost vast (een kostenpost met dezelfde "
	"code\nvervangt het); bedragen in euro, zoals 1.234,56 of -250.\n";

static int
kostenpost_lijst(int argc, char **argv)
{
	const char *sw = NULL, *jaar_text = NULL;
	const struct opt opts[] = { { "samenwerking", &sw, NULL },
				    { "jaar", &jaar_text, NULL },
				    { NULL, NULL, NULL } };
	static const char *const h[] = { "Code",     "Eenheid", "Kostensoort",
					 "Taakveld", "Bedrag",	"Datum" };
	struct kosten_jaar k;
	struct table t;
	struct ctx x;
	int rc, jaar = 0;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	if (!sw || !jaar_text)
		return ctx_close(&x, cli_usage_error("Geef --samenwerking en "
						     "--jaar."));
	if ((rc = cli_jaar(jaar_text, &jaar)))
		return ctx_close(&x, rc);
	if (store_kosten_jaar(x.s, &x.a, sw, jaar, &k, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	if (x.c.format == FORMAT_JSON) {
		json_t *arr = json_array();
		for (size_t i = 0; i < k.nposten; i++) {
			const struct kosten_post *p = &k.posten[i];
			json_t *o = json_object();
			json_object_set_new(o, "code", json_string(p->code));
			json_object_set_new(o, "eenheid",
					    json_string(p->eenheid));
			json_object_set_new(o, "kostensoort",
					    json_string(p->kostensoort));
			json_object_set_new(o, "taakveld",
					    p->taakveld
						    ? json_string(p->taakveld)
						    : json_null());
			json_object_set_new(o, "bedragCenten",
					    json_integer(p->bedrag));
			json_object_set_new(o, "datum",
					    p->datum == DATE_NONE
						    ? json_null()
						    : json_string(date_iso_a(
							      &x.a, p->datum)));
			json_array_append_new(arr, o);
		}
		json_print(arr, stdout);
		return ctx_close(&x, 0);
	}
	table_init(&t, &x.a, 6, h);
	int64_t totaal = 0;
	for (size_t i = 0; i < k.nposten; i++) {
		const struct kosten_post *p = &k.posten[i];
		const char *row[] = {
			p->code,
			p->eenheid,
			p->kostensoort,
			p->taakveld ? p->taakveld : "",
			x.c.format == FORMAT_CSV
				? fmt_a(&x.a, "%lld", (long long)p->bedrag)
				: bedrag_a(&x.a, p->bedrag),
			p->datum == DATE_NONE ? "" : ctx_date(&x, p->datum),
		};
		table_row(&t, row);
		totaal += p->bedrag;
	}
	ctx_table(&x, &t);
	if (x.c.format == FORMAT_TABEL && k.nposten)
		printf("\n%zu kostenposten, samen %s.\n", k.nposten,
		       bedrag_a(&x.a, totaal));
	return ctx_close(&x, 0);
}

static int
kostenpost_import(int argc, char **argv)
{
	const char *sw = NULL, *jaar_text = NULL;
	const struct opt opts[] = { { "samenwerking", &sw, NULL },
				    { "jaar", &jaar_text, NULL },
				    { NULL, NULL, NULL } };
	struct kosten_post *p;
	size_t n;
	struct cli_bestand f;
	struct ctx x;
	int rc, jaar = 0;

	if ((rc = ctx_open(&x, argc, argv, opts, 1, usage)) >= 0)
		return rc;
	if ((rc = ctx_vereist(&x, 1, sw, jaar_text, &jaar,
			      "het bestand, --samenwerking en --jaar")) ||
	    (rc = cli_read_file(x.pos[0], &f)))
		return ctx_close(&x, rc);
	enum status st = kosten_csv_lees(&x.a, f.data, f.n, &p, &n, &x.e);
	cli_file_free(&f);
	/* Rows that could be read are also checked against the register,
	 * so that every problem is named at once; nothing is stored. */
	if (st == ST_OK || (st == ST_INVALID && p))
		st = store_kostenposten_vervang(x.s, sw, jaar, p, n, &x.e);
	if (st != ST_OK) {
		cli_problemen_op_regel(&x.e);
		return ctx_close(&x, cli_fail(&x.e));
	}
	int64_t totaal = 0;
	for (size_t i = 0; i < n; i++)
		totaal += p[i].bedrag;
	printf("%zu kostenposten van %s in %d ingelezen, samen %s.\n", n, sw,
	       jaar, bedrag_a(&x.a, totaal));
	return ctx_close(&x, 0);
}

static int
kostenpost_zet(int argc, char **argv)
{
	const char *sw = NULL, *jaar_text = NULL, *eenheid = NULL,
		   *soort = NULL, *bedrag_text = NULL, *taakveld = NULL,
		   *datum = NULL;
	const struct opt opts[] = { { "samenwerking", &sw, NULL },
				    { "jaar", &jaar_text, NULL },
				    { "eenheid", &eenheid, NULL },
				    { "kostensoort", &soort, NULL },
				    { "bedrag", &bedrag_text, NULL },
				    { "taakveld", &taakveld, NULL },
				    { "datum", &datum, NULL },
				    { NULL, NULL, NULL } };
	struct kosten_post p = { .datum = DATE_NONE };
	struct ctx x;
	int rc, jaar = 0;

	if ((rc = ctx_open(&x, argc, argv, opts, 1, usage)) >= 0)
		return rc;
	if ((rc = ctx_vereist(&x, 1, sw && eenheid && soort && bedrag_text,
			      jaar_text, &jaar,
			      "de code, --samenwerking, --jaar, --eenheid, "
			      "--kostensoort en --bedrag")) ||
	    (datum && (rc = cli_date(datum, "datum", &p.datum))))
		return ctx_close(&x, rc);
	if (kosten_bedrag_parse(bedrag_text, &p.bedrag))
		return ctx_close(&x,
				 cli_usage_error("'%s' is geen bedrag in euro "
						 "(schrijf bijvoorbeeld "
						 "1.234,56).",
						 bedrag_text));
	p.code = x.pos[0];
	p.eenheid = eenheid;
	p.kostensoort = soort;
	p.taakveld = taakveld;
	if (store_kostenpost_zet(x.s, sw, jaar, &p, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	printf("Kostenpost %s van %s in %d: %s.\n", p.code, sw, jaar,
	       bedrag_a(&x.a, p.bedrag));
	return ctx_close(&x, 0);
}

static int
kostenpost_verwijder(int argc, char **argv)
{
	const char *sw = NULL, *jaar_text = NULL;
	const struct opt opts[] = { { "samenwerking", &sw, NULL },
				    { "jaar", &jaar_text, NULL },
				    { NULL, NULL, NULL } };
	struct ctx x;
	int rc, jaar = 0;

	if ((rc = ctx_open(&x, argc, argv, opts, 1, usage)) >= 0)
		return rc;
	if ((rc = ctx_vereist(&x, 1, sw, jaar_text, &jaar,
			      "de code, --samenwerking en --jaar")))
		return ctx_close(&x, rc);
	if (store_kostenpost_delete(x.s, sw, jaar, x.pos[0], &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	printf("Kostenpost %s van %s in %d is verwijderd.\n", x.pos[0], sw,
	       jaar);
	return ctx_close(&x, 0);
}

int
cmd_kostenpost(int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "lijst", kostenpost_lijst },
		{ "importeer", kostenpost_import },
		{ "zet", kostenpost_zet },
		{ "verwijder", kostenpost_verwijder },
		{ NULL, NULL },
	};
	return cli_dispatch(argc, argv, subs, usage);
}

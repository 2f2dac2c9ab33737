/*
 * cmd_verdeling.c - `ambt verdeling`: the contribution calculation
 * (docs/allocation.md).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../core/kostenverdeling.h"
#include "../present/kostenverdeling.h"
#include "../present/present.h"
#include "commands.h"
#include "../banned.h"

static const char usage[] =
	"Gebruik:\n"
	"  ambt verdeling bereken --input BESTAND.json [--format "
	"tabel|json]\n\n"
	"bereken verdeelt de kosten van een jaar over de gemeenten, tot op "
	"de cent:\nelke kostenpost met haar verdeelsleutel, de "
	"ondersteunende afdelingen via\nde primaire, één afronding per "
	"kostenpost. Met --input rekent het op een\ninvoerdocument "
	"(docs/allocation.md); --format json geeft elk blad met zijn\n"
	"exacte breuk.\n";

static const char *
bedrag(struct arena *a, int64_t cent)
{
	char buf[48];
	present_bedrag_nl(cent, buf, sizeof buf);
	return arena_strdup(a, buf);
}

/* The result as tables a person can read. */
static void
toon_tabel(struct arena *a, const struct kv_uitkomst *u)
{
	struct table t;
	static const char *const h[] = { "Gemeente", "Bijdrage", "Voorschot",
					 "Af te rekenen" };
	size_t nk = u->heeft_voorschotten ? 4 : 2;

	printf("Kostenverdeling %d\n\n", u->jaar);
	table_init(&t, a, nk, h);
	for (size_t m = 0; m < u->ngemeenten; m++) {
		const struct kv_gemeente_uit *g = &u->per_gemeente[m];
		const char *row[] = { u->gemeenten[m], bedrag(a, g->totaal),
				      bedrag(a, g->voorschot),
				      bedrag(a, g->saldo) };
		table_row(&t, row);
	}
	const char *tot[] = { "Totaal", bedrag(a, u->totaal), "", "" };
	table_row(&t, tot);
	table_print(&t, stdout, "");

	/* Per department the cost came from, one column per municipality. */
	const char **hk = arena_calloc(a, u->ngemeenten + 1, sizeof *hk);
	const char **row = arena_calloc(a, u->ngemeenten + 1, sizeof *row);
	if (!hk || !row)
		return;
	hk[0] = "Herkomst";
	for (size_t m = 0; m < u->ngemeenten; m++)
		hk[m + 1] = u->gemeenten[m];
	table_init(&t, a, u->ngemeenten + 1, hk);
	for (size_t d = 0; d < u->nafdelingen; d++) {
		int iets = 0;
		row[0] = u->afdelingen[d]->id;
		for (size_t m = 0; m < u->ngemeenten; m++) {
			int64_t c = u->per_gemeente[m].per_herkomst[d];
			iets |= c != 0;
			row[m + 1] = bedrag(a, c);
		}
		if (iets)
			table_row(&t, row);
	}
	printf("\nPer afdeling waar de kosten vandaan komen:\n\n");
	table_print(&t, stdout, "");
	printf("\n%zu kostenposten, %zu bladen. Elke kostenpost is één keer "
	       "afgerond;\neen gemeente wijkt hoogstens %lld cent af van "
	       "haar exacte totaal.\nInvoer (SHA-256): %s\n",
	       u->nposten, u->nbladen, (long long)u->max_afrondingsverschil,
	       u->sha256);
}

static int
verdeling_bereken(int argc, char **argv)
{
	const char *invoer = NULL;
	const struct opt opts[] = { { "input", &invoer, NULL },
				    { NULL, NULL, NULL } };
	struct cli_common c = { 0 };
	const char *pos[1];
	size_t npos = 0;
	int rc = cli_parse(argc, argv, opts, &c, pos, 0, &npos, usage);
	if (rc || c.help)
		return rc;
	if (!invoer)
		return cli_usage_error("Geef het invoerdocument met --input "
				       "BESTAND.json.");
	if (c.format == FORMAT_CSV)
		return cli_usage_error("Kies --format tabel of json.");
	struct cli_bestand f;
	if ((rc = cli_read_file(invoer, &f)))
		return rc;
	struct arena a;
	struct err e;
	struct kv_invoer in;
	struct kv_uitkomst u;
	arena_init(&a, 1u << 30);
	enum status st = kv_json_lees(f.data, f.n, &a, &in, &e);
	cli_file_free(&f);
	if (st == ST_OK)
		st = kv_bereken(&in, &a, &u, &e);
	if (st != ST_OK) {
		rc = cli_fail_bij(&e, "niet berekend");
		arena_free(&a);
		return rc;
	}
	if (c.format == FORMAT_JSON)
		json_print(kv_json_uitkomst(&u), stdout);
	else
		toon_tabel(&a, &u);
	arena_free(&a);
	return 0;
}

int
cmd_verdeling(int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "bereken", verdeling_bereken },
		{ NULL, NULL },
	};
	return cli_dispatch(argc, argv, subs, usage);
}

/*
 * cmd_rooster.c - `ambt rooster`: who works at which location when, with
 * which skills; single days and weekly series. Listed as a week grid.
 */
#include <stdlib.h>
#include <string.h>

#include "afspraak_cli.h"
#include "commands.h"
#include "../present/afspraak.h"
#include "../banned.h"

#define MAX_BEHALVE 366

static const char usage[] =
	"Gebruik:\n"
	"  ambt rooster toevoegen --medewerker NUMMER [--samenwerking CODE]\n"
	"                   --vestiging CODE --datum JJJJ-MM-DD --van 08:30 "
	"--tot 12:30\n"
	"                   [--vaardigheden a,b] [--herhaal-tot JJJJ-MM-DD]\n"
	"                   [--behalve JJJJ-MM-DD,JJJJ-MM-DD]\n"
	"  ambt rooster lijst (--vestiging CODE | --medewerker NUMMER\n"
	"                   [--samenwerking CODE] | --gemeente CODE)\n"
	"                   --van JJJJ-MM-DD --tot JJJJ-MM-DD [--lijst]\n"
	"                   [--format tabel|json|csv]\n"
	"  ambt rooster verwijder NUMMER [--reeks]\n\n"
	"Het rooster zegt welke medewerker (uit het medewerkersregister) op "
	"welke\ndag van wanneer tot wanneer op welke vestiging werkt, met "
	"welke\nvaardigheden (de codes die producten vragen, zoals "
	"reisdocumenten). Met\n--herhaal-tot herhaalt de dienst elke week op "
	"dezelfde weekdag tot en met\ndie datum, behalve op de datums van "
	"--behalve. Iemand kan niet op twee\nplaatsen tegelijk staan. 'lijst' "
	"toont per week een rooster (met --lijst\nelke dienst op een regel, "
	"met zijn nummer); 'verwijder --reeks' verwijdert\nook de volgende "
	"diensten van dezelfde reeks.\n";

static int
r_add(int argc, char **argv)
{
	const char *mw = NULL, *sw = NULL, *vest = NULL, *datum = NULL,
		   *van = NULL, *tot = NULL, *vaard = NULL, *herhaal = NULL,
		   *behalve = NULL;
	const struct opt opts[] = { { "medewerker", &mw, NULL },
				    { "samenwerking", &sw, NULL },
				    { "vestiging", &vest, NULL },
				    { "datum", &datum, NULL },
				    { "van", &van, NULL },
				    { "tot", &tot, NULL },
				    { "vaardigheden", &vaard, NULL },
				    { "herhaal-tot", &herhaal, NULL },
				    { "behalve", &behalve, NULL },
				    { NULL, NULL, NULL } };
	struct dienst d = { .vaardigheden = "" };
	day_t tot_dag = DATE_NONE, *uitz = NULL;
	size_t nuitz = 0, nids = 0;
	int64_t *ids;
	struct ctx x;
	bool reeks = true;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	if (!mw || !vest || !datum || !van || !tot)
		return ctx_close(
			&x, cli_usage_error("Geef --medewerker, --vestiging, "
					    "--datum, --van en --tot."));
	d.medewerker = mw;
	d.samenwerking = sw;
	d.vestiging = vest;
	if (vaard)
		d.vaardigheden = vaard;
	if ((rc = cli_date(datum, "datum", &d.datum)) ||
	    (rc = cli_minuut(van, "--van", &d.van)) ||
	    (rc = cli_minuut(tot, "--tot", &d.tot)) ||
	    (herhaal && (rc = cli_date(herhaal, "herhaal-tot", &tot_dag))))
		return ctx_close(&x, rc);
	if (behalve) {
		const char **l;
		int nl = cli_komma_lijst(&x.a, behalve, "--behalve",
					 MAX_BEHALVE, &l);

		if (nl < 0)
			return ctx_close(&x, EXIT_USER);
		uitz = arena_calloc(&x.a, (size_t)nl + 1, sizeof(*uitz));
		for (int i = 0; uitz && i < nl; i++)
			if ((rc = cli_date(l[i], "behalve", &uitz[nuitz++])))
				return ctx_close(&x, rc);
	}
	if (store_dienst_add(x.s, &d, tot_dag, uitz, nuitz, &x.a, &ids, &nids,
			     &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	for (size_t i = 1; i < nids; i++)
		if (ids[i] != ids[i - 1] + 1)
			reeks = false;
	if (nids == 1)
		printf("Dienst %lld toegevoegd.\n", (long long)ids[0]);
	else if (nids && reeks)
		printf("%zu diensten toegevoegd, elke week tot en met %s: "
		       "nummers %lld tot en met %lld.\n",
		       nids, date_nl_a(&x.a, tot_dag), (long long)ids[0],
		       (long long)ids[nids - 1]);
	else {
		printf("%zu diensten toegevoegd, elke week tot en met %s: "
		       "nummers",
		       nids, date_nl_a(&x.a, tot_dag));
		for (size_t i = 0; i < nids; i++)
			printf("%s %lld", i ? "," : "", (long long)ids[i]);
		printf(".\n");
	}
	return ctx_close(&x, 0);
}

/* What a grid row is about: the staff member (at a location) or the
 * location (of a staff member). */
static const char *
rij_van(struct ctx *x, const struct dienst *d, bool per_medewerker)
{
	if (!per_medewerker)
		return d->vestiging;
	return d->medewerker_naam ? fmt_a(&x->a, "%s %s", d->medewerker,
					  d->medewerker_naam)
				  : d->medewerker;
}

/* One week (from Monday `ma`) as a table: a row per person or location,
 * a column per day. */
static void
week(struct ctx *x, const struct dienst *d, size_t n, day_t ma, day_t van,
     day_t tot, bool per_medewerker)
{
	static const char *const kort[7] = { "ma", "di", "wo", "do",
					     "vr", "za", "zo" };
	const char *h[8];
	const char **rijen = arena_calloc(&x->a, n + 1, sizeof(*rijen));
	size_t nrijen = 0;
	struct table t;
	char kop[192], a[64], b[64];

	if (!rijen)
		return;
	h[0] = per_medewerker ? "Medewerker" : "Vestiging";
	for (int k = 0; k < 7; k++) {
		int y, m, dd;

		date_to_ymd(ma + k, &y, &m, &dd);
		h[k + 1] = fmt_a(&x->a, "%s %d-%d", kort[k], dd, m);
	}
	for (size_t i = 0; i < n; i++) {
		const char *r;
		size_t j;

		if (d[i].datum < ma || d[i].datum > ma + 6)
			continue;
		r = rij_van(x, &d[i], per_medewerker);
		for (j = 0; j < nrijen && strcmp(rijen[j], r) != 0; j++)
			;
		if (j == nrijen)
			rijen[nrijen++] = r;
	}
	for (size_t j = 1; j < nrijen; j++) /* rows in order of their name */
		for (size_t k = j; k > 0 && strcmp(rijen[k - 1], rijen[k]) > 0;
		     k--) {
			const char *r = rijen[k];

			rijen[k] = rijen[k - 1];
			rijen[k - 1] = r;
		}
	date_format_nl(ma < van ? van : ma, a, sizeof(a));
	date_format_nl(ma + 6 > tot ? tot : ma + 6, b, sizeof(b));
	{
		int y, m, dd;
		day_t donderdag = ma + 3;

		date_to_ymd(donderdag, &y, &m, &dd);
		snprintf(kop, sizeof(kop), "Week %d van %d: %s tot en met %s",
			 (int)((donderdag - date_from_ymd(y, 1, 1)) / 7 + 1), y,
			 a, b);
	}
	printf("%s\n", kop);
	if (!nrijen) {
		printf("  (niemand ingeroosterd)\n\n");
		return;
	}
	table_init(&t, &x->a, 8, h);
	for (size_t j = 0; j < nrijen; j++) {
		const char *cel[8] = { rijen[j], "", "", "", "", "", "", "" };

		for (size_t i = 0; i < n; i++) {
			int k = (int)(d[i].datum - ma);
			char v[PRESENT_MINUUT_LEN], w[PRESENT_MINUUT_LEN];

			if (k < 0 || k > 6 ||
			    strcmp(rij_van(x, &d[i], per_medewerker),
				   rijen[j]) != 0)
				continue;
			present_minuut(d[i].van, v);
			present_minuut(d[i].tot, w);
			cel[k + 1] = fmt_a(&x->a, "%s%s%s-%s", cel[k + 1],
					   *cel[k + 1] ? " " : "", v, w);
		}
		table_row(&t, cel);
	}
	table_print(&t, stdout, "  ");
	printf("\n");
}

static int
r_list(int argc, char **argv)
{
	const char *vest = NULL, *mw = NULL, *sw = NULL, *gemeente = NULL,
		   *van = NULL, *tot = NULL;
	bool lijst = false;
	const struct opt opts[] = {
		{ "vestiging", &vest, NULL },  { "medewerker", &mw, NULL },
		{ "samenwerking", &sw, NULL }, { "gemeente", &gemeente, NULL },
		{ "van", &van, NULL },	       { "tot", &tot, NULL },
		{ "lijst", NULL, &lijst },     { NULL, NULL, NULL }
	};
	static const char *const h[] = { "Nummer", "Datum",	   "Van",
					 "Tot",	   "Vestiging",	   "Medewerker",
					 "Naam",   "Vaardigheden", "Reeks" };
	struct dienst_filter f = { 0 };
	struct dienst *d;
	struct ctx x;
	size_t n;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	if ((!vest && !mw && !gemeente) || !van || !tot)
		return ctx_close(
			&x, cli_usage_error("Noem --vestiging, --medewerker "
					    "of --gemeente, en --van en "
					    "--tot."));
	f.vestiging = vest;
	f.medewerker = mw;
	f.samenwerking = sw;
	f.gemeente = gemeente;
	if ((rc = cli_date(van, "van", &f.van)) ||
	    (rc = cli_date(tot, "tot", &f.tot)))
		return ctx_close(&x, rc);
	if (f.tot < f.van || f.tot - f.van > 365)
		return ctx_close(
			&x, cli_usage_error("--tot ligt op of na --van, en "
					    "hoogstens een jaar verder."));
	if (store_dienst_list(x.s, &f, &x.a, &d, &n, &x.e))
		return ctx_close(&x, cli_fail_bij(&x.e, "geen rooster"));
	if (x.c.format == FORMAT_JSON) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, present_dienst_json(&d[i]));
		json_print(arr, stdout);
		return ctx_close(&x, 0);
	}
	if (lijst || x.c.format == FORMAT_CSV) {
		struct table t;

		table_init(&t, &x.a, 9, h);
		for (size_t i = 0; i < n; i++) {
			char v[PRESENT_MINUUT_LEN], w[PRESENT_MINUUT_LEN];
			const char *row[9];

			present_minuut(d[i].van, v);
			present_minuut(d[i].tot, w);
			row[0] = fmt_a(&x.a, "%lld", (long long)d[i].id);
			row[1] = ctx_date(&x, d[i].datum);
			row[2] = arena_strdup(&x.a, v);
			row[3] = arena_strdup(&x.a, w);
			row[4] = d[i].vestiging;
			row[5] = d[i].medewerker;
			row[6] = d[i].medewerker_naam;
			row[7] = d[i].vaardigheden;
			row[8] = d[i].reeks ? fmt_a(&x.a, "%lld",
						    (long long)d[i].reeks)
					    : "";
			table_row(&t, row);
		}
		ctx_table(&x, &t);
		return ctx_close(&x, 0);
	}
	for (day_t ma = f.van - date_weekday(f.van); ma <= f.tot; ma += 7)
		week(&x, d, n, ma, f.van, f.tot, !mw);
	return ctx_close(&x, 0);
}

static int
r_delete(int argc, char **argv)
{
	bool reeks = false;
	const struct opt opts[] = { { "reeks", NULL, &reeks },
				    { NULL, NULL, NULL } };
	int64_t id;
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 1, usage)) >= 0)
		return rc;
	if (x.npos != 1)
		return ctx_close(&x, cli_usage_error("Noem het nummer van de "
						     "dienst."));
	if ((rc = cli_int(x.pos[0], "nummer", 1, INT64_MAX, &id)))
		return ctx_close(&x, rc);
	if (store_dienst_delete(x.s, id, reeks, &x.e))
		return ctx_close(&x, cli_fail_bij(&x.e, "niet verwijderd"));
	printf(reeks ? "Dienst %lld en de volgende van zijn reeks "
		       "verwijderd.\n"
		     : "Dienst %lld verwijderd.\n",
	       (long long)id);
	return ctx_close(&x, 0);
}

int
cmd_rooster(int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "toevoegen", r_add },
		{ "lijst", r_list },
		{ "verwijder", r_delete },
		{ NULL, NULL },
	};
	return cli_dispatch(argc, argv, subs, usage);
}

/*
 * cmd_afspraken.c - `ambt afspraken`: the limits of the front office as
 * a whole (docs/design/appointments.md, "Grenzen"): erasing residents'
 * personal data after each municipality's retention period, the
 * planners' release of times in waves, and the waiting list.
 */
#include <stdlib.h>
#include <string.h>

#include "afspraak_cli.h"
#include "commands.h"
#include "../present/afspraak.h"
#include "../banned.h"

static const char usage[] =
	"Gebruik:\n"
	"  ambt afspraken opschonen [--gemeente CODE]\n"
	"  ambt afspraken instelling --gemeente CODE [--bewaartermijn DAGEN]\n"
	"                          [--max-open N] [--max-per-dag N] "
	"[--web-aandeel PROCENT]\n"
	"  ambt afspraken vrijgave toevoegen --gemeente CODE --vanaf JJJJ-MM-DD\n"
	"                          --moment JJJJ-MM-DDTUU:MM [--vestiging "
	"CODE]\n"
	"                          [--product CODE]\n"
	"  ambt afspraken vrijgave lijst --gemeente CODE [--format "
	"tabel|json|csv]\n"
	"  ambt afspraken vrijgave verwijder NUMMER --gemeente CODE\n"
	"  ambt afspraken wachtlijst --gemeente CODE [--format "
	"tabel|json|csv]\n\n"
	"'opschonen' wist naam, e-mailadres en telefoonnummer van de "
	"afspraken die\nlanger dan de bewaartermijn van hun gemeente voorbij "
	"zijn (standaard 90\ndagen); tijden, vestiging, producten en status "
	"blijven voor de cijfers.\nBerichten over die afspraken die nog niet "
	"verstuurd zijn, vervallen. De\nserver doet dit ook zelf, eens per "
	"dag.\n\n"
	"Een vrijgave houdt tijden vast tot een moment: de tijden vanaf "
	"--vanaf\n(van alle vestigingen en producten van de gemeente, of van "
	"--vestiging of\n--product) zijn pas vanaf --moment te zien en te "
	"boeken.\n\n"
	"'wachtlijst' toont wie op de wachtlijst van de gemeente staat: wie "
	"nog\nwacht (op volgorde van aanmelden) en wie een vrijgekomen tijd "
	"kreeg\naangeboden. Wie wacht, krijgt de tijd van een afgezegde of "
	"verzette\nafspraak per e-mail aangeboden.\n\n"
	"'instelling' toont of wijzigt per gemeente de bewaartermijn en de "
	"grenzen\nper e-mailadres: hoeveel afspraken tegelijk open mogen "
	"staan (--max-open,\nstandaard 3) en hoeveel er per dag gemaakt "
	"mogen worden (--max-per-dag,\nstandaard 10); en welk deel van de "
	"ingeroosterde tijd van een vestiging op\neen dag inwoners zelf "
	"mogen boeken (--web-aandeel, standaard 100 procent): de\nrest "
	"blijft voor afspraken die medewerkers aan de balie of telefoon "
	"maken.\n";

static int
opschonen(int argc, char **argv)
{
	const char *gemeente = NULL;
	const struct opt opts[] = { { "gemeente", &gemeente, NULL },
				    { NULL, NULL, NULL } };
	struct opschoning *o;
	size_t n, totaal = 0;
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	store_set_actor(x.s, "systeem:opschonen", "bewaartermijn",
			"opdrachtregel");
	if (store_afspraak_opschonen(x.s, gemeente, &x.a, &o, &n, &x.e))
		return ctx_close(&x, cli_fail_bij(&x.e, "niet opgeschoond"));
	for (size_t i = 0; i < n; i++) {
		totaal += o[i].afspraken + o[i].wachtlijst;
		if (o[i].afspraken)
			printf("%s: van %zu %s de persoonsgegevens gewist "
			       "(bewaartermijn %d dagen); %zu %s vervallen.\n",
			       o[i].gemeente, o[i].afspraken,
			       o[i].afspraken == 1 ? "afspraak" : "afspraken",
			       o[i].bewaartermijn, o[i].berichten,
			       o[i].berichten == 1 ? "bericht" : "berichten");
		if (o[i].wachtlijst)
			printf("%s: %zu %s van de wachtlijst gehaald "
			       "(bewaartermijn %d dagen).\n",
			       o[i].gemeente, o[i].wachtlijst,
			       o[i].wachtlijst == 1 ? "aanmelding"
						    : "aanmeldingen",
			       o[i].bewaartermijn);
	}
	if (totaal == 0)
		printf("Niets te wissen: geen afspraak is langer dan de "
		       "bewaartermijn voorbij.\n");
	return ctx_close(&x, 0);
}

static int
instelling(int argc, char **argv)
{
	const char *gemeente = NULL, *bewaar = NULL, *open = NULL, *dag = NULL,
		   *web = NULL;
	const struct opt opts[] = { { "gemeente", &gemeente, NULL },
				    { "bewaartermijn", &bewaar, NULL },
				    { "max-open", &open, NULL },
				    { "max-per-dag", &dag, NULL },
				    { "web-aandeel", &web, NULL },
				    { NULL, NULL, NULL } };
	struct afspraak_instelling i;
	int64_t v;
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	if (!gemeente)
		return ctx_close(&x, cli_usage_error("Noem --gemeente."));
	if (store_afspraak_instelling_get(x.s, gemeente, &x.a, &i, &x.e))
		return ctx_close(&x, cli_fail_bij(&x.e, "geen instelling"));
	if (bewaar) {
		if (cli_int(bewaar, "--bewaartermijn", 1, 3650, &v))
			return ctx_close(&x, EXIT_USER);
		i.bewaartermijn = (int)v;
	}
	if (open) {
		if (cli_int(open, "--max-open", 1, GRENS_MAX_OPEN_MAX, &v))
			return ctx_close(&x, EXIT_USER);
		i.max_open = (int)v;
	}
	if (dag) {
		if (cli_int(dag, "--max-per-dag", 1, GRENS_EMAIL_MAX_MAX, &v))
			return ctx_close(&x, EXIT_USER);
		i.max_per_dag = (int)v;
	}
	if (web) {
		if (cli_int(web, "--web-aandeel", 1, 100, &v))
			return ctx_close(&x, EXIT_USER);
		i.web_aandeel = (int)v;
	}
	if ((bewaar || open || dag || web) &&
	    store_afspraak_instelling_update(x.s, &i, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	printf("%s: persoonsgegevens %d dagen bewaard; per e-mailadres "
	       "hoogstens %d %s open en %d per dag; inwoners boeken zelf "
	       "hoogstens %d%% van de ingeroosterde tijd.\n",
	       gemeente, i.bewaartermijn, i.max_open,
	       i.max_open == 1 ? "afspraak" : "afspraken", i.max_per_dag,
	       i.web_aandeel);
	return ctx_close(&x, 0);
}

static int
v_add(int argc, char **argv)
{
	const char *gemeente = NULL, *vanaf = NULL, *moment = NULL,
		   *vest = NULL, *product = NULL;
	const struct opt opts[] = {
		{ "gemeente", &gemeente, NULL }, { "vanaf", &vanaf, NULL },
		{ "moment", &moment, NULL },	 { "vestiging", &vest, NULL },
		{ "product", &product, NULL },	 { NULL, NULL, NULL }
	};
	struct vrijgave r = { 0 };
	struct ctx x;
	int64_t id;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	if (!gemeente || !vanaf || !moment)
		return ctx_close(&x, cli_usage_error("Noem --gemeente, --vanaf "
						     "en --moment."));
	if ((rc = cli_date(vanaf, "vanaf", &r.vanaf)) ||
	    (rc = cli_tijdstip(moment, "--moment", &r.moment)))
		return ctx_close(&x, rc);
	r.gemeente = gemeente;
	r.vestiging = vest;
	r.product = product;
	if (store_vrijgave_add(x.s, &r, &id, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	printf("Vrijgave %lld: tijden vanaf %s zijn te boeken vanaf %s.\n",
	       (long long)id, date_nl_a(&x.a, r.vanaf),
	       cli_tijd_a(&x.a, r.moment));
	return ctx_close(&x, 0);
}

static int
v_list(int argc, char **argv)
{
	const char *gemeente = NULL;
	const struct opt opts[] = { { "gemeente", &gemeente, NULL },
				    { NULL, NULL, NULL } };
	static const char *const h[] = { "Nummer", "Vanaf", "Te boeken vanaf",
					 "Vestiging", "Product" };
	struct vrijgave *r;
	struct table t;
	struct ctx x;
	size_t n;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	if (!gemeente)
		return ctx_close(&x, cli_usage_error("Noem --gemeente."));
	if (store_vrijgave_list(x.s, gemeente, &x.a, &r, &n, &x.e))
		return ctx_close(&x, cli_fail_bij(&x.e, "geen vrijgaven"));
	if (x.c.format == FORMAT_JSON) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr,
					      present_vrijgave_json(&r[i]));
		json_print(arr, stdout);
		return ctx_close(&x, 0);
	}
	table_init(&t, &x.a, 5, h);
	for (size_t i = 0; i < n; i++) {
		const char *row[] = {
			fmt_a(&x.a, "%lld", (long long)r[i].id),
			ctx_date(&x, r[i].vanaf),
			cli_tijd_a(&x.a, r[i].moment),
			r[i].vestiging ? r[i].vestiging : "(alle)",
			r[i].product ? r[i].product : "(alle)",
		};
		table_row(&t, row);
	}
	if (n || x.c.format == FORMAT_CSV)
		ctx_table(&x, &t);
	else
		printf("Geen vrijgaven: alle tijden zijn te boeken.\n");
	return ctx_close(&x, 0);
}

static int
v_delete(int argc, char **argv)
{
	const char *gemeente = NULL;
	const struct opt opts[] = { { "gemeente", &gemeente, NULL },
				    { NULL, NULL, NULL } };
	struct ctx x;
	int64_t id;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 1, usage)) >= 0)
		return rc;
	if (x.npos != 1 || !gemeente)
		return ctx_close(&x, cli_usage_error("Noem het nummer en "
						     "--gemeente."));
	if (cli_int(x.pos[0], "nummer", 1, INT64_MAX, &id))
		return ctx_close(&x, EXIT_USER);
	if (store_vrijgave_delete(x.s, gemeente, id, &x.e))
		return ctx_close(&x, cli_fail_bij(&x.e, "niet verwijderd"));
	printf("Vrijgave %lld verwijderd.\n", (long long)id);
	return ctx_close(&x, 0);
}

/* The waiting list of a municipality, waiting ones first. */
static int
wachtlijst(int argc, char **argv)
{
	const char *gemeente = NULL;
	const struct opt opts[] = { { "gemeente", &gemeente, NULL },
				    { NULL, NULL, NULL } };
	static const char *const h[] = { "Code",     "Product", "Naam",
					 "E-mail",   "Sinds",	"Aangeboden",
					 "Vestiging" };
	struct wachtplaats *w;
	struct table t;
	struct ctx x;
	size_t n;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	if (!gemeente)
		return ctx_close(&x, cli_usage_error("Noem --gemeente."));
	if (store_wachtlijst_list(x.s, gemeente, &x.a, &w, &n, &x.e))
		return ctx_close(&x, cli_fail_bij(&x.e, "geen wachtlijst"));
	if (x.c.format == FORMAT_JSON) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++)
			json_array_append_new(
				arr, present_wachtplaats_json(&w[i], true));
		json_print(arr, stdout);
		return ctx_close(&x, 0);
	}
	table_init(&t, &x.a, 7, h);
	for (size_t i = 0; i < n; i++) {
		const char *row[] = {
			w[i].referentie,
			w[i].product,
			w[i].naam,
			w[i].email,
			cli_tijd_a(&x.a, w[i].aangemeld),
			w[i].aangeboden ? cli_tijd_a(&x.a, w[i].aanbod_start)
					: "(wacht)",
			w[i].aanbod_vestiging ? w[i].aanbod_vestiging : "",
		};
		table_row(&t, row);
	}
	if (n || x.c.format == FORMAT_CSV)
		ctx_table(&x, &t);
	else
		printf("Niemand op de wachtlijst.\n");
	return ctx_close(&x, 0);
}

static int
vrijgave(int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "toevoegen", v_add },
		{ "lijst", v_list },
		{ "verwijder", v_delete },
		{ NULL, NULL },
	};
	return cli_dispatch(argc, argv, subs, usage);
}

int
cmd_afspraken(int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "opschonen", opschonen },
		{ "instelling", instelling },
		{ "vrijgave", vrijgave },
		{ "wachtlijst", wachtlijst },
		{ NULL, NULL },
	};
	return cli_dispatch(argc, argv, subs, usage);
}

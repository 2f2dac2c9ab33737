/*
 * cmd_product.c - `ambt product`: a municipality's catalogue of front
 * office products (balieproducten), and seeding it with the standard one.
 */
#include <stdlib.h>
#include <string.h>

#include "afspraak_cli.h"
#include "commands.h"
#include "../present/afspraak.h"
#include "../banned.h"

static const char usage[] =
	"Gebruik:\n"
	"  ambt product lijst --gemeente CODE [--alle] [--format "
	"tabel|json|csv]\n"
	"  ambt product toon CODE --gemeente CODE [--format tabel|json]\n"
	"  ambt product toevoegen --gemeente CODE --code CODE --naam NAAM --duur "
	"MINUTEN\n"
	"                   [--kanalen fysiek,video] [--vaardigheden a,b]\n"
	"                   [--max-personen N] [--voorbereiding MINUTEN]\n"
	"                   [--horizon DAGEN] [--buffer MINUTEN] [--meenemen "
	"TEKST]\n"
	"                   [--upl URI] [--inactief]\n"
	"  ambt product wijzig CODE --gemeente CODE (dezelfde opties als toevoegen,\n"
	"                   behalve --code; --actief of --inactief; wat u "
	"weglaat blijft)\n"
	"  ambt product standaard --gemeente CODE\n\n"
	"Een product is wat een inwoner aan de balie komt doen, per gemeente: "
	"de duur\nper persoon (een veelvoud van 5 minuten), de kanalen (aan de "
	"balie: fysiek,\nof per video), de vaardigheden die een medewerker "
	"ervoor nodig heeft, hoe\nlang vooraf (--voorbereiding, minuten) en "
	"hoe ver vooruit (--horizon, dagen)\niemand kan boeken, de tijd na "
	"afloop (--buffer) en hoeveel personen in één\nafspraak passen. "
	"'standaard' voegt de standaardcatalogus toe (paspoort,\nidentiteitskaart, "
	"rijbewijs, uittreksel BRP, aangifte geboorte en overlijden,\n"
	"verhuizing, melding voorgenomen huwelijk); producten die de gemeente "
	"al\nheeft blijven zoals ze zijn.\n";

static const char *
kanalen_tekst(const struct balieproduct *p)
{
	return p->fysiek && p->video ? "fysiek, video"
	       : p->video	     ? "video"
				     : "fysiek";
}

static int
p_list(int argc, char **argv)
{
	const char *gemeente = NULL;
	bool alle = false;
	const struct opt opts[] = { { "gemeente", &gemeente, NULL },
				    { "alle", NULL, &alle },
				    { NULL, NULL, NULL } };
	static const char *const h[] = { "Code",    "Naam",	     "Duur",
					 "Kanalen", "Max. personen", "Actief" };
	struct balieproduct *p;
	struct table t;
	struct ctx x;
	size_t n;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	if (!gemeente)
		return ctx_close(&x, cli_usage_error("Noem de --gemeente."));
	if (store_balieproduct_list(x.s, gemeente, alle, &x.a, &p, &n, &x.e))
		return ctx_close(&x, cli_fail_bij(&x.e, "geen producten"));
	if (x.c.format == FORMAT_JSON) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr,
					      present_balieproduct_json(&p[i]));
		json_print(arr, stdout);
		return ctx_close(&x, 0);
	}
	table_init(&t, &x.a, 6, h);
	for (size_t i = 0; i < n; i++) {
		const char *row[] = {
			p[i].code,
			p[i].naam,
			fmt_a(&x.a, x.c.format == FORMAT_CSV ? "%d" : "%d min",
			      p[i].duur),
			kanalen_tekst(&p[i]),
			fmt_a(&x.a, "%d", p[i].max_personen),
			p[i].actief ? "ja" : "nee",
		};
		table_row(&t, row);
	}
	ctx_table(&x, &t);
	return ctx_close(&x, 0);
}

static int
p_show(int argc, char **argv)
{
	const char *gemeente = NULL;
	const struct opt opts[] = { { "gemeente", &gemeente, NULL },
				    { NULL, NULL, NULL } };
	struct balieproduct p;
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 1, usage)) >= 0)
		return rc;
	if (x.npos != 1 || !gemeente)
		return ctx_close(&x, cli_usage_error("Noem het product en de "
						     "--gemeente."));
	if (store_balieproduct_get(x.s, gemeente, x.pos[0], &x.a, &p, &x.e))
		return ctx_close(&x,
				 cli_fail_bij(&x.e, "product niet getoond"));
	if (x.c.format == FORMAT_JSON) {
		json_print(present_balieproduct_json(&p), stdout);
		return ctx_close(&x, 0);
	}
	printf("Product         %s\n", p.code);
	printf("Naam            %s\n", p.naam);
	printf("Gemeente        %s\n", p.gemeente);
	if (p.upl_uri)
		printf("UPL             %s\n", p.upl_uri);
	printf("Duur            %d minuten per persoon\n", p.duur);
	printf("Kanalen         %s\n", kanalen_tekst(&p));
	printf("Vaardigheden    %s\n",
	       *p.vaardigheden ? p.vaardigheden : "(geen)");
	printf("Max. personen   %d\n", p.max_personen);
	printf("Voorbereiding   %d minuten\n", p.voorbereiding);
	printf("Horizon         %d dagen\n", p.horizon);
	printf("Buffer          %d minuten\n", p.buffer);
	printf("Actief          %s\n", p.actief ? "ja" : "nee");
	if (p.meenemen)
		printf("Meenemen        %s\n", p.meenemen);
	return ctx_close(&x, 0);
}

/* A whole number option into an int field. */
static int
getal(const char *text, const char *wat, int min, int max, int *out)
{
	int64_t v;
	int rc;

	if (!text)
		return 0;
	if ((rc = cli_int(text, wat, min, max, &v)))
		return rc;
	*out = (int)v; /* within [min, max] */
	return 0;
}

static int
p_schrijf(int argc, char **argv, bool update)
{
	const char *gemeente = NULL, *code = NULL, *naam = NULL, *duur = NULL,
		   *kanalen = NULL, *vaard = NULL, *maxp = NULL, *voorb = NULL,
		   *horizon = NULL, *buffer = NULL, *meenemen = NULL,
		   *upl = NULL;
	bool inactief = false, actief = false;
	const struct opt opts[] = { { "code", &code, NULL },
				    { "gemeente", &gemeente, NULL },
				    { "naam", &naam, NULL },
				    { "duur", &duur, NULL },
				    { "kanalen", &kanalen, NULL },
				    { "vaardigheden", &vaard, NULL },
				    { "max-personen", &maxp, NULL },
				    { "voorbereiding", &voorb, NULL },
				    { "horizon", &horizon, NULL },
				    { "buffer", &buffer, NULL },
				    { "meenemen", &meenemen, NULL },
				    { "upl", &upl, NULL },
				    { "inactief", NULL, &inactief },
				    { "actief", NULL, &actief },
				    { NULL, NULL, NULL } };
	struct balieproduct p = { .fysiek = true,
				  .vaardigheden = "",
				  .horizon = 90,
				  .max_personen = 1,
				  .actief = true };
	int64_t id;
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, update ? opts + 1 : opts,
			   update ? 1 : 0, usage)) >= 0)
		return rc;
	if (update) {
		if (x.npos != 1 || !gemeente)
			return ctx_close(&x, cli_usage_error("Noem het product "
							     "en de "
							     "--gemeente."));
		if (store_balieproduct_get(x.s, gemeente, x.pos[0], &x.a, &p,
					   &x.e))
			return ctx_close(&x, cli_fail(&x.e));
	} else {
		if (!gemeente || !code || !naam || !duur)
			return ctx_close(
				&x, cli_usage_error("Geef --gemeente, --code, "
						    "--naam en --duur."));
		if (actief)
			return ctx_close(
				&x, cli_usage_error("Een nieuw product is "
						    "actief; --actief hoort "
						    "bij update."));
		p.gemeente = gemeente;
		p.code = code;
	}
	if (actief && inactief)
		return ctx_close(&x, cli_usage_error("Kies --actief of "
						     "--inactief."));
	if (naam)
		p.naam = naam;
	if (meenemen)
		p.meenemen = *meenemen ? meenemen : NULL;
	if (upl)
		p.upl_uri = *upl ? upl : NULL;
	if (vaard)
		p.vaardigheden = vaard;
	if (inactief)
		p.actief = false;
	if (actief)
		p.actief = true;
	if (kanalen) {
		const char **k;
		int nk = cli_komma_lijst(&x.a, kanalen, "--kanalen", 2, &k);

		if (nk < 0)
			return ctx_close(&x, EXIT_USER);
		p.fysiek = p.video = false;
		for (int i = 0; i < nk; i++) {
			enum kanaal kk;

			if (kanaal_parse(k[i], &kk) != 0)
				return ctx_close(
					&x, cli_usage_error("--kanalen: kies "
							    "fysiek, video of "
							    "fysiek,video."));
			if (kk == KANAAL_FYSIEK)
				p.fysiek = true;
			else
				p.video = true;
		}
	}
	if ((rc = getal(duur, "--duur", 5, 480, &p.duur)) ||
	    (rc = getal(maxp, "--max-personen", 1, AFSPRAAK_MAX_PERSONEN,
			&p.max_personen)) ||
	    (rc = getal(voorb, "--voorbereiding", 0, 43200,
			&p.voorbereiding)) ||
	    (rc = getal(horizon, "--horizon", 1, 366, &p.horizon)) ||
	    (rc = getal(buffer, "--buffer", 0, 120, &p.buffer)))
		return ctx_close(&x, rc);
	if (update ? store_balieproduct_update(x.s, &p, &x.e)
		   : store_balieproduct_add(x.s, &p, &id, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	printf("Product %s van %s %s.\n", p.code, p.gemeente,
	       update ? "bijgewerkt" : "toegevoegd");
	return ctx_close(&x, 0);
}

static int
p_add(int argc, char **argv)
{
	return p_schrijf(argc, argv, false);
}

static int
p_update(int argc, char **argv)
{
	return p_schrijf(argc, argv, true);
}

static int
p_seed(int argc, char **argv)
{
	const char *gemeente = NULL;
	const struct opt opts[] = { { "gemeente", &gemeente, NULL },
				    { NULL, NULL, NULL } };
	size_t nieuw;
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	if (!gemeente)
		return ctx_close(&x, cli_usage_error("Noem de --gemeente."));
	if (store_balieproduct_seed(x.s, gemeente, &nieuw, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	printf("Standaardcatalogus voor %s: %zu %s toegevoegd.\n", gemeente,
	       nieuw, nieuw == 1 ? "product" : "producten");
	return ctx_close(&x, 0);
}

int
cmd_product(int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "lijst", p_list },	 { "toon", p_show },
		{ "toevoegen", p_add },	 { "wijzig", p_update },
		{ "standaard", p_seed }, { NULL, NULL },
	};
	return cli_dispatch(argc, argv, subs, usage);
}

/*
 * cmd_besluit.c - `ambt besluit`: the decisions register.
 */
#include <string.h>

#include "cli.h"
#include "../present/json.h"
#include "commands.h"
#include "../present/present.h"
#include "../banned.h"

static const char usage[] =
	"Gebruik:\n"
	"  ambt besluit lijst [--organisatie CBS-CODE] [--orgaan ORGAAN] "
	"[--status STATUS]\n"
	"                    [--openbaarheid O] [--van DATUM] [--tot DATUM] "
	"[--zoek TEKST]\n"
	"  ambt besluit toon IDENTIFICATIE [--organisatie CODE]\n"
	"  ambt besluit toevoegen --organisatie CBS-CODE --orgaan ORGAAN --datum "
	"DATUM\n"
	"                   --onderwerp TEKST [--identificatie ID] "
	"[--status STATUS]\n"
	"                   [--toelichting T] [--ingangsdatum D] "
	"[--vervaldatum D --vervalreden R]\n"
	"                   [--publicatiedatum D] [--portefeuillehouder "
	"NAAM] [--afdeling A]\n"
	"                   [--openbaarheid O] [--geheim-tot D]\n"
	"  ambt besluit status IDENTIFICATIE [--organisatie CODE] --status "
	"STATUS\n"
	"                      --datum DATUM [--toelichting T]\n\n"
	"ORGAAN:       gemeenteraad, college (van B&W) of burgemeester\n"
	"STATUS:       voorgesteld, aangehouden, vastgesteld, verworpen of "
	"ingetrokken\n"
	"              (bij 'toevoegen' standaard vastgesteld)\n"
	"O:            actief_openbaar, passief_openbaar (standaard) of "
	"geheim (met --geheim-tot)\n"
	"R:            tijdelijk, ingetrokken_overheid of "
	"ingetrokken_belanghebbende\n"
	"Zonder --identificatie krijgt een besluit er een: "
	"BESLUIT-<jaar>-<volgnummer>.\nEen identificatie is uniek binnen "
	"haar organisatie; noem bij show en status\nde organisatie als "
	"meer dan één organisatie dezelfde heeft.\nDatums als JJJJ-MM-DD; een besluit kan "
	"niet in de toekomst genomen zijn.\n";

/* Parse an optional date option into *out, adding a problem when bad. */
static void
opt_date(struct err *e, const char *text, const char *name, day_t *out)
{
	*out = DATE_NONE;
	if (text && date_parse(text, out))
		err_invalid(e, name, "date",
			    "'%.20s' is geen geldige datum (JJJJ-MM-DD).",
			    text);
}

/* A code as people read it: "actief_openbaar" as "actief openbaar". */
static const char *
leesbaar(struct arena *a, const char *code)
{
	char *s = arena_strdup(a, code);

	for (char *p = s; p && *p; p++)
		if (*p == '_')
			*p = ' ';
	return s ? s : code;
}

static int
b_list(int argc, char **argv)
{
	const char *org = NULL, *orgaan = NULL, *status = NULL, *open = NULL,
		   *van = NULL, *tot = NULL, *zoek = NULL;
	const struct opt opts[] = {
		{ "organisatie", &org, NULL }, { "orgaan", &orgaan, NULL },
		{ "status", &status, NULL },   { "openbaarheid", &open, NULL },
		{ "van", &van, NULL },	       { "tot", &tot, NULL },
		{ "zoek", &zoek, NULL },       { NULL, NULL, NULL },
	};
	static const char *const h[] = { "Identificatie", "Datum",
					 "Gemeente",	  "Orgaan",
					 "Status",	  "Openbaarheid",
					 "Onderwerp" };
	struct besluit_filter f;
	struct besluit *b;
	struct table t;
	struct ctx x;
	size_t n, total;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	store_besluit_filter_init(&f);
	f.organisatie = org;
	f.zoek = zoek;
	if (orgaan) {
		enum bestuursorgaan v;
		if (bestuursorgaan_parse(orgaan, &v))
			err_invalid(&x.e, "orgaan", "enum",
				    "Kies gemeenteraad, college of "
				    "burgemeester.");
		else
			f.bestuursorgaan = (int)v;
	}
	if (status) {
		enum besluit_status v;
		if (besluit_status_parse(status, &v))
			err_invalid(&x.e, "status", "enum",
				    "Kies voorgesteld, aangehouden, "
				    "vastgesteld, verworpen of ingetrokken.");
		else
			f.status = (int)v;
	}
	if (open) {
		enum openbaarheid v;
		if (openbaarheid_parse(open, &v))
			err_invalid(&x.e, "openbaarheid", "enum",
				    "Kies actief_openbaar, passief_openbaar "
				    "of geheim.");
		else
			f.openbaarheid = (int)v;
	}
	opt_date(&x.e, van, "van", &f.van);
	opt_date(&x.e, tot, "tot", &f.tot);
	if (x.e.status ||
	    store_besluit_list(x.s, &x.a, &f, &b, &n, &total, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	if (x.c.format == FORMAT_JSON) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, present_besluit_json(&b[i]));
		json_print(arr, stdout);
		return ctx_close(&x, 0);
	}
	table_init(&t, &x.a, 7, h);
	for (size_t i = 0; i < n; i++) {
		const char *row[] = {
			b[i].identificatie,
			ctx_date(&x, b[i].datum),
			b[i].organisatie_naam,
			bestuursorgaan_name(b[i].bestuursorgaan),
			besluit_status_name(b[i].status),
			x.c.format == FORMAT_TABEL
				? leesbaar(&x.a,
					   openbaarheid_name(b[i].openbaarheid))
				: openbaarheid_name(b[i].openbaarheid),
			b[i].onderwerp,
		};
		table_row(&t, row);
	}
	ctx_table(&x, &t);
	if (x.c.format == FORMAT_TABEL)
		printf("%zu besluit%s\n", total, total == 1 ? "" : "en");
	return ctx_close(&x, 0);
}

static void
field(const char *label, const char *value)
{
	if (value && *value)
		printf("%-20s %s\n", label, value);
}

static int
b_show(int argc, char **argv)
{
	const char *org = NULL;
	const struct opt opts[] = {
		{ "organisatie", &org, NULL },
		{ NULL, NULL, NULL },
	};
	struct besluit_wijziging *w;
	struct besluit b;
	struct ctx x;
	size_t nw;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 1, usage)) >= 0)
		return rc;
	if (x.npos != 1)
		return ctx_close(
			&x, cli_usage_error("noem de identificatie van het "
					    "besluit, bijvoorbeeld 'ambt "
					    "besluit show 830016'."));
	if (store_besluit_kies(x.s, &x.a, x.pos[0], org, "organisatie", &b,
			       &x.e) ||
	    store_besluit_wijzigingen(x.s, &x.a, b.id, &w, &nw, &x.e))
		return ctx_close(&x,
				 cli_fail_bij(&x.e, "besluit niet getoond"));
	if (x.c.format == FORMAT_JSON) {
		json_t *j = present_besluit_json(&b), *arr = json_array();
		for (size_t i = 0; i < nw; i++) {
			json_t *o = json_object();
			json_object_set_new(o, "soort", jstr(w[i].soort));
			json_object_set_new(o, "samenwerking",
					    jstr(w[i].samenwerking));
			json_object_set_new(o, "object", jstr(w[i].object));
			json_object_set_new(o, "van", jdate(w[i].van));
			json_object_set_new(o, "omschrijving",
					    jstr(w[i].omschrijving));
			json_array_append_new(arr, o);
		}
		json_object_set_new(j, "wijzigingen", arr);
		json_print(j, stdout);
		return ctx_close(&x, 0);
	}
	if (x.c.format == FORMAT_CSV) {
		static const char *const h[] = { "Status", "Datum",
						 "Toelichting" };
		struct table t;
		table_init(&t, &x.a, 3, h);
		for (size_t i = 0; i < b.nhistorie; i++) {
			const char *row[] = {
				besluit_status_name(b.historie[i].status),
				date_iso_a(&x.a, b.historie[i].datum),
				b.historie[i].toelichting,
			};
			table_row(&t, row);
		}
		table_csv(&t, stdout);
		return ctx_close(&x, 0);
	}
	printf("Besluit %s\n\n", b.identificatie);
	field("Onderwerp:", b.onderwerp);
	field("Gemeente:", fmt_a(&x.a, "%s (%s)", b.organisatie_naam,
				 b.verantwoordelijke_organisatie));
	field("Bestuursorgaan:", bestuursorgaan_label(b.bestuursorgaan));
	field("Datum:", date_nl_a(&x.a, b.datum));
	field("Status:", besluit_status_name(b.status));
	field("Ingangsdatum:", date_nl_a(&x.a, b.ingangsdatum));
	field("Vervaldatum:", date_nl_a(&x.a, b.vervaldatum));
	if (b.vervalreden != VERVAL_GEEN)
		field("Reden van verval:",
		      leesbaar(&x.a, vervalreden_name(b.vervalreden)));
	field("Publicatiedatum:", date_nl_a(&x.a, b.publicatiedatum));
	field("Portefeuillehouder:", b.portefeuillehouder);
	field("Afdeling:", b.afdeling);
	field("Openbaarheid:",
	      leesbaar(&x.a, openbaarheid_name(b.openbaarheid)));
	if (b.openbaarheid == OPENBAAR_GEHEIM)
		field("Geheim tot:", date_nl_a(&x.a, b.geheim_tot));
	if (b.verzonnen)
		field("Let op:", "datums of gegevens verzonnen voor de demo");
	if (b.toelichting)
		printf("\nToelichting\n  %s\n", b.toelichting);
	printf("\nStatusgeschiedenis\n");
	for (size_t i = 0; i < b.nhistorie; i++) {
		const char *t = b.historie[i].toelichting;

		printf("  %-18s %s%*s%s\n",
		       date_nl_a(&x.a, b.historie[i].datum),
		       besluit_status_name(b.historie[i].status),
		       t ? 13 - (int)strlen(besluit_status_name(
					b.historie[i].status))
			 : 0,
		       "", t ? t : "");
	}
	printf("\nWijzigingen in het register door dit besluit\n");
	if (nw == 0)
		printf("  geen\n");
	for (size_t i = 0; i < nw; i++)
		printf("  [%s] %s\n", w[i].samenwerking, w[i].omschrijving);
	return ctx_close(&x, 0);
}

static int
b_add(int argc, char **argv)
{
	const char *org = NULL, *orgaan = NULL, *datum = NULL,
		   *onderwerp = NULL, *ident = NULL, *status = NULL,
		   *toelichting = NULL, *ingang = NULL, *verval = NULL,
		   *reden = NULL, *publicatie = NULL, *ph = NULL,
		   *afdeling = NULL, *open = NULL, *geheim = NULL;
	const struct opt opts[] = {
		{ "organisatie", &org, NULL },
		{ "orgaan", &orgaan, NULL },
		{ "datum", &datum, NULL },
		{ "onderwerp", &onderwerp, NULL },
		{ "identificatie", &ident, NULL },
		{ "status", &status, NULL },
		{ "toelichting", &toelichting, NULL },
		{ "ingangsdatum", &ingang, NULL },
		{ "vervaldatum", &verval, NULL },
		{ "vervalreden", &reden, NULL },
		{ "publicatiedatum", &publicatie, NULL },
		{ "portefeuillehouder", &ph, NULL },
		{ "afdeling", &afdeling, NULL },
		{ "openbaarheid", &open, NULL },
		{ "geheim-tot", &geheim, NULL },
		{ NULL, NULL, NULL },
	};
	struct besluit b = { 0 };
	struct besluit_stap stap = { 0 };
	const char *stored = NULL;
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	b.identificatie = ident;
	b.verantwoordelijke_organisatie = org;
	if (!org)
		err_invalid(&x.e, "organisatie", "required",
			    "Noem de gemeente die besloot (--organisatie, "
			    "CBS-code).");
	if (!orgaan)
		err_invalid(&x.e, "orgaan", "required",
			    "Noem het bestuursorgaan (--orgaan): gemeenteraad, "
			    "college of burgemeester.");
	else if (bestuursorgaan_parse(orgaan, &b.bestuursorgaan))
		err_invalid(
			&x.e, "orgaan", "enum",
			"'%.20s' is geen bestuursorgaan; kies gemeenteraad, "
			"college of burgemeester.",
			orgaan);
	opt_date(&x.e, datum, "datum", &b.datum);
	opt_date(&x.e, ingang, "ingangsdatum", &b.ingangsdatum);
	opt_date(&x.e, verval, "vervaldatum", &b.vervaldatum);
	opt_date(&x.e, publicatie, "publicatiedatum", &b.publicatiedatum);
	opt_date(&x.e, geheim, "geheim-tot", &b.geheim_tot);
	b.vervalreden = VERVAL_GEEN;
	if (reden && vervalreden_parse(reden, &b.vervalreden))
		err_invalid(&x.e, "vervalreden", "enum",
			    "Kies tijdelijk, ingetrokken_overheid of "
			    "ingetrokken_belanghebbende.");
	b.onderwerp = onderwerp;
	b.toelichting = toelichting;
	b.portefeuillehouder = ph;
	b.afdeling = afdeling;
	b.openbaarheid = OPENBAAR_PASSIEF;
	if (open && openbaarheid_parse(open, &b.openbaarheid))
		err_invalid(
			&x.e, "openbaarheid", "enum",
			"Kies actief_openbaar, passief_openbaar of geheim.");
	stap.status = BESLUIT_VASTGESTELD;
	if (status && besluit_status_parse(status, &stap.status))
		err_invalid(&x.e, "status", "enum",
			    "Kies voorgesteld, aangehouden, vastgesteld, "
			    "verworpen of ingetrokken.");
	stap.datum = b.datum;
	b.status = stap.status;
	b.historie = &stap;
	b.nhistorie = 1;
	/* The store adds its own checks to the problems found so far. */
	store_besluit_add(x.s, &x.a, &b, cli_today(), &stored, NULL, &x.e);
	if (x.e.status) {
		/* The command line names --geheim-tot, the API geheimTot. */
		for (size_t i = 0; i < x.e.nproblems; i++)
			if (strcmp(x.e.problems[i].name, "geheimTot") == 0)
				memcpy(x.e.problems[i].name, "geheim-tot",
				       sizeof("geheim-tot"));
			else if (strcmp(x.e.problems[i].name,
					"verantwoordelijkeOrganisatie") == 0)
				memcpy(x.e.problems[i].name, "organisatie",
				       sizeof("organisatie"));
			else if (strcmp(x.e.problems[i].name,
					"bestuursorgaan") == 0)
				memcpy(x.e.problems[i].name, "orgaan",
				       sizeof("orgaan"));
			else if (strncmp(x.e.problems[i].name,
					 "statusHistorie[0].",
					 strlen("statusHistorie[0].")) == 0)
				memmove(x.e.problems[i].name,
					x.e.problems[i].name +
						strlen("statusHistorie[0]."),
					strlen(x.e.problems[i].name) -
						strlen("statusHistorie[0].") +
						1);
		err_dedupe(&x.e);
		return ctx_close(&x, cli_fail(&x.e));
	}
	printf("Besluit %s opgeslagen.\n", stored);
	return ctx_close(&x, 0);
}

static int
b_status(int argc, char **argv)
{
	const char *status = NULL, *datum = NULL, *toelichting = NULL,
		   *org = NULL;
	const struct opt opts[] = {
		{ "organisatie", &org, NULL },
		{ "status", &status, NULL },
		{ "datum", &datum, NULL },
		{ "toelichting", &toelichting, NULL },
		{ NULL, NULL, NULL },
	};
	struct besluit_stap stap = { 0 };
	struct besluit b;
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 1, usage)) >= 0)
		return rc;
	if (x.npos != 1)
		return ctx_close(
			&x, cli_usage_error("noem de identificatie van het "
					    "besluit."));
	if (store_besluit_kies(x.s, &x.a, x.pos[0], org, "organisatie", &b,
			       &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	if (!status)
		err_invalid(&x.e, "status", "required",
			    "Noem de nieuwe status (--status).");
	else if (besluit_status_parse(status, &stap.status))
		err_invalid(&x.e, "status", "enum",
			    "Kies voorgesteld, aangehouden, vastgesteld, "
			    "verworpen of ingetrokken.");
	if (!datum)
		err_invalid(&x.e, "datum", "required",
			    "Noem de datum van deze stap (--datum).");
	opt_date(&x.e, datum, "datum", &stap.datum);
	stap.toelichting = toelichting;
	if (x.e.status == ST_OK)
		store_besluit_stap_add(x.s, b.id, &stap, cli_today(), &x.e);
	if (x.e.status)
		return ctx_close(&x, cli_fail(&x.e));
	printf("Besluit %s is nu %s (sinds %s).\n", x.pos[0],
	       besluit_status_name(stap.status), date_nl_a(&x.a, stap.datum));
	return ctx_close(&x, 0);
}

int
cmd_besluit(int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "lijst", b_list },	{ "toon", b_show },
		{ "toevoegen", b_add }, { "status", b_status },
		{ NULL, NULL },
	};
	return cli_dispatch(argc, argv, subs, usage);
}

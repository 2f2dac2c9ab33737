/*
 * cmd_afspraak.c - `ambt vrije-tijden` and `ambt afspraak`: free times,
 * and booking, showing, moving, cancelling and listing appointments at
 * the front office. At the machine one acts as staff: no e-mail address
 * or telephone number is asked to find an appointment.
 */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "afspraak_cli.h"
#include "commands.h"
#include "../present/afspraak.h"
#include "../banned.h"

#define TIJDEN_PER_REGEL 10 /* free times on one line of the table */

static const char vt_usage[] =
	"Gebruik: ambt vrije-tijden --gemeente CODE --product CODE[,CODE]\n"
	"                           [--personen N[,N]] --van JJJJ-MM-DD --tot "
	"JJJJ-MM-DD\n"
	"                           [--kanaal fysiek|video] [--vestiging "
	"CODE]\n"
	"                           [--format tabel|json|csv]\n\n"
	"De tijden waarop een inwoner van de gemeente een afspraak kan maken "
	"voor\néén of meer producten (met --personen het aantal personen per "
	"product, in\ndezelfde volgorde; standaard 1), van --van tot en met "
	"--tot, aan de balie\n(fysiek, standaard) of per video, op elke "
	"vestiging van de gemeente of op\n--vestiging. Een tijd is vrij als "
	"er een medewerker met de nodige\nvaardigheden is ingeroosterd en een "
	"balie vrij is, binnen de\nopeningstijden, na de voorbereidingstijd en "
	"binnen de horizon van elk\nproduct.\n";

static const char usage[] =
	"Gebruik:\n"
	"  ambt afspraak toevoegen --gemeente CODE --product CODE[,CODE]\n"
	"                    [--personen N[,N]] --vestiging CODE\n"
	"                    --start JJJJ-MM-DDTUU:MM --naam NAAM\n"
	"                    (--email ADRES | --telefoon NUMMER) [--sleutel "
	"SLEUTEL]\n"
	"  ambt afspraak toon REFERENTIE [--format tabel|json]\n"
	"  ambt afspraak annuleer REFERENTIE\n"
	"  ambt afspraak verplaats REFERENTIE --start JJJJ-MM-DDTUU:MM [--vestiging "
	"CODE]\n"
	"  ambt afspraak lijst (--vestiging CODE | --gemeente CODE) [--datum "
	"JJJJ-MM-DD]\n"
	"                    [--format tabel|json|csv]\n\n"
	"Een afspraak is een bezoek aan een vestiging voor een of meer "
	"producten, op\neen vrije tijd (zie 'ambt vrije-tijden'). De start is "
	"Nederlandse tijd\n(2026-12-07T09:30, of met de afwijking van UTC: "
	"2026-12-07T09:30:00+01:00).\nDe inwoner krijgt een referentie van 8 "
	"tekens; met die referentie en het\ne-mailadres of telefoonnummer kan "
	"hij de afspraak zelf wijzigen of\nannuleren. Verplaatsen gebeurt in "
	"één keer: de oude tijd komt pas vrij als\nde nieuwe is vastgelegd. "
	"--sleutel maakt opnieuw proberen veilig: dezelfde\nsleutel geeft "
	"dezelfde afspraak. 'lijst' toont de dagafspraken (standaard\nvandaag).\n";

/* Products and persons from "a,b" and "1,2" into regels (at most
 * AFSPRAAK_MAX_PRODUCTEN). Returns the count, or -1 after a message. */
static int
regels_van(struct ctx *x, const char *producten, const char *personen,
	   struct afspraak_regel *regels)
{
	const char **p, **q = NULL;
	int np = cli_komma_lijst(&x->a, producten, "--product",
				 AFSPRAAK_MAX_PRODUCTEN, &p);
	int nq = 0;

	if (np < 0)
		return -1;
	if (personen && (nq = cli_komma_lijst(&x->a, personen, "--personen",
					      AFSPRAAK_MAX_PRODUCTEN, &q)) < 0)
		return -1;
	if (personen && nq != np) {
		cli_usage_error("--personen: geef een aantal voor elk product, "
				"in dezelfde volgorde.");
		return -1;
	}
	for (int i = 0; i < np; i++) {
		int64_t v = 1;

		if (q &&
		    cli_int(q[i], "--personen", 1, AFSPRAAK_MAX_PERSONEN, &v))
			return -1;
		regels[i] = (struct afspraak_regel){ .product = p[i],
						     .personen = (int)v };
	}
	return np;
}

/* The store names a visit's products "regels[i].product" and
 * "regels[i].personen"; on the command line they are options. */
static void
regels_als_opties(struct err *e)
{
	for (size_t i = 0; i < e->nproblems; i++) {
		struct problem *p = &e->problems[i];
		const char *punt = strrchr(p->name, '.');

		if (strncmp(p->name, "regels[", 7) == 0 && punt)
			snprintf(p->name, sizeof(p->name), "--%s", punt + 1);
	}
}

/* The locations' codes by id, for free times. */
static const char *
code_van(const struct vestiging *v, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].id == id)
			return v[i].code;
	return "?";
}

int
cmd_vrije_tijden(int argc, char **argv)
{
	const char *gemeente = NULL, *product = NULL, *personen = NULL,
		   *van = NULL, *tot = NULL, *kanaal = NULL, *vest = NULL;
	const struct opt opts[] = {
		{ "gemeente", &gemeente, NULL }, { "product", &product, NULL },
		{ "personen", &personen, NULL }, { "van", &van, NULL },
		{ "tot", &tot, NULL },		 { "kanaal", &kanaal, NULL },
		{ "vestiging", &vest, NULL },	 { NULL, NULL, NULL }
	};
	static const char *const h[] = { "Vestiging", "Datum", "Begin",
					 "Eind" };
	struct afspraak_regel regels[AFSPRAAK_MAX_PRODUCTEN];
	struct afspraak_vraag q = { .regels = regels, .kanaal = KANAAL_FYSIEK };
	struct vestiging *vs = NULL;
	size_t nv = 0, n;
	struct slot *s;
	day_t dv, dt;
	struct ctx x;
	int rc, np;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, vt_usage)) >= 0)
		return rc;
	if (!gemeente || !product || !van || !tot)
		return ctx_close(&x, cli_usage_error("Geef --gemeente, "
						     "--product, --van en "
						     "--tot."));
	if ((np = regels_van(&x, product, personen, regels)) < 0)
		return ctx_close(&x, EXIT_USER);
	if (kanaal && kanaal_parse(kanaal, &q.kanaal) != 0)
		return ctx_close(&x, cli_usage_error("--kanaal: kies fysiek of "
						     "video."));
	if ((rc = cli_date(van, "van", &dv)) ||
	    (rc = cli_date(tot, "tot", &dt)))
		return ctx_close(&x, rc);
	q.gemeente = gemeente;
	q.nregels = (size_t)np;
	q.vestiging = vest;
	if (store_vrije_tijden(x.s, &q, dv, dt, &x.a, &s, &n, &x.e) ||
	    store_vestiging_list(x.s, gemeente, cli_today(), &x.a, &vs, &nv,
				 &x.e)) {
		regels_als_opties(&x.e);
		return ctx_close(&x, cli_fail_bij(&x.e, "geen vrije tijden"));
	}
	if (x.c.format == FORMAT_JSON) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++)
			json_array_append_new(
				arr, present_slot_json(
					     &s[i],
					     code_van(vs, nv, s[i].vestiging)));
		json_print(arr, stdout);
		return ctx_close(&x, 0);
	}
	if (x.c.format == FORMAT_CSV) {
		struct table t;

		table_init(&t, &x.a, 4, h);
		for (size_t i = 0; i < n; i++) {
			day_t d;
			int m;
			const char *row[4];

			afspraak_lokaal(s[i].start, &d, &m);
			row[0] = code_van(vs, nv, s[i].vestiging);
			row[1] = ctx_date(&x, d);
			row[2] = cli_klok_a(&x.a, s[i].start);
			row[3] = cli_klok_a(&x.a, s[i].eind);
			table_row(&t, row);
		}
		ctx_table(&x, &t);
		return ctx_close(&x, 0);
	}
	if (n == 0) {
		printf("Geen vrije tijden van %s tot en met %s.\n",
		       date_nl_a(&x.a, dv), date_nl_a(&x.a, dt));
		return ctx_close(&x, 0);
	}
	/* Per day and location, the starts in lines of TIJDEN_PER_REGEL. */
	for (size_t i = 0, j; i < n; i = j) {
		day_t d, d2;
		int m;

		afspraak_lokaal(s[i].start, &d, &m);
		for (j = i; j < n; j++) {
			afspraak_lokaal(s[j].start, &d2, &m);
			if (d2 != d)
				break;
		}
		for (size_t k = 0; k < nv; k++) {
			int aantal = 0;

			for (size_t l = i; l < j; l++) {
				if (s[l].vestiging != vs[k].id)
					continue;
				if (aantal == 0)
					printf("%s %s, %s:\n",
					       present_weekdag(date_weekday(d)),
					       date_nl_a(&x.a, d), vs[k].code);
				printf("%s%s",
				       aantal % TIJDEN_PER_REGEL ? " " : "  ",
				       cli_klok_a(&x.a, s[l].start));
				if (++aantal % TIJDEN_PER_REGEL == 0)
					printf("\n");
			}
			if (aantal % TIJDEN_PER_REGEL)
				printf("\n");
		}
	}
	printf("\n%zu vrije tijden.\n", n);
	return ctx_close(&x, 0);
}

static const char *
producten_tekst(struct arena *a, const struct afspraak *f)
{
	const char *t = "";

	for (size_t i = 0; i < f->nregels; i++)
		t = fmt_a(a, "%s%s%s (%d %s)", t, i ? ", " : "",
			  f->regels[i].product, f->regels[i].personen,
			  f->regels[i].personen == 1 ? "persoon" : "personen");
	return t;
}

static void
toon(struct ctx *x, const struct afspraak *f)
{
	printf("Referentie      %s\n", f->referentie);
	printf("Status          %s\n", afspraak_status_name(f->status));
	printf("Gemeente        %s\n", f->gemeente);
	printf("Vestiging       %s (%s)\n", f->vestiging,
	       f->vestiging_naam ? f->vestiging_naam : "");
	printf("Kanaal          %s\n", kanaal_name(f->kanaal));
	printf("Tijd            %s tot %s\n", cli_tijd_a(&x->a, f->start),
	       cli_klok_a(&x->a, f->eind));
	printf("Producten       %s\n", producten_tekst(&x->a, f));
	printf("Naam            %s\n", f->naam ? f->naam : "(gewist)");
	if (f->email)
		printf("E-mail          %s\n", f->email);
	if (f->telefoon)
		printf("Telefoon        %s\n", f->telefoon);
	if (f->medewerker)
		printf("Medewerker      %s, balie %d\n", f->medewerker,
		       f->balie);
}

static int
a_add(int argc, char **argv)
{
	const char *gemeente = NULL, *product = NULL, *personen = NULL,
		   *vest = NULL, *start = NULL, *naam = NULL, *email = NULL,
		   *telefoon = NULL, *sleutel = NULL;
	const struct opt opts[] = { { "gemeente", &gemeente, NULL },
				    { "product", &product, NULL },
				    { "personen", &personen, NULL },
				    { "vestiging", &vest, NULL },
				    { "start", &start, NULL },
				    { "naam", &naam, NULL },
				    { "email", &email, NULL },
				    { "telefoon", &telefoon, NULL },
				    { "sleutel", &sleutel, NULL },
				    { NULL, NULL, NULL } };
	struct afspraak_regel regels[AFSPRAAK_MAX_PRODUCTEN];
	struct afspraak_boeking b = { .vraag = { .regels = regels } };
	char ref[AFSPRAAK_REFERENTIE_LEN + 1];
	struct vestiging v;
	struct afspraak f;
	bool opnieuw = false;
	struct ctx x;
	int rc, np;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	if (!gemeente || !product || !vest || !start || !naam ||
	    (!email && !telefoon))
		return ctx_close(
			&x, cli_usage_error("Geef --gemeente, --product, "
					    "--vestiging, --start, --naam en "
					    "--email of --telefoon."));
	if ((np = regels_van(&x, product, personen, regels)) < 0 ||
	    cli_tijdstip(start, "--start", &b.start))
		return ctx_close(&x, EXIT_USER);
	if (store_vestiging_get(x.s, vest, cli_today(), &x.a, &v, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	b.vraag.gemeente = gemeente;
	b.vraag.nregels = (size_t)np;
	b.vraag.vestiging = vest;
	b.vraag.kanaal = v.kanaal;
	b.vraag.balie = true; /* staff at the machine */
	b.naam = naam;
	b.email = email;
	b.telefoon = telefoon;
	b.sleutel = sleutel;
	if (sleutel) {
		/* the request as the key covers it */
		const char *t = fmt_a(&x.a, "%s\n%s\n%lld\n%s\n%s\n%s\n%s",
				      gemeente, vest, (long long)b.start,
				      product, personen ? personen : "", naam,
				      email ? email : "");
		unsigned char h[crypto_hash_sha256_BYTES];
		char *hex = arena_alloc(&x.a, 2 * sizeof(h) + 1);

		crypto_hash_sha256(h, (const unsigned char *)t, strlen(t));
		if (hex)
			sodium_bin2hex(hex, 2 * sizeof(h) + 1, h, sizeof(h));
		b.verzoek_hash = hex;
	}
	for (int poging = 0; poging < 8; poging++) {
		uint8_t rnd[5];

		randombytes_buf(rnd, sizeof(rnd));
		afspraak_referentie(rnd, ref);
		b.referentie = ref;
		err_clear(&x.e);
		if (store_afspraak_add(x.s, &b, &x.a, &f, &opnieuw, &x.e) ==
			    ST_OK ||
		    x.e.status != ST_CONFLICT || x.e.nproblems == 0 ||
		    strcmp(x.e.problems[0].name, "referentie") != 0)
			break;
	}
	if (x.e.status) {
		regels_als_opties(&x.e);
		return ctx_close(&x, cli_fail_bij(&x.e, "niet geboekt"));
	}
	if (x.c.format == FORMAT_JSON) {
		json_print(present_afspraak_json(&f, true), stdout);
		return ctx_close(&x, 0);
	}
	printf(opnieuw ? "Deze afspraak was al geboekt met sleutel %s:\n"
		       : "Afspraak geboekt%s:\n",
	       opnieuw ? sleutel : "");
	toon(&x, &f);
	return ctx_close(&x, 0);
}

static int
a_show(int argc, char **argv)
{
	struct afspraak f;
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, NULL, 1, usage)) >= 0)
		return rc;
	if (x.npos != 1)
		return ctx_close(&x, cli_usage_error("Noem de referentie."));
	if (store_afspraak_get(x.s, x.pos[0], NULL, &x.a, &f, &x.e))
		return ctx_close(&x,
				 cli_fail_bij(&x.e, "afspraak niet getoond"));
	if (x.c.format == FORMAT_JSON) {
		json_print(present_afspraak_json(&f, true), stdout);
		return ctx_close(&x, 0);
	}
	toon(&x, &f);
	return ctx_close(&x, 0);
}

static int
a_cancel(int argc, char **argv)
{
	struct afspraak f;
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, NULL, 1, usage)) >= 0)
		return rc;
	if (x.npos != 1)
		return ctx_close(&x, cli_usage_error("Noem de referentie."));
	if (store_afspraak_cancel(x.s, x.pos[0], NULL, &x.a, &f, &x.e))
		return ctx_close(&x, cli_fail_bij(&x.e, "niet geannuleerd"));
	printf("Afspraak %s van %s geannuleerd; de tijd is weer vrij.\n",
	       f.referentie, cli_tijd_a(&x.a, f.start));
	return ctx_close(&x, 0);
}

static int
a_move(int argc, char **argv)
{
	const char *start = NULL, *vest = NULL;
	const struct opt opts[] = { { "start", &start, NULL },
				    { "vestiging", &vest, NULL },
				    { NULL, NULL, NULL } };
	struct afspraak f;
	int64_t t;
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 1, usage)) >= 0)
		return rc;
	if (x.npos != 1 || !start)
		return ctx_close(&x, cli_usage_error("Noem de referentie en "
						     "--start."));
	if (cli_tijdstip(start, "--start", &t))
		return ctx_close(&x, EXIT_USER);
	if (store_afspraak_move(x.s, x.pos[0], NULL, vest, t, &x.a, &f, &x.e))
		return ctx_close(&x, cli_fail_bij(&x.e, "niet verplaatst"));
	printf("Afspraak %s verplaatst naar %s bij %s.\n", f.referentie,
	       cli_tijd_a(&x.a, f.start), f.vestiging);
	return ctx_close(&x, 0);
}

static int
a_list(int argc, char **argv)
{
	const char *vest = NULL, *gemeente = NULL, *datum = NULL;
	const struct opt opts[] = { { "vestiging", &vest, NULL },
				    { "gemeente", &gemeente, NULL },
				    { "datum", &datum, NULL },
				    { NULL, NULL, NULL } };
	static const char *const h[] = {
		"Begin", "Eind",       "Referentie", "Vestiging", "Producten",
		"Naam",	 "Medewerker", "Balie",	     "Status"
	};
	struct afspraak *f;
	struct table t;
	day_t dag = cli_today();
	struct ctx x;
	size_t n;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	if (!vest && !gemeente)
		return ctx_close(&x, cli_usage_error("Noem --vestiging of "
						     "--gemeente."));
	if (datum && (rc = cli_date(datum, "datum", &dag)))
		return ctx_close(&x, rc);
	if (vest && !gemeente) {
		struct vestiging v;

		if (store_vestiging_get(x.s, vest, dag, &x.a, &v, &x.e))
			return ctx_close(&x,
					 cli_fail_bij(&x.e, "geen afspraken"));
		gemeente = v.gemeente;
	}
	if (store_afspraak_list(x.s, gemeente, vest, dag, &x.a, &f, &n, &x.e))
		return ctx_close(&x, cli_fail_bij(&x.e, "geen afspraken"));
	if (x.c.format == FORMAT_JSON) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++)
			json_array_append_new(
				arr, present_afspraak_json(&f[i], true));
		json_print(arr, stdout);
		return ctx_close(&x, 0);
	}
	if (x.c.format == FORMAT_TABEL)
		printf("Afspraken op %s %s\n\n",
		       present_weekdag(date_weekday(dag)),
		       date_nl_a(&x.a, dag));
	table_init(&t, &x.a, 9, h);
	for (size_t i = 0; i < n; i++) {
		const char *row[] = {
			cli_klok_a(&x.a, f[i].start),
			cli_klok_a(&x.a, f[i].eind),
			f[i].referentie,
			f[i].vestiging,
			producten_tekst(&x.a, &f[i]),
			f[i].naam ? f[i].naam : "(gewist)",
			f[i].medewerker ? f[i].medewerker : "",
			f[i].balie ? fmt_a(&x.a, "%d", f[i].balie) : "",
			afspraak_status_name(f[i].status),
		};
		table_row(&t, row);
	}
	if (n || x.c.format == FORMAT_CSV)
		ctx_table(&x, &t);
	else
		printf("Geen afspraken.\n");
	return ctx_close(&x, 0);
}

int
cmd_afspraak(int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "toevoegen", a_add },	  { "toon", a_show },
		{ "annuleer", a_cancel }, { "verplaats", a_move },
		{ "lijst", a_list },	  { NULL, NULL },
	};
	return cli_dispatch(argc, argv, subs, usage);
}

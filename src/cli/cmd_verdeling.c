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
	"  ambt verdeling bereken --input BESTAND.json [--format tabel|json]\n"
	"  ambt verdeling bereken --samenwerking CODE --jaar JJJJ\n"
	"                 [--scenario NAAM] [--toon-invoer] [--bewaar]\n"
	"                 [--format tabel|json]\n"
	"  ambt verdeling lijst [--samenwerking CODE] [--jaar JJJJ]\n"
	"  ambt verdeling toon NUMMER [--gemeente CODE] [--format tabel|json]\n"
	"  ambt verdeling vaststellen NUMMER --besluit IDENTIFICATIE\n"
	"  ambt verdeling vergelijk NUMMER NUMMER [--format tabel|json|csv]\n"
	"  ambt verdeling rol EENHEID --jaar JJJJ [--ondersteunend]\n"
	"                 [--grondslag G] [--volgorde N] [--taakveld T]\n"
	"  ambt verdeling levering VAN AAN GEWICHT --jaar JJJJ\n"
	"  ambt verdeling gewicht EENHEID GEMEENTE GEWICHT --jaar JJJJ\n"
	"  ambt verdeling maatwerk EENHEID GEMEENTE UREN TARIEF --jaar JJJJ\n"
	"  ambt verdeling voorschot GEMEENTE BEDRAG --samenwerking CODE "
	"--jaar JJJJ\n"
	"  ambt verdeling methode rechtstreeks|stapsgewijs|wederzijds\n"
	"                 --samenwerking CODE --jaar JJJJ\n\n"
	"bereken verdeelt de kosten van een jaar over de gemeenten, tot op "
	"de cent:\nelke kostenpost met haar verdeelsleutel, de "
	"ondersteunende eenheden via\nde primaire, één afronding per "
	"kostenpost. Met --input rekent het op een\ninvoerdocument "
	"(docs/allocation.md); met --samenwerking en --jaar op de\n"
	"kostenposten, de uren en het register in de database. --toon-invoer "
	"laat\nhet invoerdocument zien, --bewaar slaat de berekening op "
	"(met een nummer).\n\n"
	"toon rekent een bewaarde berekening opnieuw uit haar eigen invoer "
	"en\ncontroleert dat de uitkomst byte voor byte gelijk is; met "
	"--gemeente legt het\nuit hoe de bijdrage van die gemeente is "
	"opgebouwd. vaststellen koppelt\neen berekening aan het besluit "
	"dat haar vaststelde; daarna verandert zij\nniet meer. vergelijk "
	"zet twee berekeningen naast elkaar (jaren of een\nscenario).\n\n"
	"rol, levering, gewicht, voorschot en methode leggen vast hoe een "
	"jaar wordt\nverdeeld: een eenheid zonder rol is primair en wordt "
	"verdeeld naar de\ngerealiseerde uren. Een grondslag G is "
	"gerealiseerde-uren, begrote-uren,\ninwoners, vaste-percentages, "
	"producten of fte. Bedragen in euro (1.234,56).\n";

/* Municipality names by code (none without a database). */
static const char **
namen_van(struct store *st, struct arena *a, const struct kv_uitkomst *u)
{
	const char **n =
		st ? store_organisatie_namen(st, a, u->gemeenten, u->ngemeenten)
		   : NULL;
	return n ? n : u->gemeenten;
}

/* The result as tables a person can read; `namen` per municipality. */
static void
toon_tabel(struct arena *a, const struct kv_uitkomst *u, const char **namen)
{
	struct table t;
	static const char *const h[] = { "Gemeente", "Bijdrage", "Voorschot",
					 "Af te rekenen" };
	size_t nk = u->heeft_voorschotten ? 4 : 2;

	printf("Kostenverdeling %d\n\n", u->jaar);
	table_init(&t, a, nk, h);
	for (size_t m = 0; m < u->ngemeenten; m++) {
		const struct kv_gemeente_uit *g = &u->per_gemeente[m];
		const char *row[] = { namen[m], bedrag_a(a, g->totaal),
				      bedrag_a(a, g->voorschot),
				      bedrag_a(a, g->saldo) };
		table_row(&t, row);
	}
	const char *tot[] = { "Totaal", bedrag_a(a, u->totaal), "", "" };
	table_row(&t, tot);
	table_print(&t, stdout, "");

	/* Per department the cost came from, one column per municipality. */
	const char **hk = arena_calloc(a, u->ngemeenten + 1, sizeof *hk);
	const char **row = arena_calloc(a, u->ngemeenten + 1, sizeof *row);
	if (!hk || !row)
		return;
	hk[0] = "Herkomst";
	for (size_t m = 0; m < u->ngemeenten; m++)
		hk[m + 1] = namen[m];
	table_init(&t, a, u->ngemeenten + 1, hk);
	for (size_t d = 0; d < u->nafdelingen; d++) {
		int iets = 0;
		row[0] = u->afdelingen[d]->id;
		for (size_t m = 0; m < u->ngemeenten; m++) {
			int64_t c = u->per_gemeente[m].per_herkomst[d];
			iets |= c != 0;
			row[m + 1] = bedrag_a(a, c);
		}
		if (iets)
			table_row(&t, row);
	}
	printf("\nPer afdeling waar de kosten vandaan komen:\n\n");
	table_print(&t, stdout, "");
	char afronding[96];
	kv_afronding_nl(u->max_afrondingsverschil, afronding, sizeof afronding);
	printf("\n%zu kostenposten, %zu bladen. Elke kostenpost is één keer "
	       "afgerond;\n%s.\nInvoer (SHA-256): %s\n",
	       u->nposten, u->nbladen, afronding, u->sha256);
}

/* The calculation of a document given with --input (no database). */
static int
bereken_document(const char *invoer, const struct cli_common *c)
{
	struct cli_bestand f;
	struct arena a;
	struct err e;
	struct kv_invoer in;
	struct kv_uitkomst u;
	int rc;

	if (c->format == FORMAT_CSV)
		return cli_usage_error("Kies --format tabel of json.");
	if ((rc = cli_read_file(invoer, &f)))
		return rc;
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
	if (c->format == FORMAT_JSON)
		json_print(kv_json_uitkomst(&u), stdout);
	else
		toon_tabel(&a, &u, namen_van(NULL, &a, &u));
	arena_free(&a);
	return 0;
}

/* Print a canonical input (compact JSON) indented, members in order. */
static void
toon_invoer(const char *canoniek)
{
	json_error_t je;
	json_t *j = json_loads(canoniek, 0, &je);
	json_print(j, stdout);
}

static int
verdeling_bereken(int argc, char **argv)
{
	const char *invoer = NULL, *sw = NULL, *jaar_text = NULL,
		   *scenario = NULL;
	bool toon = false, bewaar = false;
	const struct opt opts[] = { { "input", &invoer, NULL },
				    { "samenwerking", &sw, NULL },
				    { "jaar", &jaar_text, NULL },
				    { "scenario", &scenario, NULL },
				    { "toon-invoer", NULL, &toon },
				    { "bewaar", NULL, &bewaar },
				    { NULL, NULL, NULL } };
	struct ctx x;
	int rc, jaar = 0;

	{
		/* --input needs no database: parse without opening one. */
		for (int i = 0; i < argc; i++)
			if (strcmp(argv[i], "--input") == 0) {
				struct cli_common c = { 0 };
				const char *pos[1];
				size_t npos = 0;
				rc = cli_parse(argc, argv, opts, &c, pos, 0,
					       &npos, usage);
				if (rc || c.help)
					return rc;
				if (sw || jaar_text || scenario || toon ||
				    bewaar)
					return cli_usage_error(
						"--input gaat niet samen met "
						"--samenwerking, --jaar, "
						"--scenario, --toon-invoer of "
						"--bewaar.");
				return bereken_document(invoer, &c);
			}
	}
	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	if (!sw || !jaar_text)
		return ctx_close(
			&x, cli_usage_error("Geef --input BESTAND.json, of "
					    "--samenwerking en --jaar."));
	if (x.c.format == FORMAT_CSV)
		return ctx_close(
			&x, cli_usage_error("Kies --format tabel of json."));
	if ((rc = cli_jaar(jaar_text, &jaar)))
		return ctx_close(&x, rc);
	struct kv_invoer in;
	struct kv_uitkomst u;
	char *json = NULL;
	if (store_kosten_invoer(x.s, &x.a, sw, jaar, scenario, &in, &x.e))
		return ctx_close(&x, cli_fail_bij(&x.e, "niet berekend"));
	if (toon) {
		const char *c = kv_canoniek(&in, &x.a);
		if (!c)
			return ctx_close(&x, cli_fail(&x.e));
		toon_invoer(c);
		return ctx_close(&x, 0);
	}
	if (kv_json_reken(&in, &x.a, &u, &json, &x.e))
		return ctx_close(&x, cli_fail_bij(&x.e, "niet berekend"));
	int64_t id = 0;
	bool bestond = false;
	if (bewaar) {
		struct kostenverdeling k = { .samenwerking = sw,
					     .jaar = jaar,
					     .scenario = scenario,
					     .invoer = u.invoer,
					     .sha256 = u.sha256,
					     .uitkomst = json,
					     .totaal = u.totaal };
		if (store_kostenverdeling_bewaar(x.s, &k, &id, &bestond,
						 &x.e)) {
			free(json);
			return ctx_close(&x, cli_fail(&x.e));
		}
	}
	if (x.c.format == FORMAT_JSON) {
		json_print(kv_json_uitkomst(&u), stdout);
	} else {
		toon_tabel(&x.a, &u, namen_van(x.s, &x.a, &u));
		if (id && bestond)
			printf("Dezelfde invoer is al bewaard als "
			       "kostenverdeling %lld; er is niets nieuws "
			       "bewaard.\n",
			       (long long)id);
		else if (id)
			printf("Bewaard als kostenverdeling %lld.\n",
			       (long long)id);
	}
	free(json);
	return ctx_close(&x, 0);
}

static int
verdeling_lijst(int argc, char **argv)
{
	const char *sw = NULL, *jaar_text = NULL;
	const struct opt opts[] = { { "samenwerking", &sw, NULL },
				    { "jaar", &jaar_text, NULL },
				    { NULL, NULL, NULL } };
	static const char *const h[] = { "Nummer",     "Samenwerking",
					 "Jaar",       "Scenario",
					 "Totaal",     "Berekend",
					 "Vastgesteld" };
	struct kostenverdeling *k;
	size_t n;
	struct table t;
	struct ctx x;
	int rc, jaar = 0;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	if ((rc = cli_jaar(jaar_text, &jaar)))
		return ctx_close(&x, rc);
	if (store_kostenverdeling_list(x.s, &x.a, sw, jaar, &k, &n, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	table_init(&t, &x.a, 7, h);
	for (size_t i = 0; i < n; i++) {
		const char *row[] = {
			fmt_a(&x.a, "%lld", (long long)k[i].id),
			k[i].samenwerking,
			fmt_a(&x.a, "%d", k[i].jaar),
			k[i].scenario ? k[i].scenario : "",
			x.c.format == FORMAT_CSV
				? fmt_a(&x.a, "%lld", (long long)k[i].totaal)
				: bedrag_a(&x.a, k[i].totaal),
			ctx_moment(&x, k[i].berekend),
			k[i].vastgesteld
				? fmt_a(&x.a, "besluit %s", k[i].besluit)
				: "",
		};
		table_row(&t, row);
	}
	ctx_table(&x, &t);
	return ctx_close(&x, 0);
}

/* Read stored calculation NUMMER and recompute it from its own input;
 * the result must be the stored bytes. */
static int
herreken(struct ctx *x, const char *nummer, struct kostenverdeling *k,
	 struct kv_uitkomst *u)
{
	int64_t id = 0;
	int rc;

	if ((rc = cli_int(nummer, "nummer", 1, INT64_MAX, &id)))
		return rc;
	if (store_kostenverdeling_get(x->s, &x->a, id, k, &x->e) ||
	    kv_herreken(k->invoer, k->uitkomst, k->sha256, &x->a, u, &x->e))
		return cli_fail(&x->e);
	return 0;
}

/* Why a municipality pays what it pays: from the total through the
 * departments to every pool, its key, the exact fraction and the cents. */
static void
uitleg(struct arena *a, const struct kv_uitkomst *u, size_t g, const char *naam)
{
	const struct kv_gemeente_uit *gu = &u->per_gemeente[g];
	printf("Bijdrage van %s in %d: %s\n", naam, u->jaar,
	       bedrag_a(a, gu->totaal));
	if (u->heeft_voorschotten)
		printf("Voorschot %s, af te rekenen %s.\n",
		       bedrag_a(a, gu->voorschot), bedrag_a(a, gu->saldo));
	char exact[96];
	present_breuk_nl(gu->exact_totaal, exact, sizeof exact);
	char afwijking[64];
	kv_afwijking_nl(gu->afrondingsverschil, afwijking, sizeof afwijking);
	printf("Exact %s (%s cent); afgerond per kostenpost: %s.\n", exact,
	       gu->exact_totaal, afwijking);
	for (size_t d = 0; d < u->nafdelingen; d++) {
		if (!gu->per_herkomst[d])
			continue;
		printf("\n%s (%s): %s\n", u->afdelingen[d]->id,
		       u->afdelingen[d]->naam ? u->afdelingen[d]->naam : "",
		       bedrag_a(a, gu->per_herkomst[d]));
		for (size_t p = 0; p < u->nposten; p++) {
			const struct kv_post_uit *po = &u->posten[p];
			if (po->afdeling != d)
				continue;
			for (size_t i = 0; i < po->nbladen; i++) {
				const struct kv_blad *b =
					&u->bladen[po->eerste_blad + i];
				if (b->gemeente != g)
					continue;
				printf("  %-24s van %s via %-12s exact %s "
				       "-> %s\n",
				       po->id, bedrag_a(a, po->bedrag),
				       u->afdelingen[b->afdeling]->id, b->exact,
				       bedrag_a(a, b->cent));
			}
		}
	}
}

static int
verdeling_toon(int argc, char **argv)
{
	const char *gemeente = NULL;
	const struct opt opts[] = { { "gemeente", &gemeente, NULL },
				    { NULL, NULL, NULL } };
	struct kostenverdeling k;
	struct kv_uitkomst u;
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 1, usage)) >= 0)
		return rc;
	if (x.npos != 1)
		return ctx_close(&x, cli_usage_error("Geef het nummer van de "
						     "kostenverdeling."));
	if ((rc = herreken(&x, x.pos[0], &k, &u)))
		return ctx_close(&x, rc);
	if (x.c.format == FORMAT_JSON) {
		json_t *j = kv_json_uitkomst(&u);
		json_object_set_new(j, "id", json_integer(k.id));
		json_object_set_new(j, "cooperation",
				    json_string(k.samenwerking));
		json_object_set_new(j, "scenario",
				    k.scenario ? json_string(k.scenario)
					       : json_null());
		json_object_set_new(j, "adopted_by",
				    k.besluit ? json_string(k.besluit)
					      : json_null());
		json_print(j, stdout);
		return ctx_close(&x, 0);
	}
	printf("Kostenverdeling %lld, %s %d%s%s%s\n", (long long)k.id,
	       k.samenwerking, k.jaar, k.scenario ? ", scenario " : "",
	       k.scenario ? k.scenario : "",
	       k.vastgesteld
		       ? fmt_a(&x.a, ", vastgesteld bij besluit %s", k.besluit)
		       : ", niet vastgesteld");
	printf("Opnieuw berekend uit de bewaarde invoer: gelijk tot op de "
	       "byte.\n\n");
	if (!gemeente) {
		toon_tabel(&x.a, &u, namen_van(x.s, &x.a, &u));
		return ctx_close(&x, 0);
	}
	for (size_t g = 0; g < u.ngemeenten; g++)
		if (strcmp(u.gemeenten[g], gemeente) == 0) {
			uitleg(&x.a, &u, g, namen_van(x.s, &x.a, &u)[g]);
			return ctx_close(&x, 0);
		}
	return ctx_close(&x, cli_usage_error("Gemeente %s betaalt niet mee "
					     "aan kostenverdeling %lld.",
					     gemeente, (long long)k.id));
}

static int
verdeling_vaststellen(int argc, char **argv)
{
	const char *besluit = NULL, *org = NULL;
	const struct opt opts[] = { { "besluit", &besluit, NULL },
				    { "organisatie", &org, NULL },
				    { NULL, NULL, NULL } };
	struct kostenverdeling k;
	struct kv_uitkomst u;
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 1, usage)) >= 0)
		return rc;
	if (x.npos != 1 || !besluit)
		return ctx_close(
			&x, cli_usage_error("Geef het nummer van de "
					    "kostenverdeling en --besluit."));
	/* Adopt only what still reproduces its stored bytes. */
	if ((rc = herreken(&x, x.pos[0], &k, &u)))
		return ctx_close(&x, rc);
	if (store_kostenverdeling_vaststellen(x.s, k.id, besluit, org, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	printf("Kostenverdeling %lld (%s %d) is vastgesteld bij besluit %s.\n"
	       "Invoer (SHA-256): %s\n",
	       (long long)k.id, k.samenwerking, k.jaar, besluit, k.sha256);
	return ctx_close(&x, 0);
}

static const char *
dimensie_nl(enum kv_dimensie d)
{
	return d == KV_DIM_TOTAAL     ? "totaal"
	       : d == KV_DIM_AFDELING ? "afdeling"
				      : "taakveld";
}

static int
verdeling_vergelijk(int argc, char **argv)
{
	const struct opt opts[] = { { NULL, NULL, NULL } };
	static const char *const h[] = { "Gemeente", "Soort",  "Wat",
					 "Eerste",   "Tweede", "Verschil" };
	struct kostenverdeling ka, kb;
	struct kv_uitkomst ua, ub;
	struct kv_verschil *v;
	size_t n;
	struct table t;
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 2, usage)) >= 0)
		return rc;
	if (x.npos != 2)
		return ctx_close(&x, cli_usage_error("Geef twee nummers van "
						     "kostenverdelingen."));
	if ((rc = herreken(&x, x.pos[0], &ka, &ua)) ||
	    (rc = herreken(&x, x.pos[1], &kb, &ub)))
		return ctx_close(&x, rc);
	if (kv_vergelijk(&ua, &ub, &x.a, &v, &n, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	if (x.c.format == FORMAT_JSON) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++) {
			json_t *o = json_object();
			json_object_set_new(o, "municipality",
					    json_string(v[i].gemeente));
			json_object_set_new(
				o, "dimension",
				json_string(dimensie_nl(v[i].dimensie)));
			json_object_set_new(o, "key",
					    v[i].sleutel
						    ? json_string(v[i].sleutel)
						    : json_null());
			json_object_set_new(o, "a", json_integer(v[i].a));
			json_object_set_new(o, "b", json_integer(v[i].b));
			json_object_set_new(o, "difference",
					    json_integer(v[i].b - v[i].a));
			json_array_append_new(arr, o);
		}
		json_print(arr, stdout);
		return ctx_close(&x, 0);
	}
	if (x.c.format != FORMAT_CSV)
		printf("Eerste: kostenverdeling %lld (%s %d%s%s); tweede: %lld "
		       "(%s %d%s%s).\n\n",
		       (long long)ka.id, ka.samenwerking, ka.jaar,
		       ka.scenario ? ", scenario " : "",
		       ka.scenario ? ka.scenario : "", (long long)kb.id,
		       kb.samenwerking, kb.jaar,
		       kb.scenario ? ", scenario " : "",
		       kb.scenario ? kb.scenario : "");
	table_init(&t, &x.a, 6, h);
	for (size_t i = 0; i < n; i++) {
		int csv = x.c.format == FORMAT_CSV;
		const char *row[] = {
			v[i].gemeente,
			dimensie_nl(v[i].dimensie),
			v[i].sleutel ? v[i].sleutel : "",
			csv ? fmt_a(&x.a, "%lld", (long long)v[i].a)
			    : bedrag_a(&x.a, v[i].a),
			csv ? fmt_a(&x.a, "%lld", (long long)v[i].b)
			    : bedrag_a(&x.a, v[i].b),
			csv ? fmt_a(&x.a, "%lld", (long long)(v[i].b - v[i].a))
			    : bedrag_a(&x.a, v[i].b - v[i].a),
		};
		table_row(&t, row);
	}
	ctx_table(&x, &t);
	return ctx_close(&x, 0);
}

static int
verdeling_rol(int argc, char **argv)
{
	const char *jaar_text = NULL, *grondslag = NULL, *volgorde = NULL,
		   *taakveld = NULL;
	bool ondersteunend = false;
	const struct opt opts[] = { { "jaar", &jaar_text, NULL },
				    { "grondslag", &grondslag, NULL },
				    { "volgorde", &volgorde, NULL },
				    { "taakveld", &taakveld, NULL },
				    { "ondersteunend", NULL, &ondersteunend },
				    { NULL, NULL, NULL } };
	struct ctx x;
	int rc, jaar = 0;
	int64_t v = 0;

	if ((rc = ctx_open(&x, argc, argv, opts, 1, usage)) >= 0)
		return rc;
	if ((rc = ctx_vereist(&x, 1, true, jaar_text, &jaar,
			      "de eenheid en --jaar")) ||
	    (rc = cli_int(volgorde, "--volgorde", 0, KOSTEN_MAX_VOLGORDE, &v)))
		return ctx_close(&x, rc);
	struct kosten_rol r = { .eenheid = x.pos[0],
				.ondersteunend = ondersteunend,
				.basis = kv_basis_van_woord(grondslag),
				.taakveld = taakveld,
				.volgorde = (int)v }; /* within the range */
	if (grondslag && (r.basis == KV_GEEN || r.basis == KV_DIRECT))
		return ctx_close(
			&x, cli_usage_error("--grondslag: kies "
					    "gerealiseerde-uren, begrote-uren, "
					    "inwoners, vaste-percentages, "
					    "producten of fte."));
	if (store_kostenrol_zet(x.s, jaar, &r, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	printf("Eenheid %s is in %d %s%s%s.\n", r.eenheid, jaar,
	       ondersteunend ? "ondersteunend" : "primair",
	       r.basis != KV_GEEN ? ", verdeeld naar " : "",
	       r.basis != KV_GEEN ? kv_basis_nl(r.basis) : "");
	return ctx_close(&x, 0);
}

static int
verdeling_levering(int argc, char **argv)
{
	const char *jaar_text = NULL;
	const struct opt opts[] = { { "jaar", &jaar_text, NULL },
				    { NULL, NULL, NULL } };
	struct ctx x;
	int rc, jaar = 0;
	int64_t g = 0;

	if ((rc = ctx_open(&x, argc, argv, opts, 3, usage)) >= 0)
		return rc;
	if ((rc = ctx_vereist(&x, 3, true, jaar_text, &jaar,
			      "VAN AAN GEWICHT en --jaar")) ||
	    (rc = cli_int(x.pos[2], "gewicht", 0, KV_MAX_BEDRAG, &g)))
		return ctx_close(&x, rc);
	struct kosten_levering l = { x.pos[0], x.pos[1], g };
	if (store_kostenlevering_zet(x.s, jaar, &l, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	printf("%s levert in %d aan %s met gewicht %lld.\n", l.van, jaar, l.aan,
	       (long long)g);
	return ctx_close(&x, 0);
}

static int
verdeling_gewicht(int argc, char **argv)
{
	const char *jaar_text = NULL;
	const struct opt opts[] = { { "jaar", &jaar_text, NULL },
				    { NULL, NULL, NULL } };
	struct ctx x;
	int rc, jaar = 0;
	int64_t g = 0;

	if ((rc = ctx_open(&x, argc, argv, opts, 3, usage)) >= 0)
		return rc;
	if ((rc = ctx_vereist(&x, 3, true, jaar_text, &jaar,
			      "EENHEID GEMEENTE GEWICHT en --jaar")) ||
	    (rc = cli_int(x.pos[2], "gewicht", 0, KV_MAX_BEDRAG, &g)))
		return ctx_close(&x, rc);
	struct kosten_gewicht kg = { x.pos[0], x.pos[1], g };
	if (store_kostengewicht_zet(x.s, jaar, &kg, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	printf("Gewicht van %s voor %s in %d: %lld.\n", kg.gemeente, kg.eenheid,
	       jaar, (long long)g);
	return ctx_close(&x, 0);
}

static int
verdeling_voorschot(int argc, char **argv)
{
	const char *sw = NULL, *jaar_text = NULL;
	const struct opt opts[] = { { "samenwerking", &sw, NULL },
				    { "jaar", &jaar_text, NULL },
				    { NULL, NULL, NULL } };
	struct ctx x;
	int rc, jaar = 0;
	int64_t cent = 0;

	if ((rc = ctx_open(&x, argc, argv, opts, 2, usage)) >= 0)
		return rc;
	if ((rc = ctx_vereist(&x, 2, sw, jaar_text, &jaar,
			      "GEMEENTE BEDRAG, --samenwerking en --jaar")))
		return ctx_close(&x, rc);
	if (kosten_bedrag_parse(x.pos[1], &cent))
		return ctx_close(&x,
				 cli_usage_error("'%s' is geen bedrag in euro "
						 "(schrijf bijvoorbeeld "
						 "1.234,56).",
						 x.pos[1]));
	if (cent > KV_MAX_BEDRAG || cent < -KV_MAX_BEDRAG)
		return ctx_close(&x, cli_usage_error("'%s': een voorschot ligt "
						     "tussen -1.000 miljard en "
						     "1.000 miljard euro.",
						     x.pos[1]));
	if (store_voorschot_zet(x.s, sw, jaar, x.pos[0], cent, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	printf("Voorschot van %s aan %s over %d: %s.\n", x.pos[0], sw, jaar,
	       bedrag_a(&x.a, cent));
	return ctx_close(&x, 0);
}

static int
verdeling_maatwerk(int argc, char **argv)
{
	const char *jaar_text = NULL;
	const struct opt opts[] = { { "jaar", &jaar_text, NULL },
				    { NULL, NULL, NULL } };
	struct kv_maatwerk m = { 0 };
	struct ctx x;
	int rc, jaar = 0;

	if ((rc = ctx_open(&x, argc, argv, opts, 4, usage)) >= 0)
		return rc;
	if ((rc = ctx_vereist(&x, 4, true, jaar_text, &jaar,
			      "EENHEID GEMEENTE UREN TARIEF en --jaar")))
		return ctx_close(&x, rc);
	/* Hours as 120,5 are hundredths, the way cents are. */
	if (kosten_bedrag_parse(x.pos[2], &m.uren) || m.uren < 0 ||
	    m.uren > KV_MAX_BEDRAG)
		return ctx_close(&x, cli_usage_error("'%s' is geen aantal uren "
						     "(schrijf bijvoorbeeld "
						     "120,5).",
						     x.pos[2]));
	if (kosten_bedrag_parse(x.pos[3], &m.tarief) || m.tarief < 0)
		return ctx_close(&x, cli_usage_error("'%s' is geen tarief in "
						     "euro per uur.",
						     x.pos[3]));
	if (m.tarief > KV_MAX_BEDRAG)
		return ctx_close(&x, cli_usage_error("'%s': een tarief is "
						     "hoogstens 1.000 miljard "
						     "euro per uur.",
						     x.pos[3]));
	m.afdeling = x.pos[0];
	m.gemeente = x.pos[1];
	if (store_maatwerk_zet(x.s, jaar, &m, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	char uren[48];
	present_getal_nl(m.uren / 100, uren, sizeof uren);
	printf("Maatwerk van %s voor %s in %d: %s,%02lld uur tegen %s per "
	       "uur.\n",
	       m.afdeling, m.gemeente, jaar, uren, (long long)(m.uren % 100),
	       bedrag_a(&x.a, m.tarief));
	return ctx_close(&x, 0);
}

static int
verdeling_methode(int argc, char **argv)
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
			      "de methode, --samenwerking en --jaar")))
		return ctx_close(&x, rc);
	enum kv_methode m = kv_methode_van_woord(x.pos[0]);
	if (m == KV_METHODE_GEEN)
		return ctx_close(&x, cli_usage_error("'%s' is geen methode: "
						     "kies rechtstreeks, "
						     "stapsgewijs of "
						     "wederzijds.",
						     x.pos[0]));
	if (store_kostenmethode_zet(x.s, sw, jaar, m, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	printf("%s verdeelt in %d de ondersteunende eenheden %s.\n", sw, jaar,
	       kv_methode_nl(m));
	return ctx_close(&x, 0);
}

int
cmd_verdeling(int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "bereken", verdeling_bereken },
		{ "lijst", verdeling_lijst },
		{ "toon", verdeling_toon },
		{ "vaststellen", verdeling_vaststellen },
		{ "vergelijk", verdeling_vergelijk },
		{ "rol", verdeling_rol },
		{ "levering", verdeling_levering },
		{ "gewicht", verdeling_gewicht },
		{ "maatwerk", verdeling_maatwerk },
		{ "voorschot", verdeling_voorschot },
		{ "methode", verdeling_methode },
		{ NULL, NULL },
	};
	return cli_dispatch(argc, argv, subs, usage);
}

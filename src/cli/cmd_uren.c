/*
 * cmd_uren.c - `ambt uren`: importing hours exports, the batches, the
 * totals and urenverdeling, and the framework deviations (docs/hours-file.md).
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "../present/present.h"
#include "../present/uren.h"
#include "commands.h"
#include "../banned.h"

static const char usage[] =
	"Gebruik:\n"
	"  ambt uren importeer BESTAND.csv [--proef] [--vervang BATCH]\n"
	"                  [--nieuwe-medewerkers] [--format tabel|json]\n"
	"  ambt uren batches [--format tabel|json|csv]\n"
	"  ambt uren totalen [--samenwerking CODE] [--jaar JJJJ]\n"
	"                  [--per maand|kwartaal|jaar] [--format "
	"tabel|json|csv]\n"
	"  ambt uren afwijkingen [--samenwerking CODE] [--jaar JJJJ]\n"
	"                  [--van JJJJ-MM-DD] [--tot JJJJ-MM-DD]\n"
	"                  [--format tabel|json|csv]\n\n"
	"import leest een CSV-export van de urenregistratie (kolommen "
	"medewerker,\ndatum of week, gemeente, eenheid, uren; taakveld, "
	"product en omschrijving\nmogen). Alles of niets: staat er ergens "
	"een fout in, dan wordt niets\nopgeslagen en ziet u elke fout met "
	"regel en kolom. Hetzelfde bestand\nnogmaals inlezen verandert "
	"niets; een verbeterd bestand vervangt een\neerdere batch alleen "
	"met --vervang. Met --nieuwe-medewerkers worden\nonbekende "
	"personeelsnummers aan het medewerkersregister toegevoegd.\n\n"
	"totalen toont de uren per eenheid, periode en gemeente met het "
	"aandeel van\nelke gemeente, en de urenverdeling van het jaar "
	"tegenover het jaar ervoor.\n\n"
	"afwijkingen toont uren die een eenheid schreef voor een gemeente "
	"waarvoor\nzij op die dag volgens haar inrichting niet werkte, met "
	"het kaderartikel.\n";

/* 1234567 as "1.234.567". */
static const char *
getal(struct arena *a, long long v)
{
	char buf[48];

	present_getal_nl(v, buf, sizeof(buf));
	return arena_strdup(a, buf);
}

/* Hours for people: "1.234,50"; for CSV: "1234.50". */
static const char *
uren_tekst_a(const struct ctx *x, struct arena *a, int64_t h)
{
	char buf[48];

	if (x->c.format == FORMAT_CSV) {
		json_t *j = present_uren(h);
		const char *t = arena_strdup(a, json_string_value(j));

		json_decref(j);
		return t;
	}
	present_uren_nl(h, buf, sizeof(buf));
	return arena_strdup(a, buf);
}

static const char *
procent_a(const struct ctx *x, struct arena *a, int32_t bp, bool teken)
{
	char buf[32];

	if (x->c.format == FORMAT_CSV)
		return fmt_a(a, "%s%d.%02d", bp < 0 ? "-" : "",
			     (bp < 0 ? -bp : bp) / 100,
			     (bp < 0 ? -bp : bp) % 100);
	uren_format_procent(bp, teken, buf, sizeof(buf));
	return arena_strdup(a, buf);
}

/* ---- import ---- */

struct voortgang {
	bool aan;
	int laatste;
};

static void
toon_voortgang(void *ctx, size_t gedaan, size_t totaal)
{
	struct voortgang *v = ctx;
	int pct = totaal ? (int)(gedaan * 100 / totaal) : 100;
	char balk[41];

	if (!v->aan || pct == v->laatste)
		return;
	v->laatste = pct;
	for (int i = 0; i < 40; i++)
		balk[i] = i < pct * 40 / 100 ? '#' : '.';
	balk[40] = '\0';
	fprintf(stderr, "\rInlezen [%s] %3d%% (%zu van %zu regels)", balk, pct,
		gedaan, totaal);
	if (gedaan == totaal)
		fputc('\n', stderr);
	fflush(stderr);
}

static void
print_problemen(const char *bestand, const struct uren_resultaat *r,
		const struct err *e)
{
	fprintf(stderr, "ambt: %s: %s\n", bestand, e->message);
	for (size_t i = 0; i < r->nproblemen; i++) {
		const struct uren_probleem *p = &r->problemen[i];

		if (p->regel && p->kolom)
			fprintf(stderr, "  regel %zu, kolom %s: %s\n", p->regel,
				p->kolom, p->melding);
		else if (p->regel)
			fprintf(stderr, "  regel %zu: %s\n", p->regel,
				p->melding);
		else
			fprintf(stderr, "  %s\n", p->melding);
	}
	if (r->nweggelaten)
		fprintf(stderr, "  (en nog %zu problemen)\n", r->nweggelaten);
}

static double
seconden(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) +
	       (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static void
samenvatting(struct ctx *x, const struct uren_resultaat *r, double sec)
{
	struct arena *a = &x->a;

	printf("  regels               %s\n",
	       getal(a, (long long)r->nboekingen));
	printf("  medewerkers          %s\n",
	       getal(a, (long long)r->nmedewerkers));
	printf("  gemeenten            %zu\n", r->ngemeenten);
	printf("  uren                 %s\n",
	       uren_tekst_a(x, a, r->honderdsten));
	printf("  periode              %s t/m %s\n", date_nl_a(a, r->van),
	       date_nl_a(a, r->tot));
	if (r->nafwijkingen)
		printf("  afwijkingen          %s %s (%s uur) buiten de "
		       "inrichting; zie 'ambt uren afwijkingen'\n",
		       getal(a, (long long)r->nafwijkingen),
		       r->nafwijkingen == 1 ? "regel" : "regels",
		       uren_tekst_a(x, a, r->afwijkende_honderdsten));
	else
		printf("  afwijkingen          geen\n");
	if (r->nnieuw)
		printf("  nieuwe medewerkers   %zu (vul hun gegevens aan met "
		       "'ambt medewerker wijzig')\n",
		       r->nnieuw);
	for (size_t i = 0; i < r->nonbekend; i++)
		printf("  genegeerde kolom     %s\n", r->onbekende_kolommen[i]);
	printf("  tijd                 %d,%02d s\n", (int)sec,
	       (int)((sec - (int)sec) * 100));
}

static int
uren_import(int argc, char **argv)
{
	bool dry = false, nieuw = false;
	const char *vervang_text = NULL;
	const struct opt opts[] = {
		{ "proef", NULL, &dry },
		{ "nieuwe-medewerkers", NULL, &nieuw },
		{ "vervang", &vervang_text, NULL },
		{ NULL, NULL, NULL },
	};
	struct voortgang vg = { .laatste = -1 };
	struct uren_opties o = { .voortgang = toon_voortgang, .ctx = &vg };
	struct uren_register reg;
	struct uren_resultaat res;
	struct uren_batch batch;
	struct timespec t0;
	bool al = false;
	int64_t vervang = 0;
	struct arena fa;
	const char *naam;
	struct ctx x;
	struct cli_bestand f;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 1, usage)) >= 0)
		return rc;
	if (x.npos != 1)
		return ctx_close(&x, cli_usage_error("Noem het bestand met "
						     "uren."));
	if ((rc = cli_int(vervang_text, "--vervang", 1, INT64_MAX, &vervang)))
		return ctx_close(&x, rc);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((rc = cli_read_file(x.pos[0], &f)))
		return ctx_close(&x, rc);
	naam = strrchr(x.pos[0], '/') ? strrchr(x.pos[0], '/') + 1 : x.pos[0];
	/* A progress bar only on a terminal, and only for large files. */
	vg.aan = isatty(STDERR_FILENO) && f.n > (4u << 20);
	o.nieuwe_medewerkers = nieuw;
	arena_init(&fa, (64u << 20) + 16 * f.n);
	rc = 0;
	if (store_uren_register(x.s, &fa, &reg, &x.e)) {
		rc = cli_fail(&x.e);
		goto out;
	}
	/* A dry run goes the whole way and is undone: the same answer. */
	store_uren_import(x.s, &x.a, &fa, &reg, f.data, f.n, &o, naam, vervang,
			  dry, &res, &batch, &al, &x.e);
	if (x.e.status == ST_INVALID && (res.nproblemen || res.nweggelaten)) {
		/* The file itself has problems. */
		if (x.c.format == FORMAT_JSON) {
			json_t *j = json_object();

			json_object_set_new(j, "melding",
					    json_string(x.e.message));
			json_object_set_new(j, "problemen",
					    present_uren_problemen_json(&res));
			json_print(j, stdout);
		}
		print_problemen(x.pos[0], &res, &x.e);
		rc = EXIT_USER;
		goto out;
	}
	if (x.e.status == ST_INVALID) {
		/* Over 24 hours together with earlier batches. */
		fprintf(stderr,
			"ambt: %s: Het bestand is niet ingelezen; er is niets "
			"opgeslagen.\n",
			x.pos[0]);
		for (size_t i = 0; i < x.e.nproblems; i++)
			fprintf(stderr, "  %s: %s\n", x.e.problems[i].name,
				x.e.problems[i].reason);
		rc = EXIT_USER;
		goto out;
	}
	if (x.e.status != ST_OK) {
		rc = cli_fail(&x.e);
		goto out;
	}
	if (dry) {
		printf("Proef: %s is in orde; er is niets opgeslagen.\n", naam);
		samenvatting(&x, &res, seconden(&t0));
		goto out;
	}
	if (x.c.format == FORMAT_JSON) {
		json_t *j = present_batch_json(&batch);

		json_object_set_new(j, "alIngelezen", json_boolean(al));
		json_print(j, stdout);
		goto out;
	}
	if (al) {
		printf("%s is al ingelezen als batch %lld (%s); er is niets "
		       "veranderd.\n",
		       naam, (long long)batch.id,
		       ctx_moment(&x, batch.ingelezen));
		goto out;
	}
	if (vervang)
		printf("Ingelezen als batch %lld, in plaats van batch %lld: "
		       "%s\n",
		       (long long)batch.id, (long long)vervang, naam);
	else
		printf("Ingelezen als batch %lld: %s\n", (long long)batch.id,
		       naam);
	samenvatting(&x, &res, seconden(&t0));
out:
	cli_file_free(&f);
	arena_free(&fa);
	return ctx_close(&x, rc);
}

/* ---- batches ---- */

static int
uren_batches(int argc, char **argv)
{
	static const char *const h[] = {
		"Batch", "Ingelezen", "Bestand",     "Regels",	       "Uren",
		"Van",	 "Tot",	      "Afwijkingen", "Vervangen door",
	};
	struct uren_batch *b;
	struct table t;
	struct ctx x;
	size_t n;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, NULL, 0, usage)) >= 0)
		return rc;
	if (store_uren_batches(x.s, &x.a, &b, &n, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	if (x.c.format == FORMAT_JSON) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, present_batch_json(&b[i]));
		json_print(arr, stdout);
		return ctx_close(&x, 0);
	}
	table_init(&t, &x.a, 9, h);
	for (size_t i = 0; i < n; i++) {
		const char *row[] = {
			fmt_a(&x.a, "%lld", (long long)b[i].id),
			ctx_moment(&x, b[i].ingelezen),
			b[i].bestand,
			x.c.format == FORMAT_CSV
				? fmt_a(&x.a, "%lld", (long long)b[i].rijen)
				: getal(&x.a, b[i].rijen),
			uren_tekst_a(&x, &x.a, b[i].honderdsten),
			ctx_date(&x, b[i].van),
			ctx_date(&x, b[i].tot),
			fmt_a(&x.a, "%lld", (long long)b[i].afwijkingen),
			b[i].vervangen_door
				? fmt_a(&x.a, "%lld",
					(long long)b[i].vervangen_door)
				: "",
		};
		table_row(&t, row);
	}
	ctx_table(&x, &t);
	return ctx_close(&x, 0);
}

/* ---- totals ---- */

static int
uren_totalen(int argc, char **argv)
{
	const char *sw = NULL, *jaar_text = NULL, *per_text = NULL;
	const struct opt opts[] = { { "samenwerking", &sw, NULL },
				    { "jaar", &jaar_text, NULL },
				    { "per", &per_text, NULL },
				    { NULL, NULL, NULL } };
	static const char *const h[] = { "Eenheid", "Periode", "Gemeente",
					 "Uren", "Aandeel" };
	static const char *const hv[] = {
		"Gemeente",	      "Uren",	 "Aandeel", "Uren vorig jaar",
		"Aandeel vorig jaar", "Verschil"
	};
	enum uren_per per = PER_JAAR;
	struct uren_verdeling v;
	struct uren_maand *m;
	struct table t;
	struct ctx x;
	int jaar = 0, rc;
	size_t n;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	if ((rc = cli_jaar(jaar_text, &jaar)))
		return ctx_close(&x, rc);
	if (per_text && uren_per_parse(per_text, &per))
		return ctx_close(&x, cli_usage_error("--per: kies maand, "
						     "kwartaal of jaar."));
	if (sw) {
		struct samenwerking s;

		if (store_samenwerking_get(x.s, &x.a, sw, &s, &x.e))
			return ctx_close(&x, cli_fail(&x.e));
	}
	if (!jaar && store_uren_laatste_jaar(x.s, sw, &jaar, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	if (!jaar) {
		puts("Er zijn nog geen uren ingelezen.");
		return ctx_close(&x, 0);
	}
	if (store_uren_maanden(x.s, &x.a, sw, jaar - 1, jaar, &m, &n, &x.e) ||
	    uren_verdeling_maak(&x.a, m, n, jaar, per, &v, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	if (x.c.format == FORMAT_JSON) {
		json_print(present_verdeling_json(&v, sw), stdout);
		return ctx_close(&x, 0);
	}
	table_init(&t, &x.a, 5, h);
	for (size_t i = 0; i < v.nregels; i++) {
		const struct uren_totaalregel *r = &v.regels[i];
		char label[24];
		const char *row[5];

		uren_periode_label(r->jaar, per, r->periode, label,
				   sizeof(label));
		row[0] = r->eenheid;
		row[1] = arena_strdup(&x.a, label);
		row[2] = x.c.format == FORMAT_CSV ? r->gemeente
						  : r->gemeente_naam;
		row[3] = uren_tekst_a(&x, &x.a, r->honderdsten);
		row[4] = procent_a(&x, &x.a, r->aandeel, false);
		table_row(&t, row);
	}
	if (x.c.format == FORMAT_CSV) {
		table_csv(&t, stdout);
		return ctx_close(&x, 0);
	}
	if (t.nrows == 0) {
		printf("Geen uren in %d.\n", jaar);
		return ctx_close(&x, 0);
	}
	printf("Uren per eenheid en %s in %d%s%s\n\n", uren_per_naam(per), jaar,
	       sw ? ", samenwerking " : "", sw ? sw : "");
	table_print(&t, stdout, "");
	printf("\nUrenverdeling %d (aandeel van elke gemeente in alle uren)\n\n",
	       jaar);
	table_init(&t, &x.a, 6, hv);
	for (size_t i = 0; i < v.ngemeenten; i++) {
		const struct uren_aandeel *g = &v.gemeenten[i];
		const char *row[] = {
			g->gemeente_naam,
			uren_tekst_a(&x, &x.a, g->honderdsten),
			procent_a(&x, &x.a, g->aandeel, false),
			g->vorig_bekend ? uren_tekst_a(&x, &x.a, g->vorig)
					: "-",
			g->vorig_bekend
				? procent_a(&x, &x.a, g->vorig_aandeel, false)
				: "-",
			g->vorig_bekend ? procent_a(&x, &x.a, g->verschil, true)
					: "-",
		};
		table_row(&t, row);
	}
	{
		const char *row[] = {
			"Totaal",
			uren_tekst_a(&x, &x.a, v.totaal),
			"100,00 %",
			v.vorig_totaal ? uren_tekst_a(&x, &x.a, v.vorig_totaal)
				       : "-",
			v.vorig_totaal ? "100,00 %" : "-",
			""
		};
		table_row(&t, row);
	}
	table_print(&t, stdout, "");
	if (!v.vorig_totaal)
		printf("\nVan %d zijn geen uren ingelezen; er is geen "
		       "verschil te tonen.\n",
		       jaar - 1);
	return ctx_close(&x, 0);
}

/* ---- deviations ---- */

static const char *
reden_a(struct arena *a, const struct uren_afwijking_groep *g)
{
	char buf[160];

	present_afwijking_reden(g, buf, sizeof(buf));
	return arena_strdup(a, buf);
}

static int
uren_afwijkingen_cmd(int argc, char **argv)
{
	const char *sw = NULL, *jaar_text = NULL, *van_text = NULL,
		   *tot_text = NULL;
	const struct opt opts[] = { { "samenwerking", &sw, NULL },
				    { "jaar", &jaar_text, NULL },
				    { "van", &van_text, NULL },
				    { "tot", &tot_text, NULL },
				    { NULL, NULL, NULL } };
	static const char *const h[] = { "Eenheid",    "Gemeente",    "Van",
					 "Tot en met", "Dagen",	      "Uren",
					 "Reden",      "Kaderartikel" };
	struct uren_afwijking_groep *g;
	struct uren_register reg;
	struct uren_cel *cellen;
	day_t van = DATE_NONE, tot = DATE_NONE;
	size_t ncellen, ng;
	struct table t;
	struct ctx x;
	int jaar = 0, rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	if ((rc = cli_jaar(jaar_text, &jaar)) ||
	    (van_text && (rc = cli_date(van_text, "van", &van))) ||
	    (tot_text && (rc = cli_date(tot_text, "tot", &tot))))
		return ctx_close(&x, rc);
	if (jaar) {
		van = date_from_ymd(jaar, 1, 1);
		tot = date_from_ymd(jaar + 1, 1, 1);
	}
	if (sw) {
		struct samenwerking s;

		if (store_samenwerking_get(x.s, &x.a, sw, &s, &x.e))
			return ctx_close(&x, cli_fail(&x.e));
	}
	if (store_uren_register(x.s, &x.a, &reg, &x.e) ||
	    store_uren_cellen(x.s, &x.a, &reg, sw, van, tot, &cellen, &ncellen,
			      &x.e) ||
	    uren_afwijkingen(&x.a, &reg, cellen, ncellen, &g, &ng, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	if (x.c.format == FORMAT_JSON) {
		json_print(present_afwijkingen_json(&reg, g, ng, sw, van, tot),
			   stdout);
		return ctx_close(&x, 0);
	}
	table_init(&t, &x.a, 8, h);
	for (size_t i = 0; i < ng; i++) {
		const struct uren_afwijking_groep *a = &g[i];
		const char *row[] = {
			reg.eenheden[a->eenheid].code,
			x.c.format == FORMAT_CSV
				? reg.gemeenten[a->gemeente].code
				: reg.gemeenten[a->gemeente].naam,
			ctx_date(&x, a->eerste),
			ctx_date(&x, a->laatste),
			fmt_a(&x.a, "%zu", a->dagen),
			uren_tekst_a(&x, &x.a, a->honderdsten),
			x.c.format == FORMAT_CSV
				? uren_afwijking_naam(a->afwijking)
				: reden_a(&x.a, a),
			a->artikel ? fmt_a(&x.a, "artikel %d (%s)",
					   a->artikel->nummer,
					   a->artikel->titel ? a->artikel->titel
							     : "")
				   : "",
		};
		table_row(&t, row);
	}
	if (x.c.format == FORMAT_CSV) {
		table_csv(&t, stdout);
		return ctx_close(&x, 0);
	}
	if (ng == 0) {
		puts("Geen afwijkingen: alle uren zijn geschreven volgens de "
		     "inrichting.");
		return ctx_close(&x, 0);
	}
	table_print(&t, stdout, "");
	return ctx_close(&x, 0);
}

int
cmd_uren(int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "importeer", uren_import },
		{ "batches", uren_batches },
		{ "totalen", uren_totalen },
		{ "afwijkingen", uren_afwijkingen_cmd },
		{ NULL, NULL },
	};
	return cli_dispatch(argc, argv, subs, usage);
}

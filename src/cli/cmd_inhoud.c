/*
 * cmd_inhoud.c - `ambt inhoud`: what the database holds, table by table,
 * as a number of rows and a fingerprint (SHA-256) of their content. Two
 * databases with the same fingerprints hold the same data, whichever
 * engine keeps them: a backup and its restore, a SQLite file and the
 * PostgreSQL database it moved to.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "../present/json.h"
#include "../banned.h"

static const char usage[] =
	"Gebruik: ambt inhoud [--zonder TABEL,TABEL] [--controleer]\n"
	"                     [--format tabel|json|csv]\n\n"
	"Toont per tabel hoeveel rijen de database heeft en een vingerafdruk "
	"(SHA-256)\nvan hun inhoud. Twee databases met dezelfde "
	"vingerafdrukken bevatten hetzelfde,\nook als de ene SQLite is en de "
	"andere PostgreSQL. Met --zonder blijven tabellen\nbuiten "
	"beschouwing (bijvoorbeeld audit,sessie,inlogpoging). Met --controleer "
	"laat de\ndatabase eerst zelf nagaan of ze heel is (bij SQLite: "
	"integrity_check en de\nverwijzingen); is ze dat niet, dan is de "
	"uitkomst 1.\n";

/* Whether `naam` is one of the comma-separated names in `lijst`. */
static bool
in_lijst(const char *lijst, const char *naam)
{
	size_t n = strlen(naam);

	for (const char *p = lijst; p && *p;) {
		const char *k = strchr(p, ',');
		size_t m = k ? (size_t)(k - p) : strlen(p);

		if (m == n && strncmp(p, naam, n) == 0)
			return true;
		p = k ? k + 1 : NULL;
	}
	return false;
}

int
cmd_inhoud(int argc, char **argv)
{
	const char *zonder = NULL;
	bool controleer = false;
	const struct opt opts[] = {
		{ "zonder", &zonder, NULL },
		{ "controleer", NULL, &controleer },
		{ NULL, NULL, NULL },
	};
	static const char *const h[] = { "Tabel", "Rijen", "Vingerafdruk" };
	struct store_tabel *t;
	struct table tab;
	struct ctx x;
	size_t n;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, usage)) >= 0)
		return rc;
	if (zonder && strlen(zonder) > 1000)
		return ctx_close(&x, cli_usage_error("--zonder is te lang."));
	if (controleer && store_check_integrity(x.s, &x.e)) {
		fprintf(stderr, "ambt: de database is niet heel: %s\n",
			x.e.detail[0] ? x.e.detail : x.e.message);
		return ctx_close(&x, EXIT_USER);
	}
	if (store_inhoud(x.s, &x.a, &t, &n, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	for (const char *p = zonder; p && *p;) {
		const char *k = strchr(p, ',');
		size_t m = k ? (size_t)(k - p) : strlen(p);
		bool bekend = false;

		for (size_t i = 0; i < n && !bekend; i++)
			bekend = strlen(t[i].naam) == m &&
				 strncmp(p, t[i].naam, m) == 0;
		if (!bekend)
			return ctx_close(
				&x, cli_usage_error("--zonder: er is geen "
						    "tabel '%.*s'.",
						    (int)(m > 64 ? 64 : m), p));
		p = k ? k + 1 : NULL;
	}
	if (x.c.format == FORMAT_JSON) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++)
			if (!in_lijst(zonder, t[i].naam))
				json_array_append_new(
					arr,
					json_pack("{s:s, s:I, s:s}", "tabel",
						  t[i].naam, "rijen",
						  (json_int_t)t[i].rijen,
						  "sha256", t[i].sha256));
		json_print(arr, stdout);
		return ctx_close(&x, 0);
	}
	table_init(&tab, &x.a, 3, h);
	for (size_t i = 0; i < n; i++) {
		const char *row[] = {
			t[i].naam,
			fmt_a(&x.a, "%lld", (long long)t[i].rijen),
			t[i].sha256,
		};

		if (!in_lijst(zonder, t[i].naam))
			table_row(&tab, row);
	}
	ctx_table(&x, &tab);
	return ctx_close(&x, 0);
}

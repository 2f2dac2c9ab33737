/*
 * cmd_gemeente.c - `ambt gemeente` (municipalities) and `ambt regeling`
 * (joint bodies): the organisations of the register.
 */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "afspraak_cli.h"
#include "cli.h"
#include "../core/text.h"
#include "../present/json.h"
#include "../present/present.h"
#include "commands.h"
#include "../store/store_qmatic.h"
#include "../banned.h"

static const char gemeente_usage[] =
	"Gebruik:\n"
	"  ambt gemeente lijst [--format tabel|json|csv]\n"
	"  ambt gemeente toon CBS-CODE [--format tabel|json|csv]\n"
	"  ambt gemeente toevoegen --code GMnnnn --naam NAAM [--provincie P]\n"
	"                    [--inwoners AANTAL --peildatum JJJJ-MM-DD]\n"
	"  ambt gemeente qmatic-sleutel CBS-CODE\n\n"
	"qmatic-sleutel maakt een nieuwe sleutel (X-Api-Key) voor de "
	"Qmatic-koppeling\nvan de gemeente (Open Formulieren); de vorige "
	"werkt dan niet meer.\n\n"
	"Gemeenten worden aangeduid met hun CBS-code, bijvoorbeeld GM0358 "
	"(Aalsmeer).\n";

static const char regeling_usage[] =
	"Gebruik:\n"
	"  ambt regeling lijst [--format tabel|json|csv]\n"
	"  ambt regeling toon CODE [--format tabel|json|csv]\n\n"
	"Gemeenschappelijke regelingen (zoals GRIT, IASZ, GBKZ) en hun "
	"leden.\n";

static json_t *
org_json(const struct organisatie *o)
{
	json_t *j = json_object();

	json_object_set_new(j, "code", jstr(o->code));
	json_object_set_new(j, "naam", jstr(o->naam));
	if (o->soort == ORG_GEMEENTE) {
		json_object_set_new(j, "provincie", jstr(o->provincie));
		json_object_set_new(j, "inwoners",
				    o->inwoners >= 0 ? json_integer(o->inwoners)
						     : json_null());
		json_object_set_new(j, "peildatum",
				    jdate(o->inwoners_peildatum));
	} else {
		json_object_set_new(j, "taak", jstr(o->taak));
		json_object_set_new(j, "verzonnen", json_boolean(o->verzonnen));
	}
	return j;
}

static const char *
inwoners_text(struct arena *a, int64_t n)
{
	char buf[48];

	if (n < 0)
		return "";
	present_getal_nl((long long)n, buf, sizeof(buf));
	return arena_strdup(a, buf);
}

static int
list_orgs(int argc, char **argv, enum org_soort soort, const char *usage)
{
	struct cli_common c = { 0 };
	struct store *s;
	struct arena a;
	struct err e;
	struct organisatie *o;
	size_t n, npos;
	const char *pos[1];
	int rc;

	if ((rc = cli_parse(argc, argv, NULL, &c, pos, 0, &npos, usage)) ||
	    c.help)
		return rc;
	if ((rc = cli_open(&c, &s)))
		return rc;
	arena_init(&a, 64u << 20);
	err_clear(&e);
	if (store_organisatie_list(s, &a, soort, &o, &n, &e)) {
		rc = cli_fail(&e);
		goto out;
	}
	if (c.format == FORMAT_JSON) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, org_json(&o[i]));
		json_print(arr, stdout);
		goto out;
	}
	struct table t;
	if (soort == ORG_GEMEENTE) {
		static const char *const h[] = { "CBS-code", "Naam",
						 "Provincie", "Inwoners",
						 "Peildatum" };
		table_init(&t, &a, 5, h);
		for (size_t i = 0; i < n; i++) {
			const char *row[] = {
				o[i].code,
				o[i].naam,
				o[i].provincie,
				c.format == FORMAT_CSV
					? (o[i].inwoners >= 0
						   ? fmt_a(&a, "%lld",
							   (long long)o[i]
								   .inwoners)
						   : "")
					: inwoners_text(&a, o[i].inwoners),
				c.format == FORMAT_CSV
					? date_iso_a(&a,
						     o[i].inwoners_peildatum)
					: date_nl_a(&a,
						    o[i].inwoners_peildatum),
			};
			table_row(&t, row);
		}
	} else {
		static const char *const h[] = { "Code", "Naam", "Taak",
						 "Leden" };
		table_init(&t, &a, 4, h);
		for (size_t i = 0; i < n; i++) {
			struct lidmaatschap *l;
			size_t nl;
			const char *leden = "";

			if (store_regeling_leden(s, &a, o[i].code, &l, &nl,
						 &e)) {
				rc = cli_fail(&e);
				goto out;
			}
			for (size_t j = 0; j < nl; j++)
				leden = fmt_a(&a, "%s%s%s", leden,
					      j ? ", " : "",
					      l[j].gemeente_naam);
			const char *row[] = { o[i].code, o[i].naam, o[i].taak,
					      leden };
			table_row(&t, row);
		}
	}
	if (c.format == FORMAT_CSV)
		table_csv(&t, stdout);
	else
		table_print(&t, stdout, "");
out:
	arena_free(&a);
	store_close(s);
	return rc;
}

static int
gemeente_list(int argc, char **argv)
{
	return list_orgs(argc, argv, ORG_GEMEENTE, gemeente_usage);
}

static int
regeling_list(int argc, char **argv)
{
	return list_orgs(argc, argv, ORG_REGELING, regeling_usage);
}

/* Cooperations a municipality is (or was) a member of. */
static int
memberships_of(struct store *s, struct arena *a, const char *code,
	       struct table *t, json_t *arr, bool iso, struct err *e)
{
	struct samenwerking *sw;
	size_t n;

	if (store_samenwerking_list(s, a, &sw, &n, e))
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct lidmaatschap *l;
		size_t nl;

		if (store_samenwerking_leden(s, a, sw[i].code, &l, &nl, e))
			return -1;
		for (size_t j = 0; j < nl; j++) {
			if (strcmp(l[j].gemeente, code) != 0)
				continue;
			if (arr) {
				json_t *m = json_object();
				json_object_set_new(m, "samenwerking",
						    jstr(sw[i].code));
				json_object_set_new(m, "naam",
						    jstr(sw[i].naam));
				json_object_set_new(m, "van",
						    jdate(l[j].periode.van));
				json_object_set_new(m, "tot",
						    jdate(l[j].periode.tot));
				json_array_append_new(arr, m);
			} else {
				const char *row[] = {
					sw[i].code,
					sw[i].naam,
					iso ? date_iso_a(a, l[j].periode.van)
					    : date_nl_a(a, l[j].periode.van),
					iso ? date_iso_a(a, l[j].periode.tot)
					    : date_nl_a(a, l[j].periode.tot),
				};
				table_row(t, row);
			}
		}
	}
	return 0;
}

static int
gemeente_show(int argc, char **argv)
{
	struct cli_common c = { 0 };
	struct store *s;
	struct arena a;
	struct err e;
	struct organisatie o;
	struct inwonertal *t;
	size_t n, npos;
	const char *pos[1];
	int rc;
	static const char *const mh[] = { "Samenwerking", "Naam", "Lid van",
					  "Lid tot" };
	struct table mt;

	if ((rc = cli_parse(argc, argv, NULL, &c, pos, 1, &npos,
			    gemeente_usage)) ||
	    c.help)
		return rc;
	if (npos != 1)
		return cli_usage_error("noem de CBS-code van de gemeente, "
				       "bijvoorbeeld 'ambt gemeente toon "
				       "GM0358'.");
	if ((rc = cli_open(&c, &s)))
		return rc;
	arena_init(&a, 64u << 20);
	err_clear(&e);
	if (store_organisatie_get(s, &a, pos[0], &o, &e) ||
	    (o.soort != ORG_GEMEENTE &&
	     err_set(&e, ST_NOT_FOUND, "%s is geen gemeente.", pos[0])) ||
	    store_inwonertal_list(s, &a, pos[0], &t, &n, &e)) {
		rc = cli_fail(&e);
		goto out;
	}
	if (c.format == FORMAT_JSON) {
		json_t *j = org_json(&o), *arr = json_array(),
		       *m = json_array();
		for (size_t i = 0; i < n; i++) {
			json_t *x = json_object();
			json_object_set_new(x, "peildatum",
					    jdate(t[i].peildatum));
			json_object_set_new(x, "aantal",
					    json_integer(t[i].aantal));
			json_object_set_new(x, "bron", jstr(t[i].bron));
			json_array_append_new(arr, x);
		}
		json_object_set_new(j, "inwonertallen", arr);
		if (memberships_of(s, &a, o.code, NULL, m, true, &e)) {
			json_decref(j);
			json_decref(m);
			rc = cli_fail(&e);
			goto out;
		}
		json_object_set_new(j, "samenwerkingen", m);
		json_print(j, stdout);
		goto out;
	}
	table_init(&mt, &a, 4, mh);
	if (memberships_of(s, &a, o.code, &mt, NULL, c.format == FORMAT_CSV,
			   &e)) {
		rc = cli_fail(&e);
		goto out;
	}
	if (c.format == FORMAT_CSV) {
		table_csv(&mt, stdout);
		goto out;
	}
	printf("%s (%s)\nProvincie:  %s\n", o.naam, o.code,
	       o.provincie ? o.provincie : "onbekend");
	printf("\nInwoners\n");
	for (size_t i = 0; i < n; i++)
		printf("  %-18s %10s  (bron: %s)\n",
		       date_nl_a(&a, t[i].peildatum),
		       inwoners_text(&a, t[i].aantal),
		       t[i].bron ? t[i].bron : "onbekend");
	if (n == 0)
		printf("  geen gegevens\n");
	printf("\nSamenwerkingen\n");
	if (mt.nrows)
		table_print(&mt, stdout, "  ");
	else
		printf("  geen\n");
out:
	arena_free(&a);
	store_close(s);
	return rc;
}

static int
gemeente_add(int argc, char **argv)
{
	struct cli_common c = { 0 };
	const char *code = NULL, *naam = NULL, *provincie = NULL,
		   *inwoners = NULL, *peildatum = NULL;
	const struct opt opts[] = {
		{ "code", &code, NULL },
		{ "naam", &naam, NULL },
		{ "provincie", &provincie, NULL },
		{ "inwoners", &inwoners, NULL },
		{ "peildatum", &peildatum, NULL },
		{ NULL, NULL, NULL },
	};
	struct organisatie o = { 0 };
	struct store *s;
	struct err e;
	const char *pos[1];
	size_t npos;
	int rc;

	if ((rc = cli_parse(argc, argv, opts, &c, pos, 0, &npos,
			    gemeente_usage)) ||
	    c.help)
		return rc;
	o.soort = ORG_GEMEENTE;
	o.code = code;
	o.naam = naam;
	o.provincie = provincie;
	o.inwoners = -1;
	o.inwoners_peildatum = DATE_NONE;
	err_clear(&e);
	if (inwoners &&
	    text_int_parse(inwoners, 0, REG_MAX_INWONERS, &o.inwoners)) {
		text_int_problem("inwoners", "range", 0, REG_MAX_INWONERS, &e);
		o.inwoners = 0; /* given and refused: not "missing" */
	}
	if (peildatum && date_parse(peildatum, &o.inwoners_peildatum))
		err_invalid(&e, "peildatum", "date",
			    "'%.20s' is geen geldige datum (JJJJ-MM-DD).",
			    peildatum);
	if ((rc = cli_open(&c, &s)))
		return rc;
	/* The store adds its own checks to the problems found so far. */
	if (store_organisatie_add(s, &o, cli_today(), &e))
		rc = cli_fail(&e);
	else
		printf("Gemeente %s (%s) toegevoegd.\n", naam, code);
	store_close(s);
	return rc;
}

enum status
qmatic_sleutel_maak(struct store *s, const char *gemeente, char *sleutel,
		    struct err *e)
{
	unsigned char b[QMATIC_SLEUTEL_LEN / 2], d[crypto_hash_sha256_BYTES];
	char hash[2 * crypto_hash_sha256_BYTES + 1];

	randombytes_buf(b, sizeof(b));
	sodium_bin2hex(sleutel, QMATIC_SLEUTEL_LEN + 1, b, sizeof(b));
	/* Hashed as API tokens are (http/auth.c): hex SHA-256. */
	crypto_hash_sha256(d, (const unsigned char *)sleutel,
			   QMATIC_SLEUTEL_LEN);
	sodium_bin2hex(hash, sizeof(hash), d, sizeof(d));
	sodium_memzero(b, sizeof(b));
	return store_qmatic_sleutel_set(s, gemeente, hash, e);
}

static int
gemeente_qmatic_sleutel(int argc, char **argv)
{
	struct cli_common c = { 0 };
	char sleutel[QMATIC_SLEUTEL_LEN + 1];
	struct store *s;
	struct err e;
	const char *pos[1];
	size_t npos;
	int rc;

	if ((rc = cli_parse(argc, argv, NULL, &c, pos, 1, &npos,
			    gemeente_usage)) ||
	    c.help)
		return rc;
	if (npos != 1)
		return cli_usage_error("noem de CBS-code van de gemeente, "
				       "bijvoorbeeld 'ambt gemeente "
				       "qmatic-sleutel GM0358'.");
	if ((rc = cli_open(&c, &s)))
		return rc;
	err_clear(&e);
	if (qmatic_sleutel_maak(s, pos[0], sleutel, &e))
		rc = cli_fail(&e);
	else
		printf("Nieuwe sleutel voor de Qmatic-koppeling van %s (kopregel "
		       "X-Api-Key; alleen nu getoond):\n%s\n",
		       pos[0], sleutel);
	sodium_memzero(sleutel, sizeof(sleutel));
	store_close(s);
	return rc;
}

int
cmd_gemeente(int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "lijst", gemeente_list },
		{ "toon", gemeente_show },
		{ "toevoegen", gemeente_add },
		{ "qmatic-sleutel", gemeente_qmatic_sleutel },
		{ NULL, NULL },
	};
	return cli_dispatch(argc, argv, subs, gemeente_usage);
}

static int
regeling_show(int argc, char **argv)
{
	struct cli_common c = { 0 };
	struct store *s;
	struct arena a;
	struct err e;
	struct organisatie o;
	struct lidmaatschap *l;
	size_t n, npos;
	const char *pos[1];
	int rc;
	static const char *const h[] = { "Gemeente", "CBS-code", "Lid van",
					 "Lid tot" };
	struct table t;

	if ((rc = cli_parse(argc, argv, NULL, &c, pos, 1, &npos,
			    regeling_usage)) ||
	    c.help)
		return rc;
	if (npos != 1)
		return cli_usage_error("noem de code van de regeling, "
				       "bijvoorbeeld 'ambt regeling toon "
				       "GRIT'.");
	if ((rc = cli_open(&c, &s)))
		return rc;
	arena_init(&a, 64u << 20);
	err_clear(&e);
	if (store_organisatie_get(s, &a, pos[0], &o, &e) ||
	    (o.soort != ORG_REGELING &&
	     err_set(&e, ST_NOT_FOUND,
		     "%s is geen gemeenschappelijke regeling.", pos[0])) ||
	    store_regeling_leden(s, &a, pos[0], &l, &n, &e)) {
		rc = cli_fail(&e);
		goto out;
	}
	if (c.format == FORMAT_JSON) {
		json_t *j = org_json(&o), *arr = json_array();
		for (size_t i = 0; i < n; i++) {
			json_t *x = json_object();
			json_object_set_new(x, "gemeente", jstr(l[i].gemeente));
			json_object_set_new(x, "naam",
					    jstr(l[i].gemeente_naam));
			json_object_set_new(x, "van", jdate(l[i].periode.van));
			json_object_set_new(x, "tot", jdate(l[i].periode.tot));
			json_array_append_new(arr, x);
		}
		json_object_set_new(j, "leden", arr);
		json_print(j, stdout);
		goto out;
	}
	table_init(&t, &a, 4, h);
	for (size_t i = 0; i < n; i++) {
		bool iso = c.format == FORMAT_CSV;
		const char *row[] = {
			l[i].gemeente_naam,
			l[i].gemeente,
			iso ? date_iso_a(&a, l[i].periode.van)
			    : date_nl_a(&a, l[i].periode.van),
			iso ? date_iso_a(&a, l[i].periode.tot)
			    : date_nl_a(&a, l[i].periode.tot),
		};
		table_row(&t, row);
	}
	if (c.format == FORMAT_CSV) {
		table_csv(&t, stdout);
		goto out;
	}
	printf("%s (%s)\nTaak:  %s%s\n\nLeden\n", o.naam, o.code,
	       o.taak ? o.taak : "onbekend",
	       o.verzonnen ? "\n(let op: gegevens deels verzonnen voor de demo)"
			   : "");
	table_print(&t, stdout, "  ");
out:
	arena_free(&a);
	store_close(s);
	return rc;
}

int
cmd_regeling(int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "lijst", regeling_list },
		{ "toon", regeling_show },
		{ NULL, NULL },
	};
	return cli_dispatch(argc, argv, subs, regeling_usage);
}

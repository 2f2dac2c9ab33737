/*
 * cmd_setup.c - `ambt nieuw` and `ambt demo`: create a database.
 *
 * `demo` builds the new database beside the target (PATH.nieuw) and
 * renames it into place only when everything loaded, so a failed load
 * never leaves a half-filled database and --overschrijf never destroys the
 * old one for nothing.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "afspraak_cli.h"
#include "cli.h"
#include "commands.h"
#include "../core/password.h"
#include "../core/totp.h"
#include "../banned.h"

static const char init_usage[] =
	"Gebruik: ambt nieuw [--db DATABASE] [--register DOCUMENT.json]\n\n"
	"Maakt een nieuwe database met de referentielijsten (de gemeenten "
	"volgens het CBS\nen de BBV-taakvelden), zonder samenwerkingen of "
	"besluiten. Een bestaande\ndatabase blijft ongemoeid.\n\n"
	"  --register DOCUMENT.json   laad ook een registerdocument "
	"(samenwerkingen,\n                             eenheden, besluiten; "
	"zie docs/register-document.md);\n"
	"                             bij een fout wordt geen database "
	"gemaakt\n";

static const char demo_usage[] =
	"Gebruik: ambt demo [--db DATABASE] [--overschrijf]\n\n"
	"Maakt een database met de demogegevens: de samenwerkingen "
	"Amstelveen–Aalsmeer (AA),\nHeemstede–Bloemendaal (HB) en "
	"Wormerland–Oostzaan–Landsmeer (WOL), hun eenheden,\nkaders, "
	"werkstromen en besluiten, en de balie op afspraak van Aalsmeer en "
	"Amstelveen:\nvestigingen, producten, een rooster van drie weken "
	"terug tot twaalf weken\nvooruit en afspraken. Wat de openbare bronnen "
	"niet noemen, is verzonnen en\nals zodanig gemarkeerd.\n\n"
	"  --overschrijf   vervang een bestaande database\n";

static int
exists(const char *path)
{
	struct err e;
	bool ja = false;

	err_clear(&e);
	store_bestaat(path, &ja, &e);
	return ja;
}

/* Remove a database: the file with its companions, or every table. */
static void
remove_db(const char *path)
{
	struct err e;

	err_clear(&e);
	store_wis(path, &e);
}

/* Demo accounts (every role; AA's controller and an Aalsmeer council
 * member for the contribution calculation); passwords are random and
 * printed once. */
static const struct {
	const char *naam, *weergave;
	enum rol rol;
	const char *scope;
} demo_accounts[] = {
	{ "beheer", "Demo Beheerder", ROL_BEHEERDER, NULL },
	{ "controller.aa", "Demo Controller AA", ROL_CONTROLLER, "AA" },
	{ "controller.hb", "Demo Controller HB", ROL_CONTROLLER, "HB" },
	{ "accounthouder.aalsmeer", "Demo Accounthouder Aalsmeer",
	  ROL_ACCOUNTHOUDER, "GM0358" },
	{ "planner.heemstede", "Demo Planner Heemstede", ROL_PLANNER,
	  "GM0397" },
	{ "balie.aalsmeer", "Demo Baliemedewerker Aalsmeer",
	  ROL_BALIEMEDEWERKER, "GM0358" },
	{ "raadslid.aalsmeer", "Demo Raadslid Aalsmeer", ROL_RAADSLID,
	  "GM0358" },
	{ "raadslid.bloemendaal", "Demo Raadslid Bloemendaal", ROL_RAADSLID,
	  "GM0377" },
};

#define NDEMO (sizeof(demo_accounts) / sizeof(demo_accounts[0]))

static char demo_passwords[NDEMO][32];
static char demo_totp[NDEMO][TOTP_SECRET_B32];
/* The key of Aalsmeer's Qmatic surface in the demo (shown once). */
#define QMATIC_DEMO_PAD "/qmatic/calendar-backend/public/api/"
static char demo_qmatic[QMATIC_SLEUTEL_LEN + 1];

static enum status
demo_users(struct store *s, struct err *e)
{
	char hash[PASSWORD_HASH_MAX];

	for (size_t i = 0; i < NDEMO; i++) {
		struct gebruiker g = { .gebruikersnaam = demo_accounts[i].naam,
				       .naam = demo_accounts[i].weergave };
		struct roltoekenning t = { demo_accounts[i].rol,
					   demo_accounts[i].scope };

		password_generate(demo_passwords[i], sizeof(demo_passwords[i]));
		if (password_hash(demo_passwords[i], hash, e) ||
		    store_gebruiker_add(s, &g, hash, e) ||
		    store_gebruiker_rol(s, g.gebruikersnaam, &t, false, e))
			return e->status;
		demo_totp[i][0] = '\0';
		if (rol_tweede_factor(t.rol)) {
			totp_new_secret(demo_totp[i]);
			if (store_tweede_factor_zet(s, g.gebruikersnaam,
						    demo_totp[i], NULL, 0, e))
				return e->status;
		}
	}
	return ST_OK;
}

static int
create(const char *path, bool demo, const char *document, size_t ndocument,
       day_t today)
{
	struct store *s;
	struct err e;

	err_clear(&e);
	if (store_open(path, STORE_CREATE, &s, &e))
		return cli_fail(&e);
	cli_set_actor(s);
	if (refdata_load(s, today, &e) || (demo && demo_load(s, today, &e)) ||
	    (demo && demo_users(s, &e)) || (demo && demo_uren_load(s, &e)) ||
	    (demo && demo_kosten_load(s, &e)) ||
	    (demo && demo_afspraken_load(s, today, &e)) ||
	    (demo && qmatic_sleutel_maak(s, "GM0358", demo_qmatic, &e)) ||
	    (document &&
	     register_document_load(s, document, ndocument, today, &e))) {
		store_close(s);
		remove_db(path);
		return cli_fail(&e);
	}
	store_close(s);
	return 0;
}

int
cmd_init(int argc, char **argv)
{
	struct cli_common c = { 0 };
	const char *document = NULL;
	const struct opt opts[] = {
		{ "register", &document, NULL },
		{ NULL, NULL, NULL },
	};
	const char *pos[1];
	struct cli_bestand f = { 0 };
	size_t npos;
	const char *path;
	char toon[1100];
	int rc;

	if ((rc = cli_parse(argc, argv, opts, &c, pos, 0, &npos, init_usage)) ||
	    c.help)
		return rc;
	path = cli_db_path(&c);
	store_weergave(path, toon, sizeof(toon));
	if (exists(path)) {
		fprintf(stderr,
			"ambt: %s bestaat al; noem een andere database met --db.\n",
			toon);
		return EXIT_USER;
	}
	if (document && (rc = cli_read_file(document, &f)))
		return rc;
	rc = create(path, false, f.data, f.n, cli_today());
	if (document)
		cli_file_free(&f);
	if (rc)
		return rc;
	printf("Database %s gemaakt, met de gemeenten en BBV-taakvelden%s%s."
	       "\n",
	       toon, document ? " en het register uit " : "",
	       document ? document : "");
	return 0;
}

static int demo_gemaakt(const char *path);

int
cmd_demo(int argc, char **argv)
{
	struct cli_common c = { 0 };
	bool overschrijf = false;
	const struct opt opts[] = {
		{ "overschrijf", NULL, &overschrijf },
		{ NULL, NULL, NULL },
	};
	const char *pos[1];
	size_t npos;
	const char *path;
	char tmp[4200], toon[1100];
	int rc;

	if ((rc = cli_parse(argc, argv, opts, &c, pos, 0, &npos, demo_usage)) ||
	    c.help)
		return rc;
	path = cli_db_path(&c);
	store_weergave(path, toon, sizeof(toon));
	if (store_is_postgres(path)) {
		/* A server's database cannot be built aside and renamed:
		 * it is emptied and loaded, and emptied again on failure. */
		struct err e;
		bool ja = false;

		err_clear(&e);
		if (store_bestaat(path, &ja, &e))
			return cli_fail_bij(&e, "geen demodatabase gemaakt");
		if (ja && !overschrijf) {
			fprintf(stderr,
				"ambt: %s bestaat al. Gebruik --overschrijf om "
				"die database te vervangen door de "
				"demogegevens.\n",
				toon);
			return EXIT_USER;
		}
		if (ja && store_wis(path, &e))
			return cli_fail_bij(&e, "geen demodatabase gemaakt");
		if ((rc = create(path, true, NULL, 0, cli_today())))
			return rc;
		return demo_gemaakt(path);
	}
	if (exists(path) && !overschrijf) {
		fprintf(stderr,
			"ambt: %s bestaat al. Gebruik --overschrijf om die "
			"database te vervangen door de demogegevens.\n",
			toon);
		return EXIT_USER;
	}
	if ((size_t)snprintf(tmp, sizeof(tmp), "%.4096s.nieuw", path) >=
		    sizeof(tmp) ||
	    strlen(path) > 4000)
		return cli_usage_error("het pad is te lang.");
	remove_db(tmp);
	if ((rc = create(tmp, true, NULL, 0, cli_today())))
		return rc;
	remove_db(path);
	if (rename(tmp, path) != 0) {
		fprintf(stderr, "ambt: kan %s niet vervangen: %s\n", path,
			strerror(errno));
		remove_db(tmp);
		return EXIT_INTERNAL;
	}
	return demo_gemaakt(path);
}

/* Tell what was made, and the demo accounts' passwords (once). */
static int
demo_gemaakt(const char *path)
{
	char toon[1100];

	printf("Demodatabase %s gemaakt met de samenwerkingen AA, HB en WOL.\n\n"
	       "Demo-accounts (de wachtwoorden worden alleen nu getoond):\n",
	       store_weergave(path, toon, sizeof(toon)));
	for (size_t i = 0; i < NDEMO; i++)
		printf("  %-24s %-16s %-7s %s%s%s\n", demo_accounts[i].naam,
		       rol_name(demo_accounts[i].rol),
		       demo_accounts[i].scope ? demo_accounts[i].scope : "",
		       demo_passwords[i],
		       demo_totp[i][0] ? "  tweede factor (TOTP-geheim): " : "",
		       demo_totp[i]);
	printf("\nBekijk bijvoorbeeld:\n"
	       "  ambt samenwerking lijst\n"
	       "  ambt samenwerking toon HB --op 2021-03-01\n"
	       "  ambt besluit toon 830016\n");
	{
		char van[DATE_ISO_LEN], tot[DATE_ISO_LEN];
		day_t vandaag = cli_today();

		date_format_iso(vandaag, van);
		date_format_iso(vandaag + 13, tot);
		printf("\nEen afspraak maken bij de gemeente Aalsmeer, zoals "
		       "inwoners dat doen (na 'ambt server'):\n"
		       "  http://localhost:8080/afspraak/aalsmeer\n"
		       "De balie van Aalsmeer (account balie.aalsmeer):\n"
		       "  http://localhost:8080/balie\n");
		printf("\nVrije tijden voor een paspoort in Aalsmeer (na 'ambt "
		       "server'):\n"
		       "  http://localhost:8080/api/v1/vrije-tijden?gemeente="
		       "GM0358&product=paspoort&van=%s&tot=%s\n"
		       "  ambt vrije-tijden --gemeente GM0358 --product paspoort "
		       "--van %s --tot %s\n",
		       van, tot, van, tot);
	}
	printf("\nQmatic-koppeling van Aalsmeer voor Open Formulieren (na "
	       "'ambt server'):\n"
	       "  http://localhost:8080" QMATIC_DEMO_PAD "\n"
	       "  Qmatic-sleutel van Aalsmeer (kopregel X-Api-Key, alleen nu "
	       "getoond): %s\n",
	       demo_qmatic);
	return 0;
}

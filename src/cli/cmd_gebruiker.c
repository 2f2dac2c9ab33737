/*
 * cmd_gebruiker.c - `ambt gebruiker`: personal accounts and their roles,
 * and `ambt audit`: reading and verifying the audit trail.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "cli.h"
#include "commands.h"
#include "../core/password.h"
#include "../core/totp.h"
#include "../present/json.h"
#include "../present/present.h"
#include "../banned.h"

/* Hex SHA-256 of a text, in the arena. */
static const char *
sha256_hex(struct arena *a, const char *text)
{
	unsigned char d[crypto_hash_sha256_BYTES];
	char *hex = arena_alloc(a, 2 * sizeof(d) + 1);

	if (!hex)
		return "";
	crypto_hash_sha256(d, (const unsigned char *)text, strlen(text));
	sodium_bin2hex(hex, 2 * sizeof(d) + 1, d, sizeof(d));
	return hex;
}

static const char usage[] =
	"Gebruik:\n"
	"  ambt gebruiker lijst [--format tabel|json|csv]\n"
	"  ambt gebruiker toevoegen GEBRUIKERSNAAM --naam NAAM [--email ADRES]\n"
	"                     [--rol ROL [--scope CODE]] [--wachtwoord-stdin]\n"
	"  ambt gebruiker rol GEBRUIKERSNAAM --rol ROL [--scope CODE] [--weg]\n"
	"  ambt gebruiker wachtwoord GEBRUIKERSNAAM [--wachtwoord-stdin]\n"
	"  ambt gebruiker intrekken GEBRUIKERSNAAM\n"
	"  ambt gebruiker tweede-factor GEBRUIKERSNAAM\n"
	"  ambt gebruiker token GEBRUIKERSNAAM --naam TOEPASSING [--dagen N]\n"
	"                       [--rol ROL [--scope CODE]] [--alleen-lezen]\n"
	"  ambt gebruiker token-intrekken GEBRUIKERSNAAM NUMMER\n\n"
	"Accounts zijn persoonlijk en worden nooit gedeeld. Rollen:\n"
	"  beheerder        de hele installatie (zonder --scope)\n"
	"  controller       een samenwerking (--scope HB)\n"
	"  accounthouder    een gemeente (--scope GM0358)\n"
	"  planner          het klantcontact van een gemeente (--scope GM0358),\n"
	"                   of van een vestiging daarvan\n"
	"                   (--scope GM0358/aalsmeer-raadhuis)\n"
	"  baliemedewerker  het klantcontact van een gemeente (--scope GM0358)\n"
	"  raadslid         het gepubliceerde materiaal van een gemeente\n"
	"Zonder --wachtwoord-stdin krijgt het account een sterk willekeurig\n"
	"wachtwoord, dat eenmalig wordt getoond. Met --wachtwoord-stdin wordt "
	"het\nwachtwoord van de eerste regel van de invoer gelezen (ten minste "
	"12 tekens).\nIntrekken is definitief: het account kan daarna niet meer "
	"inloggen.\n";

/* The password: read from stdin, or generated (then shown once). */
static int
password(bool from_stdin, const char *gebruikersnaam, char *pw, size_t n,
	 bool *generated, struct err *e)
{
	*generated = false;
	if (!from_stdin) {
		password_generate(pw, n);
		*generated = true;
		return 0;
	}
	if (!fgets(pw, (int)n, stdin)) {
		err_invalid(e, "wachtwoord", "required",
			    "Geef het wachtwoord op de eerste regel van de "
			    "invoer.");
		return -1;
	}
	pw[strcspn(pw, "\r\n")] = '\0';
	return access_check_wachtwoord(pw, gebruikersnaam, e) ? -1 : 0;
}

static int
parse_rol(const char *rol, const char *scope, struct roltoekenning *t,
	  struct err *e)
{
	if (rol_parse(rol, &t->rol)) {
		err_invalid(e, "rol", "enum",
			    "Kies beheerder, controller, accounthouder, "
			    "planner, baliemedewerker of raadslid.");
		return -1;
	}
	t->scope = scope;
	return 0;
}

static int
g_add(int argc, char **argv)
{
	const char *naam = NULL, *email = NULL, *rol = NULL, *scope = NULL;
	bool from_stdin = false, generated;
	const struct opt opts[] = {
		{ "naam", &naam, NULL },
		{ "email", &email, NULL },
		{ "rol", &rol, NULL },
		{ "scope", &scope, NULL },
		{ "wachtwoord-stdin", NULL, &from_stdin },
		{ NULL, NULL, NULL },
	};
	char pw[160], hash[PASSWORD_HASH_MAX];
	struct roltoekenning t = { 0 };
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 1, usage)) >= 0)
		return rc;
	if (x.npos != 1)
		return ctx_close(
			&x, cli_usage_error(
				    "noem de gebruikersnaam, "
				    "bijvoorbeeld 'ambt gebruiker toevoegen "
				    "j.devries --naam \"Jan de "
				    "Vries\"'."));
	if (!naam || !*naam)
		err_invalid(&x.e, "naam", "required",
			    "Vul de naam van de persoon in (--naam): accounts "
			    "zijn persoonlijk.");
	if (rol)
		parse_rol(rol, scope, &t, &x.e);
	if (!rol && scope)
		err_invalid(&x.e, "scope", "not-allowed",
			    "--scope hoort bij --rol.");
	if (rol && !x.e.status)
		access_check_rol(&t, &x.e);
	if (password(from_stdin, x.pos[0], pw, sizeof(pw), &generated, &x.e) ==
		    0 &&
	    !x.e.status && password_hash(pw, hash, &x.e) == ST_OK) {
		struct gebruiker g = { .gebruikersnaam = x.pos[0],
				       .naam = naam,
				       .email = email };

		/* Account and first role together, or neither. */
		if (store_begin(x.s, &x.e) == ST_OK) {
			if (store_gebruiker_add(x.s, &g, hash, &x.e) ||
			    (rol && store_gebruiker_rol(x.s, x.pos[0], &t,
							false, &x.e)))
				store_rollback(x.s);
			else
				store_commit(x.s, &x.e);
		}
	}
	if (x.e.status)
		return ctx_close(&x, cli_fail(&x.e));
	printf("Account %s aangemaakt%s%s%s%s.\n", x.pos[0],
	       rol ? " met rol " : "", rol ? rol : "", scope ? " voor " : "",
	       scope ? scope : "");
	if (generated)
		printf("Wachtwoord (wordt niet nog eens getoond): %s\n", pw);
	return ctx_close(&x, 0);
}

static int
g_list(int argc, char **argv)
{
	static const char *const h[] = { "Gebruikersnaam", "Naam", "Rollen",
					 "Status" };
	struct gebruiker *g;
	struct table t;
	struct ctx x;
	size_t n;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, NULL, 0, usage)) >= 0)
		return rc;
	if (store_gebruiker_list(x.s, &x.a, &g, &n, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	if (x.c.format == FORMAT_JSON) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++) {
			json_t *o = json_object(), *r = json_array();
			json_object_set_new(o, "gebruikersnaam",
					    jstr(g[i].gebruikersnaam));
			json_object_set_new(o, "naam", jstr(g[i].naam));
			json_object_set_new(o, "email", jstr(g[i].email));
			json_object_set_new(o, "ingetrokken",
					    jstr(g[i].ingetrokken));
			for (size_t k = 0; k < g[i].nrollen; k++) {
				json_t *ro = json_object();
				json_object_set_new(
					ro, "rol",
					json_string(
						rol_name(g[i].rollen[k].rol)));
				json_object_set_new(ro, "scope",
						    jstr(g[i].rollen[k].scope));
				json_array_append_new(r, ro);
			}
			json_object_set_new(o, "rollen", r);
			json_array_append_new(arr, o);
		}
		json_print(arr, stdout);
		return ctx_close(&x, 0);
	}
	table_init(&t, &x.a, 4, h);
	for (size_t i = 0; i < n; i++) {
		const char *rollen = "";

		for (size_t k = 0; k < g[i].nrollen; k++)
			rollen = fmt_a(
				&x.a, "%s%s%s%s%s", rollen, k ? ", " : "",
				rol_name(g[i].rollen[k].rol),
				g[i].rollen[k].scope ? " " : "",
				g[i].rollen[k].scope ? g[i].rollen[k].scope
						     : "");
		const char *row[] = { g[i].gebruikersnaam, g[i].naam, rollen,
				      g[i].ingetrokken ? "ingetrokken"
						       : "actief" };
		table_row(&t, row);
	}
	ctx_table(&x, &t);
	return ctx_close(&x, 0);
}

static int
g_rol(int argc, char **argv)
{
	const char *rol = NULL, *scope = NULL;
	bool weg = false;
	const struct opt opts[] = {
		{ "rol", &rol, NULL },
		{ "scope", &scope, NULL },
		{ "weg", NULL, &weg },
		{ NULL, NULL, NULL },
	};
	struct roltoekenning t = { 0 };
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 1, usage)) >= 0)
		return rc;
	if (x.npos != 1 || !rol)
		return ctx_close(
			&x,
			cli_usage_error("noem de gebruikersnaam en --rol."));
	if (parse_rol(rol, scope, &t, &x.e) == 0)
		store_gebruiker_rol(x.s, x.pos[0], &t, weg, &x.e);
	if (x.e.status)
		return ctx_close(&x, cli_fail(&x.e));
	printf("%s %s de rol %s%s%s.\n", x.pos[0],
	       weg ? "heeft niet langer" : "heeft nu", rol,
	       scope ? " voor " : "", scope ? scope : "");
	return ctx_close(&x, 0);
}

static int
g_wachtwoord(int argc, char **argv)
{
	bool from_stdin = false, generated;
	const struct opt opts[] = {
		{ "wachtwoord-stdin", NULL, &from_stdin },
		{ NULL, NULL, NULL },
	};
	char pw[160], hash[PASSWORD_HASH_MAX];
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 1, usage)) >= 0)
		return rc;
	if (x.npos != 1)
		return ctx_close(&x,
				 cli_usage_error("noem de gebruikersnaam."));
	if (password(from_stdin, x.pos[0], pw, sizeof(pw), &generated, &x.e) ==
		    0 &&
	    password_hash(pw, hash, &x.e) == ST_OK)
		store_gebruiker_wachtwoord(x.s, x.pos[0], hash, &x.e);
	if (x.e.status)
		return ctx_close(&x, cli_fail(&x.e));
	printf("Wachtwoord van %s gewijzigd.\n", x.pos[0]);
	if (generated)
		printf("Nieuw wachtwoord (wordt niet nog eens getoond): %s\n",
		       pw);
	return ctx_close(&x, 0);
}

static int
g_intrekken(int argc, char **argv)
{
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, NULL, 1, usage)) >= 0)
		return rc;
	if (x.npos != 1)
		return ctx_close(&x,
				 cli_usage_error("noem de gebruikersnaam."));
	if (store_gebruiker_intrekken(x.s, x.pos[0], &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	printf("Account %s is ingetrokken.\n", x.pos[0]);
	return ctx_close(&x, 0);
}

static int
g_token(int argc, char **argv)
{
	const char *naam = NULL, *dagen = NULL, *rol = NULL, *scope = NULL;
	bool alleen_lezen = false;
	const struct opt opts[] = {
		{ "naam", &naam, NULL },
		{ "dagen", &dagen, NULL },
		{ "rol", &rol, NULL },
		{ "scope", &scope, NULL },
		{ "alleen-lezen", NULL, &alleen_lezen },
		{ NULL, NULL, NULL },
	};
	struct roltoekenning t = { 0 };
	struct token_scope ts = { 0 };
	unsigned char raw[32];
	char secret[65], hex[65];
	unsigned char d[crypto_hash_sha256_BYTES];
	int64_t now = clock_now(), id = 0, days = 90;
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 1, usage)) >= 0)
		return rc;
	if (x.npos != 1)
		return ctx_close(&x,
				 cli_usage_error("noem de gebruikersnaam."));
	if ((rc = cli_int(dagen, "--dagen", 1, ACCESS_TOKEN_MAX_DAGEN, &days)))
		return ctx_close(&x, rc);
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(secret, sizeof(secret), raw, sizeof(raw));
	crypto_hash_sha256(d, (const unsigned char *)secret, strlen(secret));
	sodium_bin2hex(hex, sizeof(hex), d, sizeof(d));
	ts.alleen_lezen = alleen_lezen;
	if (rol) {
		if (parse_rol(rol, scope, &t, &x.e))
			return ctx_close(&x, cli_fail(&x.e));
		ts.rol = &t;
	}
	if (store_token_add(x.s, x.pos[0], naam, hex, now, now + days * 86400,
			    &ts, &id, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	printf("Token %lld voor %s (%s), %lld dagen geldig.\n"
	       "Stuur het mee als 'Authorization: Bearer <token>'. Het wordt "
	       "niet nog eens getoond:\n%s\n",
	       (long long)id, x.pos[0], naam, (long long)days, secret);
	return ctx_close(&x, 0);
}

static int
g_tweede_factor(int argc, char **argv)
{
	char secret[TOTP_SECRET_B32], codes[10][16];
	const char *hashes[10];
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, NULL, 1, usage)) >= 0)
		return rc;
	if (x.npos != 1)
		return ctx_close(&x,
				 cli_usage_error("noem de gebruikersnaam."));
	totp_new_secret(secret);
	for (int i = 0; i < 10; i++) {
		char pw[32];

		password_generate(pw, sizeof(pw));
		snprintf(codes[i], sizeof(codes[i]), "%.11s", pw);
		hashes[i] = sha256_hex(&x.a, codes[i]);
	}
	if (store_tweede_factor_zet(x.s, x.pos[0], secret, hashes, 10, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	printf("Tweede factor ingesteld voor %s. Voeg dit toe aan een "
	       "authenticator-app\n(als QR-code of met de hand), het wordt niet "
	       "nog eens getoond:\n\n  geheim: %s\n  otpauth://totp/"
	       "Ambt:%s?secret=%s&issuer=Ambt&algorithm=SHA1&digits=6&"
	       "period=30\n\nHerstelcodes, elk eenmaal te gebruiken in plaats "
	       "van de code uit de app:\n",
	       x.pos[0], secret, x.pos[0], secret);
	for (int i = 0; i < 10; i++)
		printf("  %s\n", codes[i]);
	return ctx_close(&x, 0);
}

static int
g_token_intrekken(int argc, char **argv)
{
	struct ctx x;
	int64_t id = 0;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, NULL, 2, usage)) >= 0)
		return rc;
	if (x.npos != 2)
		return ctx_close(
			&x, cli_usage_error("noem de gebruikersnaam en het "
					    "nummer van het token."));
	if ((rc = cli_int(x.pos[1], "tokennummer", 1, INT64_MAX, &id)))
		return ctx_close(&x, rc);
	if (store_token_intrekken(x.s, x.pos[0], id, clock_now(), &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	printf("Token %lld van %s is ingetrokken.\n", (long long)id, x.pos[0]);
	return ctx_close(&x, 0);
}

int
cmd_gebruiker(int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "lijst", g_list },
		{ "toevoegen", g_add },
		{ "rol", g_rol },
		{ "wachtwoord", g_wachtwoord },
		{ "intrekken", g_intrekken },
		{ "tweede-factor", g_tweede_factor },
		{ "token", g_token },
		{ "token-intrekken", g_token_intrekken },
		{ NULL, NULL },
	};
	return cli_dispatch(argc, argv, subs, usage);
}

static const char audit_usage[] =
	"Gebruik:\n"
	"  ambt audit lijst [--soort SOORT] [--gebruiker NAAM] [--aantal N]\n"
	"                  [--format tabel|json|csv]\n"
	"  ambt audit controleer\n\n"
	"Het auditspoor legt elke wijziging vast met wie, wat, wanneer, "
	"vanaf waar,\nen de oude en nieuwe waarden. Elke regel bevat de "
	"vingerafdruk (hash) van de\nvorige; 'controleer' rekent de hele keten na "
	"en noemt de eerste regel die niet\nklopt.\n";

static int
a_list(int argc, char **argv)
{
	const char *resource = NULL, *gebruiker = NULL, *aantal = NULL;
	const struct opt opts[] = {
		{ "soort", &resource, NULL },
		{ "gebruiker", &gebruiker, NULL },
		{ "aantal", &aantal, NULL },
		{ NULL, NULL, NULL },
	};
	static const char *const h[] = {
		"Nr",	 "Tijd",   "Wie",      "Actie",
		"Soort", "Object", "Herkomst", "Nieuw"
	};
	struct audit_entry *a;
	struct table t;
	struct ctx x;
	size_t n, total;
	int64_t limit = 50;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, opts, 0, audit_usage)) >= 0)
		return rc;
	if ((rc = cli_int(aantal, "--aantal", 1, 100000, &limit)))
		return ctx_close(&x, rc);
	if (store_audit_list(x.s, &x.a, resource, gebruiker, 0, (size_t)limit,
			     &a, &n, &total, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	if (x.c.format == FORMAT_JSON) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, present_audit_json(&a[i]));
		json_print(arr, stdout);
		return ctx_close(&x, 0);
	}
	table_init(&t, &x.a, 8, h);
	for (size_t i = 0; i < n; i++) {
		const char *row[] = {
			fmt_a(&x.a, "%lld", (long long)a[i].id),
			ctx_moment(&x, a[i].aanmaakdatum),
			a[i].gebruikers_id,
			a[i].actie_weergave,
			a[i].resource,
			a[i].resource_weergave,
			a[i].herkomst,
			a[i].nieuw,
		};
		table_row(&t, row);
	}
	ctx_table(&x, &t);
	if (x.c.format == FORMAT_TABEL)
		printf("%zu van %zu regels, nieuwste eerst.\n", n, total);
	return ctx_close(&x, 0);
}

static int
a_verify(int argc, char **argv)
{
	int64_t checked, broken;
	struct ctx x;
	int rc;

	if ((rc = ctx_open(&x, argc, argv, NULL, 0, audit_usage)) >= 0)
		return rc;
	if (store_audit_verify(x.s, &checked, &broken, &x.e))
		return ctx_close(&x, cli_fail(&x.e));
	if (broken) {
		fprintf(stderr,
			"ambt: het auditspoor is verbroken bij regel %lld: die "
			"regel klopt niet met wat is vastgelegd of met de regel "
			"ervoor. Regels 1 tot en met %lld kloppen.\n",
			(long long)broken, (long long)broken - 1);
		return ctx_close(&x, EXIT_USER);
	}
	printf("Het auditspoor klopt: %lld regels nagerekend.\n",
	       (long long)checked);
	return ctx_close(&x, 0);
}

int
cmd_audit(int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "lijst", a_list },
		{ "controleer", a_verify },
		{ NULL, NULL },
	};
	return cli_dispatch(argc, argv, subs, audit_usage);
}

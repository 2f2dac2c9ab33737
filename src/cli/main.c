/*
 * main.c - the `ambt` command: a table of subcommands, each in its own
 * cmd_*.c file (as git.c and cgit's cmd.c do it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "../banned.h"

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
};

/* The English names of earlier versions, still understood. */
static const struct {
	const char *oud, *nieuw;
} aliassen[] = {
	{ "init", "nieuw" },
	{ "serve", "server" },
	{ "backup", "reservekopie" },
	{ "restore", "terugzetten" },
};

static const struct command commands[] = {
	{ "nieuw", cmd_init, "maak een nieuwe, lege database" },
	{ "demo", cmd_demo, "maak een database met de demogegevens" },
	{ "gemeente", cmd_gemeente, "gemeenten bekijken en toevoegen" },
	{ "regeling", cmd_regeling,
	  "gemeenschappelijke regelingen en hun leden bekijken" },
	{ "samenwerking", cmd_samenwerking,
	  "samenwerkingen bekijken, ook zoals ze op een datum waren" },
	{ "eenheid", cmd_eenheid,
	  "eenheden en hun inrichting door de jaren heen; wijzigen" },
	{ "besluit", cmd_besluit,
	  "het besluitenregister: bekijken, toevoegen, status" },
	{ "werkstroom", cmd_werkstroom, "werkstromen en mijlpalen bekijken" },
	{ "taakveld", cmd_taakveld, "BBV-taakvelden bekijken, per boekjaar" },
	{ "medewerker", cmd_medewerker,
	  "het medewerkersregister bekijken, bijwerken en inlezen" },
	{ "uren", cmd_uren,
	  "uren inlezen, de urenverdeling en afwijkingen van het kader" },
	{ "kostenpost", cmd_kostenpost,
	  "de kostenposten van een jaar bekijken en inlezen" },
	{ "verdeling", cmd_verdeling,
	  "de kostenverdeling: de bijdrage van elke gemeente, tot op de cent" },
	{ "scenario", cmd_scenario,
	  "scenario's: wat als een eenheid anders wordt ingericht" },
	{ "vestiging", cmd_vestiging,
	  "vestigingen van de balie: adres, balies, openingstijden, sluitingen" },
	{ "product", cmd_product,
	  "de producten die inwoners aan de balie "
	  "afspreken, per gemeente" },
	{ "rooster", cmd_rooster, "wie wanneer op welke vestiging werkt" },
	{ "vrije-tijden", cmd_vrije_tijden,
	  "de tijden waarop inwoners een afspraak kunnen maken" },
	{ "afspraak", cmd_afspraak,
	  "afspraken boeken, tonen, verplaatsen, annuleren; de daglijst" },
	{ "afspraken", cmd_afspraken,
	  "persoonsgegevens wissen na de bewaartermijn; tijden vrijgeven" },
	{ "gebruiker", cmd_gebruiker, "persoonlijke accounts en hun rollen" },
	{ "audit", cmd_audit, "het auditspoor bekijken en narekenen" },
	{ "server", cmd_serve, "start de webserver (pagina's en API)" },
	{ "berichten", cmd_berichten,
	  "berichten over afspraken per e-mail versturen" },
	{ "inhoud", cmd_inhoud,
	  "per tabel het aantal rijen en een vingerafdruk van de inhoud" },
	{ "reservekopie", cmd_backup,
	  "een reservekopie maken, ook terwijl de server draait" },
	{ "terugzetten", cmd_restore, "een reservekopie terugzetten" },
	{ "migreer", cmd_migreer,
	  "alles overzetten naar een andere database (SQLite, PostgreSQL)" },
	{ NULL, NULL, NULL },
};

static void
usage(FILE *out)
{
	fputs("Gebruik: ambt OPDRACHT [ARGUMENTEN] [--db DATABASE] "
	      "[--format tabel|json|csv]\n\n"
	      "Ambt houdt het register bij van een ambtelijke samenwerking "
	      "van gemeenten:\nwie samenwerkt in wat, sinds wanneer, en "
	      "door welk besluit.\n\nOpdrachten:\n",
	      out);
	for (const struct command *c = commands; c->name; c++)
		fprintf(out, "  %-14s %s\n", c->name, c->summary);
	fputs("\nAlgemene opties:\n"
	      "  --db DATABASE   een bestand (standaard ambt.db, of $AMBT_DB), "
	      "of een\n"
	      "                  PostgreSQL-database: "
	      "postgresql://gebruiker@server/naam\n"
	      "  --format F      uitvoer als tabel (standaard), json of csv\n"
	      "  --help          uitleg bij een opdracht, bijvoorbeeld "
	      "'ambt besluit --help'\n\n"
	      "Uitkomst: 0 gelukt, 1 niet gelukt door de invoer (de melding "
	      "zegt waarom),\n2 interne fout.\n",
	      out);
}

int
main(int argc, char **argv)
{
	/* `ambt --db DATABASE OPDRACHT ...` works like `ambt OPDRACHT --db DATABASE`. */
	while (argc >= 2 && strncmp(argv[1], "--db", 4) == 0 &&
	       (argv[1][4] == '\0' || argv[1][4] == '=')) {
		int used = argv[1][4] == '=' ? 1 : 2;
		const char *path = used == 1 ? argv[1] + 5 : argv[2];

		if (!path || !*path) {
			fputs("ambt: optie '--db' heeft een pad nodig.\n",
			      stderr);
			return EXIT_USER;
		}
		setenv("AMBT_DB", path, 1);
		argc -= used;
		argv += used;
	}
	if (argc < 2) {
		usage(stderr);
		return EXIT_USER;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("ambt %s\n", AMBT_VERSION);
		return 0;
	}
	const char *namen[sizeof(commands) / sizeof(commands[0])];
	size_t n = 0;
	const char *naam = argv[1];
	for (size_t i = 0; i < sizeof aliassen / sizeof *aliassen; i++)
		if (strcmp(aliassen[i].oud, naam) == 0)
			naam = aliassen[i].nieuw;
	for (const struct command *c = commands; c->name; c++) {
		if (strcmp(c->name, naam) == 0)
			return c->fn(argc - 2, argv + 2);
		namen[n++] = c->name;
	}
	cli_onbekend(argv[1], cli_bedoeld(argv[1], namen, n));
	usage(stderr);
	return EXIT_USER;
}

/*
 * cmd_beheer.c - `ambt reservekopie`, `ambt terugzetten` and `ambt migreer`: a copy
 * of the whole database while the servers keep running, putting one back,
 * and moving everything to another database (SQLite to PostgreSQL, or
 * back). The work is the store's (store_kopie.c); here are the words.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "../present/json.h"
#include "../present/kostenverdeling.h"
#include "../present/present.h"
#include "../banned.h"

static const char backup_usage[] =
	"Gebruik: ambt reservekopie DOEL [--db DATABASE] [--overschrijf]\n\n"
	"Maakt een reservekopie van de database in het bestand DOEL, ook "
	"terwijl\n'ambt server' doorwerkt: de kopie is de database zoals die "
	"op één moment was.\nVan een SQLite-database wordt DOEL zelf een "
	"SQLite-database (met de\nonline-backup van SQLite); van een "
	"PostgreSQL-database maakt pg_dump een\narchief (--format=custom). "
	"Alleen de eigenaar mag het bestand lezen: het\nbevat ook "
	"wachtwoord-hashes. Daarna toont het per tabel het aantal rijen "
	"en\nde vingerafdruk, zoals 'ambt inhoud'.\n\n"
	"  --overschrijf   vervang een bestaand bestand DOEL\n\n"
	"pg_dump wordt gezocht in de map die AMBT_PG_BIN noemt, anders in "
	"het PATH\nen in /usr/lib/postgresql/*/bin.\n";

static const char restore_usage[] =
	"Gebruik: ambt terugzetten BRON [--db DATABASE] [--overschrijf]\n\n"
	"Zet een reservekopie van 'ambt reservekopie' terug als de database. Een "
	"SQLite-kopie\nwordt naast het databasebestand opgebouwd en pas als "
	"alles klopt in één keer\nop zijn plaats gezet. Een archief van "
	"pg_dump gaat met pg_restore in één\ntransactie naar een "
	"PostgreSQL-database, die zo nodig wordt aangemaakt.\nEerst wordt "
	"gecontroleerd dat BRON een ambt-database bevat die deze versie\n"
	"kent; een kopie van een oudere versie wordt bijgewerkt, een van een "
	"nieuwere\ngeweigerd. Stop eerst de servers die de database "
	"gebruiken.\n\n"
	"  --overschrijf   vervang een bestaande database\n";

static const char migreer_usage[] =
	"Gebruik: ambt migreer --van DATABASE --naar DATABASE [--overschrijf]"
	"\n\n"
	"Zet alles uit de ene database over naar de andere, bijvoorbeeld van "
	"een\nSQLite-bestand naar PostgreSQL (of terug). De doeldatabase "
	"wordt zo nodig\ngemaakt en mag nog geen gegevens hebben. Alle "
	"tabellen gaan in één transactie\nover; daarna wordt gecontroleerd "
	"dat elke tabel aan beide kanten dezelfde\nrijen heeft, dat elke "
	"vastgestelde kostenverdeling opnieuw berekend tot op de\nbyte "
	"gelijk is, en dat het auditspoor ongeschonden is. Wijkt er iets "
	"af, dan\nwordt niets overgezet. Stop eerst de servers: wie in de "
	"bron schrijft, wacht\ntot het overzetten klaar is.\n\n"
	"  --van DATABASE    waar de gegevens staan: een bestand of "
	"postgresql://...\n"
	"  --naar DATABASE   waar ze heen gaan\n"
	"  --overschrijf     vervang wat er al in de doeldatabase staat\n";

/* "37 tabellen, 77.545 rijen" */
static void
telling(const struct store_kopie *k, char *buf, size_t n)
{
	char rijen[32];

	present_getal_nl(k->rijen, rijen, sizeof(rijen));
	snprintf(buf, n, "%zu tabellen, %s %s", k->ntabellen, rijen,
		 k->rijen == 1 ? "rij" : "rijen");
}

/*
 * The tables of a copy: as JSON (with the members of `extra`, taken), CSV,
 * or a table after the lines `kop` and `na`.
 */
static void
toon(const struct cli_common *c, const struct store_kopie *k, const char *kop,
     const char *na, json_t *extra)
{
	static const char *const h[] = { "Tabel", "Rijen", "Vingerafdruk" };
	struct arena a;
	struct table t;

	if (c->format == FORMAT_JSON) {
		json_t *arr = json_array();

		for (size_t i = 0; i < k->ntabellen; i++)
			json_array_append_new(
				arr,
				json_pack("{s:s, s:I, s:s}", "tabel",
					  k->tabellen[i].naam, "rijen",
					  (json_int_t)k->tabellen[i].rijen,
					  "sha256", k->tabellen[i].sha256));
		json_t *o =
			json_pack("{s:s, s:I, s:o}", "melding", kop, "rijen",
				  (json_int_t)k->rijen, "tabellen", arr);

		if (extra)
			json_object_update(o, extra);
		json_decref(extra);
		json_print(o, stdout);
		return;
	}
	json_decref(extra);
	arena_init(&a, 16u << 20);
	table_init(&t, &a, 3, h);
	for (size_t i = 0; i < k->ntabellen; i++) {
		const char *row[] = {
			k->tabellen[i].naam,
			fmt_a(&a, "%lld", (long long)k->tabellen[i].rijen),
			k->tabellen[i].sha256,
		};

		table_row(&t, row);
	}
	if (c->format == FORMAT_CSV) {
		table_csv(&t, stdout);
	} else {
		printf("%s\n%s\n", kop, na ? na : "");
		table_print(&t, stdout, "");
	}
	arena_free(&a);
}

/*
 * ambt reservekopie (terug false: the database into file pos[0]) and ambt
 * restore (terug: file pos[0] into the database): the same arguments,
 * the same summary.
 */
static int
kopie(int argc, char **argv, bool terug)
{
	struct cli_common c = { 0 };
	bool overschrijf = false;
	const struct opt opts[] = {
		{ "overschrijf", NULL, &overschrijf },
		{ NULL, NULL, NULL },
	};
	const char *pos[1];
	struct store_kopie k;
	struct arena a;
	struct err e;
	size_t npos;
	char db[1100], kop[1400], tel[96];
	enum status st;
	int rc;

	if ((rc = cli_parse(argc, argv, opts, &c, pos, 1, &npos,
			    terug ? restore_usage : backup_usage)) ||
	    c.help)
		return rc;
	if (npos != 1)
		return cli_usage_error(
			terug ? "Noem de reservekopie die terug moet."
			      : "Noem het bestand voor de reservekopie.");
	err_clear(&e);
	arena_init(&a, 64u << 20);
	st = terug ? store_restore(pos[0], cli_db_path(&c), overschrijf, &a, &k,
				   &e)
		   : store_backup(cli_db_path(&c), pos[0], overschrijf, &a, &k,
				  &e);
	if (st) {
		rc = cli_fail_bij(&e, terug ? "niets teruggezet"
					    : "geen reservekopie gemaakt");
		arena_free(&a);
		return rc;
	}
	store_weergave(cli_db_path(&c), db, sizeof(db));
	telling(&k, tel, sizeof(tel));
	if (terug) {
		snprintf(kop, sizeof(kop),
			 "Reservekopie %s teruggezet in %s: %s.", pos[0], db,
			 tel);
		toon(&c, &k, kop, NULL, NULL);
	} else {
		snprintf(kop, sizeof(kop),
			 "Reservekopie van %s geschreven naar %s: %s.", db,
			 pos[0], tel);
		toon(&c, &k, kop,
		     k.gewijzigd ? "Tijdens het maken is de database "
				   "gewijzigd; de kopie is de database zoals "
				   "die op één\nmoment daartussen was. De "
				   "telling hieronder is van na afloop.\n"
				 : NULL,
		     json_pack("{s:b}", "gewijzigd", k.gewijzigd));
	}
	arena_free(&a);
	return 0;
}

int
cmd_backup(int argc, char **argv)
{
	return kopie(argc, argv, false);
}

int
cmd_restore(int argc, char **argv)
{
	return kopie(argc, argv, true);
}

/* An adopted calculation, recomputed from its own input by the code that
 * `ambt verdeling toon` uses: the stored bytes, or ST_INTERNAL. */
static enum status
herreken(const struct kostenverdeling *k, void *arg, struct err *e)
{
	struct kv_uitkomst u;
	struct arena a;
	enum status st;

	(void)arg;
	arena_init(&a, 1u << 30);
	st = kv_herreken(k->invoer, k->uitkomst, k->sha256, &a, &u, e);
	arena_free(&a);
	return st;
}

int
cmd_migreer(int argc, char **argv)
{
	struct cli_common c = { 0 };
	const char *van = NULL, *naar = NULL;
	bool overschrijf = false;
	const struct opt opts[] = {
		{ "van", &van, NULL },
		{ "naar", &naar, NULL },
		{ "overschrijf", NULL, &overschrijf },
		{ NULL, NULL, NULL },
	};
	const char *pos[1];
	struct store_migratie m;
	struct arena a;
	struct err e;
	size_t npos;
	char tv[1100], tn[1100], kop[3000], na[1400], tel[96], audit[32];
	int rc;

	if ((rc = cli_parse(argc, argv, opts, &c, pos, 0, &npos,
			    migreer_usage)) ||
	    c.help)
		return rc;
	if (c.db)
		return cli_usage_error("Noem de databases met --van en --naar, "
				       "niet met --db.");
	if (!van || !*van || !naar || !*naar)
		return cli_usage_error("Geef --van en --naar.");
	err_clear(&e);
	arena_init(&a, 256u << 20);
	if (store_migreer(van, naar, overschrijf, herreken, NULL, &a, &m, &e)) {
		rc = cli_fail_bij(&e, "niets overgezet");
		arena_free(&a);
		return rc;
	}
	store_weergave(van, tv, sizeof(tv));
	store_weergave(naar, tn, sizeof(tn));
	telling(&m.kopie, tel, sizeof(tel));
	present_getal_nl(m.audit, audit, sizeof(audit));
	snprintf(kop, sizeof(kop), "Alles uit %s overgezet naar %s: %s.", tv,
		 tn, tel);
	snprintf(na, sizeof(na),
		 "Gecontroleerd in %s:\n"
		 "  - elke tabel heeft dezelfde rijen en vingerafdruk als in "
		 "de bron;\n"
		 "  - %zu vastgestelde %s opnieuw berekend: tot op de byte "
		 "gelijk;\n"
		 "  - het auditspoor (%s %s) is ongeschonden.\n",
		 tn, m.berekeningen,
		 m.berekeningen == 1 ? "kostenverdeling" : "kostenverdelingen",
		 audit, m.audit == 1 ? "regel" : "regels");
	toon(&c, &m.kopie, kop, na,
	     json_pack("{s:I, s:I}", "kostenverdelingen_herrekend",
		       (json_int_t)m.berekeningen, "auditregels",
		       (json_int_t)m.audit));
	arena_free(&a);
	return 0;
}

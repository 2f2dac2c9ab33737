/*
 * store_kopie.c - whole databases: a backup while servers keep running, a
 * restore, and moving everything to another database of either engine.
 *
 * A SQLite database is copied with SQLite's online backup (db_backup,
 * db_restore), into a file written beside its target and renamed into
 * place when complete. A PostgreSQL database is copied by PostgreSQL's
 * own pg_dump and pg_restore, run as programs (no shell). A move
 * (store_migreer) goes through the driver alone: every table of
 * STORE_TABELLEN in one transaction on the target with the bulk path,
 * then compared with the source before that transaction commits.
 */
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <limits.h>
#include <poll.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store_intern.h"
#include "../banned.h"

extern char **environ;

static const struct {
	const char *naam, *sleutel, *zelf;
} tabellen[] = {
#define TABEL(t, k, z) { #t, k, z },
	STORE_TABELLEN(TABEL)
#undef TABEL
};

#define NTABELLEN (sizeof(tabellen) / sizeof(tabellen[0]))

/* The most columns a table has (the SQLite bulk path takes 64). */
#define MAX_KOLOMMEN 64

/* Room for a path with a suffix such as ".nieuw". */
#define PAD_MAX (PATH_MAX + 16)

/* ---- files ---- */

/* The file of a SQLite target ("sqlite:PATH" or PATH). */
static const char *
bestand_van(const char *doel)
{
	return strncmp(doel, "sqlite:", 7) == 0 ? doel + 7 : doel;
}

/* `pad` followed by `achter` into buf; false when it does not fit. */
static bool
pad_met(char *buf, size_t n, const char *pad, const char *achter)
{
	int k = snprintf(buf, n, "%s%s", pad, achter);

	return k >= 0 && (size_t)k < n;
}

/* Whether two names are one file (or, not yet there, the same text). */
static bool
zelfde_bestand(const char *a, const char *b)
{
	struct stat sa, sb;

	if (strcmp(a, b) == 0)
		return true;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Why a file could not be written (or read), in plain words. */
static const char *
reden(int fout, bool schrijven)
{
	switch (fout) {
	case ENOENT:
		return schrijven ? "de map bestaat niet"
				 : "het bestand bestaat niet";
	case EACCES:
	case EPERM:
		return "geen toegang";
	case EISDIR:
		return "dat is een map";
	case ENOTDIR:
		return "een deel van het pad is geen map";
	case ENOSPC:
		return "de schijf is vol";
	case EROFS:
		return "daar kan niets worden geschreven";
	case ENAMETOOLONG:
		return "het pad is te lang";
	default:
		return strerror(fout);
	}
}

/* Remove a file with the -wal and -shm a SQLite database may have. */
static void
weg(const char *pad)
{
	static const char *const mee[] = { "", "-wal", "-shm" };
	char buf[PAD_MAX];

	for (size_t i = 0; i < 3; i++)
		if (pad_met(buf, sizeof(buf), pad, mee[i]))
			unlink(buf);
}

/*
 * Put the finished file `nieuw` in the place of `pad` in one step. The
 * -wal and -shm of an old database there go first: they would otherwise
 * be read as part of the new one.
 */
static enum status
vervang(const char *nieuw, const char *pad, struct err *e)
{
	static const char *const mee[] = { "-wal", "-shm" };
	char buf[PAD_MAX];

	for (size_t i = 0; i < 2; i++)
		if (pad_met(buf, sizeof(buf), pad, mee[i]))
			unlink(buf);
	if (rename(nieuw, pad) != 0) {
		int fout = errno;

		weg(nieuw);
		return err_set(e, ST_CONFLICT, "Kan %.300s niet vervangen: %s.",
			       pad, reden(fout, true));
	}
	return ST_OK;
}

/*
 * A new, empty file at `pad` (beside `doel`, named in a refusal) for a
 * copy to be written into, with permissions `modus` (and the umask).
 */
static enum status
nieuw_bestand(const char *pad, const char *doel, mode_t modus, struct err *e)
{
	int fd;

	weg(pad);
	fd = open(pad, O_WRONLY | O_CREAT | O_EXCL, modus);
	if (fd < 0)
		return err_set(e, ST_CONFLICT, "Kan %.300s niet schrijven: %s.",
			       doel, reden(errno, true));
	close(fd);
	return ST_OK;
}

/* The first bytes of a file, to tell what it holds; false: unreadable. */
static bool
kop_van(const char *pad, char *kop, size_t n, struct err *e)
{
	FILE *f = fopen(pad, "rb");
	struct stat sb;
	size_t k;

	memset(kop, 0, n);
	if (!f) {
		err_set(e, ST_NOT_FOUND, "Kan %.300s niet openen: %s.", pad,
			reden(errno, false));
		return false;
	}
	if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		fclose(f);
		err_set(e, ST_INVALID, "%.300s is een map, geen reservekopie.",
			pad);
		return false;
	}
	k = fread(kop, 1, n, f);
	fclose(f);
	(void)k;
	return true;
}

static bool
is_sqlite(const char *kop)
{
	return memcmp(kop, "SQLite format 3", 16) == 0;
}

static bool
is_pg_dump(const char *kop)
{
	return memcmp(kop, "PGDMP", 5) == 0;
}

/* ---- PostgreSQL's programs ---- */

/* `map`/`naam` into pad when it is a program there. */
static bool
programma_in(char *pad, size_t n, const char *map, size_t lmap,
	     const char *naam)
{
	int k = snprintf(pad, n, "%.*s/%s", (int)lmap, map, naam);

	return k >= 0 && (size_t)k < n && access(pad, X_OK) == 0;
}

/*
 * The PostgreSQL program `naam` (pg_dump, pg_restore) into pad: in the
 * folder $AMBT_PG_BIN when that is set, else on the PATH, else in the
 * newest /usr/lib/postgresql/N/bin (Debian's place).
 */
static bool
pg_programma(const char *naam, char *pad, size_t n)
{
	const char *map = getenv("AMBT_PG_BIN");
	const char *path = getenv("PATH");
	char patroon[128];
	glob_t g;
	long beste = -1;
	size_t welk = 0;
	int k;

	if (map && *map)
		return programma_in(pad, n, map, strlen(map), naam);
	for (const char *p = path; p && *p;) {
		const char *dp = strchr(p, ':');
		size_t l = dp ? (size_t)(dp - p) : strlen(p);

		if (l && programma_in(pad, n, p, l, naam))
			return true;
		p = dp ? dp + 1 : NULL;
	}
	snprintf(patroon, sizeof(patroon), "/usr/lib/postgresql/*/bin/%s",
		 naam);
	if (glob(patroon, 0, NULL, &g) != 0)
		return false;
	/* The newest: /usr/lib/postgresql/ is 20 bytes, then N. */
	for (size_t i = 0; i < g.gl_pathc; i++) {
		long v = strtol(g.gl_pathv[i] + 20, NULL, 10);

		if (v > beste && access(g.gl_pathv[i], X_OK) == 0) {
			beste = v;
			welk = i;
		}
	}
	k = beste >= 0 ? snprintf(pad, n, "%s", g.gl_pathv[welk]) : -1;
	globfree(&g);
	return k >= 0 && (size_t)k < n;
}

static enum status
niet_gevonden(const char *naam, struct err *e)
{
	const char *map = getenv("AMBT_PG_BIN");

	if (map && *map)
		return err_set(e, ST_UNSUPPORTED,
			       "Het programma %s staat niet in de map %.200s "
			       "(AMBT_PG_BIN).",
			       naam, map);
	return err_set(e, ST_UNSUPPORTED,
		       "Hiervoor is het programma %s van PostgreSQL nodig, "
		       "maar het is niet gevonden. Installeer het pakket "
		       "postgresql-client, of noem de map waarin het staat "
		       "met AMBT_PG_BIN.",
		       naam);
}

/* Keep what fits of `k` bytes read into buf (n bytes, NUL-ended). */
static void
bewaar(char *buf, size_t n, size_t *l, const char *data, size_t k)
{
	if (!buf || *l + 1 >= n)
		return;
	if (k > n - 1 - *l)
		k = n - 1 - *l;
	memcpy(buf + *l, data, k);
	*l += k;
	buf[*l] = '\0';
}

/*
 * Run program argv[0] with argv (no shell) and nothing on its standard
 * input. What it writes to standard output goes into `uit` (nuit bytes,
 * NUL-ended; the rest is read and dropped; NULL: all dropped), the start
 * of its error output into `fout`. Returns its exit code, or -1 when it
 * could not run or was stopped by a signal.
 */
static int
draai(char *const argv[], char *uit, size_t nuit, char *fout, size_t nfout)
{
	int po[2] = { -1, -1 }, pe[2] = { -1, -1 };
	posix_spawn_file_actions_t fa;
	struct pollfd p[2];
	size_t l[2] = { 0, 0 };
	pid_t pid;
	int status = 0, open_ = 2, rc;

	if (uit && nuit)
		uit[0] = '\0';
	if (fout && nfout)
		fout[0] = '\0';
	if (pipe(po) != 0 || pipe(pe) != 0) {
		for (int i = 0; i < 2; i++)
			if (po[i] >= 0)
				close(po[i]);
		return -1;
	}
	for (int i = 0; i < 2; i++) {
		fcntl(po[i], F_SETFD, FD_CLOEXEC);
		fcntl(pe[i], F_SETFD, FD_CLOEXEC);
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, po[1], 1);
	posix_spawn_file_actions_adddup2(&fa, pe[1], 2);
	rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(po[1]);
	close(pe[1]);
	if (rc != 0) {
		close(po[0]);
		close(pe[0]);
		if (fout)
			snprintf(fout, nfout, "%s", strerror(rc));
		return -1;
	}
	p[0] = (struct pollfd){ .fd = po[0], .events = POLLIN };
	p[1] = (struct pollfd){ .fd = pe[0], .events = POLLIN };
	while (open_ > 0) {
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < 2; i++) {
			char buf[4096];
			ssize_t k;

			if (p[i].fd < 0 || !p[i].revents)
				continue;
			k = read(p[i].fd, buf, sizeof(buf));
			if (k < 0 && errno == EINTR)
				continue;
			if (k <= 0) {
				close(p[i].fd);
				p[i].fd = -1;
				open_--;
				continue;
			}
			if (i == 0)
				bewaar(uit, nuit, &l[0], buf, (size_t)k);
			else
				bewaar(fout, nfout, &l[1], buf, (size_t)k);
		}
	}
	for (int i = 0; i < 2; i++)
		if (p[i].fd >= 0)
			close(p[i].fd);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The first line of a program's error output, as a sentence's end. */
static const char *
eerste_regel(char *fout)
{
	char *nl = strchr(fout, '\n');

	if (nl)
		*nl = '\0';
	return *fout ? fout : "geen melding";
}

/* ---- schema versions ---- */

/*
 * The schema version of the database behind a bare connection: 0 when it
 * is not an ambt database.
 */
static enum status
versie_van(struct db *db, int *versie, struct err *e)
{
	enum db_dialect d = db_dialect(db);
	struct db_stmt *st;
	int r, heeft = 0;

	*versie = 0;
	st = db_stmt(db, Q_SCHEMA_TABEL, query_text(Q_SCHEMA_TABEL, d));
	if (st && (r = db_step(st)) >= 0) {
		heeft = r == 1 && db_col_int(st, 0) > 0;
		db_reset(st);
		if (!heeft)
			return ST_OK;
		st = db_stmt(db, Q_SCHEMA_VERSION_GET,
			     query_text(Q_SCHEMA_VERSION_GET, d));
		if (st && (r = db_step(st)) >= 0) {
			*versie = r == 1 ? (int)db_col_int(st, 0) : 0;
			db_reset(st);
			return ST_OK;
		}
	}
	if (db_laatste(db) == DB_GEEN_DATABASE)
		return ST_OK; /* not a database at all: not ambt's */
	return err_internal(e, "schema version: %s", db_errmsg(db));
}

/* A copy's version must be one this ambt knows: 1 up to the newest. */
static enum status
versie_toets(const char *bron, int versie, struct err *e)
{
	if (versie < 1)
		return err_set(e, ST_INVALID,
			       "%.300s is geen reservekopie van ambt: er staat "
			       "geen ambt-database in.",
			       bron);
	if (versie > store_schema_latest())
		return err_set(
			e, ST_CONFLICT,
			"%.300s is gemaakt door een nieuwere versie van "
			"ambt (schemaversie %d; deze versie kent er %d). "
			"Zet haar terug met die nieuwere versie.",
			bron, versie, store_schema_latest());
	return ST_OK;
}

/*
 * The schema version of the database at `doel` and whether any of its
 * tables holds a row, read without changing it (no migrations).
 */
static enum status
doel_toestand(const char *doel, int *versie, bool *gegevens, struct err *e)
{
	struct db *db;
	char melding[400];
	enum db_fout f;
	enum status st;

	*versie = 0;
	*gegevens = false;
	if ((f = db_open(doel, false, &db, melding, sizeof(melding))) !=
	    DB_OK) {
		if (f == DB_GEEN_DATABASE)
			return ST_OK;
		return err_set(
			e, f == DB_VERBINDING ? ST_UNAVAILABLE : ST_INTERNAL,
			"%s", melding);
	}
	st = versie_van(db, versie, e);
	for (size_t i = 0; !st && *versie > 0 && !*gegevens && i < NTABELLEN;
	     i++) {
		enum query q = (enum query)(Q_TABEL_organisatie + i);
		struct db_stmt *s =
			db_stmt(db, q, query_text(q, db_dialect(db)));

		/* A table an older version does not have yet is empty. */
		if (s) {
			*gegevens = db_step(s) == 1;
			db_reset(s);
		}
	}
	db_close(db);
	return st;
}

/* ---- what a copy holds ---- */

static void
tel(struct store_kopie *uit)
{
	uit->rijen = 0;
	for (size_t i = 0; i < uit->ntabellen; i++)
		uit->rijen += uit->tabellen[i].rijen;
}

/*
 * What the database at `doel` holds, opened with the store (migrations
 * bring an older one up to date). With `los` it is left a single file
 * with a rollback journal afterwards, readable without -wal and -shm.
 */
static enum status
inhoud_van(const char *doel, bool los, struct arena *a, struct store_kopie *uit,
	   struct err *e)
{
	struct store *s;
	enum status st;

	if ((st = store_open(doel, STORE_EXISTING, &s, e)))
		return st;
	st = store_inhoud(s, a, &uit->tabellen, &uit->ntabellen, e);
	if (!st && los)
		st = exec(s, "PRAGMA journal_mode = DELETE", e);
	store_close(s);
	if (!st)
		tel(uit);
	return st;
}

static bool
zelfde_inhoud(const struct store_tabel *a, size_t na,
	      const struct store_tabel *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (a[i].rijen != b[i].rijen ||
		    strcmp(a[i].sha256, b[i].sha256))
			return false;
	return true;
}

/* ---- backup ---- */

/*
 * The database is opened with the driver alone: the store would take the
 * write lock to look for migrations, and wait for (or fail on) a server's
 * long write; the backup only reads.
 */
static enum status
sqlite_backup(const char *doel, const char *bestand, const char *tmp,
	      struct arena *a, struct store_kopie *uit, struct err *e)
{
	char melding[400], toon[1100];
	struct db *db;
	enum db_fout f;
	enum status st;
	int versie = 0;

	if ((f = db_open(doel, false, &db, melding, sizeof(melding))) != DB_OK)
		return err_set(
			e, f == DB_GEEN_DATABASE ? ST_NOT_FOUND : ST_INTERNAL,
			"%s", melding);
	store_weergave(doel, toon, sizeof(toon));
	if (!(st = versie_van(db, &versie, e)) && versie < 1)
		st = err_set(e, ST_INVALID, "%.300s is geen ambt-database.",
			     toon);
	else if (!st && versie > store_schema_latest())
		st = err_set(e, ST_CONFLICT,
			     "Deze database is gemaakt door een nieuwere "
			     "versie van ambt (schemaversie %d; deze versie "
			     "kent er %d).",
			     versie, store_schema_latest());
	if (!st)
		st = nieuw_bestand(tmp, bestand, 0600, e);
	if (!st && (f = db_backup(db, tmp)) != DB_OK)
		st = f == DB_BEZET
			     ? err_set(e, ST_CONFLICT,
				       "De database is bezet; probeer het "
				       "opnieuw.")
			     : err_internal(e, "backup: %s", db_errmsg(db));
	db_close(db);
	/* A copy of an older version is brought up to date here. */
	if (!st)
		st = inhoud_van(tmp, true, a, uit, e);
	return st;
}

static enum status
pg_backup(const char *doel, const char *bestand, const char *tmp,
	  struct arena *a, struct store_kopie *uit, struct err *e)
{
	char prog[PAD_MAX], file_arg[PAD_MAX + 8], fout[400], toon[1100];
	struct store_kopie voor = { 0 };
	enum status st;
	int rc;

	if (!pg_programma("pg_dump", prog, sizeof(prog)))
		return niet_gevonden("pg_dump", e);
	/* An ambt database, and what it held before. */
	if ((st = inhoud_van(doel, false, a, &voor, e)))
		return st;
	if ((st = nieuw_bestand(tmp, bestand, 0600, e)))
		return st;
	snprintf(file_arg, sizeof(file_arg), "--file=%s", tmp);
	{
		char *const argv[] = { prog, "--format=custom", file_arg,
				       (char *)doel, NULL };

		rc = draai(argv, NULL, 0, fout, sizeof(fout));
	}
	if (rc != 0) {
		unlink(tmp);
		err_set(e, ST_INTERNAL,
			"pg_dump kon geen reservekopie maken van %.300s: %.200s",
			store_weergave(doel, toon, sizeof(toon)),
			eerste_regel(fout));
		snprintf(e->detail, sizeof(e->detail), "pg_dump exit %d", rc);
		return ST_INTERNAL;
	}
	/* pg_dump copies one moment; what the database holds after it
	 * is that moment unless someone wrote meanwhile. */
	if ((st = inhoud_van(doel, false, a, uit, e))) {
		unlink(tmp);
		return st;
	}
	uit->gewijzigd = !zelfde_inhoud(voor.tabellen, voor.ntabellen,
					uit->tabellen, uit->ntabellen);
	return ST_OK;
}

enum status
store_backup(const char *doel, const char *bestand, bool overschrijf,
	     struct arena *a, struct store_kopie *uit, struct err *e)
{
	char tmp[PAD_MAX];
	enum status st;

	memset(uit, 0, sizeof(*uit));
	if (store_is_postgres(bestand))
		return err_set(e, ST_INVALID,
			       "Een reservekopie is een bestand: noem een pad, "
			       "geen database. Zet alles over naar een andere "
			       "database met 'ambt migreer'.");
	if (!pad_met(tmp, sizeof(tmp), bestand, ".nieuw"))
		return err_set(e, ST_INVALID, "Het pad is te lang.");
	if (!store_is_postgres(doel) &&
	    zelfde_bestand(bestand_van(doel), bestand))
		return err_set(e, ST_INVALID,
			       "%.300s is de database zelf; kies een ander "
			       "bestand voor de reservekopie.",
			       bestand);
	if (access(bestand, F_OK) == 0 && !overschrijf)
		return err_set(e, ST_CONFLICT,
			       "%.300s bestaat al. Kies een ander bestand, of "
			       "gebruik --overschrijf om het te vervangen.",
			       bestand);
	st = store_is_postgres(doel)
		     ? pg_backup(doel, bestand, tmp, a, uit, e)
		     : sqlite_backup(doel, bestand, tmp, a, uit, e);
	if (st) {
		weg(tmp);
		return st;
	}
	return vervang(tmp, bestand, e);
}

/* ---- restore ---- */

static enum status
sqlite_restore(const char *bron, const char *pad, const char *tmp,
	       struct arena *a, struct store_kopie *uit, struct err *e)
{
	struct db *db;
	char melding[400];
	enum db_fout f;
	enum status st;
	int versie = 0;

	if ((st = nieuw_bestand(tmp, pad, 0666, e)))
		return st;
	if (db_open(tmp, true, &db, melding, sizeof(melding)) != DB_OK) {
		weg(tmp);
		return err_set(e, ST_CONFLICT, "%s", melding);
	}
	f = db_restore(db, bron);
	if (f == DB_GEEN_DATABASE)
		st = err_set(e, ST_INVALID,
			     "%.300s is geen reservekopie van ambt.", bron);
	else if (f != DB_OK)
		st = err_internal(e, "restore: %s", db_errmsg(db));
	else
		st = versie_van(db, &versie, e);
	db_close(db);
	if (!st)
		st = versie_toets(bron, versie, e);
	if (!st)
		st = inhoud_van(tmp, false, a, uit, e);
	if (st) {
		weg(tmp);
		return st;
	}
	return vervang(tmp, pad, e);
}

/* The schema version a pg_dump archive holds (0: none). */
static enum status
dump_versie(const char *prog, const char *bron, int *versie, struct err *e)
{
	static const char kop[] = "schema_version (version) FROM stdin;\n";
	char *const argv[] = {
		(char *)prog, "--data-only", "--table=schema_version",
		"--file=-",   "--",	     (char *)bron,
		NULL
	};
	char uit[8192], fout[400];
	const char *p;
	int rc;

	*versie = 0;
	rc = draai(argv, uit, sizeof(uit), fout, sizeof(fout));
	if (rc != 0)
		return err_set(e, ST_INVALID,
			       "%.300s is geen reservekopie die pg_restore kan "
			       "lezen: %.200s",
			       bron, eerste_regel(fout));
	if ((p = strstr(uit, kop)))
		*versie = (int)strtol(p + sizeof(kop) - 1, NULL, 10);
	return ST_OK;
}

static enum status
pg_restore(const char *bron, const char *doel, bool overschrijf,
	   struct arena *a, struct store_kopie *uit, struct err *e)
{
	char prog[PAD_MAX], dbnaam[1200], fout[400], toon[1100];
	int versie = 0, doelversie = 0, rc;
	bool ja = false, gegevens = false;
	enum status st;

	if (!pg_programma("pg_restore", prog, sizeof(prog)))
		return niet_gevonden("pg_restore", e);
	if ((st = dump_versie(prog, bron, &versie, e)) ||
	    (st = versie_toets(bron, versie, e)))
		return st;
	store_weergave(doel, toon, sizeof(toon));
	/* Made when missing, as store_open does. */
	if ((st = store_bestaat(doel, &ja, e)))
		return st;
	if (ja && !overschrijf)
		return err_set(e, ST_CONFLICT,
			       "%.300s bestaat al. Gebruik --overschrijf om "
			       "die database te vervangen door de "
			       "reservekopie.",
			       toon);
	/* pg_restore --clean replaces what the archive has. A database of
	 * another schema version (or not ambt's) may have more: it is
	 * emptied first. */
	if (ja && (st = doel_toestand(doel, &doelversie, &gegevens, e)))
		return st;
	if (ja && doelversie != versie && (st = store_wis(doel, e)))
		return st;
	if ((size_t)snprintf(dbnaam, sizeof(dbnaam), "--dbname=%s", doel) >=
	    sizeof(dbnaam))
		return err_set(e, ST_INVALID, "De database-URL is te lang.");
	{
		char *const argv[] = { prog,
				       "--clean",
				       "--if-exists",
				       "--no-owner",
				       "--single-transaction",
				       dbnaam,
				       "--",
				       (char *)bron,
				       NULL };

		rc = draai(argv, NULL, 0, fout, sizeof(fout));
	}
	if (rc != 0) {
		err_set(e, ST_INTERNAL,
			"pg_restore kon de reservekopie niet terugzetten in "
			"%.300s (%s): %.200s",
			toon,
			ja && doelversie == versie ? "die is niet gewijzigd"
						   : "die is nu leeg",
			eerste_regel(fout));
		snprintf(e->detail, sizeof(e->detail), "pg_restore exit %d",
			 rc);
		return ST_INTERNAL;
	}
	return inhoud_van(doel, false, a, uit, e);
}

enum status
store_restore(const char *bron, const char *doel, bool overschrijf,
	      struct arena *a, struct store_kopie *uit, struct err *e)
{
	char kop[16], tmp[PAD_MAX], toon[1100];
	const char *pad = bestand_van(doel);

	memset(uit, 0, sizeof(*uit));
	if (!kop_van(bron, kop, sizeof(kop), e))
		return e->status;
	store_weergave(doel, toon, sizeof(toon));
	if (store_is_postgres(doel)) {
		if (is_sqlite(kop))
			return err_set(e, ST_INVALID,
				       "%.300s is een SQLite-database. Zet "
				       "die over naar PostgreSQL met 'ambt "
				       "migreer --van %.300s --naar URL'.",
				       bron, bron);
		if (!is_pg_dump(kop))
			return err_set(e, ST_INVALID,
				       "%.300s is geen reservekopie van een "
				       "PostgreSQL-database (van pg_dump).",
				       bron);
		return pg_restore(bron, doel, overschrijf, a, uit, e);
	}
	if (is_pg_dump(kop))
		return err_set(e, ST_INVALID,
			       "%.300s is een reservekopie van PostgreSQL; zet "
			       "die terug in een PostgreSQL-database (--db "
			       "postgresql://...).",
			       bron);
	if (zelfde_bestand(bron, pad))
		return err_set(e, ST_INVALID,
			       "%.300s is de database zelf; noem met --db "
			       "waar de reservekopie heen moet.",
			       bron);
	if (!is_sqlite(kop))
		return err_set(e, ST_INVALID,
			       "%.300s is geen reservekopie van ambt.", bron);
	if (access(pad, F_OK) == 0 && !overschrijf)
		return err_set(
			e, ST_CONFLICT,
			"%.300s bestaat al. Gebruik --overschrijf om die "
			"database te vervangen door de reservekopie.",
			toon);
	if (!pad_met(tmp, sizeof(tmp), pad, ".nieuw"))
		return err_set(e, ST_INVALID, "Het pad is te lang.");
	return sqlite_restore(bron, pad, tmp, a, uit, e);
}

/* ---- moving everything to another database ---- */

/* A row whose self-reference is filled in after all rows are there. */
struct verwijzing {
	int64_t id, naar;
};

struct verwijzingen {
	struct verwijzing *v;
	size_t n, cap;
};

static int64_t
getal(const char *t)
{
	return t ? strtoll(t, NULL, 10) : 0;
}

/* A failure of the target while table `naam` was copied, in words. */
static enum status
tabel_fout(struct store *naar, const char *naam, struct err *e)
{
	enum status st = db_error(naar, e, naam);
	char melding[200];

	if (st != ST_INTERNAL)
		return st;
	/* Rows the target refuses: the data, not the program. */
	snprintf(melding, sizeof(melding), "%s", db_errmsg(naar->db));
	melding[strcspn(melding, "\n")] = '\0';
	return err_set(e, ST_CONFLICT,
		       "Tabel %s kon niet worden overgezet; er is niets "
		       "overgezet. De doeldatabase meldde: %s",
		       naam, melding);
}

/*
 * Every row of table i from `van` into `naar` with the bulk path, in key
 * order. A self-reference points at its own row until all rows are there
 * (then no row names one that is not there yet, and no unique index over
 * the rows without one sees rows that will have one); `zelf` keeps what
 * it must become. On PostgreSQL new ids of the table continue after the
 * highest one copied.
 */
static enum status
kopieer_tabel(struct store *van, struct store *naar, size_t i, struct arena *a,
	      struct verwijzingen *zelf, struct err *e)
{
	enum query q = (enum query)(Q_TABEL_organisatie + i);
	const char *naam = tabellen[i].naam;
	bool met_id = strcmp(tabellen[i].sleutel, "id") == 0;
	struct db_stmt *st = stmt(van, q, e);
	struct db_bulk *bulk = NULL;
	struct db_waarde w[MAX_KOLOMMEN];
	int ncols = 0, id_kol = -1, zelf_kol = -1, r = 0;
	int64_t hoogste = 0;
	enum status rc = ST_OK;

	if (!st)
		return e->status;
	while (!rc && (r = next_row(van, st, e)) > 0) {
		if (!bulk) {
			char kolommen[1024];
			size_t o = 0;

			ncols = db_col_count(st);
			if (ncols < 1 || ncols > MAX_KOLOMMEN) {
				rc = err_internal(e, "%s: %d columns", naam,
						  ncols);
				break;
			}
			for (int c = 0; c < ncols && !rc; c++) {
				const char *k = db_col_name(st, c);
				int m = snprintf(kolommen + o,
						 sizeof(kolommen) - o, "%s%s",
						 c ? ", " : "", k ? k : "");

				if (!k || m < 0 ||
				    (size_t)m >= sizeof(kolommen) - o)
					rc = err_internal(e, "%s: columns",
							  naam);
				else
					o += (size_t)m;
				if (k && strcmp(k, "id") == 0)
					id_kol = c;
				if (k && tabellen[i].zelf &&
				    strcmp(k, tabellen[i].zelf) == 0)
					zelf_kol = c;
			}
			if (!rc && tabellen[i].zelf &&
			    (!met_id || id_kol < 0 || zelf_kol < 0))
				rc = err_internal(e, "%s: no column %s", naam,
						  tabellen[i].zelf);
			if (!rc && !(bulk = db_bulk_begin(naar->db, naam,
							  kolommen, ncols)))
				rc = tabel_fout(naar, naam, e);
			if (rc)
				break;
		}
		for (int c = 0; c < ncols; c++) {
			const char *t =
				db_col_null(st, c) ? NULL : db_col_text(st, c);

			w[c] = (struct db_waarde){ .tekst = t,
						   .lengte =
							   t ? strlen(t) : 0 };
		}
		if (met_id && id_kol >= 0 && getal(w[id_kol].tekst) > hoogste)
			hoogste = getal(w[id_kol].tekst);
		if (zelf_kol >= 0 && w[zelf_kol].tekst) {
			if (!PUSH(a, zelf->v, zelf->n, zelf->cap)) {
				rc = nomem(e);
				break;
			}
			zelf->v[zelf->n - 1] =
				(struct verwijzing){ getal(w[id_kol].tekst),
						     getal(w[zelf_kol].tekst) };
			w[zelf_kol] = w[id_kol];
		}
		if (db_bulk_row(bulk, w) != DB_OK)
			rc = tabel_fout(naar, naam, e);
	}
	db_reset(st);
	if (!rc && r < 0)
		rc = e->status;
	if (rc) {
		db_bulk_abort(bulk);
		return rc;
	}
	if (bulk && db_bulk_end(bulk) != DB_OK)
		return tabel_fout(naar, naam, e);
	if (met_id && naar->dialect == DB_POSTGRES) {
		struct db_stmt *v = stmt(naar, Q_KOPIE_VOLGENDE_ID, e);

		if (!v)
			return e->status;
		bind_text(v, 1, naam);
		bind_int(v, 2, hoogste + 1);
		return run(naar, v, e);
	}
	return ST_OK;
}

/* The self-references, now that every row is there. */
static enum status
verwijzingen_invullen(struct store *naar, const struct verwijzingen *zelf,
		      struct err *e)
{
	for (size_t i = 0; i < NTABELLEN; i++)
		if (tabellen[i].zelf &&
		    (strcmp(tabellen[i].naam, "uren_batch") ||
		     strcmp(tabellen[i].zelf, "vervangen_door")))
			return err_internal(e, "no statement fills %s.%s",
					    tabellen[i].naam, tabellen[i].zelf);
	for (size_t i = 0; i < zelf->n; i++) {
		struct db_stmt *st = stmt(naar, Q_KOPIE_VERVANGEN_DOOR, e);

		if (!st)
			return e->status;
		bind_int(st, 1, zelf->v[i].id);
		bind_int(st, 2, zelf->v[i].naar);
		if (run(naar, st, e))
			return e->status;
	}
	return ST_OK;
}

/*
 * The checks before the copy commits: (a) every table the same on both
 * sides, (b) every adopted calculation recomputed on the target to the
 * bytes it stores, (c) the target's audit trail whole.
 */
static enum status
controleer(struct store *van, struct store *naar, const char *naar_toon,
	   store_herreken herreken, void *arg, struct arena *a,
	   struct store_migratie *uit, struct err *e)
{
	struct store_tabel *ta, *tb;
	struct kostenverdeling *k;
	size_t na, nb, nk;
	int64_t gebroken = 0;

	if (store_inhoud(van, a, &ta, &na, e) ||
	    store_inhoud(naar, a, &tb, &nb, e))
		return e->status;
	if (na != nb)
		return err_internal(e, "%zu tables against %zu", na, nb);
	for (size_t i = 0; i < na; i++) {
		if (ta[i].rijen != tb[i].rijen)
			return err_set(e, ST_CONFLICT,
				       "Tabel %s is niet goed overgekomen: "
				       "%lld rijen in de bron, %lld in %.200s. "
				       "Er is niets overgezet.",
				       ta[i].naam, (long long)ta[i].rijen,
				       (long long)tb[i].rijen, naar_toon);
		if (strcmp(ta[i].sha256, tb[i].sha256))
			return err_set(e, ST_CONFLICT,
				       "Tabel %s is niet goed overgekomen: "
				       "evenveel rijen, maar niet dezelfde "
				       "inhoud. Er is niets overgezet.",
				       ta[i].naam);
	}
	uit->kopie.tabellen = tb;
	uit->kopie.ntabellen = nb;
	tel(&uit->kopie);
	if (store_kostenverdeling_list(naar, a, NULL, 0, &k, &nk, e))
		return e->status;
	for (size_t i = 0; herreken && i < nk; i++) {
		struct kostenverdeling kv;
		struct arena tmp;
		enum status st;

		if (!k[i].vastgesteld)
			continue;
		arena_init(&tmp, 256u << 20);
		st = store_kostenverdeling_get(naar, &tmp, k[i].id, &kv, e);
		if (!st && (st = herreken(&kv, arg, e)))
			err_set(e, ST_CONFLICT,
				"Kostenverdeling %lld (%.40s %d) komt in "
				"%.200s opnieuw berekend niet uit op wat "
				"bewaard is (tabel kostenverdeling). Er is "
				"niets overgezet.",
				(long long)kv.id, kv.samenwerking, kv.jaar,
				naar_toon);
		arena_free(&tmp);
		if (st)
			return e->status;
		uit->berekeningen++;
	}
	if (store_audit_verify(naar, &uit->audit, &gebroken, e))
		return e->status;
	if (gebroken)
		return err_set(e, ST_CONFLICT,
			       "Het auditspoor (tabel audit) klopt in %.200s "
			       "niet meer vanaf regel %lld. Er is niets "
			       "overgezet.",
			       naar_toon, (long long)gebroken);
	return ST_OK;
}

/* Copy and check in one transaction on the target; one moment of the
 * source. */
static enum status
kopieer(struct store *van, struct store *naar, const char *naar_toon,
	store_herreken herreken, void *arg, struct arena *a,
	struct store_migratie *uit, struct err *e)
{
	struct verwijzingen zelf = { 0 };
	struct err stil;
	enum status st;

	if ((st = tx_begin_stil(van, e)))
		return st;
	if ((st = tx_begin(naar, e))) {
		err_clear(&stil);
		tx_end(van, ST_CONFLICT, &stil);
		return st;
	}
	for (size_t i = 0; !st && i < NTABELLEN; i++)
		st = kopieer_tabel(van, naar, i, a, &zelf, e);
	if (!st)
		st = verwijzingen_invullen(naar, &zelf, e);
	if (!st)
		st = controleer(van, naar, naar_toon, herreken, arg, a, uit, e);
	st = tx_end(naar, st, e);
	err_clear(&stil);
	tx_end(van, ST_CONFLICT, &stil); /* only read: undone */
	return st;
}

/*
 * Make the target ready: refused when it holds data (or is not ambt's)
 * and `overschrijf` is not set; else a PostgreSQL database is emptied and
 * a SQLite file is built beside its place (tmp, renamed at the end).
 * *pad is where the store opens it.
 */
static enum status
doel_klaar(const char *naar, const char *toon, bool overschrijf, char *tmp,
	   size_t ntmp, const char **pad, bool *gewist, struct err *e)
{
	bool ja = false, gegevens = false;
	int versie = 0;
	enum status st;

	*pad = naar;
	*gewist = false;
	if ((st = store_bestaat(naar, &ja, e)))
		return st;
	if (ja && !overschrijf) {
		if ((st = doel_toestand(naar, &versie, &gegevens, e)))
			return st;
		if (versie < 1)
			return err_set(e, ST_CONFLICT,
				       "%.300s bestaat al en is geen "
				       "ambt-database. Gebruik --overschrijf "
				       "om het te vervangen.",
				       toon);
		if (versie > store_schema_latest())
			return err_set(e, ST_CONFLICT,
				       "%.300s is gemaakt door een nieuwere "
				       "versie van ambt (schemaversie %d; deze "
				       "versie kent er %d).",
				       toon, versie, store_schema_latest());
		if (gegevens)
			return err_set(e, ST_CONFLICT,
				       "%.300s bevat al gegevens. Gebruik "
				       "--overschrijf om ze te vervangen.",
				       toon);
	}
	if (store_is_postgres(naar)) {
		*gewist = ja && overschrijf;
		return *gewist ? store_wis(naar, e) : ST_OK;
	}
	if (!pad_met(tmp, ntmp, bestand_van(naar), ".nieuw"))
		return err_set(e, ST_INVALID, "Het pad is te lang.");
	weg(tmp);
	*pad = tmp;
	return ST_OK;
}

enum status
store_migreer(const char *van, const char *naar, bool overschrijf,
	      store_herreken herreken, void *arg, struct arena *a,
	      struct store_migratie *uit, struct err *e)
{
	struct store *bron = NULL, *doel = NULL;
	char tmp[PAD_MAX], toon[1100];
	const char *pad = naar;
	bool gewist = false;
	enum status st;

	memset(uit, 0, sizeof(*uit));
	store_weergave(naar, toon, sizeof(toon));
	if (store_is_postgres(van) == store_is_postgres(naar) &&
	    (store_is_postgres(van)
		     ? strcmp(van, naar) == 0
		     : zelfde_bestand(bestand_van(van), bestand_van(naar))))
		return err_set(e, ST_INVALID,
			       "--van en --naar noemen dezelfde database.");
	if ((st = store_open(van, STORE_EXISTING, &bron, e)))
		return st;
	store_set_zicht(bron, &zicht_alles);
	st = doel_klaar(naar, toon, overschrijf, tmp, sizeof(tmp), &pad,
			&gewist, e);
	if (!st)
		st = store_open(pad, STORE_CREATE, &doel, e);
	if (!st) {
		store_set_zicht(doel, &zicht_alles);
		st = kopieer(bron, doel, toon, herreken, arg, a, uit, e);
	}
	store_close(doel);
	store_close(bron);
	if (st && gewist) {
		size_t l = strlen(e->message);

		snprintf(e->message + l, sizeof(e->message) - l,
			 " De doeldatabase is nu leeg.");
	}
	if (pad == naar)
		return st;
	if (st) {
		weg(tmp);
		return st;
	}
	return vervang(tmp, bestand_van(naar), e);
}

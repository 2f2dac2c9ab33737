/*
 * common.c - option parsing, database path, today, error reporting.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <pwd.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "cli.h"
#include "../core/text.h"
#include "../banned.h"

int
cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("ambt: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nGebruik --help voor uitleg.\n", stderr);
	return EXIT_USER;
}

/* Options under their English name of earlier releases (docs/cli.md). */
static const struct {
	const char *oud, *nieuw;
} oude_opties[] = {
	{ "dry-run", "proef" },
	{ "resource", "soort" },
};

#define NOUDE_OPTIES (sizeof(oude_opties) / sizeof(oude_opties[0]))

static const struct opt *
find_opt(const struct opt *opts, const char *name, size_t len)
{
	for (; opts && opts->name; opts++)
		if (strlen(opts->name) == len &&
		    strncmp(opts->name, name, len) == 0)
			return opts;
	return NULL;
}

int
cli_parse(int argc, char **argv, const struct opt *opts,
	  struct cli_common *common, const char **pos, size_t maxpos,
	  size_t *npos, const char *usage)
{
	const struct opt builtin[] = {
		{ "db", &common->db, NULL },
		{ "format", &common->format_text, NULL },
		{ "help", NULL, &common->help },
		{ NULL, NULL, NULL },
	};
	bool only_pos = false;

	*npos = 0;
	for (int i = 0; i < argc; i++)
		if (!utf8_valid(argv[i]))
			return cli_usage_error("argument %d is geen geldige "
					       "UTF-8-tekst.",
					       i + 1);
	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i];
		const char *name, *eq, *val = NULL;
		const struct opt *o;
		size_t len;

		if (only_pos || arg[0] != '-' || arg[1] == '\0') {
			if (*npos == maxpos)
				return cli_usage_error("te veel argumenten "
						       "('%s').",
						       arg);
			pos[(*npos)++] = arg;
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			only_pos = true;
			continue;
		}
		if (strcmp(arg, "-h") == 0) {
			common->help = true;
			continue;
		}
		if (arg[1] != '-')
			return cli_usage_error("onbekende optie '%s'.", arg);
		name = arg + 2;
		eq = strchr(name, '=');
		len = eq ? (size_t)(eq - name) : strlen(name);
		o = find_opt(opts, name, len);
		if (!o)
			o = find_opt(builtin, name, len);
		for (size_t k = 0; !o && k < NOUDE_OPTIES; k++)
			if (strlen(oude_opties[k].oud) == len &&
			    strncmp(oude_opties[k].oud, name, len) == 0)
				o = find_opt(opts, oude_opties[k].nieuw,
					     strlen(oude_opties[k].nieuw));
		if (!o)
			return cli_usage_error("onbekende optie '--%.*s'.",
					       (int)len, name);
		if (o->flag) {
			if (eq)
				return cli_usage_error("optie '--%s' heeft "
						       "geen waarde.",
						       o->name);
			*o->flag = true;
			continue;
		}
		if (eq)
			val = eq + 1;
		else if (i + 1 < argc)
			val = argv[++i];
		else
			return cli_usage_error("optie '--%s' heeft een waarde "
					       "nodig.",
					       o->name);
		*o->value = val;
	}
	if (common->help) {
		fputs(usage, stdout);
		return 0;
	}
	common->format = FORMAT_TABEL;
	if (common->format_text) {
		if (strcmp(common->format_text, "tabel") == 0)
			common->format = FORMAT_TABEL;
		else if (strcmp(common->format_text, "json") == 0)
			common->format = FORMAT_JSON;
		else if (strcmp(common->format_text, "csv") == 0)
			common->format = FORMAT_CSV;
		else
			return cli_usage_error("--format kent tabel, json en "
					       "csv, niet '%s'.",
					       common->format_text);
	}
	return 0;
}

const char *
cli_db_path(const struct cli_common *c)
{
	const char *env;

	if (c->db && *c->db)
		return c->db;
	env = getenv("AMBT_DB");
	if (env && *env)
		return env;
	return "ambt.db";
}

day_t
cli_today(void)
{
	return clock_today();
}

int
cli_exit_code(enum status st)
{
	switch (st) {
	case ST_OK:
		return 0;
	case ST_INVALID:
	case ST_NOT_FOUND:
	case ST_CONFLICT:
	case ST_TOO_LARGE:
	case ST_UNSUPPORTED:
	case ST_UNAUTHENTICATED:
	case ST_FORBIDDEN:
	case ST_TOO_MANY:
		return EXIT_USER;
	case ST_NOMEM:
	case ST_INTERNAL:
	case ST_UNAVAILABLE:
	case ST_RETRY:
		return EXIT_INTERNAL;
	}
	return EXIT_INTERNAL;
}

int
cli_fail(const struct err *e)
{
	return cli_fail_bij(e, "niet opgeslagen");
}

int
cli_fail_bij(const struct err *e, const char *wat)
{
	if (e->status == ST_INVALID && e->nproblems > 0) {
		fprintf(stderr, "ambt: %s, want:\n", wat);
		for (size_t i = 0; i < e->nproblems; i++)
			fprintf(stderr, "  %s: %s\n", e->problems[i].name,
				e->problems[i].reason);
		if (e->ndropped)
			fprintf(stderr, "  (en nog %zu fouten)\n", e->ndropped);
	} else {
		fprintf(stderr, "ambt: %s\n",
			e->message[0] ? e->message : "onbekende fout.");
		if (e->status == ST_INTERNAL && e->detail[0])
			fprintf(stderr, "ambt: details voor beheer: %s\n",
				e->detail);
	}
	return cli_exit_code(e->status);
}

static unsigned long
regel_van(const struct problem *p)
{
	return strncmp(p->name, "regel ", 6) == 0
		       ? strtoul(p->name + 6, NULL, 10)
		       : 0;
}

void
cli_problemen_op_regel(struct err *e)
{
	for (size_t i = 1; i < e->nproblems; i++) {
		struct problem x = e->problems[i];
		size_t j = i;

		while (j > 0 &&
		       regel_van(&e->problems[j - 1]) > regel_van(&x)) {
			e->problems[j] = e->problems[j - 1];
			j--;
		}
		e->problems[j] = x;
	}
}

void
cli_set_actor(struct store *s)
{
	const char *user = getenv("USER");
	struct passwd *pw;
	char id[96], weergave[160];

	if (!user || !*user) {
		pw = getpwuid(getuid());
		user = pw ? pw->pw_name : "onbekend";
	}
	snprintf(id, sizeof(id), "opdrachtregel:%.64s", user);
	snprintf(weergave, sizeof(weergave), "%.64s (opdrachtregel)", user);
	store_set_actor(s, id, weergave, "opdrachtregel");
	store_set_clock(s, clock_now());
	/* At the machine one sees everything. */
	store_set_zicht(s, &zicht_alles);
}

int
cli_open(const struct cli_common *c, struct store **s)
{
	struct err e;

	err_clear(&e);
	if (store_open(cli_db_path(c), STORE_EXISTING, s, &e))
		return cli_fail(&e);
	cli_set_actor(*s);
	return 0;
}

int
cli_date(const char *text, const char *option, day_t *out)
{
	if (date_parse(text, out) == 0)
		return 0;
	return cli_usage_error("--%s: '%s' is geen geldige datum; schrijf "
			       "JJJJ-MM-DD, bijvoorbeeld 2021-03-01.",
			       option, text);
}

int
cli_read_file(const char *path, struct cli_bestand *b)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	size_t cap = 1 << 16, len = 0, got;
	struct stat st;
	char *buf;

	memset(b, 0, sizeof(*b));
	if (!f)
		return cli_usage_error("Kan '%s' niet openen: %s.", path,
				       errno == ENOENT
					       ? "het bestand bestaat niet"
				       : errno == EACCES ? "geen toegang"
				       : errno == EISDIR ? "dat is een map"
							 : "onbekende fout");
	/* A regular file is mapped: a year of hours is not copied. */
	if (f != stdin && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size > 0) {
		void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE,
			       fileno(f), 0);

		if (p != MAP_FAILED) {
			fclose(f);
			b->data = p;
			b->n = (size_t)st.st_size;
			b->gemapt = true;
			return 0;
		}
	}
	buf = malloc(cap + 1);
	while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
		len += got;
		if (len == cap) {
			char *nb = cap < ((size_t)1 << 31)
					   ? realloc(buf, 2 * cap + 1)
					   : NULL;
			if (!nb) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
			cap *= 2;
		}
	}
	if (!buf || ferror(f)) {
		int fout = ferror(f);

		free(buf);
		if (f != stdin)
			fclose(f);
		return cli_usage_error(fout ? "Kan '%s' niet lezen."
					    : "'%s' is te groot.",
				       path);
	}
	if (f != stdin)
		fclose(f);
	buf[len] = '\0';
	b->data = buf;
	b->n = len;
	return 0;
}

void
cli_file_free(struct cli_bestand *b)
{
	if (b->gemapt)
		munmap(b->data, b->n);
	else
		free(b->data);
	memset(b, 0, sizeof(*b));
}

/*
 * The English verbs of earlier releases, still understood (without a
 * word) for one release so that scripts keep working; docs/cli.md.
 */
static const struct {
	const char *oud, *nieuw;
} oude_namen[] = {
	{ "list", "lijst" },	   { "show", "toon" },
	{ "add", "toevoegen" },	   { "update", "wijzig" },
	{ "delete", "verwijder" }, { "cancel", "annuleer" },
	{ "move", "verplaats" },   { "verify", "controleer" },
	{ "import", "importeer" }, { "seed", "standaard" },
};

#define NOUD (sizeof(oude_namen) / sizeof(oude_namen[0]))

const char *
cli_nieuwe_naam(const char *naam)
{
	for (size_t i = 0; i < NOUD; i++)
		if (strcmp(oude_namen[i].oud, naam) == 0)
			return oude_namen[i].nieuw;
	return naam;
}

const char *
cli_bedoeld(const char *naam, const char *const *namen, size_t n)
{
	const char *kandidaten[64 + NOUD];
	size_t k = 0, i;

	for (i = 0; i < n && k < 64; i++)
		kandidaten[k++] = namen[i];
	/* A slip in an old name points to the new one, if it exists. */
	for (i = 0; i < NOUD; i++)
		for (size_t j = 0; j < n; j++)
			if (strcmp(namen[j], oude_namen[i].nieuw) == 0) {
				kandidaten[k++] = oude_namen[i].oud;
				break;
			}
	i = text_nearest(naam, kandidaten, k, CLI_BEDOELD_MAX);
	return i == k ? NULL : cli_nieuwe_naam(kandidaten[i]);
}

int
cli_onbekend(const char *naam, const char *bedoeld)
{
	if (bedoeld)
		fprintf(stderr,
			"ambt: onbekende opdracht '%s'. Bedoelde u '%s'?\n\n",
			naam, bedoeld);
	else
		fprintf(stderr, "ambt: onbekende opdracht '%s'.\n\n", naam);
	return EXIT_USER;
}

int
cli_dispatch(int argc, char **argv, const struct subcommand *subs,
	     const char *usage)
{
	const char *namen[64];
	const char *naam;
	size_t n = 0;

	if (argc < 1) {
		fputs(usage, stderr);
		return EXIT_USER;
	}
	if (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0) {
		fputs(usage, stdout);
		return 0;
	}
	naam = cli_nieuwe_naam(argv[0]);
	for (const struct subcommand *s = subs; s->name; s++) {
		if (strcmp(s->name, argv[0]) == 0 || strcmp(s->name, naam) == 0)
			return s->fn(argc - 1, argv + 1);
		if (n < sizeof(namen) / sizeof(namen[0]))
			namen[n++] = s->name;
	}
	cli_onbekend(argv[0], cli_bedoeld(argv[0], namen, n));
	fputs(usage, stderr);
	return EXIT_USER;
}

int
ctx_open(struct ctx *x, int argc, char **argv, const struct opt *opts,
	 size_t maxpos, const char *usage)
{
	int rc;

	memset(x, 0, sizeof(*x));
	err_clear(&x->e);
	if (maxpos > sizeof(x->pos) / sizeof(x->pos[0]))
		maxpos = sizeof(x->pos) / sizeof(x->pos[0]);
	rc = cli_parse(argc, argv, opts, &x->c, x->pos, maxpos, &x->npos,
		       usage);
	if (rc || x->c.help)
		return rc;
	if ((rc = cli_open(&x->c, &x->s)))
		return rc;
	arena_init(&x->a, 256u << 20);
	return -1;
}

int
ctx_close(struct ctx *x, int rc)
{
	arena_free(&x->a);
	store_close(x->s);
	x->s = NULL;
	return rc;
}

void
ctx_table(const struct ctx *x, const struct table *t)
{
	if (x->c.format == FORMAT_CSV)
		table_csv(t, stdout);
	else if (t->nrows == 0)
		puts("Niets gevonden.");
	else
		table_print(t, stdout, "");
}

const char *
ctx_date(struct ctx *x, day_t d)
{
	if (x->c.format == FORMAT_CSV)
		return date_iso_a(&x->a, d);
	return date_nl_a(&x->a, d);
}

const char *
ctx_moment(struct ctx *x, const char *iso)
{
	int64_t utc;
	if (!iso || x->c.format == FORMAT_CSV ||
	    date_parse_instant(iso, &utc) != 0)
		return iso;
	char *buf = arena_alloc(&x->a, DATE_MOMENT_NL_LEN);
	date_format_moment_nl(utc, buf, DATE_MOMENT_NL_LEN);
	return buf;
}

int
ctx_vereist(const struct ctx *x, size_t npos, bool compleet,
	    const char *jaar_text, int *jaar, const char *wat)
{
	if (x->npos != npos || !compleet || !jaar_text)
		return cli_usage_error("Geef %s.", wat);
	return cli_jaar(jaar_text, jaar);
}

/* The year of a command, by the rule every entrance uses. */
int
cli_jaar(const char *text, int *jaar)
{
	int64_t v;

	if (!text)
		return 0;
	if (text_int_parse(text, DATE_JAAR_MIN, DATE_JAAR_MAX, &v))
		return cli_usage_error("--jaar: '%s' is geen jaartal.", text);
	*jaar = (int)v; /* within DATE_JAAR_MIN and DATE_JAAR_MAX */
	return 0;
}

/* One whole number from the command line, never cut short. */
int
cli_int(const char *text, const char *wat, int64_t min, int64_t max,
	int64_t *out)
{
	char bereik[128];

	if (!text || text_int_parse(text, min, max, out) == TEXT_INT_OK)
		return 0;
	text_int_range(min, max, bereik, sizeof(bereik));
	return cli_usage_error("%s: '%.40s' is geen %s.", wat, text, bereik);
}

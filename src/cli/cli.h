/*
 * cli.h - what the subcommands of `ambt` share: option parsing, the
 * database path, output formats, today's date, and error reporting.
 *
 * Each subcommand is a function `int cmd_x(int argc, char **argv)` that
 * returns the process exit code: 0 done, 1 the user asked for something
 * that cannot be done (message in Dutch on stderr), 2 internal error.
 */
#ifndef AMBT_CLI_H
#define AMBT_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../core/arena.h"
#include "../core/date.h"
#include "../core/err.h"
#include "../store/store.h"
#include "../sys/clock.h"

#define EXIT_USER 1
#define EXIT_INTERNAL 2

enum format { FORMAT_TABEL, FORMAT_JSON, FORMAT_CSV };

/* An option: `--name VALUE` (value != NULL) or a flag `--name`. */
struct table;

struct opt {
	const char *name;
	const char **value; /* where to store the argument, or NULL */
	bool *flag; /* set when given without argument */
};

/*
 * Parse argv[0..argc) against `opts` plus the common options --db,
 * --format and --help. Positional arguments are collected in pos[] (at
 * most maxpos). Returns 0, or prints a Dutch message naming the problem
 * and returns EXIT_USER. `usage` is printed for --help (then *help is
 * set and 0 returned).
 */
struct cli_common {
	const char *db;
	const char *format_text;
	enum format format;
	bool help;
};

int cli_parse(int argc, char **argv, const struct opt *opts,
	      struct cli_common *common, const char **pos, size_t maxpos,
	      size_t *npos, const char *usage);

/* A subcommand ("list", "show", ...) of a command. */
struct subcommand {
	const char *name;
	int (*fn)(int argc, char **argv);
};

/*
 * The name of now for a subcommand's English name of earlier releases
 * ("list" gives "lijst"); any other name as it is.
 */
const char *cli_nieuwe_naam(const char *naam);

/* How many typing slips a suggestion may be away (text_distance). */
#define CLI_BEDOELD_MAX 2

/*
 * The one of the n names (at most 64) that `naam` was probably meant to
 * be, also through an old name: "lsit" gives "lijst"; NULL if none is
 * near enough.
 */
const char *cli_bedoeld(const char *naam, const char *const *namen, size_t n);

/*
 * Say on stderr that `naam` is no command, with "Bedoelde u 'BEDOELD'?"
 * when bedoeld is not NULL; returns EXIT_USER.
 */
int cli_onbekend(const char *naam, const char *bedoeld);

/*
 * Run the subcommand named by argv[0] (or by its old name) with the
 * remaining arguments; print `usage` for --help or when none is given
 * (exit 1 then), and for a name that is none, after the suggestion of
 * cli_bedoeld (exit 1).
 */
int cli_dispatch(int argc, char **argv, const struct subcommand *subs,
		 const char *usage);

/* What most subcommands hold while they run. */
struct ctx {
	struct cli_common c;
	struct store *s;
	struct arena a;
	struct err e;
	const char *pos[8];
	size_t npos;
};

/*
 * Parse arguments (at most maxpos positional), open the database and
 * prepare an arena. Returns -1 when the command should go on, otherwise
 * the exit code to return right away (after --help, or on an error).
 * When it returned -1, finish with ctx_close().
 */
int ctx_open(struct ctx *x, int argc, char **argv, const struct opt *opts,
	     size_t maxpos, const char *usage);

/* Release what ctx_open acquired; returns rc. */
int ctx_close(struct ctx *x, int rc);

/* Print a table in the chosen format (tabel or csv). */
void ctx_table(const struct ctx *x, const struct table *t);

/* A date for the chosen format: Dutch for tabel, ISO for csv. */
const char *ctx_date(struct ctx *x, day_t d);
/* A stored moment (UTC, "2026-11-22T09:30:00Z") as people read it, in
 * Amsterdam time: "22 november 2026, 10:30"; CSV keeps the stored form. */
const char *ctx_moment(struct ctx *x, const char *iso);

/* The database path: --db, else $AMBT_DB, else "ambt.db". */
const char *cli_db_path(const struct cli_common *c);

/* Today in Europe/Amsterdam, from the one clock (src/sys/clock.h). */
day_t cli_today(void);

/*
 * Record the person at the terminal as the actor of what follows, for the
 * audit trail: "opdrachtregel:<login name>", the clock's instant as the
 * time of what the command stores, and that it sees everything.
 */
void cli_set_actor(struct store *s);

/* Open the existing database named by the common options. */
int cli_open(const struct cli_common *c, struct store **s);

/*
 * Report a failed operation: print the Dutch message (and every problem)
 * on stderr, the log detail too for internal errors, and return the exit
 * code for the status.
 */
int cli_fail(const struct err *e);
/* The same for something other than storing: "ambt: WAT, want:". */
int cli_fail_bij(const struct err *e, const char *wat);

/* Put problems named "regel N..." in line order (others first). */
void cli_problemen_op_regel(struct err *e);

/* Print a Dutch usage error and return EXIT_USER. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* --jaar JJJJ (DATE_JAAR_MIN to DATE_JAAR_MAX) into *jaar (left alone
 * when text is NULL); exit code. */
int cli_jaar(const char *text, int *jaar);

/*
 * A whole number of an option or argument named `wat` ("--dagen",
 * "gewicht") within [min, max] into *out (left alone when text is NULL).
 * Otherwise prints "WAT: 'TEXT' is geen geheel getal van MIN tot en met
 * MAX." and returns EXIT_USER; never cuts a number short.
 */
int cli_int(const char *text, const char *wat, int64_t min, int64_t max,
	    int64_t *out);

/*
 * After ctx_open: exactly `npos` positional arguments, `compleet` (the
 * other required options given) and --jaar, else "Geef WAT."; then the
 * year parsed. 0, or the exit code.
 */
int ctx_vereist(const struct ctx *x, size_t npos, bool compleet,
		const char *jaar_text, int *jaar, const char *wat);

/* Parse a date option; on error prints a message naming `option`. */
int cli_date(const char *text, const char *option, day_t *out);

/* A whole file in memory: mapped, or read (standard input). */
struct cli_bestand {
	char *data; /* not NUL-terminated when mapped */
	size_t n;
	bool gemapt;
};

/*
 * Read a whole file ("-" is standard input). On failure prints a Dutch
 * message and returns EXIT_USER. Release it with cli_file_free.
 */
int cli_read_file(const char *path, struct cli_bestand *b);
void cli_file_free(struct cli_bestand *b);

/* Exit code for a status. */
int cli_exit_code(enum status st);

/* ---- output ---- */

/* A table of text cells, printed aligned, as CSV, or not at all (JSON). */
struct table {
	struct arena *a;
	size_t ncols;
	const char **headers;
	const char **cells; /* row-major */
	size_t nrows, cap;
};

void table_init(struct table *t, struct arena *a, size_t ncols,
		const char *const *headers);
/* Add a row of exactly ncols cells (NULL prints as empty). */
int table_row(struct table *t, const char *const *cells);
/* Aligned columns, two spaces apart, a rule under the headers. */
void table_print(const struct table *t, FILE *out, const char *indent);
/* RFC 4180 CSV with a header line. */
void table_csv(const struct table *t, FILE *out);

/* printf into the arena. */
const char *fmt_a(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Dutch long date into the arena ("" for DATE_NONE). */
const char *date_nl_a(struct arena *a, day_t d);
/* ISO date into the arena (NULL for DATE_NONE). */
const char *date_iso_a(struct arena *a, day_t d);
/* Cents as Dutch euro text in the arena: "€ 1.234,56". */
const char *bedrag_a(struct arena *a, int64_t cent);

/* Whether s is well-formed UTF-8 (no overlongs, no surrogates). */
bool utf8_valid(const char *s);

/* Display width of UTF-8 text in columns (code points). */
size_t utf8_width(const char *s);

struct json_t;
/* Print a JSON value (indented, keys in insertion order) and free it. */
void json_print(struct json_t *v, FILE *out);

/* ---- loading data ---- */

/* Load the BBV taakvelden and the CBS municipalities (reference data). */
enum status refdata_load(struct store *s, day_t today, struct err *e);

/* Load the embedded demo register (data/demo.json) in one transaction. */
enum status demo_load(struct store *s, day_t today, struct err *e);

/* Invented staff and two years of hours for the demo cooperations. */
enum status demo_uren_load(struct store *s, struct err *e);
/* Invented cost data, calculations and a scenario (demo_kosten.c). */
enum status demo_kosten_load(struct store *s, struct err *e);

/* Load a register document from memory (format: docs/register-document.md). */
enum status register_document_load(struct store *s, const char *json,
				   size_t len, day_t today, struct err *e);

#endif

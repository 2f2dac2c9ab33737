/*
 * csv_tabel.h - reading a CSV file that people export from another system
 * (hours, staff) into rows by named column: the header matched
 * case-insensitively in any order, unknown columns reported once (and
 * ignored), required columns checked, RFC 4180 quoting (separators and
 * newlines inside quotes), LF, CRLF or a lone CR, the separator ';' or ','
 * found from the header, and every row with the line number of the file
 * where it starts, so problems can say "regel N".
 *
 * The text must be UTF-8 (see uren_tekst). Uses libcsv; no I/O.
 */
#ifndef AMBT_CORE_CSV_TABEL_H
#define AMBT_CORE_CSV_TABEL_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "err.h"

#define CSV_MAX_KOLOMMEN 16

/* What a file must look like: its known columns, which are required. */
struct csv_kolommen {
	const char *const *namen;
	size_t n; /* at most CSV_MAX_KOLOMMEN */
	const bool *verplicht; /* n flags; NULL: none required */
	const char *wat; /* what the rows hold, for messages: "uren" */
};

struct csv_rij {
	size_t regel; /* line where the row starts */
	const char **veld; /* by column index; NULL: column absent */
};

struct csv_tabel {
	char separator;
	struct csv_rij *rijen;
	size_t nrijen;
	const char **onbekend; /* unknown header names, once each */
	size_t nonbekend;
	bool kop; /* the header was read */
	bool aanwezig[CSV_MAX_KOLOMMEN]; /* which known columns the header has */
};

/*
 * Read `n` bytes of UTF-8 text. Problems (ST_INVALID) are named
 * "regel N": an empty file, no header, a missing required column, a
 * column twice, a row with more fields than the header, a quote in the
 * wrong place or never closed. Short rows get "" for their missing
 * fields. On ST_OK *out holds the rows (arena); ST_TOO_LARGE when the
 * arena's limit is reached.
 */
enum status csv_tabel_lees(struct arena *a, const char *text, size_t n,
			   const struct csv_kolommen *spec,
			   struct csv_tabel *out, struct err *e);

/*
 * The same without keeping the rows: `fn` gets each row in turn (the row
 * and its fields are valid only during the call; return false to stop,
 * e.g. out of memory). out->rijen stays NULL; out->nrijen counts rows.
 * Memory use does not grow with the file.
 */
typedef bool (*csv_rij_fn)(void *ctx, const struct csv_rij *rij);
enum status csv_tabel_stroom(struct arena *a, const char *text, size_t n,
			     const struct csv_kolommen *spec, csv_rij_fn fn,
			     void *ctx, struct csv_tabel *out, struct err *e);

#endif

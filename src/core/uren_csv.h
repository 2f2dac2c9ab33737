/*
 * uren_csv.h - reading an hours export (docs/hours-file.md) into rows: the header
 * matched case-insensitively in any order, unknown columns reported once
 * (and ignored), required columns checked, RFC 4180 quoting (separators
 * and newlines inside quotes), CRLF or LF, and every row with the line
 * number of the file where it starts, so problems can say "regel N".
 *
 * The text must be UTF-8 (see uren_tekst). Uses libcsv; no I/O.
 */
#ifndef AMBT_CORE_UREN_CSV_H
#define AMBT_CORE_UREN_CSV_H

#include <stddef.h>

#include "arena.h"
#include "csv_tabel.h"
#include "err.h"

enum uren_kolom {
	KOLOM_MEDEWERKER,
	KOLOM_DATUM,
	KOLOM_WEEK,
	KOLOM_GEMEENTE,
	KOLOM_EENHEID,
	KOLOM_TAAKVELD,
	KOLOM_PRODUCT,
	KOLOM_UREN,
	KOLOM_OMSCHRIJVING,
	KOLOM_AANTAL
};

/* The column's name as in docs/hours-file.md ("medewerker"). */
const char *uren_kolom_naam(enum uren_kolom k);

/*
 * Read `n` bytes of UTF-8 text. Problems (ST_INVALID) are named
 * "regel N" with the column where there is one: an empty file, no header,
 * a missing required column (medewerker, datum or week, gemeente,
 * eenheid, uren), both datum and week, a column twice, a row with more
 * fields than the header, an unclosed quote. Up to ERR_MAX_PROBLEMS are
 * listed, the rest counted. On ST_OK *out holds the rows (arena).
 */
enum status uren_csv_lees(struct arena *a, const char *text, size_t n,
			  struct csv_tabel *out, struct err *e);

/* The same, row by row (see csv_tabel_stroom). */
enum status uren_csv_stroom(struct arena *a, const char *text, size_t n,
			    csv_rij_fn fn, void *ctx, struct csv_tabel *out,
			    struct err *e);

#endif
